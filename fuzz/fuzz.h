/* What every fuzz target shares: the engine, made once per process, and
 * checks of the text layer's invariants that turn a silently wrong offset
 * into a crash the fuzzer reports. Built either with libFuzzer (scripts/fuzz)
 * or with the standalone driver replay.c (tests/fuzz/meson.build). */
#ifndef BAYAN_FUZZ_H
#define BAYAN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "engine/engine.h"
#include "text/text.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken invariant: say which and where, then crash so that libFuzzer
 * saves the input (abort, not assert: the check must survive -DNDEBUG). */
#define FUZZ_CHECK(cond)                                                     \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,      \
                    __LINE__, #cond);                                        \
            abort();                                                         \
        }                                                                    \
    } while (0)

/* The engines (strict and lenient) live for the whole process: loading the
 * ontology and lexicon per input would make fuzzing a hundred times slower.
 * Process-wide state is fine here; the rule against it is the library's. */
static bayan_engine *fuzz_engines[2];

static inline void fuzz_free_engines(void)
{
    for (int i = 0; i < 2; i++) {
        bayan_engine_free(fuzz_engines[i]);
        fuzz_engines[i] = NULL;
    }
}

/* The ontology comes from $BAYAN_ONTOLOGY_DIR, else the source tree. */
static inline const bayan_engine *fuzz_engine(bool lenient)
{
    if (fuzz_engines[lenient])
        return fuzz_engines[lenient];
    const char *dir = getenv("BAYAN_ONTOLOGY_DIR");
    bayan_options o = {0};
    o.ontology_dir = dir && *dir ? dir : BAYAN_SOURCE_ONTOLOGY_DIR;
    o.lenient = lenient;
    bayan_status st = bayan_engine_new(&o, &fuzz_engines[lenient]);
    if (st != BAYAN_OK) {
        fprintf(stderr, "fuzz: cannot load the ontology from %s: %s\n",
                o.ontology_dir, bayan_strerror(st));
        exit(2);
    }
    static bool registered;
    if (!registered)
        registered = atexit(fuzz_free_engines) == 0;
    return fuzz_engines[lenient];
}

/* A decoded text is what the public API promises: NUL-terminated UTF-8
 * with no NUL inside, no CR, and cp_length code points. */
static inline void fuzz_check_doc(const text_doc *doc)
{
    FUZZ_CHECK(doc->text != NULL);
    FUZZ_CHECK(doc->text[doc->length] == '\0');
    FUZZ_CHECK(strlen(doc->text) == doc->length);
    FUZZ_CHECK(memchr(doc->text, '\r', doc->length) == NULL);
    size_t cps = 0;
    for (size_t i = 0; i < doc->length; cps++) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)doc->text + i,
                               doc->length - i, &cp);
        FUZZ_CHECK(n > 0);
        i += n;
    }
    FUZZ_CHECK(cps == doc->cp_length);
}

/* One list of spans (tokens or sentences): each non-empty, inside both
 * texts, in order and without overlap. */
static inline void fuzz_check_spans(const text_span *s, size_t count,
                                    size_t match_len, size_t cp_length)
{
    for (size_t i = 0; i < count; i++) {
        FUZZ_CHECK(s[i].match_begin < s[i].match_end);
        FUZZ_CHECK(s[i].match_end <= match_len);
        FUZZ_CHECK(s[i].begin < s[i].end);
        FUZZ_CHECK(s[i].end <= cp_length);
        if (i > 0) {
            FUZZ_CHECK(s[i].match_begin >= s[i - 1].match_end);
            FUZZ_CHECK(s[i].begin >= s[i - 1].begin);
        }
    }
}

/* The matching form and its map back to the original (see text.h). */
static inline void fuzz_check_analysis(const text_doc *doc,
                                       const text_analysis *a)
{
    FUZZ_CHECK(a->match != NULL);
    FUZZ_CHECK(strlen(a->match) == a->match_len);
    FUZZ_CHECK(a->orig[a->match_len] == doc->cp_length);
    for (size_t i = 0; i < a->match_len; i++) {
        FUZZ_CHECK(a->orig[i] < a->orig_end[i]);
        FUZZ_CHECK(a->orig_end[i] <= doc->cp_length);
        FUZZ_CHECK(i == 0 || a->orig[i] >= a->orig[i - 1]);
    }
    fuzz_check_spans(a->tokens, a->token_count, a->match_len,
                     doc->cp_length);
    fuzz_check_spans(a->sentences, a->sentence_count, a->match_len,
                     doc->cp_length);
}

#endif
