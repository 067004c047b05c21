/* cmd_eval.c - `scorecard eval`: run a Lua snippet in the framework sandbox and print
 * what it returns as JSON. For designers trying rules and for checking methods. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sandbox.h"
#include "text.h"

static const char USAGE[] =
    "usage: scorecard eval [--db PATH] [--file FILE] ['LUA']\n\n"
    "Runs LUA (or FILE, or standard input when LUA is -) in the same sandbox frameworks run\n"
    "in, with the rule library (require \"rules\") and the statistics library (stats) loaded,\n"
    "and prints the returned value as JSON: tables with string keys as objects, sequences as\n"
    "arrays, numbers with enough digits to round-trip.\n\n"
    "  --db PATH      also let the snippet read stored series: data.series(INDICATOR, AREA)\n"
    "  --file FILE    read the snippet from FILE\n";

#define EVAL_OUTPUT_MAX (16u << 20) /* bytes of JSON eval prints at most */

int cmd_eval(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, 0, OPT_DB},
                                         {"file", required_argument, 0, 'f'},
                                         {"help", no_argument, 0, OPT_HELP},
                                         {0, 0, 0, 0}};
    const char *db = NULL, *file = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db = optarg; break;
        case 'f': file = optarg; break;
        case OPT_HELP: fputs(USAGE, stdout); return CLI_OK;
        default: return cli_usage("eval", "unknown or incomplete option %s", argv[optind - 1]);
        }
    }
    if ((file != NULL) + (argc - optind) != 1)
        return cli_usage("eval", "give one snippet: 'LUA', - for standard input, or --file FILE");

    err e = {0};
    char *code = NULL;
    size_t code_len = 0;
    const char *chunkname = "=eval";
    if (file || !strcmp(argv[optind], "-")) {
        FILE *f = file ? fopen(file, "rb") : stdin;
        if (!f) {
            err_set(&e, ERR_IO, "%s: cannot open", file);
            return cli_fail(&e);
        }
        code = text_read_all(f, file ? file : "standard input", 16u << 20, &code_len, &e);
        if (file)
            fclose(f);
        if (!code)
            return cli_fail(&e);
        chunkname = file ? file : "=stdin";
    } else {
        code = strdup(argv[optind]);
        code_len = code ? strlen(code) : 0;
    }
    char named[1024];
    snprintf(named, sizeof named, "%s%s", chunkname[0] == '=' ? "" : "@", chunkname);

    store *s = NULL;
    int rc = db ? cli_open_store(db, STORE_EXISTING, &s) : CLI_OK;
    host *h = rc ? NULL : cli_sandbox(s, &e);
    if (!rc && !h)
        rc = cli_fail(&e);
    if (!rc) {
        cJSON *out = NULL;
        if (sandbox_run_json(h, code, code_len, named, EVAL_OUTPUT_MAX, &out, &e)) {
            rc = cli_fail(&e);
        } else {
            char *text = out ? cJSON_Print(out) : NULL;
            if (text)
                puts(text);
            else
                rc = cli_fail(&e);
            free(text);
            cJSON_Delete(out);
        }
    }
    host_free(h);
    store_close(s);
    free(code);
    return rc;
}
