/*
 * mapping.h - how a file's columns and markers become observation fields.
 *
 * Real files name their columns in their own way (`area_code`, `measure`,
 * `upper_confidence_interval`), hold one indicator without naming it, or are
 * wide tables with one column per measure. A mapping says, per field, which
 * column to read (by header name or `#N` position), what fixed value to use
 * instead, or what to use when a cell is blank; and which text markers mean
 * suppressed or missing; which columns make up the breakdown and which hold
 * the publisher's own verdicts; and the publisher's conventions (short rows,
 * what `2022-23` means, areas outside the geography). It is built from a JSON
 * file (`--mapping FILE`) and from command-line options, which win;
 * docs/import.md documents both.
 */
#ifndef SCORECARD_MAPPING_H
#define SCORECARD_MAPPING_H

#include "error.h"
#include "obs.h"
#include "period.h"

#define MAPPING_MAX_HEADER_ROWS 1048576 /* a sheet's last row, in Excel */

typedef struct mapping_wide {
    char *indicator; /* the indicator the column holds */
    char *column;    /* header name or `#N` */
} mapping_wide;

typedef struct mapping_marker {
    char *token;
    obs_status status; /* OBS_SUPPRESSED or OBS_MISSING */
} mapping_marker;

/* One dimension of the breakdown: its value is in extra column `value`, its
 * name is `name`, or the text of extra column `name_from` (Fingertips'
 * `Category Type` names the dimension its `Category` is a value of). */
typedef struct mapping_breakdown {
    char *name;    /* NULL when name_from gives it */
    int value;     /* index into extra */
    int name_from; /* index into extra, or -1 */
    char **all;    /* the publisher's words for everyone ("18plus"), beside obs_means_everyone's */
    size_t nall;
} mapping_breakdown;

/* A publisher's code in the status column and the status it means (PHS's
 * qualifiers: `c` confidential is suppressed, `:` missing, `p` provisional). */
typedef struct mapping_status_code {
    char *code;
    obs_status status;
} mapping_status_code;

/* A column of the publisher's own verdict (`Compared to England ...`). */
typedef struct mapping_published {
    char *against; /* what the verdict is against: "benchmark", "trend", ... */
    int column;    /* index into extra */
} mapping_published;

/* A row filter: keep only rows whose column holds one of `values` (`where`),
 * or leave out those that do (`skip_where`), so one file can feed several
 * series or hold rows a scorecard has no use for. */
typedef struct mapping_filter {
    int column;     /* index into extra */
    char **values;
    size_t nvalues;
    int keep;       /* 1: where, 0: skip_where */
} mapping_filter;

/* A long layout's rows (ASCOF's open data) each hold one part of an
 * observation: the rows that differ only in the parts column (`Measure Type`)
 * are one observation, and each row's value cell is the field its part names
 * (`Numerator` the numerator). */
#define MAPPING_MAX_PARTS 16
typedef struct mapping_part {
    char *name;
    int field; /* an OBS_ field, or -1 for a part the mapping leaves out (`Base`) */
} mapping_part;

typedef struct mapping_parts {
    int column; /* index into extra; -1 when rows are whole observations */
    mapping_part part[MAPPING_MAX_PARTS];
    size_t nparts;
} mapping_parts;

/* A column read beyond the fields, for the breakdowns, verdicts and filters. */
typedef struct mapping_extra {
    char *column;     /* header name or `#N` */
    int optional;     /* the file may lack it: its cells are then absent */
    const char *role; /* what it is for, in messages: "a breakdown", "a row filter", ... */
} mapping_extra;

typedef enum mapping_short_rows {
    MAPPING_SHORT_ROWS_ERROR, /* a row with fewer fields than the header is refused */
    MAPPING_SHORT_ROWS_EMPTY, /* its missing trailing fields are empty (Fingertips' exports) */
} mapping_short_rows;

typedef enum mapping_unknown_areas {
    MAPPING_UNKNOWN_AREAS_REFUSE, /* codes not in the geography are problems, reported by area type */
    MAPPING_UNKNOWN_AREAS_SKIP,   /* they are skipped and counted, and the import says so */
} mapping_unknown_areas;

typedef struct mapping {
    char *column[OBS_NFIELDS];   /* header name or `#N`; NULL: the field's own name */
    char *fixed[OBS_NFIELDS];    /* a value for every row, instead of any column */
    char *if_blank[OBS_NFIELDS]; /* a value for rows whose cell is blank */
    unsigned optional;           /* bit f: the file may lack field f's mapped column */
    mapping_wide *wide;          /* wide tables: one observation per listed column */
    size_t nwide;
    mapping_marker *markers;     /* added to, and taking precedence over, the defaults */
    size_t nmarkers;
    mapping_status_code *statuses; /* the status column's codes */
    size_t nstatuses;
    mapping_breakdown breakdowns[OBS_MAX_DIMS];
    size_t nbreakdowns;
    mapping_published published[OBS_MAX_EXTRA];
    size_t npublished;
    mapping_filter filters[OBS_MAX_EXTRA];
    size_t nfilters;
    mapping_extra extra[OBS_MAX_EXTRA];
    size_t nextra;
    mapping_parts parts;
    int header_rows;             /* rows before the data; the last one names the columns (a sheet: the
                                    header's row number) */
    char *sheet;                 /* a workbook's sheet to read; NULL: the first */
    char *header_with;           /* the header is the first row with a cell of this text, wherever it is
                                    (a publisher's monthly editions move it); NULL: header_rows says */
    mapping_short_rows short_rows;
    mapping_unknown_areas unknown_areas;
    period_convention periods;
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
/* The workbook sheet to read (--sheet NAME). */
int mapping_set_sheet(mapping *m, const char *name, err *e);
/* `fy` or `pooled`: what `2022-23` means (period.h). */
int mapping_set_year_pairs(mapping *m, const char *kind, err *e);
/* `day`, `week_ending` or `week_starting`: what a bare day such as `20230625` labels. */
int mapping_set_days(mapping *m, const char *kind, err *e);

/* A digest of everything that decides how a file is read, into `hex`.
 * Returns 0 when `m` reads files as the default mapping does, else 1. */
int mapping_fingerprint(const mapping *m, char hex[65]);

/* The status a publisher's code in the status column means: 1 and *out when
 * the mapping's "statuses" name it, else 0. */
int mapping_status_code_of(const mapping *m, const char *code, obs_status *out);

/* Is this the header row that header_with looks for (a cell of that text,
 * spaces around it aside)? */
int mapping_is_header(const mapping *m, const char *const *cells, size_t n);

/* Whether the mapping's filters keep a row whose extra cells are `extra`
 * (already trimmed; NULL for a column the file lacks, read as empty). */
int mapping_keeps(const mapping *m, char *const *extra);

/* The long layout's part named `name` (spaces around it aside), or NULL when
 * the mapping's "parts" name none so. */
const mapping_part *mapping_part_named(const mapping *m, const char *name);

/* Returns 1 and sets *status when `text` (already trimmed) is a marker for a
 * value that is not there: the mapping's own markers first, then the defaults
 * (NA . .. : * c x - [c] [x] [z] and the empty string). */
int mapping_is_marker(const mapping *m, const char *text, obs_status *status);

#endif
