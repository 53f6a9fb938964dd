/* Cues: loading ontology/patterns/meetings.ttl and preparing the stems of
 * its one-word forms (see cues.h). Finding them in a text is cue_find.c. */
#include "lexicon/cues_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/utf8.h"
#include "graph/turtle.h"
#include "graph/vocab.h"
#include "text/morph.h"

#define P_CUE_ROLE NS_BAYAN "cueRole"
#define P_CUE_VALUE NS_BAYAN "cueValue"
#define P_FORM NS_BAYAN "form"
#define C_CUE NS_BAYAN "Cue"

/* The role names of the data file, indexed by cue_role. */
static const char *const ROLE_NAMES[CUE_ROLE_COUNT] = {
    [CUE_MEETING] = "meeting",
    [CUE_RECEIVE] = "receive",
    [CUE_BILATERAL] = "bilateral",
    [CUE_TOPIC] = "topic",
    [CUE_ANAPHOR] = "anaphor",
    [CUE_VISIT] = "visit",
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
    [CUE_MEMBER_AS] = "member-as",
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
    [CUE_MONTH_WORD] = "month-word",
    [CUE_HIJRI_MONTH] = "hijri-month",
    [CUE_DAY_ORDINAL] = "day-ordinal",
    [CUE_NEGATION] = "negation",
    [CUE_NEGATED_ACT] = "negated-act",
    [CUE_VENUE] = "venue",
    [CUE_PREPARES] = "prepares",
    [CUE_YEAR_REL] = "year-rel",
    [CUE_DISCUSS] = "discuss",
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
    for (size_t i = 0; i < set->form_count; i++) {
        free(set->forms[i].folded);
        free(set->forms[i].raw);
    }
    for (size_t i = 0; i < set->key_count; i++)
        free(set->keys[i].s);
    free(set->keys);
    free(set->stems);
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

/* form without the blanks around it, if it is one word; else NULL. */
static bayan_status one_word(const char *form, char **out)
{
    *out = NULL;
    const char *b = form + strspn(form, " \t\n");
    size_t n = strcspn(b, " \t\n");
    if (n == 0 || b[n + strspn(b + n, " \t\n")] != '\0')
        return BAYAN_OK;
    *out = strndup(b, n);
    return *out ? BAYAN_OK : BAYAN_ERR_NOMEM;
}

static bayan_status add_form(cue_set *set, size_t which, const char *form)
{
    cue_form f = {NULL, NULL, 0, 0, which};
    bayan_status st = fold_form(form, &f.folded, &f.words, &f.first_len);
    if (st == BAYAN_OK && f.words == 1)
        st = one_word(form, &f.raw);
    if (st != BAYAN_OK || f.words == 0) {
        free(f.folded);
        free(f.raw);
        return st;
    }
    cue_form *grown =
        realloc(set->forms, (set->form_count + 1) * sizeof *grown);
    if (!grown) {
        free(f.folded);
        free(f.raw);
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
        strcmp(p->value, P_ORGANIZER) == 0 ||
        strcmp(p->value, P_LOCATION) == 0) {
        const char *s = keep_string(set, o->value);
        if (!s)
            return BAYAN_ERR_NOMEM;
        *(strcmp(p->value, P_MEETING_LEVEL) == 0 ? &cu->level : &cu->iri) = s;
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

/* ---- stems -----------------------------------------------------------------
 */

bool cue_stem_safe(cue_role role)
{
    switch (role) {
    /* Words that name or report a meeting and its facts: an inflection
     * (a plural, an attached pronoun, another person of a past verb) says
     * the same. */
    case CUE_MEETING:
    case CUE_RECEIVE:
    case CUE_HELD:
    case CUE_CHAIR:
    case CUE_HOST:
    case CUE_JOIN:
    case CUE_ATTEND:
    case CUE_DELEGATION:
    case CUE_HEADED_BODY:
    case CUE_PLANNED:
    case CUE_VISIT:
        return true;
    /* Values (numbers, months, weekdays, days), words whose inflection
     * changes what they say (a level adjective, a count noun after a
     * number, the coalition, "next", "past"), and phrases. */
    default:
        return false;
    }
}

size_t cue_set_stem_words(const cue_set *set, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; set && i < set->form_count; i++) {
        const cue_form *f = &set->forms[i];
        if (!f->raw || !cue_stem_safe(set->cues[f->cue].role))
            continue;
        if (n < max)
            out[n] = f->raw;
        n++;
    }
    return n;
}

static int compare_stems(const void *a, const void *b)
{
    const stem_form *x = a, *y = b;
    int c = strcmp(x->raw, y->raw);
    return c ? c : (x->cue > y->cue) - (x->cue < y->cue);
}

static int compare_keys(const void *a, const void *b)
{
    const stem_key *x = a, *y = b;
    int c = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);
    return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* Bytes of the last letter of s[0..n) (UTF-8). */
static size_t last_letter(const char *s, size_t n)
{
    size_t k = 1;
    while (k < n && ((unsigned char)s[n - k] & 0xc0) == 0x80)
        k++;
    return k;
}

static size_t letters(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}


/* The key of a folded stem form: without a final letter that a suffix
 * changes (teh marbuta, alef maqsura, alef, hamza) and without a first
 * alef (the alef of اجتمع, استقبل, التقى is dropped after a prefix: يجتمع);
 * two letters at least. */
static bayan_status make_key(const char *folded, stem_key *out)
{
    size_t n = strlen(folded);
    size_t k = n ? last_letter(folded, n) : 0;
    if (k == 2 && letters(folded, n) > 2 &&
        (memcmp(folded + n - 2, HEH, 2) == 0 ||
         memcmp(folded + n - 2, YEH, 2) == 0 ||
         memcmp(folded + n - 2, ALEF, 2) == 0 ||
         memcmp(folded + n - 2, HAMZA, 2) == 0))
        n -= 2;
    const char *b = folded;
    if (n > 2 && memcmp(b, ALEF, 2) == 0 && letters(b, n) > 3) {
        b += 2;
        n -= 2;
    }
    out->s = strndup(b, n);
    out->n = n;
    return out->s ? BAYAN_OK : BAYAN_ERR_NOMEM;
}

bayan_status cue_set_use_morph(cue_set *set, const morph *m)
{
    if (!set || !m)
        return BAYAN_OK;
    size_t n = cue_set_stem_words(set, NULL, 0);
    if (n == 0)
        return BAYAN_OK;
    set->stems = calloc(n, sizeof *set->stems);
    set->keys = calloc(n, sizeof *set->keys);
    if (!set->stems || !set->keys)
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; i < set->form_count; i++) {
        const cue_form *f = &set->forms[i];
        if (!f->raw || !cue_stem_safe(set->cues[f->cue].role))
            continue;
        set->stems[set->stem_count++] = (stem_form){f->raw, f->folded, f->cue};
        stem_key k;
        bayan_status st = make_key(f->folded, &k);
        if (st != BAYAN_OK)
            return st;
        set->keys[set->key_count++] = k;
    }
    qsort(set->stems, set->stem_count, sizeof *set->stems, compare_stems);
    qsort(set->keys, set->key_count, sizeof *set->keys, compare_keys);
    set->morph = m;
    return BAYAN_OK;
}

const cue *cue_set_word(const cue_set *set, const char *w, size_t n)
{
    for (size_t i = 0; set && i < set->form_count; i++) {
        const cue_form *f = &set->forms[i];
        if (f->words == 1 && strlen(f->folded) == n &&
            memcmp(f->folded, w, n) == 0)
            return &set->cues[f->cue];
    }
    return NULL;
}
