/* rule_call.c - the evaluator's calls into Lua; see rule_call.h. */
#include "rule_call.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_lua.h"
#include "lpoint.h"
#include "luajson.h"
#include "period.h"
#include "text.h"

#define SERIES_META "scorecard.series"
#define SERIES_LIVE "scorecard.series.live" /* registry: the series_live of this state */

/* What series handles are checked against, one per Lua state (a userdata kept
 * in the registry and given to the series methods as an upvalue): the set
 * being evaluated, and a generation that moves on with every set and every
 * run and is never reused. A handle a script kept from an earlier indicator,
 * case or run carries an older generation and is refused without ever
 * touching the set it came from, which may be gone. */
typedef struct series_live {
    const series_set *set; /* NULL between runs */
    unsigned long long generation;
} series_live;

typedef struct series_ud {
    const series_set *set; /* valid only while generation is the live one */
    size_t off, n;
    unsigned long long generation;
} series_ud;

static void iso(int ymd, char out[11])
{
    snprintf(out, 11, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
}

/* A point as scripts see it: a fresh table, so nothing a script does to it
 * reaches the set. */
static void push_point(lua_State *L, const series_set *s, const series_point *p)
{
    char start[11], end[11];
    iso(p->start, start);
    iso(p->end, end);
    lpoint lp = {.period = series_label(s, p), .period_type = period_type_name((period_type)p->type),
                 .start = start, .end = end, .value_text = series_value_text(s, p), .value = p->value,
                 .numerator = p->num, .denominator = p->den, .lower = p->lo, .upper = p->hi,
                 .lower_998 = p->lo998, .upper_998 = p->hi998, .status = p->status, .series_break = p->brk,
                 .derived = p->derived};
    lpoint_push(L, &lp);
}

/* ---- the series userdata: read-only methods over one area's slot ---- */

static const series_point *ud_point(const series_ud *u, size_t k)
{
    return &u->set->pts[u->off + k];
}

static series_ud *check_series(lua_State *L)
{
    series_ud *u = luaL_checkudata(L, 1, SERIES_META);
    const series_live *live = lua_touserdata(L, lua_upvalueindex(1));
    if (!live->set || u->generation != live->generation || u->set != live->set)
        luaL_error(L, "a series was used after its evaluation ended (do not keep ctx.series)");
    host_charge(L, 1 + u->n);
    return u;
}

/* Index of the point labelled `label`, or -1. */
/* The point labelled `label`: written as the file writes it, or else another
 * way of writing the same period ("April 2023" for a file's "2023-04"), so a
 * framework's base period need not copy one publisher's spelling. Only a
 * label that means one thing whatever the publisher's conventions is matched
 * so: a quarter ("2023 Q2": calendar or financial?) and a year pair
 * ("2022-23") must be written as the file writes them, and the point must be
 * of the same period type (a calendar year is not a survey year of the same
 * days). */
static long find_label(const series_ud *u, const char *label)
{
    for (size_t i = 0; i < u->n; i++)
        if (!strcmp(series_label(u->set, ud_point(u, i)), label))
            return (long)i;
    period want;
    err e = {0};
    if (period_parse(label, NULL, &want, &e) || want.by_pairs || want.type == PERIOD_FY_QUARTER ||
        want.type == PERIOD_CALENDAR_QUARTER)
        return -1;
    for (size_t i = 0; i < u->n; i++) {
        const series_point *p = ud_point(u, i);
        if (p->start == want.start && p->end == want.end && p->type == (int)want.type)
            return (long)i;
    }
    return -1;
}

/* Points up to and including `label` (all when nil or absent). */
static size_t upto(lua_State *L, const series_ud *u, int arg)
{
    if (lua_isnoneornil(L, arg))
        return u->n;
    long at = find_label(u, luaL_checkstring(L, arg));
    return at < 0 ? u->n : (size_t)at + 1;
}

static int series_len(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)check_series(L)->n);
    return 1;
}

static int series_point_at(lua_State *L)
{
    series_ud *u = check_series(L);
    lua_Integer i = luaL_checkinteger(L, 2);
    if (i < 1 || (size_t)i > u->n)
        return lua_pushnil(L), 1;
    push_point(L, u->set, ud_point(u, (size_t)i - 1));
    return 1;
}

static int series_labelled(lua_State *L)
{
    series_ud *u = check_series(L);
    long at = find_label(u, luaL_checkstring(L, 2));
    if (at < 0)
        return lua_pushnil(L), 1;
    push_point(L, u->set, ud_point(u, (size_t)at));
    return 1;
}

/* Is point i one a trend up to point end - 1 may use: it has a value and,
 * unless the indicator declares its period types, the type of that last point
 * (a trend or chart never mixes years with quarters on its own). */
static int trend_point(const series_ud *u, size_t i, size_t end)
{
    return end > 0 && !isnan(ud_point(u, i)->value) &&
           (!u->set->one_type || ud_point(u, i)->type == ud_point(u, end - 1)->type);
}

/* s:last(n [, upto]) -> the last n points with a value and upto's period type, oldest first */
static int series_last(lua_State *L)
{
    series_ud *u = check_series(L);
    lua_Integer want = luaL_checkinteger(L, 2);
    size_t end = upto(L, u, 3);
    size_t first = end;
    lua_Integer got = 0;
    while (first > 0 && got < want) {
        first--;
        got += trend_point(u, first, end);
    }
    lua_createtable(L, (int)got, 0);
    lua_Integer k = 0;
    for (size_t i = first; i < end; i++)
        if (trend_point(u, i, end)) {
            push_point(L, u->set, ud_point(u, i));
            lua_rawseti(L, -2, ++k);
        }
    return 1;
}

/* s:values([upto]) -> the values of upto's period type, oldest first, skipping gaps */
static int series_values(lua_State *L)
{
    series_ud *u = check_series(L);
    size_t end = upto(L, u, 2);
    lua_createtable(L, (int)end, 0);
    lua_Integer k = 0;
    for (size_t i = 0; i < end; i++)
        if (trend_point(u, i, end)) {
            lua_pushnumber(L, ud_point(u, i)->value);
            lua_rawseti(L, -2, ++k);
        }
    return 1;
}

static int series_value_texts(lua_State *L)
{
    series_ud *u = check_series(L);
    lua_createtable(L, (int)u->n, 0);
    lua_Integer k = 0;
    for (size_t i = 0; i < u->n; i++) {
        const char *t = series_value_text(u->set, ud_point(u, i));
        if (t) {
            lua_pushstring(L, t);
            lua_rawseti(L, -2, ++k);
        }
    }
    return 1;
}

/* s:breaks_between(a, b) -> true when a point after a, up to and including b, starts a new series */
static int series_breaks_between(lua_State *L)
{
    series_ud *u = check_series(L);
    long a = find_label(u, luaL_checkstring(L, 2)), b = find_label(u, luaL_checkstring(L, 3));
    int brk = 0;
    for (long i = a + 1; a >= 0 && i <= b; i++)
        brk |= ud_point(u, (size_t)i)->brk;
    lua_pushboolean(L, brk);
    return 1;
}

/* s:count_after(a, b) -> points after a up to and including b (the PfG "cumulative" count) */
static int series_count_after(lua_State *L)
{
    series_ud *u = check_series(L);
    long a = find_label(u, luaL_checkstring(L, 2)), b = find_label(u, luaL_checkstring(L, 3));
    lua_pushinteger(L, a >= 0 && b > a ? b - a : 0);
    return 1;
}

/* The state's series_live, made with the series metatable on first use. */
static series_live *live_of(lua_State *L)
{
    static const luaL_Reg methods[] = {{"len", series_len},
                                       {"point", series_point_at},
                                       {"at", series_labelled},
                                       {"last", series_last},
                                       {"values", series_values},
                                       {"value_texts", series_value_texts},
                                       {"breaks_between", series_breaks_between},
                                       {"count_after", series_count_after},
                                       {NULL, NULL}};
    if (lua_getfield(L, LUA_REGISTRYINDEX, SERIES_LIVE) == LUA_TUSERDATA) {
        series_live *live = lua_touserdata(L, -1);
        lua_pop(L, 1);
        return live;
    }
    lua_pop(L, 1);
    series_live *live = lua_newuserdatauv(L, sizeof *live, 0);
    live->set = NULL;
    live->generation = 0;
    lua_setfield(L, LUA_REGISTRYINDEX, SERIES_LIVE);
    luaL_newmetatable(L, SERIES_META);
    lua_newtable(L);
    lua_pushlightuserdata(L, live);
    luaL_setfuncs(L, methods, 1);
    lua_setfield(L, -2, "__index");
    lua_pushlightuserdata(L, live);
    lua_pushcclosure(L, series_len, 1);
    lua_setfield(L, -2, "__len");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    return live;
}

void rule_series_begin(host *h, const series_set *set)
{
    series_live *live = live_of(host_lua(h));
    live->set = set;
    live->generation++;
}

static void push_series(lua_State *L, const rule_ctx *c)
{
    const series_live *live = live_of(L);
    err_assert(live->set == c->set);
    series_ud *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->set = c->set;
    u->off = c->slot ? c->slot->off : 0;
    u->n = c->slot ? c->slot->n : 0;
    u->generation = live->generation;
    luaL_setmetatable(L, SERIES_META);
}

/* ---- prepare ---- */

int rule_prepare(host *h, const framework *f, size_t i, const series_set *set, const rule_peer *peers, size_t n,
                 const char *period_label, int *handle, err *e)
{
    lua_State *L = host_lua(h);
    const fw_indicator *ind = &f->ind[i];
    int top = lua_gettop(L);
    *handle = RULE_NONE;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ind->rule_ref);
    if (lua_type(L, -1) != LUA_TTABLE) {
        lua_settop(L, top);
        return 0;
    }
    lua_pushliteral(L, "prepare");
    if (lua_rawget(L, -2) != LUA_TFUNCTION) {
        lua_settop(L, top);
        return 0;
    }
    lua_remove(L, -2);
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
    for (size_t k = 0; k < n; k++) {
        push_point(L, set, peers[k].point);
        lua_pushstring(L, peers[k].area);
        lua_setfield(L, -2, "area");
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    lua_createtable(L, 0, 2); /* what the rule may need to know: the indicator's polarity and period */
    lua_pushstring(L, polarity_name(ind->polarity));
    lua_setfield(L, -2, "polarity");
    lua_pushstring(L, period_label);
    lua_setfield(L, -2, "period");
    char what[256];
    snprintf(what, sizeof what, "%s: indicator %s (prepare)", ind->where, ind->id);
    int rc = host_call(h, 2, 1, what, e);
    if (!rc)
        *handle = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_settop(L, top);
    return rc;
}

void rule_release(host *h, int handle)
{
    if (handle != RULE_NONE)
        luaL_unref(host_lua(h), LUA_REGISTRYINDEX, handle);
}

/* ---- assess ---- */

/* Builds ctx for one call: {area, area_name, period, period_start, period_end,
 * polarity, indicator, point, comparator, series, prepared, decimals}. */
static void push_ctx(lua_State *L, const fw_indicator *ind, const rule_ctx *c)
{
    lua_createtable(L, 0, 12);
    lua_pushstring(L, c->area);
    lua_setfield(L, -2, "area");
    lua_pushstring(L, c->area_name);
    lua_setfield(L, -2, "area_name");
    lua_pushstring(L, c->period);
    lua_setfield(L, -2, "period");
    lua_pushstring(L, c->period_start);
    lua_setfield(L, -2, "period_start");
    lua_pushstring(L, c->period_end);
    lua_setfield(L, -2, "period_end");
    lua_pushstring(L, polarity_name(ind->polarity));
    lua_setfield(L, -2, "polarity");
    lua_rawgeti(L, LUA_REGISTRYINDEX, ind->table_ref);
    lua_setfield(L, -2, "indicator");
    push_point(L, c->set, c->point);
    lua_setfield(L, -2, "point");
    if (c->cmp) {
        push_point(L, c->cmp_set ? c->cmp_set : c->set, c->cmp);
        lua_pushstring(L, c->cmp_area);
        lua_setfield(L, -2, "area");
        if (c->cmp_name) {
            lua_pushstring(L, c->cmp_name);
            lua_setfield(L, -2, "name");
        }
        lua_setfield(L, -2, "comparator");
    }
    push_series(L, c);
    lua_setfield(L, -2, "series");
    if (c->prepared != RULE_NONE) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, c->prepared);
        lua_setfield(L, -2, "prepared");
    }
    if (c->decimals >= 0) {
        lua_pushinteger(L, c->decimals);
        lua_setfield(L, -2, "decimals");
    }
}

/* Pushes the function to call for a rule: the rule itself, or rule.assess. */
static int push_assess(lua_State *L, const fw_indicator *ind)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, ind->rule_ref);
    if (lua_type(L, -1) == LUA_TFUNCTION)
        return 0;
    if (lua_type(L, -1) != LUA_TTABLE)
        return -1;
    lua_pushliteral(L, "assess");
    lua_rawget(L, -2);
    lua_remove(L, -2);
    return lua_type(L, -1) == LUA_TFUNCTION ? 0 : -1;
}

/* Raw string field `key` of the table on the stack top, cleaned (text.h) and
 * copied into *out (left NULL when absent). A string longer than
 * RULE_TEXT_MAX is refused: a rule's words are a line or two, not megabytes. */
static int take_string(host *h, const char *key, const char *what, char **out, size_t *kept, err *e)
{
    lua_State *L = host_lua(h);
    int rc = 0;
    lua_pushstring(L, key);
    if (lua_rawget(L, -2) == LUA_TSTRING) {
        size_t n;
        const char *v = lua_tolstring(L, -1, &n);
        if (n > RULE_TEXT_MAX)
            rc = err_set(e, ERR_LIMIT, "%s: the rule returned a %s of %zu bytes; at most %d are kept", what, key, n,
                         RULE_TEXT_MAX);
        else if (host_keep(h, n + 1, what, e))
            rc = ERR_LIMIT;
        else if (!(*out = text_clean_dup(v, n)))
            rc = err_set(e, ERR_NOMEM, "out of memory");
        else
            *kept += n + 1;
    }
    lua_pop(L, 1);
    return rc;
}

/* The verdict's `status`, a word of the vocabulary parsed where it lies. */
static int take_status(lua_State *L, const char *what, vocab_status *s, err *e)
{
    int rc = 0;
    lua_pushliteral(L, "status");
    int type = lua_rawget(L, -2);
    if (type == LUA_TSTRING && vocab_status_parse(lua_tostring(L, -1), s)) {
        char word[64];
        text_clean_into(word, sizeof word, lua_tostring(L, -1), lua_rawlen(L, -1));
        const char *near = vocab_status_nearest(word);
        rc = err_set(e, ERR_INVALID, "%s: the rule returned the unknown status \"%s\"%s%s%s", what, word,
                     near ? " (did you mean \"" : "", near ? near : "", near ? "\"?)" : "");
    } else if (type != LUA_TSTRING && type != LUA_TNIL) {
        rc = err_set(e, ERR_INVALID, "%s: the rule's status is a %s, not a word", what, lua_typename(L, type));
    }
    lua_pop(L, 1);
    return rc;
}

int rule_assess(host *h, const framework *f, size_t i, const rule_ctx *c, const char *what, rule_verdict *v,
                size_t *kept, err *e)
{
    lua_State *L = host_lua(h);
    const fw_indicator *ind = &f->ind[i];
    memset(v, 0, sizeof *v);
    v->comparator = v->score = NAN;
    int top = lua_gettop(L);
    if (push_assess(L, ind)) {
        lua_settop(L, top);
        return err_set(e, ERR_INVALID, "%s: indicator %s: the rule has no assess function", ind->where, ind->id);
    }
    push_ctx(L, ind, c);
    char call[300];
    snprintf(call, sizeof call, "indicator %s, area %s", ind->id, c->area);
    int rc = host_call(h, 1, 1, call, e);
    if (!rc && lua_type(L, -1) != LUA_TTABLE)
        rc = err_set(e, ERR_INVALID, "%s: the rule returned %s, not a table {assessment = ..., reason = ...}", what,
                     luaL_typename(L, -1));
    if (!rc)
        rc = take_string(h, "assessment", what, &v->assessment, kept, e);
    if (!rc)
        rc = take_status(L, what, &v->status, e);
    if (!rc)
        rc = take_string(h, "reason", what, &v->reason, kept, e);
    if (!rc) {
        lua_pushliteral(L, "comparator");
        if (lua_rawget(L, -2) == LUA_TNUMBER)
            v->comparator = lua_tonumber(L, -1);
        lua_pop(L, 1);
        /* a word of the vocabulary: parsed where it lies, not copied */
        lua_pushliteral(L, "comparator_kind");
        if (lua_rawget(L, -2) == LUA_TSTRING && vocab_comparator_parse(lua_tostring(L, -1), &v->comparator_kind)) {
            char kind[64];
            text_clean_into(kind, sizeof kind, lua_tostring(L, -1), lua_rawlen(L, -1));
            rc = err_set(e, ERR_INVALID, "%s: comparator_kind \"%s\" is not area, target, baseline or value", what,
                         kind);
        }
        lua_pop(L, 1);
    }
    if (!rc)
        rc = take_string(h, "comparator_area", what, &v->comparator_area, kept, e);
    if (!rc) {
        lua_pushliteral(L, "score");
        int type = lua_rawget(L, -2);
        if (type == LUA_TNUMBER && fabs(lua_tonumber(L, -1)) <= RULE_SCORE_MAX)
            v->score = lua_tonumber(L, -1);
        else if (type != LUA_TNIL)
            rc = err_set(e, ERR_INVALID, "%s: the rule's score must be a number no larger than %g in size", what,
                         RULE_SCORE_MAX);
        lua_pop(L, 1);
    }
    if (!rc) {
        lua_pushliteral(L, "details");
        if (lua_rawget(L, -2) == LUA_TTABLE) { /* the rule's own numbers */
            if (!(v->details = luajson_from(L, -1, RULE_DETAILS_MAX, e)))
                rc = err_prefix(e, "%s: the rule's details", what);
        }
        lua_pop(L, 1);
    }
    lua_settop(L, top);
    if (rc)
        rule_verdict_free(v);
    return rc;
}

void rule_verdict_free(rule_verdict *v)
{
    free(v->assessment), free(v->reason), free(v->comparator_area);
    cJSON_Delete(v->details);
    memset(v, 0, sizeof *v);
    v->comparator = v->score = NAN;
}

/* ---- custom roll-ups ---- */

int rule_rollup_custom(host *h, const fw_rollup *ru, const vocab_colour *colours, const char *const *ids, size_t n,
                       const char *owner, vocab_colour *colour, err *e)
{
    lua_State *L = host_lua(h);
    int top = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ru->table_ref);
    lua_pushliteral(L, "fn");
    lua_rawget(L, -2);
    lua_remove(L, -2);
    lua_createtable(L, n > INT32_MAX ? 0 : (int)n, 0);
    for (size_t k = 0; k < n; k++) {
        lua_createtable(L, 0, 2);
        lua_pushstring(L, ids[k]);
        lua_setfield(L, -2, "id");
        lua_pushstring(L, vocab_colour_name(colours[k]));
        lua_setfield(L, -2, "colour");
        lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    char what[200];
    snprintf(what, sizeof what, "roll-up of %s", owner);
    int rc = host_call(h, 1, 1, what, e);
    if (rc) {
        lua_settop(L, top);
        return rc;
    }
    const char *c = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int known = c && vocab_colour_parse(c, colour) == 0;
    lua_settop(L, top);
    if (!known)
        return err_set(e, ERR_INVALID, "%s: the custom roll-up must return green, amber, red or grey", owner);
    return 0;
}
