/* demo.c - seeded demo data for the shipped frameworks; see demo.h. */
#include "demo.h"

#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "csv.h"
#include "grow.h"
#include "framework.h"
#include "import.h"
#include "sandbox.h"
#include "stats.h"
#include "strmap.h"
#include "text.h"

#define DEMO_SEED 20231231u
#define DEMO_FIRST_YEAR 2018
#define DEMO_LAST_YEAR 2023 /* the financial year 2023/24 */

/* ---- a small deterministic generator (xorshift64*) ---- */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next_u64(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ull;
}

static double uniform(rng *r, double lo, double hi)
{
    return lo + (hi - lo) * (double)(next_u64(r) >> 11) / 9007199254740992.0;
}

static double normal(rng *r)
{
    double u = uniform(r, 1e-12, 1), v = uniform(r, 0, 1);
    return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

static uint64_t hash_text(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ? h : 1;
}

/* ---- what a unit says about the numbers behind it ---- */

/* What a unit says a figure is: a score on a 1-4 scale (the NHS Oversight
 * Framework's) and a 0/1 flag need figures in their range to be judged. */
typedef enum demo_kind { KIND_PERCENT, KIND_RATE, KIND_YEARS, KIND_COUNT, KIND_SCORE, KIND_FLAG } demo_kind;

static demo_kind kind_of(const char *unit, double *multiplier)
{
    *multiplier = 1;
    if (!unit)
        return KIND_COUNT;
    if (!strncmp(unit, "score", 5))
        return KIND_SCORE;
    if (!strcmp(unit, "flag"))
        return KIND_FLAG;
    if (strchr(unit, '%') || strstr(unit, "percent"))
        return KIND_PERCENT;
    if (strstr(unit, "100,000") || strstr(unit, "100000")) {
        *multiplier = 100000;
        return KIND_RATE;
    }
    if (strstr(unit, "10,000") || strstr(unit, "10000")) {
        *multiplier = 10000;
        return KIND_RATE;
    }
    if (strstr(unit, "1,000") || strstr(unit, "1000")) {
        *multiplier = 1000;
        return KIND_RATE;
    }
    if (strstr(unit, "year"))
        return KIND_YEARS;
    return KIND_COUNT;
}

/* ---- areas ---- */

typedef struct area_list {
    char **code;
    size_t n, cap;
    strmap *seen;
} area_list;

static int add_area(area_list *l, const char *code)
{
    int dummy;
    if (strmap_get(l->seen, code, &dummy))
        return 0;
    if (grow(&l->code, &l->cap, l->n + 1, sizeof *l->code, 64) || strmap_put(l->seen, code, 1))
        return ERR_NOMEM;
    return (l->code[l->n++] = strdup(code)) ? 0 : ERR_NOMEM;
}

typedef struct area_query {
    area_list *list;
    const char *country;
} area_query;

static int take_area(void *ctx, const store_area *a)
{
    area_query *q = ctx;
    if (a->valid_to || (q->country && !text_ieq(a->country, q->country)))
        return 0; /* only current areas, in the framework's country */
    return add_area(q->list, a->code);
}

/* The framework's areas, their members (for derived series) and its comparator. */
static int framework_areas(store *s, const framework *f, area_list *l, err *e)
{
    area_query q = {l, f->country};
    store_area_filter by_type = {.type = f->scores};
    int rc = store_each_area(s, &by_type, take_area, &q, e);
    size_t scored = l->n;
    q.country = NULL;
    for (size_t i = 0; !rc && i < scored; i++) {
        store_area_filter members = {.parent = l->code[i]};
        rc = store_each_area(s, &members, take_area, &q, e);
    }
    if (!rc && f->comparator.area)
        rc = add_area(l, f->comparator.area) ? err_set(e, ERR_NOMEM, "out of memory") : 0;
    return rc;
}

/* ---- periods ---- */

static int period_labels(period_type t, char labels[][24], int max)
{
    int n = 0;
    for (int y = DEMO_FIRST_YEAR; y <= DEMO_LAST_YEAR && n < max; y++) {
        if (t == PERIOD_FY_QUARTER || t == PERIOD_CALENDAR_QUARTER || t == PERIOD_MONTH) {
            for (int q = 1; q <= 4 && n < max; q++)
                snprintf(labels[n++], 24, "%d/%02d Q%d", y, (y + 1) % 100, q);
        } else if (t == PERIOD_CALENDAR_YEAR) {
            snprintf(labels[n++], 24, "%d", y);
        } else {
            snprintf(labels[n++], 24, "%d/%02d", y, (y + 1) % 100);
        }
    }
    return n;
}

/* The base period a change rule compares with, when the indicator has one: the
 * demo series must use that label's notation (pooled years for "2017-19"). */
static const char *rule_base(const fw_indicator *ind, char *out, size_t cap)
{
    out[0] = '\0';
    cJSON *rule = ind->rule_json ? cJSON_Parse(ind->rule_json) : NULL;
    const char *base = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(rule, "params"), "base"));
    if (base)
        snprintf(out, cap, "%s", base);
    cJSON_Delete(rule);
    return out[0] ? out : NULL;
}

/* Labels in the notation of `base` (a pooled, calendar or financial year), wide
 * enough to hold it; 0 when the framework's own periods will do. */
static int labels_like(const char *base, char labels[][24], int max)
{
    period p;
    err ignored;
    if (!base || period_parse(base, NULL, &p, &ignored))
        return 0;
    int n = 0;
    if (p.type == PERIOD_POOLED_YEARS) {
        for (int y = 2012; y + p.units - 1 <= DEMO_LAST_YEAR && n < max; y++)
            snprintf(labels[n++], 24, "%d-%02d", y, (y + p.units - 1) % 100);
    } else if (p.type == PERIOD_CALENDAR_YEAR) {
        for (int y = 2016; y <= DEMO_LAST_YEAR && n < max; y++)
            snprintf(labels[n++], 24, "%d", y);
    } else if (p.type == PERIOD_FY) {
        for (int y = 2016; y <= DEMO_LAST_YEAR && n < max; y++)
            snprintf(labels[n++], 24, "%d/%02d", y, (y + 1) % 100);
    }
    return n;
}

/* ---- levels ---- */

#define DEMO_MAX_LEVEL 1e9 /* above any national figure a framework publishes */

/* A series' national level and how often it is published, from the data
 * directory's demo/levels.csv: where a generic level for the unit would
 * mislead (an emergency admission rate of 900 per 100,000 where Scotland's is
 * about 11,500). */
typedef struct demo_levels {
    strmap *index; /* series -> index */
    double *level;
    int *every;    /* published every N periods, the last period included */
    size_t n, cap_level, cap_every;
} demo_levels;

static void levels_free(demo_levels *l)
{
    strmap_free(l->index);
    free(l->level);
    free(l->every);
}

/* Reads `path`; a missing file means no levels. */
static int levels_load(const char *path, demo_levels *l, err *e)
{
    memset(l, 0, sizeof *l);
    if (!(l->index = strmap_new()))
        return err_set(e, ERR_NOMEM, "out of memory");
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f)
        return 0;
    csv_reader *r = csv_new(f, path);
    int rc = r ? 0 : err_set(e, ERR_NOMEM, "out of memory");
    csv_record rec;
    int got;
    while (!rc && (got = csv_next(r, &rec, e)) == 1) {
        if (rec.line == 1) {
            if (rec.n < 3 || strcmp(rec.field[0], "series") || strcmp(rec.field[1], "level") ||
                strcmp(rec.field[2], "every"))
                rc = err_set(e, ERR_PARSE, "%s:1: the header must begin series,level,every", path);
            continue;
        }
        double level, every;
        /* A level is a national figure (a rate, a percentage, a count of bed
         * days): a billion is far above any, and keeps counts made from it
         * (level x population) finite. */
        if (rec.n < 3 || !*rec.field[0] || text_parse_decimal(rec.field[1], &level) || !(level > 0) ||
            level > DEMO_MAX_LEVEL || text_parse_decimal(rec.field[2], &every) || every < 1 || every > 4 ||
            every != (int)every) {
            rc = err_set(e, ERR_PARSE, "%s:%ld: give a series, a level above 0 and at most %.0f, and every 1 to 4",
                         path, rec.line, DEMO_MAX_LEVEL);
            break;
        }
        if (grow(&l->level, &l->cap_level, l->n + 1, sizeof *l->level, 32) ||
            grow(&l->every, &l->cap_every, l->n + 1, sizeof *l->every, 32) ||
            strmap_put(l->index, rec.field[0], (int)l->n)) {
            rc = err_set(e, ERR_NOMEM, "out of memory");
            break;
        }
        l->level[l->n] = level;
        l->every[l->n++] = (int)every;
    }
    if (!rc && got < 0)
        rc = got;
    csv_free(r);
    fclose(f);
    return rc;
}

/* ---- rows ---- */

static const char *const SURVEY_BREAK[] = {"NI-2", "NI-3", "NI-4", "NI-5", "NI-7", "NI-9", NULL};

static int breaks_in_2023(const char *series)
{
    for (int i = 0; SURVEY_BREAK[i]; i++)
        if (!strcmp(series, SURVEY_BREAK[i]))
            return 1;
    return 0;
}

static void write_row(FILE *out, const char *const *v)
{
    for (int i = 0; i < OBS_NFIELDS; i++) {
        if (i)
            fputc(',', out);
        csv_write_field(out, v[i] ? v[i] : "");
    }
    fputc('\n', out);
}

/* One series: indicator `ind` for `area`, over the framework's periods. */
static void write_series(FILE *out, const fw_indicator *ind, const char *area, char labels[][24], int nperiods,
                         const demo_levels *lv, rng *r, long *rows)
{
    double multiplier;
    demo_kind kind = kind_of(ind->unit, &multiplier);
    rng ir = {hash_text(ind->series)}; /* the indicator's level and trend, the same for every area */
    double level = kind == KIND_PERCENT   ? uniform(&ir, 45, 90)
                   : kind == KIND_YEARS   ? uniform(&ir, 58, 80)
                   : kind == KIND_RATE    ? uniform(&ir, 0.5, 3) * (multiplier == 1000 ? 12 : multiplier == 10000 ? 90 : 600)
                   : kind == KIND_SCORE   ? uniform(&ir, 1.8, 2.8)
                                          : uniform(&ir, 0.02, 0.15);
    int known, every = 1;
    if (strmap_get(lv->index, ind->series, &known)) {
        level = lv->level[known];
        every = lv->every[known];
    }
    double trend = normal(&ir) * 0.012;
    int is_country = strlen(area) == 9 && !strncmp(area + 1, "92", 2);
    uint64_t ah = hash_text(area);
    double population = is_country ? 3e6 + (double)(ah % 2000000) : 20000 + (double)(ah % 400000);
    double effect = is_country ? 1 : exp(normal(r) * 0.12);
    double area_trend = is_country ? 0 : normal(r) * 0.006;

    for (int t = 0; t < nperiods; t++) {
        double drift = 1 + (trend + area_trend) * t + normal(r) * 0.03;
        if ((nperiods - 1 - t) % every) /* a biennial survey: no figure this year */
            continue;
        char value[32] = "", num[32] = "", den[32] = "", lo[32] = "", hi[32] = "";
        const char *status = t == nperiods - 1 ? "provisional" : "";
        const char *brk = breaks_in_2023(ind->series) && !strncmp(labels[t], "2023/24", 7) ? "yes" : "";
        int suppress = !is_country && uniform(r, 0, 1) < 0.003; /* national figures are not withheld */
        stats_interval iv;
        err ignored;
        if (kind == KIND_PERCENT) {
            double p = fmin(fmax(level * effect * drift, 1), 99);
            double n = round(population * 0.01 + 40);
            double x = round(p / 100 * n);
            suppress |= x < 5;
            if (!stats_proportion(x, n, 100, 0.95, &iv, &ignored) && iv.status == STATS_OK) {
                snprintf(value, sizeof value, "%.1f", iv.value);
                snprintf(lo, sizeof lo, "%.1f", iv.lower);
                snprintf(hi, sizeof hi, "%.1f", iv.upper);
            }
            snprintf(num, sizeof num, "%.0f", x);
            snprintf(den, sizeof den, "%.0f", n);
        } else if (kind == KIND_RATE) {
            double rate = level * effect * drift;
            double x = round(rate * population / multiplier);
            suppress |= x < 5;
            if (!stats_rate(x, population, multiplier, 0.95, &iv, &ignored) && iv.status == STATS_OK) {
                snprintf(value, sizeof value, "%.1f", iv.value);
                snprintf(lo, sizeof lo, "%.1f", iv.lower);
                snprintf(hi, sizeof hi, "%.1f", iv.upper);
            }
            snprintf(num, sizeof num, "%.0f", x);
            snprintf(den, sizeof den, "%.0f", population);
        } else if (kind == KIND_YEARS) {
            double v = level * (1 + (effect - 1) * 0.3) * (1 + (trend + area_trend) * t * 0.2);
            snprintf(value, sizeof value, "%.1f", v);
            snprintf(lo, sizeof lo, "%.1f", v - 1.4);
            snprintf(hi, sizeof hi, "%.1f", v + 1.4);
        } else if (kind == KIND_SCORE) {
            snprintf(value, sizeof value, "%.2f", fmin(fmax(level * effect * effect * drift, 1), 4));
        } else if (kind == KIND_FLAG) {
            snprintf(value, sizeof value, "%d", ah % 4 == 0); /* a quarter of the areas flagged */
        } else {
            snprintf(value, sizeof value, "%.0f", fmax(round(level * population * effect * drift / 4), 0));
        }
        if (suppress) {
            snprintf(value, sizeof value, "*");
            num[0] = den[0] = lo[0] = hi[0] = '\0';
            status = "";
        }
        /* The oldest Fife rows keep the pre-2018 partnership code, which the aliases resolve. */
        const char *code = !strcmp(area, "S37000032") && t == 0 ? "S37000014" : area;
        const char *row[OBS_NFIELDS] = {ind->series, code, labels[t], value, num, den, lo, hi, status,
                                        "synthetic demo data", NULL, brk};
        write_row(out, row);
        (*rows)++;
    }
}

/* National frameworks first, teaching examples (demo-*) last: a series shared by
 * both is generated to suit the national one. */
static int by_name(const struct dirent **a, const struct dirent **b)
{
    int da = !strncmp((*a)->d_name, "demo-", 5), db = !strncmp((*b)->d_name, "demo-", 5);
    return da != db ? da - db : strcmp((*a)->d_name, (*b)->d_name);
}

/* Writes the rows for one framework's indicators not yet written for another. */
static int write_framework(store *s, const char *path, FILE *out, strmap *done, const demo_levels *lv,
                           demo_counts *c, err *e)
{
    fw_problems problems = {0};
    framework *f = NULL;
    host *h = sandbox_new(NULL, NULL, e);
    if (!h)
        return e->code;
    int rc = framework_load(h, path, &f, &problems, e);
    fw_problems_free(&problems);
    if (rc) { /* a framework that does not load gets no demo data; `scorecard check` says why */
        host_free(h);
        err_clear(e);
        return 0;
    }
    area_list areas = {NULL, 0, 0, strmap_new()};
    rc = areas.seen ? framework_areas(s, f, &areas, e) : err_set(e, ERR_NOMEM, "out of memory");
    char labels[40][24];
    int nperiods = period_labels(f->period_type, labels, 40);
    rng r = {hash_text(f->id ? f->id : path) ^ DEMO_SEED};
    for (size_t i = 0; !rc && i < f->nind; i++) {
        const fw_indicator *ind = &f->ind[i];
        int dummy;
        if (!ind->reported || !ind->series || strmap_get(done, ind->series, &dummy))
            continue;
        if (strmap_put(done, ind->series, 1)) {
            rc = err_set(e, ERR_NOMEM, "out of memory");
            break;
        }
        c->indicators++;
        char base[64], own[40][24];
        int nown = labels_like(rule_base(ind, base, sizeof base), own, 40);
        for (size_t a = 0; a < areas.n; a++)
            write_series(out, ind, areas.code[a], nown ? own : labels, nown ? nown : nperiods, lv, &r, &c->rows);
    }
    c->frameworks += rc == 0;
    for (size_t a = 0; a < areas.n; a++)
        free(areas.code[a]);
    free(areas.code);
    strmap_free(areas.seen);
    framework_free(f, h);
    host_free(h);
    return rc;
}

int demo_load(store *s, const char *frameworks_dir, const char *levels_path, demo_counts *c, err *e)
{
    memset(c, 0, sizeof *c);
    demo_levels lv;
    int lrc = levels_load(levels_path, &lv, e);
    if (lrc) {
        levels_free(&lv);
        return lrc;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len); /* the rows go in through the importer, like any file */
    if (!out)
        return err_set(e, ERR_NOMEM, "out of memory");
    obs_write_csv_header(out);
    struct dirent **names;
    int n = scandir(frameworks_dir, &names, NULL, by_name);
    strmap *done = strmap_new();
    int rc = n < 0 ? err_set(e, ERR_IO, "%s: cannot list the frameworks", frameworks_dir)
                   : done ? 0 : err_set(e, ERR_NOMEM, "out of memory");
    for (int i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/framework.lua", frameworks_dir, names[i]->d_name);
        if (!rc && names[i]->d_name[0] != '.' && access(path, R_OK) == 0)
            rc = write_framework(s, path, out, done, &lv, c, e);
        free(names[i]);
    }
    if (n >= 0)
        free(names);
    strmap_free(done);
    if (fclose(out) && !rc)
        rc = err_set(e, ERR_NOMEM, "writing the demo data failed");
    if (!rc) {
        import_report *report = malloc(sizeof *report);
        rc = report ? import_csv_text(s, "demo.csv", text, len, report, e) : err_set(e, ERR_NOMEM, "out of memory");
        if (rc == ERR_INVALID && report && report->listed)
            err_set(e, ERR_INVALID, "the generated demo data was refused: %s", report->problem[0]);
        free(report);
    }
    free(text);
    levels_free(&lv);
    return rc;
}
