/* Meetings and what happened at them, and the article's publication date.
 *
 * A meeting is announced by a trigger: a cue of role "meeting", or a level
 * cue naming a coalition body (the small group, the political directors)
 * with no meeting word near it. Each trigger owns the tokens of its
 * sentence from the previous trigger to the next one (a cue just before a
 * trigger belongs to it), capped; the cues, dates and entities it owns
 * describe it: a frame. Frames that agree (meeting_compatible) are one
 * meeting; a frame that neither places nor dates a meeting refers to the
 * article's main meeting, the first one not announced for later. */
#include "extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/meeting_scan.h"
#include "graph/vocab.h"

/* ---- tokens ----------------------------------------------------------------
 */

static size_t token_at_byte(const text_analysis *a, size_t b)
{
    return text_span_after(a->tokens, a->token_count, b);
}

static bool sentences_of_tokens(scan *s)
{
    const text_analysis *a = &s->x->a;
    s->sentence_of = malloc((a->token_count + 1) * sizeof *s->sentence_of);
    if (!s->sentence_of)
        return false;
    size_t k = 0;
    for (size_t t = 0; t < a->token_count; t++) {
        while (k + 1 < a->sentence_count &&
               a->sentences[k].match_end <= a->tokens[t].match_begin)
            k++;
        s->sentence_of[t] = k;
    }
    return true;
}

/* ---- entities on tokens
 * ------------------------------------------------------
 */

static bool push_placed(scan *s, size_t mb, size_t me, const char *iri,
                        entity_kind kind, const lexicon_entry *entry)
{
    const text_analysis *a = &s->x->a;
    if (a->token_count == 0 || me <= mb)
        return true;
    size_t t0 = token_at_byte(a, mb), t1 = token_at_byte(a, me - 1) + 1;
    if (t0 >= a->token_count)
        return true;
    s->ents[s->nents++] = (placed){
        t0,   t1 > t0 ? t1 : t0 + 1, mb > a->tokens[t0].match_begin, iri, kind,
        entry};
    return true;
}

static int compare_placed(const void *pa, const void *pb)
{
    const placed *a = pa, *b = pb;
    if (a->tok0 != b->tok0)
        return a->tok0 < b->tok0 ? -1 : 1;
    return strcmp(a->iri, b->iri);
}

static bool place_entities(scan *s)
{
    const extraction *x = s->x;
    size_t cap = 2 * x->mention_count + x->persons.count + s->nhits + 1;
    s->ents = malloc(cap * sizeof *s->ents);
    if (!s->ents)
        return false;
    for (size_t i = 0; i < x->mention_count; i++) {
        const mention *m = &x->mentions[i];
        if (!m->dropped)
            push_placed(s, m->mb, m->me, m->entry->iri, m->entry->kind,
                        m->entry);
    }
    for (size_t i = 0; i < x->persons.count; i++) {
        const found_entity *f = &x->persons.items[i];
        if (f->iri)
            push_placed(s, f->mb, f->me, f->iri, KIND_PERSON, NULL);
    }
    if (s->nents > 1)
        qsort(s->ents, s->nents, sizeof *s->ents, compare_placed);
    size_t before = s->nents;
    place_capitals(s);
    place_venues(s);
    if (s->nents > before)
        qsort(s->ents, s->nents, sizeof *s->ents, compare_placed);
    return true;
}

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
static bool definite(const text_analysis *a, size_t t)
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
        if (p->tok0 < t0 || definite(&s->x->a, t0))
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
    if (h->ntok != 1 || definite(a, h->tok))
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
    size_t b, e;
    text_match_span(a, a->tokens[h->tok].match_begin,
                    a->tokens[h->tok].match_end, &b, &e);
    const text_doc *d = s->x->doc;
    size_t end = text_byte_offset(d, e);
    /* the last letter as written: ه is 0xd9 0x87 in UTF-8 */
    return end >= 2 && (unsigned char)d->text[end - 2] == 0xd9 &&
           (unsigned char)d->text[end - 1] == 0x87;
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

static bool find_triggers(scan *s)
{
    for (size_t i = 0; i < s->nhits; i++) {
        const cue_hit *h = &s->hits[i];
        bool meet = h->cue->role == CUE_MEETING;
        if ((!meet && !is_body_trigger(s, h)) ||
            (meet && (inside_body_name(s, h) || after_quantifier(s, h) ||
                      pronoun_lookalike(s, h) || negated(s, h))))
            continue;
        bool receive = hit_with(s, h->tok, CUE_RECEIVE) != NULL;
        bool bilateral = hit_with(s, h->tok, CUE_BILATERAL) != NULL;
        if (!add_trigger(s, h->tok, h->tok + h->ntok, h->cue->level,
                         meet ? h->cue->value : 0, receive || bilateral))
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

/* ---- reading a frame
 * -----------------------------------------------------------
 */

/* The window a frame reads: what it owns, capped around the trigger. */
static void window(const trigger *t, size_t *lo, size_t *hi)
{
    *lo = t->tok0 > t->own0 + BEFORE_CAP ? t->tok0 - BEFORE_CAP : t->own0;
    *hi = t->tok1 + AFTER_CAP < t->own1 ? t->tok1 + AFTER_CAP : t->own1;
}

/* True when level cue h may give trigger t its level: one person's
 * office (value 1) does not make a meeting of two officials a meeting of
 * that level, nor lower a summit a minister attends. */
static bool level_applies(const scan *s, const trigger *t, const cue_hit *h)
{
    if (h->cue->role != CUE_LEVEL)
        return false;
    if (h->cue->value != 1)
        return true;
    if (t->bilateral || t->level)
        return false;
    /* One minister makes a ministerial meeting only as its chair
     * ("برئاسة وزير الخارجية"), not as a speaker or guest. */
    size_t lo = h->tok > 2 ? h->tok - 2 : 0;
    return has_cue(s, lo, h->tok, CUE_CHAIR);
}

/* Words between the group that holds a meeting and the meeting word. */
#define GROUP_GAP 3

/* The group that holds the meeting, the subject of the verb that holds it
 * ("عقدت المجموعة المصغرة للتحالف اجتماعا وزاريا", "عقد كبار المسؤولين
 * اجتماعا"): a level cue of a small group or senior officials right after
 * a holding verb, at most GROUP_GAP words before the trigger with no
 * punctuation between; or NULL. It is more specific than the
 * "ministerial" that follows the meeting word. */
static const char *group_before(const scan *s, const trigger *t, size_t lo)
{
    for (size_t i = s->nhits; i-- > 0;) {
        const cue_hit *h = &s->hits[i];
        if (h->tok >= t->tok0 || h->tok < lo)
            continue;
        if (h->tok + h->ntok + GROUP_GAP < t->tok0)
            return NULL;
        if (h->cue->role != CUE_LEVEL || !level_applies(s, t, h) ||
            meeting_level_rank(h->cue->level) <
                meeting_level_rank(L_SMALL_GROUP))
            continue;
        for (size_t k = h->tok + h->ntok; k <= t->tok0; k++)
            if (break_before(&s->x->a, k))
                return NULL;
        return h->tok > 0 && hit_with(s, h->tok - 1, CUE_HELD)
                   ? h->cue->level
                   : NULL;
    }
    return NULL;
}

static const char *read_level_cues(const scan *s, const trigger *t, size_t lo,
                                   size_t hi)
{
    const char *after = NULL;
    for (size_t i = 0; i < s->nhits; i++) {
        const cue_hit *h = &s->hits[i];
        if (level_applies(s, t, h) && h->tok >= t->tok0 && h->tok < hi &&
            meeting_level_rank(h->cue->level) > meeting_level_rank(after))
            after = h->cue->level;
    }
    const char *own = t->level;
    if (meeting_level_rank(own) >= meeting_level_rank(L_SMALL_GROUP) || after) {
        const char *level =
            meeting_level_rank(own) > meeting_level_rank(after) ? own : after;
        const char *group = group_before(s, t, lo);
        return meeting_level_rank(group) > meeting_level_rank(level) ? group
                                                                     : level;
    }
    for (size_t i = s->nhits; i-- > 0;) {
        const cue_hit *h = &s->hits[i];
        if (level_applies(s, t, h) && h->tok >= lo && h->tok < t->tok0)
            return h->cue->level;
    }
    return own;
}

/* The level: the most specific of the trigger's own (a body, a summit)
 * and the cues after it; when nothing after it speaks and the trigger is
 * no body, the nearest cue before it ("الوزراء يعتزمون عقد الاجتماع").
 * Two officials meeting with no level named meet at no group's level. */
static const char *read_level(const scan *s, const trigger *t, size_t lo,
                              size_t hi)
{
    const char *level = read_level_cues(s, t, lo, hi);
    return !level && t->bilateral ? L_OTHER : level;
}

static void set_date(const scan *s, const date_expr *pick, meeting *m);

static void read_date(const scan *s, const trigger *t, size_t lo, size_t hi,
                      meeting *m)
{
    const date_expr *pick = NULL;
    for (size_t i = 0; i < s->ndates && !pick; i++)
        if (s->dates[i].tok0 >= t->tok1 && s->dates[i].tok0 < hi &&
            !s->dates[i].restated)
            pick = &s->dates[i];
    for (size_t i = s->ndates; i-- > 0 && !pick;)
        if (s->dates[i].tok0 >= lo && s->dates[i].tok1 <= t->tok0 &&
            !s->dates[i].restated &&
            !(s->dates[i].dateline &&
              place_dateline_between(s, s->dates[i].tok1, t->tok0)))
            pick = &s->dates[i];
    if (pick)
        set_date(s, pick, m);
}

/* True when d, at its own precision, comes after the day ref. */
static bool date_after(bdate d, bdate ref)
{
    if (d.y != ref.y || !d.m)
        return d.y > ref.y;
    if (d.m != ref.m || !d.d)
        return d.m > ref.m;
    return d.d > ref.d;
}

static void set_date(const scan *s, const date_expr *pick, meeting *m)
{
    bdate d = date_resolve(pick, s->ref, meeting_planned(m));
    /* Dated after the article was published: still to come, whatever
     * the verbs say ("يعقد الاجتماع في 20 مايو"). */
    if (d.y && s->published && date_after(d, s->ref))
        m->strong = true;
    /* "يوم 24 فبراير القادم", "الشهر المقبل": the text itself says it is
     * still to come. */
    if (pick->dir > 0 && pick->kind != DATE_WEEKDAY)
        m->strong = true;
    if (d.y) {
        m->date = d;
    } else if (pick->kind == DATE_MONTH_DAY) {
        m->md_only = true;
        m->date = pick->abs;
    }
}

/* FNV-1a over the letters and digits of the tokens around the trigger:
 * an identity for a meeting the text neither dates nor places. */
static uint32_t words_key(const scan *s, const trigger *t)
{
    const text_analysis *a = &s->x->a;
    size_t t0 = t->tok0 > 4 ? t->tok0 - 4 : 0;
    size_t t1 = t->tok1 + 4 < a->token_count ? t->tok1 + 4 : a->token_count;
    uint32_t h = 2166136261u;
    for (size_t k = t0; k < t1; k++)
        for (size_t b = a->tokens[k].match_begin; b < a->tokens[k].match_end;
             b++) {
            h ^= (unsigned char)a->match[b];
            h *= 16777619u;
        }
    return h;
}

/* Everything a trigger's frame says. */
/* "على هامش الاجتماع", "على هامش أعمال القمة": trigger t names the
 * meeting others are held beside. */
static bool after_margin(const scan *s, const trigger *t)
{
    static const char margin[] = "\xd9\x87\xd8\xa7\xd9\x85\xd8\xb4"; /* هامش */
    const text_analysis *a = &s->x->a;
    for (size_t k = 1; k <= 2 && k <= t->tok0; k++)
        if (token_is(a, t->tok0 - k, margin))
            return true;
    return false;
}

/* Adjectives between a meeting word and "المقبل" that names it next. */
#define NEXT_GAP 3

/* "القمة العربية المقبلة", "الدورة العادية القادمة": "next" a few
 * adjectives after the meeting word, in its clause, names a meeting yet
 * to come (the phrase "القمة المقبلة" alone is a planned cue). */
static bool named_next(const scan *s, const trigger *t)
{
    const text_analysis *a = &s->x->a;
    for (size_t k = t->tok1; k < a->token_count && k <= t->tok1 + NEXT_GAP;
         k++) {
        if (break_before(a, k) || hit_with(s, k, CUE_MEETING))
            return false;
        if (hit_with(s, k, CUE_NEXT))
            return true;
        if (!definite(a, k))
            return false; /* only the meeting's adjectives between */
    }
    return false;
}

static bool read_frame(const scan *s, const trigger *t, meeting *m)
{
    size_t lo, hi, st0, st1;
    window(t, &lo, &hi);
    sentence_tokens(s, t->sentence, &st0, &st1);
    *m = (meeting){0};
    m->count = -1;
    m->dual = t->dual;
    m->level = read_level(s, t, lo, hi);
    m->vir = has_cue(s, lo, hi, CUE_VIRTUAL);
    /* An intention before the trigger ("يعتزمون عقد الاجتماع") or right
     * after it; further on, "عزم" is as likely the members' resolve. */
    size_t near = t->tok1 + 4 < t->own1 ? t->tok1 + 4 : t->own1;
    m->strong = t->purpose || has_cue(s, st0, t->tok0, CUE_PLANNED) ||
                has_cue(s, t->tok0, near, CUE_PLANNED) || named_next(s, t);
    m->future = has_cue(s, lo, hi, CUE_FUTURE);
    m->held = has_cue(s, lo, hi, CUE_HELD);
    m->margin_of = after_margin(s, t);
    read_date(s, t, lo, hi, m);
    place_read(s, t, lo, hi, m);
    /* A count is specific enough ("ممثلين عن 26 دولة") to be read over all
     * the trigger owns, past the window ("... ومشاركة 76 دولة"). */
    m->count = clause_read_count(s, lo, t->own1);
    m->organizer = clause_read_organizer(s, lo, hi);
    if (!m->organizer)
        m->organizer = clause_body_of(s, t);
    const text_analysis *a = &s->x->a;
    m->begin = a->tokens[t->tok0].begin;
    m->end = a->tokens[t->tok1 - 1].end;
    m->key = words_key(s, t);
    return clause_read_all(s, t, lo, hi, m);
}

/* ---- frames into meetings
 * ------------------------------------------------------
 */

static size_t append_meeting(scan *s, meeting *f)
{
    if (s->nmeetings == MAX_MEETINGS)
        return SIZE_MAX;
    s->meetings[s->nmeetings] = *f;
    *f = (meeting){0};
    return s->nmeetings++;
}

/* The article's main meeting: the first not announced for later,
 * preferring one that is not a meeting of two officials. */
static size_t main_meeting(const scan *s)
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
static bool joins(const meeting *m, const meeting *f)
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
static size_t place_frame(scan *s, meeting *f, bool *ok)
{
    size_t target = SIZE_MAX, main = main_meeting(s);
    if (meeting_anchored(f)) {
        for (size_t i = 0; target == SIZE_MAX && i < s->nmeetings; i++)
            if (joins(&s->meetings[i], f))
                target = i;
    } else if (f->strong) {
        for (size_t i = 0; target == SIZE_MAX && i < s->nmeetings; i++)
            if (s->meetings[i].strong &&
                meeting_compatible(&s->meetings[i], f))
                target = i;
    } else if (main != SIZE_MAX &&
               !(f->margin_of && s->meetings[main].pair) &&
               !other_level_held(&s->meetings[main], f)) {
        target = main;
    }
    if (target == SIZE_MAX) {
        target = append_meeting(s, f);
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
static bool read_orphan(scan *s, size_t sentence, size_t last_meeting)
{
    size_t st0, st1;
    sentence_tokens(s, sentence, &st0, &st1);
    if (st0 >= st1)
        return true;
    meeting f = {0};
    f.count = -1;
    bool ok = true;
    for (size_t i = 0; ok && i < s->nhits; i++) {
        const cue_hit *h = &s->hits[i];
        if (h->tok < st0 || h->tok >= st1)
            continue;
        if (h->cue->role == CUE_JOIN)
            ok = clause_read_join(s, h, &f);
        else if (h->cue->role == CUE_MEMBER_AS)
            ok = clause_read_member_as(s, h, &f);
        else if (h->cue->role == CUE_STATEMENT)
            f.statement = true;
        else if (last_meeting != SIZE_MAX && h->cue->role == CUE_CHAIR)
            ok = clause_read_chair(s, h, &f);
        else if (h->cue->role == CUE_ATTEND &&
                 clause_names_participants(s, st0, h->tok))
            ok = clause_read_attend(s, h, &f); /* "رحب المشاركون بحضور" */
    }
    if (last_meeting != SIZE_MAX)
        f.count = clause_read_count(s, st0, st1);
    size_t target = last_meeting != SIZE_MAX && (f.chairs.count || f.count > 0)
                        ? last_meeting
                        : main_meeting(s);
    if (ok && target != SIZE_MAX &&
        (f.statement || f.members.count || f.chairs.count || f.count > 0 ||
         f.attendees.count))
        ok = meeting_merge(&s->meetings[target], &f);
    meeting_clear(&f);
    return ok;
}

/* "اول اجتماع له على هذا المستوى", "الثالثة من نوعها، بعد لقائي القمة":
 * a frame that names no level of its own but refers to the level of the
 * meeting told of before (prev) takes that level. The cue may stand a few
 * tokens before the trigger, in the same sentence. */
static void inherit_level(const scan *s, const trigger *t, meeting *f,
                          size_t prev)
{
    if (f->level || prev == SIZE_MAX || !s->meetings[prev].level)
        return;
    size_t lo, hi, st0, st1;
    window(t, &lo, &hi);
    sentence_tokens(s, t->sentence, &st0, &st1);
    lo = t->tok0 > st0 + SAME_LEVEL_BACK ? t->tok0 - SAME_LEVEL_BACK : st0;
    if (has_cue(s, lo, hi, CUE_SAME_LEVEL))
        f->level = s->meetings[prev].level;
}

/* "لقائي القمة اللذين جريا في لندن (يناير 2015) وباريس (يونيو 2015)":
 * a trigger naming two meetings that names two cities after it gives the
 * second meeting the second city and the date written after it. *twin is
 * left empty (count -1) when the frame names fewer than two cities. */
static bool split_by_cities(const scan *s, const trigger *t, meeting *f,
                            meeting *twin)
{
    *twin = (meeting){0};
    twin->count = -1;
    size_t lo, hi;
    window(t, &lo, &hi);
    const placed *first = place_first(s, t->tok1, hi, KIND_CITY, false, false);
    if (f->dual < 2 || !first || first->entry != f->city)
        return true;
    const placed *second = NULL;
    for (size_t i = 0; i < s->nents && !second; i++)
        if (s->ents[i].tok0 > first->tok0 && s->ents[i].tok0 < hi &&
            s->ents[i].kind == KIND_CITY && s->ents[i].entry != first->entry)
            second = &s->ents[i];
    if (!second)
        return true;
    if (!meeting_merge(twin, f))
        return false;
    f->dual = twin->dual = 0;
    twin->statement = false;
    twin->begin = f->begin;
    twin->end = f->end;
    twin->key = f->key;
    twin->city = second->entry;
    twin->city_state = place_city_state(s, second->entry);
    twin->date = (bdate){0, 0, 0};
    twin->md_only = false;
    for (size_t i = 0; i < s->ndates; i++)
        if (s->dates[i].tok0 >= second->tok1 && s->dates[i].tok0 < hi) {
            set_date(s, &s->dates[i], twin);
            break;
        }
    return true;
}

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
static bool counterpart_word(const scan *s, size_t lo, size_t hi)
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
        if (counterpart_word(s, k, k + 1))
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
static size_t counterparts(const scan *s, const trigger *t, const placed **out,
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
            !counterpart_word(s, t->tok1, p->tok0))
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
            joins(&s->meetings[i], g))
            return i;
    return SIZE_MAX;
}

/* "التقى الوزير مع رئيس الوزراء أ ووزير الخارجية ب": one meeting per
 * pair, each its own meeting (not the article's main one), and a later
 * frame with the same counterpart ("خلال اجتماعه مع أ") joins it. The
 * frame f is consumed; *at: the first pair's meeting. */
static bool place_pairs(scan *s, meeting *f, const placed *const *who,
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
            j = append_meeting(s, &g);
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
static bool take_anaphor(scan *s, meeting *f, size_t prev)
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
static size_t definite_referent(const scan *s, const trigger *t,
                                const meeting *f)
{
    if (!definite(&s->x->a, t->tok0) || t->bilateral || !f->level || f->city ||
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
    const text_analysis *a = &s->x->a;
    size_t b, e;
    text_match_span(a, a->tokens[t].match_begin, a->tokens[t].match_end, &b,
                    &e);
    const text_doc *d = s->x->doc;
    const char *w = d->text + text_byte_offset(d, b);
    size_t n = text_byte_offset(d, e) - text_byte_offset(d, b);
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
static size_t holding_meeting(const scan *s, const trigger *t)
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
static size_t possessive_referent(const scan *s, const trigger *t,
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
static bool take_held_in(scan *s, meeting *f, size_t m)
{
    f->future = f->strong = f->held = false;
    bool ok = meeting_merge(&s->meetings[m], f);
    meeting_clear(f);
    return ok;
}

/* "على هامش القمة التقى ...": a meeting on the margins of another told
 * of just before in its sentence is held where and when that one is,
 * unless it says otherwise. */
static void take_margin(const scan *s, const trigger *t, meeting *f)
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

static bool take_trigger(scan *s, const trigger *t, size_t prev,
                         size_t *placed_at)
{
    meeting f, twin = {0};
    bool ok = read_frame(s, t, &f);
    if (ok && prev != SIZE_MAX && t->tok0 > 0 &&
        hit_with(s, t->tok0 - 1, CUE_ANAPHOR)) {
        *placed_at = prev;
        return take_anaphor(s, &f, prev);
    }
    size_t holder = ok ? holding_meeting(s, t) : SIZE_MAX;
    if (holder != SIZE_MAX) {
        *placed_at = holder;
        return take_held_in(s, &f, holder);
    }
    size_t referent = ok ? definite_referent(s, t, &f) : SIZE_MAX;
    if (ok && referent == SIZE_MAX)
        referent = possessive_referent(s, t, &f);
    if (referent != SIZE_MAX) {
        *placed_at = referent;
        return take_anaphor(s, &f, referent);
    }
    if (ok) {
        inherit_level(s, t, &f, prev);
        take_margin(s, t, &f);
        ok = split_by_cities(s, t, &f, &twin);
    }
    if (!ok) {
        meeting_clear(&f);
        meeting_clear(&twin);
        return false;
    }
    bool split = twin.city != NULL;
    const placed *who[MAX_MEETINGS];
    size_t n =
        t->bilateral && !split ? counterparts(s, t, who, MAX_MEETINGS) : 0;
    if (n > 0) {
        meeting_clear(&twin);
        return place_pairs(s, &f, who, n, placed_at);
    }
    *placed_at = place_frame(s, &f, &ok);
    if (split && ok)
        place_frame(s, &twin, &ok);
    meeting_clear(&twin);
    return ok;
}

static bool build_meetings(scan *s)
{
    bool ok = true;
    size_t k = 0, last = SIZE_MAX, prev = SIZE_MAX;
    size_t nsent = s->x->a.sentence_count;
    for (size_t sent = 0; ok && sent < nsent; sent++) {
        size_t this_last = SIZE_MAX;
        bool any = false;
        for (; ok && k < s->ntrig && s->trig[k].sentence == sent; k++) {
            this_last = SIZE_MAX;
            ok = take_trigger(s, &s->trig[k], prev, &this_last);
            s->trig[k].meeting = this_last;
            if (this_last != SIZE_MAX)
                prev = this_last;
            any = true;
        }
        if (!any && ok)
            ok = read_orphan(s, sent, last);
        last = this_last;
    }
    return ok;
}

/* The meetings an article announces for later ("the ministers look
 * forward to their next meeting") are organized by the body that
 * organized the meeting the article reports, unless the text names
 * another. main: that meeting's index, or SIZE_MAX. */
static void organize_announced(scan *s, size_t main)
{
    if (main == SIZE_MAX || !s->meetings[main].organizer)
        return;
    for (size_t i = 0; i < s->nmeetings; i++) {
        meeting *m = &s->meetings[i];
        if (!m->organizer && !m->pair && meeting_planned(m))
            m->organizer = s->meetings[main].organizer;
    }
}

/* A trigger that names two meetings ("اجتماعين") gives a second one like
 * the first. */
static bool split_duals(scan *s)
{
    size_t n = s->nmeetings;
    for (size_t i = 0; i < n && s->nmeetings < MAX_MEETINGS; i++) {
        if (s->meetings[i].dual < 2)
            continue;
        meeting twin = {0};
        twin.count = -1;
        if (!meeting_merge(&twin, &s->meetings[i])) {
            meeting_clear(&twin);
            return false;
        }
        twin.statement = false;
        twin.dual = 0;
        twin.begin = s->meetings[i].begin;
        twin.end = s->meetings[i].end;
        twin.key = s->meetings[i].key;
        s->meetings[s->nmeetings++] = twin;
    }
    return true;
}

/* ---- publication date
 * -------------------------------------------------------------
 */

/* The publication date: HTML metadata, else a header or dateline (written
 * as schema:datePublished); the reference for relative dates falls back
 * on what the text fixes ("أمس (22 آذار 2017)"). */
static bayan_status find_reference(extraction *x, scan *s)
{
    bdate pub = {0, 0, 0}, line;
    size_t which;
    bool dated = dates_dateline(&x->a, s->dates, s->ndates, &line, &which);
    /* The dateline dates the text, never a meeting. */
    if (dated && which != SIZE_MAX)
        s->dates[which].dateline = true;
    if (x->doc->published && date_parse_iso(x->doc->published, &pub)) {
        s->ref = pub;
        s->published = true;
        return BAYAN_OK;
    }
    if (dated) {
        pub = line;
        s->ref = pub;
        s->published = true;
        char buf[11];
        date_format(pub, buf);
        return graph_add_literal(x->g, x->ids->article, x->ids->article,
                                 P_DATE_PUBLISHED, buf, XSD_DATE, NULL);
    }
    dates_infer_reference(s->dates, s->ndates, &s->ref);
    return BAYAN_OK;
}

/* ---- the stage
 * ------------------------------------------------------------------------
 */

static void scan_clear(scan *s)
{
    for (size_t i = 0; i < s->nmeetings; i++)
        meeting_clear(&s->meetings[i]);
    free(s->meetings);
    free(s->hits);
    free(s->dates);
    free(s->ents);
    free(s->sentence_of);
    free(s->trig);
}

bayan_status extract_meetings(extraction *x)
{
    scan s = {0};
    s.x = x;
    bayan_status st = cue_find(x->env->cues, x->doc, &x->a, &s.hits, &s.nhits);
    if (st == BAYAN_OK)
        st = dates_find(x->env->cues, &x->a, s.hits, s.nhits, &s.dates,
                        &s.ndates);
    if (st == BAYAN_OK)
        st = find_reference(x, &s);
    if (st == BAYAN_OK) {
        s.meetings = calloc(MAX_MEETINGS, sizeof *s.meetings);
        bool ok = s.meetings && sentences_of_tokens(&s) &&
                  place_entities(&s) && find_triggers(&s) &&
                  build_meetings(&s);
        if (ok) {
            place_from_title(&s, main_meeting(&s));
            organize_announced(&s, main_meeting(&s));
        }
        ok = ok && split_duals(&s);
        st = ok ? meetings_write(x, s.meetings, s.nmeetings, main_meeting(&s))
                : BAYAN_ERR_NOMEM;
    }
    scan_clear(&s);
    return st;
}
