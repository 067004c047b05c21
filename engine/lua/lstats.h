/* lstats.h - the statistics library as Lua sees it (`stats.*`): thin bindings
 * over the pure C functions in stats.h and spc.h, returning tables. */
#ifndef SCORECARD_LSTATS_H
#define SCORECARD_LSTATS_H

#include <lauxlib.h>

const luaL_Reg *lstats_functions(void);

#endif
