/* Fuzz target: the whole pipeline, bytes to every exporter. The bytes are
 * read with bayan_read_memory (strict, which may refuse and must then leave
 * the graph empty; lenient, which keeps them) and the graph exported in
 * every format to memory. Each export must succeed with UTF-8 that its own
 * kind of parser reads back whole: raptor counts the quads and the literal
 * bytes of N-Quads (nothing dropped or cut), Turtle and N-Triples hold the
 * same triples, GraphML and SVG are well-formed XML. */
#include "fuzz.h"

#include <libxml/parser.h>
#include <raptor2.h>

#include "graph/graph.h"
#include "core/membuf.h"

/* Raptor 2.0.15's N-Triples and N-Quads parser, used here only to read
 * the output back, leaks the datatype IRIs of typed literals; the library
 * never runs it. Those IRIs hold references to the world's concept IRIs,
 * which then outlive raptor_free_world as well. LeakSanitizer reads this
 * besides LSAN_OPTIONS. */
const char *__lsan_default_suppressions(void);
/* Visible: the project hides symbols, and gcc's shared sanitizer runtime
 * finds the hook only among the executable's exported ones. */
__attribute__((visibility("default"))) const char *
__lsan_default_suppressions(void)
{
    return "leak:raptor_ntriples_parse_term\n"
           "leak:raptor_concepts_init\n";
}

static void check_utf8(const membuf *out)
{
    FUZZ_CHECK(out->length > 0);
    FUZZ_CHECK(strlen(out->data) == out->length);
    for (size_t i = 0; i < out->length;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)out->data + i,
                               out->length - i, &cp);
        FUZZ_CHECK(n > 0);
        i += n;
    }
}

/* What raptor read back: statements, bytes of literal objects, errors. */
typedef struct parsed {
    size_t statements;
    size_t literal_bytes;
    size_t errors;
} parsed;

static void count_statement(void *user, raptor_statement *t)
{
    parsed *p = user;
    p->statements++;
    if (t->object->type == RAPTOR_TERM_TYPE_LITERAL)
        p->literal_bytes += t->object->value.literal.string_len;
}

static void count_error(void *user, raptor_log_message *m)
{
    parsed *p = user;
    if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
        fprintf(stderr, "raptor: %s\n", m->text);
        p->errors++;
    }
}

static parsed parse_rdf(const membuf *out, const char *syntax)
{
    parsed p = {0, 0, 0};
    raptor_world *w = raptor_new_world();
    FUZZ_CHECK(w && raptor_world_open(w) == 0);
    raptor_world_set_log_handler(w, &p, count_error);
    raptor_parser *rp = raptor_new_parser(w, syntax);
    raptor_uri *base =
        raptor_new_uri(w, (const unsigned char *)"http://example.org/");
    FUZZ_CHECK(rp && base);
    raptor_parser_set_statement_handler(rp, &p, count_statement);
    FUZZ_CHECK(raptor_parser_parse_start(rp, base) == 0);
    if (raptor_parser_parse_chunk(rp, (const unsigned char *)out->data,
                                  out->length, 1) != 0)
        p.errors++;
    raptor_free_uri(base);
    raptor_free_parser(rp);
    raptor_free_world(w);
    return p;
}

/* The literal bytes of the graph's quads, as N-Quads should carry them. */
static size_t graph_literal_bytes(const bayan_graph *g)
{
    size_t count, bytes = 0;
    const quad *q = graph_quads(g, &count);
    for (size_t i = 0; i < count; i++) {
        const term *o = graph_term(g, q[i].o);
        if (o->kind == TERM_LITERAL)
            bytes += o->length;
    }
    return bytes;
}

static void check_xml(const membuf *out, const char *name)
{
    xmlDocPtr doc = xmlReadMemory(out->data, (int)out->length, name, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR |
                                      XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    FUZZ_CHECK(doc != NULL);
    xmlFreeDoc(doc);
}

static membuf export_one(const bayan_engine *e, const bayan_graph *g,
                         bayan_format f)
{
    membuf out = {NULL, 0, 0};
    bayan_status st = bayan_export(e, g, f, membuf_write, &out);
    if (st != BAYAN_OK)
        fprintf(stderr, "export to %s: %s\n", bayan_format_name(f),
                bayan_strerror(st));
    FUZZ_CHECK(st == BAYAN_OK);
    check_utf8(&out);
    return out;
}

static void export_all(const bayan_engine *e, const bayan_graph *g)
{
    membuf out[BAYAN_FORMAT_COUNT];
    for (int f = 0; f < BAYAN_FORMAT_COUNT; f++)
        out[f] = export_one(e, g, (bayan_format)f);
    parsed nq = parse_rdf(&out[BAYAN_FORMAT_NQUADS], "nquads");
    parsed nt = parse_rdf(&out[BAYAN_FORMAT_NTRIPLES], "ntriples");
    parsed ttl = parse_rdf(&out[BAYAN_FORMAT_TURTLE], "turtle");
    FUZZ_CHECK(nq.errors == 0 && nt.errors == 0 && ttl.errors == 0);
    FUZZ_CHECK(nq.statements == bayan_graph_size(g));
    FUZZ_CHECK(nq.literal_bytes == graph_literal_bytes(g));
    FUZZ_CHECK(ttl.statements == nt.statements);
    FUZZ_CHECK(ttl.literal_bytes == nt.literal_bytes);
    check_xml(&out[BAYAN_FORMAT_GRAPHML], "graph.graphml");
    check_xml(&out[BAYAN_FORMAT_SVG], "graph.svg");
    for (int f = 0; f < BAYAN_FORMAT_COUNT; f++)
        free(out[f].data);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bayan_graph *g = bayan_graph_new();
    FUZZ_CHECK(g != NULL);
    if (bayan_read_memory(fuzz_engine(false), g, "input", data, size) !=
        BAYAN_OK)
        FUZZ_CHECK(bayan_graph_size(g) == 0);
    bayan_graph_free(g);

    g = bayan_graph_new();
    FUZZ_CHECK(g != NULL);
    const bayan_engine *e = fuzz_engine(true);
    if (bayan_read_memory(e, g, "input", data, size) == BAYAN_OK)
        export_all(e, g);
    bayan_graph_free(g);
    return 0;
}
