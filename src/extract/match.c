/* The matcher: lexicon names found in the article's tokens (matching form,
 * see text.h) by walking the lexicon's compiled token trie (lexicon.h).
 * Leftmost, then longest match; no overlaps. The first token of a name may
 * carry proclitics (و ف, then ب ك ل, then ال; لل+X read as ل + الX), later
 * tokens may not. The work per token of text is bounded by the number of
 * proclitic readings times the longest name in tokens, whatever the size
 * of the lexicon. */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

#define ALEF_LAM "\xd8\xa7\xd9\x84" /* ال, restored after لل */
#define LAM_BYTES 2                 /* the article's ل that stays in لل */

/* Readings of one token tried; text_clitic_splits has at most 10. */
#define MAX_SPLITS 32

/* The best name found starting at one token. */
typedef struct hit {
    size_t last;     /* index of its last token */
    size_t skip;     /* bytes of the first token that are proclitics */
    uint32_t value;  /* the trie value (lexicon.h) */
} hit;

/* Whether trie value v is a name that needs a place cue. */
static bool needs_cue(const lexicon *lex, uint32_t v)
{
    const lexicon_entry *en = lexicon_entry_at(lex, v);
    return en && en->cue != PLACE_CUE_NONE;
}

/* Follows the trie from the first token's stem (pieces a + b) over the
 * tokens after it; records in *best the longest name that ends further
 * than best->last. Returns whether it did. */
static bool walk(const lexicon *lex, const text_analysis *a, size_t first,
                 trie_piece head, trie_piece stem, size_t skip, hit *best,
                 bool have, bool plain)
{
    const token_trie *t = lexicon_trie(lex);
    trie_node n = trie_step(t, TRIE_ROOT, trie_token(t, head, stem));
    bool found = false;
    for (size_t k = first; n != TRIE_DEAD;) {
        uint32_t v = trie_value(t, n);
        if (v && plain && needs_cue(lex, v))
            v = 0;
        if (v && (!(have || found) || k > best->last)) {
            *best = (hit){k, skip, v};
            found = true;
        }
        if (++k >= a->token_count)
            break;
        char gap[32];
        size_t g = lexicon_gap_key(a->match, a->tokens[k - 1].match_end,
                                   a->tokens[k].match_begin, gap, sizeof gap);
        if (g == SIZE_MAX)
            break;
        const text_span *tk = &a->tokens[k];
        trie_piece sep = {gap, g};
        trie_piece word = {a->match + tk->match_begin,
                           tk->match_end - tk->match_begin};
        n = trie_step(t, n, trie_token(t, sep, word));
    }
    return found;
}

/* True when split sp of token s strips an article ال (ال, وال, بال ...).
 * Names that take the article are listed with it (العراق, الناتو), so such
 * a reading only finds names that never take it inside other words
 * (المالية read as ال + ماليه, the Maldives' capital). */
static bool takes_article_off(const char *s, const text_split *sp)
{
    size_t n = strlen(ALEF_LAM);
    return !sp->article && sp->prefix_len >= n &&
           memcmp(s + sp->prefix_len - n, ALEF_LAM, n) == 0;
}

/* The longest name starting at token i over all its proclitic readings;
 * ties go to the reading with the longest stem (the unsplit token first).
 * plain: only names that need no cue. */
static bool best_at(const lexicon *lex, const text_analysis *a, size_t i,
                    hit *best, bool plain)
{
    const text_span *tk = &a->tokens[i];
    const char *s = a->match + tk->match_begin;
    size_t len = tk->match_end - tk->match_begin;
    text_split splits[MAX_SPLITS];
    size_t n = text_clitic_splits(s, len, splits, MAX_SPLITS);
    bool have = false;
    trie_piece none = {"", 0}, article = {ALEF_LAM, strlen(ALEF_LAM)};
    for (size_t j = 0; j < n && j < MAX_SPLITS; j++) {
        const text_split *sp = &splits[j];
        if (takes_article_off(s, sp))
            continue;
        if (!sp->article) {
            trie_piece stem = {s + sp->prefix_len, len - sp->prefix_len};
            have |= walk(lex, a, i, none, stem, sp->prefix_len, best, have,
                         plain);
            continue;
        }
        /* لل: ل + الX (للتحالف), or ل + اللX when the noun itself begins
         * with ل (للجنة = ل + اللجنة). Either way the name's own letters
         * begin at the second ل, where the span starts. */
        size_t skip = sp->prefix_len - LAM_BYTES;
        trie_piece stem = {s + sp->prefix_len, len - sp->prefix_len};
        trie_piece lam_stem = {s + skip, len - skip};
        have |= walk(lex, a, i, article, stem, skip, best, have, plain);
        have |= walk(lex, a, i, article, lam_stem, skip, best, have, plain);
    }
    return have;
}

/* ---- names that need a cue ----------------------------------------------
 * A city whose name is also an ordinary word or a person's name is read as
 * a place only when something says so (ontology/lexicon/place-cues.ttl): a
 * word naming a place before it (مدينة، العاصمة) or a dateline (the name
 * opens a line and a dash, colon, bracket or digit follows) for every such
 * city; for a big one (PLACE_CUE_ANY) also a preposition before it (في،
 * إلى) or the proclitic ب or ل on it ("in", "to"). */

#define BA "\xd8\xa8"  /* ب */
#define LAM "\xd9\x84" /* ل */

static bool has_letter(const char *s, size_t n, const char *letter)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == letter[0] && s[i + 1] == letter[1])
            return true;
    return false;
}

/* The proclitics stripped from the name's first token hold ب or ل. */
static bool cue_on_name(const text_analysis *a, size_t i, const hit *h)
{
    const char *s = a->match + a->tokens[i].match_begin;
    return has_letter(s, h->skip, BA) || has_letter(s, h->skip, LAM);
}

static bool only_blanks(const char *s, size_t b, size_t e)
{
    for (size_t k = b; k < e; k++)
        if (s[k] != ' ' && s[k] != '\n')
            return false;
    return true;
}

/* The strongest place cue token i - 1 is, in any of its proclitic
 * readings, with nothing but blanks between it and the name. */
static place_cue_need cue_before(const lexicon *lex, const text_analysis *a,
                                 size_t i)
{
    place_cue_need best = PLACE_CUE_NONE;
    if (i == 0)
        return best;
    const text_span *p = &a->tokens[i - 1];
    if (!only_blanks(a->match, p->match_end, a->tokens[i].match_begin))
        return best;
    const char *w = a->match + p->match_begin;
    size_t len = p->match_end - p->match_begin;
    text_split splits[MAX_SPLITS];
    size_t n = text_clitic_splits(w, len, splits, MAX_SPLITS);
    for (size_t j = 0; j < n && j < MAX_SPLITS; j++) {
        char stem[128];
        size_t k = text_split_stem(w, &splits[j], stem, sizeof stem);
        place_cue_need c = k ? lexicon_place_cue(lex, stem, k)
                             : PLACE_CUE_NONE;
        if (c > best)
            best = c;
    }
    return best;
}

/* The name opens a line and a dash, colon, bracket or digit follows it. */
static bool in_dateline(const text_analysis *a, size_t i, const hit *h)
{
    size_t b = a->tokens[i].match_begin;
    while (b > 0 && a->match[b - 1] == ' ')
        b--;
    if (b > 0 && a->match[b - 1] != '\n')
        return false;
    size_t e = a->tokens[h->last].match_end;
    size_t next = h->last + 1 < a->token_count
                      ? a->tokens[h->last + 1].match_begin
                      : a->match_len;
    for (size_t k = e; k < next; k++) {
        char c = a->match[k];
        if (c == '\n')
            return false;
        if (c == '-' || c == ':' || c == '(' || c == '/' ||
            (unsigned char)c == 0xe2) /* U+2013, U+2014: en and em dash */
            return true;
    }
    return next < a->match_len && a->match[next] >= '0' &&
           a->match[next] <= '9';
}

static bool cue_confirms(const lexicon *lex, const text_analysis *a,
                         size_t i, const hit *h, place_cue_need need)
{
    if (in_dateline(a, i, h))
        return true;
    place_cue_need before = cue_before(lex, a, i);
    if (before == PLACE_CUE_NAMING)
        return true;
    return need == PLACE_CUE_ANY &&
           (before == PLACE_CUE_ANY || cue_on_name(a, i, h));
}

/* Appends the mention for h starting at token i (an entity, not a
 * blocking name). */
static void add_mention(extraction *x, size_t i, const hit *h,
                        const lexicon_entry *en)
{
    mention *mn = &x->mentions[x->mention_count++];
    *mn = (mention){0};
    mn->mb = x->a.tokens[i].match_begin + h->skip;
    mn->me = x->a.tokens[h->last].match_end;
    mn->entry = en;
    text_match_span(&x->a, mn->mb, mn->me, &mn->begin, &mn->end);
}

bayan_status match_lexicon(extraction *x)
{
    const text_analysis *a = &x->a;
    const lexicon *lex = x->env->lexicon;
    x->mentions = NULL;
    x->mention_count = 0;
    if (!lex || !a->token_count || !lexicon_trie(lex))
        return BAYAN_OK;
    /* At most one mention per token. */
    x->mentions = calloc(a->token_count, sizeof *x->mentions);
    if (!x->mentions)
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; i < a->token_count;) {
        hit h;
        if (!best_at(lex, a, i, &h, false)) {
            i++;
            continue;
        }
        const lexicon_entry *en = lexicon_entry_at(lex, h.value);
        /* An ordinary word here: the longest name that needs no cue, if
         * any, else later tokens may start a name. */
        if (en && en->cue && !cue_confirms(lex, a, i, &h, en->cue)) {
            if (!best_at(lex, a, i, &h, true)) {
                i++;
                continue;
            }
            en = lexicon_entry_at(lex, h.value);
        }
        if (en)
            add_mention(x, i, &h, en);
        i = h.last + 1; /* a blocking name consumes its tokens too */
    }
    if (!x->mention_count) {
        free(x->mentions);
        x->mentions = NULL;
    }
    return BAYAN_OK;
}
