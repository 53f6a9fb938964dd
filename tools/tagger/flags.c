/* The tagger's token flags for the trainer and the evaluator: the
 * library's own computation (src/extract/tagger_flags.c), over the lexicon
 * and person cues an engine loads, so that training and run time compute
 * the same bits. */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "bayan/bayan.h"
#include "engine/engine.h"
#include "extract/tagger_flags.h"

struct tflags {
    bayan_engine *e;
    tagger_flagger *flagger;
};

char *tflags_fold(const char *token)
{
    char *out;
    return tagger_fold_token(token, &out) == BAYAN_OK ? out : NULL;
}

tflags *tflags_new(const char *ontology_dir)
{
    tflags *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    bayan_options o = {.ontology_dir = ontology_dir};
    if (bayan_engine_new(&o, &f->e) != BAYAN_OK) {
        fprintf(stderr, "cannot load the ontology in %s\n", ontology_dir);
        free(f);
        return NULL;
    }
    if (tagger_flagger_new(f->e->lexicon, f->e->person_words, &f->flagger) !=
        BAYAN_OK) {
        fprintf(stderr, "out of memory\n");
        tflags_free(f);
        return NULL;
    }
    return f;
}

void tflags_free(tflags *f)
{
    if (!f)
        return;
    tagger_flagger_free(f->flagger);
    bayan_engine_free(f->e);
    free(f);
}

void tflags_compute(const tflags *f, const char *const *forms, size_t n,
                    unsigned *flags)
{
    tagger_flags_compute(f->flagger, forms, n, flags);
}

bool tflags_reads_as(const char *tok, const char *word)
{
    return tagger_reads_as(tok, word);
}
