/* The spool's record of one article: its graph's terms and quads as bytes
 * (spool_encode) and back (spool_decode, spool_decode_sorted). Blocks are
 * encoded with their quads sorted, on the workers, so that the export only
 * reads them back in order: no hashing, no sorting on the one thread that
 * writes. */
#include "graph/graph_impl.h"

#include <stdlib.h>
#include <string.h>

/* Block format: the block's terms in id order, each a kind byte then
 * value, datatype and lang, each a size_t of length + 1 (0: NULL) and the
 * bytes; then its quads, sorted, as the ids of their terms. Terms are
 * written once per block (an article's phrase IRIs and predicates recur
 * in many quads). Only this process reads it back. */
static bool put_size(membuf *b, size_t n)
{
    return membuf_write(b, &n, sizeof n);
}

static bool put_string(membuf *b, const char *s)
{
    size_t n = s ? strlen(s) + 1 : 0;
    return put_size(b, n) && (!n || membuf_write(b, s, n - 1));
}

static bool put_term(membuf *b, const term *t)
{
    unsigned char kind = (unsigned char)t->kind;
    return membuf_write(b, &kind, 1) && put_string(b, t->value) &&
           put_string(b, t->datatype) && put_string(b, t->lang);
}

static bool has_prefix(const term *t, const char *prefix, size_t n)
{
    return !prefix || (t->length >= n && memcmp(t->value, prefix, n) == 0);
}

/* Gives each term of the quads ids[0, n) of g an id of the block, in the
 * order they are met: *order lists g's ids of the block's terms, map maps
 * g's ids to the block's. */
static bool number_terms(const bayan_graph *g, const uint32_t *ids, size_t n,
                         term_id *map, term_id **order, size_t *count)
{
    *order = malloc(g->term_count * sizeof **order);
    if (!*order)
        return false;
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        const quad *q = &g->quads[ids[i]];
        term_id t[4] = {q->s, q->p, q->o, q->g};
        for (int k = 0; k < 4; k++)
            if (t[k] && !map[t[k]]) {
                (*order)[*count] = t[k];
                map[t[k]] = (term_id)++*count;
            }
    }
    return true;
}

/* The block of the quads ids[0, n) of g (sorted), their terms first. */
static bool put_block(membuf *b, const bayan_graph *g, const uint32_t *ids,
                      size_t n)
{
    term_id *map = calloc(g->term_count, sizeof *map);
    term_id *order = NULL;
    size_t terms = 0;
    bool ok = map && number_terms(g, ids, n, map, &order, &terms);
    ok = ok && put_size(b, terms);
    for (size_t i = 0; ok && i < terms; i++)
        ok = put_term(b, &g->terms[order[i]]);
    ok = ok && put_size(b, n);
    for (size_t i = 0; ok && i < n; i++) {
        const quad *q = &g->quads[ids[i]];
        quad m = {map[q->s], map[q->p], map[q->o], q->g ? map[q->g] : 0};
        ok = membuf_write(b, &m, sizeof m);
    }
    free(order);
    free(map);
    return ok;
}

/* The terms are numbered afresh in the order the sorted quads name them,
 * so that a block holds only the terms its quads use. */
bayan_status spool_encode(membuf *b, const bayan_graph *g, const char *prefix,
                          size_t *quads)
{
    uint32_t *ids;
    size_t n, kept = 0, len = prefix ? strlen(prefix) : 0;
    bayan_status st = graph_sorted_ids(g, &ids, &n);
    if (st != BAYAN_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        if (has_prefix(&g->terms[g->quads[ids[i]].s], prefix, len))
            ids[kept++] = ids[i];
    st = put_block(b, g, ids, kept) ? BAYAN_OK : BAYAN_ERR_NOMEM;
    *quads = kept;
    free(ids);
    return st;
}

typedef struct reader {
    const char *at;
    const char *end;
} reader;

/* A new copy of the next string; *ok false on a short record or no memory. */
static char *get_string(reader *r, bool *ok, size_t *length)
{
    size_t n;
    if ((size_t)(r->end - r->at) < sizeof n) {
        *ok = false;
        return NULL;
    }
    memcpy(&n, r->at, sizeof n);
    r->at += sizeof n;
    if (!n)
        return NULL;
    if ((size_t)(r->end - r->at) < n - 1) {
        *ok = false;
        return NULL;
    }
    char *s = malloc(n);
    if (!s) {
        *ok = false;
        return NULL;
    }
    memcpy(s, r->at, n - 1);
    s[n - 1] = '\0';
    r->at += n - 1;
    if (length)
        *length = n - 1;
    return s;
}

static bool get_size(reader *r, size_t *n)
{
    if ((size_t)(r->end - r->at) < sizeof *n)
        return false;
    memcpy(n, r->at, sizeof *n);
    r->at += sizeof *n;
    return true;
}

/* The next term's parts into *t (value owned by the caller, NULL parts
 * freed); false on a short or malformed record or no memory. */
static bool get_term(reader *r, term *t)
{
    if (r->at >= r->end)
        return false;
    unsigned char kind = (unsigned char)*r->at++;
    bool ok = true;
    size_t length = 0;
    char *v = get_string(r, &ok, &length);
    char *d = get_string(r, &ok, NULL);
    char *l = get_string(r, &ok, NULL);
    if (!ok || !v || (kind != TERM_IRI && kind != TERM_LITERAL)) {
        free(v);
        free(d);
        free(l);
        return false;
    }
    *t = (term){(term_kind)kind, v, length, d, l};
    return true;
}

/* Checks the quad count against what is left and that every id names one
 * of the terms. */
static bool quads_fit(const reader *r, size_t quads, size_t terms)
{
    if ((size_t)(r->end - r->at) / sizeof(quad) < quads)
        return false;
    for (size_t i = 0; i < quads; i++) {
        quad q;
        memcpy(&q, r->at + i * sizeof q, sizeof q);
        if (!q.s || !q.p || !q.o || q.s > terms || q.p > terms ||
            q.o > terms || q.g > terms)
            return false;
    }
    return true;
}

/* Terms were repaired when first interned: they go in as they are, and
 * come back with the ids they had, so the quads' ids hold. */
bayan_status spool_decode(const char *data, size_t len, bayan_graph *into)
{
    reader r = {data, data + len};
    size_t terms, quads;
    if (into->term_count != 1 || !get_size(&r, &terms))
        return BAYAN_ERR_INTERNAL;
    bayan_status st = BAYAN_OK;
    for (size_t i = 1; st == BAYAN_OK && i <= terms; i++) {
        term t;
        term_id id;
        if (!get_term(&r, &t))
            return BAYAN_ERR_INTERNAL;
        st = graph_intern(into, t.kind, (char *)t.value, (char *)t.datatype,
                          (char *)t.lang, &id);
        if (st == BAYAN_OK && id != i)
            st = BAYAN_ERR_INTERNAL;
    }
    if (st == BAYAN_OK && !get_size(&r, &quads))
        st = BAYAN_ERR_INTERNAL;
    if (st == BAYAN_OK && !quads_fit(&r, quads, terms))
        st = BAYAN_ERR_INTERNAL;
    for (size_t i = 0; st == BAYAN_OK && i < quads; i++) {
        quad q;
        memcpy(&q, r.at + i * sizeof q, sizeof q);
        st = graph_add(into, q.g, q.s, q.p, q.o);
    }
    return st;
}

/* Fills into's arrays directly: the terms are distinct and the quads
 * sorted and distinct (spool_encode wrote them), so nothing is hashed.
 * into's indexes stay empty: it is only read (graph_term, graph_quads). */
bayan_status spool_decode_sorted(const char *data, size_t len,
                                 bayan_graph *into)
{
    reader r = {data, data + len};
    size_t terms, quads;
    if (into->term_count != 1 || into->quad_count != 1 ||
        !get_size(&r, &terms) || terms >= UINT32_MAX ||
        terms > (size_t)(r.end - r.at))
        return BAYAN_ERR_INTERNAL;
    term *t = malloc((terms + 1) * sizeof *t);
    if (!t)
        return BAYAN_ERR_NOMEM;
    free(into->terms);
    into->terms = t;
    into->term_capacity = terms + 1;
    for (size_t i = 1; i <= terms; i++) {
        if (!get_term(&r, &t[i]))
            return BAYAN_ERR_INTERNAL;
        into->term_count++;
    }
    if (!get_size(&r, &quads) || quads >= UINT32_MAX ||
        !quads_fit(&r, quads, terms))
        return BAYAN_ERR_INTERNAL;
    quad *q = malloc((quads + 1) * sizeof *q);
    if (!q)
        return BAYAN_ERR_NOMEM;
    free(into->quads);
    into->quads = q;
    into->quad_capacity = quads + 1;
    memset(&q[0], 0, sizeof *q);
    memcpy(&q[1], r.at, quads * sizeof *q);
    into->quad_count = quads + 1;
    return BAYAN_OK;
}
