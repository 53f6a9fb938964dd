/* Reading ANERcorp and the gold into sentences; CoNLL span scoring. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

bool corpus_add(corpus *c, char **forms, int *gold, size_t n,
                const tflags *f)
{
    if (n == 0)
        return true;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        sentence *s = realloc(c->s, cap * sizeof *s);
        if (!s)
            return false;
        c->s = s;
        c->cap = cap;
    }
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

bool corpus_read_gold(corpus *c, const tflags *f, const char *tsv_path)
{
    (void)c;
    (void)f;
    fprintf(stderr, "%s: gold not supported yet\n", tsv_path);
    return false;
}
