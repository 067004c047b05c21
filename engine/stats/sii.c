/* sii.c - the slope and relative indices of inequality; see sii.h for the
 * method, the random stream and what is and is not upstream's. */
#include "sii.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Clang contracts a * b + c into a fused multiply-add where the target has
 * one; the simulation is meant to give the same bits everywhere. (GCC in ISO
 * C mode, as this project builds, does not contract.) */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

/* ---- the random stream ---- */

/* splitmix64 (Steele, Lea and Flood; Vigna's reference code): the seeder the
 * xoshiro authors recommend, so a seed of 0 or 1 still gives a good state. */
static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void stats_sii_rng_seed(stats_sii_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

/* xoshiro256** 1.0 (Blackman and Vigna, prng.di.unimi.it/xoshiro256starstar.c). */
uint64_t stats_sii_rng_next(stats_sii_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Inversion, as R's own rnorm does by default: u = k / 2^53 from the top 53
 * bits (exact in a double, below 1), drawing again for k = 0 so u is never 0
 * (a chance of 2^-53). */
double stats_sii_rng_normal(stats_sii_rng *r)
{
    uint64_t k;
    do
        k = stats_sii_rng_next(r) >> 11;
    while (k == 0);
    return stats_qnorm((double)k * 0x1.0p-53);
}

/* ---- the regression ---- */

int stats_sii_ranks(const double *pops, size_t n, double *ranks, err *e)
{
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(pops[i] > 0) || !isfinite(pops[i]))
            return err_set(e, ERR_INVALID, "the population of quantile %zu must be above zero, got %g", i + 1,
                           pops[i]);
        total += pops[i];
    }
    /* FindXValues: prop / 2 plus the cumulative proportion before it (lag). */
    double cum = 0;
    for (size_t i = 0; i < n; i++) {
        double prop = pops[i] / total;
        ranks[i] = i == 0 ? prop / 2 : prop / 2 + cum;
        cum += prop;
    }
    return 0;
}

/* lm(y ~ x1 + x2 - 1) by a QR decomposition, as lm solves it (modified
 * Gram-Schmidt on two columns): coef[0] for x1 (sqrt_a), coef[1] for x2
 * (b_sqrt_a). */
static void lm2(const double *x1, const double *x2, const double *y, size_t n, double coef[2])
{
    double r11 = 0, r12 = 0, r22 = 0, qy1 = 0, qy2 = 0;
    for (size_t i = 0; i < n; i++)
        r11 += x1[i] * x1[i];
    r11 = sqrt(r11);
    for (size_t i = 0; i < n; i++)
        r12 += x1[i] / r11 * x2[i];
    for (size_t i = 0; i < n; i++) {
        double v = x2[i] - r12 * x1[i] / r11;
        r22 += v * v;
    }
    r22 = sqrt(r22);
    for (size_t i = 0; i < n; i++) {
        double q1 = x1[i] / r11, q2 = (x2[i] - r12 * q1) / r22;
        qy1 += q1 * y[i];
        qy2 += q2 * y[i];
    }
    coef[1] = qy2 / r22;
    coef[0] = (qy1 - r12 * coef[1]) / r11;
}

/* ---- options and checks ---- */

void stats_sii_options_default(stats_sii_options *o)
{
    o->value_type = STATS_SII_NORMAL;
    o->transform = 0;
    o->multiplier = 1;
    o->repetitions = STATS_SII_DEFAULT_REPETITIONS;
    for (size_t i = 0; i < STATS_SII_MAX_LEVELS; i++)
        o->levels[i] = NAN;
    o->levels[0] = 0.95;
    o->nlevels = 1;
    o->rii = 0;
    o->reliability = 0;
    o->seed = 1;
}

/* R's round(x) (digits 0): to the nearest integer, a half to the even one. */
static double round_half_even(double x)
{
    double f = floor(x), d = x - f;
    if (d > 0.5)
        return f + 1;
    if (d < 0.5)
        return f;
    return fmod(f, 2) == 0 ? f : f + 1;
}

/* The 1-based positions SimulationFunc reads a level's limits at. */
static void level_positions(double level, size_t reps, size_t *lo, size_t *hi)
{
    double v = level + ((1 - level) / 2);
    double r = (double)reps;
    *lo = (size_t)round_half_even(r * (1 - v));
    *hi = (size_t)round_half_even(r * v);
}

static int check_options(const stats_sii_options *o, const stats_sii_data *d, double levels[], err *e)
{
    if (o->value_type != STATS_SII_NORMAL && o->value_type != STATS_SII_RATE && o->value_type != STATS_SII_PROPORTION)
        return err_set(e, ERR_INVALID, "value_type should be 0, 1 or 2, got %d", (int)o->value_type);
    if (o->repetitions < STATS_SII_MIN_REPETITIONS)
        return err_set(e, ERR_INVALID, "the number of repetitions must be %d or greater, got %zu",
                       STATS_SII_MIN_REPETITIONS, o->repetitions);
    if (!isfinite(o->multiplier) || o->multiplier == 0)
        return err_set(e, ERR_INVALID, "the multiplier must be a finite number other than zero, got %g", o->multiplier);
    if (o->transform && o->value_type == STATS_SII_NORMAL)
        return err_set(e, ERR_INVALID, "value_type should be 1 (rate) or 2 (proportion) when transform is set");
    if (o->transform && d->se)
        return err_set(e, ERR_INVALID, "a transform needs the 95%% limits, not a standard error: leave se out");
    if (o->transform && (!d->lower95 || !d->upper95))
        return err_set(e, ERR_USAGE, "a transform needs the lower and upper 95%% limits");
    if (o->nlevels < 1 || o->nlevels > STATS_SII_MAX_LEVELS)
        return err_set(e, ERR_INVALID, "between 1 and %d confidence levels are needed, got %zu", STATS_SII_MAX_LEVELS,
                       o->nlevels);
    for (size_t k = 0; k < o->nlevels; k++) {
        if (stats_level(o->levels[k], &levels[k], e))
            return err_prefix(e, "confidence level %zu", k + 1);
        size_t lo, hi;
        level_positions(levels[k], o->repetitions, &lo, &hi);
        if (lo < 1 || hi > o->repetitions || lo > hi)
            return err_set(e, ERR_INVALID,
                           "a confidence level of %g cannot be read from %zu repetitions (the lower limit would be "
                           "simulated value %zu)",
                           levels[k], o->repetitions, lo);
    }
    return 0;
}

/* The input checks of phe_sii, in its order, with the few it lacks. */
static int check_data(const stats_sii_data *d, const stats_sii_options *o, err *e)
{
    if (!d->population)
        return err_set(e, ERR_USAGE, "the SII needs the population of each quantile");
    if (!d->value && !(o->value_type == STATS_SII_PROPORTION && d->count))
        return err_set(e, ERR_USAGE,
                       "the SII needs a value for each quantile, or a count if the value is a proportion");
    if (!d->se && (!d->lower95 || !d->upper95))
        return err_set(e, ERR_USAGE,
                       "the SII needs a standard error, or the lower and upper 95%% limits, of each value");
    size_t nq = d->quantiles ? d->quantiles : d->n;
    if (nq < STATS_SII_MIN_QUANTILES || nq > STATS_SII_MAX_QUANTILES)
        return err_set(e, ERR_INVALID, "the number of quantiles must be between %d and %d, got %zu",
                       STATS_SII_MIN_QUANTILES, STATS_SII_MAX_QUANTILES, nq);
    if (d->n > nq)
        return err_set(e, ERR_INVALID, "an area has %zu quantiles, more than the %zu of the data set", d->n, nq);
    for (size_t i = 0; i < d->n; i++)
        if (!(d->population[i] > 0) || !isfinite(d->population[i]))
            return err_set(e, ERR_INVALID, "quantile %zu has a zero, negative or missing population (%g)", i + 1,
                           d->population[i]);
    if (d->se)
        for (size_t i = 0; i < d->n; i++)
            if (!(d->se[i] >= 0) || !isfinite(d->se[i]))
                return err_set(e, ERR_INVALID, "quantile %zu has a negative or missing standard error (%g)", i + 1,
                               d->se[i]);
    int limits = d->lower95 && d->upper95;
    if (limits)
        for (size_t i = 0; i < d->n; i++)
            if (!isfinite(d->lower95[i]) || !isfinite(d->upper95[i]))
                return err_set(e, ERR_INVALID, "quantile %zu has a missing lower or upper confidence limit", i + 1);
    for (size_t i = 0; d->value && i < d->n; i++)
        if (isinf(d->value[i]))
            return err_set(e, ERR_INVALID, "the value of quantile %zu is not finite", i + 1);
    if (o->value_type == STATS_SII_PROPORTION) {
        for (size_t i = 0; d->value && i < d->n; i++)
            if (d->value[i] < 0 || d->value[i] > 1)
                return err_set(e, ERR_INVALID, "the proportion of quantile %zu (%g) is not between 0 and 1", i + 1,
                               d->value[i]);
        for (size_t i = 0; limits && i < d->n; i++)
            if (d->lower95[i] < 0 || d->lower95[i] > 1 || d->upper95[i] < 0 || d->upper95[i] > 1)
                return err_set(e, ERR_INVALID,
                               "the confidence limits of quantile %zu (%g, %g) are proportions not between 0 and 1",
                               i + 1, d->lower95[i], d->upper95[i]);
        for (size_t i = 0; !d->value && i < d->n; i++)
            if (d->count[i] <= 0 || isinf(d->count[i]))
                return err_set(e, ERR_INVALID, "quantile %zu has a zero or negative count x (%g)", i + 1, d->count[i]);
    }
    /* Not upstream's: it takes a log of a negative rate, or a negative
     * standard error from crossed limits, and returns NaN. */
    if (o->value_type == STATS_SII_RATE) {
        for (size_t i = 0; d->value && i < d->n; i++)
            if (d->value[i] < 0)
                return err_set(e, ERR_INVALID, "the rate of quantile %zu (%g) is negative", i + 1, d->value[i]);
        for (size_t i = 0; limits && !d->se && i < d->n; i++)
            if (d->lower95[i] < 0)
                return err_set(e, ERR_INVALID, "the lower limit of quantile %zu (%g) is a negative rate", i + 1,
                               d->lower95[i]);
    }
    for (size_t i = 0; limits && !d->se && i < d->n; i++)
        if (d->lower95[i] > d->upper95[i])
            return err_set(e, ERR_INVALID, "the lower limit of quantile %zu (%g) is above its upper limit (%g)", i + 1,
                           d->lower95[i], d->upper95[i]);
    return 0;
}

/* ---- the simulation ---- */

/* Everything one area's repetitions need. */
typedef struct sii_model {
    size_t n;
    int type, transform;
    double multiplier;
    double mean[STATS_SII_MAX_QUANTILES]; /* the (transformed) values, the normal means */
    double se[STATS_SII_MAX_QUANTILES];
    double sqrt_a[STATS_SII_MAX_QUANTILES];
    double h0[STATS_SII_MAX_QUANTILES]; /* the rows of solve(m %*% t(m)) %*% m */
    double h1[STATS_SII_MAX_QUANTILES];
} sii_model;

static double expit(double x)
{
    return exp(x) / (1 + exp(x));
}

/* The value on the scale the standard error is taken on (phe_sii's first
 * mutate): log for rates, logit for proportions. */
static double to_scale(int type, double v)
{
    return type == STATS_SII_RATE ? log(v) : type == STATS_SII_PROPORTION ? log(v / (1 - v)) : v;
}

static double from_scale(int type, double v)
{
    return type == STATS_SII_RATE ? exp(v) : type == STATS_SII_PROPORTION ? expit(v) : v;
}

/* SimulationFunc's invm_m = solve(m %*% t(m)) %*% m, m = rbind(sqrt_a, b_sqrt_a):
 * the normal equations, as upstream solves them for every repetition at once. */
static void hat_rows(sii_model *m, const double *b_sqrt_a)
{
    double s11 = 0, s12 = 0, s22 = 0;
    for (size_t i = 0; i < m->n; i++) {
        s11 += m->sqrt_a[i] * m->sqrt_a[i];
        s12 += m->sqrt_a[i] * b_sqrt_a[i];
        s22 += b_sqrt_a[i] * b_sqrt_a[i];
    }
    double det = s11 * s22 - s12 * s12;
    for (size_t i = 0; i < m->n; i++) {
        m->h0[i] = (s22 * m->sqrt_a[i] - s12 * b_sqrt_a[i]) / det;
        m->h1[i] = (s11 * b_sqrt_a[i] - s12 * m->sqrt_a[i]) / det;
    }
}

/* One block of `reps` repetitions into out[]: the simulated SII (times the
 * multiplier unless transformed), or with want_rii the RII (inverted for a
 * negative multiplier unless transformed), as SimulationFunc records them. */
static void simulate(const sii_model *m, stats_sii_rng *rng, size_t reps, int want_rii, double *out)
{
    for (size_t r = 0; r < reps; r++) {
        double p0 = 0, p1 = 0;
        for (size_t i = 0; i < m->n; i++) {
            double y = m->mean[i] + m->se[i] * stats_sii_rng_normal(rng);
            if (!m->transform)
                y = from_scale(m->type, y);
            y *= m->sqrt_a[i];
            p0 += m->h0[i] * y;
            p1 += m->h1[i] * y;
        }
        if (want_rii) {
            double rii = (p1 + p0) / p0;
            out[r] = m->multiplier < 0 && !m->transform ? 1 / rii : rii;
        } else {
            out[r] = m->transform ? p1 : p1 * m->multiplier;
        }
    }
}

/* Ascending, NaN last: R's sort() drops NA, so the k-th value of the sorted
 * finite values is read the same way. */
static int compare_doubles(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    if (isnan(a) || isnan(b))
        return isnan(a) - isnan(b);
    return (a > b) - (a < b);
}

/* sortresults[pos] for 1-based pos; NA (NAN) past the values R would keep. */
static double sorted_at(const double *v, size_t reps, size_t pos)
{
    size_t valid = reps;
    while (valid > 0 && isnan(v[valid - 1]))
        valid--;
    return pos >= 1 && pos <= valid ? v[pos - 1] : NAN;
}

/* Reads each level's limits from one block of simulated values (sorts it). */
static void read_limits(double *v, size_t reps, const double *levels, size_t nlevels, double (*lim)[2])
{
    qsort(v, reps, sizeof *v, compare_doubles);
    for (size_t k = 0; k < nlevels; k++) {
        size_t lo, hi;
        level_positions(levels[k], reps, &lo, &hi);
        lim[k][0] = sorted_at(v, reps, lo);
        lim[k][1] = sorted_at(v, reps, hi);
    }
}

/* phe_sii's anti-transform of simulated slope limits (lo, hi) on the log or
 * logit scale around the fitted midpoint xh, kept as written upstream: for
 * rates the limits swap (and the RII's are inverted) when the multiplier is
 * below 1, for proportions when it is below 0. */
static void untransform_limits(int type, double xh, double lo, double hi, double m, stats_sii_limits *out)
{
    double icl = xh - (lo / 2), iucl = xh - (hi / 2);
    double x1l = xh + (lo / 2), x1u = xh + (hi / 2);
    double ficl = from_scale(type, icl), fiucl = from_scale(type, iucl);
    double fx1l = from_scale(type, x1l), fx1u = from_scale(type, x1u);
    int swap = type == STATS_SII_RATE ? m < 1 : m < 0;
    if (swap) {
        out->sii_lower = (fx1u - fiucl) * m;
        out->sii_upper = (fx1l - ficl) * m;
        out->rii_lower = 1 / (fx1u / fiucl);
        out->rii_upper = 1 / (fx1l / ficl);
    } else {
        out->sii_lower = (fx1l - ficl) * m;
        out->sii_upper = (fx1u - fiucl) * m;
        out->rii_lower = fx1l / ficl;
        out->rii_upper = fx1u / fiucl;
    }
}

static void init_result(stats_sii_result *out, const stats_sii_options *o, const double *levels, size_t n)
{
    static const char *const TYPES[] = {"normal", "rate", "proportion"};
    out->status = STATS_OK;
    out->reason = NULL;
    out->note = n > STATS_SII_MANY_QUANTILES
                    ? "small values can make the SII unstable when using a large number of quantiles"
                    : NULL;
    out->indicator_type = TYPES[o->value_type];
    out->transform = !o->transform ? "none" : o->value_type == STATS_SII_RATE ? "log" : "logit";
    out->quantiles = n;
    out->repetitions = o->repetitions;
    out->multiplier = o->multiplier;
    out->sii = out->rii = out->intercept = NAN;
    out->nlevels = o->nlevels;
    for (size_t k = 0; k < STATS_SII_MAX_LEVELS; k++) {
        stats_sii_limits *l = &out->limits[k];
        l->level = k < o->nlevels ? levels[k] : NAN;
        l->sii_lower = l->sii_upper = l->rii_lower = l->rii_upper = NAN;
        l->sii_mad = l->rii_mad = NAN;
    }
}

static int no_sii(stats_sii_result *out, stats_status status, const char *reason)
{
    out->status = status;
    out->reason = reason;
    return 0;
}

int stats_sii(const stats_sii_data *d, const stats_sii_options *o, double *work, size_t work_len, stats_sii_result *out,
              err *e)
{
    double levels[STATS_SII_MAX_LEVELS];
    int rc = check_options(o, d, levels, e);
    if (!rc)
        rc = check_data(d, o, e);
    if (rc)
        return rc;
    if (!work || work_len < o->repetitions)
        return err_set(e, ERR_USAGE, "the SII's work buffer holds %zu doubles, %zu repetitions need as many",
                       work ? work_len : 0, o->repetitions);
    init_result(out, o, levels, d->quantiles ? d->quantiles : d->n);
    if (d->quantiles && d->n < d->quantiles)
        return no_sii(out, STATS_INSUFFICIENT_DATA, "the area lacks some quantiles: upstream removes it");

    sii_model model;
    sii_model *m = &model;
    m->n = d->n;
    m->type = (int)o->value_type;
    m->transform = o->transform;
    m->multiplier = o->multiplier;
    double yvals[STATS_SII_MAX_QUANTILES], b_sqrt_a[STATS_SII_MAX_QUANTILES], b[STATS_SII_MAX_QUANTILES];
    const double z = stats_z(0.95); /* hard-coded at 95% confidence, as upstream */
    double total = 0;
    for (size_t i = 0; i < d->n; i++)
        total += d->population[i];
    stats_sii_ranks(d->population, d->n, b, e);
    for (size_t i = 0; i < d->n; i++) {
        double v = d->value ? d->value[i] : d->count[i] / d->population[i];
        if (isnan(v))
            return no_sii(out, STATS_MISSING, "a quantile's value is missing");
        m->mean[i] = to_scale(m->type, v);
        if (d->se) {
            m->se[i] = d->se[i];
        } else {
            double lo = to_scale(m->type, d->lower95[i]), hi = to_scale(m->type, d->upper95[i]);
            m->se[i] = (hi - lo) / z / 2;
        }
        if (!isfinite(m->mean[i]) || !isfinite(m->se[i]))
            return no_sii(out, STATS_UNRELIABLE,
                          "a value or limit has no finite log or logit (a rate of 0, a proportion of 0 or 1)");
        m->sqrt_a[i] = sqrt(d->population[i] / total);
        b_sqrt_a[i] = b[i] * m->sqrt_a[i];
        /* Without transform the regression is on the values as given, taken
         * back from the scale as upstream does (exp(log(v))). */
        yvals[i] = m->sqrt_a[i] * (o->transform ? m->mean[i] : from_scale(m->type, m->mean[i]));
    }

    double coef[2];
    lm2(m->sqrt_a, b_sqrt_a, yvals, d->n, coef);
    double mult = o->multiplier, xh = NAN;
    if (!o->transform) {
        out->sii = mult * coef[1];
        double rii = (coef[0] + coef[1]) / coef[0];
        out->rii = mult < 0 ? 1 / rii : rii;
        out->intercept = coef[0];
    } else {
        double x1 = coef[0] + coef[1];
        xh = (coef[0] + x1) / 2;
        double f0 = from_scale(m->type, coef[0]), f1 = from_scale(m->type, x1);
        out->sii = (f1 - f0) * mult;
        out->rii = mult < 0 ? 1 / (f1 / f0) : f1 / f0;
        out->intercept = f0 * fabs(mult);
    }

    /* The simulation, in ten blocks with reliability. The RII pass replays
     * the SII pass's draws from the saved state, so both come from the same
     * samples as in SimulationFunc while work holds one block. */
    hat_rows(m, b_sqrt_a);
    stats_sii_rng rng;
    stats_sii_rng_seed(&rng, o->seed);
    size_t blocks = o->reliability ? STATS_SII_RELIABILITY_BLOCKS : 1, reps = o->repetitions;
    int rii_pass = o->rii && !o->transform;
    stats_sii_limits first[STATS_SII_MAX_LEVELS];
    double mad_sii[STATS_SII_MAX_LEVELS] = {0}, mad_rii[STATS_SII_MAX_LEVELS] = {0};
    for (size_t blk = 0; blk < blocks; blk++) {
        double sii_lim[STATS_SII_MAX_LEVELS][2], rii_lim[STATS_SII_MAX_LEVELS][2];
        stats_sii_rng start = rng;
        simulate(m, &rng, reps, 0, work);
        read_limits(work, reps, levels, o->nlevels, sii_lim);
        if (rii_pass) {
            stats_sii_rng again = start;
            simulate(m, &again, reps, 1, work);
            read_limits(work, reps, levels, o->nlevels, rii_lim);
        }
        for (size_t k = 0; k < o->nlevels; k++) {
            stats_sii_limits l = out->limits[k];
            if (o->transform) {
                untransform_limits(m->type, xh, sii_lim[k][0], sii_lim[k][1], mult, &l);
            } else {
                l.sii_lower = sii_lim[k][0];
                l.sii_upper = sii_lim[k][1];
                l.rii_lower = rii_pass ? rii_lim[k][0] : NAN;
                l.rii_upper = rii_pass ? rii_lim[k][1] : NAN;
            }
            if (!o->rii)
                l.rii_lower = l.rii_upper = NAN;
            if (blk == 0) {
                first[k] = l;
            } else {
                mad_sii[k] += fabs(l.sii_lower - first[k].sii_lower) + fabs(l.sii_upper - first[k].sii_upper);
                mad_rii[k] += fabs(l.rii_lower - first[k].rii_lower) + fabs(l.rii_upper - first[k].rii_upper);
            }
        }
    }
    for (size_t k = 0; k < o->nlevels; k++) {
        out->limits[k] = first[k];
        if (o->reliability) {
            /* calc_reliability: the mean of |limit - first block's| over the
             * lower and upper limits of blocks 2..10 together. */
            double count = 2.0 * (double)(blocks - 1);
            out->limits[k].sii_mad = mad_sii[k] / count;
            out->limits[k].rii_mad = o->rii ? mad_rii[k] / count : NAN;
        }
    }
    return 0;
}
