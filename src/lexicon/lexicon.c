/* The lexicon: entity entries and their match forms, from Turtle data. */
#include "lexicon/lexicon.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/beside.h"
#include "graph/turtle.h"
#include "text/text.h"
#include "graph/vocab.h"

/* A list of match forms and the folded strings it owns. */
typedef struct form_list {
    lexicon_form *items;
    size_t count;
    char **folded; /* owns items[i].folded */
} form_list;

typedef struct place_word {
    char *folded;
    place_cue_need kind; /* NAMING: a place cue, ANY: a preposition */
} place_word;

typedef struct bare_body {
    char *folded; /* owned */
    term_id state;
    const lexicon_entry *entry;
} bare_body;

struct lexicon {
    bayan_graph *graph;
    form_list forms;         /* the entities' forms */
    form_list blocks;        /* blocking names: regions, offices */
    quad *by_subject;        /* the graph's quads sorted by subject id */
    lexicon_entry *entries;  /* sorted by id */
    size_t entry_count;
    token_trie *trie;        /* the compiled matcher */
    place_word *place_cues;  /* folded place cues and prepositions, sorted */
    size_t place_cue_count;
    bare_body *bare;         /* ministries by folded bare form and state */
    size_t bare_count;
    char **bare_forms;       /* the folded bare forms, sorted, unique */
    size_t bare_form_count;
};

static void form_list_clear(form_list *l)
{
    for (size_t i = 0; l->folded && i < l->count; i++)
        free(l->folded[i]);
    free(l->folded);
    free(l->items);
    *l = (form_list){NULL, 0, NULL};
}

void lexicon_free(lexicon *lex)
{
    if (!lex)
        return;
    bayan_graph_free(lex->graph);
    form_list_clear(&lex->forms);
    form_list_clear(&lex->blocks);
    free(lex->by_subject);
    free(lex->entries);
    trie_free(lex->trie);
    for (size_t i = 0; i < lex->place_cue_count; i++)
        free(lex->place_cues[i].folded);
    for (size_t i = 0; i < lex->bare_count; i++)
        free(lex->bare[i].folded);
    free(lex->bare);
    free(lex->bare_forms); /* its strings are the bare[].folded */
    free(lex->place_cues);
    free(lex);
}

const bayan_graph *lexicon_graph(const lexicon *lex)
{
    return lex->graph;
}

const lexicon_form *lexicon_forms(const lexicon *lex, size_t *count)
{
    *count = lex->forms.count;
    return lex->forms.items;
}

const lexicon_form *lexicon_blocking_forms(const lexicon *lex, size_t *count)
{
    *count = lex->blocks.count;
    return lex->blocks.items;
}

const token_trie *lexicon_trie(const lexicon *lex)
{
    return lex->trie;
}

const lexicon_entry *lexicon_entry_at(const lexicon *lex, uint32_t value)
{
    if (value == 0 || value == LEXICON_BLOCKER || value > lex->entry_count)
        return NULL;
    return &lex->entries[value - 1];
}

static int compare_entry_id(const void *key, const void *item)
{
    term_id id = *(const term_id *)key;
    term_id other = ((const lexicon_entry *)item)->id;
    return (id > other) - (id < other);
}

const lexicon_entry *lexicon_entry_of(const lexicon *lex, term_id id)
{
    if (!lex->entry_count)
        return NULL;
    return bsearch(&id, lex->entries, lex->entry_count, sizeof *lex->entries,
                   compare_entry_id);
}

const lexicon_entry *lexicon_find(const lexicon *lex, const char *iri)
{
    term_id id = graph_find_iri(lex->graph, iri);
    return id ? lexicon_entry_of(lex, id) : NULL;
}

const lexicon_entry *lexicon_entries(const lexicon *lex, size_t *count)
{
    *count = lex->entry_count;
    return lex->entries;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Reads the .ttl files of dir in byte order of their names. */
static bayan_status load_files(const reporter *r, const char *base,
                               const char *dir, bayan_graph *g)
{
    DIR *d = opendir(dir);
    if (!d)
        return BAYAN_OK; /* no lexicon directory: an empty lexicon */
    char **names = NULL;
    size_t count = 0, cap = 0;
    bayan_status st = BAYAN_OK;
    struct dirent *ent;
    while (st == BAYAN_OK && (ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.' || !has_suffix(ent->d_name, ".ttl"))
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown) {
                st = BAYAN_ERR_NOMEM;
                break;
            }
            names = grown;
        }
        names[count] = strdup(ent->d_name);
        if (!names[count])
            st = BAYAN_ERR_NOMEM;
        else
            count++;
    }
    closedir(d);
    if (names)
        qsort(names, count, sizeof *names, compare_names);
    for (size_t i = 0; i < count; i++) {
        if (st == BAYAN_OK) {
            size_t n = strlen(dir) + strlen(names[i]) + 2;
            char *path = malloc(n);
            if (!path) {
                st = BAYAN_ERR_NOMEM;
            } else {
                snprintf(path, n, "%s/%s", dir, names[i]);
                st = turtle_load(r, path, base, g);
                free(path);
            }
        }
        free(names[i]);
    }
    free(names);
    return st;
}

static bool is_entity_class(const term *t)
{
    for (size_t i = 0; i < VOCAB_ENTITY_CLASS_COUNT; i++)
        if (strcmp(t->value, VOCAB_ENTITY_CLASSES[i]) == 0)
            return true;
    return false;
}

static entity_kind kind_of_class(const char *iri)
{
    static const struct {
        const char *iri;
        entity_kind kind;
    } kinds[] = {
        {C_STATE, KIND_STATE},           {C_CITY, KIND_CITY},
        {C_ORGANIZATION, KIND_ORGANIZATION}, {C_PERSON, KIND_PERSON},
        {C_RESOLUTION, KIND_RESOLUTION}, {C_MEETING, KIND_MEETING},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(iri, kinds[i].iri) == 0)
            return kinds[i].kind;
    return KIND_NONE;
}

static int compare_subject(const void *a, const void *b)
{
    const quad *x = a, *y = b;
    if (x->s != y->s)
        return (x->s > y->s) - (x->s < y->s);
    if (x->p != y->p)
        return (x->p > y->p) - (x->p < y->p);
    return (x->o > y->o) - (x->o < y->o);
}

/* Fills one entry from its run of quads [q, q + n). */
static void describe_entry(const lexicon *lex, lexicon_entry *en,
                           const quad *q, size_t n)
{
    *en = (lexicon_entry){.id = q->s,
                          .iri = graph_term(lex->graph, q->s)->value,
                          .quads = q,
                          .quad_count = n};
    for (size_t i = 0; i < n; i++) {
        const char *p = graph_term(lex->graph, q[i].p)->value;
        const term *o = graph_term(lex->graph, q[i].o);
        if (strcmp(p, P_TYPE) == 0 && en->kind == KIND_NONE)
            en->kind = kind_of_class(o->value);
        else if (strcmp(p, P_ISO_CODE) == 0 && o->kind == TERM_LITERAL)
            en->iso = o->value;
        else if (strcmp(p, P_NEEDS_CUE) == 0 && o->kind == TERM_LITERAL &&
                 strcmp(o->value, "true") == 0 && !en->cue)
            en->cue = PLACE_CUE_ANY;
        else if (strcmp(p, P_NEEDS_NAMING_CUE) == 0 &&
                 o->kind == TERM_LITERAL && strcmp(o->value, "true") == 0)
            en->cue = PLACE_CUE_NAMING;
        else if (strcmp(p, P_PROSCRIBED) == 0 && o->kind == TERM_LITERAL)
            en->proscribed = strcmp(o->value, "true") == 0;
        else if (strcmp(p, P_CAPITAL) == 0 && o->kind == TERM_IRI)
            en->capital = q[i].o;
        else if (strcmp(p, P_BODY_OF) == 0 && o->kind == TERM_IRI)
            en->body_of = q[i].o;
        else if (strcmp(p, P_LABEL) == 0 && o->lang &&
                 strcmp(o->lang, "ar") == 0 && !en->label_ar)
            en->label_ar = o->value;
        else if (strcmp(p, P_LABEL) == 0 && o->lang &&
                 strcmp(o->lang, "en") == 0 && !en->label_en)
            en->label_en = o->value;
    }
}

/* Indexes the lexicon by subject: one entry per subject with an entity
 * class, pointing at its run of quads. */
static bayan_status index_entries(lexicon *lex)
{
    size_t count;
    const quad *quads = graph_quads(lex->graph, &count);
    lex->by_subject = malloc((count ? count : 1) * sizeof *lex->by_subject);
    lex->entries = malloc((count ? count : 1) * sizeof *lex->entries);
    if (!lex->by_subject || !lex->entries)
        return BAYAN_ERR_NOMEM;
    if (count == 0)
        return BAYAN_OK; /* an empty lexicon: quads may be NULL */
    memcpy(lex->by_subject, quads, count * sizeof *quads);
    qsort(lex->by_subject, count, sizeof *quads, compare_subject);
    for (size_t i = 0, j; i < count; i = j) {
        for (j = i + 1; j < count && lex->by_subject[j].s == lex->by_subject[i].s;)
            j++;
        lexicon_entry *en = &lex->entries[lex->entry_count];
        describe_entry(lex, en, lex->by_subject + i, j - i);
        if (en->kind != KIND_NONE)
            lex->entry_count++;
    }
    return BAYAN_OK;
}

static bool is_form_property(const term *p)
{
    return strcmp(p->value, P_LABEL) == 0 ||
           strcmp(p->value, P_ALT_LABEL) == 0 ||
           strcmp(p->value, NS_BAYAN "form") == 0;
}

/* By form, then by IRI: when two entries share a form, the first one
 * takes it in the matcher, and that must not depend on the order the
 * files' triples were read in (a term's id does). */
static int compare_forms(const void *a, const void *b)
{
    const lexicon_form *x = a, *y = b;
    int c = strcmp(x->form, y->form);
    return c ? c : strcmp(x->iri, y->iri);
}

/* Classes whose names block matches without being mentions (lexicon.h). */
static bool is_blocking_class(const term *t)
{
    return strcmp(t->value, C_REGION) == 0 || strcmp(t->value, C_OFFICE) == 0;
}

/* Appends the Arabic form literal of quad q to l (sized for every quad). */
static void add_form(const lexicon *lex, const quad *q, form_list *l)
{
    const term *p = graph_term(lex->graph, q->p);
    const term *o = graph_term(lex->graph, q->o);
    if (o->kind != TERM_LITERAL || !o->lang ||
        strncmp(o->lang, "ar", 2) != 0 || !is_form_property(p))
        return;
    l->items[l->count].form = o->value;
    l->items[l->count].entity = q->s;
    l->items[l->count].iri = graph_term(lex->graph, q->s)->value;
    l->count++;
}

/* Collects the Arabic forms of every subject typed with an entity class
 * into lex->forms, and those of the blocking classes into lex->blocks. */
static bayan_status collect_forms(lexicon *lex)
{
    size_t count;
    const quad *quads = graph_quads(lex->graph, &count);
    bayan_graph *entities = bayan_graph_new();
    bayan_graph *blocking = bayan_graph_new();
    lex->forms.items = malloc((count ? count : 1) * sizeof *lex->forms.items);
    lex->blocks.items = malloc((count ? count : 1) * sizeof *lex->blocks.items);
    bayan_status st = entities && blocking && lex->forms.items &&
                              lex->blocks.items
                          ? BAYAN_OK
                          : BAYAN_ERR_NOMEM;
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        const term *p = graph_term(lex->graph, quads[i].p);
        const term *o = graph_term(lex->graph, quads[i].o);
        const char *s = graph_term(lex->graph, quads[i].s)->value;
        term_id id;
        if (strcmp(p->value, P_TYPE) == 0 && is_entity_class(o))
            st = graph_iri(entities, s, &id);
        else if (strcmp(p->value, P_TYPE) == 0 && is_blocking_class(o))
            st = graph_iri(blocking, s, &id);
    }
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        const char *s = graph_term(lex->graph, quads[i].s)->value;
        if (graph_find_iri(entities, s))
            add_form(lex, &quads[i], &lex->forms);
        else if (graph_find_iri(blocking, s))
            add_form(lex, &quads[i], &lex->blocks);
    }
    bayan_graph_free(entities);
    bayan_graph_free(blocking);
    if (lex->forms.count > 1)
        qsort(lex->forms.items, lex->forms.count, sizeof *lex->forms.items,
              compare_forms);
    if (lex->blocks.count > 1)
        qsort(lex->blocks.items, lex->blocks.count, sizeof *lex->blocks.items,
              compare_forms);
    return st;
}

static int compare_place_words(const void *a, const void *b)
{
    return strcmp(((const place_word *)a)->folded,
                  ((const place_word *)b)->folded);
}

/* Folds every bayan:placeCue and bayan:placePreposition literal into
 * lex->place_cues, sorted. */
static bayan_status load_place_cues(lexicon *lex)
{
    size_t count;
    const quad *quads = graph_quads(lex->graph, &count);
    term_id cue = graph_find_iri(lex->graph, P_PLACE_CUE);
    term_id prep = graph_find_iri(lex->graph, P_PLACE_PREPOSITION);
    lex->place_cues = calloc(count ? count : 1, sizeof *lex->place_cues);
    if (!lex->place_cues)
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; i < count; i++) {
        const term *o = graph_term(lex->graph, quads[i].o);
        term_id p = quads[i].p;
        if (!p || (p != cue && p != prep) || o->kind != TERM_LITERAL)
            continue;
        char *f = NULL;
        if (text_fold_word(o->value, &f) != BAYAN_OK)
            return BAYAN_ERR_NOMEM;
        if (f)
            lex->place_cues[lex->place_cue_count++] = (place_word){
                f, p == cue ? PLACE_CUE_NAMING : PLACE_CUE_ANY};
    }
    qsort(lex->place_cues, lex->place_cue_count, sizeof *lex->place_cues,
          compare_place_words);
    return BAYAN_OK;
}

place_cue_need lexicon_place_cue(const lexicon *lex, const char *w, size_t n)
{
    size_t lo = 0, hi = lex->place_cue_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *c = lex->place_cues[mid].folded;
        int d = strncmp(c, w, n);
        if (d == 0)
            d = c[n] != '\0'; /* c is longer than w */
        if (d == 0)
            return lex->place_cues[mid].kind;
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return PLACE_CUE_NONE;
}

static int compare_bare(const void *a, const void *b)
{
    const bare_body *x = a, *y = b;
    int c = strcmp(x->folded, y->folded);
    return c ? c : (x->state > y->state) - (x->state < y->state);
}

/* Indexes the bodies that have bare forms by (folded form, state). */
static bayan_status index_bare_bodies(lexicon *lex)
{
    term_id bare = graph_find_iri(lex->graph, P_BARE_FORM);
    size_t cap = 0;
    for (size_t i = 0; bare && i < lex->entry_count; i++)
        for (size_t k = 0; k < lex->entries[i].quad_count; k++)
            cap += lex->entries[i].quads[k].p == bare;
    lex->bare = calloc(cap ? cap : 1, sizeof *lex->bare);
    lex->bare_forms = calloc(cap ? cap : 1, sizeof *lex->bare_forms);
    if (!lex->bare || !lex->bare_forms)
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; bare && i < lex->entry_count; i++) {
        const lexicon_entry *en = &lex->entries[i];
        for (size_t k = 0; en->body_of && k < en->quad_count; k++) {
            const term *o = graph_term(lex->graph, en->quads[k].o);
            if (en->quads[k].p != bare || o->kind != TERM_LITERAL)
                continue;
            char *f = NULL;
            if (text_fold_word(o->value, &f) != BAYAN_OK)
                return BAYAN_ERR_NOMEM;
            if (f)
                lex->bare[lex->bare_count++] = (bare_body){f, en->body_of, en};
        }
    }
    qsort(lex->bare, lex->bare_count, sizeof *lex->bare, compare_bare);
    for (size_t i = 0; i < lex->bare_count; i++)
        if (i == 0 || strcmp(lex->bare[i].folded, lex->bare[i - 1].folded))
            lex->bare_forms[lex->bare_form_count++] = lex->bare[i].folded;
    return BAYAN_OK;
}

const char *const *lexicon_bare_forms(const lexicon *lex, size_t *count)
{
    *count = lex->bare_form_count;
    return (const char *const *)lex->bare_forms;
}

const lexicon_entry *lexicon_bare_body(const lexicon *lex, const char *bare,
                                       term_id state)
{
    bare_body key = {(char *)bare, state, NULL};
    const bare_body *b = bsearch(&key, lex->bare, lex->bare_count,
                                 sizeof *lex->bare, compare_bare);
    return b ? b->entry : NULL;
}

static bool is_blank_byte(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

size_t lexicon_gap_key(const char *text, size_t b, size_t e, char *buf,
                       size_t cap)
{
    size_t n = 0;
    for (size_t i = b; i < e; i++) {
        if (is_blank_byte(text[i]))
            continue;
        if (n == cap)
            return SIZE_MAX;
        buf[n++] = text[i];
    }
    return n;
}

/* The trie value of the entry with IRI id: its index + 1. */
static uint32_t entry_value(const lexicon *lex, term_id id)
{
    const lexicon_entry *en = lexicon_entry_of(lex, id);
    return en ? (uint32_t)(en - lex->entries) + 1 : 0;
}

/* Longest separator kept in a key; longer gaps never match. */
#define GAP_KEY_MAX 32

/* Adds the tokens of one form (its segmented matching form a) to the trie;
 * the value is set unless an earlier form already ends at the same node. */
static bayan_status insert_form(lexicon *lex, const text_analysis *a,
                                uint32_t value)
{
    bayan_status st = BAYAN_OK;
    trie_node node = TRIE_ROOT;
    for (size_t k = 0; st == BAYAN_OK && k < a->token_count; k++) {
        char gap[GAP_KEY_MAX];
        size_t g = k == 0 ? 0
                          : lexicon_gap_key(a->match,
                                            a->tokens[k - 1].match_end,
                                            a->tokens[k].match_begin, gap,
                                            sizeof gap);
        if (g == SIZE_MAX)
            break; /* cannot match: leave it out */
        const text_span *t = &a->tokens[k];
        trie_piece sep = {gap, g};
        trie_piece tok = {a->match + t->match_begin,
                          t->match_end - t->match_begin};
        trie_token_id id;
        st = trie_intern(lex->trie, sep, tok, &id);
        if (st == BAYAN_OK)
            st = trie_grow(lex->trie, node, id, &node);
        if (st == BAYAN_OK && k + 1 == a->token_count &&
            !trie_value(lex->trie, node))
            trie_set_value(lex->trie, node, value);
    }
    return st;
}

/* Forms analysed (folded and segmented) ahead of their insertion, a
 * chunk at a time: half of a chunk beside this thread when the engine
 * hands a runner, so that the start-up's largest part is shared by two
 * processors; the insertion stays in order on this thread, and the trie
 * is the same. */
#define ANALYSIS_CHUNK 512

typedef struct analysis_job {
    text_segmenter *seg;
    const form_list *l;
    size_t from, to;    /* items analysed */
    text_analysis *out; /* out[i - from] */
    bayan_status status;
} analysis_job;

static void analyze_forms(void *arg)
{
    analysis_job *j = arg;
    j->status = BAYAN_OK;
    for (size_t i = j->from; j->status == BAYAN_OK && i < j->to; i++) {
        text_doc doc = {0};
        doc.text = (char *)j->l->items[i].form;
        doc.length = strlen(doc.text);
        j->status = text_analyze_with(j->seg, &doc, &j->out[i - j->from]);
    }
}

/* What compile_forms works with: a segmenter for this thread and, when
 * a runner can start work beside it, one for that work. */
typedef struct form_compiler {
    text_segmenter *seg[2];
    const beside_runner *runner; /* NULL: all on this thread */
} form_compiler;

/* Analyses items [from, to) of l into out, half of them beside this
 * thread when the runner can start a task. */
static bayan_status analyze_chunk(const form_compiler *fc, const form_list *l,
                                  size_t from, size_t to, text_analysis *out)
{
    memset(out, 0, (to - from) * sizeof *out);
    const beside_runner *run = fc->seg[1] ? fc->runner : NULL;
    size_t mid = run ? from + (to - from) / 2 : to;
    analysis_job first = {fc->seg[0], l, from, mid, out, BAYAN_OK};
    analysis_job second = {fc->seg[1], l, mid, to, out + (mid - from),
                           BAYAN_OK};
    void *handle = NULL;
    bool beside = mid < to &&
                  run->start(run->user, analyze_forms, &second, &handle);
    analyze_forms(&first);
    if (beside)
        run->wait(run->user, handle);
    else if (mid < to)
        analyze_forms(&second);
    return first.status != BAYAN_OK ? first.status : second.status;
}

/* Folds each form of l (items[i].folded, owned by l->folded) as articles
 * are folded, so that matching ignores hamza, diacritics, tatweel and web
 * debris, and adds its tokens to the trie (value: the entry's, or
 * LEXICON_BLOCKER when blocking). Forms that fold to nothing are dropped. */
static bayan_status compile_forms(lexicon *lex, const form_compiler *fc,
                                  form_list *l, bool blocking)
{
    l->folded = calloc(l->count ? l->count : 1, sizeof *l->folded);
    text_analysis *chunk = malloc(ANALYSIS_CHUNK * sizeof *chunk);
    bayan_status st = l->folded && chunk ? BAYAN_OK : BAYAN_ERR_NOMEM;
    size_t kept = 0;
    for (size_t from = 0; st == BAYAN_OK && from < l->count;
         from += ANALYSIS_CHUNK) {
        size_t to = l->count - from < ANALYSIS_CHUNK ? l->count
                                                     : from + ANALYSIS_CHUNK;
        st = analyze_chunk(fc, l, from, to, chunk);
        for (size_t i = from; i < to; i++) {
            text_analysis *a = &chunk[i - from];
            if (st == BAYAN_OK && a->token_count > 0) {
                st = insert_form(lex, a,
                                 blocking ? LEXICON_BLOCKER
                                          : entry_value(lex,
                                                        l->items[i].entity));
                l->folded[kept] = a->match;
                a->match = NULL;
                l->items[kept] = l->items[i];
                l->items[kept].folded = l->folded[kept];
                kept++;
            }
            text_analysis_clear(a);
        }
    }
    free(chunk);
    l->count = kept;
    return st;
}

/* Compiles the matcher: the entities' forms first, so that they win over
 * an equal blocking name; both lists are sorted, so the result does not
 * depend on the order of the files' triples. */
static bayan_status build_trie(lexicon *lex, const beside_runner *runner)
{
    lex->trie = trie_new();
    if (!lex->trie)
        return BAYAN_ERR_NOMEM;
    form_compiler fc = {{NULL, NULL}, runner};
    bayan_status st = text_segmenter_new(&fc.seg[0]);
    /* without a second segmenter, this thread does it all */
    if (st == BAYAN_OK && runner && text_segmenter_new(&fc.seg[1]) != BAYAN_OK)
        fc.seg[1] = NULL;
    if (st == BAYAN_OK)
        st = compile_forms(lex, &fc, &lex->forms, false);
    if (st == BAYAN_OK)
        st = compile_forms(lex, &fc, &lex->blocks, true);
    text_segmenter_free(fc.seg[0]);
    text_segmenter_free(fc.seg[1]);
    return st;
}

bayan_status lexicon_load(const reporter *r, const char *base,
                          const char *dir, lexicon **out)
{
    return lexicon_load_with(r, base, dir, NULL, out);
}

bayan_status lexicon_load_with(const reporter *r, const char *base,
                               const char *dir, const beside_runner *runner,
                               lexicon **out)
{
    *out = NULL;
    lexicon *lex = calloc(1, sizeof *lex);
    if (!lex || !(lex->graph = bayan_graph_new())) {
        lexicon_free(lex);
        return BAYAN_ERR_NOMEM;
    }
    bayan_status st = load_files(r, base, dir, lex->graph);
    if (st == BAYAN_OK)
        st = index_entries(lex);
    if (st == BAYAN_OK)
        st = collect_forms(lex);
    if (st == BAYAN_OK)
        st = build_trie(lex, runner);
    if (st == BAYAN_OK)
        st = load_place_cues(lex);
    if (st == BAYAN_OK)
        st = index_bare_bodies(lex);
    if (st != BAYAN_OK) {
        lexicon_free(lex);
        return st;
    }
    *out = lex;
    return BAYAN_OK;
}
