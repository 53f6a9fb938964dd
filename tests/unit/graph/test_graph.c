/* Unit tests of the graph model: interning, repair, dedup and order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "graph/graph.h"

static void test_free_null(void **state)
{
    (void)state;
    bayan_graph_free(NULL);
    bayan_engine_free(NULL);
}

static void test_dedup(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    assert_non_null(g);
    for (int i = 0; i < 3; i++)
        assert_int_equal(graph_add_iri(g, NULL, "http://e/a", "http://e/p",
                                       "http://e/b"), BAYAN_OK);
    assert_int_equal(bayan_graph_size(g), 1);
    /* The same triple in a named graph is another quad. */
    assert_int_equal(graph_add_iri(g, "http://e/g", "http://e/a",
                                   "http://e/p", "http://e/b"), BAYAN_OK);
    assert_int_equal(bayan_graph_size(g), 2);
    /* Literals differ by datatype and language. */
    assert_int_equal(graph_add_literal(g, NULL, "http://e/a", "http://e/q",
                                       "1", NULL, NULL), BAYAN_OK);
    assert_int_equal(graph_add_literal(g, NULL, "http://e/a", "http://e/q",
                                       "1", "http://e/int", NULL), BAYAN_OK);
    assert_int_equal(graph_add_literal(g, NULL, "http://e/a", "http://e/q",
                                       "1", NULL, "ar"), BAYAN_OK);
    assert_int_equal(graph_add_literal(g, NULL, "http://e/a", "http://e/q",
                                       "1", NULL, "AR"), BAYAN_OK);
    assert_int_equal(bayan_graph_size(g), 5);
    bayan_graph_free(g);
}

static void test_repair(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    term_id id;
    assert_int_equal(graph_iri(g, "http://e/a b<c>\"{|}^`\\", &id), BAYAN_OK);
    assert_string_equal(graph_term(g, id)->value,
                        "http://e/a%20b%3Cc%3E%22%7B%7C%7D%5E%60%5C");
    /* A stray '%' and a second '#' are encoded; a real escape is kept. */
    assert_int_equal(graph_iri(g, "http://e/50%-off%2F#a#char=0,1", &id),
                     BAYAN_OK);
    assert_string_equal(graph_term(g, id)->value,
                        "http://e/50%25-off%2F#a%23char=0,1");
    assert_int_equal(graph_iri(g, "relative/path", &id), BAYAN_ERR_ARGUMENT);
    assert_int_equal(graph_iri(g, "", &id), BAYAN_ERR_ARGUMENT);
    assert_int_equal(graph_literal(g, "x", NULL, "not a tag", &id),
                     BAYAN_ERR_ARGUMENT);
    assert_int_equal(graph_literal(g, "x", NULL, "en-GB", &id), BAYAN_OK);
    assert_string_equal(graph_term(g, id)->lang, "en-gb");
    assert_int_equal(graph_literal(g, "a\xff\xfe" "b", NULL, NULL, &id),
                     BAYAN_OK);
    assert_string_equal(graph_term(g, id)->value,
                        "a\xef\xbf\xbd\xef\xbf\xbd" "b");
    bayan_graph_free(g);
}

/* Two graphs filled in opposite orders sort to the same sequence. */
static void test_order_independent(void **state)
{
    (void)state;
    const char *objs[] = {"http://e/z", "http://e/a", "http://e/m",
                          "http://e/b"};
    bayan_graph *g1 = bayan_graph_new(), *g2 = bayan_graph_new();
    for (int i = 0; i < 4; i++) {
        graph_add_iri(g1, NULL, "http://e/s", "http://e/p", objs[i]);
        graph_add_iri(g2, NULL, "http://e/s", "http://e/p", objs[3 - i]);
    }
    quad *q1, *q2;
    size_t n1, n2;
    assert_int_equal(graph_sorted_quads(g1, &q1, &n1), BAYAN_OK);
    assert_int_equal(graph_sorted_quads(g2, &q2, &n2), BAYAN_OK);
    assert_int_equal(n1, 4);
    assert_int_equal(n2, 4);
    for (size_t i = 0; i < n1; i++)
        assert_string_equal(graph_term(g1, q1[i].o)->value,
                            graph_term(g2, q2[i].o)->value);
    assert_string_equal(graph_term(g1, q1[0].o)->value, "http://e/a");
    free(q1);
    free(q2);
    bayan_graph_free(g1);
    bayan_graph_free(g2);
}

static void test_merge(void **state)
{
    (void)state;
    bayan_graph *a = bayan_graph_new(), *b = bayan_graph_new();
    graph_add_iri(a, NULL, "http://e/s", "http://e/p", "http://e/o");
    graph_add_literal(b, "http://e/g", "http://e/s", "http://e/p", "v", NULL,
                      "ar");
    graph_add_iri(b, NULL, "http://e/s", "http://e/p", "http://e/o");
    assert_int_equal(graph_merge(a, b), BAYAN_OK);
    assert_int_equal(bayan_graph_size(a), 2);
    bayan_graph_free(a);
    bayan_graph_free(b);
}

/* Many terms force the tables to grow several times. */
static void test_growth(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    char iri[64];
    for (int i = 0; i < 20000; i++) {
        snprintf(iri, sizeof iri, "http://e/n%d", i);
        assert_int_equal(graph_add_iri(g, NULL, iri, "http://e/p", iri),
                         BAYAN_OK);
    }
    assert_int_equal(bayan_graph_size(g), 20000);
    assert_true(graph_find_iri(g, "http://e/n19999") != 0);
    assert_true(graph_find_iri(g, "http://e/n20000") == 0);
    bayan_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_null),
        cmocka_unit_test(test_dedup),
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_order_independent),
        cmocka_unit_test(test_merge),
        cmocka_unit_test(test_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
