/*
 * csv.h - a streaming RFC 4180 reader.
 *
 * Reads one record at a time from a FILE with memory bounded by the longest
 * record allowed, never by the file. It accepts what real publishers write:
 * quoted fields with embedded commas, quotes ("") and line breaks, CRLF or LF
 * line ends, a leading UTF-8 byte order mark, and blank lines (skipped). It
 * rejects what would otherwise be silently misread: a quote inside an unquoted
 * field, text after a closing quote, an unterminated quote, NUL bytes and
 * invalid UTF-8. It knows nothing of headers or meaning; callers map fields.
 */
#ifndef SCORECARD_CSV_H
#define SCORECARD_CSV_H

#include <stdio.h>

#include "error.h"

#define CSV_MAX_RECORD_BYTES (1u << 20) /* a longer record is an error, not a reason to grow */
#define CSV_MAX_FIELDS 4096

typedef struct csv_reader csv_reader;

typedef struct csv_record {
    size_t n;           /* number of fields, at least 1 */
    char **field; /* NUL-terminated UTF-8, in the reader's buffer: the caller may
                   * edit a field in place (e.g. trim it) until the next csv_next() */
    long line;          /* physical line (1-based) where the record starts */
} csv_record;

/* Reads from `f`, which stays the caller's; `name` is used in messages. */
csv_reader *csv_new(FILE *f, const char *name);
void csv_free(csv_reader *r);

/* Returns 1 and fills `rec` when a record was read, 0 at end of input, or a
 * negative ERR_* code with a message naming the file and line. */
int csv_next(csv_reader *r, csv_record *rec, err *e);

/* Writes `s` as one field, quoted when it holds a comma, quote or line break:
 * exactly, for CSV a program reads back (a test case's rows, the demo data). */
void csv_write_field(FILE *out, const char *s);

/* Writes `s` as one field of CSV people open in a spreadsheet: a cell that
 * would start a formula (=, +, -, @, tab or CR first, as OWASP lists them)
 * gets a leading apostrophe, unless it is a plain number such as -5.2, so a
 * framework title or an imported note can never run as a formula. */
void csv_write_text(FILE *out, const char *s);

#endif
