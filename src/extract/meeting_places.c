/* Where a meeting is held: the places a frame reads (a city, else a
 * state, near the trigger or in its clause; a host; the visit it is told
 * with), the capital named by its state's adjective, and the city of a
 * title line. See meeting_scan.h; the rules are tested in
 * tests/unit/extract/test_meeting_frames.c. */
#include <stdlib.h>
#include <string.h>

#include "extract/meeting_scan.h"
#include "graph/vocab.h"

/* True when token t is "العاصمة", with or without proclitics. */
static bool capital_word(const text_analysis *a, size_t t)
{
    static const char word[] = "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd8\xb5"
                               "\xd9\x85\xd9\x87"; /* العاصمه (folded) */
    size_t n = a->tokens[t].match_end - a->tokens[t].match_begin;
    size_t k = sizeof word - 1;
    return n >= k &&
           memcmp(a->match + a->tokens[t].match_end - k, word, k) == 0;
}

/* "بالعاصمة اليونانية" names the capital by its state's adjective: the
 * capital (ontology/lexicon/capitals.ttl) is placed on the adjective as a
 * city, unless the text names the city right after it. Called with the
 * mentions sorted; adds at most one city per state mention. */
void place_capitals(scan *s)
{
    const text_analysis *a = &s->x->a;
    const lexicon *lex = s->x->env->lexicon;
    size_t n = s->nents;
    for (size_t i = 0; i < n; i++) {
        const placed *p = &s->ents[i];
        if (p->kind != KIND_STATE || !p->entry->capital || p->tok0 == 0 ||
            !capital_word(a, p->tok0 - 1))
            continue;
        bool named = i + 1 < n && s->ents[i + 1].kind == KIND_CITY &&
                     s->ents[i + 1].tok0 == p->tok1;
        const lexicon_entry *city = lexicon_entry_of(lex, p->entry->capital);
        if (!named && city)
            s->ents[s->nents++] =
                (placed){p->tok0, p->tok1, false, city->iri, KIND_CITY, city};
    }
}

/* Words between a venue and the city that names where it is. */
#define VENUE_CITY_GAP 2

/* "في قصر الإليزيه", "في البيت الأبيض": a seat or palace where meetings
 * are held (a venue cue, ontology/patterns/meetings.ttl) places its city
 * on its words, unless a city is named on them or right after them
 * ("مقر الأمم المتحدة في جنيف"). The venue is no mention of the city: it
 * only places meetings. */
void place_venues(scan *s)
{
    const lexicon *lex = s->x->env->lexicon;
    for (size_t i = 0; i < s->nhits; i++) {
        const cue_hit *h = &s->hits[i];
        if (h->cue->role != CUE_VENUE || !h->cue->iri)
            continue;
        const lexicon_entry *city = lexicon_find(lex, h->cue->iri);
        if (!city || city->kind != KIND_CITY)
            continue;
        bool named = false;
        for (size_t k = 0; k < s->nents && !named; k++)
            named = s->ents[k].kind == KIND_CITY &&
                    s->ents[k].tok0 < h->tok + h->ntok + VENUE_CITY_GAP &&
                    s->ents[k].tok1 > h->tok;
        if (!named)
            s->ents[s->nents++] = (placed){h->tok, h->tok + h->ntok, false,
                                           city->iri, KIND_CITY, city};
    }
}

/* True when a dash, bracket or colon stands between tokens t0 and t1: the
 * dateline ends there ("عمان 10 مايو 2023 (بترا) - تستضيف ..."), and its
 * date dates the article, not what the sentence after it tells of. */
bool place_dateline_between(const scan *s, size_t t0, size_t t1)
{
    const text_analysis *a = &s->x->a;
    if (t1 >= a->token_count || t0 >= t1)
        return false;
    size_t b0 = a->tokens[t0].match_begin, b1 = a->tokens[t1].match_begin;
    for (size_t b = b0; b < b1; b++) {
        unsigned char c = (unsigned char)a->match[b];
        if (c && strchr("-():", c))
            return true;
        if (c == 0xe2 && b + 2 < b1 &&
            (unsigned char)a->match[b + 1] == 0x80 &&
            ((unsigned char)a->match[b + 2] == 0x93 ||
             (unsigned char)a->match[b + 2] == 0x94))
            return true; /* – — */
    }
    return false;
}

/* The state a city lies in (its schema:containedInPlace). */
const char *place_city_state(const scan *s, const lexicon_entry *city)
{
    const bayan_graph *lg = lexicon_graph(s->x->env->lexicon);
    for (size_t i = 0; i < city->quad_count; i++)
        if (strcmp(graph_term(lg, city->quads[i].p)->value, P_CONTAINED_IN) ==
            0)
            return graph_term(lg, city->quads[i].o)->value;
    return NULL;
}

/* True when the token before tok is a word that names a place as such
 * (مدينة، العاصمة; ontology/lexicon/place-cues.ttl), bare or after ب. */
static bool after_place_word(const scan *s, size_t tok)
{
    if (tok == 0)
        return false;
    const text_analysis *a = &s->x->a;
    const char *w = a->match + a->tokens[tok - 1].match_begin;
    size_t n = a->tokens[tok - 1].match_end - a->tokens[tok - 1].match_begin;
    const lexicon *lex = s->x->env->lexicon;
    if (lexicon_place_cue(lex, w, n) == PLACE_CUE_NAMING)
        return true;
    return n > 2 && memcmp(w, "\xd8\xa8", 2) == 0 && /* ب */
           lexicon_place_cue(lex, w + 2, n - 2) == PLACE_CUE_NAMING;
}

/* A place named as such: after "في" or a word like "مدينة", or with the
 * preposition ب; a state also as the adjective of a town the lexicon
 * does not know ("بمدينة بوزنيقة المغربية"). */
static bool locative(const scan *s, const placed *p)
{
    const text_analysis *a = &s->x->a;
    if (p->tok0 > 0 && (token_is(a, p->tok0 - 1, "\xd9\x81\xd9\x8a") ||
                        after_place_word(s, p->tok0)))
        return true; /* في */
    /* The town's name: one or two words between. */
    for (size_t k = 1; p->kind == KIND_STATE && k <= 2 && p->tok0 > k &&
                       !break_before(a, p->tok0 - k + 1);
         k++)
        if (after_place_word(s, p->tok0 - k))
            return true;
    return p->clitic && memcmp(a->match + a->tokens[p->tok0].match_begin,
                               "\xd8\xa8", 2) == 0; /* ب */
}

/* A place named as what a meeting is about ("جلسة خاصة بمدينة القدس",
 * "مؤتمر حول سوريا", "الأوضاع في ليبيا", "المخصص لإعادة إعمار الموصل"):
 * a topic cue up to three tokens before it; three tokens back only with
 * no "في" before the place, which opens a new phrase ("حول فلسطين في
 * نيويورك" is held in New York). */
static bool is_topic(const scan *s, const placed *p)
{
    size_t lo = p->tok0 > 2 ? p->tok0 - 2 : 0;
    if (has_cue(s, lo, p->tok0, CUE_TOPIC))
        return true;
    return p->tok0 > TOPIC_GAP &&
           !token_is(&s->x->a, p->tok0 - 1, "\xd9\x81\xd9\x8a") && /* في */
           has_cue(s, p->tok0 - TOPIC_GAP, lo, CUE_TOPIC);
}

const placed *place_first(const scan *s, size_t lo, size_t hi,
                          entity_kind kind, bool backwards, bool need_locative)
{
    for (size_t k = 0; k < s->nents; k++) {
        size_t i = backwards ? s->nents - 1 - k : k;
        const placed *p = &s->ents[i];
        if (p->tok0 >= lo && p->tok0 < hi && p->kind == kind &&
            (!need_locative || locative(s, p)) && !is_topic(s, p))
            return p;
    }
    return NULL;
}

/* One past the last token of the clause that goes on at token from (no
 * punctuation between), within what trigger t owns and at most
 * CLAUSE_PLACE_CAP tokens after the trigger. */
static size_t clause_end(const scan *s, const trigger *t, size_t from)
{
    size_t cap = t->tok1 + CLAUSE_PLACE_CAP < t->own1
                     ? t->tok1 + CLAUSE_PLACE_CAP
                     : t->own1;
    size_t end = from;
    while (end < cap && (end == t->tok1 || !break_before(&s->x->a, end)))
        end++;
    return end;
}

/* p, a place named before trigger t, unless a dash, bracket or colon
 * stands between: then p is the dateline's city ("القاهرة 10 مايو (وكالات)
 * - عقد مجلس الأمن جلسة"), where the news was written. A reception is
 * the exception: one receives at home, where the dateline is ("عمان (بترا)
 * - استقبل الملك في قصر الحسينية ..."). */
static const placed *behind(const scan *s, const placed *p, const trigger *t)
{
    return p && (t->receive || !place_dateline_between(s, p->tok1, t->tok0))
               ? p
               : NULL;
}

/* The state a host cue in [lo, hi) names, or NULL. */
static const placed *window_host(const scan *s, size_t lo, size_t hi)
{
    for (size_t i = 0; i < s->nhits; i++)
        if (s->hits[i].cue->role == CUE_HOST && s->hits[i].tok >= lo &&
            s->hits[i].tok < hi) {
            const placed *p = clause_host_state(s, &s->hits[i]);
            if (p)
                return p;
        }
    return NULL;
}

/* True when a comma or a full stop, and no dateline mark, stands
 * between p and trigger t: p is the adjective of the clause before ("...
 * وزير الخارجية الأمريكي، كما استقبل ..."), not where one receives. */
static bool other_clause(const scan *s, const placed *p, const trigger *t)
{
    if (place_dateline_between(s, p->tok1 - 1, t->tok0))
        return false;
    for (size_t k = p->tok1; k <= t->tok0; k++)
        if (break_before(&s->x->a, k))
            return true;
    return false;
}

static void read_place(const scan *s, const trigger *t, size_t lo, size_t hi,
                       meeting *m)
{
    const placed *p = place_first(s, t->tok1, hi, KIND_CITY, false, false);
    if (!p)
        p = place_first(s, hi, clause_end(s, t, hi), KIND_CITY, false, true);
    /* A host named in the window places the meeting before anything
     * named before the trigger ("أعلن بالقاهرة استعداد تونس لاستضافة
     * مؤتمر"): what stands before is as often where it was announced. */
    const placed *host = p ? NULL : window_host(s, lo, hi);
    if (host) {
        m->state = host->entry;
        return;
    }
    if (!p)
        p = behind(s, place_first(s, lo, t->tok0, KIND_CITY, true, false), t);
    if (p) {
        m->city = p->entry;
        m->city_state = place_city_state(s, p->entry);
        return;
    }
    /* A state after the trigger is its place only close to it and before
     * the clause ends: further on it is a topic ("تباحثا حول الوضع، واتفقا
     * على دعم الحوار في ليبيا", "اجتماع متابعة الأوضاع في سوريا"). */
    size_t end = t->tok1;
    while (end < hi && end < t->tok1 + STATE_PLACE_GAP &&
           (end == t->tok1 || !break_before(&s->x->a, end)))
        end++;
    p = place_first(s, t->tok1, end, KIND_STATE, false, true);
    if (!p)
        p = behind(
            s, place_first(s, lo, t->tok0, KIND_STATE, true, !t->receive), t);
    if (p && t->receive && !locative(s, p) && other_clause(s, p, t))
        p = NULL;
    if (p)
        m->state = p->entry;
}

/* The place of the visit told of in the sentence of visit cue h: a city
 * named as a place anywhere in it ("بأثينا في زيارة"), else a state named
 * as a place or after "إلى" just after the cue ("في زيارة إلى اليونان"). */
static const placed *visit_place(const scan *s, const cue_hit *h)
{
    size_t st0, st1;
    sentence_tokens(s, s->sentence_of[h->tok], &st0, &st1);
    const placed *p = place_first(s, st0, st1, KIND_CITY, false, true);
    for (size_t i = 0; i < s->nents && !p; i++) {
        const placed *q = &s->ents[i];
        if (q->kind == KIND_STATE && q->tok0 >= h->tok &&
            q->tok0 < h->tok + VISIT_PLACE_GAP && q->tok0 < st1 &&
            (locative(s, q) ||
             (q->tok0 > 0 &&
              token_is(&s->x->a, q->tok0 - 1,
                       "\xd8\xa7\xd9\x84\xd9\x8a")))) /* الي: إلى folded */
            p = q;
    }
    return p;
}

/* A frame with no place that speaks of a visit in its window is held
 * where the last visit told of up to there goes. */
static void read_visit_place(const scan *s, size_t lo, size_t hi, meeting *m)
{
    if (m->city || m->state || !has_cue(s, lo, hi, CUE_VISIT))
        return;
    for (size_t i = s->nhits; i-- > 0;) {
        const cue_hit *h = &s->hits[i];
        if (h->cue->role != CUE_VISIT || h->tok >= hi)
            continue;
        const placed *p = visit_place(s, h);
        if (p && p->kind == KIND_CITY) {
            m->city = p->entry;
            m->city_state = place_city_state(s, p->entry);
            return;
        }
        if (p) {
            m->state = p->entry;
            return;
        }
    }
}

/* A city that opens a title line as a dateline does ("وارسو – …", "وارسو
 * <byline>"): alone, before punctuation, or before a person's name. */
static bool opens_dateline(const scan *s, const placed *city, size_t t1)
{
    size_t t0, unused;
    sentence_tokens(s, 0, &t0, &unused);
    if (city->tok0 != t0 || city->tok1 >= t1 ||
        break_before(&s->x->a, city->tok1))
        return city->tok0 == t0;
    for (size_t i = 0; i < s->nents; i++)
        if (s->ents[i].kind == KIND_PERSON && s->ents[i].tok0 == city->tok1)
            return true;
    return false;
}

/* A main meeting the text does not place takes the one city of a short
 * title line without a meeting word ("وزراء خارجية دول الناتو في
 * بروكسل"), when the title names it as a place or opens with it (a
 * dateline); a city that acts in a title ("واشنطن تؤكد") stands for its
 * government. */
void place_from_title(scan *s, size_t main)
{
    size_t t0, t1;
    if (main == SIZE_MAX || s->meetings[main].city ||
        s->meetings[main].state || s->meetings[main].vir ||
        (s->ntrig && s->trig[0].sentence == 0))
        return;
    sentence_tokens(s, 0, &t0, &t1);
    if (t1 - t0 > 12)
        return;
    const placed *city = NULL;
    for (size_t i = 0; i < s->nents; i++) {
        const placed *p = &s->ents[i];
        if (p->tok0 >= t0 && p->tok0 < t1 && p->kind == KIND_CITY &&
            (locative(s, p) || opens_dateline(s, p, t1))) {
            if (city)
                return;
            city = p;
        }
    }
    if (city) {
        s->meetings[main].city = city->entry;
        s->meetings[main].city_state = place_city_state(s, city->entry);
    }
}

void place_read(const scan *s, const trigger *t, size_t lo, size_t hi,
                meeting *m)
{
    read_place(s, t, lo, hi, m);
    read_visit_place(s, lo, hi, m);
}
