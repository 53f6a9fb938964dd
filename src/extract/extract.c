/* Extraction: runs the stages over one article (see extract.h). What
 * they write goes through mentions.c. */
#include "extract/extract.h"

#include <stdlib.h>

static bayan_status add_lexicon_mentions(extraction *x)
{
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < x->mention_count; i++) {
        const mention *m = &x->mentions[i];
        if (!m->dropped)
            st = extract_add_entry_mention(x, m->begin, m->end, m->entry);
    }
    return st;
}

bayan_status extract_entities(const extract_env *env, const text_doc *doc,
                              const article_ids *ids, bayan_graph *g)
{
    extraction x = {.env = env, .doc = doc, .ids = ids, .g = g};
    bayan_status st = text_analyze_with(env->segmenter, doc, &x.a);
    if (st != BAYAN_OK)
        return st;
    st = match_lexicon(&x);
    if (st == BAYAN_OK)
        st = extract_metadata(&x);
    if (st == BAYAN_OK)
        st = extract_persons(&x);
    if (st == BAYAN_OK)
        st = extract_resolutions(&x);
    if (st == BAYAN_OK)
        st = add_lexicon_mentions(&x);
    if (st == BAYAN_OK)
        st = extract_bare_bodies(&x);
    if (st == BAYAN_OK)
        st = extract_meetings(&x);
    found_list_clear(&x.persons);
    found_list_clear(&x.resolutions);
    free(x.mentions);
    free(x.described);
    text_analysis_clear(&x.a);
    return st;
}
