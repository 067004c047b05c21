/* eval.c - the evaluation loop; see eval.h. */
#include "eval.h"

#include <cjson/cJSON.h>
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "luajson.h"
#include "sha256.h"
#include "strmap.h"
#include "text.h"

#define SERIES_META "scorecard.series"
#define SERIES_LIVE "scorecard.series.live" /* registry: the ev_live of this state */
#define RULE_TEXT_MAX 4096                  /* bytes of an assessment, status or reason a rule may return */
#define RULE_DETAILS_MAX (256u << 10)       /* bytes of a rule's details as JSON */
#define RULE_PARAMS_MAX (64u << 10)         /* bytes of a rule's parameters as JSON */

/* ---- one indicator's series for every area, read in bulk ---- */

typedef struct ev_point {
    long long id;
    int start, end;  /* YYYYMMDD */
    size_t label;    /* offset of the period label in the text arena */
    long value_text; /* offset in the text arena, -1 when none */
    double value, num, den, lo, hi;
    unsigned char status, brk, approx, derived;
} ev_point;

typedef struct ev_slot {
    size_t off, n; /* points of one area, in period order */
} ev_slot;

typedef struct ev_set {
    ev_point *pts;
    size_t n, cap;
    char *text;
    size_t text_len, text_cap;
    strmap *labels;  /* period label -> offset in text */
    strmap *by_area; /* area code -> slot */
    ev_slot *slots;
    size_t nslots, slot_cap;
    char last_area[64];
    sha256_ctx *fingerprint;
} ev_set;

/* What series handles are checked against, one per Lua state (a userdata kept
 * in the registry and given to the series methods as an upvalue): the set
 * being evaluated, and a generation that moves on with every indicator and
 * every run and is never reused. A handle a script kept from an earlier
 * indicator, case or run carries an older generation and is refused without
 * ever touching the set it came from, which may be gone. */
typedef struct ev_live {
    ev_set *set;                  /* NULL between runs */
    unsigned long long generation;
} ev_live;

static long add_text(ev_set *s, const char *t)
{
    size_t n = strlen(t) + 1;
    if (s->text_len + n > s->text_cap) {
        size_t cap = (s->text_cap + n) * 2;
        char *grown = realloc(s->text, cap);
        if (!grown)
            return -1;
        s->text = grown;
        s->text_cap = cap;
    }
    memcpy(s->text + s->text_len, t, n);
    s->text_len += n;
    return (long)(s->text_len - n);
}

static long intern(ev_set *s, const char *t)
{
    int off;
    if (strmap_get(s->labels, t, &off))
        return off;
    long at = add_text(s, t);
    if (at < 0 || at > 0x7fffffff || strmap_put(s->labels, t, (int)at))
        return -1;
    return at;
}

static ev_point *add_point(ev_set *s)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        ev_point *grown = realloc(s->pts, cap * sizeof *grown);
        if (!grown)
            return NULL;
        s->pts = grown;
        s->cap = cap;
    }
    ev_point *p = &s->pts[s->n++];
    memset(p, 0, sizeof *p);
    p->value_text = -1;
    return p;
}

static int new_slot(ev_set *s, const char *area)
{
    if (s->nslots == s->slot_cap) {
        size_t cap = s->slot_cap ? s->slot_cap * 2 : 256;
        ev_slot *grown = realloc(s->slots, cap * sizeof *grown);
        if (!grown)
            return -1;
        s->slots = grown;
        s->slot_cap = cap;
    }
    s->slots[s->nslots] = (ev_slot){s->n, 0};
    if (strmap_put(s->by_area, area, (int)s->nslots))
        return -1;
    s->nslots++;
    return 0;
}

static void reset_set(ev_set *s, ev_live *live)
{
    s->n = s->text_len = s->nslots = 0;
    s->last_area[0] = '\0';
    strmap_free(s->labels);
    strmap_free(s->by_area);
    s->labels = strmap_new();
    s->by_area = strmap_new();
    live->set = s;
    live->generation++;
}

static int take_point(void *ctx, const store_point *sp)
{
    ev_set *s = ctx;
    if (strcmp(sp->area, s->last_area)) {
        snprintf(s->last_area, sizeof s->last_area, "%s", sp->area);
        if (new_slot(s, sp->area))
            return -1;
    }
    ev_point *p = add_point(s);
    long label = p ? intern(s, sp->period) : -1;
    if (!p || label < 0)
        return -1;
    p->id = sp->id;
    p->start = sp->start;
    p->end = sp->end;
    p->label = (size_t)label;
    if (sp->value_text && (p->value_text = add_text(s, sp->value_text)) < 0)
        return -1;
    p->value = sp->value;
    p->num = sp->numerator;
    p->den = sp->denominator;
    p->lo = sp->lower_ci;
    p->hi = sp->upper_ci;
    p->status = (unsigned char)sp->status;
    p->brk = (unsigned char)sp->series_break;
    p->approx = (unsigned char)sp->approximate;
    s->slots[s->nslots - 1].n++;
    sha256_update(s->fingerprint, &sp->id, sizeof sp->id);
    sha256_update(s->fingerprint, &sp->value, sizeof sp->value);
    return 0;
}

static const ev_slot *slot_of(const ev_set *s, const char *area)
{
    int i;
    return strmap_get(s->by_area, area, &i) ? &s->slots[i] : NULL;
}

/* The point an area is judged on: its latest with an end no later than the period's. */
static const ev_point *current_point(const ev_set *s, const ev_slot *sl, int period_end)
{
    if (!sl)
        return NULL;
    for (size_t i = sl->n; i-- > 0;)
        if (s->pts[sl->off + i].end <= period_end)
            return &s->pts[sl->off + i];
    return NULL;
}

static const char *label_of(const ev_set *s, const ev_point *p)
{
    return s->text + p->label;
}

/* ---- series as Lua sees them: a userdata with read-only methods ---- */

typedef struct ev_series_ud {
    ev_set *set; /* valid only while generation is the live one */
    size_t off, n;
    unsigned long long generation;
} ev_series_ud;

static void iso(int ymd, char out[11])
{
    snprintf(out, 11, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
}

static void set_num(lua_State *L, const char *k, double v)
{
    if (!isnan(v)) {
        lua_pushnumber(L, v);
        lua_setfield(L, -2, k);
    }
}

static void push_point(lua_State *L, const ev_set *s, const ev_point *p)
{
    char d[11];
    lua_createtable(L, 0, 14);
    lua_pushstring(L, label_of(s, p));
    lua_setfield(L, -2, "period");
    iso(p->start, d);
    lua_pushstring(L, d);
    lua_setfield(L, -2, "start");
    iso(p->end, d);
    lua_pushstring(L, d);
    lua_setfield(L, -2, "end");
    set_num(L, "value", p->value);
    if (p->value_text >= 0) {
        lua_pushstring(L, s->text + p->value_text);
        lua_setfield(L, -2, "value_text");
    }
    set_num(L, "numerator", p->num);
    set_num(L, "denominator", p->den);
    set_num(L, "lower", p->lo);
    set_num(L, "upper", p->hi);
    lua_pushstring(L, obs_status_name((obs_status)p->status));
    lua_setfield(L, -2, "status");
    lua_pushboolean(L, p->brk);
    lua_setfield(L, -2, "series_break");
    lua_pushboolean(L, p->status == OBS_PROVISIONAL);
    lua_setfield(L, -2, "provisional");
    lua_pushboolean(L, p->derived);
    lua_setfield(L, -2, "derived");
}

static ev_series_ud *check_series(lua_State *L)
{
    ev_series_ud *u = luaL_checkudata(L, 1, SERIES_META);
    const ev_live *live = lua_touserdata(L, lua_upvalueindex(1));
    if (!live->set || u->generation != live->generation || u->set != live->set)
        luaL_error(L, "a series was used after its evaluation ended (do not keep ctx.series)");
    host_charge(L, 1 + u->n);
    return u;
}

/* Index of the point labelled `label`, or -1. */
static long find_label(const ev_series_ud *u, const char *label)
{
    for (size_t i = 0; i < u->n; i++)
        if (!strcmp(label_of(u->set, &u->set->pts[u->off + i]), label))
            return (long)i;
    return -1;
}

/* Points up to and including `label` (all when nil or absent). */
static size_t upto(lua_State *L, const ev_series_ud *u, int arg)
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

static int series_point(lua_State *L)
{
    ev_series_ud *u = check_series(L);
    lua_Integer i = luaL_checkinteger(L, 2);
    if (i < 1 || (size_t)i > u->n)
        return lua_pushnil(L), 1;
    push_point(L, u->set, &u->set->pts[u->off + (size_t)i - 1]);
    return 1;
}

static int series_at(lua_State *L)
{
    ev_series_ud *u = check_series(L);
    long at = find_label(u, luaL_checkstring(L, 2));
    if (at < 0)
        return lua_pushnil(L), 1;
    push_point(L, u->set, &u->set->pts[u->off + (size_t)at]);
    return 1;
}

/* s:last(n [, upto]) -> the last n points with a value, oldest first */
static int series_last(lua_State *L)
{
    ev_series_ud *u = check_series(L);
    lua_Integer want = luaL_checkinteger(L, 2);
    size_t end = upto(L, u, 3);
    size_t first = end;
    lua_Integer got = 0;
    while (first > 0 && got < want) {
        first--;
        got += !isnan(u->set->pts[u->off + first].value);
    }
    lua_createtable(L, (int)got, 0);
    lua_Integer k = 0;
    for (size_t i = first; i < end; i++)
        if (!isnan(u->set->pts[u->off + i].value)) {
            push_point(L, u->set, &u->set->pts[u->off + i]);
            lua_rawseti(L, -2, ++k);
        }
    return 1;
}

/* s:values([upto]) -> the values, oldest first, skipping gaps */
static int series_values(lua_State *L)
{
    ev_series_ud *u = check_series(L);
    size_t end = upto(L, u, 2);
    lua_createtable(L, (int)end, 0);
    lua_Integer k = 0;
    for (size_t i = 0; i < end; i++) {
        double v = u->set->pts[u->off + i].value;
        if (!isnan(v)) {
            lua_pushnumber(L, v);
            lua_rawseti(L, -2, ++k);
        }
    }
    return 1;
}

static int series_value_texts(lua_State *L)
{
    ev_series_ud *u = check_series(L);
    lua_createtable(L, (int)u->n, 0);
    lua_Integer k = 0;
    for (size_t i = 0; i < u->n; i++) {
        long t = u->set->pts[u->off + i].value_text;
        if (t >= 0) {
            lua_pushstring(L, u->set->text + t);
            lua_rawseti(L, -2, ++k);
        }
    }
    return 1;
}

/* s:breaks_between(a, b) -> true when a point after a, up to and including b, starts a new series */
static int series_breaks_between(lua_State *L)
{
    ev_series_ud *u = check_series(L);
    long a = find_label(u, luaL_checkstring(L, 2)), b = find_label(u, luaL_checkstring(L, 3));
    int brk = 0;
    for (long i = a + 1; a >= 0 && i <= b; i++)
        brk |= u->set->pts[u->off + (size_t)i].brk;
    lua_pushboolean(L, brk);
    return 1;
}

/* s:count_after(a, b) -> points after a up to and including b (the PfG "cumulative" count) */
static int series_count_after(lua_State *L)
{
    ev_series_ud *u = check_series(L);
    long a = find_label(u, luaL_checkstring(L, 2)), b = find_label(u, luaL_checkstring(L, 3));
    lua_pushinteger(L, a >= 0 && b > a ? b - a : 0);
    return 1;
}

/* The state's ev_live, made with the series metatable on first use. */
static ev_live *register_series_meta(lua_State *L)
{
    static const luaL_Reg methods[] = {{"len", series_len},
                                       {"point", series_point},
                                       {"at", series_at},
                                       {"last", series_last},
                                       {"values", series_values},
                                       {"value_texts", series_value_texts},
                                       {"breaks_between", series_breaks_between},
                                       {"count_after", series_count_after},
                                       {NULL, NULL}};
    if (lua_getfield(L, LUA_REGISTRYINDEX, SERIES_LIVE) == LUA_TUSERDATA) {
        ev_live *live = lua_touserdata(L, -1);
        lua_pop(L, 1);
        return live;
    }
    lua_pop(L, 1);
    ev_live *live = lua_newuserdatauv(L, sizeof *live, 0);
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

static void push_series(lua_State *L, ev_set *s, const ev_live *live, const ev_slot *sl)
{
    ev_series_ud *u = lua_newuserdatauv(L, sizeof *u, 0);
    u->set = s;
    u->off = sl ? sl->off : 0;
    u->n = sl ? sl->n : 0;
    u->generation = live->generation;
    luaL_setmetatable(L, SERIES_META);
}

/* ---- areas ---- */

typedef struct ev_area {
    char *code, *name, *type, *country, *valid_from, *valid_to;
} ev_area;

typedef struct ev_areas {
    ev_area *a;
    size_t n, cap;
    strmap *index;
} ev_areas;

static int collect_area(void *ctx, const store_area *a)
{
    ev_areas *all = ctx;
    if (all->n == all->cap) {
        size_t cap = all->cap ? all->cap * 2 : 512;
        ev_area *grown = realloc(all->a, cap * sizeof *grown);
        if (!grown)
            return -1;
        all->a = grown;
        all->cap = cap;
    }
    ev_area *x = &all->a[all->n];
    x->code = strdup(a->code);
    x->name = strdup(a->name);
    x->type = strdup(a->type);
    x->country = strdup(a->country);
    x->valid_to = a->valid_to ? strdup(a->valid_to) : NULL;
    x->valid_from = a->valid_from ? strdup(a->valid_from) : NULL;
    if (!x->code || !x->name || !x->type || !x->country || strmap_put(all->index, a->code, (int)all->n))
        return -1;
    all->n++;
    return 0;
}

static void free_areas(ev_areas *all)
{
    for (size_t i = 0; i < all->n; i++)
        free(all->a[i].code), free(all->a[i].name), free(all->a[i].type), free(all->a[i].country),
            free(all->a[i].valid_from), free(all->a[i].valid_to);
    free(all->a);
    strmap_free(all->index);
}

static const ev_area *area_named(const ev_areas *all, const char *code)
{
    int i;
    return strmap_get(all->index, code, &i) ? &all->a[i] : NULL;
}

/* ---- the period ---- */

static void period_of_type(period_type t, int ymd, char *label, size_t cap, int *start, int *end)
{
    int y = ymd / 10000, m = ymd / 100 % 100;
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    switch (t) {
    case PERIOD_FY_QUARTER: {
        int fy = m >= 4 ? y : y - 1;
        int q = m >= 4 ? (m - 4) / 3 + 1 : 4;
        int sm = q == 4 ? 1 : 1 + 3 * q, sy = q == 4 ? fy + 1 : fy;
        snprintf(label, cap, "%d/%02d Q%d", fy, (fy + 1) % 100, q);
        *start = sy * 10000 + sm * 100 + 1;
        *end = sy * 10000 + (sm + 2) * 100 + mdays[sm + 1];
        break;
    }
    case PERIOD_CALENDAR_YEAR:
    case PERIOD_POOLED_YEARS:
    case PERIOD_SURVEY_WAVE:
        snprintf(label, cap, "%d", y);
        *start = y * 10000 + 101;
        *end = y * 10000 + 1231;
        break;
    case PERIOD_CALENDAR_QUARTER: {
        int q = (m - 1) / 3 + 1;
        snprintf(label, cap, "%d Q%d (calendar)", y, q);
        *start = y * 10000 + (3 * q - 2) * 100 + 1;
        *end = y * 10000 + 3 * q * 100 + mdays[3 * q - 1];
        break;
    }
    case PERIOD_MONTH: {
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        snprintf(label, cap, "%d-%02d", y, m);
        *start = y * 10000 + m * 100 + 1;
        *end = y * 10000 + m * 100 + mdays[m - 1] + (m == 2 && leap);
        break;
    }
    default: {
        int fy = m >= 4 ? y : y - 1;
        snprintf(label, cap, "%d/%02d", fy, (fy + 1) % 100);
        *start = fy * 10000 + 401;
        *end = (fy + 1) * 10000 + 331;
        break;
    }
    }
}

/* ---- one evaluation ---- */

typedef struct evaluator {
    store *s;
    host *h;
    lua_State *L;
    const framework *f;
    result_set *r;
    ev_areas all;
    ev_set set;
    int period_start, period_end;
    sha256_ctx fingerprint;
    ev_live *live;
    size_t kept; /* bytes charged to the host for the results (host_keep) */
} evaluator;

static char *dupf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static char *dupf(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return strdup(buf);
}

static void set_grey(res_indicator *r, const char *status, char *reason)
{
    r->colour = "grey";
    free(r->status);
    free(r->assessment);
    r->status = strdup(status);
    r->assessment = strdup(status);
    free(r->reason);
    r->reason = reason;
}

static const char *const NO_COLOUR[] = {"not_reported",      "missing",       "suppressed",     "unreliable",
                                        "not_comparable",    "insufficient_data", "not_compared", "not_applicable",
                                        "no_target",         "stale_target",  NULL};

static int is_no_colour(const char *s)
{
    for (int i = 0; NO_COLOUR[i]; i++)
        if (!strcmp(s, NO_COLOUR[i]))
            return 1;
    return 0;
}

/* Charges bytes the results keep to the host's memory cap. */
static int keep(evaluator *ev, size_t bytes, const char *what, err *e)
{
    if (host_keep(ev->h, bytes, what, e))
        return ERR_LIMIT;
    ev->kept += bytes;
    return 0;
}

/* Raw string field `key` of the table on the stack top, cleaned (text.h) and
 * copied into *out (NULL when absent). A string longer than RULE_TEXT_MAX is
 * refused: a rule's words are a line or two, not megabytes. */
static int take_string(evaluator *ev, const char *key, const char *what, char **out, err *e)
{
    lua_State *L = ev->L;
    *out = NULL;
    lua_pushstring(L, key);
    if (lua_rawget(L, -2) == LUA_TSTRING) {
        size_t n;
        const char *v = lua_tolstring(L, -1, &n);
        if (n > RULE_TEXT_MAX) {
            lua_pop(L, 1);
            return err_set(e, ERR_LIMIT, "%s: the rule returned a %s of %zu bytes; at most %d are kept", what, key, n,
                           RULE_TEXT_MAX);
        }
        if (!(*out = text_clean_dup(v, n))) {
            lua_pop(L, 1);
            return err_set(e, ERR_NOMEM, "out of memory");
        }
        if (keep(ev, n + 1, what, e)) {
            lua_pop(L, 1);
            free(*out);
            *out = NULL;
            return ERR_LIMIT;
        }
    }
    lua_pop(L, 1);
    return 0;
}

/* Builds ctx for one call: {area, area_name, period, period_start, period_end,
 * polarity, indicator, point, comparator, series, prepared}. */
static void push_ctx(evaluator *ev, size_t i, int ind_table, const ev_area *a, const ev_point *cur,
                     const ev_slot *sl, const ev_point *cmp, const char *cmp_code, int prepared_ref)
{
    lua_State *L = ev->L;
    const fw_indicator *ind = &ev->f->ind[i];
    char d[11];
    lua_createtable(L, 0, 12);
    lua_pushstring(L, a->code);
    lua_setfield(L, -2, "area");
    lua_pushstring(L, a->name);
    lua_setfield(L, -2, "area_name");
    lua_pushstring(L, ev->r->period);
    lua_setfield(L, -2, "period");
    iso(ev->period_start, d);
    lua_pushstring(L, d);
    lua_setfield(L, -2, "period_start");
    iso(ev->period_end, d);
    lua_pushstring(L, d);
    lua_setfield(L, -2, "period_end");
    lua_pushstring(L, polarity_name(ind->polarity));
    lua_setfield(L, -2, "polarity");
    lua_pushvalue(L, ind_table);
    lua_setfield(L, -2, "indicator");
    push_point(L, &ev->set, cur);
    lua_setfield(L, -2, "point");
    if (cmp) {
        push_point(L, &ev->set, cmp);
        lua_pushstring(L, cmp_code);
        lua_setfield(L, -2, "area");
        const ev_area *ca = area_named(&ev->all, cmp_code);
        if (ca) {
            lua_pushstring(L, ca->name);
            lua_setfield(L, -2, "name");
        }
        lua_setfield(L, -2, "comparator");
    }
    push_series(L, &ev->set, ev->live, sl);
    lua_setfield(L, -2, "series");
    if (prepared_ref != LUA_NOREF) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, prepared_ref);
        lua_setfield(L, -2, "prepared");
    }
}

/* Pushes the function to call for a rule: the rule itself, or rule.assess. */
static int push_assess(lua_State *L, const fw_indicator *ind)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, ind->rule_ref);
    if (lua_type(L, -1) == LUA_TFUNCTION)
        return 0;
    lua_pushliteral(L, "assess");
    lua_rawget(L, -2);
    lua_remove(L, -2);
    return lua_type(L, -1) == LUA_TFUNCTION ? 0 : -1;
}

/* The details recorded with a result: inputs, rule and what the rule reported
 * (its `details`, at most RULE_DETAILS_MAX bytes as JSON), into *out. */
static int details_json(evaluator *ev, const ev_point *cur, const ev_point *cmp, const char *cmp_code,
                        const char *rule_json, const char *where, int have_rule_details, const char *what, char **out,
                        err *e)
{
    *out = NULL;
    lua_State *L = ev->L;
    cJSON *d = cJSON_CreateObject();
    cJSON *in = cJSON_AddObjectToObject(d, "observation");
    if (cur) {
        cJSON_AddNumberToObject(in, "id", (double)cur->id);
        cJSON_AddStringToObject(in, "period", label_of(&ev->set, cur));
        if (!isnan(cur->value))
            cJSON_AddNumberToObject(in, "value", cur->value);
        if (!isnan(cur->num))
            cJSON_AddNumberToObject(in, "numerator", cur->num);
        if (!isnan(cur->den))
            cJSON_AddNumberToObject(in, "denominator", cur->den);
        if (!isnan(cur->lo))
            cJSON_AddNumberToObject(in, "lower_ci", cur->lo);
        if (!isnan(cur->hi))
            cJSON_AddNumberToObject(in, "upper_ci", cur->hi);
        cJSON_AddStringToObject(in, "status", obs_status_name((obs_status)cur->status));
        if (cur->derived)
            cJSON_AddBoolToObject(in, "derived", 1);
    }
    if (cmp) {
        cJSON *c = cJSON_AddObjectToObject(d, "comparator");
        cJSON_AddStringToObject(c, "area", cmp_code);
        cJSON_AddNumberToObject(c, "id", (double)cmp->id);
        if (!isnan(cmp->value))
            cJSON_AddNumberToObject(c, "value", cmp->value);
    }
    if (rule_json)
        cJSON_AddItemToObject(d, "rule", cJSON_Parse(rule_json));
    if (where)
        cJSON_AddStringToObject(d, "defined_at", where);
    if (have_rule_details) { /* the rule's own numbers, on the stack top */
        cJSON *x = luajson_from(L, -1, RULE_DETAILS_MAX, e);
        if (!x) {
            cJSON_Delete(d);
            return err_prefix(e, "%s: the rule's details", what);
        }
        cJSON_AddItemToObject(d, "result", x);
    }
    char *text = cJSON_PrintUnformatted(d);
    cJSON_Delete(d);
    if (!text)
        return err_set(e, ERR_NOMEM, "out of memory");
    if (keep(ev, strlen(text) + 1, what, e)) {
        free(text);
        return ERR_LIMIT;
    }
    *out = text;
    return 0;
}

/* Reads what the rule returned (on the stack top) into `r`. */
static int read_verdict(evaluator *ev, size_t i, const char *area, res_indicator *r, err *e)
{
    lua_State *L = ev->L;
    const fw_indicator *ind = &ev->f->ind[i];
    if (lua_type(L, -1) != LUA_TTABLE)
        return err_set(e, ERR_INVALID, "%s: indicator %s, area %s: the rule returned %s, not a table {assessment = ..., reason = ...}",
                       ind->where, ind->id, area, luaL_typename(L, -1));
    char what[300];
    snprintf(what, sizeof what, "%s: indicator %s, area %s", ind->where, ind->id, area);
    char *assessment = NULL, *status = NULL, *reason = NULL;
    int rc = take_string(ev, "assessment", what, &assessment, e);
    if (!rc)
        rc = take_string(ev, "status", what, &status, e);
    if (!rc)
        rc = take_string(ev, "reason", what, &reason, e);
    if (rc) {
        free(assessment), free(status), free(reason);
        return rc;
    }
    lua_pushliteral(L, "comparator");
    if (lua_rawget(L, -2) == LUA_TNUMBER)
        r->comparator = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (status && !is_no_colour(status))
        rc = err_set(e, ERR_INVALID, "%s: indicator %s, area %s: the rule returned the unknown status \"%s\"",
                     ind->where, ind->id, area, status);
    else if (!assessment && !status)
        rc = err_set(e, ERR_INVALID, "%s: indicator %s, area %s: the rule returned neither an assessment nor a status",
                     ind->where, ind->id, area);
    if (rc) {
        free(assessment), free(status), free(reason);
        return rc;
    }
    if (assessment) {
        const char *colour = framework_colour(ev->h, ev->f, assessment);
        if (!colour) {
            rc = err_set(e, ERR_INVALID, "%s: indicator %s, area %s: assessment \"%s\" has no colour in the framework's colour map",
                         ind->where, ind->id, area, assessment);
            free(assessment), free(status), free(reason);
            return rc;
        }
        r->colour = colour;
        r->assessment = assessment;
        r->status = status; /* e.g. stale_target: judged, and flagged */
        r->reason = reason ? reason : strdup(assessment);
    } else {
        set_grey(r, status, reason ? reason : strdup(status));
        free(status);
    }
    return 0;
}

/* ---- deriving an area's series from its members ---- */

typedef struct members {
    char **codes;
    size_t n;
    const char *start, *end; /* the period: members that did not exist in it are left out */
} members;

static int collect_member(void *ctx, const store_area *a)
{
    members *m = ctx;
    if ((a->valid_to && strcmp(a->valid_to, m->start) < 0) || (a->valid_from && strcmp(a->valid_from, m->end) > 0))
        return 0;
    char **grown = realloc(m->codes, (m->n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    m->codes = grown;
    return (m->codes[m->n++] = strdup(a->code)) ? 0 : -1;
}

/* Adds to the set a series for `area` built from its members: per period present
 * in every member, numerators and denominators summed ("sum", value =
 * numerator / denominator * multiplier) or values averaged weighted by
 * denominators ("weighted_mean"). Returns the new slot or NULL. */
static const ev_slot *derive_series(evaluator *ev, const fw_indicator *ind, const char *area, char *from,
                                    size_t from_cap, int depth)
{
    members m = {NULL, 0, ev->r->period_start, ev->r->period_end};
    store_area_filter filter = {NULL, NULL, area};
    err e = {0};
    if (depth > 3 || store_each_area(ev->s, &filter, collect_member, &m, &e) || m.n == 0) {
        for (size_t i = 0; i < m.n; i++)
            free(m.codes[i]);
        free(m.codes);
        return NULL;
    }
    ev_set *s = &ev->set;
    /* A member without data of its own is built from its members first (region ->
     * health board -> councils), so a roll-up can cross more than one level. */
    size_t len = 0;
    from[0] = '\0';
    for (size_t k = 0; k < m.n; k++) {
        char inner[512] = ""; /* a derived member is named by the areas it was built from */
        if (!slot_of(s, m.codes[k]))
            derive_series(ev, ind, m.codes[k], inner, sizeof inner, depth + 1);
        len += (size_t)snprintf(from + len, len < from_cap ? from_cap - len : 0, "%s%s", k ? "," : "",
                                inner[0] ? inner : m.codes[k]);
    }
    const ev_slot *first = slot_of(s, m.codes[0]);
    const ev_slot *made = NULL;
    if (first && !new_slot(s, area)) {
        size_t slot = s->nslots - 1;
        for (size_t i = 0; i < first->n; i++) {
            ev_point base = s->pts[first->off + i];
            double num = 0, den = 0, wsum = 0;
            int complete = 1;
            for (size_t k = 0; k < m.n && complete; k++) {
                const ev_slot *sl = slot_of(s, m.codes[k]);
                const ev_point *hit = NULL;
                for (size_t j = 0; sl && j < sl->n; j++) {
                    const ev_point *p = &s->pts[sl->off + j];
                    if (p->start == base.start && p->end == base.end)
                        hit = p;
                }
                if (!hit || isnan(hit->den) || (!strcmp(ind->derive, "sum") ? isnan(hit->num) : isnan(hit->value)))
                    complete = 0;
                else if (!strcmp(ind->derive, "sum")) {
                    num += hit->num;
                    den += hit->den;
                } else {
                    wsum += hit->value * hit->den;
                    den += hit->den;
                }
            }
            if (!complete || den <= 0)
                continue;
            ev_point *p = add_point(s);
            if (!p)
                break;
            *p = base;
            p->id = 0;
            p->value_text = -1;
            p->num = !strcmp(ind->derive, "sum") ? num : NAN;
            p->den = den;
            p->value = !strcmp(ind->derive, "sum") ? num / den * ind->multiplier : wsum / den;
            p->lo = p->hi = NAN;
            p->status = OBS_OK;
            p->derived = 1;
            s->slots[slot].n++;
        }
        made = &s->slots[slot];
    }
    for (size_t i = 0; i < m.n; i++)
        free(m.codes[i]);
    free(m.codes);
    return made && made->n ? made : NULL;
}

/* The last RESULT_HISTORY points of the series up to the one judged, for sparklines. */
static void keep_history(const ev_set *s, const ev_slot *sl, const ev_point *cur, res_indicator *r)
{
    size_t end = (size_t)(cur - s->pts) - sl->off + 1;
    size_t first = end > RESULT_HISTORY ? end - RESULT_HISTORY : 0;
    r->history = malloc((end - first) * sizeof *r->history);
    r->history_periods = calloc(end - first, sizeof *r->history_periods);
    if (!r->history || !r->history_periods)
        return;
    for (size_t i = first; i < end; i++) {
        const ev_point *p = &s->pts[sl->off + i];
        r->history[r->nhistory] = p->value;
        r->history_periods[r->nhistory++] = strdup(label_of(s, p));
    }
}

/* ---- indicators ---- */

static int read_series(evaluator *ev, const fw_indicator *ind, err *e)
{
    reset_set(&ev->set, ev->live);
    if (!ev->set.labels || !ev->set.by_area)
        return err_set(e, ERR_NOMEM, "out of memory");
    ev->set.fingerprint = &ev->fingerprint;
    int rc = store_each_series_point(ev->s, ind->series, take_point, &ev->set, e);
    if (rc)
        return rc;
    return 0;
}

/* Calls rule.prepare(peers) when the rule has one; returns a registry ref. */
static int prepare(evaluator *ev, size_t i, int *ref, err *e)
{
    lua_State *L = ev->L;
    const fw_indicator *ind = &ev->f->ind[i];
    *ref = LUA_NOREF;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ind->rule_ref);
    if (lua_type(L, -1) != LUA_TTABLE) {
        lua_pop(L, 1);
        return 0;
    }
    lua_pushliteral(L, "prepare");
    if (lua_rawget(L, -2) != LUA_TFUNCTION) {
        lua_pop(L, 2);
        return 0;
    }
    lua_remove(L, -2);
    lua_createtable(L, (int)ev->r->nareas, 0);
    lua_Integer k = 0;
    for (size_t a = 0; a < ev->r->nareas; a++) {
        const ev_point *p = current_point(&ev->set, slot_of(&ev->set, ev->r->areas[a].code), ev->period_end);
        if (!p || isnan(p->value))
            continue;
        push_point(L, &ev->set, p);
        lua_pushstring(L, ev->r->areas[a].code);
        lua_setfield(L, -2, "area");
        lua_rawseti(L, -2, ++k);
    }
    lua_createtable(L, 0, 2); /* what the rule may need to know: the indicator's polarity and period */
    lua_pushstring(L, polarity_name(ind->polarity));
    lua_setfield(L, -2, "polarity");
    lua_pushstring(L, ev->r->period);
    lua_setfield(L, -2, "period");
    char what[256];
    snprintf(what, sizeof what, "%s: indicator %s (prepare)", ind->where, ind->id);
    int rc = host_call(ev->h, 2, 1, what, e);
    if (rc)
        return rc;
    *ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

static int eval_indicator(evaluator *ev, size_t i, err *e)
{
    lua_State *L = ev->L;
    const framework *f = ev->f;
    const fw_indicator *ind = &f->ind[i];
    if (!ind->reported) {
        for (size_t a = 0; a < ev->r->nareas; a++) {
            res_indicator *r = &ev->r->areas[a].indicators[i];
            set_grey(r, "not_reported", dupf("%s is defined but not published%s%s", ind->id,
                                             ind->notes ? ": " : "", ind->notes ? ind->notes : ""));
            r->method = ind->method ? strdup(ind->method) : NULL;
        }
        return 0;
    }
    int rc = read_series(ev, ind, e);
    if (rc)
        return rc;

    /* The indicator's own table, for ctx.indicator, and its rule's parameters for the record. */
    lua_rawgeti(L, LUA_REGISTRYINDEX, f->table_ref);
    lua_pushliteral(L, "indicators");
    lua_rawget(L, -2);
    lua_rawgeti(L, -1, (lua_Integer)i + 1);
    int ind_table = lua_gettop(L);
    char *rule_json = NULL;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ind->rule_ref);
    if (lua_type(L, -1) == LUA_TTABLE) {
        lua_pushliteral(L, "params");
        if (lua_rawget(L, -2) == LUA_TTABLE) {
            cJSON *pj = luajson_from(L, -1, RULE_PARAMS_MAX, e);
            if (!pj) {
                lua_settop(L, ind_table - 3);
                return err_prefix(e, "%s: indicator %s: the rule's parameters", ind->where, ind->id);
            }
            cJSON *rj = cJSON_CreateObject();
            cJSON_AddStringToObject(rj, "method", ind->method ? ind->method : "custom");
            cJSON_AddItemToObject(rj, "params", pj);
            rule_json = cJSON_PrintUnformatted(rj);
            cJSON_Delete(rj);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    const char *cmp_code = ind->comparator ? ind->comparator : f->comparator;
    const char *cmp_current = NULL;
    int approx;
    if (cmp_code && store_resolve_area(ev->s, cmp_code, &cmp_current, &approx, e) == 1)
        cmp_code = cmp_current;
    const ev_slot *cmp_slot = cmp_code ? slot_of(&ev->set, cmp_code) : NULL;

    int prepared_ref = LUA_NOREF;
    rc = prepare(ev, i, &prepared_ref, e);
    for (size_t a = 0; !rc && a < ev->r->nareas; a++) {
        res_area *ra = &ev->r->areas[a];
        res_indicator *r = &ra->indicators[i];
        const ev_area *area = area_named(&ev->all, ra->code);
        r->method = ind->method ? strdup(ind->method) : strdup("custom");
        const ev_slot *sl = slot_of(&ev->set, ra->code);
        char from[512] = "";
        if (!sl && ind->derive)
            sl = derive_series(ev, ind, ra->code, from, sizeof from, 0);
        const ev_point *cur = current_point(&ev->set, sl, ev->period_end);
        char what[300];
        snprintf(what, sizeof what, "%s: indicator %s, area %s", ind->where, ind->id, ra->code);
        if (!cur) {
            set_grey(r, "missing", dupf("no %s value for %s or before", ind->id, ev->r->period));
            rc = details_json(ev, NULL, NULL, NULL, rule_json, ind->where, 0, what, &r->details, e);
            continue;
        }
        if (isnan(cur->value) && !isnan(cur->num) && !isnan(cur->den) && cur->den > 0 &&
            (cur->status == OBS_OK || cur->status == OBS_PROVISIONAL || cur->status == OBS_REVISED)) {
            /* counts without a published value: the value is the rate they give, times the
             * indicator's multiplier (100 for a percentage, 1,000 for "per 1,000") */
            ev_point *own = &ev->set.pts[cur - ev->set.pts];
            own->value = cur->num / cur->den * ind->multiplier;
        }
        keep_history(&ev->set, sl, cur, r);
        r->period = strdup(label_of(&ev->set, cur));
        r->value = cur->value;
        r->value_text = cur->value_text >= 0 ? strdup(ev->set.text + cur->value_text) : NULL;
        r->provisional = cur->status == OBS_PROVISIONAL;
        r->revised = cur->status == OBS_REVISED;
        r->derived = cur->derived;
        r->approximate = cur->approx;
        const ev_point *cmp = NULL;
        for (size_t k = 0; cmp_slot && k < cmp_slot->n; k++) {
            const ev_point *p = &ev->set.pts[cmp_slot->off + k];
            if (p->start == cur->start && p->end == cur->end)
                cmp = p;
        }
        if (cur->status == OBS_SUPPRESSED) {
            set_grey(r, "suppressed", dupf("%s for %s is suppressed by the publisher", ind->id, r->period));
        } else if (cur->status == OBS_MISSING || (isnan(cur->value) && isnan(cur->num))) {
            set_grey(r, "missing", dupf("%s for %s is missing in the data", ind->id, r->period));
        } else {
            int top = lua_gettop(L);
            if (push_assess(L, ind)) {
                lua_settop(L, top);
                rc = err_set(e, ERR_INVALID, "%s: indicator %s: the rule has no assess function", ind->where, ind->id);
                break;
            }
            push_ctx(ev, i, ind_table, area, cur, sl, cmp, cmp_code, prepared_ref);
            char call[300];
            snprintf(call, sizeof call, "indicator %s, area %s", ind->id, ra->code);
            if ((rc = host_call(ev->h, 1, 1, call, e))) {
                lua_settop(L, top);
                break;
            }
            rc = read_verdict(ev, i, ra->code, r, e);
            if (!rc) {
                lua_pushliteral(L, "details");
                int has = lua_rawget(L, -2) == LUA_TTABLE;
                rc = details_json(ev, cur, cmp, cmp_code, rule_json, ind->where, has, what, &r->details, e);
            }
            lua_settop(L, top);
            if (rc)
                break;
            if (r->derived && r->reason) {
                char *more = dupf("%s (derived from %s)", r->reason, from);
                free(r->reason);
                r->reason = more;
            }
            continue;
        }
        rc = details_json(ev, cur, cmp, cmp_code, rule_json, ind->where, 0, what, &r->details, e);
    }
    luaL_unref(L, LUA_REGISTRYINDEX, prepared_ref);
    lua_settop(L, ind_table - 3);
    free(rule_json);
    return rc;
}

/* ---- roll-ups ---- */

static int colour_rank(const char *c)
{
    return !strcmp(c, "red") ? 3 : !strcmp(c, "amber") ? 2 : !strcmp(c, "green") ? 1 : 0;
}

static const char *rank_colour(int r)
{
    return r == 3 ? "red" : r == 2 ? "amber" : r == 1 ? "green" : "grey";
}

/* Rolls `n` children up with `ru`. ids[k] names child k, for weights and custom roll-ups. */
static int rollup(evaluator *ev, const fw_rollup *ru, const char *const *colours, const char *const *ids, size_t n,
                  const char *owner, const char **colour, char **reason, err *e)
{
    int count[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < n; k++)
        count[colour_rank(colours[k])]++;
    size_t scorable = n - (size_t)count[0];
    char counts[160];
    snprintf(counts, sizeof counts, "%d green, %d amber, %d red, %d without a colour", count[1], count[2], count[3],
             count[0]);
    *colour = "grey";
    if (ru->method == ROLLUP_CUSTOM) {
        lua_State *L = ev->L;
        lua_rawgeti(L, LUA_REGISTRYINDEX, ru->table_ref);
        lua_pushliteral(L, "fn");
        lua_rawget(L, -2);
        lua_remove(L, -2);
        lua_createtable(L, (int)n, 0);
        for (size_t k = 0; k < n; k++) {
            lua_createtable(L, 0, 2);
            lua_pushstring(L, ids[k]);
            lua_setfield(L, -2, "id");
            lua_pushstring(L, colours[k]);
            lua_setfield(L, -2, "colour");
            lua_rawseti(L, -2, (lua_Integer)k + 1);
        }
        char what[200];
        snprintf(what, sizeof what, "roll-up of %s", owner);
        int rc = host_call(ev->h, 1, 1, what, e);
        if (rc)
            return rc;
        const char *c = lua_tostring(L, -1);
        int rank = c ? colour_rank(c) : -1;
        if (!c || (rank == 0 && strcmp(c, "grey"))) {
            lua_pop(L, 1);
            return err_set(e, ERR_INVALID, "%s: the custom roll-up must return green, amber, red or grey", owner);
        }
        *colour = rank_colour(rank);
        *reason = dupf("custom roll-up: %s (%s)", *colour, counts);
        lua_pop(L, 1);
        return 0;
    }
    if (scorable == 0) {
        *reason = dupf("no child has a colour (%s)", counts);
        return 0;
    }
    if (ru->min_coverage > 0 && (double)scorable / (double)n < ru->min_coverage) {
        *reason = dupf("insufficient_data: %zu of %zu children have a colour, below the %.0f%% required (%s)", scorable,
                       n, ru->min_coverage * 100, counts);
        return 0;
    }
    switch (ru->method) {
    case ROLLUP_WORST_OF: {
        int worst = count[3] ? 3 : count[2] ? 2 : 1;
        *colour = rank_colour(worst);
        *reason = dupf("worst of the children: %s (%s)", *colour, counts);
        break;
    }
    case ROLLUP_MAJORITY: {
        int most = count[1] > count[2] ? count[1] : count[2];
        most = most > count[3] ? most : count[3];
        int pick = 0; /* among the colours with the most children, the worse or the better */
        for (int r = 1; r <= 3; r++)
            if (count[r] == most && (!pick || ru->tie_worse))
                pick = r;
        *colour = rank_colour(pick);
        *reason = dupf("most children are %s (%s)", *colour, counts);
        break;
    }
    case ROLLUP_WEIGHTED: {
        lua_State *L = ev->L;
        lua_rawgeti(L, LUA_REGISTRYINDEX, ru->table_ref);
        lua_pushliteral(L, "weights");
        int has_weights = lua_rawget(L, -2) == LUA_TTABLE;
        double sum = 0, wsum = 0;
        for (size_t k = 0; k < n; k++) {
            int rank = colour_rank(colours[k]);
            if (!rank)
                continue;
            double w = 1;
            if (has_weights) {
                lua_pushstring(L, ids[k]);
                if (lua_rawget(L, -2) == LUA_TNUMBER)
                    w = lua_tonumber(L, -1);
                lua_pop(L, 1);
            }
            sum += w * ru->score[3 - rank];
            wsum += w;
        }
        lua_pop(L, 2);
        double mean = wsum > 0 ? sum / wsum : 0;
        *colour = mean >= ru->green ? "green" : mean >= ru->amber ? "amber" : "red";
        *reason = dupf("weighted score %.3g (green from %.3g, amber from %.3g; %s)", mean, ru->green, ru->amber, counts);
        break;
    }
    case ROLLUP_COUNT:
        *reason = dupf("%s", counts);
        break;
    case ROLLUP_CUSTOM:
        break;
    }
    return 0;
}

static int roll_area(evaluator *ev, res_area *ra, err *e)
{
    const framework *f = ev->f;
    size_t max = f->nind > f->nout ? f->nind : f->nout;
    const char **colours = calloc(max ? max : 1, sizeof *colours);
    const char **ids = calloc(max ? max : 1, sizeof *ids);
    int rc = colours && ids ? 0 : err_set(e, ERR_NOMEM, "out of memory");
    for (size_t o = 0; !rc && o < f->nout; o++) {
        const fw_outcome *out = &f->out[o];
        for (size_t k = 0; k < out->nind; k++) {
            colours[k] = ra->indicators[out->ind[k]].colour;
            ids[k] = f->ind[out->ind[k]].id;
        }
        char owner[200];
        snprintf(owner, sizeof owner, "outcome %s, area %s", out->id, ra->code);
        rc = rollup(ev, &out->rollup, colours, ids, out->nind, owner, &ra->outcomes[o].colour, &ra->outcomes[o].reason,
                    e);
    }
    for (size_t o = 0; !rc && o < f->nout; o++) {
        colours[o] = ra->outcomes[o].colour;
        ids[o] = f->out[o].id;
    }
    if (!rc) {
        char owner[200];
        snprintf(owner, sizeof owner, "framework, area %s", ra->code);
        rc = rollup(ev, &f->rollup, colours, ids, f->nout, owner, &ra->colour, &ra->reason, e);
    }
    free(colours);
    free(ids);
    return rc;
}

/* ---- storing ---- */

int eval_store(store *s, result_set *r, err *e)
{
    const framework *f = r->framework;
    store_run run = {f->id, f->version, f->sha256, f->path, r->period, r->period_start, r->period_end, SCORECARD_ENGINE_VERSION};
    int rc = store_begin_run(s, &run, &r->run_id, e);
    for (size_t a = 0; !rc && a < r->nareas; a++) {
        res_area *ra = &r->areas[a];
        store_result area = {ra->code, "area", f->id, ra->colour, NULL, NULL, NULL, "rollup", ra->reason, NAN, NAN, NULL};
        rc = store_put_result(s, r->run_id, &area, e);
        for (size_t o = 0; !rc && o < f->nout; o++) {
            store_result out = {ra->code, "outcome", f->out[o].id, ra->outcomes[o].colour, NULL, NULL, NULL, "rollup",
                                ra->outcomes[o].reason, NAN, NAN, NULL};
            rc = store_put_result(s, r->run_id, &out, e);
        }
        for (size_t i = 0; !rc && i < f->nind; i++) {
            res_indicator *x = &ra->indicators[i];
            store_result ir = {ra->code, "indicator", f->ind[i].id, x->colour, x->assessment, x->value_text,
                               x->period, x->method, x->reason, x->value, x->comparator, x->details};
            rc = store_put_result(s, r->run_id, &ir, e);
        }
    }
    if (!rc)
        rc = store_finish_run(s, r->run_id, r->fingerprint, (long)r->nareas, e);
    if (rc)
        r->run_id = 0;
    return rc;
}

/* ---- the run ---- */

static int choose_areas(evaluator *ev, const eval_options *o, err *e)
{
    const framework *f = ev->f;
    result_set *r = ev->r;
    size_t cap = o->areas ? o->nareas : ev->all.n;
    r->areas = calloc(cap ? cap : 1, sizeof *r->areas);
    if (!r->areas)
        return err_set(e, ERR_NOMEM, "out of memory");
    char start[11];
    iso(ev->period_start, start);
    for (size_t k = 0; k < cap; k++) {
        const ev_area *a;
        if (o->areas) {
            const char *code;
            int approx;
            int found = store_resolve_area(ev->s, o->areas[k], &code, &approx, e);
            if (found < 0)
                return found;
            a = found ? area_named(&ev->all, code) : NULL;
            if (!a)
                return err_set(e, ERR_USAGE, "unknown area code \"%s\" (see scorecard areas)", o->areas[k]);
        } else {
            a = &ev->all.a[k];
            /* areas of the framework's type that existed during the period, and in its
             * country when it names one (a Northern Ireland framework scoring "country") */
            if (!text_ieq(a->type, f->scores) || (a->valid_to && strcmp(a->valid_to, start) < 0) ||
                (a->valid_from && strcmp(a->valid_from, r->period_end) > 0) ||
                (f->country && !text_ieq(a->country, f->country)))
                continue;
        }
        res_area *ra = &r->areas[r->nareas++];
        ra->code = strdup(a->code);
        ra->name = strdup(a->name);
        ra->outcomes = calloc(f->nout ? f->nout : 1, sizeof *ra->outcomes);
        ra->indicators = calloc(f->nind ? f->nind : 1, sizeof *ra->indicators);
        if (!ra->code || !ra->name || !ra->outcomes || !ra->indicators)
            return err_set(e, ERR_NOMEM, "out of memory");
        for (size_t i = 0; i < f->nind; i++)
            ra->indicators[i].value = ra->indicators[i].comparator = NAN;
    }
    if (r->nareas && keep(ev, r->nareas * (f->nind * sizeof(res_indicator) + f->nout * sizeof(res_outcome)),
                          "the results", e))
        return ERR_LIMIT;
    if (r->nareas == 0)
        return err_set(e, ERR_INVALID, "no areas of type \"%s\" to score (see scorecard areas --type %s)", f->scores,
                       f->scores);
    return 0;
}

static int choose_period(evaluator *ev, const eval_options *o, err *e)
{
    const framework *f = ev->f;
    char label[64];
    if (o->period) {
        period p;
        if (period_parse(o->period, QUARTERS_FY, &p, e))
            return err_prefix(e, "--period");
        snprintf(label, sizeof label, "%s", o->period);
        ev->period_start = p.start;
        ev->period_end = p.end;
    } else {
        const char **series = calloc(f->nind ? f->nind : 1, sizeof *series);
        size_t n = 0;
        for (size_t i = 0; series && i < f->nind; i++)
            if (f->ind[i].reported && f->ind[i].series)
                series[n++] = f->ind[i].series;
        int latest = 0;
        int rc = series ? store_latest_period_end(ev->s, series, n, &latest, e) : err_set(e, ERR_NOMEM, "out of memory");
        free(series);
        if (rc)
            return rc;
        if (!latest)
            return err_set(e, ERR_INVALID, "the store has no data for any indicator of %s; import some, or give --period",
                           f->id);
        period_of_type(f->period_type, latest, label, sizeof label, &ev->period_start, &ev->period_end);
    }
    ev->r->period = strdup(label);
    iso(ev->period_start, ev->r->period_start);
    iso(ev->period_end, ev->r->period_end);
    return ev->r->period ? 0 : err_set(e, ERR_NOMEM, "out of memory");
}

int eval_run(store *s, host *h, const framework *f, const eval_options *o, result_set **out, err *e)
{
    *out = NULL;
    evaluator ev;
    memset(&ev, 0, sizeof ev);
    ev.s = s;
    ev.h = h;
    ev.L = host_lua(h);
    ev.f = f;
    ev.r = calloc(1, sizeof *ev.r);
    ev.all.index = strmap_new();
    if (!ev.r || !ev.all.index) {
        free(ev.r);
        strmap_free(ev.all.index);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    ev.r->framework = f;
    sha256_init(&ev.fingerprint);
    ev.live = register_series_meta(ev.L);
    store_area_filter everything = {NULL, NULL, NULL};
    int rc = store_each_area(s, &everything, collect_area, &ev.all, e);
    if (!rc)
        rc = choose_period(&ev, o, e);
    if (!rc)
        rc = choose_areas(&ev, o, e);
    for (size_t i = 0; !rc && i < f->nind; i++)
        rc = eval_indicator(&ev, i, e);
    for (size_t a = 0; !rc && a < ev.r->nareas; a++)
        rc = roll_area(&ev, &ev.r->areas[a], e);
    if (!rc)
        sha256_final_hex(&ev.fingerprint, ev.r->fingerprint);
    ev.live->set = NULL; /* handles kept past the run are refused */
    ev.live->generation++;
    host_release(h, ev.kept);
    free_areas(&ev.all);
    free(ev.set.pts);
    free(ev.set.text);
    free(ev.set.slots);
    strmap_free(ev.set.labels);
    strmap_free(ev.set.by_area);
    if (rc) {
        result_set_free(ev.r);
        return rc;
    }
    *out = ev.r;
    return 0;
}

void result_set_free(result_set *r)
{
    if (!r)
        return;
    const framework *f = r->framework;
    for (size_t a = 0; a < r->nareas; a++) {
        res_area *ra = &r->areas[a];
        for (size_t i = 0; ra->indicators && i < f->nind; i++) {
            res_indicator *x = &ra->indicators[i];
            free(x->assessment), free(x->status), free(x->reason), free(x->method), free(x->period);
            free(x->value_text), free(x->details);
            for (size_t h = 0; h < x->nhistory; h++)
                free(x->history_periods[h]);
            free(x->history), free(x->history_periods);
        }
        for (size_t o = 0; ra->outcomes && o < f->nout; o++)
            free(ra->outcomes[o].reason);
        free(ra->indicators), free(ra->outcomes), free(ra->code), free(ra->name), free(ra->reason);
    }
    free(r->areas);
    free(r->period);
    free(r);
}
