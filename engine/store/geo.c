/*
 * geo.c - loading the bundled geography (the CSV files in data/geography) into the store.
 *
 * The files are the project's own, so their columns are fixed and named in
 * data/geography/README.md. Loading is an upsert in one transaction, so
 * `scorecard init` can be run again after the files change.
 */
#include "geo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "text.h"

#define GEO_MAX_COLS 8

typedef int (*geo_row_fn)(store *s, const char *const *v, const char *where, err *e);

/* Reads `dir/file`, whose header must contain `cols`; calls `fn` with the
 * values of those columns (NULL when empty) for each row. */
static int load_table(store *s, const char *dir, const char *file, const char *const *cols, int ncols,
                      geo_row_fn fn, long *rows, err *e)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "rb");
    if (!f)
        return err_set(e, ERR_IO, "%s: cannot open (is the data directory right? see --data)", path);
    csv_reader *r = csv_new(f, path);
    int rc = r ? 0 : err_set(e, ERR_NOMEM, "out of memory");
    csv_record rec;
    int idx[GEO_MAX_COLS];
    if (!rc && (rc = csv_next(r, &rec, e)) == 0)
        rc = err_set(e, ERR_PARSE, "%s: empty file", path);
    if (rc > 0) {
        rc = 0;
        for (int c = 0; c < ncols && !rc; c++) {
            idx[c] = -1;
            for (size_t i = 0; i < rec.n; i++)
                if (!strcmp(rec.field[i], cols[c]))
                    idx[c] = (int)i;
            if (idx[c] < 0)
                rc = err_set(e, ERR_PARSE, "%s: no column \"%s\"", path, cols[c]);
        }
    }
    size_t width = rc ? 0 : rec.n;
    while (!rc && (rc = csv_next(r, &rec, e)) > 0) {
        char where[4200];
        snprintf(where, sizeof where, "%s:%ld", path, rec.line);
        if (rec.n != width) {
            rc = err_set(e, ERR_PARSE, "%s: %zu fields, but the header has %zu", where, rec.n, width);
            break;
        }
        char *v[GEO_MAX_COLS];
        for (int c = 0; c < ncols; c++) {
            v[c] = text_trim(rec.field[idx[c]]);
            if (!*v[c])
                v[c] = NULL;
        }
        rc = fn(s, (const char *const *)v, where, e);
        (*rows)++;
    }
    csv_free(r);
    fclose(f);
    return rc < 0 ? rc : 0;
}

static int put_area(store *s, const char *const *v, const char *where, err *e)
{
    if (!v[0] || !v[1] || !v[2] || !v[3])
        return err_set(e, ERR_INVALID, "%s: code, name, type and country are required", where);
    store_area a = {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]};
    int rc = store_put_area(s, &a, e);
    return rc ? err_prefix(e, "%s", where) : 0;
}

static int put_alias(store *s, const char *const *v, const char *where, err *e)
{
    if (!v[0] || !v[1] || !v[3])
        return err_set(e, ERR_INVALID, "%s: old_code, new_code and relation are required", where);
    store_alias a = {v[0], v[1], v[2], v[3], v[4]};
    int rc = store_put_alias(s, &a, e);
    return rc ? err_prefix(e, "%s", where) : 0;
}

static int put_membership(store *s, const char *const *v, const char *where, err *e)
{
    if (!v[0] || !v[1] || !v[3])
        return err_set(e, ERR_INVALID, "%s: child, parent and relation are required", where);
    double weight = NAN;
    if (v[2]) {
        char *end;
        weight = strtod(v[2], &end);
        if (*end || !(weight > 0 && weight <= 1))
            return err_set(e, ERR_INVALID, "%s: column \"weight\": \"%s\" is not a share between 0 and 1", where, v[2]);
    }
    store_membership m = {v[0], v[1], weight, v[3], v[4], v[5], v[6], v[7]};
    int rc = store_put_membership(s, &m, e);
    return rc ? err_prefix(e, "%s", where) : 0;
}

int geo_load(store *s, const char *dir, geo_counts *counts, err *e)
{
    static const char *const area_cols[] = {"code", "name", "type", "country", "valid_from", "valid_to",
                                            "confidence", "source"};
    static const char *const alias_cols[] = {"old_code", "new_code", "valid_from", "relation", "note"};
    static const char *const member_cols[] = {"child", "parent", "weight", "relation", "valid_from", "valid_to",
                                              "confidence", "source"};
    memset(counts, 0, sizeof *counts);
    int rc = store_begin(s, e);
    if (rc)
        return rc;
    rc = load_table(s, dir, "areas.csv", area_cols, 8, put_area, &counts->areas, e);
    if (!rc)
        rc = load_table(s, dir, "aliases.csv", alias_cols, 5, put_alias, &counts->aliases, e);
    if (!rc)
        rc = load_table(s, dir, "memberships.csv", member_cols, 8, put_membership, &counts->memberships, e);
    if (!rc)
        rc = store_commit(s, e);
    if (rc)
        store_rollback(s);
    return rc;
}
