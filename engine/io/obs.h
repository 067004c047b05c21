/*
 * obs.h - the observation: one value of one indicator for one area, period
 * and breakdown, with its status and provenance.
 *
 * Readers produce `obs_text` rows: every field still text, exactly as mapped
 * from the file, with where it came from. The import step turns them into
 * checked `obs` records, which the store keeps. Absent numbers are NaN in an
 * `obs`; readers never produce NaN from input, so NaN only ever means absent.
 */
#ifndef SCORECARD_OBS_H
#define SCORECARD_OBS_H

#include <stdio.h>

#include "period.h"

enum obs_field {
    OBS_INDICATOR,
    OBS_AREA,
    OBS_PERIOD,
    OBS_VALUE,
    OBS_NUMERATOR,
    OBS_DENOMINATOR,
    OBS_LOWER_CI,
    OBS_UPPER_CI,
    OBS_STATUS,
    OBS_NOTE,
    OBS_BREAKDOWN,
    OBS_SERIES_BREAK,
    OBS_LOWER_CI_998, /* the 99.8% limits, beside the 95% ones (Fingertips publishes both) */
    OBS_UPPER_CI_998,
    OBS_AREA_TYPE,       /* the publisher's name for the area's type: read, reported, never stored */
    OBS_PERIOD_SORTABLE, /* a sort key such as Fingertips' 20150000: checked against the period */
    OBS_MARGIN,          /* a 95% margin of error (ASCOF's survey measures): the limits are value -/+ it */
    OBS_NFIELDS
};

/* The column name of each field in the project's own formats (`lower_ci`, ...). */
const char *obs_field_name(int field);
/* The field with that name, or -1. */
int obs_field_by_name(const char *name);
/* Writes the project's own CSV header, every field in order, and a newline. */
void obs_write_csv_header(FILE *out);

typedef enum obs_status {
    OBS_OK,
    OBS_SUPPRESSED,  /* withheld by the publisher (disclosure control) */
    OBS_MISSING,     /* not available: NA, blank, null */
    OBS_PROVISIONAL, /* a value, published as provisional */
    OBS_REVISED,     /* a value that replaced an earlier, different one */
} obs_status;

const char *obs_status_name(obs_status s);
/* Parses a status name; returns -1 when `s` is not one. */
int obs_status_parse(const char *s, obs_status *out);

#define OBS_MAX_EXTRA 32 /* columns a mapping reads beyond the fields: breakdowns, published verdicts */

/* One row as a reader saw it. Strings are borrowed from the reader and valid
 * only during the call that receives the row; NULL means the file has no such
 * field. `column[f]` is the file's own name for field f, for messages.
 * `extra[k]` is the cell of the mapping's extra column k (mapping.h), NULL
 * when the file has no such column. */
typedef struct obs_text {
    const char *field[OBS_NFIELDS];
    const char *column[OBS_NFIELDS];
    const char *extra[OBS_MAX_EXTRA];
    int colno[OBS_NFIELDS]; /* 0-based column of field f in a table, -1 when none (a sheet's cell names) */
    long line;         /* physical line in the file (a sheet's row), or 0 */
    long field_line[OBS_NFIELDS]; /* the line field f came from when not `line` (a joined row), else 0 */
    const char *field_where[OBS_NFIELDS]; /* likewise for a file without lines: field f's `where`, or NULL */
    const char *sheet; /* the workbook sheet the row is on, or NULL */
    const char *where; /* otherwise a description such as "item 12", or NULL */
} obs_text;

/* A checked observation. Strings are borrowed from the import step. */
typedef struct obs {
    const char *indicator;
    const char *area;        /* current code, after aliases */
    const char *source_area; /* code as written in the file */
    const char *period_label;
    period period;
    const char *breakdown;  /* "" for all persons; else a key of obs_breakdown_key() */
    double value;           /* NaN when absent */
    const char *value_text; /* the value as published, NULL when absent */
    double numerator, denominator, lower_ci, upper_ci; /* NaN when absent; limits at 95% */
    double lower_ci_998, upper_ci_998;                 /* NaN when absent */
    const char *published;  /* the publisher's own verdicts, a key of obs_breakdown_key() form
                             * ("benchmark=Worse;trend=Increasing"), NULL when none */
    obs_status status;
    int series_break;  /* the first period not comparable with the one before */
    int approximate;   /* area reached through an approximate alias */
    const char *note;  /* NULL when none */
    long source_line;  /* line in the file, 0 when not line-based */
} obs;

/* ---- breakdowns ----
 *
 * A breakdown is a set of dimensions and values (sex=Female, age=65+ yrs,
 * a deprivation decile), written as one key: `name=value` parts sorted by name
 * and joined by ';', with '%', ';' and '=' in names and values written %25,
 * %3B and %3D. All persons is the empty key. A dimension whose value means
 * everyone (obs_means_everyone) is left out, so `sex=Persons` and no sex at
 * all are one breakdown, whichever publisher wrote it. The same function
 * builds the key from a file's columns and from a framework's selector, so the
 * two always agree. */

#define OBS_MAX_DIMS 16
#define OBS_KEY_MAX 1024

/* Is `value` a word for the whole population: empty, Persons, All, All ages,
 * Total, ... (case-insensitive)? */
int obs_means_everyone(const char *value);

/* Builds the key of n dimensions into `out` (cap bytes). Returns 0, or -1 when
 * it does not fit, a name is empty, or a name is given twice. */
int obs_breakdown_key(const char *const *names, const char *const *values, size_t n, char *out, size_t cap);

/* The same key for a row's published verdicts (against -> verdict), where only
 * empty values are left out. */
int obs_verdicts_key(const char *const *names, const char *const *values, size_t n, char *out, size_t cap);

/* Calls fn(name, value) for each part of a key, decoded; stops at fn's
 * non-zero result and returns it. Returns -1 for a malformed key. */
int obs_breakdown_each(const char *key, int (*fn)(void *ctx, const char *name, const char *value), void *ctx);

#endif
