/* report_compare.c - the comparison matrix (compare.h) as text, CSV, JSON or a
 * self-contained HTML table. A writer: it reads the matrix and computes nothing. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "csv.h"
#include "json_fields.h"
#include "report.h"
#include "text.h"

/* ---- formatting helpers ---- */

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The value as published, else in the shortest usual form; "" when none. */
static const char *value_text(const res_indicator *x, char *buf, size_t cap)
{
    if (x->value_text)
        return x->value_text;
    if (isnan(x->value))
        return "";
    snprintf(buf, cap, "%.6g", x->value);
    return buf;
}

static const char *spread_text(const compare_matrix *m, size_t i, int highest, char *buf, size_t cap)
{
    const compare_spread *sp = &m->spread[i];
    if (!sp->n)
        return "";
    return value_text(&m->areas[highest ? sp->highest_at : sp->lowest_at]->indicators[i], buf, cap);
}

static const char *ratio_text(double ratio, char *buf, size_t cap)
{
    if (isnan(ratio))
        return "";
    snprintf(buf, cap, "%.3g", ratio);
    return buf;
}

static const char *peers_words(const compare_matrix *m, const compare_scope *p, char *buf, size_t cap)
{
    const char *type = m->r->framework->scores, *areas = text_plural((long long)m->nareas, "area", "areas");
    if (!strcmp(p->rule, "members"))
        snprintf(buf, cap, "the %zu %s %s in %s %s", m->nareas, type, areas, p->parent, p->parent_name);
    else if (!strcmp(p->rule, "sharing_members"))
        snprintf(buf, cap, "the %zu %s %s sharing members with %s %s", m->nareas, type, areas, p->parent,
                 p->parent_name);
    else if (!strcmp(p->rule, "areas") && m->nareas == 1)
        snprintf(buf, cap, "the area named");
    else if (!strcmp(p->rule, "areas"))
        snprintf(buf, cap, "the %zu areas named", m->nareas);
    else if (m->nareas == 1)
        snprintf(buf, cap, "the one %s area", type);
    else
        snprintf(buf, cap, "all %zu %s areas", m->nareas, type);
    return buf;
}

/* Display width of UTF-8 text: one column per code point. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(FILE *out, const char *s, size_t w)
{
    fputs(s, out);
    for (size_t k = width(s); k < w; k++)
        fputc(' ', out);
}

/* ---- text ---- */

/* A cell as text, in three parts: value, status word, rank. */
typedef struct text_cell {
    char value[48], rank[24];
    vocab_colour colour;
    size_t width;
} text_cell;

static void text_cell_of(const compare_cell *c, text_cell *t)
{
    const char *v = value_text(c->x, t->value, sizeof t->value);
    if (v != t->value)
        snprintf(t->value, sizeof t->value, "%s", v);
    if (!t->value[0])
        strcpy(t->value, "-");
    if (c->rank)
        snprintf(t->rank, sizeof t->rank, "#%d", c->rank);
    else
        strcpy(t->rank, "-");
    t->colour = c->x->colour;
    t->width = width(t->value) + 1 + width(vocab_colour_name(t->colour)) + 1 + width(t->rank);
}

static int write_text(FILE *out, const compare_matrix *m, const compare_scope *p, int on, err *e)
{
    const result_set *r = m->r;
    const framework *f = r->framework;
    char buf[256], who[512];
    fprintf(out, "%s %s (%s), period %s: %s\n", f->id, or_empty(f->version), or_empty(f->title), r->period,
            peers_words(m, p, who, sizeof who));
    fputs("each cell: value, status, rank (1 = best; - = unranked)\n\n", out);
    size_t wcode = 4, wname = 4;
    for (size_t a = 0; a < m->nareas; a++) {
        if (width(m->areas[a]->code) > wcode)
            wcode = width(m->areas[a]->code);
        if (width(m->areas[a]->name) > wname)
            wname = width(m->areas[a]->name);
    }
    if (wname < 14)
        wname = 14; /* "highest/lowest" */
    size_t *w = calloc(f->nind ? f->nind : 1, sizeof *w);
    if (!w)
        return err_set(e, ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < f->nind; i++) {
        w[i] = width(f->ind[i].id);
        for (size_t a = 0; a < m->nareas; a++) {
            text_cell t;
            text_cell_of(compare_at(m, a, i), &t);
            if (t.width > w[i])
                w[i] = t.width;
        }
        for (int h = 0; h < 2; h++)
            if (width(spread_text(m, i, h, buf, sizeof buf)) > w[i])
                w[i] = width(buf);
    }
    pad(out, "code", wcode + 2), pad(out, "area", wname + 2), pad(out, "overall", 9);
    for (size_t i = 0; i < f->nind; i++)
        fputs("  ", out), pad(out, f->ind[i].id, w[i]);
    fputc('\n', out);
    for (size_t a = 0; a < m->nareas; a++) {
        const res_area *ra = m->areas[a];
        pad(out, ra->code, wcode + 2), pad(out, ra->name, wname + 2);
        fprintf(out, "%s%s%s", report_ansi(ra->colour, on), vocab_colour_name(ra->colour), on ? "\033[0m" : "");
        pad(out, "", 9 - width(vocab_colour_name(ra->colour)));
        for (size_t i = 0; i < f->nind; i++) {
            text_cell t;
            text_cell_of(compare_at(m, a, i), &t);
            /* only the status word is coloured; the padding is worked out on the plain text */
            fprintf(out, "  %s %s%s%s %s", t.value, report_ansi(t.colour, on), vocab_colour_name(t.colour),
                    on ? "\033[0m" : "", t.rank);
            pad(out, "", w[i] - t.width);
        }
        fputc('\n', out);
    }
    static const char *const rows[] = {"highest", "lowest", "highest/lowest"};
    for (int row = 0; row < 3; row++) {
        fputc('\n', out);
        pad(out, "", wcode + 2), pad(out, rows[row], wname + 2), pad(out, "", 9);
        for (size_t i = 0; i < f->nind; i++) {
            fputs("  ", out);
            pad(out, row < 2 ? spread_text(m, i, row == 0, buf, sizeof buf) : ratio_text(m->spread[i].ratio, buf, sizeof buf),
                w[i]);
        }
    }
    fputc('\n', out);
    free(w);
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}

/* ---- CSV: one row per cell of the matrix ---- */

static void csv_field(FILE *out, const char *v, int last)
{
    csv_write_text(out, v ? v : "");
    fputc(last ? '\n' : ',', out);
}

static void csv_number(FILE *out, double v, int last)
{
    if (!isnan(v))
        fprintf(out, "%.15g", v);
    fputc(last ? '\n' : ',', out);
}

static int write_csv(FILE *out, const compare_matrix *m, err *e)
{
    const framework *f = m->r->framework;
    fputs("area,area_name,area_status,indicator,title,unit,polarity,status,assessment,value,value_text,period,"
          "lower_ci,upper_ci,rank,ranked,highest,highest_area,lowest,lowest_area,ratio\n",
          out);
    for (size_t a = 0; a < m->nareas; a++) {
        const res_area *ra = m->areas[a];
        for (size_t i = 0; i < f->nind; i++) {
            const compare_cell *c = compare_at(m, a, i);
            const compare_spread *sp = &m->spread[i];
            csv_field(out, ra->code, 0), csv_field(out, ra->name, 0), csv_field(out, vocab_colour_name(ra->colour), 0);
            csv_field(out, f->ind[i].id, 0), csv_field(out, f->ind[i].title, 0), csv_field(out, f->ind[i].unit, 0);
            csv_field(out, polarity_name(f->ind[i].polarity), 0);
            csv_field(out, vocab_colour_name(c->x->colour), 0), csv_field(out, c->x->assessment, 0);
            csv_number(out, c->x->value, 0);
            csv_field(out, c->x->value_text, 0), csv_field(out, c->x->period, 0);
            csv_number(out, c->lower_ci, 0), csv_number(out, c->upper_ci, 0);
            if (c->rank)
                fprintf(out, "%d", c->rank);
            fprintf(out, ",%zu,", m->nranked[i]);
            csv_number(out, sp->highest, 0);
            csv_field(out, sp->n ? m->areas[sp->highest_at]->code : NULL, 0);
            csv_number(out, sp->lowest, 0);
            csv_field(out, sp->n ? m->areas[sp->lowest_at]->code : NULL, 0);
            csv_number(out, sp->ratio, 1);
        }
    }
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}

/* ---- JSON ---- */

static void add_extreme(cJSON *o, const char *k, const compare_matrix *m, size_t i, int highest)
{
    const compare_spread *sp = &m->spread[i];
    cJSON *x = cJSON_AddObjectToObject(o, k);
    json_add_number(x, "value", highest ? sp->highest : sp->lowest);
    json_add_string(x, "area", sp->n ? m->areas[highest ? sp->highest_at : sp->lowest_at]->code : NULL);
}

static int write_json(FILE *out, const compare_matrix *m, const compare_scope *p, err *e)
{
    const result_set *r = m->r;
    const framework *f = r->framework;
    cJSON *root = cJSON_CreateObject();
    json_add_framework(root, f);
    json_add_string(root, "period", r->period);
    json_add_string(root, "period_start", r->period_start);
    json_add_string(root, "period_end", r->period_end);
    json_add_string(root, "data_fingerprint", r->fingerprint);
    cJSON *pj = cJSON_AddObjectToObject(root, "peers");
    json_add_string(pj, "rule", p->rule);
    json_add_string(pj, "parent", p->parent);
    json_add_string(pj, "parent_name", p->parent_name);
    cJSON_AddNumberToObject(pj, "areas", (double)m->nareas);
    cJSON *inds = cJSON_AddArrayToObject(root, "indicators");
    for (size_t i = 0; i < f->nind; i++) {
        cJSON *ij = cJSON_CreateObject();
        json_add_string(ij, "id", f->ind[i].id);
        json_add_string(ij, "title", f->ind[i].title);
        json_add_string(ij, "unit", f->ind[i].unit);
        json_add_string(ij, "polarity", polarity_name(f->ind[i].polarity));
        cJSON_AddNumberToObject(ij, "ranked", (double)m->nranked[i]);
        add_extreme(ij, "highest", m, i, 1);
        add_extreme(ij, "lowest", m, i, 0);
        json_add_number(ij, "ratio", m->spread[i].ratio);
        cJSON_AddItemToArray(inds, ij);
    }
    cJSON *areas = cJSON_AddArrayToObject(root, "areas");
    for (size_t a = 0; a < m->nareas; a++) {
        const res_area *ra = m->areas[a];
        cJSON *aj = cJSON_CreateObject();
        json_add_string(aj, "code", ra->code);
        json_add_string(aj, "name", ra->name);
        json_add_string(aj, "status", vocab_colour_name(ra->colour));
        cJSON *cells = cJSON_AddArrayToObject(aj, "indicators");
        for (size_t i = 0; i < f->nind; i++) {
            const compare_cell *c = compare_at(m, a, i);
            cJSON *cj = cJSON_CreateObject();
            json_add_string(cj, "id", f->ind[i].id);
            json_add_string(cj, "status", vocab_colour_name(c->x->colour));
            json_add_string(cj, "assessment", c->x->assessment);
            json_add_number(cj, "value", c->x->value);
            json_add_string(cj, "value_text", c->x->value_text);
            json_add_string(cj, "period", c->x->period);
            json_add_number(cj, "lower_ci", c->lower_ci);
            json_add_number(cj, "upper_ci", c->upper_ci);
            if (c->rank)
                cJSON_AddNumberToObject(cj, "rank", c->rank);
            else
                cJSON_AddNullToObject(cj, "rank");
            cJSON_AddItemToArray(cells, cj);
        }
        cJSON_AddItemToArray(areas, aj);
    }
    return json_write(out, root, e);
}

/* ---- HTML: one self-contained table ---- */

static void html_text(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
    }
}


static int write_html(FILE *out, const compare_matrix *m, const compare_scope *p, err *e)
{
    const result_set *r = m->r;
    const framework *f = r->framework;
    char buf[64], who[512];
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    html_text(out, f->title ? f->title : f->id);
    fputs(", ", out), html_text(out, r->period), fputs(": comparison</title>\n", out);
    fputs("<style>\n"
          "body{font-family:sans-serif;margin:1em}\n"
          "table{border-collapse:collapse;font-size:90%}\n"
          "th,td{border:1px solid #999;padding:.25em .4em;vertical-align:top}\n"
          "thead th{background:#eee;position:sticky;top:0}\n"
          "td{text-align:right;white-space:nowrap}\n"
          "td .s{display:block;font-size:85%}\n"
          ".green{background:#c6efce;color:#006100}\n"
          ".amber{background:#ffeb9c;color:#7a4500}\n"
          ".red{background:#ffc7ce;color:#9c0006}\n"
          ".grey{background:#e7e7e7;color:#404040}\n"
          "tfoot th,tfoot td{background:#f7f7f7}\n"
          "</style>\n</head>\n<body>\n<h1>",
          out);
    html_text(out, f->title ? f->title : f->id);
    fputs("</h1>\n<p>Framework ", out);
    html_text(out, f->id), fputc(' ', out), html_text(out, f->version);
    fputs(", period ", out), html_text(out, r->period);
    fputs(": ", out), html_text(out, peers_words(m, p, who, sizeof who));
    fputs(". Each cell gives the value, the status and the rank among these areas (1 is the best; "
          "areas without a value are not ranked).</p>\n<table>\n<caption>",
          out);
    html_text(out, f->id), fputs(" ", out), html_text(out, r->period);
    fputs(": status, value and rank by area</caption>\n<thead>\n<tr><th scope=\"col\">Area</th>"
          "<th scope=\"col\">Overall</th>",
          out);
    for (size_t i = 0; i < f->nind; i++) {
        fputs("<th scope=\"col\" title=\"", out);
        html_text(out, f->ind[i].title);
        fputs("\">", out), html_text(out, f->ind[i].id);
        if (f->ind[i].polarity != POL_NONE)
            fprintf(out, "<br><small>%s is better</small>", f->ind[i].polarity == POL_HIGHER ? "higher" : "lower");
        fputs("</th>", out);
    }
    fputs("</tr>\n</thead>\n<tbody>\n", out);
    for (size_t a = 0; a < m->nareas; a++) {
        const res_area *ra = m->areas[a];
        fputs("<tr><th scope=\"row\">", out);
        html_text(out, ra->name), fputs(" <small>", out), html_text(out, ra->code);
        fprintf(out, "</small></th><td class=\"%s\">%s</td>", vocab_colour_name(ra->colour),
                vocab_colour_name(ra->colour));
        for (size_t i = 0; i < f->nind; i++) {
            const compare_cell *c = compare_at(m, a, i);
            fprintf(out, "<td class=\"%s\" title=\"", vocab_colour_name(c->x->colour));
            html_text(out, c->x->reason);
            fputs("\">", out);
            const char *v = value_text(c->x, buf, sizeof buf);
            html_text(out, *v ? v : "-");
            fprintf(out, " <span class=\"s\">%s", vocab_colour_name(c->x->colour));
            if (c->rank)
                fprintf(out, ", rank %d", c->rank);
            fputs("</span></td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n<tfoot>\n", out);
    static const char *const rows[] = {"Highest", "Lowest", "Highest / lowest"};
    for (int row = 0; row < 3; row++) {
        fprintf(out, "<tr><th scope=\"row\">%s</th><td></td>", rows[row]);
        for (size_t i = 0; i < f->nind; i++) {
            fputs("<td>", out);
            if (row < 2)
                html_text(out, spread_text(m, i, row == 0, buf, sizeof buf));
            else
                html_text(out, ratio_text(m->spread[i].ratio, buf, sizeof buf));
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tfoot>\n</table>\n</body>\n</html>\n", out);
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}

/* ---- the command ---- */

int report_compare(FILE *out, const compare_matrix *m, const compare_scope *scope, const char *format, int colour,
                   err *e)
{
    if (!strcmp(format, "json"))
        return write_json(out, m, scope, e);
    if (!strcmp(format, "csv"))
        return write_csv(out, m, e);
    if (!strcmp(format, "html"))
        return write_html(out, m, scope, e);
    return write_text(out, m, scope, colour, e);
}
