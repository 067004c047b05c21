/* svg.c - inline SVG charts for the HTML scorecard (svg.h, docs/html.md). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "svg.h"

/* Text and lines: #1a1a1a is 17.4:1 on white, #444444 9.7:1, #6b6b6b 5.3:1. */
#define INK "#1a1a1a"
#define INK2 "#444444"
#define MUTED "#6b6b6b"
#define GRID "#dddddd"
#define BAND "#f4f4f4"
/* SPC, after the Making Data Count palette, darkened to at least 4.5:1 on white. */
#define SPC_IMPROVEMENT "#1f6fb2"
#define SPC_CONCERN "#b85600"
#define SPC_NEUTRAL "#6a3d9a"
#define SPC_TARGET "#8b1a1a"

static int done(FILE *out)
{
    return ferror(out) ? ERR_IO : 0;
}

/* The length of the valid UTF-8 sequence at p (its first byte >= 0x80), 0 when invalid. */
static size_t utf8_len(const unsigned char *p)
{
    unsigned c = p[0];
    if (c >= 0xC2 && c <= 0xDF)
        return (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

/* Escapes at most `max` characters of s (0: all), adding an ellipsis when cut. */
static void escape_n(FILE *out, const char *s, size_t max)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    size_t count = 0;
    while (*p) {
        if (max && count == max) {
            fputs("\xE2\x80\xA6", out); /* ... */
            return;
        }
        count++;
        unsigned c = *p;
        if (c < 0x80) {
            switch (c) {
            case '&': fputs("&amp;", out); break;
            case '<': fputs("&lt;", out); break;
            case '>': fputs("&gt;", out); break;
            case '"': fputs("&quot;", out); break;
            case '\'': fputs("&#39;", out); break;
            default:
                if (c >= 0x20 && c != 0x7F)
                    fputc((int)c, out);
                else if (c == '\t' || c == '\n' || c == '\r')
                    fputc(' ', out);
                else
                    count--;
            }
            p++;
            continue;
        }
        size_t len = utf8_len(p);
        if (!len) {
            fputs("\xEF\xBF\xBD", out);
            p++;
        } else if (len == 2 && c == 0xC2 && p[1] < 0xA0) {
            count--; /* a C1 control */
            p += len;
        } else {
            fwrite(p, 1, len, out);
            p += len;
        }
    }
}

void svg_escape(FILE *out, const char *s)
{
    escape_n(out, s, 0);
}

/* Fills: the badge colours of the page. Outlines: at least 3:1 on white
 * (green 6.6, amber 7.4, red 6.5, grey 5.3). By vocab_colour. */
static const char *const FILL[VOCAB_NCOLOURS] = {"#e8e8e8", "#1d6b35", "#ffbf47", "#b3261e"};
static const char *const STROKE[VOCAB_NCOLOURS] = {MUTED, "#1d6b35", "#7a4b00", "#b3261e"};

const char *svg_status_fill(vocab_colour colour)
{
    return FILL[colour];
}

const char *svg_status_stroke(vocab_colour colour)
{
    return STROKE[colour];
}

/* Each status has its shape, so colour is never the only signal: a circle, a
 * triangle, a square, and a dash for no colour. */
static void shape(FILE *out, vocab_colour colour, double cx, double cy, double r, const char *fill, const char *stroke,
                  double width)
{
    switch (colour) {
    case COLOUR_GREEN:
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"", cx, cy, r);
        break;
    case COLOUR_AMBER:
        fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"", cx, cy - r * 1.15, cx + r * 1.1, cy + r * 0.85,
                cx - r * 1.1, cy + r * 0.85);
        break;
    case COLOUR_RED:
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", cx - r * 0.9, cy - r * 0.9, r * 1.8,
                r * 1.8);
        break;
    case COLOUR_GREY:
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"", cx - r, cy - r * 0.3, r * 2, r * 0.6);
        break;
    }
    fprintf(out, " fill=\"%s\" stroke=\"%s\" stroke-width=\"%.1f\"/>", fill, stroke, width);
}

void svg_status_shape(FILE *out, vocab_colour colour, double cx, double cy, double r)
{
    shape(out, colour, cx, cy, r, svg_status_fill(colour), svg_status_stroke(colour), 1.2);
}

int svg_status_icon(FILE *out, vocab_colour colour, int px)
{
    fprintf(out, "<svg class=\"shape\" width=\"%d\" height=\"%d\" viewBox=\"0 0 12 12\" aria-hidden=\"true\" focusable=\"false\">",
            px, px);
    shape(out, colour, 6, 6.3, 4.6, "currentColor", "currentColor", 0);
    fputs("</svg>", out);
    return done(out);
}

static void open_svg(FILE *out, const char *cls, int width, int height, const char *label)
{
    fprintf(out, "<svg class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", cls,
            width, height, width, height);
    svg_escape(out, label);
    fputs("\"><title>", out);
    svg_escape(out, label);
    fputs("</title>", out);
}

int svg_sparkline(FILE *out, const double *v, size_t n, int width, int height, const char *label)
{
    double lo = INFINITY, hi = -INFINITY;
    size_t last = n;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i])) {
            lo = v[i] < lo ? v[i] : lo;
            hi = v[i] > hi ? v[i] : hi;
            last = i;
        }
    if (last == n)
        return done(out);
    const double pad = 3;
    open_svg(out, "spark", width, height, label);
#define SX(i) (n > 1 ? pad + (width - 2 * pad) * (double)(i) / (double)(n - 1) : width / 2.0)
#define SY(y) (hi > lo ? pad + (height - 2 * pad) * (hi - (y)) / (hi - lo) : height / 2.0)
    size_t i = 0;
    while (i < n) {
        if (isnan(v[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !isnan(v[j]))
            j++;
        if (j - i == 1) {
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"" INK2 "\"/>", SX(i), SY(v[i]));
        } else {
            fputs("<polyline fill=\"none\" stroke=\"" INK2 "\" stroke-width=\"1.5\" stroke-linejoin=\"round\" points=\"", out);
            for (size_t k = i; k < j; k++)
                fprintf(out, "%s%.1f,%.1f", k > i ? " " : "", SX(k), SY(v[k]));
            fputs("\"/>", out);
        }
        i = j;
    }
    fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"" INK "\"/>", SX(last), SY(v[last]));
#undef SX
#undef SY
    fputs("</svg>", out);
    return done(out);
}

/* The Making Data Count icons, redrawn from NHSRplotthedots' inst/icons
 * (MIT licence, copyright 2021 NHS-R Community; PowerBI-SPC's "NHS Icons",
 * also MIT, translate the same files), on their 378-unit square: the ring,
 * the letter, the run of five dots and their joins, the arrows and the
 * assurance lines are theirs, in their colours, without the drop shadow. The
 * official orange and light grey are below 3:1 on white (docs/html.md): the
 * letters, the arrow's direction and the accessible name carry the meaning. */
#define MDC_BLUE "#0072C6"   /* improvement, pass */
#define MDC_ORANGE "#FF6600" /* concern, fail */
#define MDC_PURPLE "#8000C0" /* neither */
#define MDC_GREY "#BFBFBF"   /* common cause, inconsistent */
#define MDC_DARK "#7F7F7F"   /* the run before the special cause, the process line */

typedef struct mdc_dot {
    double x, y;
} mdc_dot;

/* The dots of a run: common cause, a run ending high, a run ending low. */
static const mdc_dot RUN_COMMON[5] = {{97, 195}, {144, 233}, {191.5, 153.5}, {238.5, 221.5}, {286, 206.5}};
static const mdc_dot RUN_HIGH[5] = {{97, 210.5}, {144, 229}, {191.5, 210.5}, {238.5, 165}, {286, 180}};
static const mdc_dot RUN_LOW[5] = {{97, 168.5}, {144, 150}, {191.5, 168.5}, {238.5, 214}, {286, 199}};

/* Opens an icon of px pixels at x: its ring in `ring`. */
static void mdc_open(FILE *out, double x, int px, const char *ring)
{
    fprintf(out, "<g transform=\"translate(%.1f 0) scale(%.5f)\">", x, px / 378.0);
    fprintf(out, "<circle cx=\"189\" cy=\"189\" r=\"151\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"20\"/>", ring);
}

static void mdc_letter(FILE *out, double x, double y, const char *fill, const char *letter)
{
    fprintf(out,
            "<text x=\"%.1f\" y=\"%.1f\" font-family=\"Arial,sans-serif\" font-weight=\"700\" font-size=\"117\" "
            "fill=\"%s\">%s</text>",
            x, y, fill, letter);
}

/* The run: joined in `join`, the first three dots in `first`, the last two in `last`. */
static void mdc_run(FILE *out, const mdc_dot *d, const char *join, const char *first, const char *last)
{
    fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"9\" points=\"", join);
    for (int k = 0; k < 5; k++)
        fprintf(out, "%s%.1f,%.1f", k ? " " : "", d[k].x, d[k].y);
    fputs("\"/>", out);
    for (int k = 0; k < 5; k++)
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"20.5\" fill=\"%s\"/>", d[k].x, d[k].y, k < 3 ? first : last);
}

static void mdc_variation(FILE *out, double x, int px, const char *variation)
{
    int high = strstr(variation, "_high") != NULL, low = !high && strstr(variation, "_low") != NULL;
    int neutral = !strncmp(variation, "neutral", 7);
    const char *col = !strncmp(variation, "improvement", 11) ? MDC_BLUE
                      : !strncmp(variation, "concern", 7)   ? MDC_ORANGE
                      : neutral                             ? MDC_PURPLE
                                                            : NULL;
    if (!col || (!high && !low)) { /* common cause, and anything not named */
        mdc_open(out, x, px, MDC_GREY);
        mdc_run(out, RUN_COMMON, MDC_GREY, MDC_GREY, MDC_GREY);
    } else if (neutral) { /* neither better nor worse: an arrow up or down */
        mdc_open(out, x, px, col);
        fprintf(out, "<path d=\"%s\" fill=\"" MDC_PURPLE "\"/>",
                high ? "M103.7 242.2 180 165.9 151.7 137.6 258.3 119.7 240.4 226.2 212.1 197.9 135.7 274.3Z"
                     : "M135.7 103.7 212.1 180 240.4 151.7 258.3 258.3 151.7 240.4 180 212.1 103.7 135.7Z");
    } else {
        mdc_open(out, x, px, col);
        mdc_letter(out, 106.2, high ? 172 : 292, col, high ? "H" : "L");
        mdc_run(out, high ? RUN_HIGH : RUN_LOW, MDC_DARK, MDC_DARK, col);
    }
    fputs("</g>", out);
}

static void mdc_assurance(FILE *out, double x, int px, const char *assurance)
{
    int pass = !strcmp(assurance, "consistent_pass"), fail = !strcmp(assurance, "consistent_fail");
    const char *ring = pass ? MDC_BLUE : fail ? MDC_ORANGE : MDC_GREY;
    mdc_open(out, x, px, ring);
    mdc_letter(out, 155.9, 158, pass || fail ? ring : MDC_DARK, pass ? "P" : fail ? "F" : "?");
    /* the target, dashed: under the process (pass), over it (fail), through it (inconsistent) */
    fprintf(out, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"8.7\" stroke-dasharray=\"26 8.7\"/>",
            pass ? "M55.5 257.5H323.8" : fail ? "M38.5 185.5H340.9" : "M38.5 222.5H340.9", ring);
    fputs("<path d=\"M72.5 238.8C89 218.2 107.7 200.8 129.6 200.5 152.1 201.5 176.6 238.7 192.6 241.3 206.3 244.1 "
          "205.9 217.7 212.8 216.7 217.6 215.4 220.2 238.2 233.1 240.5 248.6 243.8 291.6 234.4 302.5 236.2\" "
          "fill=\"none\" stroke=\"" MDC_DARK "\" stroke-width=\"10.7\"/></g>",
          out);
}

int svg_spc_icon(FILE *out, const char *variation, const char *assurance, int px, const char *label)
{
    if (!variation)
        return done(out);
    int w = assurance ? 2 * px + 4 : px;
    open_svg(out, "spc-icon", w, px, label);
    mdc_variation(out, 0, px, variation);
    if (assurance)
        mdc_assurance(out, px + 4, px, assurance);
    fputs("</svg>", out);
    return done(out);
}

/* A readable number for labels. */
static void fmt_num(char *buf, size_t size, double v)
{
    if (fabs(v) >= 1e5)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.5g", v);
}

/* A tick step of 1, 2, 2.5 or 5 times a power of ten giving about `ticks` ticks. */
static double nice_step(double span, int ticks)
{
    double raw = span / ticks, mag = pow(10, floor(log10(raw))), f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

static int step_decimals(double step)
{
    int d = 0;
    while (d < 6 && fabs(step * pow(10, d) - floor(step * pow(10, d) + 0.5)) > 1e-9)
        d++;
    return d;
}

static void widen(double *lo, double *hi, double v)
{
    if (isnan(v))
        return;
    if (v < *lo)
        *lo = v;
    if (v > *hi)
        *hi = v;
}

/* Pads [lo, hi] by 6% (or by 1 when it is a single value). */
static void pad_range(double *lo, double *hi)
{
    if (*hi - *lo <= 0) {
        double d = fabs(*lo) > 0 ? fabs(*lo) * 0.1 : 1;
        *lo -= d;
        *hi += d;
    } else {
        double d = (*hi - *lo) * 0.06;
        *lo -= d;
        *hi += d;
    }
}

typedef struct line_label {
    double y;
    const char *text;
    double value;
} line_label;

static int by_y(const void *a, const void *b)
{
    double x = ((const line_label *)a)->y, y = ((const line_label *)b)->y;
    return (x > y) - (x < y);
}

static void point_mark(FILE *out, svg_point_kind k, double x, double y)
{
    switch (k) {
    case SVG_IMPROVEMENT:
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"" SPC_IMPROVEMENT "\" stroke=\"#ffffff\"/>", x, y);
        break;
    case SVG_CONCERN:
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8.5\" height=\"8.5\" fill=\"" SPC_CONCERN "\" stroke=\"#ffffff\"/>",
                x - 4.25, y - 4.25);
        break;
    case SVG_NEUTRAL:
        fprintf(out,
                "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"" SPC_NEUTRAL "\" stroke=\"#ffffff\"/>", x,
                y - 5.5, x + 5.5, y, x, y + 5.5, x - 5.5, y);
        break;
    default:
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.8\" fill=\"" MUTED "\"/>", x, y);
    }
}

static const char *kind_word(svg_point_kind k)
{
    return k == SVG_IMPROVEMENT ? "special cause: improvement"
           : k == SVG_CONCERN   ? "special cause: concern"
           : k == SVG_NEUTRAL   ? "special cause: neither better nor worse"
                                : "common cause";
}

/* Axis labels: 11 px text, at most 14 characters and an ellipsis, 8 px apart at least. */
#define AXIS_FONT 11.0
#define AXIS_CHARS 15
#define AXIS_GAP 8.0

double svg_label_width(const char *s, double font)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && chars < AXIS_CHARS; p++)
        chars += (*p & 0xC0) != 0x80 && *p >= 0x20 && *p != 0x7F;
    return 0.6 * font * (double)chars;
}

/* The boxes of labels a and b, centred on their points, are at least gap apart. */
static int label_fits(const double *x, const char *const *labels, double font, double gap, size_t a, size_t b)
{
    return fabs(x[b] - x[a]) >= (svg_label_width(labels[a], font) + svg_label_width(labels[b], font)) / 2 + gap;
}

size_t svg_axis_pick(const double *x, const char *const *labels, size_t n, double font, double gap,
                     unsigned char *keep)
{
    size_t first = n, last = n;
    for (size_t i = 0; i < n; i++) {
        keep[i] = 0;
        if (labels && labels[i]) {
            first = first == n ? i : first;
            last = i;
        }
    }
    if (last == n)
        return 0;
    /* evenly: the widest label sets the step, in points, counted back from the last */
    double widest = 0, spacing = last > first ? (x[last] - x[first]) / (double)(last - first) : 0;
    for (size_t i = first; i <= last; i++)
        if (labels[i] && svg_label_width(labels[i], font) > widest)
            widest = svg_label_width(labels[i], font);
    size_t step = spacing > 0 ? (size_t)ceil((widest + gap) / spacing) : n, prev = last, kept = 1;
    keep[last] = 1;
    for (size_t i = last; i-- > first;)
        if (labels[i] && prev - i >= step && label_fits(x, labels, font, gap, i, prev))
            keep[i] = 1, kept++, prev = i;
    if (first != last && !keep[first]) {
        /* the first period is always shown: drop the labels it would touch */
        for (size_t k = first + 1; k < last; k++)
            if (keep[k] && !label_fits(x, labels, font, gap, first, k))
                keep[k] = 0, kept--;
        if (label_fits(x, labels, font, gap, first, last))
            keep[first] = 1, kept++;
    }
    return kept;
}

/* A line that may change value at each of the n points at px[i]: level
 * across each point's share of the x axis (to the midpoints with its
 * neighbours), a riser where it changes, broken where it is NaN. */
static void step_line(FILE *out, const double *px, const double *v, size_t n, double top, double height, double lo,
                      double hi, const char *style)
{
    int open = 0;
    double was = NAN;
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i])) {
            open = 0;
            continue;
        }
        double y = top + height * (hi - v[i]) / (hi - lo);
        double left = i > 0 ? (px[i - 1] + px[i]) / 2 : px[i], right = i + 1 < n ? (px[i] + px[i + 1]) / 2 : px[i];
        if (!open)
            fprintf(out, "<path fill=\"none\" %s d=\"M%.1f,%.1f", style, left, y);
        else if (y != was)
            fprintf(out, "V%.1f", y);
        fprintf(out, "H%.1f", right);
        open = 1, was = y;
        if (i + 1 == n || isnan(v[i + 1]))
            fputs("\"/>", out);
    }
}

int svg_spc_chart(FILE *out, const svg_spc *c, int width, int height)
{
    const double ml = 62, mr = 118, mt = 22, mb = 54;
    double lo = INFINITY, hi = -INFINITY;
    size_t valued = 0;
    for (size_t i = 0; i < c->n; i++)
        if (!isnan(c->values[i])) {
            widen(&lo, &hi, c->values[i]);
            valued++;
        }
    if (!valued)
        return done(out);
    for (size_t i = 0; i < c->n; i++) {
        widen(&lo, &hi, c->cl ? c->cl[i] : NAN);
        widen(&lo, &hi, c->lpl_at ? c->lpl_at[i] : NAN);
        widen(&lo, &hi, c->upl_at ? c->upl_at[i] : NAN);
    }
    widen(&lo, &hi, c->mean);
    widen(&lo, &hi, c->lpl);
    widen(&lo, &hi, c->upl);
    widen(&lo, &hi, c->target);
    pad_range(&lo, &hi);
    double pw = width - ml - mr, ph = height - mt - mb;
#define X(i) (c->n > 1 ? ml + pw * (double)(i) / (double)(c->n - 1) : ml + pw / 2)
#define Y(v) (mt + ph * (hi - (v)) / (hi - lo))
    double *xs = malloc(c->n * sizeof *xs);
    unsigned char *keep = calloc(c->n, 1);
    if (!xs || !keep) {
        free(xs), free(keep);
        return ERR_NOMEM;
    }
    for (size_t i = 0; i < c->n; i++)
        xs[i] = X(i);
    open_svg(out, "spc-chart", width, height, c->label);
    fputs("<g font-family=\"sans-serif\" font-size=\"11\" fill=\"" INK "\">", out);

    /* value axis: grid lines and ticks */
    double step = nice_step(hi - lo, 5);
    int dec = step_decimals(step);
    for (double t = ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
        double y = Y(t);
        fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"" GRID "\"/>", ml, ml + pw, y, y);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.*f</text>", ml - 6, y + 4, dec, fabs(t) < step * 1e-9 ? 0.0 : t);
    }
    if (c->unit && *c->unit) {
        fprintf(out, "<text x=\"4\" y=\"%.1f\">", mt - 8);
        escape_n(out, c->unit, 24);
        fputs("</text>", out);
    }
    fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"" MUTED "\"/>", ml, mt, pw, ph);

    /* the mean, the process limits and the target, labelled on the right */
    line_label labels[4];
    size_t nl = 0;
    struct {
        double v;
        const double *at;
        const char *text, *style;
    } lines[4] = {
        {c->upl, c->upl_at, "Upper limit", "stroke=\"" MUTED "\" stroke-width=\"1.3\" stroke-dasharray=\"6 4\""},
        {c->mean, c->cl, "Mean", "stroke=\"" INK "\" stroke-width=\"1.3\""},
        {c->lpl, c->lpl_at, "Lower limit", "stroke=\"" MUTED "\" stroke-width=\"1.3\" stroke-dasharray=\"6 4\""},
        {c->target, NULL, "Target", "stroke=\"" SPC_TARGET "\" stroke-width=\"2\" stroke-dasharray=\"2 3\""},
    };
    for (size_t k = 0; k < 4; k++) {
        if (lines[k].at)
            step_line(out, xs, lines[k].at, c->n, mt, ph, lo, hi, lines[k].style);
        if (isnan(lines[k].v))
            continue;
        double y = Y(lines[k].v);
        if (!lines[k].at)
            fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" %s/>", ml, ml + pw, y, y, lines[k].style);
        labels[nl++] = (line_label){y, lines[k].text, lines[k].v};
    }
    qsort(labels, nl, sizeof *labels, by_y);
    for (size_t k = 1; k < nl; k++)
        if (labels[k].y < labels[k - 1].y + 12)
            labels[k].y = labels[k - 1].y + 12;
    for (size_t k = 0; k < nl; k++) {
        char num[32];
        fmt_num(num, sizeof num, labels[k].value);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\"%s>%s %s</text>", ml + pw + 6, labels[k].y + 4,
                !strcmp(labels[k].text, "Target") ? " fill=\"" SPC_TARGET "\"" : "", labels[k].text, num);
    }

    /* the points, joined where there is no gap */
    for (size_t i = 0; i < c->n;) {
        if (isnan(c->values[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < c->n && !isnan(c->values[j]))
            j++;
        if (j - i > 1) {
            fputs("<polyline fill=\"none\" stroke=\"" MUTED "\" stroke-width=\"1.5\" points=\"", out);
            for (size_t k = i; k < j; k++)
                fprintf(out, "%s%.1f,%.1f", k > i ? " " : "", X(k), Y(c->values[k]));
            fputs("\"/>", out);
        }
        i = j;
    }
    int present[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < c->n; i++) {
        if (isnan(c->values[i]))
            continue;
        svg_point_kind k = c->kinds ? c->kinds[i] : SVG_COMMON;
        present[k] = 1;
        char num[32];
        fmt_num(num, sizeof num, c->values[i]);
        fputs("<g><title>", out);
        if (c->labels && c->labels[i]) {
            svg_escape(out, c->labels[i]);
            fputs(": ", out);
        }
        fprintf(out, "%s, %s</title>", num, kind_word(k));
        point_mark(out, k, X(i), Y(c->values[i]));
        fputs("</g>", out);
    }

    /* the time axis: the first and last periods, and those between that fit */
    if (c->labels) {
        svg_axis_pick(xs, c->labels, c->n, AXIS_FONT, AXIS_GAP, keep);
        for (size_t i = 0; i < c->n; i++) {
            if (!keep[i])
                continue;
            fprintf(out, "<text class=\"x-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", xs[i], mt + ph + 16);
            escape_n(out, c->labels[i], AXIS_CHARS - 1);
            fputs("</text>", out);
        }
    }
    free(xs), free(keep);

    /* legend */
    double lx = ml, ly = height - 12;
    static const svg_point_kind order[4] = {SVG_COMMON, SVG_IMPROVEMENT, SVG_CONCERN, SVG_NEUTRAL};
    static const char *const words[4] = {"Common cause", "Improvement", "Concern", "Neither"};
    for (size_t k = 0; k < 4; k++) {
        if (!present[order[k]])
            continue;
        point_mark(out, order[k], lx + 5, ly - 4);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", lx + 14, ly, words[k]);
        lx += 24 + 6.2 * (double)strlen(words[k]);
    }
    if (!isnan(c->target)) {
        fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"" SPC_TARGET "\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>",
                lx, lx + 18, ly - 4, ly - 4);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">Target</text>", lx + 22, ly);
        lx += 22 + 6.2 * 6 + 12;
    }
    fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"" MUTED "\" stroke-width=\"1.3\" stroke-dasharray=\"6 4\"/>",
            lx, lx + 18, ly - 4, ly - 4);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">Process limits</text>", lx + 22, ly);
    fputs("</g></svg>", out);
#undef X
#undef Y
    return done(out);
}

typedef struct cat_sort {
    const svg_cat_row *row;
    size_t index;
} cat_sort;

static int by_value_desc(const void *a, const void *b)
{
    const cat_sort *x = a, *y = b;
    if (x->row->value != y->row->value)
        return x->row->value < y->row->value ? 1 : -1;
    return (x->index > y->index) - (x->index < y->index);
}

int svg_caterpillar(FILE *out, const svg_cat_row *rows, size_t n, double comparator, const char *comparator_label,
                    int width, const char *label)
{
    const double ml = 220, mr = 70, mt = 28, mb = 30, rh = 22;
    cat_sort *s = malloc((n ? n : 1) * sizeof *s);
    if (!s)
        return ERR_NOMEM;
    size_t m = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (isnan(rows[i].value))
            continue;
        s[m++] = (cat_sort){&rows[i], i};
        widen(&lo, &hi, rows[i].value);
        widen(&lo, &hi, rows[i].lower);
        widen(&lo, &hi, rows[i].upper);
    }
    if (!m) {
        free(s);
        return done(out);
    }
    widen(&lo, &hi, comparator);
    pad_range(&lo, &hi);
    qsort(s, m, sizeof *s, by_value_desc);
    double pw = width - ml - mr;
    int height = (int)(mt + rh * (double)m + mb);
#define X(v) (ml + pw * ((v) - lo) / (hi - lo))
    open_svg(out, "caterpillar", width, height, label);
    fputs("<g font-family=\"sans-serif\" font-size=\"12\" fill=\"" INK "\">", out);
    for (size_t k = 0; k < m; k += 2)
        fprintf(out, "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"" BAND "\"/>", mt + rh * (double)k, width, rh);
    double step = nice_step(hi - lo, 6);
    int dec = step_decimals(step);
    double bottom = mt + rh * (double)m;
    for (double t = ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
        double x = X(t);
        fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"" GRID "\"/>", x, x, mt, bottom);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.*f</text>", x, bottom + 16, dec,
                fabs(t) < step * 1e-9 ? 0.0 : t);
    }
    fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"" MUTED "\"/>", ml, ml + pw, bottom, bottom);
    if (!isnan(comparator)) {
        double x = X(comparator);
        char num[32];
        fmt_num(num, sizeof num, comparator);
        fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"" INK "\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>",
                x, x, mt - 6, bottom);
        const char *anchor = x < ml + 80 ? "start" : x > ml + pw - 80 ? "end" : "middle";
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, mt - 10, anchor);
        escape_n(out, comparator_label ? comparator_label : "Comparator", 40);
        fprintf(out, " %s</text>", num);
    }
    for (size_t k = 0; k < m; k++) {
        const svg_cat_row *r = s[k].row;
        double y = mt + rh * (double)k + rh / 2;
        char num[32], a[32], b[32];
        fmt_num(num, sizeof num, r->value);
        fputs("<g><title>", out);
        svg_escape(out, r->label);
        fprintf(out, ": %s", num);
        if (!isnan(r->lower) && !isnan(r->upper)) {
            fmt_num(a, sizeof a, r->lower);
            fmt_num(b, sizeof b, r->upper);
            fprintf(out, " (interval %s to %s)", a, b);
        }
        fputs(", ", out);
        svg_escape(out, r->status ? r->status : vocab_colour_name(r->colour));
        fprintf(out, "</title><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", ml - 8, y + 4);
        escape_n(out, r->label, 32);
        fputs("</text>", out);
        if (!isnan(r->lower) && !isnan(r->upper)) {
            double x1 = X(r->lower), x2 = X(r->upper);
            fprintf(out,
                    "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" stroke=\"" INK2 "\" stroke-width=\"1.4\" fill=\"none\"/>",
                    x1, y, x2, x1, y - 4, y + 4, x2, y - 4, y + 4);
        }
        svg_status_shape(out, r->colour, X(r->value), y, 5.5);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">%s</text></g>", ml + pw + 8, y + 4, num);
    }
    fputs("</g></svg>", out);
#undef X
    free(s);
    return done(out);
}
