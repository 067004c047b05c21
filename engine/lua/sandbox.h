/*
 * sandbox.h - the engine's Lua environment: a host (host.h) with the rule
 * library on its module path and the libraries rules may use registered:
 * `stats` (pure statistics, issue 4) and, when a store is given, `data`
 * (read-only series for designers trying rules with `scorecard eval`).
 */
#ifndef SCORECARD_SANDBOX_H
#define SCORECARD_SANDBOX_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "error.h"
#include "host.h"
#include "store.h"

/* The rules folder: $SCORECARD_RULES, else the one this build was configured with. */
const char *sandbox_rules_dir(void);

/* A new host for `s` (may be NULL: no `data` library) under `limits` (NULL:
 * host_default_limits()); free it with host_free(). */
host *sandbox_new(store *s, const host_limits *limits, err *e);

/* Runs `code` in a fresh world (named `chunkname` in messages, Lua's "@file"
 * or "=name" convention) and converts what it returns into *out (new), a tree
 * to print (its leaves are raw JSON text, every byte kept): JSON
 * null for nothing, the value for one result, an array for several, as
 * luajson.h converts them (functions become their type name; output past
 * `max_bytes` is refused). */
int sandbox_run_json(host *h, const char *code, size_t len, const char *chunkname, size_t max_bytes, cJSON **out,
                     err *e);

/* Runs the file at `path` in a fresh world and converts its one result into
 * *out (new), a tree to read: strings are plain cJSON strings (cleaned of
 * what JSON escapes, cut at a NUL byte), numbers are numbers. */
int sandbox_run_file_json(host *h, const char *path, size_t max_bytes, cJSON **out, err *e);

#endif
