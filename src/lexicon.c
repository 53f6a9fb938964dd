/* The lexicon: entity entries and their match forms, from Turtle data. */
#include "lexicon.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rdf.h"
#include "text.h"
#include "vocab.h"

struct lexicon {
    bayan_graph *graph;
    lexicon_form *forms;
    size_t form_count;
    char **folded; /* owns forms[i].folded */
    quad *by_subject;        /* the graph's quads sorted by subject id */
    lexicon_entry *entries;  /* sorted by id */
    size_t entry_count;
};

void lexicon_free(lexicon *lex)
{
    if (!lex)
        return;
    bayan_graph_free(lex->graph);
    for (size_t i = 0; lex->folded && i < lex->form_count; i++)
        free(lex->folded[i]);
    free(lex->folded);
    free(lex->forms);
    free(lex->by_subject);
    free(lex->entries);
    free(lex);
}

const bayan_graph *lexicon_graph(const lexicon *lex)
{
    return lex->graph;
}

const lexicon_form *lexicon_forms(const lexicon *lex, size_t *count)
{
    *count = lex->form_count;
    return lex->forms;
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
static bayan_status load_files(const bayan_engine *e, const char *dir,
                               bayan_graph *g)
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
                st = rdf_load_turtle(e, path, e->base, g);
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

static int compare_forms(const void *a, const void *b)
{
    const lexicon_form *x = a, *y = b;
    int c = strcmp(x->form, y->form);
    return c ? c : (x->entity > y->entity) - (x->entity < y->entity);
}

/* Collects the Arabic forms of every subject typed with an entity class. */
static bayan_status collect_forms(lexicon *lex)
{
    size_t count;
    const quad *quads = graph_quads(lex->graph, &count);
    bayan_graph *entities = bayan_graph_new();
    lex->forms = malloc((count ? count : 1) * sizeof *lex->forms);
    if (!entities || !lex->forms) {
        bayan_graph_free(entities);
        return BAYAN_ERR_NOMEM;
    }
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        const term *p = graph_term(lex->graph, quads[i].p);
        const term *o = graph_term(lex->graph, quads[i].o);
        term_id id;
        if (strcmp(p->value, P_TYPE) == 0 && is_entity_class(o))
            st = graph_iri(entities, graph_term(lex->graph, quads[i].s)->value,
                           &id);
    }
    for (size_t i = 0; st == BAYAN_OK && i < count; i++) {
        const term *s = graph_term(lex->graph, quads[i].s);
        const term *p = graph_term(lex->graph, quads[i].p);
        const term *o = graph_term(lex->graph, quads[i].o);
        if (o->kind == TERM_LITERAL && o->lang &&
            strncmp(o->lang, "ar", 2) == 0 && is_form_property(p) &&
            graph_find_iri(entities, s->value)) {
            lex->forms[lex->form_count].form = o->value;
            lex->forms[lex->form_count].entity = quads[i].s;
            lex->form_count++;
        }
    }
    bayan_graph_free(entities);
    if (lex->form_count > 1)
        qsort(lex->forms, lex->form_count, sizeof *lex->forms, compare_forms);
    return st;
}

/* Folds every form the way article text is folded (text_match_form), so
 * that matching ignores hamza, diacritics, tatweel and web debris. Forms
 * that fold to nothing are dropped. */
static bayan_status fold_forms(lexicon *lex)
{
    lex->folded = calloc(lex->form_count ? lex->form_count : 1,
                         sizeof *lex->folded);
    if (!lex->folded)
        return BAYAN_ERR_NOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < lex->form_count; i++) {
        text_doc doc = {0};
        doc.text = (char *)lex->forms[i].form;
        doc.length = strlen(doc.text);
        text_analysis a;
        bayan_status st = text_match_form(&doc, &a);
        if (st != BAYAN_OK)
            return st;
        if (a.match_len == 0 || strcmp(a.match, " ") == 0) {
            text_analysis_clear(&a);
            continue;
        }
        lex->folded[kept] = a.match;
        a.match = NULL;
        text_analysis_clear(&a);
        lex->forms[kept] = lex->forms[i];
        lex->forms[kept].folded = lex->folded[kept];
        kept++;
    }
    lex->form_count = kept;
    return BAYAN_OK;
}

bayan_status lexicon_load(const bayan_engine *e, const char *dir,
                          lexicon **out)
{
    *out = NULL;
    lexicon *lex = calloc(1, sizeof *lex);
    if (!lex || !(lex->graph = bayan_graph_new())) {
        lexicon_free(lex);
        return BAYAN_ERR_NOMEM;
    }
    bayan_status st = load_files(e, dir, lex->graph);
    if (st == BAYAN_OK)
        st = index_entries(lex);
    if (st == BAYAN_OK)
        st = collect_forms(lex);
    if (st == BAYAN_OK)
        st = fold_forms(lex);
    if (st != BAYAN_OK) {
        lexicon_free(lex);
        return st;
    }
    *out = lex;
    return BAYAN_OK;
}
