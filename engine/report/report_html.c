/* report_html.c - the scorecard as one self-contained HTML page (docs/html.md).
 *
 * Inline CSS and SVG only: nothing is fetched (a Content-Security-Policy says
 * so to the browser), and the page reads fully without JavaScript; a small
 * inline script adds column sorting. Every string from the data or the
 * framework is escaped. Colour is never the only signal: each status is a
 * word and a shape as well. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "apr.h"
#include "report.h"
#include "svg.h"

#define esc svg_escape

static const char CSP[] = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                          "img-src data:; base-uri 'none'; form-action 'none'";

/* Records script errors and blocked loads on <html data-page-errors>, so a
 * reader's tools (and the browser test) can see them; prints nothing. */
static const char ERROR_SCRIPT[] =
    "<script>(function(){var h=document.documentElement;function note(m){"
    "h.setAttribute('data-page-errors',(h.getAttribute('data-page-errors')||'')+m+'\\n');}"
    "window.addEventListener('error',function(e){var t=e.target;"
    "note(e.message||('cannot load '+((t&&(t.src||t.href))||'a resource')));},true);"
    "document.addEventListener('securitypolicyviolation',function(e){note('blocked '+e.blockedURI);});})();</script>\n";

/* Sorting by any column of a table.sortable: header cells become buttons;
 * a cell's data-sort, when present, is its key. */
static const char SORT_SCRIPT[] =
    "<script>(function(){var d=document;\n"
    "function key(c){var k=c.getAttribute('data-sort');if(k===null)k=c.textContent.trim();"
    "var n=parseFloat(k);return (k!==''&&isFinite(k))?{n:n}:{s:k};}\n"
    "function cmp(a,b){if(a.n!==undefined&&b.n!==undefined)return a.n-b.n;if(a.n!==undefined)return -1;"
    "if(b.n!==undefined)return 1;if(a.s===''||b.s==='')return (a.s==='')-(b.s==='');"
    "return a.s.localeCompare(b.s,undefined,{numeric:true});}\n"
    "Array.prototype.forEach.call(d.querySelectorAll('table.sortable'),function(t){"
    "var ths=t.tHead.rows[0].cells;Array.prototype.forEach.call(ths,function(th,i){"
    "var b=d.createElement('button');b.type='button';b.className='sort';"
    "while(th.firstChild)b.appendChild(th.firstChild);th.appendChild(b);"
    "b.addEventListener('click',function(){var asc=th.getAttribute('aria-sort')!=='ascending';"
    "Array.prototype.forEach.call(ths,function(h){h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');"
    "var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows);"
    "rows.sort(function(x,y){var r=cmp(key(x.cells[i]),key(y.cells[i]));return asc?r:-r;});"
    "rows.forEach(function(r){tb.appendChild(r);});});});});\n"
    "d.documentElement.setAttribute('data-page-ready','1');})();</script>\n";

/* Contrast (WCAG 2.1, checked in docs/html.md): text #1a1a1a on white 17.4:1,
 * #555 on white 7.5:1; badges white on #1d6b35 6.6:1, #1a1a1a on #ffbf47
 * 10.6:1, white on #b3261e 6.5:1, #1a1a1a on #e8e8e8 14.2:1; badge outlines
 * on white at least 3:1 (amber #7a4b00 7.4:1, grey #6b6b6b 5.3:1). */
static const char STYLE[] =
    "<style>\n"
    ":root{color-scheme:light}\n"
    "body{font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",Arial,sans-serif;"
    "color:#1a1a1a;background:#fff;margin:0 auto;max-width:1260px;padding:12px 24px}\n"
    "h1{font-size:1.55em;margin:.3em 0}h2{font-size:1.3em;margin:1.5em 0 .4em;border-bottom:2px solid #1a1a1a;padding-bottom:.1em}\n"
    "h3{font-size:1.05em;margin:1.1em 0 .35em}\n"
    ".meta,.muted,.unit,.code,.cmp{color:#555}.code{font-weight:normal}.cmp{display:block;font-size:.85em}\n"
    "a{color:#0b5394}a:focus,button:focus{outline:3px solid #0b5394;outline-offset:2px}\n"
    ".skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}\n"
    "table{border-collapse:collapse;width:100%;margin:.3em 0 1em}\n"
    "caption{text-align:left;font-weight:600;padding:.2em 0}\n"
    "th,td{border:1px solid #c4c4c4;padding:.3em .45em;text-align:left;vertical-align:top}\n"
    "thead th{background:#efefef}tbody th{font-weight:normal}\n"
    "td.num{text-align:right}.id{font-weight:700;white-space:nowrap}\n"
    "table.indicators{table-layout:fixed}table.indicators td,table.indicators th{overflow-wrap:break-word}.nw{white-space:nowrap}\n"
    "col.c-ind{width:18%}col.c-val{width:9%}col.c-cmp{width:10.5%}col.c-ass{width:11%}col.c-per{width:7.5%}col.c-st{width:10%}col.c-tr{width:8%}\n"
    ".trend svg.spark{max-width:100%;height:auto}\n"
    ".badge{display:inline-flex;align-items:center;gap:.3em;padding:.05em .5em .05em .35em;border:1px solid;"
    "border-radius:3px;font-weight:700;font-size:.92em}\n"
    ".badge svg{flex:none}\n"
    ".s-green{background:#1d6b35;border-color:#1d6b35;color:#fff}\n"
    ".s-amber{background:#ffbf47;border-color:#7a4b00;color:#1a1a1a}\n"
    ".s-red{background:#b3261e;border-color:#b3261e;color:#fff}\n"
    ".s-grey{background:#e8e8e8;border-color:#6b6b6b;color:#1a1a1a}\n"
    "ul.notes{margin:.3em 0 0;padding-left:1.1em;font-size:.92em}\n"
    ".trend svg{display:block;margin:.1em 0}\n"
    "figure{margin:.6em 0 1.4em}figcaption{font-size:.92em;max-width:62em}\n"
    "svg.spc-chart,svg.caterpillar{max-width:100%;height:auto;display:block}\n"
    "button.sort{font:inherit;font-weight:700;background:none;border:0;padding:0;color:inherit;cursor:pointer;text-align:left}\n"
    "th[aria-sort=ascending] button.sort::after{content:\" \\25B2\"}th[aria-sort=descending] button.sort::after{content:\" \\25BC\"}\n"
    "ul.key{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.4em}\n"
    "nav ul{columns:3 16em;padding-left:1.2em}dl.outcomes dt{font-weight:700;float:left;clear:left;margin-right:.5em}\n"
    "dl.outcomes dd{margin:0 0 .2em 3.5em}\n"
    "table.apr td.num{white-space:nowrap}table.apr tr.cmp th,table.apr tr.cmp td{color:#444;border-top-style:dotted}\n"
    "@page{size:A4;margin:12mm 10mm}\n"
    "@media print{body{font-size:8.5pt;max-width:none;padding:0}th,td{padding:.2em .3em}thead th{font-size:.9em}nav,.skip{display:none}"
    "section.area,section.compare,section.definitions{break-before:page}tr,figure,.badge{break-inside:avoid}"
    "thead{display:table-header-group}h2,h3{break-after:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}th[aria-sort] button.sort::after{content:\"\"}button.sort{display:contents}"
    "a{color:inherit;text-decoration:none}}\n"
    "</style>\n";

/* ---------------------------------------------------------------- helpers */

/* `s` with underscores as spaces, the first letter capitalised when `cap`. */
static void words(FILE *out, const char *s, int cap)
{
    if (!s)
        return;
    char *c = strdup(s);
    if (!c)
        return;
    for (char *p = c; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (cap && *c >= 'a' && *c <= 'z')
        *c = (char)(*c - 'a' + 'A');
    esc(out, c);
    free(c);
}

static int is_rag(vocab_colour colour)
{
    return colour != COLOUR_GREY;
}

/* The colour's name, which is also its CSS class (s-green, ...). */
static const char *css_colour(vocab_colour colour)
{
    return vocab_colour_name(colour);
}

/* Worst first: red, amber, green, no colour. */
static int rank(vocab_colour colour)
{
    return is_rag(colour) ? COLOUR_RED - (int)colour : 3;
}

/* The status as a person reads it: Green, Amber, Red, or the no-colour word. */
static void status_word(FILE *out, vocab_colour colour, const char *grey_word)
{
    if (is_rag(colour)) {
        const char *name = vocab_colour_name(colour);
        fputc(name[0] - 'a' + 'A', out);
        fputs(name + 1, out);
    } else {
        words(out, grey_word ? grey_word : "no colour", 1);
    }
}

static void badge(FILE *out, vocab_colour colour, const char *grey_word)
{
    const char *c = css_colour(colour);
    fprintf(out, "<span class=\"badge s-%s\" data-status=\"%s\">", c, c);
    svg_status_icon(out, colour, 12);
    fputs("<span class=\"word\">", out);
    status_word(out, colour, grey_word);
    fputs("</span></span>", out);
}

static void number(FILE *out, double v)
{
    fprintf(out, "%.6g", v);
}

static void value_of(FILE *out, const res_indicator *x)
{
    if (x->value_text)
        esc(out, x->value_text);
    else if (!isnan(x->value))
        number(out, x->value);
}

/* What a grey result, or a flag on a coloured one, means; NULL for none. */
static const char *status_note(vocab_status status)
{
    switch (status) {
    case STATUS_NONE: return NULL;
    case STATUS_SUPPRESSED: return "the publisher withheld the figure (small numbers or disclosure control).";
    case STATUS_NOT_COMPARABLE: return "a series break or definition change means the figures cannot be compared.";
    case STATUS_MISSING: return "no figure was published for this area and period.";
    case STATUS_NOT_REPORTED: return "the indicator is defined but not published.";
    case STATUS_UNRELIABLE: return "the figure is too uncertain to judge.";
    case STATUS_INSUFFICIENT_DATA: return "there are too few data points to judge.";
    case STATUS_NOT_COMPARED: return "there is no comparator value to judge against.";
    case STATUS_NOT_APPLICABLE: return "the rule does not apply to this area or period.";
    case STATUS_NO_TARGET: return "no target is in force for this period.";
    case STATUS_STALE_TARGET: return "the target is older than the framework allows.";
    case STATUS_NOT_AVAILABLE: return "the latest figure is older than the period allows.";
    }
    return NULL;
}

static void note(FILE *out, const char *head, const char *text, int *open)
{
    if (!*open) {
        fputs("<ul class=\"notes\">", out);
        *open = 1;
    }
    fputs("<li><strong>", out);
    esc(out, head);
    fputs("</strong>: ", out);
    esc(out, text);
    fputs("</li>", out);
}

/* ---------------------------------------------------------------- SPC data */

typedef struct spc_view {
    size_t n;
    double *values;
    svg_point_kind *kinds;
    const char **labels;
    double mean, lpl, upl, target;
    const char *variation, *assurance;
    size_t special;
} spc_view;

static void spc_free(spc_view *s)
{
    free(s->values);
    free(s->kinds);
    free(s->labels);
    memset(s, 0, sizeof *s);
}

/* Reads the indicator's control chart into `s`; returns 0 when it has none. */
static int spc_read(const res_indicator *x, spc_view *s)
{
    memset(s, 0, sizeof *s);
    const res_spc *c = x->spc;
    if (!c || c->n < 1)
        return 0;
    s->n = c->n;
    s->values = calloc(s->n, sizeof *s->values);
    s->kinds = calloc(s->n, sizeof *s->kinds);
    s->labels = calloc(s->n, sizeof *s->labels);
    if (!s->values || !s->kinds || !s->labels) {
        spc_free(s);
        return 0;
    }
    static const svg_point_kind KIND[] = {[RES_SPC_COMMON] = SVG_COMMON, [RES_SPC_IMPROVEMENT] = SVG_IMPROVEMENT,
                                          [RES_SPC_CONCERN] = SVG_CONCERN, [RES_SPC_NEUTRAL] = SVG_NEUTRAL};
    for (size_t i = 0; i < s->n; i++) {
        s->values[i] = c->values[i];
        s->kinds[i] = c->kinds[i] <= RES_SPC_NEUTRAL ? KIND[c->kinds[i]] : SVG_COMMON;
        s->special += s->kinds[i] != SVG_COMMON;
    }
    s->mean = c->mean;
    s->lpl = c->lpl;
    s->upl = c->upl;
    s->target = c->target;
    s->variation = c->variation;
    s->assurance = c->assurance;
    /* The history is the last points of the same series: label them with its
     * periods when the values agree, else only the last point. */
    int agree = x->nhistory > 0 && x->nhistory <= s->n;
    for (size_t h = 0; agree && h < x->nhistory; h++) {
        double a = x->history[h].value, b = s->values[s->n - x->nhistory + h];
        if (isnan(a) || isnan(b) || fabs(a - b) > 1e-9 * (fabs(a) + 1))
            agree = 0;
    }
    if (agree)
        for (size_t h = 0; h < x->nhistory; h++)
            s->labels[s->n - x->nhistory + h] = x->history[h].period;
    else
        s->labels[s->n - 1] = x->period;
    return 1;
}

static void spc_summary(FILE *out, const spc_view *s, const res_indicator *x)
{
    char buf[32];
    fprintf(out, "%zu points", s->n);
    if (x->period) {
        fputs(" up to ", out);
        esc(out, x->period);
    }
    snprintf(buf, sizeof buf, "%.5g", s->mean);
    fprintf(out, "; mean %s", buf);
    if (!isnan(s->lpl) && !isnan(s->upl)) {
        fprintf(out, ", process limits %.5g", s->lpl);
        fprintf(out, " to %.5g", s->upl);
    }
    if (!isnan(s->target))
        fprintf(out, ", target %.5g", s->target);
    fprintf(out, "; %zu special-cause point%s", s->special, s->special == 1 ? "" : "s");
    if (s->variation) {
        fputs("; variation: ", out);
        words(out, s->variation, 0);
    }
    if (s->assurance) {
        fputs("; assurance: ", out);
        words(out, s->assurance, 0);
    }
    fputc('.', out);
}

/* ---------------------------------------------------------------- page parts */

static void head(FILE *out, const result_set *r)
{
    const framework *f = r->framework;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", out);
    fprintf(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", CSP);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", out);
    fputs("<meta name=\"generator\" content=\"scorecard\">\n<title>", out);
    esc(out, f->title ? f->title : f->id);
    fputs(", ", out);
    esc(out, r->period);
    fputs("</title>\n", out);
    fputs(ERROR_SCRIPT, out);
    fputs(STYLE, out);
    fputs("</head>\n", out);
}

static void header(FILE *out, const result_set *r, int any_spc)
{
    const framework *f = r->framework;
    fputs("<header>\n<h1>", out);
    esc(out, f->title ? f->title : f->id);
    fputs("</h1>\n<p class=\"meta\">Scorecard for <strong>", out);
    esc(out, r->period);
    fputs("</strong> (", out);
    esc(out, r->period_start);
    fputs(" to ", out);
    esc(out, r->period_end);
    fputs("). Framework <span class=\"id\">", out);
    esc(out, f->id);
    fputs("</span> version ", out);
    esc(out, f->version);
    if (f->extends) {
        fputs(", extending ", out);
        esc(out, f->extends);
    }
    if (f->country) {
        fputs(", ", out);
        esc(out, f->country);
    }
    fputs(". ", out);
    if (r->run_id)
        fprintf(out, "Stored as run %lld.", r->run_id);
    else
        fputs("Not stored.", out);
    fputs("</p>\n", out);
    if (f->source) {
        /* shown as text, never a link: the page refers to nothing outside itself */
        fputs("<p class=\"meta\">Framework source: <span class=\"source\">", out);
        esc(out, f->source);
        fputs("</span></p>\n", out);
    }
    fputs("</header>\n<nav aria-label=\"Areas\">\n<h2>Areas</h2>\n<ul>\n", out);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        fprintf(out, "<li><a href=\"#area-%zu\">", a + 1);
        esc(out, ra->name);
        fputs(" <span class=\"code\">", out);
        esc(out, ra->code);
        fputs("</span></a>: ", out);
        status_word(out, ra->colour, NULL);
        fputs("</li>\n", out);
    }
    if (r->nareas >= 3)
        fputs("<li><a href=\"#compare-h\">Comparing areas</a></li>\n", out);
    fputs("<li><a href=\"#defs-h\">Indicators</a></li>\n", out);
    fputs("</ul>\n</nav>\n", out);

    fputs("<section class=\"key\" aria-labelledby=\"key-h\">\n<h2 id=\"key-h\">How to read this scorecard</h2>\n"
          "<p>Every status is written as a word and drawn as a shape, as well as coloured:</p>\n<ul class=\"key\">\n",
          out);
    static const vocab_colour colours[] = {COLOUR_GREEN, COLOUR_AMBER, COLOUR_RED, COLOUR_GREY};
    static const char *const shapes[] = {"circle", "triangle", "square", "dash"};
    for (int k = 0; k < 4; k++) {
        fputs("<li>", out);
        badge(out, colours[k], NULL);
        fprintf(out, " %s%s</li>\n", shapes[k],
                k == 3 ? ": no colour; the word says why (not reported, missing, suppressed, ...)" : "");
    }
    fputs("</ul>\n<p>Each indicator shows its value as published, the period of that value, the comparator's value, the"
          " rule's assessment and the reason in words. The trend line shows up to 12 values up to the one judged, the"
          " last marked with a dot. An outcome's and an area's status are rolled up from their indicators as the"
          " framework says; the roll-up column says how (the counts of each colour, or a mean score and its"
          " segment).</p>\n",
          out);
    if (any_spc)
        fputs("<p>Where the framework uses statistical process control (SPC, Making Data Count), an icon shows the"
              " variation of the latest point (filled: improvement; thick outline: concern; dashed: neither; grey"
              " zigzag: common cause; H or L: high or low) and, with a target, the assurance (P: consistently passing,"
              " F: consistently failing, ?: inconsistent). The SPC chart under each area shows the points, the mean,"
              " the process limits, the target, and the special-cause points: improvement as blue circles, concern"
              " as orange squares, neither as purple diamonds.</p>\n",
              out);
    fputs("</section>\n", out);
}

static void summary(FILE *out, const result_set *r)
{
    const framework *f = r->framework;
    fputs("<section aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n"
          "<table class=\"summary sortable\">\n<caption>Overall and outcome status by area, ",
          out);
    esc(out, r->period);
    fputs("</caption>\n<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Overall</th>", out);
    for (size_t o = 0; o < f->nout; o++) {
        fputs("<th scope=\"col\" title=\"", out);
        esc(out, f->out[o].title);
        fputs("\">", out);
        esc(out, f->out[o].id);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        fputs("<tr data-area=\"", out);
        esc(out, ra->code);
        fputs("\"><th scope=\"row\">", out);
        fprintf(out, "<a href=\"#area-%zu\">", a + 1);
        esc(out, ra->name);
        fputs("</a> <span class=\"code\">", out);
        esc(out, ra->code);
        fprintf(out, "</span></th><td data-sort=\"%d\">", rank(ra->colour));
        badge(out, ra->colour, NULL);
        fputs("</td>", out);
        for (size_t o = 0; o < f->nout; o++) {
            fprintf(out, "<td data-sort=\"%d\">", rank(ra->outcomes[o].colour));
            badge(out, ra->outcomes[o].colour, NULL);
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n<dl class=\"outcomes\">\n", out);
    for (size_t o = 0; o < f->nout; o++) {
        fputs("<dt>", out);
        esc(out, f->out[o].id);
        fputs("</dt><dd>", out);
        esc(out, f->out[o].title);
        fputs("</dd>\n", out);
    }
    fputs("</dl>\n</section>\n", out);
}

static void indicator_row(FILE *out, const result_set *r, const res_area *ra, size_t i)
{
    const framework *f = r->framework;
    const fw_indicator *fi = &f->ind[i];
    const res_indicator *x = &ra->indicators[i];
    const char *c = css_colour(x->colour);
    fputs("<tr data-indicator=\"", out);
    esc(out, fi->id);
    fprintf(out, "\" data-status=\"%s\"><th scope=\"row\" data-sort=\"%zu\"><span class=\"id\">", c, i);
    esc(out, fi->id);
    fputs("</span> ", out);
    esc(out, fi->title);
    int first = 1;
    for (size_t o = 0; o < f->nout; o++)
        for (size_t k = 0; k < f->out[o].nind; k++)
            if (f->out[o].ind[k] == i) {
                fputs(first ? " <span class=\"muted\">(" : ", ", out);
                esc(out, f->out[o].id);
                first = 0;
            }
    if (!first)
        fputs(")</span>", out);
    fputs("</th>", out);

    /* value and unit */
    if (x->value_text || !isnan(x->value)) {
        fputs("<td class=\"num\"", out);
        if (!isnan(x->value))
            fprintf(out, " data-sort=\"%.17g\"", x->value);
        fputs("><span class=\"nw\">", out);
        value_of(out, x);
        fputs("</span>", out);
        if (fi->unit && *fi->unit) {
            fputs(" <span class=\"unit\">", out);
            esc(out, fi->unit);
            fputs("</span>", out);
        }
        fputs("</td>", out);
    } else {
        fputs("<td class=\"muted\" data-sort=\"\">no value</td>", out);
    }

    fputs("<td>", out);
    if (x->period)
        esc(out, x->period);
    else
        fputs("<span class=\"muted\">none</span>", out);
    fputs("</td>", out);

    /* comparator */
    if (!isnan(x->comparator)) {
        fprintf(out, "<td class=\"num\" data-sort=\"%.17g\"><span class=\"nw\">", x->comparator);
        number(out, x->comparator);
        fputs("</span>", out);
        /* Say what the number is: Edinburgh's own plan target is not Scotland's value. */
        fputs(" <span class=\"cmp\">", out);
        if (x->comparator_kind == CMP_AREA && x->comparator_area)
            esc(out, x->history_cmp_name ? x->history_cmp_name : x->history_cmp_area);
        else if (x->comparator_kind == CMP_TARGET)
            fputs("target", out);
        else if (x->comparator_kind == CMP_BASELINE)
            fputs("baseline", out);
        else
            fputs("comparator", out);
        fputs("</span></td>", out);
    } else {
        fputs("<td class=\"muted\" data-sort=\"\">none</td>", out);
    }

    fputs("<td>", out);
    words(out, x->assessment, 0);
    fprintf(out, "</td><td data-sort=\"%d\">", rank(x->colour));
    badge(out, x->colour, vocab_status_name(x->status));
    fputs("</td>", out);

    /* trend: the sparkline, and the SPC icon where the rule is SPC */
    fputs("<td class=\"trend\">", out);
    if (x->nhistory) {
        size_t lo = 0, hi = 0, any = 0;
        double values[RESULT_HISTORY];
        for (size_t h = 0; h < x->nhistory; h++)
            values[h] = x->history[h].value;
        for (size_t h = 0; h < x->nhistory; h++)
            if (!isnan(values[h])) {
                if (!any)
                    lo = h;
                hi = h;
                any = 1;
            }
        if (any) {
            char *label = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&label, &len);
            if (m) {
                fprintf(m, "Trend of %s", fi->id);
                if (x->history[lo].period && x->history[hi].period)
                    fprintf(m, ", %s to %s", x->history[lo].period, x->history[hi].period);
                fprintf(m, ": %.6g to %.6g", values[lo], values[hi]);
                fclose(m);
                svg_sparkline(out, values, x->nhistory, 96, 24, label);
                free(label);
            }
        }
    }
    spc_view s;
    if (spc_read(x, &s)) {
        if (s.variation) {
            char *label = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&label, &len);
            if (m) {
                fputs("SPC variation: ", m);
                for (const char *p = s.variation; *p; p++)
                    fputc(*p == '_' ? ' ' : *p, m);
                if (s.assurance) {
                    fputs("; assurance: ", m);
                    for (const char *p = s.assurance; *p; p++)
                        fputc(*p == '_' ? ' ' : *p, m);
                }
                fclose(m);
                svg_spc_icon(out, s.variation, s.assurance, 22, label);
                free(label);
            }
        }
        spc_free(&s);
    }
    fputs("</td>", out);

    /* the reason and the notes */
    fputs("<td class=\"reason\">", out);
    esc(out, x->reason);
    int open = 0;
    /* a flag on a coloured result (stale_target), or a grey status that needs saying twice */
    if (status_note(x->status) && (is_rag(x->colour) || x->status == STATUS_SUPPRESSED ||
                                   x->status == STATUS_NOT_COMPARABLE || x->status == STATUS_UNRELIABLE)) {
        char head[64];
        snprintf(head, sizeof head, "%s", vocab_status_name(x->status));
        for (char *p = head; *p; p++)
            *p = *p == '_' ? ' ' : *p;
        if (head[0] >= 'a' && head[0] <= 'z')
            head[0] = (char)(head[0] - 'a' + 'A');
        note(out, head, status_note(x->status), &open);
    }
    if (x->provisional)
        note(out, "Provisional", "the figure may change when the publisher revises it.", &open);
    if (x->revised)
        note(out, "Revised", "this figure replaced an earlier published value.", &open);
    if (x->derived)
        note(out, "Derived", "built from the figures of the member areas.", &open);
    if (x->approximate)
        note(out, "Approximate geography", "the figure was published for a boundary that does not match this area exactly.",
             &open);
    if (open)
        fputs("</ul>", out);
    fputs("</td></tr>\n", out);
}

static void spc_figure(FILE *out, const res_area *ra, const fw_indicator *fi, const res_indicator *x, const spc_view *s,
                       size_t a, size_t i)
{
    char *label = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&label, &len);
    if (!m)
        return;
    fprintf(m, "SPC chart of %s %s for %s: ", fi->id, fi->title ? fi->title : "", ra->name ? ra->name : "");
    spc_summary(m, s, x);
    fclose(m);
    fprintf(out, "<figure id=\"spc-%zu-%zu\">\n", a + 1, i + 1);
    svg_spc c = {s->values, s->kinds, s->labels, s->n, s->mean, s->lpl, s->upl, s->target, fi->unit, label};
    svg_spc_chart(out, &c, 680, 270);
    fputs("\n<figcaption><strong>", out);
    esc(out, fi->id);
    fputs("</strong> ", out);
    esc(out, fi->title);
    fputs(": ", out);
    spc_summary(out, s, x);
    fputs("</figcaption>\n</figure>\n", out);
    free(label);
}

static void area_section(FILE *out, const result_set *r, size_t a)
{
    const framework *f = r->framework;
    const res_area *ra = &r->areas[a];
    fprintf(out, "<section class=\"area\" id=\"area-%zu\" aria-labelledby=\"area-%zu-h\" data-area=\"", a + 1, a + 1);
    esc(out, ra->code);
    fprintf(out, "\" data-status=\"%s\">\n<h2 id=\"area-%zu-h\">", css_colour(ra->colour), a + 1);
    esc(out, ra->name);
    fputs(" <span class=\"code\">", out);
    esc(out, ra->code);
    fputs("</span></h2>\n<p class=\"overall\">Overall: ", out);
    badge(out, ra->colour, NULL);
    fputs(" ", out);
    esc(out, ra->reason);
    fputs("</p>\n", out);

    fputs("<table class=\"outcomes\">\n<caption>Outcomes for ", out);
    esc(out, ra->name);
    fputs(", with how each status was rolled up</caption>\n<thead><tr><th scope=\"col\">Outcome</th>"
          "<th scope=\"col\">Status</th><th scope=\"col\">Roll-up</th></tr></thead>\n<tbody>\n",
          out);
    for (size_t o = 0; o < f->nout; o++) {
        fputs("<tr data-outcome=\"", out);
        esc(out, f->out[o].id);
        fprintf(out, "\" data-status=\"%s\"><th scope=\"row\"><span class=\"id\">", css_colour(ra->outcomes[o].colour));
        esc(out, f->out[o].id);
        fputs("</span> ", out);
        esc(out, f->out[o].title);
        fputs("</th><td>", out);
        badge(out, ra->outcomes[o].colour, NULL);
        fputs("</td><td>", out);
        esc(out, ra->outcomes[o].reason);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);

    fputs("<table class=\"indicators sortable\">\n<caption>Indicators for ", out);
    esc(out, ra->name);
    fputs(", period ", out);
    esc(out, r->period);
    fputs("</caption>\n<colgroup><col class=\"c-ind\"><col class=\"c-val\"><col class=\"c-per\"><col class=\"c-cmp\">"
          "<col class=\"c-ass\"><col class=\"c-st\"><col class=\"c-tr\"><col></colgroup>\n"
          "<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Value</th>"
          "<th scope=\"col\">Period</th><th scope=\"col\">Comparator</th><th scope=\"col\">Assessment</th>"
          "<th scope=\"col\">Status</th><th scope=\"col\">Trend</th><th scope=\"col\">Reason and notes</th></tr></thead>\n"
          "<tbody>\n",
          out);
    for (size_t i = 0; i < f->nind; i++)
        indicator_row(out, r, ra, i);
    fputs("</tbody>\n</table>\n", out);

    int heading = 0;
    for (size_t i = 0; i < f->nind; i++) {
        spc_view s;
        if (!spc_read(&ra->indicators[i], &s))
            continue;
        if (!heading) {
            fputs("<h3>SPC charts for ", out);
            esc(out, ra->name);
            fputs("</h3>\n", out);
            heading = 1;
        }
        spc_figure(out, ra, &f->ind[i], &ra->indicators[i], &s, a, i);
        spc_free(&s);
    }
    fputs("</section>\n", out);
}

static int compare_section(FILE *out, const result_set *r)
{
    const framework *f = r->framework;
    svg_cat_row *rows = calloc(r->nareas, sizeof *rows);
    char **statuses = calloc(r->nareas, sizeof *statuses);
    if (!rows || !statuses) {
        free(rows);
        free(statuses);
        return ERR_NOMEM;
    }
    fputs("<section class=\"compare\" id=\"compare\" aria-labelledby=\"compare-h\">\n<h2 id=\"compare-h\">Comparing"
          " areas</h2>\n<p>One chart per indicator with a value for at least three areas: each area's value, with its"
          " interval where there is one (the interval the rule judged, else the published confidence interval), sorted"
          " from the highest value, against the comparator's value (dashed line). Each point has its area's status"
          " shape and colour.</p>\n",
          out);
    int drawn = 0;
    for (size_t i = 0; i < f->nind; i++) {
        const fw_indicator *fi = &f->ind[i];
        size_t valued = 0;
        double comparator = NAN;
        int same_comparator = 1, same_period = 1;
        const char *cmp_code = NULL, *cmp_name = NULL, *when = NULL;
        vocab_comparator cmp_kind = CMP_NONE;
        for (size_t a = 0; a < r->nareas; a++) {
            const res_indicator *x = &r->areas[a].indicators[i];
            rows[a] = (svg_cat_row){r->areas[a].name, x->value, x->lower, x->upper, x->colour, NULL};
            free(statuses[a]);
            statuses[a] = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&statuses[a], &len);
            if (m) {
                status_word(m, x->colour, vocab_status_name(x->status));
                if (x->assessment && is_rag(x->colour)) {
                    fputs(" (", m);
                    for (const char *p = x->assessment; *p; p++)
                        fputc(*p == '_' ? ' ' : *p, m);
                    fputc(')', m);
                }
                fclose(m);
                rows[a].status = statuses[a];
            }
            if (isnan(x->value))
                continue;
            valued++;
            if (!when)
                when = x->period;
            else if (!x->period || strcmp(when, x->period))
                same_period = 0;
            if (!isnan(x->comparator)) {
                if (isnan(comparator)) {
                    comparator = x->comparator;
                    cmp_kind = x->comparator_kind;
                    cmp_code = x->comparator_area;
                    cmp_name = x->comparator_name;
                } else if (comparator != x->comparator || cmp_kind != x->comparator_kind) {
                    same_comparator = 0;
                }
            }
        }
        if (valued < 3)
            continue;
        if (!same_comparator)
            comparator = NAN;
        /* the line is named for what it is: an area, or a target or baseline shared by all */
        const char *cmp_shown = cmp_kind == CMP_AREA ? (cmp_name ? cmp_name : cmp_code ? cmp_code : "")
                                : cmp_kind == CMP_TARGET   ? "target"
                                : cmp_kind == CMP_BASELINE ? "baseline"
                                                           : "";
        char cmp_label[160];
        snprintf(cmp_label, sizeof cmp_label, "%s%s", cmp_kind == CMP_AREA && cmp_name ? "" : "Comparator ", cmp_shown);

        char *label = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&label, &len);
        if (!m)
            continue;
        fprintf(m, "Caterpillar chart of %s %s: %zu areas, sorted from the highest value", fi->id,
                fi->title ? fi->title : "", valued);
        if (!isnan(comparator))
            fprintf(m, "; comparator %s %.6g", cmp_shown, comparator);
        fclose(m);
        fprintf(out, "<figure id=\"compare-%zu\">\n<h3>", i + 1);
        esc(out, fi->id);
        fputs(" ", out);
        esc(out, fi->title);
        fputs("</h3>\n", out);
        svg_caterpillar(out, rows, r->nareas, comparator, cmp_label, 680, label);
        fputs("\n<figcaption>", out);
        esc(out, fi->id);
        if (fi->unit && *fi->unit) {
            fputs(" in ", out);
            esc(out, fi->unit);
        }
        if (same_period && when) {
            fputs(", ", out);
            esc(out, when);
        } else {
            fputs(", periods differ between areas (see the tables)", out);
        }
        if (!isnan(comparator)) {
            fputs("; comparator ", out);
            esc(out, cmp_shown);
            fputs(*cmp_shown ? ": " : "", out);
            number(out, comparator);
        } else if (!same_comparator) {
            fputs("; the comparator's value differs between areas, so no line is drawn", out);
        }
        fputs(". Polarity: ", out);
        fputs(polarity_name(fi->polarity), out);
        fputs(".</figcaption>\n</figure>\n", out);
        free(label);
        drawn = 1;
    }
    if (!drawn)
        fputs("<p>No indicator has a value for three or more areas.</p>\n", out);
    fputs("</section>\n", out);
    for (size_t a = 0; a < r->nareas; a++)
        free(statuses[a]);
    free(statuses);
    free(rows);
    return 0;
}

/* Each indicator once: what it measures, how it is judged, and its notes for
 * readers (a designer's notes and unconfirmed definitions are for `check`). */
static void definitions(FILE *out, const result_set *r)
{
    const framework *f = r->framework;
    fputs("<section class=\"definitions\" aria-labelledby=\"defs-h\">\n<h2 id=\"defs-h\">Indicators</h2>\n"
          "<table class=\"definitions\">\n<caption>What each indicator measures and how it is judged</caption>\n"
          "<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Unit</th><th scope=\"col\">Better when</th>"
          "<th scope=\"col\">Rule</th><th scope=\"col\">Notes and source</th></tr></thead>\n"
          "<tbody>\n",
          out);
    for (size_t i = 0; i < f->nind; i++) {
        const fw_indicator *fi = &f->ind[i];
        fputs("<tr><th scope=\"row\"><span class=\"id\">", out);
        esc(out, fi->id);
        fputs("</span> ", out);
        esc(out, fi->title);
        fputs("</th><td>", out);
        esc(out, fi->unit);
        fputs("</td><td>", out);
        fputs(fi->polarity == POL_HIGHER ? "higher" : fi->polarity == POL_LOWER ? "lower" : "no direction (not judged)", out);
        fputs("</td><td>", out);
        words(out, fi->method, 0);
        fputs("</td><td>", out);
        esc(out, fi->notes);
        if (fi->source && *fi->source) {
            fputs(fi->notes && *fi->notes ? " <span class=\"muted\">Source: " : "<span class=\"muted\">Source: ", out);
            esc(out, fi->source);
            fputs("</span>", out);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
}

static void footer(FILE *out, const result_set *r)
{
    const framework *f = r->framework;
    fputs("<footer>\n<h2>About this scorecard</h2>\n<p class=\"meta\">Produced by scorecard from framework ", out);
    esc(out, f->id);
    fputs(" ", out);
    esc(out, f->version);
    fputs(" (SHA-256 of its files <code>", out);
    esc(out, f->sha256);
    fputs("</code>) and the data with fingerprint <code>", out);
    esc(out, r->fingerprint);
    fputs("</code>. <code>scorecard explain</code> shows the inputs behind any result of a stored run.</p>\n</footer>\n",
          out);
}

int report_html(FILE *out, const result_set *r, err *e)
{
    const framework *f = r->framework;
    int any_spc = 0;
    for (size_t a = 0; a < r->nareas; a++)
        for (size_t i = 0; i < f->nind; i++)
            any_spc |= r->areas[a].indicators[i].spc != NULL;
    head(out, r);
    fputs("<body>\n<a class=\"skip\" href=\"#summary-h\">Skip to the summary</a>\n", out);
    header(out, r, any_spc);
    summary(out, r);
    for (size_t a = 0; a < r->nareas; a++)
        area_section(out, r, a);
    int rc = r->nareas >= 3 ? compare_section(out, r) : 0;
    definitions(out, r);
    footer(out, r);
    fputs(SORT_SCRIPT, out);
    fputs("</body>\n</html>\n", out);
    if (rc)
        return err_set(e, rc, "out of memory writing HTML");
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}

/* ---------------------------------------------------------------- the APR table */

static void apr_cells(FILE *out, const apr_row *row, int comparator)
{
    for (int k = 0; k < APR_YEARS; k++) {
        const res_history_point *p = row->year[k];
        double v = !p ? NAN : comparator ? p->comparator : p->value;
        fputs("<td class=\"num\">", out);
        if (isnan(v))
            fputs("<span aria-label=\"no figure\">-</span>", out);
        else
            number(out, v);
        fputs("</td>", out);
    }
}

static int apr_section(FILE *out, const result_set *r, size_t a, err *e)
{
    apr_table t;
    int rc = apr_build(r, a, &t, e);
    if (rc)
        return rc;
    const framework *f = r->framework;
    const res_area *ra = t.area;
    fprintf(out, "<section class=\"area\" aria-labelledby=\"apr-%zu\">\n<h2 id=\"apr-%zu\">", a, a);
    esc(out, ra->name);
    fputs(" <span class=\"code\">", out);
    esc(out, ra->code);
    fputs("</span></h2>\n<table class=\"apr\">\n<caption>", out);
    esc(out, ra->name);
    fputs(", ", out);
    esc(out, t.year[0]);
    fputs(" to ", out);
    esc(out, t.year[APR_YEARS - 1]);
    if (t.comparator) {
        fputs(", beside ", out);
        esc(out, t.comparator);
    }
    fputs("</caption>\n<thead><tr><th scope=\"col\">Indicator</th><th scope=\"col\">Figures for</th>", out);
    for (int k = 0; k < APR_YEARS; k++) {
        fputs("<th scope=\"col\">", out);
        esc(out, t.year[k]);
        fputs("</th>", out);
    }
    fputs("<th scope=\"col\">Status</th><th scope=\"col\">Notes</th></tr></thead>\n", out);
    for (size_t i = 0; i < t.nrows; i++) {
        /* an indicator is a row group: its area's row and its comparator's */
        const apr_row *row = &t.rows[i];
        const fw_indicator *fi = &f->ind[row->ind];
        const res_indicator *x = &ra->indicators[row->ind];
        const char *cmp = x->history_cmp_name ? x->history_cmp_name : x->history_cmp_area;
        int span = cmp ? 2 : 1;
        fprintf(out, "<tbody><tr><th scope=\"rowgroup\" rowspan=\"%d\"><span class=\"id\">", span);
        esc(out, fi->id);
        fputs("</span> ", out);
        esc(out, fi->title);
        if (fi->unit) {
            fputs(" <span class=\"unit\">(", out);
            esc(out, fi->unit);
            fputs(")</span>", out);
        }
        fputs("</th><th scope=\"row\">", out);
        esc(out, ra->name);
        fputs("</th>", out);
        apr_cells(out, row, 0);
        fprintf(out, "<td rowspan=\"%d\">", span);
        badge(out, x->colour, vocab_status_name(x->status));
        fprintf(out, "</td><td rowspan=\"%d\">", span);
        esc(out, row->notes ? row->notes : "");
        fputs("</td></tr>\n", out);
        if (cmp) {
            fputs("<tr class=\"cmp\"><th scope=\"row\">", out);
            esc(out, cmp);
            fputs("</th>", out);
            apr_cells(out, row, 1);
            fputs("</tr>\n", out);
        }
        fputs("</tbody>\n", out);
    }
    fputs("</table>\n</section>\n", out);
    apr_free(&t);
    return 0;
}

/* The top of a page other than an area's scorecard: the framework's title and
 * a line of `lead`, the period, and `after` (trusted HTML: this file's own). */
static void page_top(FILE *out, const result_set *r, const char *lead, const char *after)
{
    const framework *f = r->framework;
    head(out, r);
    fputs("<body>\n<header>\n<h1>", out);
    esc(out, f->title ? f->title : f->id);
    fprintf(out, "</h1>\n<p class=\"meta\">%s<strong>", lead);
    esc(out, r->period);
    fprintf(out, "</strong>%s</p>\n</header>\n", after);
}

int report_html_apr(FILE *out, const result_set *r, err *e)
{
    page_top(out, r, "Annual performance report table for ",
             " and the five years before it: each indicator's figures beside its comparator's, as the statutory "
             "guidance asks (SSI 2014/326, regulation 3). A dash is a year without a figure.");
    fputs("<main>\n", out);
    int rc = 0;
    for (size_t a = 0; !rc && a < r->nareas; a++)
        rc = apr_section(out, r, a, e);
    fputs("</main>\n", out);
    footer(out, r);
    fputs("</body>\n</html>\n", out);
    if (rc)
        return rc;
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}

/* The index page of a published site: every area with its overall status, linked
 * to its own page, and the comparison page. Links are relative. */
int report_html_index(FILE *out, const result_set *r, const char *const *pages, err *e)
{
    page_top(out, r, "Scorecards for ", ": one page per area, and <a href=\"compare.html\">all areas side by side</a>.");
    fputs("<main>\n<table class=\"sortable\">\n<caption>Areas and their overall status</caption>\n"
          "<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Code</th><th scope=\"col\">Overall</th>"
          "<th scope=\"col\">Why</th></tr></thead>\n<tbody>\n",
          out);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        fputs("<tr><th scope=\"row\"><a href=\"", out);
        esc(out, pages[a]);
        fputs("\">", out);
        esc(out, ra->name);
        fputs("</a></th><td>", out);
        esc(out, ra->code);
        fputs("</td><td>", out);
        badge(out, ra->colour, NULL);
        fputs("</td><td>", out);
        esc(out, ra->reason ? ra->reason : "");
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</main>\n", out);
    footer(out, r);
    fputs(SORT_SCRIPT, out);
    fputs("</body>\n</html>\n", out);
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}
