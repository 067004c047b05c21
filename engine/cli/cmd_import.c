/* cmd_import.c - `scorecard import`: one batch per file, all or nothing. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "import.h"
#include "output.h"
#include "text.h"

static const char USAGE[] =
    "usage: scorecard import [OPTIONS] FILE...\n\n"
    "Imports each FILE (- for standard input) in one transaction: every row lands, or none\n"
    "does. A file imported before with the same mapping (same SHA-256) changes nothing; a\n"
    "value that differs from the stored one supersedes it and the old value stays in the\n"
    "history.\n\n"
    "  --db PATH              database file (default $SCORECARD_DB, else ./scorecard.db)\n"
    "  --format F             csv, xlsx, json or jsonstat (default: told from the content)\n"
    "  --sheet NAME           a workbook's sheet (default: the first); --header-rows N is then\n"
    "                         the header's row number\n"
    "  --mapping FILE         a JSON mapping file for files with other columns\n"
    "  --map FIELD=COLUMN     read FIELD from COLUMN (a header name, or #N for position N)\n"
    "  --set FIELD=VALUE      use VALUE for FIELD on every row\n"
    "  --indicator ID         the same as --set indicator=ID\n"
    "  --marker TOKEN=STATUS  treat TOKEN as a missing or suppressed value\n"
    "  --quarters fy|calendar what `2023 Q2` means (default fy: July-September 2023)\n"
    "  --year-pairs fy|pooled what `2022-23` means (default fy: the financial year 2022/23)\n"
    "  --days day|week_ending|week_starting\n"
    "                         what a bare day such as 20230625 labels (default day; PHS's\n"
    "                         WeekEnding: week_ending, the seven days ending on it)\n"
    "  --header-rows N        rows before the data; the last names the columns (default 1)\n"
    "  --rejects FILE         import the good rows and write the bad ones, with reasons, here\n\n"
    "Fields: indicator, area, period (required), value or numerator, denominator,\n"
    "lower_ci, upper_ci, lower_ci_998, upper_ci_998, status, note, breakdown, series_break,\n"
    "area_type, period_sortable, margin. Publishers' layouts and mappings: docs/import.md.\n";

static void print_report(const char *path, const import_report *r, const char *rejects)
{
    if (r->already_imported) {
        printf("%s: already imported as batch %lld; nothing changed\n", path, r->batch);
        return;
    }
    const store_batch_counts *c = &r->counts;
    printf("%s: batch %lld (%s): %lld %s read, %lld new, %lld unchanged, %lld superseding earlier values", path,
           r->batch, r->format, c->read, text_plural(c->read, "row", "rows"), c->inserted, c->unchanged, c->superseding);
    if (c->duplicate)
        printf(", %lld repeated", c->duplicate);
    if (c->skipped)
        printf(", %lld skipped", c->skipped);
    if (rejects)
        printf(", %lld rejected (see %s)", c->rejected, rejects);
    putchar('\n');
    for (int i = 0; i < r->nnotes; i++) { /* the file's own text: cleaned */
        fputs("  ", stdout);
        text_fputs_clean(r->note[i], stdout);
        fputc('\n', stdout);
    }
}

/* Standard input, copied to a temporary file: an import reads its file twice
 * (the digest, then the rows). NULL with a message on failure. */
static FILE *spool_stdin(err *e)
{
    FILE *t = tmpfile();
    if (!t) {
        err_set(e, ERR_IO, "standard input: cannot make a temporary file");
        return NULL;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
        if (fwrite(buf, 1, n, t) != n)
            break;
    if (ferror(stdin) || ferror(t) || fflush(t)) {
        fclose(t);
        err_set(e, ERR_IO, "standard input: read error");
        return NULL;
    }
    rewind(t);
    return t;
}

/* Problems quote the file's own text: cleaned before they reach the terminal. */
static void print_problems(const import_report *r)
{
    for (int i = 0; i < r->listed; i++) {
        fputs("  ", stderr);
        text_fputs_clean(r->problem[i], stderr);
        fputc('\n', stderr);
    }
    long more = r->problems - r->listed - r->grouped;
    if (more > 0)
        fprintf(stderr, "  ... and %ld more\n", more);
}

int cmd_import(int argc, char **argv)
{
    enum { O_FORMAT = 1, O_MAPPING, O_MAP, O_SET, O_INDICATOR, O_MARKER, O_QUARTERS, O_YEAR_PAIRS, O_HEADER_ROWS,
           O_REJECTS, O_SHEET, O_DAYS };
    static const struct option opts[] = {
        {"db", required_argument, 0, OPT_DB},          {"format", required_argument, 0, O_FORMAT},
        {"mapping", required_argument, 0, O_MAPPING},  {"map", required_argument, 0, O_MAP},
        {"set", required_argument, 0, O_SET},          {"indicator", required_argument, 0, O_INDICATOR},
        {"marker", required_argument, 0, O_MARKER},    {"quarters", required_argument, 0, O_QUARTERS},
        {"header-rows", required_argument, 0, O_HEADER_ROWS}, {"year-pairs", required_argument, 0, O_YEAR_PAIRS},
        {"sheet", required_argument, 0, O_SHEET},      {"days", required_argument, 0, O_DAYS},
        {"rejects", required_argument, 0, O_REJECTS},  {"help", no_argument, 0, OPT_HELP},
        {0, 0, 0, 0}};
    mapping m;
    mapping_init(&m);
    import_options o = {0};
    o.map = &m;
    const char *db = NULL, *rejects = NULL;
    const char *inputs[64];
    size_t ninputs = 0;
    err e = {0};
    int c, rc = 0;
    optind = 0;
    opterr = 0;
    /* Options apply in the order given, so --map after --mapping overrides the file. */
    while (!rc && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        char *end;
        switch (c) {
        case OPT_DB: db = optarg; break;
        case O_FORMAT: o.format = optarg; break;
        case O_MAPPING:
            rc = mapping_load_file(&m, optarg, &e);
            if (ninputs < sizeof inputs / sizeof *inputs - 1) /* room for the data file */
                inputs[ninputs++] = optarg;
            break;
        case O_MAP: rc = mapping_set_column(&m, optarg, &e); break;
        case O_SET: rc = mapping_set_fixed(&m, optarg, &e); break;
        case O_INDICATOR: {
            char buf[512];
            snprintf(buf, sizeof buf, "indicator=%s", optarg);
            rc = mapping_set_fixed(&m, buf, &e);
            break;
        }
        case O_MARKER: rc = mapping_set_marker(&m, optarg, &e); break;
        case O_QUARTERS: rc = mapping_set_quarters(&m, optarg, &e); break;
        case O_YEAR_PAIRS: rc = mapping_set_year_pairs(&m, optarg, &e); break;
        case O_DAYS: rc = mapping_set_days(&m, optarg, &e); break;
        case O_SHEET: rc = mapping_set_sheet(&m, optarg, &e); break;
        case O_HEADER_ROWS:
            m.header_rows = (int)strtol(optarg, &end, 10);
            if (end == optarg || *end || m.header_rows < 0 || m.header_rows > MAPPING_MAX_HEADER_ROWS)
                rc = err_set(&e, ERR_USAGE, "--header-rows must be a number from 0 to 1048576");
            break;
        case O_REJECTS: rejects = optarg; break;
        case OPT_HELP: fputs(USAGE, stdout); mapping_release(&m); return CLI_OK;
        default:
            mapping_release(&m);
            return cli_usage("import", "unknown or incomplete option %s", argv[optind - 1]);
        }
    }
    if (!rc && o.format && strcmp(o.format, "csv") && strcmp(o.format, "xlsx") && strcmp(o.format, "json") &&
        strcmp(o.format, "jsonstat"))
        rc = err_set(&e, ERR_USAGE, "--format must be csv, xlsx, json or jsonstat");
    if (rc) {
        mapping_release(&m);
        return cli_fail(&e);
    }
    if (optind == argc) {
        mapping_release(&m);
        return cli_usage("import", "no file to import");
    }
    if (rejects && argc - optind > 1) {
        mapping_release(&m);
        return cli_usage("import", "--rejects takes one file at a time");
    }

    store *s;
    if ((rc = cli_open_store(db, STORE_EXISTING, &s))) {
        mapping_release(&m);
        return rc;
    }
    o.progress = isatty(STDERR_FILENO);
    int status = CLI_OK;
    int stdin_taken = 0;
    for (int i = optind; i < argc; i++) {
        o.path = argv[i];
        o.in = NULL;
        if (!strcmp(argv[i], "-")) {
            if (stdin_taken++) {
                status = cli_usage("import", "standard input (-) can be read once");
                break;
            }
            o.path = "stdin";
            if (!(o.in = spool_stdin(&e))) {
                status = cli_fail(&e);
                break;
            }
        }
        import_report *r = malloc(sizeof *r);
        if (!r) {
            if (o.in)
                fclose(o.in);
            status = CLI_FAILED;
            break;
        }
        err_clear(&e);
        out_file out = {0};
        if (rejects) { /* never the database, the file being read or a mapping */
            inputs[ninputs] = argv[i]; /* --rejects takes one data file */
            out_guard guard = {cli_db_path(db), inputs, ninputs + 1};
            if (out_file_open(&out, rejects, &guard, 0, &e)) {
                status = cli_fail(&e);
                free(r);
                if (o.in)
                    fclose(o.in);
                break;
            }
            o.rejects = out.f;
            o.rejects_name = rejects;
        }
        int failed = import_file(s, &o, r, &e);
        if (o.in)
            fclose(o.in);
        if (rejects && !failed && !r->already_imported) {
            err we = {0};
            if (out_file_commit(&out, &we)) { /* the rows are in; say so, and why the rejects are not */
                fprintf(stderr, "scorecard: %s was imported (batch %lld), but its rejected rows were not written: ",
                        argv[i], r->batch);
                text_fputs_clean(we.msg, stderr);
                fputc('\n', stderr);
                status = CLI_FAILED;
            }
        } else if (rejects) {
            out_file_abort(&out);
        }
        if (failed) {
            cli_fail(&e);
            print_problems(r);
            status = CLI_FAILED;
        } else {
            print_report(o.path, r, rejects);
            if (r->problems) {
                fprintf(stderr, "scorecard: %s: %ld row%s rejected:\n", argv[i], r->problems,
                        r->problems == 1 ? "" : "s");
                print_problems(r);
            }
        }
        free(r);
    }
    store_close(s);
    mapping_release(&m);
    return status;
}
