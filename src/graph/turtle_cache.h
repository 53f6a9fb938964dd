/* A cache of parsed Turtle files, so that a run need not parse the
 * lexicon again when its files have not changed (turtle_cache.c says
 * where it lives and when it is trusted). Used by turtle.c only. */
#ifndef BAYAN_GRAPH_TURTLE_CACHE_H
#define BAYAN_GRAPH_TURTLE_CACHE_H

#include <stdint.h>

#include "core/membuf.h"
#include "graph/graph.h"

/** FNV-1a of n more bytes after hash h (start from
 *  TURTLE_CACHE_HASH_START): how a source's content is recognised. */
#define TURTLE_CACHE_HASH_START 14695981039346656037ULL
uint64_t turtle_cache_hash(uint64_t h, const void *data, size_t n);

/** The cache file for the Turtle file at source read against base (a new
 *  string), or NULL when there is no cache directory (no XDG_CACHE_HOME
 *  and no HOME) or no memory. */
char *turtle_cache_path(const char *source, const char *base);

/** Adds the triples cached at path to graph when the cache is whole and
 *  was made from a source of that hash and length read against base:
 *  returns true and sets *st (BAYAN_OK, or the graph's error). Returns
 *  false, the graph untouched, when there is no such cache. */
bool turtle_cache_load(const char *path, uint64_t source_hash,
                       size_t source_len, const char *base,
                       bayan_graph *graph, bayan_status *st);

/** A new cache in b: its header, then turtle_cache_triple for each triple
 *  in the order they were added, then turtle_cache_store. False when out
 *  of memory. */
bool turtle_cache_begin(membuf *b, uint64_t source_hash, size_t source_len,
                        const char *base);
bool turtle_cache_triple(membuf *b, const char *s, const char *p,
                         bool literal, const char *o, const char *datatype,
                         const char *lang);

/** Writes the cache b (adding its checksum) to path, through a temporary
 *  file renamed into place; any failure leaves no cache, silently. */
void turtle_cache_store(const char *path, membuf *b);

#endif
