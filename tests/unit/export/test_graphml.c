/* Unit tests of the GraphML exporter: hostile text, well-formedness, schema
 * validity and networkx as independent judges, failing sinks, order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "engine/engine.h"
#include "export/export.h"
#include "core/membuf.h"
#include "graph/view.h"
#include "graph/vocab.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define FFFD "\xef\xbf\xbd"
#define BASE "https://w3id.org/bayan/id/"

/* ---- fixtures ----------------------------------------------------------- */

/* One hostile node: its labels as given and as a reader must see them. */
typedef struct hostile_case {
    const char *local; /* the IRI after BASE */
    const char *ar, *ar_expected;
    const char *en, *en_expected;
} hostile_case;

static const hostile_case CASES[] = {
    {"state/quotes", "\"q\" 'a' back\\slash\\", "\"q\" 'a' back\\slash\\",
     "it's \"x\"", "it's \"x\""},
    /* CR must survive a parser's line-end normalization. */
    {"state/space", "cr\rlf\ncrlf\r\ntab\tend\r", "cr\rlf\ncrlf\r\ntab\tend\r",
     "  lead and trail  ", "  lead and trail  "},
    {"state/markup", "<a>&amp;</a> ] ]]> ]]", "<a>&amp;</a> ] ]]> ]]",
     "</graphml></graph><node id=\"x\">", "</graphml></graph><node id=\"x\">"},
    {"state/comments", "<!-- -- --> <![CDATA[x]]> <?pi?>",
     "<!-- -- --> <![CDATA[x]]> <?pi?>",
     "digraph strict { node [label=\"x\\\"]; edge -> subgraph }",
     "digraph strict { node [label=\"x\\\"]; edge -> subgraph }"},
    {"state/arabic", "مجلس الأمن الدولي ٢٠١٤ \xe2\x80\x8f\xd9\x80",
     "مجلس الأمن الدولي ٢٠١٤ \xe2\x80\x8f\xd9\x80", "Security Council",
     "Security Council"},
    /* XML 1.0 forbids U+FFFE and U+FFFF; bad UTF-8 is repaired upstream. */
    {"state/nonchars",
     "a\xef\xbf\xbe"
     "b\xef\xbf\xbf"
     "c",
     "a" FFFD "b" FFFD "c", "bad \xff\xfe utf8 \xc3",
     "bad " FFFD FFFD " utf8 " FFFD},
    {"state/empty", "", "", "\x7f\xc2\x80 C1 allowed",
     "\x7f\xc2\x80 C1 allowed"},
};
#define CASE_COUNT (sizeof CASES / sizeof CASES[0])

/* Every C0 control: all but TAB, LF and CR become U+FFFD. */
static void c0_strings(char *input, char *expected)
{
    size_t w = 0;
    for (int c = 1; c < 0x20; c++) {
        *input++ = (char)c;
        if (c == '\t' || c == '\n' || c == '\r') {
            expected[w++] = (char)c;
        } else {
            memcpy(expected + w, FFFD, 3);
            w += 3;
        }
    }
    *input = '\0';
    expected[w] = '\0';
}

/* 100,000 characters cycling through Arabic, markup and controls. */
#define LONG_CHARS 100000
static void long_strings(char **input, char **expected)
{
    static const char *const in[] = {"ب", "<", "&", "\r", "\x01", ">", "\""};
    static const char *const out[] = {"ب", "<", "&", "\r", FFFD, ">", "\""};
    *input = malloc(LONG_CHARS * 3 + 1);
    *expected = malloc(LONG_CHARS * 3 + 1);
    assert_non_null(*input);
    assert_non_null(*expected);
    size_t wi = 0, we = 0;
    for (size_t i = 0; i < LONG_CHARS; i++) {
        size_t k = i % (sizeof in / sizeof in[0]);
        memcpy(*input + wi, in[k], strlen(in[k]));
        wi += strlen(in[k]);
        memcpy(*expected + we, out[k], strlen(out[k]));
        we += strlen(out[k]);
    }
    (*input)[wi] = '\0';
    (*expected)[we] = '\0';
}

static void add_state(bayan_graph *g, const char *local, const char *ar,
                      const char *en)
{
    char iri[256];
    snprintf(iri, sizeof iri, BASE "%s", local);
    assert_int_equal(graph_add_iri(g, NULL, iri, P_TYPE, C_STATE), BAYAN_OK);
    if (ar)
        assert_int_equal(
            graph_add_literal(g, NULL, iri, P_LABEL, ar, NULL, "ar"),
            BAYAN_OK);
    if (en)
        assert_int_equal(
            graph_add_literal(g, NULL, iri, P_LABEL, en, NULL, "en"),
            BAYAN_OK);
}

static void add_edge(bayan_graph *g, const char *from, const char *p,
                     const char *to)
{
    char s[256], o[256];
    snprintf(s, sizeof s, BASE "%s", from);
    snprintf(o, sizeof o, BASE "%s", to);
    assert_int_equal(graph_add_iri(g, NULL, s, p, o), BAYAN_OK);
}

/* The hostile graph: the CASES, the C0 and the long node (9 nodes) plus an
 * article; 4 edges between nodes and some quads that are no edges. */
#define HOSTILE_NODES (CASE_COUNT + 3)
#define HOSTILE_EDGES 4
static bayan_graph *hostile_graph(char **long_expected)
{
    bayan_graph *g = bayan_graph_new();
    assert_non_null(g);
    for (size_t i = 0; i < CASE_COUNT; i++)
        add_state(g, CASES[i].local, CASES[i].ar, CASES[i].en);
    char c0[40], c0_expected[100];
    c0_strings(c0, c0_expected);
    add_state(g, "state/c0", c0, "plain");
    char *long_in;
    long_strings(&long_in, long_expected);
    add_state(g, "state/long", long_in, NULL);
    free(long_in);
    assert_int_equal(
        graph_add_iri(g, NULL, BASE "article/a&b<c>", P_TYPE, C_ARTICLE),
        BAYAN_OK);
    add_edge(g, "article/a&b<c>", P_MENTIONS, "state/arabic");
    add_edge(g, "article/a&b<c>", P_MENTIONS, "state/c0");
    /* The same edge in a named graph is still one edge. */
    assert_int_equal(graph_add_iri(g, BASE "graph/1", BASE "article/a&b<c>",
                                   P_MENTIONS, BASE "state/c0"),
                     BAYAN_OK);
    /* A predicate outside the vocabulary keeps its full IRI. */
    add_edge(g, "state/quotes", "http://e.org/p?x=<1>&y=\"2\"", "state/long");
    add_edge(g, "state/long", P_MENTIONS, "state/long");
    /* No edges: a literal, an untyped object, an rdf:type. */
    assert_int_equal(graph_add_literal(g, NULL, BASE "state/c0", P_ISO_CODE,
                                       "C0", NULL, NULL),
                     BAYAN_OK);
    add_edge(g, "state/c0", P_SAME_AS, "elsewhere/x");
    return g;
}

/* An engine built by hand: export_graphml needs only its diagnostics. */
typedef struct diag_log {
    reporter reporter; /**< reports into this log */
    export_env env;    /**< what the exporter is given */
    int errors;
    bayan_status last;
} diag_log;

static void log_diag(void *user, const bayan_diagnostic *d)
{
    diag_log *log = user;
    if (d->severity == BAYAN_ERROR) {
        log->errors++;
        log->last = d->status;
    }
    assert_non_null(d->message);
}

/* An exporter environment that reports into log (log->env). */
static const export_env *init_env(diag_log *log)
{
    memset(log, 0, sizeof *log);
    log->reporter = (reporter){log_diag, log};
    log->env = (export_env){.base = BAYAN_DEFAULT_BASE,
                            .reporter = &log->reporter};
    return &log->env;
}

static void export_ok(const bayan_graph *g, membuf *out)
{
    diag_log log;
    const export_env *e = init_env(&log);
    memset(out, 0, sizeof *out);
    assert_int_equal(export_graphml(e, g, membuf_write, out), BAYAN_OK);
    assert_int_equal(log.errors, 0);
    assert_non_null(out->data);
}

/* ---- reading the output back with libxml2 ------------------------------- */

typedef struct parsed_node {
    char *id, *iri, *type, *label_ar, *label_en, *label;
} parsed_node;

typedef struct parsed_edge {
    char *id, *source, *target, *predicate, *label;
} parsed_edge;

typedef struct parsed {
    size_t keys;
    parsed_node nodes[64];
    size_t node_count;
    parsed_edge edges[64];
    size_t edge_count;
} parsed;

static bool is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, GRAPHML_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static char *attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *copy = v ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return copy;
}

static char *content(const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    char *copy = strdup(v ? (const char *)v : "");
    xmlFree(v);
    return copy;
}

/* Stores each <data> child of n by key; a key given twice fails. */
static void read_data(const xmlNode *n, const char *const keys[],
                      char **slots[], size_t count)
{
    for (const xmlNode *d = n->children; d; d = d->next) {
        if (d->type != XML_ELEMENT_NODE)
            continue;
        assert_true(is_element(d, "data"));
        char *key = attr(d, "key");
        assert_non_null(key);
        size_t k = 0;
        while (k < count && strcmp(keys[k], key) != 0)
            k++;
        if (k == count) { /* a literal fact: checked by its own test */
            free(key);
            continue;
        }
        assert_null(*slots[k]);
        *slots[k] = content(d);
        free(key);
    }
}

static void read_node(const xmlNode *n, parsed_node *p)
{
    static const char *const keys[] = {"iri", "type", "label_ar", "label_en",
                                       "label"};
    char **slots[] = {&p->iri, &p->type, &p->label_ar, &p->label_en,
                      &p->label};
    memset(p, 0, sizeof *p);
    p->id = attr(n, "id");
    read_data(n, keys, slots, 5);
    /* Every node has a label for Gephi, Cytoscape and yEd to show. */
    assert_non_null(p->label);
}

static void read_edge(const xmlNode *n, parsed_edge *p)
{
    static const char *const keys[] = {"predicate", "edge_label"};
    char **slots[] = {&p->predicate, &p->label};
    memset(p, 0, sizeof *p);
    p->id = attr(n, "id");
    p->source = attr(n, "source");
    p->target = attr(n, "target");
    read_data(n, keys, slots, 2);
    assert_non_null(p->label);
}

static void read_graph(const xmlNode *graph, parsed *out)
{
    char *id = attr(graph, "id");
    char *dir = attr(graph, "edgedefault");
    assert_string_equal(id, "bayan");
    assert_string_equal(dir, "directed");
    free(id);
    free(dir);
    for (const xmlNode *n = graph->children; n; n = n->next) {
        if (is_element(n, "node")) {
            assert_true(out->node_count < 64);
            read_node(n, &out->nodes[out->node_count++]);
        } else if (is_element(n, "edge")) {
            assert_true(out->edge_count < 64);
            read_edge(n, &out->edges[out->edge_count++]);
        } else {
            assert_int_not_equal(n->type, XML_ELEMENT_NODE);
        }
    }
}

/* Parses the output (no network, no recovery: must be well-formed). */
static void parse_output(const membuf *b, parsed *out)
{
    memset(out, 0, sizeof *out);
    xmlDocPtr doc = xmlReadMemory(b->data, (int)b->length, "graph.graphml",
                                  NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    assert_string_equal((const char *)doc->encoding, "UTF-8");
    const xmlNode *root = xmlDocGetRootElement(doc);
    assert_true(is_element(root, "graphml"));
    int graphs = 0;
    for (const xmlNode *n = root->children; n; n = n->next) {
        if (is_element(n, "key")) {
            out->keys++;
        } else if (is_element(n, "graph")) {
            graphs++;
            read_graph(n, out);
        }
    }
    assert_int_equal(graphs, 1);
    assert_int_equal(out->keys, 18);
    xmlFreeDoc(doc);
}

static void parsed_free(parsed *p)
{
    for (size_t i = 0; i < p->node_count; i++) {
        parsed_node *n = &p->nodes[i];
        free(n->id);
        free(n->iri);
        free(n->type);
        free(n->label_ar);
        free(n->label_en);
        free(n->label);
    }
    for (size_t i = 0; i < p->edge_count; i++) {
        parsed_edge *e = &p->edges[i];
        free(e->id);
        free(e->source);
        free(e->target);
        free(e->predicate);
        free(e->label);
    }
}

static const parsed_node *find_parsed(const parsed *p, const char *local)
{
    char iri[256];
    snprintf(iri, sizeof iri, BASE "%s", local);
    for (size_t i = 0; i < p->node_count; i++)
        if (p->nodes[i].iri && strcmp(p->nodes[i].iri, iri) == 0)
            return &p->nodes[i];
    fail_msg("node %s missing", iri);
    return NULL;
}

static void assert_optional_equal(const char *got, const char *want)
{
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
}

/* ---- well-formedness and round trips ------------------------------------ */

static void test_hostile_round_trip(void **state)
{
    (void)state;
    char *long_expected;
    bayan_graph *g = hostile_graph(&long_expected);
    membuf b;
    export_ok(g, &b);
    parsed p;
    parse_output(&b, &p);
    assert_int_equal(p.node_count, HOSTILE_NODES);
    assert_int_equal(p.edge_count, HOSTILE_EDGES);
    for (size_t i = 0; i < CASE_COUNT; i++) {
        const parsed_node *n = find_parsed(&p, CASES[i].local);
        assert_string_equal(n->type, "State");
        assert_optional_equal(n->label_ar, CASES[i].ar_expected);
        assert_optional_equal(n->label_en, CASES[i].en_expected);
    }
    char c0[40], c0_expected[100];
    c0_strings(c0, c0_expected);
    assert_string_equal(find_parsed(&p, "state/c0")->label_ar, c0_expected);
    const parsed_node *lng = find_parsed(&p, "state/long");
    assert_string_equal(lng->label_ar, long_expected);
    assert_null(lng->label_en);
    /* The IRI comes through as the graph holds it (percent-encoded). */
    const parsed_node *art = find_parsed(&p, "article/a&b%3Cc%3E");
    assert_string_equal(art->type, "Article");
    assert_null(art->label_ar);
    parsed_free(&p);
    free(b.data);
    free(long_expected);
    bayan_graph_free(g);
}

/* Ids are n<i>/e<i> in view order, and edges name the view's endpoints. */
static void test_matches_view(void **state)
{
    (void)state;
    char *long_expected;
    bayan_graph *g = hostile_graph(&long_expected);
    free(long_expected);
    graph_view v;
    assert_int_equal(view_build(g, &v), BAYAN_OK);
    membuf b;
    export_ok(g, &b);
    parsed p;
    parse_output(&b, &p);
    assert_int_equal(p.node_count, v.node_count);
    assert_int_equal(p.edge_count, v.edge_count);
    char id[32];
    for (size_t i = 0; i < v.node_count; i++) {
        snprintf(id, sizeof id, "n%zu", i);
        assert_string_equal(p.nodes[i].id, id);
        assert_string_equal(p.nodes[i].iri,
                            graph_term(g, v.nodes[i].iri)->value);
    }
    for (size_t i = 0; i < v.edge_count; i++) {
        snprintf(id, sizeof id, "e%zu", i);
        assert_string_equal(p.edges[i].id, id);
        snprintf(id, sizeof id, "n%zu", v.edges[i].source);
        assert_string_equal(p.edges[i].source, id);
        snprintf(id, sizeof id, "n%zu", v.edges[i].target);
        assert_string_equal(p.edges[i].target, id);
        assert_string_equal(p.edges[i].predicate, v.edges[i].curie);
    }
    bool found_full_iri = false;
    for (size_t i = 0; i < p.edge_count; i++)
        if (strcmp(p.edges[i].predicate,
                   "http://e.org/p?x=%3C1%3E&y=%222%22") == 0)
            found_full_iri = true;
    assert_true(found_full_iri);
    assert_string_equal(p.edges[0].predicate, "schema:mentions");
    parsed_free(&p);
    view_clear(&v);
    free(b.data);
    bayan_graph_free(g);
}

static void test_empty_graph(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    membuf b;
    export_ok(g, &b);
    parsed p;
    parse_output(&b, &p);
    assert_int_equal(p.node_count, 0);
    assert_int_equal(p.edge_count, 0);
    assert_non_null(
        strstr(b.data, "<graph id=\"bayan\" edgedefault=\"directed\""));
    parsed_free(&p);
    free(b.data);
    bayan_graph_free(g);
}

/* The declared keys and the root, as the vocabulary's contract says. */
static void test_header(void **state)
{
    (void)state;
    bayan_graph *g = bayan_graph_new();
    membuf b;
    export_ok(g, &b);
    static const char *const expected[] = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ",
        "xmlns=\"" GRAPHML_NS "\"",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        "xsi:schemaLocation=\"" GRAPHML_NS " "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\"",
        "\n  <key id=\"iri\" for=\"node\" attr.name=\"iri\" "
        "attr.type=\"string\"/>\n",
        "\n  <key id=\"type\" for=\"node\" attr.name=\"type\" "
        "attr.type=\"string\"/>\n",
        "\n  <key id=\"label_ar\" for=\"node\" attr.name=\"label_ar\" "
        "attr.type=\"string\"/>\n",
        "\n  <key id=\"label_en\" for=\"node\" attr.name=\"label_en\" "
        "attr.type=\"string\"/>\n",
        "\n  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" "
        "attr.type=\"string\"/>\n",
    };
    assert_memory_equal(b.data, expected[0], strlen(expected[0]));
    for (size_t i = 1; i < sizeof expected / sizeof expected[0]; i++)
        assert_non_null(strstr(b.data, expected[i]));
    free(b.data);
    bayan_graph_free(g);
}

/* ---- determinism -------------------------------------------------------- */

static void fill(bayan_graph *g, bool reverse)
{
    for (int k = 0; k < 30; k++) {
        int i = reverse ? 29 - k : k;
        char local[32], label[64];
        snprintf(local, sizeof local, "state/s%02d", i);
        snprintf(label, sizeof label, "دولة %d", i);
        add_state(g, local, label, reverse ? NULL : "x");
        if (reverse)
            add_state(g, local, NULL, "x");
        char target[32];
        snprintf(target, sizeof target, "state/s%02d", (i * 7) % 30);
        add_edge(g, local, P_MENTIONS, target);
        add_edge(g, local, P_CONTAINED_IN, target);
    }
}

static void test_deterministic(void **state)
{
    (void)state;
    bayan_graph *a = bayan_graph_new();
    bayan_graph *b = bayan_graph_new();
    fill(a, false);
    fill(b, true);
    fill(b, false); /* duplicates change nothing */
    membuf out_a, out_b, again;
    export_ok(a, &out_a);
    export_ok(b, &out_b);
    export_ok(a, &again);
    assert_int_equal(out_a.length, out_b.length);
    assert_memory_equal(out_a.data, out_b.data, out_a.length);
    assert_int_equal(out_a.length, again.length);
    assert_memory_equal(out_a.data, again.data, out_a.length);
    parsed p;
    parse_output(&out_a, &p);
    assert_int_equal(p.node_count, 30);
    assert_int_equal(p.edge_count, 60);
    parsed_free(&p);
    free(out_a.data);
    free(out_b.data);
    free(again.data);
    bayan_graph_free(a);
    bayan_graph_free(b);
}

/* ---- failing sinks ------------------------------------------------------ */

typedef struct limited {
    membuf buf;
    size_t limit; /* bytes accepted before every write fails */
    int calls_after_failure;
    bool failed;
} limited;

static bool limited_write(void *user, const void *bytes, size_t len)
{
    limited *l = user;
    if (l->failed)
        l->calls_after_failure++;
    if (l->buf.length + len > l->limit) {
        l->failed = true;
        return false;
    }
    return membuf_write(&l->buf, bytes, len);
}

/* Runs an export into a sink that takes limit bytes, with stderr caught
 * in a file: the library must stay silent whatever happens. */
static bayan_status export_limited(const bayan_graph *g, size_t limit,
                                   diag_log *log)
{
    const export_env *e = init_env(log);
    limited l = {{NULL, 0, 0}, limit, 0, false};
    char path[] = "/tmp/test_graphml_stderr_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    assert_true(dup2(fd, STDERR_FILENO) >= 0);
    bayan_status st = export_graphml(e, g, limited_write, &l);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    struct stat sb;
    assert_int_equal(fstat(fd, &sb), 0);
    close(fd);
    unlink(path);
    assert_int_equal(sb.st_size, 0);
    free(l.buf.data);
    return st;
}

static void test_failing_write(void **state)
{
    (void)state;
    char *long_expected;
    bayan_graph *g = hostile_graph(&long_expected);
    free(long_expected);
    membuf full;
    export_ok(g, &full);
    const size_t limits[] = {0,     1,     38,     100,
                             3999,  4000,  4001,   4096,
                             10000, 65536, 200000, full.length - 1};
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
        diag_log log;
        assert_true(limits[i] < full.length);
        assert_int_equal(export_limited(g, limits[i], &log), BAYAN_ERR_IO);
        assert_int_equal(log.errors, 1);
        assert_int_equal(log.last, BAYAN_ERR_IO);
    }
    diag_log log;
    assert_int_equal(export_limited(g, full.length, &log), BAYAN_OK);
    assert_int_equal(log.errors, 0);
    free(full.data);
    bayan_graph_free(g);
}

/* ---- independent judges: xmllint with the schema, networkx ----------------
 */

/* Runs argv (PATH searched); returns its exit status, -1 when it could not
 * run or was killed. */
static int run(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

static bool on_path(const char *program)
{
    char *argv[] = {"sh", "-c", "command -v \"$0\" >/dev/null",
                    (char *)program, NULL};
    return run(argv) == 0;
}

/* Writes b to a new temporary file; path receives its name. */
static void save(const membuf *b, char path[64])
{
    strcpy(path, "/tmp/test_graphml_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b->data, b->length), (ssize_t)b->length);
    close(fd);
}

/* The GraphML schema and its offline catalog, from ../shared/schemas;
 * false (the test is skipped before it allocates anything, so no leak is
 * left behind) when they or xmllint are missing. */
typedef struct schema_files {
    char schema[512];
    char catalog[512];
} schema_files;

static bool find_schema(schema_files *f)
{
    const char *shared = getenv("BAYAN_SHARED_DIR");
    struct stat sb;
    if (!shared || !on_path("xmllint"))
        return false;
    snprintf(f->schema, sizeof f->schema, "%s/schemas/graphml.xsd", shared);
    snprintf(f->catalog, sizeof f->catalog, "%s/schemas/catalog.xml", shared);
    return stat(f->schema, &sb) == 0 && stat(f->catalog, &sb) == 0;
}

static void validate_schema(const schema_files *f, const membuf *b)
{
    /* Offline: the catalog maps the schema's absolute URLs to local files. */
    assert_int_equal(setenv("XML_CATALOG_FILES", f->catalog, 1), 0);
    char path[64];
    save(b, path);
    char *argv[] = {"xmllint", "--nonet", "--noout", "--schema",
                    (char *)f->schema, path, NULL};
    int rc = run(argv);
    unlink(path);
    assert_int_equal(rc, 0);
}

static void test_schema_hostile(void **state)
{
    (void)state;
    schema_files f;
    if (!find_schema(&f))
        skip();
    char *long_expected;
    bayan_graph *g = hostile_graph(&long_expected);
    free(long_expected);
    membuf b;
    export_ok(g, &b);
    bayan_graph_free(g);
    validate_schema(&f, &b);
    free(b.data);
}

static void test_schema_empty(void **state)
{
    (void)state;
    schema_files f;
    if (!find_schema(&f))
        skip();
    bayan_graph *g = bayan_graph_new();
    membuf b;
    export_ok(g, &b);
    bayan_graph_free(g);
    validate_schema(&f, &b);
    free(b.data);
}

/* networkx reads the file with Python's expat: counts and attributes. */
static const char NETWORKX_CHECK[] =
    "import networkx as nx, sys\n"
    "g = nx.read_graphml(sys.argv[1])\n"
    "assert g.number_of_nodes() == int(sys.argv[2]), g.number_of_nodes()\n"
    "assert g.number_of_edges() == int(sys.argv[3]), g.number_of_edges()\n"
    "by_iri = {d['iri']: d for _, d in g.nodes(data=True)}\n"
    "assert all('type' in d for d in by_iri.values())\n"
    "for i in range(4, len(sys.argv), 2):\n"
    "    got = by_iri[sys.argv[i]].get('label_ar')\n"
    "    assert got == sys.argv[i + 1], (sys.argv[i], got)\n"
    "assert by_iri[sys.argv[4]]['type'] == 'State'\n"
    "preds = sorted(d['predicate'] for _, _, d in g.edges(data=True))\n"
    "assert preds.count('schema:mentions') == 3, preds\n";

static void test_networkx(void **state)
{
    (void)state;
    char *probe[] = {"/usr/bin/python3", "-c", "import networkx", NULL};
    if (access("/usr/bin/python3", X_OK) != 0 || run(probe) != 0)
        skip();
    char *long_expected;
    bayan_graph *g = hostile_graph(&long_expected);
    free(long_expected);
    membuf b;
    export_ok(g, &b);
    bayan_graph_free(g);
    char path[64];
    save(&b, path);
    free(b.data);
    char nodes[16], edges[16];
    snprintf(nodes, sizeof nodes, "%zu", (size_t)HOSTILE_NODES);
    snprintf(edges, sizeof edges, "%d", HOSTILE_EDGES);
    char *argv[] = {"/usr/bin/python3",
                    "-c",
                    (char *)NETWORKX_CHECK,
                    path,
                    nodes,
                    edges,
                    BASE "state/arabic",
                    (char *)CASES[4].ar_expected,
                    BASE "state/space",
                    (char *)CASES[1].ar_expected,
                    BASE "state/markup",
                    (char *)CASES[2].ar_expected,
                    BASE "state/nonchars",
                    (char *)CASES[5].ar_expected,
                    NULL};
    int rc = run(argv);
    unlink(path);
    assert_int_equal(rc, 0);
}

/* ---- through the public API with a real engine -------------------------- */

static void test_public_export(void **state)
{
    (void)state;
    bayan_options options = {0};
    bayan_engine *e = NULL;
    if (bayan_engine_new(&options, &e) != BAYAN_OK)
        fail_msg("cannot load the ontology (BAYAN_ONTOLOGY_DIR?)");
    bayan_graph *g = bayan_graph_new();
    add_state(g, "state/IQ", "العراق", "Iraq");
    add_state(g, "state/SY", "سوريا", "Syria");
    add_edge(g, "state/IQ", P_MENTIONS, "state/SY");
    membuf b = {NULL, 0, 0};
    assert_int_equal(
        bayan_export(e, g, BAYAN_FORMAT_GRAPHML, membuf_write, &b), BAYAN_OK);
    parsed p;
    parse_output(&b, &p);
    assert_int_equal(p.node_count, 2);
    assert_int_equal(p.edge_count, 1);
    assert_string_equal(p.nodes[0].label_ar, "العراق");
    assert_string_equal(p.nodes[0].label_en, "Iraq");
    assert_string_equal(p.edges[0].source, "n0");
    assert_string_equal(p.edges[0].target, "n1");
    parsed_free(&p);
    free(b.data);
    bayan_graph_free(g);
    bayan_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_round_trip),
        cmocka_unit_test(test_matches_view),
        cmocka_unit_test(test_empty_graph),
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_failing_write),
        cmocka_unit_test(test_schema_hostile),
        cmocka_unit_test(test_schema_empty),
        cmocka_unit_test(test_networkx),
        cmocka_unit_test(test_public_export),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return failed;
}
