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

/* A block's bytes, read back from the file; free() *out. */
static bayan_status spool_read(const struct spool *sp, const spool_block *b,
                               char **out)
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
    *out = data;
    return BAYAN_OK;
}

/* Reads a block back into a graph of its own, to add to it
 * (sorted: spool_decode_sorted). */
static bayan_status spool_load(const struct spool *sp, const spool_block *b,
                               bayan_graph *into, bool sorted)
{
    char *data;
    bayan_status st = spool_read(sp, b, &data);
    if (st != BAYAN_OK)
        return st;
    st = sorted ? spool_decode_sorted(data, b->length, into)
                : spool_decode(data, b->length, into);
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

/* The article's local quads, with those of an earlier read of it (old,
 * in sp), encoded into buf; *quads is their number, *same whether old
 * holds them all already (buf is left empty then). */
static bayan_status encode_again(const struct spool *sp,
                                 const spool_block *old,
                                 const bayan_graph *part, const char *prefix,
                                 membuf *buf, size_t *quads, bool *same)
{
    bayan_graph *local = bayan_graph_new();
    bayan_status st = local ? BAYAN_OK : BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK)
        st = spool_load(sp, old, local, false);
    if (st == BAYAN_OK)
        st = copy_quads(local, part, prefix, true);
    *quads = local ? local->quad_count - 1 : 0;
    *same = *quads == old->quads;
    if (st == BAYAN_OK && !*same)
        st = spool_encode(buf, local, NULL, quads);
    bayan_graph_free(local);
    return st;
}

/* Writes bytes at the end of the file; *b describes them. The index is
 * not touched yet, so a later failure leaves the graph as it was. */
static bayan_status spool_append(struct spool *sp, const membuf *bytes,
                                 size_t quads, spool_block *b)
{
    if (!write_all(sp->fd, bytes->data, bytes->length, sp->end))
        return BAYAN_ERR_IO;
    *b = (spool_block){NULL, sp->end, bytes->length, quads};
    return BAYAN_OK;
}

/* The same article read again: its local quads merged with the block it
 * had, written anew unless nothing is new. */
static bayan_status spool_rewrite(struct spool *sp, const bayan_graph *part,
                                  const char *prefix, const spool_block *old,
                                  spool_block *b)
{
    membuf buf = {NULL, 0, 0};
    size_t quads;
    bool same;
    bayan_status st = encode_again(sp, old, part, prefix, &buf, &quads, &same);
    if (st == BAYAN_OK && same)
        *b = *old; /* nothing new: keep its bytes */
    else if (st == BAYAN_OK)
        st = spool_append(sp, &buf, quads, b);
    free(buf.data);
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
    else
        free(prefix);
    return st;
}

/* An article's local quads encoded ahead of the merge, with its key. */
struct graph_spooled {
    char *prefix;
    membuf bytes;
    size_t quads;
};

void graph_spooled_free(graph_spooled *ready)
{
    if (!ready)
        return;
    free(ready->prefix);
    free(ready->bytes.data);
    free(ready);
}

bayan_status graph_spool_prepare(const bayan_graph *part,
                                 const char *article_iri,
                                 graph_spooled **out)
{
    *out = NULL;
    graph_spooled *r = calloc(1, sizeof *r);
    if (!r)
        return BAYAN_ERR_NOMEM;
    r->prefix = article_prefix(article_iri);
    bayan_status st = r->prefix ? spool_encode(&r->bytes, part, r->prefix,
                                               &r->quads)
                                : BAYAN_ERR_NOMEM;
    if (st != BAYAN_OK) {
        graph_spooled_free(r);
        return st;
    }
    *out = r;
    return BAYAN_OK;
}

/* Writes the article's local quads to the file (merged with those of an
 * earlier read of it); *b describes them. */
static bayan_status spool_write(struct spool *sp, const bayan_graph *part,
                                const graph_spooled *ready, spool_block *b)
{
    bool found;
    size_t at = find_block(sp, ready->prefix, &found);
    if (found)
        return spool_rewrite(sp, part, ready->prefix, &sp->blocks[at], b);
    return spool_append(sp, &ready->bytes, ready->quads, b);
}

bayan_status graph_merge_article(bayan_graph *dst, const bayan_graph *part,
                                 const char *article_iri,
                                 const graph_spooled *ready)
{
    struct spool *sp = dst->spool;
    if (!sp)
        return graph_merge(dst, part);
    graph_spooled *own = NULL;
    bayan_status st = BAYAN_OK;
    if (!ready) {
        st = graph_spool_prepare(part, article_iri, &own);
        ready = own;
    }
    spool_block b = {NULL, 0, 0, 0};
    if (st == BAYAN_OK)
        st = spool_write(sp, part, ready, &b);
    if (st == BAYAN_OK)
        st = copy_quads(dst, part, ready->prefix, false);
    char *prefix = st == BAYAN_OK ? strdup(ready->prefix) : NULL;
    if (st == BAYAN_OK && !prefix)
        st = BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK)
        st = spool_index(sp, prefix, &b);
    graph_spooled_free(own);
    return st;
}

/* Visits a block's quads, stored sorted. */
static bayan_status visit_block(const struct spool *sp, const spool_block *b,
                                graph_visit_fn fn, void *user)
{
    bayan_graph *local = bayan_graph_new();
    if (!local)
        return BAYAN_ERR_NOMEM;
    bayan_status st = spool_load(sp, b, local, true);
    size_t n = 0;
    const quad *q = st == BAYAN_OK ? graph_quads(local, &n) : NULL;
    for (size_t i = 0; st == BAYAN_OK && i < n; i++)
        st = fn(user, local, &q[i]);
    if (st == BAYAN_OK)
        st = fn(user, NULL, NULL); /* local is going: forget its terms */
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
