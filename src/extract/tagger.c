/* A trained sequence tagger for names: feature extraction, model file,
 * Viterbi decoding (see tagger.h). Standard C only. */
#include "tagger.h"

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
    K_SKIP, K_LEMMA, K_BIGRAM2,
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

/* Proclitic strings: conjunction (و ف), then preposition (ب ك ل), then the
 * article (ال; ل + ال is written لل). Longest first. */
static const char *const clitics[] = {
    "\xd9\x88\xd8\xa8\xd8\xa7\xd9\x84", /* وبال */
    "\xd9\x88\xd9\x83\xd8\xa7\xd9\x84", /* وكال */
    "\xd9\x81\xd8\xa8\xd8\xa7\xd9\x84", /* فبال */
    "\xd9\x81\xd9\x83\xd8\xa7\xd9\x84", /* فكال */
    "\xd9\x88\xd8\xa7\xd9\x84",         /* وال */
    "\xd9\x81\xd8\xa7\xd9\x84",         /* فال */
    "\xd8\xa8\xd8\xa7\xd9\x84",         /* بال */
    "\xd9\x83\xd8\xa7\xd9\x84",         /* كال */
    "\xd9\x88\xd9\x84\xd9\x84",         /* ولل */
    "\xd9\x81\xd9\x84\xd9\x84",         /* فلل */
    "\xd8\xa7\xd9\x84",                 /* ال */
    "\xd9\x84\xd9\x84",                 /* لل */
    "\xd9\x88\xd8\xa8",                 /* وب */
    "\xd9\x88\xd9\x83",                 /* وك */
    "\xd9\x88\xd9\x84",                 /* ول */
    "\xd9\x81\xd8\xa8",                 /* فب */
    "\xd9\x81\xd9\x83",                 /* فك */
    "\xd9\x81\xd9\x84",                 /* فل */
    "\xd9\x88",                         /* و */
    "\xd9\x81",                         /* ف */
    "\xd8\xa8",                         /* ب */
    "\xd9\x83",                         /* ك */
    "\xd9\x84",                         /* ل */
};
#define N_CLITICS (sizeof clitics / sizeof clitics[0])

/* The stem after the longest proclitic string that leaves at least two
 * code points; the whole form when none does. */
static const char *longest_stem(const char *s, size_t n, size_t *stem_len)
{
    for (size_t c = 0; c < N_CLITICS; c++) {
        size_t k = strlen(clitics[c]);
        if (k < n && memcmp(s, clitics[c], k) == 0 &&
            cp_count(s + k, n - k) >= 2) {
            *stem_len = n - k;
            return s + k;
        }
    }
    *stem_len = n;
    return s;
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

static uint64_t key_num(unsigned kind, unsigned long v)
{
    char buf[24];
    int k = snprintf(buf, sizeof buf, "%lu", v);
    return key_str(kind, buf, (size_t)k);
}

size_t tagger_features(const tagger_token *toks, size_t n, size_t i,
                       uint64_t *out)
{
    size_t k = 0;
    long li = (long)i;
    const char *w0 = form_at(toks, n, li);
    size_t n0 = strlen(w0);

    out[k++] = h_end(h_begin(K_BIAS));
    /* forms in a window of +-2 */
    for (long o = -2; o <= 2; o++) {
        const char *w = form_at(toks, n, li + o);
        out[k++] = key_str(K_W + ((unsigned)(o + 2) << 8), w, strlen(w));
    }
    /* bigrams */
    {
        const char *wm = form_at(toks, n, li - 1), *wp = form_at(toks, n, li + 1);
        uint64_t h = h_add(h_begin(K_BIGRAM), wm, strlen(wm));
        out[k++] = h_end(h_add(h_sep(h), w0, n0));
        h = h_add(h_begin(K_BIGRAM + (1u << 8)), w0, n0);
        out[k++] = h_end(h_add(h_sep(h), wp, strlen(wp)));
        h = h_add(h_begin(K_SKIP), wm, strlen(wm));
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
    /* proclitic readings: every proclitic string leaving >= 2 letters */
    {
        size_t used = 0;
        for (size_t c = 0; c < N_CLITICS && used < 6; c++) {
            size_t cl = strlen(clitics[c]);
            if (cl < n0 && memcmp(w0, clitics[c], cl) == 0 &&
                cp_count(w0 + cl, n0 - cl) >= 2) {
                out[k++] = key_str(K_STEM, w0 + cl, n0 - cl);
                out[k++] = key_str(K_CLITIC, clitics[c], cl);
                used++;
            }
        }
    }
    /* lemmas: the form and its proclitic stems in one key space, so that
     * وبوش shares the weights of بوش; for the neighbours the form and its
     * longest stem */
    for (long o = -1; o <= 1; o++) {
        const char *w = form_at(toks, n, li + o);
        size_t wn = strlen(w);
        unsigned kind = K_LEMMA + ((unsigned)(o + 1) << 8);
        out[k++] = key_str(kind, w, wn);
        if (o == 0) {
            for (size_t c = 0, used = 0; c < N_CLITICS && used < 6; c++) {
                size_t cl = strlen(clitics[c]);
                if (cl < wn && memcmp(w, clitics[c], cl) == 0 &&
                    cp_count(w + cl, wn - cl) >= 2) {
                    out[k++] = key_str(kind, w + cl, wn - cl);
                    used++;
                }
            }
        } else {
            size_t sl;
            const char *st = longest_stem(w, wn, &sl);
            if (st != w)
                out[k++] = key_str(kind, st, sl);
        }
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
    for (long o = -1; o <= 1; o += 2) {
        const char *w = form_at(toks, n, li + o);
        size_t wn = strlen(w), sl, got;
        const char *st = longest_stem(w, wn, &sl);
        out[k++] = key_str(K_NSTEM + ((unsigned)(o + 1) << 8), st, sl);
        size_t s = cp_suffix(w, wn, 2, &got);
        out[k++] = key_str(K_NSUFFIX + ((unsigned)(o + 1) << 8), w + s,
                           wn - s);
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
    /* flags: the whole set at each position of the window, each bit at
     * positions -1, 0, +1 */
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
        int bl = snprintf(buf, sizeof buf, "%u", flags_at(toks, n, li));
        uint64_t h = h_add(h_begin(K_FLAGSET + (9u << 8)), wm, strlen(wm));
        out[k++] = h_end(h_add(h_sep(h), buf, (size_t)bl));
    }
    return k;
}

/* ---- model --------------------------------------------------------------- */

struct tagger_model {
    size_t nfeat;
    uint64_t *keys;   /* sorted */
    float *weights;   /* nfeat * T */
    float trans[(T + 1) * T];
    char *header;     /* the header text, lines split into key/value pairs */
    size_t nheader;
    char **hkeys, **hvals;
};

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

#define MAGIC_LINE "bayan-tagger 1"
#define BIN_MAGIC "BTG1"

static uint32_t fnv32(const unsigned char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static uint32_t float_bits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static float bits_float(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* Binary payload: magic, tag count, feature count, transitions, then for
 * each feature its key, a 16-bit mask of the tags with a weight and those
 * weights (little-endian IEEE floats), then FNV-1a of all of it. */
#define FIXED_SIZE (4 + 4 + 4 + 4 * (T + 1) * T)

static int popcount16(unsigned v)
{
    int c = 0;
    for (; v; v &= v - 1)
        c++;
    return c;
}

int tagger_write(const char *path, const char *header, const uint64_t *keys,
                 const float *weights, size_t nfeat, const float *trans,
                 char *err, size_t errlen)
{
    if (nfeat > UINT32_MAX) {
        set_err(err, errlen, "%s: too many features", path);
        return -1;
    }
    for (size_t i = 1; i < nfeat; i++)
        if (keys[i - 1] >= keys[i]) {
            set_err(err, errlen, "%s: feature keys not sorted", path);
            return -1;
        }
    size_t size = FIXED_SIZE + 4;
    for (size_t i = 0; i < nfeat; i++) {
        size += 8 + 2;
        for (int t = 0; t < T; t++)
            size += weights[i * T + t] != 0 ? 4 : 0;
    }
    unsigned char *buf = malloc(size);
    if (!buf) {
        set_err(err, errlen, "%s: out of memory", path);
        return -1;
    }
    unsigned char *p = buf;
    memcpy(p, BIN_MAGIC, 4);
    p += 4;
    put32(p, T);
    p += 4;
    put32(p, (uint32_t)nfeat);
    p += 4;
    for (size_t i = 0; i < (T + 1) * T; i++, p += 4)
        put32(p, float_bits(trans[i]));
    for (size_t i = 0; i < nfeat; i++) {
        put64(p, keys[i]);
        p += 8;
        unsigned mask = 0;
        for (int t = 0; t < T; t++)
            if (weights[i * T + t] != 0)
                mask |= 1u << t;
        p[0] = (unsigned char)(mask & 0xff);
        p[1] = (unsigned char)(mask >> 8);
        p += 2;
        for (int t = 0; t < T; t++)
            if (mask & (1u << t)) {
                put32(p, float_bits(weights[i * T + t]));
                p += 4;
            }
    }
    put32(p, fnv32(buf, size - 4));

    FILE *f = fopen(path, "wb");
    if (!f) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        free(buf);
        return -1;
    }
    bool ok = fprintf(f, "%s\n%s", MAGIC_LINE, header ? header : "") >= 0;
    ok = ok && fprintf(f, "features: %zu\ntags:", nfeat) >= 0;
    for (int t = 0; t < T && ok; t++)
        ok = fprintf(f, " %s", tag_names[t]) >= 0;
    ok = ok && fprintf(f, "\n\n") >= 0;
    ok = ok && fwrite(buf, 1, size, f) == size;
    free(buf);
    if (fclose(f) != 0)
        ok = false;
    if (!ok) {
        set_err(err, errlen, "%s: write failed", path);
        return -1;
    }
    return 0;
}

void tagger_free(tagger_model *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->weights);
    free(m->header);
    free(m->hkeys);
    free(m->hvals);
    free(m);
}

size_t tagger_feature_count(const tagger_model *m)
{
    return m->nfeat;
}

const char *tagger_header(const tagger_model *m, const char *key)
{
    for (size_t i = 0; i < m->nheader; i++)
        if (strcmp(m->hkeys[i], key) == 0)
            return m->hvals[i];
    return NULL;
}

/* Reads the whole file. */
static unsigned char *slurp(const char *path, size_t *len, char *err,
                            size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_err(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            if (ferror(f)) {
                set_err(err, errlen, "%s: read error", path);
                free(buf);
                fclose(f);
                return NULL;
            }
            break;
        }
        unsigned char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (!buf) {
        set_err(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Parses the header (text up to the first empty line) into m. Returns the
 * offset of the payload, or 0 on error. */
static size_t parse_header(tagger_model *m, const unsigned char *buf,
                           size_t len, const char *path, char *err,
                           size_t errlen)
{
    size_t ml = strlen(MAGIC_LINE);
    if (len < ml + 1 || memcmp(buf, MAGIC_LINE, ml) != 0 || buf[ml] != '\n') {
        set_err(err, errlen,
                "%s: not a bayan tagger model (first line is not \"%s\")",
                path, MAGIC_LINE);
        return 0;
    }
    const unsigned char *end = NULL;
    for (size_t i = ml; i + 1 < len; i++)
        if (buf[i] == '\n' && buf[i + 1] == '\n') {
            end = buf + i + 1;
            break;
        }
    if (!end) {
        set_err(err, errlen, "%s: truncated header (no empty line)", path);
        return 0;
    }
    size_t hl = (size_t)(end - buf) - (ml + 1);
    if (!(m->header = malloc(hl + 1))) {
        set_err(err, errlen, "%s: out of memory", path);
        return 0;
    }
    memcpy(m->header, buf + ml + 1, hl);
    m->header[hl] = '\0';
    size_t lines = 0;
    for (size_t i = 0; i < hl; i++)
        lines += m->header[i] == '\n';
    m->hkeys = calloc(lines + 1, sizeof *m->hkeys);
    m->hvals = calloc(lines + 1, sizeof *m->hvals);
    if (!m->hkeys || !m->hvals) {
        set_err(err, errlen, "%s: out of memory", path);
        return 0;
    }
    char *line = m->header;
    while (*line) {
        char *nl = strchr(line, '\n');
        *nl = '\0';
        char *colon = strstr(line, ": ");
        if (!colon) {
            set_err(err, errlen, "%s: header line %zu is not \"key: value\"",
                    path, m->nheader + 2);
            return 0;
        }
        *colon = '\0';
        m->hkeys[m->nheader] = line;
        m->hvals[m->nheader] = colon + 2;
        m->nheader++;
        line = nl + 1;
    }
    return (size_t)(end - buf) + 1;
}

int tagger_load(const char *path, tagger_model **out, char *err,
                size_t errlen)
{
    *out = NULL;
    size_t len;
    unsigned char *buf = slurp(path, &len, err, errlen);
    if (!buf)
        return -1;
    tagger_model *m = calloc(1, sizeof *m);
    if (!m) {
        set_err(err, errlen, "%s: out of memory", path);
        free(buf);
        return -1;
    }
    size_t off = parse_header(m, buf, len, path, err, errlen);
    if (off == 0)
        goto fail;
    const char *tags = tagger_header(m, "tags");
    char expect[128] = "";
    for (int t = 0; t < T; t++) {
        if (t)
            strcat(expect, " ");
        strcat(expect, tag_names[t]);
    }
    if (!tags || strcmp(tags, expect) != 0) {
        set_err(err, errlen, "%s: header \"tags\" is not \"%s\"", path,
                expect);
        goto fail;
    }
    const char *fs = tagger_header(m, "features");
    char *fe;
    errno = 0;
    unsigned long long nf = fs ? strtoull(fs, &fe, 10) : 0;
    if (!fs || *fe || errno || nf > UINT32_MAX) {
        set_err(err, errlen, "%s: header \"features\" missing or bad", path);
        goto fail;
    }
    const unsigned char *p = buf + off;
    size_t rest = len - off;
    /* the smallest payload these features can have */
    if (nf > (SIZE_MAX - FIXED_SIZE - 4) / 10 ||
        rest < FIXED_SIZE + 4 + (size_t)nf * 10) {
        set_err(err, errlen, "%s: truncated model (%zu bytes of data for "
                "%llu features)", path, rest, nf);
        goto fail;
    }
    if (memcmp(p, BIN_MAGIC, 4) != 0 || get32(p + 4) != T ||
        get32(p + 8) != nf) {
        set_err(err, errlen, "%s: data does not match the header", path);
        goto fail;
    }
    m->nfeat = (size_t)nf;
    const unsigned char *q = p + 12, *end = buf + len - 4;
    for (size_t i = 0; i < (T + 1) * T; i++, q += 4)
        m->trans[i] = bits_float(get32(q));
    m->keys = malloc((m->nfeat ? m->nfeat : 1) * sizeof *m->keys);
    m->weights = calloc((m->nfeat ? m->nfeat : 1) * T, sizeof *m->weights);
    if (!m->keys || !m->weights) {
        set_err(err, errlen, "%s: out of memory", path);
        goto fail;
    }
    for (size_t i = 0; i < m->nfeat; i++) {
        if ((size_t)(end - q) < 10)
            goto truncated;
        m->keys[i] = get64(q);
        unsigned mask = (unsigned)q[8] | (unsigned)q[9] << 8;
        q += 10;
        if (i > 0 && m->keys[i - 1] >= m->keys[i]) {
            set_err(err, errlen, "%s: feature keys not sorted", path);
            goto fail;
        }
        if (mask >> T) {
            set_err(err, errlen, "%s: bad tag mask of feature %zu", path, i);
            goto fail;
        }
        if ((size_t)(end - q) < 4 * (size_t)popcount16(mask))
            goto truncated;
        for (int t = 0; t < T; t++)
            if (mask & (1u << t)) {
                m->weights[i * T + t] = bits_float(get32(q));
                q += 4;
            }
    }
    if (q != end) {
        set_err(err, errlen, "%s: %zu bytes of garbage after the model",
                path, (size_t)(end - q));
        goto fail;
    }
    if (fnv32(p, (size_t)(end - p)) != get32(end)) {
        set_err(err, errlen, "%s: checksum mismatch (corrupt model)", path);
        goto fail;
    }
    free(buf);
    *out = m;
    return 0;
truncated:
    set_err(err, errlen, "%s: truncated model", path);
fail:
    free(buf);
    tagger_free(m);
    return -1;
}

static const float *lookup(const tagger_model *m, uint64_t key)
{
    size_t lo = 0, hi = m->nfeat;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->nfeat && m->keys[lo] == key ? m->weights + lo * T : NULL;
}

/* ---- decoding ------------------------------------------------------------ */

static bool allowed(int prev, int t)
{
    if (t == 0 || t % 2 == 1)
        return true;
    return prev == t || prev == t - 1; /* I-X after B-X or I-X */
}

int tagger_viterbi(const float *emit, const float *trans, size_t n,
                   int *tags_out)
{
    if (n == 0)
        return 0;
    float *score = malloc(n * T * sizeof *score);
    unsigned char *back = malloc(n * T);
    if (!score || !back) {
        free(score);
        free(back);
        for (size_t i = 0; i < n; i++)
            tags_out[i] = TAGGER_O;
        return -1;
    }
    for (int t = 0; t < T; t++)
        score[t] = allowed(-1, t) ? trans[t] + emit[t] : -FLT_MAX;
    for (size_t i = 1; i < n; i++)
        for (int t = 0; t < T; t++) {
            float best = -FLT_MAX;
            int arg = 0;
            for (int p = 0; p < T; p++) {
                float s = score[(i - 1) * T + p];
                if (s == -FLT_MAX || !allowed(p, t))
                    continue;
                s += trans[(p + 1) * T + t];
                if (s > best) {
                    best = s;
                    arg = p;
                }
            }
            score[i * T + t] = best == -FLT_MAX ? best : best + emit[i * T + t];
            back[i * T + t] = (unsigned char)arg;
        }
    int t = 0;
    float best = -FLT_MAX;
    for (int k = 0; k < T; k++)
        if (score[(n - 1) * T + k] > best) {
            best = score[(n - 1) * T + k];
            t = k;
        }
    for (size_t i = n; i-- > 0;) {
        tags_out[i] = t;
        if (i > 0)
            t = back[i * T + t];
    }
    free(score);
    free(back);
    return 0;
}

int tagger_tag(const tagger_model *m, const tagger_token *toks, size_t n,
               int *tags_out)
{
    if (n == 0)
        return 0;
    float *emit = calloc(n * T, sizeof *emit);
    if (!emit) {
        for (size_t i = 0; i < n; i++)
            tags_out[i] = TAGGER_O;
        return -1;
    }
    uint64_t keys[TAGGER_MAX_FEATURES];
    for (size_t i = 0; i < n; i++) {
        size_t nk = tagger_features(toks, n, i, keys);
        for (size_t k = 0; k < nk; k++) {
            const float *w = lookup(m, keys[k]);
            if (w)
                for (int t = 0; t < T; t++)
                    emit[i * T + t] += w[t];
        }
    }
    int rc = tagger_viterbi(emit, m->trans, n, tags_out);
    free(emit);
    return rc;
}
