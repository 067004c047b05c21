/*
 * sandbox.h - the engine's Lua environment: a host (host.h) with the rule
 * library on its module path and the libraries rules may use registered:
 * `stats` (pure statistics, issue 4) and, when a store is given, `data`
 * (read-only series for designers trying rules with `scorecard eval`).
 */
#ifndef SCORECARD_SANDBOX_H
#define SCORECARD_SANDBOX_H

#include "error.h"
#include "host.h"
#include "store.h"

/* The rules folder: $SCORECARD_RULES, else the one this build was configured with. */
const char *sandbox_rules_dir(void);

/* A new host for `s` (may be NULL: no `data` library) under `limits` (NULL:
 * host_default_limits()); free it with host_free(). */
host *sandbox_new(store *s, const host_limits *limits, err *e);

#endif
