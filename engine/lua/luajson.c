/* luajson.c - converting Lua values to JSON; see luajson.h. */
#include "luajson.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "text.h"

typedef struct conv {
    lua_State *L;
    size_t left; /* bytes of JSON the value may still take */
    size_t max;
    err *e;
} conv;

/* Takes `n` bytes from the budget; 0 when it is spent (and `e` set). */
static int spend(conv *c, size_t n)
{
    if (n > c->left) {
        err_set(c->e, ERR_LIMIT, "the value is larger than %zu bytes as JSON", c->max);
        c->left = 0;
        return 0;
    }
    c->left -= n;
    return 1;
}

/* ---- strings: every byte kept, as valid JSON ---- */

/* The length of the UTF-8 sequence at s[0..n) when it is well formed and its
 * code point needs no escape in JSON output; 0 otherwise. */
static size_t plain_sequence(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    unsigned v = len == 1 ? c : c & (0xFFu >> (len + 1));
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[k] & 0x3F);
    }
    static const unsigned min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* Writes s[0..n) as a quoted JSON string into a new buffer. Control
 * characters, DEL, C1 controls and bidirectional controls are escaped (\u),
 * so the text is safe on a terminal; bytes that are not UTF-8 become \ufffd. */
static char *quote(const char *str, size_t n, size_t *outlen)
{
    const unsigned char *s = (const unsigned char *)str;
    char *out = malloc(n * 6 + 3); /* the longest escape is six bytes a byte */
    if (!out)
        return NULL;
    size_t k = 0;
    out[k++] = '"';
    for (size_t i = 0; i < n;) {
        unsigned cp = 0;
        size_t len = plain_sequence(s + i, n - i, &cp);
        if (!len) {
            memcpy(out + k, "\\ufffd", 6);
            k += 6;
            i++;
            continue;
        }
        if (cp == '"' || cp == '\\') {
            out[k++] = '\\';
            out[k++] = (char)cp;
        } else if (cp == '\n') {
            out[k++] = '\\', out[k++] = 'n';
        } else if (cp == '\t') {
            out[k++] = '\\', out[k++] = 't';
        } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069)) {
            k += (size_t)snprintf(out + k, 7, "\\u%04x", cp);
        } else {
            memcpy(out + k, s + i, len);
            k += len;
        }
        i += len;
    }
    out[k++] = '"';
    out[k] = '\0';
    *outlen = k;
    return out;
}

static cJSON *string_item(conv *c, const char *s, size_t n)
{
    size_t len;
    char *q = quote(s, n, &len);
    if (!q) {
        err_set(c->e, ERR_NOMEM, "out of memory");
        return NULL;
    }
    cJSON *item = spend(c, len) ? cJSON_CreateRaw(q) : NULL;
    free(q);
    if (!item && c->e->code == ERR_OK)
        err_set(c->e, ERR_NOMEM, "out of memory");
    return item;
}

/* ---- numbers ---- */

/* The shortest form of v that reads back as the same double. */
static void number_text(double v, char *buf, size_t cap)
{
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, cap, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
}

static cJSON *number_item(conv *c, int idx)
{
    lua_State *L = c->L;
    char buf[40];
    if (lua_isinteger(L, idx))
        snprintf(buf, sizeof buf, LUA_INTEGER_FMT, (LUA_INTEGER)lua_tointeger(L, idx));
    else if (!isfinite(lua_tonumber(L, idx)))
        snprintf(buf, sizeof buf, "null");
    else
        number_text(lua_tonumber(L, idx), buf, sizeof buf);
    return spend(c, strlen(buf)) ? cJSON_CreateRaw(buf) : NULL;
}

/* ---- tables ---- */

typedef struct keyed {
    char *key; /* the key as JSON writes it, unquoted, NUL-terminated; owned */
    size_t len;
    cJSON *item;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int d = memcmp(x->key, y->key, n);
    return d ? d : (x->len > y->len) - (x->len < y->len);
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

/* The text of the key at -2 as a JSON object key, cleaned (text.h: a key keeps
 * no NUL or control byte, and two keys that clean alike are caught as
 * duplicates); NULL (with `e` set) when it cannot be one. Never lua_tostring
 * on the key: it would change it in place. */
static char *key_text(conv *c, size_t *len)
{
    lua_State *L = c->L;
    char buf[48];
    switch (lua_type(L, -2)) {
    case LUA_TSTRING: {
        const char *s = lua_tolstring(L, -2, len);
        char *k = text_clean_dup(s, *len);
        *len = k ? strlen(k) : 0;
        return k;
    }
    case LUA_TNUMBER:
        if (lua_isinteger(L, -2))
            snprintf(buf, sizeof buf, LUA_INTEGER_FMT, (LUA_INTEGER)lua_tointeger(L, -2));
        else
            number_text(lua_tonumber(L, -2), buf, sizeof buf);
        break;
    case LUA_TBOOLEAN: snprintf(buf, sizeof buf, "%s", lua_toboolean(L, -2) ? "true" : "false"); break;
    default:
        err_set(c->e, ERR_INVALID, "a table has a key of type %s, which JSON cannot write", lua_typename(L, lua_type(L, -2)));
        return NULL;
    }
    *len = strlen(buf);
    return strdup(buf);
}

static cJSON *convert(conv *c, int idx, int depth);

static cJSON *table_item(conv *c, int idx, int depth)
{
    lua_State *L = c->L;
    if (depth >= LUAJSON_MAX_DEPTH) {
        err_set(c->e, ERR_LIMIT, "a table nested deeper than %d levels (a cycle?)", LUAJSON_MAX_DEPTH);
        return NULL;
    }
    if (!lua_checkstack(L, 4)) {
        err_set(c->e, ERR_NOMEM, "out of Lua stack");
        return NULL;
    }
    lua_Integer n;
    if (is_array(L, idx, &n)) {
        cJSON *arr = spend(c, 2) ? cJSON_CreateArray() : NULL;
        for (lua_Integer i = 1; arr && i <= n; i++) {
            lua_rawgeti(L, idx, i);
            cJSON *item = spend(c, 1) ? convert(c, -1, depth + 1) : NULL;
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
    int failed = !spend(c, 2);
    lua_pushnil(L);
    while (!failed && lua_next(L, idx)) {
        size_t klen = 0;
        char *k = key_text(c, &klen);
        cJSON *item = k && spend(c, klen + 4) ? convert(c, -1, depth + 1) : NULL;
        lua_pop(L, 1);
        if (item && grow(&items, &cap, count + 1, sizeof *items, 16)) {
            err_set(c->e, ERR_NOMEM, "out of memory");
            cJSON_Delete(item);
            item = NULL;
        }
        if (!item) {
            free(k);
            if (c->e->code == ERR_OK)
                err_set(c->e, ERR_NOMEM, "out of memory");
            failed = 1;
            lua_pop(L, 1); /* the key: the traversal stops here */
            break;
        }
        items[count++] = (keyed){k, klen, item};
    }
    if (!failed && count)
        qsort(items, count, sizeof *items, by_key);
    for (size_t i = 1; !failed && i < count; i++)
        if (by_key(&items[i - 1], &items[i]) == 0) {
            char shown[64];
            snprintf(shown, sizeof shown, "%.*s", (int)(items[i].len < 60 ? items[i].len : 60), items[i].key);
            err_set(c->e, ERR_INVALID, "a table has two keys written \"%s\" in JSON (a number and a string?)", shown);
            failed = 1;
        }
    cJSON *obj = failed ? NULL : cJSON_CreateObject();
    for (size_t i = 0; i < count; i++) {
        if (obj)
            cJSON_AddItemToObject(obj, items[i].key, items[i].item);
        else
            cJSON_Delete(items[i].item);
        free(items[i].key);
    }
    free(items);
    return obj;
}

static cJSON *convert(conv *c, int idx, int depth)
{
    lua_State *L = c->L;
    idx = lua_absindex(L, idx);
    switch (lua_type(L, idx)) {
    case LUA_TNIL: return spend(c, 4) ? cJSON_CreateNull() : NULL;
    case LUA_TBOOLEAN: return spend(c, 5) ? cJSON_CreateBool(lua_toboolean(L, idx)) : NULL;
    case LUA_TNUMBER: return number_item(c, idx);
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        return string_item(c, s, n);
    }
    case LUA_TTABLE: return table_item(c, idx, depth);
    default: {
        const char *t = lua_typename(L, lua_type(L, idx));
        return string_item(c, t, strlen(t));
    }
    }
}

cJSON *luajson_from(lua_State *L, int idx, size_t max_bytes, err *e)
{
    err local = {0};
    conv c = {L, max_bytes, max_bytes, e ? e : &local};
    c.e->code = ERR_OK;
    int top = lua_gettop(L);
    cJSON *j = convert(&c, idx, 0);
    lua_settop(L, top);
    if (!j && c.e->code == ERR_OK)
        err_set(c.e, ERR_NOMEM, "out of memory");
    return j;
}
