/* Unit tests of the text layer: decoding, HTML, matching form, offsets,
 * words, sentences and proclitics (the public API: test_text_graph.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/ucnv.h>

#include "text/text.h"
#include "core/utf8.h"

/* ---- helpers ---------------------------------------------------------- */

/* Diagnostics the text layer reported. */
typedef struct capture {
    reporter reporter; /**< reports into this capture */
    int count;
    bayan_severity severity;
    bayan_status status;
    long long offset;
    long line, column;
    char file[256];
    char message[1024];
} capture;

static void on_diag(void *user, const bayan_diagnostic *d)
{
    capture *c = user;
    c->count++;
    c->severity = d->severity;
    c->status = d->status;
    c->offset = d->offset;
    c->line = d->line;
    c->column = d->column;
    snprintf(c->file, sizeof c->file, "%s", d->file ? d->file : "");
    snprintf(c->message, sizeof c->message, "%s", d->message);
}

/* Decoding options that report into c. */
static text_options make_options(capture *c, const char *enc, bool lenient)
{
    memset(c, 0, sizeof *c);
    c->reporter = (reporter){on_diag, c};
    return (text_options){enc, lenient, &c->reporter};
}

/* utf8 converted to another encoding by ICU; free the result. */
static char *encode_as(const char *utf8, const char *cname, size_t *len)
{
    size_t n = strlen(utf8);
    size_t cap = n * 4 + 16;
    char *out = malloc(cap);
    UErrorCode err = U_ZERO_ERROR;
    int32_t m = ucnv_convert(cname, "UTF-8", out, (int32_t)cap, utf8,
                             (int32_t)n, &err);
    assert_true(U_SUCCESS(err));
    *len = (size_t)m;
    return out;
}

/* bytes = prefix + body (for BOMs). */
static char *with_prefix(const char *prefix, size_t plen, const char *body,
                         size_t blen)
{
    char *out = malloc(plen + blen + 1);
    memcpy(out, prefix, plen);
    memcpy(out + plen, body, blen);
    return out;
}

/* A new copy of code points [b, e) of s. */
static char *cp_substr(const char *s, size_t b, size_t e)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, k = 0, start = 0;
    size_t n = strlen(s);
    while (i < n && k < e) {
        if (k == b)
            start = i;
        uint32_t cp;
        size_t used = utf8_decode(p + i, n - i, &cp);
        i += used ? used : 1;
        k++;
    }
    if (k == b)
        start = i;
    char *out = malloc(i - start + 1);
    memcpy(out, s + start, i - start);
    out[i - start] = '\0';
    return out;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* An Arabic paragraph of our own (not from the corpus), long enough for
 * the charset detector. */
static const char SAMPLE[] =
    "اجتمع وزراء خارجية دول التحالف في روما يوم الإثنين، وأكدوا أن "
    "الحرب على الإرهاب مستمرة.\n"
    "وقال الوزير إن المؤتمر القادم سيعقد في العاصمة بعد عام، "
    "مشيرا إلى أن عدد الدول المشاركة بلغ 85 دولة.\n"
    "وأضاف أن الاجتماع ناقش الوضع في العراق وسوريا والساحل الإفريقي.\n";

/* ---- decoding --------------------------------------------------------- */

typedef struct variant {
    const char *cname; /* ICU converter producing the bytes */
    const char *bom;
    size_t bom_len;
    const char *forced; /* --encoding, or NULL */
    const char *expect; /* text_doc.encoding */
} variant;

static void test_decode_variants(void **state)
{
    (void)state;
    static const variant V[] = {
        {"UTF-8", "", 0, NULL, "UTF-8"},
        {"UTF-8", "\xef\xbb\xbf", 3, NULL, "UTF-8"},
        {"UTF-16LE", "\xff\xfe", 2, NULL, "UTF-16LE"},
        {"UTF-16BE", "\xfe\xff", 2, NULL, "UTF-16BE"},
        {"windows-1256", "", 0, NULL, "windows-1256"},
        {"ISO-8859-6", "", 0, NULL, "ISO-8859-6"},
        {"windows-1256", "", 0, "cp1256", "windows-1256"},
        {"ISO-8859-6", "", 0, "iso-8859-6", "ISO-8859-6"},
        {"UTF-8", "\xef\xbb\xbf", 3, "utf8", "UTF-8"},
    };
    for (size_t i = 0; i < sizeof V / sizeof *V; i++) {
        size_t n;
        char *body = encode_as(SAMPLE, V[i].cname, &n);
        char *bytes = with_prefix(V[i].bom, V[i].bom_len, body, n);
        capture c;
        text_options e = make_options(&c, V[i].forced, false);
        text_doc doc;
        bayan_status st =
            text_decode(&e, "a.txt", bytes, V[i].bom_len + n, &doc);
        if (st != BAYAN_OK)
            fail_msg("variant %zu (%s): %s", i, V[i].cname, c.message);
        assert_string_equal(doc.text, SAMPLE);
        assert_int_equal(doc.length, strlen(SAMPLE));
        assert_int_equal(doc.cp_length, utf8_length(SAMPLE, strlen(SAMPLE)));
        assert_string_equal(doc.encoding, V[i].expect);
        assert_int_equal(c.count, 0);
        text_doc_clear(&doc);
        free(bytes);
        free(body);
    }
}

static void test_line_ends(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } T[] = {
        {"أ\rب\rج", "أ\nب\nج"},
        {"أ\r\nب\r\nج\r\n", "أ\nب\nج\n"},
        {"أ\r\r\nب\n\rج", "أ\n\nب\n\nج"},
        {"\r", "\n"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        text_doc doc;
        assert_int_equal(
            text_decode(NULL, "x", T[i].in, strlen(T[i].in), &doc), BAYAN_OK);
        assert_string_equal(doc.text, T[i].out);
        assert_int_equal(doc.cp_length,
                         utf8_length(T[i].out, strlen(T[i].out)));
        text_doc_clear(&doc);
    }
}

/* Invalid input: the error names the file and the first bad byte. */
static void test_invalid_offsets(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        long long offset;
    } T[] = {
        {"\xff"
         "اجتمع الوزراء في روما",
         40, 0},
        {"اجتمع الوزراء"
         "\xc3\x28"
         "في روما",
         40, 25},
        {"اجتمع الوزراء في روما"
         "\xd8",
         40, 39}, /* truncated */
        {"اجتمع الوزراء في روما"
         "\xe2\x82",
         41, 39},                           /* truncated */
        {"اجتمع\0الوزراء في روما", 39, 10}, /* NUL */
        {"اجتمع الوزراء"
         "\xc0\xaf"
         "في روما",
         40, 25}, /* overlong */
        {"اجتمع الوزراء"
         "\xed\xa0\x80"
         "في روما",
         41, 25}, /* surrogate */
        {"\xef\xbb\xbf"
         "اجتمع الوزراء"
         "\x80",
         29, 28},                                       /* after a BOM */
        {"\x01\x02\x03\x04\x05\xff\xfe\x00\x00", 9, 5}, /* binary */
        {"abc \xe9t\xe9 latin-1 text", 21, 4},          /* not Arabic */
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        capture c;
        text_options e = make_options(&c, NULL, false);
        text_doc doc;
        bayan_status st =
            text_decode(&e, "bad.txt", T[i].bytes, T[i].len, &doc);
        if (st != BAYAN_ERR_ENCODING)
            fail_msg("case %zu decoded as %s", i, doc.encoding);
        assert_null(doc.text);
        assert_int_equal(c.count, 1);
        assert_int_equal(c.severity, BAYAN_ERROR);
        assert_int_equal(c.status, BAYAN_ERR_ENCODING);
        assert_string_equal(c.file, "bad.txt");
        if (c.offset != T[i].offset)
            fail_msg("case %zu: offset %lld, expected %lld", i, c.offset,
                     T[i].offset);
        char needle[32];
        snprintf(needle, sizeof needle, "byte %lld", T[i].offset);
        assert_non_null(strstr(c.message, needle));
    }
}

/* A fault's line and column count characters (not bytes or UTF-16
 * units) from the line's start, with CRLF and a lone CR ending a line and
 * a byte-order mark not counted, in each encoding the decoder reads. */
static void test_fault_places(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        const char *encoding; /* forced, or NULL */
        long line, column;
    } T[] = {
        {"\xd8\xa7\xd8\xac\r\n\xd9\x88\xd8\xb2\r\xd9\x81 \xff", 15, NULL, 3,
         3},
        {"\xef\xbb\xbf" "ab\xff", 6, NULL, 1, 3},
        /* UTF-16LE: BOM, alef, LF, beh, an emoji (a surrogate pair), NUL */
        {"\xff\xfe\x27\x06\x0a\x00\x28\x06\x3d\xd8\x00\xde\x00\x00", 14,
         NULL, 2, 3},
        {"\xc7\xe1\n\xc7\x00", 5, "windows-1256", 2, 2},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        capture c;
        text_options o = make_options(&c, T[i].encoding, false);
        text_doc doc;
        assert_int_equal(text_decode(&o, "f.txt", T[i].bytes, T[i].len, &doc),
                         BAYAN_ERR_ENCODING);
        if (c.line != T[i].line || c.column != T[i].column)
            fail_msg("case %zu: %ld:%ld, expected %ld:%ld", i, c.line,
                     c.column, T[i].line, T[i].column);
    }
}

static void test_nul_in_utf16_and_forced(void **state)
{
    (void)state;
    /* UTF-16LE with a BOM, U+0627 then U+0000 at unit 2 (byte 4). */
    static const char u16[] = "\xff\xfe\x27\x06\x00\x00\x44\x06";
    capture c;
    text_options e = make_options(&c, NULL, false);
    text_doc doc;
    assert_int_equal(text_decode(&e, "n.txt", u16, 8, &doc),
                     BAYAN_ERR_ENCODING);
    assert_int_equal(c.offset, 4);
    /* Forced ISO-8859-6: 0xA1 is unmapped there. */
    e = make_options(&c, "ISO-8859-6", false);
    assert_int_equal(text_decode(&e, "f.txt", "\xc7\xe4\xa1\xc7", 4, &doc),
                     BAYAN_ERR_ENCODING);
    assert_int_equal(c.offset, 2);
    /* An unknown forced encoding is an argument error. */
    e = make_options(&c, "no-such-charset", false);
    assert_int_equal(text_decode(&e, "f.txt", "abc", 3, &doc),
                     BAYAN_ERR_ARGUMENT);
    assert_non_null(strstr(c.message, "no-such-charset"));
}

static void test_lenient(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len;
        const char *out;
        long long offset;
    } T[] = {
        {"روما"
         "\xff"
         "بغداد",
         19,
         "روما\xef\xbf\xbd"
         "بغداد",
         8},
        {"روما\0\r\n", 11, "روما\xef\xbf\xbd\n", 8},
        {"روما"
         "\xd8",
         9, "روما\xef\xbf\xbd", 8},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        capture c;
        text_options e = make_options(&c, NULL, true);
        text_doc doc;
        assert_int_equal(text_decode(&e, "l.txt", T[i].bytes, T[i].len, &doc),
                         BAYAN_OK);
        assert_string_equal(doc.text, T[i].out);
        assert_int_equal(c.count, 1);
        assert_int_equal(c.severity, BAYAN_WARNING);
        assert_int_equal(c.offset, T[i].offset);
        text_doc_clear(&doc);
    }
}

/* ---- HTML ------------------------------------------------------------- */

static text_doc decode_ok(const char *name, const char *s)
{
    text_doc doc;
    capture c;
    text_options e = make_options(&c, NULL, false);
    bayan_status st = text_decode(&e, name, s, strlen(s), &doc);
    if (st != BAYAN_OK)
        fail_msg("%s: %s", name, c.message);
    return doc;
}

static void test_html_extraction(void **state)
{
    (void)state;
    const char *html =
        "<!DOCTYPE html>\n<html><head><title> قمة  روما </title>"
        "<meta property=\"article:published_time\" "
        "content=\"2023-06-08T10:00:00Z\">"
        "<style>p{color:red}</style><script>var x='روما';</script></head>"
        "<body><nav>الرئيسية | أخبار</nav><header>شعار</header>"
        "<h1>اجتماع   التحالف</h1><!-- تعليق -->"
        "<p>عقد الوزراء اجتماعا<br>في روما.</p>"
        "<aside>اقرأ أيضا</aside><noscript>فعّل</noscript>"
        "<form>ابحث</form><footer>حقوق</footer></body></html>";
    text_doc doc = decode_ok("page.bin", html); /* sniffed, not named */
    assert_true(doc.html);
    assert_string_equal(doc.text,
                        "اجتماع التحالف\nعقد الوزراء اجتماعا\nفي روما.");
    assert_string_equal(doc.title, "قمة روما");
    assert_string_equal(doc.published, "2023-06-08");
    text_doc_clear(&doc);
}

static void test_html_dates(void **state)
{
    (void)state;
    static const struct {
        const char *head, *body, *date;
    } T[] = {
        {"<meta name=\"date\" content=\"2021/03/29\">", "", "2021-03-29"},
        {"<meta itemprop=\"datePublished\" content=\"2019-12-31\">", "",
         "2019-12-31"},
        {"<meta name=\"DC.date\" content=\"2020-02-29\">", "", "2020-02-29"},
        {"<meta name=\"pubdate\" content=\"2019-02-29\">", "", NULL},
        {"", "<time datetime=\"2022-07-01T08:00\">١ تموز</time>",
         "2022-07-01"},
        {"<meta name=\"date\" content=\"2018-05-05\">",
         "<time datetime=\"2022-07-01\">x</time>", "2018-05-05"},
        {"<meta name=\"description\" content=\"2018-05-05\">", "", NULL},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        char html[512];
        snprintf(html, sizeof html,
                 "<html><head>%s</head><body><p>نص</p>%s</body></html>",
                 T[i].head, T[i].body);
        text_doc doc = decode_ok("d.html", html);
        if (T[i].date)
            assert_string_equal(doc.published, T[i].date);
        else
            assert_null(doc.published);
        assert_null(doc.title);
        text_doc_clear(&doc);
    }
}

static void test_html_entities_and_xxe(void **state)
{
    (void)state;
    /* A local file standing for a secret: an external entity naming it must
     * be neither fetched nor expanded. */
    char path[] = "/tmp/bayan-xxe-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("SECRET-MARKER", f);
    fclose(f);
    char html[1024];
    snprintf(html, sizeof html,
             "<!DOCTYPE html SYSTEM \"file://%s\" [<!ENTITY xxe SYSTEM "
             "\"file://%s\">]><html><body><p>روما&nbsp;&amp;&#x627;&#1604;"
             "&xxe;&quot;</p></body></html>",
             path, path);
    text_doc doc = decode_ok("x.htm", html);
    assert_null(strstr(doc.text, "SECRET-MARKER"));
    assert_non_null(strstr(doc.text, "روما\xc2\xa0&ال"));
    text_doc_clear(&doc);
    remove(path);
    /* HTML in windows-1256 is transcoded before libxml2 sees it. */
    size_t n;
    char *legacy = encode_as("<html><body><p>وزير الخارجية العراقي فؤاد "
                             "حسين في روما</p></body></html>",
                             "windows-1256", &n);
    capture c;
    text_options e = make_options(&c, "windows-1256", false);
    assert_int_equal(text_decode(&e, "l.html", legacy, n, &doc), BAYAN_OK);
    assert_string_equal(doc.text, "وزير الخارجية العراقي فؤاد حسين في روما");
    text_doc_clear(&doc);
    free(legacy);
}

/* ---- the matching form ------------------------------------------------ */

static text_analysis analyze(const char *s, text_doc *doc)
{
    *doc = decode_ok("m.txt", s);
    text_analysis a;
    assert_int_equal(text_analyze(doc, &a), BAYAN_OK);
    return a;
}

static void test_matching_form(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } T[] = {
        /* orthographic folding */
        {"أحمد إيران آسيا ٱلله", "احمد ايران اسيا الله"},
        {"مصطفى القاهرة مؤتمر رئيس", "مصطفي القاهره موتمر رييس"},
        {"ا\xd9\x94"
         "حمد",
         "احمد"}, /* alef + hamza above */
        /* diacritics, superscript alef, tatweel */
        {"العِرَاقُ هٰذا بغـــداد", "العراق هذا بغداد"},
        /* invisible debris */
        {"بغ\xe2\x80\x8d"
         "داد \xe2\x80\x8f"
         "روما\xe2\x80\x8e",
         "بغداد روما"},
        {"\xe2\x81\xa7"
         "روما\xe2\x81\xa9 \xe2\x80\xab"
         "باريس\xe2\x80\xac",
         "روما باريس"},
        {"بغ\xe2\x80\x8c"
         "داد\xd8\x9c",
         "بغداد"},
        /* entities and their residue */
        {"بغ#x200d;داد بغ&#x200d;داد بغ&#8205;داد", "بغداد بغداد بغداد"},
        {"روما&nbsp;باريس", "روما باريس"},
        {"روما&amp;nbsp;باريس", "روما باريس"},
        {"&quot;داعش&quot;", "\"داعش\""},
        {"فرنسا&ألمانيا", "فرنسا المانيا"},
        {"A & B", "A & B"},
        {"#1; #x41;", "#1; A"},
        /* digits and punctuation */
        {"٢٠٢٣ ۱۴۰۲ ٣٫٥", "2023 1402 3.5"},
        {"روما، باريس؛ لماذا؟", "روما, باريس; لماذا?"},
        /* spaces */
        {"روما\xc2\xa0\xe2\x80\x89 باريس\tلندن", "روما باريس لندن"},
        /* NFKC: presentation forms, ligatures, full-width */
        {"\xef\xbb\xbb \xef\xba\x83", "لا ا"},
        {"\xef\xbc\xa1\xef\xbc\x91", "A1"},
        {"Caf\x65\xcc\x81", "Caf\xc3\xa9"},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        text_doc doc;
        text_analysis a = analyze(T[i].in, &doc);
        if (strcmp(a.match, T[i].out) != 0)
            fail_msg("case %zu: got '%s', expected '%s'", i, a.match,
                     T[i].out);
        assert_int_equal(a.orig[a.match_len], doc.cp_length);
        text_analysis_clear(&a);
        text_doc_clear(&doc);
    }
}

/* Each token's original span is exactly the folded characters. */
static void test_offsets_map_back(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t token;
        const char *form, *original;
    } T[] = {
        {"وزير بغـ\xe2\x80\x8d"
         "ـداد.",
         1, "بغداد",
         "بغـ\xe2\x80\x8d"
         "ـداد"},
        {"في رو#x200d;ما اليوم", 1, "روما", "رو#x200d;ما"},
        {"\xe2\x80\x8f"
         "العِرَاقُ\xe2\x80\x8f و",
         0, "العراق", "العِرَاقُ"},
        {"عام ٢٠٢٣م", 1, "2023م", "٢٠٢٣م"},
        {"ﻻ بأس", 0, "لا", "ﻻ"},
        {"x&nbsp;&quot;روما&quot;", 1, "روما", "روما"},
        {"أ\r\nإيران", 1, "ايران", "إيران"},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        text_doc doc;
        text_analysis a = analyze(T[i].in, &doc);
        assert_true(T[i].token < a.token_count);
        const text_span *s = &a.tokens[T[i].token];
        size_t n = s->match_end - s->match_begin;
        assert_int_equal(n, strlen(T[i].form));
        assert_memory_equal(a.match + s->match_begin, T[i].form, n);
        char *orig = cp_substr(doc.text, s->begin, s->end);
        if (strcmp(orig, T[i].original) != 0)
            fail_msg("case %zu: original '%s'", i, orig);
        free(orig);
        text_analysis_clear(&a);
        text_doc_clear(&doc);
    }
}

/* ---- words and sentences ---------------------------------------------- */

static void test_tokens_and_sentences(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t tokens, sentences;
        const char *first_token;
    } T[] = {
        {"ذهب الوزير إلى روما، ثم عاد.", 6, 1, "ذهب"},
        {"جملة أولى. جملة ثانية؟ جملة ثالثة!", 6, 3, "جمله"},
        {"عنوان الخبر\n\nنص الخبر هنا.", 5, 2, "عنوان"},
        {"بلغ العدد ١٬٢٥٠ دولة في ٢٠٢٣.", 6, 1, "بلغ"},
        {"  \n \xe2\x80\x8f ", 0, 0, NULL},
        {"\"داعش\" (تنظيم) - «الدولة»", 3, 1, "داعش"},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++) {
        text_doc doc;
        text_analysis a = analyze(T[i].in, &doc);
        if (a.token_count != T[i].tokens || a.sentence_count != T[i].sentences)
            fail_msg("case %zu: %zu tokens, %zu sentences", i, a.token_count,
                     a.sentence_count);
        if (T[i].first_token) {
            size_t n = a.tokens[0].match_end - a.tokens[0].match_begin;
            assert_int_equal(n, strlen(T[i].first_token));
            assert_memory_equal(a.match + a.tokens[0].match_begin,
                                T[i].first_token, n);
        }
        text_analysis_clear(&a);
        text_doc_clear(&doc);
    }
}

/* Plain words (Arabic letters, single spaces) are split without ICU; the
 * words must be those ICU finds in the same text ended by a full stop. */
static void test_plain_words_as_icu(void **state)
{
    (void)state;
    static const char *const plain[] = {"جامعة الدول العربية",
                                        "وزارة الخارجية", "داعش"};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        char stop[128];
        snprintf(stop, sizeof stop, "%s.", plain[i]);
        text_doc d1, d2;
        text_analysis a = analyze(plain[i], &d1), b = analyze(stop, &d2);
        assert_int_equal(a.token_count, b.token_count);
        for (size_t k = 0; k < a.token_count; k++) {
            assert_int_equal(a.tokens[k].match_begin, b.tokens[k].match_begin);
            assert_int_equal(a.tokens[k].match_end, b.tokens[k].match_end);
            assert_int_equal(a.tokens[k].end, b.tokens[k].end);
        }
        assert_int_equal(a.sentence_count, 1);
        assert_int_equal(a.sentences[0].match_end, a.match_len);
        text_analysis_clear(&a);
        text_analysis_clear(&b);
        text_doc_clear(&d1);
        text_doc_clear(&d2);
    }
}

/* ---- proclitics --------------------------------------------------------- */

/* True when stem is among the candidate readings of token. */
static bool has_stem(const char *token, const char *stem, size_t *rank)
{
    text_split s[32];
    size_t n = text_clitic_splits(token, strlen(token), s, 32);
    assert_true(n <= 32);
    for (size_t i = 0; i < n; i++) {
        char buf[128];
        assert_true(text_split_stem(token, &s[i], buf, sizeof buf) > 0);
        if (i > 0)
            assert_true(s[i].stem_len <= s[i - 1].stem_len);
        if (strcmp(buf, stem) == 0) {
            if (rank)
                *rank = i;
            return true;
        }
    }
    return false;
}

static void test_clitics(void **state)
{
    (void)state;
    /* Names that merely begin with clitic letters: the unsplit word is the
     * first candidate. */
    static const char *const whole[] = {"بلجيكا",   "البحرين", "لبنان",
                                        "كوبنهاغن", "فرنسا",   "الكويت"};
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++) {
        size_t rank = 99;
        assert_true(has_stem(whole[i], whole[i], &rank));
        assert_int_equal(rank, 0);
    }
    static const struct {
        const char *token, *stem;
    } T[] = {
        {"والعراق", "العراق"},   {"والعراق", "عراق"},
        {"بالعراق", "العراق"},   {"بالعراق", "عراق"},
        {"للتحالف", "التحالف"},  {"وبروكسل", "بروكسل"},
        {"فالحكومه", "الحكومه"}, {"وللتحالف", "التحالف"},
        {"وبالعراق", "العراق"},  {"كالعاده", "العاده"},
        {"فبروكسل", "بروكسل"},
    };
    for (size_t i = 0; i < sizeof T / sizeof *T; i++)
        if (!has_stem(T[i].token, T[i].stem, NULL))
            fail_msg("%s should offer %s", T[i].token, T[i].stem);
    /* Never a stem of one letter, never an empty prefix twice. */
    assert_false(has_stem("ول", "ل", NULL));
    text_split s[4];
    assert_int_equal(text_clitic_splits("و", strlen("و"), s, 4), 1);
    assert_int_equal(text_clitic_splits("والعراق", strlen("والعراق"), s, 2),
                     3);
    char small[4];
    assert_int_equal(text_split_stem("والعراق", &s[0], small, sizeof small),
                     0);
}

/* ---- invariance over encodings and debris ------------------------------ */

/* Replaces every occurrence of a name in s by another spelling of it. */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t nf = strlen(from), nt = strlen(to), count = 0;
    for (const char *p = strstr(s, from); p; p = strstr(p + nf, from))
        count++;
    char *out = malloc(strlen(s) + count * nt + 1);
    char *w = out;
    for (const char *p = s;;) {
        const char *q = strstr(p, from);
        if (!q) {
            strcpy(w, p);
            break;
        }
        memcpy(w, p, (size_t)(q - p));
        w += q - p;
        memcpy(w, to, nt);
        w += nt;
        p = q + nf;
    }
    return out;
}

/* The token forms of a document, one per line, and its sentence count. */
static char *token_forms(const char *name, const char *bytes, size_t len,
                         size_t *sentences)
{
    capture c;
    text_options e = make_options(&c, NULL, false);
    text_doc doc;
    if (text_decode(&e, name, bytes, len, &doc) != BAYAN_OK)
        fail_msg("%s: %s", name, c.message);
    text_analysis a;
    assert_int_equal(text_analyze(&doc, &a), BAYAN_OK);
    size_t cap = a.match_len + a.token_count + 1, w = 0;
    char *out = malloc(cap);
    for (size_t i = 0; i < a.token_count; i++) {
        const text_span *s = &a.tokens[i];
        size_t n = s->match_end - s->match_begin;
        memcpy(out + w, a.match + s->match_begin, n);
        w += n;
        out[w++] = '\n';
        /* The original span folds, on its own, to the same token. */
        char *orig = cp_substr(doc.text, s->begin, s->end);
        text_doc one = {.text = orig,
                        .length = strlen(orig),
                        .cp_length = s->end - s->begin};
        text_analysis b;
        assert_int_equal(text_match_form(&one, &b), BAYAN_OK);
        if (b.match_len != n || memcmp(b.match, a.match + s->match_begin, n))
            fail_msg("%s: token %zu maps back to '%s'", name, i, orig);
        text_analysis_clear(&b);
        free(orig);
    }
    out[w] = '\0';
    *sentences = a.sentence_count;
    text_analysis_clear(&a);
    text_doc_clear(&doc);
    return out;
}

/* Wraps each line of s in <p>, escaping &, < and >. */
static char *html_wrap(const char *s)
{
    char *out = malloc(strlen(s) * 8 + 256);
    char *w = out + sprintf(out, "<!DOCTYPE html><html><head><title>t"
                                 "</title><script>var a = 1;</script>"
                                 "</head><body><nav>روما</nav><p>");
    for (const char *p = s; *p; p++) {
        if (*p == '\n')
            w += sprintf(w, "</p>\n<p>");
        else if (*p == '&')
            w += sprintf(w, "&amp;");
        else if (*p == '<')
            w += sprintf(w, "&lt;");
        else
            *w++ = *p;
    }
    sprintf(w, "</p></body></html>");
    return out;
}

static void test_seed_invariance(void **state)
{
    (void)state;
    const char *dir = getenv("BAYAN_SEEDS_DIR");
    if (!dir)
        skip();
    char path[1024];
    snprintf(path, sizeof path, "%s/000_24ca618f4eb04f7a.txt", dir);
    size_t len;
    char *utf8 = read_file(path, &len);
    size_t ref_sentences;
    char *ref = token_forms("seed.txt", utf8, len, &ref_sentences);
    assert_true(strlen(ref) > 1000);
    assert_true(ref_sentences > 5);

    size_t n16, n1256;
    char *u16 = encode_as(utf8, "UTF-16LE", &n16);
    char *bom16 = with_prefix("\xff\xfe", 2, u16, n16);
    char *bom8 = with_prefix("\xef\xbb\xbf", 3, utf8, len);
    char *cp1256 = encode_as(utf8, "windows-1256", &n1256);
    char *cr = replace_all(utf8, "\n", "\r");
    char *html = html_wrap(utf8);
    /* Debris inside names: ZWJ, bidi marks, tatweel, entity residue. */
    char *d1 = replace_all(utf8, "روما", "رو\xe2\x80\x8dـما");
    char *d2 = replace_all(d1, "داعش",
                           "\xe2\x80\x8f"
                           "دا#x200d;عش"
                           "\xe2\x80\x8e");
    char *d3 = replace_all(d2, "التحالف", "التحـالف&#x200d;");
    const struct {
        const char *name;
        const char *bytes;
        size_t len;
    } V[] = {
        {"bom.txt", bom8, len + 3},        {"u16.txt", bom16, n16 + 2},
        {"1256.txt", cp1256, n1256},       {"cr.txt", cr, strlen(cr)},
        {"page.html", html, strlen(html)}, {"debris.txt", d3, strlen(d3)},
    };
    for (size_t i = 0; i < sizeof V / sizeof *V; i++) {
        size_t sentences;
        char *forms = token_forms(V[i].name, V[i].bytes, V[i].len, &sentences);
        if (strcmp(forms, ref) != 0)
            fail_msg("%s: tokens differ", V[i].name);
        assert_int_equal(sentences, ref_sentences);
        free(forms);
    }
    free(ref);
    free(u16);
    free(bom16);
    free(bom8);
    free(cp1256);
    free(cr);
    free(html);
    free(d1);
    free(d2);
    free(d3);
    free(utf8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_variants),
        cmocka_unit_test(test_line_ends),
        cmocka_unit_test(test_invalid_offsets),
        cmocka_unit_test(test_fault_places),
        cmocka_unit_test(test_nul_in_utf16_and_forced),
        cmocka_unit_test(test_lenient),
        cmocka_unit_test(test_html_extraction),
        cmocka_unit_test(test_html_dates),
        cmocka_unit_test(test_html_entities_and_xxe),
        cmocka_unit_test(test_matching_form),
        cmocka_unit_test(test_offsets_map_back),
        cmocka_unit_test(test_tokens_and_sentences),
        cmocka_unit_test(test_plain_words_as_icu),
        cmocka_unit_test(test_clitics),
        cmocka_unit_test(test_seed_invariance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
