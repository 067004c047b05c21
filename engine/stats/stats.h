/*
 * stats.h - the statistics core: confidence intervals, standardised rates,
 * benchmarking, quantiles, recent trends and change against a baseline.
 *
 * Every method reproduces a published implementation, named at its function:
 * PHEindicatormethods v2.1.0 (the Fingertips statistics), the Fingertips
 * comparers and trend marker, and the Northern Ireland PfG dashboard rule. The
 * formulas and defaults are those of docs/stats.md and the domain notes
 * (methods.md sections 3.1, 4, 5 and 6).
 *
 * Conventions. Functions are pure: no I/O, no allocation (callers pass work
 * buffers where one is needed). A function returns 0 or a negative ERR_* code
 * with a message in `e` for input that is meaningless (negative counts, x > n
 * for a proportion, a confidence level outside 0.9..1). Data that are valid
 * but cannot give a result (no events, a zero denominator, fewer than ten
 * events for a DSR, too few points) are not errors: the function returns 0 and
 * sets a status other than STATS_OK with a reason. A value that does not exist
 * is NAN in these structures and never reaches a caller that cannot hold it.
 *
 * Confidence levels are fractions in [0.9, 1) (1 only for proportions, where
 * Wilson's interval is [0, 1]); stats_level() also accepts 90..100 as
 * PHEindicatormethods does. Every interval carries its 95% and 99.8% limits as
 * well as those at the requested level, so two-level rules need one call.
 */
#ifndef SCORECARD_STATS_H
#define SCORECARD_STATS_H

#include <stddef.h>

#include "error.h"

/* Why a computation has no value. Names (stats_status_name) are the engine's
 * non-judgement statuses. */
typedef enum stats_status {
    STATS_OK = 0,
    STATS_MISSING,           /* an input value is missing (NAN) */
    STATS_UNRELIABLE,        /* a statistical rule failed: DSR under 10 events, a zero-width interval */
    STATS_INSUFFICIENT_DATA, /* too few events, points or areas; a zero denominator */
    STATS_NOT_COMPARED,      /* a needed confidence interval is missing */
} stats_status;

const char *stats_status_name(stats_status s);

/* Judgements. Names (stats_outcome_name) are the engine's outcome words. */
typedef enum stats_outcome {
    STATS_OUTCOME_NONE = 0,
    STATS_SIMILAR,
    STATS_HIGHER,
    STATS_LOWER,
    STATS_BETTER,
    STATS_WORSE,
    STATS_BEST,
    STATS_WORST,
    STATS_OUTCOME_NOT_COMPARED,
    STATS_IMPROVING,
    STATS_NO_CHANGE,
    STATS_WORSENING,
    STATS_INCREASING,
    STATS_DECREASING,
    STATS_NO_SIGNIFICANT_CHANGE,
} stats_outcome;

const char *stats_outcome_name(stats_outcome o);

typedef enum stats_polarity {
    STATS_NO_JUDGEMENT = 0,
    STATS_HIGH_GOOD,
    STATS_LOW_GOOD,
} stats_polarity;

/* Accepts high_good/higher/high, low_good/lower/low, no_judgement/none/neutral
 * (NULL means no_judgement). Returns 0 or ERR_INVALID. */
int stats_polarity_parse(const char *s, stats_polarity *out, err *e);
const char *stats_polarity_name(stats_polarity p);

/* ---- numerics ---- */

/* Normalises a confidence level: 90..100 becomes 0.9..1. Accepts [0.9, 1]. */
int stats_level(double level, double *out, err *e);

/* The two-sided normal critical value for a level: z = qnorm(1 - (1 - level)/2),
 * to full double precision (z(0.95) = 1.959963984540054). */
double stats_z(double level);

/* The standard normal quantile of p in (0, 1). */
double stats_qnorm(double p);

/* The gamma(shape, 1) quantile: qgamma(p, shape) = qchisq(p, 2 shape) / 2.
 * `upper` asks for the x with upper tail probability p, which keeps precision
 * for p near 1. Returns 0 for shape 0, NAN for arguments out of range. */
double stats_qgamma(double p, double shape, int upper);

/* Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 - P(a, x). */
double stats_pgamma(double x, double a);
double stats_qgamma_tail(double x, double a);

/* Student's t: the x > 0 with P(T > x) = p on df degrees of freedom
 * (p in (0, 0.5]), so |qt(p, df)| for a lower-tail p. */
double stats_qt_upper(double p, double df);

/* Upper tail of Student's t, P(T > t), for t >= 0. */
double stats_pt_upper(double t, double df);

/* ---- intervals (PHEindicatormethods) ---- */

typedef struct stats_interval {
    stats_status status;   /* STATS_OK, or why there is no value */
    const char *reason;    /* static text, set when status != STATS_OK */
    const char *method;    /* "Wilson", "Byars", "Exact", "Dobson", "Student's t-distribution", ... */
    double level;          /* the requested level, as a fraction */
    double value;          /* the statistic times the multiplier */
    double lower, upper;   /* limits at `level`; NAN where undefined */
    double lower95, upper95, lower998, upper998;
    double count;          /* the events behind the statistic (O, x) or the number of values */
    double denominator;    /* n, the population, the expected count E */
    double multiplier;
    double sd;             /* means only */
} stats_interval;

/* Raw limits for an observed count O (PHEindicatormethods byars_lower/upper):
 * the lower limit is NAN where Byar's formula goes negative or O is 0. */
int stats_byars(double o, double level, double *lower, double *upper, err *e);

/* Exact Poisson limits for O (qchisq(alpha/2, 2O)/2 and qchisq(1-alpha/2, 2O+2)/2). */
int stats_poisson_exact(double o, double level, double *lower, double *upper, err *e);

/* Wilson score limits for x of n as proportions of 1 (wilson_lower/upper). */
int stats_wilson(double x, double n, double level, double *lower, double *upper, err *e);

/* phe_proportion: x events of n, Wilson limits, value x/n times multiplier.
 * x > n, x < 0 or n < 0 are errors; n = 0 has no value (insufficient_data). */
int stats_proportion(double x, double n, double multiplier, double level, stats_interval *out, err *e);

/* phe_rate: O/n times multiplier with Byar's limits, or exact Poisson limits
 * when O < 10 (method "Exact"). O > n is allowed; n = 0 has no value. */
int stats_rate(double o, double n, double multiplier, double level, stats_interval *out, err *e);

/* Limits for an observed count O, by Byar's method or exactly below 10
 * events: what stats_rate and stats_isr scale. */
int stats_count_limits(double o, double level, stats_interval *out, err *e);

/* A standard population: band labels and weights. */
typedef struct stats_standard {
    const char *name;
    size_t n;
    const char *const *labels;
    const double *weights;
} stats_standard;

/* The European Standard Population 2013: 19 bands 0-4 .. 90+, total 100,000. */
extern const stats_standard stats_esp2013;

/* Finds the weight of each band label in `std`, joining by label (never by
 * position): labels may be written with leading zeros or spaces ("00-04",
 * "90 +"); a label that is not a band of the standard, or one used twice, is
 * an error that names it. A subset of bands (e.g. 65-69 .. 90+) is allowed. */
int stats_standard_join(const stats_standard *std, const char *const *labels, size_t n, double *weights,
                        err *e);

/* calculate_dsr (Dobson): counts O_i (NAN = missing = 0), populations n_i > 0
 * and standard weights w_i >= 0 for each band; value per `multiplier`. With
 * fewer than 10 events in total there is no value (status unreliable, reason
 * "dsr NA for total count < 10"), as the reference suppresses it. */
int stats_dsr(const double *counts, const double *pops, const double *weights, size_t bands,
              double multiplier, double level, stats_interval *out, err *e);

/* calculate_dsr with independent_events = FALSE: persons[f * bands + i] is the
 * number of people with freqs[f] events in band i (NAN = 0). Events per band
 * are sum_f freqs[f] * persons; the variance sums freqs[f]^2 times the Dobson
 * variance of each frequency's persons. */
int stats_dsr_nonindependent(const double *persons, const double *freqs, size_t nfreq, const double *pops,
                             const double *weights, size_t bands, double multiplier, double level,
                             stats_interval *out, err *e);

/* Expected events for indirect standardisation: sum of pops_i * ref_counts_i /
 * ref_pops_i, a missing (NAN) population or reference count counting as 0. */
int stats_expected(const double *pops, const double *ref_counts, const double *ref_pops, size_t bands,
                   double *expected, err *e);

/* calculate_ISRatio / calculate_ISRate: O/E times `multiplier` (1 or 100 for a
 * ratio; the reference rate for an indirectly standardised rate), limits from
 * Byar's or exact limits of O divided by E. */
int stats_isr(double observed, double expected, double multiplier, double level, stats_interval *out,
              err *e);

/* phe_mean: mean +- |t(alpha/2, n-1)| sd / sqrt(n). NAN values are skipped;
 * fewer than two values have no interval (insufficient_data). */
int stats_mean(const double *values, size_t n, double level, stats_interval *out, err *e);

/* ---- benchmarking (Fingertips comparers, methods.md 4.3) ---- */

/* Single level: the comparator inside [lower, upper] (bounds included) is
 * similar; above the interval the area is lower, below it higher; polarity
 * maps these to better/worse. A missing bound gives not_compared. */
stats_outcome stats_compare(double lower, double upper, double comparator, stats_polarity p);

/* Two levels (method 17): inside the 95% interval similar; outside it but
 * inside the 99.8% interval better/worse; outside both best/worst (higher or
 * lower with no polarity). Missing 99.8% limits fall back to the 95% result. */
stats_outcome stats_compare2(double lower95, double upper95, double lower998, double upper998,
                             double comparator, stats_polarity p);

/* The level a difference found by stats_compare2 is significant at: "99.8%"
 * when the comparator lies outside the 99.8% interval too, "95%" otherwise,
 * NULL for similar (static). */
const char *stats_significance(stats_outcome o, double lower998, double upper998, double comparator);

/* Turns higher/lower into better/worse for a polarity (and increasing or
 * decreasing into improving or worsening); other outcomes pass through. */
stats_outcome stats_apply_polarity(stats_outcome o, stats_polarity p);

/* ---- survey percentages (PHS, Health and Care Experience survey) ---- */

/* Public Health Scotland's test of two weighted survey percentages (NI-1 to
 * NI-9): an area against Scotland, or against its own previous survey
 * (health-and-care-experience-survey-2023, 04.significance_tests.R, lines
 * 62-75 and 126-141). With p the proportions and se their standard errors,
 *     z = (p_a - p_b) / sqrt(se_a^2 + se_b^2),
 * significant unless -z_crit < z < z_crit (so |z| = z_crit is significant),
 * and the two taken as independent even when one area is part of the other,
 * as PHS does. The direction is the difference rounded to whole percentage
 * points (R's round(100 * (p_a - p_b), 0.1) rounds to 0 digits, half to
 * even): a significant difference under half a point is "similar", as PHS
 * flags it. A z that cannot be computed (both standard errors 0) counts as
 * significant, as in PHS's comparison with Scotland. */
typedef struct stats_survey_test {
    double se;         /* of the difference, as a proportion */
    double z;          /* NaN when se is 0 */
    double difference; /* percentage points, rounded as PHS rounds it */
    int significant;
    stats_outcome outcome; /* similar, or higher/lower turned by polarity */
} stats_survey_test;

/* The standard error of a weighted proportion from its unweighted number of
 * responses and the design effect: sqrt(deff * p (1 - p) / n), p = percent / 100. */
int stats_survey_se(double percent, double n, double deff, double *se, err *e);
/* The standard error of a percentage from its published symmetric interval at
 * `level`: (upper - lower) / (2 z) / 100. */
int stats_survey_se_from_interval(double lower, double upper, double level, double *se, err *e);
/* The test of percent_a (standard error se_a) against percent_b (se_b). */
int stats_survey_difference(double percent_a, double se_a, double percent_b, double se_b, double level,
                            stats_polarity p, stats_survey_test *out, err *e);

/* x rounded to `decimals` places, a half away from zero, as the decimal number
 * x is printed as would be rounded (2.565 to 2.57, though its double lies
 * just below): how a published score of two decimals was rounded. */
double stats_round_half_away(double x, int decimals);

/* ---- quantiles (methods.md 5) ---- */

/* Fingertips category bounds: sorts the valid (non-NAN) values into `sorted`
 * (room for n) and writes k + 1 bounds: bounds[0] = min, bounds[i] = the
 * i/k percentile by linear interpolation at (N-1)p + 1, rounded to 10 dp,
 * bounds[k] = max. *valid is the number of valid values N; with fewer than
 * max(k, 4) the bounds are NAN (the comparer's not_compared). */
int stats_quantile_bounds(const double *values, size_t n, size_t k, double *sorted, double *bounds,
                          size_t *valid, err *e);

/* The category 1..k of v: the first i with v <= bounds[i]; with high_good the
 * order is reversed so 1 is always the best. 0 when v is NAN or above max. */
int stats_quantile_category(double v, const double *bounds, size_t k, stats_polarity p);

/* phe_quantile: quantile[i] in 1..nq (0 for a missing value), ranking with
 * ties at the minimum; invert (the reference default) gives the highest value
 * quantile 1. `work` holds n doubles. Fewer valid values than nq: all 0 and
 * *assigned = 0. */
int stats_phe_quantile(const double *values, size_t n, size_t nq, int invert, double *work, int *quantile,
                       int *assigned, err *e);

/* ---- recent trend (Fingertips TrendMarkerCalculator, methods.md 6) ---- */

#define STATS_TREND_POINTS 5
#define STATS_TREND_CHI2_998 9.54953570608324 /* chi-square(1) at 99.8%, as Fingertips has it */

typedef struct stats_trend {
    stats_status status;    /* insufficient_data below 5 valid points; unreliable if degenerate */
    const char *reason;
    const char *method;     /* "chi-square test for trend" or "weighted least squares" */
    stats_outcome outcome;  /* increasing, decreasing or no_significant_change */
    double chi2;            /* the test statistic on all five points */
    double critical;        /* the value chi2 must exceed */
    double slope;           /* per period (the logit scale for proportions) */
    int significant;        /* chi2 > critical */
    int consistent;         /* the slope keeps its sign in every leave-one-out refit */
    size_t first, last;     /* indices of the first and last point used */
} stats_trend;

/* Proportions: the chi-square test for linear trend on counts x of n over the
 * five most recent valid points (both present, 0 < x < n). The leave-one-out
 * check and the direction use the least-squares slope of logit(x/n). */
int stats_trend_proportion(const double *x, const double *n, size_t points, double level, stats_trend *out,
                           err *e);

/* Other values: weighted least squares with se = (upper95 - lower95) / 3.92
 * over the five most recent points that have a value and both limits. */
int stats_trend_wls(const double *value, const double *lower95, const double *upper95, size_t points,
                    double level, stats_trend *out, err *e);

/* Which test a recent trend uses. */
typedef enum stats_trend_method {
    STATS_TREND_AUTO,       /* weighted least squares when five points have intervals, or when
                               fewer than five have counts; else the chi-square test on counts */
    STATS_TREND_PROPORTION, /* stats_trend_proportion */
    STATS_TREND_WLS,        /* stats_trend_wls */
} stats_trend_method;

/* The recent trend of n points by `method` (any array may hold NaN where a
 * point lacks it): the choice Fingertips makes, in one place. */
int stats_trend_of(const double *x, const double *denominators, const double *value, const double *lower95,
                   const double *upper95, size_t points, double level, stats_trend_method method, stats_trend *out,
                   err *e);

/* ---- change against a baseline (methods.md 3.1, 3.2) ---- */

typedef struct stats_change {
    stats_status status;
    const char *reason;
    stats_outcome outcome; /* improving, no_change or worsening */
    double change;         /* latest - base, rounded to `decimals` (or the percentage change) */
    double threshold;      /* the interval the change is held against */
    int decimals;          /* decimal places used for rounding; -1 when not rounded */
} stats_change;

/* The number of decimal places of a value as written ("68" 0, "68.40" 2).
 * Returns -1 for text that is not a plain decimal number. */
int stats_decimals(const char *text);

/* The decimal places a published series is written to: the most written in
 * any of `texts` (NULLs are skipped), -1 when none is a plain decimal. When
 * `bad` is not NULL it gets the index of the first text that is not a plain
 * decimal ("1,234", "n/a"), or n when all are. */
int stats_decimals_most(const char *const *texts, size_t n, size_t *bad);

/* Writes the shortest text that reads back as v, in plain decimal notation
 * (as JavaScript prints 69.2 or 0.1 + 0.2). Returns 0, or ERR_INVALID for a
 * value that is not finite or needs more than `size` bytes. */
int stats_number_text(double v, char *buf, size_t size, err *e);

/* The NI Programme for Government rule on two values given as text. The
 * change latest - base is rounded half up (JavaScript Math.round) to
 * `decimals` places, or to the larger number of places written in the two
 * texts when decimals < 0; `interval` is a number ("1.3") or a cumulative
 * "<k>c" that counts k for each of `periods_after_base` periods. Boundaries
 * are inclusive: a change equal to the interval is decisive, so with an
 * interval of 0 a zero change is improving unless zero_change_improving is 0.
 * improvement is +1 (increase is better) or -1 (decrease is better). The
 * arithmetic is on scaled integers, so 69.2 - 68.4 is exactly 0.8. */
int stats_change_pfg(const char *base, const char *latest, int decimals, const char *interval,
                     size_t periods_after_base, int improvement, int zero_change_improving, stats_change *out,
                     err *e);

/* The whole dashboard rule on a series: labels and value texts (NULL for a
 * null value) in time order, the base period label (NULL: insufficient data),
 * the interval and direction. The latest label equal to the base is
 * no_change; decimals are the most written in any non-null value; "<k>c"
 * counts the periods after the base in the series. */
int stats_pfg_classify(const char *const *labels, const char *const *values, size_t n, const char *base_year,
                       const char *interval, int improvement, stats_change *out, err *e);

/* MSG direction of travel (methods.md 3.2): change = latest - base, or
 * 100 (latest - base) / base when relative; improving when its sign agrees
 * with `improvement` and |change| > tolerance, worsening when it disagrees and
 * |change| > tolerance, otherwise no_change. */
int stats_change_direction(double base, double latest, double tolerance, int improvement, int relative,
                           stats_change *out, err *e);

#endif
