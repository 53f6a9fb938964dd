/* The names tagger's token flags (tagger.h, "What the caller must supply"),
 * computed from the engine's own lexicon and person cues. The one
 * implementation: the persons stage uses it at run time, and
 * tools/tagger (trainer, evaluator) uses it to build the training data,
 * so that the bits a model was trained with and the bits it is run with
 * cannot drift apart. */
#ifndef BAYAN_TAGGER_FLAGS_H
#define BAYAN_TAGGER_FLAGS_H

#include <stdbool.h>
#include <stddef.h>

#include "lexicon/lexicon.h"
#include "lexicon/person_cues.h"

/** The folded lexicon forms of states, cities, organizations and persons,
 *  sorted for look-up, with the person cues they are read with. */
typedef struct tagger_flagger tagger_flagger;

/** Builds a flagger from lex and cues (both borrowed: they must outlive
 *  it). *out is new (tagger_flagger_free). */
bayan_status tagger_flagger_new(const lexicon *lex, const person_cues *cues,
                                tagger_flagger **out);
void tagger_flagger_free(tagger_flagger *f);

/** The TAGGER_F_* flags of the n folded tokens of one sentence into
 *  flags[0..n). */
void tagger_flags_compute(const tagger_flagger *f, const char *const *forms,
                          size_t n, unsigned *flags);

/** Folds a token as the caller of tagger_tag must: text_fold_word, or the
 *  token itself when folding leaves nothing. *out is new. */
bayan_status tagger_fold_token(const char *token, char **out);

/** True when the folded token is word, or word behind proclitics. */
bool tagger_reads_as(const char *token, const char *word);

#endif
