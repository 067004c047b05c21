/* text.h - small text helpers shared by the readers: UTF-8 checks, trimming, reading whole files. */
#ifndef SCORECARD_TEXT_H
#define SCORECARD_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

/* Returns the offset of the first byte of `s[0..n)` that is not part of
 * well-formed UTF-8 (overlongs, surrogates and NUL included), or -1. */
long text_utf8_check(const char *s, size_t n);

/* Trims ASCII spaces and tabs from both ends in place; returns `s`. */
char *text_trim(char *s);

/* Reads the rest of `f` into a new NUL-terminated buffer (the caller frees it),
 * refusing more than `limit` bytes; `name` is used in messages. */
char *text_read_all(FILE *f, const char *name, size_t limit, size_t *len, err *e);

/* Case-insensitive ASCII equality. */
int text_ieq(const char *a, const char *b);

#endif
