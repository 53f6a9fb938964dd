/* The token trie (trie.h): interned tokens and edges in two open-addressing
 * hash tables (linear probing, at most half full), node values in an
 * array. The matcher looks up every reading of every token of the text and
 * almost all of them are not there: a token slot keeps the upper half of
 * its token's hash, so a miss is decided in the slot array without reading
 * the token's bytes; and the root's children, where every walk starts, are
 * an array indexed by token rather than edges in the hash table. */
#include "lexicon/trie.h"

#include <stdlib.h>
#include <string.h>

typedef struct token_ref {
    size_t offset; /* into bytes */
    size_t len;
} token_ref;

typedef struct edge {
    trie_node from;
    trie_token_id tok;
    trie_node to; /* 0 (the root, never a child): an empty slot */
} edge;

/* A token table slot: the token and the upper half of its hash. */
typedef struct token_slot {
    trie_token_id id; /* TRIE_NO_TOKEN: empty */
    uint32_t tag;
} token_slot;

struct token_trie {
    char *bytes; /* every interned token, back to back */
    size_t bytes_len, bytes_cap;
    token_ref *tokens;
    size_t token_count, token_cap;
    trie_node *root_children; /* per token; 0 (the root): none */
    size_t root_children_cap;
    token_slot *token_slots;
    size_t token_slot_count; /* a power of two */
    uint32_t *values;           /* per node */
    size_t node_count, node_cap;
    edge *edges;
    size_t edge_count, edge_slot_count; /* a power of two */
};

#define INITIAL_SLOTS 1024

token_trie *trie_new(void)
{
    token_trie *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->token_slot_count = INITIAL_SLOTS;
    t->edge_slot_count = INITIAL_SLOTS;
    t->token_slots = malloc(INITIAL_SLOTS * sizeof *t->token_slots);
    t->edges = calloc(INITIAL_SLOTS, sizeof *t->edges);
    t->values = calloc(1, sizeof *t->values);
    if (!t->token_slots || !t->edges || !t->values) {
        trie_free(t);
        return NULL;
    }
    for (size_t i = 0; i < INITIAL_SLOTS; i++)
        t->token_slots[i] = (token_slot){TRIE_NO_TOKEN, 0};
    t->node_count = t->node_cap = 1; /* the root */
    return t;
}

void trie_free(token_trie *t)
{
    if (!t)
        return;
    free(t->bytes);
    free(t->tokens);
    free(t->root_children);
    free(t->token_slots);
    free(t->values);
    free(t->edges);
    free(t);
}

/* FNV-1a over the concatenation a + b. */
static uint64_t hash_pieces(trie_piece a, trie_piece b)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < a.len; i++)
        h = (h ^ (unsigned char)a.s[i]) * 0x100000001b3u;
    for (size_t i = 0; i < b.len; i++)
        h = (h ^ (unsigned char)b.s[i]) * 0x100000001b3u;
    return h;
}

static uint64_t hash_edge(trie_node from, trie_token_id tok)
{
    uint64_t h = ((uint64_t)from << 32 | tok) * 0x9e3779b97f4a7c15u;
    return h ^ (h >> 29);
}

static bool token_equals(const token_trie *t, trie_token_id id, trie_piece a,
                         trie_piece b)
{
    const token_ref *r = &t->tokens[id];
    if (r->len != a.len + b.len)
        return false;
    const char *s = t->bytes + r->offset;
    return memcmp(s, a.s, a.len) == 0 && memcmp(s + a.len, b.s, b.len) == 0;
}

static uint32_t hash_tag(uint64_t h)
{
    return (uint32_t)(h >> 32);
}

/* The slot holding a + b, or the empty slot where it would go. */
static size_t find_token_slot(const token_trie *t, trie_piece a, trie_piece b)
{
    uint64_t h = hash_pieces(a, b);
    uint32_t tag = hash_tag(h);
    size_t mask = t->token_slot_count - 1;
    size_t i = (size_t)h & mask;
    for (;; i = (i + 1) & mask) {
        const token_slot *sl = &t->token_slots[i];
        if (sl->id == TRIE_NO_TOKEN ||
            (sl->tag == tag && token_equals(t, sl->id, a, b)))
            return i;
    }
}

trie_token_id trie_token(const token_trie *t, trie_piece a, trie_piece b)
{
    return t->token_slots[find_token_slot(t, a, b)].id;
}

static bayan_status grow_token_slots(token_trie *t)
{
    size_t n = t->token_slot_count * 2;
    token_slot *slots = malloc(n * sizeof *slots);
    if (!slots)
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        slots[i] = (token_slot){TRIE_NO_TOKEN, 0};
    for (size_t id = 0; id < t->token_count; id++) {
        const token_ref *r = &t->tokens[id];
        trie_piece whole = {t->bytes + r->offset, r->len}, none = {"", 0};
        uint64_t h = hash_pieces(whole, none);
        size_t i = (size_t)h & (n - 1);
        while (slots[i].id != TRIE_NO_TOKEN)
            i = (i + 1) & (n - 1);
        slots[i] = (token_slot){(trie_token_id)id, hash_tag(h)};
    }
    free(t->token_slots);
    t->token_slots = slots;
    t->token_slot_count = n;
    return BAYAN_OK;
}

/* Grows *buf (elements of size) so that it holds at least need. */
static bayan_status reserve(void **buf, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return BAYAN_OK;
    size_t n = *cap ? *cap : 64;
    while (n < need)
        n *= 2;
    void *grown = realloc(*buf, n * size);
    if (!grown)
        return BAYAN_ERR_NOMEM;
    *buf = grown;
    *cap = n;
    return BAYAN_OK;
}

bayan_status trie_intern(token_trie *t, trie_piece a, trie_piece b,
                         trie_token_id *id)
{
    size_t slot = find_token_slot(t, a, b);
    if (t->token_slots[slot].id != TRIE_NO_TOKEN) {
        *id = t->token_slots[slot].id;
        return BAYAN_OK;
    }
    if (t->token_count >= UINT32_MAX - 1)
        return BAYAN_ERR_NOMEM;
    bayan_status st = reserve((void **)&t->bytes, &t->bytes_cap,
                              t->bytes_len + a.len + b.len + 1, 1);
    if (st == BAYAN_OK)
        st = reserve((void **)&t->tokens, &t->token_cap, t->token_count + 1,
                     sizeof *t->tokens);
    if (st == BAYAN_OK)
        st = reserve((void **)&t->root_children, &t->root_children_cap,
                     t->token_count + 1,
                     sizeof *t->root_children);
    if (st != BAYAN_OK)
        return st;
    token_ref *r = &t->tokens[t->token_count];
    r->offset = t->bytes_len;
    r->len = a.len + b.len;
    memcpy(t->bytes + t->bytes_len, a.s, a.len);
    memcpy(t->bytes + t->bytes_len + a.len, b.s, b.len);
    t->bytes_len += r->len;
    t->root_children[t->token_count] = TRIE_ROOT;
    t->token_slots[slot] =
        (token_slot){(trie_token_id)t->token_count, hash_tag(hash_pieces(a, b))};
    *id = (trie_token_id)t->token_count++;
    if (2 * t->token_count > t->token_slot_count)
        return grow_token_slots(t);
    return BAYAN_OK;
}

static size_t edge_slot(const edge *slots, size_t count, trie_node from,
                        trie_token_id tok)
{
    size_t mask = count - 1;
    size_t i = (size_t)hash_edge(from, tok) & mask;
    while (slots[i].to != 0 && (slots[i].from != from || slots[i].tok != tok))
        i = (i + 1) & mask;
    return i;
}

trie_node trie_step(const token_trie *t, trie_node from, trie_token_id tok)
{
    if (from == TRIE_DEAD || tok == TRIE_NO_TOKEN)
        return TRIE_DEAD;
    if (from == TRIE_ROOT) {
        trie_node to = t->root_children[tok];
        return to ? to : TRIE_DEAD;
    }
    const edge *e = &t->edges[edge_slot(t->edges, t->edge_slot_count, from,
                                        tok)];
    return e->to ? e->to : TRIE_DEAD;
}

static bayan_status grow_edges(token_trie *t)
{
    size_t n = t->edge_slot_count * 2;
    edge *slots = calloc(n, sizeof *slots);
    if (!slots)
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; i < t->edge_slot_count; i++) {
        const edge *e = &t->edges[i];
        if (e->to)
            slots[edge_slot(slots, n, e->from, e->tok)] = *e;
    }
    free(t->edges);
    t->edges = slots;
    t->edge_slot_count = n;
    return BAYAN_OK;
}

/* A new node, its value 0; *to receives it. */
static bayan_status new_node(token_trie *t, trie_node *to)
{
    if (t->node_count >= UINT32_MAX - 1)
        return BAYAN_ERR_NOMEM;
    bayan_status st = reserve((void **)&t->values, &t->node_cap,
                              t->node_count + 1, sizeof *t->values);
    if (st != BAYAN_OK)
        return st;
    t->values[t->node_count] = 0;
    *to = (trie_node)t->node_count++;
    return BAYAN_OK;
}

bayan_status trie_grow(token_trie *t, trie_node from, trie_token_id tok,
                       trie_node *to)
{
    if (from == TRIE_ROOT) {
        bayan_status st = BAYAN_OK;
        if (!t->root_children[tok])
            st = new_node(t, &t->root_children[tok]);
        *to = t->root_children[tok];
        return st;
    }
    size_t slot = edge_slot(t->edges, t->edge_slot_count, from, tok);
    if (t->edges[slot].to) {
        *to = t->edges[slot].to;
        return BAYAN_OK;
    }
    bayan_status st = new_node(t, to);
    if (st != BAYAN_OK)
        return st;
    t->edges[slot] = (edge){from, tok, *to};
    if (2 * ++t->edge_count > t->edge_slot_count)
        return grow_edges(t);
    return BAYAN_OK;
}

uint32_t trie_value(const token_trie *t, trie_node node)
{
    return node < t->node_count ? t->values[node] : 0;
}

void trie_set_value(token_trie *t, trie_node node, uint32_t value)
{
    if (node < t->node_count)
        t->values[node] = value;
}

size_t trie_node_count(const token_trie *t)
{
    return t->node_count;
}

size_t trie_token_count(const token_trie *t)
{
    return t->token_count;
}
