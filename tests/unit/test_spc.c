/*
 * test_spc.c - the SPC family against each package's own tests:
 *
 * - NHSRplotthedots v0.2.2 (nhs-r-community/NHSRplotthedots @050b07d): XmR
 *   limits, rules, precedence and icons from the cases written out in the
 *   reference folder; rebasing, fix_after_n_points, short groups and targets
 *   from tests/testthat (expected values derived from ptd_spc_standard's
 *   arithmetic where a test only compares or snapshots, as marked);
 * - PowerBI-SPC (AUS-DOH-Safety-and-Quality/PowerBI-SPC @478773a): the limits
 *   of test/Chart Types/{i,p,pprime,u,uprime,c}.test.ts and every case of
 *   test/Outlier Flagging/ (astronomical, twoInThree, trend, shift,
 *   checkFlagDirection, variationIconsToDraw, assuranceIconToDraw), inputs
 *   and expected values copied;
 * - qicharts2 0.8.1 (anhoej/qicharts2 @1b9487e): tests/testthat/
 *   test_montgomery.R and test_hai.R, the reference .rds files (qic()$data,
 *   summary()) written out as numbers here;
 * then the options where the tools disagree, side by side, and bad input.
 *
 * argv[1] is the reference data folder (<shared>/data/reference). Without it
 * the self-contained checks still run and the test reports itself skipped.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "csv.h"
#include "sheet.h"
#include "spc.h"

#define MAX_POINTS 64

static int sheet_open(sheet *s, const char *dir, const char *name)
{
    int rc = sheet_load(s, dir, "NHSRplotthedots", name);
    if (rc)
        check_failures++;
    return rc;
}

static const char *cell(const sheet *s, size_t row, const char *col)
{
    const char *v = sheet_cell(s, row, col);
    if (!v) {
        fprintf(stderr, "no column %s\n", col);
        check_failures++;
        return "";
    }
    return v;
}

static double num(const sheet *s, size_t row, const char *col)
{
    const char *v = cell(s, row, col);
    return *v ? strtod(v, NULL) : NAN;
}

/* Equal at `digits` significant digits, as the reference printed them. */
static void check_sig_at(int line, const char *what, double got, double want, int digits)
{
    check_count++;
    double unit = want == 0 ? 1e-12 : pow(10, floor(log10(fabs(want))) - (digits - 1));
    if (!(fabs(got - want) <= 0.5 * unit * (1 + 1e-9))) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s is %.10g, expected %.*g\n", __FILE__, line, what, got, digits, want);
    }
}

/* "1 0 -1" into ints; returns the count. */
static size_t parse_ints(const char *s, int *out)
{
    size_t n = 0;
    char *end;
    while (*s && n < MAX_POINTS) {
        long v = strtol(s, &end, 10);
        if (end == s)
            break;
        out[n++] = (int)v;
        s = end;
    }
    return n;
}

static size_t parse_doubles(const char *s, double *out)
{
    size_t n = 0;
    char *end;
    while (*s && n < MAX_POINTS) {
        double v = strtod(s, &end);
        if (end == s)
            break;
        out[n++] = v;
        s = end;
    }
    return n;
}

static spc_options base_options(void)
{
    spc_options o;
    spc_options_default(&o);
    o.min_points = 0; /* the reference computes short facets too */
    return o;
}

/* ---- reference cases ---- */

/* Loads column `col` of a series sheet, rows whose `i` lies in [first, last]. */
static size_t series(const sheet *s, const char *col, int first, int last, double *y)
{
    size_t n = 0;
    for (size_t r = 0; r < s->rows; r++) {
        int i = atoi(cell(s, r, "i"));
        if (i >= first && i <= last && n < MAX_POINTS)
            y[n++] = num(s, r, col);
    }
    return n;
}

static void test_limits(const char *dir)
{
    sheet cases, data;
    if (sheet_open(&cases, dir, "spc_expected_limits.csv") || sheet_open(&data, dir, "spc_series_seed123_n20.csv"))
        return;
    for (size_t c = 0; c < cases.rows; c++) {
        int first = 1, last = 20;
        sscanf(cell(&cases, c, "rows"), "%d-%d", &first, &last);
        double y[MAX_POINTS];
        size_t n = series(&data, cell(&cases, c, "series_column"), first, last, y);
        spc_options o = base_options();
        o.screen_outliers = strcmp(cell(&cases, c, "screen_outliers"), "TRUE") == 0;
        o.improvement = 1;
        spc_point pts[MAX_POINTS];
        spc_result r;
        err e = {0};
        CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
        CHECK_INT(r.status, STATS_OK);
        int digits = atoi(cell(&cases, c, "printed_digits"));
        check_sig_at(__LINE__, cell(&cases, c, "case"), r.mean, num(&cases, c, "expected_mean"), digits);
        check_sig_at(__LINE__, "lpl", r.lpl, num(&cases, c, "expected_lpl"), digits);
        check_sig_at(__LINE__, "upl", r.upl, num(&cases, c, "expected_upl"), digits);
        CHECK_INT(r.n, (size_t)num(&cases, c, "expected_n"));
        if (*cell(&cases, c, "expected_common_cause")) {
            CHECK_INT(r.n - r.special_cause, (size_t)num(&cases, c, "expected_common_cause"));
            size_t improvement = 0;
            for (size_t i = 0; i < n; i++)
                improvement += pts[i].type == SPC_IMPROVEMENT;
            CHECK_INT(improvement, (size_t)num(&cases, c, "expected_special_cause_improvement"));
        }
        int side[MAX_POINTS];
        size_t ns = parse_ints(cell(&cases, c, "expected_relative_to_mean_first_14"), side);
        for (size_t i = 0; i < ns; i++)
            CHECK_INT(pts[i].side, side[i]);
    }
    CHECK_INT(cases.rows, 6);
    sheet_free(&cases);
    sheet_free(&data);
}

static void test_icons(const char *dir)
{
    sheet cases, data;
    if (sheet_open(&cases, dir, "spc_expected_icons.csv") || sheet_open(&data, dir, "spc_icon_series_seed123_n24.csv"))
        return;
    for (size_t c = 0; c < cases.rows; c++) {
        double y[MAX_POINTS];
        size_t n;
        const char *facet = cell(&cases, c, "facet_value");
        if (strcmp(facet, "0") == 0)
            n = series(&data, cell(&cases, c, "series_column"), 1, 12, y);
        else if (strcmp(facet, "1") == 0)
            n = series(&data, cell(&cases, c, "series_column"), 13, 24, y);
        else
            n = series(&data, cell(&cases, c, "series_column"), 1, 24, y);
        spc_options o = base_options();
        const char *dirn = cell(&cases, c, "improvement_direction");
        o.improvement = strcmp(dirn, "increase") == 0 ? 1 : strcmp(dirn, "decrease") == 0 ? -1 : 0;
        if (*cell(&cases, c, "target")) {
            o.has_target = 1;
            o.target = num(&cases, c, "target");
        }
        spc_point pts[MAX_POINTS];
        spc_result r;
        err e = {0};
        CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
        CHECK_STR(spc_variation_name(r.variation), cell(&cases, c, "expected_variation_icon"));
        const char *want = cell(&cases, c, "expected_assurance_icon");
        const char *got = spc_assurance_name(r.assurance);
        if (!*want)
            CHECK(got == NULL);
        else if (strcmp(want, "pass") == 0)
            CHECK_STR(got, "consistent_pass");
        else if (strcmp(want, "fail") == 0)
            CHECK_STR(got, "consistent_fail");
        else
            CHECK_STR(got, want);
    }
    CHECK_INT(cases.rows, 11);
    sheet_free(&cases);
    sheet_free(&data);
}

static void test_rule_units(const char *dir)
{
    sheet s;
    if (sheet_open(&s, dir, "spc_rule_unit_cases.csv"))
        return;
    for (size_t r = 0; r < s.rows; r++) {
        const char *fn = cell(&s, r, "function");
        int a[MAX_POINTS], b[MAX_POINTS], want[MAX_POINTS], got[MAX_POINTS];
        double y[MAX_POINTS];
        size_t n = parse_ints(cell(&s, r, "expected"), want);
        size_t na;
        if (strcmp(fn, "seven_point_one_side_mean") == 0) {
            na = parse_ints(cell(&s, r, "input_a"), a);
            spc_run_ends(a, na, 7, got);
        } else if (strcmp(fn, "part_of_seven") == 0) {
            na = parse_ints(cell(&s, r, "input_a"), a);
            spc_part_of_run(a, na, 7, got);
        } else if (strcmp(fn, "seven_point_trend") == 0) {
            na = parse_doubles(cell(&s, r, "input_a"), y);
            spc_trend_ends(y, na, 7, got);
        } else if (strcmp(fn, "two_in_three") == 0) {
            na = parse_ints(cell(&s, r, "input_a"), a);
            CHECK_INT(parse_ints(cell(&s, r, "input_b"), b), na);
            spc_two_in_three_windows(a, b, na, got);
        } else if (strcmp(fn, "two_in_three_flagged_points") == 0) {
            na = parse_ints(cell(&s, r, "input_a"), a);
            CHECK_INT(parse_ints(cell(&s, r, "input_b"), b), na);
            spc_two_in_three_points(a, b, na, got);
        } else {
            fprintf(stderr, "unknown rule function %s\n", fn);
            CHECK(0);
            continue;
        }
        CHECK_INT(na, n);
        for (size_t i = 0; i < n && i < na; i++) {
            if (got[i] != want[i])
                fprintf(stderr, "%s case row %zu point %zu\n", fn, r + 2, i + 1);
            CHECK_INT(got[i], want[i]);
        }
    }
    CHECK_INT(s.rows, 31);
    sheet_free(&s);
}

static void test_precedence(const char *dir)
{
    sheet s;
    if (sheet_open(&s, dir, "spc_special_cause_precedence_case.csv"))
        return;
    spc_point pts[MAX_POINTS];
    size_t n = s.rows;
    for (size_t r = 0; r < n && r < MAX_POINTS; r++) {
        memset(&pts[r], 0, sizeof pts[r]);
        pts[r].y = num(&s, r, "y");
        pts[r].side = atoi(cell(&s, r, "relative_to_mean"));
        pts[r].outside = atoi(cell(&s, r, "outside_limits")) != 0;
        pts[r].trend = atoi(cell(&s, r, "part_of_trend")) != 0;
        pts[r].shift = atoi(cell(&s, r, "part_of_shift")) != 0;
        pts[r].two_in_three = atoi(cell(&s, r, "part_of_two_in_three")) != 0;
    }
    spc_label_points(pts, n, 1, 0);
    for (size_t r = 0; r < n; r++) {
        char label[64];
        spc_point_label(&pts[r], 7, 7, label, sizeof label);
        CHECK_STR(label, cell(&s, r, "expected_special_cause_type"));
    }
    CHECK_INT(n, 8);
    /* the labels give the point types: above/increasing is improvement when increase is better */
    CHECK_INT(pts[0].type, SPC_IMPROVEMENT);
    CHECK_INT(pts[5].type, SPC_CONCERN);
    CHECK_INT(pts[7].type, SPC_COMMON_CAUSE);
    spc_label_points(pts, n, 0, 0);
    CHECK_INT(pts[0].type, SPC_NEUTRAL_HIGH);
    CHECK_INT(pts[4].type, SPC_NEUTRAL_LOW);
    /* below the lower limit while in a rising trend: precedence says concern,
     * the MDC single chart says improvement */
    spc_point both[2] = {{.y = 1, .side = -1, .trend = 1}, {.y = 2, .side = -1, .outside = 1, .trend = 1}};
    spc_label_points(both, 2, 1, 0);
    CHECK_INT(both[1].rule, SPC_RULE_ASTRONOMICAL);
    CHECK_INT(both[1].type, SPC_CONCERN);
    spc_label_points(both, 2, 1, 1);
    CHECK_INT(both[1].rule, SPC_RULE_TREND);
    CHECK_INT(both[1].type, SPC_IMPROVEMENT);
    spc_label_points(both, 2, -1, 1); /* decrease is better: the limit breach is the improvement */
    CHECK_INT(both[1].rule, SPC_RULE_ASTRONOMICAL);
    CHECK_INT(both[1].type, SPC_IMPROVEMENT);
    sheet_free(&s);
}

static void test_assurance(const char *dir)
{
    sheet s;
    if (sheet_open(&s, dir, "spc_assurance_unit_cases.csv"))
        return;
    for (size_t r = 0; r < s.rows; r++) {
        const char *d = cell(&s, r, "improvement_direction");
        int dirn = strcmp(d, "increase") == 0 ? 1 : strcmp(d, "decrease") == 0 ? -1 : 0;
        spc_assurance a = spc_assurance_for(num(&s, r, "lpl"), num(&s, r, "upl"), num(&s, r, "target"), dirn);
        const char *want = cell(&s, r, "expected_assurance");
        if (*want)
            CHECK_STR(spc_assurance_name(a), want);
        else
            CHECK(a == SPC_ASSURANCE_NONE);
    }
    CHECK_INT(s.rows, 9);
    sheet_free(&s);
}

static void test_opposite_sides(const char *dir)
{
    sheet s;
    if (sheet_open(&s, dir, "spc_two_in_three_opposite_sides_series.csv"))
        return;
    double y[MAX_POINTS];
    size_t n = 0;
    for (size_t r = 0; r < s.rows && n < MAX_POINTS; r++)
        y[n++] = num(&s, r, "value");
    spc_options o = base_options();
    spc_point pts[MAX_POINTS];
    spc_result res;
    err e = {0};
    CHECK_INT(spc_analyse(y, n, &o, pts, &res, &e), 0);
    for (size_t r = 0; r < n; r++) {
        const char *want = cell(&s, r, "expected_point_type");
        if (*want)
            CHECK_STR(spc_point_type_name(pts[r].type), want);
    }
    /* both points are past two sigma, on opposite sides */
    CHECK(pts[14].close && pts[15].close && !pts[14].outside && !pts[15].outside);
    sheet_free(&s);
}

/* ---- options where tools disagree, and short series ---- */

/* Twenty points alternating -1, 1: mean 0, AMR 2, limits +-5.32, two sigma +-3.547. */
static size_t alternating(double *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = i % 2 ? 1 : -1;
    return n;
}

static void test_options(void)
{
    double y[MAX_POINTS];
    spc_point pts[MAX_POINTS];
    spc_result r;
    err e = {0};

    /* a point past two sigma beside one past three: only "beyond" pairs them */
    size_t n = alternating(y, 20);
    y[n++] = 1;
    y[n++] = 4;
    y[n++] = 6;
    spc_options o = base_options();
    o.baseline_n = 20;
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK_INT(r.baseline_n, 20);
    CHECK(r.mean == 0 && r.amr == 2);
    CHECK_INT(pts[21].rule, SPC_RULE_NONE);
    CHECK_INT(pts[22].rule, SPC_RULE_ASTRONOMICAL);
    o.two_sigma_mode = SPC_TWO_SIGMA_BEYOND;
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK_INT(pts[21].rule, SPC_RULE_TWO_IN_THREE);
    CHECK_INT(pts[21].type, SPC_IMPROVEMENT);
    CHECK_INT(pts[22].rule, SPC_RULE_ASTRONOMICAL);
    CHECK_INT(spc_options_preset(&o, "ptd_0_2_2", &e), 0);
    CHECK_INT(o.two_sigma_mode, SPC_TWO_SIGMA_BETWEEN);
    CHECK_INT(spc_options_preset(&o, "mdc_2023", &e), 0);
    CHECK_INT(o.two_sigma_mode, SPC_TWO_SIGMA_BEYOND);

    /* six points above the mean: a shift only when shift_n is 6 */
    n = alternating(y, 20);
    y[n++] = -1;
    for (int i = 0; i < 6; i++)
        y[n++] = 0.5;
    y[n++] = -1;
    o = base_options();
    o.baseline_n = 20;
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK_INT(r.special_cause, 0);
    o.shift_n = 6;
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK_INT(r.special_cause, 6);
    CHECK_INT(pts[21].rule, SPC_RULE_SHIFT);
    CHECK_INT(pts[26].rule, SPC_RULE_SHIFT);
    CHECK_INT(pts[27].rule, SPC_RULE_NONE);
    char label[64];
    spc_point_label(&pts[21], o.trend_n, o.shift_n, label, sizeof label);
    CHECK_STR(label, "6 Points Above CL");
    o.rules &= ~(1u << (SPC_RULE_SHIFT - 1));
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK_INT(r.special_cause, 0);

    /* a tie inside a rising run breaks the trend; five rising points are a trend at trend_n 5 */
    double t1[] = {-1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, -0.5, 0, 0, 0.3, 0.4, 0.45, 0.5};
    o = base_options();
    o.baseline_n = 12;
    CHECK_INT(spc_analyse(t1, 20, &o, pts, &r, &e), 0);
    for (int i = 12; i < 20; i++)
        CHECK(pts[i].rule != SPC_RULE_TREND);
    CHECK_INT(spc_options_preset(&o, "powerbi_spc", &e), 0);
    CHECK_INT(o.trend_n, 5);
    CHECK_INT(spc_analyse(t1, 20, &o, pts, &r, &e), 0);
    CHECK_INT(pts[15].rule, SPC_RULE_TREND);
    CHECK_INT(pts[19].rule, SPC_RULE_TREND);
    CHECK_INT(pts[15].direction, 1);
    CHECK_INT(r.variation, SPC_VARIATION_IMPROVEMENT_HIGH);
    spc_point_label(&pts[19], o.trend_n, o.shift_n, label, sizeof label);
    CHECK_STR(label, "5 Point Trend (Increasing)");
    o.improvement = -1;
    CHECK_INT(spc_analyse(t1, 20, &o, pts, &r, &e), 0);
    CHECK_INT(r.variation, SPC_VARIATION_CONCERN_HIGH);

    /* screening: one huge jump is dropped from the AMR only when screening */
    n = alternating(y, 20);
    y[10] = 40;
    o = base_options();
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    size_t kept = r.moving_ranges;
    double screened = r.amr;
    CHECK_INT(spc_options_preset(&o, "mdc_excel", &e), 0);
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK_INT(r.moving_ranges, 19);
    CHECK_INT(kept, 17);
    CHECK(r.amr > screened);

    /* series shorter than the rules need */
    o = base_options();
    o.min_points = 12;
    CHECK_INT(spc_analyse(y, 11, &o, pts, &r, &e), 0);
    CHECK_INT(r.status, STATS_INSUFFICIENT_DATA);
    CHECK(r.variation == SPC_VARIATION_NONE && isnan(r.upl));
    o.min_points = 0;
    CHECK_INT(spc_analyse(y, 1, &o, pts, &r, &e), 0);
    CHECK_INT(r.status, STATS_INSUFFICIENT_DATA);
    CHECK_INT(spc_analyse(y, 0, &o, pts, &r, &e), 0);
    CHECK_INT(r.status, STATS_INSUFFICIENT_DATA);
    CHECK_INT(spc_analyse(y, 3, &o, pts, &r, &e), 0); /* runs longer than the series: no rule fires */
    CHECK_INT(r.status, STATS_OK);
    CHECK_INT(r.special_cause, 0);
    int ends[3];
    spc_trend_ends(y, 3, 7, ends);
    CHECK(ends[0] == 0 && ends[1] == 0 && ends[2] == 0);

    /* a constant series: zero-width limits, every point on the mean, common cause */
    double flat[12] = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
    CHECK_INT(spc_analyse(flat, 12, &o, pts, &r, &e), 0);
    CHECK(r.amr == 0 && r.upl == 5 && r.lpl == 5);
    CHECK_INT(r.special_cause, 0);
    CHECK_INT(r.variation, SPC_VARIATION_COMMON_CAUSE);

    /* assurance needs a target and a direction */
    o.has_target = 1;
    o.target = 100;
    o.improvement = 0;
    CHECK_INT(spc_analyse(flat, 12, &o, pts, &r, &e), 0);
    CHECK(r.assurance == SPC_ASSURANCE_NONE);
    o.improvement = -1;
    CHECK_INT(spc_analyse(flat, 12, &o, pts, &r, &e), 0);
    CHECK_STR(spc_assurance_name(r.assurance), "consistent_pass");

    /* bad input and options are errors */
    double bad[3] = {1, NAN, 2};
    o = base_options();
    CHECK_INT(spc_analyse(bad, 3, &o, pts, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "value 2");
    o.shift_n = 1;
    CHECK_INT(spc_analyse(flat, 12, &o, pts, &r, &e), ERR_INVALID);
    o = base_options();
    o.baseline_n = 1;
    CHECK_INT(spc_analyse(flat, 12, &o, pts, &r, &e), ERR_INVALID);
    CHECK_INT(spc_options_preset(&o, "excel", &e), ERR_INVALID);
    CHECK_STR(spc_variation_name(SPC_VARIATION_NONE), NULL);
    CHECK_STR(spc_rule_name(SPC_RULE_TWO_IN_THREE), "two_in_three");
}

/* ==== PowerBI-SPC (AUS-DOH-Safety-and-Quality/PowerBI-SPC @478773a) ==== */

/* vitest's toBeCloseTo(want, digits): |got - want| < 10^-digits / 2. */
static void check_close_at(int line, const char *what, size_t i, double got, double want, int digits)
{
    check_count++;
    if (!(fabs(got - want) < pow(10, -digits) / 2)) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s[%zu] is %.10g, expected %.*f\n", __FILE__, line, what, i, got, digits, want);
    }
}

/* "u.l" -> +1 0 -1 (PowerBI-SPC's "upper", "none", "lower") */
static void check_flags_at(int line, const char *what, const int *got, size_t n, const char *want)
{
    check_count++;
    int ok = strlen(want) == n;
    for (size_t i = 0; ok && i < n; i++)
        ok = got[i] == (want[i] == 'u' ? 1 : want[i] == 'l' ? -1 : 0);
    if (!ok) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s: got \"", __FILE__, line, what);
        for (size_t i = 0; i < n; i++)
            fputc(got[i] > 0 ? 'u' : got[i] < 0 ? 'l' : '.', stderr);
        fprintf(stderr, "\", expected \"%s\"\n", want);
    }
}

typedef struct pbi_flag_case {
    const char *name; /* the upstream it("...") */
    size_t n;
    double y[10], a[10], b[10]; /* the limits (or targets) the function takes */
    int k;                      /* run length, or highlight_series */
    const char *want;
} pbi_flag_case;

/* test/Chart Types/i.test.ts */
static const double pbi_i_num[] = {5, 7, 5, 7, 7, 5, 4, 9, 8, 13, 8, 7, 8, 7, 12, 11, 8};
static const double pbi_i_den[] = {113, 132, 121, 134, 116, 131, 93, 138, 182, 157, 100, 103, 146, 108, 153, 141, 134};
static const double pbi_i_ul99[] = {
    0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957, 0.0957,
    0.0957, 0.0957, 0.0957,
};
static const double pbi_i_ul95[] = {
    0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836, 0.0836,
    0.0836, 0.0836, 0.0836,
};
static const double pbi_i_ll95[] = {
    0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035, 0.035,
    0.035,
};
static const double pbi_i_ll99[] = {
    0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229, 0.0229,
    0.0229, 0.0229, 0.0229,
};
/* i: n=17 digits=4 multiplier=1 */
/* test/Chart Types/p.test.ts */
static const double pbi_p_num[] = {
    14, 12, 15, 8, 16, 11, 12, 14, 16, 17, 5, 11, 13, 10, 14, 5, 12, 10, 11, 5, 10, 8, 11, 12, 11, 18, 18, 21, 14, 15,
    18, 22, 17, 16, 20, 15,
};
static const double pbi_p_den[] = {
    52, 64, 70, 60, 67, 69, 67, 54, 79, 59, 49, 61, 41, 51, 56, 43, 57, 48, 69, 41, 40, 46, 59, 62, 57, 65, 75, 70, 76,
    69, 64, 67, 84, 67, 69, 78,
};
static const double pbi_p_ul99[] = {
    38.76, 37.07, 36.4, 37.58, 36.72, 36.5, 36.72, 38.44, 35.53, 37.71, 39.28, 37.45, 40.92, 38.93, 38.14, 40.47, 37.99,
    39.46, 36.5, 40.92, 41.16, 39.84, 37.71, 37.32, 37.99, 36.95, 35.9, 36.4, 35.8, 36.5, 37.07, 36.72, 35.11, 36.72,
    36.5, 35.62,
};
static const double pbi_p_ul95[] = {
    33.05, 31.93, 31.48, 32.26, 31.69, 31.55, 31.69, 32.84, 30.9, 32.35, 33.4, 32.18, 34.49, 33.16, 32.64, 34.19, 32.54,
    33.52, 31.55, 34.49, 34.65, 33.77, 32.35, 32.09, 32.54, 31.85, 31.14, 31.48, 31.08, 31.55, 31.93, 31.69, 30.62,
    31.69, 31.55, 30.96,
};
static const double pbi_p_ll95[] = {
    10.21, 11.34, 11.79, 11, 11.57, 11.72, 11.57, 10.43, 12.37, 10.91, 9.87, 11.09, 8.77, 10.1, 10.63, 9.07, 10.73,
    9.75, 11.72, 8.77, 8.61, 9.49, 10.91, 11.17, 10.73, 11.42, 12.12, 11.79, 12.19, 11.72, 11.34, 11.57, 12.65, 11.57,
    11.72, 12.31,
};
static const double pbi_p_ll99[] = {
    4.5, 6.19, 6.87, 5.69, 6.54, 6.76, 6.54, 4.82, 7.74, 5.55, 3.99, 5.82, 2.34, 4.34, 5.13, 2.8, 5.27, 3.8, 6.76, 2.34,
    2.1, 3.42, 5.55, 5.95, 5.27, 6.31, 7.37, 6.87, 7.46, 6.76, 6.19, 6.54, 8.16, 6.54, 6.76, 7.65,
};
/* p: n=36 digits=2 multiplier=100 */
/* test/Chart Types/pprime.test.ts */
static const double pbi_pprime_num[] = {
    266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478, 255353, 256820,
    261835, 259144, 255910, 260863, 264465, 260989,
};
static const double pbi_pprime_den[] = {
    280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932, 266629, 268091,
    276803, 271578, 266005, 273520, 278574, 273772,
};
static const double pbi_pprime_ul99[] = {
    96.567, 96.5753, 96.5421, 96.5326, 96.5627, 96.5775, 96.5593, 96.5345, 96.5579, 96.5623, 96.5689, 96.5591, 96.5996,
    96.5961, 96.5753, 96.5877, 96.6012, 96.583, 96.5713, 96.5824,
};
static const double pbi_pprime_ul95[] = {
    96.1413, 96.1469, 96.1247, 96.1184, 96.1384, 96.1483, 96.1362, 96.1197, 96.1353, 96.1382, 96.1426, 96.1361, 96.1631,
    96.1607, 96.1469, 96.1551, 96.1641, 96.152, 96.1442, 96.1516,
};
static const double pbi_pprime_ll95[] = {
    94.4386, 94.4331, 94.4552, 94.4615, 94.4415, 94.4316, 94.4438, 94.4603, 94.4447, 94.4418, 94.4374, 94.4439, 94.4169,
    94.4192, 94.4331, 94.4248, 94.4158, 94.4279, 94.4358, 94.4283,
};
static const double pbi_pprime_ll99[] = {
    94.013, 94.0046, 94.0378, 94.0473, 94.0173, 94.0025, 94.0207, 94.0454, 94.022, 94.0177, 94.0111, 94.0208, 93.9803,
    93.9839, 94.0046, 93.9923, 93.9788, 93.9969, 94.0087, 93.9975,
};
/* pprime: n=20 digits=4 multiplier=100 */
/* test/Chart Types/u.test.ts */
static const double pbi_u_num[] = {
    575, 521, 585, 528, 507, 519, 457, 505, 494, 512, 543, 506, 509, 521, 549, 531, 509, 528, 419, 512, 495, 513, 454,
    490,
};
static const double pbi_u_den[] = {
    310466.8333, 282346.7917, 309089.7083, 287977.3333, 297743.375, 286988.25, 261120.3333, 268720.75, 284437.875,
    290449.5, 288104.4583, 279961.375, 289803.9583, 275950.5833, 290824.4583, 285495.75, 282515.2083, 273927.875,
    253085.625, 262410.7083, 275529.25, 282405.0833, 259530.7917, 256235.4583,
};
static const double pbi_u_ul99[] = {
    20.5349, 20.6467, 20.5401, 20.623, 20.5836, 20.6271, 20.7428, 20.7071, 20.6378, 20.6129, 20.6225, 20.657, 20.6155,
    20.6745, 20.6113, 20.6334, 20.646, 20.6835, 20.7823, 20.7366, 20.6764, 20.6465, 20.7505, 20.7666,
};
static const double pbi_u_ul95[] = {
    19.7685, 19.8431, 19.772, 19.8273, 19.801, 19.83, 19.9071, 19.8833, 19.8371, 19.8205, 19.8269, 19.8499, 19.8223,
    19.8616, 19.8195, 19.8342, 19.8426, 19.8676, 19.9334, 19.903, 19.8628, 19.8429, 19.9122, 19.923,
};
static const double pbi_u_ll95[] = {
    16.703, 16.6284, 16.6995, 16.6442, 16.6705, 16.6415, 16.5644, 16.5882, 16.6344, 16.651, 16.6446, 16.6216, 16.6493,
    16.6099, 16.652, 16.6373, 16.6289, 16.6039, 16.5381, 16.5685, 16.6087, 16.6286, 16.5593, 16.5485,
};
static const double pbi_u_ll99[] = {
    15.9366, 15.8248, 15.9314, 15.8485, 15.8879, 15.8444, 15.7287, 15.7644, 15.8337, 15.8586, 15.849, 15.8145, 15.856,
    15.797, 15.8602, 15.8381, 15.8255, 15.788, 15.6892, 15.7349, 15.7951, 15.825, 15.721, 15.7049,
};
/* u: n=24 digits=4 multiplier=10000 */
/* test/Chart Types/uprime.test.ts */
static const double pbi_uprime_num[] = {
    266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478, 255353, 256820,
    261835, 259144, 255910, 260863, 264465, 260989,
};
static const double pbi_uprime_den[] = {
    280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932, 266629, 268091,
    276803, 271578, 266005, 273520, 278574, 273772,
};
static const double pbi_uprime_ul99[] = {
    0.9657, 0.9658, 0.9654, 0.9653, 0.9656, 0.9658, 0.9656, 0.9653, 0.9656, 0.9656, 0.9657, 0.9656, 0.966, 0.966,
    0.9658, 0.9659, 0.966, 0.9658, 0.9657, 0.9658,
};
static const double pbi_uprime_ul95[] = {
    0.9614, 0.9615, 0.9612, 0.9612, 0.9614, 0.9615, 0.9614, 0.9612, 0.9614, 0.9614, 0.9614, 0.9614, 0.9616, 0.9616,
    0.9615, 0.9616, 0.9616, 0.9615, 0.9614, 0.9615,
};
static const double pbi_uprime_ll95[] = {
    0.9444, 0.9443, 0.9446, 0.9446, 0.9444, 0.9443, 0.9444, 0.9446, 0.9444, 0.9444, 0.9444, 0.9444, 0.9442, 0.9442,
    0.9443, 0.9442, 0.9442, 0.9443, 0.9444, 0.9443,
};
static const double pbi_uprime_ll99[] = {
    0.9401, 0.940, 0.9404, 0.9405, 0.9402, 0.94, 0.9402, 0.9405, 0.9402, 0.9402, 0.9401, 0.9402, 0.9398, 0.9398, 0.94,
    0.9399, 0.9398, 0.94, 0.9401, 0.94,
};
/* uprime: n=20 digits=4 multiplier=1 */
/* test/Chart Types/c.test.ts */
static const double pbi_c_num[] = {
    17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5,
    3, 5, 9, 4, 5, 9,
};
static const double pbi_c_ul99[] = {
    31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68,
    31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 31.68, 15.07, 15.07, 15.07, 15.07, 15.07, 15.07, 15.07, 15.07,
    15.07, 15.07, 15.07, 15.07,
};
static const double pbi_c_ul95[] = {
    27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36,
    27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 27.36, 12.41, 12.41, 12.41, 12.41, 12.41, 12.41, 12.41, 12.41,
    12.41, 12.41, 12.41, 12.41,
};
static const double pbi_c_ll95[] = {
    10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06,
    10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 10.06, 1.76, 1.76, 1.76, 1.76, 1.76, 1.76, 1.76, 1.76, 1.76, 1.76,
    1.76, 1.76,
};
static const double pbi_c_ll99[] = {
    5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73, 5.73,
    5.73, 5.73, 5.73, 5.73, 5.73, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const size_t pbi_c_rebase[] = {24};
/* c: n=36 digits=2 multiplier=1 */
/* test/Outlier Flagging/astronomical.test.ts */
static const pbi_flag_case pbi_astronomical_cases[] = {
    {"should return 'none' when all points are within control limits",
     5, {5, 6, 7, 8, 9}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, "....."},
    {"should return 'upper' when points exceed upper control limit",
     5, {5, 11, 7, 12, 9}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, ".u.u."},
    {"should return 'lower' when points fall below lower control limit",
     5, {5, -1, 7, -2, 9}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, ".l.l."},
    {"should correctly identify both upper and lower outliers in the same dataset",
     5, {5, 11, -1, 8, 12}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, ".ul.u"},
    {"should handle points exactly on the control limits as 'none'", 3, {0, 5, 10}, {0, 0, 0}, {10, 10, 10}, 0, "..."},
    {"should work with varying control limits",
     5, {5, 15, 25, 35, 45}, {0, 10, 20, 30, 40}, {10, 20, 30, 40, 50}, 0, "....."},
    {"should detect outliers with varying control limits",
     5, {5, 25, 25, 35, 55}, {0, 10, 20, 30, 40}, {10, 20, 30, 40, 50}, 0, ".u..u"},
    {"should handle empty arrays", 0, {0}, {0}, {0}, 0, ""},
    {"should handle single point within limits", 1, {5}, {0}, {10}, 0, "."},
    {"should handle single point outside limits", 1, {15}, {0}, {10}, 0, "u"},
    {"should work with negative control limits",
     5, {-15, -10, -5, 0, 5}, {-20, -20, -20, -20, -20}, {0, 0, 0, 0, 0}, 0, "....u"},
};
/* test/Outlier Flagging/twoInThree.test.ts */
static const pbi_flag_case pbi_two_in_three_cases[] = {
    {"should return 'none' when no points are outside 95% limits",
     5, {5, 6, 7, 8, 9}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, "....."},
    {"should detect two-in-three upper violations (2 out of 3 above upper limit)",
     6, {5, 11, 11, 5, 5, 5}, {0, 0, 0, 0, 0, 0}, {10, 10, 10, 10, 10, 10}, 0, ".uu..."},
    {"should detect two-in-three lower violations (2 out of 3 below lower limit)",
     6, {5, -1, -1, 5, 5, 5}, {0, 0, 0, 0, 0, 0}, {10, 10, 10, 10, 10, 10}, 0, ".ll..."},
    {"should detect pattern: outside, outside, inside (3 consecutive with 2 outside)",
     6, {5, 11, 11, 5, 5, 5}, {0, 0, 0, 0, 0, 0}, {10, 10, 10, 10, 10, 10}, 0, ".uu..."},
    {"should detect pattern: outside, inside, outside (3 consecutive with 2 outside)",
     5, {11, 5, 11, 5, 5}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, "u.u.."},
    {"should detect pattern: inside, outside, outside (3 consecutive with 2 outside)",
     5, {5, 11, 11, 5, 5}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, ".uu.."},
    {"should highlight all points in sequence when highlight_series is true",
     5, {11, 5, 11, 5, 5}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 1, "uuu.."},
    {"should not detect when only 1 out of 3 points is outside limits",
     5, {11, 5, 5, 5, 5}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, "....."},
    {"should detect when all 3 out of 3 points are outside limits",
     6, {5, 11, 11, 11, 5, 5}, {0, 0, 0, 0, 0, 0}, {10, 10, 10, 10, 10, 10}, 0, ".uuu.."},
    {"should handle mixed upper and lower violations separately",
     6, {5, 11, 11, -1, 5, 5}, {0, 0, 0, 0, 0, 0}, {10, 10, 10, 10, 10, 10}, 0, ".uu..."},
    {"should detect consecutive two-in-three patterns",
     7, {5, 11, 11, 5, 11, 11, 5}, {0, 0, 0, 0, 0, 0, 0}, {10, 10, 10, 10, 10, 10, 10}, 0, ".uu.uu."},
    {"should handle empty arrays", 0, {0}, {0}, {0}, 0, ""},
    {"should handle single point", 1, {11}, {0}, {10}, 0, "."},
    {"should handle three points with exactly 2 outside", 4, {5, 11, 11, 5}, {0, 0, 0, 0}, {10, 10, 10, 10}, 0, ".uu."},
    {"should work with varying control limits",
     5, {5, 25, 25, 35, 45}, {0, 10, 20, 30, 40}, {10, 20, 30, 40, 50}, 0, "....."},
    {"should not flag points on the 95% limits",
     5, {10, 10, 5, 5, 5}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, "....."},
    {"should detect lower two-in-three pattern",
     5, {5, -1, -1, 5, 5}, {0, 0, 0, 0, 0}, {10, 10, 10, 10, 10}, 0, ".ll.."},
    {"should handle rolling window correctly (continuous pattern)",
     7, {5, 11, 11, 5, 11, 5, 5}, {0, 0, 0, 0, 0, 0, 0}, {10, 10, 10, 10, 10, 10, 10}, 0, ".uu.u.."},
};
/* test/Outlier Flagging/trend.test.ts */
static const pbi_flag_case pbi_trend_cases[] = {
    {"should return 'none' when no trend is detected", 7, {5, 6, 5, 6, 5, 6, 5}, {0}, {0}, 5, "......."},
    {"should detect upward trend when n consecutive increases (n=5)", 7, {1, 2, 3, 4, 5, 6, 5}, {0}, {0}, 5, "uuuuuu."},
    {"should detect downward trend when n consecutive decreases (n=5)",
     7, {6, 5, 4, 3, 2, 1, 2}, {0}, {0}, 5, "llllll."},
    {"should detect trend exactly at n points (n=3)", 5, {1, 2, 3, 4, 2}, {0}, {0}, 3, "uuuu."},
    {"should reset when trend is interrupted", 8, {1, 2, 3, 2, 3, 4, 5, 6}, {0}, {0}, 4, "...uuuuu"},
    {"should handle equal consecutive values (no trend)", 5, {5, 5, 5, 5, 5}, {0}, {0}, 3, "....."},
    {"should handle empty arrays", 0, {0}, {0}, {0}, 5, ""},
    {"should handle single point", 1, {5}, {0}, {0}, 3, "."},
    {"should detect trend with n=2 (any consecutive increase/decrease)", 5, {1, 2, 1, 3, 2}, {0}, {0}, 2, "ulull"},
    {"should backfill all points in a long trend sequence (n=7)", 8, {1, 2, 3, 4, 5, 6, 7, 6}, {0}, {0}, 7, "uuuuuuu."},
    {"should work with negative values trending upward", 5, {-5, -4, -3, -2, -1}, {0}, {0}, 4, "uuuuu"},
    {"should work with negative values trending downward", 5, {-1, -2, -3, -4, -5}, {0}, {0}, 4, "lllll"},
    {"should handle mixed increases and decreases with no sustained trend",
     6, {1, 3, 2, 4, 3, 5}, {0}, {0}, 4, "......"},
    {"should detect trend that continues to end of array", 5, {1, 2, 3, 4, 5}, {0}, {0}, 4, "uuuuu"},
    {"should handle slight variations in an overall trend", 5, {1.0, 1.1, 1.2, 1.3, 1.4}, {0}, {0}, 4, "uuuuu"},
};
/* test/Outlier Flagging/shift.test.ts */
static const pbi_flag_case pbi_shift_cases[] = {
    {"should return 'none' when no shift is detected (n=7)",
     7, {5, 6, 4, 5, 6, 4, 5}, {5, 5, 5, 5, 5, 5, 5}, {0}, 7, "......."},
    {"should detect upper shift when n consecutive points are above target (n=5)",
     7, {5, 6, 6, 6, 6, 6, 5}, {5, 5, 5, 5, 5, 5, 5}, {0}, 5, ".uuuuu."},
    {"should detect lower shift when n consecutive points are below target (n=5)",
     7, {5, 4, 4, 4, 4, 4, 5}, {5, 5, 5, 5, 5, 5, 5}, {0}, 5, ".lllll."},
    {"should detect shift exactly at n points (n=3)", 5, {5, 6, 6, 6, 5}, {5, 5, 5, 5, 5}, {0}, 3, ".uuu."},
    {"should not detect shift when n-1 consecutive points are on same side (n=4)",
     5, {5, 6, 6, 6, 5}, {5, 5, 5, 5, 5}, {0}, 4, "....."},
    {"should reset when shift is interrupted",
     8, {6, 6, 6, 5, 6, 6, 6, 6}, {5, 5, 5, 5, 5, 5, 5, 5}, {0}, 4, "....uuuu"},
    {"should work with varying targets", 5, {6, 7, 8, 9, 10}, {5, 6, 7, 8, 9}, {0}, 3, "uuuuu"},
    {"should handle points exactly on target as no shift", 5, {5, 5, 5, 5, 5}, {5, 5, 5, 5, 5}, {0}, 3, "....."},
    {"should handle empty arrays", 0, {0}, {0}, {0}, 5, ""},
    {"should detect shift with n=1 (any point different from target)",
     5, {5, 6, 5, 4, 5}, {5, 5, 5, 5, 5}, {0}, 1, ".u.l."},
    {"should detect multiple consecutive shifts",
     9, {6, 6, 6, 6, 4, 4, 4, 4, 5}, {5, 5, 5, 5, 5, 5, 5, 5, 5}, {0}, 3, "uuuullll."},
    {"should backfill all points in a long shift sequence (n=7)",
     8, {6, 6, 6, 6, 6, 6, 6, 5}, {5, 5, 5, 5, 5, 5, 5, 5}, {0}, 7, "uuuuuuu."},
    {"should handle alternating values around target (no shift)",
     6, {6, 4, 6, 4, 6, 4}, {5, 5, 5, 5, 5, 5}, {0}, 3, "......"},
    {"should work with negative values", 4, {-2, -2, -2, -2}, {-3, -3, -3, -3}, {0}, 3, "uuuu"},
};

static void test_pbi_flag_functions(void)
{
    int got[16];
    for (size_t c = 0; c < sizeof pbi_astronomical_cases / sizeof *pbi_astronomical_cases; c++) {
        const pbi_flag_case *t = &pbi_astronomical_cases[c];
        spc_pbi_astronomical(t->y, t->a, t->b, t->n, got);
        check_flags_at(__LINE__, t->name, got, t->n, t->want);
    }
    for (size_t c = 0; c < sizeof pbi_two_in_three_cases / sizeof *pbi_two_in_three_cases; c++) {
        const pbi_flag_case *t = &pbi_two_in_three_cases[c];
        spc_pbi_two_in_three(t->y, t->a, t->b, t->n, t->k, got);
        check_flags_at(__LINE__, t->name, got, t->n, t->want);
    }
    for (size_t c = 0; c < sizeof pbi_trend_cases / sizeof *pbi_trend_cases; c++) {
        const pbi_flag_case *t = &pbi_trend_cases[c];
        spc_pbi_trend(t->y, t->n, t->k, got);
        check_flags_at(__LINE__, t->name, got, t->n, t->want);
    }
    for (size_t c = 0; c < sizeof pbi_shift_cases / sizeof *pbi_shift_cases; c++) {
        const pbi_flag_case *t = &pbi_shift_cases[c];
        spc_pbi_shift(t->y, t->a, t->n, t->k, got);
        check_flags_at(__LINE__, t->name, got, t->n, t->want);
    }
    CHECK_INT(sizeof pbi_astronomical_cases / sizeof *pbi_astronomical_cases, 11);
    CHECK_INT(sizeof pbi_two_in_three_cases / sizeof *pbi_two_in_three_cases, 18);
    CHECK_INT(sizeof pbi_trend_cases / sizeof *pbi_trend_cases, 15);
    CHECK_INT(sizeof pbi_shift_cases / sizeof *pbi_shift_cases, 14);
}

/* test/Outlier Flagging/checkFlagDirection.test.ts: every expect(), as
 * (status, process_flag_type, improvement_direction) -> flag. */
static void test_pbi_flag_direction(void)
{
    static const struct {
        char status;            /* 'u' upper, 'l' lower, '.' none */
        spc_flag_filter filter; /* both, improvement, deterioration */
        int improvement;
        spc_point_type want; /* improvement, deterioration (concern), neutral_*, none (common cause) */
    } cases[] = {
        /* should return 'none' when outlierStatus is 'none' */
        {'.', SPC_FLAG_BOTH, 1, SPC_COMMON_CAUSE},
        /* improvement direction: increase */
        {'u', SPC_FLAG_BOTH, 1, SPC_IMPROVEMENT},
        {'l', SPC_FLAG_BOTH, 1, SPC_CONCERN},
        /* improvement direction: decrease */
        {'l', SPC_FLAG_BOTH, -1, SPC_IMPROVEMENT},
        {'u', SPC_FLAG_BOTH, -1, SPC_CONCERN},
        /* improvement direction: neutral */
        {'l', SPC_FLAG_BOTH, 0, SPC_NEUTRAL_LOW},
        {'u', SPC_FLAG_BOTH, 0, SPC_NEUTRAL_HIGH},
        /* process_flag_type filtering */
        {'u', SPC_FLAG_IMPROVEMENT, 1, SPC_IMPROVEMENT},
        {'l', SPC_FLAG_IMPROVEMENT, 1, SPC_COMMON_CAUSE},
        {'l', SPC_FLAG_CONCERN, 1, SPC_CONCERN},
        {'u', SPC_FLAG_CONCERN, 1, SPC_COMMON_CAUSE},
        {'u', SPC_FLAG_BOTH, 1, SPC_IMPROVEMENT},
        {'l', SPC_FLAG_BOTH, 1, SPC_CONCERN},
        /* combined scenarios */
        {'l', SPC_FLAG_IMPROVEMENT, -1, SPC_IMPROVEMENT},
        {'u', SPC_FLAG_IMPROVEMENT, -1, SPC_COMMON_CAUSE},
        {'u', SPC_FLAG_CONCERN, -1, SPC_CONCERN},
        {'l', SPC_FLAG_CONCERN, -1, SPC_COMMON_CAUSE},
        {'u', SPC_FLAG_BOTH, 0, SPC_NEUTRAL_HIGH},
        {'l', SPC_FLAG_BOTH, 0, SPC_NEUTRAL_LOW},
        {'u', SPC_FLAG_IMPROVEMENT, 0, SPC_COMMON_CAUSE},
        {'l', SPC_FLAG_IMPROVEMENT, 0, SPC_COMMON_CAUSE},
        {'u', SPC_FLAG_CONCERN, 0, SPC_COMMON_CAUSE},
        {'l', SPC_FLAG_CONCERN, 0, SPC_COMMON_CAUSE},
        /* edge cases: all combinations of increase direction */
        {'u', SPC_FLAG_BOTH, 1, SPC_IMPROVEMENT},
        {'u', SPC_FLAG_IMPROVEMENT, 1, SPC_IMPROVEMENT},
        {'u', SPC_FLAG_CONCERN, 1, SPC_COMMON_CAUSE},
        {'l', SPC_FLAG_BOTH, 1, SPC_CONCERN},
        {'l', SPC_FLAG_IMPROVEMENT, 1, SPC_COMMON_CAUSE},
        {'l', SPC_FLAG_CONCERN, 1, SPC_CONCERN},
        /* all combinations of decrease direction */
        {'l', SPC_FLAG_BOTH, -1, SPC_IMPROVEMENT},
        {'l', SPC_FLAG_IMPROVEMENT, -1, SPC_IMPROVEMENT},
        {'l', SPC_FLAG_CONCERN, -1, SPC_COMMON_CAUSE},
        {'u', SPC_FLAG_BOTH, -1, SPC_CONCERN},
        {'u', SPC_FLAG_IMPROVEMENT, -1, SPC_COMMON_CAUSE},
        {'u', SPC_FLAG_CONCERN, -1, SPC_CONCERN},
        /* should always return 'none' for outlierStatus='none' regardless of settings */
        {'.', SPC_FLAG_BOTH, 1, SPC_COMMON_CAUSE},
        {'.', SPC_FLAG_IMPROVEMENT, -1, SPC_COMMON_CAUSE},
        {'.', SPC_FLAG_CONCERN, 0, SPC_COMMON_CAUSE},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        int dir = cases[c].status == 'u' ? 1 : cases[c].status == 'l' ? -1 : 0;
        spc_point_type t = spc_flag_type(dir, cases[c].improvement, cases[c].filter);
        if (t != cases[c].want)
            fprintf(stderr, "checkFlagDirection case %zu\n", c + 1);
        CHECK_INT(t, cases[c].want);
    }
}

/* test/Outlier Flagging/variationIconsToDraw.test.ts. The four strings are
 * createOutliers(astpoint, shift, trend, two_in_three), one character a
 * point: 'i' improvement, 'd' deterioration, 'l' neutral_low, 'h'
 * neutral_high, '.' none. "should handle all four variation types
 * simultaneously" is left out: it flags improvement and deterioration under
 * a neutral direction, which no chart produces and whose suffix-less icons
 * ("improvement", "concern") spc_variation has no names for. */
static void test_pbi_variation_icons(void)
{
    static const struct {
        const char *name;
        int improvement, last_only;
        const char *flags[4];
        spc_variation want[4];
        size_t n_want;
    } cases[] = {
        {"should return 'commonCause' when no outliers are present", 1, 0, {"...", "...", "...", "..."},
         {SPC_VARIATION_COMMON_CAUSE}, 1},
        {"should return 'improvementHigh' when improvement is detected", 1, 0, {"i..", "...", "...", "..."},
         {SPC_VARIATION_IMPROVEMENT_HIGH}, 1},
        {"should return 'concernLow' when deterioration is detected", 1, 0, {"d..", "...", "...", "..."},
         {SPC_VARIATION_CONCERN_LOW}, 1},
        {"should return both icons when both improvement and deterioration present", 1, 0,
         {"i..", "d..", "...", "..."}, {SPC_VARIATION_IMPROVEMENT_HIGH, SPC_VARIATION_CONCERN_LOW}, 2},
        {"should return 'improvementLow' when improvement is detected", -1, 0, {"i..", "...", "...", "..."},
         {SPC_VARIATION_IMPROVEMENT_LOW}, 1},
        {"should return 'concernHigh' when deterioration is detected", -1, 0, {"d..", "...", "...", "..."},
         {SPC_VARIATION_CONCERN_HIGH}, 1},
        {"should return 'neutralLow' when neutral_low is detected", 0, 0, {"l..", "...", "...", "..."},
         {SPC_VARIATION_NEUTRAL_LOW}, 1},
        {"should return 'neutralHigh' when neutral_high is detected", 0, 0, {"h..", "...", "...", "..."},
         {SPC_VARIATION_NEUTRAL_HIGH}, 1},
        {"should return both neutral icons when both directions detected", 0, 0, {"lh.", "...", "...", "..."},
         {SPC_VARIATION_NEUTRAL_LOW, SPC_VARIATION_NEUTRAL_HIGH}, 2},
        {"should detect outliers from all four detection methods", 1, 0, {"i..", ".i.", "..i", "i.."},
         {SPC_VARIATION_IMPROVEMENT_HIGH}, 1},
        {"should combine different detection methods with different directions", 1, 0, {"i..", "d..", "i..", "d.."},
         {SPC_VARIATION_IMPROVEMENT_HIGH, SPC_VARIATION_CONCERN_LOW}, 2},
        {"should only check last point when flag_last_point is true", 1, 1, {"ii.", "...", "...", "..."},
         {SPC_VARIATION_COMMON_CAUSE}, 1},
        {"should detect outlier in last point when flag_last_point is true", 1, 1, {"..i", "...", "...", "..."},
         {SPC_VARIATION_IMPROVEMENT_HIGH}, 1},
        {"should check all points when flag_last_point is false", 1, 0, {"ii.", "...", "...", "..."},
         {SPC_VARIATION_IMPROVEMENT_HIGH}, 1},
        {"should check last point across all detection methods when flag_last_point is true", 1, 1,
         {"..i", "..d", "..i", "..."}, {SPC_VARIATION_IMPROVEMENT_HIGH, SPC_VARIATION_CONCERN_LOW}, 2},
        {"should handle single point arrays", 1, 0, {"i", ".", ".", "."}, {SPC_VARIATION_IMPROVEMENT_HIGH}, 1},
        {"should handle empty arrays", 1, 0, {"", "", "", ""}, {SPC_VARIATION_COMMON_CAUSE}, 1},
        {"should deduplicate icon types", 1, 0, {"iii", "iii", "iii", "iii"}, {SPC_VARIATION_IMPROVEMENT_HIGH}, 1},
        {"should correctly invert suffixes for deterioration in increase direction", 1, 0,
         {"d..", "...", "...", "..."}, {SPC_VARIATION_CONCERN_LOW}, 1},
        {"should correctly invert suffixes for deterioration in decrease direction", -1, 0,
         {"d..", "...", "...", "..."}, {SPC_VARIATION_CONCERN_HIGH}, 1},
    };
    /* createOutliers' order, as indices into spc_point.dirs */
    static const spc_rule order[4] = {SPC_RULE_ASTRONOMICAL, SPC_RULE_SHIFT, SPC_RULE_TREND, SPC_RULE_TWO_IN_THREE};
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        spc_point pts[4];
        size_t n = strlen(cases[c].flags[0]);
        memset(pts, 0, sizeof pts);
        for (int r = 0; r < 4; r++) {
            for (size_t i = 0; i < n; i++) {
                char f = cases[c].flags[r][i];
                int imp = cases[c].improvement;
                pts[i].dirs[order[r] - 1] = f == 'i' ? imp : f == 'd' ? -imp : f == 'h' ? 1 : f == 'l' ? -1 : 0;
            }
        }
        spc_variation got[4];
        size_t k = spc_variation_icons(pts, n, cases[c].improvement, cases[c].last_only, got);
        if (k != cases[c].n_want)
            fprintf(stderr, "variationIconsToDraw: %s\n", cases[c].name);
        CHECK_INT(k, cases[c].n_want);
        for (size_t j = 0; j < k && j < cases[c].n_want; j++)
            CHECK_STR(spc_variation_name(got[j]), spc_variation_name(cases[c].want[j]));
    }
}

/* test/Outlier Flagging/assuranceIconToDraw.test.ts: the last point's target
 * against its 99% limits. ("should return 'none' when chart type does not
 * support control limits" is the run chart, which is not ported.) */
static void test_pbi_assurance(void)
{
    static const struct {
        const char *name;
        double ul99[3], ll99[3], target[3];
        size_t n;
        int improvement;
        spc_assurance want;
    } cases[] = {
        {"should return 'none' when alternative target is null", {10}, {0}, {NAN}, 1, 1, SPC_ASSURANCE_NONE},
        {"should return 'none' when improvement direction is neutral", {10}, {0}, {5}, 1, 0, SPC_ASSURANCE_NONE},
        {"should return 'consistentFail' when target is above upper limit", {10}, {0}, {15}, 1, 1, SPC_ASSURANCE_FAIL},
        {"should return 'consistentPass' when target is below lower limit", {10}, {0}, {-5}, 1, 1, SPC_ASSURANCE_PASS},
        {"should return 'inconsistent' when target is within control limits", {10}, {0}, {5}, 1, 1,
         SPC_ASSURANCE_INCONSISTENT},
        {"(decrease) should return 'consistentPass' when target is above upper limit", {10}, {0}, {15}, 1, -1,
         SPC_ASSURANCE_PASS},
        {"(decrease) should return 'consistentFail' when target is below lower limit", {10}, {0}, {-5}, 1, -1,
         SPC_ASSURANCE_FAIL},
        {"(decrease) should return 'inconsistent' when target is within control limits", {10}, {0}, {5}, 1, -1,
         SPC_ASSURANCE_INCONSISTENT},
        {"should treat target exactly on upper limit as inconsistent", {10}, {0}, {10}, 1, 1,
         SPC_ASSURANCE_INCONSISTENT},
        {"should treat target exactly on lower limit as inconsistent", {10}, {0}, {0}, 1, 1,
         SPC_ASSURANCE_INCONSISTENT},
        {"should use the last value of control limits and alternative targets", {8, 9, 10}, {2, 1, 0}, {3, 4, 15}, 3,
         1, SPC_ASSURANCE_FAIL},
        {"should handle last alternative target within limits", {8, 9, 10}, {2, 1, 0}, {15, 15, 5}, 3, 1,
         SPC_ASSURANCE_INCONSISTENT},
        {"should work with negative control limits and targets", {0}, {-10}, {-15}, 1, 1, SPC_ASSURANCE_PASS},
        {"should handle negative target within negative control limits", {0}, {-10}, {-5}, 1, -1,
         SPC_ASSURANCE_INCONSISTENT},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        size_t last = cases[c].n - 1;
        spc_assurance a =
            spc_assurance_for(cases[c].ll99[last], cases[c].ul99[last], cases[c].target[last], cases[c].improvement);
        if (a != cases[c].want)
            fprintf(stderr, "assuranceIconToDraw: %s\n", cases[c].name);
        CHECK_INT(a, cases[c].want);
    }
}

typedef struct pbi_chart_case {
    const char *file; /* test/Chart Types/<file> */
    spc_chart chart;
    size_t n;
    const double *num, *den;
    const double *ul99, *ul95, *ll95, *ll99;
    const size_t *rebase; /* from the groupings column */
    size_t rebase_n;
    double multiplier; /* derivedSettingsClass: 100 for p and p', spc.multiplier otherwise */
    int digits;        /* toBeCloseTo precision */
} pbi_chart_case;

#define PBI_CASE(file, chart, id, den, rebase, rebase_n, mult, digits)                                          \
    {file, chart, sizeof id##_num / sizeof *id##_num, id##_num, den, id##_ul99, id##_ul95, id##_ll95, id##_ll99, \
     rebase, rebase_n, mult, digits}

static const pbi_chart_case pbi_charts[] = {
    PBI_CASE("i.test.ts: I Chart can be created", SPC_CHART_XMR, pbi_i, pbi_i_den, NULL, 0, 1, 4),
    PBI_CASE("p.test.ts: P Chart can be created", SPC_CHART_P, pbi_p, pbi_p_den, NULL, 0, 100, 2),
    PBI_CASE("pprime.test.ts: P-Prime Chart can be created", SPC_CHART_PP, pbi_pprime, pbi_pprime_den, NULL, 0, 100,
             4),
    PBI_CASE("u.test.ts: U Chart can be created", SPC_CHART_U, pbi_u, pbi_u_den, NULL, 0, 10000, 4),
    PBI_CASE("uprime.test.ts: U-Prime Chart can be created", SPC_CHART_UP, pbi_uprime, pbi_uprime_den, NULL, 0, 1, 4),
    PBI_CASE("c.test.ts: C Chart can be created", SPC_CHART_C, pbi_c, NULL, pbi_c_rebase, 1, 1, 2),
};

#define PBI_MAX 40

/* The limits of each chart test, under the powerbi_spc preset; then the
 * engine's flags on the same data against the PowerBI-SPC flag functions
 * run on the engine's limits (derived: the chart tests check limits only). */
static void test_pbi_charts(void)
{
    for (size_t c = 0; c < sizeof pbi_charts / sizeof *pbi_charts; c++) {
        const pbi_chart_case *t = &pbi_charts[c];
        spc_options o;
        spc_options_default(&o);
        err e = {0};
        CHECK_INT(spc_options_preset(&o, "powerbi_spc", &e), 0);
        o.chart = t->chart;
        o.rebase = t->rebase;
        o.rebase_n = t->rebase_n;
        spc_point pts[PBI_MAX];
        spc_result r;
        CHECK(t->n <= PBI_MAX);
        CHECK_INT(spc_analyse_counts(t->num, t->den, t->n, &o, pts, &r, &e), 0);
        CHECK_INT(r.status, STATS_OK);
        CHECK_INT(r.segments, t->rebase_n + 1);
        for (size_t i = 0; i < t->n; i++) {
            check_close_at(__LINE__, t->file, i, pts[i].upl * t->multiplier, t->ul99[i], t->digits);
            check_close_at(__LINE__, t->file, i, pts[i].upper_two_sigma * t->multiplier, t->ul95[i], t->digits);
            check_close_at(__LINE__, t->file, i, pts[i].lower_two_sigma * t->multiplier, t->ll95[i], t->digits);
            check_close_at(__LINE__, t->file, i, pts[i].lpl * t->multiplier, t->ll99[i], t->digits);
        }
        /* flagOutliers, per group: the engine agrees with the flag functions */
        double y[PBI_MAX], ll[PBI_MAX], ul[PBI_MAX], l2[PBI_MAX], u2[PBI_MAX], cl[PBI_MAX];
        int ast[PBI_MAX], two[PBI_MAX], tr[PBI_MAX], sh[PBI_MAX];
        for (size_t i = 0; i < t->n; i++) {
            y[i] = pts[i].y;
            ll[i] = pts[i].lpl;
            ul[i] = pts[i].upl;
            l2[i] = pts[i].lower_two_sigma;
            u2[i] = pts[i].upper_two_sigma;
            cl[i] = pts[i].cl;
        }
        size_t a = 0;
        for (size_t g = 0; g <= t->rebase_n; g++) {
            size_t b = g < t->rebase_n ? t->rebase[g] : t->n;
            spc_pbi_astronomical(y + a, ll + a, ul + a, b - a, ast + a);
            spc_pbi_two_in_three(y + a, l2 + a, u2 + a, b - a, 0, two + a);
            spc_pbi_trend(y + a, b - a, o.trend_n, tr + a);
            spc_pbi_shift(y + a, cl + a, b - a, o.shift_n, sh + a);
            a = b;
        }
        for (size_t i = 0; i < t->n; i++) {
            CHECK_INT(pts[i].dirs[SPC_RULE_ASTRONOMICAL - 1], ast[i]);
            CHECK_INT(pts[i].dirs[SPC_RULE_TWO_IN_THREE - 1], two[i]);
            CHECK_INT(pts[i].dirs[SPC_RULE_TREND - 1], tr[i]);
            CHECK_INT(pts[i].dirs[SPC_RULE_SHIFT - 1], sh[i]);
        }
        spc_variation icons[4];
        size_t k = spc_variation_icons(pts, t->n, o.improvement, 1, icons);
        CHECK_INT(r.icons, k);
        CHECK_INT(r.variation, icons[0]);
    }
}

/* ==== qicharts2 (anhoej/qicharts2 0.8.1 @1b9487e) ==== */

/* testthat's expect_equal tolerance, sqrt(.Machine$double.eps), applied to
 * each value (all.equal applies it to the mean difference of a column). */
static void check_rel_at(int line, const char *what, size_t i, double got, double want)
{
    check_count++;
    if (!(got == want || fabs(got - want) <= 1.5e-8 * fabs(want))) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s[%zu] is %.17g, expected %.17g\n", __FILE__, line, what, i, got, want);
    }
}

static void check_runs_at(int line, const char *what, const spc_runs *got, const spc_runs *want)
{
    check_count++;
    if (got->n_obs != want->n_obs || got->useful != want->useful || got->longest_run != want->longest_run ||
        got->longest_run_max != want->longest_run_max || got->crossings != want->crossings ||
        got->crossings_min != want->crossings_min || got->signal != want->signal) {
        check_failures++;
        fprintf(stderr,
                "%s:%d: %s: runs %zu %zu %zu %zu %zu %zu %d, expected %zu %zu %zu %zu %zu %zu %d\n", __FILE__, line,
                what, got->n_obs, got->useful, got->longest_run, got->longest_run_max, got->crossings,
                got->crossings_min, got->signal, want->n_obs, want->useful, want->longest_run,
                want->longest_run_max, want->crossings, want->crossings_min, want->signal);
    }
}

/* The rds files hold qic()$data: the inputs (y.sum, n) and each point's cl,
 * lcl, ucl, sigma.signal and its part's runs analysis, written out here as
 * numbers (n.obs, n.useful, longest.run, longest.run.max, n.crossings,
 * n.crossings.min, runs.signal). */
/* tests/testthat/ex_6.5_3.rds: qic(weeks, cost, data = tbl_06.07, chart = 'i', freeze = 20) */
static const double qic_ex653_num[] = {
    310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304, 305, 282, 305,
    296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299, 304, 310, 304, 305, 333, 328,
};
static const double qic_ex653_cl[] = {
    300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5,
    300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5,
    300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5, 300.5,
};
static const double qic_ex653_lcl[] = {
    279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284,
    279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284,
    279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284,
    279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284,
    279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284,
    279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284,
    279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284,
    279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284, 279.78331466965284,
};
static const double qic_ex653_ucl[] = {
    321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716,
    321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716,
    321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716,
    321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716,
    321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716,
    321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716,
    321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716,
    321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716, 321.21668533034716,
};
static const char qic_ex653_signal[] = "......................................xx";
static const spc_runs qic_ex653_runs[] = {{40, 40, 6, 8, 20, 14, 0}};
/* n 40, freeze 20 (of 40), multiply 1 */

/* tests/testthat/ex_7.1_5.rds: qic(sample, count, size, notes = note, data = tbl_07.03, chart = 'p',
 *                                 exclude = c(15, 23), part = 30) */
static const double qic_ex715_num[] = {
    12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6, 9, 6,
    12, 5, 6, 4, 6, 3, 7, 6, 2, 4, 3, 6, 5, 4, 8, 5, 6, 7, 5, 6, 3, 5, 8, 7, 5, 6, 4, 5, 2, 3, 4, 7, 6, 5, 5, 3, 7, 9,
    6, 10, 4, 3, 5, 8, 11, 9, 7, 3, 5, 2, 1, 4, 5, 3, 7, 6, 4, 4, 6, 8, 5, 6,
};
static const double qic_ex715_den[] = {
    50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50,
    50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50,
    50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50,
    50, 50, 50, 50, 50, 50, 50,
};
static const double qic_ex715_cl[] = {
    0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215,
    0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215, 0.215,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
    0.10968749999999999, 0.10968749999999999, 0.10968749999999999, 0.10968749999999999,
};
static const double qic_ex715_lcl[] = {
    0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555,
    0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555,
    0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555,
    0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555,
    0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555,
    0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0.040702839954289555, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
static const double qic_ex715_ucl[] = {
    0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047,
    0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047,
    0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047,
    0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047,
    0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047,
    0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047, 0.38929716004571047,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
    0.24226995518120034, 0.24226995518120034, 0.24226995518120034, 0.24226995518120034,
};
static const char qic_ex715_signal[] =
    "..............x.....x.x....................................."
    "..................................";
static const size_t qic_ex715_exclude[] = {14, 22};
static const size_t qic_ex715_rebase[] = {30};
static const spc_runs qic_ex715_runs[] = {{28, 28, 5, 8, 13, 9, 0}, {64, 64, 7, 9, 30, 25, 0}};
/* n 94, freeze 94 (of 94), multiply 1 */

/* tests/testthat/tbl_7.4_1.rds: qic(sample, count, size, data = tbl_07.04, chart = 'p') */
static const double qic_tbl741_num[] = {
    12, 8, 6, 9, 10, 12, 11, 16, 10, 6, 20, 15, 9, 8, 6, 8, 10, 7, 5, 8, 5, 8, 10, 6, 9,
};
static const double qic_tbl741_den[] = {
    100, 80, 80, 100, 110, 110, 100, 100, 90, 90, 110, 120, 120, 120, 110, 80, 80, 80, 90, 100, 100, 100, 100, 90, 90,
};
static const double qic_tbl741_cl[] = {
    0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646,
    0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646,
    0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646,
    0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646,
    0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646, 0.095510204081632646,
};
static const double qic_tbl741_lcl[] = {
    0.0073346947277730667, 0, 0, 0.0073346947277730667, 0.011438154625052752, 0.011438154625052752,
    0.0073346947277730667, 0.0073346947277730667, 0.0025650562804066107, 0.0025650562804066107, 0.011438154625052752,
    0.015017344927271539, 0.015017344927271539, 0.015017344927271539, 0.011438154625052752, 0, 0, 0,
    0.0025650562804066107, 0.0073346947277730667, 0.0073346947277730667, 0.0073346947277730667, 0.0073346947277730667,
    0.0025650562804066107, 0.0025650562804066107,
};
static const double qic_tbl741_ucl[] = {
    0.18368571343549223, 0.19409342051458195, 0.19409342051458195, 0.18368571343549223, 0.17958225353821256,
    0.17958225353821256, 0.18368571343549223, 0.18368571343549223, 0.18845535188285867, 0.18845535188285867,
    0.17958225353821256, 0.17600306323599374, 0.17600306323599374, 0.17600306323599374, 0.17958225353821256,
    0.19409342051458195, 0.19409342051458195, 0.19409342051458195, 0.18845535188285867, 0.18368571343549223,
    0.18368571343549223, 0.18368571343549223, 0.18368571343549223, 0.18845535188285867, 0.18845535188285867,
};
static const char qic_tbl741_signal[] = "..........x..............";
static const spc_runs qic_tbl741_runs[] = {{25, 25, 5, 8, 10, 8, 0}};
/* n 25, freeze 25 (of 25), multiply 1 */

/* tests/testthat/ex_7.3_3.rds: qic(sample, count, data = tbl_07.08, chart = 'c', exclude = c(6, 20), freeze = 26) */
static const double qic_ex733_num[] = {
    21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24, 16, 19, 17, 15, 16, 18, 12,
    15, 24, 21, 28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9, 16, 21,
};
static const double qic_ex733_cl[] = {
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668, 19.666666666666668,
    19.666666666666668,
};
static const double qic_ex733_lcl[] = {
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975, 6.3625319710165975,
    6.3625319710165975,
};
static const double qic_ex733_ucl[] = {
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735, 32.970801362316735,
    32.970801362316735,
};
static const char qic_ex733_signal[] = ".....x.............x..........................";
static const size_t qic_ex733_exclude[] = {5, 19};
static const spc_runs qic_ex733_runs[] = {{44, 44, 8, 8, 14, 16, 1}};
/* n 46, freeze 26 (of 46), multiply 1 */

/* tests/testthat/ex_7.4_1.rds: qic(sample, count, size, data = tbl_07.10, chart = 'u') */
static const double qic_ex741_num[] = {2, 3, 8, 1, 1, 4, 1, 4, 5, 1, 8, 2, 4, 3, 4, 1, 8, 3, 7, 4};
static const double qic_ex741_den[] = {50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50};
static const double qic_ex741_cl[] = {
    0.073999999999999996, 0.073999999999999996, 0.073999999999999996, 0.073999999999999996, 0.073999999999999996,
    0.073999999999999996, 0.073999999999999996, 0.073999999999999996, 0.073999999999999996, 0.073999999999999996,
    0.073999999999999996, 0.073999999999999996, 0.073999999999999996, 0.073999999999999996, 0.073999999999999996,
    0.073999999999999996, 0.073999999999999996, 0.073999999999999996, 0.073999999999999996, 0.073999999999999996,
};
static const double qic_ex741_lcl[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
static const double qic_ex741_ucl[] = {
    0.1894123043700281, 0.1894123043700281, 0.1894123043700281, 0.1894123043700281, 0.1894123043700281,
    0.1894123043700281, 0.1894123043700281, 0.1894123043700281, 0.1894123043700281, 0.1894123043700281,
    0.1894123043700281, 0.1894123043700281, 0.1894123043700281, 0.1894123043700281, 0.1894123043700281,
    0.1894123043700281, 0.1894123043700281, 0.1894123043700281, 0.1894123043700281, 0.1894123043700281,
};
static const char qic_ex741_signal[] = "....................";
static const spc_runs qic_ex741_runs[] = {{20, 20, 2, 7, 15, 6, 0}};
/* n 20, freeze 20 (of 20), multiply 1 */

/* tests/testthat/ex_7.5_1.rds: qic(roll, count, meters, data = tbl_07.11, chart = 'u', multiply = 50) */
static const double qic_ex751_num[] = {14, 12, 20, 11, 7, 10, 21, 16, 19, 23};
static const double qic_ex751_den[] = {500, 400, 650, 500, 475, 500, 600, 525, 600, 625};
static const double qic_ex751_cl[] = {
    1.4232558139534883, 1.4232558139534883, 1.4232558139534883, 1.4232558139534883, 1.4232558139534883,
    1.4232558139534883, 1.4232558139534883, 1.4232558139534883, 1.4232558139534883, 1.4232558139534883,
};
static const double qic_ex751_lcl[] = {
    0.29147393012686534, 0.15788519998393874, 0.43061743663693214, 0.29147393012686534, 0.26207210186521834,
    0.29147393012686534, 0.3900850340409337, 0.31874979096525868, 0.3900850340409337, 0.41095932277784886,
};
static const double qic_ex751_ucl[] = {
    2.555037697780111, 2.6886264279230376, 2.4158941912700445, 2.555037697780111, 2.5844395260417583, 2.555037697780111,
    2.456426593866043, 2.5277618369417181, 2.456426593866043, 2.4355523051291277,
};
static const char qic_ex751_signal[] = "..........";
static const spc_runs qic_ex751_runs[] = {{10, 10, 4, 6, 3, 2, 0}};
/* n 10, freeze 10 (of 10), multiply 50 */


typedef struct qic_case {
    const char *file; /* tests/testthat/test_montgomery.R: the reference it is equal to */
    spc_chart chart;
    size_t n;
    const double *num, *den;
    const double *cl, *lcl, *ucl;
    const char *signal; /* sigma.signal, 'x' for TRUE */
    const size_t *exclude;
    size_t exclude_n;
    const size_t *rebase; /* part */
    size_t rebase_n;
    size_t freeze;
    double multiply;
    const spc_runs *runs; /* per part */
} qic_case;

#define QIC_CASE(file, chart, id, den, ex, ex_n, rb, rb_n, freeze, mult)                                          \
    {file, chart, sizeof qic_##id##_num / sizeof *qic_##id##_num, qic_##id##_num, den, qic_##id##_cl,             \
     qic_##id##_lcl, qic_##id##_ucl, qic_##id##_signal, ex, ex_n, rb, rb_n, freeze, mult, qic_##id##_runs}

static const qic_case qic_cases[] = {
    QIC_CASE("ex_6.5_3.rds (Example 6.5 is equal to reference)", SPC_CHART_XMR, ex653, NULL, NULL, 0, NULL, 0, 20, 1),
    QIC_CASE("ex_7.1_5.rds (Example 7.1 is equal to reference)", SPC_CHART_P, ex715, qic_ex715_den, qic_ex715_exclude,
             2, qic_ex715_rebase, 1, 0, 1),
    QIC_CASE("tbl_7.4_1.rds (Table 7.4 is equal to reference)", SPC_CHART_P, tbl741, qic_tbl741_den, NULL, 0, NULL, 0,
             0, 1),
    QIC_CASE("ex_7.3_3.rds (Example 7.3 is equal to reference)", SPC_CHART_C, ex733, NULL, qic_ex733_exclude, 2, NULL,
             0, 26, 1),
    QIC_CASE("ex_7.4_1.rds (Example 7.4 is equal to reference)", SPC_CHART_U, ex741, qic_ex741_den, NULL, 0, NULL, 0,
             0, 1),
    QIC_CASE("ex_7.5_1.rds (Example 7.5 is equal to reference)", SPC_CHART_U, ex751, qic_ex751_den, NULL, 0, NULL, 0,
             0, 50),
};

#define QIC_MAX 100

/* The runs analysis of points [a, b), less the excluded ones. */
static void segment_runs(const spc_point *pts, size_t a, size_t b, spc_runs *out)
{
    double y[QIC_MAX], cl[QIC_MAX];
    size_t k = 0;
    for (size_t i = a; i < b; i++) {
        if (!pts[i].excluded) {
            y[k] = pts[i].y;
            cl[k++] = pts[i].cl;
        }
    }
    spc_runs_analysis(y, cl, k, out);
}

static void test_qic_montgomery(void)
{
    for (size_t c = 0; c < sizeof qic_cases / sizeof *qic_cases; c++) {
        const qic_case *t = &qic_cases[c];
        spc_options o;
        spc_options_default(&o);
        err e = {0};
        CHECK_INT(spc_options_preset(&o, "qicharts2", &e), 0);
        o.min_points = 0;
        o.chart = t->chart;
        o.exclude = t->exclude;
        o.exclude_n = t->exclude_n;
        o.rebase = t->rebase;
        o.rebase_n = t->rebase_n;
        o.baseline_n = t->freeze;
        spc_point pts[QIC_MAX];
        spc_result r;
        CHECK(t->n <= QIC_MAX);
        CHECK_INT(spc_analyse_counts(t->num, t->den, t->n, &o, pts, &r, &e), 0);
        CHECK_INT(r.status, STATS_OK);
        for (size_t i = 0; i < t->n; i++) {
            check_rel_at(__LINE__, t->file, i, pts[i].cl * t->multiply, t->cl[i]);
            check_rel_at(__LINE__, t->file, i, pts[i].lpl * t->multiply, t->lcl[i]);
            check_rel_at(__LINE__, t->file, i, pts[i].upl * t->multiply, t->ucl[i]);
            CHECK_INT(pts[i].outside, t->signal[i] == 'x');
            CHECK_INT(pts[i].rule, t->signal[i] == 'x' ? SPC_RULE_ASTRONOMICAL : SPC_RULE_NONE);
        }
        size_t a = 0;
        for (size_t g = 0; g <= t->rebase_n; g++) {
            size_t b = g < t->rebase_n ? t->rebase[g] : t->n;
            spc_runs got;
            segment_runs(pts, a, b, &got);
            check_runs_at(__LINE__, t->file, &got, &t->runs[g]);
            CHECK_INT(pts[a].runs_signal, t->runs[g].signal);
            a = b;
        }
        check_runs_at(__LINE__, t->file, &r.runs, &t->runs[t->rebase_n]);
    }
}

typedef struct hai_case {
    const char *file, *facets;
    size_t n_obs, useful, longest_run, longest_run_max, crossings, crossings_min;
    int runs_signal;
    double alcl, cl, aucl;
    size_t sigma_signal;
} hai_case;

/* data/hospital_infections.rda: 6 hospitals x 3 infections x 24 months, in that order */
static const double hai_n[432] = {
    17, 18, 17, 10, 13, 14, 9, 15, 16, 10, 15, 15, 10, 14, 14, 15, 15, 15, 16, 16, 12, 12, 9, 9,
    7, 13, 5, 5, 3, 5, 9, 4, 5, 9, 11, 12, 8, 9, 7, 10, 11, 9, 11, 12, 8, 6, 8, 11,
    57, 58, 55, 56, 49, 61, 54, 65, 59, 73, 68, 66, 59, 57, 68, 56, 48, 77, 49, 75, 63, 61, 58, 74,
    14, 13, 9, 8, 13, 12, 5, 8, 12, 7, 15, 10, 11, 5, 6, 6, 12, 7, 9, 6, 6, 12, 7, 11,
    24, 18, 16, 17, 10, 5, 7, 9, 7, 7, 14, 11, 7, 6, 13, 17, 19, 11, 11, 10, 8, 15, 7, 15,
    51, 60, 56, 43, 58, 34, 43, 47, 60, 49, 46, 43, 55, 53, 44, 56, 52, 49, 49, 52, 51, 43, 56, 51,
    2, 0, 1, 1, 3, 1, 1, 0, 1, 0, 2, 0, 4, 0, 1, 2, 0, 0, 2, 2, 3, 2, 0, 1,
    2, 1, 2, 1, 0, 1, 0, 2, 1, 0, 1, 2, 1, 2, 0, 3, 0, 1, 1, 0, 1, 3, 1, 0,
    1, 0, 2, 0, 3, 7, 7, 7, 9, 5, 4, 8, 4, 1, 8, 8, 11, 8, 6, 7, 5, 9, 11, 7,
    32, 8, 16, 18, 28, 26, 26, 24, 19, 33, 26, 25, 16, 24, 22, 22, 15, 15, 13, 16, 20, 26, 18, 19,
    14, 11, 18, 23, 13, 6, 10, 9, 8, 11, 20, 18, 13, 16, 16, 17, 10, 8, 5, 10, 7, 13, 8, 15,
    97, 81, 88, 99, 75, 116, 67, 96, 82, 107, 105, 109, 126, 93, 105, 102, 84, 86, 59, 96, 102, 90, 76, 84,
    12, 12, 15, 14, 17, 11, 18, 10, 7, 5, 8, 6, 8, 11, 10, 7, 12, 13, 5, 7, 10, 9, 10, 9,
    6, 10, 8, 5, 13, 8, 8, 5, 5, 8, 7, 7, 5, 10, 13, 6, 6, 7, 8, 6, 4, 9, 8, 9,
    65, 58, 67, 71, 52, 42, 53, 52, 50, 45, 50, 50, 42, 50, 57, 56, 63, 52, 53, 64, 52, 49, 61, 48,
    29, 18, 32, 26, 21, 28, 30, 17, 27, 30, 26, 19, 19, 26, 27, 27, 26, 35, 24, 28, 27, 21, 17, 24,
    19, 21, 26, 18, 13, 20, 11, 22, 20, 12, 16, 8, 16, 19, 24, 12, 13, 13, 11, 10, 18, 16, 10, 7,
    126, 121, 152, 113, 123, 122, 99, 113, 106, 101, 109, 97, 105, 125, 114, 109, 112, 122, 87, 95, 98, 117, 89, 96,
};
static const double hai_days[432] = {
    17233.666666662699, 15308.2499999953, 16883.666666668301, 15463.833333328499, 15788.958333336201,
    15660.041666671399, 15206.416666663899, 15223.8750000084, 15925.4166666735, 16158.625000001399,
    15884.875000006199, 14728.9166666609, 15377.666666670999, 14895.0000000044, 16039.4166666684,
    15531.791666675399, 15433.999999998699, 15272.458333326, 15734.5416666645, 15672.708333336899,
    15914.708333344901, 16533.166666671299, 16430.291666657398, 16004.3333333225, 15263.750000001699,
    13645.750000001799, 15177.749999997101, 13799.499999986199, 13986.875000001401, 14015.958333335901,
    13274.041666659799, 13501.9166666653, 14080.083333336899, 14310.541666659599, 13888.416666666899,
    13411.2916666652, 13578.333333336201, 13022.1249999998, 14319.500000006099, 13927.8333333462,
    13863.3749999999, 13639.124999994399, 13855.4166666693, 13754.7500000033, 14082.416666671799,
    14330.2083333308, 14434.041666663501, 14192.9999999926, 14606.9999999956, 12921.958333339,
    14491.916666666501, 12801.333333328101, 13130.750000002001, 13177.7500000091, 12336.291666667699,
    12815.5000000118, 13320.250000005701, 13382.7499999968, 13015.625000002299, 12654.4166666684,
    12820.458333332301, 12312.5000000034, 13280.666666669, 12841.0833333425, 12864.499999997,
    12520.458333336399, 12866.833333335, 12998.958333340301, 13250.5000000089, 13656.166666667501,
    13649.5833333275, 13031.041666659099, 14565.249999998599, 13348.5833333381, 13895.833333328701,
    12709.5833333317, 13101.1666666575, 12141.6250000075, 11105.166666668099, 11529.7916666692,
    12133.1666666815, 12414, 12615.3333333304, 12579.791666658601, 12731.9166666601,
    12804.4166666694, 13588.4583333227, 13169.2083333258, 13407.833333334, 12146.2083333354,
    10628.374999997201, 10646.583333326, 11802.3749999966, 11784.0000000046, 11853.5416666611,
    11958.4583333231, 14202.249999997101, 12956.124999997899, 13550.000000002699, 12376.4583333377,
    12836.3749999967, 11995.458333345399, 11051.458333333199, 11318.5000000001, 11998.166666676099,
    12398.4999999968, 12511.666666663399, 12357.4166666534, 12513.499999998399, 12529.166666668199,
    13286.3749999948, 12791.999999984801, 12995.3333333351, 11818.208333333299, 10340.5000000007,
    10371.124999993701, 11555.4166666616, 11646.8750000043, 11691.4999999918, 11585.5833333306,
    13974.8333333342, 12663.2083333343, 13329.6250000003, 12159.5000000039, 12758.958333324499,
    11747.5000000041, 10454.7083333273, 11143.875000006099, 11673.5833333354, 11866.041666658701,
    12148.7499999997, 11920.0833333179, 12269.7083333312, 12254.8750000089, 13010.1249999928,
    12517.916666659899, 12787.833333333299, 11532.6666666725, 10107.2916666623, 10211.541666659899,
    11229.0416666612, 11124.833333337299, 11308.9583333307, 11469.791666659099, 2380.8333333299997,
    2373.3333333320002, 2273.0833333330002, 2355.3333333340001, 2449.000000001, 2376.2083333330002,
    2276.0833333342998, 2033.7916666679998, 2117.5833333310002, 2370.1666666649999, 2300.249999999,
    2549.1666666669998, 2395.7916666659999, 2385.9166666659999, 2549.0416666689998, 2400.9166666659999,
    2379.0833333320002, 2186.1666666649999, 2239.125, 2335.1666666639999, 2271.5416666689998,
    2239.375000002, 2001.1666666680001, 2320.1666666679998, 2272.9583333320002, 2218.0833333350001,
    2086.249999999, 2226.7916666699998, 2387.9583333350001, 2301.5416666689998, 2256.4583333332998,
    1960.75, 2047.3333333349999, 2282.4166666659999, 2220.1666666649999, 2418.0000000059999,
    2266.4583333350001, 2283.4583333350001, 2466.7083333330002, 2328.249999999, 2277.874999999,
    2115.9583333300002, 2113.7916666669998, 2222.5416666659999, 2242.2083333339997, 2137.2083333330002,
    1902.0416666669998, 2243.5416666699998, 2262.624999997, 2240.6666666689998, 2113.500000002,
    2213.7916666669998, 2273.000000002, 2205.5833333330002, 2098.7083333362998, 1809.4583333339999,
    1932.1666666670001, 2196.624999999, 2157.7083333330002, 2296.2916666709998, 2271.5833333320002,
    2307.2916666669998, 2361.2083333320002, 2189.4583333329997, 2123.4583333329997, 1958.2499999956001,
    2041.5833333329999, 2153.25, 2094.5833333330002, 2104.250000001, 1807.5833333329999,
    2125.9166666689998, 25174.000000003802, 23188.5833333343, 25055.291666665398, 23664.0416666655,
    23570.874999994201, 22605.708333337399, 20829.458333331298, 21858.874999991, 22613.458333339,
    23349.624999985899, 23172.083333328599, 23096.875000006199, 24200.7083333382, 22533.7083333306,
    23865.958333327599, 22507.041666673398, 21324.583333327799, 20281.0416666659, 19347.500000001,
    19857.041666674399, 21258.000000000899, 21585.041666667799, 21143.333333340899, 20381.749999996002,
    23868.374999997101, 21978.7916666735, 23440.8333333394, 22048.499999992302, 22248.3750000072,
    21415.541666659101, 19589.5833333314, 20287.0000000127, 21021.625000006901, 21909.750000006101,
    21656.8333333378, 21633.041666647801, 22632.166666658701, 20803.791666665598, 22066.583333338902,
    21156.083333338302, 19825.249999996598, 18953.9583333349, 18028.166666673598, 18723.291666678,
    20005.5833333398, 20654.7916666694, 20251.458333336901, 19631.374999999502, 22996.2499999762,
    21320.333333344901, 23078.1249999881, 21699.083333324099, 21736.208333336999, 20845.041666659501,
    19075.333333324699, 19714.375000004198, 20354.958333341401, 20977.541666672001, 20764.874999995802,
    20793.708333336901, 21738.374999994201, 20039.416666662601, 21482.999999998301, 20483.0416666688,
    19355.291666666799, 18351.2083333396, 17284.0000000039, 17883.291666670499, 19039.041666666399,
    19820.083333324601, 19668.3750000115, 18999.291666667999, 19428.583333334202, 17102.416666654899,
    18640.499999993699, 18085.249999987598, 18688.500000005901, 17621.458333327399, 17336.416666670699,
    17485.041666664998, 17459.916666671001, 18247.875000002899, 17817.833333327799, 17384.291666663001,
    18376.291666664602, 16808.583333331098, 17734.541666675501, 17489.5416666727, 17966.7916666618,
    17580.500000004798, 17279.083333319701, 17195.9166666739, 17228.4583333353, 17866.958333340899,
    17108.166666663899, 17057.4166666659, 18401.416666663499, 16359.6249999915, 17987.291666659701,
    17325.291666660898, 17995.416666668199, 16744.624999992699, 16403.750000001201, 16684.249999997501,
    16669.249999999101, 17143.3333333347, 16653.7916666581, 16433.541666661, 17132.9583333349,
    15713.8333333267, 16665.2500000037, 16295.250000006199, 16785.208333329902, 16558.500000006501,
    16093.458333324501, 16102.375000009, 16012.4166666649, 16654.916666667701, 16168.8749999962,
    16073.208333333199, 17764.624999989301, 15589.7500000004, 17199.083333318798, 16526.083333327999,
    17257.375000013399, 16278.249999996, 15891.125000005501, 16107.7916666661, 16048.6250000078,
    16595.208333336301, 16196.708333328701, 15740.8333333272, 16425.2500000006, 15214.541666671299,
    16002.0000000034, 15769.250000005801, 16235.499999992699, 15807.2916666704, 15455.249999992,
    15401.750000008, 15351.4583333385, 16198.0416666694, 15694.749999993799, 15445.9166666616,
    30688.625000006701, 28187.1666666739, 32150.583333328399, 29410.0833332859, 31059.625000005799,
    30797.208333335602, 25877.416666685502, 27072.2916666768, 30193.583333364, 30160.9999999836,
    30222.708333337301, 28487.708333335398, 29614.833333349601, 28750.208333324801, 29371.7916666647,
    29986.666666667501, 29702.166666662401, 29424.208333339899, 24757.8333333337, 27263.708333336101,
    29270.416666659901, 29987.7499999992, 23071.000000003402, 22492.791666676301, 28681.875000006999,
    26302.5000000168, 29907.041666674202, 27371.416666613699, 29133.000000005999, 28527.833333335002,
    23852.708333348601, 24873.5416666657, 28124.666666690402, 28101.1666666536, 28184.625000002299,
    26483.1250000006, 27487.833333344799, 26430.833333329199, 27154.000000002499, 28011.583333336199,
    27399.041666665798, 27698.416666676199, 23223.7083333396, 25507.916666669498, 27239.6249999959,
    27963.750000001499, 21350.666666669302, 21280.166666675301, 26699.916666666501, 24641.666666684501,
    27829.333333337901, 25741.458333323098, 27340.9583333345, 26530.916666658901, 22205.208333347,
    23300.125000003402, 26724.041666667301, 26584.333333321101, 26692.2083333263, 24992.875000005501,
    25970.1250000031, 24860.916666655299, 25579.83333333, 26098.833333339498, 25788.083333331699,
    26083.249999992699, 21689.166666665998, 24108.7916666737, 25681.4583333296, 26117.6666666731,
    19995.458333340401, 19941.7083333378,
};
/* summary(qic(...))[, -c(12, 14)]: facet1, facet2, n.obs, n.useful, longest.run, longest.run.max,
 * n.crossings, n.crossings.min, runs.signal, aLCL, CL, aUCL, sigma.signal */
static const hai_case hai_expected[] = {
    /* tests/testthat/hai_1.rds */
    {"hai_1.rds",
     "1 1", 24, 24, 4, 8, 12, 8, 0, 0.0015814897722766471, 0.0018235751654857592, 0.0020656605586948716, 0},
    /* tests/testthat/hai_2.rds */
    {"hai_2.rds",
     "BAC 1", 24, 24, 3, 8, 13, 8, 0, 0.00054101537502577242, 0.0008127685690303638, 0.0010845217630349551, 0},
    {"hai_2.rds",
     "CDI 1", 24, 24, 6, 8, 8, 8, 0, 0.00036822198186565932, 0.00061217367766966781, 0.00085612537347367636, 0},
    {"hai_2.rds",
     "UTI 1", 24, 24, 4, 8, 11, 8, 0, 0.003568294502670244, 0.0042240200051995129, 0.0048797455077287822, 0},
    /* tests/testthat/hai_3.rds */
    {"hai_3.rds",
     "AHH BAC", 24, 24, 7, 8, 9, 8, 0, 0.00015994140632589823, 0.00086173484273500208, 0.0015635282791441061, 0},
    {"hai_3.rds",
     "AHH CDI", 24, 24, 5, 8, 11, 8, 0, 1.6360623374865818e-08, 0.0005904173475351713, 0.0012073870152242007, 0},
    {"hai_3.rds",
     "AHH UTI", 24, 24, 7, 8, 11, 8, 0, 0.0028687133232793171, 0.0046576900933662652, 0.0064466668634532128, 0},
    {"hai_3.rds",
     "BFH BAC", 24, 24, 3, 8, 14, 8, 0, 1.8414901724400613e-05, 0.00075001506726707877, 0.0014881527928838282, 0},
    {"hai_3.rds",
     "BFH CDI", 24, 24, 6, 8, 10, 8, 0, 0.00012230594870722998, 0.00097034980569525684, 0.0018183936626832836, 0},
    {"hai_3.rds",
     "BFH UTI", 24, 24, 4, 8, 13, 8, 0, 0.0024170876163235296, 0.0042042215495240922, 0.0059913554827246548, 0},
    {"hai_3.rds", "BOH BAC", 24, 24, 5, 8, 11, 8, 0, 0, 0.00052197429276612235, 0.0019483191555327698, 0},
    {"hai_3.rds", "BOH CDI", 24, 24, 5, 8, 13, 8, 0, 0, 0.0004879994369236048, 0.0018964586894253685, 0},
    {"hai_3.rds", "BOH UTI", 24, 24, 6, 8, 7, 8, 1, 0, 0.0026880389570860608, 0.0060569598935447449, 0},
    {"hai_3.rds",
     "HGH BAC", 24, 24, 5, 8, 11, 8, 0, 0.00032708579614709559, 0.00094507636804232512, 0.0015630669399375545, 0},
    {"hai_3.rds",
     "HGH CDI", 24, 24, 6, 8, 9, 8, 0, 8.816040726211094e-05, 0.00059345325786481942, 0.001098746108467528, 0},
    {"hai_3.rds",
     "HGH UTI", 24, 24, 7, 8, 10, 8, 0, 0.0031393013018914959, 0.0045641002235385347, 0.0059888991451855734, 0},
    {"hai_3.rds",
     "NOH BAC", 24, 24, 7, 8, 9, 8, 0, 3.6209499716641376e-05, 0.00057883669510916977, 0.001121463890501698, 0},
    {"hai_3.rds", "NOH CDI", 24, 24, 3, 8, 11, 8, 0, 0, 0.00045130648239847089, 0.00094459648116001116, 0},
    {"hai_3.rds",
     "NOH UTI", 24, 24, 10, 8, 7, 8, 1, 0.0019974145128980425, 0.0033713411190225049, 0.0047452677251469677, 0},
    {"hai_3.rds",
     "RGH BAC", 24, 24, 4, 8, 12, 8, 0, 0.00035138029575920211, 0.00087790522220972014, 0.0014044301486602381, 0},
    {"hai_3.rds",
     "RGH CDI", 24, 24, 5, 8, 9, 8, 0, 0.00013989826699253719, 0.00058567116451270398, 0.0010314440620328707, 0},
    {"hai_3.rds",
     "RGH UTI", 24, 24, 5, 8, 8, 8, 0, 0.0031471498526023586, 0.0044095265289601018, 0.005671903205317845, 0},
};

/* tests/testthat/test_hai.R: summary(qic(month, n, days, data =
 * hospital_infections, chart = 'u', facets = ...)). qic.agg sums n and days
 * over the rows of a month in the data's order (hospital, then infection),
 * in long double as R's sum() does; summary() averages lcl and ucl over the
 * months. hai_4 (a funnel plot over hospitals, x categorical) is not ported:
 * it has no time order. */
static void test_qic_hai(void)
{
    static const char *const hospitals[] = {"AHH", "BFH", "BOH", "HGH", "NOH", "RGH"};
    static const char *const infections[] = {"BAC", "CDI", "UTI"};
    size_t nc = sizeof hai_expected / sizeof *hai_expected;
    CHECK_INT(nc, 1 + 3 + 18);
    for (size_t c = 0; c < nc; c++) {
        const hai_case *t = &hai_expected[c];
        double num[24], den[24];
        for (int m = 0; m < 24; m++) {
            long double sn = 0, sd = 0;
            for (int h = 0; h < 6; h++) {
                for (int k = 0; k < 3; k++) {
                    char name[16];
                    int keep;
                    if (strcmp(t->file, "hai_1.rds") == 0) {
                        keep = 1;
                    } else if (strcmp(t->file, "hai_2.rds") == 0) {
                        snprintf(name, sizeof name, "%s 1", infections[k]);
                        keep = strcmp(name, t->facets) == 0;
                    } else {
                        snprintf(name, sizeof name, "%s %s", hospitals[h], infections[k]);
                        keep = strcmp(name, t->facets) == 0;
                    }
                    if (keep) {
                        sn += hai_n[(h * 3 + k) * 24 + m];
                        sd += hai_days[(h * 3 + k) * 24 + m];
                    }
                }
            }
            num[m] = (double)sn;
            den[m] = (double)sd;
        }
        spc_options o;
        spc_options_default(&o);
        err e = {0};
        CHECK_INT(spc_options_preset(&o, "qicharts2", &e), 0);
        o.chart = SPC_CHART_U;
        spc_point pts[24];
        spc_result r;
        CHECK_INT(spc_analyse_counts(num, den, 24, &o, pts, &r, &e), 0);
        long double slcl = 0, sucl = 0;
        size_t outside = 0;
        for (int m = 0; m < 24; m++) {
            slcl += pts[m].lpl;
            sucl += pts[m].upl;
            outside += (size_t)pts[m].outside;
        }
        char what[64];
        snprintf(what, sizeof what, "%s %s", t->file, t->facets);
        check_rel_at(__LINE__, what, 0, (double)(slcl / 24), t->alcl);
        check_rel_at(__LINE__, what, 1, r.mean, t->cl);
        check_rel_at(__LINE__, what, 2, (double)(sucl / 24), t->aucl);
        CHECK_INT(outside, t->sigma_signal);
        spc_runs want = {t->n_obs, t->useful, t->longest_run, t->longest_run_max, t->crossings, t->crossings_min,
                         t->runs_signal};
        check_runs_at(__LINE__, what, &r.runs, &want);
    }
}

/* crsignal(method = "anhoej") limits: qbinom(0.05, n - 1, 0.5) and
 * round(log2(n)) + 3, against R's own values (computed with R 4, not from
 * an upstream test). */
static void test_anhoej_limits(void)
{
    static const size_t n[] = {1, 2, 5, 6, 9, 10, 12, 20, 24, 25, 28, 40, 44, 64, 100, 1000, 100000};
    static const size_t cmin[] = {0, 0, 0, 1, 2, 2, 3, 6, 8, 8, 9, 14, 16, 25, 41, 474, 49739};
    static const size_t lmax[] = {3, 4, 5, 6, 6, 6, 7, 7, 8, 8, 8, 8, 8, 9, 10, 13, 20};
    for (size_t i = 0; i < sizeof n / sizeof *n; i++) {
        CHECK_INT(spc_crossings_min(n[i]), cmin[i]);
        CHECK_INT(spc_longest_run_max(n[i]), lmax[i]);
    }
    /* runs.analysis: points on the centre line are not useful; a run across
     * one continues */
    double y[] = {1, 1, 0, 1, -1, -1, 0, -1, 1};
    double cl[] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    spc_runs r;
    spc_runs_analysis(y, cl, 9, &r);
    CHECK_INT(r.n_obs, 9);
    CHECK_INT(r.useful, 7);
    CHECK_INT(r.longest_run, 3);
    CHECK_INT(r.crossings, 2);
    spc_runs_analysis(y, cl, 0, &r);
    CHECK(r.useful == 0 && r.signal == 0);
}

/* ==== NHSRplotthedots: rebasing, fix_after_n_points, short groups, targets ==== */

static size_t csv_series(const sheet *s, double *y)
{
    return series(s, "y", 1, 20, y);
}

/* test-ptd_spc_standard.R "it sets the rebase_group field": a rebase at the
 * 11th point gives groups 0 x 10 and 1 x 10. Each group gets the limits a
 * facet of the same points gets: the summary_s3 rows of _snaps/ptd_spc.md
 * (3 significant digits), and to the last digit the values ptd_spc_standard's
 * arithmetic gives (derived by running it in R). Rules run per group. */
static void test_ptd_rebase(const char *dir)
{
    sheet data;
    if (sheet_open(&data, dir, "spc_series_seed123_n20.csv"))
        return;
    double y[MAX_POINTS];
    size_t n = csv_series(&data, y);
    CHECK_INT(n, 20);
    spc_options o = base_options();
    size_t rebase[] = {10};
    o.rebase = rebase;
    o.rebase_n = 1;
    spc_point pts[MAX_POINTS];
    spc_result r;
    err e = {0};
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK_INT(r.segments, 2);
    for (size_t i = 0; i < n; i++)
        CHECK_INT(pts[i].segment, i < 10 ? 0 : 1);
    /* summary_s3: f 0 0.0746 -2.60 2.75; f 1 0.209 -3.28 3.70 */
    check_sig_at(__LINE__, "group 0 mean", pts[0].cl, 0.0746, 3);
    check_sig_at(__LINE__, "group 0 lpl", pts[0].lpl, -2.60, 3);
    check_sig_at(__LINE__, "group 0 upl", pts[0].upl, 2.75, 3);
    check_sig_at(__LINE__, "group 1 mean", pts[19].cl, 0.209, 3);
    check_sig_at(__LINE__, "group 1 lpl", pts[19].lpl, -3.28, 3);
    check_sig_at(__LINE__, "group 1 upl", pts[19].upl, 3.70, 3);
    check_sig_at(__LINE__, "group 0 mean", pts[9].cl, 0.074625644097161895, 15);
    check_sig_at(__LINE__, "group 0 lpl", pts[9].lpl, -2.6005854077454389, 15);
    check_sig_at(__LINE__, "group 0 upl", pts[9].upl, 2.7498366959397629, 15);
    check_sig_at(__LINE__, "group 1 mean", r.mean, 0.20862196085203533, 15);
    check_sig_at(__LINE__, "group 1 lpl", r.lpl, -3.2790054477294084, 15);
    check_sig_at(__LINE__, "group 1 upl", r.upl, 3.6962493694334788, 15);
    CHECK_INT(r.special_cause, 0);
    /* summary s2: a rebase before the first point leaves one group, the
     * summary_s1 limits (0.142 -3.01 3.29) */
    size_t first[] = {0};
    o.rebase = first;
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK_INT(r.segments, 1);
    check_sig_at(__LINE__, "s2 mean", r.mean, 0.142, 3);
    check_sig_at(__LINE__, "s2 lpl", r.lpl, -3.01, 3);
    check_sig_at(__LINE__, "s2 upl", r.upl, 3.29, 3);

    /* "setting fix_after_n_points changes the calculations": 12 points fix
     * the limits, which then differ from those of all 20 (values derived) */
    o = base_options();
    spc_result all;
    CHECK_INT(spc_analyse(y, n, &o, pts, &all, &e), 0);
    o.baseline_n = 12;
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    CHECK(r.lpl != all.lpl && r.upl != all.upl);
    CHECK_INT(r.baseline_n, 12);
    CHECK_INT(r.moving_ranges, 11);
    check_sig_at(__LINE__, "fix 12 mean", r.mean, 0.19417933878903704, 15);
    check_sig_at(__LINE__, "fix 12 lpl", r.lpl, -2.6073998147977493, 15);
    check_sig_at(__LINE__, "fix 12 upl", r.upl, 2.9957584923758231, 15);
    /* fix_after_n_points counts rows of each rebase group: 12 is more than the
     * second group's 10, so that group uses all its points */
    o.rebase = rebase;
    o.rebase_n = 1;
    CHECK_INT(spc_analyse(y, n, &o, pts, &r, &e), 0);
    check_sig_at(__LINE__, "group 1 fix 12 upl", r.upl, 3.6962493694334788, 15);
    CHECK_INT(r.baseline_n, 10);
    sheet_free(&data);
}

/* A trend does not run across a rebase: ptd_calculate_point_type groups by
 * rebase_group before ptd_seven_point_trend (derived from the code). */
static void test_ptd_rules_per_group(void)
{
    double y[14];
    for (int i = 0; i < 14; i++)
        y[i] = i;
    spc_options o = base_options();
    spc_point pts[14];
    spc_result r;
    err e = {0};
    CHECK_INT(spc_analyse(y, 14, &o, pts, &r, &e), 0);
    CHECK_INT(pts[0].trend, 1);
    size_t rebase[] = {4, 10};
    o.rebase = rebase;
    o.rebase_n = 2;
    CHECK_INT(spc_analyse(y, 14, &o, pts, &r, &e), 0);
    CHECK_INT(r.segments, 3);
    for (int i = 0; i < 4; i++)
        CHECK_INT(pts[i].trend, 0);
    for (int i = 4; i < 10; i++)
        CHECK_INT(pts[i].trend, 0); /* 6 rising points: short of 7 */
    CHECK_INT(pts[10].segment, 2);
    /* and each group's centre line is its own mean */
    CHECK(pts[0].cl == 1.5 && pts[4].cl == 6.5 && pts[13].cl == 11.5);
}

/* test-ptd_add_short_group_warnings.R, with its warning_threshold 12 passed
 * as short_n: a group (facet and rebase group) shorter than it has trial
 * limits. Facets are separate calls here. */
static void test_ptd_short_groups(void)
{
    double y[40];
    for (int i = 0; i < 40; i++)
        y[i] = (i * 7) % 5;
    spc_options o = base_options();
    o.short_n = 12;
    spc_point pts[40];
    spc_result r;
    err e = {0};
    /* "it warns when a group is shorter than the warning_threshold" */
    CHECK_INT(spc_analyse(y, 11, &o, pts, &r, &e), 0);
    for (int i = 0; i < 11; i++)
        CHECK_INT(pts[i].trial, 1);
    CHECK_INT(r.short_segments, 1);
    CHECK(r.trial && r.warning != NULL);
    CHECK_STR(r.warning, "Some groups have 'n < 12' observations. These have trial limits, which will be revised "
                         "with each additional observation until 'n = fix_after_n_points' has been reached.");
    /* "it does not warn when a group is equal to the warning_threshold" */
    CHECK_INT(spc_analyse(y, 12, &o, pts, &r, &e), 0);
    for (int i = 0; i < 12; i++)
        CHECK_INT(pts[i].trial, 0);
    CHECK(!r.trial && r.warning == NULL);
    /* "it handles facets and rebase groups - no warnings": 40 points a facet,
     * rebased after 20 */
    size_t at20[] = {20};
    o.rebase = at20;
    o.rebase_n = 1;
    CHECK_INT(spc_analyse(y, 40, &o, pts, &r, &e), 0);
    CHECK_INT(r.short_segments, 0);
    /* "- warning on one facet": facet a's groups are 35 and 5 points */
    size_t at35[] = {35};
    o.rebase = at35;
    CHECK_INT(spc_analyse(y, 40, &o, pts, &r, &e), 0);
    for (int i = 0; i < 40; i++)
        CHECK_INT(pts[i].trial, i >= 35);
    CHECK_INT(r.short_segments, 1);
    CHECK(r.warning != NULL);
    /* "it chooses warning_threshold from options": getOption gives 10, then
     * 12, for 10 points; its default is 13 */
    o = base_options();
    o.short_n = 10;
    CHECK_INT(spc_analyse(y, 10, &o, pts, &r, &e), 0);
    CHECK(r.warning == NULL);
    o.short_n = 12;
    CHECK_INT(spc_analyse(y, 10, &o, pts, &r, &e), 0);
    CHECK(r.warning != NULL);
    spc_options_default(&o);
    CHECK_INT(o.short_n, 13);
}

/* test-ptd_calculate_assurance_type.R "it returns correct values for
 * assurance when rebase": the last row's limits decide (slice_tail). Then
 * the same through the chart: the last rebase group's limits decide. */
static void test_ptd_assurance_rebase(void)
{
    static const double lpl[] = {1, 5, 1}, upl[] = {3, 7, 5};
    static const int order[3][3] = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
    static const spc_assurance want[] = {SPC_ASSURANCE_INCONSISTENT, SPC_ASSURANCE_PASS, SPC_ASSURANCE_FAIL};
    for (int k = 0; k < 3; k++) {
        int last = order[k][2];
        CHECK_INT(spc_assurance_for(lpl[last], upl[last], 4, -1), want[k]);
    }
    /* two groups: alternating -1, 1 (limits -5.32, 5.32), then 9, 11 (4.68, 15.32) */
    double y[40];
    for (int i = 0; i < 40; i++)
        y[i] = (i % 2 ? 1 : -1) + (i >= 20 ? 10 : 0);
    spc_options o = base_options();
    o.improvement = -1;
    o.has_target = 1;
    o.target = 4;
    size_t rebase[] = {20};
    o.rebase = rebase;
    o.rebase_n = 1;
    spc_point pts[40];
    spc_result r;
    err e = {0};
    CHECK_INT(spc_analyse(y, 40, &o, pts, &r, &e), 0);
    CHECK(fabs(pts[0].lpl + 5.32) < 1e-12 && fabs(r.lpl - 4.68) < 1e-12);
    CHECK_STR(spc_assurance_name(r.assurance), "consistent_fail"); /* 4 < 4.68, decrease */
    o.rebase_n = 0;
    CHECK_INT(spc_analyse(y, 40, &o, pts, &r, &e), 0);
    CHECK_STR(spc_assurance_name(r.assurance), "inconsistent");
}

/* test-ptd_add_target_column.R: no target (NA), one for every point, and one
 * per facet (here a target per point: facet a 0.9, facet b 0.8). Assurance
 * reads the last point's target, as ptd_calculate_assurance_type reads the
 * last row and PowerBI-SPC alt_targets[N]. */
static void test_ptd_targets(void)
{
    double y[20], targets[20];
    for (int i = 0; i < 20; i++) {
        y[i] = (i * 3) % 7;
        targets[i] = i < 10 ? 0.9 : 0.8;
    }
    spc_options o = base_options();
    spc_point pts[20];
    spc_result r;
    err e = {0};
    CHECK_INT(spc_analyse(y, 20, &o, pts, &r, &e), 0);
    for (int i = 0; i < 20; i++)
        CHECK(isnan(pts[i].target));
    CHECK(isnan(r.target) && r.assurance == SPC_ASSURANCE_NONE);
    o.has_target = 1;
    o.target = 0.9;
    CHECK_INT(spc_analyse(y, 20, &o, pts, &r, &e), 0);
    for (int i = 0; i < 20; i++)
        CHECK(pts[i].target == 0.9);
    o.targets = targets;
    CHECK_INT(spc_analyse(y, 20, &o, pts, &r, &e), 0);
    for (int i = 0; i < 20; i++)
        CHECK(pts[i].target == targets[i]);
    CHECK(r.target == 0.8);
    /* the last target decides: above the UPL is a consistent fail */
    targets[19] = 100;
    CHECK_INT(spc_analyse(y, 20, &o, pts, &r, &e), 0);
    CHECK_STR(spc_assurance_name(r.assurance), "consistent_fail");
    targets[19] = NAN;
    CHECK_INT(spc_analyse(y, 20, &o, pts, &r, &e), 0);
    CHECK(r.assurance == SPC_ASSURANCE_NONE);
    targets[19] = INFINITY;
    CHECK_INT(spc_analyse(y, 20, &o, pts, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "target 20");
}

/* ==== conventions side by side (derived from each package's code) ==== */

static void test_conventions(void)
{
    double y[30];
    spc_point pts[30];
    spc_result r;
    err e = {0};
    spc_options o;

    /* -1, 1 x 10 (mean 0, AMR 2), then a rising run into the two-sigma band:
     * a trend and two-in-three at once. NHSRplotthedots labels the trend
     * first, PowerBI-SPC two-in-three (its colour overrides the trend's). */
    for (int i = 0; i < 20; i++)
        y[i] = i % 2 ? 1 : -1;
    double tail[] = {2, 3.8, 4.0, 4.2, 4.4};
    memcpy(y + 20, tail, sizeof tail);
    o = base_options();
    o.baseline_n = 20;
    CHECK_INT(spc_analyse(y, 25, &o, pts, &r, &e), 0);
    CHECK_INT(pts[22].rule, SPC_RULE_TREND);
    CHECK(pts[22].two_in_three && pts[22].trend);
    CHECK_INT(spc_options_preset(&o, "powerbi_spc", &e), 0);
    CHECK_INT(spc_analyse(y, 25, &o, pts, &r, &e), 0);
    CHECK_INT(pts[22].rule, SPC_RULE_TWO_IN_THREE);
    CHECK_INT(pts[20].rule, SPC_RULE_TREND);
    CHECK_INT(pts[22].type, SPC_IMPROVEMENT);
    CHECK(fabs(r.upl - 3 * 2 / 1.128) < 1e-12);

    /* two points past two sigma around one below the mean: not two-in-three
     * for NHSRplotthedots (all three on one side), two-in-three for
     * PowerBI-SPC (a signed count of 2) */
    double mid[] = {4, -1, 4};
    memcpy(y + 20, mid, sizeof mid);
    o = base_options();
    o.baseline_n = 20;
    o.two_sigma_mode = SPC_TWO_SIGMA_BEYOND;
    CHECK_INT(spc_analyse(y, 23, &o, pts, &r, &e), 0);
    CHECK(!pts[20].two_in_three && !pts[22].two_in_three);
    CHECK_INT(spc_options_preset(&o, "powerbi_spc", &e), 0);
    CHECK_INT(spc_analyse(y, 23, &o, pts, &r, &e), 0);
    CHECK(pts[20].two_in_three && !pts[21].two_in_three && pts[22].two_in_three);
    /* past opposite two-sigma lines the signed count is 0: no flag (the
     * twoInThree.test.ts case "mixed upper and lower violations", in a chart) */
    double apart[] = {4, -4, 0.5};
    memcpy(y + 20, apart, sizeof apart);
    CHECK_INT(spc_analyse(y, 23, &o, pts, &r, &e), 0);
    CHECK(pts[20].close && pts[21].close && !pts[20].two_in_three && !pts[21].two_in_three);

    /* a last point in a shift below the mean (concern) and a rising trend
     * (improvement): PowerBI-SPC shows both icons, improvement first; its
     * process_flag_type "deterioration" keeps only the shift */
    double mixed[] = {-2, -3, -2.5, -2.0, -1.5, -1.0, -0.5};
    memcpy(y + 20, mixed, sizeof mixed);
    o = base_options();
    o.baseline_n = 20;
    CHECK_INT(spc_analyse(y, 27, &o, pts, &r, &e), 0);
    CHECK_INT(pts[26].rule, SPC_RULE_SHIFT); /* six rising: no 7-point trend */
    CHECK_INT(r.icons, 1);
    CHECK_INT(r.variation, SPC_VARIATION_CONCERN_LOW);
    CHECK_INT(spc_options_preset(&o, "powerbi_spc", &e), 0);
    CHECK_INT(spc_analyse(y, 27, &o, pts, &r, &e), 0);
    CHECK_INT(pts[26].rule, SPC_RULE_TREND);
    CHECK_INT(r.icons, 2);
    CHECK_INT(r.icon[0], SPC_VARIATION_IMPROVEMENT_HIGH);
    CHECK_INT(r.icon[1], SPC_VARIATION_CONCERN_LOW);
    CHECK_INT(r.variation, SPC_VARIATION_IMPROVEMENT_HIGH);
    o.flags = SPC_FLAG_CONCERN;
    CHECK_INT(spc_analyse(y, 27, &o, pts, &r, &e), 0);
    CHECK_INT(pts[26].rule, SPC_RULE_SHIFT);
    CHECK_INT(pts[26].dirs[SPC_RULE_TREND - 1], 0);
    CHECK_INT(r.icons, 1);
    CHECK_INT(r.variation, SPC_VARIATION_CONCERN_LOW);

    /* qicharts2: only points outside the limits are flagged; the runs
     * analysis carries the rest (here 7 of 27 on one side: no signal at
     * round(log2(27)) + 3 = 8) */
    o = base_options();
    CHECK_INT(spc_options_preset(&o, "qicharts2", &e), 0);
    o.baseline_n = 20;
    CHECK_INT(spc_analyse(y, 27, &o, pts, &r, &e), 0);
    CHECK_INT(r.special_cause, 0);
    CHECK_INT(r.runs.longest_run, 7);
    CHECK_INT(r.runs.longest_run_max, 8);
    CHECK_INT(r.runs.signal, 0);

    /* excluded points leave the limits as if they were not there, and are
     * still judged against them (qicharts2 exclude) */
    double full[20], less[19];
    size_t k = 0;
    for (int i = 0; i < 20; i++) {
        full[i] = (i * 5) % 9;
        if (i != 7)
            less[k++] = full[i];
    }
    full[7] = 100;
    size_t ex[] = {7};
    o = base_options();
    o.exclude = ex;
    o.exclude_n = 1;
    CHECK_INT(spc_analyse(full, 20, &o, pts, &r, &e), 0);
    spc_result r2;
    spc_point pts2[20];
    o.exclude_n = 0;
    CHECK_INT(spc_analyse(less, 19, &o, pts2, &r2, &e), 0);
    CHECK(r.mean == r2.mean && r.amr == r2.amr && r.upl == r2.upl);
    CHECK_INT(r.baseline_n, 19);
    CHECK(pts[7].excluded && pts[7].outside && pts[7].rule == SPC_RULE_ASTRONOMICAL);
    CHECK_INT(r.runs.n_obs, 19);
}

/* Charts on counts: XmR of ratios, the clamps, Laney with no events, and
 * the checks on counts. */
static void test_counts(void)
{
    spc_point pts[8];
    spc_result r;
    err e = {0};
    spc_options o = base_options();
    double num[] = {1, 2, 3, 4, 5, 6, 7, 8}, den[] = {10, 10, 10, 10, 10, 10, 10, 10};
    double ratio[] = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    spc_result rr;
    spc_point pr[8];
    CHECK_INT(spc_analyse_counts(num, den, 8, &o, pts, &r, &e), 0);
    CHECK_INT(spc_analyse(ratio, 8, &o, pr, &rr, &e), 0);
    CHECK(fabs(r.mean - rr.mean) < 1e-15 && fabs(r.upl - rr.upl) < 1e-15);
    CHECK(isnan(r.sigma_z));

    /* p: cl 36 / 80 = 0.45, sigma sqrt(0.45 0.55 / 10) = 0.1573; p upper at 1 */
    o.chart = SPC_CHART_P;
    CHECK_INT(spc_analyse_counts(num, den, 8, &o, pts, &r, &e), 0);
    CHECK(r.mean == 0.45);
    CHECK(fabs(pts[0].upl - (0.45 + 3 * sqrt(0.45 * 0.55 / 10))) < 1e-15);
    CHECK(isnan(r.amr));
    double small[] = {1, 1, 1, 1, 1, 1, 1, 1}, big[] = {2, 2, 2, 2, 2, 2, 2, 2};
    CHECK_INT(spc_analyse_counts(small, big, 8, &o, pts, &r, &e), 0);
    CHECK(pts[0].upl == 1 && pts[0].upper_two_sigma == 1 && pts[0].lpl == 0);
    /* c: lower limit at 0 */
    o.chart = SPC_CHART_C;
    CHECK_INT(spc_analyse_counts(small, NULL, 8, &o, pts, &r, &e), 0);
    CHECK(r.mean == 1 && r.lpl == 0 && r.upl == 4 && r.upper_two_sigma == 3);
    /* Laney with no events: zero-width limits, not NaN */
    double zero[] = {0, 0, 0, 0, 0, 0, 0, 0};
    o.chart = SPC_CHART_PP;
    CHECK_INT(spc_analyse_counts(zero, den, 8, &o, pts, &r, &e), 0);
    CHECK(r.mean == 0 && r.upl == 0 && r.lpl == 0 && r.sigma_z == 0);
    CHECK_INT(r.special_cause, 0);
    o.chart = SPC_CHART_UP;
    CHECK_INT(spc_analyse_counts(zero, den, 8, &o, pts, &r, &e), 0);
    CHECK(r.upl == 0);

    /* bad counts */
    o.chart = SPC_CHART_P;
    CHECK_INT(spc_analyse_counts(big, small, 8, &o, pts, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "exceeds its denominator");
    CHECK_INT(spc_analyse_counts(num, NULL, 8, &o, pts, &r, &e), ERR_USAGE);
    double neg[] = {1, -1}, zden[] = {1, 0};
    o.chart = SPC_CHART_U;
    CHECK_INT(spc_analyse_counts(neg, den, 2, &o, pts, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "numerator 2 is negative");
    CHECK_INT(spc_analyse_counts(num, zden, 2, &o, pts, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "denominator 2 must be positive");
    o.chart = SPC_CHART_XMR;
    CHECK_INT(spc_analyse_counts(num, zden, 2, &o, pts, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "denominator 2 is zero");
    o.chart = SPC_CHART_C;
    CHECK_INT(spc_analyse(num, 8, &o, pts, &r, &e), ERR_USAGE);
    CHECK_CONTAINS(e.msg, "spc_analyse_counts");
    CHECK_STR(spc_chart_name(SPC_CHART_UP), "up");
}

/* Presets and the options the chart family added. */
static void test_presets(void)
{
    spc_options a, b;
    err e = {0};
    spc_options_default(&a);
    spc_options_default(&b);
    CHECK_INT(spc_options_preset(&a, "nhsrplotthedots", &e), 0);
    CHECK_INT(spc_options_preset(&b, "ptd_0_2_2", &e), 0);
    CHECK(a.shift_n == b.shift_n && a.trend_n == b.trend_n && a.two_sigma_mode == b.two_sigma_mode &&
          a.screen_outliers == b.screen_outliers && a.amr_limit == b.amr_limit && a.rules == b.rules &&
          a.two_in_three_side == b.two_in_three_side && a.icons == b.icons && a.flags == b.flags);
    CHECK(a.amr_limit == 2.66 && a.trend_n == 7 && a.precedence == SPC_PRECEDENCE_PTD && a.short_n == 13);
    CHECK_INT(spc_options_preset(&a, "powerbi_spc", &e), 0);
    CHECK(a.trend_n == 5 && a.shift_n == 7 && a.two_sigma_mode == SPC_TWO_SIGMA_BEYOND &&
          a.two_in_three_side == SPC_2IN3_FLAGGED_SAME_SIDE && a.precedence == SPC_PRECEDENCE_PBI &&
          a.icons == SPC_ICONS_LAST_FLAGS && a.screen_outliers && a.amr_limit == 3 / 1.128);
    CHECK_INT(spc_options_preset(&a, "qicharts2", &e), 0);
    CHECK(a.rules == 1u && a.screen_outliers && a.amr_limit == 3 / 1.128 && a.icons == SPC_ICONS_LAST_TYPE);
    /* a preset leaves the series' own settings alone */
    size_t rb[] = {3};
    a.rebase = rb;
    a.rebase_n = 1;
    a.min_points = 5;
    CHECK_INT(spc_options_preset(&a, "nhsrplotthedots", &e), 0);
    CHECK(a.rebase == rb && a.min_points == 5 && a.rules == SPC_RULES_ALL);
    CHECK_INT(spc_options_preset(&a, "minitab", &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "qicharts2");

    double y[12] = {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3};
    spc_point pts[12];
    spc_result r;
    spc_options o = base_options();
    size_t bad[] = {5, 5};
    o.rebase = bad;
    o.rebase_n = 2;
    CHECK_INT(spc_analyse(y, 12, &o, pts, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "must increase");
    size_t past[] = {12};
    o.rebase = past;
    o.rebase_n = 1;
    CHECK_INT(spc_analyse(y, 12, &o, pts, &r, &e), ERR_INVALID);
    o = base_options();
    o.exclude = past;
    o.exclude_n = 1;
    CHECK_INT(spc_analyse(y, 12, &o, pts, &r, &e), ERR_INVALID);
    o = base_options();
    o.exclude_n = 1;
    CHECK_INT(spc_analyse(y, 12, &o, pts, &r, &e), ERR_USAGE);
    o = base_options();
    o.amr_limit = 0;
    CHECK_INT(spc_analyse(y, 12, &o, pts, &r, &e), ERR_INVALID);
    o = base_options();
    o.chart = (spc_chart)9;
    CHECK_INT(spc_analyse(y, 12, &o, pts, &r, &e), ERR_INVALID);
    /* a one-point segment has no moving range: NaN limits, no flags */
    o = base_options();
    size_t lastone[] = {11};
    o.rebase = lastone;
    o.rebase_n = 1;
    CHECK_INT(spc_analyse(y, 12, &o, pts, &r, &e), 0);
    CHECK(isnan(r.upl) && r.mean == 3 && pts[11].type == SPC_COMMON_CAUSE);
}

int main(int argc, char **argv)
{
    test_options();
    test_ptd_rules_per_group();
    test_ptd_short_groups();
    test_ptd_assurance_rebase();
    test_ptd_targets();
    test_conventions();
    test_counts();
    test_presets();
    test_pbi_flag_functions();
    test_pbi_flag_direction();
    test_pbi_variation_icons();
    test_pbi_assurance();
    test_pbi_charts();
    test_qic_montgomery();
    test_qic_hai();
    test_anhoej_limits();
    struct stat st;
    if (argc < 2 || stat(argv[1], &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "test_spc: no reference data folder; the reference checks are skipped\n");
        int rc = check_report("test_spc");
        return rc ? rc : 77;
    }
    const char *dir = argv[1];
    test_limits(dir);
    test_icons(dir);
    test_rule_units(dir);
    test_precedence(dir);
    test_assurance(dir);
    test_opposite_sides(dir);
    test_ptd_rebase(dir);
    return check_report("test_spc");
}
