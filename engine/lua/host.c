/* host.c - the sandboxed Lua state; see host.h for what is allowed and why. */
#include "host_lua.h"

#include <lauxlib.h>
#include <lualib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "grow.h"
#include "host_stdlib.h"
#include "period.h"
#include "sha256.h"
#include "text.h"
#include "vocab.h"

#define HOOK_EVERY 1000          /* instructions between hook calls */
#define CLOCK_EVERY 65536        /* units of C work between looks at the clock */
#define MAX_SEARCH_DIRS 4
#define MAX_FILE_BYTES (16u << 20) /* a framework or module file larger than this is refused */
#define REG_BASE "scorecard.base"             /* registry: the allow-listed globals */
#define REG_LOADING "scorecard.loading"       /* registry: frameworks being loaded, for loops */
#define REG_PROVENANCE "scorecard.provenance" /* registry: table -> "file:line", weak keys */
#define REG_PROBLEMS "scorecard.problems"     /* registry: list of problems noted (scorecard.problem) */
#define NEAREST_MAX 512                       /* candidates scorecard.nearest looks at */

enum trip { TRIP_NONE, TRIP_INSTRUCTIONS, TRIP_TIME, TRIP_RUN_TIME };

struct host {
    lua_State *L;
    host_limits limits;
    size_t used;             /* bytes the state holds now */
    size_t kept;             /* bytes C holds of converted values (host_keep) */
    long long executed;      /* work units in the current call */
    long long next_clock;    /* host_charge looks at the clock when executed passes this */
    struct timespec start;   /* of the current call */
    double call_budget;      /* seconds the current call may run */
    int run_bound;           /* the run's budget, not the call's, sets call_budget */
    double run_spent;        /* seconds spent in calls so far */
    volatile sig_atomic_t woken; /* set by the timer signal: look at the clock now */
    int in_call;
    enum trip tripped;
    char *dirs[MAX_SEARCH_DIRS]; /* module search path, owned */
    int ndirs;
    char *frameworks_root; /* parent of the framework's folder, owned */
    char **files;          /* every file loaded, once each, owned */
    char (*file_digest)[65]; /* the SHA-256 of each, as first loaded */
    size_t nfiles, files_cap, digests_cap;
    sha256_ctx files_hash; /* of every file loaded: name and bytes */
    size_t printed;        /* bytes print has written */
};

/* ---- the deadline timer ----
 * One process-wide timer: when it fires during a call, the signal handler sets
 * the hook to run at the very next instruction (lua_sethook may be called from
 * a signal handler; lua.c does the same for SIGINT), and the hook looks at the
 * clock. Setting a timer is a system call, costly next to a rule's few
 * microseconds, so it is not set for every call: it stays armed at the
 * earliest deadline it was asked for, and firing early only makes the hook
 * look at the clock and set it again. A real-time signal, not SIGALRM, which
 * libFuzzer and others use. */

static host *volatile watched; /* the host whose call is running, or NULL */
static timer_t deadline_timer;
static int timer_state;  /* 0 not tried, 1 ready, -1 unavailable: the hook's clock checks remain */
static double armed_for; /* when the timer fires (CLOCK_MONOTONIC seconds), 0 when it is not set */

static void limit_hook(lua_State *L, lua_Debug *ar);

static void on_deadline(int sig)
{
    (void)sig;
    host *h = watched;
    if (h) {
        h->woken = 1;
        lua_sethook(h->L, limit_hook, LUA_MASKCOUNT, 1);
    }
}

static int timer_ready(void)
{
    if (timer_state)
        return timer_state > 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_deadline;
    sa.sa_flags = SA_RESTART; /* SQLite's and stdio's system calls carry on */
    sigemptyset(&sa.sa_mask);
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGRTMIN;
    timer_state = sigaction(SIGRTMIN, &sa, NULL) == 0 && timer_create(CLOCK_MONOTONIC, &sev, &deadline_timer) == 0
                      ? 1
                      : -1;
    return timer_state > 0;
}

static double monotonic_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Makes sure the timer fires no later than `deadline` (CLOCK_MONOTONIC seconds). */
static void arm_timer_by(double deadline)
{
    if (!timer_ready())
        return;
    double now = monotonic_now();
    if (armed_for > now && armed_for <= deadline)
        return; /* it will fire in time (perhaps early, which is harmless) */
    double in = deadline - now > 1e-6 ? deadline - now : 1e-6;
    struct itimerspec when;
    memset(&when, 0, sizeof when);
    when.it_value.tv_sec = (time_t)in;
    when.it_value.tv_nsec = (long)((in - (double)(time_t)in) * 1e9);
    if (timer_settime(deadline_timer, 0, &when, NULL) == 0)
        armed_for = deadline;
}

/* ---- limits ---- */

/* A shrink is never refused (Lua relies on it); growth past the cap is. What C
 * keeps of converted values counts against the same cap. */
static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    host *h = ud;
    size_t old = ptr ? osize : 0; /* osize is a type tag when ptr is NULL */
    if (nsize == 0) {
        free(ptr);
        h->used -= old;
        return NULL;
    }
    if (nsize > old && h->used - old + nsize + h->kept > h->limits.memory)
        return NULL; /* Lua collects and retries once, then raises LUA_ERRMEM */
    void *p = realloc(ptr, nsize);
    if (!p) {
        if (nsize <= old)
            return ptr;
        return NULL;
    }
    h->used = h->used - old + nsize;
    return p;
}

static double elapsed(const host *h)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - h->start.tv_sec) + (double)(now.tv_nsec - h->start.tv_nsec) / 1e9;
}

static host *host_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* Sets h->tripped when a limit is passed; `clock` says whether to read the clock. */
static void check_limits(host *h, int clock)
{
    if (h->tripped || !h->in_call)
        return;
    int woken = h->woken;
    if (woken) {
        h->woken = 0;
        armed_for = 0; /* it fired */
    }
    if (h->executed > h->limits.instructions)
        h->tripped = TRIP_INSTRUCTIONS;
    else if ((clock || woken) && elapsed(h) > h->call_budget)
        h->tripped = h->run_bound ? TRIP_RUN_TIME : TRIP_TIME;
    else if (woken) /* early: an earlier call's deadline */
        arm_timer_by(monotonic_now() + h->call_budget - elapsed(h));
}

static int raise_trip(lua_State *L, const host *h)
{
    switch (h->tripped) {
    case TRIP_INSTRUCTIONS: return luaL_error(L, "instruction limit reached (%I)", (lua_Integer)h->limits.instructions);
    case TRIP_TIME: return luaL_error(L, "time limit reached (%f s)", h->limits.seconds);
    case TRIP_RUN_TIME: return luaL_error(L, "time limit of the whole run reached (%f s)", h->limits.run_seconds);
    case TRIP_NONE: break;
    }
    return 0;
}

/* Runs every HOOK_EVERY instructions, or at once when the deadline passed.
 * Once tripped it raises on every instruction, so no pcall in the script can
 * carry on past a limit. */
static void limit_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    host *h = host_of(L);
    h->executed += lua_gethookcount(L);
    check_limits(h, 1);
    if (h->tripped) {
        lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1);
        raise_trip(L, h);
    } else if (lua_gethookcount(L) != HOOK_EVERY) {
        lua_sethook(L, limit_hook, LUA_MASKCOUNT, HOOK_EVERY);
    }
}

void host_charge(lua_State *L, size_t units)
{
    host *h = host_of(L);
    h->executed += (long long)(units < (size_t)1 << 62 ? units : (size_t)1 << 62);
    int clock = h->executed >= h->next_clock;
    if (clock)
        h->next_clock = h->executed + CLOCK_EVERY;
    check_limits(h, clock);
    if (h->tripped) {
        lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1);
        raise_trip(L, h);
    }
}

int host_tripped(lua_State *L)
{
    return host_of(L)->tripped != TRIP_NONE;
}

int host_keep(host *h, size_t bytes, const char *what, err *e)
{
    if (h->used + h->kept + bytes > h->limits.memory || bytes > h->limits.memory)
        return err_set(e, ERR_LIMIT, "%s: memory limit reached (%zu MiB for the framework's state and what is kept of it)",
                       what, h->limits.memory >> 20);
    h->kept += bytes;
    return 0;
}

void host_release(host *h, size_t bytes)
{
    h->kept -= bytes < h->kept ? bytes : h->kept;
}

/* ---- functions the host itself provides ---- */

/* print writes to stderr, at most HOST_PRINT_LIMIT bytes in a host's life,
 * with control bytes and invalid UTF-8 replaced: a framework cannot paint the
 * terminal or fill the disk through it. */
static int sandbox_print(lua_State *L)
{
    host *h = host_of(L);
    int n = lua_gettop(L);
    if (h->printed >= HOST_PRINT_LIMIT)
        return 0;
    fputs("[lua]", stderr);
    h->printed += 5;
    for (int i = 1; i <= n && h->printed < HOST_PRINT_LIMIT; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        host_charge(L, 1 + len / 16);
        size_t room = HOST_PRINT_LIMIT - h->printed;
        fputc(' ', stderr);
        text_fputs_clean_n(s, len < room ? len : room, stderr);
        h->printed += 1 + (len < room ? len : room);
        lua_pop(L, 1);
    }
    fputc('\n', stderr);
    if (h->printed >= HOST_PRINT_LIMIT)
        fprintf(stderr, "[lua] (print output past %u KiB is not shown)\n", HOST_PRINT_LIMIT >> 10);
    return 0;
}

static int refuse(lua_State *L)
{
    return luaL_error(L, "%s is not available in a framework", lua_tostring(L, lua_upvalueindex(1)));
}

/* setmetatable without __gc: a finalizer would run at collection time, outside
 * any call the host is watching. */
static int sandbox_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not available in a framework");
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* xpcall(f, handler, ...) with the handler run after the error has unwound.
 * Lua runs a message handler with hooks off when the error was raised by a
 * hook, so a handler that loops would never be stopped. Limits and memory
 * errors are not handled: they go on up. */
static int sandbox_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_insert(L, 1); /* handler, f, handler, args */
    lua_remove(L, 3); /* handler, f, args */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 0);
    if (status == LUA_OK) {
        lua_pushboolean(L, 1);
        lua_replace(L, 1);
        return lua_gettop(L);
    }
    if (host_tripped(L) || status == LUA_ERRMEM)
        return lua_error(L);
    if (status == LUA_ERRRUN) {
        lua_pushvalue(L, 1);
        lua_insert(L, -2); /* handler, handler, error */
        if (lua_pcall(L, 1, 1, 0) != LUA_OK && host_tripped(L))
            return lua_error(L);
    }
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

/* Pushes "file:line" of the nearest caller outside the rule library, in a file
 * the host loaded, and returns it; pushes nothing and returns NULL when there
 * is none. This is the line of the framework a rule-library call came from. */
static const char *push_caller_where(lua_State *L, const host *h)
{
    const char *rules = h->dirs[0];
    size_t len = strlen(rules);
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0 || (ar.source[0] != '@' && ar.source[0] != '='))
            continue;
        if (ar.source[0] == '@' && !strncmp(ar.source + 1, rules, len) && ar.source[1 + len] == '/')
            continue;
        return lua_pushfstring(L, "%s:%d", ar.source + 1, ar.currentline); /* the whole path, not short_src's 60 bytes */
    }
    return NULL;
}

/* scorecard.mark(t) -> t: records where t was built: the nearest caller outside
 * the rule library, in a file the host loaded. The first mark stays. */
static int sandbox_mark(lua_State *L)
{
    host *h = host_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_PROVENANCE);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, 2) != LUA_TNIL) {
        lua_settop(L, 1);
        return 1;
    }
    lua_pop(L, 1);
    if (push_caller_where(L, h)) {
        lua_pushvalue(L, 1);
        lua_insert(L, -2);
        lua_rawset(L, 2);
    }
    lua_settop(L, 1);
    return 1;
}

/* scorecard.problem(message [, placed]) notes a problem in the framework being
 * loaded and lets loading go on, so `check` reports every problem at once
 * rather than the first. The message gets the framework line the call came
 * from, unless `placed` says it already starts with one (a caught error). */
static int sandbox_problem(lua_State *L)
{
    host *h = host_of(L);
    luaL_checkstring(L, 1);
    int placed = lua_toboolean(L, 2);
    lua_settop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_PROBLEMS);
    if (!placed && push_caller_where(L, h)) {
        lua_pushliteral(L, ": ");
        lua_pushvalue(L, 1);
        lua_concat(L, 3);
    } else {
        lua_pushvalue(L, 1);
    }
    lua_rawseti(L, 2, (lua_Integer)lua_rawlen(L, 2) + 1);
    return 0;
}

/* scorecard.polarity(word) -> "higher", "lower" or "none" for any polarity
 * word the engine accepts (high_good, lower_is_better, ...), else nil: the
 * vocabulary's one list (core/vocab), as a function so no script can change it. */
static int sandbox_polarity(lua_State *L)
{
    polarity p;
    if (lua_type(L, 1) == LUA_TSTRING && polarity_parse(lua_tostring(L, 1), &p) == 0)
        lua_pushstring(L, polarity_name(p));
    else
        lua_pushnil(L);
    return 1;
}

/* scorecard.period(label) -> {start = "YYYY-MM-DD", ["end"] = ..., type = "fy", ...}
 * as the importer reads the label (period.h), or nil and why: rules match a
 * framework's period keys ("2023/24") with observations by their days, in
 * whatever notation the file used, without parsing dates in Lua. */
static int sandbox_period(lua_State *L)
{
    const char *label = luaL_checkstring(L, 1);
    period p;
    err e = {0};
    if (period_parse(label, NULL, &p, &e)) {
        lua_pushnil(L);
        lua_pushstring(L, e.msg);
        return 2;
    }
    char day[11];
    lua_createtable(L, 0, 3);
    period_format_date(p.start, day);
    lua_pushstring(L, day);
    lua_setfield(L, -2, "start");
    period_format_date(p.end, day);
    lua_pushstring(L, day);
    lua_setfield(L, -2, "end");
    lua_pushstring(L, period_type_name(p.type));
    lua_setfield(L, -2, "type");
    return 1;
}

/* scorecard.nearest(word, {candidate, ...}) -> the candidate a slip of the
 * keyboard away from word (vocab_nearest), or nil. */
static int sandbox_nearest(lua_State *L)
{
    const char *word = luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    luaL_checkstack(L, NEAREST_MAX, "scorecard.nearest");
    const char *candidates[NEAREST_MAX];
    int n = 0;
    while (n < NEAREST_MAX && lua_rawgeti(L, 2, n + 1) == LUA_TSTRING) /* kept on the stack while in use */
        candidates[n++] = lua_tostring(L, -1);
    const char *near = vocab_nearest(word, candidates, n);
    if (near)
        lua_pushstring(L, near);
    else
        lua_pushnil(L);
    return 1;
}

void host_take_problems(host *h, void (*fn)(void *ctx, const char *problem), void *ctx)
{
    lua_State *L = h->L;
    lua_getfield(L, LUA_REGISTRYINDEX, REG_PROBLEMS);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -1, i);
        if (lua_type(L, -1) == LUA_TSTRING)
            fn(ctx, lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_PROBLEMS);
}

const char *host_provenance(host *h, int idx)
{
    lua_State *L = h->L;
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TTABLE)
        return NULL;
    lua_getfield(L, LUA_REGISTRYINDEX, REG_PROVENANCE);
    lua_pushvalue(L, idx);
    const char *where = lua_rawget(L, -2) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    lua_pop(L, 2); /* the string stays alive as a value of the weak table while the key lives */
    return where;
}

/* ---- the allow-listed environment ---- */

static const char *const BASE_NAMES[] = {"assert", "error", "ipairs", "next", "pairs", "pcall", "rawequal",
                                          "rawget", "rawlen", "rawset", "select", "getmetatable", "tonumber",
                                          "tostring", "type", "_VERSION", NULL};

/* Builds the base table in the registry from the opened standard libraries. */
static void build_base(lua_State *L)
{
    lua_newtable(L); /* base */
    int base = lua_gettop(L);
    for (int i = 0; BASE_NAMES[i]; i++) {
        lua_getglobal(L, BASE_NAMES[i]);
        lua_setfield(L, base, BASE_NAMES[i]);
    }
    lua_getglobal(L, "setmetatable");
    lua_pushcclosure(L, sandbox_setmetatable, 1);
    lua_setfield(L, base, "setmetatable");
    lua_pushcfunction(L, sandbox_xpcall);
    lua_setfield(L, base, "xpcall");
    lua_pushcfunction(L, sandbox_print);
    lua_setfield(L, base, "print");
    host_stdlib_add(L, base); /* string, table, math, utf8, os.clock */
    static const char *const refused[] = {"load", "loadfile", "dofile", "collectgarbage", NULL};
    for (int i = 0; refused[i]; i++) {
        lua_pushstring(L, refused[i]);
        lua_pushcclosure(L, refuse, 1);
        lua_setfield(L, base, refused[i]);
    }
    lua_newtable(L);
    lua_pushcfunction(L, sandbox_mark);
    lua_setfield(L, -2, "mark");
    lua_pushcfunction(L, sandbox_problem);
    lua_setfield(L, -2, "problem");
    lua_pushcfunction(L, sandbox_nearest);
    lua_setfield(L, -2, "nearest");
    lua_pushcfunction(L, sandbox_polarity);
    lua_setfield(L, -2, "polarity");
    lua_pushcfunction(L, sandbox_period);
    lua_setfield(L, -2, "period");
    lua_setfield(L, base, "scorecard");
    /* Method calls on strings ("x"):find(...) go through the metered copy, and
     * the metatable is locked: scripts can neither read nor replace it. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_getfield(L, base, "string");
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_BASE);
}

static int sandbox_require(lua_State *L);

/* Pushes a fresh environment for a chunk of the world at `world` (the table of
 * modules it has loaded): a copy of the base in which each library table is
 * copied too, so no script can alter what another sees. */
static void push_env(lua_State *L, int world)
{
    world = lua_absindex(L, world);
    lua_newtable(L);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_BASE);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_newtable(L);
            lua_pushnil(L);
            while (lua_next(L, -3)) {
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_rawset(L, -4);
            }
            lua_remove(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -5);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, world);
    lua_pushcclosure(L, sandbox_require, 1);
    lua_setfield(L, -2, "require");
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "_G");
}

/* Remembers a file and adds its name and bytes to the fingerprint, once.
 * Returns 0; -1 when memory runs out (the file must not then be run, or the
 * fingerprint would miss it); -2 when a file loaded before (each world reads
 * rules.lua again) now has other bytes: what ran would not be what was
 * fingerprinted. */
static int remember_file(host *h, const char *path, const char *bytes, size_t n)
{
    char digest[65];
    sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, bytes, n);
    sha256_final_hex(&c, digest);
    for (size_t i = 0; i < h->nfiles; i++)
        if (!strcmp(h->files[i], path))
            return strcmp(h->file_digest[i], digest) ? -2 : 0;
    if (grow(&h->files, &h->files_cap, h->nfiles + 1, sizeof *h->files, 8) ||
        grow(&h->file_digest, &h->digests_cap, h->nfiles + 1, sizeof *h->file_digest, 8))
        return -1;
    if (!(h->files[h->nfiles] = strdup(path)))
        return -1;
    memcpy(h->file_digest[h->nfiles], digest, sizeof digest);
    h->nfiles++;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    sha256_update(&h->files_hash, base, strlen(base) + 1);
    sha256_update(&h->files_hash, bytes, n);
    return 0;
}

/* Loads `path` as a text chunk of the world at `world`; pushes the function. */
static int load_chunk(lua_State *L, const char *path, int world)
{
    host *h = host_of(L);
    world = lua_absindex(L, world);
    FILE *f = fopen(path, "rb");
    if (!f)
        return luaL_error(L, "cannot open %s", path);
    err e = {0};
    size_t n;
    char *bytes = text_read_all(f, path, MAX_FILE_BYTES, &n, &e);
    fclose(f);
    if (!bytes)
        return luaL_error(L, "%s", e.msg);
    char name[1100];
    snprintf(name, sizeof name, "@%s", path);
    int rc = luaL_loadbufferx(L, bytes, n, name, "t");
    int remembered = rc == LUA_OK ? remember_file(h, path, bytes, n) : 0;
    free(bytes);
    if (rc != LUA_OK)
        return lua_error(L);
    if (remembered == -2)
        return luaL_error(L, "%s changed while the framework was loading; run again", path);
    if (remembered)
        return luaL_error(L, "%s: out of memory", path);
    push_env(L, world);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return 1;
}

/* ---- require ---- */

static int valid_module_name(const char *name)
{
    if (!*name || strlen(name) > 128 || strstr(name, "..") || name[0] == '.')
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == '-' || *p == '.'))
            return 0;
    return 1;
}

static int readable(const char *path)
{
    FILE *f = fopen(path, "rb");
    return f ? (fclose(f), 1) : 0;
}

/* Finds the file for `name`: `frameworks.ID` is a sibling framework's
 * framework.lua; anything else is NAME.lua (dots as folders) in a search dir. */
static int find_module(host *h, const char *name, char *path, size_t cap)
{
    if (!strncmp(name, "frameworks.", 11)) {
        const char *id = name + 11;
        if (!h->frameworks_root || strchr(id, '.'))
            return 0;
        snprintf(path, cap, "%s/%s/framework.lua", h->frameworks_root, id);
        return readable(path);
    }
    char rel[160];
    snprintf(rel, sizeof rel, "%s", name);
    for (char *p = rel; *p; p++)
        if (*p == '.')
            *p = '/';
    for (int i = 0; i < h->ndirs; i++) {
        snprintf(path, cap, "%s/%s.lua", h->dirs[i], rel);
        if (readable(path))
            return 1;
    }
    return 0;
}

/* require(name) for the world in upvalue 1. A module is loaded once per world;
 * a sibling framework gets a world of its own, so the modules it requires are
 * its own copies too. */
static int sandbox_require(lua_State *L)
{
    host *h = host_of(L);
    const char *name = luaL_checkstring(L, 1);
    lua_settop(L, 1);
    if (!valid_module_name(name))
        return luaL_error(L, "require \"%s\": module names are letters, digits, '_', '-' and '.'", name);
    int world = lua_upvalueindex(1);
    lua_pushvalue(L, 1);
    if (lua_rawget(L, world) != LUA_TNIL) {
        if (lua_type(L, -1) == LUA_TLIGHTUSERDATA)
            return luaL_error(L, "require \"%s\": modules require each other in a loop", name);
        return 1;
    }
    lua_pop(L, 1);
    char path[2048];
    if (!find_module(h, name, path, sizeof path))
        return luaL_error(L, "require \"%s\": no such module in the rules folder or the framework's folder", name);
    int framework = !strncmp(name, "frameworks.", 11);
    lua_pushvalue(L, 1);
    lua_pushlightuserdata(L, h); /* "loading" */
    lua_rawset(L, world);
    if (framework) {
        lua_getfield(L, LUA_REGISTRYINDEX, REG_LOADING);
        lua_pushvalue(L, 1);
        if (lua_rawget(L, -2) != LUA_TNIL)
            return luaL_error(L, "require \"%s\": frameworks require each other in a loop", name);
        lua_pop(L, 1);
        lua_pushvalue(L, 1);
        lua_pushboolean(L, 1);
        lua_rawset(L, -3);
        lua_pop(L, 1);
        lua_newtable(L); /* the sibling's own world */
        load_chunk(L, path, -1);
        lua_remove(L, -2);
    } else {
        load_chunk(L, path, world);
    }
    lua_pushvalue(L, 1);
    lua_call(L, 1, 1);
    if (framework) {
        lua_getfield(L, LUA_REGISTRYINDEX, REG_LOADING);
        lua_pushvalue(L, 1);
        lua_pushnil(L);
        lua_rawset(L, -3);
        lua_pop(L, 1);
    }
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, -2);
    lua_rawset(L, world);
    return 1;
}

/* ---- life cycle ---- */

/* Adds a folder modules are searched in: 0, -1 when memory runs out, -2 when
 * there are MAX_SEARCH_DIRS already. */
static int add_dir(host *h, const char *dir)
{
    if (h->ndirs == MAX_SEARCH_DIRS)
        return -2;
    for (int i = 0; i < h->ndirs; i++)
        if (!strcmp(h->dirs[i], dir))
            return 0;
    if (!(h->dirs[h->ndirs] = strdup(dir)))
        return -1;
    h->ndirs++;
    return 0;
}

host_limits host_default_limits(void)
{
    return (host_limits){HOST_DEFAULT_MEMORY, HOST_DEFAULT_INSTRUCTIONS, HOST_DEFAULT_SECONDS, HOST_DEFAULT_RUN_SECONDS};
}

host *host_new(const host_limits *limits, const char *rules_dir, err *e)
{
    host *h = calloc(1, sizeof *h);
    if (!h) {
        err_set(e, ERR_NOMEM, "out of memory");
        return NULL;
    }
    h->limits = limits ? *limits : host_default_limits();
    if (h->limits.run_seconds <= 0)
        h->limits.run_seconds = h->limits.seconds > HOST_DEFAULT_RUN_SECONDS ? h->limits.seconds
                                                                            : HOST_DEFAULT_RUN_SECONDS;
    sha256_init(&h->files_hash);
    h->L = lua_newstate(limited_alloc, h);
    if (!h->L || add_dir(h, rules_dir)) {
        host_free(h);
        err_set(e, ERR_NOMEM, "cannot create a Lua state");
        return NULL;
    }
    /* Opened only to copy from: the scripts' environments see the allow-list. */
    luaL_requiref(h->L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(h->L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(h->L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(h->L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(h->L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(h->L, LUA_OSLIBNAME, luaopen_os, 1);
    lua_pop(h->L, 6);
    build_base(h->L);
    lua_newtable(h->L);
    lua_setfield(h->L, LUA_REGISTRYINDEX, REG_LOADING);
    lua_newtable(h->L); /* weak keys: a table's provenance goes with it */
    lua_createtable(h->L, 0, 1);
    lua_pushliteral(h->L, "k");
    lua_setfield(h->L, -2, "__mode");
    lua_setmetatable(h->L, -2);
    lua_setfield(h->L, LUA_REGISTRYINDEX, REG_PROVENANCE);
    lua_newtable(h->L);
    lua_setfield(h->L, LUA_REGISTRYINDEX, REG_PROBLEMS);
    lua_sethook(h->L, limit_hook, LUA_MASKCOUNT, HOOK_EVERY);
    return h;
}

void host_free(host *h)
{
    if (!h)
        return;
    if (h->L) /* closing runs no script code: __gc is refused, so no hook is needed */
        lua_close(h->L);
    for (int i = 0; i < h->ndirs; i++)
        free(h->dirs[i]);
    free(h->frameworks_root);
    for (size_t i = 0; i < h->nfiles; i++)
        free(h->files[i]);
    free(h->files);
    free(h->file_digest);
    free(h);
}

const char *const *host_files(const host *h, size_t *n)
{
    *n = h->nfiles;
    return (const char *const *)h->files;
}

void host_fingerprint(const host *h, char hex[65])
{
    sha256_ctx c = h->files_hash;
    sha256_final_hex(&c, hex);
}

lua_State *host_lua(host *h)
{
    return h->L;
}

size_t host_memory_used(const host *h)
{
    return h->used;
}

void host_add_library(host *h, const char *name, const luaL_Reg *functions, void *context)
{
    lua_State *L = h->L;
    lua_getfield(L, LUA_REGISTRYINDEX, REG_BASE);
    lua_newtable(L);
    lua_pushlightuserdata(L, context);
    luaL_setfuncs(L, functions, 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

/* ---- calls ---- */

/* Adds a short traceback to runtime errors, so a failure inside the rule
 * library still names the framework line that led to it. It calls no
 * metamethod of the error object: it may run with hooks off. */
static int message_handler(lua_State *L)
{
    const char *msg = lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER ? lua_tostring(L, 1) : NULL;
    if (!msg)
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* Keeps the first lines of a traceback that point into Lua files, cleaned of
 * control bytes and invalid UTF-8 (the message may be a script's own). */
static void trim_traceback(const char *in, char *out, size_t cap)
{
    char kept_lines[1024];
    size_t n = 0;
    int kept = 0;
    const char *line = in;
    while (*line && kept < 8) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        int keep = line == in || (strstr(line, ".lua:") && !strstr(line, "[C]"));
        if (keep && n + 2 < sizeof kept_lines) {
            size_t take = len < sizeof kept_lines - n - 2 ? len : sizeof kept_lines - n - 2;
            memcpy(kept_lines + n, line, take);
            n += take;
            kept_lines[n++] = '\n';
            kept++;
        }
        if (!end)
            break;
        line = end + 1;
    }
    while (n > 0 && kept_lines[n - 1] == '\n')
        n--;
    text_clean_into(out, cap, kept_lines, n);
}

int host_call(host *h, int nargs, int nresults, const char *what, err *e)
{
    lua_State *L = h->L;
    const char *where = what && *what ? what : "Lua";
    if (h->in_call) { /* no binding calls back into the host; say so if one ever does */
        lua_pop(L, nargs + 1);
        return err_set(e, ERR_USAGE, "%s: a Lua call inside a Lua call", where);
    }
    double left = h->limits.run_seconds - h->run_spent;
    if (left <= 0) {
        lua_pop(L, nargs + 1);
        return err_set(e, ERR_LIMIT, "%s: time limit of the whole run reached (%.0f s)", where, h->limits.run_seconds);
    }
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    h->executed = 0;
    h->next_clock = CLOCK_EVERY;
    h->tripped = TRIP_NONE;
    h->woken = 0;
    h->run_bound = left < h->limits.seconds;
    h->call_budget = h->run_bound ? left : h->limits.seconds;
    h->in_call = 1;
    clock_gettime(CLOCK_MONOTONIC, &h->start);
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, HOOK_EVERY);
    watched = h;
    arm_timer_by(monotonic_now() + h->call_budget);
    int rc = lua_pcall(L, nargs, nresults, base);
    watched = NULL;
    h->in_call = 0;
    h->run_spent += elapsed(h);
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, HOOK_EVERY);
    lua_remove(L, base);
    enum trip tripped = h->tripped;
    h->tripped = TRIP_NONE;
    if (rc == LUA_OK && tripped == TRIP_NONE)
        return 0;
    char detail[1024] = "";
    if (rc != LUA_OK) {
        if (rc != LUA_ERRMEM)
            trim_traceback(lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(error object is not a string)",
                           detail, sizeof detail);
        lua_pop(L, 1);
    } else {
        lua_pop(L, nresults == LUA_MULTRET ? 0 : nresults);
    }
    lua_gc(L, LUA_GCCOLLECT);
    /* `what` names the work (an indicator and area); limits have no file:line of their own. */
    switch (tripped) {
    case TRIP_INSTRUCTIONS:
        return err_set(e, ERR_LIMIT, "%s: instruction limit reached (%lld)", where, h->limits.instructions);
    case TRIP_TIME: return err_set(e, ERR_LIMIT, "%s: time limit reached (%.0f s)", where, h->limits.seconds);
    case TRIP_RUN_TIME:
        return err_set(e, ERR_LIMIT, "%s: time limit of the whole run reached (%.0f s)", where, h->limits.run_seconds);
    case TRIP_NONE: break;
    }
    if (rc == LUA_ERRMEM) /* raised without the message handler */
        return err_set(e, ERR_LIMIT, "%s: memory limit reached (%zu MiB)", where, h->limits.memory >> 20);
    if (what && *what && strncmp(detail, what, strlen(what))) /* not when the message already names it */
        return err_set(e, ERR_INVALID, "%s: %s", what, detail);
    return err_set(e, ERR_INVALID, "%s", detail);
}

static int protected_load(lua_State *L)
{
    lua_newtable(L); /* the file's own world */
    load_chunk(L, lua_tostring(L, 1), -1);
    return 1;
}

int host_run_file(host *h, const char *path, int nresults, err *e)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    int added = add_dir(h, dir);
    if (added)
        return added == -2 ? err_set(e, ERR_LIMIT, "%s: too many framework folders in one state", path)
                           : err_set(e, ERR_NOMEM, "out of memory");
    free(h->frameworks_root);
    char parent[1100];
    snprintf(parent, sizeof parent, "%s/..", dir);
    if (!(h->frameworks_root = strdup(parent)))
        return err_set(e, ERR_NOMEM, "out of memory");

    lua_State *L = h->L;
    lua_pushcfunction(L, protected_load);
    lua_pushstring(L, path);
    int rc = host_call(h, 1, 1, path, e);
    if (rc)
        return rc;
    return host_call(h, 0, nresults, path, e);
}

int host_run_string(host *h, const char *code, size_t len, const char *chunkname, int nresults, err *e)
{
    lua_State *L = h->L;
    if (luaL_loadbufferx(L, code, len, chunkname, "t") != LUA_OK) {
        char detail[1024];
        text_clean_into(detail, sizeof detail, lua_tostring(L, -1), strlen(lua_tostring(L, -1)));
        err_set(e, ERR_INVALID, "%s", detail);
        lua_pop(L, 1);
        return ERR_INVALID;
    }
    lua_newtable(L);
    push_env(L, -1);
    lua_remove(L, -2);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return host_call(h, 0, nresults, NULL, e);
}
