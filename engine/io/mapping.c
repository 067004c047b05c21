/* mapping.c - building column mappings from JSON files and command-line options. */
#include "mapping.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "json_read.h"
#include "text.h"

/* The GSS and R conventions in data-conventions §3: what each marker means. */
static const mapping_marker DEFAULT_MARKERS[] = {
    {"", OBS_MISSING},     {"NA", OBS_MISSING},       {".", OBS_MISSING},   {":", OBS_MISSING},
    {"x", OBS_MISSING},    {"-", OBS_MISSING},        {"[x]", OBS_MISSING}, {"[z]", OBS_MISSING},
    {"*", OBS_SUPPRESSED}, {"..", OBS_SUPPRESSED},    {"c", OBS_SUPPRESSED}, {"[c]", OBS_SUPPRESSED},
};

void mapping_init(mapping *m)
{
    memset(m, 0, sizeof *m);
    m->header_rows = 1;
    m->quarters = QUARTERS_FY;
}

void mapping_release(mapping *m)
{
    for (int f = 0; f < OBS_NFIELDS; f++) {
        free(m->column[f]);
        free(m->fixed[f]);
        free(m->if_blank[f]);
    }
    for (size_t i = 0; i < m->nwide; i++) {
        free(m->wide[i].indicator);
        free(m->wide[i].column);
    }
    free(m->wide);
    for (size_t i = 0; i < m->nmarkers; i++)
        free(m->markers[i].token);
    free(m->markers);
    mapping_init(m);
}

static int replace(char **slot, const char *value, err *e)
{
    char *copy = strdup(value);
    if (!copy)
        return err_set(e, ERR_NOMEM, "out of memory");
    free(*slot);
    *slot = copy;
    return 0;
}

static int field_or_error(const char *name, err *e)
{
    int f = obs_field_by_name(name);
    if (f < 0)
        return err_set(e, ERR_USAGE,
                       "\"%s\" is not a field (fields: indicator, area, period, value, numerator, "
                       "denominator, lower_ci, upper_ci, status, note, breakdown, series_break)",
                       name);
    return f;
}

/* Splits `NAME=VALUE` at the first '=' into a field number and the value. */
static int split_assignment(const char *a, const char *what, int *field, const char **value, err *e)
{
    const char *eq = strchr(a, '=');
    if (!eq || eq == a)
        return err_set(e, ERR_USAGE, "%s \"%s\" should look like FIELD=%s", what, a,
                       strcmp(what, "--map") ? "VALUE" : "COLUMN");
    char name[64];
    size_t n = (size_t)(eq - a);
    if (n >= sizeof name)
        return err_set(e, ERR_USAGE, "%s \"%s\": field name too long", what, a);
    memcpy(name, a, n);
    name[n] = '\0';
    int f = field_or_error(name, e);
    if (f < 0)
        return f;
    *field = f;
    *value = eq + 1;
    return 0;
}

int mapping_set_column(mapping *m, const char *a, err *e)
{
    int f = -1;
    const char *v = NULL;
    int rc = split_assignment(a, "--map", &f, &v, e);
    return rc ? rc : replace(&m->column[f], v, e);
}

int mapping_set_fixed(mapping *m, const char *a, err *e)
{
    int f = -1;
    const char *v = NULL;
    int rc = split_assignment(a, "--set", &f, &v, e);
    return rc ? rc : replace(&m->fixed[f], v, e);
}

static int add_marker(mapping *m, const char *token, const char *status, err *e)
{
    obs_status s;
    if (obs_status_parse(status, &s) || (s != OBS_MISSING && s != OBS_SUPPRESSED))
        return err_set(e, ERR_USAGE, "marker \"%s\": status must be missing or suppressed, not \"%s\"",
                       token, status);
    if (grow(&m->markers, &m->markers_cap, m->nmarkers + 1, sizeof *m->markers, 8))
        return err_set(e, ERR_NOMEM, "out of memory");
    m->markers[m->nmarkers].token = strdup(token);
    if (!m->markers[m->nmarkers].token)
        return err_set(e, ERR_NOMEM, "out of memory");
    m->markers[m->nmarkers++].status = s;
    return 0;
}

int mapping_set_marker(mapping *m, const char *a, err *e)
{
    const char *eq = strrchr(a, '=');
    if (!eq)
        return err_set(e, ERR_USAGE, "--marker \"%s\" should look like TOKEN=missing or TOKEN=suppressed", a);
    char token[64];
    size_t n = (size_t)(eq - a);
    if (n >= sizeof token)
        return err_set(e, ERR_USAGE, "--marker \"%s\": token too long", a);
    memcpy(token, a, n);
    token[n] = '\0';
    return add_marker(m, token, eq + 1, e);
}

int mapping_set_quarters(mapping *m, const char *kind, err *e)
{
    if (!strcmp(kind, "fy"))
        m->quarters = QUARTERS_FY;
    else if (!strcmp(kind, "calendar"))
        m->quarters = QUARTERS_CALENDAR;
    else
        return err_set(e, ERR_USAGE, "quarters must be \"fy\" or \"calendar\", not \"%s\"", kind);
    return 0;
}

int mapping_is_marker(const mapping *m, const char *text, obs_status *status)
{
    for (size_t i = m->nmarkers; i-- > 0;)
        if (!strcmp(m->markers[i].token, text)) {
            *status = m->markers[i].status;
            return 1;
        }
    for (size_t i = 0; i < sizeof DEFAULT_MARKERS / sizeof *DEFAULT_MARKERS; i++)
        if (!strcmp(DEFAULT_MARKERS[i].token, text)) {
            *status = DEFAULT_MARKERS[i].status;
            return 1;
        }
    return 0;
}

/* Reads an object of field -> string into one of the per-field tables. */
static int load_field_table(char **table, const cJSON *obj, const char *path, const char *key, err *e)
{
    if (!obj)
        return 0;
    if (!cJSON_IsObject(obj))
        return err_set(e, ERR_PARSE, "%s: \"%s\" must be an object of field names to strings", path, key);
    for (const cJSON *it = obj->child; it; it = it->next) {
        int f = field_or_error(it->string, e);
        if (f < 0)
            return err_prefix(e, "%s: \"%s\"", path, key);
        if (!cJSON_IsString(it))
            return err_set(e, ERR_PARSE, "%s: \"%s\".\"%s\" must be a string", path, key, it->string);
        int rc = replace(&table[f], it->valuestring, e);
        if (rc)
            return rc;
    }
    return 0;
}

static int load_wide(mapping *m, const cJSON *obj, const char *path, err *e)
{
    if (!obj)
        return 0;
    if (!cJSON_IsObject(obj))
        return err_set(e, ERR_PARSE, "%s: \"wide\" must be an object of indicator ids to columns", path);
    for (const cJSON *it = obj->child; it; it = it->next) {
        if (!cJSON_IsString(it))
            return err_set(e, ERR_PARSE, "%s: \"wide\".\"%s\" must be a column name or \"#N\"", path,
                           it->string);
        if (grow(&m->wide, &m->wide_cap, m->nwide + 1, sizeof *m->wide, 8))
            return err_set(e, ERR_NOMEM, "out of memory");
        mapping_wide *w = &m->wide[m->nwide];
        w->indicator = strdup(it->string);
        w->column = strdup(it->valuestring);
        if (!w->indicator || !w->column) {
            free(w->indicator);
            free(w->column);
            return err_set(e, ERR_NOMEM, "out of memory");
        }
        m->nwide++;
    }
    return 0;
}

int mapping_load_file(mapping *m, const char *path, err *e)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return err_set(e, ERR_IO, "%s: cannot open", path);
    size_t len;
    char *text = text_read_all(f, path, 1 << 20, &len, e);
    fclose(f);
    if (!text)
        return e->code;
    cJSON *root = json_read(text, len, path, e);
    free(text);
    if (!root)
        return e->code;
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return err_set(e, ERR_PARSE, "%s: not a JSON object (see docs/scorecard.md, \"Mapping files\")", path);
    }
    static const char *const known[] = {"description", "columns", "fixed", "if_blank", "wide",
                                        "markers", "header_rows", "quarters", "source", NULL};
    int rc = 0;
    for (const cJSON *it = root->child; it && !rc; it = it->next) {
        int ok = 0;
        for (int i = 0; known[i]; i++)
            ok |= !strcmp(it->string, known[i]);
        if (!ok)
            rc = err_set(e, ERR_PARSE, "%s: unknown key \"%s\"", path, it->string);
    }
    if (!rc)
        rc = load_field_table(m->column, cJSON_GetObjectItemCaseSensitive(root, "columns"), path, "columns", e);
    if (!rc)
        rc = load_field_table(m->fixed, cJSON_GetObjectItemCaseSensitive(root, "fixed"), path, "fixed", e);
    if (!rc)
        rc = load_field_table(m->if_blank, cJSON_GetObjectItemCaseSensitive(root, "if_blank"), path,
                              "if_blank", e);
    if (!rc)
        rc = load_wide(m, cJSON_GetObjectItemCaseSensitive(root, "wide"), path, e);
    const cJSON *markers = cJSON_GetObjectItemCaseSensitive(root, "markers");
    if (!rc && markers) {
        if (!cJSON_IsObject(markers))
            rc = err_set(e, ERR_PARSE, "%s: \"markers\" must be an object of tokens to statuses", path);
        for (const cJSON *it = markers->child; it && !rc; it = it->next) {
            if (!cJSON_IsString(it))
                rc = err_set(e, ERR_PARSE, "%s: marker \"%s\" must map to \"missing\" or \"suppressed\"", path,
                             it->string);
            else if ((rc = add_marker(m, it->string, it->valuestring, e)))
                err_prefix(e, "%s", path);
        }
    }
    const cJSON *rows = cJSON_GetObjectItemCaseSensitive(root, "header_rows");
    if (!rc && rows) {
        if (!cJSON_IsNumber(rows) || rows->valuedouble < 0 || rows->valuedouble > 100 ||
            rows->valuedouble != (int)rows->valuedouble)
            rc = err_set(e, ERR_PARSE, "%s: \"header_rows\" must be a whole number from 0 to 100", path);
        else
            m->header_rows = rows->valueint;
    }
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(root, "quarters");
    if (!rc && q) {
        if (!cJSON_IsString(q) || (rc = mapping_set_quarters(m, q->valuestring, e)))
            rc = err_set(e, ERR_PARSE, "%s: \"quarters\" must be \"fy\" or \"calendar\"", path);
    }
    cJSON_Delete(root);
    return rc;
}
