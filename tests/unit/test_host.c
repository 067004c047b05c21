/* test_host.c - the Lua sandbox: every escape attempt in tests/sandbox is refused
 * with a clear error, and the same host keeps working after each one. */
#include <dirent.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "host.h"

static char repo[1024];

static int run_code(host *h, const char *code, const char *name, int nresults, err *e)
{
    return host_run_string(h, code, strlen(code), name, nresults, e);
}

/* The text after "-- expect: " on the file's first line. */
static void expectation(const char *path, char *out, size_t cap)
{
    out[0] = '\0';
    FILE *f = fopen(path, "r");
    char line[512];
    if (f && fgets(line, sizeof line, f) && !strncmp(line, "-- expect: ", 11)) {
        snprintf(out, cap, "%s", line + 11);
        out[strcspn(out, "\n")] = '\0';
    }
    if (f)
        fclose(f);
}

static int matches_any(const char *msg, const char *alternatives)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", alternatives);
    for (char *tok = strtok(buf, "|"); tok; tok = strtok(NULL, "|"))
        if (strstr(msg, tok))
            return 1;
    return 0;
}

/* The host still runs code, and nothing a script set is visible to the next. */
static void check_healthy(host *h, const char *after)
{
    lua_State *L = host_lua(h);
    err e = {0};
    int top = lua_gettop(L);
    int rc = run_code(h, "return 6 * 7, string.upper('x'), shared_secret, type(_G.require)", "=probe", 4, &e);
    if (rc)
        fprintf(stderr, "after %s: %s\n", after, e.msg);
    CHECK_INT(rc, 0);
    if (rc == 0) {
        CHECK_INT(lua_tointeger(L, top + 1), 42);
        CHECK_STR(lua_tostring(L, top + 2), "X");
        CHECK(lua_isnil(L, top + 3));
        CHECK_STR(lua_tostring(L, top + 4), "function");
    }
    lua_settop(L, top);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void test_escape_attempts(void)
{
    host_limits limits = {64u << 20, 20000000LL, 5.0, 60.0};
    char rules[1100], dir[1100];
    snprintf(rules, sizeof rules, "%s/rules", repo);
    snprintf(dir, sizeof dir, "%s/tests/sandbox", repo);
    err e = {0};
    host *h = host_new(&limits, rules, &e);
    CHECK(h != NULL);
    if (!h)
        return;
    struct dirent **names;
    int n = scandir(dir, &names, NULL, by_name);
    CHECK(n > 20);
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        size_t len = strlen(name);
        if (len < 5 || strcmp(name + len - 4, ".lua")) {
            free(names[i]);
            continue;
        }
        char path[2300], expect[512];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        expectation(path, expect, sizeof expect);
        CHECK(expect[0] != '\0');
        err_clear(&e);
        lua_State *L = host_lua(h);
        int top = lua_gettop(L);
        int rc = host_run_file(h, path, 1, &e);
        lua_settop(L, top);
        if (!strcmp(expect, "OK")) {
            if (rc)
                fprintf(stderr, "%s: unexpected error: %s\n", name, e.msg);
            CHECK_INT(rc, 0);
        } else {
            if (rc == 0 || !matches_any(e.msg, expect))
                fprintf(stderr, "%s: expected an error containing \"%s\", got rc=%d \"%s\"\n", name, expect, rc,
                        e.msg);
            CHECK(rc != 0);
            CHECK(matches_any(e.msg, expect));
            CHECK_CONTAINS(e.msg, name); /* errors name the file */
        }
        check_healthy(h, name);
        free(names[i]);
    }
    free(names);
    CHECK(access("/tmp/scorecard-pwned", F_OK) != 0);
    host_free(h);
}

static void test_limits_reset_per_call(void)
{
    host_limits limits = {64u << 20, 5000000LL, 5.0, 60.0};
    err e = {0};
    host *h = host_new(&limits, ".", &e);
    /* Each call gets the whole budget: many small calls add up to more than one. */
    for (int i = 0; i < 5; i++) {
        int rc = run_code(h, "local s = 0 for i = 1, 400000 do s = s + i end return s", "=loop", 1, &e);
        CHECK_INT(rc, 0);
        lua_pop(host_lua(h), 1);
    }
    CHECK(host_memory_used(h) > 0);
    host_free(h);
}

static void test_error_names_line(void)
{
    err e = {0};
    host *h = host_new(NULL, ".", &e);
    int rc = run_code(h, "local x = 1\nlocal y = nil\nreturn y.field", "@framework.lua", 1, &e);
    CHECK_INT(rc, ERR_INVALID);
    CHECK_CONTAINS(e.msg, "framework.lua:3:");
    rc = run_code(h, "return (", "@broken.lua", 1, &e);
    CHECK_INT(rc, ERR_INVALID);
    CHECK_CONTAINS(e.msg, "broken.lua:1:");
    host_free(h);
}

int main(int argc, char **argv)
{
    snprintf(repo, sizeof repo, "%s", argc > 2 ? argv[2] : "..");
    test_escape_attempts();
    test_limits_reset_per_call();
    test_error_names_line();
    return check_report("test_host");
}
