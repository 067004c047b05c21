/* report_json.c - the scorecard as JSON (docs/scorecard.md, "JSON output"). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json_fields.h"
#include "report.h"

/* A mean score and its segment, only where a roll-up or rule gives them. */
static void add_score(cJSON *o, double score, int segment)
{
    if (!isnan(score))
        json_add_number(o, "score", score);
    if (segment > 0)
        cJSON_AddNumberToObject(o, "segment", segment);
}

static cJSON *indicator_json(const fw_indicator *fi, const res_indicator *x)
{
    cJSON *j = cJSON_CreateObject();
    json_add_indicator_head(j, fi, x);
    json_add_number(j, "value", x->value);
    json_add_string(j, "value_text", x->value_text);
    json_add_string(j, "period", x->period);
    json_add_number(j, "comparator", x->comparator);
    json_add_string(j, "comparator_kind", x->comparator_kind ? vocab_comparator_name(x->comparator_kind) : NULL);
    json_add_string(j, "comparator_area", x->comparator_area);
    json_add_string(j, "comparator_name", x->comparator_name);
    json_add_string(j, "no_colour_status", vocab_status_name(x->status));
    json_add_string(j, "method", x->method);
    json_add_string(j, "reason", x->reason);
    add_score(j, x->score, 0);
    json_add_string(j, "definition", fi->definition ? fi->definition : "confirmed");
    cJSON *flags = cJSON_AddArrayToObject(j, "flags");
    if (x->provisional)
        cJSON_AddItemToArray(flags, cJSON_CreateString("provisional"));
    if (x->revised)
        cJSON_AddItemToArray(flags, cJSON_CreateString("revised"));
    if (x->derived)
        cJSON_AddItemToArray(flags, cJSON_CreateString("derived"));
    if (x->approximate)
        cJSON_AddItemToArray(flags, cJSON_CreateString("approximate_geography"));
    if (fi->definition && !strcmp(fi->definition, "unconfirmed"))
        cJSON_AddItemToArray(flags, cJSON_CreateString("definition_unconfirmed"));
    cJSON *history = cJSON_AddArrayToObject(j, "history");
    for (size_t h = 0; h < x->nhistory; h++) {
        cJSON *p = cJSON_CreateObject();
        const res_history_point *hp = &x->history[h];
        cJSON_AddStringToObject(p, "period", hp->period ? hp->period : "");
        json_add_number(p, "value", hp->value);
        json_add_number(p, "comparator", hp->comparator);
        if (hp->series_break)
            cJSON_AddBoolToObject(p, "series_break", 1);
        cJSON_AddItemToArray(history, p);
    }
    cJSON *details = x->details ? cJSON_Parse(x->details) : NULL;
    if (details)
        cJSON_AddItemToObject(j, "details", details);
    return j;
}

int report_json(FILE *out, const result_set *r, err *e)
{
    const framework *f = r->framework;
    cJSON *root = cJSON_CreateObject();
    json_add_framework(root, f);
    json_add_string(root, "period", r->period);
    json_add_string(root, "period_start", r->period_start);
    json_add_string(root, "period_end", r->period_end);
    if (r->run_id)
        cJSON_AddNumberToObject(root, "run_id", (double)r->run_id);
    else
        cJSON_AddNullToObject(root, "run_id");
    json_add_string(root, "data_fingerprint", r->fingerprint);
    cJSON *areas = cJSON_AddArrayToObject(root, "areas");
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        cJSON *aj = cJSON_CreateObject();
        json_add_string(aj, "code", ra->code);
        json_add_string(aj, "name", ra->name);
        json_add_string(aj, "status", vocab_colour_name(ra->colour));
        json_add_string(aj, "reason", ra->reason);
        add_score(aj, ra->score, ra->segment);
        cJSON *outs = cJSON_AddArrayToObject(aj, "outcomes");
        for (size_t o = 0; o < f->nout; o++) {
            cJSON *oj = cJSON_CreateObject();
            json_add_string(oj, "id", f->out[o].id);
            json_add_string(oj, "title", f->out[o].title);
            json_add_string(oj, "status", vocab_colour_name(ra->outcomes[o].colour));
            json_add_string(oj, "reason", ra->outcomes[o].reason);
            add_score(oj, ra->outcomes[o].score, ra->outcomes[o].segment);
            cJSON *ids = cJSON_AddArrayToObject(oj, "indicators");
            for (size_t k = 0; k < f->out[o].nind; k++)
                cJSON_AddItemToArray(ids, cJSON_CreateString(f->ind[f->out[o].ind[k]].id));
            cJSON_AddItemToArray(outs, oj);
        }
        cJSON *inds = cJSON_AddArrayToObject(aj, "indicators");
        for (size_t i = 0; i < f->nind; i++)
            cJSON_AddItemToArray(inds, indicator_json(&f->ind[i], &ra->indicators[i]));
        cJSON_AddItemToArray(areas, aj);
    }
    return json_write(out, root, e);
}
