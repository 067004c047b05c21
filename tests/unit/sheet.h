/* sheet.h - reference spreadsheets (CSV) read whole with the engine's CSV reader,
 * for the tests that check methods against peer packages' expected outputs. */
#ifndef SCORECARD_TEST_SHEET_H
#define SCORECARD_TEST_SHEET_H

#include <stddef.h>

typedef struct sheet {
    size_t rows, cols;
    char **head;
    char **cell; /* rows * cols; short records are padded with "" */
} sheet;

/* Loads dir/sub/name; on failure prints why and returns -1. */
int sheet_load(sheet *s, const char *dir, const char *sub, const char *name);
void sheet_free(sheet *s);
/* The cell, or NULL when the sheet has no such column. */
const char *sheet_cell(const sheet *s, size_t row, const char *col);

#endif
