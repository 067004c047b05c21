/*
 * grow.h - the one way the engine grows an array in memory.
 *
 * Arrays double, starting from a size the caller picks, and the byte count is
 * checked against SIZE_MAX, so a huge input is "out of memory", never a short
 * buffer. The caller keeps the pointer and the capacity; on failure both are
 * unchanged and the old array is still valid (and still the caller's).
 */
#ifndef SCORECARD_GROW_H
#define SCORECARD_GROW_H

#include <stddef.h>

/* Makes room for at least `need` items of `size` bytes in *items (capacity
 * *cap, counted in items; a fresh array starts at `first`). Returns 0, or -1
 * when memory or size_t runs out. `items` is the address of the caller's
 * pointer, of any object type. */
int grow_to(void *items, size_t *cap, size_t need, size_t size, size_t first);

/* grow_to, with the check that there is room already inline: the CSV reader
 * calls it for every byte, and nearly always there is. */
static inline int grow(void *items, size_t *cap, size_t need, size_t size, size_t first)
{
    return need <= *cap ? 0 : grow_to(items, cap, need, size, first);
}

#endif
