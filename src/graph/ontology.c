/* The ontology: reading bayan.ttl and checking the terms bayan writes. */
#include "graph/ontology.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/turtle.h"
#include "graph/vocab.h"

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

/* Reads dir/bayan.ttl into o->triples and collects the terms it declares. */
static bayan_status read_ontology(const reporter *r, ontology *o)
{
    size_t n = strlen(o->dir) + sizeof "/bayan.ttl";
    char *path = malloc(n);
    if (!path)
        return BAYAN_ERR_NOMEM;
    snprintf(path, n, "%s/bayan.ttl", o->dir);
    bayan_status st = turtle_load(r, path, NS_BAYAN, o->triples);
    free(path);
    if (st != BAYAN_OK)
        return st;

    quad *quads;
    size_t count;
    st = graph_sorted_quads(o->triples, &quads, &count);
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        const term *p = graph_term(o->triples, quads[i].p);
        const term *t = graph_term(o->triples, quads[i].o);
        if (strcmp(p->value, P_TYPE) == 0 && is_declaring_type(t)) {
            term_id id;
            st = graph_iri(o->declared,
                           graph_term(o->triples, quads[i].s)->value, &id);
        }
    }
    free(quads);
    return st;
}

bayan_status ontology_load(const reporter *r, const char *dir,
                           ontology **out)
{
    *out = NULL;
    ontology *o = calloc(1, sizeof *o);
    if (!o)
        return BAYAN_ERR_NOMEM;
    o->dir = strdup(dir);
    o->triples = bayan_graph_new();
    o->declared = bayan_graph_new();
    bayan_status st = o->dir && o->triples && o->declared
                          ? read_ontology(r, o)
                          : BAYAN_ERR_NOMEM;
    if (st != BAYAN_OK) {
        ontology_free(o);
        return st;
    }
    *out = o;
    return BAYAN_OK;
}

void ontology_free(ontology *o)
{
    if (!o)
        return;
    free(o->dir);
    bayan_graph_free(o->triples);
    bayan_graph_free(o->declared);
    free(o);
}

bool ontology_declares(const ontology *o, const char *iri)
{
    return graph_find_iri(o->declared, iri) != 0;
}

static bayan_status undeclared(const ontology *o, const reporter *r,
                               const char *what, const char *iri)
{
    report(r, BAYAN_ERROR, BAYAN_ERR_ONTOLOGY, NULL, -1,
           "%s <%s> is not declared in %s/bayan.ttl", what, iri, o->dir);
    return BAYAN_ERR_ONTOLOGY;
}

/* XSD datatypes are the W3C's, not ours: only check that they are XSD. */
static bool datatype_known(const ontology *o, const char *iri)
{
    return strncmp(iri, NS_XSD, strlen(NS_XSD)) == 0 ||
           strcmp(iri, NS_RDF "langString") == 0 || ontology_declares(o, iri);
}

bayan_status ontology_check(const ontology *ont, const reporter *r,
                            const bayan_graph *g)
{
    size_t count;
    const quad *quads = graph_quads(g, &count);
    bayan_status st = BAYAN_OK;
    const term *last_p = NULL;
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        const term *p = graph_term(g, quads[i].p);
        const term *o = graph_term(g, quads[i].o);
        if (p != last_p && !ontology_declares(ont, p->value))
            st = undeclared(ont, r, "property", p->value);
        last_p = p;
        if (st == BAYAN_OK && strcmp(p->value, P_TYPE) == 0 &&
            !ontology_declares(ont, o->value))
            st = undeclared(ont, r, "class", o->value);
        if (st == BAYAN_OK && o->kind == TERM_LITERAL && o->datatype &&
            !datatype_known(ont, o->datatype))
            st = undeclared(ont, r, "datatype", o->datatype);
    }
    return st;
}
