/* What the extraction tests share: an engine as the group state, the
 * graph one made-up text gives, and the NIF phrases that point at an
 * entity. Included by one test program at a time (static functions). */
#ifndef BAYAN_TEST_EXTRACT_FIXTURE_H
#define BAYAN_TEST_EXTRACT_FIXTURE_H

#include <string.h>

#include "engine/engine.h"
#include "extract/extract.h"
#include "graph/graph.h"
#include "graph/vocab.h"
#include "text/text.h"

/* The graph extracted from one text by engine e. */
static inline bayan_graph *extract(bayan_engine *e, const char *text)
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

/* The graph bayan_read_memory gives for text, with the group's engine:
 * the whole pipeline of the public API, as a user calls it. */
static inline bayan_graph *read_text(void **state, const char *text)
{
    bayan_graph *g = bayan_graph_new();
    assert_non_null(g);
    assert_int_equal(bayan_read_memory(*state, g, "t.txt", text, strlen(text)),
                     BAYAN_OK);
    return g;
}

/* How many distinct subjects have predicate p with object o (a meeting
 * read from two articles states its type in both named graphs). */
static inline size_t count_linked(const bayan_graph *g, const char *p,
                                  const char *o)
{
    size_t n, k = 0;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(graph_term(g, q[i].p)->value, p) != 0 ||
            strcmp(graph_term(g, q[i].o)->value, o) != 0)
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = q[j].s == q[i].s && q[j].p == q[i].p && q[j].o == q[i].o;
        k += !seen;
    }
    return k;
}

/* How many NIF phrases point at entity. */
static inline size_t phrases(const bayan_graph *g, const char *entity)
{
    size_t count, k = 0;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++)
        if (strcmp(graph_term(g, q[i].p)->value, P_ITS_IDENT_REF) == 0 &&
            strcmp(graph_term(g, q[i].o)->value, entity) == 0)
            k++;
    return k;
}

/* A group setup: the shipped engine (BAYAN_ONTOLOGY_DIR) as the state. */
static inline int setup(void **state)
{
    bayan_engine *e;
    if (bayan_engine_new(NULL, &e) != BAYAN_OK)
        return -1;
    *state = e;
    return 0;
}

static inline int teardown(void **state)
{
    bayan_engine_free(*state);
    return 0;
}

#endif
