/* test_host.c - the Lua sandbox: every escape attempt in tests/sandbox is refused
 * with a clear error within its limits, and the same host keeps working after
 * each one. The cases run in the sandbox frameworks get (host, stats, the rule
 * library), under small limits, and each is held to a wall-clock bound: the
 * time limit plus one second. */
#include <dirent.h>
#include <lauxlib.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "host_lua.h"
#include "sandbox.h"

#define CASE_SECONDS 2.0
#define CASE_MEMORY (64u << 20)
/* What the process may hold beyond the Lua state's cap: the binary, Lua's own
 * allocator slack and one transient copy; documented in docs/reliability.md. */
#define FIXED_OVERHEAD (64u << 20)

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

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
    host_limits limits = {CASE_MEMORY, 20000000LL, CASE_SECONDS, 600.0};
    char rules[1100], dir[1100];
    snprintf(rules, sizeof rules, "%s/rules", repo);
    snprintf(dir, sizeof dir, "%s/tests/sandbox", repo);
    setenv("SCORECARD_RULES", rules, 1);
    err e = {0};
    host *h = sandbox_new(NULL, &limits, &e);
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
        double start = now_seconds();
        int rc = host_run_file(h, path, 1, &e);
        double took = now_seconds() - start;
        lua_settop(L, top);
        double bound = CASE_SECONDS + 1.0 + (SANITIZED ? 2.0 : 0.0); /* sanitizers slow what surrounds the limit */
        if (took > bound)
            fprintf(stderr, "%s: ran %.2f s, past the %.0f s limit and a second\n", name, took, CASE_SECONDS);
        CHECK(took <= bound);
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
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    size_t peak = (size_t)ru.ru_maxrss * 1024;
    if (!SANITIZED && peak > CASE_MEMORY + FIXED_OVERHEAD)
        fprintf(stderr, "peak RSS %zu MiB, past the %u MiB cap and the %u MiB overhead\n", peak >> 20,
                CASE_MEMORY >> 20, FIXED_OVERHEAD >> 20);
    CHECK(SANITIZED || peak <= CASE_MEMORY + FIXED_OVERHEAD);
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

/* A C function that takes a while: the instruction hook cannot see it. */
static int slow_wait(lua_State *L)
{
    (void)L;
    struct timespec t = {0, 50 * 1000 * 1000};
    nanosleep(&t, NULL);
    return 0;
}

/* Between two hook calls a thousand instructions can pass, each of which may be
 * a long C call: only the deadline timer stops such a loop on time. */
static void test_deadline_timer(void)
{
    host_limits limits = {CASE_MEMORY, 1000000000LL, 1.0, 600.0};
    err e = {0};
    host *h = host_new(&limits, ".", &e);
    static const luaL_Reg slow[] = {{"wait", slow_wait}, {NULL, NULL}};
    host_add_library(h, "slow", slow, NULL);
    double start = now_seconds();
    int rc = run_code(h, "while true do slow.wait() end", "=timer", 0, &e);
    double took = now_seconds() - start;
    CHECK_INT(rc, ERR_LIMIT);
    CHECK_CONTAINS(e.msg, "time limit reached");
    CHECK(took < 1.5);
    /* and the whole run's budget: each call may run 1 s, all of them together 2.5 s */
    host_limits run = {CASE_MEMORY, 1000000000LL, 1.0, 2.5};
    host *h2 = host_new(&run, ".", &e);
    host_add_library(h2, "slow", slow, NULL);
    start = now_seconds();
    int limited = 0;
    for (int i = 0; i < 10 && !limited; i++)
        if (run_code(h2, "for i = 1, 12 do slow.wait() end", "=call", 0, &e))
            limited = strstr(e.msg, "whole run") != NULL;
    took = now_seconds() - start;
    CHECK(limited);
    CHECK(took < 3.5);
    host_free(h);
    host_free(h2);
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
    test_deadline_timer();
    return check_report("test_host");
}
