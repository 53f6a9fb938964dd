/* The engine's internals, shared by the library's modules (not public). */
#ifndef BAYAN_ENGINE_H
#define BAYAN_ENGINE_H

#include "bayan/bayan.h"
#include "graph.h"

typedef struct lexicon lexicon;
typedef struct person_cues person_cues;
typedef struct resolution_rules resolution_rules;
typedef struct credit_cues credit_cues;
typedef struct cue_set cue_set;
typedef struct dot_state dot_state; /* SVG renderer's state (dot.c) */

struct bayan_engine {
    char *base;          /**< base IRI, ends with '/' or '#' */
    char *ontology_dir;  /**< where bayan.ttl and lexicon/ were read */
    char *encoding;      /**< forced input encoding or NULL */
    bool lenient;
    bayan_diagnostic_fn on_diagnostic;
    void *user;
    bool (*cancelled)(void *user); /**< see bayan_options */
    bayan_graph *ontology; /**< the triples of ontology/bayan.ttl */
    bayan_graph *declared; /**< used as a set: the terms it declares */
    lexicon *lexicon;      /**< entries read from ontology/lexicon/ */
    /* The word lists the stages read from the lexicon, folded once here
     * rather than for every article. NULL in an engine assembled by hand:
     * those stages then find nothing. */
    person_cues *person_words;        /**< persons.c (personcues.h) */
    resolution_rules *resolution_words; /**< resolutions.c */
    credit_cues *credit_words;        /**< metadata.c */
    cue_set *cues;         /**< ontology/patterns/meetings.ttl (cues.h) */
    dot_state *dot;        /**< kept between SVG exports (dot_state_new) */
};

/** Reports a diagnostic through the engine's callback (printf-style). */
void engine_report(const bayan_engine *e, bayan_severity severity,
                   bayan_status status, const char *file, long long offset,
                   const char *format, ...)
    __attribute__((format(printf, 6, 7)));

/** A new string: the engine's base IRI followed by path (e.g. "state/IQ"). */
char *engine_mint(const bayan_engine *e, const char *path);

#endif
