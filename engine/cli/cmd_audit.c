/* cmd_audit.c - the auditor's commands: `runs`, `explain` and `diff`, all read
 * from what `scorecard run` stored; nothing is recomputed. */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "grow.h"
#include "obs.h"
#include "strmap.h"
#include "table.h"

/* ---- runs ---- */

static const char RUNS_USAGE[] = "usage: scorecard runs [--db PATH] [--format text|csv|json]\n\n"
                                 "Lists stored scorecard runs, newest first: framework, version, period, areas,\n"
                                 "when, and the fingerprints of the framework files and of the data read.\n";

static int print_run(void *ctx, const store_run_row *r)
{
    char id[24], areas[24];
    snprintf(id, sizeof id, "%lld", r->id);
    snprintf(areas, sizeof areas, "%ld", r->areas);
    const char *v[] = {id, r->run.framework_id, r->run.framework_version, r->run.period, areas, r->started_at,
                       r->run.framework_sha256, r->data_fingerprint};
    return table_row(ctx, v) ? ERR_NOMEM : 0;
}

/* Parses --db, --format and --help, plus `extra` options handled by `own`. Returns -1 to go on. */
static int audit_options(const char *name, const char *usage, int argc, char **argv, const struct option *extra,
                         int (*own)(void *ctx, int c, const char *arg), void *ctx, const char **db,
                         table_format *format)
{
    struct option opts[16] = {{"db", required_argument, 0, OPT_DB},
                              {"format", required_argument, 0, OPT_FORMAT},
                              {"help", no_argument, 0, OPT_HELP}};
    int n = 3;
    for (int i = 0; extra && extra[i].name && n < 15; i++)
        opts[n++] = extra[i];
    opts[n] = (struct option){0, 0, 0, 0};
    err e = {0};
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == OPT_DB)
            *db = optarg;
        else if (c == OPT_FORMAT) {
            if (table_format_parse(optarg, format, &e))
                return cli_fail(&e);
        } else if (c == OPT_HELP)
            return fputs(usage, stdout), CLI_OK;
        else if (c == '?' || c == ':' || !own || own(ctx, c, optarg))
            return cli_usage(name, "unknown or incomplete option %s", argv[optind - 1]);
    }
    return -1;
}

int cmd_runs(int argc, char **argv)
{
    const char *db = NULL;
    table_format format = TABLE_TEXT;
    int rc = audit_options("runs", RUNS_USAGE, argc, argv, NULL, NULL, NULL, &db, &format);
    if (rc >= 0)
        return rc;
    if (optind < argc)
        return cli_usage("runs", "unexpected argument \"%s\"", argv[optind]);
    store *s;
    if ((rc = cli_open_store(db, STORE_EXISTING, &s)))
        return rc;
    static const table_column cols[] = {{"run", 1},    {"framework", 0},   {"version", 0},           {"period", 0},
                                        {"areas", 1},  {"started_at", 0},  {"framework_sha256", 0}, {"data_fingerprint", 0}};
    table *t = table_new(stdout, format, cols, 8);
    err e = {0};
    rc = t ? store_each_run(s, 0, print_run, t, &e) : err_set(&e, ERR_NOMEM, "out of memory");
    if (t && table_end(t) && !rc)
        rc = err_set(&e, ERR_IO, "writing the output failed");
    store_close(s);
    return rc ? cli_fail(&e) : CLI_OK;
}

/* ---- explain ---- */

static const char EXPLAIN_USAGE[] =
    "usage: scorecard explain [--run ID | --framework ID [--period P]] --area CODE --indicator ID\n"
    "                         [--db PATH] [--format text|json]\n\n"
    "Shows why an indicator has its colour in a stored run: the inputs used with the import\n"
    "batch and file line they came from, the rule and its parameters with where it is\n"
    "defined, the intermediate numbers, the reason, and the outcomes it rolls up into.\n"
    "Without --run, the latest run that scored the area (of framework ID, for period P, when\n"
    "given).\n";

typedef struct explain_args {
    long long run;
    const char *area, *indicator, *framework, *period;
} explain_args;

static int explain_option(void *ctx, int c, const char *arg)
{
    explain_args *a = ctx;
    if (c == 'r')
        a->run = atoll(arg);
    else if (c == 'a')
        a->area = arg;
    else if (c == 'i')
        a->indicator = arg;
    else if (c == 'f')
        a->framework = arg;
    else if (c == 'p')
        a->period = arg;
    else
        return -1;
    return 0;
}

typedef struct found_result {
    int found;
    store_result r;
    char *strings[9]; /* copies: the row is valid during the callback only */
} found_result;

static char *keep(found_result *f, int i, const char *v)
{
    free(f->strings[i]);
    f->strings[i] = v ? strdup(v) : NULL;
    return f->strings[i];
}

static int take_result(void *ctx, const store_result *r)
{
    found_result *f = ctx;
    f->found = 1;
    f->r = *r;
    f->r.area = keep(f, 0, r->area);
    f->r.kind = keep(f, 1, r->kind);
    f->r.item = keep(f, 2, r->item);
    f->r.status = keep(f, 3, r->status);
    f->r.assessment = keep(f, 4, r->assessment);
    f->r.value_text = keep(f, 5, r->value_text);
    f->r.period = keep(f, 6, r->period);
    f->r.reason = keep(f, 7, r->reason);
    f->r.details = keep(f, 8, r->details);
    const char *given[9] = {r->area, r->kind, r->item, r->status, r->assessment, r->value_text, r->period, r->reason,
                            r->details};
    for (int i = 0; i < 9; i++)
        if (given[i] && !f->strings[i])
            return ERR_NOMEM;
    return 1;
}

static void free_found(found_result *f)
{
    for (int i = 0; i < 9; i++)
        free(f->strings[i]);
}

typedef struct latest_run {
    long long id;
    const char *area, *framework, *period;
    store *s;
    err *e;
} latest_run;

static int pick_run(void *ctx, const store_run_row *r)
{
    latest_run *l = ctx;
    if ((l->framework && strcmp(l->framework, r->run.framework_id)) || (l->period && strcmp(l->period, r->run.period)))
        return 0;
    found_result f = {0};
    store_result_filter filter = {r->id, l->area, "area", NULL};
    int rc = store_each_result(l->s, &filter, take_result, &f, l->e);
    free_found(&f);
    if (rc)
        return rc;
    if (f.found) {
        l->id = r->id;
        return 1;
    }
    return 0;
}

static int print_outcome_line(void *ctx, const store_result *r)
{
    (void)ctx;
    printf("    %-8s %s %-5s %s\n", r->kind, r->item, r->status, r->reason ? r->reason : "");
    return 0;
}

static void print_json_field(const char *label, const cJSON *v)
{
    char *text = v ? cJSON_PrintUnformatted(v) : NULL;
    if (text)
        printf("  %-13s %s\n", label, text);
    free(text);
}

static int show_run(void *ctx, const store_run_row *r)
{
    (void)ctx;
    printf("Run %lld: %s %s (framework sha256 %.12s...), period %s, data fingerprint %.12s..., at %s\n", r->id,
           r->run.framework_id, r->run.framework_version, r->run.framework_sha256, r->run.period,
           r->data_fingerprint ? r->data_fingerprint : "-", r->started_at);
    return 1;
}

int cmd_explain(int argc, char **argv)
{
    static const struct option extra[] = {{"run", required_argument, 0, 'r'},
                                          {"area", required_argument, 0, 'a'},
                                          {"indicator", required_argument, 0, 'i'},
                                          {"framework", required_argument, 0, 'f'},
                                          {"period", required_argument, 0, 'p'},
                                          {0, 0, 0, 0}};
    explain_args a = {0, NULL, NULL, NULL, NULL};
    const char *db = NULL;
    table_format format = TABLE_TEXT;
    int rc = audit_options("explain", EXPLAIN_USAGE, argc, argv, extra, explain_option, &a, &db, &format);
    if (rc >= 0)
        return rc;
    if (!a.area || !a.indicator || optind < argc)
        return cli_usage("explain", "--area and --indicator are required");
    store *s;
    if ((rc = cli_open_store(db, STORE_EXISTING, &s)))
        return rc;
    err e = {0};
    const char *current;
    int approximate;
    int found = store_resolve_area(s, a.area, &current, &approximate, &e);
    if (found > 0)
        a.area = current;
    rc = found < 0 ? found : 0;
    if (!rc && a.run <= 0) {
        latest_run l = {0, a.area, a.framework, a.period, s, &e};
        rc = store_each_run(s, 0, pick_run, &l, &e);
        a.run = l.id;
    }
    found_result f = {0};
    store_result_filter filter = {a.run, a.area, "indicator", a.indicator};
    if (!rc && a.run > 0)
        rc = store_each_result(s, &filter, take_result, &f, &e);
    if (!rc && !f.found)
        rc = err_set(&e, ERR_USAGE, "run %lld has no result for indicator %s in area %s (see scorecard runs)", a.run,
                     a.indicator, a.area);
    if (rc) {
        free_found(&f);
        store_close(s);
        return cli_fail(&e);
    }
    cJSON *details = f.r.details ? cJSON_Parse(f.r.details) : NULL;
    if (format == TABLE_JSON) {
        cJSON *out = cJSON_CreateObject();
        cJSON_AddNumberToObject(out, "run", (double)a.run);
        cJSON_AddStringToObject(out, "area", f.r.area);
        cJSON_AddStringToObject(out, "indicator", f.r.item);
        cJSON_AddStringToObject(out, "status", f.r.status);
        if (f.r.assessment)
            cJSON_AddStringToObject(out, "assessment", f.r.assessment);
        if (f.r.reason)
            cJSON_AddStringToObject(out, "reason", f.r.reason);
        if (details)
            cJSON_AddItemToObject(out, "details", details);
        char *text = cJSON_Print(out);
        puts(text ? text : "null");
        free(text);
        cJSON_Delete(out);
    } else {
        rc = store_each_run(s, a.run, show_run, NULL, &e);
        printf("Area %s, indicator %s\n", f.r.area, f.r.item);
        printf("  %-13s %s (%s)\n", "colour", f.r.status, f.r.assessment ? f.r.assessment : "-");
        printf("  %-13s %s\n", "reason", f.r.reason ? f.r.reason : "-");
        printf("  %-13s %s for %s\n", "value", f.r.value_text ? f.r.value_text : "-", f.r.period ? f.r.period : "-");
        if (!isnan(f.r.comparator))
            printf("  %-13s %.10g\n", "comparator", f.r.comparator);
        const cJSON *input = cJSON_GetObjectItemCaseSensitive(details, "observation");
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(input, "id");
        if (!rc && cJSON_IsNumber(id) && id->valuedouble > 0) {
            long long batch = 0;
            long line = 0;
            char file[512];
            int known = store_observation_source(s, (long long)id->valuedouble, &batch, file, sizeof file, &line, &e);
            rc = known < 0 ? known : 0;
            if (known == 1)
                printf("  %-13s observation %lld, import batch %lld, %s line %ld\n", "source",
                       (long long)id->valuedouble, batch, file, line);
        }
        print_json_field("input", input);
        print_json_field("comparator", cJSON_GetObjectItemCaseSensitive(details, "comparator"));
        print_json_field("rule", cJSON_GetObjectItemCaseSensitive(details, "rule"));
        const cJSON *at = cJSON_GetObjectItemCaseSensitive(details, "defined_at");
        if (cJSON_IsString(at))
            printf("  %-13s %s\n", "defined at", at->valuestring);
        print_json_field("worked", cJSON_GetObjectItemCaseSensitive(details, "result"));
        printf("  rolls up into (this area's outcomes and overall colour in the run):\n");
        store_result_filter up = {a.run, a.area, NULL, NULL};
        for (int k = 0; !rc && k < 2; k++) {
            up.kind = k ? "outcome" : "area";
            rc = store_each_result(s, &up, print_outcome_line, NULL, &e);
        }
        cJSON_Delete(details);
    }
    free_found(&f);
    store_close(s);
    return rc ? cli_fail(&e) : CLI_OK;
}

/* ---- diff ---- */

static const char DIFF_USAGE[] =
    "usage: scorecard diff RUN_A RUN_B [--db PATH]\n\n"
    "Shows every result whose colour or assessment changed between two stored runs (two\n"
    "quarters, or two framework versions on the same data) and why: the data changed (a\n"
    "different observation or value), the rule changed (different parameters), or both.\n";

typedef struct diff_side {
    strmap *index; /* area|kind|item -> row */
    char **key, **status, **assessment, **details;
    size_t n, key_cap, status_cap, assessment_cap, details_cap;
} diff_side;

static int keep_side(void *ctx, const store_result *r)
{
    diff_side *d = ctx;
    char key[300];
    snprintf(key, sizeof key, "%s|%s|%s", r->area, r->kind, r->item);
    size_t n = d->n + 1;
    if (grow(&d->key, &d->key_cap, n, sizeof *d->key, 64) || grow(&d->status, &d->status_cap, n, sizeof *d->status, 64) ||
        grow(&d->assessment, &d->assessment_cap, n, sizeof *d->assessment, 64) ||
        grow(&d->details, &d->details_cap, n, sizeof *d->details, 64) || strmap_put(d->index, key, (int)d->n))
        return ERR_NOMEM;
    d->key[d->n] = strdup(key);
    d->status[d->n] = strdup(r->status ? r->status : "");
    d->assessment[d->n] = r->assessment ? strdup(r->assessment) : NULL;
    d->details[d->n] = r->details ? strdup(r->details) : NULL;
    d->n++; /* counted before the check, so the frees below reach what was copied */
    if (!d->key[d->n - 1] || !d->status[d->n - 1] || (r->assessment && !d->assessment[d->n - 1]) ||
        (r->details && !d->details[d->n - 1]))
        return ERR_NOMEM;
    return 0;
}

static void free_side(diff_side *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->key[i]), free(d->status[i]), free(d->assessment[i]), free(d->details[i]);
    free(d->key), free(d->status), free(d->assessment), free(d->details);
    strmap_free(d->index);
}

static char *json_part(const char *details, const char *part)
{
    cJSON *d = details ? cJSON_Parse(details) : NULL;
    char *text = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(d, part));
    cJSON_Delete(d);
    return text;
}

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Why a result changed: compares the inputs and the rule recorded with each. */
static const char *cause(const char *da, const char *db)
{
    char *oa = json_part(da, "observation"), *ob = json_part(db, "observation");
    char *ca = json_part(da, "comparator"), *cb = json_part(db, "comparator");
    char *ra = json_part(da, "rule"), *rb = json_part(db, "rule");
    int data = !same_text(oa, ob) || !same_text(ca, cb), rule = !same_text(ra, rb);
    free(oa), free(ob), free(ca), free(cb), free(ra), free(rb);
    return data && rule ? "data and rule changed" : data ? "data changed" : rule ? "rule changed" : "roll-up";
}

int cmd_diff(int argc, char **argv)
{
    const char *db = NULL;
    table_format format = TABLE_TEXT;
    int rc = audit_options("diff", DIFF_USAGE, argc, argv, NULL, NULL, NULL, &db, &format);
    if (rc >= 0)
        return rc;
    if (argc - optind != 2)
        return cli_usage("diff", "give two run numbers (see scorecard runs)");
    long long ra = atoll(argv[optind]), rb = atoll(argv[optind + 1]);
    store *s;
    if ((rc = cli_open_store(db, STORE_EXISTING, &s)))
        return rc;
    diff_side a = {.index = strmap_new()}, b = {.index = strmap_new()};
    err e = {0};
    store_result_filter fa = {ra, NULL, NULL, NULL}, fb = {rb, NULL, NULL, NULL};
    rc = a.index && b.index ? store_each_result(s, &fa, keep_side, &a, &e) : err_set(&e, ERR_NOMEM, "out of memory");
    if (!rc)
        rc = store_each_result(s, &fb, keep_side, &b, &e);
    if (!rc && (a.n == 0 || b.n == 0))
        rc = err_set(&e, ERR_USAGE, "run %lld has no results (see scorecard runs)", a.n == 0 ? ra : rb);
    if (!rc)
        rc = store_each_run(s, ra, show_run, NULL, &e);
    if (!rc)
        rc = store_each_run(s, rb, show_run, NULL, &e);
    if (!rc) {
        long changed = 0, same = 0, only_a = 0, only_b = 0;
        for (size_t i = 0; i < a.n; i++) {
            int j;
            if (!strmap_get(b.index, a.key[i], &j)) {
                only_a++;
                printf("only in run %lld: %s (%s)\n", ra, a.key[i], a.status[i]);
                continue;
            }
            if (!strcmp(a.status[i], b.status[j]) && same_text(a.assessment[i], b.assessment[j])) {
                same++;
                continue;
            }
            changed++;
            printf("%s: %s (%s) -> %s (%s): %s\n", a.key[i], a.status[i], a.assessment[i] ? a.assessment[i] : "-",
                   b.status[j], b.assessment[j] ? b.assessment[j] : "-", cause(a.details[i], b.details[j]));
        }
        for (size_t j = 0; j < b.n; j++) {
            int i;
            if (!strmap_get(a.index, b.key[j], &i)) {
                only_b++;
                printf("only in run %lld: %s (%s)\n", rb, b.key[j], b.status[j]);
            }
        }
        printf("%ld changed, %ld unchanged, %ld only in run %lld, %ld only in run %lld\n", changed, same, only_a, ra,
               only_b, rb);
    }
    free_side(&a);
    free_side(&b);
    store_close(s);
    return rc ? cli_fail(&e) : CLI_OK;
}

/* ---- published: the engine's verdicts beside the publisher's ---- */

static const char PUBLISHED_USAGE[] =
    "usage: scorecard published [--run ID] [--against NAME] [--indicator ID]... [--db PATH]\n"
    "                           [--format text|csv|json]\n\n"
    "Sets each indicator verdict of a stored run beside the publisher's own verdict for the\n"
    "same observation, kept at import (the mapping's \"published\" columns, such as Fingertips'\n"
    "\"Compared to England value or percentiles\"). NAME is the verdict compared (default\n"
    "benchmark). Lists every result whose observation carries it, with both words and whether\n"
    "they agree, then the counts. A publisher's \"Not compared\" agrees with any result the\n"
    "engine could not judge. --indicator keeps to the indicators that judge what the\n"
    "publisher's verdict judges (a decile judged against its area's own total is not\n"
    "Fingertips' comparison with England). Exits 1 when any differ. Without --run, the\n"
    "latest run.\n";

#define PUBLISHED_MAX_INDICATORS 64

typedef struct published_args {
    long long run;
    const char *against;
    const char *indicators[PUBLISHED_MAX_INDICATORS];
    size_t nindicators;
} published_args;

static int published_option(void *ctx, int c, const char *arg)
{
    published_args *a = ctx;
    char *end;
    if (c == 'r') {
        a->run = strtoll(arg, &end, 10);
        if (end == arg || *end || a->run <= 0)
            return -1; /* not a run's number */
    } else if (c == 'g') {
        a->against = arg;
    } else if (c == 'i' && a->nindicators < PUBLISHED_MAX_INDICATORS) {
        a->indicators[a->nindicators++] = arg;
    } else {
        return -1;
    }
    return 0;
}

typedef struct verdict_walk {
    store *s;
    err *e;
    table *t;
    const char *against;
    const published_args *args;
    char found[256]; /* the verdict against `against` of the observation in hand */
    long agree, differ, without;
} verdict_walk;

static int pick_verdict(void *ctx, const char *name, const char *value)
{
    verdict_walk *w = ctx;
    if (strcmp(name, w->against))
        return 0;
    snprintf(w->found, sizeof w->found, "%s", value);
    return 1;
}

/* Lower case, '_' as a space: "Not compared" and not_compared are one word. */
static void fold(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (; *in && n + 1 < cap; in++)
        out[n++] = *in == '_' ? ' ' : (char)(*in >= 'A' && *in <= 'Z' ? *in + 32 : *in);
    out[n] = '\0';
}

static int chosen(const published_args *a, const char *indicator)
{
    for (size_t i = 0; i < a->nindicators; i++)
        if (!strcmp(a->indicators[i], indicator))
            return 1;
    return a->nindicators == 0;
}

static int compare_verdict(void *ctx, const store_result *r)
{
    verdict_walk *w = ctx;
    if (!chosen(w->args, r->item))
        return 0;
    cJSON *d = r->details ? cJSON_Parse(r->details) : NULL;
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(d, "observation"), "id");
    long long obs_id = cJSON_IsNumber(id) ? (long long)id->valuedouble : 0;
    cJSON_Delete(d);
    char verdicts[OBS_KEY_MAX];
    w->found[0] = '\0';
    int rc = obs_id > 0 ? store_observation_verdicts(w->s, obs_id, verdicts, sizeof verdicts, w->e) : 0;
    if (rc < 0)
        return rc;
    if (rc == 1 && obs_breakdown_each(verdicts, pick_verdict, w) < 0)
        return err_set(w->e, ERR_INVALID, "observation %lld: its published verdicts are not readable", obs_id);
    if (!w->found[0]) {
        w->without++;
        return 0;
    }
    const char *engine = r->status && strcmp(r->status, "grey") ? r->assessment : NULL;
    const char *word = engine ? engine : (r->assessment ? r->assessment : r->status);
    char a[256], b[256];
    fold(word ? word : "", a, sizeof a);
    fold(w->found, b, sizeof b);
    int same = engine ? !strcmp(a, b) : !strcmp(b, "not compared") || !strcmp(a, b);
    same ? w->agree++ : w->differ++;
    const char *row[] = {r->area, r->item, r->period, word, w->found, same ? "yes" : "no"};
    return table_row(w->t, row) ? ERR_NOMEM : 0;
}

static int latest_run_id(void *ctx, const store_run_row *r)
{
    *(long long *)ctx = r->id;
    return 1;
}

int cmd_published(int argc, char **argv)
{
    static const struct option extra[] = {{"run", required_argument, 0, 'r'},
                                          {"against", required_argument, 0, 'g'},
                                          {"indicator", required_argument, 0, 'i'},
                                          {0, 0, 0, 0}};
    published_args a = {0, "benchmark", {0}, 0};
    const char *db = NULL;
    table_format format = TABLE_TEXT;
    int rc = audit_options("published", PUBLISHED_USAGE, argc, argv, extra, published_option, &a, &db, &format);
    if (rc >= 0)
        return rc;
    if (optind < argc)
        return cli_usage("published", "unexpected argument %s", argv[optind]);
    store *s;
    if ((rc = cli_open_store(db, STORE_EXISTING, &s)))
        return rc;
    err e = {0};
    long long asked = a.run, found = 0;
    if (a.run <= 0 && (rc = store_each_run(s, 0, latest_run_id, &a.run, &e)) == 0 && a.run <= 0)
        rc = err_set(&e, ERR_USAGE, "no stored runs (scorecard run stores one)");
    if (!rc && asked > 0 && (rc = store_each_run(s, asked, latest_run_id, &found, &e)) == 0 && !found)
        rc = err_set(&e, ERR_USAGE, "no run %lld (scorecard runs lists them)", asked);
    static const table_column cols[] = {{"area", 0}, {"indicator", 0}, {"period", 0},
                                        {"engine", 0}, {"publisher", 0}, {"agree", 0}};
    verdict_walk w = {s, &e, NULL, a.against, &a, "", 0, 0, 0};
    if (!rc && !(w.t = table_new(stdout, format, cols, 6)))
        rc = err_set(&e, ERR_NOMEM, "out of memory");
    store_result_filter filter = {a.run, NULL, "indicator", NULL};
    if (!rc)
        rc = store_each_result(s, &filter, compare_verdict, &w, &e);
    if (w.t && table_end(w.t) && !rc)
        rc = err_set(&e, ERR_IO, "writing the table failed");
    store_close(s);
    if (rc)
        return cli_fail(&e);
    if (format == TABLE_TEXT)
        printf("run %lld, against %s: %ld compared, %ld agree, %ld differ; %ld results without a published verdict\n",
               a.run, a.against, w.agree + w.differ, w.agree, w.differ, w.without);
    else
        fprintf(stderr, "run %lld, against %s: %ld agree, %ld differ, %ld without\n", a.run, a.against, w.agree,
                w.differ, w.without);
    return w.differ ? CLI_FAILED : CLI_OK;
}
