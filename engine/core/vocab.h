/*
 * vocab.h - the engine's words, once: colours, polarity and the statuses that
 * give no colour, each an enum with its name and one order.
 *
 * Framework files, rules and outputs all speak these words; C compares the
 * enums, never the strings, and converts at the edges (reading a framework,
 * writing a report) with the functions here.
 */
#ifndef SCORECARD_VOCAB_H
#define SCORECARD_VOCAB_H


/* Colours in order of concern: a roll-up's "worst" is the highest. */
typedef enum vocab_colour { COLOUR_GREY, COLOUR_GREEN, COLOUR_AMBER, COLOUR_RED } vocab_colour;
#define VOCAB_NCOLOURS 4

/* "grey", "green", "amber", "red" (static). */
const char *vocab_colour_name(vocab_colour c);
/* 0 and *c set when `name` is a colour's name, else -1. */
int vocab_colour_parse(const char *name, vocab_colour *c);

/* What a result's comparator number is: another area's value (Scotland's, a
 * peer's), a target or plan, the series' own baseline, or a value the rule
 * did not describe. Writers say which, so a target never reads as an area. */
typedef enum vocab_comparator { CMP_NONE, CMP_AREA, CMP_TARGET, CMP_BASELINE, CMP_VALUE } vocab_comparator;

/* "none", "area", "target", "baseline", "value" (static). */
const char *vocab_comparator_name(vocab_comparator k);
/* 0 and *k set when `name` is one of those (but "none"), else -1. */
int vocab_comparator_parse(const char *name, vocab_comparator *k);

/* Which direction of an indicator is better. */
typedef enum polarity { POL_HIGHER, POL_LOWER, POL_NONE } polarity;

/* "higher", "lower" or "none" (static). */
const char *polarity_name(polarity p);
/* Reads a polarity word, with the synonyms frameworks use (high_good,
 * lower_is_better, no_judgement, ...): 0, or -1 when `word` is none of them. */
int polarity_parse(const char *word, polarity *p);
/* The polarity word closest to a misspelt one ("highr" -> "higher"), or NULL. */
const char *polarity_nearest(const char *word);

/* Statuses of a result that the rule or the evaluator settled could not be
 * judged (the reason says why), and stale_target, a flag a judged result may
 * carry. STATUS_NONE is "judged, nothing to add"; it has no name. */
typedef enum vocab_status {
    STATUS_NONE,
    STATUS_NOT_REPORTED,      /* the framework defines it, nobody publishes it */
    STATUS_MISSING,           /* no observation, or a missing value */
    STATUS_SUPPRESSED,        /* withheld by the publisher (small numbers) */
    STATUS_UNRELIABLE,        /* too uncertain, or not aggregable, to judge */
    STATUS_NOT_COMPARABLE,    /* a series break or a changed definition */
    STATUS_INSUFFICIENT_DATA, /* too few points or areas for the method */
    STATUS_NOT_COMPARED,      /* no interval or comparator value to judge by */
    STATUS_NOT_APPLICABLE,    /* before the rule's first target */
    STATUS_NO_TARGET,         /* no target or plan for the area or period */
    STATUS_STALE_TARGET,      /* judged against a target older than allowed */
    STATUS_NOT_AVAILABLE      /* the latest observation is older than the period allows */
} vocab_status;

/* The status's word ("missing"), or NULL for STATUS_NONE (static). */
const char *vocab_status_name(vocab_status s);
/* 0 and *s set when `name` is a status's word, else -1. */
int vocab_status_parse(const char *name, vocab_status *s);
/* The status word closest to a misspelt one ("suppresed" -> "suppressed"), or NULL. */
const char *vocab_status_nearest(const char *word);

/* A word of the engine's vocabulary as a reader says it ("not_met": "not met",
 * "improvement_low": "improvement (low)"), or NULL when it has no wording of its
 * own, and readers see it with its underscores as spaces (static). */
const char *vocab_words(const char *word);

/* The closest of `n` candidate words to `word` by edit distance, when close
 * enough to be a likely typing slip ("treshold" -> "threshold"), else NULL. */
const char *vocab_nearest(const char *word, const char *const *candidates, int n);

#endif
