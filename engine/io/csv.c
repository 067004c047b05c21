/* csv.c - streaming RFC 4180 reader; see csv.h for what it accepts and rejects. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "text.h"

#define CSV_READ_CHUNK 65536

struct csv_reader {
    FILE *f;
    const char *name;
    unsigned char in[CSV_READ_CHUNK]; /* raw bytes read ahead from f */
    size_t in_len, in_pos;
    long line;        /* physical line of the next byte */
    int started;      /* the byte order mark check has been done */
    int eof;

    char *buf; /* the current record's fields, each NUL-terminated */
    size_t buf_len, buf_cap;
    size_t field_start; /* offset in buf of the field being read */
    size_t *starts;     /* offset of each field in buf */
    char **fields;
    size_t nfields, fields_cap;
};

csv_reader *csv_new(FILE *f, const char *name)
{
    csv_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->f = f;
    r->name = name;
    r->line = 1;
    return r;
}

void csv_free(csv_reader *r)
{
    if (!r)
        return;
    free(r->buf);
    free(r->starts);
    free(r->fields);
    free(r);
}

/* Next byte, or -1 at end of input, or -2 on a read error. */
static int next_byte(csv_reader *r)
{
    if (r->in_pos == r->in_len) {
        if (r->eof)
            return -1;
        r->in_len = fread(r->in, 1, sizeof r->in, r->f);
        r->in_pos = 0;
        if (r->in_len == 0) {
            r->eof = 1;
            return ferror(r->f) ? -2 : -1;
        }
    }
    return r->in[r->in_pos++];
}

static int peek_byte(csv_reader *r)
{
    int c = next_byte(r);
    if (c >= 0)
        r->in_pos--;
    return c;
}

static int push_byte(csv_reader *r, int c, err *e)
{
    if (r->buf_len + 1 >= CSV_MAX_RECORD_BYTES)
        return err_set(e, ERR_LIMIT, "%s:%ld: record longer than %u bytes (unterminated quote?)",
                       r->name, r->line, CSV_MAX_RECORD_BYTES);
    if (grow(&r->buf, &r->buf_cap, r->buf_len + 2, 1, 4096))
        return err_set(e, ERR_NOMEM, "%s: out of memory", r->name);
    r->buf[r->buf_len++] = (char)c;
    return 0;
}

static int end_field(csv_reader *r, long rec_line, err *e)
{
    if (r->nfields == CSV_MAX_FIELDS)
        return err_set(e, ERR_LIMIT, "%s:%ld: more than %d fields in a record", r->name, rec_line,
                       CSV_MAX_FIELDS);
    size_t starts_cap = r->fields_cap; /* two arrays of one length: grow both, then record it */
    if (grow(&r->starts, &starts_cap, r->nfields + 1, sizeof *r->starts, 32) ||
        grow(&r->fields, &r->fields_cap, r->nfields + 1, sizeof *r->fields, 32))
        return err_set(e, ERR_NOMEM, "%s: out of memory", r->name);
    size_t start = r->field_start;
    int rc = push_byte(r, '\0', e);
    if (rc)
        return rc;
    long bad = text_utf8_check(r->buf + start, r->buf_len - 1 - start);
    if (bad >= 0)
        return err_set(e, ERR_PARSE, "%s:%ld: field %zu: invalid UTF-8 (byte %ld of the field)", r->name,
                       rec_line, r->nfields + 1, bad + 1);
    r->starts[r->nfields++] = start;
    r->field_start = r->buf_len;
    return 0;
}

/* Consumes the LF of a CRLF pair; a lone CR also ends a line. */
static void end_line(csv_reader *r, int c)
{
    if (c == '\r' && peek_byte(r) == '\n')
        next_byte(r);
    r->line++;
}

enum { AT_FIELD_START, IN_UNQUOTED, IN_QUOTED, AFTER_QUOTE };

int csv_next(csv_reader *r, csv_record *rec, err *e)
{
    if (!r->started) {
        r->started = 1;
        if (peek_byte(r) == 0xEF) {
            unsigned char bom[3];
            size_t have = r->in_len - r->in_pos;
            if (have >= 3) {
                memcpy(bom, r->in + r->in_pos, 3);
                if (bom[1] == 0xBB && bom[2] == 0xBF) {
                    r->in_pos += 3;
                }
            }
        }
    }

    for (;;) { /* once per physical record; blank lines loop */
        r->buf_len = 0;
        r->field_start = 0;
        r->nfields = 0;
        long rec_line = r->line;
        long quote_line = 0;
        int state = AT_FIELD_START;
        int any_quote = 0;
        int c, rc;

        for (;;) {
            c = next_byte(r);
            if (c == -2)
                return err_set(e, ERR_IO, "%s:%ld: read error", r->name, r->line);
            if (c == 0)
                return err_set(e, ERR_PARSE, "%s:%ld: NUL byte in text (is this a CSV file?)", r->name,
                               r->line);
            if (state == IN_QUOTED) {
                if (c == -1)
                    return err_set(e, ERR_PARSE, "%s:%ld: quoted field starting here is never closed",
                                   r->name, quote_line);
                if (c == '"') {
                    state = AFTER_QUOTE;
                } else {
                    if (c == '\n' || (c == '\r' && peek_byte(r) != '\n'))
                        r->line++;
                    if ((rc = push_byte(r, c, e)))
                        return rc;
                }
                continue;
            }
            if (state == AFTER_QUOTE && c == '"') {
                if ((rc = push_byte(r, '"', e)))
                    return rc;
                state = IN_QUOTED;
                continue;
            }
            if (c == ',') {
                if ((rc = end_field(r, rec_line, e)))
                    return rc;
                state = AT_FIELD_START;
                continue;
            }
            if (c == '\n' || c == '\r' || c == -1)
                break;
            if (state == AFTER_QUOTE)
                return err_set(e, ERR_PARSE, "%s:%ld: field %zu: text after a closing quote", r->name,
                               r->line, r->nfields + 1);
            if (c == '"') {
                if (state == IN_UNQUOTED)
                    return err_set(e, ERR_PARSE,
                                   "%s:%ld: field %zu: quote inside an unquoted field", r->name,
                                   r->line, r->nfields + 1);
                state = IN_QUOTED;
                quote_line = r->line;
                any_quote = 1;
                continue;
            }
            state = IN_UNQUOTED;
            if ((rc = push_byte(r, c, e)))
                return rc;
        }

        int blank = r->nfields == 0 && r->buf_len == 0 && !any_quote;
        if (c == -1 && blank)
            return 0;
        if ((rc = end_field(r, rec_line, e)))
            return rc;
        if (c != -1)
            end_line(r, c);
        if (blank)
            continue;
        for (size_t i = 0; i < r->nfields; i++)
            r->fields[i] = r->buf + r->starts[i];
        rec->n = r->nfields;
        rec->field = r->fields;
        rec->line = rec_line;
        return 1;
    }
}

void csv_write_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

void csv_write_text(FILE *out, const char *s)
{
    double number;
    int formula = (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r') &&
                  text_parse_decimal(s, &number);
    if (!formula) {
        csv_write_field(out, s);
        return;
    }
    fputc('"', out);
    fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}
