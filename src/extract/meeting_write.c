/* Writing meetings into the article's graph: the meeting node with its
 * facts and evidence, and the statement it issued (see meeting.h). */
#include "extract/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/vocab.h"
#include "graph/iri.h"

/* ---- writing
 * ---------------------------------------------------------------------
 */

typedef struct writer {
    extraction *x;
    const char *g; /* the article's named graph */
    bayan_status st;
    uint32_t article; /* meeting_article_key */
} writer;

static void put_iri(writer *w, const char *s, const char *p, const char *o)
{
    if (w->st == BAYAN_OK && o)
        w->st = graph_add_iri(w->x->g, w->g, s, p, o);
}

static void put_literal(writer *w, const char *s, const char *p, const char *v,
                        const char *dt, const char *lang)
{
    if (w->st == BAYAN_OK)
        w->st = graph_add_literal(w->x->g, w->g, s, p, v, dt, lang);
}

static void put_set(writer *w, const char *s, const char *p,
                    const iri_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        put_iri(w, s, p, set->items[i]);
}

/* Labels from the identity alone, so that every article that reports the
 * meeting gives it the same ones. */
static void put_labels(writer *w, const char *iri, const char *path,
                       const meeting *m)
{
    char en[160], ar[320], date[11] = "";
    date_format(m->date, date);
    const lexicon_entry *place = m->city ? m->city : m->state;
    /* "meeting in Rome, 2021-06-28": what a reader of a diagram or a
     * query result needs; the IRI's path only when neither is known. */
    if (place && place->label_en)
        snprintf(en, sizeof en, "meeting in %s%s%s", place->label_en,
                 *date ? ", " : "", date);
    else if (*date)
        snprintf(en, sizeof en, "meeting, %s", date);
    else
        snprintf(en, sizeof en, "meeting %s", path + strlen("meeting/"));
    snprintf(ar, sizeof ar,
             "\xd8\xa7\xd8\xac\xd8\xaa\xd9\x85\xd8\xa7\xd8\xb9"
             "%s%s%s%s", /* اجتماع */
             place && place->label_ar ? " " : "",
             place && place->label_ar ? place->label_ar : "", *date ? " " : "",
             date);
    put_literal(w, iri, P_LABEL, en, NULL, "en");
    put_literal(w, iri, P_LABEL, ar, NULL, "ar");
}

static void put_statement(writer *w, const char *iri, const char *path,
                          const found_list *resolutions)
{
    char spath[160];
    snprintf(spath, sizeof spath, "statement/%s", path + strlen("meeting/"));
    char *st = iri_mint(w->x->env->base, spath);
    if (!st) {
        w->st = BAYAN_ERR_NOMEM;
        return;
    }
    const char *a = w->x->ids->article;
    put_iri(w, iri, P_ISSUED, st);
    put_iri(w, st, P_TYPE, C_STATEMENT);
    put_literal(w, st, P_LABEL, spath + strlen("statement/"), NULL, "en");
    put_iri(w, st, P_DERIVED_FROM, a);
    put_iri(w, a, P_MENTIONS, st);
    for (size_t i = 0; resolutions && i < resolutions->count; i++)
        put_iri(w, st, P_REFERENCES, resolutions->items[i].iri);
    free(st);
}

/* A scoped meeting's link to the group of its place and level
 * (meeting_candidate_group), and the group's type and labels. */
static void put_candidate_group(writer *w, const char *iri, const meeting *m)
{
    char path[160];
    meeting_candidate_group(m, path, sizeof path);
    if (!*path)
        return;
    char *group = iri_mint(w->x->env->base, path);
    if (!group) {
        w->st = BAYAN_ERR_NOMEM;
        return;
    }
    char en[200];
    snprintf(en, sizeof en, "undated or vaguely dated meetings: %s",
             path + strlen("meeting-candidates/"));
    put_iri(w, iri, P_CANDIDATE_GROUP, group);
    put_iri(w, group, P_TYPE, C_CANDIDATE_GROUP);
    put_literal(w, group, P_LABEL, en, NULL, "en");
    free(group);
}

static void put_meeting(writer *w, const meeting *m, const char *path,
                        bool main)
{
    char *iri = iri_mint(w->x->env->base, path);
    if (!iri) {
        w->st = BAYAN_ERR_NOMEM;
        return;
    }
    extraction *x = w->x;
    if (w->st == BAYAN_OK && m->end > m->begin)
        w->st = article_add_mention(x->doc, x->ids, x->g, m->begin,
                                    m->end, iri);
    put_iri(w, iri, P_TYPE, C_MEETING);
    put_iri(w, iri, P_DERIVED_FROM, x->ids->article);
    put_iri(w, x->ids->article, P_MENTIONS, iri);
    put_labels(w, iri, path, m);
    put_candidate_group(w, iri, m);
    const lexicon_entry *place = m->city ? m->city : m->state;
    put_iri(w, iri, P_LOCATION, place ? place->iri : NULL);
    /* The place is described even when the text names it only as "the
     * capital" and its state's adjective. */
    if (place && w->st == BAYAN_OK)
        w->st = extract_add_entry_description(x, place);
    char date[11];
    const char *dt = date_format(m->date, date);
    if (dt)
        put_literal(w, iri, P_START_DATE, date, dt, NULL);
    put_iri(w, iri, P_MEETING_LEVEL, m->level ? m->level : L_OTHER);
    put_literal(w, iri, P_VIRTUAL, m->vir ? "true" : "false", XSD_BOOLEAN,
                NULL);
    put_literal(w, iri, P_PLANNED, meeting_planned(m) ? "true" : "false",
                XSD_BOOLEAN, NULL);
    put_iri(w, iri, P_ORGANIZER, m->organizer);
    put_set(w, iri, P_CHAIR, &m->chairs);
    if (m->vir)
        put_set(w, iri, P_CHAIR, &m->cohosts);
    put_set(w, iri, P_HOST, &m->hosts);
    put_set(w, iri, P_INVITED_BY, &m->invited);
    put_set(w, iri, P_ATTENDEE, &m->attendees);
    put_set(w, iri, P_NEW_MEMBER, &m->members);
    if (m->count > 0) {
        char n[24];
        snprintf(n, sizeof n, "%ld", m->count);
        put_literal(w, iri, P_PARTICIPANT_COUNT, n, XSD_INTEGER, NULL);
    }
    const found_list *res = main ? &x->resolutions : NULL;
    for (size_t i = 0; res && i < res->count; i++)
        put_iri(w, iri, P_REFERENCES, res->items[i].iri);
    if (m->statement)
        put_statement(w, iri, path, res);
    free(iri);
}

/* Writes every meeting; two of one article with the same identity get
 * "-2", "-3" after their path. */
bayan_status meetings_write(extraction *x, const meeting *ms, size_t n,
                            size_t main)
{
    writer w = {x, x->ids->article, BAYAN_OK, meeting_article_key(&x->a)};
    char(*paths)[192] = calloc(n + 1, sizeof *paths);
    if (!paths)
        return BAYAN_ERR_NOMEM;
    for (size_t i = 0; i < n && w.st == BAYAN_OK; i++) {
        const meeting *m = &ms[i];
        meeting_path(m, w.article, paths[i], sizeof paths[i]);
        size_t same = 1;
        for (size_t j = 0; j < i; j++)
            same += strncmp(paths[j], paths[i], strlen(paths[i])) == 0 &&
                    (paths[j][strlen(paths[i])] == '\0' ||
                     paths[j][strlen(paths[i])] == '-');
        if (same > 1) {
            size_t len = strlen(paths[i]);
            snprintf(paths[i] + len, sizeof paths[i] - len, "-%zu", same);
        }
        put_meeting(&w, m, paths[i], i == main && !meeting_planned(m));
    }
    free(paths);
    return w.st;
}
