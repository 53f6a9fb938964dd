/* Readable romanization of Arabic names (translit.h, text_romanize).
 *
 * The convention, one letter at a time, with only the vowels the Arabic
 * writes (a name without diacritics keeps its consonant clusters:
 * محمد -> Mhmd):
 *  - the article ال at the start of a word is "al-" ("Al-" when the name
 *    begins with it), the sun letters not assimilated: الشمري -> al-Shmri;
 *  - long vowels: ا and ى are a; و is u and ي is i between consonants or
 *    at the end, w and y at the start of a word and next to an alef;
 *  - initial أ is a, إ is i, آ is a; ؤ is u, ئ is i, ء is an apostrophe;
 *  - ة is a; ع is a where no written vowel precedes it, else an apostrophe;
 *  - ث th, خ kh, ذ dh, ش sh, غ gh, ق q, emphatic letters as plain ones;
 *  - written short vowels (fatha a, damma u, kasra i, tanwin an/un/in)
 *    are kept and shadda doubles its consonant;
 *  - بن bin, ابن ibn, بنت bint, الله (alone or ending a word) allah;
 *  - every word capitalized except the article.
 * Anything that is not an Arabic letter is copied as it is. No ICU: the
 * rules are this file's. */
#include "text/translit.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

#define MAX_CP 256 /* longest name read (code points); the rest is cut */

/* Consonants: the Latin for U+0621..U+064A (NULL: a vowel letter or a
 * letter decided in context). */
static const char *consonant(uint32_t c)
{
    static const char *const tab[] = {
        [0x28] = "b",  [0x2a] = "t", [0x2b] = "th", [0x2c] = "j",
        [0x2d] = "h",  [0x2e] = "kh", [0x2f] = "d", [0x30] = "dh",
        [0x31] = "r",  [0x32] = "z", [0x33] = "s", [0x34] = "sh",
        [0x35] = "s",  [0x36] = "d", [0x37] = "t", [0x38] = "z",
        [0x3a] = "gh", [0x41] = "f", [0x42] = "q", [0x43] = "k",
        [0x44] = "l",  [0x45] = "m", [0x46] = "n", [0x47] = "h"};
    if (c == 0x067e)
        return "p";
    if (c == 0x0686)
        return "ch";
    if (c == 0x06a4)
        return "v";
    if (c == 0x06af || c == 0x06a9)
        return c == 0x06af ? "g" : "k";
    if (c < 0x0621 || c > 0x0647)
        return NULL;
    return tab[c - 0x0600];
}

static bool arabic_letter(uint32_t c)
{
    return (c >= 0x0621 && c <= 0x064a) || (c >= 0x064b && c <= 0x0652) ||
           c == 0x0670 || c == 0x0671 || c == 0x067e || c == 0x0686 ||
           c == 0x06a4 || c == 0x06a9 || c == 0x06af || c == 0x06cc;
}

static bool is_vowel_mark(uint32_t c)
{
    return (c >= 0x064b && c <= 0x0652) || c == 0x0670;
}

typedef struct rom {
    char *s;
    size_t n;
    const char *last; /* the last consonant written, for shadda */
    size_t last_end;  /* where its Latin ends in s */
} rom;

static void put(rom *o, const char *p)
{
    size_t k = strlen(p);
    memcpy(o->s + o->n, p, k);
    o->n += k;
}

/* The last letter written is a vowel. */
static bool after_vowel(const rom *o, size_t word_start)
{
    if (o->n <= word_start)
        return false;
    char c = o->s[o->n - 1];
    return c == 'a' || c == 'i' || c == 'u';
}

/* The letter at w[i] of a word of n letters (marks included). */
static const char *letter(const uint32_t *w, size_t n, size_t i,
                          const rom *o, size_t start)
{
    uint32_t c = w[i], prev = i ? w[i - 1] : 0, next = i + 1 < n ? w[i + 1] : 0;
    bool first = i == 0, alef_near = prev == 0x0627 || next == 0x0627 ||
                                     is_vowel_mark(next);
    switch (c) {
    case 0x0627: case 0x0671: case 0x0622: case 0x0649: return "a";
    case 0x0623: return "a";
    case 0x0625: return "i";
    case 0x0624: return "u";
    case 0x0626: return "i";
    case 0x0621: return first ? "" : "'";
    case 0x0629: return "a";
    case 0x0639: return first || !after_vowel(o, start) ? "a" : "'";
    case 0x0648: return first || alef_near ? "w" : "u";
    case 0x064a: case 0x06cc: return first || alef_near ? "y" : "i";
    case 0x064e: case 0x0670: return "a";
    case 0x064f: return "u";
    case 0x0650: return "i";
    case 0x064b: return "an";
    case 0x064c: return "un";
    case 0x064d: return "in";
    case 0x0652: return "";
    }
    const char *k = consonant(c);
    return k ? k : "";
}

/* The particles written with conventional vowels. */
static const char *particle(const uint32_t *w, size_t n)
{
    static const uint32_t bn[] = {0x0628, 0x0646}, ibn[] = {0x0627, 0x0628, 0x0646},
                          bint[] = {0x0628, 0x0646, 0x062a};
    if (n == 2 && memcmp(w, bn, sizeof bn) == 0)
        return "bin";
    if (n == 3 && memcmp(w, ibn, sizeof ibn) == 0)
        return "ibn";
    if (n == 3 && memcmp(w, bint, sizeof bint) == 0)
        return "bint";
    return NULL;
}

/* Upper-cases the ASCII letter at o->s[at], if any. */
static void capital(rom *o, size_t at)
{
    if (at < o->n && o->s[at] >= 'a' && o->s[at] <= 'z')
        o->s[at] = (char)(o->s[at] - 'a' + 'A');
}

/* Shadda: the last consonant again, before the short vowel written
 * between them (مَّ is "mma"). */
static void shadda(rom *o)
{
    if (!o->last)
        return;
    size_t k = strlen(o->last);
    memmove(o->s + o->last_end + k, o->s + o->last_end, o->n - o->last_end);
    memcpy(o->s + o->last_end, o->last, k);
    o->n += k;
    o->last = NULL;
}

/* The name of God at the end of a word (عبدالله, الله): "allah". */
static bool ends_allah(const uint32_t *w, size_t n)
{
    static const uint32_t allah[] = {0x0627, 0x0644, 0x0644, 0x0647};
    return n >= 4 && memcmp(w + n - 4, allah, sizeof allah) == 0;
}

/* A long vowel written with a hamza seat at the start of a word (إي is
 * i, أو is u): the letters it takes, 0 when none. */
static size_t long_initial(rom *o, const uint32_t *w, size_t n)
{
    if (n > 2 && w[0] == 0x0625 && w[1] == 0x064a) {
        put(o, "i");
        return 2;
    }
    if (n > 2 && w[0] == 0x0623 && w[1] == 0x0648) {
        put(o, "u");
        return 2;
    }
    return 0;
}

/* One Arabic word w[0..n); name_start: it opens the name. */
static void word(rom *o, const uint32_t *w, size_t n, bool name_start)
{
    const char *p = particle(w, n);
    if (p) {
        put(o, p);
        return;
    }
    size_t i = 0, end = ends_allah(w, n) ? n - 4 : n;
    if (end >= 4 && (w[0] == 0x0627 || w[0] == 0x0671) && w[1] == 0x0644) {
        put(o, name_start ? "Al-" : "al-");
        i = 2;
    }
    size_t start = o->n;
    o->last = NULL;
    i += long_initial(o, w + i, end - i);
    for (; i < end; i++) {
        if (w[i] == 0x0651) {
            shadda(o);
            continue;
        }
        put(o, letter(w, end, i, o, start));
        if (consonant(w[i])) {
            o->last = consonant(w[i]);
            o->last_end = o->n;
        }
    }
    if (end < n)
        put(o, "allah");
    capital(o, start);
}

bayan_status text_romanize(const char *utf8, size_t len, char **out_label)
{
    *out_label = NULL;
    uint32_t w[MAX_CP];
    rom o = {malloc(len * 4 + 16), 0, NULL, 0};
    if (!o.s)
        return BAYAN_ERR_NOMEM;
    size_t n = 0;
    bool name_start = true;
    for (size_t i = 0; i <= len;) {
        uint32_t c = 0;
        size_t k = i < len ? utf8_decode((const unsigned char *)utf8 + i,
                                         len - i, &c)
                           : 1;
        if (k == 0)
            k = 1;
        if (i < len && c == 0x0640) { /* tatweel */
            i += k;
            continue;
        }
        if (i < len && arabic_letter(c)) {
            if (n < MAX_CP)
                w[n++] = c;
        } else {
            if (n) {
                word(&o, w, n, name_start);
                name_start = false;
                n = 0;
            }
            if (i < len) {
                memcpy(o.s + o.n, utf8 + i, k);
                o.n += k;
                name_start = name_start && (c == ' ' || c == '\n');
            }
        }
        i += k;
    }
    o.s[o.n] = '\0';
    *out_label = o.s;
    return BAYAN_OK;
}

bayan_status text_romanized_slug(const char *label, char **out)
{
    size_t n = strlen(label), k = 0;
    char *s = malloc(n + 1);
    if (!s)
        return BAYAN_ERR_NOMEM;
    bool hyphen = false;
    for (size_t i = 0; i < n; i++) {
        char c = label[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (hyphen && k)
                s[k++] = '-';
            hyphen = false;
            s[k++] = c;
        } else if (c != '\'') {
            hyphen = true;
        }
    }
    s[k] = '\0';
    *out = s;
    return BAYAN_OK;
}
