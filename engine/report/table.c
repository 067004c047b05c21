/* table.c - aligned text, CSV and JSON output for listings. */
#include "table.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "grow.h"
#include "text.h"

struct table {
    FILE *out;
    table_format format;
    const table_column *cols;
    int ncols;
    long rows;
    char **held; /* text mode: every cell, row-major, owned */
    size_t nheld, cap;
};

int table_format_parse(const char *s, table_format *out, err *e)
{
    if (!strcmp(s, "text"))
        *out = TABLE_TEXT;
    else if (!strcmp(s, "csv"))
        *out = TABLE_CSV;
    else if (!strcmp(s, "json"))
        *out = TABLE_JSON;
    else
        return err_set(e, ERR_USAGE, "--format must be text, csv or json, not \"%s\"", s);
    return 0;
}

table *table_new(FILE *out, table_format format, const table_column *cols, int ncols)
{
    table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->out = out;
    t->format = format;
    t->cols = cols;
    t->ncols = ncols;
    if (format == TABLE_CSV) {
        for (int i = 0; i < ncols; i++) {
            if (i)
                fputc(',', out);
            csv_write_text(out, cols[i].name);
        }
        fputc('\n', out);
    } else if (format == TABLE_JSON) {
        fputs("[", out);
    }
    return t;
}

static int hold(table *t, const char *v)
{
    if (grow(&t->held, &t->cap, t->nheld + 1, sizeof *t->held, 256))
        return -1;
    char *copy = text_clean_dup(v ? v : "", v ? strlen(v) : 0); /* a terminal gets no control bytes */
    if (!copy)
        return -1;
    t->held[t->nheld++] = copy;
    return 0;
}

static void json_row(table *t, const char *const *values)
{
    cJSON *o = cJSON_CreateObject();
    for (int i = 0; o && i < t->ncols; i++) {
        const char *v = values[i];
        char *end;
        double d = v && *v ? strtod(v, &end) : 0;
        if (!v)
            cJSON_AddNullToObject(o, t->cols[i].name);
        else if (t->cols[i].numeric && *v && !*end)
            cJSON_AddNumberToObject(o, t->cols[i].name, d);
        else
            cJSON_AddStringToObject(o, t->cols[i].name, v);
    }
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    fprintf(t->out, "%s\n  %s", t->rows ? "," : "", text ? text : "null");
    free(text);
    cJSON_Delete(o);
}

int table_row(table *t, const char *const *values)
{
    switch (t->format) {
    case TABLE_TEXT:
        for (int i = 0; i < t->ncols; i++)
            if (hold(t, values[i]))
                return -1;
        break;
    case TABLE_CSV:
        for (int i = 0; i < t->ncols; i++) {
            if (i)
                fputc(',', t->out);
            csv_write_text(t->out, values[i] ? values[i] : "");
        }
        fputc('\n', t->out);
        break;
    case TABLE_JSON:
        json_row(t, values);
        break;
    }
    t->rows++;
    return 0;
}

/* Display width of UTF-8 text: code points, which is right for the names we print. */
static int width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

int table_end(table *t)
{
    if (t->format == TABLE_JSON)
        fputs(t->rows ? "\n]\n" : "]\n", t->out);
    if (t->format == TABLE_TEXT) {
        int *w = calloc((size_t)t->ncols, sizeof *w);
        if (!w)
            return -1;
        for (int c = 0; c < t->ncols; c++)
            w[c] = width(t->cols[c].name);
        for (size_t i = 0; i < t->nheld; i++) {
            int cw = width(t->held[i]);
            if (cw > w[i % (size_t)t->ncols])
                w[i % (size_t)t->ncols] = cw;
        }
        for (int c = 0; c < t->ncols; c++)
            fprintf(t->out, "%s%-*s", c ? "  " : "", c == t->ncols - 1 ? 0 : w[c], t->cols[c].name);
        fputc('\n', t->out);
        for (size_t i = 0; i < t->nheld; i++) {
            int c = (int)(i % (size_t)t->ncols);
            int pad = c == t->ncols - 1 ? 0 : w[c] - width(t->held[i]);
            fprintf(t->out, "%s%s%*s", c ? "  " : "", t->held[i], pad, "");
            if (c == t->ncols - 1)
                fputc('\n', t->out);
        }
        free(w);
    }
    for (size_t i = 0; i < t->nheld; i++)
        free(t->held[i]);
    free(t->held);
    int bad = ferror(t->out);
    free(t);
    return bad ? -1 : 0;
}
