/* The meeting model (meeting.c): one meeting as the text describes it, the
 * rules for merging two descriptions, and the identity of its IRI. */
#ifndef BAYAN_MEETING_H
#define BAYAN_MEETING_H

#include "extract/dates.h"
#include "extract/extract.h"
#include "lexicon/lexicon.h"

/** A small set of borrowed IRIs, in insertion order, without repeats. */
typedef struct iri_set {
    const char **items;
    size_t count, capacity;
} iri_set;

/** Adds iri unless present; false when out of memory. */
bool iri_add(iri_set *s, const char *iri);

/** Frees the set's array (the IRIs are borrowed) and empties it. */
void iri_clear(iri_set *s);

/** What is known of one meeting. Pointers are borrowed from the lexicon
 *  or from the extraction. */
typedef struct meeting {
    const lexicon_entry *city, *state; /**< where; either may be NULL */
    const char *city_state;            /**< the city's state IRI */
    bdate date;                        /**< y == 0: unknown */
    bool md_only;      /**< date.m and date.d known, the year not */
    const char *level; /**< level IRI or NULL */
    bool vir;          /**< held by video */
    bool strong;       /**< an intention or schedule was stated */
    bool future;       /**< a future verb was used */
    bool held;         /**< the text says it took place */
    bool statement;    /**< it issued a statement */
    bool margin_of;    /**< named after "على هامش": others meet beside it,
                        *   so it is none of their meetings of two */
    size_t beside;     /**< a frame held on the margins of a meeting: 1 +
                        *   that meeting's index (never joined), else 0 */
    int dual;          /**< 2 when the text names two meetings at once */
    long count;        /**< participant count, -1 unknown */
    const char *organizer;
    const char *pair;  /**< a meeting of two officials: the counterpart */
    iri_set chairs, cohosts, invited, hosts, attendees, members;
    size_t begin, end; /**< code points of its first trigger */
    uint32_t key;      /**< hash of the words around its first trigger */
} meeting;

void meeting_clear(meeting *m);

/** The rank of a level IRI (0 for NULL or unknown); higher is more
 *  specific. */
int meeting_level_rank(const char *level);
const char *meeting_level_slug(const char *level);

/** True when a and b can be the same meeting: places and dates agree,
 *  levels do not differ, and one is not planned while the other was
 *  held. */
bool meeting_compatible(const meeting *a, const meeting *b);

/** True when the text places or dates the meeting. */
bool meeting_anchored(const meeting *m);

/** Folds what src says into dst; false when out of memory. */
bool meeting_merge(meeting *dst, const meeting *src);

/** Planned: an intention or schedule, or a future verb with no sign that
 *  it took place. */
bool meeting_planned(const meeting *m);

/* ---- identity (meeting_identity.c) ---------------------------------- */

/** A key of the article's words (its tokens in the matching form), the
 *  same for the article in HTML or with web debris: what scopes a meeting
 *  that cannot be told apart from others by date and place. */
uint32_t meeting_article_key(const text_analysis *a);

/** True when the meeting's date and place (or date and level) name it
 *  across articles: a day, or a month for a recurring meeting of a body
 *  (one with an organizer). */
bool meeting_global(const meeting *m);

/** Writes the path of the meeting's IRI below the base into out:
 *  "meeting/<date>-<place>" (or "<date>-<level>") when meeting_global;
 *  else the meeting is scoped to its article, whose key ends the path
 *  ("meeting/washington-ministerial-a1b2c3d4"). */
void meeting_path(const meeting *m, uint32_t article, char *out, size_t cap);

/** The path of the group of candidates a scoped meeting with a place
 *  belongs to (bayan:candidateGroup): "meeting-candidates/<place>-<level>",
 *  the same in every article; "" when it has none. */
void meeting_candidate_group(const meeting *m, char *out, size_t cap);

/** Writes the n meetings of an article into its graph (x->g, in the
 *  article's named graph); the main one (index main, SIZE_MAX for none)
 *  references the article's resolutions. Two of one article with the same
 *  identity get "-2", "-3" after their path. */
bayan_status meetings_write(extraction *x, const meeting *ms, size_t n,
                            size_t main);

#endif
