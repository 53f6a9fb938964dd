/* The public face of the text layer: bayan_text wraps a decoded document
 * and its analysis. */
#include "engine/engine.h"

#include <stdlib.h>

struct bayan_text {
    text_doc doc;
    text_analysis analysis;
};

bayan_status bayan_text_new(const bayan_engine *engine, const char *name,
                            const void *bytes, size_t len, bayan_text **out)
{
    *out = NULL;
    bayan_text *t = calloc(1, sizeof *t);
    if (!t)
        return BAYAN_ERR_NOMEM;
    bayan_status st =
        text_decode(engine ? &engine->text : NULL, name ? name : "", bytes, len, &t->doc);
    if (st == BAYAN_OK)
        st = text_analyze(&t->doc, &t->analysis);
    if (st != BAYAN_OK) {
        bayan_text_free(t);
        return st;
    }
    *out = t;
    return BAYAN_OK;
}

void bayan_text_free(bayan_text *t)
{
    if (!t)
        return;
    text_doc_clear(&t->doc);
    text_analysis_clear(&t->analysis);
    free(t);
}

const char *bayan_text_decoded(const bayan_text *t, size_t *bytes)
{
    if (bytes)
        *bytes = t->doc.length;
    return t->doc.text;
}

size_t bayan_text_length(const bayan_text *t)
{
    return t->doc.cp_length;
}

const char *bayan_text_encoding(const bayan_text *t)
{
    return t->doc.encoding;
}

const char *bayan_text_title(const bayan_text *t)
{
    return t->doc.title;
}

const char *bayan_text_published(const bayan_text *t)
{
    return t->doc.published;
}

const char *bayan_text_matching(const bayan_text *t, size_t *bytes)
{
    if (bytes)
        *bytes = t->analysis.match_len;
    return t->analysis.match;
}

size_t bayan_text_token_count(const bayan_text *t)
{
    return t->analysis.token_count;
}

bayan_span bayan_text_token(const bayan_text *t, size_t i)
{
    if (i >= t->analysis.token_count)
        return (bayan_span){0, 0};
    const text_span *s = &t->analysis.tokens[i];
    return (bayan_span){s->begin, s->end};
}

const char *bayan_text_token_form(const bayan_text *t, size_t i, size_t *bytes)
{
    if (i >= t->analysis.token_count) {
        *bytes = 0;
        return "";
    }
    const text_span *s = &t->analysis.tokens[i];
    *bytes = s->match_end - s->match_begin;
    return t->analysis.match + s->match_begin;
}

size_t bayan_text_sentence_count(const bayan_text *t)
{
    return t->analysis.sentence_count;
}

bayan_span bayan_text_sentence(const bayan_text *t, size_t i)
{
    if (i >= t->analysis.sentence_count)
        return (bayan_span){0, 0};
    const text_span *s = &t->analysis.sentences[i];
    return (bayan_span){s->begin, s->end};
}
