/* The persons stage with the names tagger: the patterns (persons.c) say
 * who holds which office; the tagger says where names are. A name read
 * after a cue stays only when the tagger reads a person there too, and
 * takes the tagger's boundaries; a person the tagger proposes with no cue
 * before it is taken when the tagger is sure of it and the lexicon knows
 * the words as no place or organization. */
#include "extract/persons.h"

#include <stdlib.h>
#include <string.h>

#include "extract/tagger.h"

/* How much better the tagger's best reading must be than its best
 * reading without the person, for a person with no cue before it (in the
 * model's score units; chosen on dev and dev2 e01-e30 with a model trained
 * without dev2: 10 to 25 score alike, 60 loses recall). */
#define SURE_MARGIN 15.0f
/* Words of a person with no cue: a lone word is as often a place or an
 * adjective the model mistakes. */
#define SURE_WORDS 2

/* The first person the tagger proposes over words [t0, t1), or NULL. */
static const name_span *person_over(const person_scan *s, size_t t0,
                                    size_t t1)
{
    for (size_t i = t0; i < t1; i++) {
        const name_span *sp = name_tags_person_at(&s->tags, i);
        if (sp)
            return sp;
    }
    return NULL;
}

/* Sets the spans of name n to words [t0, t1). */
static void set_words(const person_scan *s, pname *n, size_t t0, size_t t1)
{
    n->t0 = t0;
    n->t1 = t1;
    n->mb = s->a->tokens[t0].match_begin;
    n->me = s->a->tokens[t1 - 1].match_end;
    text_match_span(s->a, n->mb, n->me, &n->begin, &n->end);
}

/* Whether word i is a place named after someone (مطار، شارع), alone or
 * behind one letter of و، ف، ب، ل (not the article: الفريق is a rank). */
static bool named_after_word(const person_scan *s, size_t i)
{
    static const char *const proclitics[] = {"\xd9\x88", "\xd9\x81",
                                             "\xd8\xa8", "\xd9\x84"};
    size_t n;
    const char *w = pscan_tok(s, i, &n);
    if (cue_is(s->cues, CUE_NAMED_AFTER, w, n))
        return true;
    for (size_t k = 0; k < 4 && n > 2; k++)
        if (memcmp(w, proclitics[k], 2) == 0)
            return cue_is(s->cues, CUE_NAMED_AFTER, w + 2, n - 2);
    return false;
}

/* Whether the name at word t0 names a place after someone: a named-after
 * word before it, or before the honorific or title before it (مطار
 * الملك ...، حي الشيخ ...). */
static bool names_a_place(const person_scan *s, size_t t0)
{
    if (t0 >= 1 && named_after_word(s, t0 - 1))
        return true;
    return t0 >= 2 &&
           (pscan_honorific(s, t0 - 1) || pscan_is_split(s, CUE_HEAD, t0 - 1, NULL)) &&
           named_after_word(s, t0 - 2);
}

/* Whether name n is kept. The tagger may start it later (a word it
 * reads as a place or a title is no part of it); its end stays the
 * pattern's, which scored better than the tagger's on dev2 (the model
 * ends names early as often as it glues the next word on). Lexicon names
 * and bylines stand as they are. */
static bool confirm(const person_scan *s, pname *n)
{
    if (n->lexical || n->known || n->byline)
        return true;
    const name_span *sp = person_over(s, n->t0, n->t1);
    if (!sp)
        return false;
    size_t t0 = sp->t0 > n->t0 ? sp->t0 : n->t0, t1 = n->t1;
    for (size_t i = t0; i < t1; i++)
        if (s->mention_at[i] >= 0 && !pscan_person_at(s, i))
            t1 = i > t0 ? i : t1;
    if (t1 <= t0 || names_a_place(s, t0) || names_a_place(s, n->t0))
        return false;
    set_words(s, n, t0, t1);
    return true;
}

/* Drops the names the tagger rejects. */
static void filter(person_scan *s)
{
    size_t w = 0;
    for (size_t i = 0; i < s->names.count; i++) {
        pname *n = &s->names.items[i];
        if (confirm(s, n))
            s->names.items[w++] = *n;
        else
            free(n->title);
    }
    s->names.count = w;
}

/* Whether words [t0, t1) hold a name the patterns read already. */
static bool taken(const person_scan *s, size_t t0, size_t t1)
{
    for (size_t i = 0; i < s->names.count; i++)
        if (s->names.items[i].t0 < t1 && s->names.items[i].t1 > t0)
            return true;
    return false;
}

/* A lexicon place or organization among words [t0, t1). */
static bool lexical_other(const person_scan *s, size_t t0, size_t t1)
{
    for (size_t i = t0; i < t1; i++) {
        const lexicon_entry *en = pscan_entry_at(s, i);
        if (en && en->kind != KIND_PERSON)
            return true;
    }
    return false;
}

/* A person the tagger proposes alone. */
static bool sure(const person_scan *s, const name_span *sp)
{
    if (sp->type != 1 || sp->margin < SURE_MARGIN ||
        sp->t1 - sp->t0 < SURE_WORDS)
        return false;
    if (taken(s, sp->t0, sp->t1) || lexical_other(s, sp->t0, sp->t1) ||
        names_a_place(s, sp->t0))
        return false;
    /* a word a name never holds anywhere in it: the model took ordinary
     * words for a name (a loanword looks foreign: جائحة فيروس) */
    for (size_t i = sp->t0; i < sp->t1; i++)
        if (pscan_stop_word(s, i))
            return false;
    return pscan_name_word(s, sp->t0);
}

bayan_status persons_tagged(person_scan *s)
{
    filter(s);
    bayan_status st = BAYAN_OK;
    for (size_t k = 0; st == BAYAN_OK && k < s->tags.count; k++) {
        const name_span *sp = &s->tags.spans[k];
        if (!sure(s, sp))
            continue;
        size_t next;
        st = persons_add_name(s, sp->t0, sp->t1, NULL, NULL, false);
        if (st == BAYAN_OK)
            st = persons_apposition(s, sp->t1, &next);
    }
    return st;
}
