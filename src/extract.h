/* Extraction: from a decoded article to entities, mentions and facts. */
#ifndef BAYAN_EXTRACT_H
#define BAYAN_EXTRACT_H

#include "engine.h"
#include "text.h"

/** The IRIs minted for one article. */
typedef struct article_ids {
    char *article;  /**< …/article/<hash> */
    char *context;  /**< …/article/<hash>#char=0,N (the nif:Context) */
} article_ids;

/** Adds the Article node and its nif:Context to graph (in the article's
 *  named graph); fills ids (free with article_ids_clear). */
bayan_status article_add(const bayan_engine *e, const char *name,
                         const text_doc *doc, bayan_graph *graph,
                         article_ids *ids);
void article_ids_clear(article_ids *ids);

/** Adds one mention: the NIF phrase for the code points [begin, end) of the
 *  article's text, schema:mentions and prov:wasDerivedFrom. */
bayan_status article_add_mention(const bayan_engine *e, const text_doc *doc,
                                 const article_ids *ids, bayan_graph *graph,
                                 size_t begin, size_t end,
                                 const char *entity);

/** Finds what the article names and adds it to graph. */
bayan_status extract_entities(const bayan_engine *e, const text_doc *doc,
                              const article_ids *ids, bayan_graph *graph);

#endif
