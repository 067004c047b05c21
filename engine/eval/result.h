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

/* The kind of a point on a control chart (Making Data Count's special causes). */
typedef enum res_spc_point { RES_SPC_COMMON, RES_SPC_IMPROVEMENT, RES_SPC_CONCERN, RES_SPC_NEUTRAL } res_spc_point;

/* A control chart a rule drew (r.spc): what writers draw, read out of the
 * rule's result once, by the evaluator. */
typedef struct res_spc {
    size_t n;
    double *values;
    unsigned char *kinds;          /* res_spc_point, one per value */
    char **periods;                /* each value's period label, NULL entries when none */
    double *cl, *lpl_at, *upl_at;  /* each value's centre line and process limits, NaN when
                                    * none: they step where the chart was rebased */
    double mean, lpl, upl, target; /* the last point's (the target: the rule's); NaN when absent */
    char *variation, *assurance;   /* the icons' words, NULL when absent */
} res_spc;

/* A point of an indicator's history, beside its comparator's value for the
 * same period. */
typedef struct res_history_point {
    char *period;       /* the label, as published */
    int start, end;     /* YYYYMMDD */
    int type;           /* its period_type: a calendar year may stand in for a financial year */
    double value;       /* NaN for a gap (missing, suppressed) */
    double comparator;  /* the comparator area's value for the same period; NaN when none */
    int series_break;   /* not comparable with the periods before it */
    int provisional;
} res_history_point;

typedef struct res_indicator {
    vocab_colour colour;
    char *assessment;    /* what the rule said (met, worse, ...) or the no-colour status */
    vocab_status status; /* why there is no colour (missing, ...), a judged result's flag, or STATUS_NONE */
    char *reason;        /* in plain words */
    char *method;        /* the rule's method */
    char *period;        /* label of the observation assessed, NULL when none */
    double value;        /* NaN when none */
    char *value_text;    /* as published */
    double comparator;   /* NaN when none */
    vocab_comparator comparator_kind; /* what the number is: an area's value, a target, a baseline */
    char *comparator_area, *comparator_name; /* the area, when it is an area's value; else NULL */
    double lower, upper; /* the interval judged: the rule's when it gives one, else the published; NaN */
    double score;        /* the rule's score, for a mean_score roll-up (NHS Oversight Framework 1-4); NaN */
    res_spc *spc;        /* the control chart the rule drew, NULL when none */
    char *details;       /* JSON text: the rule's free-form extra, for the audit; writers do not read it */
    int provisional, revised, derived, approximate;
    size_t nhistory;             /* the series up to the value judged, oldest first (at most */
    res_history_point *history;  /* RESULT_HISTORY points): sparklines, the APR's years */
    char *history_cmp_area, *history_cmp_name; /* whose values the history's comparator column holds
                                                  (whether or not the rule judged by it); NULL: none */
} res_indicator;

#define RESULT_HISTORY 12

typedef struct res_outcome {
    vocab_colour colour;
    char *reason;
    double score; /* a mean_score roll-up's mean, NaN otherwise */
    int segment;  /* its segment, 1 best; 0 when none */
} res_outcome;

typedef struct res_area {
    char *code, *name;
    vocab_colour colour;
    char *reason;
    double score; /* as res_outcome */
    int segment;
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
    int *decimals; /* per framework indicator, the places its figures are shown with, by
                      every writer and in its rule's reasons: the declared `decimals`, else
                      the most any value read for it has as published; -1: none known */
} result_set;

void result_set_free(result_set *r);
void result_spc_free(res_spc *c);

#endif
