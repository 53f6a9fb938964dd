/* Unit tests of the token trie: the sequences put in are found with their
 * values, anything else is not, however the tokens are cut into pieces and
 * however large the trie grows (its tables are rebuilt as it grows). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon/trie.h"

static trie_piece piece(const char *s)
{
    return (trie_piece){s, strlen(s)};
}

static const trie_piece NONE = {"", 0};

/* Puts the sequence words[0..n) in t with value v. */
static void put(token_trie *t, const char *const *words, size_t n, uint32_t v)
{
    trie_node node = TRIE_ROOT;
    for (size_t i = 0; i < n; i++) {
        trie_token_id id;
        assert_int_equal(trie_intern(t, piece(words[i]), NONE, &id),
                         BAYAN_OK);
        assert_int_equal(trie_grow(t, node, id, &node), BAYAN_OK);
    }
    trie_set_value(t, node, v);
}

/* The node the sequence words[0..n) leads to, or TRIE_DEAD. */
static trie_node walk(const token_trie *t, const char *const *words, size_t n)
{
    trie_node node = TRIE_ROOT;
    for (size_t i = 0; i < n; i++)
        node = trie_step(t, node, trie_token(t, piece(words[i]), NONE));
    return node;
}

static void test_sequences_and_misses(void **state)
{
    (void)state;
    token_trie *t = trie_new();
    assert_non_null(t);
    const char *league[] = {"جامعة", " الدول", " العربية"};
    const char *bank[] = {"البنك", " الدولي"};
    put(t, league, 3, 7);
    put(t, bank, 2, 9);
    assert_int_equal(trie_value(t, walk(t, league, 3)), 7);
    assert_int_equal(trie_value(t, walk(t, bank, 2)), 9);
    /* a prefix is a node without a value */
    trie_node mid = walk(t, league, 2);
    assert_int_not_equal(mid, TRIE_DEAD);
    assert_int_equal(trie_value(t, mid), 0);
    /* a known token where no edge leads, an unknown token, a dead walk */
    const char *wrong[] = {"البنك", " العربية"};
    assert_int_equal(walk(t, wrong, 2), TRIE_DEAD);
    const char *unknown[] = {"منظمة"};
    assert_int_equal(trie_token(t, piece("منظمة"), NONE), TRIE_NO_TOKEN);
    assert_int_equal(walk(t, unknown, 1), TRIE_DEAD);
    assert_int_equal(trie_step(t, TRIE_DEAD, 0), TRIE_DEAD);
    /* a second token reached only deeper is no root child */
    trie_token_id deep = trie_token(t, piece(" الدولي"), NONE);
    assert_int_not_equal(deep, TRIE_NO_TOKEN);
    assert_int_equal(trie_step(t, TRIE_ROOT, deep), TRIE_DEAD);
    assert_int_equal(trie_value(t, TRIE_DEAD), 0);
    trie_free(t);
}

/* A token is the concatenation of its pieces, wherever the cut falls. */
static void test_pieces_are_one_token(void **state)
{
    (void)state;
    token_trie *t = trie_new();
    assert_non_null(t);
    trie_token_id whole, cut;
    assert_int_equal(trie_intern(t, piece("الأمم"), NONE, &whole), BAYAN_OK);
    assert_int_equal(trie_intern(t, piece("ال"), piece("أمم"), &cut),
                     BAYAN_OK);
    assert_int_equal(whole, cut);
    assert_int_equal(trie_token_count(t), 1);
    assert_int_equal(trie_token(t, NONE, piece("الأمم")), whole);
    assert_int_equal(trie_token(t, piece("الأ"), piece("مم")), whole);
    assert_int_equal(trie_token(t, piece("ال"), piece("أم")), TRIE_NO_TOKEN);
    trie_free(t);
}

/* Many sequences, so that the token and edge tables are rebuilt several
 * times: every one is still found with its value, and only they are. */
static void test_growth_keeps_everything(void **state)
{
    (void)state;
    token_trie *t = trie_new();
    assert_non_null(t);
    enum { N = 6000 };
    char a[N][16], b[N][16];
    for (size_t i = 0; i < N; i++) {
        snprintf(a[i], sizeof a[i], "w%zu", i % 1500);
        snprintf(b[i], sizeof b[i], " x%zu", i);
        const char *seq[] = {a[i], b[i]};
        put(t, seq, 2, (uint32_t)i + 1);
    }
    assert_int_equal(trie_token_count(t), 1500 + N);
    assert_int_equal(trie_node_count(t), 1 + 1500 + N);
    for (size_t i = 0; i < N; i++) {
        const char *seq[] = {a[i], b[i]};
        assert_int_equal(trie_value(t, walk(t, seq, 2)), (uint32_t)i + 1);
        const char *swapped[] = {b[i], a[i]};
        assert_int_equal(walk(t, swapped, 2), TRIE_DEAD);
    }
    trie_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sequences_and_misses),
        cmocka_unit_test(test_pieces_are_one_token),
        cmocka_unit_test(test_growth_keeps_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
