/* read_json.c - a JSON array of observation objects to observation rows. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "reader.h"

/* Formats a JSON number the way a person would have written it: the shortest
 * of %.15g and %.17g that reads back as the same double. */
static void number_text(double v, char *out, size_t n)
{
    snprintf(out, n, "%.15g", v);
    if (strtod(out, NULL) != v)
        snprintf(out, n, "%.17g", v);
}

/* A member's value as text (numbers into `buf`), or NULL for an array or object. */
static const char *member_text(const cJSON *v, char buf[32])
{
    if (cJSON_IsString(v))
        return v->valuestring;
    if (cJSON_IsNull(v))
        return "";
    if (cJSON_IsBool(v))
        return cJSON_IsTrue(v) ? "true" : "false";
    if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
        number_text(v->valuedouble, buf, 32);
        return buf;
    }
    return NULL;
}

int reader_json(const char *text, size_t len, const char *name, const mapping *m, reader_sink sink,
                void *ctx, int *more_pages, err *e)
{
    *more_pages = 0;
    cJSON *root = json_read(text, len, name, e);
    if (!root)
        return e->code;
    int rc = 0;
    /* An OData feed (StatsWales) holds its rows in "value"; "odata.nextLink"
     * says the file is one page and the rest of the dataset is elsewhere. */
    const cJSON *list = root;
    if (cJSON_IsObject(root) && cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(root, "value"))) {
        list = cJSON_GetObjectItemCaseSensitive(root, "value");
        *more_pages = cJSON_GetObjectItemCaseSensitive(root, "odata.nextLink") != NULL;
    } else if (!cJSON_IsArray(root)) {
        rc = err_set(e, ERR_PARSE, "%s: expected an array of observation objects, or an OData feed's \"value\"", name);
    }

    char numbers[OBS_NFIELDS + OBS_MAX_EXTRA][32];
    char where[48];
    long item = 0;
    for (const cJSON *o = list->child; o && !rc; o = o->next) {
        item++;
        snprintf(where, sizeof where, "item %ld", item);
        if (!cJSON_IsObject(o)) {
            rc = err_set(e, ERR_PARSE, "%s: %s: not an object", name, where);
            break;
        }
        obs_text row;
        memset(&row, 0, sizeof row);
        row.where = where;
        for (int f = 0; f < OBS_NFIELDS && !rc; f++) {
            const char *key = m->column[f] ? m->column[f] : obs_field_name(f);
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
            if (!v)
                continue;
            row.column[f] = key;
            if (!(row.field[f] = member_text(v, numbers[f])))
                rc = err_set(e, ERR_PARSE, "%s: %s: field \"%s\" must be a string, number, boolean or null",
                             name, where, key);
        }
        for (size_t k = 0; k < m->nextra && !rc; k++) { /* breakdowns and verdicts, by key */
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, m->extra[k].column);
            if (v && !(row.extra[k] = member_text(v, numbers[OBS_NFIELDS + k])))
                rc = err_set(e, ERR_PARSE, "%s: %s: field \"%s\" must be a string, number, boolean or null",
                             name, where, m->extra[k].column);
            else if (!v && !m->extra[k].optional)
                rc = err_set(e, ERR_PARSE, "%s: %s: no field \"%s\" (a breakdown in the mapping)", name, where,
                             m->extra[k].column);
        }
        if (!rc)
            rc = sink(ctx, &row, e);
    }
    cJSON_Delete(root);
    return rc;
}

const char *reader_sniff(const char *text, size_t len)
{
    size_t i = 0;
    if (len >= 4 && !memcmp(text, "PK\x03\x04", 4))
        return "xlsx";
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        i = 3;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    if (i < len && text[i] == '[')
        return "json";
    if (i < len && text[i] == '{')
        return strstr(text + i, "\"odata.metadata\"") ? "json" : "jsonstat"; /* an OData feed, or JSON-stat */
    return "csv";
}
