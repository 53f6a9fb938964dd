/* Dates in Arabic news text (dates.c): explicit dates in the Gregorian,
 * Levantine and Maghrebi month names, partial dates (a month and year, a
 * season and year, a year after "عام"), days counted from the publication
 * date (اليوم, أمس), weekdays, and the publication date of a header or
 * dateline. Calendar arithmetic is proleptic Gregorian. */
#ifndef BAYAN_DATES_H
#define BAYAN_DATES_H

#include "lexicon/cues.h"

/** A date as precise as known: month and day 0 when unknown; year 0 when
 *  the whole date is unknown. */
typedef struct bdate {
    int y, m, d;
} bdate;

/** True when y-m-d is a real day (m and d given). */
bool date_is_day(bdate x);

/** Days since 1970-01-01 of a full date, and back. */
long date_to_days(bdate x);
bdate date_from_days(long days);

/** The Gregorian day of a Hijri date by the tabular (civil) calendar;
 *  y == 0 when the date is out of range. */
bdate date_from_hijri(int y, int m, int d);

/** 0 = Sunday .. 6 = Saturday, of a full date. */
int date_weekday(bdate x);

/** Writes "2021-06-28", "2022-06" or "2021" into buf (11 bytes) and
 *  returns the XSD datatype IRI for it (xsd:date, xsd:gYearMonth,
 *  xsd:gYear), or NULL when y is 0. */
const char *date_format(bdate x, char buf[11]);

/** Reads "yyyy-mm-dd" at s (a full, valid day). */
bool date_parse_iso(const char *s, bdate *out);

/** True when a and b agree as far as the less precise goes. */
bool date_compatible(bdate a, bdate b);

/** What kind of date expression. */
typedef enum date_kind {
    DATE_ABSOLUTE,  /**< year given; month and day perhaps */
    DATE_MONTH_DAY, /**< day and month, no year */
    DATE_RELATIVE,  /**< offset days from the reference (اليوم, أمس) */
    DATE_WEEKDAY,   /**< a weekday; dir -1 past, +1 next, 0 unsaid */
    DATE_MONTH_REL, /**< a month, dir as for weekdays ("يوليو المقبل") */
    DATE_CURRENT_MONTH_DAY, /**< a day of the current month, or of the
                             *   month dir months from it */
    DATE_YEAR_REL,  /**< the reference's year, or dir years from it ("العام
                     *   الماضي"); abs.m a month of it, or 0 */
} date_kind;

typedef struct date_expr {
    size_t tok0, tok1; /**< tokens [tok0, tok1) of the analysis */
    date_kind kind;
    bdate abs;  /**< the parts the text gives */
    int offset; /**< DATE_RELATIVE: days; DATE_WEEKDAY: the weekday */
    int dir;
    bool hijri;    /**< read in the Hijri calendar */
    bool dateline; /**< dates the text (header, dateline), not an event */
    bool restated; /**< the expression just after says the same day more
                        fully or more surely: a weekday or a day counted
                        from today before the full date ("الأحد 12 مارس
                        2023"), a Hijri date before the Gregorian ("20
                        شعبان 1444 هـ - 12 مارس 2023 م"; the tabular
                        calendar may be a day off). That one counts. */
} date_expr;

/** One unit of a date: a cue of a date role or a number token. */
typedef struct date_unit {
    cue_role role; /**< CUE_NUMBER for a number in digits */
    int value;
    size_t tok0, tok1;
} date_unit;

/** Parses units (in text order, consecutive tokens; a gap between units
 *  ends an expression) into expressions. *out is a new array (free()). */
bayan_status dates_parse_units(const date_unit *u, size_t n, date_expr **out,
                               size_t *count);

/** Adds to *ex (*count of them, a malloc'd array) the numeric dates
 *  written in the text below its first two lines, where a header's are
 *  read (dates_reference): 12/5/2023, 2023-05-12, 12.05.2023. An
 *  expression of the units on the same tokens gives way to them. */
bayan_status dates_add_numeric(const text_analysis *a, date_expr **ex,
                               size_t *count);

/** The number a token spells in digits (proclitics و ب ل ف and the article
 *  before it, the era letter م after it), or -1. */
long date_token_number(const char *s, size_t n);

/** Finds every date expression in a's tokens, using the cue hits, and
 *  the month names of cues (may be NULL) in words written together with
 *  a number ("5يونيو", "يونيو2023"). */
bayan_status dates_find(const cue_set *cues, const text_analysis *a,
                        const cue_hit *hits, size_t nhits, date_expr **out,
                        size_t *count);

/** The day (or coarser date) an expression means, given the reference
 *  date ref (the publication date; y == 0 when unknown). future: a bare
 *  weekday means the next one, not the last. Returns y == 0 when the
 *  expression cannot be resolved. */
bdate date_resolve(const date_expr *e, bdate ref, bool future);

/** A reference date the text itself fixes: "أمس (22 آذار 2017)" makes the
 *  reference 2017-03-23. */
bool dates_infer_reference(const date_expr *ex, size_t n, bdate *ref);

/** The publication date from a header or dateline: an ISO date on one of
 *  the first lines, or a full date on a short line near the top. *which
 *  (may be NULL) receives the index in ex of the expression that gave it,
 *  SIZE_MAX when none did (an ISO date). */
bool dates_dateline(const text_analysis *a, const date_expr *ex, size_t n,
                    bdate *out, size_t *which);

#endif
