/* What the cue set's two modules share: loading (cues.c) and finding
 * (cue_find.c). Private to lexicon/ (tests/layering). */
#ifndef BAYAN_LEXICON_CUES_IMPL_H
#define BAYAN_LEXICON_CUES_IMPL_H

#include "lexicon/cues.h"
#include "text/morph.h"

/* Letters of the matching form that inflection changes or adds. */
#define ALEF "\xd8\xa7"  /* ا, also hamza on alef, folded */
#define HAMZA "\xd8\xa1" /* ء: a hamza on a seat before a suffix */
#define HEH "\xd9\x87"   /* ه, also teh marbuta, folded */
#define YEH "\xd9\x8a"   /* ي, also alef maqsura, folded */

/* One surface form, folded like article text, words separated by one
 * space. */
typedef struct cue_form {
    char *folded;
    char *raw; /* a one-word form as the data spells it, else NULL */
    size_t first_len; /* bytes of its first word */
    size_t words;
    size_t cue; /* index in cue_set.cues */
} cue_form;

/* A one-word form of a cue that inflected words may reach through their
 * stem (cue_stem_safe), as the data spells it (borrowed from its
 * cue_form); sorted by raw. */
typedef struct stem_form {
    const char *raw;
    const char *folded; /* as the matching form spells it */
    size_t cue;
} stem_form;

/* What a word must begin with (in the matching form, at its first or
 * second letter, after its proclitics) to be worth a morphological
 * analysis: a stem form without the letters inflection changes. Sorted. */
typedef struct stem_key {
    char *s;
    size_t n;
} stem_key;

struct cue_set {
    cue *cues;
    size_t cue_count;
    cue_form *forms;
    size_t form_count;
    char **strings; /* owned IRIs the cues point at */
    size_t string_count;
    /* Morphology (cue_set_use_morph): read-only once built. */
    const morph *morph; /* borrowed; NULL: listed forms only */
    stem_form *stems;
    size_t stem_count;
    stem_key *keys;
    size_t key_count;
};

#endif
