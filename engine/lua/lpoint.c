/* lpoint.c - an observation as a Lua table (lpoint.h). */
#include "lpoint.h"

#include <stdio.h>
#include <string.h>

#include "lfield.h"

void lpoint_push(lua_State *L, const lpoint *p)
{
    lua_createtable(L, 0, 16);
    lfield_string(L, "period", p->period);
    lfield_string(L, "period_type", p->period_type);
    lfield_string(L, "start", p->start);
    lfield_string(L, "end", p->end);
    lfield_number(L, "value", p->value);
    lfield_string(L, "value_text", p->value_text);
    lfield_number(L, "numerator", p->numerator);
    lfield_number(L, "denominator", p->denominator);
    lfield_number(L, "lower", p->lower);
    lfield_number(L, "upper", p->upper);
    lfield_number(L, "lower_998", p->lower_998);
    lfield_number(L, "upper_998", p->upper_998);
    lfield_string(L, "status", obs_status_name(p->status));
    lfield_bool(L, "series_break", p->series_break);
    lfield_bool(L, "provisional", p->status == OBS_PROVISIONAL);
    lfield_bool(L, "derived", p->derived);
}

typedef struct key_parts {
    const char *names[OBS_MAX_DIMS], *values[OBS_MAX_DIMS];
    char store[OBS_KEY_MAX * 2];
    size_t n, used;
    int bare; /* a part with no dimension name: an older free-text breakdown */
} key_parts;

static int take_part(void *ctx, const char *name, const char *value)
{
    key_parts *k = ctx;
    size_t a = strlen(name) + 1, b = strlen(value) + 1;
    if (!*name)
        k->bare = 1;
    if (k->n == OBS_MAX_DIMS || k->used + a + b > sizeof k->store)
        return -1;
    k->names[k->n] = memcpy(k->store + k->used, name, a);
    k->values[k->n++] = memcpy(k->store + k->used + a, value, b);
    k->used += a + b;
    return 0;
}

int lpoint_breakdown_key(lua_State *L, int idx, char *out, size_t cap)
{
    idx = lua_absindex(L, idx);
    key_parts k = {0};
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
    case LUA_TNONE:
        return cap ? (out[0] = '\0', 0) : -1;
    case LUA_TSTRING: {
        const char *key = lua_tostring(L, idx);
        if (!strchr(key, '=')) /* a free-text breakdown ("Top 10%"), matched as the file wrote it */
            return snprintf(out, cap, "%s", key) < (int)cap ? 0 : -1;
        if (obs_breakdown_each(key, take_part, &k))
            return -1;
        if (k.bare)
            return snprintf(out, cap, "%s", key) < (int)cap ? 0 : -1;
        break;
    }
    case LUA_TTABLE:
        lua_pushnil(L);
        while (lua_next(L, idx)) { /* plain reads: no metamethod runs */
            int bad = lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING ||
                      take_part(&k, lua_tostring(L, -2), lua_tostring(L, -1));
            lua_pop(L, 1);
            if (bad) {
                lua_pop(L, 1);
                return -1;
            }
        }
        break;
    default:
        return -1;
    }
    return obs_breakdown_key(k.names, k.values, k.n, out, cap);
}
