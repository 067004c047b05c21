/*
 * json_fields.h - the two field writers every JSON report uses: a number that
 * is NaN, or a string that is NULL, is written as JSON null, never left out,
 * so a reader finds the same keys in every object; and how a document is written.
 */
#ifndef SCORECARD_JSON_FIELDS_H
#define SCORECARD_JSON_FIELDS_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "error.h"

void json_add_number(cJSON *o, const char *key, double v);
void json_add_string(cJSON *o, const char *key, const char *v);
/* Writes `root` indented, with a final newline, and frees it: 0, ERR_NOMEM or ERR_IO. */
int json_write(FILE *out, cJSON *root, err *e);

#endif
