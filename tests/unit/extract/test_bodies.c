/* Unit tests of bare bodies (src/extract/bodies.c): a ministry named
 * without its state is the ministry of the state the article speaks for:
 * its outlet's state, else the state it names most; inside a longer name
 * it is that name's. The sentences are made up for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine/engine.h"
#include "extract/extract.h"
#include "graph/graph.h"
#include "graph/vocab.h"
#include "text/text.h"

#define ORG(slug) BAYAN_DEFAULT_BASE "org/" slug

/* The graph extracted from one text (the engine is the group state). */
static bayan_graph *extract(bayan_engine *e, const char *text)
{
    text_doc doc;
    assert_int_equal(text_decode(&e->text, "t.txt", text, strlen(text), &doc),
                     BAYAN_OK);
    bayan_graph *g = bayan_graph_new();
    assert_non_null(g);
    article_ids ids = {0};
    assert_int_equal(article_add(&e->extract, "t.txt", &doc, g, &ids),
                     BAYAN_OK);
    assert_int_equal(extract_entities(&e->extract, &doc, &ids, g), BAYAN_OK);
    article_ids_clear(&ids);
    text_doc_clear(&doc);
    return g;
}

/* How many NIF phrases point at entity. */
static size_t phrases(const bayan_graph *g, const char *entity)
{
    size_t count, k = 0;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++)
        if (strcmp(graph_term(g, q[i].p)->value, P_ITS_IDENT_REF) == 0 &&
            strcmp(graph_term(g, q[i].o)->value, entity) == 0)
            k++;
    return k;
}

static void expect_phrases(bayan_engine *e, const char *text,
                           const char *entity, size_t want)
{
    bayan_graph *g = extract(e, text);
    size_t got = phrases(g, entity);
    if (got != want)
        print_error("text: %s\n%s: %zu phrases, want %zu\n", text, entity,
                    got, want);
    assert_int_equal(got, want);
    bayan_graph_free(g);
}

static void test_state_named_most(void **state)
{
    bayan_engine *e = *state;
    const char *text = "زار الوفد العراق يوم الأحد. وقالت وزارة الخارجية "
                       "في بيان إن العراق يرحب بالزيارة، وإن فرنسا شريك.";
    expect_phrases(e, text, ORG("mfa-iq"), 1);
    expect_phrases(e, text, ORG("mfa-fr"), 0);
}

static void test_outlet_state_first(void **state)
{
    bayan_engine *e = *state;
    /* The outlet is Bahraini: its ministry, though Iraq is named more. */
    const char *text = "المنامة (بنا) - بحث الوزير مع العراق شؤون العراق. "
                       "وأكدت وزارة الخارجية دعمها.\nالمصدر: بنا";
    expect_phrases(e, text, ORG("mfa-bh"), 1);
    expect_phrases(e, text, ORG("mfa-iq"), 0);
}

static void test_inside_a_longer_name(void **state)
{
    bayan_engine *e = *state;
    /* One mention, the full name's, not a second one for the bare name. */
    expect_phrases(e, "أعلنت وزارة الخارجية العراقية أن العراق مستعد.",
                   ORG("mfa-iq"), 1);
    /* With a proclitic, and for another ministry. */
    expect_phrases(e, "رحب العراق بالقرار. وقال متحدث باسم لوزارة الداخلية.",
                   ORG("ministry-interior-iq"), 1);
}

static void test_no_state_no_body(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "قالت وزارة الخارجية في بيان إن الاجتماع مهم.");
    size_t count;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++)
        assert_null(strstr(graph_term(g, q[i].o)->value, "org/mfa-"));
    bayan_graph_free(g);
}

static int setup(void **state)
{
    bayan_engine *e;
    if (bayan_engine_new(NULL, &e) != BAYAN_OK)
        return -1;
    *state = e;
    return 0;
}

static int teardown(void **state)
{
    bayan_engine_free(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_state_named_most),
        cmocka_unit_test(test_outlet_state_first),
        cmocka_unit_test(test_inside_a_longer_name),
        cmocka_unit_test(test_no_state_no_body),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
