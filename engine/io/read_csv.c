/* read_csv.c - CSV rows to observation rows, through the mapping's columns. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "reader.h"
#include "text.h"

typedef struct layout {
    char **header; /* trimmed names from the last header row, owned */
    size_t nheader;
    int col[OBS_NFIELDS]; /* column index per field, -1 when absent */
    int *wide_col;        /* column index per wide entry */
    char posname[OBS_NFIELDS][16];
} layout;

static void layout_free(layout *l)
{
    for (size_t i = 0; i < l->nheader; i++)
        free(l->header[i]);
    free(l->header);
    free(l->wide_col);
}

/* Finds the column `spec` names (`#N` is 1-based position). Returns the index,
 * -1 when a name is absent, or an error code when the spec is bad. */
static int find_column(const layout *l, const char *spec, const char *name, const char *field, err *e)
{
    if (spec[0] == '#') {
        char *end;
        long pos = strtol(spec + 1, &end, 10);
        if (*end || pos < 1 || pos > CSV_MAX_FIELDS)
            return err_set(e, ERR_USAGE, "%s: column \"%s\" for %s: positions are written #1, #2, ...", name,
                           spec, field);
        if (l->nheader && (size_t)pos > l->nheader)
            return err_set(e, ERR_USAGE, "%s: column %s for %s: the file has only %zu columns", name, spec,
                           field, l->nheader);
        return (int)pos - 1;
    }
    int found = -1;
    for (size_t i = 0; i < l->nheader; i++) {
        if (strcmp(l->header[i], spec))
            continue;
        if (found >= 0)
            return err_set(e, ERR_USAGE, "%s: column name \"%s\" (for %s) appears twice in the header; use #N",
                           name, spec, field);
        found = (int)i;
    }
    return found;
}

static int plan_columns(layout *l, const mapping *m, const char *name, err *e)
{
    for (int f = 0; f < OBS_NFIELDS; f++) {
        l->col[f] = -1;
        if (m->fixed[f])
            continue;
        const char *spec = m->column[f] ? m->column[f] : obs_field_name(f);
        int c = find_column(l, spec, name, obs_field_name(f), e);
        if (c < -1)
            return c;
        if (c == -1 && m->column[f])
            return err_set(e, ERR_USAGE, "%s: no column named \"%s\" (mapped to %s)", name, spec,
                           obs_field_name(f));
        l->col[f] = c;
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
            int c = find_column(l, m->wide[i].column, name, m->wide[i].indicator, e);
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
    for (int f = 0; f < OBS_NFIELDS; f++)
        if (l->col[f] >= 0 && (size_t)l->col[f] >= l->nheader)
            snprintf(l->posname[f], sizeof l->posname[f], "#%d", l->col[f] + 1);
    return 0;
}

static const char *column_label(const layout *l, int col)
{
    return (size_t)col < l->nheader ? l->header[col] : "?";
}

int reader_csv(FILE *f, const char *name, const mapping *m, reader_sink sink, void *ctx, err *e)
{
    csv_reader *r = csv_new(f, name);
    if (!r)
        return err_set(e, ERR_NOMEM, "out of memory");
    layout l;
    memset(&l, 0, sizeof l);
    csv_record rec;
    int rc = 0;

    for (int row = 0; row < m->header_rows && !rc; row++) {
        int got = csv_next(r, &rec, e);
        if (got <= 0) {
            rc = got < 0 ? got : err_set(e, ERR_PARSE, "%s: ends before its header", name);
            break;
        }
        if (row + 1 < m->header_rows)
            continue;
        l.header = calloc(rec.n, sizeof *l.header);
        if (!l.header) {
            rc = err_set(e, ERR_NOMEM, "out of memory");
            break;
        }
        l.nheader = rec.n;
        for (size_t i = 0; i < rec.n && !rc; i++)
            if (!(l.header[i] = strdup(rec.field[i])))
                rc = err_set(e, ERR_NOMEM, "out of memory");
            else
                text_trim(l.header[i]);
    }
    if (!rc)
        rc = plan_columns(&l, m, name, e);

    obs_text row;
    while (!rc) {
        int got = csv_next(r, &rec, e);
        if (got <= 0) {
            rc = got;
            break;
        }
        if (l.nheader && rec.n != l.nheader) {
            rc = err_set(e, ERR_PARSE, "%s:%ld: %zu fields, but the header has %zu", name, rec.line, rec.n,
                         l.nheader);
            break;
        }
        memset(&row, 0, sizeof row);
        row.line = rec.line;
        for (int fld = 0; fld < OBS_NFIELDS; fld++) {
            int c = l.col[fld];
            if (c < 0)
                continue;
            if ((size_t)c >= rec.n) {
                rc = err_set(e, ERR_PARSE, "%s:%ld: only %zu fields, no column %d for %s", name, rec.line,
                             rec.n, c + 1, obs_field_name(fld));
                break;
            }
            row.field[fld] = rec.field[c];
            row.column[fld] = l.posname[fld][0] ? l.posname[fld] : column_label(&l, c);
        }
        if (rc)
            break;
        if (!m->nwide) {
            rc = sink(ctx, &row, e);
            continue;
        }
        for (size_t i = 0; i < m->nwide && !rc; i++) {
            int c = l.wide_col[i];
            if ((size_t)c >= rec.n) {
                rc = err_set(e, ERR_PARSE, "%s:%ld: only %zu fields, no column %d for %s", name, rec.line,
                             rec.n, c + 1, m->wide[i].indicator);
                break;
            }
            row.field[OBS_INDICATOR] = m->wide[i].indicator;
            row.column[OBS_INDICATOR] = "wide";
            row.field[OBS_VALUE] = rec.field[c];
            row.column[OBS_VALUE] = m->wide[i].column;
            rc = sink(ctx, &row, e);
        }
    }
    layout_free(&l);
    csv_free(r);
    return rc;
}
