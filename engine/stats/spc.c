/* spc.c - XmR charts and the Making Data Count rules; see spc.h. */
#include "spc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The XmR constants as NHSRplotthedots writes them: 3 sigma is 2.66 AMR
 * (sigma = AMR / 1.128), and the two-sigma lines are two thirds of that. */
#define SPC_LIMIT 2.66
#define SPC_SCREEN 3.267
#define SPC_MAX_RUN 1000

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
}

int spc_options_preset(spc_options *o, const char *name, err *e)
{
    if (strcmp(name, "ptd_0_2_2") == 0) {
        o->shift_n = 7;
        o->trend_n = 7;
        o->two_sigma_mode = SPC_TWO_SIGMA_BETWEEN;
        o->screen_outliers = 1;
    } else if (strcmp(name, "mdc_2023") == 0) {
        o->two_sigma_mode = SPC_TWO_SIGMA_BEYOND;
    } else if (strcmp(name, "mdc_excel") == 0) {
        o->screen_outliers = 0;
    } else if (strcmp(name, "powerbi_spc") == 0) {
        o->trend_n = 5;
    } else {
        return err_set(e, ERR_INVALID, "SPC preset \"%s\" is not ptd_0_2_2, mdc_2023, mdc_excel or powerbi_spc",
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

void spc_label_points(spc_point *p, size_t n, int improvement, int prefer_improvement)
{
    for (size_t i = 0; i < n; i++) {
        spc_rule hit[4];
        int dirs[4], k = 0;
        if (p[i].outside) {
            hit[k] = SPC_RULE_ASTRONOMICAL;
            dirs[k++] = p[i].side == 1 ? 1 : -1;
        }
        if (p[i].trend) {
            /* A point where two runs meet takes the run to its right, as
             * NHSRplotthedots reads the slope on that side. */
            int sdy = (i + 1 < n && p[i + 1].trend) ? sign_of(p[i + 1].y - p[i].y)
                                                     : (i > 0 ? sign_of(p[i].y - p[i - 1].y) : 0);
            hit[k] = SPC_RULE_TREND;
            dirs[k++] = sdy == 1 ? 1 : -1;
        }
        if (p[i].two_in_three) {
            hit[k] = SPC_RULE_TWO_IN_THREE;
            dirs[k++] = p[i].side > 0 ? 1 : -1;
        }
        if (p[i].shift) {
            hit[k] = SPC_RULE_SHIFT;
            dirs[k++] = p[i].side > 0 ? 1 : -1;
        }
        int pick = 0;
        if (prefer_improvement && improvement != 0) {
            for (int j = 0; j < k; j++) {
                if (dirs[j] * improvement > 0) {
                    pick = j;
                    break;
                }
            }
        }
        p[i].rule = k ? hit[pick] : SPC_RULE_NONE;
        p[i].direction = k ? dirs[pick] : 0;
        int dir = p[i].direction;
        if (dir == 0)
            p[i].type = SPC_COMMON_CAUSE;
        else if (improvement == 0)
            p[i].type = dir > 0 ? SPC_NEUTRAL_HIGH : SPC_NEUTRAL_LOW;
        else
            p[i].type = dir * improvement > 0 ? SPC_IMPROVEMENT : SPC_CONCERN;
    }
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
    return 0;
}

static int rule_on(const spc_options *o, spc_rule r)
{
    return (o->rules >> (r - 1)) & 1u;
}

/* The mean as R computes it: an extended-precision sum, then one correction
 * pass, so the centre line matches the reference to the last digit. */
static double r_mean(const double *y, size_t n)
{
    long double s = 0;
    for (size_t i = 0; i < n; i++)
        s += y[i];
    s /= (long double)n;
    long double t = 0;
    for (size_t i = 0; i < n; i++)
        t += y[i] - s;
    return (double)(s + t / (long double)n);
}

int spc_analyse(const double *y, size_t n, const spc_options *o, spc_point *points, spc_result *r, err *e)
{
    int rc = check_options(o, e);
    if (rc)
        return rc;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(y[i]))
            return err_set(e, ERR_INVALID, "SPC value %zu is not a finite number", i + 1);
    }
    memset(r, 0, sizeof *r);
    r->status = STATS_OK;
    r->n = n;
    r->mean = r->amr = r->lpl = r->upl = r->lower_two_sigma = r->upper_two_sigma = NAN;
    size_t need = o->min_points > 2 ? o->min_points : 2;
    if (n < need) {
        r->status = STATS_INSUFFICIENT_DATA;
        r->reason = n < 2 ? "an XmR chart needs at least two points" : "fewer points than min_points";
        return 0;
    }
    size_t k = (o->baseline_n == 0 || o->baseline_n > n) ? n : o->baseline_n;
    r->baseline_n = k;
    r->mean = r_mean(y, k);
    double sum = 0;
    for (size_t i = 1; i < k; i++)
        sum += fabs(y[i] - y[i - 1]);
    double amr = sum / (double)(k - 1);
    size_t kept = k - 1;
    /* A constant series has AMR 0: screening would drop every range, so it is skipped. */
    if (o->screen_outliers && amr > 0) {
        double cut = SPC_SCREEN * amr, s2 = 0;
        kept = 0;
        for (size_t i = 1; i < k; i++) {
            double mr = fabs(y[i] - y[i - 1]);
            if (mr < cut) {
                s2 += mr;
                kept++;
            }
        }
        amr = s2 / (double)kept;
    }
    r->amr = amr;
    r->moving_ranges = kept;
    double close = 2 * (SPC_LIMIT / 3);
    r->lpl = r->mean - SPC_LIMIT * amr;
    r->upl = r->mean + SPC_LIMIT * amr;
    r->lower_two_sigma = r->mean - close * amr;
    r->upper_two_sigma = r->mean + close * amr;

    for (size_t i = 0; i < n; i++) {
        spc_point *p = &points[i];
        memset(p, 0, sizeof *p);
        p->y = y[i];
        p->outside = rule_on(o, SPC_RULE_ASTRONOMICAL) && (y[i] > r->upl || y[i] < r->lpl);
        p->side = sign_of(y[i] - r->mean);
        int beyond2 = y[i] < r->lower_two_sigma || y[i] > r->upper_two_sigma;
        int outside = y[i] > r->upl || y[i] < r->lpl;
        p->close = o->two_sigma_mode == SPC_TWO_SIGMA_BEYOND ? beyond2 : (beyond2 && !outside);
    }
    /* Runs: mark every point of each run once it reaches its length. */
    size_t run = 0, up = 0, down = 0;
    for (size_t i = 0; i < n; i++) {
        int s = points[i].side;
        run = (s != 0 && i > 0 && s == points[i - 1].side) ? run + 1 : (s != 0);
        if (rule_on(o, SPC_RULE_SHIFT) && run >= (size_t)o->shift_n) {
            for (size_t j = i + 1 - (size_t)o->shift_n; j <= i; j++)
                points[j].shift = 1;
        }
        if (i > 0 && y[i] > y[i - 1]) {
            up++;
            down = 0;
        } else if (i > 0 && y[i] < y[i - 1]) {
            down++;
            up = 0;
        } else {
            up = down = 0;
        }
        if (rule_on(o, SPC_RULE_TREND) && (up >= (size_t)o->trend_n - 1 || down >= (size_t)o->trend_n - 1)) {
            for (size_t j = i + 1 - (size_t)o->trend_n; j <= i; j++)
                points[j].trend = 1;
        }
    }
    if (rule_on(o, SPC_RULE_TWO_IN_THREE)) {
        for (size_t s = 0; s + 2 < n; s++) {
            int count = points[s].close + points[s + 1].close + points[s + 2].close;
            int side = points[s].side + points[s + 1].side + points[s + 2].side;
            if (count >= 2 && (side == 3 || side == -3)) {
                for (size_t j = s; j < s + 3; j++)
                    points[j].two_in_three |= points[j].close;
            }
        }
    }
    spc_label_points(points, n, o->improvement, o->prefer_improvement);
    for (size_t i = 0; i < n; i++)
        r->special_cause += points[i].type != SPC_COMMON_CAUSE;
    r->variation = variation_of(points[n - 1].type, o->improvement);
    r->assurance = o->has_target ? spc_assurance_for(r->lpl, r->upl, o->target, o->improvement) : SPC_ASSURANCE_NONE;
    return 0;
}
