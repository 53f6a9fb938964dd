/* Extraction: from a decoded article to entities, mentions and facts. */
#ifndef BAYAN_EXTRACT_H
#define BAYAN_EXTRACT_H

#include "core/report.h"
#include "graph/graph.h"
#include "lexicon/lexicon.h"
#include "text/text.h"

typedef struct cue_set cue_set;                   /* lexicon/cues.h */
typedef struct person_cues person_cues;           /* lexicon/person_cues.h */
typedef struct resolution_rules resolution_rules; /* resolutions.c */
typedef struct credit_cues credit_cues;           /* metadata.c */
typedef struct names_tagger names_tagger;         /* name_tags.c */

/** What the stages read besides the article: the data loaded once from
 *  ontology/ by the engine, shared read-only by every article. A stage
 *  whose word list is NULL (an environment assembled by hand) finds
 *  nothing. */
typedef struct extract_env {
    const char *base;         /**< base IRI of minted resources */
    const reporter *reporter; /**< may be NULL */
    const lexicon *lexicon;
    const person_cues *person_words;          /**< persons.c */
    const resolution_rules *resolution_words; /**< resolutions.c */
    const credit_cues *credit_words;          /**< metadata.c */
    const cue_set *cues; /**< ontology/patterns/meetings.ttl */
    /** The trained names tagger (ontology/models/names.tagger) that the
     *  persons stage reads names with; NULL: roles and honorifics only. */
    const names_tagger *names;
    /** ICU's word and sentence break iterators, kept open across the
     *  articles of one reader (never shared between threads: each has its
     *  own copy of the env); NULL: opened for each article. */
    text_segmenter *segmenter;
} extract_env;

/** The IRIs minted for one article. */
typedef struct article_ids {
    char *article;  /**< …/article/<hash> */
    char *context;  /**< …/article/<hash>#char=0,N (the nif:Context) */
} article_ids;

/** Adds the Article node and its nif:Context to graph (in the article's
 *  named graph); fills ids (free with article_ids_clear). */
bayan_status article_add(const extract_env *env, const char *name,
                         const text_doc *doc, bayan_graph *graph,
                         article_ids *ids);
void article_ids_clear(article_ids *ids);

/** Adds one mention: the NIF phrase for the code points [begin, end) of the
 *  article's text, schema:mentions and prov:wasDerivedFrom. */
bayan_status article_add_mention(const text_doc *doc, const article_ids *ids,
                                 bayan_graph *graph, size_t begin, size_t end,
                                 const char *entity);

/** A lexicon entry found in the text by the matcher. */
typedef struct mention {
    size_t mb, me;     /**< bytes of the matching form (extraction.a) */
    size_t begin, end; /**< code points of the decoded text */
    const lexicon_entry *entry;
    bool dropped;      /**< a later stage decided it is no mention */
} mention;

/** An entity a pattern stage (persons, resolutions) found; owns its IRI. */
typedef struct found_entity {
    size_t mb, me;
    size_t begin, end;
    char *iri;
    entity_kind kind;
} found_entity;

typedef struct found_list {
    found_entity *items;
    size_t count, capacity;
} found_list;

/** Appends a copy of f (taking ownership of f->iri, even on failure). */
bayan_status found_push(found_list *l, found_entity f);
void found_list_clear(found_list *l);

/** Everything the stages of one article's extraction share. Each stage
 *  reads what earlier ones left and adds its own results. */
typedef struct extraction {
    const extract_env *env;
    const text_doc *doc;
    const article_ids *ids;
    bayan_graph *g;      /**< the article's part of the graph */
    text_analysis a;     /**< matching form, tokens and sentences */
    mention *mentions;   /**< lexicon matches in text order (matcher) */
    size_t mention_count;
    found_list persons;     /**< persons.c */
    found_list resolutions; /**< resolutions.c */
    const lexicon_entry *publisher; /**< the outlet credited (metadata.c) */
    unsigned char *described; /**< a bit per lexicon entry whose description
                                   this article has (mentions.c), or NULL */
} extraction;

/* The stages, in the order extract_entities runs them. */

/** matcher: lexicon entries in the text, longest match first, no overlaps
 *  (fills x->mentions). */
bayan_status match_lexicon(extraction *x);

/** metadata.c: the news agency or outlet the article credits
 *  (schema:publisher). */
bayan_status extract_metadata(extraction *x);

/* The stages' word lists, read from the lexicon once per engine. */
bayan_status resolution_rules_load(const lexicon *lex, resolution_rules **out);
void resolution_rules_free(resolution_rules *r);
bayan_status credit_cues_load(const lexicon *lex, credit_cues **out);
void credit_cues_free(credit_cues *c);

/** bodies.c: ministries named without their state ("وزارة الخارجية"),
 *  read as the ministries of the state the article speaks for. */
bayan_status extract_bare_bodies(extraction *x);

/** Adds a mention of lexicon entry en at code points [begin, end), with the
 *  entry's description from the lexicon (mentions.c). */
bayan_status extract_add_entry_mention(extraction *x, size_t begin,
                                       size_t end, const lexicon_entry *en);

/** Writes a lexicon entry's description and prov:wasDerivedFrom the
 *  article, without a mention: what the article's metadata names. */
bayan_status extract_add_entry_description(extraction *x,
                                           const lexicon_entry *en);

/** Loads the names tagger's model from path and builds its token flags
 *  from lex and cues (borrowed; they must outlive it). A missing file is
 *  no error: *out is NULL and an info diagnostic says so. */
bayan_status names_tagger_load(const reporter *r, const char *path,
                               const lexicon *lex, const person_cues *cues,
                               names_tagger **out);
void names_tagger_free(names_tagger *t);

/** persons.c: named people, by the titles and roles around them. */
bayan_status extract_persons(extraction *x);

/** resolutions.c: numbered resolutions and their issuers. */
bayan_status extract_resolutions(extraction *x);

/** meetings.c: meetings and their facts; article metadata. */
bayan_status extract_meetings(extraction *x);

/** Adds a mention of the entity iri at code points [begin, end) of the
 *  text: NIF phrase, schema:mentions, prov:wasDerivedFrom, and the surface
 *  form as skos:altLabel unless it equals label_ar. */
bayan_status extract_add_mention(extraction *x, size_t begin, size_t end,
                                 const char *iri, const char *label_ar);

/** Finds what the article names and adds it to graph. */
bayan_status extract_entities(const extract_env *env, const text_doc *doc,
                              const article_ids *ids, bayan_graph *graph);

#endif
