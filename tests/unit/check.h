/*
 * check.h - the unit tests' few assertions. Each failed check prints where and
 * why and counts; a test program exits non-zero when any check failed.
 */
#ifndef SCORECARD_CHECK_H
#define SCORECARD_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                                        \
    do {                                                                                                   \
        check_count++;                                                                                     \
        if (!(cond)) {                                                                                     \
            check_failures++;                                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                      \
        }                                                                                                  \
    } while (0)

#define CHECK_INT(got, want)                                                                               \
    do {                                                                                                   \
        long long g_ = (long long)(got), w_ = (long long)(want);                                           \
        check_count++;                                                                                     \
        if (g_ != w_) {                                                                                    \
            check_failures++;                                                                              \
            fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, #got, g_, w_);       \
        }                                                                                                  \
    } while (0)

#define CHECK_STR(got, want)                                                                               \
    do {                                                                                                   \
        const char *g_ = (got), *w_ = (want);                                                              \
        check_count++;                                                                                     \
        if (!g_ || !w_ ? g_ != w_ : strcmp(g_, w_) != 0) {                                                 \
            check_failures++;                                                                              \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #got,            \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                               \
        }                                                                                                  \
    } while (0)

#define CHECK_CONTAINS(got, part)                                                                          \
    do {                                                                                                   \
        const char *g_ = (got), *p_ = (part);                                                              \
        check_count++;                                                                                     \
        if (!g_ || !strstr(g_, p_)) {                                                                      \
            check_failures++;                                                                              \
            fprintf(stderr, "%s:%d: \"%s\" does not contain \"%s\"\n", __FILE__, __LINE__, g_ ? g_ : "",   \
                    p_);                                                                                   \
        }                                                                                                  \
    } while (0)

static int check_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
