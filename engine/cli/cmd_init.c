/* cmd_init.c - `scorecard init`: create or upgrade the database and load the geography. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"
#include "demo.h"
#include "geo.h"
#include "text.h"

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

typedef struct init_counts {
    geo_counts geo;
    demo_counts demo;
    int with_demo;
} init_counts;

/* Loads the geography from the data directory, and the demo data when
 * `frameworks` is given. */
static int fill(store *s, const char *data, const char *frameworks, init_counts *n, err *e)
{
    n->with_demo = frameworks != NULL;
    char dir[4096], levels[4096];
    snprintf(dir, sizeof dir, "%s/geography", data);
    snprintf(levels, sizeof levels, "%s/demo/levels.csv", data);
    int rc = geo_load(s, dir, &n->geo, e);
    return !rc && frameworks ? demo_load(s, frameworks, levels, &n->demo, e) : rc;
}

static int report(const char *path, const init_counts *n)
{
    printf("%s: schema version %d; geography loaded: %ld %s, %ld %s, %ld %s\n", path, store_schema_version(),
           n->geo.areas, text_plural(n->geo.areas, "area", "areas"), n->geo.aliases,
           text_plural(n->geo.aliases, "alias", "aliases"), n->geo.memberships,
           text_plural(n->geo.memberships, "membership", "memberships"));
    if (n->with_demo)
        printf("demo data: %ld %s of %ld %s for %ld %s (synthetic)\n", n->demo.rows,
               text_plural(n->demo.rows, "observation", "observations"), n->demo.indicators,
               text_plural(n->demo.indicators, "indicator", "indicators"), n->demo.frameworks,
               text_plural(n->demo.frameworks, "framework", "frameworks"));
    return CLI_OK;
}

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

    const char *path = cli_db_path(db);
    const char *dir = cli_data_dir(data);
    const char *fw_dir = demo ? cli_frameworks_dir(frameworks) : NULL;
    init_counts n;
    err e = {0};
    store *s = NULL;
    int rc;
    /* A new database is filled under a temporary name and then appears whole,
     * so a command run meanwhile finds no database, never a half-made one. */
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        if ((rc = store_open_new(path, &s, &e)) || (rc = fill(s, dir, fw_dir, &n, &e))) {
            store_close(s);
            return cli_fail(&e);
        }
        if ((rc = store_place_new(s, &e)) < 0)
            return cli_fail(&e);
        if (rc == 0)
            return report(path, &n);
        s = NULL; /* another init made it meanwhile: bring that one up to date instead */
    }
    if ((rc = store_open(path, STORE_CREATE, &s, &e)) || (rc = fill(s, dir, fw_dir, &n, &e))) {
        store_close(s);
        return cli_fail(&e);
    }
    store_close(s);
    return report(path, &n);
}
