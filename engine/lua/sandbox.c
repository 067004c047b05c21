/* sandbox.c - a host with the engine's libraries; see sandbox.h. */
#include "sandbox.h"

#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "host_lua.h"
#include "lpoint.h"
#include "lstats.h"
#include "luajson.h"

const char *sandbox_rules_dir(void)
{
    const char *env = getenv("SCORECARD_RULES");
    return env && *env ? env : SCORECARD_RULES_DIR;
}

/* ---- data: read-only series from the store ----
 * The rows are copied out of the store first and pushed to Lua after the
 * store call has returned: a Lua error (a memory or time limit) raised inside
 * a store callback would jump over SQLite's own clean-up. The copies live in a
 * userdata box whose __gc frees them if pushing is cut short. */

#define DATA_MAX_POINTS 100000 /* points data.series returns at most */

typedef struct data_point {
    size_t period, type, start, end, value_text; /* offsets into the box's text; 0 = none */
    double value, num, den, lo, hi, lo998, hi998;
    obs_status status;
    int series_break;
} data_point;

typedef struct data_box {
    data_point *pts;
    size_t n, cap;
    char *text;
    size_t text_len, text_cap;
    int too_many;
} data_box;

static void free_box(data_box *b)
{
    free(b->pts);
    free(b->text);
    memset(b, 0, sizeof *b);
}

static int box_gc(lua_State *L)
{
    free_box(lua_touserdata(L, 1));
    return 0;
}

/* Copies `t` into the box's text; returns its offset (0 for none), or -1. */
static long box_text(data_box *b, const char *t)
{
    if (!t || !*t)
        return 0;
    size_t n = strlen(t) + 1;
    if (grow(&b->text, &b->text_cap, b->text_len + n + 1, 1, 4096))
        return -1;
    if (b->text_len == 0)
        b->text[b->text_len++] = '\0'; /* offset 0 means none */
    memcpy(b->text + b->text_len, t, n);
    b->text_len += n;
    return (long)(b->text_len - n);
}

static int copy_point(void *ctx, const store_obs_row *r)
{
    data_box *b = ctx;
    if (b->n == DATA_MAX_POINTS) {
        b->too_many = 1;
        return 1; /* stop */
    }
    if (grow(&b->pts, &b->cap, b->n + 1, sizeof *b->pts, 64))
        return ERR_NOMEM;
    long off[5];
    const char *texts[5] = {r->o.period_label, r->period_type, r->period_start, r->period_end, r->o.value_text};
    for (int i = 0; i < 5; i++)
        if ((off[i] = box_text(b, texts[i])) < 0)
            return ERR_NOMEM;
    b->pts[b->n++] = (data_point){(size_t)off[0], (size_t)off[1], (size_t)off[2], (size_t)off[3], (size_t)off[4],
                                  r->o.value, r->o.numerator, r->o.denominator, r->o.lower_ci, r->o.upper_ci,
                                  r->o.lower_ci_998, r->o.upper_ci_998, r->o.status, r->o.series_break};
    return 0;
}

/* A text the box holds, or NULL for none (offset 0). */
static const char *text_at(const data_box *b, size_t off)
{
    return off ? b->text + off : NULL;
}

/* data.series(indicator, area [, breakdown]) -> array of points in period order;
 * all persons unless a breakdown is given (lpoint_breakdown_key). */
static int data_series(lua_State *L)
{
    store *s = lua_touserdata(L, lua_upvalueindex(1));
    char key[OBS_KEY_MAX];
    if (lpoint_breakdown_key(L, 3, key, sizeof key))
        return luaL_argerror(L, 3, "a breakdown: {sex = \"Female\"} or a key such as \"sex=Female\"");
    store_obs_filter f = {luaL_checkstring(L, 1), luaL_checkstring(L, 2), NULL, 0, key};
    const char *current;
    int approximate;
    err e = {0};
    int found = store_resolve_area(s, f.area, &current, &approximate, &e);
    if (found < 0)
        return luaL_error(L, "data.series: %s", e.msg);
    if (found)
        f.area = current;
    data_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    memset(b, 0, sizeof *b);
    if (luaL_newmetatable(L, "scorecard.data_box")) {
        lua_pushcfunction(L, box_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    int rc = store_each_observation(s, &f, copy_point, b, &e);
    if (rc < 0 || b->too_many) {
        int too_many = b->too_many;
        free_box(b);
        return too_many ? luaL_error(L, "data.series: more than %d points", DATA_MAX_POINTS)
                           : luaL_error(L, "%s", e.msg);
    }
    host_charge(L, 16 * b->n);
    lua_createtable(L, (int)b->n, 0);
    for (size_t i = 0; i < b->n; i++) {
        const data_point *p = &b->pts[i];
        lpoint lp = {.period = text_at(b, p->period), .period_type = text_at(b, p->type),
                     .start = text_at(b, p->start), .end = text_at(b, p->end), .value_text = text_at(b, p->value_text),
                     .value = p->value, .numerator = p->num, .denominator = p->den, .lower = p->lo, .upper = p->hi,
                     .lower_998 = p->lo998, .upper_998 = p->hi998, .status = p->status,
                     .series_break = p->series_break};
        lpoint_push(L, &lp);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    free_box(b);
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

/* The results above `top` as JSON, popped. */
static cJSON *results_json(lua_State *L, int top, size_t max_bytes, err *e)
{
    int n = lua_gettop(L) - top;
    cJSON *out = NULL;
    if (n == 0)
        out = cJSON_CreateNull();
    else if (n == 1)
        out = luajson_from(L, -1, max_bytes, e);
    else if ((out = cJSON_CreateArray())) { /* several results: an array of them */
        for (int i = top + 1; i <= lua_gettop(L); i++) {
            cJSON *item = luajson_from(L, i, max_bytes, e);
            if (!item) {
                cJSON_Delete(out);
                out = NULL;
                break;
            }
            cJSON_AddItemToArray(out, item);
        }
    }
    if (!out && !e->code)
        err_set(e, ERR_NOMEM, "out of memory");
    lua_settop(L, top);
    return out;
}

int sandbox_run_json(host *h, const char *code, size_t len, const char *chunkname, size_t max_bytes, cJSON **out,
                     err *e)
{
    lua_State *L = host_lua(h);
    int top = lua_gettop(L);
    int rc = host_run_string(h, code, len, chunkname, LUA_MULTRET, e);
    if (rc)
        return rc;
    *out = results_json(L, top, max_bytes, e);
    return *out ? 0 : e->code;
}

int sandbox_run_file_json(host *h, const char *path, size_t max_bytes, cJSON **out, err *e)
{
    lua_State *L = host_lua(h);
    int top = lua_gettop(L);
    int rc = host_run_file(h, path, 1, e);
    if (rc)
        return rc;
    cJSON *printable = results_json(L, top, max_bytes, e);
    if (!printable)
        return err_prefix(e, "%s", path);
    /* luajson makes print-ready (raw) nodes; a tree to read is parsed back from them */
    char *text = cJSON_PrintUnformatted(printable);
    cJSON_Delete(printable);
    *out = text ? cJSON_Parse(text) : NULL;
    free(text);
    return *out ? 0 : err_set(e, ERR_NOMEM, "out of memory");
}
