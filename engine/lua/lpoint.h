/*
 * lpoint.h - an observation as a script sees it: the one table shape the
 * rules' series (ctx.series) and the data library (data.series) hand to Lua,
 * so a framework reads the same fields from either. Private to engine/lua.
 */
#ifndef SCORECARD_LPOINT_H
#define SCORECARD_LPOINT_H

#include <lua.h>

#include "obs.h"

typedef struct lpoint {
    const char *period, *period_type; /* its label and type name; NULL when none */
    const char *start, *end;          /* ISO dates; NULL when none */
    const char *value_text;           /* as published; NULL when none */
    double value, numerator, denominator, lower, upper; /* NaN when absent; limits at 95% */
    double lower_998, upper_998;                        /* the 99.8% limits, NaN when absent */
    obs_status status;
    int series_break, derived;
} lpoint;

/* Pushes a fresh table {period, period_type, start, end, value, value_text,
 * numerator, denominator, lower, upper, lower_998, upper_998, status,
 * series_break, provisional, derived}: absent fields are nil, so nothing a
 * script does to it reaches the engine's copy. */
void lpoint_push(lua_State *L, const lpoint *p);

/* The breakdown key (obs.h) of the script's value at `idx`: nil (all
 * persons), a table of dimension names to values ({sex = "Female"}) or a key
 * written out ("sex=Female"), so the order of dimensions and a value meaning
 * everyone never matter. Returns 0, or -1 when the value is none of these. */
int lpoint_breakdown_key(lua_State *L, int idx, char *out, size_t cap);

#endif
