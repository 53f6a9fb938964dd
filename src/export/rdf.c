/* RDF through raptor2: reading the Turtle data files (ontology, lexicon)
 * and writing Turtle, N-Triples and N-Quads. */

#include "export/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <raptor2.h>

#include "export/ntriples.h"
#include "graph/vocab.h"

/* ---- writing ------------------------------------------------------------ */

/* The serializer raptor names for each RDF format. */
typedef struct rdf_syntax {
    bayan_format format;
    const char *serializer;
    bool quads;     /* pass the graph name on */
    bool escape_cr; /* raptor's Turtle writer leaves CR raw: see cr_write */
} rdf_syntax;

static const rdf_syntax RDF_SYNTAXES[] = {
    {BAYAN_FORMAT_TURTLE, "turtle", false, true},
    {BAYAN_FORMAT_NTRIPLES, "ntriples", false, false},
    {BAYAN_FORMAT_NQUADS, "nquads", true, false},
};

/* Where raptor's output goes: the caller's sink, plus what went wrong. */
typedef struct out_state {
    const export_env *env;
    bayan_write_fn write;
    void *user;
    bool escape_cr;
    bool write_failed;
    bool raptor_failed;
    bool skip_header; /* drop bytes up to the first blank line */
    bool after_newline;
} out_state;

static void out_write(out_state *os, const void *bytes, size_t len)
{
    if (!os->write_failed && len > 0 && !os->write(os->user, bytes, len))
        os->write_failed = true;
}

/* raptor 2.0.15 writes a carriage return raw inside a short "..." Turtle
 * string, which the grammar forbids. Raptor never writes a CR anywhere
 * else (its line ends are LF, and IRIs reach it percent-encoded), so every
 * 0x0D byte it emits is inside a literal, where the escape \r means the
 * same character in both short and long strings. */
static void cr_write(out_state *os, const char *bytes, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (bytes[i] == '\r') {
            out_write(os, bytes + start, i - start);
            out_write(os, "\\r", 2);
            start = i + 1;
        }
    }
    out_write(os, bytes + start, len - start);
}

/* How many leading bytes belong to a repeated Turtle header (the @prefix
 * lines and the blank line after them), which only the first chunk keeps. */
static size_t header_bytes(out_state *os, const char *bytes, size_t len)
{
    for (size_t i = 0; os->skip_header && i < len; i++) {
        if (bytes[i] == '\n' && os->after_newline) {
            os->skip_header = false;
            return i + 1;
        }
        os->after_newline = bytes[i] == '\n';
    }
    return os->skip_header ? len : 0;
}

static void out_bytes(out_state *os, const void *bytes, size_t len)
{
    size_t skip = header_bytes(os, bytes, len);
    bytes = (const char *)bytes + skip;
    len -= skip;
    if (os->escape_cr)
        cr_write(os, bytes, len);
    else
        out_write(os, bytes, len);
}

static int out_write_byte(void *context, const int byte)
{
    out_state *os = context;
    const char c = (char)byte;
    out_bytes(os, &c, 1);
    return os->write_failed ? 1 : 0;
}

static int out_write_bytes(void *context, const void *ptr, size_t size,
                           size_t nmemb)
{
    out_state *os = context;
    out_bytes(os, ptr, size * nmemb);
    return os->write_failed ? 0 : (int)nmemb;
}

static const raptor_iostream_handler OUT_HANDLER = {
    .version = 2, /* raptor accepts writers from version 2 on */
    .write_byte = out_write_byte,
    .write_bytes = out_write_bytes,
};

/* raptor's Turtle writer logs this, at error level, for a typed literal it
 * declines to abbreviate, and then writes it in full, which is correct. */
static const char ILLEGAL_LITERAL[] = "Illegal value for xsd:";

static void out_log(void *user, raptor_log_message *m)
{
    out_state *os = user;
    if (m->level < RAPTOR_LOG_LEVEL_ERROR)
        return;
    if (m->text && strncmp(m->text, ILLEGAL_LITERAL,
                           sizeof ILLEGAL_LITERAL - 1) == 0) {
        report(export_reporter(os->env), BAYAN_WARNING, BAYAN_OK, NULL, -1,
                      "raptor: %s (written in full)", m->text);
        return;
    }
    report(export_reporter(os->env), BAYAN_ERROR, BAYAN_ERR_INTERNAL, NULL, -1,
                  "raptor: %s", m->text ? m->text : "serializer error");
    os->raptor_failed = true;
}

/* ---- typed literals raptor abbreviates ----------------------------------- */

/* raptor's Turtle writer prints an xsd:integer, decimal, double or boolean
 * literal as a bare token whenever strtol or strtod consumes its lexical
 * form, or it is "0", "1", "true" or "false". That token can mean another
 * literal: "5"^^xsd:decimal comes back as an integer, "1.5"^^xsd:double as
 * a decimal, " 7" loses its space, "1"^^xsd:boolean becomes "true", and
 * "5.", "INF" or "NaN" do not parse at all. Such literals are refused
 * rather than written wrong. */

static size_t digits(const char *s)
{
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    return n;
}

static const char *skip_sign(const char *s)
{
    return *s == '+' || *s == '-' ? s + 1 : s;
}

/* Turtle's INTEGER: [+-]?[0-9]+ */
static bool turtle_integer(const char *s)
{
    s = skip_sign(s);
    size_t n = digits(s);
    return n > 0 && s[n] == '\0';
}

/* Turtle's DECIMAL: [+-]?[0-9]*\.[0-9]+ */
static bool turtle_decimal(const char *s)
{
    s = skip_sign(s);
    s += digits(s);
    if (*s != '.')
        return false;
    size_t n = digits(s + 1);
    return n > 0 && s[1 + n] == '\0';
}

/* Turtle's DOUBLE: mantissa [0-9]+(\.[0-9]*)? or \.[0-9]+, then an
 * exponent [eE][+-]?[0-9]+ that is not optional. */
static bool turtle_double(const char *s)
{
    s = skip_sign(s);
    size_t whole = digits(s);
    s += whole;
    size_t frac = 0;
    if (*s == '.') {
        frac = digits(s + 1);
        s += 1 + frac;
    }
    if (whole == 0 && frac == 0)
        return false;
    if (*s != 'e' && *s != 'E')
        return false;
    s = skip_sign(s + 1);
    size_t n = digits(s);
    return n > 0 && s[n] == '\0';
}

/* Whether raptor would write the literal bare, and whether that bare token
 * reads back as the same literal. */
static bool abbreviation_is_safe(const term *t)
{
    const char *v = t->value;
    char *end = NULL;
    if (strcmp(t->datatype, XSD_INTEGER) == 0) {
        (void)strtol(v, &end, 10);
        return end == v || *end != '\0' || turtle_integer(v);
    }
    if (strcmp(t->datatype, NS_XSD "decimal") == 0 ||
        strcmp(t->datatype, NS_XSD "double") == 0) {
        (void)strtod(v, &end);
        if (end == v || *end != '\0')
            return true;
        return strcmp(t->datatype, NS_XSD "decimal") == 0 ? turtle_decimal(v)
                                                          : turtle_double(v);
    }
    if (strcmp(t->datatype, XSD_BOOLEAN) == 0)
        return strcmp(v, "0") != 0 && strcmp(v, "1") != 0;
    return true;
}

static bayan_status check_turtle_literal(const export_env *e, const term *t)
{
    if (t->kind != TERM_LITERAL || !t->datatype || abbreviation_is_safe(t))
        return BAYAN_OK;
    report(export_reporter(e), BAYAN_ERROR, BAYAN_ERR_ARGUMENT, NULL, -1,
                  "the literal \"%.80s\"^^<%s> cannot be written as Turtle "
                  "without changing it: use the canonical lexical form",
                  t->value, t->datatype);
    return BAYAN_ERR_ARGUMENT;
}

/* ---- serializing --------------------------------------------------------- */

/* A new copy of a literal's value for raptor, whose UTF-8 reader takes the
 * noncharacters U+FFFE and U+FFFF (EF BF BE, EF BF BF) for invalid: its
 * writers then silently end the string there and drop the rest of the
 * subject's triples (found by fuzz/fuzz_pipeline.c). They become U+FFFD
 * (EF BF BD), as in GraphML: one code point for one, so NIF offsets hold.
 * NULL when out of memory. */
static char *raptor_safe_value(const term *t)
{
    char *v = malloc(t->length + 1);
    if (!v)
        return NULL;
    memcpy(v, t->value, t->length + 1);
    for (size_t i = 0; i + 2 < t->length; i++) {
        unsigned char *b = (unsigned char *)v + i;
        if (b[0] == 0xef && b[1] == 0xbf && (b[2] == 0xbe || b[2] == 0xbf))
            b[2] = 0xbd;
    }
    return v;
}

/* A new raptor term for a graph term; NULL when out of memory. */
static raptor_term *make_term(raptor_world *w, const term *t)
{
    if (t->kind == TERM_IRI)
        return raptor_new_term_from_uri_string(
            w, (const unsigned char *)t->value);
    raptor_uri *dt = NULL;
    if (t->datatype) {
        dt = raptor_new_uri(w, (const unsigned char *)t->datatype);
        if (!dt)
            return NULL;
    }
    char *value = raptor_safe_value(t);
    raptor_term *r = value ? raptor_new_term_from_counted_literal(
                                 w, (const unsigned char *)value, t->length,
                                 dt, (const unsigned char *)t->lang,
                                 t->lang ? (unsigned char)strlen(t->lang) : 0)
                           : NULL;
    free(value);
    if (dt)
        raptor_free_uri(dt);
    return r;
}

/* raptor_free_term complains on stderr about NULL, so skip those. */
static void free_terms(raptor_term *a, raptor_term *b, raptor_term *c,
                       raptor_term *d)
{
    raptor_term *all[] = {a, b, c, d};
    for (size_t i = 0; i < 4; i++)
        if (all[i])
            raptor_free_term(all[i]);
}

/* Hands one quad to the serializer; false when out of memory. */
static bool serialize_quad(raptor_world *w, raptor_serializer *ser,
                           const bayan_graph *g, const quad *q, bool quads)
{
    raptor_term *s = make_term(w, graph_term(g, q->s));
    raptor_term *p = make_term(w, graph_term(g, q->p));
    raptor_term *o = make_term(w, graph_term(g, q->o));
    raptor_term *gn = quads && q->g ? make_term(w, graph_term(g, q->g)) : NULL;
    if (!s || !p || !o || (quads && q->g && !gn)) {
        free_terms(s, p, o, gn);
        return false;
    }
    /* The statement takes ownership of the four terms. */
    raptor_statement *st = raptor_new_statement_from_nodes(w, s, p, o, gn);
    if (!st)
        return false;
    int rc = raptor_serializer_serialize_statement(ser, st);
    raptor_free_statement(st);
    return rc == 0;
}

/* Declares the vocabulary's prefixes, in their fixed order, and id: for
 * the resource base unless the base is one of them. */
static bool declare_prefixes(raptor_world *w, raptor_serializer *ser,
                             const export_env *e)
{
    bool base_taken = !e || !e->base;
    for (size_t i = 0; i < VOCAB_PREFIX_COUNT; i++) {
        const vocab_prefix *vp = &VOCAB_PREFIXES[i];
        if (!base_taken && strcmp(vp->iri, e->base) == 0)
            base_taken = true;
        /* raptor's Turtle writer declares rdf: itself and refuses it twice. */
        if (strcmp(vp->iri, NS_RDF) == 0)
            continue;
        raptor_uri *u = raptor_new_uri(w, (const unsigned char *)vp->iri);
        if (!u)
            return false;
        int rc = raptor_serializer_set_namespace(
            ser, u, (const unsigned char *)vp->prefix);
        raptor_free_uri(u);
        if (rc != 0)
            return false;
    }
    if (base_taken)
        return true;
    raptor_uri *u = raptor_new_uri(w, (const unsigned char *)e->base);
    if (!u)
        return false;
    int rc = raptor_serializer_set_namespace(ser, u,
                                             (const unsigned char *)"id");
    raptor_free_uri(u);
    return rc == 0;
}

/* raptor's Turtle writer keeps every triple until the end; fed in chunks
 * of whole subjects, each with a serializer of its own, it keeps at most
 * this many (plus one subject's). Its subjects come out in the same byte
 * order as ours, each ending in a blank line, so the chunks' outputs, less
 * the repeated header, join into the very bytes of one serializer's. */
#define TURTLE_CHUNK 1024

/* What serialize_one carries from one quad to the next. */
typedef struct serialize_state {
    raptor_world *w;
    raptor_serializer *ser;
    raptor_iostream *io;
    const export_env *e;
    const rdf_syntax *sx;
    out_state *os;
    const bayan_graph *last_g; /* the graph naming last's terms */
    quad last;
    size_t chunk; /* quads given to ser */
    bool boundary; /* a spooled article ended: the subject changes */
} serialize_state;

static bayan_status start_serializer(serialize_state *ss)
{
    ss->ser = raptor_new_serializer(ss->w, ss->sx->serializer);
    ss->io = raptor_new_iostream_from_handler(ss->w, ss->os, &OUT_HANDLER);
    ss->chunk = 0;
    if (!ss->ser || !ss->io)
        return BAYAN_ERR_INTERNAL;
    if (ss->sx->format == BAYAN_FORMAT_TURTLE &&
        !declare_prefixes(ss->w, ss->ser, ss->e))
        return BAYAN_ERR_NOMEM;
    /* No base URI: every IRI is written absolute. */
    if (raptor_serializer_start_to_iostream(ss->ser, NULL, ss->io))
        return BAYAN_ERR_INTERNAL;
    return BAYAN_OK;
}

/* Ends (when ok) and frees the serializer and its stream. */
static bayan_status end_serializer(serialize_state *ss, bool ok)
{
    bayan_status st = BAYAN_OK;
    if (ok && raptor_serializer_serialize_end(ss->ser) != 0)
        st = BAYAN_ERR_INTERNAL;
    if (ss->ser)
        raptor_free_serializer(ss->ser);
    if (ss->io)
        raptor_free_iostream(ss->io);
    ss->ser = NULL;
    ss->io = NULL;
    return st;
}

/* Two quads that differ only in their graph name are one triple. */
static bool same_triple(const quad *a, const quad *b)
{
    return a->s == b->s && a->p == b->p && a->o == b->o;
}

/* Whether q starts a subject and the Turtle chunk is full. */
static bool chunk_ends(const serialize_state *ss, const bayan_graph *g,
                       const quad *q)
{
    return ss->sx->format == BAYAN_FORMAT_TURTLE &&
           ss->chunk >= TURTLE_CHUNK &&
           (ss->boundary || (ss->last_g &&
                             term_compare(graph_term(ss->last_g, ss->last.s),
                                          graph_term(g, q->s)) != 0));
}

static bayan_status next_chunk(serialize_state *ss)
{
    bayan_status st = end_serializer(ss, true);
    ss->os->skip_header = true;
    ss->os->after_newline = false;
    return st == BAYAN_OK ? start_serializer(ss) : st;
}

static bayan_status serialize_one(void *user, const bayan_graph *g,
                                  const quad *q)
{
    serialize_state *ss = user;
    if (!q) { /* the spooled article's graph goes */
        ss->last_g = NULL;
        ss->boundary = true;
        return BAYAN_OK;
    }
    bool repeat = !ss->sx->quads && ss->last_g == g && same_triple(&ss->last, q);
    bayan_status st = BAYAN_OK;
    if (!repeat && chunk_ends(ss, g, q))
        st = next_chunk(ss);
    ss->boundary = false;
    ss->last_g = g;
    ss->last = *q;
    if (repeat || st != BAYAN_OK)
        return st;
    if (ss->sx->format == BAYAN_FORMAT_TURTLE)
        st = check_turtle_literal(ss->e, graph_term(g, q->o));
    if (st == BAYAN_OK && !serialize_quad(ss->w, ss->ser, g, q, ss->sx->quads))
        st = BAYAN_ERR_NOMEM;
    ss->chunk++;
    return st;
}

static const rdf_syntax *find_syntax(bayan_format format)
{
    for (size_t i = 0; i < sizeof RDF_SYNTAXES / sizeof *RDF_SYNTAXES; i++)
        if (RDF_SYNTAXES[i].format == format)
            return &RDF_SYNTAXES[i];
    return NULL;
}

/* Runs the serializer over every quad in sorted order into os, spooled
 * articles included (read back in their place, one at a time). The world
 * is the caller's. */
static bayan_status run_serializer(raptor_world *w, const export_env *e,
                                   const bayan_graph *g, const rdf_syntax *sx,
                                   out_state *os)
{
    serialize_state ss = {w,    NULL, NULL, e, sx, os, NULL, {0, 0, 0, 0},
                          0,    false};
    bayan_status st = start_serializer(&ss);
    if (st == BAYAN_OK)
        st = graph_visit_sorted(g, serialize_one, &ss);
    bayan_status end = end_serializer(&ss, st == BAYAN_OK);
    return st != BAYAN_OK ? st : end;
}

/* ---- N-Triples and N-Quads without raptor (ntriples.c) ------------------ */

/* What write_line carries from one quad to the next. */
typedef struct line_state {
    nt_writer *w;
    bool quads;
    const bayan_graph *last_g; /* the graph naming last's terms */
    quad last;
} line_state;

/* The same lines as serialize_one gives raptor: a triple repeated (in
 * several named graphs) is written once in N-Triples. */
static bayan_status write_line(void *user, const bayan_graph *g,
                               const quad *q)
{
    line_state *ls = user;
    if (!q) {
        ls->last_g = NULL;
        return BAYAN_OK;
    }
    bool repeat = !ls->quads && ls->last_g == g && same_triple(&ls->last, q);
    ls->last_g = g;
    ls->last = *q;
    if (repeat)
        return BAYAN_OK;
    return nt_write_quad(ls->w, g, q, ls->quads) ? BAYAN_OK : BAYAN_ERR_IO;
}

static bayan_status export_lines(const export_env *e, const bayan_graph *g,
                                 const rdf_syntax *sx, bayan_write_fn write,
                                 void *user)
{
    nt_writer *w = malloc(sizeof *w);
    if (!w)
        return BAYAN_ERR_NOMEM;
    nt_writer_init(w, write, user);
    line_state ls = {w, sx->quads, NULL, {0, 0, 0, 0}};
    bayan_status st = graph_visit_sorted(g, write_line, &ls);
    bool ok = nt_writer_finish(w);
    free(w);
    if (st == BAYAN_OK && !ok)
        st = BAYAN_ERR_IO;
    if (st == BAYAN_ERR_IO)
        report(export_reporter(e), BAYAN_ERROR, BAYAN_ERR_IO, NULL, -1,
               "writing %s output failed", sx->serializer);
    return st;
}

bayan_status export_rdf(const export_env *e, const bayan_graph *g,
                        bayan_format format, bayan_write_fn write, void *user)
{
    const rdf_syntax *sx = find_syntax(format);
    if (!sx || !g || !write)
        return BAYAN_ERR_ARGUMENT;
    if (format != BAYAN_FORMAT_TURTLE)
        return export_lines(e, g, sx, write, user);
    out_state os = {e, write, user, sx->escape_cr, false, false, false, false};
    raptor_world *w = raptor_new_world();
    bayan_status st = BAYAN_OK;
    if (!w || raptor_world_open(w) != 0)
        st = BAYAN_ERR_INTERNAL;
    if (st == BAYAN_OK) {
        raptor_world_set_log_handler(w, &os, out_log);
        st = run_serializer(w, e, g, sx, &os);
    }
    if (w)
        raptor_free_world(w);
    if (st == BAYAN_OK && os.write_failed) {
        report(export_reporter(e), BAYAN_ERROR, BAYAN_ERR_IO, NULL, -1,
                      "writing %s output failed", sx->serializer);
        st = BAYAN_ERR_IO;
    }
    if (st == BAYAN_OK && os.raptor_failed)
        st = BAYAN_ERR_INTERNAL;
    return st;
}
