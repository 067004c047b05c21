/*
 * error.h - the one error convention and the one ownership rule of the engine.
 *
 * Errors. A function that can fail returns 0 on success or a negative ERR_*
 * code, and fills the caller's `err` record with a message for a person.
 * Where a file, line or field is involved the message names them, in the form
 * `falls.csv:812: column "value": "12,3" is not a number`. Nothing below the
 * command-line layer prints, exits or aborts on bad input; the CLI decides how
 * to report and which exit status to use.
 *
 * Ownership. Whoever allocates frees. A function that hands ownership of
 * memory to its caller says so in its name: `_new` pairs with `_free`,
 * `_take` means the callee now owns what it was given. Pointers returned by
 * any other function are borrowed and stay valid only as documented at that
 * function.
 *
 * Invariants. A broken invariant is a bug in the engine, never bad input:
 * err_assert(cond) checks it in every build (NDEBUG does not turn it off),
 * prints the file, line and condition and aborts, as Redis's serverAssert and
 * Lua's api_check do. Bad input is an ERR_* code, never an assertion.
 */
#ifndef SCORECARD_ERROR_H
#define SCORECARD_ERROR_H

#include <stddef.h>

enum {
    ERR_OK = 0,
    ERR_IO = -1,      /* a file could not be opened, read or written */
    ERR_PARSE = -2,   /* input bytes are not in the expected format */
    ERR_INVALID = -3, /* well-formed input with a value the domain rejects */
    ERR_DB = -4,      /* SQLite reported a failure */
    ERR_NOMEM = -5,   /* an allocation failed */
    ERR_LIMIT = -6,   /* a configured size or count limit was reached */
    ERR_USAGE = -7,   /* the caller asked for something meaningless */
};

typedef struct err {
    int code;       /* the ERR_* value last set, ERR_OK when none */
    char msg[1024]; /* one line, no trailing newline */
} err;

/* Sets the record and returns `code`, so callers can `return err_set(...)`. */
int err_set(err *e, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Puts `prefix: ` in front of the message already in `e`, keeping its code. */
int err_prefix(err *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

void err_clear(err *e);

#define err_assert(cond) ((cond) ? (void)0 : err_assert_failed(__FILE__, __LINE__, #cond))
_Noreturn void err_assert_failed(const char *file, int line, const char *cond);

#endif
