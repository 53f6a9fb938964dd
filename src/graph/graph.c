/* The graph model: term interning, term repair and the quad set. */
#include "graph/graph.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/membuf.h"
#include "core/utf8.h"

/* An open-addressing table of ids; slot value 0 means empty. */
typedef struct id_table {
    uint32_t *slots;
    size_t capacity; /* a power of two */
    size_t used;
} id_table;

struct bayan_graph {
    term *terms; /* terms[0] is unused so that id 0 means "none" */
    size_t term_count;
    size_t term_capacity;
    id_table term_index;

    quad *quads; /* quads[0] is unused for the same reason */
    size_t quad_count;
    size_t quad_capacity;
    id_table quad_index;

    struct spool *spool; /* NULL: every quad is in memory */
};

/* FNV-1a: small, good enough for hashing, and stable across runs. */
static uint64_t hash_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
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
    uint64_t h = 14695981039346656037ULL;
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
        uint64_t h = terms ? term_hash(&g->terms[id]) : quad_hash(&g->quads[id]);
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

/* Finds the slot holding an equal item, or the empty slot where it goes. */
static size_t term_slot(const bayan_graph *g, const term *t)
{
    const id_table *tab = &g->term_index;
    size_t j = (size_t)term_hash(t) & (tab->capacity - 1);
    while (tab->slots[j] && !term_equal(&g->terms[tab->slots[j]], t))
        j = (j + 1) & (tab->capacity - 1);
    return j;
}

static size_t quad_slot(const bayan_graph *g, const quad *q)
{
    const id_table *tab = &g->quad_index;
    size_t j = (size_t)quad_hash(q) & (tab->capacity - 1);
    while (tab->slots[j] && !quad_equal(&g->quads[tab->slots[j]], q))
        j = (j + 1) & (tab->capacity - 1);
    return j;
}

/* ---- the spool ---------------------------------------------------------- */

/* One article's spooled quads: every quad whose subject starts with
 * prefix (the article IRI and '#': its nif:Context and nif:Phrases),
 * encoded at offset in the spool file. */
typedef struct spool_block {
    char *prefix;
    off_t offset;
    size_t length; /* bytes */
    size_t quads;
} spool_block;

/* An unlinked temporary file and the index of its blocks, sorted by prefix
 * (which is their place among the sorted quads). Blocks are appended; one
 * rewritten (the same article read again) leaves its old bytes unused. */
struct spool {
    int fd;
    off_t end;
    spool_block *blocks;
    size_t count;
    size_t capacity;
    size_t quads; /* total over the blocks */
};

static void spool_free(struct spool *sp)
{
    if (!sp)
        return;
    for (size_t i = 0; i < sp->count; i++)
        free(sp->blocks[i].prefix);
    free(sp->blocks);
    close(sp->fd);
    free(sp);
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
    free(g->quads);
    free(g->term_index.slots);
    free(g->quad_index.slots);
    spool_free(g->spool);
    free(g);
}

size_t bayan_graph_size(const bayan_graph *g)
{
    return g ? g->quad_count - 1 + (g->spool ? g->spool->quads : 0) : 0;
}

/* ---- term repair -------------------------------------------------------- */

/* RDF 1.1 forbids these in IRIREF; we also encode every non-ASCII byte so
 * that every output format carries the IRI unchanged. */
static bool iri_byte_needs_escape(unsigned char c)
{
    /* Compared one by one: strchr per byte was a fifth of a large export. */
    return c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' ||
           c == '{' || c == '}' || c == '|' || c == '^' || c == '`' ||
           c == '\\';
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/* Whether byte i of iri must be percent-encoded: forbidden bytes, a '%'
 * that does not start an escape, and any '#' after the first (an IRI has
 * one fragment; strict parsers such as Oxigraph reject a second). */
static bool needs_escape(const char *iri, size_t i, bool *seen_hash)
{
    unsigned char c = (unsigned char)iri[i];
    if (c == '%')
        return !(is_hex(iri[i + 1]) && is_hex(iri[i + 2]));
    if (c == '#') {
        bool again = *seen_hash;
        *seen_hash = true;
        return again;
    }
    return iri_byte_needs_escape(c);
}

static char *repair_iri(const char *iri)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    bool seen_hash = false;
    for (size_t i = 0; iri[i]; i++)
        n += needs_escape(iri, i, &seen_hash) ? 3 : 1;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    char *w = out;
    seen_hash = false;
    for (size_t i = 0; iri[i]; i++) {
        unsigned char c = (unsigned char)iri[i];
        if (needs_escape(iri, i, &seen_hash)) {
            *w++ = '%';
            *w++ = hex[c >> 4];
            *w++ = hex[c & 15];
        } else {
            *w++ = (char)c;
        }
    }
    *w = '\0';
    return out;
}

/* An absolute IRI starts with a scheme: ALPHA *( ALPHA / DIGIT / + - . ) ":" */
static bool iri_is_absolute(const char *iri)
{
    const char *p = iri;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return false;
    for (p++; *p && *p != ':'; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' ||
                  *p == '.';
        if (!ok)
            return false;
    }
    return *p == ':';
}

/* BCP 47 shape: 1-8 letters, then -subtags of 1-8 letters or digits. */
static char *repair_lang(const char *lang)
{
    size_t n = strlen(lang);
    size_t run = 0;
    bool first = true;
    if (n == 0)
        return NULL;
    for (size_t i = 0; i <= n; i++) {
        char c = lang[i];
        if (c == '-' || c == '\0') {
            if (run == 0 || run > 8)
                return NULL;
            run = 0;
            first = false;
            continue;
        }
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool digit = c >= '0' && c <= '9';
        if (!(alpha || (digit && !first)))
            return NULL;
        run++;
    }
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        out[i] = (lang[i] >= 'A' && lang[i] <= 'Z') ? (char)(lang[i] + 32)
                                                     : lang[i];
    return out;
}

/* ---- interning ---------------------------------------------------------- */

/* Takes ownership of value, datatype and lang (freed when already known). */
static bayan_status intern(bayan_graph *g, term_kind kind, char *value,
                           char *datatype, char *lang, term_id *out)
{
    term t = {kind, value, strlen(value), datatype, lang};
    size_t slot = term_slot(g, &t);
    if (g->term_index.slots[slot]) {
        *out = g->term_index.slots[slot];
        free(value);
        free(datatype);
        free(lang);
        return BAYAN_OK;
    }
    if (g->term_count >= UINT32_MAX)
        goto nomem;
    if (g->term_count >= g->term_capacity) {
        size_t cap = g->term_capacity ? g->term_capacity * 2 : 256;
        term *terms = realloc(g->terms, cap * sizeof *terms);
        if (!terms)
            goto nomem;
        g->terms = terms;
        g->term_capacity = cap;
    }
    /* Keep the load factor under one half. */
    if ((g->term_index.used + 1) * 2 > g->term_index.capacity) {
        if (!table_grow(&g->term_index, g, true))
            goto nomem;
        slot = term_slot(g, &t);
    }
    term_id id = (term_id)g->term_count++;
    g->terms[id] = t;
    g->term_index.slots[slot] = id;
    g->term_index.used++;
    *out = id;
    return BAYAN_OK;
nomem:
    free(value);
    free(datatype);
    free(lang);
    return BAYAN_ERR_NOMEM;
}

bayan_status graph_iri(bayan_graph *g, const char *iri, term_id *out)
{
    if (!iri || !iri_is_absolute(iri))
        return BAYAN_ERR_ARGUMENT;
    char *value = repair_iri(iri);
    if (!value)
        return BAYAN_ERR_NOMEM;
    return intern(g, TERM_IRI, value, NULL, NULL, out);
}

bayan_status graph_literal(bayan_graph *g, const char *value,
                           const char *datatype, const char *lang,
                           term_id *out)
{
    if (!value || (datatype && lang))
        return BAYAN_ERR_ARGUMENT;
    if (datatype && !iri_is_absolute(datatype))
        return BAYAN_ERR_ARGUMENT;
    char *l = NULL;
    if (lang) {
        l = repair_lang(lang);
        if (!l)
            return BAYAN_ERR_ARGUMENT;
    }
    char *v = utf8_repair(value, strlen(value), NULL);
    char *d = datatype ? repair_iri(datatype) : NULL;
    if (!v || (datatype && !d)) {
        free(v);
        free(d);
        free(l);
        return BAYAN_ERR_NOMEM;
    }
    return intern(g, TERM_LITERAL, v, d, l, out);
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
    if (g->quad_count >= g->quad_capacity) {
        size_t cap = g->quad_capacity ? g->quad_capacity * 2 : 256;
        quad *quads = realloc(g->quads, cap * sizeof *quads);
        if (!quads)
            return BAYAN_ERR_NOMEM;
        g->quads = quads;
        g->quad_capacity = cap;
    }
    if ((g->quad_index.used + 1) * 2 > g->quad_index.capacity) {
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
    const term *t = &src->terms[id];
    if (t->kind == TERM_IRI)
        return graph_iri(dst, t->value, out);
    return graph_literal(dst, t->value, t->datatype, t->lang, out);
}

/* Adds quad q of src to dst, interning its terms there. */
static bayan_status copy_quad(bayan_graph *dst, const bayan_graph *src,
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
        bayan_status st = copy_quad(dst, src, &src->quads[i]);
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
    char *value = repair_iri(iri);
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

/* qsort has no context argument in C99, so we sort (quad, graph) pairs. */
typedef struct sort_item {
    quad q;
    const bayan_graph *g;
} sort_item;

static int sort_item_compare(const void *pa, const void *pb)
{
    const sort_item *a = pa;
    const sort_item *b = pb;
    const bayan_graph *g = a->g;
    int c = term_compare(graph_term(g, a->q.s), graph_term(g, b->q.s));
    if (!c)
        c = term_compare(graph_term(g, a->q.p), graph_term(g, b->q.p));
    if (!c)
        c = term_compare(graph_term(g, a->q.o), graph_term(g, b->q.o));
    if (!c)
        c = term_compare(graph_term(g, a->q.g), graph_term(g, b->q.g));
    return c;
}

bayan_status graph_sorted_quads(const bayan_graph *g, quad **out,
                                size_t *count)
{
    size_t n = g->quad_count - 1;
    *out = NULL;
    *count = 0;
    sort_item *items = malloc((n ? n : 1) * sizeof *items);
    quad *quads = malloc((n ? n : 1) * sizeof *quads);
    if (!items || !quads) {
        free(items);
        free(quads);
        return BAYAN_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        items[i].q = g->quads[i + 1];
        items[i].g = g;
    }
    qsort(items, n, sizeof *items, sort_item_compare);
    for (size_t i = 0; i < n; i++)
        quads[i] = items[i].q;
    free(items);
    *out = quads;
    *count = n;
    return BAYAN_OK;
}

/* ---- spooling article-local quads --------------------------------------- */

/* The spool file goes to $TMPDIR (else /tmp) and is unlinked at once, so
 * that nothing is left behind whatever way the process ends. */
static int spool_open_file(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t n = strlen(dir) + sizeof "/bayan-spool-XXXXXX";
    char *path = malloc(n);
    if (!path) {
        errno = ENOMEM;
        return -1;
    }
    snprintf(path, n, "%s/bayan-spool-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd >= 0)
        unlink(path);
    free(path);
    return fd;
}

bayan_status bayan_graph_spool(bayan_graph *g)
{
    if (!g || g->quad_count > 1 || g->spool)
        return BAYAN_ERR_ARGUMENT;
    struct spool *sp = calloc(1, sizeof *sp);
    if (!sp)
        return BAYAN_ERR_NOMEM;
    sp->fd = spool_open_file();
    if (sp->fd < 0) {
        int saved = errno;
        free(sp);
        errno = saved;
        return BAYAN_ERR_IO;
    }
    g->spool = sp;
    return BAYAN_OK;
}

bool graph_spooling(const bayan_graph *g)
{
    return g->spool != NULL;
}

/* Block format: the block's graph's terms in id order, each a kind byte
 * then value, datatype and lang, each a size_t of length + 1 (0: NULL) and
 * the bytes; then its quads as their ids. Terms are written once per block
 * (an article's phrase IRIs and predicates recur in many quads). Only this
 * process reads it back. */
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

static bool encode_block(membuf *b, const bayan_graph *g)
{
    if (!put_size(b, g->term_count - 1))
        return false;
    for (size_t i = 1; i < g->term_count; i++)
        if (!put_term(b, &g->terms[i]))
            return false;
    size_t n = g->quad_count - 1;
    return put_size(b, n) &&
           (!n || membuf_write(b, &g->quads[1], n * sizeof *g->quads));
}

typedef struct reader {
    const char *at;
    const char *end;
} reader;

/* A new copy of the next string; *ok false on a short record or no memory. */
static char *get_string(reader *r, bool *ok)
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

/* Terms were repaired when first interned: they go in as they are. */
static bayan_status get_term(reader *r, bayan_graph *g, term_id *out)
{
    if (r->at >= r->end)
        return BAYAN_ERR_INTERNAL;
    unsigned char kind = (unsigned char)*r->at++;
    bool ok = true;
    char *v = get_string(r, &ok);
    char *d = get_string(r, &ok);
    char *l = get_string(r, &ok);
    if (!ok || !v || (kind != TERM_IRI && kind != TERM_LITERAL)) {
        free(v);
        free(d);
        free(l);
        return BAYAN_ERR_INTERNAL;
    }
    return intern(g, (term_kind)kind, v, d, l, out);
}

/* The terms come back with the ids they had, so the quads' ids hold. */
static bayan_status decode_block(const char *data, size_t len,
                                 bayan_graph *into)
{
    reader r = {data, data + len};
    size_t terms, quads;
    if (into->term_count != 1 || !get_size(&r, &terms))
        return BAYAN_ERR_INTERNAL;
    bayan_status st = BAYAN_OK;
    for (size_t i = 1; st == BAYAN_OK && i <= terms; i++) {
        term_id id;
        st = get_term(&r, into, &id);
        if (st == BAYAN_OK && id != i)
            st = BAYAN_ERR_INTERNAL;
    }
    if (st == BAYAN_OK && !get_size(&r, &quads))
        st = BAYAN_ERR_INTERNAL;
    if (st == BAYAN_OK && (size_t)(r.end - r.at) / sizeof(quad) < quads)
        st = BAYAN_ERR_INTERNAL;
    for (size_t i = 0; st == BAYAN_OK && i < quads; i++) {
        quad q;
        memcpy(&q, r.at + i * sizeof q, sizeof q);
        st = graph_add(into, q.g, q.s, q.p, q.o);
    }
    return st;
}

/* Reads a block back into a graph of its own. */
static bayan_status spool_load(const struct spool *sp, const spool_block *b,
                               bayan_graph *into)
{
    char *data = malloc(b->length ? b->length : 1);
    if (!data)
        return BAYAN_ERR_NOMEM;
    size_t done = 0;
    while (done < b->length) {
        ssize_t n = pread(sp->fd, data + done, b->length - done,
                          b->offset + (off_t)done);
        if (n <= 0 && !(n < 0 && errno == EINTR)) {
            free(data);
            return BAYAN_ERR_IO;
        }
        if (n > 0)
            done += (size_t)n;
    }
    bayan_status st = decode_block(data, b->length, into);
    free(data);
    return st;
}

static bool write_all(int fd, const char *data, size_t len, off_t at)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = pwrite(fd, data + done, len - done, at + (off_t)done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += (size_t)n;
    }
    return true;
}

/* The index of the block for prefix, or where it goes (*found false). */
static size_t find_block(const struct spool *sp, const char *prefix,
                         bool *found)
{
    size_t lo = 0, hi = sp->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(sp->blocks[mid].prefix, prefix);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

static bayan_status insert_block(struct spool *sp, size_t at,
                                 const spool_block *b)
{
    if (sp->count == sp->capacity) {
        size_t cap = sp->capacity ? sp->capacity * 2 : 64;
        spool_block *blocks = realloc(sp->blocks, cap * sizeof *blocks);
        if (!blocks)
            return BAYAN_ERR_NOMEM;
        sp->blocks = blocks;
        sp->capacity = cap;
    }
    memmove(&sp->blocks[at + 1], &sp->blocks[at],
            (sp->count - at) * sizeof *sp->blocks);
    sp->blocks[at] = *b;
    sp->count++;
    return BAYAN_OK;
}

static bool is_local(const bayan_graph *g, term_id s, const char *prefix,
                     size_t n)
{
    const term *t = graph_term(g, s);
    return t->length >= n && memcmp(t->value, prefix, n) == 0;
}

/* Copies the quads of src whose subject is (or is not) local into dst. */
static bayan_status copy_quads(bayan_graph *dst, const bayan_graph *src,
                               const char *prefix, bool local)
{
    size_t n = strlen(prefix);
    for (size_t i = 1; i < src->quad_count; i++) {
        const quad *q = &src->quads[i];
        if (is_local(src, q->s, prefix, n) != local)
            continue;
        bayan_status st = copy_quad(dst, src, q);
        if (st != BAYAN_OK)
            return st;
    }
    return BAYAN_OK;
}

/* The article's local quads, with those of an earlier read of the same
 * article, written at the end of the file; *b describes them. The index
 * is not touched yet, so a later failure leaves the graph as it was. */
static bayan_status spool_write(struct spool *sp, const bayan_graph *part,
                                const char *prefix, const spool_block *old,
                                spool_block *b)
{
    bayan_graph *local = bayan_graph_new();
    membuf buf = {NULL, 0, 0};
    bayan_status st = local ? BAYAN_OK : BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK && old)
        st = spool_load(sp, old, local);
    if (st == BAYAN_OK)
        st = copy_quads(local, part, prefix, true);
    if (st == BAYAN_OK && old && local->quad_count - 1 == old->quads) {
        *b = *old; /* the same article again, nothing new: keep its bytes */
        bayan_graph_free(local);
        return BAYAN_OK;
    }
    if (st == BAYAN_OK && !encode_block(&buf, local))
        st = BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK && !write_all(sp->fd, buf.data, buf.length, sp->end))
        st = BAYAN_ERR_IO;
    b->offset = sp->end;
    b->length = buf.length;
    b->quads = local ? local->quad_count - 1 : 0;
    free(buf.data);
    bayan_graph_free(local);
    return st;
}

/* The spool's key for an article: its IRI and '#', repaired as an IRI (a
 * base that ends in '#' makes the second one %23). */
static char *article_prefix(const char *article_iri)
{
    size_t n = strlen(article_iri);
    char *raw = malloc(n + 2);
    if (!raw)
        return NULL;
    memcpy(raw, article_iri, n);
    memcpy(raw + n, "#", 2);
    char *prefix = repair_iri(raw);
    free(raw);
    return prefix;
}

/* Records the block written for prefix in the index. */
static bayan_status spool_index(struct spool *sp, char *prefix,
                                spool_block *b)
{
    bool found;
    size_t at = find_block(sp, prefix, &found);
    if (b->offset == sp->end) /* a new block, not an old one kept */
        sp->end += (off_t)b->length;
    if (found) {
        spool_block *old = &sp->blocks[at];
        sp->quads = sp->quads - old->quads + b->quads;
        old->offset = b->offset;
        old->length = b->length;
        old->quads = b->quads;
        free(prefix);
        return BAYAN_OK;
    }
    b->prefix = prefix;
    bayan_status st = insert_block(sp, at, b);
    if (st == BAYAN_OK)
        sp->quads += b->quads;
    return st;
}

bayan_status graph_merge_article(bayan_graph *dst, const bayan_graph *part,
                                 const char *article_iri)
{
    struct spool *sp = dst->spool;
    if (!sp)
        return graph_merge(dst, part);
    char *prefix = article_prefix(article_iri);
    if (!prefix)
        return BAYAN_ERR_NOMEM;
    bool found;
    size_t at = find_block(sp, prefix, &found);
    spool_block b = {NULL, 0, 0, 0};
    bayan_status st = spool_write(sp, part, prefix,
                                  found ? &sp->blocks[at] : NULL, &b);
    if (st == BAYAN_OK)
        st = copy_quads(dst, part, prefix, false);
    if (st == BAYAN_OK)
        return spool_index(sp, prefix, &b);
    free(prefix);
    return st;
}

/* Visits a block's quads in sorted order. */
static bayan_status visit_block(const struct spool *sp, const spool_block *b,
                                graph_visit_fn fn, void *user)
{
    bayan_graph *local = bayan_graph_new();
    if (!local)
        return BAYAN_ERR_NOMEM;
    quad *q = NULL;
    size_t n = 0;
    bayan_status st = spool_load(sp, b, local);
    if (st == BAYAN_OK)
        st = graph_sorted_quads(local, &q, &n);
    for (size_t i = 0; st == BAYAN_OK && i < n; i++)
        st = fn(user, local, &q[i]);
    if (st == BAYAN_OK)
        st = fn(user, NULL, NULL); /* local is going: forget its terms */
    free(q);
    bayan_graph_free(local);
    return st;
}

/* No subject kept in memory starts with a block's prefix, so the block's
 * quads all go before the first subject that sorts after the prefix. */
bayan_status graph_visit_sorted(const bayan_graph *g, graph_visit_fn fn,
                                void *user)
{
    quad *q;
    size_t n;
    bayan_status st = graph_sorted_quads(g, &q, &n);
    const struct spool *sp = g->spool;
    size_t count = sp ? sp->count : 0, b = 0;
    for (size_t i = 0; st == BAYAN_OK && i <= n; i++) {
        const term *s = i < n ? graph_term(g, q[i].s) : NULL;
        while (st == BAYAN_OK && b < count &&
               (!s || strcmp(sp->blocks[b].prefix, s->value) < 0))
            st = visit_block(sp, &sp->blocks[b++], fn, user);
        if (st == BAYAN_OK && s)
            st = fn(user, g, &q[i]);
    }
    free(q);
    return st;
}
