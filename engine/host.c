/* host.c - the sandboxed Lua state; see host.h for what is allowed and why. */
#include "host.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_EVERY 1000 /* instructions between hook calls */
#define MAX_SEARCH_DIRS 4
#define REG_BASE "scorecard.base"     /* registry: the allow-listed globals */
#define REG_LOADED "scorecard.loaded" /* registry: modules already required */

enum trip { TRIP_NONE, TRIP_INSTRUCTIONS, TRIP_TIME };

struct host {
    lua_State *L;
    host_limits limits;
    size_t used;           /* bytes allocated now */
    long long executed;    /* instructions in the current call */
    struct timespec start; /* of the current call */
    enum trip tripped;
    char *dirs[MAX_SEARCH_DIRS]; /* module search path, owned */
    int ndirs;
    char *frameworks_root; /* parent of the framework's folder, owned */
    char **files;          /* every file loaded, owned */
    int nfiles;
};

/* ---- limits ---- */

/* A shrink is never refused (Lua relies on it); growth past the cap is. */
static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    host *h = ud;
    size_t old = ptr ? osize : 0; /* osize is a type tag when ptr is NULL */
    if (nsize == 0) {
        free(ptr);
        h->used -= old;
        return NULL;
    }
    if (nsize > old && h->used - old + nsize > h->limits.memory)
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

/* Fires every HOOK_EVERY instructions. Once tripped it raises every time, so
 * no pcall in the script can carry on past a limit. */
static void limit_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    host *h = host_of(L);
    h->executed += lua_gethookcount(L);
    if (!h->tripped && h->executed > h->limits.instructions)
        h->tripped = TRIP_INSTRUCTIONS;
    if (!h->tripped && elapsed(h) > h->limits.seconds)
        h->tripped = TRIP_TIME;
    if (h->tripped)
        lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1); /* from now on every instruction raises,
                                                         so the error escapes any pcall loop */
    if (h->tripped == TRIP_INSTRUCTIONS)
        luaL_error(L, "instruction limit reached (%lld)", h->limits.instructions);
    if (h->tripped == TRIP_TIME)
        luaL_error(L, "time limit reached (%.0f s)", h->limits.seconds);
}

/* ---- the allow-listed environment ---- */

static int sandbox_print(lua_State *L)
{
    int n = lua_gettop(L);
    fputs("[lua]", stderr);
    for (int i = 1; i <= n; i++)
        fprintf(stderr, " %s", luaL_tolstring(L, i, NULL)), lua_pop(L, 1);
    fputc('\n', stderr);
    return 0;
}

static int refuse(lua_State *L)
{
    return luaL_error(L, "%s is not available in a framework", lua_tostring(L, lua_upvalueindex(1)));
}

/* Copies the listed fields of the library table on the stack top into a new
 * table, and leaves the copy in place of the original. */
static void copy_fields(lua_State *L, const char *const *names)
{
    lua_newtable(L);
    for (int i = 0; names[i]; i++) {
        lua_getfield(L, -2, names[i]);
        lua_setfield(L, -2, names[i]);
    }
    lua_remove(L, -2);
}

/* Names copied from each library. Absent on purpose: string.dump (bytecode),
 * math.random/randomseed (runs must reproduce), and whole libraries io, os,
 * debug, package and coroutine. */
static const char *const BASE_NAMES[] = {"assert", "error", "ipairs", "next", "pairs", "pcall", "rawequal",
                                          "rawget", "rawlen", "rawset", "select", "setmetatable",
                                          "getmetatable", "tonumber", "tostring", "type", "xpcall", "_VERSION",
                                          NULL};
static const char *const STRING_NAMES[] = {"byte", "char", "find", "format", "gmatch", "gsub", "len", "lower",
                                            "match", "rep", "reverse", "sub", "upper", "pack", "packsize",
                                            "unpack", NULL};
static const char *const TABLE_NAMES[] = {"concat", "insert", "move", "pack", "remove", "sort", "unpack", NULL};
static const char *const MATH_NAMES[] = {"abs", "ceil", "cos", "exp", "floor", "fmod", "huge", "log", "max",
                                          "maxinteger", "min", "mininteger", "modf", "pi", "sin", "sqrt", "tan",
                                          "tointeger", "type", "ult", "acos", "asin", "atan", NULL};
static const char *const UTF8_NAMES[] = {"char", "charpattern", "codes", "codepoint", "len", "offset", NULL};

static int sandbox_require(lua_State *L);

/* setmetatable without __gc: a finalizer would run at collection time, outside
 * any call the host is watching. */
static int sandbox_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE && lua_getfield(L, 2, "__gc") != LUA_TNIL)
        return luaL_error(L, "__gc metamethods are not available in a framework");
    lua_settop(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* Lua's pattern matcher backtracks inside C, where the instruction hook never
 * fires: with q repetition items a subject of n bytes can cost n^(q+1) steps.
 * The wrappers refuse calls whose worst case passes a billion steps. */
#define PATTERN_MAX_STEPS 1e9

static int pattern_guarded(lua_State *L)
{
    size_t n, plen;
    luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &plen);
    int q = 0;
    for (size_t i = 0; i < plen; i++) {
        if (p[i] == '%') {
            i++;
            continue;
        }
        q += p[i] == '*' || p[i] == '-' || p[i] == '+' || p[i] == '?';
    }
    double steps = 1;
    for (int i = 0; i <= q && steps <= PATTERN_MAX_STEPS; i++)
        steps *= (double)(n + 1);
    if (steps > PATTERN_MAX_STEPS)
        return luaL_error(L, "pattern with %d repetitions on a %I-byte string could run for too long", q, (lua_Integer)n);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* Replaces table[name] (on the stack top) by `fn` with the original as upvalue. */
static void wrap_field(lua_State *L, const char *name, lua_CFunction fn)
{
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, fn, 1);
    lua_setfield(L, -2, name);
}

/* Builds the base table in the registry from the opened standard libraries. */
static void build_base(lua_State *L)
{
    lua_newtable(L); /* base */
    for (int i = 0; BASE_NAMES[i]; i++) {
        lua_getglobal(L, BASE_NAMES[i]);
        lua_setfield(L, -2, BASE_NAMES[i]);
    }
    static const struct {
        const char *name;
        const char *const *names;
    } libs[] = {{"string", STRING_NAMES}, {"table", TABLE_NAMES}, {"math", MATH_NAMES}, {"utf8", UTF8_NAMES}};
    for (size_t i = 0; i < sizeof libs / sizeof *libs; i++) {
        lua_getglobal(L, libs[i].name);
        copy_fields(L, libs[i].names);
        if (!strcmp(libs[i].name, "string")) {
            static const char *const patterned[] = {"find", "match", "gmatch", "gsub", NULL};
            for (int k = 0; patterned[k]; k++)
                wrap_field(L, patterned[k], pattern_guarded);
        }
        lua_setfield(L, -2, libs[i].name);
    }
    wrap_field(L, "setmetatable", sandbox_setmetatable);
    lua_newtable(L);
    lua_getglobal(L, "os");
    lua_getfield(L, -1, "clock");
    lua_setfield(L, -3, "clock");
    lua_pop(L, 1);
    lua_setfield(L, -2, "os");
    lua_pushcfunction(L, sandbox_print);
    lua_setfield(L, -2, "print");
    lua_pushcfunction(L, sandbox_require);
    lua_setfield(L, -2, "require");
    static const char *const refused[] = {"load", "loadfile", "dofile", "collectgarbage", NULL};
    for (int i = 0; refused[i]; i++) {
        lua_pushstring(L, refused[i]);
        lua_pushcclosure(L, refuse, 1);
        lua_setfield(L, -2, refused[i]);
    }
    /* Method calls on strings ("x"):find(...) go through the guarded copy, and
     * the metatable is locked: scripts can neither read nor replace it. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_getfield(L, -3, "string");
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_BASE);
}

/* Pushes a fresh environment: a shallow copy of the base in which each
 * library table is copied too, so no script can alter what another sees. */
static void push_env(lua_State *L)
{
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
                lua_settable(L, -4);
            }
            lua_remove(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_settable(L, -5);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "_G");
}

static void remember_file(host *h, const char *path)
{
    char **grown = realloc(h->files, (size_t)(h->nfiles + 1) * sizeof *grown);
    if (!grown)
        return;
    h->files = grown;
    if ((h->files[h->nfiles] = strdup(path)))
        h->nfiles++;
}

/* Loads `path` as a text chunk with a fresh environment; pushes the function. */
static int load_chunk(lua_State *L, const char *path)
{
    remember_file(host_of(L), path);
    if (luaL_loadfilex(L, path, "t") != LUA_OK)
        return lua_error(L);
    push_env(L);
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

/* Finds the file for `name`: `frameworks.ID` is a sibling framework's
 * framework.lua; anything else is NAME.lua (dots as folders) in a search dir. */
static int find_module(host *h, const char *name, char *path, size_t cap)
{
    if (!strncmp(name, "frameworks.", 11)) {
        const char *id = name + 11;
        if (!h->frameworks_root || strchr(id, '.'))
            return 0;
        snprintf(path, cap, "%s/%s/framework.lua", h->frameworks_root, id);
        FILE *f = fopen(path, "rb");
        return f ? (fclose(f), 1) : 0;
    }
    char rel[160];
    snprintf(rel, sizeof rel, "%s", name);
    for (char *p = rel; *p; p++)
        if (*p == '.')
            *p = '/';
    for (int i = 0; i < h->ndirs; i++) {
        snprintf(path, cap, "%s/%s.lua", h->dirs[i], rel);
        FILE *f = fopen(path, "rb");
        if (f) {
            fclose(f);
            return 1;
        }
    }
    return 0;
}

static int sandbox_require(lua_State *L)
{
    host *h = host_of(L);
    const char *name = luaL_checkstring(L, 1);
    if (!valid_module_name(name))
        return luaL_error(L, "require \"%s\": module names are letters, digits, '_', '-' and '.'", name);
    lua_getfield(L, LUA_REGISTRYINDEX, REG_LOADED);
    lua_getfield(L, -1, name);
    if (lua_toboolean(L, -1)) {
        if (lua_type(L, -1) == LUA_TSTRING && !strcmp(lua_tostring(L, -1), "loading"))
            return luaL_error(L, "require \"%s\": modules require each other in a loop", name);
        return 1;
    }
    lua_pop(L, 1);
    char path[2048];
    if (!find_module(h, name, path, sizeof path))
        return luaL_error(L, "require \"%s\": no such module in the rules folder or the framework's folder", name);
    lua_pushliteral(L, "loading");
    lua_setfield(L, -2, name);
    load_chunk(L, path);
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name);
    return 1;
}

/* ---- life cycle ---- */

static int add_dir(host *h, const char *dir)
{
    if (h->ndirs == MAX_SEARCH_DIRS)
        return -1;
    for (int i = 0; i < h->ndirs; i++)
        if (!strcmp(h->dirs[i], dir))
            return 0;
    if (!(h->dirs[h->ndirs] = strdup(dir)))
        return -1;
    h->ndirs++;
    return 0;
}

host *host_new(const host_limits *limits, const char *rules_dir, err *e)
{
    host *h = calloc(1, sizeof *h);
    if (!h) {
        err_set(e, ERR_NOMEM, "out of memory");
        return NULL;
    }
    h->limits = limits ? *limits
                       : (host_limits){HOST_DEFAULT_MEMORY, HOST_DEFAULT_INSTRUCTIONS, HOST_DEFAULT_SECONDS};
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
    lua_setfield(h->L, LUA_REGISTRYINDEX, REG_LOADED);
    lua_sethook(h->L, limit_hook, LUA_MASKCOUNT, HOOK_EVERY);
    return h;
}

void host_free(host *h)
{
    if (!h)
        return;
    if (h->L) {
        h->executed = 0; /* a fresh budget for anything closing runs */
        h->tripped = TRIP_NONE;
        clock_gettime(CLOCK_MONOTONIC, &h->start);
        lua_sethook(h->L, limit_hook, LUA_MASKCOUNT, HOOK_EVERY);
        lua_close(h->L);
    }
    for (int i = 0; i < h->ndirs; i++)
        free(h->dirs[i]);
    free(h->frameworks_root);
    for (int i = 0; i < h->nfiles; i++)
        free(h->files[i]);
    free(h->files);
    free(h);
}

const char *const *host_files(const host *h, int *n)
{
    *n = h->nfiles;
    return (const char *const *)h->files;
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
 * library still names the framework line that led to it. */
static int message_handler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg)
        msg = luaL_tolstring(L, 1, NULL);
    luaL_traceback(L, L, msg, 1);
    return 1;
}

/* Keeps the first lines of a traceback that point into Lua files. */
static void trim_traceback(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    int kept = 0;
    const char *line = in;
    while (*line && kept < 8) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        int keep = line == in || (strstr(line, ".lua:") && !strstr(line, "[C]"));
        if (keep && n + len + 2 < cap) {
            memcpy(out + n, line, len);
            n += len;
            out[n++] = '\n';
            kept++;
        }
        if (!end)
            break;
        line = end + 1;
    }
    while (n > 0 && out[n - 1] == '\n')
        n--;
    out[n] = '\0';
}

int host_call(host *h, int nargs, int nresults, const char *what, err *e)
{
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    h->executed = 0;
    h->tripped = TRIP_NONE;
    clock_gettime(CLOCK_MONOTONIC, &h->start);
    lua_sethook(L, limit_hook, LUA_MASKCOUNT, HOOK_EVERY);
    int rc = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    enum trip tripped = h->tripped;
    h->tripped = TRIP_NONE;
    if (rc == LUA_OK && tripped == TRIP_NONE)
        return 0;
    char detail[1024] = "";
    if (rc != LUA_OK) {
        if (rc != LUA_ERRMEM)
            trim_traceback(lua_tostring(L, -1) ? lua_tostring(L, -1) : "(error object is not a string)", detail,
                           sizeof detail);
        lua_pop(L, 1);
    } else {
        lua_pop(L, nresults == LUA_MULTRET ? 0 : nresults);
    }
    lua_gc(L, LUA_GCCOLLECT);
    /* `what` names the work (an indicator and area); limits have no file:line of their own. */
    const char *where = what && *what ? what : "Lua";
    switch (tripped) {
    case TRIP_INSTRUCTIONS:
        return err_set(e, ERR_LIMIT, "%s: instruction limit reached (%lld)", where, h->limits.instructions);
    case TRIP_TIME:
        return err_set(e, ERR_LIMIT, "%s: time limit reached (%.0f s)", where, h->limits.seconds);
    case TRIP_NONE:
        break;
    }
    if (rc == LUA_ERRMEM) /* raised without the message handler */
        return err_set(e, ERR_LIMIT, "%s: memory limit reached (%zu MiB)", where, h->limits.memory >> 20);
    if (what && *what && strncmp(detail, what, strlen(what))) /* not when the message already names it */
        return err_set(e, ERR_INVALID, "%s: %s", what, detail);
    return err_set(e, ERR_INVALID, "%s", detail);
}

static int protected_load(lua_State *L)
{
    load_chunk(L, lua_tostring(L, 1));
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
    if (add_dir(h, dir))
        return err_set(e, ERR_LIMIT, "%s: too many framework folders in one state", path);
    free(h->frameworks_root);
    char parent[1024];
    snprintf(parent, sizeof parent, "%s/..", dir);
    h->frameworks_root = strdup(parent);

    lua_State *L = h->L;
    lua_pushcfunction(L, protected_load);
    lua_pushstring(L, path);
    int rc = host_call(h, 1, 1, path, e);
    if (rc)
        return rc;
    return host_call(h, 0, nresults, path, e);
}

int host_run_string(host *h, const char *code, const char *chunkname, int nresults, err *e)
{
    lua_State *L = h->L;
    if (luaL_loadbufferx(L, code, strlen(code), chunkname, "t") != LUA_OK) {
        err_set(e, ERR_INVALID, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        return ERR_INVALID;
    }
    push_env(L);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return host_call(h, 0, nresults, NULL, e);
}
