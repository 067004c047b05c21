/*
 * svg.h - inline SVG for the HTML scorecard (docs/html.md): pure functions
 * that write one fragment each to a FILE*, reading only their arguments.
 *
 * Every chart is an <svg role="img"> with an accessible name (its `label`) and
 * a <title>; nothing refers outside the element (no script, no links, no
 * fonts). A status is drawn with a shape as well as a colour: green a circle,
 * amber a triangle, red a square, grey (no colour) a dash. All text written
 * is escaped. The functions return 0, or ERR_IO when the stream has an error.
 */
#ifndef SCORECARD_SVG_H
#define SCORECARD_SVG_H

#include <stddef.h>
#include <stdio.h>

#include "vocab.h"

/* Writes `s` escaped for HTML and SVG text and attribute values (& < > " '),
 * with control characters dropped and invalid UTF-8 replaced by U+FFFD.
 * NULL writes nothing. */
void svg_escape(FILE *out, const char *s);

/* The fill and outline of a status colour in charts ("green", "amber", "red";
 * anything else is grey). Each outline has at least 3:1 contrast on white. */
const char *svg_status_fill(vocab_colour colour);
const char *svg_status_stroke(vocab_colour colour);

/* The status shape centred on (cx, cy) with half-size `r`, as SVG elements. */
void svg_status_shape(FILE *out, vocab_colour colour, double cx, double cy, double r);

/* A small standalone <svg> of `px` pixels holding the status shape drawn in
 * currentColor, hidden from assistive technology (the word beside it is read). */
int svg_status_icon(FILE *out, vocab_colour colour, int px);

/* A sparkline of `n` values in time order (NaN for a gap, which breaks the
 * line), the last value marked. Writes nothing when no value is a number. */
int svg_sparkline(FILE *out, const double *values, size_t n, int width, int height, const char *label);

/* A Making Data Count variation icon (`variation`: common_cause,
 * improvement_high, improvement_low, concern_high, concern_low, neutral_high,
 * neutral_low), with the assurance icon beside it when `assurance` is not
 * NULL (consistent_pass, consistent_fail, inconsistent). Colour is doubled by
 * a letter (H, L, P, F, ?) and the label names both. */
int svg_spc_icon(FILE *out, const char *variation, const char *assurance, int px, const char *label);

typedef enum svg_point_kind { SVG_COMMON, SVG_IMPROVEMENT, SVG_CONCERN, SVG_NEUTRAL } svg_point_kind;

typedef struct svg_spc {
    const double *values;        /* n points in time order; NaN for none */
    const svg_point_kind *kinds; /* n kinds, or NULL: all common cause */
    const char *const *labels;   /* n x-axis labels (NULL entries unlabelled), or NULL */
    size_t n;
    double mean, lpl, upl, target; /* NaN when none */
    const char *unit;              /* shown on the value axis, or NULL */
    const char *label;             /* the accessible name */
} svg_spc;

/* An XmR chart: the points joined, the mean, the process limits, the target
 * line, special-cause points coloured and shaped by kind, and a legend. */
int svg_spc_chart(FILE *out, const svg_spc *c, int width, int height);

typedef struct svg_cat_row {
    const char *label;          /* the area's name */
    double value, lower, upper; /* NaN when none; rows without a value are left out */
    vocab_colour colour;        /* the status colour */
    const char *status;         /* the status word, for the row's title */
} svg_cat_row;

/* A caterpillar chart: one row per area with a value, sorted from the highest
 * value down, each value with its interval, drawn with its status shape and
 * colour, against a vertical comparator line (none when `comparator` is NaN).
 * The rows are not changed. */
int svg_caterpillar(FILE *out, const svg_cat_row *rows, size_t n, double comparator,
                    const char *comparator_label, int width, const char *label);

#endif
