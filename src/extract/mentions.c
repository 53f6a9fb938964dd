/* What the stages write for what they find: a mention with its NIF
 * evidence and, for a lexicon entry, the entry's description; and the
 * list of entities a pattern stage found. Shared by every stage, so that
 * the stages depend on this file and extract.c on the stages, never the
 * other way round. */
#include "extract/extract.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "graph/vocab.h"

bayan_status found_push(found_list *l, found_entity f)
{
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? l->capacity * 2 : 16;
        found_entity *items = realloc(l->items, cap * sizeof *items);
        if (!items) {
            free(f.iri);
            return BAYAN_ERR_NOMEM;
        }
        l->items = items;
        l->capacity = cap;
    }
    l->items[l->count++] = f;
    return BAYAN_OK;
}

void found_list_clear(found_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i].iri);
    free(l->items);
    *l = (found_list){NULL, 0, 0};
}

/* Copies the lexicon's description of an entry (all but its match forms);
 * what it points at (a city's state) is described too, one level deep. */
static bayan_status copy_description(const extraction *x,
                                     const lexicon_entry *en, int depth)
{
    const bayan_graph *lg = lexicon_graph(x->env->lexicon);
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < en->quad_count; i++) {
        const quad *q = &en->quads[i];
        const term *p = graph_term(lg, q->p);
        const term *o = graph_term(lg, q->o);
        if (strcmp(p->value, P_ALT_LABEL) == 0 ||
            strcmp(p->value, NS_BAYAN "form") == 0 ||
            strcmp(p->value, P_NEEDS_CUE) == 0 ||
            strcmp(p->value, P_NEEDS_NAMING_CUE) == 0 ||
            strcmp(p->value, P_BODY_OF) == 0 ||
            strcmp(p->value, P_PROSCRIBED) == 0 ||
            strcmp(p->value, P_CAPITAL) == 0 ||
            strcmp(p->value, P_BARE_FORM) == 0)
            continue;
        if (o->kind == TERM_IRI) {
            st = graph_add_iri(x->g, x->ids->article, en->iri, p->value,
                               o->value);
            const lexicon_entry *target =
                depth == 0 && strcmp(p->value, P_TYPE) != 0
                    ? lexicon_entry_of(x->env->lexicon, q->o)
                    : NULL;
            if (st == BAYAN_OK && target)
                st = copy_description(x, target, 1);
        } else {
            st = graph_add_literal(x->g, x->ids->article, en->iri, p->value,
                                   o->value, o->datatype, o->lang);
        }
    }
    return st;
}

bayan_status extract_add_mention(extraction *x, size_t begin, size_t end,
                                 const char *iri, const char *label_ar)
{
    bayan_status st =
        article_add_mention(x->doc, x->ids, x->g, begin, end, iri);
    if (st != BAYAN_OK)
        return st;
    /* The surface form as written becomes an altLabel unless it is the
     * label itself. */
    const text_doc *doc = x->doc;
    size_t b = text_byte_offset(doc, begin);
    size_t n = utf8_offset(doc->text + b, doc->length - b, end - begin);
    if (label_ar && strlen(label_ar) == n &&
        memcmp(label_ar, doc->text + b, n) == 0)
        return BAYAN_OK;
    char *form = malloc(n + 1);
    if (!form)
        return BAYAN_ERR_NOMEM;
    memcpy(form, doc->text + b, n);
    form[n] = '\0';
    st = graph_add_literal(x->g, x->ids->article, iri, P_ALT_LABEL, form,
                           NULL, "ar");
    free(form);
    return st;
}

/* The index of en among the lexicon's entries, or SIZE_MAX; *count: how
 * many entries the lexicon has. */
static size_t entry_index(const extraction *x, const lexicon_entry *en,
                          size_t *count)
{
    const lexicon_entry *all = lexicon_entries(x->env->lexicon, count);
    return all && en >= all && en < all + *count ? (size_t)(en - all)
                                                  : SIZE_MAX;
}

/* Copies en's description into the article's graph once: an entry
 * mentioned again would only add the same quads again (the graph is a
 * set), and copying them for each of its mentions was a tenth of the
 * extraction. */
static bayan_status describe_once(extraction *x, const lexicon_entry *en)
{
    size_t count, i = entry_index(x, en, &count);
    if (i == SIZE_MAX)
        return copy_description(x, en, 0);
    if (!x->described && !(x->described = calloc(count / 8 + 1, 1)))
        return BAYAN_ERR_NOMEM;
    if (x->described[i / 8] & (1u << (i % 8)))
        return BAYAN_OK;
    bayan_status st = copy_description(x, en, 0);
    if (st == BAYAN_OK)
        x->described[i / 8] |= (unsigned char)(1u << (i % 8));
    return st;
}

bayan_status extract_add_entry_mention(extraction *x, size_t begin,
                                       size_t end, const lexicon_entry *en)
{
    bayan_status st = extract_add_mention(x, begin, end, en->iri,
                                          en->label_ar);
    return st == BAYAN_OK ? describe_once(x, en) : st;
}

bayan_status extract_add_entry_description(extraction *x,
                                           const lexicon_entry *en)
{
    bayan_status st = graph_add_iri(x->g, x->ids->article, en->iri,
                                    P_DERIVED_FROM, x->ids->article);
    return st == BAYAN_OK ? copy_description(x, en, 0) : st;
}
