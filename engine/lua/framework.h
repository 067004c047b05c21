/*
 * framework.h - a framework as the evaluator uses it.
 *
 * A framework file is Lua that returns a table (built with rules/rules.lua).
 * framework_load() runs it in the sandbox and reads the table into plain C
 * data: identity, indicators, outcomes, roll-ups with their weights, the
 * colour map, each rule's method and parameters (as JSON). Only what runs
 * stays in Lua, referenced from the registry: rules' functions and custom
 * roll-up functions, which engine/lua/rule_call.h calls. Every
 * problem found is collected with the file and line it comes from, so
 * `scorecard check` can report them all at once.
 */
#ifndef SCORECARD_FRAMEWORK_H
#define SCORECARD_FRAMEWORK_H

#include <stddef.h>

#include "error.h"
#include "strmap.h"
#include "vocab.h"
#include "host.h"
#include "period.h"

typedef enum rollup_method {
    ROLLUP_WORST_OF,
    ROLLUP_MAJORITY,
    ROLLUP_WEIGHTED,
    ROLLUP_COUNT,
    ROLLUP_CUSTOM,
    ROLLUP_MEAN_SCORE /* the mean of the children's scores, cut into segments (the NHS Oversight Framework) */
} rollup_method;

#define FW_MAX_SEGMENTS 8

typedef struct fw_rollup {
    rollup_method method;
    double min_coverage; /* share of children that must be scorable, 0 when none */
    int tie_worse;       /* majority: ties go to the worse colour */
    double score[3];     /* weighted: score of red, amber, green */
    double green, amber; /* weighted: cut points on the mean score */
    strmap *weight_of;   /* weighted: child id -> index into weights; NULL when none */
    double *weights;
    /* mean_score: the mean of the children's scores (an indicator's is its
     * rule's `score`; an outcome's its own mean), rounded to `decimals`, then
     * segment k + 1 when it is above k of the cut points. The cut points are
     * fixed (`segments = {...}`) or the quartiles of the score across the
     * areas scored (`segments = "quartiles"`). An area whose `cap` indicator
     * has a value other than 0 is put in segment cap_segment or below it. */
    int decimals;
    int ncuts;               /* cut points; 0 with quartiles = 0: a score without segments */
    double cuts[FW_MAX_SEGMENTS - 1];
    int quartiles;           /* the cut points are the quartiles across the areas scored */
    vocab_colour segment_colour[FW_MAX_SEGMENTS];
    int over_outcomes;       /* the framework's: average its outcomes' scores, not its indicators' */
    char *cap_id;            /* the cap indicator's id, or NULL */
    long cap_ind;            /* its index in framework.ind, -1 when none */
    int cap_segment;
    int table_ref;           /* the roll-up table (its custom function) */
} fw_rollup;

#define FW_LATEST_WITHIN 24 /* months, when a framework does not say */

/* How an area without figures of its own is built from its members. */
typedef enum fw_derive {
    FW_DERIVE_NONE,
    FW_DERIVE_SUM,          /* numerators and denominators summed, the value recomputed */
    FW_DERIVE_WEIGHTED_MEAN, /* members' values averaged, weighted by their denominators */
    FW_DERIVE_COUNT          /* members' values added: a count with no denominator (delays on a census day) */
} fw_derive;

/* What an indicator is compared with: a fixed area, each area's own parent
 * of a type (its region, its country), or the area itself; at the indicator's
 * own breakdown, or at another (an inequality: a decile against the area's
 * own total). All NULL: no comparator. */
typedef struct fw_comparator {
    char *area;      /* an area code, or NULL */
    char *parent;    /* each area's parent of this area type, or NULL */
    char *breakdown; /* the comparator's breakdown key; NULL: the indicator's own */
} fw_comparator;

typedef struct fw_indicator {
    char *id, *title, *unit, *series, *definition, *notes, *source;
    char *design_notes; /* for the framework's designers (what an import must set, what is unconfirmed):
                           shown by `check`, never on published pages */
    char *where;      /* file:line of its rule, or of the framework */
    char *method;     /* the rule's method name */
    polarity polarity;
    int reported;     /* 0 when the indicator is defined but not published */
    int rule_ref;     /* registry reference to the rule table, LUA_NOREF when none */
    int table_ref;    /* the indicator's own table, for ctx.indicator */
    char *rule_json;  /* {"method": ..., "params": {...}} of a rule table, NULL when none */
    fw_derive derive; /* build an area without figures from its members */
    char *not_aggregable; /* why a value built from members cannot be judged (a standardised
                             rate): such a result is unreliable, shown for information; NULL */
    double multiplier;/* derived rates: value = numerator / denominator * multiplier */
    int decimals;     /* decimal places its figures are shown with (0..6); -1: as the data gives them */
    fw_comparator comparator; /* overriding the framework's when it names anything */
    char *breakdown;  /* the breakdown judged, a key of obs_breakdown_key(); "" for all persons */
    int latest_within;/* months an observation may end before the period ends; the framework's */
    unsigned frequencies; /* bit t set: points of period_type t are its series; 0: every type, each history
                             and trend kept to the type of the point judged */
} fw_indicator;

typedef struct fw_outcome {
    char *id, *title;
    size_t *ind; /* indexes into framework.ind */
    size_t nind;
    fw_rollup rollup;
} fw_outcome;

typedef struct framework {
    char *path, *id, *version, *title, *country, *source, *scores, *extends, *where;
    fw_comparator comparator;
    period_type period_type;
    int latest_within; /* months: a period's scorecard uses observations ending within this
                          span before its end (latest_within = "2 years"); FW_LATEST_WITHIN by default */
    fw_indicator *ind;
    size_t nind;
    fw_outcome *out;
    size_t nout;
    fw_rollup rollup;  /* outcomes to the area's overall colour */
    int table_ref;     /* the framework table */
    strmap *colours;   /* assessment -> index into FW_COLOURS */
    char sha256[65];   /* of every file loaded: framework, modules, rules */
} framework;

typedef struct fw_problem {
    int is_error; /* 0: a warning */
    char msg[512];
} fw_problem;

#define FW_MAX_PROBLEMS 200     /* problems kept with their text; the rest are counted */
#define FW_MAX_INDICATORS 10000 /* a framework with more is refused */
#define FW_MAX_OUTCOMES 1000
#define FW_PARAMS_MAX (64u << 10) /* bytes of a rule's parameters as JSON */

typedef struct fw_problems {
    fw_problem *items; /* the first FW_MAX_PROBLEMS */
    size_t n;          /* items kept */
    size_t errors, warnings; /* all found, kept or not */
    size_t dropped;    /* found but not kept */
    size_t cap;        /* room in items */
} fw_problems;

void fw_problems_free(fw_problems *p);
void fw_problems_add(fw_problems *p, int is_error, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Loads and checks `path`. Returns 0 with *out set when there is no error-level
 * problem (warnings may be present); ERR_INVALID when there are problems (see
 * `problems`); another code when the file could not run at all. */
int framework_load(host *h, const char *path, framework **out, fw_problems *problems, err *e);
void framework_free(framework *f, host *h);

/* The colour the framework gives an assessment: 0 and *colour set, or -1 when
 * its colour map has none. */
int framework_colour(const framework *f, const char *assessment, vocab_colour *colour);

/* A weighted roll-up's weight for the child `id` (1 when it names none). */
double framework_weight(const fw_rollup *r, const char *id);

/* Does any of f's roll-ups cut its scores at the quartiles across the areas,
 * so that an area's colour depends on every area's scores? */
int framework_ranks_areas(const framework *f);


#endif
