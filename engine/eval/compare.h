/*
 * compare.h - comparing areas: each area's rank among its peers and the spread
 * of values, indicator by indicator.
 *
 * compare_ranks() and compare_spread_of() are pure functions over arrays of
 * values (NaN for no value). compare_matrix_new() applies them to the areas
 * of a result set that are being compared, for `scorecard compare` and the
 * comparison sheet of the spreadsheet export. Nothing here prints.
 */
#ifndef SCORECARD_COMPARE_H
#define SCORECARD_COMPARE_H

#include <stddef.h>

#include "error.h"
#include "framework.h"
#include "result.h"

/* Ranks `values[0..n)` by polarity: 1 is the best (highest for POL_HIGHER,
 * lowest for POL_LOWER). Tied values share a rank and the next rank skips
 * ("1, 2, 2, 4"). A NaN value, or any value under POL_NONE, is unranked:
 * ranks[i] = 0. Returns the number of areas ranked. */
size_t compare_ranks(const double *values, size_t n, polarity p, int *ranks);

/* The spread of `values[0..n)`, NaN skipped. */
typedef struct compare_spread {
    size_t n;                     /* values counted */
    double highest, lowest;       /* NaN when n == 0 */
    size_t highest_at, lowest_at; /* index of the first value that is the highest / lowest */
    double ratio;                 /* highest / lowest ("30-fold variation"); NaN when n == 0
                                   * or lowest <= 0, where a ratio means nothing */
} compare_spread;

void compare_spread_of(const double *values, size_t n, compare_spread *out);

/* One cell of the matrix: an area's result for one indicator. */
typedef struct compare_cell {
    const res_indicator *x; /* borrowed from the result set */
    int rank;               /* 0: unranked */
    double lower_ci, upper_ci; /* of the observation judged (from its details); NaN when none */
} compare_cell;

typedef struct compare_matrix {
    const result_set *r;    /* borrowed */
    size_t nareas, nind;
    const res_area **areas; /* the areas compared, in the order given */
    compare_cell *cells;    /* nareas * nind, area by area */
    size_t *nranked;        /* per indicator */
    compare_spread *spread; /* per indicator, over the areas that have a value */
} compare_matrix;

/* Compares the areas `which[0..n)` (indexes into r->areas; NULL: all of them).
 * Ranks and spreads are among those areas only. Free with compare_matrix_free. */
int compare_matrix_new(const result_set *r, const size_t *which, size_t n, compare_matrix **out, err *e);
void compare_matrix_free(compare_matrix *m);

/* How the compared areas were chosen, for the outputs to say so. */
typedef struct compare_scope {
    const char *rule;                 /* "all", "areas", "members" or "sharing_members" */
    const char *parent, *parent_name; /* with --parent; NULL otherwise */
} compare_scope;

static inline const compare_cell *compare_at(const compare_matrix *m, size_t area, size_t ind)
{
    return &m->cells[area * m->nind + ind];
}

#endif
