/* The public API: exporting a graph, to a sink or to files replaced all
 * at once. */
#include "engine/engine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/atomic_file.h"
#include "graph/view.h"

/* ---- exporting ---------------------------------------------------------- */

bayan_status bayan_export(const bayan_engine *e, const bayan_graph *graph,
                          bayan_format format, bayan_write_fn write,
                          void *user)
{
    bayan_status st = ontology_check(e->ontology, &e->reporter, graph);
    if (st != BAYAN_OK)
        return st;
    switch (format) {
    case BAYAN_FORMAT_TURTLE:
    case BAYAN_FORMAT_NTRIPLES:
    case BAYAN_FORMAT_NQUADS:
        return export_rdf(&e->export, graph, format, write, user);
    case BAYAN_FORMAT_GRAPHML:
        return export_graphml(&e->export, graph, write, user);
    case BAYAN_FORMAT_DOT:
    case BAYAN_FORMAT_SVG:
        return export_dot(&e->export, graph, format, write, user);
    case BAYAN_FORMAT_COUNT:
        break;
    }
    return BAYAN_ERR_ARGUMENT;
}

bayan_status bayan_graph_drawing_size(const bayan_engine *e,
                                      const bayan_graph *graph,
                                      size_t *nodes, size_t *edges)
{
    (void)e; /* one view of the graph for now */
    graph_view v;
    bayan_status st = e->export.meetings_view
                          ? view_build_meetings(graph, &v)
                          : view_build(graph, &v);
    if (st != BAYAN_OK)
        return st;
    *nodes = v.node_count;
    *edges = v.edge_count;
    view_clear(&v);
    return BAYAN_OK;
}

/* The sink of an export to a file: the atomic file, a buffer (raptor
 * writes byte by byte: a call per byte to stdio cost a third of a large
 * export) and the engine whose cancelled callback is polled at each flush
 * of the buffer. */
typedef struct file_sink {
    const bayan_engine *e;
    atomic_file *file;
    bool cancelled;
    int error; /* errno of the first failed write, for the message */
    size_t used;
    char buffer[65536];
} file_sink;

/* Writes through to the file; on failure keeps errno for the message. */
static bool file_sink_put(file_sink *s, const void *bytes, size_t len)
{
    errno = 0;
    if (atomic_write(s->file, bytes, len))
        return true;
    s->error = errno ? errno : EIO;
    return false;
}

static bool file_sink_flush(file_sink *s)
{
    if (!s->cancelled && s->e->cancelled && s->e->cancelled(s->e->user))
        s->cancelled = true;
    if (s->cancelled || s->error)
        return false;
    if (!file_sink_put(s, s->buffer, s->used))
        return false;
    s->used = 0;
    return true;
}

static bool file_sink_write(void *user, const void *bytes, size_t len)
{
    file_sink *s = user;
    if (s->used + len > sizeof s->buffer && !file_sink_flush(s))
        return false;
    if (len > sizeof s->buffer) /* too big to buffer: straight through */
        return file_sink_put(s, bytes, len);
    memcpy(s->buffer + s->used, bytes, len);
    s->used += len;
    return true;
}

/* Exports one format into a new temporary file beside path, flushed and
 * synced but not renamed yet (*out; atomic_commit or atomic_abort it). */
static bayan_status export_to_temp(const bayan_engine *e,
                                   const bayan_graph *graph,
                                   bayan_format format, const char *path,
                                   atomic_file **out)
{
    file_sink *sink = malloc(sizeof *sink);
    if (!sink)
        return BAYAN_ERR_NOMEM;
    sink->e = e;
    sink->cancelled = false;
    sink->error = 0;
    sink->used = 0;
    bayan_status st = atomic_open(path, &sink->file);
    if (st != BAYAN_OK) {
        report(&e->reporter, BAYAN_ERROR, st, path, -1,
                      "cannot create a file beside it: %s", strerror(errno));
        free(sink);
        return st;
    }
    st = bayan_export(e, graph, format, file_sink_write, sink);
    if (st == BAYAN_OK)
        file_sink_flush(sink);
    atomic_file *file = sink->file;
    bool cancelled = sink->cancelled;
    int error = sink->error;
    free(sink);
    if (cancelled || st == BAYAN_ERR_CANCELLED) {
        st = BAYAN_ERR_CANCELLED; /* the caller knows why: no message */
    } else if (st == BAYAN_OK || error) {
        /* A failed write (disk full) makes the exporter fail too; name
         * the system's reason rather than the exporter's status. */
        errno = 0;
        if (!error && atomic_finish(file) != BAYAN_OK)
            error = errno ? errno : EIO;
        if (error) {
            st = BAYAN_ERR_IO;
            report(&e->reporter, BAYAN_ERROR, st, path, -1, "write failed: %s",
                          strerror(error));
        }
    } else {
        report(&e->reporter, BAYAN_ERROR, st, path, -1, "export failed: %s",
                      bayan_strerror(st));
    }
    if (st != BAYAN_OK) {
        atomic_abort(file);
        return st;
    }
    *out = file;
    return BAYAN_OK;
}

bayan_status bayan_export_file(const bayan_engine *e,
                               const bayan_graph *graph, bayan_format format,
                               const char *path)
{
    return bayan_export_files(e, graph, &format, &path, 1);
}

bayan_status bayan_export_files(const bayan_engine *e,
                                const bayan_graph *graph,
                                const bayan_format *formats,
                                const char *const *paths, size_t count)
{
    atomic_file **files = calloc(count ? count : 1, sizeof *files);
    if (!files)
        return BAYAN_ERR_NOMEM;
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < count; i++)
        st = export_to_temp(e, graph, formats[i], paths[i], &files[i]);
    /* Every file is complete on disk: the renames cannot run out of room,
     * so the set is replaced as a whole (bar a crash between renames). */
    for (size_t i = 0; i < count; i++) {
        if (st != BAYAN_OK) {
            atomic_abort(files[i]);
            continue;
        }
        st = atomic_commit(files[i]);
        if (st != BAYAN_OK)
            report(&e->reporter, BAYAN_ERROR, st, paths[i], -1,
                          "cannot rename into place: %s", strerror(errno));
    }
    free(files);
    return st;
}
