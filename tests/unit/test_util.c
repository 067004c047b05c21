/* test_util.c - SHA-256 against FIPS 180-4 examples, the string map, UTF-8 and trimming, the vocabulary. */
#include <stdlib.h>

#include <stdint.h>

#include "check.h"
#include "grow.h"
#include "sha256.h"
#include "strmap.h"
#include "text.h"
#include "vocab.h"

static void digest(const char *s, size_t n, char out[65])
{
    sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, s, n);
    sha256_final_hex(&c, out);
}

static void test_sha256(void)
{
    char hex[65];
    digest("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    digest("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    digest(two, strlen(two), hex);
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char *million = malloc(1000000);
    memset(million, 'a', 1000000);
    sha256_ctx c; /* fed in uneven pieces, as a file read would be */
    sha256_init(&c);
    for (size_t off = 0; off < 1000000; off += 777)
        sha256_update(&c, million + off, off + 777 > 1000000 ? 1000000 - off : 777);
    sha256_final_hex(&c, hex);
    CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(million);
}

static void test_strmap(void)
{
    strmap *m = strmap_new();
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "S%08d", i);
        CHECK_INT(strmap_put(m, key, i), 0);
    }
    CHECK_INT(strmap_count(m), 5000);
    int v = -1, all = 1;
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "S%08d", i);
        all &= strmap_get(m, key, &v) && v == i;
    }
    CHECK(all);
    CHECK_INT(strmap_put(m, "S00000007", 70), 0);
    CHECK(strmap_get(m, "S00000007", &v) && v == 70);
    CHECK_INT(strmap_count(m), 5000);
    CHECK_INT(strmap_get(m, "absent", &v), 0);
    strmap_free(m);
}

static void test_text(void)
{
    CHECK_INT(text_utf8_check("Ynys M\xC3\xB4n", 9), -1);
    CHECK_INT(text_utf8_check("\xC5\xB5\xC5\xB7", 4), -1);         /* w and y circumflex */
    CHECK_INT(text_utf8_check("\xF0\x9F\x98\x80", 4), -1);         /* 4-byte sequence */
    CHECK_INT(text_utf8_check("ab\xC3", 3), 2);                    /* truncated */
    CHECK_INT(text_utf8_check("\xE0\x80\x80", 3), 0);              /* overlong */
    CHECK_INT(text_utf8_check("\xF4\x90\x80\x80", 4), 0);          /* beyond U+10FFFF */
    CHECK_INT(text_utf8_check("a\0b", 3), 1);                      /* NUL */
    char s[] = "  W11000023 \t";
    CHECK_STR(text_trim(s), "W11000023");
    char blank[] = "   ";
    CHECK_STR(text_trim(blank), "");
    CHECK(text_ieq("True", "true"));
    CHECK(!text_ieq("tru", "true"));
}

static void test_grow(void)
{
    int *a = NULL;
    size_t cap = 0;
    CHECK_INT(grow(&a, &cap, 1, sizeof *a, 16), 0);
    CHECK(a != NULL && cap == 16);
    for (int i = 0; i < 16; i++)
        a[i] = i;
    CHECK_INT(grow(&a, &cap, 16, sizeof *a, 16), 0); /* room already */
    CHECK_INT(cap, 16);
    CHECK_INT(grow(&a, &cap, 17, sizeof *a, 16), 0);
    CHECK_INT(cap, 32);
    CHECK(a[15] == 15); /* kept */
    CHECK_INT(grow(&a, &cap, 1000, sizeof *a, 16), 0);
    CHECK_INT(cap, 1024);
    int *before = a;
    /* a size that does not fit in size_t: refused, the array untouched */
    CHECK_INT(grow(&a, &cap, SIZE_MAX / 2, sizeof *a, 16), -1);
    CHECK(a == before && cap == 1024 && a[15] == 15);
    CHECK_INT(grow(&a, &cap, SIZE_MAX, 1, 16), -1);
    free(a);
}

/* Every status word reads back as its enum, and only those words do. */
static void test_vocab(void)
{
    int n = 0;
    for (int k = STATUS_NONE + 1; vocab_status_name((vocab_status)k); k++, n++) {
        vocab_status s = STATUS_NONE;
        CHECK_INT(vocab_status_parse(vocab_status_name((vocab_status)k), &s), 0);
        CHECK_INT((int)s, k);
    }
    CHECK_INT(n, STATUS_NOT_AVAILABLE);
    CHECK(vocab_status_name(STATUS_NONE) == NULL);
    vocab_status s = STATUS_MISSING;
    CHECK_INT(vocab_status_parse("green", &s), -1);
    CHECK_INT(vocab_status_parse(NULL, &s), -1);
    CHECK_INT(vocab_status_parse("", &s), -1);
    CHECK_INT((int)s, STATUS_MISSING);
    CHECK_STR(vocab_status_nearest("supressed"), "suppressed");
    CHECK_STR(vocab_status_nearest("no_targt"), "no_target");
    CHECK(vocab_status_nearest("colour") == NULL);
    vocab_colour c;
    CHECK_INT(vocab_colour_parse("amber", &c), 0);
    CHECK_INT((int)c, COLOUR_AMBER);
    CHECK_STR(polarity_nearest("highr"), "higher");
}

int main(void)
{
    test_vocab();
    test_grow();
    test_sha256();
    test_strmap();
    test_text();
    return check_report("test_util");
}
