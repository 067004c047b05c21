/* test_luals.c - the editor stubs (the files of rules/types, read by the Lua language server
 * through .luarc.json) cannot fall behind the engine. Every check compares what the stubs
 * declare with what the engine really has, in both directions where the engine can say:
 *  - names: every key of the `rules` module (and of r.rollup, r.colours), of `stats`, of
 *    the sandbox's globals and its string, math, os and scorecard tables, and every method
 *    of ctx.series, enumerated at run time, has its `function X.NAME(` or `X.NAME =` line,
 *    and no such line names what does not exist;
 *  - the sandbox: each global the stubs leave out is refused by the sandbox or is a library
 *    .luarc.json leaves to the language server (then it must be Lua's whole library), and
 *    each library the sandbox lacks is turned off there;
 *  - fields: each parameter class against its allow(p, ...) list in rules/rules.lua, each
 *    stats option class against the option lists of the bindings in engine/lua, the framework,
 *    outcome, indicator and comparator classes against framework.c's key lists, the test
 *    case classes against cmd_test.c and the observation fields, the verdict against what
 *    rule_call.c reads; and at run time, that no declared parameter or option is refused as
 *    unknown, that every field of the results of stats, of the rules and roll-ups the
 *    library builds, and of ctx, its points and prepare's arguments (a framework evaluated
 *    here reports every key it is given) is declared;
 *  - words: the aliases of statuses, colours, comparator kinds, polarities, period types and
 *    observation statuses against the engine's vocabularies; every type a stub names exists.
 * argv[2] is the repository; nothing else is needed. */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "eval.h"
#include "framework.h"
#include "geo.h"
#include "host_lua.h"
#include "import.h"
#include "lpoint.h"
#include "obs.h"
#include "period.h"
#include "rule_call.h"
#include "sandbox.h"
#include "store.h"
#include "vocab.h"

#define NAMES_MAX 256
#define NAME_LEN 64

static char repo[1024];

/* ---- reporting ---- */

static void expect(int ok, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void expect(int ok, const char *fmt, ...)
{
    check_count++;
    if (ok)
        return;
    check_failures++;
    va_list ap;
    va_start(ap, fmt);
    fputs("test_luals: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

/* ---- sets of names ---- */

typedef struct names {
    size_t n;
    char v[NAMES_MAX][NAME_LEN];
} names;

static int names_has(const names *s, const char *w)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], w))
            return 1;
    return 0;
}

static void names_add_n(names *s, const char *w, size_t len)
{
    char buf[NAME_LEN];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, w, len);
    buf[len] = '\0';
    if (!buf[0] || names_has(s, buf))
        return;
    expect(s->n < NAMES_MAX, "more than %d names in one set", NAMES_MAX);
    if (s->n < NAMES_MAX)
        memcpy(s->v[s->n++], buf, len + 1);
}

static void names_add(names *s, const char *w)
{
    names_add_n(s, w, strlen(w));
}

/* Names separated by commas ("a,b,c"), as the probe framework reports keys. */
static void names_from_list(names *s, const char *list, size_t len)
{
    const char *end = list + len;
    while (list < end) {
        const char *comma = memchr(list, ',', (size_t)(end - list));
        const char *stop = comma ? comma : end;
        names_add_n(s, list, (size_t)(stop - list));
        list = stop + 1;
    }
}

static int by_string(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* The names sorted and joined by commas, as Lua's table.sort and table.concat would. */
static void names_joined(const names *s, char *out, size_t cap)
{
    names sorted = *s;
    qsort(sorted.v, sorted.n, sizeof sorted.v[0], by_string);
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < sorted.n; i++)
        used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s%s", i ? "," : "", sorted.v[i]);
}

/* Every name of `code` is in `stub` (what the engine accepts is declared) and, when
 * `both`, every name of `stub` is in `code` (nothing declared that the engine lacks). */
static void expect_names(const names *code, const names *stub, int both, const char *what)
{
    expect(code->n > 0, "%s: nothing found in the engine to compare with", what);
    for (size_t i = 0; i < code->n; i++)
        expect(names_has(stub, code->v[i]), "%s: the engine has \"%s\", which the stubs do not declare", what,
               code->v[i]);
    for (size_t i = 0; both && i < stub->n; i++)
        expect(names_has(code, stub->v[i]), "%s: the stubs declare \"%s\", which the engine does not have", what,
               stub->v[i]);
}

/* ---- files ---- */

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    char chunk[8192];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + got + 1 > cap) {
            cap = (len + got + 1) * 2;
            char *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        memcpy(buf + len, chunk, got);
        len += got;
    }
    fclose(f);
    if (!buf && (buf = malloc(1)) == NULL)
        return NULL;
    buf[len] = '\0';
    return buf;
}

static char *read_repo(const char *rel)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", repo, rel);
    char *text = read_text(path);
    expect(text != NULL, "cannot read %s", path);
    return text;
}

static int is_c(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return n > 2 && !strcmp(d->d_name + n - 2, ".c");
}

/* Every C file of the repository's folder `rel`, joined: the bindings of one table may be
 * spread over several files. */
static char *read_sources(const char *rel)
{
    char dir[2048];
    snprintf(dir, sizeof dir, "%s/%s", repo, rel);
    struct dirent **list = NULL;
    int n = scandir(dir, &list, is_c, alphasort);
    expect(n >= 1, "no C files in %s", dir);
    char *all = calloc(1, 1);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
        char *text = read_text(path);
        size_t t = text ? strlen(text) : 0;
        char *grown = all ? realloc(all, len + t + 2) : NULL;
        if (grown) {
            all = grown;
            memcpy(all + len, text ? text : "", t);
            len += t;
            all[len++] = '\n';
            all[len] = '\0';
        } else {
            free(all);
            all = NULL;
        }
        free(text);
        free(list[i]);
    }
    free(list);
    return all;
}

static int is_lua(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return n > 4 && !strcmp(d->d_name + n - 4, ".lua");
}

/* Every stub file under rules/types, joined, with a newline in front so that every line
 * starts after a '\n'. Each must be a `---@meta` file. */
static char *read_stubs(void)
{
    char dir[2048];
    snprintf(dir, sizeof dir, "%s/rules/types", repo);
    struct dirent **list = NULL;
    int n = scandir(dir, &list, is_lua, alphasort);
    expect(n >= 1, "no stub files in %s", dir);
    size_t len = 1;
    char *all = malloc(2);
    if (all)
        strcpy(all, "\n");
    for (int i = 0; i < n; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
        char *text = read_text(path);
        expect(text && !strncmp(text, "---@meta", 8), "%s does not start with ---@meta", path);
        size_t t = text ? strlen(text) : 0;
        char *grown = all ? realloc(all, len + t + 2) : NULL;
        if (grown) {
            all = grown;
            memcpy(all + len, text ? text : "", t);
            len += t;
            all[len++] = '\n';
            all[len] = '\0';
        } else {
            free(all);
            all = NULL;
        }
        free(text);
        free(list[i]);
    }
    free(list);
    return all;
}

/* ---- reading the stubs ---- */

static int ident_char(int c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* The line of `text` that starts with `start`, or NULL. */
static const char *find_line(const char *text, const char *start)
{
    char pat[512];
    snprintf(pat, sizeof pat, "\n%s", start);
    const char *p = strstr(text, pat);
    return p ? p + 1 : NULL;
}

static int declares_function(const char *stubs, const char *path)
{
    char line[300];
    snprintf(line, sizeof line, "function %s(", path);
    return find_line(stubs, line) != NULL;
}

static int declares_value(const char *stubs, const char *path)
{
    char line[300];
    snprintf(line, sizeof line, "%s =", path);
    return find_line(stubs, line) != NULL;
}

static const char *next_line(const char *p)
{
    const char *nl = strchr(p, '\n');
    return nl ? nl + 1 : NULL;
}

typedef struct decls {
    size_t n;
    struct {
        char path[NAME_LEN];
        int fn;
    } d[NAMES_MAX];
} decls;

/* Every name the stubs declare under `root` ("rules", "stats", "" for globals):
 * `function ROOT.PATH(` (a function) and `ROOT.PATH =` (a value); PATH relative to ROOT.
 * Globals are plain names (`function pairs(`, `string =`). */
static void declared(const char *stubs, const char *root, decls *out)
{
    size_t rl = strlen(root);
    out->n = 0;
    for (const char *line = stubs; line && *line; line = next_line(line)) {
        const char *p = line;
        int fn = 0;
        if (!strncmp(p, "function ", 9))
            p += 9, fn = 1;
        if (rl) {
            if (strncmp(p, root, rl) || p[rl] != '.')
                continue;
            p += rl + 1;
        }
        size_t len = 0;
        while (ident_char(p[len]) || (rl && p[len] == '.'))
            len++;
        if (!len || len >= NAME_LEN || (fn ? p[len] != '(' : strncmp(p + len, " =", 2)))
            continue;
        if (out->n < NAMES_MAX) {
            memcpy(out->d[out->n].path, p, len);
            out->d[out->n].path[len] = '\0';
            out->d[out->n++].fn = fn;
        }
    }
}

/* The method names of `function CLASS:NAME(` lines. */
static void declared_methods(const char *stubs, const char *holder, names *out)
{
    char start[128];
    snprintf(start, sizeof start, "function %s:", holder);
    size_t sl = strlen(start);
    out->n = 0;
    for (const char *line = stubs; line && *line; line = next_line(line))
        if (!strncmp(line, start, sl)) {
            size_t len = 0;
            while (ident_char(line[sl + len]))
                len++;
            if (line[sl + len] == '(')
                names_add_n(out, line + sl, len);
        }
}

/* The fields of class `cls` and of the classes it inherits from: the `---@field NAME` lines
 * of every `---@class CLS` block. Returns the number of blocks found. */
static int class_fields(const char *stubs, const char *cls, names *out, int depth)
{
    char start[160];
    snprintf(start, sizeof start, "---@class %s", cls);
    size_t sl = strlen(start);
    int blocks = 0;
    for (const char *line = stubs; line && *line; line = next_line(line)) {
        if (strncmp(line, start, sl) || (line[sl] != ' ' && line[sl] != ':' && line[sl] != '\n'))
            continue;
        blocks++;
        const char *p = line + sl;
        while (*p == ' ')
            p++;
        if (*p == ':' && depth < 4) {
            p++;
            while (*p == ' ')
                p++;
            char parent[NAME_LEN];
            size_t len = 0;
            while ((ident_char(p[len]) || p[len] == '.') && len + 1 < sizeof parent)
                len++;
            memcpy(parent, p, len);
            parent[len] = '\0';
            expect(class_fields(stubs, parent, out, depth + 1) > 0, "class %s inherits from %s, which no stub declares",
                   cls, parent);
        }
        for (const char *f = next_line(line); f && !strncmp(f, "---", 3); f = next_line(f)) {
            if (strncmp(f, "---@field ", 10))
                continue;
            const char *q = f + 10;
            static const char *const scopes[] = {"public ", "protected ", "private ", "package "};
            for (size_t s = 0; s < 4; s++)
                if (!strncmp(q, scopes[s], strlen(scopes[s])))
                    q += strlen(scopes[s]);
            size_t len = 0;
            while (ident_char(q[len]))
                len++;
            names_add_n(out, q, len); /* an index field ([integer]) has no name: nothing added */
        }
    }
    return blocks;
}

/* The fields of `cls`; a class no stub declares is a failure. */
static void fields_of(const char *stubs, const char *cls, names *out)
{
    out->n = 0;
    expect(class_fields(stubs, cls, out, 0) > 0, "no stub declares the class %s", cls);
}

/* The quoted words of `---@alias NAME` (on its line and its `---|` lines, comments after
 * '#' left out). */
static void alias_words(const char *stubs, const char *alias, names *out)
{
    char start[160];
    snprintf(start, sizeof start, "---@alias %s", alias);
    size_t sl = strlen(start);
    out->n = 0;
    int found = 0;
    for (const char *line = stubs; line && *line; line = next_line(line)) {
        if (strncmp(line, start, sl) || (line[sl] != ' ' && line[sl] != '\n'))
            continue;
        found = 1;
        for (const char *l = line; l && (l == line || !strncmp(l, "---|", 4)); l = next_line(l)) {
            const char *p = l == line ? l + sl : l + 4;
            while (*p && *p != '\n' && *p != '#') {
                if (*p == '"') {
                    const char *close = strchr(p + 1, '"');
                    if (!close)
                        break;
                    names_add_n(out, p + 1, (size_t)(close - p - 1));
                    p = close + 1;
                } else {
                    p++;
                }
            }
        }
    }
    expect(found, "no stub declares the alias %s", alias);
}

/* ---- reading the engine's sources ---- */

/* The text of the string literal at p (its opening quote) into out; the position after it. */
static const char *literal(const char *p, char *out, size_t cap)
{
    size_t n = 0;
    p++;
    while (*p && *p != '"') {
        if (*p == '\\' && p[1])
            p++;
        if (n + 1 < cap)
            out[n++] = *p;
        p++;
    }
    out[n] = '\0';
    return *p ? p + 1 : p;
}

/* The string literals of the C initializer that starts at `marker` (found after `after`,
 * when given) and ends at "};". */
static void c_array(const char *src, const char *after, const char *marker, names *out)
{
    out->n = 0;
    const char *p = src ? (after ? strstr(src, after) : src) : NULL;
    p = p ? strstr(p, marker) : NULL;
    expect(p != NULL, "the source no longer has \"%s\"%s%s", marker, after ? " after " : "", after ? after : "");
    if (!p)
        return;
    const char *end = strstr(p, "};");
    for (p += strlen(marker); end && p < end;) {
        if (*p == '"') {
            char w[NAME_LEN];
            p = literal(p, w, sizeof w);
            names_add(out, w);
        } else {
            p++;
        }
    }
}

/* The literals right after `prefix` (`strcmp(k, "`) between `from` and `to` (NULL: to the
 * end of the source). */
static void c_literals_after(const char *src, const char *from, const char *to, const char *prefix, names *out)
{
    out->n = 0;
    const char *p = src && from ? strstr(src, from) : src;
    expect(p != NULL, "the source no longer has \"%s\"", from ? from : "(text)");
    if (!p)
        return;
    const char *end = to ? strstr(p, to) : NULL;
    size_t pl = strlen(prefix);
    for (const char *q = p; (q = strstr(q, prefix)) != NULL && (!end || q < end);) {
        char w[NAME_LEN];
        q = literal(q + pl - 1, w, sizeof w);
        names_add(out, w);
    }
}

/* `tmpl` with each '@' replaced by `word` (templates are not format strings). */
static void fill(char *out, size_t cap, const char *tmpl, const char *word)
{
    size_t n = 0, wl = strlen(word);
    for (const char *p = tmpl; *p && n + 1 < cap; p++) {
        if (*p == '@' && n + wl + 1 < cap) {
            memcpy(out + n, word, wl);
            n += wl;
        } else if (*p != '@') {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
}

/* ---- Lua ---- */

static int run(host *h, const char *code, int nresults, err *e)
{
    err_clear(e);
    int rc = host_run_string(h, code, strlen(code), "=test_luals", nresults, e);
    if (rc)
        fprintf(stderr, "test_luals: running %.120s: %s\n", code, e->msg);
    return rc;
}

/* The string keys of the table at idx. */
static void table_keys(lua_State *L, int idx, names *out)
{
    idx = lua_absindex(L, idx);
    out->n = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING)
            names_add(out, lua_tostring(L, -1));
    }
}

/* Pushes t[a][b]... for the dotted path (raw reads); returns its type. */
static int push_path(lua_State *L, int t, const char *path)
{
    t = lua_absindex(L, t);
    lua_pushvalue(L, t);
    char seg[NAME_LEN];
    for (const char *p = path; *p;) {
        size_t len = strcspn(p, ".");
        if (len >= sizeof seg || lua_type(L, -1) != LUA_TTABLE) {
            lua_pop(L, 1);
            lua_pushnil(L);
            return LUA_TNIL;
        }
        memcpy(seg, p, len);
        seg[len] = '\0';
        lua_pushstring(L, seg);
        lua_rawget(L, -2);
        lua_remove(L, -2);
        p += len + (p[len] == '.');
    }
    return lua_type(L, -1);
}

/* Every key of the table at t (root's value) is declared, recursing into the tables the
 * stubs declare members of; every declaration under root exists, a function as a function. */
static void check_namespace(lua_State *L, int t, const char *root, const char *stubs, int depth)
{
    t = lua_absindex(L, t);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 1);
            continue;
        }
        char path[200];
        snprintf(path, sizeof path, "%s.%s", root, lua_tostring(L, -2));
        if (lua_type(L, -1) == LUA_TFUNCTION) {
            expect(declares_function(stubs, path), "%s is a function the stubs do not declare (function %s(...))", path,
                   path);
        } else {
            expect(declares_value(stubs, path), "%s (a %s) is not declared in the stubs (%s = ...)", path,
                   luaL_typename(L, -1), path);
            char sub[220], fsub[230];
            snprintf(sub, sizeof sub, "%s.", path);
            snprintf(fsub, sizeof fsub, "function %s.", path);
            if (lua_type(L, -1) == LUA_TTABLE && depth < 3 && (find_line(stubs, sub) || find_line(stubs, fsub)))
                check_namespace(L, -1, path, stubs, depth + 1);
        }
        lua_pop(L, 1);
    }
    if (depth)
        return;
    decls d;
    declared(stubs, root, &d);
    expect(d.n > 0, "the stubs declare nothing under %s", root);
    for (size_t i = 0; i < d.n; i++) {
        int type = push_path(L, t, d.d[i].path);
        lua_pop(L, 1);
        expect(type != LUA_TNIL, "the stubs declare %s.%s, which does not exist", root, d.d[i].path);
        if (type != LUA_TNIL)
            expect((type == LUA_TFUNCTION) == d.d[i].fn, "%s.%s is declared as a %s but is a %s", root, d.d[i].path,
                   d.d[i].fn ? "function" : "value", lua_typename(L, type));
    }
}

/* Is the global `name` a function the sandbox refuses ("... is not available in a framework")? */
static int refused(host *h, const char *name)
{
    lua_State *L = host_lua(h);
    int top = lua_gettop(L);
    char code[200];
    snprintf(code, sizeof code, "return select(2, pcall(%s))", name);
    err e = {0};
    int is = !run(h, code, 1, &e) && lua_type(L, -1) == LUA_TSTRING &&
             strstr(lua_tostring(L, -1), "is not available in a framework");
    lua_settop(L, top);
    return is;
}

static const char *builtin_state(const cJSON *builtin, const char *lib)
{
    const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(builtin, lib));
    return s ? s : "default";
}

/* The keys of Lua's own library `lib` (a stock state). */
static void stock_keys(const char *lib, names *out)
{
    out->n = 0;
    lua_State *S = luaL_newstate();
    if (!S)
        return;
    luaL_openlibs(S);
    if (lua_getglobal(S, lib) == LUA_TTABLE)
        table_keys(S, -1, out);
    lua_close(S);
}

/* The sandbox's globals (the table at env) against the stubs and .luarc.json. */
static void check_globals(host *h, int env, const char *stubs, const cJSON *builtin)
{
    lua_State *L = host_lua(h);
    env = lua_absindex(L, env);
    lua_pushnil(L);
    while (lua_next(L, env)) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            lua_pop(L, 1);
            continue;
        }
        char name[NAME_LEN];
        snprintf(name, sizeof name, "%s", lua_tostring(L, -2));
        int type = lua_type(L, -1);
        if (type == LUA_TFUNCTION) {
            int is_declared = declares_function(stubs, name);
            /* a refusing closure holds its own name: probe those declared, and all the others */
            const char *up = lua_getupvalue(L, -1, 1);
            int holds_name = up && lua_type(L, -1) == LUA_TSTRING && !strcmp(lua_tostring(L, -1), name);
            if (up)
                lua_pop(L, 1);
            int is_refused = (!is_declared || holds_name) && refused(h, name);
            if (is_refused)
                expect(!is_declared, "the stubs declare %s, which the sandbox refuses", name);
            else
                expect(is_declared, "the global function %s is not declared in the stubs (function %s(...))", name,
                       name);
        } else if (type == LUA_TTABLE && strcmp(name, "_G")) {
            if (declares_value(stubs, name)) {
                check_namespace(L, -1, name, stubs, 0);
            } else {
                /* left to the language server: it must be Lua's library, whole */
                expect(!strcmp(builtin_state(builtin, name), "enable"),
                       "the global table %s is neither declared in the stubs nor enabled in .luarc.json's runtime.builtin",
                       name);
                names have, stock;
                table_keys(L, -1, &have);
                stock_keys(name, &stock);
                char what[120];
                snprintf(what, sizeof what, "the sandbox's %s against Lua's (left to the language server)", name);
                expect_names(&stock, &have, 1, what);
            }
        } else {
            expect(declares_value(stubs, name), "the global %s (a %s) is not declared in the stubs (%s = ...)", name,
                   lua_typename(L, type), name);
        }
        lua_pop(L, 1);
    }
    decls d;
    declared(stubs, "", &d);
    expect(d.n > 15, "the stubs declare only %zu globals", d.n);
    for (size_t i = 0; i < d.n; i++) {
        lua_pushstring(L, d.d[i].path);
        int type = lua_rawget(L, env);
        lua_pop(L, 1);
        expect(type != LUA_TNIL, "the stubs declare the global %s, which the sandbox does not have", d.d[i].path);
        if (type != LUA_TNIL)
            expect((type == LUA_TFUNCTION) == d.d[i].fn, "the global %s is declared as a %s but is a %s", d.d[i].path,
                   d.d[i].fn ? "function" : "value", lua_typename(L, type));
    }
    /* each of the language server's libraries: off unless the sandbox has it and no stub
     * declares it; a stubbed library must be off, or the server would offer its own too */
    static const char *const libs[] = {"coroutine", "debug", "io",  "math", "os",    "package", "string",
                                       "table",     "utf8",  "bit", "bit32", "ffi", "jit",     NULL};
    for (int i = 0; libs[i]; i++) {
        lua_pushstring(L, libs[i]);
        int type = lua_rawget(L, env);
        lua_pop(L, 1);
        const char *want = type == LUA_TTABLE && !declares_value(stubs, libs[i]) ? "enable" : "disable";
        expect(!strcmp(builtin_state(builtin, libs[i]), want), ".luarc.json: runtime.builtin.%s must be \"%s\" (%s)",
               libs[i], want,
               type != LUA_TTABLE ? "the sandbox has no such library"
               : !strcmp(want, "enable") ? "the sandbox has all of it and no stub declares it"
                                         : "the stubs declare what the sandbox keeps of it");
    }
    expect(!strcmp(builtin_state(builtin, "basic"), "disable") && declares_function(stubs, "pairs"),
           ".luarc.json: runtime.builtin.basic must be \"disable\", the stubs declaring the base functions kept");
}

/* ---- the checks ---- */

static void check_luarc(const char *stubs, const cJSON **builtin_out, cJSON **root_out)
{
    char *text = read_repo(".luarc.json");
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    free(text);
    expect(root != NULL, ".luarc.json is not JSON");
    *root_out = root;
    *builtin_out = cJSON_GetObjectItemCaseSensitive(root, "runtime.builtin");
    expect(cJSON_IsObject(*builtin_out), ".luarc.json has no \"runtime.builtin\" table");
    const char *version = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(root, "runtime.version"));
    expect(version && !strcmp(version, "Lua 5.4"), ".luarc.json: runtime.version must be \"Lua 5.4\"");
    const cJSON *lib = cJSON_GetObjectItemCaseSensitive(root, "workspace.library"), *x;
    int has_types = 0;
    cJSON_ArrayForEach(x, lib) has_types |= cJSON_IsString(x) && !strcmp(x->valuestring, "rules/types");
    expect(has_types, ".luarc.json: workspace.library must list \"rules/types\"");
    /* `require "rules"` must reach the stub, not rules/rules.lua (which a loose path match also finds) */
    expect(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "runtime.pathStrict")),
           ".luarc.json: runtime.pathStrict must be true");
    expect(find_line(stubs, "---@meta rules") != NULL && find_line(stubs, "return rules") != NULL,
           "the rules stub must be `---@meta rules` returning `rules`");
}

/* rules.lua's allow(p, "what", {...}) lists, each against its class. */
static const struct {
    const char *what, *cls, *fn; /* fn: the constructor the class is the parameter of */
} ALLOW[] = {
    {"r.threshold", "rules.ThresholdParams", "rules.threshold"},
    {"r.target", "rules.TargetParams", "rules.target"},
    {"r.target values[", "rules.TargetEntry", NULL},
    {"r.change", "rules.ChangeParams", "rules.change"},
    {"r.relative", "rules.RelativeParams", "rules.relative"},
    {"r.benchmark", "rules.BenchmarkParams", "rules.benchmark"},
    {"r.survey", "rules.SurveyParams", "rules.survey"},
    {"r.quintile", "rules.QuintileParams", "rules.quintile"},
    {"r.funnel", "rules.FunnelParams", "rules.funnel"},
    {"r.trend", "rules.TrendParams", "rules.trend"},
    {"r.score", "rules.ScoreParams", "rules.score"},
    {"r.flag", "rules.FlagParams", "rules.flag"},
    {"r.rollup.majority", "rules.MajorityParams", "rules.rollup.majority"},
    {"r.rollup.weighted", "rules.WeightedParams", "rules.rollup.weighted"},
    {"r.rollup.mean_score", "rules.MeanScoreParams", "rules.rollup.mean_score"},
    {"r.rollup.mean_score cap", "rules.MeanScoreCap", NULL},
    {"r.rollup.worst_of_with", "rules.WorstOfWithParams", "rules.rollup.worst_of_with"},
};
#define NALLOW (sizeof ALLOW / sizeof ALLOW[0])

/* The doc block above `function FN(` names the class (as its parameter's type). */
static void expect_param_class(const char *stubs, const char *fn, const char *cls)
{
    char start[200];
    snprintf(start, sizeof start, "function %s(", fn);
    const char *line = find_line(stubs, start);
    expect(line != NULL, "no stub declares %s", start);
    if (!line)
        return;
    const char *block = line; /* back over the `---` lines above it */
    while (block > stubs + 1) {
        const char *prev = block - 1;
        while (prev > stubs && prev[-1] != '\n')
            prev--;
        if (strncmp(prev, "---", 3))
            break;
        block = prev;
    }
    size_t cl = strlen(cls);
    for (const char *p = block; p && p < line; p = next_line(p)) {
        const char *hit = strstr(p, cls);
        if (hit && hit < line && !strncmp(p, "---@param", 9) && !ident_char(hit[cl]) && hit[cl] != '.') {
            expect(1, "%s", cls);
            return;
        }
    }
    expect(0, "the parameter of %s is not declared as %s", fn, cls);
}

static void check_allow_lists(const char *stubs)
{
    char *src = read_repo("rules/rules.lua");
    if (!src)
        return;
    int seen[NALLOW] = {0};
    size_t calls = 0;
    for (const char *p = src; (p = strstr(p, "allow(")) != NULL; p += 6) {
        if (p > src && (ident_char(p[-1]) || p[-1] == '.'))
            continue;
        const char *q = p + 6;
        int depth = 0;
        for (; *q && !(depth == 0 && *q == ','); q++) {
            if (*q == '(' || *q == '{')
                depth++;
            else if (*q == ')' || *q == '}') {
                if (!depth)
                    break;
                depth--;
            }
        }
        if (*q != ',')
            continue;
        for (q++; *q == ' '; q++)
            ;
        if (*q != '"')
            continue; /* the definition: allow(p, what, names) */
        char what[96], skip[96];
        q = literal(q, what, sizeof what);
        while (*q && *q != '{' && *q != ')')
            q = *q == '"' ? literal(q, skip, sizeof skip) : q + 1;
        if (*q != '{')
            continue;
        names code = {0};
        for (q++; *q && *q != '}';) {
            if (*q == '"') {
                char w[NAME_LEN];
                q = literal(q, w, sizeof w);
                names_add(&code, w);
            } else {
                q++;
            }
        }
        calls++;
        size_t k = 0;
        while (k < NALLOW && strcmp(ALLOW[k].what, what))
            k++;
        expect(k < NALLOW, "rules.lua checks allow(p, \"%s\", ...), for which test_luals.c knows no stub class: "
                           "declare one and add it to ALLOW", what);
        if (k == NALLOW)
            continue;
        seen[k] = 1;
        names stub;
        fields_of(stubs, ALLOW[k].cls, &stub);
        char label[200];
        snprintf(label, sizeof label, "%s against allow(p, \"%s\")", ALLOW[k].cls, what);
        expect_names(&code, &stub, 1, label);
        if (ALLOW[k].fn)
            expect_param_class(stubs, ALLOW[k].fn, ALLOW[k].cls);
    }
    expect(calls >= NALLOW, "only %zu allow(p, ...) lists found in rules.lua", calls);
    for (size_t k = 0; k < NALLOW; k++)
        expect(seen[k], "rules.lua no longer has allow(p, \"%s\", ...): ALLOW in test_luals.c is out of date",
               ALLOW[k].what);
    expect_param_class(stubs, "rules.spc", "stats.SpcOptions");
    free(src);
}

typedef struct problems {
    char text[8192];
} problems;

static void keep_problem(void *ctx, const char *problem)
{
    problems *p = ctx;
    size_t used = strlen(p->text);
    snprintf(p->text + used, sizeof p->text - used, "%s\n", problem);
}

/* No declared parameter of a constructor is noted as unknown when given (the value's type
 * may be wrong: that is another problem), and an undeclared one is. */
static void probe_parameters(host *h, const char *stubs)
{
    lua_State *L = host_lua(h);
    struct {
        const char *fn, *cls;
    } probes[NALLOW + 1];
    size_t n = 0;
    for (size_t k = 0; k < NALLOW; k++)
        if (ALLOW[k].fn)
            probes[n].fn = ALLOW[k].fn, probes[n++].cls = ALLOW[k].cls;
    probes[n].fn = "rules.spc", probes[n++].cls = "stats.SpcOptions";
    for (size_t k = 0; k < n; k++) {
        names f;
        fields_of(stubs, probes[k].cls, &f);
        names_add(&f, "no_such_parameter"); /* the control */
        for (size_t i = 0; i < f.n; i++) {
            char code[400];
            snprintf(code, sizeof code, "local r = require 'rules'\nlocal fn = r.%s\nfn({ [\"%s\"] = true })\n",
                     probes[k].fn + 6, f.v[i]);
            problems pr = {{0}};
            host_take_problems(h, keep_problem, &pr); /* nothing left from before */
            pr.text[0] = '\0';
            err e = {0};
            int top = lua_gettop(L);
            /* a value of the wrong type is noted or raised: either way not as an unknown parameter */
            if (host_run_string(h, code, strlen(code), "=test_luals", 0, &e))
                keep_problem(&pr, e.msg);
            lua_settop(L, top);
            host_take_problems(h, keep_problem, &pr);
            char unknown[160], option[160];
            snprintf(unknown, sizeof unknown, "unknown parameter \"%s\"", f.v[i]);
            snprintf(option, sizeof option, "unknown option \"%s\"", f.v[i]);
            int refused_it = strstr(pr.text, unknown) || strstr(pr.text, option);
            if (!strcmp(f.v[i], "no_such_parameter"))
                expect(refused_it, "r.%s{no_such_parameter = true} was not noted as unknown: the probe proves nothing",
                       probes[k].fn + 6);
            else
                expect(!refused_it, "r.%s refuses the declared parameter %s (%s)", probes[k].fn + 6, f.v[i], pr.text);
        }
    }
}

/* stats' option lists (the bindings in engine/lua) against the option classes, and no
 * declared option is refused as unknown. */
static void check_stats_options(host *h, const char *stubs)
{
    char *src = read_sources("engine/lua");
    if (!src)
        return;
    static const struct {
        const char *marker, *after, *cls, *call;
    } lists[] = {
        {"SPC_KEYS[] = {", NULL, "stats.SpcOptions", "return select(2, pcall(stats.spc, {}, { [\"@\"] = true }))"},
        {"CHANGE_KEYS[] = {", NULL, "stats.ChangeOptions", "return select(2, pcall(stats.change, { [\"@\"] = true }))"},
        {"SURVEY_KEYS[] = {", NULL, "stats.SurveyOptions",
         "return select(2, pcall(stats.survey, {}, {}, { [\"@\"] = true }))"},
        {"SURVEY_SIDE_KEYS[] = {", NULL, "stats.SurveySide",
         "return select(2, pcall(stats.survey, { [\"@\"] = true }, {}))"},
        {"names[] = {", "static void read_spc_options(", "stats.SpcRules",
         "return select(2, pcall(stats.spc, {}, { rules = { [\"@\"] = true } }))"},
        {"SPC_COMPARE_KEYS[] = {", NULL, "stats.SpcCompareOptions",
         "return select(2, pcall(stats.spc_compare, { [\"@\"] = true }))"},
        {"FUNNEL_KEYS[] = {", NULL, "stats.FunnelOptions", "return select(2, pcall(stats.funnel, { [\"@\"] = true }))"},
        {"LIFE_KEYS[] = {", NULL, "stats.LifeExpectancyOptions",
         "return select(2, pcall(stats.life_expectancy, { [\"@\"] = true }))"},
        {"SII_KEYS[] = {", NULL, "stats.SiiOptions", "return select(2, pcall(stats.sii, { [\"@\"] = true }))"},
        {NULL, "static int l_trend(", "stats.TrendOptions",
         "return select(2, pcall(stats.trend, {}, { [\"@\"] = true }))"},
    };
    lua_State *L = host_lua(h);
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        names code, stub;
        if (lists[k].marker)
            c_array(src, lists[k].after, lists[k].marker, &code);
        else /* stats.trend compares its option names one by one */
            c_literals_after(src, lists[k].after, "\n}\n", "strcmp(k, \"", &code);
        fields_of(stubs, lists[k].cls, &stub);
        char label[160];
        snprintf(label, sizeof label, "%s against the bindings' option list", lists[k].cls);
        expect_names(&code, &stub, 1, label);
        names_add(&stub, "no_such_option"); /* the control */
        for (size_t i = 0; i < stub.n; i++) {
            char code_text[300];
            fill(code_text, sizeof code_text, lists[k].call, stub.v[i]);
            int top = lua_gettop(L);
            err e = {0};
            const char *msg = NULL;
            if (!run(h, code_text, 1, &e) && lua_type(L, -1) == LUA_TSTRING)
                msg = lua_tostring(L, -1);
            int unknown = msg && (strstr(msg, "unknown option") || strstr(msg, "unknown rule"));
            if (!strcmp(stub.v[i], "no_such_option"))
                expect(unknown, "%s: an unknown option is not refused: the probe proves nothing", lists[k].cls);
            else
                expect(!unknown, "%s: stats refuses the declared option %s (%s)", lists[k].cls, stub.v[i], msg);
            lua_settop(L, top);
        }
    }
    free(src);
}

/* Every field of what stats returns is declared in its result class. */
static void check_stats_results(host *h, const char *stubs)
{
    static const char SPC[] = "local v = {} for i = 1, 20 do v[i] = i % 3 end v[20] = 9 return stats.spc(v, {target = 1})";
    static const struct {
        const char *code, *cls; /* cls NULL: a number */
    } calls[] = {
        {"return stats.proportion(5, 10)", "stats.Interval"},
        {"return stats.proportion(0, 0)", "stats.Interval"},
        {"return stats.rate(5, 1000)", "stats.Interval"},
        {"return stats.count(12)", "stats.Interval"},
        {"local c, p = {}, {} for i = 1, 19 do c[i] = 20; p[i] = 1000 end return stats.dsr(c, p)", "stats.Dsr"},
        {"local c, p = {}, {} for i = 1, 19 do c[i] = 0; p[i] = 1000 end return stats.dsr(c, p)", "stats.Dsr"},
        {"return stats.dsr({['65-69'] = 12, ['70-74'] = 30}, {['65-69'] = 1000, ['70-74'] = 900})", "stats.Dsr"},
        {"local p, a, b = {}, {}, {} for i = 1, 19 do p[i] = 1000; a[i] = 10; b[i] = 2 end "
         "return stats.dsr_nonindependent({[1] = a, [2] = b}, p)",
         "stats.Interval"},
        {"return stats.isr(10, 8)", "stats.Interval"},
        {"return stats.mean({1, 2, 3, false, 5})", "stats.Interval"},
        {"return stats.quantiles({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5, 'higher')", "stats.Quantiles"},
        {"return stats.quantiles({1}, 5)", "stats.Quantiles"},
        {"return stats.phe_quantile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5)", "stats.PheQuantiles"},
        {"return stats.phe_quantile({1}, 5)", "stats.PheQuantiles"},
        {"return stats.compare(5, 4, 6, 3, 'higher', 3.5, 6.5)", "stats.Comparison"},
        {"return stats.compare(5, nil, nil, 3)", "stats.Comparison"},
        {"return stats.survey({value = 60, lower = 55, upper = 65}, {value = 50, n = 1000}, {polarity = 'higher'})",
         "stats.SurveyTest"},
        {"return stats.survey({value = 60}, {value = 50})", "stats.SurveyTest"},
        {"local pts = {} for i = 1, 5 do pts[i] = {value = 10 + i, lower = 9 + i, upper = 11 + i} end "
         "return stats.trend(pts, {polarity = 'higher'})",
         "stats.Trend"},
        {"local pts = {} for i = 1, 5 do pts[i] = {numerator = 10 * i, denominator = 100} end return stats.trend(pts, 0.95)",
         "stats.Trend"},
        {"return stats.trend({})", "stats.Trend"},
        {"return stats.change{base = '1.0', latest = '2.5', direction = 'increase'}", "stats.Change"},
        {"return stats.change(10, 12, 1, 'decrease', {mode = 'direction', relative = true})", "stats.Change"},
        {"return stats.change{direction = 'increase'}", "stats.Change"},
        {"return stats.pfg({{label = '2019/20', value = 1}, {label = '2020/21', value = '1.5'}}, '2019/20', 0, 'increase')",
         "stats.Change"},
        {SPC, "stats.Spc"},
        {"return stats.spc({1, 2})", "stats.Spc"},
        {NULL, "stats.SpcPoint"}, /* the points and options of SPC's result */
        {NULL, "stats.SpcOptions"},
        {NULL, "stats.SpcRules"},
        {"return stats.spc_compare{value = 12, denominator = 1000, comparator = 10, polarity = 'lower'}",
         "stats.SpcComparison"},
        {"return stats.spc_compare{kind = 'dsr', value = 500, denominator = 100000, comparator = 400}",
         "stats.SpcComparison"},
        {"return stats.spc_compare{value = 12, comparator = 10}", "stats.SpcComparison"},
        {"return stats.previous({{value = 1, lower = 0.5, upper = 1.5}, {value = 3, lower95 = 2.5, upper95 = 3.5}}, "
         "'higher')",
         "stats.Previous"},
        {"return stats.previous({})", "stats.Previous"},
        {"return stats.funnel{numerators = {10, 20, 35}, denominators = {100, 200, 300}, polarity = 'higher'}",
         "stats.Funnel"},
        {"return stats.funnel{numerators = {10, 20, 35}, denominators = {100, 200, 300}}.limits[50]", "stats.FunnelRow"},
        {"return stats.funnel{kind = 'crude', numerators = {10, 20, 35}, denominators = {1000, 2000, 3000}, "
         "rates = {1000, 1000, 1166}}.limits[50]",
         "stats.FunnelRow"},
        {"return stats.funnel{numerators = {}, denominators = {}}", "stats.Funnel"},
        {"local d, p = {}, {} for i = 1, 20 do d[i] = 10 + i; p[i] = 5000 end "
         "return stats.life_expectancy{deaths = d, populations = p}[1]",
         "stats.LifeExpectancy"},
        {"local d, p = {}, {} for i = 1, 20 do d[i] = 0; p[i] = 5000 end "
         "return stats.life_expectancy{deaths = d, populations = p}[20]",
         "stats.LifeExpectancy"},
        {"return stats.sii{populations = {100, 100, 100, 100, 100}, values = {10, 8, 7, 5, 4}, "
         "se = {1, 1, 1, 1, 1}, repetitions = 1000, rii = true, reliability = true}",
         "stats.Sii"},
        {"return stats.sii{populations = {100, 100, 100, 100, 100}, values = {10, 8, 7, 5, 4}, "
         "se = {1, 1, 1, 1, 1}, repetitions = 1000, rii = true, reliability = true}.limits[1]",
         "stats.SiiLimits"},
        {"return stats.sii{populations = {100, 100, 100, 100, 100}, values = {10, 8, 7, 5, 4}, "
         "se = {1, 1, 1, 1, 1}, repetitions = 1000, quantiles = 10}",
         "stats.Sii"},
        {"return stats.expected({100, 200}, {1, 2}, {1000, 1000})", NULL},
        {"return stats.z(0.998)", NULL},
        {"return stats.round(2.565, 2)", NULL},
    };
    lua_State *L = host_lua(h);
    for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++) {
        char code[700];
        if (calls[k].code)
            snprintf(code, sizeof code, "%s", calls[k].code);
        else if (!strcmp(calls[k].cls, "stats.SpcPoint"))
            snprintf(code, sizeof code, "%s", "local v = {} for i = 1, 20 do v[i] = i % 3 end v[20] = 9 "
                                              "return stats.spc(v, {target = 1}).points[20]");
        else if (!strcmp(calls[k].cls, "stats.SpcOptions"))
            snprintf(code, sizeof code, "%s", "return stats.spc({1, 2, 3}, {target = 1, min_points = 2}).options");
        else
            snprintf(code, sizeof code, "%s", "return stats.spc({1, 2, 3}, {min_points = 2}).options.rules");
        int top = lua_gettop(L);
        err e = {0};
        int rc = run(h, code, 1, &e);
        expect(!rc, "%s raised: %s", code, e.msg);
        if (!rc && !calls[k].cls) {
            expect(lua_type(L, -1) == LUA_TNUMBER, "%s did not return a number", code);
        } else if (!rc) {
            expect(lua_type(L, -1) == LUA_TTABLE, "%s did not return a table", code);
            names got, stub;
            if (lua_type(L, -1) == LUA_TTABLE)
                table_keys(L, -1, &got);
            else
                got.n = 0;
            fields_of(stubs, calls[k].cls, &stub);
            for (size_t i = 0; i < got.n; i++)
                expect(names_has(&stub, got.v[i]), "%s returns the field %s, which %s does not declare", code,
                       got.v[i], calls[k].cls);
        }
        lua_settop(L, top);
    }
}

/* What the rule library builds (rules, roll-ups, frameworks, rows): its fields are declared. */
static void check_built_tables(host *h, const char *stubs)
{
    static const struct {
        const char *code, *cls;
    } built[] = {
        {"return r.threshold{green = 1, amber = 0}", "rules.Rule"},
        {"return r.quintile{}", "rules.Rule"},
        {"return r.funnel{kind = 'crude'}", "rules.Rule"},
        {"return r.custom(function() return {} end, {x = 1})", "rules.Rule"},
        {"return r.all{r.threshold{green = 1}, r.threshold{green = 2}}", "rules.Rule"},
        {"return r.rollup.worst_of", "rules.Rollup"},
        {"return r.rollup.count_summary", "rules.Rollup"},
        {"return r.rollup.majority{tie = 'better', min_coverage = 0.5}", "rules.Rollup"},
        {"return r.rollup.weighted{weights = {A = 2}}", "rules.Rollup"},
        {"return r.rollup.custom(function() return 'grey' end)", "rules.Rollup"},
        {"return r.rollup.mean_score{segments = {2, 3}, colours = {'green', 'amber', 'red'}, over = 'outcomes', "
         "cap = {indicator = 'X', segment = 2}}",
         "rules.Rollup"},
        {"return r.rollup.worst_of_with{min_coverage = 0.5}", "rules.Rollup"},
        {"return r.framework{id = 'x', version = '1', scores = 'hscp', period = 'year', outcomes = {}, indicators = {}}",
         "scorecard.Framework"},
        {"return r.extend(r.framework{id = 'x', version = '1', scores = 'hscp', period = 'year', outcomes = {}, "
         "indicators = {}}, {version = '2'})",
         "scorecard.Framework"},
        {"return r.row('A', 'S37000012', '2023/24', 1, {numerator = 1, lower_ci = 0})", "scorecard.Row"},
        {"return r.indicator({title = 't', notes = 'a'}, {id = 'A', polarity = 'higher', notes = 'b'})",
         "scorecard.Indicator"},
    };
    lua_State *L = host_lua(h);
    for (size_t k = 0; k < sizeof built / sizeof built[0]; k++) {
        char code[600];
        snprintf(code, sizeof code, "local r = require 'rules'\n%s", built[k].code);
        int top = lua_gettop(L);
        err e = {0};
        problems pr = {{0}};
        host_take_problems(h, keep_problem, &pr);
        pr.text[0] = '\0';
        int rc = run(h, code, 1, &e);
        host_take_problems(h, keep_problem, &pr);
        expect(!rc && !pr.text[0] && lua_type(L, -1) == LUA_TTABLE, "%s did not build a table: %s%s", built[k].code,
               rc ? e.msg : "", pr.text);
        if (!rc && lua_type(L, -1) == LUA_TTABLE) {
            names got, stub;
            table_keys(L, -1, &got);
            fields_of(stubs, built[k].cls, &stub);
            for (size_t i = 0; i < got.n; i++)
                expect(names_has(&stub, got.v[i]), "%s has the field %s, which %s does not declare", built[k].code,
                       got.v[i], built[k].cls);
        }
        lua_settop(L, top);
    }
}

/* The framework, outcome, indicator, comparator, test case and verdict classes against the
 * keys the engine reads. */
static void check_spec_classes(const char *stubs)
{
    char *fw = read_repo("engine/lua/framework.c");
    char *cases = read_repo("engine/cli/cmd_test.c");
    char *call = read_repo("engine/lua/rule_call.c");
    char *vocab = read_repo("engine/core/vocab.c");
    char *stats = read_repo("engine/stats/stats.c");
    names code, stub;

    c_array(fw, NULL, "FRAMEWORK_KEYS[] = {", &code);
    fields_of(stubs, "scorecard.Framework", &stub);
    expect_names(&code, &stub, 1, "scorecard.Framework against FRAMEWORK_KEYS");
    fields_of(stubs, "scorecard.FrameworkFields", &stub);
    expect_names(&code, &stub, 1, "scorecard.FrameworkFields against FRAMEWORK_KEYS");
    names extend;
    fields_of(stubs, "rules.ExtendSpec", &extend);
    names_add(&code, "override");
    expect_names(&extend, &code, 0, "rules.ExtendSpec within FRAMEWORK_KEYS and override");

    c_array(fw, NULL, "OUTCOME_KEYS[] = {", &code);
    fields_of(stubs, "scorecard.Outcome", &stub);
    expect_names(&code, &stub, 1, "scorecard.Outcome against OUTCOME_KEYS");
    fields_of(stubs, "rules.ExtendOutcome", &extend);
    names_add(&code, "add");
    expect_names(&extend, &code, 0, "rules.ExtendOutcome within OUTCOME_KEYS and add");

    c_array(fw, NULL, "INDICATOR_KEYS[] = {", &code);
    fields_of(stubs, "scorecard.Indicator", &stub);
    expect_names(&code, &stub, 1, "scorecard.Indicator against INDICATOR_KEYS");
    fields_of(stubs, "scorecard.IndicatorFields", &stub);
    expect_names(&code, &stub, 1, "scorecard.IndicatorFields against INDICATOR_KEYS");

    c_array(fw, "static void read_comparator(", "keys[] = {", &code);
    fields_of(stubs, "scorecard.ComparatorSpec", &stub);
    expect_names(&code, &stub, 1, "scorecard.ComparatorSpec against read_comparator's keys");

    /* a roll-up's fields are among the words read_segments and read_rollup read */
    c_literals_after(fw, "static void read_segments(", "/* ---- indicators ---- */", "\"", &code);
    names_add(&code, "kind");
    names_add(&code, "decimals"); /* read by read_decimals, which indicators share */
    static const char *const rollup_classes[] = {"rules.Rollup", "rules.MeanScoreCap", "rules.RollupScores"};
    for (size_t k = 0; k < 3; k++) {
        fields_of(stubs, rollup_classes[k], &stub);
        char label[120];
        snprintf(label, sizeof label, "%s within what framework.c reads of a roll-up", rollup_classes[k]);
        expect_names(&stub, &code, 0, label);
    }

    c_array(fw, "static int parse_period_type(", "words[] = {", &code);
    alias_words(stubs, "scorecard.FrameworkPeriod", &stub);
    expect_names(&code, &stub, 1, "scorecard.FrameworkPeriod against framework.c's period words");

    c_literals_after(cases, NULL, NULL, "cJSON_GetObjectItemCaseSensitive(tc, \"", &code);
    fields_of(stubs, "scorecard.TestCase", &stub);
    expect_names(&code, &stub, 1, "scorecard.TestCase against cmd_test.c");
    c_literals_after(cases, "static void check_item(", "\n}\n", "!strcmp(k->string, \"", &code);
    fields_of(stubs, "scorecard.Expectation", &stub);
    expect_names(&code, &stub, 1, "scorecard.Expectation against cmd_test.c");

    code.n = 0;
    for (int f = 0; f < OBS_NFIELDS; f++)
        names_add(&code, obs_field_name(f));
    fields_of(stubs, "scorecard.Row", &stub);
    expect_names(&code, &stub, 1, "scorecard.Row against the observation's fields");
    fields_of(stubs, "scorecard.RowFields", &stub);
    expect_names(&code, &stub, 1, "scorecard.RowFields against the observation's fields");

    /* the verdict: what rule_assess reads of a rule's result */
    names verdict = {0}, more;
    c_literals_after(call, "static int take_string(", "void rule_verdict_free(", "take_string(h, \"", &verdict);
    c_literals_after(call, "static int take_string(", "void rule_verdict_free(", "lua_pushliteral(L, \"", &more);
    for (size_t i = 0; i < more.n; i++)
        names_add(&verdict, more.v[i]);
    fields_of(stubs, "scorecard.Verdict", &stub);
    expect_names(&verdict, &stub, 1, "scorecard.Verdict against rule_assess");

    /* a rule table: what framework.c and rule_call.c read of it */
    fields_of(stubs, "rules.Rule", &stub);
    for (size_t i = 0; i < stub.n; i++) {
        char quoted[NAME_LEN + 2];
        snprintf(quoted, sizeof quoted, "\"%s\"", stub.v[i]);
        expect((fw && strstr(fw, quoted)) || (call && strstr(call, quoted)),
               "rules.Rule declares %s, which neither framework.c nor rule_call.c reads", stub.v[i]);
    }

    /* polarity words: the engine's list and stats' */
    alias_words(stubs, "scorecard.PolarityWord", &stub);
    c_array(vocab, NULL, "POLARITY_WORDS[] = {", &code);
    expect_names(&code, &stub, 1, "scorecard.PolarityWord against core/vocab.c");
    c_array(stats, "int stats_polarity_parse(", "WORDS[] = {", &code);
    expect_names(&code, &stub, 1, "scorecard.PolarityWord against stats_polarity_parse");
    free(fw), free(cases), free(call), free(vocab), free(stats);
}

/* Does a `---@class TYPE` or `---@alias TYPE` line declare exactly `type`? */
static int declares_type(const char *stubs, const char *type)
{
    size_t tl = strlen(type);
    for (const char *line = stubs; line && *line; line = next_line(line)) {
        const char *p = !strncmp(line, "---@class ", 10) ? line + 10 : !strncmp(line, "---@alias ", 10) ? line + 10 : NULL;
        if (p && !strncmp(p, type, tl) && (p[tl] == ' ' || p[tl] == ':' || p[tl] == '\n'))
            return 1;
    }
    return 0;
}

/* The aliases of the engine's vocabularies. */
static void check_words(host *h, const char *stubs)
{
    names code = {0}, stub;
    for (int s = 1; vocab_status_name((vocab_status)s); s++)
        names_add(&code, vocab_status_name((vocab_status)s));
    alias_words(stubs, "scorecard.Status", &stub);
    expect_names(&code, &stub, 1, "scorecard.Status against the engine's statuses");

    code.n = 0;
    for (int c = 0; c < VOCAB_NCOLOURS; c++)
        names_add(&code, vocab_colour_name((vocab_colour)c));
    alias_words(stubs, "scorecard.Colour", &stub);
    expect_names(&code, &stub, 1, "scorecard.Colour against the engine's colours");

    code.n = 0;
    vocab_comparator kind;
    for (int k = 1; k < 32 && !vocab_comparator_parse(vocab_comparator_name((vocab_comparator)k), &kind); k++)
        names_add(&code, vocab_comparator_name((vocab_comparator)k));
    alias_words(stubs, "scorecard.ComparatorKind", &stub);
    expect_names(&code, &stub, 1, "scorecard.ComparatorKind against the engine's comparator kinds");

    code.n = 0;
    for (int p = POL_HIGHER; p <= POL_NONE; p++)
        names_add(&code, polarity_name((polarity)p));
    alias_words(stubs, "scorecard.Polarity", &stub);
    expect_names(&code, &stub, 1, "scorecard.Polarity against the engine's polarities");

    code.n = 0;
    for (int s = 0; s < 32 && strcmp(obs_status_name((obs_status)s), "?"); s++)
        names_add(&code, obs_status_name((obs_status)s));
    alias_words(stubs, "scorecard.PointStatus", &stub);
    expect_names(&code, &stub, 1, "scorecard.PointStatus against the observation statuses");

    code.n = 0;
    for (int t = 0; t < 64 && strcmp(period_type_name((period_type)t), "unknown"); t++)
        names_add(&code, period_type_name((period_type)t));
    alias_words(stubs, "scorecard.PeriodType", &stub);
    expect_names(&code, &stub, 1, "scorecard.PeriodType against the period types");

    /* every direction word stats.change is declared to take, it takes; and not any word */
    alias_words(stubs, "stats.Direction", &stub);
    names_add(&stub, "sideways"); /* the control */
    lua_State *L = host_lua(h);
    for (size_t i = 0; i < stub.n; i++) {
        char code_text[200];
        snprintf(code_text, sizeof code_text,
                 "return (pcall(stats.change, {base = 1, latest = 2, direction = '%s'}))", stub.v[i]);
        int top = lua_gettop(L);
        err e = {0};
        int ok = !run(h, code_text, 1, &e) && lua_toboolean(L, -1);
        expect(ok == !!strcmp(stub.v[i], "sideways"), "stats.change %s the direction \"%s\"", ok ? "takes" : "refuses",
               stub.v[i]);
        lua_settop(L, top);
    }

    /* every type a stub names (rules.X, stats.X, scorecard.X with a capital) is declared */
    for (const char *line = stubs; line && *line; line = next_line(line)) {
        if (strncmp(line, "---@", 4))
            continue;
        const char *end = strchr(line, '\n');
        for (const char *p = line; p < end; p++) {
            static const char *const spaces[] = {"rules.", "stats.", "scorecard."};
            for (size_t s = 0; s < 3; s++) {
                size_t sl = strlen(spaces[s]);
                if (strncmp(p, spaces[s], sl) || (p > line && (ident_char(p[-1]) || p[-1] == '.')) ||
                    !isupper((unsigned char)p[sl]))
                    continue;
                size_t len = sl;
                while (ident_char(p[len]))
                    len++;
                char type[NAME_LEN];
                snprintf(type, sizeof type, "%.*s", (int)len, p);
                int ok = declares_type(stubs, type);
                expect(ok, "a stub names the type %s, which no stub declares", type);
                p += len - 1;
                break;
            }
        }
    }
}

/* ctx.series' methods and a point's fields. */
static void check_series_and_point(host *h, const char *stubs)
{
    lua_State *L = host_lua(h);
    int top = lua_gettop(L);
    rule_series_begin(h, NULL); /* makes the series metatable */
    names got = {0}, stub;
    if (luaL_getmetatable(L, "scorecard.series") == LUA_TTABLE) {
        lua_pushliteral(L, "__index");
        if (lua_rawget(L, -2) == LUA_TTABLE)
            table_keys(L, -1, &got);
    }
    lua_settop(L, top);
    declared_methods(stubs, "Series", &stub);
    expect_names(&got, &stub, 1, "ctx.series' methods against the stubs' Series");

    lpoint lp = {.period = "2023/24", .period_type = "fy", .start = "2023-04-01", .end = "2024-03-31",
                 .value_text = "1.0", .value = 1, .numerator = 1, .denominator = 1, .lower = 0.5, .upper = 1.5,
                 .lower_998 = 0.4, .upper_998 = 1.6, .status = OBS_OK, .series_break = 1, .derived = 1};
    lpoint_push(L, &lp);
    table_keys(L, -1, &got);
    lua_settop(L, top);
    fields_of(stubs, "scorecard.Point", &stub);
    expect_names(&got, &stub, 1, "scorecard.Point against a point every field of which is set");
}

/* A framework whose rule reports every key of ctx, its point and comparator, and of
 * prepare's arguments; its custom roll-up says whether its children have the declared keys. */
static const char PROBE_FRAMEWORK[] =
    "local r = require 'rules'\n"
    "local function keys(t)\n"
    "  local out = {}\n"
    "  for k in pairs(t or {}) do if type(k) == 'string' then out[#out + 1] = k end end\n"
    "  table.sort(out)\n"
    "  return table.concat(out, ',')\n"
    "end\n"
    "local peer, info = 'none', 'none'\n"
    "local probe = { kind = 'rule', method = 'probe', params = {},\n"
    "  prepare = function(peers, i) peer = keys(peers[1]); info = keys(i); return { ready = true } end,\n"
    "  assess = function(ctx)\n"
    "    return { assessment = 'met', reason = 'ctx=' .. keys(ctx) .. ';point=' .. keys(ctx.point)\n"
    "      .. ';comparator=' .. keys(ctx.comparator) .. ';peer=' .. peer .. ';info=' .. info .. ';' }\n"
    "  end }\n"
    "return r.framework {\n"
    "  id = 'luals', version = '1', title = 'probe', scores = 'hscp', period = 'year', comparator = 'S92000003',\n"
    "  outcomes = { { id = 'O1', title = 'o', indicators = { 'A' },\n"
    "    rollup = r.rollup.custom(function(children)\n"
    "      return keys(children[1]) == '@' and 'green' or 'red' end) } },\n"
    "  indicators = { { id = 'A', title = 'a', unit = '%', polarity = 'higher', rule = probe } },\n"
    "}\n";

static const char PROBE_DATA[] = "indicator,area,period,value,numerator,denominator,lower_ci,upper_ci,lower_ci_998,"
                                 "upper_ci_998\n"
                                 "A,S37000012,2022/23,70,70,100,60,80,55,85\n"
                                 "A,S37000012,2023/24,80,80,100,70,90,65,95\n"
                                 "A,S37000034,2023/24,60,60,100,50,70,45,75\n"
                                 "A,S92000003,2023/24,75,75,100,74,76,73,77\n";

/* The comma list after "NAME=" in a reason, up to the next ';'. */
static void reported(const char *reason, const char *name, names *out)
{
    out->n = 0;
    char key[64];
    snprintf(key, sizeof key, "%s=", name);
    const char *p = reason ? strstr(reason, key) : NULL;
    expect(p != NULL, "the probe rule did not report %s (reason: %s)", name, reason ? reason : "none");
    if (!p)
        return;
    p += strlen(key);
    const char *end = strchr(p, ';');
    names_from_list(out, p, end ? (size_t)(end - p) : strlen(p));
}

static void check_context(const char *stubs)
{
    char dir[1100], path[1200], geography[1100];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/test_luals.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    snprintf(geography, sizeof geography, "%s/data/geography", repo);
    if (!mkdtemp(dir)) {
        expect(0, "cannot make a folder for the probe framework");
        return;
    }
    snprintf(path, sizeof path, "%s/framework.lua", dir);
    names children;
    fields_of(stubs, "scorecard.RollupChild", &children);
    char want[512];
    names_joined(&children, want, sizeof want);
    static char text[sizeof PROBE_FRAMEWORK + 600];
    fill(text, sizeof text, PROBE_FRAMEWORK, want);
    FILE *f = fopen(path, "w");
    expect(f != NULL, "cannot write %s", path);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    err e = {0};
    store *s = NULL;
    geo_counts counts;
    import_report *rep = calloc(1, sizeof *rep);
    int rc = store_open(":memory:", STORE_CREATE, &s, &e);
    if (!rc)
        rc = geo_load(s, geography, &counts, &e);
    if (!rc && rep)
        rc = import_csv_text(s, "luals.csv", PROBE_DATA, strlen(PROBE_DATA), rep, &e);
    free(rep);
    expect(!rc, "the probe's store: %s", e.msg);
    host *h = rc ? NULL : sandbox_new(NULL, NULL, &e);
    framework *fw = NULL;
    fw_problems pr = {0};
    if (h)
        rc = framework_load(h, path, &fw, &pr, &e);
    for (size_t k = 0; k < pr.n; k++)
        fprintf(stderr, "test_luals: probe framework: %s\n", pr.items[k].msg);
    fw_problems_free(&pr);
    expect(fw != NULL, "the probe framework did not load: %s", e.msg);
    result_set *r = NULL;
    const char *areas[] = {"S37000012", "S37000034"};
    eval_options o = {"2023/24", areas, 2, 0};
    if (fw)
        expect(!eval_run(s, h, fw, &o, &r, &e), "the probe framework did not run: %s", e.msg);
    const res_area *edinburgh = NULL;
    for (size_t a = 0; r && a < r->nareas; a++)
        if (!strcmp(r->areas[a].code, "S37000012"))
            edinburgh = &r->areas[a];
    expect(edinburgh != NULL, "the probe framework scored no Edinburgh");
    if (edinburgh) {
        const char *reason = edinburgh->indicators[0].reason;
        names got, stub;
        reported(reason, "ctx", &got);
        fields_of(stubs, "scorecard.Context", &stub);
        expect_names(&got, &stub, 1, "scorecard.Context against the ctx a rule gets"); /* comparator and prepared set */
        reported(reason, "point", &got);
        fields_of(stubs, "scorecard.Point", &stub);
        expect_names(&got, &stub, 0, "scorecard.Point against ctx.point");
        reported(reason, "comparator", &got);
        fields_of(stubs, "scorecard.ComparatorPoint", &stub);
        expect_names(&got, &stub, 0, "scorecard.ComparatorPoint against ctx.comparator");
        expect(names_has(&got, "area") && names_has(&got, "name"), "ctx.comparator has no area and name");
        reported(reason, "peer", &got);
        fields_of(stubs, "scorecard.Peer", &stub);
        expect_names(&got, &stub, 0, "scorecard.Peer against prepare's peers");
        expect(names_has(&got, "area"), "prepare's peers have no area");
        reported(reason, "info", &got);
        fields_of(stubs, "scorecard.PrepareInfo", &stub);
        expect_names(&got, &stub, 1, "scorecard.PrepareInfo against prepare's second argument");
        expect(edinburgh->outcomes[0].colour == COLOUR_GREEN,
               "a custom roll-up's children do not have exactly the fields of scorecard.RollupChild (%s): %s", want,
               edinburgh->outcomes[0].reason ? edinburgh->outcomes[0].reason : "");
    }
    result_set_free(r);
    framework_free(fw, h);
    host_free(h);
    store_close(s);
    unlink(path);
    rmdir(dir);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_luals REFERENCE_DIR REPOSITORY\n");
        return 2;
    }
    snprintf(repo, sizeof repo, "%s", argv[2]);
    char rules[1100];
    snprintf(rules, sizeof rules, "%s/rules", repo);
    setenv("SCORECARD_RULES", rules, 1);

    char *stubs = read_stubs();
    if (!stubs)
        return check_report("test_luals");
    const cJSON *builtin = NULL;
    cJSON *luarc = NULL;
    check_luarc(stubs, &builtin, &luarc);

    err e = {0};
    host *h = sandbox_new(NULL, NULL, &e);
    expect(h != NULL, "sandbox_new: %s", e.msg);
    if (h) {
        lua_State *L = host_lua(h);
        int top = lua_gettop(L);
        if (!run(h, "return require 'rules', _G", 2, &e)) {
            check_namespace(L, top + 1, "rules", stubs, 0);
            check_globals(h, top + 2, stubs, builtin); /* stats, string, math, os, scorecard too */
        } else {
            expect(0, "the sandbox cannot load the rule library: %s", e.msg);
        }
        lua_settop(L, top);
        check_allow_lists(stubs);
        probe_parameters(h, stubs);
        check_stats_options(h, stubs);
        check_stats_results(h, stubs);
        check_built_tables(h, stubs);
        check_words(h, stubs);
        check_series_and_point(h, stubs);
        host_free(h);
    }
    check_spec_classes(stubs);
    check_context(stubs);
    cJSON_Delete(luarc);
    free(stubs);
    return check_report("test_luals");
}
