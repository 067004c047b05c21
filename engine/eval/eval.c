/* eval.c - the evaluation loop; see eval.h. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "eval.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "derive.h"
#include "grow.h"
#include "rollup.h"
#include "rule_call.h"
#include "series.h"
#include "sha256.h"
#include "strmap.h"
#include "text.h"
#include "vocab.h"

static void iso(int ymd, char out[11])
{
    snprintf(out, 11, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
}

/* ---- areas ---- */

typedef struct ev_area {
    char *code, *name, *type, *country, *valid_from, *valid_to;
} ev_area;

#define EV_MAX_COUNTRIES 8

typedef struct ev_areas {
    ev_area *a;
    size_t n, cap;
    strmap *index;
    const char *country_name[EV_MAX_COUNTRIES], *country_code[EV_MAX_COUNTRIES]; /* country_area's, borrowed */
    size_t ncountries;
} ev_areas;

static int collect_area(void *ctx, const store_area *a)
{
    ev_areas *all = ctx;
    if (grow(&all->a, &all->cap, all->n + 1, sizeof *all->a, 512))
        return ERR_NOMEM;
    ev_area *x = &all->a[all->n];
    x->code = strdup(a->code);
    x->name = strdup(a->name);
    x->type = strdup(a->type);
    x->country = strdup(a->country);
    x->valid_to = a->valid_to ? strdup(a->valid_to) : NULL;
    x->valid_from = a->valid_from ? strdup(a->valid_from) : NULL;
    if (!x->code || !x->name || !x->type || !x->country || (a->valid_to && !x->valid_to) ||
        (a->valid_from && !x->valid_from) || strmap_put(all->index, a->code, (int)all->n)) {
        free(x->code), free(x->name), free(x->type), free(x->country), free(x->valid_to), free(x->valid_from);
        return ERR_NOMEM;
    }
    all->n++;
    return 0;
}

static void free_areas(ev_areas *all)
{
    for (size_t i = 0; i < all->n; i++)
        free(all->a[i].code), free(all->a[i].name), free(all->a[i].type), free(all->a[i].country),
            free(all->a[i].valid_from), free(all->a[i].valid_to);
    free(all->a);
    strmap_free(all->index);
}

static const ev_area *area_named(const ev_areas *all, const char *code)
{
    int i;
    return strmap_get(all->index, code, &i) ? &all->a[i] : NULL;
}

/* The code of the area of type country named `country` (England's E92000001),
 * found once per country and kept: a parent comparator asks for every area. */
static const char *country_area(ev_areas *all, const char *country)
{
    for (size_t k = 0; k < all->ncountries; k++)
        if (text_ieq(all->country_name[k], country))
            return all->country_code[k];
    for (size_t k = 0; k < all->n && all->ncountries < EV_MAX_COUNTRIES; k++)
        if (text_ieq(all->a[k].type, "country") && text_ieq(all->a[k].country, country)) {
            all->country_name[all->ncountries] = all->a[k].country;
            all->country_code[all->ncountries++] = all->a[k].code;
            return all->a[k].code;
        }
    return NULL;
}

/* ---- the period ---- */

/* ---- one evaluation ---- */

typedef struct evaluator {
    store *s;
    host *h;
    const framework *f;
    result_set *r;
    ev_areas all;
    const ev_area **cohort; /* every area the framework scores in the period, whatever --area selects */
    long set_aside;         /* points the indicator's declared frequency left out of its series */
    size_t ncohort;
    series_set set;
    series_set cmp_set; /* the comparator's series when it is at another breakdown */
    int period_start, period_end;
    sha256_ctx fingerprint;
    size_t kept; /* bytes charged to the host for the results (host_keep) */
    unsigned char *counted; /* per result area: in the cohort, so counted in quartiles across areas */
    size_t *wanted;         /* the areas --area named, as indexes into the results, when the whole */
    size_t nwanted;         /* cohort is scored for them; NULL otherwise */
    char **where;           /* per indicator, where it is defined relative to the framework's folder */
} evaluator;

/* "file:line" with the file made relative to the framework's folder, so that a
 * stored result says where its rule is wherever the framework was run from or
 * is later copied to; `where` itself when the file cannot be resolved. */
static char *relative_where(const char *dir, const char *where)
{
    const char *colon = strrchr(where, ':');
    size_t flen = colon ? (size_t)(colon - where) : strlen(where);
    char *file = strndup(where, flen);
    char *real = dir && file ? realpath(file, NULL) : NULL;
    char *rel = real ? text_relative_path(dir, real) : NULL;
    char *out = rel ? text_printf_dup("%s%s", rel, colon ? colon : "") : strdup(where);
    free(file), free(real), free(rel);
    return out;
}

static int relative_wheres(evaluator *ev, err *e)
{
    const framework *f = ev->f;
    ev->where = calloc(f->nind ? f->nind : 1, sizeof *ev->where);
    if (!ev->where)
        return err_set(e, ERR_NOMEM, "out of memory");
    char *copy = strdup(f->path), *slash = copy ? strrchr(copy, '/') : NULL;
    if (slash)
        *slash = '\0';
    char *dir = copy ? realpath(slash ? (*copy ? copy : "/") : ".", NULL) : NULL;
    int rc = 0;
    for (size_t i = 0; !rc && i < f->nind; i++)
        if (f->ind[i].where && !(ev->where[i] = relative_where(dir, f->ind[i].where)))
            rc = err_set(e, ERR_NOMEM, "out of memory");
    free(copy), free(dir);
    return rc;
}

/* Makes `r` a grey result with `status`, taking `reason` (NULL only when its
 * making ran out of memory): 0, or ERR_NOMEM. */
static int set_grey(res_indicator *r, vocab_status status, char *reason)
{
    err_assert(status != STATUS_NONE);
    r->colour = COLOUR_GREY;
    free(r->assessment);
    r->status = status;
    r->assessment = strdup(vocab_status_name(status));
    free(r->reason);
    r->reason = reason;
    return r->assessment && r->reason ? 0 : ERR_NOMEM;
}

/* Charges bytes the results keep to the host's memory cap. */
static int keep(evaluator *ev, size_t bytes, const char *what, err *e)
{
    if (host_keep(ev->h, bytes, what, e))
        return ERR_LIMIT;
    ev->kept += bytes;
    return 0;
}

/* The details recorded with a result: inputs, rule and what the rule reported
 * (its `details`, taken from `rule_details` when given), into *out. */
static int details_json(evaluator *ev, const fw_indicator *ind, const series_point *cur, const derivation *how,
                        const series_point *cmp, const char *cmp_code, cJSON *rule_details, const char *what,
                        char **out, err *e)
{
    *out = NULL;
    cJSON *d = cJSON_CreateObject();
    cJSON *in = cJSON_AddObjectToObject(d, "observation");
    if (cur) {
        cJSON_AddNumberToObject(in, "id", (double)cur->id);
        cJSON_AddStringToObject(in, "period", series_label(&ev->set, cur));
        if (!isnan(cur->value))
            cJSON_AddNumberToObject(in, "value", cur->value);
        if (!isnan(cur->num))
            cJSON_AddNumberToObject(in, "numerator", cur->num);
        if (!isnan(cur->den))
            cJSON_AddNumberToObject(in, "denominator", cur->den);
        if (!isnan(cur->lo))
            cJSON_AddNumberToObject(in, "lower_ci", cur->lo);
        if (!isnan(cur->hi))
            cJSON_AddNumberToObject(in, "upper_ci", cur->hi);
        cJSON_AddStringToObject(in, "status", obs_status_name(cur->status));
        if (cur->derived)
            cJSON_AddBoolToObject(in, "derived", 1);
        if (cur->derived && how && how->from[0])
            cJSON_AddStringToObject(in, "derived_from", how->from);
        if (cur->derived && how && how->partly[0])
            cJSON_AddStringToObject(in, "approximate_geography", how->partly);
    }
    if (cmp) {
        cJSON *c = cJSON_AddObjectToObject(d, "comparator");
        cJSON_AddStringToObject(c, "area", cmp_code);
        cJSON_AddNumberToObject(c, "id", (double)cmp->id);
        if (!isnan(cmp->value))
            cJSON_AddNumberToObject(c, "value", cmp->value);
    }
    if (ind->rule_json)
        cJSON_AddItemToObject(d, "rule", cJSON_Parse(ind->rule_json));
    size_t at = (size_t)(ind - ev->f->ind);
    if (ev->where[at])
        cJSON_AddStringToObject(d, "defined_at", ev->where[at]);
    if (cur) { /* which points the history and trend are made of, and who chose */
        cJSON *fq = cJSON_AddObjectToObject(d, "frequency");
        cJSON_AddStringToObject(fq, "period_type", period_type_name((period_type)cur->type));
        cJSON_AddStringToObject(fq, "chosen_by", ind->frequencies ? "the indicator" : "the point judged");
        if (ev->set_aside)
            cJSON_AddNumberToObject(fq, "points_of_other_types_set_aside", (double)ev->set_aside);
    }
    if (rule_details)
        cJSON_AddItemToObject(d, "result", rule_details);
    char *text = cJSON_PrintUnformatted(d);
    cJSON_Delete(d);
    if (!text)
        return err_set(e, ERR_NOMEM, "out of memory");
    if (keep(ev, strlen(text) + 1, what, e)) {
        free(text);
        return ERR_LIMIT;
    }
    *out = text;
    return 0;
}

/* A rule's result comes from luajson, whose numbers and strings are raw JSON
 * text (cJSON_Raw, printed as they are): these read either form. */
static double json_number(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsNumber(v))
        return v->valuedouble;
    if (cJSON_IsRaw(v) && v->valuestring) {
        char *end;
        double x = strtod(v->valuestring, &end);
        if (end != v->valuestring && *end == '\0')
            return x;
    }
    return NAN;
}

static char *json_string_dup(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (cJSON_IsString(v))
        return strdup(v->valuestring);
    char *s = NULL;
    if (cJSON_IsRaw(v) && v->valuestring && v->valuestring[0] == '"') {
        cJSON *parsed = cJSON_Parse(v->valuestring);
        s = cJSON_IsString(parsed) ? strdup(parsed->valuestring) : NULL;
        cJSON_Delete(parsed);
    }
    return s;
}

/* The interval a rule judged, when its result gives lower and upper. */
static void take_interval(const cJSON *result, res_indicator *r)
{
    double lo = json_number(result, "lower"), hi = json_number(result, "upper");
    if (!isnan(lo) && !isnan(hi))
        r->lower = lo, r->upper = hi;
}

/* A control chart from an SPC result ({points = {{value, type, period, cl,
 * lpl, upl}}, mean, lpl, upl, options, variation, assurance}, as r.spc
 * returns it), read here once so that no writer knows the shape of a rule's
 * result. */
static int take_chart(const cJSON *result, const fw_indicator *ind, res_indicator *r, err *e)
{
    const cJSON *pts = cJSON_GetObjectItemCaseSensitive(result, "points");
    int n = cJSON_IsArray(pts) ? cJSON_GetArraySize(pts) : 0;
    if (n < 1 || isnan(json_number(result, "mean")))
        return 0;
    size_t m = (size_t)n;
    res_spc *c = calloc(1, sizeof *c);
    if (!c || !(c->values = calloc(m, sizeof *c->values)) || !(c->kinds = calloc(m, 1)) ||
        !(c->periods = calloc(m, sizeof *c->periods)) || !(c->cl = calloc(m, sizeof *c->cl)) ||
        !(c->lpl_at = calloc(m, sizeof *c->lpl_at)) || !(c->upl_at = calloc(m, sizeof *c->upl_at))) {
        result_spc_free(c);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    const cJSON *p;
    cJSON_ArrayForEach(p, pts)
    {
        char *type = json_string_dup(p, "type");
        const char *t = type ? type : "";
        c->values[c->n] = json_number(p, "value");
        c->periods[c->n] = json_string_dup(p, "period");
        c->cl[c->n] = json_number(p, "cl");
        c->lpl_at[c->n] = json_number(p, "lpl");
        c->upl_at[c->n] = json_number(p, "upl");
        c->kinds[c->n++] = !strcmp(t, "improvement")    ? RES_SPC_IMPROVEMENT
                           : !strcmp(t, "concern")       ? RES_SPC_CONCERN
                           : !strncmp(t, "neutral", 7)   ? RES_SPC_NEUTRAL
                                                         : RES_SPC_COMMON;
        free(type);
    }
    c->mean = json_number(result, "mean");
    c->lpl = json_number(result, "lpl");
    c->upl = json_number(result, "upl");
    c->target = json_number(cJSON_GetObjectItemCaseSensitive(result, "options"), "target");
    if (isnan(c->target) && ind->rule_json) { /* a target the rule was given but the chart did not echo */
        cJSON *rule = cJSON_Parse(ind->rule_json);
        c->target = json_number(cJSON_GetObjectItemCaseSensitive(rule, "params"), "target");
        cJSON_Delete(rule);
    }
    c->variation = json_string_dup(result, "variation");
    c->assurance = json_string_dup(result, "assurance");
    r->spc = c;
    return 0;
}

void result_spc_free(res_spc *c)
{
    if (!c)
        return;
    for (size_t i = 0; c->periods && i < c->n; i++)
        free(c->periods[i]);
    free(c->periods), free(c->cl), free(c->lpl_at), free(c->upl_at);
    free(c->values), free(c->kinds), free(c->variation), free(c->assurance);
    free(c);
}

/* Says what the comparator number is: what the rule declared, else the
 * comparator area's value when it is that, else an undescribed value; and
 * names the area, so no reader takes a target for an area's figure. */
static int describe_comparator(evaluator *ev, const rule_verdict *v, const rule_ctx *c, res_indicator *r, err *e)
{
    r->comparator = v->comparator;
    if (isnan(v->comparator))
        return 0;
    r->comparator_kind = v->comparator_kind;
    if (r->comparator_kind == CMP_NONE)
        r->comparator_kind = c->cmp && c->cmp->value == v->comparator ? CMP_AREA : CMP_VALUE;
    if (r->comparator_kind != CMP_AREA)
        return 0;
    const char *code = v->comparator_area ? v->comparator_area : c->cmp ? c->cmp_area : NULL;
    if (!code) /* an area's value, but which area the rule did not say */
        return 0;
    const ev_area *a = area_named(&ev->all, code);
    r->comparator_area = strdup(code);
    r->comparator_name = a ? strdup(a->name) : NULL;
    return r->comparator_area && (!a || r->comparator_name) ? 0 : err_set(e, ERR_NOMEM, "out of memory");
}

/* Turns what the rule returned into the result's colour and words; takes the
 * verdict's strings. */
static int apply_verdict(evaluator *ev, const fw_indicator *ind, const char *area, rule_verdict *v,
                         res_indicator *r, err *e)
{
    if (!v->assessment && v->status == STATUS_NONE)
        return err_set(e, ERR_INVALID, "%s: indicator %s, area %s: the rule returned neither an assessment nor a status",
                       ind->where, ind->id, area);
    if (v->assessment) {
        vocab_colour colour;
        if (framework_colour(ev->f, v->assessment, &colour))
            return err_set(e, ERR_INVALID,
                           "%s: indicator %s, area %s: assessment \"%s\" has no colour in the framework's colour map",
                           ind->where, ind->id, area, v->assessment);
        r->colour = colour;
        r->assessment = v->assessment;
        r->status = v->status; /* e.g. stale_target: judged, and flagged */
        r->reason = v->reason ? v->reason : strdup(v->assessment);
        r->score = v->score; /* only a judged result counts towards a mean score */
        v->assessment = v->reason = NULL;
    } else {
        char *reason = v->reason ? v->reason : strdup(vocab_status_name(v->status));
        v->reason = NULL; /* the result owns it now */
        if (set_grey(r, v->status, reason))
            return err_set(e, ERR_NOMEM, "out of memory");
    }
    return 0;
}

/* The last RESULT_HISTORY points of the series up to the one judged, each with
 * the comparator's value for its period (cmp_sl in cmp_set; NULL: none). */
static int keep_history(const series_set *s, const series_slot *sl, const series_point *cur, const series_set *cmp_set,
                        const series_slot *cmp_sl, res_indicator *r, err *e)
{
    /* Up to RESULT_HISTORY points, of the judged point's period type unless the
     * indicator declares its types: a year among quarters draws a step that is
     * not there. */
    size_t end = (size_t)(cur - s->pts) - sl->off + 1;
    size_t first = end, same = 0;
    while (first > 0 && same < RESULT_HISTORY) {
        first--;
        same += !s->one_type || series_at(s, sl, first)->type == cur->type;
    }
    r->history = calloc(same ? same : 1, sizeof *r->history);
    if (!r->history)
        return err_set(e, ERR_NOMEM, "out of memory");
    for (size_t i = first; i < end; i++) {
        const series_point *p = series_at(s, sl, i);
        if (s->one_type && p->type != cur->type)
            continue;
        const series_point *c = cmp_sl ? series_same_period(cmp_set, cmp_sl, p) : NULL;
        res_history_point *h = &r->history[r->nhistory++];
        *h = (res_history_point){NULL, p->start, p->end, p->type, p->value, c ? c->value : NAN, p->brk,
                                 p->status == OBS_PROVISIONAL};
        if (!(h->period = strdup(series_label(s, p))))
            return err_set(e, ERR_NOMEM, "out of memory");
    }
    return 0;
}

/* ---- indicators ---- */

typedef struct series_reader {
    evaluator *ev;
    series_set *into;
    const fw_indicator *ind;
    long set_aside;        /* points of a period type the indicator does not declare */
    char type_name[24];    /* the last row's period type, parsed once per run of equal names */
    period_type type;
    int failed;            /* out of memory while adding a point */
    char last_area[64];
} series_reader;

/* Adds one stored observation to the set, complete: a point with counts but
 * no published value gets the rate they give, times the indicator's
 * multiplier (100 for a percentage, 1,000 for "per 1,000"), here and only
 * here, so the peers, the comparator and the area judged all see it. */
static int take_point(void *ctx, const store_point *sp)
{
    series_reader *rd = ctx;
    series_set *s = rd->into;
    const char *name = sp->period_type ? sp->period_type : "";
    if (strcmp(name, rd->type_name)) {
        snprintf(rd->type_name, sizeof rd->type_name, "%s", name);
        if (period_type_parse(name, &rd->type))
            rd->type = PERIOD_SNAPSHOT; /* the store writes only known names */
    }
    period_type type = rd->type;
    if (rd->ind->frequencies && !(rd->ind->frequencies & (1u << type))) {
        rd->set_aside++; /* the indicator declares its frequency: other points are not its series */
        return 0;
    }
    if (strcmp(sp->area, rd->last_area)) {
        snprintf(rd->last_area, sizeof rd->last_area, "%s", sp->area);
        if (series_start_slot(s, sp->area))
            return rd->failed = 1;
    }
    series_point p = {.id = sp->id, .start = sp->start, .end = sp->end, .value_text = -1, .value = sp->value,
                      .num = sp->numerator, .den = sp->denominator, .lo = sp->lower_ci, .hi = sp->upper_ci,
                      .lo998 = sp->lower_ci_998, .hi998 = sp->upper_ci_998, .status = sp->status,
                      .brk = (unsigned char)sp->series_break, .approx = (unsigned char)sp->approximate,
                      .type = (unsigned char)type};
    if (isnan(p.value) && !isnan(p.num) && !isnan(p.den) && p.den > 0 &&
        (p.status == OBS_OK || p.status == OBS_PROVISIONAL || p.status == OBS_REVISED))
        p.value = p.num / p.den * rd->ind->multiplier;
    if (series_add_point(s, &p, sp->period, sp->value_text))
        return rd->failed = 1;
    sha256_update(&rd->ev->fingerprint, &sp->id, sizeof sp->id);
    sha256_update(&rd->ev->fingerprint, &sp->value, sizeof sp->value);
    return 0;
}

/* Reads the indicator's series at `breakdown` into `into`. */
static int read_series(evaluator *ev, const fw_indicator *ind, const char *breakdown, series_set *into, err *e)
{
    if (series_set_reset(into))
        return err_set(e, ERR_NOMEM, "out of memory");
    into->one_type = !ind->frequencies;
    series_reader rd;
    memset(&rd, 0, sizeof rd);
    rd.ev = ev;
    rd.into = into;
    rd.ind = ind;
    int rc = store_each_series_point(ev->s, ind->series, breakdown, take_point, &rd, e);
    if (!rc && rd.failed)
        rc = err_set(e, ERR_NOMEM, "out of memory reading %s", ind->series);
    if (into == &ev->set)
        ev->set_aside = rd.set_aside;
    return rc;
}

/* ---- the comparator ---- */

typedef struct comparing {
    const fw_comparator *spec;
    const char *fixed;         /* spec->area, resolved through the aliases */
    const series_set *set;     /* where the comparator's points are: the indicator's set, or cmp_set */
} comparing;

/* The comparator area for `area`, into buf; NULL when there is none (no
 * comparator, or an area without a parent of the type asked for). */
static int comparator_for(evaluator *ev, const comparing *cm, const char *area, char *buf, size_t cap,
                          const char **out, err *e)
{
    *out = NULL;
    if (cm->fixed) {
        *out = cm->fixed;
        return 0;
    }
    if (!cm->spec->parent) {
        *out = cm->spec->breakdown ? area : NULL; /* the area itself, at another breakdown */
        return 0;
    }
    if (text_ieq(cm->spec->parent, "country")) { /* every area knows its country */
        const ev_area *a = area_named(&ev->all, area);
        *out = a ? country_area(&ev->all, a->country) : NULL;
        return 0;
    }
    int found = store_parent_of(ev->s, area, cm->spec->parent, ev->r->period_start, ev->r->period_end, buf, cap, e);
    if (found < 0)
        return found;
    *out = found ? buf : NULL;
    return 0;
}

/* Calls the rule's prepare, if it has one, with the current point of every
 * area of the cohort, scored in this run or not. */
static int prepare(evaluator *ev, size_t i, int *handle, err *e)
{
    rule_peer *peers = calloc(ev->ncohort ? ev->ncohort : 1, sizeof *peers);
    if (!peers)
        return err_set(e, ERR_NOMEM, "out of memory");
    size_t n = 0;
    for (size_t a = 0; a < ev->ncohort; a++) {
        const char *code = ev->cohort[a]->code;
        const series_point *p = series_current(&ev->set, series_slot_of(&ev->set, code), ev->period_end, (int)ev->f->period_type);
        if (p && !isnan(p->value))
            peers[n++] = (rule_peer){code, p};
    }
    int rc = rule_prepare(ev->h, ev->f, i, &ev->set, peers, n, ev->r->period, handle, e);
    free(peers);
    return rc;
}

/* Scores one area on indicator i. */
static int eval_area(evaluator *ev, size_t i, size_t a, const comparing *cm, int prepared, err *e)
{
    const fw_indicator *ind = &ev->f->ind[i];
    res_area *ra = &ev->r->areas[a];
    res_indicator *r = &ra->indicators[i];
    char parent[64];
    const char *cmp_code;
    int rc = comparator_for(ev, cm, ra->code, parent, sizeof parent, &cmp_code, e);
    if (rc)
        return rc;
    if (!(r->method = strdup(ind->method ? ind->method : "custom")))
        return err_set(e, ERR_NOMEM, "out of memory");
    const series_slot *sl = series_slot_of(&ev->set, ra->code);
    derivation how = {"", ""};
    if (!sl && ind->derive != FW_DERIVE_NONE && (rc = derive_series(ev->s, &ev->set, ind, ra->code, ev->r->period_start, ev->r->period_end, &how, &sl, e)))
        return rc;
    const series_point *cur = series_current(&ev->set, sl, ev->period_end, (int)ev->f->period_type);
    char what[300];
    snprintf(what, sizeof what, "%s: indicator %s, area %s", ind->where, ind->id, ra->code);
    if (!cur) {
        if (set_grey(r, STATUS_MISSING, text_printf_dup("no %s value for %s or before", ind->id, ev->r->period)))
            return err_set(e, ERR_NOMEM, "out of memory");
        return details_json(ev, ind, NULL, NULL, NULL, NULL, NULL, what, &r->details, e);
    }
    /* Only an observation that ends within the framework's span before the
     * period's end speaks for the period: an older one is named, not scored. */
    int months = ind->latest_within;
    if (cur->end < period_add_months(ev->period_end, -months)) {
        char span[32];
        snprintf(span, sizeof span, months == 1 ? "month" : months % 12 ? "%d months" : months == 12 ? "year" : "%d years",
                 months % 12 ? months : months / 12);
        if (set_grey(r, STATUS_NOT_AVAILABLE, text_printf_dup("no %s value for %s or in the %s before it; the latest is %s", ind->id,
                                              ev->r->period, span, series_label(&ev->set, cur))))
            return err_set(e, ERR_NOMEM, "out of memory");
        return details_json(ev, ind, NULL, NULL, NULL, NULL, NULL, what, &r->details, e);
    }
    const series_slot *cmp_sl = cmp_code ? series_slot_of(cm->set, cmp_code) : NULL;
    rc = keep_history(&ev->set, sl, cur, cm->set, cmp_sl, r, e);
    if (rc)
        return rc;
    if (cmp_sl) {
        const ev_area *named = area_named(&ev->all, cmp_code);
        r->history_cmp_area = strdup(cmp_code);
        r->history_cmp_name = named ? strdup(named->name) : NULL;
        if (!r->history_cmp_area || (named && !r->history_cmp_name))
            return err_set(e, ERR_NOMEM, "out of memory");
    }
    if (!(r->period = strdup(series_label(&ev->set, cur))))
        return err_set(e, ERR_NOMEM, "out of memory");
    r->value = cur->value;
    if (!isnan(cur->lo) && !isnan(cur->hi))
        r->lower = cur->lo, r->upper = cur->hi;
    const char *text = series_value_text(&ev->set, cur);
    r->value_text = text ? strdup(text) : NULL;
    r->provisional = cur->status == OBS_PROVISIONAL;
    r->revised = cur->status == OBS_REVISED;
    r->derived = cur->derived;
    r->approximate = cur->approx;
    const series_point *cmp = cmp_sl ? series_same_period(cm->set, cmp_sl, cur) : NULL;
    if (cur->derived && ind->not_aggregable) {
        /* The engine could build a number, but the framework says it means
         * nothing to judge (a standardised rate averaged over members). */
        if (set_grey(r, STATUS_UNRELIABLE,
                     text_printf_dup("not_aggregable: %s; the value shown is the members' %s (%s), for information only",
                          ind->not_aggregable,
                          ind->derive == FW_DERIVE_SUM     ? "counts summed"
                          : ind->derive == FW_DERIVE_COUNT ? "values added"
                                                           : "values averaged by their denominators",
                          how.from)))
            return err_set(e, ERR_NOMEM, "out of memory");
        return details_json(ev, ind, cur, &how, cmp, cmp_code, NULL, what, &r->details, e);
    }
    if (cur->status == OBS_SUPPRESSED) {
        if (set_grey(r, STATUS_SUPPRESSED, text_printf_dup("%s for %s is suppressed by the publisher", ind->id, r->period)))
            return err_set(e, ERR_NOMEM, "out of memory");
        return details_json(ev, ind, cur, &how, cmp, cmp_code, NULL, what, &r->details, e);
    }
    if (cur->status == OBS_MISSING || isnan(cur->value)) {
        if (set_grey(r, STATUS_MISSING, text_printf_dup("%s for %s is missing in the data", ind->id, r->period)))
            return err_set(e, ERR_NOMEM, "out of memory");
        return details_json(ev, ind, cur, &how, cmp, cmp_code, NULL, what, &r->details, e);
    }
    const ev_area *area = area_named(&ev->all, ra->code);
    const ev_area *cmp_area = cmp ? area_named(&ev->all, cmp_code) : NULL;
    rule_ctx c = {ra->code, area ? area->name : ra->name, ev->r->period, ev->r->period_start, ev->r->period_end,
                  &ev->set, sl, cur, cmp, cm->set, cmp_code, cmp_area ? cmp_area->name : NULL, prepared,
                  ev->r->decimals[i]};
    rule_verdict v;
    if ((rc = rule_assess(ev->h, ev->f, i, &c, what, &v, &ev->kept, e)))
        return rc;
    rc = apply_verdict(ev, ind, ra->code, &v, r, e);
    if (!rc)
        rc = describe_comparator(ev, &v, &c, r, e);
    if (!rc) {
        take_interval(v.details, r);
        rc = take_chart(v.details, ind, r, e);
    }
    cJSON *details = v.details;
    v.details = NULL;
    rule_verdict_free(&v);
    if (rc) {
        cJSON_Delete(details);
        return rc;
    }
    if (r->derived && r->reason) {
        char *more = text_printf_dup("%s (derived from %s%s%s)", r->reason, how.from, how.partly[0] ? "; approximate geography: " : "",
                          how.partly);
        if (!more)
            return err_set(e, ERR_NOMEM, "out of memory");
        free(r->reason);
        r->reason = more;
    }
    return details_json(ev, ind, cur, &how, cmp, cmp_code, details, what, &r->details, e);
}

static int eval_indicator(evaluator *ev, size_t i, err *e)
{
    const framework *f = ev->f;
    const fw_indicator *ind = &f->ind[i];
    if (!ind->reported) {
        for (size_t a = 0; a < ev->r->nareas; a++) {
            res_indicator *r = &ev->r->areas[a].indicators[i];
            if (set_grey(r, STATUS_NOT_REPORTED, text_printf_dup("%s is defined but not published%s%s", ind->id,
                                                 ind->notes ? ": " : "", ind->notes ? ind->notes : "")))
                return err_set(e, ERR_NOMEM, "out of memory");
            r->method = ind->method ? strdup(ind->method) : NULL;
        }
        return 0;
    }
    const char *breakdown = ind->breakdown ? ind->breakdown : "";
    int rc = read_series(ev, ind, breakdown, &ev->set, e);
    if (rc)
        return rc;
    rule_series_begin(ev->h, &ev->set);
    for (size_t k = 0; ind->decimals < 0 && k < ev->set.n; k++) {
        int d = text_decimals(series_value_text(&ev->set, &ev->set.pts[k]));
        ev->r->decimals[i] = d > ev->r->decimals[i] ? d : ev->r->decimals[i];
    }
    const fw_comparator *own = &ind->comparator;
    comparing cm = {own->area || own->parent || own->breakdown ? own : &f->comparator, NULL, &ev->set};
    if (cm.spec->breakdown && strcmp(cm.spec->breakdown, breakdown)) {
        if ((rc = read_series(ev, ind, cm.spec->breakdown, &ev->cmp_set, e)))
            return rc;
        cm.set = &ev->cmp_set;
    }
    if (cm.spec->area) {
        int approx;
        int found = store_resolve_area(ev->s, cm.spec->area, &cm.fixed, &approx, e);
        if (found < 0)
            return found;
        if (!found)
            cm.fixed = cm.spec->area;
    }
    int prepared = RULE_NONE;
    rc = prepare(ev, i, &prepared, e);
    for (size_t a = 0; !rc && a < ev->r->nareas; a++)
        rc = eval_area(ev, i, a, &cm, prepared, e);
    rule_release(ev->h, prepared);
    return rc;
}

/* ---- storing ---- */

/* Each outcome's indicators, as JSON text stored with its results: the run
 * records which indicators each colour was rolled up from, so `explain` can
 * give an indicator's own path without the framework file, which may since
 * have changed. `members` gets one new string per outcome. */
static int outcome_members(const framework *f, char **members, err *e)
{
    for (size_t o = 0; o < f->nout; o++) {
        cJSON *d = cJSON_CreateObject(), *list = d ? cJSON_AddArrayToObject(d, "indicators") : NULL;
        for (size_t k = 0; list && k < f->out[o].nind; k++)
            if (!cJSON_AddItemToArray(list, cJSON_CreateString(f->ind[f->out[o].ind[k]].id)))
                list = NULL;
        if (list && f->out[o].title && !cJSON_AddStringToObject(d, "title", f->out[o].title))
            list = NULL;
        members[o] = list ? cJSON_PrintUnformatted(d) : NULL;
        cJSON_Delete(d);
        if (!members[o])
            return err_set(e, ERR_NOMEM, "out of memory");
    }
    return 0;
}

int eval_store(store *s, result_set *r, err *e)
{
    const framework *f = r->framework;
    store_run run = {f->id, f->version, f->sha256, f->path, r->period, r->period_start, r->period_end, SCORECARD_ENGINE_VERSION};
    char **members = calloc(f->nout ? f->nout : 1, sizeof *members);
    int rc = members ? outcome_members(f, members, e) : err_set(e, ERR_NOMEM, "out of memory");
    if (!rc)
        rc = store_begin_run(s, &run, &r->run_id, e);
    for (size_t a = 0; !rc && a < r->nareas; a++) {
        res_area *ra = &r->areas[a];
        store_result area = {ra->code, "area", f->id, vocab_colour_name(ra->colour), NULL, NULL, NULL, "rollup", ra->reason, ra->score, NAN, NULL};
        rc = store_put_result(s, r->run_id, &area, e);
        for (size_t o = 0; !rc && o < f->nout; o++) {
            store_result out = {ra->code, "outcome", f->out[o].id, vocab_colour_name(ra->outcomes[o].colour), NULL, NULL, NULL, "rollup",
                                ra->outcomes[o].reason, ra->outcomes[o].score, NAN, members[o]};
            rc = store_put_result(s, r->run_id, &out, e);
        }
        for (size_t i = 0; !rc && i < f->nind; i++) {
            res_indicator *x = &ra->indicators[i];
            store_result ir = {ra->code, "indicator", f->ind[i].id, vocab_colour_name(x->colour), x->assessment, x->value_text,
                               x->period, x->method, x->reason, x->value, x->comparator, x->details};
            rc = store_put_result(s, r->run_id, &ir, e);
        }
    }
    if (!rc)
        rc = store_finish_run(s, r->run_id, r->fingerprint, (long)r->nareas, e);
    if (rc)
        r->run_id = 0;
    for (size_t o = 0; members && o < f->nout; o++)
        free(members[o]);
    free(members);
    return rc;
}

/* ---- the run ---- */

/* Is `a` one of the areas the framework scores in the period: of its type,
 * existing during the period, in its country when it names one (a Northern
 * Ireland framework scoring "country")? */
static int in_cohort(const evaluator *ev, const ev_area *a, const char *start)
{
    const framework *f = ev->f;
    return text_ieq(a->type, f->scores) && !(a->valid_to && strcmp(a->valid_to, start) < 0) &&
           !(a->valid_from && strcmp(a->valid_from, ev->r->period_end) > 0) &&
           !(f->country && !text_ieq(a->country, f->country));
}

/* Frees what one area's results hold. */
static void free_area(const framework *f, res_area *ra)
{
    for (size_t i = 0; ra->indicators && i < f->nind; i++) {
        res_indicator *x = &ra->indicators[i];
        free(x->assessment), free(x->reason), free(x->method), free(x->period);
        free(x->value_text), free(x->details), free(x->comparator_area), free(x->comparator_name);
        free(x->history_cmp_area), free(x->history_cmp_name);
        result_spc_free(x->spc);
        for (size_t h = 0; h < x->nhistory; h++)
            free(x->history[h].period);
        free(x->history);
    }
    for (size_t o = 0; ra->outcomes && o < f->nout; o++)
        free(ra->outcomes[o].reason);
    free(ra->indicators), free(ra->outcomes), free(ra->code), free(ra->name), free(ra->reason);
}

/* Adds a result for area `a` to the run. */
static int add_area(evaluator *ev, const ev_area *a, int counted, err *e)
{
    const framework *f = ev->f;
    result_set *r = ev->r;
    ev->counted[r->nareas] = (unsigned char)counted;
    res_area *ra = &r->areas[r->nareas++];
    ra->code = strdup(a->code);
    ra->name = strdup(a->name);
    ra->outcomes = calloc(f->nout ? f->nout : 1, sizeof *ra->outcomes);
    ra->indicators = calloc(f->nind ? f->nind : 1, sizeof *ra->indicators);
    if (!ra->code || !ra->name || !ra->outcomes || !ra->indicators)
        return err_set(e, ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < f->nind; i++) {
        res_indicator *x = &ra->indicators[i];
        x->value = x->comparator = x->lower = x->upper = x->score = NAN;
    }
    for (size_t k = 0; k < f->nout; k++)
        ra->outcomes[k].score = NAN;
    ra->score = NAN;
    return 0;
}

/* The index in the run of the area coded `code`, or -1. */
static long run_index(const result_set *r, const char *code)
{
    for (size_t k = 0; k < r->nareas; k++)
        if (!strcmp(r->areas[k].code, code))
            return (long)k;
    return -1;
}

/* The cohort is what a rule that ranks areas ranks among; the areas scored are
 * the cohort, or those --area names, so scoring one area gives it the colour
 * it has when all are scored. A framework whose roll-up cuts at the quartiles
 * across areas (framework_ranks_areas) scores the whole cohort even then, and
 * keeps only the areas named once it is rolled up (keep_wanted). */
static int choose_areas(evaluator *ev, const eval_options *o, err *e)
{
    const framework *f = ev->f;
    result_set *r = ev->r;
    char start[11];
    iso(ev->period_start, start);
    ev->cohort = calloc(ev->all.n ? ev->all.n : 1, sizeof *ev->cohort);
    if (!ev->cohort)
        return err_set(e, ERR_NOMEM, "out of memory");
    for (size_t k = 0; k < ev->all.n; k++)
        if (in_cohort(ev, &ev->all.a[k], start))
            ev->cohort[ev->ncohort++] = &ev->all.a[k];
    int whole = !o->areas || framework_ranks_areas(f);
    size_t cap = (whole ? ev->ncohort : 0) + (o->areas ? o->nareas : 0);
    r->areas = calloc(cap ? cap : 1, sizeof *r->areas);
    ev->counted = calloc(cap ? cap : 1, 1);
    if (o->areas && whole)
        ev->wanted = calloc(o->nareas ? o->nareas : 1, sizeof *ev->wanted);
    if (!r->areas || !ev->counted || (o->areas && whole && !ev->wanted))
        return err_set(e, ERR_NOMEM, "out of memory");
    int rc = 0;
    for (size_t k = 0; whole && !rc && k < ev->ncohort; k++)
        rc = add_area(ev, ev->cohort[k], 1, e);
    for (size_t k = 0; o->areas && !rc && k < o->nareas; k++) {
        const char *code;
        int approx;
        int found = store_resolve_area(ev->s, o->areas[k], &code, &approx, e);
        if (found < 0)
            return found;
        const ev_area *a = found ? area_named(&ev->all, code) : NULL;
        if (!a)
            return err_set(e, ERR_USAGE, "unknown area code \"%s\" (see scorecard areas)", o->areas[k]);
        if (!whole) {
            rc = add_area(ev, a, 0, e);
            continue;
        }
        long at = run_index(r, a->code);
        if (at < 0 && !(rc = add_area(ev, a, 0, e)))
            at = (long)r->nareas - 1;
        int again = 0; /* an area named twice is kept once */
        for (size_t w = 0; w < ev->nwanted; w++)
            again |= ev->wanted[w] == (size_t)at;
        if (!rc && !again)
            ev->wanted[ev->nwanted++] = (size_t)at;
    }
    if (rc)
        return rc;
    if (r->nareas && keep(ev, r->nareas * (f->nind * sizeof(res_indicator) + f->nout * sizeof(res_outcome)),
                          "the results", e))
        return ERR_LIMIT;
    if (r->nareas == 0)
        return err_set(e, ERR_INVALID, "no areas of type \"%s\" to score (see scorecard areas --type %s)", f->scores,
                       f->scores);
    return 0;
}

/* After a whole cohort was scored for a roll-up across areas: only the areas
 * --area named stay, in the order named. */
static int keep_wanted(evaluator *ev, err *e)
{
    result_set *r = ev->r;
    if (!ev->wanted)
        return 0;
    res_area *kept = calloc(ev->nwanted ? ev->nwanted : 1, sizeof *kept);
    unsigned char *keep_it = calloc(r->nareas ? r->nareas : 1, 1);
    if (!kept || !keep_it) {
        free(kept), free(keep_it);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    for (size_t w = 0; w < ev->nwanted; w++) {
        kept[w] = r->areas[ev->wanted[w]];
        keep_it[ev->wanted[w]] = 1;
    }
    for (size_t a = 0; a < r->nareas; a++)
        if (!keep_it[a])
            free_area(r->framework, &r->areas[a]);
    free(keep_it);
    free(r->areas);
    r->areas = kept;
    r->nareas = ev->nwanted;
    return 0;
}

static int today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!gmtime_r(&now, &tm))
        return 99991231;
    return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

static int by_day_descending(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x < y) - (x > y);
}

/* The default period: the latest of the framework's periods, ended by `day`,
 * that at least half of its indicators with data have reached. The newest single
 * observation would let one early or future-dated series choose a period the
 * rest of the scorecard has no data for. */
static int default_period(evaluator *ev, int day, char *label, size_t cap, err *e)
{
    const framework *f = ev->f;
    const char **series = calloc(f->nind ? f->nind : 1, sizeof *series);
    const char **breakdowns = calloc(f->nind ? f->nind : 1, sizeof *breakdowns);
    int *ends = calloc(f->nind ? f->nind : 1, sizeof *ends);
    size_t n = 0;
    for (size_t i = 0; series && breakdowns && i < f->nind; i++)
        if (f->ind[i].reported && f->ind[i].series) {
            breakdowns[n] = f->ind[i].breakdown;
            series[n++] = f->ind[i].series;
        }
    int start, last_end; /* of the last period that has ended by `day` */
    char ignored[64];
    period_containing(f->period_type, day, ignored, sizeof ignored, &start, &last_end);
    if (last_end > day)
        period_containing(f->period_type, period_add_months(start, -1), ignored, sizeof ignored, &start, &last_end);
    int rc = series && breakdowns && ends ? store_latest_period_ends(ev->s, series, breakdowns, n, last_end, ends, e)
                                          : err_set(e, ERR_NOMEM, "out of memory");
    size_t with_data = 0;
    for (size_t i = 0; !rc && i < n; i++)
        if (ends[i])
            ends[with_data++] = ends[i];
    if (!rc && !with_data)
        rc = err_set(e, ERR_INVALID, "the store has no data for any indicator of %s ending by %04d-%02d-%02d; import "
                     "some, or give --period", f->id, last_end / 10000, last_end / 100 % 100, last_end % 100);
    if (!rc) { /* the latest end that at least half of them reach */
        qsort(ends, with_data, sizeof *ends, by_day_descending);
        period_containing(f->period_type, ends[(with_data - 1) / 2], label, cap, &ev->period_start, &ev->period_end);
    }
    free(series);
    free(breakdowns);
    free(ends);
    return rc;
}

static int choose_period(evaluator *ev, const eval_options *o, err *e)
{
    char label[64];
    if (o->period) {
        period p;
        if (period_parse(o->period, NULL, &p, e))
            return err_prefix(e, "--period");
        snprintf(label, sizeof label, "%s", o->period);
        ev->period_start = p.start;
        ev->period_end = p.end;
    } else {
        int rc = default_period(ev, o->today ? o->today : today(), label, sizeof label, e);
        if (rc)
            return rc;
    }
    ev->r->period = strdup(label);
    iso(ev->period_start, ev->r->period_start);
    iso(ev->period_end, ev->r->period_end);
    return ev->r->period ? 0 : err_set(e, ERR_NOMEM, "out of memory");
}

int eval_run(store *s, host *h, const framework *f, const eval_options *o, result_set **out, err *e)
{
    *out = NULL;
    evaluator ev;
    memset(&ev, 0, sizeof ev);
    ev.s = s;
    ev.h = h;
    ev.f = f;
    ev.r = calloc(1, sizeof *ev.r);
    ev.all.index = strmap_new();
    if (!ev.r || !ev.all.index) {
        free(ev.r);
        strmap_free(ev.all.index);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    ev.r->framework = f;
    ev.r->decimals = malloc((f->nind ? f->nind : 1) * sizeof *ev.r->decimals);
    if (!ev.r->decimals) {
        free(ev.r);
        strmap_free(ev.all.index);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < f->nind; i++)
        ev.r->decimals[i] = f->ind[i].decimals;
    size_t files_before = 0;
    host_files(h, &files_before);
    sha256_init(&ev.fingerprint);
    store_area_filter everything = {0};
    int rc = store_each_area(s, &everything, collect_area, &ev.all, e);
    if (!rc)
        rc = choose_period(&ev, o, e);
    if (!rc)
        rc = choose_areas(&ev, o, e);
    if (!rc)
        rc = relative_wheres(&ev, e);
    for (size_t i = 0; !rc && i < f->nind; i++)
        rc = eval_indicator(&ev, i, e);
    if (!rc)
        rc = rollup_run(h, f, ev.r, ev.counted, e);
    if (!rc)
        rc = keep_wanted(&ev, e);
    if (!rc)
        sha256_final_hex(&ev.fingerprint, ev.r->fingerprint);
    /* The run is recorded with the framework's fingerprint, taken at load: a
     * module a rule loaded only now is in no fingerprint, so its change would
     * change verdicts with nothing recorded to say why. */
    size_t nfiles = 0;
    const char *const *files = host_files(h, &nfiles);
    if (!rc && nfiles > files_before)
        rc = err_set(e, ERR_INVALID,
                     "%s: a rule loaded %s while the framework was scored; require it at the top of the file, "
                     "so the framework's fingerprint covers it",
                     f->where, files[files_before]);
    rule_series_begin(h, NULL); /* handles kept past the run are refused */
    host_release(h, ev.kept);
    free(ev.cohort);
    free(ev.counted);
    free(ev.wanted);
    for (size_t i = 0; ev.where && i < f->nind; i++)
        free(ev.where[i]);
    free(ev.where);
    free_areas(&ev.all);
    series_set_free(&ev.set);
    series_set_free(&ev.cmp_set);
    if (rc) {
        result_set_free(ev.r);
        return rc;
    }
    *out = ev.r;
    return 0;
}

void result_set_free(result_set *r)
{
    if (!r)
        return;
    for (size_t a = 0; a < r->nareas; a++)
        free_area(r->framework, &r->areas[a]);
    free(r->areas);
    free(r->decimals);
    free(r->period);
    free(r);
}
