/*
 * lfield.h - setting one field of the table on top of the Lua stack, the one
 * way every binding builds the tables it hands to scripts. An absent value
 * (a NaN or infinite number, a NULL string) leaves the field nil, so a script
 * tests `x.upper == nil`, never a sentinel. Private to engine/lua.
 */
#ifndef SCORECARD_LFIELD_H
#define SCORECARD_LFIELD_H

#include <lua.h>

void lfield_number(lua_State *L, const char *key, double v);
void lfield_integer(lua_State *L, const char *key, lua_Integer v);
void lfield_string(lua_State *L, const char *key, const char *s);
void lfield_bool(lua_State *L, const char *key, int b);

#endif
