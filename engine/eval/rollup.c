/* rollup.c - colours rolled up from indicators to outcomes and areas (rollup.h). */
#include "rollup.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule_call.h"
#include "stats.h"
#include "text.h"

/* The children of one roll-up: colour, score (NaN: none) and id of each. */
typedef struct children {
    const vocab_colour *colour;
    const double *score;
    const char *const *id;
    size_t n;
} children;

/* ---- mean scores and segments (the NHS Oversight Framework's method) ---- */

/* The mean of the children's scores, rounded; the children without a score
 * are left out of it, as the framework leaves out a metric a trust has no data
 * for. Sets *score (NaN when no child has one) and the reason's opening. */
static int mean_score(const fw_rollup *ru, const children *c, double *score, char **reason)
{
    double sum = 0;
    size_t with = 0;
    for (size_t k = 0; k < c->n; k++)
        if (!isnan(c->score[k])) {
            sum += c->score[k];
            with++;
        }
    size_t without = c->n - with;
    char left[64] = "";
    if (without)
        snprintf(left, sizeof left, "; %zu without a score left out", without);
    if (!with) {
        *score = NAN;
        *reason = text_printf_dup("no child has a score (%zu children)", c->n);
    } else {
        /* each score is at most RULE_SCORE_MAX in size (rule_call.c), so the sum is finite */
        *score = stats_round_half_away(sum / (double)with, ru->decimals);
        *reason = text_printf_dup("mean of %zu score%s: %.*f%s", with, with == 1 ? "" : "s", ru->decimals, *score,
                                  left);
    }
    return *reason ? 0 : -1;
}

/* Puts `score` in its segment by the cut points `cuts` (ncuts of them), applies
 * the cap, and sets the colour and segment; appends to *reason why. */
static int place_in_segment(const framework *f, const fw_rollup *ru, const double *cuts, const char *cut_words,
                            const res_area *ra, double score, vocab_colour *colour, int *segment, char **reason)
{
    int by_score = 1;
    for (int k = 0; k < ru->ncuts; k++)
        by_score += score > cuts[k];
    int seg = by_score;
    char cap[200] = "";
    if (ru->cap_ind >= 0) {
        /* the flag's verdict, not its raw figure: a flag the rule could not
         * read caps nothing, and says so */
        const res_indicator *x = &ra->indicators[ru->cap_ind];
        const char *id = f->ind[ru->cap_ind].id;
        if (x->status != STATUS_NONE || !x->assessment)
            snprintf(cap, sizeof cap, "; %s is %s, so its cap to segment %d is not applied", id,
                     x->assessment ? x->assessment : "missing", ru->cap_segment);
        else if (x->value != 0 && seg < ru->cap_segment) {
            seg = ru->cap_segment;
            snprintf(cap, sizeof cap, "; put in segment %d, as %s is %s", seg, id, x->value_text ? x->value_text : "set");
        }
    }
    char *more = text_printf_dup("%s; by its score, segment %d of %d (1 best; %s)%s", *reason, by_score,
                                 ru->ncuts + 1, cut_words, cap);
    if (!more)
        return -1;
    free(*reason);
    *reason = more;
    *segment = seg;
    *colour = ru->segment_colour[seg - 1];
    return 0;
}

/* "cut points 2.11, 2.29 and 2.57": each as it is, not at the mean's
 * decimals, so no printed cut point contradicts the segment. */
static void cut_words(const fw_rollup *ru, const double *cuts, const char *lead, char *out, size_t cap)
{
    size_t len = (size_t)snprintf(out, cap, "%s", lead);
    for (int k = 0; k < ru->ncuts && len < cap; k++)
        len += (size_t)snprintf(out + len, cap - len, "%s%.10g", k == 0 ? " " : k == ru->ncuts - 1 ? " and " : ", ",
                                cuts[k]);
}

/* A mean_score roll-up: the mean, and, with fixed cut points, its segment.
 * Cut at the quartiles across the areas, the segment waits for
 * rollup_cohort. */
static int rollup_mean_score(const framework *f, const fw_rollup *ru, const children *c, const res_area *ra,
                             vocab_colour *colour, double *score, int *segment, char **reason)
{
    *colour = COLOUR_GREY;
    *segment = 0;
    if (mean_score(ru, c, score, reason))
        return -1;
    if (isnan(*score) || ru->ncuts == 0 || ru->quartiles)
        return 0;
    char words[200];
    cut_words(ru, ru->cuts, "cut points", words, sizeof words);
    return place_in_segment(f, ru, ru->cuts, words, ra, *score, colour, segment, reason);
}

/* Rolls the children up with `ru` (a mean_score roll-up: rollup_mean_score).
 * ids[k] names child k, for weights and custom roll-ups. */
static int rollup(host *h, const fw_rollup *ru, const vocab_colour *colours, const char *const *ids, size_t n,
                  const char *owner, vocab_colour *colour, char **reason, err *e)
{
    err_assert(ru->method != ROLLUP_MEAN_SCORE);
    int count[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < n; k++)
        count[colours[k]]++;
    size_t scorable = n - (size_t)count[0];
    char counts[160];
    snprintf(counts, sizeof counts, "%d green, %d amber, %d red, %d without a colour", count[1], count[2], count[3],
             count[0]);
    *colour = COLOUR_GREY;
    if (ru->method == ROLLUP_CUSTOM) {
        int rc = rule_rollup_custom(h, ru, colours, ids, n, owner, colour, e);
        if (!rc)
            *reason = text_printf_dup("custom roll-up: %s (%s)", vocab_colour_name(*colour), counts);
        return rc;
    }
    if (scorable == 0) {
        *reason = text_printf_dup("no child has a colour (%s)", counts);
        return 0;
    }
    if (ru->min_coverage > 0 && (double)scorable / (double)n < ru->min_coverage) {
        *reason = text_printf_dup("insufficient_data: %zu of %zu children have a colour, below the %.0f%% required (%s)", scorable,
                       n, ru->min_coverage * 100, counts);
        return 0;
    }
    switch (ru->method) {
    case ROLLUP_WORST_OF: {
        *colour = count[COLOUR_RED] ? COLOUR_RED : count[COLOUR_AMBER] ? COLOUR_AMBER : COLOUR_GREEN;
        *reason = text_printf_dup("worst of the children: %s (%s)", vocab_colour_name(*colour), counts);
        break;
    }
    case ROLLUP_MAJORITY: {
        int most = count[1] > count[2] ? count[1] : count[2];
        most = most > count[3] ? most : count[3];
        int pick = 0; /* among the colours with the most children, the worse or the better */
        for (int r = 1; r <= 3; r++)
            if (count[r] == most && (!pick || ru->tie_worse))
                pick = r;
        *colour = (vocab_colour)pick;
        *reason = text_printf_dup("most children are %s (%s)", vocab_colour_name(*colour), counts);
        break;
    }
    case ROLLUP_WEIGHTED: {
        double sum = 0, wsum = 0;
        for (size_t k = 0; k < n; k++) {
            int rank = (int)colours[k];
            if (!rank)
                continue;
            double w = framework_weight(ru, ids[k]);
            sum += w * ru->score[3 - rank];
            wsum += w;
        }
        double mean = wsum > 0 ? sum / wsum : 0;
        *colour = mean >= ru->green ? COLOUR_GREEN : mean >= ru->amber ? COLOUR_AMBER : COLOUR_RED;
        *reason = text_printf_dup("weighted score %.3g (green from %.3g, amber from %.3g; %s)", mean, ru->green, ru->amber, counts);
        break;
    }
    case ROLLUP_COUNT:
        *reason = text_printf_dup("%s", counts);
        break;
    case ROLLUP_CUSTOM:
    case ROLLUP_MEAN_SCORE:
        break;
    }
    return 0;
}

/* Rolls `c` up with `ru` into colour, reason and, for a mean score, score and
 * segment. */
static int rollup_children(host *h, const framework *f, const fw_rollup *ru, const children *c, const res_area *ra,
                           const char *owner, vocab_colour *colour, char **reason, double *score, int *segment,
                           err *e)
{
    if (ru->method != ROLLUP_MEAN_SCORE)
        return rollup(h, ru, c->colour, c->id, c->n, owner, colour, reason, e);
    return rollup_mean_score(f, ru, c, ra, colour, score, segment, reason) ? err_set(e, ERR_NOMEM, "out of memory")
                                                                             : 0;
}

/* A flag (what a cap reads), or an indicator judged by a rule that gives no
 * score, is not a child of a mean score: it is neither a score nor a score
 * missing, whether or not it has a figure. */
static int outside_mean(const fw_rollup *ru, const fw_indicator *ind, const res_indicator *x)
{
    return ru->method == ROLLUP_MEAN_SCORE && ((ind->method && !strcmp(ind->method, "flag")) ||
                                               (x->status == STATUS_NONE && x->assessment && isnan(x->score)));
}

/* The children buffers of one area's roll-ups. */
typedef struct buffers {
    vocab_colour *colours;
    double *scores;
    const char **ids;
} buffers;

static int buffers_new(const framework *f, buffers *b, err *e)
{
    size_t max = f->nind > f->nout ? f->nind : f->nout;
    b->colours = calloc(max ? max : 1, sizeof *b->colours);
    b->scores = calloc(max ? max : 1, sizeof *b->scores);
    b->ids = calloc(max ? max : 1, sizeof *b->ids);
    return b->colours && b->scores && b->ids ? 0 : err_set(e, ERR_NOMEM, "out of memory");
}

static void buffers_free(buffers *b)
{
    free(b->colours);
    free(b->scores);
    free(b->ids);
}

/* The area's outcome colours (or mean scores) from its indicators'. */
static int rollup_outcomes(host *h, const framework *f, res_area *ra, buffers *b, err *e)
{
    int rc = 0;
    children c = {b->colours, b->scores, b->ids, 0};
    for (size_t o = 0; !rc && o < f->nout; o++) {
        const fw_outcome *out = &f->out[o];
        c.n = 0;
        for (size_t k = 0; k < out->nind; k++) {
            const res_indicator *x = &ra->indicators[out->ind[k]];
            if (outside_mean(&out->rollup, &f->ind[out->ind[k]], x))
                continue;
            b->colours[c.n] = x->colour;
            b->scores[c.n] = x->score;
            b->ids[c.n++] = f->ind[out->ind[k]].id;
        }
        char owner[200];
        snprintf(owner, sizeof owner, "outcome %s, area %s", out->id, ra->code);
        res_outcome *ro = &ra->outcomes[o];
        rc = rollup_children(h, f, &out->rollup, &c, ra, owner, &ro->colour, &ro->reason, &ro->score, &ro->segment, e);
        if (!rc && !ro->reason)
            rc = err_set(e, ERR_NOMEM, "out of memory");
    }
    return rc;
}

/* The area's overall colour. An area rolls up its outcomes, except a count or
 * a mean of its indicators' scores: counted outcomes have no colour of their
 * own, and the Oversight Framework averages metric scores, not domain scores.
 * Each indicator counts once however many outcomes list it. */
static int rollup_overall(host *h, const framework *f, res_area *ra, buffers *b, err *e)
{
    children c = {b->colours, b->scores, b->ids, 0};
    const fw_rollup *ru = &f->rollup;
    if (ru->method == ROLLUP_COUNT || (ru->method == ROLLUP_MEAN_SCORE && !ru->over_outcomes)) {
        for (size_t i = 0; i < f->nind; i++)
            if (f->ind[i].reported && !outside_mean(ru, &f->ind[i], &ra->indicators[i])) {
                b->colours[c.n] = ra->indicators[i].colour;
                b->scores[c.n] = ra->indicators[i].score;
                b->ids[c.n++] = f->ind[i].id;
            }
    } else {
        for (size_t o = 0; o < f->nout; o++) {
            b->colours[c.n] = ra->outcomes[o].colour;
            b->scores[c.n] = ra->outcomes[o].score;
            b->ids[c.n++] = f->out[o].id;
        }
    }
    char owner[200];
    snprintf(owner, sizeof owner, "framework, area %s", ra->code);
    int rc = rollup_children(h, f, ru, &c, ra, owner, &ra->colour, &ra->reason, &ra->score, &ra->segment, e);
    if (!rc && !ra->reason)
        rc = err_set(e, ERR_NOMEM, "out of memory");
    return rc;
}

/* Cuts one roll-up's scores at their quartiles across the areas counted:
 * score_of(area) gives each area's score, and its colour, segment and reason. */
typedef struct scored {
    vocab_colour *colour;
    double score;
    int *segment;
    char **reason;
} scored;

static scored score_of(res_area *ra, long outcome)
{
    if (outcome < 0)
        return (scored){&ra->colour, ra->score, &ra->segment, &ra->reason};
    res_outcome *o = &ra->outcomes[outcome];
    return (scored){&o->colour, o->score, &o->segment, &o->reason};
}

static int cut_at_quartiles(const framework *f, const fw_rollup *ru, long outcome, result_set *r,
                            const unsigned char *counted, err *e)
{
    double *values = calloc(r->nareas ? r->nareas : 1, sizeof *values);
    double *sorted = calloc(r->nareas ? r->nareas : 1, sizeof *sorted);
    if (!values || !sorted) {
        free(values), free(sorted);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    for (size_t a = 0; a < r->nareas; a++)
        values[a] = counted[a] ? score_of(&r->areas[a], outcome).score : NAN;
    double bounds[5];
    size_t valid = 0;
    int rc = stats_quantile_bounds(values, r->nareas, 4, sorted, bounds, &valid, e);
    free(values);
    free(sorted);
    if (rc)
        return rc;
    char words[200];
    if (isnan(bounds[1]))
        snprintf(words, sizeof words, "%zu area%s with a score: too few to cut at quartiles", valid,
                 valid == 1 ? "" : "s");
    else
        cut_words(ru, bounds + 1, "", words, sizeof words);
    char lead[160];
    snprintf(lead, sizeof lead, "the quartiles of the %zu areas' scores,", valid);
    char all[400];
    snprintf(all, sizeof all, "%s%s", isnan(bounds[1]) ? "" : lead, words);
    for (size_t a = 0; a < r->nareas; a++) {
        scored sc = score_of(&r->areas[a], outcome);
        if (isnan(sc.score))
            continue;
        if (isnan(bounds[1])) {
            char *more = text_printf_dup("%s; no segment: %s", *sc.reason, words);
            if (!more)
                return err_set(e, ERR_NOMEM, "out of memory");
            free(*sc.reason);
            *sc.reason = more;
        } else if (place_in_segment(f, ru, bounds + 1, all, &r->areas[a], sc.score, sc.colour, sc.segment,
                                    sc.reason)) {
            return err_set(e, ERR_NOMEM, "out of memory");
        }
    }
    return 0;
}

int rollup_run(host *h, const framework *f, result_set *r, const unsigned char *counted, err *e)
{
    buffers b;
    int rc = buffers_new(f, &b, e);
    /* outcomes first, cut across the areas where they are, so an area's own
     * roll-up of its outcomes sees their final colours */
    for (size_t a = 0; !rc && a < r->nareas; a++)
        rc = rollup_outcomes(h, f, &r->areas[a], &b, e);
    for (size_t o = 0; !rc && o < f->nout; o++)
        if (f->out[o].rollup.method == ROLLUP_MEAN_SCORE && f->out[o].rollup.quartiles)
            rc = cut_at_quartiles(f, &f->out[o].rollup, (long)o, r, counted, e);
    for (size_t a = 0; !rc && a < r->nareas; a++)
        rc = rollup_overall(h, f, &r->areas[a], &b, e);
    if (!rc && f->rollup.method == ROLLUP_MEAN_SCORE && f->rollup.quartiles)
        rc = cut_at_quartiles(f, &f->rollup, -1, r, counted, e);
    buffers_free(&b);
    return rc;
}
