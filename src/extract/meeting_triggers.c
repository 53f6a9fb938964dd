/* Meeting triggers: the cue hits that announce a meeting, and the words
 * each owns (see meetings.c). A meeting word that names no meeting is
 * none: inside a body's name, after كل, a pronoun's look-alike, denied,
 * or what a preparing meeting prepares (a trigger that owns no words). */
#include <stdlib.h>
#include <string.h>

#include "extract/meeting_scan.h"
#include "graph/vocab.h"

/* ---- triggers
 * ----------------------------------------------------------------
 */

/* Adds a trigger, or grows the one it touches ("لقائي القمة": one
 * trigger); a verb that opens a clause right after a meeting word starts
 * its own ("على هامش الاجتماع التقى الوزير نظيره"). */
static bool add_trigger(scan *s, size_t tok0, size_t tok1, const char *level,
                        int dual, bool verb)
{
    size_t prev_end = s->ntrig ? s->trig[s->ntrig - 1].tok1 : 0;
    if (s->ntrig && (tok0 < prev_end || (tok0 == prev_end && !verb))) {
        trigger *p = &s->trig[s->ntrig - 1]; /* "لقائي القمة": one trigger */
        if (tok1 > p->tok1)
            p->tok1 = tok1;
        if (dual > p->dual)
            p->dual = dual;
        return true;
    }
    trigger *grown = realloc(s->trig, (s->ntrig + 1) * sizeof *grown);
    if (!grown)
        return false;
    s->trig = grown;
    s->trig[s->ntrig++] = (trigger){.tok0 = tok0,
                                    .tok1 = tok1,
                                    .sentence = s->sentence_of[tok0],
                                    .level = level,
                                    .dual = dual,
                                    .meeting = SIZE_MAX};
    return true;
}

/* A body cue (small group, political directors) far from any meeting word
 * of its sentence stands for a meeting of that body. */
static bool is_body_trigger(const scan *s, const cue_hit *h)
{
    if (h->cue->role != CUE_LEVEL ||
        meeting_level_rank(h->cue->level) < meeting_level_rank(L_SMALL_GROUP))
        return false;
    for (size_t i = 0; i < s->nhits; i++) {
        const cue_hit *m = &s->hits[i];
        if (m->cue->role != CUE_MEETING ||
            s->sentence_of[m->tok] != s->sentence_of[h->tok])
            continue;
        size_t gap = m->tok > h->tok ? m->tok - h->tok : h->tok - m->tok;
        if (gap <= BODY_GAP)
            return false;
    }
    return true;
}

/* True when token t starts with the article, after at most one proclitic
 * letter (المؤتمر، والمؤتمر، بالمؤتمر). */
bool token_definite(const text_analysis *a, size_t t)
{
    const char *w = a->match + a->tokens[t].match_begin;
    size_t n = a->tokens[t].match_end - a->tokens[t].match_begin;
    static const char al[] = "\xd8\xa7\xd9\x84"; /* ال */
    return (n > 4 && memcmp(w, al, 4) == 0) ||
           (n > 6 && memcmp(w + 2, al, 4) == 0);
}

/* A meeting word inside the name of a standing body is no meeting: the
 * word is part of the name (منظمة المؤتمر الإسلامي, a party or a
 * parliament called المؤتمر الوطني العام). A name that opens with the
 * word undefined (مؤتمر أصدقاء ...) is a conference and its series, so
 * the word still reports a meeting. */
static bool inside_body_name(const scan *s, const cue_hit *h)
{
    size_t t0 = h->tok, t1 = h->tok + h->ntok;
    for (size_t i = 0; i < s->nents; i++) {
        const placed *p = &s->ents[i];
        if (p->kind != KIND_ORGANIZATION || p->tok0 > t0 || p->tok1 < t1 ||
            p->tok1 - p->tok0 <= t1 - t0)
            continue;
        if (p->tok0 < t0 || token_definite(&s->x->a, t0))
            return true;
    }
    return false;
}

/* "كل محادثات السلام", "جميع الاجتماعات": a meeting word after a
 * quantifier speaks of meetings in general, not of one meeting. */
static bool after_quantifier(const scan *s, const cue_hit *h)
{
    const text_analysis *a = &s->x->a;
    return h->tok > 0 && !break_before(a, h->tok) &&
           (token_is(a, h->tok - 1, "\xd9\x83\xd9\x84") ||         /* كل */
            token_is(a, h->tok - 1, "\xd9\x88\xd9\x83\xd9\x84") || /* وكل */
            token_is(a, h->tok - 1,
                     "\xd8\xac\xd9\x85\xd9\x8a\xd8\xb9")); /* جميع */
}

/* "بدوره" (in his turn), "دوره في" (his role in): once folded, ة and ه
 * are one letter, so the session words دورة and جلسة read like a noun
 * with the pronoun ه. Written with ه and without the article (a definite
 * word takes no pronoun), the word is the pronoun's. */
static bool pronoun_lookalike(const scan *s, const cue_hit *h)
{
    static const char *const words[] = {
        "\xd8\xaf\xd9\x88\xd8\xb1\xd9\x87", /* دوره */
        "\xd8\xac\xd9\x84\xd8\xb3\xd9\x87"}; /* جلسه */
    const text_analysis *a = &s->x->a;
    if (h->ntok != 1 || token_definite(a, h->tok))
        return false;
    const char *w = a->match + a->tokens[h->tok].match_begin;
    size_t n = a->tokens[h->tok].match_end - a->tokens[h->tok].match_begin;
    bool listed = false;
    for (size_t k = 0; k < 2 && !listed; k++) {
        size_t m = strlen(words[k]);
        listed = n >= m && n <= m + 4 && memcmp(w + n - m, words[k], m) == 0;
    }
    if (!listed)
        return false;
    size_t wn;
    const char *written = token_written(s, h->tok, &wn);
    return wn >= 2 && memcmp(written + wn - 2, "\xd9\x87", 2) == 0; /* ه */
}

/* Words between a negation and the meeting word it denies. */
#define NEGATION_GAP 5

/* "لا تعتزم حاليا عقد اجتماع": a negation a few words before the meeting
 * word, in its clause, with the holding or intending of a meeting
 * between them, and no other meeting word. */
static bool negated(const scan *s, const cue_hit *h)
{
    const text_analysis *a = &s->x->a;
    bool act = false;
    for (size_t k = 1; k <= NEGATION_GAP && k <= h->tok; k++) {
        size_t t = h->tok - k;
        if (break_before(a, t + 1) || hit_with(s, t, CUE_MEETING))
            return false;
        if (hit_with(s, t, CUE_NEGATION))
            return act;
        if (hit_with(s, t, CUE_NEGATED_ACT))
            act = true;
    }
    return false;
}

static int compare_triggers(const void *pa, const void *pb)
{
    const trigger *a = pa, *b = pb;
    return a->tok0 < b->tok0 ? -1 : a->tok0 > b->tok0;
}

/* Gives each trigger the tokens it owns: from the previous trigger of its
 * sentence (or the sentence start) to the next one (or the sentence end);
 * the two tokens just before a trigger are its own. */
static void assign_ownership(scan *s)
{
    trigger *prev = NULL; /* the last trigger that owns words */
    for (size_t i = 0; i < s->ntrig; i++) {
        trigger *t = &s->trig[i];
        size_t st0, st1;
        sentence_tokens(s, t->sentence, &st0, &st1);
        if (prev && prev->sentence != t->sentence)
            prev = NULL;
        if (t->purpose) { /* its words stay the meeting's before it */
            t->own0 = t->tok0;
            t->own1 = t->tok1;
            continue;
        }
        t->own0 = st0;
        t->own1 = st1;
        if (prev) {
            size_t prev_end = prev->tok1;
            t->own0 = t->tok0 >= prev_end + 2 ? t->tok0 - 2 : prev_end;
            /* "على هامش الدورة ...، عقد الوزراء اجتماعا": the clause that
             * holds the trigger is its own */
            for (size_t k = t->own0; k > prev_end; k--)
                if (break_before(&s->x->a, k)) {
                    t->own0 = k;
                    break;
                }
            prev->own1 = t->own0;
        }
        prev = t;
    }
}

/* "اجتماعا تحضيريا للقمة": a meeting word with ل after a preparing word
 * names what the meeting before it prepares. */
static bool prepared(const scan *s, const cue_hit *h)
{
    const text_analysis *a = &s->x->a;
    const char *w = a->match + a->tokens[h->tok].match_begin;
    return h->tok > 0 && hit_with(s, h->tok - 1, CUE_PREPARES) &&
           memcmp(w, "\xd9\x84", 2) == 0; /* ل */
}

/* True when token t ends in the plural ات (مباحثات، لقاءات): a noun, which
 * right after a meeting word names the same meeting ("جلسة مباحثات"),
 * where a verb there opens a clause of its own. */
static bool plural_noun(const scan *s, size_t t)
{
    const text_analysis *a = &s->x->a;
    const char *w = a->match + a->tokens[t].match_begin;
    size_t n = a->tokens[t].match_end - a->tokens[t].match_begin;
    return n > 6 && memcmp(w + n - 4, "\xd8\xa7\xd8\xaa", 4) == 0; /* ات */
}

/* Words from a discussing verb to "مع", and from "مع" to the party. */
#define DISCUSS_WITH_GAP 10
#define WITH_PARTY_GAP 3

/* True when the n bytes at w hold the bytes of word (NUL-ended). */
static bool holds(const char *w, size_t n, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(w + i, word, k) == 0)
            return true;
    return false;
}

/* True when the sentence of token t speaks of a telephone (هاتف، هاتفيا،
 * اتصال): talks over the phone are no meeting. */
static bool by_telephone(const scan *s, size_t t)
{
    static const char phone[] = "\xd9\x87\xd8\xa7\xd8\xaa\xd9\x81"; /* هاتف */
    static const char call[] = "\xd8\xa7\xd8\xaa\xd8\xb5\xd8\xa7\xd9\x84"; /* اتصال */
    const text_analysis *a = &s->x->a;
    size_t st0, st1;
    sentence_tokens(s, s->sentence_of[t], &st0, &st1);
    for (size_t k = st0; k < st1; k++) {
        const char *w = a->match + a->tokens[k].match_begin;
        size_t n = a->tokens[k].match_end - a->tokens[k].match_begin;
        if (holds(w, n, phone) || holds(w, n, call))
            return true;
    }
    return false;
}

/* "بحث الوزير مع نظيره القبرصي في نيقوسيا": discussing verb h, then مع
 * in its clause, then a counterpart word or a named party; no meeting
 * word between (that one is the trigger) and no telephone. */
static bool talks_with(const scan *s, const cue_hit *h)
{
    const text_analysis *a = &s->x->a;
    size_t with = SIZE_MAX;
    for (size_t k = h->tok + 1; k < a->token_count &&
                                k <= h->tok + DISCUSS_WITH_GAP && with == SIZE_MAX;
         k++) {
        if (break_before(a, k) || hit_with(s, k, CUE_MEETING))
            return false;
        if (token_is(a, k, "\xd9\x85\xd8\xb9")) /* مع */
            with = k;
    }
    if (with == SIZE_MAX || by_telephone(s, h->tok))
        return false;
    size_t end = with + 1 + WITH_PARTY_GAP;
    if (pairs_counterpart_word(s, with + 1, end))
        return true;
    for (size_t i = 0; i < s->nents; i++) {
        const placed *p = &s->ents[i];
        if (p->tok0 > with && p->tok0 < end &&
            (p->kind == KIND_PERSON || p->kind == KIND_STATE ||
             p->kind == KIND_ORGANIZATION) &&
            !(p->entry && p->entry->proscribed))
            return true;
    }
    return false;
}

bool triggers_find(scan *s)
{
    for (size_t i = 0; i < s->nhits; i++) {
        const cue_hit *h = &s->hits[i];
        if (h->cue->role == CUE_DISCUSS) {
            if (talks_with(s, h)) {
                if (!add_trigger(s, h->tok, h->tok + 1, NULL, 0, true))
                    return false;
                s->trig[s->ntrig - 1].bilateral = true;
            }
            continue;
        }
        bool meet = h->cue->role == CUE_MEETING;
        if ((!meet && !is_body_trigger(s, h)) ||
            (meet && (inside_body_name(s, h) || after_quantifier(s, h) ||
                      pronoun_lookalike(s, h) || negated(s, h))))
            continue;
        bool receive = hit_with(s, h->tok, CUE_RECEIVE) != NULL;
        bool bilateral = hit_with(s, h->tok, CUE_BILATERAL) != NULL;
        bool verb = (receive || bilateral) && !plural_noun(s, h->tok);
        if (!add_trigger(s, h->tok, h->tok + h->ntok, h->cue->level,
                         meet ? h->cue->value : 0, verb))
            return false;
        if (receive)
            s->trig[s->ntrig - 1].receive = true;
        if (meet && prepared(s, h))
            s->trig[s->ntrig - 1].purpose = true;
        if (bilateral)
            s->trig[s->ntrig - 1].bilateral = true;
    }
    if (s->ntrig > 1)
        qsort(s->trig, s->ntrig, sizeof *s->trig, compare_triggers);
    assign_ownership(s);
    return true;
}
