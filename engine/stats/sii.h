/*
 * sii.h - the slope and relative indices of inequality (SII, RII) across the
 * quantiles of one area, as PHEindicatormethods v2.1.0 phe_sii computes them
 * (R/SII_function.R, with FindXValues and SimulationFunc from R/utils.R).
 *
 * The method. Quantiles come in order, 1 the most deprived. Each quantile i
 * has a share a_i = pop_i / sum(pop) of the population and a relative rank
 * b_i, the midpoint of its band of the cumulative population (FindXValues).
 * The regression lm(yvals ~ sqrt_a + b_sqrt_a - 1), with yvals = sqrt(a) y,
 * sqrt_a = sqrt(a) and b_sqrt_a = b sqrt(a), is least squares weighted by the
 * population share; its b_sqrt_a coefficient is the SII (times the
 * multiplier), its sqrt_a coefficient the intercept (the fitted value at
 * rank 0), and RII = (intercept + slope) / intercept, inverted when the
 * multiplier is negative.
 *
 * Value types. 0 is a normal value, 1 a rate, 2 a proportion (of 1). Rates
 * and proportions are always log or logit transformed, with their 95%
 * limits, before the standard error (upper - lower) / z / 2 is taken, with z
 * = qnorm(0.975) hard-coded as upstream has it; a standard error given
 * directly is used as it is (for a rate or proportion it is therefore read on
 * the log or logit scale, as upstream reads it). `transform` fits the
 * regression on the transformed scale and turns the results back (log for
 * rates, logit for proportions); without it the regression is on the values
 * as given. A transform needs the 95% limits, not a standard error.
 *
 * Confidence limits come from simulation (SimulationFunc): each repetition
 * draws every quantile's value from a normal distribution with its
 * (transformed) value as mean and its standard error as sd, turns it back
 * unless transform is set, refits the regression and records the SII (and
 * RII). The limits at level c are read from the sorted simulated values at
 * the 1-based positions round(R (1 - v)) and round(R v), v = c + (1 - c)/2
 * and R the repetitions, rounding half to even as R's round() does; upstream
 * indexes the sorted vector this way, not through quantile(), so no quantile
 * type applies. With transform, the simulated slopes on the transformed scale
 * are turned into limits around the fitted midpoint (xequalshalf) as
 * phe_sii does. That code is kept as written, including one oddity: for a
 * rate it swaps the limits (and inverts the RII's) when the multiplier is
 * below 1, not below 0 as for proportions and for the RII itself, so a
 * multiplier between 0 and 1 gives a lower limit above the upper one.
 *
 * The random stream. Upstream draws with R's rnorm after set.seed; this is
 * not R's stream. Draws come from xoshiro256** (Blackman and Vigna), its
 * state seeded by splitmix64 from the caller's 64-bit seed; a normal
 * deviate is qnorm(u) (stats_qnorm) of u = k / 2^53, k the top 53 bits of
 * one output, drawing again in the rare case k = 0, so 0 < u < 1. Draws are
 * made in upstream's order (repetition by repetition, quantile 1 to n in
 * each), and the arithmetic is plain double with no fused multiply-adds, so
 * the same seed gives the same limits, bit for bit wherever the math
 * library's log and exp give the same bits (the generator, sqrt and the
 * sort are exact). The limits agree with upstream's in distribution, not
 * digit by digit: with 10,000 repetitions a 95% limit moves by a percent or
 * two from seed to seed (more for a 99% limit), as upstream's do.
 *
 * Reliability (reliability_stat). The simulation runs 10 times as long, in
 * ten blocks of `repetitions`; the limits are those of the first block (so
 * the same as without the option for the same seed), and each level's mad is
 * the mean over blocks 2..10 of |limit - first block's limit|, lower and
 * upper limit together (calc_reliability).
 *
 * Conventions are stats.h's: pure, no allocation, 0 or a negative ERR_*
 * code naming the bad input; data that are valid but give no SII are a
 * status with a reason.
 */
#ifndef SCORECARD_SII_H
#define SCORECARD_SII_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "stats.h"

#define STATS_SII_MIN_QUANTILES 5
#define STATS_SII_MAX_QUANTILES 100
#define STATS_SII_MANY_QUANTILES 10 /* more than this earns upstream's instability warning */
#define STATS_SII_MIN_REPETITIONS 1000
#define STATS_SII_DEFAULT_REPETITIONS 100000
#define STATS_SII_MAX_LEVELS 8
#define STATS_SII_RELIABILITY_BLOCKS 10

typedef enum stats_sii_type {
    STATS_SII_NORMAL = 0,     /* value_type 0: any other indicator (life expectancy, a score) */
    STATS_SII_RATE = 1,       /* value_type 1: log scale for the standard error (and transform) */
    STATS_SII_PROPORTION = 2, /* value_type 2: a proportion of 1, logit scale */
} stats_sii_type;

typedef struct stats_sii_options {
    stats_sii_type value_type; /* STATS_SII_NORMAL */
    int transform;             /* fit on the log / logit scale; needs limits, not se; 0 */
    double multiplier;         /* scales SII and its limits (intercept by |m|); < 0 inverts the RII; 1 */
    size_t repetitions;        /* simulated samples, >= 1000; 100,000 */
    double levels[STATS_SII_MAX_LEVELS]; /* confidence levels, 0.9..1 or 90..100; {0.95} */
    size_t nlevels;            /* 1 */
    int rii;                   /* also the RII's limits (upstream's rii = TRUE); the RII itself is always
                                * given. Without transform its limits double the simulation's work; 0 */
    int reliability;           /* reliability_stat: ten blocks and a mad per level; 0 */
    uint64_t seed;             /* the simulation's seed; 1 */
} stats_sii_options;

/* Upstream's defaults (above), with seed 1. */
void stats_sii_options_default(stats_sii_options *o);

/* One area's quantiles, in order from the most deprived (quantile 1). */
typedef struct stats_sii_data {
    size_t n;                 /* the number of quantiles given for this area */
    size_t quantiles;         /* the number the data set has (upstream's no_quantiles), 5..100; an area
                               * with fewer has no SII (insufficient_data), as upstream drops it with a
                               * warning; 0 means n */
    const double *population; /* each > 0 */
    const double *value;      /* the indicator value; NULL for a proportion given by count */
    const double *count;      /* x, events (> 0), used only when value is NULL for a proportion: x / population */
    const double *lower95;    /* 95% limits of each value (NULL when se is given) */
    const double *upper95;
    const double *se;         /* standard errors (>= 0); when given, they are used and the limits are not */
} stats_sii_data;

typedef struct stats_sii_limits {
    double level; /* as a fraction */
    double sii_lower, sii_upper;
    double rii_lower, rii_upper; /* NAN unless opt->rii */
    double sii_mad, rii_mad; /* reliability only, NAN otherwise */
} stats_sii_limits;

typedef struct stats_sii_result {
    stats_status status; /* STATS_OK, or why there is no SII */
    const char *reason;  /* static text when status != STATS_OK */
    const char *note;    /* static text: upstream's warning for more than 10 quantiles, else NULL */
    const char *indicator_type; /* "normal", "rate" or "proportion" (upstream's type = "full" columns) */
    const char *transform;      /* "log", "logit" or "none" */
    size_t quantiles;
    size_t repetitions;
    double multiplier;
    double sii, rii, intercept; /* the intercept is the fitted value at rank 0 (times |m| with transform) */
    size_t nlevels;
    stats_sii_limits limits[STATS_SII_MAX_LEVELS]; /* in the order the levels were given */
} stats_sii_result;

/* phe_sii for one area. `work` holds at least opt->repetitions doubles.
 * Errors (ERR_INVALID) as upstream stops: fewer than 5 or more than 100
 * quantiles (or more rows than data->quantiles); a zero, negative or missing
 * population; a negative or missing standard error; a missing limit; a
 * proportion, or its limits, outside 0..1; a count of zero or less;
 * value_type not 0..2; transform with value type 0 or with a standard
 * error; fewer than 1000 repetitions; a level outside 0.9..1 or one too
 * extreme to read from the repetitions (100%). Also rejected, where upstream
 * returns NaN: a lower limit above its upper limit, a negative rate or
 * lower limit; and a multiplier of 0 or not finite. ERR_USAGE: no value (or
 * count), neither se nor both limits, work too small. A missing value is
 * status missing (upstream drops the row from the fit but not from the
 * ranks, and has no limits); a value or limit whose log or logit is
 * infinite (a rate of 0, a proportion of 0 or 1) is status unreliable, where
 * upstream returns NaN or infinite limits. */
int stats_sii(const stats_sii_data *data, const stats_sii_options *opt, double *work, size_t work_len,
              stats_sii_result *out, err *e);

/* FindXValues: the relative rank of each of n quantiles, the midpoint of its
 * band of the cumulative population: ranks[i] = p_i / 2 + sum_{j<i} p_j,
 * p_i = pops[i] / sum(pops). Populations must be > 0. */
int stats_sii_ranks(const double *pops, size_t n, double *ranks, err *e);

/* The simulation's random stream (see above), exposed so tests can pin it. */
typedef struct stats_sii_rng {
    uint64_t s[4];
} stats_sii_rng;

void stats_sii_rng_seed(stats_sii_rng *r, uint64_t seed); /* splitmix64 outputs fill the state */
uint64_t stats_sii_rng_next(stats_sii_rng *r);            /* one xoshiro256** output */
double stats_sii_rng_normal(stats_sii_rng *r);            /* qnorm((top 53 bits + 0.5) / 2^53) */

#endif
