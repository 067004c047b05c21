/* report_xlsx.c - the scorecard as an .xlsx workbook: a comparison sheet (areas x
 * indicators, with ranks and spread from compare.c) and one sheet per area. Status cells
 * are filled with their colour and hold the word; values are stored as numbers, shown with
 * the decimals they were published with. Each sheet's rows are a named Excel table with
 * filter buttons on its header row; the title and header rows are frozen and repeated on
 * every printed page, which is landscape A4, one page wide. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "apr.h"
#include "compare.h"
#include "report.h"
#include "strmap.h"
#include "text.h"

#define MAX_DECIMALS 6
#define CELL_TEXT_MAX 32767 /* bytes kept of a text cell: Excel holds 32,767 characters */
#define HEADER_MAX 255      /* characters of a table column's name */
#define PAPER_A4 9          /* libxlsxwriter's paper code */

/* Names given out so far (sheets, tables), for uniqueness ignoring case. */
typedef struct names {
    char (*name)[LXW_MAX_SHEETNAME_LENGTH];
    size_t n;
} names;

typedef struct xlsx {
    lxw_workbook *wb;
    names tables; /* the tables' names: unique in the workbook */
    lxw_format *title, *header, *wrap;
    lxw_format *status[VOCAB_NCOLOURS];   /* by vocab_colour */
    lxw_format *number[MAX_DECIMALS + 2]; /* 0..MAX_DECIMALS decimals, then General */
    lxw_error failed;                     /* the first write error */
} xlsx;

/* fill and text colours by vocab_colour (grey, green, amber, red): light fills with dark
 * text, readable in print and on screen */
static const lxw_color_t FILL[VOCAB_NCOLOURS] = {0xE7E7E7, 0xC6EFCE, 0xFFEB9C, 0xFFC7CE};
static const lxw_color_t INK[VOCAB_NCOLOURS] = {0x404040, 0x006100, 0x7A4500, 0x9C0006};

/* The format showing the decimals of the published text ("12.30": 2), else General. */
static lxw_format *number_format(const xlsx *x, const char *text)
{
    if (!text || strpbrk(text, "eE"))
        return x->number[MAX_DECIMALS + 1];
    const char *dot = strchr(text, '.');
    size_t decimals = dot ? strspn(dot + 1, "0123456789") : 0;
    return x->number[decimals <= MAX_DECIMALS ? decimals : MAX_DECIMALS + 1];
}

static void note(xlsx *x, lxw_error rc)
{
    if (rc != LXW_NO_ERROR && x->failed == LXW_NO_ERROR)
        x->failed = rc;
}

static void put_text(xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *fmt)
{
    if (!s || !*s)
        return;
    size_t n = strlen(s);
    if (n <= CELL_TEXT_MAX) {
        note(x, worksheet_write_string(ws, row, col, s, fmt));
        return;
    }
    /* cut on a character boundary */
    while (n > CELL_TEXT_MAX || ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    char *cut = malloc(n + 1);
    if (!cut) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    memcpy(cut, s, n);
    cut[n] = 0;
    note(x, worksheet_write_string(ws, row, col, cut, fmt));
    free(cut);
}

/* NaN (no value) leaves the cell empty. */
static void put_number(xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v, lxw_format *fmt)
{
    if (!isnan(v) && !isinf(v))
        note(x, worksheet_write_number(ws, row, col, v, fmt));
}

static void put_status(xlsx *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, vocab_colour colour)
{
    put_text(x, ws, row, col, vocab_colour_name(colour), x->status[colour]);
}

/* ---- sheet names ---- */

/* Valid and unique sheet names: at most 31 characters, none of []:*?/\, not starting or
 * ending with an apostrophe, unique ignoring case, and not Excel's reserved "History". */

static int same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca = (unsigned char)(ca - 'A' + 'a');
        if (cb >= 'A' && cb <= 'Z')
            cb = (unsigned char)(cb - 'A' + 'a');
        if (ca != cb)
            return 0;
    }
    return *a == *b;
}

static int listed(const names *ns, const char *s)
{
    for (size_t i = 0; i < ns->n; i++)
        if (same_name(ns->name[i], s))
            return 1;
    return 0;
}

static int name_taken(const names *ns, const char *s)
{
    return same_name(s, "History") || listed(ns, s);
}

/* Copies at most `chars` characters of `s` into `out`; returns the bytes copied. */
static size_t cut_chars(char *out, const char *s, size_t chars)
{
    size_t o = 0, count = 0;
    for (size_t i = 0; s[i]; i++) {
        int lead = ((unsigned char)s[i] & 0xC0) != 0x80;
        if (lead && count++ == chars)
            break;
        out[o++] = s[i];
    }
    out[o] = 0;
    return o;
}

/* As cut_chars, dropping trailing spaces and apostrophes. */
static void copy_chars(char *out, const char *s, size_t chars)
{
    size_t o = cut_chars(out, s, chars);
    while (o && (out[o - 1] == ' ' || out[o - 1] == '\''))
        o--;
    out[o] = 0;
}

static const char *sheet_name(names *ns, const char *wanted, const char *fallback)
{
    char clean[LXW_MAX_SHEETNAME_LENGTH * 4];
    size_t o = 0;
    const char *s = wanted && *wanted ? wanted : fallback;
    while (*s == '\'' || *s == ' ')
        s++;
    for (; *s && o + 1 < sizeof clean; s++)
        clean[o++] = strchr("[]:*?/\\", *s) || (unsigned char)*s < 0x20 ? '_' : *s;
    clean[o] = 0;
    char *slot = ns->name[ns->n];
    copy_chars(slot, clean, LXW_SHEETNAME_MAX);
    if (!*slot)
        copy_chars(slot, "Area", LXW_SHEETNAME_MAX);
    for (int k = 2; name_taken(ns, slot); k++) {
        char suffix[16], base[LXW_MAX_SHEETNAME_LENGTH];
        snprintf(suffix, sizeof suffix, " (%d)", k);
        copy_chars(base, clean[0] ? clean : "Area", LXW_SHEETNAME_MAX - strlen(suffix));
        snprintf(slot, LXW_MAX_SHEETNAME_LENGTH, "%s%s", base, suffix);
    }
    ns->n++;
    return slot;
}

/* ---- tables ---- */

static int ascii_letter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Would Excel read `s` as a cell reference ("AB12", "R1C1", "R", "C12")? Such a name is refused. */
static int cell_like(const char *s)
{
    size_t letters = 0;
    while (ascii_letter(s[letters]))
        letters++;
    if (letters && letters <= 3 && s[letters] && strspn(s + letters, "0123456789") == strlen(s + letters))
        return 1;
    const char *p = s;
    if (*p == 'R' || *p == 'r')
        for (p++; ascii_digit(*p); p++)
            ;
    if (*p == 'C' || *p == 'c')
        for (p++; ascii_digit(*p); p++)
            ;
    return p != s && !*p;
}

/* An Excel table name derived from the sheet's: letters, digits, underscores and full stops
 * (any other character, spaces included, becomes one underscore), starting with a letter or
 * an underscore, never read as a cell reference, unique in the workbook ignoring case. Sheet
 * names are at most 31 characters, so the name stays far below Excel's 255. */
static const char *table_name(names *ns, const char *sheet)
{
    char base[LXW_MAX_SHEETNAME_LENGTH] = "_";
    size_t o = 1;
    for (const char *c = sheet; *c && o + 1 < sizeof base; c++) {
        if (((unsigned char)*c & 0xC0) == 0x80)
            continue; /* a character beyond ASCII is one underscore, from its lead byte */
        char k = ascii_letter(*c) || ascii_digit(*c) || *c == '.' ? *c : '_';
        if (k != '_' || base[o - 1] != '_')
            base[o++] = k;
    }
    while (o > 1 && base[o - 1] == '_')
        o--;
    base[o] = 0;
    /* the leading underscore stays only where the name needs it */
    const char *name = !base[1] ? "Table" : ascii_letter(base[1]) && !cell_like(base + 1) ? base + 1 : base;
    char *slot = ns->name[ns->n];
    snprintf(slot, LXW_MAX_SHEETNAME_LENGTH, "%s", name);
    for (int k = 2; listed(ns, slot); k++)
        snprintf(slot, LXW_MAX_SHEETNAME_LENGTH, "%s_%d", name, k);
    ns->n++;
    return slot;
}

/* The name of table column `c`: `wanted` cut to HEADER_MAX characters, "Column N" when empty,
 * made unique in its table ignoring case (Excel repairs a table whose columns share a name). */
static char *column_name(strmap *seen, const char *wanted, size_t c)
{
    char base[HEADER_MAX * 4 + 1], name[sizeof base + 24], key[sizeof name];
    if (wanted && *wanted)
        cut_chars(base, wanted, HEADER_MAX);
    else
        snprintf(base, sizeof base, "Column %zu", c + 1);
    snprintf(name, sizeof name, "%s", base);
    for (int k = 2;; k++) {
        size_t n = 0;
        for (; name[n]; n++)
            key[n] = ascii_letter(name[n]) ? (char)(name[n] | 0x20) : name[n];
        key[n] = 0;
        int dummy;
        if (!strmap_get(seen, key, &dummy))
            break;
        char suffix[24];
        snprintf(suffix, sizeof suffix, " (%d)", k);
        cut_chars(name, base, HEADER_MAX - strlen(suffix));
        strcat(name, suffix);
    }
    return strmap_put(seen, key, 1) ? NULL : strdup(name);
}

/* Row 1 holds `cols`; the rows after it, to `last_row`, are the sheet's data. Makes them a
 * named Excel table, whose own autofilter puts filter buttons on the header (a separate
 * autofilter on the same range would conflict with it), with no table style: the status
 * fills are the sheet's colours. Freezes the title and header rows (and `freeze_cols`
 * columns), repeats them on every printed page, and prints landscape, one page wide. */
static void sheet_table(xlsx *x, lxw_worksheet *ws, const char *sheet, const char *const *cols, size_t ncols,
                        lxw_row_t last_row, lxw_col_t freeze_cols)
{
    lxw_table_column *col = calloc(ncols ? ncols : 1, sizeof *col);
    lxw_table_column **list = calloc(ncols + 1, sizeof *list);
    strmap *seen = strmap_new();
    size_t made = 0;
    for (; col && list && seen && made < ncols; made++) {
        if (!(col[made].header = column_name(seen, cols[made], made)))
            break;
        col[made].header_format = x->header;
        list[made] = &col[made];
        put_text(x, ws, 1, (lxw_col_t)made, col[made].header, x->header);
    }
    if (made < ncols) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    } else if (ncols && last_row > 1) {
        lxw_table_options opt = {.name = (char *)table_name(&x->tables, sheet),
                                 .columns = list,
                                 .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
                                 .style_type_number = 0};
        note(x, worksheet_add_table(ws, 1, 0, last_row, (lxw_col_t)(ncols - 1), &opt));
    }
    for (size_t c = 0; col && c < made; c++)
        free(col[c].header);
    free(col);
    free(list);
    strmap_free(seen);
    worksheet_freeze_panes(ws, 2, freeze_cols);
    note(x, worksheet_repeat_rows(ws, 0, 1));
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, PAPER_A4);
    worksheet_fit_to_pages(ws, 1, 0); /* one page wide, as many long as it takes */
}

/* ---- the sheets ---- */

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

static void sheet_title(xlsx *x, lxw_worksheet *ws, const result_set *r, const char *what)
{
    const framework *f = r->framework;
    char title[1024];
    snprintf(title, sizeof title, "%s%s%s %s: %s, period %s", what ? what : "", what ? " - " : "", f->id,
             or_empty(f->version), f->title ? f->title : f->id, r->period);
    put_text(x, ws, 0, 0, title, x->title);
}

static void comparison_sheet(xlsx *x, lxw_worksheet *ws, const compare_matrix *m)
{
    const result_set *r = m->r;
    const framework *f = r->framework;
    sheet_title(x, ws, r, "Comparison");
    lxw_col_t first_ind = (lxw_col_t)(3 + f->nout);
    size_t ncols = first_ind + 3 * f->nind;
    char **cols = calloc(ncols, sizeof *cols);
    if (!cols) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    static const char *const fixed[] = {"Area code", "Area", "Overall"};
    for (size_t c = 0; c < 3; c++)
        cols[c] = (char *)fixed[c];
    for (size_t o = 0; o < f->nout; o++)
        cols[3 + o] = f->out[o].id;
    for (size_t i = 0; i < f->nind; i++) {
        static const char *const part[] = {"status", "value", "rank"};
        for (int k = 0; k < 3; k++)
            if (!(cols[first_ind + 3 * i + (size_t)k] = text_printf_dup("%s %s", f->ind[i].id, part[k])))
                note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    sheet_table(x, ws, ws->name, (const char *const *)cols, ncols, (lxw_row_t)(1 + m->nareas), 2);
    for (size_t c = first_ind; c < ncols; c++)
        free(cols[c]);
    free(cols);
    for (size_t a = 0; a < m->nareas; a++) {
        const res_area *ra = m->areas[a];
        lxw_row_t row = (lxw_row_t)(2 + a);
        put_text(x, ws, row, 0, ra->code, NULL);
        put_text(x, ws, row, 1, ra->name, NULL);
        put_status(x, ws, row, 2, ra->colour);
        for (size_t o = 0; o < f->nout; o++)
            put_status(x, ws, row, (lxw_col_t)(3 + o), ra->outcomes[o].colour);
        for (size_t i = 0; i < f->nind; i++) {
            const compare_cell *c = compare_at(m, a, i);
            lxw_col_t col = (lxw_col_t)(first_ind + 3 * i);
            put_status(x, ws, row, col, c->x->colour);
            put_number(x, ws, row, col + 1, c->x->value, number_format(x, c->x->value_text));
            if (c->rank)
                put_number(x, ws, row, col + 2, c->rank, x->number[0]);
        }
    }
    /* the spread of each indicator, under its value column */
    lxw_row_t foot = (lxw_row_t)(3 + m->nareas);
    static const char *const rows[] = {"Highest", "Lowest", "Highest / lowest", "Areas ranked"};
    for (int k = 0; k < 4; k++)
        put_text(x, ws, foot + (lxw_row_t)k, 1, rows[k], x->header);
    for (size_t i = 0; i < f->nind; i++) {
        const compare_spread *sp = &m->spread[i];
        lxw_col_t col = (lxw_col_t)(first_ind + 3 * i + 1);
        if (sp->n) {
            put_number(x, ws, foot, col, sp->highest,
                       number_format(x, m->areas[sp->highest_at]->indicators[i].value_text));
            put_number(x, ws, foot + 1, col, sp->lowest,
                       number_format(x, m->areas[sp->lowest_at]->indicators[i].value_text));
        }
        put_number(x, ws, foot + 2, col, sp->ratio, x->number[2]);
        put_number(x, ws, foot + 3, col, (double)m->nranked[i], x->number[0]);
    }
    note(x, worksheet_set_column(ws, 0, 0, 12, NULL));
    note(x, worksheet_set_column(ws, 1, 1, 30, NULL));
    note(x, worksheet_set_column(ws, 2, first_ind - 1, 9, NULL));
    if (f->nind)
        note(x, worksheet_set_column(ws, first_ind, (lxw_col_t)(first_ind + 3 * f->nind - 1), 11, NULL));
}

/* The result's flags for readers (an unconfirmed definition is the designers' business: `check`). */
static void flags_text(const res_indicator *v, char *buf, size_t cap)
{
    buf[0] = 0;
    const char *names_[] = {v->provisional ? "provisional" : NULL, v->revised ? "revised" : NULL,
                            v->derived ? "derived" : NULL, v->approximate ? "approximate_geography" : NULL};
    for (size_t k = 0; k < sizeof names_ / sizeof *names_; k++)
        if (names_[k])
            snprintf(buf + strlen(buf), cap - strlen(buf), "%s%s", buf[0] ? " " : "", names_[k]);
}

static void area_sheet(xlsx *x, lxw_worksheet *ws, const compare_matrix *m, size_t a)
{
    const result_set *r = m->r;
    const framework *f = r->framework;
    const res_area *ra = m->areas[a];
    char text[512];
    snprintf(text, sizeof text, "%s (%s)", ra->name, ra->code);
    sheet_title(x, ws, r, text);
    static const char *const cols[] = {"Kind",   "ID",        "Title",     "Status",     "Assessment", "Value",
                                       "Unit",   "Period",    "Lower CI",  "Upper CI",   "Comparator", "Comparator of", "Rank",
                                       "Ranked", "Polarity",  "Flags",     "Method",     "Reason"};
    lxw_row_t row = 2;
    put_text(x, ws, row, 0, "overall", NULL);
    put_text(x, ws, row, 1, ra->code, NULL);
    put_text(x, ws, row, 2, ra->name, x->wrap);
    put_status(x, ws, row, 3, ra->colour);
    put_text(x, ws, row, 16, "rollup", NULL);
    put_text(x, ws, row, 17, ra->reason, x->wrap);
    for (size_t o = 0; o < f->nout; o++) {
        row++;
        put_text(x, ws, row, 0, "outcome", NULL);
        put_text(x, ws, row, 1, f->out[o].id, NULL);
        put_text(x, ws, row, 2, f->out[o].title, x->wrap);
        put_status(x, ws, row, 3, ra->outcomes[o].colour);
        put_text(x, ws, row, 16, "rollup", NULL);
        put_text(x, ws, row, 17, ra->outcomes[o].reason, x->wrap);
    }
    for (size_t i = 0; i < f->nind; i++) {
        const compare_cell *c = compare_at(m, a, i);
        const res_indicator *v = c->x;
        lxw_format *num = number_format(x, v->value_text);
        row++;
        put_text(x, ws, row, 0, "indicator", NULL);
        put_text(x, ws, row, 1, f->ind[i].id, NULL);
        put_text(x, ws, row, 2, f->ind[i].title, x->wrap);
        put_status(x, ws, row, 3, v->colour);
        put_text(x, ws, row, 4, v->assessment, NULL);
        put_number(x, ws, row, 5, v->value, num);
        put_text(x, ws, row, 6, f->ind[i].unit, NULL);
        put_text(x, ws, row, 7, v->period, NULL);
        put_number(x, ws, row, 8, c->lower_ci, x->number[MAX_DECIMALS + 1]);
        put_number(x, ws, row, 9, c->upper_ci, x->number[MAX_DECIMALS + 1]);
        put_number(x, ws, row, 10, v->comparator, x->number[MAX_DECIMALS + 1]);
        if (!isnan(v->comparator)) /* what the number is: an area (named), a target, a baseline */
            put_text(x, ws, row, 11,
                     v->comparator_kind == CMP_AREA && v->comparator_name ? v->comparator_name
                     : v->comparator_kind == CMP_AREA && v->comparator_area ? v->comparator_area
                                                                            : vocab_comparator_name(v->comparator_kind),
                     NULL);
        if (c->rank)
            put_number(x, ws, row, 12, c->rank, x->number[0]);
        put_number(x, ws, row, 13, (double)m->nranked[i], x->number[0]);
        put_text(x, ws, row, 14, polarity_name(f->ind[i].polarity), NULL);
        flags_text(v, text, sizeof text);
        put_text(x, ws, row, 15, text, NULL);
        put_text(x, ws, row, 16, v->method, NULL);
        put_text(x, ws, row, 17, v->reason, x->wrap);
    }
    note(x, worksheet_set_column(ws, 0, 0, 10, NULL));
    note(x, worksheet_set_column(ws, 1, 1, 14, NULL));
    note(x, worksheet_set_column(ws, 2, 2, 45, NULL));
    note(x, worksheet_set_column(ws, 3, 14, 11, NULL));
    note(x, worksheet_set_column(ws, 15, 16, 16, NULL));
    note(x, worksheet_set_column(ws, 17, 17, 70, NULL));
    sheet_table(x, ws, ws->name, cols, sizeof cols / sizeof *cols, row, 2);
}

static void make_formats(xlsx *x)
{
    x->title = workbook_add_format(x->wb);
    format_set_bold(x->title);
    format_set_font_size(x->title, 13);
    x->header = workbook_add_format(x->wb);
    format_set_bold(x->header);
    format_set_bottom(x->header, LXW_BORDER_THIN);
    format_set_bg_color(x->header, 0xF2F2F2);
    format_set_pattern(x->header, LXW_PATTERN_SOLID);
    x->wrap = workbook_add_format(x->wb);
    format_set_text_wrap(x->wrap);
    format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
    for (int k = 0; k < 4; k++) {
        lxw_format *s = x->status[k] = workbook_add_format(x->wb);
        format_set_pattern(s, LXW_PATTERN_SOLID);
        format_set_bg_color(s, FILL[k]);
        format_set_font_color(s, INK[k]);
        format_set_bold(s);
    }
    for (int d = 0; d <= MAX_DECIMALS + 1; d++) {
        char pattern[16] = "0";
        if (d > 0 && d <= MAX_DECIMALS) {
            strcat(pattern, ".");
            for (int k = 0; k < d; k++)
                strcat(pattern, "0");
        }
        x->number[d] = workbook_add_format(x->wb);
        format_set_num_format(x->number[d], d <= MAX_DECIMALS ? pattern : "General");
    }
}

/* Creates the workbook at `path`, has `fill` add its sheets, and writes it: the
 * file is removed when any write failed, so none is left half made. */
typedef void (*sheets_fn)(xlsx *x, names *ns, const result_set *r, const void *ctx);

static int write_workbook(const char *path, const result_set *r, sheets_fn fill, const void *ctx, err *e)
{
    /* a sheet and a table a sheet: every area's, and the comparison */
    names ns = {calloc(r->nareas + 2, sizeof *ns.name), 0};
    xlsx x = {.tables = {calloc(r->nareas + 2, sizeof *x.tables.name), 0}};
    int have_memory = ns.name && x.tables.name;
    x.wb = have_memory ? workbook_new(path) : NULL;
    if (!x.wb) {
        free(ns.name);
        free(x.tables.name);
        return have_memory ? err_set(e, ERR_IO, "%s: cannot create the workbook", path)
                           : err_set(e, ERR_NOMEM, "out of memory");
    }
    const framework *f = r->framework;
    lxw_doc_properties props = {0};
    props.title = f->title ? f->title : f->id;
    char subject[256];
    snprintf(subject, sizeof subject, "%s %s, period %s", f->id, or_empty(f->version), r->period);
    props.subject = subject;
    note(&x, workbook_set_properties(x.wb, &props));
    make_formats(&x);
    fill(&x, &ns, r, ctx);
    lxw_error failed = x.failed;
    lxw_error closed = workbook_close(x.wb); /* writes the file and frees the workbook */
    free(ns.name);
    free(x.tables.name);
    if (failed != LXW_NO_ERROR) {
        remove(path);
        return err_set(e, ERR_IO, "%s: writing the workbook failed: %s", path, lxw_strerror(failed));
    }
    if (closed != LXW_NO_ERROR)
        return err_set(e, ERR_IO, "%s: cannot write the workbook: %s", path, lxw_strerror(closed));
    return 0;
}

/* A new sheet, or NULL with the failure noted. */
static lxw_worksheet *add_sheet(xlsx *x, names *ns, const char *wanted, const char *fallback)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, sheet_name(ns, wanted, fallback));
    if (!ws)
        note(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
    return ws;
}

static void scorecard_sheets(xlsx *x, names *ns, const result_set *r, const void *ctx)
{
    const compare_matrix *m = ctx;
    lxw_worksheet *ws = add_sheet(x, ns, "Comparison", NULL);
    if (ws)
        comparison_sheet(x, ws, m);
    for (size_t a = 0; ws && a < r->nareas; a++)
        if ((ws = add_sheet(x, ns, r->areas[a].name, r->areas[a].code)))
            area_sheet(x, ws, m, a);
}

int report_xlsx(const char *path, const result_set *r, err *e)
{
    compare_matrix *m = NULL;
    if (compare_matrix_new(r, NULL, 0, &m, e))
        return e->code;
    int rc = write_workbook(path, r, scorecard_sheets, m, e);
    compare_matrix_free(m);
    return rc;
}

/* ---- the Annual Performance Report table ---- */

static void apr_sheet(xlsx *x, lxw_worksheet *ws, const apr_table *t)
{
    const result_set *r = t->r;
    const framework *f = r->framework;
    char text[512];
    snprintf(text, sizeof text, "Annual performance report - %s (%s)", t->area->name, t->area->code);
    sheet_title(x, ws, r, text);
    const char *cols[4 + APR_YEARS + 2] = {"ID", "Title", "Unit", "Figures for"};
    for (int k = 0; k < APR_YEARS; k++)
        cols[4 + k] = t->year[k];
    cols[4 + APR_YEARS] = "Status";
    cols[5 + APR_YEARS] = "Notes";
    lxw_row_t row = 2;
    for (size_t i = 0; i < t->nrows; i++) {
        const apr_row *ar = &t->rows[i];
        const fw_indicator *fi = &f->ind[ar->ind];
        const res_indicator *v = &t->area->indicators[ar->ind];
        const char *cmp = v->history_cmp_name ? v->history_cmp_name : v->history_cmp_area;
        for (int who = 0; who < (cmp ? 2 : 1); who++, row++) {
            put_text(x, ws, row, 0, fi->id, NULL);
            put_text(x, ws, row, 1, fi->title, x->wrap);
            put_text(x, ws, row, 2, fi->unit, NULL);
            put_text(x, ws, row, 3, who ? cmp : t->area->name, NULL);
            for (int k = 0; k < APR_YEARS; k++) {
                const res_history_point *p = ar->year[k];
                if (p)
                    put_number(x, ws, row, (lxw_col_t)(4 + k), who ? p->comparator : p->value,
                               x->number[MAX_DECIMALS + 1]);
            }
            if (!who) {
                put_status(x, ws, row, 4 + APR_YEARS, v->colour);
                put_text(x, ws, row, 5 + APR_YEARS, ar->notes, x->wrap);
            }
        }
    }
    note(x, worksheet_set_column(ws, 0, 0, 10, NULL));
    note(x, worksheet_set_column(ws, 1, 1, 45, NULL));
    note(x, worksheet_set_column(ws, 2, 2, 14, NULL));
    note(x, worksheet_set_column(ws, 3, 3, 18, NULL));
    note(x, worksheet_set_column(ws, 4, 4 + APR_YEARS, 10, NULL));
    note(x, worksheet_set_column(ws, 5 + APR_YEARS, 5 + APR_YEARS, 70, NULL));
    sheet_table(x, ws, ws->name, cols, 6 + APR_YEARS, row - 1, 1);
}

typedef struct apr_sheets {
    apr_table *tables; /* one per area */
} apr_sheets;

static void apr_sheets_fill(xlsx *x, names *ns, const result_set *r, const void *ctx)
{
    const apr_sheets *s = ctx;
    for (size_t a = 0; a < r->nareas; a++) {
        lxw_worksheet *ws = add_sheet(x, ns, r->areas[a].name, r->areas[a].code);
        if (!ws)
            return;
        apr_sheet(x, ws, &s->tables[a]);
    }
}

int report_xlsx_apr(const char *path, const result_set *r, err *e)
{
    /* every table first: an error (a framework that is not annual) leaves no file */
    apr_sheets s = {calloc(r->nareas ? r->nareas : 1, sizeof *s.tables)};
    if (!s.tables)
        return err_set(e, ERR_NOMEM, "out of memory");
    int rc = 0;
    size_t built = 0;
    for (; !rc && built < r->nareas; built++)
        if ((rc = apr_build(r, built, &s.tables[built], e)))
            break;
    if (!rc)
        rc = write_workbook(path, r, apr_sheets_fill, &s, e);
    for (size_t a = 0; a < built; a++)
        apr_free(&s.tables[a]);
    free(s.tables);
    return rc;
}
