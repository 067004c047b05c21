/* cmd_check.c - `scorecard check`: load a framework and report every problem at once. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "framework.h"
#include "sandbox.h"
#include "text.h"

static const char USAGE[] =
    "usage: scorecard check [--db PATH] PATH\n\n"
    "Loads the framework at PATH and reports every problem at once, with file:line: unknown\n"
    "rules, missing polarity, an indicator in no outcome, an outcome with no indicators,\n"
    "thresholds in the wrong order for the polarity. With a database (--db, $SCORECARD_DB,\n"
    "or ./scorecard.db when it exists), series absent from the store are warnings.\n";

/* The breakdowns a series has, as `check` lists them when the framework asks
 * for one the data do not hold. */
typedef struct breakdown_probe {
    const char *wanted;
    int found, others;
    long long rows;
    char list[400];
} breakdown_probe;

static int note_breakdown(void *ctx, const char *key, long long rows)
{
    breakdown_probe *p = ctx;
    p->rows += rows;
    if (!strcmp(key, p->wanted)) {
        p->found = 1;
        return 0;
    }
    size_t len = strlen(p->list);
    if (p->others++ < 5 && len + 4 < sizeof p->list)
        snprintf(p->list + len, sizeof p->list - len, "%s%s (%lld %s)", len ? ", " : "",
                 *key ? key : "all persons", rows, text_plural(rows, "row", "rows"));
    else if (p->others == 6 && len + 8 < sizeof p->list)
        snprintf(p->list + len, sizeof p->list - len, ", ...");
    return 0;
}

/* What the designers wrote for each other (design_notes) and the definitions
 * still to confirm: check lists them, as published pages do not. */
static void print_design_notes(const framework *f)
{
    size_t n = 0;
    for (size_t i = 0; f && i < f->nind; i++) {
        const fw_indicator *ind = &f->ind[i];
        int unconfirmed = ind->definition && !strcmp(ind->definition, "unconfirmed");
        if (!unconfirmed && !(ind->design_notes && *ind->design_notes))
            continue;
        if (!n++)
            fputs("for the designers (not on published pages):\n", stdout);
        printf("  %s: %s:%s%s%s\n", ind->where ? ind->where : f->where, ind->id,
               unconfirmed ? " definition unconfirmed." : "", ind->design_notes && *ind->design_notes ? " " : "",
               ind->design_notes ? ind->design_notes : "");
    }
}

int cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, 0, OPT_DB},
                                         {"help", no_argument, 0, OPT_HELP},
                                         {0, 0, 0, 0}};
    const char *db = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == OPT_DB)
            db = optarg;
        else if (c == OPT_HELP)
            return fputs(USAGE, stdout), CLI_OK;
        else
            return cli_usage("check", "unknown or incomplete option %s", argv[optind - 1]);
    }
    if (argc - optind != 1)
        return cli_usage("check", "give one framework file");
    char *path = cli_framework_file(argv[optind]);
    err e = {0};
    fw_problems problems = {0};
    framework *f = NULL;
    host *h = path ? cli_sandbox(NULL, &e) : NULL;
    if (!h) {
        free(path);
        return path ? cli_fail(&e) : CLI_FAILED;
    }
    int rc = framework_load(h, path, &f, &problems, &e);
    if (rc && !problems.errors) /* the file did not run: that is the problem to report */
        fw_problems_add(&problems, 1, "%s", e.msg);
    store *s = NULL;
    /* The series are checked against the database: one named with --db must
     * exist; $SCORECARD_DB or ./scorecard.db is used when there, and a
     * $SCORECARD_DB that is not there is worth a warning (a framework may well
     * be checked before any data is imported). */
    const char *env = getenv("SCORECARD_DB");
    const char *dbpath = cli_db_path(db);
    if (f && (db || access(dbpath, F_OK) == 0)) {
        if (store_open(dbpath, STORE_EXISTING, &s, &e) != 0)
            fw_problems_add(&problems, 1, "%s", e.msg);
    } else if (f && env && *env) {
        fw_problems_add(&problems, 0, "no database at %s (SCORECARD_DB): series not checked", dbpath);
    }
    for (size_t i = 0; s && i < f->nind; i++) {
        if (!f->ind[i].reported)
            continue;
        const fw_indicator *ind = &f->ind[i];
        breakdown_probe probe = {.wanted = ind->breakdown ? ind->breakdown : ""};
        if (store_each_breakdown(s, ind->series, note_breakdown, &probe, &e) != 0)
            fw_problems_add(&problems, 1, "%s", e.msg);
        else if (!probe.rows)
            fw_problems_add(&problems, 0, "%s: indicator %s: the store has no series \"%s\"", ind->where, ind->id,
                            ind->series);
        else if (!probe.found) /* every area would be "no value": say what the data do hold */
            fw_problems_add(&problems, 0, "%s: indicator %s: the store has series \"%s\", but not for %s%s; it holds %s",
                            ind->where, ind->id, ind->series, probe.wanted[0] ? "the breakdown " : "all persons",
                            probe.wanted, probe.list);
    }
    store_close(s);
    cli_print_problems(&problems);
    size_t errors = problems.errors, warnings = problems.warnings;
    char counts[96];
    snprintf(counts, sizeof counts, "%zu error%s, %zu warning%s", errors, errors == 1 ? "" : "s", warnings,
             warnings == 1 ? "" : "s");
    if (f)
        printf("%s: %s %s: %zu %s, %zu %s; %s\n", path, f->id, f->version, f->nind,
               text_plural((long long)f->nind, "indicator", "indicators"), f->nout,
               text_plural((long long)f->nout, "outcome", "outcomes"), counts);
    else
        printf("%s: %s\n", path, counts);
    print_design_notes(f);
    framework_free(f, h);
    host_free(h);
    fw_problems_free(&problems);
    free(path);
    return errors ? CLI_FAILED : CLI_OK;
}
