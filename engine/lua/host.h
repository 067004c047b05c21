/*
 * host.h - the Lua host: one sandboxed lua_State per framework load.
 *
 * Framework files come from people we do not control, so everything they run
 * is confined (design.md, "Sandbox checklist"; docs/reliability.md lists the
 * limits and how they are tested):
 *  - Memory. A counting allocator caps the state; bytes that C keeps of values
 *    converted out of Lua (reasons, details, JSON) are charged to the same cap
 *    through host_keep(), so a result cannot grow where the allocator does not
 *    see it.
 *  - Work. An instruction-count hook counts VM instructions; library functions
 *    and bindings that loop in C charge their work with host_charge(), so a
 *    call of string.rep or a pattern match counts like the Lua it replaces.
 *  - Time. Each call has a deadline (its own limit, or what is left of the
 *    whole run's, whichever is sooner), enforced by a timer signal that makes
 *    the hook fire at the next instruction: one long instruction (a compare
 *    of two 100 MB strings) cannot hide a thousand more. Every hook call and
 *    every host_charge() also looks at the clock.
 *  - Once a limit trips, the hook raises on every instruction, so a script's
 *    own pcall cannot swallow it; the host checks the trip after each call.
 *  - Functions whose cost is not bounded by their input and the memory cap are
 *    replaced (host_stdlib.c): the pattern functions by a metered copy of
 *    Lua's matcher, table functions by raw, metered versions, xpcall by one
 *    whose handler runs after the error has unwound (Lua runs handlers with
 *    hooks off), print by one bounded in size and stripped of control bytes.
 *  - Chunks load as text only ("t"), each with a fresh environment holding an
 *    allow-list: base functions without load/loadfile/dofile/collectgarbage,
 *    copies of string (no dump), table, math (no random) and utf8, os.clock.
 *    No io, os, debug, package or coroutine library is reachable. The string
 *    metatable is locked; setmetatable refuses __gc.
 *  - Modules. Each framework file gets its own world: `require "rules"` from
 *    two frameworks gives each its own copy, and `require "frameworks.ID"`
 *    loads a sibling framework afresh, so nothing one framework assigns into a
 *    shared library reaches another.
 *  - Provenance. scorecard.mark(t) records, in a table scripts cannot reach,
 *    the file and line (outside the rule library) where t was built; the
 *    evaluator reads it back with host_provenance(). A script can never write
 *    where its rules came from.
 *  - Problems. scorecard.problem(msg) notes a problem at the framework line
 *    the call came from and lets loading go on (host_take_problems), and
 *    scorecard.nearest(word, names) finds the name a slip away: the rule
 *    library uses both so that `check` lists every mistake, with "did you
 *    mean", in one pass. A script can add problems, never remove them.
 *  - Vocabulary. scorecard.polarity(word) reads a polarity word with the
 *    engine's own list (core/vocab), so the rule library and the loader never
 *    disagree; it is a function, which no script can change for another.
 * C code reads tables a script returns with raw access only, so no metamethod
 * of a script runs outside a protected, limited call. The host never gives
 * Lua a file, a socket or SQL: data arrives through functions the evaluator
 * registers.
 *
 * This header is what layers above engine/lua see: a host is opaque to them.
 * The Lua-facing half (the lua_State, calls, charges) is host_lua.h, which
 * only engine/lua can include.
 */
#ifndef SCORECARD_HOST_H
#define SCORECARD_HOST_H

#include <stddef.h>

#include "error.h"

typedef struct host_limits {
    size_t memory;          /* bytes for the state plus what C keeps of its values */
    long long instructions; /* work per call: VM instructions plus C work charged */
    double seconds;         /* wall time per call */
    double run_seconds;     /* wall time of every call of the host together */
} host_limits;

#define HOST_DEFAULT_MEMORY (256u << 20)
#define HOST_DEFAULT_INSTRUCTIONS 200000000LL
#define HOST_DEFAULT_SECONDS 20.0
#define HOST_DEFAULT_RUN_SECONDS 120.0
#define HOST_PRINT_LIMIT (64u << 10) /* bytes print may write in a host's life */

typedef struct host host;

/* The default limits. */
host_limits host_default_limits(void);

/* Creates a state whose `require` finds modules in `rules_dir`. */
host *host_new(const host_limits *limits, const char *rules_dir, err *e);
void host_free(host *h);
/* Charges `bytes` that C keeps of a value converted out of Lua to the memory
 * cap. Returns 0, or ERR_LIMIT naming `what` when the cap would be passed. */
int host_keep(host *h, size_t bytes, const char *what, err *e);
/* Gives back bytes charged with host_keep() once C has freed them. */
void host_release(host *h, size_t bytes);

/* The files loaded so far (the framework and every module it required), in
 * load order, each once; borrowed, valid until host_free(). */
const char *const *host_files(const host *h, size_t *n);

/* SHA-256 (hex) of every file loaded so far: each one's name and the exact
 * bytes that were run, in load order. */
void host_fingerprint(const host *h, char hex[65]);

/* Calls fn with each problem the rule library noted (scorecard.problem) since
 * the last call, oldest first, and forgets them. framework_load reports them,
 * so one framework's problems never appear under another's. */
void host_take_problems(host *h, void (*fn)(void *ctx, const char *problem), void *ctx);

/* Bytes the state holds now, for reports and tests. */
size_t host_memory_used(const host *h);

#endif
