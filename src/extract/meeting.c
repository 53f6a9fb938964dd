/* The meeting model: what one meeting is known to be, how two reports of
 * it merge, and the identity its IRI is made from (see meeting.h). */
#include "extract/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/vocab.h"

/* Levels, most specific first: when several cues follow a trigger the
 * highest wins ("المدراء السياسيون للمجموعة المصغرة" is political
 * directors); a summit is Leaders only when nothing else is said. */
static const struct {
    const char *iri, *slug;
    int rank;
} LEVELS[] = {
    {L_POLITICAL_DIRECTORS, "political-directors", 5},
    {L_SMALL_GROUP, "small-group", 4},
    {L_OTHER, "meeting", 3},
    {L_MINISTERIAL, "ministerial", 2},
    {L_LEADERS, "leaders", 1},
};
#define LEVEL_COUNT (sizeof LEVELS / sizeof LEVELS[0])

int meeting_level_rank(const char *iri)
{
    for (size_t i = 0; iri && i < LEVEL_COUNT; i++)
        if (strcmp(LEVELS[i].iri, iri) == 0)
            return LEVELS[i].rank;
    return 0;
}

const char *meeting_level_slug(const char *iri)
{
    for (size_t i = 0; iri && i < LEVEL_COUNT; i++)
        if (strcmp(LEVELS[i].iri, iri) == 0)
            return LEVELS[i].slug;
    return "meeting";
}

/* ---- sets of IRIs ----------------------------------------------------------
 */

bool iri_add(iri_set *s, const char *iri)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->items[i], iri) == 0)
            return true;
    if (s->count == s->capacity) {
        size_t cap = s->capacity ? s->capacity * 2 : 4;
        const char **items = realloc(s->items, cap * sizeof *items);
        if (!items)
            return false;
        s->items = items;
        s->capacity = cap;
    }
    s->items[s->count++] = iri;
    return true;
}

static bool iri_union(iri_set *dst, const iri_set *src)
{
    for (size_t i = 0; i < src->count; i++)
        if (!iri_add(dst, src->items[i]))
            return false;
    return true;
}

void iri_clear(iri_set *s)
{
    free(s->items);
    *s = (iri_set){NULL, 0, 0};
}

void meeting_clear(meeting *m)
{
    iri_clear(&m->chairs);
    iri_clear(&m->cohosts);
    iri_clear(&m->invited);
    iri_clear(&m->hosts);
    iri_clear(&m->attendees);
    iri_clear(&m->members);
}

/* ---- merging ---------------------------------------------------------------
 */

static const char *state_of(const meeting *m)
{
    if (m->state)
        return m->state->iri;
    return m->city_state;
}

static bool places_agree(const meeting *a, const meeting *b)
{
    if (a->city && b->city)
        return a->city == b->city;
    const char *sa = state_of(a), *sb = state_of(b);
    return !sa || !sb || strcmp(sa, sb) == 0;
}

/* Dates agree when either is unknown, when a day without its year falls
 * on the other's day and month, or when they are compatible. */
static bool dates_agree(const meeting *a, const meeting *b)
{
    if (!(a->date.y || a->md_only) || !(b->date.y || b->md_only))
        return true;
    if (a->md_only || b->md_only)
        return a->date.m == b->date.m && a->date.d == b->date.d;
    return date_compatible(a->date, b->date);
}

bool meeting_compatible(const meeting *a, const meeting *b)
{
    if (!places_agree(a, b) || !dates_agree(a, b))
        return false;
    if (a->level && b->level && strcmp(a->level, b->level) != 0)
        return false;
    if ((a->strong && b->held && !b->strong) ||
        (b->strong && a->held && !a->strong))
        return false;
    return true;
}

bool meeting_anchored(const meeting *m)
{
    return m->city || m->state || m->date.y || m->md_only;
}

/* Folds src into dst (which keeps its evidence). */
bool meeting_merge(meeting *dst, const meeting *src)
{
    if (src->city && !dst->city) {
        dst->city = src->city;
        dst->city_state = src->city_state;
    }
    if (src->state && !dst->state)
        dst->state = src->state;
    if (src->date.y && (!dst->date.y || (src->date.m && !dst->date.m) ||
                        (src->date.d && !dst->date.d))) {
        dst->date = src->date;
        dst->md_only = false;
    }
    if (src->md_only && !dst->date.y && !dst->md_only) {
        dst->md_only = true;
        dst->date = src->date;
    }
    if (meeting_level_rank(src->level) > meeting_level_rank(dst->level))
        dst->level = src->level;
    dst->vir |= src->vir;
    dst->strong |= src->strong;
    dst->future |= src->future;
    dst->held |= src->held;
    dst->statement |= src->statement;
    if (dst->dual < src->dual)
        dst->dual = src->dual;
    if (dst->count < 0)
        dst->count = src->count;
    if (!dst->organizer)
        dst->organizer = src->organizer;
    if (!dst->pair)
        dst->pair = src->pair;
    return iri_union(&dst->chairs, &src->chairs) &&
           iri_union(&dst->cohosts, &src->cohosts) &&
           iri_union(&dst->invited, &src->invited) &&
           iri_union(&dst->hosts, &src->hosts) &&
           iri_union(&dst->attendees, &src->attendees) &&
           iri_union(&dst->members, &src->members);
}

bool meeting_planned(const meeting *m)
{
    return m->strong || (m->future && !m->held);
}
