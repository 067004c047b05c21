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

/* Sets the colours and reasons of ra->outcomes and of `ra` itself from its
 * indicators' colours (or their scores' mean). Returns 0 or an error (a
 * custom roll-up's). */
int rollup_area(host *h, const framework *f, res_area *ra, err *e);

/* After rollup_area on every area of `r`: the roll-ups that cut their scores
 * at the quartiles across the areas (framework_ranks_areas) cut them, among
 * the areas with counted[a] set (the framework's cohort). */
int rollup_cohort(const framework *f, result_set *r, const unsigned char *counted, err *e);

#endif
