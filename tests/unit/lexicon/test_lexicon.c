/* Unit tests of the lexicon: the shipped ontology/lexicon/ data loads, holds
 * every UN member and observer state in the agreed shape, and resolves the
 * surface forms the news uses to the expected entries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pthread.h>

#include "engine/engine.h"
#include "graph/graph.h"
#include "lexicon/lexicon.h"
#include "lexicon/person_cues.h"
#include "text/text.h"
#include "graph/vocab.h"

/* What the tests share: the engine and, per term id, its entity class. */
typedef struct fixture {
    bayan_engine *engine;
    const char **class_of; /* indexed by term id; NULL when not an entry */
    size_t term_limit;
} fixture;

static const char *entity_class(const term *t)
{
    for (size_t i = 0; i < VOCAB_ENTITY_CLASS_COUNT; i++)
        if (strcmp(t->value, VOCAB_ENTITY_CLASSES[i]) == 0)
            return VOCAB_ENTITY_CLASSES[i];
    return NULL;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(bayan_engine_new(NULL, &f->engine), BAYAN_OK);
    assert_non_null(f->engine->lexicon);
    const bayan_graph *g = lexicon_graph(f->engine->lexicon);
    size_t count;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++) {
        if (q[i].s >= f->term_limit)
            f->term_limit = q[i].s + 1;
        if (q[i].o >= f->term_limit)
            f->term_limit = q[i].o + 1;
    }
    f->class_of = calloc(f->term_limit ? f->term_limit : 1,
                         sizeof *f->class_of);
    assert_non_null(f->class_of);
    for (size_t i = 0; i < count; i++)
        if (strcmp(graph_term(g, q[i].p)->value, P_TYPE) == 0)
            f->class_of[q[i].s] = entity_class(graph_term(g, q[i].o));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bayan_engine_free(f->engine);
    free(f->class_of);
    free(f);
    return 0;
}

static bool has_class(const fixture *f, term_id id, const char *cls)
{
    return id < f->term_limit && f->class_of[id] &&
           strcmp(f->class_of[id], cls) == 0;
}

static void test_loads(void **state)
{
    const fixture *f = *state;
    size_t count;
    const lexicon_form *forms = lexicon_forms(f->engine->lexicon, &count);
    assert_non_null(forms);
    assert_true(count > 3000);
    /* Sorted by form, as the header promises (the matcher relies on it). */
    for (size_t i = 1; i < count; i++)
        assert_true(strcmp(forms[i - 1].form, forms[i].form) <= 0);
}

/* Counts, for subject s, its @ar and @en labels and finds its ISO code. */
static void state_shape(const bayan_graph *g, term_id s, int *ar, int *en,
                        const char **iso)
{
    size_t count;
    const quad *q = graph_quads(g, &count);
    *ar = *en = 0;
    *iso = NULL;
    for (size_t i = 0; i < count; i++) {
        if (q[i].s != s)
            continue;
        const char *p = graph_term(g, q[i].p)->value;
        const term *o = graph_term(g, q[i].o);
        if (strcmp(p, P_LABEL) == 0 && o->lang) {
            *ar += strcmp(o->lang, "ar") == 0;
            *en += strcmp(o->lang, "en") == 0;
        } else if (strcmp(p, P_ISO_CODE) == 0) {
            assert_null(*iso); /* exactly one code */
            *iso = o->value;
        }
    }
}

static void test_states(void **state)
{
    const fixture *f = *state;
    const bayan_graph *g = lexicon_graph(f->engine->lexicon);
    size_t states = 0;
    for (term_id s = 0; s < f->term_limit; s++) {
        if (!has_class(f, s, C_STATE))
            continue;
        int ar, en;
        const char *iso;
        state_shape(g, s, &ar, &en, &iso);
        assert_int_equal(ar, 1);
        assert_int_equal(en, 1);
        assert_non_null(iso);
        assert_int_equal(strlen(iso), 2);
        /* The IRI is <base>state/<ISO>, minted under the engine's base. */
        char expected[256];
        snprintf(expected, sizeof expected, "%sstate/%s",
                 bayan_engine_base(f->engine), iso);
        assert_string_equal(graph_term(g, s)->value, expected);
        states++;
    }
    assert_true(states >= 195);
}

/* Every city's containing place is a state of the lexicon. */
static void test_city_states(void **state)
{
    const fixture *f = *state;
    const bayan_graph *g = lexicon_graph(f->engine->lexicon);
    size_t count, cities = 0;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++) {
        if (strcmp(graph_term(g, q[i].p)->value, P_CONTAINED_IN) != 0)
            continue;
        assert_true(has_class(f, q[i].o, C_STATE));
        assert_true(has_class(f, q[i].s, C_CITY));
        cities++;
    }
    assert_true(cities >= 190);
}

/* The index of the first form equal to s, or -1. */
static long find_first(const lexicon_form *forms, size_t count, const char *s)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(forms[mid].form, s) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < count && strcmp(forms[lo].form, s) == 0 ? (long)lo : -1;
}

static void test_known_forms(void **state)
{
    static const struct {
        const char *form, *entity;
    } known[] = {
        {"العراق", "state/IQ"},
        {"الدنمارك", "state/DK"},
        {"الدانمرك", "state/DK"},
        {"الولايات المتحدة الأميركية", "state/US"},
        {"الولايات المتحدة الأمريكية", "state/US"},
        {"العراقية", "state/IQ"},
        {"العراقيين", "state/IQ"},
        {"الأميركي", "state/US"},
        {"السعودية", "state/SA"},
        {"جمهورية الكونغو الديمقراطية", "state/CD"},
        {"إفريقيا الوسطى", "state/CF"},
        {"الكوري الجنوبي", "state/KR"},
        {"روما", "city/rome"},
        {"بروكسل", "city/brussels"},
        {"عين العرب", "city/kobani"},
        {"الناتو", "org/nato"},
        {"يونامي", "org/unami"},
        {"واس", "org/spa"},
        {"كونا", "org/kuna"},
        {"داعش", "org/isis"},
        {"التحالف الدولي لهزيمة داعش", "org/global-coalition"},
        {"وزارة الخارجية الأمريكية", "org/us-state-department"},
        /* bodies built from a kind and a state (tools/org-parts.tsv): a
         * head with the state inside it, two genders of one body, a listed
         * name that keeps a built body's IRI, and a built body that meets
         * a listed one */
        {"بنك الكويت المركزي", "org/central-bank-kw"},
        {"البنك المركزي الكويتي", "org/central-bank-kw"},
        {"الوكالة الموريتانية للأنباء", "org/news-agency-mr"},
        {"جهاز المخابرات التركي", "org/intelligence-tr"},
        {"المخابرات التركية", "org/intelligence-tr"},
        {"وزارة التربية العراقية", "org/ministry-education-iq"},
        {"الكنيست", "org/parliament-il"},
        {"البرلمان الإسرائيلي", "org/parliament-il"},
        {"هيئة الأركان الأمريكية", "org/jcs"},
        {"هيئة الأركان المشتركة", "org/jcs"},
        {"مصرف العراق المركزي", "org/cbi"},
        /* spelling variants made by rule (gen_orgs.py) */
        {"مليشيا الحوثي", "org/houthis"},
        {"الجارديان", "org/guardian"},
        {"منظمة الأغذية والزراعة", "org/fao"},
        {"الأونروا", "org/unrwa"},
    };
    const fixture *f = *state;
    const bayan_graph *g = lexicon_graph(f->engine->lexicon);
    size_t count;
    const lexicon_form *forms = lexicon_forms(f->engine->lexicon, &count);
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
        char iri[256];
        snprintf(iri, sizeof iri, "%s%s", bayan_engine_base(f->engine),
                 known[k].entity);
        long i = find_first(forms, count, known[k].form);
        if (i < 0)
            fail_msg("form %s is not in the lexicon", known[k].form);
        bool found = false;
        for (size_t j = (size_t)i;
             j < count && strcmp(forms[j].form, known[k].form) == 0; j++)
            found = found ||
                    strcmp(graph_term(g, forms[j].entity)->value, iri) == 0;
        if (!found)
            fail_msg("form %s does not resolve to %s", known[k].form, iri);
    }
}

/* A form that names entries of two classes must be a known ambiguity: the
 * matcher settles those from context; any other one is a data error. */
static void test_no_cross_class_ambiguity(void **state)
{
    static const char *const known_ambiguous[] = {
        "عمان", /* Oman and Amman, once the marks are gone */
    };
    const size_t known_count = sizeof known_ambiguous / sizeof *known_ambiguous;
    const fixture *f = *state;
    size_t count;
    const lexicon_form *forms = lexicon_forms(f->engine->lexicon, &count);
    for (size_t i = 1; i < count; i++) {
        if (strcmp(forms[i - 1].form, forms[i].form) != 0 ||
            f->class_of[forms[i - 1].entity] == f->class_of[forms[i].entity])
            continue;
        bool listed = false;
        for (size_t k = 0; k < known_count; k++)
            listed = listed || strcmp(forms[i].form, known_ambiguous[k]) == 0;
        if (!listed)
            fail_msg("form %s names entries of two classes", forms[i].form);
    }
}

/* The lexicon's IRIs are relative: another base moves every entry. */
static void test_other_base(void **state)
{
    (void)state;
    bayan_options o = {.base_iri = "http://example.org/kg/"};
    bayan_engine *e = NULL;
    assert_int_equal(bayan_engine_new(&o, &e), BAYAN_OK);
    const bayan_graph *g = lexicon_graph(e->lexicon);
    assert_true(graph_find_iri(g, "http://example.org/kg/state/IQ") != 0);
    assert_true(graph_find_iri(g, "http://example.org/kg/city/rome") != 0);
    assert_true(graph_find_iri(g, "http://example.org/kg/org/nato") != 0);
    assert_int_equal(graph_find_iri(g, BAYAN_DEFAULT_BASE "state/IQ"), 0);
    bayan_engine_free(e);
}

/* A runner on threads, counting the tasks it started. */
typedef struct counted_task {
    pthread_t thread;
    void (*task)(void *);
    void *arg;
} counted_task;

static void *run_counted(void *arg)
{
    counted_task *t = arg;
    t->task(t->arg);
    return NULL;
}

static bool start_counted(void *user, void (*task)(void *), void *arg,
                          void **handle)
{
    counted_task *t = malloc(sizeof *t);
    assert_non_null(t);
    *t = (counted_task){.task = task, .arg = arg};
    assert_int_equal(pthread_create(&t->thread, NULL, run_counted, t), 0);
    ++*(size_t *)user;
    *handle = t;
    return true;
}

static void wait_counted(void *user, void *handle)
{
    (void)user;
    counted_task *t = handle;
    pthread_join(t->thread, NULL);
    free(t);
}

static void assert_same_forms(const lexicon_form *a, size_t na,
                              const lexicon_form *b, size_t nb)
{
    assert_int_equal(na, nb);
    for (size_t i = 0; i < na; i++) {
        assert_string_equal(a[i].form, b[i].form);
        assert_string_equal(a[i].folded, b[i].folded);
        assert_string_equal(a[i].iri, b[i].iri);
    }
}

/* The forms analysed half beside the loading thread give the lexicon and
 * the trie that one thread gives. */
static void test_loaded_beside(void **state)
{
    (void)state;
    const char *dir = getenv("BAYAN_ONTOLOGY_DIR");
    assert_non_null(dir);
    char lexdir[4096];
    snprintf(lexdir, sizeof lexdir, "%s/lexicon", dir);
    size_t started = 0;
    beside_runner runner = {&started, start_counted, wait_counted};
    lexicon *one = NULL, *two = NULL;
    assert_int_equal(lexicon_load(NULL, BAYAN_DEFAULT_BASE, lexdir, &one),
                     BAYAN_OK);
    assert_int_equal(lexicon_load_with(NULL, BAYAN_DEFAULT_BASE, lexdir,
                                       &runner, &two),
                     BAYAN_OK);
    assert_true(started > 10); /* the forms came in many chunks */
    size_t na, nb;
    const lexicon_form *a = lexicon_forms(one, &na);
    const lexicon_form *b = lexicon_forms(two, &nb);
    assert_same_forms(a, na, b, nb);
    a = lexicon_blocking_forms(one, &na);
    b = lexicon_blocking_forms(two, &nb);
    assert_same_forms(a, na, b, nb);
    const token_trie *ta = lexicon_trie(one), *tb = lexicon_trie(two);
    assert_int_equal(trie_node_count(ta), trie_node_count(tb));
    assert_int_equal(trie_token_count(ta), trie_token_count(tb));
    for (size_t k = 0; k < trie_node_count(ta); k++)
        assert_int_equal(trie_value(ta, (trie_node)k),
                         trie_value(tb, (trie_node)k));
    lexicon_free(one);
    lexicon_free(two);
}

/* The folded form of word (new; the test fails when folding fails). */
static char *folded(const char *word)
{
    char *f = NULL;
    assert_int_equal(text_fold_word(word, &f), BAYAN_OK);
    assert_non_null(f);
    return f;
}

/* A word of two cue lists is found in both and in no other; n bytes of a
 * longer string are that many bytes, not the string. */
static void test_cue_lists(void **state)
{
    const person_cues *c = ((fixture *)*state)->engine->person_words;
    char *government = folded("حكومة"), *minister = folded("وزيرة");
    size_t gn = strlen(government);
    assert_true(cue_is(c, CUE_ROLE_WORD, government, gn));
    assert_true(cue_is(c, CUE_BODY, government, gn));
    assert_false(cue_is(c, CUE_HEAD, government, gn));
    assert_false(cue_is(c, CUE_ROLE_WORD, government, gn - 2));
    assert_true(cue_is(c, CUE_HEAD, minister, strlen(minister)));
    assert_false(cue_is(c, CUE_HEAD, minister, 0));
    free(government);
    free(minister);
}

/* cue_kinds_split reads a token as cue_is_split does, for every list at
 * once: a proclitic before a word of two lists gives both bits. */
static void test_cue_kinds_split(void **state)
{
    const person_cues *c = ((fixture *)*state)->engine->person_words;
    const char *tokens[] = {"وحكومة", "للوزير", "الشيخ", "نظيره", "كتاب",
                            "وبن"};
    unsigned all = (1u << CUE_KIND_COUNT) - 1;
    for (size_t i = 0; i < sizeof tokens / sizeof *tokens; i++) {
        char *t = folded(tokens[i]);
        size_t n = strlen(t);
        unsigned want = 0;
        for (int k = 0; k < CUE_KIND_COUNT; k++)
            if (cue_is_split(c, (cue_kind)k, t, n, NULL))
                want |= 1u << k;
        assert_int_equal(cue_kinds_split(c, all, t, n), want);
        assert_int_equal(cue_kinds_split(c, 1u << CUE_HEAD, t, n),
                         want & (1u << CUE_HEAD));
        free(t);
    }
    char *t = folded("وحكومة");
    assert_int_equal(cue_kinds_split(c, all, t, strlen(t)),
                     1u << CUE_ROLE_WORD | 1u << CUE_BODY);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads),
        cmocka_unit_test(test_states),
        cmocka_unit_test(test_city_states),
        cmocka_unit_test(test_known_forms),
        cmocka_unit_test(test_no_cross_class_ambiguity),
        cmocka_unit_test(test_other_base),
        cmocka_unit_test(test_loaded_beside),
        cmocka_unit_test(test_cue_lists),
        cmocka_unit_test(test_cue_kinds_split),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
