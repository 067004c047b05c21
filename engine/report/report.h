/*
 * report.h - writers: one output format each, reading the result model and
 * never computing. The JSON layout is documented in docs/scorecard.md and is
 * stable: fields are added, never renamed or removed.
 */
#ifndef SCORECARD_REPORT_H
#define SCORECARD_REPORT_H

#include <stdio.h>

#include "compare.h"
#include "error.h"
#include "result.h"

int report_json(FILE *out, const result_set *r, err *e);
/* `colour`: use ANSI colours (the caller decides: a terminal, and no NO_COLOR). */
/* `width`: the terminal's columns, lines wrapped to fit (0: no limit, as for a
 * file or a pipe); `colour`: ANSI colours on the status words. */
int report_text(FILE *out, const result_set *r, int colour, int width, err *e);

/* The terminal escape that colours a status word (report_text, report_compare);
 * "" when `on` is 0 (not a terminal, or NO_COLOR). */
const char *report_ansi(vocab_colour colour, int on);

/* ---- numbers and words as every writer shows them (report_format.c) ---- */

/* `v` with `dec` decimal places, or to 6 significant digits when `dec` is
 * negative (no decimals known) or the number is too large for places. */
void report_number(char *buf, size_t cap, double v, int dec);
/* The places indicator `i`'s figures are shown with (result_set.decimals). */
int report_decimals(const result_set *r, size_t i);
/* A result's value as shown: as published, unless the indicator is shown with
 * other places (declared, or another area's), then the number with those, in
 * `buf`. NULL when it has neither a value nor a text. */
const char *report_value(char *buf, size_t cap, const res_indicator *x, int dec);
/* A word of the engine's vocabulary as a reader reads it (vocab_words, else its
 * underscores as spaces), capitalised when `cap`: a copy to free; NULL when `s`
 * is NULL or out of memory. */
char *report_words_dup(const char *s, int cap);
/* One row per area and indicator, then outcome and overall rows. */
int report_csv(FILE *out, const result_set *r, err *e);
/* A workbook: one sheet per area and a comparison sheet (a file, not a stream). */
int report_xlsx(const char *path, const result_set *r, err *e);
/* One self-contained page: inline CSS and SVG, no network (docs/html.md). */
int report_html(FILE *out, const result_set *r, err *e);
/* A published site's pages (scorecard publish), each path relative to the site's
 * folder: the page of each area of `r`, and each framework indicator's
 * comparison page. */
typedef struct report_site {
    const char *const *areas;      /* r->nareas paths: "areas/CODE.html" */
    const char *const *indicators; /* f->nind paths: "compare/ID.html" */
} report_site;

/* A code or id as a file name and an HTML id: letters, digits and '-' kept,
 * anything else (and anything past 64 bytes) as '_' followed by "_" and
 * `index`, so distinct codes at distinct indexes never share a name. */
#define REPORT_SLUG_MAX 96 /* the room report_slug needs */
void report_slug(const char *key, size_t index, char *out, size_t cap);
/* The index of a site: each area's overall status, its outcomes' and the count of
 * its indicators of each colour, linked to its page. */
int report_html_index(FILE *out, const result_set *r, const report_site *site, err *e);
/* Area `a`'s own page: its scorecard, each indicator linked to its comparison page. */
int report_html_area(FILE *out, const result_set *r, size_t a, const report_site *site, err *e);
/* Indicator `i` across every area: its chart and a table of the areas, each
 * row the target of "#area-SLUG" (report_slug of the code), highlighted when reached so. */
int report_html_compare(FILE *out, const result_set *r, size_t i, const report_site *site, err *e);
/* The comparisons' index: a link per indicator, and the area by indicator matrix. */
int report_html_compare_index(FILE *out, const result_set *r, const report_site *site, err *e);

/* The Annual Performance Report table (apr.h) of every area: the reporting
 * year and the five before it, each area beside its comparator, with notes.
 * report_apr writes text, csv or json; the others HTML and a workbook. */
int report_apr(FILE *out, const result_set *r, const char *format, err *e);
int report_html_apr(FILE *out, const result_set *r, err *e);
int report_xlsx_apr(const char *path, const result_set *r, err *e);

/* The comparison matrix in `format` (text, csv, json or html); `colour` for text on a terminal. */
int report_compare(FILE *out, const compare_matrix *m, const compare_scope *scope, const char *format, int colour,
                   err *e);

#endif
