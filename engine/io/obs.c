/* obs.c - names of observation fields and statuses. */
#include "obs.h"

#include <string.h>

static const char *const FIELD_NAMES[OBS_NFIELDS] = {
    "indicator", "area",     "period", "value", "numerator", "denominator", "lower_ci",
    "upper_ci",  "status",   "note",   "breakdown", "series_break",
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
