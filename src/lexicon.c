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
