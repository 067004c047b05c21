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
    "index.html (every area with its overall and outcome statuses and its indicators'\n"
    "colours counted), areas/CODE.html (one self-contained page per area with its charts),\n"
    "compare/ID.html (one page per indicator: every area's figure and the comparison chart;\n"
    "compare/ID.html#area-CODE highlights the area) and compare.html (the indicators and the\n"
    "area by indicator matrix). Links are relative, nothing is fetched from the network, and\n"
    "the pages follow the same accessibility rules as `run --format html`.\n\n"
    "The site is built in a folder beside DIR and swapped in whole: readers see the old\n"
    "site or the new one. DIR must be new, empty, or a site published before.\n";

/* Closes a page written with rc, keeping the first error. */
static int page_done(FILE *out, const char *path, int rc, err *e)
{
    int closed = out_close(out, path, e);
    return rc ? rc : closed;
}

/* The site's file names: "areas/SLUG.html" per area, "compare/SLUG.html" per
 * indicator (report_slug: safe as file names, distinct). */
static int name_pages(const result_set *r, char ***areas, char ***inds, err *e)
{
    const framework *f = r->framework;
    *areas = calloc(r->nareas + 1, sizeof **areas);
    *inds = calloc(f->nind + 1, sizeof **inds);
    if (!*areas || !*inds)
        return err_set(e, ERR_NOMEM, "out of memory");
    char slug[REPORT_SLUG_MAX], name[REPORT_SLUG_MAX + 16];
    for (size_t a = 0; a < r->nareas; a++) {
        report_slug(r->areas[a].code, a, slug, sizeof slug);
        snprintf(name, sizeof name, "areas/%s.html", slug);
        if (!((*areas)[a] = strdup(name)))
            return err_set(e, ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < f->nind; i++) {
        report_slug(f->ind[i].id, i, slug, sizeof slug);
        snprintf(name, sizeof name, "compare/%s.html", slug);
        if (!((*inds)[i] = strdup(name)))
            return err_set(e, ERR_NOMEM, "out of memory");
    }
    return 0;
}

static void free_names(char **names, size_t n)
{
    for (size_t k = 0; names && k < n; k++)
        free(names[k]);
    free(names);
}

/* Writes the site into `dir`, a new folder nobody reads yet (out_dir). */
static int build_site(const char *dir, const result_set *r, err *e)
{
    const framework *f = r->framework;
    char path[4096];
    static const char *const folders[] = {"areas", "compare"};
    for (size_t k = 0; k < 2; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, folders[k]);
        if (mkdir(path, 0777))
            return err_set(e, ERR_IO, "%s: cannot create the folder: %s", path, strerror(errno));
    }
    char **areas = NULL, **inds = NULL;
    int rc = name_pages(r, &areas, &inds, e);
    report_site site = {(const char *const *)areas, (const char *const *)inds};
    /* pages[k]: an area's page (k < nareas), an indicator's comparison page, the comparisons' index, the index */
    size_t npages = r->nareas + f->nind + 2;
    for (size_t k = 0; !rc && k < npages; k++) {
        const char *name = k < r->nareas ? areas[k] : k < r->nareas + f->nind ? inds[k - r->nareas]
                           : k == npages - 2                           ? "compare.html"
                                                                       : "index.html";
        snprintf(path, sizeof path, "%s/%s", dir, name);
        FILE *out = out_create(path, e);
        if (!out)
            rc = e->code;
        else if (k < r->nareas)
            rc = page_done(out, path, report_html_area(out, r, k, &site, e), e);
        else if (k < r->nareas + f->nind)
            rc = page_done(out, path, report_html_compare(out, r, k - r->nareas, &site, e), e);
        else if (k == npages - 2)
            rc = page_done(out, path, report_html_compare_index(out, r, &site, e), e);
        else
            rc = page_done(out, path, report_html_index(out, r, &site, e), e);
    }
    free_names(areas, r->nareas);
    free_names(inds, f->nind);
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
    size_t nind = r->framework->nind;
    printf("%s: index.html, compare.html, %zu area page%s and %zu comparison page%s (run %lld, period %s)\n", target,
           r->nareas, r->nareas == 1 ? "" : "s", nind, nind == 1 ? "" : "s", r->run_id, r->period);
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
