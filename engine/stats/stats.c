/* stats.c - the statistics core; see stats.h for what each method reproduces. */
#include "stats.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- names ---- */

const char *stats_status_name(stats_status s)
{
    switch (s) {
    case STATS_OK: return "ok";
    case STATS_MISSING: return "missing";
    case STATS_UNRELIABLE: return "unreliable";
    case STATS_INSUFFICIENT_DATA: return "insufficient_data";
    case STATS_NOT_COMPARED: return "not_compared";
    }
    return "?";
}

const char *stats_outcome_name(stats_outcome o)
{
    switch (o) {
    case STATS_OUTCOME_NONE: return "none";
    case STATS_SIMILAR: return "similar";
    case STATS_HIGHER: return "higher";
    case STATS_LOWER: return "lower";
    case STATS_BETTER: return "better";
    case STATS_WORSE: return "worse";
    case STATS_BEST: return "best";
    case STATS_WORST: return "worst";
    case STATS_OUTCOME_NOT_COMPARED: return "not_compared";
    case STATS_IMPROVING: return "improving";
    case STATS_NO_CHANGE: return "no_change";
    case STATS_WORSENING: return "worsening";
    case STATS_INCREASING: return "increasing";
    case STATS_DECREASING: return "decreasing";
    case STATS_NO_SIGNIFICANT_CHANGE: return "no_significant_change";
    }
    return "?";
}

int stats_polarity_parse(const char *s, stats_polarity *out, err *e)
{
    static const struct {
        const char *word;
        stats_polarity p;
    } WORDS[] = {
        {"high_good", STATS_HIGH_GOOD},   {"higher", STATS_HIGH_GOOD},       {"high", STATS_HIGH_GOOD},
        {"higher_is_better", STATS_HIGH_GOOD},
        {"low_good", STATS_LOW_GOOD},     {"lower", STATS_LOW_GOOD},         {"low", STATS_LOW_GOOD},
        {"lower_is_better", STATS_LOW_GOOD},
        {"no_judgement", STATS_NO_JUDGEMENT}, {"none", STATS_NO_JUDGEMENT}, {"neutral", STATS_NO_JUDGEMENT},
    };
    if (!s) {
        *out = STATS_NO_JUDGEMENT;
        return 0;
    }
    for (size_t i = 0; i < sizeof WORDS / sizeof WORDS[0]; i++) {
        if (strcmp(s, WORDS[i].word) == 0) {
            *out = WORDS[i].p;
            return 0;
        }
    }
    return err_set(e, ERR_INVALID, "polarity \"%s\" is not high_good, low_good or no_judgement", s);
}

const char *stats_polarity_name(stats_polarity p)
{
    switch (p) {
    case STATS_HIGH_GOOD: return "high_good";
    case STATS_LOW_GOOD: return "low_good";
    case STATS_NO_JUDGEMENT: return "no_judgement";
    }
    return "?";
}

/* ---- numerics ---- */

int stats_level(double level, double *out, err *e)
{
    double l = level;
    if (l >= 90 && l <= 100)
        l /= 100;
    if (!(l >= 0.9 && l <= 1))
        return err_set(e, ERR_INVALID, "confidence level %g must be between 0.9 and 1 (or 90 and 100)", level);
    *out = l;
    return 0;
}

/* ---- intervals ---- */

static void interval_init(stats_interval *out, double level, double multiplier, const char *method)
{
    out->status = STATS_OK;
    out->reason = NULL;
    out->method = method;
    out->level = level;
    out->value = out->lower = out->upper = NAN;
    out->lower95 = out->upper95 = out->lower998 = out->upper998 = NAN;
    out->count = out->denominator = out->sd = NAN;
    out->multiplier = multiplier;
}

static int no_value(stats_interval *out, stats_status status, const char *reason)
{
    out->status = status;
    out->reason = reason;
    out->value = out->lower = out->upper = NAN;
    out->lower95 = out->upper95 = out->lower998 = out->upper998 = NAN;
    return 0;
}

static int check_finite_level(double level, double *out, err *e)
{
    int rc = stats_level(level, out, e);
    if (rc)
        return rc;
    if (*out >= 1)
        return err_set(e, ERR_INVALID, "a confidence level of 100%% has no finite interval for this method");
    return 0;
}

static double byars_lower_z(double o, double z)
{
    if (!(o > 0))
        return NAN;
    double l = o * pow(1 - 1 / (9 * o) - z / (3 * sqrt(o)), 3);
    return l < 0 ? NAN : l;
}

static double byars_upper_z(double o, double z)
{
    double o1 = o + 1;
    return o1 * pow(1 - 1 / (9 * o1) + z / (3 * sqrt(o1)), 3);
}

static int check_count(double o, const char *what, err *e)
{
    if (!isfinite(o) || o < 0)
        return err_set(e, ERR_INVALID, "%s must be a finite number >= 0, got %g", what, o);
    return 0;
}

int stats_byars(double o, double level, double *lower, double *upper, err *e)
{
    double l = 0;
    int rc = check_count(o, "observed events", e);
    if (!rc)
        rc = check_finite_level(level, &l, e);
    if (rc)
        return rc;
    double z = stats_z(l);
    *lower = byars_lower_z(o, z);
    *upper = byars_upper_z(o, z);
    return 0;
}

static void exact_limits(double o, double level, double *lower, double *upper)
{
    double tail = (1 - level) / 2;
    *lower = o == 0 ? 0 : stats_qgamma(tail, o, 0);
    *upper = stats_qgamma(tail, o + 1, 1);
}

int stats_poisson_exact(double o, double level, double *lower, double *upper, err *e)
{
    double l = 0;
    int rc = check_count(o, "observed events", e);
    if (!rc)
        rc = check_finite_level(level, &l, e);
    if (rc)
        return rc;
    exact_limits(o, l, lower, upper);
    return 0;
}

static void wilson_limits(double x, double n, double level, double *lower, double *upper)
{
    if (level >= 1) {
        *lower = 0;
        *upper = 1;
        return;
    }
    double z = stats_z(level), z2 = z * z;
    double root = z * sqrt(z2 + 4 * x * (1 - (x / n)));
    *lower = (2 * x + z2 - root) / 2 / (n + z2);
    *upper = (2 * x + z2 + root) / 2 / (n + z2);
}

static int check_proportion(double x, double n, err *e)
{
    if (!isfinite(x) || x < 0)
        return err_set(e, ERR_INVALID, "the numerator must be a finite number >= 0, got %g", x);
    if (!isfinite(n) || n < 0)
        return err_set(e, ERR_INVALID, "the denominator must be a finite number >= 0, got %g", n);
    if (x > n)
        return err_set(e, ERR_INVALID, "the numerator %g is greater than the denominator %g", x, n);
    return 0;
}

int stats_wilson(double x, double n, double level, double *lower, double *upper, err *e)
{
    double l = 0;
    int rc = check_proportion(x, n, e);
    if (!rc)
        rc = stats_level(level, &l, e);
    if (rc)
        return rc;
    if (n == 0)
        return err_set(e, ERR_INVALID, "a Wilson interval needs a denominator above zero");
    wilson_limits(x, n, l, lower, upper);
    return 0;
}

static int check_multiplier(double m, err *e)
{
    if (!isfinite(m) || m <= 0)
        return err_set(e, ERR_INVALID, "the multiplier must be a number above zero, got %g", m);
    return 0;
}

static int check_level_and_multiplier(double multiplier, double level, double *l, err *e)
{
    int rc = check_finite_level(level, l, e);
    return rc ? rc : check_multiplier(multiplier, e);
}

int stats_proportion(double x, double n, double multiplier, double level, stats_interval *out, err *e)
{
    double l = 0;
    int rc = stats_level(level, &l, e);
    if (rc)
        return rc;
    if ((rc = check_multiplier(multiplier, e)))
        return rc;
    interval_init(out, l, multiplier, "Wilson");
    if (isnan(x) || isnan(n))
        return no_value(out, STATS_MISSING, "the numerator or denominator is missing");
    rc = check_proportion(x, n, e);
    if (rc)
        return rc;
    out->count = x;
    out->denominator = n;
    if (n == 0)
        return no_value(out, STATS_INSUFFICIENT_DATA, "the denominator is zero");
    out->value = x / n * multiplier;
    wilson_limits(x, n, l, &out->lower, &out->upper);
    wilson_limits(x, n, 0.95, &out->lower95, &out->upper95);
    wilson_limits(x, n, 0.998, &out->lower998, &out->upper998);
    out->lower *= multiplier;
    out->upper *= multiplier;
    out->lower95 *= multiplier;
    out->upper95 *= multiplier;
    out->lower998 *= multiplier;
    out->upper998 *= multiplier;
    return 0;
}

/* Byar's limits from 10 events, exact Poisson limits below, as phe_rate and
 * calculate_ISRatio switch. */
static void limits_for_count(double o, double level, double *lower, double *upper)
{
    if (o < 10) {
        exact_limits(o, level, lower, upper);
    } else {
        double z = stats_z(level);
        *lower = byars_lower_z(o, z);
        *upper = byars_upper_z(o, z);
    }
}

int stats_count_limits(double o, double level, stats_interval *out, err *e)
{
    double l = 0;
    int rc = check_count(o, "observed events", e);
    if (!rc)
        rc = check_finite_level(level, &l, e);
    if (rc)
        return rc;
    interval_init(out, l, 1, o < 10 ? "Exact" : "Byars");
    out->count = o;
    out->value = o;
    limits_for_count(o, l, &out->lower, &out->upper);
    limits_for_count(o, 0.95, &out->lower95, &out->upper95);
    limits_for_count(o, 0.998, &out->lower998, &out->upper998);
    return 0;
}

/* Divides count limits by d and scales them: lim / d * m, in the reference's order. */
static void scale_limits(stats_interval *out, double d, double m)
{
    double *f[] = {&out->lower, &out->upper, &out->lower95, &out->upper95, &out->lower998, &out->upper998};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        *f[i] = *f[i] / d * m;
}

/* A count over a denominator (a population, or an expected count) times m, with
 * the count's Byar or exact limits scaled the same way: crude rates and ISRs. */
static int count_over(double o, double d, double m, double l, const char *const names[4], stats_interval *out,
                      err *e)
{
    int rc;
    interval_init(out, l, m, NULL);
    if (isnan(o) || isnan(d))
        return no_value(out, STATS_MISSING, names[2]);
    if ((rc = check_count(o, names[0], e)) || (rc = check_count(d, names[1], e)))
        return rc;
    if (d == 0)
        return no_value(out, STATS_INSUFFICIENT_DATA, names[3]);
    stats_count_limits(o, l, out, e);
    out->multiplier = m;
    out->denominator = d;
    out->value = o / d * m;
    scale_limits(out, d, m);
    return 0;
}

int stats_rate(double o, double n, double multiplier, double level, stats_interval *out, err *e)
{
    double l = 0;
    int rc = check_level_and_multiplier(multiplier, level, &l, e);
    if (rc)
        return rc;
    static const char *const names[4] = {"the numerator", "the denominator", "the numerator or denominator is missing",
                                         "the denominator is zero"};
    return count_over(o, n, multiplier, l, names, out, e);
}

/* ---- standard populations and DSR ---- */

static const char *const ESP2013_LABELS[] = {"0-4",   "5-9",   "10-14", "15-19", "20-24", "25-29", "30-34",
                                             "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69",
                                             "70-74", "75-79", "80-84", "85-89", "90+"};
static const double ESP2013_WEIGHTS[] = {5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
                                         7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000};

const stats_standard stats_esp2013 = {"esp2013", 19, ESP2013_LABELS, ESP2013_WEIGHTS};

/* A band label in one spelling: no spaces, no leading zeros, an en dash read
 * as a hyphen, so "00-04", "0 - 4" and "0–4" all read "0-4". */
static void band_key(const char *s, char *out, size_t size)
{
    size_t n = 0;
    int in_number = 0;
    while (*s && n + 1 < size) {
        unsigned char c = (unsigned char)*s;
        if (c == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x93) {
            out[n++] = '-';
            in_number = 0;
            s += 3;
            continue;
        }
        s++;
        if (isspace(c))
            continue;
        if (isdigit(c)) {
            if (c == '0' && !in_number && isdigit((unsigned char)*s))
                continue;
            in_number = 1;
        } else {
            in_number = 0;
        }
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
}

int stats_standard_join(const stats_standard *std, const char *const *labels, size_t n, double *weights,
                        err *e)
{
    for (size_t i = 0; i < n; i++) {
        char key[64], cand[64];
        if (!labels[i])
            return err_set(e, ERR_INVALID, "band %zu has no label", i + 1);
        band_key(labels[i], key, sizeof key);
        size_t found = std->n;
        for (size_t j = 0; j < std->n; j++) {
            band_key(std->labels[j], cand, sizeof cand);
            if (strcmp(key, cand) == 0) {
                found = j;
                break;
            }
        }
        if (found == std->n)
            return err_set(e, ERR_INVALID, "band \"%s\" is not a band of the standard population %s", labels[i],
                           std->name);
        for (size_t k = 0; k < i; k++) {
            band_key(labels[k], cand, sizeof cand);
            if (strcmp(key, cand) == 0)
                return err_set(e, ERR_INVALID, "band \"%s\" appears twice", labels[i]);
        }
        weights[i] = std->weights[found];
    }
    return 0;
}

static double or_zero(double v)
{
    return isnan(v) ? 0 : v;
}

static int check_bands(const double *pops, const double *weights, size_t bands, err *e)
{
    if (bands == 0)
        return err_set(e, ERR_INVALID, "a standardised rate needs at least one band");
    for (size_t i = 0; i < bands; i++) {
        if (!(pops[i] > 0) || !isfinite(pops[i]))
            return err_set(e, ERR_INVALID, "the population of band %zu must be above zero, got %g", i + 1, pops[i]);
        if (!(weights[i] >= 0) || !isfinite(weights[i]))
            return err_set(e, ERR_INVALID, "the standard population of band %zu must be >= 0, got %g", i + 1,
                           weights[i]);
    }
    return 0;
}

/* The Dobson interval from the DSR (already scaled), its variance and O. */
static int dobson(double value, double var, double o, double multiplier, double level, const char *method,
                  stats_interval *out)
{
    interval_init(out, level, multiplier, method);
    out->count = o;
    if (o < 10)
        return no_value(out, STATS_UNRELIABLE, "dsr NA for total count < 10");
    out->value = value;
    double sd = sqrt(var / o);
    double z[3] = {stats_z(level), stats_z(0.95), stats_z(0.998)};
    double *lo[3] = {&out->lower, &out->lower95, &out->lower998};
    double *hi[3] = {&out->upper, &out->upper95, &out->upper998};
    for (int i = 0; i < 3; i++) {
        *lo[i] = value + sd * (byars_lower_z(o, z[i]) - o) * multiplier;
        *hi[i] = value + sd * (byars_upper_z(o, z[i]) - o) * multiplier;
    }
    return 0;
}


int stats_dsr(const double *counts, const double *pops, const double *weights, size_t bands,
              double multiplier, double level, stats_interval *out, err *e)
{
    double l = 0;
    int rc = check_level_and_multiplier(multiplier, level, &l, e);
    if (!rc)
        rc = check_bands(pops, weights, bands, e);
    if (rc)
        return rc;
    double o = 0, w = 0, wt = 0, sq = 0, pop = 0;
    for (size_t i = 0; i < bands; i++) {
        double x = or_zero(counts[i]);
        if (x < 0 || !isfinite(x))
            return err_set(e, ERR_INVALID, "the count of band %zu must be >= 0, got %g", i + 1, x);
        o += x;
        w += weights[i];
        pop += pops[i];
        wt += x * weights[i] / pops[i];
        double r = weights[i] / pops[i];
        sq += x * (r * r);
    }
    if (w <= 0)
        return err_set(e, ERR_INVALID, "the standard population weights sum to zero");
    dobson(wt / w * multiplier, 1 / (w * w) * sq, o, multiplier, l, "Dobson", out);
    out->denominator = pop;
    return 0;
}

int stats_dsr_nonindependent(const double *persons, const double *freqs, size_t nfreq, const double *pops,
                             const double *weights, size_t bands, double multiplier, double level,
                             stats_interval *out, err *e)
{
    double l = 0;
    int rc = check_level_and_multiplier(multiplier, level, &l, e);
    if (!rc)
        rc = check_bands(pops, weights, bands, e);
    if (rc)
        return rc;
    double w = 0, pop = 0;
    for (size_t i = 0; i < bands; i++) {
        w += weights[i];
        pop += pops[i];
    }
    if (w <= 0)
        return err_set(e, ERR_INVALID, "the standard population weights sum to zero");
    double o = 0, wt = 0, var = 0;
    for (size_t f = 0; f < nfreq; f++) {
        if (!(freqs[f] > 0) || !isfinite(freqs[f]))
            return err_set(e, ERR_INVALID, "event frequency %zu must be above zero, got %g", f + 1, freqs[f]);
    }
    for (size_t i = 0; i < bands; i++) {
        double events = 0;
        for (size_t f = 0; f < nfreq; f++) {
            double p = or_zero(persons[f * bands + i]);
            if (p < 0 || !isfinite(p))
                return err_set(e, ERR_INVALID, "the persons with %g events in band %zu must be >= 0, got %g",
                               freqs[f], i + 1, p);
            events += freqs[f] * p;
        }
        o += events;
        wt += events * weights[i] / pops[i];
    }
    /* Each frequency's persons get their own Dobson variance, weighted by f^2:
     * a person with f events moves the count by f at once. */
    for (size_t f = 0; f < nfreq; f++) {
        double sq = 0;
        for (size_t i = 0; i < bands; i++) {
            double r = weights[i] / pops[i];
            sq += or_zero(persons[f * bands + i]) * (r * r);
        }
        var += 1 / (w * w) * sq * (freqs[f] * freqs[f]);
    }
    dobson(wt / w * multiplier, var, o, multiplier, l,
           "Dobson, with confidence adjusted for non-independent events", out);
    out->denominator = pop;
    return 0;
}

/* ---- indirect standardisation and means ---- */

int stats_expected(const double *pops, const double *ref_counts, const double *ref_pops, size_t bands,
                   double *expected, err *e)
{
    double sum = 0;
    for (size_t i = 0; i < bands; i++) {
        double n = or_zero(pops[i]), x = or_zero(ref_counts[i]);
        if (n < 0 || !isfinite(n))
            return err_set(e, ERR_INVALID, "the population of band %zu must be >= 0, got %g", i + 1, n);
        if (x < 0 || !isfinite(x))
            return err_set(e, ERR_INVALID, "the reference count of band %zu must be >= 0, got %g", i + 1, x);
        if (!(ref_pops[i] > 0) || !isfinite(ref_pops[i]))
            return err_set(e, ERR_INVALID, "the reference population of band %zu must be above zero, got %g",
                           i + 1, ref_pops[i]);
        sum += x / ref_pops[i] * n;
    }
    *expected = sum;
    return 0;
}

int stats_isr(double observed, double expected, double multiplier, double level, stats_interval *out,
              err *e)
{
    double l = 0;
    int rc = check_level_and_multiplier(multiplier, level, &l, e);
    if (rc)
        return rc;
    static const char *const names[4] = {"the observed count", "the expected count",
                                         "the observed or expected count is missing", "the expected count is zero"};
    return count_over(observed, expected, multiplier, l, names, out, e);
}

int stats_mean(const double *values, size_t n, double level, stats_interval *out, err *e)
{
    double l = 0;
    int rc = check_finite_level(level, &l, e);
    if (rc)
        return rc;
    interval_init(out, l, 1, "Student's t-distribution");
    double sum = 0;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(values[i]))
            continue;
        if (!isfinite(values[i]))
            return err_set(e, ERR_INVALID, "value %zu is not finite", i + 1);
        sum += values[i];
        count++;
    }
    out->count = (double)count;
    if (count < 2)
        return no_value(out, STATS_INSUFFICIENT_DATA, "a mean's interval needs at least two values");
    double mean = sum / (double)count, ss = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isnan(values[i]))
            ss += (values[i] - mean) * (values[i] - mean);
    }
    double sd = sqrt(ss / (double)(count - 1)), se = sd / sqrt((double)count), df = (double)(count - 1);
    out->value = mean;
    out->sd = sd;
    double t[3] = {stats_qt_upper((1 - l) / 2, df), stats_qt_upper(0.025, df), stats_qt_upper(0.001, df)};
    double *lo[3] = {&out->lower, &out->lower95, &out->lower998};
    double *hi[3] = {&out->upper, &out->upper95, &out->upper998};
    for (int i = 0; i < 3; i++) {
        *lo[i] = mean - t[i] * se;
        *hi[i] = mean + t[i] * se;
    }
    return 0;
}

/* ---- benchmarking ---- */

stats_outcome stats_apply_polarity(stats_outcome o, stats_polarity p)
{
    int up;
    switch (o) {
    case STATS_HIGHER:
    case STATS_INCREASING: up = 1; break;
    case STATS_LOWER:
    case STATS_DECREASING: up = 0; break;
    default: return o;
    }
    if (p == STATS_NO_JUDGEMENT)
        return o;
    int good = up == (p == STATS_HIGH_GOOD);
    if (o == STATS_HIGHER || o == STATS_LOWER)
        return good ? STATS_BETTER : STATS_WORSE;
    return good ? STATS_IMPROVING : STATS_WORSENING;
}

/* -1 below, +1 above, 0 when the comparator is inside the closed interval. */
static int side_of(double lower, double upper, double comparator)
{
    if (upper < comparator)
        return -1;
    if (lower > comparator)
        return 1;
    return 0;
}

stats_outcome stats_compare(double lower, double upper, double comparator, stats_polarity p)
{
    if (isnan(lower) || isnan(upper) || isnan(comparator))
        return STATS_OUTCOME_NOT_COMPARED;
    int s = side_of(lower, upper, comparator);
    if (s == 0)
        return STATS_SIMILAR;
    return stats_apply_polarity(s > 0 ? STATS_HIGHER : STATS_LOWER, p);
}

/* ---- survey percentages ---- */

/* The two-sided critical z of a confidence level below 1. */
static int level_z(double level, double *z, err *e)
{
    double l = 1;
    int rc = stats_level(level, &l, e);
    if (rc)
        return rc;
    if (l >= 1)
        return err_set(e, ERR_INVALID, "a confidence level of 1 has no finite z");
    *z = stats_z(l);
    return 0;
}

static int check_percent(double v, const char *what, err *e)
{
    if (!isfinite(v) || v < 0 || v > 100)
        return err_set(e, ERR_INVALID, "%s %g is not a percentage from 0 to 100", what, v);
    return 0;
}

int stats_survey_se(double percent, double n, double deff, double *se, err *e)
{
    int rc = check_percent(percent, "survey value", e);
    if (rc)
        return rc;
    if (!isfinite(n) || n <= 0)
        return err_set(e, ERR_INVALID, "survey responses %g must be more than 0", n);
    if (!isfinite(deff) || deff <= 0)
        return err_set(e, ERR_INVALID, "design effect %g must be more than 0", deff);
    double p = percent / 100;
    *se = sqrt(deff * (p * (1 - p)) / n);
    return 0;
}

int stats_survey_se_from_interval(double lower, double upper, double level, double *se, err *e)
{
    double z = 0;
    int rc = level_z(level, &z, e);
    if (rc)
        return rc;
    if ((rc = check_percent(lower, "survey lower limit", e)) || (rc = check_percent(upper, "survey upper limit", e)))
        return rc;
    if (lower > upper)
        return err_set(e, ERR_INVALID, "survey lower limit %g is above the upper limit %g", lower, upper);
    *se = (upper - lower) / (2 * z) / 100;
    return 0;
}

int stats_survey_difference(double percent_a, double se_a, double percent_b, double se_b, double level,
                            stats_polarity pol, stats_survey_test *out, err *e)
{
    double zcrit = 0;
    int rc = level_z(level, &zcrit, e);
    if (rc || (rc = check_percent(percent_a, "survey value", e)) ||
        (rc = check_percent(percent_b, "survey comparator", e)))
        return rc;
    if (!isfinite(se_a) || se_a < 0 || !isfinite(se_b) || se_b < 0)
        return err_set(e, ERR_INVALID, "survey standard errors %g and %g must be 0 or more", se_a, se_b);
    double pa = percent_a / 100, pb = percent_b / 100;
    out->se = sqrt(se_a * se_a + se_b * se_b);
    out->z = out->se > 0 ? (pa - pb) / out->se : NAN;
    out->significant = isnan(out->z) || !(out->z > -zcrit && out->z < zcrit);
    out->difference = nearbyint(100 * (pa - pb)); /* the default rounding mode: half to even, as R */
    if (!out->significant || out->difference == 0)
        out->outcome = STATS_SIMILAR;
    else
        out->outcome = stats_apply_polarity(out->difference > 0 ? STATS_HIGHER : STATS_LOWER, pol);
    return 0;
}

stats_outcome stats_compare2(double lower95, double upper95, double lower998, double upper998,
                             double comparator, stats_polarity p)
{
    stats_outcome o = stats_compare(lower95, upper95, comparator, p);
    if (o == STATS_SIMILAR || o == STATS_OUTCOME_NOT_COMPARED || isnan(lower998) || isnan(upper998))
        return o;
    int s = side_of(lower998, upper998, comparator);
    if (s == 0 || p == STATS_NO_JUDGEMENT)
        return o;
    return o == STATS_BETTER ? STATS_BEST : STATS_WORST;
}

const char *stats_significance(stats_outcome o, double lower998, double upper998, double comparator)
{
    if (o == STATS_SIMILAR || o == STATS_OUTCOME_NOT_COMPARED)
        return NULL;
    int beyond998 = !isnan(lower998) && !isnan(upper998) && side_of(lower998, upper998, comparator) != 0;
    return beyond998 ? "99.8%" : "95%";
}

/* ---- quantiles ---- */

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* .NET Math.Round(v, 10, MidpointRounding.AwayFromZero), which Fingertips
 * uses to remove interpolation noise (30.8 computed as 30.80000000000001). */
double stats_round_half_away(double x, int decimals)
{
    double m = pow(10, decimals), y = x * m;
    if (!(fabs(y) < 4503599627370496.0)) /* 2^52: already a whole number at this scale (or not finite) */
        return x;
    /* A few ulps towards the half, as the double nearest a decimal half may lie
     * on either side of it; never more than 1e-6, which no true fraction of a
     * scaled value below 2^52 comes that close to a half by accident. */
    return round(y + copysign(fmin(fabs(y) * 8 * DBL_EPSILON, 1e-6), y)) / m;
}

static double round10_away(double v)
{
    if (!(fabs(v) < 1e16))
        return v;
    double scaled = v * 1e10, whole;
    double fraction = modf(scaled, &whole);
    if (fabs(fraction) >= 0.5)
        whole += fraction > 0 ? 1 : -1;
    return whole / 1e10;
}

static double fingertips_percentile(const double *s, size_t count, double fraction)
{
    double n = ((double)count - 1) * fraction + 1;
    if (n == 1)
        return s[0];
    if (n == (double)count)
        return s[count - 1];
    size_t k = (size_t)n;
    double d = n - (double)k;
    return round10_away(s[k - 1] + d * (s[k] - s[k - 1]));
}

int stats_quantile_bounds(const double *values, size_t n, size_t k, double *sorted, double *bounds,
                          size_t *valid, err *e)
{
    if (k < 2)
        return err_set(e, ERR_INVALID, "quantile bands need k >= 2, got %zu", k);
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(values[i]))
            continue;
        if (!isfinite(values[i]))
            return err_set(e, ERR_INVALID, "value %zu is not finite", i + 1);
        sorted[count++] = values[i];
    }
    *valid = count;
    for (size_t i = 0; i <= k; i++)
        bounds[i] = NAN;
    if (count < k || count <= 3)
        return 0;
    qsort(sorted, count, sizeof *sorted, compare_doubles);
    double step = 1.0 / (double)k;
    bounds[0] = sorted[0];
    for (size_t i = 1; i < k; i++)
        bounds[i] = fingertips_percentile(sorted, count, step * (double)i);
    bounds[k] = sorted[count - 1];
    return 0;
}

int stats_quantile_category(double v, const double *bounds, size_t k, stats_polarity p)
{
    if (isnan(v) || isnan(bounds[k]))
        return 0;
    for (size_t i = 1; i <= k; i++) {
        if (v <= bounds[i])
            return (int)(p == STATS_HIGH_GOOD ? k + 1 - i : i);
    }
    return 0;
}

/* The number of entries of the sorted array s below v: rank with ties at the minimum is this plus one. */
static size_t count_below(const double *s, size_t n, double v)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int stats_phe_quantile(const double *values, size_t n, size_t nq, int invert, double *work, int *quantile,
                       int *assigned, err *e)
{
    if (nq < 1)
        return err_set(e, ERR_INVALID, "the number of quantiles must be at least 1");
    size_t count = 0;
    double max = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        quantile[i] = 0;
        if (isnan(values[i]))
            continue;
        if (!isfinite(values[i]))
            return err_set(e, ERR_INVALID, "value %zu is not finite", i + 1);
        if (values[i] > max)
            max = values[i];
        count++;
    }
    *assigned = 0;
    if (count < nq)
        return 0;
    /* The reference inverts by ranking max - v, so do the same subtraction:
     * ties then fall exactly where they fall there. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isnan(values[i]))
            work[m++] = invert ? max - values[i] : values[i];
    }
    qsort(work, m, sizeof *work, compare_doubles);
    double big_n = (double)count, q = (double)nq;
    for (size_t i = 0; i < n; i++) {
        if (isnan(values[i]))
            continue;
        double adj = invert ? max - values[i] : values[i];
        double rank = (double)(count_below(work, m, adj) + 1);
        double k = floor((q + 1) - ceil(((big_n + 1) - rank) / (big_n / q)));
        quantile[i] = k == 0 ? 1 : (int)k;
    }
    *assigned = 1;
    return 0;
}

/* ---- recent trend ---- */

static int trend_setup(double level, stats_trend *out, const char *method, err *e)
{
    double l = 0;
    int rc = check_finite_level(level, &l, e);
    if (rc)
        return rc;
    out->status = STATS_OK;
    out->reason = NULL;
    out->method = method;
    out->outcome = STATS_OUTCOME_NONE;
    out->chi2 = out->slope = NAN;
    out->critical = l == 0.998 ? STATS_TREND_CHI2_998 : stats_z(l) * stats_z(l);
    out->significant = out->consistent = 0;
    out->first = out->last = 0;
    return 0;
}

static int trend_fail(stats_trend *out, stats_status s, const char *reason)
{
    out->status = s;
    out->reason = reason;
    out->outcome = STATS_OUTCOME_NONE;
    return 0;
}

/* The five most recent indices for which ok(i) holds, oldest first; returns how many were found. */
static size_t last_five(size_t points, int (*ok)(const void *, size_t), const void *ctx, size_t *idx)
{
    size_t found = 0;
    for (size_t i = points; i-- > 0 && found < STATS_TREND_POINTS;) {
        if (ok(ctx, i))
            idx[STATS_TREND_POINTS - 1 - found++] = i;
    }
    if (found < STATS_TREND_POINTS)
        memmove(idx, idx + STATS_TREND_POINTS - found, found * sizeof *idx);
    return found;
}

/* Fingertips counts +1 for a slope >= 0 and -1 below; all six fits must agree. */
static int slope_sign(double slope)
{
    return slope < 0 ? -1 : 1;
}

static void trend_decide(stats_trend *out, int signs)
{
    out->consistent = abs(signs) == STATS_TREND_POINTS + 1;
    out->significant = out->chi2 > out->critical;
    if (out->consistent && out->significant && out->slope != 0)
        out->outcome = out->slope > 0 ? STATS_INCREASING : STATS_DECREASING;
    else
        out->outcome = STATS_NO_SIGNIFICANT_CHANGE;
}

struct counts {
    const double *x, *n;
};

static int count_point_ok(const void *ctx, size_t i)
{
    const struct counts *c = ctx;
    return isfinite(c->x[i]) && isfinite(c->n[i]) && c->n[i] > 0;
}

int stats_trend_proportion(const double *x, const double *n, size_t points, double level, stats_trend *out,
                           err *e)
{
    int rc = trend_setup(level, out, "chi-square test for trend", e);
    if (rc)
        return rc;
    for (size_t i = 0; i < points; i++) {
        if (!isnan(x[i]) && !isnan(n[i]) && (rc = check_proportion(x[i], n[i], e)))
            return err_prefix(e, "point %zu", i + 1);
    }
    struct counts c = {x, n};
    size_t idx[STATS_TREND_POINTS];
    if (last_five(points, count_point_ok, &c, idx) < STATS_TREND_POINTS)
        return trend_fail(out, STATS_INSUFFICIENT_DATA, "a trend needs 5 points with a numerator and denominator");
    out->first = idx[0];
    out->last = idx[STATS_TREND_POINTS - 1];
    double sn = 0, sxt = 0, sx = 0, snt = 0, snt2 = 0, logit[STATS_TREND_POINTS];
    for (size_t j = 0; j < STATS_TREND_POINTS; j++) {
        double t = (double)(j + 1), xi = x[idx[j]], ni = n[idx[j]];
        if (xi == 0 || xi == ni)
            return trend_fail(out, STATS_UNRELIABLE, "a proportion of 0 or 1 has no logit for the trend check");
        logit[j] = log(xi / (ni - xi));
        sn += ni;
        sxt += xi * t;
        sx += xi;
        snt += ni * t;
        snt2 += ni * (t * t);
    }
    double inner = sn * sxt - sx * snt;
    out->chi2 = sn * (inner * inner) / (sx * (sn - sx) * (sn * snt2 - snt * snt));
    /* The leave-one-out refits keep each point's own t, as Fingertips does. */
    int signs = 0;
    for (size_t drop = 0; drop <= STATS_TREND_POINTS; drop++) {
        double m = 0, sl = 0, slt = 0, st = 0, st2 = 0;
        for (size_t j = 0; j < STATS_TREND_POINTS; j++) {
            if (drop && j == drop - 1)
                continue;
            double t = (double)(j + 1);
            m += 1;
            sl += logit[j];
            slt += logit[j] * t;
            st += t;
            st2 += t * t;
        }
        double slope = (m * slt - sl * st) / (m * st2 - st * st);
        if (!drop)
            out->slope = slope;
        signs += slope_sign(slope);
    }
    trend_decide(out, signs);
    return 0;
}

struct limits {
    const double *v, *lo, *hi;
};

static int limits_point_ok(const void *ctx, size_t i)
{
    const struct limits *c = ctx;
    return isfinite(c->v[i]) && isfinite(c->lo[i]) && isfinite(c->hi[i]);
}

int stats_trend_wls(const double *value, const double *lower95, const double *upper95, size_t points,
                    double level, stats_trend *out, err *e)
{
    int rc = trend_setup(level, out, "weighted least squares", e);
    if (rc)
        return rc;
    struct limits c = {value, lower95, upper95};
    size_t idx[STATS_TREND_POINTS];
    if (last_five(points, limits_point_ok, &c, idx) < STATS_TREND_POINTS)
        return trend_fail(out, STATS_INSUFFICIENT_DATA, "a trend needs 5 points with a value and a 95% interval");
    out->first = idx[0];
    out->last = idx[STATS_TREND_POINTS - 1];
    double w[STATS_TREND_POINTS];
    for (size_t j = 0; j < STATS_TREND_POINTS; j++) {
        double se = (upper95[idx[j]] - lower95[idx[j]]) / 3.92;
        if (!(se > 0))
            return trend_fail(out, STATS_UNRELIABLE, "a point's interval has no width, so no weight");
        w[j] = 1 / (se * se);
    }
    int signs = 0;
    for (size_t drop = 0; drop <= STATS_TREND_POINTS; drop++) {
        double s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
        for (size_t j = 0; j < STATS_TREND_POINTS; j++) {
            if (drop && j == drop - 1)
                continue;
            double t = (double)(j + 1), y = value[idx[j]];
            s1 += w[j];
            s2 += y * t * w[j];
            s3 += t * w[j];
            s4 += y * w[j];
            s5 += t * t * w[j];
        }
        double d = s1 * s5 - s3 * s3;
        double slope = (s1 * s2 - s3 * s4) / d;
        if (!drop) {
            out->slope = slope;
            double se_b = sqrt(s1 / d);
            out->chi2 = (slope / se_b) * (slope / se_b);
        }
        signs += slope_sign(slope);
    }
    trend_decide(out, signs);
    return 0;
}

int stats_trend_of(const double *x, const double *denominators, const double *value, const double *lower95,
                   const double *upper95, size_t points, double level, stats_trend_method method, stats_trend *out,
                   err *e)
{
    if (method == STATS_TREND_AUTO) {
        size_t with_ci = 0, with_counts = 0;
        for (size_t i = 0; i < points; i++) {
            with_ci += isfinite(value[i]) && isfinite(lower95[i]) && isfinite(upper95[i]);
            with_counts += isfinite(x[i]) && isfinite(denominators[i]);
        }
        method = with_ci >= STATS_TREND_POINTS || with_counts < STATS_TREND_POINTS ? STATS_TREND_WLS
                                                                                   : STATS_TREND_PROPORTION;
    }
    return method == STATS_TREND_PROPORTION ? stats_trend_proportion(x, denominators, points, level, out, e)
                                            : stats_trend_wls(value, lower95, upper95, points, level, out, e);
}

/* ---- change against a baseline ---- */

/* A plain decimal ("-12.340") as units of 10^-dp: 0, -1 when the text is not
 * a plain decimal, -2 when it has more digits than an int64 holds. */
static int parse_decimal(const char *s, int64_t *units, int *dp)
{
    while (isspace((unsigned char)*s))
        s++;
    int neg = 0;
    if (*s == '+' || *s == '-')
        neg = *s++ == '-';
    int64_t v = 0;
    int digits = 0, places = 0, point = 0, significant = 0;
    for (; *s; s++) {
        if (*s == '.' && !point) {
            point = 1;
            continue;
        }
        if (!isdigit((unsigned char)*s))
            break;
        digits++;
        if (point)
            places++;
        if (v == 0 && *s == '0')
            continue;
        if (++significant > 18)
            return -2;
        v = v * 10 + (*s - '0');
    }
    while (isspace((unsigned char)*s))
        s++;
    if (*s || digits == 0)
        return -1;
    *units = neg ? -v : v;
    *dp = places;
    return 0;
}

int stats_decimals(const char *text)
{
    int64_t u;
    int dp;
    if (!text)
        return -1;
    return parse_decimal(text, &u, &dp) == -1 ? -1 : dp;
}

int stats_decimals_most(const char *const *texts, size_t n, size_t *bad)
{
    int most = -1;
    if (bad)
        *bad = n;
    for (size_t i = 0; i < n; i++) {
        if (!texts[i])
            continue;
        int d = stats_decimals(texts[i]);
        if (d < 0 && bad && *bad == n)
            *bad = i;
        if (d > most)
            most = d;
    }
    return most;
}

int stats_number_text(double v, char *buf, size_t size, err *e)
{
    char tmp[40];
    if (!isfinite(v))
        return err_set(e, ERR_INVALID, "%g is not a finite number", v);
    if (v == 0) {
        if (size < 2)
            return err_set(e, ERR_LIMIT, "no room for a number");
        snprintf(buf, size, "0");
        return 0;
    }
    for (int p = 1; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    /* tmp is [-]d[.ddd]e[+-]xx: gather the digits and where the point goes. */
    char digits[24];
    size_t nd = 0;
    const char *s = tmp;
    int neg = *s == '-';
    if (neg)
        s++;
    for (; *s && *s != 'e'; s++) {
        if (isdigit((unsigned char)*s))
            digits[nd++] = *s;
    }
    int exp10 = atoi(s + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    int point = exp10 + 1; /* digits before the decimal point */
    char out[400];
    size_t n = 0;
    if (neg)
        out[n++] = '-';
    if (point <= 0) {
        out[n++] = '0';
        out[n++] = '.';
        for (int i = 0; i < -point; i++)
            out[n++] = '0';
        for (size_t i = 0; i < nd; i++)
            out[n++] = digits[i];
    } else {
        for (int i = 0; i < point; i++)
            out[n++] = (size_t)i < nd ? digits[i] : '0';
        if ((size_t)point < nd) {
            out[n++] = '.';
            for (size_t i = (size_t)point; i < nd; i++)
                out[n++] = digits[i];
        }
    }
    out[n] = '\0';
    if (n + 1 > size)
        return err_set(e, ERR_LIMIT, "the number %g needs more than %zu characters", v, size);
    memcpy(buf, out, n + 1);
    return 0;
}

static const int64_t POW10[] = {
    1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL, 100000000LL, 1000000000LL,
    10000000000LL, 100000000000LL, 1000000000000LL, 10000000000000LL, 100000000000000LL, 1000000000000000LL,
    10000000000000000LL, 100000000000000000LL, 1000000000000000000LL,
};

/* v * 10^by into *out; 0, or -1 on overflow. */
static int scale_up(int64_t v, int by, int64_t *out)
{
    if (by < 0 || by > 18)
        return -1;
    int64_t f = POW10[by];
    if (v != 0 && (v > INT64_MAX / f || v < -(INT64_MAX / f)))
        return -1;
    *out = v * f;
    return 0;
}

/* floor(a / b) for b > 0. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* JavaScript Math.round: the nearest integer, a half going towards +infinity. */
static double js_round(double x)
{
    double f = floor(x);
    return x - f >= 0.5 ? f + 1 : f;
}

static void change_init(stats_change *out)
{
    out->status = STATS_OK;
    out->reason = NULL;
    out->outcome = STATS_OUTCOME_NONE;
    out->change = out->threshold = NAN;
    out->decimals = -1;
}

static stats_outcome classify_sign(int c_vs_t_up, int c_vs_t_down, int improvement)
{
    /* c_vs_t_up: change >= threshold; c_vs_t_down: change <= -threshold. */
    if ((improvement > 0 && c_vs_t_up) || (improvement < 0 && c_vs_t_down))
        return STATS_IMPROVING;
    if ((improvement > 0 && c_vs_t_down) || (improvement < 0 && c_vs_t_up))
        return STATS_WORSENING;
    return STATS_NO_CHANGE;
}

int stats_change_pfg(const char *base, const char *latest, int decimals, const char *interval,
                     size_t periods_after_base, int improvement, int zero_change_improving, stats_change *out,
                     err *e)
{
    change_init(out);
    if (improvement != 1 && improvement != -1)
        return err_set(e, ERR_INVALID, "the direction of improvement must be increase or decrease");
    if (!base || !latest || !interval)
        return err_set(e, ERR_INVALID, "the base, latest value and interval are all needed");
    int64_t b = 0, l = 0, k = 0;
    int bdp = 0, ldp = 0, kdp = 0;
    int brc = parse_decimal(base, &b, &bdp), lrc = parse_decimal(latest, &l, &ldp);
    if (brc == -1)
        return err_set(e, ERR_INVALID, "base value \"%s\" is not a plain decimal number", base);
    if (lrc == -1)
        return err_set(e, ERR_INVALID, "latest value \"%s\" is not a plain decimal number", latest);
    char ktext[64];
    size_t klen = strlen(interval);
    while (klen > 0 && isspace((unsigned char)interval[klen - 1]))
        klen--;
    int cumulative = klen > 0 && (interval[klen - 1] == 'c' || interval[klen - 1] == 'C');
    if (cumulative)
        klen--;
    if (klen == 0 || klen >= sizeof ktext)
        return err_set(e, ERR_INVALID, "interval \"%s\" is not a number or \"<k>c\"", interval);
    memcpy(ktext, interval, klen);
    ktext[klen] = '\0';
    int krc = parse_decimal(ktext, &k, &kdp);
    if (krc == -1)
        return err_set(e, ERR_INVALID, "interval \"%s\" is not a number or \"<k>c\"", interval);
    double kd = strtod(ktext, NULL);
    if (kd < 0)
        return err_set(e, ERR_INVALID, "interval \"%s\" is negative", interval);
    if (periods_after_base > 1000000)
        return err_set(e, ERR_INVALID, "%zu periods after the base is not a series length", periods_after_base);
    int64_t periods = cumulative ? (int64_t)periods_after_base : 1;
    int written = bdp > ldp ? bdp : ldp;
    int dp = decimals >= 0 ? decimals : written;
    if (dp > 18)
        return err_set(e, ERR_INVALID, "%d decimal places is more than a value can carry", dp);
    out->decimals = dp;

    /* Exact: every number as integer units at one scale, so 69.2 - 68.4 is 0.8. */
    int scale = written > dp ? written : dp;
    int common = dp > kdp ? dp : kdp;
    int64_t bs, ls, c, kk;
    if (brc == 0 && lrc == 0 && krc == 0 && scale_up(b, scale - bdp, &bs) == 0 &&
        scale_up(l, scale - ldp, &ls) == 0 && scale_up(k, common - kdp, &kk) == 0 &&
        (kk == 0 || periods <= INT64_MAX / kk)) {
        int64_t change = ls - bs;
        if (scale > dp) {
            int64_t s = POW10[scale - dp];
            change = floor_div(2 * change + s, 2 * s); /* half up, as Math.round */
        }
        if (scale_up(change, common - dp, &c) == 0) {
            int64_t thr = kk * periods;
            out->change = (double)change / (double)POW10[dp];
            out->threshold = (double)thr / (double)POW10[common];
            out->outcome = !zero_change_improving && c == 0 ? STATS_NO_CHANGE
                                                            : classify_sign(c >= thr, c <= -thr, improvement);
            return 0;
        }
    }
    /* More digits than integers hold: the dashboard's own double arithmetic. */
    double bv = strtod(base, NULL), lv = strtod(latest, NULL), p10 = pow(10, dp);
    double cd = js_round((lv - bv) * p10) / p10, t = kd * (double)periods;
    out->change = cd;
    out->threshold = t;
    out->outcome = !zero_change_improving && cd == 0 ? STATS_NO_CHANGE : classify_sign(cd >= t, cd <= -t, improvement);
    return 0;
}

int stats_pfg_classify(const char *const *labels, const char *const *values, size_t n, const char *base_year,
                       const char *interval, int improvement, stats_change *out, err *e)
{
    change_init(out);
    if (n == 0) {
        out->status = STATS_INSUFFICIENT_DATA;
        out->reason = "the series is empty";
        return 0;
    }
    if (base_year && labels[n - 1] && strcmp(labels[n - 1], base_year) == 0) {
        out->outcome = STATS_NO_CHANGE;
        out->reason = "the latest period is the base period";
        return 0;
    }
    if (!base_year) {
        out->status = STATS_INSUFFICIENT_DATA;
        out->reason = "the indicator has no base period";
        return 0;
    }
    size_t b = n;
    for (size_t i = 0; i < n && b == n; i++) {
        if (labels[i] && strcmp(labels[i], base_year) == 0)
            b = i;
    }
    if (b == n) {
        out->status = STATS_INSUFFICIENT_DATA;
        out->reason = "the base period is not in the series";
        return 0;
    }
    size_t bad;
    int dp = stats_decimals_most(values, n, &bad);
    if (bad < n)
        return err_set(e, ERR_INVALID, "value %zu \"%s\" is not a plain decimal number", bad + 1, values[bad]);
    if (!values[b] || !values[n - 1]) {
        out->status = STATS_INSUFFICIENT_DATA;
        out->reason = values[b] ? "the latest value is null" : "the base value is null";
        return 0;
    }
    return stats_change_pfg(values[b], values[n - 1], dp, interval, n - b - 1, improvement, 1, out, e);
}

int stats_change_direction(double base, double latest, double tolerance, int improvement, int relative,
                           stats_change *out, err *e)
{
    change_init(out);
    if (improvement != 1 && improvement != -1)
        return err_set(e, ERR_INVALID, "the direction of improvement must be increase or decrease");
    if (!isfinite(base) || !isfinite(latest))
        return err_set(e, ERR_INVALID, "the base and latest values must be finite numbers");
    if (!(tolerance >= 0) || !isfinite(tolerance))
        return err_set(e, ERR_INVALID, "the tolerance must be a number >= 0, got %g", tolerance);
    if (relative && base == 0) {
        out->status = STATS_INSUFFICIENT_DATA;
        out->reason = "a relative change needs a base other than zero";
        return 0;
    }
    double c = relative ? 100 * (latest - base) / base : latest - base;
    out->change = c;
    out->threshold = tolerance;
    if (!(fabs(c) > tolerance))
        out->outcome = STATS_NO_CHANGE;
    else
        out->outcome = (c > 0) == (improvement > 0) ? STATS_IMPROVING : STATS_WORSENING;
    return 0;
}
