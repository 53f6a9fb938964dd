/* Property tests of the text layer on generated input: whatever the bytes,
 * decoding never crashes, and when it succeeds the matching form's map is
 * monotone and inside the original, and every span is well formed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/text.h"

/* A small deterministic generator (xorshift), so failures reproduce. */
static uint32_t next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* Pieces that stress the debris and entity rules and the decoder. */
static const char *const PIECES[] = {"روما",
                                     "العِرَاقُ",
                                     " ",
                                     "\n",
                                     "\r\n",
                                     "\r",
                                     "&",
                                     "#",
                                     "&#x200d;",
                                     "#x200d;",
                                     "&amp;",
                                     "&amp;nbsp;",
                                     "&nbsp",
                                     "&#",
                                     "#x",
                                     "&#8205;",
                                     "\xe2\x80\x8d",
                                     "\xe2\x81\xa7",
                                     "\xd9\x80",
                                     "\xd9\x8b",
                                     "\xef\xbb\xbb",
                                     "\xd9\xa3",
                                     "\xdb\xb4",
                                     "\xd8\x8c",
                                     "\xef\xbf\xbd",
                                     "e\xcc\x81",
                                     "\xcc\x81",
                                     "\xff",
                                     "\xd8",
                                     "\x00",
                                     "<p>",
                                     "<html>",
                                     ".",
                                     "؟",
                                     "A",
                                     "\xef\xb7\xba",
                                     "\xf0\x9f\x98\x80",
                                     "\xe2\x80\xa8"};

static size_t make_input(uint32_t *seed, char *buf, size_t cap)
{
    size_t n = 0;
    size_t pieces = next(seed) % 60;
    for (size_t i = 0; i < pieces; i++) {
        const char *p = PIECES[next(seed) % (sizeof PIECES / sizeof *PIECES)];
        size_t k = *p ? strlen(p) : 1; /* "\x00" is one NUL byte */
        if (n + k > cap)
            break;
        memcpy(buf + n, p, k);
        n += k;
    }
    return n;
}

static void check_analysis(const text_doc *doc, const text_analysis *a)
{
    assert_int_equal(a->orig[a->match_len], doc->cp_length);
    assert_int_equal(strlen(a->match), a->match_len);
    for (size_t i = 0; i < a->match_len; i++) {
        assert_true(a->orig[i] < a->orig_end[i]);
        assert_true(a->orig_end[i] <= doc->cp_length);
        if (i > 0)
            assert_true(a->orig[i] >= a->orig[i - 1]);
    }
    const text_span *lists[2] = {a->tokens, a->sentences};
    size_t counts[2] = {a->token_count, a->sentence_count};
    for (int l = 0; l < 2; l++) {
        for (size_t i = 0; i < counts[l]; i++) {
            const text_span *s = &lists[l][i];
            assert_true(s->match_begin < s->match_end);
            assert_true(s->match_end <= a->match_len);
            assert_true(s->begin < s->end);
            assert_true(s->end <= doc->cp_length);
        }
    }
}

static void test_generated_inputs(void **state)
{
    (void)state;
    uint32_t seed = 0x9e3779b9u;
    char buf[1024];
    int decoded = 0;
    for (int round = 0; round < 3000; round++) {
        size_t n = make_input(&seed, buf, sizeof buf);
        text_options e = {NULL, round % 2 == 1, NULL};
        text_doc doc;
        bayan_status st =
            text_decode(&e, round % 3 ? "f.txt" : "f.html", buf, n, &doc);
        if (e.lenient)
            assert_int_equal(st, BAYAN_OK);
        if (st != BAYAN_OK) {
            assert_null(doc.text);
            continue;
        }
        decoded++;
        text_analysis a;
        assert_int_equal(text_analyze(&doc, &a), BAYAN_OK);
        check_analysis(&doc, &a);
        text_analysis_clear(&a);
        text_doc_clear(&doc);
    }
    assert_true(decoded > 1500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
