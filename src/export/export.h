/* The exporters. Each writes a whole graph through a sink, in an order that
 * depends on the graph's content alone. Each third-party library stays in
 * its own module: raptor2 in rdf.c, libxml2 in graphml.c, cgraph and gvc in
 * dot.c. */
#ifndef BAYAN_EXPORT_H
#define BAYAN_EXPORT_H

#include "core/report.h"
#include "graph/graph.h"

typedef struct dot_state dot_state;

/** What every exporter is given besides the graph. */
typedef struct export_env {
    const char *base;         /**< base IRI of resources (Turtle's prefix) */
    const reporter *reporter; /**< may be NULL */
    dot_state *dot; /**< SVG renderer state (dot_state_new), or NULL */
    /** DOT and SVG draw the meetings view (view_build_meetings) rather
     *  than the whole graph. */
    bool meetings_view;
    /** Polled while a drawing is laid out (may be NULL): true stops it. */
    bool (*cancelled)(void *user);
    void *cancel_user;
} export_env;

/** Where an exporter's diagnostics go (nowhere when x is NULL). */
static inline const reporter *export_reporter(const export_env *x)
{
    return x ? x->reporter : NULL;
}

/** Turtle, N-Triples or N-Quads through raptor2's serializers (rdf.c). */
bayan_status export_rdf(const export_env *x, const bayan_graph *g,
                        bayan_format format, bayan_write_fn write, void *user);

/** GraphML through libxml2's xmlTextWriter (graphml.c). */
bayan_status export_graphml(const export_env *x, const bayan_graph *g,
                            bayan_write_fn write, void *user);

/** DOT through cgraph's agwrite, or SVG rendered by gvc (dot.c). */
bayan_status export_dot(const export_env *x, const bayan_graph *g,
                        bayan_format format, bayan_write_fn write, void *user);

/** Runs an export in a child process (apart.c): fn writes through the
 *  sink it is given, which copies into write; e's cancelled callback is
 *  polled ten times a second meanwhile, and when it says stop the child is
 *  killed and BAYAN_ERR_CANCELLED returned. For work that never returns
 *  to us while it runs (a Graphviz layout). Without fork, fn runs here. */
typedef bayan_status (*export_apart_fn)(void *arg, bayan_write_fn write,
                                        void *user);
bayan_status export_apart(const export_env *e, export_apart_fn fn, void *arg,
                          bayan_write_fn write, void *user);

/** What export_dot keeps between SVG exports of one engine: the Graphviz
 *  context, made on the first SVG export and freed with the engine (dot.c).
 *  Not one context per export: Graphviz 2.43's pango plugin keeps a pointer
 *  to a font name owned by the context that last measured text and compares
 *  against it in the next layout, which reads freed memory when contexts
 *  come and go (found by fuzz/fuzz_pipeline.c). Like Graphviz itself, not
 *  safe for SVG exports from several threads at once. */
dot_state *dot_state_new(void);
void dot_state_free(dot_state *s);

#endif
