/* cmd_compare.c - `scorecard compare`: an areas x indicators matrix for one framework and
 * period, with each area's status, value and rank among its peers, and the spread of each
 * indicator. Ranks and spreads come from compare.c; report_compare.c writes the formats. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "compare.h"
#include "eval.h"
#include "framework.h"
#include "grow.h"
#include "report.h"
#include "sandbox.h"

static const char USAGE[] =
    "usage: scorecard compare --framework PATH [--period P] [--parent CODE | --area CODE...]\n"
    "                         [--format text|csv|json|html] [-o FILE] [--db PATH]\n\n"
    "Evaluates the framework for the period (nothing is stored) and prints an areas x\n"
    "indicators matrix: each area's status and value, its rank among the areas compared\n"
    "(1 = best by the indicator's polarity; ties share a rank; an area without a value, or an\n"
    "indicator without a polarity, is unranked), and per indicator the highest and lowest\n"
    "value among the areas with one and their ratio (highest / lowest; none when the lowest\n"
    "is zero or negative).\n\n"
    "  --framework PATH  the framework file (frameworks/ID/framework.lua)\n"
    "  --period P        a period label such as 2023/24 (default: the latest with data)\n"
    "  --parent CODE     compare the areas of the framework's type in CODE: its direct members\n"
    "                    of that type (the HWBs of an ICB) or, when it has none, the areas of\n"
    "                    that type that share a member with it (the HSCPs whose councils are\n"
    "                    in an NHS board)\n"
    "  --area CODE       compare this area (repeatable; default: every area the framework scores)\n"
    "  --format F        text (default; colour on a terminal unless NO_COLOR is set), csv,\n"
    "                    json or html\n"
    "  -o FILE           write to FILE instead of standard output\n";

/* ---- who is compared ---- */

typedef struct code_list {
    char **code;
    char **name;
    size_t n, cap, name_cap;
} code_list;

static void code_list_free(code_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->code[i]), free(l->name[i]);
    free(l->code), free(l->name);
    memset(l, 0, sizeof *l);
}

static int collect_code(void *ctx, const store_area *a)
{
    code_list *l = ctx;
    if (grow(&l->code, &l->cap, l->n + 1, sizeof *l->code, 16) ||
        grow(&l->name, &l->name_cap, l->n + 1, sizeof *l->name, 16))
        return ERR_NOMEM;
    l->code[l->n] = strdup(a->code);
    l->name[l->n] = strdup(a->name ? a->name : "");
    if (!l->code[l->n] || !l->name[l->n]) {
        free(l->code[l->n]), free(l->name[l->n]);
        return ERR_NOMEM;
    }
    l->n++;
    return 0;
}

static int list_areas(store *s, const char *type, const char *parent, code_list *l, err *e)
{
    store_area_filter f = {.type = type, .parent = parent};
    return store_each_area(s, &f, collect_code, l, e);
}

static int listed(const code_list *l, const char *code)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->code[i], code))
            return 1;
    return 0;
}

typedef struct peers {
    const char *rule;          /* "all", "areas", "members" or "sharing_members" */
    char *parent, *parent_name;
    code_list in;              /* with --parent: the areas of the framework's type chosen */
} peers;

/* The areas of type `type` in `code`: its direct members of that type or, when it has
 * none (HSCPs are not members of NHS boards; their councils are members of both), the
 * areas of that type that share at least one direct member with it. */
static int parent_peers(store *s, const char *code, const char *type, peers *p, err *e)
{
    const char *current;
    int approx;
    int found = store_resolve_area(s, code, &current, &approx, e);
    if (found < 0)
        return found;
    if (!found)
        return err_set(e, ERR_USAGE, "--parent: unknown area code \"%s\" (see scorecard areas)", code);
    code_list all = {0};
    int rc = list_areas(s, NULL, NULL, &all, e);
    for (size_t i = 0; !rc && i < all.n; i++)
        if (!strcmp(all.code[i], current)) {
            p->parent = strdup(all.code[i]);
            p->parent_name = strdup(all.name[i]);
            if (!p->parent || !p->parent_name)
                rc = err_set(e, ERR_NOMEM, "out of memory");
        }
    code_list_free(&all);
    if (!rc && !p->parent)
        rc = err_set(e, ERR_USAGE, "--parent: unknown area code \"%s\" (see scorecard areas)", code);
    if (!rc)
        rc = list_areas(s, type, p->parent, &p->in, e);
    if (rc || p->in.n) {
        p->rule = "members";
        return rc;
    }
    p->rule = "sharing_members";
    code_list members = {0}, candidates = {0};
    rc = list_areas(s, NULL, p->parent, &members, e);
    if (!rc)
        rc = list_areas(s, type, NULL, &candidates, e);
    for (size_t i = 0; !rc && i < candidates.n; i++) {
        code_list theirs = {0};
        rc = list_areas(s, NULL, candidates.code[i], &theirs, e);
        int shares = 0;
        for (size_t k = 0; !rc && !shares && k < theirs.n; k++)
            shares = listed(&members, theirs.code[k]);
        code_list_free(&theirs);
        if (!rc && shares) {
            store_area a = {.code = candidates.code[i], .name = candidates.name[i]};
            if (collect_code(&p->in, &a))
                rc = err_set(e, ERR_NOMEM, "out of memory");
        }
    }
    code_list_free(&members);
    code_list_free(&candidates);
    if (!rc && p->in.n == 0)
        rc = err_set(e, ERR_INVALID, "--parent: no areas of type \"%s\" are members of %s (%s) or share a member with it",
                     type, p->parent, p->parent_name);
    return rc;
}

enum { OPT_PARENT = 1200 };

static int compare_option(void *ctx, int code, const char *arg)
{
    if (code != OPT_PARENT)
        return -1;
    *(const char **)ctx = arg;
    return 0;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option opts[] = {CLI_SCORECARD_OPTIONS,
                                         {"format", required_argument, 0, OPT_FORMAT},
                                         {"parent", required_argument, 0, OPT_PARENT},
                                         {0, 0, 0, 0}};
    cli_scorecard_args a = {.command = "compare", .usage = USAGE, .format = "text"};
    const char *parent = NULL;
    int rc = cli_scorecard_args_parse(&a, argc, argv, opts, compare_option, &parent);
    if (rc < 0 && strcmp(a.format, "text") && strcmp(a.format, "csv") && strcmp(a.format, "json") &&
        strcmp(a.format, "html"))
        rc = cli_usage("compare", "--format must be text, csv, json or html");
    else if (rc < 0 && parent && a.eval.nareas)
        rc = cli_usage("compare", "give --parent or --area, not both");
    if (rc >= 0) {
        cli_scorecard_args_free(&a);
        return rc;
    }
    const char *format = a.format, *output = a.output;

    err e = {0};
    compare_matrix *m = NULL;
    size_t *which = NULL, nwhich = 0;
    peers p = {a.eval.nareas ? "areas" : "all", NULL, NULL, {0}};
    cli_scorecard sc;
    rc = cli_scorecard_open(&sc, a.db, a.framework, &a.eval, NULL);
    result_set *r = sc.r;
    if (!rc && parent && parent_peers(sc.s, parent, sc.f->scores, &p, &e))
        rc = cli_fail(&e);
    if (!rc) {
        if (parent) {
            which = calloc(r->nareas ? r->nareas : 1, sizeof *which);
            for (size_t k = 0; which && k < r->nareas; k++)
                if (listed(&p.in, r->areas[k].code))
                    which[nwhich++] = k;
            if (!which)
                err_set(&e, ERR_NOMEM, "out of memory");
            else if (!nwhich)
                err_set(&e, ERR_INVALID, "no %s area in %s (%s) was current in %s", sc.f->scores, p.parent,
                        p.parent_name, r->period);
        }
        out_guard guard = cli_scorecard_guard(&sc);
        out_file out;
        if (e.code || compare_matrix_new(r, which, nwhich, &m, &e) || out_file_open(&out, output, &guard, 0, &e)) {
            rc = cli_fail(&e);
        } else {
            int colour = !output && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
            compare_scope scope = {p.rule, p.parent, p.parent_name};
            if (report_compare(out.f, m, &scope, format, colour, &e)) {
                out_file_abort(&out);
                rc = cli_fail(&e);
            } else if (out_file_commit(&out, &e)) {
                rc = cli_fail(&e);
            }
        }
    }
    compare_matrix_free(m);
    free(which);
    free(p.parent), free(p.parent_name);
    code_list_free(&p.in);
    cli_scorecard_close(&sc);
    cli_scorecard_args_free(&a);
    return rc;
}
