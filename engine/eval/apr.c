/* apr.c - the Annual Performance Report table, read out of a run's results. */
#include "apr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "period.h"

/* A YYYY-MM-DD text as YYYYMMDD. */
static int day_of(const char *iso)
{
    int y = 0, m = 0, d = 0;
    sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
    return y * 10000 + m * 100 + d;
}

/* Can a figure for a period of this type stand for a year? A quarter, month or
 * week counts only part of one, so it never does; a count date (a census
 * day) is the year's stock. */
static int counts_a_year(int type)
{
    return type != PERIOD_FY_QUARTER && type != PERIOD_CALENDAR_QUARTER && type != PERIOD_MONTH &&
           type != PERIOD_WEEK;
}

/* Puts each history point in the reporting year that contains its last day;
 * where two fall in one year, the one of the framework's own period type
 * wins, then the later (a financial year over the calendar year inside it). */
static void place_points(const res_indicator *x, period_type pt, const int *start, const int *end,
                         const res_history_point **year)
{
    for (size_t h = 0; h < x->nhistory; h++) {
        const res_history_point *p = &x->history[h];
        if (!counts_a_year(p->type))
            continue;
        for (int k = 0; k < APR_YEARS; k++)
            if (p->end >= start[k] && p->end <= end[k]) {
                if (!year[k] || (int)pt == p->type || year[k]->type != (int)pt)
                    year[k] = p;
                break;
            }
    }
}

/* A period type as a note names it ("a calendar year"). */
static const char *type_words(int type)
{
    switch (type) {
    case PERIOD_FY: return "a financial year";
    case PERIOD_CALENDAR_YEAR: return "a calendar year";
    case PERIOD_POOLED_FY: return "financial years pooled";
    case PERIOD_POOLED_YEARS: return "calendar years pooled";
    case PERIOD_SURVEY_WAVE: return "a survey year";
    case PERIOD_SCHOOL_YEAR: return "a school year";
    case PERIOD_FY_QUARTER: case PERIOD_CALENDAR_QUARTER: return "a quarter";
    case PERIOD_MONTH: return "a month";
    case PERIOD_WEEK: return "a week";
    default: return "a count date";
    }
}

/* The reader's notes: a stand-in period, a break, provisional figures, and
 * why an indicator has no figures at all. */
static int row_notes(const apr_table *t, const res_indicator *x, apr_row *row, period_type pt, err *e)
{
    char *notes = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&notes, &len);
    if (!m)
        return err_set(e, ERR_NOMEM, "out of memory");
    const char *sep = "";
    int earlier = 0;
    for (int k = 0; k < APR_YEARS; k++) {
        const res_history_point *p = row->year[k];
        if (!p)
            continue;
        if (p->type != (int)pt) {
            fprintf(m, "%s%s (%s) stands in for %s.", sep, p->period, type_words(p->type), t->year[k]);
            sep = " ";
        }
        if (p->series_break && earlier) {
            fprintf(m, "%sFigures from %s are not comparable with earlier years.", sep, t->year[k]);
            sep = " ";
        }
        if (p->provisional) {
            fprintf(m, "%s%s is provisional.", sep, p->period);
            sep = " ";
        }
        earlier = 1;
    }
    if (x->status == STATUS_NOT_REPORTED && x->reason)
        fprintf(m, "%s%s", sep, x->reason);
    if (fclose(m)) {
        free(notes);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    if (*notes)
        row->notes = notes;
    else
        free(notes);
    return 0;
}

int apr_framework_ok(const framework *f, err *e)
{
    period_type pt = f->period_type;
    if (pt != PERIOD_FY && pt != PERIOD_CALENDAR_YEAR)
        return err_set(e, ERR_USAGE, "the annual performance report compares years: framework %s reports by %s",
                       f->id, period_type_name(pt));
    return 0;
}

int apr_build(const result_set *r, size_t a, apr_table *t, err *e)
{
    memset(t, 0, sizeof *t);
    const framework *f = r->framework;
    period_type pt = f->period_type;
    err_assert(a < r->nareas);
    int rc = apr_framework_ok(f, e);
    if (rc)
        return rc;
    t->r = r;
    t->area = &r->areas[a];
    int start[APR_YEARS], end[APR_YEARS];
    int last = day_of(r->period_end);
    for (int k = 0; k < APR_YEARS; k++)
        period_containing(pt, period_add_months(last, -12 * (APR_YEARS - 1 - k)), t->year[k], sizeof t->year[k],
                          &start[k], &end[k]);
    if (!(t->rows = calloc(f->nind ? f->nind : 1, sizeof *t->rows)))
        return err_set(e, ERR_NOMEM, "out of memory");
    const char *cmp = NULL;
    int same_cmp = 1;
    for (size_t i = 0; i < f->nind; i++) {
        const res_indicator *x = &t->area->indicators[i];
        apr_row *row = &t->rows[t->nrows++];
        row->ind = i;
        place_points(x, pt, start, end, row->year);
        if ((rc = row_notes(t, x, row, pt, e))) {
            apr_free(t);
            return rc;
        }
        const char *c = x->history_cmp_name ? x->history_cmp_name : x->history_cmp_area;
        if (c && cmp && strcmp(c, cmp))
            same_cmp = 0;
        if (c && !cmp)
            cmp = c;
    }
    t->comparator = same_cmp ? cmp : NULL;
    return 0;
}

void apr_free(apr_table *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i].notes);
    free(t->rows);
    memset(t, 0, sizeof *t);
}
