/*
 * spc.h - statistical process control as "Making Data Count" draws it: an
 * XmR chart with moving-range screening, the special-cause rules, their
 * precedence, and the variation and assurance icons.
 *
 * The defaults reproduce NHSRplotthedots v0.2.2 (ptd_spc): limits at mean +-
 * 2.66 AMR after dropping moving ranges >= 3.267 AMR, 7-point shift and trend
 * runs, two-in-three counted between 2 and 3 sigma. Where published tools
 * disagree the choice is an option (methods.md 7.4), never a hidden constant.
 * A series is one segment in time order with no gaps: rebasing means calling
 * spc_analyse once per segment.
 *
 * Pure C: no I/O and no allocation; the caller passes one spc_point per value.
 */
#ifndef SCORECARD_SPC_H
#define SCORECARD_SPC_H

#include <stddef.h>

#include "error.h"
#include "stats.h"

typedef enum spc_two_sigma_mode {
    SPC_TWO_SIGMA_BETWEEN = 0, /* only points between 2 and 3 sigma count (NHSRplotthedots) */
    SPC_TWO_SIGMA_BEYOND,      /* any point past 2 sigma counts (MDC guidance from late 2023) */
} spc_two_sigma_mode;

/* Rules, in precedence order: a point hit by several takes the first. */
typedef enum spc_rule {
    SPC_RULE_NONE = 0,
    SPC_RULE_ASTRONOMICAL, /* outside the process limits */
    SPC_RULE_TREND,        /* a run of trend_n strictly rising or falling points */
    SPC_RULE_TWO_IN_THREE, /* two of three points beyond two sigma, all on one side */
    SPC_RULE_SHIFT,        /* a run of shift_n points on one side of the mean */
} spc_rule;

#define SPC_RULES_ALL 0xF /* bit (1 << (rule - 1)) enables a rule */

typedef enum spc_point_type {
    SPC_COMMON_CAUSE = 0,
    SPC_IMPROVEMENT,
    SPC_CONCERN,
    SPC_NEUTRAL_HIGH,
    SPC_NEUTRAL_LOW,
} spc_point_type;

typedef enum spc_variation {
    SPC_VARIATION_NONE = 0,
    SPC_VARIATION_COMMON_CAUSE,
    SPC_VARIATION_IMPROVEMENT_HIGH,
    SPC_VARIATION_IMPROVEMENT_LOW,
    SPC_VARIATION_CONCERN_HIGH,
    SPC_VARIATION_CONCERN_LOW,
    SPC_VARIATION_NEUTRAL_HIGH,
    SPC_VARIATION_NEUTRAL_LOW,
} spc_variation;

typedef enum spc_assurance {
    SPC_ASSURANCE_NONE = 0, /* no target, or a neutral direction */
    SPC_ASSURANCE_PASS,     /* consistent_pass */
    SPC_ASSURANCE_FAIL,     /* consistent_fail */
    SPC_ASSURANCE_INCONSISTENT,
} spc_assurance;

typedef struct spc_options {
    int improvement;           /* +1 increase is better, -1 decrease, 0 neutral */
    int shift_n;               /* points on one side of the mean; 7 */
    int trend_n;               /* points in a strictly monotone run; 7 */
    spc_two_sigma_mode two_sigma_mode;
    int screen_outliers;       /* drop moving ranges >= 3.267 AMR before the limits; 1 */
    size_t baseline_n;         /* points the limits are fixed from; 0 = all */
    size_t min_points;         /* fewer points give insufficient_data; 12 */
    unsigned rules;            /* enabled rules; SPC_RULES_ALL */
    int prefer_improvement;    /* a point hit by rules of both directions reads as improvement
                                * (the MDC single chart), not by precedence; 0 */
    int has_target;
    double target;
} spc_options;

/* NHSRplotthedots v0.2.2 defaults, with min_points 12 as methods.md sets. */
void spc_options_default(spc_options *o);

/* Named presets over the defaults: "ptd_0_2_2", "mdc_2023" (two_sigma_mode
 * beyond), "mdc_excel" (no outlier screening), "powerbi_spc" (trend_n 5).
 * Returns 0 or ERR_INVALID for an unknown name. */
int spc_options_preset(spc_options *o, const char *name, err *e);

typedef struct spc_point {
    double y;
    int side;         /* relative to the mean: -1, 0 (on it), +1 */
    int outside;      /* beyond the process limits */
    int close;        /* counts for two-in-three under the mode */
    int trend;        /* part of a trend run */
    int two_in_three; /* flagged by two-in-three */
    int shift;        /* part of a shift run */
    spc_rule rule;    /* the rule that labels the point, by precedence */
    int direction;    /* +1 above / increasing, -1 below / decreasing, 0 for no rule */
    spc_point_type type;
} spc_point;

typedef struct spc_result {
    stats_status status; /* STATS_OK, or insufficient_data below min_points */
    const char *reason;
    size_t n, baseline_n;
    double mean, amr;
    size_t moving_ranges;       /* moving ranges kept for the AMR */
    double lpl, upl;            /* process limits, mean -+ 2.66 AMR */
    double lower_two_sigma, upper_two_sigma; /* mean -+ (2/3) 2.66 AMR */
    size_t special_cause;       /* points with a special-cause type */
    spc_variation variation;    /* from the last point */
    spc_assurance assurance;    /* from the target against the limits */
} spc_result;

/* Runs the chart on y[0..n) (finite values, time order). points has room for
 * n. Returns 0 (with result->status saying whether there is a chart) or an
 * ERR_* code for a non-finite value or impossible options. */
int spc_analyse(const double *y, size_t n, const spc_options *o, spc_point *points, spc_result *result, err *e);

/* ---- the rules one at a time (the NHSRplotthedots helpers), for tests and
 * for callers that bring their own flags ---- */

/* 1 at the run_n-th and later points of a run of equal non-zero sides. */
void spc_run_ends(const int *side, size_t n, int run_n, int *out);

/* 1 where a point or one of the run_n - 1 points after it is flagged (non-zero):
 * every point of a run whose end spc_run_ends or spc_trend_ends marked. */
void spc_part_of_run(const int *flags, size_t n, int run_n, int *out);

/* +1 (-1) at points ending run_n points of strictly rising (falling) values;
 * a tie breaks the run. */
void spc_trend_ends(const double *y, size_t n, int run_n, int *out);

/* 1 for every point in a window of three with at least two `close` points and
 * all three on one side of the mean. */
void spc_two_in_three_windows(const int *close, const int *side, size_t n, int *out);

/* The points two-in-three flags: in a qualifying window and close themselves. */
void spc_two_in_three_points(const int *close, const int *side, size_t n, int *out);

/* Labels points from their per-rule flags (points[i].outside, .trend,
 * .two_in_three, .shift, .side and .y already set): rule by precedence,
 * direction (for a trend, the slope on the side where the run continues) and
 * type for the improvement direction. With prefer_improvement, the first
 * rule in precedence order that reads as improvement wins instead. */
void spc_label_points(spc_point *points, size_t n, int improvement, int prefer_improvement);

/* The upstream label of a point, e.g. "Above UCL", "7 Point Trend
 * (Increasing)", "2 in 3 Below CL", "7 Points Above CL", "Common Cause". */
void spc_point_label(const spc_point *p, int trend_n, int shift_n, char *buf, size_t size);

const char *spc_rule_name(spc_rule r);             /* "astronomical", "trend", "two_in_three", "shift", "none" */
const char *spc_point_type_name(spc_point_type t); /* "common_cause", "improvement", "concern", "neutral_high/low" */
const char *spc_variation_name(spc_variation v);   /* "common_cause", "improvement_high", ... ; NULL for none */
const char *spc_assurance_name(spc_assurance a);   /* "consistent_pass", "consistent_fail", "inconsistent"; NULL for none */

/* The assurance icon for a target against the limits (ptd_calculate_assurance_type). */
spc_assurance spc_assurance_for(double lpl, double upl, double target, int improvement);

#endif
