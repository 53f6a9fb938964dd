/* Unit tests of the matcher and its token trie: longest match, proclitics
 * (و ف ب ك ل, لل = ل + ال), multi-token names, blocking regions and titles
 * of office, word boundaries, names at the ends of the text, and NIF spans
 * that cover the name without its clitic. Most tests use a small lexicon
 * written here, so that they state the rule rather than the data; a few
 * check the shipped lexicon's regions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "engine/engine.h"
#include "extract/extract.h"
#include "lexicon/lexicon.h"
#include "lexicon/trie.h"
#include "core/utf8.h"

static const char SMALL_LEXICON[] =
    "@prefix bayan: <https://w3id.org/bayan/ontology#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "<state/US> a bayan:State ; rdfs:label \"الولايات المتحدة\"@ar ;\n"
    "  bayan:form \"أمريكا\"@ar, \"الولايات المتحدة الأمريكية\"@ar .\n"
    "<state/IQ> a bayan:State ; rdfs:label \"العراق\"@ar .\n"
    "<state/SY> a bayan:State ; rdfs:label \"سوريا\"@ar .\n"
    "<state/FR> a bayan:State ; rdfs:label \"فرنسا\"@ar ;\n"
    "  bayan:form \"الفرنسية\"@ar .\n"
    "<org/coalition> a bayan:Organization ; rdfs:label \"التحالف\"@ar ;\n"
    "  bayan:form \"التحالف الدولي\"@ar .\n"
    "<org/committee> a bayan:Organization ;\n"
    "  rdfs:label \"اللجنة الدولية\"@ar .\n"
    "<org/mfa-fr> a bayan:Organization ;\n"
    "  rdfs:label \"الخارجية الفرنسية\"@ar .\n"
    "<org/g5> a bayan:Organization ; rdfs:label \"مجموعة 5+5\"@ar .\n"
    "<city/male> a bayan:City ; rdfs:label \"ماليه\"@ar .\n"
    "<region/latam> a bayan:Region ; rdfs:label \"أمريكا اللاتينية\"@ar .\n"
    "<office/fm> a bayan:Office ; rdfs:label \"وزيرة الخارجية\"@ar .\n"
    /* Invented places whose names are ordinary words ("hope", "light"):
     * a big one, which a preposition confirms, and a small one, which
     * only a naming cue or a dateline does; and a plain name inside the
     * longer name of one (a place called "light of the moon"). */
    "<city/amal> a bayan:City ; rdfs:label \"أمل\"@ar ;\n"
    "  bayan:needsCue true .\n"
    "<city/nour> a bayan:City ; rdfs:label \"نور\"@ar ;\n"
    "  bayan:needsNamingCue true .\n"
    "<city/nour-alqamar> a bayan:City ; rdfs:label \"نور القمر\"@ar ;\n"
    "  bayan:needsNamingCue true .\n"
    "<org/qamar> a bayan:Organization ; rdfs:label \"القمر\"@ar .\n"
    "<cue/places> bayan:placeCue \"مدينة\"@ar, \"العاصمة\"@ar ;\n"
    "  bayan:placePreposition \"في\"@ar, \"إلى\"@ar .\n";

/* An engine whose lexicon is SMALL_LEXICON (or, with real, the shipped
 * one). */
static bayan_engine *engine_with(bool real)
{
    bayan_engine *e;
    assert_int_equal(bayan_engine_new(NULL, &e), BAYAN_OK);
    if (real)
        return e;
    char dir[] = "/tmp/bayan-test-matcher-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/small.ttl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(SMALL_LEXICON, f);
    fclose(f);
    lexicon *lex;
    assert_int_equal(lexicon_load(&e->reporter, e->base, dir, &lex), BAYAN_OK);
    remove(path);
    rmdir(dir);
    lexicon_free(e->lexicon);
    e->lexicon = lex;
    e->extract.lexicon = lex;
    return e;
}

/* What one call of the matcher found, as "slug=anchor" items joined by
 * " | " (slug: the IRI after the base; anchor: the original code points
 * [begin, end)). */
static char *matches(const bayan_engine *e, const char *text)
{
    text_doc doc = {0};
    doc.text = (char *)text;
    doc.length = strlen(text);
    doc.cp_length = utf8_length(text, doc.length);
    extraction x = {.env = &e->extract, .doc = &doc};
    assert_int_equal(text_analyze(&doc, &x.a), BAYAN_OK);
    assert_int_equal(match_lexicon(&x), BAYAN_OK);
    size_t cap = 4 * doc.length + 64, n = 0;
    char *out = calloc(1, cap);
    assert_non_null(out);
    for (size_t i = 0; i < x.mention_count; i++) {
        const mention *m = &x.mentions[i];
        assert_true(m->begin < m->end && m->end <= doc.cp_length);
        assert_true(m->mb < m->me && m->me <= x.a.match_len);
        size_t b = utf8_offset(text, doc.length, m->begin);
        size_t k = utf8_offset(text + b, doc.length - b, m->end - m->begin);
        const char *slug = m->entry->iri + strlen(e->base);
        n += (size_t)snprintf(out + n, cap - n, "%s%s=%.*s", i ? " | " : "",
                              slug, (int)k, text + b);
    }
    free(x.mentions);
    text_analysis_clear(&x.a);
    return out;
}

/* Asserts that text gives exactly want. */
static void expect(const bayan_engine *e, const char *text, const char *want)
{
    char *got = matches(e, text);
    if (strcmp(got, want) != 0)
        print_error("text: %s\n got: %s\nwant: %s\n", text, got, want);
    assert_string_equal(got, want);
    free(got);
}

static int setup_small(void **state)
{
    *state = engine_with(false);
    return 0;
}

static int setup_real(void **state)
{
    *state = engine_with(true);
    return 0;
}

static int teardown(void **state)
{
    bayan_engine_free(*state);
    return 0;
}

static void test_longest_match(void **state)
{
    const bayan_engine *e = *state;
    expect(e, "زار الولايات المتحدة الأمريكية أمس",
           "state/US=الولايات المتحدة الأمريكية");
    expect(e, "اجتمع التحالف الدولي في روما", "org/coalition=التحالف الدولي");
    expect(e, "التحالف", "org/coalition=التحالف");
    /* An organization's name holds a state's adjective: one mention. */
    expect(e, "أعلنت الخارجية الفرنسية", "org/mfa-fr=الخارجية الفرنسية");
}

/* A name that is also an ordinary word counts only where something says
 * it is a place (ontology/lexicon/place-cues.ttl). */
static void test_place_cues(void **state)
{
    const bayan_engine *e = *state;
    expect(e, "لديه أمل كبير", "");
    expect(e, "وصل إلى أمل أمس", "city/amal=أمل");
    expect(e, "اجتمعوا في مدينة أمل", "city/amal=أمل");
    expect(e, "وصل بأمل أمس", "city/amal=أمل");      /* ب: "in" */
    expect(e, "وأمل الوزير", "");                     /* و: "and" */
    expect(e, "أمل - قال الوزير", "city/amal=أمل");   /* a dateline */
    expect(e, "قال الوزير\nأمل 5 مايو", "city/amal=أمل");
    expect(e, "قال أمل - الوزير", "");                /* not at line start */
    /* A small place: a preposition is not enough ("في نور" is mostly
     * "in the light"), a naming cue or a dateline is. */
    expect(e, "يسير في نور العلم", "");
    expect(e, "زار مدينة نور", "city/nour=نور");
    expect(e, "وزار العاصمة نور", "city/nour=نور");
    expect(e, "نور (رويترز) -", "city/nour=نور");
    /* Unconfirmed, the longer place gives way to a name that needs no
     * cue inside it. */
    expect(e, "في نور القمر", "org/qamar=القمر");
    expect(e, "في مدينة نور القمر", "city/nour-alqamar=نور القمر");
}

static void test_clitics(void **state)
{
    const bayan_engine *e = *state;
    expect(e, "والعراق", "state/IQ=العراق");
    expect(e, "بسوريا وفرنسا", "state/SY=سوريا | state/FR=فرنسا");
    expect(e, "وبالعراق", "state/IQ=العراق");
    /* The first token of a multi-token name may carry clitics. */
    expect(e, "والولايات المتحدة", "state/US=الولايات المتحدة");
    /* لل + X is ل + الX: the span starts at the article's ل. */
    expect(e, "للتحالف الدولي", "org/coalition=لتحالف الدولي");
    expect(e, "وللتحالف", "org/coalition=لتحالف");
    /* ... and ل + اللX when the noun begins with ل (للجنة = ل + اللجنة). */
    expect(e, "للجنة الدولية", "org/committee=لجنة الدولية");
}

static void test_later_tokens_take_no_clitics(void **state)
{
    const bayan_engine *e = *state;
    expect(e, "الولايات والمتحدة", "");
    expect(e, "التحالف والدولي", "org/coalition=التحالف");
}

static void test_blocking_names(void **state)
{
    const bayan_engine *e = *state;
    /* A region holding a state's name: no mention, and no state. */
    expect(e, "دول أمريكا اللاتينية", "");
    expect(e, "دول أمريكا اللاتينية وأمريكا", "state/US=أمريكا");
    expect(e, "وأمريكا اللاتينية", "");
    /* A minister's title: the ministry's short name is not read inside it,
     * the adjective after it still names the state. */
    expect(e, "قالت وزيرة الخارجية الفرنسية", "state/FR=الفرنسية");
}

static void test_word_boundaries(void **state)
{
    const bayan_engine *e = *state;
    /* No match inside a longer word. */
    expect(e, "سورياتي العراقيون أمريكاني", "");
    expect(e, "فالعراقي", "");
    /* The article is not a clitic to strip: المالية is not ال + ماليه. */
    expect(e, "وزارة المالية", "");
    expect(e, "ماليه", "city/male=ماليه");
    /* Punctuation between tokens ends a multi-token name ... */
    expect(e, "الولايات، المتحدة", "");
    expect(e, "الولايات.\nالمتحدة", "");
    /* ... unless the name holds it. */
    expect(e, "مجموعة 5+5", "org/g5=مجموعة 5+5");
    expect(e, "مجموعة 5 5", "");
}

static void test_text_ends(void **state)
{
    const bayan_engine *e = *state;
    expect(e, "العراق", "state/IQ=العراق");
    expect(e, "العراق وسوريا", "state/IQ=العراق | state/SY=سوريا");
    expect(e, "(سوريا).", "state/SY=سوريا");
    expect(e, "\xe2\x80\x8fسوريا\n", "state/SY=سوريا");
}

static void test_spans_keep_the_original(void **state)
{
    const bayan_engine *e = *state;
    /* Diacritics, tatweel and hamza differ from the lexicon's form; the
     * anchor is what the text holds. */
    expect(e, "في العِراق وسـوريا", "state/IQ=العِراق | state/SY=سـوريا");
    expect(e, "إلى أميركا", "");
    expect(e, "إلى امريكا", "state/US=امريكا");
}

static void test_empty(void **state)
{
    const bayan_engine *e = *state;
    expect(e, "", "");
    expect(e, "   \n", "");
    expect(e, "و", "");
}

/* A lexicon directory without files loads as an empty lexicon, and the
 * matcher then finds nothing (no crash, no undefined behaviour). */
static void test_empty_lexicon(void **state)
{
    (void)state;
    bayan_engine *e;
    assert_int_equal(bayan_engine_new(NULL, &e), BAYAN_OK);
    char dir[] = "/tmp/bayan-test-matcher-XXXXXX";
    assert_non_null(mkdtemp(dir));
    lexicon *lex;
    assert_int_equal(lexicon_load(&e->reporter, e->base, dir, &lex), BAYAN_OK);
    rmdir(dir);
    lexicon_free(e->lexicon);
    e->lexicon = lex;
    e->extract.lexicon = lex;
    size_t n;
    assert_null(lexicon_entries(lex, &n) && n ? lex : NULL);
    expect(e, "العراق وسوريا", "");
    bayan_engine_free(e);
}

/* The shipped lexicon: regions block the state inside them; a part of a
 * state named by compass points still names it. */
static void test_real_regions(void **state)
{
    const bayan_engine *e = *state;
    char *got = matches(e, "في شمال أفريقيا وأمريكا اللاتينية وغرب أفريقيا");
    assert_string_equal(got, "");
    free(got);
    got = matches(e, "في شمال شرق سوريا");
    assert_string_equal(got, "state/SY=سوريا");
    free(got);
    got = matches(e, "قرب بحيرة تشاد");
    assert_string_equal(got, "");
    free(got);
    got = matches(e, "بحث وزير الخارجية الأمريكية مع نظيرته");
    assert_string_equal(got, "state/US=الأمريكية");
    free(got);
    got = matches(e, "للأمم المتحدة وبالعراق");
    assert_string_equal(got, "org/un=لأمم المتحدة | state/IQ=العراق");
    free(got);
}

/* The trie: interning is by the concatenation of the two pieces, steps
 * follow only the edges grown, and tables keep working as they grow. */
static void test_trie(void **state)
{
    (void)state;
    token_trie *t = trie_new();
    assert_non_null(t);
    trie_token_id ab, ab2, c;
    assert_int_equal(trie_intern(t, (trie_piece){"a", 1},
                                 (trie_piece){"b", 1}, &ab),
                     BAYAN_OK);
    assert_int_equal(trie_intern(t, (trie_piece){"", 0},
                                 (trie_piece){"ab", 2}, &ab2),
                     BAYAN_OK);
    assert_int_equal(ab, ab2);
    assert_int_equal(trie_intern(t, (trie_piece){"c", 1},
                                 (trie_piece){"", 0}, &c),
                     BAYAN_OK);
    assert_int_not_equal(ab, c);
    assert_int_equal(trie_token(t, (trie_piece){"x", 1}, (trie_piece){"", 0}),
                     TRIE_NO_TOKEN);
    trie_node n1, n2;
    assert_int_equal(trie_grow(t, TRIE_ROOT, ab, &n1), BAYAN_OK);
    assert_int_equal(trie_grow(t, n1, c, &n2), BAYAN_OK);
    trie_set_value(t, n2, 7);
    assert_int_equal(trie_step(t, TRIE_ROOT, ab), n1);
    assert_int_equal(trie_step(t, TRIE_ROOT, c), TRIE_DEAD);
    assert_int_equal(trie_step(t, TRIE_DEAD, c), TRIE_DEAD);
    assert_int_equal(trie_value(t, trie_step(t, n1, c)), 7);
    assert_int_equal(trie_value(t, n1), 0);
    /* Many keys: past several rehashes, every one is still found. */
    char buf[16];
    for (unsigned i = 0; i < 5000; i++) {
        int k = snprintf(buf, sizeof buf, "w%u", i);
        trie_token_id id;
        trie_node n;
        assert_int_equal(trie_intern(t, (trie_piece){buf, (size_t)k},
                                     (trie_piece){"", 0}, &id),
                         BAYAN_OK);
        assert_int_equal(trie_grow(t, n1, id, &n), BAYAN_OK);
        trie_set_value(t, n, i + 1);
    }
    for (unsigned i = 0; i < 5000; i++) {
        int k = snprintf(buf, sizeof buf, "w%u", i);
        trie_token_id id =
            trie_token(t, (trie_piece){"", 0}, (trie_piece){buf, (size_t)k});
        assert_int_equal(trie_value(t, trie_step(t, n1, id)), i + 1);
    }
    assert_int_equal(trie_token_count(t), 5002);
    assert_int_equal(trie_node_count(t), 5003);
    trie_free(t);
    trie_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_longest_match, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_place_cues, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_clitics, setup_small, teardown),
        cmocka_unit_test_setup_teardown(test_later_tokens_take_no_clitics,
                                        setup_small, teardown),
        cmocka_unit_test_setup_teardown(test_blocking_names, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_word_boundaries, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_text_ends, setup_small,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_spans_keep_the_original,
                                        setup_small, teardown),
        cmocka_unit_test_setup_teardown(test_empty, setup_small, teardown),
        cmocka_unit_test_setup_teardown(test_real_regions, setup_real,
                                        teardown),
        cmocka_unit_test(test_empty_lexicon),
        cmocka_unit_test(test_trie),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
