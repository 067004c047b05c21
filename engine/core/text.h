/* text.h - small text helpers: UTF-8 checks, cleaning text that crosses a trust
 * boundary, trimming, reading whole files. */
#ifndef SCORECARD_TEXT_H
#define SCORECARD_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

/* Returns the offset of the first byte of `s[0..n)` that is not part of
 * well-formed UTF-8 (overlongs, surrogates and NUL included), or -1. */
long text_utf8_check(const char *s, size_t n);

/* Cleaning. Text from a framework or a data file is cleaned where it enters C
 * (framework load, values a rule returns, error messages) and before it reaches
 * a terminal: the result is valid UTF-8 in which CR LF becomes LF and every ill-formed sequence,
 * NUL, control character other than tab and newline, DEL, C1 control and
 * bidirectional embedding, override or isolate is replaced by U+FFFD. Writers
 * then escape only what their own format needs. */

/* Is s[0..n) already clean (cleaning would change nothing)? */
int text_is_clean(const char *s, size_t n);
/* A clean copy of s[0..n), NUL-terminated; the caller frees it. NULL when
 * memory runs out. */
char *text_clean_dup(const char *s, size_t n);
/* A new string formatted as printf does, cut at 1 KiB (reasons and messages);
 * NULL when memory runs out. */
char *text_printf_dup(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* A clean copy into out[0..cap), cut at a character boundary when it does not
 * fit, always NUL-terminated (when cap > 0). */
void text_clean_into(char *out, size_t cap, const char *s, size_t n);
/* Writes a clean copy of s[0..n) or of the string s. */
void text_fputs_clean_n(const char *s, size_t n, FILE *out);
void text_fputs_clean(const char *s, FILE *out);

/* Trims ASCII spaces and tabs from both ends in place; returns `s`. */
char *text_trim(char *s);

/* Reads the rest of `f` into a new NUL-terminated buffer (the caller frees it),
 * refusing more than `limit` bytes; `name` is used in messages. */
char *text_read_all(FILE *f, const char *name, size_t limit, size_t *len, err *e);

/* `one` when n is 1, else `many`: "1 area", "2 areas", "0 areas" (static). */
const char *text_plural(long long n, const char *one, const char *many);

/* The decimal places of a plain number as written ("82.30": 2, "7236": 0), at
 * most 6; -1 when the text is not one (a "*", "1,234", an exponent). */
int text_decimals(const char *s);

/* Reads `s` as a number in plain decimal notation ("-5.2", "+3", "1e-4"): no
 * hex, no inf or nan, no thousands separators, nothing after it. 0 or -1. */
int text_parse_decimal(const char *s, double *out);

/* The path of `file` relative to the folder `dir`, both absolute and without
 * "." or ".." components (as realpath gives them): ("/a/b", "/a/b/c.lua") is
 * "c.lua", ("/a/b", "/a/x/y.lua") is "../x/y.lua". A new string; NULL when
 * memory runs out. */
char *text_relative_path(const char *dir, const char *file);

/* Case-insensitive ASCII equality. */
int text_ieq(const char *a, const char *b);

/* A spreadsheet cell's name from a 0-based column and a 1-based row: (2, 14) is
 * "C14", (26, 1) "AA1". */
void text_cell_name(int col, long row, char *out, size_t cap);

#endif
