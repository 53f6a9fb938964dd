/* Unit tests of text/morph.c, the hunspell-ar wrapper: the stems and
 * readings of typical words of meeting news (invented examples), and, as
 * tests of the current behaviour, where hunspell-ar's answer is wrong for a
 * word this project cares about. Every test skips when the dictionary is
 * not installed ($BAYAN_HUNSPELL_DIR, else /usr/share/hunspell). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon/cues.h"
#include "text/morph.h"
#include "text/text.h"

static char aff_path[1024], dic_path[1024];

static bool have_dictionary(void)
{
    const char *dir = getenv("BAYAN_HUNSPELL_DIR");
    if (!dir || !*dir)
        dir = "/usr/share/hunspell";
    snprintf(aff_path, sizeof aff_path, "%s/ar.aff", dir);
    snprintf(dic_path, sizeof dic_path, "%s/ar.dic", dir);
    FILE *a = fopen(aff_path, "rb"), *d = fopen(dic_path, "rb");
    bool ok = a && d;
    if (a)
        fclose(a);
    if (d)
        fclose(d);
    return ok;
}

/* The whole dictionary, once for the file (it takes half a second). */
static int open_all(void **state)
{
    morph *m = NULL;
    if (have_dictionary())
        assert_int_equal(morph_open(aff_path, dic_path, &m), BAYAN_OK);
    *state = m;
    return 0;
}

static int close_all(void **state)
{
    morph_free(*state);
    return 0;
}

#define NEED_DICTIONARY(m)                                                 \
    do {                                                                   \
        if (!(m))                                                          \
            skip();                                                        \
    } while (0)

/* True when word has stem among its stems. */
static bool has_stem(const morph *m, const char *word, const char *stem)
{
    char **list;
    size_t n;
    assert_int_equal(morph_stems(m, word, &list, &n), BAYAN_OK);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        found = found || strcmp(list[i], stem) == 0;
    morph_list_free(list, n);
    return found;
}

static size_t stem_count(const morph *m, const char *word)
{
    char **list;
    size_t n;
    assert_int_equal(morph_stems(m, word, &list, &n), BAYAN_OK);
    morph_list_free(list, n);
    return n;
}

/* ---- the right answers ---------------------------------------------------- */

static void test_nouns(void **state)
{
    const morph *m = *state;
    NEED_DICTIONARY(m);
    /* plural, attached pronouns, proclitics, the article */
    assert_true(has_stem(m, "اجتماعات", "اجتماع"));
    assert_true(has_stem(m, "اجتماعهم", "اجتماع"));
    assert_true(has_stem(m, "واجتماعاتهم", "اجتماع"));
    assert_true(has_stem(m, "للاجتماع", "اجتماع"));
    assert_true(has_stem(m, "مؤتمرات", "مؤتمر"));
    assert_true(has_stem(m, "لقائهما", "لقاء")); /* hamza on a seat */
    assert_true(has_stem(m, "زيارات", "زيارة"));  /* teh marbuta */
    assert_true(has_stem(m, "مباحثاتهما", "مباحثة"));
    /* tanween, before or after the alef, and tatweel */
    assert_true(has_stem(m, "اجتماعاً", "اجتماع"));
    assert_true(has_stem(m, "اجتماعًا", "اجتماع"));
    assert_true(has_stem(m, "اجتمـاع", "اجتماع"));
}

static void test_verbs(void **state)
{
    const morph *m = *state;
    NEED_DICTIONARY(m);
    assert_true(has_stem(m, "اجتمعوا", "اجتمع"));
    assert_true(has_stem(m, "التقت", "التقى"));
    assert_true(has_stem(m, "ترأسته", "ترأس"));
    assert_true(has_stem(m, "استقبلت", "استقبل"));

    /* the imperfect says so: سيجتمع is not a meeting that was held */
    morph_analysis *a;
    size_t n;
    assert_int_equal(morph_analyze(m, "سيجتمع", &a, &n), BAYAN_OK);
    assert_int_equal(n, 1);
    assert_string_equal(a[0].stem, "اجتمع");
    assert_true(a[0].imperfect);
    morph_analyses_free(a, n);
    assert_int_equal(morph_analyze(m, "اجتمعوا", &a, &n), BAYAN_OK);
    assert_true(n >= 1);
    for (size_t i = 0; i < n; i++)
        assert_false(a[i].imperfect);
    morph_analyses_free(a, n);
}

static void test_is_word(void **state)
{
    const morph *m = *state;
    NEED_DICTIONARY(m);
    assert_true(morph_is_word(m, "اجتماع"));
    assert_true(morph_is_word(m, "والاجتماعات"));
    assert_false(morph_is_word(m, "زبرقوني")); /* an invented name */
    assert_false(morph_is_word(m, ""));
    assert_false(morph_is_word(m, NULL));
    assert_false(morph_is_word(NULL, "اجتماع"));
    char longword[MORPH_MAX_WORD + 8];
    memset(longword, 'a', sizeof longword - 1);
    longword[sizeof longword - 1] = '\0';
    assert_false(morph_is_word(m, longword));
    assert_int_equal(stem_count(m, "زبرقوني"), 0);
}

/* ---- where hunspell-ar is wrong (or unhelpful) for this project ------------
 * These assert what the dictionary answers today; callers work around it.
 * A test that starts failing means a newer dictionary changed its answer:
 * check the workaround (named in each comment) still makes sense. */

static void test_quirks(void **state)
{
    const morph *m = *state;
    NEED_DICTIONARY(m);
    /* WRONG: the nisba adjective الاجتماعي ("social") also stems to
     * اجتماع, read as "my meeting" with the article, which Arabic does not
     * allow; likewise الاجتماعية. cues.c takes a stem only when what
     * follows it is a pronoun or a person ending (inflection_of). */
    assert_true(has_stem(m, "الاجتماعي", "اجتماع"));
    assert_true(has_stem(m, "الاجتماعية", "اجتماع"));
    /* WRONG: stems that are not the word's: لقاء also gives قاء, قمتها
     * (her summit) also قام, ترأس gives رأس, رئس, رؤس besides ترأس. */
    assert_true(has_stem(m, "لقاء", "قاء"));
    assert_true(has_stem(m, "قمتها", "قام"));
    assert_true(has_stem(m, "ترأس", "رأس"));
    assert_true(stem_count(m, "ترأس") >= 3);
    /* UNHELPFUL: a hamza written on the alef of اجتماع, common in news, is
     * rejected; so is the folded matching form of a word with hamza
     * (موتمر for مؤتمر). cues.c analyses the original spelling first, then
     * the folded one. */
    assert_false(morph_is_word(m, "إجتماع"));
    assert_false(morph_is_word(m, "موتمر"));
    assert_true(morph_is_word(m, "اجتماع"));
    /* WRONG for us: a dual is stemmed to its singular like any suffix
     * (اجتماعين: two meetings, a cue of its own in meetings.ttl). */
    assert_true(has_stem(m, "اجتماعين", "اجتماع"));
}

/* ---- a dictionary of a few entries ----------------------------------------- */

static void test_entries(void **state)
{
    (void)state;
    if (!have_dictionary())
        skip();
    const char *keep[] = {"اجتماع", "قمة"};
    morph *m;
    assert_int_equal(
        morph_open_entries(aff_path, dic_path, keep, 2, &m), BAYAN_OK);
    assert_true(has_stem(m, "اجتماعاتهم", "اجتماع"));
    assert_true(has_stem(m, "القمة", "قمة"));
    /* قمتها stems to قمة only: the entry of قام is not loaded */
    assert_int_equal(stem_count(m, "قمتها"), 1);
    assert_false(morph_is_word(m, "مؤتمر"));
    morph_free(m);
}

static void test_missing(void **state)
{
    (void)state;
    morph *m = (morph *)1;
    assert_int_equal(morph_open("/nonexistent/ar.aff", "/nonexistent/ar.dic",
                                &m),
                     BAYAN_ERR_IO);
    assert_null(m);
    const char *keep[] = {"اجتماع"};
    m = (morph *)1;
    assert_int_equal(morph_open_entries("/nonexistent/ar.aff",
                                        "/nonexistent/ar.dic", keep, 1, &m),
                     BAYAN_ERR_IO);
    assert_null(m);
    morph_free(NULL);
}

/* ---- cue words matched by their stems (lexicon/cues.c) --------------------- */

/* The roles of the cues found in text, as a string of role numbers. */
static void cues_in(const cue_set *set, const char *text, char *out,
                    size_t cap)
{
    text_doc d;
    text_analysis a;
    assert_int_equal(text_decode(NULL, "t", text, strlen(text), &d),
                     BAYAN_OK);
    assert_int_equal(text_analyze(&d, &a), BAYAN_OK);
    cue_hit *h;
    size_t n;
    assert_int_equal(cue_find(set, &d, &a, &h, &n), BAYAN_OK);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(out);
        snprintf(out + k, cap - k, "%zu:%d:%d ", h[i].tok, h[i].cue->role,
                 h[i].cue->value);
    }
    free(h);
    text_analysis_clear(&a);
    text_doc_clear(&d);
}

static void test_cue_stems(void **state)
{
    (void)state;
    const char *onto = getenv("BAYAN_ONTOLOGY_DIR");
    if (!have_dictionary() || !onto)
        skip();
    char path[1024];
    snprintf(path, sizeof path, "%s/patterns/meetings.ttl", onto);
    cue_set *set;
    assert_int_equal(cue_set_load(NULL, "http://example.org/", path, &set),
                     BAYAN_OK);
    const char *words[256];
    size_t n = cue_set_stem_words(set, words, 256);
    assert_true(n > 0 && n <= 256);
    morph *m;
    assert_int_equal(morph_open_entries(aff_path, dic_path, words, n, &m),
                     BAYAN_OK);
    assert_int_equal(cue_set_use_morph(set, m), BAYAN_OK);

    char got[512], want[64];
    /* an attached pronoun: the meeting cue */
    cues_in(set, "وعقدوا اجتماعهم أمس", got, sizeof got);
    snprintf(want, sizeof want, "1:%d:0 ", CUE_MEETING);
    assert_non_null(strstr(got, want));
    snprintf(want, sizeof want, "0:%d:0 ", CUE_HELD); /* عقدوا -> عقد */
    assert_non_null(strstr(got, want));
    /* hamza written where none belongs, with tanween */
    cues_in(set, "عقدوا إجتماعاً", got, sizeof got);
    snprintf(want, sizeof want, "1:%d:0 ", CUE_MEETING);
    assert_non_null(strstr(got, want));
    /* not a plural, not the adjective "social", not an imperfect */
    cues_in(set, "الاجتماعات الاجتماعية ستجتمع", got, sizeof got);
    assert_string_equal(got, "");
    /* the dual keeps its own cue (two meetings) */
    cues_in(set, "اجتماعين", got, sizeof got);
    snprintf(want, sizeof want, "0:%d:2 ", CUE_MEETING);
    assert_string_equal(got, want);

    cue_set_free(set);
    morph_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nouns),   cmocka_unit_test(test_verbs),
        cmocka_unit_test(test_is_word), cmocka_unit_test(test_quirks),
        cmocka_unit_test(test_entries), cmocka_unit_test(test_missing),
        cmocka_unit_test(test_cue_stems),
    };
    return cmocka_run_group_tests(tests, open_all, close_all);
}
