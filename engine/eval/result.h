/*
 * result.h - the result model: what a scorecard run found, area by area.
 *
 * The evaluator fills it; the report writers read it and never compute; the
 * store keeps it. Every result carries its reason in words and, in `details`,
 * the inputs and intermediate numbers behind it (JSON text), so any colour
 * can be explained later.
 */
#ifndef SCORECARD_RESULT_H
#define SCORECARD_RESULT_H

#include <stddef.h>

#include "framework.h"
#include "vocab.h"

typedef struct res_indicator {
    const char *colour;  /* "green", "amber", "red" or "grey" (static) */
    char *assessment;    /* what the rule said (met, worse, ...) or the no-colour status */
    char *status;        /* the no-colour status (missing, suppressed, ...) or NULL */
    char *reason;        /* in plain words */
    char *method;        /* the rule's method */
    char *period;        /* label of the observation assessed, NULL when none */
    double value;        /* NaN when none */
    char *value_text;    /* as published */
    double comparator;   /* NaN when none */
    vocab_comparator comparator_kind; /* what the number is: an area's value, a target, a baseline */
    char *comparator_area, *comparator_name; /* the area, when it is an area's value; else NULL */
    char *details;       /* JSON text */
    int provisional, revised, derived, approximate;
    size_t nhistory;        /* the series up to the value judged, oldest first (at most */
    double *history;        /* RESULT_HISTORY points), for sparklines; NaN for gaps */
    char **history_periods;
} res_indicator;

#define RESULT_HISTORY 12

typedef struct res_outcome {
    const char *colour;
    char *reason;
} res_outcome;

typedef struct res_area {
    char *code, *name;
    const char *colour;
    char *reason;
    res_outcome *outcomes;     /* one per framework outcome */
    res_indicator *indicators; /* one per framework indicator */
} res_area;

typedef struct result_set {
    const framework *framework; /* borrowed */
    char *period;               /* the scorecard period's label */
    char period_start[11], period_end[11];
    long long run_id;           /* 0 when not stored */
    char fingerprint[65];       /* SHA-256 of every observation read */
    res_area *areas;
    size_t nareas;
} result_set;

void result_set_free(result_set *r);

#endif
