/* Articles and mentions: the Article node, its nif:Context and the NIF
 * phrase of every mention. */
#include "extract/extract.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "graph/vocab.h"
#include "graph/iri.h"

/* 64-bit FNV-1a of the decoded text: the article's identity, so that the
 * same text read from any encoding or file name is the same article. */
static uint64_t text_hash(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

void article_ids_clear(article_ids *ids)
{
    free(ids->article);
    free(ids->context);
    ids->article = ids->context = NULL;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The article's label: its title, else its first non-blank line, cut to at
 * most 120 code points. */
static char *article_label(const text_doc *doc)
{
    const char *s = doc->title ? doc->title : doc->text;
    while (*s == '\n' || *s == ' ' || *s == '\t')
        s++;
    size_t n = strcspn(s, "\n");
    size_t bytes = 0, cps = 0;
    while (bytes < n && cps < 120) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)s + bytes, n - bytes, &cp);
        bytes += k ? k : 1;
        cps++;
    }
    char *label = malloc(bytes + 1);
    if (label) {
        memcpy(label, s, bytes);
        label[bytes] = '\0';
    }
    return label;
}

bayan_status article_add(const extract_env *env, const char *name,
                         const text_doc *doc, bayan_graph *g,
                         article_ids *ids)
{
    char path[64], frag[64], end[32];
    snprintf(path, sizeof path, "article/%016" PRIx64,
             text_hash(doc->text, doc->length));
    snprintf(frag, sizeof frag, "#char=0,%zu", doc->cp_length);
    snprintf(end, sizeof end, "%zu", doc->cp_length);
    ids->article = iri_mint(env->base, path);
    ids->context = ids->article ? malloc(strlen(ids->article) + strlen(frag) + 1)
                                : NULL;
    char *label = article_label(doc);
    if (!ids->article || !ids->context || !label) {
        free(label);
        return BAYAN_ERR_NOMEM;
    }
    sprintf(ids->context, "%s%s", ids->article, frag);

    const char *a = ids->article, *c = ids->context;
    bayan_status st;
    if ((st = graph_add_iri(g, a, a, P_TYPE, C_ARTICLE)) ||
        (st = graph_add_literal(g, a, a, P_LABEL, label, NULL, "ar")) ||
        (st = graph_add_literal(g, a, a, P_SOURCE_FILE, base_name(name),
                                NULL, NULL)) ||
        (st = graph_add_iri(g, a, a, P_CONTEXT, c)) ||
        (st = graph_add_iri(g, a, c, P_TYPE, C_NIF_CONTEXT)) ||
        (st = graph_add_literal(g, a, c, P_NIF_IS_STRING, doc->text, NULL,
                                NULL)) ||
        (st = graph_add_literal(g, a, c, P_NIF_BEGIN, "0",
                                XSD_NON_NEGATIVE_INTEGER, NULL)) ||
        (st = graph_add_literal(g, a, c, P_NIF_END, end,
                                XSD_NON_NEGATIVE_INTEGER, NULL)))
        goto done;
    if (doc->title &&
        (st = graph_add_literal(g, a, a, P_TITLE, doc->title, NULL, NULL)))
        goto done;
    if (doc->published &&
        (st = graph_add_literal(g, a, a, P_DATE_PUBLISHED, doc->published,
                                XSD_DATE, NULL)))
        goto done;
    if (doc->url)
        st = graph_add_iri(g, a, a, P_URL, doc->url);
done:
    free(label);
    return st;
}

/* The ids of a mention's terms, interned once each in the order their
 * quads first name them: each of the eight quads naming them by string
 * meant hashing the article's IRI and the phrase's again (a tenth of the
 * extraction). */
typedef struct mention_terms {
    term_id a, entity, phrase, context, begin, end, anchor;
    term_id mentions, derived, type, nif_phrase, reference, nif_begin,
        nif_end, nif_anchor, ident;
} mention_terms;

static bayan_status intern_mention(bayan_graph *g, const article_ids *ids,
                                   const char *entity, const char *phrase,
                                   const char *bs, const char *es,
                                   const char *anchor, mention_terms *t)
{
    const char *xsd = XSD_NON_NEGATIVE_INTEGER;
    bayan_status st;
    (void)((st = graph_iri(g, ids->article, &t->a)) ||
           (st = graph_iri(g, P_MENTIONS, &t->mentions)) ||
           (st = graph_iri(g, entity, &t->entity)) ||
           (st = graph_iri(g, P_DERIVED_FROM, &t->derived)) ||
           (st = graph_iri(g, phrase, &t->phrase)) ||
           (st = graph_iri(g, P_TYPE, &t->type)) ||
           (st = graph_iri(g, C_NIF_PHRASE, &t->nif_phrase)) ||
           (st = graph_iri(g, P_NIF_REFERENCE_CONTEXT, &t->reference)) ||
           (st = graph_iri(g, ids->context, &t->context)) ||
           (st = graph_iri(g, P_NIF_BEGIN, &t->nif_begin)) ||
           (st = graph_literal(g, bs, xsd, NULL, &t->begin)) ||
           (st = graph_iri(g, P_NIF_END, &t->nif_end)) ||
           (st = graph_literal(g, es, xsd, NULL, &t->end)) ||
           (st = graph_iri(g, P_NIF_ANCHOR, &t->nif_anchor)) ||
           (st = graph_literal(g, anchor, NULL, NULL, &t->anchor)) ||
           (st = graph_iri(g, P_ITS_IDENT_REF, &t->ident)));
    return st;
}

bayan_status article_add_mention(const text_doc *doc, const article_ids *ids,
                                 bayan_graph *g, size_t begin, size_t end,
                                 const char *entity)
{
    if (begin >= end || end > doc->cp_length)
        return BAYAN_ERR_ARGUMENT;
    size_t b = text_byte_offset(doc, begin);
    size_t n = utf8_offset(doc->text + b, doc->length - b, end - begin);
    char *anchor = malloc(n + 1);
    char *phrase = malloc(strlen(ids->article) + 48);
    if (!anchor || !phrase) {
        free(anchor);
        free(phrase);
        return BAYAN_ERR_NOMEM;
    }
    memcpy(anchor, doc->text + b, n);
    anchor[n] = '\0';
    sprintf(phrase, "%s#char=%zu,%zu", ids->article, begin, end);
    char bs[32], es[32];
    snprintf(bs, sizeof bs, "%zu", begin);
    snprintf(es, sizeof es, "%zu", end);

    mention_terms t;
    bayan_status st = intern_mention(g, ids, entity, phrase, bs, es, anchor,
                                     &t);
    (void)(st ||
           (st = graph_add(g, t.a, t.a, t.mentions, t.entity)) ||
           (st = graph_add(g, t.a, t.entity, t.derived, t.a)) ||
           (st = graph_add(g, t.a, t.phrase, t.type, t.nif_phrase)) ||
           (st = graph_add(g, t.a, t.phrase, t.reference, t.context)) ||
           (st = graph_add(g, t.a, t.phrase, t.nif_begin, t.begin)) ||
           (st = graph_add(g, t.a, t.phrase, t.nif_end, t.end)) ||
           (st = graph_add(g, t.a, t.phrase, t.nif_anchor, t.anchor)) ||
           (st = graph_add(g, t.a, t.phrase, t.ident, t.entity)));
    free(anchor);
    free(phrase);
    return st;
}
