/*
 * table.h - printing query results as aligned text, CSV or JSON.
 *
 * The commands that list things (areas, data, imports) hand rows of text to a
 * table; the table decides the layout. CSV and JSON stream row by row; text is
 * aligned, so it holds its rows until table_end(). Values are borrowed for
 * the duration of table_row() only.
 */
#ifndef SCORECARD_TABLE_H
#define SCORECARD_TABLE_H

#include <stdio.h>

#include "error.h"

typedef enum table_format { TABLE_TEXT, TABLE_CSV, TABLE_JSON } table_format;

typedef struct table_column {
    const char *name;
    int numeric; /* JSON prints it as a number when it is one */
} table_column;

typedef struct table table;

int table_format_parse(const char *s, table_format *out, err *e);
table *table_new(FILE *out, table_format format, const table_column *cols, int ncols);
/* `values[i]` NULL means no value (empty in text and CSV, null in JSON). */
int table_row(table *t, const char *const *values);
/* Writes what text mode held back, closes the JSON array, and frees the table. */
int table_end(table *t);

#endif
