/* grow.c - see grow.h. */
#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int grow_to(void *items, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : (first ? first : 1);
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return -1;
        n *= 2;
    }
    if (size && n > SIZE_MAX / size)
        return -1;
    void *old;
    memcpy(&old, items, sizeof old); /* the caller's pointer, whatever its type */
    void *grown = realloc(old, n * size);
    if (!grown)
        return -1;
    memcpy(items, &grown, sizeof grown);
    *cap = n;
    return 0;
}
