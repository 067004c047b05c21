/* layout.c - header and records to observation rows; see layout.h. */
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "text.h"

struct layout {
    const mapping *m;
    const char *name;
    char **header; /* trimmed names from the header, owned */
    size_t nheader;
    int col[OBS_NFIELDS];       /* column index per field, -1 when absent */
    int extra_col[OBS_MAX_EXTRA]; /* column index per extra column, -1 when absent */
    int *wide_col;              /* column index per wide entry */
    char posname[OBS_NFIELDS][16];
    size_t need;                /* without a header: the columns the mapping reads (its highest #N) */
    const char **padded;        /* a short row's cells, padded with empty ones */
    size_t padded_cap;
};

void layout_free(layout *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->nheader; i++)
        free(l->header[i]);
    free(l->header);
    free(l->wide_col);
    free(l->padded);
    free(l);
}

/* Finds the column `spec` names (`#N` is 1-based position). Returns the index,
 * -1 when a name is absent, or an error code when the spec is bad. */
static int find_column(const layout *l, const char *spec, const char *field, err *e)
{
    if (spec[0] == '#') {
        char *end;
        long pos = strtol(spec + 1, &end, 10);
        if (*end || pos < 1 || pos > CSV_MAX_FIELDS)
            return err_set(e, ERR_USAGE, "%s: column \"%s\" for %s: positions are written #1, #2, ...", l->name,
                           spec, field);
        if (l->nheader && (size_t)pos > l->nheader)
            return err_set(e, ERR_USAGE, "%s: column %s for %s: the file has only %zu columns", l->name, spec,
                           field, l->nheader);
        return (int)pos - 1;
    }
    int found = -1;
    for (size_t i = 0; i < l->nheader; i++) {
        if (strcmp(l->header[i], spec))
            continue;
        if (found >= 0)
            return err_set(e, ERR_USAGE, "%s: column name \"%s\" (for %s) appears twice in the header; use #N",
                           l->name, spec, field);
        found = (int)i;
    }
    return found;
}

static int plan_columns(layout *l, err *e)
{
    const mapping *m = l->m;
    const char *name = l->name;
    for (int f = 0; f < OBS_NFIELDS; f++) {
        l->col[f] = -1;
        if (m->fixed[f])
            continue;
        const char *spec = m->column[f] ? m->column[f] : obs_field_name(f);
        int c = find_column(l, spec, obs_field_name(f), e);
        if (c < -1)
            return c;
        if (c == -1 && m->column[f] && !(m->optional & (1u << f)))
            return err_set(e, ERR_USAGE, "%s: no column named \"%s\" (mapped to %s)", name, spec,
                           obs_field_name(f));
        l->col[f] = c;
    }
    for (size_t k = 0; k < m->nextra; k++) {
        int c = find_column(l, m->extra[k].column, m->extra[k].role, e);
        if (c < -1)
            return c;
        if (c == -1 && !m->extra[k].optional)
            return err_set(e, ERR_USAGE, "%s: no column named \"%s\" (%s in the mapping)", name, m->extra[k].column,
                           m->extra[k].role);
        l->extra_col[k] = c;
    }
    if (m->nwide) {
        if ((l->col[OBS_VALUE] >= 0 && m->column[OBS_VALUE]) || m->fixed[OBS_VALUE] || m->fixed[OBS_INDICATOR])
            return err_set(e, ERR_USAGE, "%s: a wide mapping names the indicator and value itself; "
                           "do not also map or set them", name);
        l->col[OBS_VALUE] = -1;
        l->wide_col = malloc(m->nwide * sizeof *l->wide_col);
        if (!l->wide_col)
            return err_set(e, ERR_NOMEM, "out of memory");
        for (size_t i = 0; i < m->nwide; i++) {
            int c = find_column(l, m->wide[i].column, m->wide[i].indicator, e);
            if (c < -1)
                return c;
            if (c == -1)
                return err_set(e, ERR_USAGE, "%s: no column named \"%s\" (wide column for %s)", name,
                               m->wide[i].column, m->wide[i].indicator);
            l->wide_col[i] = c;
        }
    }
    static const int required[] = {OBS_INDICATOR, OBS_AREA, OBS_PERIOD};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++) {
        int f = required[i];
        if (l->col[f] < 0 && !m->fixed[f] && !(f == OBS_INDICATOR && m->nwide))
            return err_set(e, ERR_USAGE,
                           "%s: no \"%s\" column; name one with --map %s=COLUMN or give a value with --set %s=VALUE",
                           name, obs_field_name(f), obs_field_name(f), obs_field_name(f));
    }
    if (l->col[OBS_VALUE] < 0 && l->col[OBS_NUMERATOR] < 0 && !m->nwide && !m->fixed[OBS_VALUE])
        return err_set(e, ERR_USAGE, "%s: neither a \"value\" nor a \"numerator\" column; map one with --map value=COLUMN",
                       name);
    for (int f = 0; f < OBS_NFIELDS; f++) {
        if (l->col[f] >= 0 && (size_t)l->col[f] >= l->nheader)
            snprintf(l->posname[f], sizeof l->posname[f], "#%d", l->col[f] + 1);
        if (l->col[f] >= 0 && (size_t)l->col[f] + 1 > l->need)
            l->need = (size_t)l->col[f] + 1;
    }
    for (size_t k = 0; k < m->nextra; k++)
        if (l->extra_col[k] >= 0 && (size_t)l->extra_col[k] + 1 > l->need)
            l->need = (size_t)l->extra_col[k] + 1;
    for (size_t i = 0; i < m->nwide; i++)
        if ((size_t)l->wide_col[i] + 1 > l->need)
            l->need = (size_t)l->wide_col[i] + 1;
    return 0;
}

size_t layout_width(const layout *l)
{
    return l->nheader ? l->nheader : l->need;
}

int layout_plan(const char *const *header, size_t n, const mapping *m, const char *name, layout **out, err *e)
{
    *out = NULL;
    layout *l = calloc(1, sizeof *l);
    if (!l || (n && !(l->header = calloc(n, sizeof *l->header)))) {
        free(l);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    l->m = m;
    l->name = name;
    for (size_t i = 0; i < n; i++) {
        if (!(l->header[i] = strdup(header[i] ? header[i] : ""))) {
            layout_free(l);
            return err_set(e, ERR_NOMEM, "out of memory");
        }
        l->nheader++;
        text_trim(l->header[i]);
    }
    int rc = plan_columns(l, e);
    if (rc) {
        layout_free(l);
        return rc;
    }
    *out = l;
    return 0;
}

static const char *column_label(const layout *l, int col)
{
    return (size_t)col < l->nheader ? l->header[col] : "?";
}

int layout_record(layout *l, const char *const *cells, size_t n, long line, const char *sheet, reader_sink sink,
                 void *ctx, err *e)
{
    const mapping *m = l->m;
    if (l->nheader && n > l->nheader)
        return err_set(e, ERR_PARSE, "%s:%ld: %zu fields, but the header has %zu", l->name, line, n, l->nheader);
    size_t width = layout_width(l);
    if (n < width && m->short_rows == MAPPING_SHORT_ROWS_EMPTY) {
        if (l->padded_cap < width) {
            free(l->padded);
            if (!(l->padded = malloc(width * sizeof *l->padded)))
                return l->padded_cap = 0, err_set(e, ERR_NOMEM, "out of memory");
            l->padded_cap = width;
        }
        for (size_t i = 0; i < width; i++)
            l->padded[i] = i < n ? cells[i] : "";
        cells = l->padded;
        n = width;
    } else if (l->nheader && n < l->nheader) {
        return err_set(e, ERR_PARSE, "%s:%ld: %zu fields, but the header has %zu (if the publisher leaves "
                       "trailing fields out, say \"short_rows\": \"empty\" in the mapping)",
                       l->name, line, n, l->nheader);
    }
    obs_text row;
    memset(&row, 0, sizeof row);
    row.line = line;
    row.sheet = sheet;
    for (int fld = 0; fld < OBS_NFIELDS; fld++) {
        int c = l->col[fld];
        row.colno[fld] = c;
        if (c < 0)
            continue;
        if ((size_t)c >= n)
            return err_set(e, ERR_PARSE, "%s:%ld: only %zu fields, no column %d for %s", l->name, line, n, c + 1,
                           obs_field_name(fld));
        row.field[fld] = cells[c];
        row.column[fld] = l->posname[fld][0] ? l->posname[fld] : column_label(l, c);
    }
    for (size_t k = 0; k < m->nextra; k++) {
        int c = l->extra_col[k];
        if (c >= 0 && (size_t)c >= n)
            return err_set(e, ERR_PARSE, "%s:%ld: only %zu fields, no column %d for %s", l->name, line, n, c + 1,
                           m->extra[k].column);
        row.extra[k] = c >= 0 ? cells[c] : NULL;
    }
    if (!m->nwide)
        return sink(ctx, &row, e);
    int rc = 0;
    for (size_t i = 0; i < m->nwide && !rc; i++) {
        int c = l->wide_col[i];
        if ((size_t)c >= n)
            return err_set(e, ERR_PARSE, "%s:%ld: only %zu fields, no column %d for %s", l->name, line, n, c + 1,
                           m->wide[i].indicator);
        row.field[OBS_INDICATOR] = m->wide[i].indicator;
        row.column[OBS_INDICATOR] = "wide";
        row.field[OBS_VALUE] = cells[c];
        row.column[OBS_VALUE] = m->wide[i].column;
        row.colno[OBS_VALUE] = c;
        rc = sink(ctx, &row, e);
    }
    return rc;
}
