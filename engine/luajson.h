/* luajson.h - Lua values to cJSON, for `scorecard eval` and stored results.
 * Tables are read with raw access only, so no script metamethod runs. */
#ifndef SCORECARD_LUAJSON_H
#define SCORECARD_LUAJSON_H

#include <cjson/cJSON.h>
#include <lua.h>

#include "error.h"

/* Converts the value at `idx`: tables with keys 1..n become arrays, other
 * tables objects (keys as text), numbers keep enough digits to round-trip,
 * NaN and infinities become null, functions and userdata their type name.
 * Returns a new tree (the caller frees it) or NULL with `e` set. */
cJSON *luajson_from(lua_State *L, int idx, err *e);

#endif
