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

#include "error.h"
#include "mapping.h"
#include "store.h"

#define IMPORT_MAX_LISTED 20 /* problems listed in full; the rest are counted */
#define IMPORT_MAX_JSON_BYTES (256L << 20)

typedef struct import_options {
    const char *path;         /* file to read */
    const char *format;       /* "csv", "json", "jsonstat" or NULL to tell from the content */
    const mapping *map;
    const char *rejects_path; /* NULL: any problem rejects the whole file */
    int progress;             /* print a progress line on stderr */
} import_options;

typedef struct import_report {
    long long batch;     /* the batch written, or the earlier one when already imported */
    int already_imported;
    const char *format;  /* the reader used */
    store_batch_counts counts;
    long problems;       /* rows found wrong, listed or not */
    int listed;
    char problem[IMPORT_MAX_LISTED][512];
} import_report;

/* Returns 0 when the file was imported (or had been), ERR_INVALID when rows
 * were wrong and nothing was written (see report->problem), or another error. */
int import_file(store *s, const import_options *o, import_report *report, err *e);

#endif
