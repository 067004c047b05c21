/* lpopulation.c - stats.life_expectancy and stats.sii: the whole-population
 * measures (lifetable.h, sii.h) as Lua sees them. docs/stats.md documents
 * the arguments and fields. */
#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <string.h>

#include "host_lua.h"
#include "largs.h"
#include "lfield.h"
#include "lifetable.h"
#include "lstats.h"
#include "sii.h"

/* ---- life expectancy ---- */

static const char *const LIFE_KEYS[] = {"deaths", "populations", "ages", "level", NULL};

/* The start age of each band: numbers as given, or labels read as upstream
 * reads its age_contents; by default the 20 standard bands 0, 1-4, ..., 90+. */
static const double *life_start_ages(lua_State *L, int t, size_t bands, const char *fn)
{
    double *ages = lua_newuserdatauv(L, (bands ? bands : 1) * sizeof *ages, 0);
    int type = lua_getfield(L, t, "ages");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        if (bands != STATS_LIFE_BANDS)
            luaL_error(L, "stats.%s: %d bands without ages; give ages, or the 20 bands 0, 1-4, ..., 90+", fn,
                       (int)bands);
        err e = {0};
        if (stats_life_start_ages(stats_life_age_contents, bands, NULL, 0, ages, &e))
            largs_fail(L, fn, &e);
        return ages;
    }
    if (type != LUA_TTABLE || (size_t)lua_rawlen(L, -1) != bands)
        luaL_error(L, "stats.%s: ages must be a list of %d start ages or band labels", fn, (int)bands);
    int idx = lua_gettop(L);
    const char **labels = lua_newuserdatauv(L, (bands ? bands : 1) * sizeof *labels, 0);
    int numbers = 0;
    for (size_t i = 0; i < bands; i++) {
        int ti = lua_rawgeti(L, idx, (lua_Integer)i + 1);
        if (ti == LUA_TNUMBER) {
            ages[i] = lua_tonumber(L, -1);
            numbers++;
        } else if (ti == LUA_TSTRING) {
            labels[i] = lua_tostring(L, -1); /* stays alive in the argument table */
        } else {
            luaL_error(L, "stats.%s: ages[%d] must be a number or a label, got %s", fn, (int)i + 1,
                       luaL_typename(L, -1));
        }
        lua_pop(L, 1);
    }
    if (numbers && numbers != (int)bands)
        luaL_error(L, "stats.%s: ages mixes numbers and labels", fn);
    if (!numbers) {
        err e = {0};
        if (stats_life_start_ages(labels, bands, labels, bands, ages, &e))
            largs_fail(L, fn, &e);
    }
    lua_pop(L, 2); /* the labels and the ages field */
    return ages;
}

/* stats.life_expectancy{deaths, populations, ages, level}: one result per band. */
int lstats_life_expectancy(lua_State *L)
{
    const char *fn = "life_expectancy";
    largs_raw_arguments(L);
    lua_settop(L, 1);
    luaL_checktype(L, 1, LUA_TTABLE);
    largs_check_options(L, 1, LIFE_KEYS, fn);
    size_t nd = 0, np = 0;
    if (lua_getfield(L, 1, "deaths") != LUA_TTABLE || lua_getfield(L, 1, "populations") != LUA_TTABLE)
        return luaL_error(L, "stats.%s: deaths and populations must be lists of numbers, one per band", fn);
    const double *deaths = largs_read_numbers(L, 2, fn, "deaths", &nd);
    const double *pops = largs_read_numbers(L, 3, fn, "populations", &np);
    if (nd != np)
        return luaL_error(L, "stats.%s: %d death counts for %d populations", fn, (int)nd, (int)np);
    lua_getfield(L, 1, "level");
    double level = largs_opt_level(L, -1, 0.95, fn);
    lua_pop(L, 1);
    const double *ages = life_start_ages(L, 1, nd, fn);
    host_charge(L, 32 * nd + 1);
    stats_life_expectancy_result *out = lua_newuserdatauv(L, (nd ? nd : 1) * sizeof *out, 0);
    err e = {0};
    if (stats_life_expectancy(deaths, pops, ages, nd, level, out, &e))
        return largs_fail(L, fn, &e);
    lua_createtable(L, (int)nd, 0);
    for (size_t i = 0; i < nd; i++) {
        const stats_life_expectancy_result *r = &out[i];
        lua_createtable(L, 0, 14);
        if (r->status != STATS_OK) {
            lfield_string(L, "status", stats_status_name(r->status));
            lfield_string(L, "reason", r->reason);
        }
        lfield_number(L, "start_age", r->start_age);
        lfield_number(L, "value", r->value);
        lfield_number(L, "lower", r->lower);
        lfield_number(L, "upper", r->upper);
        lfield_number(L, "level", r->level);
        lfield_number(L, "lower95", r->lower95);
        lfield_number(L, "upper95", r->upper95);
        lfield_number(L, "lower998", r->lower998);
        lfield_number(L, "upper998", r->upper998);
        lfield_number(L, "se", r->se);
        lfield_number(L, "population", r->pops_used);
        lfield_number(L, "deaths", r->deaths_used);
        lfield_string(L, "method", r->method);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* ---- slope index of inequality ---- */

static const char *const SII_KEYS[] = {"populations", "values", "counts", "lower", "upper", "se",
                                       "type", "transform", "multiplier", "repetitions", "levels", "rii",
                                       "reliability", "seed", "quantiles", NULL};

/* The SII's repetitions are C work a script chooses: at most this many. */
#define LSII_MAX_REPETITIONS 1000000

static const double *opt_list(lua_State *L, int t, const char *key, size_t n, const char *fn)
{
    if (lua_getfield(L, t, key) == LUA_TNIL) {
        lua_pop(L, 1);
        return NULL;
    }
    size_t len = 0;
    const double *v = largs_read_numbers(L, -1, fn, key, &len);
    if (len != n)
        luaL_error(L, "stats.%s: %d %s for %d populations", fn, (int)len, key, (int)n);
    lua_remove(L, -2); /* keep the userdata, drop the list */
    return v;
}

static int opt_flag(lua_State *L, int t, const char *key, const char *fn)
{
    int type = lua_getfield(L, t, key);
    if (type != LUA_TNIL && type != LUA_TBOOLEAN)
        luaL_error(L, "stats.%s: %s must be true or false", fn, key);
    int b = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return b;
}

/* stats.sii{populations, values | counts, lower + upper | se, type, ...}: the
 * quantiles of one area in order, worst-off (most deprived) first. */
int lstats_sii(lua_State *L)
{
    const char *fn = "sii";
    largs_raw_arguments(L);
    lua_settop(L, 1);
    luaL_checktype(L, 1, LUA_TTABLE);
    largs_check_options(L, 1, SII_KEYS, fn);
    if (lua_getfield(L, 1, "populations") != LUA_TTABLE)
        return luaL_error(L, "stats.%s: populations must be a list, one per quantile", fn);
    size_t n = 0;
    stats_sii_data d = {0};
    d.population = largs_read_numbers(L, -1, fn, "populations", &n);
    d.n = n;
    d.value = opt_list(L, 1, "values", n, fn);
    d.count = opt_list(L, 1, "counts", n, fn);
    d.lower95 = opt_list(L, 1, "lower", n, fn);
    d.upper95 = opt_list(L, 1, "upper", n, fn);
    d.se = opt_list(L, 1, "se", n, fn);
    stats_sii_options o;
    stats_sii_options_default(&o);
    lua_getfield(L, 1, "type");
    const char *type = lua_isnil(L, -1) ? "normal" : luaL_checkstring(L, -1);
    if (!strcmp(type, "normal"))
        o.value_type = STATS_SII_NORMAL;
    else if (!strcmp(type, "rate"))
        o.value_type = STATS_SII_RATE;
    else if (!strcmp(type, "proportion"))
        o.value_type = STATS_SII_PROPORTION;
    else
        return luaL_error(L, "stats.%s: type \"%s\" is not normal, rate or proportion", fn, type);
    lua_pop(L, 1);
    o.transform = opt_flag(L, 1, "transform", fn);
    o.rii = opt_flag(L, 1, "rii", fn);
    o.reliability = opt_flag(L, 1, "reliability", fn);
    double m = largs_field_number(L, 1, "multiplier", fn);
    if (!isnan(m))
        o.multiplier = m;
    double reps = largs_field_number(L, 1, "repetitions", fn);
    if (!isnan(reps)) {
        if (!(reps >= STATS_SII_MIN_REPETITIONS && reps <= LSII_MAX_REPETITIONS) || reps != floor(reps))
            return luaL_error(L, "stats.%s: repetitions must be a whole number from %d to %d", fn,
                              STATS_SII_MIN_REPETITIONS, LSII_MAX_REPETITIONS);
        o.repetitions = (size_t)reps;
    }
    double seed = largs_field_number(L, 1, "seed", fn);
    if (!isnan(seed)) {
        if (!(seed >= 0 && seed <= 9007199254740992.0) || seed != floor(seed))
            return luaL_error(L, "stats.%s: seed must be a whole number from 0 to 2^53", fn);
        o.seed = (uint64_t)seed;
    }
    double q = largs_field_number(L, 1, "quantiles", fn);
    d.quantiles = isnan(q) ? n : (q >= 0 && q <= STATS_SII_MAX_QUANTILES ? (size_t)q : (size_t)-1);
    if (lua_getfield(L, 1, "levels") != LUA_TNIL) {
        size_t nl = 0;
        const double *lv = largs_read_numbers(L, -1, fn, "levels", &nl);
        if (nl < 1 || nl > STATS_SII_MAX_LEVELS)
            return luaL_error(L, "stats.%s: levels must list 1 to %d confidence levels", fn, STATS_SII_MAX_LEVELS);
        for (size_t i = 0; i < nl; i++)
            o.levels[i] = lv[i];
        o.nlevels = nl;
    }
    /* Each repetition draws one normal per quantile, twice with the RII's
     * limits, ten blocks more with reliability: charged before it runs. */
    host_charge(L, o.repetitions * (n + 4) * (o.rii ? 2 : 1) * (o.reliability ? 11 : 1));
    double *work = lua_newuserdatauv(L, o.repetitions * sizeof *work, 0);
    stats_sii_result r;
    err e = {0};
    if (stats_sii(&d, &o, work, o.repetitions, &r, &e))
        return largs_fail(L, fn, &e);
    lua_newtable(L);
    if (r.status != STATS_OK) {
        lfield_string(L, "status", stats_status_name(r.status));
        lfield_string(L, "reason", r.reason);
    }
    lfield_string(L, "note", r.note);
    lfield_string(L, "type", r.indicator_type);
    lfield_string(L, "transform", r.transform);
    lfield_integer(L, "quantiles", (lua_Integer)r.quantiles);
    lfield_integer(L, "repetitions", (lua_Integer)r.repetitions);
    lfield_number(L, "multiplier", r.multiplier);
    lfield_number(L, "sii", r.sii);
    lfield_number(L, "rii", r.rii);
    lfield_number(L, "intercept", r.intercept);
    lua_createtable(L, (int)r.nlevels, 0);
    for (size_t i = 0; r.status == STATS_OK && i < r.nlevels; i++) {
        const stats_sii_limits *l = &r.limits[i];
        lua_createtable(L, 0, 7);
        lfield_number(L, "level", l->level);
        lfield_number(L, "sii_lower", l->sii_lower);
        lfield_number(L, "sii_upper", l->sii_upper);
        lfield_number(L, "rii_lower", l->rii_lower);
        lfield_number(L, "rii_upper", l->rii_upper);
        lfield_number(L, "sii_mad", l->sii_mad);
        lfield_number(L, "rii_mad", l->rii_mad);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "limits");
    return 1;
}
