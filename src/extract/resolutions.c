/* Resolutions: numbered resolutions ("قرار مجلس الأمن رقم 2254", "قراري
 * مجلس الأمن 2170 و2178", "القرار 2254") and their issuers. The words
 * around them and the issuing bodies are data, read from the lexicon graph
 * (ontology/lexicon/resolutions.ttl); this file holds only the grammar.
 *
 * A resolution is a number that follows a resolution word, perhaps after
 * the issuer's name, filler adjectives or a "number" word, and the numbers
 * listed after it ("و2178", "، 2199"); years ("(2015)", "لعام 2015") are
 * skipped. The issuer is the one named between the word and the number or
 * just after the list, else the one an adjective names ("القرار الأممي"),
 * else the one the same number had elsewhere in the article, else the
 * nearest issuer named in the sentence, then in the article. */
#include "extract/resolutions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "graph/iri.h"
#include "graph/vocab.h"

/* Tokens scanned between a resolution word and its number. */
#define MAX_GAP 8
/* Tokens scanned after a list of numbers for the issuer's name. */
#define MAX_AFTER 4
/* Digits of a resolution number. */
#define MAX_DIGITS 6
/* Digits of a number listed after the first one. */
#define MIN_LISTED 3

/* ---- tokens ------------------------------------------------------------- */

/* What one token of the article is to this stage. */
typedef struct tok_info {
    unsigned roles;     /* bit (1 << word_role) per role a reading has */
    size_t issuer_word; /* the issuer a W_ISSUER reading names */
    size_t stem_at;     /* bytes of proclitics before a resolution word */
    size_t digits_at;   /* a number: bytes before its digits (0, or 2 for a
                           joined و); NONE when not a number */
    size_t mention;     /* index in x->mentions covering it, or NONE */
} tok_info;

#define WAW "\xd9\x88" /* U+0648 و, "and", joined to the next word */

static bool all_digits(const char *s, size_t n)
{
    if (n == 0 || n > MAX_DIGITS)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Digits come folded to ASCII (text.h), whatever script they were in. */
static size_t digits_at(const char *t, size_t n)
{
    if (all_digits(t, n))
        return 0;
    size_t w = strlen(WAW);
    if (n > w && memcmp(t, WAW, w) == 0 && all_digits(t + w, n - w))
        return w;
    return NONE;
}

/* Reads the token's proclitic splits against the word list. */
static void classify_words(const rules *r, const char *t, size_t n,
                           tok_info *info)
{
    text_split splits[32];
    size_t count = text_clitic_splits(t, n, splits, 32);
    if (count > 32)
        count = 32;
    char stem[128];
    for (size_t s = 0; s < count; s++) {
        if (!text_split_stem(t, &splits[s], stem, sizeof stem))
            continue;
        for (size_t w = 0; w < r->word_count; w++) {
            const cue_word *cw = &r->words[w];
            unsigned bit = 1u << cw->role;
            /* the first two bytes decide almost every word, without a
             * call (stem is never empty) */
            if ((info->roles & bit) || cw->folded[0] != stem[0] ||
                cw->folded[1] != stem[1] || strcmp(stem, cw->folded) != 0)
                continue;
            info->roles |= bit;
            if (cw->role == W_RESOLUTION)
                info->stem_at = splits[s].prefix_len;
            if (cw->role == W_ISSUER)
                info->issuer_word = cw->issuer;
        }
    }
}

/* One tok_info per token (a new array, or NULL when out of memory). */
static tok_info *classify_tokens(const extraction *x, const rules *r)
{
    const text_analysis *a = &x->a;
    tok_info *info = calloc(a->token_count ? a->token_count : 1,
                            sizeof *info);
    if (!info)
        return NULL;
    size_t m = 0;
    for (size_t i = 0; i < a->token_count; i++) {
        const text_span *tk = &a->tokens[i];
        const char *t = a->match + tk->match_begin;
        size_t n = tk->match_end - tk->match_begin;
        info[i].issuer_word = NONE;
        info[i].mention = NONE;
        info[i].digits_at = digits_at(t, n);
        if (info[i].digits_at == NONE)
            classify_words(r, t, n, &info[i]);
        while (m < x->mention_count && x->mentions[m].me <= tk->match_begin)
            m++;
        for (size_t k = m; k < x->mention_count &&
                           x->mentions[k].mb < tk->match_end;
             k++)
            if (!x->mentions[k].dropped) {
                info[i].mention = k;
                break;
            }
    }
    return info;
}

/* ---- phrases ------------------------------------------------------------ */

/* One resolution number found in the text. */
typedef struct candidate {
    char number[MAX_DIGITS + 1];
    size_t phrase;  /* the resolution word's token (shared by a list) */
    size_t token;   /* the number's token */
    size_t issuer;  /* index in rules.issuers, or NONE */
    bool explicit_; /* the issuer is named in the phrase itself */
} candidate;

typedef struct cand_list {
    candidate *items;
    size_t count, cap;
} cand_list;

/* What a phrase scan sees; shared by its helpers. */
typedef struct scan {
    const extraction *x;
    const rules *r;
    const tok_info *info;
    size_t n; /* tokens */
} scan;

static const text_span *tok(const scan *s, size_t i)
{
    return &s->x->a.tokens[i];
}

static bool is_plain_number(const scan *s, size_t i)
{
    return i < s->n && s->info[i].digits_at == 0;
}

static bool has_role(const scan *s, size_t i, word_role role)
{
    return i < s->n && (s->info[i].roles & (1u << role));
}

/* True when the text between tokens i and i + 1 ends a sentence or a
 * clause that a phrase cannot cross. */
static bool breaks_after(const scan *s, size_t i)
{
    const char *m = s->x->a.match;
    for (size_t b = tok(s, i)->match_end; b < tok(s, i + 1)->match_begin; b++)
        if (strchr("\n.!?;:", m[b]))
            return true;
    return false;
}

/* The text between tokens i and i + 1 holds character c. */
static bool gap_has(const scan *s, size_t i, char c)
{
    const char *m = s->x->a.match;
    for (size_t b = tok(s, i)->match_end; b < tok(s, i + 1)->match_begin; b++)
        if (m[b] == c)
            return true;
    return false;
}

/* The issuer an organization mention names (primary only when
 * primary_only), or NONE. */
static size_t issuer_of_mention(const scan *s, size_t k,
                                bool primary_only)
{
    const char *iri = s->x->mentions[k].entry->iri;
    for (size_t i = 0; i < s->r->org_count; i++) {
        const org_cue *c = &s->r->orgs[i];
        if ((c->primary || !primary_only) && strcmp(c->org, iri) == 0 &&
            resolution_issuer_usable(&s->r->issuers[c->issuer]))
            return c->issuer;
    }
    return NONE;
}

/* The last token of the mention token i is in. */
static size_t mention_end(const scan *s, size_t i)
{
    while (i + 1 < s->n && s->info[i + 1].mention == s->info[i].mention)
        i++;
    return i;
}

/* What lies between a resolution word and its number. */
typedef struct gap {
    size_t named;     /* issuer named by an organization in the gap */
    size_t adjective; /* issuer named by an adjective */
    bool foreign;     /* another body or a state: not this kind of phrase */
    size_t unknown;   /* words that are none of the above */
    bool after_number_word;
} gap;

/* Takes in the mention at token *j; false when it rules the phrase out. */
static bool gap_mention(const scan *s, size_t *j, gap *g)
{
    size_t k = s->info[*j].mention;
    size_t is = issuer_of_mention(s, k, false);
    entity_kind kind = s->x->mentions[k].entry->kind;
    if (is != NONE && g->named == NONE)
        g->named = is;
    else if (is == NONE && kind == KIND_ORGANIZATION)
        return false; /* "قرار الحكومة ..." is some other body's */
    else if (is == NONE)
        g->foreign = true;
    *j = mention_end(s, *j);
    g->after_number_word = false;
    return true;
}

/* Takes in the word at token *j; the year after a year word is skipped. */
static void gap_word(const scan *s, size_t *j, gap *g)
{
    size_t i = *j;
    bool number_word = has_role(s, i, W_NUMBER);
    if (has_role(s, i, W_YEAR) && is_plain_number(s, i + 1))
        *j = i + 1;
    else if (has_role(s, i, W_ISSUER) && g->adjective == NONE)
        g->adjective = s->info[i].issuer_word;
    else if (!number_word && !has_role(s, i, W_FILLER) &&
             !has_role(s, i, W_ISSUER))
        g->unknown++;
    g->after_number_word = number_word;
}

/* The token of the number the resolution word at token w introduces, or
 * NONE; g receives what stood between them. Unlisted words are allowed
 * only when a "number" word comes right before the number. */
static size_t find_number(const scan *s, size_t w, gap *g)
{
    *g = (gap){.named = NONE, .adjective = NONE};
    for (size_t j = w + 1; j < s->n && j <= w + MAX_GAP; j++) {
        if (breaks_after(s, j - 1))
            return NONE;
        if (s->info[j].mention != NONE) {
            if (!gap_mention(s, &j, g))
                return NONE;
            continue;
        }
        if (is_plain_number(s, j)) {
            bool ok = g->unknown == 0 || g->after_number_word;
            if (g->foreign && g->named == NONE && g->adjective == NONE)
                ok = false; /* "قرار <state> 5": that state's decision */
            return ok ? j : NONE;
        }
        if (has_role(s, j, W_RESOLUTION) || s->info[j].digits_at != NONE)
            return NONE;
        gap_word(s, &j, g);
    }
    return NONE;
}

/* The year after number token k, "(2015)" or "لعام 2015": the token of
 * the year, or NONE. */
static size_t year_after(const scan *s, size_t k)
{
    size_t j = k + 1;
    if (j >= s->n || breaks_after(s, k))
        return NONE;
    if (is_plain_number(s, j) && gap_has(s, k, '(') &&
        tok(s, j)->match_end - tok(s, j)->match_begin == 4 &&
        s->x->a.match[tok(s, j)->match_end] == ')')
        return j;
    if (has_role(s, j, W_YEAR) && is_plain_number(s, j + 1) &&
        !breaks_after(s, j))
        return j + 1;
    return NONE;
}

/* The next number of a list after token *k ("و2178", "و 2178",
 * "، 2178"), or NONE; *k moves past any year in between. */
static size_t list_follower(const scan *s, size_t *k)
{
    for (size_t y = year_after(s, *k); y != NONE; y = year_after(s, *k))
        *k = y;
    size_t j = *k + 1;
    if (j >= s->n || breaks_after(s, *k))
        return NONE;
    if (s->info[j].digits_at != NONE && s->info[j].digits_at > 0)
        return j;
    if (is_plain_number(s, j) && gap_has(s, *k, ','))
        return j;
    const text_span *t = tok(s, j);
    size_t len = t->match_end - t->match_begin;
    if (len == strlen(WAW) &&
        memcmp(s->x->a.match + t->match_begin, WAW, len) == 0 &&
        is_plain_number(s, j + 1) && !breaks_after(s, j))
        return j + 1;
    return NONE;
}

/* list_follower, kept only when it has MIN_LISTED digits or more: after
 * "القرار 2254" a small number ("و15 دولة") counts something else. */
static size_t next_in_list(const scan *s, size_t *k)
{
    size_t j = list_follower(s, k);
    if (j == NONE)
        return NONE;
    const text_span *t = tok(s, j);
    size_t digits = t->match_end - t->match_begin - s->info[j].digits_at;
    return digits >= MIN_LISTED ? j : NONE;
}

/* The issuer named just after the list ending at token k ("... 2254
 * الصادر عن مجلس الأمن"), or NONE. */
static size_t issuer_after(const scan *s, size_t k)
{
    for (size_t j = k + 1; j < s->n && j <= k + MAX_AFTER; j++) {
        if (breaks_after(s, j - 1))
            return NONE;
        if (s->info[j].mention != NONE)
            return issuer_of_mention(s, s->info[j].mention, true);
        if (!has_role(s, j, W_LINK))
            return NONE;
    }
    return NONE;
}

static bayan_status push_candidate(cand_list *l, const scan *s, size_t w,
                                   size_t j)
{
    if (!array_grow((void **)&l->items, l->count, &l->cap, sizeof *l->items))
        return BAYAN_ERR_NOMEM;
    candidate *c = &l->items[l->count++];
    *c = (candidate){.phrase = w, .token = j, .issuer = NONE};
    const text_span *t = tok(s, j);
    size_t at = t->match_begin + s->info[j].digits_at;
    size_t n = t->match_end - at;
    memcpy(c->number, s->x->a.match + at, n);
    c->number[n] = '\0';
    return BAYAN_OK;
}

/* Reads the phrase at resolution word w; *last receives its last token. */
static bayan_status read_phrase(const scan *s, size_t w, cand_list *l,
                                size_t *last)
{
    gap g;
    size_t j = find_number(s, w, &g);
    *last = w;
    if (j == NONE)
        return BAYAN_OK;
    size_t first = l->count;
    for (;;) {
        bayan_status st = push_candidate(l, s, w, j);
        if (st != BAYAN_OK)
            return st;
        size_t next = next_in_list(s, &j); /* j moves past years */
        if (next == NONE)
            break;
        j = next;
    }
    *last = j;
    size_t is = g.named != NONE ? g.named : issuer_after(s, j);
    bool explicit_ = is != NONE;
    if (is == NONE)
        is = g.adjective;
    for (size_t i = first; i < l->count; i++) {
        l->items[i].issuer = is;
        l->items[i].explicit_ = explicit_;
    }
    return BAYAN_OK;
}

static bayan_status find_candidates(const scan *s, cand_list *l)
{
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < s->n; i++) {
        if (!has_role(s, i, W_RESOLUTION))
            continue;
        size_t last;
        st = read_phrase(s, i, l, &last);
        if (last > i)
            i = last;
    }
    return st;
}

/* ---- issuers from context ----------------------------------------------- */

/* The sentence holding match byte b, or NONE. */
static size_t sentence_of(const text_analysis *a, size_t b)
{
    size_t lo = text_span_after(a->sentences, a->sentence_count, b);
    return lo < a->sentence_count && a->sentences[lo].match_begin <= b
               ? lo
               : NONE;
}

/* The issuer named nearest to match byte at: in the same sentence if any
 * (either side), else the nearest before, else the nearest after. */
static size_t issuer_nearby(const scan *s, size_t at)
{
    const extraction *x = s->x;
    size_t sent = sentence_of(&x->a, at);
    size_t best = NONE, best_dist = SIZE_MAX, before = NONE, after = NONE;
    for (size_t k = 0; k < x->mention_count; k++) {
        const mention *m = &x->mentions[k];
        size_t is = m->dropped ? NONE : issuer_of_mention(s, k, true);
        if (is == NONE)
            continue;
        size_t dist = m->mb > at ? m->mb - at : at - m->mb;
        if (sent != NONE && sentence_of(&x->a, m->mb) == sent &&
            dist < best_dist) {
            best = is;
            best_dist = dist;
        }
        if (m->mb < at)
            before = is;
        else if (after == NONE)
            after = is;
    }
    if (best != NONE)
        return best;
    return before != NONE ? before : after;
}

/* Gives every phrase without an issuer one: the issuer the same number
 * had where it was named, else the nearest named issuer. Numbers of one
 * list share their phrase's issuer. */
static void infer_issuers(const scan *s, cand_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        candidate *c = &l->items[i];
        if (c->issuer != NONE)
            continue;
        if (i > 0 && l->items[i - 1].phrase == c->phrase) {
            c->issuer = l->items[i - 1].issuer;
            continue;
        }
        for (size_t k = 0; k < l->count && c->issuer == NONE; k++)
            if (l->items[k].explicit_ &&
                strcmp(l->items[k].number, c->number) == 0)
                c->issuer = l->items[k].issuer;
        if (c->issuer == NONE)
            c->issuer = issuer_nearby(s, tok(s, c->phrase)->match_begin);
    }
}

/* ---- output ------------------------------------------------------------- */

/* "<label> <number>", a new string. */
static char *joined(const char *label, const char *number)
{
    size_t n = strlen(label) + strlen(number) + 2;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "%s %s", label, number);
    return out;
}

/* The resolution node: type, number, issuer, labels; the issuer is typed
 * and labelled too, in case the text never names it. */
static bayan_status describe(extraction *x, const issuer_rule *is,
                             const char *iri, const char *number,
                             const char *label_ar)
{
    const char *a = x->ids->article;
    char *label_en = is->label_en ? joined(is->label_en, number) : NULL;
    if (is->label_en && !label_en)
        return BAYAN_ERR_NOMEM;
    const lexicon_entry *org = lexicon_find(x->env->lexicon, is->org);
    bayan_status st;
    (void)((st = graph_add_iri(x->g, a, iri, P_TYPE, C_RESOLUTION)) ||
           (st = graph_add_literal(x->g, a, iri, P_NUMBER, number, NULL,
                                   NULL)) ||
           (st = graph_add_iri(x->g, a, iri, P_ISSUED_BY, is->org)) ||
           (st = graph_add_literal(x->g, a, iri, P_LABEL, label_ar, NULL,
                                   "ar")) ||
           (label_en && (st = graph_add_literal(x->g, a, iri, P_LABEL,
                                                label_en, NULL, "en"))) ||
           (st = graph_add_iri(x->g, a, is->org, P_TYPE, C_ORGANIZATION)) ||
           (org && org->label_ar &&
            (st = graph_add_literal(x->g, a, is->org, P_LABEL, org->label_ar,
                                    NULL, "ar"))) ||
           (org && org->label_en &&
            (st = graph_add_literal(x->g, a, is->org, P_LABEL, org->label_en,
                                    NULL, "en"))));
    free(label_en);
    return st;
}

/* The mention's bytes of the matching form: from the resolution word
 * (proclitics left out) to the number for the first number of a phrase,
 * the number alone for the others. */
static void mention_bytes(const scan *s, const cand_list *l, size_t i,
                          size_t *mb, size_t *me)
{
    const candidate *c = &l->items[i];
    const text_span *t = tok(s, c->token);
    bool first = i == 0 || l->items[i - 1].phrase != c->phrase;
    *me = t->match_end;
    if (first)
        *mb = tok(s, c->phrase)->match_begin + s->info[c->phrase].stem_at;
    else
        *mb = t->match_begin + s->info[c->token].digits_at;
}

/* True when only spaces separate the words of tokens [from, to]: the
 * phrase then reads as a name ("قرار مجلس الأمن رقم 2254"), not one cut
 * through quotes or brackets. */
static bool reads_as_name(const scan *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        for (size_t b = tok(s, i)->match_end; b < tok(s, i + 1)->match_begin;
             b++)
            if (s->x->a.match[b] != ' ')
                return false;
    return true;
}

static bayan_status emit(const scan *s, extraction *x, const cand_list *l,
                         size_t i)
{
    const candidate *c = &l->items[i];
    const issuer_rule *is = &s->r->issuers[c->issuer];
    size_t n = strlen("resolution/") + strlen(is->slug) + 1 +
               strlen(c->number) + 1;
    char *path = malloc(n);
    if (!path)
        return BAYAN_ERR_NOMEM;
    snprintf(path, n, "resolution/%s-%s", is->slug, c->number);
    char *iri = iri_mint(x->env->base, path);
    char *label_ar = joined(is->label_ar, c->number);
    free(path);
    bayan_status st = iri && label_ar ? BAYAN_OK : BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK)
        st = describe(x, is, iri, c->number, label_ar);
    size_t mb, me, begin, end;
    mention_bytes(s, l, i, &mb, &me);
    text_match_span(&x->a, mb, me, &begin, &end);
    bool first = i == 0 || l->items[i - 1].phrase != c->phrase;
    /* A phrase's surface form is a fair alternative label; a bare number
     * from a list is not. */
    if (st == BAYAN_OK && first && reads_as_name(s, c->phrase, c->token))
        st = extract_add_mention(x, begin, end, iri, label_ar);
    else if (st == BAYAN_OK)
        st = article_add_mention(x->doc, x->ids, x->g, begin, end, iri);
    free(label_ar);
    if (st != BAYAN_OK) {
        free(iri);
        return st;
    }
    return found_push(&x->resolutions,
                      (found_entity){mb, me, begin, end, iri,
                                     KIND_RESOLUTION});
}

bayan_status extract_resolutions(extraction *x)
{
    const rules *r = x->env->resolution_words;
    if (!r || x->a.token_count == 0)
        return BAYAN_OK;
    cand_list l = {NULL, 0, 0};
    tok_info *info = NULL;
    bayan_status st = BAYAN_OK;
    if (r->issuer_count) {
        info = classify_tokens(x, r);
        if (!info)
            st = BAYAN_ERR_NOMEM;
    }
    scan s = {x, r, info, x->a.token_count};
    if (st == BAYAN_OK && info)
        st = find_candidates(&s, &l);
    if (st == BAYAN_OK)
        infer_issuers(&s, &l);
    for (size_t i = 0; st == BAYAN_OK && i < l.count; i++)
        if (l.items[i].issuer != NONE &&
            resolution_issuer_usable(&r->issuers[l.items[i].issuer]))
            st = emit(&s, x, &l, i);
    free(l.items);
    free(info);
    return st;
}
