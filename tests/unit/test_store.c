/* test_store.c - schema, geography, revisions and history in the SQLite store. */
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "store.h"

static char db_path[] = "/tmp/scorecard-test-store-XXXXXX";

static obs make_obs(const char *indicator, const char *area, const char *label, double value, long line)
{
    obs o;
    memset(&o, 0, sizeof o);
    err e = {0};
    o.indicator = indicator;
    o.area = area;
    o.source_area = area;
    o.period_label = label;
    period_parse(label, NULL, &o.period, &e);
    o.breakdown = "";
    o.value = value;
    o.value_text = isnan(value) ? NULL : "v";
    o.numerator = o.denominator = o.lower_ci = o.upper_ci = o.lower_ci_998 = o.upper_ci_998 = NAN;
    o.status = isnan(value) ? OBS_MISSING : OBS_OK;
    o.source_line = line;
    return o;
}

static int count_rows(void *ctx, const store_obs_row *r)
{
    (void)r;
    ++*(int *)ctx;
    return 0;
}

static int count_obs(store *s, const char *indicator, int history)
{
    int n = 0;
    err e = {0};
    store_obs_filter f = {indicator, NULL, NULL, history, NULL};
    CHECK_INT(store_each_observation(s, &f, count_rows, &n, &e), 0);
    return n;
}

typedef struct seen {
    char status[16];
    double value;
    long long superseded_by;
} seen;

static int remember(void *ctx, const store_obs_row *r)
{
    seen *s = ctx;
    snprintf(s->status, sizeof s->status, "%s", obs_status_name(r->o.status));
    s->value = r->o.value;
    s->superseded_by = r->superseded_by;
    return 0;
}

static void put_geography(store *s)
{
    err e = {0};
    store_area scot = {"S92000003", "Scotland", "country", "Scotland", NULL, NULL, "U", NULL};
    store_area fife = {"S37000032", "Fife", "hscp", "Scotland", NULL, NULL, "C", NULL};
    store_area edi = {"S37000012", "Edinburgh", "hscp", "Scotland", NULL, NULL, "C", NULL};
    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(store_put_area(s, &scot, &e), 0);
    CHECK_INT(store_put_area(s, &fife, &e), 0);
    CHECK_INT(store_put_area(s, &edi, &e), 0);
    store_alias old = {"S37000014", "S37000032", NULL, "identical", NULL};
    CHECK_INT(store_put_alias(s, &old, &e), 0);
    store_membership m = {"S37000032", "S92000003", NAN, "exact", NULL, NULL, "C", NULL};
    CHECK_INT(store_put_membership(s, &m, &e), 0);
    CHECK_INT(store_commit(s, &e), 0);

    store_alias dangling = {"X1", "NOWHERE", NULL, "identical", NULL};
    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(store_put_alias(s, &dangling, &e), ERR_DB); /* foreign keys are on */
    store_rollback(s);
}

static void test_geography(store *s)
{
    const char *cur;
    int approx = -1;
    err e = {0};
    CHECK_INT(store_resolve_area(s, "S37000014", &cur, &approx, &e), 1);
    CHECK_STR(cur, "S37000032");
    CHECK_INT(approx, 0);
    CHECK_INT(store_resolve_area(s, "S37000012", &cur, &approx, &e), 1);
    CHECK_STR(cur, "S37000012");
    CHECK_INT(store_resolve_area(s, "S37999999", &cur, &approx, &e), 0);
}

typedef struct member_seen {
    int n;
    char codes[64];
    double weight[4];
    int approximate[4];
} member_seen;

static int note_member(void *ctx, const store_member *m)
{
    member_seen *w = ctx;
    if (w->n < 4) {
        w->weight[w->n] = m->weight;
        w->approximate[w->n] = m->approximate;
    }
    w->n++;
    snprintf(w->codes + strlen(w->codes), sizeof w->codes - strlen(w->codes), "%s;", m->code);
    return 0;
}

static int stop_at_first(void *ctx, const store_area *a)
{
    (void)a;
    ++*(int *)ctx;
    return ERR_NOMEM;
}

/* Members are counted with their weight and relation, only for a period they
 * and their membership overlap; a callback's error ends the walk as its result. */
static void test_members(store *s)
{
    err e = {0};
    store_area icb = {"E54000999", "Test ICB", "icb", "England", "2022-07-01", NULL, "U", NULL};
    store_area whole = {"E06000901", "Inside", "la", "England", NULL, NULL, "U", NULL};
    store_area split = {"E10000901", "Split county", "la", "England", NULL, NULL, "U", NULL};
    store_area gone = {"E07000901", "Abolished", "la", "England", NULL, "2019-03-31", "U", NULL};
    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(store_put_area(s, &icb, &e), 0);
    CHECK_INT(store_put_area(s, &whole, &e), 0);
    CHECK_INT(store_put_area(s, &split, &e), 0);
    CHECK_INT(store_put_area(s, &gone, &e), 0);
    store_membership m1 = {"E06000901", "E54000999", NAN, "exact", "2022-07-01", NULL, "C", NULL};
    store_membership m2 = {"E10000901", "E54000999", 0.25, "approximate", "2022-07-01", NULL, "C", NULL};
    store_membership m3 = {"E07000901", "E54000999", NAN, "exact", "", NULL, "C", NULL};
    CHECK_INT(store_put_membership(s, &m1, &e), 0);
    CHECK_INT(store_put_membership(s, &m2, &e), 0);
    CHECK_INT(store_put_membership(s, &m3, &e), 0);
    CHECK_INT(store_commit(s, &e), 0);

    member_seen w = {0};
    CHECK_INT(store_each_member(s, "E54000999", "2023-04-01", "2024-03-31", note_member, &w, &e), 0);
    CHECK_STR(w.codes, "E06000901;E10000901;");
    CHECK(isnan(w.weight[0]));
    CHECK_INT(w.approximate[0], 0);
    CHECK(w.weight[1] == 0.25);
    CHECK_INT(w.approximate[1], 1);

    member_seen before = {0}; /* before the ICB's memberships began: only the council that then existed */
    CHECK_INT(store_each_member(s, "E54000999", "2018-04-01", "2019-03-31", note_member, &before, &e), 0);
    CHECK_STR(before.codes, "E07000901;");

    int calls = 0;
    store_area_filter f = {.type = "la"};
    CHECK_INT(store_each_area(s, &f, stop_at_first, &calls, &e), ERR_NOMEM);
    CHECK_INT(calls, 1);
    CHECK_INT(e.code, ERR_NOMEM);
    err_clear(&e);
}

static int fail_on_second(void *ctx, const store_obs_row *r)
{
    (void)r;
    return ++*(int *)ctx == 2 ? ERR_NOMEM : 0;
}

static int stop_on_first(void *ctx, const store_obs_row *r)
{
    (void)r;
    ++*(int *)ctx;
    return 1;
}

/* Every walk ends the same way: a callback's error is the walk's result, never
 * a short listing that looks complete; a positive return is an early stop. */
static void test_walk_errors(store *s)
{
    err e = {0};
    store_obs_filter all = {NULL, NULL, NULL, 1, NULL};
    int calls = 0;
    CHECK_INT(store_each_observation(s, &all, fail_on_second, &calls, &e), ERR_NOMEM);
    CHECK_INT(calls, 2);
    CHECK(strstr(e.msg, "out of memory") != NULL);
    err_clear(&e);
    calls = 0;
    CHECK_INT(store_each_observation(s, &all, stop_on_first, &calls, &e), 0);
    CHECK_INT(calls, 1);
    CHECK_INT(e.code, 0);
}

static void test_revisions(store *s)
{
    err e = {0};
    long long b1, b2, again;
    store_put_outcome r;
    long other = 0;

    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(store_begin_batch(s, &(store_batch_start){"q1.csv", "sha-one", "csv", "sha-one", NULL}, &b1, &e), 0);
    obs a = make_obs("NI-12", "S37000012", "2022/23", 11000, 2);
    CHECK_INT(store_put_observation(s, b1, &a, &r, &other, &e), 0);
    CHECK_INT(r, STORE_INSERTED);
    CHECK_INT(store_put_observation(s, b1, &a, &r, &other, &e), 0);
    CHECK_INT(r, STORE_DUPLICATE);
    obs clash = make_obs("NI-12", "S37000012", "Financial year (2022/23)", 12000, 9);
    CHECK_INT(store_put_observation(s, b1, &clash, &r, &other, &e), 0);
    CHECK_INT(r, STORE_CONFLICT); /* same period in another notation */
    CHECK_INT(other, 2);
    obs gap = make_obs("NI-12", "S37000032", "2022/23", NAN, 3);
    CHECK_INT(store_put_observation(s, b1, &gap, &r, &other, &e), 0);
    CHECK_INT(r, STORE_INSERTED);
    store_batch_counts c = {3, 2, 0, 0, 1, 0, 0};
    CHECK_INT(store_finish_batch(s, b1, &c, &e), 0);
    CHECK_INT(store_commit(s, &e), 0);
    CHECK_INT(store_find_batch(s, "sha-one", &again, &e), 1);
    CHECK_INT(again, b1);
    CHECK_INT(store_find_batch(s, "sha-unknown", &again, &e), 0);

    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(store_begin_batch(s, &(store_batch_start){"q2.csv", "sha-two", "csv", "sha-two", NULL}, &b2, &e), 0);
    CHECK_INT(store_put_observation(s, b2, &a, &r, &other, &e), 0);
    CHECK_INT(r, STORE_UNCHANGED);
    obs revised = make_obs("NI-12", "S37000012", "2022/23", 11050, 4);
    CHECK_INT(store_put_observation(s, b2, &revised, &r, &other, &e), 0);
    CHECK_INT(r, STORE_SUPERSEDED);
    CHECK_INT(store_commit(s, &e), 0);

    CHECK_INT(count_obs(s, "NI-12", 0), 2);
    CHECK_INT(count_obs(s, "NI-12", 1), 3);
    seen now = {"", 0, -1};
    store_obs_filter f = {"NI-12", "S37000012", NULL, 0, NULL};
    CHECK_INT(store_each_observation(s, &f, remember, &now, &e), 0);
    CHECK_STR(now.status, "revised");
    CHECK(now.value == 11050);
    CHECK_INT(now.superseded_by, 0);
    f.area = "S37000032";
    CHECK_INT(store_each_observation(s, &f, remember, &now, &e), 0);
    CHECK_STR(now.status, "missing");
    CHECK(isnan(now.value));
}

static void test_rollback(store *s)
{
    err e = {0};
    long long b;
    store_put_outcome r;
    long other;
    int before = count_obs(s, NULL, 1);
    CHECK_INT(store_begin(s, &e), 0);
    CHECK_INT(store_begin_batch(s, &(store_batch_start){"bad.csv", "sha-bad", "csv", "sha-bad", NULL}, &b, &e), 0);
    obs o = make_obs("NI-13", "S37000012", "2022/23", 1, 2);
    CHECK_INT(store_put_observation(s, b, &o, &r, &other, &e), 0);
    store_rollback(s);
    CHECK_INT(count_obs(s, NULL, 1), before);
    long long found;
    CHECK_INT(store_find_batch(s, "sha-bad", &found, &e), 0);
}

static void test_newer_schema_refused(void)
{
    char path[] = "/tmp/scorecard-test-newer-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    store *s;
    err e = {0};
    CHECK_INT(store_open(path, STORE_CREATE, &s, &e), 0);
    store_close(s);
    sqlite3 *db; /* pretend a later release wrote this file */
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "PRAGMA user_version = 999", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK(store_open(path, STORE_CREATE, &s, &e) == ERR_DB);
    CHECK_CONTAINS(e.msg, "is newer than this scorecard");
    unlink(path);
}

int main(void)
{
    int fd = mkstemp(db_path);
    close(fd);
    store *s;
    err e = {0};
    CHECK_INT(store_open(db_path, STORE_CREATE, &s, &e), 0);
    if (!s)
        return check_report("test_store");
    put_geography(s);
    test_geography(s);
    test_members(s);
    test_revisions(s);
    test_walk_errors(s);
    test_rollback(s);
    store_close(s);

    CHECK_INT(store_open(db_path, STORE_CREATE, &s, &e), 0); /* reopening migrates nothing and keeps data */
    CHECK_INT(count_obs(s, NULL, 1), 3);
    store_close(s);
    test_newer_schema_refused();
    unlink(db_path);
    char side[64];
    snprintf(side, sizeof side, "%s-wal", db_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db_path);
    unlink(side);
    return check_report("test_store");
}
