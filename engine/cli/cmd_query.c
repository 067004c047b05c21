/* cmd_query.c - the listing commands: `areas`, `data` and `imports`. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "table.h"

/* Parses the options shared by listings plus the command's own; returns -1 to
 * go on, or an exit status. `own` handles the command's option codes. */
typedef struct listing {
    const char *name, *usage, *db;
    table_format format;
} listing;

static int parse_listing(listing *l, int argc, char **argv, const struct option *opts,
                         int (*own)(void *ctx, int code, const char *arg), void *ctx)
{
    err e = {0};
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == OPT_DB) {
            l->db = optarg;
        } else if (c == OPT_FORMAT) {
            if (table_format_parse(optarg, &l->format, &e))
                return cli_fail(&e);
        } else if (c == OPT_HELP) {
            fputs(l->usage, stdout);
            return CLI_OK;
        } else if (c == '?' || c == ':' || own(ctx, c, optarg)) {
            return cli_usage(l->name, "unknown or incomplete option %s", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage(l->name, "unexpected argument \"%s\"", argv[optind]);
    return -1;
}

/* Ends the table, closes the store and turns the outcome into an exit status. */
static int end_listing(table *t, store *s, int rc, err *e)
{
    if (t && table_end(t) && !rc)
        rc = err_set(e, ERR_IO, "writing the output failed");
    store_close(s);
    return rc ? cli_fail(e) : CLI_OK;
}

#define COMMON_OPTIONS                                                                                     \
    {"db", required_argument, 0, OPT_DB}, {"format", required_argument, 0, OPT_FORMAT},                 \
        {"help", no_argument, 0, OPT_HELP}

/* ---- areas ---- */

static const char AREAS_USAGE[] =
    "usage: scorecard areas [--country C] [--type T] [--parent CODE] [--on DATE] [--format text|csv|json]\n\n"
    "Lists the areas the database knows.\n\n"
    "  --country C     Scotland, England, Wales or Northern Ireland (any case; _ for spaces)\n"
    "  --type T        country, council, hscp, nhs_board, lhb, rpb, icb, hwb, district,\n"
    "                  combined_authority, hsc_trust, lgd, assembly_area, acute_trust,\n"
    "                  mh_community_trust, ambulance_trust\n"
    "  --parent CODE   only the direct members of CODE (e.g. the councils of an HSCP)\n"
    "  --on DATE       only areas in being on DATE (YYYY-MM-DD), and with --parent,\n"
    "                  members on that day (the ICBs of 2026-12-01, not of 2024)\n";

static int areas_option(void *ctx, int code, const char *arg)
{
    store_area_filter *f = ctx;
    if (code == 'c')
        f->country = arg;
    else if (code == 't')
        f->type = arg;
    else if (code == 'p')
        f->parent = arg;
    else if (code == 'o')
        f->on = arg;
    else
        return -1;
    return 0;
}

static int print_area(void *ctx, const store_area *a)
{
    const char *v[] = {a->code, a->name, a->type, a->country, a->valid_from, a->valid_to};
    return table_row(ctx, v) ? ERR_NOMEM : 0;
}

int cmd_areas(int argc, char **argv)
{
    static const struct option opts[] = {COMMON_OPTIONS,
                                         {"country", required_argument, 0, 'c'},
                                         {"type", required_argument, 0, 't'},
                                         {"parent", required_argument, 0, 'p'},
                                         {"on", required_argument, 0, 'o'},
                                         {0, 0, 0, 0}};
    listing l = {"areas", AREAS_USAGE, NULL, TABLE_TEXT};
    store_area_filter f = {0};
    int rc = parse_listing(&l, argc, argv, opts, areas_option, &f);
    if (rc >= 0)
        return rc;
    int day;
    if (f.on && cli_parse_date(f.on, &day))
        return cli_usage("areas", "--on %s: give a date as YYYY-MM-DD", f.on);
    store *s;
    if ((rc = cli_open_store(l.db, STORE_EXISTING, &s)))
        return rc;
    static const table_column cols[] = {{"code", 0},    {"name", 0},       {"type", 0},
                                        {"country", 0}, {"valid_from", 0}, {"valid_to", 0}};
    table *t = table_new(stdout, l.format, cols, 6);
    err e = {0};
    rc = t ? store_each_area(s, &f, print_area, t, &e) : err_set(&e, ERR_NOMEM, "out of memory");
    return end_listing(t, s, rc, &e);
}

/* ---- data ---- */

static const char DATA_USAGE[] =
    "usage: scorecard data [--indicator I] [--area CODE] [--period P] [--breakdown KEY]\n"
    "                      [--history] [--format text|csv|json]\n\n"
    "Shows stored observations: the current value of each series point, or with\n"
    "--history every value ever imported, superseded ones included.\n\n"
    "  --indicator I   one indicator\n"
    "  --area CODE     one area (a retired code is followed to its successor)\n"
    "  --period P      one period, as labelled in the data (e.g. 2022/23)\n"
    "  --breakdown KEY one breakdown, as listed (sex=Female; \"\" for all persons)\n"
    "  --history       include superseded values, with the batch that replaced them\n";

typedef struct data_query {
    store_obs_filter f;
    table *t;
} data_query;

static int data_option(void *ctx, int code, const char *arg)
{
    data_query *q = ctx;
    if (code == 'i')
        q->f.indicator = arg;
    else if (code == 'a')
        q->f.area = arg;
    else if (code == 'p')
        q->f.period = arg;
    else if (code == 'H')
        q->f.history = 1;
    else if (code == 'b')
        q->f.breakdown = arg;
    else
        return -1;
    return 0;
}

/* `v` as text in `buf`, or NULL when the observation has none: null in JSON,
 * an empty field in CSV and text, as a missing value. */
static const char *number(char *buf, size_t n, double v)
{
    if (isnan(v))
        return NULL;
    snprintf(buf, n, "%.15g", v);
    return buf;
}

static int print_obs(void *ctx, const store_obs_row *r)
{
    data_query *q = ctx;
    char buf[6][32], batch[24], line[24], superseded[24];
    const double given[6] = {r->o.numerator, r->o.denominator, r->o.lower_ci,
                             r->o.upper_ci,  r->o.lower_ci_998, r->o.upper_ci_998};
    const char *num[6];
    for (int i = 0; i < 6; i++)
        num[i] = number(buf[i], sizeof buf[i], given[i]);
    snprintf(batch, sizeof batch, "%lld", r->batch);
    snprintf(line, sizeof line, "%ld", r->o.source_line);
    snprintf(superseded, sizeof superseded, "%lld", r->superseded_by);
    char flags[64] = "";
    if (r->o.series_break)
        strcat(flags, "series_break");
    if (r->o.approximate)
        strcat(strcat(flags, *flags ? "," : ""), "approximate_geography");
    const char *v[] = {r->o.indicator, r->o.area,  r->o.source_area, r->o.breakdown, r->o.period_label, r->period_start,
                       r->period_end,  r->o.value_text, num[0], num[1], num[2], num[3], num[4], num[5],
                       obs_status_name(r->o.status), flags, r->o.note, r->o.published, batch,
                       r->o.source_line ? line : NULL, r->superseded_by ? superseded : NULL};
    return table_row(q->t, v) ? ERR_NOMEM : 0;
}

int cmd_data(int argc, char **argv)
{
    static const struct option opts[] = {COMMON_OPTIONS,
                                         {"indicator", required_argument, 0, 'i'},
                                         {"area", required_argument, 0, 'a'},
                                         {"period", required_argument, 0, 'p'},
                                         {"history", no_argument, 0, 'H'},
                                         {"breakdown", required_argument, 0, 'b'},
                                         {0, 0, 0, 0}};
    listing l = {"data", DATA_USAGE, NULL, TABLE_TEXT};
    data_query q = {0};
    int rc = parse_listing(&l, argc, argv, opts, data_option, &q);
    if (rc >= 0)
        return rc;
    store *s;
    if ((rc = cli_open_store(l.db, STORE_EXISTING, &s)))
        return rc;
    err e = {0};
    if (q.f.area) {
        int approximate;
        if ((rc = store_resolve_area(s, q.f.area, &q.f.area, &approximate, &e)) <= 0) {
            store_close(s);
            if (rc == 0)
                err_set(&e, ERR_USAGE, "unknown area code \"%s\" (see scorecard areas)", q.f.area);
            return cli_fail(&e);
        }
    }
    static const table_column cols[] = {
        {"indicator", 0}, {"area", 0},        {"source_area", 0}, {"breakdown", 0}, {"period", 0}, {"period_start", 0},
        {"period_end", 0}, {"value", 1},      {"numerator", 1}, {"denominator", 1}, {"lower_ci", 1},
        {"upper_ci", 1},  {"lower_ci_998", 1}, {"upper_ci_998", 1}, {"status", 0}, {"flags", 0}, {"note", 0},
        {"published", 0}, {"batch", 1},       {"line", 1},      {"superseded_by", 1}};
    int ncols = (int)(sizeof cols / sizeof *cols);
    q.t = table_new(stdout, l.format, cols, q.f.history ? ncols : ncols - 1); /* superseded_by only with history */
    rc = q.t ? store_each_observation(s, &q.f, print_obs, &q, &e) : err_set(&e, ERR_NOMEM, "out of memory");
    return end_listing(q.t, s, rc, &e);
}

/* ---- imports ---- */

static const char IMPORTS_USAGE[] = "usage: scorecard imports [--format text|csv|json]\n\n"
                                    "Lists import batches: file, when, what each did, the file's SHA-256 and the\n"
                                    "mapping's (empty when read by the default mapping).\n";

static int no_option(void *ctx, int code, const char *arg)
{
    (void)ctx, (void)code, (void)arg;
    return -1;
}

static int print_batch(void *ctx, const store_batch *b)
{
    char n[8][24];
    long long v[8] = {b->id, b->counts.read, b->counts.inserted, b->counts.unchanged, b->counts.superseding,
                      b->counts.duplicate, b->counts.rejected, b->counts.skipped};
    for (int i = 0; i < 8; i++)
        snprintf(n[i], sizeof n[i], "%lld", v[i]);
    const char *row[] = {n[0], b->file_name, b->format, b->imported_at, n[1], n[2], n[3], n[4], n[5], n[6], n[7],
                         b->sha256, b->mapping_sha256};
    return table_row(ctx, row) ? ERR_NOMEM : 0;
}

int cmd_imports(int argc, char **argv)
{
    static const struct option opts[] = {COMMON_OPTIONS, {0, 0, 0, 0}};
    listing l = {"imports", IMPORTS_USAGE, NULL, TABLE_TEXT};
    int rc = parse_listing(&l, argc, argv, opts, no_option, NULL);
    if (rc >= 0)
        return rc;
    store *s;
    if ((rc = cli_open_store(l.db, STORE_EXISTING, &s)))
        return rc;
    static const table_column cols[] = {{"batch", 1},   {"file", 0},      {"format", 0},     {"imported_at", 0},
                                        {"read", 1},    {"new", 1},       {"unchanged", 1},  {"superseding", 1},
                                        {"repeated", 1}, {"rejected", 1}, {"skipped", 1},   {"sha256", 0},
                                        {"mapping_sha256", 0}};
    table *t = table_new(stdout, l.format, cols, 13);
    err e = {0};
    rc = t ? store_each_batch(s, print_batch, t, &e) : err_set(&e, ERR_NOMEM, "out of memory");
    return end_listing(t, s, rc, &e);
}
