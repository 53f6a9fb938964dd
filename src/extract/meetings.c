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
        if (!token_definite(a, k))
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
                        : refs_main(s);
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

static bool take_trigger(scan *s, const trigger *t, size_t prev,
                         size_t *placed_at)
{
    meeting f, twin = {0};
    bool ok = read_frame(s, t, &f);
    if (ok && prev != SIZE_MAX && t->tok0 > 0 &&
        hit_with(s, t->tok0 - 1, CUE_ANAPHOR)) {
        *placed_at = prev;
        return refs_anaphor(s, &f, prev);
    }
    size_t holder = ok ? refs_holding(s, t) : SIZE_MAX;
    if (holder != SIZE_MAX) {
        *placed_at = holder;
        return refs_held_in(s, &f, holder);
    }
    size_t referent = ok ? refs_definite(s, t, &f) : SIZE_MAX;
    if (ok && referent == SIZE_MAX)
        referent = refs_possessive(s, t, &f);
    if (referent != SIZE_MAX) {
        *placed_at = referent;
        return refs_anaphor(s, &f, referent);
    }
    if (ok) {
        inherit_level(s, t, &f, prev);
        refs_margin(s, t, &f);
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
        t->bilateral && !split ? pairs_counterparts(s, t, who, MAX_MEETINGS) : 0;
    if (n > 0) {
        meeting_clear(&twin);
        return pairs_place(s, &f, who, n, placed_at);
    }
    *placed_at = refs_place_frame(s, &f, &ok);
    if (split && ok)
        refs_place_frame(s, &twin, &ok);
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
                  place_entities(&s) && triggers_find(&s) &&
                  build_meetings(&s);
        if (ok) {
            place_from_title(&s, refs_main(&s));
            organize_announced(&s, refs_main(&s));
        }
        ok = ok && split_duals(&s);
        st = ok ? meetings_write(x, s.meetings, s.nmeetings, refs_main(&s))
                : BAYAN_ERR_NOMEM;
    }
    scan_clear(&s);
    return st;
}
