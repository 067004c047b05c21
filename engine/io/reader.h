/*
 * reader.h - the readers: bytes in, `obs_text` rows out.
 *
 * Each reader understands one format and nothing else: no SQL, no Lua, no
 * judgement of values. It hands each row to a sink, in file order, and stops
 * with an error naming the file and place when the bytes themselves are
 * malformed. Whether a row's values make sense is the sink's business (the
 * import step), so every format is checked by the same code.
 */
#ifndef SCORECARD_READER_H
#define SCORECARD_READER_H

#include <stdio.h>

#include "error.h"
#include "mapping.h"
#include "obs.h"

/* Returns 0 to go on; a negative ERR_* code stops the reader, which returns it. */
typedef int (*reader_sink)(void *ctx, const obs_text *row, err *e);

/* Streams a CSV file; see csv.h for the dialect and mapping.h for columns. */
int reader_csv(FILE *f, const char *name, const mapping *m, reader_sink sink, void *ctx, err *e);

/* One sheet of an Excel workbook (.xlsx): the mapping's `sheet`, or the first;
 * its header in row `header_rows`. Errors name the sheet and cell. `f` stays
 * the caller's. */
int reader_xlsx(FILE *f, const char *name, const mapping *m, reader_sink sink, void *ctx, err *e);

/* A JSON array of observation objects with the project's field names (or the
 * mapping's), or an OData feed's "value" array (StatsWales); *more_pages is 1
 * when the feed says it is one page of more. */
int reader_json(const char *text, size_t len, const char *name, const mapping *m, reader_sink sink,
                void *ctx, int *more_pages, err *e);

/* A JSON-stat 2.0 dataset, bare or inside a JSON-RPC `result` (NISRA PxStat). */
int reader_jsonstat(const char *text, size_t len, const char *name, const mapping *m, reader_sink sink,
                    void *ctx, err *e);

/* Which reader suits `text` (the start of a file, NUL-terminated): "xlsx" (a
 * zip archive), "jsonstat", "json" or "csv". */
const char *reader_sniff(const char *text, size_t len);

#endif
