/* Unit tests of the chair clause's limits (extract/meeting_clauses.c):
 * who attends after the chair is named does not chair, a committee's head
 * chairs the committee and not the meeting, and a meeting of a committee
 * keeps its chair. The sentences are composed for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "engine/engine.h"
#include "graph/graph.h"
#include "graph/vocab.h"

#include "fixture.h"

#define BASE "https://w3id.org/bayan/id/"

/* The objects of bayan:chair, in one string of IRIs a space apart. */
static void chairs(const bayan_graph *g, char *out, size_t cap)
{
    size_t n, len = 0;
    out[0] = '\0';
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(graph_term(g, q[i].p)->value, P_CHAIR) == 0) {
            const char *o = graph_term(g, q[i].o)->value;
            if (strstr(out, o))
                continue;
            size_t k = strlen(o);
            assert_true(len + k + 2 < cap);
            memcpy(out + len, o, k);
            len += k;
            out[len++] = ' ';
            out[len] = '\0';
        }
}

static void attendee_is_no_chair(void **state)
{
    bayan_graph *g = read_text(
        state, "عقد مجلس الجامعة العربية اجتماعا طارئا في القاهرة برئاسة "
               "الأردن وحضور وزير الخارجية المصري سامح شكري.");
    char c[512];
    chairs(g, c, sizeof c);
    assert_string_equal(c, BASE "state/JO ");
    bayan_graph_free(g);
}

static void committee_head_is_no_chair(void **state)
{
    bayan_graph *g = read_text(
        state, "عقد مجلس الجامعة العربية اجتماعا طارئا في القاهرة برئاسة "
               "الأردن.\nوبحث المجلس تقرير اللجنة المصغرة برئاسة الكويت "
               "حول إصلاح مكاتب الجامعة.");
    char c[512];
    chairs(g, c, sizeof c);
    assert_string_equal(c, BASE "state/JO ");
    bayan_graph_free(g);
}

static void committee_meeting_keeps_its_chair(void **state)
{
    bayan_graph *g = read_text(
        state, "عقدت اللجنة الوزارية العربية اجتماعها في القاهرة برئاسة "
               "الكويت لبحث الأوضاع في المنطقة.");
    char c[512];
    chairs(g, c, sizeof c);
    assert_string_equal(c, BASE "state/KW ");
    bayan_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(attendee_is_no_chair),
        cmocka_unit_test(committee_head_is_no_chair),
        cmocka_unit_test(committee_meeting_keeps_its_chair),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
