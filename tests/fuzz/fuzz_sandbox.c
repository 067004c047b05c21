/* fuzz_sandbox.c - libFuzzer harness: arbitrary text run as a framework chunk in
 * the sandbox, with small limits. Whatever it does, the host must return an
 * error or a result, never crash, and stay usable for the next input. */
#include <stdlib.h>
#include <string.h>

#include "host.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static host *shared;

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size > 4096)
        return 0;
    if (!shared) {
        host_limits limits = {32u << 20, 200000LL, 2.0, 1e9};
        err e = {0};
        shared = host_new(&limits, "rules", &e);
        if (!shared)
            abort();
    }
    char *code = malloc(size + 1);
    memcpy(code, data, size);
    code[size] = '\0';
    lua_State *L = host_lua(shared);
    int top = lua_gettop(L);
    err e = {0};
    host_run_string(shared, code, size, "=fuzz", 1, &e);
    lua_settop(L, top);
    free(code);
    /* the same host still runs code after whatever the input did */
    if (host_run_string(shared, "return 1 + 1", strlen("return 1 + 1"), "=probe", 1, &e) || lua_tointeger(L, -1) != 2)
        abort();
    lua_settop(L, top);
    return 0;
}
