/* derive.c - an area's series built from its members' (derive.h). */
#include "derive.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

typedef struct member {
    char *code;
    double weight;   /* share counted; 1 when the geography gives none */
    int weighted;    /* the geography gives the weight */
    int approximate; /* only partly inside the area, and counted whole or by weight */
} member;

typedef struct members {
    member *m;
    size_t n, cap;
} members;

static int collect_member(void *ctx, const store_member *sm)
{
    members *m = ctx;
    if (grow(&m->m, &m->cap, m->n + 1, sizeof *m->m, 16))
        return ERR_NOMEM;
    member *x = &m->m[m->n];
    x->weighted = !isnan(sm->weight);
    x->weight = x->weighted ? sm->weight : 1;
    x->approximate = sm->approximate;
    return (x->code = strdup(sm->code)) ? (m->n++, 0) : ERR_NOMEM;
}

static void free_members(members *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->m[i].code);
    free(m->m);
}

/* One period's point of `area` built from its members' points for the period
 * of `base`, into *out: 0, or -1 when a member lacks what it needs. A member
 * with a weight counts that share of its numerator and denominator (of its
 * value, for a count). */
static int derive_point(const series_set *set, const fw_indicator *ind, const members *m, const series_point *base,
                        series_point *out)
{
    int sum = ind->derive == FW_DERIVE_SUM, count = ind->derive == FW_DERIVE_COUNT, approx = 0;
    double num = 0, den = 0, wsum = 0, total = 0;
    for (size_t k = 0; k < m->n; k++) {
        const member *x = &m->m[k];
        const series_point *hit = series_same_period(set, series_slot_of(set, x->code), base);
        if (count) {
            if (!hit || isnan(hit->value))
                return -1;
            total += x->weight * hit->value;
            approx |= x->approximate || hit->approx;
            continue;
        }
        if (!hit || isnan(hit->den) || (sum ? isnan(hit->num) : isnan(hit->value)))
            return -1;
        if (sum)
            num += x->weight * hit->num;
        else
            wsum += hit->value * x->weight * hit->den;
        den += x->weight * hit->den;
        approx |= x->approximate || hit->approx;
    }
    if (!count && den <= 0)
        return -1;
    *out = *base;
    out->id = 0;
    out->num = sum ? num : NAN;
    out->den = count ? NAN : den;
    out->value = count ? total : sum ? num / den * ind->multiplier : wsum / den;
    out->lo = out->hi = out->lo998 = out->hi998 = NAN;
    out->status = OBS_OK;
    out->derived = 1;
    out->approx = (unsigned char)approx;
    return 0;
}

static void append_code(char *buf, size_t cap, const char *sep, const char *code)
{
    size_t len = strlen(buf);
    if (len < cap)
        snprintf(buf + len, cap - len, "%s%s", len ? sep : "", code);
}

/* derive_series at `depth` levels below the area asked for. */
static int derive_at(store *s, series_set *set, const fw_indicator *ind, const char *area, const char *start,
                     const char *end, derivation *how, int depth, const series_slot **out, err *e)
{
    members m = {0};
    *out = NULL;
    how->from[0] = how->partly[0] = '\0';
    if (depth > 3) /* region -> board -> council is three; more is a loop in the geography */
        return err_set(e, ERR_INVALID, "%s: indicator %s: the members of %s nest more than four levels deep "
                                       "(a loop in the memberships?)", ind->where, ind->id, area);
    int rc = store_each_member(s, area, start, end, collect_member, &m, e);
    if (rc || m.n == 0) {
        free_members(&m);
        return rc;
    }
    /* A member without data of its own is built from its members first (region ->
     * health board -> councils), so a roll-up can cross more than one level. */
    for (size_t k = 0; k < m.n; k++) {
        derivation inner = {"", ""};
        const series_slot *made;
        if (!series_slot_of(set, m.m[k].code) &&
            (rc = derive_at(s, set, ind, m.m[k].code, start, end, &inner, depth + 1, &made, e))) {
            free_members(&m);
            return rc;
        }
        append_code(how->from, sizeof how->from, ",", inner.from[0] ? inner.from : m.m[k].code);
        if (m.m[k].approximate) {
            char what[64];
            if (m.m[k].weighted)
                snprintf(what, sizeof what, "%s at weight %g", m.m[k].code, m.m[k].weight);
            else
                snprintf(what, sizeof what, "%s counted whole", m.m[k].code);
            append_code(how->partly, sizeof how->partly, ", ", what);
        }
        if (inner.partly[0])
            append_code(how->partly, sizeof how->partly, ", ", inner.partly);
    }
    const series_slot *first = series_slot_of(set, m.m[0].code);
    size_t nfirst = first ? first->n : 0, first_off = first ? first->off : 0;
    if (first && series_start_slot(set, area)) {
        free_members(&m);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < nfirst; i++) {
        /* copied: adding a point may move the array */
        series_point base = set->pts[first_off + i], made;
        char label[64];
        snprintf(label, sizeof label, "%s", series_label(set, &base));
        if (derive_point(set, ind, &m, &base, &made))
            continue;
        if (series_add_point(set, &made, label, NULL)) {
            free_members(&m);
            return err_set(e, ERR_NOMEM, "out of memory");
        }
    }
    free_members(&m);
    const series_slot *sl = first ? series_slot_of(set, area) : NULL;
    *out = sl && sl->n ? sl : NULL;
    return 0;
}

int derive_series(store *s, series_set *set, const fw_indicator *ind, const char *area, const char *start,
                  const char *end, derivation *how, const series_slot **out, err *e)
{
    return derive_at(s, set, ind, area, start, end, how, 0, out, e);
}
