/* Unit tests of the spool's blocks (graph/spool_codec.c) and of articles
 * merged through the spool: a block comes back with the same terms and
 * its quads in sorted order, a cut block is refused, and an article
 * encoded ahead of its merge (graph_spool_prepare), read once or twice,
 * exports the quads a graph without a spool holds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/membuf.h"
#include "graph/graph_impl.h"

#define A "http://e/article/1"
#define XSD_INT "http://www.w3.org/2001/XMLSchema#integer"

/* An article's graph: its own quads, its phrases', an entity's, in an
 * order that is not the sorted one. */
static bayan_graph *article_graph(const char *extra_label)
{
    bayan_graph *g = bayan_graph_new();
    assert_non_null(g);
    assert_int_equal(graph_add_literal(g, NULL, A "#char=9,12", "http://e/a",
                                       "z", NULL, "ar"), BAYAN_OK);
    assert_int_equal(graph_add_iri(g, "http://e/g", A "#char=0,5",
                                   "http://e/ref", "http://e/city/x"),
                     BAYAN_OK);
    assert_int_equal(graph_add_literal(g, NULL, A "#char=0,5", "http://e/b",
                                       "7", XSD_INT, NULL), BAYAN_OK);
    assert_int_equal(graph_add_iri(g, NULL, A, "http://e/mentions",
                                   "http://e/city/x"), BAYAN_OK);
    assert_int_equal(graph_add_literal(g, NULL, "http://e/city/x",
                                       "http://e/label", extra_label, NULL,
                                       "en"), BAYAN_OK);
    assert_int_equal(graph_add_literal(g, NULL, A "#char=9,12", "http://e/a",
                                       extra_label, NULL, NULL), BAYAN_OK);
    assert_int_equal(graph_add_literal(g, NULL, A "#char=0,5", "http://e/a",
                                       "y", NULL, NULL), BAYAN_OK);
    return g;
}

static void assert_same_term(const term *x, const term *y)
{
    assert_int_equal(x->kind, y->kind);
    assert_string_equal(x->value, y->value);
    assert_int_equal(x->length, y->length);
    assert_int_equal(x->datatype == NULL, y->datatype == NULL);
    if (x->datatype)
        assert_string_equal(x->datatype, y->datatype);
    assert_int_equal(x->lang == NULL, y->lang == NULL);
    if (x->lang)
        assert_string_equal(x->lang, y->lang);
}

static void test_round_trip_sorted(void **state)
{
    (void)state;
    bayan_graph *g = article_graph("X");
    membuf b = {NULL, 0, 0};
    size_t count;
    assert_int_equal(spool_encode(&b, g, NULL, &count), BAYAN_OK);
    assert_int_equal(count, bayan_graph_size(g));
    bayan_graph *back = bayan_graph_new();
    assert_int_equal(spool_decode_sorted(b.data, b.length, back), BAYAN_OK);
    quad *sorted;
    size_t n, m;
    assert_int_equal(graph_sorted_quads(g, &sorted, &n), BAYAN_OK);
    const quad *q = graph_quads(back, &m);
    assert_int_equal(m, n);
    for (size_t i = 0; i < n; i++) {
        assert_same_term(graph_term(back, q[i].s), graph_term(g, sorted[i].s));
        assert_same_term(graph_term(back, q[i].p), graph_term(g, sorted[i].p));
        assert_same_term(graph_term(back, q[i].o), graph_term(g, sorted[i].o));
        assert_int_equal(q[i].g == 0, sorted[i].g == 0);
        if (q[i].g)
            assert_same_term(graph_term(back, q[i].g),
                             graph_term(g, sorted[i].g));
    }
    /* Decoded to grow, the same quads come back, and more can be added. */
    bayan_graph *grown = bayan_graph_new();
    assert_int_equal(spool_decode(b.data, b.length, grown), BAYAN_OK);
    assert_int_equal(bayan_graph_size(grown), n);
    assert_int_equal(graph_add_iri(grown, NULL, A, "http://e/mentions",
                                   "http://e/city/x"), BAYAN_OK);
    assert_int_equal(bayan_graph_size(grown), n);
    free(sorted);
    free(b.data);
    bayan_graph_free(grown);
    bayan_graph_free(back);
    bayan_graph_free(g);
}

/* With a prefix, only the quads of the subjects under it, and only the
 * terms they name. */
static void test_prefix_only(void **state)
{
    (void)state;
    bayan_graph *g = article_graph("X");
    membuf b = {NULL, 0, 0};
    size_t count;
    assert_int_equal(spool_encode(&b, g, A "#", &count), BAYAN_OK);
    assert_int_equal(count, 5);
    bayan_graph *back = bayan_graph_new();
    assert_int_equal(spool_decode_sorted(b.data, b.length, back), BAYAN_OK);
    size_t n;
    const quad *q = graph_quads(back, &n);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++)
        assert_memory_equal(graph_term(back, q[i].s)->value, A "#",
                            sizeof A "#" - 1);
    for (size_t t = 1; t < graph_term_count(back); t++)
        assert_string_not_equal(graph_term(back, (term_id)t)->value,
                                "http://e/mentions");
    free(b.data);
    bayan_graph_free(back);
    bayan_graph_free(g);
}

static void test_cut_block_refused(void **state)
{
    (void)state;
    bayan_graph *g = article_graph("X");
    membuf b = {NULL, 0, 0};
    size_t count;
    assert_int_equal(spool_encode(&b, g, NULL, &count), BAYAN_OK);
    assert_int_equal(count, bayan_graph_size(g));
    for (size_t len = 0; len < b.length; len++) {
        bayan_graph *back = bayan_graph_new();
        assert_int_equal(spool_decode_sorted(b.data, len, back),
                         BAYAN_ERR_INTERNAL);
        bayan_graph_free(back);
        back = bayan_graph_new();
        assert_int_equal(spool_decode(b.data, len, back), BAYAN_ERR_INTERNAL);
        bayan_graph_free(back);
    }
    free(b.data);
    bayan_graph_free(g);
}

/* Every quad graph_visit_sorted gives, one line each, into out. */
static bayan_status print_quad(void *user, const bayan_graph *g,
                               const quad *q)
{
    if (!q)
        return BAYAN_OK;
    const term *o = graph_term(g, q->o);
    char line[512];
    int n = snprintf(line, sizeof line, "%s %s %s %s %s %s\n",
                     graph_term(g, q->s)->value, graph_term(g, q->p)->value,
                     o->value, o->datatype ? o->datatype : "-",
                     o->lang ? o->lang : "-",
                     q->g ? graph_term(g, q->g)->value : "-");
    assert_true(n > 0 && (size_t)n < sizeof line);
    assert_true(membuf_write(user, line, (size_t)n));
    return BAYAN_OK;
}

static char *visit_all(const bayan_graph *g)
{
    membuf text = {NULL, 0, 0};
    assert_int_equal(graph_visit_sorted(g, print_quad, &text), BAYAN_OK);
    assert_true(membuf_write(&text, "", 1));
    return text.data;
}

/* The same article read three times (the second time with quads more,
 * the third as the first), merged with and without a block encoded
 * ahead: what a graph that does not spool holds. */
static void test_prepared_merge(void **state)
{
    (void)state;
    bayan_graph *reads[3] = {article_graph("X"), article_graph("Y"),
                             article_graph("X")};
    bayan_graph *plain = bayan_graph_new();
    bayan_graph *spooled[2] = {bayan_graph_new(), bayan_graph_new()};
    for (int k = 0; k < 2; k++)
        assert_int_equal(bayan_graph_spool(spooled[k]), BAYAN_OK);
    for (int r = 0; r < 3; r++) {
        assert_int_equal(graph_merge(plain, reads[r]), BAYAN_OK);
        graph_spooled *ready;
        assert_int_equal(graph_spool_prepare(reads[r], A, &ready), BAYAN_OK);
        assert_int_equal(graph_merge_article(spooled[0], reads[r], A, ready),
                         BAYAN_OK);
        graph_spooled_free(ready);
        assert_int_equal(graph_merge_article(spooled[1], reads[r], A, NULL),
                         BAYAN_OK);
    }
    char *want = visit_all(plain);
    for (int k = 0; k < 2; k++) {
        assert_int_equal(bayan_graph_size(spooled[k]), bayan_graph_size(plain));
        char *got = visit_all(spooled[k]);
        assert_string_equal(got, want);
        free(got);
        bayan_graph_free(spooled[k]);
    }
    free(want);
    bayan_graph_free(plain);
    for (int r = 0; r < 3; r++)
        bayan_graph_free(reads[r]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_sorted),
        cmocka_unit_test(test_prefix_only),
        cmocka_unit_test(test_cut_block_refused),
        cmocka_unit_test(test_prepared_merge),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
