/* The exporters. Each writes a whole graph through a sink, in an order that
 * depends on the graph's content alone. Each third-party library stays in
 * its own module: raptor2 in rdf.c, libxml2 in graphml.c, cgraph and gvc in
 * dot.c. */
#ifndef BAYAN_EXPORT_H
#define BAYAN_EXPORT_H

#include "engine.h"

/** Turtle, N-Triples or N-Quads through raptor2's serializers (rdf.c). */
bayan_status export_rdf(const bayan_engine *e, const bayan_graph *g,
                        bayan_format format, bayan_write_fn write, void *user);

/** GraphML through libxml2's xmlTextWriter (graphml.c). */
bayan_status export_graphml(const bayan_engine *e, const bayan_graph *g,
                            bayan_write_fn write, void *user);

/** DOT through cgraph's agwrite, or SVG rendered by gvc (dot.c). */
bayan_status export_dot(const bayan_engine *e, const bayan_graph *g,
                        bayan_format format, bayan_write_fn write, void *user);

/** A Graphviz context for export_dot's SVG, made once with the engine and
 *  freed with it (dot.c). Not one per export: Graphviz 2.43's pango plugin
 *  keeps a pointer to a font name owned by the context that last measured
 *  text and compares against it in the next layout, which reads freed
 *  memory when contexts come and go (found by fuzz/fuzz_pipeline.c). */
bayan_status dot_context_new(struct GVC_s **out);
void dot_context_free(struct GVC_s *gvc);

#endif
