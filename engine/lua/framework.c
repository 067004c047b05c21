/* framework.c - reading a framework table into C and checking it. Tables are
 * read with raw access only: no metamethod of the script runs outside a call. */
#include "framework.h"

#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "host_lua.h"
#include "lpoint.h"
#include "luajson.h"
#include "obs.h"
#include "strmap.h"
#include "text.h"

/* Past FW_MAX_PROBLEMS a problem is counted, not kept: a framework with 3,000
 * copies of one id must not print millions of lines. Messages are cleaned: they
 * quote the framework's own text. */
void fw_problems_add(fw_problems *p, int is_error, const char *fmt, ...)
{
    p->errors += is_error != 0;
    p->warnings += is_error == 0;
    if (p->n == FW_MAX_PROBLEMS) {
        p->dropped++;
        return;
    }
    if (grow(&p->items, &p->cap, p->n + 1, sizeof *p->items, 8)) {
        p->dropped++;
        return;
    }
    fw_problem *x = &p->items[p->n++];
    x->is_error = is_error;
    char raw[sizeof x->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    text_clean_into(x->msg, sizeof x->msg, raw, strlen(raw));
}

void fw_problems_free(fw_problems *p)
{
    free(p->items);
    memset(p, 0, sizeof *p);
}

/* ---- raw reads ---- */

/* Pushes t[key] (raw) and returns its type. */
static int raw_field(lua_State *L, int t, const char *key)
{
    lua_pushstring(L, key);
    return lua_rawget(L, t < 0 ? t - 1 : t);
}

/* A clean copy (text.h) of t[key] when it is a string (or a number), else NULL:
 * framework text is cleaned here, where it enters C, so every writer gets valid
 * UTF-8 without control bytes whatever the file held. A copy that cannot be
 * made is an error-level problem, so a field lost to memory is never read as
 * a field the file left out. */
static char *dup_field(lua_State *L, int t, const char *key, fw_problems *pr)
{
    int type = raw_field(L, t, key);
    char *v = NULL;
    if (type == LUA_TSTRING || type == LUA_TNUMBER) {
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        if (!(v = text_clean_dup(s, n)))
            fw_problems_add(pr, 1, "out of memory copying the framework's \"%s\"", key);
    }
    lua_pop(L, 1);
    return v;
}

/* A copy of where the table at t was built, as the host recorded it, or NULL. */
static char *dup_provenance(host *h, int t)
{
    const char *where = host_provenance(h, t);
    return where ? text_clean_dup(where, strlen(where)) : NULL;
}

/* ---- problems the rule library noted ---- */

static void forget_problem(void *ctx, const char *problem)
{
    (void)ctx, (void)problem;
}

static void add_noted_problem(void *ctx, const char *problem)
{
    fw_problems_add(ctx, 1, "%s", problem);
}

/* ---- declared keys ---- */

/* The keys each table of a framework may hold, as docs/frameworks.md lists
 * them. A key outside these is a misspelling or a field nothing reads, which
 * would otherwise be ignored without a word (`notez`, `rollupp`). Two are for
 * people and Lua only: `assumptions`, the framework's named assumptions, and
 * `exports`, what it keeps for frameworks built on it (plan helpers, tables). */
static const char *const FRAMEWORK_KEYS[] = {"kind",    "id",      "version",    "title",      "country",
                                             "source",  "scores",  "period",     "comparator", "extends",
                                             "colours", "rollup",  "outcomes",   "indicators", "notes",
                                             "assumptions", "exports", "latest_within", NULL};
static const char *const OUTCOME_KEYS[] = {"id", "title", "indicators", "rollup", "notes", NULL};
static const char *const INDICATOR_KEYS[] = {"id",         "title",      "unit",     "series",   "definition",
                                             "notes",      "source",     "derive",   "not_aggregable", "comparator", "multiplier",
                                             "polarity",   "reported",   "rule",     "latest_within",
                                             "frequency",  "breakdown",  "design_notes", "decimals", NULL};
#define FW_KEYS_REPORTED 8 /* unknown keys named per table; the rest are counted */

static int count_words(const char *const *words)
{
    int n = 0;
    while (words[n])
        n++;
    return n;
}

/* " (did you mean `x`?)" when one of `words` is a slip away from `word`, else "". */
static const char *did_you_mean(char *buf, size_t size, const char *word, const char *const *words, int n)
{
    const char *near = word ? vocab_nearest(word, words, n) : NULL;
    if (!near)
        return "";
    snprintf(buf, size, " (did you mean `%s`?)", near);
    return buf;
}

/* Every key of the table at t must be one of `keys`. */
static void check_keys(lua_State *L, int t, const char *const *keys, const char *where, const char *owner,
                       fw_problems *pr)
{
    t = lua_absindex(L, t);
    int n = count_words(keys);
    size_t unknown = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        int known = 0;
        if (lua_type(L, -1) == LUA_TSTRING) /* never lua_tostring a number key: it would break lua_next */
            for (int i = 0; i < n && !known; i++)
                known = !strcmp(lua_tostring(L, -1), keys[i]);
        if (known || unknown++ >= FW_KEYS_REPORTED)
            continue;
        if (lua_type(L, -1) == LUA_TSTRING) {
            char hint[128];
            const char *key = lua_tostring(L, -1);
            fw_problems_add(pr, 1, "%s: %s: unknown key \"%.80s\"%s", where, owner, key,
                            did_you_mean(hint, sizeof hint, key, keys, n));
        } else {
            fw_problems_add(pr, 1, "%s: %s: a key that is not a name (a %s)", where, owner, luaL_typename(L, -1));
        }
    }
    if (unknown > FW_KEYS_REPORTED)
        fw_problems_add(pr, 1, "%s: %s: %zu more unknown keys", where, owner, unknown - FW_KEYS_REPORTED);
}

static double num_field(lua_State *L, int t, const char *key, double fallback)
{
    double v = raw_field(L, t, key) == LUA_TNUMBER ? lua_tonumber(L, -1) : fallback;
    lua_pop(L, 1);
    return v;
}

static int parse_period_type(const char *s, period_type *t)
{
    static const struct {
        const char *word;
        period_type t;
    } words[] = {{"year", PERIOD_FY},
                 {"fy", PERIOD_FY},
                 {"financial_year", PERIOD_FY},
                 {"quarter", PERIOD_FY_QUARTER},
                 {"fy_quarter", PERIOD_FY_QUARTER},
                 {"calendar_year", PERIOD_CALENDAR_YEAR},
                 {"calendar_quarter", PERIOD_CALENDAR_QUARTER},
                 {"month", PERIOD_MONTH}};
    for (size_t i = 0; s && i < sizeof words / sizeof *words; i++)
        if (!strcmp(s, words[i].word)) {
            *t = words[i].t;
            return 0;
        }
    return -1;
}

/* One frequency word: a framework's period word or a stored period type. */
static int frequency_bit(const char *word, unsigned *bits)
{
    period_type pt;
    if (!word || (parse_period_type(word, &pt) && period_type_parse(word, &pt)))
        return -1;
    *bits |= 1u << pt;
    return 0;
}

/* frequency = "quarter", or a list such as { "year", "calendar_year" } where the
 * publisher itself puts a calendar-year proxy at the end of a financial-year
 * series: only points of those period types are the indicator's series. */
static void read_frequencies(lua_State *L, int t, fw_indicator *ind, const char *w, const char *label,
                             fw_problems *pr)
{
    int type = raw_field(L, t, "frequency");
    int bad = 0;
    if (type == LUA_TSTRING) {
        bad = frequency_bit(lua_tostring(L, -1), &ind->frequencies);
    } else if (type == LUA_TTABLE) {
        size_t n = lua_rawlen(L, -1);
        for (size_t k = 1; k <= n && k <= 16 && !bad; k++) {
            bad = lua_rawgeti(L, -1, (lua_Integer)k) != LUA_TSTRING ||
                  frequency_bit(lua_tostring(L, -1), &ind->frequencies);
            lua_pop(L, 1);
        }
        bad |= n == 0 || n > 16;
    } else if (type != LUA_TNIL) {
        bad = 1;
    }
    lua_pop(L, 1);
    if (bad)
        fw_problems_add(pr, 1, "%s: %s: frequency must be a period type or a list of them (year, quarter, "
                        "calendar_year, calendar_quarter, month, pooled_fy, pooled_years, survey_wave, school_year, "
                        "snapshot)", w, label);
}

static const char WINDOW_FORM[] =
    "latest_within must say a span such as \"2 years\", \"18 months\" or \"4 quarters\" (up to 100)";

/* latest_within = "2 years" (or "18 months", "4 quarters", "1 year") in
 * months; 0 when absent, -1 when not in that form. */
static int read_window(lua_State *L, int t)
{
    int type = raw_field(L, t, "latest_within");
    const char *s = type == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    int months = type == LUA_TNIL ? 0 : -1;
    if (s) {
        char *end;
        long n = strtol(s, &end, 10);
        while (*end == ' ')
            end++;
        static const struct {
            const char *unit;
            int months;
        } units[] = {{"year", 12}, {"years", 12}, {"quarter", 3}, {"quarters", 3}, {"month", 1}, {"months", 1}};
        for (size_t i = 0; end != s && n >= 1 && n <= 100 && i < sizeof units / sizeof *units; i++)
            if (!strcmp(end, units[i].unit))
                months = (int)n * units[i].months;
    }
    lua_pop(L, 1);
    return months;
}

/* `decimals`: how many places a page shows a number with (an indicator's value,
 * interval and comparator, or a roll-up's mean score); `absent` when not given. */
static int read_decimals(lua_State *L, int t, int absent, const char *w, const char *label, fw_problems *pr)
{
    int given = raw_field(L, t, "decimals");
    double d = given == LUA_TNUMBER ? lua_tonumber(L, -1) : -1;
    lua_pop(L, 1);
    if (given == LUA_TNIL)
        return absent;
    if (given != LUA_TNUMBER || !(d >= 0 && d <= 6) || d != (int)d) {
        fw_problems_add(pr, 1, "%s: %s: decimals must be a whole number from 0 to 6", w, label);
        return absent;
    }
    return (int)d;
}

/* ---- roll-ups ---- */

/* A mean_score roll-up's decimals, segments, colours and cap (rules.lua has
 * checked their shapes; what is checked here is what C relies on). */
static void read_segments(lua_State *L, int t, const char *where, const char *owner, fw_rollup *r, fw_problems *pr)
{
    r->decimals = read_decimals(L, t, 2, where, owner, pr);
    int type = raw_field(L, t, "segments");
    if (type == LUA_TSTRING && !strcmp(lua_tostring(L, -1), "quartiles")) {
        r->quartiles = 1;
        r->ncuts = 3;
    } else if (type == LUA_TTABLE) {
        size_t n = lua_rawlen(L, -1);
        if (n < 1 || n > FW_MAX_SEGMENTS - 1)
            fw_problems_add(pr, 1, "%s: %s: segments must list 1 to %d cut points", where, owner, FW_MAX_SEGMENTS - 1);
        for (size_t k = 0; k < n && k < FW_MAX_SEGMENTS - 1; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k + 1);
            double c = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : NAN;
            lua_pop(L, 1);
            if (!isfinite(c) || (k > 0 && !(c > r->cuts[k - 1])))
                fw_problems_add(pr, 1, "%s: %s: segments must be numbers in increasing order", where, owner);
            r->cuts[k] = c;
        }
        r->ncuts = n < FW_MAX_SEGMENTS ? (int)n : FW_MAX_SEGMENTS - 1;
    } else if (type != LUA_TNIL) {
        fw_problems_add(pr, 1, "%s: %s: segments must be a list of cut points or \"quartiles\"", where, owner);
    }
    lua_pop(L, 1);
    if (raw_field(L, t, "colours") == LUA_TTABLE) {
        size_t n = lua_rawlen(L, -1);
        if (r->ncuts == 0 || n != (size_t)r->ncuts + 1)
            fw_problems_add(pr, 1, "%s: %s: colours must give one colour for each of the %d segments", where, owner,
                            r->ncuts + 1);
        for (size_t k = 0; k < n && k < FW_MAX_SEGMENTS; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k + 1);
            if (lua_type(L, -1) != LUA_TSTRING || vocab_colour_parse(lua_tostring(L, -1), &r->segment_colour[k]))
                fw_problems_add(pr, 1, "%s: %s: segment colour %zu must be green, amber, red or grey", where, owner,
                                k + 1);
            lua_pop(L, 1);
        }
    } else if (r->ncuts) {
        fw_problems_add(pr, 1, "%s: %s: segments need colours, one for each segment", where, owner);
    }
    lua_pop(L, 1);
    char *over = dup_field(L, t, "over", pr);
    if (over && strcmp(over, "indicators") && strcmp(over, "outcomes"))
        fw_problems_add(pr, 1, "%s: %s: over must be \"indicators\" or \"outcomes\"", where, owner);
    r->over_outcomes = over && !strcmp(over, "outcomes");
    free(over);
    int cap = raw_field(L, t, "cap");
    if (cap == LUA_TTABLE && r->ncuts == 0) {
        fw_problems_add(pr, 1, "%s: %s: a cap puts an area in a segment, and this roll-up has no segments", where,
                        owner);
    } else if (cap == LUA_TTABLE) {
        r->cap_id = dup_field(L, lua_gettop(L), "indicator", pr);
        double seg = num_field(L, lua_gettop(L), "segment", 0);
        if (!r->cap_id || !(seg >= 1 && seg <= r->ncuts + 1) || seg != (int)seg)
            fw_problems_add(pr, 1, "%s: %s: cap must be {indicator = id, segment = 1 to %d}", where, owner,
                            r->ncuts + 1);
        else
            r->cap_segment = (int)seg;
    } else if (cap != LUA_TNIL) {
        fw_problems_add(pr, 1, "%s: %s: cap must be {indicator = id, segment = n}", where, owner);
    }
    lua_pop(L, 1);
}

static void read_rollup(lua_State *L, int t, const char *where, const char *owner, fw_rollup *r, fw_problems *pr)
{
    memset(r, 0, sizeof *r);
    r->table_ref = LUA_NOREF;
    r->score[0] = 0, r->score[1] = 1, r->score[2] = 2;
    r->green = 1.5, r->amber = 0.5;
    r->tie_worse = 1;
    if (lua_type(L, t) != LUA_TTABLE) {
        fw_problems_add(pr, 1, "%s: %s: rollup must be one of r.rollup.worst_of, majority{}, weighted{}, "
                               "count_summary, mean_score{} or custom(fn)", where, owner);
        return;
    }
    char *method = dup_field(L, t, "method", pr);
    static const struct {
        const char *name;
        rollup_method m;
    } methods[] = {{"worst_of", ROLLUP_WORST_OF}, {"majority", ROLLUP_MAJORITY},
                   {"weighted_score", ROLLUP_WEIGHTED}, {"count_summary", ROLLUP_COUNT}, {"custom", ROLLUP_CUSTOM},
                   {"mean_score", ROLLUP_MEAN_SCORE}};
    int found = 0;
    for (size_t i = 0; method && i < sizeof methods / sizeof *methods; i++)
        if (!strcmp(method, methods[i].name)) {
            r->method = methods[i].m;
            found = 1;
        }
    if (!found)
        fw_problems_add(pr, 1, "%s: %s: unknown roll-up method \"%s\"", where, owner, method ? method : "(none)");
    free(method);
    r->min_coverage = num_field(L, t, "min_coverage", 0);
    if (r->min_coverage < 0 || r->min_coverage > 1)
        fw_problems_add(pr, 1, "%s: %s: min_coverage must be a share between 0 and 1", where, owner);
    char *tie = dup_field(L, t, "tie", pr);
    r->tie_worse = !tie || strcmp(tie, "better");
    free(tie);
    r->green = num_field(L, t, "green", 1.5);
    r->amber = num_field(L, t, "amber", 0.5);
    if (raw_field(L, t, "scores") == LUA_TTABLE) {
        static const char *const names[3] = {"red", "amber", "green"};
        for (int i = 0; i < 3; i++)
            r->score[i] = num_field(L, -1, names[i], r->score[i]);
    }
    lua_pop(L, 1);
    if (raw_field(L, t, "weights") == LUA_TTABLE && r->method == ROLLUP_WEIGHTED) {
        size_t n = 0;
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            lua_pop(L, 1);
            n++;
        }
        r->weight_of = strmap_new();
        r->weights = calloc(n ? n : 1, sizeof *r->weights);
        size_t k = 0;
        lua_pushnil(L);
        while (r->weight_of && r->weights && lua_next(L, -2)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER || !(lua_tonumber(L, -1) >= 0))
                fw_problems_add(pr, 1, "%s: %s: weights must map indicator or outcome ids to numbers of 0 or more",
                                where, owner);
            else if (k < n && !strmap_put(r->weight_of, lua_tostring(L, -2), (int)k))
                r->weights[k++] = lua_tonumber(L, -1);
            lua_pop(L, 1);
        }
        if (!r->weight_of || !r->weights)
            fw_problems_add(pr, 1, "%s: out of memory", where);
    }
    lua_pop(L, 1);
    if (r->method == ROLLUP_CUSTOM) {
        if (raw_field(L, t, "fn") != LUA_TFUNCTION)
            fw_problems_add(pr, 1, "%s: %s: a custom roll-up needs a function", where, owner);
        lua_pop(L, 1);
    }
    r->cap_ind = -1;
    if (r->method == ROLLUP_MEAN_SCORE)
        read_segments(L, t, where, owner, r, pr);
    lua_pushvalue(L, t);
    r->table_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* ---- indicators ---- */

/* The rule's method and parameters as JSON (rule table on the stack top), read
 * once here for the audit trail of every result and for the reports. */
static void read_rule_json(lua_State *L, fw_indicator *ind, const char *w, const char *label, fw_problems *pr)
{
    if (raw_field(L, -1, "params") != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    err e = {0};
    cJSON *params = luajson_from(L, -1, FW_PARAMS_MAX, &e);
    lua_pop(L, 1);
    if (!params) {
        fw_problems_add(pr, 1, "%s: %s: the rule's parameters: %s", w, label, e.msg);
        return;
    }
    cJSON *rule = cJSON_CreateObject();
    cJSON_AddStringToObject(rule, "method", ind->method ? ind->method : "custom");
    cJSON_AddItemToObject(rule, "params", params);
    ind->rule_json = cJSON_PrintUnformatted(rule);
    cJSON_Delete(rule);
    if (!ind->rule_json)
        fw_problems_add(pr, 1, "%s: out of memory", w);
}

/* `breakdown = {sex = "Female", age = "65+ yrs"}`, or the key written out
 * ("age=65+ yrs;sex=Female"): the same key the import builds (obs.h), so a
 * value meaning everyone ("Persons") and the order of dimensions never matter. */
static char *read_breakdown(lua_State *L, int t, const char *w, const char *label, fw_problems *pr)
{
    raw_field(L, t, "breakdown");
    char key[OBS_KEY_MAX];
    int bad = lpoint_breakdown_key(L, -1, key, sizeof key);
    lua_pop(L, 1);
    if (bad) {
        fw_problems_add(pr, 1, "%s: %s: breakdown must be a table of dimension names to values "
                        "({sex = \"Female\", age = \"65+ yrs\"}) or a key such as \"sex=Female\"", w, label);
        key[0] = '\0';
    }
    char *copy = strdup(key);
    if (!copy)
        fw_problems_add(pr, 1, "%s: %s: out of memory copying the breakdown", w, label);
    return copy;
}

static void comparator_free(fw_comparator *c)
{
    free(c->area), free(c->parent), free(c->breakdown);
    memset(c, 0, sizeof *c);
}

/* comparator = "S92000003" | {area = CODE} | {parent = "region"} | {breakdown = {}}
 * (with area or parent, or alone: the area itself at another breakdown). */
static void read_comparator(lua_State *L, int t, fw_comparator *c, const char *w, const char *whose, fw_problems *pr)
{
    memset(c, 0, sizeof *c);
    int type = raw_field(L, t, "comparator");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    int bad = 0;
    if (type == LUA_TSTRING) {
        lua_pop(L, 1); /* read as every framework text is, cleaned (dup_field) */
        c->area = dup_field(L, t, "comparator", pr);
        lua_pushnil(L); /* for the pop below */
    } else if (type == LUA_TTABLE) {
        int tt = lua_gettop(L);
        static const char *const keys[] = {"area", "parent", "breakdown", NULL};
        check_keys(L, tt, keys, w, "comparator", pr);
        c->area = dup_field(L, tt, "area", pr);
        c->parent = dup_field(L, tt, "parent", pr);
        if (raw_field(L, tt, "breakdown") != LUA_TNIL) {
            char key[OBS_KEY_MAX];
            if (lpoint_breakdown_key(L, -1, key, sizeof key))
                bad = 1;
            else if (!(c->breakdown = strdup(key)))
                fw_problems_add(pr, 1, "%s: %s: out of memory copying the comparator", w, whose);
        }
        lua_pop(L, 1);
        if ((c->area && c->parent) || (!c->area && !c->parent && !c->breakdown))
            bad = 1;
    } else {
        bad = 1;
    }
    lua_pop(L, 1);
    if (bad) {
        fw_problems_add(pr, 1, "%s: %s: comparator must be an area code, or a table {area = CODE} or {parent = TYPE} "
                        "(each area's own parent of that type), either with breakdown = {...} or the breakdown "
                        "alone (the area itself at that breakdown)", w, whose);
        comparator_free(c);
    }
}

/* A comparator that is the area itself at the indicator's own breakdown
 * compares every figure with itself: always "similar", and meaningless. */
static void check_not_itself(const framework *f, const fw_indicator *ind, fw_problems *pr)
{
    const fw_comparator *own = &ind->comparator;
    const fw_comparator *c = own->area || own->parent || own->breakdown ? own : &f->comparator;
    if (!c->area && !c->parent && c->breakdown && ind->breakdown && !strcmp(c->breakdown, ind->breakdown))
        fw_problems_add(pr, 1, "%s: indicator %s: its comparator is the area itself at the indicator's own breakdown "
                        "(%s), so every figure would be compared with itself; name another breakdown, an area or a "
                        "parent", ind->where, ind->id ? ind->id : "(no id)", *c->breakdown ? c->breakdown : "all persons");
}

static void read_indicator(host *h, framework *f, int t, size_t i, fw_problems *pr)
{
    lua_State *L = host_lua(h);
    fw_indicator *ind = &f->ind[i];
    memset(ind, 0, sizeof *ind);
    ind->rule_ref = ind->table_ref = LUA_NOREF;
    ind->reported = 1;
    ind->multiplier = 1;
    ind->decimals = -1;
    if (lua_type(L, t) != LUA_TTABLE) {
        ind->where = strdup(f->where);
        fw_problems_add(pr, 1, "%s: indicators[%zu] is not a table", f->where, i + 1);
        return;
    }
    ind->id = dup_field(L, t, "id", pr);
    ind->title = dup_field(L, t, "title", pr);
    ind->unit = dup_field(L, t, "unit", pr);
    ind->series = dup_field(L, t, "series", pr);
    ind->definition = dup_field(L, t, "definition", pr);
    ind->notes = dup_field(L, t, "notes", pr);
    ind->design_notes = dup_field(L, t, "design_notes", pr);
    ind->source = dup_field(L, t, "source", pr);
    char *derive = dup_field(L, t, "derive", pr);
    ind->not_aggregable = dup_field(L, t, "not_aggregable", pr);
    read_comparator(L, t, &ind->comparator, ind->where ? ind->where : f->where, "an indicator", pr);
    ind->multiplier = num_field(L, t, "multiplier", 1);
    ind->latest_within = read_window(L, t);
    lua_pushvalue(L, t);
    ind->table_ref = luaL_ref(L, LUA_REGISTRYINDEX);

    int rule_type = raw_field(L, t, "rule");
    if (rule_type == LUA_TTABLE) {
        ind->where = dup_provenance(h, -1);
        ind->method = dup_field(L, -1, "method", pr);
    } else if (rule_type == LUA_TFUNCTION) {
        ind->method = strdup("custom");
    }
    if (!ind->where)
        ind->where = strdup(f->where);
    if (!ind->where || (rule_type == LUA_TFUNCTION && !ind->method))
        fw_problems_add(pr, 1, "%s: out of memory reading indicators[%zu]", f->where, i + 1);
    const char *w = ind->where ? ind->where : f->where;
    char label[160];
    snprintf(label, sizeof label, "indicator %s", ind->id ? ind->id : "(no id)");

    check_keys(L, t, INDICATOR_KEYS, w, label, pr);
    ind->decimals = read_decimals(L, t, -1, w, label, pr);
    if (!ind->id)
        fw_problems_add(pr, 1, "%s: indicators[%zu] has no id", w, i + 1);
    if (!ind->title)
        fw_problems_add(pr, 0, "%s: %s has no title", w, label);
    if (!ind->series && ind->id && !(ind->series = strdup(ind->id)))
        fw_problems_add(pr, 1, "%s: %s: out of memory", w, label);
    ind->breakdown = read_breakdown(L, t, w, label, pr);
    if (ind->definition && strcmp(ind->definition, "confirmed") && strcmp(ind->definition, "unconfirmed") &&
        strcmp(ind->definition, "not published"))
        fw_problems_add(pr, 1, "%s: %s: definition must be \"confirmed\", \"unconfirmed\" or \"not published\"", w,
                        label);
    if (ind->definition && !strcmp(ind->definition, "not published"))
        ind->reported = 0;
    if (raw_field(L, t, "reported") == LUA_TBOOLEAN && !lua_toboolean(L, -1))
        ind->reported = 0;
    lua_pop(L, 1);
    char *pol = dup_field(L, t, "polarity", pr);
    if (!pol)
        fw_problems_add(pr, 1, "%s: %s has no polarity (higher, lower or none)", w, label);
    else if (polarity_parse(pol, &ind->polarity)) {
        const char *near = polarity_nearest(pol);
        fw_problems_add(pr, 1, "%s: %s: polarity \"%s\" is not higher, lower or none%s%s%s", w, label, pol,
                        near ? " (did you mean `" : "", near ? near : "", near ? "`?)" : "");
    }
    free(pol);
    if (ind->latest_within < 0)
        fw_problems_add(pr, 1, "%s: %s: %s", w, label, WINDOW_FORM);
    if (ind->latest_within <= 0)
        ind->latest_within = f->latest_within;
    read_frequencies(L, t, ind, w, label, pr);
    if (derive && !strcmp(derive, "sum"))
        ind->derive = FW_DERIVE_SUM;
    else if (derive && !strcmp(derive, "weighted_mean"))
        ind->derive = FW_DERIVE_WEIGHTED_MEAN;
    else if (derive && !strcmp(derive, "count"))
        ind->derive = FW_DERIVE_COUNT;
    else if (derive) {
        static const char *const words[] = {"sum", "weighted_mean", "count"};
        char hint[96];
        fw_problems_add(pr, 1, "%s: %s: derive must be \"sum\", \"weighted_mean\" or \"count\"%s", w, label,
                        did_you_mean(hint, sizeof hint, derive, words, 3));
    }
    free(derive);
    if (ind->not_aggregable && ind->derive == FW_DERIVE_NONE)
        fw_problems_add(pr, 1, "%s: %s: not_aggregable says why a value built from members is not judged, "
                        "but the indicator has no derive", w, label);

    if (rule_type == LUA_TNIL) {
        if (ind->reported)
            fw_problems_add(pr, 1, "%s: %s has no rule", w, label);
        lua_pop(L, 1);
        return;
    }
    if (rule_type != LUA_TFUNCTION) {
        int kind = rule_type == LUA_TTABLE ? raw_field(L, -1, "kind") : LUA_TNIL;
        int is_rule = kind == LUA_TSTRING && !strcmp(lua_tostring(L, -1), "rule");
        if (rule_type == LUA_TTABLE)
            lua_pop(L, 1);
        if (!is_rule) {
            fw_problems_add(pr, 1, "%s: %s: rule is not a rule (build it with r.threshold{...}, r.target{...}, ...)",
                            w, label);
            lua_pop(L, 1);
            return;
        }
        /* The rule's own checks against this indicator: threshold order, polarity. */
        if (raw_field(L, -1, "check") == LUA_TFUNCTION) {
            lua_pushvalue(L, t);
            err e = {0};
            if (host_call(h, 1, 1, label, &e))
                fw_problems_add(pr, 1, "%s: %s", w, e.msg);
            else {
                if (lua_type(L, -1) == LUA_TSTRING)
                    fw_problems_add(pr, 1, "%s: %s: %s", w, label, lua_tostring(L, -1));
                lua_pop(L, 1);
            }
        } else {
            lua_pop(L, 1);
        }
    }
    if (rule_type == LUA_TTABLE)
        read_rule_json(L, ind, w, label, pr);
    ind->rule_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

static void read_outcome(lua_State *L, framework *f, int t, size_t i, fw_problems *pr, int *used, const strmap *ids)
{
    fw_outcome *o = &f->out[i];
    memset(o, 0, sizeof *o);
    o->rollup.table_ref = LUA_NOREF;
    if (lua_type(L, t) != LUA_TTABLE) {
        fw_problems_add(pr, 1, "%s: outcomes[%zu] is not a table", f->where, i + 1);
        return;
    }
    o->id = dup_field(L, t, "id", pr);
    o->title = dup_field(L, t, "title", pr);
    char label[160];
    snprintf(label, sizeof label, "outcome %s", o->id ? o->id : "(no id)");
    check_keys(L, t, OUTCOME_KEYS, f->where, label, pr);
    if (!o->id)
        fw_problems_add(pr, 1, "%s: outcomes[%zu] has no id", f->where, i + 1);
    if (raw_field(L, t, "indicators") == LUA_TTABLE) {
        size_t n = lua_rawlen(L, -1);
        if (!(o->ind = calloc(n ? n : 1, sizeof *o->ind)))
            fw_problems_add(pr, 1, "%s: %s: out of memory", f->where, label);
        for (size_t k = 1; o->ind && k <= n; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k);
            const char *id = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            int at;
            if (!id || !strmap_get(ids, id, &at))
                fw_problems_add(pr, 1, "%s: %s lists \"%s\", which is not an indicator of this framework", f->where,
                                label, id ? id : "?");
            else {
                o->ind[o->nind++] = (size_t)at;
                used[at] = 1;
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    if (o->nind == 0)
        fw_problems_add(pr, 1, "%s: %s has no indicators", f->where, label);
    if (raw_field(L, t, "rollup") != LUA_TNIL)
        read_rollup(L, lua_gettop(L), f->where, label, &o->rollup, pr);
    else {
        lua_rawgeti(L, LUA_REGISTRYINDEX, f->rollup.table_ref);
        read_rollup(L, lua_gettop(L), f->where, label, &o->rollup, pr);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* The colour map (on the stack top), read into f->colours. */
static void read_colours(lua_State *L, framework *f, fw_problems *pr)
{
    if (!(f->colours = strmap_new())) {
        fw_problems_add(pr, 1, "%s: out of memory", f->where);
        return;
    }
    if (lua_type(L, -1) != LUA_TTABLE) {
        fw_problems_add(pr, 1, "%s: colours must be a table of assessment -> colour", f->where);
        return;
    }
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *c = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        vocab_colour colour;
        if (lua_type(L, -2) != LUA_TSTRING || vocab_colour_parse(c, &colour))
            fw_problems_add(pr, 1, "%s: colours: \"%s\" must map to green, amber, red or grey", f->where,
                            lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?");
        else if (strmap_put(f->colours, lua_tostring(L, -2), (int)colour))
            fw_problems_add(pr, 1, "%s: out of memory", f->where);
        lua_pop(L, 1);
    }
}

/* The length of the list at `list`, or 0 (a problem, *too_big set) past `max`. */
static size_t list_length(lua_State *L, int list, size_t max, const char *kind, const char *where, fw_problems *pr,
                          int *too_big)
{
    size_t n = lua_rawlen(L, list);
    if (n <= max)
        return n;
    fw_problems_add(pr, 1, "%s: the framework has %zu %s; at most %zu are allowed", where, n, kind, max);
    *too_big = 1;
    return 0;
}

/* Records that item `i` has `id`; a second item with the same id is a problem. */
static void note_id(strmap *seen, const char *id, size_t i, const char *kind, const char *where, fw_problems *pr)
{
    int first;
    if (!id)
        return;
    if (strmap_get(seen, id, &first))
        fw_problems_add(pr, 1, "%s: %s %s is defined twice", where, kind, id);
    else if (strmap_put(seen, id, (int)i))
        fw_problems_add(pr, 1, "%s: out of memory", where);
}

/* A mean_score roll-up's cap names an indicator of the framework. */
static void resolve_cap(framework *f, fw_rollup *r, const char *owner, strmap *ids, fw_problems *pr)
{
    int at;
    if (!r->cap_id)
        return;
    if (!ids || strmap_get(ids, r->cap_id, &at) != 1)
        fw_problems_add(pr, 1, "%s: %s: the cap's indicator %s is not one of the framework's", f->where, owner,
                        r->cap_id);
    else if (!f->ind[at].method || strcmp(f->ind[at].method, "flag"))
        fw_problems_add(pr, 1, "%s: %s: the cap's indicator %s must be judged by r.flag (a 0/1 flag), not %s",
                        f->ind[at].where, owner, r->cap_id, f->ind[at].method ? f->ind[at].method : "no rule");
    else
        r->cap_ind = at;
}

int framework_load(host *h, const char *path, framework **out, fw_problems *pr, err *e)
{
    *out = NULL;
    lua_State *L = host_lua(h);
    int top = lua_gettop(L);
    host_take_problems(h, forget_problem, NULL); /* what an earlier load left is not this framework's */
    int rc = host_run_file(h, path, 1, e);
    host_take_problems(h, add_noted_problem, pr);
    if (rc) {
        /* The file stopped: its error is one more problem, after those noted before it. */
        const char *nl = strchr(e->msg, '\n'); /* the first line; the traceback adds only the rule library */
        fw_problems_add(pr, 1, "%.*s", nl ? (int)(nl - e->msg) : (int)strlen(e->msg), e->msg);
        return err_set(e, ERR_INVALID, "%s: %zu problem%s", path, pr->errors, pr->errors == 1 ? "" : "s");
    }
    if (lua_type(L, -1) != LUA_TTABLE) {
        lua_settop(L, top);
        return err_set(e, ERR_INVALID, "%s: a framework file must return a framework (r.framework{...})", path);
    }
    int t = lua_gettop(L);
    framework *f = calloc(1, sizeof *f);
    if (!f) {
        lua_settop(L, top);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    f->path = strdup(path);
    f->table_ref = f->rollup.table_ref = LUA_NOREF;
    f->where = dup_provenance(h, t);
    if (!f->where) { /* not built with r.framework: name the file */
        free(f->where);
        f->where = strdup(path);
    }
    f->id = dup_field(L, t, "id", pr);
    f->version = dup_field(L, t, "version", pr);
    f->title = dup_field(L, t, "title", pr);
    f->country = dup_field(L, t, "country", pr);
    f->source = dup_field(L, t, "source", pr);
    f->scores = dup_field(L, t, "scores", pr);
    read_comparator(L, t, &f->comparator, f->where, "the framework", pr);
    f->extends = dup_field(L, t, "extends", pr);
    char *period_word = dup_field(L, t, "period", pr);
    check_keys(L, t, FRAMEWORK_KEYS, f->where, "the framework", pr);
    f->latest_within = read_window(L, t);
    if (f->latest_within < 0)
        fw_problems_add(pr, 1, "%s: %s", f->where, WINDOW_FORM);
    if (f->latest_within <= 0)
        f->latest_within = FW_LATEST_WITHIN;
    if (!f->id)
        fw_problems_add(pr, 1, "%s: the framework has no id", f->where);
    if (!f->version)
        fw_problems_add(pr, 1, "%s: the framework has no version", f->where);
    if (!f->title)
        fw_problems_add(pr, 0, "%s: the framework has no title", f->where);
    if (!f->scores)
        fw_problems_add(pr, 1, "%s: the framework does not say which areas it scores (scores = \"hscp\", ...)", f->where);
    if (parse_period_type(period_word, &f->period_type))
        fw_problems_add(pr, 1, "%s: period must be year, quarter, fy, fy_quarter, calendar_year, calendar_quarter or month",
                        f->where);
    free(period_word);

    raw_field(L, t, "colours");
    read_colours(L, f, pr);
    lua_pop(L, 1);
    if (raw_field(L, t, "rollup") == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushliteral(L, "worst_of");
        lua_setfield(L, -2, "method");
    }
    read_rollup(L, lua_gettop(L), f->where, "framework", &f->rollup, pr);
    lua_pop(L, 1);

    strmap *ids = strmap_new(), *outcome_ids = strmap_new();
    int too_big = 0, oom = 0;
    if (!ids || !outcome_ids) {
        strmap_free(ids);
        strmap_free(outcome_ids);
        framework_free(f, h);
        lua_settop(L, top);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    if (raw_field(L, t, "indicators") == LUA_TTABLE) {
        int list = lua_gettop(L);
        f->nind = list_length(L, list, FW_MAX_INDICATORS, "indicators", f->where, pr, &too_big);
        if (!(f->ind = calloc(f->nind ? f->nind : 1, sizeof *f->ind)))
            f->nind = 0, oom = 1;
        for (size_t i = 0; i < f->nind; i++) {
            lua_rawgeti(L, list, (lua_Integer)i + 1);
            read_indicator(h, f, lua_gettop(L), i, pr);
            lua_pop(L, 1);
            note_id(ids, f->ind[i].id, i, "indicator", f->ind[i].where, pr);
        }
    } else {
        fw_problems_add(pr, 1, "%s: the framework has no indicators", f->where);
    }
    lua_pop(L, 1);

    int *used = calloc(f->nind ? f->nind : 1, sizeof *used);
    oom |= !used;
    if (too_big || oom) {
        /* nothing to check the outcomes against: one problem, not one per listed indicator */
    } else if (raw_field(L, t, "outcomes") == LUA_TTABLE && used) {
        int list = lua_gettop(L);
        f->nout = list_length(L, list, FW_MAX_OUTCOMES, "outcomes", f->where, pr, &too_big);
        if (!(f->out = calloc(f->nout ? f->nout : 1, sizeof *f->out)))
            f->nout = 0, oom = 1;
        for (size_t i = 0; i < f->nout; i++) {
            lua_rawgeti(L, list, (lua_Integer)i + 1);
            read_outcome(L, f, lua_gettop(L), i, pr, used, ids);
            lua_pop(L, 1);
            note_id(outcome_ids, f->out[i].id, i, "outcome", f->where, pr);
        }
        lua_pop(L, 1);
    } else {
        fw_problems_add(pr, 1, "%s: the framework has no outcomes", f->where);
        lua_pop(L, 1);
    }
    for (size_t i = 0; used && !too_big && i < f->nind; i++)
        if (!used[i] && f->ind[i].id)
            fw_problems_add(pr, 1, "%s: indicator %s is in no outcome", f->ind[i].where, f->ind[i].id);
    resolve_cap(f, &f->rollup, "framework", ids, pr);
    for (size_t o = 0; o < f->nout; o++)
        resolve_cap(f, &f->out[o].rollup, f->out[o].id ? f->out[o].id : "an outcome", ids, pr);
    for (size_t i = 0; i < f->nind; i++)
        check_not_itself(f, &f->ind[i], pr);
    free(used);
    strmap_free(ids);
    strmap_free(outcome_ids);

    lua_pushvalue(L, t);
    f->table_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_settop(L, top);
    host_fingerprint(h, f->sha256);
    if (oom) {
        framework_free(f, h);
        return err_set(e, ERR_NOMEM, "%s: out of memory", path);
    }
    if (pr->errors) {
        framework_free(f, h);
        return err_set(e, ERR_INVALID, "%s: %zu problem%s", path, pr->errors, pr->errors == 1 ? "" : "s");
    }
    *out = f;
    return 0;
}

static void free_rollup(lua_State *L, fw_rollup *r)
{
    luaL_unref(L, LUA_REGISTRYINDEX, r->table_ref);
    free(r->cap_id);
    strmap_free(r->weight_of);
    free(r->weights);
}

void framework_free(framework *f, host *h)
{
    if (!f)
        return;
    lua_State *L = host_lua(h);
    for (size_t i = 0; i < f->nind; i++) {
        fw_indicator *x = &f->ind[i];
        free(x->id), free(x->title), free(x->unit), free(x->series), free(x->definition), free(x->breakdown);
        free(x->notes), free(x->design_notes), free(x->source), free(x->where), free(x->method), free(x->not_aggregable);
        comparator_free(&x->comparator);
        free(x->rule_json);
        luaL_unref(L, LUA_REGISTRYINDEX, x->rule_ref);
        luaL_unref(L, LUA_REGISTRYINDEX, x->table_ref);
    }
    for (size_t i = 0; i < f->nout; i++) {
        free(f->out[i].id), free(f->out[i].title), free(f->out[i].ind);
        free_rollup(L, &f->out[i].rollup);
    }
    free_rollup(L, &f->rollup);
    luaL_unref(L, LUA_REGISTRYINDEX, f->table_ref);
    strmap_free(f->colours);
    free(f->ind), free(f->out);
    free(f->path), free(f->id), free(f->version), free(f->title), free(f->country), free(f->source);
    free(f->scores), free(f->extends), free(f->where);
    comparator_free(&f->comparator);
    free(f);
}

int framework_colour(const framework *f, const char *assessment, vocab_colour *colour)
{
    int c;
    if (!f->colours || !strmap_get(f->colours, assessment, &c))
        return -1;
    *colour = (vocab_colour)c;
    return 0;
}

int framework_ranks_areas(const framework *f)
{
    if (f->rollup.method == ROLLUP_MEAN_SCORE && f->rollup.quartiles)
        return 1;
    for (size_t o = 0; o < f->nout; o++)
        if (f->out[o].rollup.method == ROLLUP_MEAN_SCORE && f->out[o].rollup.quartiles)
            return 1;
    return 0;
}

double framework_weight(const fw_rollup *r, const char *id)
{
    int k;
    return r->weight_of && strmap_get(r->weight_of, id, &k) ? r->weights[k] : 1;
}
