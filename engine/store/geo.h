/* geo.h - loading the bundled geography files into the store (used by `scorecard init`). */
#ifndef SCORECARD_GEO_H
#define SCORECARD_GEO_H

#include "error.h"
#include "store.h"

typedef struct geo_counts {
    long areas, aliases, memberships;
} geo_counts;

/* Loads areas.csv, aliases.csv and memberships.csv from `dir`, all or nothing. */
int geo_load(store *s, const char *dir, geo_counts *counts, err *e);

#endif
