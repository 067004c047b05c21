/* main.c - the `scorecard` command: global help and dispatch to subcommands. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "sandbox.h"
#include "text.h"

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} COMMANDS[] = {
    {"init", cmd_init, "create or upgrade the database and load the bundled geography"},
    {"import", cmd_import, "import indicator data from CSV, JSON or JSON-stat files"},
    {"areas", cmd_areas, "list areas (partnerships, boards, councils, ...)"},
    {"data", cmd_data, "show stored observations, current or with their history"},
    {"imports", cmd_imports, "list import batches"},
    {"run", cmd_run, "evaluate a framework and print (and store) the scorecard"},
    {"compare", cmd_compare, "compare areas: statuses, values, ranks and spread per indicator"},
    {"publish", cmd_publish, "write a static site: an index, a page per area, a comparison page"},
    {"check", cmd_check, "load a framework and report every problem in it"},
    {"test", cmd_test, "run the test cases kept beside a framework"},
    {"eval", cmd_eval, "run a Lua snippet in the framework sandbox and print the result as JSON"},
    {"runs", cmd_runs, "list stored scorecard runs"},
    {"explain", cmd_explain, "show why an indicator has its colour in a stored run"},
    {"diff", cmd_diff, "show what changed between two stored runs, and why"},
    {"published", cmd_published, "set a run's verdicts beside the publisher's own"},
};
#define NCOMMANDS (sizeof COMMANDS / sizeof *COMMANDS)

static void usage(FILE *out)
{
    fputs("usage: scorecard COMMAND [OPTIONS]\n\n"
          "Turns health and social care indicator data into traffic-light scorecards.\n\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-9s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    fputs("\nEvery command takes --db PATH (default $SCORECARD_DB, else ./scorecard.db) and --help.\n"
          "Exit status: 0 ok, 1 failed, 2 usage error. See docs/scorecard.md.\n",
          out);
}

const char *cli_data_dir(const char *option)
{
    if (option)
        return option;
    const char *env = getenv("SCORECARD_DATA");
    return env && *env ? env : SCORECARD_DATA_DIR;
}

const char *cli_frameworks_dir(const char *option)
{
    if (option)
        return option;
    const char *env = getenv("SCORECARD_FRAMEWORKS");
    return env && *env ? env : SCORECARD_FRAMEWORKS_DIR;
}

const char *cli_db_path(const char *option)
{
    if (option)
        return option;
    const char *env = getenv("SCORECARD_DB");
    return env && *env ? env : "scorecard.db";
}

int cli_open_store(const char *db_option, store_mode mode, store **s)
{
    err e = {0};
    if (store_open(cli_db_path(db_option), mode, s, &e))
        return cli_fail(&e);
    return CLI_OK;
}

int cli_parse_date(const char *text, int *day)
{
    int y, m, d, used = 0;
    char label[32];
    int first, last;
    for (int i = 0; i < 10 && text[i]; i++) /* digits and the two dashes only: sscanf takes "+4" */
        if ((i == 4 || i == 7) ? text[i] != '-' : (text[i] < '0' || text[i] > '9'))
            return -1;
    if (strlen(text) != 10 || sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10 || y < 1900 ||
        m < 1 || m > 12 || d < 1)
        return -1;
    period_containing(PERIOD_MONTH, y * 10000 + m * 100 + 1, label, sizeof label, &first, &last);
    if (d > last % 100)
        return -1;
    *day = y * 10000 + m * 100 + d;
    return 0;
}

int cli_today(int *day, err *e)
{
    *day = 0;
    const char *text = getenv("SCORECARD_TODAY");
    if (!text || !*text)
        return 0;
    if (cli_parse_date(text, day))
        return err_set(e, ERR_USAGE, "SCORECARD_TODAY=%s: give a date as YYYY-MM-DD", text);
    return 0;
}

int cli_text_width(int to_stdout)
{
    const char *text = getenv("COLUMNS");
    char *end;
    long n = text && *text ? strtol(text, &end, 10) : 0;
    if (text && *text && !*end && n >= 20 && n <= 10000)
        return (int)n;
    struct winsize ws;
    if (to_stdout && isatty(STDOUT_FILENO) && !ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_col >= 20)
        return ws.ws_col;
    return 0;
}

/* A positive number from the environment variable `name` into *v; 0 when unset. */
static int limit_from_env(const char *name, double max, double *v, err *e)
{
    const char *text = getenv(name);
    if (!text || !*text)
        return 0;
    char *end;
    double x = strtod(text, &end);
    if (*end || !(x > 0) || x > max)
        return err_set(e, ERR_USAGE, "%s=%s: give a positive number up to %.0f", name, text, max);
    *v = x;
    return 0;
}

host *cli_sandbox(store *s, err *e)
{
    host_limits l = host_default_limits();
    double mb = (double)(l.memory >> 20), instructions = (double)l.instructions;
    if (limit_from_env("SCORECARD_LIMIT_SECONDS", 86400, &l.seconds, e) ||
        limit_from_env("SCORECARD_LIMIT_RUN_SECONDS", 86400 * 7, &l.run_seconds, e) ||
        limit_from_env("SCORECARD_LIMIT_MEMORY_MB", 1 << 20, &mb, e) ||
        limit_from_env("SCORECARD_LIMIT_INSTRUCTIONS", 1e15, &instructions, e))
        return NULL;
    l.memory = (size_t)(mb * 1048576);
    l.instructions = (long long)instructions;
    return sandbox_new(s, &l, e);
}

/* Messages quote framework code and data files: cleaned, they cannot move the
 * terminal's cursor or print a fake verdict over the real one. */
int cli_fail(const err *e)
{
    fputs("scorecard: ", stderr);
    text_fputs_clean(e->msg, stderr);
    fputc('\n', stderr);
    return e->code == ERR_USAGE ? CLI_USAGE : CLI_FAILED;
}

int cli_usage(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "scorecard %s: ", command);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'scorecard %s --help'.\n", command);
    return CLI_USAGE;
}

/* A command whose standard output could not be written (a full disk, a closed
 * pipe) has failed, whatever it returned: nothing may exit 0 having printed
 * half of what it meant to. */
static int finish(int status)
{
    errno = 0;
    if (fflush(stdout) || ferror(stdout) || fclose(stdout)) {
        fprintf(stderr, "scorecard: standard output: write error%s%s\n", errno ? ": " : "", errno ? strerror(errno) : "");
        return status ? status : CLI_FAILED;
    }
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return finish(CLI_OK);
    }
    if (!strcmp(name, "--version")) {
        printf("scorecard %s\n", SCORECARD_VERSION);
        return finish(CLI_OK);
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(name, COMMANDS[i].name))
            return finish(COMMANDS[i].run(argc - 1, argv + 1));
    fprintf(stderr, "scorecard: unknown command \"%s\"\n\n", name);
    usage(stderr);
    return CLI_USAGE;
}
