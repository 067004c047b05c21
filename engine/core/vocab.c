/* vocab.c - the engine's words; see vocab.h. */
#include "vocab.h"

#include <stddef.h>
#include <string.h>

static const char *const COLOUR_NAMES[VOCAB_NCOLOURS] = {"grey", "green", "amber", "red"};

const char *vocab_colour_name(vocab_colour c)
{
    return (unsigned)c < VOCAB_NCOLOURS ? COLOUR_NAMES[c] : "grey";
}

int vocab_colour_parse(const char *name, vocab_colour *c)
{
    for (int i = 0; name && i < VOCAB_NCOLOURS; i++)
        if (!strcmp(name, COLOUR_NAMES[i])) {
            *c = (vocab_colour)i;
            return 0;
        }
    return -1;
}

const char *polarity_name(polarity p)
{
    return p == POL_HIGHER ? "higher" : p == POL_LOWER ? "lower" : "none";
}

static const struct {
    const char *word;
    polarity p;
} POLARITY_WORDS[] = {{"higher", POL_HIGHER},           {"high", POL_HIGHER},  {"high_good", POL_HIGHER},
                      {"higher_is_better", POL_HIGHER}, {"lower", POL_LOWER},  {"low", POL_LOWER},
                      {"low_good", POL_LOWER},          {"lower_is_better", POL_LOWER}, {"none", POL_NONE},
                      {"no_judgement", POL_NONE},       {"neutral", POL_NONE}};
enum { NPOLARITY_WORDS = sizeof POLARITY_WORDS / sizeof *POLARITY_WORDS };

int polarity_parse(const char *word, polarity *p)
{
    for (size_t i = 0; word && i < NPOLARITY_WORDS; i++)
        if (!strcmp(word, POLARITY_WORDS[i].word)) {
            *p = POLARITY_WORDS[i].p;
            return 0;
        }
    return -1;
}

const char *polarity_nearest(const char *word)
{
    const char *words[NPOLARITY_WORDS];
    for (size_t i = 0; i < NPOLARITY_WORDS; i++)
        words[i] = POLARITY_WORDS[i].word;
    return vocab_nearest(word, words, NPOLARITY_WORDS);
}

/* by vocab_status; STATUS_NONE has no word */
static const char *const STATUS_NAMES[] = {NULL,           "not_reported",      "missing",      "suppressed",
                                           "unreliable",   "not_comparable",    "insufficient_data",
                                           "not_compared", "not_applicable",    "no_target",
                                           "stale_target", "not_available"};
#define NSTATUS (sizeof STATUS_NAMES / sizeof *STATUS_NAMES)

const char *vocab_status_name(vocab_status s)
{
    return (unsigned)s < NSTATUS ? STATUS_NAMES[s] : NULL;
}

int vocab_status_parse(const char *name, vocab_status *s)
{
    for (size_t i = 1; name && i < NSTATUS; i++)
        if (!strcmp(name, STATUS_NAMES[i])) {
            *s = (vocab_status)i;
            return 0;
        }
    return -1;
}

const char *vocab_status_nearest(const char *word)
{
    return vocab_nearest(word, STATUS_NAMES + 1, (int)NSTATUS - 1);
}

/* Optimal string alignment distance (edits: insert, delete, substitute,
 * swap two neighbours), giving up past `cap`. Words are identifiers: short. */
static int distance(const char *a, const char *b, int cap)
{
    enum { MAXLEN = 64 };
    size_t n = strlen(a), m = strlen(b);
    if (n >= MAXLEN || m >= MAXLEN)
        return cap + 1;
    int d[MAXLEN + 1][MAXLEN + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[n][m];
}

const char *vocab_nearest(const char *word, const char *const *candidates, int n)
{
    if (!word || !*word)
        return NULL;
    /* one slip in a short word, two in a longer one: "lvl" is not "level" */
    int cap = strlen(word) <= 4 ? 1 : 2;
    const char *best = NULL;
    int best_d = cap + 1;
    for (int i = 0; i < n; i++) {
        int d = distance(word, candidates[i], cap);
        if (d < best_d && strcmp(word, candidates[i])) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

static const char *const COMPARATOR_NAMES[] = {"none", "area", "target", "baseline", "value"};

const char *vocab_comparator_name(vocab_comparator k)
{
    return (unsigned)k < sizeof COMPARATOR_NAMES / sizeof *COMPARATOR_NAMES ? COMPARATOR_NAMES[k] : "none";
}

int vocab_comparator_parse(const char *name, vocab_comparator *k)
{
    for (int i = CMP_AREA; name && i <= CMP_VALUE; i++)
        if (!strcmp(name, COMPARATOR_NAMES[i])) {
            *k = (vocab_comparator)i;
            return 0;
        }
    return -1;
}

/* Assessments (Making Data Count's variation and assurance, targets) and statuses
 * whose word is not plain English once its underscores are spaces. */
static const struct {
    const char *word, *shown;
} WORDS[] = {
    {"improvement_high", "improvement (high)"},
    {"improvement_low", "improvement (low)"},
    {"concern_high", "concern (high)"},
    {"concern_low", "concern (low)"},
    {"neutral_high", "neither improvement nor concern (high)"},
    {"neutral_low", "neither improvement nor concern (low)"},
    {"common_cause", "common cause"},
    {"consistent_pass", "consistently passing"},
    {"consistent_fail", "consistently failing"},
};

const char *vocab_words(const char *word)
{
    for (size_t k = 0; word && k < sizeof WORDS / sizeof *WORDS; k++)
        if (!strcmp(word, WORDS[k].word))
            return WORDS[k].shown;
    return NULL;
}
