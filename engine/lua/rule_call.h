/*
 * rule_call.h - the evaluator's calls into a framework's Lua: a rule's
 * prepare and assess, a custom roll-up.
 *
 * The evaluator (engine/eval) owns the loop and the data; this module turns
 * what it holds into what scripts see (ctx, points, the read-only series
 * userdata) and what scripts return into C (rule_verdict), under the host's
 * limits. Strings a rule returns are cleaned (text.h) and capped at
 * RULE_TEXT_MAX bytes, its details at RULE_DETAILS_MAX bytes as JSON; both
 * are charged to the host's memory cap (host_keep) and added to *kept so the
 * caller can give them back (host_release) when it frees the results.
 */
#ifndef SCORECARD_RULE_CALL_H
#define SCORECARD_RULE_CALL_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "error.h"
#include "framework.h"
#include "host.h"
#include "series.h"
#include "vocab.h"

#define RULE_TEXT_MAX 4096            /* bytes of an assessment, status or reason a rule may return */
#define RULE_DETAILS_MAX (256u << 10) /* bytes of a rule's details as JSON */
#define RULE_NONE (-1)                /* no prepared value */
#define RULE_SCORE_MAX 1e12           /* a score's size: a mean of any number of them stays finite */

/* The series the next calls see. Series handles a script kept from an earlier
 * set (an earlier indicator, case or run) are refused from now on; NULL ends
 * the run, after which every handle is refused. */
void rule_series_begin(host *h, const series_set *set);

/* One area's point among the peers a rule's prepare sees. */
typedef struct rule_peer {
    const char *area;
    const series_point *point;
} rule_peer;

/* Calls rule.prepare(peers, {polarity, period}) for indicator i when its rule
 * has one, setting *handle (RULE_NONE when it has none); free it with
 * rule_release(). */
int rule_prepare(host *h, const framework *f, size_t i, const series_set *set, const rule_peer *peers, size_t n,
                 const char *period_label, int *handle, err *e);
void rule_release(host *h, int handle);

/* What one call of a rule's assess sees as ctx. */
typedef struct rule_ctx {
    const char *area, *area_name;
    const char *period, *period_start, *period_end; /* the scorecard's period, ISO dates */
    const series_set *set;
    const series_slot *slot;   /* the area's series */
    const series_point *point; /* the point judged */
    const series_point *cmp;   /* the comparator's point for the same period, or NULL */
    const series_set *cmp_set; /* the set cmp is in: `set`, or the comparator breakdown's */
    const char *cmp_area, *cmp_name;
    int prepared; /* from rule_prepare, or RULE_NONE */
    int decimals; /* the places the indicator's figures are shown with; -1: none known */
} rule_ctx;

/* What a rule returned. */
typedef struct rule_verdict {
    char *assessment, *reason;          /* NULL when absent */
    vocab_status status;                /* STATUS_NONE when absent */
    double comparator;                  /* NaN when absent */
    vocab_comparator comparator_kind;   /* what the number is (comparator_kind = "target", ...); CMP_NONE: unsaid */
    char *comparator_area;              /* comparator_area = code, for a value the rule holds itself */
    cJSON *details;                     /* the rule's own details, NULL when none */
    double score;                       /* score = n, for a mean_score roll-up; NaN when absent */
} rule_verdict;

/* Calls indicator i's rule on one area. `what` names the call in messages. */
int rule_assess(host *h, const framework *f, size_t i, const rule_ctx *c, const char *what, rule_verdict *v,
                size_t *kept, err *e);
void rule_verdict_free(rule_verdict *v);

/* Calls a custom roll-up's function with the children {id, colour} and sets
 * *colour to the colour it returned. */
int rule_rollup_custom(host *h, const fw_rollup *ru, const vocab_colour *colours, const char *const *ids, size_t n,
                       const char *owner, vocab_colour *colour, err *e);

#endif
