/* fuzz_sandbox.c - libFuzzer harness: arbitrary text run as a chunk in the
 * sandbox frameworks get, with every library a rule can reach: the rule
 * library, stats, data.series over a small store, scorecard.mark. Small limits
 * make the fuzzer find the paths where C work escapes them. Whatever the input
 * does, the host must return an error or a result, never crash (the harness
 * is built with AddressSanitizer and UBSan), and stay usable for the next. */
#include <stdlib.h>
#include <string.h>

#include "host_lua.h"
#include "import.h"
#include "luajson.h"
#include "sandbox.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static host *shared;
static store *data_store;

/* A store with two areas and a short series, so data.series returns points. */
static store *small_store(void)
{
    err e = {0};
    store *s = NULL;
    if (store_open(":memory:", STORE_CREATE, &s, &e))
        abort();
    store_area areas[] = {{"S37000012", "Edinburgh", "hscp", "Scotland", NULL, NULL, NULL, NULL},
                          {"S92000003", "Scotland", "country", "Scotland", NULL, NULL, NULL, NULL}};
    for (size_t i = 0; i < 2; i++)
        if (store_put_area(s, &areas[i], &e))
            abort();
    static const char rows[] = "indicator,area,period,value,numerator,denominator,status,note\n"
                               "NI-1,S37000012,2021/22,71.5,715,1000,,\n"
                               "NI-1,S37000012,2022/23,73.0,730,1000,provisional,\"a note\"\n"
                               "NI-1,S92000003,2022/23,,,,suppressed,\n";
    import_report report;
    if (import_csv_text(s, "fuzz.csv", rows, sizeof rows - 1, &report, &e))
        abort();
    return s;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size > 4096)
        return 0;
    if (!shared) {
        host_limits limits = {32u << 20, 200000LL, 2.0, 1e9};
        err e = {0};
        data_store = small_store();
        shared = sandbox_new(data_store, &limits, &e);
        if (!shared)
            abort();
    }
    lua_State *L = host_lua(shared);
    int top = lua_gettop(L);
    err e = {0};
    if (host_run_string(shared, (const char *)data, size, "=fuzz", 1, &e) == 0) {
        cJSON *j = luajson_from(L, -1, 1u << 20, &e); /* what eval would print */
        cJSON_Delete(j);
    }
    lua_settop(L, top);
    /* the same host still runs code after whatever the input did */
    if (host_run_string(shared, "return 1 + 1", 12, "=probe", 1, &e) || lua_tointeger(L, -1) != 2)
        abort();
    lua_settop(L, top);
    return 0;
}
