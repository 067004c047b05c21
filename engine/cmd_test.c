/* cmd_test.c - `scorecard test`: run the test cases kept beside a framework.
 *
 * A case gives observations and the colours (and, if it wants, assessments and
 * words of the reason) it expects per area for indicators, outcomes and the
 * overall roll-up. Each case runs against a fresh database in memory holding
 * the bundled geography and only the case's observations, imported through the
 * same checks as `scorecard import`: no file is written, so nothing is left
 * behind whatever happens. A cases file is a framework designer's code, read
 * like any other: a case of the wrong shape fails with a message. */
#include <getopt.h>
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "eval.h"
#include "framework.h"
#include "geo.h"
#include "import.h"
#include "sandbox.h"
#include "text.h"

static const char USAGE[] =
    "usage: scorecard test [--cases FILE] PATH\n\n"
    "Runs the test cases of the framework at PATH (default: tests.lua beside it) and prints\n"
    "one line per case and 'N passed, M failed'. Exits 1 when any case fails. A cases file\n"
    "returns a list of {name, period, areas?, data = {observation, ...}, expect = {AREA =\n"
    "{ITEM = colour or {status = colour, assessment = a, reason = words}}}}, where ITEM is an\n"
    "indicator id, an outcome id or \"overall\". See docs/frameworks.md.\n";

typedef struct tcase_ctx {
    host *h;
    const framework *f;
    const char *data_dir;
    int failures;
    int checks; /* expectations checked in the case */
    char first_failure[600];
} tcase_ctx;

static void failed(tcase_ctx *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void failed(tcase_ctx *t, const char *fmt, ...)
{
    if (t->failures++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(t->first_failure, sizeof t->first_failure, fmt, ap);
        va_end(ap);
    }
}

/* Writes the rows of the case's `data` (on the stack top) as CSV the importer reads. */
static int write_data(lua_State *L, FILE *out, err *e)
{
    size_t n = lua_rawlen(L, -1);
    for (size_t i = 1; i <= n; i++) {
        if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TTABLE) {
            lua_pop(L, 1);
            return err_set(e, ERR_INVALID, "data[%zu] is not a table", i);
        }
        for (int f = 0; f < OBS_NFIELDS; f++) {
            lua_pushstring(L, obs_field_name(f));
            int type = lua_rawget(L, -2);
            char buf[64];
            const char *v = "";
            if (type == LUA_TNUMBER) { /* as a person would write it: the shortest exact form */
                double x = lua_tonumber(L, -1);
                for (int digits = 15; digits <= 17; digits++) {
                    snprintf(buf, sizeof buf, "%.*g", digits, x);
                    if (strtod(buf, NULL) == x)
                        break;
                }
                v = buf;
            } else if (type == LUA_TSTRING) {
                v = lua_tostring(L, -1);
            } else if (type == LUA_TBOOLEAN) {
                v = lua_toboolean(L, -1) ? "yes" : "no";
            }
            if (f)
                fputc(',', out);
            csv_write_field(out, v);
            lua_pop(L, 1);
        }
        fputc('\n', out);
        lua_pop(L, 1);
    }
    return 0;
}

static const res_area *find_area(const result_set *r, const char *code)
{
    for (size_t a = 0; a < r->nareas; a++)
        if (!strcmp(r->areas[a].code, code))
            return &r->areas[a];
    return NULL;
}

/* Checks one expectation (value on the stack top) of `item` in `area`. */
static void check_item(tcase_ctx *t, const result_set *r, const res_area *ra, const char *item)
{
    lua_State *L = host_lua(t->h);
    const framework *f = t->f;
    const char *colour = NULL, *assessment = NULL, *reason = NULL;
    if (!strcmp(item, "overall")) {
        colour = ra->colour;
        reason = ra->reason;
    }
    for (size_t o = 0; !colour && o < f->nout; o++)
        if (!strcmp(f->out[o].id, item)) {
            colour = ra->outcomes[o].colour;
            reason = ra->outcomes[o].reason;
        }
    for (size_t i = 0; !colour && i < f->nind; i++)
        if (!strcmp(f->ind[i].id, item)) {
            colour = ra->indicators[i].colour;
            assessment = ra->indicators[i].assessment;
            reason = ra->indicators[i].reason;
        }
    (void)r;
    if (!colour) {
        failed(t, "%s: \"%s\" is not an indicator, an outcome or \"overall\"", ra->code, item);
        return;
    }
    const char *want_colour = NULL, *want_assessment = NULL, *want_reason = NULL;
    if (lua_type(L, -1) == LUA_TSTRING) {
        want_colour = lua_tostring(L, -1);
    } else if (lua_type(L, -1) == LUA_TTABLE) {
        lua_pushliteral(L, "status");
        lua_rawget(L, -2);
        want_colour = lua_tostring(L, -1);
        lua_pushliteral(L, "assessment");
        lua_rawget(L, -3);
        want_assessment = lua_tostring(L, -1);
        lua_pushliteral(L, "reason");
        lua_rawget(L, -4);
        want_reason = lua_tostring(L, -1);
        lua_pop(L, 3); /* the strings stay alive in the table */
    } else {
        failed(t, "%s %s: expect a colour or {status=, assessment=, reason=}", ra->code, item);
        return;
    }
    if (want_colour && strcmp(want_colour, colour))
        failed(t, "%s %s: expected %s, got %s (%s)", ra->code, item, want_colour, colour, reason ? reason : "");
    else if (want_assessment && (!assessment || strcmp(want_assessment, assessment)))
        failed(t, "%s %s: expected assessment %s, got %s (%s)", ra->code, item, want_assessment,
               assessment ? assessment : "none", reason ? reason : "");
    else if (want_reason && (!reason || !strstr(reason, want_reason)))
        failed(t, "%s %s: the reason \"%s\" does not mention \"%s\"", ra->code, item, reason ? reason : "",
               want_reason);
}

/* Reads the case's `areas` (on the stack top, a list of codes) into *out (a new
 * array, NULL-terminated; the strings stay alive in the case table). */
static int case_areas(lua_State *L, const char ***out, size_t *n, err *e)
{
    *out = NULL;
    *n = 0;
    if (lua_type(L, -1) == LUA_TNIL)
        return 0;
    if (lua_type(L, -1) != LUA_TTABLE)
        return err_set(e, ERR_INVALID, "areas must be a list of area codes");
    size_t len = lua_rawlen(L, -1);
    const char **areas = calloc(len + 1, sizeof *areas);
    if (!areas)
        return err_set(e, ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < len; i++) {
        if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TSTRING) {
            lua_pop(L, 1);
            free(areas);
            return err_set(e, ERR_INVALID, "areas[%zu] is not an area code (a string)", i + 1);
        }
        areas[i] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    *out = areas;
    *n = len;
    return 0;
}

/* Checks the expectations of the case (its `expect`, on the stack top) against `r`. */
static void check_expectations(tcase_ctx *t, const result_set *r)
{
    lua_State *L = host_lua(t->h);
    if (lua_type(L, -1) != LUA_TTABLE) {
        failed(t, "the case has no expect table");
        return;
    }
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *code = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
        const res_area *ra = find_area(r, code);
        if (!ra || lua_type(L, -1) != LUA_TTABLE) {
            failed(t, "%s: %s", code, ra ? "expectations must be a table" : "this area was not scored");
        } else {
            lua_pushnil(L);
            while (lua_next(L, -2)) {
                if (lua_type(L, -2) == LUA_TSTRING) {
                    check_item(t, r, ra, lua_tostring(L, -2));
                    t->checks++;
                } else {
                    failed(t, "%s: an expectation is keyed by a %s, not an indicator or outcome id", code,
                           luaL_typename(L, -2));
                }
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
    if (!t->checks && !t->failures)
        failed(t, "the case checks nothing: give at least one expected colour");
}

/* Runs the case on the stack top; returns 0 when it ran (pass or fail), or an error. */
static int run_case(tcase_ctx *t, err *e)
{
    lua_State *L = host_lua(t->h);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return err_set(e, ERR_NOMEM, "out of memory");
    int rc = 0;
    fputs("indicator,area,period,value,numerator,denominator,lower_ci,upper_ci,status,note,breakdown,series_break\n", out);
    lua_pushliteral(L, "data");
    int type = lua_rawget(L, -2);
    if (type == LUA_TTABLE)
        rc = write_data(L, out, e);
    else if (type != LUA_TNIL)
        rc = err_set(e, ERR_INVALID, "data must be a list of observations");
    lua_pop(L, 1);
    if (fclose(out) && !rc)
        rc = err_set(e, ERR_NOMEM, "out of memory");

    store *s = NULL;
    if (!rc)
        rc = store_open(":memory:", &s, e);
    geo_counts counts;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/geography", t->data_dir);
    if (!rc)
        rc = geo_load(s, dir, &counts, e);
    import_report *rep = rc ? NULL : malloc(sizeof *rep);
    if (!rc && !rep)
        rc = err_set(e, ERR_NOMEM, "out of memory");
    if (!rc && (rc = import_csv_text(s, "case.csv", text, len, rep, e)) == ERR_INVALID && rep->listed)
        err_set(e, ERR_INVALID, "the case's data: %s", rep->problem[0]);
    free(rep);
    free(text);

    eval_options o = {NULL, NULL, 0};
    const char **areas = NULL;
    lua_pushliteral(L, "period");
    type = lua_rawget(L, -2);
    if (type == LUA_TSTRING)
        o.period = lua_tostring(L, -1);
    else if (type != LUA_TNIL && !rc)
        rc = err_set(e, ERR_INVALID, "period must be a period label (a string)");
    lua_pop(L, 1); /* the string stays alive in the case table */
    lua_pushliteral(L, "areas");
    lua_rawget(L, -2);
    if (!rc && !(rc = case_areas(L, &areas, &o.nareas, e)) && areas)
        o.areas = areas;
    lua_pop(L, 1);
    result_set *r = NULL;
    if (!rc)
        rc = eval_run(s, t->h, t->f, &o, &r, e);
    free(areas);
    if (!rc) {
        t->failures = 0;
        t->checks = 0;
        lua_pushliteral(L, "expect");
        lua_rawget(L, -2);
        check_expectations(t, r);
        lua_pop(L, 1);
    }
    result_set_free(r);
    store_close(s);
    return rc;
}

int cmd_test(int argc, char **argv)
{
    static const struct option opts[] = {{"cases", required_argument, 0, 'c'},
                                         {"help", no_argument, 0, OPT_HELP},
                                         {0, 0, 0, 0}};
    const char *cases = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        if (c == 'c')
            cases = optarg;
        else if (c == OPT_HELP)
            return fputs(USAGE, stdout), CLI_OK;
        else
            return cli_usage("test", "unknown or incomplete option %s", argv[optind - 1]);
    }
    if (argc - optind != 1)
        return cli_usage("test", "give one framework file");
    char path[4096];
    char *file = cli_framework_file(argv[optind]);
    snprintf(path, sizeof path, "%s", file ? file : argv[optind]);
    free(file);
    char default_cases[4096];
    if (!cases) {
        snprintf(default_cases, sizeof default_cases, "%s", path);
        char *slash = strrchr(default_cases, '/');
        snprintf(slash ? slash + 1 : default_cases,
                 sizeof default_cases - (size_t)(slash ? slash + 1 - default_cases : 0), "tests.lua");
        cases = default_cases;
    }
    err e = {0};
    fw_problems problems = {0};
    framework *f = NULL;
    host *h = cli_sandbox(NULL, &e);
    if (!h)
        return cli_fail(&e);
    if (framework_load(h, path, &f, &problems, &e)) {
        cli_print_problems(&problems);
        fw_problems_free(&problems);
        host_free(h);
        return cli_fail(&e);
    }
    fw_problems_free(&problems);
    lua_State *L = host_lua(h);
    int rc = host_run_file(h, cases, 1, &e);
    if (!rc && lua_type(L, -1) != LUA_TTABLE)
        rc = err_set(&e, ERR_INVALID, "%s: a cases file returns a list of cases", cases);
    tcase_ctx t = {h, f, cli_data_dir(NULL), 0, 0, ""};
    int passed = 0, failed_cases = 0;
    size_t n = rc ? 0 : lua_rawlen(L, -1);
    for (size_t i = 1; !rc && i <= n; i++) {
        char name[200];
        snprintf(name, sizeof name, "case %zu", i);
        err ce = {0};
        if (lua_rawgeti(L, -1, (lua_Integer)i) != LUA_TTABLE) {
            err_set(&ce, ERR_INVALID, "a case is a table {name, period, data, expect}, not a %s", luaL_typename(L, -1));
        } else {
            lua_pushliteral(L, "name");
            if (lua_rawget(L, -2) == LUA_TSTRING)
                text_clean_into(name, sizeof name, lua_tostring(L, -1), lua_rawlen(L, -1));
            lua_pop(L, 1);
            run_case(&t, &ce);
        }
        if (ce.code) {
            failed_cases++;
            printf("FAIL %s: ", name);
            text_fputs_clean(ce.msg, stdout);
            putchar('\n');
        } else if (t.failures) {
            failed_cases++;
            printf("FAIL %s: ", name);
            text_fputs_clean(t.first_failure, stdout);
            printf("%s\n", t.failures > 1 ? " (and more)" : "");
        } else {
            passed++;
            printf("ok   %s\n", name);
        }
        lua_pop(L, 1);
    }
    if (rc) {
        framework_free(f, h);
        host_free(h);
        return cli_fail(&e);
    }
    printf("%d passed, %d failed\n", passed, failed_cases);
    framework_free(f, h);
    host_free(h);
    return failed_cases ? CLI_FAILED : CLI_OK;
}
