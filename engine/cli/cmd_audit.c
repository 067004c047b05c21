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
#include "text.h"

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

/* The indicator's own path: the outcomes whose stored membership lists it
 * (every outcome when the run predates stored membership), then the area. */
typedef struct path_ctx {
    const char *indicator;
    cJSON *list; /* [{kind, id, title?, status, reason}] */
    int unknown; /* an outcome without stored membership was included */
} path_ctx;

static int lists_indicator(const cJSON *members, const char *indicator)
{
    const cJSON *id;
    cJSON_ArrayForEach(id, cJSON_GetObjectItemCaseSensitive(members, "indicators"))
    {
        if (cJSON_IsString(id) && !strcmp(id->valuestring, indicator))
            return 1;
    }
    return 0;
}

static int add_path_step(void *ctx, const store_result *r)
{
    path_ctx *p = ctx;
    cJSON *members = r->details ? cJSON_Parse(r->details) : NULL;
    int known = cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(members, "indicators"));
    int rc = 0;
    if (!strcmp(r->kind, "area") || !known || lists_indicator(members, p->indicator)) {
        cJSON *step = cJSON_CreateObject();
        const char *title = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(members, "title"));
        if (!step || !cJSON_AddStringToObject(step, "kind", r->kind) || !cJSON_AddStringToObject(step, "id", r->item) ||
            (title && !cJSON_AddStringToObject(step, "title", title)) ||
            !cJSON_AddStringToObject(step, "status", r->status) ||
            (r->reason && !cJSON_AddStringToObject(step, "reason", r->reason)) || !cJSON_AddItemToArray(p->list, step)) {
            cJSON_Delete(step);
            rc = ERR_NOMEM;
        }
        if (strcmp(r->kind, "area") && !known)
            p->unknown = 1;
    }
    cJSON_Delete(members);
    return rc;
}

/* {id, observation, import_batch, file, line} for observation `id`, or NULL
 * when the store no longer knows it (*rc < 0 on a store error). `observation`
 * is the number's first name, kept beside `id` because the published schemas
 * required it and JSON fields are added, never renamed. */
static cJSON *source_of(store *s, const cJSON *input, int *rc, err *e)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(input, "id");
    if (!cJSON_IsNumber(id) || id->valuedouble <= 0)
        return NULL;
    long long batch = 0;
    long line = 0;
    char file[512];
    int known = store_observation_source(s, (long long)id->valuedouble, &batch, file, sizeof file, &line, e);
    if (known < 0)
        *rc = known;
    if (known != 1)
        return NULL;
    cJSON *src = cJSON_CreateObject();
    if (!src || !cJSON_AddNumberToObject(src, "id", id->valuedouble) ||
        !cJSON_AddNumberToObject(src, "observation", id->valuedouble) ||
        !cJSON_AddNumberToObject(src, "import_batch", (double)batch) || !cJSON_AddStringToObject(src, "file", file) ||
        !cJSON_AddNumberToObject(src, "line", (double)line)) {
        cJSON_Delete(src);
        *rc = err_set(e, ERR_NOMEM, "out of memory");
        return NULL;
    }
    return src;
}

static void print_source(const char *label, const cJSON *src)
{
    if (src)
        printf("  %-13s observation %.0f, import batch %.0f, %s line %.0f\n", label,
               cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(src, "id")),
               cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(src, "import_batch")),
               cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(src, "file")),
               cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(src, "line")));
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
    /* one result's story is not a table: no CSV form is defined */
    if (format == TABLE_CSV)
        return cli_usage("explain", "--format csv is not supported: explain writes text or json");
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
    cJSON *src = source_of(s, cJSON_GetObjectItemCaseSensitive(details, "observation"), &rc, &e);
    cJSON *cmp_src = rc ? NULL : source_of(s, cJSON_GetObjectItemCaseSensitive(details, "comparator"), &rc, &e);
    path_ctx path = {a.indicator, cJSON_CreateArray(), 0};
    if (!path.list && !rc)
        rc = err_set(&e, ERR_NOMEM, "out of memory");
    store_result_filter up = {a.run, a.area, NULL, NULL};
    for (int k = 0; !rc && k < 2; k++) {
        up.kind = k ? "area" : "outcome";
        rc = store_each_result(s, &up, add_path_step, &path, &e);
        if (rc == ERR_NOMEM)
            err_set(&e, ERR_NOMEM, "out of memory");
    }
    if (!rc && format == TABLE_JSON) {
        cJSON *out = cJSON_CreateObject();
        cJSON_AddNumberToObject(out, "run", (double)a.run);
        cJSON_AddStringToObject(out, "area", f.r.area);
        cJSON_AddStringToObject(out, "indicator", f.r.item);
        cJSON_AddStringToObject(out, "status", f.r.status);
        if (f.r.assessment)
            cJSON_AddStringToObject(out, "assessment", f.r.assessment);
        if (f.r.reason)
            cJSON_AddStringToObject(out, "reason", f.r.reason);
        if (f.r.value_text)
            cJSON_AddStringToObject(out, "value", f.r.value_text);
        if (f.r.period)
            cJSON_AddStringToObject(out, "period", f.r.period);
        cJSON *sources = cJSON_AddObjectToObject(out, "sources");
        if (src)
            cJSON_AddItemToObject(sources, "observation", src), src = NULL;
        if (cmp_src)
            cJSON_AddItemToObject(sources, "comparator", cmp_src), cmp_src = NULL;
        cJSON_AddItemToObject(out, "rolls_up_into", path.list), path.list = NULL;
        if (details)
            cJSON_AddItemToObject(out, "details", details), details = NULL;
        char *text = cJSON_Print(out);
        puts(text ? text : "null");
        free(text);
        cJSON_Delete(out);
    } else if (!rc) {
        rc = store_each_run(s, a.run, show_run, NULL, &e);
        printf("Area %s, indicator %s\n", f.r.area, f.r.item);
        printf("  %-13s %s (%s)\n", "colour", f.r.status, f.r.assessment ? f.r.assessment : "-");
        printf("  %-13s %s\n", "reason", f.r.reason ? f.r.reason : "-");
        printf("  %-13s %s for %s\n", "value", f.r.value_text ? f.r.value_text : "-", f.r.period ? f.r.period : "-");
        print_source("source", src);
        if (!isnan(f.r.comparator))
            printf("  %-13s %.10g\n", "comparator", f.r.comparator);
        print_source("its source", cmp_src);
        const cJSON *input = cJSON_GetObjectItemCaseSensitive(details, "observation");
        print_json_field("input", input);
        print_json_field("comparator", cJSON_GetObjectItemCaseSensitive(details, "comparator"));
        print_json_field("rule", cJSON_GetObjectItemCaseSensitive(details, "rule"));
        const cJSON *at = cJSON_GetObjectItemCaseSensitive(details, "defined_at");
        if (cJSON_IsString(at))
            printf("  %-13s %s (in the framework's folder)\n", "defined at", at->valuestring);
        print_json_field("worked", cJSON_GetObjectItemCaseSensitive(details, "result"));
        printf("  rolls up into%s:\n",
               path.unknown ? " (this run did not record which indicators each outcome has: all are listed)" : "");
        const cJSON *step;
        cJSON_ArrayForEach(step, path.list)
        {
            const char *title = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(step, "title"));
            const char *reason = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(step, "reason"));
            printf("    %-8s %s%s%s%s %s: %s\n", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(step, "kind")),
                   cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(step, "id")), title ? " (" : "",
                   title ? title : "", title ? ")" : "", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(step, "status")),
                   reason ? reason : "");
        }
    }
    cJSON_Delete(details);
    cJSON_Delete(src);
    cJSON_Delete(cmp_src);
    cJSON_Delete(path.list);
    free_found(&f);
    store_close(s);
    return rc ? cli_fail(&e) : CLI_OK;
}

/* ---- diff ---- */

static const char DIFF_USAGE[] =
    "usage: scorecard diff RUN_A RUN_B [--db PATH] [--format text|csv|json]\n\n"
    "Shows every result that changed between two stored runs (two quarters, or two\n"
    "framework versions on the same data): old -> new colour, assessment and value, the\n"
    "import batch and file line behind each value, and why: the data changed (a different\n"
    "observation, value or comparator), the rule changed (each parameter by name, old ->\n"
    "new), both, or the roll-up of its children; when nothing it reads changed, the code\n"
    "(the framework's files differ) or the cohort (the other areas it is judged among). A\n"
    "value that changed without changing the colour is listed too, and a framework whose\n"
    "files changed under the same version is flagged.\n";

typedef struct diff_row {
    char *key; /* area|kind|item */
    char *area, *kind, *item, *status, *assessment, *value_text, *period, *details;
    double value;
} diff_row;

typedef struct diff_side {
    long long run;
    strmap *index; /* key -> row */
    diff_row *rows;
    size_t n, cap;
    char *framework, *version, *sha256; /* of the run */
} diff_side;

static char *dup_or_null(const char *v, int *bad)
{
    char *c = v ? strdup(v) : NULL;
    if (v && !c)
        *bad = 1;
    return c;
}

static int keep_side(void *ctx, const store_result *r)
{
    diff_side *d = ctx;
    if (grow(&d->rows, &d->cap, d->n + 1, sizeof *d->rows, 64))
        return ERR_NOMEM;
    diff_row *w = &d->rows[d->n++]; /* counted first, so free_side reaches what was copied */
    memset(w, 0, sizeof *w);
    int bad = 0;
    w->key = text_printf_dup("%s|%s|%s", r->area, r->kind, r->item);
    bad |= !w->key;
    w->area = dup_or_null(r->area, &bad), w->kind = dup_or_null(r->kind, &bad), w->item = dup_or_null(r->item, &bad);
    w->status = dup_or_null(r->status ? r->status : "", &bad), w->assessment = dup_or_null(r->assessment, &bad);
    w->value_text = dup_or_null(r->value_text, &bad), w->period = dup_or_null(r->period, &bad);
    w->details = dup_or_null(r->details, &bad);
    w->value = r->value;
    if (bad || strmap_put(d->index, w->key, (int)(d->n - 1)))
        return ERR_NOMEM;
    return 0;
}

static int keep_run(void *ctx, const store_run_row *r)
{
    diff_side *d = ctx;
    int bad = 0;
    d->framework = dup_or_null(r->run.framework_id, &bad);
    d->version = dup_or_null(r->run.framework_version, &bad);
    d->sha256 = dup_or_null(r->run.framework_sha256, &bad);
    return bad ? ERR_NOMEM : 1;
}

static void free_side(diff_side *d)
{
    for (size_t i = 0; i < d->n; i++) {
        diff_row *w = &d->rows[i];
        free(w->key), free(w->area), free(w->kind), free(w->item), free(w->status), free(w->assessment);
        free(w->value_text), free(w->period), free(w->details);
    }
    free(d->rows);
    free(d->framework), free(d->version), free(d->sha256);
    strmap_free(d->index);
}

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static int same_json(const cJSON *a, const cJSON *b)
{
    return (!a && !b) || (a && b && cJSON_Compare(a, b, 1));
}

/* A rule's parameters that differ, by name: [{parameter, old, new}], a
 * missing side as null; the method itself as the parameter "method". */
static cJSON *rule_changes(const cJSON *ra, const cJSON *rb)
{
    cJSON *list = cJSON_CreateArray();
    if (!list)
        return NULL;
    const cJSON *ma = cJSON_GetObjectItemCaseSensitive(ra, "method"), *mb = cJSON_GetObjectItemCaseSensitive(rb, "method");
    const cJSON *pa = cJSON_GetObjectItemCaseSensitive(ra, "params"), *pb = cJSON_GetObjectItemCaseSensitive(rb, "params");
    int bad = 0;
    if (!same_json(ma, mb)) {
        cJSON *c = cJSON_CreateObject();
        bad |= !c || !cJSON_AddStringToObject(c, "parameter", "method") ||
               !cJSON_AddItemToObject(c, "old", ma ? cJSON_Duplicate(ma, 1) : cJSON_CreateNull()) ||
               !cJSON_AddItemToObject(c, "new", mb ? cJSON_Duplicate(mb, 1) : cJSON_CreateNull()) ||
               !cJSON_AddItemToArray(list, c);
    }
    /* every name in either side, in the order old then new */
    for (int side = 0; side < 2 && !bad; side++) {
        const cJSON *k;
        const cJSON *from = side ? pb : pa;
        cJSON_ArrayForEach(k, from)
        {
            const cJSON *va = cJSON_GetObjectItemCaseSensitive(pa, k->string);
            const cJSON *vb = cJSON_GetObjectItemCaseSensitive(pb, k->string);
            if ((side && va) || same_json(va, vb))
                continue;
            cJSON *c = cJSON_CreateObject();
            bad |= !c || !cJSON_AddStringToObject(c, "parameter", k->string) ||
                   !cJSON_AddItemToObject(c, "old", va ? cJSON_Duplicate(va, 1) : cJSON_CreateNull()) ||
                   !cJSON_AddItemToObject(c, "new", vb ? cJSON_Duplicate(vb, 1) : cJSON_CreateNull()) ||
                   !cJSON_AddItemToArray(list, c);
        }
    }
    if (bad) {
        cJSON_Delete(list);
        return NULL;
    }
    return list;
}

/* One side of a change: {status, assessment, value, period, source}. */
static cJSON *diff_state(store *s, const diff_row *w, const cJSON *details, int *rc, err *e)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || !cJSON_AddStringToObject(o, "status", w->status) ||
        (w->assessment && !cJSON_AddStringToObject(o, "assessment", w->assessment)) ||
        (w->value_text && !cJSON_AddStringToObject(o, "value", w->value_text)) ||
        (!w->value_text && isfinite(w->value) && !cJSON_AddNumberToObject(o, "value", w->value)) ||
        (w->period && !cJSON_AddStringToObject(o, "period", w->period))) {
        cJSON_Delete(o);
        *rc = err_set(e, ERR_NOMEM, "out of memory");
        return NULL;
    }
    cJSON *src = source_of(s, cJSON_GetObjectItemCaseSensitive(details, "observation"), rc, e);
    if (src)
        cJSON_AddItemToObject(o, "source", src);
    const cJSON *cmp = cJSON_GetObjectItemCaseSensitive(details, "comparator");
    if (cmp)
        cJSON_AddItemToObject(o, "comparator", cJSON_Duplicate(cmp, 1));
    return o;
}

/* The change record of one result present in both runs, or NULL when
 * nothing a reader sees changed (*rc < 0 on an error). */
/* Why an indicator changed when neither its inputs nor its rule's parameters
 * did, and why an outcome or area changed when none of its children did: the
 * framework's files differ (a rule's or roll-up's code, a module, the rule
 * library: the fingerprint covers them all), or else the other areas did,
 * which a rule ranking an area among its peers (quintiles, funnels) and a
 * roll-up cut at the cohort's quartiles read. */
static const char *unexplained_cause(int code_changed)
{
    return code_changed ? "code" : "cohort";
}

static cJSON *diff_change(store *s, int code_changed, const diff_row *a, const diff_row *b, int *rc, err *e)
{
    int colour = strcmp(a->status, b->status) || !same_text(a->assessment, b->assessment);
    int value = !same_text(a->value_text, b->value_text) || !same_text(a->period, b->period) ||
                (!a->value_text && !b->value_text && !(isnan(a->value) && isnan(b->value)) && a->value != b->value);
    if (!colour && !value)
        return NULL;
    cJSON *da = a->details ? cJSON_Parse(a->details) : NULL, *db = b->details ? cJSON_Parse(b->details) : NULL;
    const cJSON *oa = cJSON_GetObjectItemCaseSensitive(da, "observation"), *ob = cJSON_GetObjectItemCaseSensitive(db, "observation");
    const cJSON *ca = cJSON_GetObjectItemCaseSensitive(da, "comparator"), *cb = cJSON_GetObjectItemCaseSensitive(db, "comparator");
    int data = !same_json(oa, ob) || !same_json(ca, cb) || (strcmp(a->kind, "indicator") == 0 && value);
    cJSON *rules = rule_changes(cJSON_GetObjectItemCaseSensitive(da, "rule"), cJSON_GetObjectItemCaseSensitive(db, "rule"));
    int rule = rules && cJSON_GetArraySize(rules) > 0;
    /* An outcome's or area's cause is settled by settle_rollup_causes(), once
     * every change is known. */
    const char *cause = strcmp(a->kind, "indicator") ? "roll-up"
                        : data && rule             ? "data and rule"
                        : data                     ? "data"
                        : rule                     ? "rule"
                                                   : unexplained_cause(code_changed);
    cJSON *c = cJSON_CreateObject();
    int bad = !rules || !c || !cJSON_AddStringToObject(c, "area", a->area) || !cJSON_AddStringToObject(c, "kind", a->kind) ||
              !cJSON_AddStringToObject(c, "item", a->item) ||
              !cJSON_AddStringToObject(c, "change", colour ? "colour" : "value") ||
              !cJSON_AddStringToObject(c, "cause", cause);
    cJSON *old = bad ? NULL : diff_state(s, a, da, rc, e), *new = old ? diff_state(s, b, db, rc, e) : NULL;
    if (!bad && new) {
        cJSON_AddItemToObject(c, "old", old);
        cJSON_AddItemToObject(c, "new", new);
        cJSON_AddItemToObject(c, "rule_changes", rules);
        rules = NULL;
    } else {
        cJSON_Delete(old);
        cJSON_Delete(c);
        c = NULL;
        if (!*rc)
            *rc = err_set(e, ERR_NOMEM, "out of memory");
    }
    cJSON_Delete(rules);
    cJSON_Delete(da);
    cJSON_Delete(db);
    return c;
}

static const char *field(const cJSON *o, const char *k)
{
    const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, k));
    return v ? v : "-";
}

/* A side's value for text and CSV: as published, a number (a mean score, a
 * value built from member areas), or "-" when it has none, as every other
 * missing field. */
static const char *state_value(const cJSON *state, char *buf, size_t cap)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(state, "value");
    if (cJSON_IsNumber(v)) {
        snprintf(buf, cap, "%.10g", v->valuedouble);
        return buf;
    }
    return field(state, "value");
}

/* Whether outcome `item` of `area` has a changed indicator: one its stored
 * membership lists, or any of the area's when the run predates stored
 * membership. `changed` holds AREA|indicator|ID and AREA|indicator. */
static int outcome_children_changed(const strmap *changed, const diff_side *side, const char *area, const char *item,
                                    int *bad)
{
    int row, hit = 0;
    char *key = text_printf_dup("%s|outcome|%s", area, item);
    cJSON *details = key && strmap_get(side->index, key, &row) && side->rows[row].details
                         ? cJSON_Parse(side->rows[row].details)
                         : NULL;
    *bad |= !key;
    free(key);
    const cJSON *members = cJSON_GetObjectItemCaseSensitive(details, "indicators"), *id;
    if (!cJSON_IsArray(members)) {
        members = NULL;
        key = text_printf_dup("%s|indicator", area);
        *bad |= !key;
        hit = key && strmap_get(changed, key, &row);
        free(key);
    }
    cJSON_ArrayForEach(id, members)
    {
        if (hit || !cJSON_IsString(id))
            continue;
        key = text_printf_dup("%s|indicator|%s", area, id->valuestring);
        *bad |= !key;
        hit = key && strmap_get(changed, key, &row);
        free(key);
    }
    cJSON_Delete(details);
    return hit;
}

/* An outcome or area is a roll-up when one of its children changed too;
 * otherwise it changed for a reason of its own, as a quartile cut moved by
 * other areas (unexplained_cause). An area's children are all its outcomes and
 * indicators. Returns 0 or ERR_NOMEM. */
static int settle_rollup_causes(cJSON *changes, const diff_side *side, int code_changed)
{
    strmap *changed = strmap_new();
    int bad = !changed, hit;
    cJSON *c;
    cJSON_ArrayForEach(c, changes)
    {
        const char *area = field(c, "area"), *kind = field(c, "kind");
        if (bad || !strcmp(kind, "area"))
            continue;
        char *key = text_printf_dup("%s|%s|%s", area, kind, field(c, "item"));
        char *of_kind = text_printf_dup("%s|%s", area, kind);
        bad |= !key || !of_kind || strmap_put(changed, key, 1) || strmap_put(changed, of_kind, 1) ||
               strmap_put(changed, area, 1);
        free(key), free(of_kind);
    }
    cJSON_ArrayForEach(c, changes)
    {
        const char *area = field(c, "area"), *kind = field(c, "kind");
        if (bad || !strcmp(kind, "indicator"))
            continue;
        int by_children = !strcmp(kind, "area") ? strmap_get(changed, area, &hit)
                                                : outcome_children_changed(changed, side, area, field(c, "item"), &bad);
        if (!bad && !by_children)
            bad |= !cJSON_SetValuestring(cJSON_GetObjectItemCaseSensitive(c, "cause"), unexplained_cause(code_changed));
    }
    strmap_free(changed);
    return bad ? ERR_NOMEM : 0;
}

static void print_state_source(const char *label, const cJSON *state)
{
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(state, "source");
    char buf[32];
    printf("    %-5s %s for %s", label, state_value(state, buf, sizeof buf), field(state, "period"));
    if (src)
        printf(": import batch %.0f, %s line %.0f",
               cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(src, "import_batch")), field(src, "file"),
               cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(src, "line")));
    putchar('\n');
}

static void print_change(const cJSON *c)
{
    const cJSON *old = cJSON_GetObjectItemCaseSensitive(c, "old"), *new = cJSON_GetObjectItemCaseSensitive(c, "new");
    const char *change = field(c, "change"), *cause = field(c, "cause");
    char ba[32], bb[32];
    const char *va = state_value(old, ba, sizeof ba), *vb = state_value(new, bb, sizeof bb);
    /* the heading leaves a missing value out; the was/now lines say "-" */
    int ha = strcmp(va, "-") != 0, hb = strcmp(vb, "-") != 0;
    printf("%s|%s|%s: %s (%s)%s%s -> %s (%s)%s%s: %s%s\n", field(c, "area"), field(c, "kind"), field(c, "item"),
           field(old, "status"), field(old, "assessment"), ha ? " " : "", ha ? va : "", field(new, "status"),
           field(new, "assessment"), hb ? " " : "", hb ? vb : "", cause, strcmp(cause, "roll-up") ? " changed" : "");
    if (!strcmp(change, "value"))
        printf("    the value changed, the colour did not\n");
    if (!strcmp(cause, "code"))
        printf("    nothing it reads changed: the framework's files did (a rule's or roll-up's code)\n");
    else if (!strcmp(cause, "cohort"))
        printf("    nothing it reads changed: the other areas it is judged among did\n");
    if (!strcmp(field(c, "kind"), "indicator")) {
        print_state_source("was", old);
        print_state_source("now", new);
    }
    const cJSON *r;
    cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(c, "rule_changes"))
    {
        char *was = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(r, "old"));
        char *now = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(r, "new"));
        printf("    rule  %s: %s -> %s\n", field(r, "parameter"), was ? was : "?", now ? now : "?");
        free(was), free(now);
    }
}

static const table_column DIFF_COLUMNS[] = {
    {"area", 0},      {"kind", 0},           {"item", 0},      {"change", 0},     {"cause", 0},
    {"old_status", 0}, {"old_assessment", 0}, {"old_value", 0}, {"old_period", 0}, {"old_source", 0},
    {"new_status", 0}, {"new_assessment", 0}, {"new_value", 0}, {"new_period", 0}, {"new_source", 0},
    {"rule_changes", 0}};

static void source_text(const cJSON *state, char *buf, size_t cap)
{
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(state, "source");
    if (!src)
        snprintf(buf, cap, "%s", "-");
    else
        snprintf(buf, cap, "batch %.0f %s:%.0f", cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(src, "import_batch")),
                 field(src, "file"), cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(src, "line")));
}

static int csv_change(table *t, const cJSON *c)
{
    const cJSON *old = cJSON_GetObjectItemCaseSensitive(c, "old"), *new = cJSON_GetObjectItemCaseSensitive(c, "new");
    char so[600], sn[600], va[32], vb[32];
    source_text(old, so, sizeof so);
    source_text(new, sn, sizeof sn);
    char *rules = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(c, "rule_changes"));
    const char *v[] = {field(c, "area"), field(c, "kind"), field(c, "item"), field(c, "change"), field(c, "cause"),
                       field(old, "status"), field(old, "assessment"), state_value(old, va, sizeof va), field(old, "period"), so,
                       field(new, "status"), field(new, "assessment"), state_value(new, vb, sizeof vb),
                       field(new, "period"), sn,
                       rules ? rules : "[]"};
    int rc = table_row(t, v);
    free(rules);
    return rc ? ERR_NOMEM : 0;
}

static cJSON *run_json(const diff_side *d)
{
    cJSON *r = cJSON_CreateObject();
    if (r) {
        cJSON_AddNumberToObject(r, "run", (double)d->run);
        cJSON_AddStringToObject(r, "framework", d->framework);
        cJSON_AddStringToObject(r, "version", d->version);
        cJSON_AddStringToObject(r, "framework_sha256", d->sha256);
    }
    return r;
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
    diff_side a = {.run = atoll(argv[optind]), .index = strmap_new()}, b = {.run = atoll(argv[optind + 1]), .index = strmap_new()};
    store *s = NULL;
    if ((rc = cli_open_store(db, STORE_EXISTING, &s))) {
        strmap_free(a.index), strmap_free(b.index);
        return rc;
    }
    err e = {0};
    store_result_filter fa = {a.run, NULL, NULL, NULL}, fb = {b.run, NULL, NULL, NULL};
    rc = a.index && b.index ? store_each_result(s, &fa, keep_side, &a, &e) : ERR_NOMEM;
    if (!rc)
        rc = store_each_result(s, &fb, keep_side, &b, &e);
    if (!rc)
        rc = store_each_run(s, a.run, keep_run, &a, &e);
    if (!rc)
        rc = store_each_run(s, b.run, keep_run, &b, &e);
    if (rc == ERR_NOMEM)
        err_set(&e, ERR_NOMEM, "out of memory");
    if (!rc && (a.n == 0 || b.n == 0))
        rc = err_set(&e, ERR_USAGE, "run %lld has no results (see scorecard runs)", a.n == 0 ? a.run : b.run);
    /* An edited framework that kept its version number: the two runs claim the
     * same rules and are not; a reader of either scorecard cannot tell. */
    int edited = !rc && !strcmp(a.framework, b.framework) && !strcmp(a.version, b.version) && strcmp(a.sha256, b.sha256);
    cJSON *changes = rc ? NULL : cJSON_CreateArray(), *only = rc ? NULL : cJSON_CreateObject();
    cJSON *only_a = only ? cJSON_AddArrayToObject(only, "old") : NULL, *only_b = only ? cJSON_AddArrayToObject(only, "new") : NULL;
    if (!rc && (!changes || !only_a || !only_b))
        rc = err_set(&e, ERR_NOMEM, "out of memory");
    int code_changed = !rc && strcmp(a.sha256, b.sha256);
    long colour = 0, value = 0, same = 0;
    for (size_t i = 0; !rc && i < a.n; i++) {
        int j;
        if (!strmap_get(b.index, a.rows[i].key, &j)) {
            cJSON_AddItemToArray(only_a, cJSON_CreateString(a.rows[i].key));
            continue;
        }
        cJSON *c = diff_change(s, code_changed, &a.rows[i], &b.rows[j], &rc, &e);
        if (!c) {
            same += !rc;
            continue;
        }
        if (!strcmp(field(c, "change"), "colour"))
            colour++;
        else
            value++;
        cJSON_AddItemToArray(changes, c);
    }
    if (!rc && settle_rollup_causes(changes, &b, code_changed))
        rc = err_set(&e, ERR_NOMEM, "out of memory");
    for (size_t j = 0; !rc && j < b.n; j++) {
        int i;
        if (!strmap_get(a.index, b.rows[j].key, &i))
            cJSON_AddItemToArray(only_b, cJSON_CreateString(b.rows[j].key));
    }
    if (!rc && format == TABLE_JSON) {
        cJSON *out = cJSON_CreateObject();
        cJSON *runs = out ? cJSON_AddArrayToObject(out, "runs") : NULL;
        if (runs) {
            cJSON_AddItemToArray(runs, run_json(&a));
            cJSON_AddItemToArray(runs, run_json(&b));
            cJSON_AddBoolToObject(out, "framework_edited_without_new_version", edited);
            cJSON_AddItemToObject(out, "changes", changes), changes = NULL;
            cJSON_AddItemToObject(out, "only_in", only), only = NULL;
            cJSON *n = cJSON_AddObjectToObject(out, "counts");
            cJSON_AddNumberToObject(n, "colour_changed", (double)colour);
            cJSON_AddNumberToObject(n, "value_changed", (double)value);
            cJSON_AddNumberToObject(n, "unchanged", (double)same);
        }
        char *text = runs ? cJSON_Print(out) : NULL;
        if (text)
            puts(text);
        else
            rc = err_set(&e, ERR_NOMEM, "out of memory");
        free(text);
        cJSON_Delete(out);
    } else if (!rc && format == TABLE_CSV) {
        table *t = table_new(stdout, TABLE_CSV, DIFF_COLUMNS, (int)(sizeof DIFF_COLUMNS / sizeof *DIFF_COLUMNS));
        const cJSON *c;
        rc = t ? 0 : err_set(&e, ERR_NOMEM, "out of memory");
        cJSON_ArrayForEach(c, changes)
        {
            if (!rc && csv_change(t, c))
                rc = err_set(&e, ERR_NOMEM, "out of memory");
        }
        if (t && table_end(t) && !rc)
            rc = err_set(&e, ERR_IO, "writing the output failed");
    } else if (!rc) {
        rc = store_each_run(s, a.run, show_run, NULL, &e);
        if (!rc)
            rc = store_each_run(s, b.run, show_run, NULL, &e);
        if (edited)
            printf("warning: framework %s is version %s in both runs, but its files differ (sha256 %.12s... and "
                   "%.12s...): it was edited without a new version\n",
                   a.framework, a.version, a.sha256, b.sha256);
        const cJSON *c;
        cJSON_ArrayForEach(c, changes)
        {
            print_change(c);
        }
        const cJSON *k;
        cJSON_ArrayForEach(k, only_a)
        {
            printf("only in run %lld: %s\n", a.run, k->valuestring);
        }
        cJSON_ArrayForEach(k, only_b)
        {
            printf("only in run %lld: %s\n", b.run, k->valuestring);
        }
        printf("%ld changed, %ld with only the value changed, %ld unchanged, %d only in run %lld, %d only in run %lld\n",
               colour, value, same, cJSON_GetArraySize(only_a), a.run, cJSON_GetArraySize(only_b), b.run);
    }
    cJSON_Delete(changes);
    cJSON_Delete(only);
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
        printf("run %lld, against %s: %ld compared, %ld %s, %ld %s; %ld %s without a published verdict\n", a.run,
               a.against, w.agree + w.differ, w.agree, text_plural(w.agree, "agrees", "agree"), w.differ,
               text_plural(w.differ, "differs", "differ"), w.without, text_plural(w.without, "result", "results"));
    else
        fprintf(stderr, "run %lld, against %s: %ld agree, %ld differ, %ld without\n", a.run, a.against, w.agree,
                w.differ, w.without);
    return w.differ ? CLI_FAILED : CLI_OK;
}
