/* report_format.c - how every writer shows a number, a value and a word of the
 * engine's vocabulary, so the terminal, the pages and the workbook agree. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"

void report_number(char *buf, size_t cap, double v, int dec)
{
    if (dec < 0 || fabs(v) >= 1e15)
        snprintf(buf, cap, "%.6g", v);
    else
        snprintf(buf, cap, "%.*f", dec, v);
    /* -0.04 to one place is 0.0, not "-0.0" */
    if (buf[0] == '-' && buf[1 + strspn(buf + 1, "0.")] == '\0')
        memmove(buf, buf + 1, strlen(buf));
}

int report_decimals(const result_set *r, size_t i)
{
    return r->decimals ? r->decimals[i] : r->framework->ind[i].decimals;
}

const char *report_value(char *buf, size_t cap, const res_indicator *x, int dec)
{
    if (!isnan(x->value) && (!x->value_text || (dec >= 0 && text_decimals(x->value_text) != dec))) {
        report_number(buf, cap, x->value, dec);
        return buf;
    }
    return x->value_text;
}

char *report_words_dup(const char *s, int cap)
{
    if (!s)
        return NULL;
    const char *shown = vocab_words(s);
    char *c = strdup(shown ? shown : s);
    if (!c)
        return NULL;
    for (char *p = c; *p; p++)
        if (*p == '_')
            *p = ' ';
    if (cap && *c >= 'a' && *c <= 'z')
        *c = (char)(*c - 'a' + 'A');
    return c;
}
