/* Unit tests of the metadata table (engine/sidecar.c) and of what it puts
 * in the graph: the table's format and its errors by line, which row an
 * input takes, and an article's date, URL and outlet, against which the
 * text's relative dates resolve. The tables and sentences are composed for
 * the tests. */
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
#include "engine/sidecar.h"
#include "graph/graph.h"
#include "graph/vocab.h"

/* The lines and columns of the diagnostics a parse gave. */
typedef struct seen {
    long lines[16], columns[16];
    size_t count;
} seen;

static void remember(void *user, const bayan_diagnostic *d)
{
    seen *s = user;
    if (s->count < 16) {
        s->lines[s->count] = d->line;
        s->columns[s->count++] = d->column;
    }
}

static void good_table(void **state)
{
    (void)state;
    const char *text = "\xef\xbb\xbf# made up for the test\r\n"
                       "outlet\tfile\tpublished\turl\r\n"
                       "\r\n"
                       "Daily Planet\ta.txt\t2021-03-04\thttps://example.org/a\r\n"
                       "\tdir/b.html\t2022-05-06T08:00:00+03:00\t\r\n"
                       "\tother/dir/b.html\t2022-05-07\t\n";
    seen s = {0};
    reporter r = {remember, &s};
    sidecar *t = NULL;
    assert_int_equal(sidecar_parse(&r, "m.tsv", text, &t), BAYAN_OK);
    assert_int_equal(s.count, 0);
    assert_int_equal(t->count, 3);
    const sidecar_row *a = sidecar_find(t, "/data/news/a.txt");
    assert_non_null(a);
    assert_string_equal(a->published, "2021-03-04");
    assert_string_equal(a->url, "https://example.org/a");
    assert_string_equal(a->outlet, "Daily Planet");
    assert_int_equal(a->line, 4);
    const sidecar_row *b = sidecar_find(t, "in/dir/b.html");
    assert_non_null(b);
    assert_string_equal(b->published, "2022-05-06");
    assert_null(b->url);
    assert_null(b->outlet);
    /* The longest tail wins; a tail must start after a '/'. */
    b = sidecar_find(t, "x/other/dir/b.html");
    assert_string_equal(b->published, "2022-05-07");
    assert_null(sidecar_find(t, "xa.txt"));
    assert_null(sidecar_find(t, "a.txt.bak"));
    sidecar_free(t);
}

/* Every bad line is reported, with its line and column, and the table is
 * refused. */
static void bad_rows_named_by_line(void **state)
{
    (void)state;
    const char *text = "file\tpublished\turl\n"
                       "a.txt\t2021-02-30\t\n"              /* 2: no day */
                       "b.txt\t\tftp://example.org/b\n"     /* 3: not http */
                       "c.txt\t2021-01-01\n"                /* 4: 2 fields */
                       "d.txt\t\t\n"
                       "d.txt\t2021-01-01\t\n"              /* 6: twice */
                       "\t2021-01-01\t\n";                  /* 7: no file */
    seen s = {0};
    reporter r = {remember, &s};
    sidecar *t = (sidecar *)&s; /* set to NULL on failure */
    assert_int_equal(sidecar_parse(&r, "m.tsv", text, &t), BAYAN_ERR_SYNTAX);
    assert_null(t);
    static const long lines[] = {2, 3, 4, 6, 7}, cols[] = {2, 3, 1, 1, 1};
    assert_int_equal(s.count, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(s.lines[i], lines[i]);
        assert_int_equal(s.columns[i], cols[i]);
    }
}

static void bad_headers(void **state)
{
    (void)state;
    static const char *const TABLES[] = {
        "published\turl\nx\ty\n",     /* no file column */
        "file\tfile\na.txt\ta.txt\n", /* twice */
        "# only a comment\n\n",       /* no header at all */
    };
    for (size_t i = 0; i < sizeof TABLES / sizeof *TABLES; i++) {
        seen s = {0};
        reporter r = {remember, &s};
        sidecar *t = NULL;
        assert_int_equal(sidecar_parse(&r, "m.tsv", TABLES[i], &t),
                         BAYAN_ERR_SYNTAX);
        assert_int_equal(s.count, 1);
        assert_int_equal(s.lines[0], 1);
    }
}

/* A column bayan does not read is named in a warning and skipped. */
static void other_columns_skipped(void **state)
{
    (void)state;
    seen s = {0};
    reporter r = {remember, &s};
    sidecar *t = NULL;
    assert_int_equal(sidecar_parse(&r, "m.tsv",
                                   "file\tsummary\tpublished\n"
                                   "a.txt\tnot a date\t2020-01-02\n",
                                   &t),
                     BAYAN_OK);
    assert_int_equal(s.count, 1);
    assert_int_equal(s.lines[0], 1);
    assert_int_equal(s.columns[0], 2);
    assert_string_equal(sidecar_find(t, "a.txt")->published, "2020-01-02");
    sidecar_free(t);
}

/* True when the graph holds a triple with predicate p and object o. */
static bool holds(const bayan_graph *g, const char *p, const char *o)
{
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(graph_term(g, q[i].p)->value, p) == 0 &&
            strcmp(graph_term(g, q[i].o)->value, o) == 0)
            return true;
    return false;
}

/* An engine given a table: the article's date, URL and outlet are in the
 * graph, and "أمس" counts from the table's date. */
static void table_through_the_engine(void **state)
{
    (void)state;
    char path[] = "/tmp/bayan-sidecar-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *table = "file\tpublished\turl\toutlet\n"
                        "n1.txt\t2019-05-02\thttps://example.org/n1\tرويترز\n"
                        "n2.txt\t\t\tDaily Planet\n";
    assert_int_equal(write(fd, table, strlen(table)), (ssize_t)strlen(table));
    close(fd);
    bayan_options o = {.metadata_file = path};
    bayan_engine *e = NULL;
    assert_int_equal(bayan_engine_new(&o, &e), BAYAN_OK);
    unlink(path);
    bayan_graph *g = bayan_graph_new();
    const char *t1 = "اجتمع وزراء خارجية التحالف في مدريد أمس لبحث التعاون.";
    const char *t2 = "اجتمع وزراء خارجية التحالف في لشبونة لبحث التعاون.";
    assert_int_equal(bayan_read_memory(e, g, "in/n1.txt", t1, strlen(t1)),
                     BAYAN_OK);
    assert_int_equal(bayan_read_memory(e, g, "n2.txt", t2, strlen(t2)),
                     BAYAN_OK);
    assert_true(holds(g, P_DATE_PUBLISHED, "2019-05-02"));
    assert_true(holds(g, P_START_DATE, "2019-05-01"));
    assert_true(holds(g, P_URL, "https://example.org/n1"));
    assert_true(holds(g, P_PUBLISHER, "https://w3id.org/bayan/id/org/reuters"));
    assert_true(
        holds(g, P_PUBLISHER, "https://w3id.org/bayan/id/org/daily-planet"));
    assert_true(holds(g, P_LABEL, "Daily Planet"));
    bayan_graph_free(g);
    bayan_engine_free(e);
}

/* A page's og:site_name is its publisher only when the lexicon knows it
 * as an outlet: a site may call itself anything. */
static void site_name_when_known(void **state)
{
    (void)state;
    bayan_engine *e = NULL;
    assert_int_equal(bayan_engine_new(NULL, &e), BAYAN_OK);
    static const char *const PAGES[] = {
        "<html><head><meta property=\"og:site_name\" content=\"رويترز\">"
        "</head><body><p>اجتمع وزراء خارجية التحالف في مدريد.</p></body>"
        "</html>",
        "<html><head><meta property=\"og:site_name\" content=\"Home\">"
        "</head><body><p>اجتمع وزراء خارجية التحالف في مدريد.</p></body>"
        "</html>",
    };
    for (size_t i = 0; i < 2; i++) {
        bayan_graph *g = bayan_graph_new();
        assert_int_equal(bayan_read_memory(e, g, "p.html", PAGES[i],
                                           strlen(PAGES[i])),
                         BAYAN_OK);
        assert_int_equal(
            holds(g, P_PUBLISHER, "https://w3id.org/bayan/id/org/reuters"),
            i == 0);
        assert_false(holds(g, P_PUBLISHER, "https://w3id.org/bayan/id/org/home"));
        bayan_graph_free(g);
    }
    bayan_engine_free(e);
}

/* A table that does not parse stops the engine from starting. */
static void bad_table_refused(void **state)
{
    (void)state;
    seen s = {0};
    bayan_options o = {.metadata_file = "/nonexistent/bayan-metadata.tsv",
                       .on_diagnostic = remember,
                       .user = &s};
    bayan_engine *e = NULL;
    assert_int_equal(bayan_engine_new(&o, &e), BAYAN_ERR_IO);
    assert_null(e);
    assert_true(s.count >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_table),
        cmocka_unit_test(bad_rows_named_by_line),
        cmocka_unit_test(bad_headers),
        cmocka_unit_test(other_columns_skipped),
        cmocka_unit_test(table_through_the_engine),
        cmocka_unit_test(site_name_when_known),
        cmocka_unit_test(bad_table_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
