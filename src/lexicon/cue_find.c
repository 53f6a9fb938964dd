/* Finding the cues of a set in an article's tokens: by their listed forms,
 * and, for the roles where it is safe, by a hunspell stem of an inflected
 * word (see cues.h). */
#include "lexicon/cues_impl.h"

#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/utf8.h"

/* ---- finding cues --------------------------------------------------------
 */

typedef struct token_text {
    const char *s;
    size_t n;
} token_text;

static token_text token_at(const text_analysis *a, size_t i)
{
    const text_span *t = &a->tokens[i];
    return (token_text){a->match + t->match_begin,
                        t->match_end - t->match_begin};
}

/* The first form whose first word is stem, or set->form_count. */
static size_t first_with(const cue_set *set, const char *stem, size_t n)
{
    size_t lo = 0, hi = set->form_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const cue_form *f = &set->forms[mid];
        size_t k = f->first_len < n ? f->first_len : n;
        int c = memcmp(f->folded, stem, k);
        if (c == 0)
            c = f->first_len < n ? -1 : f->first_len > n;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* True when the words of f after the first equal the tokens after i. */
static bool rest_matches(const text_analysis *a, size_t i, const cue_form *f)
{
    const char *p = f->folded + f->first_len;
    for (size_t w = 1; w < f->words; w++) {
        if (i + w >= a->token_count)
            return false;
        p++; /* the space */
        size_t k = strcspn(p, " ");
        token_text t = token_at(a, i + w);
        if (t.n != k || memcmp(t.s, p, k) != 0)
            return false;
        p += k;
    }
    return true;
}

typedef struct hit_list {
    cue_hit *items;
    size_t count, capacity;
} hit_list;

static bool push_hit(hit_list *l, cue_hit h)
{
    for (size_t i = l->count; i-- > 0 && l->items[i].tok == h.tok;)
        if (l->items[i].cue == h.cue)
            return true; /* the same cue through another reading */
    if (!array_grow((void **)&l->items, l->count, &l->capacity,
                    sizeof *l->items))
        return false;
    l->items[l->count++] = h;
    return true;
}

/* The longest form length (in tokens) starting at token i, 0 if none;
 * with add, pushes every cue of that length. */
static size_t match_at(const cue_set *set, const text_analysis *a, size_t i,
                       size_t want, hit_list *add, bool *ok)
{
    token_text t = token_at(a, i);
    text_split splits[8];
    size_t ns = text_clitic_splits(t.s, t.n, splits, 8);
    if (ns > 8)
        ns = 8;
    size_t best = 0;
    char stem[256];
    for (size_t s = 0; s < ns; s++) {
        size_t n = text_split_stem(t.s, &splits[s], stem, sizeof stem);
        if (n == 0)
            continue;
        for (size_t f = first_with(set, stem, n); f < set->form_count; f++) {
            const cue_form *cf = &set->forms[f];
            if (cf->first_len != n || memcmp(cf->folded, stem, n) != 0)
                break;
            if (!rest_matches(a, i, cf))
                continue;
            if (cf->words > best)
                best = cf->words;
            if (add && cf->words == want &&
                !push_hit(add, (cue_hit){i, want, &set->cues[cf->cue]}))
                *ok = false;
        }
    }
    return best;
}

/* True when a key of the set begins at s[0..n). */
static bool key_at(const cue_set *set, const char *s, size_t n)
{
    size_t lo = 0, hi = set->key_count;
    /* the keys with s's first letter (keys are sorted by bytes) */
    size_t first = n ? (((unsigned char)s[0] & 0xe0) == 0xc0 ? 2 : 1) : 0;
    if (first == 0 || first > n)
        return false;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (memcmp(set->keys[mid].s, s, first) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < set->key_count; k++) {
        const stem_key *key = &set->keys[k];
        if (memcmp(key->s, s, first) != 0)
            break;
        if (key->n <= n && memcmp(key->s, s, key->n) == 0)
            return true;
    }
    return false;
}

/* True when token i may be an inflection of a stem form: after one of its
 * proclitic readings, a key begins at its first or second letter. */
static bool stem_candidate(const cue_set *set, const text_analysis *a,
                           size_t i)
{
    token_text t = token_at(a, i);
    text_split splits[8];
    size_t ns = text_clitic_splits(t.s, t.n, splits, 8);
    if (ns > 8)
        ns = 8;
    char stem[256];
    for (size_t s = 0; s < ns; s++) {
        size_t n = text_split_stem(t.s, &splits[s], stem, sizeof stem);
        if (n == 0)
            continue;
        if (key_at(set, stem, n))
            return true;
        size_t k = ((unsigned char)stem[0] & 0xe0) == 0xc0 ? 2 : 1;
        if (k < n && key_at(set, stem + k, n - k))
            return true;
    }
    return false;
}

/* ---- inflections that keep a cue's meaning ----
 * Hunspell says which entry a word is a form of, not which form: a plural
 * (اجتماعات: meetings in general), a dual (اجتماعين, a cue of its own), a
 * nisba adjective (الاجتماعي "social", which hunspell-ar also stems to
 * اجتماع) say something else. A word is taken for its stem form only when
 * what follows the stem (after the proclitics) is a person ending of a
 * past verb and/or an attached pronoun, or the accusative alef. */

static bool is_one_of(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, s, n) == 0)
            return true;
    return false;
}

/* Person endings of the past tense (and the accusative alef). */
static const char *const ENDINGS[] = {
    "", "\xd8\xaa\xd9\x85\xd8\xa7" /* تما */, "\xd8\xaa\xd9\x85" /* تم */,
    "\xd8\xaa\xd9\x86" /* تن */, "\xd9\x88\xd8\xa7" /* وا */,
    "\xd9\x86\xd8\xa7" /* نا */, "\xd8\xaa" /* ت */, "\xd9\x88" /* و */,
    "\xd8\xa7" /* ا */, "\xd9\x86" /* ن */, NULL};

/* Attached pronouns (folded: ه is also a teh marbuta, never here). */
static const char *const PRONOUNS[] = {
    "", "\xd9\x87\xd9\x85\xd8\xa7" /* هما */, "\xd9\x87\xd9\x85" /* هم */,
    "\xd9\x87\xd9\x86" /* هن */, "\xd9\x87\xd8\xa7" /* ها */, "\xd9\x87" /* ه */,
    "\xd9\x83\xd9\x85\xd8\xa7" /* كما */, "\xd9\x83\xd9\x85" /* كم */,
    "\xd9\x83\xd9\x86" /* كن */, "\xd9\x83" /* ك */, "\xd9\x86\xd9\x8a" /* ني */,
    "\xd9\x86\xd8\xa7" /* نا */, NULL};

/* True when r is an ending, a pronoun, or an ending then a pronoun. */
static bool ending_ok(const char *r, size_t n)
{
    for (const char *const *e = ENDINGS; *e; e++) {
        size_t k = strlen(*e);
        if (k <= n && memcmp(r, *e, k) == 0 &&
            is_one_of(r + k, n - k, PRONOUNS))
            return true;
    }
    return false;
}

/* Seats of a stem's last letter before a suffix: teh marbuta (folded ه)
 * becomes ت; hamza sits on yeh or waw (folded) or stays; alef maqsura
 * (folded ي) becomes ي, و, ا or goes (التقيا, التقوا, التقاه, التقت). */
static const char *const SEATS_TEH[] = {"\xd8\xaa", NULL};
static const char *const SEATS_HAMZA[] = {HAMZA, YEH, "\xd9\x88", NULL};
static const char *const SEATS_YEH[] = {"", YEH, "\xd9\x88", ALEF, NULL};

/* True when x (a word after its proclitics, folded) is form (folded) with
 * an ending_ok suffix, the form's last letter perhaps on another seat. */
static bool inflection_of(const char *x, size_t xn, const char *form)
{
    size_t fn = strlen(form);
    if (xn == fn && memcmp(x, form, fn) == 0)
        return false; /* the form itself, not an inflection */
    if (xn > fn && memcmp(x, form, fn) == 0 && ending_ok(x + fn, xn - fn))
        return true;
    if (fn < 4)
        return false;
    const char *last = form + fn - 2;
    const char *const *seats = memcmp(last, HEH, 2) == 0     ? SEATS_TEH
                               : memcmp(last, HAMZA, 2) == 0 ? SEATS_HAMZA
                               : memcmp(last, YEH, 2) == 0   ? SEATS_YEH
                                                             : NULL;
    if (!seats || xn < fn - 2 || memcmp(x, form, fn - 2) != 0)
        return false;
    for (; *seats; seats++) {
        size_t k = strlen(*seats);
        const char *r = x + fn - 2;
        size_t rn = xn - (fn - 2);
        if (k <= rn && memcmp(r, *seats, k) == 0 && ending_ok(r + k, rn - k))
            return true;
    }
    return false;
}

/* True when one of token t's proclitic readings is an inflection of
 * form. */
static bool token_inflects(token_text t, const char *form)
{
    text_split splits[8];
    size_t ns = text_clitic_splits(t.s, t.n, splits, 8);
    if (ns > 8)
        ns = 8;
    char stem[256];
    for (size_t s = 0; s < ns; s++) {
        size_t n = text_split_stem(t.s, &splits[s], stem, sizeof stem);
        if (n && inflection_of(stem, n, form))
            return true;
    }
    return false;
}

/* What the analyses of one word of an article found: the stem forms
 * (indices in set->stems of the first of each run) its stems are. The
 * cache lives for one cue_find: an article repeats its words. */
#define STEMS_PER_WORD 4
typedef struct stem_memo {
    const char *s; /* the token in the matching form (borrowed) */
    size_t n;
    size_t forms[STEMS_PER_WORD];
    size_t count;
} stem_memo;

typedef struct stem_cache {
    stem_memo *items;
    size_t count, capacity;
} stem_cache;

/* The first stem form spelt stem, or set->stem_count. */
static size_t stem_form_of(const cue_set *set, const char *stem)
{
    size_t lo = 0, hi = set->stem_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(set->stems[mid].raw, stem) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < set->stem_count && strcmp(set->stems[lo].raw, stem) == 0
               ? lo
               : set->stem_count;
}

/* Adds to m the stem forms of word's analyses that token t inflects. An
 * imperfect verb is no inflection of the past-tense form it stems from:
 * يجتمع, سيجتمع are not اجتمع (they may be planned). */
static bayan_status add_analyses(const cue_set *set, const char *word,
                                 token_text t, stem_memo *m)
{
    morph_analysis *list;
    size_t count;
    bayan_status st = morph_analyze(set->morph, word, &list, &count);
    if (st != BAYAN_OK)
        return st;
    for (size_t k = 0; k < count; k++) {
        if (list[k].imperfect)
            continue;
        size_t f = stem_form_of(set, list[k].stem);
        bool seen = f == set->stem_count || /* no stem form: skipped */
                    !token_inflects(t, set->stems[f].folded);
        for (size_t j = 0; j < m->count && !seen; j++)
            seen = m->forms[j] == f;
        if (!seen && m->count < STEMS_PER_WORD)
            m->forms[m->count++] = f;
    }
    morph_analyses_free(list, count);
    return BAYAN_OK;
}

/* Token i in its original spelling, for the dictionary, which needs hamza
 * and teh marbuta: the matching form with each letter the folding changed
 * (one original character made it) given back as it was written. What
 * the matching form removed (web debris, marks, ZWJ inside a word) stays
 * out. Writes at most cap bytes with the NUL; 0 when it does not fit. */
static size_t original_spelling(const text_doc *doc, const text_analysis *a,
                                size_t i, char *buf, size_t cap)
{
    const text_span *t = &a->tokens[i];
    size_t n = 0;
    for (size_t b = t->match_begin; b < t->match_end;) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)a->match + b,
                               t->match_end - b, &cp);
        if (k == 0)
            return 0;
        char ch[4];
        size_t chn = k;
        memcpy(ch, a->match + b, k);
        if (a->orig_end[b] == a->orig[b] + 1) {
            size_t ob = text_byte_offset(doc, a->orig[b]);
            uint32_t oc;
            size_t ok = utf8_decode((const unsigned char *)doc->text + ob,
                                    doc->length - ob, &oc);
            if (ok && oc != cp && oc >= 0x0621 && oc <= 0x06ff) {
                memcpy(ch, doc->text + ob, ok);
                chn = ok;
            }
        }
        if (n + chn + 1 > cap)
            return 0;
        memcpy(buf + n, ch, chn);
        n += chn;
        b += k;
    }
    buf[n] = '\0';
    return n;
}

/* Analyses token i into m: in its original spelling when doc is given
 * (the dictionary needs its hamza), then, if that finds nothing, in the
 * matching form, which undoes a hamza written where none belongs
 * (إجتماع for اجتماع: the dictionary rejects it). */
static bayan_status analyze_token(const cue_set *set, const text_doc *doc,
                                  const text_analysis *a, size_t i,
                                  stem_memo *m)
{
    token_text folded = token_at(a, i);
    char word[MORPH_MAX_WORD + 1];
    size_t n = doc ? original_spelling(doc, a, i, word, sizeof word) : 0;
    if (n > 0) {
        bayan_status st = add_analyses(set, word, folded, m);
        if (st != BAYAN_OK || m->count > 0 ||
            (n == folded.n && memcmp(word, folded.s, n) == 0))
            return st;
    }
    if (folded.n == 0 || folded.n > MORPH_MAX_WORD)
        return BAYAN_OK;
    memcpy(word, folded.s, folded.n);
    word[folded.n] = '\0';
    return add_analyses(set, word, folded, m);
}

/* The memo of token i, analysed on first sight; NULL when out of memory. */
static const stem_memo *memo_of(const cue_set *set, const text_doc *doc,
                                const text_analysis *a, size_t i,
                                stem_cache *c, bayan_status *st)
{
    token_text t = token_at(a, i);
    for (size_t k = 0; k < c->count; k++)
        if (c->items[k].n == t.n && memcmp(c->items[k].s, t.s, t.n) == 0)
            return &c->items[k];
    if (c->count == c->capacity) {
        size_t cap = c->capacity ? c->capacity * 2 : 32;
        stem_memo *items = realloc(c->items, cap * sizeof *items);
        if (!items) {
            *st = BAYAN_ERR_NOMEM;
            return NULL;
        }
        c->items = items;
        c->capacity = cap;
    }
    stem_memo *m = &c->items[c->count];
    *m = (stem_memo){.s = t.s, .n = t.n};
    *st = analyze_token(set, doc, a, i, m);
    if (*st != BAYAN_OK)
        return NULL;
    c->count++;
    return m;
}

/* Token i as an inflection of stem forms: pushes their cues and returns
 * true when it is one. */
static bool match_stem(const cue_set *set, const text_doc *doc,
                       const text_analysis *a, size_t i, stem_cache *c,
                       hit_list *l, bayan_status *st)
{
    if (!set->morph || !stem_candidate(set, a, i))
        return false;
    const stem_memo *m = memo_of(set, doc, a, i, c, st);
    if (!m)
        return false;
    for (size_t k = 0; k < m->count; k++) {
        const char *raw = set->stems[m->forms[k]].raw;
        for (size_t f = m->forms[k];
             f < set->stem_count && strcmp(set->stems[f].raw, raw) == 0; f++)
            if (!push_hit(l, (cue_hit){i, 1, &set->cues[set->stems[f].cue]})) {
                *st = BAYAN_ERR_NOMEM;
                return false;
            }
    }
    return m->count > 0;
}

bayan_status cue_find(const cue_set *set, const text_doc *doc,
                      const text_analysis *a, cue_hit **out, size_t *count)
{
    hit_list l = {NULL, 0, 0};
    stem_cache cache = {NULL, 0, 0};
    bool ok = true;
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; set && ok && st == BAYAN_OK && i < a->token_count;) {
        size_t n = match_at(set, a, i, 0, NULL, &ok);
        if (n == 0) {
            /* no listed form here: perhaps an inflection of one */
            match_stem(set, doc, a, i, &cache, &l, &st);
            i++;
            continue;
        }
        match_at(set, a, i, n, &l, &ok);
        i += n;
    }
    free(cache.items);
    if (!ok)
        st = BAYAN_ERR_NOMEM;
    if (st != BAYAN_OK) {
        free(l.items);
        return st;
    }
    *out = l.items;
    *count = l.count;
    return BAYAN_OK;
}
