/* The persons stage's shared parts: the token reader (person_scan.c),
 * the patterns that find names around roles, honorifics and bylines
 * (persons.c), and the step that groups them into persons and writes them
 * (personid.c). Internal to the stage. */
#ifndef BAYAN_PERSONS_H
#define BAYAN_PERSONS_H

#include "extract/extract.h"
#include "extract/name_tags.h"
#include "lexicon/person_cues.h"

/** One occurrence of a person's name in the article. */
typedef struct pname {
    size_t t0, t1;      /**< tokens [t0, t1) of the name */
    size_t mb, me;      /**< bytes of the matching form */
    size_t begin, end;  /**< code points of the decoded text */
    const lexicon_entry *known; /**< a lexicon person, or NULL */
    bool lexical;       /**< a matcher mention: extract.c writes its phrase */
    bool byline;        /**< the article's byline: schema:author */
    char *title;        /**< schema:jobTitle as written, or NULL (owned) */
    const lexicon_entry *represents; /**< state or body, or NULL */
    size_t person;      /**< index of its person (personid.c) */
} pname;

typedef struct pname_list {
    pname *items;
    size_t count, capacity;
} pname_list;

/** Appends n (taking ownership of n.title, even on failure). */
bayan_status pname_push(pname_list *l, pname n);
void pname_list_clear(pname_list *l);

/* ---- reading tokens (person_scan.c) ------------------------------------ */

/** One article's scan: the tokens, the cue words, the mentions at each
 *  token, and the names found so far. */
typedef struct person_scan {
    extraction *x;
    const text_analysis *a;
    const person_cues *cues;
    long *mention_at; /* per token: index in x->mentions, or -1 */
    name_tags tags;   /* the names tagger's tags (all O without a model) */
    pname_list names;
} person_scan;

/* What lies between two tokens. */
typedef enum gap_kind { GAP_BLANK, GAP_COMMA, GAP_QUOTE, GAP_OTHER } gap_kind;

/* Token i of the matching form (*n: its bytes). */
const char *pscan_tok(const person_scan *s, size_t i, size_t *n);
/* Spaces only; spaces and one comma; spaces and quotes; anything else. */
gap_kind pscan_gap_kind(const person_scan *s, size_t i);
/* Whether the gap before token i holds byte c. */
bool pscan_gap_has(const person_scan *s, size_t i, char c);
/* A definite word: ال or لل (ل + ال) before at least two letters. */
bool pscan_definite(const char *w, size_t n);
/* Token i is a cue word of kind k. */
bool pscan_is(const person_scan *s, cue_kind k, size_t i);
/* A cue word with or without proclitics (والجنرال، لوزير). */
bool pscan_is_split(const person_scan *s, cue_kind k, size_t i,
                    size_t *prefix);
/* An honorific at token i: the word, or the word and a full stop after it
 * ("د."). Returns the tokens it takes (0 or 1). */
bool pscan_honorific(const person_scan *s, size_t i);
/* The lexicon entry mentioned at token i, or NULL. */
const lexicon_entry *pscan_entry_at(const person_scan *s, size_t i);
/* A lexicon person is mentioned at token i. */
bool pscan_person_at(const person_scan *s, size_t i);
/* The token after the mention at token i. */
size_t pscan_after_mention(const person_scan *s, size_t i);
/* A stop word, alone or after the conjunction و or ف ("وبعد"). */
bool pscan_stop_word(const person_scan *s, size_t i);
/* True when word j (the k-th of a name, k >= 2) may go on the name: a
 * definite family name, or a word after a particle or an initial. */
bool pscan_name_goes_on(const person_scan *s, size_t j);
/* The gap before word j of a name: spaces, or a full stop after an
 * initial ("يامينو إ. موسى"). */
bool pscan_name_gap(const person_scan *s, size_t j);
/* A word that may be part of a name at all. */
bool pscan_name_word(const person_scan *s, size_t i);
/* Reads a name at token i; returns the token after it, or i when there is
 * none. honored: an honorific stands before it (a definite first word and
 * a one-word name are then fine). quoted: the gap before it opens quotes,
 * and the name must close them. */
size_t pscan_read_name(const person_scan *s, size_t i, bool honored,
                       bool quoted);

/* ---- patterns (persons.c) ---------------------------------------------- */

/** Adds the name at tokens [t0, t1) (a lexicon person when the matcher
 *  found one there). Takes ownership of title. */
bayan_status persons_add_name(person_scan *s, size_t t0, size_t t1,
                              char *title, const lexicon_entry *represents,
                              bool byline);

/** A role written after the last name added, ending at token e, gives it
 *  its title and state; *next: the token after that role (or e). */
bayan_status persons_apposition(person_scan *s, size_t e, size_t *next);

/* ---- the tagger's word (person_tagged.c) ------------------------------- */

/** Checks the names the patterns read against the tagger (a name it does
 *  not tag as a person goes; its boundaries are the tagger's), then adds
 *  the persons it is sure of that no pattern found. */
bayan_status persons_tagged(person_scan *s);

/* ---- grouping and writing (personid.c) --------------------------------- */

/** Groups names into persons (a surname or a shorter form joins the full
 *  name it is part of), finds later bare surnames, mints IRIs and writes
 *  the persons, their mentions and x->persons. cues: for stop words. */
bayan_status persons_write(extraction *x, const person_cues *cues,
                           pname_list *names);

#endif
