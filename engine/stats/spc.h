/*
 * spc.h - statistical process control as "Making Data Count" draws it: XmR,
 * p, p' (Laney), u, u' (Laney) and c charts, the special-cause rules, their
 * precedence, the variation and assurance icons, and the Anhoej runs analysis.
 *
 * The defaults reproduce NHSRplotthedots v0.2.2 (ptd_spc): limits at mean +-
 * 2.66 AMR after dropping moving ranges >= 3.267 AMR, 7-point shift and trend
 * runs, two-in-three counted between 2 and 3 sigma. Where published tools
 * disagree the choice is an option (methods.md 7.4), never a hidden constant,
 * and a preset names each tool's own set: "nhsrplotthedots", "powerbi_spc"
 * (PowerBI-SPC, AUS-DOH-Safety-and-Quality) and "qicharts2" (qicharts2 0.8).
 *
 * A series is in time order with no gaps. Rebasing splits it into segments
 * (options.rebase): each segment has its own centre line, limits and rules,
 * as NHSRplotthedots does per rebase_group, PowerBI-SPC per split and
 * qicharts2 per part. Limits are per point (spc_point.lpl ...), because p and
 * u limits follow each point's denominator and segments differ.
 *
 * Pure C: no I/O and no allocation; the caller passes one spc_point per value.
 */
#ifndef SCORECARD_SPC_H
#define SCORECARD_SPC_H

#include <stddef.h>

#include "error.h"
#include "stats.h"

typedef enum spc_chart {
    SPC_CHART_XMR = 0, /* individuals: y, or numerator / denominator */
    SPC_CHART_P,       /* proportions: numerator events of denominator trials */
    SPC_CHART_PP,      /* Laney's p': p limits widened by the spread of the z-scores */
    SPC_CHART_U,       /* rates: numerator events per denominator exposure */
    SPC_CHART_UP,      /* Laney's u' */
    SPC_CHART_C,       /* counts: numerator only */
} spc_chart;

typedef enum spc_two_sigma_mode {
    SPC_TWO_SIGMA_BETWEEN = 0, /* only points between 2 and 3 sigma count (NHSRplotthedots) */
    SPC_TWO_SIGMA_BEYOND,      /* any point past 2 sigma counts (MDC guidance from late 2023, PowerBI-SPC) */
} spc_two_sigma_mode;

/* Which points of a window of three must share a side for two-in-three. */
typedef enum spc_two_in_three_side {
    SPC_2IN3_ALL_SAME_SIDE = 0, /* all three on one side of the mean (ptd_two_in_three) */
    SPC_2IN3_FLAGGED_SAME_SIDE, /* the two past two sigma past the same line, the third anywhere
                                 * (PowerBI-SPC twoInThree: a signed sum of at least 2) */
} spc_two_in_three_side;

/* Rules, in NHSRplotthedots' precedence order: a point hit by several takes the first. */
typedef enum spc_rule {
    SPC_RULE_NONE = 0,
    SPC_RULE_ASTRONOMICAL, /* outside the process limits */
    SPC_RULE_TREND,        /* a run of trend_n strictly rising or falling points */
    SPC_RULE_TWO_IN_THREE, /* two of three points beyond two sigma, all on one side */
    SPC_RULE_SHIFT,        /* a run of shift_n points on one side of the mean */
} spc_rule;

#define SPC_RULES_ALL 0xF /* bit (1 << (rule - 1)) enables a rule */

/* The order rules label a point in. */
typedef enum spc_precedence {
    SPC_PRECEDENCE_PTD = 0, /* astronomical, trend, two-in-three, shift (ptd_special_cause_type) */
    SPC_PRECEDENCE_PBI,     /* astronomical, two-in-three, trend, shift: PowerBI-SPC colours a
                             * point by shift, then trend, two-in-three, astronomical, each
                             * overriding the one before (viewModelClass) */
} spc_precedence;

/* Which flags are kept (PowerBI-SPC process_flag_type, checkFlagDirection). */
typedef enum spc_flag_filter {
    SPC_FLAG_BOTH = 0,
    SPC_FLAG_IMPROVEMENT, /* only improvement; with a neutral direction nothing is flagged */
    SPC_FLAG_CONCERN,     /* only deterioration; likewise */
} spc_flag_filter;

/* How the variation icon is read from the last point. */
typedef enum spc_icons_mode {
    SPC_ICONS_LAST_TYPE = 0, /* the last point's type, one icon (NHSRplotthedots) */
    SPC_ICONS_LAST_FLAGS,    /* every rule flagging the last point gives its icon, improvement
                              * first (PowerBI-SPC variationIconsToDraw, flag_last_point) */
} spc_icons_mode;

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
    int screen_outliers;       /* drop moving ranges >= 3.267 AMR before the limits (for p' and
                                * u' the moving ranges of the z-scores); 1 */
    size_t baseline_n;         /* points of each segment the limits are fixed from; 0 = all
                                * (fix_after_n_points, counted per rebase group) */
    size_t min_points;         /* fewer points give insufficient_data; 12 */
    unsigned rules;            /* enabled rules; SPC_RULES_ALL */
    int prefer_improvement;    /* a point hit by rules of both directions reads as improvement
                                * (the MDC single chart), not by precedence; 0 */
    int has_target;
    double target;

    /* ---- added with the chart family ---- */
    spc_chart chart;           /* SPC_CHART_XMR; other charts need spc_analyse_counts */
    double amr_limit;          /* XmR limits at mean +- amr_limit * AMR: 2.66 as NHSRplotthedots
                                * writes it; 3 / 1.128 in PowerBI-SPC and qicharts2 */
    spc_two_in_three_side two_in_three_side; /* SPC_2IN3_ALL_SAME_SIDE */
    spc_precedence precedence;               /* SPC_PRECEDENCE_PTD */
    spc_flag_filter flags;                   /* SPC_FLAG_BOTH */
    spc_icons_mode icons;                    /* SPC_ICONS_LAST_TYPE */
    size_t short_n;            /* segments with fewer points have trial limits; 13, the default of
                                * ptd_add_short_group_warnings (getOption(..., 13)) */
    const size_t *rebase;      /* 0-based first points of new segments, increasing; NULL */
    size_t rebase_n;
    const size_t *exclude;     /* 0-based points left out of the limits and the runs analysis but
                                * still judged against the limits (qicharts2 exclude); NULL */
    size_t exclude_n;
    const double *targets;     /* a target per point (NAN: none there), or NULL for `target`;
                                * assurance reads the last point's, as upstream does */
} spc_options;

/* NHSRplotthedots v0.2.2 defaults, with min_points 12 as methods.md sets. */
void spc_options_default(spc_options *o);

/* Named presets over the current options; the series' own settings (chart,
 * improvement, target, targets, rebase, exclude, baseline_n, min_points,
 * prefer_improvement) are left as they are:
 *   "nhsrplotthedots" (alias "ptd_0_2_2"): every rule option as NHSRplotthedots;
 *   "mdc_2023": two_sigma_mode beyond; "mdc_excel": no outlier screening;
 *   "powerbi_spc": PowerBI-SPC's defaults with every rule switched on - limits
 *     at 3 sigma = 3 AMR / 1.128, screening (outliers_in_limits false), trend 5,
 *     shift 7, two-in-three beyond 2 sigma with the flagged points on one side,
 *     astronomical > two-in-three > trend > shift, icons from every flag;
 *   "qicharts2": limits at 3 AMR / 1.128, screening (qic.screenedmr, which
 *     library(qicharts2) sets), only the astronomical rule: the Anhoej runs
 *     analysis (spc_result.runs) is its test for non-random variation.
 * Returns 0 or ERR_INVALID for an unknown name. */
int spc_options_preset(spc_options *o, const char *name, err *e);

typedef struct spc_point {
    double y;         /* the plotted value: y, numerator / denominator, or the count */
    int side;         /* relative to the centre line: -1, 0 (on it), +1 */
    int outside;      /* beyond the process limits */
    int close;        /* counts for two-in-three under the mode */
    int trend;        /* part of a trend run */
    int two_in_three; /* flagged by two-in-three */
    int shift;        /* part of a shift run */
    spc_rule rule;    /* the rule that labels the point, by precedence */
    int direction;    /* +1 above / increasing, -1 below / decreasing, 0 for no rule */
    spc_point_type type;

    /* ---- added with the chart family ---- */
    double cl;                               /* centre line of the point's segment */
    double lpl, upl;                         /* process (3 sigma) limits at this point */
    double lower_two_sigma, upper_two_sigma; /* two-sigma lines at this point */
    double target;                           /* the point's target, NAN for none */
    size_t segment;                          /* 0-based segment (rebase group) */
    int trial;                               /* its segment is shorter than short_n */
    int excluded;                            /* left out of limits and runs (options.exclude) */
    int dirs[4];                             /* per rule (index rule - 1): +1 high, -1 low, 0 not
                                              * flagged, after the flag filter */
    int runs_signal;                         /* its segment's Anhoej runs signal */
} spc_point;

/* The Anhoej runs analysis of one segment (qicharts2 runs.analysis, crsignal
 * with method "anhoej"). Points on the centre line are not useful. */
typedef struct spc_runs {
    size_t n_obs;           /* points analysed (not excluded) */
    size_t useful;          /* of those, not on the centre line */
    size_t longest_run;     /* longest run of useful points on one side */
    size_t longest_run_max; /* round(log2(useful)) + 3 (Schilling 2012) */
    size_t crossings;       /* runs - 1 */
    size_t crossings_min;   /* qbinom(0.05, useful - 1, 0.5) (Chen 2010) */
    int signal;             /* longest_run > longest_run_max or crossings < crossings_min */
} spc_runs;

typedef struct spc_result {
    stats_status status; /* STATS_OK, or insufficient_data below min_points */
    const char *reason;
    size_t n, baseline_n;       /* baseline_n: points the last segment's limits came from */
    double mean, amr;           /* the last segment's centre line; its AMR (of y for XmR, of the
                                 * z-scores for p' and u', NAN for p, u and c) */
    size_t moving_ranges;       /* moving ranges kept for the AMR */
    double lpl, upl;            /* the last point's process limits */
    double lower_two_sigma, upper_two_sigma; /* the last point's two-sigma lines */
    size_t special_cause;       /* points with a special-cause type */
    spc_variation variation;    /* from the last point */
    spc_assurance assurance;    /* from the last point's target against its limits */

    /* ---- added with the chart family ---- */
    spc_chart chart;
    double sigma_z;             /* p' and u': AMR(z) / 1.128 of the last segment; NAN otherwise */
    double target;              /* the target assurance read, NAN for none */
    size_t segments;            /* rebase groups */
    size_t short_segments;      /* segments shorter than short_n (trial limits) */
    int trial;                  /* the last segment has trial limits */
    const char *warning;        /* NHSRplotthedots' short-group warning when short_segments, else NULL */
    size_t icons;               /* variation icons (1 unless icons mode is LAST_FLAGS) */
    spc_variation icon[4];      /* icon[0] == variation */
    spc_runs runs;              /* the last segment's runs analysis */
} spc_result;

/* Runs the chart on y[0..n) (finite values, time order). points has room for
 * n. Returns 0 (with result->status saying whether there is a chart) or an
 * ERR_* code for a non-finite value or impossible options. The chart must be
 * XmR: the others take counts. */
int spc_analyse(const double *y, size_t n, const spc_options *o, spc_point *points, spc_result *result, err *e);

/* Runs o->chart on counts. XmR plots num / den (num alone when den is NULL);
 * p and p' need 0 <= num <= den, den > 0; u and u' num >= 0, den > 0; c uses
 * num >= 0 and ignores den (may be NULL). Centre lines are sum(num) / sum(den)
 * over the baseline (the mean count for c); sigma is sqrt(cl (1 - cl) / den)
 * for p, sqrt(cl / den) for u and sqrt(cl) for c, times AMR(z) / 1.128 for the
 * Laney charts; limits cl +- 3 sigma, two sigma lines cl +- 2 sigma, lower ones
 * clamped at 0 and p upper ones at 1 (qicharts2 qic.p ... qic.up; PowerBI-SPC
 * pLimits ... uprimeLimits). */
int spc_analyse_counts(const double *num, const double *den, size_t n, const spc_options *o, spc_point *points,
                       spc_result *result, err *e);

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
 * rule in precedence order that reads as improvement wins instead. Sets
 * points[i].dirs too. */
void spc_label_points(spc_point *points, size_t n, int improvement, int prefer_improvement);

/* The upstream label of a point, e.g. "Above UCL", "7 Point Trend
 * (Increasing)", "2 in 3 Below CL", "7 Points Above CL", "Common Cause". */
void spc_point_label(const spc_point *p, int trend_n, int shift_n, char *buf, size_t size);

/* ---- the PowerBI-SPC flag functions (src/Outlier Flagging), each on plain
 * arrays: out[i] is +1 ("upper"), -1 ("lower") or 0 ("none") ---- */

/* astronomical.ts: outside [ll, ul]; a point on a limit is inside. */
void spc_pbi_astronomical(const double *y, const double *ll, const double *ul, size_t n, int *out);

/* twoInThree.ts: at least two of the last three points past the same
 * two-sigma line; only those points are flagged unless highlight_series. */
void spc_pbi_two_in_three(const double *y, const double *ll95, const double *ul95, size_t n, int highlight_series,
                          int *out);

/* trend.ts: run_n points each above (below) the one before; a later run
 * overwrites the points it shares with an earlier one. run_n >= 2. */
void spc_pbi_trend(const double *y, size_t n, int run_n, int *out);

/* shift.ts: run_n points on one side of their centre lines cl[i]. run_n >= 1. */
void spc_pbi_shift(const double *y, const double *cl, size_t n, int run_n, int *out);

/* checkFlagDirection.ts: the type a flag of direction dir (+1, -1, 0) reads
 * as, SPC_COMMON_CAUSE for none or one the filter drops. */
spc_point_type spc_flag_type(int dir, int improvement, spc_flag_filter filter);

/* variationIconsToDraw.ts: the icons from the rule flags (points[i].dirs) of
 * the last point, or of every point unless last_only: improvement, concern,
 * neutral low, neutral high, in that order, or common cause alone. Returns
 * the count (1 to 4). */
size_t spc_variation_icons(const spc_point *points, size_t n, int improvement, int last_only, spc_variation out[4]);

/* ---- the Anhoej runs analysis (qicharts2 runs.analysis) ---- */

/* The runs analysis of y against centre lines cl (points with NAN y or cl
 * are left out). */
void spc_runs_analysis(const double *y, const double *cl, size_t n, spc_runs *out);

/* round(log2(useful)) + 3; 0 for no useful points. */
size_t spc_longest_run_max(size_t useful);

/* qbinom(0.05, useful - 1, 0.5) as R computes it: the smallest k with
 * P(X <= k) >= 0.05 for X ~ Binomial(useful - 1, 1/2). */
size_t spc_crossings_min(size_t useful);

const char *spc_rule_name(spc_rule r);             /* "astronomical", "trend", "two_in_three", "shift", "none" */
const char *spc_point_type_name(spc_point_type t); /* "common_cause", "improvement", "concern", "neutral_high/low" */
const char *spc_variation_name(spc_variation v);   /* "common_cause", "improvement_high", ... ; NULL for none */
const char *spc_assurance_name(spc_assurance a);   /* "consistent_pass", "consistent_fail", "inconsistent"; NULL for none */
const char *spc_chart_name(spc_chart c);           /* "xmr", "p", "pp", "u", "up", "c" */

/* The assurance icon for a target against the limits (ptd_calculate_assurance_type). */
spc_assurance spc_assurance_for(double lpl, double upl, double target, int improvement);

#endif
