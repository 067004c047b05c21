/*
 * mapping.h - how a file's columns and markers become observation fields.
 *
 * Real files name their columns in their own way (`area_code`, `measure`,
 * `upper_confidence_interval`), hold one indicator without naming it, or are
 * wide tables with one column per measure. A mapping says, per field, which
 * column to read (by header name or `#N` position), what fixed value to use
 * instead, or what to use when a cell is blank; and which text markers mean
 * suppressed or missing. It is built from a JSON file (`--mapping FILE`) and
 * from command-line options, which win; docs/scorecard.md documents both.
 */
#ifndef SCORECARD_MAPPING_H
#define SCORECARD_MAPPING_H

#include "error.h"
#include "obs.h"
#include "period.h"

typedef struct mapping_wide {
    char *indicator; /* the indicator the column holds */
    char *column;    /* header name or `#N` */
} mapping_wide;

typedef struct mapping_marker {
    char *token;
    obs_status status; /* OBS_SUPPRESSED or OBS_MISSING */
} mapping_marker;

typedef struct mapping {
    char *column[OBS_NFIELDS];   /* header name or `#N`; NULL: the field's own name */
    char *fixed[OBS_NFIELDS];    /* a value for every row, instead of any column */
    char *if_blank[OBS_NFIELDS]; /* a value for rows whose cell is blank */
    mapping_wide *wide;          /* wide tables: one observation per listed column */
    size_t nwide;
    mapping_marker *markers;     /* added to, and taking precedence over, the defaults */
    size_t nmarkers;
    int header_rows;             /* rows before the data; the last one names the columns */
    quarter_kind quarters;
    size_t wide_cap, markers_cap; /* room in wide and markers */
} mapping;

void mapping_init(mapping *m);
void mapping_release(mapping *m);

/* Reads a mapping file into `m` (later settings replace earlier ones). */
int mapping_load_file(mapping *m, const char *path, err *e);

/* `FIELD=COLUMN`, as given to --map. */
int mapping_set_column(mapping *m, const char *assignment, err *e);
/* `FIELD=VALUE`, as given to --set. */
int mapping_set_fixed(mapping *m, const char *assignment, err *e);
/* `TOKEN=STATUS`, as given to --marker. */
int mapping_set_marker(mapping *m, const char *assignment, err *e);
int mapping_set_quarters(mapping *m, const char *kind, err *e);

/* Returns 1 and sets *status when `text` (already trimmed) is a marker for a
 * value that is not there: the mapping's own markers first, then the defaults
 * (NA . .. : * c x - [c] [x] [z] and the empty string). */
int mapping_is_marker(const mapping *m, const char *text, obs_status *status);

#endif
