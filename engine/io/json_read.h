/* json_read.h - parsing JSON that comes from outside (data files, mapping
 * files): cJSON, plus what cJSON does not check. The text must be UTF-8, no
 * string may hold a NUL (cJSON would cut it there without a word), and no
 * object may repeat a key: cJSON keeps the first, Python and JavaScript the
 * last, so a file with both would mean different things to different tools.
 * Errors name the file, and the line or the key. */
#ifndef SCORECARD_JSON_READ_H
#define SCORECARD_JSON_READ_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "error.h"

/* A new tree (the caller frees it with cJSON_Delete) or NULL with `e` set. */
cJSON *json_read(const char *text, size_t len, const char *name, err *e);

#endif
