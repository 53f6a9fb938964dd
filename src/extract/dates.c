/* Dates in Arabic news text: expressions, their resolution against the
 * publication date, and the dateline (see dates.h). */
#include "extract/dates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "graph/vocab.h"
#include "text/text.h"

/* ---- calendar --------------------------------------------------------------
 */

static int days_in_month(int y, int m)
{
    static const int DAYS[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : DAYS[m - 1];
}

bool date_is_day(bdate x)
{
    return x.y > 0 && x.m >= 1 && x.m <= 12 && x.d >= 1 &&
           x.d <= days_in_month(x.y, x.m);
}

/* Days from civil, after H. Hinnant's public-domain algorithm. */
long date_to_days(bdate x)
{
    long y = x.y - (x.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (x.m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + x.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bdate date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (bdate){(int)(yoe + era * 400 + (m <= 2)), m, d};
}

int date_weekday(bdate x)
{
    long z = date_to_days(x); /* 1970-01-01 was a Thursday (4) */
    return (int)(((z % 7) + 7 + 4) % 7);
}

bdate date_from_hijri(int y, int m, int d)
{
    /* The Umm al-Qura calendar where ICU's tables reach; else the tabular
     * Islamic calendar, civil epoch (1 Muharram 1 = 16 July 622 Julian):
     * a month of 30 or 29 days by turns, 11 leap years in 30. Julian day
     * numbers; 2440588 is 1970-01-01. */
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > 30)
        return (bdate){0, 0, 0};
    bdate g;
    if (text_hijri_to_gregorian(y, m, d, &g.y, &g.m, &g.d))
        return g;
    long jdn = d + (295L * (m - 1) + 9) / 10 + (y - 1) * 354L +
               (3 + 11L * y) / 30 + 1948439;
    return date_from_days(jdn - 2440588);
}

const char *date_format(bdate x, char buf[11])
{
    if (x.y <= 0 || x.y > 9999)
        return NULL;
    if (x.m && x.d) {
        snprintf(buf, 11, "%04d-%02d-%02d", x.y, x.m, x.d);
        return XSD_DATE;
    }
    if (x.m) {
        snprintf(buf, 11, "%04d-%02d", x.y, x.m);
        return XSD_GYEAR_MONTH;
    }
    snprintf(buf, 11, "%04d", x.y);
    return XSD_GYEAR;
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return n > 0;
}

bool date_parse_iso(const char *s, bdate *out)
{
    if (strnlen(s, 10) < 10 || !digits(s, 4) || s[4] != '-' ||
        !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
        return false;
    bdate x = {atoi(s), atoi(s + 5), atoi(s + 8)};
    if (!date_is_day(x))
        return false;
    *out = x;
    return true;
}

bool date_compatible(bdate a, bdate b)
{
    if (a.y == 0 || b.y == 0 || a.y != b.y)
        return false;
    if (a.m == 0 || b.m == 0)
        return true;
    if (a.m != b.m)
        return false;
    return a.d == 0 || b.d == 0 || a.d == b.d;
}

/* ---- expressions
 * ------------------------------------------------------------
 */

long date_token_number(const char *s, size_t n)
{
    /* Proclitics: waw U+0648 (d9 88), baa U+0628 (d8 a8), laam U+0644
     * (d9 84), faa U+0641 (d9 81); the article alef-laam (d8 a7 d9 84). */
    static const char *const PREFIXES[] = {"\xd9\x88", "\xd8\xa8", "\xd9\x84",
                                           "\xd9\x81"};
    for (size_t i = 0; i < 4; i++)
        if (n > 2 && memcmp(s, PREFIXES[i], 2) == 0 && s[2] >= '0' &&
            s[2] <= '9') {
            s += 2;
            n -= 2;
            break;
        }
    if (n > 4 && memcmp(s, "\xd8\xa7\xd9\x84", 4) == 0) {
        s += 4;
        n -= 4;
    }
    if (n > 2 && (memcmp(s + n - 2, "\xd9\x85", 2) == 0 || /* meem: AD */
                  memcmp(s + n - 2, "\xd9\x87", 2) == 0))  /* heh: AH */
        n -= 2;
    if (!digits(s, n) || n > 6)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

typedef struct expr_list {
    date_expr *items;
    size_t count, capacity;
} expr_list;

static bool push_expr(expr_list *l, date_expr e)
{
    if (!array_grow((void **)&l->items, l->count, &l->capacity,
                    sizeof *l->items))
        return false;
    l->items[l->count++] = e;
    return true;
}

/* A parser over units: position, bounds, and adjacency (an expression
 * never spans a token that is no unit). */
typedef struct parser {
    const date_unit *u;
    size_t n, k;
} parser;

static const date_unit *peek(const parser *p, size_t ahead)
{
    size_t i = p->k + ahead;
    if (i >= p->n)
        return NULL;
    for (size_t j = p->k; j < i; j++)
        if (p->u[j + 1].tok0 != p->u[j].tok1)
            return NULL; /* a gap */
    return &p->u[i];
}

static bool is_role(const date_unit *u, cue_role r)
{
    return u && u->role == r;
}

static bool is_year(const date_unit *u)
{
    return is_role(u, CUE_NUMBER) && u->value >= 1900 && u->value <= 2100;
}

static bool is_day(const date_unit *u)
{
    return (is_role(u, CUE_NUMBER) || is_role(u, CUE_DAY_ORDINAL)) &&
           u->value >= 1 && u->value <= 31;
}

/* Skips a run of month names ("يونيو/حزيران", "تشرين الأول (أكتوبر)")
 * starting ahead units on; returns how many, and the first's value. */
static size_t months_at(const parser *p, size_t ahead, int *month)
{
    size_t k = 0;
    while (is_role(peek(p, ahead + k), CUE_MONTH)) {
        if (k == 0)
            *month = peek(p, ahead)->value;
        k++;
    }
    return k;
}

/* day hijri-month hijri-year: "18 ذو القعدة 1436" */
static size_t parse_hijri(const parser *p, date_expr *e)
{
    const date_unit *y = peek(p, 2);
    if (!is_role(y, CUE_NUMBER) || y->value < 1300 || y->value > 1600)
        return 0;
    e->kind = DATE_ABSOLUTE;
    e->hijri = true;
    e->abs = date_from_hijri(y->value, peek(p, 1)->value, p->u[p->k].value);
    return e->abs.y ? 3 : 0;
}

/* day [range|day] month+ [year] | day current-month */
static size_t parse_day_first(const parser *p, date_expr *e)
{
    size_t k = 1;
    if (is_role(peek(p, k), CUE_RANGE) && is_day(peek(p, k + 1)))
        k += 2;
    else if (is_day(peek(p, k)) && !is_year(peek(p, k)))
        k += 1;
    if (is_role(peek(p, k), CUE_CURRENT_MONTH)) {
        e->kind = DATE_CURRENT_MONTH_DAY;
        e->abs.d = p->u[p->k].value;
        return k + 1;
    }
    /* "السادس من الشهر المقبل": a day of the month after (or before) */
    const date_unit *after = peek(p, k + 1);
    if (is_role(peek(p, k), CUE_MONTH_WORD) &&
        (is_role(after, CUE_NEXT) || is_role(after, CUE_PAST))) {
        e->kind = DATE_CURRENT_MONTH_DAY;
        e->abs.d = p->u[p->k].value;
        e->dir = after->role == CUE_NEXT ? 1 : -1;
        return k + 2;
    }
    if (k == 1 && is_role(peek(p, 1), CUE_HIJRI_MONTH))
        return parse_hijri(p, e);
    int m = 0;
    size_t nm = months_at(p, k, &m);
    if (nm == 0)
        return 0;
    e->abs = (bdate){0, m, p->u[p->k].value};
    k += nm;
    if (is_year(peek(p, k))) {
        e->abs.y = peek(p, k)->value;
        e->kind = DATE_ABSOLUTE;
        if (!date_is_day(e->abs))
            return 0;
        return k + 1;
    }
    e->kind = DATE_MONTH_DAY;
    /* "يوم 24 فبراير القادم": the next such day, or the last one. */
    const date_unit *d = peek(p, k);
    if (is_role(d, CUE_NEXT) || is_role(d, CUE_PAST)) {
        e->dir = d->role == CUE_NEXT ? 1 : -1;
        return k + 1;
    }
    return k;
}

/* "العام الماضي", "هذا العام" at unit k: the units it takes (0: none)
 * and the years from the reference's in *dir. */
static size_t year_rel_at(const parser *p, size_t k, int *dir)
{
    if (is_role(peek(p, k), CUE_YEAR_REL)) {
        *dir = peek(p, k)->value;
        return 1;
    }
    const date_unit *d = peek(p, k + 1);
    if (!is_role(peek(p, k), CUE_YEAR_LEAD) ||
        !(is_role(d, CUE_NEXT) || is_role(d, CUE_PAST)))
        return 0;
    *dir = d->role == CUE_NEXT ? 1 : -1;
    return 2;
}

/* month+ year | month+ next/past | month+ year-rel */
static size_t parse_month_first(const parser *p, date_expr *e)
{
    int m = 0, dir = 0;
    size_t k = months_at(p, 0, &m);
    if (is_year(peek(p, k))) {
        e->kind = DATE_ABSOLUTE;
        e->abs = (bdate){peek(p, k)->value, m, 0};
        return k + 1;
    }
    size_t y = year_rel_at(p, k, &dir);
    if (y) {
        e->kind = DATE_YEAR_REL;
        e->abs = (bdate){0, m, 0};
        e->dir = dir;
        return k + y;
    }
    const date_unit *d = peek(p, k);
    if (is_role(d, CUE_NEXT) || is_role(d, CUE_PAST)) {
        e->kind = DATE_MONTH_REL;
        e->abs = (bdate){0, m, 0};
        e->dir = d->role == CUE_NEXT ? 1 : -1;
        return k + 1;
    }
    return 0;
}

/* relative [weekday] | weekday [past|next] */
static size_t parse_day_word(const parser *p, date_expr *e)
{
    const date_unit *u = peek(p, 0);
    if (u->role == CUE_RELATIVE_DAY) {
        e->kind = DATE_RELATIVE;
        e->offset = u->value;
        return is_role(peek(p, 1), CUE_WEEKDAY) ? 2 : 1;
    }
    e->kind = DATE_WEEKDAY;
    e->offset = u->value;
    const date_unit *d = peek(p, 1);
    if (is_role(d, CUE_NEXT) || is_role(d, CUE_PAST)) {
        e->dir = d->role == CUE_NEXT ? 1 : -1;
        return 2;
    }
    return 1;
}

/* One expression at the parser's position; returns the units it takes. */
static size_t parse_one(const parser *p, date_expr *e)
{
    const date_unit *u = peek(p, 0);
    *e = (date_expr){0};
    switch (u->role) {
    case CUE_NUMBER:
    case CUE_DAY_ORDINAL: return is_day(u) ? parse_day_first(p, e) : 0;
    case CUE_CURRENT_MONTH:
        if (u->tok1 - u->tok0 < 2)
            return 0; /* "الجاري" alone may be the year's or the week's */
        e->kind = DATE_MONTH_REL; /* "الشهر الجاري": the reference's month */
        return 1;
    case CUE_MONTH: return parse_month_first(p, e);
    case CUE_RELATIVE_DAY:
    case CUE_WEEKDAY: return parse_day_word(p, e);
    case CUE_MONTH_WORD: {
        const date_unit *d = peek(p, 1);
        if (!is_role(d, CUE_NEXT) && !is_role(d, CUE_PAST))
            return 0;
        e->kind = DATE_MONTH_REL; /* abs.m 0: counted from the reference */
        e->dir = d->role == CUE_NEXT ? 1 : -1;
        return 2;
    }
    case CUE_YEAR_REL:
    case CUE_YEAR_LEAD: {
        int dir = 0;
        size_t y = year_rel_at(p, 0, &dir);
        if (y) {
            e->kind = DATE_YEAR_REL;
            e->dir = dir;
            return y;
        }
    }
        /* fall through */
    case CUE_SEASON:
        if (!is_year(peek(p, 1)))
            return 0;
        e->kind = DATE_ABSOLUTE;
        e->abs = (bdate){peek(p, 1)->value, 0, 0};
        return 2;
    default: return 0;
    }
}

/* Tokens between a Hijri date and the Gregorian that restates it
 * ("هـ -", "هـ الموافق"). */
enum { RESTATE_GAP = 3 };

/* True when next says e's day more fully or more surely (see dates.h). */
static bool restated_by(const date_expr *e, const date_expr *next)
{
    bool full = next->kind == DATE_ABSOLUTE || next->kind == DATE_MONTH_DAY;
    if (e->kind == DATE_WEEKDAY || e->kind == DATE_RELATIVE)
        return full && next->tok0 == e->tok1;
    return e->hijri && !next->hijri && next->kind == DATE_ABSOLUTE &&
           next->tok0 <= e->tok1 + RESTATE_GAP;
}

bayan_status dates_parse_units(const date_unit *u, size_t n, date_expr **out,
                               size_t *count)
{
    expr_list l = {NULL, 0, 0};
    parser p = {u, n, 0};
    while (p.k < n) {
        date_expr e;
        size_t used = parse_one(&p, &e);
        if (used == 0) {
            p.k++;
            continue;
        }
        e.tok0 = u[p.k].tok0;
        e.tok1 = u[p.k + used - 1].tok1;
        if (e.tok1 <= e.tok0) /* ends on the empty half of a glued word */
            e.tok1 = e.tok0 + 1;
        if (!push_expr(&l, e)) {
            free(l.items);
            return BAYAN_ERR_NOMEM;
        }
        p.k += used;
    }
    for (size_t i = 0; i + 1 < l.count; i++)
        l.items[i].restated = restated_by(&l.items[i], &l.items[i + 1]);
    *out = l.items;
    *count = l.count;
    return BAYAN_OK;
}

/* ---- resolution -----------------------------------------------------------
 */

static bdate resolve_weekday(int w, int dir, bdate ref, bool future)
{
    long r = date_to_days(ref);
    int rw = date_weekday(ref);
    if (dir > 0 || (dir == 0 && future)) {
        int ahead = (w - rw + 7) % 7;
        return date_from_days(r + (ahead ? ahead : 7 * (dir > 0)));
    }
    int back = (rw - w + 7) % 7;
    if (dir < 0 && back == 0)
        back = 7;
    return date_from_days(r - back);
}

bdate date_resolve(const date_expr *e, bdate ref, bool future)
{
    bdate none = {0, 0, 0};
    if (e->kind == DATE_ABSOLUTE)
        return e->abs;
    if (!date_is_day(ref))
        return none;
    switch (e->kind) {
    case DATE_RELATIVE: return date_from_days(date_to_days(ref) + e->offset);
    case DATE_WEEKDAY: return resolve_weekday(e->offset, e->dir, ref, future);
    case DATE_YEAR_REL: return (bdate){ref.y + e->dir, e->abs.m, 0};
    case DATE_CURRENT_MONTH_DAY: { /* dir: months from ref's */
        int k = ref.y * 12 + (ref.m - 1) + e->dir;
        bdate x = {k / 12, k % 12 + 1, e->abs.d};
        return date_is_day(x) ? x : none;
    }
    case DATE_MONTH_REL: {
        if (e->abs.m == 0) { /* "الشهر المقبل": the month next to ref's */
            int k = ref.y * 12 + (ref.m - 1) + e->dir;
            return (bdate){k / 12, k % 12 + 1, 0};
        }
        int y = ref.y;
        if (e->dir > 0 && e->abs.m <= ref.m)
            y++;
        if (e->dir < 0 && e->abs.m >= ref.m)
            y--;
        return (bdate){y, e->abs.m, 0};
    }
    case DATE_MONTH_DAY: {
        /* The year that puts the day closest before the reference (news
         * reports what happened), allowing two months ahead; for what is
         * yet to come, the next such day on or after it. */
        bdate x = {ref.y, e->abs.m, e->abs.d};
        if (!date_is_day(x) && !(x.m == 2 && x.d == 29))
            return none;
        if ((future || e->dir > 0) && date_to_days(x) < date_to_days(ref))
            x.y++;
        else if (e->dir < 0 && date_to_days(x) > date_to_days(ref))
            x.y--;
        else if (!future && date_to_days(x) > date_to_days(ref) + 61)
            x.y--;
        return date_is_day(x) ? x : none;
    }
    default: return none;
    }
}

bool dates_infer_reference(const date_expr *ex, size_t n, bdate *ref)
{
    for (size_t i = 0; i + 1 < n; i++) {
        const date_expr *r = &ex[i], *x = &ex[i + 1];
        if (r->kind == DATE_RELATIVE && x->kind == DATE_ABSOLUTE &&
            x->tok0 == r->tok1 && date_is_day(x->abs)) {
            *ref = date_from_days(date_to_days(x->abs) - r->offset);
            return true;
        }
    }
    return false;
}

/* ---- dateline
 * ---------------------------------------------------------------
 */

enum { DATELINE_LINES = 10, DATELINE_TOKENS = 6, DATELINE_LEAD = 3 };

/* The line (0-based, by LF in the matching form) of byte offset b. */
static size_t line_of(const text_analysis *a, size_t b)
{
    size_t line = 0;
    for (size_t i = 0; i < b && i < a->match_len; i++)
        line += a->match[i] == '\n';
    return line;
}

/* An ISO date in the first lines ("2026-02-10"). */
static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A run of 1 or 2 digits at s[*i] (within n bytes): its value, or -1. */
static int small_number(const char *s, size_t n, size_t *i)
{
    size_t b = *i;
    while (*i < n && *i - b < 3 && is_digit(s[*i]))
        (*i)++;
    if (*i == b || *i - b > 2)
        return -1;
    return atoi(s + b);
}

/* A numeric date as headers write it: day-month-year with one separator
 * of - / or . (08-06-2023, 8/6/2023); month-day when the second number
 * cannot be a month (06-28-2023). *len receives its bytes. */
static bool parse_dmy(const char *s, size_t n, bdate *out, size_t *len)
{
    size_t i = 0;
    int a = small_number(s, n, &i);
    if (a < 0 || i >= n || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
        return false;
    char sep = s[i++];
    int b = small_number(s, n, &i);
    if (b < 0 || i + 5 > n || s[i] != sep || !digits(s + i + 1, 4) ||
        (i + 5 < n && is_digit(s[i + 5])))
        return false;
    int y = atoi(s + i + 1);
    bdate x = b > 12 ? (bdate){y, a, b} : (bdate){y, b, a};
    if (!date_is_day(x))
        return false;
    *out = x;
    *len = i + 5;
    return true;
}

/* Year first, as headers also write it: 2023/06/08, 2023.6.8 (and
 * 2023-6-8, which is no ISO date). *len receives its bytes. */
static bool parse_ymd(const char *s, size_t n, bdate *out, size_t *len)
{
    if (n < 8 || !digits(s, 4) || (s[4] != '-' && s[4] != '/' && s[4] != '.'))
        return false;
    size_t i = 5;
    int m = small_number(s, n, &i);
    if (m < 0 || i >= n || s[i] != s[4])
        return false;
    i++;
    int d = small_number(s, n, &i);
    if (d < 0 || (i < n && is_digit(s[i])))
        return false;
    bdate x = {atoi(s), m, d};
    if (!date_is_day(x))
        return false;
    *out = x;
    *len = i;
    return true;
}

/* The token that holds byte b of the matching form (the last one that
 * begins at or before it). */
static size_t token_of_byte(const text_analysis *a, size_t b)
{
    size_t lo = 0, hi = a->token_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->tokens[mid].match_begin <= b)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static int compare_exprs(const void *pa, const void *pb)
{
    const date_expr *x = pa, *y = pb;
    return x->tok0 < y->tok0 ? -1 : x->tok0 > y->tok0;
}

bayan_status dates_add_numeric(const text_analysis *a, date_expr **ex,
                               size_t *count)
{
    expr_list l = {*ex, *count, *count};
    size_t line = 0;
    for (size_t t = 0, b = 0; t < a->token_count; t++) {
        const char *s = a->match + a->tokens[t].match_begin;
        for (; b < a->tokens[t].match_begin; b++)
            line += a->match[b] == '\n';
        size_t rest = a->match_len - a->tokens[t].match_begin, len = 0;
        bdate d;
        if (line < 2 || !is_digit(*s) ||
            !(parse_dmy(s, rest, &d, &len) || parse_ymd(s, rest, &d, &len)))
            continue;
        size_t t1 = token_of_byte(a, a->tokens[t].match_begin + len - 1) + 1;
        size_t w = 0; /* the units' expressions on these tokens give way */
        for (size_t i = 0; i < l.count; i++)
            if (l.items[i].tok1 <= t || l.items[i].tok0 >= t1)
                l.items[w++] = l.items[i];
        l.count = w;
        date_expr e = {.tok0 = t, .tok1 = t1, .kind = DATE_ABSOLUTE, .abs = d};
        if (!push_expr(&l, e)) {
            free(l.items);
            *ex = NULL;
            *count = 0;
            return BAYAN_ERR_NOMEM;
        }
        t = t1 - 1;
    }
    if (l.count > 1)
        qsort(l.items, l.count, sizeof *l.items, compare_exprs);
    *ex = l.items;
    *count = l.count;
    return BAYAN_OK;
}

/* An ISO or numeric date on the first two lines: a header. */
static bool iso_on_top(const text_analysis *a, bdate *out)
{
    for (size_t i = 0; i + 8 <= a->match_len; i++) {
        if (a->match[i] == '\n' && line_of(a, i) >= 2)
            return false;
        if (i > 0 && is_digit(a->match[i - 1]))
            continue;
        size_t len;
        if (i + 10 <= a->match_len &&
            (i + 10 == a->match_len || !is_digit(a->match[i + 10])) &&
            date_parse_iso(a->match + i, out))
            return true;
        if (parse_dmy(a->match + i, a->match_len - i, out, &len) ||
            parse_ymd(a->match + i, a->match_len - i, out, &len))
            return true;
    }
    return false;
}

/* Whether the gap after token t holds a dateline's mark: a bracket (the
 * agency), a dash or a colon. */
static bool dateline_mark_after(const text_analysis *a, size_t t)
{
    size_t e = a->tokens[t].match_end;
    size_t next =
        t + 1 < a->token_count ? a->tokens[t + 1].match_begin : a->match_len;
    for (size_t k = e; k < next; k++) {
        char c = a->match[k];
        if (c == '\n')
            return false;
        if (c == '(' || c == '-' || c == ':' ||
            (unsigned char)c == 0xe2) /* U+2013, U+2014: en and em dash */
            return true;
    }
    return false;
}

/* Counts the tokens on line `line` that no date expression covers (a
 * header may give a weekday and the date in two calendars), given each
 * token's line. */
static size_t words_on(const size_t *lines, size_t n, size_t line,
                       const date_expr *ex, size_t nex)
{
    size_t words = 0;
    for (size_t t = 0; t < n; t++)
        words += lines[t] == line;
    for (size_t i = 0; i < nex; i++)
        for (size_t t = ex[i].tok0; t < ex[i].tok1 && t < n; t++)
            words -= lines[t] == line;
    return words;
}

/* The tokens before token t that no date expression covers. */
static size_t words_before(const date_expr *ex, size_t n, size_t t)
{
    size_t words = t;
    for (size_t i = 0; i < n && ex[i].tok0 < t; i++)
        words -= (ex[i].tok1 < t ? ex[i].tok1 : t) - ex[i].tok0;
    return words;
}

bool dates_dateline(const text_analysis *a, const date_expr *ex, size_t n,
                    bdate *out, size_t *which)
{
    size_t unused;
    if (!which)
        which = &unused;
    *which = SIZE_MAX;
    if (iso_on_top(a, out))
        return true;
    size_t *lines = malloc((a->token_count + 1) * sizeof *lines);
    if (!lines)
        return false;
    size_t line = 0, b = 0;
    for (size_t t = 0; t < a->token_count; t++) {
        for (; b < a->tokens[t].match_begin; b++)
            line += a->match[b] == '\n';
        lines[t] = line;
    }
    bool found = false;
    for (size_t i = 0; !found && i < n; i++) {
        const date_expr *e = &ex[i];
        if (e->kind != DATE_ABSOLUTE || !date_is_day(e->abs) || e->restated)
            continue;
        if (i > 0 && ex[i - 1].kind == DATE_RELATIVE &&
            ex[i - 1].tok1 == e->tok0)
            continue; /* "أمس (22 آذار 2017)" dates an event, not the text */
        if (lines[e->tok0] >= DATELINE_LINES)
            break;
        /* A dateline is a date and a few words (place, author, time), or
         * opens the text's first line: a place, the date, then the
         * agency in brackets or a dash ("عمان 15 نوفمبر 2017 (بترا) -"),
         * or the date in both calendars ("الرباط 19 ربيع الأول 1442 هـ
         * موافق 05 نونبر 2020 م"). */
        bool both = i > 0 && ex[i - 1].kind == DATE_ABSOLUTE &&
                    ex[i - 1].tok1 == e->tok0;
        bool opens = lines[e->tok0] == lines[0] &&
                     words_before(ex, n, e->tok0) <= DATELINE_LEAD &&
                     (both || dateline_mark_after(a, e->tok1 - 1));
        if (opens || words_on(lines, a->token_count, lines[e->tok0], ex, n) <=
                         DATELINE_TOKENS) {
            *out = e->abs;
            *which = i;
            found = true;
        }
    }
    free(lines);
    return found;
}
