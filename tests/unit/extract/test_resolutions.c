/* Unit tests of resolutions: each written form of a numbered resolution
 * gives the resolution node a user queries for (…/resolution/unsc-2254,
 * its number, issuer and labels) with a mention at the right code points;
 * years, bare numbers and other bodies' decisions give none. The sentences
 * are made up for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine/engine.h"
#include "extract/extract.h"
#include "graph/graph.h"
#include "text/text.h"
#include "core/utf8.h"
#include "graph/vocab.h"

#define BASE "https://w3id.org/bayan/id/"

typedef struct fixture {
    bayan_engine *engine;
    bayan_graph *g;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(bayan_engine_new(NULL, &f->engine), BAYAN_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bayan_engine_free(f->engine);
    bayan_graph_free(f->g);
    free(f);
    return 0;
}

/* Reads text as one article into a fresh graph (f->g). */
static void read_text(fixture *f, const char *text)
{
    bayan_graph_free(f->g);
    f->g = bayan_graph_new();
    assert_non_null(f->g);
    assert_int_equal(bayan_read_memory(f->engine, f->g, "t.txt", text,
                                       strlen(text)),
                     BAYAN_OK);
}

static term_id iri_id(const bayan_graph *g, const char *iri)
{
    return graph_find_iri(g, iri);
}

/* True when g holds <s> <p> <o> (o an IRI). */
static bool has_iri(const bayan_graph *g, const char *s, const char *p,
                    const char *o)
{
    term_id si = iri_id(g, s), pi = iri_id(g, p), oi = iri_id(g, o);
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; si && pi && oi && i < n; i++)
        if (q[i].s == si && q[i].p == pi && q[i].o == oi)
            return true;
    return false;
}

/* True when g holds <s> <p> "value"(@lang). */
static bool has_literal(const bayan_graph *g, const char *s, const char *p,
                        const char *value, const char *lang)
{
    term_id si = iri_id(g, s), pi = iri_id(g, p);
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; si && pi && i < n; i++) {
        const term *o = graph_term(g, q[i].o);
        if (q[i].s == si && q[i].p == pi && o->kind == TERM_LITERAL &&
            strcmp(o->value, value) == 0 &&
            (lang ? o->lang && strcmp(o->lang, lang) == 0 : !o->lang))
            return true;
    }
    return false;
}

static size_t count_resolutions(const bayan_graph *g)
{
    term_id type = iri_id(g, P_TYPE), cls = iri_id(g, C_RESOLUTION);
    size_t n, count = 0;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; type && cls && i < n; i++)
        if (q[i].p == type && q[i].o == cls)
            count++;
    return count;
}

static bool is_resolution(const bayan_graph *g, const char *slug)
{
    char iri[256];
    snprintf(iri, sizeof iri, BASE "resolution/%s", slug);
    return has_iri(g, iri, P_TYPE, C_RESOLUTION);
}

/* True when a NIF phrase with that anchor refers to resolution slug. */
static bool has_anchor(const bayan_graph *g, const char *slug,
                       const char *anchor)
{
    char iri[256];
    snprintf(iri, sizeof iri, BASE "resolution/%s", slug);
    term_id pa = iri_id(g, P_NIF_ANCHOR);
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; pa && i < n; i++) {
        const term *o = graph_term(g, q[i].o);
        if (q[i].p == pa && strcmp(o->value, anchor) == 0 &&
            has_iri(g, graph_term(g, q[i].s)->value, P_ITS_IDENT_REF, iri))
            return true;
    }
    return false;
}

static void test_full_form(void **state)
{
    fixture *f = *state;
    read_text(f, "جدد الوزراء تمسكهم بقرار مجلس الأمن الدولي رقم 2254 "
                 "بشأن سوريا.\n");
    const char *r = BASE "resolution/unsc-2254";
    assert_int_equal(count_resolutions(f->g), 1);
    assert_true(is_resolution(f->g, "unsc-2254"));
    assert_true(has_literal(f->g, r, P_NUMBER, "2254", NULL));
    assert_true(has_iri(f->g, r, P_ISSUED_BY, BASE "org/unsc"));
    assert_true(has_iri(f->g, BASE "org/unsc", P_TYPE, C_ORGANIZATION));
    assert_true(has_literal(f->g, r, P_LABEL, "قرار مجلس الأمن 2254", "ar"));
    assert_true(has_literal(f->g, r, P_LABEL,
                            "UN Security Council Resolution 2254", "en"));
    /* the proclitic ب stays out of the anchor */
    assert_true(has_anchor(f->g, "unsc-2254",
                           "قرار مجلس الأمن الدولي رقم 2254"));
    assert_true(has_literal(f->g, r, P_ALT_LABEL,
                            "قرار مجلس الأمن الدولي رقم 2254", "ar"));
}

static void test_without_raqm(void **state)
{
    fixture *f = *state;
    read_text(f, "دعا المجلس إلى تطبيق قرار مجلس الأمن 2139 فورا.\n");
    assert_int_equal(count_resolutions(f->g), 1);
    assert_true(is_resolution(f->g, "unsc-2139"));
    assert_true(has_anchor(f->g, "unsc-2139", "قرار مجلس الأمن 2139"));
}

static void test_arabic_indic_digits(void **state)
{
    fixture *f = *state;
    read_text(f, "أشار إلى قرار مجلس الأمن رقم ٢٢٥٤ وإلى ضرورة تنفيذه.\n");
    assert_true(is_resolution(f->g, "unsc-2254"));
    assert_true(has_literal(f->g, BASE "resolution/unsc-2254", P_NUMBER,
                            "2254", NULL));
    /* the anchor is the text as written */
    assert_true(has_anchor(f->g, "unsc-2254", "قرار مجلس الأمن رقم ٢٢٥٤"));
}

static void test_persian_digits(void **state)
{
    fixture *f = *state;
    read_text(f, "رحب البيان بالقرار ۲۱۷۰ الصادر عن مجلس الأمن.\n");
    assert_int_equal(count_resolutions(f->g), 1);
    assert_true(is_resolution(f->g, "unsc-2170"));
    assert_true(has_anchor(f->g, "unsc-2170", "القرار ۲۱۷۰"));
}

static void test_list_of_two(void **state)
{
    fixture *f = *state;
    read_text(f, "التزم المشاركون بتنفيذ قراري مجلس الأمن الدولي 2170 و2178 "
                 "دون إبطاء.\n");
    assert_int_equal(count_resolutions(f->g), 2);
    assert_true(is_resolution(f->g, "unsc-2170"));
    assert_true(is_resolution(f->g, "unsc-2178"));
    /* the second number alone, without its conjunction */
    assert_true(has_anchor(f->g, "unsc-2178", "2178"));
}

static void test_list_of_three(void **state)
{
    fixture *f = *state;
    read_text(f, "استند المندوب إلى القرارات 2178 و2199، 2253 الصادرة عن "
                 "مجلس الأمن.\n");
    assert_int_equal(count_resolutions(f->g), 3);
    assert_true(is_resolution(f->g, "unsc-2178"));
    assert_true(is_resolution(f->g, "unsc-2199"));
    assert_true(is_resolution(f->g, "unsc-2253"));
}

static void test_spaced_conjunction(void **state)
{
    fixture *f = *state;
    read_text(f, "وفقا لقراري مجلس الأمن 2139 و 2165 بشأن المساعدات.\n");
    assert_int_equal(count_resolutions(f->g), 2);
    assert_true(is_resolution(f->g, "unsc-2165"));
}

/* A small number after a list counts something else. */
static void test_small_number_ends_list(void **state)
{
    fixture *f = *state;
    read_text(f, "رحب البيان بقرار مجلس الأمن 2254 و15 دولة أخرى.\n");
    assert_int_equal(count_resolutions(f->g), 1);
    assert_true(is_resolution(f->g, "unsc-2254"));
}

static void test_year_is_no_resolution(void **state)
{
    fixture *f = *state;
    read_text(f, "أيد الوزراء القرار 2254 (2015) الصادر عن مجلس الأمن، "
                 "وقرار مجلس الأمن رقم 2249 لعام 2015 و2368 لعام 2017.\n");
    assert_int_equal(count_resolutions(f->g), 3);
    assert_true(is_resolution(f->g, "unsc-2254"));
    assert_true(is_resolution(f->g, "unsc-2249"));
    assert_true(is_resolution(f->g, "unsc-2368"));
    assert_false(is_resolution(f->g, "unsc-2015"));
    assert_false(is_resolution(f->g, "unsc-2017"));
}

static void test_bare_number_is_no_resolution(void **state)
{
    fixture *f = *state;
    read_text(f, "ناقش مجلس الأمن الوضع، وحضر الجلسة 2254 شخصا. وصدر قرار "
                 "بتمديد المهمة حتى 30 يونيو.\n");
    assert_int_equal(count_resolutions(f->g), 0);
}

static void test_other_body_is_no_resolution(void **state)
{
    fixture *f = *state;
    read_text(f, "تحدث عن مجلس الأمن، ثم عن قرار حلف شمال الأطلسي رقم 12 "
                 "بشأن البعثة.\n");
    assert_int_equal(count_resolutions(f->g), 0);
}

static void test_issuer_from_context(void **state)
{
    fixture *f = *state;
    read_text(f, "عقد مجلس الأمن الدولي جلسة أمس.\nوأكد المندوبون أن القرار "
                 "رقم 2254 هو الأساس.\n");
    assert_int_equal(count_resolutions(f->g), 1);
    assert_true(has_iri(f->g, BASE "resolution/unsc-2254", P_ISSUED_BY,
                        BASE "org/unsc"));
}

static void test_issuer_after(void **state)
{
    fixture *f = *state;
    read_text(f, "أشاد المشاركون بالقرار رقم 7804 الصادر عن جامعة الدول "
                 "العربية.\n");
    assert_int_equal(count_resolutions(f->g), 1);
    assert_true(has_iri(f->g, BASE "resolution/arab-league-7804",
                        P_ISSUED_BY, BASE "org/arab-league"));
    assert_true(has_literal(f->g, BASE "resolution/arab-league-7804",
                            P_LABEL, "Arab League Resolution 7804", "en"));
}

/* The same number keeps the issuer it was named with, even where another
 * issuer is named nearer. */
static void test_issuer_of_same_number(void **state)
{
    fixture *f = *state;
    read_text(f, "دعم البيان قرار مجلس الأمن رقم 2254.\nوفي شأن آخر رحبت "
                 "جامعة الدول العربية بالقرار 2254 أيضا.\n");
    assert_int_equal(count_resolutions(f->g), 1);
    assert_true(is_resolution(f->g, "unsc-2254"));
}

static void test_issuer_adjective(void **state)
{
    fixture *f = *state;
    read_text(f, "الحل في سوريا يمر عبر القرار الأممي 2254 وحده.\n");
    assert_int_equal(count_resolutions(f->g), 1);
    assert_true(has_iri(f->g, BASE "resolution/unsc-2254", P_ISSUED_BY,
                        BASE "org/unsc"));
    /* the issuer is described even though the text does not name it */
    assert_true(has_literal(f->g, BASE "org/unsc", P_LABEL,
                            "UN Security Council", "en"));
}

static void test_no_issuer_no_resolution(void **state)
{
    fixture *f = *state;
    read_text(f, "أصدرت البلدية القرار 45 بشأن الطرق.\n");
    assert_int_equal(count_resolutions(f->g), 0);
}

/* IRIs follow the engine's base, and the issuer is the lexicon's node. */
static void test_iri_base(void **state)
{
    (void)state;
    bayan_options o = {.base_iri = "http://example.org/kg/"};
    bayan_engine *e = NULL;
    assert_int_equal(bayan_engine_new(&o, &e), BAYAN_OK);
    bayan_graph *g = bayan_graph_new();
    const char *text = "طالب بتطبيق قرار مجلس الأمن رقم 2254.\n";
    assert_int_equal(bayan_read_memory(e, g, "t.txt", text, strlen(text)),
                     BAYAN_OK);
    assert_true(has_iri(g, "http://example.org/kg/resolution/unsc-2254",
                        P_ISSUED_BY, "http://example.org/kg/org/unsc"));
    bayan_graph_free(g);
    bayan_engine_free(e);
}

/* What the meetings stage receives: one found_entity per mention, with
 * its IRI, kind and both spans. */
static void test_found_list(void **state)
{
    fixture *f = *state;
    const char *text = "التزموا بقراري مجلس الأمن 2170 و2178.\n";
    text_doc doc;
    assert_int_equal(text_decode(NULL, "t.txt", text, strlen(text), &doc),
                     BAYAN_OK);
    bayan_graph *g = bayan_graph_new();
    article_ids ids = {0};
    assert_int_equal(article_add(&f->engine->extract, "t.txt", &doc, g, &ids),
                     BAYAN_OK);
    extraction x = {.env = &f->engine->extract, .doc = &doc, .ids = &ids, .g = g};
    assert_int_equal(text_analyze(&doc, &x.a), BAYAN_OK);
    assert_int_equal(match_lexicon(&x), BAYAN_OK);
    assert_int_equal(extract_resolutions(&x), BAYAN_OK);
    assert_int_equal(x.resolutions.count, 2);
    const found_entity *r = x.resolutions.items;
    assert_int_equal(r[0].kind, KIND_RESOLUTION);
    assert_string_equal(r[0].iri, BASE "resolution/unsc-2170");
    assert_string_equal(r[1].iri, BASE "resolution/unsc-2178");
    /* code points of "2178" in the decoded text */
    size_t at = utf8_length(text, (size_t)(strstr(text, "2178") - text));
    assert_int_equal(r[1].begin, at);
    assert_int_equal(r[1].end, at + 4);
    found_list_clear(&x.resolutions);
    free(x.mentions);
    text_analysis_clear(&x.a);
    article_ids_clear(&ids);
    bayan_graph_free(g);
    text_doc_clear(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_form),
        cmocka_unit_test(test_without_raqm),
        cmocka_unit_test(test_arabic_indic_digits),
        cmocka_unit_test(test_persian_digits),
        cmocka_unit_test(test_list_of_two),
        cmocka_unit_test(test_list_of_three),
        cmocka_unit_test(test_spaced_conjunction),
        cmocka_unit_test(test_small_number_ends_list),
        cmocka_unit_test(test_year_is_no_resolution),
        cmocka_unit_test(test_bare_number_is_no_resolution),
        cmocka_unit_test(test_other_body_is_no_resolution),
        cmocka_unit_test(test_issuer_from_context),
        cmocka_unit_test(test_issuer_after),
        cmocka_unit_test(test_issuer_of_same_number),
        cmocka_unit_test(test_issuer_adjective),
        cmocka_unit_test(test_no_issuer_no_resolution),
        cmocka_unit_test(test_iri_base),
        cmocka_unit_test(test_found_list),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
