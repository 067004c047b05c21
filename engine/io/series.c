/* series.c - an indicator's series for many areas; see series.h. */
#include "series.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "grow.h"

/* Appends `t` with its NUL to the arena; returns its offset or -1. */
static long add_text(series_set *s, const char *t)
{
    size_t n = strlen(t) + 1;
    if (grow(&s->text, &s->text_cap, s->text_len + n, 1, 4096))
        return -1;
    memcpy(s->text + s->text_len, t, n);
    s->text_len += n;
    return (long)(s->text_len - n);
}

/* Period labels repeat for every area: each is stored once. */
static long intern(series_set *s, const char *t)
{
    int off;
    if (strmap_get(s->labels, t, &off))
        return off;
    long at = add_text(s, t);
    if (at < 0 || at > INT32_MAX || strmap_put(s->labels, t, (int)at))
        return -1;
    return at;
}

int series_set_reset(series_set *s)
{
    s->n = s->text_len = s->nslots = 0;
    s->one_type = 1;
    strmap_free(s->labels);
    strmap_free(s->by_area);
    s->labels = strmap_new();
    s->by_area = strmap_new();
    return s->labels && s->by_area ? 0 : -1;
}

void series_set_free(series_set *s)
{
    free(s->pts);
    free(s->text);
    free(s->slots);
    strmap_free(s->labels);
    strmap_free(s->by_area);
    memset(s, 0, sizeof *s);
}

int series_start_slot(series_set *s, const char *area)
{
    err_assert(s->by_area != NULL);
    if (grow(&s->slots, &s->slot_cap, s->nslots + 1, sizeof *s->slots, 256))
        return -1;
    if (s->nslots > INT32_MAX || strmap_put(s->by_area, area, (int)s->nslots))
        return -1;
    s->slots[s->nslots++] = (series_slot){s->n, 0};
    return 0;
}

int series_add_point(series_set *s, const series_point *p, const char *label, const char *value_text)
{
    err_assert(s->nslots > 0);
    if (grow(&s->pts, &s->cap, s->n + 1, sizeof *s->pts, 1024))
        return -1;
    long at = intern(s, label);
    long text = value_text ? add_text(s, value_text) : -1;
    if (at < 0 || (value_text && text < 0))
        return -1;
    series_point *x = &s->pts[s->n++];
    *x = *p;
    x->label = (size_t)at;
    x->value_text = text;
    s->slots[s->nslots - 1].n++;
    return 0;
}

const series_slot *series_slot_of(const series_set *s, const char *area)
{
    int i;
    return s->by_area && strmap_get(s->by_area, area, &i) ? &s->slots[i] : NULL;
}

const series_point *series_at(const series_set *s, const series_slot *sl, size_t k)
{
    err_assert(k < sl->n);
    return &s->pts[sl->off + k];
}

const series_point *series_current(const series_set *s, const series_slot *sl, int period_end, int prefer_type)
{
    for (size_t i = sl ? sl->n : 0; i-- > 0;) {
        const series_point *p = &s->pts[sl->off + i];
        if (p->end > period_end)
            continue;
        /* A year and its fourth quarter end the same day: the framework's own
         * period type speaks for its period. (Points are in start order, so
         * the year may lie several points back.) */
        for (size_t k = i + 1; p->type != prefer_type && k-- > 0;)
            if (s->pts[sl->off + k].end == p->end && s->pts[sl->off + k].type == prefer_type)
                return &s->pts[sl->off + k];
        return p;
    }
    return NULL;
}

const series_point *series_same_period(const series_set *s, const series_slot *sl, const series_point *like)
{
    for (size_t k = 0; sl && k < sl->n; k++) {
        const series_point *p = &s->pts[sl->off + k];
        if (p->start == like->start && p->end == like->end)
            return p;
    }
    return NULL;
}

const char *series_label(const series_set *s, const series_point *p)
{
    return s->text + p->label;
}

const char *series_value_text(const series_set *s, const series_point *p)
{
    return p->value_text >= 0 ? s->text + p->value_text : NULL;
}
