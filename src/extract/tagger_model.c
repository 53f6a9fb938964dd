/* A trained sequence tagger for names: the model file (writing, loading,
 * checking) and Viterbi decoding (see tagger.h). Standard C only. */
#include "extract/tagger.h"

#include <errno.h>
#include <float.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T TAGGER_TAG_COUNT

/* ---- model --------------------------------------------------------------- */

struct tagger_model {
    size_t nfeat;
    uint64_t *keys;   /* sorted */
    float *weights;   /* nfeat * T */
    uint32_t *slots;  /* open addressing over keys: index + 1, 0 empty */
    size_t mask;      /* slots has mask + 1 entries, a power of two */
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
        ok = fprintf(f, " %s", tagger_tag_name(t)) >= 0;
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
    free(m->slots);
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

/* The slot of key in m->slots: its own, or the empty one where it would
 * go. The keys are already mixed over 64 bits (tagger.c), so their low
 * bits index the table directly. */
static size_t slot_of(const tagger_model *m, uint64_t key)
{
    size_t s = (size_t)key & m->mask;
    while (m->slots[s] && m->keys[m->slots[s] - 1] != key)
        s = (s + 1) & m->mask;
    return s;
}

/* Indexes the keys for lookup: a hash table at most half full. Most keys
 * of a text are not in the model, and a binary search over 200,000 keys
 * to learn it was the tagger's largest cost. */
static bool index_keys(tagger_model *m)
{
    size_t size = 2;
    while (size < 2 * m->nfeat)
        size *= 2;
    m->slots = calloc(size, sizeof *m->slots);
    if (!m->slots)
        return false;
    m->mask = size - 1;
    for (size_t i = 0; i < m->nfeat; i++)
        m->slots[slot_of(m, m->keys[i])] = (uint32_t)(i + 1);
    return true;
}

static const float *lookup(const tagger_model *m, uint64_t key)
{
    uint32_t i = m->slots[slot_of(m, key)];
    return i ? m->weights + (size_t)(i - 1) * T : NULL;
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
        strcat(expect, tagger_tag_name(t));
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
    if (!index_keys(m)) {
        set_err(err, errlen, "%s: out of memory", path);
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

/* Adds the weights of the nk keys to the scores e of one token, in order. */
static void add_weights(const tagger_model *m, const uint64_t *keys,
                        size_t nk, float *e)
{
    for (size_t k = 0; k < nk; k++) {
        const float *w = lookup(m, keys[k]);
        if (w)
            for (int t = 0; t < T; t++)
                e[t] += w[t];
    }
}

void tagger_emissions_plain(const tagger_model *m, const tagger_token *toks,
                            size_t n, float *plain)
{
    uint64_t keys[TAGGER_MAX_FEATURES];
    for (size_t i = 0; i < n; i++) {
        for (int t = 0; t < T; t++)
            plain[i * T + t] = 0;
        size_t nk = tagger_features_plain(toks, n, i, keys, NULL);
        add_weights(m, keys, nk, plain + i * T);
    }
}

void tagger_emissions_flagged(const tagger_model *m, const tagger_token *toks,
                              size_t n, const float *plain, float *emit)
{
    uint64_t keys[TAGGER_MAX_FEATURES];
    for (size_t i = 0; i < n; i++) {
        memmove(emit + i * T, plain + i * T, T * sizeof *emit);
        size_t nk = tagger_features_flagged(toks, n, i, keys);
        add_weights(m, keys, nk, emit + i * T);
    }
}

int tagger_emissions(const tagger_model *m, const tagger_token *toks,
                     size_t n, float *emit)
{
    tagger_emissions_plain(m, toks, n, emit);
    tagger_emissions_flagged(m, toks, n, emit, emit);
    return 0;
}

const float *tagger_transitions(const tagger_model *m)
{
    return m->trans;
}

float tagger_path_score(const float *emit, const float *trans, size_t n,
                        const int *tags)
{
    float s = 0;
    for (size_t i = 0; i < n; i++) {
        int prev = i ? tags[i - 1] : -1;
        s += trans[(prev + 1) * T + tags[i]] + emit[i * T + tags[i]];
    }
    return s;
}

int tagger_tag(const tagger_model *m, const tagger_token *toks, size_t n,
               int *tags_out)
{
    if (n == 0)
        return 0;
    float *emit = malloc(n * T * sizeof *emit);
    if (!emit) {
        for (size_t i = 0; i < n; i++)
            tags_out[i] = TAGGER_O;
        return -1;
    }
    tagger_emissions(m, toks, n, emit);
    int rc = tagger_viterbi(emit, m->trans, n, tags_out);
    free(emit);
    return rc;
}
