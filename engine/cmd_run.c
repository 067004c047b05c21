/* cmd_run.c - `scorecard run`: evaluate a framework and print (and store) the scorecard. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "eval.h"
#include "framework.h"
#include "report.h"
#include "sandbox.h"
#include "text.h"

static const char USAGE[] =
    "usage: scorecard run --framework PATH [--period P] [--area CODE]... [--format text|json|csv|xlsx|html]\n"
    "                     [-o FILE] [--db PATH] [--no-store]\n\n"
    "Evaluates every indicator of the framework for every requested area (default: every\n"
    "current area of the kind the framework scores) for the period (default: the latest the\n"
    "framework has data for), rolls the colours up to outcomes and areas, stores the run with\n"
    "every result and its reason, and prints the scorecard.\n\n"
    "  --framework PATH  the framework file (frameworks/ID/framework.lua)\n"
    "  --period P        a period label such as 2023/24 or \"2023/24 Q2\"\n"
    "  --area CODE       score this area (repeatable)\n"
    "  --format F        text (default; colour on a terminal unless NO_COLOR is set), json, csv,\n"
    "                    xlsx (a workbook: needs -o FILE), html (one self-contained page)\n"
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

int cmd_run(int argc, char **argv)
{
    enum { O_FRAMEWORK = 1, O_PERIOD, O_AREA, O_NO_STORE };
    static const struct option opts[] = {
        {"db", required_argument, 0, OPT_DB},         {"framework", required_argument, 0, O_FRAMEWORK},
        {"period", required_argument, 0, O_PERIOD},   {"area", required_argument, 0, O_AREA},
        {"format", required_argument, 0, OPT_FORMAT}, {"output", required_argument, 0, 'o'},
        {"no-store", no_argument, 0, O_NO_STORE},     {"help", no_argument, 0, OPT_HELP},
        {0, 0, 0, 0}};
    const char *db = NULL, *path = NULL, *format = "text", *output = NULL;
    const char **areas = calloc((size_t)argc + 1, sizeof *areas);
    eval_options o = {NULL, NULL, 0, 1};
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db = optarg; break;
        case O_FRAMEWORK: path = optarg; break;
        case O_PERIOD: o.period = optarg; break;
        case O_AREA: areas[o.nareas++] = optarg; break;
        case OPT_FORMAT: format = optarg; break;
        case 'o': output = optarg; break;
        case O_NO_STORE: o.store_run = 0; break;
        case OPT_HELP: fputs(USAGE, stdout); free(areas); return CLI_OK;
        default: free(areas); return cli_usage("run", "unknown or incomplete option %s", argv[optind - 1]);
        }
    }
    int xlsx = !strcmp(format, "xlsx");
    int known = xlsx || !strcmp(format, "text") || !strcmp(format, "json") || !strcmp(format, "csv") ||
                !strcmp(format, "html");
    if (optind < argc || !path || !known || (xlsx && !output)) {
        free(areas);
        return cli_usage("run", !path            ? "--framework PATH is required"
                                : optind < argc  ? "unexpected argument"
                                : !known         ? "--format must be text, json, csv, xlsx or html"
                                                 : "--format xlsx needs -o FILE");
    }
    if (o.nareas)
        o.areas = areas;

    store *s;
    int rc = cli_open_store(db, &s);
    if (rc) {
        free(areas);
        return rc;
    }
    err e = {0};
    fw_problems problems = {0};
    framework *f = NULL;
    result_set *r = NULL;
    host *h = cli_sandbox(NULL, &e);
    if (!h)
        rc = cli_fail(&e);
    else if (framework_load(h, path, &f, &problems, &e)) {
        cli_print_problems(&problems);
        rc = cli_fail(&e);
    } else if (eval_run(s, h, f, &o, &r, &e)) {
        rc = cli_fail(&e);
    } else {
        FILE *out = xlsx ? NULL : output ? fopen(output, "w") : stdout;
        if (xlsx) { /* a workbook is written to a path, not a stream */
            if (report_xlsx(output, r, &e))
                rc = cli_fail(&e);
            else if (r->run_id)
                fprintf(stderr, "run %lld stored (%zu areas, period %s)\n", r->run_id, r->nareas, r->period);
        } else if (!out) {
            err_set(&e, ERR_IO, "%s: cannot write", output);
            rc = cli_fail(&e);
        } else {
            int colour = !output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
            int w = !strcmp(format, "json") ? report_json(out, r, &e)
                    : !strcmp(format, "csv") ? report_csv(out, r, &e)
                    : !strcmp(format, "html") ? report_html(out, r, &e)
                                             : report_text(out, r, colour, &e);
            if (output && fclose(out) && !w)
                w = err_set(&e, ERR_IO, "%s: write error", output);
            if (w)
                rc = cli_fail(&e);
            else if (r->run_id)
                fprintf(stderr, "run %lld stored (%zu areas, period %s)\n", r->run_id, r->nareas, r->period);
        }
    }
    result_set_free(r);
    framework_free(f, h);
    host_free(h);
    fw_problems_free(&problems);
    store_close(s);
    free(areas);
    return rc;
}
