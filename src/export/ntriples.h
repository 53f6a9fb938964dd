/* N-Triples and N-Quads lines written into a large buffer and handed to
 * the sink in 64 KB writes (ntriples.c), the same bytes as raptor's
 * writers. */
#ifndef BAYAN_EXPORT_NTRIPLES_H
#define BAYAN_EXPORT_NTRIPLES_H

#include "graph/graph.h"

typedef struct nt_writer {
    bayan_write_fn write;
    void *user;
    bool failed; /**< a write to the sink failed; later ones are dropped */
    size_t used;
    char buffer[65536];
} nt_writer;

void nt_writer_init(nt_writer *w, bayan_write_fn write, void *user);

/** Appends the line of quad q, whose terms g names; with_graph adds its
 *  graph name (N-Quads) when it has one. False once a write failed. */
bool nt_write_quad(nt_writer *w, const bayan_graph *g, const quad *q,
                   bool with_graph);

/** Hands what is buffered to the sink; false when any write failed. */
bool nt_writer_finish(nt_writer *w);

#endif
