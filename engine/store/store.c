/* store.c - SQLite schema, migrations and every statement the engine runs. */
#define _GNU_SOURCE /* renameat2 and RENAME_NOREPLACE (Linux, glibc 2.28) */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "grow.h"
#include "strmap.h"

/* Migration i takes user_version i to i + 1. Never edit a released one: add a new one. */
static const char *const MIGRATIONS[] = {
    /* 0 -> 1: geography, import batches, observations */
    "CREATE TABLE areas ("
    "  code TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  type TEXT NOT NULL,"
    "  country TEXT NOT NULL,"
    "  valid_from TEXT,"
    "  valid_to TEXT,"
    "  confidence TEXT CHECK (confidence IN ('C','P','U')),"
    "  source TEXT);"
    "CREATE TABLE area_aliases ("
    "  old_code TEXT PRIMARY KEY,"
    "  new_code TEXT NOT NULL REFERENCES areas(code),"
    "  valid_from TEXT,"
    "  relation TEXT NOT NULL CHECK (relation IN ('identical','approximate')),"
    "  note TEXT);"
    "CREATE TABLE area_memberships ("
    "  child TEXT NOT NULL REFERENCES areas(code),"
    "  parent TEXT NOT NULL REFERENCES areas(code),"
    "  weight REAL CHECK (weight IS NULL OR (weight > 0 AND weight <= 1)),"
    "  relation TEXT NOT NULL CHECK (relation IN ('exact','approximate')),"
    "  valid_from TEXT NOT NULL DEFAULT '',"
    "  valid_to TEXT,"
    "  confidence TEXT CHECK (confidence IN ('C','P','U')),"
    "  source TEXT,"
    "  PRIMARY KEY (child, parent, valid_from));"
    "CREATE INDEX area_memberships_parent ON area_memberships(parent);"
    "CREATE TABLE import_batches ("
    "  id INTEGER PRIMARY KEY,"
    "  file_name TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL UNIQUE,"
    "  format TEXT NOT NULL,"
    "  rows_read INTEGER NOT NULL DEFAULT 0,"
    "  rows_inserted INTEGER NOT NULL DEFAULT 0,"
    "  rows_unchanged INTEGER NOT NULL DEFAULT 0,"
    "  rows_superseding INTEGER NOT NULL DEFAULT 0,"
    "  rows_duplicate INTEGER NOT NULL DEFAULT 0,"
    "  rows_rejected INTEGER NOT NULL DEFAULT 0,"
    "  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE observations ("
    "  id INTEGER PRIMARY KEY,"
    "  indicator TEXT NOT NULL,"
    "  area TEXT NOT NULL REFERENCES areas(code),"
    "  source_area TEXT NOT NULL,"
    "  breakdown TEXT NOT NULL DEFAULT '',"
    "  period TEXT NOT NULL,"
    "  period_type TEXT NOT NULL,"
    "  period_start TEXT NOT NULL,"
    "  period_end TEXT NOT NULL,"
    "  period_units INTEGER NOT NULL,"
    "  value REAL,"
    "  value_text TEXT,"
    "  numerator REAL,"
    "  denominator REAL,"
    "  lower_ci REAL,"
    "  upper_ci REAL,"
    "  status TEXT NOT NULL CHECK (status IN ('ok','suppressed','missing','provisional','revised')),"
    "  series_break INTEGER NOT NULL DEFAULT 0 CHECK (series_break IN (0,1)),"
    "  approximate_geography INTEGER NOT NULL DEFAULT 0 CHECK (approximate_geography IN (0,1)),"
    "  note TEXT,"
    "  batch INTEGER NOT NULL REFERENCES import_batches(id),"
    "  source_line INTEGER,"
    "  superseded_by INTEGER REFERENCES import_batches(id),"
    "  CHECK ((value IS NULL) = (status IN ('suppressed','missing')) OR value IS NULL));"
    "CREATE UNIQUE INDEX observations_current"
    "  ON observations(indicator, area, breakdown, period_start, period_end) WHERE superseded_by IS NULL;"
    "CREATE INDEX observations_area ON observations(area, indicator);"
    "CREATE INDEX observations_batch ON observations(batch);",
    /* 1 -> 2: scorecard runs and every result with its reasons */
    "CREATE TABLE runs ("
    "  id INTEGER PRIMARY KEY,"
    "  framework_id TEXT NOT NULL,"
    "  framework_version TEXT NOT NULL,"
    "  framework_sha256 TEXT NOT NULL,"
    "  framework_path TEXT NOT NULL,"
    "  period TEXT NOT NULL,"
    "  period_start TEXT NOT NULL,"
    "  period_end TEXT NOT NULL,"
    "  data_fingerprint TEXT,"
    "  engine_version TEXT NOT NULL,"
    "  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  areas INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE results ("
    "  run INTEGER NOT NULL REFERENCES runs(id),"
    "  area TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('area','outcome','indicator')),"
    "  item TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('green','amber','red','grey')),"
    "  assessment TEXT,"
    "  value REAL,"
    "  value_text TEXT,"
    "  period TEXT,"
    "  comparator REAL,"
    "  method TEXT,"
    "  reason TEXT,"
    "  details TEXT,"
    "  PRIMARY KEY (run, area, kind, item));",
    /* 2 -> 3: publishers' files as published: both confidence levels, the publisher's
     * own verdicts, rows skipped as the mapping said, and which mapping read the file
     * (the same file read another way is another import) */
    "ALTER TABLE observations ADD COLUMN lower_ci_998 REAL;"
    "ALTER TABLE observations ADD COLUMN upper_ci_998 REAL;"
    "ALTER TABLE observations ADD COLUMN published TEXT;"
    "ALTER TABLE import_batches ADD COLUMN rows_skipped INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE import_batches ADD COLUMN file_sha256 TEXT;"
    "ALTER TABLE import_batches ADD COLUMN mapping_sha256 TEXT;"
    /* An earlier batch's key is its file's digest whatever mapping read it; keys now
     * include the mapping, so the old ones are set apart: the same file imported again is
     * a new batch, whose rows are then unchanged, never "already imported" on the
     * strength of a file read another way. */
    "UPDATE import_batches SET file_sha256 = sha256, sha256 = 'v2:' || sha256;"
    "CREATE INDEX observations_series ON observations(indicator, breakdown) WHERE superseded_by IS NULL;",
};
#define NMIGRATIONS ((int)(sizeof MIGRATIONS / sizeof *MIGRATIONS))

enum stmt_id {
    S_PUT_AREA,
    S_PUT_ALIAS,
    S_PUT_MEMBERSHIP,
    S_FIND_BATCH,
    S_BEGIN_BATCH,
    S_FINISH_BATCH,
    S_FIND_CURRENT,
    S_SUPERSEDE,
    S_INSERT_OBS,
    S_SERIES,
    S_BEGIN_RUN,
    S_PUT_RESULT,
    S_FINISH_RUN,
    S_COUNT
};

static const char *const STMT_SQL[S_COUNT] = {
    [S_PUT_AREA] = "INSERT INTO areas(code,name,type,country,valid_from,valid_to,confidence,source)"
                   " VALUES (?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(code) DO UPDATE SET name=?2, type=?3,"
                   " country=?4, valid_from=?5, valid_to=?6, confidence=?7, source=?8",
    [S_PUT_ALIAS] = "INSERT INTO area_aliases(old_code,new_code,valid_from,relation,note) VALUES (?1,?2,?3,?4,?5)"
                    " ON CONFLICT(old_code) DO UPDATE SET new_code=?2, valid_from=?3, relation=?4, note=?5",
    [S_PUT_MEMBERSHIP] = "INSERT INTO area_memberships(child,parent,weight,relation,valid_from,valid_to,"
                         "confidence,source) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)"
                         " ON CONFLICT(child,parent,valid_from) DO UPDATE SET weight=?3, relation=?4,"
                         " valid_to=?6, confidence=?7, source=?8",
    [S_FIND_BATCH] = "SELECT id FROM import_batches WHERE sha256 = ?1",
    [S_BEGIN_BATCH] = "INSERT INTO import_batches(file_name, sha256, format, file_sha256, mapping_sha256)"
                      " VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_FINISH_BATCH] = "UPDATE import_batches SET rows_read=?2, rows_inserted=?3, rows_unchanged=?4,"
                       " rows_superseding=?5, rows_duplicate=?6, rows_rejected=?7, rows_skipped=?8 WHERE id=?1",
    [S_FIND_CURRENT] = "SELECT id, batch, source_line, value, numerator, denominator, lower_ci, upper_ci,"
                       " status, series_break, note, lower_ci_998, upper_ci_998, published FROM observations"
                       " WHERE indicator=?1 AND area=?2"
                       " AND breakdown=?3 AND period_start=?4 AND period_end=?5 AND superseded_by IS NULL",
    [S_SUPERSEDE] = "UPDATE observations SET superseded_by = ?2 WHERE id = ?1",
    [S_INSERT_OBS] = "INSERT INTO observations(indicator, area, source_area, breakdown, period, period_type,"
                     " period_start, period_end, period_units, value, value_text, numerator, denominator,"
                     " lower_ci, upper_ci, status, series_break, approximate_geography, note, batch,"
                     " source_line, lower_ci_998, upper_ci_998, published) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,"
                     "?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24)",
    [S_SERIES] = "SELECT id, area, period, period_start, period_end, value, value_text, numerator, denominator,"
                 " lower_ci, upper_ci, status, series_break, approximate_geography, period_type, lower_ci_998,"
                 " upper_ci_998 FROM observations"
                 " WHERE indicator = ?1 AND breakdown = ?2 AND superseded_by IS NULL"
                 " ORDER BY area, period_start, period_end",
    [S_BEGIN_RUN] = "INSERT INTO runs(framework_id, framework_version, framework_sha256, framework_path, period,"
                    " period_start, period_end, engine_version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    [S_PUT_RESULT] = "INSERT INTO results(run, area, kind, item, status, assessment, value, value_text, period,"
                     " comparator, method, reason, details) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    [S_FINISH_RUN] = "UPDATE runs SET data_fingerprint = ?2, areas = ?3 WHERE id = ?1",
};

typedef struct area_ref {
    char *current; /* owned */
    int approximate;
} area_ref;

struct store {
    sqlite3 *db;
    char *path;
    char *placed_at; /* a new database being built (store_open_new): where it will appear; else NULL */
    sqlite3_stmt *stmt[S_COUNT];
    strmap *area_index; /* code or alias -> index in area_refs; built on first use */
    area_ref *area_refs;
    size_t narea_refs, area_refs_cap;
    int bind_failed; /* the SQLite code of the first bind that failed since the last step, else SQLITE_OK */
};

static int busy_error(store *s, err *e);

static int db_error(store *s, err *e, const char *what)
{
    if (s->bind_failed != SQLITE_OK) {
        int rc = s->bind_failed;
        s->bind_failed = SQLITE_OK;
        return err_set(e, ERR_DB, "%s: %s: a value could not be given to the query: %s", s->path, what,
                       sqlite3_errstr(rc));
    }
    if ((sqlite3_errcode(s->db) & 0xff) == SQLITE_BUSY)
        return busy_error(s, e);
    return err_set(e, ERR_DB, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

/* A bind fails (out of memory, a text over SQLite's length limit) leaving the
 * parameter NULL, and a statement stepped so would answer another question or
 * store a NULL where a value belonged. So every bind goes through bound(),
 * which keeps the first failure on the store, and step() refuses to run the
 * statement while one is kept; db_error() then reports it. */
static void bound(store *s, int rc)
{
    if (rc != SQLITE_OK && s->bind_failed == SQLITE_OK)
        s->bind_failed = rc;
}

static int step(store *s, sqlite3_stmt *st)
{
    return s->bind_failed != SQLITE_OK ? s->bind_failed : sqlite3_step(st);
}

/* A busy database is another command writing, not a fault: say so in words. */
static int busy_error(store *s, err *e)
{
    return err_set(e, ERR_DB, "%s: the database is busy: another scorecard command has been writing to it for %d s; "
                              "try again when it has finished", s->path, STORE_BUSY_SECONDS);
}

static int exec(store *s, const char *sql, err *e)
{
    char *msg = NULL;
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_BUSY)
            busy_error(s, e);
        else
            err_set(e, ERR_DB, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return ERR_DB;
    }
    return 0;
}

int store_schema_version(void)
{
    return NMIGRATIONS;
}

static int user_version(store *s, int *v, err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "reading the schema version");
    int rc = step(s, st);
    *v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : db_error(s, e, "reading the schema version");
}

/* The version is read inside the write transaction: two commands opening a new
 * database at once must not both create its tables. */
static int migrate(store *s, store_mode mode, err *e)
{
    int v;
    int rc = user_version(s, &v, e);
    if (rc || v == NMIGRATIONS)
        return rc;
    if (v == 0 && mode == STORE_EXISTING)
        return err_set(e, ERR_INVALID, "%s is not a scorecard database (it has no scorecard tables); run `scorecard init`",
                       s->path);
    if ((rc = exec(s, "BEGIN IMMEDIATE", e)))
        return rc;
    if ((rc = user_version(s, &v, e))) {
        exec(s, "ROLLBACK", NULL);
        return rc;
    }
    if (v > NMIGRATIONS) {
        exec(s, "ROLLBACK", NULL);
        return err_set(e, ERR_DB, "%s: schema version %d is newer than this scorecard understands (%d); upgrade scorecard",
                       s->path, v, NMIGRATIONS);
    }
    for (; v < NMIGRATIONS; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d;", v + 1);
        if ((rc = exec(s, MIGRATIONS[v], e)) || (rc = exec(s, pragma, e))) {
            exec(s, "ROLLBACK", NULL);
            return err_prefix(e, "migrating to schema version %d", v + 1);
        }
    }
    return exec(s, "COMMIT", e);
}

/* Puts the database in WAL mode. A database made by init is placed in
 * rollback mode (store_place_new); when several commands open it at once, each
 * holds a read lock while asking for the write lock the switch needs, and
 * SQLite answers SQLITE_BUSY at once rather than wait in a deadlock, without
 * calling the busy handler. So the switch is retried, with a growing pause,
 * for as long as any other wait on the database. */
static int enter_wal(store *s, err *e)
{
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long pause_ms = 1;; pause_ms = pause_ms < 64 ? pause_ms * 2 : 64) {
        int rc = sqlite3_exec(s->db, "PRAGMA journal_mode = WAL;", NULL, NULL, NULL);
        if ((rc & 0xff) != SQLITE_BUSY)
            return rc == SQLITE_OK ? 0 : db_error(s, e, "entering WAL mode");
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= STORE_BUSY_SECONDS)
            return busy_error(s, e);
        struct timespec pause = {0, pause_ms * 1000000L};
        nanosleep(&pause, NULL);
    }
}

int store_open(const char *path, store_mode mode, store **out, err *e)
{
    *out = NULL;
    store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    int rc = 0;
    int flags = SQLITE_OPEN_READWRITE | (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        if (mode == STORE_EXISTING && access(path, F_OK) != 0 && errno == ENOENT)
            rc = err_set(e, ERR_IO, "no database at %s; run `scorecard init` to make one", path);
        else
            rc = err_set(e, ERR_DB, "%s: cannot open database: %s", path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
        store_close(s);
        return rc;
    }
    sqlite3_busy_timeout(s->db, STORE_BUSY_SECONDS * 1000);
    sqlite3_extended_result_codes(s->db, 1);
    if ((rc = exec(s, "PRAGMA foreign_keys = ON;", e)) || (rc = enter_wal(s, e)) ||
        (rc = exec(s, "PRAGMA synchronous = NORMAL;", e)) || (rc = migrate(s, mode, e))) {
        store_close(s);
        return rc;
    }
    for (int i = 0; i < S_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, STMT_SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[i], NULL) != SQLITE_OK) {
            rc = db_error(s, e, "preparing a statement");
            store_close(s);
            return rc;
        }
    *out = s;
    return 0;
}

static void drop_area_index(store *s)
{
    strmap_free(s->area_index);
    s->area_index = NULL;
    for (size_t i = 0; i < s->narea_refs; i++)
        free(s->area_refs[i].current);
    free(s->area_refs);
    s->area_refs = NULL;
    s->narea_refs = 0;
}

/* Removes a database file and the journal files SQLite keeps beside it. */
static void remove_database(const char *path)
{
    static const char *const side[] = {"", "-wal", "-shm", "-journal"};
    char name[4200];
    for (size_t i = 0; i < sizeof side / sizeof *side; i++) {
        snprintf(name, sizeof name, "%s%s", path, side[i]);
        unlink(name);
    }
}

static void close_db(store *s)
{
    drop_area_index(s);
    for (int i = 0; i < S_COUNT; i++) {
        sqlite3_finalize(s->stmt[i]);
        s->stmt[i] = NULL;
    }
    sqlite3_close(s->db);
    s->db = NULL;
}

void store_close(store *s)
{
    if (!s)
        return;
    close_db(s);
    if (s->placed_at) /* a new database that was never placed: nobody has seen it */
        remove_database(s->path);
    free(s->placed_at);
    free(s->path);
    free(s);
}

int store_open_new(const char *path, store **out, err *e)
{
    *out = NULL;
    /* A hidden sibling, so the rename stays inside one file system. */
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    char temp[4200];
    if (snprintf(temp, sizeof temp, "%.*s.%s.init-XXXXXX", dirlen, path, slash ? slash + 1 : path) >= (int)sizeof temp)
        return err_set(e, ERR_IO, "%s: the path is too long", path);
    int fd = mkstemp(temp);
    if (fd < 0)
        return err_set(e, ERR_IO, "%s: cannot create a database there: %s", path, strerror(errno));
    /* mkstemp makes it 0600; a database is made as any new file is, under the umask */
    mode_t mask = umask(0);
    umask(mask);
    int bad = fchmod(fd, 0666 & ~mask);
    close(fd);
    if (bad) {
        unlink(temp);
        return err_set(e, ERR_IO, "%s: cannot create a database there: %s", path, strerror(errno));
    }
    store *s;
    int rc = store_open(temp, STORE_CREATE, &s, e);
    if (rc) {
        remove_database(temp);
        return rc;
    }
    if (!(s->placed_at = strdup(path))) {
        store_close(s);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    *out = s;
    return 0;
}

/* Renames `from` to `to` unless `to` exists: 0, 1 when it exists, -1 with errno. */
static int rename_noreplace(const char *from, const char *to)
{
    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno == EEXIST)
        return 1;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    /* a file system without RENAME_NOREPLACE: a hard link cannot replace either */
    if (link(from, to) != 0)
        return errno == EEXIST ? 1 : -1;
    unlink(from);
    return 0;
}

int store_place_new(store *s, err *e)
{
    err_assert(s->placed_at);
    /* Leaving WAL folds the log into the file and deletes it, so the one file
     * renamed holds everything. */
    int rc = exec(s, "PRAGMA journal_mode = DELETE", e);
    if (!rc) {
        close_db(s);
        char wal[4200];
        snprintf(wal, sizeof wal, "%s-wal", s->path);
        if (access(wal, F_OK) == 0)
            rc = err_set(e, ERR_DB, "%s: the new database still has a write-ahead log; it was not put in place",
                         s->placed_at);
    }
    int placed = rc ? -1 : rename_noreplace(s->path, s->placed_at);
    if (placed < 0 && !rc)
        rc = err_set(e, ERR_IO, "%s: cannot put the new database in place: %s", s->placed_at, strerror(errno));
    if (placed == 0) {
        free(s->placed_at); /* it is the database now: store_close must not remove it */
        s->placed_at = NULL;
        char dir[4200];
        const char *slash = strrchr(s->path, '/');
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - s->path) + 1 : 1, slash ? s->path : ".");
        int fd = open(dir, O_RDONLY | O_DIRECTORY);
        if (fd >= 0) { /* the rename survives a power cut */
            fsync(fd);
            close(fd);
        }
    }
    store_close(s);
    return rc ? rc : placed;
}

int store_begin(store *s, err *e)
{
    return exec(s, "BEGIN IMMEDIATE", e);
}

int store_commit(store *s, err *e)
{
    return exec(s, "COMMIT", e);
}

void store_rollback(store *s)
{
    if (!sqlite3_get_autocommit(s->db))
        exec(s, "ROLLBACK", NULL);
    drop_area_index(s); /* it may hold areas that were rolled back */
}

/* ---- binding helpers ---- */

static void bind_null(store *s, sqlite3_stmt *st, int i)
{
    bound(s, sqlite3_bind_null(st, i));
}

/* Text, or NULL for none or "". */
static void bind_text(store *s, sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        bound(s, sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT));
    else
        bind_null(s, st, i);
}

/* Text where "" is a value of its own (a breakdown: all persons), never NULL. */
static void bind_key(store *s, sqlite3_stmt *st, int i, const char *v)
{
    bound(s, sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_TRANSIENT));
}

static void bind_num(store *s, sqlite3_stmt *st, int i, double v)
{
    if (isnan(v))
        bind_null(s, st, i);
    else
        bound(s, sqlite3_bind_double(st, i, v));
}

static void bind_int(store *s, sqlite3_stmt *st, int i, long long v)
{
    bound(s, sqlite3_bind_int64(st, i, v));
}

static double col_num(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Steps a write statement to completion and resets it. */
static int run(store *s, sqlite3_stmt *st, err *e, const char *what)
{
    int rc = step(s, st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : db_error(s, e, what);
}

/* ---- geography ---- */

int store_put_area(store *s, const store_area *a, err *e)
{
    sqlite3_stmt *st = s->stmt[S_PUT_AREA];
    bind_text(s, st, 1, a->code);
    bind_text(s, st, 2, a->name);
    bind_text(s, st, 3, a->type);
    bind_text(s, st, 4, a->country);
    bind_text(s, st, 5, a->valid_from);
    bind_text(s, st, 6, a->valid_to);
    bind_text(s, st, 7, a->confidence);
    bind_text(s, st, 8, a->source);
    drop_area_index(s);
    return run(s, st, e, a->code);
}

int store_put_alias(store *s, const store_alias *a, err *e)
{
    sqlite3_stmt *st = s->stmt[S_PUT_ALIAS];
    bind_text(s, st, 1, a->old_code);
    bind_text(s, st, 2, a->new_code);
    bind_text(s, st, 3, a->valid_from);
    bind_text(s, st, 4, a->relation);
    bind_text(s, st, 5, a->note);
    drop_area_index(s);
    return run(s, st, e, a->old_code);
}

int store_put_membership(store *s, const store_membership *m, err *e)
{
    sqlite3_stmt *st = s->stmt[S_PUT_MEMBERSHIP];
    bind_text(s, st, 1, m->child);
    bind_text(s, st, 2, m->parent);
    bind_num(s, st, 3, m->weight);
    bind_text(s, st, 4, m->relation);
    bind_key(s, st, 5, m->valid_from);
    bind_text(s, st, 6, m->valid_to);
    bind_text(s, st, 7, m->confidence);
    bind_text(s, st, 8, m->source);
    return run(s, st, e, m->child);
}

static int add_area_ref(store *s, const char *key, const char *current, int approximate, err *e)
{
    if (grow(&s->area_refs, &s->area_refs_cap, s->narea_refs + 1, sizeof *s->area_refs, 64))
        return err_set(e, ERR_NOMEM, "out of memory");
    area_ref *r = &s->area_refs[s->narea_refs];
    if (!(r->current = strdup(current)))
        return err_set(e, ERR_NOMEM, "out of memory");
    r->approximate = approximate;
    if (strmap_put(s->area_index, key, (int)s->narea_refs) < 0)
        return err_set(e, ERR_NOMEM, "out of memory");
    s->narea_refs++;
    return 0;
}

/* Area codes and aliases are few (hundreds); importing looks one up per row. */
static int build_area_index(store *s, err *e)
{
    if (!(s->area_index = strmap_new()))
        return err_set(e, ERR_NOMEM, "out of memory");
    sqlite3_stmt *st;
    /* Areas last: a retired code still listed as an area (because data exists for
     * it as it was) resolves to itself; its alias only records the succession. */
    const char *sql = "SELECT old_code, new_code, relation = 'approximate' FROM area_aliases"
                      " UNION ALL SELECT code, code, 0 FROM areas";
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "reading areas");
    int rc;
    while ((rc = step(s, st)) == SQLITE_ROW)
        if (add_area_ref(s, col_text(st, 0), col_text(st, 1), sqlite3_column_int(st, 2), e)) {
            sqlite3_finalize(st);
            drop_area_index(s);
            return e->code;
        }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        drop_area_index(s);
        return db_error(s, e, "reading areas");
    }
    return 0;
}

int store_resolve_area(store *s, const char *code, const char **current, int *approximate, err *e)
{
    if (!s->area_index) {
        int rc = build_area_index(s, e);
        if (rc)
            return rc;
    }
    int i;
    if (!strmap_get(s->area_index, code, &i))
        return 0;
    *current = s->area_refs[i].current;
    *approximate = s->area_refs[i].approximate;
    return 1;
}

/* How a walk ends (store.h, "Walks"): a callback's error (negative) is the
 * walk's result, with a message unless the callback left its own; a positive
 * return stopped it early, which is success; else the database's verdict. */
static int walk_end(store *s, err *e, int stop, int rc, const char *what)
{
    if (stop < 0) {
        if (e->code != stop)
            err_set(e, stop, "%s: %s", what, stop == ERR_NOMEM ? "out of memory" : "stopped by an error");
        return stop;
    }
    return stop || rc == SQLITE_DONE ? 0 : db_error(s, e, what);
}

int store_each_area(store *s, const store_area_filter *f, int (*fn)(void *ctx, const store_area *a), void *ctx,
                    err *e)
{
    const char *sql = "SELECT code, name, type, country, valid_from, valid_to, confidence, source FROM areas a"
                      " WHERE (?1 IS NULL OR lower(country) = lower(?1) OR lower(replace(country,' ','_')) = lower(?1))"
                      " AND (?2 IS NULL OR lower(type) = lower(?2))"
                      " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM area_memberships m"
                      "      WHERE m.child = a.code AND m.parent = ?3"
                      "      AND (?4 IS NULL OR ((coalesce(m.valid_from, '') = '' OR m.valid_from <= ?4)"
                      "                          AND (coalesce(m.valid_to, '') = '' OR m.valid_to >= ?4)))))"
                      " AND (?4 IS NULL OR ((coalesce(a.valid_from, '') = '' OR a.valid_from <= ?4)"
                      "                     AND (coalesce(a.valid_to, '') = '' OR a.valid_to >= ?4)))"
                      " ORDER BY country, type, code";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "listing areas");
    bind_text(s, st, 1, f->country);
    bind_text(s, st, 2, f->type);
    bind_text(s, st, 3, f->parent);
    bind_text(s, st, 4, f->on);
    int rc, stop = 0;
    while (!stop && (rc = step(s, st)) == SQLITE_ROW) {
        store_area a = {col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3),
                        col_text(st, 4), col_text(st, 5), col_text(st, 6), col_text(st, 7)};
        stop = fn(ctx, &a);
    }
    sqlite3_finalize(st);
    return walk_end(s, e, stop, rc, "listing areas");
}

int store_each_member(store *s, const char *parent, const char *start, const char *end,
                      int (*fn)(void *ctx, const store_member *m), void *ctx, err *e)
{
    /* A membership counts for the period when it and the child area both
     * overlap it: a council that ceased, or an ICB that did not exist yet,
     * adds nothing. Empty valid_from is the table's "since always". */
    const char *sql = "SELECT m.child, m.weight, m.relation = 'approximate' FROM area_memberships m"
                      " JOIN areas a ON a.code = m.child"
                      " WHERE m.parent = ?1"
                      " AND (m.valid_from = '' OR m.valid_from <= ?3) AND (m.valid_to IS NULL OR m.valid_to >= ?2)"
                      " AND (a.valid_from IS NULL OR a.valid_from <= ?3) AND (a.valid_to IS NULL OR a.valid_to >= ?2)"
                      " ORDER BY m.child";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "listing members");
    bind_text(s, st, 1, parent);
    bind_text(s, st, 2, start);
    bind_text(s, st, 3, end);
    int rc, stop = 0;
    while (!stop && (rc = step(s, st)) == SQLITE_ROW) {
        store_member m = {col_text(st, 0), col_num(st, 1), sqlite3_column_int(st, 2)};
        stop = fn(ctx, &m);
    }
    sqlite3_finalize(st);
    return walk_end(s, e, stop, rc, "listing members");
}

int store_parent_of(store *s, const char *child, const char *type, const char *start, const char *end, char *out,
                    size_t cap, err *e)
{
    /* Up the memberships, four levels at most (council -> board -> region ->
     * country); a loop in the geography stops there. */
    const char *sql = "WITH RECURSIVE up(code, depth, weight) AS ("
                      "  SELECT ?1, 0, 1.0"
                      "  UNION"
                      "  SELECT m.parent, up.depth + 1, coalesce(m.weight, 1.0) FROM area_memberships m"
                      "  JOIN up ON m.child = up.code"
                      "  WHERE up.depth < 4 AND (m.valid_to IS NULL OR m.valid_to >= ?3)"
                      "  AND (m.valid_from = '' OR m.valid_from <= ?4))"
                      " SELECT a.code FROM up JOIN areas a ON a.code = up.code"
                      " WHERE up.depth > 0 AND lower(a.type) = lower(?2)"
                      " ORDER BY up.depth, up.weight DESC, a.code LIMIT 1";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "finding a parent area");
    bind_text(s, st, 1, child);
    bind_text(s, st, 2, type);
    bind_text(s, st, 3, start);
    bind_text(s, st, 4, end);
    int rc = step(s, st), found = 0;
    if (rc == SQLITE_ROW) {
        snprintf(out, cap, "%s", col_text(st, 0));
        found = 1;
    } else if (rc != SQLITE_DONE) {
        found = db_error(s, e, "finding a parent area");
    }
    sqlite3_finalize(st);
    return found;
}

/* ---- imports ---- */

int store_find_batch(store *s, const char *sha256, long long *batch, err *e)
{
    sqlite3_stmt *st = s->stmt[S_FIND_BATCH];
    bind_text(s, st, 1, sha256);
    int rc = step(s, st);
    if (rc == SQLITE_ROW)
        *batch = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(s, e, "looking up earlier imports");
    return rc == SQLITE_ROW;
}

int store_begin_batch(store *s, const store_batch_start *b, long long *batch, err *e)
{
    sqlite3_stmt *st = s->stmt[S_BEGIN_BATCH];
    bind_text(s, st, 1, b->file_name);
    bind_text(s, st, 2, b->key);
    bind_text(s, st, 3, b->format);
    bind_text(s, st, 4, b->file_sha256);
    bind_text(s, st, 5, b->mapping_sha256);
    int rc = run(s, st, e, "recording the import");
    if (!rc)
        *batch = sqlite3_last_insert_rowid(s->db);
    return rc;
}

int store_finish_batch(store *s, long long batch, const store_batch_counts *c, err *e)
{
    sqlite3_stmt *st = s->stmt[S_FINISH_BATCH];
    bind_int(s, st, 1, batch);
    bind_int(s, st, 2, c->read);
    bind_int(s, st, 3, c->inserted);
    bind_int(s, st, 4, c->unchanged);
    bind_int(s, st, 5, c->superseding);
    bind_int(s, st, 6, c->duplicate);
    bind_int(s, st, 7, c->rejected);
    bind_int(s, st, 8, c->skipped);
    return run(s, st, e, "recording the import");
}

static int same_num(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

static int same_text(const char *a, const char *b)
{
    return (!a || !*a) ? (!b || !*b) : (b && !strcmp(a, b));
}

/* Does the stored row the statement points at say what `o` says? A revised
 * value equals the same value reported as ok. */
static int same_content(sqlite3_stmt *st, const obs *o)
{
    obs_status old;
    if (obs_status_parse(col_text(st, 8), &old))
        return 0;
    obs_status now = o->status;
    if (old == OBS_REVISED)
        old = OBS_OK;
    if (now == OBS_REVISED)
        now = OBS_OK;
    return same_num(col_num(st, 3), o->value) && same_num(col_num(st, 4), o->numerator) &&
           same_num(col_num(st, 5), o->denominator) && same_num(col_num(st, 6), o->lower_ci) &&
           same_num(col_num(st, 7), o->upper_ci) && old == now && sqlite3_column_int(st, 9) == o->series_break &&
           same_text(col_text(st, 10), o->note) && same_num(col_num(st, 11), o->lower_ci_998) &&
           same_num(col_num(st, 12), o->upper_ci_998) && same_text(col_text(st, 13), o->published);
}

static int insert_obs(store *s, long long batch, const obs *o, obs_status status, err *e)
{
    sqlite3_stmt *st = s->stmt[S_INSERT_OBS];
    char start[11], end[11];
    period_format_date(o->period.start, start);
    period_format_date(o->period.end, end);
    bind_text(s, st, 1, o->indicator);
    bind_text(s, st, 2, o->area);
    bind_text(s, st, 3, o->source_area);
    bind_key(s, st, 4, o->breakdown);
    bind_text(s, st, 5, o->period_label);
    bind_text(s, st, 6, period_type_name(o->period.type));
    bind_text(s, st, 7, start);
    bind_text(s, st, 8, end);
    bind_int(s, st, 9, o->period.units);
    bind_num(s, st, 10, o->value);
    bind_text(s, st, 11, o->value_text);
    bind_num(s, st, 12, o->numerator);
    bind_num(s, st, 13, o->denominator);
    bind_num(s, st, 14, o->lower_ci);
    bind_num(s, st, 15, o->upper_ci);
    bind_text(s, st, 16, obs_status_name(status));
    bind_int(s, st, 17, o->series_break);
    bind_int(s, st, 18, o->approximate);
    bind_text(s, st, 19, o->note);
    bind_int(s, st, 20, batch);
    if (o->source_line > 0)
        bind_int(s, st, 21, o->source_line);
    else
        bind_null(s, st, 21);
    bind_num(s, st, 22, o->lower_ci_998);
    bind_num(s, st, 23, o->upper_ci_998);
    bind_text(s, st, 24, o->published);
    return run(s, st, e, "storing an observation");
}

int store_put_observation(store *s, long long batch, const obs *o, store_put_outcome *result, long *other_line,
                          err *e)
{
    sqlite3_stmt *st = s->stmt[S_FIND_CURRENT];
    char start[11], end[11];
    period_format_date(o->period.start, start);
    period_format_date(o->period.end, end);
    bind_text(s, st, 1, o->indicator);
    bind_text(s, st, 2, o->area);
    bind_key(s, st, 3, o->breakdown);
    bind_text(s, st, 4, start);
    bind_text(s, st, 5, end);
    int rc = step(s, st);
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        *result = STORE_INSERTED;
        return insert_obs(s, batch, o, o->status, e);
    }
    if (rc != SQLITE_ROW) {
        int r = db_error(s, e, "looking up an observation");
        sqlite3_reset(st);
        return r;
    }
    long long old_id = sqlite3_column_int64(st, 0);
    long long old_batch = sqlite3_column_int64(st, 1);
    *other_line = (long)sqlite3_column_int64(st, 2);
    int same = same_content(st, o);
    double old_value = col_num(st, 3);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);

    if (old_batch == batch) {
        *result = same ? STORE_DUPLICATE : STORE_CONFLICT;
        return 0;
    }
    if (same) {
        *result = STORE_UNCHANGED;
        return 0;
    }
    sqlite3_stmt *up = s->stmt[S_SUPERSEDE];
    bind_int(s, up, 1, old_id);
    bind_int(s, up, 2, batch);
    if ((rc = run(s, up, e, "superseding an observation")))
        return rc;
    *result = STORE_SUPERSEDED;
    /* A new figure for a value published before is a revision, unless the file says otherwise. */
    obs_status status = o->status == OBS_OK && !same_num(old_value, o->value) && !isnan(o->value) ? OBS_REVISED
                                                                                                : o->status;
    return insert_obs(s, batch, o, status, e);
}

/* ---- queries ---- */

int store_each_observation(store *s, const store_obs_filter *f, int (*fn)(void *ctx, const store_obs_row *r),
                           void *ctx, err *e)
{
    const char *sql = "SELECT o.indicator, o.area, o.source_area, o.breakdown, o.period, o.period_type,"
                      " o.period_start, o.period_end, o.period_units, o.value, o.value_text, o.numerator,"
                      " o.denominator, o.lower_ci, o.upper_ci, o.status, o.series_break,"
                      " o.approximate_geography, o.note, o.source_line, o.batch, o.superseded_by, b.file_name,"
                      " o.lower_ci_998, o.upper_ci_998, o.published"
                      " FROM observations o JOIN import_batches b ON b.id = o.batch"
                      " WHERE (?1 IS NULL OR o.indicator = ?1) AND (?2 IS NULL OR o.area = ?2)"
                      " AND (?3 IS NULL OR o.period = ?3) AND (?4 OR o.superseded_by IS NULL)"
                      " AND (?5 IS NULL OR o.breakdown = ?5)"
                      " ORDER BY o.indicator, o.area, o.breakdown, o.period_start, o.period_end, o.batch";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "querying observations");
    bind_text(s, st, 1, f->indicator);
    bind_text(s, st, 2, f->area);
    bind_text(s, st, 3, f->period);
    bind_int(s, st, 4, f->history);
    if (f->breakdown) /* "" is all persons, not "any" */
        bind_key(s, st, 5, f->breakdown);
    int rc, stop = 0;
    while (!stop && (rc = step(s, st)) == SQLITE_ROW) {
        store_obs_row r;
        memset(&r, 0, sizeof r);
        r.o.indicator = col_text(st, 0);
        r.o.area = col_text(st, 1);
        r.o.source_area = col_text(st, 2);
        r.o.breakdown = col_text(st, 3);
        r.o.period_label = col_text(st, 4);
        r.period_type = col_text(st, 5);
        r.period_start = col_text(st, 6);
        r.period_end = col_text(st, 7);
        r.o.period.units = sqlite3_column_int(st, 8);
        r.o.value = col_num(st, 9);
        r.o.value_text = col_text(st, 10);
        r.o.numerator = col_num(st, 11);
        r.o.denominator = col_num(st, 12);
        r.o.lower_ci = col_num(st, 13);
        r.o.upper_ci = col_num(st, 14);
        if (obs_status_parse(col_text(st, 15), &r.o.status))
            r.o.status = OBS_MISSING;
        r.o.series_break = sqlite3_column_int(st, 16);
        r.o.approximate = sqlite3_column_int(st, 17);
        r.o.note = col_text(st, 18);
        r.o.source_line = (long)sqlite3_column_int64(st, 19);
        r.batch = sqlite3_column_int64(st, 20);
        r.superseded_by = sqlite3_column_int64(st, 21);
        r.batch_file = col_text(st, 22);
        r.o.lower_ci_998 = col_num(st, 23);
        r.o.upper_ci_998 = col_num(st, 24);
        r.o.published = col_text(st, 25);
        stop = fn(ctx, &r);
    }
    sqlite3_finalize(st);
    return walk_end(s, e, stop, rc, "querying observations");
}

int store_each_breakdown(store *s, const char *indicator, int (*fn)(void *ctx, const char *key, long long rows),
                         void *ctx, err *e)
{
    const char *sql = "SELECT breakdown, count(*) FROM observations WHERE indicator = ?1 AND superseded_by IS NULL"
                      " GROUP BY breakdown ORDER BY count(*) DESC, breakdown";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "listing breakdowns");
    bind_text(s, st, 1, indicator);
    int rc, stop = 0;
    while (!stop && (rc = step(s, st)) == SQLITE_ROW)
        stop = fn(ctx, col_text(st, 0), sqlite3_column_int64(st, 1));
    sqlite3_finalize(st);
    return walk_end(s, e, stop, rc, "listing breakdowns");
}

int store_each_batch(store *s, int (*fn)(void *ctx, const store_batch *b), void *ctx, err *e)
{
    const char *sql = "SELECT id, file_name, coalesce(file_sha256, sha256), format, imported_at, rows_read,"
                      " rows_inserted, rows_unchanged, rows_superseding, rows_duplicate, rows_rejected, rows_skipped,"
                      " mapping_sha256 FROM import_batches ORDER BY id";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "listing imports");
    int rc, stop = 0;
    while (!stop && (rc = step(s, st)) == SQLITE_ROW) {
        store_batch b = {sqlite3_column_int64(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3),
                         col_text(st, 4),
                         {sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7),
                          sqlite3_column_int64(st, 8), sqlite3_column_int64(st, 9), sqlite3_column_int64(st, 10),
                          sqlite3_column_int64(st, 11)},
                         col_text(st, 12)};
        stop = fn(ctx, &b);
    }
    sqlite3_finalize(st);
    return walk_end(s, e, stop, rc, "listing imports");
}

/* ---- scorecard runs ---- */

/* "YYYY-MM-DD" to YYYYMMDD; the store writes only that form. */
static int ymd_of(const char *s)
{
    if (!s || strlen(s) != 10)
        return 0;
    return atoi(s) * 10000 + atoi(s + 5) * 100 + atoi(s + 8);
}

int store_each_series_point(store *s, const char *indicator, const char *breakdown,
                            int (*fn)(void *ctx, const store_point *p), void *ctx, err *e)
{
    sqlite3_stmt *st = s->stmt[S_SERIES];
    bind_text(s, st, 1, indicator);
    bind_key(s, st, 2, breakdown);
    int rc, stop = 0;
    while (!stop && (rc = step(s, st)) == SQLITE_ROW) {
        store_point p;
        p.id = sqlite3_column_int64(st, 0);
        p.area = col_text(st, 1);
        p.period = col_text(st, 2);
        p.start = ymd_of(col_text(st, 3));
        p.end = ymd_of(col_text(st, 4));
        p.value = col_num(st, 5);
        p.value_text = col_text(st, 6);
        p.numerator = col_num(st, 7);
        p.denominator = col_num(st, 8);
        p.lower_ci = col_num(st, 9);
        p.upper_ci = col_num(st, 10);
        if (obs_status_parse(col_text(st, 11), &p.status))
            p.status = OBS_MISSING;
        p.series_break = sqlite3_column_int(st, 12);
        p.approximate = sqlite3_column_int(st, 13);
        p.period_type = col_text(st, 14);
        p.lower_ci_998 = col_num(st, 15);
        p.upper_ci_998 = col_num(st, 16);
        stop = fn(ctx, &p);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return walk_end(s, e, stop, rc, "reading a series");
}

int store_latest_period_ends(store *s, const char *const *indicators, const char *const *breakdowns, size_t n,
                             int not_after, int *ends, err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT max(period_end) FROM observations WHERE indicator = ?1 AND period_end <= ?2"
                                  " AND breakdown = ?3 AND superseded_by IS NULL"
                                  " AND (value IS NOT NULL OR numerator IS NOT NULL)", -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "finding the latest period");
    char limit[11];
    snprintf(limit, sizeof limit, "%04d-%02d-%02d", not_after / 10000, not_after / 100 % 100, not_after % 100);
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        bind_text(s, st, 1, indicators[i]);
        bind_text(s, st, 2, limit);
        bind_key(s, st, 3, breakdowns[i]);
        int got = step(s, st);
        if (got == SQLITE_ROW)
            ends[i] = sqlite3_column_type(st, 0) == SQLITE_NULL ? 0 : ymd_of(col_text(st, 0));
        else
            rc = db_error(s, e, "finding the latest period");
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

int store_begin_run(store *s, const store_run *r, long long *run_id, err *e)
{
    sqlite3_stmt *st = s->stmt[S_BEGIN_RUN];
    bind_text(s, st, 1, r->framework_id);
    bind_text(s, st, 2, r->framework_version);
    bind_text(s, st, 3, r->framework_sha256);
    bind_text(s, st, 4, r->framework_path);
    bind_text(s, st, 5, r->period);
    bind_text(s, st, 6, r->period_start);
    bind_text(s, st, 7, r->period_end);
    bind_text(s, st, 8, r->engine_version);
    int rc = run(s, st, e, "recording the run");
    if (!rc)
        *run_id = sqlite3_last_insert_rowid(s->db);
    return rc;
}

int store_put_result(store *s, long long run_id, const store_result *r, err *e)
{
    sqlite3_stmt *st = s->stmt[S_PUT_RESULT];
    bind_int(s, st, 1, run_id);
    bind_text(s, st, 2, r->area);
    bind_text(s, st, 3, r->kind);
    bind_text(s, st, 4, r->item);
    bind_text(s, st, 5, r->status);
    bind_text(s, st, 6, r->assessment);
    bind_num(s, st, 7, r->value);
    bind_text(s, st, 8, r->value_text);
    bind_text(s, st, 9, r->period);
    bind_num(s, st, 10, r->comparator);
    bind_text(s, st, 11, r->method);
    bind_text(s, st, 12, r->reason);
    bind_text(s, st, 13, r->details);
    return run(s, st, e, "storing a result");
}

int store_finish_run(store *s, long long run_id, const char *fingerprint, long areas, err *e)
{
    sqlite3_stmt *st = s->stmt[S_FINISH_RUN];
    bind_int(s, st, 1, run_id);
    bind_text(s, st, 2, fingerprint);
    bind_int(s, st, 3, areas);
    return run(s, st, e, "recording the run");
}

int store_each_run(store *s, long long id, int (*fn)(void *ctx, const store_run_row *r), void *ctx, err *e)
{
    const char *sql = "SELECT id, framework_id, framework_version, framework_sha256, framework_path, period,"
                      " period_start, period_end, engine_version, data_fingerprint, started_at, areas FROM runs"
                      " WHERE ?1 <= 0 OR id = ?1 ORDER BY id DESC";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "listing runs");
    bind_int(s, st, 1, id);
    int rc, stop = 0;
    while (!stop && (rc = step(s, st)) == SQLITE_ROW) {
        store_run_row r = {sqlite3_column_int64(st, 0),
                           {col_text(st, 1), col_text(st, 2), col_text(st, 3), col_text(st, 4), col_text(st, 5),
                            col_text(st, 6), col_text(st, 7), col_text(st, 8)},
                           col_text(st, 9), col_text(st, 10), (long)sqlite3_column_int64(st, 11)};
        stop = fn(ctx, &r);
    }
    sqlite3_finalize(st);
    return walk_end(s, e, stop, rc, "listing runs");
}

int store_each_result(store *s, const store_result_filter *f, int (*fn)(void *ctx, const store_result *r), void *ctx,
                      err *e)
{
    const char *sql = "SELECT area, kind, item, status, assessment, value_text, period, method, reason, value,"
                      " comparator, details FROM results WHERE run = ?1 AND (?2 IS NULL OR area = ?2)"
                      " AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR item = ?4)"
                      " ORDER BY area, CASE kind WHEN 'area' THEN 0 WHEN 'outcome' THEN 1 ELSE 2 END, item";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "reading results");
    bind_int(s, st, 1, f->run);
    bind_text(s, st, 2, f->area);
    bind_text(s, st, 3, f->kind);
    bind_text(s, st, 4, f->item);
    int rc, stop = 0;
    while (!stop && (rc = step(s, st)) == SQLITE_ROW) {
        store_result r = {col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3), col_text(st, 4),
                          col_text(st, 5), col_text(st, 6), col_text(st, 7), col_text(st, 8), col_num(st, 9),
                          col_num(st, 10), col_text(st, 11)};
        stop = fn(ctx, &r);
    }
    sqlite3_finalize(st);
    return walk_end(s, e, stop, rc, "reading results");
}

int store_observation_verdicts(store *s, long long id, char *out, size_t cap, err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT coalesce(published, '') FROM observations WHERE id = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return db_error(s, e, "finding an observation");
    bind_int(s, st, 1, id);
    int rc = step(s, st);
    if (rc == SQLITE_ROW)
        snprintf(out, cap, "%s", col_text(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(s, e, "finding an observation");
    return rc == SQLITE_ROW;
}

int store_observation_source(store *s, long long id, long long *batch, char *file, size_t cap, long *line, err *e)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT o.batch, b.file_name, o.source_line FROM observations o"
                                  " JOIN import_batches b ON b.id = o.batch WHERE o.id = ?1", -1, &st, NULL) != SQLITE_OK)
        return db_error(s, e, "finding an observation");
    bind_int(s, st, 1, id);
    int rc = step(s, st);
    if (rc == SQLITE_ROW) {
        *batch = sqlite3_column_int64(st, 0);
        snprintf(file, cap, "%s", col_text(st, 1) ? col_text(st, 1) : "");
        *line = (long)sqlite3_column_int64(st, 2);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(s, e, "finding an observation");
    return rc == SQLITE_ROW;
}
