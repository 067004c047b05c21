/* cmd_check.c - `scorecard check`: load a framework and report every problem at once. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "framework.h"
#include "sandbox.h"

static const char USAGE[] =
    "usage: scorecard check [--db PATH] PATH\n\n"
    "Loads the framework at PATH and reports every problem at once, with file:line: unknown\n"
    "rules, missing polarity, an indicator in no outcome, an outcome with no indicators,\n"
    "thresholds in the wrong order for the polarity. With a database (--db, $SCORECARD_DB,\n"
    "or ./scorecard.db when it exists), series absent from the store are warnings.\n";

typedef struct series_probe {
    int found;
} series_probe;

static int found_one(void *ctx, const store_obs_row *r)
{
    (void)r;
    ((series_probe *)ctx)->found = 1;
    return 1; /* one is enough */
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
        series_probe probe = {0};
        store_obs_filter filter = {f->ind[i].series, NULL, NULL, 0};
        if (store_each_observation(s, &filter, found_one, &probe, &e) != 0)
            fw_problems_add(&problems, 1, "%s", e.msg);
        else if (!probe.found)
            fw_problems_add(&problems, 0, "%s: indicator %s: the store has no series \"%s\"", f->ind[i].where,
                            f->ind[i].id, f->ind[i].series);
    }
    store_close(s);
    cli_print_problems(&problems);
    size_t errors = problems.errors, warnings = problems.warnings;
    char counts[96];
    snprintf(counts, sizeof counts, "%zu error%s, %zu warning%s", errors, errors == 1 ? "" : "s", warnings,
             warnings == 1 ? "" : "s");
    if (f)
        printf("%s: %s %s: %zu indicators, %zu outcomes; %s\n", path, f->id, f->version, f->nind, f->nout, counts);
    else
        printf("%s: %s\n", path, counts);
    framework_free(f, h);
    host_free(h);
    fw_problems_free(&problems);
    free(path);
    return errors ? CLI_FAILED : CLI_OK;
}
