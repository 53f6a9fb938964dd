/* Reading Turtle data files through raptor2 (rdf.c). */
#ifndef BAYAN_RDF_H
#define BAYAN_RDF_H

#include "engine.h"

/** Parses the Turtle file at path, resolving relative IRIs against base,
 *  and adds every triple to graph (default graph). Syntax errors are
 *  reported through the engine's callback with the file and line, and
 *  return BAYAN_ERR_SYNTAX. Blank nodes are not supported in data files
 *  and are an error. */
bayan_status rdf_load_turtle(const bayan_engine *e, const char *path,
                             const char *base, bayan_graph *graph);

#endif
