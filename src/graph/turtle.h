/* Reading Turtle data files through raptor2 (turtle.c). */
#ifndef BAYAN_GRAPH_TURTLE_H
#define BAYAN_GRAPH_TURTLE_H

#include "core/report.h"
#include "graph/graph.h"

/** Parses the Turtle file at path, resolving relative IRIs against base,
 *  and adds every triple to graph (default graph). Syntax errors are
 *  reported through r with the file and line, and
 *  return BAYAN_ERR_SYNTAX. Blank nodes are not supported in data files
 *  and are an error. */
bayan_status turtle_load(const reporter *r, const char *path,
                         const char *base, bayan_graph *graph);

#endif
