/* strmap.c - open addressing with linear probing, kept at most half full. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    char *key; /* NULL when empty */
    int value;
} slot;

struct strmap {
    slot *slots;
    size_t cap; /* a power of two */
    size_t count;
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

strmap *strmap_new(void)
{
    strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 64;
    m->slots = calloc(m->cap, sizeof *m->slots);
    if (!m->slots) {
        free(m);
        return NULL;
    }
    return m;
}

void strmap_free(strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    free(m);
}

static slot *find(const strmap *m, const char *key)
{
    size_t i = (size_t)hash(key) & (m->cap - 1);
    while (m->slots[i].key && strcmp(m->slots[i].key, key))
        i = (i + 1) & (m->cap - 1);
    return &m->slots[i];
}

int strmap_get(const strmap *m, const char *key, int *value)
{
    slot *s = find(m, key);
    if (!s->key)
        return 0;
    *value = s->value;
    return 1;
}

static int grow(strmap *m)
{
    strmap bigger = {calloc(m->cap * 2, sizeof(slot)), m->cap * 2, m->count};
    if (!bigger.slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find(&bigger, m->slots[i].key) = m->slots[i];
    free(m->slots);
    *m = bigger;
    return 0;
}

int strmap_put(strmap *m, const char *key, int value)
{
    slot *s = find(m, key);
    if (s->key) {
        s->value = value;
        return 0;
    }
    if ((m->count + 1) * 2 > m->cap) {
        if (grow(m))
            return -1;
        s = find(m, key);
    }
    s->key = strdup(key);
    if (!s->key)
        return -1;
    s->value = value;
    m->count++;
    return 0;
}

size_t strmap_count(const strmap *m)
{
    return m->count;
}
