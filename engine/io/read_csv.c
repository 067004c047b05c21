/* read_csv.c - CSV records to observation rows, through the table layout. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "reader.h"
#include "layout.h"

#define CSV_MAX_HEADER_SEARCH 1000 /* records header_row_with looks through */

int reader_csv(FILE *f, const char *name, const mapping *m, reader_sink sink, void *ctx, err *e)
{
    csv_reader *r = csv_new(f, name);
    if (!r)
        return err_set(e, ERR_NOMEM, "out of memory");
    layout *l = NULL;
    csv_record rec;
    int rc = 0;
    /* The header: the record header_rows names, or the first holding header_with's text. */
    int limit = m->header_with ? CSV_MAX_HEADER_SEARCH : m->header_rows;
    for (int row = 0; row < limit && !rc && !l; row++) {
        int got = csv_next(r, &rec, e);
        if (got <= 0) {
            rc = got < 0 ? got
                 : m->header_with ? err_set(e, ERR_PARSE, "%s: no row with a cell \"%s\" (header_row_with)", name,
                                            m->header_with)
                                  : err_set(e, ERR_PARSE, "%s: ends before its header", name);
            break;
        }
        if (m->header_with ? mapping_is_header(m, (const char *const *)rec.field, rec.n) : row + 1 == m->header_rows)
            rc = layout_plan((const char *const *)rec.field, rec.n, m, name, &l, e);
    }
    if (!rc && !l && m->header_with)
        rc = err_set(e, ERR_PARSE, "%s: no row with a cell \"%s\" in its first %d (header_row_with)", name,
                     m->header_with, CSV_MAX_HEADER_SEARCH);
    if (!rc && !l)
        rc = layout_plan(NULL, 0, m, name, &l, e);
    while (!rc) {
        int got = csv_next(r, &rec, e);
        if (got <= 0) {
            rc = got;
            break;
        }
        rc = layout_record(l, (const char *const *)rec.field, rec.n, rec.line, NULL, sink, ctx, e);
    }
    layout_free(l);
    csv_free(r);
    return rc;
}
