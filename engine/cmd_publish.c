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
#include "sandbox.h"

static const char USAGE[] =
    "usage: scorecard publish --framework PATH [--period P] [--area CODE]... -o DIR [--db PATH]\n\n"
    "Evaluates the framework (and stores the run), then writes a static site to DIR:\n"
    "index.html (every area with its overall status), areas/CODE.html (one self-contained\n"
    "page per area with its charts) and compare.html (all areas side by side with the\n"
    "comparison charts). Links are relative, nothing is fetched from the network, and the\n"
    "pages follow the same accessibility rules as `run --format html`.\n";

static int make_dir(const char *path, err *e)
{
    if (mkdir(path, 0777) && errno != EEXIST)
        return err_set(e, ERR_IO, "%s: cannot create the folder", path);
    return 0;
}

/* Writes one page with `write`; a page is a file, all or nothing to the reader. */
static int write_page(const char *path, int (*write)(FILE *, const result_set *, err *), const result_set *r, err *e)
{
    FILE *out = fopen(path, "w");
    if (!out)
        return err_set(e, ERR_IO, "%s: cannot write", path);
    int rc = write(out, r, e);
    if (fclose(out) && !rc)
        rc = err_set(e, ERR_IO, "%s: write error", path);
    return rc;
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

static int publish(const char *dir, const result_set *r, err *e)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/areas", dir);
    int rc = make_dir(dir, e);
    if (!rc)
        rc = make_dir(path, e);
    char **pages = calloc(r->nareas ? r->nareas : 1, sizeof *pages);
    if (!pages)
        return err_set(e, ERR_NOMEM, "out of memory");
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
        FILE *out = fopen(path, "w");
        rc = out ? report_html_index(out, r, (const char *const *)pages, e) : err_set(e, ERR_IO, "%s: cannot write", path);
        if (out && fclose(out) && !rc)
            rc = err_set(e, ERR_IO, "%s: write error", path);
    }
    for (size_t a = 0; a < r->nareas; a++)
        free(pages[a]);
    free(pages);
    return rc;
}

int cmd_publish(int argc, char **argv)
{
    enum { O_FRAMEWORK = 1, O_PERIOD, O_AREA };
    static const struct option opts[] = {{"db", required_argument, 0, OPT_DB},
                                         {"framework", required_argument, 0, O_FRAMEWORK},
                                         {"period", required_argument, 0, O_PERIOD},
                                         {"area", required_argument, 0, O_AREA},
                                         {"output", required_argument, 0, 'o'},
                                         {"help", no_argument, 0, OPT_HELP},
                                         {0, 0, 0, 0}};
    const char *db = NULL, *path = NULL, *dir = NULL;
    const char **areas = calloc((size_t)argc + 1, sizeof *areas);
    eval_options o = {NULL, NULL, 0, 1};
    int c;
    optind = 0;
    opterr = 0;
    while (areas && (c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db = optarg; break;
        case O_FRAMEWORK: path = optarg; break;
        case O_PERIOD: o.period = optarg; break;
        case O_AREA: areas[o.nareas++] = optarg; break;
        case 'o': dir = optarg; break;
        case OPT_HELP: free(areas); return fputs(USAGE, stdout), CLI_OK;
        default: free(areas); return cli_usage("publish", "unknown or incomplete option %s", argv[optind - 1]);
        }
    }
    if (!areas || !path || !dir || optind < argc) {
        free(areas);
        return cli_usage("publish", !path ? "--framework PATH is required" : !dir ? "-o DIR is required"
                                                                                 : "unexpected argument");
    }
    if (o.nareas)
        o.areas = areas;
    store *s;
    int rc = cli_open_store(db, &s);
    if (rc) {
        free(areas);
        return rc;
    }
    err e = {0};
    fw_problems problems = {0};
    framework *f = NULL;
    result_set *r = NULL;
    host *h = cli_sandbox(NULL, &e);
    if (!h)
        rc = cli_fail(&e);
    else if (framework_load(h, path, &f, &problems, &e)) {
        cli_print_problems(&problems);
        rc = cli_fail(&e);
    } else if (eval_run(s, h, f, &o, &r, &e) || publish(dir, r, &e)) {
        rc = cli_fail(&e);
    } else {
        printf("%s: index.html, compare.html and %zu area page%s (run %lld, period %s)\n", dir, r->nareas, r->nareas == 1 ? "" : "s", r->run_id,
               r->period);
    }
    result_set_free(r);
    framework_free(f, h);
    host_free(h);
    fw_problems_free(&problems);
    store_close(s);
    free(areas);
    return rc;
}
