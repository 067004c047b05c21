/* sandbox.c - a host with the engine's libraries; see sandbox.h. */
#include "sandbox.h"

#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lstats.h"

const char *sandbox_rules_dir(void)
{
    const char *env = getenv("SCORECARD_RULES");
    return env && *env ? env : SCORECARD_RULES_DIR;
}

/* ---- data: read-only series from the store ---- */

typedef struct series_ctx {
    lua_State *L;
    lua_Integer n;
} series_ctx;

static void set_number(lua_State *L, const char *key, double v)
{
    if (!isnan(v)) {
        lua_pushnumber(L, v);
        lua_setfield(L, -2, key);
    }
}

static void set_string(lua_State *L, const char *key, const char *v)
{
    if (v && *v) {
        lua_pushstring(L, v);
        lua_setfield(L, -2, key);
    }
}

static int push_point(void *ctx, const store_obs_row *r)
{
    series_ctx *c = ctx;
    lua_State *L = c->L;
    lua_createtable(L, 0, 12);
    set_string(L, "period", r->o.period_label);
    set_string(L, "period_type", r->period_type);
    set_string(L, "start", r->period_start);
    set_string(L, "end", r->period_end);
    set_number(L, "value", r->o.value);
    set_string(L, "value_text", r->o.value_text);
    set_number(L, "numerator", r->o.numerator);
    set_number(L, "denominator", r->o.denominator);
    set_number(L, "lower", r->o.lower_ci);
    set_number(L, "upper", r->o.upper_ci);
    set_string(L, "status", obs_status_name(r->o.status));
    lua_pushboolean(L, r->o.series_break);
    lua_setfield(L, -2, "series_break");
    lua_rawseti(L, -2, ++c->n);
    host_charge(L, 16);
    return 0;
}

/* data.series(indicator, area) -> array of points in period order */
static int data_series(lua_State *L)
{
    store *s = lua_touserdata(L, lua_upvalueindex(1));
    store_obs_filter f = {luaL_checkstring(L, 1), luaL_checkstring(L, 2), NULL, 0};
    const char *current;
    int approximate;
    err e = {0};
    if (store_resolve_area(s, f.area, &current, &approximate, &e) == 1)
        f.area = current;
    lua_newtable(L);
    series_ctx c = {L, 0};
    if (store_each_observation(s, &f, push_point, &c, &e))
        return luaL_error(L, "%s", e.msg);
    return 1;
}

host *sandbox_new(store *s, const host_limits *limits, err *e)
{
    host *h = host_new(limits, sandbox_rules_dir(), e);
    if (!h)
        return NULL;
    host_add_library(h, "stats", lstats_functions(), NULL);
    if (s) {
        static const luaL_Reg data[] = {{"series", data_series}, {NULL, NULL}};
        host_add_library(h, "data", data, s);
    }
    return h;
}
