/* luajson.h - Lua values to cJSON, for `scorecard eval` and stored results.
 *
 * The value comes from a script, so the conversion is bounded and never runs
 * script code: tables are read with raw access only, no deeper than
 * LUAJSON_MAX_DEPTH levels and no larger than a given number of bytes as JSON
 * (a table whose levels each hold the one below twice is small in Lua and
 * exponential as text). It calls nothing that can raise a Lua error, so it may
 * run outside a protected call. */
#ifndef SCORECARD_LUAJSON_H
#define SCORECARD_LUAJSON_H

#include <cjson/cJSON.h>
#include <lua.h>

#include "error.h"

#define LUAJSON_MAX_DEPTH 32

/* Converts the value at `idx`: tables with keys 1..n become arrays, other
 * tables objects with keys sorted (strings as they are, numbers and booleans
 * as written in Lua); numbers keep enough digits to round-trip, NaN and
 * infinities become null, functions and userdata their type name. Strings
 * keep every byte: NUL and control characters as \u escapes, invalid UTF-8 as
 * U+FFFD. Refuses (ERR_LIMIT) a value deeper than LUAJSON_MAX_DEPTH or larger
 * than `max_bytes` as JSON, and (ERR_INVALID) a table whose keys would repeat
 * in JSON (1 and "1") or cannot be JSON keys (tables, functions). Returns a
 * new tree (the caller frees it) or NULL with `e` set. */
cJSON *luajson_from(lua_State *L, int idx, size_t max_bytes, err *e);

#endif
