/* The names tagger at run time: loading it, rebuilding each sentence as
 * the tagger's tokens (words and punctuation marks), tagging, and the
 * tagger's confidence in each person it proposes (name_tags.h). */
#include "extract/name_tags.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/array.h"
#include "core/utf8.h"
#include "extract/tagger.h"
#include "extract/tagger_flags.h"

#define T TAGGER_TAG_COUNT

struct names_tagger {
    tagger_model *model;
    tagger_flagger *flagger;
    bool history; /* the model reads the article's history: two passes */
};

bayan_status names_tagger_load(const reporter *r, const char *path,
                               const lexicon *lex, const person_cues *cues,
                               names_tagger **out)
{
    *out = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        report(r, BAYAN_INFO, BAYAN_OK, path, -1,
               "no names tagger model: persons are found by their roles "
               "and honorifics only");
        return BAYAN_OK;
    }
    names_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return BAYAN_ERR_NOMEM;
    char err[512];
    if (tagger_load(path, &t->model, err, sizeof err) != 0) {
        report(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, path, -1, "%s", err);
        free(t);
        return BAYAN_ERR_SYNTAX;
    }
    const char *h = tagger_header(t->model, "history");
    t->history = h && strcmp(h, "0") != 0;
    bayan_status st = tagger_flagger_new(lex, cues, &t->flagger);
    if (st != BAYAN_OK) {
        names_tagger_free(t);
        return st;
    }
    *out = t;
    return BAYAN_OK;
}

void names_tagger_free(names_tagger *t)
{
    if (!t)
        return;
    tagger_free(t->model);
    tagger_flagger_free(t->flagger);
    free(t);
}

/* ---- the article as the tagger's tokens ------------------------------- */

/* The tagger's tokens of one article: words and marks, and where its
 * sentences start. */
typedef struct seq {
    size_t n;
    long *word;       /* the article's word, or -1 for a mark */
    bool *starts;     /* a sentence starts at this token */
    const char **forms;
    char *buf;        /* the forms, NUL-terminated, one after another */
    size_t blen;
} seq;

static void seq_clear(seq *s)
{
    free(s->word);
    free(s->starts);
    free(s->forms);
    free(s->buf);
}

static bool is_blank_cp(uint32_t cp)
{
    return cp <= ' ' || cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200f) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x3000 ||
           cp == 0xfeff;
}

/* Appends one token (n bytes at p). */
static void seq_add(seq *s, const char *p, size_t n, long word, bool start)
{
    memcpy(s->buf + s->blen, p, n);
    s->buf[s->blen + n] = '\0';
    s->forms[s->n] = s->buf + s->blen;
    s->word[s->n] = word;
    s->starts[s->n] = start || s->n == 0;
    s->blen += n + 1;
    s->n++;
}

/* The marks of the match-form bytes [b, e): each its own token; a line
 * end starts a sentence. *start: whether the next token starts one. */
static void seq_gap(seq *s, const text_analysis *a, size_t b, size_t e,
                    bool *start)
{
    for (size_t i = b; i < e;) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)a->match + i, e - i, &cp);
        if (k == 0)
            k = 1;
        if (cp == '\n')
            *start = true;
        else if (!is_blank_cp(cp)) {
            seq_add(s, a->match + i, k, -1, *start);
            *start = false;
        }
        i += k;
    }
}

/* Builds the tokens of the whole article. */
static bayan_status seq_build(seq *s, const text_analysis *a)
{
    size_t cap = a->token_count + 1, sent = 0;
    for (size_t i = 0; i <= a->token_count; i++) {
        size_t b = i ? a->tokens[i - 1].match_end : 0;
        size_t e = i < a->token_count ? a->tokens[i].match_begin : a->match_len;
        cap += e - b; /* at most one mark per byte */
    }
    s->word = malloc(cap * sizeof *s->word);
    s->starts = malloc(cap * sizeof *s->starts);
    s->forms = malloc(cap * sizeof *s->forms);
    s->buf = malloc(a->match_len + cap + 1);
    if (!s->word || !s->starts || !s->forms || !s->buf)
        return BAYAN_ERR_NOMEM;
    bool start = true;
    for (size_t i = 0; i <= a->token_count; i++) {
        size_t b = i ? a->tokens[i - 1].match_end : 0;
        size_t e = i < a->token_count ? a->tokens[i].match_begin : a->match_len;
        seq_gap(s, a, b, e, &start);
        if (i == a->token_count)
            break;
        const text_span *t = &a->tokens[i];
        size_t was = sent;
        while (sent < a->sentence_count &&
               a->sentences[sent].match_end <= t->match_begin)
            sent++;
        if (sent != was)
            start = true;
        seq_add(s, a->match + t->match_begin, t->match_end - t->match_begin,
                (long)i, start);
        start = false;
    }
    return BAYAN_OK;
}

/* ---- tagging ------------------------------------------------------------ */

/* Scratch space for one sentence of at most cap tokens. */
typedef struct scratch {
    tagger_token *toks;
    unsigned *flags;
    int *tags, *alt;
    float *emit, *masked;
} scratch;

static bool scratch_new(scratch *w, size_t cap)
{
    w->toks = malloc(cap * sizeof *w->toks);
    w->flags = malloc(cap * sizeof *w->flags);
    w->tags = malloc(cap * sizeof *w->tags);
    w->alt = malloc(cap * sizeof *w->alt);
    w->emit = malloc(cap * T * sizeof *w->emit);
    w->masked = malloc(cap * T * sizeof *w->masked);
    return w->toks && w->flags && w->tags && w->alt && w->emit && w->masked;
}

static void scratch_clear(scratch *w)
{
    free(w->toks);
    free(w->flags);
    free(w->tags);
    free(w->alt);
    free(w->emit);
    free(w->masked);
}

/* How much better the best path is than the best one in which tokens
 * [b, e) are no person. */
static float margin(const tagger_model *m, scratch *w, size_t n, size_t b,
                    size_t e)
{
    const float *trans = tagger_transitions(m);
    memcpy(w->masked, w->emit, n * T * sizeof *w->emit);
    for (size_t i = b; i < e; i++) {
        w->masked[i * T + TAGGER_B_PERS] = -1e9f;
        w->masked[i * T + TAGGER_I_PERS] = -1e9f;
    }
    if (tagger_viterbi(w->masked, trans, n, w->alt) != 0)
        return 0;
    return tagger_path_score(w->emit, trans, n, w->tags) -
           tagger_path_score(w->emit, trans, n, w->alt);
}

static bayan_status push_span(name_tags *nt, name_span sp)
{
    if (nt->count == nt->capacity &&
        !array_grow((void **)&nt->spans, nt->count, &nt->capacity,
                    sizeof *nt->spans))
        return BAYAN_ERR_NOMEM;
    nt->spans[nt->count++] = sp;
    return BAYAN_OK;
}

/* True when the folded word starts with the article (ال، وال). */
static bool definite(const char *word)
{
    static const char al[] = "\xd8\xa7\xd9\x84";          /* ال */
    static const char wal[] = "\xd9\x88\xd8\xa7\xd9\x84"; /* وال */
    return strncmp(word, al, sizeof al - 1) == 0 ||
           strncmp(word, wal, sizeof wal - 1) == 0;
}

/* True when token k (k > 0) of the sentence from token first starts
 * another person inside a PERS span: a common given name right after a
 * definite word (نظام الأسد أحمد ...). A family name may be definite, a
 * given name that follows it is another person's; the tagger, trained on
 * text where two names seldom touch, tends to run them together. Not
 * after an honorific or a particle's word (ولد الشيخ أحمد is one name),
 * and not a definite given name: a father's name in a Gulf name chain
 * (جابر الأحمد الجابر الصباح). */
static bool starts_other_person(const seq *s, size_t first, size_t k,
                                const scratch *w)
{
    const unsigned held = TAGGER_F_HONORIFIC | TAGGER_F_PARTICLE;
    if (!(w->flags[k] & TAGGER_F_GIVEN) || (w->flags[k - 1] & held) ||
        (k >= 2 && (w->flags[k - 2] & TAGGER_F_PARTICLE)) ||
        definite(s->forms[first + k]))
        return false;
    return definite(s->forms[first + k - 1]);
}

/* The spans of the tagged sentence at tokens [0, n) of s (from token
 * first): mapped to words, PERS ones with their margin. */
static bayan_status sentence_spans(const names_tagger *t, const seq *s,
                                   size_t first, size_t n, scratch *w,
                                   name_tags *nt)
{
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < n;) {
        int ty = tagger_tag_type(w->tags[i]);
        size_t j = i + 1;
        if (ty == 0) {
            i++;
            continue;
        }
        while (j < n && !tagger_tag_begins(w->tags[j]) &&
               tagger_tag_type(w->tags[j]) == ty &&
               !(ty == 1 && starts_other_person(s, first, j, w)))
            j++;
        long w0 = -1, w1 = -1;
        for (size_t k = i; k < j; k++)
            if (s->word[first + k] >= 0) {
                if (w0 < 0)
                    w0 = s->word[first + k];
                w1 = s->word[first + k];
            }
        if (w0 >= 0) {
            name_span sp = {(size_t)w0, (size_t)w1 + 1, ty, 0};
            if (ty == 1)
                sp.margin = margin(t->model, w, n, i, j);
            st = push_span(nt, sp);
        }
        i = j;
    }
    return st;
}

/* What a first pass knows of a sentence's emission scores: those of the
 * keys that do not depend on the flags, and the whole scores it had. */
typedef struct known_scores {
    const float *plain, *emit;
    bool same_flags; /* the flags have not changed since: emit holds */
} known_scores;

/* Tags tokens [first, first + n) of s, whose flags are flags[0..n);
 * known: what a first pass computed (NULL when there was none). */
static bayan_status tag_sentence(const names_tagger *t, const seq *s,
                                 size_t first, size_t n, const unsigned *flags,
                                 const known_scores *known, scratch *w,
                                 name_tags *nt)
{
    for (size_t i = 0; i < n; i++) {
        w->flags[i] = flags[i];
        w->toks[i] = (tagger_token){s->forms[first + i], flags[i]};
    }
    if (known && known->same_flags)
        memcpy(w->emit, known->emit, n * T * sizeof *w->emit);
    else if (known)
        tagger_emissions_flagged(t->model, w->toks, n, known->plain, w->emit);
    else
        tagger_emissions(t->model, w->toks, n, w->emit);
    if (tagger_viterbi(w->emit, tagger_transitions(t->model), n, w->tags))
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        if (s->word[first + i] >= 0)
            nt->tag[s->word[first + i]] = (unsigned char)w->tags[i];
    return sentence_spans(t, s, first, n, w, nt);
}

/* The longest sentence of s. */
static size_t longest(const seq *s)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < s->n; i++) {
        run = s->starts[i] ? 1 : run + 1;
        if (run > best)
            best = run;
    }
    return best;
}

/* Where the sentence that starts at token b ends. */
static size_t next_sentence(const seq *s, size_t b)
{
    size_t e = b + 1;
    while (e < s->n && !s->starts[e])
        e++;
    return e;
}

/* A first pass over the article without the history, then the
 * TAGGER_F_HIST_* bits it gives added to flags (tagger.h). *plain and
 * *emit receive the first pass's scores (s->n * T floats each, new): the
 * second pass only adds the flagged keys' weights to plain, and a
 * sentence whose flags the history leaves as they were keeps emit. */
static bayan_status first_pass(const names_tagger *t, const seq *s,
                               unsigned *flags, float **plain, float **emit)
{
    tagger_token *toks = malloc((s->n + 1) * sizeof *toks);
    int *tags = malloc((s->n + 1) * sizeof *tags);
    size_t *sent = malloc((s->n + 1) * sizeof *sent);
    unsigned *hist = malloc((s->n + 1) * sizeof *hist);
    *emit = malloc((s->n + 1) * T * sizeof **emit);
    *plain = malloc((s->n + 1) * T * sizeof **plain);
    bool ok = toks && tags && sent && hist && *emit && *plain;
    size_t k = 0;
    for (size_t b = 0; ok && b < s->n; k++) {
        size_t e = next_sentence(s, b);
        for (size_t i = b; i < e; i++) {
            toks[i] = (tagger_token){s->forms[i], flags[i]};
            sent[i] = k;
        }
        tagger_emissions_plain(t->model, toks + b, e - b, *plain + b * T);
        tagger_emissions_flagged(t->model, toks + b, e - b, *plain + b * T,
                                 *emit + b * T);
        ok = tagger_viterbi(*emit + b * T, tagger_transitions(t->model),
                            e - b, tags + b) == 0;
        b = e;
    }
    ok = ok && tagger_history(toks, tags, sent, s->n, hist) == 0;
    for (size_t i = 0; ok && i < s->n; i++)
        flags[i] |= hist[i];
    free(toks);
    free(tags);
    free(sent);
    free(hist);
    return ok ? BAYAN_OK : BAYAN_ERR_NOMEM;
}

/* True when no token of [b, e) has a history bit. */
static bool no_history(const unsigned *flags, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++)
        if (flags[i] & TAGGER_F_HIST)
            return false;
    return true;
}

bayan_status name_tags_find(const names_tagger *t, const text_analysis *a,
                            name_tags *out)
{
    *out = (name_tags){0};
    out->tag = calloc(a->token_count ? a->token_count : 1, 1);
    if (!out->tag)
        return BAYAN_ERR_NOMEM;
    if (!t || a->token_count == 0)
        return BAYAN_OK;
    seq s = {0};
    scratch w = {0};
    unsigned *flags = NULL;
    bayan_status st = seq_build(&s, a);
    if (st == BAYAN_OK && (!scratch_new(&w, longest(&s) + 1) ||
                           !(flags = malloc((s.n + 1) * sizeof *flags))))
        st = BAYAN_ERR_NOMEM;
    for (size_t b = 0; st == BAYAN_OK && b < s.n;) {
        size_t e = next_sentence(&s, b);
        tagger_flags_compute(t->flagger, s.forms + b, e - b, flags + b);
        b = e;
    }
    float *plain1 = NULL, *emit1 = NULL;
    if (st == BAYAN_OK && t->history)
        st = first_pass(t, &s, flags, &plain1, &emit1);
    for (size_t b = 0; st == BAYAN_OK && b < s.n;) {
        size_t e = next_sentence(&s, b);
        known_scores known = {0};
        if (emit1)
            known = (known_scores){plain1 + b * T, emit1 + b * T,
                                   no_history(flags, b, e)};
        st = tag_sentence(t, &s, b, e - b, flags + b, emit1 ? &known : NULL,
                          &w, out);
        b = e;
    }
    free(plain1);
    free(emit1);
    free(flags);
    scratch_clear(&w);
    seq_clear(&s);
    if (st != BAYAN_OK)
        name_tags_clear(out);
    return st;
}

void name_tags_clear(name_tags *nt)
{
    free(nt->tag);
    free(nt->spans);
    *nt = (name_tags){0};
}

const name_span *name_tags_person_at(const name_tags *nt, size_t i)
{
    size_t lo = 0, hi = nt->count;
    while (lo < hi) { /* the first span ending after word i */
        size_t mid = lo + (hi - lo) / 2;
        if (nt->spans[mid].t1 <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    const name_span *sp = lo < nt->count ? &nt->spans[lo] : NULL;
    return sp && sp->t0 <= i && sp->type == 1 ? sp : NULL;
}
