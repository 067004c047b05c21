/*
 * parts.h - a long layout's rows joined into whole observations.
 *
 * ASCOF's open data writes each figure of an observation on a row of its own:
 * the rows for one council, measure and disaggregation differ only in
 * `Measure Type` (Outcome, Numerator, Denominator, ...) and in `Measure
 * Value`. The joiner sits between a reader and its sink: it gathers the rows
 * that agree on every other mapped column (and on the parts' `by` columns), puts each row's value cell into the
 * field its part names (mapping.h, "parts") and hands the sink one row per
 * observation, each field with the line it came from, so a problem still
 * names the cell. The publisher writes an observation's parts on consecutive
 * rows; a part met again after other rows, or twice with different figures,
 * stops the import with both lines named, since joining it anyway could pair
 * figures that do not belong together.
 *
 * Ownership: the joiner copies what it keeps; the rows it hands on are valid
 * during the sink's call only, like a reader's.
 */
#ifndef SCORECARD_PARTS_H
#define SCORECARD_PARTS_H

#include "error.h"
#include "mapping.h"
#include "reader.h"

typedef struct parts_joiner parts_joiner;

/* A joiner for file `name` read by `m` (whose parts.column >= 0), passing whole
 * observations to sink(ctx, ...). NULL when out of memory. */
parts_joiner *parts_new(const mapping *m, const char *name, reader_sink sink, void *ctx);

/* The reader_sink to give the reader, with the joiner as its ctx. */
int parts_take(void *joiner, const obs_text *row, err *e);

/* Hands on the last observation; call once the reader has finished. */
int parts_finish(parts_joiner *j, err *e);

/* Rows taken, observations handed on, and observations left out because every
 * part they had is one the mapping ignores. */
long parts_rows(const parts_joiner *j);
long parts_joined(const parts_joiner *j);
long parts_left_out(const parts_joiner *j);

void parts_free(parts_joiner *j);

#endif
