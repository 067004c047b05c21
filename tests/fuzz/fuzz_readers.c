/* fuzz_readers.c - libFuzzer harness: the JSON, JSON-stat and CSV readers on
 * arbitrary bytes, with a sink that reads every field of every row. The first
 * byte picks the reader so one corpus serves all three. */
#include <stdio.h>
#include <string.h>

#include "reader.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int touch(void *ctx, const obs_text *row, err *e)
{
    (void)e;
    size_t *total = ctx;
    for (int f = 0; f < OBS_NFIELDS; f++) {
        if (row->field[f])
            *total += strlen(row->field[f]);
        if (row->column[f])
            *total += strlen(row->column[f]);
    }
    if (row->where)
        *total += strlen(row->where);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1)
        return 0;
    int which = data[0] % 3;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    mapping m;
    mapping_init(&m);
    err e = {0};
    size_t total = 0;
    if (which == 0) {
        int more;
        reader_json(text, len, "fuzz.json", &m, touch, &total, &more, &e);
    } else if (which == 1) {
        reader_jsonstat(text, len, "fuzz.json", &m, touch, &total, &e);
    } else {
        FILE *f = fmemopen((void *)text, len ? len : 1, "r");
        if (f) {
            reader_csv(f, "fuzz.csv", &m, touch, &total, &e);
            fclose(f);
        }
    }
    mapping_release(&m);
    return 0;
}
