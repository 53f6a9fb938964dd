/* Unit tests of meeting identity (extract/meeting_identity.c): which
 * meetings of different articles are one node, which stay apart and are
 * only linked as candidates, and that an article's key does not depend on
 * how its text was wrapped. The articles are composed for the tests. */
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
#include "extract/meeting.h"
#include "graph/graph.h"
#include "graph/vocab.h"

#include "fixture.h"

#define BASE "https://w3id.org/bayan/id/"

/* ---- paths ----------------------------------------------------------- */

static void paths(void **state)
{
    (void)state;
    meeting m = {0};
    char path[192];
    m.level = L_MINISTERIAL;
    /* Neither date nor place: scoped to the article. */
    meeting_path(&m, 0xabcu, path, sizeof path);
    assert_string_equal(path, "meeting/ministerial-a00000abc");
    /* A day names the meeting in every article. */
    m.date = (bdate){2020, 6, 4};
    meeting_path(&m, 0xabcu, path, sizeof path);
    assert_string_equal(path, "meeting/2020-06-04-ministerial");
    /* A month names a one-off meeting in its article only ... */
    m.strong = true;
    m.date = (bdate){2022, 6, 0};
    meeting_path(&m, 0xabcu, path, sizeof path);
    assert_string_equal(path, "meeting/2022-06-ministerial-planned-a00000abc");
    /* ... and a recurring meeting of a body everywhere. */
    m.organizer = BASE "org/global-coalition";
    meeting_path(&m, 0xabcu, path, sizeof path);
    assert_string_equal(path, "meeting/2022-06-ministerial");
    char group[160];
    meeting_candidate_group(&m, group, sizeof group);
    assert_string_equal(group, "");
}

/* ---- through the engine ---------------------------------------------- */

static bayan_engine *engine_with_table(const char *table)
{
    char path[] = "/tmp/bayan-identity-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, table, strlen(table)), (ssize_t)strlen(table));
    close(fd);
    bayan_options o = {.metadata_file = path};
    bayan_engine *e = NULL;
    assert_int_equal(bayan_engine_new(&o, &e), BAYAN_OK);
    unlink(path);
    return e;
}

static void read_into(bayan_engine *e, bayan_graph *g, const char *name,
                      const char *text)
{
    assert_int_equal(bayan_read_memory(e, g, name, text, strlen(text)),
                     BAYAN_OK);
}

/* The distinct subjects typed t. */
static size_t count_typed(const bayan_graph *g, const char *t, char **first)
{
    size_t n, k = 0;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(graph_term(g, q[i].p)->value, P_TYPE) != 0 ||
            strcmp(graph_term(g, q[i].o)->value, t) != 0)
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = q[j].s == q[i].s && q[j].p == q[i].p && q[j].o == q[i].o;
        if (!seen && k++ == 0 && first)
            *first = strdup(graph_term(g, q[i].s)->value);
    }
    return k;
}

/* Two outlets report one meeting: one dates it in its text (with the day
 * written onto the month), the other says "Tuesday" and is dated by the
 * metadata table. One node. */
static void two_reports_one_node(void **state)
{
    (void)state;
    bayan_engine *e = engine_with_table("file\tpublished\n"
                                        "second.txt\t2017-11-16\n");
    bayan_graph *g = bayan_graph_new();
    read_into(e, g, "first.txt",
              "عقد وزراء خارجية التحالف الدولي اجتماعا وزاريا في عمان يوم "
              "14نوفمبر 2017 لبحث الأوضاع في المنطقة.");
    read_into(e, g, "second.txt",
              "استضافت العاصمة الأردنية عمان يوم الثلاثاء الماضي اجتماعا "
              "لوزراء خارجية دول التحالف الدولي ناقش التطورات الأخيرة.");
    char *iri = NULL;
    assert_int_equal(count_typed(g, C_MEETING, &iri), 1);
    assert_string_equal(iri, BASE "meeting/2017-11-14-amman");
    free(iri);
    bayan_graph_free(g);
    bayan_engine_free(e);
}

/* Three articles of different years each report an undated ministerial in
 * Washington: three nodes, each in the one candidate group. */
static void three_undated_three_nodes(void **state)
{
    (void)state;
    bayan_engine *e = engine_with_table("file\tpublished\n");
    bayan_graph *g = bayan_graph_new();
    read_into(e, g, "a.txt",
              "عقد وزراء خارجية التحالف اجتماعا وزاريا في واشنطن لبحث "
              "مكافحة الإرهاب.");
    read_into(e, g, "b.txt",
              "شارك وزير الخارجية في الاجتماع الوزاري للتحالف الذي عقد في "
              "واشنطن وبحث تمويل الاستقرار.");
    read_into(e, g, "c.txt",
              "اختتم في واشنطن الاجتماع الوزاري للتحالف الدولي بالتأكيد على "
              "مواصلة الجهود.");
    assert_int_equal(count_typed(g, C_MEETING, NULL), 3);
    char *group = NULL;
    assert_int_equal(count_typed(g, C_CANDIDATE_GROUP, &group), 1);
    assert_string_equal(group,
                        BASE "meeting-candidates/washington-ministerial");
    assert_int_equal(count_linked(g, P_CANDIDATE_GROUP, group), 3);
    free(group);
    bayan_graph_free(g);
    bayan_engine_free(e);
}

/* The article's key is that of its words: web debris (a zero-width joiner,
 * tatweel) and HTML leave a scoped meeting's IRI as it was. */
static void scope_ignores_wrapping(void **state)
{
    (void)state;
    bayan_engine *e = engine_with_table("file\tpublished\n");
    static const char *const TEXTS[] = {
        "عقد وزراء خارجية التحالف اجتماعا وزاريا في واشنطن.",
        "عقد وزراء خارجـية التحالف اجتماعا وز\u200dاريا في واشنطن.",
        "<html><body><p>عقد وزراء خارجية التحالف اجتماعا وزاريا في "
        "واشنطن.</p></body></html>",
    };
    char *iris[3] = {NULL};
    for (size_t i = 0; i < 3; i++) {
        bayan_graph *g = bayan_graph_new();
        read_into(e, g, i == 2 ? "w.html" : "w.txt", TEXTS[i]);
        assert_int_equal(count_typed(g, C_MEETING, &iris[i]), 1);
        bayan_graph_free(g);
    }
    assert_string_equal(iris[0], iris[1]);
    assert_string_equal(iris[0], iris[2]);
    for (size_t i = 0; i < 3; i++)
        free(iris[i]);
    bayan_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paths),
        cmocka_unit_test(two_reports_one_node),
        cmocka_unit_test(three_undated_three_nodes),
        cmocka_unit_test(scope_ignores_wrapping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
