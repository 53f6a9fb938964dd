/* The names tagger's token flags from the lexicon and the person cues
 * (tagger_flags.h; the bits are documented in tagger.h). */
#include "extract/tagger_flags.h"

#include <stdlib.h>
#include <string.h>

#include "extract/tagger.h"
#include "text/text.h"

typedef struct form_entry {
    char *form;    /* folded words joined by single spaces */
    unsigned kind; /* TAGGER_F_STATE | ... */
} form_entry;

struct tagger_flagger {
    const person_cues *cues; /* borrowed */
    form_entry *forms;
    size_t nforms;
    size_t max_words;
};

/* Proclitic readings tried per token, and the longest look-up key. */
#define MAX_SPLITS 32
#define KEY_BYTES 1024

bayan_status tagger_fold_token(const char *token, char **out)
{
    *out = NULL;
    bayan_status st = text_fold_word(token, out);
    if (st != BAYAN_OK)
        return st;
    if (!*out || !**out) {
        free(*out);
        *out = strdup(token);
    }
    return *out ? BAYAN_OK : BAYAN_ERR_NOMEM;
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

static bool blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

/* The folded form with its words joined by one space; *words: how many. */
static char *normalise_spaces(const char *s, size_t *words)
{
    size_t n = strlen(s), k = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    *words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && blank(s[i]))
            i++;
        if (i == n)
            break;
        if (k)
            out[k++] = ' ';
        while (i < n && !blank(s[i]))
            out[k++] = s[i++];
        (*words)++;
    }
    out[k] = '\0';
    return out;
}

/* Sorts the forms and merges the kinds of equal ones. */
static void sort_and_merge(tagger_flagger *f)
{
    qsort(f->forms, f->nforms, sizeof *f->forms, cmp_form);
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
}

bayan_status tagger_flagger_new(const lexicon *lex, const person_cues *cues,
                                tagger_flagger **out)
{
    *out = NULL;
    size_t n;
    const lexicon_form *lf = lexicon_forms(lex, &n);
    tagger_flagger *f = calloc(1, sizeof *f);
    if (!f || !(f->forms = calloc(n ? n : 1, sizeof *f->forms))) {
        free(f);
        return BAYAN_ERR_NOMEM;
    }
    f->cues = cues;
    for (size_t i = 0; i < n; i++) {
        const lexicon_entry *le = lexicon_entry_of(lex, lf[i].entity);
        /* A place whose name is an ordinary word or a person's name
         * (bayan:needsCue) is no evidence of a place by itself. */
        unsigned k = le && !le->cue ? kind_flag(le->kind) : 0;
        size_t words;
        if (!k)
            continue;
        char *s = normalise_spaces(lf[i].folded, &words);
        if (!s) {
            tagger_flagger_free(f);
            return BAYAN_ERR_NOMEM;
        }
        if (!*s) {
            free(s);
            continue;
        }
        if (words > f->max_words)
            f->max_words = words;
        f->forms[f->nforms++] = (form_entry){s, k};
    }
    sort_and_merge(f);
    *out = f;
    return BAYAN_OK;
}

void tagger_flagger_free(tagger_flagger *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nforms; i++)
        free(f->forms[i].form);
    free(f->forms);
    free(f);
}

/* The first form not below key. */
static size_t lower_bound(const tagger_flagger *f, const char *key)
{
    size_t lo = 0, hi = f->nforms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(f->forms[mid].form, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The kinds of the form key (0: none); *longer: some form goes on from
 * key with another word (key holds len bytes and room for one more). */
static unsigned form_kind(const tagger_flagger *f, char *key, size_t len,
                          bool *longer)
{
    size_t at = lower_bound(f, key);
    unsigned kind = at < f->nforms && strcmp(f->forms[at].form, key) == 0
                        ? f->forms[at].kind
                        : 0;
    key[len] = ' ';
    key[len + 1] = '\0';
    at = lower_bound(f, key);
    *longer = at < f->nforms && strncmp(f->forms[at].form, key, len + 1) == 0;
    key[len] = '\0';
    return kind;
}

/* The person-cue bits of one token. */
static unsigned cue_flags(const person_cues *c, const char *tok, size_t tl)
{
    enum {
        ROLE = 1u << CUE_HEAD | 1u << CUE_COUNTERPART | 1u << CUE_DESCRIPTOR,
        BODY = 1u << CUE_ROLE_WORD | 1u << CUE_BODY,
    };
    unsigned k = cue_kinds_split(c, ROLE | BODY | 1u << CUE_HONORIFIC |
                                        1u << CUE_PARTICLE |
                                        1u << CUE_GIVEN_NAME,
                                 tok, tl);
    unsigned fl = 0;
    if (k & ROLE)
        fl |= TAGGER_F_ROLE;
    if (k & 1u << CUE_HONORIFIC)
        fl |= TAGGER_F_HONORIFIC;
    if (k & 1u << CUE_PARTICLE)
        fl |= TAGGER_F_PARTICLE;
    if (k & BODY)
        fl |= TAGGER_F_BODY;
    if (k & 1u << CUE_GIVEN_NAME)
        fl |= TAGGER_F_GIVEN;
    return fl;
}

/* Marks every lexicon form that starts at token i, read as the stem of
 * one proclitic split of it (key: that stem, len bytes). Stops as soon as
 * no form goes on with the next token. */
static void mark_forms(const tagger_flagger *f, const char *const *forms,
                       size_t n, size_t i, char *key, size_t len,
                       unsigned *flags)
{
    for (size_t k = 0; k < f->max_words && i + k < n; k++) {
        if (k > 0) {
            size_t wl = strlen(forms[i + k]);
            if (len + 1 + wl + 2 > KEY_BYTES)
                break;
            key[len++] = ' ';
            memcpy(key + len, forms[i + k], wl + 1);
            len += wl;
        }
        bool longer;
        unsigned kind = form_kind(f, key, len, &longer);
        if (kind)
            for (size_t j = i; j <= i + k; j++)
                flags[j] |= kind;
        if (!longer)
            break;
    }
}

void tagger_flags_compute(const tagger_flagger *f, const char *const *forms,
                          size_t n, unsigned *flags)
{
    for (size_t i = 0; i < n; i++)
        flags[i] = 0;
    char key[KEY_BYTES];
    for (size_t i = 0; i < n; i++) {
        const char *tok = forms[i];
        size_t tl = strlen(tok);
        flags[i] |= cue_flags(f->cues, tok, tl);
        text_split splits[MAX_SPLITS];
        size_t m = text_clitic_splits(tok, tl, splits, MAX_SPLITS);
        if (m > MAX_SPLITS)
            m = MAX_SPLITS;
        for (size_t s = 0; s < m; s++) {
            size_t len = text_split_stem(tok, &splits[s], key, sizeof key - 1);
            if (len)
                mark_forms(f, forms, n, i, key, len, flags);
        }
    }
}

bool tagger_reads_as(const char *tok, const char *word)
{
    size_t tl = strlen(tok);
    text_split splits[MAX_SPLITS];
    size_t m = text_clitic_splits(tok, tl, splits, MAX_SPLITS);
    if (m > MAX_SPLITS)
        m = MAX_SPLITS;
    char buf[KEY_BYTES];
    for (size_t s = 0; s < m; s++) {
        size_t len = text_split_stem(tok, &splits[s], buf, sizeof buf);
        if (len && strcmp(buf, word) == 0)
            return true;
    }
    return strcmp(tok, word) == 0;
}
