/* Unit tests of meeting frames: which meetings a text reports and at what
 * level. Two officials meeting are of no group's level; one official
 * meeting several people has one meeting per pair; a council's session is
 * a meeting; a future verb makes it planned; a city that acts in a title
 * is not a meeting's place. The texts are composed for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"

#define BASE_ID "https://w3id.org/bayan/id/"

/* The distinct subjects typed bayan:Meeting, up to cap, into out. */
static size_t meetings(const bayan_graph *g, uint32_t *out, size_t cap)
{
    size_t n, k = 0;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(graph_term(g, q[i].p)->value, P_TYPE) != 0 ||
            strcmp(graph_term(g, q[i].o)->value, C_MEETING) != 0)
            continue;
        bool seen = false;
        for (size_t j = 0; j < k && !seen; j++)
            seen = out[j] == q[i].s;
        if (!seen && k < cap)
            out[k++] = q[i].s;
    }
    return k;
}

/* The object of <s> <p>, or NULL. */
static const char *value_of(const bayan_graph *g, uint32_t s, const char *p)
{
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        if (q[i].s == s && strcmp(graph_term(g, q[i].p)->value, p) == 0)
            return graph_term(g, q[i].o)->value;
    return NULL;
}

/* How many meetings have <p> value. */
static size_t meetings_with(const bayan_graph *g, const char *p,
                            const char *value)
{
    uint32_t m[16];
    size_t n = meetings(g, m, 16), k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *v = value_of(g, m[i], p);
        k += v && strcmp(v, value) == 0;
    }
    return k;
}

static size_t count(const bayan_graph *g)
{
    return count_linked(g, P_TYPE, C_MEETING);
}

/* A minister meeting one counterpart: the meeting of two officials is not a
 * ministerial meeting (that is a meeting of ministers of many states). */
static void two_officials_are_no_ministerial(void **state)
{
    bayan_graph *g = extract(
        *state, "التقى وزير الخارجية الفرنسي جان لوران في عمان أمس نظيره "
                "الأردني سمير النعيمي وبحثا العلاقات بين البلدين.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_OTHER), 1);
    bayan_graph_free(g);
}

/* Ministers of many states meeting are a ministerial meeting, bilateral
 * verb or not. */
static void counterparts_in_the_plural_are_ministerial(void **state)
{
    bayan_graph *g =
        extract(*state, "التقى وزير الخارجية الفرنسي جان لوران في بروكسل أمس "
                        "نظراءه الأوروبيين لبحث الأزمة.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_MINISTERIAL), 1);
    bayan_graph_free(g);
}

/* One official meeting three people: three meetings, one per pair. */
static void one_meeting_per_counterpart(void **state)
{
    bayan_graph *g = extract(
        *state, "وفي بغداد التقى الوزير جان لوران مع رئيس الوزراء العراقي "
                "أحمد الخالدي ووزير الخارجية سامي العبيدي ورئيس البرلمان "
                "خالد المنصوري.\n");
    assert_int_equal(count(g), 3);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/baghdad"), 3);
    bayan_graph_free(g);
}

/* Received by two people ("من قبل"): two meetings. */
static void received_by_two(void **state)
{
    bayan_graph *g =
        extract(*state, "وفي الرباط سيستقبل الوزير من قبل رئيس الحكومة أحمد "
                        "الخالدي ورئيس البرلمان خالد المنصوري.\n");
    assert_int_equal(count(g), 2);
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 2);
    bayan_graph_free(g);
}

/* A council's session ("دورته") is a meeting. */
static void council_session(void **state)
{
    bayan_graph *g = extract(
        *state, "عقد مجلس الجامعة العربية دورته العادية في القاهرة أمس "
                "برئاسة الأردن.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/cairo"), 1);
    bayan_graph_free(g);
}

/* A future verb the cue list names ("سينظم") makes a meeting planned. */
static void future_verb_planned(void **state)
{
    bayan_graph *g = extract(
        *state, "سينظم الاجتماع في الرباط بمشاركة ممثلين عن 20 دولة.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 1);
    bayan_graph_free(g);
}

/* A title where a city acts ("باريس تدعو") gives no place to the meeting
 * of the text; a title that places a meeting ("في روما") does. */
static void city_acting_in_a_title(void **state)
{
    bayan_graph *g = extract(*state, "باريس تدعو إلى الحوار\n"
                                     "اجتمع الوزراء لبحث الأزمة.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/paris"), 0);
    bayan_graph_free(g);
    g = extract(*state, "وزراء الخارجية في روما\n"
                        "اجتمع الوزراء لبحث الأزمة.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/rome"), 1);
    bayan_graph_free(g);
}

/* A place named as a meeting's topic ("حول سوريا", "خاصة بمدينة القدس")
 * or far from it ("الأوضاع في سوريا") is not where it is held. */
static void topic_is_no_place(void **state)
{
    bayan_graph *g =
        extract(*state, "عقد وزراء الخارجية العرب اجتماعا طارئا حول سوريا "
                        "لمتابعة الأوضاع في لبنان.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/SY"), 0);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/LB"), 0);
    bayan_graph_free(g);
    g = extract(*state, "عقد الوزراء اجتماعا في الأردن أمس.\n");
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/JO"), 1);
    bayan_graph_free(g);
}

/* "هذه الجلسة" is the session told of before: no second meeting, and
 * what the sentence says of other places and times stays with them. */
static void demonstrative_is_the_meeting_before(void **state)
{
    bayan_graph *g = extract(
        *state, "عقد مجلس الأمن جلسة طارئة في نيويورك أمس.\n"
                "وتهدف هذه الجلسة إلى بحث الأوضاع في مدينة حلب، وستعقد "
                "جلسات مماثلة لاحقا.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/new-york"), 1);
    assert_int_equal(meetings_with(g, P_PLANNED, "false"), 1);
    bayan_graph_free(g);
}

/* A group on the UN sanctions lists is what a meeting is against, never
 * one of its attendees. */
static void proscribed_group_attends_nothing(void **state)
{
    bayan_graph *g = extract(
        *state, "عقد وزراء الخارجية اجتماعا في باريس بمشاركة فرنسا وتنظيم "
                "داعش.\n");
    assert_int_equal(count_linked(g, P_ATTENDEE, BASE_ID "state/FR"), 1);
    assert_int_equal(count_linked(g, P_ATTENDEE, BASE_ID "org/isis"), 0);
    bayan_graph_free(g);
}

/* A meeting dated after the publication date is still to come, though
 * its verb is in the present ("ينعقد"). */
static void dated_after_publication_is_planned(void **state)
{
    bayan_graph *g = extract(
        *state, "الرباط 10 مايو 2024 (وكالات) - ينعقد اجتماع وزراء الخارجية "
                "العرب في الرباط يوم 20 مايو 2024.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 1);
    bayan_graph_free(g);
    g = extract(*state, "الرباط 10 مايو 2024 (وكالات) - انعقد اجتماع وزراء "
                        "الخارجية العرب في الرباط يوم 8 مايو 2024.\n");
    assert_int_equal(meetings_with(g, P_PLANNED, "false"), 1);
    bayan_graph_free(g);
}

/* Chairs after a feminine verb ("ترأست كل من دولة الكويت وألمانيا"); a
 * committee's head ("اللجنة برئاسة مصر") chairs the committee, not the
 * summit. */
static void chairs_and_committee_heads(void **state)
{
    bayan_graph *g = extract(
        *state, "ترأست كل من دولة الكويت وألمانيا الاجتماع الثاني لمجموعة "
                "العمل في أبوظبي.\n");
    assert_int_equal(count_linked(g, P_CHAIR, BASE_ID "state/KW"), 1);
    assert_int_equal(count_linked(g, P_CHAIR, BASE_ID "state/DE"), 1);
    bayan_graph_free(g);
    g = extract(*state, "أوصت القمة العربية في الرياض باستمرار عمل اللجنة "
                        "برئاسة مصر.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(count_linked(g, P_CHAIR, BASE_ID "state/EG"), 0);
    bayan_graph_free(g);
}

/* Talks with two bodies and no person named ("مباحثات مع ممثلي الحكومة
 * الأردنية والاتحاد الأفريقي"): one meeting with each. */
static void talks_with_two_bodies(void **state)
{
    bayan_graph *g =
        extract(*state, "سيجري المبعوث في القاهرة مباحثات مع ممثلي الحكومة "
                        "الأردنية والاتحاد الأفريقي.\n");
    assert_int_equal(count(g), 2);
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 2);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/cairo"), 2);
    bayan_graph_free(g);
}

/* A summit a foreign minister attends is still a summit. */
static void minister_at_a_summit(void **state)
{
    bayan_graph *g = extract(
        *state, "اختتمت قمة مجلس التعاون الخليجي في الرياض أمس بحضور وزير "
                "الخارجية المصري.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_LEADERS), 1);
    bayan_graph_free(g);
}

/* One minister makes a meeting ministerial as its chair, not as a
 * speaker. */
static void minister_chairs_or_speaks(void **state)
{
    bayan_graph *g =
        extract(*state, "عقد المؤتمر الدولي في باريس أمس وألقى وزير الخارجية "
                        "البحريني كلمة أمام المؤتمر.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_MINISTERIAL), 0);
    bayan_graph_free(g);
    g = extract(*state, "عقد اجتماع في باريس أمس برئاسة وزير الخارجية "
                        "البحريني.\n");
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_MINISTERIAL), 1);
    bayan_graph_free(g);
}

/* A later "meeting with A" is the meeting with A told of before. */
static void same_counterpart_same_meeting(void **state)
{
    bayan_graph *g = extract(
        *state, "وفي بغداد التقى الوزير جان لوران مع رئيس الوزراء العراقي "
                "أحمد الخالدي ورئيس البرلمان خالد المنصوري.\n"
                "وقال لوران خلال اجتماعه مع الخالدي إن الزيارة مهمة.\n");
    assert_int_equal(count(g), 2);
    bayan_graph_free(g);
}

/* A meeting word inside a standing body's name (a parliament called
 * "المؤتمر الوطني العام", "منظمة المؤتمر الإسلامي") reports no meeting. */
static void meeting_word_inside_a_body_name(void **state)
{
    bayan_graph *g = extract(
        *state, "رفض رئيس المؤتمر الوطني العام في ليبيا الاتفاق ودعت منظمة "
                "المؤتمر الإسلامي الأطراف إلى الحوار.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
    g = extract(*state, "افتتح المؤتمر الدولي في باريس أمس بحضور وزراء "
                        "الخارجية.\n");
    assert_int_equal(count(g), 1);
    bayan_graph_free(g);
}

/* "نتائج القمة" later in the article is the summit told of before, even
 * when its sentence says "today" of something else. */
static void the_summit_is_the_summit_before(void **state)
{
    bayan_graph *g = extract(
        *state, "الرياض 6 مارس 2024 (وكالات) - اختتمت أمس قمة مجلس "
                "التعاون الخليجي في الرياض.\n"
                "وقال الوزير في مؤتمر صحفي اليوم إن نتائج القمة مهمة.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_START_DATE, "2024-03-05"), 1);
    bayan_graph_free(g);
}

/* A long clause may name the city far after the meeting word; a
 * meeting of senior diplomats is of the senior officials' level. */
static void city_at_the_end_of_a_long_clause(void **state)
{
    bayan_graph *g = extract(
        *state, "استضافت المملكة المغربية اجتماعا لكبار الممثلين "
                "الدبلوماسيين من الدول الأعضاء في المجموعة الدولية لدعم "
                "الاستقرار في منطقة الساحل الأفريقي يوم الثلاثاء الماضي في "
                "مدينة مراكش.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/marrakech"),
                     1);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_POLITICAL_DIRECTORS),
                     1);
    bayan_graph_free(g);
}

/* "بالعاصمة اليونانية" is Athens: the meeting is placed there and the
 * city is described though the text never names it. */
static void capital_by_its_state_adjective(void **state)
{
    bayan_graph *g =
        extract(*state, "عقدت الندوة الوزارية الثالثة بالعاصمة اليونانية يوم "
                        "الخميس بحضور وزراء الخارجية.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/athens"), 1);
    assert_int_equal(count_linked(g, P_TYPE, C_CITY), 1);
    bayan_graph_free(g);
    g = extract(*state, "بدأت القمة في العاصمة البولندية وارسو اليوم.\n");
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/warsaw"), 1);
    bayan_graph_free(g);
}

/* "رحبوا بتشاد بصفتها العضو ... في التحالف": Chad is a new member; a
 * state "as the member" of something else is not. */
static void welcomed_as_the_new_member(void **state)
{
    bayan_graph *g =
        extract(*state, "عقد وزراء التحالف الدولي اجتماعا في روما أمس.\n"
                        "ورحب الوزراء بتشاد بصفتها العضو الخامس والتسعين في "
                        "التحالف.\n");
    assert_int_equal(count_linked(g, P_NEW_MEMBER, BASE_ID "state/TD"), 1);
    bayan_graph_free(g);
    g = extract(*state, "عقد وزراء التحالف الدولي اجتماعا في روما أمس.\n"
                        "وتحدث الوزير عن تشاد بصفتها العضو المؤسس في "
                        "الاتحاد الأفريقي.\n");
    assert_int_equal(count_linked(g, P_NEW_MEMBER, BASE_ID "state/TD"), 0);
    bayan_graph_free(g);
}

/* A reception "during this visit" is held where the visit goes, named
 * in the sentence that tells of the visit. */
static void reception_during_the_visit(void **state)
{
    bayan_graph *g = extract(
        *state, "بدأ وزير الخارجية الجزائري اليوم زيارة رسمية إلى اليونان "
                "تدوم يومين.\n"
                "وسيستقبل الوزير خلال هذه الزيارة من قبل الرئيس اليوناني "
                "كارلوس بابادوبولوس.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/GR"), 1);
    bayan_graph_free(g);
}

/* "كل محادثات السلام" speaks of talks in general: no meeting. */
static void meetings_in_general(void **state)
{
    bayan_graph *g =
        extract(*state, "وتعثرت كل محادثات السلام في اليمن حتى الآن.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
}

/* A meeting "devoted to" a city is about it, not held in it. */
static void devoted_to_a_city(void **state)
{
    bayan_graph *g = extract(
        *state, "سيعقد غدا الاجتماع الوزاري المخصص لإعادة إعمار الموصل.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/mosul"), 0);
    bayan_graph_free(g);
}

/* "الحوار ... المرتقب عقده في تونس": what is to be held is a meeting,
 * planned, whatever its noun. */
static void whatever_is_to_be_held(void **state)
{
    bayan_graph *g = extract(
        *state, "تستعد الأطراف للحوار الوطني المرتقب عقده في تونس الشهر "
                "المقبل.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/TN"), 1);
    bayan_graph_free(g);
}

/* A town the lexicon does not know, with its state's adjective, places
 * the meeting in that state. */
static void unknown_town_of_a_known_state(void **state)
{
    bayan_graph *g = extract(
        *state, "عقد الطرفان أمس بمدينة قصر الريحان المغربية جلسة تشاورية "
                "ثالثة.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/MA"), 1);
    bayan_graph_free(g);
}

/* Announced in Cairo, hosted by Tunisia "on 24 February next": the
 * meeting is Tunisia's and still to come. */
static void host_and_next_date(void **state)
{
    bayan_graph *g = extract(
        *state, "أعلن الوزير بالقاهرة استعداد تونس لاستضافة يوم 24 فبراير "
                "القادم مؤتمرا دوليا حول اليمن.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/TN"), 1);
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 1);
    bayan_graph_free(g);
}

/* Talks by telephone are no meeting. */
static void telephone_talks(void **state)
{
    bayan_graph *g = extract(
        *state, "أجرى وزير الخارجية المصري مباحثات هاتفية مع نظيره التركي "
                "تناولت العلاقات الثنائية.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
}

/* "جلسة خاصة حول فلسطين في نيويورك" is about Palestine and held in New
 * York; "الأسبوع المقبل" makes a meeting planned. */
static void topic_then_venue_next_week(void **state)
{
    bayan_graph *g =
        extract(*state, "تعقد الجمعية العامة جلسة خاصة حول فلسطين في نيويورك "
                        "الأسبوع المقبل.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/new-york"), 1);
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 1);
    bayan_graph_free(g);
}

/* The dateline's city is where the news was written: a session it does
 * not place elsewhere has no place. */
static void dateline_city_is_no_venue(void **state)
{
    bayan_graph *g = extract(
        *state, "القاهرة 10 مايو 2023 (وكالات) - عقد مجلس الأمن الدولي "
                "جلسة طارئة لبحث الأوضاع.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/cairo"), 0);
    bayan_graph_free(g);
    /* One receives at home: a reception is where the dateline is. */
    g = extract(*state, "عمان 10 مايو 2023 (بترا) - استقبل الملك في قصر "
                        "الحسينية اليوم الرئيس الفرنسي إيمانويل ماكرون.\n");
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/amman"), 1);
    bayan_graph_free(g);
}

/* "التقى A نظيره B": A is the subject, B the one counterpart, even when
 * both are people the lexicon knows. */
static void subject_meets_one_counterpart(void **state)
{
    bayan_graph *g = extract(
        *state, "التقى وزير الخارجية الأردني أيمن الصفدي نظيره الأمريكي "
                "أنتوني بلينكن في نيويورك.\n");
    assert_int_equal(count(g), 1);
    bayan_graph_free(g);
}

/* Arriving somewhere to take part in a summit places the summit there;
 * calling for a meeting to be held makes it planned. */
static void arrival_and_call_to_meet(void **state)
{
    bayan_graph *g = extract(
        *state, "وصل الرئيس التونسي إلى الجزائر للمشاركة في القمة العربية.\n");
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/DZ"), 1);
    bayan_graph_free(g);
    g = extract(*state, "دعت الوزارة إلى عقد اجتماع طارئ لمجلس الجامعة "
                        "العربية.\n");
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 1);
    bayan_graph_free(g);
}

/* Religious leaders discussed at a conference do not make it a summit;
 * "مسؤولين تنفيذيين" is no group's level. */
static void religious_leaders_are_no_summit(void **state)
{
    bayan_graph *g = extract(
        *state, "بدأ في الكويت مؤتمر يبحث دور الزعماء الدينيين في مكافحة "
                "التطرف، وينعقد على مستوى مسؤولين تنفيذيين.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_LEADERS), 0);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_OTHER), 1);
    bayan_graph_free(g);
}

/* "على هامش القمة التقى A نظيره B": a meeting of two, held where and
 * when the summit is; a subject named only by office is no counterpart
 * of itself. */
static void meeting_on_the_margins(void **state)
{
    bayan_graph *g = extract(
        *state, "عمان 10 مايو 2023 (وكالات) - انطلقت في جدة أمس أعمال "
                "القمة العربية.\n"
                "وعلى هامش القمة التقى وزير الخارجية الأردني نظيره العراقي "
                "فؤاد حسين.\n");
    assert_int_equal(count(g), 2);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/jeddah"), 2);
    assert_int_equal(meetings_with(g, P_START_DATE, "2023-05-09"), 2);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_OTHER), 1);
    bayan_graph_free(g);
}

/* A king receiving a prime minister is no ministerial meeting. */
static void prime_minister_received(void **state)
{
    bayan_graph *g =
        extract(*state, "استقبل الملك في جدة اليوم رئيس وزراء باكستان.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_MINISTERIAL), 0);
    bayan_graph_free(g);
}

/* "تعقد ... حاليا": the present tense with "now" is being held, not
 * planned. */
static void being_held_now(void **state)
{
    bayan_graph *g = extract(
        *state, "تعقد اللجنة العليا المشتركة اجتماعا في عمان حاليا.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_PLANNED, "false"), 1);
    bayan_graph_free(g);
}

/* "بدوره" (in his turn) and "دوره في" (his role in) read like the
 * session word دورة once ة and ه are folded together: no session. */
static void in_his_turn_is_no_session(void **state)
{
    bayan_graph *g = extract(
        *state, "وقال وزير الخارجية بدوره إن بلاده تدعم الحل، وأشاد "
                "بدوره في دعم الاستقرار.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
    g = extract(*state, "وعقد المجلس دورة طارئة في القاهرة أمس.\n");
    assert_int_equal(count(g), 1);
    bayan_graph_free(g);
}

/* A meeting denied or not intended is no meeting; a negation that
 * denies something else leaves the meeting alone. */
static void denied_meetings(void **state)
{
    bayan_graph *g = extract(
        *state, "وقالت المنظمة إنها لا تعتزم حاليا عقد اجتماع طارئ. وأضافت "
                "أنه لا توجد نية للدعوة إلى لقاء عاجل. ونفى الوزير عقد أي "
                "لقاء مع المعارضة.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
    g = extract(*state, "وقال إن الاجتماع الذي عقد أمس في فيينا لم يسفر عن "
                        "اتفاق.\n");
    assert_int_equal(count(g), 1);
    bayan_graph_free(g);
}

/* An interview with a channel, a trading session, the Olympic Games, a
 * training course and more hold meeting words but are no meetings. */
static void interviews_games_and_courses(void **state)
{
    bayan_graph *g = extract(
        *state, "وقال وزير الخارجية في لقاء مع قناة محلية إن بلاده تدعم "
                "الحل. وارتفع المؤشر في جلسة التداول أمس. وتستضيف المدينة "
                "دورة الألعاب الأولمبية. ونظمت الوزارة دورة تدريبية "
                "للدبلوماسيين.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
    /* sociology, negotiation as the way out */
    g = extract(*state, "وقال أستاذ علم الاجتماع إن الأزمة يجب أن تحل عبر "
                        "المفاوضات.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
    /* the top of a list, a court hearing, a bloc called "the meeting" */
    g = extract(*state, "ويأتي الملف على قمة أولويات الحكومة. وأجلت "
                        "المحكمة جلسة المحاكمة إلى الشهر المقبل. وقال رئيس "
                        "كتلة اللقاء الديمقراطي إن الحوار ضروري.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
}

/* "جلسة خاصة خلال دورته": the session held during the council's session
 * is one meeting, and "في اجتماعهم في X" later names it again. */
static void session_during_its_session(void **state)
{
    bayan_graph *g = extract(
        *state, "أعلنت المنظمة أن مجلس وزراء خارجية الدول الأعضاء سيعقد "
                "جلسة خاصة خلال دورته العادية التي تستضيفها العاصمة "
                "الغينية كوناكري خلال الفترة من التاسع إلى 11 من ديسمبر "
                "المقبل.\nويبحث وزراء الخارجية في اجتماعهم في كوناكري "
                "ملفات أخرى.\n");
    assert_int_equal(count(g), 1);
    bayan_graph_free(g);
    /* a meeting in another clause is another meeting */
    g = extract(*state, "وشارك الوزير في اللقاء في ميونخ، وقال إن قرارات "
                        "وزراء الدفاع، خلال اجتماعهم أمس في بروكسل، مهمة.\n");
    assert_int_equal(count(g), 2);
    bayan_graph_free(g);
}

/* A meeting in a seat or palace is held in its city; a city named right
 * after the venue wins. */
static void held_in_a_palace(void **state)
{
    bayan_graph *g = extract(*state, "استقبل الرئيس الفرنسي نظيره المصري "
                                     "في قصر الإليزيه أمس.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/paris"), 1);
    bayan_graph_free(g);
    g = extract(*state, "التقى الأمين العام وزير الخارجية الأردني في مقر "
                        "الأمم المتحدة في جنيف أمس.\n");
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/geneva"), 1);
    bayan_graph_free(g);
}

/* Counterparts the text names only by their states ("نظيره الياباني")
 * make one meeting of two officials each. */
static void unnamed_counterparts_by_state(void **state)
{
    bayan_graph *g = extract(
        *state, "على هامش اجتماعات الجمعية العامة، التقى وزير الخارجية "
                "الأردني نظيره الياباني، ثم التقى نظيره الكندي.\n");
    assert_int_equal(count(g), 2);
    assert_int_equal(meetings_with(g, P_ATTENDEE, BASE_ID "state/JP"), 1);
    assert_int_equal(meetings_with(g, P_ATTENDEE, BASE_ID "state/CA"), 1);
    bayan_graph_free(g);
}

/* A reception is held at home: not in the state of the adjective that
 * ends the clause before it. */
static void reception_not_in_the_adjectives_state(void **state)
{
    bayan_graph *g = extract(
        *state, "استقبل الملك في قصر الحسينية وزير الخارجية الأمريكي، كما "
                "استقبل في وقت لاحق وزير الخارجية الفرنسي.\n");
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "state/US"), 0);
    bayan_graph_free(g);
}

/* The group that holds a meeting is more specific than the "ministerial"
 * after the meeting word; a group that only welcomes is not. */
static void group_that_holds_the_meeting(void **state)
{
    bayan_graph *g = extract(*state, "عقدت المجموعة المصغرة للتحالف "
                                     "اجتماعا وزاريا في باريس أمس.\n");
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_SMALL_GROUP), 1);
    bayan_graph_free(g);
    g = extract(*state, "رحب المدراء السياسيون بالإعلان عن أن الاجتماع "
                        "القادم لوزراء الخارجية سيعقد في روما.\n");
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_MINISTERIAL), 1);
    bayan_graph_free(g);
}

/* "اجتماعا تحضيريا للقمة اليوم في عمان": the preparing meeting is held
 * today in Amman; the summit it prepares is planned. */
static void meeting_that_prepares_a_summit(void **state)
{
    bayan_graph *g = extract(*state, "عقد كبار المسؤولين في الدول العربية "
                                     "اجتماعا تحضيريا للقمة اليوم في "
                                     "عمان.\n");
    assert_int_equal(count(g), 2);
    assert_int_equal(meetings_with(g, P_LOCATION, BASE_ID "city/amman"), 1);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_POLITICAL_DIRECTORS),
                     1);
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 1);
    bayan_graph_free(g);
}

/* "اجتمع ... في دورة غير عادية": the session is the meeting the verb
 * held. */
static void met_in_a_session(void **state)
{
    bayan_graph *g = extract(*state, "عمان 10 مايو 2023 (بترا) - اجتمع "
                                     "المندوبون الدائمون لدى الجامعة العربية "
                                     "اليوم في القاهرة في دورة غير عادية.\n");
    assert_int_equal(count(g), 1);
    bayan_graph_free(g);
}

/* "القمة العربية المقبلة": "next" after the meeting's adjectives names a
 * meeting yet to come. */
static void next_after_adjectives(void **state)
{
    bayan_graph *g = extract(*state, "وتستضيف الرياض القمة العربية "
                                     "المقبلة.\n");
    assert_int_equal(meetings_with(g, P_PLANNED, "true"), 1);
    bayan_graph_free(g);
}

/* The body a meeting is of ("الاجتماع الأول لمجموعة عمل المنتدى ...")
 * organizes it; a body after "حول" is its topic. */
static void body_that_organizes(void **state)
{
    bayan_graph *g = extract(*state, "يعقد الاجتماع الأول لمجموعة عمل "
                                     "المنتدى العالمي لمكافحة الإرهاب في "
                                     "الرباط الشهر المقبل.\n");
    assert_int_equal(meetings_with(g, P_ORGANIZER, BASE_ID "org/gctf"), 1);
    bayan_graph_free(g);
    g = extract(*state, "عقد مؤتمر حول الاتحاد الأوروبي في عمان أمس.\n");
    assert_int_equal(meetings_with(g, P_ORGANIZER, BASE_ID "org/eu"), 0);
    bayan_graph_free(g);
}

/* Quads with predicate p. */
static size_t links(const bayan_graph *g, const char *p)
{
    size_t n, k = 0;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        k += strcmp(graph_term(g, q[i].p)->value, p) == 0;
    return k;
}

/* States "taking part in the coalition" are members, not attendees; a
 * minister heading his delegation attends; the participants welcoming
 * someone's presence name an attendee. */
static void who_attends(void **state)
{
    bayan_graph *g = extract(
        *state, "عقد اجتماع وزاري لستين دولة مشاركة في التحالف في بروكسل "
                "أمس.\nورحب المشاركون بحضور وزير الخارجية العراقي فؤاد "
                "حسين.\n");
    assert_int_equal(meetings_with(g, P_ATTENDEE, BASE_ID "org/global-coalition"),
                     0);
    assert_int_equal(meetings_with(g, P_ATTENDEE, BASE_ID "state/IQ"), 1);
    bayan_graph_free(g);
    g = extract(*state, "وترأس وزير الخارجية الكويتي سالم الصباح وفد بلاده "
                        "خلال الاجتماع الوزاري في بروكسل أمس.\n");
    assert_int_equal(links(g, P_CHAIR), 0);
    assert_true(links(g, P_ATTENDEE) >= 1);
    bayan_graph_free(g);
}

/* A series of separate meetings with counterparts of three states: three
 * meetings of two officials, and the ministerial on whose margins they
 * are held stays a meeting of its own. */
static void series_of_separate_meetings(void **state)
{
    bayan_graph *g = extract(
        *state, "وعقد وزير الخارجية سلسلة لقاءات منفصلة مع نظرائه من مصر "
                "والأردن والعراق على هامش الاجتماع الوزاري.\n");
    assert_int_equal(count(g), 4);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_OTHER), 3);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_MINISTERIAL), 1);
    bayan_graph_free(g);
}

/* A meeting held at another level than the article's main one is
 * another meeting, even with no place or date of its own. */
static void held_at_another_level(void **state)
{
    bayan_graph *g = extract(*state, "اجتمع وزراء خارجية الدول العربية في "
                                     "القاهرة أمس.\nوعقد كبار المسؤولين "
                                     "اجتماعا لمتابعة القرارات.\n");
    assert_int_equal(count(g), 2);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_POLITICAL_DIRECTORS),
                     1);
    bayan_graph_free(g);
}

/* "على هامش الدورة ...، عقد الوزراء اجتماعا": the meeting on the margins
 * is not the session, and the clause after the comma (the ministers) is
 * its own. The GCC's supreme council is its leaders' summit. */
static void on_the_margins_of_a_session(void **state)
{
    bayan_graph *g = extract(
        *state, "على هامش أعمال الدورة العادية للجمعية العامة للأمم المتحدة، "
                "عقد وزراء خارجية دول الخليج اجتماعا مع نظيرهم الأمريكي.\n");
    assert_int_equal(count(g), 2);
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_MINISTERIAL), 1);
    bayan_graph_free(g);
    g = extract(*state, "اختتمت اليوم في الدوحة أعمال الدورة الرابعة "
                        "والأربعين للمجلس الأعلى لمجلس التعاون.\n");
    assert_int_equal(meetings_with(g, P_MEETING_LEVEL, L_LEADERS), 1);
    bayan_graph_free(g);
}

/* "بحث الوزير مع نظيره في نيقوسيا" reports talks; over the telephone
 * it does not. */
static void discussed_with_a_counterpart(void **state)
{
    bayan_graph *g = extract(*state, "بحث وزير الخارجية الأردني مع نظيره "
                                     "القبرصي في نيقوسيا أمس تطورات "
                                     "الأوضاع.\n");
    assert_int_equal(count(g), 1);
    assert_int_equal(meetings_with(g, P_ATTENDEE, BASE_ID "state/CY"), 1);
    bayan_graph_free(g);
    g = extract(*state, "بحث وزير الخارجية الأردني هاتفيا مع نظيره "
                        "القبرصي أمس تطورات الأوضاع.\n");
    assert_int_equal(count(g), 0);
    bayan_graph_free(g);
}

/* "جلسة مباحثات": a plural noun of talks right after a meeting word is
 * the same meeting, not one of its own. */
static void session_of_talks(void **state)
{
    bayan_graph *g = extract(*state, "عمان 10 مايو 2023 (بترا) - عقد وزيرا "
                                     "الخارجية الأردني والمصري جلسة مباحثات "
                                     "اليوم في القاهرة.\n");
    assert_int_equal(count(g), 1);
    bayan_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_officials_are_no_ministerial),
        cmocka_unit_test(counterparts_in_the_plural_are_ministerial),
        cmocka_unit_test(one_meeting_per_counterpart),
        cmocka_unit_test(received_by_two),
        cmocka_unit_test(council_session),
        cmocka_unit_test(future_verb_planned),
        cmocka_unit_test(city_acting_in_a_title),
        cmocka_unit_test(topic_is_no_place),
        cmocka_unit_test(demonstrative_is_the_meeting_before),
        cmocka_unit_test(proscribed_group_attends_nothing),
        cmocka_unit_test(dated_after_publication_is_planned),
        cmocka_unit_test(chairs_and_committee_heads),
        cmocka_unit_test(talks_with_two_bodies),
        cmocka_unit_test(minister_at_a_summit),
        cmocka_unit_test(minister_chairs_or_speaks),
        cmocka_unit_test(same_counterpart_same_meeting),
        cmocka_unit_test(meeting_word_inside_a_body_name),
        cmocka_unit_test(the_summit_is_the_summit_before),
        cmocka_unit_test(city_at_the_end_of_a_long_clause),
        cmocka_unit_test(capital_by_its_state_adjective),
        cmocka_unit_test(welcomed_as_the_new_member),
        cmocka_unit_test(reception_during_the_visit),
        cmocka_unit_test(meetings_in_general),
        cmocka_unit_test(devoted_to_a_city),
        cmocka_unit_test(whatever_is_to_be_held),
        cmocka_unit_test(unknown_town_of_a_known_state),
        cmocka_unit_test(host_and_next_date),
        cmocka_unit_test(telephone_talks),
        cmocka_unit_test(topic_then_venue_next_week),
        cmocka_unit_test(dateline_city_is_no_venue),
        cmocka_unit_test(subject_meets_one_counterpart),
        cmocka_unit_test(arrival_and_call_to_meet),
        cmocka_unit_test(religious_leaders_are_no_summit),
        cmocka_unit_test(meeting_on_the_margins),
        cmocka_unit_test(prime_minister_received),
        cmocka_unit_test(being_held_now),
        cmocka_unit_test(in_his_turn_is_no_session),
        cmocka_unit_test(denied_meetings),
        cmocka_unit_test(interviews_games_and_courses),
        cmocka_unit_test(session_during_its_session),
        cmocka_unit_test(held_in_a_palace),
        cmocka_unit_test(unnamed_counterparts_by_state),
        cmocka_unit_test(reception_not_in_the_adjectives_state),
        cmocka_unit_test(group_that_holds_the_meeting),
        cmocka_unit_test(meeting_that_prepares_a_summit),
        cmocka_unit_test(met_in_a_session),
        cmocka_unit_test(next_after_adjectives),
        cmocka_unit_test(body_that_organizes),
        cmocka_unit_test(who_attends),
        cmocka_unit_test(series_of_separate_meetings),
        cmocka_unit_test(held_at_another_level),
        cmocka_unit_test(on_the_margins_of_a_session),
        cmocka_unit_test(discussed_with_a_counterpart),
        cmocka_unit_test(session_of_talks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
