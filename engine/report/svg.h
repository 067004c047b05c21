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
 * NULL (consistent_pass, consistent_fail, inconsistent), drawn as NHS England's
 * icons are: a ringed circle holding a run of dots (special cause: the last
 * two coloured) and H or L, an arrow for neither; assurance P, F or ? over a
 * process line and a dashed target. Colour is doubled by the letter or arrow,
 * and the label names both. Writes nothing when `variation` is NULL. */
int svg_spc_icon(FILE *out, const char *variation, const char *assurance, int px, const char *label);

typedef enum svg_point_kind { SVG_COMMON, SVG_IMPROVEMENT, SVG_CONCERN, SVG_NEUTRAL } svg_point_kind;

typedef struct svg_spc {
    const double *values;        /* n points in time order; NaN for none */
    const svg_point_kind *kinds; /* n kinds, or NULL: all common cause */
    const char *const *labels;   /* n periods (NULL entries: none), or NULL: each point's
                                  * <title> names its period, the axis a subset that fits */
    size_t n;
    double mean, lpl, upl, target; /* the last point's lines, labelled on the right; NaN when none */
    const double *cl, *lpl_at, *upl_at; /* n each, or NULL: the lines above drawn flat. Each
                                         * point's centre line and limits (NaN: none), drawn as
                                         * steps where they change (a rebased chart) */
    const char *unit;              /* shown on the value axis, or NULL */
    const char *label;             /* the accessible name */
} svg_spc;

/* An XmR chart: the points joined, the mean and the process limits (steps
 * when they vary by point), the target line, special-cause points coloured
 * and shaped by kind, and a legend. The time axis labels the first and the last point with a period and as many
 * between, evenly, as fit without overlapping (svg_axis_pick). */
int svg_spc_chart(FILE *out, const svg_spc *c, int width, int height);

/* The x-axis labels that fit: of the n points at x[i] (increasing), those with
 * a label, text of font size `font` in px centred on its point, chosen from
 * the last backwards so that no two boxes overlap or come within `gap` px;
 * the first labelled point is always kept when it fits beside the last. A
 * box is estimated as 0.6 em a character (of at most 15 shown). keep[i] is
 * set to 1 for the chosen; returns their number. */
size_t svg_axis_pick(const double *x, const char *const *labels, size_t n, double font, double gap,
                     unsigned char *keep);

/* The estimated width in px of `s` as an axis label (svg_axis_pick). */
double svg_label_width(const char *s, double font);

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
