/* A cache of parsed Turtle files (turtle_cache.h): the triples raptor gave
 * for one file, replayed into the graph on the next run instead of parsing
 * again (parsing the lexicon was most of the start-up).
 *
 * One file per source path and base IRI in $XDG_CACHE_HOME/bayan (else
 * $HOME/.cache/bayan). It holds the source's length and FNV-1a hash, the
 * base, the triples as raptor gave them (each string with its NUL), and a
 * hash of all that last. It is used only when every one of these matches:
 * a source edited, a cache cut short or corrupt, another base or another
 * format version means parsing the source as if there were no cache. It is
 * written to a temporary file renamed into place, so that two runs at
 * once never see half of one; a cache that cannot be written is skipped
 * silently (the run does not depend on it). */
/* realpath is XSI: the rest of the house asks for POSIX only */
#define _XOPEN_SOURCE 700

#include "graph/turtle_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "bayan-turtle-cache 1\n"

uint64_t turtle_cache_hash(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* The cache directory (new string), or NULL when there is none. */
static char *cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    const char *root = xdg && *xdg == '/' ? xdg : home && *home ? home : NULL;
    const char *sub = root == xdg ? "/bayan" : "/.cache/bayan";
    if (!root)
        return NULL;
    size_t n = strlen(root) + strlen(sub) + 1;
    char *dir = malloc(n);
    if (dir)
        snprintf(dir, n, "%s%s", root, sub);
    return dir;
}

char *turtle_cache_path(const char *source, const char *base)
{
    char *dir = cache_dir();
    if (!dir)
        return NULL;
    /* the same file by another path (build tree, ../ontology) is one
     * cache, not two */
    char *real = realpath(source, NULL);
    const char *name = real ? real : source;
    uint64_t h = turtle_cache_hash(TURTLE_CACHE_HASH_START, name,
                                   strlen(name) + 1);
    h = turtle_cache_hash(h, base, strlen(base));
    free(real);
    size_t n = strlen(dir) + 40;
    char *path = malloc(n);
    if (path)
        snprintf(path, n, "%s/%016llx.triples", dir, (unsigned long long)h);
    free(dir);
    return path;
}

/* ---- the header and the records ---------------------------------------- */

static bool put_u64(membuf *b, uint64_t v)
{
    return membuf_write(b, &v, sizeof v);
}

bool turtle_cache_begin(membuf *b, uint64_t source_hash, size_t source_len,
                        const char *base)
{
    return membuf_write(b, MAGIC, sizeof MAGIC - 1) &&
           put_u64(b, source_hash) && put_u64(b, source_len) &&
           put_u64(b, strlen(base) + 1) &&
           membuf_write(b, base, strlen(base) + 1);
}

/* A string with its NUL, after its length; 0 for NULL. */
static bool put_string(membuf *b, const char *s)
{
    size_t n = s ? strlen(s) + 1 : 0;
    return put_u64(b, n) && (!n || membuf_write(b, s, n));
}

bool turtle_cache_triple(membuf *b, const char *s, const char *p,
                         bool literal, const char *o, const char *datatype,
                         const char *lang)
{
    unsigned char kind = literal ? 'L' : 'I';
    return put_string(b, s) && put_string(b, p) &&
           membuf_write(b, &kind, 1) && put_string(b, o) &&
           put_string(b, datatype) && put_string(b, lang);
}

void turtle_cache_store(const char *path, membuf *b)
{
    uint64_t h = turtle_cache_hash(TURTLE_CACHE_HASH_START, b->data, b->length);
    if (!put_u64(b, h))
        return;
    char *dir = strdup(path), *slash = dir ? strrchr(dir, '/') : NULL;
    if (!slash) {
        free(dir);
        return;
    }
    *slash = '\0';
    char *parent = strrchr(dir, '/');
    if (parent) { /* $XDG_CACHE_HOME or ~/.cache may not exist yet */
        *parent = '\0';
        mkdir(dir, 0700);
        *parent = '/';
    }
    mkdir(dir, 0700);
    size_t n = strlen(path) + sizeof ".XXXXXX";
    char *tmp = malloc(n);
    if (tmp) {
        snprintf(tmp, n, "%s.XXXXXX", path);
        int fd = mkstemp(tmp);
        FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
        if (fd >= 0 && !f)
            close(fd);
        bool ok = f && fwrite(b->data, 1, b->length, f) == b->length;
        if (f && fclose(f) != 0)
            ok = false;
        if (fd >= 0 && (!ok || rename(tmp, path) != 0))
            unlink(tmp);
        free(tmp);
    }
    free(dir);
}

/* ---- replaying ---------------------------------------------------------- */

typedef struct reader {
    const char *at, *end;
    bool ok;
} reader;

static uint64_t get_u64(reader *r)
{
    uint64_t v = 0;
    if ((size_t)(r->end - r->at) < sizeof v) {
        r->ok = false;
        return 0;
    }
    memcpy(&v, r->at, sizeof v);
    r->at += sizeof v;
    return v;
}

/* The next string (pointing into the buffer), NULL for NULL; r->ok false
 * when it runs past the end or does not end with its NUL. */
static const char *get_string(reader *r)
{
    uint64_t n = get_u64(r);
    if (!r->ok || n == 0)
        return NULL;
    if (n > (uint64_t)(r->end - r->at) || r->at[n - 1] != '\0') {
        r->ok = false;
        return NULL;
    }
    const char *s = r->at;
    r->at += n;
    return s;
}

/* Checks the header against the source and the base; r is left at the
 * first record. */
static bool header_matches(reader *r, uint64_t source_hash,
                           size_t source_len, const char *base)
{
    size_t m = sizeof MAGIC - 1;
    if ((size_t)(r->end - r->at) < m || memcmp(r->at, MAGIC, m) != 0)
        return false;
    r->at += m;
    bool same = get_u64(r) == source_hash && get_u64(r) == source_len;
    const char *b = get_string(r);
    return r->ok && same && b && strcmp(b, base) == 0;
}

/* Reads the whole file at path (new buffer) or NULL. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    char *data = NULL;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0 &&
        (data = malloc((size_t)st.st_size)) != NULL &&
        fread(data, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        free(data);
        data = NULL;
    }
    *len = data ? (size_t)st.st_size : 0;
    fclose(f);
    return data;
}

/* Whether every record from r on is whole and well formed (checked before
 * any is added, so that a bad cache leaves the graph untouched). */
static bool records_valid(reader r)
{
    while (r.ok && r.at < r.end) {
        const char *s = get_string(&r), *p = get_string(&r);
        char kind = r.at < r.end ? *r.at++ : 0;
        const char *o = get_string(&r);
        get_string(&r);
        get_string(&r);
        if (!s || !p || !o || (kind != 'I' && kind != 'L'))
            return false;
    }
    return r.ok;
}

/* Adds the records of r (valid) to graph, as turtle.c adds raptor's. */
static bayan_status replay(reader *r, bayan_graph *graph)
{
    bayan_status st = BAYAN_OK;
    while (st == BAYAN_OK && r->at < r->end) {
        const char *s = get_string(r), *p = get_string(r);
        char kind = *r->at++;
        const char *o = get_string(r), *d = get_string(r),
                   *l = get_string(r);
        st = kind == 'I' ? graph_add_iri(graph, NULL, s, p, o)
                         : graph_add_literal(graph, NULL, s, p, o, d, l);
    }
    return st;
}

bool turtle_cache_load(const char *path, uint64_t source_hash,
                      size_t source_len, const char *base,
                      bayan_graph *graph, bayan_status *st)
{
    size_t len;
    char *data = slurp(path, &len);
    if (!data)
        return 0;
    bool used = false;
    uint64_t stored;
    if (len >= sizeof stored) {
        memcpy(&stored, data + len - sizeof stored, sizeof stored);
        reader r = {data, data + len - sizeof stored, true};
        if (stored == turtle_cache_hash(TURTLE_CACHE_HASH_START, data,
                                        len - sizeof stored) &&
            header_matches(&r, source_hash, source_len, base) &&
            records_valid(r)) {
            *st = replay(&r, graph);
            used = true;
        }
    }
    free(data);
    return used;
}
