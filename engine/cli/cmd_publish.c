/* cmd_publish.c - `scorecard publish`: a static site ready to upload as it is. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "eval.h"
#include "framework.h"
#include "report.h"
#include "output.h"
#include "sandbox.h"

static const char USAGE[] =
    "usage: scorecard publish --framework PATH [--period P] [--area CODE]... -o DIR [--db PATH]\n\n"
    "Evaluates the framework (and stores the run), then writes a static site to DIR:\n"
    "index.html (every area with its overall status), areas/CODE.html (one self-contained\n"
    "page per area with its charts) and compare.html (all areas side by side with the\n"
    "comparison charts). Links are relative, nothing is fetched from the network, and the\n"
    "pages follow the same accessibility rules as `run --format html`.\n\n"
    "The site is built in a folder beside DIR and swapped in whole: readers see the old\n"
    "site or the new one. DIR must be new, empty, or a site published before.\n";

/* Writes one page with `write`, as a new file in the folder being built. */
static int write_page(const char *path, int (*write)(FILE *, const result_set *, err *), const result_set *r, err *e)
{
    FILE *out = out_create(path, e);
    if (!out)
        return e->code;
    int rc = write(out, r, e);
    int closed = out_close(out, path, e);
    return rc ? rc : closed;
}

/* A file name for an area code: codes are letters, digits and '-'; anything else becomes '_'. */
static void page_name(const char *code, char *out, size_t cap)
{
    size_t n = (size_t)snprintf(out, cap, "areas/");
    for (const char *p = code; *p && n + 6 < cap; p++)
        out[n++] = (char)(((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')
                              ? *p
                              : '_');
    snprintf(out + n, cap - n, ".html");
}

/* Writes the site into `dir`, a new folder nobody reads yet (out_dir). */
static int build_site(const char *dir, const result_set *r, err *e)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/areas", dir);
    if (mkdir(path, 0777))
        return err_set(e, ERR_IO, "%s: cannot create the folder: %s", path, strerror(errno));
    char **pages = calloc(r->nareas ? r->nareas : 1, sizeof *pages);
    if (!pages)
        return err_set(e, ERR_NOMEM, "out of memory");
    int rc = 0;
    for (size_t a = 0; !rc && a < r->nareas; a++) {
        char name[256];
        page_name(r->areas[a].code, name, sizeof name);
        pages[a] = strdup(name);
        result_set one = *r; /* a view of one area: the page is the scorecard for it alone */
        one.areas = &r->areas[a];
        one.nareas = 1;
        snprintf(path, sizeof path, "%s/%s", dir, name);
        rc = pages[a] ? write_page(path, report_html, &one, e) : err_set(e, ERR_NOMEM, "out of memory");
    }
    if (!rc) {
        snprintf(path, sizeof path, "%s/compare.html", dir);
        rc = write_page(path, report_html, r, e);
    }
    if (!rc) {
        snprintf(path, sizeof path, "%s/index.html", dir);
        FILE *out = out_create(path, e);
        rc = out ? report_html_index(out, r, (const char *const *)pages, e) : e->code;
        if (out) {
            int closed = out_close(out, path, e);
            rc = rc ? rc : closed;
        }
    }
    for (size_t a = 0; a < r->nareas; a++)
        free(pages[a]);
    free(pages);
    return rc;
}

/* Builds the site beside `target`, stores the run, then swaps the site in:
 * readers see the old site or the new one, never a part of either, and a run
 * is recorded only for a site that was completely written. */
static int publish(cli_scorecard *sc, const char *target)
{
    err e = {0};
    result_set *r = sc->r;
    out_guard guard = cli_scorecard_guard(sc);
    out_dir d;
    if (out_dir_open(&d, target, &guard, &e))
        return cli_fail(&e);
    int rc = store_begin(sc->s, &e);
    int in_tx = !rc;
    if (!rc)
        rc = eval_store(sc->s, r, &e);
    if (!rc)
        rc = build_site(out_dir_target(&d), r, &e);
    if (!rc)
        rc = store_commit(sc->s, &e);
    if (rc) {
        if (in_tx)
            store_rollback(sc->s);
        out_dir_abort(&d);
        char why[sizeof e.msg];
        memcpy(why, e.msg, sizeof why);
        err_set(&e, e.code, "%s; nothing was published and the run was not stored", why);
        return cli_fail(&e);
    }
    if (out_dir_commit(&d, &e)) {
        char why[sizeof e.msg];
        memcpy(why, e.msg, sizeof why);
        err_set(&e, e.code, "run %lld was stored, but the site was not put in place: %s", r->run_id, why);
        return cli_fail(&e);
    }
    printf("%s: index.html, compare.html and %zu area page%s (run %lld, period %s)\n", target, r->nareas,
           r->nareas == 1 ? "" : "s", r->run_id, r->period);
    return CLI_OK;
}

int cmd_publish(int argc, char **argv)
{
    static const struct option opts[] = {CLI_SCORECARD_OPTIONS, {0, 0, 0, 0}};
    cli_scorecard_args a = {.command = "publish", .usage = USAGE};
    int rc = cli_scorecard_args_parse(&a, argc, argv, opts, NULL, NULL);
    if (rc < 0 && !a.output)
        rc = cli_usage("publish", "-o DIR is required");
    if (rc < 0) {
        cli_scorecard sc;
        rc = cli_scorecard_open(&sc, a.db, a.framework, &a.eval, NULL);
        if (!rc)
            rc = publish(&sc, a.output);
        cli_scorecard_close(&sc);
    }
    cli_scorecard_args_free(&a);
    return rc;
}
