/* Spooling: each article's nif:Context and nif:Phrase quads go to an
 * unlinked temporary file and come back, in sorted order, at export, so
 * that memory stays flat in the size of the corpus. */
#include "graph/graph_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/array.h"
#include "core/membuf.h"

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

void spool_free(struct spool *sp)
{
    if (!sp)
        return;
    for (size_t i = 0; i < sp->count; i++)
        free(sp->blocks[i].prefix);
    free(sp->blocks);
    close(sp->fd);
    free(sp);
}

size_t spool_quad_count(const struct spool *sp)
{
    return sp ? sp->quads : 0;
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
    return graph_intern(g, (term_kind)kind, v, d, l, out);
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
    if (!array_grow((void **)&sp->blocks, sp->count, &sp->capacity,
                    sizeof *sp->blocks))
        return BAYAN_ERR_NOMEM;
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

/* Copies the quads of src whose subject is (or is not) local into dst,
 * each of src's terms interned in dst once (an article's IRI and the
 * predicates are in most of its quads: this is the merge, which one
 * thread does for all the workers). */
static bayan_status copy_quads(bayan_graph *dst, const bayan_graph *src,
                               const char *prefix, bool local)
{
    size_t n = strlen(prefix);
    size_t terms = graph_term_count(src);
    term_id *map = calloc(terms ? terms : 1, sizeof *map);
    if (!map)
        return BAYAN_ERR_NOMEM;
    bayan_status st = BAYAN_OK;
    for (size_t i = 1; st == BAYAN_OK && i < src->quad_count; i++) {
        const quad *q = &src->quads[i];
        if (is_local(src, q->s, prefix, n) == local)
            st = graph_copy_quad_mapped(dst, src, q, map);
    }
    free(map);
    return st;
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
    char *prefix = term_repair_iri(raw);
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
    uint32_t *ids;
    size_t n;
    bayan_status st = graph_sorted_ids(g, &ids, &n);
    const struct spool *sp = g->spool;
    size_t count = sp ? sp->count : 0, b = 0;
    for (size_t i = 0; st == BAYAN_OK && i <= n; i++) {
        const quad *q = i < n ? graph_quad(g, ids[i]) : NULL;
        const term *s = q ? graph_term(g, q->s) : NULL;
        while (st == BAYAN_OK && b < count &&
               (!s || strcmp(sp->blocks[b].prefix, s->value) < 0))
            st = visit_block(sp, &sp->blocks[b++], fn, user);
        if (st == BAYAN_OK && s)
            st = fn(user, g, q);
    }
    free(ids);
    return st;
}
