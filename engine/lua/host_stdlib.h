/*
 * host_stdlib.h - the standard library a framework sees, inside the host.
 *
 * Lua's own functions where their cost is bounded by their arguments, and
 * otherwise replacements whose every loop charges the host (host_charge):
 *  - string: find, match, gmatch and gsub run Lua's matcher metered
 *    (host_match.c); rep refuses a result larger than the memory cap before
 *    building it and returns "" for an empty piece instead of looping; the
 *    rest are Lua's, charged by the bytes they read and write. No dump.
 *  - table: concat, insert, remove, move, sort and unpack use raw access (no
 *    __index, __newindex or __len of a script runs inside their C loops) and
 *    charge each step; sort is a stable merge sort, so equal elements keep
 *    their order and a run reproduces whatever the order function does.
 *  - math without random and randomseed (runs must reproduce); utf8, charged;
 *    os.clock alone of os.
 * Only host.c uses this.
 */
#ifndef SCORECARD_HOST_STDLIB_H
#define SCORECARD_HOST_STDLIB_H

#include <lua.h>

/* Adds string, table, math, utf8 and os tables to the table at `base`, taking
 * the originals from the opened standard libraries (the globals of L). */
void host_stdlib_add(lua_State *L, int base);

/* The metered pattern functions (host_match.c). */
int host_match_find(lua_State *L);
int host_match_match(lua_State *L);
int host_match_gmatch(lua_State *L);
int host_match_gsub(lua_State *L);

#endif
