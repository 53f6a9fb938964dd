/* What the graph's own modules share (graph.c, term.c, spool.c): the
 * layout of a graph. Nothing outside graph/ includes this; the rest of the
 * house goes through graph.h. */
#ifndef BAYAN_GRAPH_IMPL_H
#define BAYAN_GRAPH_IMPL_H

#include "core/membuf.h"
#include "graph/graph.h"

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
    uint64_t *term_hashes; /* term_hash of each term, for the index's
                              growth (NULL in a graph only read) */
    size_t hash_capacity;
    id_table term_index;

    quad *quads; /* quads[0] is unused for the same reason */
    size_t quad_count;
    size_t quad_capacity;
    id_table quad_index;

    struct spool *spool; /* NULL: every quad is in memory */
};


/* ---- term.c ------------------------------------------------------------- */

/** A new copy of iri with every byte RDF forbids percent-encoded; NULL
 *  when out of memory. */
char *term_repair_iri(const char *iri);
/** Whether byte i of iri must be percent-encoded; *seen_hash carries
 *  whether a '#' came before (start it false and go in order). */
bool term_iri_needs_escape(const char *iri, size_t i, bool *seen_hash);
/** True when term_repair_iri would return iri unchanged. */
bool term_iri_is_clean(const char *iri);
/** True when lang is a BCP 47 shaped tag already in lower case (what
 *  term_repair_lang would return unchanged). */
bool term_lang_is_canonical(const char *lang);
/** True when iri starts with a scheme. */
bool term_iri_is_absolute(const char *iri);
/** A new, lower-case copy of a BCP 47 shaped language tag, or NULL when
 *  lang is malformed (or out of memory). */
char *term_repair_lang(const char *lang);

/* ---- graph.c ------------------------------------------------------------ */

/** Interns a term whose parts are already repaired; takes ownership of
 *  value, datatype and lang (freed when the term is already known). */
bayan_status graph_intern(bayan_graph *g, term_kind kind, char *value,
                          char *datatype, char *lang, term_id *out);

/** The ids of g's quads (graph_quad gives each), in the order of
 *  graph_sorted_quads, at 8 bytes a quad at most while sorting rather
 *  than the quads' copy; free() *out. */
bayan_status graph_sorted_ids(const bayan_graph *g, uint32_t **out,
                              size_t *count);
const quad *graph_quad(const bayan_graph *g, uint32_t id);

/** Adds quad q of src to dst, interning its terms there. */
bayan_status graph_copy_quad(bayan_graph *dst, const bayan_graph *src,
                             const quad *q);
/** graph_copy_quad for many quads of one src: map (graph_term_count(src)
 *  ids, zeroed before the first call) remembers the dst id of each src
 *  term already copied, so that each is interned once. */
bayan_status graph_copy_quad_mapped(bayan_graph *dst, const bayan_graph *src,
                                    const quad *q, term_id *map);
/** The number of term ids of g, 0 included. */
size_t graph_term_count(const bayan_graph *g);

/* ---- spool.c ------------------------------------------------------------ */

/** Closes the spool file and frees the index (NULL is a no-op). */
void spool_free(struct spool *sp);
/** The number of quads spooled (0 for NULL). */
size_t spool_quad_count(const struct spool *sp);

/* ---- spool_codec.c ------------------------------------------------------ */

/** Appends to b the quads of g whose subject starts with prefix (NULL:
 *  every quad), sorted, with their terms; *quads is their number. */
bayan_status spool_encode(membuf *b, const bayan_graph *g, const char *prefix,
                          size_t *quads);
/** Reads a block of spool_encode into into (a new graph), interning each
 *  term and adding each quad: into may grow afterwards. */
bayan_status spool_decode(const char *data, size_t len, bayan_graph *into);
/** The same without hashing: into (a new graph) is only to be read, and
 *  graph_quads gives its quads in sorted order. */
bayan_status spool_decode_sorted(const char *data, size_t len,
                                 bayan_graph *into);

#endif
