/* Metadata: the news agency or outlet an article credits, written as the
 * article's schema:publisher.
 *
 * An outlet is a lexicon organization also typed schema:NewsMediaOrganization
 * (organizations.ttl). A mention of one credits the article when the text
 * sets it apart the way datelines, bylines and sign-offs do:
 *  - punctuation or a line end on both sides: "روما - واس:", a sign-off line
 *    "الأناضول", "شكري حسين / الأناضول", "(شينخوا)", "( أ ش أ )";
 *  - or a credit cue just before it, read from the lexicon's bayan:creditCue
 *    data: "المصدر: ...", "مراسل الأناضول".
 * An outlet named inside a sentence ("قالت رويترز إن") is only a mention.
 * An outlet the user's metadata table names wins over the text's credits:
 * the lexicon's entry of that name, else a new org/<slug> typed as a news
 * outlet; so does the page's og:site_name when the lexicon knows it.
 * Dates (schema:datePublished) and bylines (schema:author) belong to the
 * meetings and persons stages. */
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/utf8.h"
#include "graph/iri.h"
#include "graph/vocab.h"
#include "text/translit.h"

/* The credit cues of the lexicon, folded like the article text. */
struct credit_cues {
    char **folded;
    size_t count;
};

static void cues_clear(credit_cues *c)
{
    for (size_t i = 0; i < c->count; i++)
        free(c->folded[i]);
    free(c->folded);
    *c = (credit_cues){NULL, 0};
}

/* Reads every bayan:creditCue literal of the lexicon (once per engine). */
static bayan_status cues_load(const lexicon *lex, credit_cues *out)
{
    *out = (credit_cues){NULL, 0};
    const bayan_graph *lg = lexicon_graph(lex);
    term_id cue = graph_find_iri(lg, P_CREDIT_CUE);
    if (!cue)
        return BAYAN_OK;
    size_t n;
    const quad *q = graph_quads(lg, &n);
    size_t want = 0;
    for (size_t i = 0; i < n; i++)
        want += q[i].p == cue;
    out->folded = calloc(want ? want : 1, sizeof *out->folded);
    if (!out->folded)
        return BAYAN_ERR_NOMEM;
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < n; i++) {
        const term *o = graph_term(lg, q[i].o);
        if (q[i].p != cue || o->kind != TERM_LITERAL)
            continue;
        char *f;
        st = text_fold_word(o->value, &f);
        if (f)
            out->folded[out->count++] = f;
    }
    if (st != BAYAN_OK)
        cues_clear(out);
    return st;
}

/* True when the lexicon types en as a news agency or outlet. */
static bool is_outlet(const lexicon *lex, const lexicon_entry *en)
{
    if (en->kind != KIND_ORGANIZATION)
        return false;
    const bayan_graph *lg = lexicon_graph(lex);
    for (size_t i = 0; i < en->quad_count; i++) {
        const term *p = graph_term(lg, en->quads[i].p);
        const term *o = graph_term(lg, en->quads[i].o);
        if (strcmp(p->value, P_TYPE) == 0 &&
            strcmp(o->value, C_NEWS_MEDIA) == 0)
            return true;
    }
    return false;
}

/* The code point that ends just before byte i of s (0 at the start);
 * *start receives where it begins. */
static uint32_t cp_before(const char *s, size_t i, size_t *start)
{
    *start = i;
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
        j--;
    uint32_t cp = 0;
    utf8_decode((const unsigned char *)s + j, i - j, &cp);
    *start = j;
    return cp;
}

/* Punctuation that sets a credit apart: parentheses and guillemets, the
 * colon, the slash, and hyphen, en dash (U+2013) and em dash (U+2014) as
 * datelines use them ("روما - واس:"). A comma does not: it joins lists. */
static bool is_credit_mark(uint32_t cp)
{
    return cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == ':' ||
           cp == '/' || cp == '-' || cp == 0x2013 || cp == 0x2014 ||
           cp == 0x00ab || cp == 0x00bb;
}

/* True when the first non-space code point before byte b is a line start
 * or a credit mark. */
static bool marked_before(const char *m, size_t b)
{
    size_t i = b, start;
    uint32_t cp;
    while ((cp = cp_before(m, i, &start)) == ' ')
        i = start;
    return cp == 0 || cp == '\n' || is_credit_mark(cp);
}

static bool marked_after(const char *m, size_t len, size_t e)
{
    uint32_t cp = 0;
    while (e < len) {
        size_t k = utf8_decode((const unsigned char *)m + e, len - e, &cp);
        if (k == 0 || cp != ' ')
            break;
        e += k;
    }
    return e >= len || cp == '\n' || is_credit_mark(cp);
}

static bool is_letter(uint32_t cp)
{
    return (cp >= 0x0621 && cp <= 0x064a) || (cp >= 0x0671 && cp <= 0x06d3) ||
           (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9');
}

/* Conjunctions and prepositions written onto the cue ("لمراسل"): waw, faa,
 * baa, laam, kaaf. */
static bool is_proclitic(uint32_t cp)
{
    return cp == 0x0648 || cp == 0x0641 || cp == 0x0628 || cp == 0x0644 ||
           cp == 0x0643;
}

/* True when the text before byte b, once spaces, colons and dashes are
 * skipped, ends with one of the cues as a word (perhaps after up to two
 * proclitic letters). */
static bool cued(const char *m, size_t b, const credit_cues *cues)
{
    size_t i = b, start;
    uint32_t cp;
    while ((cp = cp_before(m, i, &start)) == ' ' || cp == ':' || cp == '-' ||
           cp == 0x2013 || cp == 0x2014)
        i = start;
    for (size_t c = 0; c < cues->count; c++) {
        size_t n = strlen(cues->folded[c]);
        if (n > i || memcmp(m + i - n, cues->folded[c], n) != 0)
            continue;
        size_t j = i - n;
        for (int k = 0; k <= 2; k++) {
            uint32_t before = cp_before(m, j, &start);
            if (!is_letter(before))
                return true;
            if (k == 2 || !is_proclitic(before))
                break;
            j = start;
        }
    }
    return false;
}

/* True when the mention stands where an article credits its source. */
static bool credits(const text_analysis *a, const mention *mn,
                    const credit_cues *cues)
{
    if (marked_before(a->match, mn->mb) &&
        marked_after(a->match, a->match_len, mn->me))
        return true;
    return cued(a->match, mn->mb, cues);
}

bayan_status credit_cues_load(const lexicon *lex, credit_cues **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return BAYAN_ERR_NOMEM;
    return lex ? cues_load(lex, *out) : BAYAN_OK;
}

void credit_cues_free(credit_cues *c)
{
    if (c)
        cues_clear(c);
    free(c);
}

/* ---- the outlet a metadata table or the page names -------------------- */

static bool same_name(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

/* The lexicon's outlet called name: by its labels, or by a form folded
 * like the name. */
static const lexicon_entry *outlet_named(const lexicon *lex, const char *name,
                                         const char *folded)
{
    size_t n;
    const lexicon_entry *all = lexicon_entries(lex, &n);
    for (size_t i = 0; i < n; i++)
        if (is_outlet(lex, &all[i]) && (same_name(all[i].label_ar, name) ||
                                        same_name(all[i].label_en, name)))
            return &all[i];
    const lexicon_form *forms = lexicon_forms(lex, &n);
    for (size_t i = 0; folded && i < n; i++)
        if (strcmp(forms[i].folded, folded) == 0) {
            const lexicon_entry *en = lexicon_find(lex, forms[i].iri);
            if (en && is_outlet(lex, en))
                return en;
        }
    return NULL;
}

static bool has_arabic(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p == 0xd8 || *p == 0xd9 || *p == 0xda || *p == 0xdb)
            return true;
    return false;
}

/* An outlet the lexicon does not know: org/<slug of its name>, typed and
 * labelled as the table or the page names it. */
static bayan_status add_unknown_outlet(extraction *x, const char *name)
{
    char *slug = NULL;
    bayan_status st = text_romanized_slug(name, &slug);
    if (st != BAYAN_OK || !*slug) {
        free(slug);
        return st; /* a name with no letter or digit names nothing */
    }
    char path[160];
    snprintf(path, sizeof path, "org/%.120s", slug);
    free(slug);
    char *iri = iri_mint(x->env->base, path);
    if (!iri)
        return BAYAN_ERR_NOMEM;
    const char *a = x->ids->article;
    (void)((st = graph_add_iri(x->g, a, iri, P_TYPE, C_ORGANIZATION)) ||
           (st = graph_add_iri(x->g, a, iri, P_TYPE, C_NEWS_MEDIA)) ||
           (st = graph_add_literal(x->g, a, iri, P_LABEL, name, NULL,
                                   has_arabic(name) ? "ar" : "en")) ||
           (st = graph_add_iri(x->g, a, iri, P_DERIVED_FROM, a)) ||
           (st = graph_add_iri(x->g, a, a, P_PUBLISHER, iri)));
    free(iri);
    return st;
}

/* The outlet the user's metadata table names, else the page's
 * og:site_name when the lexicon knows it as an outlet (a site's own name
 * may be anything: "Home", a slogan), as schema:publisher. Sets
 * x->publisher for the later stages; *done tells whether one was found. */
static bayan_status metadata_outlet(extraction *x, bool *done)
{
    bool table = x->doc->outlet && *x->doc->outlet;
    const char *name = table ? x->doc->outlet : x->doc->site_name;
    *done = false;
    if (!name || !*name)
        return BAYAN_OK;
    char *folded = NULL;
    bayan_status st = text_fold_word(name, &folded);
    if (st != BAYAN_OK)
        return st;
    const lexicon_entry *en =
        x->env->lexicon ? outlet_named(x->env->lexicon, name, folded) : NULL;
    free(folded);
    if (!en && !table)
        return BAYAN_OK;
    *done = true;
    if (!en)
        return add_unknown_outlet(x, name);
    const char *a = x->ids->article;
    x->publisher = en;
    (void)((st = graph_add_iri(x->g, a, a, P_PUBLISHER, en->iri)) ||
           (st = extract_add_entry_description(x, en)));
    return st;
}

bayan_status extract_metadata(extraction *x)
{
    bool done = false;
    bayan_status st = metadata_outlet(x, &done);
    if (st != BAYAN_OK || done)
        return st;
    const lexicon *lex = x->env->lexicon;
    const credit_cues *cues = x->env->credit_words;
    if (!cues)
        return BAYAN_OK;
    for (size_t i = 0; st == BAYAN_OK && i < x->mention_count; i++) {
        const mention *mn = &x->mentions[i];
        if (mn->dropped || !is_outlet(lex, mn->entry) ||
            !credits(&x->a, mn, cues))
            continue;
        st = graph_add_iri(x->g, x->ids->article, x->ids->article, P_PUBLISHER,
                           mn->entry->iri);
        if (!x->publisher)
            x->publisher = mn->entry;
    }
    return st;
}
