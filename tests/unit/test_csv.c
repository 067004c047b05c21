/* test_csv.c - the CSV reader against RFC 4180 cases, real-file quirks and bad input. */
#include <stdlib.h>

#include "check.h"
#include "csv.h"

/* Reads all of `input` and renders it as "line:field|field;" per record, or
 * "ERR <message>" at the first error. */
static void render(const char *input, size_t len, char *out, size_t cap)
{
    FILE *f = fmemopen((void *)input, len, "r");
    csv_reader *r = csv_new(f, "t.csv");
    csv_record rec;
    err e = {0};
    size_t n = 0;
    out[0] = '\0';
    int rc;
    while ((rc = csv_next(r, &rec, &e)) > 0) {
        n += (size_t)snprintf(out + n, cap - n, "%ld:", rec.line);
        for (size_t i = 0; i < rec.n; i++)
            n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? "|" : "", rec.field[i]);
        n += (size_t)snprintf(out + n, cap - n, ";");
    }
    if (rc < 0)
        snprintf(out + n, cap - n, "ERR %s", e.msg);
    csv_free(r);
    fclose(f);
}

static const struct {
    const char *input, *expect;
} CASES[] = {
    {"a,b,c\n1,2,3\n", "1:a|b|c;2:1|2|3;"},
    {"a,b\r\n1,2\r\n", "1:a|b;2:1|2;"},                                 /* CRLF */
    {"a,b\n1,2", "1:a|b;2:1|2;"},                                       /* no final newline */
    {"\xEF\xBB\xBFh1,h2\nx,y\n", "1:h1|h2;2:x|y;"},                     /* byte order mark dropped */
    {"\"a,b\",c\n", "1:a,b|c;"},                                        /* embedded comma */
    {"\"say \"\"hi\"\"\",2\n", "1:say \"hi\"|2;"},                       /* doubled quotes */
    {"\"two\nlines\",x\nnext,y\n", "1:two\nlines|x;3:next|y;"},         /* embedded newline, lines counted */
    {"\"two\r\nlines\",x\r\nnext,y\r\n", "1:two\r\nlines|x;3:next|y;"}, /* embedded CRLF */
    {",,\n", "1:||;"},                                                  /* empty fields */
    {"\"\",\"\"\n", "1:|;"},                                            /* quoted empty fields */
    {"a\n\n\nb\n\r\n\r\n", "1:a;4:b;"},                                 /* blank lines skipped */
    {"\"Wales \",\"\",3\r\n", "1:Wales ||3;"},                          /* Welsh table style */
    {"Ynys M\xC3\xB4n,1\n", "1:Ynys M\xC3\xB4n|1;"},                    /* UTF-8 kept */
    {"", ""},
    {"a,\"b\n", "ERR t.csv:1: quoted field starting here is never closed"},
    {"a,\"b\"c\n", "ERR t.csv:1: field 2: text after a closing quote"},
    {"a,b\"c\n", "ERR t.csv:1: field 2: quote inside an unquoted field"},
    {"ok\nM\xF4n,1\n", "1:ok;ERR t.csv:2: field 1: invalid UTF-8 (byte 2 of the field)"},
    {"a,\xC0\xAF\n", "ERR t.csv:1: field 2: invalid UTF-8 (byte 1 of the field)"}, /* overlong */
    {"a,\xED\xA0\x80\n", "ERR t.csv:1: field 2: invalid UTF-8 (byte 1 of the field)"}, /* surrogate */
};

static void test_nul_byte(void)
{
    char out[256];
    render("a,b\0c\n", 6, out, sizeof out);
    CHECK_CONTAINS(out, "NUL byte");
}

static void test_record_limit(void)
{
    size_t n = CSV_MAX_RECORD_BYTES + 10;
    char *big = malloc(n);
    memset(big, 'x', n);
    big[0] = '"'; /* an unterminated quote must not swallow memory without bound */
    char out[512];
    render(big, n, out, sizeof out);
    CHECK_CONTAINS(out, "record longer than");
    free(big);
}

static void test_field_limit(void)
{
    size_t n = (CSV_MAX_FIELDS + 5) * 2;
    char *many = malloc(n);
    for (size_t i = 0; i < n; i += 2) {
        many[i] = 'x';
        many[i + 1] = ',';
    }
    char out[512];
    render(many, n, out, sizeof out);
    CHECK_CONTAINS(out, "more than 4096 fields");
    free(many);
}

static void test_write_field(void)
{
    char buf[128] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    csv_write_field(f, "plain");
    fputc(' ', f);
    csv_write_field(f, "a,b");
    fputc(' ', f);
    csv_write_field(f, "say \"hi\"");
    fclose(f);
    CHECK_STR(buf, "plain \"a,b\" \"say \"\"hi\"\"\"");
}

int main(void)
{
    char out[4096];
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        render(CASES[i].input, strlen(CASES[i].input), out, sizeof out);
        CHECK_STR(out, CASES[i].expect);
    }
    test_nul_byte();
    test_record_limit();
    test_field_limit();
    test_write_field();
    return check_report("test_csv");
}
