/*
 * lifetable.h - life expectancy from deaths and populations in age bands, as
 * PHEindicatormethods v2.1.0 phe_life_expectancy computes it (R/LifeExpectancy.R
 * at commit 093fd288): Chiang's abridged life table (his method II) with
 * Silcocks et al's variance for the open-ended final band, the method of the
 * PHE Life Expectancy Calculator and of ONS's local life expectancies.
 *
 * Shape. One call is one area: one group of upstream's grouped data frame.
 * The caller passes `bands` rows of deaths, population (person-years) and the
 * start age of each band, in any order; the final (oldest) band is open-ended.
 * `out` gets one result per row, out[i] being life expectancy at
 * start_ages[i], so one call answers every le_age at once (upstream's
 * le_age = "all"); stats_life_select picks rows as le_age does. Band labels
 * such as "0", "1-4", "10 – 14" or "90 +" become start ages through
 * stats_life_start_ages, which makes upstream's age_contents checks.
 *
 * Errors (ERR_INVALID, naming the band and the value): a negative or infinite
 * death count or population, a start age that is missing, negative or
 * repeated, a youngest band that does not start at 0, a confidence level
 * outside 0.9..1 (or 90..100) or of 100%. Upstream suppresses an area with
 * negative deaths or a negative population to NAs with a warning; the engine
 * rejects meaningless counts, as every stats_ function does (stats.h).
 *
 * Statuses. Valid data without a life expectancy set a status and a reason in
 * every result of the area, with value and limits NAN, in upstream's order of
 * checks (R/LifeExpectancy.R lines 236-371):
 *   - a band with zero population: insufficient_data, "an age band has zero
 *     population";
 *   - other than STATS_LIFE_BANDS (20) bands: insufficient_data, "life
 *     expectancy needs 20 age bands" (upstream counts 20 rows per group, line
 *     271, whatever age_contents holds);
 *   - deaths above the population in a band: unreliable, "an age band has more
 *     deaths than population";
 *   - a total population of 5,000 or less: insufficient_data, "total
 *     population less than 5,000" (upstream's words, though its test is
 *     total_pop <= 5000, line 351);
 *   - a missing (NAN) death count or population: missing, "a death count or
 *     population is missing" (upstream lets NA through its checks, and its
 *     case_when takes the NA rate for q = 1, so it prints numbers; not
 *     reproduced);
 *   - no deaths in the final band: insufficient_data, "no deaths in the final
 *     age band" (the documented condition; upstream divides by the zero rate
 *     and returns NA, NaN and Inf).
 * Then per band:
 *   - a 95% interval wider than 20 years (z(0.975) se > 10, at 95% whatever
 *     the level asked for): unreliable, "95% confidence interval wider than 20
 *     years"; value is NAN but, as upstream shows them, the limits are kept;
 *   - a band nobody in the table reaches (an earlier band's deaths are so
 *     many that its probability of dying is set to 1): unreliable, "no one in
 *     the life table survives to this age"; value 0 and limits NAN, as upstream
 *     gives them.
 */
#ifndef SCORECARD_LIFETABLE_H
#define SCORECARD_LIFETABLE_H

#include <stddef.h>

#include "error.h"
#include "stats.h"

/* The number of age bands the life table takes (upstream's number_age_bands). */
#define STATS_LIFE_BANDS 20

/* Upstream's default age_contents: the start ages 0, 1, 5, 10, ..., 90 as text. */
extern const char *const stats_life_age_contents[STATS_LIFE_BANDS];

typedef struct stats_life_expectancy_result {
    stats_status status;      /* STATS_OK, or why there is no value */
    const char *reason;       /* static text, set when status != STATS_OK */
    const char *method;       /* "Chiang, using Silcocks et al for confidence limits" */
    double level;             /* the requested level, as a fraction */
    double start_age;         /* the age the expectancy is at */
    double value;             /* years of life expected at start_age; NAN when suppressed */
    double lower, upper;      /* limits at `level` */
    double lower95, upper95, lower998, upper998;
    double estimate;          /* e_x before suppression: the centre of every interval */
    double se;                /* its standard error, so limits at another level are
                                 estimate -+ stats_qnorm(level + (1 - level) / 2) se */
    double pops_used;         /* population of this band and every older one (upstream's pops_used) */
    double deaths_used;       /* deaths of this band and every older one (dths_used) */
} stats_life_expectancy_result;

/* The start age of each band label (the first run of digits, as upstream's
 * sub("\\D*(\\d+).*", "\\1", ...) reads it: "10 – 14" is 10, "90 +" 90) into
 * start_ages[bands], after upstream's checks on age_contents (lines 154-176):
 * its first band must start at 0, its start ages must ascend, and the set of
 * labels must be exactly the set of age_contents (text compared as written).
 * age_contents NULL means stats_life_age_contents (`contents` is then unused). */
int stats_life_start_ages(const char *const *labels, size_t bands, const char *const *age_contents,
                          size_t contents, double *start_ages, err *e);

/* phe_life_expectancy for one area: out[i] is life expectancy at
 * start_ages[i] with limits at `level` (0.9..1 or 90..100) and at 95% and
 * 99.8%. NAN deaths or populations are missing values (a status). */
int stats_life_expectancy(const double *deaths, const double *pops, const double *start_ages, size_t bands,
                          double level, stats_life_expectancy_result *out, err *e);

/* upstream's le_age: keep[i] = 1 for the bands whose start age is one of
 * le_ages[n]; returns how many bands matched. When none matches, or n is 0
 * (le_age = "all"), every band is kept and 0 is returned: upstream warns "le_age
 * not in the vector described by age_contents; all life expectancies will be
 * returned". Upstream matches le_age against the start age field as written,
 * so with text labels it wants a label ("5-9"); here it is the start age (5). */
size_t stats_life_select(const double *start_ages, size_t bands, const double *le_ages, size_t n,
                         unsigned char *keep);

#endif
