/*
 * demo.h - realistic, made-up indicator data for every framework shipped, so a
 * new user can run any scorecard on day one (`scorecard init --demo`).
 *
 * The generator reads each framework's indicators (id, unit, the area type it
 * scores, its comparator and period) and writes a series for every area it
 * scores, their member areas and the comparator: counts, denominators and
 * values consistent with each other, confidence limits from the statistics
 * library, spreads between areas, trends, a few suppressed cells, provisional
 * latest values, the 2023/24 survey break of the Scottish core suite and one
 * retired area code that the aliases must resolve. It is seeded: the same
 * frameworks give byte-identical data. The rows go through the ordinary import
 * step, so they are checked like any file and recorded as one batch.
 */
#ifndef SCORECARD_DEMO_H
#define SCORECARD_DEMO_H

#include "error.h"
#include "store.h"

typedef struct demo_counts {
    long frameworks, indicators, rows;
} demo_counts;

/* Generates and imports demo data for the frameworks in `frameworks_dir`, with
 * the national levels of `levels_path` (data/demo/levels.csv; NULL or
 * a missing file: a generic level for each unit). */
int demo_load(store *s, const char *frameworks_dir, const char *levels_path, demo_counts *counts, err *e);

#endif
