/* Reading the resolutions stage's rules from the lexicon graph
 * (ontology/lexicon/resolutions.ttl): the words that announce, qualify
 * and link resolution numbers, and the bodies that issue them. */
#include "extract/resolutions.h"

#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "graph/vocab.h"

static const char *const ROLE_PREDICATES[W_ROLE_COUNT] = {
    [W_RESOLUTION] = NS_BAYAN "resolutionWord",
    [W_NUMBER] = NS_BAYAN "numberWord",
    [W_YEAR] = NS_BAYAN "yearWord",
    [W_FILLER] = NS_BAYAN "fillerWord",
    [W_LINK] = NS_BAYAN "linkWord",
    [W_ISSUER] = NS_BAYAN "issuerWord",
};

void resolution_rules_clear(rules *r)
{
    for (size_t i = 0; i < r->word_count; i++)
        free(r->words[i].folded);
    free(r->words);
    free(r->issuers);
    free(r->orgs);
    *r = (rules){0};
}

static bayan_status add_word(rules *r, const term *o, word_role role,
                             size_t issuer)
{
    if (o->kind != TERM_LITERAL)
        return BAYAN_OK;
    char *folded;
    bayan_status st = text_fold_word(o->value, &folded);
    if (!folded)
        return st; /* an error, or nothing left after folding */
    if (!array_grow((void **)&r->words, r->word_count, &r->word_cap,
              sizeof *r->words)) {
        free(folded);
        return BAYAN_ERR_NOMEM;
    }
    r->words[r->word_count++] = (cue_word){folded, role, issuer};
    return BAYAN_OK;
}

static size_t issuer_of_node(const rules *r, term_id node)
{
    for (size_t i = 0; i < r->issuer_count; i++)
        if (r->issuers[i].node == node)
            return i;
    return NONE;
}

static bayan_status add_org(rules *r, const term *o, size_t issuer,
                            bool primary)
{
    if (o->kind != TERM_IRI)
        return BAYAN_OK;
    if (!array_grow((void **)&r->orgs, r->org_count, &r->org_cap, sizeof *r->orgs))
        return BAYAN_ERR_NOMEM;
    r->orgs[r->org_count++] = (org_cue){o->value, issuer, primary};
    return BAYAN_OK;
}

/* Fills the issuer's own fields from one of its triples. */
static bayan_status describe_issuer(rules *r, size_t i, const char *p,
                                    const term *o)
{
    issuer_rule *is = &r->issuers[i];
    if (strcmp(p, NS_BAYAN "issuerOrganization") == 0 && o->kind == TERM_IRI) {
        is->org = o->value;
        return add_org(r, o, i, true);
    }
    if (strcmp(p, NS_BAYAN "issuerCue") == 0)
        return add_org(r, o, i, false);
    if (strcmp(p, NS_BAYAN "iriSlug") == 0 && o->kind == TERM_LITERAL)
        is->slug = o->value;
    else if (strcmp(p, P_LABEL) == 0 && o->lang && strcmp(o->lang, "ar") == 0)
        is->label_ar = o->value;
    else if (strcmp(p, P_LABEL) == 0 && o->lang && strcmp(o->lang, "en") == 0)
        is->label_en = o->value;
    return BAYAN_OK;
}

/* The role whose predicate has id p (ids[role], 0 when absent). */
static word_role role_of(const term_id *ids, term_id p)
{
    for (int i = 0; i < W_ROLE_COUNT; i++)
        if (ids[i] && ids[i] == p)
            return (word_role)i;
    return W_ROLE_COUNT;
}

/* Collects the bayan:ResolutionIssuer nodes, then every word and issuer
 * field. The lexicon graph's order is its load order, so the result is
 * the same on every run. Runs once per engine over the whole lexicon,
 * comparing term ids, not strings. */
bayan_status resolution_rules_read(const lexicon *lex, rules *r)
{
    const bayan_graph *g = lexicon_graph(lex);
    size_t n;
    const quad *q = graph_quads(g, &n);
    term_id type = graph_find_iri(g, P_TYPE);
    term_id cls = graph_find_iri(g, NS_BAYAN "ResolutionIssuer");
    term_id ids[W_ROLE_COUNT];
    for (int i = 0; i < W_ROLE_COUNT; i++)
        ids[i] = graph_find_iri(g, ROLE_PREDICATES[i]);
    for (size_t i = 0; cls && i < n; i++) {
        if (q[i].p != type || q[i].o != cls ||
            issuer_of_node(r, q[i].s) != NONE)
            continue;
        if (!array_grow((void **)&r->issuers, r->issuer_count, &r->issuer_cap,
                  sizeof *r->issuers))
            return BAYAN_ERR_NOMEM;
        r->issuers[r->issuer_count++] = (issuer_rule){.node = q[i].s};
    }
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < n; i++) {
        word_role role = role_of(ids, q[i].p);
        size_t is = issuer_of_node(r, q[i].s);
        if (role == W_ROLE_COUNT && is == NONE)
            continue;
        const term *o = graph_term(g, q[i].o);
        if (role == W_ISSUER && is != NONE)
            st = add_word(r, o, role, is);
        else if (role != W_ROLE_COUNT && role != W_ISSUER)
            st = add_word(r, o, role, NONE);
        else if (is != NONE)
            st = describe_issuer(r, is, graph_term(g, q[i].p)->value, o);
    }
    return st;
}

bool resolution_issuer_usable(const issuer_rule *is)
{
    return is->org && is->slug && is->label_ar;
}

bayan_status resolution_rules_load(const lexicon *lex, resolution_rules **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return BAYAN_ERR_NOMEM;
    return lex ? resolution_rules_read(lex, *out) : BAYAN_OK;
}

void resolution_rules_free(resolution_rules *r)
{
    if (r)
        resolution_rules_clear(r);
    free(r);
}
