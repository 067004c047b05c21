/*
 * rollup.h - an area's outcome colours from its indicators', and its overall
 * colour from its outcomes' (or, for a count, its indicators'), each with the
 * reason in words, by the framework's roll-ups: worst of, majority, weighted,
 * count, a mean of scores cut into segments, or a custom roll-up function
 * the framework wrote.
 */
#ifndef SCORECARD_ROLLUP_H
#define SCORECARD_ROLLUP_H

#include "error.h"
#include "framework.h"
#include "host.h"
#include "result.h"

/* Sets the colours and reasons of every area's outcomes and of the area
 * itself from its indicators' colours (or their scores' mean). A roll-up that
 * cuts its scores at the quartiles across the areas (framework_ranks_areas)
 * cuts them among the areas with counted[a] set (the framework's cohort),
 * outcomes before the areas' own roll-ups read them. Returns 0 or an error (a
 * custom roll-up's). */
int rollup_run(host *h, const framework *f, result_set *r, const unsigned char *counted, err *e);

#endif
