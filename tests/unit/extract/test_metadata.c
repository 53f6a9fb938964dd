/* Unit tests of metadata.c: an article's schema:publisher is the news agency
 * or outlet it credits in a dateline, byline, sign-off or after a credit
 * cue, and never an outlet merely named in a sentence or a body that is no
 * outlet. The texts are made up for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine/engine.h"
#include "graph/graph.h"
#include "graph/vocab.h"

#define ORG "https://w3id.org/bayan/id/org/"

static int setup(void **state)
{
    bayan_engine *e = NULL;
    if (bayan_engine_new(NULL, &e) != BAYAN_OK)
        return -1;
    *state = e;
    return 0;
}

static int teardown(void **state)
{
    bayan_engine_free(*state);
    return 0;
}

/* Reads text as one article and writes the slugs of its publishers (the
 * part after …/org/), sorted and joined by spaces, into out. Returns the
 * number of organizations the article mentions. */
static size_t read_publishers(const bayan_engine *e, const char *text,
                              char *out, size_t cap)
{
    bayan_graph *g = bayan_graph_new();
    assert_non_null(g);
    assert_int_equal(bayan_read_memory(e, g, "t.txt", text, strlen(text)),
                     BAYAN_OK);
    quad *q;
    size_t n, orgs = 0;
    assert_int_equal(graph_sorted_quads(g, &q, &n), BAYAN_OK);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *p = graph_term(g, q[i].p)->value;
        const char *o = graph_term(g, q[i].o)->value;
        if (strcmp(p, P_MENTIONS) == 0 && strncmp(o, ORG, strlen(ORG)) == 0)
            orgs++;
        if (strcmp(p, P_PUBLISHER) != 0)
            continue;
        assert_true(strncmp(o, ORG, strlen(ORG)) == 0);
        size_t len = strlen(out);
        snprintf(out + len, cap - len, "%s%s", len ? " " : "",
                 o + strlen(ORG));
    }
    free(q);
    bayan_graph_free(g);
    return orgs;
}

static void expect(void **state, const char *text, const char *publishers)
{
    char got[256];
    read_publishers(*state, text, got, sizeof got);
    assert_string_equal(got, publishers);
}

/* A dateline "CITY - AGENCY:" credits the agency. */
static void test_dateline(void **state)
{
    expect(state, "الرياض - واس:\nاجتمع الوزراء اليوم في الرياض.", "spa");
    expect(state, "بغداد- العراق اليوم: وصل الوفد إلى بغداد.", "iraq-today");
}

/* A sign-off on a line of its own, and a byline "NAME / AGENCY". */
static void test_signoff_and_byline(void **state)
{
    expect(state, "اجتمع الوزراء في روما.\n\nالأناضول\n", "anadolu");
    expect(state, "سمير علي / الأناضول\nاجتمع الوزراء في روما.", "anadolu");
}

/* An agency in parentheses, in the dateline or in the text. */
static void test_parentheses(void **state)
{
    expect(state, "الرياض 3 مايو (شينخوا) اجتمع الوزراء.", "xinhua");
    expect(state, "اطلعت عليه ( أ ش أ ) قبل النشر.", "mena");
}

/* Credit cues from ontology/lexicon/credits.ttl, with or without a colon,
 * and with a proclitic written onto the cue. */
static void test_cues(void **state)
{
    expect(state, "وقال الوزير كلاما.\nالمصدر : وكالة أنباء الشرق الأوسط",
           "mena");
    expect(state, "وأكد الوزير، وفق مراسل الأناضول، أن الاجتماع انتهى.",
           "anadolu");
    expect(state, "وقال الوزير لمراسلة رويترز إن الاجتماع انتهى.", "reuters");
    expect(state, "نقلا عن وكالة الأنباء الكويتية قال الوزير كلاما.", "kuna");
}

/* An outlet named inside a sentence is mentioned but credits nothing. */
static void test_named_only(void **state)
{
    char got[256];
    size_t orgs = read_publishers(
        *state, "وقالت رويترز إن الاجتماع انتهى بالاتفاق.", got, sizeof got);
    assert_int_equal(orgs, 1);
    assert_string_equal(got, "");
    orgs = read_publishers(
        *state, "وذكرت الصفحة الرسمية لوكالة الأناضول أن الوزير وصل.", got,
        sizeof got);
    assert_int_equal(orgs, 1);
    assert_string_equal(got, "");
}

/* A body that is no outlet, even set off like a credit, is no publisher. */
static void test_not_outlet(void **state)
{
    char got[256];
    size_t orgs = read_publishers(
        *state,
        "رحب الوزراء بدور حلف شمال الأطلسي (الناتو) في العراق.\n"
        "الأمم المتحدة\n",
        got, sizeof got);
    assert_int_equal(orgs, 2);
    assert_string_equal(got, "");
}

/* Two credited outlets are both publishers, each once. */
static void test_several(void **state)
{
    expect(state,
           "باريس - أ ف ب: اجتمع الوزراء.\nالمصدر: رويترز\n"
           "المصدر: رويترز",
           "afp reuters");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dateline),
        cmocka_unit_test(test_signoff_and_byline),
        cmocka_unit_test(test_parentheses),
        cmocka_unit_test(test_cues),
        cmocka_unit_test(test_named_only),
        cmocka_unit_test(test_not_outlet),
        cmocka_unit_test(test_several),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
