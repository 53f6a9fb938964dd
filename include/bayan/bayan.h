/* bayan: extract a knowledge graph of diplomatic meetings from Arabic news.
 *
 * The public interface of libbayan. It includes no third-party header.
 *
 * Conventions:
 *  - Every object comes in a bayan_X_new / bayan_X_free pair; every _free
 *    accepts NULL.
 *  - Functions that can fail return a bayan_status (BAYAN_OK is 0).
 *  - The library never prints and never exits: diagnostics go to the
 *    callback given in bayan_options.
 *  - Strings passed in are borrowed for the duration of the call; strings
 *    returned are owned by the object they came from unless said otherwise.
 */
#ifndef BAYAN_BAYAN_H
#define BAYAN_BAYAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define BAYAN_API
#else
#define BAYAN_API __attribute__((visibility("default")))
#endif

#define BAYAN_VERSION "0.1.0"

/** The default base IRI for resources (see the vocabulary contract). */
#define BAYAN_DEFAULT_BASE "https://w3id.org/bayan/id/"

typedef enum bayan_status {
    BAYAN_OK = 0,
    BAYAN_ERR_NOMEM,    /**< an allocation failed */
    BAYAN_ERR_IO,       /**< reading or writing a file failed */
    BAYAN_ERR_ENCODING, /**< input bytes are not valid text in any encoding */
    BAYAN_ERR_SYNTAX,   /**< a data file (ontology, lexicon) does not parse */
    BAYAN_ERR_ONTOLOGY, /**< a term is written that the ontology lacks */
    BAYAN_ERR_ARGUMENT, /**< a bad argument (unknown format, bad IRI, ...) */
    BAYAN_ERR_EMPTY,    /**< the input holds no text */
    BAYAN_ERR_INTERNAL, /**< a library we rely on failed unexpectedly */
    BAYAN_ERR_CANCELLED /**< bayan_options.cancelled asked to stop */
} bayan_status;

/** A static English description of a status. */
BAYAN_API const char *bayan_strerror(bayan_status status);

/* ------------------------------------------------------------------------ */
/* Output formats                                                           */

typedef enum bayan_format {
    BAYAN_FORMAT_TURTLE = 0,
    BAYAN_FORMAT_NTRIPLES,
    BAYAN_FORMAT_NQUADS,
    BAYAN_FORMAT_GRAPHML,
    BAYAN_FORMAT_DOT,
    BAYAN_FORMAT_SVG,
    BAYAN_FORMAT_COUNT
} bayan_format;

/** The format's name as the CLI spells it ("turtle", "graphml", ...). */
BAYAN_API const char *bayan_format_name(bayan_format format);
/** The output file name for a format ("graph.ttl", ...). */
BAYAN_API const char *bayan_format_file(bayan_format format);
/** The format's other names, comma-separated ("ttl" for turtle, "gv" for
 *  dot), or "" when it has none. */
BAYAN_API const char *bayan_format_aliases(bayan_format format);
/** Looks a format up by name or alias, in any case; false when the name is
 *  unknown. */
BAYAN_API bool bayan_format_from_name(const char *name, bayan_format *out);

/* ------------------------------------------------------------------------ */
/* Diagnostics                                                              */

typedef enum bayan_severity {
    BAYAN_INFO = 0,
    BAYAN_WARNING,
    BAYAN_ERROR
} bayan_severity;

/** One message about one place. Fields are borrowed for the callback. */
typedef struct bayan_diagnostic {
    bayan_severity severity;
    bayan_status status;  /**< BAYAN_OK for information */
    const char *file;     /**< the input or data file, or NULL */
    long long offset;     /**< byte offset in that file, or -1 */
    long line;            /**< 1-based line, or 0 when unknown */
    long column;          /**< 1-based column, or 0 when unknown */
    const char *message;  /**< English, no trailing newline */
} bayan_diagnostic;

typedef void (*bayan_diagnostic_fn)(void *user, const bayan_diagnostic *diag);

/* ------------------------------------------------------------------------ */
/* Output sinks                                                             */

/** Writes len bytes; returns false on failure (the export then fails). */
typedef bool (*bayan_write_fn)(void *user, const void *bytes, size_t len);

/* ------------------------------------------------------------------------ */
/* The engine: the loaded ontology and lexicon, read-only once made.        */

/** What the diagrams (DOT and SVG) draw; GraphML and RDF always hold the
 *  whole graph. */
typedef enum bayan_view {
    /** The meetings, each with its place, date, level, chairs, hosts,
     *  participants, new members, statement and resolutions; articles
     *  and plain mentions are left out. */
    BAYAN_VIEW_MEETINGS = 0,
    /** Every entity and every object property between two of them. */
    BAYAN_VIEW_FULL
} bayan_view;

typedef struct bayan_options {
    const char *base_iri;     /**< NULL for BAYAN_DEFAULT_BASE */
    const char *ontology_dir; /**< NULL: $BAYAN_ONTOLOGY_DIR, then built-in */
    const char *encoding;     /**< force an input encoding; NULL to detect */
    bool lenient;             /**< replace bad bytes with U+FFFD, warn */
    bayan_diagnostic_fn on_diagnostic; /**< may be NULL */
    void *user;               /**< passed to on_diagnostic and cancelled */
    /** Polled before every write of an export (may be NULL): when it
     *  returns true the export stops with BAYAN_ERR_CANCELLED and its
     *  temporary file is removed. It may read a flag set by a signal
     *  handler; the library itself installs no handler. */
    bool (*cancelled)(void *user);
    /** Where the Arabic Hunspell dictionary (ar.aff, ar.dic) is; NULL:
     *  $BAYAN_HUNSPELL_DIR, then /usr/share/hunspell. Without it meeting
     *  cues match their listed forms only. */
    const char *hunspell_dir;
    /** A metadata table for the inputs (TSV with a header line: file,
     *  published, url, outlet; see README), or NULL. A malformed table
     *  fails bayan_engine_new with BAYAN_ERR_SYNTAX, each bad line
     *  reported with its file and line. */
    const char *metadata_file;
    /** What DOT and SVG draw (BAYAN_VIEW_MEETINGS unless set). */
    bayan_view view;
    /** Threads bayan_engine_new may use, the caller's included: 1 loads
     *  everything on the caller's thread; 0 (unset) or more lets it load
     *  the lexicon and the dictionary on two. */
    unsigned threads;
} bayan_options;

typedef struct bayan_engine bayan_engine;

/** Loads the ontology and lexicon. On success *out is a new engine; free it
 *  with bayan_engine_free. */
BAYAN_API bayan_status bayan_engine_new(const bayan_options *options,
                                        bayan_engine **out);
BAYAN_API void bayan_engine_free(bayan_engine *engine);

/** The base IRI resources are minted under (borrowed from the engine). */
BAYAN_API const char *bayan_engine_base(const bayan_engine *engine);

/* ------------------------------------------------------------------------ */
/* The graph: a deduplicated set of quads.                                  */

typedef struct bayan_graph bayan_graph;

/** A new empty graph, or NULL when out of memory. */
BAYAN_API bayan_graph *bayan_graph_new(void);
BAYAN_API void bayan_graph_free(bayan_graph *graph);
/** The number of distinct quads. */
BAYAN_API size_t bayan_graph_size(const bayan_graph *graph);
/** Bounds the memory a large corpus takes: from now on, the articles read
 *  into graph keep their text (nif:Context) and mention phrases (nif:Phrase)
 *  in a temporary file in $TMPDIR (unlinked at once, so never left behind)
 *  rather than in memory, and the exports read them back one article at a
 *  time. The outputs are byte for byte the same. Call on an empty graph
 *  (else BAYAN_ERR_ARGUMENT); BAYAN_ERR_IO when the file cannot be made
 *  (errno says why). */
BAYAN_API bayan_status bayan_graph_spool(bayan_graph *graph);

/* ------------------------------------------------------------------------ */
/* Reading articles                                                         */

/** Reads one article from memory and adds what it says to graph. name is the
 *  file name reported in diagnostics and recorded as bayan:sourceFile (its
 *  base name). On failure the graph is left as it was. */
BAYAN_API bayan_status bayan_read_memory(const bayan_engine *engine,
                                         bayan_graph *graph, const char *name,
                                         const void *bytes, size_t len);

/** Reads one article from a file (see bayan_read_memory). */
BAYAN_API bayan_status bayan_read_file(const bayan_engine *engine,
                                       bayan_graph *graph, const char *path);

/** Called by bayan_read_files on the calling thread, once for each input
 *  in input order, after that input's diagnostics: status is what
 *  bayan_read_file would have returned for it, bytes the size read (0 when
 *  it could not be read). */
typedef void (*bayan_read_done_fn)(void *user, size_t index,
                                   bayan_status status, size_t bytes);

/** Reads count files into graph with jobs threads (0: one per online
 *  processor), as bayan_read_file would one after the other: the graph,
 *  and so every export, is byte for byte the same whatever jobs is, and
 *  the diagnostics come in input order, on the calling thread. Each thread
 *  keeps scratch state of its own; the engine is only read. Returns
 *  BAYAN_OK once every input was tried (done says how each went),
 *  BAYAN_ERR_CANCELLED when bayan_options.cancelled asked to stop (inputs
 *  not merged by then are left out, and done is not called for them),
 *  BAYAN_ERR_NOMEM or BAYAN_ERR_INTERNAL when no thread could start. */
BAYAN_API bayan_status bayan_read_files(const bayan_engine *engine,
                                        bayan_graph *graph,
                                        const char *const *paths,
                                        size_t count, unsigned jobs,
                                        bayan_read_done_fn done, void *user);

/* ------------------------------------------------------------------------ */
/* Text analysis: what the extractor sees of one article.                   */

/** One article decoded and analysed: its decoded text (the text NIF offsets
 *  count into), its matching form (folded for look-up), its words and
 *  sentences. */
typedef struct bayan_text bayan_text;

/** A span of the decoded text in code points, end exclusive. */
typedef struct bayan_span {
    size_t begin;
    size_t end;
} bayan_span;

/** Decodes and analyses one input (plain text or HTML) with the engine's
 *  encoding options and diagnostics (engine may be NULL: detect, strict,
 *  silent). On success *out is new; free it with bayan_text_free. */
BAYAN_API bayan_status bayan_text_new(const bayan_engine *engine,
                                      const char *name, const void *bytes,
                                      size_t len, bayan_text **out);
BAYAN_API void bayan_text_free(bayan_text *text);

/** The decoded text: UTF-8, no BOM, LF line ends, NUL-terminated. *bytes
 *  (if not NULL) receives its length in bytes. Owned by text. */
BAYAN_API const char *bayan_text_decoded(const bayan_text *text,
                                         size_t *bytes);
/** Length of the decoded text in code points. */
BAYAN_API size_t bayan_text_length(const bayan_text *text);
/** The encoding the input was read in ("UTF-8", "windows-1256", ...). */
BAYAN_API const char *bayan_text_encoding(const bayan_text *text);
/** The HTML title and publication date (yyyy-mm-dd), or NULL. */
BAYAN_API const char *bayan_text_title(const bayan_text *text);
BAYAN_API const char *bayan_text_published(const bayan_text *text);

/** The matching form: web debris removed, NFKC, Arabic letters folded
 *  (hamzated alefs to alef, alef maqsura to yeh, teh marbuta to heh),
 *  diacritics and tatweel dropped, digits made ASCII. Owned by text. */
BAYAN_API const char *bayan_text_matching(const bayan_text *text,
                                          size_t *bytes);

/** Words (letters or numbers), in order. */
BAYAN_API size_t bayan_text_token_count(const bayan_text *text);
/** Where token i stands in the decoded text. */
BAYAN_API bayan_span bayan_text_token(const bayan_text *text, size_t i);
/** Token i in the matching form (not NUL-terminated; *bytes its length). */
BAYAN_API const char *bayan_text_token_form(const bayan_text *text,
                                            size_t i, size_t *bytes);

BAYAN_API size_t bayan_text_sentence_count(const bayan_text *text);
BAYAN_API bayan_span bayan_text_sentence(const bayan_text *text, size_t i);

/* ------------------------------------------------------------------------ */
/* Exporting                                                                */

/** Writes the graph in one format through a sink. The output is a function
 *  of the graph's content alone, never of insertion order. */
BAYAN_API bayan_status bayan_export(const bayan_engine *engine,
                                    const bayan_graph *graph,
                                    bayan_format format, bayan_write_fn write,
                                    void *user);

/** The size of the drawing the engine's DOT and SVG exports make of the
 *  graph: its nodes (entities, articles, meetings) and edges. */
BAYAN_API bayan_status bayan_graph_drawing_size(const bayan_engine *engine,
                                                const bayan_graph *graph,
                                                size_t *nodes, size_t *edges);

/** Above this many nodes a graph's SVG takes Graphviz tens of seconds to
 *  minutes to lay out (and hundreds of MB): the CLI skips the SVG it writes
 *  by default, and writes it when -f names svg. */
#define BAYAN_SVG_DEFAULT_MAX_NODES 1500

/** Writes the graph to path atomically: the bytes go to a temporary file in
 *  the same directory, which is flushed and renamed over path only when the
 *  whole export succeeded. On failure the previous file is left intact and
 *  no temporary file remains. */
BAYAN_API bayan_status bayan_export_file(const bayan_engine *engine,
                                         const bayan_graph *graph,
                                         bayan_format format,
                                         const char *path);

/** Writes the graph in count formats to count paths, all or nothing: each
 *  is exported to a temporary file beside its path, flushed and synced;
 *  only when every one succeeded are they renamed into place. On failure
 *  (or cancellation) every previous file is left intact and no temporary
 *  file remains. */
BAYAN_API bayan_status bayan_export_files(const bayan_engine *engine,
                                          const bayan_graph *graph,
                                          const bayan_format *formats,
                                          const char *const *paths,
                                          size_t count);

#ifdef __cplusplus
}
#endif

#endif /* BAYAN_BAYAN_H */
