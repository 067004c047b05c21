/* compare.c - ranks among peers and the spread of values (compare.h). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>

#include "compare.h"

/* 1 when a is better than b under the polarity. */
static int better(double a, double b, polarity p)
{
    return p == POL_HIGHER ? a > b : a < b;
}

size_t compare_ranks(const double *values, size_t n, polarity p, int *ranks)
{
    size_t ranked = 0;
    for (size_t i = 0; i < n; i++) {
        ranks[i] = 0;
        if (p == POL_NONE || isnan(values[i]))
            continue;
        /* rank = 1 + how many values are strictly better: ties share it, the next skips */
        int rank = 1;
        for (size_t j = 0; j < n; j++)
            if (!isnan(values[j]) && better(values[j], values[i], p))
                rank++;
        ranks[i] = rank;
        ranked++;
    }
    return ranked;
}

void compare_spread_of(const double *values, size_t n, compare_spread *out)
{
    out->n = 0;
    out->highest = out->lowest = out->ratio = NAN;
    out->highest_at = out->lowest_at = 0;
    for (size_t i = 0; i < n; i++) {
        double v = values[i];
        if (isnan(v))
            continue;
        if (out->n == 0 || v > out->highest)
            out->highest = v, out->highest_at = i;
        if (out->n == 0 || v < out->lowest)
            out->lowest = v, out->lowest_at = i;
        out->n++;
    }
    if (out->n && out->lowest > 0)
        out->ratio = out->highest / out->lowest;
}

/* The observation's confidence limits, from the result's details. */
static void limits(const char *details, double *lower, double *upper)
{
    *lower = *upper = NAN;
    cJSON *d = details ? cJSON_Parse(details) : NULL;
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(d, "observation");
    const cJSON *l = cJSON_GetObjectItemCaseSensitive(o, "lower_ci");
    const cJSON *u = cJSON_GetObjectItemCaseSensitive(o, "upper_ci");
    if (cJSON_IsNumber(l))
        *lower = l->valuedouble;
    if (cJSON_IsNumber(u))
        *upper = u->valuedouble;
    cJSON_Delete(d);
}

void compare_matrix_free(compare_matrix *m)
{
    if (!m)
        return;
    free(m->areas), free(m->cells), free(m->nranked), free(m->spread);
    free(m);
}

int compare_matrix_new(const result_set *r, const size_t *which, size_t n, compare_matrix **out, err *e)
{
    *out = NULL;
    if (!which)
        n = r->nareas;
    const framework *f = r->framework;
    compare_matrix *m = calloc(1, sizeof *m);
    double *values = calloc(n ? n : 1, sizeof *values);
    int *ranks = calloc(n ? n : 1, sizeof *ranks);
    if (m) {
        m->r = r;
        m->nareas = n;
        m->nind = f->nind;
        m->areas = calloc(n ? n : 1, sizeof *m->areas);
        m->cells = calloc(n && f->nind ? n * f->nind : 1, sizeof *m->cells);
        m->nranked = calloc(f->nind ? f->nind : 1, sizeof *m->nranked);
        m->spread = calloc(f->nind ? f->nind : 1, sizeof *m->spread);
    }
    if (!m || !values || !ranks || !m->areas || !m->cells || !m->nranked || !m->spread) {
        compare_matrix_free(m);
        free(values), free(ranks);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    for (size_t a = 0; a < n; a++) {
        size_t k = which ? which[a] : a;
        if (k >= r->nareas) {
            compare_matrix_free(m);
            free(values), free(ranks);
            return err_set(e, ERR_USAGE, "area %zu is not in the result set", k);
        }
        m->areas[a] = &r->areas[k];
    }
    for (size_t i = 0; i < f->nind; i++) {
        for (size_t a = 0; a < n; a++)
            values[a] = m->areas[a]->indicators[i].value;
        m->nranked[i] = compare_ranks(values, n, f->ind[i].polarity, ranks);
        compare_spread_of(values, n, &m->spread[i]);
        for (size_t a = 0; a < n; a++) {
            compare_cell *c = &m->cells[a * f->nind + i];
            c->x = &m->areas[a]->indicators[i];
            c->rank = ranks[a];
            limits(c->x->details, &c->lower_ci, &c->upper_ci);
        }
    }
    free(values), free(ranks);
    *out = m;
    return 0;
}
