/*
 * read_jsonstat.c - JSON-stat 2.0 datasets (as NISRA PxStat publishes them) to
 * observation rows.
 *
 * The value array is a cube flattened row-major, last dimension fastest. The
 * roles say which dimension is time, geography and metric; where `role` is
 * silent, the geography is the dimension whose codes are GSS codes. A
 * dimension mixing one GSS code with other codes (NISRA's EQUALGROUPS: the
 * country, then equality groups) is read as that area, broken down. Any other
 * dimension with more than one category becomes part of the breakdown.
 * `--map period=DIM`, `--map area=DIM` and `--map indicator=DIM` override the
 * roles; fixed values and markers are applied by the sink, as for every format.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "json_read.h"
#include "reader.h"

#define JSONSTAT_MAX_DIMS 16
#define JSONSTAT_MAX_CELLS 50000000L

typedef struct dim {
    const char *id;
    long size;
    const char **code; /* category codes in index order, borrowed from the cJSON tree */
    int gss_count;     /* how many codes look like GSS codes */
    int gss_pos;       /* position of one of them */
} dim;

static int is_gss(const char *s)
{
    if (strlen(s) != 9 || s[0] < 'A' || s[0] > 'Z')
        return 0;
    for (int i = 1; i < 9; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Fills d->code from category.index (array, object of code -> position, or a
 * bare string for one category) or, failing that, the order of category.label. */
static int read_categories(dim *d, const cJSON *dimension, const char *name, err *e)
{
    const cJSON *cat = cJSON_GetObjectItemCaseSensitive(dimension, "category");
    const cJSON *index = cJSON_GetObjectItemCaseSensitive(cat, "index");
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(cat, "label");
    d->code = calloc((size_t)d->size, sizeof *d->code);
    if (!d->code)
        return err_set(e, ERR_NOMEM, "out of memory");
    long n = 0;
    if (cJSON_IsString(index)) {
        d->code[0] = index->valuestring;
        n = 1;
    } else if (cJSON_IsArray(index)) {
        for (const cJSON *c = index->child; c; c = c->next, n++) {
            if (n >= d->size || !cJSON_IsString(c))
                return err_set(e, ERR_PARSE, "%s: dimension \"%s\": category.index does not match size %ld", name,
                               d->id, d->size);
            d->code[n] = c->valuestring;
        }
    } else if (cJSON_IsObject(index)) {
        for (const cJSON *c = index->child; c; c = c->next, n++) {
            if (!cJSON_IsNumber(c) || c->valuedouble < 0 || c->valuedouble >= (double)d->size ||
                d->code[(long)c->valuedouble])
                return err_set(e, ERR_PARSE, "%s: dimension \"%s\": bad position for category \"%s\"", name,
                               d->id, c->string);
            d->code[(long)c->valuedouble] = c->string;
        }
    } else if (cJSON_IsObject(label)) {
        for (const cJSON *c = label->child; c; c = c->next, n++) {
            if (n >= d->size)
                break;
            d->code[n] = c->string;
        }
    }
    if (n != d->size)
        return err_set(e, ERR_PARSE, "%s: dimension \"%s\" lists %ld categories but its size is %ld", name, d->id,
                       n, d->size);
    for (long i = 0; i < d->size; i++)
        if (is_gss(d->code[i])) {
            d->gss_count++;
            d->gss_pos = (int)i;
        }
    return 0;
}

/* The dimension a role names (a string, as NISRA writes it, or an array). */
static int role_dim(const cJSON *role, const char *key, const dim *dims, int ndims)
{
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(role, key);
    if (cJSON_IsArray(r))
        r = r->child;
    if (!cJSON_IsString(r))
        return -1;
    for (int i = 0; i < ndims; i++)
        if (!strcmp(dims[i].id, r->valuestring))
            return i;
    return -1;
}

static const cJSON *find_dataset(const cJSON *root)
{
    const cJSON *cls = cJSON_GetObjectItemCaseSensitive(root, "class");
    if (cJSON_IsString(cls) && !strcmp(cls->valuestring, "dataset"))
        return root;
    const cJSON *result = cJSON_GetObjectItemCaseSensitive(root, "result");
    cls = cJSON_GetObjectItemCaseSensitive(result, "class");
    if (cJSON_IsString(cls) && !strcmp(cls->valuestring, "dataset"))
        return result;
    return NULL;
}

/* One cell to read: its flat index, its value and its status (either NULL). */
typedef struct cell {
    long i;
    const cJSON *value;
    const char *status;
} cell;

static int by_index(const void *a, const void *b)
{
    long x = ((const cell *)a)->i, y = ((const cell *)b)->i;
    return (x > y) - (x < y);
}

/* The cell index a sparse key names: digits only, no sign, below `cells`. */
static int sparse_index(const char *key, long cells, long *out)
{
    if (!key || !*key || strlen(key) > 18)
        return -1;
    long v = 0;
    for (const char *p = key; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (*p - '0');
    }
    if (v >= cells)
        return -1;
    *out = v;
    return 0;
}

/* The cells to read, in index order. A dense `value` array gives every cell;
 * a sparse object (JSON-stat's "value": {"7": 12.5}) gives only the cells it
 * and the sparse `status` name: an absent cell is absent, not a row saying
 * "missing", so a small file cannot expand into millions of rows. A key that
 * is not a cell index is an error, not a cell silently dropped. */
static int list_cells(const cJSON *values, const cJSON *status, long cells, const char *name, cell **out, long *n,
                      err *e)
{
    *out = NULL;
    *n = 0;
    int dense = cJSON_IsArray(values);
    long cap = dense ? cells : (long)cJSON_GetArraySize(values) + (cJSON_IsObject(status) ? cJSON_GetArraySize(status) : 0);
    size_t room = 0;
    cell *list = NULL;
    if (grow(&list, &room, (size_t)(cap ? cap : 1), sizeof *list, 1))
        return err_set(e, ERR_NOMEM, "out of memory");
    long k = 0;
    if (dense) {
        for (const cJSON *v = values->child; v && k < cells; v = v->next, k++)
            list[k] = (cell){k, v, NULL};
    } else {
        for (const cJSON *v = values->child; v; v = v->next) {
            long i;
            if (sparse_index(v->string, cells, &i)) {
                free(list);
                return err_set(e, ERR_PARSE, "%s: \"value\" has the key \"%.40s\", which is not a cell index (0 to %ld)",
                               name, v->string ? v->string : "", cells - 1);
            }
            list[k++] = (cell){i, v, NULL};
        }
    }
    if (cJSON_IsArray(status)) {
        long j = 0;
        for (const cJSON *st = status->child; st; st = st->next, j++) {
            if (j >= cells) {
                free(list);
                return err_set(e, ERR_PARSE, "%s: \"status\" holds more entries than the %ld cells", name, cells);
            }
            if (!cJSON_IsString(st))
                continue;
            if (dense) {
                list[j].status = st->valuestring;
                continue;
            }
            if (grow(&list, &room, (size_t)k + 1, sizeof *list, 1)) {
                free(list);
                return err_set(e, ERR_NOMEM, "out of memory");
            }
            list[k++] = (cell){j, NULL, st->valuestring};
        }
    } else if (cJSON_IsObject(status)) {
        for (const cJSON *st = status->child; st; st = st->next) {
            long i;
            if (sparse_index(st->string, cells, &i)) {
                free(list);
                return err_set(e, ERR_PARSE, "%s: \"status\" has the key \"%.40s\", which is not a cell index (0 to %ld)",
                               name, st->string ? st->string : "", cells - 1);
            }
            if (!cJSON_IsString(st))
                continue;
            if (dense)
                list[i].status = st->valuestring;
            else
                list[k++] = (cell){i, NULL, st->valuestring};
        }
    }
    if (!dense) { /* one cell per index: a value and a status for it merge */
        qsort(list, (size_t)k, sizeof *list, by_index);
        long m = 0;
        for (long j = 0; j < k; j++) {
            if (m > 0 && list[m - 1].i == list[j].i) {
                if (!list[m - 1].value)
                    list[m - 1].value = list[j].value;
                if (!list[m - 1].status)
                    list[m - 1].status = list[j].status;
            } else {
                list[m++] = list[j];
            }
        }
        k = m;
    }
    *out = list;
    *n = k;
    return 0;
}

/* Decimals the publisher declares for a metric category, or -1. */
static int metric_decimals(const cJSON *ds, const dim *metric, long pos)
{
    if (!metric)
        return -1;
    const cJSON *dimension = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(ds, "dimension"),
                                                              metric->id);
    const cJSON *unit = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(dimension, "category"),
                                                         "unit");
    const cJSON *dec = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(unit, metric->code[pos]),
                                                        "decimals");
    return cJSON_IsNumber(dec) && dec->valuedouble >= 0 && dec->valuedouble <= 15 ? dec->valueint : -1;
}

typedef struct cube {
    dim dims[JSONSTAT_MAX_DIMS];
    int ndims;
    int time, geo, metric;
    long cells;
} cube;

/* The dimension `--map FIELD=DIMENSION` names; -1 when unmapped; error when absent. */
static int mapped_dim(const cube *c, const mapping *m, int field, const char *name, err *e)
{
    if (!m->column[field])
        return -1;
    for (int i = 0; i < c->ndims; i++)
        if (!strcmp(c->dims[i].id, m->column[field]))
            return i;
    return err_set(e, ERR_USAGE, "%s: no dimension \"%s\" (mapped to %s)", name, m->column[field],
                   obs_field_name(field));
}

static int read_cube(cube *c, const cJSON *ds, const mapping *m, const char *name, err *e)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(ds, "id");
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(ds, "size");
    const cJSON *dimension = cJSON_GetObjectItemCaseSensitive(ds, "dimension");
    if (!cJSON_IsArray(id) || !cJSON_IsArray(size) || !cJSON_IsObject(dimension) ||
        cJSON_GetArraySize(id) != cJSON_GetArraySize(size))
        return err_set(e, ERR_PARSE, "%s: a JSON-stat dataset needs \"id\", \"size\" and \"dimension\" of one length",
                       name);
    if (cJSON_GetArraySize(id) > JSONSTAT_MAX_DIMS || cJSON_GetArraySize(id) == 0)
        return err_set(e, ERR_LIMIT, "%s: between 1 and %d dimensions are supported", name, JSONSTAT_MAX_DIMS);
    c->cells = 1;
    const cJSON *s = size->child;
    for (const cJSON *d = id->child; d; d = d->next, s = s->next) {
        dim *x = &c->dims[c->ndims++];
        if (!cJSON_IsString(d) || !cJSON_IsNumber(s) || s->valuedouble < 1 || s->valuedouble > 1e7 ||
            s->valuedouble != (long)s->valuedouble)
            return err_set(e, ERR_PARSE, "%s: bad dimension id or size", name);
        x->id = d->valuestring;
        x->size = (long)s->valuedouble;
        if (c->cells > JSONSTAT_MAX_CELLS / x->size)
            return err_set(e, ERR_LIMIT, "%s: more than %ld cells", name, JSONSTAT_MAX_CELLS);
        c->cells *= x->size;
        const cJSON *dj = cJSON_GetObjectItemCaseSensitive(dimension, x->id);
        if (!cJSON_IsObject(dj))
            return err_set(e, ERR_PARSE, "%s: dimension \"%s\" is listed in \"id\" but not described", name, x->id);
        int rc = read_categories(x, dj, name, e);
        if (rc)
            return rc;
    }
    const cJSON *role = cJSON_GetObjectItemCaseSensitive(ds, "role");
    c->time = role_dim(role, "time", c->dims, c->ndims);
    c->geo = role_dim(role, "geo", c->dims, c->ndims);
    c->metric = role_dim(role, "metric", c->dims, c->ndims);
    static const int fields[3] = {OBS_PERIOD, OBS_AREA, OBS_INDICATOR};
    int *slots[3] = {&c->time, &c->geo, &c->metric};
    for (int k = 0; k < 3; k++) {
        int d = mapped_dim(c, m, fields[k], name, e);
        if (d < -1)
            return d;
        if (d >= 0)
            *slots[k] = d;
    }
    if (c->geo < 0) /* no role: prefer a dimension of GSS codes only, then a mixed one */
        for (int pass = 0; pass < 2 && c->geo < 0; pass++)
            for (int i = 0; i < c->ndims; i++)
                if (i != c->time && i != c->metric &&
                    (pass == 0 ? c->dims[i].gss_count == c->dims[i].size : c->dims[i].gss_count == 1)) {
                    c->geo = i;
                    break;
                }
    if (c->time < 0)
        return err_set(e, ERR_PARSE, "%s: no time dimension (role \"time\")", name);
    return 0;
}

int reader_jsonstat(const char *text, size_t len, const char *name, const mapping *m, reader_sink sink,
                    void *ctx, err *e)
{
    cJSON *root = json_read(text, len, name, e);
    if (!root)
        return e->code;
    const cJSON *ds = find_dataset(root);
    cube c;
    memset(&c, 0, sizeof c);
    int rc = 0;
    if (!ds)
        rc = err_set(e, ERR_PARSE, "%s: not a JSON-stat 2.0 dataset (no \"class\": \"dataset\")", name);
    if (!rc)
        rc = read_cube(&c, ds, m, name, e);
    const cJSON *values = ds ? cJSON_GetObjectItemCaseSensitive(ds, "value") : NULL;
    if (!rc && !(cJSON_IsArray(values) && cJSON_GetArraySize(values) == c.cells) && !cJSON_IsObject(values))
        rc = err_set(e, ERR_PARSE, "%s: \"value\" must hold %ld cells", name, c.cells);
    if (!rc && c.geo >= 0 && c.dims[c.geo].gss_count == 0)
        rc = err_set(e, ERR_PARSE, "%s: geography dimension \"%s\" holds no GSS codes", name, c.dims[c.geo].id);
    const cJSON *status = ds ? cJSON_GetObjectItemCaseSensitive(ds, "status") : NULL;
    const char *every = cJSON_IsString(status) ? status->valuestring : NULL; /* one status for all cells */
    cell *cells = NULL;
    long ncells = 0;
    if (!rc)
        rc = list_cells(values, status, c.cells, name, &cells, &ncells, e);

    long pos[JSONSTAT_MAX_DIMS] = {0};
    char vtext[64], breakdown[512], where[600];
    for (long k = 0; k < ncells && !rc; k++) {
        long i = cells[k].i, rest = i;
        const cJSON *v = cells[k].value;
        for (int d = c.ndims - 1; d >= 0; d--) { /* the cell's position: last dimension fastest */
            pos[d] = rest % c.dims[d].size;
            rest /= c.dims[d].size;
        }
        obs_text row;
        memset(&row, 0, sizeof row);
        size_t bl = 0, wl = 0;
        breakdown[0] = '\0';
        wl += (size_t)snprintf(where, sizeof where, "value %ld (", i + 1);
        for (int d = 0; d < c.ndims; d++) {
            const dim *x = &c.dims[d];
            const char *code = x->code[pos[d]];
            if (wl < sizeof where)
                wl += (size_t)snprintf(where + wl, sizeof where - wl, "%s%s=%s", d ? ", " : "", x->id, code);
            if (d == c.time) {
                row.field[OBS_PERIOD] = code;
                row.column[OBS_PERIOD] = x->id;
            } else if (d == c.metric) {
                row.field[OBS_INDICATOR] = code;
                row.column[OBS_INDICATOR] = x->id;
            } else if (d == c.geo) {
                row.field[OBS_AREA] = is_gss(code) ? code : x->code[x->gss_pos];
                row.column[OBS_AREA] = x->id;
            }
            int part = (d == c.geo && !is_gss(code)) || (d != c.geo && d != c.time && d != c.metric && x->size > 1);
            if (part && bl < sizeof breakdown)
                bl += (size_t)snprintf(breakdown + bl, sizeof breakdown - bl, "%s%s=%s", bl ? ";" : "", x->id, code);
        }
        if (wl < sizeof where)
            snprintf(where + wl, sizeof where - wl, ")");
        row.where = where;
        row.field[OBS_BREAKDOWN] = breakdown;
        row.column[OBS_BREAKDOWN] = "dimensions";
        if (!v || cJSON_IsNull(v)) {
            row.field[OBS_VALUE] = "";
        } else if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
            int dec = metric_decimals(ds, c.metric >= 0 ? &c.dims[c.metric] : NULL,
                                      c.metric >= 0 ? pos[c.metric] : 0);
            if (dec >= 0)
                snprintf(vtext, sizeof vtext, "%.*f", dec, v->valuedouble);
            else
                snprintf(vtext, sizeof vtext, "%.15g", v->valuedouble);
            row.field[OBS_VALUE] = vtext;
        } else if (cJSON_IsString(v)) {
            row.field[OBS_VALUE] = v->valuestring;
        } else {
            rc = err_set(e, ERR_PARSE, "%s: %s: a value must be a number, a string or null", name, where);
            break;
        }
        row.column[OBS_VALUE] = "value";
        const char *st = cells[k].status ? cells[k].status : every;
        if (st) {
            row.field[OBS_STATUS] = st;
            row.column[OBS_STATUS] = "status";
        }
        rc = sink(ctx, &row, e);
    }
    free(cells);
    for (int d = 0; d < c.ndims; d++)
        free(c.dims[d].code);
    cJSON_Delete(root);
    return rc;
}
