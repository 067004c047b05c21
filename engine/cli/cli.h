/*
 * cli.h - what the command implementations share: exit statuses, where the
 * database is, and how failures are reported. Only the CLI prints to the
 * user or decides an exit status; every module below it returns errors.
 */
#ifndef SCORECARD_CLI_H
#define SCORECARD_CLI_H

#include <getopt.h>

#include "error.h"
#include "eval.h"
#include "framework.h"
#include "output.h"
#include "store.h"

enum { CLI_OK = 0, CLI_FAILED = 1, CLI_USAGE = 2 };

/* Options every command takes, as getopt_long codes. */
enum { OPT_DB = 1000, OPT_HELP, OPT_FORMAT };

/* The database path: --db, else $SCORECARD_DB, else scorecard.db here. */
const char *cli_db_path(const char *option);
/* The bundled data directory: --data, else $SCORECARD_DATA, else the configured one. */
const char *cli_data_dir(const char *option);
/* The frameworks directory: --frameworks, else $SCORECARD_FRAMEWORKS, else the configured one. */
const char *cli_frameworks_dir(const char *option);
/* A YYYY-MM-DD date that exists into *day (YYYYMMDD); -1 when `text` is not one. */
int cli_parse_date(const char *text, int *day);
/* The day the default period may not end after, from $SCORECARD_TODAY
 * (YYYY-MM-DD, for reproducible runs and tests); 0, the clock's date, when unset. */
int cli_today(int *day, err *e);
/* The columns text output wraps to: $COLUMNS when it is a number from 20 to
 * 10000, else the terminal's width when `to_stdout` and standard output is a
 * terminal, else 0 (no wrapping: a file or a pipe gets whole lines). */
int cli_text_width(int to_stdout);
/* Opens the store, printing why not; returns CLI_OK or CLI_FAILED. Only init
 * passes STORE_CREATE. */
int cli_open_store(const char *db_option, store_mode mode, store **s);
/* A sandbox (sandbox.h) for `s` (may be NULL) under the default limits, or those
 * the environment sets: SCORECARD_LIMIT_SECONDS (per call),
 * SCORECARD_LIMIT_RUN_SECONDS (all calls of the command), SCORECARD_LIMIT_MEMORY_MB
 * and SCORECARD_LIMIT_INSTRUCTIONS. NULL with `e` set when one is not a
 * positive number. */
host *cli_sandbox(store *s, err *e);
/* Prints `scorecard: message` and returns the exit status for the error. */
int cli_fail(const err *e);
/* Prints a usage error with a pointer to --help; returns CLI_USAGE. */
int cli_usage(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_areas(int argc, char **argv);
int cmd_data(int argc, char **argv);
int cmd_imports(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_publish(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_runs(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_published(int argc, char **argv);

/* The framework file `given` names: itself, or framework.lua in it when it is
 * a folder. A new string; NULL when memory runs out. */
char *cli_framework_file(const char *given);
/* Prints a framework's problems on stderr, errors first. */
void cli_print_problems(const fw_problems *p);

/* What run, compare and publish share (cli_scorecard.c). */
typedef struct cli_scorecard {
    store *s;
    host *h;
    framework *f;
    result_set *r;
    fw_problems problems;
    const char *db; /* the database path */
    char *path;     /* the framework file (a folder given is its framework.lua) */
} cli_scorecard;

/* Option codes run, compare and publish share, beside OPT_DB, OPT_HELP and OPT_FORMAT. */
enum { OPT_FRAMEWORK = 1100, OPT_PERIOD, OPT_AREA };
#define CLI_SCORECARD_OPTIONS                                                                              \
    {"db", required_argument, 0, OPT_DB}, {"framework", required_argument, 0, OPT_FRAMEWORK},           \
        {"period", required_argument, 0, OPT_PERIOD}, {"area", required_argument, 0, OPT_AREA},          \
        {"output", required_argument, 0, 'o'}, {"help", no_argument, 0, OPT_HELP}

/* The command line of run, compare and publish. Set `command`, `usage` and
 * the default `format` before parsing; the rest points into argv. */
typedef struct cli_scorecard_args {
    const char *command, *usage;
    const char *db, *framework, *format, *output;
    eval_options eval;  /* --period, and the --area codes in `areas` */
    const char **areas; /* owned: cli_scorecard_args_free */
} cli_scorecard_args;

/* Parses argv against `opts` (CLI_SCORECARD_OPTIONS with the command's own,
 * and --format when it takes one); `own` gets the command's own codes and
 * returns 0, or -1 for one it does not know (NULL: it has none). Requires
 * --framework. Returns -1 to go on, or the exit status after --help or a usage
 * error; free `a` either way. */
int cli_scorecard_args_parse(cli_scorecard_args *a, int argc, char **argv, const struct option *opts,
                             int (*own)(void *ctx, int code, const char *arg), void *ctx);
void cli_scorecard_args_free(cli_scorecard_args *a);

/* Opens the store, loads the framework at `framework_path` (a file, or a
 * folder holding framework.lua) and evaluates it, printing any failure; the
 * run is not stored (eval_store). `vet`, when not NULL, may refuse the loaded
 * framework before anything is evaluated (a report it cannot make). Returns a
 * CLI status; close either way. */
typedef int (*cli_framework_vet)(const framework *f, err *e);
int cli_scorecard_open(cli_scorecard *c, const char *db, const char *framework_path, const eval_options *o,
                       cli_framework_vet vet);
/* What an output of the command must not overwrite: the database and every
 * file the framework loaded. Valid until close. */
out_guard cli_scorecard_guard(const cli_scorecard *c);
void cli_scorecard_close(cli_scorecard *c);

#endif
