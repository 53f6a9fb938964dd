/* The identity of a meeting's IRI (see meeting.h).
 *
 * Two reports of one meeting must be one node, and two meetings one node
 * never. A meeting dated to the day and placed is named by both
 * ("meeting/2021-06-28-rome"), in every article that reports it; a
 * recurring meeting of a body (one with an organizer: the coalition's
 * ministerial) may be named by its month. Anything vaguer (no date, a
 * year, a month of a one-off meeting) says too little: three undated
 * ministerials in Washington may be three meetings of different years. Such
 * a meeting is scoped to its article (the path ends with a key of the
 * article's words) and linked to the others of its place and level by
 * bayan:candidateGroup, a weaker claim a user can follow or ignore. The
 * link goes through a shared group node, not from meeting to meeting, so
 * that the graph of a corpus stays the union of the graphs of its parts. */
#include "extract/meeting.h"

#include <stdio.h>
#include <string.h>

uint32_t meeting_article_key(const text_analysis *a)
{
    uint32_t h = 2166136261u; /* FNV-1a over the tokens, one space apart */
    for (size_t t = 0; t < a->token_count; t++) {
        const text_span *k = &a->tokens[t];
        for (size_t i = k->match_begin; i < k->match_end; i++)
            h = (h ^ (unsigned char)a->match[i]) * 16777619u;
        h = (h ^ ' ') * 16777619u;
    }
    return h;
}

/* The last path segment of an IRI, lower-cased, for a slug. */
static void slug_of(const char *iri, char *out, size_t cap)
{
    const char *s = strrchr(iri, '/');
    s = s ? s + 1 : iri;
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        out[n++] = ok ? c : '-';
    }
    out[n] = '\0';
}

static void place_slug(const meeting *m, char *out, size_t cap)
{
    *out = '\0';
    if (m->city)
        slug_of(m->city->iri, out, cap);
    else if (m->state)
        slug_of(m->state->iri, out, cap);
}

bool meeting_global(const meeting *m)
{
    if (date_is_day(m->date))
        return true;
    return m->date.y > 0 && m->date.m > 0 && m->organizer != NULL;
}

void meeting_path(const meeting *m, uint32_t article, char *out, size_t cap)
{
    char date[11] = "", place[96];
    date_format(m->date, date);
    place_slug(m, place, sizeof place);
    const char *level = meeting_level_slug(m->level);
    if (meeting_global(m)) {
        snprintf(out, cap, "meeting/%s-%s", date, *place ? place : level);
        return;
    }
    /* [date-][place-]level[-planned]-a<key of the article> */
    snprintf(out, cap, "meeting/%s%s%s%s%s%s-a%08x", date, *date ? "-" : "",
             place, *place ? "-" : "", level,
             meeting_planned(m) ? "-planned" : "", (unsigned)article);
}

void meeting_candidate_group(const meeting *m, char *out, size_t cap)
{
    char place[96];
    place_slug(m, place, sizeof place);
    if (meeting_global(m) || !*place) {
        *out = '\0';
        return;
    }
    snprintf(out, cap, "meeting-candidates/%s-%s", place,
             meeting_level_slug(m->level));
}
