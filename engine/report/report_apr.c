/* report_apr.c - the Annual Performance Report table (apr.h) as text, CSV or JSON. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apr.h"
#include "json_fields.h"
#include "report.h"
#include "table.h"

/* ---- text and CSV: two rows an indicator, the area's and the comparator's ---- */

/* A figure as the table shows it; NULL (an empty cell) for a year without one. */
static const char *figure(double v, char *buf, size_t cap)
{
    if (isnan(v))
        return NULL;
    snprintf(buf, cap, "%.6g", v);
    return buf;
}

static int table_rows(table *t, const apr_table *apr)
{
    const framework *f = apr->r->framework;
    char cells[2][APR_YEARS][32];
    const char *shown[2][APR_YEARS];
    for (size_t i = 0; i < apr->nrows; i++) {
        const apr_row *row = &apr->rows[i];
        const fw_indicator *fi = &f->ind[row->ind];
        const res_indicator *x = &apr->area->indicators[row->ind];
        const char *cmp = x->history_cmp_name ? x->history_cmp_name : x->history_cmp_area;
        for (int k = 0; k < APR_YEARS; k++) {
            const res_history_point *p = row->year[k];
            shown[0][k] = figure(p ? p->value : NAN, cells[0][k], sizeof cells[0][k]);
            shown[1][k] = figure(p ? p->comparator : NAN, cells[1][k], sizeof cells[1][k]);
        }
        for (int who = 0; who < 2; who++) {
            if (who && !cmp)
                break;
            const char *v[5 + APR_YEARS + 2];
            int n = 0;
            v[n++] = apr->area->code;
            v[n++] = fi->id;
            v[n++] = fi->title;
            v[n++] = fi->unit;
            v[n++] = who ? cmp : apr->area->name;
            for (int k = 0; k < APR_YEARS; k++)
                v[n++] = shown[who][k];
            v[n++] = who ? NULL : vocab_colour_name(x->colour);
            v[n++] = who ? NULL : row->notes;
            if (table_row(t, v))
                return ERR_NOMEM;
        }
    }
    return 0;
}

static int apr_table_out(FILE *out, const result_set *r, table_format format, err *e)
{
    if (!r->nareas)
        return 0;
    apr_table first;
    int rc = apr_build(r, 0, &first, e);
    if (rc)
        return rc;
    char years[APR_YEARS][sizeof first.year[0]]; /* the columns outlive the first area's table */
    table_column cols[5 + APR_YEARS + 2] = {{"area", 0}, {"indicator", 0}, {"title", 0}, {"unit", 0}, {"figures_for", 0}};
    for (int k = 0; k < APR_YEARS; k++) {
        memcpy(years[k], first.year[k], sizeof years[k]);
        cols[5 + k] = (table_column){years[k], 1};
    }
    cols[5 + APR_YEARS] = (table_column){"status", 0};
    cols[6 + APR_YEARS] = (table_column){"notes", 0};
    if (format == TABLE_TEXT)
        fprintf(out, "Annual performance report: %s %s, %s and the five years before\n\n", r->framework->id,
                r->framework->version ? r->framework->version : "", r->period);
    table *t = table_new(out, format, cols, 7 + APR_YEARS);
    rc = t ? table_rows(t, &first) : ERR_NOMEM;
    apr_free(&first);
    for (size_t a = 1; !rc && a < r->nareas; a++) {
        apr_table next;
        if ((rc = apr_build(r, a, &next, e)))
            break;
        rc = table_rows(t, &next);
        apr_free(&next);
    }
    if (t && table_end(t) && !rc)
        return err_set(e, ERR_IO, "writing the output failed");
    return rc == ERR_NOMEM ? err_set(e, ERR_NOMEM, "out of memory") : rc;
}

/* ---- JSON: the same table, one object an area ---- */

static cJSON *area_json(const apr_table *apr)
{
    const framework *f = apr->r->framework;
    cJSON *j = cJSON_CreateObject();
    json_add_string(j, "code", apr->area->code);
    json_add_string(j, "name", apr->area->name);
    json_add_string(j, "comparator", apr->comparator);
    cJSON *rows = cJSON_AddArrayToObject(j, "indicators");
    for (size_t i = 0; i < apr->nrows; i++) {
        const apr_row *row = &apr->rows[i];
        const fw_indicator *fi = &f->ind[row->ind];
        const res_indicator *x = &apr->area->indicators[row->ind];
        cJSON *o = cJSON_CreateObject();
        json_add_indicator_head(o, fi, x);
        json_add_string(o, "comparator_area", x->comparator_area);
        cJSON *years = cJSON_AddArrayToObject(o, "years");
        for (int k = 0; k < APR_YEARS; k++) {
            const res_history_point *p = row->year[k];
            cJSON *y = cJSON_CreateObject();
            json_add_string(y, "year", apr->year[k]);
            json_add_string(y, "period", p ? p->period : NULL);
            json_add_number(y, "value", p ? p->value : NAN);
            json_add_number(y, "comparator", p ? p->comparator : NAN);
            cJSON_AddBoolToObject(y, "series_break", p && p->series_break);
            cJSON_AddBoolToObject(y, "provisional", p && p->provisional);
            cJSON_AddItemToArray(years, y);
        }
        json_add_string(o, "notes", row->notes);
        cJSON_AddItemToArray(rows, o);
    }
    return j;
}

static int apr_json(FILE *out, const result_set *r, err *e)
{
    const framework *f = r->framework;
    cJSON *root = cJSON_CreateObject();
    json_add_string(root, "report", "annual_performance");
    json_add_string(root, "framework", f->id);
    json_add_string(root, "version", f->version);
    json_add_string(root, "period", r->period);
    cJSON *years = cJSON_AddArrayToObject(root, "years");
    cJSON *areas = cJSON_AddArrayToObject(root, "areas");
    for (size_t a = 0; a < r->nareas; a++) {
        apr_table t;
        int rc = apr_build(r, a, &t, e);
        if (rc) {
            cJSON_Delete(root);
            return rc;
        }
        if (a == 0)
            for (int k = 0; k < APR_YEARS; k++)
                cJSON_AddItemToArray(years, cJSON_CreateString(t.year[k]));
        cJSON_AddItemToArray(areas, area_json(&t));
        apr_free(&t);
    }
    return json_write(out, root, e);
}

int report_apr(FILE *out, const result_set *r, const char *format, err *e)
{
    if (!strcmp(format, "json"))
        return apr_json(out, r, e);
    return apr_table_out(out, r, !strcmp(format, "csv") ? TABLE_CSV : TABLE_TEXT, e);
}
