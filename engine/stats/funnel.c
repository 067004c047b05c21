/* funnel.c - funnel plot limits and significance; see funnel.h. Each function
 * names the PHEindicatormethods v2.1.0 function it reproduces (R/Funnels.R,
 * R/utils.R), and the arithmetic keeps R's order of operations, since the
 * reference values come from R's own iterations. */
#include "funnel.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- names ---- */

const char *stats_funnel_kind_name(stats_funnel_kind k)
{
    switch (k) {
    case STATS_FUNNEL_PROPORTION: return "proportion";
    case STATS_FUNNEL_RATIO_COUNT: return "ratio_count";
    case STATS_FUNNEL_RATIO_ISR: return "ratio_isr";
    case STATS_FUNNEL_RATE_DSR: return "rate_dsr";
    case STATS_FUNNEL_RATE_CRUDE: return "rate_crude";
    }
    return "?";
}

const char *stats_funnel_position_name(stats_funnel_position p)
{
    switch (p) {
    case STATS_FUNNEL_NO_VALUE: return "no_value";
    case STATS_FUNNEL_HIGH_998: return "high_998";
    case STATS_FUNNEL_HIGH_95: return "high_95";
    case STATS_FUNNEL_LOW_998: return "low_998";
    case STATS_FUNNEL_LOW_95: return "low_95";
    case STATS_FUNNEL_NOT_SIGNIFICANT: return "not_significant";
    case STATS_FUNNEL_NOT_APPLICABLE: return "not_applicable";
    }
    return "?";
}

const char *stats_funnel_position_label(stats_funnel_position p)
{
    switch (p) {
    case STATS_FUNNEL_HIGH_998: return "High (0.001)";
    case STATS_FUNNEL_HIGH_95: return "High (0.025)";
    case STATS_FUNNEL_LOW_998: return "Low (0.001)";
    case STATS_FUNNEL_LOW_95: return "Low (0.025)";
    /* A missing limit fails every comparison of upstream's case_when, which
     * then falls through to its last branch. */
    case STATS_FUNNEL_NO_VALUE:
    case STATS_FUNNEL_NOT_SIGNIFICANT: return "Not significant";
    case STATS_FUNNEL_NOT_APPLICABLE: return "Not applicable for events less than 10 for dsrs";
    }
    return "?";
}

static int is_rate(stats_funnel_kind k)
{
    return k == STATS_FUNNEL_RATE_DSR || k == STATS_FUNNEL_RATE_CRUDE;
}

static int is_ratio(stats_funnel_kind k)
{
    return k == STATS_FUNNEL_RATIO_COUNT || k == STATS_FUNNEL_RATIO_ISR;
}

/* ---- R's arithmetic where C's differs ---- */

/* R's max(a, b) and min(a, b) return NaN when either is NaN; fmax and fmin
 * would return the other argument. */
static double r_max(double a, double b)
{
    return isnan(a) || isnan(b) ? NAN : (a > b ? a : b);
}

static double r_min(double a, double b)
{
    return isnan(a) || isnan(b) ? NAN : (a < b ? a : b);
}

/* nchar(x) for a whole number x >= 0, which R counts on as.character(x): 15
 * significant digits, written in fixed notation unless scientific is
 * narrower, so nchar(100000) is 5 ("1e+05") while nchar(120000) is 6. */
static int r_nchar_whole(double x)
{
    char buf[40];
    if (x == 0)
        return 1;
    snprintf(buf, sizeof buf, "%.14e", x); /* d.dddddddddddddde+XX */
    int sig = 15;
    while (sig > 1 && buf[sig] == '0') /* digit i (i >= 2) is buf[i] after "d." */
        sig--;
    int ex = 0;
    const char *p = strchr(buf, 'e');
    if (p)
        sscanf(p + 1, "%d", &ex);
    int fixed = ex + 1;
    int sci = (sig > 1 ? sig + 1 : 1) + (ex >= 100 ? 5 : 4);
    return fixed <= sci ? fixed : sci;
}

/* Funnels.R signif.floor(x, 0.95): x cut by 5% and rounded down to its
 * leading digit ("neat" axis minimum). */
static double signif_floor(double x)
{
    if (x == 0)
        return 0;
    int n = r_nchar_whole(floor(x * 0.95)) - 1;
    return floor(x * 0.95 / pow(10, n)) * pow(10, n);
}

/* Funnels.R signif.ceiling(x, 1.05): x raised by 5% and rounded up to its
 * second digit. */
static double signif_ceiling(double x)
{
    if (x == 0)
        return 0;
    int n = r_nchar_whole(ceil(x * 1.05)) - 2;
    return ceil(x * 1.05 / pow(10, n)) * pow(10, n);
}

/* sum(x, na.rm) as R's rsum computes it: in long double, rounded once. */
static double r_sum(const double *x, size_t n, int na_rm)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]) && na_rm)
            continue;
        s += x[i];
    }
    return (double)s;
}

/* format(m, big.mark = ",", scientific = FALSE): seven significant digits,
 * the integer part in groups of three. */
static void format_multiplier(double m, char *buf, size_t size)
{
    char digits[64], out[96];
    int dec = 0;
    if (m != floor(m)) {
        dec = 6 - (int)floor(log10(fabs(m)));
        if (dec < 0)
            dec = 0;
        if (dec > 15)
            dec = 15;
    }
    snprintf(digits, sizeof digits, "%.*f", dec, m);
    char *point = strchr(digits, '.');
    if (point) {
        size_t len = strlen(digits);
        while (len > 0 && digits[len - 1] == '0')
            digits[--len] = '\0';
        if (digits[len - 1] == '.')
            digits[--len] = '\0';
        point = strchr(digits, '.');
    }
    size_t int_len = point ? (size_t)(point - digits) : strlen(digits);
    size_t o = 0, start = digits[0] == '-' ? 1 : 0;
    for (size_t i = 0; i < int_len && o + 2 < sizeof out; i++) {
        if (i > start && (int_len - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    snprintf(buf, size, "%s%s", out, point ? point : "");
}

/* ---- the building blocks (R/utils.R) ---- */

double stats_funnel_sigma(double p, double population, double average, stats_funnel_side side,
                          double multiplier)
{
    if (!(p > 0 && p < 1) || !(population > 0) || isnan(average) || isnan(multiplier))
        return NAN;
    /* sigma_adjustment, term for term: R evaluates qnorm(p)^2 as a square. */
    double z = stats_qnorm(p), z2 = z * z;
    double a = average, n = population;
    double first_part = a * (n / z2 + 1);
    double b = -8 * a * (n / z2 + 1);
    double adj = sqrt(b * b - 64 * (1 / z2 + 1 / n) * a * (n * (a * (n / z2 + 2) - 1) + z2 * (a - 1)));
    double last_part = 1 / z2 + 1 / n;
    double r = side == STATS_FUNNEL_LOW ? (first_part - adj / 8) / last_part : (first_part + adj / 8) / last_part;
    return r / n * multiplier;
}

/* poisson_cis(z, x_a, x_b): P(x_a <= X <= x_b) for X ~ Poisson(z), summing
 * z^k / k! until past the mean and the terms are below 1e-10 of the total,
 * rescaled by 1e30 to stay finite: the Excel macro's series, kept as is
 * because the funnel limits come from bisecting on it. */
static double poisson_cis(double z, double x_a, double x_b)
{
    double q = 1, tot = 0, s = 0, k = 0;
    while (k <= z || q > tot * 1e-10) {
        tot = tot + q;
        if (k >= x_a && k <= x_b)
            s = s + q;
        if (tot > 1e30) {
            s = s / 1e30;
            tot = tot / 1e30;
            q = q / 1e30;
        }
        k = k + 1;
        q = q * z / k;
    }
    return s / tot;
}

double stats_funnel_poisson(double obs, double p, stats_funnel_side side)
{
    if (!isfinite(obs) || obs < 0 || !(p > 0 && p < 1))
        return NAN;
    /* The series costs about obs steps and the bisection 23 of them, so a
     * national count would take minutes for one chart. Past every count the
     * reference tests use, the bisection's target itself is taken: the z with
     * P(X >= obs; z) = p is the gamma(obs) quantile at p, the z with
     * P(X <= obs; z) = p the gamma(obs + 1) quantile with upper tail p. They
     * differ from the bisection by under its own step (1e-7 relative). */
    if (obs > STATS_FUNNEL_SERIES_MAX)
        return side == STATS_FUNNEL_LOW ? stats_qgamma(p, obs, 0) : stats_qgamma(p, obs + 1, 1);
    /* poisson_funnel: bisection on v in (0, 1), the expected count being
     * (1 + obs) v / (1 - v), halving the step until it is at most 1e-7. */
    double v = 0.5, dv = 0.5;
    if (side == STATS_FUNNEL_LOW) {
        while (dv > 1e-7) {
            dv = dv / 2;
            if (poisson_cis((1 + obs) * v / (1 - v), obs, 10000000000.0) > p)
                v = v - dv;
            else
                v = v + dv;
        }
    } else {
        while (dv > 1e-7) {
            dv = dv / 2;
            if (poisson_cis((1 + obs) * v / (1 - v), 0, obs) < p)
                v = v - dv;
            else
                v = v + dv;
        }
    }
    return (1 + obs) * v / (1 - v);
}

double stats_funnel_ratio_limit(double obs, double expected, double p, stats_funnel_side side)
{
    if (!isfinite(obs) || obs < 0 || !(p > 0 && p < 1) || isnan(expected))
        return NAN;
    /* funnel_ratio_significance: qchisq(q, 2 O, lower.tail = FALSE) / 2 is
     * the gamma(O) quantile with upper tail q, qchisq(q, 2 O + 2) / 2 the
     * gamma(O + 1) quantile with lower tail q. */
    double t;
    double q = 0.5 + p / 2;
    if (obs == 0 && side == STATS_FUNNEL_LOW) {
        t = 0;
    } else if (obs < 10) {
        t = side == STATS_FUNNEL_LOW ? stats_qgamma(q, obs, 1) : stats_qgamma(q, obs + 1, 0);
    } else if (side == STATS_FUNNEL_LOW) {
        double o = obs;
        t = o * pow(1 - 1 / (9 * o) - stats_qnorm(q) / 3 / sqrt(o), 3);
    } else {
        double o = obs + 1;
        t = o * pow(1 - 1 / (9 * o) + stats_qnorm(q) / 3 / sqrt(o), 3);
    }
    return t / expected;
}

/* ---- input checks ---- */

enum {
    CHECK_LIMITS,       /* calculate_funnel_limits */
    CHECK_SIGNIFICANCE, /* assign_funnel_significance */
    CHECK_POINTS,       /* calculate_funnel_points */
};

static int check_args(const stats_funnel_input *in, stats_funnel_kind kind, double multiplier, double years,
                      int which, err *e)
{
    if (!in || (in->n > 0 && !in->numerator))
        return err_set(e, ERR_USAGE, "a funnel needs the numerators of its records");
    if (kind < STATS_FUNNEL_PROPORTION || kind > STATS_FUNNEL_RATE_CRUDE)
        return err_set(e, ERR_USAGE, "funnel statistic %d is not proportion, ratio or rate", (int)kind);
    if (is_rate(kind)) {
        if (in->n > 0 && !in->rate)
            return err_set(e, ERR_USAGE, "a rate funnel needs the rate of each record");
        if (!isfinite(multiplier) || multiplier <= 0)
            return err_set(e, ERR_INVALID, "a rate funnel needs a multiplier above zero, got %g", multiplier);
        if (which != CHECK_SIGNIFICANCE && (!isfinite(years) || years <= 0))
            return err_set(e, ERR_INVALID, "a rate funnel needs the years of data, above zero, got %g", years);
        return 0;
    }
    if (in->n > 0 && !in->denominator)
        return err_set(e, ERR_USAGE, "a %s funnel needs the denominator of each record",
                       kind == STATS_FUNNEL_PROPORTION ? "proportion" : "ratio");
    /* Upstream requires a multiplier for the limits of proportions and ratios
     * (it scales proportions; ratios never use it). */
    if (which == CHECK_LIMITS && (!isfinite(multiplier) || multiplier <= 0))
        return err_set(e, ERR_INVALID, "a funnel needs a multiplier above zero, got %g", multiplier);
    return 0;
}

/* The checks of Funnels.R, in its order, each naming the first record that
 * fails it. assign_funnel_significance alone refuses negative numerators,
 * denominators of zero or less and proportions above 1; here the limits and
 * points refuse them too, since upstream would turn them into meaningless
 * limits (a negative count in poisson_funnel, an axis scaled from a
 * denominator of zero). A rate of zero or less beside events is refused
 * everywhere: upstream would divide by it into an infinite population. */
static int check_records(const stats_funnel_input *in, stats_funnel_kind kind, int which, err *e)
{
    const double *x = in->numerator, *d = in->denominator, *r = in->rate;
    size_t n = in->n;
    if (is_rate(kind)) {
        for (size_t i = 0; i < n; i++) {
            if (isnan(x[i]))
                return err_set(e, ERR_INVALID,
                               "record %zu: for rates, numerators must be provided for all records, even when "
                               "their values are zero",
                               i + 1);
        }
        /* calculate_funnel_points charts a missing rate as missing. */
        for (size_t i = 0; which != CHECK_POINTS && i < n; i++) {
            if (isnan(r[i]) && (!d || isnan(d[i])))
                return err_set(e, ERR_INVALID,
                               "record %zu: for rates, rates must be provided for all records, or a denominator "
                               "must be provided if the rate is zero",
                               i + 1);
        }
        for (size_t i = 0; i < n; i++) {
            if (x[i] != 0)
                continue;
            if (!d)
                return err_set(e, ERR_INVALID,
                               "record %zu: for rates, where there are 0 events for a record, the denominator "
                               "field needs to be provided using the denominator argument",
                               i + 1);
            if (isnan(d[i]) || d[i] <= 0)
                return err_set(e, ERR_INVALID,
                               "record %zu: for rates, where there are 0 events for a record, the denominator "
                               "must be provided",
                               i + 1);
        }
    } else if (kind == STATS_FUNNEL_PROPORTION) {
        for (size_t i = 0; i < n; i++) {
            if (isnan(x[i]) || isnan(d[i]))
                return err_set(e, ERR_INVALID,
                               "record %zu: for proportions, numerators and denominators must be provided for "
                               "all records, even when their values are zero",
                               i + 1);
        }
    } else if (which == CHECK_SIGNIFICANCE) {
        /* funnel_ratio_significance stops on a missing count (R's `if` on NA). */
        for (size_t i = 0; i < n; i++) {
            if (isnan(x[i]))
                return err_set(e, ERR_INVALID, "record %zu: the observed count is missing", i + 1);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (x[i] < 0 || isinf(x[i]))
            return err_set(e, ERR_INVALID, "record %zu: numerators must be greater than or equal to zero, got %g",
                           i + 1, x[i]);
    }
    for (size_t i = 0; d && i < n; i++) {
        if (d[i] <= 0 || isinf(d[i]))
            return err_set(e, ERR_INVALID, "record %zu: denominators must be greater than zero, got %g", i + 1,
                           d[i]);
    }
    if (kind == STATS_FUNNEL_PROPORTION) {
        for (size_t i = 0; i < n; i++) {
            if (x[i] > d[i])
                return err_set(e, ERR_INVALID,
                               "record %zu: numerators must be less than or equal to denominator for a proportion "
                               "statistic, got %g of %g",
                               i + 1, x[i], d[i]);
        }
    }
    for (size_t i = 0; is_rate(kind) && i < n; i++) {
        if (x[i] > 0 && (r[i] <= 0 || isinf(r[i])))
            return err_set(e, ERR_INVALID, "record %zu: a rate must be above zero where there are events, got %g",
                           i + 1, r[i]);
    }
    return 0;
}

/* The denominator each record stands for: n or E, or for rates the
 * population multiplier * events / rate, or the supplied population where
 * there are no events; a DSR with no events has none (NAN). Funnels.R
 * "derive denominators to use". */
static double derived_denominator(const stats_funnel_input *in, stats_funnel_kind kind, double multiplier,
                                  size_t i)
{
    double x = in->numerator[i];
    if (!is_rate(kind))
        return in->denominator[i];
    if (kind == STATS_FUNNEL_RATE_DSR)
        return x == 0 ? NAN : multiplier * x / in->rate[i];
    if (in->denominator && x == 0)
        return in->denominator[i];
    return multiplier * x / in->rate[i];
}

/* ---- calculate_funnel_limits ---- */

static void chart_init(stats_funnel_chart *out, stats_funnel_kind kind, double multiplier)
{
    memset(out, 0, sizeof *out);
    out->status = STATS_OK;
    out->reason = NULL;
    out->kind = kind;
    out->average = out->baseline = NAN;
    out->min_denominator = out->max_denominator = NAN;
    out->axis_min = out->axis_max = NAN;
    for (size_t j = 0; j < STATS_FUNNEL_ROWS; j++) {
        stats_funnel_row *w = &out->row[j];
        w->x = w->lower95 = w->upper95 = w->lower998 = w->upper998 = NAN;
        w->lower95_at = w->upper95_at = w->lower998_at = w->upper998_at = NAN;
    }
    /* type = "full" metadata */
    switch (kind) {
    case STATS_FUNNEL_PROPORTION: snprintf(out->statistic, sizeof out->statistic, "proportion"); break;
    case STATS_FUNNEL_RATIO_COUNT: snprintf(out->statistic, sizeof out->statistic, "ratio (count)"); break;
    case STATS_FUNNEL_RATIO_ISR: snprintf(out->statistic, sizeof out->statistic, "ratio (isr)"); break;
    case STATS_FUNNEL_RATE_DSR:
    case STATS_FUNNEL_RATE_CRUDE: {
        char m[48];
        format_multiplier(multiplier, m, sizeof m);
        snprintf(out->statistic, sizeof out->statistic, "rate (%s per %s)",
                 kind == STATS_FUNNEL_RATE_DSR ? "dsr" : "crude", m);
        break;
    }
    }
    out->method = kind == STATS_FUNNEL_PROPORTION ? "Wilson" : "Poisson";
}

static int chart_fail(stats_funnel_chart *out, stats_status status, const char *reason)
{
    out->status = status;
    out->reason = reason;
    return 0;
}

int stats_funnel_limits(const stats_funnel_input *in, stats_funnel_kind kind, double multiplier,
                        double years_of_data, stats_funnel_chart *out, err *e)
{
    int rc = check_args(in, kind, multiplier, years_of_data, CHECK_LIMITS, e);
    if (!rc)
        rc = check_records(in, kind, CHECK_LIMITS, e);
    if (rc)
        return rc;
    chart_init(out, kind, multiplier);
    if (in->n == 0)
        return chart_fail(out, STATS_INSUFFICIENT_DATA, "a funnel needs at least one record");

    /* summaries: av = sum(numerator) / sum(denominator_derived, na.rm = TRUE)
     * and the least and greatest derived denominators. */
    long double sx = 0, sd = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < in->n; i++) {
        double d = derived_denominator(in, kind, multiplier, i);
        sx += in->numerator[i];
        if (isnan(d))
            continue;
        sd += d;
        if (d < lo)
            lo = d;
        if (d > hi)
            hi = d;
    }
    if (!(hi >= lo))
        return chart_fail(out, STATS_INSUFFICIENT_DATA, "no record has a denominator");
    double av = (double)sx / (double)sd;
    out->average = av;
    out->min_denominator = lo;
    out->max_denominator = hi;
    if (is_rate(kind) && !(av > 0))
        return chart_fail(out, STATS_INSUFFICIENT_DATA, "a rate funnel needs events");

    /* The x axis: from 0 when the denominators differ by more than a factor
     * of two; rates round the population of one year, then turn both ends
     * into events at the average rate. */
    double amin, amax;
    if (hi > 2 * lo)
        amin = 0;
    else if (is_rate(kind))
        amin = signif_floor(lo / years_of_data) * years_of_data;
    else
        amin = signif_floor(lo);
    if (is_rate(kind))
        amax = signif_ceiling(hi / years_of_data) * years_of_data;
    else
        amax = signif_ceiling(hi);
    if (is_rate(kind)) {
        amin = floor(amin * av);
        amax = ceil(amax * av);
    }
    out->axis_min = amin;
    out->axis_max = amax;

    /* 100 x values, spaced geometrically towards axis_max and at least 1
     * apart; the ratio's exponent runs one step behind the others' (offset
     * j - 1 rather than j). R's round() is half to even, as nearbyint. */
    double *x = &out->row[0].x;
    *x = r_max(1, amin);
    for (int j = 2; j <= STATS_FUNNEL_ROWS; j++) {
        double prev = out->row[j - 2].x;
        int offset = is_ratio(kind) ? j - 1 : j;
        double next = nearbyint(pow(amax / prev, 1.0 / (101 - offset)) * prev);
        out->row[j - 1].x = r_max(next, prev + 1);
    }

    for (size_t j = 0; j < STATS_FUNNEL_ROWS; j++) {
        stats_funnel_row *w = &out->row[j];
        double v = w->x;
        if (kind == STATS_FUNNEL_PROPORTION) {
            /* Clamped to 0..100 whatever the multiplier, as upstream does:
             * the clamp is only right for percentages. */
            w->lower95 = r_max(0, stats_funnel_sigma(0.975, v, av, STATS_FUNNEL_LOW, multiplier));
            w->upper95 = r_min(100, stats_funnel_sigma(0.975, v, av, STATS_FUNNEL_HIGH, multiplier));
            w->lower998 = r_max(0, stats_funnel_sigma(0.999, v, av, STATS_FUNNEL_LOW, multiplier));
            w->upper998 = r_min(100, stats_funnel_sigma(0.999, v, av, STATS_FUNNEL_HIGH, multiplier));
            continue;
        }
        /* The expected count at which v events lie on each limit: "high"
         * gives the lower limit's, as significantly high lies above it. */
        double at[4] = {
            stats_funnel_poisson(v, 0.025, STATS_FUNNEL_HIGH),
            stats_funnel_poisson(v, 0.025, STATS_FUNNEL_LOW),
            stats_funnel_poisson(v, 0.001, STATS_FUNNEL_HIGH),
            stats_funnel_poisson(v, 0.001, STATS_FUNNEL_LOW),
        };
        double *lim[4] = {&w->lower95, &w->upper95, &w->lower998, &w->upper998};
        double *pos[4] = {&w->lower95_at, &w->upper95_at, &w->lower998_at, &w->upper998_at};
        for (int k = 0; k < 4; k++) {
            if (is_ratio(kind)) {
                /* The limits are O / E minus 1 for counts, or times 100 for
                 * ISRs (a fixed 100, not the multiplier). */
                *pos[k] = at[k];
                *lim[k] = v / at[k];
                *lim[k] = kind == STATS_FUNNEL_RATIO_COUNT ? *lim[k] - 1 : *lim[k] * 100;
            } else {
                /* Populations at the average rate: the limit is taken before
                 * the population is made one year's. */
                double pop = at[k] / av;
                *lim[k] = v / pop * multiplier;
                *pos[k] = pop / years_of_data;
            }
        }
    }
    if (!is_ratio(kind))
        out->baseline = av * multiplier;
    return 0;
}

/* ---- assign_funnel_significance ---- */

/* The case_when of assign_funnel_significance: the first comparison that
 * holds, in upstream's order; a missing limit fails every comparison. */
static stats_funnel_position classify(int high998, int high95, int low998, int low95)
{
    if (high998)
        return STATS_FUNNEL_HIGH_998;
    if (high95)
        return STATS_FUNNEL_HIGH_95;
    if (low998)
        return STATS_FUNNEL_LOW_998;
    if (low95)
        return STATS_FUNNEL_LOW_95;
    return STATS_FUNNEL_NOT_SIGNIFICANT;
}

int stats_funnel_significance(const stats_funnel_input *in, stats_funnel_kind kind, double multiplier,
                              stats_funnel_position *out, double *average, err *e)
{
    int rc = check_args(in, kind, multiplier, 1, CHECK_SIGNIFICANCE, e);
    if (!rc)
        rc = check_records(in, kind, CHECK_SIGNIFICANCE, e);
    if (rc)
        return rc;
    if (average)
        *average = NAN;
    const double *x = in->numerator;
    if (kind == STATS_FUNNEL_PROPORTION) {
        const double *d = in->denominator;
        double av = r_sum(x, in->n, 0) / r_sum(d, in->n, 0);
        if (average)
            *average = av;
        /* The proportion against the average's Wilson funnel at the area's
         * own denominator (the "dummy" multiplier of 1); the lower limits are
         * tested first. */
        for (size_t i = 0; i < in->n; i++) {
            double p = x[i] / d[i];
            if (p < stats_funnel_sigma(0.999, d[i], av, STATS_FUNNEL_LOW, 1))
                out[i] = STATS_FUNNEL_LOW_998;
            else if (p < stats_funnel_sigma(0.975, d[i], av, STATS_FUNNEL_LOW, 1))
                out[i] = STATS_FUNNEL_LOW_95;
            else if (p > stats_funnel_sigma(0.999, d[i], av, STATS_FUNNEL_HIGH, 1))
                out[i] = STATS_FUNNEL_HIGH_998;
            else if (p > stats_funnel_sigma(0.975, d[i], av, STATS_FUNNEL_HIGH, 1))
                out[i] = STATS_FUNNEL_HIGH_95;
            else
                out[i] = STATS_FUNNEL_NOT_SIGNIFICANT;
        }
        return 0;
    }

    /* Ratios are held against 1, rates against their weighted average
     * sum(events) / sum(denominator_derived, na.rm = TRUE). */
    double target = 1;
    if (is_rate(kind)) {
        long double sx = 0, sd = 0;
        for (size_t i = 0; i < in->n; i++) {
            double d = derived_denominator(in, kind, multiplier, i);
            sx += x[i];
            if (!isnan(d))
                sd += d;
        }
        target = (double)sx / (double)sd;
    }
    if (average)
        *average = target;
    for (size_t i = 0; i < in->n; i++) {
        double d = derived_denominator(in, kind, multiplier, i);
        double l998 = stats_funnel_ratio_limit(x[i], d, 0.998, STATS_FUNNEL_LOW);
        double l95 = stats_funnel_ratio_limit(x[i], d, 0.95, STATS_FUNNEL_LOW);
        double u998 = stats_funnel_ratio_limit(x[i], d, 0.998, STATS_FUNNEL_HIGH);
        double u95 = stats_funnel_ratio_limit(x[i], d, 0.95, STATS_FUNNEL_HIGH);
        out[i] = classify(target < l998, target < l95, target > u998, target > u95);
        if (out[i] == STATS_FUNNEL_NOT_SIGNIFICANT && (isnan(l95) || isnan(u95)))
            out[i] = STATS_FUNNEL_NO_VALUE;
        /* The DSR rule is applied last, over every other result. */
        if (kind == STATS_FUNNEL_RATE_DSR && x[i] < 10)
            out[i] = STATS_FUNNEL_NOT_APPLICABLE;
    }
    return 0;
}

/* ---- calculate_funnel_points ---- */

int stats_funnel_points(const stats_funnel_input *in, stats_funnel_kind kind, double multiplier,
                        double years_of_data, double *rate_chart, double *denominator_derived, err *e)
{
    if (!is_rate(kind))
        return err_set(e, ERR_USAGE, "funnel points are for rates only, not %s", stats_funnel_kind_name(kind));
    int rc = check_args(in, kind, multiplier, years_of_data, CHECK_POINTS, e);
    if (!rc)
        rc = check_records(in, kind, CHECK_POINTS, e);
    if (rc)
        return rc;
    for (size_t i = 0; i < in->n; i++) {
        double x = in->numerator[i], r = in->rate[i];
        if (kind == STATS_FUNNEL_RATE_DSR && x < 10) {
            /* DSRs are not charted below 10 events. */
            rate_chart[i] = denominator_derived[i] = NAN;
        } else if (kind == STATS_FUNNEL_RATE_CRUDE && x == 0 && in->denominator) {
            rate_chart[i] = r;
            denominator_derived[i] = in->denominator[i] / years_of_data;
        } else {
            rate_chart[i] = r;
            denominator_derived[i] = multiplier * x / r / years_of_data;
        }
    }
    return 0;
}
