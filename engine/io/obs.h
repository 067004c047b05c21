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
    OBS_NFIELDS
};

/* The column name of each field in the project's own formats (`lower_ci`, ...). */
const char *obs_field_name(int field);
/* The field with that name, or -1. */
int obs_field_by_name(const char *name);

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

/* One row as a reader saw it. Strings are borrowed from the reader and valid
 * only during the call that receives the row; NULL means the file has no such
 * field. `column[f]` is the file's own name for field f, for messages. */
typedef struct obs_text {
    const char *field[OBS_NFIELDS];
    const char *column[OBS_NFIELDS];
    long line;         /* physical line in the file, or 0 */
    const char *where; /* otherwise a description such as "item 12", or NULL */
} obs_text;

/* A checked observation. Strings are borrowed from the import step. */
typedef struct obs {
    const char *indicator;
    const char *area;        /* current code, after aliases */
    const char *source_area; /* code as written in the file */
    const char *period_label;
    period period;
    const char *breakdown;  /* "" for all persons */
    double value;           /* NaN when absent */
    const char *value_text; /* the value as published, NULL when absent */
    double numerator, denominator, lower_ci, upper_ci; /* NaN when absent */
    obs_status status;
    int series_break;  /* the first period not comparable with the one before */
    int approximate;   /* area reached through an approximate alias */
    const char *note;  /* NULL when none */
    long source_line;  /* line in the file, 0 when not line-based */
} obs;

#endif
