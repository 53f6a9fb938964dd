/* Unit tests of the dot module: DOT that cgraph and dot read back whatever
 * the labels hold, SVG that parses as XML, failing sinks, determinism. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "export/export.h"
#include "graph/graph.h"
#include "core/membuf.h"
#include "graph/vocab.h"

#define ID BAYAN_DEFAULT_BASE

/* Sanitizer hooks, read only when a sanitizer runtime is linked in; they
 * silence graphviz 2.43's own faults, never ours (each names a function or
 * library of graphviz, fontconfig or pango):
 *  - the pango plugin caches, in a static variable, a pointer to the last
 *    font name it laid text in; the name belongs to the gvc context and is
 *    freed with it, so the next context's first text is compared (strcmp)
 *    with freed memory;
 *  - gvContext leaks its configuration buffer (gvconfig), dot's cycle
 *    breaking leaks virtual edges (new_virtual_edge), and fontconfig and
 *    pango keep process-wide caches.
 * The leak patterns name frames deep in graphviz, hence the slow unwinder
 * (graphviz is built without frame pointers). */
#define SANITIZER_HOOK __attribute__((visibility("default"))) const char *
SANITIZER_HOOK __asan_default_suppressions(void);
SANITIZER_HOOK __asan_default_options(void);
SANITIZER_HOOK __lsan_default_suppressions(void);

SANITIZER_HOOK __asan_default_suppressions(void)
{
    return "interceptor_via_lib:libgvplugin_pango.so\n";
}

SANITIZER_HOOK __asan_default_options(void)
{
    return "fast_unwind_on_malloc=0";
}

SANITIZER_HOOK __lsan_default_suppressions(void)
{
    return "leak:gvconfig\n"
           "leak:new_virtual_edge\n"
           "leak:libfontconfig.so\n"
           "leak:libpango\n"
           "leak:textspan_size\n";
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static int diagnostics;

static void count_diagnostic(void *user, const bayan_diagnostic *d)
{
    (void)user;
    (void)d;
    diagnostics++;
}

/* Diagnostics are all the exporter reports; no SVG state is kept. */
static const reporter COUNTING = {count_diagnostic, NULL};

static export_env test_env(void)
{
    return (export_env){.base = BAYAN_DEFAULT_BASE, .reporter = &COUNTING};
}

static void add_entity(bayan_graph *g, const char *iri, const char *cls,
                       const char *ar, const char *en)
{
    assert_int_equal(graph_add_iri(g, NULL, iri, P_TYPE, cls), BAYAN_OK);
    if (ar)
        assert_int_equal(graph_add_literal(g, NULL, iri, P_LABEL, ar, NULL,
                                           "ar"), BAYAN_OK);
    if (en)
        assert_int_equal(graph_add_literal(g, NULL, iri, P_LABEL, en, NULL,
                                           "en"), BAYAN_OK);
}

/* Exports g and returns the bytes (free them); asserts success. */
static char *export_ok(const bayan_graph *g, bayan_format format,
                       size_t *len)
{
    export_env e = test_env();
    membuf b = {0};
    assert_int_equal(export_dot(&e, g, format, membuf_write, &b), BAYAN_OK);
    assert_non_null(b.data);
    if (len)
        *len = b.length;
    return b.data;
}

static bool have_program(const char *name)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
    return system(cmd) == 0;
}

/* Runs `cmd FILE` on the bytes (in a temporary file); its exit status. */
static int run_on_bytes(const char *cmd, const char *bytes, size_t len)
{
    char path[] = "/tmp/bayan_test_dot_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, len), (ssize_t)len);
    close(fd);
    char line[512];
    snprintf(line, sizeof line, "%s %s", cmd, path);
    int rc = system(line);
    unlink(path);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* An independent judge: the dot program itself (layout included) and
 * acyclic, which exits 255 on a syntax error. */
static void assert_dot_tools_accept(const char *dot, bool layout)
{
    if (layout && have_program("dot"))
        assert_int_equal(run_on_bytes("dot -Tsvg -o /dev/null", dot,
                                      strlen(dot)), 0);
    if (have_program("acyclic")) {
        int rc = run_on_bytes("acyclic -n", dot, strlen(dot));
        assert_true(rc == 0 || rc == 1);
    }
}

static size_t count_nodes(Agraph_t *ag)
{
    size_t n = 0;
    for (Agnode_t *v = agfstnode(ag); v; v = agnxtnode(ag, v))
        n++;
    return n;
}

static size_t count_edges(Agraph_t *ag)
{
    size_t n = 0;
    for (Agnode_t *v = agfstnode(ag); v; v = agnxtnode(ag, v))
        for (Agedge_t *e = agfstout(ag, v); e; e = agnxtout(ag, e))
            n++;
    return n;
}

/* The label of node iri as cgraph reads it back. */
static const char *parsed_label(Agraph_t *ag, const char *iri)
{
    Agnode_t *v = agnode(ag, (char *)iri, 0);
    assert_non_null(v);
    return agget(v, "label");
}

/* ------------------------------------------------------------------------ */
/* DOT                                                                      */

typedef struct hostile {
    const char *text;   /**< the rdfs:label@ar */
    const char *parsed; /**< the label attribute cgraph reads back */
} hostile;

static const hostile HOSTILE[] = {
    {"say \"hi\"", "say \"hi\""},
    {"trailing\\", "trailing\\\\"},
    {"\\", "\\\\"},
    {"odd \\\" run", "odd \\\\\" run"},
    {"line\\nbreak \\l \\N \\G", "line\\\\nbreak \\\\l \\\\N \\\\G"},
    {"cr\rlf\ntab\tend", "cr lf tab end"},
    {"c0\x01\x02\x1b\x7f" "gone", "c0gone"},
    {"<b>&amp; & </b>", "<b>&amp; & </b>"},
    {"x];y{z}; a=b, c->d", "x];y{z}; a=b, c->d"},
    {"graph", "graph"},
    {"node", "node"},
    {"edge", "edge"},
    {"digraph", "digraph"},
    {"subgraph", "subgraph"},
    {"strict", "strict"},
    {"\"", "\""},
    {"\\\"", "\\\\\""},
    {"\"\\", "\"\\\\"},
    {"الموصل \"مدينة\"\\", "الموصل \"مدينة\"\\\\"},
    {"// not a comment /* nor this */ # nor this",
     "// not a comment /* nor this */ # nor this"},
};
#define HOSTILE_COUNT (sizeof HOSTILE / sizeof HOSTILE[0])

static void hostile_iri(char *buf, size_t size, size_t i)
{
    snprintf(buf, size, ID "person/h%02zu", i);
}

static void test_hostile_labels(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    char iri[128], prev[128];
    for (size_t i = 0; i < HOSTILE_COUNT; i++) {
        hostile_iri(iri, sizeof iri, i);
        add_entity(g, iri, C_PERSON, HOSTILE[i].text, NULL);
        if (i > 0)
            graph_add_iri(g, NULL, prev, P_MENTIONS, iri);
        memcpy(prev, iri, sizeof iri);
    }
    char *dot = export_ok(g, BAYAN_FORMAT_DOT, NULL);
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    assert_int_equal(count_nodes(ag), HOSTILE_COUNT);
    assert_int_equal(count_edges(ag), HOSTILE_COUNT - 1);
    for (size_t i = 0; i < HOSTILE_COUNT; i++) {
        hostile_iri(iri, sizeof iri, i);
        if (HOSTILE[i].parsed)
            assert_string_equal(parsed_label(ag, iri), HOSTILE[i].parsed);
    }
    agclose(ag);
    /* No raw control character survives into the file but the newlines
     * and tabs agwrite puts between statements. */
    for (const char *p = dot; *p; p++)
        assert_true((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\t');
    assert_dot_tools_accept(dot, true);
    free(dot);
    bayan_graph_free(g);
}

/* Names whose last segment is a DOT keyword (the fallback label), and
 * IRIs given backslashes and quotes: graph.c percent-encodes those. */
static void test_hostile_names(void **state)
{
    (void)state;
    static const char *const keywords[] = {
        "graph", "node", "edge", "digraph", "subgraph", "strict",
    };
    bayan_graph *g = bayan_graph_new();
    char iri[64];
    for (size_t i = 0; i < 6; i++) {
        snprintf(iri, sizeof iri, ID "k/%s", keywords[i]);
        add_entity(g, iri, C_STATE, NULL, NULL);
    }
    add_entity(g, "urn:x:a\\\"b\\", C_CITY, NULL, NULL);
    add_entity(g, "urn:graph", C_CITY, NULL, NULL);
    graph_add_iri(g, NULL, "urn:graph", P_CONTAINED_IN, "urn:x:a\\\"b\\");
    char *dot = export_ok(g, BAYAN_FORMAT_DOT, NULL);
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    assert_int_equal(count_nodes(ag), 8);
    assert_int_equal(count_edges(ag), 1);
    for (size_t i = 0; i < 6; i++) {
        snprintf(iri, sizeof iri, ID "k/%s", keywords[i]);
        assert_string_equal(parsed_label(ag, iri), keywords[i]);
    }
    assert_string_equal(parsed_label(ag, "urn:graph"), "urn:graph");
    /* The decoded fallback label keeps its backslashes, doubled. */
    assert_string_equal(parsed_label(ag, "urn:x:a%5C%22b%5C"),
                        "urn:x:a\\\\\"b\\\\");
    agclose(ag);
    assert_dot_tools_accept(dot, true);
    free(dot);
    bayan_graph_free(g);
}

/* 100k characters of label: the file stays small and parses. */
static void test_huge_label(void **state)
{
    (void)state;
    size_t n = 100000;
    char *big = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(big + 2 * i, "\xd8\xa8", 2); /* U+0628 ARABIC LETTER BEH */
    big[2 * n] = '\0';
    char *bs = malloc(n + 1);
    memset(bs, '\\', n);
    bs[n] = '\0';
    bayan_graph *g = bayan_graph_new();
    add_entity(g, ID "meeting/big", C_MEETING, big, bs);
    size_t len;
    char *dot = export_ok(g, BAYAN_FORMAT_DOT, &len);
    assert_true(len < 4096);
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    const char *label = parsed_label(ag, ID "meeting/big");
    /* 80 letters, an ellipsis, the break, 80 doubled backslashes, "…". */
    assert_int_equal(strlen(label), 160 + 3 + 2 + 160 + 3);
    assert_memory_equal(label + 160, "\xe2\x80\xa6\\n\\\\", 7);
    agclose(ag);
    assert_dot_tools_accept(dot, true);
    free(dot);
    free(big);
    free(bs);
    bayan_graph_free(g);
}

static void test_arabic_english_label(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    add_entity(g, ID "city/mosul", C_CITY, "الموصل", "Mosul");
    add_entity(g, ID "state/IQ", C_STATE, NULL, "Iraq");
    add_entity(g, ID "city/الرقة", C_CITY, NULL, NULL);
    add_entity(g, ID "org/x%ZZ", C_ORGANIZATION, NULL, NULL);
    add_entity(g, ID "org/y%C3", C_ORGANIZATION, NULL, NULL);
    graph_add_iri(g, NULL, ID "city/mosul", P_CONTAINED_IN, ID "state/IQ");
    char *dot = export_ok(g, BAYAN_FORMAT_DOT, NULL);
    assert_non_null(strstr(dot, "charset=\"UTF-8\""));
    assert_non_null(strstr(dot, "Noto Sans Arabic"));
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    assert_string_equal(parsed_label(ag, ID "city/mosul"), "الموصل\\nMosul");
    assert_string_equal(parsed_label(ag, ID "state/IQ"), "Iraq");
    /* No label: the IRI's last segment, percent-decoded when that is
     * UTF-8, as written otherwise. */
    assert_string_equal(
        parsed_label(ag, ID "city/%D8%A7%D9%84%D8%B1%D9%82%D8%A9"), "الرقة");
    /* graph.c encodes the stray '%'; decoding gives it back. */
    assert_string_equal(parsed_label(ag, ID "org/x%25ZZ"), "x%ZZ");
    /* %C3 alone is not UTF-8: the segment is shown as written. */
    assert_string_equal(parsed_label(ag, ID "org/y%C3"), "y%C3");
    Agnode_t *v = agnode(ag, ID "city/mosul", 0);
    assert_string_equal(agget(v, "shape"), "house");
    assert_string_equal(agget(v, "URL"), ID "city/mosul");
    assert_string_equal(agget(v, "tooltip"), ID "city/mosul");
    Agedge_t *e = agfstout(ag, v);
    assert_non_null(e);
    assert_string_equal(agget(e, "label"), "schema:containedInPlace");
    assert_string_equal(agnameof(aghead(e)), ID "state/IQ");
    agclose(ag);
    free(dot);
    bayan_graph_free(g);
}

/* Each class its own shape; two predicates between one pair, two edges. */
static void test_classes_and_parallel_edges(void **state)
{
    (void)state;
    static const char *const classes[][2] = {
        {C_ARTICLE, "note"},      {C_MEETING, "doubleoctagon"},
        {C_STATE, "box"},         {C_CITY, "house"},
        {C_PERSON, "ellipse"},    {C_ORGANIZATION, "component"},
        {C_RESOLUTION, "tab"},    {C_STATEMENT, "cds"},
    };
    bayan_graph *g = bayan_graph_new();
    char iri[64];
    for (int i = 0; i < 8; i++) {
        snprintf(iri, sizeof iri, ID "n/%d", i);
        add_entity(g, iri, classes[i][0], NULL, NULL);
    }
    graph_add_iri(g, NULL, ID "n/1", P_HOST, ID "n/2");
    graph_add_iri(g, NULL, ID "n/1", P_ATTENDEE, ID "n/2");
    graph_add_iri(g, ID "graph2", ID "n/1", P_HOST, ID "n/2");
    char *dot = export_ok(g, BAYAN_FORMAT_DOT, NULL);
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    for (int i = 0; i < 8; i++) {
        snprintf(iri, sizeof iri, ID "n/%d", i);
        Agnode_t *v = agnode(ag, iri, 0);
        assert_non_null(v);
        assert_string_equal(agget(v, "shape"), classes[i][1]);
    }
    assert_int_equal(count_edges(ag), 2);
    agclose(ag);
    free(dot);
    bayan_graph_free(g);
}

/* The meetings view: a meeting, its place (also its host: one arrow with
 * both properties), a chair, a resolution; the article that mentions
 * them and an entity it merely mentions are left out. */
static void test_meetings_view(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    add_entity(g, ID "article/a1", C_ARTICLE, NULL, NULL);
    add_entity(g, ID "meeting/m1", C_MEETING, "اجتماع", "meeting m1");
    add_entity(g, ID "state/KW", C_STATE, "الكويت", "Kuwait");
    add_entity(g, ID "person/p1", C_PERSON, "فلان", "Someone");
    add_entity(g, ID "resolution/r1", C_RESOLUTION, NULL, NULL);
    add_entity(g, ID "state/FR", C_STATE, "فرنسا", "France");
    graph_add_iri(g, NULL, ID "meeting/m1", P_LOCATION, ID "state/KW");
    graph_add_iri(g, NULL, ID "meeting/m1", P_HOST, ID "state/KW");
    graph_add_iri(g, NULL, ID "meeting/m1", P_CHAIR, ID "person/p1");
    graph_add_iri(g, NULL, ID "meeting/m1", P_REFERENCES, ID "resolution/r1");
    graph_add_iri(g, NULL, ID "meeting/m1", P_MEETING_LEVEL, L_MINISTERIAL);
    graph_add_literal(g, NULL, ID "meeting/m1", P_START_DATE, "2014-10-28",
                      NS_XSD "date", NULL);
    graph_add_iri(g, NULL, ID "meeting/m1", P_DERIVED_FROM, ID "article/a1");
    graph_add_iri(g, NULL, ID "article/a1", P_MENTIONS, ID "state/FR");
    graph_add_iri(g, NULL, ID "article/a1", P_MENTIONS, ID "meeting/m1");
    export_env e = test_env();
    e.meetings_view = true;
    membuf b = {0};
    assert_int_equal(export_dot(&e, g, BAYAN_FORMAT_DOT, membuf_write, &b),
                     BAYAN_OK);
    assert_true(membuf_write(&b, "", 1));
    Agraph_t *ag = agmemread(b.data);
    assert_non_null(ag);
    assert_int_equal(count_nodes(ag), 4);
    assert_null(agnode(ag, ID "article/a1", 0));
    assert_null(agnode(ag, ID "state/FR", 0));
    assert_int_equal(count_edges(ag), 3);
    Agnode_t *m = agnode(ag, ID "meeting/m1", 0);
    assert_non_null(m);
    assert_non_null(strstr(agget(m, "label"), "2014-10-28 · Ministerial"));
    Agedge_t *to_kw = agedge(ag, m, agnode(ag, ID "state/KW", 0), NULL, 0);
    assert_non_null(to_kw);
    assert_string_equal(agget(to_kw, "label"),
                        "schema:location, bayan:host");
    agclose(ag);
    free(b.data);
    bayan_graph_free(g);
}

/* Fills g with n entities in a ring plus chords, in the given order. */
static void fill_ring(bayan_graph *g, size_t n, bool reverse)
{
    char iri[64], next[64], label[64];
    for (size_t k = 0; k < n; k++) {
        size_t i = reverse ? n - 1 - k : k;
        snprintf(iri, sizeof iri, ID "e/%04zu", i);
        snprintf(label, sizeof label, "كيان %zu", i);
        add_entity(g, iri, VOCAB_ENTITY_CLASSES[i % 8], label,
                   i % 3 ? "entity" : NULL);
        snprintf(next, sizeof next, ID "e/%04zu", (i + 1) % n);
        graph_add_iri(g, NULL, iri, P_MENTIONS, next);
        snprintf(next, sizeof next, ID "e/%04zu", (i * 7 + 3) % n);
        graph_add_iri(g, NULL, iri, P_REFERENCES, next);
    }
}

static void test_deterministic(void **state)
{
    (void)state;
    bayan_graph *g1 = bayan_graph_new(), *g2 = bayan_graph_new();
    fill_ring(g1, 40, false);
    fill_ring(g2, 40, true);
    static const bayan_format formats[] = {BAYAN_FORMAT_DOT,
                                           BAYAN_FORMAT_SVG};
    for (int f = 0; f < 2; f++) {
        size_t l1, l2, l3;
        char *a = export_ok(g1, formats[f], &l1);
        char *b = export_ok(g1, formats[f], &l2);
        char *c = export_ok(g2, formats[f], &l3);
        assert_int_equal(l1, l2);
        assert_int_equal(l1, l3);
        assert_memory_equal(a, b, l1);
        assert_memory_equal(a, c, l1);
        free(a);
        free(b);
        free(c);
    }
    bayan_graph_free(g1);
    bayan_graph_free(g2);
}

static void test_empty(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    char *dot = export_ok(g, BAYAN_FORMAT_DOT, NULL);
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    assert_int_equal(count_nodes(ag), 0);
    agclose(ag);
    assert_dot_tools_accept(dot, true);
    free(dot);
    size_t len;
    char *svg = export_ok(g, BAYAN_FORMAT_SVG, &len);
    xmlDocPtr doc = xmlReadMemory(svg, (int)len, "empty.svg", NULL,
                                  XML_PARSE_NONET);
    assert_non_null(doc);
    assert_string_equal((const char *)xmlDocGetRootElement(doc)->name, "svg");
    xmlFreeDoc(doc);
    free(svg);
    bayan_graph_free(g);
}

/* ------------------------------------------------------------------------ */
/* Failing sinks                                                            */

typedef struct failing_sink {
    int calls_left; /**< the write that fails when this reaches 0 */
    int calls;
} failing_sink;

static bool failing_write(void *user, const void *bytes, size_t len)
{
    failing_sink *s = user;
    (void)bytes;
    (void)len;
    s->calls++;
    return s->calls_left-- > 0;
}

static void test_failing_write(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    fill_ring(g, 5, false);
    size_t len;
    char *before = export_ok(g, BAYAN_FORMAT_DOT, &len);
    export_env e = test_env();
    /* Fail the first write, the tenth, ..., the last. */
    failing_sink count = {1 << 30, 0};
    assert_int_equal(export_dot(&e, g, BAYAN_FORMAT_DOT, failing_write,
                                &count), BAYAN_OK);
    for (int k = 0; k < count.calls; k += (k < 10 ? 1 : 7)) {
        failing_sink s = {k, 0};
        assert_int_equal(export_dot(&e, g, BAYAN_FORMAT_DOT, failing_write,
                                    &s), BAYAN_ERR_IO);
    }
    failing_sink s = {0, 0};
    assert_int_equal(export_dot(&e, g, BAYAN_FORMAT_SVG, failing_write, &s),
                     BAYAN_ERR_IO);
    /* A failed write leaves nothing behind in cgraph: the next export is
     * byte for byte the first. */
    size_t len2;
    char *after = export_ok(g, BAYAN_FORMAT_DOT, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(before, after, len);
    free(before);
    free(after);
    assert_int_equal(export_dot(&e, g, BAYAN_FORMAT_TURTLE, failing_write,
                                &s), BAYAN_ERR_ARGUMENT);
    bayan_graph_free(g);
}

/* ------------------------------------------------------------------------ */
/* SVG                                                                      */

static xmlDocPtr parse_svg(const char *svg, size_t len)
{
    xmlDocPtr doc = xmlReadMemory(svg, (int)len, "graph.svg", NULL,
                                  XML_PARSE_NONET);
    assert_non_null(doc);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_non_null(root);
    assert_string_equal((const char *)root->name, "svg");
    return doc;
}

static void test_svg_hostile(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    char iri[128];
    for (size_t i = 0; i < HOSTILE_COUNT; i++) {
        hostile_iri(iri, sizeof iri, i);
        add_entity(g, iri, C_PERSON, HOSTILE[i].text, "and <English> & co");
        graph_add_iri(g, NULL, iri, P_REPRESENTS, ID "state/IQ");
    }
    add_entity(g, ID "state/IQ", C_STATE, "العراق", "Iraq");
    diagnostics = 0;
    size_t len;
    char *svg = export_ok(g, BAYAN_FORMAT_SVG, &len);
    assert_int_equal(diagnostics, 0);
    xmlFreeDoc(parse_svg(svg, len));
    free(svg);
    bayan_graph_free(g);
}

/* Past the dot engine's comfort zone: sfdp, in well under a second. */
static void test_svg_large(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    fill_ring(g, 400, false);
    char *dot = export_ok(g, BAYAN_FORMAT_DOT, NULL);
    assert_non_null(strstr(dot, "layout=sfdp"));
    Agraph_t *ag = agmemread(dot);
    assert_non_null(ag);
    assert_int_equal(count_nodes(ag), 400);
    assert_int_equal(count_edges(ag), 800);
    agclose(ag);
    assert_dot_tools_accept(dot, false);
    free(dot);
    size_t len;
    char *svg = export_ok(g, BAYAN_FORMAT_SVG, &len);
    xmlFreeDoc(parse_svg(svg, len));
    free(svg);
    bayan_graph_free(g);
}

/* A long cycle: 100 nodes that dot would take seconds over (each chord
 * crosses dozens of ranks) go to sfdp; the same shape at 20 stays with
 * dot, and so does a shallow graph of 300 nodes. */
static void test_engine_choice(void **state)
{
    (void)state;
    static const struct {
        size_t n;
        bool ring;
        const char *layout;
    } cases[] = {
        {20, true, "layout=dot"},
        {100, true, "layout=sfdp"},
        {300, false, "layout=dot"},
        {301, false, "layout=sfdp"},
    };
    for (size_t c = 0; c < 4; c++) {
        bayan_graph *g = bayan_graph_new();
        if (cases[c].ring) {
            fill_ring(g, cases[c].n, false);
        } else {
            char iri[64];
            for (size_t i = 0; i < cases[c].n; i++) {
                snprintf(iri, sizeof iri, ID "s/%04zu", i);
                add_entity(g, iri, C_STATE, NULL, NULL);
                graph_add_iri(g, NULL, ID "s/0000", P_MENTIONS, iri);
            }
        }
        char *dot = export_ok(g, BAYAN_FORMAT_DOT, NULL);
        assert_non_null(strstr(dot, cases[c].layout));
        free(dot);
        bayan_graph_free(g);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_labels),
        cmocka_unit_test(test_hostile_names),
        cmocka_unit_test(test_huge_label),
        cmocka_unit_test(test_arabic_english_label),
        cmocka_unit_test(test_classes_and_parallel_edges),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_failing_write),
        cmocka_unit_test(test_svg_hostile),
        cmocka_unit_test(test_svg_large),
        cmocka_unit_test(test_engine_choice),
        cmocka_unit_test(test_meetings_view),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
