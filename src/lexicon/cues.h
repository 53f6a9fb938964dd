/* Cues: the words and phrases that announce and qualify meetings and
 * spell dates, read from ontology/patterns/meetings.ttl (cues.c) and found
 * in an article's tokens. */
#ifndef BAYAN_CUES_H
#define BAYAN_CUES_H

#include "core/report.h"
#include "text/morph.h"
#include "text/text.h"

/** What a cue does; the names in the data file are in cues.c. */
typedef enum cue_role {
    CUE_MEETING, /**< names a meeting (value 2: two meetings) */
    CUE_RECEIVE, /**< one official receives another */
    CUE_BILATERAL, /**< two officials meet: level Other unless a group's */
    CUE_TOPIC,     /**< what follows is what a meeting is about */
    CUE_ANAPHOR,   /**< "هذا", "هذه" before a meeting word: the one before */
    CUE_VISIT,     /**< a visit: meetings during it are where it goes */
    CUE_BLOCK,   /**< holds a cue word but means nothing here */
    CUE_LEVEL,   /**< says the level (cue.level) */
    CUE_VIRTUAL,
    CUE_PLANNED, /**< intention or schedule: not held yet */
    CUE_FUTURE,  /**< a future verb: planned unless held */
    CUE_HELD,    /**< the meeting took or is taking place */
    CUE_CHAIR,
    CUE_COHOST, /**< co-host: a chair of a virtual meeting */
    CUE_INVITED,
    CUE_HOST,
    CUE_JOIN,      /**< a state joins (the coalition) */
    CUE_MEMBER_AS, /**< the state just before is a new member ("بصفتها العضو") */
    CUE_COALITION, /**< what is joined; cue.iri the organizer */
    CUE_STATEMENT,
    CUE_ATTEND,
    CUE_DELEGATION,   /**< heading a delegation is not chairing */
    CUE_HEADED_BODY,  /**< a body its head presides over, before a chair cue */
    CUE_SAME_LEVEL,   /**< "at this level": the level of the meeting before */
    CUE_COUNT_NOUN,   /**< "دولة" after a participant count */
    CUE_COUNT_BLOCK,  /**< the coalition's size, not a count */
    CUE_COUNT_LEAD,   /**< a count follows ("وعددها 21") */
    CUE_NUMBER,       /**< a number in words (value) */
    CUE_MONTH,        /**< value 1..12 */
    CUE_WEEKDAY,      /**< value 0 (Sunday)..6 */
    CUE_RELATIVE_DAY, /**< value: days from the publication date */
    CUE_PAST,
    CUE_NEXT,
    CUE_CURRENT_MONTH,
    CUE_SEASON,
    CUE_YEAR_LEAD,
    CUE_RANGE,
    CUE_MONTH_WORD,   /**< the word "month": "الشهر المقبل" */
    CUE_HIJRI_MONTH,  /**< a month of the Hijri calendar, value 1..12 */
    CUE_DAY_ORDINAL,  /**< a day as an ordinal word ("السابع عشر"), 1..31 */
    CUE_NEGATION,     /**< لا، لم، نفى: what follows is denied */
    CUE_NEGATED_ACT,  /**< holding or intending a meeting (عقد، نية، أي),
                       *   between a negation and a meeting word */
    CUE_VENUE,        /**< a seat or palace (قصر الإليزيه): its city is
                       *   cue.iri */
    CUE_PREPARES,     /**< تحضيري: the meeting word after it, with ل, is
                       *   what the meeting before prepares */
    CUE_YEAR_REL,     /**< هذا العام (value 0), العام المقبل (1), العام
                       *   الماضي (-1): a year from the reference's */
    CUE_DISCUSS,      /**< بحث، ناقش: with "مع" and a counterpart, talks */
    CUE_ROLE_COUNT
} cue_role;

typedef struct cue {
    cue_role role;
    int value;
    const char *level; /**< meeting level IRI or NULL (owned by the set) */
    const char *iri;   /**< schema:organizer or (a venue's city)
                        *   schema:location object, or NULL (owned) */
} cue;

typedef struct cue_set cue_set;

/** Reads the cues of the Turtle file at path (relative IRIs against the
 *  base). A missing file gives an empty set. *out is new; free it
 *  with cue_set_free. */
bayan_status cue_set_load(const reporter *r, const char *base,
                          const char *path, cue_set **out);
void cue_set_free(cue_set *set);

/** The role named name in the data file, or CUE_ROLE_COUNT. */
cue_role cue_role_from_name(const char *name);

/** True for the roles whose one-word forms also match the words they are
 *  the stem of (cue_set_use_morph): words that name or report a meeting
 *  (meeting, receive, held, chair, host, join, attend, delegation,
 *  headed-body, planned). Not numbers, months, days and other values, nor
 *  words whose inflection changes what they say (levels, count nouns). */
bool cue_stem_safe(cue_role role);

/** The one-word forms of the stem-safe cues as the data file spells them
 *  (borrowed from the set): writes at most max of them to out and returns
 *  how many there are. The entries morph_open_entries needs. */
size_t cue_set_stem_words(const cue_set *set, const char **out, size_t max);

/** Lets cue_find match a word none of whose listed forms is in the text by
 *  its stems (m, borrowed: it must outlive the set): a token whose
 *  analysis (not an imperfect verb) has a one-word form of a stem-safe cue
 *  as its stem is that cue. Builds the set's read-only tables: call once,
 *  at load. m NULL: listed forms only. */
bayan_status cue_set_use_morph(cue_set *set, const morph *m);

/** The cue of the one-word listed form w (n bytes, folded like article
 *  text), or NULL: for the parts of a word written together with a
 *  number ("5يونيو"), which no token-level search sees. */
const cue *cue_set_word(const cue_set *set, const char *w, size_t n);

/** A cue found at tokens [tok, tok + ntok) of an analysis. */
typedef struct cue_hit {
    size_t tok, ntok;
    const cue *cue; /**< borrowed from the set */
} cue_hit;

/** Finds the cues in a's tokens, left to right, longest form first, no
 *  overlaps (every cue whose form has the winning length applies). A token
 *  where no listed form begins may match by its stems (cue_set_use_morph),
 *  analysed in its spelling in doc (the text a was made from; NULL: in the
 *  matching form, where hamza is lost). *out is a new array (free()) of
 *  *count hits sorted by token. Analyses the words of one call through the
 *  set's morph handle: calls sharing one must not run concurrently
 *  (text/morph.h). */
bayan_status cue_find(const cue_set *set, const text_doc *doc,
                      const text_analysis *a, cue_hit **out, size_t *count);

#endif
