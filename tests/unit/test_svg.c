/*
 * test_svg.c - the time axis of the SPC chart (svg_axis_pick): for many
 * series lengths, plot widths and label lengths, no two chosen labels
 * overlap or come closer than the gap, the last period is always shown, the
 * first whenever it fits beside the last, and every period when all fit;
 * and a rebased chart's limits drawn as steps. Needs no reference data.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "svg.h"

#define FONT 11.0
#define GAP 8.0
#define MAXN 400

static const char *const LABELS[] = {"2023", "May 2023", "2023/24", "Q1 2023/24", "September 2023", "a long label of twenty"};

/* Checks one axis: n points evenly over `width` px, every label `label`. */
static void check_axis(size_t n, double width, const char *label)
{
    double x[MAXN];
    const char *labels[MAXN];
    unsigned char keep[MAXN];
    for (size_t i = 0; i < n; i++) {
        x[i] = n > 1 ? width * (double)i / (double)(n - 1) : width / 2;
        labels[i] = label;
    }
    size_t kept = svg_axis_pick(x, labels, n, FONT, GAP, keep);
    double w = svg_label_width(label, FONT);
    size_t counted = 0, prev = n;
    int overlap = 0;
    for (size_t i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        counted++;
        if (prev != n && x[i] - x[prev] < w + GAP - 1e-9)
            overlap = 1;
        prev = i;
    }
    CHECK(counted == kept);
    CHECK(!overlap);
    CHECK(keep[n - 1]);
    if (n > 1 && x[n - 1] - x[0] >= w + GAP)
        CHECK(keep[0]);
    int all_fit = n < 2 || width / (double)(n - 1) >= w + GAP;
    if (all_fit)
        CHECK(kept == n);
    else
        CHECK(kept >= 1);
}

/* Labels that differ in length and points without one. */
static void check_mixed(void)
{
    double x[6] = {0, 40, 80, 120, 160, 200};
    const char *labels[6] = {"January 2023", NULL, "Mar", "April 2023", NULL, "Jun"};
    unsigned char keep[6];
    size_t kept = svg_axis_pick(x, labels, 6, FONT, GAP, keep);
    CHECK(!keep[1] && !keep[4]);
    CHECK(keep[5] && keep[0]);
    size_t prev = 6, counted = 0;
    for (size_t i = 0; i < 6; i++) {
        if (!keep[i])
            continue;
        counted++;
        if (prev != 6)
            CHECK(x[i] - x[prev] >= (svg_label_width(labels[i], FONT) + svg_label_width(labels[prev], FONT)) / 2 + GAP);
        prev = i;
    }
    CHECK(counted == kept);
    CHECK(svg_axis_pick(x, NULL, 6, FONT, GAP, keep) == 0);
}

/* Limits that change at a rebase are a path with a riser, not a flat line. */
static void check_steps(void)
{
    double v[6] = {10, 12, 11, 20, 22, 21}, cl[6] = {11, 11, 11, 21, 21, 21};
    double lo[6] = {8, 8, 8, 18, 18, 18}, hi[6] = {14, 14, 14, 24, 24, 24};
    const char *labels[6] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun"};
    svg_spc c = {.values = v, .labels = labels, .n = 6, .mean = 21, .lpl = 18, .upl = 24, .target = NAN,
                 .cl = cl, .lpl_at = lo, .upl_at = hi, .label = "steps"};
    char *svg = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&svg, &len);
    CHECK(out != NULL);
    if (!out)
        return;
    CHECK(svg_spc_chart(out, &c, 680, 270) == 0);
    fclose(out);
    size_t paths = 0;
    for (const char *p = svg; (p = strstr(p, "<path fill=\"none\"")); p++)
        paths += strchr(p, 'V') && strchr(p, 'V') < strchr(p, '>');
    CHECK(paths == 3);
    CHECK_CONTAINS(svg, ">Jan</text>");
    free(svg);
}

int main(void)
{
    /* a label is 0.6 em a character, of at most 15 */
    CHECK(fabs(svg_label_width("May 2023", 10) - 48) < 1e-9);
    CHECK(fabs(svg_label_width("a label longer than fifteen", 10) - 90) < 1e-9);
    for (size_t l = 0; l < sizeof LABELS / sizeof *LABELS; l++)
        for (size_t n = 1; n <= MAXN; n += n < 40 ? 1 : 17)
            for (double width = 100; width <= 1200; width += 73)
                check_axis(n, width, LABELS[l]);
    check_mixed();
    check_steps();
    return check_report("test_svg");
}
