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

/* Whether the two bytes at s are an Arabic letter U+0621-U+063A or
 * U+0641-U+064A (Word_Break ALetter, no sentence terminator). */
static bool arabic_letter(const unsigned char *s)
{
    unsigned cp = (unsigned)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
    return (s[0] == 0xd8 || s[0] == 0xd9) && (s[1] & 0xc0) == 0x80 &&
           ((cp >= 0x621 && cp <= 0x63a) || (cp >= 0x641 && cp <= 0x64a));
}

/* Whether the matching form is Arabic words and single spaces only, with
 * no space at either end: what most lexicon forms are. */
static bool plain_words(const text_analysis *a)
{
    const unsigned char *m = (const unsigned char *)a->match;
    size_t n = a->match_len;
    if (n == 0 || m[0] == ' ' || m[n - 1] == ' ')
        return false;
    for (size_t i = 0; i < n;) {
        if (m[i] == ' ' && m[i + 1] != ' ')
            i++;
        else if (i + 1 < n && arabic_letter(m + i))
            i += 2;
        else
            return false;
    }
    return true;
}

/* The segmentation ICU gives plain words (UAX #29: letters join, a space
 * is a segment of its own, no sentence break): each run of letters a
 * word, the whole text one sentence. Thousands of lexicon forms are
 * segmented at start-up, and this saves the break iterators' work. */
static bayan_status split_plain_words(const text_analysis *a,
                                      span_list *words, span_list *sentences)
{
    for (size_t b = 0, e; b < a->match_len; b = e + 1) {
        for (e = b; e < a->match_len && a->match[e] != ' ';)
            e++;
        if (!push_span(words, a, b, e))
            return BAYAN_ERR_NOMEM;
    }
    return push_span(sentences, a, 0, a->match_len) ? BAYAN_OK
                                                    : BAYAN_ERR_NOMEM;
}

bayan_status text_segment_with(text_segmenter *s, text_analysis *a)
{
    if (a->match_len > INT32_MAX)
        return BAYAN_ERR_ARGUMENT; /* ICU break iterators index in int32 */
    span_list words = {NULL, 0, 0}, sentences = {NULL, 0, 0};
    bayan_status st;
    if (plain_words(a)) {
        st = split_plain_words(a, &words, &sentences);
    } else {
        st = run_breaks(a, s->word, true, &words);
        if (st == BAYAN_OK)
            st = run_breaks(a, s->sentence, false, &sentences);
    }
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
 * back (and لل is also tried as ل + a noun beginning with ل). Grouped by
 * first letter, so that a token is compared only with the sequences that
 * can begin it; the readings are sorted afterwards, so order within a
 * group does not matter. */
typedef struct clitic {
    const char *prefix;
    size_t len;   /* bytes of prefix, kept so that no look-up measures it */
    bool article; /* the prefix ends in لل: restore ال on the stem */
} clitic;

#define CLITIC(p, article) {p, sizeof p - 1, article}

static const clitic WAW_CLITICS[] = {
    CLITIC(WAW, false),          CLITIC(WAW BAA, false),
    CLITIC(WAW KAF, false),      CLITIC(WAW LAM, false),
    CLITIC(WAW LAM LAM, true),   CLITIC(WAW ALEF_LAM, false),
    CLITIC(WAW BAA ALEF_LAM, false), CLITIC(WAW KAF ALEF_LAM, false),
    CLITIC(WAW LAM LAM, false),
};

static const clitic FAA_CLITICS[] = {
    CLITIC(FAA, false),          CLITIC(FAA BAA, false),
    CLITIC(FAA KAF, false),      CLITIC(FAA LAM, false),
    CLITIC(FAA LAM LAM, true),   CLITIC(FAA ALEF_LAM, false),
    CLITIC(FAA BAA ALEF_LAM, false), CLITIC(FAA KAF ALEF_LAM, false),
    CLITIC(FAA LAM LAM, false),
};

static const clitic BAA_CLITICS[] = {
    CLITIC(BAA, false),
    CLITIC(BAA ALEF_LAM, false),
};

static const clitic KAF_CLITICS[] = {
    CLITIC(KAF, false),
    CLITIC(KAF ALEF_LAM, false),
};

static const clitic LAM_CLITICS[] = {
    CLITIC(LAM, false),
    CLITIC(LAM LAM, true),
    CLITIC(LAM LAM, false),
};

static const clitic ALEF_CLITICS[] = {
    CLITIC(ALEF_LAM, false),
};

#define COUNT(a) (sizeof a / sizeof *a)

/* The proclitic sequences that can begin token (*n of them): those of its
 * first letter. Every one begins with و ف ب ك ل or ا; most tokens begin
 * otherwise and have the one unsplit reading. */
static const clitic *clitics_for(const char *token, size_t len, size_t *n)
{
    *n = 0;
    if (len < 2)
        return NULL;
    unsigned char a = (unsigned char)token[0], b = (unsigned char)token[1];
    const clitic *group = NULL;
    if (a == 0xd9 && b == 0x88)
        group = WAW_CLITICS, *n = COUNT(WAW_CLITICS);
    else if (a == 0xd9 && b == 0x81)
        group = FAA_CLITICS, *n = COUNT(FAA_CLITICS);
    else if (a == 0xd8 && b == 0xa8)
        group = BAA_CLITICS, *n = COUNT(BAA_CLITICS);
    else if (a == 0xd9 && b == 0x83)
        group = KAF_CLITICS, *n = COUNT(KAF_CLITICS);
    else if (a == 0xd9 && b == 0x84)
        group = LAM_CLITICS, *n = COUNT(LAM_CLITICS);
    else if (a == 0xd8 && b == 0xa7)
        group = ALEF_CLITICS, *n = COUNT(ALEF_CLITICS);
    return group;
}

/* A stem shorter than two letters is never a name. */
#define MIN_STEM_CPS 2

/* Whether s (n bytes of UTF-8) holds at least MIN_STEM_CPS code points:
 * counts lead bytes and stops there, as the matcher asks it of every
 * reading of every token. */
static bool long_enough_stem(const char *s, size_t n)
{
    size_t cps = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80 && ++cps >= MIN_STEM_CPS)
            return true;
    return false;
}

/* Whether token (len bytes) begins with clitic c and keeps more after it.
 * Compared byte by byte, not with memcmp: prefixes are 2 to 8 bytes and
 * most differ from the token in their first two. */
static bool has_clitic(const char *token, size_t len, const clitic *c)
{
    if (c->len >= len)
        return false;
    for (size_t i = 0; i < c->len; i++)
        if (token[i] != c->prefix[i])
            return false;
    return true;
}

/* Longest stem first; the shorter prefix (the unsplit token first) on
 * ties. */
static bool split_before(const text_split *a, const text_split *b)
{
    if (a->stem_len != b->stem_len)
        return a->stem_len > b->stem_len;
    return a->prefix_len < b->prefix_len;
}

/* Insertion sort: at most 27 readings, and no two compare equal, so the
 * order is the one a full sort gives. */
static void sort_splits(text_split *s, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        text_split x = s[i];
        size_t j = i;
        while (j > 0 && split_before(&x, &s[j - 1])) {
            s[j] = s[j - 1];
            j--;
        }
        s[j] = x;
    }
}

size_t text_clitic_splits(const char *token, size_t len, text_split *out,
                          size_t max)
{
    text_split all[COUNT(WAW_CLITICS) + 1];
    size_t n = 0, candidates;
    all[n++] = (text_split){0, false, len};
    const clitic *group = clitics_for(token, len, &candidates);
    for (size_t i = 0; i < candidates; i++) {
        const clitic *c = &group[i];
        if (!has_clitic(token, len, c) ||
            !long_enough_stem(token + c->len, len - c->len))
            continue;
        size_t extra = c->article ? strlen(ALEF_LAM) : 0;
        all[n++] = (text_split){c->len, c->article, len - c->len + extra};
    }
    sort_splits(all + 1, n - 1);
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
