/* The word lists of the persons stage (person_cues.c), read from the
 * lexicon graph (ontology/lexicon/person-cues.ttl) and folded like text. */
#ifndef BAYAN_PERSONCUES_H
#define BAYAN_PERSONCUES_H

#include "lexicon/lexicon.h"

typedef enum cue_kind {
    CUE_HEAD,        /**< opens a role: وزير، رئيس، المبعوث */
    CUE_COUNTERPART, /**< نظيره: a role titled like the one before */
    CUE_HONORIFIC, /**< الشيخ، الدكتور: stripped before a name */
    CUE_ROLE_WORD, /**< undefined nouns inside a role: مجلس، وزارة */
    CUE_LINK,      /**< prepositions joining a role to a mention */
    CUE_PARTICLE,  /**< inside names: بن، أبو، دي */
    CUE_STOP,      /**< never in a name */
    CUE_BYLINE,    /**< بقلم، كتب at a line start */
    CUE_DESCRIPTOR, /**< المناضلة، الناشط: a name follows, no office */
    CUE_BODY,       /**< الحكومة، الوفد: a body a person heads */
    CUE_HEADED_BY,  /**< برئاسة: the body's head is named next */
    CUE_GIVEN_NAME, /**< أحمد، جون: a common given name (the tagger's flag) */
    CUE_NAMED_AFTER, /**< مطار، شارع: a place named after the name next */
    CUE_KIND_COUNT
} cue_kind;

/** A given name's usual English spelling (bayan:nameSpelling). */
typedef struct name_spelling {
    char *folded; /**< the Arabic word, folded like text */
    char *latin;  /**< "Ahmad" */
} name_spelling;

typedef struct person_cues {
    char **words[CUE_KIND_COUNT]; /**< folded, sorted, owned */
    size_t count[CUE_KIND_COUNT];
    name_spelling *spellings; /**< sorted by folded, owned */
    size_t spelling_count;
    struct cue_index *index; /**< every word with its lists, for cue_is */
} person_cues;

/** Reads every cue list of lex into *out (zeroed first; lists missing
 *  from the data are empty). Free with person_cues_clear. */
bayan_status person_cues_load(const lexicon *lex, person_cues *out);
void person_cues_clear(person_cues *c);

/** The usual English spelling of the folded word s (n bytes), or NULL. */
const char *cue_spelling(const person_cues *c, const char *s, size_t n);

/** True when the n bytes at s (matching form) are a word of list k. */
bool cue_is(const person_cues *c, cue_kind k, const char *s, size_t n);

/** Like cue_is, also trying the token's readings as proclitics + stem
 *  (text_clitic_splits); *prefix (if not NULL) receives the bytes of
 *  proclitics before the stem that matched. */
bool cue_is_split(const person_cues *c, cue_kind k, const char *s, size_t n,
                  size_t *prefix);

/** The lists among kinds (a bit 1u << k per cue_kind k) that the token at
 *  s (n bytes) is a word of, read as cue_is_split reads it: bit k is set
 *  exactly when cue_is_split(c, k, s, n, NULL) is true. The token's
 *  readings are made once for all the lists. */
unsigned cue_kinds_split(const person_cues *c, unsigned kinds, const char *s,
                         size_t n);


#endif
