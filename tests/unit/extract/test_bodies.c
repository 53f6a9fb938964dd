/* Unit tests of bare bodies (src/extract/bodies.c): a ministry named
 * without its state is the ministry of the state the article speaks for:
 * its outlet's state, else the state it names most; inside a longer name
 * it is that name's. The sentences are made up for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

#define ORG(slug) BAYAN_DEFAULT_BASE "org/" slug

static void expect_phrases(bayan_engine *e, const char *text,
                           const char *entity, size_t want)
{
    bayan_graph *g = extract(e, text);
    size_t got = phrases(g, entity);
    if (got != want)
        print_error("text: %s\n%s: %zu phrases, want %zu\n", text, entity,
                    got, want);
    assert_int_equal(got, want);
    bayan_graph_free(g);
}

static void test_state_named_most(void **state)
{
    bayan_engine *e = *state;
    const char *text = "زار الوفد العراق يوم الأحد. وقالت وزارة الخارجية "
                       "في بيان إن العراق يرحب بالزيارة، وإن فرنسا شريك.";
    expect_phrases(e, text, ORG("mfa-iq"), 1);
    expect_phrases(e, text, ORG("mfa-fr"), 0);
}

static void test_outlet_state_first(void **state)
{
    bayan_engine *e = *state;
    /* The outlet is Bahraini: its ministry, though Iraq is named more. */
    const char *text = "المنامة (بنا) - بحث الوزير مع العراق شؤون العراق. "
                       "وأكدت وزارة الخارجية دعمها.\nالمصدر: بنا";
    expect_phrases(e, text, ORG("mfa-bh"), 1);
    expect_phrases(e, text, ORG("mfa-iq"), 0);
}

static void test_inside_a_longer_name(void **state)
{
    bayan_engine *e = *state;
    /* One mention, the full name's, not a second one for the bare name. */
    expect_phrases(e, "أعلنت وزارة الخارجية العراقية أن العراق مستعد.",
                   ORG("mfa-iq"), 1);
    /* With a proclitic, and for another ministry. */
    expect_phrases(e, "رحب العراق بالقرار. وقال متحدث باسم لوزارة الداخلية.",
                   ORG("ministry-interior-iq"), 1);
}

static void test_no_state_no_body(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "قالت وزارة الخارجية في بيان إن الاجتماع مهم.");
    size_t count;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++)
        assert_null(strstr(graph_term(g, q[i].o)->value, "org/mfa-"));
    bayan_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_state_named_most),
        cmocka_unit_test(test_outlet_state_first),
        cmocka_unit_test(test_inside_a_longer_name),
        cmocka_unit_test(test_no_state_no_body),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
