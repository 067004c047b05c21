/* rollup.c - colours rolled up from indicators to outcomes and areas (rollup.h). */
#include "rollup.h"

#include <stdio.h>
#include <stdlib.h>

#include "rule_call.h"
#include "text.h"

/* Rolls `n` children up with `ru`. ids[k] names child k, for weights and custom roll-ups. */
static int rollup(host *h, const fw_rollup *ru, const vocab_colour *colours, const char *const *ids, size_t n,
                  const char *owner, vocab_colour *colour, char **reason, err *e)
{
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
        break;
    }
    return 0;
}

int rollup_area(host *h, const framework *f, res_area *ra, err *e)
{
    size_t max = f->nind > f->nout ? f->nind : f->nout;
    vocab_colour *colours = calloc(max ? max : 1, sizeof *colours);
    const char **ids = calloc(max ? max : 1, sizeof *ids);
    int rc = colours && ids ? 0 : err_set(e, ERR_NOMEM, "out of memory");
    for (size_t o = 0; !rc && o < f->nout; o++) {
        const fw_outcome *out = &f->out[o];
        for (size_t k = 0; k < out->nind; k++) {
            colours[k] = ra->indicators[out->ind[k]].colour;
            ids[k] = f->ind[out->ind[k]].id;
        }
        char owner[200];
        snprintf(owner, sizeof owner, "outcome %s, area %s", out->id, ra->code);
        rc = rollup(h, &out->rollup, colours, ids, out->nind, owner, &ra->outcomes[o].colour, &ra->outcomes[o].reason,
                    e);
        if (!rc && !ra->outcomes[o].reason)
            rc = err_set(e, ERR_NOMEM, "out of memory");
    }
    /* An area rolls up its outcomes, except a count: outcomes counted have no
     * colour of their own, so the area counts its published indicators, each
     * once however many outcomes list it. */
    size_t n = 0;
    if (rc) {
        /* nothing to roll up */
    } else if (f->rollup.method == ROLLUP_COUNT) {
        for (size_t i = 0; i < f->nind; i++)
            if (f->ind[i].reported) {
                colours[n] = ra->indicators[i].colour;
                ids[n++] = f->ind[i].id;
            }
    } else {
        for (size_t o = 0; o < f->nout; o++) {
            colours[n] = ra->outcomes[o].colour;
            ids[n++] = f->out[o].id;
        }
    }
    if (!rc) {
        char owner[200];
        snprintf(owner, sizeof owner, "framework, area %s", ra->code);
        rc = rollup(h, &f->rollup, colours, ids, n, owner, &ra->colour, &ra->reason, e);
        if (!rc && !ra->reason)
            rc = err_set(e, ERR_NOMEM, "out of memory");
    }
    free(colours);
    free(ids);
    return rc;
}

