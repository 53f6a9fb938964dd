/* Reading ANERcorp and the gold into sentences; CoNLL span scoring. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "core/array.h"

bool corpus_add(corpus *c, char **forms, int *gold, size_t n,
                const tflags *f)
{
    if (n == 0)
        return true;
    if (!array_grow((void **)&c->s, c->n, &c->cap,
                    sizeof *c->s))
        return false;
    sentence *s = &c->s[c->n];
    s->n = n;
    s->forms = malloc(n * sizeof *s->forms);
    s->toks = malloc(n * sizeof *s->toks);
    s->gold = malloc(n * sizeof *s->gold);
    unsigned *flags = malloc(n * sizeof *flags);
    if (!s->forms || !s->toks || !s->gold || !flags) {
        free(s->forms);
        free(s->toks);
        free(s->gold);
        free(flags);
        return false;
    }
    memcpy(s->forms, forms, n * sizeof *forms);
    memcpy(s->gold, gold, n * sizeof *gold);
    tflags_compute(f, (const char *const *)forms, n, flags);
    for (size_t i = 0; i < n; i++) {
        s->toks[i].form = s->forms[i];
        s->toks[i].flags = flags[i];
    }
    free(flags);
    c->n++;
    c->tokens += n;
    return true;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                 s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

/* A punctuation mark that can end a chunk of a long sentence. */
static bool is_break(const char *tok)
{
    static const char *const marks[] = {",", ":", ";", "!", "?", "\"",
                                        "(", ")", "-", "\xd8\x9f",
                                        "\xd8\x9b", "\xd8\x8c"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strcmp(tok, marks[i]) == 0)
            return true;
    return false;
}

bool corpus_read_anercorp(corpus *c, const tflags *f, const char *path,
                          size_t first, size_t last, size_t chunk)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        perror(path);
        return false;
    }
    char line[4096];
    size_t lineno = 0, n = 0, cap = 256;
    char **forms = malloc(cap * sizeof *forms);
    int *gold = malloc(cap * sizeof *gold);
    bool ok = forms && gold;
    while (ok && fgets(line, sizeof line, in)) {
        lineno++;
        if (lineno < first)
            continue;
        if (last && lineno >= last)
            break;
        char *l = trim(line);
        char *sp = strrchr(l, ' ');
        if (!sp)
            continue; /* a tag alone: no token */
        *sp = '\0';
        int tag = tagger_tag_from_name(trim(sp + 1));
        char *tok = trim(l);
        if (!*tok)
            continue;
        if (tag < 0)
            tag = TAGGER_O;
        if (n == cap) {
            cap *= 2;
            char **nf = realloc(forms, cap * sizeof *forms);
            int *ng = realloc(gold, cap * sizeof *gold);
            if (nf)
                forms = nf;
            if (ng)
                gold = ng;
            if (!nf || !ng) {
                ok = false;
                break;
            }
        }
        if (!(forms[n] = tflags_fold(tok))) {
            ok = false;
            break;
        }
        gold[n++] = tag;
        if (strcmp(tok, ".") == 0 ||
            (chunk && n >= chunk && tag == TAGGER_O && is_break(forms[n - 1]))) {
            ok = corpus_add(c, forms, gold, n, f);
            n = 0;
        }
    }
    if (ok)
        ok = corpus_add(c, forms, gold, n, f);
    else
        for (size_t i = 0; i < n; i++)
            free(forms[i]);
    free(forms);
    free(gold);
    fclose(in);
    if (!ok)
        fprintf(stderr, "%s: out of memory\n", path);
    return ok;
}

void corpus_set_history(corpus *c, size_t first, size_t last,
                        int *const *tags)
{
    size_t n = 0;
    for (size_t j = first; j < last; j++)
        n += c->s[j].n;
    tagger_token *toks = calloc(n ? n : 1, sizeof *toks);
    int *flat = calloc(n ? n : 1, sizeof *flat);
    size_t *sent = calloc(n ? n : 1, sizeof *sent);
    unsigned *hist = calloc(n ? n : 1, sizeof *hist);
    if (!toks || !flat || !sent || !hist) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    size_t k = 0;
    for (size_t j = first; j < last; j++)
        for (size_t i = 0; i < c->s[j].n; i++, k++) {
            toks[k] = c->s[j].toks[i];
            flat[k] = tags ? tags[j - first][i] : TAGGER_O;
            sent[k] = j - first;
        }
    if (tags && tagger_history(toks, flat, sent, n, hist) != 0) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    k = 0;
    for (size_t j = first; j < last; j++)
        for (size_t i = 0; i < c->s[j].n; i++, k++)
            c->s[j].toks[i].flags =
                (c->s[j].toks[i].flags & ~TAGGER_F_HIST) | hist[k];
    free(toks);
    free(flat);
    free(sent);
    free(hist);
}

void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        for (size_t j = 0; j < c->s[i].n; j++)
            free(c->s[i].forms[j]);
        free(c->s[i].forms);
        free(c->s[i].toks);
        free(c->s[i].gold);
    }
    free(c->s);
    memset(c, 0, sizeof *c);
}

/* ---- scoring --------------------------------------------------------------- */

typedef struct span {
    size_t b, e;
    int type;
} span;

static size_t spans_of(const int *tags, size_t n, span *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        int ty = tagger_tag_type(tags[i]);
        if (ty == 0) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && !tagger_tag_begins(tags[j]) &&
               tagger_tag_type(tags[j]) == ty)
            j++;
        out[k++] = (span){i, j, ty};
        i = j;
    }
    return k;
}

void span_count(span_counts *c, const int *gold, const int *pred, size_t n)
{
    span *g = malloc((n + 1) * sizeof *g), *p = malloc((n + 1) * sizeof *p);
    if (!g || !p) {
        free(g);
        free(p);
        return;
    }
    size_t ng = spans_of(gold, n, g), np = spans_of(pred, n, p);
    size_t a = 0;
    for (size_t j = 0; j < np; j++) {
        while (a < ng && g[a].b < p[j].b)
            a++;
        bool hit = a < ng && g[a].b == p[j].b && g[a].e == p[j].e &&
                   g[a].type == p[j].type;
        if (hit) {
            c->tp[0]++;
            c->tp[p[j].type]++;
        } else {
            c->fp[0]++;
            c->fp[p[j].type]++;
        }
    }
    for (size_t j = 0; j < ng; j++) {
        c->gold[0]++;
        c->gold[g[j].type]++;
    }
    free(g);
    free(p);
}

double span_f1(const span_counts *c, int type, double *p, double *r)
{
    size_t tp = c->tp[type], fp = c->fp[type], fn = c->gold[type] - tp;
    *p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
    *r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
    return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

/* ---- the project's gold ------------------------------------------------------ */

typedef struct gname {
    int type;     /* 1 PERS, 2 LOC, 3 ORG */
    char **words; /* folded */
    size_t n;
} gname;

static bool is_punct_cp(unsigned cp)
{
    return (cp < 0x80 && cp > ' ' && !((cp >= '0' && cp <= '9') ||
                                       (cp >= 'a' && cp <= 'z') ||
                                       (cp >= 'A' && cp <= 'Z'))) ||
           cp == 0x60C || cp == 0x61B || cp == 0x61F || cp == 0xAB ||
           cp == 0xBB || (cp >= 0x2010 && cp <= 0x2027);
}

static unsigned decode(const char *s, size_t *k)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *k = 1;
        return u[0];
    }
    if ((u[0] & 0xE0) == 0xC0 && u[1]) {
        *k = 2;
        return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
    }
    if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2]) {
        *k = 3;
        return (unsigned)(u[0] & 0x0F) << 12 | (unsigned)(u[1] & 0x3F) << 6 |
               (u[2] & 0x3F);
    }
    *k = 1;
    while (s[*k] && ((unsigned char)s[*k] & 0xC0) == 0x80)
        (*k)++;
    return 0xFFFD;
}

/* Splits text into ANERcorp-like tokens (blanks separate, each punctuation
 * mark its own token); a token "\n" marks a line end. */
static size_t tokenize(const char *text, char ***out)
{
    size_t n = 0, cap = 256;
    char **v = malloc(cap * sizeof *v);
    const char *w = NULL;
    for (const char *p = text;; ) {
        size_t k = 0;
        unsigned cp = *p ? decode(p, &k) : 0;
        bool space = cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
                     cp == 0xA0;
        bool punct = cp && is_punct_cp(cp);
        if (w && (!cp || space || punct)) {
            if (n + 2 >= cap) {
                cap *= 2;
                v = realloc(v, cap * sizeof *v);
            }
            v[n++] = strndup(w, (size_t)(p - w));
            w = NULL;
        }
        if (!cp)
            break;
        if (n + 2 >= cap) {
            cap *= 2;
            v = realloc(v, cap * sizeof *v);
        }
        if (punct)
            v[n++] = strndup(p, k);
        else if (cp == '\n')
            v[n++] = strdup("\n");
        else if (!space && !w)
            w = p;
        p += k;
    }
    *out = v;
    return n;
}

static char *slurp_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    size_t got;
    while ((got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            b = realloc(b, cap + 1);
        }
    }
    fclose(f);
    b[n] = '\0';
    return b;
}

/* True when a LOC form is a nisba adjective (الفرنسي، الأمريكية): ANERcorp
 * leaves those O. */
static bool adjectival(const gname *g)
{
    const char *w = g->words[g->n - 1];
    size_t n = strlen(w);
    return (n >= 2 && strcmp(w + n - 2, "\xd9\x8a") == 0) ||
           (n >= 4 && strcmp(w + n - 4, "\xd9\x8a\xd9\x87") == 0);
}

static void gold_doc(corpus *c, const tflags *f, const char *path,
                     gname *names, size_t nn)
{
    char *text = slurp_text(path);
    if (!text) {
        perror(path);
        return;
    }
    char **raw;
    size_t nt = tokenize(text, &raw);
    free(text);
    char **forms = malloc((nt + 1) * sizeof *forms);
    int *tags = calloc(nt + 1, sizeof *tags);
    for (size_t i = 0; i < nt; i++)
        forms[i] = strcmp(raw[i], "\n") ? tflags_fold(raw[i]) : strdup("\n");
    /* persons first, then places and organizations, longest first */
    for (int type = 1; type <= 3; type++)
        for (size_t i = 0; i < nt; i++) {
            size_t best = 0;
            for (size_t g = 0; g < nn; g++) {
                if (names[g].type != type || names[g].n <= best ||
                    i + names[g].n > nt)
                    continue;
                if (type == 2 && adjectival(&names[g]))
                    continue;
                bool ok = tflags_reads_as(forms[i], names[g].words[0]);
                for (size_t k = 1; ok && k < names[g].n; k++)
                    ok = strcmp(forms[i + k], names[g].words[k]) == 0;
                for (size_t k = 0; ok && k < names[g].n; k++)
                    ok = tags[i + k] == 0;
                if (ok)
                    best = names[g].n;
            }
            for (size_t k = 0; k < best; k++)
                tags[i + k] = 2 * type - (k == 0);
            if (best)
                i += best - 1;
        }
    /* sentences: up to . ! ? ؟ or a line end; kept when they name a person */
    size_t b = 0;
    for (size_t i = 0; i <= nt; i++) {
        bool end = i == nt || strcmp(forms[i], "\n") == 0 ||
                   strcmp(forms[i], ".") == 0 || strcmp(forms[i], "!") == 0 ||
                   strcmp(forms[i], "?") == 0 ||
                   strcmp(forms[i], "\xd8\x9f") == 0;
        if (!end)
            continue;
        size_t e = i < nt && strcmp(forms[i], "\n") != 0 ? i + 1 : i;
        bool person = false;
        for (size_t k = b; k < e; k++)
            person |= tags[k] == TAGGER_B_PERS;
        if (person && e > b) {
            char **sf = malloc((e - b) * sizeof *sf);
            for (size_t k = b; k < e; k++) {
                sf[k - b] = forms[k];
                forms[k] = NULL;
            }
            corpus_add(c, sf, tags + b, e - b, f);
            free(sf);
        }
        b = i + 1;
    }
    for (size_t i = 0; i < nt; i++) {
        free(raw[i]);
        free(forms[i]);
    }
    free(raw);
    free(forms);
    free(tags);
}

bool corpus_read_gold(corpus *c, const tflags *f, const char *tsv_path)
{
    FILE *in = fopen(tsv_path, "r");
    if (!in) {
        perror(tsv_path);
        return false;
    }
    char line[4096], doc[4096] = "";
    gname *names = NULL;
    size_t nn = 0;
    size_t before = c->n;
    for (bool more = true; more;) {
        more = fgets(line, sizeof line, in) != NULL;
        if (more)
            line[strcspn(line, "\r\n")] = '\0';
        bool new_doc = !more || strncmp(line, "text\t", 5) == 0;
        if (new_doc) {
            if (doc[0])
                gold_doc(c, f, doc, names, nn);
            for (size_t g = 0; g < nn; g++) {
                for (size_t k = 0; k < names[g].n; k++)
                    free(names[g].words[k]);
                free(names[g].words);
            }
            free(names);
            names = NULL;
            nn = 0;
            if (more)
                snprintf(doc, sizeof doc, "%s", line + 5);
            continue;
        }
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = '\0';
        int type = !strcmp(line, "PERS") ? 1 : !strcmp(line, "LOC") ? 2
                 : !strcmp(line, "ORG") ? 3 : 0;
        char *folded = type ? tflags_fold(tab + 1) : NULL;
        if (!folded)
            continue;
        char **tw;
        size_t n = tokenize(folded, &tw);
        free(folded);
        if (n == 0) {
            free(tw);
            continue;
        }
        names = realloc(names, (nn + 1) * sizeof *names);
        names[nn++] = (gname){type, tw, n};
    }
    fclose(in);
    fprintf(stderr, "%s: %zu sentences with a person\n", tsv_path,
            c->n - before);
    return true;
}
