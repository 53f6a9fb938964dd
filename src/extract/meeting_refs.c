/* Which meeting a frame is (see meetings.c): a new one, the main one,
 * one it agrees with, one it refers to (this meeting, the summit, their
 * meeting, its session), or the one on whose margins it is held. */
#include <stdlib.h>
#include <string.h>

#include "extract/meeting_scan.h"
#include "graph/vocab.h"

/* ---- frames into meetings
 * ------------------------------------------------------
 */

size_t refs_append(scan *s, meeting *f)
{
    if (s->nmeetings == MAX_MEETINGS)
        return SIZE_MAX;
    s->meetings[s->nmeetings] = *f;
    *f = (meeting){0};
    return s->nmeetings++;
}

/* The article's main meeting: the first not announced for later,
 * preferring one that is not a meeting of two officials. */
size_t refs_main(const scan *s)
{
    size_t first = SIZE_MAX;
    for (size_t i = 0; i < s->nmeetings; i++) {
        if (s->meetings[i].strong)
            continue;
        if (!s->meetings[i].pair)
            return i;
        if (first == SIZE_MAX)
            first = i;
    }
    return first;
}

/* True when frame f may join meeting m: they agree, and an anchored
 * frame shares an anchor with m (or m has none) and is as planned as m. */
bool refs_joins(const meeting *m, const meeting *f)
{
    if (!meeting_compatible(m, f))
        return false;
    if (!meeting_anchored(m))
        return !m->strong;
    bool same_place = (m->city && f->city) || ((m->state || m->city_state) &&
                                               (f->state || f->city_state));
    bool same_date = (m->date.y && f->date.y) || (m->md_only && f->md_only);
    return (same_place || same_date) && m->strong == f->strong;
}

/* "كما عقد وزراء خارجية الدول الضامنة لقاء ثلاثيا": a frame the text
 * says was held, at a level other than the main meeting's, is another
 * meeting even when it names no place or date. */
static bool other_level_held(const meeting *main, const meeting *f)
{
    return f->held && f->level && main->level &&
           strcmp(f->level, main->level) != 0;
}

/* Where frame f goes: an anchored frame joins the first meeting it agrees
 * with, a planned one the first planned meeting it agrees with, any other
 * the main meeting (whatever level it names: levels merge by rank);
 * failing that it is a new meeting. Returns the meeting's index, or
 * SIZE_MAX (f dropped: too many, or no memory). */
size_t refs_place_frame(scan *s, meeting *f, bool *ok)
{
    size_t target = SIZE_MAX, main = refs_main(s);
    /* a meeting held on the margins of another is never that one */
    if (f->beside && main == f->beside - 1)
        main = SIZE_MAX;
    if (meeting_anchored(f)) {
        for (size_t i = 0; target == SIZE_MAX && i < s->nmeetings; i++)
            if (i + 1 != f->beside && refs_joins(&s->meetings[i], f))
                target = i;
    } else if (f->strong) {
        for (size_t i = 0; target == SIZE_MAX && i < s->nmeetings; i++)
            if (i + 1 != f->beside && s->meetings[i].strong &&
                meeting_compatible(&s->meetings[i], f))
                target = i;
    } else if (main != SIZE_MAX &&
               !(f->margin_of && s->meetings[main].pair) &&
               !other_level_held(&s->meetings[main], f)) {
        target = main;
    }
    f->beside = 0; /* said of the frame, not of the meeting it becomes */
    if (target == SIZE_MAX) {
        target = refs_append(s, f);
        meeting_clear(f);
        return target;
    }
    *ok = meeting_merge(&s->meetings[target], f);
    meeting_clear(f);
    return target;
}

/* A sentence without a meeting word still tells of the meeting before it
 * (chairs, participants in the next sentence) and of the main meeting
 * (new members, the statement). */
bool refs_anaphor(scan *s, meeting *f, size_t prev)
{
    f->city = f->state = NULL;
    f->city_state = NULL;
    f->date = (bdate){0, 0, 0};
    f->md_only = false;
    f->future = f->strong = f->held = false;
    bool ok = meeting_merge(&s->meetings[prev], f);
    meeting_clear(f);
    return ok;
}

/* "مخرجات القمة": a meeting word with the article that names a level but
 * no place, reported as held, refers to the last placed or dated meeting
 * of that level told of before. (A bare "الاجتماع" is as often the verb's
 * noun, "قرروا الاجتماع بانتظام", so it refers to nothing.) Returns that
 * meeting, or SIZE_MAX. */
size_t refs_definite(const scan *s, const trigger *t,
                                const meeting *f)
{
    if (!token_definite(&s->x->a, t->tok0) || t->bilateral || !f->level || f->city ||
        f->state || meeting_planned(f))
        return SIZE_MAX;
    for (size_t i = s->nmeetings; i-- > 0;) {
        const meeting *m = &s->meetings[i];
        if (m->pair || meeting_planned(m) || !meeting_anchored(m))
            continue;
        if (!m->level || strcmp(f->level, m->level) != 0)
            continue;
        return i;
    }
    return SIZE_MAX;
}

/* Words between a meeting and "خلال دورته" that holds it. */
#define DURING_GAP 12

/* True when token t is written with a pronoun at its end (ه، ها، هم،
 * هما: دورته، اجتماعهم), in the original text, where ة is not ه. */
static bool ends_with_pronoun(const scan *s, size_t t)
{
    size_t n;
    const char *w = token_written(s, t, &n);
    static const char *const ends[] = {"\xd9\x87", "\xd9\x87\xd8\xa7",
                                       "\xd9\x87\xd9\x85",
                                       "\xd9\x87\xd9\x85\xd8\xa7"};
    for (size_t k = 0; k < 4; k++) {
        size_t m = strlen(ends[k]);
        if (n > m + 4 && memcmp(w + n - m, ends[k], m) == 0)
            return true;
    }
    return false;
}

/* "سيعقد المجلس جلسة خاصة خلال دورته ال40": a meeting word with a
 * pronoun after خلال or في, a few words after another meeting of its
 * clause, is the meeting that holds the first: one meeting. So is any
 * meeting word there after a meeting verb ("اجتمع المندوبون في القاهرة
 * في دورة غير عادية"). Returns
 * the first's meeting, or SIZE_MAX. */
size_t refs_holding(const scan *s, const trigger *t)
{
    static const char during[] = "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84"; /* خلال */
    static const char in[] = "\xd9\x81\xd9\x8a";                  /* في */
    const text_analysis *a = &s->x->a;
    if (t->tok0 == 0 || t->tok1 - t->tok0 != 1 ||
        !(token_is(a, t->tok0 - 1, during) || token_is(a, t->tok0 - 1, in)))
        return SIZE_MAX;
    for (const trigger *o = t; o-- > s->trig;) {
        if (o->sentence != t->sentence || o->tok1 + DURING_GAP < t->tok0)
            return SIZE_MAX;
        for (size_t k = o->tok1; k <= t->tok0; k++)
            if (break_before(a, k))
                return SIZE_MAX; /* another clause */
        if (o->meeting == SIZE_MAX)
            continue;
        /* "دورته" is the session of the one before; after a verb that
         * held a meeting ("اجتمع ... في دورة غير عادية") any session is */
        return ends_with_pronoun(s, t->tok0) || hit_with(s, o->tok0, CUE_HELD)
                   ? o->meeting
                   : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* "ويتطرق الوزراء في اجتماعهم في كوناكري": a meeting word with a
 * pronoun (their meeting) names a meeting the text told of already: the
 * last one of its level that it agrees with, when it gives no date of its
 * own. Returns that meeting, or SIZE_MAX. */
size_t refs_possessive(const scan *s, const trigger *t,
                                  const meeting *f)
{
    if (t->bilateral || t->tok1 - t->tok0 != 1 || !f->level ||
        f->date.y || f->md_only || !ends_with_pronoun(s, t->tok0))
        return SIZE_MAX;
    for (size_t i = s->nmeetings; i-- > 0;) {
        const meeting *m = &s->meetings[i];
        if (m->pair || !m->level || strcmp(f->level, m->level) != 0)
            continue;
        return meeting_compatible(m, f) && meeting_anchored(m) ? i : SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Frame f is told of as the meeting m holds: what it adds of place and
 * date goes to m, which keeps its own, and whether it is planned. */
bool refs_held_in(scan *s, meeting *f, size_t m)
{
    f->future = f->strong = f->held = false;
    bool ok = meeting_merge(&s->meetings[m], f);
    meeting_clear(f);
    return ok;
}

/* "على هامش القمة التقى ...": a meeting on the margins of another told
 * of just before in its sentence is held where and when that one is,
 * unless it says otherwise. */
void refs_margin(const scan *s, const trigger *t, meeting *f)
{
    static const char margin[] = "\xd9\x87\xd8\xa7\xd9\x85\xd8\xb4"; /* هامش */
    const text_analysis *a = &s->x->a;
    size_t st0, st1;
    sentence_tokens(s, t->sentence, &st0, &st1);
    for (size_t k = st0; k < t->tok0; k++) {
        if (!token_is(a, k, margin))
            continue;
        for (const trigger *o = s->trig; o < t; o++) {
            if (o->tok0 <= k || o->tok0 > k + MARGIN_GAP ||
                o->meeting == SIZE_MAX)
                continue;
            const meeting *m = &s->meetings[o->meeting];
            f->beside = o->meeting + 1;
            if (!f->city && !f->state) {
                f->city = m->city;
                f->state = m->state;
                f->city_state = m->city_state;
            }
            if (!f->date.y && !f->md_only) {
                f->date = m->date;
                f->md_only = m->md_only;
            }
            return;
        }
    }
}
