/* Reading the Turtle data files (ontology, lexicon, patterns) through
 * raptor2's parser. Writing RDF is export/rdf.c's. */
#include "graph/turtle.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <raptor2.h>

#include "graph/turtle_cache.h"
#include "graph/vocab.h"

typedef struct load_state {
    const reporter *reporter;
    const char *path;
    bayan_graph *graph;
    bayan_status status;
    membuf *cache; /* the triples for the cache, or NULL */
} load_state;

static void load_log(void *user, raptor_log_message *m)
{
    load_state *ls = user;
    if (m->level < RAPTOR_LOG_LEVEL_ERROR)
        return;
    long line = m->locator ? m->locator->line : -1;
    report(ls->reporter, BAYAN_ERROR, BAYAN_ERR_SYNTAX, ls->path, -1,
                  "line %ld: %s", line, m->text ? m->text : "parse error");
    if (ls->status == BAYAN_OK)
        ls->status = BAYAN_ERR_SYNTAX;
}

static const char *uri_string(raptor_uri *u)
{
    return (const char *)raptor_uri_as_string(u);
}

static void load_statement(void *user, raptor_statement *t)
{
    load_state *ls = user;
    if (ls->status != BAYAN_OK)
        return;
    if (t->subject->type != RAPTOR_TERM_TYPE_URI ||
        t->object->type == RAPTOR_TERM_TYPE_BLANK) {
        report(ls->reporter, BAYAN_ERROR, BAYAN_ERR_SYNTAX, ls->path, -1,
                      "blank nodes are not supported in data files");
        ls->status = BAYAN_ERR_SYNTAX;
        return;
    }
    const char *s = uri_string(t->subject->value.uri);
    const char *p = uri_string(t->predicate->value.uri);
    if (t->object->type == RAPTOR_TERM_TYPE_URI) {
        const char *o = uri_string(t->object->value.uri);
        ls->status = graph_add_iri(ls->graph, NULL, s, p, o);
        if (ls->cache &&
            !turtle_cache_triple(ls->cache, s, p, false, o, NULL, NULL))
            ls->status = BAYAN_ERR_NOMEM;
    } else {
        raptor_term_literal_value *lit = &t->object->value.literal;
        const char *o = (const char *)lit->string;
        const char *d = lit->datatype ? uri_string(lit->datatype) : NULL;
        const char *l = lit->language ? (const char *)lit->language : NULL;
        ls->status = graph_add_literal(ls->graph, NULL, s, p, o, d, l);
        if (ls->cache && !turtle_cache_triple(ls->cache, s, p, true, o, d, l))
            ls->status = BAYAN_ERR_NOMEM;
    }
    if (ls->status != BAYAN_OK)
        report(ls->reporter, BAYAN_ERROR, ls->status, ls->path, -1,
                      "cannot store a triple about <%s>: %s", s,
                      bayan_strerror(ls->status));
}

/* The hash and length of the open file f, read to its end and rewound;
 * false when it cannot be read (then there is no cache). */
static bool source_identity(FILE *f, uint64_t *hash, size_t *len)
{
    char buf[65536];
    uint64_t h = TURTLE_CACHE_HASH_START;
    size_t n, total = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        h = turtle_cache_hash(h, buf, n);
        total += n;
    }
    bool ok = !ferror(f);
    rewind(f);
    *hash = h;
    *len = total;
    return ok;
}

/* Parses the open file f with raptor into ls->graph. */
static void parse_turtle(load_state *ls, FILE *f, const char *base);

bayan_status turtle_load(const reporter *r, const char *path,
                         const char *base, bayan_graph *graph)
{
    load_state ls = {r, path, graph, BAYAN_OK, NULL};
    FILE *f = fopen(path, "rb");
    if (!f) {
        report(r, BAYAN_ERROR, BAYAN_ERR_IO, path, -1,
                      "cannot open: %s", strerror(errno));
        return BAYAN_ERR_IO;
    }
    uint64_t hash;
    size_t len;
    char *cache = source_identity(f, &hash, &len)
                      ? turtle_cache_path(path, base)
                      : NULL;
    bayan_status st;
    if (cache && turtle_cache_load(cache, hash, len, base, graph, &st)) {
        free(cache);
        fclose(f);
        return st;
    }
    membuf triples = {NULL, 0, 0};
    if (cache && turtle_cache_begin(&triples, hash, len, base))
        ls.cache = &triples;
    parse_turtle(&ls, f, base);
    if (ls.status == BAYAN_OK && ls.cache)
        turtle_cache_store(cache, &triples);
    free(triples.data);
    free(cache);
    fclose(f);
    return ls.status;
}

static void parse_turtle(load_state *ls, FILE *f, const char *base)
{
    const reporter *r = ls->reporter;
    const char *path = ls->path;
    raptor_world *world = raptor_new_world();
    raptor_parser *parser = NULL;
    raptor_uri *base_uri = NULL;
    if (!world || raptor_world_open(world) != 0) {
        ls->status = BAYAN_ERR_INTERNAL;
        goto done;
    }
    raptor_world_set_log_handler(world, ls, load_log);
    parser = raptor_new_parser(world, "turtle");
    base_uri = raptor_new_uri(world, (const unsigned char *)base);
    if (!parser || !base_uri) {
        ls->status = BAYAN_ERR_INTERNAL;
        goto done;
    }
    raptor_parser_set_statement_handler(parser, ls, load_statement);
    if (raptor_parser_parse_file_stream(parser, f, path, base_uri) != 0 &&
        ls->status == BAYAN_OK) {
        report(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, path, -1,
                      "cannot parse as Turtle");
        ls->status = BAYAN_ERR_SYNTAX;
    }
done:
    if (base_uri)
        raptor_free_uri(base_uri);
    if (parser)
        raptor_free_parser(parser);
    if (world)
        raptor_free_world(world);
}

