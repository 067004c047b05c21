/*
 * derive.h - an area without figures of its own, built from its members'
 * (framework `derive`): a partnership from its councils, an ICB from its
 * health and wellbeing boards, across more than one level where need be.
 *
 * Per period present in every member, numerators and denominators are summed
 * (FW_DERIVE_SUM, value = numerator / denominator * multiplier), values
 * averaged weighted by denominators (FW_DERIVE_WEIGHTED_MEAN), or values added
 * (FW_DERIVE_COUNT, a count with no denominator). A member with
 * a weight in the geography counts that share; a member only partly inside is
 * flagged, so the result says its geography is approximate.
 */
#ifndef SCORECARD_DERIVE_H
#define SCORECARD_DERIVE_H

#include "error.h"
#include "framework.h"
#include "series.h"
#include "store.h"

/* What a derived result says about its members: their codes (a derived member
 * by the areas it was built from), then those only partly inside. */
typedef struct derivation {
    char from[512];
    char partly[256]; /* members counted whole (or by weight) that are only partly inside */
} derivation;

/* Adds to `set` a series for `area` built from its members for the period
 * [start, end] (ISO dates), and says in `how` from what. Sets *out to the new
 * slot, or NULL when there is none (no members, or no period complete in all);
 * returns 0 or an error. Slots and points of `set` may move. */
int derive_series(store *s, series_set *set, const fw_indicator *ind, const char *area, const char *start,
                  const char *end, derivation *how, const series_slot **out, err *e);

#endif
