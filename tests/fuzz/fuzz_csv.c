/* fuzz_csv.c - libFuzzer harness: the CSV reader on arbitrary bytes must return
 * records or an error, never crash, hang or read out of bounds. */
#include <stdio.h>
#include <string.h>

#include "csv.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return 0;
    csv_reader *r = csv_new(f, "fuzz.csv");
    csv_record rec;
    err e = {0};
    size_t total = 0;
    while (r && csv_next(r, &rec, &e) > 0)
        for (size_t i = 0; i < rec.n; i++)
            total += strlen(rec.field[i]); /* touch every field */
    csv_free(r);
    fclose(f);
    return total == (size_t)-1;
}
