/* json_read.c - strict JSON parsing; see json_read.h. */
#include "json_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Line of byte `pos` in `text`, for messages. */
static long line_at(const char *text, size_t len, const char *pos)
{
    long line = 1;
    for (const char *p = text; p < pos && p < text + len; p++)
        line += *p == '\n';
    return line;
}

/* A \u0000 escape outside a string cannot occur in valid JSON, so any
 * occurrence of the six bytes is one inside a string (or invalid anyway). */
static const char *nul_escape(const char *text, size_t len)
{
    for (const char *p = text; p + 6 <= text + len; p++) {
        p = memchr(p, '\\', (size_t)(text + len - p));
        if (!p || p + 6 > text + len)
            return NULL;
        if (p[1] == '\\') { /* an escaped backslash: the next byte starts afresh */
            p++;
            continue;
        }
        if (p[1] == 'u' && p[2] == '0' && p[3] == '0' && p[4] == '0' && p[5] == '0')
            return p;
    }
    return NULL;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Checks every object below `node` for a repeated key, and every string and
 * key (decoded from \u escapes) for UTF-8. `path` names where node is. */
static int check_tree(const cJSON *node, char *path, size_t cap, const char *name, err *e)
{
    size_t plen = strlen(path);
    if (cJSON_IsString(node) && node->valuestring && text_utf8_check(node->valuestring, strlen(node->valuestring)) >= 0)
        return err_set(e, ERR_PARSE, "%s: %s: a string is not valid UTF-8 (a lone surrogate escape?)", name,
                       plen ? path : "the top level");
    if (!cJSON_IsObject(node) && !cJSON_IsArray(node))
        return 0;
    size_t n = 0;
    for (const cJSON *c = node->child; c; c = c->next)
        n++;
    if (cJSON_IsObject(node) && n > 1) {
        const char **names = malloc(n * sizeof *names);
        if (!names)
            return err_set(e, ERR_NOMEM, "out of memory");
        size_t k = 0;
        for (const cJSON *c = node->child; c; c = c->next)
            names[k++] = c->string ? c->string : "";
        qsort(names, n, sizeof *names, by_name);
        for (k = 1; k < n; k++)
            if (!strcmp(names[k - 1], names[k])) {
                char shown[128];
                text_clean_into(shown, sizeof shown, names[k], strlen(names[k]));
                free(names);
                return err_set(e, ERR_PARSE, "%s: %s: the key \"%s\" appears twice in one object", name,
                               plen ? path : "the top level", shown);
            }
        free(names);
    }
    long index = 0;
    for (const cJSON *c = node->child; c; c = c->next, index++) {
        if (cJSON_IsObject(node) && c->string && text_utf8_check(c->string, strlen(c->string)) >= 0)
            return err_set(e, ERR_PARSE, "%s: %s: a key is not valid UTF-8", name, plen ? path : "the top level");
        if (cJSON_IsObject(node))
            snprintf(path + plen, cap - plen, "%s%.60s", plen ? "." : "", c->string ? c->string : "");
        else
            snprintf(path + plen, cap - plen, "[%ld]", index);
        int rc = check_tree(c, path, cap, name, e);
        path[plen] = '\0';
        if (rc)
            return rc;
    }
    return 0;
}

cJSON *json_read(const char *text, size_t len, const char *name, err *e)
{
    long bad = text_utf8_check(text, len);
    if (bad >= 0) {
        err_set(e, ERR_PARSE, "%s:%ld: %s", name, line_at(text, len, text + bad),
                text[bad] ? "not valid UTF-8 (save the file as UTF-8)" : "a NUL byte");
        return NULL;
    }
    const char *nul = nul_escape(text, len);
    if (nul) {
        err_set(e, ERR_PARSE, "%s:%ld: a string holds a NUL character (\\u0000)", name, line_at(text, len, nul));
        return NULL;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        if (at && at >= text && at <= text + len)
            err_set(e, ERR_PARSE, "%s:%ld: not valid JSON", name, line_at(text, len, at));
        else
            err_set(e, ERR_PARSE, "%s: not valid JSON", name);
        return NULL;
    }
    char path[512] = "";
    if (check_tree(root, path, sizeof path, name, e)) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}
