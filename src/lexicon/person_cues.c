/* The persons stage's word lists: one list per cue predicate, gathered from
 * the lexicon graph, folded to the matching form and sorted for bsearch. */
#include "lexicon/person_cues.h"

#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "graph/vocab.h"

static const char *const CUE_PREDICATES[CUE_KIND_COUNT] = {
    [CUE_HEAD] = P_ROLE_HEAD,
    [CUE_COUNTERPART] = P_COUNTERPART_CUE,
    [CUE_HONORIFIC] = P_HONORIFIC,
    [CUE_ROLE_WORD] = P_ROLE_WORD,
    [CUE_LINK] = P_ROLE_LINK,
    [CUE_PARTICLE] = P_NAME_PARTICLE,
    [CUE_STOP] = P_NAME_STOP,
    [CUE_BYLINE] = P_BYLINE_CUE,
    [CUE_DESCRIPTOR] = P_DESCRIPTOR_HEAD,
    [CUE_BODY] = P_HEADED_BODY,
    [CUE_HEADED_BY] = P_HEADED_BY_CUE,
    [CUE_GIVEN_NAME] = P_GIVEN_NAME,
};

void person_cues_clear(person_cues *c)
{
    for (int k = 0; k < CUE_KIND_COUNT; k++) {
        for (size_t i = 0; i < c->count[k]; i++)
            free(c->words[k][i]);
        free(c->words[k]);
    }
    for (size_t i = 0; i < c->spelling_count; i++) {
        free(c->spellings[i].folded);
        free(c->spellings[i].latin);
    }
    free(c->spellings);
    memset(c, 0, sizeof *c);
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the folded value to list k (capacity grows by doubling). */
static bayan_status add_word(person_cues *c, cue_kind k, const char *value,
                             size_t *cap)
{
    char *w;
    bayan_status st = text_fold_word(value, &w);
    if (!w)
        return st; /* an error, or nothing left after folding */
    if (c->count[k] == *cap) {
        size_t n = *cap ? *cap * 2 : 32;
        char **grown = realloc(c->words[k], n * sizeof *grown);
        if (!grown) {
            free(w);
            return BAYAN_ERR_NOMEM;
        }
        c->words[k] = grown;
        *cap = n;
    }
    c->words[k][c->count[k]++] = w;
    return BAYAN_OK;
}

/* Adds "أحمد Ahmad" (the Arabic word, a space, its spelling) to the
 * spellings; a value without a space is ignored. */
static bayan_status add_spelling(person_cues *c, const char *value,
                                 size_t *cap)
{
    const char *space = strrchr(value, ' ');
    if (!space || !space[1])
        return BAYAN_OK;
    char *arabic = strndup(value, (size_t)(space - value)), *w = NULL;
    if (!arabic)
        return BAYAN_ERR_NOMEM;
    bayan_status st = text_fold_word(arabic, &w);
    free(arabic);
    if (!w)
        return st;
    if (c->spelling_count == *cap) {
        size_t n = *cap ? *cap * 2 : 64;
        name_spelling *grown = realloc(c->spellings, n * sizeof *grown);
        if (!grown) {
            free(w);
            return BAYAN_ERR_NOMEM;
        }
        c->spellings = grown;
        *cap = n;
    }
    char *latin = strdup(space + 1);
    if (!latin) {
        free(w);
        return BAYAN_ERR_NOMEM;
    }
    c->spellings[c->spelling_count++] = (name_spelling){w, latin};
    return BAYAN_OK;
}

static int compare_spellings(const void *a, const void *b)
{
    return strcmp(((const name_spelling *)a)->folded,
                  ((const name_spelling *)b)->folded);
}

bayan_status person_cues_load(const lexicon *lex, person_cues *out)
{
    memset(out, 0, sizeof *out);
    const bayan_graph *g = lexicon_graph(lex);
    term_id pred[CUE_KIND_COUNT];
    for (int k = 0; k < CUE_KIND_COUNT; k++)
        pred[k] = graph_find_iri(g, CUE_PREDICATES[k]);
    term_id spelling = graph_find_iri(g, P_NAME_SPELLING);
    size_t count, cap[CUE_KIND_COUNT] = {0}, spelling_cap = 0;
    const quad *q = graph_quads(g, &count);
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        if (spelling && q[i].p == spelling &&
            graph_term(g, q[i].o)->kind == TERM_LITERAL)
            st = add_spelling(out, graph_term(g, q[i].o)->value,
                              &spelling_cap);
        for (int k = 0; k < CUE_KIND_COUNT; k++) {
            const term *o = graph_term(g, q[i].o);
            if (pred[k] && q[i].p == pred[k] && o->kind == TERM_LITERAL)
                st = add_word(out, (cue_kind)k, o->value, &cap[k]);
        }
    }
    for (int k = 0; st == BAYAN_OK && k < CUE_KIND_COUNT; k++)
        if (out->count[k] > 1)
            qsort(out->words[k], out->count[k], sizeof(char *), compare_words);
    if (st == BAYAN_OK && out->spelling_count > 1)
        qsort(out->spellings, out->spelling_count, sizeof *out->spellings,
              compare_spellings);
    if (st != BAYAN_OK)
        person_cues_clear(out);
    return st;
}

typedef struct word_key {
    const char *s;
    size_t n;
} word_key;

static int compare_key(const void *key, const void *item)
{
    const word_key *k = key;
    const char *w = *(char *const *)item;
    int c = strncmp(k->s, w, k->n);
    if (c)
        return c;
    return w[k->n] ? -1 : 0;
}

static int compare_spelling_key(const void *key, const void *item)
{
    const word_key *k = key;
    return compare_key(k, &((const name_spelling *)item)->folded);
}

bool cue_is(const person_cues *c, cue_kind k, const char *s, size_t n)
{
    if (!c->count[k] || n == 0)
        return false;
    word_key key = {s, n};
    return bsearch(&key, c->words[k], c->count[k], sizeof(char *),
                   compare_key) != NULL;
}

bool cue_is_split(const person_cues *c, cue_kind k, const char *s, size_t n,
                  size_t *prefix)
{
    text_split splits[32];
    size_t m = text_clitic_splits(s, n, splits, 32);
    if (m > 32)
        m = 32;
    char buf[256];
    for (size_t i = 0; i < m; i++) {
        size_t len = text_split_stem(s, &splits[i], buf, sizeof buf);
        if (len && cue_is(c, k, buf, len)) {
            if (prefix)
                *prefix = splits[i].prefix_len;
            return true;
        }
    }
    return false;
}

unsigned cue_kinds_split(const person_cues *c, unsigned kinds, const char *s,
                         size_t n)
{
    text_split splits[32];
    size_t m = text_clitic_splits(s, n, splits, 32);
    if (m > 32)
        m = 32;
    char buf[256];
    unsigned found = 0;
    for (size_t i = 0; i < m && found != kinds; i++) {
        size_t len = text_split_stem(s, &splits[i], buf, sizeof buf);
        for (unsigned k = 0; len && k < CUE_KIND_COUNT; k++)
            if ((kinds & ~found & (1u << k)) && cue_is(c, (cue_kind)k, buf, len))
                found |= 1u << k;
    }
    return found;
}

const char *cue_spelling(const person_cues *c, const char *s, size_t n)
{
    if (!c->spelling_count || n == 0)
        return NULL;
    word_key key = {s, n};
    const name_spelling *hit =
        bsearch(&key, c->spellings, c->spelling_count, sizeof *hit,
                compare_spelling_key);
    return hit ? hit->latin : NULL;
}
