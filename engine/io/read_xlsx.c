/*
 * read_xlsx.c - one sheet of an Excel workbook (Office Open XML, .xlsx) to
 * observation rows, through the same layout as CSV.
 *
 * A workbook is a zip archive of XML parts: xl/workbook.xml names the sheets,
 * xl/_rels/workbook.xml.rels says which part holds each, xl/sharedStrings.xml
 * holds the text of cells that share it, xl/styles.xml says which cells are
 * dates, and each sheet lists its rows and cells. libzip reads the archive and
 * expat parses each part as a stream, a chunk at a time, so memory is bounded
 * by the longest row and the shared strings (both capped), never by the sheet.
 *
 * Cells become text as a person reading the sheet would see them: shared and
 * inline strings as written (Excel's _xHHHH_ escapes decoded), numbers to 15
 * significant digits (12.300000000000001 is 12.3, as Excel shows it), a date
 * cell as YYYY-MM-DD, or as "Apr 2023" when its format shows no day, so a
 * month keeps meaning a month. Rows are the sheet's own row numbers: the
 * header is row `header_rows` (1 by default), the rows above it are titles
 * and notes, and errors name the cell (`Table 3!C14`). Cells right of the
 * header's last named column, and rows with no cell filled, are not read.
 */
#include <expat.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "csv.h"
#include "grow.h"
#include "layout.h"
#include "reader.h"
#include "text.h"

#define XLSX_CHUNK 65536
#define XLSX_MAX_SHARED_BYTES (64u << 20)    /* text of the shared strings, all together */
#define XLSX_MAX_SHARED 4000000              /* shared strings */
#define XLSX_MAX_PART_BYTES (4096LL << 20)   /* decompressed bytes of one part: a zip bomb stops here */
#define XLSX_MAX_BUFFERED (256L << 20)       /* a workbook read from memory, not a file */
#define XLSX_MAX_STYLES 65536
#define XLSX_MAX_ROWS 1048576 /* Excel's own limits */
#define XLSX_MAX_COLUMNS 16384

/* ---- the parts ---- */

typedef struct xlsx {
    zip_t *zip;
    const char *name;
    err *e;
    int failed; /* a handler set an error: the parse stops */

    /* the workbook */
    char sheet_part[512]; /* the part of the sheet wanted */
    const char *want;     /* its name, or NULL for the first */
    char sheet_name[256];
    char sheet_rid[64];
    char sheets_seen[400]; /* for "no sheet named X (sheets: ...)" */
    int date1904;

    /* shared strings */
    char *sst_text;
    size_t sst_len, sst_cap;
    size_t *sst_off;
    size_t nsst, sst_off_cap;
    int in_si, in_t, in_rph;

    /* styles: which cell formats are dates, and whether they show the day */
    unsigned char *xf_date; /* per xf index: 0 not a date, 1 a day, 2 a month */
    size_t nxf, xf_cap;
    int in_cellxfs;
    struct custom_fmt {
        int id;
        unsigned char kind;
    } *fmts;
    size_t nfmts, fmts_cap;
    int fmts_sorted;
} xlsx;

/* The local part of an expat name ("http://...main|row" is "row"). */
static const char *local(const char *name)
{
    const char *bar = strrchr(name, '|');
    return bar ? bar + 1 : name;
}

static const char *attr(const char **atts, const char *want)
{
    for (int i = 0; atts[i]; i += 2)
        if (!strcmp(local(atts[i]), want))
            return atts[i + 1];
    return NULL;
}

/* Sets the reader's error once, naming the file, and returns `code`. */
static int fail(xlsx *x, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail(xlsx *x, int code, const char *fmt, ...)
{
    if (!x->failed) {
        char msg[400];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        err_set(x->e, code, "%s: %s", x->name, msg);
        x->failed = code;
    }
    return code;
}

/* Streams part `path` through a parser with these handlers. Returns 0, 1 when
 * the part is absent and `required` is 0, or an error. */
static int parse_part(xlsx *x, const char *path, int required, XML_StartElementHandler start,
                      XML_EndElementHandler end, XML_CharacterDataHandler text, void *ud)
{
    zip_int64_t idx = zip_name_locate(x->zip, path, 0);
    if (idx < 0)
        return required ? fail(x, ERR_PARSE, "not a workbook this engine can read: no %s", path) : 1;
    zip_file_t *zf = zip_fopen_index(x->zip, (zip_uint64_t)idx, 0);
    XML_Parser p = XML_ParserCreateNS(NULL, '|');
    char *buf = malloc(XLSX_CHUNK);
    int rc = 0;
    if (!zf || !p || !buf)
        rc = !zf ? fail(x, ERR_PARSE, "%s: %s", path, zip_strerror(x->zip)) : fail(x, ERR_NOMEM, "out of memory");
    if (!rc) {
        XML_SetUserData(p, ud);
        XML_SetElementHandler(p, start, end);
        XML_SetCharacterDataHandler(p, text);
    }
    long long total = 0;
    while (!rc) {
        zip_int64_t n = zip_fread(zf, buf, XLSX_CHUNK);
        if (n < 0) {
            rc = fail(x, ERR_PARSE, "%s: %s", path, zip_file_strerror(zf));
            break;
        }
        if ((total += n) > XLSX_MAX_PART_BYTES) {
            rc = fail(x, ERR_LIMIT, "%s decompresses to more than 4 GiB", path);
            break;
        }
        if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
            if (!x->failed) {
                char where[64];
                snprintf(where, sizeof where, "line %lu", (unsigned long)XML_GetCurrentLineNumber(p));
                err_set(x->e, ERR_PARSE, "%s: %s, %s: malformed XML: %s", x->name, path, where,
                        XML_ErrorString(XML_GetErrorCode(p)));
                x->failed = ERR_PARSE;
            }
            rc = x->failed;
            break;
        }
        if (x->failed) {
            rc = x->failed;
            break;
        }
        if (n == 0)
            break;
    }
    free(buf);
    if (p)
        XML_ParserFree(p);
    if (zf)
        zip_fclose(zf);
    return rc;
}

/* ---- workbook.xml: the sheets ---- */

static void workbook_start(void *ud, const char *el, const char **atts)
{
    xlsx *x = ud;
    const char *n = local(el);
    if (!strcmp(n, "workbookPr")) {
        const char *d = attr(atts, "date1904");
        x->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
    } else if (!strcmp(n, "sheet")) {
        const char *name = attr(atts, "name"), *rid = attr(atts, "id");
        if (!name || !rid)
            return;
        size_t len = strlen(x->sheets_seen);
        if (len + strlen(name) + 8 < sizeof x->sheets_seen)
            snprintf(x->sheets_seen + len, sizeof x->sheets_seen - len, "%s\"%s\"", len ? ", " : "", name);
        if (!x->sheet_rid[0] && (!x->want || !strcmp(x->want, name))) {
            snprintf(x->sheet_name, sizeof x->sheet_name, "%s", name);
            snprintf(x->sheet_rid, sizeof x->sheet_rid, "%s", rid);
        }
    }
}

static void no_end(void *ud, const char *el)
{
    (void)ud, (void)el;
}

static void no_text(void *ud, const char *s, int len)
{
    (void)ud, (void)s, (void)len;
}

static void rels_start(void *ud, const char *el, const char **atts)
{
    xlsx *x = ud;
    if (strcmp(local(el), "Relationship"))
        return;
    const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
    if (!id || !target || strcmp(id, x->sheet_rid))
        return;
    if (target[0] == '/') /* absolute within the package */
        snprintf(x->sheet_part, sizeof x->sheet_part, "%s", target + 1);
    else
        snprintf(x->sheet_part, sizeof x->sheet_part, "xl/%s", target);
}

/* Excel writes characters XML cannot hold as _xHHHH_; decodes them in place. */
static size_t decode_escapes(char *s, size_t n)
{
    size_t r = 0, w = 0;
    while (r < n) {
        unsigned v = 0;
        int ok = r + 7 <= n && s[r] == '_' && s[r + 1] == 'x' && s[r + 6] == '_';
        for (int k = 2; ok && k < 6; k++) {
            char c = s[r + k];
            int h = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            ok = h >= 0;
            v = v * 16 + (unsigned)(h < 0 ? 0 : h);
        }
        if (ok && v < 0x80 && v > 0) { /* control characters; the import cleans them */
            s[w++] = (char)v;
            r += 7;
        } else {
            s[w++] = s[r++];
        }
    }
    return w;
}

/* ---- sharedStrings.xml ---- */

/* Appends text to the shared strings' arena. */
static void sst_append(xlsx *x, const char *s, size_t n)
{
    if (x->failed)
        return;
    if (x->sst_len + n + 1 > XLSX_MAX_SHARED_BYTES) {
        fail(x, ERR_LIMIT, "the shared strings hold more than 64 MiB of text");
        return;
    }
    if (grow(&x->sst_text, &x->sst_cap, x->sst_len + n + 1, 1, 65536)) {
        fail(x, ERR_NOMEM, "out of memory");
        return;
    }
    memcpy(x->sst_text + x->sst_len, s, n);
    x->sst_len += n;
}

static void sst_start(void *ud, const char *el, const char **atts)
{
    (void)atts;
    xlsx *x = ud;
    const char *n = local(el);
    if (!strcmp(n, "si")) {
        if (x->nsst == XLSX_MAX_SHARED) {
            fail(x, ERR_LIMIT, "more than 4,000,000 shared strings");
            return;
        }
        if (grow(&x->sst_off, &x->sst_off_cap, x->nsst + 1, sizeof *x->sst_off, 1024)) {
            fail(x, ERR_NOMEM, "out of memory");
            return;
        }
        x->sst_off[x->nsst++] = x->sst_len;
        x->in_si = 1;
    } else if (!strcmp(n, "rPh")) {
        x->in_rph = 1; /* a phonetic reading, not the cell's text */
    } else if (!strcmp(n, "t") && x->in_si && !x->in_rph) {
        x->in_t = 1;
    }
}

static void sst_end(void *ud, const char *el)
{
    xlsx *x = ud;
    const char *n = local(el);
    if (!strcmp(n, "si")) {
        if (x->nsst && !x->failed && x->sst_len > x->sst_off[x->nsst - 1]) { /* _xHHHH_, as in inline strings */
            size_t start = x->sst_off[x->nsst - 1];
            x->sst_len = start + decode_escapes(x->sst_text + start, x->sst_len - start);
        }
        sst_append(x, "", 1); /* the string's NUL */
        x->in_si = 0;
    } else if (!strcmp(n, "rPh")) {
        x->in_rph = 0;
    } else if (!strcmp(n, "t")) {
        x->in_t = 0;
    }
}

static void sst_text(void *ud, const char *s, int len)
{
    xlsx *x = ud;
    if (x->in_t)
        sst_append(x, s, (size_t)len);
}

/* ---- styles.xml: date formats ---- */

/* 0 not a date, 1 a date with its day, 2 a month (no day): Excel's built-in
 * date formats 14-17 and 22 (18-21 and 45-47 are times of day), or a format
 * code with date letters outside quotes, brackets and escapes. A code with
 * hours or seconds and no day or year is a time ([h]:mm, mm:ss). */
static unsigned char builtin_date(int id)
{
    if (id == 17)
        return 2; /* mmm-yy */
    return (id >= 14 && id <= 16) || id == 22 ? 1 : 0;
}

static unsigned char code_kind(const char *code)
{
    int day = 0, year = 0, month = 0, clock = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            if (p[1])
                p++;
        } else if (*p == '[') { /* a colour or locale, or elapsed time: [h], [mm], [ss] */
            if (strchr("hHmMsS", p[1]) && p[1])
                clock = 1;
            while (p[1] && p[1] != ']')
                p++;
        } else if (*p == '\\' && p[1]) {
            p++;
        } else if (*p == 'd' || *p == 'D') {
            day = 1;
        } else if (*p == 'y' || *p == 'Y') {
            year = 1;
        } else if (*p == 'm' || *p == 'M') {
            month = 1;
        } else if (*p == 'h' || *p == 'H' || *p == 's' || *p == 'S') {
            clock = 1;
        }
    }
    if (day)
        return 1;
    if (year || (month && !clock))
        return 2;
    return 0;
}

static int by_format_id(const void *a, const void *b)
{
    int x = ((const struct custom_fmt *)a)->id, y = ((const struct custom_fmt *)b)->id;
    return (x > y) - (x < y);
}

static void styles_start(void *ud, const char *el, const char **atts)
{
    xlsx *x = ud;
    const char *n = local(el);
    if (!strcmp(n, "numFmt")) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        if (!id || !code || x->nfmts >= XLSX_MAX_STYLES || x->fmts_sorted) /* the schema puts them first */
            return;
        if (grow(&x->fmts, &x->fmts_cap, x->nfmts + 1, sizeof *x->fmts, 16)) {
            fail(x, ERR_NOMEM, "out of memory");
            return;
        }
        x->fmts[x->nfmts++] = (struct custom_fmt){atoi(id), code_kind(code)};
    } else if (!strcmp(n, "cellXfs")) {
        x->in_cellxfs = 1;
    } else if (!strcmp(n, "xf") && x->in_cellxfs) {
        if (x->nxf >= XLSX_MAX_STYLES)
            return;
        if (grow(&x->xf_date, &x->xf_cap, x->nxf + 1, 1, 64)) {
            fail(x, ERR_NOMEM, "out of memory");
            return;
        }
        if (!x->fmts_sorted) { /* numFmts come before cellXfs: sorted once, searched per xf */
            if (x->nfmts)
                qsort(x->fmts, x->nfmts, sizeof *x->fmts, by_format_id);
            x->fmts_sorted = 1;
        }
        const char *id = attr(atts, "numFmtId");
        struct custom_fmt key = {id ? atoi(id) : 0, 0};
        const struct custom_fmt *custom = x->nfmts ? bsearch(&key, x->fmts, x->nfmts, sizeof *x->fmts, by_format_id) : NULL;
        x->xf_date[x->nxf++] = custom ? custom->kind : builtin_date(key.id);
    }
}

static void styles_end(void *ud, const char *el)
{
    xlsx *x = ud;
    if (!strcmp(local(el), "cellXfs"))
        x->in_cellxfs = 0;
}

/* ---- the sheet ---- */

typedef struct sheet {
    xlsx *x;
    const mapping *m;
    reader_sink sink;
    void *ctx;
    layout *lay;
    long header_row;  /* 0: no header */
    size_t width;     /* columns the header names; 0 until known */

    long row;         /* the row being read (the sheet's number) */
    long last_row;
    char *text;       /* this row's cell texts, NUL-separated */
    size_t text_len, text_cap;
    struct cell {
        int col;
        size_t off;
    } *cells;
    size_t ncells, cells_cap;
    const char **record; /* the row as the layout takes it */
    size_t record_cap;

    /* the cell being read */
    int in_row, in_cell, in_value, in_is_t, in_rph;
    int col, next_col;
    char type[12];
    int style;
    size_t value_off;
} sheet;

static int sheet_put(sheet *sh, const char *s, size_t n)
{
    if (sh->text_len + n + 1 > CSV_MAX_RECORD_BYTES)
        return fail(sh->x, ERR_LIMIT, "%s: a row holds more than 1 MiB of text", sh->x->sheet_name);
    if (grow(&sh->text, &sh->text_cap, sh->text_len + n + 1, 1, 4096))
        return fail(sh->x, ERR_NOMEM, "out of memory");
    memcpy(sh->text + sh->text_len, s, n);
    sh->text_len += n;
    return 0;
}

/* "C14" -> column 2 (0-based); -1 when not a cell reference. */
static int column_of(const char *ref)
{
    long c = 0;
    int letters = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ref++, letters++)
        if ((c = c * 26 + (*ref - 'A' + 1)) > XLSX_MAX_COLUMNS)
            return -1;
    return letters ? (int)c - 1 : -1;
}

/* Days from 1970-01-01 to a civil date, and back (Howard Hinnant's algorithms). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A date cell's serial number as text: YYYY-MM-DD, or "Apr 2023" for a
 * format without the day. Serial 60 is Excel's 29 February 1900, a day that
 * never was: it and serials before it are one day off, as Excel counts. */
static void date_text(double serial, int date1904, unsigned char kind, char *out, size_t cap)
{
    static const char *const MON[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    long days = (long)floor(serial);
    /* 1900 system: day 25569 is 1970-01-01; 1904 system: day 24107 */
    long from_epoch = date1904 ? days - 24107 : days > 60 ? days - 25569 : days - 25568;
    int y, m, d;
    civil_from_days(from_epoch, &y, &m, &d);
    if (kind == 2)
        snprintf(out, cap, "%s %04d", MON[m - 1], y);
    else
        snprintf(out, cap, "%04d-%02d-%02d", y, m, d);
}

/* The cell's text, now its value is read, turned to what a reader sees. */
static int finish_cell(sheet *sh)
{
    xlsx *x = sh->x;
    err_assert(sh->value_off <= sh->text_len); /* a cell's text starts within the row's */
    char *raw = sh->text + sh->value_off;
    size_t n = sh->text_len - sh->value_off;
    raw[n] = '\0'; /* room was made for it when the cell ended */
    char made[64];
    const char *use = NULL;
    if (!strcmp(sh->type, "s") && n == 0) {
        use = ""; /* <c t="s"/>: a styled empty cell */
    } else if (!strcmp(sh->type, "s")) {
        char *end;
        long k = strtol(raw, &end, 10);
        if (end == raw || k < 0 || (size_t)k >= x->nsst) {
            char ref[16];
            text_cell_name(sh->col, sh->row, ref, sizeof ref);
            return fail(x, ERR_PARSE, "%s!%s: no such shared string", x->sheet_name, ref);
        }
        use = x->sst_text + x->sst_off[k];
    } else if (!strcmp(sh->type, "b")) {
        use = n && raw[0] == '1' ? "TRUE" : "FALSE";
    } else if (!strcmp(sh->type, "inlineStr") || !strcmp(sh->type, "str") || !strcmp(sh->type, "e")) {
        n = decode_escapes(raw, n);
    } else if (!strcmp(sh->type, "d")) {
        n = n > 10 ? 10 : n; /* an ISO 8601 date-time: its date */
    } else if (n) { /* a number, shown as Excel shows it, or a date */
        char *end;
        double v = strtod(raw, &end);
        unsigned char kind = sh->style >= 0 && (size_t)sh->style < x->nxf ? x->xf_date[sh->style] : 0;
        if (end != raw && *end == '\0' && isfinite(v)) {
            if (kind && v >= 1 && v < (x->date1904 ? 2957004 : 2958466)) /* up to 9999-12-31 */
                date_text(v, x->date1904, kind, made, sizeof made);
            else
                snprintf(made, sizeof made, "%.15g", v);
            use = made;
        }
    }
    sh->text_len = sh->value_off;
    if (use)
        return sheet_put(sh, use, strlen(use) + 1);
    raw[n] = '\0';
    sh->text_len += n + 1;
    return 0;
}

static void free_record_space(sheet *sh)
{
    free(sh->text);
    free(sh->cells);
    free(sh->record);
}

/* Hands the row to the layout with as many cells as it reads, the ones the
 * sheet left out empty. */
static int layout_record_padded(sheet *sh, size_t width)
{
    size_t need = layout_width(sh->lay);
    if (sh->width)
        width = sh->width;
    if (need > width) {
        if (need > sh->record_cap) {
            const char **more = realloc(sh->record, need * sizeof *more);
            if (!more)
                return fail(sh->x, ERR_NOMEM, "out of memory");
            sh->record = more;
            sh->record_cap = need;
        }
        for (size_t i = width; i < need; i++)
            sh->record[i] = "";
        width = need;
    }
    return layout_record(sh->lay, sh->record, width, sh->row, sh->x->sheet_name, sh->sink, sh->ctx, sh->x->e);
}

/* The row is read: the header, a data row for the layout, or a title above the header. */
static int finish_row(sheet *sh)
{
    xlsx *x = sh->x;
    size_t width = sh->width;
    if (!width) { /* the header row, or the widest row when there is none */
        for (size_t i = 0; i < sh->ncells; i++)
            if ((size_t)sh->cells[i].col + 1 > width && sh->text[sh->cells[i].off])
                width = (size_t)sh->cells[i].col + 1;
    }
    if (width > sh->record_cap) {
        free(sh->record);
        if (!(sh->record = malloc(width * sizeof *sh->record)))
            return sh->record_cap = 0, fail(x, ERR_NOMEM, "out of memory");
        sh->record_cap = width;
    }
    int filled = 0;
    for (size_t i = 0; i < width; i++)
        sh->record[i] = "";
    for (size_t i = 0; i < sh->ncells; i++)
        if ((size_t)sh->cells[i].col < width) {
            sh->record[sh->cells[i].col] = sh->text + sh->cells[i].off;
            filled |= sh->text[sh->cells[i].off] != '\0';
        }
    int rc = 0;
    if (sh->m->header_with && !sh->lay && filled && mapping_is_header(sh->m, sh->record, width))
        sh->header_row = sh->row; /* found by its content */
    if (sh->row == sh->header_row) {
        if (!filled)
            return fail(x, ERR_PARSE, "sheet \"%s\" has nothing in row %ld, the header row (header_rows)",
                        x->sheet_name, sh->row);
        sh->width = width;
        rc = layout_plan(sh->record, width, sh->m, x->name, &sh->lay, x->e);
    } else if (sh->row > sh->header_row && filled && !(sh->m->header_with && !sh->lay)) {
        if (!sh->lay && !sh->header_row)
            rc = layout_plan(NULL, 0, sh->m, x->name, &sh->lay, x->e);
        if (!rc && !sh->lay)
            return fail(x, ERR_PARSE, "sheet \"%s\" has no row %ld, the header row (header_rows)", x->sheet_name,
                        sh->header_row);
        if (!rc) /* empty trailing cells are not in the file: they read as empty */
            rc = layout_record_padded(sh, width);
    }
    if (rc && !x->failed)
        x->failed = rc;
    return rc;
}

static void sheet_start(void *ud, const char *el, const char **atts)
{
    sheet *sh = ud;
    xlsx *x = sh->x;
    if (x->failed)
        return;
    const char *n = local(el);
    if ((!strcmp(n, "row") || !strcmp(n, "c")) && sh->in_cell) {
        fail(x, ERR_PARSE, "sheet \"%s\", row %ld: a <%s> inside a cell", x->sheet_name, sh->row, n);
        return;
    }
    if (!strcmp(n, "row")) {
        const char *r = attr(atts, "r");
        char *end = NULL;
        long row = r ? strtol(r, &end, 10) : sh->last_row + 1;
        if ((r && (end == r || *end)) || row < 1 || row > XLSX_MAX_ROWS) {
            fail(x, ERR_PARSE, "sheet \"%s\": row number \"%s\" is not one from 1 to 1048576", x->sheet_name,
                 r ? r : "?");
            return;
        }
        if (row <= sh->last_row) {
            fail(x, ERR_PARSE, "sheet \"%s\": row %ld comes after row %ld", x->sheet_name, row, sh->last_row);
            return;
        }
        sh->row = row;
        sh->text_len = sh->ncells = 0;
        sh->next_col = 0;
        sh->in_row = 1;
    } else if (!strcmp(n, "c")) {
        if (!sh->in_row) {
            fail(x, ERR_PARSE, "sheet \"%s\": a cell outside any row", x->sheet_name);
            return;
        }
        const char *r = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
        sh->col = r ? column_of(r) : sh->next_col;
        if (sh->col < 0) {
            fail(x, ERR_PARSE, "sheet \"%s\": cell reference \"%s\" is not one", x->sheet_name, r);
            return;
        }
        sh->next_col = sh->col + 1;
        snprintf(sh->type, sizeof sh->type, "%s", t ? t : "n");
        sh->style = s ? atoi(s) : -1;
        sh->in_cell = 1;
        sh->value_off = sh->text_len;
    } else if (sh->in_cell && !strcmp(n, "v")) {
        sh->in_value = 1;
    } else if (sh->in_cell && !strcmp(n, "rPh")) {
        sh->in_rph = 1;
    } else if (sh->in_cell && !strcmp(n, "t") && !sh->in_rph) {
        sh->in_is_t = 1;
    }
}

static void sheet_end(void *ud, const char *el)
{
    sheet *sh = ud;
    xlsx *x = sh->x;
    if (x->failed)
        return;
    const char *n = local(el);
    if (!strcmp(n, "v")) {
        sh->in_value = 0;
    } else if (!strcmp(n, "t")) {
        sh->in_is_t = 0;
    } else if (!strcmp(n, "rPh")) {
        sh->in_rph = 0;
    } else if (!strcmp(n, "c") && sh->in_cell) {
        sh->in_cell = 0;
        if (sheet_put(sh, "", 0) || finish_cell(sh))
            return;
        if (grow(&sh->cells, &sh->cells_cap, sh->ncells + 1, sizeof *sh->cells, 64)) {
            fail(x, ERR_NOMEM, "out of memory");
            return;
        }
        if (sh->col >= CSV_MAX_FIELDS) { /* far right of any table: a note, not read */
            sh->text_len = sh->value_off;
            return;
        }
        sh->cells[sh->ncells++] = (struct cell){sh->col, sh->value_off};
    } else if (!strcmp(n, "row") && sh->in_row) {
        sh->in_row = 0;
        finish_row(sh);
        sh->last_row = sh->row;
    }
}

static void sheet_text(void *ud, const char *s, int len)
{
    sheet *sh = ud;
    if (!sh->x->failed && sh->in_cell && (sh->in_value || sh->in_is_t))
        sheet_put(sh, s, (size_t)len);
}

/* ---- the archive ---- */

/* A zip source over the caller's FILE, which stays the caller's: libzip closes
 * what it is given, so it gets a duplicate; a stream with no descriptor (in
 * memory) is read into a buffer. */
static zip_t *open_archive(FILE *f, const char *name, void **buffer, err *e)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = NULL;
    *buffer = NULL;
    int fd = fileno(f);
    FILE *copy = fd >= 0 ? fdopen(dup(fd), "rb") : NULL;
    if (copy) {
        src = zip_source_filep_create(copy, 0, -1, &ze);
        if (!src)
            fclose(copy);
    } else {
        size_t len = 0;
        char *text = text_read_all(f, name, XLSX_MAX_BUFFERED, &len, e);
        if (!text)
            return NULL;
        *buffer = text;
        src = zip_source_buffer_create(text, len, 0, &ze);
    }
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!z) {
        if (src)
            zip_source_free(src);
        err_set(e, ERR_PARSE, "%s: not a workbook this engine can read: %s", name, zip_error_strerror(&ze));
        free(*buffer);
        *buffer = NULL;
    }
    zip_error_fini(&ze);
    return z;
}

int reader_xlsx(FILE *f, const char *name, const mapping *m, reader_sink sink, void *ctx, err *e)
{
    void *buffer;
    zip_t *z = open_archive(f, name, &buffer, e);
    if (!z)
        return e->code ? e->code : ERR_PARSE;
    xlsx x;
    memset(&x, 0, sizeof x);
    x.zip = z;
    x.name = name;
    x.e = e;
    x.want = m->sheet;
    int rc = parse_part(&x, "xl/workbook.xml", 1, workbook_start, no_end, no_text, &x);
    if (!rc && !x.sheet_rid[0])
        rc = x.want ? fail(&x, ERR_USAGE, "no sheet named \"%s\" (sheets: %s)", x.want, x.sheets_seen)
                    : fail(&x, ERR_PARSE, "the workbook has no sheets");
    if (!rc)
        rc = parse_part(&x, "xl/_rels/workbook.xml.rels", 1, rels_start, no_end, no_text, &x);
    if (!rc && !x.sheet_part[0])
        rc = fail(&x, ERR_PARSE, "sheet \"%s\" has no part in the workbook's relationships", x.sheet_name);
    if (!rc && (rc = parse_part(&x, "xl/sharedStrings.xml", 0, sst_start, sst_end, sst_text, &x)) == 1)
        rc = 0;
    if (!rc && (rc = parse_part(&x, "xl/styles.xml", 0, styles_start, styles_end, no_text, &x)) == 1)
        rc = 0;
    sheet sh;
    memset(&sh, 0, sizeof sh);
    sh.x = &x;
    sh.m = m;
    sh.sink = sink;
    sh.ctx = ctx;
    sh.header_row = m->header_with ? -1 : m->header_rows; /* -1: not found yet */
    if (!rc)
        rc = parse_part(&x, x.sheet_part, 1, sheet_start, sheet_end, sheet_text, &sh);
    if (!rc && m->header_with && !sh.lay)
        rc = fail(&x, ERR_PARSE, "sheet \"%s\" has no row with a cell \"%s\" (header_row_with)", x.sheet_name,
                  m->header_with);
    else if (!rc && sh.header_row && !sh.lay)
        rc = fail(&x, ERR_PARSE, "sheet \"%s\" ends before its header row", x.sheet_name);
    layout_free(sh.lay);
    free_record_space(&sh);
    free(x.sst_text), free(x.sst_off), free(x.xf_date), free(x.fmts);
    zip_discard(z);
    free(buffer);
    return rc;
}
