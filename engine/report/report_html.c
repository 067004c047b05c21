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
#include "text.h"

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
    /* the area by indicator matrix: each cell in its badge colours, a link filling it on a site */
    ".rug-wrap{overflow-x:auto}table.rug{width:auto;font-size:.8em}table.rug td{text-align:center;padding:.15em .3em;"
    "vertical-align:middle}table.rug td a{color:inherit;text-decoration:none;display:block}"
    "table.rug td .word{display:block;font-weight:700}table.rug thead th{white-space:nowrap}\n"
    /* the area a comparison page was opened at (#area-CODE) */
    "tr:target>*{background:#fff4c2}tr:target{outline:3px solid #0b5394}tr:target>th::after{content:\" (selected)\";"
    "font-weight:700}a.all{font-size:.85em;white-space:nowrap}\n"
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
    "section.area,section.matrix,section.compare,section.definitions{break-before:page}tr,figure,.badge{break-inside:avoid}"
    "thead{display:table-header-group}h2,h3{break-after:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}th[aria-sort] button.sort::after{content:\"\"}button.sort{display:contents}"
    "a{color:inherit;text-decoration:none}}\n"
    "</style>\n";

/* ---------------------------------------------------------------- helpers */

/* `s` as report_words_dup gives it, escaped. */
static void words(FILE *out, const char *s, int cap)
{
    char *c = report_words_dup(s, cap);
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

/* An area's row opening, "<tr data-area=CODE><th scope=row><a href=...>NAME</a>":
 * linked to its page in a site, else to its section of this page. */
static void area_row_head(FILE *out, const res_area *ra, size_t a, const report_site *site)
{
    fputs("<tr data-area=\"", out);
    esc(out, ra->code);
    fputs("\"><th scope=\"row\"><a href=\"", out);
    if (site)
        esc(out, site->areas[a]);
    else
        fprintf(out, "#area-%zu", a + 1);
    fputs("\">", out);
    esc(out, ra->name);
    fputs("</a>", out);
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

static void number(FILE *out, double v, int dec)
{
    char buf[64];
    report_number(buf, sizeof buf, v, dec);
    fputs(buf, out);
}

/* The value as published, unless the page shows the indicator with other
 * decimal places (declared, or another area's), then the number with those. */
static void value_of(FILE *out, const res_indicator *x, int dec)
{
    char buf[64];
    esc(out, report_value(buf, sizeof buf, x, dec));
}

/* What a comparator number is, as a reader names it: the area ("Scotland",
 * its code when it has no name), or "Target", "Baseline", "Comparator". */
static const char *comparator_label(const res_indicator *x)
{
    switch (x->comparator_kind) {
    case CMP_AREA: return x->comparator_name ? x->comparator_name : x->comparator_area ? x->comparator_area : "Comparator";
    case CMP_TARGET: return "Target";
    case CMP_BASELINE: return "Baseline";
    case CMP_NONE:
    case CMP_VALUE: break;
    }
    return "Comparator";
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
    const double *cl, *lpl_at, *upl_at; /* borrowed from the result */
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
    s->cl = c->cl;
    s->lpl_at = c->lpl_at;
    s->upl_at = c->upl_at;
    /* each point's period, as the rule read it; a chart without them names its last point */
    size_t named = 0;
    for (size_t i = 0; c->periods && i < s->n; i++)
        named += (s->labels[i] = c->periods[i]) != NULL;
    if (!named)
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

/* Where a page sits in a published site; NULL for a page on its own, which
 * links only within itself. */
typedef struct html_site {
    const report_site *pages;
    const result_set *all; /* every area of the site: the decimals are the same on each page */
    size_t area;           /* an area's page: the area's index in `all` */
} html_site;

/* The id of area `a`'s row on a comparison page, and the link's fragment. */
static void area_anchor(FILE *out, const result_set *r, size_t a)
{
    char slug[REPORT_SLUG_MAX];
    report_slug(r->areas[a].code, a, slug, sizeof slug);
    fprintf(out, "area-%s", slug);
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

/* `subject`, when not NULL, leads the page's title (a comparison page's indicator). */
static void head(FILE *out, const result_set *r, const char *subject)
{
    const framework *f = r->framework;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", out);
    fprintf(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", CSP);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", out);
    fputs("<meta name=\"generator\" content=\"scorecard\">\n<title>", out);
    if (subject) {
        esc(out, subject);
        fputs(": ", out);
    }
    esc(out, f->title ? f->title : f->id);
    fputs(", ", out);
    esc(out, r->period);
    fputs("</title>\n", out);
    fputs(ERROR_SCRIPT, out);
    fputs(STYLE, out);
    fputs("</head>\n", out);
}

static void header(FILE *out, const result_set *r, int any_spc, const html_site *site)
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
        fputs("<li><a href=\"#matrix-h\">Area by indicator matrix</a></li>\n"
              "<li><a href=\"#compare-h\">Comparing areas</a></li>\n", out);
    fputs("<li><a href=\"#defs-h\">Indicators</a></li>\n", out);
    if (site)
        fputs("<li><a href=\"../index.html\">Every area</a></li>\n"
              "<li><a href=\"../compare.html\">Comparisons of every area</a></li>\n", out);
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

/* Each area's overall and outcome statuses and how many of its indicators have
 * each colour. An area links to its section, or on a site's index to its page. */
static void status_table(FILE *out, const result_set *r, const report_site *site)
{
    const framework *f = r->framework;
    fputs("<table class=\"summary sortable\">\n<caption>Overall and outcome status by area, and the number of its"
          " indicators of each colour, ", out);
    esc(out, r->period);
    fputs("</caption>\n<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Overall</th>", out);
    for (size_t o = 0; o < f->nout; o++) {
        fputs("<th scope=\"col\" title=\"", out);
        esc(out, f->out[o].title);
        fputs("\">", out);
        esc(out, f->out[o].id);
        fputs("</th>", out);
    }
    fputs("<th scope=\"col\">Green</th><th scope=\"col\">Amber</th><th scope=\"col\">Red</th>"
          "<th scope=\"col\">No colour</th></tr></thead>\n<tbody>\n", out);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        area_row_head(out, ra, a, site);
        fputs(" <span class=\"code\">", out);
        esc(out, ra->code);
        fprintf(out, "</span></th><td data-sort=\"%d\">", rank(ra->colour));
        badge(out, ra->colour, NULL);
        fputs("</td>", out);
        for (size_t o = 0; o < f->nout; o++) {
            fprintf(out, "<td data-sort=\"%d\">", rank(ra->outcomes[o].colour));
            badge(out, ra->outcomes[o].colour, NULL);
            fputs("</td>", out);
        }
        size_t count[VOCAB_NCOLOURS] = {0};
        for (size_t i = 0; i < f->nind; i++)
            count[(unsigned)ra->indicators[i].colour < VOCAB_NCOLOURS ? ra->indicators[i].colour : COLOUR_GREY]++;
        static const vocab_colour order[] = {COLOUR_GREEN, COLOUR_AMBER, COLOUR_RED, COLOUR_GREY};
        for (int k = 0; k < 4; k++)
            fprintf(out, "<td class=\"num\" data-count=\"%s\">%zu</td>", css_colour(order[k]), count[order[k]]);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
}

static void summary(FILE *out, const result_set *r)
{
    const framework *f = r->framework;
    fputs("<section aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n", out);
    status_table(out, r, NULL);
    fputs("<dl class=\"outcomes\">\n", out);
    for (size_t o = 0; o < f->nout; o++) {
        fputs("<dt>", out);
        esc(out, f->out[o].id);
        fputs("</dt><dd>", out);
        esc(out, f->out[o].title);
        fputs("</dd>\n", out);
    }
    fputs("</dl>\n</section>\n", out);
}

/* The area by indicator matrix (Fingertips' "tartan rug"): a row per area, a
 * column per indicator, each cell the status as its colour, shape and word.
 * On a site the rows link to the areas' pages and the cells to the
 * indicators' comparison pages at the area's row. */
static void matrix(FILE *out, const result_set *r, const report_site *site)
{
    const framework *f = r->framework;
    fputs("<div class=\"rug-wrap\">\n<table class=\"rug sortable\">\n<caption>Status of each indicator by area, ", out);
    esc(out, r->period);
    fputs("</caption>\n<thead><tr><th scope=\"col\">Area</th>", out);
    for (size_t i = 0; i < f->nind; i++) {
        fputs("<th scope=\"col\" title=\"", out);
        esc(out, f->ind[i].title);
        fputs("\">", out);
        if (site) {
            fputs("<a href=\"", out);
            esc(out, site->indicators[i]);
            fputs("\">", out);
        }
        esc(out, f->ind[i].id);
        fputs(site ? "</a></th>" : "</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        area_row_head(out, ra, a, site);
        fputs("</th>", out);
        for (size_t i = 0; i < f->nind; i++) {
            const res_indicator *x = &ra->indicators[i];
            const char *c = css_colour(x->colour);
            fprintf(out, "<td class=\"s-%s\" data-status=\"%s\" data-sort=\"%d\" data-indicator=\"", c, c, rank(x->colour));
            esc(out, f->ind[i].id);
            fputs("\">", out);
            if (site) {
                fputs("<a href=\"", out);
                esc(out, site->indicators[i]);
                fputc('#', out);
                area_anchor(out, r, a);
                fputs("\">", out);
            }
            svg_status_icon(out, x->colour, 10);
            fputs("<span class=\"word\">", out);
            status_word(out, x->colour, vocab_status_name(x->status));
            fputs(site ? "</span></a></td>" : "</span></td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</div>\n", out);
}

static void matrix_section(FILE *out, const result_set *r, const report_site *site)
{
    fputs("<section class=\"matrix\" aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">Area by indicator matrix</h2>\n"
          "<p>Each area's status on each indicator: a row per area, a column per indicator. Sort by an indicator to"
          " see the areas worst first.</p>\n", out);
    matrix(out, r, site);
    fputs("</section>\n", out);
}

/* The value and its unit, as a table cell. */
static void value_cell(FILE *out, const fw_indicator *fi, const res_indicator *x, int dec)
{
    if (!x->value_text && isnan(x->value)) {
        fputs("<td class=\"muted\" data-sort=\"\">no value</td>", out);
        return;
    }
    fputs("<td class=\"num\"", out);
    if (!isnan(x->value))
        fprintf(out, " data-sort=\"%.17g\"", x->value);
    fputs("><span class=\"nw value\">", out);
    value_of(out, x, dec);
    fputs("</span>", out);
    if (fi->unit && *fi->unit) {
        fputs(" <span class=\"unit\">", out);
        esc(out, fi->unit);
        fputs("</span>", out);
    }
    fputs("</td>", out);
}

/* The comparator's value and what it is (Edinburgh's own plan target is not
 * Scotland's value), as a table cell. */
static void comparator_cell(FILE *out, const res_indicator *x, int dec)
{
    if (isnan(x->comparator)) {
        fputs("<td class=\"muted\" data-sort=\"\">none</td>", out);
        return;
    }
    fprintf(out, "<td class=\"num\" data-sort=\"%.17g\"><span class=\"nw comparator\">", x->comparator);
    number(out, x->comparator, dec);
    fputs("</span> <span class=\"cmp\">", out);
    esc(out, comparator_label(x));
    fputs("</span></td>", out);
}

/* Indicator `i` of area `ra`, its figures to `dec` places; on a site's area
 * page, linked to the indicator's comparison page at this area. */
static void indicator_row(FILE *out, const result_set *r, const res_area *ra, size_t i, int dec, const html_site *site)
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
    if (site) {
        fputs(" <a class=\"all\" href=\"../", out);
        esc(out, site->pages->indicators[i]);
        fputc('#', out);
        area_anchor(out, site->all, site->area);
        fputs("\">every area</a>", out);
    }
    fputs("</th>", out);

    value_cell(out, fi, x, dec);

    fputs("<td>", out);
    if (x->period)
        esc(out, x->period);
    else
        fputs("<span class=\"muted\">none</span>", out);
    fputs("</td>", out);

    comparator_cell(out, x, dec);

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
                char from[64], to[64];
                report_number(from, sizeof from, values[lo], dec);
                report_number(to, sizeof to, values[hi], dec);
                fprintf(m, ": %s to %s", from, to);
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
                char *v = report_words_dup(s.variation, 0), *as = report_words_dup(s.assurance, 0);
                fprintf(m, "SPC variation: %s", v ? v : "");
                if (as)
                    fprintf(m, "; assurance: %s", as);
                free(v);
                free(as);
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
        char *head = report_words_dup(vocab_status_name(x->status), 1);
        note(out, head ? head : "Note", status_note(x->status), &open);
        free(head);
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
    svg_spc c = {.values = s->values, .kinds = s->kinds, .labels = s->labels, .n = s->n, .mean = s->mean,
                 .lpl = s->lpl, .upl = s->upl, .target = s->target, .cl = s->cl, .lpl_at = s->lpl_at,
                 .upl_at = s->upl_at, .unit = fi->unit, .label = label};
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

static void area_section(FILE *out, const result_set *r, size_t a, const html_site *site)
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
        indicator_row(out, r, ra, i, report_decimals(site ? site->all : r, i), site);
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

/* Which way is better, in words. */
static const char *better_when(const fw_indicator *fi)
{
    return fi->polarity == POL_HIGHER ? "higher" : fi->polarity == POL_LOWER ? "lower" : "no direction (not judged)";
}

/* Indicator `i`'s caterpillar chart across the areas of `r`, when three or
 * more have a value: 1 when drawn, 0 when not, ERR_NOMEM. */
static int compare_figure(FILE *out, const result_set *r, size_t i)
{
    const framework *f = r->framework;
    const fw_indicator *fi = &f->ind[i];
    int dec = report_decimals(r, i);
    size_t valued = 0;
    double comparator = NAN;
    int same_comparator = 1, same_period = 1;
    const char *when = NULL, *cmp_shown = NULL;
    vocab_comparator cmp_kind = CMP_NONE;
    for (size_t a = 0; a < r->nareas; a++) {
        const res_indicator *x = &r->areas[a].indicators[i];
        if (isnan(x->value))
            continue;
        valued++;
        if (!when)
            when = x->period;
        else if (!x->period || strcmp(when, x->period))
            same_period = 0;
        if (isnan(x->comparator))
            continue;
        if (isnan(comparator)) {
            comparator = x->comparator;
            cmp_kind = x->comparator_kind;
            cmp_shown = comparator_label(x);
        } else if (comparator != x->comparator || cmp_kind != x->comparator_kind) {
            same_comparator = 0;
        }
    }
    if (valued < 3)
        return 0;
    if (!same_comparator)
        comparator = NAN;
    svg_cat_row *rows = calloc(r->nareas, sizeof *rows);
    char **statuses = calloc(r->nareas, sizeof *statuses);
    char *label = NULL;
    size_t len = 0;
    FILE *m = rows && statuses ? open_memstream(&label, &len) : NULL;
    if (!m) {
        free(rows);
        free(statuses);
        return ERR_NOMEM;
    }
    char num[64];
    report_number(num, sizeof num, comparator, dec);
    fprintf(m, "Caterpillar chart of %s %s: %zu area%s, sorted from the highest value", fi->id,
            fi->title ? fi->title : "", valued, plural(valued));
    if (!isnan(comparator))
        fprintf(m, "; %s %s", cmp_kind == CMP_AREA ? cmp_shown : cmp_kind == CMP_TARGET ? "target"
                              : cmp_kind == CMP_BASELINE ? "baseline" : "comparator", num);
    fclose(m);
    for (size_t a = 0; a < r->nareas; a++) {
        const res_indicator *x = &r->areas[a].indicators[i];
        rows[a] = (svg_cat_row){r->areas[a].name, x->value, x->lower, x->upper, x->colour, NULL};
        size_t n = 0;
        FILE *sm = open_memstream(&statuses[a], &n);
        if (!sm)
            continue;
        status_word(sm, x->colour, vocab_status_name(x->status));
        char *said = is_rag(x->colour) ? report_words_dup(x->assessment, 0) : NULL;
        if (said)
            fprintf(sm, " (%s)", said);
        free(said);
        fclose(sm);
        rows[a].status = statuses[a];
    }
    fprintf(out, "<figure id=\"compare-%zu\">\n<h3>", i + 1);
    esc(out, fi->id);
    fputs(" ", out);
    esc(out, fi->title);
    fputs("</h3>\n", out);
    svg_caterpillar(out, rows, r->nareas, comparator, cmp_shown, 680, label);
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
        fputs("; ", out);
        esc(out, cmp_kind == CMP_AREA ? cmp_shown : cmp_kind == CMP_TARGET ? "the target" : cmp_kind == CMP_BASELINE
                                                                                       ? "the baseline"
                                                                                       : "the comparator");
        fputs(": ", out);
        fputs(num, out);
    } else if (!same_comparator) {
        fputs("; the comparator's value differs between areas, so no line is drawn", out);
    }
    fputs(". Better when: ", out);
    fputs(better_when(fi), out);
    fputs(".</figcaption>\n</figure>\n", out);
    for (size_t a = 0; a < r->nareas; a++)
        free(statuses[a]);
    free(statuses);
    free(rows);
    free(label);
    return 1;
}

static int compare_section(FILE *out, const result_set *r)
{
    fputs("<section class=\"compare\" id=\"compare\" aria-labelledby=\"compare-h\">\n<h2 id=\"compare-h\">Comparing"
          " areas</h2>\n<p>One chart per indicator with a value for at least three areas: each area's value, with its"
          " interval where there is one (the interval the rule judged, else the published confidence interval), sorted"
          " from the highest value, against the comparator's value (dashed line). Each point has its area's status"
          " shape and colour.</p>\n",
          out);
    int drawn = 0;
    for (size_t i = 0; i < r->framework->nind; i++) {
        int rc = compare_figure(out, r, i);
        if (rc < 0)
            return rc;
        drawn |= rc;
    }
    if (!drawn)
        fputs("<p>No indicator has a value for three or more areas.</p>\n", out);
    fputs("</section>\n", out);
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
        fputs(better_when(fi), out);
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

/* The scorecard of the areas of `r`: on its own, or a site's area page. */
static int scorecard_page(FILE *out, const result_set *r, const html_site *site, err *e)
{
    const framework *f = r->framework;
    int any_spc = 0;
    for (size_t a = 0; a < r->nareas; a++)
        for (size_t i = 0; i < f->nind; i++)
            any_spc |= r->areas[a].indicators[i].spc != NULL;
    head(out, r, NULL);
    fputs("<body>\n<a class=\"skip\" href=\"#summary-h\">Skip to the summary</a>\n", out);
    header(out, r, any_spc, site);
    summary(out, r);
    for (size_t a = 0; a < r->nareas; a++)
        area_section(out, r, a, site);
    int rc = 0;
    if (r->nareas >= 3) {
        matrix_section(out, r, NULL);
        rc = compare_section(out, r);
    }
    definitions(out, r);
    footer(out, r);
    fputs(SORT_SCRIPT, out);
    fputs("</body>\n</html>\n", out);
    if (rc)
        return err_set(e, rc, "out of memory writing HTML");
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}

int report_html(FILE *out, const result_set *r, err *e)
{
    return scorecard_page(out, r, NULL, e);
}

int report_html_area(FILE *out, const result_set *r, size_t a, const report_site *site, err *e)
{
    result_set one = *r; /* a view of one area: the page is the scorecard for it alone */
    one.areas = &r->areas[a];
    one.nareas = 1;
    html_site s = {site, r, a};
    return scorecard_page(out, &one, &s, e);
}

/* ---------------------------------------------------------------- the APR table */

static void apr_cells(FILE *out, const apr_row *row, int comparator, int dec)
{
    for (int k = 0; k < APR_YEARS; k++) {
        const res_history_point *p = row->year[k];
        double v = !p ? NAN : comparator ? p->comparator : p->value;
        fputs("<td class=\"num\">", out);
        if (isnan(v))
            fputs("<span aria-label=\"no figure\">-</span>", out);
        else
            number(out, v, dec);
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
        apr_cells(out, row, 0, report_decimals(r, row->ind));
        fprintf(out, "<td rowspan=\"%d\">", span);
        badge(out, x->colour, vocab_status_name(x->status));
        fprintf(out, "</td><td rowspan=\"%d\">", span);
        esc(out, row->notes ? row->notes : "");
        fputs("</td></tr>\n", out);
        if (cmp) {
            fputs("<tr class=\"cmp\"><th scope=\"row\">", out);
            esc(out, cmp);
            fputs("</th>", out);
            apr_cells(out, row, 1, report_decimals(r, row->ind));
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
static void page_top(FILE *out, const result_set *r, const char *subject, const char *lead, const char *after)
{
    const framework *f = r->framework;
    head(out, r, subject);
    fputs("<body>\n<header>\n<h1>", out);
    esc(out, f->title ? f->title : f->id);
    fprintf(out, "</h1>\n<p class=\"meta\">%s<strong>", lead);
    esc(out, r->period);
    fprintf(out, "</strong>%s</p>\n</header>\n", after);
}

int report_html_apr(FILE *out, const result_set *r, err *e)
{
    page_top(out, r, NULL, "Annual performance report table for ",
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
static int page_end(FILE *out, const result_set *r, err *e)
{
    fputs("</main>\n", out);
    footer(out, r);
    fputs(SORT_SCRIPT, out);
    fputs("</body>\n</html>\n", out);
    return ferror(out) ? err_set(e, ERR_IO, "writing the output failed") : 0;
}

void report_slug(const char *key, size_t index, char *out, size_t cap)
{
    const char *p = key ? key : "";
    size_t n = 0;
    int changed = !*p;
    for (; *p && n < 64 && n + 1 < cap; p++) {
        int keep = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
        out[n++] = keep ? *p : '_';
        changed |= !keep;
    }
    changed |= *p != '\0'; /* cut short */
    out[n] = '\0';
    if (changed)
        snprintf(out + n, cap - n, "_%zu", index);
}

/* The index page of a published site: every area with its overall and outcome
 * statuses and its indicators' colours counted, linked to its own page, and the
 * comparisons. Links are relative. */
int report_html_index(FILE *out, const result_set *r, const report_site *site, err *e)
{
    page_top(out, r, NULL, "Scorecards for ",
             ": one page per area, and <a href=\"compare.html\">comparisons of every area</a>, one page per indicator,"
             " with the area by indicator matrix.");
    fputs("<main>\n", out);
    status_table(out, r, site);
    return page_end(out, r, e);
}

int report_html_compare_index(FILE *out, const result_set *r, const report_site *site, err *e)
{
    const framework *f = r->framework;
    page_top(out, r, "Comparisons", "Comparisons of every area, ",
             ": a page per indicator with every area's figure, and the area by indicator matrix."
             " <a href=\"index.html\">Every area's scorecard</a>.");
    fputs("<main>\n<section aria-labelledby=\"inds-h\">\n<h2 id=\"inds-h\">Indicators</h2>\n<ul class=\"inds\">\n", out);
    for (size_t i = 0; i < f->nind; i++) {
        size_t valued = 0;
        for (size_t a = 0; a < r->nareas; a++)
            valued += !isnan(r->areas[a].indicators[i].value);
        fputs("<li><a href=\"", out);
        esc(out, site->indicators[i]);
        fputs("\"><span class=\"id\">", out);
        esc(out, f->ind[i].id);
        fputs("</span> ", out);
        esc(out, f->ind[i].title);
        fprintf(out, "</a>: %zu area%s with a value</li>\n", valued, plural(valued));
    }
    fputs("</ul>\n</section>\n", out);
    matrix_section(out, r, site);
    return page_end(out, r, e);
}

/* A row per area: its figures on indicator `i` to `dec` places, the row the
 * target of the area's anchor. */
static void compare_rows(FILE *out, const result_set *r, size_t i, int dec, const report_site *site)
{
    const fw_indicator *fi = &r->framework->ind[i];
    for (size_t a = 0; a < r->nareas; a++) {
        const res_area *ra = &r->areas[a];
        const res_indicator *x = &ra->indicators[i];
        fputs("<tr id=\"", out);
        area_anchor(out, r, a);
        fputs("\" data-area=\"", out);
        esc(out, ra->code);
        fprintf(out, "\" data-status=\"%s\"><th scope=\"row\"><a href=\"../", css_colour(x->colour));
        esc(out, site->areas[a]);
        fputs("\">", out);
        esc(out, ra->name);
        fputs("</a> <span class=\"code\">", out);
        esc(out, ra->code);
        fputs("</span></th>", out);
        value_cell(out, fi, x, dec);
        if (!isnan(x->lower) && !isnan(x->upper)) {
            fprintf(out, "<td class=\"num\" data-sort=\"%.17g\"><span class=\"nw interval\">", x->lower);
            number(out, x->lower, dec);
            fputs(" to ", out);
            number(out, x->upper, dec);
            fputs("</span></td>", out);
        } else {
            fputs("<td class=\"muted\" data-sort=\"\">none</td>", out);
        }
        fputs("<td>", out);
        esc(out, x->period);
        fputs("</td>", out);
        comparator_cell(out, x, dec);
        fprintf(out, "<td data-sort=\"%d\">", rank(x->colour));
        badge(out, x->colour, vocab_status_name(x->status));
        if (is_rag(x->colour) && x->assessment) {
            fputs(" <span class=\"muted\">", out);
            words(out, x->assessment, 0);
            fputs("</span>", out);
        }
        fputs("</td><td class=\"reason\">", out);
        esc(out, x->reason);
        fputs("</td></tr>\n", out);
    }
}

int report_html_compare(FILE *out, const result_set *r, size_t i, const report_site *site, err *e)
{
    const fw_indicator *fi = &r->framework->ind[i];
    int dec = report_decimals(r, i);
    page_top(out, r, fi->title ? fi->title : fi->id, "Comparison of every area, ",
             ": <a href=\"../compare.html\">every indicator</a>, <a href=\"../index.html\">every area's scorecard</a>.");
    fputs("<main>\n<section class=\"compare\" aria-labelledby=\"ind-h\">\n<h2 id=\"ind-h\"><span class=\"id\">", out);
    esc(out, fi->id);
    fputs("</span> ", out);
    esc(out, fi->title);
    fputs("</h2>\n<p class=\"about\">", out);
    if (fi->unit && *fi->unit) {
        fputs("In ", out);
        esc(out, fi->unit);
        fputs("; better when ", out);
    } else {
        fputs("Better when ", out);
    }
    fputs(better_when(fi), out);
    fputs("; judged by ", out);
    words(out, fi->method ? fi->method : "no rule", 0);
    fputs(".", out);
    if (fi->notes && *fi->notes) {
        fputs(" ", out);
        esc(out, fi->notes);
    }
    if (fi->source && *fi->source) {
        fputs(" <span class=\"muted\">Source: ", out);
        esc(out, fi->source);
        fputs("</span>", out);
    }
    fputs("</p>\n", out);
    int rc = compare_figure(out, r, i);
    if (rc == 0)
        fputs("<p>Fewer than three areas have a value, so there is no chart.</p>\n", out);
    fputs("<table class=\"areas sortable\">\n<caption>", out);
    esc(out, fi->id);
    fputs(" by area, ", out);
    esc(out, r->period);
    fputs("</caption>\n<thead><tr><th scope=\"col\">Area</th><th scope=\"col\">Value</th>"
          "<th scope=\"col\">Interval</th><th scope=\"col\">Period</th><th scope=\"col\">Comparator</th>"
          "<th scope=\"col\">Status</th><th scope=\"col\">Reason</th></tr></thead>\n<tbody>\n", out);
    compare_rows(out, r, i, dec, site);
    fputs("</tbody>\n</table>\n</section>\n", out);
    int written = page_end(out, r, e);
    return rc < 0 ? err_set(e, rc, "out of memory writing HTML") : written;
}
