/*
 * eval.h - the evaluator: one framework, one period, many areas.
 *
 * It owns the loop over indicators and areas. For each indicator it reads the
 * whole series for every area in one query, finds each area's observation for
 * the period in C, settles the statuses that need no rule (not reported,
 * missing, suppressed), derives an area's series from its members where the
 * framework says so (derive.h), and calls the indicator's Lua rule once per
 * area. Then it rolls colours up to outcomes and areas (rollup.h);
 * eval_store() records the run. It never formats output.
 */
#ifndef SCORECARD_EVAL_H
#define SCORECARD_EVAL_H

#include "error.h"
#include "framework.h"
#include "host.h"
#include "result.h"
#include "store.h"

typedef struct eval_options {
    const char *period;        /* a period label; NULL: the latest with data for most indicators */
    const char *const *areas;  /* codes to score; NULL: every current area of the framework's kind */
    size_t nareas;
    int today;                 /* YYYYMMDD the default period may not end after; 0: the clock's date */
} eval_options;

/* Evaluates `f` and returns a new result set (free with result_set_free). */
int eval_run(store *s, host *h, const framework *f, const eval_options *o, result_set **out, err *e);

/* Stores the run and every result and sets r->run_id, inside a transaction
 * the caller opened (store_begin): a command commits it only once its output
 * is safely written, so no run is recorded for a scorecard nobody got. */
int eval_store(store *s, result_set *r, err *e);

#endif
