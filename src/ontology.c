/* The ontology: reading bayan.ttl and checking the terms bayan writes. */
#include "ontology.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rdf.h"
#include "vocab.h"

/* The rdf:type objects that make a subject a declared term. */
static const char *const DECLARING_TYPES[] = {
    NS_OWL "Class",
    NS_OWL "ObjectProperty",
    NS_OWL "DatatypeProperty",
    NS_OWL "AnnotationProperty",
    NS_OWL "NamedIndividual",
    NS_RDF "Property",
    NS_RDFS "Class",
    NS_RDFS "Datatype",
};

static bool is_declaring_type(const term *t)
{
    for (size_t i = 0; i < sizeof DECLARING_TYPES / sizeof *DECLARING_TYPES;
         i++)
        if (t->kind == TERM_IRI && strcmp(t->value, DECLARING_TYPES[i]) == 0)
            return true;
    return false;
}

bayan_status ontology_load(bayan_engine *e)
{
    size_t n = strlen(e->ontology_dir) + sizeof "/bayan.ttl";
    char *path = malloc(n);
    e->ontology = bayan_graph_new();
    e->declared = bayan_graph_new();
    if (!path || !e->ontology || !e->declared) {
        free(path);
        return BAYAN_ERR_NOMEM;
    }
    snprintf(path, n, "%s/bayan.ttl", e->ontology_dir);
    bayan_status st = rdf_load_turtle(e, path, NS_BAYAN, e->ontology);
    free(path);
    if (st != BAYAN_OK)
        return st;

    quad *quads;
    size_t count;
    st = graph_sorted_quads(e->ontology, &quads, &count);
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        const term *p = graph_term(e->ontology, quads[i].p);
        const term *o = graph_term(e->ontology, quads[i].o);
        if (strcmp(p->value, P_TYPE) == 0 && is_declaring_type(o)) {
            term_id id;
            st = graph_iri(e->declared,
                           graph_term(e->ontology, quads[i].s)->value, &id);
        }
    }
    free(quads);
    return st;
}

bool ontology_declares(const bayan_engine *e, const char *iri)
{
    return graph_find_iri(e->declared, iri) != 0;
}

static bayan_status undeclared(const bayan_engine *e, const char *what,
                               const char *iri)
{
    engine_report(e, BAYAN_ERROR, BAYAN_ERR_ONTOLOGY, NULL, -1,
                  "%s <%s> is not declared in %s/bayan.ttl", what, iri,
                  e->ontology_dir);
    return BAYAN_ERR_ONTOLOGY;
}

/* XSD datatypes are the W3C's, not ours: only check that they are XSD. */
static bool datatype_known(const bayan_engine *e, const char *iri)
{
    return strncmp(iri, NS_XSD, strlen(NS_XSD)) == 0 ||
           strcmp(iri, NS_RDF "langString") == 0 || ontology_declares(e, iri);
}

bayan_status ontology_check(const bayan_engine *e, const bayan_graph *g)
{
    size_t count;
    const quad *quads = graph_quads(g, &count);
    bayan_status st = BAYAN_OK;
    const term *last_p = NULL;
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        const term *p = graph_term(g, quads[i].p);
        const term *o = graph_term(g, quads[i].o);
        if (p != last_p && !ontology_declares(e, p->value))
            st = undeclared(e, "property", p->value);
        last_p = p;
        if (st == BAYAN_OK && strcmp(p->value, P_TYPE) == 0 &&
            !ontology_declares(e, o->value))
            st = undeclared(e, "class", o->value);
        if (st == BAYAN_OK && o->kind == TERM_LITERAL && o->datatype &&
            !datatype_known(e, o->datatype))
            st = undeclared(e, "datatype", o->datatype);
    }
    return st;
}
