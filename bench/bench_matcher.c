/* Matcher benchmark: throughput of match_lexicon with the shipped lexicon
 * and with it inflated by synthetic entries (by default 10x and 100x its
 * number of forms). The compiled matcher's cost per token should not grow
 * with the lexicon, so the figures should stay about flat.
 *
 * usage: bench_matcher LEXICON_DIR ROUNDS FACTOR... -- INPUT_DIR...
 * Each INPUT_DIR's *.txt files are read and analysed once (not timed);
 * then match_lexicon runs over all of them ROUNDS times per lexicon. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/engine.h"
#include "extract/extract.h"
#include "lexicon/lexicon.h"
#include "core/utf8.h"

typedef struct doc_set {
    text_doc *docs;
    text_analysis *an;
    size_t count, bytes, tokens;
} doc_set;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static void add_dir(const bayan_engine *e, const char *dir, doc_set *set)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        size_t k = strlen(ent->d_name);
        if (k < 5 || strcmp(ent->d_name + k - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        size_t len;
        char *bytes = slurp(path, &len);
        if (!bytes)
            continue;
        set->docs = realloc(set->docs, (set->count + 1) * sizeof *set->docs);
        set->an = realloc(set->an, (set->count + 1) * sizeof *set->an);
        text_doc *doc = &set->docs[set->count];
        if (text_decode(&e->text, path, bytes, len, doc) == BAYAN_OK &&
            text_analyze(doc, &set->an[set->count]) == BAYAN_OK) {
            set->bytes += doc->length;
            set->tokens += set->an[set->count].token_count;
            set->count++;
        }
        free(bytes);
    }
    closedir(d);
}

/* xorshift64: deterministic synthetic names. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Appends a random Arabic word of 5 to 8 letters (U+0628..U+064A): long
 * enough that it almost never equals a word of real text, so that the
 * mentions found stay those of the real lexicon. */
static size_t random_word(uint64_t *rng, char *out)
{
    size_t n = 5 + next_random(rng) % 4, w = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = 0x0628 + (uint32_t)(next_random(rng) % 35);
        if (cp > 0x063a && cp < 0x0641)
            cp = 0x0645;
        w += utf8_encode(cp, out + w);
    }
    return w;
}

/* Writes count synthetic organizations into path. Half start with the
 * first word of a real form, so that walks go deeper than one token. */
static void write_synthetic(const lexicon *lex, size_t count, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fputs("@prefix bayan: <https://w3id.org/bayan/ontology#> .\n"
          "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n",
          f);
    size_t nforms;
    const lexicon_form *forms = lexicon_forms(lex, &nforms);
    uint64_t rng = 0x9e3779b97f4a7c15u;
    char name[512];
    for (size_t i = 0; i < count; i++) {
        size_t w = 0;
        if (i % 2 && nforms) {
            const char *real = forms[next_random(&rng) % nforms].form;
            size_t k = strcspn(real, " ");
            memcpy(name, real, k);
            w = k;
            name[w++] = ' ';
        }
        size_t words = 1 + next_random(&rng) % 3;
        for (size_t j = 0; j < words; j++) {
            w += random_word(&rng, name + w);
            name[w++] = ' ';
        }
        name[w - 1] = '\0';
        fprintf(f, "<syn/%zu> a bayan:Organization ; rdfs:label \"%s\"@ar .\n",
                i, name);
    }
    fclose(f);
}

/* Links (or, with unlink, removes the links to) every .ttl file of lexdir
 * in dir. */
static void link_ttl_files(const char *lexdir, const char *dir, bool unlink)
{
    DIR *d = opendir(lexdir);
    if (!d)
        return;
    struct dirent *ent;
    char from[4096], to[4096];
    while ((ent = readdir(d)) != NULL) {
        size_t k = strlen(ent->d_name);
        if (k < 5 || strcmp(ent->d_name + k - 4, ".ttl") != 0)
            continue;
        snprintf(from, sizeof from, "%s/%s", lexdir, ent->d_name);
        snprintf(to, sizeof to, "%s/%s", dir, ent->d_name);
        if (unlink)
            remove(to);
        else if (symlink(from, to) != 0)
            perror(to);
    }
    closedir(d);
}

/* Loads LEXICON_DIR's files plus synthetic ones: (factor - 1) times as many
 * forms as the real lexicon has. */
static lexicon *inflated(const bayan_engine *e, const char *lexdir,
                         size_t factor, double *load_s)
{
    char dir[] = "/tmp/bayan-bench-matcher-XXXXXX";
    if (!mkdtemp(dir))
        return NULL;
    link_ttl_files(lexdir, dir, false);
    size_t nforms;
    lexicon_forms(e->lexicon, &nforms);
    char to[4096];
    snprintf(to, sizeof to, "%s/synthetic.ttl", dir);
    if (factor > 1)
        write_synthetic(e->lexicon, (factor - 1) * nforms, to);
    lexicon *lex = NULL;
    double t0 = now();
    if (lexicon_load(&e->reporter, e->base, dir, &lex) != BAYAN_OK)
        lex = NULL;
    *load_s = now() - t0;
    remove(to);
    link_ttl_files(lexdir, dir, true);
    rmdir(dir);
    return lex;
}

static void run(bayan_engine *e, const doc_set *set, size_t factor,
                lexicon *lex, double load_s, long rounds)
{
    lexicon *saved = e->lexicon;
    e->lexicon = lex;
    e->extract.lexicon = lex;
    size_t mentions = 0;
    double t0 = now();
    for (long r = 0; r < rounds; r++) {
        for (size_t i = 0; i < set->count; i++) {
            extraction x = {.env = &e->extract, .doc = &set->docs[i], .a = set->an[i]};
            if (match_lexicon(&x) != BAYAN_OK)
                fprintf(stderr, "match failed\n");
            mentions += x.mention_count;
            free(x.mentions);
        }
    }
    double s = now() - t0;
    size_t forms, blocks;
    lexicon_forms(lex, &forms);
    lexicon_blocking_forms(lex, &blocks);
    printf("| %3zux | %7zu | %7zu | %6.2f s | %6.3f s | %6.1f MB/s | "
           "%5.2f M tok/s | %zu |\n",
           factor, forms + blocks, trie_node_count(lexicon_trie(lex)), load_s,
           s, (double)set->bytes * (double)rounds / s / 1e6,
           (double)set->tokens * (double)rounds / s / 1e6,
           mentions / (size_t)rounds);
    e->lexicon = saved;
    e->extract.lexicon = saved;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: %s LEXICON_DIR ROUNDS FACTOR... -- DIR...\n",
                argv[0]);
        return 2;
    }
    bayan_engine *e;
    if (bayan_engine_new(NULL, &e) != BAYAN_OK)
        return 1;
    long rounds = atol(argv[2]);
    int sep = 3;
    while (sep < argc && strcmp(argv[sep], "--") != 0)
        sep++;
    doc_set set = {0};
    for (int i = sep + 1; i < argc; i++)
        add_dir(e, argv[i], &set);
    printf("%zu documents, %.2f MB, %zu tokens, %ld rounds\n\n", set.count,
           (double)set.bytes / 1e6, set.tokens, rounds);
    printf("| lexicon | forms | trie nodes | load | match | throughput | "
           "tokens | mentions/round |\n|---|---|---|---|---|---|---|---|\n");
    for (int i = 3; i < sep; i++) {
        size_t factor = (size_t)atol(argv[i]);
        double load_s;
        lexicon *lex = inflated(e, argv[1], factor, &load_s);
        if (!lex) {
            fprintf(stderr, "cannot load the %zux lexicon\n", factor);
            continue;
        }
        run(e, &set, factor, lex, load_s, rounds);
        lexicon_free(lex);
    }
    for (size_t i = 0; i < set.count; i++) {
        text_analysis_clear(&set.an[i]);
        text_doc_clear(&set.docs[i]);
    }
    free(set.an);
    free(set.docs);
    bayan_engine_free(e);
    return 0;
}
