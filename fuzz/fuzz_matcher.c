/* Fuzz target: the matcher and the whole extraction on plain text. The
 * bytes are decoded leniently; match_lexicon's mentions must be in order,
 * apart and inside both texts, and after extract_entities every NIF phrase
 * in the graph must quote exactly the characters its offsets name. */
#include "fuzz.h"

#include "extract/extract.h"
#include "graph/graph.h"
#include "graph/vocab.h"

static void check_mentions(const extraction *x)
{
    for (size_t i = 0; i < x->mention_count; i++) {
        const mention *m = &x->mentions[i];
        FUZZ_CHECK(m->entry != NULL);
        FUZZ_CHECK(m->mb < m->me && m->me <= x->a.match_len);
        FUZZ_CHECK(m->begin < m->end && m->end <= x->doc->cp_length);
        FUZZ_CHECK(i == 0 || m->mb >= x->mentions[i - 1].me);
    }
}

/* The code points [b, e) of doc's text, as a new string. */
static char *substring(const text_doc *doc, size_t b, size_t e)
{
    size_t from = utf8_offset(doc->text, doc->length, b);
    size_t n = utf8_offset(doc->text + from, doc->length - from, e - b);
    char *s = malloc(n + 1);
    FUZZ_CHECK(s != NULL);
    memcpy(s, doc->text + from, n);
    s[n] = '\0';
    return s;
}

/* Each nif:anchorOf belongs to a phrase <article#char=B,E> whose B..E is
 * the anchor's place in the decoded text. */
static void check_nif(const bayan_graph *g, const text_doc *doc,
                      const article_ids *ids)
{
    size_t count;
    const quad *q = graph_quads(g, &count);
    size_t prefix = strlen(ids->article);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(graph_term(g, q[i].p)->value, P_NIF_ANCHOR) != 0)
            continue;
        const char *phrase = graph_term(g, q[i].s)->value;
        const term *anchor = graph_term(g, q[i].o);
        FUZZ_CHECK(strncmp(phrase, ids->article, prefix) == 0);
        size_t b, e;
        int end = 0;
        FUZZ_CHECK(sscanf(phrase + prefix, "#char=%zu,%zu%n", &b, &e, &end) ==
                   2);
        FUZZ_CHECK(phrase[prefix + (size_t)end] == '\0');
        FUZZ_CHECK(b < e && e <= doc->cp_length);
        char *s = substring(doc, b, e);
        FUZZ_CHECK(strcmp(s, anchor->value) == 0);
        free(s);
    }
}

static void extract_all(const bayan_engine *e, const text_doc *doc)
{
    bayan_graph *g = bayan_graph_new();
    FUZZ_CHECK(g != NULL);
    article_ids ids = {NULL, NULL};
    FUZZ_CHECK(article_add(&e->extract, "input.txt", doc, g, &ids) == BAYAN_OK);
    FUZZ_CHECK(extract_entities(&e->extract, doc, &ids, g) == BAYAN_OK);
    check_nif(g, doc, &ids);
    article_ids_clear(&ids);
    bayan_graph_free(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const bayan_engine *e = fuzz_engine(true);
    text_doc doc;
    FUZZ_CHECK(text_decode(&e->text, "input.txt", data, size, &doc) == BAYAN_OK);
    extraction x;
    memset(&x, 0, sizeof x);
    x.env = &e->extract;
    x.doc = &doc;
    FUZZ_CHECK(text_analyze(&doc, &x.a) == BAYAN_OK);
    FUZZ_CHECK(match_lexicon(&x) == BAYAN_OK);
    check_mentions(&x);
    free(x.mentions);
    text_analysis_clear(&x.a);
    extract_all(e, &doc);
    text_doc_clear(&doc);
    return 0;
}
