/* The matching form: a folded copy of the decoded text for look-up, with a
 * map from each of its bytes back to code points of the original. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "core/utf8.h"

/* The matching form under construction. */
typedef struct builder {
    char *m;
    size_t len, cap;
    size_t *orig, *orig_end;
    bool ok;
    const UNormalizer2 *nfkc;
} builder;

static bool grow(builder *b, size_t need)
{
    if (b->len + need + 1 <= b->cap)
        return true;
    size_t cap =
        b->cap * 2 > b->len + need + 1 ? b->cap * 2 : b->len + need + 64;
    char *m = realloc(b->m, cap);
    if (m)
        b->m = m;
    size_t *o = m ? realloc(b->orig, cap * sizeof *o) : NULL;
    if (o)
        b->orig = o;
    size_t *oe = o ? realloc(b->orig_end, cap * sizeof *oe) : NULL;
    if (oe)
        b->orig_end = oe;
    if (!oe)
        return b->ok = false;
    b->cap = cap;
    return true;
}

/* Appends one code point that came from original code points [ob, oe).
 * Runs of spaces collapse to one and no line starts with a space, so that
 * debris between words leaves exactly one separator. */
static void emit(builder *b, uint32_t c, size_t ob, size_t oe)
{
    char last = b->len ? b->m[b->len - 1] : '\n';
    if (c == ' ' && (last == ' ' || last == '\n'))
        return;
    if (!b->ok || !grow(b, 4))
        return;
    size_t n = utf8_encode(c, b->m + b->len);
    for (size_t i = 0; i < n; i++) {
        b->orig[b->len + i] = ob;
        b->orig_end[b->len + i] = oe;
    }
    b->len += n;
}

/* ---- per-character rules -------------------------------------------------
 */

/* Arabic diacritics, dropped: Quranic marks U+0610-061A, harakat (fathatan
 * U+064B .. sukun U+0652) and the marks after them up to U+065F (maddah and
 * hamza above/below among them), superscript alef U+0670, Quranic marks
 * U+06D6-06ED and the extended-A marks U+08D3-08FF. */
static bool is_arabic_mark(uint32_t c)
{
    return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) ||
           c == 0x0670 || (c >= 0x06d6 && c <= 0x06dc) ||
           (c >= 0x06df && c <= 0x06e4) || c == 0x06e7 || c == 0x06e8 ||
           (c >= 0x06ea && c <= 0x06ed) ||
           (c >= 0x08d3 && c <= 0x08ff && c != 0x08e2);
}

/* Invisible debris, dropped: ZWSP U+200B, ZWNJ U+200C, ZWJ U+200D, LRM
 * U+200E, RLM U+200F, ALM U+061C, embeddings LRE/RLE/PDF/LRO/RLO
 * U+202A-202E, word joiner and invisible operators U+2060-2064, isolates
 * LRI/RLI/FSI/PDI U+2066-2069, BOM/ZWNBSP U+FEFF, soft hyphen U+00AD and
 * tatweel U+0640 (a stretch of the line, not a letter). */
static bool is_debris(uint32_t c)
{
    return (c >= 0x200b && c <= 0x200f) || c == 0x061c ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || c == 0x00ad ||
           c == 0x0640;
}

/* One row of the orthographic folding table. */
typedef struct fold_row {
    uint32_t from, to;
} fold_row;

static const fold_row FOLDS[] = {
    {0x0622, 0x0627}, /* alef with madda above -> alef */
    {0x0623, 0x0627}, /* alef with hamza above -> alef */
    {0x0625, 0x0627}, /* alef with hamza below -> alef */
    {0x0671, 0x0627}, /* alef wasla -> alef */
    {0x0672, 0x0627}, /* alef with wavy hamza above -> alef */
    {0x0673, 0x0627}, /* alef with wavy hamza below -> alef */
    {0x0649, 0x064a}, /* alef maqsura -> yeh */
    {0x0629, 0x0647}, /* teh marbuta -> heh */
    {0x0624, 0x0648}, /* waw with hamza above -> waw */
    {0x0626, 0x064a}, /* yeh with hamza above -> yeh */
    {0x06cc, 0x064a}, /* Farsi yeh -> yeh */
    {0x06a9, 0x0643}, /* keheh -> kaf */
    {0x060c, ','},    /* Arabic comma */
    {0x061b, ';'},    /* Arabic semicolon */
    {0x061f, '?'},    /* Arabic question mark */
    {0x066a, '%'},    /* Arabic percent sign */
    {0x066b, '.'},    /* Arabic decimal separator */
    {0x066c, ','},    /* Arabic thousands separator */
    {0x06d4, '.'},    /* Arabic full stop */
    {0x2028, '\n'},   /* line separator */
    {0x2029, '\n'},   /* paragraph separator */
    {0x0085, '\n'},   /* next line */
};

/* The matching-form code point for c, or -1 when c is dropped. */
static int32_t fold(uint32_t c)
{
    if (c < 0x80)
        return c == '\t' || c == '\v' || c == '\f' ? ' ' : (int32_t)c;
    if (is_debris(c) || is_arabic_mark(c))
        return -1;
    for (size_t i = 0; i < sizeof FOLDS / sizeof *FOLDS; i++)
        if (FOLDS[i].from == c)
            return (int32_t)FOLDS[i].to;
    /* Arabic-Indic U+0660-0669, Persian U+06F0-06F9 and every other
     * decimal digit: NFKC keeps them, so read their value. */
    if (u_charType((UChar32)c) == U_DECIMAL_DIGIT_NUMBER)
        return '0' + u_charDigitValue((UChar32)c);
    if (u_isUWhiteSpace((UChar32)c))
        return ' '; /* NBSP U+00A0, U+2000-200A, U+202F, U+3000 ... */
    return (int32_t)c;
}

static void emit_folded(builder *b, uint32_t c, size_t ob, size_t oe)
{
    int32_t f = fold(c);
    if (f >= 0)
        emit(b, (uint32_t)f, ob, oe);
}

/* True when NFKC leaves c alone on its own (the common case, tested
 * cheaply for ASCII and the basic Arabic letters). */
static bool nfkc_inert(const builder *b, uint32_t c)
{
    if (c < 0xa0 || (c >= 0x0627 && c <= 0x064a))
        return true;
    UChar buf[8];
    UErrorCode err = U_ZERO_ERROR;
    return unorm2_getDecomposition(b->nfkc, (UChar32)c, buf, 8, &err) < 0 &&
           U_SUCCESS(err);
}

/* Folds one group (a base character and its combining marks) that spans
 * original code points [ob, oe). */
static void fold_group(builder *b, const uint32_t *g, size_t n, size_t ob,
                       size_t oe)
{
    UChar in[64];
    int32_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_arabic_mark(g[i]) || k > 60)
            continue;
        U16_APPEND_UNSAFE(in, k, (UChar32)g[i]);
    }
    if (k == 0)
        return;
    UChar32 first;
    int32_t j = 0;
    U16_NEXT(in, j, k, first);
    if (j == k && nfkc_inert(b, (uint32_t)first)) {
        emit_folded(b, (uint32_t)first, ob, oe);
        return;
    }
    UChar out[128];
    UErrorCode err = U_ZERO_ERROR;
    int32_t m = unorm2_normalize(b->nfkc, in, k, out, 128, &err);
    if (U_FAILURE(err)) { /* longer than any real decomposition: keep */
        m = k;
        memcpy(out, in, (size_t)k * sizeof *in);
    }
    for (int32_t i = 0; i < m;) {
        UChar32 c;
        U16_NEXT(out, i, m, c);
        emit_folded(b, (uint32_t)c, ob, oe);
    }
}

/* ---- web debris: entities ------------------------------------------------
 */

typedef struct named_entity {
    const char *name;
    uint32_t cp;
} named_entity;

static const named_entity ENTITIES[] = {
    {"nbsp", 0xa0},     {"amp", '&'},      {"quot", '"'},
    {"apos", '\''},     {"lt", '<'},       {"gt", '>'},
    {"zwj", 0x200d},    {"zwnj", 0x200c},  {"lrm", 0x200e},
    {"rlm", 0x200f},    {"shy", 0xad},     {"laquo", 0xab},
    {"raquo", 0xbb},    {"ndash", 0x2013}, {"mdash", 0x2014},
    {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201c},  {"rdquo", 0x201d}, {"thinsp", 0x2009},
};

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* A numeric reference at s ("#x200d;" or "#8205;", the '&' before it, if
 * any, already consumed). Without the '&' (half-decoded residue) a decimal
 * one is only taken for a character that is never meant literally. */
static size_t numeric_entity(const char *s, size_t n, bool amp, uint32_t *cp)
{
    if (n < 3 || s[0] != '#')
        return 0;
    bool hex = s[1] == 'x' || s[1] == 'X';
    size_t i = hex ? 2 : 1;
    uint32_t v = 0;
    size_t digits = 0;
    for (; i < n && digits < 7 &&
           (hex ? is_hex(s[i]) : s[i] >= '0' && s[i] <= '9');
         i++, digits++)
        v = v * (hex ? 16 : 10) +
            (uint32_t)(s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10);
    if (digits == 0 || i >= n || s[i] != ';' || v == 0 || v > 0x10ffff ||
        (v >= 0xd800 && v <= 0xdfff))
        return 0;
    if (!amp && !hex && v < 0xa0)
        return 0;
    *cp = v;
    return i + 1;
}

static size_t named_entity_at(const char *s, size_t n, uint32_t *cp)
{
    for (size_t k = 0; k < sizeof ENTITIES / sizeof *ENTITIES; k++) {
        size_t m = strlen(ENTITIES[k].name);
        if (n > m && memcmp(s, ENTITIES[k].name, m) == 0 && s[m] == ';') {
            *cp = ENTITIES[k].cp;
            return m + 1;
        }
    }
    return 0;
}

/* Length of the entity (or entity residue) at s, 0 if none; *cp receives
 * the character it stands for. "&amp;nbsp;" (escaped twice) is one. */
static size_t entity_at(const char *s, size_t n, uint32_t *cp)
{
    if (s[0] == '#')
        return numeric_entity(s, n, false, cp);
    if (s[0] != '&' || n < 2)
        return 0;
    size_t k = numeric_entity(s + 1, n - 1, true, cp);
    if (k == 0)
        k = named_entity_at(s + 1, n - 1, cp);
    if (k == 0)
        return 0;
    if (*cp == '&' && k == 4 && n > 5) { /* "&amp;" then "#x200d;" */
        uint32_t inner_cp;
        size_t inner = s[5] == '#'
                           ? numeric_entity(s + 5, n - 5, true, &inner_cp)
                           : named_entity_at(s + 5, n - 5, &inner_cp);
        if (inner) {
            *cp = inner_cp;
            return 5 + inner;
        }
    }
    return k + 1;
}

/* ---- the walk ------------------------------------------------------------
 */

static bool is_mark(uint32_t c)
{
    return (U_GET_GC_MASK((UChar32)c) & (U_GC_MN_MASK | U_GC_ME_MASK)) != 0;
}

/* A bare '&' touching a letter is what is left of a broken entity: a
 * separator. One with spaces around it is a real ampersand. */
static bool stray_ampersand(const char *s, size_t i, size_t n)
{
    bool before = i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n';
    bool after = i + 1 < n && s[i + 1] != ' ' && s[i + 1] != '\n';
    return before || after;
}

/* Reads the group starting at byte *i (code point *k) of the original. */
static size_t read_group(const char *s, size_t n, size_t *i, uint32_t *g,
                         size_t max)
{
    size_t count = 0;
    while (*i < n) {
        uint32_t c;
        size_t used = utf8_decode((const unsigned char *)s + *i, n - *i, &c);
        if (used == 0) {
            c = 0xfffd;
            used = 1;
        }
        if (count > 0 && (!is_mark(c) || count == max))
            break;
        g[count++] = c;
        *i += used;
    }
    return count;
}

static void walk_text(builder *b, const char *s, size_t n)
{
    size_t i = 0, k = 0;
    while (i < n && b->ok) {
        uint32_t cp;
        size_t used =
            (s[i] == '&' || s[i] == '#') ? entity_at(s + i, n - i, &cp) : 0;
        if (used) { /* entities are ASCII: bytes == code points */
            if (cp == '&' && stray_ampersand(s, i, n))
                cp = ' ';
            fold_group(b, &cp, 1, k, k + used);
            i += used;
            k += used;
            continue;
        }
        if (s[i] == '&' && stray_ampersand(s, i, n)) {
            emit(b, ' ', k, k + 1);
            i++;
            k++;
            continue;
        }
        uint32_t g[32];
        size_t count = read_group(s, n, &i, g, 32);
        fold_group(b, g, count, k, k + count);
        k += count;
    }
    if (b->ok && grow(b, 0)) {
        b->m[b->len] = '\0';
        b->orig[b->len] = k;
    }
}

bayan_status text_match_form(const text_doc *doc, text_analysis *out)
{
    memset(out, 0, sizeof *out);
    UErrorCode err = U_ZERO_ERROR;
    builder b = {NULL, 0, 0, NULL, NULL, true, unorm2_getNFKCInstance(&err)};
    if (U_FAILURE(err))
        return BAYAN_ERR_INTERNAL;
    if (!grow(&b, doc->length + 16)) {
        free(b.m);
        free(b.orig);
        free(b.orig_end);
        return BAYAN_ERR_NOMEM;
    }
    walk_text(&b, doc->text, doc->length);
    out->match = b.m;
    out->match_len = b.len;
    out->orig = b.orig;
    out->orig_end = b.orig_end;
    if (!b.ok) {
        text_analysis_clear(out);
        return BAYAN_ERR_NOMEM;
    }
    return BAYAN_OK;
}

void text_match_span(const text_analysis *a, size_t mb, size_t me,
                     size_t *begin, size_t *end)
{
    if (mb >= me || me > a->match_len) {
        *begin = *end = a->orig[mb < a->match_len ? mb : a->match_len];
        return;
    }
    *begin = a->orig[mb];
    *end = a->orig_end[me - 1];
}

void text_analysis_clear(text_analysis *a)
{
    if (!a)
        return;
    free(a->match);
    free(a->orig);
    free(a->orig_end);
    free(a->tokens);
    free(a->sentences);
    memset(a, 0, sizeof *a);
}

bayan_status text_fold_word(const char *word, char **out)
{
    *out = NULL;
    text_doc doc = {0};
    doc.text = (char *)word;
    doc.length = strlen(word);
    text_analysis a;
    bayan_status st = text_match_form(&doc, &a);
    if (st != BAYAN_OK)
        return st;
    size_t b = 0, e = a.match_len;
    while (b < e && (a.match[b] == ' ' || a.match[b] == '\n'))
        b++;
    while (e > b && (a.match[e - 1] == ' ' || a.match[e - 1] == '\n'))
        e--;
    if (e > b && !(*out = strndup(a.match + b, e - b)))
        st = BAYAN_ERR_NOMEM;
    text_analysis_clear(&a);
    return st;
}
