/* Unit tests of the names tagger (src/extract/tagger.h): a tiny model
 * written by hand, Viterbi's BIO constraints, clear errors for bad model
 * files, and deterministic tagging of an invented sentence by the shipped
 * model. Nothing is trained here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "extract/tagger.h"

#define T TAGGER_TAG_COUNT

static char tmpdir[] = "/tmp/bayan-test-tagger-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static bool has_key(const uint64_t *k, size_t n, uint64_t key)
{
    for (size_t i = 0; i < n; i++)
        if (k[i] == key)
            return true;
    return false;
}

/* An invented sentence: "قال سامر امس" (folded), the middle word a name. */
static const tagger_token sentence[] = {
    {"\xd9\x82\xd8\xa7\xd9\x84", 0},                         /* قال */
    {"\xd8\xb3\xd8\xa7\xd9\x85\xd8\xb1", 0},                 /* سامر */
    {"\xd8\xa7\xd9\x85\xd8\xb3", 0},                         /* امس */
};

/* Writes a model whose features of token 1 alone vote B-PERS and those of
 * tokens 0 and 2 alone vote O; returns its path (static buffer). */
static const char *write_tiny(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    uint64_t f[3][TAGGER_MAX_FEATURES];
    size_t nf[3];
    for (size_t i = 0; i < 3; i++) {
        nf[i] = tagger_features(sentence, 3, i, f[i]);
        assert_true(nf[i] > 10 && nf[i] <= TAGGER_MAX_FEATURES);
    }
    uint64_t keys[3 * TAGGER_MAX_FEATURES];
    size_t n = 0;
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < nf[i]; j++)
            if (!has_key(keys, n, f[i][j]))
                keys[n++] = f[i][j];
    qsort(keys, n, sizeof *keys, cmp_u64);
    float *w = calloc(n * T, sizeof *w);
    assert_non_null(w);
    for (size_t k = 0; k < n; k++) {
        bool in1 = has_key(f[1], nf[1], keys[k]);
        bool in02 = has_key(f[0], nf[0], keys[k]) ||
                    has_key(f[2], nf[2], keys[k]);
        if (in1 && !in02)
            w[k * T + TAGGER_B_PERS] = 1;
        else if (in02 && !in1)
            w[k * T + TAGGER_O] = 1;
    }
    float trans[(T + 1) * T] = {0};
    char err[256];
    assert_int_equal(tagger_write(path, "command: hand-written\n", keys, w, n,
                                  trans, err, sizeof err), 0);
    free(w);
    return path;
}

static void test_tiny_model(void **state)
{
    (void)state;
    const char *path = write_tiny("tiny.tagger");
    tagger_model *m = NULL;
    char err[256] = "";
    assert_int_equal(tagger_load(path, &m, err, sizeof err), 0);
    assert_non_null(m);
    assert_string_equal(tagger_header(m, "command"), "hand-written");
    assert_null(tagger_header(m, "nothing"));
    int tags[3];
    assert_int_equal(tagger_tag(m, sentence, 3, tags), 0);
    assert_int_equal(tags[0], TAGGER_O);
    assert_int_equal(tags[1], TAGGER_B_PERS);
    assert_int_equal(tags[2], TAGGER_O);
    assert_int_equal(tagger_tag(m, sentence, 0, tags), 0);
    tagger_free(m);
    tagger_free(NULL);
}

/* Viterbi never starts a name with I-X nor puts I-X after another type. */
static void test_viterbi_bio(void **state)
{
    (void)state;
    float emit[3 * T] = {0}, trans[(T + 1) * T] = {0};
    emit[0 * T + TAGGER_I_PERS] = 5; /* I at the start: not allowed */
    emit[1 * T + TAGGER_B_LOC] = 5;
    emit[2 * T + TAGGER_I_ORG] = 5; /* I-ORG after B-LOC: not allowed */
    emit[2 * T + TAGGER_I_LOC] = 1;
    int tags[3];
    assert_int_equal(tagger_viterbi(emit, trans, 3, tags), 0);
    assert_int_not_equal(tags[0], TAGGER_I_PERS);
    assert_int_equal(tags[1], TAGGER_B_LOC);
    assert_int_equal(tags[2], TAGGER_I_LOC);
    assert_string_equal(tagger_tag_name(TAGGER_I_MISC), "I-MISC");
    assert_int_equal(tagger_tag_from_name("B-ORG"), TAGGER_B_ORG);
    assert_int_equal(tagger_tag_type(TAGGER_I_LOC), 2);
}

/* Affixes count code points: a one-letter Arabic token (two bytes) and an
 * empty form give features without reading out of bounds. */
static void test_features_edges(void **state)
{
    (void)state;
    tagger_token toks[] = {{"\xd9\x88", TAGGER_F_ROLE}, {"", 0},
                           {"abc", 0xffffffffu}};
    uint64_t k[TAGGER_MAX_FEATURES], k2[TAGGER_MAX_FEATURES];
    for (size_t i = 0; i < 3; i++) {
        size_t n = tagger_features(toks, 3, i, k);
        assert_true(n > 0 && n <= TAGGER_MAX_FEATURES);
        assert_int_equal(tagger_features(toks, 3, i, k2), n);
        assert_memory_equal(k, k2, n * sizeof *k);
    }
}

/* The keys of a token's whole form come first and change with the form;
 * tagger_features gives the same keys in the same order. */
static void test_features_split(void **state)
{
    (void)state;
    tagger_token a[] = {{"\xd9\x82\xd8\xa7\xd9\x84", 0},         /* قال */
                        {"\xd8\xb3\xd8\xa7\xd9\x85\xd8\xb1", 0}, /* سامر */
                        {".", 0}};
    tagger_token b[3] = {a[0], {"\xd8\xb3\xd8\xa7\xd9\x84\xd9\x85", 0}, /* سالم */
                         a[2]};
    uint64_t ka[TAGGER_MAX_FEATURES], kb[TAGGER_MAX_FEATURES],
        kf[TAGGER_MAX_FEATURES];
    size_t ida, idb;
    size_t na = tagger_features_split(a, 3, 1, ka, &ida);
    size_t nb = tagger_features_split(b, 3, 1, kb, &idb);
    assert_int_equal(tagger_features(a, 3, 1, kf), na);
    assert_memory_equal(ka, kf, na * sizeof *ka);
    assert_true(ida >= 3 && ida < na && idb >= 3);
    for (size_t i = 0; i < ida; i++)
        assert_false(has_key(kb, nb, ka[i]));
    /* the bias and the neighbours' forms do not depend on the token */
    size_t shared = 0;
    for (size_t i = ida; i < na; i++)
        shared += has_key(kb, nb, ka[i]);
    assert_true(shared >= 5);
}

/* The document's history: a word tagged as a person in one sentence is
 * flagged in the others (behind a proclitic too), not in its own, not
 * beyond the window, and not when it is shorter than three letters. */
static void test_history(void **state)
{
    (void)state;
    const char *rums = "\xd8\xb1\xd8\xa7\xd9\x85\xd8\xb3\xd9\x81\xd9\x8a"
                       "\xd9\x84\xd8\xaf"; /* رامسفيلد */
    char wrums[64];
    snprintf(wrums, sizeof wrums, "\xd9\x88%s", rums); /* ورامسفيلد */
    const char *qal = "\xd9\x82\xd8\xa7\xd9\x84"; /* قال */
    const char *ab = "\xd8\xa7\xd8\xa8";          /* اب */
    enum { FAR = TAGGER_HISTORY_WINDOW + 2 };
    /* sentence 0: قال رامسفيلد اب; 1: ورامسفيلد اب; FAR: رامسفيلد */
    tagger_token toks[] = {{qal, 0}, {rums, 0}, {ab, 0},
                           {wrums, 0}, {ab, 0}, {rums, 0}};
    int tags[] = {TAGGER_O, TAGGER_B_PERS, TAGGER_B_LOC,
                  TAGGER_O, TAGGER_B_LOC, TAGGER_O};
    size_t sent[] = {0, 0, 0, 1, 1, FAR};
    unsigned hist[6];
    assert_int_equal(tagger_history(toks, tags, sent, 6, hist), 0);
    assert_int_equal(hist[3], TAGGER_F_HIST_PERS); /* ورامسفيلد */
    assert_int_equal(hist[1], 0);                  /* its own sentence */
    assert_int_equal(hist[5], 0);                  /* too far */
    assert_int_equal(hist[4], 0);                  /* two letters */
    assert_int_equal(hist[0], 0);
}

static void write_bytes(const char *path, const void *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

static unsigned char *read_bytes(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char *b = malloc(1 << 20);
    assert_non_null(b);
    *n = fread(b, 1, 1 << 20, f);
    fclose(f);
    return b;
}

static void expect_error(const char *path, const char *fragment)
{
    tagger_model *m = (tagger_model *)1;
    char err[512] = "";
    assert_int_equal(tagger_load(path, &m, err, sizeof err), -1);
    assert_null(m);
    if (!strstr(err, fragment) || !strstr(err, path))
        fail_msg("error \"%s\" lacks \"%s\" or the path", err, fragment);
}

static void test_bad_files(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/absent.tagger", tmpdir);
    expect_error(path, "No such file");

    snprintf(path, sizeof path, "%s/wrong.tagger", tmpdir);
    write_bytes(path, "bayan-tagger 9\n\n", 16);
    expect_error(path, "not a bayan tagger model");
    write_bytes(path, "", 0);
    expect_error(path, "not a bayan tagger model");

    size_t n;
    unsigned char *good = read_bytes(write_tiny("good.tagger"), &n);
    snprintf(path, sizeof path, "%s/cut.tagger", tmpdir);
    write_bytes(path, good, n - 7); /* truncated in the weights */
    expect_error(path, "truncated");
    write_bytes(path, good, 40); /* truncated in the header */
    expect_error(path, "truncated");

    snprintf(path, sizeof path, "%s/flip.tagger", tmpdir);
    size_t data = (size_t)(strstr((char *)good, "\n\n") - (char *)good) + 2;
    good[data + 20] ^= 0x40; /* a transition weight changed */
    write_bytes(path, good, n);
    expect_error(path, "checksum");
    good[data + 20] ^= 0x40;

    /* another tag set */
    char *tags = strstr((char *)good, "tags: O");
    assert_non_null(tags);
    tags[6] = 'X';
    snprintf(path, sizeof path, "%s/tags.tagger", tmpdir);
    write_bytes(path, good, n);
    expect_error(path, "tags");
    free(good);
}

/* The shipped model tags an invented sentence the same way every time and
 * as a valid BIO sequence, and finds the person and the city in it. */
static void test_shipped_model(void **state)
{
    (void)state;
    const char *dir = getenv("BAYAN_ONTOLOGY_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/models/names.tagger", dir ? dir : "ontology");
    if (access(path, R_OK) != 0)
        skip();
    tagger_model *m = NULL;
    char err[512];
    if (tagger_load(path, &m, err, sizeof err) != 0)
        fail_msg("%s", err);
    assert_non_null(tagger_header(m, "epochs"));
    assert_true(tagger_feature_count(m) > 1000);
    /* "التقى وزير الخارجية سامي بن عمر نظيره الفرنسي في باريس ." folded,
     * with the flags tools/tagger/flags.c gives it */
    const tagger_token toks[] = {
        {"التقي", 0},
        {"وزير", TAGGER_F_ROLE},
        {"الخارجيه", 0},
        {"سامي", 0},
        {"بن", TAGGER_F_PARTICLE},
        {"عمر", 0},
        {"نظيره", TAGGER_F_ROLE},
        {"الفرنسي", TAGGER_F_STATE},
        {"في", 0},
        {"باريس", TAGGER_F_CITY},
        {".", 0},
    };
    size_t n = sizeof toks / sizeof toks[0];
    int a[11], b[11];
    assert_int_equal(tagger_tag(m, toks, n, a), 0);
    assert_int_equal(tagger_tag(m, toks, n, b), 0);
    assert_memory_equal(a, b, sizeof a);
    if (getenv("TAGGER_TEST_VERBOSE"))
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "%s/%s ", toks[i].form, tagger_tag_name(a[i]));
    for (size_t i = 0; i < n; i++) {
        assert_true(a[i] >= 0 && a[i] < T);
        if (a[i] != TAGGER_O && !tagger_tag_begins(a[i]))
            assert_true(i > 0 && tagger_tag_type(a[i - 1]) ==
                                     tagger_tag_type(a[i]));
    }
    assert_int_equal(a[3], TAGGER_B_PERS);
    assert_int_equal(a[4], TAGGER_I_PERS);
    assert_int_equal(a[5], TAGGER_I_PERS);
    assert_int_equal(a[9], TAGGER_B_LOC);
    tagger_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tiny_model),
        cmocka_unit_test(test_viterbi_bio),
        cmocka_unit_test(test_features_edges),
        cmocka_unit_test(test_features_split),
        cmocka_unit_test(test_history),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_shipped_model),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
