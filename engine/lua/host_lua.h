/*
 * host_lua.h - the Lua-facing half of the host (host.h): the state, running
 * chunks and calling functions under the limits, charging work done in C.
 * Only engine/lua includes it: it needs lua.h, which no other layer sees.
 */
#ifndef SCORECARD_HOST_LUA_H
#define SCORECARD_HOST_LUA_H

#include <lauxlib.h>
#include <lua.h>

#include "host.h"

lua_State *host_lua(host *h);

/* Adds a table of C functions as a global of every environment made from now
 * on. Each function gets `context` as a light userdata in upvalue 1. */
void host_add_library(host *h, const char *name, const luaL_Reg *functions, void *context);

/* Loads `path` (text only) in a fresh world and runs it, leaving its
 * `nresults` results on the stack. The file's folder and its parent (for
 * sibling frameworks, `require "frameworks.ID"`) join the search path. */
int host_run_file(host *h, const char *path, int nresults, err *e);

/* Runs `code` in a fresh world, named `chunkname` in messages. */
int host_run_string(host *h, const char *code, size_t len, const char *chunkname, int nresults, err *e);

/* Calls the function below `nargs` arguments on the stack under the limits.
 * `what` (e.g. "indicator NI-12, area S37000012") is added to error messages. */
int host_call(host *h, int nargs, int nresults, const char *what, err *e);

/* Charges `units` of work done in C by a function Lua called (about one unit
 * per loop step, or per 16 bytes copied or scanned) and checks the limits:
 * raises a Lua error when one is passed. Call it from C functions only. */
void host_charge(lua_State *L, size_t units);

/* Is a limit tripped in the current call? For C functions that catch errors
 * of their own calls (xpcall) and must not swallow a limit. */
int host_tripped(lua_State *L);

/* "file:line" where the table at `idx` was marked (scorecard.mark), or NULL.
 * Borrowed: valid while the table is alive. */
const char *host_provenance(host *h, int idx);

#endif
