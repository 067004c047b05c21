/* cmd_run.c - `scorecard run`: evaluate a framework and print (and store) the scorecard. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "apr.h"
#include "cli.h"
#include "eval.h"
#include "framework.h"
#include "report.h"
#include "sandbox.h"
#include "text.h"

static const char USAGE[] =
    "usage: scorecard run --framework PATH [--period P] [--area CODE]... [--format text|json|csv|xlsx|html]\n"
    "                     [--report scorecard|apr] [-o FILE] [--db PATH] [--no-store]\n\n"
    "Evaluates every indicator of the framework for every requested area (default: every\n"
    "current area of the kind the framework scores) for the period (default: the latest the\n"
    "framework has data for), rolls the colours up to outcomes and areas, stores the run with\n"
    "every result and its reason, and prints the scorecard.\n\n"
    "  --framework PATH  the framework file (frameworks/ID/framework.lua)\n"
    "  --period P        a period label such as 2023/24 or \"2023/24 Q2\"\n"
    "  --area CODE       score this area (repeatable)\n"
    "  --format F        text (default; colour on a terminal unless NO_COLOR is set), json, csv,\n"
    "                    xlsx (a workbook: needs -o FILE), html (one self-contained page)\n"
    "  --report R        scorecard (default), or apr: the Annual Performance Report table, each\n"
    "                    indicator over the period and the five years before it, beside its\n"
    "                    comparator (frameworks that report by year)\n"
    "  -o FILE           write the scorecard to FILE instead of standard output\n"
    "  --no-store        do not record the run in the database\n";

/* Prints framework problems, errors first, in file order as found. */
void cli_print_problems(const fw_problems *p)
{
    for (int pass = 1; pass >= 0; pass--)
        for (size_t i = 0; i < p->n; i++)
            if (p->items[i].is_error == pass) {
                fprintf(stderr, "%s: ", pass ? "error" : "warning");
                text_fputs_clean(p->items[i].msg, stderr);
                fputc('\n', stderr);
            }
    if (p->dropped)
        fprintf(stderr, "... and %zu more problem%s (only the first %d are listed)\n", p->dropped,
                p->dropped == 1 ? "" : "s", FW_MAX_PROBLEMS);
}

/* Writes the scorecard and, when asked, stores the run: the run is committed
 * only once the output is complete and synced, and the output is put in place
 * only after that, so a failure leaves neither or says which one exists. */
typedef struct run_choice {
    int keep_run;
    int apr; /* --report apr */
} run_choice;

static int write_scorecard(cli_scorecard *sc, const char *format, const char *output, const run_choice *how)
{
    int keep_run = how->keep_run;
    err e = {0};
    result_set *r = sc->r;
    int xlsx = !strcmp(format, "xlsx");
    out_guard guard = cli_scorecard_guard(sc);
    out_file out;
    if (out_file_open(&out, output, &guard, xlsx, &e))
        return cli_fail(&e);
    int rc = keep_run ? store_begin(sc->s, &e) : 0;
    int in_tx = keep_run && !rc;
    if (!rc && keep_run)
        rc = eval_store(sc->s, r, &e);
    if (!rc) {
        int colour = !output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
        if (how->apr)
            rc = xlsx                      ? report_xlsx_apr(out_file_target(&out), r, &e)
                 : !strcmp(format, "html") ? report_html_apr(out.f, r, &e)
                                           : report_apr(out.f, r, format, &e);
        else
            rc = xlsx                      ? report_xlsx(out_file_target(&out), r, &e)
                 : !strcmp(format, "json") ? report_json(out.f, r, &e)
                 : !strcmp(format, "csv")  ? report_csv(out.f, r, &e)
                 : !strcmp(format, "html") ? report_html(out.f, r, &e)
                                           : report_text(out.f, r, colour, cli_text_width(!output), &e);
    }
    if (!rc)
        rc = out_file_close(&out, &e);
    if (!rc && in_tx)
        rc = store_commit(sc->s, &e);
    if (rc) {
        if (in_tx)
            store_rollback(sc->s);
        out_file_abort(&out);
        r->run_id = 0;
        if (keep_run) {
            char why[sizeof e.msg];
            memcpy(why, e.msg, sizeof why);
            err_set(&e, e.code, "%s; the run was not stored", why);
        }
        return cli_fail(&e);
    }
    if (out_file_place(&out, &e)) {
        if (r->run_id)
            err_prefix(&e, "run %lld was stored, but the scorecard was not written", r->run_id);
        return cli_fail(&e);
    }
    if (r->run_id)
        fprintf(stderr, "run %lld stored (%zu area%s, period %s)\n", r->run_id, r->nareas, r->nareas == 1 ? "" : "s",
                r->period);
    return CLI_OK;
}

enum { OPT_NO_STORE = 1200, OPT_REPORT };

static int run_option(void *ctx, int code, const char *arg)
{
    run_choice *how = ctx;
    if (code == OPT_NO_STORE)
        how->keep_run = 0;
    else if (code == OPT_REPORT && (!strcmp(arg, "apr") || !strcmp(arg, "scorecard")))
        how->apr = !strcmp(arg, "apr");
    else
        return -1;
    return 0;
}

int cmd_run(int argc, char **argv)
{
    static const struct option opts[] = {CLI_SCORECARD_OPTIONS,
                                         {"format", required_argument, 0, OPT_FORMAT},
                                         {"no-store", no_argument, 0, OPT_NO_STORE},
                                         {"report", required_argument, 0, OPT_REPORT},
                                         {0, 0, 0, 0}};
    cli_scorecard_args a = {.command = "run", .usage = USAGE, .format = "text"};
    run_choice how = {1, 0};
    int rc = cli_scorecard_args_parse(&a, argc, argv, opts, run_option, &how);
    if (rc < 0) {
        int xlsx = !strcmp(a.format, "xlsx");
        if (!xlsx && strcmp(a.format, "text") && strcmp(a.format, "json") && strcmp(a.format, "csv") &&
            strcmp(a.format, "html"))
            rc = cli_usage("run", "--format must be text, json, csv, xlsx or html");
        else if (xlsx && !a.output)
            rc = cli_usage("run", "--format xlsx needs -o FILE");
    }
    if (rc < 0) {
        cli_scorecard sc;
        rc = cli_scorecard_open(&sc, a.db, a.framework, &a.eval, how.apr ? apr_framework_ok : NULL);
        if (!rc)
            rc = write_scorecard(&sc, a.format, a.output, &how);
        cli_scorecard_close(&sc);
    }
    cli_scorecard_args_free(&a);
    return rc;
}
