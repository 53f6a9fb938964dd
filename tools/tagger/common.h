/* What the tagger's trainer and evaluator share: reading ANERcorp and the
 * project's gold into folded, flagged sentences (flags.c computes the
 * flags exactly as tagger.h documents), and CoNLL span scoring. */
#ifndef BAYAN_TOOLS_TAGGER_COMMON_H
#define BAYAN_TOOLS_TAGGER_COMMON_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/tagger.h"

typedef struct bayan_engine bayan_engine;

/* ---- flags (flags.c) ----------------------------------------------------- */

typedef struct tflags tflags;

/** Loads the lexicon and person cues of the ontology directory dir
 *  (bayan.ttl, lexicon/). Returns NULL with a message on stderr. */
tflags *tflags_new(const char *ontology_dir);
void tflags_free(tflags *f);

/** Folds a token as the caller of tagger_tag must (text_fold_word; the
 *  token itself when folding leaves nothing). New string, or NULL when out
 *  of memory. */
char *tflags_fold(const char *token);

/** True when the folded token is word, or word behind proclitics. */
bool tflags_reads_as(const char *tok, const char *word);

/** Computes the TAGGER_F_* flags of the n folded tokens of a sentence. */
void tflags_compute(const tflags *f, const char *const *forms, size_t n,
                    unsigned *flags);

/* ---- sentences ------------------------------------------------------------ */

typedef struct sentence {
    size_t n;
    char **forms;       /* folded */
    tagger_token *toks; /* forms and flags */
    int *gold;          /* tagger_tag_id; -1 for tokens without a label */
} sentence;

typedef struct corpus {
    sentence *s;
    size_t n, cap;
    size_t tokens;
} corpus;

/** Reads lines [first, last) (1-based, last 0 for the end) of an ANERcorp
 *  file into c, sentences ending at "." tokens; when chunk is not 0, a
 *  sentence also ends at a punctuation mark outside names once it has
 *  chunk tokens (long sentences make the perceptron's updates unstable).
 *  Returns false with a message on stderr. */
bool corpus_read_anercorp(corpus *c, const tflags *f, const char *path,
                          size_t first, size_t last, size_t chunk);

/** Reads the project's gold as a TSV made by tools/tagger/gold_spans.py:
 *  "text\tPATH" starts a document, then "TYPE\tFORM" lines (TYPE PERS, LOC
 *  or ORG) give the names it mentions. The text is tokenized like ANERcorp;
 *  every token sequence matching a name's folded form is tagged with its
 *  type (persons first, longest first), everything else O. Only sentences
 *  with a person are kept. */
bool corpus_read_gold(corpus *c, const tflags *f, const char *tsv_path);

/** Appends a sentence of n folded forms (c takes them) with gold tags,
 *  computing the flags. Returns false when out of memory. */
bool corpus_add(corpus *c, char **forms, int *gold, size_t n,
                const tflags *f);

void corpus_free(corpus *c);

/** Sets the TAGGER_F_HIST_* bits of the sentences [first, last) of c, read
 *  as one document in order, from tags[j - first] (the tags of sentence j
 *  from a first pass; tagger_history); tags NULL clears them. */
void corpus_set_history(corpus *c, size_t first, size_t last,
                        int *const *tags);

/* ---- scoring --------------------------------------------------------------- */

typedef struct span_counts {
    size_t tp[5], fp[5], gold[5]; /* by type: 0 all, 1 PERS .. 4 MISC */
} span_counts;

/** Adds the exact-match spans of one sentence (CoNLL: a span starts at a
 *  B-X, or at an I-X after another type, and runs over I-X). */
void span_count(span_counts *c, const int *gold, const int *pred, size_t n);

double span_f1(const span_counts *c, int type, double *p, double *r);

#endif
