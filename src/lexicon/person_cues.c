/* The persons stage's word lists: one list per cue predicate, gathered from
 * the lexicon graph, folded to the matching form and sorted for bsearch. */
#include "lexicon/person_cues.h"

#include <stdint.h>
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
    [CUE_NAMED_AFTER] = P_NAMED_AFTER_HEAD,
};

/* Every word of the lists in one hash table, with the lists it is in: a
 * token is looked up once, not once per list by binary search (the cue
 * look-ups of the names tagger's flags were a twentieth of a run). */
typedef struct cue_slot {
    const char *word; /* borrowed from words[k]; NULL: empty */
    size_t n;
    unsigned kinds; /* 1u << k for each list k that holds it */
} cue_slot;

struct cue_index {
    cue_slot *slots;
    size_t mask; /* slots has mask + 1 entries, a power of two */
};

static uint64_t hash_word(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* The slot holding the n bytes at s, or the empty one where they go. */
static cue_slot *index_slot(const struct cue_index *x, const char *s,
                            size_t n)
{
    size_t i = (size_t)hash_word(s, n) & x->mask;
    while (x->slots[i].word &&
           !(x->slots[i].n == n && memcmp(x->slots[i].word, s, n) == 0))
        i = (i + 1) & x->mask;
    return &x->slots[i];
}

static bayan_status build_index(person_cues *c)
{
    size_t total = 0, size = 16;
    for (int k = 0; k < CUE_KIND_COUNT; k++)
        total += c->count[k];
    while (size < 2 * total)
        size *= 2;
    struct cue_index *x = malloc(sizeof *x);
    if (!x || !(x->slots = calloc(size, sizeof *x->slots))) {
        free(x);
        return BAYAN_ERR_NOMEM;
    }
    x->mask = size - 1;
    for (int k = 0; k < CUE_KIND_COUNT; k++)
        for (size_t i = 0; i < c->count[k]; i++) {
            const char *w = c->words[k][i];
            size_t n = strlen(w);
            cue_slot *sl = index_slot(x, w, n);
            if (!sl->word)
                *sl = (cue_slot){w, n, 0};
            sl->kinds |= 1u << k;
        }
    c->index = x;
    return BAYAN_OK;
}

/* The lists holding the n bytes at s (a bit 1u << k per list k). */
static unsigned kinds_of(const person_cues *c, const char *s, size_t n)
{
    if (!c->index || n == 0)
        return 0;
    return index_slot(c->index, s, n)->kinds;
}

void person_cues_clear(person_cues *c)
{
    if (c->index)
        free(c->index->slots);
    free(c->index);
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
    if (st == BAYAN_OK)
        st = build_index(out);
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
    return (kinds_of(c, s, n) >> k) & 1u;
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
        if (len)
            found |= kinds_of(c, buf, len) & kinds;
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
