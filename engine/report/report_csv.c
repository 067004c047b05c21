/* report_csv.c - the scorecard as CSV: one row per area and item (indicator,
 * outcome, overall), for spreadsheets. */
#include <math.h>
#include <stdio.h>

#include "csv.h"
#include "report.h"

static void field(FILE *out, const char *v, int last)
{
    csv_write_text(out, v ? v : "");
    fputc(last ? '\n' : ',', out);
}

static void number(FILE *out, double v)
{
    if (!isnan(v))
        fprintf(out, "%.15g", v);
    fputc(',', out);
}

/* A roll-up row's assessment, value ... method: a mean score's segment
 * ("segment 2") and the mean as its value; otherwise empty. */
static void rollup_fields(FILE *out, double score, int segment)
{
    char word[32] = "";
    if (segment > 0)
        snprintf(word, sizeof word, "segment %d", segment);
    field(out, word, 0);
    number(out, score);
    fputs(",,,,,rollup,", out);
}

int report_csv(FILE *out, const result_set *r, err *e)
{
    const framework *f = r->framework;
    fputs("area,area_name,kind,id,title,status,assessment,value,unit,period,comparator,comparator_kind,comparator_area,method,reason\n", out);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        for (size_t i = 0; i < f->nind; i++) {
            const res_indicator *x = &ra->indicators[i];
            field(out, ra->code, 0), field(out, ra->name, 0), field(out, "indicator", 0);
            field(out, f->ind[i].id, 0), field(out, f->ind[i].title, 0), field(out, vocab_colour_name(x->colour), 0);
            field(out, x->assessment, 0);
            number(out, x->value);
            field(out, f->ind[i].unit, 0), field(out, x->period, 0);
            number(out, x->comparator);
            field(out, x->comparator_kind ? vocab_comparator_name(x->comparator_kind) : NULL, 0);
            field(out, x->comparator_area, 0);
            field(out, x->method, 0), field(out, x->reason, 1);
        }
        for (size_t o = 0; o < f->nout; o++) {
            field(out, ra->code, 0), field(out, ra->name, 0), field(out, "outcome", 0);
            field(out, f->out[o].id, 0), field(out, f->out[o].title, 0), field(out, vocab_colour_name(ra->outcomes[o].colour), 0);
            rollup_fields(out, ra->outcomes[o].score, ra->outcomes[o].segment);
            field(out, ra->outcomes[o].reason, 1);
        }
        field(out, ra->code, 0), field(out, ra->name, 0), field(out, "overall", 0);
        field(out, f->id, 0), field(out, f->title, 0), field(out, vocab_colour_name(ra->colour), 0);
        rollup_fields(out, ra->score, ra->segment);
        field(out, ra->reason, 1);
    }
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}
