/*
 * lstats.c - the `stats` table Lua sees: thin bindings over stats.h,
 * spc.h and spc_compare.h here, funnel.h in lfunnel.c and lifetable.h and
 * sii.h in lpopulation.c. docs/stats.md documents every function, its arguments and fields.
 *
 * Conventions: arguments are checked with luaL_check*, and a programming
 * error (a wrong type, a negative count, x > n for a proportion, an unknown
 * option) raises a Lua error naming the function. A statistical no-result is
 * not an error: the function returns a table with `status` and `reason` (and
 * only then is `status` set). A value that does not exist is left out of the
 * table, so NaN and infinities never reach Lua. Work buffers are Lua userdata,
 * so an error raised half way leaks nothing.
 *
 * Arguments are read through largs.h, which copies every table argument first.
 */
#include "lstats.h"

#include <lua.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "host_lua.h"
#include "largs.h"
#include "lfield.h"
#include "spc.h"
#include "spc_compare.h"
#include "stats.h"
#include "vocab.h"

static void push_interval(lua_State *L, const stats_interval *r, const char *statistic)
{
    lua_newtable(L);
    if (r->status != STATS_OK) {
        lfield_string(L, "status", stats_status_name(r->status));
        lfield_string(L, "reason", r->reason);
    }
    lfield_number(L, "value", r->value);
    lfield_number(L, "lower", r->lower);
    lfield_number(L, "upper", r->upper);
    lfield_number(L, "level", r->level);
    lfield_number(L, "lower95", r->lower95);
    lfield_number(L, "upper95", r->upper95);
    lfield_number(L, "lower998", r->lower998);
    lfield_number(L, "upper998", r->upper998);
    lfield_string(L, "method", r->method);
    lfield_string(L, "statistic", statistic);
    lfield_number(L, "count", r->count);
    lfield_number(L, "denominator", r->denominator);
    lfield_number(L, "multiplier", r->multiplier);
    lfield_number(L, "sd", r->sd);
}

/* ---- intervals ---- */

/* stats.proportion(x, n [, level [, multiplier]]) */
static int l_proportion(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 4); /* fixed argument slots: work buffers go above them */
    double x = luaL_checknumber(L, 1), n = luaL_checknumber(L, 2);
    double level = largs_opt_level(L, 3, 0.95, "proportion");
    double m = luaL_optnumber(L, 4, 1);
    stats_interval r;
    err e = {0};
    if (stats_proportion(x, n, m, level, &r, &e))
        return largs_fail(L, "proportion", &e);
    push_interval(L, &r, m == 100 ? "percentage" : "proportion");
    return 1;
}

/* stats.rate(x, n [, multiplier [, level]]) */
static int l_rate(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 4);
    double x = luaL_checknumber(L, 1), n = luaL_checknumber(L, 2);
    double m = luaL_optnumber(L, 3, 100000);
    double level = largs_opt_level(L, 4, 0.95, "rate");
    stats_interval r;
    err e = {0};
    if (stats_rate(x, n, m, level, &r, &e))
        return largs_fail(L, "rate", &e);
    char stat[64];
    snprintf(stat, sizeof stat, "rate per %.15g", m);
    push_interval(L, &r, stat);
    return 1;
}

/* stats.count(o [, level]): Byar's or exact limits of an observed count. */
static int l_count(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 2);
    double o = luaL_checknumber(L, 1);
    double level = largs_opt_level(L, 2, 0.95, "count");
    stats_interval r;
    err e = {0};
    if (stats_count_limits(o, level, &r, &e))
        return largs_fail(L, "count", &e);
    push_interval(L, &r, "count");
    return 1;
}

/* The standard population argument: nil or "esp2013", an array of weights, or
 * a table of weights keyed by band label. Fills a stats_standard whose arrays
 * live in a userdata pushed on the stack (or ESP2013 itself, pushing nil). */
static void read_standard(lua_State *L, int idx, const char *fn, stats_standard *std, int *labelled,
                          const double **by_position, size_t *npos)
{
    *labelled = 0;
    *by_position = NULL;
    *npos = 0;
    if (lua_isnoneornil(L, idx) ||
        (lua_type(L, idx) == LUA_TSTRING && strcmp(lua_tostring(L, idx), "esp2013") == 0)) {
        *std = stats_esp2013;
        lua_pushnil(L);
        return;
    }
    if (lua_type(L, idx) == LUA_TSTRING)
        luaL_error(L, "stats.%s: standard \"%s\" is unknown (esp2013, or a table of weights)", fn,
                   lua_tostring(L, idx));
    luaL_checktype(L, idx, LUA_TTABLE);
    if (!largs_has_string_keys(L, idx)) {
        *by_position = largs_read_numbers(L, idx, fn, "standard", npos);
        *std = stats_esp2013; /* unused for positional weights */
        return;
    }
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        count++;
    }
    /* one block: labels then weights */
    void *block = lua_newuserdatauv(L, count * (sizeof(const char *) + sizeof(double)) + 1, 0);
    const char **labels = block;
    double *weights = (double *)((char *)block + count * sizeof(const char *));
    size_t i = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "stats.%s: a labelled standard maps band labels to numbers", fn);
        labels[i] = lua_tostring(L, -2); /* the key stays alive in the argument table */
        weights[i] = lua_tonumber(L, -1);
        i++;
        lua_pop(L, 1);
    }
    std->name = "(given)";
    std->n = count;
    std->labels = labels;
    std->weights = weights;
    *labelled = 1;
}

/* stats.dsr(counts, populations [, standard [, level [, multiplier]]]) */
static int l_dsr(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 5);
    const char *fn = "dsr";
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    double level = largs_opt_level(L, 4, 0.95, fn);
    double m = luaL_optnumber(L, 5, 100000);
    stats_standard std;
    int labelled;
    const double *pos_weights;
    size_t npos;
    read_standard(L, 3, fn, &std, &labelled, &pos_weights, &npos);
    err e = {0};
    size_t n;
    double *counts, *pops, *weights;
    if (largs_has_string_keys(L, 2)) {
        if (pos_weights)
            return luaL_error(L, "stats.dsr: populations keyed by band need a standard keyed by band");
        /* Keyed by band label: join to the standard by label, never by position. */
        n = 0;
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pop(L, 1);
            n++;
        }
        const char **labels = lua_newuserdatauv(L, (n ? n : 1) * sizeof *labels, 0);
        counts = lua_newuserdatauv(L, (n ? n : 1) * sizeof *counts, 0);
        pops = lua_newuserdatauv(L, (n ? n : 1) * sizeof *pops, 0);
        weights = lua_newuserdatauv(L, (n ? n : 1) * sizeof *weights, 0);
        size_t i = 0;
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER)
                return luaL_error(L, "stats.dsr: populations keyed by band map labels to numbers");
            labels[i] = lua_tostring(L, -2);
            pops[i] = lua_tonumber(L, -1);
            lua_pop(L, 1);
            lua_getfield(L, 1, labels[i]);
            if (lua_isnil(L, -1) || (lua_isboolean(L, -1) && !lua_toboolean(L, -1)))
                counts[i] = NAN;
            else if (lua_type(L, -1) == LUA_TNUMBER)
                counts[i] = lua_tonumber(L, -1);
            else
                return luaL_error(L, "stats.dsr: counts[\"%s\"] must be a number", labels[i]);
            lua_pop(L, 1);
            i++;
        }
        /* every count must belong to a band with a population */
        lua_pushnil(L);
        while (lua_next(L, 1)) {
            lua_pop(L, 1);
            if (lua_type(L, -1) != LUA_TSTRING)
                return luaL_error(L, "stats.dsr: counts keyed by band must all have string keys");
            lua_pushvalue(L, -1);
            if (lua_rawget(L, 2) == LUA_TNIL)
                return luaL_error(L, "stats.dsr: band \"%s\" has a count but no population", lua_tostring(L, -2));
            lua_pop(L, 1);
        }
        if (stats_standard_join(&std, labels, n, weights, &e))
            return largs_fail(L, fn, &e);
    } else {
        size_t nc;
        counts = largs_read_numbers(L, 1, fn, "counts", &nc);
        pops = largs_read_numbers(L, 2, fn, "populations", &n);
        if (nc != n)
            return luaL_error(L, "stats.dsr: %d counts for %d populations", (int)nc, (int)n);
        if (pos_weights) {
            if (npos != n)
                return luaL_error(L, "stats.dsr: %d standard weights for %d bands", (int)npos, (int)n);
            weights = (double *)pos_weights;
        } else {
            if (labelled)
                return luaL_error(L, "stats.dsr: a standard keyed by band needs counts and populations keyed by band");
            if (n != std.n)
                return luaL_error(L, "stats.dsr: the ESP2013 by position needs 19 bands (0-4 .. 90+), got %d; "
                                     "key the tables by band label for a subset", (int)n);
            weights = (double *)std.weights;
        }
    }
    stats_interval r;
    if (stats_dsr(counts, pops, weights, n, m, level, &r, &e))
        return largs_fail(L, fn, &e);
    char stat[64];
    snprintf(stat, sizeof stat, "dsr per %.15g", m);
    push_interval(L, &r, r.status == STATS_OK ? stat : r.reason);
    lfield_integer(L, "bands", (lua_Integer)n);
    return 1;
}

/* stats.dsr_nonindependent(persons, populations [, standard [, level [, multiplier]]])
 * persons[f] is an array (by band) of the people with f events. */
static int l_dsr_nonindependent(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 5);
    const char *fn = "dsr_nonindependent";
    luaL_checktype(L, 1, LUA_TTABLE);
    double level = largs_opt_level(L, 4, 0.95, fn);
    double m = luaL_optnumber(L, 5, 100000);
    stats_standard std;
    int labelled;
    const double *pos_weights;
    size_t npos, n;
    read_standard(L, 3, fn, &std, &labelled, &pos_weights, &npos);
    if (labelled)
        return luaL_error(L, "stats.%s: give the standard as an array of weights by band", fn);
    double *pops = largs_read_numbers(L, 2, fn, "populations", &n);
    const double *weights = pos_weights ? pos_weights : std.weights;
    if ((pos_weights ? npos : std.n) != n)
        return luaL_error(L, "stats.%s: %d standard weights for %d bands", fn, (int)(pos_weights ? npos : std.n),
                          (int)n);
    size_t nfreq = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        nfreq++;
    }
    double *freqs = lua_newuserdatauv(L, (nfreq ? nfreq : 1) * sizeof *freqs, 0);
    double *persons = lua_newuserdatauv(L, (nfreq && n ? nfreq * n : 1) * sizeof *persons, 0);
    size_t f = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (lua_type(L, -2) != LUA_TNUMBER || lua_type(L, -1) != LUA_TTABLE)
            return luaL_error(L, "stats.%s: persons maps event frequencies (numbers) to arrays by band", fn);
        freqs[f] = lua_tonumber(L, -2);
        size_t nb;
        double *row = largs_read_numbers(L, -1, fn, "persons", &nb);
        if (nb != n)
            return luaL_error(L, "stats.%s: frequency %f has %d bands, populations %d", fn, freqs[f], (int)nb, (int)n);
        memcpy(persons + f * n, row, n * sizeof *row);
        lua_pop(L, 2);
        f++;
    }
    stats_interval r;
    err e = {0};
    if (stats_dsr_nonindependent(persons, freqs, nfreq, pops, weights, n, m, level, &r, &e))
        return largs_fail(L, fn, &e);
    char stat[64];
    snprintf(stat, sizeof stat, "dsr per %.15g", m);
    push_interval(L, &r, r.status == STATS_OK ? stat : r.reason);
    return 1;
}

/* stats.expected(populations, ref_counts, ref_populations) */
static int l_expected(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 3);
    size_t n1, n2, n3;
    double *pops = largs_read_numbers(L, 1, "expected", "populations", &n1);
    double *xr = largs_read_numbers(L, 2, "expected", "ref_counts", &n2);
    double *nr = largs_read_numbers(L, 3, "expected", "ref_populations", &n3);
    if (n1 != n2 || n1 != n3)
        return luaL_error(L, "stats.expected: the three tables must have as many bands (%d, %d, %d)", (int)n1,
                          (int)n2, (int)n3);
    double expected;
    err e = {0};
    if (stats_expected(pops, xr, nr, n1, &expected, &e))
        return largs_fail(L, "expected", &e);
    lua_pushnumber(L, expected);
    return 1;
}

/* stats.isr(observed, expected [, level [, multiplier]]) */
static int l_isr(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 4);
    double o = luaL_checknumber(L, 1), ex = luaL_checknumber(L, 2);
    double level = largs_opt_level(L, 3, 0.95, "isr");
    double m = luaL_optnumber(L, 4, 1);
    stats_interval r;
    err e = {0};
    if (stats_isr(o, ex, m, level, &r, &e))
        return largs_fail(L, "isr", &e);
    char stat[80];
    snprintf(stat, sizeof stat, "indirectly standardised ratio x %.15g", m);
    push_interval(L, &r, stat);
    return 1;
}

/* stats.mean(values [, level]) */
static int l_mean(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 2);
    size_t n;
    double *v = largs_read_numbers(L, 1, "mean", "values", &n);
    double level = largs_opt_level(L, 2, 0.95, "mean");
    stats_interval r;
    err e = {0};
    if (stats_mean(v, n, level, &r, &e))
        return largs_fail(L, "mean", &e);
    push_interval(L, &r, "mean");
    return 1;
}

/* ---- quantiles ---- */

/* stats.quantiles(values, k [, polarity]) */
static int l_quantiles(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 3);
    size_t n;
    double *v = largs_read_numbers(L, 1, "quantiles", "values", &n);
    lua_Integer k = luaL_checkinteger(L, 2);
    stats_polarity p = largs_opt_polarity(L, 3, "quantiles");
    if (k < 2 || k > 100)
        return luaL_error(L, "stats.quantiles: k must be between 2 and 100, got %d", (int)k);
    double *sorted = lua_newuserdatauv(L, (n ? n : 1) * sizeof *sorted, 0);
    double bounds[101];
    size_t valid;
    err e = {0};
    if (stats_quantile_bounds(v, n, (size_t)k, sorted, bounds, &valid, &e))
        return largs_fail(L, "quantiles", &e);
    if (isnan(bounds[k])) {
        largs_push_status(L, STATS_INSUFFICIENT_DATA, "too few values for the quantile bounds");
        lfield_integer(L, "n", (lua_Integer)valid);
        return 1;
    }
    lua_newtable(L);
    for (lua_Integer i = 1; i <= k; i++) {
        lua_pushnumber(L, bounds[i]);
        lua_rawseti(L, -2, i);
    }
    lfield_number(L, "min", bounds[0]);
    lfield_integer(L, "n", (lua_Integer)valid);
    lfield_integer(L, "k", k);
    lfield_string(L, "method", "fingertips");
    lua_newtable(L);
    for (size_t i = 0; i < n; i++) {
        int c = stats_quantile_category(v[i], bounds, (size_t)k, p);
        if (c) {
            lua_pushinteger(L, c);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
    }
    lua_setfield(L, -2, "categories");
    return 1;
}

/* stats.phe_quantile(values, nq [, invert]) */
static int l_phe_quantile(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 3);
    size_t n;
    double *v = largs_read_numbers(L, 1, "phe_quantile", "values", &n);
    lua_Integer nq = luaL_checkinteger(L, 2);
    int invert = lua_isnoneornil(L, 3) ? 1 : lua_toboolean(L, 3);
    if (nq < 1)
        return luaL_error(L, "stats.phe_quantile: the number of quantiles must be at least 1");
    double *work = lua_newuserdatauv(L, (n ? n : 1) * sizeof *work, 0);
    int *q = lua_newuserdatauv(L, (n ? n : 1) * sizeof *q, 0);
    int assigned;
    err e = {0};
    if (stats_phe_quantile(v, n, (size_t)nq, invert, work, q, &assigned, &e))
        return largs_fail(L, "phe_quantile", &e);
    if (!assigned)
        return largs_push_status(L, STATS_INSUFFICIENT_DATA, "fewer values than quantiles");
    lua_newtable(L);
    lua_newtable(L);
    for (size_t i = 0; i < n; i++) {
        if (q[i]) {
            lua_pushinteger(L, q[i]);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
    }
    lua_setfield(L, -2, "quantiles");
    lfield_integer(L, "nq", nq);
    lfield_bool(L, "invert", invert);
    lfield_string(L, "method", "phe_quantile");
    return 1;
}

/* ---- benchmarking ---- */

/* stats.compare(value, lower, upper, comparator [, polarity [, lower998, upper998]]) */
static int l_compare(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 7);
    const char *fn = "compare";
    (void)largs_opt_number_nan(L, 1, fn, "value");
    double lo = largs_opt_number_nan(L, 2, fn, "lower"), hi = largs_opt_number_nan(L, 3, fn, "upper");
    double c = largs_opt_number_nan(L, 4, fn, "comparator");
    stats_polarity p = largs_opt_polarity(L, 5, fn);
    double lo2 = largs_opt_number_nan(L, 6, fn, "lower998"), hi2 = largs_opt_number_nan(L, 7, fn, "upper998");
    if (isnan(c))
        return largs_push_status(L, STATS_NOT_COMPARED, "there is no comparator value");
    if (isnan(lo) || isnan(hi))
        return largs_push_status(L, STATS_NOT_COMPARED, "the value has no confidence interval");
    if (lo > hi)
        return luaL_error(L, "stats.compare: the lower limit %f is above the upper limit %f", lo, hi);
    stats_outcome o = stats_compare2(lo, hi, lo2, hi2, c, p);
    lua_newtable(L);
    lfield_string(L, "outcome", stats_outcome_name(o));
    lfield_string(L, "polarity", stats_polarity_name(p));
    const char *significance = stats_significance(o, lo2, hi2, c);
    if (significance)
        lfield_string(L, "significance", significance);
    lfield_integer(L, "levels", isnan(lo2) || isnan(hi2) ? 1 : 2);
    return 1;
}

/* stats.spc_compare{kind = "proportion" | "dsr", value, denominator,
 * comparator, multiplier, polarity}: Fingertips' SPC comparers (methods 5
 * and 6), limits around the comparator for an area of this size. */
static const char *const SPC_COMPARE_KEYS[] = {"kind", "value", "denominator", "comparator", "multiplier",
                                               "polarity", NULL};

static int l_spc_compare(lua_State *L)
{
    const char *fn = "spc_compare";
    largs_raw_arguments(L);
    lua_settop(L, 1);
    luaL_checktype(L, 1, LUA_TTABLE);
    largs_check_options(L, 1, SPC_COMPARE_KEYS, fn);
    lua_getfield(L, 1, "kind");
    const char *kind = lua_isnil(L, -1) ? "proportion" : luaL_checkstring(L, -1);
    int dsr = !strcmp(kind, "dsr");
    if (!dsr && strcmp(kind, "proportion"))
        return luaL_error(L, "stats.spc_compare: kind \"%s\" is not proportion or dsr", kind);
    lua_getfield(L, 1, "polarity");
    stats_polarity p = largs_opt_polarity(L, -1, fn);
    double v = largs_field_number(L, 1, "value", fn), n = largs_field_number(L, 1, "denominator", fn);
    double c = largs_field_number(L, 1, "comparator", fn), m = largs_field_number(L, 1, "multiplier", fn);
    if (isnan(m))
        m = dsr ? 100000 : 100;
    stats_spc_result r;
    err e = {0};
    if ((dsr ? stats_spc_dsr : stats_spc_proportion)(v, n, c, m, p, &r, &e))
        return largs_fail(L, fn, &e);
    lua_newtable(L);
    if (r.status != STATS_OK) {
        lfield_string(L, "status", stats_status_name(r.status));
        lfield_string(L, "reason", r.reason);
    }
    lfield_string(L, "method", r.method);
    lfield_number(L, "expected", r.expected);
    lfield_number(L, "lower95", r.lower95);
    lfield_number(L, "upper95", r.upper95);
    lfield_number(L, "lower998", r.lower998);
    lfield_number(L, "upper998", r.upper998);
    if (r.status == STATS_OK) {
        lfield_string(L, "outcome", stats_outcome_name(r.outcome));
        lfield_string(L, "outcome95", stats_outcome_name(r.outcome95));
        lfield_string(L, "outcome998", stats_outcome_name(r.outcome998));
        lfield_string(L, "significance", r.significance);
    }
    return 1;
}

/* The value and 95% limits of a point: {value, lower95 | lower, upper95 | upper}. */
static void previous_point(lua_State *L, int idx, const char *what, double *v, double *lo, double *hi)
{
    if (lua_rawgeti(L, 1, idx) != LUA_TTABLE)
        luaL_error(L, "stats.previous: the %s point is not a table", what);
    int t = lua_gettop(L);
    *v = largs_field_number(L, t, "value", "previous");
    *lo = largs_field_number(L, t, "lower95", "previous");
    if (isnan(*lo))
        *lo = largs_field_number(L, t, "lower", "previous");
    *hi = largs_field_number(L, t, "upper95", "previous");
    if (isnan(*hi))
        *hi = largs_field_number(L, t, "upper", "previous");
    lua_pop(L, 1);
}

/* stats.previous(points [, polarity]): Fingertips' change from the previous
 * period, the last point of the list against the one before it. */
static int l_previous(lua_State *L)
{
    const char *fn = "previous";
    largs_raw_arguments(L);
    lua_settop(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    stats_polarity p = largs_opt_polarity(L, 2, fn);
    lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
    if (n < 2)
        return largs_push_status(L, STATS_INSUFFICIENT_DATA, "the change from the previous period needs two points");
    double v[2], lo[2], hi[2];
    previous_point(L, (int)n - 1, "previous", &v[0], &lo[0], &hi[0]);
    previous_point(L, (int)n, "latest", &v[1], &lo[1], &hi[1]);
    stats_previous r;
    err e = {0};
    if (stats_trend_previous_of(v, lo, hi, 2, &r, &e))
        return largs_fail(L, fn, &e);
    if (r.status != STATS_OK) {
        largs_push_status(L, r.status, r.reason);
        lfield_string(L, "method", r.method);
        return 1;
    }
    lua_newtable(L);
    lfield_string(L, "method", r.method);
    lfield_string(L, "outcome", stats_outcome_name(r.outcome));
    stats_outcome judged = stats_apply_polarity(r.outcome, p);
    if (judged != r.outcome)
        lfield_string(L, "judgement", stats_outcome_name(judged));
    lfield_number(L, "latest", r.latest);
    lfield_number(L, "previous", r.previous);
    lfield_number(L, "difference", r.difference);
    lfield_bool(L, "overlap", r.overlap);
    return 1;
}

/* ---- survey percentages ---- */

static const char *const SURVEY_SIDE_KEYS[] = {"value", "lower", "upper", "n", "deff", NULL};
static const char *const SURVEY_KEYS[] = {"level", "polarity", NULL};

/* One side of stats.survey: its percentage and standard error, from its
 * responses and design effect when given, else from its published interval. */
static void survey_side(lua_State *L, int idx, double level, const char *what, double *percent, double *se,
                        const char **from)
{
    const char *fn = "survey";
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_error(L, "stats.survey: %s must be a table {value, lower, upper} or {value, n, deff}", what);
    largs_check_options(L, idx, SURVEY_SIDE_KEYS, fn);
    *percent = largs_field_number(L, idx, "value", fn);
    double lo = largs_field_number(L, idx, "lower", fn), hi = largs_field_number(L, idx, "upper", fn);
    double n = largs_field_number(L, idx, "n", fn), deff = largs_field_number(L, idx, "deff", fn);
    err e = {0};
    int rc;
    if (isnan(*percent)) { /* no figure: l_survey says so; there is no error to compute */
        *se = NAN;
        *from = "none";
        return;
    }
    if (!isnan(n)) {
        *from = "responses";
        rc = stats_survey_se(*percent, n, isnan(deff) ? 1 : deff, se, &e);
    } else if (!isnan(deff)) {
        return (void)luaL_error(L, "stats.survey: %s has a design effect but no number of responses (n)", what);
    } else {
        *from = "interval";
        rc = isnan(lo) || isnan(hi) ? (*se = NAN, 0) : stats_survey_se_from_interval(lo, hi, level, se, &e);
    }
    if (rc)
        largs_fail(L, fn, &e);
}

/* stats.survey(area, comparator [, {level =, polarity =}]): PHS's test of two
 * survey percentages. Each side is {value, lower, upper} (the standard error
 * from the published interval) or {value, n [, deff]} (from the unweighted
 * responses and design effect, as PHS computes it). */
static int l_survey(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 3);
    const char *fn = "survey";
    double level = 0.95;
    stats_polarity pol = STATS_NO_JUDGEMENT;
    if (!lua_isnil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        largs_check_options(L, 3, SURVEY_KEYS, fn);
        lua_getfield(L, 3, "level");
        level = largs_opt_level(L, -1, 0.95, fn);
        lua_getfield(L, 3, "polarity");
        pol = largs_opt_polarity(L, -1, fn);
        lua_pop(L, 2);
    }
    double pa, sa, pb, sb;
    const char *from_a, *from_b;
    survey_side(L, 1, level, "the area", &pa, &sa, &from_a);
    survey_side(L, 2, level, "the comparator", &pb, &sb, &from_b);
    if (isnan(pa))
        return largs_push_status(L, STATS_NOT_COMPARED, "there is no value");
    if (isnan(pb))
        return largs_push_status(L, STATS_NOT_COMPARED, "there is no comparator value");
    if (isnan(sa) || isnan(sb))
        return largs_push_status(L, STATS_NOT_COMPARED, isnan(sa) ? "the value has no interval or number of responses"
                                                           : "the comparator has no interval or number of responses");
    stats_survey_test t;
    err e = {0};
    if (stats_survey_difference(pa, sa, pb, sb, level, pol, &t, &e))
        return largs_fail(L, fn, &e);
    lua_newtable(L);
    lfield_string(L, "outcome", stats_outcome_name(t.outcome));
    lfield_number(L, "z", t.z);
    lfield_number(L, "se", t.se);
    lfield_number(L, "difference", t.difference);
    lfield_bool(L, "significant", t.significant);
    lfield_string(L, "se_from", strcmp(from_a, from_b) ? "mixed" : from_a);
    return 1;
}

/* ---- trend ---- */

/* stats.trend(points [, level | options [, options]]) */
static int l_trend(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 3);
    const char *fn = "trend";
    luaL_checktype(L, 1, LUA_TTABLE);
    double level = 0.998;
    int opts = 0;
    if (lua_type(L, 2) == LUA_TNUMBER) {
        level = largs_opt_level(L, 2, 0.998, fn);
        if (lua_type(L, 3) == LUA_TTABLE)
            opts = 3;
    } else if (lua_type(L, 2) == LUA_TTABLE) {
        opts = 2;
    } else if (!lua_isnoneornil(L, 2)) {
        return luaL_argerror(L, 2, "a level or a table of options");
    }
    const char *method = "auto";
    stats_trend_method how = STATS_TREND_AUTO;
    stats_polarity pol = STATS_NO_JUDGEMENT;
    if (opts) {
        lua_pushnil(L);
        while (lua_next(L, opts)) {
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            lua_pop(L, 1);
            if (strcmp(k, "level") != 0 && strcmp(k, "method") != 0 && strcmp(k, "polarity") != 0 &&
                strcmp(k, "unit") != 0)
                return luaL_error(L, "stats.trend: unknown option \"%s\"", k);
        }
        lua_getfield(L, opts, "level");
        if (!lua_isnil(L, -1))
            level = largs_opt_level(L, -1, 0.998, fn);
        lua_pop(L, 1);
        lua_getfield(L, opts, "method");
        if (!lua_isnil(L, -1))
            method = luaL_checkstring(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, opts, "unit");
        if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "proportion") == 0 &&
            strcmp(method, "auto") == 0)
            method = "proportion";
        lua_pop(L, 1);
        lua_getfield(L, opts, "polarity");
        pol = largs_opt_polarity(L, -1, fn);
        lua_pop(L, 1);
    }
    if (!strcmp(method, "proportion"))
        how = STATS_TREND_PROPORTION;
    else if (!strcmp(method, "wls"))
        how = STATS_TREND_WLS;
    else if (strcmp(method, "auto"))
        return luaL_error(L, "stats.trend: method must be auto, proportion or wls, got \"%s\"", method);
    size_t n = (size_t)lua_rawlen(L, 1);
    double *buf = lua_newuserdatauv(L, (n ? 5 * n : 1) * sizeof *buf, 0);
    double *x = buf, *nn = buf + n, *v = buf + 2 * n, *lo = buf + 3 * n, *hi = buf + 4 * n;
    for (size_t i = 0; i < n; i++) {
        if (lua_rawgeti(L, 1, (lua_Integer)i + 1) != LUA_TTABLE)
            return luaL_error(L, "stats.trend: point %d is not a table", (int)i + 1);
        int t = lua_gettop(L);
        x[i] = largs_field_number(L, t, "x", fn);
        if (isnan(x[i]))
            x[i] = largs_field_number(L, t, "numerator", fn);
        nn[i] = largs_field_number(L, t, "n", fn);
        if (isnan(nn[i]))
            nn[i] = largs_field_number(L, t, "denominator", fn);
        v[i] = largs_field_number(L, t, "value", fn);
        lo[i] = largs_field_number(L, t, "lower95", fn);
        if (isnan(lo[i]))
            lo[i] = largs_field_number(L, t, "lower", fn);
        hi[i] = largs_field_number(L, t, "upper95", fn);
        if (isnan(hi[i]))
            hi[i] = largs_field_number(L, t, "upper", fn);
        lua_pop(L, 1);
    }
    stats_trend r;
    err e = {0};
    int rc = stats_trend_of(x, nn, v, lo, hi, n, level, how, &r, &e);
    if (rc)
        return largs_fail(L, fn, &e);
    if (r.status != STATS_OK) {
        largs_push_status(L, r.status, r.reason);
        lfield_string(L, "method", r.method);
        return 1;
    }
    lua_newtable(L);
    lfield_string(L, "outcome", stats_outcome_name(r.outcome));
    if (pol != STATS_NO_JUDGEMENT)
        lfield_string(L, "judgement", stats_outcome_name(stats_apply_polarity(r.outcome, pol)));
    lfield_string(L, "method", r.method);
    lfield_number(L, "chi2", r.chi2);
    lfield_number(L, "critical", r.critical);
    lfield_number(L, "slope", r.slope);
    lfield_bool(L, "significant", r.significant);
    lfield_bool(L, "consistent", r.consistent);
    lfield_number(L, "level", level);
    lfield_integer(L, "points", STATS_TREND_POINTS);
    lfield_integer(L, "first", (lua_Integer)r.first + 1);
    lfield_integer(L, "last", (lua_Integer)r.last + 1);
    return 1;
}

/* ---- change ---- */

/* The text of the value at idx: a string as written, a number in its shortest form. */
static const char *value_text(lua_State *L, int idx, char *buf, size_t size, const char *what)
{
    err e = {0};
    if (lua_type(L, idx) == LUA_TSTRING)
        return lua_tostring(L, idx);
    if (lua_type(L, idx) == LUA_TNUMBER) {
        if (stats_number_text(lua_tonumber(L, idx), buf, size, &e))
            luaL_error(L, "stats.change: %s: %s", what, e.msg);
        return buf;
    }
    luaL_error(L, "stats.change: %s must be a number or a string, got %s", what, luaL_typename(L, idx));
    return NULL;
}

static int parse_improvement(lua_State *L, int idx, const char *fn)
{
    const char *d = luaL_checkstring(L, idx);
    if (strcmp(d, "increase") == 0 || strcmp(d, "increasing") == 0)
        return 1;
    if (strcmp(d, "decrease") == 0 || strcmp(d, "decreasing") == 0)
        return -1;
    stats_polarity p;
    err e = {0};
    if (stats_polarity_parse(d, &p, &e) == 0 && p != STATS_NO_JUDGEMENT)
        return p == STATS_HIGH_GOOD ? 1 : -1;
    return luaL_error(L, "stats.%s: direction must be \"increase\" or \"decrease\", got \"%s\"", fn, d);
}

static void push_change(lua_State *L, const stats_change *c, const char *mode)
{
    if (c->status != STATS_OK) {
        largs_push_status(L, c->status, c->reason);
        lfield_string(L, "mode", mode);
        return;
    }
    lua_newtable(L);
    lfield_string(L, "outcome", stats_outcome_name(c->outcome));
    lfield_number(L, "change", c->change);
    lfield_number(L, "threshold", c->threshold);
    if (c->decimals >= 0)
        lfield_integer(L, "decimals", c->decimals);
    lfield_string(L, "mode", mode);
    lfield_string(L, "reason", c->reason);
}

static const char *const CHANGE_KEYS[] = {
    "base",      "latest",  "base_text",          "latest_text", "texts",    "interval", "tolerance",
    "periods",   "periods_after_base", "direction", "improvement", "mode",    "relative", "zero_change_is",
    "decimals",  NULL,
};

/* stats.change{...} or stats.change(base, latest, tolerance, direction [, options]) */
static int l_change(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 5);
    const char *fn = "change";
    int opts;
    luaL_checkstack(L, 40, "stats.change");
    if (lua_type(L, 1) == LUA_TTABLE && lua_isnoneornil(L, 2)) {
        opts = 1;
    } else {
        /* positional: gather into a fresh options table */
        luaL_checkany(L, 4);
        lua_newtable(L);
        opts = lua_gettop(L);
        if (lua_type(L, 5) == LUA_TTABLE) {
            lua_pushnil(L);
            while (lua_next(L, 5)) {
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_settable(L, opts);
            }
        }
        const char *keys[] = {"base", "latest", "interval", "direction"};
        for (int i = 0; i < 4; i++) {
            lua_pushvalue(L, i + 1);
            lua_setfield(L, opts, keys[i]);
        }
    }
    largs_check_options(L, opts, CHANGE_KEYS, "change");
    lua_getfield(L, opts, "mode");
    const char *mode = lua_isnil(L, -1) ? "pfg" : luaL_checkstring(L, -1);
    lua_pop(L, 1);
    if (strcmp(mode, "pfg") != 0 && strcmp(mode, "direction") != 0)
        return luaL_error(L, "stats.change: mode must be \"pfg\" or \"direction\", got \"%s\"", mode);
    if (lua_getfield(L, opts, "direction") == LUA_TNIL) {
        lua_pop(L, 1);
        lua_getfield(L, opts, "improvement");
    }
    if (lua_isnil(L, -1))
        return luaL_error(L, "stats.change: direction (\"increase\" or \"decrease\") is required");
    int improvement = parse_improvement(L, lua_gettop(L), fn);
    lua_pop(L, 1);
    int base_t = lua_getfield(L, opts, "base");
    int latest_t = lua_getfield(L, opts, "latest");
    if (base_t == LUA_TNIL || latest_t == LUA_TNIL)
        return largs_push_status(L, STATS_MISSING, base_t == LUA_TNIL ? "no base value" : "no latest value");
    int base_idx = lua_gettop(L) - 1, latest_idx = lua_gettop(L);
    int tol_t = lua_getfield(L, opts, "interval");
    if (tol_t == LUA_TNIL) {
        lua_pop(L, 1);
        tol_t = lua_getfield(L, opts, "tolerance");
    }
    int tol_idx = lua_gettop(L);
    stats_change c;
    err e = {0};
    if (strcmp(mode, "direction") == 0) {
        double tol = tol_t == LUA_TNIL ? 0 : luaL_checknumber(L, tol_idx);
        lua_getfield(L, opts, "relative");
        int relative = lua_toboolean(L, -1);
        lua_pop(L, 1);
        double b = luaL_checknumber(L, base_idx), l = luaL_checknumber(L, latest_idx);
        if (stats_change_direction(b, l, tol, improvement, relative, &c, &e))
            return largs_fail(L, fn, &e);
        push_change(L, &c, mode);
        return 1;
    }
    /* pfg: texts give the decimal places; numbers are read in their shortest form */
    char bbuf[64], lbuf[64], tbuf[64];
    /* A source text that is not a plain decimal ("1,234") says nothing about
     * decimal places: the value itself is used instead. */
    lua_getfield(L, opts, "base_text");
    const char *btext = lua_type(L, -1) == LUA_TSTRING && stats_decimals(lua_tostring(L, -1)) >= 0
                            ? lua_tostring(L, -1)
                            : value_text(L, base_idx, bbuf, sizeof bbuf, "base");
    lua_getfield(L, opts, "latest_text");
    const char *ltext = lua_type(L, -1) == LUA_TSTRING && stats_decimals(lua_tostring(L, -1)) >= 0
                            ? lua_tostring(L, -1)
                            : value_text(L, latest_idx, lbuf, sizeof lbuf, "latest");
    const char *itext = tol_t == LUA_TNIL ? "0" : value_text(L, tol_idx, tbuf, sizeof tbuf, "interval");
    int decimals = -1;
    lua_getfield(L, opts, "decimals");
    if (!lua_isnil(L, -1)) {
        lua_Integer d = luaL_checkinteger(L, -1);
        if (d < 0 || d > 18)
            return luaL_error(L, "stats.change: decimals must be between 0 and 18");
        decimals = (int)d;
    }
    lua_pop(L, 1);
    if (decimals < 0 && lua_getfield(L, opts, "texts") == LUA_TTABLE) {
        /* the series as published says how it is rounded: stats decides from its texts */
        int t = lua_gettop(L);
        size_t len = (size_t)lua_rawlen(L, t);
        if (len > 100000)
            return luaL_error(L, "stats.change: %d texts are too many", (int)len);
        const char **texts = lua_newuserdatauv(L, (len + 2) * sizeof *texts, 0);
        char(*numbers)[64] = lua_newuserdatauv(L, (len ? len : 1) * sizeof *numbers, 0);
        texts[0] = btext, texts[1] = ltext;
        for (size_t i = 0; i < len; i++) {
            int ty = lua_rawgeti(L, t, (lua_Integer)i + 1);
            /* a string stays alive in the table, which is on the stack, while no Lua runs */
            texts[i + 2] = ty == LUA_TSTRING   ? lua_tostring(L, -1)
                           : ty == LUA_TNUMBER ? value_text(L, -1, numbers[i], sizeof numbers[i], "texts")
                                               : NULL;
            lua_pop(L, 1);
        }
        decimals = stats_decimals_most(texts, len + 2, NULL);
    }
    size_t periods = 0;
    if (lua_getfield(L, opts, "periods_after_base") == LUA_TNIL) {
        lua_pop(L, 1);
        lua_getfield(L, opts, "periods");
    }
    if (!lua_isnil(L, -1)) {
        lua_Integer p = luaL_checkinteger(L, -1);
        if (p < 0)
            return luaL_error(L, "stats.change: periods_after_base must be >= 0");
        periods = (size_t)p;
    } else {
        size_t il = strlen(itext);
        if (il > 0 && (itext[il - 1] == 'c' || itext[il - 1] == 'C'))
            return luaL_error(L, "stats.change: a cumulative interval \"%s\" needs periods_after_base", itext);
    }
    lua_getfield(L, opts, "zero_change_is");
    const char *zero = lua_isnil(L, -1) ? "improving" : luaL_checkstring(L, -1);
    if (strcmp(zero, "improving") != 0 && strcmp(zero, "no_change") != 0)
        return luaL_error(L, "stats.change: zero_change_is must be improving or no_change, got \"%s\"", zero);
    if (stats_change_pfg(btext, ltext, decimals, itext, periods, improvement, strcmp(zero, "improving") == 0, &c,
                         &e))
        return largs_fail(L, fn, &e);
    push_change(L, &c, mode);
    lfield_string(L, "interval", itext);
    return 1;
}

/* stats.pfg(series, base_year, interval, direction): series is an array of
 * {label = "2019/20", value = 68.4 | "68.4" | nil}. */
static int l_pfg(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 4);
    const char *fn = "pfg";
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *base = lua_isnoneornil(L, 2) ? NULL : luaL_checkstring(L, 2);
    char ibuf[64];
    const char *interval = value_text(L, 3, ibuf, sizeof ibuf, "interval");
    int improvement = parse_improvement(L, 4, fn);
    size_t n = (size_t)lua_rawlen(L, 1);
    if (n > 100000)
        return luaL_error(L, "stats.pfg: a series of %d periods is too long", (int)n);
    const char **labels = lua_newuserdatauv(L, (n ? n : 1) * sizeof *labels, 0);
    const char **values = lua_newuserdatauv(L, (n ? n : 1) * sizeof *values, 0);
    char(*bufs)[64] = lua_newuserdatauv(L, (n ? n : 1) * sizeof *bufs, 0);
    /* keep each point table on the stack so its strings stay alive */
    luaL_checkstack(L, (int)n * 2 + 8, "stats.pfg: series too long");
    for (size_t i = 0; i < n; i++) {
        if (lua_rawgeti(L, 1, (lua_Integer)i + 1) != LUA_TTABLE)
            return luaL_error(L, "stats.pfg: series[%d] must be a table {label, value}", (int)i + 1);
        lua_getfield(L, -1, "label");
        if (lua_type(L, -1) != LUA_TSTRING)
            return luaL_error(L, "stats.pfg: series[%d].label must be a string", (int)i + 1);
        labels[i] = lua_tostring(L, -1);
        lua_getfield(L, -2, "value");
        values[i] = lua_isnil(L, -1) ? NULL : value_text(L, -1, bufs[i], sizeof bufs[i], "value");
        lua_remove(L, -3); /* the point table; label and value strings stay on the stack */
    }
    stats_change c;
    err e = {0};
    if (stats_pfg_classify(labels, values, n, base, interval, improvement, &c, &e))
        return largs_fail(L, fn, &e);
    push_change(L, &c, "pfg");
    lfield_string(L, "interval", interval);
    return 1;
}

/* ---- SPC ---- */

static const char *const SPC_KEYS[] = {"improvement", "improvement_direction", "target", "shift_n", "trend_n",
                                       "two_sigma_mode", "screen_outliers", "baseline_n", "fix_after_n_points",
                                       "min_points", "preset", "rules", "conflict", "chart", "denominators",
                                       "rebase", "exclude", "targets", "short_n", "amr_limit", NULL};

/* The chart names stats.spc takes: spc_chart_name's, and p' and u' as they are printed. */
static spc_chart read_chart(lua_State *L, int t)
{
    static const struct {
        const char *name;
        spc_chart chart;
    } CHARTS[] = {{"xmr", SPC_CHART_XMR}, {"p", SPC_CHART_P}, {"pp", SPC_CHART_PP}, {"p'", SPC_CHART_PP},
                  {"u", SPC_CHART_U},     {"up", SPC_CHART_UP}, {"u'", SPC_CHART_UP}, {"c", SPC_CHART_C}};
    spc_chart chart = SPC_CHART_XMR;
    if (lua_getfield(L, t, "chart") != LUA_TNIL) {
        const char *name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        size_t i = 0;
        while (i < sizeof CHARTS / sizeof CHARTS[0] && strcmp(name, CHARTS[i].name))
            i++;
        if (i == sizeof CHARTS / sizeof CHARTS[0])
            luaL_error(L, "stats.spc: chart must be \"xmr\", \"p\", \"pp\" (p'), \"u\", \"up\" (u') or \"c\"");
        chart = CHARTS[i].chart;
    }
    lua_pop(L, 1);
    return chart;
}

/* options[key]: a list of 1-based point numbers, returned 0-based (in a
 * userdata left on the stack, so the collector frees it); NULL when absent.
 * Whether they fit the series and increase is spc.c's check. */
static size_t *read_point_list(lua_State *L, int t, const char *key, size_t *count)
{
    *count = 0;
    if (lua_getfield(L, t, key) == LUA_TNIL) {
        lua_pop(L, 1);
        return NULL;
    }
    if (!lua_istable(L, -1))
        luaL_error(L, "stats.spc: %s must be a list of point numbers (1 is the first point)", key);
    int list = lua_gettop(L);
    size_t n = (size_t)lua_rawlen(L, list);
    host_charge(L, n + 1);
    size_t *at = lua_newuserdatauv(L, (n ? n : 1) * sizeof *at, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, list, (lua_Integer)i + 1);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1)
            luaL_error(L, "stats.spc: %s[%d] must be a point number, 1 or more", key, (int)i + 1);
        at[i] = (size_t)(lua_tointeger(L, -1) - 1);
        lua_pop(L, 1);
    }
    lua_remove(L, list);
    *count = n;
    return at;
}

/* options[key]: a list of numbers (false for none at a point) as long as the
 * series, or NULL when absent; left on the stack like read_point_list's. */
static double *read_per_point(lua_State *L, int t, const char *key, size_t n)
{
    if (lua_getfield(L, t, key) == LUA_TNIL) {
        lua_pop(L, 1);
        return NULL;
    }
    if (!lua_istable(L, -1))
        luaL_error(L, "stats.spc: %s must be a list with one number per point", key);
    size_t len;
    double *v = largs_read_numbers(L, -1, "spc", key, &len);
    lua_remove(L, -2);
    if (len != n)
        luaL_error(L, "stats.spc: %s has %d entries for %d points", key, (int)len, (int)n);
    return v;
}

static int opt_int_field(lua_State *L, int t, const char *key, int def, int lo, int hi)
{
    lua_getfield(L, t, key);
    int v = def;
    if (!lua_isnil(L, -1)) {
        if (!lua_isinteger(L, -1))
            return luaL_error(L, "stats.spc: %s must be an integer", key);
        lua_Integer x = lua_tointeger(L, -1);
        if (x < lo || x > hi)
            return luaL_error(L, "stats.spc: %s must be between %d and %d", key, lo, hi);
        v = (int)x;
    }
    lua_pop(L, 1);
    return v;
}

static void read_spc_options(lua_State *L, int t, spc_options *o)
{
    err e = {0};
    spc_options_default(o);
    if (!t)
        return;
    largs_check_options(L, t, SPC_KEYS, "spc");
    if (lua_getfield(L, t, "preset") != LUA_TNIL && spc_options_preset(o, luaL_checkstring(L, -1), &e))
        largs_fail(L, "spc", &e);
    lua_pop(L, 1);
    if (lua_getfield(L, t, "improvement") == LUA_TNIL) {
        lua_pop(L, 1);
        lua_getfield(L, t, "improvement_direction");
    }
    if (!lua_isnil(L, -1)) {
        const char *d = luaL_checkstring(L, -1);
        if (strcmp(d, "neutral") == 0 || strcmp(d, "none") == 0)
            o->improvement = 0;
        else
            o->improvement = parse_improvement(L, lua_gettop(L), "spc");
    }
    lua_pop(L, 1);
    if (lua_getfield(L, t, "target") != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "stats.spc: target must be a number");
        o->has_target = 1;
        o->target = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    o->shift_n = opt_int_field(L, t, "shift_n", o->shift_n, 2, 1000);
    o->trend_n = opt_int_field(L, t, "trend_n", o->trend_n, 2, 1000);
    o->min_points = (size_t)opt_int_field(L, t, "min_points", (int)o->min_points, 0, 1000000);
    o->short_n = (size_t)opt_int_field(L, t, "short_n", (int)o->short_n, 0, 1000000);
    o->chart = read_chart(L, t);
    if (lua_getfield(L, t, "amr_limit") != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) > 0 && lua_tonumber(L, -1) <= 10))
            luaL_error(L, "stats.spc: amr_limit must be a number above 0 and at most 10 (2.66, or 3 / 1.128)");
        o->amr_limit = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    int base = opt_int_field(L, t, "fix_after_n_points", 0, 0, 1000000000);
    o->baseline_n = (size_t)opt_int_field(L, t, "baseline_n", base, 0, 1000000000);
    if (lua_getfield(L, t, "two_sigma_mode") != LUA_TNIL) {
        const char *m = luaL_checkstring(L, -1);
        if (strcmp(m, "between") == 0)
            o->two_sigma_mode = SPC_TWO_SIGMA_BETWEEN;
        else if (strcmp(m, "beyond") == 0)
            o->two_sigma_mode = SPC_TWO_SIGMA_BEYOND;
        else
            luaL_error(L, "stats.spc: two_sigma_mode must be \"between\" or \"beyond\", got \"%s\"", m);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, t, "conflict") != LUA_TNIL) {
        const char *c = luaL_checkstring(L, -1);
        if (strcmp(c, "precedence") == 0)
            o->prefer_improvement = 0;
        else if (strcmp(c, "prefer_improvement") == 0)
            o->prefer_improvement = 1;
        else
            luaL_error(L, "stats.spc: conflict must be \"precedence\" or \"prefer_improvement\", got \"%s\"", c);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, t, "screen_outliers") != LUA_TNIL) {
        if (!lua_isboolean(L, -1))
            luaL_error(L, "stats.spc: screen_outliers must be true or false");
        o->screen_outliers = lua_toboolean(L, -1);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, t, "rules") != LUA_TNIL) {
        static const char *const names[] = {"astronomical", "trend", "two_in_three", "shift"};
        luaL_checktype(L, -1, LUA_TTABLE);
        int r = lua_gettop(L);
        lua_pushnil(L);
        while (lua_next(L, r)) {
            int known = 0;
            for (int i = 0; i < 4; i++) {
                if (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), names[i]) == 0) {
                    known = 1;
                    if (!lua_isboolean(L, -1))
                        luaL_error(L, "stats.spc: rules.%s must be true or false", names[i]);
                    if (lua_toboolean(L, -1))
                        o->rules |= 1u << i;
                    else
                        o->rules &= ~(1u << i);
                }
            }
            if (!known)
                luaL_error(L, "stats.spc: unknown rule (astronomical, trend, two_in_three, shift)");
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
}

static void push_spc_options(lua_State *L, const spc_options *o)
{
    lua_newtable(L);
    lfield_string(L, "chart", spc_chart_name(o->chart));
    lfield_number(L, "amr_limit", o->amr_limit);
    lfield_integer(L, "short_n", (lua_Integer)o->short_n);
    lfield_string(L, "improvement", o->improvement > 0 ? "increase" : o->improvement < 0 ? "decrease" : "neutral");
    lfield_integer(L, "shift_n", o->shift_n);
    lfield_integer(L, "trend_n", o->trend_n);
    lfield_string(L, "two_sigma_mode", o->two_sigma_mode == SPC_TWO_SIGMA_BEYOND ? "beyond" : "between");
    lfield_bool(L, "screen_outliers", o->screen_outliers);
    lfield_integer(L, "baseline_n", (lua_Integer)o->baseline_n);
    lfield_integer(L, "min_points", (lua_Integer)o->min_points);
    lfield_string(L, "conflict", o->prefer_improvement ? "prefer_improvement" : "precedence");
    if (o->has_target)
        lfield_number(L, "target", o->target);
    lua_newtable(L);
    for (spc_rule r = SPC_RULE_ASTRONOMICAL; r <= SPC_RULE_SHIFT; r++)
        lfield_bool(L, spc_rule_name(r), (o->rules >> (r - 1)) & 1u);
    lua_setfield(L, -2, "rules");
}

static void push_spc_runs(lua_State *L, const spc_runs *r)
{
    lua_createtable(L, 0, 7);
    lfield_integer(L, "n_obs", (lua_Integer)r->n_obs);
    lfield_integer(L, "useful", (lua_Integer)r->useful);
    lfield_integer(L, "longest_run", (lua_Integer)r->longest_run);
    lfield_integer(L, "longest_run_max", (lua_Integer)r->longest_run_max);
    lfield_integer(L, "crossings", (lua_Integer)r->crossings);
    lfield_integer(L, "crossings_min", (lua_Integer)r->crossings_min);
    lfield_bool(L, "signal", r->signal);
}

static void push_spc_point(lua_State *L, const spc_point *p, const spc_options *o)
{
    char label[64];
    lua_createtable(L, 0, 16);
    lfield_number(L, "value", p->y);
    lfield_string(L, "type", spc_point_type_name(p->type));
    if (p->rule != SPC_RULE_NONE)
        lfield_string(L, "rule", spc_rule_name(p->rule));
    spc_point_label(p, o->trend_n, o->shift_n, label, sizeof label);
    lfield_string(L, "label", label);
    lfield_integer(L, "side", p->side);
    lfield_number(L, "cl", p->cl);
    lfield_number(L, "lpl", p->lpl);
    lfield_number(L, "upl", p->upl);
    lfield_number(L, "lower_2sigma", p->lower_two_sigma);
    lfield_number(L, "upper_2sigma", p->upper_two_sigma);
    if (!isnan(p->target))
        lfield_number(L, "target", p->target);
    lfield_integer(L, "segment", (lua_Integer)p->segment + 1);
    lfield_bool(L, "trial", p->trial);
    lfield_bool(L, "excluded", p->excluded);
}

/* stats.spc(values [, options]): values are the plotted values for an XmR
 * chart, or the numerators (counts) when options.chart is p, pp, u, up or c
 * or options.denominators is given. */
static int l_spc(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 2);
    size_t n;
    double *y = largs_read_numbers(L, 1, "spc", "values", &n);
    int t = 0;
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        t = 2;
    }
    spc_options o;
    read_spc_options(L, t, &o);
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]))
            return luaL_error(L, "stats.spc: values[%d] is missing: a chart needs a series without gaps", (int)i + 1);
    }
    const double *den = NULL;
    if (t) {
        o.rebase = read_point_list(L, t, "rebase", &o.rebase_n);
        o.exclude = read_point_list(L, t, "exclude", &o.exclude_n);
        o.targets = read_per_point(L, t, "targets", n);
        den = read_per_point(L, t, "denominators", n);
    }
    for (size_t i = 0; den && i < n; i++) {
        if (isnan(den[i]))
            return luaL_error(L, "stats.spc: denominators[%d] is missing: every point needs one", (int)i + 1);
    }
    if (o.chart != SPC_CHART_XMR && o.chart != SPC_CHART_C && !den) {
        if (n > 0)
            return luaL_error(L, "stats.spc: a %s chart needs denominators", spc_chart_name(o.chart));
        den = y; /* no points: the options alone are checked (r.spc does so at load) */
    }
    host_charge(L, 8 * n + 1); /* the chart is several passes over the points */
    spc_point *pts = lua_newuserdatauv(L, (n ? n : 1) * sizeof *pts, 0);
    spc_result r;
    err e = {0};
    int rc = o.chart == SPC_CHART_XMR && !den ? spc_analyse(y, n, &o, pts, &r, &e)
                                               : spc_analyse_counts(y, den, n, &o, pts, &r, &e);
    if (rc)
        return largs_fail(L, "spc", &e);
    if (r.status != STATS_OK) {
        largs_push_status(L, r.status, r.reason);
        lfield_integer(L, "n", (lua_Integer)n);
        push_spc_options(L, &o);
        lua_setfield(L, -2, "options");
        return 1;
    }
    lua_newtable(L);
    lfield_string(L, "chart", spc_chart_name(r.chart));
    lfield_integer(L, "n", (lua_Integer)n);
    lfield_integer(L, "baseline_n", (lua_Integer)r.baseline_n);
    lfield_number(L, "mean", r.mean);
    lfield_number(L, "amr", r.amr);
    lfield_number(L, "sigma_z", r.sigma_z);
    lfield_integer(L, "moving_ranges", (lua_Integer)r.moving_ranges);
    lfield_number(L, "lpl", r.lpl);
    lfield_number(L, "upl", r.upl);
    lfield_number(L, "lower_2sigma", r.lower_two_sigma);
    lfield_number(L, "upper_2sigma", r.upper_two_sigma);
    if (!isnan(r.target))
        lfield_number(L, "target", r.target);
    lfield_integer(L, "special_cause", (lua_Integer)r.special_cause);
    lfield_string(L, "variation", spc_variation_name(r.variation));
    lfield_string(L, "assurance", spc_assurance_name(r.assurance));
    lfield_integer(L, "segments", (lua_Integer)r.segments);
    lfield_integer(L, "short_segments", (lua_Integer)r.short_segments);
    lfield_bool(L, "trial", r.trial);
    if (r.warning)
        lfield_string(L, "warning", r.warning);
    lua_createtable(L, (int)r.icons, 0);
    for (size_t i = 0; i < r.icons; i++) {
        lua_pushstring(L, spc_variation_name(r.icon[i]));
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "icons");
    push_spc_runs(L, &r.runs);
    lua_setfield(L, -2, "runs");
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        push_spc_point(L, &pts[i], &o);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "points");
    push_spc_options(L, &o);
    lua_setfield(L, -2, "options");
    return 1;
}

/* stats.z(level) */
static int l_z(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 1);
    double level = largs_opt_level(L, 1, 0.95, "z");
    if (level >= 1)
        return luaL_error(L, "stats.z: a level of 1 has no finite z");
    lua_pushnumber(L, stats_z(level));
    return 1;
}

/* stats.round(x [, decimals = 0]): x rounded a half away from zero, as the
 * decimal number is (stats_round_half_away). */
static int l_round(lua_State *L)
{
    largs_raw_arguments(L);
    lua_settop(L, 2);
    double x = luaL_checknumber(L, 1);
    lua_Integer d = luaL_optinteger(L, 2, 0);
    if (d < 0 || d > 10)
        return luaL_error(L, "stats.round: decimals must be from 0 to 10");
    if (!isfinite(x) || fabs(x) > 1e15)
        return luaL_error(L, "stats.round: %f is not a finite number of at most 1e15 in size", x);
    lua_pushnumber(L, stats_round_half_away(x, (int)d));
    return 1;
}

const luaL_Reg *lstats_functions(void)
{
    static const luaL_Reg functions[] = {
        {"proportion", l_proportion},
        {"rate", l_rate},
        {"count", l_count},
        {"dsr", l_dsr},
        {"dsr_nonindependent", l_dsr_nonindependent},
        {"expected", l_expected},
        {"isr", l_isr},
        {"mean", l_mean},
        {"quantiles", l_quantiles},
        {"phe_quantile", l_phe_quantile},
        {"compare", l_compare},
        {"spc_compare", l_spc_compare},
        {"previous", l_previous},
        {"funnel", lstats_funnel},
        {"life_expectancy", lstats_life_expectancy},
        {"sii", lstats_sii},
        {"survey", l_survey},
        {"trend", l_trend},
        {"change", l_change},
        {"pfg", l_pfg},
        {"spc", l_spc},
        {"z", l_z},
        {"round", l_round},
        {NULL, NULL},
    };
    return functions;
}
