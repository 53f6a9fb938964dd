/* Unit tests of persons: a person named after a role gets the role as
 * schema:jobTitle and the state of the nisba as bayan:represents; the name
 * after "نظيره" is found; honorifics are no part of a name; a later surname
 * is the same person; a role with no name gives no person; IRIs come from
 * the name alone. The sentences are made up for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <unistd.h>

#include "fixture.h"
#include "text/translit.h"

static const char *value(const bayan_graph *g, term_id id)
{
    return graph_term(g, id)->value;
}

/* The IRIs typed bayan:Person, in graph order; returns how many (at most
 * max are stored). */
static size_t persons(const bayan_graph *g, const char **out, size_t max)
{
    size_t count, k = 0;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++)
        if (strcmp(value(g, q[i].p), P_TYPE) == 0 &&
            strcmp(value(g, q[i].o), C_PERSON) == 0) {
            if (k < max)
                out[k] = value(g, q[i].s);
            k++;
        }
    return k;
}

/* True when <s> <p> has the object value (an IRI or a literal's form). */
static bool has(const bayan_graph *g, const char *s, const char *p,
                const char *o)
{
    size_t count;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++)
        if (strcmp(value(g, q[i].s), s) == 0 &&
            strcmp(value(g, q[i].p), p) == 0 &&
            strcmp(value(g, q[i].o), o) == 0)
            return true;
    return false;
}

/* True when <s> <p> has any object. */
static bool has_any(const bayan_graph *g, const char *s, const char *p)
{
    size_t count;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++)
        if (strcmp(value(g, q[i].s), s) == 0 &&
            strcmp(value(g, q[i].p), p) == 0)
            return true;
    return false;
}

/* True when any literal in g contains needle. */
static bool any_literal_has(const bayan_graph *g, const char *p,
                            const char *needle)
{
    size_t count;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++)
        if (strcmp(value(g, q[i].p), p) == 0 &&
            strstr(value(g, q[i].o), needle))
            return true;
    return false;
}

static void test_role_nisba_name(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(
        e, "وقال وزير الخارجية الفرنسي جان دوبون إن الاجتماع كان مفيدا.");
    const char *p[4];
    assert_int_equal(persons(g, p, 4), 1);
    assert_true(has(g, p[0], P_LABEL, "جان دوبون"));
    assert_true(has(g, p[0], P_JOB_TITLE, "وزير الخارجية"));
    assert_true(
        has(g, p[0], P_REPRESENTS, "https://w3id.org/bayan/id/state/FR"));
    assert_int_equal(phrases(g, p[0]), 1);
    bayan_graph_free(g);
}

static void test_counterpart(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "والتقى وزير الخارجية الأردني سامي حداد "
                                "نظيره المصري كريم فؤاد.");
    const char *p[4];
    assert_int_equal(persons(g, p, 4), 2);
    const char *second = has(g, p[0], P_LABEL, "كريم فؤاد") ? p[0] : p[1];
    assert_true(has(g, second, P_LABEL, "كريم فؤاد"));
    assert_true(has(g, second, P_JOB_TITLE, "وزير الخارجية"));
    assert_true(
        has(g, second, P_REPRESENTS, "https://w3id.org/bayan/id/state/EG"));
    bayan_graph_free(g);
}

static void test_honorifics_stripped(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "وقال الشيخ الدكتور فهد العلي إن الحوار "
                                "مستمر.");
    const char *p[4];
    assert_int_equal(persons(g, p, 4), 1);
    assert_true(has(g, p[0], P_LABEL, "فهد العلي"));
    assert_false(any_literal_has(g, P_NIF_ANCHOR, "الشيخ"));
    assert_false(any_literal_has(g, P_ALT_LABEL, "الدكتور"));
    bayan_graph_free(g);
}

static void test_surname_merge(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "قال وزير الخارجية البلجيكي مارك دوفال، "
                                "إن بلاده مستعدة. وأضاف دوفال أن الدعم "
                                "سيستمر.");
    const char *p[4];
    assert_int_equal(persons(g, p, 4), 1);
    assert_int_equal(phrases(g, p[0]), 2);
    assert_true(has(g, p[0], P_ALT_LABEL, "دوفال"));
    bayan_graph_free(g);
}

/* Two people sharing a surname stay two, and a later bare surname is the
 * one named last before it. */
static void test_shared_surname(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "استقبل وزير الخارجية المصري كريم دوفال "
                                "نظيره البلجيكي مارك دوفال. وقال دوفال إن "
                                "بلاده مستعدة.");
    const char *p[4];
    assert_int_equal(persons(g, p, 4), 2);
    const char *marc = has(g, p[0], P_LABEL, "مارك دوفال") ? p[0] : p[1];
    const char *karim = marc == p[0] ? p[1] : p[0];
    assert_true(has(g, marc, P_LABEL, "مارك دوفال"));
    assert_true(has(g, karim, P_LABEL, "كريم دوفال"));
    assert_int_equal(phrases(g, marc), 2);
    assert_int_equal(phrases(g, karim), 1);
    bayan_graph_free(g);
}

static void test_role_without_name(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "وقال وزير الخارجية الأمريكي في بيان إن "
                                "بلاده ستواصل دعمها. ورحب رئيس الوزراء "
                                "بالقرار.");
    const char *p[1];
    assert_int_equal(persons(g, p, 1), 0);
    /* the nisba still mentions the state */
    assert_true(any_literal_has(g, P_NIF_ANCHOR, "الأمريكي"));
    bayan_graph_free(g);
}

static void test_slugs(void **state)
{
    bayan_engine *e = *state;
    /* the same unknown name in two texts, spelled with and without hamza */
    bayan_graph *a =
        extract(e, "وقال المبعوث الخاص أحمد سالم، إن الوضع هادئ.");
    bayan_graph *b =
        extract(e, "وأعلن رئيس البعثة احمد سالم، أن العمل مستمر.");
    const char *pa[2], *pb[2];
    assert_int_equal(persons(a, pa, 2), 1);
    assert_int_equal(persons(b, pb, 2), 1);
    assert_string_equal(pa[0], pb[0]);
    const char *base = "https://w3id.org/bayan/id/person/";
    assert_int_equal(strncmp(pa[0], base, strlen(base)), 0);
    for (const char *c = pa[0] + strlen(base); *c; c++)
        assert_true((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
                    *c == '-');
    bayan_graph_free(a);
    bayan_graph_free(b);
    /* a known office-holder's IRI comes from the English name */
    bayan_graph *k = extract(e, "وقال وزير الخارجية الأمريكي مايك بومبيو، "
                                "إن التحالف باق.");
    const char *pk[2];
    assert_int_equal(persons(k, pk, 2), 1);
    assert_string_equal(pk[0], "https://w3id.org/bayan/id/person/mike-pompeo");
    assert_true(has(k, pk[0], P_JOB_TITLE, "وزير الخارجية"));
    bayan_graph_free(k);
}

/* The person whose label is label (NULL when none). */
static const char *named(const bayan_graph *g, const char *label)
{
    const char *p[8];
    size_t n = persons(g, p, 8);
    for (size_t i = 0; i < n && i < 8; i++)
        if (has(g, p[i], P_LABEL, label))
            return p[i];
    return NULL;
}

static void test_coordinated_role_same_state(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "وحضر وزير الخارجية الأردني سامي حداد، "
                                "ووزير الداخلية رامي خوري.");
    const char *second = named(g, "رامي خوري");
    assert_non_null(second);
    assert_true(has(g, second, P_JOB_TITLE, "وزير الداخلية"));
    assert_true(
        has(g, second, P_REPRESENTS, "https://w3id.org/bayan/id/state/JO"));
    bayan_graph_free(g);
}

static void test_office_place_not_represented(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "ورحب الحاضرون بما قاله المبعوث الخاص في "
                                "العراق سامي حداد، ثم انصرفوا.");
    const char *p = named(g, "سامي حداد");
    assert_non_null(p);
    assert_false(
        has(g, p, P_REPRESENTS, "https://w3id.org/bayan/id/state/IQ"));
    assert_true(has(g, p, P_JOB_TITLE, "المبعوث الخاص في العراق"));
    bayan_graph_free(g);
}

static void test_descriptor_no_office(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "ونعت الأوساط الثقافية الكاتبة المصرية "
                                "ليلى فؤاد، وأشادت بأعمالها.");
    const char *p = named(g, "ليلى فؤاد");
    assert_non_null(p);
    assert_false(
        has(g, p, P_REPRESENTS, "https://w3id.org/bayan/id/state/EG"));
    assert_false(any_literal_has(g, P_JOB_TITLE, "الكاتبة"));
    bayan_graph_free(g);
}

/* A body named just before "برئاسة" is headed by the name after it; the
 * body's nisba says whom the head represents. After a meeting word the
 * same cue gives no person by itself: the name is a person only when the
 * names tagger is sure of it (a common given name), and then with no
 * office and no state. */
static void test_head_of_body(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "ورحب المجلس بتشكيل الحكومة الأردنية "
                                "الجديدة برئاسة سامي حداد وتمنى لها النجاح.");
    const char *p = named(g, "سامي حداد");
    assert_non_null(p);
    assert_true(has(g, p, P_REPRESENTS, "https://w3id.org/bayan/id/state/JO"));
    assert_true(has(g, p, P_JOB_TITLE, "رئيس الحكومة"));
    bayan_graph_free(g);

    g = extract(e, "وعقد الاجتماع أمس برئاسة سامي حداد في القاعة.");
    const char *found[2];
    size_t n = persons(g, found, 2);
    assert_true(n <= (e->names ? 1u : 0u));
    for (size_t i = 0; i < n; i++) {
        assert_false(has_any(g, found[i], P_JOB_TITLE));
        assert_false(has_any(g, found[i], P_REPRESENTS));
    }
    bayan_graph_free(g);
}

/* ---- with the names tagger ------------------------------------------- */

/* A cue followed by words the tagger reads as no name gives no person. */
static void test_cue_then_ordinary_words(void **state)
{
    bayan_engine *e = *state;
    if (!e->names)
        skip();
    static const char *const texts[] = {
        "وصل الأمير مسرعا مبكرا، ثم غادر.",
        "وزار الوزير مدرسة ثانوية، ثم عاد.",
        "ووقع وزير الخارجية كتابا جديدا، وغادر."};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        bayan_graph *g = extract(e, texts[i]);
        const char *p[2];
        assert_int_equal(persons(g, p, 2), 0);
        bayan_graph_free(g);
    }
}

/* A name with no role or honorific before it, which the tagger is sure
 * of, is a person, with a romanized English label and IRI. */
static void test_tagger_alone(void **state)
{
    bayan_engine *e = *state;
    if (!e->names)
        skip();
    bayan_graph *g = extract(e, "وصل كريستوف هانسن إلى بغداد أمس واجتمع "
                                "مع المسؤولين في وزارة الخارجية.");
    const char *p[2];
    assert_int_equal(persons(g, p, 2), 1);
    assert_string_equal(p[0],
                        "https://w3id.org/bayan/id/person/kristuf-hansn");
    assert_true(has(g, p[0], P_LABEL, "كريستوف هانسن"));
    assert_true(has(g, p[0], P_LABEL, "Kristuf Hansn"));
    bayan_graph_free(g);
}

/* A compound given name (two given names) then a surname that is not
 * definite: the role's name is all three words, not the first two. */
static void test_compound_given_name(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "والتقى الأمين العام خوسيه لويس فيريرا "
                                "بالوفد في جنيف أمس.");
    const char *p[2];
    assert_int_equal(persons(g, p, 2), 1);
    assert_true(has(g, p[0], P_LABEL, "خوسيه لويس فيريرا"));
    bayan_graph_free(g);
}

/* Two names the tagger runs together (a family name, then another
 * person's given name) are two: the second is a person of its own. */
static void test_touching_names_split(void **state)
{
    bayan_engine *e = *state;
    if (!e->names)
        skip();
    bayan_graph *g = extract(e, "بينما اختارت حكومة الحريري محمد السالمي "
                                "ممثلا عنها في اللجنة.");
    assert_non_null(named(g, "محمد السالمي"));
    assert_null(named(g, "الحريري محمد السالمي"));
    bayan_graph_free(g);
}

/* A loanword the tagger may take for a foreign name (فيروس) is no part of
 * a person found without a cue. */
static void test_loanword_no_person(void **state)
{
    bayan_engine *e = *state;
    if (!e->names)
        skip();
    bayan_graph *g = extract(e, "وتسببت جائحة فيروس (كورونا) في تأجيل "
                                "الاجتماع.");
    const char *p[2];
    assert_int_equal(persons(g, p, 2), 0);
    bayan_graph_free(g);
}

/* Titles stay on the right person when the tagger confirms the names. */
static void test_tagger_keeps_titles(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "استقبل وزير الخارجية العراقي سامي حداد "
                                "نظيره الأردني كريم فؤاد في بغداد.");
    const char *sami = named(g, "سامي حداد"), *karim = named(g, "كريم فؤاد");
    assert_non_null(sami);
    assert_non_null(karim);
    assert_true(has(g, sami, P_LABEL, "Sami Hdad"));
    assert_true(
        has(g, sami, P_REPRESENTS, "https://w3id.org/bayan/id/state/IQ"));
    assert_true(
        has(g, karim, P_REPRESENTS, "https://w3id.org/bayan/id/state/JO"));
    bayan_graph_free(g);
}

/* Every person has an English label: the lexicon's for a known one. */
static void test_english_labels(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "وقال وزير الخارجية الأمريكي مايك بومبيو، "
                                "إن التحالف باق.");
    const char *p[2];
    assert_int_equal(persons(g, p, 2), 1);
    assert_true(has(g, p[0], P_LABEL, "Mike Pompeo"));
    bayan_graph_free(g);
    /* An unknown person: the given name's usual spelling (not the
     * skeleton "Ahmd"), the rest by rule, and the IRI from the same. */
    g = extract(e, "وقال وزير الخارجية الأردني أحمد الخالدي إن التحالف باق.");
    assert_int_equal(persons(g, p, 2), 1);
    assert_true(has(g, p[0], P_LABEL, "Ahmed al-Khaldi"));
    assert_string_equal(p[0],
                        "https://w3id.org/bayan/id/person/ahmed-al-khaldi");
    bayan_graph_free(g);
    /* A ruler's ordinal is his regnal number, not a family name. */
    g = extract(e, "وأجرى ولي العهد الأمير الحسن بن طلال الثالث اتصالا مع "
                   "الوزير.");
    assert_int_equal(persons(g, p, 2), 1);
    assert_true(has(g, p[0], P_LABEL, "Al-Hassan bin Talal III"));
    bayan_graph_free(g);
}

/* The romanization's conventions (romanize.c). */
static void test_romanize(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"جيم ماتيس", "Jim Matis"},
        {"إبراهيم الجعفري", "Ibrahim al-Jafri"},
        {"أسامة", "Asama"},
        {"عبد الله", "Abd Allah"},
        {"عبدالله", "Abdallah"},
        {"مُحَمَّد", "Muhammad"},
        {"خالد بن سالم", "Khald bin Salm"},
        {"الشيخ", "Al-Shikh"},
        {"داوود أوغلو", "Dawud Ughlu"},
        {"جان-مارك", "Jan-Mark"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *r;
        assert_int_equal(text_romanize(cases[i][0], strlen(cases[i][0]), &r),
                         BAYAN_OK);
        assert_string_equal(r, cases[i][1]);
        free(r);
    }
    char *slug;
    assert_int_equal(text_romanized_slug("Al-Sa'di Hsn", &slug), BAYAN_OK);
    assert_string_equal(slug, "al-sadi-hsn");
    free(slug);
}

/* A web page's footer ("a permanent link:") under an article is no
 * person, whatever the tagger makes of its two words. */
static void test_footer_no_person(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "التقى الرئيس الفرنسي نظيره الألماني في "
                                "برلين لبحث التعاون.\n"
                                "رابط دائم :\nhttps://example.org/a1\n");
    const char *p[2];
    assert_int_equal(persons(g, p, 2), 0);
    bayan_graph_free(g);
    /* An editor's line names the editor, not "edited by". */
    g = extract(e, "التقى الرئيس الفرنسي نظيره الألماني في برلين لبحث "
                   "التعاون.\n"
                   "حرر بواسطة: ليلى الخطيب\n");
    assert_int_equal(persons(g, p, 2), 1);
    assert_string_equal(p[0],
                        "https://w3id.org/bayan/id/person/layla-al-khtib");
    bayan_graph_free(g);
}

/* A bare surname repeats a surname, not a ruler's ordinal or the family
 * name after آل: "الثاني" and "اليوم الثاني" name nobody. And a line
 * that opens with two ordinary words and a colon or a number is no
 * byline. */
static void test_no_bare_ordinal(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "استقبل الملك عبدالله الثاني الرئيس "
                                "الفرنسي. وجاء اللقاء في اليوم الثاني من "
                                "الزيارة. وكان الشيخ سعد بن خالد آل ثاني "
                                "قد زار البلاد في الأسبوع الثاني من مايو.");
    const char *p[4];
    size_t n = persons(g, p, 4);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(phrases(g, p[i]), 1);
    bayan_graph_free(g);
    g = extract(e, "وبحلول الساعة 10 صباحا انخفض سعر النفط.\n"
                   "وأضاف قائلا: إن الأسعار سترتفع.\n");
    assert_int_equal(persons(g, p, 4), 0);
    bayan_graph_free(g);
}

/* A name after a place named after someone (an airport, a street, a
 * quarter) is the place's name, not a person the text speaks of. */
static void test_named_place_no_person(void **state)
{
    bayan_engine *e = *state;
    bayan_graph *g = extract(e, "هبطت الطائرة في مطار جون كنيدي الدولي "
                                "مساء أمس. وتظاهر السكان في حي الشيخ "
                                "جراح احتجاجا على القرار.");
    const char *p[2];
    assert_int_equal(persons(g, p, 2), 0);
    bayan_graph_free(g);
    /* a rank that looks like a team (الفريق) still opens a name */
    g = extract(e, "وقال الفريق أول محمد الحداد إن الوضع مستقر.");
    assert_int_equal(persons(g, p, 2), 1);
    bayan_graph_free(g);
}

static void count_info(void *user, const bayan_diagnostic *d)
{
    if (d->severity == BAYAN_INFO)
        ++*(int *)user;
}

/* Without a model the stage works as before (a cue and the words after
 * it), and an info diagnostic says so. */
static void test_without_model(void **state)
{
    (void)state;
    const char *src = getenv("BAYAN_ONTOLOGY_DIR");
    if (!src)
        skip();
    char dir[] = "/tmp/bayan-onto-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const parts[] = {"bayan.ttl", "lexicon", "patterns"};
    char from[4096], to[4096];
    for (size_t i = 0; i < 3; i++) {
        snprintf(from, sizeof from, "%s/%s", src, parts[i]);
        snprintf(to, sizeof to, "%s/%s", dir, parts[i]);
        assert_int_equal(symlink(from, to), 0);
    }
    int infos = 0;
    bayan_options o = {
        .ontology_dir = dir, .on_diagnostic = count_info, .user = &infos};
    bayan_engine *e;
    assert_int_equal(bayan_engine_new(&o, &e), BAYAN_OK);
    assert_null(e->names);
    assert_true(infos >= 1);
    bayan_graph *g = extract(e, "وصل الأمير مسرعا مبكرا، ثم غادر.");
    const char *p[2];
    assert_int_equal(persons(g, p, 2), 1);
    bayan_graph_free(g);
    bayan_engine_free(e);
    for (size_t i = 0; i < 3; i++) {
        snprintf(to, sizeof to, "%s/%s", dir, parts[i]);
        unlink(to);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_role_nisba_name),
        cmocka_unit_test(test_counterpart),
        cmocka_unit_test(test_honorifics_stripped),
        cmocka_unit_test(test_surname_merge),
        cmocka_unit_test(test_shared_surname),
        cmocka_unit_test(test_role_without_name),
        cmocka_unit_test(test_slugs),
        cmocka_unit_test(test_coordinated_role_same_state),
        cmocka_unit_test(test_office_place_not_represented),
        cmocka_unit_test(test_descriptor_no_office),
        cmocka_unit_test(test_head_of_body),
        cmocka_unit_test(test_cue_then_ordinary_words),
        cmocka_unit_test(test_tagger_alone),
        cmocka_unit_test(test_tagger_keeps_titles),
        cmocka_unit_test(test_touching_names_split),
        cmocka_unit_test(test_compound_given_name),
        cmocka_unit_test(test_loanword_no_person),
        cmocka_unit_test(test_english_labels),
        cmocka_unit_test(test_romanize),
        cmocka_unit_test(test_footer_no_person),
        cmocka_unit_test(test_no_bare_ordinal),
        cmocka_unit_test(test_named_place_no_person),
        cmocka_unit_test(test_without_model),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
