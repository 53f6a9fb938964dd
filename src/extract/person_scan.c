/* The persons stage's reading of tokens: the gaps between them, the
 * classes of words (definite, cue words with or without proclitics,
 * honorifics, mentions) and the reading of a NAME (see persons.c for what
 * a name may be). */
#include "extract/persons.h"

#include <string.h>

#include "core/utf8.h"

const char *pscan_tok(const person_scan *s, size_t i, size_t *n)
{
    const text_span *t = &s->a->tokens[i];
    *n = t->match_end - t->match_begin;
    return s->a->match + t->match_begin;
}

/* The bytes between token i - 1 (or the start) and token i (or the end). */
static const char *gap(const person_scan *s, size_t i, size_t *n)
{
    size_t b = i ? s->a->tokens[i - 1].match_end : 0;
    size_t e =
        i < s->a->token_count ? s->a->tokens[i].match_begin : s->a->match_len;
    *n = e - b;
    return s->a->match + b;
}

static bool is_quote_at(const char *g, size_t n, size_t *len)
{
    static const char *const quotes[] = {
        "\"",       "'",        "\xe2\x80\x9c", "\xe2\x80\x9d",
        "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9e"};
    for (size_t q = 0; q < sizeof quotes / sizeof *quotes; q++) {
        size_t k = strlen(quotes[q]);
        if (k <= n && memcmp(g, quotes[q], k) == 0) {
            *len = k;
            return true;
        }
    }
    return false;
}


/* Spaces only; spaces and one comma; spaces and quotes; anything else. */
gap_kind pscan_gap_kind(const person_scan *s, size_t i)
{
    size_t n, k;
    const char *g = gap(s, i, &n);
    int commas = 0, quotes = 0;
    for (size_t j = 0; j < n; j += 1) {
        if (g[j] == ' ')
            continue;
        if (g[j] == ',')
            commas++;
        else if (is_quote_at(g + j, n - j, &k)) {
            quotes++;
            j += k - 1;
        } else
            return GAP_OTHER;
    }
    if (commas && quotes)
        return GAP_OTHER;
    return commas == 1 ? GAP_COMMA
           : commas    ? GAP_OTHER
           : quotes    ? GAP_QUOTE
                       : GAP_BLANK;
}

/* True when the gap before token i (or the end) holds a quote mark. */
static bool gap_has_quote(const person_scan *s, size_t i)
{
    size_t n, k;
    const char *g = gap(s, i, &n);
    for (size_t j = 0; j < n; j++)
        if (is_quote_at(g + j, n - j, &k))
            return true;
    return false;
}

bool pscan_gap_has(const person_scan *s, size_t i, char c)
{
    size_t n;
    const char *g = gap(s, i, &n);
    return memchr(g, c, n) != NULL;
}

static size_t letters(const char *w, size_t n)
{
    return utf8_length(w, n);
}

/* Every code point an Arabic letter (U+0621..064A, U+0671..06D3). */
static bool arabic_word(const char *w, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)w + i, n - i, &cp);
        if (!k || !((cp >= 0x0621 && cp <= 0x064a) ||
                    (cp >= 0x0671 && cp <= 0x06d3)))
            return false;
        i += k;
    }
    return n > 0;
}

#define AL "\xd8\xa7\xd9\x84" /* ال */

static bool starts_with(const char *w, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n > k && memcmp(w, p, k) == 0;
}

/* A definite word: ال or لل (ل + ال) before at least two letters. */
bool pscan_definite(const char *w, size_t n)
{
    return (starts_with(w, n, AL) || starts_with(w, n, "\xd9\x84\xd9\x84")) &&
           letters(w, n) >= 4;
}

/* A proclitic before the article (لل، بال، وال، فال، كال): no name starts
 * so, and no name goes on over it. */
static bool clitic_article(const char *w, size_t n)
{
    static const char *const p[] = {"\xd9\x84\xd9\x84", "\xd8\xa8" AL,
                                    "\xd9\x88" AL, "\xd9\x81" AL,
                                    "\xd9\x83" AL};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        if (starts_with(w, n, p[i]))
            return true;
    return false;
}

bool pscan_is(const person_scan *s, cue_kind k, size_t i)
{
    size_t n;
    const char *w = pscan_tok(s, i, &n);
    return cue_is(s->cues, k, w, n);
}

/* A cue word with or without proclitics (والجنرال، لوزير). */
bool pscan_is_split(const person_scan *s, cue_kind k, size_t i, size_t *prefix)
{
    size_t n;
    const char *w = pscan_tok(s, i, &n);
    if (prefix)
        *prefix = 0;
    return cue_is_split(s->cues, k, w, n, prefix);
}

/* An honorific at token i: the word, or the word and a full stop after it
 * ("د."). Returns the tokens it takes (0 or 1). */
bool pscan_honorific(const person_scan *s, size_t i)
{
    if (pscan_is(s, CUE_HONORIFIC, i))
        return true;
    size_t n, gn;
    const char *w = pscan_tok(s, i, &n);
    const char *g = gap(s, i + 1, &gn);
    if (n > 60 || gn == 0 || g[0] != '.')
        return false;
    char buf[64];
    memcpy(buf, w, n);
    buf[n] = '.';
    return cue_is(s->cues, CUE_HONORIFIC, buf, n + 1);
}

const lexicon_entry *pscan_entry_at(const person_scan *s, size_t i)
{
    long m = s->mention_at[i];
    return m < 0 ? NULL : s->x->mentions[m].entry;
}

bool pscan_person_at(const person_scan *s, size_t i)
{
    const lexicon_entry *en = pscan_entry_at(s, i);
    return en && en->kind == KIND_PERSON;
}

/* The token after the mention at token i. */
size_t pscan_after_mention(const person_scan *s, size_t i)
{
    long m = s->mention_at[i];
    while (i < s->a->token_count && s->mention_at[i] == m)
        i++;
    return i;
}

/* ---- names ----------------------------------------------------------- */

#define WAW "\xd9\x88"
#define FAA "\xd9\x81"

/* A stop word, alone or after the conjunction و or ف ("وبعد"). */
bool pscan_stop_word(const person_scan *s, size_t i)
{
    size_t n;
    const char *w = pscan_tok(s, i, &n);
    if (cue_is(s->cues, CUE_STOP, w, n))
        return true;
    return (starts_with(w, n, WAW) || starts_with(w, n, FAA)) &&
           cue_is(s->cues, CUE_STOP, w + 2, n - 2);
}

/* One letter and a full stop: an initial ("إ."). */
static bool initial(const person_scan *s, size_t i)
{
    size_t n, gn;
    const char *w = pscan_tok(s, i, &n);
    const char *g = gap(s, i + 1, &gn);
    return letters(w, n) == 1 && gn > 0 && g[0] == '.';
}

/* A word that may be part of a name at all. */
bool pscan_name_word(const person_scan *s, size_t i)
{
    size_t n;
    const char *w = pscan_tok(s, i, &n);
    return arabic_word(w, n) && (letters(w, n) >= 2 || initial(s, i)) &&
           s->mention_at[i] < 0 && !pscan_stop_word(s, i) &&
           !pscan_is_split(s, CUE_HEAD, i, NULL) &&
           !pscan_is_split(s, CUE_COUNTERPART, i, NULL) && !pscan_honorific(s, i) &&
           !pscan_is(s, CUE_ROLE_WORD, i) && !clitic_article(w, n);
}

/* True when word j (the k-th of a name, k >= 2) may go on the name: a
 * definite family name, a word after a particle or an initial, or a word
 * after two given names (a compound given name, then the surname: جان
 * مارك ...; or a name chain: محمد علي ...). */
bool pscan_name_goes_on(const person_scan *s, size_t j)
{
    size_t n, pn;
    const char *w = pscan_tok(s, j, &n);
    const char *p = pscan_tok(s, j - 1, &pn);
    return pscan_definite(w, n) || pscan_is(s, CUE_PARTICLE, j - 1) ||
           pscan_is(s, CUE_PARTICLE, j) || letters(p, pn) == 1 ||
           (j >= 2 && pscan_is(s, CUE_GIVEN_NAME, j - 1) &&
            pscan_is(s, CUE_GIVEN_NAME, j - 2));
}

/* The gap before word j of a name: spaces, or a full stop after an
 * initial ("يامينو إ. موسى"). */
bool pscan_name_gap(const person_scan *s, size_t j)
{
    if (pscan_gap_kind(s, j) == GAP_BLANK)
        return true;
    size_t n, pn;
    const char *g = gap(s, j, &n);
    pscan_tok(s, j - 1, &pn);
    return letters(s->a->match + s->a->tokens[j - 1].match_begin, pn) == 1 &&
           n >= 1 && g[0] == '.' && strspn(g + 1, " ") == n - 1;
}

/* A one-word name needs a clear end: punctuation or the end of the text
 * after it (a word before a stop word is as often a noun: "تقريرا حول"). */
static bool clear_end(const person_scan *s, size_t j)
{
    return j >= s->a->token_count || pscan_gap_kind(s, j) != GAP_BLANK;
}

/* What may follow a longer name: a clear end, a stop word, a cue word or
 * a word opened by the conjunction و or ف (a new clause or list item).
 * Anything else (a noun, a lexicon mention) suggests the words were no
 * name: "رئيس الجمهورية يستقبل وفدا أمريكيا". */
static bool boundary(const person_scan *s, size_t j)
{
    size_t n;
    const char *w = j < s->a->token_count ? pscan_tok(s, j, &n) : NULL;
    if (!w || clear_end(s, j) || pscan_stop_word(s, j) || pscan_honorific(s, j) ||
        clitic_article(w, n) || pscan_is_split(s, CUE_HEAD, j, NULL) ||
        pscan_is_split(s, CUE_COUNTERPART, j, NULL))
        return true;
    return s->mention_at[j] < 0 && letters(w, n) >= 3 &&
           (starts_with(w, n, WAW) || starts_with(w, n, FAA));
}

/* After a particle (عبد، أبو، بن) any word goes on the name, a cue word
 * too ("عبد الأمير"). */
static bool after_particle(const person_scan *s, size_t j)
{
    size_t n;
    const char *w = pscan_tok(s, j, &n);
    return pscan_is(s, CUE_PARTICLE, j - 1) && arabic_word(w, n) &&
           s->mention_at[j] < 0 && !pscan_stop_word(s, j);
}

/* Reads a name at token i; returns the token after it, or i when there is
 * none. honored: an honorific stands before it (a definite first word and
 * a one-word name are then fine). quoted: the gap before it opens quotes,
 * and the name must close them. */
size_t pscan_read_name(const person_scan *s, size_t i, bool honored, bool quoted)
{
    size_t count = s->a->token_count, n;
    if (i >= count)
        return i;
    if (pscan_person_at(s, i))
        return pscan_after_mention(s, i);
    const char *w = pscan_tok(s, i, &n);
    if (!pscan_name_word(s, i) || (!honored && pscan_definite(w, n)))
        return i;
    size_t j = i + 1;
    for (; j < count && j < i + 4 && pscan_name_gap(s, j) &&
           (pscan_name_word(s, j) || after_particle(s, j));
         j++)
        if (!quoted && j >= i + 2 && !pscan_name_goes_on(s, j))
            break;
    while (j > i + 1 && pscan_is(s, CUE_PARTICLE, j - 1))
        j--;
    if (quoted)
        return gap_has_quote(s, j) ? j : i;
    if (j == i + 1)
        return honored || clear_end(s, j) ? j : i;
    return boundary(s, j) ? j : i;
}
