/*
 * series.h - one indicator's series for many areas, held in memory while it
 * is scored.
 *
 * The evaluator reads an indicator's observations for every area in one pass
 * (ordered by area, then period) and keeps them here: points in one array,
 * each area's points a contiguous slot, period labels and published value
 * texts in one text arena. A point is complete when it is added (its value
 * computed from counts, if need be, by whoever adds it) and never changes
 * after: every reader, the rule's ctx, the peers a rule ranks, the
 * comparator, sees the same point.
 *
 * Ownership: the set owns its points and texts; pointers into it are valid
 * until the next series_add_point/series_start_slot or series_set_reset.
 */
#ifndef SCORECARD_SERIES_H
#define SCORECARD_SERIES_H

#include <stddef.h>

#include "obs.h"
#include "strmap.h"

typedef struct series_point {
    long long id;    /* the observation's id in the store; 0 when derived */
    int start, end;  /* YYYYMMDD */
    size_t label;    /* offset of the period label in the text arena */
    long value_text; /* offset in the text arena, -1 when none */
    double value, num, den, lo, hi; /* NaN when absent; limits at 95% */
    double lo998, hi998;            /* the 99.8% limits, NaN when absent */
    obs_status status;
    unsigned char brk, approx, derived;
    unsigned char type; /* period_type: a history or trend keeps to one */
} series_point;

typedef struct series_slot {
    size_t off, n; /* the area's points, in period order */
} series_slot;

typedef struct series_set {
    series_point *pts;
    size_t n, cap;
    char *text;
    size_t text_len, text_cap;
    strmap *labels;  /* period label -> offset in text */
    strmap *by_area; /* area code -> slot index */
    series_slot *slots;
    size_t nslots, slot_cap;
    int one_type; /* 1: a history or trend keeps to the period type of its last point (the
                     indicator declares no frequency, so the store may mix years and quarters);
                     0: every point is of a type the indicator declares, all one series */
} series_set;

/* Empties the set for the next indicator, keeping its memory. Returns 0 or -1
 * when out of memory. A zeroed series_set is a valid empty one. */
int series_set_reset(series_set *s);
void series_set_free(series_set *s);

/* Starts the slot of `area`: the points added next are its own. */
int series_start_slot(series_set *s, const char *area);

/* Appends a copy of `p` to the current slot, with its period label and value
 * text (NULL: none) stored in the arena; p->label and p->value_text are set
 * here. Returns 0 or -1 when out of memory. */
int series_add_point(series_set *s, const series_point *p, const char *label, const char *value_text);

/* The slot of `area`, or NULL when it has no points. */
const series_slot *series_slot_of(const series_set *s, const char *area);

/* Point k (0-based) of a slot. */
const series_point *series_at(const series_set *s, const series_slot *sl, size_t k);

/* The point an area is judged on: its latest whose period ends no later than
 * `period_end` (of those ending the same day, one of period type
 * `prefer_type`, the framework's), or NULL. */
const series_point *series_current(const series_set *s, const series_slot *sl, int period_end, int prefer_type);

/* The point of `sl` with exactly the period of `like`, or NULL. */
const series_point *series_same_period(const series_set *s, const series_slot *sl, const series_point *like);

const char *series_label(const series_set *s, const series_point *p);
/* The value as published, or NULL. */
const char *series_value_text(const series_set *s, const series_point *p);

#endif
