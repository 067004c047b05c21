/* largs.c - reading the arguments of the `stats` functions safely; see largs.h. */
#include "largs.h"

#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "host_lua.h"
#include "lfield.h"
#include "vocab.h"

#define COPY_DEPTH 2 /* arguments, and the tables inside them (points, options.rules) */

/* Pushes a copy of the table at idx made with raw access, without its
 * metatable; table values are copied too while depth > 1. */
static void raw_copy(lua_State *L, int idx, int depth)
{
    idx = lua_absindex(L, idx);
    luaL_checkstack(L, 6, "stats: arguments nested too deeply");
    lua_newtable(L);
    size_t n = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (depth > 1 && lua_type(L, -1) == LUA_TTABLE) {
            raw_copy(L, -1, depth - 1);
            lua_remove(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
        if (++n % 1024 == 0)
            host_charge(L, 1024);
    }
    host_charge(L, 1 + n % 1024);
}

/* Replaces every table argument by its raw copy (see the header comment). */
void largs_raw_arguments(lua_State *L)
{
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++)
        if (lua_type(L, i) == LUA_TTABLE) {
            raw_copy(L, i, COPY_DEPTH);
            lua_replace(L, i);
        }
}

/* A key as a message shows it, without calling any metamethod. */
const char *largs_key_name(lua_State *L, int idx)
{
    return lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : luaL_typename(L, idx);
}

/* Raises an error for the first key of the options table at t that is not one
 * of `keys` (NULL-terminated), naming the nearest option when it is a slip. */
void largs_check_options(lua_State *L, int t, const char *const *keys, const char *fn)
{
    int n = 0;
    while (keys[n])
        n++;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        int known = 0;
        if (lua_type(L, -1) == LUA_TSTRING) /* a number key is never converted: lua_next needs it as it is */
            for (int i = 0; i < n && !known; i++)
                known = !strcmp(lua_tostring(L, -1), keys[i]);
        if (!known) {
            const char *near = lua_type(L, -1) == LUA_TSTRING ? vocab_nearest(lua_tostring(L, -1), keys, n) : NULL;
            luaL_error(L, "stats.%s: unknown option \"%s\"%s%s%s", fn, largs_key_name(L, -1), near ? " (did you mean `" : "",
                       near ? near : "", near ? "`?)" : "");
        }
    }
}

int largs_fail(lua_State *L, const char *fn, const err *e)
{
    return luaL_error(L, "stats.%s: %s", fn, e->msg);
}

int largs_push_status(lua_State *L, stats_status s, const char *reason)
{
    lua_newtable(L);
    lfield_string(L, "status", stats_status_name(s));
    lfield_string(L, "reason", reason);
    return 1;
}

double largs_opt_level(lua_State *L, int idx, double def, const char *fn)
{
    err e = {0};
    double level;
    if (lua_isnoneornil(L, idx))
        return def;
    if (stats_level(luaL_checknumber(L, idx), &level, &e))
        largs_fail(L, fn, &e);
    return level;
}

stats_polarity largs_opt_polarity(lua_State *L, int idx, const char *fn)
{
    err e = {0};
    stats_polarity p = STATS_NO_JUDGEMENT;
    if (!lua_isnoneornil(L, idx) && stats_polarity_parse(luaL_checkstring(L, idx), &p, &e))
        largs_fail(L, fn, &e);
    return p;
}

/* A number or nil (NAN) at a stack index; anything else is an error. */
double largs_opt_number_nan(lua_State *L, int idx, const char *fn, const char *what)
{
    if (lua_isnoneornil(L, idx))
        return NAN;
    if (lua_type(L, idx) != LUA_TNUMBER)
        luaL_error(L, "stats.%s: %s must be a number, got %s", fn, what, luaL_typename(L, idx));
    return lua_tonumber(L, idx);
}

/* A field of the table at idx as a number, or NAN when absent. */
double largs_field_number(lua_State *L, int idx, const char *key, const char *fn)
{
    lua_getfield(L, idx, key);
    double v = NAN;
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TNUMBER)
            luaL_error(L, "stats.%s: field %s must be a number, got %s", fn, key, luaL_typename(L, -1));
        v = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);
    return v;
}

/* Reads the array part of the table at idx (1..#t) into a userdata of
 * doubles pushed on the stack; `false` entries are missing values (NAN). */
double *largs_read_numbers(lua_State *L, int idx, const char *fn, const char *what, size_t *n)
{
    idx = lua_absindex(L, idx);
    luaL_checktype(L, idx, LUA_TTABLE);
    size_t len = (size_t)lua_rawlen(L, idx);
    double *v = lua_newuserdatauv(L, (len ? len : 1) * sizeof *v, 0);
    for (size_t i = 0; i < len; i++) {
        int t = lua_rawgeti(L, idx, (lua_Integer)i + 1);
        if (t == LUA_TNUMBER)
            v[i] = lua_tonumber(L, -1);
        else if (t == LUA_TBOOLEAN && !lua_toboolean(L, -1))
            v[i] = NAN;
        else
            luaL_error(L, "stats.%s: %s[%d] must be a number, got %s", fn, what, (int)i + 1, luaL_typename(L, -1));
        lua_pop(L, 1);
    }
    *n = len;
    return v;
}

/* Does the table at idx have string keys (a table keyed by band label)? */
int largs_has_string_keys(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int s = lua_type(L, -2) == LUA_TSTRING;
        lua_pop(L, 1);
        if (s) {
            lua_pop(L, 1);
            return 1;
        }
    }
    return 0;
}
