/* import.c - checking rows from any reader and writing them in one transaction. */
#include "import.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "grow.h"
#include "reader.h"
#include "sha256.h"
#include "strmap.h"
#include "text.h"

#define PROGRESS_EVERY 100000

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
    char *text[OBS_NFIELDS]; /* this row's trimmed field texts; NULL when absent */
    char *arena;             /* storage for text[] */
    size_t arena_cap;
} importer;

/* ---- the row's text, after mapping ---- */

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
    if (grow(&im->arena, &im->arena_cap, need, 1, 4096))
        return err_set(e, ERR_NOMEM, "out of memory");
    char *p = im->arena;
    for (int f = 0; f < OBS_NFIELDS; f++) {
        if (!src[f]) {
            im->text[f] = NULL;
            continue;
        }
        /* Text is cleaned as it comes in (text.h): a note carrying ESC or CR must not
         * reach a terminal or a spreadsheet later. Printable ASCII, the usual case,
         * is copied as it is. */
        size_t n = strlen(src[f]);
        size_t k = 0;
        while (k < n && (unsigned char)src[f][k] >= 0x20 && (unsigned char)src[f][k] < 0x7F)
            k++;
        if (k == n)
            memcpy(p, src[f], n + 1);
        else
            text_clean_into(p, 3 * n + 1, src[f], n);
        im->text[f] = text_trim(p);
        p += 3 * n + 1;
    }
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

static int problem(importer *im, const obs_text *row, int fld, const char *fmt, ...)
{
    char what[400], place[160], msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);

    if (row->line > 0)
        snprintf(place, sizeof place, "%s:%ld", im->name, row->line);
    else
        snprintf(place, sizeof place, "%s: %s", im->name, row->where ? row->where : "?");
    if (fld < 0)
        snprintf(msg, sizeof msg, "%s: %s", place, what);
    else if (im->o->map->fixed[fld])
        snprintf(msg, sizeof msg, "%s: --set %s: %s", place, obs_field_name(fld), what);
    else
        snprintf(msg, sizeof msg, "%s: %s \"%s\": %s", place, row->line > 0 ? "column" : "field",
                 row->column[fld] ? row->column[fld] : obs_field_name(fld), what);

    import_report *r = im->rep;
    r->problems++;
    if (r->listed < IMPORT_MAX_LISTED)
        snprintf(r->problem[r->listed++], sizeof r->problem[0], "%s", msg);
    r->counts.rejected++;
    write_rejected(im, row, what);
    return 0;
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
    int bad = period_parse(label, im->o->map->quarters, &p, &ignored);
    if (!bad) {
        if (grow(&im->periods, &im->periods_cap, im->nperiods + 1, sizeof *im->periods, 16))
            return err_set(e, ERR_NOMEM, "out of memory");
        im->periods[im->nperiods] = p;
        i = (int)im->nperiods++;
        *out = p;
    } else {
        i = -1;
    }
    if (strmap_put(im->period_index, label, i) < 0)
        return err_set(e, ERR_NOMEM, "out of memory");
    return bad ? ERR_PARSE : 0;
}

/* Turns the row's text into a checked observation; returns 1 when the row has
 * a problem (already recorded), 0 when `o` is ready, or an error. */
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
        return problem(im, row, OBS_AREA, "unknown area code \"%s\" (see scorecard areas)", t[OBS_AREA]), 1;

    o->period_label = t[OBS_PERIOD];
    rc = lookup_period(im, t[OBS_PERIOD], &o->period, e);
    if (rc == ERR_PARSE)
        return problem(im, row, OBS_PERIOD, "\"%s\" is not a period notation this engine knows", t[OBS_PERIOD]), 1;
    if (rc)
        return rc;

    int has_status = t[OBS_STATUS] && *t[OBS_STATUS];
    obs_status given = OBS_OK;
    if (has_status && obs_status_parse(t[OBS_STATUS], &given) && !mapping_is_marker(im->o->map, t[OBS_STATUS], &given))
        return problem(im, row, OBS_STATUS, "\"%s\" is not a status (ok, provisional, revised, suppressed, missing, "
                       "or a marker such as NA or *)", t[OBS_STATUS]), 1;

    /* A row without a value takes its status from the markers in it; a suppressed
     * count suppresses what is derived from it, so suppressed wins over missing. */
    static const int numeric[] = {OBS_VALUE, OBS_NUMERATOR, OBS_DENOMINATOR, OBS_LOWER_CI, OBS_UPPER_CI};
    double *slot[] = {&o->value, &o->numerator, &o->denominator, &o->lower_ci, &o->upper_ci};
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
    if (o->lower_ci > o->upper_ci)
        return problem(im, row, OBS_LOWER_CI, "%g is above upper_ci %g (are the columns swapped?)", o->lower_ci,
                       o->upper_ci), 1;
    if (t[OBS_SERIES_BREAK] && read_flag(t[OBS_SERIES_BREAK], &o->series_break))
        return problem(im, row, OBS_SERIES_BREAK, "\"%s\" is not yes or no", t[OBS_SERIES_BREAK]), 1;
    o->breakdown = t[OBS_BREAKDOWN] ? t[OBS_BREAKDOWN] : "";
    o->note = t[OBS_NOTE] && *t[OBS_NOTE] ? t[OBS_NOTE] : NULL;
    return 0;
}

static void show_progress(importer *im, int last)
{
    if (!im->o->progress)
        return;
    if (last || im->rep->counts.read % PROGRESS_EVERY == 0)
        fprintf(stderr, "\r%s: %lld rows read%s", im->name, im->rep->counts.read, last ? "\n" : "");
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
    obs o;
    rc = check_row(im, row, &o, e);
    if (rc)
        return rc < 0 ? rc : 0;
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
            problem(im, row, -1, "%s, %s, %s repeats line %ld with different content", o.indicator, o.source_area,
                    o.period_label, other);
        else
            problem(im, row, -1, "%s, %s, %s appears twice with different content", o.indicator, o.source_area,
                    o.period_label);
        break;
    }
    return 0;
}

/* ---- the file ---- */

/* The SHA-256 of the rest of `f`, which is then rewound. */
static int stream_digest(FILE *f, const char *name, char hex[65], err *e)
{
    sha256_ctx c;
    sha256_init(&c);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sha256_update(&c, buf, n);
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

static int read_rows(importer *im, FILE *f, err *e)
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
        return reader_csv(f, im->name, o->map, accept_row, im, e);
    if (strcmp(fmt, "json") && strcmp(fmt, "jsonstat"))
        return err_set(e, ERR_USAGE, "unknown format \"%s\" (csv, json or jsonstat)", fmt);
    size_t len;
    char *text = text_read_all(f, im->name, IMPORT_MAX_JSON_BYTES, &len, e);
    if (!text)
        return e->code;
    int rc = !strcmp(fmt, "json") ? reader_json(text, len, im->name, o->map, accept_row, im, e)
                                  : reader_jsonstat(text, len, im->name, o->map, accept_row, im, e);
    free(text);
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
    int rc = stream_digest(f, o->path, sha, e);
    importer im;
    memset(&im, 0, sizeof im);
    im.s = s;
    im.o = o;
    im.rep = report;
    im.name = o->path;
    im.rejects = o->rejects;
    int in_tx = 0;
    if (!rc && !(rc = store_begin(s, e)))
        in_tx = 1;
    if (!rc && (rc = store_find_batch(s, sha, &report->batch, e)) == 1) {
        report->already_imported = 1;
        rc = 0;
        goto done;
    }
    if (!rc && !(im.period_index = strmap_new()))
        rc = err_set(e, ERR_NOMEM, "out of memory");
    start_rejects(&im);
    if (!rc)
        rc = store_begin_batch(s, base_name(o->path), sha, o->format ? o->format : "auto", &im.batch, e);
    if (!rc)
        rc = read_rows(&im, f, e);
    show_progress(&im, 1);
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
