/* Words and sentences of the matching form (ICU break iterators), and the
 * proclitic readings of a word for look-up. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "core/array.h"
#include "core/utf8.h"

typedef struct span_list {
    text_span *items;
    size_t count, cap;
} span_list;

static bool push_span(span_list *l, const text_analysis *a, size_t mb,
                      size_t me)
{
    if (!array_grow((void **)&l->items, l->count, &l->cap,
                    sizeof *l->items))
        return false;
    text_span *s = &l->items[l->count++];
    s->match_begin = mb;
    s->match_end = me;
    text_match_span(a, mb, me, &s->begin, &s->end);
    return true;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\n';
}

/* Break iterators opened once and reused for many texts: opening one
 * costs as much as segmenting a short article, and the lexicon segments
 * every one of its thousands of forms. */
struct text_segmenter {
    UBreakIterator *word;
    UBreakIterator *sentence;
};

bayan_status text_segmenter_new(text_segmenter **out)
{
    *out = NULL;
    text_segmenter *s = calloc(1, sizeof *s);
    if (!s)
        return BAYAN_ERR_NOMEM;
    UErrorCode err = U_ZERO_ERROR;
    s->word = ubrk_open(UBRK_WORD, "ar", NULL, 0, &err);
    if (U_SUCCESS(err))
        s->sentence = ubrk_open(UBRK_SENTENCE, "ar", NULL, 0, &err);
    if (U_FAILURE(err)) {
        text_segmenter_free(s);
        return BAYAN_ERR_INTERNAL;
    }
    *out = s;
    return BAYAN_OK;
}

void text_segmenter_free(text_segmenter *s)
{
    if (!s)
        return;
    if (s->word)
        ubrk_close(s->word);
    if (s->sentence)
        ubrk_close(s->sentence);
    free(s);
}

/* Runs one break iterator over the matching form. Words keep only the
 * segments ICU tags as letters, numbers or ideographs; sentences are
 * trimmed of surrounding blanks and dropped when empty. */
static bayan_status run_breaks(const text_analysis *a, UBreakIterator *bi,
                               bool words, span_list *out)
{
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, a->match, (int64_t)a->match_len, &err);
    if (U_SUCCESS(err))
        ubrk_setUText(bi, ut, &err);
    bayan_status st = U_SUCCESS(err) ? BAYAN_OK : BAYAN_ERR_INTERNAL;
    int32_t start = st == BAYAN_OK ? ubrk_first(bi) : UBRK_DONE;
    for (int32_t end = start == UBRK_DONE ? UBRK_DONE : ubrk_next(bi);
         st == BAYAN_OK && end != UBRK_DONE;
         start = end, end = ubrk_next(bi)) {
        size_t b = (size_t)start, e = (size_t)end;
        if (words) {
            if (ubrk_getRuleStatus(bi) < UBRK_WORD_NONE_LIMIT)
                continue;
        } else {
            while (b < e && is_blank(a->match[b]))
                b++;
            while (e > b && is_blank(a->match[e - 1]))
                e--;
            if (b == e)
                continue;
        }
        if (!push_span(out, a, b, e))
            st = BAYAN_ERR_NOMEM;
    }
    utext_close(ut);
    return st;
}

bayan_status text_segment_with(text_segmenter *s, text_analysis *a)
{
    if (a->match_len > INT32_MAX)
        return BAYAN_ERR_ARGUMENT; /* ICU break iterators index in int32 */
    span_list words = {NULL, 0, 0}, sentences = {NULL, 0, 0};
    bayan_status st = run_breaks(a, s->word, true, &words);
    if (st == BAYAN_OK)
        st = run_breaks(a, s->sentence, false, &sentences);
    if (st != BAYAN_OK) {
        free(words.items);
        free(sentences.items);
        return st;
    }
    free(a->tokens);
    free(a->sentences);
    a->tokens = words.items;
    a->token_count = words.count;
    a->sentences = sentences.items;
    a->sentence_count = sentences.count;
    return BAYAN_OK;
}

bayan_status text_segment(text_analysis *a)
{
    text_segmenter *s;
    bayan_status st = text_segmenter_new(&s);
    if (st == BAYAN_OK)
        st = text_segment_with(s, a);
    text_segmenter_free(s);
    return st;
}

bayan_status text_analyze_with(text_segmenter *s, const text_doc *doc,
                               text_analysis *out)
{
    bayan_status st = text_match_form(doc, out);
    if (st == BAYAN_OK)
        st = s ? text_segment_with(s, out) : text_segment(out);
    if (st != BAYAN_OK)
        text_analysis_clear(out);
    return st;
}

bayan_status text_analyze(const text_doc *doc, text_analysis *out)
{
    return text_analyze_with(NULL, doc, out);
}

/* ---- proclitics ----------------------------------------------------------
 */

#define WAW "\xd9\x88"              /* U+0648 و, conjunction "and" */
#define FAA "\xd9\x81"              /* U+0641 ف, conjunction "so" */
#define BAA "\xd8\xa8"              /* U+0628 ب, preposition "with/in" */
#define KAF "\xd9\x83"              /* U+0643 ك, preposition "like" */
#define LAM "\xd9\x84"              /* U+0644 ل, preposition "for/to" */
#define ALEF_LAM "\xd8\xa7\xd9\x84" /* ال, the article */

/* Every proclitic sequence: conjunction, then preposition, then article.
 * ل before ال is written لل (the alef drops), so the stem gets its article
 * back. Ordered so that equal stems keep a stable order. */
typedef struct clitic {
    const char *prefix;
    bool article; /* the prefix ends in لل: restore ال on the stem */
} clitic;

static const clitic CLITICS[] = {
    {WAW, false},
    {FAA, false},
    {BAA, false},
    {KAF, false},
    {LAM, false},
    {WAW BAA, false},
    {WAW KAF, false},
    {WAW LAM, false},
    {FAA BAA, false},
    {FAA KAF, false},
    {FAA LAM, false},
    {LAM LAM, true},
    {WAW LAM LAM, true},
    {FAA LAM LAM, true},
    {ALEF_LAM, false},
    {WAW ALEF_LAM, false},
    {FAA ALEF_LAM, false},
    {BAA ALEF_LAM, false},
    {KAF ALEF_LAM, false},
    {WAW BAA ALEF_LAM, false},
    {WAW KAF ALEF_LAM, false},
    {FAA BAA ALEF_LAM, false},
    {FAA KAF ALEF_LAM, false},
    {LAM LAM, false},
    {WAW LAM LAM, false},
    {FAA LAM LAM, false},
};

/* A stem shorter than two letters is never a name. */
#define MIN_STEM_CPS 2

/* Whether split a comes before b: the longer stem first, and on ties the
 * shorter prefix (the unsplit token first). No two splits tie on both. */
static bool split_before(const text_split *a, const text_split *b)
{
    if (a->stem_len != b->stem_len)
        return a->stem_len > b->stem_len;
    return a->prefix_len < b->prefix_len;
}

/* Whether the len bytes at s hold at least MIN_STEM_CPS code points,
 * without counting them all. */
static bool long_enough(const char *s, size_t len)
{
    size_t cps = 0;
    for (size_t i = 0; i < len && cps < MIN_STEM_CPS; i++)
        cps += ((unsigned char)s[i] & 0xc0) != 0x80;
    return cps >= MIN_STEM_CPS;
}

/* Whether the token can start with a proclitic at all: every one starts
 * with و ف ب ك ل or the alef of ال (D9 88, D9 81, D8 A8, D9 83, D9 84,
 * D8 A7). Most tokens are settled here, before the 26 comparisons. */
static bool may_have_clitic(const char *token, size_t len)
{
    if (len < 2)
        return false;
    unsigned char a = (unsigned char)token[0], b = (unsigned char)token[1];
    if (a == 0xd9)
        return b == 0x88 || b == 0x81 || b == 0x83 || b == 0x84;
    return a == 0xd8 && (b == 0xa8 || b == 0xa7);
}

size_t text_clitic_splits(const char *token, size_t len, text_split *out,
                          size_t max)
{
    text_split all[sizeof CLITICS / sizeof *CLITICS + 1];
    size_t n = 0;
    all[n++] = (text_split){0, false, len};
    for (size_t i = 0; may_have_clitic(token, len) &&
                       i < sizeof CLITICS / sizeof *CLITICS; i++) {
        size_t p = strlen(CLITICS[i].prefix);
        if (p >= len || memcmp(token, CLITICS[i].prefix, p) != 0 ||
            !long_enough(token + p, len - p))
            continue;
        size_t extra = CLITICS[i].article ? strlen(ALEF_LAM) : 0;
        text_split split = {p, CLITICS[i].article, len - p + extra};
        /* insertion sort: a handful of splits at most (qsort's calls were
         * a tenth of a run, through the persons stage's cue look-ups) */
        size_t j = n++;
        while (j > 1 && split_before(&split, &all[j - 1])) {
            all[j] = all[j - 1];
            j--;
        }
        all[j] = split;
    }
    for (size_t i = 0; i < n && i < max; i++)
        out[i] = all[i];
    return n;
}

size_t text_split_stem(const char *token, const text_split *s, char *buf,
                       size_t cap)
{
    if (s->stem_len + 1 > cap)
        return 0;
    size_t w = 0;
    if (s->article) {
        memcpy(buf, ALEF_LAM, strlen(ALEF_LAM));
        w = strlen(ALEF_LAM);
    }
    memcpy(buf + w, token + s->prefix_len, s->stem_len - w);
    buf[s->stem_len] = '\0';
    return s->stem_len;
}

size_t text_span_after(const text_span *spans, size_t count, size_t b)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (spans[mid].match_end <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
