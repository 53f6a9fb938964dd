/* Unit tests of the date forms the news uses, read through the whole
 * extraction: both month systems and the Maghrebi names, numbers written
 * onto month names, Arabic-Indic and Persian digits, year-first and
 * day-first numeric headers, datelines and headers in two calendars, Hijri
 * dates, and days and months counted from the publication date. Each test looks at the meeting's schema:startDate
 * or the article's schema:datePublished, whatever the meeting's IRI. The
 * sentences are composed for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "engine/engine.h"
#include "graph/graph.h"
#include "graph/vocab.h"

#include "fixture.h"

/* The value of the first triple with predicate p whose datatype is dt (any
 * when NULL), or "" when there is none. */
static const char *value_of(const bayan_graph *g, const char *p,
                            const char **dt)
{
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(graph_term(g, q[i].p)->value, p) == 0) {
            const term *o = graph_term(g, q[i].o);
            if (dt)
                *dt = o->datatype ? o->datatype : "";
            return o->value;
        }
    return "";
}

/* Asserts that the text's (one) meeting starts on date, typed dt. */
static void assert_meeting_date(void **state, const char *text,
                                const char *date, const char *dt)
{
    bayan_graph *g = read_text(state, text);
    const char *type = NULL;
    const char *got = value_of(g, P_START_DATE, &type);
    if (strcmp(got, date) != 0)
        fail_msg("expected %s, got \"%s\" for: %s", date, got, text);
    assert_string_equal(type, dt);
    bayan_graph_free(g);
}

static void assert_published(void **state, const char *text,
                             const char *date)
{
    bayan_graph *g = read_text(state, text);
    const char *got = value_of(g, P_DATE_PUBLISHED, NULL);
    if (strcmp(got, date) != 0)
        fail_msg("expected %s, got \"%s\" for: %s", date, got, text);
    bayan_graph_free(g);
}

/* Every month in the Maghrebi names, the Levantine names and the
 * transliterated ones, each in a dated sentence. */
static void month_names(void **state)
{
    static const struct {
        const char *month, *date;
    } M[] = {
        {"نونبر", "2022-11-03"},        {"دجنبر", "2022-12-03"},
        {"شتنبر", "2022-09-03"},        {"أبريل", "2022-04-03"},
        {"ماي", "2022-05-03"},          {"يونيو", "2022-06-03"},
        {"يوليوز", "2022-07-03"},       {"غشت", "2022-08-03"},
        {"كانون الثاني", "2022-01-03"}, {"تشرين الأول", "2022-10-03"},
        {"آب", "2022-08-03"},           {"يناير", "2022-01-03"},
        {"جانفي", "2022-01-03"},        {"أوت", "2022-08-03"},
        {"سبتنبر", "2022-09-03"},
    };
    for (size_t i = 0; i < sizeof M / sizeof *M; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "اجتمع وزراء خارجية التحالف في الرباط يوم 3 %s 2022 "
                 "لبحث التعاون.",
                 M[i].month);
        assert_meeting_date(state, text, M[i].date, XSD_DATE);
    }
}

/* A day or a year written onto the month's name, as hurried typing
 * does. */
static void numbers_glued_to_months(void **state)
{
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد يوم 7يونيو "
                        "2022 لبحث التعاون.",
                        "2022-06-07", XSD_DATE);
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد في يونيو2022 "
                        "لبحث التعاون.",
                        "2022-06", XSD_GYEAR_MONTH);
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد يوم 7 "
                        "يونيو2022 لبحث التعاون.",
                        "2022-06-07", XSD_DATE);
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد عام2019 لبحث "
                        "التعاون.",
                        "2019", XSD_GYEAR);
}

/* Arabic-Indic and Persian digits, in the text and in headers. */
static void eastern_digits(void **state)
{
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد يوم ٧ يونيو "
                        "٢٠٢٢ لبحث التعاون.",
                        "2022-06-07", XSD_DATE);
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد يوم ۷ يونيو "
                        "۲۰۲۲ لبحث التعاون.",
                        "2022-06-07", XSD_DATE);
    assert_published(state,
                     "١٢-٠٣-٢٠٢٤\nاجتمع وزراء خارجية التحالف في مدريد "
                     "أمس.",
                     "2024-03-12");
}

/* Headers that put the year first, with slashes or dots. */
static void year_first_headers(void **state)
{
    assert_published(state,
                     "2024/03/12\nاجتمع وزراء خارجية التحالف في مدريد أمس.",
                     "2024-03-12");
    assert_published(state,
                     "۲۰۲۴.۳.۱۲\nاجتمع وزراء خارجية التحالف في مدريد أمس.",
                     "2024-03-12");
    assert_meeting_date(state,
                        "2024/03/12\nاجتمع وزراء خارجية التحالف في مدريد "
                        "أمس.",
                        "2024-03-11", XSD_DATE);
}

/* A byline with the time before the date: "م" after an hour is p.m.,
 * not the era, and the hour is no day. */
static void time_before_date(void **state)
{
    assert_published(state,
                     "وزراء التحالف يجتمعون\n\nمدريد - كاتب المقال 08:19 م، "
                     "12 أكتوبر 2021\n\nاجتمع وزراء خارجية التحالف في "
                     "مدريد أمس لبحث التعاون.",
                     "2021-10-12");
}

/* A dateline with the Maghrebi month dates the text. */
static void maghrebi_dateline(void **state)
{
    assert_meeting_date(state,
                        "الرباط 10 دجنبر 2022 - اجتمع وزراء خارجية "
                        "التحالف في مراكش أمس لبحث التعاون.",
                        "2022-12-09", XSD_DATE);
}

/* Months and weekdays counted from the publication date. */
static void relative_to_publication(void **state)
{
    assert_meeting_date(state,
                        "الرباط 10 دجنبر 2022 - قال الوزير إن اجتماعا "
                        "وزاريا للتحالف سيعقد في مراكش الشهر المقبل.",
                        "2023-01", XSD_GYEAR_MONTH);
    assert_meeting_date(state,
                        "الرباط 10 مارس 2022 - قال الوزير إن وزراء التحالف "
                        "اجتمعوا في مراكش الشهر الماضي.",
                        "2022-02", XSD_GYEAR_MONTH);
    /* 2022-03-10 was a Thursday: last Sunday was the 6th. */
    assert_meeting_date(state,
                        "الرباط 10 مارس 2022 - اجتمع وزراء خارجية التحالف "
                        "في مراكش الأحد الماضي.",
                        "2022-03-06", XSD_DATE);
}

/* A Hijri date, by the tabular calendar (5 Ramadan 1445 is 15 March
 * 2024), with the era letter written on or apart. */
static void hijri_dates(void **state)
{
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد يوم 5 رمضان "
                        "1445 هـ لبحث التعاون.",
                        "2024-03-15", XSD_DATE);
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد يوم 5 رمضان "
                        "1445هـ لبحث التعاون.",
                        "2024-03-15", XSD_DATE);
}

/* A header line that gives the weekday and the date in both calendars and
 * credits an agency dates the text, though it is no short line. */
static void header_in_two_calendars(void **state)
{
    assert_meeting_date(state,
                        "وزراء التحالف يجتمعون في مدريد\n"
                        "الجمعة 5 رمضان 1445//15 مارس/آذار 2024 وكالة "
                        "أنباء المدينة الإخبارية.\n"
                        "اجتمع وزراء خارجية التحالف في مدريد أمس لبحث "
                        "التعاون.",
                        "2024-03-14", XSD_DATE);
}

/* Days as ordinal words, before a month or "the current month". */
static void ordinal_days(void **state)
{
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد في السابع عشر "
                        "من ديسمبر 2015 لبحث التعاون.",
                        "2015-12-17", XSD_DATE);
    assert_meeting_date(state,
                        "اجتمع وزراء خارجية التحالف في مدريد في الحادي "
                        "والعشرين من مارس 2016 لبحث التعاون.",
                        "2016-03-21", XSD_DATE);
    assert_meeting_date(state,
                        "الرباط 20 مارس 2022 - اجتمع وزراء خارجية التحالف "
                        "في مراكش في الخامس من الشهر الجاري.",
                        "2022-03-05", XSD_DATE);
    /* a day of next month or last month, in words or in digits */
    assert_meeting_date(state,
                        "عمان 10 ديسمبر 2023 - قال الوزير إن وزراء الخارجية "
                        "سيجتمعون في القاهرة في السادس من الشهر المقبل.",
                        "2024-01-06", XSD_DATE);
    assert_meeting_date(state,
                        "عمان 10 ديسمبر 2023 - اجتمع وزراء الخارجية في "
                        "القاهرة في 28 من الشهر الماضي.",
                        "2023-11-28", XSD_DATE);
    assert_meeting_date(state,
                        "عمان 10 ديسمبر 2023 - اجتمع وزراء الخارجية في "
                        "القاهرة يوم 2 من الشهر الحالي.",
                        "2023-12-02", XSD_DATE);
}

/* Years counted from the publication's: last year, this year, a month of
 * next year. */
/* The day before yesterday and after tomorrow; a date in digits in the
 * body of the text. */
static void two_days_off_and_digits(void **state)
{
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - عقد وزراء الخارجية اجتماعا في "
                        "القاهرة أول أمس.",
                        "2023-05-08", XSD_DATE);
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - يعقد وزراء الخارجية اجتماعا في "
                        "القاهرة بعد غد.",
                        "2023-05-12", XSD_DATE);
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - مقدمة.\nسطر ثان.\nوكان وزراء "
                        "الخارجية قد اجتمعوا في القاهرة في 2/5/2023.",
                        "2023-05-02", XSD_DATE);
}

/* "في 2019." and "هذا الشهر"; a count after "في" is no year. */
static void a_bare_year_and_this_month(void **state)
{
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - وكان وزراء الخارجية قد اجتمعوا "
                        "في القاهرة في 2019.",
                        "2019", XSD_GYEAR);
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - اجتمع وزراء الخارجية في القاهرة "
                        "مطلع هذا الشهر.",
                        "2023-05", XSD_GYEAR_MONTH);
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - اجتمع وزراء الخارجية في القاهرة "
                        "أمس بمشاركة خبراء في 2000 موقع.",
                        "2023-05-09", XSD_DATE);
}

static void years_from_the_publication(void **state)
{
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - وكانت القمة العربية قد عقدت في "
                        "جدة العام الماضي.",
                        "2022", XSD_GYEAR);
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - وكانت القمة العربية قد عقدت في "
                        "جدة في مارس من العام الماضي.",
                        "2022-03", XSD_GYEAR_MONTH);
    assert_meeting_date(state,
                        "عمان 10 مايو 2023 - وتستضيف الرياض القمة العربية "
                        "المقبلة في أكتوبر من العام المقبل.",
                        "2024-10", XSD_GYEAR_MONTH);
}

/* "This month" alone, and a month "last" with the word "month" before
 * it. */
static void current_and_last_month(void **state)
{
    assert_meeting_date(state,
                        "الرباط 10 مارس 2022 - قال الوزير إن اجتماعا "
                        "وزاريا للتحالف سيعقد في مراكش خلال الشهر الجاري.",
                        "2022-03", XSD_GYEAR_MONTH);
    assert_meeting_date(state,
                        "الرباط 10 مارس 2022 - اجتمع وزراء خارجية التحالف "
                        "في مراكش مطلع شهر سبتمبر الأخير.",
                        "2021-09", XSD_GYEAR_MONTH);
}

/* A first line that opens with the place and the date in both calendars,
 * era letters apart and no mark before the text, dates the article. */
static void dateline_in_two_calendars(void **state)
{
    assert_published(state,
                     "طنجة 3 جمادى الآخرة 1445 هـ موافق 16 دجنبر 2023 م "
                     "ومع اجتمع وزراء خارجية التحالف اليوم في الرباط.",
                     "2023-12-16");
    assert_meeting_date(state,
                        "طنجة 3 جمادى الآخرة 1445 هـ موافق 16 دجنبر 2023 م "
                        "ومع اجتمع وزراء خارجية التحالف اليوم في الرباط.",
                        "2023-12-16", XSD_DATE);
}

/* A day and month without a year: the last such day for what was held,
 * the next one for what is planned. */
static void day_without_year(void **state)
{
    assert_meeting_date(state,
                        "الرباط 10 ديسمبر 2022 - اجتمع وزراء خارجية التحالف "
                        "في مراكش يوم 15 يناير لبحث التعاون.",
                        "2022-01-15", XSD_DATE);
    assert_meeting_date(state,
                        "الرباط 10 ديسمبر 2022 - قال الوزير إن اجتماعا "
                        "وزاريا للتحالف سيعقد في مراكش يوم 15 يناير.",
                        "2023-01-15", XSD_DATE);
}

/* "15 يناير القادم" is the next 15 January, whatever the verb. */
static void day_with_next(void **state)
{
    assert_meeting_date(state,
                        "الرباط 10 أكتوبر 2022 - أعلن الوزير أن اجتماعا "
                        "للتحالف في مراكش يوم 15 يناير القادم.",
                        "2023-01-15", XSD_DATE);
}

/* A weekday before the full date does not stand for it (with no
 * publication date it resolved to nothing); a Hijri date followed by the
 * Gregorian one gives the Gregorian; a Hijri date alone is read in the
 * Umm al-Qura calendar (20 Sha'ban 1444 is 12 March 2023 there, the 13th
 * in the tabular one). */
static void weekday_and_two_calendars(void **state)
{
    assert_meeting_date(state,
                        "اجتمع وزراء الخارجية العرب في القاهرة يوم الأحد 12 "
                        "مارس 2023.",
                        "2023-03-12", XSD_DATE);
    assert_meeting_date(state,
                        "اجتمع وزراء الخارجية العرب في القاهرة يوم الأحد 20 "
                        "شعبان 1444 هـ الموافق 12 مارس 2023 م.",
                        "2023-03-12", XSD_DATE);
    assert_meeting_date(state,
                        "اجتمع وزراء الخارجية العرب في القاهرة يوم 20 شعبان "
                        "1444 هـ.",
                        "2023-03-12", XSD_DATE);
}

/* The dateline dates the article, not the meeting its first sentence
 * tells of without a date. */
static void dateline_dates_no_meeting(void **state)
{
    bayan_graph *g = read_text(
        state, "عمان 10 مايو 2023 (بترا) - تستضيف العاصمة الأردنية مؤتمرا "
               "دوليا للمانحين.\n");
    const char *type = NULL;
    assert_string_equal(value_of(g, P_START_DATE, &type), "");
    assert_string_equal(value_of(g, P_DATE_PUBLISHED, NULL), "2023-05-10");
    bayan_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(month_names),
        cmocka_unit_test(day_with_next),
        cmocka_unit_test(weekday_and_two_calendars),
        cmocka_unit_test(dateline_dates_no_meeting),
        cmocka_unit_test(numbers_glued_to_months),
        cmocka_unit_test(eastern_digits),
        cmocka_unit_test(year_first_headers),
        cmocka_unit_test(maghrebi_dateline),
        cmocka_unit_test(time_before_date),
        cmocka_unit_test(relative_to_publication),
        cmocka_unit_test(hijri_dates),
        cmocka_unit_test(header_in_two_calendars),
        cmocka_unit_test(ordinal_days),
        cmocka_unit_test(years_from_the_publication),
        cmocka_unit_test(two_days_off_and_digits),
        cmocka_unit_test(a_bare_year_and_this_month),
        cmocka_unit_test(current_and_last_month),
        cmocka_unit_test(dateline_in_two_calendars),
        cmocka_unit_test(day_without_year),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
