/* Meetings of two officials (see meetings.c): the counterparts one
 * official meets, named or known by their states, one meeting each. */
#include <stdlib.h>
#include <string.h>

#include "extract/meeting_scan.h"
#include "graph/vocab.h"

enum { COUNTERPART_SPAN = 30 }; /* tokens of one "met with A, B and C" */

/* "من قبل": the people after it receive the one named before. */
static bool passive_by(const text_analysis *a, size_t t)
{
    return t > 0 && token_is(a, t - 1, "\xd9\x85\xd9\x86") && /* من */
           token_is(a, t, "\xd9\x82\xd8\xa8\xd9\x84");        /* قبل */
}

/* True when a word for one's counterpart (نظيره، نظيرته، نظراءه) stands in
 * [lo, hi): the person after it is met, not meeting ("التقى وزير الخارجية
 * السعودي نظيره العراقي فؤاد حسين": the subject goes unnamed). */
bool pairs_counterpart_word(const scan *s, size_t lo, size_t hi)
{
    static const char stem[] = "\xd9\x86\xd8\xb8\xd9\x8a\xd8\xb1"; /* نظير */
    static const char plural[] = "\xd9\x86\xd8\xb8\xd8\xb1\xd8\xa7"; /* نظرا */
    const text_analysis *a = &s->x->a;
    for (size_t k = lo; k < hi; k++) {
        const char *w = a->match + a->tokens[k].match_begin;
        size_t n = a->tokens[k].match_end - a->tokens[k].match_begin;
        if ((n >= 8 && memcmp(w, stem, 8) == 0) ||
            (n >= 8 && memcmp(w, plural, 8) == 0))
            return true;
    }
    return false;
}

static bool already_in(const placed *const *list, size_t n, const char *iri)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i]->iri, iri) == 0)
            return true;
    return false;
}

/* Words between a counterpart word and the states it names. */
#define COUNTERPART_STATE_GAP 2

/* "التقى نظيره الياباني", "مع نظرائه من مصر والأردن": counterparts the
 * text does not name, known by their states. The states of tokens
 * [lo, hi) that follow a counterpart word (نظيره، نظرائه) closely, each
 * within COUNTERPART_STATE_GAP words of the one before; up to cap into
 * out, returns how many. */
static size_t unnamed_counterparts(const scan *s, size_t lo, size_t hi,
                                   const placed **out, size_t cap)
{
    size_t n = 0, last = SIZE_MAX;
    for (size_t k = lo; k < hi && last == SIZE_MAX; k++)
        if (pairs_counterpart_word(s, k, k + 1))
            last = k + 1;
    for (size_t i = 0; last != SIZE_MAX && i < s->nents && n < cap; i++) {
        const placed *p = &s->ents[i];
        if (p->tok0 < last || p->tok0 >= hi)
            continue;
        if (p->tok0 > last + COUNTERPART_STATE_GAP)
            break;
        if (p->kind == KIND_STATE && !already_in(out, n, p->iri))
            out[n++] = p;
        last = p->tok1;
    }
    return n;
}

/* The people one official meets, for a meeting of two officials: those
 * after "مع" (or "من قبل") in the trigger's clause, else those after the first
 * person named (who is the one meeting them). Writes up to cap of them into
 * out and returns how many. */
size_t pairs_counterparts(const scan *s, const trigger *t, const placed **out,
                           size_t cap)
{
    const text_analysis *a = &s->x->a;
    size_t end = t->tok1, with = SIZE_MAX;
    while (end < a->token_count && end < t->tok1 + COUNTERPART_SPAN &&
           (end == t->tok1 || !break_before(a, end)) &&
           s->sentence_of[end] == t->sentence) {
        if (with == SIZE_MAX && (token_is(a, end, "\xd9\x85\xd8\xb9") ||
                                 passive_by(a, end))) /* مع، من قبل */
            with = end;
        end++;
    }
    size_t n = 0;
    const char *subject = NULL; /* known once skipped */
    for (size_t i = 0; i < s->nents && n < cap; i++) {
        const placed *p = &s->ents[i];
        if (p->kind != KIND_PERSON || p->tok0 < t->tok1 || p->tok0 >= end ||
            (with != SIZE_MAX && p->tok0 < with))
            continue;
        if (with == SIZE_MAX && !subject &&
            !pairs_counterpart_word(s, t->tok1, p->tok0))
            subject = p->iri;
        /* A person the lexicon knows is placed twice (its mention and
         * the persons stage's): one person, one meeting. */
        if ((subject && strcmp(p->iri, subject) == 0) ||
            already_in(out, n, p->iri))
            continue;
        out[n++] = p;
    }
    if (n > 0)
        return n;
    n = unnamed_counterparts(s, t->tok1, end, out, cap);
    /* "مباحثات مع ممثلي الحكومة الأردنية والاتحاد الأفريقي": with no
     * person named, the bodies and states after "مع" are the parties. */
    if (n > 0 || with == SIZE_MAX)
        return n;
    for (size_t i = 0; i < s->nents && n < cap; i++) {
        const placed *p = &s->ents[i];
        if ((p->kind == KIND_ORGANIZATION || p->kind == KIND_STATE) &&
            p->tok0 > with && p->tok0 < end && !p->entry->proscribed)
            out[n++] = p;
    }
    return n;
}

/* The meeting of two officials with counterpart iri told of before, or
 * SIZE_MAX. */
static size_t pair_meeting(const scan *s, const char *iri)
{
    for (size_t i = 0; i < s->nmeetings; i++)
        if (s->meetings[i].pair && strcmp(s->meetings[i].pair, iri) == 0)
            return i;
    return SIZE_MAX;
}

/* A meeting told of before without its parties that a meeting of two
 * officials g may be ("مباحثات في القاهرة" in a title, then "مباحثات
 * مع ممثلي الحكومة الأردنية" in Cairo): the first that is no pair's and
 * that g joins; or SIZE_MAX. */
static size_t summary_meeting(const scan *s, const meeting *g)
{
    for (size_t i = 0; i < s->nmeetings; i++)
        if (!s->meetings[i].pair && meeting_anchored(&s->meetings[i]) &&
            refs_joins(&s->meetings[i], g))
            return i;
    return SIZE_MAX;
}

/* "التقى الوزير مع رئيس الوزراء أ ووزير الخارجية ب": one meeting per
 * pair, each its own meeting (not the article's main one), and a later
 * frame with the same counterpart ("خلال اجتماعه مع أ") joins it. The
 * frame f is consumed; *at: the first pair's meeting. */
bool pairs_place(scan *s, meeting *f, const placed *const *who,
                        size_t n, size_t *at)
{
    bool ok = true;
    *at = SIZE_MAX;
    iri_clear(&f->attendees);
    for (size_t i = 0; ok && i < n; i++) {
        meeting g = {0};
        g.count = -1;
        ok = meeting_merge(&g, f) && iri_add(&g.attendees, who[i]->iri);
        g.pair = who[i]->iri;
        /* "لقاءات منفصلة مع نظرائه": each is a meeting of two officials,
         * not of the ministers the plural names */
        if (g.level && strcmp(g.level, L_MINISTERIAL) == 0)
            g.level = L_OTHER;
        g.begin = f->begin;
        g.end = f->end;
        g.key = f->key;
        size_t j = pair_meeting(s, who[i]->iri);
        if (j == SIZE_MAX && i == 0)
            j = summary_meeting(s, &g);
        if (ok && j != SIZE_MAX && meeting_compatible(&s->meetings[j], &g)) {
            ok = meeting_merge(&s->meetings[j], &g);
        } else if (ok) {
            g.statement = i == 0 && f->statement;
            j = refs_append(s, &g);
        }
        meeting_clear(&g);
        if (*at == SIZE_MAX)
            *at = j;
    }
    meeting_clear(f);
    return ok;
}

/* "هذه الجلسة", "هذا الاجتماع": the meeting told of before, whose place
 * date and status are already known; what the frame says of them is
 * about something else ("هذه الجلسة تهدف إلى ... في مدينة القدس",
 * "ستعقد اجتماعات من نوع هذه الجلسة"). The rest of the frame (level,
 * chairs, counts) joins that meeting. */
