/* mapping.c - building column mappings from JSON files and command-line options. */
#include "mapping.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "json_read.h"
#include "sha256.h"
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
    m->parts.column = -1;
    m->periods = (period_convention){QUARTERS_FY, YEAR_PAIRS_FY, DAYS_ARE_DAYS};
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
    for (size_t i = 0; i < m->nbreakdowns; i++) {
        free(m->breakdowns[i].name);
        for (size_t k = 0; k < m->breakdowns[i].nall; k++)
            free(m->breakdowns[i].all[k]);
        free(m->breakdowns[i].all);
    }
    for (size_t i = 0; i < m->nstatuses; i++)
        free(m->statuses[i].code);
    free(m->statuses);
    for (size_t i = 0; i < m->npublished; i++)
        free(m->published[i].against);
    for (size_t i = 0; i < m->nextra; i++)
        free(m->extra[i].column);
    for (size_t i = 0; i < m->nfilters; i++) {
        for (size_t k = 0; k < m->filters[i].nvalues; k++)
            free(m->filters[i].values[k]);
        free(m->filters[i].values);
    }
    for (size_t i = 0; i < m->parts.nparts; i++)
        free(m->parts.part[i].name);
    free(m->sheet);
    free(m->header_with);
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
    if (f >= 0)
        return f;
    char list[400] = "";
    for (int k = 0; k < OBS_NFIELDS; k++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", obs_field_name(k));
    return err_set(e, ERR_USAGE, "\"%s\" is not a field (fields: %s)", name, list);
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
    if (m->parts.column >= 0 && !strncmp(a, "value=", 6))
        return err_set(e, ERR_USAGE, "--set value: the mapping's \"parts\" read each figure from the value column");
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
        m->periods.quarters = QUARTERS_FY;
    else if (!strcmp(kind, "calendar"))
        m->periods.quarters = QUARTERS_CALENDAR;
    else
        return err_set(e, ERR_USAGE, "quarters must be \"fy\" or \"calendar\", not \"%s\"", kind);
    return 0;
}

int mapping_set_sheet(mapping *m, const char *name, err *e)
{
    if (!*name)
        return err_set(e, ERR_USAGE, "a sheet's name cannot be empty");
    return replace(&m->sheet, name, e);
}

int mapping_set_year_pairs(mapping *m, const char *kind, err *e)
{
    if (period_pairs_parse(kind, &m->periods.pairs))
        return err_set(e, ERR_USAGE, "year_pairs must be \"fy\" (2022-23 is the financial year 2022/23) or "
                       "\"pooled\" (the calendar years 2022 and 2023), not \"%s\"", kind);
    return 0;
}

/* The index of a new extra column `column`; a negative ERR_* when full. */
static int add_extra(mapping *m, const char *column, int optional, const char *role, const char *path, err *e)
{
    if (m->nextra == OBS_MAX_EXTRA)
        return err_set(e, ERR_PARSE, "%s: more than %d breakdown and verdict columns", path, OBS_MAX_EXTRA);
    if (!(m->extra[m->nextra].column = strdup(column)))
        return err_set(e, ERR_NOMEM, "out of memory");
    m->extra[m->nextra].optional = optional;
    m->extra[m->nextra].role = role;
    return (int)m->nextra++;
}

static int all_strings(const cJSON *list)
{
    for (const cJSON *v = list->child; v; v = v->next)
        if (!cJSON_IsString(v))
            return 0;
    return 1;
}

/* "breakdowns": [{"name": "sex", "column": "Sex"}, {"name_from": "Category Type", "column": "Category"}] */
static int load_breakdowns(mapping *m, const cJSON *list, const char *path, err *e)
{
    if (!list)
        return 0;
    if (!cJSON_IsArray(list))
        return err_set(e, ERR_PARSE, "%s: \"breakdowns\" must be a list of {\"name\" or \"name_from\", \"column\"}",
                       path);
    const cJSON *it;
    cJSON_ArrayForEach(it, list)
    {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(it, "name");
        const cJSON *from = cJSON_GetObjectItemCaseSensitive(it, "name_from");
        const cJSON *col = cJSON_GetObjectItemCaseSensitive(it, "column");
        int n = m->nbreakdowns < OBS_MAX_DIMS ? (int)m->nbreakdowns : -1;
        if (n < 0)
            return err_set(e, ERR_PARSE, "%s: more than %d breakdown dimensions", path, OBS_MAX_DIMS);
        const cJSON *all = cJSON_GetObjectItemCaseSensitive(it, "all");
        int ok = cJSON_IsObject(it) && cJSON_GetArraySize(it) == 2 + (all != NULL) && cJSON_IsString(col) &&
                 *col->valuestring && (!all || (cJSON_IsArray(all) && all_strings(all))) &&
                 ((cJSON_IsString(name) && *name->valuestring && !from) || (cJSON_IsString(from) && !name));
        if (!ok)
            return err_set(e, ERR_PARSE, "%s: \"breakdowns\" item %d must be {\"name\": NAME, \"column\": COLUMN} or "
                           "{\"name_from\": COLUMN, \"column\": COLUMN}, with \"all\": [the values that mean "
                           "everyone] if the publisher has its own", path, n + 1);
        mapping_breakdown *b = &m->breakdowns[n];
        memset(b, 0, sizeof *b);
        b->name_from = -1;
        if (name && !(b->name = strdup(name->valuestring)))
            return err_set(e, ERR_NOMEM, "out of memory");
        m->nbreakdowns++; /* owned from here, released with the mapping */
        if (all && !(b->all = calloc((size_t)cJSON_GetArraySize(all) + 1, sizeof *b->all)))
            return err_set(e, ERR_NOMEM, "out of memory");
        for (const cJSON *v = all ? all->child : NULL; v; v = v->next)
            if (!(b->all[b->nall++] = strdup(v->valuestring)))
                return err_set(e, ERR_NOMEM, "out of memory");
        int k = add_extra(m, col->valuestring, 0, "a breakdown", path, e);
        if (k < 0)
            return k;
        b->value = k;
        if (from) {
            if ((k = add_extra(m, from->valuestring, 0, "a breakdown's name", path, e)) < 0)
                return k;
            b->name_from = k;
        }
    }
    return 0;
}

/* "published": {"benchmark": "Compared to England value or percentiles", "trend": "Recent Trend"} */
static int load_published(mapping *m, const cJSON *obj, const char *path, err *e)
{
    if (!obj)
        return 0;
    if (!cJSON_IsObject(obj))
        return err_set(e, ERR_PARSE, "%s: \"published\" must be an object of verdict names to columns", path);
    for (const cJSON *it = obj->child; it; it = it->next) {
        if (!*it->string)
            return err_set(e, ERR_PARSE, "%s: \"published\": a verdict needs a name (\"benchmark\", \"trend\", ...)", path);
        if (!cJSON_IsString(it) || !*it->valuestring)
            return err_set(e, ERR_PARSE, "%s: \"published\".\"%s\" must be a column name", path, it->string);
        if (m->npublished == OBS_MAX_EXTRA)
            return err_set(e, ERR_PARSE, "%s: more than %d published verdicts", path, OBS_MAX_EXTRA);
        mapping_published *p = &m->published[m->npublished];
        if (!(p->against = strdup(it->string)))
            return err_set(e, ERR_NOMEM, "out of memory");
        m->npublished++;
        int k = add_extra(m, it->valuestring, 1, "a published verdict", path, e); /* absent: not published */
        if (k < 0)
            return k;
        p->column = k;
    }
    return 0;
}


/* "where": {"Area Type": ["County & UA", "Region"]} (or one string), and "skip_where" alike. */
static int load_filters(mapping *m, const cJSON *obj, int keep, const char *path, err *e)
{
    const char *key = keep ? "where" : "skip_where";
    if (!obj)
        return 0;
    if (!cJSON_IsObject(obj))
        return err_set(e, ERR_PARSE, "%s: \"%s\" must be an object of columns to a value or a list of values", path,
                       key);
    for (const cJSON *it = obj->child; it; it = it->next) {
        int n = cJSON_IsString(it) ? 1 : cJSON_IsArray(it) && all_strings(it) ? cJSON_GetArraySize(it) : 0;
        if (n < 1)
            return err_set(e, ERR_PARSE, "%s: \"%s\".\"%s\" must be a string or a list of strings", path, key,
                           it->string);
        if (m->nfilters == OBS_MAX_EXTRA)
            return err_set(e, ERR_PARSE, "%s: more than %d row filters", path, OBS_MAX_EXTRA);
        mapping_filter *f = &m->filters[m->nfilters];
        memset(f, 0, sizeof *f);
        f->keep = keep;
        if (!(f->values = calloc((size_t)n, sizeof *f->values)))
            return err_set(e, ERR_NOMEM, "out of memory");
        m->nfilters++;
        for (const cJSON *v = cJSON_IsString(it) ? it : it->child; v; v = cJSON_IsString(it) ? NULL : v->next)
            if (!(f->values[f->nvalues++] = strdup(v->valuestring)))
                return err_set(e, ERR_NOMEM, "out of memory");
        int k = add_extra(m, it->string, 0, "a row filter", path, e);
        if (k < 0)
            return k;
        f->column = k;
    }
    return 0;
}

/* "parts": {"column": "Measure Type", "fields": {"Outcome": "value", "Numerator": "numerator"},
 *           "ignore": ["Base"]} */
static int load_parts(mapping *m, const cJSON *obj, const char *path, err *e)
{
    if (!obj)
        return 0;
    const cJSON *col = cJSON_GetObjectItemCaseSensitive(obj, "column");
    const cJSON *fields = cJSON_GetObjectItemCaseSensitive(obj, "fields");
    const cJSON *ignore = cJSON_GetObjectItemCaseSensitive(obj, "ignore");
    const cJSON *by = cJSON_GetObjectItemCaseSensitive(obj, "by");
    if (!cJSON_IsObject(obj) || cJSON_GetArraySize(obj) != 2 + (ignore != NULL) + (by != NULL) ||
        !cJSON_IsString(col) || !*col->valuestring || !cJSON_IsObject(fields) || !fields->child ||
        (ignore && (!cJSON_IsArray(ignore) || !all_strings(ignore))) || (by && (!cJSON_IsArray(by) || !all_strings(by))))
        return err_set(e, ERR_PARSE, "%s: \"parts\" must be {\"column\": COLUMN, \"fields\": {PART: FIELD, ...}}, with "
                       "\"ignore\": [PART, ...] for the parts to leave out and \"by\": [COLUMN, ...] for columns "
                       "that tell observations apart beside the mapped ones", path);
    if (m->nwide || m->fixed[OBS_VALUE])
        return err_set(e, ERR_PARSE, "%s: \"parts\" reads each part from the value column: it cannot be combined "
                       "with \"wide\" or a fixed value", path);
    for (const cJSON *it = fields->child; it; it = it->next) {
        int f = cJSON_IsString(it) ? obs_field_by_name(it->valuestring) : -1;
        int numeric = f == OBS_VALUE || f == OBS_NUMERATOR || f == OBS_DENOMINATOR || f == OBS_LOWER_CI ||
                      f == OBS_UPPER_CI || f == OBS_LOWER_CI_998 || f == OBS_UPPER_CI_998 || f == OBS_MARGIN;
        if (!numeric)
            return err_set(e, ERR_PARSE, "%s: \"parts\".\"fields\".\"%s\" must be a figure's field (value, numerator, "
                           "denominator, lower_ci, upper_ci, lower_ci_998, upper_ci_998, margin)", path, it->string);
    }
    for (int pass = 0; pass < 2; pass++)
        for (const cJSON *it = pass ? (ignore ? ignore->child : NULL) : fields->child; it; it = it->next) {
            const char *name = pass ? it->valuestring : it->string;
            if (m->parts.nparts == MAPPING_MAX_PARTS)
                return err_set(e, ERR_PARSE, "%s: \"parts\": more than %d parts", path, MAPPING_MAX_PARTS);
            if (!*name || *name == ' ' || name[strlen(name) - 1] == ' ' || mapping_part_named(m, name))
                return err_set(e, ERR_PARSE, "%s: \"parts\": part \"%s\" is empty, has spaces around it or is "
                               "named twice", path, name);
            mapping_part *p = &m->parts.part[m->parts.nparts];
            if (!(p->name = strdup(name)))
                return err_set(e, ERR_NOMEM, "out of memory");
            p->field = pass ? -1 : obs_field_by_name(it->valuestring);
            m->parts.nparts++;
        }
    /* One field from one part: two parts filling the value would keep whichever came last. */
    for (size_t a = 0; a < m->parts.nparts; a++)
        for (size_t b = a + 1; b < m->parts.nparts; b++)
            if (m->parts.part[a].field >= 0 && m->parts.part[a].field == m->parts.part[b].field)
                return err_set(e, ERR_PARSE, "%s: \"parts\": \"%s\" and \"%s\" both fill %s", path,
                               m->parts.part[a].name, m->parts.part[b].name, obs_field_name(m->parts.part[a].field));
    for (size_t i = 0; i < m->nfilters; i++)
        if (!strcmp(m->extra[m->filters[i].column].column, col->valuestring))
            return err_set(e, ERR_PARSE, "%s: a row filter on the parts column \"%s\" would see one part of each "
                           "observation: list the parts to leave out under \"parts\" \"ignore\"", path,
                           col->valuestring);
    int k = add_extra(m, col->valuestring, 0, "the parts column", path, e);
    if (k < 0)
        return k;
    m->parts.column = k;
    /* The joiner compares every extra column, so a key column is one more extra. */
    for (const cJSON *it = by ? by->child : NULL; it; it = it->next)
        if ((k = add_extra(m, it->valuestring, 0, "a column of the parts' key", path, e)) < 0)
            return k;
    return 0;
}

const mapping_part *mapping_part_named(const mapping *m, const char *name)
{
    size_t n = strlen(name);
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\t'))
        n--;
    while (n && (*name == ' ' || *name == '\t'))
        name++, n--;
    for (size_t i = 0; i < m->parts.nparts; i++)
        if (strlen(m->parts.part[i].name) == n && !memcmp(m->parts.part[i].name, name, n))
            return &m->parts.part[i];
    return NULL;
}

int mapping_is_header(const mapping *m, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *c = cells[i] ? cells[i] : "";
        while (*c == ' ' || *c == '\t')
            c++;
        size_t len = strlen(c), want = strlen(m->header_with);
        while (len > 0 && (c[len - 1] == ' ' || c[len - 1] == '\t'))
            len--;
        if (len == want && !memcmp(c, m->header_with, len))
            return 1;
    }
    return 0;
}

int mapping_keeps(const mapping *m, char *const *extra)
{
    for (size_t i = 0; i < m->nfilters; i++) {
        const mapping_filter *f = &m->filters[i];
        const char *cell = extra[f->column] ? extra[f->column] : "";
        int match = 0;
        for (size_t k = 0; k < f->nvalues && !match; k++)
            match = !strcmp(cell, f->values[k]);
        if (match != f->keep)
            return 0;
    }
    return 1;
}

/* "statuses": {"c": "suppressed", ":": "missing", "p": "provisional"} */
static int load_statuses(mapping *m, const cJSON *obj, const char *path, err *e)
{
    if (!obj)
        return 0;
    if (!cJSON_IsObject(obj))
        return err_set(e, ERR_PARSE, "%s: \"statuses\" must be an object of the status column's codes to statuses",
                       path);
    size_t n = m->nstatuses + (size_t)cJSON_GetArraySize(obj);
    mapping_status_code *more = realloc(m->statuses, (n ? n : 1) * sizeof *more);
    if (!more)
        return err_set(e, ERR_NOMEM, "out of memory");
    m->statuses = more; /* a later file's codes are looked up after, and lose to, the earlier ones */
    for (const cJSON *it = obj->child; it; it = it->next) {
        obs_status st;
        if (!cJSON_IsString(it) || obs_status_parse(it->valuestring, &st))
            return err_set(e, ERR_PARSE, "%s: \"statuses\".\"%s\" must be ok, provisional, revised, suppressed or "
                           "missing", path, it->string);
        if (!(m->statuses[m->nstatuses].code = strdup(it->string)))
            return err_set(e, ERR_NOMEM, "out of memory");
        m->statuses[m->nstatuses++].status = st;
    }
    return 0;
}

int mapping_status_code_of(const mapping *m, const char *code, obs_status *out)
{
    for (size_t i = 0; i < m->nstatuses; i++)
        if (!strcmp(m->statuses[i].code, code)) {
            *out = m->statuses[i].status;
            return 1;
        }
    return 0;
}

static int load_optional(mapping *m, const cJSON *list, const char *path, err *e)
{
    if (!list)
        return 0;
    if (!cJSON_IsArray(list))
        return err_set(e, ERR_PARSE, "%s: \"optional\" must be a list of fields whose columns a file may lack", path);
    const cJSON *it;
    cJSON_ArrayForEach(it, list)
    {
        int f = cJSON_IsString(it) ? field_or_error(it->valuestring, e)
                                   : err_set(e, ERR_USAGE, "each item must be a field's name");
        if (f < 0)
            return err_prefix(e, "%s: \"optional\"", path);
        m->optional |= 1u << f;
    }
    return 0;
}

/* A string-valued key with a setter; absent is fine. */
static int load_word(mapping *m, const cJSON *root, const char *key, int (*set)(mapping *, const char *, err *),
                     const char *path, err *e)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v)
        return 0;
    if (!cJSON_IsString(v))
        return err_set(e, ERR_PARSE, "%s: \"%s\" must be a string", path, key);
    int rc = set(m, v->valuestring, e);
    return rc ? err_prefix(e, "%s", path) : 0;
}

int mapping_set_days(mapping *m, const char *v, err *e)
{
    if (period_days_parse(v, &m->periods.days))
        return err_set(e, ERR_USAGE, "\"days\" must be day, week_ending or week_starting, not \"%s\"", v);
    return 0;
}

static int set_header_with(mapping *m, const char *v, err *e)
{
    if (!*v)
        return err_set(e, ERR_PARSE, "\"header_row_with\" must name a cell's text");
    return replace(&m->header_with, v, e);
}

static int set_short_rows(mapping *m, const char *v, err *e)
{
    if (!strcmp(v, "error"))
        m->short_rows = MAPPING_SHORT_ROWS_ERROR;
    else if (!strcmp(v, "empty"))
        m->short_rows = MAPPING_SHORT_ROWS_EMPTY;
    else
        return err_set(e, ERR_PARSE, "\"short_rows\" must be \"error\" or \"empty\" (missing trailing fields are "
                       "empty), not \"%s\"", v);
    return 0;
}

static int set_unknown_areas(mapping *m, const char *v, err *e)
{
    if (!strcmp(v, "refuse"))
        m->unknown_areas = MAPPING_UNKNOWN_AREAS_REFUSE;
    else if (!strcmp(v, "skip"))
        m->unknown_areas = MAPPING_UNKNOWN_AREAS_SKIP;
    else
        return err_set(e, ERR_PARSE, "\"unknown_areas\" must be \"refuse\" or \"skip\", not \"%s\"", v);
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
    static const char *const known[] = {"description", "columns",     "fixed",      "if_blank",   "wide",
                                        "markers",     "header_rows", "quarters",   "year_pairs", "source",
                                        "breakdowns",  "published",   "optional",   "short_rows", "unknown_areas",
                                        "where",       "skip_where",  "sheet",      "statuses",   "header_row_with",
                                        "parts",       "days",        NULL};
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
        if (!cJSON_IsNumber(rows) || rows->valuedouble < 0 || rows->valuedouble > MAPPING_MAX_HEADER_ROWS ||
            rows->valuedouble != (int)rows->valuedouble)
            rc = err_set(e, ERR_PARSE, "%s: \"header_rows\" must be a whole number from 0 to 1048576", path);
        else
            m->header_rows = rows->valueint;
    }
    if (!rc)
        rc = load_word(m, root, "quarters", mapping_set_quarters, path, e);
    if (!rc)
        rc = load_word(m, root, "year_pairs", mapping_set_year_pairs, path, e);
    if (!rc)
        rc = load_word(m, root, "days", mapping_set_days, path, e);
    if (!rc)
        rc = load_word(m, root, "sheet", mapping_set_sheet, path, e);
    if (!rc)
        rc = load_word(m, root, "header_row_with", set_header_with, path, e);
    if (!rc)
        rc = load_word(m, root, "short_rows", set_short_rows, path, e);
    if (!rc)
        rc = load_word(m, root, "unknown_areas", set_unknown_areas, path, e);
    if (!rc)
        rc = load_breakdowns(m, cJSON_GetObjectItemCaseSensitive(root, "breakdowns"), path, e);
    if (!rc)
        rc = load_published(m, cJSON_GetObjectItemCaseSensitive(root, "published"), path, e);
    if (!rc)
        rc = load_optional(m, cJSON_GetObjectItemCaseSensitive(root, "optional"), path, e);
    if (!rc)
        rc = load_statuses(m, cJSON_GetObjectItemCaseSensitive(root, "statuses"), path, e);
    if (!rc)
        rc = load_filters(m, cJSON_GetObjectItemCaseSensitive(root, "where"), 1, path, e);
    if (!rc)
        rc = load_filters(m, cJSON_GetObjectItemCaseSensitive(root, "skip_where"), 0, path, e);
    if (!rc)
        rc = load_parts(m, cJSON_GetObjectItemCaseSensitive(root, "parts"), path, e);
    if (!rc && m->nbreakdowns && (m->column[OBS_BREAKDOWN] || m->fixed[OBS_BREAKDOWN]))
        rc = err_set(e, ERR_PARSE, "%s: give the breakdown either as \"breakdowns\" or as the breakdown column, "
                     "not both", path);
    cJSON_Delete(root);
    return rc;
}

/* ---- fingerprint ---- */

static void feed(sha256_ctx *c, const char *tag, const char *text)
{
    sha256_update(c, tag, strlen(tag) + 1);
    if (text)
        sha256_update(c, text, strlen(text) + 1);
    else
        sha256_update(c, "\xff", 1); /* absent differs from empty */
}

static void feed_int(sha256_ctx *c, const char *tag, long v)
{
    char n[32];
    snprintf(n, sizeof n, "%ld", v);
    feed(c, tag, n);
}

static void digest(const mapping *m, char hex[65])
{
    sha256_ctx c;
    sha256_init(&c);
    for (int f = 0; f < OBS_NFIELDS; f++) {
        feed(&c, "column", m->column[f]);
        feed(&c, "fixed", m->fixed[f]);
        feed(&c, "if_blank", m->if_blank[f]);
    }
    feed_int(&c, "optional", (long)m->optional);
    for (size_t i = 0; i < m->nwide; i++) {
        feed(&c, "wide", m->wide[i].indicator);
        feed(&c, "wide column", m->wide[i].column);
    }
    for (size_t i = 0; i < m->nmarkers; i++) {
        feed(&c, "marker", m->markers[i].token);
        feed_int(&c, "marker status", m->markers[i].status);
    }
    for (size_t i = 0; i < m->nstatuses; i++) {
        feed(&c, "status code", m->statuses[i].code);
        feed_int(&c, "status", m->statuses[i].status);
    }
    for (size_t i = 0; i < m->nbreakdowns; i++) {
        for (size_t k = 0; k < m->breakdowns[i].nall; k++)
            feed(&c, "breakdown all", m->breakdowns[i].all[k]);
        feed(&c, "breakdown", m->breakdowns[i].name);
        feed_int(&c, "breakdown value", m->breakdowns[i].value);
        feed_int(&c, "breakdown name", m->breakdowns[i].name_from);
    }
    for (size_t i = 0; i < m->npublished; i++) {
        feed(&c, "published", m->published[i].against);
        feed_int(&c, "published column", m->published[i].column);
    }
    for (size_t i = 0; i < m->nfilters; i++) {
        feed_int(&c, m->filters[i].keep ? "where" : "skip_where", m->filters[i].column);
        for (size_t k = 0; k < m->filters[i].nvalues; k++)
            feed(&c, "filter value", m->filters[i].values[k]);
    }
    for (size_t i = 0; i < m->nextra; i++) {
        feed(&c, "extra", m->extra[i].column);
        feed_int(&c, "extra optional", m->extra[i].optional);
    }
    feed_int(&c, "parts column", m->parts.column);
    for (size_t i = 0; i < m->parts.nparts; i++) {
        feed(&c, "part", m->parts.part[i].name);
        feed_int(&c, "part field", m->parts.part[i].field);
    }
    feed_int(&c, "header_rows", m->header_rows);
    feed(&c, "sheet", m->sheet);
    feed(&c, "header_with", m->header_with);
    feed_int(&c, "short_rows", m->short_rows);
    feed_int(&c, "unknown_areas", m->unknown_areas);
    feed_int(&c, "quarters", m->periods.quarters);
    feed_int(&c, "year_pairs", m->periods.pairs);
    feed_int(&c, "days", m->periods.days);
    sha256_final_hex(&c, hex);
}

int mapping_fingerprint(const mapping *m, char hex[65])
{
    mapping usual;
    mapping_init(&usual);
    char base[65];
    digest(&usual, base);
    digest(m, hex);
    return strcmp(base, hex) != 0;
}
