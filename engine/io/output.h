/*
 * output.h - writing what a command produces without ever destroying data.
 *
 * A file output is written to a temporary file beside its target and renamed
 * into place only when complete, so a kill, a full disk or a failed writer
 * leaves the old file (or none) and never half of a new one. A folder output
 * (a published site) is built in a temporary folder beside its target and
 * swapped in whole; the old folder is removed without following any symlink
 * in it. Before anything is written the target is checked against what the
 * command must not overwrite: the database and its -wal, -shm and -journal
 * files, every input of the command, a directory where a file is expected,
 * and a folder that holds one of those or does not look like an earlier
 * site. Paths are compared after resolving symlinks, and existing files also
 * by device and inode, so a second name for the database is caught too.
 *
 * "-" (or no path) means standard output, written straight; so are character
 * devices and pipes (/dev/null, a FIFO), which cannot be renamed over.
 */
#ifndef SCORECARD_OUTPUT_H
#define SCORECARD_OUTPUT_H

#include <stdio.h>

#include "error.h"

/* What an output must not be (or, for a folder, contain). */
typedef struct out_guard {
    const char *db;              /* the database path, or NULL */
    const char *const *inputs;   /* files the command reads */
    size_t ninputs;
} out_guard;

typedef struct out_file {
    char *path;    /* the target, owned; NULL for standard output */
    char *temp;    /* the temporary file beside it, owned; NULL when written straight */
    FILE *f;       /* open for writing, or NULL when the caller writes `temp` by name */
} out_file;

/* Checks `path` against `g` and opens the temporary file (or standard output)
 * for writing; `by_name` leaves it closed, for writers that take a path
 * (libxlsxwriter): write out_file_target() then. */
int out_file_open(out_file *o, const char *path, const out_guard *g, int by_name, err *e);
/* The path the caller writes when it opened `by_name`. */
const char *out_file_target(const out_file *o);
/* Flushes, syncs and closes the file and renames it into place. Any write
 * error seen on the stream (a full disk) is reported here, and the target is
 * left as it was. Frees `o`'s paths either way. */
int out_file_commit(out_file *o, err *e);
/* The same in two steps, for a command that records something (a run) only
 * once its output is safe: out_file_close() does everything that can fail on
 * a full disk (for standard output: flush and check it); out_file_place()
 * then renames the file into place. After a failed close, call abort. */
int out_file_close(out_file *o, err *e);
int out_file_place(out_file *o, err *e);
/* Closes and removes the temporary file; the target is left as it was. */
void out_file_abort(out_file *o);

typedef struct out_dir {
    char *path; /* the target folder, owned */
    char *temp; /* the folder being built beside it, owned */
} out_dir;

/* Checks the folder `path` against `g` and creates the temporary folder to
 * build the site in (out_dir_target). */
int out_dir_open(out_dir *d, const char *path, const out_guard *g, err *e);
const char *out_dir_target(const out_dir *d);
/* Marks the built folder as a site, swaps it with the target (atomically where
 * the system can) and removes the old one. */
int out_dir_commit(out_dir *d, err *e);
/* Removes the temporary folder; the target is left as it was. */
void out_dir_abort(out_dir *d);

/* Creates a file inside a folder being built: new (never through an existing
 * name or symlink). NULL with `e` set naming the path. */
FILE *out_create(const char *path, err *e);
/* Flushes, syncs and closes a file from out_create(); reports any write error
 * seen on it (a full disk) naming the path. */
int out_close(FILE *f, const char *path, err *e);

/* The name of the marker file a published site carries. */
#define OUT_SITE_MARKER ".scorecard-site"

#endif
