/* parts.c - joining a long layout's rows into whole observations. */
#include "parts.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(OBS_NFIELDS <= 32, "parts_joiner.filled holds a bit per field");

struct parts_joiner {
    const mapping *m;
    const char *name;
    reader_sink sink;
    void *ctx;

    /* The observation being gathered: the first row's texts (copies), and the
     * figure each part gave. */
    int pending;
    char *field[OBS_NFIELDS];
    char *column[OBS_NFIELDS];
    int colno[OBS_NFIELDS];
    long field_line[OBS_NFIELDS];
    char *field_where[OBS_NFIELDS]; /* a lineless row's place ("item 3") for field f */
    unsigned filled; /* bit f: a part gave field f */
    char *extra[OBS_MAX_EXTRA];
    char *sheet, *where;
    long line;
    long part_line[MAPPING_MAX_PARTS]; /* 0: the part has not been seen */
    char *part_where[MAPPING_MAX_PARTS]; /* where a lineless row gave it */

    long rows, joined, left_out;
};

parts_joiner *parts_new(const mapping *m, const char *name, reader_sink sink, void *ctx)
{
    err_assert(m->parts.column >= 0);
    parts_joiner *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->m = m;
    j->name = name;
    j->sink = sink;
    j->ctx = ctx;
    return j;
}

static void clear(parts_joiner *j)
{
    for (int f = 0; f < OBS_NFIELDS; f++) {
        free(j->field[f]);
        free(j->column[f]);
        free(j->field_where[f]);
        j->field[f] = j->column[f] = j->field_where[f] = NULL;
    }
    for (int i = 0; i < MAPPING_MAX_PARTS; i++) {
        free(j->part_where[i]);
        j->part_where[i] = NULL;
    }
    for (size_t k = 0; k < j->m->nextra; k++) {
        free(j->extra[k]);
        j->extra[k] = NULL;
    }
    free(j->sheet);
    free(j->where);
    j->sheet = j->where = NULL;
    memset(j->part_line, 0, sizeof j->part_line);
    memset(j->field_line, 0, sizeof j->field_line);
    j->filled = 0;
    j->pending = 0;
}

void parts_free(parts_joiner *j)
{
    if (!j)
        return;
    clear(j);
    free(j);
}

long parts_rows(const parts_joiner *j)
{
    return j->rows;
}

long parts_joined(const parts_joiner *j)
{
    return j->joined;
}

long parts_left_out(const parts_joiner *j)
{
    return j->left_out;
}

static int copy(char **slot, const char *text)
{
    *slot = NULL;
    return text && !(*slot = strdup(text));
}

static int same(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* Does `row` belong to the observation being gathered: the same text in every
 * mapped column but the value and the parts column? */
static int same_observation(const parts_joiner *j, const obs_text *row)
{
    for (int f = 0; f < OBS_NFIELDS; f++)
        if (f != OBS_VALUE && !(j->filled & 1u << f) && !same(j->field[f], row->field[f]))
            return 0;
    for (size_t k = 0; k < j->m->nextra; k++)
        if ((int)k != j->m->parts.column && !same(j->extra[k], row->extra[k]))
            return 0;
    return same(j->sheet, row->sheet);
}

static int start(parts_joiner *j, const obs_text *row, err *e)
{
    int bad = 0;
    for (int f = 0; f < OBS_NFIELDS; f++) {
        j->colno[f] = row->colno[f];
        if (f != OBS_VALUE)
            bad |= copy(&j->field[f], row->field[f]) | copy(&j->column[f], row->column[f]);
    }
    for (size_t k = 0; k < j->m->nextra; k++)
        bad |= copy(&j->extra[k], row->extra[k]);
    bad |= copy(&j->sheet, row->sheet) | copy(&j->where, row->where);
    j->line = row->line;
    j->pending = 1;
    return bad ? err_set(e, ERR_NOMEM, "out of memory") : 0;
}

/* Where a row is, as the import's own errors name it: its line (or sheet row),
 * or for a file without lines (JSON) the reader's `where`. */
static void place(const parts_joiner *j, const obs_text *row, long line, const char *where, char *out, size_t cap)
{
    if (row->sheet)
        snprintf(out, cap, "%s: %s row %ld", j->name, row->sheet, line);
    else if (row->line > 0)
        snprintf(out, cap, "%s:%ld", j->name, line);
    else
        snprintf(out, cap, "%s: %s", j->name, where ? where : "?");
}

static int hand_on(parts_joiner *j, err *e)
{
    if (!j->pending)
        return 0;
    if (!j->filled) {
        /* Only ignored parts (ASCOF's Base): nothing to store, and storing it
         * would record a missing figure the publisher never meant. */
        j->left_out++;
        clear(j);
        return 0;
    }
    obs_text row;
    memset(&row, 0, sizeof row);
    for (int f = 0; f < OBS_NFIELDS; f++) {
        row.field[f] = j->field[f];
        row.column[f] = j->column[f];
        row.colno[f] = j->colno[f];
        row.field_line[f] = j->field_line[f];
        row.field_where[f] = j->field_where[f];
    }
    for (size_t k = 0; k < j->m->nextra; k++)
        row.extra[k] = j->extra[k];
    row.line = j->line;
    row.sheet = j->sheet;
    row.where = j->where;
    j->joined++;
    int rc = j->sink(j->ctx, &row, e);
    clear(j);
    return rc;
}

int parts_take(void *joiner, const obs_text *row, err *e)
{
    parts_joiner *j = joiner;
    const mapping_parts *mp = &j->m->parts;
    j->rows++;
    const char *name = row->extra[mp->column] ? row->extra[mp->column] : "";
    const mapping_part *part = mapping_part_named(j->m, name);
    char where[240];
    if (!part) {
        char names[400] = "";
        for (size_t i = 0; i < mp->nparts; i++)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", i ? ", " : "", mp->part[i].name);
        place(j, row, row->line, row->where, where, sizeof where);
        return err_set(e, ERR_PARSE, "%s: column \"%s\": \"%s\" is not a part the mapping names (%s); add it to "
                       "\"parts\" \"fields\", or to \"ignore\" to leave it out",
                       where, j->m->extra[mp->column].column, name, names);
    }
    int rc;
    if (j->pending && !same_observation(j, row) && (rc = hand_on(j, e)))
        return rc;
    if (!j->pending && (rc = start(j, row, e)))
        return rc;

    size_t i = (size_t)(part - mp->part);
    int f = part->field;
    if (j->part_line[i]) {
        if (f < 0 || same(j->field[f], row->field[OBS_VALUE]))
            return 0; /* the same figure again */
        char first[240];
        place(j, row, row->line, row->where, where, sizeof where);
        place(j, row, j->part_line[i], j->part_where[i], first, sizeof first);
        return err_set(e, ERR_PARSE, "%s: a second \"%s\" (%s) for one observation; the first, at %s, had %s; an "
                       "observation's parts must each appear once", where, part->name,
                       row->field[OBS_VALUE] ? row->field[OBS_VALUE] : "empty", first,
                       j->field[f] ? j->field[f] : "empty");
    }
    j->part_line[i] = row->line > 0 ? row->line : 1;
    if (row->line <= 0 && copy(&j->part_where[i], row->where))
        return err_set(e, ERR_NOMEM, "out of memory");
    if (f < 0)
        return 0;
    if (j->field[f] && !(j->filled & 1u << f)) {
        place(j, row, row->line, row->where, where, sizeof where);
        return err_set(e, ERR_PARSE, "%s: part \"%s\" fills %s, which column \"%s\" already gives", where, part->name,
                       obs_field_name(f), j->column[f] ? j->column[f] : obs_field_name(f));
    }
    free(j->field[f]);
    free(j->column[f]);
    free(j->field_where[f]);
    j->field_where[f] = NULL;
    if (copy(&j->field[f], row->field[OBS_VALUE]) || copy(&j->column[f], row->column[OBS_VALUE]) ||
        (row->line <= 0 && copy(&j->field_where[f], row->where)))
        return err_set(e, ERR_NOMEM, "out of memory");
    j->colno[f] = row->colno[OBS_VALUE];
    j->field_line[f] = row->line;
    j->filled |= 1u << f;
    return 0;
}

int parts_finish(parts_joiner *j, err *e)
{
    return hand_on(j, e);
}
