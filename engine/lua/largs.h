/*
 * largs.h - reading the arguments of the `stats` functions (lstats.c and the
 * files beside it) the one safe way.
 *
 * Arguments are copied first. Every binding starts with largs_raw_arguments(),
 * which replaces each table argument (and each table inside one) by a plain
 * copy made with raw access: the C loops then read tables no script
 * metamethod can change under them (an __index that grows the table being
 * walked once overflowed a buffer sized from its first count). The copy is
 * charged to the host's budget like any other work.
 *
 * A programming error (a wrong type, an unknown option) raises a Lua error
 * that names the function as "stats.<fn>: ..."; work buffers are Lua userdata
 * pushed on the stack, so an error raised half way leaks nothing.
 */
#ifndef SCORECARD_LARGS_H
#define SCORECARD_LARGS_H

#include <lua.h>
#include <stddef.h>

#include "error.h"
#include "stats.h"

/* Replaces every table argument by its raw copy (see above). */
void largs_raw_arguments(lua_State *L);

/* A key as a message shows it, without calling any metamethod. */
const char *largs_key_name(lua_State *L, int idx);

/* Raises an error for the first key of the options table at t that is not one
 * of `keys` (NULL-terminated), naming the nearest option when it is a slip. */
void largs_check_options(lua_State *L, int t, const char *const *keys, const char *fn);

/* Raises "stats.<fn>: <e's message>"; does not return. */
int largs_fail(lua_State *L, const char *fn, const err *e);

/* Pushes {status = s, reason = reason}; returns 1. */
int largs_push_status(lua_State *L, stats_status s, const char *reason);

/* The confidence level at idx (0.9..1 or 90..100), `def` when nil. */
double largs_opt_level(lua_State *L, int idx, double def, const char *fn);

/* The polarity at idx (high_good, low_good, ...; nil is no judgement). */
stats_polarity largs_opt_polarity(lua_State *L, int idx, const char *fn);

/* A number or nil (NAN) at a stack index; anything else is an error. */
double largs_opt_number_nan(lua_State *L, int idx, const char *fn, const char *what);

/* A field of the table at idx as a number, or NAN when absent. */
double largs_field_number(lua_State *L, int idx, const char *key, const char *fn);

/* Reads the array part of the table at idx (1..#t) into a userdata of doubles
 * pushed on the stack; `false` entries are missing values (NAN). */
double *largs_read_numbers(lua_State *L, int idx, const char *fn, const char *what, size_t *n);

/* Does the table at idx have string keys (a table keyed by band label)? */
int largs_has_string_keys(lua_State *L, int idx);

#endif
