/*
 * layout.h - a table's header and records to observation rows, through a mapping.
 *
 * Every tabular reader (CSV, a workbook's sheet) finds its header and records
 * its own way and hands them here, so a mapping means the same in every
 * format: columns by name or `#N`, fixed and if-blank values, wide columns,
 * the extra columns of breakdowns and verdicts, short rows.
 */
#ifndef SCORECARD_LAYOUT_H
#define SCORECARD_LAYOUT_H

#include "error.h"
#include "mapping.h"
#include "reader.h"

typedef struct layout layout;

/* Plans the columns from the header's cells (n may be 0 for a file without a
 * header, when every column is `#N`). `name` is the file, for messages. */
int layout_plan(const char *const *header, size_t n, const mapping *m, const char *name, layout **out, err *e);
void layout_free(layout *l);

/* How many cells a record needs: the header's, or without one the mapping's
 * highest column. A workbook, which leaves empty trailing cells out, pads its
 * rows to this. */
size_t layout_width(const layout *l);

/* A record's cells to rows for the sink. `line` is the record's line (CSV) or
 * row (sheet), `sheet` the sheet's name or NULL. The cells are the caller's
 * and stay valid during the call. A record shorter than layout_width() is an
 * error unless the mapping says "short_rows": "empty". */
int layout_record(layout *l, const char *const *cells, size_t n, long line, const char *sheet, reader_sink sink,
                 void *ctx, err *e);

#endif
