/* A trained sequence tagger for names: the tags and the features of a
 * token (see tagger.h). The model file and decoding are in
 * tagger_model.c. Standard C only. */
#include "extract/tagger.h"

#include <errno.h>
#include <float.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T TAGGER_TAG_COUNT

static const char *const tag_names[T] = {
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC",
    "B-ORG", "I-ORG", "B-MISC", "I-MISC",
};

const char *tagger_tag_name(int tag)
{
    return tag >= 0 && tag < T ? tag_names[tag] : NULL;
}

int tagger_tag_from_name(const char *name)
{
    for (int t = 0; t < T; t++)
        if (strcmp(name, tag_names[t]) == 0)
            return t;
    return -1;
}

int tagger_tag_type(int tag)
{
    return tag <= 0 || tag >= T ? 0 : (tag + 1) / 2;
}

int tagger_tag_begins(int tag)
{
    return tag > 0 && tag < T && tag % 2 == 1;
}

/* ---- features ------------------------------------------------------------ */

/* FNV-1a over a feature's kind then its bytes, then a finaliser so that the
 * keys spread over 64 bits. */
static uint64_t h_begin(unsigned kind)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    h ^= (uint64_t)(kind & 0xff);
    h *= 0x100000001b3ULL;
    h ^= (uint64_t)((kind >> 8) & 0xff);
    h *= 0x100000001b3ULL;
    return h;
}

static uint64_t h_add(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint64_t h_sep(uint64_t h)
{
    h ^= 0x1f;
    return h * 0x100000001b3ULL;
}

static uint64_t h_end(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

/* Feature kinds (stable: changing them changes every key). */
enum {
    K_BIAS = 1, K_W, K_BIGRAM, K_PREFIX, K_SUFFIX, K_STEM, K_CLITIC,
    K_NSTEM, K_NSUFFIX, K_SHAPE, K_LEN, K_FLAGSET, K_FLAGBIT,
    K_SKIP, K_LEMMA, K_BIGRAM2, K_CHARGRAM,
};

/* Bytes of the first k code points of s (n bytes); k counts what exists. */
static size_t cp_prefix(const char *s, size_t n, size_t k, size_t *got)
{
    size_t i = 0, c = 0;
    while (i < n && c < k) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        c++;
    }
    *got = c;
    return i;
}

/* Byte offset where the last k code points of s begin. */
static size_t cp_suffix(const char *s, size_t n, size_t k, size_t *got)
{
    size_t i = n, c = 0;
    while (i > 0 && c < k) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        c++;
    }
    *got = c;
    return i;
}

static size_t cp_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* A proclitic string and its length in bytes. */
typedef struct clitic {
    const char *s;
    size_t n;
} clitic;
#define CLITIC(lit) {lit, sizeof lit - 1}

/* Proclitic strings: conjunction (و ف), then preposition (ب ك ل), then the
 * article (ال; ل + ال is written لل). Longest first. */
static const clitic clitics[] = {
    CLITIC("\xd9\x88\xd8\xa8\xd8\xa7\xd9\x84"), /* وبال */
    CLITIC("\xd9\x88\xd9\x83\xd8\xa7\xd9\x84"), /* وكال */
    CLITIC("\xd9\x81\xd8\xa8\xd8\xa7\xd9\x84"), /* فبال */
    CLITIC("\xd9\x81\xd9\x83\xd8\xa7\xd9\x84"), /* فكال */
    CLITIC("\xd9\x88\xd8\xa7\xd9\x84"), /* وال */
    CLITIC("\xd9\x81\xd8\xa7\xd9\x84"), /* فال */
    CLITIC("\xd8\xa8\xd8\xa7\xd9\x84"), /* بال */
    CLITIC("\xd9\x83\xd8\xa7\xd9\x84"), /* كال */
    CLITIC("\xd9\x88\xd9\x84\xd9\x84"), /* ولل */
    CLITIC("\xd9\x81\xd9\x84\xd9\x84"), /* فلل */
    CLITIC("\xd8\xa7\xd9\x84"),         /* ال */
    CLITIC("\xd9\x84\xd9\x84"),         /* لل */
    CLITIC("\xd9\x88\xd8\xa8"),         /* وب */
    CLITIC("\xd9\x88\xd9\x83"),         /* وك */
    CLITIC("\xd9\x88\xd9\x84"),         /* ول */
    CLITIC("\xd9\x81\xd8\xa8"),         /* فب */
    CLITIC("\xd9\x81\xd9\x83"),         /* فك */
    CLITIC("\xd9\x81\xd9\x84"),         /* فل */
    CLITIC("\xd9\x88"),                 /* و */
    CLITIC("\xd9\x81"),                 /* ف */
    CLITIC("\xd8\xa8"),                 /* ب */
    CLITIC("\xd9\x83"),                 /* ك */
    CLITIC("\xd9\x84"),                 /* ل */
};
#define N_CLITICS (sizeof clitics / sizeof clitics[0])

/* The proclitic readings of a form: the clitics[] it may start with that
 * leave at least two code points, longest first, at most 6 (what every
 * feature that reads them uses). Found once per form, not once per
 * feature. */
typedef struct readings {
    size_t count;
    unsigned char clitic[6];
} readings;

/* Whether s (n bytes) holds at least two code points: cp_count(s, n) >= 2
 * without counting them all. */
static bool has_two_cps(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && ++c == 2)
            return true;
    return false;
}

static void read_clitics(const char *s, size_t n, readings *r)
{
    r->count = 0;
    /* every proclitic string starts with 0xD8 or 0xD9 */
    if (n < 2 || ((unsigned char)s[0] & 0xFE) != 0xD8)
        return;
    /* the first letter rules out most clitics before any memcmp: this
     * runs three times a token */
    for (size_t c = 0; c < N_CLITICS && r->count < 6; c++) {
        size_t k = clitics[c].n;
        if (k < n && clitics[c].s[1] == s[1] && clitics[c].s[0] == s[0] &&
            memcmp(s, clitics[c].s, k) == 0 && has_two_cps(s + k, n - k))
            r->clitic[r->count++] = (unsigned char)c;
    }
}

/* The stem after the longest proclitic string that leaves at least two
 * code points; the whole form when none does. */
static const char *stem_of(const char *s, size_t n, const readings *r,
                           size_t *stem_len)
{
    size_t k = r->count ? clitics[r->clitic[0]].n : 0;
    *stem_len = n - k;
    return s + k;
}

static const char *longest_stem(const char *s, size_t n, size_t *stem_len)
{
    readings r;
    read_clitics(s, n, &r);
    return stem_of(s, n, &r, stem_len);
}

/* Shape: one letter a run of code points of one class (a Arabic letter,
 * L Latin, d digit, p punctuation, o other), at most 4 runs, + when more. */
static size_t shape_of(const char *s, size_t n, char *buf)
{
    size_t len = 0;
    char last = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        unsigned cp;
        size_t k;
        if (b < 0x80) {
            cp = b;
            k = 1;
        } else if ((b & 0xE0) == 0xC0 && i + 1 < n) {
            cp = ((b & 0x1Fu) << 6) | ((unsigned char)s[i + 1] & 0x3Fu);
            k = 2;
        } else if ((b & 0xF0) == 0xE0 && i + 2 < n) {
            cp = ((b & 0x0Fu) << 12) |
                 (((unsigned char)s[i + 1] & 0x3Fu) << 6) |
                 ((unsigned char)s[i + 2] & 0x3Fu);
            k = 3;
        } else {
            cp = 0xFFFF;
            k = 1;
            while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
                k++;
        }
        char c;
        if ((cp >= '0' && cp <= '9') || (cp >= 0x660 && cp <= 0x669) ||
            (cp >= 0x6F0 && cp <= 0x6F9))
            c = 'd';
        else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                 (cp >= 0xC0 && cp <= 0x24F))
            c = 'L';
        else if (cp >= 0x621 && cp <= 0x64A)
            c = 'a';
        else if ((cp < 0x80 && cp > ' ') || cp == 0x60C || cp == 0x61B ||
                 cp == 0x61F || (cp >= 0x2010 && cp <= 0x205E) ||
                 cp == 0xAB || cp == 0xBB)
            c = 'p';
        else
            c = 'o';
        if (c != last) {
            if (len == 4) {
                buf[len++] = '+';
                break;
            }
            buf[len++] = c;
            last = c;
        }
        i += k;
    }
    return len;
}

static const char bos[] = "<s>", eos[] = "</s>";

static const char *form_at(const tagger_token *toks, size_t n, long j)
{
    if (j < 0)
        return bos;
    if ((size_t)j >= n)
        return eos;
    return toks[j].form ? toks[j].form : "";
}

static unsigned flags_at(const tagger_token *toks, size_t n, long j)
{
    if (j < 0 || (size_t)j >= n)
        return 1u << 15; /* outside the sentence */
    return toks[j].flags & ((1u << TAGGER_F_BITS) - 1);
}

static uint64_t key_str(unsigned kind, const char *s, size_t n)
{
    return h_end(h_add(h_begin(kind), s, n));
}

/* v in decimal, as "%lu" writes it, into buf (at least 21 bytes); returns
 * the length. Hand-written because the flag keys are made for every token
 * and snprintf cost more than the rest of their hashing. */
static size_t decimal(unsigned long v, char *buf)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    return n;
}

static uint64_t key_num(unsigned kind, unsigned long v)
{
    char buf[24];
    return key_str(kind, buf, decimal(v, buf));
}

/* The keys that depend on the whole form of token i (the form, its
 * proclitic stems, the bigrams holding it): what word dropout removes.
 * w0: its form (n0 bytes), r0: its readings. */
static size_t identity_features(const tagger_token *toks, size_t n, long li,
                                const char *w0, size_t n0,
                                const readings *r0, uint64_t *out)
{
    size_t k = 0;
    out[k++] = key_str(K_W + (2u << 8), w0, n0);
    const char *wm = form_at(toks, n, li - 1), *wp = form_at(toks, n, li + 1);
    uint64_t h = h_add(h_begin(K_BIGRAM), wm, strlen(wm));
    out[k++] = h_end(h_add(h_sep(h), w0, n0));
    h = h_add(h_begin(K_BIGRAM + (1u << 8)), w0, n0);
    out[k++] = h_end(h_add(h_sep(h), wp, strlen(wp)));
    /* proclitic readings: every proclitic string leaving >= 2 letters */
    for (size_t c = 0; c < r0->count; c++) {
        size_t cl = clitics[r0->clitic[c]].n;
        out[k++] = key_str(K_STEM, w0 + cl, n0 - cl);
    }
    /* the lemma: the form and its proclitic stems in one key space, so
     * that وبوش shares the weights of بوش */
    unsigned kind = K_LEMMA + (1u << 8);
    out[k++] = key_str(kind, w0, n0);
    for (size_t c = 0; c < r0->count; c++) {
        size_t cl = clitics[r0->clitic[c]].n;
        out[k++] = key_str(kind, w0 + cl, n0 - cl);
    }
    return k;
}

size_t tagger_features(const tagger_token *toks, size_t n, size_t i,
                       uint64_t *out)
{
    return tagger_features_split(toks, n, i, out, NULL);
}

size_t tagger_features_split(const tagger_token *toks, size_t n, size_t i,
                             uint64_t *out, size_t *identity)
{
    size_t k = tagger_features_plain(toks, n, i, out, identity);
    return k + tagger_features_flagged(toks, n, i, out + k);
}

size_t tagger_features_plain(const tagger_token *toks, size_t n, size_t i,
                             uint64_t *out, size_t *identity)
{
    long li = (long)i;
    const char *w0 = form_at(toks, n, li);
    size_t n0 = strlen(w0);
    readings r0;
    read_clitics(w0, n0, &r0);
    size_t k = identity_features(toks, n, li, w0, n0, &r0, out);
    if (identity)
        *identity = k;

    out[k++] = h_end(h_begin(K_BIAS));
    /* the neighbours' forms in a window of +-2 */
    for (long o = -2; o <= 2; o++) {
        if (o == 0)
            continue;
        const char *w = form_at(toks, n, li + o);
        out[k++] = key_str(K_W + ((unsigned)(o + 2) << 8), w, strlen(w));
    }
    {
        const char *wm = form_at(toks, n, li - 1), *wp = form_at(toks, n, li + 1);
        uint64_t h = h_add(h_begin(K_SKIP), wm, strlen(wm));
        out[k++] = h_end(h_add(h_sep(h), wp, strlen(wp)));
    }
    /* prefixes and suffixes of 1-3 code points */
    for (size_t c = 1; c <= 4; c++) {
        size_t got;
        size_t b = cp_prefix(w0, n0, c, &got);
        if (got == c && b < n0)
            out[k++] = key_str(K_PREFIX, w0, b);
        size_t s = cp_suffix(w0, n0, c, &got);
        if (got == c && s > 0)
            out[k++] = key_str(K_SUFFIX, w0 + s, n0 - s);
    }
    /* letter trigrams of the longest stem, at most 8: what a transcribed
     * foreign name or an Arabic one looks like inside */
    {
        size_t sl;
        const char *st = stem_of(w0, n0, &r0, &sl);
        size_t off = 0;
        for (int c = 0; c < 8 && off < sl; c++) {
            size_t got;
            size_t b = cp_prefix(st + off, sl - off, 3, &got);
            if (got < 3)
                break;
            out[k++] = key_str(K_CHARGRAM, st + off, b);
            off += cp_prefix(st + off, sl - off, 1, &got);
        }
    }
    /* the proclitic strings the token may start with */
    for (size_t c = 0; c < r0.count; c++)
        out[k++] = key_str(K_CLITIC, clitics[r0.clitic[c]].s,
                           clitics[r0.clitic[c]].n);
    /* the neighbours (-1, +1): forms and longest stems */
    const char *nw[2], *nst[2];
    size_t nn[2], nsl[2];
    for (int j = 0; j < 2; j++) {
        nw[j] = form_at(toks, n, li + (j ? 1 : -1));
        nn[j] = strlen(nw[j]);
        nst[j] = longest_stem(nw[j], nn[j], &nsl[j]);
    }
    /* the neighbours' lemmas: the form and its longest stem */
    for (int j = 0; j < 2; j++) {
        unsigned kind = K_LEMMA + ((unsigned)(2 * j) << 8);
        out[k++] = key_str(kind, nw[j], nn[j]);
        if (nst[j] != nw[j])
            out[k++] = key_str(kind, nst[j], nsl[j]);
    }
    /* bigrams further out */
    {
        const char *a = form_at(toks, n, li - 2), *b = form_at(toks, n, li - 1);
        uint64_t h = h_add(h_begin(K_BIGRAM2), a, strlen(a));
        out[k++] = h_end(h_add(h_sep(h), b, strlen(b)));
        a = form_at(toks, n, li + 1);
        b = form_at(toks, n, li + 2);
        h = h_add(h_begin(K_BIGRAM2 + (1u << 8)), a, strlen(a));
        out[k++] = h_end(h_add(h_sep(h), b, strlen(b)));
    }
    /* neighbours' stems and 2-letter suffixes */
    for (int j = 0; j < 2; j++) {
        size_t got;
        out[k++] = key_str(K_NSTEM + ((unsigned)(2 * j) << 8), nst[j],
                           nsl[j]);
        size_t s = cp_suffix(nw[j], nn[j], 2, &got);
        out[k++] = key_str(K_NSUFFIX + ((unsigned)(2 * j) << 8), nw[j] + s,
                           nn[j] - s);
    }
    /* shapes and length */
    for (long o = -1; o <= 1; o++) {
        const char *w = form_at(toks, n, li + o);
        char buf[8];
        size_t sl = shape_of(w, strlen(w), buf);
        out[k++] = key_str(K_SHAPE + ((unsigned)(o + 1) << 8), buf, sl);
    }
    {
        size_t c = cp_count(w0, n0);
        out[k++] = key_num(K_LEN, c > 8 ? 8 : c);
    }
    return k;
}

size_t tagger_features_flagged(const tagger_token *toks, size_t n, size_t i,
                               uint64_t *out)
{
    size_t k = 0;
    long li = (long)i;
    /* flags: the whole set at each position of the window, each bit at
     * positions -2 to +2 */
    for (long o = -2; o <= 2; o++)
        out[k++] = key_num(K_FLAGSET + ((unsigned)(o + 2) << 8),
                           flags_at(toks, n, li + o));
    for (long o = -2; o <= 2; o++) {
        unsigned f = flags_at(toks, n, li + o);
        for (unsigned b = 0; b < TAGGER_F_BITS; b++)
            if (f & (1u << b))
                out[k++] = key_num(K_FLAGBIT + ((unsigned)(o + 2) << 8), b);
    }
    /* the previous and next forms with this token's flags */
    {
        const char *wm = form_at(toks, n, li - 1);
        char buf[24];
        size_t bl = decimal(flags_at(toks, n, li), buf);
        uint64_t h = h_add(h_begin(K_FLAGSET + (9u << 8)), wm, strlen(wm));
        out[k++] = h_end(h_add(h_sep(h), buf, bl));
    }
    return k;
}

/* ---- the document's history ------------------------------------------- */

/* The key of a word for the history: its longest stem; 0 when shorter
 * than three letters. */
static uint64_t history_key(const char *w)
{
    size_t n = strlen(w), sl;
    const char *st = longest_stem(w, n, &sl);
    return cp_count(st, sl) >= 3 ? key_str(K_LEMMA, st, sl) | 1 : 0;
}

static unsigned history_bit(int tag)
{
    static const unsigned bits[] = {0, TAGGER_F_HIST_PERS, TAGGER_F_HIST_LOC,
                                    TAGGER_F_HIST_ORG, 0};
    return bits[tagger_tag_type(tag)];
}

/* Token indices ordered by key, then by position. */
typedef struct keyed_pos {
    uint64_t key;
    size_t pos;
} keyed_pos;

static int cmp_keyed_pos(const void *a, const void *b)
{
    const keyed_pos *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The history bits of the occurrences g[0..n) of one word (in document
 * order): each reads the tags of the others in another sentence at most
 * TAGGER_HISTORY_WINDOW away. */
static void history_of_word(const keyed_pos *g, size_t n, const int *tags,
                            const size_t *sent, unsigned *hist)
{
    size_t lo = 0;
    for (size_t a = 0; a < n; a++) {
        size_t si = sent[g[a].pos];
        while (sent[g[lo].pos] + TAGGER_HISTORY_WINDOW < si)
            lo++;
        for (size_t b = lo;
             b < n && sent[g[b].pos] <= si + TAGGER_HISTORY_WINDOW; b++)
            if (sent[g[b].pos] != si)
                hist[g[a].pos] |= history_bit(tags[g[b].pos]);
    }
}

int tagger_history(const tagger_token *toks, const int *tags,
                   const size_t *sent, size_t n, unsigned *hist)
{
    for (size_t i = 0; i < n; i++)
        hist[i] = 0;
    keyed_pos *kp = malloc((n ? n : 1) * sizeof *kp);
    if (!kp)
        return -1;
    /* Grouping the occurrences of each word costs a sort; comparing every
     * token with every token of the 41 sentences around it cost more. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t key = history_key(toks[i].form ? toks[i].form : "");
        if (key)
            kp[m++] = (keyed_pos){key, i};
    }
    qsort(kp, m, sizeof *kp, cmp_keyed_pos);
    for (size_t b = 0; b < m;) {
        size_t e = b + 1;
        while (e < m && kp[e].key == kp[b].key)
            e++;
        history_of_word(kp + b, e - b, tags, sent, hist);
        b = e;
    }
    free(kp);
    return 0;
}
