/* Unit tests of meeting extraction and dates: calendar arithmetic, date
 * forms in both month systems, partial dates, weekdays resolved against a
 * dateline, levels, planned and virtual meetings, participant counts in
 * digits and words, new members, chairs and invitations, and the identity
 * of meeting IRIs across articles. The texts are composed for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/dates.h"
#include "engine/engine.h"
#include "graph/graph.h"
#include "extract/meeting.h"
#include "graph/vocab.h"

#include "fixture.h"

#define BASE "https://w3id.org/bayan/id/"

/* A new graph of the given articles (each a NUL-terminated text). */
static bayan_graph *read_texts(void **state, const char *const *texts,
                               size_t n)
{
    bayan_graph *g = bayan_graph_new();
    assert_non_null(g);
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "t%zu.txt", i);
        assert_int_equal(
            bayan_read_memory(*state, g, name, texts[i], strlen(texts[i])),
            BAYAN_OK);
    }
    return g;
}

/* Distinct meeting nodes. */
static size_t count_meetings(const bayan_graph *g)
{
    return count_linked(g, P_TYPE, C_MEETING);
}

/* True when the subject s is <BASE path>, or a meeting scoped to its
 * article whose IRI begins with path and the parts that follow it
 * ("meeting/washington" names "meeting/washington-ministerial-a1b2c3d4",
 * see meeting_identity.c). */
static bool names(const char *s, const char *path)
{
    size_t b = strlen(BASE), n = strlen(path), len = strlen(s);
    if (strncmp(s, BASE, b) != 0 || strncmp(s + b, path, n) != 0)
        return false;
    if (s[b + n] == '\0')
        return true;
    const char *key = strstr(s + b + n, "-a");
    while (key && strstr(key + 2, "-a"))
        key = strstr(key + 2, "-a");
    return s[b + n] == '-' && key && strspn(key + 2, "0123456789abcdef") == 8 &&
           (size_t)(key + 10 - s) <= len;
}

/* True when <BASE path> <p> has the object value (an IRI, named as
 * subjects are, or a literal's lexical form with datatype dt when dt is
 * given). */
static bool has(const bayan_graph *g, const char *path, const char *p,
                const char *value, const char *dt)
{
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++) {
        const term *o = graph_term(g, q[i].o);
        if (names(graph_term(g, q[i].s)->value, path) &&
            strcmp(graph_term(g, q[i].p)->value, p) == 0 &&
            (strcmp(o->value, value) == 0 ||
             (!dt && strncmp(value, BASE, strlen(BASE)) == 0 &&
              names(o->value, value + strlen(BASE)))) &&
            (!dt || (o->datatype && strcmp(o->datatype, dt) == 0)))
            return true;
    }
    return false;
}

static bool has_any(const bayan_graph *g, const char *path, const char *p)
{
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        if (names(graph_term(g, q[i].s)->value, path) &&
            strcmp(graph_term(g, q[i].p)->value, p) == 0)
            return true;
    return false;
}

/* ---- calendar ------------------------------------------------------------
 */

static void calendar(void **state)
{
    (void)state;
    bdate d = {2026, 2, 10};
    assert_int_equal(date_weekday(d), 2); /* a Tuesday */
    assert_int_equal(date_weekday((bdate){1970, 1, 1}), 4);
    for (long z = -500000; z < 800000; z += 997) {
        bdate x = date_from_days(z);
        assert_true(date_is_day(x));
        assert_int_equal(date_to_days(x), z);
    }
    char buf[11];
    assert_string_equal(date_format((bdate){2021, 6, 28}, buf), XSD_DATE);
    assert_string_equal(buf, "2021-06-28");
    assert_string_equal(date_format((bdate){2022, 6, 0}, buf),
                        XSD_GYEAR_MONTH);
    assert_string_equal(buf, "2022-06");
    assert_string_equal(date_format((bdate){2021, 0, 0}, buf), XSD_GYEAR);
    assert_null(date_format((bdate){0, 0, 0}, buf));
    assert_false(date_is_day((bdate){2021, 2, 29}));
    assert_true(date_is_day((bdate){2020, 2, 29}));
    assert_true(date_compatible((bdate){2021, 0, 0}, (bdate){2021, 6, 28}));
    assert_false(date_compatible((bdate){2021, 6, 0}, (bdate){2021, 7, 1}));
}

static void token_numbers(void **state)
{
    (void)state;
    const char *waw20 = "\xd9\x88"
                        "20",
               *ad = "2015\xd9\x85";
    assert_int_equal(date_token_number(waw20, strlen(waw20)), 20);
    assert_int_equal(date_token_number(ad, strlen(ad)), 2015);
    assert_int_equal(date_token_number("12a", 3), -1);
}

/* ---- dates in text -------------------------------------------------------
 */

/* The same meeting in both month systems is one node: date + city. */
static void both_month_systems_one_node(void **state)
{
    const char *texts[] = {
        "عقد وزراء خارجية التحالف اجتماعا في روما يوم 28 حزيران 2021.",
        "اجتمع وزراء الخارجية في روما في 28 يونيو 2021 لبحث الأوضاع.",
    };
    bayan_graph *g = read_texts(state, texts, 2);
    assert_int_equal(count_meetings(g), 1);
    assert_true(has(g, "meeting/2021-06-28-rome", NS_SCHEMA "startDate",
                    "2021-06-28", XSD_DATE));
    assert_true(
        has(g, "meeting/2021-06-28-rome", P_LOCATION, BASE "city/rome", NULL));
    assert_true(has(g, "meeting/2021-06-28-rome", P_MEETING_LEVEL,
                    L_MINISTERIAL, NULL));
    bayan_graph_free(g);
}

/* The Maghrebi month names are months too (one test for all three
 * systems would hide which one failed). */
static void maghrebi_months(void **state)
{
    const char *texts[] = {
        "عقد وزراء خارجية التحالف اجتماعا في روما يوم 5 غشت 2021.",
        "عقد وزراء خارجية التحالف اجتماعا في روما يوم 9 يوليوز 2021.",
    };
    bayan_graph *g = read_texts(state, texts, 2);
    assert_true(has(g, "meeting/2021-08-05-rome", NS_SCHEMA "startDate",
                    "2021-08-05", XSD_DATE));
    assert_true(has(g, "meeting/2021-07-09-rome", NS_SCHEMA "startDate",
                    "2021-07-09", XSD_DATE));
    bayan_graph_free(g);
}

static void levantine_month_with_gregorian_gloss(void **state)
{
    bayan_graph *g = read_text(
        state, "استضافت الكويت مؤتمرا حول مكافحة الدعاية في 5 تشرين الأول "
               "(أكتوبر) 2014.");
    assert_true(
        has(g, "meeting/2014-10-05-kw", P_START_DATE, "2014-10-05", XSD_DATE));
    assert_true(
        has(g, "meeting/2014-10-05-kw", P_HOST, BASE "state/KW", NULL));
    bayan_graph_free(g);
}

static void partial_dates_and_planned(void **state)
{
    bayan_graph *g = read_text(
        state, "قال البيان إن الوزراء يعتزمون عقد الاجتماع المقبل بحلول "
               "يونيو/حزيران 2022 وعقد اجتماع المدراء السياسيين في بروكسل "
               "خريف 2021.");
    assert_int_equal(count_meetings(g), 2);
    assert_true(has(g, "meeting/2022-06-ministerial", P_START_DATE, "2022-06",
                    XSD_GYEAR_MONTH));
    assert_true(
        has(g, "meeting/2022-06-ministerial", P_PLANNED, "true", XSD_BOOLEAN));
    assert_true(
        has(g, "meeting/2021-brussels", P_START_DATE, "2021", XSD_GYEAR));
    assert_true(has(g, "meeting/2021-brussels", P_MEETING_LEVEL,
                    L_POLITICAL_DIRECTORS, NULL));
    assert_true(
        has(g, "meeting/2021-brussels", P_PLANNED, "true", XSD_BOOLEAN));
    bayan_graph_free(g);
}

/* A weekday resolves against the dateline, which is datePublished. */
static void weekday_against_dateline(void **state)
{
    bayan_graph *g = read_text(
        state, "الرياض 10 فبراير 2026\n"
               "اجتمع المدراء السياسيون للتحالف الدولي يوم الإثنين في الرياض "
               "لبحث الأوضاع في المنطقة.");
    assert_true(has(g, "meeting/2026-02-09-riyadh", P_START_DATE, "2026-02-09",
                    XSD_DATE));
    assert_true(has(g, "meeting/2026-02-09-riyadh", P_MEETING_LEVEL,
                    L_POLITICAL_DIRECTORS, NULL));
    size_t n;
    const quad *q = graph_quads(g, &n);
    bool published = false;
    for (size_t i = 0; i < n; i++)
        published |=
            strcmp(graph_term(g, q[i].p)->value, P_DATE_PUBLISHED) == 0 &&
            strcmp(graph_term(g, q[i].o)->value, "2026-02-10") == 0;
    assert_true(published);
    bayan_graph_free(g);
}

/* Whether g says the article was published on iso. */
static bool published_on(const bayan_graph *g, const char *iso)
{
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(graph_term(g, q[i].p)->value, P_DATE_PUBLISHED) == 0 &&
            strcmp(graph_term(g, q[i].o)->value, iso) == 0)
            return true;
    return false;
}

/* A numeric header (day-month-year) dates the text, and a meeting's day
 * without a year takes the header's. */
static void numeric_header(void **state)
{
    bayan_graph *g = read_text(
        state, "08-06-2023\n"
               "عقد وزراء خارجية التحالف اجتماعا في روما يوم 5 يونيو.");
    assert_true(published_on(g, "2023-06-08"));
    assert_true(has(g, "meeting/2023-06-05-rome", P_START_DATE, "2023-06-05",
                    XSD_DATE));
    bayan_graph_free(g);
}

/* A dateline that opens the text's first line, before the agency and a
 * dash, dates the text, and "أمس" counts from it. */
static void dateline_sharing_its_line(void **state)
{
    bayan_graph *g = read_text(
        state, "عمان 15 نوفمبر 2017 (بترا) - عقد وزراء خارجية التحالف "
               "اجتماعا في عمان أمس لبحث الأوضاع.");
    assert_true(published_on(g, "2017-11-15"));
    assert_true(has(g, "meeting/2017-11-14-amman", P_START_DATE,
                    "2017-11-14", XSD_DATE));
    bayan_graph_free(g);
}

/* "أمس (22 آذار 2017)" fixes yesterday when nothing else dates the text. */
static void yesterday_fixed_by_the_text(void **state)
{
    bayan_graph *g = read_text(
        state, "عقد الوزراء اجتماعا موسعا في واشنطن يوم أمس.\n"
               "وأكد الوزراء في بيانهم مساء أمس (22 آذار 2017) التزامهم.");
    assert_true(has(g, "meeting/2017-03-22-washington", P_START_DATE,
                    "2017-03-22", XSD_DATE));
    bayan_graph_free(g);
}

/* Without a publication date, a weekday gives no date. */
static void weekday_without_reference(void **state)
{
    bayan_graph *g = read_text(
        state, "عقد التحالف اجتماعا الخميس في لندن لبحث خطر المقاتلين.");
    assert_int_equal(count_meetings(g), 1);
    assert_false(has_any(g, "meeting/london-meeting", P_START_DATE));
    bayan_graph_free(g);
}

/* ---- facts ---------------------------------------------------------------
 */

static void virtual_cohosts_chair(void **state)
{
    bayan_graph *g = read_text(
        state,
        "عقدت الولايات المتحدة ونيجيريا اجتماعا افتراضيا مع أعضاء التحالف "
        "لمناقشة التهديد.");
    assert_int_equal(count_meetings(g), 1);
    const char *m = NULL;
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n && !m; i++)
        if (strcmp(graph_term(g, q[i].o)->value, C_MEETING) == 0)
            m = graph_term(g, q[i].s)->value + strlen(BASE);
    assert_non_null(m);
    char path[128];
    snprintf(path, sizeof path, "%s", m);
    assert_true(has(g, path, P_VIRTUAL, "true", XSD_BOOLEAN));
    assert_true(has(g, path, P_PLANNED, "false", XSD_BOOLEAN));
    assert_true(has(g, path, P_CHAIR, BASE "state/US", NULL));
    assert_true(has(g, path, P_CHAIR, BASE "state/NG", NULL));
    bayan_graph_free(g);
}

static void counts_in_words_not_coalition_size(void **state)
{
    bayan_graph *g = read_text(
        state, "عقد اجتماع وزاري في باريس بمشاركة خمس وستين دولة من أعضاء "
               "التحالف الذي يضم 66 دولة.");
    assert_true(has(g, "meeting/paris-ministerial", P_PARTICIPANT_COUNT, "65",
                    XSD_INTEGER));
    assert_false(has(g, "meeting/paris-ministerial", P_PARTICIPANT_COUNT, "66",
                     XSD_INTEGER));
    bayan_graph_free(g);
    g = read_text(state, "عقد في بروكسل أول اجتماع على مستوى الوزراء لستين "
                         "دولة مشاركة في التحالف.");
    assert_true(has(g, "meeting/brussels-ministerial", P_PARTICIPANT_COUNT,
                    "60", XSD_INTEGER));
    bayan_graph_free(g);
}

static void new_members_and_statement(void **state)
{
    bayan_graph *g = read_text(
        state, "صدر البيان الختامي عقب الاجتماع الوزاري الذي انعقد في روما.\n"
               "وأفاد البيان بانضمام موريتانيا واليمن للتحالف.");
    assert_true(has(g, "meeting/rome-ministerial", P_NEW_MEMBER,
                    BASE "state/MR", NULL));
    assert_true(has(g, "meeting/rome-ministerial", P_NEW_MEMBER,
                    BASE "state/YE", NULL));
    assert_true(has(g, "meeting/rome-ministerial", P_ISSUED,
                    BASE "statement/rome-ministerial", NULL));
    bayan_graph_free(g);
}

static void invitation_is_not_chair(void **state)
{
    bayan_graph *g = read_text(
        state, "اجتمع المدراء السياسيون في كوبنهاغن بدعوة من الدنمارك، برئاسة "
               "إيطاليا والولايات المتحدة.");
    const char *path = "meeting/copenhagen-political-directors";
    assert_true(has(g, path, P_INVITED_BY, BASE "state/DK", NULL));
    assert_false(has(g, path, P_CHAIR, BASE "state/DK", NULL));
    assert_true(has(g, path, P_CHAIR, BASE "state/IT", NULL));
    assert_true(has(g, path, P_CHAIR, BASE "state/US", NULL));
    bayan_graph_free(g);
}

/* Two meetings in one city a day apart stay two. */
static void same_city_other_day(void **state)
{
    const char *texts[] = {
        "عقد الوزراء اجتماعا في روما في 28 يونيو 2021.",
        "عقد الوزراء اجتماعا في روما في 29 يونيو 2021.",
    };
    bayan_graph *g = read_texts(state, texts, 2);
    assert_int_equal(count_meetings(g), 2);
    assert_true(has_any(g, "meeting/2021-06-28-rome", P_START_DATE));
    assert_true(has_any(g, "meeting/2021-06-29-rome", P_START_DATE));
    bayan_graph_free(g);
}

/* A body alone (the small group's ministers) stands for its meeting. */
static void small_group_without_meeting_word(void **state)
{
    bayan_graph *g = read_text(
        state,
        "أكد وزراء خارجية المجموعة المصغرة للتحالف الدولي في بيان مشترك "
        "التزامهم بهزيمة التنظيم.");
    assert_int_equal(count_meetings(g), 1);
    size_t n;
    const quad *q = graph_quads(g, &n);
    bool sg = false;
    for (size_t i = 0; i < n; i++)
        sg |= strcmp(graph_term(g, q[i].o)->value, L_SMALL_GROUP) == 0;
    assert_true(sg);
    bayan_graph_free(g);
}

static void no_meeting_no_node(void **state)
{
    bayan_graph *g = read_text(
        state, "هنأت وزارة الخارجية اليمن بانضمامه إلى التحالف الدولي.");
    assert_int_equal(count_meetings(g), 0);
    bayan_graph_free(g);
}

/* "كل من" opens the list of chairs wherever it stands in the clause. */
static void chairs_listed_after_each_of(void **state)
{
    bayan_graph *g = read_text(
        state, "عقد فريق عمل اجتماعا في روما يوم 3 مارس 2016، ويرأس الفريق "
               "كل من فرنسا والأردن.");
    const char *path = "meeting/2016-03-03-rome";
    assert_true(has(g, path, P_CHAIR, BASE "state/FR", NULL));
    assert_true(has(g, path, P_CHAIR, BASE "state/JO", NULL));
    bayan_graph_free(g);
}

/* The head of a government named with "برئاسة" does not chair the
 * meeting. */
static void government_head_is_not_chair(void **state)
{
    bayan_graph *g = read_text(
        state, "عقد الوزراء اجتماعا في روما يوم 5 مايو 2017، ورحبوا بالحكومة "
               "العراقية برئاسة مصطفى الكاظمي.");
    assert_int_equal(count_meetings(g), 1);
    assert_false(has_any(g, "meeting/2017-05-05-rome", P_CHAIR));
    bayan_graph_free(g);
}

/* "على هذا المستوى": the level of the meeting told of before. */
static void level_of_the_meeting_before(void **state)
{
    bayan_graph *g =
        read_text(state, "اجتمع وزراء الخارجية في لندن يوم 2 فبراير 2016.\n"
                         "وكان أول لقاء على هذا المستوى قد عقد في بروكسل.");
    assert_true(has(g, "meeting/brussels-ministerial", P_MEETING_LEVEL,
                    L_MINISTERIAL, NULL));
    bayan_graph_free(g);
}

/* Two meetings named at once, each with its city and month. */
static void two_meetings_two_cities(void **state)
{
    bayan_graph *g = read_text(
        state, "وجاء ذلك بعد الاجتماعين اللذين عقدا في لندن (مارس 2016) "
               "وباريس (سبتمبر 2016).");
    assert_int_equal(count_meetings(g), 2);
    assert_true(has_any(g, "meeting/2016-03-london", P_START_DATE));
    assert_true(has_any(g, "meeting/2016-09-paris", P_START_DATE));
    bayan_graph_free(g);
}

/* A participant count far after the meeting word, in the same clause
 * chain. */
static void count_past_the_window(void **state)
{
    bayan_graph *g = read_text(
        state, "انعقد الاجتماع في روما يوم 4 أبريل 2018 بدعوة من الحكومة "
               "الإيطالية وبحضور وفود رفيعة المستوى قدمت من مختلف القارات "
               "والمناطق للنظر في الخطوات التالية وتمثل 45 دولة.");
    assert_true(has(g, "meeting/2018-04-04-rome", P_PARTICIPANT_COUNT, "45",
                    XSD_INTEGER));
    bayan_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calendar),
        cmocka_unit_test(token_numbers),
        cmocka_unit_test_setup_teardown(both_month_systems_one_node, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(maghrebi_months, setup, teardown),
        cmocka_unit_test_setup_teardown(levantine_month_with_gregorian_gloss,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(partial_dates_and_planned, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(numeric_header, setup, teardown),
        cmocka_unit_test_setup_teardown(dateline_sharing_its_line, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(weekday_against_dateline, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(yesterday_fixed_by_the_text, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(weekday_without_reference, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(virtual_cohosts_chair, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(counts_in_words_not_coalition_size,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(new_members_and_statement, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(invitation_is_not_chair, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(same_city_other_day, setup, teardown),
        cmocka_unit_test_setup_teardown(small_group_without_meeting_word,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(no_meeting_no_node, setup, teardown),
        cmocka_unit_test_setup_teardown(chairs_listed_after_each_of, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(government_head_is_not_chair, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(level_of_the_meeting_before, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(two_meetings_two_cities, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(count_past_the_window, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
