/* The lexicon: named entities and their surface forms, read from the
 * Turtle files in ontology/lexicon/ (lexicon.c).
 *
 * A lexicon entry is any subject typed with one of the entity classes.
 * Its match forms are its rdfs:label@ar, skos:altLabel@ar and bayan:form
 * literals; every other triple about it (labels, ISO code, containing
 * state, sameAs) is copied into the graph when the entry is mentioned. */
#ifndef BAYAN_LEXICON_H
#define BAYAN_LEXICON_H

#include "core/beside.h"
#include "core/report.h"
#include "graph/graph.h"
#include "lexicon/trie.h"

typedef struct lexicon lexicon;

/** What kind of thing an entry is, from its rdf:type. */
typedef enum entity_kind {
    KIND_NONE,
    KIND_STATE,
    KIND_CITY,
    KIND_ORGANIZATION,
    KIND_PERSON,
    KIND_RESOLUTION,
    KIND_MEETING,
} entity_kind;

/** What a name that is also an ordinary word needs to be read as a place
 *  (bayan:needsCue, bayan:needsNamingCue; ontology/lexicon/place-cues.ttl). */
typedef enum place_cue_need {
    PLACE_CUE_NONE,   /**< an ordinary name: nothing */
    PLACE_CUE_ANY,    /**< a place cue or preposition, ب or ل, a dateline */
    PLACE_CUE_NAMING, /**< a place cue (مدينة، العاصمة) or a dateline */
} place_cue_need;

/** One entry of the lexicon, indexed at load time so that extraction never
 *  scans the whole lexicon. Every pointer is borrowed from the lexicon. */
typedef struct lexicon_entry {
    term_id id;           /**< its IRI's id in lexicon_graph() */
    const char *iri;
    entity_kind kind;
    const char *label_ar; /**< rdfs:label@ar, or NULL */
    const char *label_en; /**< rdfs:label@en, or NULL */
    const char *iso;      /**< bayan:isoCode, or NULL */
    place_cue_need cue;   /**< what must confirm it as a place */
    term_id body_of;      /**< bayan:bodyOf: its state's IRI, or 0 */
    bool proscribed;      /**< bayan:proscribed: never a meeting's party */
    term_id capital;      /**< a state's capital city (bayan:capital), 0 */
    const quad *quads;    /**< every triple with this subject */
    size_t quad_count;
} lexicon_entry;

typedef struct lexicon_form {
    const char *form;   /**< the surface form, UTF-8 (borrowed) */
    const char *folded; /**< its matching form (see text.h), never empty */
    term_id entity;     /**< the entry's IRI in lexicon_graph() */
    const char *iri;    /**< the entry's IRI (borrowed) */
} lexicon_form;

/** Loads every *.ttl file below dir in sorted order. A missing dir gives an
 *  empty lexicon. *out is new; free it with lexicon_free. */
bayan_status lexicon_load(const reporter *r, const char *base,
                          const char *dir, lexicon **out);
/** The same, with half of the forms' analysis run beside the caller
 *  through runner (NULL: all on the caller's thread); the lexicon is the
 *  same either way. */
bayan_status lexicon_load_with(const reporter *r, const char *base,
                               const char *dir, const beside_runner *runner,
                               lexicon **out);
void lexicon_free(lexicon *lex);

/** The triples of the lexicon (borrowed). */
const bayan_graph *lexicon_graph(const lexicon *lex);

/** The match forms, sorted by form; *count receives their number. */
const lexicon_form *lexicon_forms(const lexicon *lex, size_t *count);

/** The entry whose IRI has id in lexicon_graph(), or NULL. */
const lexicon_entry *lexicon_entry_of(const lexicon *lex, term_id id);

/** What the matching-form word w (n bytes) is as a place cue
 *  (ontology/lexicon/place-cues.ttl): PLACE_CUE_NAMING for a bayan:placeCue
 *  (it confirms every name), PLACE_CUE_ANY for a bayan:placePreposition
 *  (it confirms names that need PLACE_CUE_ANY), PLACE_CUE_NONE otherwise. */
place_cue_need lexicon_place_cue(const lexicon *lex, const char *w,
                                 size_t n);

/** The folded bare forms (bayan:bareForm: a ministry's name without its
 *  state), sorted and unique; *count receives their number. */
const char *const *lexicon_bare_forms(const lexicon *lex, size_t *count);

/** The body whose bare form folds to bare and which is a body of state
 *  (an IRI id in lexicon_graph()), or NULL. */
const lexicon_entry *lexicon_bare_body(const lexicon *lex, const char *bare,
                                       term_id state);

/** The entry with that IRI, or NULL. */
const lexicon_entry *lexicon_find(const lexicon *lex, const char *iri);

/** Every entry, sorted by id; *count receives their number. */
const lexicon_entry *lexicon_entries(const lexicon *lex, size_t *count);

/* ---- the compiled matcher ------------------------------------------------
 * Built once by lexicon_load: a token trie (trie.h) over the tokens of the
 * matching form of every match form, so that matching costs the same per
 * token of text whatever the size of the lexicon.
 *
 * Besides the entities' forms it holds blocking names: the forms of
 * subjects typed bayan:Region (شمال أفريقيا, أمريكا اللاتينية) or
 * bayan:Office (وزيرة الخارجية). They are never mentions; they exist so that
 * the longest match sees them and a state name inside them (أمريكا) or an
 * organization's short name overlapping them (الخارجية الأمريكية) is not
 * read there. An entity form equal to a blocking name wins.
 *
 * Keys: the first token of a form is looked up as it is; every later token
 * as the non-blank characters between it and the token before (usually
 * none) followed by the token, so that "5+5" and "5 5" differ and a name
 * never runs across punctuation. */

/** Trie values: 0 none, LEXICON_BLOCKER a blocking name, else an entry. */
#define LEXICON_BLOCKER UINT32_MAX

/** The compiled matcher (borrowed from lex). */
const token_trie *lexicon_trie(const lexicon *lex);

/** The entry a trie value stands for; NULL for 0 and LEXICON_BLOCKER. */
const lexicon_entry *lexicon_entry_at(const lexicon *lex, uint32_t value);

/** The blocking names (regions, titles of office), sorted by form;
 *  lexicon_form.entity is the region's or office's IRI. */
const lexicon_form *lexicon_blocking_forms(const lexicon *lex,
                                           size_t *count);

/** The separator key of the gap [b, e) between two tokens: its non-blank
 *  bytes copied into buf (cap bytes); returns their number, or SIZE_MAX
 *  when they do not fit (such a gap never matches). */
size_t lexicon_gap_key(const char *text, size_t b, size_t e, char *buf,
                       size_t cap);

#endif
