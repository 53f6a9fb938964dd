/* The graph model: term interning and the quad set. Term repair is in
 * term.c, spooling to disk in spool.c. */
#include "graph/graph_impl.h"

#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/utf8.h"

/* FNV-1a: small, good enough for hashing, and stable across runs. */
#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t hash_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    if (!s)
        return hash_bytes(h, "\x01", 1);
    return hash_bytes(hash_bytes(h, s, strlen(s)), "", 1);
}

static uint64_t term_hash(const term *t)
{
    uint64_t h = FNV_OFFSET;
    unsigned char kind = (unsigned char)t->kind;
    h = hash_bytes(h, &kind, 1);
    h = hash_bytes(h, t->value, t->length);
    h = hash_str(h, t->datatype);
    return hash_str(h, t->lang);
}

static uint64_t quad_hash(const quad *q)
{
    uint32_t v[4] = {q->s, q->p, q->o, q->g};
    return hash_bytes(14695981039346656037ULL, v, sizeof v);
}

static bool opt_equal(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static bool term_equal(const term *a, const term *b)
{
    return a->kind == b->kind && a->length == b->length &&
           memcmp(a->value, b->value, a->length) == 0 &&
           opt_equal(a->datatype, b->datatype) && opt_equal(a->lang, b->lang);
}

static bool quad_equal(const quad *a, const quad *b)
{
    return a->s == b->s && a->p == b->p && a->o == b->o && a->g == b->g;
}

/* ---- id tables ---------------------------------------------------------- */

static bool table_grow(id_table *t, const bayan_graph *g, bool terms)
{
    size_t cap = t->capacity ? t->capacity * 2 : 64;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < t->capacity; i++) {
        uint32_t id = t->slots[i];
        if (!id)
            continue;
        uint64_t h = terms ? g->term_hashes[id] : quad_hash(&g->quads[id]);
        size_t j = (size_t)h & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = id;
    }
    free(t->slots);
    t->slots = slots;
    t->capacity = cap;
    return true;
}

/* Finds the slot holding an equal item, or the empty slot where it goes;
 * h is term_hash(t). */
static size_t term_slot_hashed(const bayan_graph *g, const term *t,
                               uint64_t h)
{
    const id_table *tab = &g->term_index;
    size_t j = (size_t)h & (tab->capacity - 1);
    while (tab->slots[j] && !term_equal(&g->terms[tab->slots[j]], t))
        j = (j + 1) & (tab->capacity - 1);
    return j;
}

static size_t term_slot(const bayan_graph *g, const term *t)
{
    return term_slot_hashed(g, t, term_hash(t));
}

static size_t quad_slot(const bayan_graph *g, const quad *q)
{
    const id_table *tab = &g->quad_index;
    size_t j = (size_t)quad_hash(q) & (tab->capacity - 1);
    while (tab->slots[j] && !quad_equal(&g->quads[tab->slots[j]], q))
        j = (j + 1) & (tab->capacity - 1);
    return j;
}

/* ---- life cycle --------------------------------------------------------- */

bayan_graph *bayan_graph_new(void)
{
    bayan_graph *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->term_count = 1;
    g->quad_count = 1;
    if (!table_grow(&g->term_index, g, true) ||
        !table_grow(&g->quad_index, g, false)) {
        bayan_graph_free(g);
        return NULL;
    }
    return g;
}

void bayan_graph_free(bayan_graph *g)
{
    if (!g)
        return;
    for (size_t i = 1; i < g->term_count; i++) {
        free((char *)g->terms[i].value);
        free((char *)g->terms[i].datatype);
        free((char *)g->terms[i].lang);
    }
    free(g->terms);
    free(g->term_hashes);
    free(g->quads);
    free(g->term_index.slots);
    free(g->quad_index.slots);
    spool_free(g->spool);
    free(g);
}

size_t bayan_graph_size(const bayan_graph *g)
{
    return g ? g->quad_count - 1 + (spool_quad_count(g->spool)) : 0;
}

/* ---- interning ---------------------------------------------------------- */

/* Room for one term more, and for its hash. */
static bool grow_terms(bayan_graph *g)
{
    if (!array_grow((void **)&g->terms, g->term_count, &g->term_capacity,
                    sizeof *g->terms))
        return false;
    if (g->hash_capacity < g->term_capacity) {
        uint64_t *h = realloc(g->term_hashes,
                              g->term_capacity * sizeof *g->term_hashes);
        if (!h)
            return false;
        g->term_hashes = h;
        g->hash_capacity = g->term_capacity;
    }
    return true;
}

/* graph_intern with t's term_hash h already known: each term is hashed
 * once, whatever the index's growth (rehashing strings was a tenth of
 * the graph's time). */
static bayan_status intern_hashed(bayan_graph *g, const term *t, uint64_t h,
                                  term_id *out)
{
    size_t slot = term_slot_hashed(g, t, h);
    if (g->term_index.slots[slot]) {
        *out = g->term_index.slots[slot];
        free((char *)t->value);
        free((char *)t->datatype);
        free((char *)t->lang);
        return BAYAN_OK;
    }
    if (g->term_count >= UINT32_MAX || !grow_terms(g))
        goto nomem;
    /* Keep the load factor under one half. */
    if ((g->term_index.used + 1) * 2 > g->term_index.capacity) {
        if (!table_grow(&g->term_index, g, true))
            goto nomem;
        slot = term_slot_hashed(g, t, h);
    }
    term_id id = (term_id)g->term_count++;
    g->terms[id] = *t;
    g->term_hashes[id] = h;
    g->term_index.slots[slot] = id;
    g->term_index.used++;
    *out = id;
    return BAYAN_OK;
nomem:
    free((char *)t->value);
    free((char *)t->datatype);
    free((char *)t->lang);
    return BAYAN_ERR_NOMEM;
}

bayan_status graph_intern(bayan_graph *g, term_kind kind, char *value,
                          char *datatype, char *lang, term_id *out)
{
    term t = {kind, value, strlen(value), datatype, lang};
    return intern_hashed(g, &t, term_hash(&t), out);
}

/* One pass over an IRI for what three took (strlen, term_iri_is_clean,
 * term_hash): its length, the hash of the IRI term it names, and whether
 * it needs no repair. */
static bool scan_iri(const char *iri, size_t *len, uint64_t *hash)
{
    uint64_t h = (FNV_OFFSET ^ (unsigned char)TERM_IRI) * FNV_PRIME;
    bool clean = true, seen_hash = false;
    size_t i = 0;
    for (; iri[i]; i++) {
        unsigned char c = (unsigned char)iri[i];
        h = (h ^ c) * FNV_PRIME;
        if (c > 0x20 && c < 0x7f && c != '%' && c != '#' && c != '"' &&
            c != '<' && c != '>' && c != '{' && c != '}' && c != '|' &&
            c != '^' && c != '`' && c != '\\')
            continue;
        if (clean && term_iri_needs_escape(iri, i, &seen_hash))
            clean = false;
    }
    /* no datatype, no language: hash_str(NULL) twice */
    h = (h ^ 1) * FNV_PRIME;
    *hash = (h ^ 1) * FNV_PRIME;
    *len = i;
    return clean;
}

/* The id of IRI iri as it is (no repair), or 0. */
static term_id find_clean_iri(const bayan_graph *g, const char *iri)
{
    term t = {TERM_IRI, iri, strlen(iri), NULL, NULL};
    return g->term_index.slots[term_slot(g, &t)];
}

bayan_status graph_iri(bayan_graph *g, const char *iri, term_id *out)
{
    if (!iri || !term_iri_is_absolute(iri))
        return BAYAN_ERR_ARGUMENT;
    /* Most IRIs need no repair and are already known: look them up as
     * they are, without a copy (this was a third of a large run). */
    size_t len;
    uint64_t h;
    bool clean = scan_iri(iri, &len, &h);
    term_id known = 0;
    if (clean) {
        term t = {TERM_IRI, iri, len, NULL, NULL};
        known = g->term_index.slots[term_slot_hashed(g, &t, h)];
    }
    if (known) {
        *out = known;
        return BAYAN_OK;
    }
    if (clean) {
        char *value = strdup(iri);
        return value ? intern_hashed(g, &(term){TERM_IRI, value, len, NULL,
                                                NULL},
                                     h, out)
                     : BAYAN_ERR_NOMEM;
    }
    char *value = term_repair_iri(iri);
    if (!value)
        return BAYAN_ERR_NOMEM;
    return graph_intern(g, TERM_IRI, value, NULL, NULL, out);
}

/* Interns a term whose parts are already repaired: looked up as it is,
 * copied only when new (most of a lexicon's and an article's terms are
 * one or the other; repairing meant four allocations each). */
static bayan_status intern_clean(bayan_graph *g, const term *t, term_id *out)
{
    uint64_t h = term_hash(t);
    term_id known = g->term_index.slots[term_slot_hashed(g, t, h)];
    if (known) {
        *out = known;
        return BAYAN_OK;
    }
    char *v = strdup(t->value);
    char *d = t->datatype ? strdup(t->datatype) : NULL;
    char *l = t->lang ? strdup(t->lang) : NULL;
    if (!v || (t->datatype && !d) || (t->lang && !l)) {
        free(v);
        free(d);
        free(l);
        return BAYAN_ERR_NOMEM;
    }
    return intern_hashed(g, &(term){t->kind, v, t->length, d, l}, h, out);
}

bayan_status graph_literal(bayan_graph *g, const char *value,
                           const char *datatype, const char *lang,
                           term_id *out)
{
    if (!value || (datatype && lang))
        return BAYAN_ERR_ARGUMENT;
    if (datatype && !term_iri_is_absolute(datatype))
        return BAYAN_ERR_ARGUMENT;
    size_t len = strlen(value);
    if (utf8_is_valid(value, len) && (!lang || term_lang_is_canonical(lang)) &&
        (!datatype || term_iri_is_clean(datatype)))
        return intern_clean(g, &(term){TERM_LITERAL, value, len, datatype,
                                       lang},
                            out);
    char *l = NULL;
    if (lang) {
        l = term_repair_lang(lang);
        if (!l)
            return BAYAN_ERR_ARGUMENT;
    }
    char *v = utf8_repair(value, strlen(value), NULL);
    char *d = datatype ? term_repair_iri(datatype) : NULL;
    if (!v || (datatype && !d)) {
        free(v);
        free(d);
        free(l);
        return BAYAN_ERR_NOMEM;
    }
    return graph_intern(g, TERM_LITERAL, v, d, l, out);
}

bayan_status graph_add(bayan_graph *g, term_id graph_name, term_id s,
                       term_id p, term_id o)
{
    if (!s || !p || !o || s >= g->term_count || p >= g->term_count ||
        o >= g->term_count || graph_name >= g->term_count)
        return BAYAN_ERR_ARGUMENT;
    if (g->terms[s].kind != TERM_IRI || g->terms[p].kind != TERM_IRI ||
        (graph_name && g->terms[graph_name].kind != TERM_IRI))
        return BAYAN_ERR_ARGUMENT;
    quad q = {s, p, o, graph_name};
    size_t slot = quad_slot(g, &q);
    if (g->quad_index.slots[slot])
        return BAYAN_OK;
    if (g->quad_count >= UINT32_MAX)
        return BAYAN_ERR_NOMEM;
    if (!array_grow((void **)&g->quads, g->quad_count, &g->quad_capacity,
                    sizeof *g->quads))
        return BAYAN_ERR_NOMEM;
    /* A load factor up to three quarters: the quad index is the largest
     * thing a big corpus keeps (4 bytes a slot, one quad a slot or more),
     * and a slot holds an id whose quad is compared without a string. */
    if ((g->quad_index.used + 1) * 4 > g->quad_index.capacity * 3) {
        if (!table_grow(&g->quad_index, g, false))
            return BAYAN_ERR_NOMEM;
        slot = quad_slot(g, &q);
    }
    uint32_t id = (uint32_t)g->quad_count++;
    g->quads[id] = q;
    g->quad_index.slots[slot] = id;
    g->quad_index.used++;
    return BAYAN_OK;
}

static bayan_status optional_iri(bayan_graph *g, const char *iri,
                                 term_id *out)
{
    *out = 0;
    return iri ? graph_iri(g, iri, out) : BAYAN_OK;
}

bayan_status graph_add_iri(bayan_graph *g, const char *graph_name,
                           const char *s, const char *p, const char *o)
{
    term_id gi, si, pi, oi;
    bayan_status st;
    if ((st = optional_iri(g, graph_name, &gi)) ||
        (st = graph_iri(g, s, &si)) || (st = graph_iri(g, p, &pi)) ||
        (st = graph_iri(g, o, &oi)))
        return st;
    return graph_add(g, gi, si, pi, oi);
}

bayan_status graph_add_literal(bayan_graph *g, const char *graph_name,
                               const char *s, const char *p,
                               const char *value, const char *datatype,
                               const char *lang)
{
    term_id gi, si, pi, oi;
    bayan_status st;
    if ((st = optional_iri(g, graph_name, &gi)) ||
        (st = graph_iri(g, s, &si)) || (st = graph_iri(g, p, &pi)) ||
        (st = graph_literal(g, value, datatype, lang, &oi)))
        return st;
    return graph_add(g, gi, si, pi, oi);
}

/* Re-interns a term of another graph into this one. */
static bayan_status copy_term(bayan_graph *dst, const bayan_graph *src,
                              term_id id, term_id *out)
{
    if (!id) {
        *out = 0;
        return BAYAN_OK;
    }
    /* src's terms were repaired and checked when src interned them
     * (checking them again at every merge was a tenth of a large run). */
    return intern_clean(dst, &src->terms[id], out);
}

/* copy_term through map (src's term id to dst's, 0 not yet known): a
 * term is interned in dst once however many quads name it. */
static bayan_status copy_term_mapped(bayan_graph *dst, const bayan_graph *src,
                                     term_id id, term_id *map, term_id *out)
{
    if (!id || map[id]) {
        *out = id ? map[id] : 0;
        return BAYAN_OK;
    }
    bayan_status st = copy_term(dst, src, id, out);
    if (st == BAYAN_OK)
        map[id] = *out;
    return st;
}

bayan_status graph_copy_quad_mapped(bayan_graph *dst, const bayan_graph *src,
                                    const quad *q, term_id *map)
{
    term_id g, s, p, o;
    bayan_status st;
    if ((st = copy_term_mapped(dst, src, q->g, map, &g)) ||
        (st = copy_term_mapped(dst, src, q->s, map, &s)) ||
        (st = copy_term_mapped(dst, src, q->p, map, &p)) ||
        (st = copy_term_mapped(dst, src, q->o, map, &o)))
        return st;
    return graph_add(dst, g, s, p, o);
}

size_t graph_term_count(const bayan_graph *g)
{
    return g->term_count;
}

bayan_status graph_copy_quad(bayan_graph *dst, const bayan_graph *src,
                              const quad *q)
{
    term_id g, s, p, o;
    bayan_status st;
    if ((st = copy_term(dst, src, q->g, &g)) ||
        (st = copy_term(dst, src, q->s, &s)) ||
        (st = copy_term(dst, src, q->p, &p)) ||
        (st = copy_term(dst, src, q->o, &o)))
        return st;
    return graph_add(dst, g, s, p, o);
}

bayan_status graph_merge(bayan_graph *dst, const bayan_graph *src)
{
    for (size_t i = 1; i < src->quad_count; i++) {
        bayan_status st = graph_copy_quad(dst, src, &src->quads[i]);
        if (st != BAYAN_OK)
            return st;
    }
    return BAYAN_OK;
}

/* ---- reading ------------------------------------------------------------ */

const term *graph_term(const bayan_graph *g, term_id id)
{
    return (id && id < g->term_count) ? &g->terms[id] : NULL;
}

term_id graph_find_iri(const bayan_graph *g, const char *iri)
{
    if (term_iri_is_clean(iri))
        return find_clean_iri(g, iri);
    char *value = term_repair_iri(iri);
    if (!value)
        return 0;
    term t = {TERM_IRI, value, strlen(value), NULL, NULL};
    term_id id = g->term_index.slots[term_slot(g, &t)];
    free(value);
    return id;
}

const quad *graph_quads(const bayan_graph *g, size_t *count)
{
    *count = g->quad_count - 1;
    return g->quads ? g->quads + 1 : NULL;
}

static int opt_compare(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

int term_compare(const term *a, const term *b)
{
    if (a == b)
        return 0;
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    size_t n = a->length < b->length ? a->length : b->length;
    int c = memcmp(a->value, b->value, n);
    if (c)
        return c;
    if (a->length != b->length)
        return a->length < b->length ? -1 : 1;
    c = opt_compare(a->datatype, b->datatype);
    return c ? c : opt_compare(a->lang, b->lang);
}

static int quad_compare(const bayan_graph *g, uint32_t x, uint32_t y)
{
    const quad *a = &g->quads[x], *b = &g->quads[y];
    int c = term_compare(graph_term(g, a->s), graph_term(g, b->s));
    if (!c)
        c = term_compare(graph_term(g, a->p), graph_term(g, b->p));
    if (!c)
        c = term_compare(graph_term(g, a->o), graph_term(g, b->o));
    if (!c)
        c = term_compare(graph_term(g, a->g), graph_term(g, b->g));
    return c;
}

/* Merges the sorted runs from[lo, mid) and from[mid, hi) into to[lo, hi). */
static void merge_runs(const bayan_graph *g, const uint32_t *from,
                       uint32_t *to, size_t lo, size_t mid, size_t hi)
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        to[k++] = quad_compare(g, from[j], from[i]) < 0 ? from[j++]
                                                         : from[i++];
    while (i < mid)
        to[k++] = from[i++];
    while (j < hi)
        to[k++] = from[j++];
}

/* A merge sort of quad ids, bottom up: C11's qsort takes no context, and
 * sorting (quad, graph) pairs cost 40 bytes a quad more at export, for
 * the pairs and qsort's copy of them (most of the memory a large corpus
 * took). Distinct quads never compare equal, so any sort gives the same
 * order. */
static bool sort_ids(const bayan_graph *g, uint32_t *ids, size_t n)
{
    uint32_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp)
        return false;
    uint32_t *from = ids, *to = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge_runs(g, from, to, lo, mid, hi);
        }
        uint32_t *t = from;
        from = to;
        to = t;
    }
    if (from != ids)
        memcpy(ids, from, n * sizeof *ids);
    free(tmp);
    return true;
}

bayan_status graph_sorted_ids(const bayan_graph *g, uint32_t **out,
                              size_t *count)
{
    size_t n = g->quad_count - 1;
    *out = NULL;
    *count = 0;
    uint32_t *ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids)
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        ids[i] = (uint32_t)(i + 1);
    if (!sort_ids(g, ids, n)) {
        free(ids);
        return BAYAN_ERR_NOMEM;
    }
    *out = ids;
    *count = n;
    return BAYAN_OK;
}

const quad *graph_quad(const bayan_graph *g, uint32_t id)
{
    return &g->quads[id];
}

bayan_status graph_sorted_quads(const bayan_graph *g, quad **out,
                                size_t *count)
{
    uint32_t *ids;
    size_t n;
    *out = NULL;
    *count = 0;
    bayan_status st = graph_sorted_ids(g, &ids, &n);
    if (st != BAYAN_OK)
        return st;
    quad *quads = malloc((n ? n : 1) * sizeof *quads);
    if (!quads) {
        free(ids);
        return BAYAN_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        quads[i] = g->quads[ids[i]];
    free(ids);
    *out = quads;
    *count = n;
    return BAYAN_OK;
}
