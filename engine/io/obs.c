/* obs.c - names of observation fields and statuses. */
#include "obs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const FIELD_NAMES[OBS_NFIELDS] = {
    "indicator", "area",   "period", "value",     "numerator",    "denominator",  "lower_ci",
    "upper_ci",  "status", "note",   "breakdown", "series_break", "lower_ci_998", "upper_ci_998",
    "area_type", "period_sortable", "margin",
};

const char *obs_field_name(int field)
{
    return field >= 0 && field < OBS_NFIELDS ? FIELD_NAMES[field] : "?";
}

int obs_field_by_name(const char *name)
{
    for (int f = 0; f < OBS_NFIELDS; f++)
        if (!strcmp(FIELD_NAMES[f], name))
            return f;
    return -1;
}

void obs_write_csv_header(FILE *out)
{
    for (int f = 0; f < OBS_NFIELDS; f++)
        fprintf(out, "%s%s", f ? "," : "", FIELD_NAMES[f]);
    fputc('\n', out);
}

static const char *const STATUS_NAMES[] = {"ok", "suppressed", "missing", "provisional", "revised"};

const char *obs_status_name(obs_status s)
{
    return (unsigned)s < sizeof STATUS_NAMES / sizeof *STATUS_NAMES ? STATUS_NAMES[s] : "?";
}

int obs_status_parse(const char *s, obs_status *out)
{
    for (unsigned i = 0; i < sizeof STATUS_NAMES / sizeof *STATUS_NAMES; i++)
        if (!strcmp(STATUS_NAMES[i], s)) {
            *out = (obs_status)i;
            return 0;
        }
    return -1;
}

/* ---- breakdowns ---- */

int obs_means_everyone(const char *value)
{
    static const char *const everyone[] = {"", "persons", "all persons", "all", "people", "all people",
                                           "total", "all ages", "both sexes", "all sexes"};
    for (size_t i = 0; i < sizeof everyone / sizeof *everyone; i++)
        if (!strcasecmp(value, everyone[i]))
            return 1;
    return 0;
}

typedef struct dim_part {
    const char *name, *value;
} dim_part;

static int by_name(const void *a, const void *b)
{
    return strcmp(((const dim_part *)a)->name, ((const dim_part *)b)->name);
}

/* Appends `s` with the key's three special bytes escaped; -1 when full. */
static int put_escaped(char *out, size_t cap, size_t *len, const char *s)
{
    for (; *s; s++) {
        const char *rep = *s == '%' ? "%25" : *s == ';' ? "%3B" : *s == '=' ? "%3D" : NULL;
        size_t k = rep ? 3 : 1;
        if (*len + k >= cap)
            return -1;
        if (rep)
            memcpy(out + *len, rep, 3);
        else
            out[*len] = *s;
        *len += k;
    }
    out[*len] = '\0';
    return 0;
}

static int build_key(const char *const *names, const char *const *values, size_t n, int drop_everyone, char *out,
                     size_t cap)
{
    if (cap == 0 || n > OBS_MAX_DIMS)
        return -1;
    out[0] = '\0';
    dim_part parts[OBS_MAX_DIMS];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!names[i] || !*names[i])
            return -1;
        if (!values[i] || !*values[i] || (drop_everyone && obs_means_everyone(values[i])))
            continue;
        parts[k++] = (dim_part){names[i], values[i]};
    }
    qsort(parts, k, sizeof *parts, by_name);
    size_t len = 0;
    for (size_t i = 0; i < k; i++) {
        if (i && !strcmp(parts[i].name, parts[i - 1].name))
            return -1;
        if (i) {
            if (len + 1 >= cap)
                return -1;
            out[len++] = ';';
        }
        if (put_escaped(out, cap, &len, parts[i].name) || len + 1 >= cap)
            return -1;
        out[len++] = '=';
        if (put_escaped(out, cap, &len, parts[i].value))
            return -1;
    }
    out[len] = '\0';
    return 0;
}

int obs_breakdown_key(const char *const *names, const char *const *values, size_t n, char *out, size_t cap)
{
    return build_key(names, values, n, 1, out, cap);
}

int obs_verdicts_key(const char *const *names, const char *const *values, size_t n, char *out, size_t cap)
{
    return build_key(names, values, n, 0, out, cap);
}

static int hex(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes [s, end) into out; -1 for a bad escape or no room. */
static int unescape(const char *s, const char *end, char *out, size_t cap)
{
    size_t n = 0;
    while (s < end) {
        int c = (unsigned char)*s++;
        if (c == '%') {
            int hi = s < end ? hex(s[0]) : -1, lo = s + 1 < end ? hex(s[1]) : -1;
            if (hi < 0 || lo < 0)
                return -1;
            c = hi * 16 + lo;
            s += 2;
        }
        if (n + 1 >= cap)
            return -1;
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return 0;
}

int obs_breakdown_each(const char *key, int (*fn)(void *ctx, const char *name, const char *value), void *ctx)
{
    char name[OBS_KEY_MAX], value[OBS_KEY_MAX];
    const char *p = key;
    while (*p) {
        const char *end = strchr(p, ';');
        if (!end)
            end = p + strlen(p);
        const char *eq = memchr(p, '=', (size_t)(end - p));
        /* a part with no '=' is a free-text breakdown of the older kind: no dimension name */
        if (eq ? unescape(p, eq, name, sizeof name) || unescape(eq + 1, end, value, sizeof value)
               : (name[0] = '\0', unescape(p, end, value, sizeof value)))
            return -1;
        int rc = fn(ctx, name, value);
        if (rc)
            return rc;
        p = *end ? end + 1 : end;
    }
    return 0;
}
