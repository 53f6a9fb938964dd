/* A trained sequence tagger for names (tagger.c): an averaged structured
 * perceptron over tokens, decoded with Viterbi over BIO tags (first-order
 * transitions, I-X only after B-X or I-X), for persons, locations,
 * organizations and miscellaneous names (ANERcorp's four types).
 *
 * The model is a data file (ontology/models/names.tagger) written by
 * tools/tagger/train; this module only loads it, extracts features and
 * decodes. It uses nothing but the C library: the caller folds the tokens
 * and computes their flags, exactly as the trainer did (see below).
 *
 * Thread safety: a loaded model is read-only; any number of threads may
 * call tagger_tag on one model at once. There is no global state.
 *
 * ---- What the caller must supply for each token -------------------------
 *
 * Tokens: the words, numbers AND punctuation of a sentence, in order, as
 * ANERcorp tokenizes: blanks separate tokens, every punctuation mark is a
 * token of its own (، . : " ( ) ...), proclitics stay on the word (والرئيس
 * is one token). Pass one sentence at a time (ANERcorp sentences end at a
 * "." token; a paragraph or a line is an acceptable unit too).
 *
 * form: the token folded with text_fold_word (src/text: NFKC, web debris
 * removed, Arabic orthographic folding); the token as it is when folding
 * leaves nothing. Non-empty, NUL-terminated UTF-8.
 *
 * flags: the TAGGER_F_* bits below, computed from bayan's own lexicon
 * (ontology/lexicon/, lexicon_load) and person cues (person_cues_load),
 * exactly as tools/tagger/flags.c does for training (that file is the
 * reference implementation; the integrator may move it into src/):
 *
 *  - TAGGER_F_STATE, _CITY, _ORG, _PERSON: the token lies inside a match of
 *    a folded match form (lexicon_forms(): rdfs:label@ar, skos:altLabel@ar,
 *    bayan:form) of an entry of kind KIND_STATE, KIND_CITY,
 *    KIND_ORGANIZATION or KIND_PERSON. A form of k words matches at tokens
 *    i..i+k-1 when the forms of tokens i+1..i+k-1 equal its words 2..k and
 *    the first word equals token i or one of token i's proclitic stems
 *    (text_clitic_splits / text_split_stem). Every match is marked, longest
 *    or not, overlapping or not; a token may carry several of these bits.
 *  - TAGGER_F_ROLE: cue_is_split(CUE_HEAD or CUE_COUNTERPART or
 *    CUE_DESCRIPTOR) on the token (وزير، رئيس، نظيره، الناشط).
 *  - TAGGER_F_HONORIFIC: cue_is_split(CUE_HONORIFIC) (الشيخ، الدكتور).
 *  - TAGGER_F_PARTICLE: cue_is_split(CUE_PARTICLE) (بن، أبو).
 *  - TAGGER_F_BODY: cue_is_split(CUE_ROLE_WORD or CUE_BODY) (وزارة، الحكومة).
 *  - TAGGER_F_GIVEN: cue_is_split(CUE_GIVEN_NAME): a common given name
 *    (ontology/lexicon/given-names.ttl).
 *  - TAGGER_F_HIST_*: what the same word (its longest proclitic stem) was
 *    tagged in the other sentences of the document, at most
 *    TAGGER_HISTORY_WINDOW sentences away: tagger_history computes them
 *    from a first pass over the document without them (a name first
 *    introduced in full is often repeated alone: رامسفيلد).
 *  - TAGGER_F_ORDINARY: reserved for "an ordinary dictionary word"
 *    (hunspell). The shipped model was trained with it always 0: pass 0.
 *
 * Shape (Latin letters, digits, punctuation, length) is computed here from
 * the form; the caller passes nothing for it. Unknown bits are ignored
 * only in the sense that the model has no weights for them. */
#ifndef BAYAN_TAGGER_H
#define BAYAN_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#define TAGGER_F_STATE     (1u << 0)
#define TAGGER_F_CITY      (1u << 1)
#define TAGGER_F_ORG       (1u << 2)
#define TAGGER_F_PERSON    (1u << 3)
#define TAGGER_F_ROLE      (1u << 4)
#define TAGGER_F_HONORIFIC (1u << 5)
#define TAGGER_F_PARTICLE  (1u << 6)
#define TAGGER_F_BODY      (1u << 7)
#define TAGGER_F_ORDINARY  (1u << 8)
#define TAGGER_F_GIVEN     (1u << 9)
#define TAGGER_F_HIST_PERS (1u << 10)
#define TAGGER_F_HIST_LOC  (1u << 11)
#define TAGGER_F_HIST_ORG  (1u << 12)
#define TAGGER_F_HIST      (TAGGER_F_HIST_PERS | TAGGER_F_HIST_LOC | \
                            TAGGER_F_HIST_ORG)
#define TAGGER_F_BITS      13

/** Sentences on either side whose tags tagger_history reads. */
#define TAGGER_HISTORY_WINDOW 20

/** The tags, in the order of the model's weight rows. */
typedef enum tagger_tag_id {
    TAGGER_O,
    TAGGER_B_PERS,
    TAGGER_I_PERS,
    TAGGER_B_LOC,
    TAGGER_I_LOC,
    TAGGER_B_ORG,
    TAGGER_I_ORG,
    TAGGER_B_MISC,
    TAGGER_I_MISC,
    TAGGER_TAG_COUNT
} tagger_tag_id;

/** The name of a tag ("O", "B-PERS", ...); NULL when out of range. */
const char *tagger_tag_name(int tag);

/** The tag named name, or -1. */
int tagger_tag_from_name(const char *name);

/** The type of a tag: 0 for O, else 1 PERS, 2 LOC, 3 ORG, 4 MISC. */
int tagger_tag_type(int tag);

/** True when tag begins a name (B-X). */
int tagger_tag_begins(int tag);

typedef struct tagger_token {
    const char *form; /**< folded token, UTF-8, NUL-terminated */
    unsigned flags;   /**< TAGGER_F_* bits */
} tagger_token;

typedef struct tagger_model tagger_model;

/** Loads a model file. Returns 0 and sets *out (free with tagger_free), or
 *  -1 with *out NULL and a message naming the file and the fault written
 *  into err (errlen bytes, NUL-terminated; err may be NULL). */
int tagger_load(const char *path, tagger_model **out, char *err,
                size_t errlen);

void tagger_free(tagger_model *m);

/** Number of weighted features of the model. */
size_t tagger_feature_count(const tagger_model *m);

/** The model's header line "key: value" value for key (borrowed), or NULL.
 *  E.g. "epochs", "features", "date", "command". */
const char *tagger_header(const tagger_model *m, const char *key);

/** Tags the n tokens of one sentence: tags_out[i] receives a tagger_tag_id.
 *  The result is a valid BIO sequence. Returns 0, or -1 when out of memory
 *  (tags_out then all TAGGER_O). n == 0 is fine. */
int tagger_tag(const tagger_model *m, const tagger_token *toks, size_t n,
               int *tags_out);

/** The TAGGER_F_HIST_* bits of the n tokens of a document (its sentences
 *  one after another, sent[i] the sentence of token i, non-decreasing),
 *  from tags (a first pass): hist[i] receives the types the same word was
 *  tagged with in the other sentences at most TAGGER_HISTORY_WINDOW away.
 *  Words shorter than three letters get none. Returns 0, or -1 when out of
 *  memory (hist then all 0). */
int tagger_history(const tagger_token *toks, const int *tags,
                   const size_t *sent, size_t n, unsigned *hist);

/* ---- for the trainer and tests ------------------------------------------ */

/** Most features a token can have. */
#define TAGGER_MAX_FEATURES 160

/** The hashed feature keys of token i of toks[0..n): writes at most
 *  TAGGER_MAX_FEATURES keys into out and returns their number. Pure
 *  function of the forms and flags of tokens i-2..i+2. */
size_t tagger_features(const tagger_token *toks, size_t n, size_t i,
                       uint64_t *out);

/** tagger_features, the keys that depend on the token's whole form (its
 *  form, proclitic stems, the bigrams holding it) first: *identity
 *  receives their number (identity may be NULL). The trainer drops them
 *  now and then so that the model learns what tells a name it has never
 *  seen (word dropout). */
size_t tagger_features_split(const tagger_token *toks, size_t n, size_t i,
                             uint64_t *out, size_t *identity);

/** tagger_features_split is these two one after the other: the keys that
 *  do not depend on the flags, then those that do (the flags of tokens
 *  i-2..i+2). A second pass that only adds flags recomputes the second. */
size_t tagger_features_plain(const tagger_token *toks, size_t n, size_t i,
                             uint64_t *out, size_t *identity);
size_t tagger_features_flagged(const tagger_token *toks, size_t n, size_t i,
                               uint64_t *out);

/** Writes a model file. header: zero or more "key: value\n" lines (no blank
 *  line); keys: nfeat distinct feature keys sorted ascending; weights:
 *  nfeat * TAGGER_TAG_COUNT floats, row by row; trans: (TAGGER_TAG_COUNT +
 *  1) * TAGGER_TAG_COUNT floats, row 0 from the sentence start, row p + 1
 *  from tag p. Returns 0, or -1 with a message in err. */
int tagger_write(const char *path, const char *header, const uint64_t *keys,
                 const float *weights, size_t nfeat, const float *trans,
                 char *err, size_t errlen);

/** Viterbi over given scores: emit[i * TAGGER_TAG_COUNT + t] the emission
 *  score of tag t at token i, trans as in tagger_write. Writes the best
 *  valid BIO sequence into tags_out. Returns 0, or -1 when out of memory. */
int tagger_viterbi(const float *emit, const float *trans, size_t n,
                   int *tags_out);

/** The emission scores of the n tokens: emit[i * TAGGER_TAG_COUNT + t]
 *  receives the score of tag t at token i (n * TAGGER_TAG_COUNT floats).
 *  tagger_tag is tagger_emissions then tagger_viterbi. Returns 0. */
int tagger_emissions(const tagger_model *m, const tagger_token *toks,
                     size_t n, float *emit);

/** tagger_emissions in two steps: tagger_emissions_plain sums the weights
 *  of the keys that do not depend on the flags into plain (n *
 *  TAGGER_TAG_COUNT floats), tagger_emissions_flagged adds those of the
 *  flagged keys to a copy of plain in emit. The result is bit for bit
 *  tagger_emissions's; a pass that changes only flags reuses plain. */
void tagger_emissions_plain(const tagger_model *m, const tagger_token *toks,
                            size_t n, float *plain);
void tagger_emissions_flagged(const tagger_model *m, const tagger_token *toks,
                              size_t n, const float *plain, float *emit);

/** The model's transition scores, laid out as in tagger_write. */
const float *tagger_transitions(const tagger_model *m);

/** The score of one tag sequence: transitions plus emissions. Comparing a
 *  best path with the best path under a constraint says how sure the
 *  model is of what the constraint removes. */
float tagger_path_score(const float *emit, const float *trans, size_t n,
                        const int *tags);

#endif
