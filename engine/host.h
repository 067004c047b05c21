/*
 * host.h - the Lua host: one sandboxed lua_State per framework load.
 *
 * Framework files come from people we do not control, so everything they run
 * is confined (see design.md, "Sandbox checklist"):
 *  - a counting allocator caps memory for the whole state;
 *  - an instruction-count hook caps work and wall time per call; once a limit
 *    trips, the hook keeps raising, so a script's own pcall cannot swallow it,
 *    and the host checks the trip flag after every call;
 *  - chunks load as text only ("t"), each with a fresh environment holding an
 *    allow-list: base functions without load/loadfile/dofile/collectgarbage,
 *    copies of string (no dump), table, math (no random) and utf8, os.clock,
 *    print (to stderr), and require restricted to the rules folder, the
 *    framework's own folder and sibling frameworks;
 *  - the string metatable is locked, and the pattern functions refuse
 *    subjects and patterns whose backtracking could run unwatched in C;
 *  - setmetatable refuses __gc, whose finalizers would run outside any call.
 * C code reads tables a script returns with raw access only, so no
 * metamethod of a script runs outside a protected, limited call.
 * No io, os, debug, package or coroutine library is reachable. The host never
 * gives Lua a file, a socket or SQL: data arrives through functions the
 * evaluator registers.
 */
#ifndef SCORECARD_HOST_H
#define SCORECARD_HOST_H

#include <lauxlib.h>
#include <lua.h>
#include <stddef.h>

#include "error.h"

typedef struct host_limits {
    size_t memory;          /* bytes for the whole state */
    long long instructions; /* VM instructions per call */
    double seconds;         /* wall time per call */
} host_limits;

#define HOST_DEFAULT_MEMORY (256u << 20)
#define HOST_DEFAULT_INSTRUCTIONS 200000000LL
#define HOST_DEFAULT_SECONDS 20.0

typedef struct host host;

/* Creates a state whose `require` finds modules in `rules_dir`. */
host *host_new(const host_limits *limits, const char *rules_dir, err *e);
void host_free(host *h);
lua_State *host_lua(host *h);

/* Adds a table of C functions as a global of every environment made from now
 * on. Each function gets `context` as a light userdata in upvalue 1. */
void host_add_library(host *h, const char *name, const luaL_Reg *functions, void *context);

/* Loads `path` (text only) in a fresh environment and runs it, leaving its
 * `nresults` results on the stack. The file's folder and its parent (for
 * sibling frameworks, `require "frameworks.ID"`) join the search path. */
int host_run_file(host *h, const char *path, int nresults, err *e);

/* Runs `code` in a fresh environment, named `chunkname` in messages. */
int host_run_string(host *h, const char *code, const char *chunkname, int nresults, err *e);

/* Calls the function below `nargs` arguments on the stack under the limits.
 * `what` (e.g. "indicator NI-12, area S37000012") is added to error messages. */
int host_call(host *h, int nargs, int nresults, const char *what, err *e);

/* The files loaded so far (the framework and every module it required), in
 * load order; borrowed, valid until host_free(). */
const char *const *host_files(const host *h, int *n);

/* Bytes the state holds now, for reports and tests. */
size_t host_memory_used(const host *h);

#endif
