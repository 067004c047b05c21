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
#include <cjson/cJSON.h>
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

#define TEST_CASES_MAX (64u << 20) /* bytes of a cases file's value as JSON */

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

/* Writes the rows of the case's `data` (a JSON list) as CSV the importer reads. */
static int write_data(const cJSON *data, FILE *out, err *e)
{
    size_t i = 0;
    const cJSON *row;
    cJSON_ArrayForEach(row, data)
    {
        i++;
        if (!cJSON_IsObject(row))
            return err_set(e, ERR_INVALID, "data[%zu] is not a table", i);
        for (int f = 0; f < OBS_NFIELDS; f++) {
            const cJSON *x = cJSON_GetObjectItemCaseSensitive(row, obs_field_name(f));
            char buf[64];
            const char *v = "";
            if (cJSON_IsNumber(x)) { /* as a person would write it: the shortest exact form */
                for (int digits = 15; digits <= 17; digits++) {
                    snprintf(buf, sizeof buf, "%.*g", digits, x->valuedouble);
                    if (strtod(buf, NULL) == x->valuedouble)
                        break;
                }
                v = buf;
            } else if (cJSON_IsString(x)) {
                v = x->valuestring;
            } else if (cJSON_IsBool(x)) {
                v = cJSON_IsTrue(x) ? "yes" : "no";
            }
            if (f)
                fputc(',', out);
            csv_write_field(out, v);
        }
        fputc('\n', out);
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

/* Checks one expectation `want` of `item` in `area`. */
static void check_item(tcase_ctx *t, const res_area *ra, const char *item, const cJSON *want)
{
    const framework *f = t->f;
    const char *colour = NULL, *assessment = NULL, *reason = NULL;
    if (!strcmp(item, "overall")) {
        colour = vocab_colour_name(ra->colour);
        reason = ra->reason;
    }
    for (size_t o = 0; !colour && o < f->nout; o++)
        if (!strcmp(f->out[o].id, item)) {
            colour = vocab_colour_name(ra->outcomes[o].colour);
            reason = ra->outcomes[o].reason;
        }
    for (size_t i = 0; !colour && i < f->nind; i++)
        if (!strcmp(f->ind[i].id, item)) {
            colour = vocab_colour_name(ra->indicators[i].colour);
            assessment = ra->indicators[i].assessment;
            reason = ra->indicators[i].reason;
        }
    if (!colour) {
        failed(t, "%s: \"%s\" is not an indicator, an outcome or \"overall\"", ra->code, item);
        return;
    }
    const char *want_colour = NULL, *want_assessment = NULL, *want_reason = NULL;
    if (cJSON_IsString(want)) {
        want_colour = want->valuestring;
    } else if (cJSON_IsObject(want)) {
        /* A misspelt key (staus = "red") would otherwise assert nothing and pass. */
        const cJSON *k;
        cJSON_ArrayForEach(k, want)
        {
            const char **slot = !strcmp(k->string, "status")       ? &want_colour
                                : !strcmp(k->string, "assessment") ? &want_assessment
                                : !strcmp(k->string, "reason")     ? &want_reason
                                                                   : NULL;
            if (!slot) {
                failed(t, "%s %s: \"%s\" is not status, assessment or reason", ra->code, item, k->string);
                return;
            }
            if (!cJSON_IsString(k) || !*k->valuestring) {
                failed(t, "%s %s: %s must be non-empty text", ra->code, item, k->string);
                return;
            }
            *slot = k->valuestring;
        }
        if (!want_colour && !want_assessment && !want_reason) {
            failed(t, "%s %s: the expectation asserts nothing: give a status, assessment or reason", ra->code,
                   item);
            return;
        }
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

/* An empty Lua table converts to an empty JSON array or object alike. */
static int is_list(const cJSON *x)
{
    return cJSON_IsArray(x) || (cJSON_IsObject(x) && !x->child);
}

/* Reads the case's `areas` (a list of codes, or absent) into *out (a new
 * array; the strings stay alive in the case). */
static int case_areas(const cJSON *list, const char ***out, size_t *n, err *e)
{
    *out = NULL;
    *n = 0;
    if (!list)
        return 0;
    if (!is_list(list))
        return err_set(e, ERR_INVALID, "areas must be a list of area codes");
    size_t len = (size_t)cJSON_GetArraySize(list);
    const char **areas = calloc(len + 1, sizeof *areas);
    if (!areas)
        return err_set(e, ERR_NOMEM, "out of memory");
    size_t i = 0;
    const cJSON *code;
    cJSON_ArrayForEach(code, list)
    {
        if (!cJSON_IsString(code)) {
            free(areas);
            return err_set(e, ERR_INVALID, "areas[%zu] is not an area code (a string)", i + 1);
        }
        areas[i++] = code->valuestring;
    }
    *out = areas;
    *n = len;
    return 0;
}

/* Checks the case's `expect` against `r`. */
static void check_expectations(tcase_ctx *t, const result_set *r, const cJSON *expect)
{
    if (!cJSON_IsObject(expect) || !expect->child) {
        failed(t, "the case has no expect table");
        return;
    }
    const cJSON *per_area;
    cJSON_ArrayForEach(per_area, expect)
    {
        const char *code = per_area->string;
        const res_area *ra = find_area(r, code);
        if (!ra || !cJSON_IsObject(per_area)) {
            failed(t, "%s: %s", code, ra ? "expectations must be a table" : "this area was not scored");
            continue;
        }
        if (!per_area->child) {
            failed(t, "%s: the case expects nothing of this area: give at least one expected colour", code);
            continue;
        }
        const cJSON *want;
        cJSON_ArrayForEach(want, per_area)
        {
            check_item(t, ra, want->string, want);
            t->checks++;
        }
    }
    if (!t->checks && !t->failures)
        failed(t, "the case checks nothing: give at least one expected colour");
}

/* Runs one case; returns 0 when it ran (pass or fail), or an error. */
static int run_case(tcase_ctx *t, const cJSON *tc, err *e)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return err_set(e, ERR_NOMEM, "out of memory");
    int rc = 0;
    obs_write_csv_header(out);
    const cJSON *data = cJSON_GetObjectItemCaseSensitive(tc, "data");
    if (is_list(data))
        rc = write_data(data, out, e);
    else if (data)
        rc = err_set(e, ERR_INVALID, "data must be a list of observations");
    if (fclose(out) && !rc)
        rc = err_set(e, ERR_NOMEM, "out of memory");

    store *s = NULL;
    if (!rc)
        rc = store_open(":memory:", STORE_CREATE, &s, e);
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

    eval_options o = {NULL, NULL, 0, 0};
    if (!rc)
        rc = cli_today(&o.today, e);
    const char **areas = NULL;
    const cJSON *label = cJSON_GetObjectItemCaseSensitive(tc, "period");
    if (cJSON_IsString(label))
        o.period = label->valuestring;
    else if (label && !rc)
        rc = err_set(e, ERR_INVALID, "period must be a period label (a string)");
    if (!rc && !(rc = case_areas(cJSON_GetObjectItemCaseSensitive(tc, "areas"), &areas, &o.nareas, e)) && areas)
        o.areas = areas;
    result_set *r = NULL;
    if (!rc)
        rc = eval_run(s, t->h, t->f, &o, &r, e);
    free(areas);
    if (!rc) {
        t->failures = 0;
        t->checks = 0;
        check_expectations(t, r, cJSON_GetObjectItemCaseSensitive(tc, "expect"));
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
    cJSON *list = NULL;
    int rc = sandbox_run_file_json(h, cases, TEST_CASES_MAX, &list, &e);
    if (!rc && !is_list(list))
        rc = err_set(&e, ERR_INVALID, "%s: a cases file returns a list of cases", cases);
    if (!rc && !list->child) /* zero cases would print "0 passed, 0 failed" and exit 0 */
        rc = err_set(&e, ERR_INVALID, "%s: the cases file has no cases", cases);
    tcase_ctx t = {h, f, cli_data_dir(NULL), 0, 0, ""};
    int passed = 0, failed_cases = 0;
    size_t i = 0;
    const cJSON *tc, *todo = rc ? NULL : list;
    cJSON_ArrayForEach(tc, todo)
    {
        char name[200];
        snprintf(name, sizeof name, "case %zu", ++i);
        err ce = {0};
        if (!cJSON_IsObject(tc)) {
            err_set(&ce, ERR_INVALID, "a case is a table {name, period, data, expect}, not a %s",
                    cJSON_IsString(tc) ? "string" : cJSON_IsNumber(tc) ? "number" : "list or other value");
        } else {
            const char *given = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(tc, "name"));
            if (given)
                text_clean_into(name, sizeof name, given, strlen(given));
            run_case(&t, tc, &ce);
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
    }
    cJSON_Delete(list);
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
