/*
 * import.h - bringing one file into the store, all or nothing.
 *
 * An import reads the file with the reader its format needs, checks every row
 * the same way whatever the format (areas through aliases, periods, numbers,
 * markers, conflicts), and writes it in one transaction. Any problem rolls
 * the whole import back, unless the caller asked for rejected rows to be
 * written to a file, in which case the good rows land and the bad ones are
 * set aside with their reasons. A file already imported (same SHA-256) is
 * recognised and changes nothing.
 */
#ifndef SCORECARD_IMPORT_H
#define SCORECARD_IMPORT_H

#include <stdio.h>

#include "error.h"
#include "mapping.h"
#include "store.h"

#define IMPORT_MAX_LISTED 20 /* problems listed in full; the rest are counted */
#define IMPORT_MAX_JSON_BYTES (64L << 20) /* read whole, with cJSON's tree about 8 times as large */

typedef struct import_options {
    const char *path;         /* file to read, and its name in messages and in the batch */
    FILE *in;                 /* read this instead of opening `path` (it must be seekable) */
    const char *format;       /* "csv", "json", "jsonstat" or NULL to tell from the content */
    const mapping *map;
    FILE *rejects;            /* NULL: any problem rejects the whole file; else bad rows go here */
    const char *rejects_name; /* the rejects file's name, for messages */
    int progress;             /* print a progress line on stderr */
} import_options;

typedef struct import_report {
    long long batch;     /* the batch written, or the earlier one when already imported */
    int already_imported;
    const char *format;  /* the reader used */
    store_batch_counts counts;
    long problems;       /* rows found wrong, listed or not */
    int listed;
    long grouped;        /* problems a listed line covers beyond its first (one line per area type) */
    char problem[IMPORT_MAX_LISTED][512];
    int nnotes;          /* what the import says without it being wrong: how an ambiguous
                          * period was read, rows skipped as the mapping says */
    char note[IMPORT_MAX_LISTED][512];
} import_report;

/* Returns 0 when the file was imported (or had been), ERR_INVALID when rows
 * were wrong and nothing was written (see report->problem), or another error.
 * Whether the file was imported already is decided inside the write
 * transaction, so two processes importing one file at once import it once:
 * the second waits for the first and finds it there. */
int import_file(store *s, const import_options *o, import_report *report, err *e);

/* Imports CSV text held in memory (the demo data, a test case's rows) as if
 * it were a file called `name`, with the project's own columns. */
int import_csv_text(store *s, const char *name, const char *text, size_t len, import_report *report, err *e);

#endif
