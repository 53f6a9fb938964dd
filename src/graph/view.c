/* The property-graph view shared by GraphML and DOT: entity nodes with
 * their type and labels, and the object properties between them. */
#include "graph/view.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "graph/graph_impl.h"
#include "graph/vocab.h"

void view_clear(graph_view *v)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->curie_count; i++)
        free(v->curies[i]);
    free(v->curies);
    free(v->curie_predicates);
    free(v->nodes);
    free(v->edges);
    memset(v, 0, sizeof *v);
}

/* The local name of an entity class, or NULL when t is not one. */
static const char *entity_class_name(const term *t)
{
    for (size_t i = 0; i < VOCAB_ENTITY_CLASS_COUNT; i++)
        if (t->kind == TERM_IRI &&
            strcmp(t->value, VOCAB_ENTITY_CLASSES[i]) == 0)
            return t->value + strlen(NS_BAYAN);
    return NULL;
}

/* "prefix:local" when a vocabulary prefix covers iri, else iri itself. */
static char *make_curie(const char *iri)
{
    for (size_t i = 0; i < VOCAB_PREFIX_COUNT; i++) {
        size_t n = strlen(VOCAB_PREFIXES[i].iri);
        if (strncmp(iri, VOCAB_PREFIXES[i].iri, n) == 0) {
            size_t len = strlen(VOCAB_PREFIXES[i].prefix) + strlen(iri + n) + 2;
            char *c = malloc(len);
            if (c)
                snprintf(c, len, "%s:%s", VOCAB_PREFIXES[i].prefix, iri + n);
            return c;
        }
    }
    return strdup(iri);
}

/* The curie of predicate p, made on its first edge; NULL when out of
 * memory. */
static const char *curie_of(graph_view *v, const bayan_graph *g, term_id p)
{
    for (size_t i = 0; i < v->curie_count; i++)
        if (v->curie_predicates[i] == p)
            return v->curies[i];
    size_t n = v->curie_count + 1;
    char **curies = realloc(v->curies, n * sizeof *curies);
    if (curies)
        v->curies = curies;
    term_id *preds = realloc(v->curie_predicates, n * sizeof *preds);
    if (preds)
        v->curie_predicates = preds;
    char *c = curies && preds ? make_curie(graph_term(g, p)->value) : NULL;
    if (!c)
        return NULL;
    v->curies[v->curie_count] = c;
    v->curie_predicates[v->curie_count++] = p;
    return c;
}

/* Binary search of the (IRI-sorted) nodes; SIZE_MAX when absent. */
static size_t find_node(const graph_view *v, const bayan_graph *g, term_id id)
{
    const term *t = graph_term(g, id);
    size_t lo = 0, hi = v->node_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = term_compare(graph_term(g, v->nodes[mid].iri), t);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

/* Pass 1: nodes, in subject order. Quads are sorted, so a subject's quads
 * are adjacent and its first label in each language is the smallest. */
static bayan_status collect_nodes(graph_view *v, const bayan_graph *g,
                                  const uint32_t *ids, size_t n)
{
    /* Grown as nodes come, not one a quad: a large corpus has hundreds
     * of thousands of quads and a few thousand entities. */
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        const quad *qi = graph_quad(g, ids[i]);
        const term *p = graph_term(g, qi->p);
        const term *o = graph_term(g, qi->o);
        const char *type = strcmp(p->value, P_TYPE) == 0
                               ? entity_class_name(o) : NULL;
        if (!type)
            continue;
        view_node *last = v->node_count ? &v->nodes[v->node_count - 1] : NULL;
        if (!last || last->iri != qi->s) {
            if (!array_grow((void **)&v->nodes, v->node_count, &cap,
                            sizeof *v->nodes))
                return BAYAN_ERR_NOMEM;
            v->nodes[v->node_count++] = (view_node){.iri = qi->s,
                                                    .type = type};
        }
    }
    /* Labels: one more pass, looking nodes up by subject. */
    for (size_t i = 0; i < n; i++) {
        const quad *qi = graph_quad(g, ids[i]);
        const term *p = graph_term(g, qi->p);
        const term *o = graph_term(g, qi->o);
        if (strcmp(p->value, P_LABEL) != 0 || !o->lang)
            continue;
        size_t k = find_node(v, g, qi->s);
        if (k == SIZE_MAX)
            continue;
        if (strcmp(o->lang, "ar") == 0 && !v->nodes[k].label_ar)
            v->nodes[k].label_ar = o->value;
        else if (strcmp(o->lang, "en") == 0 && !v->nodes[k].label_en)
            v->nodes[k].label_en = o->value;
    }
    return BAYAN_OK;
}

/* Where a datatype property's value goes in a node's facts, or NULL. */
static const char **fact_slot(view_facts *f, const char *predicate)
{
    static const struct {
        const char *iri;
        size_t offset;
    } SLOTS[] = {
        {P_START_DATE, offsetof(view_facts, date)},
        {P_DATE_PUBLISHED, offsetof(view_facts, published)},
        {P_PARTICIPANT_COUNT, offsetof(view_facts, participants)},
        {P_VIRTUAL, offsetof(view_facts, is_virtual)},
        {P_PLANNED, offsetof(view_facts, planned)},
        {P_ISO_CODE, offsetof(view_facts, iso_code)},
        {P_JOB_TITLE, offsetof(view_facts, job_title)},
        {P_NUMBER, offsetof(view_facts, number)},
        {P_SOURCE_FILE, offsetof(view_facts, source_file)},
        {NS_SCHEMA "population", offsetof(view_facts, population)},
        {P_MEETING_LEVEL, offsetof(view_facts, level)},
    };
    for (size_t i = 0; i < sizeof SLOTS / sizeof *SLOTS; i++)
        if (strcmp(predicate, SLOTS[i].iri) == 0)
            return (const char **)((char *)f + SLOTS[i].offset);
    return NULL;
}

/* Fills each node's facts: literals, and the meeting level (an IRI of
 * the vocabulary, told by its local name). Quads are sorted, so the
 * first value met is the smallest. */
static void collect_facts(graph_view *v, const bayan_graph *g,
                          const uint32_t *ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const quad *qi = graph_quad(g, ids[i]);
        const term *o = graph_term(g, qi->o);
        const char *p = graph_term(g, qi->p)->value;
        bool level = strcmp(p, P_MEETING_LEVEL) == 0;
        if (o->kind == TERM_IRI && !level)
            continue;
        size_t k = find_node(v, g, qi->s);
        const char **slot = k == SIZE_MAX ? NULL
                                          : fact_slot(&v->nodes[k].facts, p);
        if (!slot || *slot)
            continue;
        const char *hash = level ? strrchr(o->value, '#') : NULL;
        *slot = hash ? hash + 1 : o->value;
    }
}

/* Pass 2: edges between two nodes, once per (s, p, o) whatever the graph. */
static bayan_status collect_edges(graph_view *v, const bayan_graph *g,
                                  const uint32_t *ids, size_t n)
{
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        const quad *qi = graph_quad(g, ids[i]);
        const quad *prev = i > 0 ? graph_quad(g, ids[i - 1]) : NULL;
        if (prev && qi->s == prev->s && qi->p == prev->p && qi->o == prev->o)
            continue;
        const term *p = graph_term(g, qi->p);
        if (graph_term(g, qi->o)->kind != TERM_IRI ||
            strcmp(p->value, P_TYPE) == 0)
            continue;
        size_t s = find_node(v, g, qi->s);
        size_t o = s == SIZE_MAX ? SIZE_MAX : find_node(v, g, qi->o);
        if (o == SIZE_MAX)
            continue;
        if (!array_grow((void **)&v->edges, v->edge_count, &cap,
                        sizeof *v->edges))
            return BAYAN_ERR_NOMEM;
        view_edge *e = &v->edges[v->edge_count];
        e->source = s;
        e->target = o;
        e->predicate = qi->p;
        e->curie = curie_of(v, g, qi->p);
        if (!e->curie)
            return BAYAN_ERR_NOMEM;
        v->edge_count++;
    }
    return BAYAN_OK;
}

typedef struct node_pair {
    size_t a, b;
} node_pair;

static int compare_pairs(const void *x, const void *y)
{
    const node_pair *p = x, *q = y;
    if (p->a != q->a)
        return (p->a > q->a) - (p->a < q->a);
    return (p->b > q->b) - (p->b < q->b);
}

/* Drops the entity -> article prov:wasDerivedFrom edges whose article
 * schema:mentions the entity: one fact, which network tools would
 * otherwise count as two parallel edges. The meetings' provenance where
 * no mention says it stays. */
static bayan_status drop_mirrored(graph_view *v, const bayan_graph *g)
{
    node_pair *mentions = malloc((v->edge_count + 1) * sizeof *mentions);
    if (!mentions)
        return BAYAN_ERR_NOMEM;
    size_t m = 0;
    for (size_t i = 0; i < v->edge_count; i++)
        if (strcmp(graph_term(g, v->edges[i].predicate)->value,
                   P_MENTIONS) == 0)
            mentions[m++] = (node_pair){v->edges[i].source,
                                        v->edges[i].target};
    qsort(mentions, m, sizeof *mentions, compare_pairs);
    size_t kept = 0;
    for (size_t i = 0; i < v->edge_count; i++) {
        view_edge *e = &v->edges[i];
        node_pair back = {e->target, e->source};
        if (strcmp(graph_term(g, e->predicate)->value, P_DERIVED_FROM) == 0 &&
            bsearch(&back, mentions, m, sizeof *mentions, compare_pairs))
            continue;
        v->edges[kept++] = *e;
    }
    v->edge_count = kept;
    free(mentions);
    return BAYAN_OK;
}

bayan_status view_build(const bayan_graph *g, graph_view *out)
{
    memset(out, 0, sizeof *out);
    /* Sorted ids, not a sorted copy of the quads: 4 bytes a quad instead
     * of 16 at the export's peak of memory. */
    uint32_t *ids;
    size_t n;
    bayan_status st = graph_sorted_ids(g, &ids, &n);
    if (st != BAYAN_OK)
        return st;
    st = collect_nodes(out, g, ids, n);
    if (st == BAYAN_OK)
        collect_facts(out, g, ids, n);
    if (st == BAYAN_OK)
        st = collect_edges(out, g, ids, n);
    if (st == BAYAN_OK)
        st = drop_mirrored(out, g);
    free(ids);
    if (st != BAYAN_OK)
        view_clear(out);
    return st;
}
