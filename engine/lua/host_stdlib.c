/* host_stdlib.c - the standard library a framework sees; see host_stdlib.h. */
#include "host_stdlib.h"

#include <lauxlib.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "host_lua.h"

#define BYTES_PER_UNIT 16 /* bytes copied or scanned that count as one unit of work */
#define STEP_BATCH 1024   /* loop steps counted before they are charged */

/* ---- charging ---- */

typedef struct meter {
    lua_State *L;
    size_t pending;
} meter;

static void tick(meter *m, size_t k)
{
    m->pending += k;
    if (m->pending >= STEP_BATCH) {
        size_t k2 = m->pending;
        m->pending = 0;
        host_charge(m->L, k2);
    }
}

static void settle(meter *m)
{
    if (m->pending) {
        size_t k = m->pending;
        m->pending = 0;
        host_charge(m->L, k);
    }
}

static size_t string_bytes(lua_State *L, int from, int to)
{
    size_t n = 0;
    for (int i = from; i <= to; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            n += lua_rawlen(L, i);
    return n;
}

/* Calls the original function (upvalue 1) with the arguments and charges the
 * bytes it read and wrote: its cost is bounded by them and the memory cap,
 * but one call may still be long, and the clock must be looked at after it. */
static int metered(lua_State *L)
{
    int n = lua_gettop(L);
    size_t in = string_bytes(L, 1, n);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    int r = lua_gettop(L);
    host_charge(L, 1 + (in + string_bytes(L, 1, r)) / BYTES_PER_UNIT);
    return r;
}

/* ---- string ---- */

/* string.rep(s, n [, sep]): Lua's loops n times even when the pieces are
 * empty; here an empty result is returned at once, and the whole result is
 * allocated (so refused by the memory cap) before any copying. */
static int s_rep(lua_State *L)
{
    size_t l, lsep;
    const char *s = luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    const char *sep = luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || (l == 0 && (lsep == 0 || n == 1))) {
        lua_pushliteral(L, "");
        return 1;
    }
    if (l + lsep < l || (lua_Unsigned)n > (SIZE_MAX - lsep) / (l + lsep))
        return luaL_error(L, "resulting string too large");
    size_t total = (size_t)n * l + (size_t)(n - 1) * lsep;
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, total);
    host_charge(L, 1 + total / BYTES_PER_UNIT);
    for (lua_Integer i = 0; i < n; i++) {
        memcpy(p, s, l);
        p += l;
        if (lsep > 0 && i + 1 < n) {
            memcpy(p, sep, lsep);
            p += lsep;
        }
    }
    luaL_pushresultsize(&b, total);
    return 1;
}

/* ---- table: raw access, metered ---- */

static int t_insert(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer e = (lua_Integer)lua_rawlen(L, 1) + 1; /* first empty element */
    lua_Integer pos;
    meter m = {L, 0};
    switch (lua_gettop(L)) {
    case 2: pos = e; break;
    case 3: {
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        for (lua_Integer i = e; i > pos; i--) { /* move up elements */
            lua_rawgeti(L, 1, i - 1);
            lua_rawseti(L, 1, i);
            tick(&m, 1);
        }
        break;
    }
    default: return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    settle(&m);
    lua_rawseti(L, 1, pos); /* t[pos] = v */
    return 0;
}

static int t_remove(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer size = (lua_Integer)lua_rawlen(L, 1);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    meter m = {L, 0};
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2, "position out of bounds");
    lua_rawgeti(L, 1, pos); /* result = t[pos] */
    for (; pos < size; pos++) {
        lua_rawgeti(L, 1, pos + 1);
        lua_rawseti(L, 1, pos);
        tick(&m, 1);
    }
    settle(&m);
    lua_pushnil(L);
    lua_rawseti(L, 1, pos);
    return 1;
}

static int t_move(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1; /* destination table */
    luaL_checktype(L, tt, LUA_TTABLE);
    meter m = {L, 0};
    if (e >= f) { /* otherwise, nothing to move */
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
        lua_Integer n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
        if (t > e || t <= f || (tt != 1 && !lua_rawequal(L, 1, tt))) {
            for (lua_Integer i = 0; i < n; i++) {
                lua_rawgeti(L, 1, f + i);
                lua_rawseti(L, tt, t + i);
                tick(&m, 1);
            }
        } else {
            for (lua_Integer i = n - 1; i >= 0; i--) {
                lua_rawgeti(L, 1, f + i);
                lua_rawseti(L, tt, t + i);
                tick(&m, 1);
            }
        }
    }
    settle(&m);
    lua_pushvalue(L, tt);
    return 1;
}

static void add_field(lua_State *L, luaL_Buffer *b, lua_Integer i, meter *m)
{
    lua_rawgeti(L, 1, i);
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid value (%s) at index %I in table for 'concat'", luaL_typename(L, -1), (lua_Integer)i);
    tick(m, 1 + lua_rawlen(L, -1) / BYTES_PER_UNIT);
    luaL_addvalue(b);
}

static int t_concat(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_Buffer b;
    lua_Integer last = (lua_Integer)lua_rawlen(L, 1);
    size_t lsep;
    const char *sep = luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    last = luaL_optinteger(L, 4, last);
    meter m = {L, 0};
    luaL_buffinit(L, &b);
    for (; i < last; i++) {
        add_field(L, &b, i, &m);
        luaL_addlstring(&b, sep, lsep);
        tick(&m, lsep / BYTES_PER_UNIT);
    }
    if (i == last) /* add last value (if interval was not empty) */
        add_field(L, &b, i, &m);
    settle(&m);
    luaL_pushresult(&b);
    return 1;
}

static int t_unpack(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer e = luaL_opt(L, luaL_checkinteger, 3, (lua_Integer)lua_rawlen(L, 1));
    if (i > e)
        return 0; /* empty range */
    lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i; /* number of elements minus 1 */
    if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++n)))
        return luaL_error(L, "too many results to unpack");
    host_charge(L, (size_t)n);
    for (; i < e; i++)
        lua_rawgeti(L, 1, i);
    lua_rawgeti(L, 1, e);
    return (int)n;
}

/* Is the value at a less than the value at b, by the order function at index 2
 * (or `<`)? */
static int sort_less(lua_State *L, int a, int b)
{
    a = lua_absindex(L, a);
    b = lua_absindex(L, b);
    if (lua_isnil(L, 2))
        return lua_compare(L, a, b, LUA_OPLT);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, a);
    lua_pushvalue(L, b);
    lua_call(L, 2, 1);
    int less = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return less;
}

/* table.sort(t [, less]): a bottom-up merge sort between t and a scratch table.
 * Stable, O(n log n) comparisons whatever the order function answers, and
 * deterministic (Lua's own quicksort picks random pivots for long arrays). */
static int t_sort(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
    if (!lua_isnoneornil(L, 2))
        luaL_checktype(L, 2, LUA_TFUNCTION);
    if (n > INT_MAX)
        return luaL_argerror(L, 1, "array too big");
    lua_settop(L, 2);
    if (n < 2)
        return 0;
    lua_createtable(L, (int)n, 0); /* 3: scratch */
    meter m = {L, 0};
    int src = 1, dst = 3;
    for (lua_Integer width = 1; width < n; width *= 2) {
        for (lua_Integer lo = 1; lo <= n; lo += 2 * width) {
            lua_Integer mid = lo + width < n + 1 ? lo + width : n + 1;
            lua_Integer hi = lo + 2 * width < n + 1 ? lo + 2 * width : n + 1;
            lua_Integer i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                lua_rawgeti(L, src, j);
                lua_rawgeti(L, src, i);
                if (sort_less(L, -2, -1)) { /* b < a: b first; otherwise a, which keeps equal elements in order */
                    lua_pop(L, 1);
                    lua_rawseti(L, dst, k++);
                    j++;
                } else {
                    lua_rawseti(L, dst, k++);
                    lua_pop(L, 1);
                    i++;
                }
                tick(&m, 1);
            }
            for (; i < mid; i++, k++) {
                lua_rawgeti(L, src, i);
                lua_rawseti(L, dst, k);
                tick(&m, 1);
            }
            for (; j < hi; j++, k++) {
                lua_rawgeti(L, src, j);
                lua_rawseti(L, dst, k);
                tick(&m, 1);
            }
        }
        int swap = src;
        src = dst;
        dst = swap;
    }
    if (src != 1) {
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, src, i);
            lua_rawseti(L, 1, i);
            tick(&m, 1);
        }
    }
    settle(&m);
    return 0;
}

/* ---- building the tables ---- */

typedef struct entry {
    const char *name;
    lua_CFunction own; /* a replacement, or NULL */
    int charge;        /* wrap the original in `metered` */
} entry;

/* Builds lib (a table of library `global`) from `entries` and sets base[global]. */
static void add_lib(lua_State *L, int base, const char *global, const entry *entries)
{
    lua_getglobal(L, global);
    int orig = lua_gettop(L);
    lua_newtable(L);
    for (const entry *x = entries; x->name; x++) {
        if (x->own) {
            lua_pushcfunction(L, x->own);
        } else {
            lua_getfield(L, orig, x->name);
            if (x->charge)
                lua_pushcclosure(L, metered, 1);
        }
        lua_setfield(L, -2, x->name);
    }
    lua_setfield(L, base, global);
    lua_pop(L, 1);
}

void host_stdlib_add(lua_State *L, int base)
{
    base = lua_absindex(L, base);
    /* Absent on purpose: string.dump (bytecode). */
    static const entry string_lib[] = {
        {"byte", NULL, 1},    {"char", NULL, 1},     {"find", host_match_find, 0}, {"format", NULL, 1},
        {"gmatch", host_match_gmatch, 0}, {"gsub", host_match_gsub, 0}, {"len", NULL, 0},
        {"lower", NULL, 1},   {"match", host_match_match, 0}, {"rep", s_rep, 0}, {"reverse", NULL, 1},
        {"sub", NULL, 1},     {"upper", NULL, 1},    {"pack", NULL, 1},     {"packsize", NULL, 1},
        {"unpack", NULL, 1},  {NULL, NULL, 0}};
    static const entry table_lib[] = {{"concat", t_concat, 0}, {"insert", t_insert, 0}, {"move", t_move, 0},
                                      {"pack", NULL, 0},       {"remove", t_remove, 0}, {"sort", t_sort, 0},
                                      {"unpack", t_unpack, 0}, {NULL, NULL, 0}};
    /* Absent on purpose: math.random and math.randomseed (runs must reproduce). */
    static const entry math_lib[] = {
        {"abs", NULL, 0},   {"ceil", NULL, 0}, {"cos", NULL, 0},   {"exp", NULL, 0},  {"floor", NULL, 0},
        {"fmod", NULL, 0},  {"huge", NULL, 0}, {"log", NULL, 0},   {"max", NULL, 0},  {"maxinteger", NULL, 0},
        {"min", NULL, 0},   {"mininteger", NULL, 0}, {"modf", NULL, 0}, {"pi", NULL, 0}, {"sin", NULL, 0},
        {"sqrt", NULL, 0},  {"tan", NULL, 0},  {"tointeger", NULL, 0}, {"type", NULL, 0}, {"ult", NULL, 0},
        {"acos", NULL, 0},  {"asin", NULL, 0}, {"atan", NULL, 0},  {NULL, NULL, 0}};
    static const entry utf8_lib[] = {{"char", NULL, 1},      {"charpattern", NULL, 0}, {"codes", NULL, 1},
                                     {"codepoint", NULL, 1}, {"len", NULL, 1},         {"offset", NULL, 1},
                                     {NULL, NULL, 0}};
    static const entry os_lib[] = {{"clock", NULL, 0}, {NULL, NULL, 0}};
    add_lib(L, base, "string", string_lib);
    add_lib(L, base, "table", table_lib);
    add_lib(L, base, "math", math_lib);
    add_lib(L, base, "utf8", utf8_lib);
    add_lib(L, base, "os", os_lib);
}
