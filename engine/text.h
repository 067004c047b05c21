/* text.h - small text helpers shared by the readers: UTF-8 checks and trimming. */
#ifndef SCORECARD_TEXT_H
#define SCORECARD_TEXT_H

#include <stddef.h>

/* Returns the offset of the first byte of `s[0..n)` that is not part of
 * well-formed UTF-8 (overlongs, surrogates and NUL included), or -1. */
long text_utf8_check(const char *s, size_t n);

/* Trims ASCII spaces and tabs from both ends in place; returns `s`. */
char *text_trim(char *s);

/* Case-insensitive ASCII equality. */
int text_ieq(const char *a, const char *b);

#endif
