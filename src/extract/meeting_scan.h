/* What the meetings stage (meetings.c) and its clause readers
 * (meeting_clauses.c) share: the scan of one article, the entities and
 * triggers placed on its tokens, and small token helpers. Internal to the
 * library. */
#ifndef BAYAN_MEETING_SCAN_H
#define BAYAN_MEETING_SCAN_H

#include <string.h>

#include "extract/dates.h"
#include "extract/extract.h"
#include "extract/meeting.h"
#include "lexicon/cues.h"

enum {
    AFTER_CAP = 15,        /* tokens after a trigger that can describe it */
    STATE_PLACE_GAP = 8,   /* tokens after it where a state is its place */
    CLAUSE_PLACE_CAP = 30, /* its clause may name its city this far */
    TOPIC_GAP = 3,         /* a topic cue this close before a place */
    MARGIN_GAP = 3, /* "على هامش [أعمال] القمة": its meeting word */
    VISIT_PLACE_GAP = 6, /* "زيارة ... إلى X": X this close to the word */
    BEFORE_CAP = 10,     /* tokens before it */
    CLAUSE_CAP = 15,     /* tokens of a chair, invitation or join clause */
    MEMBER_AS_GAP =
        6, /* "X بصفتها العضو ... في التحالف": X and the coalition */
    BODY_GAP = 6, /* a body cue this close to a trigger only qualifies it */
    SAME_LEVEL_BACK =
        6, /* tokens before a trigger that may refer to a level */
    BODY_BACK =
        4, /* tokens before a chair cue that may name the body it heads */
    MAX_MEETINGS = 64,
};

/* An entity the earlier stages found, placed on tokens. */
typedef struct placed {
    size_t tok0, tok1;
    bool clitic; /* the mention starts after a proclitic inside its token */
    const char *iri;
    entity_kind kind;
    const lexicon_entry *entry; /* NULL for persons */
} placed;

typedef struct trigger {
    size_t tok0, tok1, sentence;
    size_t own0, own1;
    const char *level; /* the trigger's own level (a summit, a body) */
    int dual;
    bool receive;
    bool bilateral; /* two officials meeting (CUE_BILATERAL) */
    bool purpose;   /* what the meeting before prepares ("اجتماع تحضيري
                     * للقمة"): owns no words, planned */
    size_t meeting; /* the meeting its frame went to, once taken */
} trigger;

/* What one article's meeting extraction works with. */
typedef struct scan {
    extraction *x;
    cue_hit *hits;
    size_t nhits;
    date_expr *dates;
    size_t ndates;
    bdate ref;
    bool published; /* ref is the publication date, not inferred */
    placed *ents;
    size_t nents;
    size_t *sentence_of; /* per token */
    trigger *trig;
    size_t ntrig;
    meeting *meetings;
    size_t nmeetings;
} scan;

static inline bool token_is(const text_analysis *a, size_t t, const char *word)
{
    size_t n = a->tokens[t].match_end - a->tokens[t].match_begin;
    return strlen(word) == n &&
           memcmp(a->match + a->tokens[t].match_begin, word, n) == 0;
}

/* Token t as the text writes it (before folding, where ة is not ه):
 * its bytes in the decoded text, *n of them. */
static inline const char *token_written(const scan *s, size_t t, size_t *n)
{
    const text_analysis *a = &s->x->a;
    size_t b, e;
    text_match_span(a, a->tokens[t].match_begin, a->tokens[t].match_end, &b,
                    &e);
    const text_doc *d = s->x->doc;
    size_t ob = text_byte_offset(d, b);
    *n = text_byte_offset(d, e) - ob;
    return d->text + ob;
}

/* True when punctuation or a line end stands between tokens t-1 and t. */
static inline bool break_before(const text_analysis *a, size_t t)
{
    if (t == 0 || t >= a->token_count)
        return true;
    for (size_t b = a->tokens[t - 1].match_end; b < a->tokens[t].match_begin;
         b++)
        if (strchr(",.;:!?\n", a->match[b]))
            return true;
    return false;
}

/* The first hit at token tok or after: cue_find sorts the hits by token,
 * so the readers below search them instead of walking the article's. */
static inline size_t first_hit_from(const scan *s, size_t tok)
{
    size_t lo = 0, hi = s->nhits;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->hits[mid].tok < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static inline const cue_hit *hit_with(const scan *s, size_t tok, cue_role role)
{
    for (size_t i = first_hit_from(s, tok);
         i < s->nhits && s->hits[i].tok == tok; i++)
        if (s->hits[i].cue->role == role)
            return &s->hits[i];
    return NULL;
}

/* The first and one-past-last token of sentence k. */
static inline void sentence_tokens(const scan *s, size_t k, size_t *t0,
                                   size_t *t1)
{
    size_t n = s->x->a.token_count, i = 0;
    while (i < n && s->sentence_of[i] < k)
        i++;
    *t0 = i;
    while (i < n && s->sentence_of[i] == k)
        i++;
    *t1 = i;
}

static inline bool has_cue(const scan *s, size_t lo, size_t hi, cue_role role)
{
    for (size_t i = first_hit_from(s, lo); i < s->nhits && s->hits[i].tok < hi;
         i++)
        if (s->hits[i].cue->role == role)
            return true;
    return false;
}

/* ---- clause readers (meeting_clauses.c) ---- */

/** The chairs a chair cue introduces (none when it heads a delegation). */
bool clause_read_chair(const scan *s, const cue_hit *h, meeting *m);
/** The state a host cue names (just before or after it), or NULL. */
const placed *clause_host_state(const scan *s, const cue_hit *h);
/** The states a join cue introduces, up to the coalition it names. */
bool clause_read_join(const scan *s, const cue_hit *h, meeting *m);
/** The state just before a member-as cue followed by the coalition. */
bool clause_read_member_as(const scan *s, const cue_hit *h, meeting *m);
/** The first participant count in tokens [lo, hi), -1 for none. */
long clause_read_count(const scan *s, size_t lo, size_t hi);
/** The coalition as organizer when [lo, hi) names it, else NULL. */
const char *clause_read_organizer(const scan *s, size_t lo, size_t hi);
/** The attendees attend cue h names after it ("بمشاركة ...", "بحضور
 *  ..."), into m; none after the participants as a noun ("المشاركون") or
 *  after a count noun ("دولة مشاركة في التحالف": members). */
bool clause_read_attend(const scan *s, const cue_hit *h, meeting *m);
/** True when tokens [t0, t1) speak of a meeting's participants as a noun
 *  ("رحب المشاركون"). */
bool clause_names_participants(const scan *s, size_t t0, size_t t1);
/** The body whose meeting trigger t names, in the words right after it
 *  ("اجتماع مجلس الجامعة العربية", "الاجتماع الأول لمجموعة عمل المنتدى
 *  ..."), or NULL. */
const char *clause_body_of(const scan *s, const trigger *t);
/** Chairs, co-hosts, inviters, hosts, attendees, new members and the
 *  statement, for the cues in [lo, hi) of trigger t; false when out of
 *  memory. */
bool clause_read_all(const scan *s, const trigger *t, size_t lo, size_t hi,
                     meeting *m);

/* ---- places (meeting_places.c) ---- */

/** The first entity of kind in [lo, hi) (the last, backwards), named as
 *  a place when need_locative, and not as a meeting's topic; or NULL. */
const placed *place_first(const scan *s, size_t lo, size_t hi,
                          entity_kind kind, bool backwards,
                          bool need_locative);
/** The state a city lies in (its schema:containedInPlace), or NULL. */
const char *place_city_state(const scan *s, const lexicon_entry *city);
/** True when a dash, bracket or colon stands between tokens t0 and t1
 *  (the end of a dateline). */
bool place_dateline_between(const scan *s, size_t t0, size_t t1);
/** The place of trigger t's frame, read over [lo, hi), into m. */
void place_read(const scan *s, const trigger *t, size_t lo, size_t hi,
                meeting *m);
/** Adds the capital a state's adjective names after "العاصمة" to the
 *  placed entities (room for one more per mention is reserved). */
void place_capitals(scan *s);
/** Adds the city of each venue cue (قصر الإليزيه: Paris) to the placed
 *  entities (room for one more per cue hit is reserved). */
void place_venues(scan *s);
/** Gives the main meeting (index main), when nothing places it, the city
 *  of a short title line. */
void place_from_title(scan *s, size_t main);

/* ---- triggers (meeting_triggers.c) ---- */

/** True when token t starts with the article, after at most one proclitic
 *  letter (المؤتمر، والمؤتمر، بالمؤتمر). */
bool token_definite(const text_analysis *a, size_t t);
/** Finds the triggers among the cue hits, sorted, each with the tokens it
 *  owns; false when out of memory. */
bool triggers_find(scan *s);

/* ---- which meeting a frame is (meeting_refs.c) ---- */

/** Appends frame f (consumed) as a new meeting; its index, or SIZE_MAX
 *  when there are too many. */
size_t refs_append(scan *s, meeting *f);
/** The article's main meeting: the first not announced for later,
 *  preferring one that is not a meeting of two officials; or SIZE_MAX. */
size_t refs_main(const scan *s);
/** True when frame f may join meeting m. */
bool refs_joins(const meeting *m, const meeting *f);
/** Where frame f (consumed) goes: the meeting it joins, the main one, or
 *  a new one; its index, or SIZE_MAX (*ok false when out of memory). */
size_t refs_place_frame(scan *s, meeting *f, bool *ok);
/** Frame f (consumed) is meeting prev told of again: only what it adds
 *  beyond place, date and planning goes to prev. */
bool refs_anaphor(scan *s, meeting *f, size_t prev);
/** The meeting a definite level-bearing trigger refers to ("مخرجات
 *  القمة"), or SIZE_MAX. */
size_t refs_definite(const scan *s, const trigger *t, const meeting *f);
/** The meeting a trigger with a pronoun refers to ("في اجتماعهم"), or
 *  SIZE_MAX. */
size_t refs_possessive(const scan *s, const trigger *t, const meeting *f);
/** The meeting of t's clause that t's session holds ("جلسة خاصة خلال
 *  دورته", "اجتمع ... في دورة"), or SIZE_MAX. */
size_t refs_holding(const scan *s, const trigger *t);
/** Frame f (consumed) is told of as meeting m: what it adds of place and
 *  date goes to m, which keeps its own and whether it is planned. */
bool refs_held_in(scan *s, meeting *f, size_t m);
/** A frame held on the margins of a meeting told of just before takes
 *  its place and date, unless it names its own. */
void refs_margin(const scan *s, const trigger *t, meeting *f);

/* ---- meetings of two officials (meeting_pairs.c) ---- */

/** True when a counterpart word (نظيره، نظرائه) stands in [lo, hi). */
bool pairs_counterpart_word(const scan *s, size_t lo, size_t hi);

/** The parties one official meets in trigger t's clause (people, else the
 *  states of unnamed counterparts, else bodies after مع); up to cap into
 *  out, returns how many. */
size_t pairs_counterparts(const scan *s, const trigger *t, const placed **out,
                          size_t cap);
/** One meeting per party of who[0..n), from frame f (consumed); *at: the
 *  first pair's meeting. False when out of memory. */
bool pairs_place(scan *s, meeting *f, const placed *const *who, size_t n,
                 size_t *at);

#endif
