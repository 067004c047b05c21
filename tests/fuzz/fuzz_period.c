/* fuzz_period.c - libFuzzer harness: any label either parses to a sane period or
 * is refused with a message. */
#include <stdlib.h>
#include <string.h>

#include "period.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char label[256];
    if (size >= sizeof label)
        return 0;
    memcpy(label, data, size);
    label[size] = '\0';
    static const day_labels DAYS[] = {DAYS_ARE_DAYS, DAYS_ARE_WEEK_ENDING, DAYS_ARE_WEEK_STARTING};
    for (int k = 0; k < 12; k++) {
        period_convention c = {k & 1 ? QUARTERS_CALENDAR : QUARTERS_FY, k & 2 ? YEAR_PAIRS_POOLED : YEAR_PAIRS_FY,
                               DAYS[k / 4]};
        period p;
        err e = {0};
        if (period_parse(label, &c, &p, &e) == 0) {
            /* a parsed period is a real span of days (a week may reach six days past the years read) */
            if (p.start > p.end || p.units < 1 || p.start < 18991226 || p.end > 21030106)
                abort();
            /* a week within one month spans seven days */
            if (p.type == PERIOD_WEEK && p.start / 100 == p.end / 100 && p.end - p.start != 6)
                abort();
            char d[11];
            period_format_date(p.end, d);
        } else if (!strstr(e.msg, "is not a period notation")) {
            abort();
        }
    }
    return 0;
}
