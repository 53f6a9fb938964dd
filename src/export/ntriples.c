/* N-Triples and N-Quads written directly into a large buffer.
 *
 * raptor's writer hands its output to the sink one byte per call and
 * decodes every character through three layers of calls: on an Arabic
 * corpus, whose every letter becomes \uXXXX, that was most of an export.
 * The line format is simple enough to write here, byte for byte as
 * raptor 2.0.15 writes it (tests/unit/export/test_ntriples.c compares
 * both), so that the outputs do not change:
 *  - IRIs as <...>: terms reach us repaired (graph.h), printable ASCII
 *    without < > \ " { } | ^ `, so nothing in them needs an escape;
 *  - literals in "...", with \" \\ \t \n \r, \uXXXX for the other
 *    controls and DEL, and \uXXXX or \UXXXXXXXX for every non-ASCII
 *    character (raptor's N-Triples is ASCII);
 *  - U+FFFE and U+FFFF as \uFFFD (see raptor_safe_value in rdf.c);
 *  - then @lang or ^^<datatype>, the graph name for N-Quads, " .\n". */
#include "export/ntriples.h"

#include <string.h>

#include "core/utf8.h"

static bool nt_flush_buffer(nt_writer *w)
{
    if (!w->failed && w->used > 0 && !w->write(w->user, w->buffer, w->used))
        w->failed = true;
    w->used = 0;
    return !w->failed;
}

void nt_writer_init(nt_writer *w, bayan_write_fn write, void *user)
{
    w->write = write;
    w->user = user;
    w->failed = false;
    w->used = 0;
}

bool nt_writer_finish(nt_writer *w)
{
    return nt_flush_buffer(w);
}

/* Room for n more bytes (n is small: one escape or a short run). */
static char *room(nt_writer *w, size_t n)
{
    if (w->used + n > sizeof w->buffer)
        nt_flush_buffer(w);
    return w->buffer + w->used;
}

static void put(nt_writer *w, const char *bytes, size_t len)
{
    while (len > 0) {
        size_t free_bytes = sizeof w->buffer - w->used;
        if (free_bytes == 0) {
            nt_flush_buffer(w);
            continue;
        }
        size_t n = len < free_bytes ? len : free_bytes;
        memcpy(w->buffer + w->used, bytes, n);
        w->used += n;
        bytes += n;
        len -= n;
    }
}

static void put_hex(nt_writer *w, char u, unsigned long v, int digits)
{
    static const char HEX[] = "0123456789ABCDEF";
    char *p = room(w, 2 + (size_t)digits);
    p[0] = '\\';
    p[1] = u;
    for (int i = digits - 1; i >= 0; i--, v >>= 4)
        p[2 + i] = HEX[v & 15];
    w->used += 2 + (size_t)digits;
}

/* Whether ASCII byte c goes out as it is inside a literal. */
static bool plain_ascii(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

static void put_ascii_escape(nt_writer *w, unsigned char c)
{
    const char *two = c == '"'    ? "\\\""
                      : c == '\\' ? "\\\\"
                      : c == '\t' ? "\\t"
                      : c == '\n' ? "\\n"
                      : c == '\r' ? "\\r"
                                  : NULL;
    if (two)
        put(w, two, 2);
    else
        put_hex(w, 'u', c, 4);
}

/* The escaped value of a literal. Runs of plain ASCII are copied whole. */
static void put_literal_value(nt_writer *w, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t run = i;
        while (run < len && plain_ascii((unsigned char)s[run]))
            run++;
        put(w, s + i, run - i);
        i = run;
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            put_ascii_escape(w, c);
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (n == 0)
            return; /* raptor ends the string at bad UTF-8; terms are valid */
        if (cp == 0xfffe || cp == 0xffff)
            cp = 0xfffd;
        if (cp < 0x10000)
            put_hex(w, 'u', cp, 4);
        else
            put_hex(w, 'U', cp, 8);
        i += n;
    }
}

static void put_iri(nt_writer *w, const char *iri, size_t len)
{
    put(w, "<", 1);
    put(w, iri, len);
    put(w, ">", 1);
}

static void put_term(nt_writer *w, const term *t)
{
    if (t->kind == TERM_IRI) {
        put_iri(w, t->value, t->length);
        return;
    }
    put(w, "\"", 1);
    put_literal_value(w, t->value, t->length);
    put(w, "\"", 1);
    if (t->lang) {
        put(w, "@", 1);
        put(w, t->lang, strlen(t->lang));
    } else if (t->datatype) {
        put(w, "^^", 2);
        put_iri(w, t->datatype, strlen(t->datatype));
    }
}

bool nt_write_quad(nt_writer *w, const bayan_graph *g, const quad *q,
                   bool with_graph)
{
    put_term(w, graph_term(g, q->s));
    put(w, " ", 1);
    put_term(w, graph_term(g, q->p));
    put(w, " ", 1);
    put_term(w, graph_term(g, q->o));
    if (with_graph && q->g) {
        put(w, " ", 1);
        put_term(w, graph_term(g, q->g));
    }
    put(w, " .\n", 3);
    return !w->failed;
}
