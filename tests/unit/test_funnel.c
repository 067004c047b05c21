/*
 * test_funnel.c - funnel plots against PHEindicatormethods' own funnel test
 * data: every test_that block of tests/testthat/testFunnels.R that checks
 * values, run on the same inputs (with the same filters and replaced values),
 * compared with every row and column of every testdata_funnel_*.csv; then the
 * error cases of that file, and values of the upstream R functions run
 * directly, which need no reference folder.
 *
 * Tolerance. The reference files are printed rounded, so a value is checked
 * to within half a unit of the digit each file rounds at, slightly widened by
 * 1e-9 of that half unit (for the decimal-to-binary conversion). The
 * proportion outputs (testdata_funnel_prop_outputs.csv) are written to 6
 * decimal places; every other file to 10 significant digits and at most 9
 * decimal places (0.287087625, 116108.569), so "75000" there means 75000 to
 * within 5e-6, tighter than half a unit of its last printed digit. Upstream's
 * full-precision values (R 4.2.2 running the package's functions) agree with
 * every printed value under these rules, and so does this engine: it repeats
 * the same iterations in the same order, so it agrees with R to rounding
 * error (the direct checks below hold at 1e-13 relative). Axis points,
 * positions and texts are compared exactly.
 *
 * argv[1] is the reference data folder (<shared>/data/reference). Without it
 * the self-contained checks still run and the test reports itself skipped.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "funnel.h"
#include "sheet.h"

#define SUB "PHEindicatormethods"
#define MAXROWS 400

/* ---- comparisons ---- */

static void check_near_at(const char *file, int line, const char *what, double got, double want, double rel)
{
    check_count++;
    int ok = isnan(want) ? isnan(got) : fabs(got - want) <= rel * fmax(fabs(want), 1e-300);
    if (!ok) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s is %.17g, expected %.17g\n", file, line, what, got, want);
    }
}
#define CHECK_NEAR(got, want, rel) check_near_at(__FILE__, __LINE__, #got, (got), (want), (rel))

/* How a reference file rounds its numbers. */
typedef enum printed {
    SIG10, /* 10 significant digits, at most 9 decimal places */
    DP6,   /* 6 decimal places */
} printed;

/* Half a unit of the digit `how` rounds `want` at. */
static double half_unit(double want, printed how)
{
    if (how == DP6)
        return 0.5e-6;
    int dp = 9;
    if (want != 0) {
        int ex = (int)floor(log10(fabs(want)));
        if (9 - ex < dp)
            dp = 9 - ex;
    }
    return 0.5 * pow(10, -dp);
}

/* got against a printed cell: "NA" or empty is a missing value. */
static void check_printed_at(const char *file, int line, const char *what, size_t row, double got,
                             const char *text, printed how)
{
    check_count++;
    int ok;
    double want = NAN;
    if (!text || !*text || strcmp(text, "NA") == 0) {
        ok = isnan(got);
    } else {
        want = strtod(text, NULL);
        ok = fabs(got - want) <= half_unit(want, how) * (1 + 1e-9);
    }
    if (!ok) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s row %zu is %.17g, expected %s\n", file, line, what, row + 1, got,
                text ? text : "(no column)");
    }
}
#define CHECK_PRINTED(what, row, got, text, how)                                                         \
    check_printed_at(__FILE__, __LINE__, (what), (row), (got), (text), (how))

/* ---- reference sheets ---- */

static int sheet_open(sheet *s, const char *dir, const char *name)
{
    int rc = sheet_load(s, dir, SUB, name);
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
    return *v && strcmp(v, "NA") != 0 ? strtod(v, NULL) : NAN;
}

static double colmax(const double *v, size_t n)
{
    double m = -INFINITY;
    for (size_t i = 0; i < n; i++)
        if (v[i] > m)
            m = v[i];
    return m;
}

/* ---- calculate_funnel_limits ---- */

static const char *const LIMIT_NAMES[4] = {"lower_2s", "upper_2s", "lower_3s", "upper_3s"};

static double row_limit(const stats_funnel_row *w, int k)
{
    const double v[4] = {w->lower95, w->upper95, w->lower998, w->upper998};
    return v[k];
}

static double row_at(const stats_funnel_row *w, int k)
{
    const double v[4] = {w->lower95_at, w->upper95_at, w->lower998_at, w->upper998_at};
    return v[k];
}

/* testdata_funnel_prop_outputs*.csv: Population, the four limits, Baseline. */
static void check_prop_chart(const char *dir, const char *name, const stats_funnel_chart *c, printed how)
{
    static const char *const cols[4] = {"Lower2s0025limit", "Upper2s0025limit", "Lower3s0001limit",
                                        "Upper3s0001limit"};
    sheet s;
    if (sheet_open(&s, dir, name))
        return;
    CHECK_INT(s.rows, STATS_FUNNEL_ROWS);
    CHECK_INT(s.cols, 6);
    for (size_t r = 0; r < s.rows && r < STATS_FUNNEL_ROWS; r++) {
        const stats_funnel_row *w = &c->row[r];
        CHECK(w->x == num(&s, r, "Population"));
        for (int k = 0; k < 4; k++)
            CHECK_PRINTED(cols[k], r, row_limit(w, k), cell(&s, r, cols[k]), how);
        CHECK_PRINTED("Baseline", r, c->baseline, cell(&s, r, "Baseline"), how);
        CHECK(isnan(w->lower95_at) && isnan(w->upper998_at));
    }
    sheet_free(&s);
}

static void test_proportion_limits(const char *dir)
{
    sheet in;
    if (sheet_open(&in, dir, "testdata_funnel_prop_inputs.csv"))
        return;
    CHECK_INT(in.rows, 303);
    static double x[MAXROWS], n[MAXROWS], fx[MAXROWS], fn[MAXROWS];
    size_t nf = 0;
    for (size_t r = 0; r < in.rows && r < MAXROWS; r++) {
        x[r] = num(&in, r, "numerator");
        n[r] = num(&in, r, "denominator");
        /* "with axis variation": filter(denominator < 31000) */
        if (n[r] < 31000) {
            fx[nf] = x[r];
            fn[nf++] = n[r];
        }
    }
    static stats_funnel_chart c;
    err e = {0};
    stats_funnel_input all = {in.rows, x, n, NULL};
    CHECK_INT(stats_funnel_limits(&all, STATS_FUNNEL_PROPORTION, 100, NAN, &c, &e), 0);
    CHECK_INT(c.status, STATS_OK);
    /* the denominators differ more than twofold, so the axis starts at 0 (x = 1) */
    CHECK(c.axis_min == 0);
    check_prop_chart(dir, "testdata_funnel_prop_outputs.csv", &c, DP6);

    stats_funnel_input some = {nf, fx, fn, NULL};
    CHECK_INT(stats_funnel_limits(&some, STATS_FUNNEL_PROPORTION, 100, NAN, &c, &e), 0);
    CHECK(c.axis_min == 10000); /* signif.floor: within a factor of two */
    check_prop_chart(dir, "testdata_funnel_prop_outputs_with_axis_variation.csv", &c, SIG10);
    /* type = "full": LoadTestdata.R adds these columns to the expected table */
    CHECK_STR(c.statistic, "proportion");
    CHECK_STR(c.method, "Wilson");
    sheet_free(&in);
}

static void test_ratio_limits(const char *dir)
{
    sheet in, out;
    if (sheet_open(&in, dir, "testdata_funnel_ratio_inputs.csv"))
        return;
    if (sheet_open(&out, dir, "testdata_funnel_ratio_outputs.csv")) {
        sheet_free(&in);
        return;
    }
    CHECK_INT(in.rows, 300);
    static double o[MAXROWS], ex[MAXROWS];
    for (size_t r = 0; r < in.rows && r < MAXROWS; r++) {
        o[r] = num(&in, r, "obs");
        ex[r] = num(&in, r, "expected");
    }
    stats_funnel_input d = {in.rows, o, ex, NULL};
    /* The first header is "Observed_events" and a newline, quoted; LoadTestdata.R renames it. */
    CHECK_INT(out.rows, STATS_FUNNEL_ROWS);
    CHECK_INT(out.cols, 13);
    CHECK(strncmp(out.head[0], "Observed_events", 15) == 0);
    const stats_funnel_kind kinds[2] = {STATS_FUNNEL_RATIO_COUNT, STATS_FUNNEL_RATIO_ISR};
    const char *suffix[2] = {"count", "isr"};
    for (int t = 0; t < 2; t++) {
        static stats_funnel_chart c;
        err e = {0};
        CHECK_INT(stats_funnel_limits(&d, kinds[t], 100, NAN, &c, &e), 0);
        CHECK_STR(c.statistic, t == 0 ? "ratio (count)" : "ratio (isr)");
        CHECK_STR(c.method, "Poisson");
        CHECK(isnan(c.baseline));
        for (size_t r = 0; r < out.rows && r < STATS_FUNNEL_ROWS; r++) {
            const stats_funnel_row *w = &c.row[r];
            CHECK(w->x == strtod(out.cell[r * out.cols], NULL));
            for (int k = 0; k < 4; k++) {
                char col[40];
                snprintf(col, sizeof col, "%s_exp_events", LIMIT_NAMES[k]);
                CHECK_PRINTED(col, r, row_at(w, k), cell(&out, r, col), SIG10);
                snprintf(col, sizeof col, "%s_%s", LIMIT_NAMES[k], suffix[t]);
                CHECK_PRINTED(col, r, row_limit(w, k), cell(&out, r, col), SIG10);
            }
        }
    }
    sheet_free(&in);
    sheet_free(&out);
}

/* testdata_funnel_rate_outputs*.csv: every column of the full table. */
static void check_rate_chart(const char *dir, const char *name, const stats_funnel_chart *c)
{
    sheet s;
    if (sheet_open(&s, dir, name))
        return;
    CHECK_INT(s.rows, STATS_FUNNEL_ROWS);
    CHECK_INT(s.cols, 12);
    for (size_t r = 0; r < s.rows && r < STATS_FUNNEL_ROWS; r++) {
        const stats_funnel_row *w = &c->row[r];
        CHECK(w->x == num(&s, r, "Events"));
        for (int k = 0; k < 4; k++) {
            char col[40];
            snprintf(col, sizeof col, "%s_population_1_year", LIMIT_NAMES[k]);
            CHECK_PRINTED(col, r, row_at(w, k), cell(&s, r, col), SIG10);
            snprintf(col, sizeof col, "%s_limit", LIMIT_NAMES[k]);
            CHECK_PRINTED(col, r, row_limit(w, k), cell(&s, r, col), SIG10);
        }
        CHECK_PRINTED("baseline", r, c->baseline, cell(&s, r, "baseline"), SIG10);
        CHECK_STR(c->statistic, cell(&s, r, "statistic"));
        CHECK_STR(c->method, cell(&s, r, "method"));
    }
    sheet_free(&s);
}

static void test_rate_limits(const char *dir)
{
    sheet in;
    if (sheet_open(&in, dir, "testdata_funnel_rate_input_funnels.csv"))
        return;
    CHECK_INT(in.rows, 50);
    static double ev[MAXROWS], rate[MAXROWS], ev5[MAXROWS];
    size_t n = in.rows < MAXROWS ? in.rows : MAXROWS;
    for (size_t r = 0; r < n; r++) {
        ev[r] = num(&in, r, "ev");
        rate[r] = num(&in, r, "rate");
    }
    double top = colmax(ev, n);
    for (size_t r = 0; r < n; r++)
        ev5[r] = ev[r] == top ? 5 : ev[r]; /* ev == max(ev) ~ 5L */
    static stats_funnel_chart c;
    err e = {0};

    /* rates (dsr), no denominator */
    stats_funnel_input d = {n, ev, NULL, rate};
    CHECK_INT(stats_funnel_limits(&d, STATS_FUNNEL_RATE_DSR, 1e5, 3, &c, &e), 0);
    CHECK_INT(c.status, STATS_OK);
    check_rate_chart(dir, "testdata_funnel_rate_outputs.csv", &c);

    /* rates (crude), with less than 10 events */
    stats_funnel_input d5 = {n, ev5, NULL, rate};
    CHECK_INT(stats_funnel_limits(&d5, STATS_FUNNEL_RATE_CRUDE, 1e5, 3, &c, &e), 0);
    check_rate_chart(dir, "testdata_funnel_rate_outputs_2.csv", &c);

    /* rates (crude), with 0 events and a denominator: pop = 1e5 * ev / rate;
     * the largest ev and its rate become 0; filter(pop > max(pop) / 2) */
    static double pop[MAXROWS], fev[MAXROWS], frate[MAXROWS], fpop[MAXROWS];
    for (size_t r = 0; r < n; r++)
        pop[r] = 1e5 * ev[r] / rate[r];
    double pmax = colmax(pop, n);
    size_t nf = 0;
    for (size_t r = 0; r < n; r++) {
        if (!(pop[r] > pmax / 2))
            continue;
        frate[nf] = ev[r] == top ? 0 : rate[r];
        fev[nf] = ev[r] == top ? 0 : ev[r];
        fpop[nf++] = pop[r];
    }
    CHECK(nf > 1 && nf < n);
    stats_funnel_input d0 = {nf, fev, fpop, frate};
    CHECK_INT(stats_funnel_limits(&d0, STATS_FUNNEL_RATE_CRUDE, 1e5, 3, &c, &e), 0);
    check_rate_chart(dir, "testdata_funnel_rate_outputs_3.csv", &c);
    sheet_free(&in);
}

/* ---- assign_funnel_significance ---- */

static void check_positions(const sheet *s, const char *col, const stats_funnel_position *pos, const size_t *rows,
                            size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *want = cell(s, rows[i], col);
        check_count++;
        if (strcmp(stats_funnel_position_label(pos[i]), want) != 0) {
            check_failures++;
            fprintf(stderr, "%s:%d: %s row %zu is \"%s\" (%s), expected \"%s\"\n", __FILE__, __LINE__, col,
                    rows[i] + 1, stats_funnel_position_label(pos[i]), stats_funnel_position_name(pos[i]), want);
        }
    }
}

static void test_significance(const char *dir)
{
    static double x[MAXROWS], d[MAXROWS], r2[MAXROWS];
    static size_t rows[MAXROWS];
    static stats_funnel_position pos[MAXROWS];
    err e = {0};
    double av;
    sheet s;

    /* proportions */
    if (sheet_open(&s, dir, "testdata_funnel_prop_inputs.csv") == 0) {
        for (size_t r = 0; r < s.rows && r < MAXROWS; r++) {
            x[r] = num(&s, r, "numerator");
            d[r] = num(&s, r, "denominator");
            rows[r] = r;
        }
        stats_funnel_input in = {s.rows, x, d, NULL};
        CHECK_INT(stats_funnel_significance(&in, STATS_FUNNEL_PROPORTION, NAN, pos, &av, &e), 0);
        check_positions(&s, "significance", pos, rows, s.rows);
        CHECK(av > 0.8 && av < 0.81);
        sheet_free(&s);
    }

    /* ratios */
    if (sheet_open(&s, dir, "testdata_funnel_ratio_inputs.csv") == 0) {
        for (size_t r = 0; r < s.rows && r < MAXROWS; r++) {
            x[r] = num(&s, r, "obs");
            d[r] = num(&s, r, "expected");
            rows[r] = r;
        }
        stats_funnel_input in = {s.rows, x, d, NULL};
        CHECK_INT(stats_funnel_significance(&in, STATS_FUNNEL_RATIO_COUNT, NAN, pos, &av, &e), 0);
        check_positions(&s, "significance", pos, rows, s.rows);
        CHECK(av == 1);
        sheet_free(&s);
    }

    /* rates: each variant of the R tests, with denominator = pop throughout,
     * and the one column they do not run (dsr per 100 with 0) as well */
    if (sheet_open(&s, dir, "testdata_funnel_rate_dsr_inputs.csv") == 0) {
        CHECK_INT(s.rows, 40);
        static const struct {
            const char *rate, *expected;
            stats_funnel_kind kind;
            double multiplier;
            int without_0;
        } V[] = {
            {"rate_dsr", "dsr_per_100000_with_0", STATS_FUNNEL_RATE_DSR, 1e5, 0},
            {"rate_dsr", "dsr_per_100_with_0", STATS_FUNNEL_RATE_DSR, 100, 0},
            {"rate_dsr", "dsr_per_100000_without_0", STATS_FUNNEL_RATE_DSR, 1e5, 1},
            {"rate_dsr", "dsr_per_100_without_0", STATS_FUNNEL_RATE_DSR, 100, 1},
            {"rate_crude_per_100000", "crude_per_100000_with_0", STATS_FUNNEL_RATE_CRUDE, 1e5, 0},
            {"rate_crude_per_100", "crude_per_100_with_0", STATS_FUNNEL_RATE_CRUDE, 100, 0},
            {"rate_crude_per_100000", "crude_per_100000_without_0", STATS_FUNNEL_RATE_CRUDE, 1e5, 1},
            {"rate_crude_per_100", "crude_per_100_without_0", STATS_FUNNEL_RATE_CRUDE, 100, 1},
        };
        for (size_t v = 0; v < sizeof V / sizeof V[0]; v++) {
            size_t n = 0;
            for (size_t r = 0; r < s.rows && r < MAXROWS; r++) {
                double count = num(&s, r, "count");
                if (V[v].without_0 && count == 0) /* filter(count != 0) */
                    continue;
                x[n] = count;
                d[n] = num(&s, r, "pop");
                r2[n] = num(&s, r, V[v].rate);
                rows[n++] = r;
            }
            CHECK_INT(n, V[v].without_0 ? 39 : 40);
            stats_funnel_input in = {n, x, d, r2};
            CHECK_INT(stats_funnel_significance(&in, V[v].kind, V[v].multiplier, pos, &av, &e), 0);
            check_positions(&s, V[v].expected, pos, rows, n);
        }
        sheet_free(&s);
    }
}

/* ---- calculate_funnel_points ---- */

static void test_points(const char *dir)
{
    sheet s;
    if (sheet_open(&s, dir, "testdata_funnel_rate_input_funnels.csv"))
        return;
    static double ev[MAXROWS], rate[MAXROWS], pop[MAXROWS], ev5[MAXROWS], ev0[MAXROWS], chart[MAXROWS],
        den[MAXROWS];
    size_t n = s.rows < MAXROWS ? s.rows : MAXROWS;
    for (size_t r = 0; r < n; r++) {
        ev[r] = num(&s, r, "ev");
        rate[r] = num(&s, r, "rate");
        pop[r] = num(&s, r, "pop");
    }
    double top = colmax(ev, n);
    for (size_t r = 0; r < n; r++) {
        ev5[r] = ev[r] == top ? 5 : ev[r];
        ev0[r] = ev[r] == top ? 0 : ev[r];
    }
    static const struct {
        const double *ev;
        int with_pop;
        stats_funnel_kind kind;
        double years;
        const char *chart, *den;
    } V[] = {
        /* dsrs with events less than 5 (the largest ev made 5) */
        {ev5, 0, STATS_FUNNEL_RATE_DSR, 3, "rate_chart", "denominator_derived"},
        /* crude */
        {ev, 0, STATS_FUNNEL_RATE_CRUDE, 3, "rate_chart_crude", "denominator_derived_crude"},
        /* a 0 event record and denominators supplied (the largest ev made 0) */
        {ev0, 1, STATS_FUNNEL_RATE_CRUDE, 5, "rate_chart_crude_with_denom", "denominator_derived_crude_with_denom"},
    };
    for (size_t v = 0; v < sizeof V / sizeof V[0]; v++) {
        err e = {0};
        stats_funnel_input in = {n, V[v].ev, V[v].with_pop ? pop : NULL, rate};
        CHECK_INT(stats_funnel_points(&in, V[v].kind, 1e5, V[v].years, chart, den, &e), 0);
        for (size_t r = 0; r < n; r++) {
            CHECK_PRINTED(V[v].chart, r, chart[r], cell(&s, r, V[v].chart), SIG10);
            CHECK_PRINTED(V[v].den, r, den[r], cell(&s, r, V[v].den), SIG10);
        }
    }
    sheet_free(&s);
}

/* ---- the error cases of testFunnels.R ---- */

static void expect_error(int rc, const err *e, int code, const char *text)
{
    CHECK_INT(rc, code);
    CHECK_CONTAINS(e->msg, text);
}

static void test_errors_self_contained(void)
{
    stats_funnel_position pos[4];
    static stats_funnel_chart c;
    double chart[4], den[4];
    err e = {0};

    /* "denominators must be greater than zero" */
    double obs[3] = {65, 80, 30}, pop0[3] = {100, 100, 0};
    stats_funnel_input a = {3, obs, pop0, NULL};
    expect_error(stats_funnel_significance(&a, STATS_FUNNEL_PROPORTION, 100, pos, NULL, &e), &e, ERR_INVALID,
                 "record 3: denominators must be greater than zero");
    /* "numerators must be greater than or equal to zero" */
    double neg[3] = {65, -80, 30}, pop[3] = {100, 100, 200};
    stats_funnel_input b = {3, neg, pop, NULL};
    expect_error(stats_funnel_significance(&b, STATS_FUNNEL_PROPORTION, 100, pos, NULL, &e), &e, ERR_INVALID,
                 "record 2: numerators must be greater than or equal to zero");
    expect_error(stats_funnel_significance(&b, STATS_FUNNEL_RATIO_COUNT, 100, pos, NULL, &e), &e, ERR_INVALID,
                 "numerators must be greater than or equal to zero");
    /* "numerators must be less than or equal to denominator for a proportion statistic" */
    double small[3] = {100, 100, 20};
    stats_funnel_input g = {3, obs, small, NULL};
    expect_error(stats_funnel_significance(&g, STATS_FUNNEL_PROPORTION, 100, pos, NULL, &e), &e, ERR_INVALID,
                 "record 3: numerators must be less than or equal to denominator for a proportion statistic");
    expect_error(stats_funnel_limits(&g, STATS_FUNNEL_PROPORTION, 100, NAN, &c, &e), &e, ERR_INVALID,
                 "less than or equal to denominator");
    /* the same records are a ratio: O may exceed E */
    CHECK_INT(stats_funnel_significance(&g, STATS_FUNNEL_RATIO_COUNT, NAN, pos, NULL, &e), 0);
    /* arguments required: a denominator for proportions and ratios, rates for rates */
    stats_funnel_input nod = {3, obs, NULL, NULL};
    expect_error(stats_funnel_significance(&nod, STATS_FUNNEL_PROPORTION, 100, pos, NULL, &e), &e, ERR_USAGE,
                 "needs the denominator");
    expect_error(stats_funnel_limits(&nod, STATS_FUNNEL_PROPORTION, 100, NAN, &c, &e), &e, ERR_USAGE,
                 "needs the denominator");
    expect_error(stats_funnel_limits(&nod, STATS_FUNNEL_RATIO_COUNT, 100, NAN, &c, &e), &e, ERR_USAGE,
                 "ratio funnel needs the denominator");
    expect_error(stats_funnel_limits(&nod, STATS_FUNNEL_RATE_DSR, 100, 1, &c, &e), &e, ERR_USAGE,
                 "needs the rate");
    expect_error(stats_funnel_significance(&nod, STATS_FUNNEL_RATE_DSR, 100, pos, NULL, &e), &e, ERR_USAGE,
                 "needs the rate");
    /* a multiplier for proportions' limits, multiplier and years_of_data for rates */
    expect_error(stats_funnel_limits(&a, STATS_FUNNEL_PROPORTION, NAN, NAN, &c, &e), &e, ERR_INVALID,
                 "multiplier");
    double r3[3] = {50, 25, 15}, n3[3] = {100, 100, 50}, p3[3];
    for (int i = 0; i < 3; i++)
        p3[i] = 1e3 * n3[i] / r3[i];
    stats_funnel_input rr = {3, n3, p3, r3};
    expect_error(stats_funnel_limits(&rr, STATS_FUNNEL_RATE_CRUDE, 100, NAN, &c, &e), &e, ERR_INVALID,
                 "years of data");
    expect_error(stats_funnel_significance(&rr, STATS_FUNNEL_RATE_CRUDE, NAN, pos, NULL, &e), &e, ERR_INVALID,
                 "multiplier");
    expect_error(stats_funnel_points(&rr, STATS_FUNNEL_RATE_DSR, NAN, 3, chart, den, &e), &e, ERR_INVALID,
                 "multiplier");
    /* "should be one of": a statistic that is not one */
    expect_error(stats_funnel_limits(&a, (stats_funnel_kind)99, 100, 1, &c, &e), &e, ERR_USAGE,
                 "not proportion, ratio or rate");
    expect_error(stats_funnel_points(&a, STATS_FUNNEL_PROPORTION, 100, 1, chart, den, &e), &e, ERR_USAGE,
                 "rates only");
    /* 0 events with no denominator field */
    double z3[3] = {100, 100, 0}, zr[3] = {50, 25, 0};
    stats_funnel_input zd = {3, z3, NULL, zr};
    expect_error(stats_funnel_limits(&zd, STATS_FUNNEL_RATE_DSR, 100, 1, &c, &e), &e, ERR_INVALID,
                 "record 3: for rates, where there are 0 events for a record, the denominator field needs to be "
                 "provided using the denominator argument");
    double z3b[3] = {0, 100, 20}, zrb[3] = {0, 142, 111};
    stats_funnel_input zdb = {3, z3b, NULL, zrb};
    expect_error(stats_funnel_significance(&zdb, STATS_FUNNEL_RATE_CRUDE, 100, pos, NULL, &e), &e, ERR_INVALID,
                 "the denominator field needs to be provided using the denominator argument");
    expect_error(stats_funnel_points(&zdb, STATS_FUNNEL_RATE_CRUDE, 100, 1, chart, den, &e), &e, ERR_INVALID,
                 "the denominator field needs to be provided using the denominator argument");
    /* events with a rate of zero would give an infinite population */
    double zrc[3] = {0, 0, 111}, popc[3] = {10, 10, 10};
    stats_funnel_input zdc = {3, z3b, popc, zrc};
    expect_error(stats_funnel_significance(&zdc, STATS_FUNNEL_RATE_CRUDE, 100, pos, NULL, &e), &e, ERR_INVALID,
                 "record 2: a rate must be above zero where there are events");
    /* funnel_ratio_significance stops on a missing count */
    double obsna[3] = {65, NAN, 30};
    stats_funnel_input na = {3, obsna, pop, NULL};
    expect_error(stats_funnel_significance(&na, STATS_FUNNEL_RATIO_ISR, NAN, pos, NULL, &e), &e, ERR_INVALID,
                 "record 2: the observed count is missing");
    expect_error(stats_funnel_significance(&na, STATS_FUNNEL_PROPORTION, NAN, pos, NULL, &e), &e, ERR_INVALID,
                 "record 2: for proportions, numerators and denominators must be provided for all records, even "
                 "when their values are zero");

    /* valid data without a result are statuses */
    stats_funnel_input none = {0, NULL, NULL, NULL};
    CHECK_INT(stats_funnel_limits(&none, STATS_FUNNEL_PROPORTION, 100, NAN, &c, &e), 0);
    CHECK_INT(c.status, STATS_INSUFFICIENT_DATA);
    CHECK(isnan(c.row[0].x));
    double zero3[3] = {0, 0, 0}, zrate[3] = {0, 0, 0};
    stats_funnel_input noev = {3, zero3, pop, zrate};
    CHECK_INT(stats_funnel_limits(&noev, STATS_FUNNEL_RATE_CRUDE, 1e5, 1, &c, &e), 0);
    CHECK_INT(c.status, STATS_INSUFFICIENT_DATA);
    CHECK_STR(c.reason, "a rate funnel needs events");
    CHECK_INT(stats_funnel_limits(&noev, STATS_FUNNEL_RATE_DSR, 1e5, 1, &c, &e), 0);
    CHECK_INT(c.status, STATS_INSUFFICIENT_DATA);
    CHECK_STR(c.reason, "no record has a denominator");
}

/* The rows of testdata_funnel_rate_input_funnels.csv with pop between 5710
 * and 5715 blanked, as testFunnels.R makes _NA (ev, rate and pop missing) and
 * _NA2 (ev 0, rate and pop missing). */
static void test_errors_na(const char *dir)
{
    sheet s;
    if (sheet_open(&s, dir, "testdata_funnel_rate_input_funnels.csv"))
        return;
    static double ev[MAXROWS], rate[MAXROWS], pop[MAXROWS], ev2[MAXROWS], pop0[MAXROWS], chart[MAXROWS],
        den[MAXROWS];
    static stats_funnel_position pos[MAXROWS];
    static stats_funnel_chart c;
    size_t n = s.rows < MAXROWS ? s.rows : MAXROWS, hit = 0;
    char where[32] = "";
    for (size_t r = 0; r < n; r++) {
        ev[r] = num(&s, r, "ev");
        rate[r] = num(&s, r, "rate");
        pop[r] = num(&s, r, "pop");
        ev2[r] = ev[r];
        if (pop[r] >= 5710 && pop[r] <= 5715) {
            if (!hit++)
                snprintf(where, sizeof where, "record %zu:", r + 1);
            ev[r] = rate[r] = pop[r] = NAN;
            ev2[r] = 0;
        }
    }
    CHECK_INT(hit, 1);
    /* _NA2 with pop = case_when(ev == 0 ~ 0L, TRUE ~ ev) */
    for (size_t r = 0; r < n; r++)
        pop0[r] = ev2[r] == 0 ? 0 : ev2[r];
    err e = {0};
    stats_funnel_input na = {n, ev, NULL, rate};
    stats_funnel_input na2 = {n, ev2, NULL, rate}, na2_pop = {n, ev2, pop, rate}, na2_pop0 = {n, ev2, pop0, rate};

    /* calculate_funnel_points */
    expect_error(stats_funnel_points(&na2, STATS_FUNNEL_RATE_DSR, 1e5, 3, chart, den, &e), &e, ERR_INVALID,
                 "for rates, where there are 0 events for a record, the denominator field needs to be provided "
                 "using the denominator argument");
    expect_error(stats_funnel_points(&na2_pop, STATS_FUNNEL_RATE_DSR, 1e5, 3, chart, den, &e), &e, ERR_INVALID,
                 "for rates, where there are 0 events for a record, the denominator must be provided");
    CHECK_CONTAINS(e.msg, where);

    /* calculate_funnel_limits */
    const char *numerators = "for rates, numerators must be provided for all records, even when their values are zero";
    const char *rates = "for rates, rates must be provided for all records, or a denominator must be provided if "
                        "the rate is zero";
    const char *denominator = "for rates, where there are 0 events for a record, the denominator must be provided";
    expect_error(stats_funnel_limits(&na, STATS_FUNNEL_RATE_CRUDE, 1e5, 1, &c, &e), &e, ERR_INVALID, numerators);
    CHECK_CONTAINS(e.msg, where);
    expect_error(stats_funnel_limits(&na2, STATS_FUNNEL_RATE_DSR, 1e5, 1, &c, &e), &e, ERR_INVALID, rates);
    expect_error(stats_funnel_limits(&na2_pop0, STATS_FUNNEL_RATE_DSR, 1e5, 1, &c, &e), &e, ERR_INVALID,
                 denominator);
    expect_error(stats_funnel_limits(&na2_pop, STATS_FUNNEL_RATE_DSR, 1e5, 1, &c, &e), &e, ERR_INVALID, rates);
    stats_funnel_input prop = {n, ev, pop, NULL};
    expect_error(stats_funnel_limits(&prop, STATS_FUNNEL_PROPORTION, 1e5, NAN, &c, &e), &e, ERR_INVALID,
                 "for proportions, numerators and denominators must be provided for all records, even when their "
                 "values are zero");

    /* assign_funnel_significance */
    expect_error(stats_funnel_significance(&na2, STATS_FUNNEL_RATE_CRUDE, 1e5, pos, NULL, &e), &e, ERR_INVALID,
                 rates);
    expect_error(stats_funnel_significance(&na2_pop0, STATS_FUNNEL_RATE_CRUDE, 1e5, pos, NULL, &e), &e,
                 ERR_INVALID, denominator);
    expect_error(stats_funnel_significance(&na2_pop, STATS_FUNNEL_RATE_CRUDE, 1e5, pos, NULL, &e), &e, ERR_INVALID,
                 rates);
    expect_error(stats_funnel_significance(&na, STATS_FUNNEL_RATE_CRUDE, 1e5, pos, NULL, &e), &e, ERR_INVALID,
                 numerators);
    expect_error(stats_funnel_significance(&na, STATS_FUNNEL_RATE_DSR, 1e5, pos, NULL, &e), &e, ERR_INVALID,
                 numerators);
    expect_error(stats_funnel_significance(&prop, STATS_FUNNEL_PROPORTION, 1e5, pos, NULL, &e), &e, ERR_INVALID,
                 "for proportions, numerators and denominators must be provided");
    sheet_free(&s);
}

/* ---- the upstream functions run directly ----
 * Values printed by R 4.2.2 running R/utils.R and R/Funnels.R of
 * PHEindicatormethods 2.1.0 (17 significant digits). */

#define R_REL 1e-13

static void test_building_blocks(void)
{
    /* poisson_funnel(obs, p, side) */
    CHECK_NEAR(stats_funnel_poisson(1, 0.025, STATS_FUNNEL_HIGH), 5.5716445854321845, R_REL);
    CHECK_NEAR(stats_funnel_poisson(1, 0.025, STATS_FUNNEL_LOW), 0.025317898204127373, R_REL);
    CHECK_NEAR(stats_funnel_poisson(37, 0.001, STATS_FUNNEL_HIGH), 59.925189169794088, R_REL);
    CHECK_NEAR(stats_funnel_poisson(0, 0.025, STATS_FUNNEL_HIGH), 3.6888787220657298, R_REL);
    CHECK_NEAR(stats_funnel_poisson(2500, 0.001, STATS_FUNNEL_LOW), 2348.3339378461997, R_REL);
    /* Above STATS_FUNNEL_SERIES_MAX the exact quantiles stand in for the series: at the
     * boundary the two agree within the bisection's step, and a national count is quick. */
    for (int side = 0; side < 2; side++) {
        stats_funnel_side sd = side ? STATS_FUNNEL_HIGH : STATS_FUNNEL_LOW;
        double n = STATS_FUNNEL_SERIES_MAX, series = stats_funnel_poisson(n, 0.025, sd);
        double exact = sd == STATS_FUNNEL_LOW ? stats_qgamma(0.025, n, 0) : stats_qgamma(0.025, n + 1, 1);
        CHECK_NEAR(series, exact, 2e-7);
        CHECK_NEAR(stats_funnel_poisson(n + 1, 0.025, sd),
                   sd == STATS_FUNNEL_LOW ? stats_qgamma(0.025, n + 1, 0) : stats_qgamma(0.025, n + 2, 1), 1e-15);
    }
    CHECK(stats_funnel_poisson(5e7, 0.001, STATS_FUNNEL_HIGH) > 5e7);
    CHECK(isnan(stats_funnel_poisson(-1, 0.025, STATS_FUNNEL_LOW)));
    CHECK(isnan(stats_funnel_poisson(3, 1, STATS_FUNNEL_LOW)));
    /* funnel_ratio_significance(obs, expected, p, side) */
    CHECK_NEAR(stats_funnel_ratio_limit(0, 2, 0.95, STATS_FUNNEL_HIGH), 1.8444397270569677, R_REL);
    CHECK(stats_funnel_ratio_limit(0, 2, 0.95, STATS_FUNNEL_LOW) == 0);
    CHECK_NEAR(stats_funnel_ratio_limit(3, 2, 0.998, STATS_FUNNEL_LOW), 0.095266688784201622, R_REL);
    CHECK_NEAR(stats_funnel_ratio_limit(25, 20, 0.95, STATS_FUNNEL_HIGH), 1.8453225346092679, R_REL);
    /* sigma_adjustment(p, population, average_proportion, side, multiplier) */
    CHECK_NEAR(stats_funnel_sigma(0.975, 1000, 0.3, STATS_FUNNEL_LOW, 100), 27.15974234910669, R_REL);
    CHECK_NEAR(stats_funnel_sigma(0.999, 1000, 0.3, STATS_FUNNEL_HIGH, 1), 0.34478172058192347, R_REL);
    CHECK(isnan(stats_funnel_sigma(0.975, 10, 1, STATS_FUNNEL_HIGH, 1))); /* R's sqrt of a rounding -0 */
    CHECK(stats_funnel_sigma(0.975, 10, 0, STATS_FUNNEL_HIGH, 1) == 0);

    /* names and labels */
    CHECK_STR(stats_funnel_position_label(STATS_FUNNEL_HIGH_998), "High (0.001)");
    CHECK_STR(stats_funnel_position_label(STATS_FUNNEL_HIGH_95), "High (0.025)");
    CHECK_STR(stats_funnel_position_label(STATS_FUNNEL_LOW_998), "Low (0.001)");
    CHECK_STR(stats_funnel_position_label(STATS_FUNNEL_LOW_95), "Low (0.025)");
    CHECK_STR(stats_funnel_position_label(STATS_FUNNEL_NOT_SIGNIFICANT), "Not significant");
    CHECK_STR(stats_funnel_position_label(STATS_FUNNEL_NO_VALUE), "Not significant");
    CHECK_STR(stats_funnel_position_label(STATS_FUNNEL_NOT_APPLICABLE),
              "Not applicable for events less than 10 for dsrs");
    CHECK_STR(stats_funnel_position_name(STATS_FUNNEL_LOW_95), "low_95");
    CHECK_STR(stats_funnel_position_name(STATS_FUNNEL_NO_VALUE), "no_value");
    CHECK_STR(stats_funnel_kind_name(STATS_FUNNEL_RATIO_ISR), "ratio_isr");
}

static void test_direct(void)
{
    static stats_funnel_chart c;
    err e = {0};

    /* signif.floor counts digits with nchar(as.character(x)), and R writes
     * 12000000 as "1.2e+07": the axis starts at 12000000, not 10000000. */
    double x1[2] = {100000, 200000}, n1[2] = {12631579, 13000000};
    stats_funnel_input a = {2, x1, n1, NULL};
    CHECK_INT(stats_funnel_limits(&a, STATS_FUNNEL_PROPORTION, 100, NAN, &c, &e), 0);
    CHECK(c.axis_min == 12000000);
    CHECK(c.row[0].x == 12000000);
    CHECK(c.row[1].x == 12018699);
    CHECK(c.row[99].x == 14000000);
    CHECK_NEAR(c.row[0].lower95, 1.1643460229893230, R_REL);
    CHECK_NEAR(c.row[0].upper95, 1.1765163952019244, R_REL);
    CHECK_NEAR(c.row[0].lower998, 1.1608368293809437, R_REL);
    CHECK_NEAR(c.row[0].upper998, 1.1800255888103039, R_REL);
    CHECK_NEAR(c.row[99].upper998, 1.1793138786803083, R_REL);
    CHECK_NEAR(c.baseline, 1.1704312090956239, R_REL);
    /* ... and signif.ceiling: 123000000 is "1.23e+08", so the axis ends
     * there rather than at 130000000 */
    double x2[2] = {1000, 2000}, n2[2] = {70000000, 117142857};
    stats_funnel_input b = {2, x2, n2, NULL};
    CHECK_INT(stats_funnel_limits(&b, STATS_FUNNEL_PROPORTION, 100, NAN, &c, &e), 0);
    CHECK(c.axis_min == 60000000);
    CHECK(c.axis_max == 123000000);
    CHECK(c.row[1].x == 60436636);
    CHECK(c.row[98].x == 122111364);
    CHECK(c.row[99].x == 123000000);
    CHECK_NEAR(c.row[98].lower95, 0.0015320399934826646, R_REL);
    CHECK_NEAR(c.row[99].upper998, 0.0017146135868239777, R_REL);

    /* An average of 1 leaves sigma_adjustment a square root of rounding
     * error: R's max() and min() keep its NaN where fmax would not. */
    double x3[2] = {10, 20};
    stats_funnel_input d = {2, x3, x3, NULL};
    CHECK_INT(stats_funnel_limits(&d, STATS_FUNNEL_PROPORTION, 100, NAN, &c, &e), 0);
    CHECK(c.row[0].x == 9);
    CHECK_NEAR(c.row[0].lower95, 99.999998739197892, R_REL);
    CHECK(c.row[0].upper95 == 100);
    CHECK(isnan(c.row[1].lower95) && isnan(c.row[1].upper95));
    CHECK(c.row[99].x == 108);
    CHECK(isnan(c.row[99].lower998) && isnan(c.row[99].upper998));
    CHECK(c.row[99].upper95 == 100);
    stats_funnel_position pos[4];
    CHECK_INT(stats_funnel_significance(&d, STATS_FUNNEL_PROPORTION, NAN, pos, NULL, &e), 0);
    CHECK_INT(pos[0], STATS_FUNNEL_NOT_SIGNIFICANT);
    CHECK_INT(pos[1], STATS_FUNNEL_NOT_SIGNIFICANT);

    /* ratios (isr): the axis from the expected counts, 0 to 156 */
    double o4[4] = {5, 200, 37, 0}, e4[4] = {2.5, 150, 40, 0.5};
    stats_funnel_input r = {4, o4, e4, NULL};
    CHECK_INT(stats_funnel_limits(&r, STATS_FUNNEL_RATIO_ISR, 100, NAN, &c, &e), 0);
    CHECK(c.row[0].x == 1 && c.row[1].x == 2 && c.row[99].x == 156);
    CHECK_NEAR(c.row[99].lower95_at, 182.4912845972958166, R_REL);
    CHECK_NEAR(c.row[99].lower95, 85.483534374940575, R_REL);
    CHECK_NEAR(c.row[99].upper95_at, 132.480520185595622706, R_REL);
    CHECK_NEAR(c.row[99].upper95, 117.75316082806384, R_REL);
    CHECK_NEAR(c.row[99].lower998, 78.555649234673766, R_REL);
    CHECK_NEAR(c.row[99].upper998_at, 1.2023262277567224e+02, R_REL);
    CHECK_NEAR(c.row[99].upper998, 129.74847957119081, R_REL);
    CHECK_NEAR(c.row[0].upper998, 99945.32721420908638, R_REL);
    CHECK_INT(stats_funnel_significance(&r, STATS_FUNNEL_RATIO_ISR, NAN, pos, NULL, &e), 0);
    CHECK_INT(pos[0], STATS_FUNNEL_NOT_SIGNIFICANT);
    CHECK_INT(pos[1], STATS_FUNNEL_HIGH_998);
    CHECK_INT(pos[2], STATS_FUNNEL_NOT_SIGNIFICANT);
    CHECK_INT(pos[3], STATS_FUNNEL_NOT_SIGNIFICANT);
    /* a missing expected count has no limit: upstream's "Not significant" */
    e4[2] = NAN;
    CHECK_INT(stats_funnel_significance(&r, STATS_FUNNEL_RATIO_ISR, NAN, pos, NULL, &e), 0);
    CHECK_INT(pos[2], STATS_FUNNEL_NO_VALUE);
    CHECK_STR(stats_funnel_position_label(pos[2]), "Not significant");

    /* rates: a DSR under 10 events is not applicable, even with none; crude
     * rates use the population where there are no events */
    double x5[4] = {5, 300, 37, 0}, p5[4] = {2000, 50000, 9000, 1000}, r5[4] = {250, 600, 411.1, 0};
    stats_funnel_input rt = {4, x5, p5, r5};
    double av;
    CHECK_INT(stats_funnel_significance(&rt, STATS_FUNNEL_RATE_DSR, 1e5, pos, &av, &e), 0);
    CHECK_INT(pos[0], STATS_FUNNEL_NOT_APPLICABLE);
    CHECK_INT(pos[1], STATS_FUNNEL_NOT_SIGNIFICANT);
    CHECK_INT(pos[2], STATS_FUNNEL_NOT_SIGNIFICANT);
    CHECK_INT(pos[3], STATS_FUNNEL_NOT_APPLICABLE);
    CHECK_INT(stats_funnel_significance(&rt, STATS_FUNNEL_RATE_CRUDE, 1e5, pos, &av, &e), 0);
    CHECK_INT(pos[0], STATS_FUNNEL_NOT_SIGNIFICANT);
    CHECK_INT(pos[1], STATS_FUNNEL_NOT_SIGNIFICANT);
    CHECK_INT(pos[2], STATS_FUNNEL_NOT_SIGNIFICANT);
    CHECK_INT(pos[3], STATS_FUNNEL_LOW_95);
    CHECK_INT(stats_funnel_limits(&rt, STATS_FUNNEL_RATE_CRUDE, 1e5, 2, &c, &e), 0);
    CHECK_STR(c.statistic, "rate (crude per 100,000)");
    CHECK(c.row[0].x == 1 && c.row[1].x == 2 && c.row[99].x == 298);
    CHECK_NEAR(c.row[0].lower95_at, 505.03409298000639, R_REL);
    CHECK_NEAR(c.row[0].lower95, 99.003217198604915, R_REL);
    CHECK_NEAR(c.row[0].upper95_at, 2.2949062094006085, R_REL);
    CHECK_NEAR(c.row[0].upper95, 21787.38276762045643, R_REL);
    CHECK_NEAR(c.row[0].lower998_at, 836.94981713040249, R_REL);
    CHECK_NEAR(c.row[0].lower998, 59.740738305471979, R_REL);
    CHECK_NEAR(c.row[0].upper998_at, 9.0693214989347432e-02, R_REL);
    CHECK_NEAR(c.row[0].upper998, 551309.15808721585199, R_REL);
    CHECK_NEAR(c.row[99].lower95_at, 30259.38068925538028, R_REL);
    CHECK_NEAR(c.row[99].upper998, 664.18809710572145, R_REL);
    CHECK_NEAR(c.baseline, 551.61073904497357, R_REL);
    /* a crude rate with events but no rate, beside a population, has no limit */
    r5[2] = NAN;
    CHECK_INT(stats_funnel_significance(&rt, STATS_FUNNEL_RATE_CRUDE, 1e5, pos, &av, &e), 0);
    CHECK_INT(pos[2], STATS_FUNNEL_NO_VALUE);
    /* the multiplier in the statistic text, as format(big.mark = ",") writes it */
    CHECK_INT(stats_funnel_limits(&rt, STATS_FUNNEL_RATE_DSR, 1000, 1, &c, &e), 0);
    CHECK_STR(c.statistic, "rate (dsr per 1,000)");
    CHECK_INT(stats_funnel_limits(&rt, STATS_FUNNEL_RATE_DSR, 100, 1, &c, &e), 0);
    CHECK_STR(c.statistic, "rate (dsr per 100)");
    CHECK_INT(stats_funnel_limits(&rt, STATS_FUNNEL_RATE_DSR, 1e6, 1, &c, &e), 0);
    CHECK_STR(c.statistic, "rate (dsr per 1,000,000)");
}

int main(int argc, char **argv)
{
    test_building_blocks();
    test_direct();
    test_errors_self_contained();
    struct stat st;
    if (argc < 2 || stat(argv[1], &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "test_funnel: no reference data folder; the reference checks are skipped\n");
        int rc = check_report("test_funnel");
        return rc ? rc : 77;
    }
    const char *dir = argv[1];
    test_proportion_limits(dir);
    test_ratio_limits(dir);
    test_rate_limits(dir);
    test_significance(dir);
    test_points(dir);
    test_errors_na(dir);
    return check_report("test_funnel");
}
