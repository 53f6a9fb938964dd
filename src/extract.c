/* Extraction, first version: lexicon forms found in the article's matching
 * form (folded, debris removed; see text.h), on word boundaries, allowing
 * the common Arabic proclitics before them. Spans map back to the exact
 * characters of the original for the NIF evidence. */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "utf8.h"
#include "vocab.h"

typedef struct match {
    size_t begin, end; /* bytes of the matching form */
    term_id entity;
} match;

typedef struct match_list {
    match *items;
    size_t count, capacity;
} match_list;

static bool push_match(match_list *l, size_t b, size_t e, term_id entity)
{
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? l->capacity * 2 : 64;
        match *items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return false;
        l->items = items;
        l->capacity = cap;
    }
    l->items[l->count++] = (match){b, e, entity};
    return true;
}

/* Arabic letters U+0621..U+064A and the extended block's letters. */
static bool is_arabic_letter(uint32_t cp)
{
    return (cp >= 0x0621 && cp <= 0x064a) || (cp >= 0x0671 && cp <= 0x06d3);
}

static bool is_word_char(uint32_t cp)
{
    return is_arabic_letter(cp) || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

/* The code point that ends just before byte i, or 0 at the start. */
static uint32_t cp_before(const char *s, size_t i, size_t *start)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
        j--;
    uint32_t cp = 0;
    utf8_decode((const unsigned char *)s + j, i - j, &cp);
    if (start)
        *start = j;
    return cp;
}

/* Proclitics that may stand before a name: waw, faa, baa, laam, kaaf. */
static bool is_proclitic(uint32_t cp)
{
    return cp == 0x0648 || cp == 0x0641 || cp == 0x0628 || cp == 0x0644 ||
           cp == 0x0643;
}

/* True when the form at [b, e) stands as a word, perhaps after up to two
 * proclitic letters. */
static bool on_word_boundary(const char *text, size_t len, size_t b, size_t e)
{
    uint32_t after = 0;
    if (e < len)
        utf8_decode((const unsigned char *)text + e, len - e, &after);
    if (is_word_char(after))
        return false;
    size_t i = b;
    for (int k = 0; k <= 2; k++) {
        size_t start;
        uint32_t before = cp_before(text, i, &start);
        if (!is_word_char(before))
            return true;
        if (k == 2 || !is_proclitic(before))
            return false;
        i = start;
    }
    return false;
}

static int compare_matches(const void *a, const void *b)
{
    const match *x = a, *y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* longer first */
    return (x->entity > y->entity) - (x->entity < y->entity);
}

static bayan_status find_matches(const bayan_engine *e,
                                 const text_analysis *a, match_list *out)
{
    size_t count;
    const lexicon_form *forms = lexicon_forms(e->lexicon, &count);
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(forms[i].folded);
        for (const char *p = strstr(a->match, forms[i].folded); p;
             p = strstr(p + 1, forms[i].folded)) {
            size_t b = (size_t)(p - a->match);
            if (on_word_boundary(a->match, a->match_len, b, b + n) &&
                !push_match(out, b, b + n, forms[i].entity))
                return BAYAN_ERR_NOMEM;
        }
    }
    /* Longest match first; drop matches overlapping a kept one. */
    if (out->count > 1)
        qsort(out->items, out->count, sizeof *out->items, compare_matches);
    size_t kept = 0, reach = 0;
    for (size_t i = 0; i < out->count; i++) {
        if (out->items[i].begin < reach)
            continue;
        out->items[kept++] = out->items[i];
        reach = out->items[i].end;
    }
    out->count = kept;
    return BAYAN_OK;
}

/* Copies the lexicon's description of entity (all but its match forms). */
static bayan_status copy_description(const bayan_engine *e,
                                     const article_ids *ids, bayan_graph *g,
                                     term_id entity, int depth)
{
    const bayan_graph *lg = lexicon_graph(e->lexicon);
    size_t count;
    const quad *quads = graph_quads(lg, &count);
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        if (quads[i].s != entity)
            continue;
        const term *s = graph_term(lg, quads[i].s);
        const term *p = graph_term(lg, quads[i].p);
        const term *o = graph_term(lg, quads[i].o);
        if (strcmp(p->value, P_ALT_LABEL) == 0 ||
            strcmp(p->value, NS_BAYAN "form") == 0)
            continue;
        if (o->kind == TERM_IRI) {
            st = graph_add_iri(g, ids->article, s->value, p->value, o->value);
            /* Describe what the entity points at (a city's state), once. */
            if (st == BAYAN_OK && depth == 0 && strcmp(p->value, P_TYPE) != 0)
                st = copy_description(e, ids, g, quads[i].o, 1);
        } else {
            st = graph_add_literal(g, ids->article, s->value, p->value,
                                   o->value, o->datatype, o->lang);
        }
    }
    return st;
}

/* The entity's rdfs:label@ar in the lexicon, or NULL. */
static const char *arabic_label(const bayan_engine *e, term_id entity)
{
    const bayan_graph *lg = lexicon_graph(e->lexicon);
    size_t count;
    const quad *quads = graph_quads(lg, &count);
    for (size_t i = 0; i < count; i++) {
        const term *o = graph_term(lg, quads[i].o);
        if (quads[i].s == entity && o->lang && strcmp(o->lang, "ar") == 0 &&
            strcmp(graph_term(lg, quads[i].p)->value, P_LABEL) == 0)
            return o->value;
    }
    return NULL;
}

static bayan_status add_match(const bayan_engine *e, const text_doc *doc,
                              const text_analysis *a, const article_ids *ids,
                              bayan_graph *g, const match *m)
{
    const char *iri = graph_term(lexicon_graph(e->lexicon), m->entity)->value;
    size_t begin, end;
    text_match_span(a, m->begin, m->end, &begin, &end);
    bayan_status st = article_add_mention(e, doc, ids, g, begin, end, iri);
    if (st == BAYAN_OK)
        st = copy_description(e, ids, g, m->entity, 0);
    if (st != BAYAN_OK)
        return st;
    /* The surface form as written becomes an altLabel unless it is the
     * label itself. */
    size_t b = utf8_offset(doc->text, doc->length, begin);
    size_t n = utf8_offset(doc->text + b, doc->length - b, end - begin);
    const char *label = arabic_label(e, m->entity);
    if (label && strlen(label) == n && memcmp(label, doc->text + b, n) == 0)
        return BAYAN_OK;
    char *form = malloc(n + 1);
    if (!form)
        return BAYAN_ERR_NOMEM;
    memcpy(form, doc->text + b, n);
    form[n] = '\0';
    st = graph_add_literal(g, ids->article, iri, P_ALT_LABEL, form, NULL, "ar");
    free(form);
    return st;
}

bayan_status extract_entities(const bayan_engine *e, const text_doc *doc,
                              const article_ids *ids, bayan_graph *g)
{
    match_list matches = {NULL, 0, 0};
    text_analysis a;
    bayan_status st = text_match_form(doc, &a);
    if (st != BAYAN_OK)
        return st;
    st = find_matches(e, &a, &matches);
    for (size_t i = 0; st == BAYAN_OK && i < matches.count; i++)
        st = add_match(e, doc, &a, ids, g, &matches.items[i]);
    free(matches.items);
    text_analysis_clear(&a);
    return st;
}
