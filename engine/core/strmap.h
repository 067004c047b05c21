/* strmap.h - a string-keyed hash map from text to an int, for lookups on hot paths
 * (area codes and period labels during import). Keys are copied and owned by the map. */
#ifndef SCORECARD_STRMAP_H
#define SCORECARD_STRMAP_H

#include <stddef.h>

typedef struct strmap strmap;

strmap *strmap_new(void);
void strmap_free(strmap *m);
/* Returns 1 and sets *value when `key` is present, else 0. */
int strmap_get(const strmap *m, const char *key, int *value);
/* Adds or replaces; returns 0, or -1 when memory runs out. */
int strmap_put(strmap *m, const char *key, int value);
size_t strmap_count(const strmap *m);

#endif
