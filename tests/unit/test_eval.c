/* test_eval.c - the framework model, the rule bindings and the evaluator, in C,
 * on an in-memory store with the bundled geography and a few rows: what
 * framework_load reads into C, what a rule sees through ctx and ctx.series, and
 * what eval_run decides (colours, computed values, the cohort, the period
 * window, frequencies, comparator kinds, roll-ups). argv[2] is the repository. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "eval.h"
#include "framework.h"
#include "geo.h"
#include "import.h"
#include "sandbox.h"
#include "store.h"

static char dir[] = "/tmp/test_eval.XXXXXX";

/* Writes `text` to dir/name/framework.lua and returns that path (static, one
 * per name used here). */
static const char *framework_file(const char *name, const char *text)
{
    static char paths[4][512];
    static int used;
    char *path = paths[used++ % 4];
    snprintf(path, sizeof paths[0], "%s/%s", dir, name);
    mkdir(path, 0700);
    snprintf(path, sizeof paths[0], "%s/%s/framework.lua", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return path;
}

static const char DATA[] = "indicator,area,period,value,numerator,denominator\n"
                           /* A: years and quarters mixed; Edinburgh 2023/24 = 80 */
                           "A,S37000012,2021/22,70,,\n"
                           "A,S37000012,2022/23,75,,\n"
                           "A,S37000012,2023/24 Q4,5,,\n"
                           "A,S37000012,2023/24,80,,\n"
                           "A,S37000034,2023/24,60,,\n"
                           "A,S92000003,2022/23,72,,\n"
                           /* B: counts only for Glasgow; Scotland's value */
                           "B,S37000012,2023/24,30,300,1000\n"
                           "B,S92000003,2023/24,35,,\n"
                           /* C: too old for 2023/24 */
                           "C,S37000012,2019/20,10,,\n";
/* A file with counts and no value column: Glasgow's B is 450 / 1,000 x 100. */
static const char COUNTS[] = "indicator,area,period,numerator,denominator\n"
                             "B,S37000034,2023/24,450,1000\n";

static const char FRAMEWORK[] =
    "local r = require 'rules'\n"
    "return r.framework {\n"
    "  id = 'unit', version = '1', title = 'Unit', scores = 'hscp', period = 'year', country = 'Scotland',\n"
    "  comparator = 'S92000003', latest_within = '18 months',\n"
    "  rollup = r.rollup.count_summary,\n"
    "  outcomes = {\n"
    "    { id = 'O1', title = 'one', indicators = { 'A', 'B' }, rollup = r.rollup.worst_of },\n"
    "    { id = 'O2', title = 'two', indicators = { 'B', 'C', 'D' },\n"
    "      rollup = r.rollup.weighted { weights = { B = 3 } } },\n"
    "  },\n"
    "  indicators = {\n"
    "    { id = 'A', title = 'a threshold', unit = '%', polarity = 'higher',\n"
    "      rule = r.threshold { green = 78, amber = 70 } },\n"
    "    { id = 'B', title = 'a benchmark', unit = '%', polarity = 'lower', multiplier = 100,\n"
    "      frequency = 'year', rule = r.benchmark { interval = 'wilson' } },\n"
    "    { id = 'C', title = 'old data', unit = '%', polarity = 'lower', rule = r.threshold { green = 5 } },\n"
    /* D reports what the bindings show it: ctx and the series methods */
    "    { id = 'D', title = 'the bindings', unit = '%', polarity = 'higher', series = 'A',\n"
    "      rule = r.custom(function(ctx)\n"
    "        local last = ctx.series:last(5, ctx.point.period)\n"
    "        local periods = {}\n"
    "        for i, p in ipairs(last) do periods[i] = p.period end\n"
    "        return { assessment = 'met', reason = table.concat(periods, ' '),\n"
    "          comparator = 1, comparator_kind = 'target',\n"
    "          details = { area = ctx.area, name = ctx.area_name, period = ctx.period,\n"
    "                      values = ctx.series:values(ctx.point.period), polarity = ctx.polarity } }\n"
    "      end) },\n"
    "  },\n"
    "}\n";

static const res_indicator *result(const result_set *r, const char *area, const char *id)
{
    const framework *f = r->framework;
    for (size_t a = 0; a < r->nareas; a++)
        if (!strcmp(r->areas[a].code, area))
            for (size_t i = 0; i < f->nind; i++)
                if (!strcmp(f->ind[i].id, id))
                    return &r->areas[a].indicators[i];
    return NULL;
}

static const res_area *area_result(const result_set *r, const char *area)
{
    for (size_t a = 0; a < r->nareas; a++)
        if (!strcmp(r->areas[a].code, area))
            return &r->areas[a];
    return NULL;
}

/* One host per framework, as every command uses them. */
static host *new_host(void)
{
    err e = {0};
    host *h = sandbox_new(NULL, NULL, &e);
    if (!h)
        fprintf(stderr, "sandbox_new: %s\n", e.msg);
    return h;
}

/* Loads `path` in a fresh host; NULL (and *h NULL) when it does not load. */
static framework *load(const char *path, host **h)
{
    framework *f = NULL;
    fw_problems pr = {0};
    err e = {0};
    if ((*h = new_host()) != NULL)
        CHECK_INT(framework_load(*h, path, &f, &pr, &e), 0);
    for (size_t k = 0; k < pr.n; k++)
        fprintf(stderr, "unexpected: %s\n", pr.items[k].msg);
    fw_problems_free(&pr);
    if (!f) {
        host_free(*h);
        *h = NULL;
    }
    return f;
}

static void test_model(const char *path)
{
    host *h;
    framework *f = load(path, &h);
    if (!f)
        return;
    CHECK_STR(f->id, "unit");
    CHECK_INT(f->period_type, PERIOD_FY);
    CHECK_INT(f->latest_within, 18);
    CHECK_INT(f->nind, 4);
    CHECK_INT(f->nout, 2);
    CHECK_INT(f->rollup.method, ROLLUP_COUNT);
    CHECK_INT(f->out[0].rollup.method, ROLLUP_WORST_OF);
    CHECK_INT(f->out[1].rollup.method, ROLLUP_WEIGHTED);
    CHECK(framework_weight(&f->out[1].rollup, "B") == 3 && framework_weight(&f->out[1].rollup, "C") == 1);
    CHECK_INT(f->ind[0].polarity, POL_HIGHER);
    CHECK_INT(f->ind[1].polarity, POL_LOWER);
    CHECK(f->ind[1].multiplier == 100);
    CHECK_INT(f->ind[1].frequencies, 1u << PERIOD_FY);
    CHECK_INT(f->ind[0].frequencies, 0);
    CHECK_INT(f->ind[0].latest_within, 18); /* the framework's */
    CHECK_STR(f->ind[3].series, "A");
    CHECK_STR(f->ind[0].method, "threshold");
    CHECK_CONTAINS(f->ind[0].rule_json, "\"method\":\"threshold\"");
    CHECK_CONTAINS(f->ind[0].rule_json, "\"green\":78");
    CHECK_CONTAINS(f->ind[0].where, "unit/framework.lua:13"); /* the line of its rule */
    vocab_colour c = COLOUR_GREY;
    CHECK(framework_colour(f, "met", &c) == 0 && c == COLOUR_GREEN);
    CHECK(framework_colour(f, "worse", &c) == 0 && c == COLOUR_RED);
    CHECK_INT(framework_colour(f, "nonsense", &c), -1);
    framework_free(f, h);
    host_free(h);
}

static void test_mistakes(void)
{
    host *h = new_host();
    if (!h)
        return;
    const char *path = framework_file(
        "mistakes", "local r = require 'rules'\n"
                    "return r.framework { id = 'm', version = '1', title = 'm', scores = 'hscp', period = 'year',\n"
                    "  colour = 'red',\n"
                    "  outcomes = { { id = 'O1', title = 'o', indicators = { 'A' } } },\n"
                    "  indicators = { { id = 'A', title = 'a', polarity = 'hihger',\n"
                    "    rule = r.treshold { green = 1 } } } }\n");
    framework *f = NULL;
    fw_problems pr = {0};
    err e = {0};
    CHECK_INT(framework_load(h, path, &f, &pr, &e), ERR_INVALID);
    CHECK(f == NULL);
    CHECK_INT(pr.errors, 3);
    CHECK_CONTAINS(e.msg, "3 problems");
    int rule = 0, near_polarity = 0, key = 0;
    for (size_t k = 0; k < pr.n; k++) {
        rule |= strstr(pr.items[k].msg, "framework.lua:6: r.treshold is not a rule") &&
                strstr(pr.items[k].msg, "did you mean `r.threshold`?");
        near_polarity |= strstr(pr.items[k].msg, "polarity \"hihger\"") && strstr(pr.items[k].msg, "`higher`");
        key |= strstr(pr.items[k].msg, "unknown key \"colour\"") != NULL;
    }
    CHECK(rule && near_polarity && key);
    fw_problems_free(&pr);
    /* the next load in the same host starts with no stale problems (a test
     * case, or `scorecard test`, loads a second framework in one host) */
    const char *ok = framework_file("fine", "local r = require 'rules'\n"
                                            "return r.framework { id = 'ok', version = '1', title = 'ok', "
                                            "scores = 'hscp', period = 'year',\n"
                                            "  outcomes = { { id = 'O1', title = 'o', indicators = { 'A' } } },\n"
                                            "  indicators = { { id = 'A', title = 'a', polarity = 'higher',\n"
                                            "    rule = r.threshold { green = 1 } } } }\n");
    CHECK_INT(framework_load(h, ok, &f, &pr, &e), 0);
    CHECK_INT(pr.errors, 0);
    for (size_t k = 0; k < pr.n; k++)
        fprintf(stderr, "unexpected: %s\n", pr.items[k].msg);
    fw_problems_free(&pr);
    framework_free(f, h);
    host_free(h);
}

static void test_evaluator(store *s, const char *path)
{
    host *h;
    framework *f = load(path, &h);
    if (!f)
        return;
    err e = {0};
    result_set *r = NULL;
    eval_options all = {"2023/24", NULL, 0, 0};
    CHECK_INT(eval_run(s, h, f, &all, &r, &e), 0);
    if (!r) {
        fprintf(stderr, "eval_run: %s\n", e.msg);
        framework_free(f, h);
        host_free(h);
        return;
    }
    CHECK_INT(r->nareas, 31); /* every current partnership */

    /* A: the year is judged, not the fourth quarter ending the same day */
    const res_indicator *x = result(r, "S37000012", "A");
    CHECK_STR(x->period, "2023/24");
    CHECK(x->value == 80);
    CHECK_STR(vocab_colour_name(x->colour), "green");
    CHECK_INT(x->nhistory, 3); /* years only: 2021/22, 2022/23, 2023/24 */
    CHECK_STR(x->history[0].period, "2021/22");
    /* each point beside Scotland's value for its period, where Scotland has one */
    CHECK(isnan(x->history[0].comparator));
    CHECK(x->history[1].comparator == 72);
    CHECK(x->history[2].value == 80 && x->history[2].start == 20230401 && x->history[2].end == 20240331);
    CHECK_STR(vocab_colour_name(result(r, "S37000034", "A")->colour), "red");
    CHECK_STR(result(r, "S37000001", "A")->assessment, "missing");

    /* B: Glasgow's value comes from its counts; Scotland's is an area comparator */
    x = result(r, "S37000034", "B");
    CHECK(fabs(x->value - 45) < 1e-12);
    CHECK(x->comparator == 35);
    CHECK_INT(x->comparator_kind, CMP_AREA);
    CHECK_STR(x->comparator_area, "S92000003");
    CHECK_STR(x->comparator_name, "Scotland");
    CHECK_STR(x->assessment, "worse");
    CHECK(x->lower < 45 && x->upper > 45); /* the Wilson interval the rule judged */
    CHECK_STR(result(r, "S37000012", "B")->assessment, "better");

    /* C: 2019/20 is more than 18 months before the end of 2023/24 */
    x = result(r, "S37000012", "C");
    CHECK_STR(x->assessment, "not_available");
    CHECK_CONTAINS(x->reason, "the latest is 2019/20");

    /* D: what the bindings gave the rule */
    x = result(r, "S37000012", "D");
    CHECK_STR(x->reason, "2021/22 2022/23 2023/24"); /* ctx.series:last keeps to the year */
    CHECK_INT(x->comparator_kind, CMP_TARGET);
    CHECK(x->comparator_area == NULL);
    CHECK_CONTAINS(x->details, "\"area\":\"S37000012\"");
    CHECK_CONTAINS(x->details, "\"name\":\"Edinburgh\"");
    CHECK_CONTAINS(x->details, "\"values\":[70,75,80]");
    CHECK_CONTAINS(x->details, "\"polarity\":\"higher\"");

    /* roll-ups: worst of A and B; weighted; the area counts its indicators */
    const res_area *edinburgh = area_result(r, "S37000012");
    CHECK_STR(vocab_colour_name(edinburgh->outcomes[0].colour), "green");
    CHECK_STR(edinburgh->reason, "3 green, 0 amber, 0 red, 1 without a colour");
    const res_area *glasgow = area_result(r, "S37000034");
    CHECK_STR(vocab_colour_name(glasgow->outcomes[0].colour), "red");

    /* scoring one area gives it the colours it has among all */
    result_set *one = NULL;
    const char *glasgow_only[] = {"S37000034"};
    eval_options o = {"2023/24", glasgow_only, 1, 0};
    CHECK_INT(eval_run(s, h, f, &o, &one, &e), 0);
    if (one) {
        CHECK_INT(one->nareas, 1);
        for (size_t i = 0; i < f->nind; i++)
            CHECK_INT(one->areas[0].indicators[i].colour, glasgow->indicators[i].colour);
        result_set_free(one);
    }

    /* the default period: the latest, ended by the given day, most indicators reach */
    result_set *dated = NULL;
    eval_options by_day = {NULL, NULL, 0, 20240330};
    CHECK_INT(eval_run(s, h, f, &by_day, &dated, &e), 0);
    if (dated)
        CHECK_STR(dated->period, "2022/23");
    result_set_free(dated);
    eval_options later = {NULL, NULL, 0, 20261202};
    CHECK_INT(eval_run(s, h, f, &later, &dated, &e), 0);
    if (dated)
        CHECK_STR(dated->period, "2023/24");
    result_set_free(dated);
    result_set_free(r);
    framework_free(f, h);
    host_free(h);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_eval REFERENCE_DIR REPOSITORY\n");
        return 2;
    }
    char rules[2048], geography[2048];
    snprintf(rules, sizeof rules, "%s/rules", argv[2]);
    snprintf(geography, sizeof geography, "%s/data/geography", argv[2]);
    setenv("SCORECARD_RULES", rules, 1);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    err e = {0};
    store *s = NULL;
    geo_counts counts;
    CHECK_INT(store_open(":memory:", STORE_CREATE, &s, &e), 0);
    CHECK_INT(geo_load(s, geography, &counts, &e), 0);
    import_report *rep = calloc(1, sizeof *rep);
    CHECK_INT(import_csv_text(s, "unit.csv", DATA, strlen(DATA), rep, &e), 0);
    CHECK_INT(import_csv_text(s, "counts.csv", COUNTS, strlen(COUNTS), rep, &e), 0);
    if (rep && rep->listed)
        fprintf(stderr, "import: %s\n", rep->problem[0]);
    free(rep);
    if (s) {
        const char *path = framework_file("unit", FRAMEWORK);
        test_model(path);
        test_mistakes();
        test_evaluator(s, path);
    }
    store_close(s);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_report("test_eval");
}
