/* fuzz_rule.c - libFuzzer harness: arbitrary text as the body of a rule's
 * assess function, in a framework evaluated over a small store. This reaches
 * what fuzz_sandbox cannot: ctx and its series handles, the evaluator reading
 * what a rule returns (assessment, status, reason, details), the conversion of
 * details to JSON and the charging of what is kept. The run must end with
 * results or an error, never a crash, whatever the body returns or keeps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "framework.h"
#include "import.h"
#include "sandbox.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static store *data_store;
static char dir[] = "/tmp/scorecard-fuzz-rule-XXXXXX";
static char path[sizeof dir + 32];

static const char PREFIX[] = "local r = require \"rules\"\n"
                             "local function assess(ctx)\n";
static const char SUFFIX[] = "\nend\n"
                             "return r.framework { id = \"fuzz\", version = \"1\", title = \"fuzz\", scores = \"hscp\",\n"
                             "  period = \"year\", comparator = \"S92000003\",\n"
                             "  outcomes = { { id = \"O\", title = \"o\", indicators = { \"NI-1\", \"NI-2\" } } },\n"
                             "  indicators = {\n"
                             "    { id = \"NI-1\", title = \"one\", unit = \"%\", polarity = \"higher\", rule = r.custom(assess) },\n"
                             "    { id = \"NI-2\", title = \"two\", unit = \"%\", polarity = \"lower\", series = \"NI-1\",\n"
                             "      rule = r.custom(assess) } } }\n";

static void cleanup(void)
{
    unlink(path);
    rmdir(dir);
}

static void setup(void)
{
    err e = {0};
    if (store_open(":memory:", STORE_CREATE, &data_store, &e) || !mkdtemp(dir))
        abort();
    atexit(cleanup);
    snprintf(path, sizeof path, "%s/framework.lua", dir);
    store_area areas[] = {{"S37000012", "Edinburgh", "hscp", "Scotland", NULL, NULL, NULL, NULL},
                          {"S37000034", "Glasgow", "hscp", "Scotland", NULL, NULL, NULL, NULL},
                          {"S92000003", "Scotland", "country", "Scotland", NULL, NULL, NULL, NULL}};
    for (size_t i = 0; i < 3; i++)
        if (store_put_area(data_store, &areas[i], &e))
            abort();
    static const char rows[] = "indicator,area,period,value,numerator,denominator,lower_ci,upper_ci\n"
                               "NI-1,S37000012,2021/22,71.5,715,1000,68,74\n"
                               "NI-1,S37000012,2022/23,73.0,730,1000,70,76\n"
                               "NI-1,S37000034,2022/23,65,650,1000,62,68\n"
                               "NI-1,S92000003,2022/23,70,,,69,71\n";
    import_report report;
    if (import_csv_text(data_store, "fuzz.csv", rows, sizeof rows - 1, &report, &e))
        abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size > 4096)
        return 0;
    if (!data_store)
        setup();
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(PREFIX, 1, sizeof PREFIX - 1, f);
    fwrite(data, 1, size, f);
    fwrite(SUFFIX, 1, sizeof SUFFIX - 1, f);
    fclose(f);
    host_limits limits = {32u << 20, 200000LL, 1.0, 3.0};
    err e = {0};
    host *h = sandbox_new(NULL, &limits, &e);
    if (!h)
        abort();
    fw_problems problems = {0};
    framework *fw = NULL;
    if (framework_load(h, path, &fw, &problems, &e) == 0) {
        eval_options o = {"2022/23", NULL, 0, 20240101};
        result_set *r = NULL;
        if (eval_run(data_store, h, fw, &o, &r, &e) == 0 && r->nareas == 0)
            abort();
        result_set_free(r);
        /* a second run with the same host: handles kept from the first must be refused */
        if (eval_run(data_store, h, fw, &o, &r, &e) == 0)
            result_set_free(r);
    }
    framework_free(fw, h);
    fw_problems_free(&problems);
    host_free(h);
    return 0;
}
