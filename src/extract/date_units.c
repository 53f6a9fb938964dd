/* From an article's tokens to date units (see dates.h): the cue hits of
 * date roles, numbers in digits, numbers written onto month names, and
 * the small words that only bind the parts of a date together. */
#include "extract/dates.h"

#include <stdlib.h>
#include <string.h>

static bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_date_role(cue_role r)
{
    return r == CUE_MONTH || r == CUE_WEEKDAY || r == CUE_RELATIVE_DAY ||
           r == CUE_PAST || r == CUE_NEXT || r == CUE_CURRENT_MONTH ||
           r == CUE_SEASON || r == CUE_YEAR_LEAD || r == CUE_RANGE ||
           r == CUE_MONTH_WORD || r == CUE_HIJRI_MONTH ||
           r == CUE_DAY_ORDINAL || r == CUE_YEAR_REL;
}

/* Bytes of the run of ASCII digits at the start (from_end false) or the
 * end of s. */
static size_t digit_run(const char *s, size_t n, bool from_end)
{
    size_t k = 0;
    while (k < n && is_ascii_digit(s[from_end ? n - 1 - k : k]))
        k++;
    return k;
}

/* A number written onto a month name, either way round ("5يونيو",
 * "يونيو2023"), or after "year" ("عام2021"): a token no cue search sees. Adds its two units, the first
 * an empty span at the token's start so that the two stay adjacent.
 * Returns how many (0 when the token is no such pair). */
static size_t glued_units(const cue_set *cues, const char *s, size_t n,
                          size_t tok, date_unit *out)
{
    size_t lead = digit_run(s, n, false), tail = digit_run(s, n, true);
    if (!cues || (lead == 0) == (tail == 0) || lead == n)
        return 0;
    size_t nd = lead ? lead : tail;
    const char *word = lead ? s + lead : s;
    const cue *c = cue_set_word(cues, word, n - nd);
    long v = date_token_number(lead ? s : s + n - nd, nd);
    /* A month either way round; "عام2021" and "صيف2021" with the
     * number after. */
    bool fits = c && (c->role == CUE_MONTH ||
                      (!lead && (c->role == CUE_YEAR_LEAD ||
                                 c->role == CUE_SEASON)));
    if (!fits || v < 0)
        return 0;
    date_unit num = {CUE_NUMBER, (int)v, tok, tok};
    date_unit month = {c->role, c->value, tok, tok};
    out[0] = lead ? num : month;
    out[1] = lead ? month : num;
    out[1].tok1 = tok + 1;
    return 2;
}

/* Words that bind the parts of a date without being one (folded like
 * the text): the era letters after a year (هـ, م), "of" after an
 * ordinal day ("السابع عشر من الشهر الجاري"), "corresponding to" between
 * the two calendars, and "month" before a month's name ("شهر سبتمبر").
 * "Of" binds after a day in digits too ("20 من الشهر الحالي"), and after
 * a month ("مارس من العام الماضي"); when nothing follows that makes a
 * date, the day makes none and the month stands alone. */
#define ERA_AH "\xd9\x87"  /* ه */
#define ERA_AD "\xd9\x85"  /* م */
#define OF "\xd9\x85\xd9\x86" /* من */
#define MONTH_NOUN "\xd8\xb4\xd9\x87\xd8\xb1" /* شهر */

static bool token_is(const text_analysis *a, size_t t, const char *w)
{
    const text_span *k = &a->tokens[t];
    size_t n = k->match_end - k->match_begin;
    return n == strlen(w) && memcmp(a->match + k->match_begin, w, n) == 0;
}

/* الموافق, موافق: "corresponding to", with or without the article. */
static bool is_corresponding(const text_analysis *a, size_t t)
{
    return token_is(a, t, "\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xa7"
                          "\xd9\x81\xd9\x82") ||
           token_is(a, t, "\xd9\x85\xd9\x88\xd8\xa7\xd9\x81\xd9\x82");
}

/* True when token t only binds the unit before it (prev, ending at t) to
 * what follows: it then joins that unit. */
static bool binds_after(const text_analysis *a, size_t t, const date_unit *prev)
{
    if (!prev || prev->tok1 != t)
        return false;
    if (prev->role == CUE_NUMBER)
        /* An era letter follows a year; after an hour "م" is p.m.
         * ("07:19 م، 15 نوفمبر 2019"). */
        return (prev->value >= 100 &&
                (token_is(a, t, ERA_AH) || token_is(a, t, ERA_AD))) ||
               is_corresponding(a, t) ||
               (prev->value >= 1 && prev->value <= 31 && token_is(a, t, OF));
    return (prev->role == CUE_DAY_ORDINAL || prev->role == CUE_MONTH) &&
           token_is(a, t, OF);
}

/* True when token i is "في" or "خلال" and a year in digits follows it,
 * ending its clause ("عقد في 2024.", "خلال 2023، ..."): the year of what
 * the clause tells. A number followed by more words is as often a count
 * ("في 2000 موقع"). */
static bool year_after_in(const text_analysis *a, size_t i)
{
    static const char in[] = "\xd9\x81\xd9\x8a"; /* في */
    static const char during[] = "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84"; /* خلال */
    if (i + 1 >= a->token_count ||
        !(token_is(a, i, in) || token_is(a, i, during)))
        return false;
    const text_span *t = &a->tokens[i + 1];
    long y = date_token_number(a->match + t->match_begin,
                               t->match_end - t->match_begin);
    if (y < 1900 || y > 2100)
        return false;
    if (i + 2 >= a->token_count)
        return true;
    for (size_t b = t->match_end; b < a->tokens[i + 2].match_begin; b++)
        if (strchr(".,;:!?\n()", a->match[b]) ||
            (unsigned char)a->match[b] == 0xd8) /* ، ؛ ؟ */
            return true;
    return false;
}

/* The date-role cue hit at token i, or NULL. */
static const cue_hit *date_hit(const cue_hit *hits, size_t nhits, size_t *h,
                               size_t i)
{
    while (*h < nhits && hits[*h].tok < i)
        (*h)++;
    const cue_hit *hit = NULL;
    for (size_t j = *h; j < nhits && hits[j].tok == i; j++)
        if (is_date_role(hits[j].cue->role))
            hit = &hits[j];
    return hit;
}

bayan_status dates_find(const cue_set *cues, const text_analysis *a,
                        const cue_hit *hits, size_t nhits, date_expr **out,
                        size_t *count)
{
    date_unit *u = malloc((2 * a->token_count + 1) * sizeof *u);
    if (!u)
        return BAYAN_ERR_NOMEM;
    size_t n = 0, h = 0;
    for (size_t i = 0; i < a->token_count;) {
        const cue_hit *hit = date_hit(hits, nhits, &h, i);
        if (!hit && token_is(a, i, MONTH_NOUN) && i + 1 < a->token_count) {
            size_t h2 = h;
            const cue_hit *next = date_hit(hits, nhits, &h2, i + 1);
            if (next && next->cue->role == CUE_MONTH) { /* "شهر سبتمبر" */
                u[n++] = (date_unit){CUE_MONTH, next->cue->value, i,
                                     i + 1 + next->ntok};
                i += 1 + next->ntok;
                continue;
            }
        }
        if (hit) {
            u[n++] =
                (date_unit){hit->cue->role, hit->cue->value, i, i + hit->ntok};
            i += hit->ntok;
            continue;
        }
        if (binds_after(a, i, n ? &u[n - 1] : NULL)) {
            u[n - 1].tok1 = ++i;
            continue;
        }
        if (year_after_in(a, i)) { /* "في 2024." */
            u[n++] = (date_unit){CUE_YEAR_LEAD, 0, i, i + 1};
            i++;
            continue;
        }
        const text_span *t = &a->tokens[i];
        const char *form = a->match + t->match_begin;
        size_t len = t->match_end - t->match_begin;
        long v = date_token_number(form, len);
        if (v >= 0)
            u[n++] = (date_unit){CUE_NUMBER, (int)v, i, i + 1};
        else
            n += glued_units(cues, form, len, i, u + n);
        i++;
    }
    bayan_status st = dates_parse_units(u, n, out, count);
    free(u);
    if (st == BAYAN_OK)
        st = dates_add_numeric(a, out, count);
    return st;
}
