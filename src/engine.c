/* The public API: engine life cycle, reading articles, exporting. */
#include "engine.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "cues.h"
#include "export.h"
#include "extract.h"
#include "lexicon.h"
#include "ontology.h"
#include "personcues.h"
#include "sink.h"
#include "text.h"

/* ---- statuses and formats ---------------------------------------------- */

const char *bayan_strerror(bayan_status status)
{
    switch (status) {
    case BAYAN_OK: return "success";
    case BAYAN_ERR_NOMEM: return "out of memory";
    case BAYAN_ERR_IO: return "input/output error";
    case BAYAN_ERR_ENCODING: return "invalid text encoding";
    case BAYAN_ERR_SYNTAX: return "syntax error in a data file";
    case BAYAN_ERR_ONTOLOGY: return "term not declared in the ontology";
    case BAYAN_ERR_ARGUMENT: return "invalid argument";
    case BAYAN_ERR_EMPTY: return "no text to read";
    case BAYAN_ERR_INTERNAL: return "internal error";
    case BAYAN_ERR_CANCELLED: return "cancelled";
    }
    return "unknown status";
}

typedef struct format_row {
    const char *name;
    const char *file;
} format_row;

static const format_row FORMATS[BAYAN_FORMAT_COUNT] = {
    [BAYAN_FORMAT_TURTLE] = {"turtle", "graph.ttl"},
    [BAYAN_FORMAT_NTRIPLES] = {"ntriples", "graph.nt"},
    [BAYAN_FORMAT_NQUADS] = {"nquads", "graph.nq"},
    [BAYAN_FORMAT_GRAPHML] = {"graphml", "graph.graphml"},
    [BAYAN_FORMAT_DOT] = {"dot", "graph.dot"},
    [BAYAN_FORMAT_SVG] = {"svg", "graph.svg"},
};

const char *bayan_format_name(bayan_format format)
{
    return (unsigned)format < BAYAN_FORMAT_COUNT ? FORMATS[format].name : NULL;
}

const char *bayan_format_file(bayan_format format)
{
    return (unsigned)format < BAYAN_FORMAT_COUNT ? FORMATS[format].file : NULL;
}

bool bayan_format_from_name(const char *name, bayan_format *out)
{
    for (int i = 0; name && i < BAYAN_FORMAT_COUNT; i++) {
        if (strcmp(name, FORMATS[i].name) == 0) {
            *out = (bayan_format)i;
            return true;
        }
    }
    return false;
}

/* ---- diagnostics and IRIs ---------------------------------------------- */

void engine_report(const bayan_engine *e, bayan_severity severity,
                   bayan_status status, const char *file, long long offset,
                   const char *format, ...)
{
    if (!e || !e->on_diagnostic)
        return;
    char message[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    bayan_diagnostic d = {severity, status, file, offset, 0, 0, message};
    e->on_diagnostic(e->user, &d);
}

char *engine_mint(const bayan_engine *e, const char *path)
{
    size_t a = strlen(e->base);
    size_t b = strlen(path);
    char *iri = malloc(a + b + 1);
    if (iri) {
        memcpy(iri, e->base, a);
        memcpy(iri + a, path, b + 1);
    }
    return iri;
}

const char *bayan_engine_base(const bayan_engine *e)
{
    return e->base;
}

/* ---- engine life cycle -------------------------------------------------- */

static bool is_directory(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where the ontology lives: the option, the environment, the source tree
 * this binary was built from, then the installed copy. */
static const char *find_ontology_dir(const bayan_options *o)
{
    if (o && o->ontology_dir)
        return o->ontology_dir;
    const char *env = getenv("BAYAN_ONTOLOGY_DIR");
    if (env && *env)
        return env;
    if (is_directory(BAYAN_SOURCE_ONTOLOGY_DIR))
        return BAYAN_SOURCE_ONTOLOGY_DIR;
    return BAYAN_INSTALLED_ONTOLOGY_DIR;
}

/* The base must be an absolute IRI ending in / or # so that paths append. */
static bool base_is_valid(const char *base)
{
    size_t n = strlen(base);
    return n > 0 && strchr(base, ':') && (base[n - 1] == '/' ||
                                          base[n - 1] == '#') &&
           strcspn(base, " \t\r\n<>\"{}|^`\\") == n;
}

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* The persons, resolutions and publisher stages' word lists, folded once
 * from the lexicon. */
static bayan_status load_stage_words(bayan_engine *e)
{
    e->person_words = calloc(1, sizeof *e->person_words);
    if (!e->person_words)
        return BAYAN_ERR_NOMEM;
    bayan_status st = person_cues_load(e->lexicon, e->person_words);
    if (st == BAYAN_OK)
        st = resolution_rules_load(e->lexicon, &e->resolution_words);
    if (st == BAYAN_OK)
        st = credit_cues_load(e->lexicon, &e->credit_words);
    return st;
}

bayan_status bayan_engine_new(const bayan_options *options,
                              bayan_engine **out)
{
    *out = NULL;
    bayan_engine *e = calloc(1, sizeof *e);
    if (!e)
        return BAYAN_ERR_NOMEM;
    if (options) {
        e->lenient = options->lenient;
        e->on_diagnostic = options->on_diagnostic;
        e->user = options->user;
        e->cancelled = options->cancelled;
    }
    const char *base = options && options->base_iri ? options->base_iri
                                                    : BAYAN_DEFAULT_BASE;
    if (!base_is_valid(base)) {
        engine_report(e, BAYAN_ERROR, BAYAN_ERR_ARGUMENT, NULL, -1,
                      "base IRI '%s' must be absolute and end in '/' or '#'",
                      base);
        bayan_engine_free(e);
        return BAYAN_ERR_ARGUMENT;
    }
    e->base = strdup(base);
    e->ontology_dir = strdup(find_ontology_dir(options));
    if (options && options->encoding)
        e->encoding = strdup(options->encoding);
    if (!e->base || !e->ontology_dir ||
        (options && options->encoding && !e->encoding)) {
        bayan_engine_free(e);
        return BAYAN_ERR_NOMEM;
    }
    bayan_status st = ontology_load(e);
    if (st == BAYAN_OK) {
        char *lexdir = join_path(e->ontology_dir, "lexicon");
        st = lexdir ? lexicon_load(e, lexdir, &e->lexicon) : BAYAN_ERR_NOMEM;
        free(lexdir);
    }
    if (st == BAYAN_OK) {
        char *cues = join_path(e->ontology_dir, "patterns/meetings.ttl");
        st = cues ? cue_set_load(e, cues, &e->cues) : BAYAN_ERR_NOMEM;
        free(cues);
    }
    if (st == BAYAN_OK)
        st = load_stage_words(e);
    if (st == BAYAN_OK && !(e->dot = dot_state_new()))
        st = BAYAN_ERR_NOMEM;
    if (st != BAYAN_OK) {
        bayan_engine_free(e);
        return st;
    }
    *out = e;
    return BAYAN_OK;
}

void bayan_engine_free(bayan_engine *e)
{
    if (!e)
        return;
    free(e->base);
    free(e->ontology_dir);
    free(e->encoding);
    bayan_graph_free(e->ontology);
    bayan_graph_free(e->declared);
    lexicon_free(e->lexicon);
    cue_set_free(e->cues);
    if (e->person_words)
        person_cues_clear(e->person_words);
    free(e->person_words);
    resolution_rules_free(e->resolution_words);
    credit_cues_free(e->credit_words);
    dot_state_free(e->dot);
    free(e);
}

/* ---- reading ------------------------------------------------------------ */

bayan_status bayan_read_memory(const bayan_engine *e, bayan_graph *graph,
                               const char *name, const void *bytes,
                               size_t len)
{
    text_doc doc;
    bayan_status st = text_decode(e, name, bytes, len, &doc);
    if (st != BAYAN_OK)
        return st;
    /* An empty page (or one of blanks, or HTML without article text) is
     * a failed input: an Article with no text would only be noise. */
    if (text_is_blank(&doc)) {
        engine_report(e, BAYAN_ERROR, BAYAN_ERR_EMPTY, name, -1,
                      "no text to read (%s)",
                      len == 0 ? "the input is empty"
                      : doc.html ? "the HTML holds no article text"
                                 : "the input holds only blanks");
        text_doc_clear(&doc);
        return BAYAN_ERR_EMPTY;
    }
    /* Build the article's facts apart, so a failure leaves graph as it was. */
    bayan_graph *part = bayan_graph_new();
    article_ids ids = {NULL, NULL};
    if (!part)
        st = BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK)
        st = article_add(e, name, &doc, part, &ids);
    if (st == BAYAN_OK)
        st = extract_entities(e, &doc, &ids, part);
    /* Spooled quads are out of the export's ontology check: check them
     * here, while they are at hand. */
    if (st == BAYAN_OK && graph_spooling(graph))
        st = ontology_check(e, part);
    if (st == BAYAN_OK) {
        errno = 0;
        st = graph_merge_article(graph, part, ids.article);
    }
    if (st == BAYAN_ERR_IO)
        engine_report(e, BAYAN_ERROR, st, name, -1,
                      "cannot write the temporary spool file: %s",
                      strerror(errno ? errno : EIO));
    else if (st != BAYAN_OK && st != BAYAN_ERR_NOMEM)
        engine_report(e, BAYAN_ERROR, st, name, -1, "%s", bayan_strerror(st));
    article_ids_clear(&ids);
    bayan_graph_free(part);
    text_doc_clear(&doc);
    return st;
}

bayan_status bayan_read_file(const bayan_engine *e, bayan_graph *graph,
                             const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        engine_report(e, BAYAN_ERROR, BAYAN_ERR_IO, path, -1,
                      "cannot open: %s", strerror(errno));
        return BAYAN_ERR_IO;
    }
    membuf buf = {NULL, 0, 0};
    char chunk[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ok = membuf_write(&buf, chunk, n);
    bool read_error = ferror(f);
    fclose(f);
    if (!ok || read_error) {
        free(buf.data);
        engine_report(e, BAYAN_ERROR, ok ? BAYAN_ERR_IO : BAYAN_ERR_NOMEM,
                      path, -1, ok ? "read error" : "out of memory");
        return ok ? BAYAN_ERR_IO : BAYAN_ERR_NOMEM;
    }
    bayan_status st = bayan_read_memory(e, graph, path, buf.data, buf.length);
    free(buf.data);
    return st;
}

/* ---- exporting ---------------------------------------------------------- */

bayan_status bayan_export(const bayan_engine *e, const bayan_graph *graph,
                          bayan_format format, bayan_write_fn write,
                          void *user)
{
    bayan_status st = ontology_check(e, graph);
    if (st != BAYAN_OK)
        return st;
    switch (format) {
    case BAYAN_FORMAT_TURTLE:
    case BAYAN_FORMAT_NTRIPLES:
    case BAYAN_FORMAT_NQUADS:
        return export_rdf(e, graph, format, write, user);
    case BAYAN_FORMAT_GRAPHML:
        return export_graphml(e, graph, write, user);
    case BAYAN_FORMAT_DOT:
    case BAYAN_FORMAT_SVG:
        return export_dot(e, graph, format, write, user);
    case BAYAN_FORMAT_COUNT:
        break;
    }
    return BAYAN_ERR_ARGUMENT;
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
        engine_report(e, BAYAN_ERROR, st, path, -1,
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
    if (cancelled) {
        st = BAYAN_ERR_CANCELLED; /* the caller knows why: no message */
    } else if (st == BAYAN_OK || error) {
        /* A failed write (disk full) makes the exporter fail too; name
         * the system's reason rather than the exporter's status. */
        errno = 0;
        if (!error && atomic_finish(file) != BAYAN_OK)
            error = errno ? errno : EIO;
        if (error) {
            st = BAYAN_ERR_IO;
            engine_report(e, BAYAN_ERROR, st, path, -1, "write failed: %s",
                          strerror(error));
        }
    } else {
        engine_report(e, BAYAN_ERROR, st, path, -1, "export failed: %s",
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
            engine_report(e, BAYAN_ERROR, st, paths[i], -1,
                          "cannot rename into place: %s", strerror(errno));
    }
    free(files);
    return st;
}
