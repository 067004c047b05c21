/* text.c - UTF-8 checks, cleaning and trimming. */
#include "text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one well-formed UTF-8 sequence at s[0..n) (n >= 1) into *cp and returns
 * its length, or 0 when the bytes there are not one (overlongs, surrogates and
 * code points past U+10FFFF included). */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    unsigned v = c & (0xFFu >> (len + 1));
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[k] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

long text_utf8_check(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        if (!len || cp == 0)
            return (long)i;
        i += len;
    }
    return -1;
}

/* Code points no output should carry as they are: controls other than tab and
 * newline (ESC, BEL, CR rewrite a terminal), DEL, C1 controls (U+009B is CSI
 * on some terminals) and the bidirectional embeddings, overrides and isolates
 * (which reorder what a reader sees). */
static int unsafe_code_point(unsigned cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* One step of cleaning: the piece of output for the input at s[0..n) and the
 * number of input bytes it stands for. */
static size_t clean_step(const unsigned char *s, size_t n, const char **piece, size_t *plen)
{
    if (n >= 2 && s[0] == '\r' && s[1] == '\n') { /* a Windows line end is a line end */
        *piece = "\n";
        *plen = 1;
        return 2;
    }
    unsigned cp;
    size_t len = utf8_decode(s, n, &cp);
    if (!len || unsafe_code_point(cp)) {
        *piece = REPLACEMENT;
        *plen = 3;
        return len ? len : 1;
    }
    *piece = (const char *)s;
    *plen = len;
    return len;
}

int text_is_clean(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        const char *piece;
        size_t plen, used = clean_step(s + i, n - i, &piece, &plen);
        if (piece != (const char *)s + i || used != plen)
            return 0;
        i += used;
    }
    return 1;
}

char *text_clean_dup(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        const char *piece;
        size_t plen;
        i += clean_step(s + i, n - i, &piece, &plen);
        out += plen;
    }
    char *copy = malloc(out + 1);
    if (!copy)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        const char *piece;
        size_t plen;
        i += clean_step(s + i, n - i, &piece, &plen);
        memcpy(copy + k, piece, plen);
        k += plen;
    }
    copy[k] = '\0';
    return copy;
}

void text_clean_into(char *out, size_t cap, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        const char *piece;
        size_t plen;
        i += clean_step(s + i, n - i, &piece, &plen);
        if (k + plen + 1 > cap)
            break; /* cut at a character boundary, never inside one */
        memcpy(out + k, piece, plen);
        k += plen;
    }
    if (cap)
        out[k] = '\0';
}

void text_fputs_clean_n(const char *str, size_t n, FILE *out)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        const char *piece;
        size_t plen;
        i += clean_step(s + i, n - i, &piece, &plen);
        fwrite(piece, 1, plen, out);
    }
}

void text_fputs_clean(const char *s, FILE *out)
{
    text_fputs_clean_n(s, strlen(s), out);
}

char *text_trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    size_t start = 0;
    while (s[start] == ' ' || s[start] == '\t')
        start++;
    if (start > 0)
        memmove(s, s + start, n - start + 1);
    return s;
}

int text_parse_decimal(const char *s, double *out)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    int digits = 0;
    while (*p >= '0' && *p <= '9')
        p++, digits++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++, digits++;
    }
    if (!digits)
        return -1;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return -1;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (*p)
        return -1;
    double v = strtod(s, NULL);
    if (!isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int text_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return *a == *b;
}

char *text_read_all(FILE *f, const char *name, size_t limit, size_t *len, err *e)
{
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    if (!buf) {
        err_set(e, ERR_NOMEM, "out of memory");
        return NULL;
    }
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n > limit) {
            free(buf);
            err_set(e, ERR_LIMIT, "%s: larger than %zu MiB", name, limit >> 20);
            return NULL;
        }
        if (n == cap) {
            char *grown = realloc(buf, cap * 2 + 1);
            if (!grown) {
                free(buf);
                err_set(e, ERR_NOMEM, "out of memory");
                return NULL;
            }
            buf = grown;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        free(buf);
        err_set(e, ERR_IO, "%s: read error", name);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

char *text_printf_dup(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return strdup(buf);
}

void text_cell_name(int col, long row, char *out, size_t cap)
{
    char letters[8];
    int n = 0;
    for (long c = (long)col + 1; c > 0 && n < (int)sizeof letters; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    char name[8];
    for (int i = 0; i < n; i++)
        name[i] = letters[n - 1 - i];
    snprintf(out, cap, "%.*s%ld", n, name, row);
}

char *text_relative_path(const char *dir, const char *file)
{
    /* The longest common prefix that ends at a folder boundary in both. */
    size_t common = 0;
    for (size_t i = 0; dir[i] && dir[i] == file[i]; i++)
        if (dir[i] == '/')
            common = i + 1;
    size_t dlen = strlen(dir);
    if (dlen && !strncmp(dir, file, dlen) && (file[dlen] == '/' || dlen == 1))
        common = dlen == 1 ? 1 : dlen + 1; /* `file` is inside `dir` */
    size_t up = 0;
    for (size_t i = common; i < dlen; i++)
        if (dir[i] != '/' && (i == common || dir[i - 1] == '/'))
            up++;
    const char *rest = file + (common <= strlen(file) ? common : strlen(file));
    char *out = malloc(3 * up + strlen(rest) + 1);
    if (!out)
        return NULL;
    char *w = out;
    for (size_t i = 0; i < up; i++, w += 3)
        memcpy(w, "../", 3);
    strcpy(w, rest);
    return out;
}

int text_decimals(const char *s)
{
    if (!s || !*s || strpbrk(s, "eExXnNiI"))
        return -1;
    char *end;
    (void)strtod(s, &end);
    if (*end)
        return -1;
    const char *dot = strchr(s, '.');
    size_t d = dot ? strlen(dot + 1) : 0;
    return d > 6 ? 6 : (int)d;
}

const char *text_plural(long long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}
