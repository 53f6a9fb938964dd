/* The property-graph view of a graph, shared by GraphML and DOT (view.c):
 * nodes are the entities (subjects typed with an entity class), edges the
 * object properties between two of them. */
#ifndef BAYAN_VIEW_H
#define BAYAN_VIEW_H

#include "graph/graph.h"

/* A node's literal facts (the vocabulary's datatype properties), each the
 * smallest value when there are several; NULL when absent. Strings are
 * borrowed from the graph. */
typedef struct view_facts {
    const char *date;          /**< schema:startDate (a meeting) */
    const char *published;     /**< schema:datePublished (an article) */
    const char *level;         /**< bayan:meetingLevel's local name */
    const char *participants;  /**< bayan:participantCount, digits */
    const char *is_virtual;    /**< bayan:virtual, "true" or "false" */
    const char *planned;       /**< bayan:planned, "true" or "false" */
    const char *iso_code;      /**< bayan:isoCode */
    const char *job_title;     /**< schema:jobTitle */
    const char *number;        /**< bayan:number (a resolution) */
    const char *source_file;   /**< bayan:sourceFile (an article) */
    const char *population;    /**< schema:population (a city), digits */
} view_facts;

typedef struct view_node {
    term_id iri;
    const char *type;     /**< the class's local name, e.g. "State" */
    const char *label_ar; /**< rdfs:label@ar or NULL (borrowed from graph) */
    const char *label_en; /**< rdfs:label@en or NULL */
    view_facts facts;
} view_node;

typedef struct view_edge {
    size_t source, target; /**< indices into nodes */
    term_id predicate;
    const char *curie;     /**< e.g. "schema:mentions" (the view's) */
} view_edge;

typedef struct graph_view {
    view_node *nodes; /**< sorted by IRI */
    size_t node_count;
    view_edge *edges; /**< sorted by source, predicate, target */
    size_t edge_count;
    /* the edges' curies, one a predicate (there are a few dozen, and
     * hundreds of thousands of edges in a large corpus's view) */
    char **curies;
    term_id *curie_predicates;
    size_t curie_count;
} graph_view;

/** Builds the view of g (which must outlive it). A fact stated both ways
 *  is one edge: an entity's prov:wasDerivedFrom an article that
 *  schema:mentions it is left out. */
bayan_status view_build(const bayan_graph *g, graph_view *out);

/** The meetings view of g, for diagrams a person can read: the meetings
 *  and what their object properties lead to (place, chairs, hosts,
 *  participants, new members, organizer, statement, resolutions), with
 *  the statements' resolutions; articles and plain mentions are left out
 *  (view_meetings.c). */
bayan_status view_build_meetings(const bayan_graph *g, graph_view *out);
void view_clear(graph_view *v);

#endif
