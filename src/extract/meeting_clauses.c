/* The clause readers of the meetings stage: who chairs, co-hosts,
 * invites, hosts, attends and joins a meeting, how many took part, and who
 * organised it, each read from the tokens after its cue. */
#include "extract/meeting_scan.h"

static bool is_trigger_token(const scan *s, size_t t)
{
    for (size_t i = 0; i < s->ntrig; i++)
        if (t >= s->trig[i].tok0 && t < s->trig[i].tok1)
            return true;
    return false;
}

/* Where a clause that starts at c0 ends: at punctuation, at a meeting word
 * (one right after the cue is skipped: "سيترأس الاجتماع وزير ..."), or
 * after CLAUSE_CAP tokens. */
static size_t clause_end(const scan *s, size_t c0)
{
    size_t st0, st1;
    sentence_tokens(s, s->sentence_of[c0 < s->x->a.token_count ? c0 : 0], &st0,
                    &st1);
    size_t t = c0;
    while (t < st1 && t < c0 + 2 && is_trigger_token(s, t))
        t++;
    for (; t < st1 && t < c0 + CLAUSE_CAP; t++) {
        if (t > c0 && break_before(&s->x->a, t))
            break;
        if (is_trigger_token(s, t))
            break;
    }
    return t;
}

static bool is_filler(const scan *s, size_t t)
{
    static const char *const FILLERS[] = {
        "\xd9\x83\xd9\x84",         /* كل */
        "\xd9\x85\xd9\x86",         /* من */
        "\xd9\x88",                 /* و */
        "\xd9\x83\xd9\x84\xd8\xa7", /* كلا */
        "\xd8\xaf\xd9\x88\xd9\x84\xd9\x87", /* دوله: "كل من دولة الكويت" */
        "\xd9\x88\xd8\xaf\xd9\x88\xd9\x84\xd9\x87", /* ودوله */
    };
    for (size_t i = 0; i < sizeof FILLERS / sizeof *FILLERS; i++)
        if (token_is(&s->x->a, t, FILLERS[i]))
            return true;
    return false;
}

/* Where a list of states may start in [c0, c1): after "كل من" ("يرأس
 * المجموعة كل من إيطاليا والسعودية": the verb's object comes first), else
 * at c0. */
static size_t each_of(const scan *s, size_t c0, size_t c1)
{
    for (size_t t = c0; t + 1 < c1; t++)
        if (token_is(&s->x->a, t, "\xd9\x83\xd9\x84") &&   /* كل */
            token_is(&s->x->a, t + 1, "\xd9\x85\xd9\x86")) /* من */
            return t;
    return c0;
}

/* States named directly after c0 ("كل من إيطاليا والسعودية"): a state that
 * follows a role noun ("وزير الخارجية الأمريكي") speaks for the person,
 * not for itself. */
static bool chain_states(const scan *s, size_t c0, size_t c1, iri_set *out)
{
    size_t expect = each_of(s, c0, c1);
    for (size_t i = 0; i < s->nents; i++) {
        const placed *p = &s->ents[i];
        if (p->tok0 < c0 || p->tok0 >= c1 || p->kind != KIND_STATE)
            continue;
        bool ok = true;
        for (size_t t = expect; t < p->tok0 && ok; t++)
            ok = is_filler(s, t);
        if (!ok)
            break;
        if (!iri_add(out, p->iri))
            return false;
        expect = p->tok1;
    }
    return true;
}

/* Adds the entities of kind in [c0, c1); a proscribed group ("بمشاركة
 * ... في الحرب على داعش") is never a party to a meeting. */
static bool add_kind(const scan *s, size_t c0, size_t c1, entity_kind kind,
                     iri_set *out)
{
    for (size_t i = 0; i < s->nents; i++) {
        const placed *p = &s->ents[i];
        if (p->tok0 >= c0 && p->tok0 < c1 && p->kind == kind &&
            !(p->entry && p->entry->proscribed) && !iri_add(out, p->iri))
            return false;
    }
    return true;
}

/* Persons in the clause, else the states named directly. */
static bool clause_people(const scan *s, size_t c0, size_t c1, iri_set *out)
{
    return add_kind(s, c0, c1, KIND_PERSON, out) &&
           chain_states(s, c0, c1, out);
}

/* True when the chair cue at token t follows a delegation or government
 * in its clause ("الحكومة العراقية الجديدة برئاسة ..."): that person heads
 * the body, not the meeting. */
static bool heads_body(const scan *s, size_t t)
{
    for (size_t k = t; k > 0 && k + BODY_BACK > t; k--) {
        if (break_before(&s->x->a, k) || is_trigger_token(s, k - 1))
            return false; /* "اجتماع اللجنة برئاسة": the meeting's chair */
        if (hit_with(s, k - 1, CUE_DELEGATION) ||
            hit_with(s, k - 1, CUE_HEADED_BODY))
            return true;
    }
    return false;
}

/* "برئاسة الأردن وحضور الأمين العام": once a chair is named, who attends
 * does not chair; an attendance word before any name qualifies the chair
 * ("يترأس القمة بالمشاركة كل من ...": jointly). */
static size_t chairs_end(const scan *s, size_t c0, size_t c1)
{
    size_t named = c1;
    for (size_t i = 0; i < s->nents; i++) {
        const placed *p = &s->ents[i];
        if (p->tok0 >= c0 && p->tok0 < c1 &&
            (p->kind == KIND_PERSON || p->kind == KIND_STATE) &&
            p->tok1 < named)
            named = p->tok1;
    }
    for (size_t t = named; t < c1; t++)
        if (hit_with(s, t, CUE_ATTEND))
            return t;
    return c1;
}

/* The first delegation cue in [c0, c1), or c1. */
static size_t delegation_at(const scan *s, size_t c0, size_t c1)
{
    for (size_t t = c0; t < c1; t++)
        if (hit_with(s, t, CUE_DELEGATION))
            return t;
    return c1;
}

bool clause_read_chair(const scan *s, const cue_hit *h, meeting *m)
{
    size_t c0 = h->tok + h->ntok, c1 = clause_end(s, c0);
    size_t d = delegation_at(s, c0, c1);
    /* "ترأس الوزير وفد بلاده خلال الاجتماع": he attends, heading his
     * delegation; he does not chair the meeting */
    if (d < c1)
        return add_kind(s, c0, d, KIND_PERSON, &m->attendees);
    if (heads_body(s, h->tok))
        return true;
    c1 = chairs_end(s, c0, c1);
    return clause_people(s, c0, c1, &m->chairs);
}

static bool read_cohost(const scan *s, const trigger *t, const cue_hit *h,
                        meeting *m)
{
    size_t c0 = h->tok + h->ntok, c1 = clause_end(s, c0);
    return clause_people(s, c0, c1, &m->cohosts) &&
           add_kind(s, t->own0, h->tok, KIND_PERSON, &m->cohosts);
}

/* The state that hosts: just before the cue ("الكويت التي استضافت") or
 * just after it ("استضافته المملكة العربية السعودية"). */
const placed *clause_host_state(const scan *s, const cue_hit *h)
{
    for (size_t i = 0; i < s->nents; i++) {
        const placed *p = &s->ents[i];
        if (p->kind == KIND_STATE &&
            ((p->tok1 <= h->tok && p->tok1 + 2 >= h->tok) ||
             p->tok0 == h->tok + h->ntok))
            return p;
    }
    return NULL;
}

static bool read_host(const scan *s, const cue_hit *h, meeting *m)
{
    const placed *best = clause_host_state(s, h);
    if (!best)
        return true;
    if (!m->city && !m->state)
        m->state = best->entry;
    return iri_add(&m->hosts, best->iri);
}

/* States that join: between the cue and the coalition it names. */
bool clause_read_join(const scan *s, const cue_hit *h, meeting *m)
{
    size_t c0 = h->tok + h->ntok, c1 = c0;
    size_t limit = c0 + CLAUSE_CAP;
    while (c1 < limit && c1 < s->x->a.token_count &&
           !hit_with(s, c1, CUE_COALITION))
        c1++;
    if (c1 >= limit || c1 >= s->x->a.token_count)
        return true;
    return add_kind(s, c0, c1, KIND_STATE, &m->members);
}

/* "رحبوا بالدولة X بصفتها العضو الخامس والتسعين في التحالف": the state
 * just before the cue is a new member when the coalition follows within a
 * few tokens. */
bool clause_read_member_as(const scan *s, const cue_hit *h, meeting *m)
{
    size_t c0 = h->tok + h->ntok, n = s->x->a.token_count;
    bool coalition = false;
    for (size_t t = c0; t < n && t < c0 + MEMBER_AS_GAP && !coalition; t++)
        coalition = hit_with(s, t, CUE_COALITION) != NULL;
    if (!coalition)
        return true;
    const placed *last = NULL;
    for (size_t i = 0; i < s->nents; i++)
        if (s->ents[i].kind == KIND_STATE && s->ents[i].tok1 <= h->tok &&
            s->ents[i].tok1 + 1 >= h->tok)
            last = &s->ents[i];
    return !last || iri_add(&m->members, last->iri);
}

/* A number at token t in digits or words ("خمس وستين"); *len receives
 * its tokens. */
static long number_at(const scan *s, size_t t, size_t *len)
{
    const text_span *tk = &s->x->a.tokens[t];
    long v = date_token_number(s->x->a.match + tk->match_begin,
                               tk->match_end - tk->match_begin);
    *len = 1;
    if (v >= 0)
        return v;
    const cue_hit *h = hit_with(s, t, CUE_NUMBER);
    if (!h)
        return -1;
    v = h->cue->value;
    *len = h->ntok;
    const cue_hit *tens = hit_with(s, t + h->ntok, CUE_NUMBER);
    if (tens && v < 10 && tens->cue->value >= 20 && tens->cue->value < 100) {
        v += tens->cue->value;
        *len += tens->ntok;
    }
    return v;
}

/* The first participant count in [lo, hi): a number before "دولة" not
 * preceded by the coalition's size ("يضم"), or after "وعددها". */
long clause_read_count(const scan *s, size_t lo, size_t hi)
{
    for (size_t t = lo; t < hi; t++) {
        size_t len;
        if (hit_with(s, t, CUE_COUNT_LEAD)) {
            long v =
                t + 1 < s->x->a.token_count ? number_at(s, t + 1, &len) : -1;
            if (v >= 2)
                return v;
        }
        long v = number_at(s, t, &len);
        if (v < 2 || !hit_with(s, t + len, CUE_COUNT_NOUN))
            continue;
        size_t b = t > 3 ? t - 3 : 0;
        if (!has_cue(s, b, t, CUE_COUNT_BLOCK))
            return v;
    }
    return -1;
}

/* The first entity placed at token lo or after (the entities are sorted
 * by token): a meeting reads its own tokens, not the whole article's. */
static size_t first_ent_from(const scan *s, size_t lo)
{
    size_t a = 0, b = s->nents;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (s->ents[mid].tok0 < lo)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

/* The organizer: the coalition, when the frame names it and the article
 * mentions it. */
const char *clause_read_organizer(const scan *s, size_t lo, size_t hi)
{
    size_t from = first_ent_from(s, lo);
    for (size_t i = 0; i < s->nhits; i++) {
        const cue_hit *h = &s->hits[i];
        if (h->cue->role != CUE_COALITION || !h->cue->iri)
            continue;
        bool near = h->tok >= lo && h->tok < hi;
        for (size_t k = from; !near && k < s->nents && s->ents[k].tok0 < hi;
             k++)
            near = strcmp(s->ents[k].iri, h->cue->iri) == 0;
        if (!near)
            continue;
        for (size_t k = 0; k < s->nents; k++)
            if (strcmp(s->ents[k].iri, h->cue->iri) == 0)
                return h->cue->iri;
    }
    return NULL;
}

/* Words between a meeting word and the body it is a meeting of. */
#define BODY_OF_GAP 4

/* Prepositions that take the words after a meeting word elsewhere: with
 * whom, between whom, about what, where. */
static bool other_preposition(const text_analysis *a, size_t k)
{
    static const char *const words[] = {
        "\xd9\x85\xd8\xb9",                         /* مع */
        "\xd8\xa8\xd9\x8a\xd9\x86",                /* بين */
        "\xd8\xad\xd9\x88\xd9\x84",                /* حول */
        "\xd9\x81\xd9\x8a",                         /* في */
        "\xd8\xb9\xd9\x84\xd9\x89",                /* على */
        "\xd8\xb9\xd9\x86",                         /* عن */
        "\xd8\xa8\xd8\xb4\xd8\xa7\xd9\x86"};      /* بشان */
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (token_is(a, k, words[i]))
            return true;
    return false;
}

const char *clause_body_of(const scan *s, const trigger *t)
{
    const text_analysis *a = &s->x->a;
    size_t end = t->tok1 + BODY_OF_GAP;
    for (size_t k = t->tok1; k < a->token_count && k <= end; k++) {
        if (break_before(a, k) || other_preposition(a, k) ||
            hit_with(s, k, CUE_TOPIC) || hit_with(s, k, CUE_MEETING))
            return NULL;
        for (size_t i = first_ent_from(s, k); i < s->nents; i++) {
            const placed *p = &s->ents[i];
            if (p->tok0 != k)
                break;
            if (p->kind == KIND_ORGANIZATION && !p->entry->proscribed)
                return p->iri;
            if (p->kind != KIND_ORGANIZATION)
                return NULL; /* a state's or a person's meeting */
        }
    }
    return NULL;
}

/* "رحب المشاركون", "الدول المشاركة": the participants named as a noun
 * (with the article), after whom come their deeds, not the parties that
 * attend; the verb and its noun (شارك، بمشاركة، بحضور) name them. */
static bool participants_noun(const scan *s, size_t t)
{
    static const char noun[] = "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb4\xd8\xa7"
                               "\xd8\xb1\xd9\x83"; /* المشارك */
    const text_analysis *a = &s->x->a;
    const char *w = a->match + a->tokens[t].match_begin;
    size_t n = a->tokens[t].match_end - a->tokens[t].match_begin;
    size_t k = sizeof noun - 1;
    if (n > 2 && (memcmp(w, "\xd9\x88", 2) == 0 || memcmp(w, "\xd9\x81", 2) == 0)) {
        w += 2; /* و، ف */
        n -= 2;
    }
    return n >= k && memcmp(w, noun, k) == 0;
}

bool clause_read_attend(const scan *s, const cue_hit *h, meeting *m)
{
    /* "ستين دولة مشاركة في التحالف": the states that take part in the
     * coalition, members rather than attendees */
    if (participants_noun(s, h->tok) ||
        (h->tok > 0 && hit_with(s, h->tok - 1, CUE_COUNT_NOUN)))
        return true;
    size_t c0 = h->tok + h->ntok, c1 = clause_end(s, c0);
    return add_kind(s, c0, c1, KIND_STATE, &m->attendees) &&
           add_kind(s, c0, c1, KIND_ORGANIZATION, &m->attendees) &&
           add_kind(s, c0, c1, KIND_PERSON, &m->attendees);
}

bool clause_names_participants(const scan *s, size_t t0, size_t t1)
{
    for (size_t t = t0; t < t1; t++)
        if (participants_noun(s, t))
            return true;
    return false;
}

/* The facts clauses give, for cues in [lo, hi). */
bool clause_read_all(const scan *s, const trigger *t, size_t lo, size_t hi,
                     meeting *m)
{
    bool ok = true;
    for (size_t i = 0; ok && i < s->nhits; i++) {
        const cue_hit *h = &s->hits[i];
        /* "ترأس الوزير ... وفد بلاده خلال الاجتماع": heading a delegation
         * is told anywhere before the meeting word in its clause */
        if (h->tok >= t->own0 && h->tok < lo && h->cue->role == CUE_CHAIR) {
            size_t c0 = h->tok + h->ntok, c1 = clause_end(s, c0);
            size_t d = delegation_at(s, c0, c1);
            if (d < c1 && c1 >= t->tok0)
                ok = add_kind(s, c0, d, KIND_PERSON, &m->attendees);
            continue;
        }
        if (h->tok < lo || h->tok >= hi)
            continue;
        switch (h->cue->role) {
        case CUE_CHAIR: ok = clause_read_chair(s, h, m); break;
        case CUE_COHOST: ok = read_cohost(s, t, h, m); break;
        case CUE_INVITED: {
            size_t c0 = h->tok + h->ntok;
            ok = clause_people(s, c0, clause_end(s, c0), &m->invited);
            break;
        }
        case CUE_HOST: ok = read_host(s, h, m); break;
        case CUE_HELD: /* "عقدت الولايات المتحدة ونيجيريا ... اجتماعا" */
            if (h->tok < t->tok0)
                ok = chain_states(s, h->tok + h->ntok, t->tok0, &m->cohosts);
            break;
        case CUE_ATTEND: ok = clause_read_attend(s, h, m); break;
        case CUE_JOIN: ok = clause_read_join(s, h, m); break;
        case CUE_MEMBER_AS: ok = clause_read_member_as(s, h, m); break;
        case CUE_STATEMENT: m->statement = true; break;
        default: break;
        }
    }
    return ok;
}
