/* spc.c - XmR, p, p', u, u' and c charts, the Making Data Count rules, the
 * PowerBI-SPC flag functions and the Anhoej runs analysis; see spc.h. */
#include "spc.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The XmR constants as NHSRplotthedots writes them (ptd_spc_standard): 3 sigma
 * is 2.66 AMR (sigma = AMR / 1.128), and the two-sigma lines are two thirds of
 * that. PowerBI-SPC (iLimits) and qicharts2 (qic.i) divide by d2 = 1.128
 * instead, so their 3 sigma is 3 / 1.128 = 2.6596 AMR. 3.267 (D4) is the upper
 * limit of a moving range, the screening cut-off in all three. */
#define SPC_LIMIT 2.66
#define SPC_D2 1.128
#define SPC_SCREEN 3.267
#define SPC_MAX_RUN 1000

/* ptd_add_short_group_warnings' message, word for word. */
static const char SHORT_WARNING[] =
    "Some groups have 'n < 12' observations. These have trial limits, which will be revised with each "
    "additional observation until 'n = fix_after_n_points' has been reached.";

void spc_options_default(spc_options *o)
{
    o->improvement = 1;
    o->shift_n = 7;
    o->trend_n = 7;
    o->two_sigma_mode = SPC_TWO_SIGMA_BETWEEN;
    o->screen_outliers = 1;
    o->baseline_n = 0;
    o->min_points = 12;
    o->rules = SPC_RULES_ALL;
    o->has_target = 0;
    o->target = NAN;
    o->prefer_improvement = 0;
    o->chart = SPC_CHART_XMR;
    o->amr_limit = SPC_LIMIT;
    o->two_in_three_side = SPC_2IN3_ALL_SAME_SIDE;
    o->precedence = SPC_PRECEDENCE_PTD;
    o->flags = SPC_FLAG_BOTH;
    o->icons = SPC_ICONS_LAST_TYPE;
    o->short_n = 13;
    o->rebase = NULL;
    o->rebase_n = 0;
    o->exclude = NULL;
    o->exclude_n = 0;
    o->targets = NULL;
}

int spc_options_preset(spc_options *o, const char *name, err *e)
{
    if (strcmp(name, "ptd_0_2_2") == 0 || strcmp(name, "nhsrplotthedots") == 0) {
        o->shift_n = 7;
        o->trend_n = 7;
        o->two_sigma_mode = SPC_TWO_SIGMA_BETWEEN;
        o->screen_outliers = 1;
        o->amr_limit = SPC_LIMIT;
        o->two_in_three_side = SPC_2IN3_ALL_SAME_SIDE;
        o->precedence = SPC_PRECEDENCE_PTD;
        o->flags = SPC_FLAG_BOTH;
        o->icons = SPC_ICONS_LAST_TYPE;
        o->rules = SPC_RULES_ALL;
        o->short_n = 13;
    } else if (strcmp(name, "mdc_2023") == 0) {
        o->two_sigma_mode = SPC_TWO_SIGMA_BEYOND;
    } else if (strcmp(name, "mdc_excel") == 0) {
        o->screen_outliers = 0;
    } else if (strcmp(name, "powerbi_spc") == 0) {
        /* Settings Model/outliersSettings.ts and spcSettings.ts defaults:
         * trend_n 5, shift_n 7, two-in-three at the 2 sigma limit,
         * astronomical at 3 sigma, outliers_in_limits false, flag_last_point
         * true. The visual has no trial-limit warning. */
        o->shift_n = 7;
        o->trend_n = 5;
        o->two_sigma_mode = SPC_TWO_SIGMA_BEYOND;
        o->screen_outliers = 1;
        o->amr_limit = 3 / SPC_D2;
        o->two_in_three_side = SPC_2IN3_FLAGGED_SAME_SIDE;
        o->precedence = SPC_PRECEDENCE_PBI;
        o->flags = SPC_FLAG_BOTH;
        o->icons = SPC_ICONS_LAST_FLAGS;
        o->rules = SPC_RULES_ALL;
        o->short_n = 0;
    } else if (strcmp(name, "qicharts2") == 0) {
        /* qic.i: sigma = AMR / 1.128, screened since 0.8.0 when the package is
         * attached (.onAttach sets qic.screenedmr = TRUE); sigma.signal is the
         * only point rule, the runs analysis the only other test. */
        o->two_sigma_mode = SPC_TWO_SIGMA_BETWEEN;
        o->screen_outliers = 1;
        o->amr_limit = 3 / SPC_D2;
        o->two_in_three_side = SPC_2IN3_ALL_SAME_SIDE;
        o->precedence = SPC_PRECEDENCE_PTD;
        o->flags = SPC_FLAG_BOTH;
        o->icons = SPC_ICONS_LAST_TYPE;
        o->rules = 1u << (SPC_RULE_ASTRONOMICAL - 1);
        o->short_n = 0;
    } else {
        return err_set(e, ERR_INVALID,
                       "SPC preset \"%s\" is not nhsrplotthedots, ptd_0_2_2, mdc_2023, mdc_excel, powerbi_spc or "
                       "qicharts2",
                       name);
    }
    return 0;
}

const char *spc_rule_name(spc_rule r)
{
    switch (r) {
    case SPC_RULE_NONE: return "none";
    case SPC_RULE_ASTRONOMICAL: return "astronomical";
    case SPC_RULE_TREND: return "trend";
    case SPC_RULE_TWO_IN_THREE: return "two_in_three";
    case SPC_RULE_SHIFT: return "shift";
    }
    return "?";
}

const char *spc_point_type_name(spc_point_type t)
{
    switch (t) {
    case SPC_COMMON_CAUSE: return "common_cause";
    case SPC_IMPROVEMENT: return "improvement";
    case SPC_CONCERN: return "concern";
    case SPC_NEUTRAL_HIGH: return "neutral_high";
    case SPC_NEUTRAL_LOW: return "neutral_low";
    }
    return "?";
}

const char *spc_variation_name(spc_variation v)
{
    switch (v) {
    case SPC_VARIATION_NONE: return NULL;
    case SPC_VARIATION_COMMON_CAUSE: return "common_cause";
    case SPC_VARIATION_IMPROVEMENT_HIGH: return "improvement_high";
    case SPC_VARIATION_IMPROVEMENT_LOW: return "improvement_low";
    case SPC_VARIATION_CONCERN_HIGH: return "concern_high";
    case SPC_VARIATION_CONCERN_LOW: return "concern_low";
    case SPC_VARIATION_NEUTRAL_HIGH: return "neutral_high";
    case SPC_VARIATION_NEUTRAL_LOW: return "neutral_low";
    }
    return NULL;
}

const char *spc_assurance_name(spc_assurance a)
{
    switch (a) {
    case SPC_ASSURANCE_NONE: return NULL;
    case SPC_ASSURANCE_PASS: return "consistent_pass";
    case SPC_ASSURANCE_FAIL: return "consistent_fail";
    case SPC_ASSURANCE_INCONSISTENT: return "inconsistent";
    }
    return NULL;
}

const char *spc_chart_name(spc_chart c)
{
    switch (c) {
    case SPC_CHART_XMR: return "xmr";
    case SPC_CHART_P: return "p";
    case SPC_CHART_PP: return "pp";
    case SPC_CHART_U: return "u";
    case SPC_CHART_UP: return "up";
    case SPC_CHART_C: return "c";
    }
    return "?";
}

/* ---- the rules on plain arrays ---- */

void spc_run_ends(const int *side, size_t n, int run_n, int *out)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        run = (side[i] != 0 && i > 0 && side[i] == side[i - 1]) ? run + 1 : (side[i] != 0);
        out[i] = run_n > 0 && run >= (size_t)run_n;
    }
}

void spc_part_of_run(const int *flags, size_t n, int run_n, int *out)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = 0;
        for (size_t j = i; j < n && j < i + (size_t)(run_n > 0 ? run_n : 1); j++) {
            if (flags[j] != 0) {
                out[i] = 1;
                break;
            }
        }
    }
}

void spc_trend_ends(const double *y, size_t n, int run_n, int *out)
{
    size_t up = 0, down = 0; /* consecutive strict rises (falls) ending at i */
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && y[i] > y[i - 1]) {
            up++;
            down = 0;
        } else if (i > 0 && y[i] < y[i - 1]) {
            down++;
            up = 0;
        } else {
            up = down = 0;
        }
        out[i] = 0;
        if (run_n >= 2 && up >= (size_t)run_n - 1)
            out[i] = 1;
        else if (run_n >= 2 && down >= (size_t)run_n - 1)
            out[i] = -1;
    }
}

static int window_qualifies(const int *close, const int *side, size_t s)
{
    int count = (close[s] != 0) + (close[s + 1] != 0) + (close[s + 2] != 0);
    int sum = side[s] + side[s + 1] + side[s + 2];
    return count >= 2 && (sum == 3 || sum == -3);
}

void spc_two_in_three_windows(const int *close, const int *side, size_t n, int *out)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = 0;
        for (size_t s = i >= 2 ? i - 2 : 0; s <= i && s + 2 < n; s++) {
            if (window_qualifies(close, side, s)) {
                out[i] = 1;
                break;
            }
        }
    }
}

void spc_two_in_three_points(const int *close, const int *side, size_t n, int *out)
{
    spc_two_in_three_windows(close, side, n, out);
    for (size_t i = 0; i < n; i++)
        out[i] = out[i] && close[i] != 0;
}

static int sign_of(double d)
{
    return (d > 0) - (d < 0);
}

spc_point_type spc_flag_type(int dir, int improvement, spc_flag_filter filter)
{
    if (dir == 0)
        return SPC_COMMON_CAUSE;
    /* checkFlagDirection: neutral flags match neither "improvement" nor
     * "deterioration", so any filter but "both" drops them. */
    if (improvement == 0)
        return filter != SPC_FLAG_BOTH ? SPC_COMMON_CAUSE : dir > 0 ? SPC_NEUTRAL_HIGH : SPC_NEUTRAL_LOW;
    spc_point_type t = dir * improvement > 0 ? SPC_IMPROVEMENT : SPC_CONCERN;
    if ((filter == SPC_FLAG_IMPROVEMENT && t != SPC_IMPROVEMENT) || (filter == SPC_FLAG_CONCERN && t != SPC_CONCERN))
        return SPC_COMMON_CAUSE;
    return t;
}

static const spc_rule PTD_ORDER[4] = {SPC_RULE_ASTRONOMICAL, SPC_RULE_TREND, SPC_RULE_TWO_IN_THREE, SPC_RULE_SHIFT};
static const spc_rule PBI_ORDER[4] = {SPC_RULE_ASTRONOMICAL, SPC_RULE_TWO_IN_THREE, SPC_RULE_TREND, SPC_RULE_SHIFT};

/* Labels points[0..n) (one segment). The trend direction: NHSRplotthedots
 * reads the slope to the right where the point's neighbour is in a trend too
 * (ptd_special_cause_type, sdy), otherwise to the left; PowerBI-SPC's is the
 * direction of the run that flagged the point last (trend.ts backfill), which
 * the chart left in dirs[] under SPC_PRECEDENCE_PBI. */
static void label_points(spc_point *p, size_t n, int improvement, int prefer_improvement, spc_precedence prec,
                         spc_flag_filter filter)
{
    const spc_rule *order = prec == SPC_PRECEDENCE_PBI ? PBI_ORDER : PTD_ORDER;
    for (size_t i = 0; i < n; i++) {
        int d[4] = {0, 0, 0, 0};
        if (p[i].outside)
            d[SPC_RULE_ASTRONOMICAL - 1] = p[i].side == 1 ? 1 : -1;
        if (p[i].trend) {
            if (prec == SPC_PRECEDENCE_PBI && p[i].dirs[SPC_RULE_TREND - 1] != 0) {
                d[SPC_RULE_TREND - 1] = p[i].dirs[SPC_RULE_TREND - 1];
            } else {
                int sdy = (i + 1 < n && p[i + 1].trend) ? sign_of(p[i + 1].y - p[i].y)
                                                         : (i > 0 ? sign_of(p[i].y - p[i - 1].y) : 0);
                d[SPC_RULE_TREND - 1] = sdy == 1 ? 1 : -1;
            }
        }
        if (p[i].two_in_three)
            d[SPC_RULE_TWO_IN_THREE - 1] = p[i].side > 0 ? 1 : -1;
        if (p[i].shift)
            d[SPC_RULE_SHIFT - 1] = p[i].side > 0 ? 1 : -1;
        for (int r = 0; r < 4; r++) {
            if (d[r] != 0 && spc_flag_type(d[r], improvement, filter) == SPC_COMMON_CAUSE)
                d[r] = 0;
            p[i].dirs[r] = d[r];
        }
        spc_rule pick = SPC_RULE_NONE;
        for (int j = 0; j < 4 && pick == SPC_RULE_NONE; j++) {
            if (d[order[j] - 1] != 0)
                pick = order[j];
        }
        if (pick != SPC_RULE_NONE && prefer_improvement && improvement != 0) {
            for (int j = 0; j < 4; j++) {
                if (d[order[j] - 1] * improvement > 0) {
                    pick = order[j];
                    break;
                }
            }
        }
        p[i].rule = pick;
        p[i].direction = pick != SPC_RULE_NONE ? d[pick - 1] : 0;
        p[i].type = spc_flag_type(p[i].direction, improvement, SPC_FLAG_BOTH);
    }
}

void spc_label_points(spc_point *p, size_t n, int improvement, int prefer_improvement)
{
    label_points(p, n, improvement, prefer_improvement, SPC_PRECEDENCE_PTD, SPC_FLAG_BOTH);
}

void spc_point_label(const spc_point *p, int trend_n, int shift_n, char *buf, size_t size)
{
    const char *side = p->direction > 0 ? "Above" : "Below";
    switch (p->rule) {
    case SPC_RULE_ASTRONOMICAL: snprintf(buf, size, "%s", p->direction > 0 ? "Above UCL" : "Below LCL"); break;
    case SPC_RULE_TREND:
        snprintf(buf, size, "%d Point Trend (%s)", trend_n, p->direction > 0 ? "Increasing" : "Decreasing");
        break;
    case SPC_RULE_TWO_IN_THREE: snprintf(buf, size, "2 in 3 %s CL", side); break;
    case SPC_RULE_SHIFT: snprintf(buf, size, "%d Points %s CL", shift_n, side); break;
    case SPC_RULE_NONE: snprintf(buf, size, "Common Cause"); break;
    }
}

spc_assurance spc_assurance_for(double lpl, double upl, double target, int improvement)
{
    if (improvement == 0 || isnan(target))
        return SPC_ASSURANCE_NONE;
    if (target > upl)
        return improvement > 0 ? SPC_ASSURANCE_FAIL : SPC_ASSURANCE_PASS;
    if (target < lpl)
        return improvement > 0 ? SPC_ASSURANCE_PASS : SPC_ASSURANCE_FAIL;
    return SPC_ASSURANCE_INCONSISTENT;
}

static spc_variation variation_of(spc_point_type t, int improvement)
{
    switch (t) {
    case SPC_COMMON_CAUSE: return SPC_VARIATION_COMMON_CAUSE;
    case SPC_NEUTRAL_HIGH: return SPC_VARIATION_NEUTRAL_HIGH;
    case SPC_NEUTRAL_LOW: return SPC_VARIATION_NEUTRAL_LOW;
    case SPC_IMPROVEMENT: return improvement > 0 ? SPC_VARIATION_IMPROVEMENT_HIGH : SPC_VARIATION_IMPROVEMENT_LOW;
    case SPC_CONCERN: return improvement > 0 ? SPC_VARIATION_CONCERN_LOW : SPC_VARIATION_CONCERN_HIGH;
    }
    return SPC_VARIATION_NONE;
}

size_t spc_variation_icons(const spc_point *p, size_t n, int improvement, int last_only, spc_variation out[4])
{
    int seen[5] = {0, 0, 0, 0, 0}; /* by spc_point_type */
    for (size_t i = (last_only && n > 0) ? n - 1 : 0; i < n; i++) {
        for (int r = 0; r < 4; r++)
            seen[spc_flag_type(p[i].dirs[r], improvement, SPC_FLAG_BOTH)] = 1;
    }
    size_t k = 0;
    if (seen[SPC_IMPROVEMENT])
        out[k++] = variation_of(SPC_IMPROVEMENT, improvement);
    if (seen[SPC_CONCERN])
        out[k++] = variation_of(SPC_CONCERN, improvement);
    if (seen[SPC_NEUTRAL_LOW])
        out[k++] = SPC_VARIATION_NEUTRAL_LOW;
    if (seen[SPC_NEUTRAL_HIGH])
        out[k++] = SPC_VARIATION_NEUTRAL_HIGH;
    if (k == 0)
        out[k++] = SPC_VARIATION_COMMON_CAUSE;
    return k;
}

/* ---- the PowerBI-SPC flag functions ---- */

void spc_pbi_astronomical(const double *y, const double *ll, const double *ul, size_t n, int *out)
{
    for (size_t i = 0; i < n; i++) {
        int between = y[i] >= ll[i] && y[i] <= ul[i];
        out[i] = between ? 0 : y[i] > ul[i] ? 1 : -1;
    }
}

static int outside95(const double *y, const double *ll, const double *ul, size_t i)
{
    return y[i] > ul[i] ? 1 : y[i] < ll[i] ? -1 : 0;
}

void spc_pbi_two_in_three(const double *y, const double *ll95, const double *ul95, size_t n, int highlight_series,
                          int *out)
{
    for (size_t i = 0; i < n; i++) {
        int sum = 0;
        for (size_t j = i >= 2 ? i - 2 : 0; j <= i; j++)
            sum += outside95(y, ll95, ul95, j);
        out[i] = 0;
        if (sum >= 2 || sum <= -2) {
            int d = sum >= 2 ? 1 : -1;
            out[i] = d;
            for (size_t j = i >= 2 ? i - 2 : 0; j < i; j++) {
                if (outside95(y, ll95, ul95, j) != 0 || highlight_series)
                    out[j] = d;
            }
            if (outside95(y, ll95, ul95, i) == 0 && !highlight_series)
                out[i] = 0;
        }
    }
}

void spc_pbi_trend(const double *y, size_t n, int run_n, int *out)
{
    for (size_t i = 0; i < n; i++) {
        /* the signs of the run_n - 1 changes ending at i */
        long sum = 0;
        long from = (long)i - (run_n - 2);
        for (long j = from > 0 ? from : 0; j <= (long)i; j++)
            sum += j == 0 ? 0 : sign_of(y[j] - y[j - 1]);
        out[i] = 0;
        if (sum >= run_n - 1 || -sum >= run_n - 1) {
            int d = sum >= run_n - 1 ? 1 : -1;
            out[i] = d;
            for (long j = (long)i - 1; j >= (long)i - (run_n - 1) && j >= 0; j--)
                out[j] = d;
        }
    }
}

void spc_pbi_shift(const double *y, const double *cl, size_t n, int run_n, int *out)
{
    for (size_t i = 0; i < n; i++) {
        long sum = 0;
        long from = (long)i - (run_n - 1);
        for (long j = from > 0 ? from : 0; j <= (long)i; j++)
            sum += sign_of(y[j] - cl[j]);
        out[i] = 0;
        if (sum >= run_n || -sum >= run_n) {
            int d = sum >= run_n ? 1 : -1;
            out[i] = d;
            for (long j = (long)i - 1; j >= (long)i - (run_n - 1) && j >= 0; j--)
                out[j] = d;
        }
    }
}

/* ---- the Anhoej runs analysis ---- */

size_t spc_longest_run_max(size_t useful)
{
    return useful ? (size_t)floor(log2((double)useful) + 0.5) + 3 : 0;
}

/* R's qbinom for prob 1/2 (nmath/qbinom.c): the smallest k whose lower tail
 * reaches p, with its fuzz p (1 - 64 DBL_EPSILON) for left continuity. The
 * tail is summed exactly from the log-probabilities. */
static size_t qbinom_half(double p, size_t size)
{
    if (size == 0)
        return 0;
    double m = (double)size, target = p * (1 - 64 * DBL_EPSILON);
    double lm = lgamma(m + 1) - m * log(2.0);
    long double cdf = 0;
    for (size_t k = 0; k < size; k++) {
        cdf += exp(lm - lgamma((double)k + 1) - lgamma(m - (double)k + 1));
        if (cdf >= target)
            return k;
    }
    return size;
}

size_t spc_crossings_min(size_t useful)
{
    return qbinom_half(0.05, useful > 0 ? useful - 1 : 0);
}

typedef struct runs_acc {
    size_t n_obs, useful, runs, run, longest;
    int last;
} runs_acc;

static void runs_add(runs_acc *a, int side)
{
    a->n_obs++;
    if (side == 0)
        return;
    a->useful++;
    if (side == a->last) {
        a->run++;
    } else {
        a->runs++;
        a->run = 1;
        a->last = side;
    }
    if (a->run > a->longest)
        a->longest = a->run;
}

/* runs.analysis and crsignal(method = "anhoej"); with no useful point
 * qicharts2 reports NA and no signal, here zeros and no signal. */
static void runs_finish(const runs_acc *a, spc_runs *out)
{
    memset(out, 0, sizeof *out);
    out->n_obs = a->n_obs;
    out->useful = a->useful;
    if (a->useful == 0)
        return;
    out->longest_run = a->longest;
    out->longest_run_max = spc_longest_run_max(a->useful);
    out->crossings = a->runs - 1;
    out->crossings_min = spc_crossings_min(a->useful);
    out->signal = out->longest_run > out->longest_run_max || out->crossings < out->crossings_min;
}

void spc_runs_analysis(const double *y, const double *cl, size_t n, spc_runs *out)
{
    runs_acc a = {0, 0, 0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (!isnan(y[i]) && !isnan(cl[i]))
            runs_add(&a, sign_of(y[i] - cl[i]));
    }
    runs_finish(&a, out);
}

/* ---- the chart ---- */

static int check_options(const spc_options *o, err *e)
{
    if (o->improvement < -1 || o->improvement > 1)
        return err_set(e, ERR_INVALID, "improvement direction must be increase, decrease or neutral");
    if (o->shift_n < 2 || o->shift_n > SPC_MAX_RUN)
        return err_set(e, ERR_INVALID, "shift_n must be between 2 and %d, got %d", SPC_MAX_RUN, o->shift_n);
    if (o->trend_n < 2 || o->trend_n > SPC_MAX_RUN)
        return err_set(e, ERR_INVALID, "trend_n must be between 2 and %d, got %d", SPC_MAX_RUN, o->trend_n);
    if (o->two_sigma_mode != SPC_TWO_SIGMA_BETWEEN && o->two_sigma_mode != SPC_TWO_SIGMA_BEYOND)
        return err_set(e, ERR_INVALID, "two_sigma_mode must be between or beyond");
    if (o->baseline_n == 1)
        return err_set(e, ERR_INVALID, "baseline_n must be 0 (all points) or at least 2");
    if (o->rules & ~(unsigned)SPC_RULES_ALL)
        return err_set(e, ERR_INVALID, "unknown SPC rule bits 0x%x", o->rules);
    if (o->has_target && !isfinite(o->target))
        return err_set(e, ERR_INVALID, "the SPC target must be a finite number");
    if ((unsigned)o->chart > SPC_CHART_C)
        return err_set(e, ERR_INVALID, "unknown SPC chart type %d", (int)o->chart);
    if (!(isfinite(o->amr_limit) && o->amr_limit > 0))
        return err_set(e, ERR_INVALID, "amr_limit must be a positive number, got %g", o->amr_limit);
    if ((unsigned)o->two_in_three_side > SPC_2IN3_FLAGGED_SAME_SIDE)
        return err_set(e, ERR_INVALID, "unknown two_in_three_side %d", (int)o->two_in_three_side);
    if ((unsigned)o->precedence > SPC_PRECEDENCE_PBI)
        return err_set(e, ERR_INVALID, "unknown SPC precedence %d", (int)o->precedence);
    if ((unsigned)o->flags > SPC_FLAG_CONCERN)
        return err_set(e, ERR_INVALID, "unknown SPC flag filter %d", (int)o->flags);
    if ((unsigned)o->icons > SPC_ICONS_LAST_FLAGS)
        return err_set(e, ERR_INVALID, "unknown SPC icons mode %d", (int)o->icons);
    if ((o->rebase_n && !o->rebase) || (o->exclude_n && !o->exclude))
        return err_set(e, ERR_USAGE, "SPC rebase or exclude points counted but not given");
    return 0;
}

/* Checks what depends on n: rebase points increasing and inside the series,
 * excluded points inside it, targets finite or NAN. */
static int check_points(const spc_options *o, size_t n, err *e)
{
    for (size_t i = 0; i < o->rebase_n; i++) {
        if (o->rebase[i] >= n)
            return err_set(e, ERR_INVALID, "SPC rebase point %zu is past the last of %zu points", o->rebase[i] + 1,
                           n);
        if (i > 0 && o->rebase[i] <= o->rebase[i - 1])
            return err_set(e, ERR_INVALID, "SPC rebase points must increase: point %zu follows %zu",
                           o->rebase[i] + 1, o->rebase[i - 1] + 1);
    }
    for (size_t i = 0; i < o->exclude_n; i++) {
        if (o->exclude[i] >= n)
            return err_set(e, ERR_INVALID, "SPC excluded point %zu is past the last of %zu points", o->exclude[i] + 1,
                           n);
    }
    if (o->targets) {
        for (size_t i = 0; i < n; i++) {
            if (isinf(o->targets[i]))
                return err_set(e, ERR_INVALID, "SPC target %zu is not a finite number", i + 1);
        }
    }
    return 0;
}

/* Checks value i for the chart and returns what it plots. */
static int plotted_value(const double *num, const double *den, size_t i, spc_chart chart, double *y, err *e)
{
    if (!isfinite(num[i]))
        return err_set(e, ERR_INVALID, den || chart != SPC_CHART_XMR ? "SPC numerator %zu is not a finite number"
                                                                       : "SPC value %zu is not a finite number",
                       i + 1);
    if (chart == SPC_CHART_XMR && !den) {
        *y = num[i];
        return 0;
    }
    if (chart != SPC_CHART_XMR && num[i] < 0)
        return err_set(e, ERR_INVALID, "SPC numerator %zu is negative (%g)", i + 1, num[i]);
    if (chart == SPC_CHART_C) {
        *y = num[i];
        return 0;
    }
    if (!isfinite(den[i]))
        return err_set(e, ERR_INVALID, "SPC denominator %zu is not a finite number", i + 1);
    if (chart == SPC_CHART_XMR) {
        if (den[i] == 0)
            return err_set(e, ERR_INVALID, "SPC denominator %zu is zero", i + 1);
    } else if (!(den[i] > 0)) {
        return err_set(e, ERR_INVALID, "SPC denominator %zu must be positive, got %g", i + 1, den[i]);
    }
    if ((chart == SPC_CHART_P || chart == SPC_CHART_PP) && num[i] > den[i])
        return err_set(e, ERR_INVALID, "SPC numerator %zu (%g) exceeds its denominator (%g) on a p chart", i + 1,
                       num[i], den[i]);
    *y = num[i] / den[i];
    return 0;
}

static int rule_on(const spc_options *o, spc_rule r)
{
    return (o->rules >> (r - 1)) & 1u;
}

/* The baseline of a segment [a, b): its first baseline_n points, less the
 * excluded ones (ptd_spc_standard's fix_y per rebase group; qicharts2's
 * base = baseline & include). */
static size_t baseline_end(const spc_options *o, size_t a, size_t b)
{
    size_t len = b - a;
    return a + ((o->baseline_n == 0 || o->baseline_n > len) ? len : o->baseline_n);
}

/* The mean as R computes it: an extended-precision sum, then one correction
 * pass, so the centre line matches the reference to the last digit. */
static double base_mean(const spc_point *p, size_t a, size_t kend, size_t *count)
{
    long double s = 0;
    size_t k = 0;
    for (size_t i = a; i < kend; i++) {
        if (!p[i].excluded) {
            s += p[i].y;
            k++;
        }
    }
    *count = k;
    if (k == 0)
        return NAN;
    s /= (long double)k;
    long double t = 0;
    for (size_t i = a; i < kend; i++) {
        if (!p[i].excluded)
            t += p[i].y - s;
    }
    return (double)(s + t / (long double)k);
}

/* What the moving ranges are taken of: y for XmR, the z-score (y - cl) / sd
 * for the Laney charts, sd being the point's binomial or Poisson sigma. */
static double point_sd(spc_chart chart, double cl, double den)
{
    switch (chart) {
    case SPC_CHART_P:
    case SPC_CHART_PP: return sqrt(cl * (1 - cl) / den);
    case SPC_CHART_U:
    case SPC_CHART_UP: return sqrt(cl / den);
    case SPC_CHART_C: return sqrt(cl);
    case SPC_CHART_XMR: break;
    }
    return NAN;
}

static double mr_value(const spc_point *p, const double *den, size_t i, spc_chart chart, double cl)
{
    if (chart == SPC_CHART_XMR)
        return p[i].y;
    return (p[i].y - cl) / point_sd(chart, cl, den[i]);
}

/* The mean of the moving ranges below `cut` between consecutive baseline
 * points, as R's mean(mr, na.rm = TRUE) computes it; NAN without any. */
static double mr_mean(const spc_point *p, const double *den, size_t a, size_t kend, spc_chart chart, double cl,
                      double cut, size_t *count)
{
    long double s = 0;
    size_t k = 0;
    int have = 0;
    double prev = 0;
    for (size_t i = a; i < kend; i++) {
        if (p[i].excluded)
            continue;
        double v = mr_value(p, den, i, chart, cl);
        if (have && fabs(v - prev) < cut) {
            s += fabs(v - prev);
            k++;
        }
        prev = v;
        have = 1;
    }
    *count = k;
    if (k == 0)
        return NAN;
    s /= (long double)k;
    long double t = 0;
    have = 0;
    for (size_t i = a; i < kend; i++) {
        if (p[i].excluded)
            continue;
        double v = mr_value(p, den, i, chart, cl);
        if (have && fabs(v - prev) < cut)
            t += fabs(v - prev) - s;
        prev = v;
        have = 1;
    }
    return (double)(s + t / (long double)k);
}

/* The AMR with NHSRplotthedots' screening: ranges at or above 3.267 AMR are
 * dropped and the AMR taken again. A constant series has AMR 0: screening
 * would drop every range, so it is skipped. */
static double screened_amr(const spc_point *p, const double *den, size_t a, size_t kend, const spc_options *o,
                           double cl, size_t *kept)
{
    double amr = mr_mean(p, den, a, kend, o->chart, cl, INFINITY, kept);
    if (o->screen_outliers && amr > 0)
        amr = mr_mean(p, den, a, kend, o->chart, cl, SPC_SCREEN * amr, kept);
    return amr;
}

typedef struct seg_fit {
    double cl, amr, sigma_z;
    size_t base, kept;
} seg_fit;

static double at_least_zero(double x)
{
    return x < 0 ? 0 : x;
}

static double at_most_one(double x)
{
    return x > 1 ? 1 : x;
}

/* Centre line and per-point limits of segment [a, b). */
static void fit_segment(const double *num, const double *den, spc_point *p, size_t a, size_t b, const spc_options *o,
                        seg_fit *f)
{
    size_t kend = baseline_end(o, a, b);
    f->amr = f->sigma_z = NAN;
    f->kept = 0;
    spc_chart chart = o->chart;
    if (chart == SPC_CHART_XMR || chart == SPC_CHART_C) {
        f->cl = base_mean(p, a, kend, &f->base);
    } else {
        /* sum(y.sum[base]) / sum(n[base]) (qic.p, qic.u), summed in long
         * double as R's sum() is */
        long double sn = 0, sd = 0;
        f->base = 0;
        for (size_t i = a; i < kend; i++) {
            if (!p[i].excluded) {
                sn += num[i];
                sd += den[i];
                f->base++;
            }
        }
        f->cl = f->base ? (double)(sn / sd) : NAN;
    }
    if (chart == SPC_CHART_XMR) {
        f->amr = screened_amr(p, den, a, kend, o, f->cl, &f->kept);
        double close = 2 * (o->amr_limit / 3);
        for (size_t i = a; i < b; i++) {
            p[i].lpl = f->cl - o->amr_limit * f->amr;
            p[i].upl = f->cl + o->amr_limit * f->amr;
            p[i].lower_two_sigma = f->cl - close * f->amr;
            p[i].upper_two_sigma = f->cl + close * f->amr;
        }
        return;
    }
    int laney = chart == SPC_CHART_PP || chart == SPC_CHART_UP;
    if (laney) {
        /* sigma_z = AMR(z) / 1.128 (qic.pp, qic.up; pprimeLimits). With no
         * events (or, for p', only events) every z is 0 / 0: the limits are
         * then the centre line, where R would give NaN. */
        int degenerate = !(f->cl > 0) || ((chart == SPC_CHART_PP) && !(f->cl < 1));
        if (degenerate) {
            f->amr = f->sigma_z = 0;
        } else {
            f->amr = screened_amr(p, den, a, kend, o, f->cl, &f->kept);
            f->sigma_z = f->amr / SPC_D2;
        }
    }
    int is_p = chart == SPC_CHART_P || chart == SPC_CHART_PP;
    for (size_t i = a; i < b; i++) {
        double sd = point_sd(chart, f->cl, chart == SPC_CHART_C ? 1 : den[i]);
        if (laney)
            sd *= f->sigma_z;
        p[i].lpl = at_least_zero(f->cl - 3 * sd);
        p[i].lower_two_sigma = at_least_zero(f->cl - 2 * sd);
        p[i].upl = f->cl + 3 * sd;
        p[i].upper_two_sigma = f->cl + 2 * sd;
        if (is_p) {
            p[i].upl = at_most_one(p[i].upl);
            p[i].upper_two_sigma = at_most_one(p[i].upper_two_sigma);
        }
    }
}

/* The rules within segment [a, b): runs and windows stop at its edges, as
 * NHSRplotthedots groups by rebase_group and PowerBI-SPC flags per split. */
static void rules_segment(spc_point *p, size_t a, size_t b, const spc_options *o)
{
    for (size_t i = a; i < b; i++) {
        double y = p[i].y;
        p[i].side = sign_of(y - p[i].cl);
        int outside = y > p[i].upl || y < p[i].lpl;
        int beyond2 = y < p[i].lower_two_sigma || y > p[i].upper_two_sigma;
        p[i].outside = rule_on(o, SPC_RULE_ASTRONOMICAL) && outside;
        p[i].close = o->two_sigma_mode == SPC_TWO_SIGMA_BEYOND ? beyond2 : (beyond2 && !outside);
    }
    /* Runs: mark every point of each run once it reaches its length; a later
     * trend run overwrites the direction of the points it shares. */
    size_t run = 0, up = 0, down = 0;
    for (size_t i = a; i < b; i++) {
        int s = p[i].side;
        run = (s != 0 && i > a && s == p[i - 1].side) ? run + 1 : (s != 0);
        if (rule_on(o, SPC_RULE_SHIFT) && run >= (size_t)o->shift_n) {
            for (size_t j = i + 1 - (size_t)o->shift_n; j <= i; j++)
                p[j].shift = 1;
        }
        if (i > a && p[i].y > p[i - 1].y) {
            up++;
            down = 0;
        } else if (i > a && p[i].y < p[i - 1].y) {
            down++;
            up = 0;
        } else {
            up = down = 0;
        }
        if (rule_on(o, SPC_RULE_TREND) && (up >= (size_t)o->trend_n - 1 || down >= (size_t)o->trend_n - 1)) {
            for (size_t j = i + 1 - (size_t)o->trend_n; j <= i; j++) {
                p[j].trend = 1;
                p[j].dirs[SPC_RULE_TREND - 1] = up ? 1 : -1;
            }
        }
    }
    if (!rule_on(o, SPC_RULE_TWO_IN_THREE))
        return;
    if (o->two_in_three_side == SPC_2IN3_ALL_SAME_SIDE) {
        for (size_t s = a; s + 2 < b; s++) {
            int count = p[s].close + p[s + 1].close + p[s + 2].close;
            int side = p[s].side + p[s + 1].side + p[s + 2].side;
            if (count >= 2 && (side == 3 || side == -3)) {
                for (size_t j = s; j < s + 3; j++)
                    p[j].two_in_three |= p[j].close;
            }
        }
    } else {
        /* twoInThree.ts: the signed count of the last (up to) three points */
        for (size_t i = a; i < b; i++) {
            size_t from = i >= a + 2 ? i - 2 : a;
            int sum = 0;
            for (size_t j = from; j <= i; j++)
                sum += p[j].close ? p[j].side : 0;
            if (sum >= 2 || sum <= -2) {
                for (size_t j = from; j <= i; j++)
                    p[j].two_in_three |= p[j].close && p[j].side != 0;
            }
        }
    }
}

static int run_chart(const double *num, const double *den, size_t n, const spc_options *o, spc_point *points,
                     spc_result *r, err *e)
{
    int rc = check_options(o, e);
    if (!rc)
        rc = check_points(o, n, e);
    if (rc)
        return rc;
    if (o->chart != SPC_CHART_XMR && o->chart != SPC_CHART_C && !den)
        return err_set(e, ERR_USAGE, "a %s chart needs denominators", spc_chart_name(o->chart));
    double y0 = 0;
    for (size_t i = 0; i < n; i++) {
        rc = plotted_value(num, den, i, o->chart, &y0, e);
        if (rc)
            return rc;
    }
    memset(r, 0, sizeof *r);
    r->status = STATS_OK;
    r->n = n;
    r->chart = o->chart;
    r->mean = r->amr = r->lpl = r->upl = r->lower_two_sigma = r->upper_two_sigma = NAN;
    r->sigma_z = r->target = NAN;
    size_t need = o->min_points > 2 ? o->min_points : 2;
    if (n < need) {
        r->status = STATS_INSUFFICIENT_DATA;
        r->reason = n < 2 ? "an SPC chart needs at least two points" : "fewer points than min_points";
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        spc_point *p = &points[i];
        memset(p, 0, sizeof *p);
        plotted_value(num, den, i, o->chart, &p->y, e);
        p->target = o->targets ? o->targets[i] : o->has_target ? o->target : NAN;
    }
    for (size_t i = 0; i < o->exclude_n; i++)
        points[o->exclude[i]].excluded = 1;

    size_t a = 0, next = 0;
    while (a < n) {
        while (next < o->rebase_n && o->rebase[next] <= a)
            next++;
        size_t b = next < o->rebase_n ? o->rebase[next] : n;
        seg_fit f;
        fit_segment(num, den, points, a, b, o, &f);
        for (size_t i = a; i < b; i++) {
            points[i].cl = f.cl;
            points[i].segment = r->segments;
        }
        rules_segment(points, a, b, o);
        label_points(points + a, b - a, o->improvement, o->prefer_improvement, o->precedence, o->flags);
        runs_acc acc = {0, 0, 0, 0, 0, 0};
        for (size_t i = a; i < b; i++) {
            if (!points[i].excluded)
                runs_add(&acc, points[i].side);
        }
        runs_finish(&acc, &r->runs);
        int trial = b - a < o->short_n;
        for (size_t i = a; i < b; i++) {
            points[i].runs_signal = r->runs.signal;
            points[i].trial = trial;
        }
        r->short_segments += (size_t)trial;
        r->trial = trial;
        r->segments++;
        r->mean = f.cl;
        r->amr = f.amr;
        r->sigma_z = f.sigma_z;
        r->baseline_n = f.base;
        r->moving_ranges = f.kept;
        a = b;
    }

    const spc_point *last = &points[n - 1];
    r->lpl = last->lpl;
    r->upl = last->upl;
    r->lower_two_sigma = last->lower_two_sigma;
    r->upper_two_sigma = last->upper_two_sigma;
    for (size_t i = 0; i < n; i++)
        r->special_cause += points[i].type != SPC_COMMON_CAUSE;
    if (o->icons == SPC_ICONS_LAST_FLAGS) {
        r->icons = spc_variation_icons(points, n, o->improvement, 1, r->icon);
    } else {
        r->icons = 1;
        r->icon[0] = variation_of(last->type, o->improvement);
    }
    r->variation = r->icon[0];
    r->target = last->target;
    r->assurance = spc_assurance_for(last->lpl, last->upl, last->target, o->improvement);
    r->warning = r->short_segments ? SHORT_WARNING : NULL;
    return 0;
}

int spc_analyse(const double *y, size_t n, const spc_options *o, spc_point *points, spc_result *r, err *e)
{
    if ((unsigned)o->chart <= SPC_CHART_C && o->chart != SPC_CHART_XMR)
        return err_set(e, ERR_USAGE, "a %s chart needs counts: use spc_analyse_counts", spc_chart_name(o->chart));
    return run_chart(y, NULL, n, o, points, r, e);
}

int spc_analyse_counts(const double *num, const double *den, size_t n, const spc_options *o, spc_point *points,
                       spc_result *r, err *e)
{
    return run_chart(num, den, n, o, points, r, e);
}
