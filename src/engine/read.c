/* The public API: reading articles into a graph. Each article is decoded
 * (text/), its facts extracted apart (extract/) and merged into the graph
 * only when every stage succeeded. read_files.c runs the first two steps
 * on several threads and the merge on the caller's. */
#include "engine/engine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading ------------------------------------------------------------ */

bayan_status engine_extract(const bayan_engine *e, const article_env *env,
                            const char *name, const void *bytes, size_t len,
                            bayan_graph **out, article_ids *ids)
{
    const reporter *r = env->extract.reporter;
    *out = NULL;
    text_doc doc;
    bayan_status st = text_decode(&env->text, name, bytes, len, &doc);
    if (st == BAYAN_OK)
        st = sidecar_apply(e->metadata, name, &doc);
    if (st != BAYAN_OK) {
        text_doc_clear(&doc);
        return st;
    }
    /* An empty page (or one of blanks, or HTML without article text) is
     * a failed input: an Article with no text would only be noise. */
    if (text_is_blank(&doc)) {
        report(r, BAYAN_ERROR, BAYAN_ERR_EMPTY, name, -1,
               "no text to read (%s)",
               len == 0 ? "the input is empty"
               : doc.html ? "the HTML holds no article text"
                          : "the input holds only blanks");
        text_doc_clear(&doc);
        return BAYAN_ERR_EMPTY;
    }
    /* Read all the same (it is text), but say why nothing will be found. */
    if (!text_has_arabic(&doc))
        report(r, BAYAN_WARNING, BAYAN_OK, name, -1,
               "no Arabic text: bayan reads Arabic news and will find "
               "nothing here");
    /* Build the article's facts apart, so a failure leaves graph as it was. */
    bayan_graph *part = bayan_graph_new();
    if (!part)
        st = BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK)
        st = article_add(&env->extract, name, &doc, part, ids);
    if (st == BAYAN_OK)
        st = extract_entities(&env->extract, &doc, ids, part);
    /* Spooled quads are out of the export's ontology check: check them
     * here, while they are at hand. */
    if (st == BAYAN_OK && env->check_ontology)
        st = ontology_check(e->ontology, r, part);
    if (st != BAYAN_OK && st != BAYAN_ERR_NOMEM)
        report(r, BAYAN_ERROR, st, name, -1, "%s", bayan_strerror(st));
    text_doc_clear(&doc);
    if (st != BAYAN_OK) {
        article_ids_clear(ids);
        bayan_graph_free(part);
        return st;
    }
    *out = part;
    return BAYAN_OK;
}

bayan_status engine_merge(const bayan_engine *e, bayan_graph *graph,
                          const bayan_graph *part,
                          const graph_spooled *ready, const char *article,
                          const char *name)
{
    errno = 0;
    bayan_status st = graph_merge_article(graph, part, article, ready);
    if (st == BAYAN_ERR_IO)
        report(&e->reporter, BAYAN_ERROR, st, name, -1,
               "cannot write the temporary spool file: %s",
               strerror(errno ? errno : EIO));
    else if (st != BAYAN_OK && st != BAYAN_ERR_NOMEM)
        report(&e->reporter, BAYAN_ERROR, st, name, -1, "%s",
               bayan_strerror(st));
    return st;
}

bayan_status bayan_read_memory(const bayan_engine *e, bayan_graph *graph,
                               const char *name, const void *bytes,
                               size_t len)
{
    article_env env = {e->text, e->extract, graph_spooling(graph)};
    bayan_graph *part;
    article_ids ids = {NULL, NULL};
    bayan_status st = engine_extract(e, &env, name, bytes, len, &part, &ids);
    if (st == BAYAN_OK)
        st = engine_merge(e, graph, part, NULL, ids.article, name);
    article_ids_clear(&ids);
    bayan_graph_free(part);
    return st;
}

bayan_status engine_slurp(const reporter *r, const char *path, membuf *out)
{
    *out = (membuf){NULL, 0, 0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        report(r, BAYAN_ERROR, BAYAN_ERR_IO, path, -1, "cannot open: %s",
               strerror(errno));
        return BAYAN_ERR_IO;
    }
    char chunk[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ok = membuf_write(out, chunk, n);
    bool read_error = ferror(f);
    fclose(f);
    if (!ok || read_error) {
        free(out->data);
        *out = (membuf){NULL, 0, 0};
        report(r, BAYAN_ERROR, ok ? BAYAN_ERR_IO : BAYAN_ERR_NOMEM, path, -1,
               ok ? "read error" : "out of memory");
        return ok ? BAYAN_ERR_IO : BAYAN_ERR_NOMEM;
    }
    return BAYAN_OK;
}

bayan_status bayan_read_file(const bayan_engine *e, bayan_graph *graph,
                             const char *path)
{
    membuf buf;
    bayan_status st = engine_slurp(&e->reporter, path, &buf);
    if (st == BAYAN_OK)
        st = bayan_read_memory(e, graph, path, buf.data, buf.length);
    free(buf.data);
    return st;
}
