/* The ontology: ontology/bayan.ttl, read at start-up, and the check that
 * every term bayan writes is declared there (ontology.c). */
#ifndef BAYAN_ONTOLOGY_H
#define BAYAN_ONTOLOGY_H

#include "engine.h"

/** Reads <ontology_dir>/bayan.ttl into e->ontology and e->declared. */
bayan_status ontology_load(bayan_engine *e);

/** True when the ontology declares iri (as a class, property, datatype or
 *  individual). */
bool ontology_declares(const bayan_engine *e, const char *iri);

/** Checks that every predicate, every rdf:type object and every literal
 *  datatype in g is declared; reports the first undeclared term. */
bayan_status ontology_check(const bayan_engine *e, const bayan_graph *g);

#endif
