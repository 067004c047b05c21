/* luajson.c - converting Lua values to JSON with raw table access. */
#include "luajson.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LUAJSON_MAX_DEPTH 64

typedef struct keyed {
    char *key;
    cJSON *item;
} keyed;

static int by_key(const void *a, const void *b)
{
    const char *x = ((const keyed *)a)->key, *y = ((const keyed *)b)->key;
    return strcmp(x ? x : "", y ? y : "");
}

/* Is the table at idx a sequence 1..n with nothing else (n >= 1)? */
static int is_array(lua_State *L, int idx, lua_Integer *n)
{
    lua_Integer count = 0, max = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1) {
            lua_pop(L, 1);
            return 0;
        }
        lua_Integer k = lua_tointeger(L, -1);
        if (k > max)
            max = k;
        count++;
    }
    *n = max;
    return count > 0 && count == max;
}

static cJSON *convert(lua_State *L, int idx, int depth, err *e)
{
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TNIL: return cJSON_CreateNull();
    case LUA_TBOOLEAN: return cJSON_CreateBool(lua_toboolean(L, idx));
    case LUA_TNUMBER: {
        if (lua_isinteger(L, idx)) {
            char buf[32];
            snprintf(buf, sizeof buf, LUA_INTEGER_FMT, (LUA_INTEGER)lua_tointeger(L, idx));
            return cJSON_CreateRaw(buf);
        }
        double v = lua_tonumber(L, idx);
        if (!isfinite(v))
            return cJSON_CreateNull();
        /* the shortest form that reads back as the same double */
        char buf[40];
        for (int digits = 15; digits <= 17; digits++) {
            snprintf(buf, sizeof buf, "%.*g", digits, v);
            if (strtod(buf, NULL) == v)
                break;
        }
        return cJSON_CreateRaw(buf);
    }
    case LUA_TSTRING: return cJSON_CreateString(lua_tostring(L, idx));
    case LUA_TTABLE: break;
    default: return cJSON_CreateString(lua_typename(L, lua_type(L, idx)));
    }
    if (depth >= LUAJSON_MAX_DEPTH) {
        err_set(e, ERR_LIMIT, "a table nested deeper than %d levels (a cycle?)", LUAJSON_MAX_DEPTH);
        return NULL;
    }
    if (!lua_checkstack(L, 4)) {
        err_set(e, ERR_NOMEM, "out of Lua stack");
        return NULL;
    }
    lua_Integer n;
    if (is_array(L, idx, &n)) {
        cJSON *arr = cJSON_CreateArray();
        for (lua_Integer i = 1; arr && i <= n; i++) {
            lua_rawgeti(L, idx, i);
            cJSON *item = convert(L, -1, depth + 1, e);
            lua_pop(L, 1);
            if (!item) {
                cJSON_Delete(arr);
                return NULL;
            }
            cJSON_AddItemToArray(arr, item);
        }
        return arr;
    }
    /* Keys sorted: Lua's iteration order varies from state to state (string hashes are
     * seeded), and stored results must read the same for the same inputs. */
    size_t count = 0, cap = 0;
    keyed *items = NULL;
    int failed = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        char key[64];
        const char *k;
        if (lua_type(L, -2) == LUA_TSTRING) {
            k = lua_tostring(L, -2);
        } else if (lua_type(L, -2) == LUA_TNUMBER) {
            snprintf(key, sizeof key, "%.17g", lua_tonumber(L, -2)); /* no lua_tostring: it would change the key */
            k = key;
        } else {
            snprintf(key, sizeof key, "%s", lua_typename(L, lua_type(L, -2)));
            k = key;
        }
        cJSON *item = failed ? NULL : convert(L, -1, depth + 1, e);
        lua_pop(L, 1);
        if (!item) {
            failed = 1;
            continue;
        }
        if (count == cap) {
            cap = cap ? cap * 2 : 16;
            keyed *grown = realloc(items, cap * sizeof *grown);
            if (!grown) {
                cJSON_Delete(item);
                failed = 1;
                continue;
            }
            items = grown;
        }
        items[count].key = strdup(k);
        items[count++].item = item;
    }
    cJSON *obj = failed ? NULL : cJSON_CreateObject();
    if (count)
        qsort(items, count, sizeof *items, by_key);
    for (size_t i = 0; i < count; i++) {
        if (obj && items[i].key)
            cJSON_AddItemToObject(obj, items[i].key, items[i].item);
        else
            cJSON_Delete(items[i].item);
        free(items[i].key);
    }
    free(items);
    return obj;
}

cJSON *luajson_from(lua_State *L, int idx, err *e)
{
    cJSON *j = convert(L, idx, 0, e);
    if (!j && e && e->code == ERR_OK)
        err_set(e, ERR_NOMEM, "out of memory");
    return j;
}
