/*
 * period.h - reading the period labels publishers print.
 *
 * A label such as `2022/23`, `2023/24 Q2`, `2018-22` or ScotPHO's
 * `2020/21 to 2022/23 financial years; 3-year aggregates` becomes a type, a
 * first and last day and a number of units, so that periods written in
 * different notations order and compare correctly. The label itself is kept
 * by the caller: it is what the scorecard shows. A label this parser cannot
 * place is an error, never a guess. The ambiguities are resolved by rule, and
 * the one rule that publishers disagree on is the caller's to choose:
 *  - `YYYY-NN` (glued) is a month when NN cannot end a range (`2023-06`,
 *    `2012-04`);
 *  - `YYYY-NN` where NN is the next year (`2022-23`) is the financial year
 *    2022/23, as NHS Digital, ASCOF and StatsWales write it; a publisher who
 *    means the calendar years 2022 and 2023 pooled is named in the import
 *    mapping (`year_pairs`, YEAR_PAIRS_POOLED), and the period says it was read
 *    by that convention;
 *  - any other `YYYY-NN` (`2001-05`, `2018-22`), and `YYYY - NN` with spaces
 *    (Fingertips' `2015 - 17`), are calendar years pooled;
 *  - `YYYY/YY - YY/YY` (`2009/10 - 11/12`) is financial years pooled;
 *  - a bare day (`20230625`, `2023-06-25`) is that day, or the week ending
 *    (starting) on it when the mapping says the publisher labels weeks so
 *    (`days`, DAYS_ARE_WEEK_ENDING); `week ending 25 June 2023`, `w/e
 *    2023-06-25` and ISO `2023-W25` are weeks whatever the convention.
 * Write `May 2001` for a month that the rule would read as a range.
 */
#ifndef SCORECARD_PERIOD_H
#define SCORECARD_PERIOD_H

#include "error.h"

typedef enum period_type {
    PERIOD_FY,               /* financial year, 1 April to 31 March */
    PERIOD_POOLED_FY,        /* consecutive financial years pooled */
    PERIOD_CALENDAR_YEAR,    /* 1 January to 31 December */
    PERIOD_POOLED_YEARS,     /* consecutive calendar years pooled */
    PERIOD_FY_QUARTER,       /* Q1 = Apr-Jun ... Q4 = Jan-Mar of the next calendar year */
    PERIOD_CALENDAR_QUARTER, /* Q1 = Jan-Mar */
    PERIOD_MONTH,
    PERIOD_SURVEY_WAVE,      /* survey year(s); units > 1 when pooled */
    PERIOD_SCHOOL_YEAR,      /* 1 August to 31 July; units > 1 when pooled */
    PERIOD_SNAPSHOT,         /* a day or a month's count date; units > 1 when averaged over years */
    PERIOD_WEEK,             /* seven days: an ISO week (`2023-W25`, Monday to Sunday), or the week
                                ending (or starting) on a day (`week ending 25 June 2023`) */
} period_type;

typedef enum quarter_kind {
    QUARTERS_FY,       /* `2023 Q2` means Q2 of 2023/24 (UK health returns) */
    QUARTERS_CALENDAR, /* `2023 Q2` means April to June 2023 */
} quarter_kind;

typedef enum year_pairs {
    YEAR_PAIRS_FY,     /* `2022-23` is the financial year 2022/23 */
    YEAR_PAIRS_POOLED, /* `2022-23` is the calendar years 2022 and 2023 pooled */
} year_pairs;

typedef enum day_labels {
    DAYS_ARE_DAYS,         /* `20230625` is the day (a count date) */
    DAYS_ARE_WEEK_ENDING,  /* `20230625` is the week ending that day (PHS's WeekEnding) */
    DAYS_ARE_WEEK_STARTING /* `20230619` is the week starting that day */
} day_labels;

/* A publisher's conventions for the notations that can mean two things. */
typedef struct period_convention {
    quarter_kind quarters;
    year_pairs pairs;
    day_labels days;
} period_convention;

typedef struct period {
    period_type type;
    int start;       /* first day as YYYYMMDD */
    int end;         /* last day as YYYYMMDD */
    int units;       /* years, quarters or months covered (pooled periods: the stated count) */
    int provisional; /* the label carried a provisional marker, as in `2011/12p` */
    int by_pairs;    /* the reading depended on the convention's `pairs` (`2022-23`) */
} period;

/* Parses `label` by convention `c` (NULL: fy quarters, `2022-23` a financial
 * year); on failure returns ERR_PARSE with a message naming it. */
int period_parse(const char *label, const period_convention *c, period *out, err *e);
/* The name of a year_pairs convention as mappings write it ("fy", "pooled"),
 * and back (-1 when not one). */
const char *period_pairs_name(year_pairs p);
int period_pairs_parse(const char *name, year_pairs *out);
/* "day", "week_ending" or "week_starting", and back (-1 when not one). */
const char *period_days_name(day_labels d);
int period_days_parse(const char *name, day_labels *out);

/* The stable lower-case name of a type, as stored and printed (`fy`, `pooled_years`, ...). */
const char *period_type_name(period_type t);
/* The type a name of period_type_name() stands for; -1 when none. */
int period_type_parse(const char *name, period_type *t);

/* The period of type t (a framework's reporting period: fy, fy_quarter,
 * calendar_year, calendar_quarter or month) that contains the day: its label
 * as the scorecard prints it, and its first and last day. */
void period_containing(period_type t, int day, char *label, size_t cap, int *start, int *end);

/* The day `months` months after (before, when negative) a YYYYMMDD day, kept
 * to the month's last day: 2024-03-31 minus one month is 2024-02-29. */
int period_add_months(int day, int months);

/* Writes YYYYMMDD as `YYYY-MM-DD` into `out` (11 bytes). */
void period_format_date(int ymd, char out[11]);

#endif
