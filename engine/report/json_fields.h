/*
 * json_fields.h - the field writers every JSON report uses: a number that is
 * NaN, or a string that is NULL, is written as JSON null, never left out, so a
 * reader finds the same keys in every object; the framework's identity and an
 * indicator's, written alike in every report; and how a document is written.
 */
#ifndef SCORECARD_JSON_FIELDS_H
#define SCORECARD_JSON_FIELDS_H

#include <cjson/cJSON.h>
#include <stdio.h>

#include "error.h"
#include "result.h"

void json_add_number(cJSON *o, const char *key, double v);
void json_add_string(cJSON *o, const char *key, const char *v);
/* root.framework = {id, version, sha256, title, extends, scores}. */
void json_add_framework(cJSON *root, const framework *f);
/* An indicator's id, title, unit and polarity, and the colour and assessment of
 * its result x. */
void json_add_indicator_head(cJSON *o, const fw_indicator *fi, const res_indicator *x);
/* Writes `root` indented, with a final newline, and frees it: 0, ERR_NOMEM or ERR_IO. */
int json_write(FILE *out, cJSON *root, err *e);

#endif
