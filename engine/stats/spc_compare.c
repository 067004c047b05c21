/* spc_compare.c - the Fingertips SPC comparers (methods 5 and 6) and the
 * latest-against-previous marker; see spc_compare.h for the sources. */
#include "spc_compare.h"

#include <math.h>

/* ---- SPC comparers ---- */

static void spc_init(stats_spc_result *out, const char *method, double value, double d, double comparator,
                     double multiplier)
{
    out->status = STATS_OK;
    out->reason = NULL;
    out->method = method;
    out->value = value;
    out->comparator = comparator;
    out->denominator = d;
    out->multiplier = multiplier;
    out->expected = NAN;
    out->lower95 = out->upper95 = out->lower998 = out->upper998 = NAN;
    out->outcome95 = out->outcome998 = out->outcome = STATS_OUTCOME_NOT_COMPARED;
    out->significance = NULL;
}

/* Valid data without a comparison: Fingertips' Significance.None. */
static int spc_none(stats_spc_result *out, stats_status status, const char *reason)
{
    out->status = status;
    out->reason = reason;
    out->expected = NAN;
    out->lower95 = out->upper95 = out->lower998 = out->upper998 = NAN;
    out->outcome95 = out->outcome998 = out->outcome = STATS_OUTCOME_NOT_COMPARED;
    out->significance = NULL;
    return 0;
}

/* IndicatorComparer.GetSignificanceFromSDs: +1 when the value is strictly
 * above the upper limit, -1 strictly below the lower, 0 otherwise (a value on
 * a limit is Significance.Same). */
static int spc_side(double value, double lower, double upper)
{
    if (upper < value)
        return 1;
    if (lower > value)
        return -1;
    return 0;
}

static stats_outcome spc_outcome(int side, stats_polarity p)
{
    if (side == 0)
        return STATS_SIMILAR;
    return stats_apply_polarity(side > 0 ? STATS_HIGHER : STATS_LOWER, p);
}

/* Both levels from the sides found at each, on the scale Fingertips compares
 * on. The two-level combination follows stats_compare2 (method 17). */
static void spc_judge(stats_spc_result *out, int side95, int side998, stats_polarity p)
{
    out->outcome95 = spc_outcome(side95, p);
    out->outcome998 = spc_outcome(side998, p);
    out->outcome = out->outcome95;
    out->significance = NULL;
    if (side95 == 0)
        return;
    out->significance = side998 != 0 ? "99.8%" : "95%";
    if (side998 != 0 && p != STATS_NO_JUDGEMENT)
        out->outcome = out->outcome95 == STATS_BETTER ? STATS_BEST : STATS_WORST;
}

static int check_multiplier(double m, err *e)
{
    if (!isfinite(m) || m <= 0)
        return err_set(e, ERR_INVALID, "the multiplier must be a number above zero, got %g", m);
    return 0;
}

static int check_nonnegative(double v, const char *what, err *e)
{
    if (!isfinite(v) || v < 0)
        return err_set(e, ERR_INVALID, "%s must be a finite number >= 0, got %g", what, v);
    return 0;
}

static int check_in_unit(double v, double multiplier, const char *what, err *e)
{
    if (!isfinite(v) || v < 0 || v > multiplier)
        return err_set(e, ERR_INVALID, "%s %g is not a proportion from 0 to the multiplier %g", what, v,
                       multiplier);
    return 0;
}

/* SpcForProportionsComparer.Compare, term by term: with E1 = N1 P0,
 *     A = 2 E1 + z^2,  B = z sqrt(z^2 + 4 E1 (1 - E1 / N1)),  C = 2 (N1 + z^2),
 * the limits are (A - B) / C and (A + B) / C: Wilson's score interval for E1
 * events of N1 (stats_wilson's formula), at Fingertips' own z rather than
 * stats_z(level), which is why it is written out here. */
static void spc_wilson(double e1, double n1, double z, double *lower, double *upper)
{
    double z2 = z * z;
    double b = z * sqrt(z2 + 4.0 * e1 * (1.0 - e1 / n1));
    double a = 2.0 * e1 + z2;
    double c = 2.0 * (n1 + z2);
    *lower = (a - b) / c;
    *upper = (a + b) / c;
}

int stats_spc_proportion(double value, double n, double comparator, double multiplier, stats_polarity p,
                         stats_spc_result *out, err *e)
{
    int rc = check_multiplier(multiplier, e);
    if (rc)
        return rc;
    spc_init(out, "SPC for proportions", value, n, comparator, multiplier);
    /* CanComparisonGoAhead: both values valid; then IsDenominatorValid. */
    if (isnan(value))
        return spc_none(out, STATS_MISSING, "the area's value is missing");
    if (isnan(comparator))
        return spc_none(out, STATS_MISSING, "the comparator's value is missing");
    if (isnan(n))
        return spc_none(out, STATS_MISSING, "the denominator is missing");
    if ((rc = check_in_unit(value, multiplier, "the area's value", e)) ||
        (rc = check_in_unit(comparator, multiplier, "the comparator's value", e)) ||
        (rc = check_nonnegative(n, "the denominator", e)))
        return rc;
    if (n == 0)
        return spc_none(out, STATS_INSUFFICIENT_DATA, "the denominator is zero");

    double p1 = value / multiplier, p0 = comparator / multiplier;
    double e1 = n * p0;
    double l95, u95, l998, u998;
    spc_wilson(e1, n, STATS_SPC_Z95, &l95, &u95);
    spc_wilson(e1, n, STATS_SPC_Z998, &l998, &u998);
    out->expected = e1;
    out->lower95 = l95 * multiplier;
    out->upper95 = u95 * multiplier;
    out->lower998 = l998 * multiplier;
    out->upper998 = u998 * multiplier;
    /* Fingertips compares on the scale of proportions (numerator = P1). */
    spc_judge(out, spc_side(p1, l95, u95), spc_side(p1, l998, u998), p);
    return 0;
}

/* StatisticalMethods.PoisLow(E, p) bisects for the mean m with P(X >= E) = p,
 * X ~ Poisson(m); its sum runs over whole k >= E, so for E that is not whole
 * the count is ceil(E): m = qgamma(p, ceil(E)). PoisHigh(E, p) finds the m with
 * P(X <= E) = p, k <= E meaning k <= floor(E): m = qgamma(1 - p, floor(E) + 1).
 * The closed forms give the value the bisection approaches: it works on
 * v = m / (1 + E + m) and stops when its step falls to 1e-7, so its limits
 * are within 6e-8 (1 + E + m)^2 / (1 + E) of these. */
static double spc_pois_low(double e1, double tail)
{
    return stats_qgamma(tail, ceil(e1), 0);
}

static double spc_pois_high(double e1, double tail)
{
    return stats_qgamma(tail, floor(e1) + 1.0, 1);
}

int stats_spc_dsr(double value, double population, double comparator, double multiplier, stats_polarity p,
                  stats_spc_result *out, err *e)
{
    int rc = check_multiplier(multiplier, e);
    if (rc)
        return rc;
    spc_init(out, "SPC for DSRs", value, population, comparator, multiplier);
    if (isnan(value))
        return spc_none(out, STATS_MISSING, "the area's value is missing");
    if (isnan(comparator))
        return spc_none(out, STATS_MISSING, "the comparator's value is missing");
    if (isnan(population))
        return spc_none(out, STATS_MISSING, "the population is missing");
    if ((rc = check_nonnegative(value, "the area's value", e)) ||
        (rc = check_nonnegative(comparator, "the comparator's value", e)) ||
        (rc = check_nonnegative(population, "the population", e)))
        return rc;
    /* IsDenominator2Valid */
    if (population == 0)
        return spc_none(out, STATS_INSUFFICIENT_DATA, "the population is zero");

    /* SpcForDsrComparer.Compare: E1 = comparator * (denominator / unit), and
     * each limit PoisLow or PoisHigh of E1, divided by the denominator and
     * times the unit, compared with the DSR itself. */
    double e1 = comparator * (population / multiplier);
    if (!isfinite(e1))
        return err_set(e, ERR_INVALID, "the expected count %g (comparator %g, population %g) is not finite", e1,
                       comparator, population);
    out->expected = e1;
    out->lower95 = spc_pois_low(e1, STATS_SPC_TAIL95) / population * multiplier;
    out->upper95 = spc_pois_high(e1, STATS_SPC_TAIL95) / population * multiplier;
    out->lower998 = spc_pois_low(e1, STATS_SPC_TAIL998) / population * multiplier;
    out->upper998 = spc_pois_high(e1, STATS_SPC_TAIL998) / population * multiplier;
    spc_judge(out, spc_side(value, out->lower95, out->upper95), spc_side(value, out->lower998, out->upper998), p);
    return 0;
}

/* ---- latest value against the previous period ---- */

static void previous_init(stats_previous *out, double latest, double previous)
{
    out->status = STATS_OK;
    out->reason = NULL;
    out->method = "overlapping 95% confidence intervals";
    out->outcome = STATS_OUTCOME_NONE;
    out->latest = latest;
    out->previous = previous;
    out->difference = NAN;
    out->overlap = 0;
}

/* TrendMarker.CannotBeCalculated */
static int previous_none(stats_previous *out, stats_status status, const char *reason)
{
    out->status = status;
    out->reason = reason;
    out->outcome = STATS_OUTCOME_NONE;
    out->difference = NAN;
    out->overlap = 0;
    return 0;
}

static int check_interval(double v, double lower, double upper, const char *what, err *e)
{
    if (!isfinite(v) || !isfinite(lower) || !isfinite(upper))
        return err_set(e, ERR_INVALID, "the %s value %g or its interval %g to %g is not finite", what, v, lower,
                       upper);
    if (lower > upper)
        return err_set(e, ERR_INVALID, "the %s value's lower limit %g is above its upper limit %g", what, lower,
                       upper);
    return 0;
}

int stats_trend_previous(double latest, double latest_lower95, double latest_upper95, double previous,
                         double previous_lower95, double previous_upper95, stats_previous *out, err *e)
{
    previous_init(out, latest, previous);
    /* TrendBetweenTwoValuesCalculator.IsDataValid: a value and both 95% limits. */
    if (isnan(latest) || isnan(previous))
        return previous_none(out, STATS_MISSING, isnan(latest) ? "the latest value is missing"
                                                               : "the previous value is missing");
    if (isnan(latest_lower95) || isnan(latest_upper95) || isnan(previous_lower95) || isnan(previous_upper95))
        return previous_none(out, STATS_NOT_COMPARED, "a 95% confidence interval is missing");
    int rc = check_interval(latest, latest_lower95, latest_upper95, "latest", e);
    if (!rc)
        rc = check_interval(previous, previous_lower95, previous_upper95, "previous", e);
    if (rc)
        return rc;
    out->difference = latest - previous;
    /* DoubleOverlappingCIsComparer.DoCIsOverlap(comparator = previous, data =
     * latest): the lower limit of the higher value at or below the upper limit
     * of the lower one; with equal values, the previous lower limit against the
     * latest upper. */
    out->overlap = previous < latest ? latest_lower95 <= previous_upper95 : previous_lower95 <= latest_upper95;
    if (out->overlap)
        out->outcome = STATS_NO_SIGNIFICANT_CHANGE; /* Significance.Same: TrendMarker.NoChange */
    else
        /* The comparer runs at its default polarity (low is good), so its
         * Better is a lower latest value and SetTrendMarker reads it as
         * Decreasing; any other separated pair is Increasing. */
        out->outcome = latest < previous ? STATS_DECREASING : STATS_INCREASING;
    return 0;
}

int stats_trend_previous_of(const double *value, const double *lower95, const double *upper95, size_t points,
                            stats_previous *out, err *e)
{
    if (points < 2) {
        previous_init(out, points && value ? value[0] : NAN, NAN);
        return previous_none(out, STATS_INSUFFICIENT_DATA, "a change from the previous period needs two points");
    }
    if (!value || !lower95 || !upper95)
        return err_set(e, ERR_USAGE, "stats_trend_previous_of needs the values and both 95%% limits");
    size_t a = points - 1, b = points - 2;
    return stats_trend_previous(value[a], lower95[a], upper95[a], value[b], lower95[b], upper95[b], out, e);
}
