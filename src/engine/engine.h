/* The engine's internals: what bayan_engine_new loads once and every call
 * reads. Only the engine's own files (the public API) include this; the
 * layers below get the parts they need (text_options, extract_env,
 * export_env, a reporter), never the engine. */
#ifndef BAYAN_ENGINE_H
#define BAYAN_ENGINE_H

#include "bayan/bayan.h"
#include "core/membuf.h"
#include "core/report.h"
#include "engine/sidecar.h"
#include "export/export.h"
#include "extract/extract.h"
#include "graph/ontology.h"
#include "text/morph.h"
#include "text/text.h"

struct bayan_engine {
    char *base;          /**< base IRI, ends with '/' or '#' */
    char *ontology_dir;  /**< where bayan.ttl and lexicon/ were read */
    char *encoding;      /**< forced input encoding or NULL */
    bayan_view view;     /**< what DOT and SVG draw */
    bool (*cancelled)(void *user); /**< see bayan_options */
    void *user;                    /**< passed to cancelled */
    reporter reporter;   /**< the diagnostics callback of bayan_options */
    ontology *ontology;  /**< ontology/bayan.ttl */
    lexicon *lexicon;    /**< entries read from ontology/lexicon/ */
    /* The word lists the stages read from the lexicon, folded once here
     * rather than for every article. */
    person_cues *person_words;
    resolution_rules *resolution_words;
    credit_cues *credit_words;
    names_tagger *names; /**< models/names.tagger, or NULL */
    cue_set *cues;       /**< ontology/patterns/meetings.ttl */
    /** hunspell-ar, only the entries of the cues' stem forms; NULL when
     *  the dictionary is not installed (cues match listed forms only). */
    morph *morph;
    dot_state *dot;      /**< kept between SVG exports (dot_state_new) */
    sidecar *metadata;   /**< bayan_options.metadata_file, or NULL */
    /* What each layer is handed, pointing into the fields above. */
    text_options text;
    extract_env extract;
    export_env export;
};

/* What reading one article needs besides the engine's read-only data:
 * the views with the reporter its diagnostics go to, and the scratch
 * state of the thread reading it (read_files.c gives each its own). */
typedef struct article_env {
    text_options text;
    extract_env extract;
    bool check_ontology; /* the graph spools: check the article's quads */
} article_env;

/* ---- read.c ------------------------------------------------------------ */

/** Decodes an article and extracts its facts into *out, a new graph (the
 *  article's IRI in ids), touching nothing shared: safe on several threads
 *  at once, each with its own env. Diagnostics go to env's reporter. */
bayan_status engine_extract(const bayan_engine *e, const article_env *env,
                            const char *name, const void *bytes, size_t len,
                            bayan_graph **out, article_ids *ids);

/** Merges an article extracted by engine_extract into graph (ready: its
 *  spooled quads from graph_spool_prepare, or NULL); says why it could not
 *  through the engine's reporter. */
bayan_status engine_merge(const bayan_engine *e, bayan_graph *graph,
                          const bayan_graph *part,
                          const graph_spooled *ready, const char *article,
                          const char *name);

/** Reads a whole file into *out (free out->data); says why it could not
 *  through r. */
bayan_status engine_slurp(const reporter *r, const char *path, membuf *out);

#endif
