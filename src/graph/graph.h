/* The graph model: interned RDF terms and a deduplicated set of quads.
 *
 * Terms are stored once and named by a small integer id (0 means "none",
 * used for the default graph). Terms are checked and repaired on the way in,
 * so that every exporter can trust them:
 *  - IRIs must be absolute; bytes RDF forbids in an IRI (space, controls,
 *    "<>{}|^`\ ) and every non-ASCII byte are percent-encoded;
 *  - literal values are valid UTF-8 (bad sequences become U+FFFD);
 *  - language tags are BCP 47 shaped and folded to lower case.
 * Quads come out sorted by (subject, predicate, object, graph) in byte
 * order of their terms, so every output depends on content alone. */
#ifndef BAYAN_GRAPH_H
#define BAYAN_GRAPH_H

#include "bayan/bayan.h"

typedef uint32_t term_id;

typedef enum term_kind { TERM_IRI = 1, TERM_LITERAL = 2 } term_kind;

typedef struct term {
    term_kind kind;
    const char *value;    /**< IRI or lexical form, NUL-terminated UTF-8 */
    size_t length;        /**< strlen(value) */
    const char *datatype; /**< literal datatype IRI, NULL for plain/lang */
    const char *lang;     /**< literal language tag (lower case) or NULL */
} term;

typedef struct quad {
    term_id s, p, o;
    term_id g; /**< 0 for the default graph */
} quad;

/** Interns an IRI; *out receives its id. BAYAN_ERR_ARGUMENT when the IRI is
 *  not absolute (no scheme). */
bayan_status graph_iri(bayan_graph *g, const char *iri, term_id *out);

/** Interns a literal. datatype (an IRI) and lang are optional and exclusive;
 *  BAYAN_ERR_ARGUMENT for a malformed language tag or both given. */
bayan_status graph_literal(bayan_graph *g, const char *value,
                           const char *datatype, const char *lang,
                           term_id *out);

/** Adds a quad of interned terms (duplicates are ignored). */
bayan_status graph_add(bayan_graph *g, term_id graph_name, term_id s,
                       term_id p, term_id o);

/** Convenience: adds <s> <p> <o> in graph graph_name (NULL: default). */
bayan_status graph_add_iri(bayan_graph *g, const char *graph_name,
                           const char *s, const char *p, const char *o);

/** Convenience: adds <s> <p> "value"^^datatype / @lang. */
bayan_status graph_add_literal(bayan_graph *g, const char *graph_name,
                               const char *s, const char *p,
                               const char *value, const char *datatype,
                               const char *lang);

/** Copies every quad of src into dst. */
bayan_status graph_merge(bayan_graph *dst, const bayan_graph *src);

/** The term with that id (borrowed; valid until the graph is freed). */
const term *graph_term(const bayan_graph *g, term_id id);

/** The id of an already interned IRI, or 0. The IRI is looked up as given
 *  (after the same repair graph_iri applies). */
term_id graph_find_iri(const bayan_graph *g, const char *iri);

/** The quads in insertion order (borrowed; invalidated by graph_add). Use
 *  only where order cannot show in an output. */
const quad *graph_quads(const bayan_graph *g, size_t *count);

/** A new array of every quad, sorted; *count receives its length.
 *  The caller frees the array with free(). */
bayan_status graph_sorted_quads(const bayan_graph *g, quad **out,
                                size_t *count);

/** Whether bayan_graph_spool was called on g. graph_quads and
 *  graph_sorted_quads give only the quads held in memory; graph_visit_sorted
 *  gives them all. */
bool graph_spooling(const bayan_graph *g);

/** An article's quads bound for the spool, encoded ahead of its merge:
 *  on the thread that read the article, so that the merge, which one
 *  thread does for all, has only to write them. */
typedef struct graph_spooled graph_spooled;

/** Encodes the quads of part whose subject starts with "<article_iri>#"
 *  (its nif:Context and nif:Phrases), sorted; *out is freed with
 *  graph_spooled_free. */
bayan_status graph_spool_prepare(const bayan_graph *part,
                                 const char *article_iri,
                                 graph_spooled **out);
void graph_spooled_free(graph_spooled *ready);

/** Adds an article's quads (part) to dst. When dst spools, the quads whose
 *  subject starts with "<article_iri>#" (its nif:Context and nif:Phrases)
 *  go to dst's spool file (merged with an earlier read of the same article)
 *  and the rest to memory; ready is what graph_spool_prepare made of part
 *  for article_iri, or NULL to encode them here. Otherwise the same as
 *  graph_merge. BAYAN_ERR_IO when the spool file cannot be written (errno
 *  says why). */
bayan_status graph_merge_article(bayan_graph *dst, const bayan_graph *part,
                                 const char *article_iri,
                                 const graph_spooled *ready);

/** Called with each quad in sorted order, with the graph whose terms it
 *  names (g itself, or a short-lived graph holding one spooled article).
 *  After the last quad of a short-lived graph, called with g and q NULL:
 *  that graph is freed then, and the next quad has another subject. */
typedef bayan_status (*graph_visit_fn)(void *user, const bayan_graph *g,
                                       const quad *q);

/** Every quad of g, spooled ones included, in the order of
 *  graph_sorted_quads; stops at the first status fn returns that is not
 *  BAYAN_OK and returns it. */
bayan_status graph_visit_sorted(const bayan_graph *g, graph_visit_fn fn,
                                void *user);

/** Byte-order comparison of two terms: IRIs before literals, then value,
 *  datatype and language. */
int term_compare(const term *a, const term *b);

#endif
