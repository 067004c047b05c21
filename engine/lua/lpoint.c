/* lpoint.c - an observation as a Lua table (lpoint.h). */
#include "lpoint.h"

#include <math.h>

static void set_number(lua_State *L, const char *key, double v)
{
    if (!isnan(v)) {
        lua_pushnumber(L, v);
        lua_setfield(L, -2, key);
    }
}

static void set_text(lua_State *L, const char *key, const char *v)
{
    if (v) {
        lua_pushstring(L, v);
        lua_setfield(L, -2, key);
    }
}

static void set_bool(lua_State *L, const char *key, int v)
{
    lua_pushboolean(L, v);
    lua_setfield(L, -2, key);
}

void lpoint_push(lua_State *L, const lpoint *p)
{
    lua_createtable(L, 0, 14);
    set_text(L, "period", p->period);
    set_text(L, "period_type", p->period_type);
    set_text(L, "start", p->start);
    set_text(L, "end", p->end);
    set_number(L, "value", p->value);
    set_text(L, "value_text", p->value_text);
    set_number(L, "numerator", p->numerator);
    set_number(L, "denominator", p->denominator);
    set_number(L, "lower", p->lower);
    set_number(L, "upper", p->upper);
    set_text(L, "status", obs_status_name(p->status));
    set_bool(L, "series_break", p->series_break);
    set_bool(L, "provisional", p->status == OBS_PROVISIONAL);
    set_bool(L, "derived", p->derived);
}
