/* Persons: named people, found by the words around their names (roles,
 * honorifics, "his counterpart", bylines) and by the lexicon's known
 * persons. Every word list is data (ontology/lexicon/person-cues.ttl, see
 * lexicon/person_cues.h); this file holds the patterns:
 *
 *   role:      HEAD (definite word | role word | mention | HEAD | LINK
 *              mention)* [honorific]* NAME
 *   honorific: HONORIFIC+ NAME
 *   byline:    at a line start, [mention -] NAME followed by / or : or a
 *              time, or BYLINE-CUE [:] NAME
 *
 * A NAME is 1 to 4 words on one line with nothing but spaces between them
 * (or a quoted run): it stops at punctuation, lexicon mentions, stop words
 * and cue words; its third and fourth words must be definite family names
 * or follow a particle (بن، أبو، دي). A name of one word needs an
 * honorific, quotes or a clear end after it. */
#include "extract/persons.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* The title of the head of a body named before برئاسة. */
#define HEAD_WORD "\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3" /* رئيس */

/* ---- roles ------------------------------------------------------------ */

typedef struct role {
    size_t h, end; /* tokens [h, end) of the role */
    size_t prefix; /* proclitic bytes before the head */
    const lexicon_entry *represents;
    bool counterpart;
    bool descriptor; /* no office: no title, nobody represented */
} role;

/* A state mention written as a nisba adjective (الأمريكي، البريطانية):
 * one definite word ending in ي or ية. Left out of the job title. */
static bool nisba_at(const person_scan *s, size_t i)
{
    const lexicon_entry *en = pscan_entry_at(s, i);
    size_t n;
    const char *w = pscan_tok(s, i, &n);
    long m = s->mention_at[i];
    if (!en || en->kind != KIND_STATE || pscan_after_mention(s, i) != i + 1 ||
        s->x->mentions[m].mb != s->a->tokens[i].match_begin)
        return false;
    static const char ya[] = "\xd9\x8a", yah[] = "\xd9\x8a\xd9\x87";
    return pscan_definite(w, n) && ((n > 2 && memcmp(w + n - 2, ya, 2) == 0) ||
                              (n > 4 && memcmp(w + n - 4, yah, 4) == 0));
}

/* Reads the role that the head at token h opens; returns the token where a
 * name may start. */
static size_t read_role(const person_scan *s, size_t h, role *r)
{
    size_t count = s->a->token_count, i = h + 1;
    bool placed = false; /* the mention follows في/إلى/لدى */
    while (i < count && i < h + 16 && pscan_gap_kind(s, i) == GAP_BLANK) {
        const lexicon_entry *en = pscan_entry_at(s, i);
        size_t n;
        const char *w = pscan_tok(s, i, &n);
        if (en) {
            if (en->kind == KIND_PERSON)
                break;
            /* "الممثل الخاص للأمين العام في العراق": where the office is
             * held is not whom it speaks for. */
            if (!r->represents && !placed &&
                (en->kind == KIND_STATE || en->kind == KIND_ORGANIZATION))
                r->represents = en;
            placed = false;
            i = pscan_after_mention(s, i);
            r->end = i;
        } else if (pscan_is(s, CUE_LINK, i) && i + 1 < count &&
                   pscan_gap_kind(s, i + 1) == GAP_BLANK && pscan_entry_at(s, i + 1) &&
                   !pscan_person_at(s, i + 1)) {
            /* before the stop words, which hold these prepositions too */
            placed = true;
            i++;
        } else if (pscan_honorific(s, i) || pscan_stop_word(s, i)) {
            break;
        } else if (pscan_is_split(s, CUE_HEAD, i, NULL) ||
                   pscan_is_split(s, CUE_ROLE_WORD, i, NULL) || pscan_definite(w, n)) {
            r->end = ++i;
        } else {
            break;
        }
    }
    return i;
}

/* Appends the original text of code points [b, e) to *buf. */
static bool append_text(const person_scan *s, char **buf, size_t *len, size_t b,
                        size_t e)
{
    const text_doc *d = s->x->doc;
    size_t ob = text_byte_offset(d, b);
    size_t on = utf8_offset(d->text + ob, d->length - ob, e - b);
    char *grown = realloc(*buf, *len + on + 2);
    if (!grown)
        return false;
    *buf = grown;
    if (*len)
        grown[(*len)++] = ' ';
    memcpy(grown + *len, d->text + ob, on);
    *len += on;
    grown[*len] = '\0';
    return true;
}

/* The job title: the role's words as written, its head without proclitics,
 * nisba adjectives left out ("وزير الخارجية" of "ووزير الخارجية
 * الأمريكي"). NULL for a counterpart (the caller copies the title). */
static char *role_title(const person_scan *s, const role *r, bool *nomem)
{
    char *buf = NULL;
    size_t len = 0;
    *nomem = false;
    if (r->counterpart || r->descriptor)
        return NULL;
    /* A rank just before the name is no part of the office held:
     * "ولي العهد الأمير" is "ولي العهد". */
    size_t end = r->end;
    while (end > r->h + 1 && pscan_is_split(s, CUE_HEAD, end - 1, NULL)) {
        size_t n;
        const char *w = pscan_tok(s, end - 1, &n);
        if (!pscan_definite(w, n))
            break;
        end--;
    }
    for (size_t i = r->h; i < end; i++) {
        if (nisba_at(s, i))
            continue;
        const text_span *t = &s->a->tokens[i];
        size_t b = t->begin, e = t->end;
        if (i == r->h && r->prefix)
            text_match_span(s->a, t->match_begin + r->prefix, t->match_end, &b,
                            &e);
        if (!append_text(s, &buf, &len, b, e)) {
            free(buf);
            *nomem = true;
            return NULL;
        }
    }
    return buf;
}

/* ---- occurrences ------------------------------------------------------ */

bayan_status pname_push(pname_list *l, pname n)
{
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? l->capacity * 2 : 16;
        pname *items = realloc(l->items, cap * sizeof *items);
        if (!items) {
            free(n.title);
            return BAYAN_ERR_NOMEM;
        }
        l->items = items;
        l->capacity = cap;
    }
    l->items[l->count++] = n;
    return BAYAN_OK;
}

void pname_list_clear(pname_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i].title);
    free(l->items);
    *l = (pname_list){NULL, 0, 0};
}

/* Adds the name at tokens [t0, t1) (a lexicon person when the matcher
 * found one there). Takes ownership of title. */
bayan_status persons_add_name(person_scan *s, size_t t0, size_t t1,
                              char *title, const lexicon_entry *represents,
                              bool byline)
{
    pname n = {.t0 = t0,
               .t1 = t1,
               .title = title,
               .represents = represents,
               .byline = byline};
    if (pscan_person_at(s, t0)) {
        const mention *m = &s->x->mentions[s->mention_at[t0]];
        n.known = m->entry;
        n.lexical = true;
        n.mb = m->mb;
        n.me = m->me;
    } else {
        n.mb = s->a->tokens[t0].match_begin;
        n.me = s->a->tokens[t1 - 1].match_end;
    }
    text_match_span(s->a, n.mb, n.me, &n.begin, &n.end);
    return pname_push(&s->names, n);
}

/* The title of the last name that has one (for "his counterpart"). */
static char *last_title(const person_scan *s)
{
    for (size_t i = s->names.count; i-- > 0;)
        if (s->names.items[i].title)
            return strdup(s->names.items[i].title);
    return NULL;
}

static bool start_of_name(const person_scan *s, size_t j)
{
    gap_kind g = pscan_gap_kind(s, j);
    return g == GAP_BLANK || g == GAP_COMMA || g == GAP_QUOTE;
}

/* After a name ending at token e: "والبريطاني فيليب هاموند" names another
 * holder of the same role for the state of the nisba. */
static bayan_status continuation(person_scan *s, size_t e, const char *title,
                                 size_t *next)
{
    *next = e;
    const lexicon_entry *en = e < s->a->token_count ? pscan_entry_at(s, e) : NULL;
    if (!en || en->kind != KIND_STATE || !start_of_name(s, e) ||
        pscan_gap_kind(s, e) == GAP_QUOTE ||
        s->x->mentions[s->mention_at[e]].mb == s->a->tokens[e].match_begin)
        return BAYAN_OK; /* no proclitic و before the nisba */
    size_t j = pscan_after_mention(s, e);
    if (j >= s->a->token_count || !start_of_name(s, j))
        return BAYAN_OK;
    size_t end = pscan_read_name(s, j, false, pscan_gap_kind(s, j) == GAP_QUOTE);
    if (end == j)
        return BAYAN_OK;
    char *t = title ? strdup(title) : NULL;
    if (title && !t)
        return BAYAN_ERR_NOMEM;
    *next = end;
    return persons_add_name(s, j, end, t, en, false);
}

/* A role read after a name ("أنتوني بلينكن وزير الخارجية الأمريكي") gives
 * that name its title when it has none, and its state or body; the scan
 * goes on after it. A role with a name of its own is left to that name. */
bayan_status persons_apposition(person_scan *s, size_t e, size_t *next)
{
    size_t prefix, count = s->a->token_count;
    *next = e;
    if (e >= count || !start_of_name(s, e) || pscan_gap_kind(s, e) == GAP_QUOTE ||
        !pscan_is_split(s, CUE_HEAD, e, &prefix))
        return BAYAN_OK;
    role r = {.h = e, .end = e + 1, .prefix = prefix};
    size_t j = read_role(s, e, &r);
    if (j < count && start_of_name(s, j) &&
        pscan_read_name(s, j, false, pscan_gap_kind(s, j) == GAP_QUOTE) != j)
        return BAYAN_OK;
    *next = r.end;
    pname *n = &s->names.items[s->names.count - 1];
    if (!n->represents)
        n->represents = r.represents;
    if (n->title)
        return BAYAN_OK;
    bool nomem;
    n->title = role_title(s, &r, &nomem);
    return nomem ? BAYAN_ERR_NOMEM : BAYAN_OK;
}

/* An undefined head must open a construct ("وزير الخارجية"): alone it is
 * more often an adjective ("جهد منسق") than a role. */
static bool role_complete(const person_scan *s, const role *r)
{
    size_t n;
    const char *w = pscan_tok(s, r->h, &n);
    return r->counterpart || r->end > r->h + 1 ||
           pscan_definite(w + r->prefix, n - r->prefix);
}

/* A role opened at token h, and the name after it. *next: where the scan
 * goes on. */
/* "وزير الخارجية الأردني سامي حداد، ووزير الدفاع كريم فؤاد": a
 * role joined by و right after a name, naming no state of its own, serves
 * the same state as that name. */
static const lexicon_entry *coordinated(const person_scan *s, const role *r)
{
    size_t n;
    const char *w = pscan_tok(s, r->h, &n);
    if (r->represents || r->descriptor || r->prefix == 0 ||
        memcmp(w, "\xd9\x88", 2) != 0 || s->names.count == 0) /* و */
        return r->represents;
    const pname *last = &s->names.items[s->names.count - 1];
    return last->t1 == r->h ? last->represents : NULL;
}

static bayan_status role_person(person_scan *s, size_t h, size_t prefix,
                                bool counterpart, bool descriptor,
                                size_t *next)
{
    role r = {.h = h,
              .end = h + 1,
              .prefix = prefix,
              .counterpart = counterpart,
              .descriptor = descriptor};
    size_t j = read_role(s, h, &r);
    if (descriptor)
        r.represents = NULL;
    r.represents = coordinated(s, &r);
    *next = h + 1;
    if (j >= s->a->token_count || !start_of_name(s, j) ||
        !role_complete(s, &r))
        return BAYAN_OK;
    bool honored = false;
    while (j < s->a->token_count && pscan_honorific(s, j)) {
        j += 1;
        honored = true;
        if (j >= s->a->token_count ||
            (!start_of_name(s, j) && !pscan_gap_has(s, j, '.')))
            return BAYAN_OK;
    }
    size_t end = pscan_read_name(s, j, honored, pscan_gap_kind(s, j) == GAP_QUOTE);
    if (end == j)
        return BAYAN_OK;
    bool nomem;
    char *title = counterpart ? last_title(s) : role_title(s, &r, &nomem);
    if (!counterpart && nomem)
        return BAYAN_ERR_NOMEM;
    bayan_status st = persons_add_name(s, j, end, title, r.represents, false);
    if (st == BAYAN_OK)
        st = continuation(s, end, s->names.items[s->names.count - 1].title,
                          next);
    if (st == BAYAN_OK && *next == end)
        st = persons_apposition(s, end, next);
    if (*next < end)
        *next = end;
    return st;
}

/* Honorifics and the name after them. */
static bayan_status honored_person(person_scan *s, size_t i, size_t *next)
{
    size_t j = i;
    while (j < s->a->token_count && pscan_honorific(s, j))
        j++;
    *next = j;
    if (j >= s->a->token_count ||
        (!start_of_name(s, j) && !pscan_gap_has(s, j, '.')))
        return BAYAN_OK;
    size_t end = pscan_read_name(s, j, true, pscan_gap_kind(s, j) == GAP_QUOTE);
    if (end == j)
        return BAYAN_OK;
    bayan_status st = persons_add_name(s, j, end, NULL, NULL, false);
    return st == BAYAN_OK ? persons_apposition(s, end, next) : st;
}

/* How far before a headed-by cue its body may stand ("الحكومة العراقية
 * الجديدة برئاسة": three tokens). */
#define HEADED_BODY_REACH 4

/* "الحكومة العراقية الجديدة برئاسة NAME": the cue at token i names the head
 * of a body written just before it, in the same phrase. The title is the
 * head of that body; a state between them is whom the head represents. */
static bayan_status headed_person(person_scan *s, size_t i, size_t *next)
{
    size_t body = SIZE_MAX, prefix = 0;
    const lexicon_entry *state = NULL;
    *next = i + 1;
    for (size_t k = i; k-- > 0 && i - k <= HEADED_BODY_REACH;) {
        if (pscan_gap_kind(s, k + 1) != GAP_BLANK)
            break;
        const lexicon_entry *en = pscan_entry_at(s, k);
        if (en && en->kind == KIND_STATE)
            state = en;
        if (!en && pscan_is_split(s, CUE_BODY, k, &prefix)) {
            body = k;
            break;
        }
    }
    size_t j = i + 1;
    if (body == SIZE_MAX || j >= s->a->token_count || !start_of_name(s, j) ||
        pscan_is_split(s, CUE_HEAD, j, NULL))
        return BAYAN_OK; /* a role after the cue is read as a role */
    bool honored = false;
    while (j < s->a->token_count && pscan_honorific(s, j)) {
        j++;
        honored = true;
    }
    if (j >= s->a->token_count || (s->mention_at[j] >= 0 && !pscan_person_at(s, j)))
        return BAYAN_OK;
    size_t end = pscan_person_at(s, j) ? pscan_after_mention(s, j)
                                 : pscan_read_name(s, j, honored,
                                             pscan_gap_kind(s, j) == GAP_QUOTE);
    if (end == j)
        return BAYAN_OK;
    size_t b, e, len = 0;
    const text_span *t = &s->a->tokens[body];
    text_match_span(s->a, t->match_begin + prefix, t->match_end, &b, &e);
    char *title = strdup(HEAD_WORD);
    if (!title || !(len = strlen(title), append_text(s, &title, &len, b, e))) {
        free(title);
        return BAYAN_ERR_NOMEM;
    }
    *next = end;
    return persons_add_name(s, j, end, title, state, false);
}

/* One token of the scan: a lexicon person, a role head, a counterpart or
 * an honorific. */
static bayan_status scan_at(person_scan *s, size_t i, size_t *next)
{
    size_t prefix;
    *next = i + 1;
    if (pscan_person_at(s, i)) {
        size_t end = pscan_after_mention(s, i);
        bayan_status st = persons_add_name(s, i, end, NULL, NULL, false);
        return st == BAYAN_OK ? persons_apposition(s, end, next) : st;
    }
    if (s->mention_at[i] >= 0)
        return BAYAN_OK;
    if (pscan_is_split(s, CUE_COUNTERPART, i, &prefix))
        return role_person(s, i, prefix, true, false, next);
    if (pscan_honorific(s, i))
        return honored_person(s, i, next);
    if (pscan_is(s, CUE_HEADED_BY, i))
        return headed_person(s, i, next);
    if (pscan_is_split(s, CUE_HEAD, i, &prefix))
        return role_person(s, i, prefix, false, false, next);
    if (pscan_is_split(s, CUE_DESCRIPTOR, i, &prefix))
        return role_person(s, i, prefix, false, true, next);
    return BAYAN_OK;
}

/* ---- bylines ------------------------------------------------------------ */

/* Bylines stand in the first or last lines of an article. */
#define BYLINE_HEAD_LINES 6
#define BYLINE_TAIL_LINES 3

static bool digits(const person_scan *s, size_t i)
{
    size_t n;
    const char *w = pscan_tok(s, i, &n);
    return n > 0 && strspn(w, "0123456789") >= n;
}

/* A byline name at token i of the line that ends before token u: two or
 * three name words, then "/", ":", a time or (after a cue) the line's end. */
static size_t byline_name(const person_scan *s, size_t i, size_t u, bool cued)
{
    size_t n, j = i;
    const char *w = pscan_tok(s, i, &n);
    if (i >= u || !pscan_name_word(s, i) || pscan_definite(w, n))
        return i;
    for (j = i + 1; j < u && j < i + 3 && pscan_name_gap(s, j) && pscan_name_word(s, j);
         j++)
        if (j >= i + 2 && !pscan_name_goes_on(s, j))
            break;
    if (j < i + 2)
        return i;
    if (j == u)
        return cued || pscan_gap_has(s, j, ':') || pscan_gap_has(s, j, '/') ? j : i;
    if (pscan_gap_has(s, j, '/') || pscan_gap_has(s, j, ':'))
        return j;
    return digits(s, j) ? j : i;
}

/* Whether the names tagger reads a person among words [t0, t1). A line
 * that opens with two words and a colon or a number is as often a
 * heading or a clause ("وبحلول الساعة 10") as a byline; with no cue
 * before it, the tagger (when there is a model) decides. */
static bool tagged_person(const person_scan *s, size_t t0, size_t t1)
{
    for (size_t i = t0; i < t1; i++)
        if (name_tags_person_at(&s->tags, i))
            return true;
    return false;
}

/* The line of tokens [t, u). */
static bayan_status byline_line(person_scan *s, size_t t, size_t u)
{
    size_t i = t, end;
    bool cued = pscan_is(s, CUE_BYLINE, i);
    if (cued)
        i++;
    else if (pscan_entry_at(s, i) && pscan_entry_at(s, i)->kind == KIND_CITY) {
        i = pscan_after_mention(s, i); /* "واشنطن - ..." */
        if (i >= u || !(pscan_gap_has(s, i, '-') || pscan_gap_has(s, i, ':')))
            return BAYAN_OK;
    }
    end = byline_name(s, i, u, cued);
    if (end == i || (!cued && s->x->env->names && !tagged_person(s, i, end)))
        return BAYAN_OK;
    for (size_t k = 0; k < s->names.count; k++)
        if (s->names.items[k].t0 < end && s->names.items[k].t1 > i)
            return BAYAN_OK; /* already read as something else */
    return persons_add_name(s, i, end, NULL, NULL, true);
}

static bayan_status find_bylines(person_scan *s)
{
    size_t count = s->a->token_count, lines = 0;
    for (size_t i = 0; i < count; i++)
        if (i == 0 || pscan_gap_has(s, i, '\n'))
            lines++;
    bayan_status st = BAYAN_OK;
    size_t line = 0;
    for (size_t t = 0; st == BAYAN_OK && t < count;) {
        size_t u = t + 1;
        while (u < count && !pscan_gap_has(s, u, '\n'))
            u++;
        if (line < BYLINE_HEAD_LINES || line + BYLINE_TAIL_LINES >= lines)
            st = byline_line(s, t, u);
        line++;
        t = u;
    }
    return st;
}

/* ---- the stage ------------------------------------------------------- */

/* mention_at[i]: the mention that token i overlaps, or -1. */
static bayan_status index_mentions(person_scan *s)
{
    size_t count = s->a->token_count;
    s->mention_at = malloc((count ? count : 1) * sizeof *s->mention_at);
    if (!s->mention_at)
        return BAYAN_ERR_NOMEM;
    size_t m = 0;
    for (size_t i = 0; i < count; i++) {
        const text_span *t = &s->a->tokens[i];
        while (m < s->x->mention_count &&
               s->x->mentions[m].me <= t->match_begin)
            m++;
        s->mention_at[i] = -1;
        for (size_t k = m;
             k < s->x->mention_count && s->x->mentions[k].mb < t->match_end;
             k++)
            if (!s->x->mentions[k].dropped &&
                s->x->mentions[k].me > t->match_begin) {
                s->mention_at[i] = (long)k;
                break;
            }
    }
    return BAYAN_OK;
}

bayan_status extract_persons(extraction *x)
{
    const person_cues *cues = x->env->person_words;
    if (!cues)
        return BAYAN_OK;
    person_scan s = {.x = x, .a = &x->a, .cues = cues};
    bayan_status st = index_mentions(&s);
    if (st == BAYAN_OK)
        st = name_tags_find(x->env->names, &x->a, &s.tags);
    for (size_t i = 0, next; st == BAYAN_OK && i < x->a.token_count; i = next)
        st = scan_at(&s, i, &next);
    if (st == BAYAN_OK)
        st = find_bylines(&s);
    if (st == BAYAN_OK && x->env->names)
        st = persons_tagged(&s);
    if (st == BAYAN_OK)
        st = persons_write(x, cues, &s.names);
    pname_list_clear(&s.names);
    name_tags_clear(&s.tags);
    free(s.mention_at);
    return st;
}
