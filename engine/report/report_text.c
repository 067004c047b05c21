/* report_text.c - the scorecard as a table for a terminal. Colour is never the
 * only signal: every status is also written as a word. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

const char *report_ansi(vocab_colour colour, int on)
{
    static const char *const ESCAPE[VOCAB_NCOLOURS] = {[COLOUR_GREY] = "\033[2m", [COLOUR_GREEN] = "\033[1;32m",
                                                       [COLOUR_AMBER] = "\033[1;33m", [COLOUR_RED] = "\033[1;31m"};
    return on ? ESCAPE[colour] : "";
}

static void status(FILE *out, vocab_colour colour, int on)
{
    fprintf(out, "%s%-5s%s", report_ansi(colour, on), vocab_colour_name(colour), on ? "\033[0m" : "");
}

int report_text(FILE *out, const result_set *r, int on, err *e)
{
    const framework *f = r->framework;
    fprintf(out, "%s %s (%s), period %s\n", f->id, f->version, f->title ? f->title : "", r->period);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        fprintf(out, "\n%s %s: ", ra->code, ra->name);
        status(out, ra->colour, on);
        fprintf(out, "  %s\n", ra->reason ? ra->reason : "");
        for (size_t o = 0; o < f->nout; o++) {
            fprintf(out, "  %-8s ", f->out[o].id);
            status(out, ra->outcomes[o].colour, on);
            const char *title = f->out[o].title ? f->out[o].title : "";
            /* long official wordings are cut in the terminal; JSON and CSV keep them whole */
            fprintf(out, "  %.70s%s", title, strlen(title) > 70 ? "..." : "");
            const res_outcome *ro = &ra->outcomes[o];
            if (!isnan(ro->score) && ro->segment)
                fprintf(out, " (mean score %.*f, segment %d)", f->out[o].rollup.decimals, ro->score, ro->segment);
            else if (!isnan(ro->score))
                fprintf(out, " (mean score %.*f)", f->out[o].rollup.decimals, ro->score);
            fputc('\n', out);
        }
        for (size_t i = 0; i < f->nind; i++) {
            const res_indicator *x = &ra->indicators[i];
            char value[48] = "-";
            if (x->value_text)
                snprintf(value, sizeof value, "%s", x->value_text);
            else if (!isnan(x->value))
                snprintf(value, sizeof value, "%.6g", x->value);
            fprintf(out, "    %-12s ", f->ind[i].id);
            status(out, x->colour, on);
            fprintf(out, " %-12s %10s %-10s %s%s\n", x->assessment ? x->assessment : "", value,
                    x->period ? x->period : "", x->reason ? x->reason : "",
                    x->provisional ? " [provisional]" : "");
        }
    }
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}
