/* Persons: from names to people. Names of one article that are forms of
 * one another (a surname, a shorter form) are one person; later bare
 * surnames are found; each person gets an IRI from its identity: the
 * lexicon's IRI for a known person, else person/<slug> of the romanized
 * longest form (translit.h), so that the same name in two articles is one
 * node; an English label, the lexicon's or that romanization. Then everything is written to the article's graph. */
#include "extract/persons.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/translit.h"
#include "core/utf8.h"
#include "graph/vocab.h"
#include "graph/iri.h"

typedef struct person {
    const lexicon_entry *known;
    char *folded; /* the longest form, in the matching form (owned) */
    size_t canon; /* index of that form's name */
    char *iri;
    char *label_ar; /* the Arabic label (owned) */
    char *label_en; /* the English label: the lexicon's or a romanization */
    bool byline_only; /* named only in a byline: no bare surnames */
    size_t last_mb;   /* where its latest name so far begins */
} person;

typedef struct people {
    person *items;
    size_t count;
} people;

static void people_clear(people *p)
{
    for (size_t i = 0; i < p->count; i++) {
        free(p->items[i].folded);
        free(p->items[i].iri);
        free(p->items[i].label_ar);
        free(p->items[i].label_en);
    }
    free(p->items);
}

#define AL "\xd8\xa7\xd9\x84"

/* The next word of s from *i (spaces and full stops separate words);
 * a leading ال is skipped so that "الناصر" equals "ناصر". */
static bool next_word(const char *s, size_t *i, const char **w, size_t *n)
{
    while (s[*i] == ' ' || s[*i] == '.')
        (*i)++;
    if (!s[*i])
        return false;
    size_t b = *i;
    while (s[*i] && s[*i] != ' ' && s[*i] != '.')
        (*i)++;
    *w = s + b;
    *n = *i - b;
    if (*n > 6 && memcmp(*w, AL, 4) == 0) {
        *w += 4;
        *n -= 4;
    }
    return true;
}

static size_t word_count(const char *s)
{
    size_t i = 0, n, k = 0;
    const char *w;
    while (next_word(s, &i, &w, &n))
        k++;
    return k;
}

/* The last word of s (without ال). */
static void last_word(const char *s, const char **lw, size_t *ln)
{
    size_t i = 0, n;
    const char *w;
    *lw = s;
    *ln = 0;
    while (next_word(s, &i, &w, &n)) {
        *lw = w;
        *ln = n;
    }
}

/* True when short's words appear in long_ in order, and a one-word short
 * is long_'s last word (a surname, not a given name). */
static bool form_of(const char *short_, const char *long_)
{
    size_t ks = word_count(short_), kl = word_count(long_);
    if (ks == 0 || ks > kl)
        return false;
    if (ks == 1) {
        const char *a, *b;
        size_t an, bn;
        last_word(short_, &a, &an);
        last_word(long_, &b, &bn);
        return an == bn && memcmp(a, b, an) == 0;
    }
    size_t i = 0, j = 0, n, m;
    const char *w, *v;
    while (next_word(short_, &i, &w, &n)) {
        bool found = false;
        while (!found && next_word(long_, &j, &v, &m))
            found = n == m && memcmp(w, v, n) == 0;
        if (!found)
            return false;
    }
    return true;
}

static char *folded_name(const extraction *x, const pname *n)
{
    if (n->known && n->known->label_ar) {
        char *f;
        text_fold_word(n->known->label_ar, &f);
        return f; /* NULL: out of memory (a label never folds to nothing) */
    }
    return strndup(x->a.match + n->mb, n->me - n->mb);
}

/* Whether name nm (folded f) names person q. */
static bool names_person(const pname *nm, const char *f, const person *q)
{
    if (nm->known && q->known)
        return q->known == nm->known;
    return form_of(f, q->folded) || form_of(q->folded, f);
}

/* The person that name k joins, or a new one. Names come in text order;
 * when several people fit (a bare surname two of them share), the one
 * named last before it: two people sharing a surname stay two. */
static bayan_status assign(const extraction *x, people *p, pname *nm,
                           size_t k)
{
    char *f = folded_name(x, nm);
    if (!f)
        return BAYAN_ERR_NOMEM;
    long best = -1;
    for (size_t i = 0; i < p->count; i++)
        if (names_person(nm, f, &p->items[i]) &&
            (best < 0 || p->items[i].last_mb > p->items[best].last_mb))
            best = (long)i;
    if (best >= 0) {
        size_t i = (size_t)best;
        person *q = &p->items[i];
        nm->person = i;
        q->last_mb = nm->mb;
        q->byline_only = q->byline_only && nm->byline;
        if (!q->known && (nm->known || strlen(f) > strlen(q->folded))) {
            free(q->folded);
            q->folded = f;
            q->canon = k;
            q->known = nm->known;
        } else {
            free(f);
        }
        return BAYAN_OK;
    }
    person *grown = realloc(p->items, (p->count + 1) * sizeof *grown);
    if (!grown) {
        free(f);
        return BAYAN_ERR_NOMEM;
    }
    p->items = grown;
    p->items[p->count] = (person){nm->known, f, k, NULL, NULL, NULL,
                                  nm->byline, nm->mb};
    nm->person = p->count++;
    return BAYAN_OK;
}

/* ---- bare surnames ---------------------------------------------------- */

static bool covered(const extraction *x, const pname_list *l, size_t mb,
                    size_t me)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i].mb < me && l->items[i].me > mb)
            return true;
    /* Mentions are in text order and do not overlap: search, not scan, so
     * that an article of many mentions stays linear. */
    size_t lo = 0, hi = x->mention_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->mentions[mid].me <= mb)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < x->mention_count && x->mentions[i].mb < me; i++)
        if (!x->mentions[i].dropped)
            return true;
    return false;
}

/* Where person k was last named before byte mb (its first name's place
 * when none is before), from the names l in text order. */
static size_t named_before(const pname_list *l, size_t k, size_t mb,
                           bool *before)
{
    size_t at = SIZE_MAX;
    *before = false;
    for (size_t j = 0; j < l->count; j++) {
        if (l->items[j].person != k)
            continue;
        if (l->items[j].mb < mb) {
            at = l->items[j].mb;
            *before = true;
        } else if (!*before && at == SIZE_MAX) {
            at = l->items[j].mb;
        }
    }
    return at;
}

/* Of people a and b whose surname both fit at byte mb, the one named last
 * before it (else the one named first after it). */
static long nearer(const pname_list *l, long a, long b, size_t mb)
{
    bool ba, bb;
    size_t pa = named_before(l, (size_t)a, mb, &ba);
    size_t pb = named_before(l, (size_t)b, mb, &bb);
    if (ba != bb)
        return ba ? a : b;
    return (ba ? pb > pa : pb < pa) ? b : a;
}

/* True when a Latin spelling is a Roman numeral (a regnal number). */
static bool roman_numeral(const char *s)
{
    return s && *s && strspn(s, "IVX") == strlen(s);
}

/* The word of the folded name s that a bare surname repeats: its last
 * word (without ال), of three letters or more. None when the name ends in
 * a ruler's ordinal (الثاني of عبدالله الثاني is any second thing) or in
 * a family آل X (the bare word would be read in الثاني too). */
static bool bare_surname(const char *s, const person_cues *c, const char **lw,
                         size_t *ln)
{
    static const char al[] = "\xd8\xa7\xd9\x84"; /* ال: آل once folded */
    size_t i = 0, n, pn = 0;
    const char *w, *pw = NULL;
    *lw = NULL;
    *ln = 0;
    while (next_word(s, &i, &w, &n)) {
        pw = *lw;
        pn = *ln;
        *lw = w;
        *ln = n;
    }
    if (!*lw || utf8_length(*lw, *ln) < 3)
        return false;
    if (pw && pn == sizeof al - 1 && memcmp(pw, al, pn) == 0)
        return false;
    if (!c)
        return true;
    const char *dw = *lw; /* the word with its article, as spelled */
    size_t dn = *ln;
    if (dw >= s + 4 && memcmp(dw - 4, AL, 4) == 0) {
        dw -= 4;
        dn += 4;
    }
    return !roman_numeral(cue_spelling(c, dw, dn));
}

/* A person's surname as bare surnames are looked for: the last word of
 * a name of two words or more, of three letters or more. */
typedef struct surname {
    size_t person;
    const char *w; /* in the person's folded form, without ال */
    size_t n;
} surname;

/* The surnames of the people of p, in their order (*count of them; NULL
 * when out of memory). Found once per article, not once per token. */
static surname *surnames_of(const people *p, const person_cues *c,
                            size_t *count)
{
    surname *sn = malloc((p->count ? p->count : 1) * sizeof *sn);
    *count = 0;
    if (!sn)
        return NULL;
    for (size_t k = 0; k < p->count; k++) {
        const char *lw;
        size_t ln;
        if (p->items[k].byline_only || word_count(p->items[k].folded) < 2)
            continue;
        if (bare_surname(p->items[k].folded, c, &lw, &ln))
            sn[(*count)++] = (surname){k, lw, ln};
    }
    return sn;
}

/* The person whose surname token i is (perhaps after proclitics), or -1;
 * *prefix receives the proclitic bytes. When two people share the
 * surname, the one named last before it. sn: the surnames_of the
 * people. */
static long surname_of(const extraction *x, const surname *sn, size_t nsn,
                       const pname_list *l, size_t i, size_t *prefix)
{
    long best = -1;
    const text_span *t = &x->a.tokens[i];
    const char *w = x->a.match + t->match_begin;
    size_t n = t->match_end - t->match_begin;
    text_split splits[32];
    size_t m = text_clitic_splits(w, n, splits, 32);
    for (size_t s = 0; s < m && s < 32; s++) {
        if (splits[s].article)
            continue; /* لل: the stem is not a span of the text */
        const char *stem = w + splits[s].prefix_len;
        size_t sl = splits[s].stem_len;
        for (size_t j = 0; j < nsn; j++) {
            const char *lw = sn[j].w;
            size_t ln = sn[j].n;
            if ((ln == sl && memcmp(lw, stem, sl) == 0) ||
                (sl == ln + 4 && memcmp(stem, AL, 4) == 0 &&
                 memcmp(stem + 4, lw, ln) == 0)) {
                long k = (long)sn[j].person;
                if (best < 0)
                    *prefix = splits[s].prefix_len;
                best = best < 0 ? k : nearer(l, best, k, t->match_begin);
            }
        }
        if (best >= 0)
            return best; /* the longest stem that names someone */
    }
    return -1;
}

static bayan_status find_surnames(const extraction *x, const person_cues *c,
                                  people *p, pname_list *l)
{
    size_t nsn;
    surname *sn = surnames_of(p, c, &nsn);
    if (!sn)
        return BAYAN_ERR_NOMEM;
    bayan_status st = BAYAN_OK;
    for (size_t i = 0; nsn && st == BAYAN_OK && i < x->a.token_count; i++) {
        const text_span *t = &x->a.tokens[i];
        size_t prefix = 0;
        if (cue_is(c, CUE_STOP, x->a.match + t->match_begin,
                   t->match_end - t->match_begin) ||
            covered(x, l, t->match_begin, t->match_end))
            continue;
        long k = surname_of(x, sn, nsn, l, i, &prefix);
        if (k < 0)
            continue;
        pname n = {.t0 = i, .t1 = i + 1, .mb = t->match_begin + prefix,
                   .me = t->match_end, .person = (size_t)k};
        text_match_span(&x->a, n.mb, n.me, &n.begin, &n.end);
        st = pname_push(l, n);
    }
    free(sn);
    return st;
}

/* ---- identity and output --------------------------------------------- */

/* A new string: the decoded text of code points [b, e). */
static char *original(const extraction *x, size_t b, size_t e)
{
    const text_doc *d = x->doc;
    size_t ob = text_byte_offset(d, b);
    size_t on = utf8_offset(d->text + ob, d->length - ob, e - b);
    return strndup(d->text + ob, on);
}

/* An Arabic letter (the folding maps letters to letters). */
static bool arabic_cp(uint32_t c)
{
    return c >= 0x0621 && c <= 0x064a;
}

/* The name of n as written, without the web debris the matching form
 * dropped (bidi marks, joiners, tatweel, entity residue) but with the
 * letters the folding merged (أ إ ة ى): what it is romanized from, so that
 * a name and its debris-laden copy get one IRI. */
/* Appends the Latin of one word of a name: its usual spelling when the
 * data has one (أحمد -> Ahmad; rules alone give the skeleton Ahmd), else
 * the romanization rules; "al-" stays lower case inside a name. */
static bayan_status romanize_word(const person_cues *cues, const char *word,
                                  size_t len, bool first, char *out,
                                  size_t *k, size_t cap)
{
    char *copy = strndup(word, len), *folded = NULL, *latin = NULL;
    if (!copy)
        return BAYAN_ERR_NOMEM;
    bayan_status st = text_fold_word(copy, &folded);
    const char *known =
        folded && cues ? cue_spelling(cues, folded, strlen(folded)) : NULL;
    if (st == BAYAN_OK && !known)
        st = text_romanize(copy, len, &latin);
    const char *w = known ? known : latin ? latin : "";
    size_t n = strlen(w);
    if (st == BAYAN_OK && *k + n + 2 <= cap) {
        if (*k)
            out[(*k)++] = ' ';
        memcpy(out + *k, w, n);
        if (!first && n > 3 && memcmp(w, "Al-", 3) == 0)
            out[*k] = 'a';
        *k += n;
        out[*k] = '\0';
    }
    free(copy);
    free(folded);
    free(latin);
    return st;
}

/* The English label of a name the lexicon does not know, word by word. */
static bayan_status romanize_name(const person_cues *cues, const char *w,
                                  char **out)
{
    size_t cap = 4 * strlen(w) + 64, k = 0;
    char *label = malloc(cap);
    if (!label)
        return BAYAN_ERR_NOMEM;
    label[0] = '\0';
    bayan_status st = BAYAN_OK;
    for (const char *p = w; st == BAYAN_OK && *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n)
            st = romanize_word(cues, p, n, k == 0, label, &k, cap);
        p += n;
    }
    if (st != BAYAN_OK) {
        free(label);
        return st;
    }
    *out = label;
    return BAYAN_OK;
}

static char *written(const extraction *x, const pname *n)
{
    const text_analysis *a = &x->a;
    const text_doc *d = x->doc;
    char *out = malloc(2 * (n->me - n->mb) + 1);
    size_t k = 0, last = SIZE_MAX;
    if (!out)
        return NULL;
    for (size_t i = n->mb; i < n->me;) {
        uint32_t f, o = 0;
        size_t len = utf8_decode((const unsigned char *)a->match + i,
                                 n->me - i, &f);
        if (!len)
            len = 1;
        size_t b = a->orig[i];
        if (a->orig_end[i] == b + 1 && b != last && arabic_cp(f)) {
            size_t ob = text_byte_offset(d, b);
            utf8_decode((const unsigned char *)d->text + ob, d->length - ob,
                        &o);
        }
        if (arabic_cp(o)) {
            k += utf8_encode(o, out + k);
        } else {
            memcpy(out + k, a->match + i, len);
            k += len;
        }
        last = b;
        i += len;
    }
    out[k] = '\0';
    return out;
}

/* The person's labels: the lexicon's, else the name as written and its
 * romanization (romanize.c). */
static bayan_status label(const extraction *x, const pname_list *l,
                          person *q)
{
    const pname *c = &l->items[q->canon];
    q->label_ar = q->known && q->known->label_ar
                      ? strdup(q->known->label_ar)
                      : original(x, c->begin, c->end);
    if (!q->label_ar)
        return BAYAN_ERR_NOMEM;
    if (q->known && q->known->label_en) {
        q->label_en = strdup(q->known->label_en);
        return q->label_en ? BAYAN_OK : BAYAN_ERR_NOMEM;
    }
    char *w = q->known && q->known->label_ar ? strdup(q->known->label_ar)
                                             : written(x, c);
    if (!w)
        return BAYAN_ERR_NOMEM;
    bayan_status st = romanize_name(x->env->person_words, w, &q->label_en);
    free(w);
    return st;
}

/* The IRI: the lexicon's for a known person, else person/<slug> of the
 * romanized label (the same name in two articles is one node). */
static bayan_status mint(const extraction *x, person *q)
{
    if (q->known) {
        q->iri = strdup(q->known->iri);
        return q->iri ? BAYAN_OK : BAYAN_ERR_NOMEM;
    }
    char *slug;
    bayan_status st = text_romanized_slug(q->label_en, &slug);
    if (st != BAYAN_OK)
        return st;
    char *path = malloc(strlen(slug) + 16);
    if (path) {
        /* A name nothing is left of still needs a stable IRI. */
        sprintf(path, "person/%s", *slug ? slug : "unnamed");
        q->iri = iri_mint(x->env->base, path);
    }
    free(path);
    free(slug);
    return q->iri ? BAYAN_OK : BAYAN_ERR_NOMEM;
}

/* The person's node: type and labels. */
static bayan_status write_person(extraction *x, const person *q)
{
    const char *a = x->ids->article;
    bayan_status st = graph_add_iri(x->g, a, q->iri, P_TYPE, C_PERSON);
    if (st == BAYAN_OK)
        st = graph_add_literal(x->g, a, q->iri, P_LABEL, q->label_ar, NULL,
                               "ar");
    if (st == BAYAN_OK && q->label_en && *q->label_en)
        st = graph_add_literal(x->g, a, q->iri, P_LABEL, q->label_en, NULL,
                               "en");
    return st;
}

/* One name: its mention (unless extract.c writes the matcher's), title,
 * represents, byline, and its entry in x->persons. */
static bayan_status write_name(extraction *x, const person *q,
                               const pname *n, const char *label)
{
    const char *a = x->ids->article;
    bayan_status st = BAYAN_OK;
    if (!n->lexical)
        st = extract_add_mention(x, n->begin, n->end, q->iri, label);
    if (st == BAYAN_OK && n->title)
        st = graph_add_literal(x->g, a, q->iri, P_JOB_TITLE, n->title, NULL,
                               "ar");
    if (st == BAYAN_OK && n->represents)
        st = graph_add_iri(x->g, a, q->iri, P_REPRESENTS, n->represents->iri);
    if (st == BAYAN_OK && n->byline)
        st = graph_add_iri(x->g, a, a, P_AUTHOR, q->iri);
    if (st != BAYAN_OK)
        return st;
    found_entity f = {n->mb, n->me, n->begin, n->end, strdup(q->iri),
                      KIND_PERSON};
    if (!f.iri)
        return BAYAN_ERR_NOMEM;
    return found_push(&x->persons, f);
}

/* Lexicon mentions inside a name (a state's name in a person's) are no
 * mentions of their own. */
static void drop_inner_mentions(extraction *x, const pname_list *l)
{
    for (size_t i = 0; i < x->mention_count; i++) {
        mention *m = &x->mentions[i];
        if (m->entry->kind == KIND_PERSON)
            continue;
        for (size_t k = 0; k < l->count; k++)
            if (!l->items[k].lexical && m->mb >= l->items[k].mb &&
                m->me <= l->items[k].me)
                m->dropped = true;
    }
}

static int compare_names(const void *a, const void *b)
{
    const pname *x = a, *y = b;
    return (x->mb > y->mb) - (x->mb < y->mb);
}

bayan_status persons_write(extraction *x, const person_cues *cues,
                           pname_list *l)
{
    people p = {NULL, 0};
    bayan_status st = BAYAN_OK;
    if (l->count > 1)
        qsort(l->items, l->count, sizeof *l->items, compare_names);
    for (size_t i = 0; st == BAYAN_OK && i < l->count; i++)
        st = assign(x, &p, &l->items[i], i);
    if (st == BAYAN_OK)
        st = find_surnames(x, cues, &p, l);
    for (size_t i = 0; st == BAYAN_OK && i < p.count; i++) {
        st = label(x, l, &p.items[i]);
        if (st == BAYAN_OK)
            st = mint(x, &p.items[i]);
    }
    if (st == BAYAN_OK)
        drop_inner_mentions(x, l);
    for (size_t i = 0; st == BAYAN_OK && i < p.count; i++) {
        st = write_person(x, &p.items[i]);
        for (size_t k = 0; st == BAYAN_OK && k < l->count; k++)
            if (l->items[k].person == i)
                st = write_name(x, &p.items[i], &l->items[k],
                                p.items[i].label_ar);
    }
    people_clear(&p);
    return st;
}
