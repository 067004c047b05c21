/*
 * test_spc.c - XmR limits, special-cause rules, precedence and icons against
 * the cases written out from NHSRplotthedots v0.2.2's own tests, then the
 * options where published tools disagree (two_sigma_mode, run lengths,
 * screening, baseline) and series too short for the rules.
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

int main(int argc, char **argv)
{
    test_options();
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
    return check_report("test_spc");
}
