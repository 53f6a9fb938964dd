/* GraphML through libxml2's xmlTextWriter, over the property-graph view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>

#include "export/export.h"
#include "core/utf8.h"
#include "graph/view.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"
#define GRAPHML_LOCATION                                                      \
    GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

/* The declared attributes, in output order (the vocabulary's contract,
 * then what network tools read: a label for nodes and edges, and the
 * literal facts with their types, so that Gephi, Cytoscape, networkx and
 * igraph get numbers and booleans rather than strings). */
typedef struct graphml_key {
    const char *id;
    const char *domain; /* the "for" attribute */
    const char *name;   /* attr.name */
    const char *type;   /* attr.type */
} graphml_key;

enum {
    K_IRI, K_TYPE, K_LABEL_AR, K_LABEL_EN, K_LABEL, K_DATE, K_PUBLISHED,
    K_LEVEL, K_PARTICIPANTS, K_VIRTUAL, K_PLANNED, K_ISO, K_JOB, K_NUMBER,
    K_SOURCE, K_POPULATION, K_PREDICATE, K_EDGE_LABEL, KEY_COUNT
};

static const graphml_key KEYS[KEY_COUNT] = {
    [K_IRI] = {"iri", "node", "iri", "string"},
    [K_TYPE] = {"type", "node", "type", "string"},
    [K_LABEL_AR] = {"label_ar", "node", "label_ar", "string"},
    [K_LABEL_EN] = {"label_en", "node", "label_en", "string"},
    [K_LABEL] = {"label", "node", "label", "string"},
    [K_DATE] = {"date", "node", "date", "string"},
    [K_PUBLISHED] = {"datePublished", "node", "datePublished", "string"},
    [K_LEVEL] = {"level", "node", "level", "string"},
    [K_PARTICIPANTS] = {"participantCount", "node", "participantCount",
                        "int"},
    [K_VIRTUAL] = {"virtual", "node", "virtual", "boolean"},
    [K_PLANNED] = {"planned", "node", "planned", "boolean"},
    [K_ISO] = {"isoCode", "node", "isoCode", "string"},
    [K_JOB] = {"jobTitle", "node", "jobTitle", "string"},
    [K_NUMBER] = {"number", "node", "number", "string"},
    [K_SOURCE] = {"sourceFile", "node", "sourceFile", "string"},
    [K_POPULATION] = {"population", "node", "population", "long"},
    [K_PREDICATE] = {"predicate", "edge", "predicate", "string"},
    [K_EDGE_LABEL] = {"edge_label", "edge", "label", "string"},
};

/* The sink behind libxml2's output buffer. failed stays set once a write
 * fails, so that a failure during the final flush or close is not lost. */
typedef struct graphml_sink {
    bayan_write_fn write;
    void *user;
    bool failed;
} graphml_sink;

/* What libxml2 said while we wrote, kept rather than printed. */
typedef struct graphml_errors {
    bool any;
    char message[256];
} graphml_errors;

/* A libxml2 call failed: usually the sink, else libxml2 itself. */
#define TRY_XML(call)                                                         \
    do {                                                                      \
        if ((call) < 0)                                                       \
            return BAYAN_ERR_INTERNAL;                                        \
    } while (0)

static int sink_write(void *ctx, const char *buf, int len)
{
    graphml_sink *s = ctx;
    if (s->failed || len < 0)
        return -1;
    if (len > 0 && !s->write(s->user, buf, (size_t)len)) {
        s->failed = true;
        return -1;
    }
    return len;
}

static int sink_close(void *ctx)
{
    const graphml_sink *s = ctx;
    return s->failed ? -1 : 0;
}

/* Keeps libxml2's first message instead of letting it reach stderr. */
static void keep_error(void *ctx, xmlErrorPtr err)
{
    graphml_errors *errors = ctx;
    if (errors->any || !err)
        return;
    errors->any = true;
    snprintf(errors->message, sizeof errors->message, "%s",
             err->message ? err->message : "unknown libxml2 error");
    /* libxml2 messages end with a newline; diagnostics do not. */
    size_t n = strlen(errors->message);
    if (n > 0 && errors->message[n - 1] == '\n')
        errors->message[n - 1] = '\0';
}

/* Whether XML 1.0 allows code point cp in character data (production
 * Char); surrogates never get here since utf8_decode rejects them. */
static bool xml_char_allowed(uint32_t cp)
{
    if (cp < 0x20)
        return cp == 0x9 || cp == 0xa || cp == 0xd;
    return cp != 0xfffe && cp != 0xffff;
}

/* A new copy of s in which every character XML 1.0 forbids and every
 * invalid UTF-8 byte is U+FFFD: xmlTextWriter would write them as they
 * come and the file would not parse. NULL when out of memory. */
static char *xml_sanitize(const char *s)
{
    size_t len = strlen(s);
    /* A replacement (3 bytes) never stands for fewer than 1 input byte. */
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, w = 0;
    while (i < len) {
        uint32_t cp = 0;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0 || !xml_char_allowed(cp)) {
            w += utf8_encode(0xfffd, out + w);
            i += n ? n : 1;
        } else {
            memcpy(out + w, p + i, n);
            w += n;
            i += n;
        }
    }
    out[w] = '\0';
    return out;
}

/* <data key="key">value</data>. xmlTextWriter escapes <, >, &, " and CR
 * (as &#13;, so that a parser's line-end normalization keeps it). */
static bayan_status write_data(xmlTextWriterPtr w, const char *key,
                               const char *value)
{
    char *clean = xml_sanitize(value);
    if (!clean)
        return BAYAN_ERR_NOMEM;
    bayan_status st = BAYAN_ERR_INTERNAL;
    if (xmlTextWriterStartElement(w, BAD_CAST "data") >= 0 &&
        xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST key) >= 0 &&
        xmlTextWriterWriteString(w, BAD_CAST clean) >= 0 &&
        xmlTextWriterEndElement(w) >= 0)
        st = BAYAN_OK;
    free(clean);
    return st;
}

static bayan_status write_keys(xmlTextWriterPtr w)
{
    for (size_t i = 0; i < KEY_COUNT; i++) {
        TRY_XML(xmlTextWriterStartElement(w, BAD_CAST "key"));
        TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "id",
                                            BAD_CAST KEYS[i].id));
        TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "for",
                                            BAD_CAST KEYS[i].domain));
        TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name",
                                            BAD_CAST KEYS[i].name));
        TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type",
                                            BAD_CAST KEYS[i].type));
        TRY_XML(xmlTextWriterEndElement(w));
    }
    return BAYAN_OK;
}

/* Node ids are "n<index>" (an IRI is no NMTOKEN); the view's order is the
 * IRIs' byte order, so the ids depend on content alone. */
static void node_id(size_t index, char out[32])
{
    snprintf(out, 32, "n%zu", index);
}

/* What a tool shows on a node: the English name, else the Arabic one,
 * else the IRI. */
static const char *node_label(const view_node *n, const char *iri)
{
    if (n->label_en && *n->label_en)
        return n->label_en;
    if (n->label_ar && *n->label_ar)
        return n->label_ar;
    return iri;
}

static bayan_status write_node(xmlTextWriterPtr w, const bayan_graph *g,
                               const view_node *node, size_t index)
{
    char id[32];
    node_id(index, id);
    TRY_XML(xmlTextWriterStartElement(w, BAD_CAST "node"));
    TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id));
    const char *iri = graph_term(g, node->iri)->value;
    const view_facts *f = &node->facts;
    const char *values[KEY_COUNT] = {
        [K_IRI] = iri, [K_TYPE] = node->type,
        [K_LABEL_AR] = node->label_ar, [K_LABEL_EN] = node->label_en,
        [K_LABEL] = node_label(node, iri), [K_DATE] = f->date,
        [K_PUBLISHED] = f->published, [K_LEVEL] = f->level,
        [K_PARTICIPANTS] = f->participants, [K_VIRTUAL] = f->is_virtual,
        [K_PLANNED] = f->planned, [K_ISO] = f->iso_code,
        [K_JOB] = f->job_title, [K_NUMBER] = f->number,
        [K_SOURCE] = f->source_file, [K_POPULATION] = f->population,
    };
    for (size_t k = 0; k < KEY_COUNT; k++) {
        if (!values[k])
            continue;
        bayan_status st = write_data(w, KEYS[k].id, values[k]);
        if (st != BAYAN_OK)
            return st;
    }
    TRY_XML(xmlTextWriterEndElement(w));
    return BAYAN_OK;
}

static bayan_status write_edge(xmlTextWriterPtr w, const view_edge *edge,
                               size_t index)
{
    char id[32], source[32], target[32];
    snprintf(id, sizeof id, "e%zu", index);
    node_id(edge->source, source);
    node_id(edge->target, target);
    TRY_XML(xmlTextWriterStartElement(w, BAD_CAST "edge"));
    TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id));
    TRY_XML(
        xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST source));
    TRY_XML(
        xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST target));
    bayan_status st = write_data(w, KEYS[K_PREDICATE].id, edge->curie);
    /* The label is the property's local name ("attendee", "mentions"). */
    const char *colon = strrchr(edge->curie, ':');
    if (st == BAYAN_OK)
        st = write_data(w, KEYS[K_EDGE_LABEL].id,
                        colon ? colon + 1 : edge->curie);
    if (st != BAYAN_OK)
        return st;
    TRY_XML(xmlTextWriterEndElement(w));
    return BAYAN_OK;
}

static bayan_status write_document(xmlTextWriterPtr w, const bayan_graph *g,
                                   const graph_view *v)
{
    TRY_XML(xmlTextWriterSetIndent(w, 1));
    TRY_XML(xmlTextWriterSetIndentString(w, BAD_CAST "  "));
    TRY_XML(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL));
    TRY_XML(xmlTextWriterStartElement(w, BAD_CAST "graphml"));
    TRY_XML(
        xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST GRAPHML_NS));
    TRY_XML(
        xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi", BAD_CAST XSI_NS));
    TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                        BAD_CAST GRAPHML_LOCATION));
    bayan_status st = write_keys(w);
    if (st != BAYAN_OK)
        return st;
    TRY_XML(xmlTextWriterStartElement(w, BAD_CAST "graph"));
    TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "bayan"));
    TRY_XML(xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault",
                                        BAD_CAST "directed"));
    for (size_t i = 0; i < v->node_count && st == BAYAN_OK; i++)
        st = write_node(w, g, &v->nodes[i], i);
    for (size_t i = 0; i < v->edge_count && st == BAYAN_OK; i++)
        st = write_edge(w, &v->edges[i], i);
    if (st != BAYAN_OK)
        return st;
    /* Closes graph and graphml, then flushes into the sink. */
    TRY_XML(xmlTextWriterEndDocument(w));
    TRY_XML(xmlTextWriterFlush(w));
    return BAYAN_OK;
}

/* Writes the view through a fresh writer over the sink. */
static bayan_status write_view(const bayan_graph *g, const graph_view *v,
                               graphml_sink *sink)
{
    xmlOutputBufferPtr out =
        xmlOutputBufferCreateIO(sink_write, sink_close, sink, NULL);
    if (!out)
        return BAYAN_ERR_NOMEM;
    /* The writer owns out once made; until then out is ours to close. */
    xmlTextWriterPtr w = xmlNewTextWriter(out);
    if (!w) {
        xmlOutputBufferClose(out);
        return BAYAN_ERR_NOMEM;
    }
    bayan_status st = write_document(w, g, v);
    /* Closing flushes what is left; a failure there shows in sink. */
    xmlFreeTextWriter(w);
    return st;
}

bayan_status export_graphml(const export_env *e, const bayan_graph *g,
                            bayan_write_fn write, void *user)
{
    graph_view v;
    bayan_status st = view_build(g, &v);
    if (st != BAYAN_OK)
        return st;
    graphml_sink sink = {write, user, false};
    graphml_errors errors = {false, ""};
    /* libxml2 reports through a per-thread handler; ours is set only for
     * this call, and the caller's comes back afterwards. */
    xmlStructuredErrorFunc old_handler = xmlStructuredError;
    void *old_context = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&errors, keep_error);
    st = write_view(g, &v, &sink);
    xmlSetStructuredErrorFunc(old_context, old_handler);
    view_clear(&v);
    if (sink.failed)
        st = BAYAN_ERR_IO;
    if (st == BAYAN_ERR_IO)
        report(export_reporter(e), BAYAN_ERROR, st, NULL, -1,
                      "GraphML: writing the output failed");
    else if (st != BAYAN_OK)
        report(export_reporter(e), BAYAN_ERROR, st, NULL, -1, "GraphML: %s",
                      errors.any ? errors.message : bayan_strerror(st));
    return st;
}
