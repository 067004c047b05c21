/* cmd_init.c - `scorecard init`: create or upgrade the database and load the geography. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "demo.h"
#include "geo.h"

static const char USAGE[] =
    "usage: scorecard init [--db PATH] [--data DIR] [--demo [--frameworks DIR]]\n\n"
    "Creates the database (or upgrades its schema) and loads the bundled geography of the\n"
    "four UK countries: areas, retired-code aliases and memberships. Safe to run again.\n\n"
    "  --demo            also load made-up, realistic data for every shipped framework, so\n"
    "                    any scorecard can be run at once (seeded: always the same data)\n"
    "  --frameworks DIR  where the frameworks are (default $SCORECARD_FRAMEWORKS, else the\n"
    "                    frameworks folder of this build)\n"
    "  --db PATH    database file (default $SCORECARD_DB, else ./scorecard.db)\n"
    "  --data DIR   the data directory holding geography/ (default $SCORECARD_DATA, else\n"
    "               the one this build was configured with)\n";

int cmd_init(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, 0, OPT_DB},
                                         {"data", required_argument, 0, 'd'},
                                         {"demo", no_argument, 0, 'D'},
                                         {"frameworks", required_argument, 0, 'F'},
                                         {"help", no_argument, 0, OPT_HELP},
                                         {0, 0, 0, 0}};
    const char *db = NULL, *data = NULL, *frameworks = NULL;
    int demo = 0;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db = optarg; break;
        case 'd': data = optarg; break;
        case 'D': demo = 1; break;
        case 'F': frameworks = optarg; break;
        case OPT_HELP: fputs(USAGE, stdout); return CLI_OK;
        default: return cli_usage("init", "unknown or incomplete option %s", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage("init", "unexpected argument \"%s\"", argv[optind]);

    store *s;
    int rc = cli_open_store(db, STORE_CREATE, &s);
    if (rc)
        return rc;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/geography", cli_data_dir(data));
    geo_counts n;
    err e = {0};
    if (geo_load(s, dir, &n, &e)) {
        store_close(s);
        return cli_fail(&e);
    }
    printf("%s: schema version %d; geography loaded: %ld areas, %ld aliases, %ld memberships\n", cli_db_path(db),
           store_schema_version(), n.areas, n.aliases, n.memberships);
    if (demo) {
        demo_counts dc;
        if (demo_load(s, cli_frameworks_dir(frameworks), &dc, &e)) {
            store_close(s);
            return cli_fail(&e);
        }
        printf("demo data: %ld observations of %ld indicators for %ld frameworks (synthetic)\n", dc.rows,
               dc.indicators, dc.frameworks);
    }
    store_close(s);
    return CLI_OK;
}
