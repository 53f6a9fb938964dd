/* The names tagger at run time (name_tags.c): the model and the flagger
 * the engine loads once (names_tagger, declared in extract.h), and one
 * article's tags. The article's tokens (text_analysis) are words only; the
 * tagger was trained on ANERcorp's tokens, where every punctuation mark is
 * a token too, so the sequence of each sentence is rebuilt with the marks
 * of the gaps between words, and the tags are mapped back to the words. */
#ifndef BAYAN_NAME_TAGS_H
#define BAYAN_NAME_TAGS_H

#include "extract/extract.h"

/** A name the tagger proposes: words [t0, t1) of the article. */
typedef struct name_span {
    size_t t0, t1;
    int type;     /**< 1 PERS, 2 LOC, 3 ORG, 4 MISC (tagger_tag_type) */
    float margin; /**< PERS: best path minus the best without these words
                   *   as a person (how sure the model is); else 0 */
} name_span;

/** One article's tags. */
typedef struct name_tags {
    unsigned char *tag; /**< per word: a tagger_tag_id */
    name_span *spans;   /**< in text order */
    size_t count, capacity;
} name_tags;

/** Tags the words of a. With t NULL every word is O and there are no
 *  spans. Free with name_tags_clear. */
bayan_status name_tags_find(const names_tagger *t, const text_analysis *a,
                            name_tags *out);
void name_tags_clear(name_tags *nt);

/** The PERS span that holds word i, or NULL. */
const name_span *name_tags_person_at(const name_tags *nt, size_t i);

#endif
