/* Unit tests of what an HTML page says of itself (text/html.c): its
 * publication date from metas, JSON-LD or <time>, its URL (og:url, else
 * the canonical link) and its site's name (og:site_name). The pages are
 * composed for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text/text.h"

static text_doc decode(const char *html)
{
    text_doc doc;
    assert_int_equal(text_decode(NULL, "p.html", html, strlen(html), &doc),
                     BAYAN_OK);
    assert_true(doc.html);
    return doc;
}

static void og_metas(void **state)
{
    (void)state;
    text_doc doc = decode(
        "<html><head><meta property=\"og:url\" "
        "content=\"https://example.org/news/1\">"
        "<link rel=\"canonical\" href=\"https://example.org/other\">"
        "<meta property=\"og:site_name\" content=\"Daily Planet\">"
        "<meta property=\"article:published_time\" "
        "content=\"2023-06-08T09:30:00+03:00\"></head>"
        "<body><p>نص الخبر.</p></body></html>");
    assert_string_equal(doc.url, "https://example.org/news/1");
    assert_string_equal(doc.site_name, "Daily Planet");
    assert_string_equal(doc.published, "2023-06-08");
    text_doc_clear(&doc);
}

/* Without og:url, the canonical link; a date from JSON-LD wins over a
 * <time> in the page (which may date a comment). */
static void canonical_and_json_ld(void **state)
{
    (void)state;
    text_doc doc = decode(
        "<html><head><link rel=\"canonical\" href=\"https://example.org/c\">"
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
        "\"datePublished\" : \"2021-11-02T10:00:00Z\"}</script></head>"
        "<body><p>نص الخبر.</p><time datetime=\"2024-01-01\">تعليق</time>"
        "</body></html>");
    assert_string_equal(doc.url, "https://example.org/c");
    assert_null(doc.site_name);
    assert_string_equal(doc.published, "2021-11-02");
    text_doc_clear(&doc);
}

/* A URL that is no absolute http(s) one is not kept. */
static void relative_url_dropped(void **state)
{
    (void)state;
    text_doc doc = decode("<html><head><link rel=\"canonical\" "
                          "href=\"/news/1\"></head><body><p>نص.</p>"
                          "<time datetime=\"2024-01-01\">x</time>"
                          "</body></html>");
    assert_null(doc.url);
    assert_string_equal(doc.published, "2024-01-01");
    text_doc_clear(&doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(og_metas),
        cmocka_unit_test(canonical_and_json_ld),
        cmocka_unit_test(relative_url_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
