/* The engine's internals: what bayan_engine_new loads once and every call
 * reads. Only the engine's own files (the public API) include this; the
 * layers below get the parts they need (text_options, extract_env,
 * export_env, a reporter), never the engine. */
#ifndef BAYAN_ENGINE_H
#define BAYAN_ENGINE_H

#include "bayan/bayan.h"
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

#endif
