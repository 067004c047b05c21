/*
 * test_spc_compare.c - the Fingertips SPC comparers (methods 5 and 6) and the
 * latest-against-previous marker against Fingertips' own unit tests
 * (fingertips-open, PholioVisualisationWS/AnalysisTest, commit
 * 678089724a516138232d273c4c7f511ed3c5a338), the limits against their
 * defining equations and against a transcription of Fingertips' PoisLow and
 * PoisHigh, boundaries, missing values, zero denominators and errors.
 *
 * Needs no reference data: argv[1] (the reference folder) is not read.
 */
#include "check.h"
#include "spc_compare.h"
#include "stats.h"

static void check_near_at(const char *file, int line, const char *what, double got, double want, double rel)
{
    check_count++;
    int ok;
    if (isnan(want))
        ok = isnan(got);
    else
        ok = fabs(got - want) <= rel * fmax(fabs(want), 1e-300);
    if (!ok) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s is %.17g, expected %.17g\n", file, line, what, got, want);
    }
}
#define CHECK_NEAR(got, want, rel) check_near_at(__FILE__, __LINE__, #got, (got), (want), (rel))

#define CHECK_OUTCOME(got, want) CHECK_STR(stats_outcome_name(got), stats_outcome_name(want))
#define CHECK_STATUS(got, want) CHECK_STR(stats_status_name(got), stats_status_name(want))

/* ---- SPC for proportions ---- */

/* One area of an upstream case: its outcome at each level, as Fingertips'
 * comparer gives it at ConfidenceVariable 1.96 (New95_0) and 3.0902 (New99_8),
 * both with PolarityIds.RagLowIsGood. */
typedef struct spc_case {
    const char *area;
    double value, denominator;
    stats_outcome at95, at998;
} spc_case;

static void check_spc_cases(int dsr, double comparator, double unit, const spc_case *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        stats_spc_result r;
        err e = {0};
        int rc = dsr ? stats_spc_dsr(c[i].value, c[i].denominator, comparator, unit, STATS_LOW_GOOD, &r, &e)
                     : stats_spc_proportion(c[i].value, c[i].denominator, comparator, unit, STATS_LOW_GOOD, &r, &e);
        CHECK_INT(rc, 0);
        CHECK_STATUS(r.status, STATS_OK);
        if (r.outcome95 != c[i].at95 || r.outcome998 != c[i].at998)
            fprintf(stderr, "  in area %s\n", c[i].area);
        CHECK_OUTCOME(r.outcome95, c[i].at95);
        CHECK_OUTCOME(r.outcome998, c[i].at998);
        /* the two-level outcome: best/worst only where 99.8% differs too */
        stats_outcome both = c[i].at95;
        if (c[i].at998 == STATS_BETTER)
            both = STATS_BEST;
        else if (c[i].at998 == STATS_WORSE)
            both = STATS_WORST;
        CHECK_OUTCOME(r.outcome, both);
        CHECK_STR(r.significance, c[i].at95 == STATS_SIMILAR ? NULL : c[i].at998 == STATS_SIMILAR ? "95%" : "99.8%");
        CHECK(r.lower998 < r.lower95 && r.lower95 < r.upper95 && r.upper95 < r.upper998);
    }
}

static void test_spc_proportion_upstream(void)
{
    /* SpcForProportionsComparerTest.TestComparisionWithDifferentConfidencesWhereSignifancesSame:
     * IndicatorId 1, 2010, Unit 100, comparator 8.9611086876279327 */
    static const spc_case same[] = {
        {"5PP", 7.7065767284991562, 5930, STATS_BETTER, STATS_BETTER},
        {"5PN", 9.8988121425428961, 2273, STATS_SIMILAR, STATS_SIMILAR},
        {"5PR", 12.474645030425965, 1972, STATS_WORSE, STATS_WORSE},
    };
    check_spc_cases(0, 8.9611086876279327, 100, same, 3);

    /* SpcForProportionsComparerTest.TestComparisionWithDifferentConfidencesWhereSignifancesDifferent:
     * IndicatorId 514, 2010, Unit 100, comparator 12.8379546895717 */
    static const spc_case different[] = {
        {"5PY", 10.9783420463032, 1339, STATS_BETTER, STATS_SIMILAR},
        {"5GC", 15.9065628476085, 899, STATS_WORSE, STATS_SIMILAR},
    };
    check_spc_cases(0, 12.8379546895717, 100, different, 2);

    /* SpcForProportionsComparerTest.TestDenominatorInvalid: value 10,
     * comparator 10, Denominator 0 and -1 give Significance.None. Fingertips'
     * -1 is its null sentinel (ValueData.NullValue), a missing value here;
     * a negative denominator written as such is an error. */
    stats_spc_result r;
    err e = {0};
    CHECK_INT(stats_spc_proportion(10, 0, 10, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_INSUFFICIENT_DATA);
    CHECK_STR(r.reason, "the denominator is zero");
    CHECK_OUTCOME(r.outcome95, STATS_OUTCOME_NOT_COMPARED);
    CHECK_OUTCOME(r.outcome998, STATS_OUTCOME_NOT_COMPARED);
    CHECK_OUTCOME(r.outcome, STATS_OUTCOME_NOT_COMPARED);
    CHECK(isnan(r.lower95) && isnan(r.upper998) && isnan(r.expected));
    CHECK(r.significance == NULL);
    CHECK_INT(stats_spc_proportion(10, NAN, 10, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK_OUTCOME(r.outcome, STATS_OUTCOME_NOT_COMPARED);
    CHECK_INT(stats_spc_proportion(10, -1, 10, 100, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "denominator");
}

/* The Wilson limits L of E events of N at z solve N (E/N - L)^2 = z^2 L (1 - L). */
static void check_score_equation(double p0, double n, double limit, double z)
{
    double lhs = n * (p0 - limit) * (p0 - limit), rhs = z * z * limit * (1 - limit);
    CHECK_NEAR(lhs, rhs, 1e-9);
}

static void test_spc_proportion_limits(void)
{
    stats_spc_result r;
    err e = {0};
    /* 5PP's limits: E = 5930 x 0.0896..., Wilson at Fingertips' z, times 100 */
    double p0 = 8.9611086876279327 / 100;
    CHECK_INT(stats_spc_proportion(7.7065767284991562, 5930, 8.9611086876279327, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STR(r.method, "SPC for proportions");
    CHECK_NEAR(r.expected, 5930 * p0, 1e-15);
    CHECK_NEAR(r.value, 7.7065767284991562, 0);
    CHECK_NEAR(r.comparator, 8.9611086876279327, 0);
    CHECK_NEAR(r.denominator, 5930, 0);
    CHECK_NEAR(r.multiplier, 100, 0);
    check_score_equation(p0, 5930, r.lower95 / 100, STATS_SPC_Z95);
    check_score_equation(p0, 5930, r.upper95 / 100, STATS_SPC_Z95);
    check_score_equation(p0, 5930, r.lower998 / 100, STATS_SPC_Z998);
    check_score_equation(p0, 5930, r.upper998 / 100, STATS_SPC_Z998);
    CHECK(r.lower95 < 8.9611086876279327 && 8.9611086876279327 < r.upper95);

    /* Written out by hand for E = 50 of N = 100, z = 1.96: A = 100 + 3.8416,
     * B = 1.96 sqrt(3.8416 + 100), C = 2 (100 + 3.8416). */
    CHECK_INT(stats_spc_proportion(0.5, 100, 0.5, 1, STATS_HIGH_GOOD, &r, &e), 0);
    double b = 1.96 * sqrt(3.8416 + 100);
    CHECK_NEAR(r.lower95, (103.8416 - b) / 207.6832, 1e-13);
    CHECK_NEAR(r.upper95, (103.8416 + b) / 207.6832, 1e-13);
    CHECK_OUTCOME(r.outcome, STATS_SIMILAR);

    /* The same formula as stats_wilson's when z is the same: Fingertips'
     * 1.96 is stats_z(0.95) to 2e-5, so the limits agree to about that. */
    double lo, hi;
    CHECK_INT(stats_wilson(50, 100, 0.95, &lo, &hi, &e), 0);
    CHECK_NEAR(r.lower95, lo, 1e-5);
    CHECK_NEAR(r.upper95, hi, 1e-5);
    CHECK(r.lower95 != lo); /* but not the same numbers: 1.96 is not rounded away */

    /* Comparator 0: E = 0, the lower limits are 0 and an area at 0 is on them. */
    CHECK_INT(stats_spc_proportion(0, 50, 0, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_NEAR(r.lower95, 0, 0);
    CHECK_NEAR(r.lower998, 0, 0);
    CHECK_NEAR(r.upper95, 100 * 3.8416 / (50 + 3.8416), 1e-13);
    CHECK_OUTCOME(r.outcome, STATS_SIMILAR);
    CHECK_INT(stats_spc_proportion(10, 50, 0, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_OUTCOME(r.outcome95, STATS_WORSE); /* above 7.13 */
    CHECK_OUTCOME(r.outcome, STATS_WORSE);   /* under 16.04 */
    CHECK_INT(stats_spc_proportion(20, 50, 0, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_WORST);
    /* Comparator 100%: E = N, the upper limits are 100. */
    CHECK_INT(stats_spc_proportion(100, 50, 100, 100, STATS_HIGH_GOOD, &r, &e), 0);
    CHECK_NEAR(r.upper95, 100, 1e-15);
    CHECK_NEAR(r.lower95, 100 * 50 / (50 + 3.8416), 1e-13);
    CHECK_OUTCOME(r.outcome, STATS_SIMILAR);
}

static void test_spc_proportion_boundaries(void)
{
    /* GetSignificanceFromSDs: a value on a limit is Same (strict < and >).
     * Multiplier 1, so the value compared is exactly the limit reported. */
    stats_spc_result r, b;
    err e = {0};
    CHECK_INT(stats_spc_proportion(0.3, 400, 0.3, 1, STATS_HIGH_GOOD, &r, &e), 0);
    double at[4] = {r.upper95, r.lower95, r.upper998, r.lower998};
    /* on the 95% limits: similar at both levels */
    for (int i = 0; i < 2; i++) {
        CHECK_INT(stats_spc_proportion(at[i], 400, 0.3, 1, STATS_HIGH_GOOD, &b, &e), 0);
        CHECK_OUTCOME(b.outcome95, STATS_SIMILAR);
        CHECK_OUTCOME(b.outcome, STATS_SIMILAR);
        CHECK(b.significance == NULL);
    }
    /* just past them: better/worse at 95%, similar at 99.8% */
    CHECK_INT(stats_spc_proportion(nextafter(at[0], 1), 400, 0.3, 1, STATS_HIGH_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome95, STATS_BETTER);
    CHECK_OUTCOME(b.outcome998, STATS_SIMILAR);
    CHECK_OUTCOME(b.outcome, STATS_BETTER);
    CHECK_STR(b.significance, "95%");
    CHECK_INT(stats_spc_proportion(nextafter(at[1], 0), 400, 0.3, 1, STATS_HIGH_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_WORSE);
    /* on the 99.8% limits: outside the 95% limits only */
    CHECK_INT(stats_spc_proportion(at[2], 400, 0.3, 1, STATS_HIGH_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome95, STATS_BETTER);
    CHECK_OUTCOME(b.outcome998, STATS_SIMILAR);
    CHECK_OUTCOME(b.outcome, STATS_BETTER);
    CHECK_INT(stats_spc_proportion(at[3], 400, 0.3, 1, STATS_HIGH_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_WORSE);
    /* just past them: best/worst */
    CHECK_INT(stats_spc_proportion(nextafter(at[2], 1), 400, 0.3, 1, STATS_HIGH_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome998, STATS_BETTER);
    CHECK_OUTCOME(b.outcome, STATS_BEST);
    CHECK_STR(b.significance, "99.8%");
    CHECK_INT(stats_spc_proportion(nextafter(at[3], 0), 400, 0.3, 1, STATS_HIGH_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_WORST);
}

static void test_spc_polarity(void)
{
    /* AdjustForPolarity swaps only for RagLowIsGood; Fingertips' "Better" for
     * other polarities is higher (Significance's own comments). 5PR of the
     * first upstream case is above both limits, 5PY of the second below the
     * 95% limit only. */
    stats_spc_result r;
    err e = {0};
    CHECK_INT(stats_spc_proportion(12.474645030425965, 1972, 8.9611086876279327, 100, STATS_HIGH_GOOD, &r, &e), 0);
    CHECK_OUTCOME(r.outcome95, STATS_BETTER);
    CHECK_OUTCOME(r.outcome, STATS_BEST);
    CHECK_INT(stats_spc_proportion(12.474645030425965, 1972, 8.9611086876279327, 100, STATS_NO_JUDGEMENT, &r, &e), 0);
    CHECK_OUTCOME(r.outcome95, STATS_HIGHER);
    CHECK_OUTCOME(r.outcome998, STATS_HIGHER);
    CHECK_OUTCOME(r.outcome, STATS_HIGHER);
    CHECK_STR(r.significance, "99.8%");
    CHECK_INT(stats_spc_proportion(10.9783420463032, 1339, 12.8379546895717, 100, STATS_HIGH_GOOD, &r, &e), 0);
    CHECK_OUTCOME(r.outcome95, STATS_WORSE);
    CHECK_OUTCOME(r.outcome998, STATS_SIMILAR);
    CHECK_OUTCOME(r.outcome, STATS_WORSE);
    CHECK_INT(stats_spc_proportion(10.9783420463032, 1339, 12.8379546895717, 100, STATS_NO_JUDGEMENT, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_LOWER);
    CHECK_STR(r.significance, "95%");
}

static void test_spc_proportion_errors(void)
{
    stats_spc_result r;
    err e = {0};
    /* missing values: CanComparisonGoAhead's IsValueValid */
    CHECK_INT(stats_spc_proportion(NAN, 100, 10, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK_STR(r.reason, "the area's value is missing");
    CHECK_OUTCOME(r.outcome, STATS_OUTCOME_NOT_COMPARED);
    CHECK_INT(stats_spc_proportion(10, 100, NAN, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK_STR(r.reason, "the comparator's value is missing");
    /* a missing value is a status even when the other input is bad */
    CHECK_INT(stats_spc_proportion(NAN, -5, 10, 100, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);

    CHECK_INT(stats_spc_proportion(101, 100, 10, 100, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "the area's value 101");
    CHECK_INT(stats_spc_proportion(-1, 100, 10, 100, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "the area's value -1");
    CHECK_INT(stats_spc_proportion(0.5, 100, 1.5, 1, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "the comparator's value 1.5");
    CHECK_INT(stats_spc_proportion(10, INFINITY, 10, 100, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "the denominator");
    CHECK_INT(stats_spc_proportion(INFINITY, 100, 10, 100, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_INT(stats_spc_proportion(10, 100, 10, 0, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "multiplier");
    CHECK_INT(stats_spc_proportion(10, 100, 10, NAN, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_INT(stats_spc_proportion(10, 100, 10, -100, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
}

/* ---- SPC for DSRs ---- */

/* StatisticalMethods.PoisP, PoisLow and PoisHigh transcribed, as the oracle
 * for the closed forms the engine uses (Analysis/StatisticalMethods.cs). */
static double pois_p(double z, double x1, double x2)
{
    double q = 1, tot = 0, s = 0, k = 0;
    while (k <= z || q > tot * 0.0000000001) {
        tot += q;
        if (k >= x1 && k <= x2)
            s += q;
        if (tot > 1E+30) {
            s /= 1E+30;
            tot /= 1E+30;
            q /= 1E+30;
        }
        k += 1;
        q = q * z / k;
    }
    return s / tot;
}

static double pois_low(double vz, double p)
{
    double v = 0.5, dv = 0.5;
    while (dv > 0.0000001) {
        dv /= 2;
        if (pois_p((1 + vz) * v / (1 - v), vz, 10000000000) > p)
            v -= dv;
        else
            v += dv;
    }
    return (1 + vz) * v / (1 - v);
}

static double pois_high(double vz, double p)
{
    double v = 0.5, dv = 0.5;
    while (dv > 0.0000001) {
        dv /= 2;
        if (pois_p((1 + vz) * v / (1 - v), 0, vz) < p)
            v -= dv;
        else
            v += dv;
    }
    return (1 + vz) * v / (1 - v);
}

/* Within the bisection's own precision: it ends with v = m / (1 + E + m)
 * within 0.5 / 2^23 (6e-8) of the root, which is (1 + E + m)^2 / (1 + E)
 * times that in the count m; twice that is allowed. */
static void check_bisection_at(const char *file, int line, double got, double want, double e1, double scale)
{
    check_count++;
    double m = want / scale;
    double tol = 2 * (0.5 / 8388608.0) * (1 + e1 + m) * (1 + e1 + m) / (1 + e1) * scale;
    if (!(fabs(got - want) <= tol)) {
        check_failures++;
        fprintf(stderr, "%s:%d: limit %.17g, Fingertips' bisection %.17g (E %g)\n", file, line, got, want, e1);
    }
}
#define CHECK_BISECTION(got, want, e1, scale) check_bisection_at(__FILE__, __LINE__, (got), (want), (e1), (scale))

static void check_dsr_limits(const stats_spc_result *r)
{
    double s = r->multiplier / r->denominator, e1 = r->expected;
    CHECK_BISECTION(r->lower95, pois_low(e1, STATS_SPC_TAIL95) * s, e1, s);
    CHECK_BISECTION(r->upper95, pois_high(e1, STATS_SPC_TAIL95) * s, e1, s);
    CHECK_BISECTION(r->lower998, pois_low(e1, STATS_SPC_TAIL998) * s, e1, s);
    CHECK_BISECTION(r->upper998, pois_high(e1, STATS_SPC_TAIL998) * s, e1, s);
    /* and the defining tails, P(X >= ceil E) and P(X <= floor E), exactly */
    if (ceil(e1) > 0) {
        CHECK_NEAR(stats_pgamma(r->lower95 / s, ceil(e1)), STATS_SPC_TAIL95, 1e-9);
        CHECK_NEAR(stats_pgamma(r->lower998 / s, ceil(e1)), STATS_SPC_TAIL998, 1e-9);
    }
    CHECK_NEAR(stats_qgamma_tail(r->upper95 / s, floor(e1) + 1), STATS_SPC_TAIL95, 1e-9);
    CHECK_NEAR(stats_qgamma_tail(r->upper998 / s, floor(e1) + 1), STATS_SPC_TAIL998, 1e-9);
}

static void test_spc_dsr_upstream(void)
{
    /* SpcForDsrComparerTest.TestCompare: IndicatorId 501, MRSA per 100,000
     * population, 2011, comparator 2.132708657734625, ConfidenceVariable
     * 0.025 (New95_0) and 0.001 (New99_8), RagLowIsGood. */
    static const spc_case areas[] = {
        {"5PP Cams PCT", 1.1358436559886544, 616282, STATS_BETTER, STATS_SIMILAR},
        {"5PT Suffolk PCT", 2.657913272289925, 601976, STATS_SIMILAR, STATS_SIMILAR},
        {"5PG Birmingham and East PCT", 4.1515156695295845, 409489, STATS_WORSE, STATS_SIMILAR},
    };
    check_spc_cases(1, 2.132708657734625, 100000, areas, 3);
    for (size_t i = 0; i < 3; i++) {
        stats_spc_result r;
        err e = {0};
        CHECK_INT(stats_spc_dsr(areas[i].value, areas[i].denominator, 2.132708657734625, 100000, STATS_LOW_GOOD, &r,
                                &e),
                  0);
        CHECK_STR(r.method, "SPC for DSRs");
        CHECK_NEAR(r.expected, 2.132708657734625 * (areas[i].denominator / 100000), 1e-15);
        check_dsr_limits(&r);
    }
}

static void test_spc_dsr_limits(void)
{
    stats_spc_result r;
    err e = {0};
    /* Expected counts below, at and above whole numbers, small and large. */
    static const double counts[] = {0, 0.3, 1, 2.5, 9.99, 10, 13.143, 50, 101.5, 1000, 12345.6};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        /* comparator per 1,000 over 4,000 person-years: E = comparator * 4 */
        CHECK_INT(stats_spc_dsr(1, 4000, counts[i] / 4, 1000, STATS_LOW_GOOD, &r, &e), 0);
        CHECK_NEAR(r.expected, counts[i], 1e-15);
        check_dsr_limits(&r);
    }
    /* A whole E gives stats_poisson_exact's limits: E = 5 per 1,000 x 3,000 = 15. */
    CHECK_INT(stats_spc_dsr(5, 3000, 5, 1000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_NEAR(r.expected, 15, 0);
    double lo, hi;
    CHECK_INT(stats_poisson_exact(15, 0.95, &lo, &hi, &e), 0);
    CHECK_NEAR(r.lower95, lo / 3000 * 1000, 1e-13);
    CHECK_NEAR(r.upper95, hi / 3000 * 1000, 1e-13);
    CHECK_INT(stats_poisson_exact(15, 0.998, &lo, &hi, &e), 0);
    CHECK_NEAR(r.lower998, lo / 3000 * 1000, 1e-13);
    CHECK_NEAR(r.upper998, hi / 3000 * 1000, 1e-13);
    CHECK_OUTCOME(r.outcome, STATS_SIMILAR);
    /* but not with a fraction: E = 13.5 uses 14 events for both limits */
    CHECK_INT(stats_spc_dsr(5, 3000, 4.5, 1000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_INT(stats_poisson_exact(14, 0.95, &lo, &hi, &e), 0);
    CHECK_NEAR(r.lower95, lo / 3000 * 1000, 1e-13);
    CHECK_INT(stats_poisson_exact(13, 0.95, &lo, &hi, &e), 0);
    CHECK_NEAR(r.upper95, hi / 3000 * 1000, 1e-13);

    /* Comparator 0: E = 0, lower limits 0, upper -ln(tail) events. */
    CHECK_INT(stats_spc_dsr(0, 2000, 0, 1000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_NEAR(r.lower95, 0, 0);
    CHECK_NEAR(r.upper95, -log(0.025) / 2000 * 1000, 1e-14);
    CHECK_NEAR(r.upper998, -log(0.001) / 2000 * 1000, 1e-14);
    CHECK_OUTCOME(r.outcome, STATS_SIMILAR); /* 0 is on the lower limit */
    CHECK_INT(stats_spc_dsr(2, 2000, 0, 1000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_OUTCOME(r.outcome95, STATS_WORSE);
    CHECK_OUTCOME(r.outcome998, STATS_SIMILAR); /* 2 per 1,000 is 4 events: under 6.91 */
}

static void test_spc_dsr_boundaries(void)
{
    /* Fingertips compares the DSR itself with the limits as rates, so a value
     * equal to a reported limit is on it at any multiplier. */
    stats_spc_result r, b;
    err e = {0};
    CHECK_INT(stats_spc_dsr(2.132708657734625, 409489, 2.132708657734625, 100000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_SIMILAR);
    double at[4] = {r.upper95, r.lower95, r.upper998, r.lower998};
    CHECK_INT(stats_spc_dsr(at[0], 409489, 2.132708657734625, 100000, STATS_LOW_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_SIMILAR);
    CHECK_INT(stats_spc_dsr(at[1], 409489, 2.132708657734625, 100000, STATS_LOW_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_SIMILAR);
    CHECK_INT(stats_spc_dsr(nextafter(at[0], INFINITY), 409489, 2.132708657734625, 100000, STATS_LOW_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_WORSE);
    CHECK_INT(stats_spc_dsr(nextafter(at[1], 0), 409489, 2.132708657734625, 100000, STATS_LOW_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_BETTER);
    CHECK_INT(stats_spc_dsr(at[2], 409489, 2.132708657734625, 100000, STATS_LOW_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome95, STATS_WORSE);
    CHECK_OUTCOME(b.outcome998, STATS_SIMILAR);
    CHECK_OUTCOME(b.outcome, STATS_WORSE);
    CHECK_INT(stats_spc_dsr(nextafter(at[2], INFINITY), 409489, 2.132708657734625, 100000, STATS_LOW_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_WORST);
    CHECK_INT(stats_spc_dsr(at[3], 409489, 2.132708657734625, 100000, STATS_LOW_GOOD, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_BETTER);
    CHECK_INT(stats_spc_dsr(nextafter(at[3], 0), 409489, 2.132708657734625, 100000, STATS_NO_JUDGEMENT, &b, &e), 0);
    CHECK_OUTCOME(b.outcome, STATS_LOWER);
    CHECK_STR(b.significance, "99.8%");
}

static void test_spc_dsr_errors(void)
{
    stats_spc_result r;
    err e = {0};
    /* SpcForDsrComparer: !IsDenominator2Valid (Denominator2 <= 0) is None */
    CHECK_INT(stats_spc_dsr(3, 0, 2, 100000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_INSUFFICIENT_DATA);
    CHECK_STR(r.reason, "the population is zero");
    CHECK_OUTCOME(r.outcome, STATS_OUTCOME_NOT_COMPARED);
    CHECK_INT(stats_spc_dsr(3, NAN, 2, 100000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK_STR(r.reason, "the population is missing");
    CHECK_INT(stats_spc_dsr(NAN, 1000, 2, 100000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK_INT(stats_spc_dsr(3, 1000, NAN, 100000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK(isnan(r.upper95) && isnan(r.expected));

    CHECK_INT(stats_spc_dsr(3, -1000, 2, 100000, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "the population");
    CHECK_INT(stats_spc_dsr(-3, 1000, 2, 100000, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "the area's value");
    CHECK_INT(stats_spc_dsr(3, 1000, -2, 100000, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "the comparator's value");
    CHECK_INT(stats_spc_dsr(3, 1000, INFINITY, 100000, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_INT(stats_spc_dsr(3, 1000, 2, 0, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "multiplier");
    CHECK_INT(stats_spc_dsr(3, 1e300, 1e300, 1e-300, STATS_LOW_GOOD, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "expected count");
    /* a DSR above the unit is a rate, not an error */
    CHECK_INT(stats_spc_dsr(150000, 1000, 2, 100000, STATS_LOW_GOOD, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_WORST);
}

/* ---- latest value against the previous period ---- */

static void test_previous_upstream(void)
{
    stats_previous r;
    err e = {0};
    /* TrendBetweenTwoValuesCalculatorTest.TestComparingLowerRecentWithHigherPrevious */
    CHECK_INT(stats_trend_previous(1, 0.9, 1.1, 2, 1.9, 2.1, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_OK);
    CHECK_OUTCOME(r.outcome, STATS_DECREASING);
    CHECK_NEAR(r.difference, -1, 1e-15);
    CHECK_INT(r.overlap, 0);
    CHECK_STR(r.method, "overlapping 95% confidence intervals");
    /* TestComparingOverlappingRecentAndPrevious */
    CHECK_INT(stats_trend_previous(1, 0.9, 1.6, 2, 1.5, 2.1, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    CHECK_INT(r.overlap, 1);
    /* TestNotCalculatedWithNulls: both data sets null */
    CHECK_INT(stats_trend_previous(NAN, NAN, NAN, NAN, NAN, NAN, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK_OUTCOME(r.outcome, STATS_OUTCOME_NONE);
    CHECK(isnan(r.difference));
    /* TestNotCalculatedIfMissingCI: the latest value has no interval */
    CHECK_INT(stats_trend_previous(1, NAN, NAN, 2, 1.5, 2.1, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_NOT_COMPARED);
    CHECK_STR(r.reason, "a 95% confidence interval is missing");
    CHECK_OUTCOME(r.outcome, STATS_OUTCOME_NONE);
    /* TestDataListIsSorted: years 2000, 2002, 2003, 2001 sorted into time
     * order (the engine's series are); 2003 (1, 0.9..1.1) against 2002
     * (2, 1.9..2.1) is decreasing. */
    double v[] = {2, 2, 2, 1}, lo[] = {1.9, 1.5, 1.9, 0.9}, hi[] = {2.1, 2.1, 2.1, 1.1};
    CHECK_INT(stats_trend_previous_of(v, lo, hi, 4, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_DECREASING);
    CHECK_NEAR(r.latest, 1, 0);
    CHECK_NEAR(r.previous, 2, 0);
    /* SetTrendMarkerFromDataList with fewer than two points leaves CannotBeCalculated */
    CHECK_INT(stats_trend_previous_of(v, lo, hi, 1, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_INSUFFICIENT_DATA);
    CHECK_OUTCOME(r.outcome, STATS_OUTCOME_NONE);
    CHECK_INT(stats_trend_previous_of(NULL, NULL, NULL, 0, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_INSUFFICIENT_DATA);
}

/* DoubleOverlappingCIsComparerTest, run as the marker runs that comparer
 * (latest as data, previous as comparator, default polarity 0 = low is good:
 * Same is no change, Worse a higher latest value, Better a lower one). */
static void test_previous_overlap_cases(void)
{
    stats_previous r;
    err e = {0};
    /* TestSame: d1 = 3.0 (2.7..3.6), d2 = 4.0 (3.5..4.5), both ways */
    CHECK_INT(stats_trend_previous(4.0, 3.5, 4.5, 3.0, 2.7, 3.6, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    CHECK_INT(stats_trend_previous(3.0, 2.7, 3.6, 4.0, 3.5, 4.5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    /* TestSame: d1 = 3.0 (2.7..4.1), whose interval reaches d2's value */
    CHECK_INT(stats_trend_previous(3.0, 2.7, 4.1, 4.0, 3.5, 4.5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    CHECK_INT(stats_trend_previous(4.0, 3.5, 4.5, 3.0, 2.7, 4.1, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    /* TestDifferent: d1 = 3.0 (2.7..3.1), d2 = 4.0 (3.5..4.5); Compare(d2, d1)
     * is Worse (the higher value), Compare(d1, d2) Better */
    CHECK_INT(stats_trend_previous(4.0, 3.5, 4.5, 3.0, 2.7, 3.1, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_INCREASING);
    CHECK_OUTCOME(stats_apply_polarity(r.outcome, STATS_LOW_GOOD), STATS_WORSENING);
    CHECK_OUTCOME(stats_apply_polarity(r.outcome, STATS_HIGH_GOOD), STATS_IMPROVING);
    CHECK_INT(stats_trend_previous(3.0, 2.7, 3.1, 4.0, 3.5, 4.5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_DECREASING);
    CHECK_OUTCOME(stats_apply_polarity(r.outcome, STATS_LOW_GOOD), STATS_IMPROVING);
    /* TestNoCIsReturnNoneSignificance: d1 without limits, either side */
    CHECK_INT(stats_trend_previous(4.0, 3.5, 4.5, 3.0, NAN, NAN, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_NOT_COMPARED);
    CHECK_INT(stats_trend_previous(3.0, NAN, NAN, 4.0, 3.5, 4.5, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_NOT_COMPARED);
}

static void test_previous_boundaries(void)
{
    stats_previous r;
    err e = {0};
    /* DoCIsOverlap uses <=: intervals that touch overlap */
    CHECK_INT(stats_trend_previous(2, 1.5, 2.5, 1, 0.5, 1.5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    CHECK_INT(stats_trend_previous(1, 0.5, 1.5, 2, 1.5, 2.5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    CHECK_INT(stats_trend_previous(2, nextafter(1.5, 2), 2.5, 1, 0.5, 1.5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_INCREASING);
    CHECK_INT(stats_trend_previous(1, 0.5, 1.5, 2, nextafter(1.5, 2), 2.5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_DECREASING);
    /* equal values overlap whenever each lies in its interval */
    CHECK_INT(stats_trend_previous(5, 4, 6, 5, 4.9, 5.1, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    CHECK_NEAR(r.difference, 0, 0);
    /* zero-width intervals (a value with limits equal to it) */
    CHECK_INT(stats_trend_previous(5, 5, 5, 5, 5, 5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_NO_SIGNIFICANT_CHANGE);
    CHECK_INT(stats_trend_previous(6, 6, 6, 5, 5, 5, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_INCREASING);
    /* missing: the previous value alone */
    CHECK_INT(stats_trend_previous(5, 4, 6, NAN, 4, 6, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK_STR(r.reason, "the previous value is missing");
    CHECK_INT(stats_trend_previous(NAN, 4, 6, 5, 4, 6, &r, &e), 0);
    CHECK_STR(r.reason, "the latest value is missing");
    /* the series form takes the last two points as they are */
    double v[] = {1, 2, NAN}, lo[] = {0.9, 1.9, NAN}, hi[] = {1.1, 2.1, NAN};
    CHECK_INT(stats_trend_previous_of(v, lo, hi, 3, &r, &e), 0);
    CHECK_STATUS(r.status, STATS_MISSING);
    CHECK_INT(stats_trend_previous_of(v, lo, hi, 2, &r, &e), 0);
    CHECK_OUTCOME(r.outcome, STATS_INCREASING);

    /* errors */
    CHECK_INT(stats_trend_previous(5, 6, 4, 5, 4, 6, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "latest value's lower limit 6");
    CHECK_INT(stats_trend_previous(5, 4, 6, 5, 6, 4, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "previous value's lower limit 6");
    CHECK_INT(stats_trend_previous(INFINITY, 4, 6, 5, 4, 6, &r, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "not finite");
    CHECK_INT(stats_trend_previous_of(NULL, lo, hi, 3, &r, &e), ERR_USAGE);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    test_spc_proportion_upstream();
    test_spc_proportion_limits();
    test_spc_proportion_boundaries();
    test_spc_polarity();
    test_spc_proportion_errors();
    test_spc_dsr_upstream();
    test_spc_dsr_limits();
    test_spc_dsr_boundaries();
    test_spc_dsr_errors();
    test_previous_upstream();
    test_previous_overlap_cases();
    test_previous_boundaries();
    return check_report("test_spc_compare");
}
