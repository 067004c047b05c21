/*
 * store.h - the indicator store: the only module that speaks SQL.
 *
 * One SQLite file holds the geography (areas, aliases, memberships), the
 * import batches and every observation ever imported. Callers speak the
 * language of the domain; statements never leave store.c. The schema is
 * versioned with PRAGMA user_version and upgraded by forward migrations when
 * a database is opened; WAL mode and foreign keys are always on.
 *
 * History is never overwritten: a value that changes in a later import is
 * marked superseded by that batch and stays queryable; the current value of a
 * series is the one no batch has superseded.
 *
 * Walks: every store_each_* calls `fn` once per row, with a record valid
 * during the call only. `fn` returns 0 to go on, a positive number to stop
 * early (the walk then returns 0), or a negative ERR_* code, which stops the
 * walk and is its result (with a message in `e` unless `fn` left one).
 */
#ifndef SCORECARD_STORE_H
#define SCORECARD_STORE_H

#include "error.h"
#include "obs.h"

typedef struct store store;

/* How long a command waits for another one writing before it gives up with a
 * message saying so (a second import of one file waits, then finds it there). */
#define STORE_BUSY_SECONDS 120

/* Whether store_open may make a new database. Only `init` (and in-memory
 * stores) create one: a mistyped path anywhere else must be an error, not a
 * fresh empty database that then rejects every area code. */
typedef enum store_mode { STORE_EXISTING, STORE_CREATE } store_mode;

/* Opens and migrates the database at `path`. With STORE_EXISTING a path with
 * no file, or a file without a scorecard schema, is an error that says to run
 * `scorecard init`; with STORE_CREATE it is created. */
int store_open(const char *path, store_mode mode, store **out, err *e);
void store_close(store *s);

/* A new database at `path` appears whole or not at all: store_open_new makes
 * one under a hidden temporary name beside `path` (.NAME.init-XXXXXX), for
 * the caller to fill; store_place_new closes it and renames it to `path`.
 * It returns 0 when placed, 1 when another process made `path` meanwhile (the
 * new one is removed: open `path` and go on), or an error. Closing the store
 * unplaced removes it. No other process ever sees a database without its
 * schema and geography. */
int store_open_new(const char *path, store **out, err *e);
int store_place_new(store *s, err *e);
/* The schema version this build writes. */
int store_schema_version(void);

/* One write transaction at a time; a failed import rolls back to nothing. */
int store_begin(store *s, err *e);
int store_commit(store *s, err *e);
void store_rollback(store *s);

/* ---- geography ---- */

typedef struct store_area {
    const char *code, *name, *type, *country;
    const char *valid_from, *valid_to; /* ISO dates or NULL */
    const char *confidence, *source;   /* NULL when unknown */
} store_area;

typedef struct store_alias {
    const char *old_code, *new_code, *valid_from, *relation, *note;
} store_alias;

typedef struct store_membership {
    const char *child, *parent;
    double weight; /* NaN when none */
    const char *relation; /* "exact" or "approximate" */
    const char *valid_from, *valid_to, *confidence, *source;
} store_membership;

/* Insert or update by code (areas), old code (aliases), child+parent+start (memberships). */
int store_put_area(store *s, const store_area *a, err *e);
int store_put_alias(store *s, const store_alias *a, err *e);
int store_put_membership(store *s, const store_membership *m, err *e);

/* Resolves `code` through the aliases. Returns 1 and sets *current (valid
 * until the store closes) and *approximate, or 0 when the code is unknown. */
int store_resolve_area(store *s, const char *code, const char **current, int *approximate, err *e);

typedef struct store_area_filter {
    const char *country; /* case-insensitive; NULL for all */
    const char *type;
    const char *parent;  /* only direct members of this area */
    const char *on;      /* YYYY-MM-DD: only areas (and memberships) valid on that day; NULL for all */
} store_area_filter;

/* Calls `fn` for each matching area, ordered by country, type and code. The
 * record is valid during the call only. */
int store_each_area(store *s, const store_area_filter *f, int (*fn)(void *ctx, const store_area *a), void *ctx,
                    err *e);

/* A direct member of an area, as a roll-up counts it. */
typedef struct store_member {
    const char *code;
    double weight;   /* the share of the member inside the parent; NaN when none is known */
    int approximate; /* the membership is "approximate": the member is only partly inside */
} store_member;

/* Calls `fn` for each direct member of `parent` whose membership and whose own
 * validity overlap the period [start, end] (ISO dates), by code. */
int store_each_member(store *s, const char *parent, const char *start, const char *end,
                      int (*fn)(void *ctx, const store_member *m), void *ctx, err *e);

/* The nearest area of type `type` (case-insensitive) that `child` is a member
 * of, directly or through members of members, by memberships overlapping the
 * period [start, end] (ISO dates); of two at one level, the larger share.
 * Returns 1 with the code in `out` (cap bytes), 0 when there is none. */
int store_parent_of(store *s, const char *child, const char *type, const char *start, const char *end, char *out,
                    size_t cap, err *e);

/* ---- imports ---- */

/* Returns 1 and sets *batch when a file with this digest was imported before. */
int store_find_batch(store *s, const char *sha256, long long *batch, err *e);
/* What identifies an import: the file read by one mapping. `key` is what
 * store_find_batch looks up (the file's digest when read by the default
 * mapping, else a digest of both, so the same file read another way is a new
 * import that supersedes what it reads differently). */
typedef struct store_batch_start {
    const char *file_name, *key, *format, *file_sha256, *mapping_sha256;
} store_batch_start;

int store_begin_batch(store *s, const store_batch_start *b, long long *batch, err *e);

typedef struct store_batch_counts {
    long long read, inserted, unchanged, superseding, duplicate, rejected;
    long long skipped; /* rows the mapping says to leave out (areas outside the geography) */
} store_batch_counts;

int store_finish_batch(store *s, long long batch, const store_batch_counts *c, err *e);

typedef enum store_put_outcome {
    STORE_INSERTED,   /* a new series point */
    STORE_UNCHANGED,  /* an earlier batch holds the same content */
    STORE_SUPERSEDED, /* replaced a different earlier value, which stays as history */
    STORE_DUPLICATE,  /* repeated within this batch with the same content */
    STORE_CONFLICT,   /* repeated within this batch with different content */
} store_put_outcome;

/* Stores `o` for `batch`. On STORE_CONFLICT, *other_line is the line of the
 * row it conflicts with. */
int store_put_observation(store *s, long long batch, const obs *o, store_put_outcome *result, long *other_line,
                          err *e);

/* ---- queries ---- */

typedef struct store_obs_filter {
    const char *indicator, *area, *period; /* exact match; NULL for any */
    int history;                           /* include superseded values */
    const char *breakdown;                 /* exact key; NULL for any */
} store_obs_filter;

typedef struct store_obs_row {
    obs o;
    const char *period_type, *period_start, *period_end;
    long long batch, superseded_by; /* superseded_by 0 when current */
    const char *batch_file;
} store_obs_row;

int store_each_observation(store *s, const store_obs_filter *f, int (*fn)(void *ctx, const store_obs_row *r),
                           void *ctx, err *e);

typedef struct store_batch {
    long long id;
    const char *file_name, *sha256, *format, *imported_at; /* sha256: the file's */
    store_batch_counts counts;
    const char *mapping_sha256; /* NULL when read by the default mapping */
} store_batch;

int store_each_batch(store *s, int (*fn)(void *ctx, const store_batch *b), void *ctx, err *e);

/* ---- scorecard runs ---- */

/* One current observation of a series, as the evaluator reads it in bulk.
 * Strings are valid during the callback only. */
typedef struct store_point {
    long long id;
    const char *area, *period, *value_text;
    int start, end; /* YYYYMMDD */
    double value, numerator, denominator, lower_ci, upper_ci; /* NaN when absent */
    double lower_ci_998, upper_ci_998;
    obs_status status;
    int series_break, approximate;
    const char *period_type; /* period_type_name(): "fy", "fy_quarter", ... */
} store_point;

/* Every current observation of `indicator` at `breakdown` (a key of
 * obs_breakdown_key(); "" or NULL for all persons), ordered by area and period. */
int store_each_series_point(store *s, const char *indicator, const char *breakdown,
                            int (*fn)(void *ctx, const store_point *p), void *ctx, err *e);

/* For each of the n indicators at its breakdown, the latest period end
 * (YYYYMMDD) on or before `not_after` with a value, into ends[i]; 0 when it
 * has none. */
int store_latest_period_ends(store *s, const char *const *indicators, const char *const *breakdowns, size_t n,
                             int not_after, int *ends, err *e);

/* The breakdowns `indicator` has current observations for, with how many,
 * most first: what `check` offers when a framework asks for one the data do
 * not have. */
int store_each_breakdown(store *s, const char *indicator, int (*fn)(void *ctx, const char *key, long long rows),
                         void *ctx, err *e);

typedef struct store_run {
    const char *framework_id, *framework_version, *framework_sha256, *framework_path;
    const char *period, *period_start, *period_end, *engine_version;
} store_run;

typedef struct store_result {
    const char *area, *kind, *item; /* kind: "area", "outcome" or "indicator" */
    const char *status;             /* green, amber, red or grey */
    const char *assessment, *value_text, *period, *method, *reason;
    double value, comparator;       /* NaN when absent */
    const char *details;            /* JSON text: inputs and intermediate numbers */
} store_result;

int store_begin_run(store *s, const store_run *r, long long *run_id, err *e);
int store_put_result(store *s, long long run_id, const store_result *r, err *e);
int store_finish_run(store *s, long long run_id, const char *fingerprint, long areas, err *e);

typedef struct store_run_row {
    long long id;
    store_run run;
    const char *data_fingerprint, *started_at;
    long areas;
} store_run_row;

/* Every run, newest first; only run `id` when id > 0. */
int store_each_run(store *s, long long id, int (*fn)(void *ctx, const store_run_row *r), void *ctx, err *e);

typedef struct store_result_filter {
    long long run;
    const char *area, *kind, *item; /* NULL for any */
} store_result_filter;

/* Where observation `id` came from: its import batch, the file's name and line. Returns 1
 * when found. `file` is copied into a buffer of `cap` bytes. */
int store_observation_source(store *s, long long id, long long *batch, char *file, size_t cap, long *line, err *e);

/* The publisher's own verdicts kept with observation `id` (a key of
 * obs_verdicts_key(), "" when none) into `out`. Returns 1 when found. */
int store_observation_verdicts(store *s, long long id, char *out, size_t cap, err *e);

/* The results of a run, ordered by area, kind (area, outcome, indicator) and item. */
int store_each_result(store *s, const store_result_filter *f, int (*fn)(void *ctx, const store_result *r), void *ctx,
                      err *e);

#endif
