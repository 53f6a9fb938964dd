/* The text layer, decoding: bytes in any supported encoding to the decoded
 * text (UTF-8, no BOM, LF line ends), with ICU for legacy encodings. */
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include "core/utf8.h"

void text_doc_clear(text_doc *doc)
{
    if (!doc)
        return;
    free(doc->text);
    free(doc->title);
    free(doc->published);
    free(doc->url);
    free(doc->outlet);
    free(doc->site_name);
    free(doc->cp_marks);
    memset(doc, 0, sizeof *doc);
}

/* Builds doc->cp_marks (see text.h) in one pass over the decoded text. */
static bayan_status mark_code_points(text_doc *doc)
{
    size_t count = doc->cp_length / TEXT_CP_STRIDE + 1;
    doc->cp_marks = malloc(count * sizeof *doc->cp_marks);
    if (!doc->cp_marks)
        return BAYAN_ERR_NOMEM;
    size_t cp = 0, k = 0;
    for (size_t i = 0; i < doc->length; i++) {
        if (((unsigned char)doc->text[i] & 0xc0) == 0x80)
            continue;
        if (cp % TEXT_CP_STRIDE == 0 && k < count)
            doc->cp_marks[k++] = i;
        cp++;
    }
    while (k < count)
        doc->cp_marks[k++] = doc->length;
    return BAYAN_OK;
}

bool text_has_arabic(const text_doc *doc)
{
    for (size_t i = 0; i < doc->length;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)doc->text + i,
                               doc->length - i, &cp);
        if (n == 0)
            return false;
        /* Letters only: Arabic punctuation and digits alone say nothing. */
        if ((cp >= 0x0620 && cp <= 0x064a) || (cp >= 0x066e && cp <= 0x06d3) ||
            (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08c9) ||
            (cp >= 0xfb50 && cp <= 0xfdfb) || (cp >= 0xfe70 && cp <= 0xfefc))
            return true;
        i += n;
    }
    return false;
}

bool text_encoding_known(const char *name)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = name && *name ? ucnv_open(name, &err) : NULL;
    bool known = cnv && U_SUCCESS(err);
    ucnv_close(cnv);
    return known;
}

bool text_is_blank(const text_doc *doc)
{
    for (size_t i = 0; i < doc->length;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)doc->text + i,
                               doc->length - i, &cp);
        if (n == 0)
            return false;
        bool blank = cp == ' ' || (cp >= '\t' && cp <= '\r') ||
                     cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
                     (cp >= 0x2000 && cp <= 0x200f) || cp == 0x2028 ||
                     cp == 0x2029 || cp == 0x202f || cp == 0x205f ||
                     (cp >= 0x2066 && cp <= 0x2069) ||
                     (cp >= 0x202a && cp <= 0x202e) || cp == 0x3000 ||
                     cp == 0xfeff;
        if (!blank)
            return false;
        i += n;
    }
    return true;
}

size_t text_byte_offset(const text_doc *doc, size_t cp)
{
    size_t from = 0;
    if (doc->cp_marks) {
        size_t k = cp / TEXT_CP_STRIDE;
        if (k > doc->cp_length / TEXT_CP_STRIDE)
            return doc->length;
        from = doc->cp_marks[k];
        cp -= k * TEXT_CP_STRIDE;
    }
    return from + utf8_offset(doc->text + from, doc->length - from, cp);
}

/* ---- UTF-8 ----------------------------------------------------------------
 */

/* What a scan of the bytes as UTF-8 found. */
typedef struct utf8_scan {
    size_t first_bad; /* byte offset of the first invalid byte or NUL */
    size_t bad;       /* invalid bytes (NULs included) */
    size_t multibyte; /* valid sequences of 2 to 4 bytes */
} utf8_scan;

static void scan_utf8(const unsigned char *p, size_t len, utf8_scan *s)
{
    memset(s, 0, sizeof *s);
    s->first_bad = len;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = p[i] < 0x80 ? 1 : utf8_decode(p + i, len - i, &cp);
        if (n == 0 || p[i] == 0) {
            if (s->bad++ == 0)
                s->first_bad = i;
            i++;
            continue;
        }
        s->multibyte += n > 1;
        i += n;
    }
}

/* Copies UTF-8 bytes (from offset start) to a new buffer with CR and CRLF
 * made LF; invalid bytes and NULs become U+FFFD (only called when they are
 * allowed: the input is valid or lenient mode is on). */
static char *utf8_to_text(const unsigned char *p, size_t len, size_t start,
                          size_t *out_len, size_t *cps)
{
    char *text = malloc((len - start) * 3 + 1);
    if (!text)
        return NULL;
    size_t w = 0, n_cp = 0;
    for (size_t i = start; i < len; n_cp++) {
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0 || cp == 0) {
            w += utf8_encode(0xfffd, text + w);
            i++;
        } else if (cp == '\r') {
            text[w++] = '\n';
            i += (i + 1 < len && p[i + 1] == '\n') ? 2 : 1;
        } else {
            memcpy(text + w, p + i, n);
            w += n;
            i += n;
        }
    }
    text[w] = '\0';
    *out_len = w;
    *cps = n_cp;
    return text;
}

/* ---- ICU converters ------------------------------------------------------
 */

/* UTF-16 code units to the decoded text (line ends, leading BOM dropped). */
static char *uchars_to_text(const UChar *u, size_t n, size_t *out_len,
                            size_t *cps)
{
    char *text = malloc(n * 3 + 1);
    if (!text)
        return NULL;
    size_t w = 0, n_cp = 0, i = 0;
    if (n > 0 && u[0] == 0xfeff)
        i = 1;
    while (i < n) {
        UChar32 c;
        U16_NEXT(u, i, n, c);
        if (U_IS_SURROGATE(c))
            c = 0xfffd;
        if (c == '\r') {
            c = '\n';
            if (i < n && u[i] == '\n')
                i++;
        }
        w += utf8_encode((uint32_t)c, text + w);
        n_cp++;
    }
    text[w] = '\0';
    *out_len = w;
    *cps = n_cp;
    return text;
}

/* The result of converting bytes with an ICU converter. */
typedef struct converted {
    UChar *u;
    size_t n;
    size_t bad;       /* invalid sequences (replaced when lenient) */
    size_t first_bad; /* byte offset of the first one */
} converted;

/* A NUL decoded counts as invalid: replaces those among units [from, to)
 * by U+FFFD, noting the first one's byte offset (exact for the encodings we
 * read: unit bytes per code unit). True when there was one. */
static bool replace_nuls(converted *out, UChar *from, const UChar *to,
                         size_t start, int unit)
{
    bool found = false;
    for (UChar *q = from; q < to; q++) {
        if (*q != 0)
            continue;
        if (out->bad++ == 0)
            out->first_bad = start + (size_t)(q - out->u) * (size_t)unit;
        *q = 0xfffd;
        found = true;
    }
    return found;
}

/* Converts p[start..len) with converter cname. Invalid sequences and NULs
 * stop the conversion (first_bad set, returns BAYAN_ERR_ENCODING) unless
 * lenient, in which case they become U+FFFD. */
static bayan_status icu_convert(const char *cname, const unsigned char *p,
                                size_t len, size_t start, bool lenient,
                                converted *out)
{
    memset(out, 0, sizeof *out);
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(cname, &err);
    if (U_FAILURE(err))
        return BAYAN_ERR_ARGUMENT;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    /* Every input byte gives at most one UTF-16 unit in the encodings we
     * read, and a replacement stands for at least one byte; +2 for pairs. */
    size_t cap = (len - start) * 2 + 2;
    out->u = malloc(cap * sizeof *out->u);
    if (!out->u || U_FAILURE(err)) {
        ucnv_close(cnv);
        free(out->u);
        out->u = NULL;
        return U_FAILURE(err) ? BAYAN_ERR_INTERNAL : BAYAN_ERR_NOMEM;
    }
    const char *s = (const char *)p + start, *limit = (const char *)p + len;
    UChar *t = out->u, *tlimit = out->u + cap;
    int unit = ucnv_getMinCharSize(cnv);
    bayan_status st = BAYAN_OK;
    for (;;) {
        err = U_ZERO_ERROR;
        UChar *from = t;
        ucnv_toUnicode(cnv, &t, tlimit, &s, limit, NULL, 1, &err);
        if (replace_nuls(out, from, t, start, unit) && !lenient)
            st = BAYAN_ERR_ENCODING;
        if (st != BAYAN_OK || U_SUCCESS(err))
            break;
        if (err != U_INVALID_CHAR_FOUND && err != U_ILLEGAL_CHAR_FOUND &&
            err != U_TRUNCATED_CHAR_FOUND) {
            st = BAYAN_ERR_INTERNAL;
            break;
        }
        char bad[32];
        int8_t nbad = sizeof bad;
        UErrorCode e2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, bad, &nbad, &e2);
        if (out->bad++ == 0)
            out->first_bad = (size_t)(s - (const char *)p) - (size_t)nbad;
        if (!lenient) {
            st = BAYAN_ERR_ENCODING;
            break;
        }
        *t++ = 0xfffd;
    }
    ucnv_close(cnv);
    out->n = (size_t)(t - out->u);
    if (st != BAYAN_OK && st != BAYAN_ERR_ENCODING) {
        free(out->u);
        out->u = NULL;
    }
    return st;
}

/* ---- choosing an encoding ------------------------------------------------
 */

/* Arabic script blocks: letters, digits, punctuation, presentation forms. */
static bool is_arabic_cp(UChar c)
{
    return (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) ||
           (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

/* Plausible Arabic news text: no control characters but whitespace, at
 * least as much Arabic as Latin letters, and at most 3% of characters
 * outside Arabic, ASCII and common typographic punctuation. windows-1256 maps
 * nearly every byte, so without this check any garbage would "decode". */
static bool plausible_arabic(const UChar *u, size_t n)
{
    size_t arabic = 0, odd = 0, latin = 0;
    for (size_t i = 0; i < n; i++) {
        UChar c = u[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            return false;
        latin += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        if (is_arabic_cp(c))
            arabic++;
        else if (!(c < 0x7f || c == 0xa0 || c == 0xab || c == 0xbb ||
                   (c >= 0x2010 && c <= 0x2026) || c == 0x200c ||
                   c == 0x200d || c == 0x200e || c == 0x200f))
            odd++;
    }
    return arabic > 0 && arabic >= latin && odd * 33 <= n;
}

/* The legacy encodings we accept from the detector, with our names. */
static const char *const LEGACY[] = {"windows-1256", "ISO-8859-6"};

/* Tries the charset detector's windows-1256 / ISO-8859-6 guesses, best
 * first; on success *out holds the text and *name the encoding. */
static bool detect_legacy(const unsigned char *p, size_t len, converted *out,
                          const char **name)
{
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    ucsdet_setText(det, (const char *)p,
                   (int32_t)(len > INT32_MAX ? INT32_MAX : len), &err);
    int32_t count = 0;
    const UCharsetMatch **m = ucsdet_detectAll(det, &count, &err);
    bool found = false;
    for (int32_t i = 0; U_SUCCESS(err) && !found && i < count; i++) {
        UErrorCode e2 = U_ZERO_ERROR;
        const char *cs = ucsdet_getName(m[i], &e2);
        int32_t conf = ucsdet_getConfidence(m[i], &e2);
        for (size_t k = 0; U_SUCCESS(e2) && k < 2 && !found; k++) {
            if (conf < 10 || strcasecmp(cs, LEGACY[k]) != 0)
                continue;
            if (icu_convert(LEGACY[k], p, len, 0, false, out) == BAYAN_OK &&
                plausible_arabic(out->u, out->n)) {
                *name = LEGACY[k];
                found = true;
            } else {
                free(out->u);
                out->u = NULL;
            }
        }
    }
    ucsdet_close(det);
    return found;
}

/* Where the text layer's diagnostics go (nowhere without options). */
static const reporter *reporter_of(const text_options *o)
{
    return o ? o->reporter : NULL;
}

/* Maps ICU's name of a converter (e.g. "ibm-9448_X100-2005" for cp1256)
 * to our static name when it is one we know. */
static const char *known_name(const char *icu_name)
{
    static const char *const names[] = {"UTF-8",        "UTF-16LE",
                                        "UTF-16BE",     "UTF-16",
                                        "windows-1256", "ISO-8859-6"};
    const char *found = NULL;
    for (size_t i = 0; !found && i < sizeof names / sizeof *names; i++) {
        UErrorCode err = U_ZERO_ERROR;
        UConverter *cnv = ucnv_open(names[i], &err);
        if (U_SUCCESS(err) && strcmp(ucnv_getName(cnv, &err), icu_name) == 0)
            found = names[i];
        ucnv_close(cnv);
    }
    return found;
}

/* ---- the entry point -----------------------------------------------------
 */

/* How the bytes are to be read. */
typedef struct plan {
    const char *name; /* static encoding name */
    size_t skip;      /* BOM bytes */
    bool utf8;        /* read by our own UTF-8 decoder */
} plan;

/* How the bytes of an encoding we read map to characters, for the place
 * of a diagnostic; false for one whose characters we cannot count. */
static bool coding_of(const char *enc, const unsigned char *p, size_t len,
                      source_coding *out)
{
    if (strcasecmp(enc, "UTF-8") == 0)
        *out = SOURCE_UTF8;
    else if (strcasecmp(enc, "UTF-16BE") == 0 ||
             (strcasecmp(enc, "UTF-16") == 0 && len >= 2 && p[0] == 0xfe &&
              p[1] == 0xff))
        *out = SOURCE_UTF16BE;
    else if (strncasecmp(enc, "UTF-16", 6) == 0)
        *out = SOURCE_UTF16LE;
    else if (strcasecmp(enc, "windows-1256") == 0 ||
             strcasecmp(enc, "ISO-8859-6") == 0)
        *out = SOURCE_BYTE;
    else
        return false;
    return true;
}

/* A diagnostic about the byte at offset, with its line and column where
 * the encoding lets us count them. */
static void report_byte(const text_options *o, bayan_severity severity,
                        const char *name, const char *enc,
                        const unsigned char *p, size_t len, size_t offset,
                        const char *message)
{
    source_coding coding;
    source_place place = {0, 0};
    if (coding_of(enc, p, len, &coding))
        place = source_place_of(p, len, offset, coding);
    report_place(reporter_of(o), severity, BAYAN_ERR_ENCODING, name,
                 (long long)offset, place, "%s", message);
}

static bayan_status report_bad(const text_options *o, const char *name,
                               const char *enc, const unsigned char *p,
                               size_t len, size_t offset)
{
    char message[256];
    snprintf(message, sizeof message,
             "not valid %s at byte %zu (not read; --lenient replaces bad "
             "bytes)", enc, offset);
    report_byte(o, BAYAN_ERROR, name, enc, p, len, offset, message);
    return BAYAN_ERR_ENCODING;
}

static void warn_bad(const text_options *o, const char *name, const char *enc,
                     const unsigned char *p, size_t len, size_t offset,
                     size_t count)
{
    char message[256];
    snprintf(message, sizeof message,
             "%zu invalid %s sequence(s) replaced by U+FFFD, the first at "
             "byte %zu", count, enc, offset);
    report_byte(o, BAYAN_WARNING, name, enc, p, len, offset, message);
}

/* Reads through an ICU converter into out. */
static bayan_status decode_icu(const text_options *o, const char *name,
                               const unsigned char *p, size_t len,
                               const plan *pl, text_doc *out)
{
    bool lenient = o && o->lenient;
    converted c;
    bayan_status st = icu_convert(pl->name, p, len, pl->skip, lenient, &c);
    if (st == BAYAN_ERR_ENCODING) {
        free(c.u);
        return report_bad(o, name, pl->name, p, len, c.first_bad);
    }
    if (st != BAYAN_OK)
        return st;
    if (c.bad)
        warn_bad(o, name, pl->name, p, len, c.first_bad, c.bad);
    out->text = uchars_to_text(c.u, c.n, &out->length, &out->cp_length);
    free(c.u);
    return out->text ? BAYAN_OK : BAYAN_ERR_NOMEM;
}

/* UTF-16 saved without a byte-order mark: NULs at one parity only (the
 * high bytes of spaces, digits and line ends), at least one unit in 20.
 * Only a guess: the caller checks the result reads as Arabic text. */
static const char *guess_utf16(const unsigned char *p, size_t len)
{
    if (len < 4 || len % 2 != 0)
        return NULL;
    size_t zeros[2] = {0, 0};
    for (size_t i = 0; i < len; i++)
        zeros[i & 1] += p[i] == 0;
    size_t units = len / 2;
    if (zeros[0] == 0 && zeros[1] * 20 >= units)
        return "UTF-16LE";
    if (zeros[1] == 0 && zeros[0] * 20 >= units)
        return "UTF-16BE";
    return NULL;
}

/* Reads p as UTF-16 without a BOM when guess_utf16 and plausible_arabic
 * agree; true when it did (out filled, or the allocation failed). */
static bool try_utf16(const text_options *o, const char *name,
                      const unsigned char *p, size_t len, text_doc *out)
{
    const char *enc = guess_utf16(p, len);
    converted c = {0};
    if (!enc || icu_convert(enc, p, len, 0, false, &c) != BAYAN_OK ||
        !plausible_arabic(c.u, c.n)) {
        free(c.u);
        return false;
    }
    report(reporter_of(o), BAYAN_WARNING, BAYAN_OK, name, -1,
                  "no byte-order mark; read as %s", enc);
    out->text = uchars_to_text(c.u, c.n, &out->length, &out->cp_length);
    free(c.u);
    out->encoding = enc;
    return true;
}

/* Decides how to read bytes that are not valid UTF-8 and have no BOM. */
static bayan_status decode_unknown(const text_options *o, const char *name,
                                   const unsigned char *p, size_t len,
                                   const utf8_scan *scan, text_doc *out)
{
    /* Mostly valid multi-byte UTF-8 with a few bad bytes is broken UTF-8,
     * not a legacy encoding; a NUL is never legacy Arabic text either. */
    bool broken_utf8 =
        scan->multibyte >= 4 * scan->bad || memchr(p, 0, len) != NULL;
    converted c = {0};
    const char *enc = NULL;
    if (try_utf16(o, name, p, len, out))
        return out->text ? BAYAN_OK : BAYAN_ERR_NOMEM;
    if (!broken_utf8 && detect_legacy(p, len, &c, &enc)) {
        out->text = uchars_to_text(c.u, c.n, &out->length, &out->cp_length);
        free(c.u);
        out->encoding = enc;
        return out->text ? BAYAN_OK : BAYAN_ERR_NOMEM;
    }
    if (!(o && o->lenient))
        return report_bad(o, name, "UTF-8", p, len, scan->first_bad);
    warn_bad(o, name, "UTF-8", p, len, scan->first_bad, scan->bad);
    out->encoding = "UTF-8";
    out->text = utf8_to_text(p, len, 0, &out->length, &out->cp_length);
    return out->text ? BAYAN_OK : BAYAN_ERR_NOMEM;
}

/* Picks the encoding from a forced name or a byte-order mark. Returns false
 * when neither decides. */
static bayan_status choose_plan(const text_options *o, const unsigned char *p,
                                size_t len, plan *pl, bool *decided)
{
    memset(pl, 0, sizeof *pl);
    *decided = true;
    bool bom8 = len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf;
    bool le = len >= 2 && p[0] == 0xff && p[1] == 0xfe;
    bool be = len >= 2 && p[0] == 0xfe && p[1] == 0xff;
    if (o && o->encoding) {
        UErrorCode err = U_ZERO_ERROR;
        UConverter *cnv = ucnv_open(o->encoding, &err);
        if (U_FAILURE(err)) {
            report(reporter_of(o), BAYAN_ERROR, BAYAN_ERR_ARGUMENT, NULL, -1,
                          "unknown encoding '%s'", o->encoding);
            return BAYAN_ERR_ARGUMENT;
        }
        const char *k = known_name(ucnv_getName(cnv, &err));
        pl->name = k ? k : ucnv_getName(cnv, &err); /* ICU's static alias */
        ucnv_close(cnv);
        pl->utf8 = k && strcmp(k, "UTF-8") == 0;
        pl->skip = pl->utf8 && bom8 ? 3 : 0;
    } else if (bom8) {
        *pl = (plan){"UTF-8", 3, true};
    } else if (le) {
        *pl = (plan){"UTF-16LE", 2, false};
    } else if (be) {
        *pl = (plan){"UTF-16BE", 2, false};
    } else {
        *decided = false;
    }
    return BAYAN_OK;
}

static bayan_status decode_bytes(const text_options *o, const char *name,
                                 const unsigned char *p, size_t len,
                                 text_doc *out)
{
    plan pl;
    bool decided;
    bayan_status st = choose_plan(o, p, len, &pl, &decided);
    if (st != BAYAN_OK)
        return st;
    if (decided && !pl.utf8) {
        out->encoding = pl.name;
        return decode_icu(o, name, p, len, &pl, out);
    }
    utf8_scan scan;
    scan_utf8(p + pl.skip, len - pl.skip, &scan);
    if (scan.bad && !decided)
        return decode_unknown(o, name, p, len, &scan, out);
    if (scan.bad && !(o && o->lenient))
        return report_bad(o, name, "UTF-8", p, len, pl.skip + scan.first_bad);
    if (scan.bad)
        warn_bad(o, name, "UTF-8", p, len, pl.skip + scan.first_bad, scan.bad);
    out->encoding = "UTF-8";
    out->text = utf8_to_text(p, len, pl.skip, &out->length, &out->cp_length);
    return out->text ? BAYAN_OK : BAYAN_ERR_NOMEM;
}

/* Replaces doc's text (HTML) by its article text, line ends normalised. */
static bayan_status reduce_html(const text_options *o, const char *name,
                                text_doc *doc)
{
    char *html = doc->text;
    size_t n = doc->length;
    doc->text = NULL;
    bayan_status st = html_extract(reporter_of(o), name, html, n, doc);
    free(html);
    if (st != BAYAN_OK)
        return st;
    char *clean = utf8_to_text((const unsigned char *)doc->text, doc->length,
                               0, &doc->length, &doc->cp_length);
    free(doc->text);
    doc->text = clean;
    doc->html = true;
    return clean ? BAYAN_OK : BAYAN_ERR_NOMEM;
}

bayan_status text_decode(const text_options *o, const char *name,
                         const void *bytes, size_t len, text_doc *out)
{
    memset(out, 0, sizeof *out);
    const unsigned char *p = bytes ? bytes : (const unsigned char *)"";
    bayan_status st = decode_bytes(o, name, p, bytes ? len : 0, out);
    if (st == BAYAN_OK && html_is_html(name, out->text, out->length))
        st = reduce_html(o, name, out);
    if (st == BAYAN_OK)
        st = mark_code_points(out);
    if (st != BAYAN_OK) {
        const char *enc = out->encoding;
        text_doc_clear(out);
        out->encoding = enc;
    }
    return st;
}
