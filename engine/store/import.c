/* import.c - checking rows from any reader and writing them in one transaction. */
#include "import.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csv.h"
#include "grow.h"
#include "parts.h"
#include "reader.h"
#include "sha256.h"
#include "strmap.h"
#include "text.h"

#define PROGRESS_EVERY 4096 /* rows between looks at the clock */

typedef struct importer {
    store *s;
    const import_options *o;
    import_report *rep;
    long long batch;
    const char *name;

    strmap *period_index; /* label -> index in periods: labels repeat on every row */
    period *periods;
    size_t nperiods, periods_cap;

    FILE *rejects;
    char *text[OBS_NFIELDS];    /* this row's trimmed field texts; NULL when absent */
    char *extra[OBS_MAX_EXTRA]; /* and its extra columns' (breakdowns, verdicts) */
    char *arena;                /* storage for text[] and extra[] */
    size_t arena_cap;
    char breakdown[OBS_KEY_MAX], published[OBS_KEY_MAX];

    long filtered; /* rows the mapping's where / skip_where left out */
    long npairs;   /* labels read by the year_pairs convention; the first of them: */
    char pairs_label[64];
    period pairs_period;
    FILE *f;      /* the file being read, for the progress line */
    long bytes;   /* its size */
    double started_at, shown_at;

    /* Rows whose area is not in the geography, by the publisher's area type
     * (or the code's first three characters): reported once per group. */
    strmap *unknown_index; /* group -> index in unknown */
    struct unknown_group {
        char group[64], example[32], place[240]; /* place: the first row's, as problems name it */
        long rows;
        int codes;
        int shaped; /* grouped by the code's shape, not a type */
    } *unknown;
    size_t nunknown, unknown_cap;
    strmap *unknown_codes; /* codes seen, so a group counts codes once */
} importer;

/* ---- the row's text, after mapping ---- */

/* Copies `src` cleaned and trimmed to *p, advancing it; returns the copy. */
static char *take_text(char **p, const char *src)
{
    /* Text is cleaned as it comes in (text.h): a note carrying ESC or CR must not
     * reach a terminal or a spreadsheet later. Printable ASCII, the usual case,
     * is copied as it is. */
    size_t n = strlen(src);
    size_t k = 0;
    while (k < n && (unsigned char)src[k] >= 0x20 && (unsigned char)src[k] < 0x7F)
        k++;
    if (k == n)
        memcpy(*p, src, n + 1);
    else
        text_clean_into(*p, 3 * n + 1, src, n);
    char *t = text_trim(*p);
    *p += 3 * n + 1;
    return t;
}

static int copy_fields(importer *im, const obs_text *row, err *e)
{
    const mapping *m = im->o->map;
    const char *src[OBS_NFIELDS];
    size_t need = 0;
    for (int f = 0; f < OBS_NFIELDS; f++) {
        src[f] = m->fixed[f] ? m->fixed[f] : row->field[f];
        if (m->if_blank[f]) {
            const char *p = src[f] ? src[f] : "";
            while (*p == ' ' || *p == '\t')
                p++;
            if (!*p)
                src[f] = m->if_blank[f];
        }
        if (src[f])
            need += 3 * strlen(src[f]) + 1; /* cleaning may turn one byte into three (U+FFFD) */
    }
    for (size_t k = 0; k < m->nextra; k++)
        if (row->extra[k])
            need += 3 * strlen(row->extra[k]) + 1;
    if (grow(&im->arena, &im->arena_cap, need, 1, 4096))
        return err_set(e, ERR_NOMEM, "out of memory");
    char *p = im->arena;
    for (int f = 0; f < OBS_NFIELDS; f++)
        im->text[f] = src[f] ? take_text(&p, src[f]) : NULL;
    for (size_t k = 0; k < m->nextra; k++)
        im->extra[k] = row->extra[k] ? take_text(&p, row->extra[k]) : NULL;
    return 0;
}

/* ---- problems ---- */

static void write_rejected(importer *im, const obs_text *row, const char *problem)
{
    FILE *f = im->rejects;
    if (!f)
        return;
    char line[32] = "";
    if (row->line > 0)
        snprintf(line, sizeof line, "%ld", row->line);
    csv_write_field(f, row->line > 0 ? line : (row->where ? row->where : ""));
    fputc(',', f);
    csv_write_text(f, problem);
    for (int fld = 0; fld < OBS_NFIELDS; fld++) {
        fputc(',', f);
        csv_write_text(f, im->text[fld] ? im->text[fld] : "");
    }
    fputc('\n', f);
}

/* Records a problem with `row` (field `fld`, or -1 for the row as a whole). */
static int problem(importer *im, const obs_text *row, int fld, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Where a problem is, as messages name it: the file and line (or the sheet and
 * cell, or the item), then the field's column when there is one. */
static void describe_place(const importer *im, const obs_text *row, int fld, char *out, size_t cap)
{
    char place[200];
    long line = fld >= 0 && row->field_line[fld] ? row->field_line[fld] : row->line; /* a joined row's part */
    if (row->sheet && fld >= 0 && row->colno[fld] >= 0) {
        char cell[16];
        text_cell_name(row->colno[fld], line, cell, sizeof cell);
        snprintf(place, sizeof place, "%s: %s!%s", im->name, row->sheet, cell);
    } else if (row->sheet) {
        snprintf(place, sizeof place, "%s: %s row %ld", im->name, row->sheet, line);
    } else if (line > 0) {
        snprintf(place, sizeof place, "%s:%ld", im->name, line);
    } else {
        const char *where = fld >= 0 && row->field_where[fld] ? row->field_where[fld] : row->where;
        snprintf(place, sizeof place, "%s: %s", im->name, where ? where : "?");
    }
    if (fld < 0)
        snprintf(out, cap, "%s", place);
    else if (im->o->map->fixed[fld])
        snprintf(out, cap, "%s: --set %s", place, obs_field_name(fld));
    else
        snprintf(out, cap, "%s: %s \"%s\"", place, row->line > 0 ? "column" : "field",
                 row->column[fld] ? row->column[fld] : obs_field_name(fld));
}

static int problem(importer *im, const obs_text *row, int fld, const char *fmt, ...)
{
    char what[400], place[240], msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    describe_place(im, row, fld, place, sizeof place);
    snprintf(msg, sizeof msg, "%s: %s", place, what);

    import_report *r = im->rep;
    r->problems++;
    if (r->listed < IMPORT_MAX_LISTED)
        snprintf(r->problem[r->listed++], sizeof r->problem[0], "%s", msg);
    r->counts.rejected++;
    write_rejected(im, row, what);
    return 0;
}

/* Adds a line the import reports without it being a problem (how a label was
 * read, rows skipped as the mapping says). */
static void add_note(import_report *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void add_note(import_report *r, const char *fmt, ...)
{
    if (r->nnotes == IMPORT_MAX_LISTED)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->note[r->nnotes++], sizeof r->note[0], fmt, ap);
    va_end(ap);
}

/* ---- field checks ---- */

/* A number, a marker (NaN, *marker set) or a problem (-1). Absent text is NaN. */
static int read_number(importer *im, const obs_text *row, int fld, double *out, int *is_marker,
                       obs_status *marker)
{
    *out = NAN;
    *is_marker = 0;
    const char *t = im->text[fld];
    if (!t)
        return 0;
    if (mapping_is_marker(im->o->map, t, marker)) {
        *is_marker = 1;
        return 0;
    }
    if (text_parse_decimal(t, out)) {
        problem(im, row, fld, "\"%s\" is not a number", t);
        return -1;
    }
    return 0;
}

static int read_flag(const char *t, int *out)
{
    static const char *const yes[] = {"1", "true", "yes", "y"}, *const no[] = {"", "0", "false", "no", "n"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (text_ieq(t, yes[i]))
            return *out = 1, 0;
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (text_ieq(t, no[i]))
            return *out = 0, 0;
    return -1;
}

/* How labels that could mean two things (`2022-23`) were read: one line. */
static void note_pairs(importer *im)
{
    if (!im->npairs)
        return;
    const period *p = &im->pairs_period;
    char a[11], b[11], others[48] = "";
    period_format_date(p->start, a);
    period_format_date(p->end, b);
    if (im->npairs > 1)
        snprintf(others, sizeof others, " and %ld other label%s like it", im->npairs - 1, im->npairs == 2 ? "" : "s");
    int fy = p->type != PERIOD_POOLED_YEARS;
    add_note(im->rep, "read \"%s\"%s as %s (\"%s\": %s to %s), as the mapping's \"year_pairs\": \"%s\" says; "
                      "\"%s\" reads %s as %s", im->pairs_label, others,
             fy ? (im->npairs > 1 ? "financial years" : "a financial year")
                : (im->npairs > 1 ? "pairs of calendar years pooled" : "two calendar years pooled"),
             im->pairs_label, a, b, period_pairs_name(im->o->map->periods.pairs), fy ? "pooled" : "fy",
             im->npairs > 1 ? "them" : "it", fy ? "calendar years pooled" : "financial years");
}

static int lookup_period(importer *im, const char *label, period *out, err *e)
{
    int i;
    if (strmap_get(im->period_index, label, &i)) {
        if (i < 0)
            return ERR_PARSE;
        *out = im->periods[i];
        return 0;
    }
    period p;
    err ignored;
    int bad = period_parse(label, &im->o->map->periods, &p, &ignored);
    if (!bad) {
        if (grow(&im->periods, &im->periods_cap, im->nperiods + 1, sizeof *im->periods, 16))
            return err_set(e, ERR_NOMEM, "out of memory");
        im->periods[im->nperiods] = p;
        i = (int)im->nperiods++;
        *out = p;
        if (p.by_pairs && im->npairs++ == 0) { /* said once, at the end, for all such labels */
            snprintf(im->pairs_label, sizeof im->pairs_label, "%s", label);
            im->pairs_period = p;
        }
    } else {
        i = -1;
    }
    if (strmap_put(im->period_index, label, i) < 0)
        return err_set(e, ERR_NOMEM, "out of memory");
    return bad ? ERR_PARSE : 0;
}

/* The year a period's sort key should start with: its first year, or for a
 * financial-year quarter the year its financial year starts. */
static int sort_year(const period *p)
{
    int y = p->start / 10000, m = p->start / 100 % 100;
    return p->type == PERIOD_FY_QUARTER && m < 4 ? y - 1 : y;
}

/* What kind of code a code is, when the file does not say: a GSS code's
 * entity (E12, S37), else its shape (an NHS trust's RBK is AAA, R1H A9A), so
 * one line reports a hundred trusts. */
static int code_group(const char *code, char *out, size_t cap)
{
    size_t n = strlen(code);
    if (n == 9 && code[0] >= 'A' && code[0] <= 'Z' && strspn(code + 1, "0123456789") == 8) {
        snprintf(out, cap, "%.3s", code);
        return 0;
    }
    size_t k = 0;
    for (const char *p = code; *p && k + 1 < cap && k < 16; p++)
        out[k++] = *p >= '0' && *p <= '9' ? '9' : (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ? 'A' : *p;
    out[k] = '\0';
    return 1;
}

/* A row whose area code is not in the geography: counted in its group, and a
 * problem only in the report's one line per group (finish_unknown). */
static int unknown_area(importer *im, const obs_text *row, const char *code, err *e)
{
    const char *type = im->text[OBS_AREA_TYPE];
    char group[64];
    int shaped = 0;
    if (type && *type)
        snprintf(group, sizeof group, "%s", type);
    else
        shaped = code_group(code, group, sizeof group);
    int i;
    if (!strmap_get(im->unknown_index, group, &i)) {
        if (grow(&im->unknown, &im->unknown_cap, im->nunknown + 1, sizeof *im->unknown, 8))
            return err_set(e, ERR_NOMEM, "out of memory");
        i = (int)im->nunknown++;
        memset(&im->unknown[i], 0, sizeof im->unknown[i]);
        snprintf(im->unknown[i].group, sizeof im->unknown[i].group, "%s", group);
        im->unknown[i].shaped = shaped;
        snprintf(im->unknown[i].example, sizeof im->unknown[i].example, "%s", code);
        describe_place(im, row, OBS_AREA, im->unknown[i].place, sizeof im->unknown[i].place);
        if (strmap_put(im->unknown_index, group, i) < 0)
            return err_set(e, ERR_NOMEM, "out of memory");
    }
    int seen;
    char key[128]; /* a code counts once in each group it is seen in */
    snprintf(key, sizeof key, "%s\x1f%s", group, code);
    if (!strmap_get(im->unknown_codes, key, &seen)) {
        im->unknown[i].codes++;
        if (strmap_put(im->unknown_codes, key, 1) < 0)
            return err_set(e, ERR_NOMEM, "out of memory");
    }
    im->unknown[i].rows++;
    if (im->o->map->unknown_areas == MAPPING_UNKNOWN_AREAS_SKIP) {
        im->rep->counts.skipped++;
        return 0;
    }
    /* Counted as problems now, listed once per group at the end. */
    im->rep->problems++;
    im->rep->counts.rejected++;
    char why[160];
    snprintf(why, sizeof why, "unknown area code \"%s\" (see scorecard areas)", code);
    write_rejected(im, row, why);
    return 0;
}

static void finish_unknown(importer *im)
{
    int skip = im->o->map->unknown_areas == MAPPING_UNKNOWN_AREAS_SKIP;
    for (size_t i = 0; i < im->nunknown; i++) {
        const struct unknown_group *g = &im->unknown[i];
        char what[400];
        snprintf(what, sizeof what, "%ld row%s for %d area code%s %s \"%s\" not in the geography (%s%s)",
                 g->rows, g->rows == 1 ? "" : "s", g->codes, g->codes == 1 ? "" : "s",
                 g->shaped ? "shaped" : "of type", g->group, g->example, g->codes > 1 ? ", ..." : "");
        if (skip)
            add_note(im->rep, "skipped %s, as the mapping says (\"unknown_areas\": \"skip\")", what);
        else if (im->rep->listed < IMPORT_MAX_LISTED && g->rows == 1)
            snprintf(im->rep->problem[im->rep->listed++], sizeof im->rep->problem[0],
                     "%s: unknown area code \"%s\" (see scorecard areas)", g->place, g->example);
        else if (im->rep->listed < IMPORT_MAX_LISTED)
            snprintf(im->rep->problem[im->rep->listed++], sizeof im->rep->problem[0],
                     "%s: unknown area code \"%s\", the first of %s; add them to the geography (scorecard areas), "
                     "or skip them with \"unknown_areas\": \"skip\" in the mapping", g->place, g->example, what);
        if (!skip && im->rep->listed <= IMPORT_MAX_LISTED)
            im->rep->grouped += g->rows - 1; /* the line said them all */
    }
}

static int collect_part(const char **names, const char **values, size_t *n, const char *name, const char *value)
{
    if (*n == OBS_MAX_DIMS)
        return -1;
    names[*n] = name;
    values[(*n)++] = value;
    return 0;
}

/* The row's breakdown key from the mapping's dimensions (or its breakdown
 * column, kept as written), into im->breakdown; 1 when it is a problem. */
static int row_breakdown(importer *im, const obs_text *row)
{
    const mapping *m = im->o->map;
    if (!m->nbreakdowns) {
        snprintf(im->breakdown, sizeof im->breakdown, "%s", im->text[OBS_BREAKDOWN] ? im->text[OBS_BREAKDOWN] : "");
        return 0;
    }
    const char *names[OBS_MAX_DIMS], *values[OBS_MAX_DIMS];
    size_t n = 0;
    for (size_t i = 0; i < m->nbreakdowns; i++) {
        const mapping_breakdown *b = &m->breakdowns[i];
        const char *value = im->extra[b->value] ? im->extra[b->value] : "";
        for (size_t k = 0; k < b->nall; k++)
            if (!strcmp(value, b->all[k]))
                value = ""; /* the publisher's own word for everyone */
        const char *name = b->name_from >= 0 ? im->extra[b->name_from] : b->name;
        if (!name || !*name) { /* no dimension named: a value without one is a mistake, none is all persons */
            if (*value)
                return problem(im, row, -1, "breakdown value \"%s\" (column \"%s\") but no dimension in column \"%s\"",
                               value, m->extra[b->value].column, m->extra[b->name_from].column), 1;
            continue;
        }
        if (collect_part(names, values, &n, name, value))
            return problem(im, row, -1, "more than %d breakdown dimensions", OBS_MAX_DIMS), 1;
    }
    if (obs_breakdown_key(names, values, n, im->breakdown, sizeof im->breakdown))
        return problem(im, row, -1, "the breakdown's dimensions repeat a name or are too long"), 1;
    return 0;
}

/* The row's published verdicts into im->published ("" when none). */
static int row_published(importer *im, const obs_text *row)
{
    const mapping *m = im->o->map;
    const char *names[OBS_MAX_EXTRA], *values[OBS_MAX_EXTRA];
    for (size_t i = 0; i < m->npublished; i++) {
        names[i] = m->published[i].against;
        values[i] = im->extra[m->published[i].column];
    }
    im->published[0] = '\0';
    if (m->npublished && obs_verdicts_key(names, values, m->npublished, im->published, sizeof im->published))
        return problem(im, row, -1, "the published verdicts are too long to keep"), 1;
    return 0;
}

/* Turns the row's text into a checked observation; returns 1 when the row has
 * a problem (already recorded), 2 when it is skipped, 0 when `o` is ready, or
 * an error. */
static int check_row(importer *im, const obs_text *row, obs *o, err *e)
{
    char **t = im->text;
    memset(o, 0, sizeof *o);
    o->source_line = row->line;

    for (int f = 0; f < OBS_NFIELDS; f++)
        if (t[f]) {
            long bad = text_utf8_check(t[f], strlen(t[f]));
            if (bad >= 0)
                return problem(im, row, f, "invalid UTF-8 at byte %ld", bad + 1), 1;
        }
    for (size_t k = 0; k < im->o->map->nextra; k++)
        if (im->extra[k] && text_utf8_check(im->extra[k], strlen(im->extra[k])) >= 0)
            return problem(im, row, -1, "column \"%s\": invalid UTF-8", im->o->map->extra[k].column), 1;
    static const int required[] = {OBS_INDICATOR, OBS_AREA, OBS_PERIOD};
    for (size_t i = 0; i < sizeof required / sizeof *required; i++)
        if (!t[required[i]] || !*t[required[i]])
            return problem(im, row, required[i], "is empty"), 1;

    o->indicator = t[OBS_INDICATOR];
    o->source_area = t[OBS_AREA];
    int rc = store_resolve_area(im->s, t[OBS_AREA], &o->area, &o->approximate, e);
    if (rc < 0)
        return rc;
    if (rc == 0)
        return (rc = unknown_area(im, row, t[OBS_AREA], e)) ? rc : 2;

    o->period_label = t[OBS_PERIOD];
    rc = lookup_period(im, t[OBS_PERIOD], &o->period, e);
    if (rc == ERR_PARSE)
        return problem(im, row, OBS_PERIOD, "\"%s\" is not a period notation this engine knows", t[OBS_PERIOD]), 1;
    if (rc)
        return rc;
    if (t[OBS_PERIOD_SORTABLE] && *t[OBS_PERIOD_SORTABLE]) {
        /* A publisher's sort key (Fingertips: 20150000 for "2015 - 17") checks our reading of the label. */
        const char *k = t[OBS_PERIOD_SORTABLE];
        int ok = strlen(k) == 8 && strspn(k, "0123456789") == 8;
        if (!ok || atoi(k) / 10000 != sort_year(&o->period))
            return problem(im, row, OBS_PERIOD_SORTABLE, "\"%s\" does not start with %d, the first year of \"%s\"", k,
                           sort_year(&o->period), t[OBS_PERIOD]), 1;
    }

    int has_status = t[OBS_STATUS] && *t[OBS_STATUS];
    obs_status given = OBS_OK;
    if (has_status && !mapping_status_code_of(im->o->map, t[OBS_STATUS], &given) &&
        obs_status_parse(t[OBS_STATUS], &given) && !mapping_is_marker(im->o->map, t[OBS_STATUS], &given))
        return problem(im, row, OBS_STATUS, "\"%s\" is not a status (ok, provisional, revised, suppressed, missing, "
                       "or a marker such as NA or *)", t[OBS_STATUS]), 1;

    /* A row without a value takes its status from the markers in it; a suppressed
     * count suppresses what is derived from it, so suppressed wins over missing. */
    static const int numeric[] = {OBS_VALUE,    OBS_NUMERATOR,    OBS_DENOMINATOR,  OBS_LOWER_CI,
                                  OBS_UPPER_CI, OBS_LOWER_CI_998, OBS_UPPER_CI_998, OBS_MARGIN};
    double margin;
    double *slot[] = {&o->value,    &o->numerator,    &o->denominator,  &o->lower_ci,
                      &o->upper_ci, &o->lower_ci_998, &o->upper_ci_998, &margin};
    obs_status absent_status = OBS_MISSING;
    for (size_t i = 0; i < sizeof numeric / sizeof *numeric; i++) {
        int is_marker;
        obs_status marker;
        if (read_number(im, row, numeric[i], slot[i], &is_marker, &marker))
            return 1;
        if (is_marker && marker == OBS_SUPPRESSED)
            absent_status = OBS_SUPPRESSED;
    }
    int has_value = !isnan(o->value) || (!t[OBS_VALUE] && !isnan(o->numerator));
    if (!isnan(o->value))
        o->value_text = t[OBS_VALUE];

    if (has_status) {
        int absent = given == OBS_SUPPRESSED || given == OBS_MISSING;
        if (absent && has_value)
            return problem(im, row, OBS_STATUS, "status \"%s\" but the row has a value", t[OBS_STATUS]), 1;
        if (!absent && !has_value)
            return problem(im, row, OBS_VALUE, "status \"%s\" but no value", t[OBS_STATUS]), 1;
        o->status = given;
    } else if (has_value) {
        o->status = OBS_OK;
    } else {
        o->status = absent_status;
    }
    if (o->status == OBS_OK && o->period.provisional)
        o->status = OBS_PROVISIONAL;

    if (o->numerator < 0)
        return problem(im, row, OBS_NUMERATOR, "%g is negative", o->numerator), 1;
    if (o->denominator < 0)
        return problem(im, row, OBS_DENOMINATOR, "%g is negative", o->denominator), 1;
    if (margin < 0)
        return problem(im, row, OBS_MARGIN, "%g is negative", margin), 1;
    if (!isnan(margin) && !isnan(o->value) && isnan(o->lower_ci) && isnan(o->upper_ci)) {
        o->lower_ci = o->value - margin; /* a margin of error is the half-width of the 95% interval */
        o->upper_ci = o->value + margin;
    }
    if (o->lower_ci > o->upper_ci)
        return problem(im, row, OBS_LOWER_CI, "%g is above upper_ci %g (are the columns swapped?)", o->lower_ci,
                       o->upper_ci), 1;
    if (o->lower_ci_998 > o->upper_ci_998)
        return problem(im, row, OBS_LOWER_CI_998, "%g is above upper_ci_998 %g (are the columns swapped?)",
                       o->lower_ci_998, o->upper_ci_998), 1;
    if (t[OBS_SERIES_BREAK] && read_flag(t[OBS_SERIES_BREAK], &o->series_break))
        return problem(im, row, OBS_SERIES_BREAK, "\"%s\" is not yes or no", t[OBS_SERIES_BREAK]), 1;
    if (row_breakdown(im, row) || row_published(im, row))
        return 1;
    o->breakdown = im->breakdown;
    o->published = im->published[0] ? im->published : NULL;
    o->note = t[OBS_NOTE] && *t[OBS_NOTE] ? t[OBS_NOTE] : NULL;
    return 0;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A terminal's progress line, at most twice a second: the share of the file's
 * bytes read and, once that says anything, the time left at the pace so far. */
static void show_progress(importer *im, int last)
{
    if (!im->o->progress || (!last && im->rep->counts.read % PROGRESS_EVERY))
        return;
    double now = seconds_now();
    if (!last && now - im->shown_at < 0.5)
        return;
    im->shown_at = now;
    long pos = im->f ? ftell(im->f) : -1;
    char eta[48] = "";
    if (pos > 0 && im->bytes > 0 && !last) {
        double share = (double)pos / (double)im->bytes, spent = now - im->started_at;
        if (share > 1)
            share = 1;
        if (share >= 0.01 && spent >= 1)
            snprintf(eta, sizeof eta, ", about %.0f s left", spent * (1 - share) / share);
        fprintf(stderr, "\r%s: %3.0f%%, %lld rows read%s   ", im->name, 100 * share, im->rep->counts.read, eta);
    } else {
        fprintf(stderr, "\r%s: %lld rows read%s", im->name, im->rep->counts.read, last ? "          \n" : "");
    }
}

static int accept_row(void *ctx, const obs_text *row, err *e)
{
    importer *im = ctx;
    store_batch_counts *c = &im->rep->counts;
    c->read++;
    show_progress(im, 0);
    int rc = copy_fields(im, row, e);
    if (rc)
        return rc;
    if (!mapping_keeps(im->o->map, im->extra)) { /* the mapping's where / skip_where */
        c->skipped++;
        im->filtered++;
        return 0;
    }
    obs o;
    rc = check_row(im, row, &o, e);
    if (rc)
        return rc < 0 ? rc : 0;
    const char *comma = o.breakdown[0] ? ", " : "";
    store_put_outcome result;
    long other = 0;
    if ((rc = store_put_observation(im->s, im->batch, &o, &result, &other, e)))
        return rc;
    switch (result) {
    case STORE_INSERTED: c->inserted++; break;
    case STORE_UNCHANGED: c->unchanged++; break;
    case STORE_SUPERSEDED: c->superseding++; break;
    case STORE_DUPLICATE: c->duplicate++; break;
    case STORE_CONFLICT:
        if (other > 0)
            problem(im, row, -1, "%s, %s, %s%s%s repeats line %ld with different content", o.indicator,
                    o.source_area, o.period_label, comma, o.breakdown, other);
        else
            problem(im, row, -1, "%s, %s, %s%s%s appears twice with different content", o.indicator, o.source_area,
                    o.period_label, comma, o.breakdown);
        break;
    }
    return 0;
}

/* ---- the file ---- */

/* The SHA-256 of the rest of `f`, which is then rewound. */
static int stream_digest(FILE *f, const char *name, char hex[65], long *bytes, err *e)
{
    sha256_ctx c;
    sha256_init(&c);
    unsigned char buf[65536];
    size_t n;
    *bytes = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        sha256_update(&c, buf, n);
        *bytes += (long)n;
    }
    if (ferror(f))
        return err_set(e, ERR_IO, "%s: read error", name);
    rewind(f);
    sha256_final_hex(&c, hex);
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Reads the file in its format, each row to `sink`. */
static int read_with(importer *im, FILE *f, reader_sink sink, void *ctx, err *e)
{
    const import_options *o = im->o;
    const char *fmt = o->format;
    if (!fmt) {
        char head[512];
        size_t n = fread(head, 1, sizeof head - 1, f);
        head[n] = '\0';
        rewind(f);
        fmt = reader_sniff(head, n);
    }
    im->rep->format = fmt;
    if (!strcmp(fmt, "csv"))
        return reader_csv(f, im->name, o->map, sink, ctx, e);
    if (!strcmp(fmt, "xlsx"))
        return reader_xlsx(f, im->name, o->map, sink, ctx, e);
    if (strcmp(fmt, "json") && strcmp(fmt, "jsonstat"))
        return err_set(e, ERR_USAGE, "unknown format \"%s\" (csv, xlsx, json or jsonstat)", fmt);
    size_t len;
    char *text = text_read_all(f, im->name, IMPORT_MAX_JSON_BYTES, &len, e);
    if (!text)
        return e->code;
    int more_pages = 0;
    int rc = !strcmp(fmt, "json") ? reader_json(text, len, im->name, o->map, sink, ctx, &more_pages, e)
                                  : reader_jsonstat(text, len, im->name, o->map, sink, ctx, e);
    if (!rc && more_pages)
        add_note(im->rep, "the file is one page of an OData feed (it holds odata.nextLink): the rest of the "
                          "dataset is not in it; download every page");
    free(text);
    return rc;
}

static int read_rows(importer *im, FILE *f, err *e)
{
    const mapping *m = im->o->map;
    if (m->parts.column < 0)
        return read_with(im, f, accept_row, im, e);
    parts_joiner *j = parts_new(m, im->name, accept_row, im);
    if (!j)
        return err_set(e, ERR_NOMEM, "out of memory");
    int rc = read_with(im, f, parts_take, j, e);
    if (!rc)
        rc = parts_finish(j, e);
    if (!rc)
        add_note(im->rep, "joined %ld row%s into %ld observation%s by their \"%s\"", parts_rows(j),
                 parts_rows(j) == 1 ? "" : "s", parts_joined(j), parts_joined(j) == 1 ? "" : "s",
                 m->extra[m->parts.column].column);
    if (!rc && parts_left_out(j)) {
        im->rep->counts.read += parts_left_out(j);
        im->rep->counts.skipped += parts_left_out(j);
        add_note(im->rep, "skipped %ld observation%s whose every part is one the mapping ignores", parts_left_out(j),
                 parts_left_out(j) == 1 ? "" : "s");
    }
    parts_free(j);
    return rc;
}

static void start_rejects(importer *im)
{
    FILE *f = im->rejects;
    if (!f)
        return;
    fputs("line,problem", f);
    for (int fld = 0; fld < OBS_NFIELDS; fld++)
        fprintf(f, ",%s", obs_field_name(fld));
    fputc('\n', f);
}

int import_file(store *s, const import_options *o, import_report *report, err *e)
{
    memset(report, 0, sizeof *report);
    FILE *f = o->in ? o->in : fopen(o->path, "rb");
    if (!f)
        return err_set(e, ERR_IO, "%s: cannot open", o->path);
    char sha[65];
    long bytes = 0;
    int rc = stream_digest(f, o->path, sha, &bytes, e);
    importer im;
    memset(&im, 0, sizeof im);
    im.f = f;
    im.bytes = bytes;
    im.started_at = seconds_now();
    im.s = s;
    im.o = o;
    im.rep = report;
    im.name = o->path;
    im.rejects = o->rejects;
    int in_tx = 0;
    if (!rc && !(rc = store_begin(s, e)))
        in_tx = 1;
    /* The import is the file read by this mapping: read another way, it is a new
     * import, and the rows it reads differently supersede the old ones. */
    char map_sha[65], key[65];
    int mapped = mapping_fingerprint(o->map, map_sha);
    if (mapped) {
        sha256_ctx k;
        sha256_init(&k);
        sha256_update(&k, sha, 64);
        sha256_update(&k, map_sha, 64);
        sha256_final_hex(&k, key);
    } else {
        memcpy(key, sha, sizeof key);
    }
    if (!rc && (rc = store_find_batch(s, key, &report->batch, e)) == 1) {
        report->already_imported = 1;
        rc = 0;
        goto done;
    }
    if (!rc && (!(im.period_index = strmap_new()) || !(im.unknown_index = strmap_new()) ||
                !(im.unknown_codes = strmap_new())))
        rc = err_set(e, ERR_NOMEM, "out of memory");
    start_rejects(&im);
    if (!rc)
        rc = store_begin_batch(s, &(store_batch_start){base_name(o->path), key, o->format ? o->format : "auto", sha,
                                                       mapped ? map_sha : NULL}, &im.batch, e);
    if (!rc)
        rc = read_rows(&im, f, e);
    show_progress(&im, 1);
    if (!rc) {
        note_pairs(&im);
        finish_unknown(&im);
    }
    if (!rc && im.filtered)
        add_note(report, "left out %ld row%s, as the mapping's \"where\" and \"skip_where\" say", im.filtered,
                 im.filtered == 1 ? "" : "s");
    if (!rc && report->problems && !im.rejects)
        rc = err_set(e, ERR_INVALID, "%s: %ld problem%s; nothing was imported", o->path, report->problems,
                     report->problems == 1 ? "" : "s");
    if (!rc)
        rc = store_finish_batch(s, im.batch, &report->counts, e);
    if (!rc && im.rejects && (fflush(im.rejects) || ferror(im.rejects)))
        rc = err_set(e, ERR_IO, "%s: write error; nothing was imported", o->rejects_name ? o->rejects_name : "rejects");
    if (!rc)
        rc = store_commit(s, e);
    if (!rc)
        report->batch = im.batch;
    else
        report->batch = 0;
done:
    if (in_tx && (rc || report->already_imported))
        store_rollback(s);
    if (!o->in)
        fclose(f);
    strmap_free(im.period_index);
    strmap_free(im.unknown_index);
    strmap_free(im.unknown_codes);
    free(im.unknown);
    free(im.periods);
    free(im.arena);
    return rc;
}

int import_csv_text(store *s, const char *name, const char *text, size_t len, import_report *report, err *e)
{
    memset(report, 0, sizeof *report);
    FILE *in = len ? fmemopen((void *)text, len, "rb") : NULL;
    if (!in)
        return err_set(e, ERR_NOMEM, "%s: cannot read the text", name);
    mapping m;
    mapping_init(&m);
    import_options o = {0};
    o.path = name;
    o.in = in;
    o.format = "csv";
    o.map = &m;
    int rc = import_file(s, &o, report, e);
    mapping_release(&m);
    fclose(in);
    return rc;
}
