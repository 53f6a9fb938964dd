/* The property-graph view of a graph, shared by GraphML and DOT (view.c):
 * nodes are the entities (subjects typed with an entity class), edges the
 * object properties between two of them. */
#ifndef BAYAN_VIEW_H
#define BAYAN_VIEW_H

#include "graph/graph.h"

typedef struct view_node {
    term_id iri;
    const char *type;     /**< the class's local name, e.g. "State" */
    const char *label_ar; /**< rdfs:label@ar or NULL (borrowed from graph) */
    const char *label_en; /**< rdfs:label@en or NULL */
} view_node;

typedef struct view_edge {
    size_t source, target; /**< indices into nodes */
    term_id predicate;
    char *curie;           /**< e.g. "schema:mentions" (owned by the view) */
} view_edge;

typedef struct graph_view {
    view_node *nodes; /**< sorted by IRI */
    size_t node_count;
    view_edge *edges; /**< sorted by source, predicate, target */
    size_t edge_count;
} graph_view;

/** Builds the view of g (which must outlive it). */
bayan_status view_build(const bayan_graph *g, graph_view *out);
void view_clear(graph_view *v);

#endif
