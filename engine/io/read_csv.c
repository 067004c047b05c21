/* read_csv.c - CSV records to observation rows, through the table layout. */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "reader.h"
#include "layout.h"

int reader_csv(FILE *f, const char *name, const mapping *m, reader_sink sink, void *ctx, err *e)
{
    csv_reader *r = csv_new(f, name);
    if (!r)
        return err_set(e, ERR_NOMEM, "out of memory");
    layout *l = NULL;
    csv_record rec;
    int rc = 0;
    for (int row = 0; row < m->header_rows && !rc; row++) {
        int got = csv_next(r, &rec, e);
        if (got <= 0) {
            rc = got < 0 ? got : err_set(e, ERR_PARSE, "%s: ends before its header", name);
            break;
        }
        if (row + 1 == m->header_rows)
            rc = layout_plan((const char *const *)rec.field, rec.n, m, name, &l, e);
    }
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
