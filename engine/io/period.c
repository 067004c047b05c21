/*
 * period.c - period labels to dates.
 *
 * The label is split into tokens (numbers, words, punctuation), the tokens
 * into facts (year items, a range, a quarter, a month, a day, keywords such as
 * "financial" or "snapshot", a stated "3-year" length), and the facts decide
 * the type. Words outside a small vocabulary make the label unknown: a typo
 * must not turn into a different period.
 */
#include "period.h"

#include <stdio.h>
#include <string.h>

enum tok_kind { T_NUM, T_WORD, T_SLASH, T_DASH, T_OPEN, T_CLOSE, T_SEMI, T_COMMA };

typedef struct tok {
    enum tok_kind kind;
    int num;     /* T_NUM value */
    int digits;  /* T_NUM digit count */
    char w[16];  /* T_WORD, lower case */
    int glued;   /* no space before this token */
} tok;

#define MAX_TOKS 48

static int tokenize(const char *s, tok *t, int *n)
{
    int k = 0, space = 1;
    while (*s) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t') {
            space = 1;
            s++;
            continue;
        }
        if (k == MAX_TOKS)
            return -1;
        tok *x = &t[k];
        memset(x, 0, sizeof *x);
        x->glued = !space;
        space = 0;
        if (c >= '0' && c <= '9') {
            x->kind = T_NUM;
            while (*s >= '0' && *s <= '9') {
                if (x->digits == 8)
                    return -1;
                x->num = x->num * 10 + (*s - '0');
                x->digits++;
                s++;
            }
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            x->kind = T_WORD;
            int len = 0;
            while (((unsigned char)*s | 0x20) >= 'a' && ((unsigned char)*s | 0x20) <= 'z') {
                if (len == (int)sizeof x->w - 1)
                    return -1;
                x->w[len++] = (char)(*s | 0x20);
                s++;
            }
        } else {
            switch (c) {
            case '/': x->kind = T_SLASH; break;
            case '-': x->kind = T_DASH; break;
            case '(': x->kind = T_OPEN; break;
            case ')': x->kind = T_CLOSE; break;
            case ';': x->kind = T_SEMI; break;
            case ',': x->kind = T_COMMA; break;
            default: return -1;
            }
            s++;
        }
        k++;
    }
    *n = k;
    return 0;
}

#define MAX_SPAN_YEARS 20 /* a pooled period longer than this is a typo ("2023-00" read as 2023 to 2100) */

static int is_separator(enum tok_kind k)
{
    return k == T_DASH || k == T_SLASH || k == T_SEMI || k == T_COMMA;
}

/* Punctuation must sit between items: balanced parentheses, no label that
 * starts or ends with a separator ("-2023", "2023/"), no two separators in a
 * row. Without this, the punctuation-blind reading below would accept them. */
static int well_formed(const tok *t, int n)
{
    int depth = 0;
    for (int i = 0; i < n; i++) {
        if (t[i].kind == T_OPEN && ++depth > 1)
            return 0;
        if (t[i].kind == T_CLOSE && --depth < 0)
            return 0;
        if (is_separator(t[i].kind) &&
            (i == 0 || i == n - 1 || is_separator(t[i - 1].kind) || t[i - 1].kind == T_OPEN ||
             t[i + 1].kind == T_CLOSE))
            return 0;
    }
    return depth == 0;
}

static const char *const MONTHS[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
static const char *const MONTHS_LONG[12] = {"january", "february", "march",     "april",
                                            "may",     "june",     "july",      "august",
                                            "september", "october", "november", "december"};

static int month_of(const char *w)
{
    for (int m = 0; m < 12; m++)
        if (!strcmp(w, MONTHS[m]) || !strcmp(w, MONTHS_LONG[m]) || (m == 8 && !strcmp(w, "sept")))
            return m + 1;
    return 0;
}

/* Words that carry no meaning of their own in the notations we read. */
static int is_filler(const char *w)
{
    static const char *const fill[] = {"year", "years", "aggregate", "aggregates", "average",
                                       "combined", "estimate", "of", "and", "pooled", NULL};
    for (int i = 0; fill[i]; i++)
        if (!strcmp(w, fill[i]))
            return 1;
    return 0;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static int ymd(int y, int m, int d)
{
    return y * 10000 + m * 100 + d;
}

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms),
 * for weeks, which cross months and years. */
static long days_of(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int ymd_of_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp + (mp < 10 ? 3 : -9);
    return ymd((int)(y + (m <= 2)), (int)m, (int)d);
}

/* 1 Monday ... 7 Sunday. */
static int weekday(long days)
{
    return (int)(((days % 7) + 7 + 3) % 7) + 1; /* 1970-01-01 was a Thursday */
}

/* The Monday of ISO week 1 of `year`: the week holding 4 January. */
static long iso_week1(int year)
{
    long jan4 = days_of(year, 1, 4);
    return jan4 - (weekday(jan4) - 1);
}

typedef struct facts {
    int years[2];   /* first year of each year item */
    int is_fy[2];   /* the item was written YYYY/YY */
    int nyears;
    int quarter, month, month_year, day;
    int financial, calendar, survey, school, snapshot, midyear;
    int iso_week;         /* `2023-W25` */
    int week_ending;      /* "week ending", "w/e": 1; "week starting", "w/c": -1 */
    int stated;     /* "3-year" */
    int provisional;
    int by_pairs;   /* a `2022-23` read by the convention */
} facts;

static int add_year(facts *f, int y, int fy)
{
    if (f->nyears == 2 || y < 1900 || y > 2100)
        return -1;
    f->years[f->nyears] = y;
    f->is_fy[f->nyears] = fy;
    f->nyears++;
    return 0;
}

/* The second half of `YYYY/YY`, `YYYY/Y` or `YYYY/YYYY` must be the next year. */
static int fy_second_ok(int y, const tok *t)
{
    int next = y + 1;
    return (t->digits == 1 && t->num == next % 10) || (t->digits == 2 && t->num == next % 100) ||
           (t->digits == 4 && t->num == next);
}

/* The year a two-digit `NN` names after year `y`: the next one ending so. */
static int expand_year(int y, int nn)
{
    int end = y - y % 100 + nn;
    return end <= y ? end + 100 : end;
}

static int gather(const tok *t, int n, year_pairs pairs, facts *f)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < n; i++) {
        const tok *x = &t[i];
        if (x->kind == T_NUM && (x->digits == 6 || x->digits == 8) && n == 1) {
            /* PHS open data: YYYYMM a month, YYYYMMDD a day */
            int y = x->digits == 6 ? x->num / 100 : x->num / 10000;
            int m = x->digits == 6 ? x->num % 100 : x->num / 100 % 100;
            if (y < 1900 || y > 2100 || m < 1 || m > 12)
                return -1;
            f->month = m;
            f->month_year = y;
            if (x->digits == 8 && !(f->day = x->num % 100))
                return -1;
            continue;
        }
        if (x->kind == T_NUM && x->digits == 4) {
            int y = x->num;
            if (y < 1900 || y > 2100)
                return -1;
            if (i + 2 < n && t[i + 1].kind == T_SLASH && t[i + 2].kind == T_NUM) {
                if (!fy_second_ok(y, &t[i + 2]))
                    return -1;
                if (add_year(f, y, 1))
                    return -1;
                i += 2;
                if (i + 1 < n && t[i + 1].kind == T_WORD && t[i + 1].glued && !strcmp(t[i + 1].w, "p")) {
                    f->provisional = 1;
                    i++;
                }
                continue;
            }
            if (n == 4 && i == 0 && t[1].kind == T_DASH && t[1].glued && t[2].kind == T_WORD && t[2].glued &&
                !strcmp(t[2].w, "w") && t[3].kind == T_NUM && t[3].glued && t[3].digits == 2) {
                /* ISO 8601 `2023-W25` */
                if (t[3].num < 1 || t[3].num > 53 || add_year(f, y, 0))
                    return -1;
                f->iso_week = t[3].num;
                return 0;
            }
            if (i + 2 < n && t[i + 1].kind == T_DASH && t[i + 2].kind == T_NUM && t[i + 2].digits == 2 &&
                !(i + 3 < n && t[i + 3].kind == T_SLASH)) {
                int nn = t[i + 2].num, glued = t[i + 1].glued && t[i + 2].glued;
                int end = expand_year(y, nn);
                int iso_day = glued && i + 4 < n && t[i + 3].kind == T_DASH && t[i + 4].kind == T_NUM &&
                              t[i + 4].digits == 2 && t[i + 3].glued && t[i + 4].glued;
                if (iso_day) { /* `2010-11-30`: an ISO day, whatever the month could also end */
                    if (f->month || nn < 1 || nn > 12 || !(f->day = t[i + 4].num))
                        return -1;
                    f->month = nn;
                    f->month_year = y;
                    i += 4;
                    continue;
                }
                if (glued && nn >= 1 && nn <= 12 && nn <= y % 100) { /* cannot end a range: a month */
                    if (f->month)
                        return -1;
                    f->month = nn;
                    f->month_year = y;
                } else if (glued && end == y + 1) { /* `2022-23`: the publisher's convention decides */
                    f->by_pairs = 1;
                    if (pairs == YEAR_PAIRS_FY ? add_year(f, y, 1) : (add_year(f, y, 0) || add_year(f, end, 0)))
                        return -1;
                } else if (add_year(f, y, 0) || add_year(f, end, 0)) { /* `2018-22`, `2015 - 17` */
                    return -1;
                }
                i += 2;
                continue;
            }
            if (add_year(f, y, 0))
                return -1;
            continue;
        }
        if (x->kind == T_NUM && x->digits == 2 && f->nyears == 1 && f->is_fy[0] && i + 2 < n &&
            t[i + 1].kind == T_SLASH && t[i + 2].kind == T_NUM && i > 0 && t[i - 1].kind == T_DASH) {
            /* `2009/10 - 11/12`: the second financial year written short */
            int y = expand_year(f->years[0], x->num);
            if (!fy_second_ok(y, &t[i + 2]) || add_year(f, y, 1))
                return -1;
            i += 2;
            continue;
        }
        if (x->kind == T_NUM && x->digits <= 2) {
            if (i + 2 < n && t[i + 1].kind == T_DASH && t[i + 2].kind == T_WORD && !strcmp(t[i + 2].w, "year")) {
                f->stated = x->num;
                i += 2;
            } else if (i + 1 < n && t[i + 1].kind == T_WORD && !strcmp(t[i + 1].w, "year")) {
                f->stated = x->num;
                i += 1;
            } else if (i + 1 < n && t[i + 1].kind == T_WORD &&
                       (!strcmp(t[i + 1].w, "st") || !strcmp(t[i + 1].w, "nd") ||
                        !strcmp(t[i + 1].w, "rd") || !strcmp(t[i + 1].w, "th"))) {
                if (f->day)
                    return -1;
                f->day = x->num;
                i += 1;
            } else if (i + 1 < n && t[i + 1].kind == T_WORD && month_of(t[i + 1].w) && !f->day) {
                f->day = x->num;
            } else {
                return -1;
            }
            continue;
        }
        if (x->kind == T_WORD) {
            int m = month_of(x->w);
            if (m) {
                if (f->month)
                    return -1;
                f->month = m;
                if (i + 2 < n && t[i + 1].kind == T_DASH && t[i + 2].kind == T_NUM && t[i + 2].digits == 2) {
                    f->month_year = 2000 + t[i + 2].num; /* `Apr-12` */
                    i += 2;
                } else if (i + 1 < n && t[i + 1].kind == T_NUM && t[i + 1].digits == 4 &&
                           !(i + 2 < n && t[i + 2].kind == T_SLASH)) {
                    f->month_year = t[i + 1].num;
                    i += 1;
                }
                if (f->month_year && (f->month_year < 1900 || f->month_year > 2100))
                    return -1;
                continue;
            }
            if (!strcmp(x->w, "q") && i + 1 < n && t[i + 1].kind == T_NUM && t[i + 1].glued &&
                t[i + 1].num >= 1 && t[i + 1].num <= 4 && !f->quarter) {
                f->quarter = t[i + 1].num;
                i += 1;
            } else if (!strcmp(x->w, "financial") || !strcmp(x->w, "fy")) {
                f->financial = 1;
            } else if (!strcmp(x->w, "calendar")) {
                f->calendar = 1;
            } else if (!strcmp(x->w, "survey")) {
                f->survey = 1;
            } else if (!strcmp(x->w, "school")) {
                f->school = 1;
            } else if (!strcmp(x->w, "snapshot")) {
                f->snapshot = 1;
            } else if (!strcmp(x->w, "mid")) {
                f->midyear = 1;
            } else if (!strcmp(x->w, "week") && i + 1 < n && t[i + 1].kind == T_WORD && !f->week_ending) {
                const char *w = t[i + 1].w; /* "week ending", "week commencing" */
                if (!strcmp(w, "ending"))
                    f->week_ending = 1;
                else if (!strcmp(w, "commencing") || !strcmp(w, "starting") || !strcmp(w, "beginning"))
                    f->week_ending = -1;
                else
                    return -1;
                i += 1;
            } else if (!strcmp(x->w, "w") && i + 2 < n && t[i + 1].kind == T_SLASH && t[i + 2].kind == T_WORD &&
                       (!strcmp(t[i + 2].w, "e") || !strcmp(t[i + 2].w, "c")) && !f->week_ending) {
                f->week_ending = t[i + 2].w[0] == 'e' ? 1 : -1; /* "w/e", "w/c" */
                i += 2;
            } else if (!strcmp(x->w, "to") || is_filler(x->w)) {
                /* connectors and fillers: the year items carry the meaning */
            } else {
                return -1;
            }
            continue;
        }
        /* punctuation separates; ranges are read from the year items */
    }
    return 0;
}

/* The week of a day: ending on it (ending > 0) or starting on it. */
static void week_of(int y, int m, int d, int ending, period *p)
{
    long day = days_of(y, m, d);
    p->type = PERIOD_WEEK;
    p->start = ymd_of_days(ending > 0 ? day - 6 : day);
    p->end = ymd_of_days(ending > 0 ? day : day + 6);
    p->units = 1;
}

static int decide(const facts *f, const period_convention *c, period *p)
{
    memset(p, 0, sizeof *p);
    p->provisional = f->provisional;
    p->by_pairs = f->by_pairs;
    quarter_kind quarters = c->quarters;
    if (f->iso_week) {
        long monday = iso_week1(f->years[0]) + 7L * (f->iso_week - 1);
        if (f->iso_week == 53 && monday >= iso_week1(f->years[0] + 1))
            return -1; /* the year has 52 weeks */
        p->type = PERIOD_WEEK;
        p->start = ymd_of_days(monday);
        p->end = ymd_of_days(monday + 6);
        p->units = 1;
        return 0;
    }
    if (f->week_ending) {
        int y = f->month_year ? f->month_year : f->nyears == 1 ? f->years[0] : 0;
        if (!f->day || !f->month || !y || f->quarter || f->snapshot || f->midyear || f->financial || f->calendar ||
            f->survey || f->school || f->stated || (f->nyears && f->is_fy[0]) ||
            (f->month_year && f->nyears) || f->nyears > 1 || f->day > month_days(y, f->month))
            return -1;
        week_of(y, f->month, f->day, f->week_ending, p);
        return 0;
    }
    int y0 = f->years[0], y1 = f->nyears == 2 ? f->years[1] : y0;
    if (f->nyears == 2 && (f->is_fy[0] != f->is_fy[1] || y1 <= y0))
        return -1;
    int fy = f->nyears > 0 && f->is_fy[0];
    if ((fy && f->calendar) || (!fy && f->nyears && f->financial))
        return -1;
    int span = y1 - y0 + 1;
    if (span > MAX_SPAN_YEARS)
        return -1;
    if (f->stated && (f->stated > span || f->nyears < 2))
        return -1;
    int units = f->stated ? f->stated : span;

    if (f->quarter) {
        if (f->nyears != 1 || f->month || f->snapshot)
            return -1;
        int q = f->quarter;
        int sm, sy = y0;
        if (fy || quarters == QUARTERS_FY) {
            p->type = PERIOD_FY_QUARTER;
            sm = q == 4 ? 1 : 1 + 3 * q;
            if (q == 4)
                sy = y0 + 1;
        } else {
            p->type = PERIOD_CALENDAR_QUARTER;
            sm = 1 + 3 * (q - 1);
        }
        p->start = ymd(sy, sm, 1);
        p->end = ymd(sy, sm + 2, month_days(sy, sm + 2));
        p->units = 1;
        return 0;
    }
    if (f->snapshot || f->midyear || f->day) {
        if (fy)
            return -1;
        p->type = PERIOD_SNAPSHOT;
        if (f->midyear) {
            if (f->nyears != 1 || f->month)
                return -1;
            p->start = p->end = ymd(y0, 6, 30);
            p->units = 1;
            return 0;
        }
        int m = f->month;
        int y = f->month_year ? f->month_year : y0;
        if (!m || (!f->month_year && !f->nyears) || (f->month_year && f->nyears))
            return -1;
        int last = f->nyears == 2 ? y1 : y;
        if (f->day) {
            if (f->nyears == 2 || f->day > month_days(y, m))
                return -1;
            if (c->days != DAYS_ARE_DAYS && !f->snapshot) { /* the publisher labels weeks by a day */
                week_of(y, m, f->day, c->days == DAYS_ARE_WEEK_ENDING ? 1 : -1, p);
                p->by_pairs = 0;
                return 0;
            }
            p->start = p->end = ymd(y, m, f->day);
            p->units = 1;
            return 0;
        }
        p->start = ymd(y, m, 1);
        p->end = ymd(last, m, month_days(last, m));
        p->units = f->nyears == 2 ? units : 1;
        return 0;
    }
    if (f->month) {
        if (f->nyears || !f->month_year)
            return -1;
        p->type = PERIOD_MONTH;
        p->start = ymd(f->month_year, f->month, 1);
        p->end = ymd(f->month_year, f->month, month_days(f->month_year, f->month));
        p->units = 1;
        return 0;
    }
    if (f->nyears == 0)
        return -1;
    p->units = units;
    if (f->school) {
        if (f->survey || f->calendar)
            return -1;
        p->type = PERIOD_SCHOOL_YEAR;
        p->start = ymd(y0, 8, 1);
        p->end = ymd(y1 + 1, 7, 31);
        return 0;
    }
    if (fy) {
        p->type = f->nyears == 2 ? PERIOD_POOLED_FY : PERIOD_FY;
        if (f->survey)
            p->type = PERIOD_SURVEY_WAVE;
        p->start = ymd(y0, 4, 1);
        p->end = ymd(y1 + 1, 3, 31);
        return 0;
    }
    p->type = f->survey ? PERIOD_SURVEY_WAVE : f->nyears == 2 ? PERIOD_POOLED_YEARS : PERIOD_CALENDAR_YEAR;
    p->start = ymd(y0, 1, 1);
    p->end = ymd(y1, 12, 31);
    return 0;
}

int period_parse(const char *label, const period_convention *c, period *out, err *e)
{
    static const period_convention usual = {QUARTERS_FY, YEAR_PAIRS_FY, DAYS_ARE_DAYS};
    if (!c)
        c = &usual;
    tok t[MAX_TOKS];
    int n = 0;
    facts f;
    if (!label || tokenize(label, t, &n) || n == 0 || !well_formed(t, n) || gather(t, n, c->pairs, &f) ||
        decide(&f, c, out))
        return err_set(e, ERR_PARSE, "\"%s\" is not a period notation this engine knows", label ? label : "");
    return 0;
}

const char *period_pairs_name(year_pairs p)
{
    return p == YEAR_PAIRS_POOLED ? "pooled" : "fy";
}

int period_pairs_parse(const char *name, year_pairs *out)
{
    if (!strcmp(name, "fy"))
        *out = YEAR_PAIRS_FY;
    else if (!strcmp(name, "pooled"))
        *out = YEAR_PAIRS_POOLED;
    else
        return -1;
    return 0;
}

const char *period_days_name(day_labels d)
{
    return d == DAYS_ARE_WEEK_ENDING ? "week_ending" : d == DAYS_ARE_WEEK_STARTING ? "week_starting" : "day";
}

int period_days_parse(const char *name, day_labels *out)
{
    if (!strcmp(name, "day"))
        *out = DAYS_ARE_DAYS;
    else if (!strcmp(name, "week_ending"))
        *out = DAYS_ARE_WEEK_ENDING;
    else if (!strcmp(name, "week_starting"))
        *out = DAYS_ARE_WEEK_STARTING;
    else
        return -1;
    return 0;
}

const char *period_type_name(period_type t)
{
    switch (t) {
    case PERIOD_FY: return "fy";
    case PERIOD_POOLED_FY: return "pooled_fy";
    case PERIOD_CALENDAR_YEAR: return "calendar_year";
    case PERIOD_POOLED_YEARS: return "pooled_years";
    case PERIOD_FY_QUARTER: return "fy_quarter";
    case PERIOD_CALENDAR_QUARTER: return "calendar_quarter";
    case PERIOD_MONTH: return "month";
    case PERIOD_SURVEY_WAVE: return "survey_wave";
    case PERIOD_SCHOOL_YEAR: return "school_year";
    case PERIOD_SNAPSHOT: return "snapshot";
    case PERIOD_WEEK: return "week";
    }
    return "unknown";
}

int period_type_parse(const char *name, period_type *t)
{
    for (int k = PERIOD_FY; name && k <= PERIOD_WEEK; k++)
        if (!strcmp(name, period_type_name((period_type)k))) {
            *t = (period_type)k;
            return 0;
        }
    return -1;
}

void period_format_date(int d, char out[11])
{
    snprintf(out, 11, "%04d-%02d-%02d", (d / 10000) % 10000, (d / 100) % 100, d % 100);
}

void period_containing(period_type t, int day, char *label, size_t cap, int *start, int *end)
{
    int y = day / 10000, m = day / 100 % 100;
    switch (t) {
    case PERIOD_FY_QUARTER: {
        int fy = m >= 4 ? y : y - 1;
        int q = m >= 4 ? (m - 4) / 3 + 1 : 4;
        int sm = q == 4 ? 1 : 1 + 3 * q, sy = q == 4 ? fy + 1 : fy;
        snprintf(label, cap, "%d/%02d Q%d", fy, (fy + 1) % 100, q);
        *start = ymd(sy, sm, 1);
        *end = ymd(sy, sm + 2, month_days(sy, sm + 2));
        break;
    }
    case PERIOD_CALENDAR_YEAR:
    case PERIOD_POOLED_YEARS:
    case PERIOD_SURVEY_WAVE:
        snprintf(label, cap, "%d", y);
        *start = ymd(y, 1, 1);
        *end = ymd(y, 12, 31);
        break;
    case PERIOD_CALENDAR_QUARTER: {
        int q = (m - 1) / 3 + 1;
        snprintf(label, cap, "%d Q%d (calendar)", y, q);
        *start = ymd(y, 3 * q - 2, 1);
        *end = ymd(y, 3 * q, month_days(y, 3 * q));
        break;
    }
    case PERIOD_MONTH:
        snprintf(label, cap, "%d-%02d", y, m);
        *start = ymd(y, m, 1);
        *end = ymd(y, m, month_days(y, m));
        break;
    case PERIOD_WEEK: { /* the ISO week */
        long d = days_of(y, m, day % 100), monday = d - (weekday(d) - 1);
        int iy = ymd_of_days(monday + 3) / 10000; /* the week's Thursday names its year */
        snprintf(label, cap, "%d-W%02ld", iy, (monday - iso_week1(iy)) / 7 + 1);
        *start = ymd_of_days(monday);
        *end = ymd_of_days(monday + 6);
        break;
    }
    default: {
        int fy = m >= 4 ? y : y - 1;
        snprintf(label, cap, "%d/%02d", fy, (fy + 1) % 100);
        *start = ymd(fy, 4, 1);
        *end = ymd(fy + 1, 3, 31);
        break;
    }
    }
}

int period_add_months(int day, int months)
{
    int y = day / 10000, m = day / 100 % 100, d = day % 100;
    long total = (long)y * 12 + (m - 1) + months;
    y = (int)(total / 12);
    m = (int)(total % 12) + 1;
    int last = month_days(y, m);
    return ymd(y, m, d > last ? last : d);
}
