/*
 * apr.h - the Annual Performance Report table: each indicator over the
 * reporting year and the five years before it, the area beside its comparator.
 *
 * Scottish partnerships must compare "the reporting year and the 5 preceding
 * reporting years" in their annual performance reports (the Public Bodies
 * (Joint Working) (Content of Performance Reports) (Scotland) Regulations
 * 2014, SSI 2014/326, regulation 3(a)(iii)); the statutory guidance (2016,
 * paragraph 5.3) applies it to the core suite of integration indicators, and
 * partnerships set Scotland beside each year. The table is read out of a run's
 * results: each history point goes to the reporting year containing its last
 * day, so a calendar year standing in for a financial year (NI-12 to NI-16,
 * on PHS's instruction) sits in that financial year's column and is named in
 * the row's notes, as is a year not comparable with those before it. Nothing
 * here prints; report_apr.c writes the table in each format.
 */
#ifndef SCORECARD_APR_H
#define SCORECARD_APR_H

#include <stddef.h>

#include "error.h"
#include "result.h"

#define APR_YEARS 6 /* the reporting year and the five before it */

typedef struct apr_row {
    size_t ind;                              /* index into the framework's indicators */
    const res_history_point *year[APR_YEARS]; /* oldest first; NULL: no figure that year */
    char *notes;                             /* the reader's notes on the figures; NULL when none */
} apr_row;

typedef struct apr_table {
    const result_set *r; /* borrowed */
    const res_area *area;
    char year[APR_YEARS][24]; /* the years' labels, oldest first; the last is the reporting year */
    const char *comparator;   /* the comparator's name (or code) when every row has the same one; else NULL */
    apr_row *rows;            /* one per reported indicator, in the framework's order */
    size_t nrows;
} apr_table;

/* 0 when framework `f` reports by year (fy or calendar_year), so the table can
 * be made; else ERR_USAGE, saying why. */
int apr_framework_ok(const framework *f, err *e);

/* The table for area `a` of `r`, whose framework reports by year
 * (apr_framework_ok). Free with apr_free. */
int apr_build(const result_set *r, size_t a, apr_table *out, err *e);
void apr_free(apr_table *t);

#endif
