/* sheet.c - reading reference sheets whole; see sheet.h. */
#include "sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

void sheet_free(sheet *s)
{
    for (size_t i = 0; i < s->cols; i++)
        free(s->head[i]);
    for (size_t i = 0; i < s->rows * s->cols; i++)
        free(s->cell[i]);
    free(s->head);
    free(s->cell);
    memset(s, 0, sizeof *s);
}

int sheet_load(sheet *s, const char *dir, const char *sub, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s/%s", dir, sub, name);
    memset(s, 0, sizeof *s);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return -1;
    }
    csv_reader *r = csv_new(f, name);
    csv_record rec;
    err e = {0};
    int rc;
    size_t cap = 0;
    while ((rc = csv_next(r, &rec, &e)) == 1) {
        if (!s->head) {
            s->cols = rec.n;
            s->head = calloc(rec.n, sizeof *s->head);
            for (size_t i = 0; i < rec.n; i++)
                s->head[i] = strdup(rec.field[i]);
            continue;
        }
        if (s->rows == cap) {
            cap = cap ? 2 * cap : 64;
            s->cell = realloc(s->cell, cap * s->cols * sizeof *s->cell);
        }
        for (size_t i = 0; i < s->cols; i++)
            s->cell[s->rows * s->cols + i] = strdup(i < rec.n ? rec.field[i] : "");
        s->rows++;
    }
    if (rc < 0)
        fprintf(stderr, "%s\n", e.msg);
    csv_free(r);
    fclose(f);
    return rc < 0 ? -1 : 0;
}

const char *sheet_cell(const sheet *s, size_t row, const char *col)
{
    for (size_t i = 0; i < s->cols; i++)
        if (strcmp(s->head[i], col) == 0)
            return s->cell[row * s->cols + i];
    return NULL;
}
