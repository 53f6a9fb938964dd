/* Fuzz target: HTML extraction. The bytes (made valid UTF-8 first, as
 * text_decode hands them over) go through html_extract, then the whole
 * decoding path with an .html name; the article text, title and date must
 * come out well formed. */
#include "fuzz.h"

/* A date, when one is found, is yyyy-mm-dd. */
static void check_date(const char *d)
{
    if (!d)
        return;
    FUZZ_CHECK(strlen(d) == 10);
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            FUZZ_CHECK(d[i] == '-');
        else
            FUZZ_CHECK(d[i] >= '0' && d[i] <= '9');
    }
}

static void check_utf8_string(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        FUZZ_CHECK(k > 0);
        i += k;
    }
}

static void extract_directly(const uint8_t *data, size_t size)
{
    char *utf8 = utf8_repair((const char *)data, size, NULL);
    FUZZ_CHECK(utf8 != NULL);
    size_t len = strlen(utf8);
    (void)html_is_html("input", utf8, len);
    text_doc doc;
    memset(&doc, 0, sizeof doc);
    bayan_status st =
        html_extract(&fuzz_engine(true)->reporter, "input.html", utf8, len, &doc);
    FUZZ_CHECK(st == BAYAN_OK);
    FUZZ_CHECK(doc.text != NULL);
    FUZZ_CHECK(strlen(doc.text) == doc.length);
    check_utf8_string(doc.text);
    check_utf8_string(doc.title);
    check_date(doc.published);
    text_doc_clear(&doc);
    free(utf8);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    extract_directly(data, size);
    text_doc doc;
    bayan_status st =
        text_decode(&fuzz_engine(true)->text, "input.html", data, size, &doc);
    FUZZ_CHECK(st == BAYAN_OK);
    FUZZ_CHECK(doc.html);
    fuzz_check_doc(&doc);
    check_utf8_string(doc.title);
    check_date(doc.published);
    text_analysis a;
    FUZZ_CHECK(text_analyze(&doc, &a) == BAYAN_OK);
    fuzz_check_analysis(&doc, &a);
    text_analysis_clear(&a);
    text_doc_clear(&doc);
    return 0;
}
