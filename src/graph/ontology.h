/* The ontology: ontology/bayan.ttl, read at start-up, and the check that
 * every term bayan writes is declared there (ontology.c). */
#ifndef BAYAN_GRAPH_ONTOLOGY_H
#define BAYAN_GRAPH_ONTOLOGY_H

#include "core/report.h"
#include "graph/graph.h"

typedef struct ontology {
    char *dir;             /**< where bayan.ttl was read, for messages */
    bayan_graph *triples;  /**< the triples of bayan.ttl */
    bayan_graph *declared; /**< used as a set: the terms it declares */
} ontology;

/** Reads <dir>/bayan.ttl; *out is new (ontology_free). */
bayan_status ontology_load(const reporter *r, const char *dir,
                           ontology **out);
void ontology_free(ontology *o);

/** True when the ontology declares iri (as a class, property, datatype or
 *  individual). */
bool ontology_declares(const ontology *o, const char *iri);

/** Checks that every predicate, every rdf:type object and every literal
 *  datatype in g is declared; reports the first undeclared term. */
bayan_status ontology_check(const ontology *o, const reporter *r,
                            const bayan_graph *g);

#endif
