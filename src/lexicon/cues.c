/* Cues: loading ontology/patterns/meetings.ttl and finding its forms in an
 * article's tokens (see cues.h). */
#include "lexicon/cues.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/turtle.h"
#include "graph/vocab.h"

#define P_CUE_ROLE NS_BAYAN "cueRole"
#define P_CUE_VALUE NS_BAYAN "cueValue"
#define P_FORM NS_BAYAN "form"
#define C_CUE NS_BAYAN "Cue"

/* The role names of the data file, indexed by cue_role. */
static const char *const ROLE_NAMES[CUE_ROLE_COUNT] = {
    [CUE_MEETING] = "meeting",
    [CUE_RECEIVE] = "receive",
    [CUE_BLOCK] = "block",
    [CUE_LEVEL] = "level",
    [CUE_VIRTUAL] = "virtual",
    [CUE_PLANNED] = "planned",
    [CUE_FUTURE] = "future",
    [CUE_HELD] = "held",
    [CUE_CHAIR] = "chair",
    [CUE_COHOST] = "cohost",
    [CUE_INVITED] = "invited",
    [CUE_HOST] = "host",
    [CUE_JOIN] = "join",
    [CUE_COALITION] = "coalition",
    [CUE_STATEMENT] = "statement",
    [CUE_ATTEND] = "attend",
    [CUE_DELEGATION] = "delegation",
    [CUE_HEADED_BODY] = "headed-body",
    [CUE_SAME_LEVEL] = "same-level",
    [CUE_COUNT_NOUN] = "count-noun",
    [CUE_COUNT_BLOCK] = "count-block",
    [CUE_COUNT_LEAD] = "count-lead",
    [CUE_NUMBER] = "number",
    [CUE_MONTH] = "month",
    [CUE_WEEKDAY] = "weekday",
    [CUE_RELATIVE_DAY] = "relative-day",
    [CUE_PAST] = "past",
    [CUE_NEXT] = "next",
    [CUE_CURRENT_MONTH] = "current-month",
    [CUE_SEASON] = "season",
    [CUE_YEAR_LEAD] = "year-lead",
    [CUE_RANGE] = "range",
};

/* One surface form, folded like article text, words separated by one
 * space. */
typedef struct cue_form {
    char *folded;
    size_t first_len; /* bytes of its first word */
    size_t words;
    size_t cue; /* index in cue_set.cues */
} cue_form;

struct cue_set {
    cue *cues;
    size_t cue_count;
    cue_form *forms;
    size_t form_count;
    char **strings; /* owned IRIs the cues point at */
    size_t string_count;
};

cue_role cue_role_from_name(const char *name)
{
    for (int i = 0; i < CUE_ROLE_COUNT; i++)
        if (strcmp(ROLE_NAMES[i], name) == 0)
            return (cue_role)i;
    return CUE_ROLE_COUNT;
}

void cue_set_free(cue_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->form_count; i++)
        free(set->forms[i].folded);
    for (size_t i = 0; i < set->string_count; i++)
        free(set->strings[i]);
    free(set->forms);
    free(set->strings);
    free(set->cues);
    free(set);
}

static const char *keep_string(cue_set *set, const char *s)
{
    char **grown =
        realloc(set->strings, (set->string_count + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    set->strings = grown;
    char *copy = strdup(s);
    if (copy)
        set->strings[set->string_count++] = copy;
    return copy;
}

/* Folds form the way article text is folded and squeezes its spaces. */
static bayan_status fold_form(const char *form, char **out, size_t *words,
                              size_t *first_len)
{
    char *s;
    bayan_status st = text_fold_word(form, &s);
    if (st != BAYAN_OK)
        return st;
    if (!s && !(s = strdup("")))
        return BAYAN_ERR_NOMEM;
    size_t n = 0;
    *words = 0;
    *first_len = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (n)
            s[n++] = ' ';
        size_t k = strcspn(p, " ");
        memmove(s + n, p, k);
        if (*words == 0)
            *first_len = k;
        n += k;
        p += k;
        (*words)++;
    }
    s[n] = '\0';
    *out = s;
    return BAYAN_OK;
}

static bayan_status add_form(cue_set *set, size_t which, const char *form)
{
    cue_form f = {NULL, 0, 0, which};
    bayan_status st = fold_form(form, &f.folded, &f.words, &f.first_len);
    if (st != BAYAN_OK)
        return st;
    if (f.words == 0) {
        free(f.folded);
        return BAYAN_OK;
    }
    cue_form *grown =
        realloc(set->forms, (set->form_count + 1) * sizeof *grown);
    if (!grown) {
        free(f.folded);
        return BAYAN_ERR_NOMEM;
    }
    set->forms = grown;
    set->forms[set->form_count++] = f;
    return BAYAN_OK;
}

/* Reads one triple about cue c into it. */
static bayan_status read_property(cue_set *set, size_t c, const term *p,
                                  const term *o)
{
    cue *cu = &set->cues[c];
    if (strcmp(p->value, P_CUE_ROLE) == 0) {
        cu->role = cue_role_from_name(o->value);
        return cu->role == CUE_ROLE_COUNT ? BAYAN_ERR_SYNTAX : BAYAN_OK;
    }
    if (strcmp(p->value, P_CUE_VALUE) == 0) {
        cu->value = atoi(o->value);
        return BAYAN_OK;
    }
    if (strcmp(p->value, P_MEETING_LEVEL) == 0 ||
        strcmp(p->value, P_ORGANIZER) == 0) {
        const char *s = keep_string(set, o->value);
        if (!s)
            return BAYAN_ERR_NOMEM;
        *(strcmp(p->value, P_ORGANIZER) == 0 ? &cu->iri : &cu->level) = s;
        return BAYAN_OK;
    }
    if (strcmp(p->value, P_FORM) == 0)
        return add_form(set, c, o->value);
    return BAYAN_OK;
}

static int compare_forms(const void *a, const void *b)
{
    const cue_form *x = a, *y = b;
    size_t n = x->first_len < y->first_len ? x->first_len : y->first_len;
    int c = memcmp(x->folded, y->folded, n);
    if (c)
        return c;
    if (x->first_len != y->first_len)
        return x->first_len < y->first_len ? -1 : 1;
    c = strcmp(x->folded, y->folded);
    if (c)
        return c;
    return x->cue < y->cue ? -1 : x->cue > y->cue;
}

/* Builds the cues from the triples of the data file: one cue per subject
 * typed bayan:Cue. */
static bayan_status build(cue_set *set, const bayan_graph *g)
{
    size_t n;
    const quad *q = graph_quads(g, &n);
    term_id type = graph_find_iri(g, P_TYPE), cls = graph_find_iri(g, C_CUE);
    for (size_t i = 0; i < n; i++) {
        if (!type || q[i].p != type || q[i].o != cls)
            continue;
        cue *grown = realloc(set->cues, (set->cue_count + 1) * sizeof *grown);
        if (!grown)
            return BAYAN_ERR_NOMEM;
        set->cues = grown;
        size_t c = set->cue_count++;
        set->cues[c] = (cue){CUE_ROLE_COUNT, 0, NULL, NULL};
        for (size_t j = 0; j < n; j++) {
            if (q[j].s != q[i].s)
                continue;
            bayan_status st = read_property(set, c, graph_term(g, q[j].p),
                                            graph_term(g, q[j].o));
            if (st != BAYAN_OK)
                return st;
        }
        if (set->cues[c].role == CUE_ROLE_COUNT)
            return BAYAN_ERR_SYNTAX;
    }
    if (set->form_count)
        qsort(set->forms, set->form_count, sizeof *set->forms, compare_forms);
    return BAYAN_OK;
}

bayan_status cue_set_load(const reporter *r, const char *base,
                          const char *path, cue_set **out)
{
    *out = NULL;
    cue_set *set = calloc(1, sizeof *set);
    if (!set)
        return BAYAN_ERR_NOMEM;
    FILE *f = fopen(path, "rb");
    if (!f) { /* no cue file: no meetings are found */
        *out = set;
        return BAYAN_OK;
    }
    fclose(f);
    bayan_graph *g = bayan_graph_new();
    bayan_status st =
        g ? turtle_load(r, path, base, g) : BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK)
        st = build(set, g);
    if (st == BAYAN_ERR_SYNTAX)
        report(r, BAYAN_ERROR, st, path, -1,
                      "a bayan:Cue lacks a known bayan:cueRole");
    bayan_graph_free(g);
    if (st != BAYAN_OK) {
        cue_set_free(set);
        return st;
    }
    *out = set;
    return BAYAN_OK;
}

/* ---- finding cues --------------------------------------------------------
 */

typedef struct token_text {
    const char *s;
    size_t n;
} token_text;

static token_text token_at(const text_analysis *a, size_t i)
{
    const text_span *t = &a->tokens[i];
    return (token_text){a->match + t->match_begin,
                        t->match_end - t->match_begin};
}

/* The first form whose first word is stem, or set->form_count. */
static size_t first_with(const cue_set *set, const char *stem, size_t n)
{
    size_t lo = 0, hi = set->form_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const cue_form *f = &set->forms[mid];
        size_t k = f->first_len < n ? f->first_len : n;
        int c = memcmp(f->folded, stem, k);
        if (c == 0)
            c = f->first_len < n ? -1 : f->first_len > n;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* True when the words of f after the first equal the tokens after i. */
static bool rest_matches(const text_analysis *a, size_t i, const cue_form *f)
{
    const char *p = f->folded + f->first_len;
    for (size_t w = 1; w < f->words; w++) {
        if (i + w >= a->token_count)
            return false;
        p++; /* the space */
        size_t k = strcspn(p, " ");
        token_text t = token_at(a, i + w);
        if (t.n != k || memcmp(t.s, p, k) != 0)
            return false;
        p += k;
    }
    return true;
}

typedef struct hit_list {
    cue_hit *items;
    size_t count, capacity;
} hit_list;

static bool push_hit(hit_list *l, cue_hit h)
{
    for (size_t i = l->count; i-- > 0 && l->items[i].tok == h.tok;)
        if (l->items[i].cue == h.cue)
            return true; /* the same cue through another reading */
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? l->capacity * 2 : 64;
        cue_hit *items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return false;
        l->items = items;
        l->capacity = cap;
    }
    l->items[l->count++] = h;
    return true;
}

/* The longest form length (in tokens) starting at token i, 0 if none;
 * with add, pushes every cue of that length. */
static size_t match_at(const cue_set *set, const text_analysis *a, size_t i,
                       size_t want, hit_list *add, bool *ok)
{
    token_text t = token_at(a, i);
    text_split splits[8];
    size_t ns = text_clitic_splits(t.s, t.n, splits, 8);
    if (ns > 8)
        ns = 8;
    size_t best = 0;
    char stem[256];
    for (size_t s = 0; s < ns; s++) {
        size_t n = text_split_stem(t.s, &splits[s], stem, sizeof stem);
        if (n == 0)
            continue;
        for (size_t f = first_with(set, stem, n); f < set->form_count; f++) {
            const cue_form *cf = &set->forms[f];
            if (cf->first_len != n || memcmp(cf->folded, stem, n) != 0)
                break;
            if (!rest_matches(a, i, cf))
                continue;
            if (cf->words > best)
                best = cf->words;
            if (add && cf->words == want &&
                !push_hit(add, (cue_hit){i, want, &set->cues[cf->cue]}))
                *ok = false;
        }
    }
    return best;
}

bayan_status cue_find(const cue_set *set, const text_analysis *a,
                      cue_hit **out, size_t *count)
{
    hit_list l = {NULL, 0, 0};
    bool ok = true;
    for (size_t i = 0; set && ok && i < a->token_count;) {
        size_t n = match_at(set, a, i, 0, NULL, &ok);
        if (n == 0) {
            i++;
            continue;
        }
        match_at(set, a, i, n, &l, &ok);
        i += n;
    }
    if (!ok) {
        free(l.items);
        return BAYAN_ERR_NOMEM;
    }
    *out = l.items;
    *count = l.count;
    return BAYAN_OK;
}
