/* Bodies named without their state. A news article from a state's own
 * outlet writes "قالت وزارة الخارجية في بيان" and means that state's
 * ministry. A ministry's bare name (bayan:bareForm, made by
 * tools/gen_orgs.py) standing alone is read as the ministry of the state
 * the article speaks for: the state of the outlet it credits (bayan:bodyOf
 * of its publisher), else the state it mentions most (the first of them on
 * a tie). A bare name inside a longer name the matcher found
 * ("وزارة الخارجية العراقية") is that name's, not a second mention. */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

/* Readings of one token tried; text_clitic_splits has at most 27. */
#define MAX_SPLITS 32

/* A state mention: its IRI id and its place among the mentions. */
typedef struct state_seen {
    term_id id;
    size_t first;
} state_seen;

static int compare_seen(const void *a, const void *b)
{
    const state_seen *x = a, *y = b;
    if (x->id != y->id)
        return (x->id > y->id) - (x->id < y->id);
    return (x->first > y->first) - (x->first < y->first);
}

/* The state the article mentions most, the first of them on a tie; 0 when
 * it names none. *st: BAYAN_ERR_NOMEM when out of memory. */
static term_id most_mentioned(const extraction *x, bayan_status *st)
{
    state_seen *seen = calloc(x->mention_count + 1, sizeof *seen);
    if (!seen) {
        *st = BAYAN_ERR_NOMEM;
        return 0;
    }
    size_t n = 0;
    for (size_t i = 0; i < x->mention_count; i++)
        if (!x->mentions[i].dropped &&
            x->mentions[i].entry->kind == KIND_STATE)
            seen[n++] = (state_seen){x->mentions[i].entry->id, i};
    qsort(seen, n, sizeof *seen, compare_seen);
    term_id best = 0;
    size_t best_count = 0, best_first = SIZE_MAX;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && seen[j].id == seen[i].id;)
            j++;
        size_t count = j - i; /* seen[i] is the run's first mention */
        if (count > best_count ||
            (count == best_count && seen[i].first < best_first)) {
            best = seen[i].id;
            best_count = count;
            best_first = seen[i].first;
        }
    }
    free(seen);
    return best;
}

/* The state the article speaks for (its IRI id in the lexicon graph), or
 * 0 when it names none. */
static term_id speaking_state(const extraction *x, bayan_status *st)
{
    if (x->publisher && x->publisher->body_of)
        return x->publisher->body_of;
    return most_mentioned(x, st);
}

/* Per token: true when a lexicon mention covers it. A new array (free()),
 * or NULL when out of memory. */
static bool *covered_tokens(const extraction *x)
{
    const text_analysis *a = &x->a;
    bool *cov = calloc(a->token_count ? a->token_count : 1, sizeof *cov);
    if (!cov)
        return NULL;
    size_t m = 0;
    for (size_t t = 0; t < a->token_count; t++) {
        while (m < x->mention_count && x->mentions[m].me <= a->tokens[t].match_begin)
            m++;
        cov[t] = m < x->mention_count && !x->mentions[m].dropped &&
                 x->mentions[m].mb < a->tokens[t].match_end;
    }
    return cov;
}

/* Whether token t, without the proclitics of one of its readings, is the
 * word w (n bytes); *skip receives the proclitics' bytes. */
static bool first_word(const text_analysis *a, size_t t, const char *w,
                       size_t n, size_t *skip)
{
    const char *s = a->match + a->tokens[t].match_begin;
    size_t len = a->tokens[t].match_end - a->tokens[t].match_begin;
    if (len < n || memcmp(s + len - n, w, n) != 0)
        return false; /* the stem ends the token: most tokens stop here */
    text_split splits[MAX_SPLITS];
    size_t k = text_clitic_splits(s, len, splits, MAX_SPLITS);
    for (size_t j = 0; j < k && j < MAX_SPLITS; j++) {
        const text_split *sp = &splits[j];
        if (sp->article) /* a restored ال is no stem of the text's own */
            continue;
        if (len - sp->prefix_len == n &&
            memcmp(s + sp->prefix_len, w, n) == 0) {
            *skip = sp->prefix_len;
            return true;
        }
    }
    return false;
}

/* The number of tokens the folded bare form takes at token t (its words
 * one a token, blanks between), or 0; *skip as in first_word. */
static size_t bare_at(const text_analysis *a, const bool *cov, size_t t,
                      const char *form, size_t *skip)
{
    size_t k = 0;
    for (const char *w = form; *w; k++) {
        const char *end = strchr(w, ' ');
        size_t n = end ? (size_t)(end - w) : strlen(w);
        size_t i = t + k;
        if (i >= a->token_count || cov[i])
            return 0;
        if (k == 0 && !first_word(a, i, w, n, skip))
            return 0;
        if (k > 0) {
            const text_span *p = &a->tokens[i - 1], *c = &a->tokens[i];
            for (size_t b = p->match_end; b < c->match_begin; b++)
                if (a->match[b] != ' ')
                    return 0;
            if (c->match_end - c->match_begin != n ||
                memcmp(a->match + c->match_begin, w, n) != 0)
                return 0;
        }
        w += n;
        while (*w == ' ')
            w++;
    }
    return k;
}

bayan_status extract_bare_bodies(extraction *x)
{
    const lexicon *lex = x->env->lexicon;
    size_t nforms = 0;
    const char *const *forms = lex ? lexicon_bare_forms(lex, &nforms) : NULL;
    bayan_status st = BAYAN_OK;
    term_id state = nforms ? speaking_state(x, &st) : 0;
    if (!state)
        return st;
    bool *cov = covered_tokens(x);
    if (!cov)
        return BAYAN_ERR_NOMEM;
    const text_analysis *a = &x->a;
    size_t *first_len = malloc((nforms ? nforms : 1) * sizeof *first_len);
    if (!first_len) {
        free(cov);
        return BAYAN_ERR_NOMEM;
    }
    for (size_t f = 0; f < nforms; f++)
        first_len[f] = strcspn(forms[f], " ");
    for (size_t t = 0; st == BAYAN_OK && t < a->token_count; t++) {
        if (cov[t])
            continue; /* bare_at's first test, for every form */
        const char *tok = a->match + a->tokens[t].match_begin;
        size_t len = a->tokens[t].match_end - a->tokens[t].match_begin;
        for (size_t f = 0; f < nforms; f++) {
            /* first_word's first test, before bare_at splits the form:
             * the token ends with the form's first word */
            size_t n = first_len[f];
            if (len < n || memcmp(tok + len - n, forms[f], n) != 0)
                continue;
            size_t skip = 0, k = bare_at(a, cov, t, forms[f], &skip);
            const lexicon_entry *en =
                k ? lexicon_bare_body(lex, forms[f], state) : NULL;
            if (!en)
                continue;
            size_t begin, end;
            text_match_span(a, a->tokens[t].match_begin + skip,
                            a->tokens[t + k - 1].match_end, &begin, &end);
            st = extract_add_entry_mention(x, begin, end, en);
            t += k - 1;
            break;
        }
    }
    free(first_len);
    free(cov);
    return st;
}
