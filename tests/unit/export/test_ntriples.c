/* Unit tests of ntriples.c: bayan's own N-Triples and N-Quads lines are
 * the very bytes raptor's serializers write for the same quads, so that
 * the outputs did not change when the writer did. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <raptor2.h>

#include "core/membuf.h"
#include "export/export.h"
#include "export/ntriples.h"
#include "graph/graph.h"

#define S "https://example.org/s"
#define P "https://example.org/p"
#define G "https://example.org/g"

/* Values that need every kind of escape, and characters of every width. */
static const char *const VALUES[] = {
    "plain", "", "q\"q", "back\\slash", "tab\there", "a\nb", "a\rb",
    "\x01\x02\x07\x08\x0b\x0c\x0e\x1f\x7f", "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}",
    "\xd8\xb3\xd9\x88\xd8\xb1\xd9\x8a\xd8\xa7 \xd9\xa2\xd9\xa0\xd9\xa1",
    "\xc2\x80\xc3\xa9\xdf\xbf\xe0\xa0\x80\xe2\x80\x8d\xef\xbb\xbf",
    "\xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf \xf0\x90\x80\x80",
    "\xef\xbf\xbd \xef\xbf\xbe \xef\xbf\xbf end",
};

/* raptor's bytes for the quads, fed to its own serializer. */
static char *raptor_lines(const bayan_graph *g, const char *syntax)
{
    raptor_world *w = raptor_new_world();
    assert_non_null(w);
    assert_int_equal(raptor_world_open(w), 0);
    void *bytes = NULL;
    size_t len = 0;
    raptor_serializer *ser = raptor_new_serializer(w, syntax);
    raptor_iostream *io = raptor_new_iostream_to_string(w, &bytes, &len,
                                                        malloc);
    assert_int_equal(raptor_serializer_start_to_iostream(ser, NULL, io), 0);
    size_t n;
    const quad *qs = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++) {
        raptor_term *t[4] = {NULL, NULL, NULL, NULL};
        term_id ids[4] = {qs[i].s, qs[i].p, qs[i].o, qs[i].g};
        for (int k = 0; k < 4; k++) {
            const term *x = graph_term(g, ids[k]);
            if (!x || (k == 3 && strcmp(syntax, "nquads") != 0))
                continue;
            if (x->kind == TERM_IRI) {
                t[k] = raptor_new_term_from_uri_string(
                    w, (const unsigned char *)x->value);
                continue;
            }
            /* As rdf.c hands them: the noncharacters made U+FFFD. */
            char *v = strdup(x->value);
            for (char *p = v; (p = strstr(p, "\xef\xbf")) != NULL; p += 3)
                if (p[2] == '\xbe' || p[2] == '\xbf')
                    p[2] = '\xbd';
            raptor_uri *dt = x->datatype ? raptor_new_uri(
                w, (const unsigned char *)x->datatype) : NULL;
            t[k] = raptor_new_term_from_counted_literal(
                w, (const unsigned char *)v, x->length, dt,
                (const unsigned char *)x->lang,
                x->lang ? (unsigned char)strlen(x->lang) : 0);
            if (dt)
                raptor_free_uri(dt);
            free(v);
        }
        raptor_statement *st = raptor_new_statement_from_nodes(w, t[0], t[1],
                                                               t[2], t[3]);
        assert_int_equal(raptor_serializer_serialize_statement(ser, st), 0);
        raptor_free_statement(st);
    }
    raptor_serializer_serialize_end(ser);
    raptor_free_serializer(ser);
    raptor_free_iostream(io);
    raptor_free_world(w);
    char *out = malloc(len + 1);
    memcpy(out, bytes ? bytes : "", len);
    out[len] = '\0';
    free(bytes);
    return out;
}

static char *our_lines(const bayan_graph *g, bool quads)
{
    nt_writer *w = malloc(sizeof *w);
    membuf buf = {NULL, 0, 0};
    nt_writer_init(w, membuf_write, &buf);
    size_t n;
    const quad *qs = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        assert_true(nt_write_quad(w, g, &qs[i], quads));
    assert_true(nt_writer_finish(w));
    free(w);
    return buf.data ? buf.data : strdup("");
}

static bayan_graph *hostile_graph(void)
{
    bayan_graph *g = bayan_graph_new();
    for (size_t i = 0; i < sizeof VALUES / sizeof *VALUES; i++) {
        assert_int_equal(graph_add_literal(g, G, S, P, VALUES[i], NULL, NULL),
                         BAYAN_OK);
        assert_int_equal(graph_add_literal(g, NULL, S, P, VALUES[i], NULL,
                                           "ar-EG"), BAYAN_OK);
        assert_int_equal(graph_add_literal(
                             g, G, S, P, VALUES[i],
                             "http://www.w3.org/2001/XMLSchema#string", NULL),
                         BAYAN_OK);
    }
    assert_int_equal(graph_add_iri(g, NULL, S "#char=0,5", P, S "/%D8%A7?a=b&c"),
                     BAYAN_OK);
    assert_int_equal(graph_add_iri(g, G, S, P, "urn:x:y"), BAYAN_OK);
    return g;
}

static void test_same_bytes_as_raptor(void **state)
{
    (void)state;
    bayan_graph *g = hostile_graph();
    const char *syntaxes[] = {"ntriples", "nquads"};
    for (int k = 0; k < 2; k++) {
        char *want = raptor_lines(g, syntaxes[k]);
        char *got = our_lines(g, k == 1);
        assert_string_equal(got, want);
        free(want);
        free(got);
    }
    bayan_graph_free(g);
}

/* Lines longer than the buffer go out whole and in order. */
static void test_longer_than_buffer(void **state)
{
    (void)state;
    size_t n = 3 * sizeof(((nt_writer *)0)->buffer) + 17;
    char *v = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        v[i] = (char)('a' + i % 26);
    v[n] = '\0';
    v[n / 2] = '"';
    bayan_graph *g = bayan_graph_new();
    assert_int_equal(graph_add_literal(g, NULL, S, P, v, NULL, NULL), BAYAN_OK);
    char *want = raptor_lines(g, "ntriples");
    char *got = our_lines(g, false);
    assert_string_equal(got, want);
    free(want);
    free(got);
    free(v);
    bayan_graph_free(g);
}

static bool failing_write(void *user, const void *bytes, size_t len)
{
    (void)bytes;
    (void)len;
    ++*(int *)user;
    return false;
}

/* A failed write is reported by the export, and not retried. */
static void test_failed_write(void **state)
{
    (void)state;
    bayan_graph *g = hostile_graph();
    int calls = 0;
    assert_int_equal(export_rdf(NULL, g, BAYAN_FORMAT_NTRIPLES, failing_write,
                                &calls),
                     BAYAN_ERR_IO);
    assert_int_equal(calls, 1);
    bayan_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_bytes_as_raptor),
        cmocka_unit_test(test_longer_than_buffer),
        cmocka_unit_test(test_failed_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
