/* lfunnel.c - stats.funnel: the funnel plot of a set of areas (funnel.h) as
 * Lua sees it, with each area's position turned into the engine's outcome
 * words. docs/stats.md documents the arguments and fields. */
#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <string.h>

#include "funnel.h"
#include "host_lua.h"
#include "largs.h"
#include "lfield.h"
#include "lstats.h"

static const char *const FUNNEL_KEYS[] = {"kind",  "numerators", "denominators", "rates",
                                          "multiplier", "years", "polarity", NULL};

static const struct {
    const char *name;
    stats_funnel_kind kind;
    double multiplier; /* the default */
} FUNNEL_KINDS[] = {
    {"proportion", STATS_FUNNEL_PROPORTION, 100}, {"ratio", STATS_FUNNEL_RATIO_COUNT, 100},
    {"isr", STATS_FUNNEL_RATIO_ISR, 100},         {"dsr", STATS_FUNNEL_RATE_DSR, 100000},
    {"crude", STATS_FUNNEL_RATE_CRUDE, 100000},
};

/* An area's position as the engine's outcome: outside the 99.8% limits is
 * best or worst, outside the 95% only better or worse (higher and lower
 * with no polarity), as the two-level benchmark reads an interval. */
static stats_outcome position_outcome(stats_funnel_position p, stats_polarity pol)
{
    switch (p) {
    case STATS_FUNNEL_HIGH_998:
        return pol == STATS_HIGH_GOOD ? STATS_BEST : pol == STATS_LOW_GOOD ? STATS_WORST : STATS_HIGHER;
    case STATS_FUNNEL_LOW_998:
        return pol == STATS_HIGH_GOOD ? STATS_WORST : pol == STATS_LOW_GOOD ? STATS_BEST : STATS_LOWER;
    case STATS_FUNNEL_HIGH_95:
        return stats_apply_polarity(STATS_HIGHER, pol);
    case STATS_FUNNEL_LOW_95:
        return stats_apply_polarity(STATS_LOWER, pol);
    case STATS_FUNNEL_NOT_SIGNIFICANT:
        return STATS_SIMILAR;
    case STATS_FUNNEL_NO_VALUE:
    case STATS_FUNNEL_NOT_APPLICABLE:
        break;
    }
    return STATS_OUTCOME_NOT_COMPARED;
}

static void push_rows(lua_State *L, const stats_funnel_chart *c)
{
    lua_createtable(L, STATS_FUNNEL_ROWS, 0);
    for (int i = 0; i < STATS_FUNNEL_ROWS; i++) {
        const stats_funnel_row *r = &c->row[i];
        lua_createtable(L, 0, 9);
        lfield_number(L, "x", r->x);
        lfield_number(L, "lower95", r->lower95);
        lfield_number(L, "upper95", r->upper95);
        lfield_number(L, "lower998", r->lower998);
        lfield_number(L, "upper998", r->upper998);
        lfield_number(L, "lower95_at", r->lower95_at);
        lfield_number(L, "upper95_at", r->upper95_at);
        lfield_number(L, "lower998_at", r->lower998_at);
        lfield_number(L, "upper998_at", r->upper998_at);
        lua_rawseti(L, -2, i + 1);
    }
}

/* stats.funnel{kind, numerators, denominators, rates, multiplier, years, polarity} */
int lstats_funnel(lua_State *L)
{
    const char *fn = "funnel";
    largs_raw_arguments(L);
    lua_settop(L, 1);
    luaL_checktype(L, 1, LUA_TTABLE);
    largs_check_options(L, 1, FUNNEL_KEYS, fn);
    lua_getfield(L, 1, "kind");
    const char *kname = lua_isnil(L, -1) ? "proportion" : luaL_checkstring(L, -1);
    size_t k = 0, nk = sizeof FUNNEL_KINDS / sizeof *FUNNEL_KINDS;
    while (k < nk && strcmp(FUNNEL_KINDS[k].name, kname))
        k++;
    if (k == nk)
        return luaL_error(L, "stats.funnel: kind \"%s\" is not proportion, ratio, isr, dsr or crude", kname);
    stats_funnel_kind kind = FUNNEL_KINDS[k].kind;
    int rate = kind == STATS_FUNNEL_RATE_DSR || kind == STATS_FUNNEL_RATE_CRUDE;
    double multiplier = largs_field_number(L, 1, "multiplier", fn);
    if (isnan(multiplier))
        multiplier = FUNNEL_KINDS[k].multiplier;
    double years = largs_field_number(L, 1, "years", fn);
    if (isnan(years))
        years = 1;
    lua_getfield(L, 1, "polarity");
    stats_polarity pol = largs_opt_polarity(L, -1, fn);

    size_t n = 0, nd = 0, nr = 0;
    if (lua_getfield(L, 1, "numerators") != LUA_TTABLE)
        return luaL_error(L, "stats.funnel: numerators must be a list of numbers");
    const double *num = largs_read_numbers(L, -1, fn, "numerators", &n);
    const double *den = NULL, *rates = NULL;
    if (lua_getfield(L, 1, "denominators") != LUA_TNIL) {
        den = largs_read_numbers(L, -1, fn, "denominators", &nd);
        if (nd != n)
            return luaL_error(L, "stats.funnel: %d denominators for %d numerators", (int)nd, (int)n);
    } else if (!rate) {
        return luaL_error(L, "stats.funnel: a %s funnel needs denominators", kname);
    }
    if (lua_getfield(L, 1, "rates") != LUA_TNIL) {
        rates = largs_read_numbers(L, -1, fn, "rates", &nr);
        if (nr != n)
            return luaL_error(L, "stats.funnel: %d rates for %d numerators", (int)nr, (int)n);
    } else if (rate) {
        return luaL_error(L, "stats.funnel: a %s funnel needs rates", kname);
    }
    host_charge(L, 64 * n + 1);
    stats_funnel_input in = {n, num, den, rate ? rates : NULL};
    stats_funnel_position *pos = lua_newuserdatauv(L, (n ? n : 1) * sizeof *pos, 0);
    stats_funnel_chart *chart = lua_newuserdatauv(L, sizeof *chart, 0);
    double average = NAN;
    err e = {0};
    if (stats_funnel_significance(&in, kind, multiplier, pos, &average, &e) ||
        stats_funnel_limits(&in, kind, multiplier, years, chart, &e))
        return largs_fail(L, fn, &e);
    /* the Poisson limits cost a series of up to STATS_FUNNEL_SERIES_MAX terms, 23 times a limit */
    if (kind != STATS_FUNNEL_PROPORTION && chart->status == STATS_OK)
        host_charge(L, (size_t)(4 * STATS_FUNNEL_ROWS * 23 * fmin(chart->axis_max + 50, STATS_FUNNEL_SERIES_MAX)));

    lua_newtable(L);
    if (chart->status != STATS_OK) {
        lfield_string(L, "status", stats_status_name(chart->status));
        lfield_string(L, "reason", chart->reason);
    }
    lfield_string(L, "kind", kname);
    lfield_string(L, "statistic", chart->statistic);
    lfield_string(L, "method", chart->method);
    lfield_number(L, "multiplier", multiplier);
    lfield_number(L, "average", average);
    lfield_number(L, "baseline", chart->baseline);
    lfield_number(L, "axis_min", chart->axis_min);
    lfield_number(L, "axis_max", chart->axis_max);
    lua_createtable(L, (int)n, 0);
    lua_createtable(L, (int)n, 0);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, stats_funnel_position_name(pos[i]));
        lua_rawseti(L, -4, (lua_Integer)i + 1);
        lua_pushstring(L, stats_funnel_position_label(pos[i]));
        lua_rawseti(L, -3, (lua_Integer)i + 1);
        lua_pushstring(L, stats_outcome_name(position_outcome(pos[i], pol)));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -4, "outcomes");
    lua_setfield(L, -3, "labels");
    lua_setfield(L, -2, "positions");
    if (chart->status == STATS_OK) {
        push_rows(L, chart);
        lua_setfield(L, -2, "limits");
    }
    return 1;
}
