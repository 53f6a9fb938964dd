/* Arabic morphology from Hunspell (libhunspell and a dictionary such as
 * Debian's hunspell-ar): is a word an ordinary word, and what are its
 * stems. This is the one module that uses libhunspell.
 *
 * Words are given in their original spelling (UTF-8), not in the folded
 * matching form: the dictionary spells hamza and teh marbuta, so a folded
 * word (موتمر for مؤتمر) is unknown to it. Diacritics and tatweel are
 * ignored by the dictionary itself (its IGNORE line).
 *
 * Cost (hunspell-ar 3.2, libhunspell 1.7): loading the whole dictionary
 * takes about 1e9 instructions and 0.5 s, most of it the 170,000 words of
 * ar.dic; the affix file alone about 2e8. One analysis takes about 2e5
 * instructions. morph_open_entries loads only the dictionary entries a
 * caller needs, and callers cache what they look up.
 *
 * Threads: a libhunspell handle keeps scratch state between calls, so the
 * functions taking a const morph * must not run concurrently on one handle
 * (const says that the answers do not change, not that the calls are
 * reentrant); calls on different handles may run in different threads.
 * libhunspell 1.7.1 also shares a table between all handles whose counter
 * is not locked (fixed upstream after 1.7.1), so morph_open* and morph_free
 * must not run while another thread opens or frees a handle. This module
 * itself keeps no global state. */
#ifndef BAYAN_TEXT_MORPH_H
#define BAYAN_TEXT_MORPH_H

#include <stdbool.h>
#include <stddef.h>

#include "bayan/bayan.h"

typedef struct morph morph;

/** Opens the dictionary aff + dic (the paths of the .aff and .dic files).
 *  BAYAN_ERR_IO when either file cannot be read (*out NULL): callers go on
 *  without morphology. Free *out with morph_free. */
bayan_status morph_open(const char *aff, const char *dic, morph **out);

/** Like morph_open, but loads only the entries of dic spelt exactly as one
 *  of the nkeep words of keep (with all their affixes): every answer is
 *  then the whole dictionary's answer restricted to those stems. Much
 *  cheaper to load when a caller only asks "is this a form of one of these
 *  words". The entries go through a temporary file in $TMPDIR (else /tmp),
 *  removed before this returns. */
bayan_status morph_open_entries(const char *aff, const char *dic,
                                const char *const *keep, size_t nkeep,
                                morph **out);

void morph_free(morph *m);

/** True when utf8 is a word of the dictionary, with its affixes and
 *  clitics (the conjunction, prepositions, article, attached pronouns):
 *  an ordinary Arabic word rather than a name or a typo. False for NULL
 *  or empty words and words longer than MORPH_MAX_WORD bytes. */
bool morph_is_word(const morph *m, const char *utf8);

/** Bytes of the longest word looked up; longer words are no words. */
#define MORPH_MAX_WORD 200

/** The stems of utf8 (Hunspell_stem), each once, as the dictionary spells
 *  them. *out is a new array of *n new strings (morph_list_free), NULL when
 *  there are none (an unknown word). */
bayan_status morph_stems(const morph *m, const char *utf8, char ***out,
                         size_t *n);

void morph_list_free(char **list, size_t n);

/** One reading of a word (Hunspell_analyze). */
typedef struct morph_analysis {
    char *stem;      /**< the dictionary entry (st:) */
    bool imperfect;  /**< a verb in the imperfect (present or, with س/سوف,
                      *   future: is:prst), which its past-tense stem does
                      *   not say */
} morph_analysis;

/** The readings of utf8 that name a stem, each (stem, imperfect) once.
 *  *out is a new array of *n (morph_analyses_free), NULL when none. */
bayan_status morph_analyze(const morph *m, const char *utf8,
                           morph_analysis **out, size_t *n);

void morph_analyses_free(morph_analysis *list, size_t n);

#endif
