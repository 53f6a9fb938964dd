/* The reference computation of the tagger's token flags (tagger.h): the
 * trainer and the evaluator use it; the persons stage must compute the same
 * bits from the same lexicon at run time. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "bayan/bayan.h"
#include "engine/engine.h"
#include "lexicon/lexicon.h"
#include "lexicon/person_cues.h"
#include "text/text.h"

typedef struct form_entry {
    char *form;    /* folded words joined by single spaces */
    unsigned kind; /* TAGGER_F_STATE | ... */
} form_entry;

struct tflags {
    bayan_engine *e;
    const person_cues *cues; /* borrowed from e */
    person_cues own_cues;
    form_entry *forms;
    size_t nforms;
    size_t max_words;
};

char *tflags_fold(const char *token)
{
    char *out = NULL;
    if (text_fold_word(token, &out) != BAYAN_OK)
        return NULL;
    if (!out || !*out) {
        free(out);
        out = strdup(token);
    }
    return out;
}

static int cmp_form(const void *a, const void *b)
{
    return strcmp(((const form_entry *)a)->form, ((const form_entry *)b)->form);
}

static unsigned kind_flag(entity_kind k)
{
    switch (k) {
    case KIND_STATE: return TAGGER_F_STATE;
    case KIND_CITY: return TAGGER_F_CITY;
    case KIND_ORGANIZATION: return TAGGER_F_ORG;
    case KIND_PERSON: return TAGGER_F_PERSON;
    default: return 0;
    }
}

/* The folded form with its words joined by one space. */
static char *normalise_spaces(const char *s, size_t *words)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    *words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
            i++;
        if (i == n)
            break;
        if (k)
            out[k++] = ' ';
        while (i < n && s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
            out[k++] = s[i++];
        (*words)++;
    }
    out[k] = '\0';
    return out;
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
    if (person_cues_load(f->e->lexicon, &f->own_cues) != BAYAN_OK) {
        fprintf(stderr, "cannot load the person cues\n");
        tflags_free(f);
        return NULL;
    }
    f->cues = &f->own_cues;
    size_t n;
    const lexicon_form *lf = lexicon_forms(f->e->lexicon, &n);
    f->forms = calloc(n ? n : 1, sizeof *f->forms);
    if (!f->forms) {
        tflags_free(f);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const lexicon_entry *le = lexicon_entry_of(f->e->lexicon, lf[i].entity);
        unsigned k = le ? kind_flag(le->kind) : 0;
        if (!k)
            continue;
        size_t words;
        char *s = normalise_spaces(lf[i].folded, &words);
        if (!s || !*s) {
            free(s);
            continue;
        }
        if (words > f->max_words)
            f->max_words = words;
        f->forms[f->nforms].form = s;
        f->forms[f->nforms].kind = k;
        f->nforms++;
    }
    qsort(f->forms, f->nforms, sizeof *f->forms, cmp_form);
    /* merge duplicates */
    size_t w = 0;
    for (size_t i = 0; i < f->nforms; i++) {
        if (w && strcmp(f->forms[w - 1].form, f->forms[i].form) == 0) {
            f->forms[w - 1].kind |= f->forms[i].kind;
            free(f->forms[i].form);
        } else {
            f->forms[w++] = f->forms[i];
        }
    }
    f->nforms = w;
    return f;
}

void tflags_free(tflags *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nforms; i++)
        free(f->forms[i].form);
    free(f->forms);
    person_cues_clear(&f->own_cues);
    bayan_engine_free(f->e);
    free(f);
}

static unsigned form_kind(const tflags *f, const char *s)
{
    form_entry key = {.form = (char *)s};
    const form_entry *hit =
        bsearch(&key, f->forms, f->nforms, sizeof *f->forms, cmp_form);
    return hit ? hit->kind : 0;
}

void tflags_compute(const tflags *f, const char *const *forms, size_t n,
                    unsigned *flags)
{
    for (size_t i = 0; i < n; i++)
        flags[i] = 0;
    char buf[1024];
    for (size_t i = 0; i < n; i++) {
        const char *tok = forms[i];
        size_t tl = strlen(tok);
        /* person cues */
        if (cue_is_split(f->cues, CUE_HEAD, tok, tl, NULL) ||
            cue_is_split(f->cues, CUE_COUNTERPART, tok, tl, NULL) ||
            cue_is_split(f->cues, CUE_DESCRIPTOR, tok, tl, NULL))
            flags[i] |= TAGGER_F_ROLE;
        if (cue_is_split(f->cues, CUE_HONORIFIC, tok, tl, NULL))
            flags[i] |= TAGGER_F_HONORIFIC;
        if (cue_is_split(f->cues, CUE_PARTICLE, tok, tl, NULL))
            flags[i] |= TAGGER_F_PARTICLE;
        if (cue_is_split(f->cues, CUE_ROLE_WORD, tok, tl, NULL) ||
            cue_is_split(f->cues, CUE_BODY, tok, tl, NULL))
            flags[i] |= TAGGER_F_BODY;
        /* lexicon forms starting here, on every proclitic reading */
        text_split splits[32];
        size_t m = text_clitic_splits(tok, tl, splits, 32);
        if (m > 32)
            m = 32;
        for (size_t s = 0; s < m; s++) {
            size_t len = text_split_stem(tok, &splits[s], buf, sizeof buf);
            if (!len)
                continue;
            for (size_t k = 0; k < f->max_words && i + k < n; k++) {
                if (k > 0) {
                    size_t wl = strlen(forms[i + k]);
                    if (len + 1 + wl + 1 > sizeof buf)
                        break;
                    buf[len++] = ' ';
                    memcpy(buf + len, forms[i + k], wl + 1);
                    len += wl;
                }
                unsigned kind = form_kind(f, buf);
                if (kind)
                    for (size_t j = i; j <= i + k; j++)
                        flags[j] |= kind;
            }
        }
    }
}

bool tflags_reads_as(const char *tok, const char *word)
{
    size_t tl = strlen(tok);
    text_split splits[32];
    size_t m = text_clitic_splits(tok, tl, splits, 32);
    if (m > 32)
        m = 32;
    char buf[1024];
    for (size_t s = 0; s < m; s++) {
        size_t len = text_split_stem(tok, &splits[s], buf, sizeof buf);
        if (len && strcmp(buf, word) == 0)
            return true;
    }
    return strcmp(tok, word) == 0;
}
