/* lifetable.c - life expectancy by Chiang's abridged life table with Silcocks'
 * variance; see lifetable.h. Each step cites the lines of PHEindicatormethods'
 * R/LifeExpectancy.R (v2.1.0, commit 093fd288) it reproduces, in the same
 * order of floating-point operations, so the values agree to the last bits. */
#include "lifetable.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const stats_life_age_contents[STATS_LIFE_BANDS] = {
    "0", "1", "5", "10", "15", "20", "25", "30", "35", "40", "45", "50", "55", "60", "65", "70", "75", "80", "85", "90",
};

static const char *const METHOD = "Chiang, using Silcocks et al for confidence limits";

/* ---- band labels (lines 154-180) ---- */

/* The first run of digits of a label, as as.integer(sub("\\D*(\\d+).*", "\\1",
 * label)) reads it. -1 when the label has none, or more than as.integer holds. */
static int label_start(const char *label, double *age)
{
    const char *s = label;
    while (*s && !isdigit((unsigned char)*s))
        s++;
    if (!*s)
        return -1;
    long long v = 0;
    for (; isdigit((unsigned char)*s); s++) {
        v = v * 10 + (*s - '0');
        if (v > 2147483647LL)
            return -1;
    }
    *age = (double)v;
    return 0;
}

/* The value at position j of the sorted start ages of `contents` (R's
 * sort(stripped_age_contents)[j]): the v with #{< v} <= j < #{<= v}. */
static double sorted_start(const char *const *contents, size_t n, size_t j)
{
    for (size_t c = 0; c < n; c++) {
        double v, w;
        label_start(contents[c], &v);
        size_t below = 0, upto = 0;
        for (size_t k = 0; k < n; k++) {
            label_start(contents[k], &w);
            below += w < v;
            upto += w <= v;
        }
        if (below <= j && j < upto)
            return v;
    }
    return NAN;
}

/* Lines 158-162: the labels whose start age is not where sorting puts it. */
static int out_of_order(const char *const *contents, size_t n, err *e)
{
    char list[900];
    size_t used = 0;
    list[0] = '\0';
    for (size_t j = 0; j < n; j++) {
        double v;
        label_start(contents[j], &v);
        if (v == sorted_start(contents, n, j))
            continue;
        int w = snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", contents[j]);
        if (w < 0 || (size_t)w >= sizeof list - used)
            break;
        used += (size_t)w;
    }
    return err_set(e, ERR_INVALID,
                   "age_contents doesn't appear to be in ascending order; the following age bands appear out of "
                   "position: %s",
                   list);
}

static const char *const MISMATCH = "the contents in the startage field do not match the contents of the "
                                    "age_contents vector";

int stats_life_start_ages(const char *const *labels, size_t bands, const char *const *age_contents,
                          size_t contents, double *start_ages, err *e)
{
    if (!age_contents) {
        age_contents = stats_life_age_contents;
        contents = STATS_LIFE_BANDS;
    }
    if (contents == 0)
        return err_set(e, ERR_INVALID, "age_contents has no age bands");
    if (bands > 0 && (!labels || !start_ages))
        return err_set(e, ERR_USAGE, "life expectancy needs the band labels and room for their start ages");
    double v, prev = 0;
    int ascending = 1;
    for (size_t j = 0; j < contents; j++) {
        if (!age_contents[j] || label_start(age_contents[j], &v))
            return err_set(e, ERR_INVALID, "age_contents band %zu \"%s\" has no start age", j + 1,
                           age_contents[j] ? age_contents[j] : "");
        if (j == 0 && v != 0) /* line 156 */
            return err_set(e, ERR_INVALID, "first age band in age_contents must be 0, not \"%s\"", age_contents[0]);
        if (j > 0 && v < prev)
            ascending = 0;
        prev = v;
    }
    if (!ascending)
        return out_of_order(age_contents, contents, e);
    /* Line 175: identical(sort(unique(labels)), sort(age_contents)) as text, so
     * every label is in age_contents, every entry of it labels some band and
     * none is written twice. */
    for (size_t i = 0; i < bands; i++) {
        size_t j = 0;
        if (!labels[i])
            return err_set(e, ERR_INVALID, "%s: band %zu has no label", MISMATCH, i + 1);
        while (j < contents && strcmp(labels[i], age_contents[j]) != 0)
            j++;
        if (j == contents)
            return err_set(e, ERR_INVALID, "%s: band %zu \"%s\" is not in age_contents", MISMATCH, i + 1, labels[i]);
    }
    for (size_t j = 0; j < contents; j++) {
        for (size_t k = 0; k < j; k++) {
            if (strcmp(age_contents[k], age_contents[j]) == 0)
                return err_set(e, ERR_INVALID, "%s: \"%s\" appears twice in age_contents", MISMATCH, age_contents[j]);
        }
        size_t i = 0;
        while (i < bands && strcmp(labels[i], age_contents[j]) != 0)
            i++;
        if (i == bands)
            return err_set(e, ERR_INVALID, "%s: no band is \"%s\"", MISMATCH, age_contents[j]);
    }
    for (size_t i = 0; i < bands; i++)
        label_start(labels[i], &start_ages[i]); /* line 180 */
    return 0;
}

/* ---- the life table ---- */

static void result_init(stats_life_expectancy_result *r, double level, double start_age)
{
    r->status = STATS_OK;
    r->reason = NULL;
    r->method = METHOD;
    r->level = level;
    r->start_age = start_age;
    r->value = r->lower = r->upper = NAN;
    r->lower95 = r->upper95 = r->lower998 = r->upper998 = NAN;
    r->estimate = r->se = NAN;
    r->pops_used = r->deaths_used = NAN;
}

/* An area upstream suppresses whole: every band NA (lines 372-377, 473). */
static int suppress(stats_life_expectancy_result *out, size_t bands, stats_status status, const char *reason)
{
    for (size_t i = 0; i < bands; i++) {
        out[i].status = status;
        out[i].reason = reason;
    }
    return 0;
}

static int check_bands(const double *deaths, const double *pops, const double *start_ages, size_t bands, err *e)
{
    double youngest = INFINITY;
    for (size_t i = 0; i < bands; i++) {
        double a = start_ages[i], d = deaths[i], p = pops[i];
        if (!(a >= 0) || !isfinite(a))
            return err_set(e, ERR_INVALID, "band %zu: start age %g must be a number of years >= 0", i + 1, a);
        if (!isnan(d) && (d < 0 || !isfinite(d)))
            return err_set(e, ERR_INVALID, "band %zu (start age %g): deaths %g must be a finite number >= 0", i + 1,
                           a, d);
        if (!isnan(p) && (p < 0 || !isfinite(p)))
            return err_set(e, ERR_INVALID, "band %zu (start age %g): population %g must be a finite number >= 0",
                           i + 1, a, p);
        for (size_t k = 0; k < i; k++) {
            if (start_ages[k] == a)
                return err_set(e, ERR_INVALID, "start age %g appears twice, in bands %zu and %zu", a, k + 1, i + 1);
        }
        if (a < youngest)
            youngest = a;
    }
    if (youngest != 0) /* line 156: the first band of age_contents starts at 0 */
        return err_set(e, ERR_INVALID, "the youngest age band must start at 0, not %g", youngest);
    return 0;
}

/* Lines 475-482: pops_used and dths_used, cumulative sums from the oldest band
 * down. R's cumsum adds in long double (src/main/cum.c); so does this. The
 * start ages are distinct, so each pass finds the next younger band. */
static void cumulative(const double *deaths, const double *pops, const double *start_ages, size_t bands,
                       stats_life_expectancy_result *out)
{
    long double sp = 0, sd = 0;
    double prev = INFINITY;
    for (size_t k = 0; k < bands; k++) {
        size_t b = bands;
        for (size_t j = 0; j < bands; j++) {
            if (start_ages[j] < prev && (b == bands || start_ages[j] > start_ages[b]))
                b = j;
        }
        sp += pops[b];
        sd += deaths[b];
        out[b].pops_used = (double)sp;
        out[b].deaths_used = (double)sd;
        prev = start_ages[b];
    }
}

/* The upstream checks that suppress an area (lines 236-371, in their order)
 * and a missing value, under which the table cannot be computed. Returns the
 * status, STATS_OK when none applies. */
static stats_status area_status(const double *deaths, const double *pops, size_t bands, const char **reason)
{
    for (size_t i = 0; i < bands; i++) {
        if (pops[i] == 0) {
            *reason = "an age band has zero population";
            return STATS_INSUFFICIENT_DATA;
        }
    }
    if (bands != STATS_LIFE_BANDS) {
        *reason = "life expectancy needs 20 age bands";
        return STATS_INSUFFICIENT_DATA;
    }
    long double total = 0;
    for (size_t i = 0; i < bands; i++) {
        if (deaths[i] > pops[i]) {
            *reason = "an age band has more deaths than population";
            return STATS_UNRELIABLE;
        }
        total += pops[i];
    }
    if (total <= 5000) {
        *reason = "total population less than 5,000";
        return STATS_INSUFFICIENT_DATA;
    }
    for (size_t i = 0; i < bands; i++) {
        if (isnan(deaths[i]) || isnan(pops[i])) {
            *reason = "a death count or population is missing";
            return STATS_MISSING;
        }
    }
    return STATS_OK;
}

int stats_life_expectancy(const double *deaths, const double *pops, const double *start_ages, size_t bands,
                          double level, stats_life_expectancy_result *out, err *e)
{
    if (bands > 0 && (!deaths || !pops || !start_ages || !out))
        return err_set(e, ERR_USAGE, "life expectancy needs deaths, populations and start ages");
    if (bands == 0)
        return err_set(e, ERR_INVALID, "life expectancy needs age bands");
    double lv = 0;
    int rc = stats_level(level, &lv, e); /* lines 165-167, 385 */
    if (rc)
        return rc;
    if (lv >= 1)
        return err_set(e, ERR_INVALID, "a confidence level of 100%% has no finite interval for life expectancy");
    rc = check_bands(deaths, pops, start_ages, bands, e);
    if (rc)
        return rc;
    for (size_t i = 0; i < bands; i++)
        result_init(&out[i], lv, start_ages[i]);
    cumulative(deaths, pops, start_ages, bands, out);

    const char *reason = NULL;
    stats_status st = area_status(deaths, pops, bands, &reason);
    if (st != STATS_OK)
        return suppress(out, bands, st, reason);

    /* Lines 183-200: the table runs from the youngest band to the oldest. */
    enum { N = STATS_LIFE_BANDS };
    size_t ord[N];
    for (size_t i = 0; i < N; i++) {
        size_t k = i;
        while (k > 0 && start_ages[ord[k - 1]] > start_ages[i]) {
            ord[k] = ord[k - 1];
            k--;
        }
        ord[k] = i;
    }
    if (deaths[ord[N - 1]] == 0)
        return suppress(out, bands, STATS_INSUFFICIENT_DATA, "no deaths in the final age band");

    /* Lines 390-404: n_i the band width (2 / M_i for the open final band),
     * a_i the fraction of the band lived by those who die in it (0.1 in the
     * first year of life, else 0.5), M_i = D_i / P_i, and q_i the probability
     * of dying in the band, set to 1 where D_i > P_i / n_i / a_i. */
    double n[N], a[N], m[N], q[N], p[N], l[N], d[N], L[N], T[N], ex[N], sp[N], w[N], se[N];
    for (size_t k = 0; k < N; k++) {
        size_t i = ord[k];
        double dd = deaths[i], pp = pops[i];
        a[k] = start_ages[i] == 0 ? 0.1 : 0.5;
        m[k] = dd / pp;
        n[k] = k + 1 < N ? start_ages[ord[k + 1]] - start_ages[i] : 2 / m[k];
        q[k] = dd <= pp / n[k] / a[k] ? m[k] * n[k] / (1 + m[k] * n[k] * (1 - a[k])) : 1;
        p[k] = 1 - q[k];
    }
    /* Lines 405-412: l_i survivors of 100,000, cumprod(l * lag(p, default = 1)),
     * which R multiplies in long double (src/main/cum.c). */
    long double prod = 1;
    for (size_t k = 0; k < N; k++) {
        prod *= k == 0 ? 1e5 * 1.0 : 1.0 * p[k - 1];
        l[k] = k == 0 ? 1e5 : (double)prod;
    }
    /* Lines 413-421: d_i deaths in the table, L_i person-years lived (l/M in
     * the open band), T_i person-years lived from the band on (a reversed
     * cumsum, in long double), e_i = T_i / l_i (0 where nobody is left). */
    for (size_t k = 0; k < N; k++) {
        d[k] = l[k] - (k + 1 < N ? l[k + 1] : 0);
        L[k] = k + 1 < N ? n[k] * (l[k + 1] + a[k] * d[k]) : l[k] / m[k];
    }
    long double sum = 0;
    for (size_t k = N; k-- > 0;) {
        sum += L[k];
        T[k] = (double)sum;
    }
    for (size_t k = 0; k < N; k++)
        ex[k] = l[k] == 0 ? 0 : T[k] / l[k];
    /* Lines 422-433: the variance of q_i, q^2 (1 - q) / D (0 where no one dies
     * in the table), and for the open band Silcocks' 4 / (D M^2); weighted by
     * l_i^2 ((1 - a_i) n_i + e_{i+1})^2, or (l/2)^2 in the open band, summed
     * from the band on (long double again) and scaled by l_i^2. */
    for (size_t k = 0; k < N; k++) {
        double dd = deaths[ord[k]];
        sp[k] = d[k] == 0 ? 0 : (q[k] * q[k]) * (1 - q[k]) / dd;
        if (k + 1 == N)
            sp[k] = 4 / (dd * (m[k] * m[k]));
        if (k + 1 < N) {
            double f = (1 - a[k]) * n[k] + ex[k + 1];
            w[k] = sp[k] * (l[k] * l[k]) * (f * f);
        } else {
            w[k] = ((l[k] / 2) * (l[k] / 2)) * sp[k];
        }
    }
    sum = 0;
    for (size_t k = N; k-- > 0;) {
        sum += w[k];
        se[k] = sqrt((double)sum / (l[k] * l[k]));
    }

    /* Lines 387, 434-471: limits e -+ z se with z = qnorm(level + (1 -
     * level) / 2); values whose 95% interval is wider than 20 years are
     * suppressed (the limits stay); ages nobody reaches keep e = 0. */
    const double levels[3] = {lv, 0.95, 0.998};
    double z[3];
    for (int j = 0; j < 3; j++)
        z[j] = stats_qnorm(levels[j] + (1 - levels[j]) / 2);
    const double z975 = stats_qnorm(0.975);
    for (size_t k = 0; k < N; k++) {
        stats_life_expectancy_result *r = &out[ord[k]];
        r->estimate = ex[k];
        r->se = se[k];
        r->lower = ex[k] - z[0] * se[k];
        r->upper = ex[k] + z[0] * se[k];
        r->lower95 = ex[k] - z[1] * se[k];
        r->upper95 = ex[k] + z[1] * se[k];
        r->lower998 = ex[k] - z[2] * se[k];
        r->upper998 = ex[k] + z[2] * se[k];
        if (l[k] == 0) {
            r->status = STATS_UNRELIABLE;
            r->reason = "no one in the life table survives to this age";
            r->value = ex[k];
        } else if (z975 * se[k] > 10) {
            r->status = STATS_UNRELIABLE;
            r->reason = "95% confidence interval wider than 20 years";
        } else {
            r->value = ex[k];
        }
    }
    return 0;
}

/* Lines 492-508. */
size_t stats_life_select(const double *start_ages, size_t bands, const double *le_ages, size_t n,
                         unsigned char *keep)
{
    size_t matched = 0;
    for (size_t i = 0; i < bands; i++) {
        keep[i] = 0;
        for (size_t j = 0; j < n; j++) {
            if (start_ages[i] == le_ages[j]) {
                keep[i] = 1;
                matched++;
                break;
            }
        }
    }
    if (matched == 0) {
        for (size_t i = 0; i < bands; i++)
            keep[i] = 1;
    }
    return matched;
}
