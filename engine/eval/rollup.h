/*
 * rollup.h - an area's outcome colours from its indicators', and its overall
 * colour from its outcomes' (or, for a count, its indicators'), each with the
 * reason in words, by the framework's roll-ups: worst of, majority, weighted,
 * count, or a custom roll-up function the framework wrote.
 */
#ifndef SCORECARD_ROLLUP_H
#define SCORECARD_ROLLUP_H

#include "error.h"
#include "framework.h"
#include "host.h"
#include "result.h"

/* Sets the colours and reasons of ra->outcomes and of `ra` itself from its
 * indicators' colours. Returns 0 or an error (a custom roll-up's). */
int rollup_area(host *h, const framework *f, res_area *ra, err *e);

#endif
