/*
 * funnel.h - funnel plots as PHEindicatormethods v2.1.0 draws them (R/Funnels.R
 * and the helpers in R/utils.R): the control limits of a funnel chart
 * (calculate_funnel_limits), the position of each area against them
 * (assign_funnel_significance) and the points of a rate funnel
 * (calculate_funnel_points), for proportions, ratios (counts against expected
 * counts, or indirectly standardised ratios) and rates (directly standardised
 * or crude).
 *
 * The limits are those of the Fingertips technical guidance: Wilson score
 * limits solved for the proportion at which an area's interval just touches
 * the average (sigma_adjustment), and exact Poisson limits found by the
 * bisection of the Excel macro (poisson_funnel), so the values agree with the
 * package's to its own printing precision. The areas are judged by Byar's
 * method from 10 events and exact Poisson limits below
 * (funnel_ratio_significance), or by Wilson limits for proportions.
 *
 * Conventions (stats.h): pure functions, no I/O, no allocation; a missing
 * value is NAN; meaningless input is a negative ERR_* code with a message
 * that names the record (1-based); valid input with no result is a status.
 */
#ifndef SCORECARD_FUNNEL_H
#define SCORECARD_FUNNEL_H

#include <stddef.h>

#include "error.h"
#include "stats.h"

/* The number of x-axis points of a funnel chart, as upstream draws it. */
#define STATS_FUNNEL_ROWS 100

/* What the areas' numbers are: upstream's statistic with its ratio_type or
 * rate_type. */
typedef enum stats_funnel_kind {
    STATS_FUNNEL_PROPORTION = 0, /* numerator x of denominator n */
    STATS_FUNNEL_RATIO_COUNT,    /* observed O against expected E; limits as O/E - 1 */
    STATS_FUNNEL_RATIO_ISR,      /* observed O against expected E; limits as 100 O/E */
    STATS_FUNNEL_RATE_DSR,       /* events and a directly standardised rate per multiplier */
    STATS_FUNNEL_RATE_CRUDE,     /* events and a crude rate per multiplier */
} stats_funnel_kind;

/* "proportion", "ratio_count", "ratio_isr", "rate_dsr", "rate_crude". */
const char *stats_funnel_kind_name(stats_funnel_kind k);

/* The areas, one value of each array per record; NAN is missing. */
typedef struct stats_funnel_input {
    size_t n;
    const double *numerator;   /* x, O, or the events of a rate */
    const double *denominator; /* n, E, or (rates) the population, needed only where there are no
                                * events; NULL when not supplied (allowed for rates only) */
    const double *rate;        /* rates only: the rate per multiplier; NULL for other kinds */
} stats_funnel_input;

/* One x-axis point of the chart and its four limits. */
typedef struct stats_funnel_row {
    double x;        /* upstream's Population (proportions), Observed_events (ratios) or Events (rates) */
    double lower95;  /* lower_2s_limit: the 95% (0.025) lower limit */
    double upper95;  /* upper_2s_limit */
    double lower998; /* lower_3s_limit: the 99.8% (0.001) lower limit */
    double upper998; /* upper_3s_limit */
    /* Where x lies on each limit: ratios the expected events (lower_2s_exp_events ...),
     * rates the population of one year (lower_2s_population_1_year ...); NAN for
     * proportions. */
    double lower95_at, upper95_at, lower998_at, upper998_at;
} stats_funnel_row;

/* calculate_funnel_limits: the chart's baseline, axis and limits. */
typedef struct stats_funnel_chart {
    stats_status status;    /* STATS_OK, or insufficient_data (no records, no events for a rate) */
    const char *reason;     /* static text, set when status != STATS_OK */
    stats_funnel_kind kind;
    double average;         /* av: the sum of the numerators over the sum of the (derived) denominators */
    double baseline;        /* av times the multiplier; NAN for ratios, which have no baseline column */
    double min_denominator; /* of the (derived) denominators: n, E or the rates' populations */
    double max_denominator;
    double axis_min, axis_max; /* the x-axis range (rates: in events) */
    char statistic[64];     /* upstream's statistic column: "proportion", "ratio (count)",
                             * "rate (dsr per 100,000)" */
    const char *method;     /* "Wilson" or "Poisson" */
    stats_funnel_row row[STATS_FUNNEL_ROWS];
} stats_funnel_chart;

/* calculate_funnel_limits(data, numerator, denominator, rate, statistic, ratio_type, rate_type,
 * multiplier, years_of_data). `multiplier` (above zero) scales proportions and
 * rates; ratios require it but ignore it, as upstream does (ISR limits are
 * always per 100); `years_of_data` (rates only, else ignored) turns
 * populations into populations of one year. Proportion limits are clamped to
 * [0, 100] whatever the multiplier, as upstream clamps them. */
int stats_funnel_limits(const stats_funnel_input *in, stats_funnel_kind kind, double multiplier,
                        double years_of_data, stats_funnel_chart *out, err *e);

/* An area's position on the funnel, in upstream's factor order. */
typedef enum stats_funnel_position {
    STATS_FUNNEL_NO_VALUE = 0,    /* its limit is missing (a missing expected count or rate);
                                   * upstream labels it "Not significant" */
    STATS_FUNNEL_HIGH_998,        /* "High (0.001)": above the 99.8% limits */
    STATS_FUNNEL_HIGH_95,         /* "High (0.025)": above the 95% limits only */
    STATS_FUNNEL_LOW_998,         /* "Low (0.001)" */
    STATS_FUNNEL_LOW_95,          /* "Low (0.025)" */
    STATS_FUNNEL_NOT_SIGNIFICANT, /* "Not significant": within the 95% limits */
    STATS_FUNNEL_NOT_APPLICABLE,  /* "Not applicable for events less than 10 for dsrs" */
} stats_funnel_position;

/* "no_value", "high_998", "high_95", "low_998", "low_95", "not_significant", "not_applicable". */
const char *stats_funnel_position_name(stats_funnel_position p);
/* Upstream's significance text: "High (0.001)", ..., "Not significant", "Not applicable for
 * events less than 10 for dsrs". */
const char *stats_funnel_position_label(stats_funnel_position p);

/* assign_funnel_significance: the position of each of in->n areas into `out`
 * (room for n). `multiplier` is the rates' (ignored for proportions and
 * ratios). `average` (may be NULL) gets what the areas are held against: the
 * average proportion, 1 for ratios, the rates' weighted average per person. */
int stats_funnel_significance(const stats_funnel_input *in, stats_funnel_kind kind, double multiplier,
                              stats_funnel_position *out, double *average, err *e);

/* calculate_funnel_points (rates only): the rate to chart and the population
 * of one year for each area (room for n each); NAN for a DSR under 10 events. */
int stats_funnel_points(const stats_funnel_input *in, stats_funnel_kind kind, double multiplier,
                        double years_of_data, double *rate_chart, double *denominator_derived, err *e);

/* ---- the upstream building blocks, for a limit at one area's own size ---- */

/* Upstream's side argument: which way a limit lies. */
typedef enum stats_funnel_side {
    STATS_FUNNEL_LOW = 0,
    STATS_FUNNEL_HIGH,
} stats_funnel_side;

/* sigma_adjustment(p, population, average_proportion, side, multiplier): the
 * proportion (times multiplier) whose Wilson limit at the one-sided
 * probability p (0.975 or 0.999) is the average, for a denominator of
 * `population`. NAN for arguments out of range. */
double stats_funnel_sigma(double p, double population, double average, stats_funnel_side side,
                          double multiplier);

/* Counts above this take stats_funnel_poisson's exact form, not upstream's
 * series (see funnel.c): the largest count in the reference tests is 1,360. */
#define STATS_FUNNEL_SERIES_MAX 5000

/* poisson_funnel(obs, p, side): the expected count at which obs events are on
 * the tail probability p (0.025, 0.001); side HIGH gives the one below which
 * obs is significantly high (the lower limit's), LOW the upper limit's. NAN
 * for arguments out of range. Its cost grows with obs (a Poisson series) up to
 * STATS_FUNNEL_SERIES_MAX, and is constant above. */
double stats_funnel_poisson(double obs, double p, stats_funnel_side side);

/* funnel_ratio_significance(obs, expected, p, side): the lower (LOW) or upper
 * (HIGH) limit at the two-sided level p (0.95, 0.998) of obs events over
 * `expected`: exact Poisson below 10 events, Byar's from 10. */
double stats_funnel_ratio_limit(double obs, double expected, double p, stats_funnel_side side);

#endif
