/* The matcher: lexicon forms found in the article's matching form (folded,
 * debris removed; see text.h), on word boundaries, allowing the common
 * Arabic proclitics before them. Longest match first, no overlaps. */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

typedef struct match {
    size_t begin, end; /* bytes of the matching form */
    term_id entity;
} match;

typedef struct match_list {
    match *items;
    size_t count, capacity;
} match_list;

static bool push_match(match_list *l, size_t b, size_t e, term_id entity)
{
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? l->capacity * 2 : 64;
        match *items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return false;
        l->items = items;
        l->capacity = cap;
    }
    l->items[l->count++] = (match){b, e, entity};
    return true;
}

/* Arabic letters U+0621..U+064A and the extended block's letters. */
static bool is_arabic_letter(uint32_t cp)
{
    return (cp >= 0x0621 && cp <= 0x064a) || (cp >= 0x0671 && cp <= 0x06d3);
}

static bool is_word_char(uint32_t cp)
{
    return is_arabic_letter(cp) || (cp >= 'a' && cp <= 'z') ||
           (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
}

/* The code point that ends just before byte i, or 0 at the start. */
static uint32_t cp_before(const char *s, size_t i, size_t *start)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
        j--;
    uint32_t cp = 0;
    utf8_decode((const unsigned char *)s + j, i - j, &cp);
    if (start)
        *start = j;
    return cp;
}

/* Proclitics that may stand before a name: waw, faa, baa, laam, kaaf. */
static bool is_proclitic(uint32_t cp)
{
    return cp == 0x0648 || cp == 0x0641 || cp == 0x0628 || cp == 0x0644 ||
           cp == 0x0643;
}

/* True when the form at [b, e) stands as a word, perhaps after up to two
 * proclitic letters. */
static bool on_word_boundary(const char *text, size_t len, size_t b, size_t e)
{
    uint32_t after = 0;
    if (e < len)
        utf8_decode((const unsigned char *)text + e, len - e, &after);
    if (is_word_char(after))
        return false;
    size_t i = b;
    for (int k = 0; k <= 2; k++) {
        size_t start;
        uint32_t before = cp_before(text, i, &start);
        if (!is_word_char(before))
            return true;
        if (k == 2 || !is_proclitic(before))
            return false;
        i = start;
    }
    return false;
}

static int compare_matches(const void *a, const void *b)
{
    const match *x = a, *y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* longer first */
    return (x->entity > y->entity) - (x->entity < y->entity);
}

static bayan_status find_matches(const bayan_engine *e,
                                 const text_analysis *a, match_list *out)
{
    size_t count;
    const lexicon_form *forms = lexicon_forms(e->lexicon, &count);
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(forms[i].folded);
        for (const char *p = strstr(a->match, forms[i].folded); p;
             p = strstr(p + 1, forms[i].folded)) {
            size_t b = (size_t)(p - a->match);
            if (on_word_boundary(a->match, a->match_len, b, b + n) &&
                !push_match(out, b, b + n, forms[i].entity))
                return BAYAN_ERR_NOMEM;
        }
    }
    /* Longest match first; drop matches overlapping a kept one. */
    if (out->count > 1)
        qsort(out->items, out->count, sizeof *out->items, compare_matches);
    size_t kept = 0, reach = 0;
    for (size_t i = 0; i < out->count; i++) {
        if (out->items[i].begin < reach)
            continue;
        out->items[kept++] = out->items[i];
        reach = out->items[i].end;
    }
    out->count = kept;
    return BAYAN_OK;
}

bayan_status match_lexicon(extraction *x)
{
    match_list matches = {NULL, 0, 0};
    bayan_status st = find_matches(x->e, &x->a, &matches);
    if (st == BAYAN_OK && matches.count) {
        x->mentions = calloc(matches.count, sizeof *x->mentions);
        if (!x->mentions)
            st = BAYAN_ERR_NOMEM;
    }
    for (size_t i = 0; st == BAYAN_OK && i < matches.count; i++) {
        const match *mt = &matches.items[i];
        const lexicon_entry *en = lexicon_entry_of(x->e->lexicon, mt->entity);
        if (!en)
            continue;
        mention *mn = &x->mentions[x->mention_count++];
        mn->mb = mt->begin;
        mn->me = mt->end;
        mn->entry = en;
        text_match_span(&x->a, mt->begin, mt->end, &mn->begin, &mn->end);
    }
    free(matches.items);
    return st;
}
