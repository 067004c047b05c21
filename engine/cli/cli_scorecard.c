/* cli_scorecard.c - what run, compare and publish share: open the store, load
 * the framework in a sandbox, evaluate it; and what their outputs must never
 * overwrite. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int cli_scorecard_args_parse(cli_scorecard_args *a, int argc, char **argv, const struct option *opts,
                             int (*own)(void *ctx, int code, const char *arg), void *ctx)
{
    if (!(a->areas = calloc((size_t)argc + 1, sizeof *a->areas))) {
        err e;
        err_set(&e, ERR_NOMEM, "out of memory");
        return cli_fail(&e);
    }
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: a->db = optarg; break;
        case OPT_FRAMEWORK: a->framework = optarg; break;
        case OPT_PERIOD: a->eval.period = optarg; break;
        case OPT_AREA: a->areas[a->eval.nareas++] = optarg; break;
        case OPT_FORMAT: a->format = optarg; break;
        case 'o': a->output = optarg; break;
        case OPT_HELP: fputs(a->usage, stdout); return CLI_OK;
        default:
            if (c == '?' || c == ':' || !own || own(ctx, c, optarg))
                return cli_usage(a->command, "unknown or incomplete option %s", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return cli_usage(a->command, "unexpected argument \"%s\"", argv[optind]);
    if (!a->framework)
        return cli_usage(a->command, "--framework PATH is required");
    if (a->eval.nareas)
        a->eval.areas = a->areas;
    return -1;
}

void cli_scorecard_args_free(cli_scorecard_args *a)
{
    free(a->areas);
    a->areas = NULL;
}

int cli_scorecard_open(cli_scorecard *c, const char *db, const char *framework_path, const eval_options *o,
                       cli_framework_vet vet)
{
    memset(c, 0, sizeof *c);
    c->db = cli_db_path(db);
    int rc = cli_open_store(db, STORE_EXISTING, &c->s);
    if (rc)
        return rc;
    err e = {0};
    if (!(c->path = cli_framework_file(framework_path))) {
        err_set(&e, ERR_NOMEM, "out of memory");
        return cli_fail(&e);
    }
    if (!(c->h = cli_sandbox(NULL, &e)))
        return cli_fail(&e);
    if (framework_load(c->h, c->path, &c->f, &c->problems, &e)) {
        cli_print_problems(&c->problems);
        return cli_fail(&e);
    }
    if (vet && vet(c->f, &e))
        return cli_fail(&e);
    eval_options dated = *o;
    if (!dated.today && cli_today(&dated.today, &e))
        return cli_fail(&e);
    if (eval_run(c->s, c->h, c->f, &dated, &c->r, &e))
        return cli_fail(&e);
    return CLI_OK;
}

char *cli_framework_file(const char *given)
{
    struct stat st; /* a framework's folder stands for its framework.lua */
    if (stat(given, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t n = strlen(given) + 16;
        char *path = malloc(n);
        if (path)
            snprintf(path, n, "%s%sframework.lua", given, given[strlen(given) - 1] == '/' ? "" : "/");
        return path;
    }
    return strdup(given);
}

out_guard cli_scorecard_guard(const cli_scorecard *c)
{
    size_t n = 0;
    const char *const *files = c->h ? host_files(c->h, &n) : NULL;
    return (out_guard){c->db, files, n};
}

void cli_scorecard_close(cli_scorecard *c)
{
    result_set_free(c->r);
    framework_free(c->f, c->h);
    host_free(c->h);
    fw_problems_free(&c->problems);
    store_close(c->s);
    free(c->path);
    memset(c, 0, sizeof *c);
}
