/* output.c - safe outputs; see output.h. */
#define _GNU_SOURCE /* renameat2 and RENAME_EXCHANGE (Linux, glibc 2.28) */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- paths ---- */

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", a, !*a || a[strlen(a) - 1] == '/' ? "" : "/", b);
    return p;
}

/* Splits `path` into a new folder string and a pointer to its last component. */
static char *folder_of(const char *path, const char **base)
{
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* The absolute path `path` names, symlinks resolved (the last component too
 * when it exists); NULL when its folder does not exist. */
static char *canonical(const char *path)
{
    char *full = realpath(path, NULL);
    if (full)
        return full;
    const char *base;
    char *dir = folder_of(path, &base);
    char *real = dir ? realpath(dir, NULL) : NULL;
    char *out = real ? join(real, base) : NULL;
    free(dir);
    free(real);
    return out;
}

static int is_within(const char *inner, const char *outer)
{
    size_t n = strlen(outer);
    return !strncmp(inner, outer, n) && (inner[n] == '/' || (n > 0 && outer[n - 1] == '/'));
}

/* What a protected path is, for messages. */
typedef struct guarded {
    char *canon;
    struct stat st;
    int exists;
    const char *what; /* "the database", "an input" */
    const char *given;
} guarded;

/* Every path of `g`, resolved: the database with its -wal, -shm and -journal
 * files, then the inputs. The caller frees with free_guarded(). */
static guarded *resolve_guard(const out_guard *g, size_t *n)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    size_t cap = (g && g->db ? 4 : 0) + (g ? g->ninputs : 0);
    guarded *list = calloc(cap ? cap : 1, sizeof *list);
    *n = 0;
    if (!list)
        return NULL;
    for (size_t k = 0; g && g->db && k < 4; k++) {
        char *named = malloc(strlen(g->db) + 10);
        if (!named)
            continue;
        sprintf(named, "%s%s", g->db, suffixes[k]);
        /* SQLite names the side files after the resolved database path */
        char *db_canon = canonical(g->db);
        char *side = db_canon ? malloc(strlen(db_canon) + 10) : NULL;
        if (side)
            sprintf(side, "%s%s", db_canon, suffixes[k]);
        guarded *x = &list[(*n)++];
        x->canon = side ? side : canonical(named);
        x->exists = stat(named, &x->st) == 0;
        x->what = "the database";
        x->given = g->db;
        free(db_canon);
        free(named);
    }
    for (size_t k = 0; g && k < g->ninputs; k++) {
        if (!g->inputs[k])
            continue;
        guarded *x = &list[(*n)++];
        x->canon = canonical(g->inputs[k]);
        x->exists = stat(g->inputs[k], &x->st) == 0;
        x->what = "an input of this command";
        x->given = g->inputs[k];
    }
    return list;
}

static void free_guarded(guarded *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i].canon);
    free(list);
}

/* Refuses a file target that is, or is another name for, a guarded path. */
static int check_file_target(const char *path, const char *canon, const out_guard *g, err *e)
{
    struct stat st;
    int exists = stat(path, &st) == 0;
    size_t n;
    guarded *list = resolve_guard(g, &n);
    if (!list)
        return err_set(e, ERR_NOMEM, "out of memory");
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        const guarded *x = &list[i];
        if ((x->canon && !strcmp(x->canon, canon)) ||
            (exists && x->exists && st.st_dev == x->st.st_dev && st.st_ino == x->st.st_ino))
            rc = err_set(e, ERR_USAGE, "%s: refusing to write over %s (%s)", path, x->what, x->given);
    }
    free_guarded(list, n);
    return rc;
}

/* ---- files ---- */

/* `mode` less the process's umask, as open() would give a new file. */
static mode_t masked(mode_t mode)
{
    mode_t mask = umask(0);
    umask(mask);
    return mode & ~mask;
}

int out_file_open(out_file *o, const char *path, const out_guard *g, int by_name, err *e)
{
    memset(o, 0, sizeof *o);
    if (!path || !strcmp(path, "-")) {
        if (by_name)
            return err_set(e, ERR_USAGE, "this format is written to a file: give -o FILE");
        o->f = stdout;
        return 0;
    }
    char *canon = canonical(path);
    if (!canon)
        return err_set(e, ERR_IO, "%s: the folder does not exist", path);
    int rc = check_file_target(path, canon, g, e);
    free(canon);
    if (rc)
        return rc;
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return err_set(e, ERR_USAGE, "%s: is a folder; give a file name", path);
    if (!(o->path = strdup(path)))
        return err_set(e, ERR_NOMEM, "out of memory");
    if (exists && !S_ISREG(st.st_mode)) { /* a device or a pipe: written straight, nothing to rename */
        if (by_name)
            o->temp = NULL;
        else if (!(o->f = fopen(path, "w"))) {
            rc = err_set(e, ERR_IO, "%s: cannot write: %s", path, strerror(errno));
            out_file_abort(o);
        }
        return rc;
    }
    const char *base;
    char *dir = folder_of(path, &base);
    size_t n = (dir ? strlen(dir) : 0) + strlen(base) + 32;
    o->temp = dir ? malloc(n) : NULL;
    if (!o->temp) {
        free(dir);
        out_file_abort(o);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    snprintf(o->temp, n, "%s/.%s.tmp-XXXXXX", dir, base);
    free(dir);
    int fd = mkstemp(o->temp);
    if (fd < 0) {
        rc = err_set(e, ERR_IO, "%s: cannot write in its folder: %s", path, strerror(errno));
        free(o->temp);
        o->temp = NULL;
        out_file_abort(o);
        return rc;
    }
    fchmod(fd, exists ? (st.st_mode & 07777) : masked(0666));
    if (by_name) {
        close(fd);
        return 0;
    }
    if (!(o->f = fdopen(fd, "w"))) {
        close(fd);
        rc = err_set(e, ERR_NOMEM, "out of memory");
        out_file_abort(o);
    }
    return rc;
}

const char *out_file_target(const out_file *o)
{
    return o->temp ? o->temp : o->path;
}

static void sync_folder_of(const char *path)
{
    const char *base;
    char *dir = folder_of(path, &base);
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY) : -1;
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

static void free_out(out_file *o)
{
    free(o->path);
    free(o->temp);
    memset(o, 0, sizeof *o);
}

int out_file_close(out_file *o, err *e)
{
    if (o->f == stdout) {
        errno = 0;
        if (fflush(stdout) || ferror(stdout))
            return err_set(e, ERR_IO, "standard output: write error: %s", strerror(errno ? errno : EIO));
        o->f = NULL;
        return 0;
    }
    const char *shown = o->path ? o->path : "output";
    int rc = 0;
    if (o->f) {
        errno = 0;
        int bad = fflush(o->f) != 0 || ferror(o->f);
        int saved = errno;
        if (!bad && o->temp && fsync(fileno(o->f)))
            bad = 1, saved = errno;
        if (fclose(o->f) && !bad)
            bad = 1, saved = errno;
        o->f = NULL;
        if (bad)
            rc = err_set(e, ERR_IO, "%s: write error: %s; the file was left as it was", shown,
                         strerror(saved ? saved : EIO));
    } else if (o->temp) { /* written by name: make it durable before it replaces the target */
        int fd = open(o->temp, O_RDONLY);
        if (fd < 0 || fsync(fd))
            rc = err_set(e, ERR_IO, "%s: write error: %s", shown, strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    return rc;
}

int out_file_place(out_file *o, err *e)
{
    int rc = 0;
    if (o->temp) {
        if (rename(o->temp, o->path)) {
            rc = err_set(e, ERR_IO, "%s: cannot put the file in place: %s", o->path, strerror(errno));
            unlink(o->temp);
        } else {
            sync_folder_of(o->path);
        }
    }
    free_out(o);
    return rc;
}

int out_file_commit(out_file *o, err *e)
{
    if (out_file_close(o, e)) {
        out_file_abort(o);
        return e->code;
    }
    return out_file_place(o, e);
}

void out_file_abort(out_file *o)
{
    if (o->f && o->f != stdout)
        fclose(o->f);
    if (o->temp)
        unlink(o->temp);
    free_out(o);
}

FILE *out_create(const char *path, err *e)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        err_set(e, ERR_IO, "%s: cannot write: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    return f;
}

int out_close(FILE *f, const char *path, err *e)
{
    int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    int saved = errno;
    if (fclose(f) && !bad)
        bad = 1, saved = errno;
    return bad ? err_set(e, ERR_IO, "%s: write error: %s", path, strerror(saved ? saved : EIO)) : 0;
}

/* ---- folders ---- */

/* Removes `name` in the folder `dirfd` and, when it is a folder, everything in
 * it; a symlink is removed, never followed. */
static int remove_at(int dirfd, const char *name)
{
    if (unlinkat(dirfd, name, 0) == 0)
        return 0;
    if (errno != EISDIR && errno != EPERM)
        return errno == ENOENT ? 0 : -1;
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -1;
    }
    int rc = 0;
    struct dirent *x;
    while ((x = readdir(d)))
        if (strcmp(x->d_name, ".") && strcmp(x->d_name, ".."))
            rc |= remove_at(fd, x->d_name);
    closedir(d);
    return rc | unlinkat(dirfd, name, AT_REMOVEDIR);
}

static int remove_tree(const char *path)
{
    return remove_at(AT_FDCWD, path);
}

/* Is the folder empty, or a site scorecard wrote (it holds the marker)? */
static int replaceable(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return 0;
    int empty = 1, marked = 0;
    struct dirent *x;
    while ((x = readdir(d))) {
        if (!strcmp(x->d_name, ".") || !strcmp(x->d_name, ".."))
            continue;
        empty = 0;
        if (!strcmp(x->d_name, OUT_SITE_MARKER))
            marked = 1;
    }
    closedir(d);
    if (marked) { /* the marker must be a plain file, not a link planted to pass this test */
        char *m = join(path, OUT_SITE_MARKER);
        struct stat st;
        marked = m && lstat(m, &st) == 0 && S_ISREG(st.st_mode);
        free(m);
    }
    return empty || marked;
}

int out_dir_open(out_dir *d, const char *path, const out_guard *g, err *e)
{
    memset(d, 0, sizeof *d);
    char *canon = canonical(path);
    if (!canon)
        return err_set(e, ERR_IO, "%s: the folder it would go in does not exist", path);
    size_t n;
    guarded *list = resolve_guard(g, &n);
    int rc = list ? 0 : err_set(e, ERR_NOMEM, "out of memory");
    for (size_t i = 0; !rc && i < n; i++)
        if (list[i].canon && (!strcmp(list[i].canon, canon) || is_within(list[i].canon, canon)))
            rc = err_set(e, ERR_USAGE, "%s: refusing to replace a folder that holds %s (%s)", path, list[i].what,
                         list[i].given);
    free_guarded(list, n);
    free(canon);
    if (rc)
        return rc;
    struct stat st;
    if (stat(path, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return err_set(e, ERR_USAGE, "%s: exists and is not a folder", path);
        if (!replaceable(path))
            return err_set(e, ERR_USAGE, "%s: the folder is not empty and is not a site scorecard published; give a new "
                                         "or empty folder", path);
    }
    const char *base;
    char *dir = folder_of(path, &base);
    size_t len = (dir ? strlen(dir) : 0) + strlen(base) + 32;
    d->temp = dir ? malloc(len) : NULL;
    d->path = strdup(path);
    if (!d->temp || !d->path) {
        free(dir);
        out_dir_abort(d);
        return err_set(e, ERR_NOMEM, "out of memory");
    }
    snprintf(d->temp, len, "%s/.%s.tmp-XXXXXX", dir, base);
    free(dir);
    if (!mkdtemp(d->temp)) {
        rc = err_set(e, ERR_IO, "%s: cannot create a folder beside it: %s", path, strerror(errno));
        free(d->temp);
        d->temp = NULL;
        out_dir_abort(d);
        return rc;
    }
    chmod(d->temp, masked(0777)); /* mkdtemp makes it 0700: a site is for reading */
    return 0;
}

const char *out_dir_target(const out_dir *d)
{
    return d->temp;
}

int out_dir_commit(out_dir *d, err *e)
{
    char *marker = join(d->temp, OUT_SITE_MARKER);
    FILE *m = marker ? out_create(marker, e) : NULL;
    int rc = m ? 0 : (marker ? e->code : err_set(e, ERR_NOMEM, "out of memory"));
    if (m) {
        fputs("This folder is a site written by `scorecard publish`; publishing again replaces it whole.\n", m);
        rc = out_close(m, marker, e);
    }
    free(marker);
    struct stat st;
    if (!rc && lstat(d->path, &st) != 0) {
        if (rename(d->temp, d->path))
            rc = err_set(e, ERR_IO, "%s: cannot put the site in place: %s", d->path, strerror(errno));
    } else if (!rc) {
        /* Swap the new site and the old one in one step; the old one is then at d->temp. */
        if (renameat2(AT_FDCWD, d->temp, AT_FDCWD, d->path, RENAME_EXCHANGE) == 0) {
            remove_tree(d->temp);
        } else if (errno == EINVAL || errno == ENOSYS) { /* no exchange here: move aside, then in */
            size_t n = strlen(d->path) + 16;
            char *old = malloc(n);
            if (!old)
                return err_set(e, ERR_NOMEM, "out of memory");
            snprintf(old, n, "%s.old-XXXXXX", d->path);
            int fd = mkstemp(old);
            if (fd >= 0) {
                close(fd);
                unlink(old);
            }
            if (fd < 0 || rename(d->path, old))
                rc = err_set(e, ERR_IO, "%s: cannot move the old site aside: %s", d->path, strerror(errno));
            else if (rename(d->temp, d->path)) {
                rc = err_set(e, ERR_IO, "%s: cannot put the site in place: %s", d->path, strerror(errno));
                rename(old, d->path);
            } else
                remove_tree(old);
            free(old);
        } else {
            rc = err_set(e, ERR_IO, "%s: cannot put the site in place: %s", d->path, strerror(errno));
        }
    }
    if (!rc)
        sync_folder_of(d->path);
    else
        remove_tree(d->temp);
    free(d->temp);
    free(d->path);
    memset(d, 0, sizeof *d);
    return rc;
}

void out_dir_abort(out_dir *d)
{
    if (d->temp)
        remove_tree(d->temp);
    free(d->temp);
    free(d->path);
    memset(d, 0, sizeof *d);
}
