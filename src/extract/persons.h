/* The persons stage's shared parts: the names the scanner (persons.c)
 * finds and the step that groups them into persons and writes them
 * (personid.c). Internal to the stage. */
#ifndef BAYAN_PERSONS_H
#define BAYAN_PERSONS_H

#include "extract/extract.h"
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

/** Groups names into persons (a surname or a shorter form joins the full
 *  name it is part of), finds later bare surnames, mints IRIs and writes
 *  the persons, their mentions and x->persons. cues: for stop words. */
bayan_status persons_write(extraction *x, const person_cues *cues,
                           pname_list *names);

#endif
