/* The lexicon: named entities and their surface forms, read from the
 * Turtle files in ontology/lexicon/ (lexicon.c).
 *
 * A lexicon entry is any subject typed with one of the entity classes.
 * Its match forms are its rdfs:label@ar, skos:altLabel@ar and bayan:form
 * literals; every other triple about it (labels, ISO code, containing
 * state, sameAs) is copied into the graph when the entry is mentioned. */
#ifndef BAYAN_LEXICON_H
#define BAYAN_LEXICON_H

#include "engine.h"

typedef struct lexicon_form {
    const char *form;   /**< the surface form, UTF-8 (borrowed) */
    const char *folded; /**< its matching form (see text.h), never empty */
    term_id entity;     /**< the entry's IRI in lexicon_graph() */
} lexicon_form;

/** Loads every *.ttl file below dir in sorted order. A missing dir gives an
 *  empty lexicon. *out is new; free it with lexicon_free. */
bayan_status lexicon_load(const bayan_engine *e, const char *dir,
                          lexicon **out);
void lexicon_free(lexicon *lex);

/** The triples of the lexicon (borrowed). */
const bayan_graph *lexicon_graph(const lexicon *lex);

/** The match forms, sorted by form; *count receives their number. */
const lexicon_form *lexicon_forms(const lexicon *lex, size_t *count);

#endif
