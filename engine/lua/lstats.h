/* lstats.h - the statistics library as Lua sees it (`stats.*`): thin bindings
 * over the pure C functions in stats.h and spc.h, returning tables. */
#ifndef SCORECARD_LSTATS_H
#define SCORECARD_LSTATS_H

#include <lauxlib.h>

const luaL_Reg *lstats_functions(void);

/* The bindings kept in their own files (lfunnel.c, lpopulation.c). */
int lstats_funnel(lua_State *L);
int lstats_life_expectancy(lua_State *L);
int lstats_sii(lua_State *L);

#endif
