/*
 * spc_compare.h - the Fingertips comparers that build control limits around
 * the comparator ("SPC for proportions", comparator method 5, and "SPC for
 * DSRs", method 6), and the marker for the latest value against the previous
 * period ("change from previous time period").
 *
 * Reproduced from Fingertips' own source, fingertips-open
 * (ukhsa-collaboration/fingertips-open, formerly PublicHealthEngland,
 * commit 678089724a516138232d273c4c7f511ed3c5a338), PholioVisualisationWS:
 *   Analysis/SpcForProportionsComparer.cs   SpcForProportionsComparer.Compare
 *   Analysis/SpcForDsrComparer.cs           SpcForDsrComparer.Compare
 *   Analysis/StatisticalMethods.cs          PoisLow, PoisHigh
 *   Analysis/IndicatorComparer.cs           GetSignificanceFromSDs, AdjustForPolarity
 *   Analysis/TrendBetweenTwoValuesCalculator.cs  SetTrendMarker
 *   Analysis/DoubleOverlappingCIsComparer.cs     GetSignificance, DoCIsOverlap
 * and checked against their unit tests (AnalysisTest/SpcForProportionsComparerTest.cs,
 * SpcForDsrComparerTest.cs, TrendBetweenTwoValuesCalculatorTest.cs,
 * DoubleOverlappingCIsComparerTest.cs) in tests/unit/test_spc_compare.c.
 *
 * Unlike the overlapping-interval comparers (stats_compare), the interval here
 * belongs to the comparator: limits are what an area of this size would show
 * by chance if its true value were the comparator's, and the area's own value
 * is held against them. A value strictly above the upper limit is higher, one
 * strictly below the lower limit is lower, and a value on a limit is similar
 * (GetSignificanceFromSDs compares with < and >). Polarity turns higher/lower
 * into better/worse (stats_apply_polarity). Fingertips gives no result for
 * polarity "not applicable"; STATS_NO_JUDGEMENT here is its "blue orange
 * blue" polarity, which keeps higher/lower.
 *
 * Fingertips runs each comparer at one confidence level, chosen per indicator
 * (95 or 99.8). Both are computed here: outcome95 and outcome998 are each what
 * Fingertips would show at that level. `outcome` combines them as the engine's
 * two-level rule does for intervals (stats_compare2, Fingertips method 17):
 * outside the 95% limits only is better/worse, outside the 99.8% limits too
 * is best/worst. That combination is the engine's, not a Fingertips comparer.
 *
 * Conventions are stats.h's: pure, no I/O, no allocation; 0 or a negative
 * ERR_* code for meaningless input; valid input that gives no result sets a
 * status and a reason, with outcomes STATS_OUTCOME_NOT_COMPARED. NAN is a
 * missing value (Fingertips' -1 sentinel).
 */
#ifndef SCORECARD_SPC_COMPARE_H
#define SCORECARD_SPC_COMPARE_H

#include <stddef.h>

#include "error.h"
#include "stats.h"

/* Method 5's critical values, as Fingertips stores them (ComparatorConfidence,
 * PholioReaderTest.TestGetComparatorConfidence: 1.96 at 95) and writes them in
 * its funnel plot (getSpcForProportionsLimits: 1.96 and 3.0902) and unit tests
 * (SpcForProportionsComparerTest.New95_0, New99_8). Not stats_z(0.95). */
#define STATS_SPC_Z95 1.96
#define STATS_SPC_Z998 3.0902

/* Method 6's one-sided tail probabilities (ControlLimitsBuilderSpcForDsr
 * ControlLimit2 and ControlLimit3; SpcForDsrComparerTest.New95_0, New99_8). */
#define STATS_SPC_TAIL95 0.025
#define STATS_SPC_TAIL998 0.001

typedef struct stats_spc_result {
    stats_status status;     /* STATS_OK, or why there is no comparison */
    const char *reason;      /* static text, set when status != STATS_OK */
    const char *method;      /* "SPC for proportions" or "SPC for DSRs" */
    double value;            /* the area's value, as given (times the multiplier) */
    double comparator;       /* the comparator's value, as given */
    double denominator;      /* the area's denominator or population, as given */
    double multiplier;       /* the indicator's unit: 100 for a percentage, 100000 per 100,000 */
    double expected;         /* E: the events the area would have at the comparator's value */
    double lower95, upper95; /* control limits times the multiplier; NAN without a result */
    double lower998, upper998;
    stats_outcome outcome95;  /* Fingertips at 95%: similar, better/worse (higher/lower) */
    stats_outcome outcome998; /* Fingertips at 99.8% */
    stats_outcome outcome;    /* both levels: similar, better/worse, best/worst (higher/lower) */
    const char *significance; /* "95%" or "99.8%" when outcome is not similar, else NULL */
} stats_spc_result;

/* SPC for proportions (SpcForProportionsComparer): with P0 = comparator /
 * multiplier and E = n P0, the limits are Wilson's score limits of E events
 * out of n (stats_wilson's formula) at z = 1.96 and 3.0902; the area's value
 * divided by the multiplier is compared with them. value and comparator lie in
 * [0, multiplier]; n >= 0 is the area's denominator. A zero denominator gives
 * status insufficient_data (Fingertips' IsDenominatorValid); a NAN input gives
 * status missing. Errors: a value or comparator outside [0, multiplier], a
 * negative or infinite denominator, a multiplier that is not above zero. */
int stats_spc_proportion(double value, double n, double comparator, double multiplier, stats_polarity p,
                         stats_spc_result *out, err *e);

/* SPC for DSRs (SpcForDsrComparer): E = comparator * population / multiplier,
 * and the limits are exact Poisson limits for E scaled back to a rate:
 *     lower = qgamma(0.025, ceil(E)) / population * multiplier,
 *     upper = qgamma(0.975, floor(E) + 1) / population * multiplier
 * (and 0.001 for 99.8%): the limits PoisLow and PoisHigh find by bisection,
 * which stops within 6e-8 (1 + E + m)^2 / (1 + E) events of a limit of m
 * events (under 1e-6 of it but for lower limits near 0), and
 * stats_poisson_exact's when E is a whole number. The area's DSR is compared with them. population is the
 * person-years behind the DSR (Fingertips' Denominator2, the population summed
 * over the years of the period). Statuses and errors as for proportions, with
 * value and comparator any finite numbers >= 0. */
int stats_spc_dsr(double value, double population, double comparator, double multiplier, stats_polarity p,
                  stats_spc_result *out, err *e);

/* ---- latest value against the previous period ---- */

typedef struct stats_previous {
    stats_status status;   /* missing (a value), not_compared (a 95% interval), insufficient_data (< 2 points) */
    const char *reason;
    const char *method;    /* "overlapping 95% confidence intervals" */
    stats_outcome outcome; /* increasing, decreasing or no_significant_change; STATS_OUTCOME_NONE without a result */
    double latest, previous;
    double difference;     /* latest - previous; NAN without a result */
    int overlap;           /* the two 95% intervals overlap (touching counts) */
} stats_previous;

/* Fingertips' MarkerForMostRecentValueComparedWithPreviousValue, shown as
 * "Change from previous time period" (TrendBetweenTwoValuesCalculator with
 * DoubleOverlappingCIsComparer): no significant change when the two 95%
 * intervals overlap, bounds included; otherwise increasing when the latest
 * value is above the previous one and decreasing when below. The direction is
 * not judged, as the marker is not; stats_apply_polarity turns it into
 * improving or worsening, as the Fingertips page colours the arrow. A missing
 * value or interval is a status; a lower limit above its upper is an error. */
int stats_trend_previous(double latest, double latest_lower95, double latest_upper95, double previous,
                         double previous_lower95, double previous_upper95, stats_previous *out, err *e);

/* The same on a series in time order (SetTrendMarkerFromDataList): the last
 * point against the one before it, whatever they hold; fewer than two points
 * give insufficient_data. */
int stats_trend_previous_of(const double *value, const double *lower95, const double *upper95, size_t points,
                            stats_previous *out, err *e);

#endif
