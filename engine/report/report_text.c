/* report_text.c - the scorecard for a terminal: per area its status, then each
 * outcome with its title and, under it, its indicators (every indicator is in an
 * outcome; one in two is under both) with their titles and reasons. Colour is never the only signal: every status is also a word. Long
 * lines wrap to the terminal's width at spaces, continuation lines indented
 * under their column; widths count UTF-8 characters, and the ANSI colour codes
 * (around fixed-width status words only) count nothing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"

#define STATUS_WIDTH 5   /* "green", "amber", "red", "grey" */
#define NARROWEST_TEXT 20 /* below this many columns for a text, it starts on a line of its own */

const char *report_ansi(vocab_colour colour, int on)
{
    static const char *const ESCAPE[VOCAB_NCOLOURS] = {[COLOUR_GREY] = "\033[2m", [COLOUR_GREEN] = "\033[1;32m",
                                                       [COLOUR_AMBER] = "\033[1;33m", [COLOUR_RED] = "\033[1;31m"};
    return on ? ESCAPE[colour] : "";
}

/* Characters of the UTF-8 text s[0..n) (continuation bytes do not count). */
static size_t chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

typedef struct writer {
    FILE *out;
    int colour;   /* ANSI codes on */
    size_t width; /* 0: no limit */
    size_t col;   /* characters written on the current line */
    size_t pad;   /* the column the next text starts at: spaces are written only
                     before text, so no line ends in them */
} writer;

static size_t at(const writer *w)
{
    return w->pad > w->col ? w->pad : w->col;
}

static void pad_to(writer *w, size_t col)
{
    w->pad = col;
}

static void skip(writer *w, size_t n)
{
    w->pad = at(w) + n;
}

static void flush_pad(writer *w)
{
    for (; w->col < w->pad; w->col++)
        fputc(' ', w->out);
}

static void put(writer *w, const char *s)
{
    flush_pad(w);
    fputs(s, w->out);
    w->col += chars(s, strlen(s));
}

static void newline(writer *w)
{
    fputc('\n', w->out);
    w->col = w->pad = 0;
}

/* `s` from the current column, wrapped at spaces (a tab or line break counts as
 * one) to the width, each continuation line starting at column `indent`. A word
 * longer than a whole line is written whole; with no width nothing wraps. */
static void wrapped(writer *w, const char *s, size_t indent)
{
    static const char SPACE[] = " \t\r\n";
    if (!s)
        return;
    if (w->width && at(w) > indent && at(w) + NARROWEST_TEXT > w->width) {
        newline(w);
        pad_to(w, indent);
    }
    for (int first = 1; *(s += strspn(s, SPACE)); first = 0) {
        size_t word = strcspn(s, SPACE), len = chars(s, word);
        if (w->width && at(w) > indent && at(w) + !first + len > w->width) {
            newline(w);
            pad_to(w, indent);
        } else if (!first) {
            skip(w, 1);
        }
        flush_pad(w);
        fwrite(s, 1, word, w->out);
        w->col += len;
        s += word;
    }
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The status word, its column STATUS_WIDTH wide; first on a new line when the
 * rest of this one has no room for it. */
static void status(writer *w, vocab_colour colour, size_t indent)
{
    if (w->width && at(w) > indent && at(w) + STATUS_WIDTH > w->width) {
        newline(w);
        pad_to(w, indent);
    }
    flush_pad(w);
    size_t start = w->col;
    fprintf(w->out, "%s%s%s", report_ansi(colour, w->colour), vocab_colour_name(colour), w->colour ? "\033[0m" : "");
    w->col += strlen(vocab_colour_name(colour));
    pad_to(w, start + STATUS_WIDTH);
}

/* Column widths, the widest of their texts over the framework and areas. */
typedef struct widths {
    size_t out_id, ind_id, assessment, value;
} widths;

static size_t widest(size_t now, const char *s)
{
    size_t n = s ? chars(s, strlen(s)) : 0;
    return n > now ? n : now;
}

static void measure(const result_set *r, widths *wd)
{
    const framework *f = r->framework;
    memset(wd, 0, sizeof *wd);
    wd->value = 1; /* "-" */
    for (size_t o = 0; o < f->nout; o++)
        wd->out_id = widest(wd->out_id, f->out[o].id);
    for (size_t i = 0; i < f->nind; i++) {
        wd->ind_id = widest(wd->ind_id, f->ind[i].id);
        for (size_t a = 0; a < r->nareas; a++) {
            const res_indicator *x = &r->areas[a].indicators[i];
            char *said = report_words_dup(x->assessment, 0), buf[64];
            wd->assessment = widest(wd->assessment, said);
            free(said);
            wd->value = widest(wd->value, report_value(buf, sizeof buf, x, report_decimals(r, i)));
        }
    }
}

/* "    NI-1  green  better  88.8  2023/24  Adults able to ..." and, under it, the reason. */
static void indicator(writer *w, const result_set *r, const res_area *ra, size_t i, const widths *wd)
{
    const fw_indicator *ind = &r->framework->ind[i];
    const res_indicator *x = &ra->indicators[i];
    char buf[64];
    const char *value = report_value(buf, sizeof buf, x, report_decimals(r, i));
    char *said = report_words_dup(x->assessment, 0);
    pad_to(w, 4);
    put(w, ind->id);
    pad_to(w, 4 + wd->ind_id + 2);
    size_t under = at(w); /* the reason's column: under the status */
    status(w, x->colour, under);
    skip(w, 2);
    put(w, said ? said : "");
    pad_to(w, under + STATUS_WIDTH + 2 + wd->assessment + 2);
    skip(w, wd->value - chars(value ? value : "-", strlen(value ? value : "-"))); /* numbers to the right */
    put(w, value ? value : "-");
    skip(w, 2);
    put(w, x->period ? x->period : "-");
    skip(w, 2);
    wrapped(w, or_empty(ind->title), under);
    newline(w);
    free(said);
    if (x->reason || x->provisional || x->revised) {
        pad_to(w, under);
        char *reason = NULL;
        if (x->provisional || x->revised)
            reason = text_printf_dup("%s%s%s", x->reason ? x->reason : "", x->provisional ? " [provisional]" : "",
                                     x->revised ? " [revised]" : "");
        wrapped(w, reason ? reason : x->reason, under);
        free(reason);
        newline(w);
    }
}

static void outcome(writer *w, const framework *f, const res_area *ra, size_t o, const widths *wd)
{
    const res_outcome *ro = &ra->outcomes[o];
    pad_to(w, 2);
    put(w, f->out[o].id);
    pad_to(w, 2 + wd->out_id + 1);
    size_t under = at(w) + STATUS_WIDTH + 2;
    status(w, ro->colour, 4);
    skip(w, 2);
    char *text = NULL;
    if (!isnan(ro->score) && ro->segment)
        text = text_printf_dup("%s (mean score %.*f, segment %d)", or_empty(f->out[o].title), f->out[o].rollup.decimals,
                               ro->score, ro->segment);
    else if (!isnan(ro->score))
        text = text_printf_dup("%s (mean score %.*f)", or_empty(f->out[o].title), f->out[o].rollup.decimals, ro->score);
    wrapped(w, text ? text : or_empty(f->out[o].title), under);
    free(text);
    newline(w);
}

int report_text(FILE *out, const result_set *r, int colour, int width, err *e)
{
    const framework *f = r->framework;
    writer w = {out, colour, width > 0 ? (size_t)width : 0, 0, 0};
    widths wd;
    measure(r, &wd);
    if (f->title) {
        wrapped(&w, f->title, 0);
        newline(&w);
    }
    char *head = text_printf_dup("%s %s, period %s", f->id, f->version, r->period);
    wrapped(&w, head, 0);
    free(head);
    newline(&w);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        newline(&w);
        put(&w, ra->code);
        skip(&w, 1);
        wrapped(&w, ra->name, 2);
        put(&w, ":");
        skip(&w, 1);
        status(&w, ra->colour, 2);
        skip(&w, 2);
        wrapped(&w, ra->reason, 2);
        newline(&w);
        for (size_t o = 0; o < f->nout; o++) {
            outcome(&w, f, ra, o, &wd);
            for (size_t k = 0; k < f->out[o].nind; k++)
                indicator(&w, r, ra, f->out[o].ind[k], &wd);
        }
    }
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}
