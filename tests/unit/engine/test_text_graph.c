/* The text layer seen through the library: every seed, read in each
 * encoding and line-end variant, adds exactly the same quads to a graph;
 * wrapped in HTML it mentions the same entities; bayan_text works. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/ucnv.h>

#include "engine/engine.h"
#include "extract/extract.h"
#include "graph/graph.h"
#include "lexicon/lexicon.h"
#include "core/membuf.h"
#include "text/text.h"
#include "graph/vocab.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    membuf b = {NULL, 0, 0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        assert_true(membuf_write(&b, chunk, n));
    fclose(f);
    *len = b.length;
    return b.data;
}

/* utf8 in ICU converter cname, or NULL when a character is unmappable
 * (ICU then writes the SUB control 0x1A, never found in the seeds). */
static char *encode_as(const char *utf8, size_t n, const char *cname,
                       size_t *len)
{
    size_t cap = n * 2 + 16;
    char *out = malloc(cap);
    UErrorCode err = U_ZERO_ERROR;
    int32_t m = ucnv_convert(cname, "UTF-8", out, (int32_t)cap, utf8,
                             (int32_t)n, &err);
    assert_true(U_SUCCESS(err));
    if (memchr(out, 0x1a, (size_t)m) && !memchr(utf8, 0x1a, n)) {
        free(out);
        return NULL;
    }
    *len = (size_t)m;
    return out;
}

static char *prefixed(const char *p, size_t pn, const char *s, size_t n)
{
    char *out = malloc(pn + n);
    memcpy(out, p, pn);
    memcpy(out + pn, s, n);
    return out;
}

/* The line ends of s replaced by eol. */
static char *relined(const char *s, size_t n, const char *eol, size_t *len)
{
    char *out = malloc(n * 2 + 1);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            memcpy(out + w, eol, strlen(eol));
            w += strlen(eol);
        } else {
            out[w++] = s[i];
        }
    }
    *len = w;
    return out;
}

/* The graph's quads as sorted text, or only its schema:mentions objects. */
static char *dump(const bayan_graph *g, bool mentions_only)
{
    quad *q;
    size_t n;
    assert_int_equal(graph_sorted_quads(g, &q, &n), BAYAN_OK);
    membuf b = {NULL, 0, 0};
    for (size_t i = 0; i < n; i++) {
        const term *p = graph_term(g, q[i].p);
        if (mentions_only && strcmp(p->value, P_MENTIONS) != 0)
            continue;
        const term *t[4] = {graph_term(g, q[i].s), p, graph_term(g, q[i].o),
                            q[i].g ? graph_term(g, q[i].g) : NULL};
        for (int k = mentions_only ? 2 : 0; k < (mentions_only ? 3 : 4); k++) {
            const char *v = t[k] ? t[k]->value : "-";
            membuf_write(&b, v, strlen(v));
            membuf_write(&b, t[k] && t[k]->lang ? t[k]->lang : "",
                         t[k] && t[k]->lang ? strlen(t[k]->lang) : 0);
            membuf_write(&b, "\t", 1);
        }
        membuf_write(&b, "\n", 1);
    }
    free(q);
    return b.data ? b.data : calloc(1, 1);
}

/* The object of (s, p) in g, or NULL. */
static const term *object_of(const bayan_graph *g, term_id subj,
                             const char *pred)
{
    size_t n;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++)
        if (q[i].s == subj && strcmp(graph_term(g, q[i].p)->value, pred) == 0)
            return graph_term(g, q[i].o);
    return NULL;
}

/* Every nif:anchorOf equals the code points [beginIndex, endIndex) of its
 * context's nif:isString. Returns how many anchors were checked. */
static size_t check_anchors(const bayan_graph *g)
{
    size_t n, checked = 0;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(graph_term(g, q[i].p)->value, P_NIF_ANCHOR) != 0)
            continue;
        const term *b = object_of(g, q[i].s, P_NIF_BEGIN);
        const term *e = object_of(g, q[i].s, P_NIF_END);
        const term *ctx = object_of(g, q[i].s, P_NIF_REFERENCE_CONTEXT);
        assert_true(b && e && ctx);
        const term *str =
            object_of(g, graph_find_iri(g, ctx->value), P_NIF_IS_STRING);
        assert_non_null(str);
        size_t begin = strtoul(b->value, NULL, 10);
        size_t end = strtoul(e->value, NULL, 10);
        const unsigned char *t = (const unsigned char *)str->value;
        size_t i0 = 0, k = 0;
        while (t[i0] && k < begin)
            k += (t[++i0] & 0xc0) != 0x80;
        size_t i1 = i0;
        while (t[i1] && k < end)
            k += (t[++i1] & 0xc0) != 0x80;
        const term *anchor = graph_term(g, q[i].o);
        assert_int_equal(anchor->length, i1 - i0);
        assert_memory_equal(anchor->value, t + i0, i1 - i0);
        checked++;
    }
    return checked;
}

static char *read_graph(const bayan_engine *e, const char *name,
                        const char *bytes, size_t len, bool mentions_only)
{
    bayan_graph *g = bayan_graph_new();
    bayan_status st = bayan_read_memory(e, g, name, bytes, len);
    if (st != BAYAN_OK)
        fail_msg("%s: %s", name, bayan_strerror(st));
    assert_true(bayan_graph_size(g) > 0);
    check_anchors(g);
    char *d = dump(g, mentions_only);
    bayan_graph_free(g);
    return d;
}

/* <p>-wrapped lines, & and < escaped. */
static char *html_wrap(const char *s, size_t n, size_t *len)
{
    membuf b = {NULL, 0, 0};
    const char *open = "<html><head><title>t</title></head><body><p>";
    membuf_write(&b, open, strlen(open));
    for (size_t i = 0; i < n; i++) {
        const char *rep = s[i] == '\n'  ? "</p>\n<p>"
                          : s[i] == '&' ? "&amp;"
                          : s[i] == '<' ? "&lt;"
                                        : NULL;
        membuf_write(&b, rep ? rep : s + i, rep ? strlen(rep) : 1);
    }
    membuf_write(&b, "</p></body></html>", 18);
    *len = b.length;
    return b.data;
}

typedef struct variant {
    const char *what;
    char *bytes;
    size_t len;
} variant;

/* Returns the bytes of the seed's mention dump (0: no entity found). */
static size_t check_seed(const bayan_engine *e, const char *path)
{
    size_t n;
    char *utf8 = slurp(path, &n);
    char *ref = read_graph(e, path, utf8, n, false);
    variant v[8];
    size_t nv = 0, m;
    v[nv++] = (variant){"BOM", prefixed("\xef\xbb\xbf", 3, utf8, n), n + 3};
    char *u = encode_as(utf8, n, "UTF-16LE", &m);
    v[nv++] = (variant){"UTF-16LE", prefixed("\xff\xfe", 2, u, m), m + 2};
    free(u);
    u = encode_as(utf8, n, "UTF-16BE", &m);
    v[nv++] = (variant){"UTF-16BE", prefixed("\xfe\xff", 2, u, m), m + 2};
    free(u);
    u = encode_as(utf8, n, "windows-1256", &m);
    v[nv++] = (variant){"windows-1256", u, m};
    u = encode_as(utf8, n, "ISO-8859-6", &m);
    if (u)
        v[nv++] = (variant){"ISO-8859-6", u, m};
    u = relined(utf8, n, "\r", &m);
    v[nv++] = (variant){"CR", u, m};
    u = relined(utf8, n, "\r\n", &m);
    v[nv++] = (variant){"CRLF", u, m};
    for (size_t i = 0; i < nv; i++) {
        assert_non_null(v[i].bytes);
        char *d = read_graph(e, path, v[i].bytes, v[i].len, false);
        if (strcmp(d, ref) != 0)
            fail_msg("%s as %s gives another graph", path, v[i].what);
        free(d);
        free(v[i].bytes);
    }
    /* HTML: other text (so another article), the same entities. */
    char *html = html_wrap(utf8, n, &m);
    char *a = read_graph(e, "page.html", html, m, true);
    char *b = read_graph(e, path, utf8, n, true);
    assert_string_equal(a, b);
    size_t found = strlen(b);
    free(a);
    free(b);
    free(html);
    free(ref);
    free(utf8);
    return found;
}

static void test_seed_graphs(void **state)
{
    (void)state;
    const char *dir = getenv("BAYAN_SEEDS_DIR");
    if (!dir)
        skip();
    bayan_engine *e;
    assert_int_equal(bayan_engine_new(NULL, &e), BAYAN_OK);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int seen = 0;
    size_t mentions = 0;
    const struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        size_t k = strlen(ent->d_name);
        if (k < 5 || strcmp(ent->d_name + k - 4, ".txt") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        mentions += check_seed(e, path);
        seen++;
    }
    closedir(d);
    assert_true(seen >= 5);
    /* Once a lexicon is installed, the HTML check must compare something. */
    size_t forms = 0;
    lexicon_forms(e->lexicon, &forms);
    if (forms > 0)
        assert_true(mentions > 0);
    bayan_engine_free(e);
}

/* Tokens of a debris-laden text, written as NIF mentions, have anchors
 * equal to the original characters (what the extractor will do). */
static void test_mention_anchors(void **state)
{
    (void)state;
    bayan_engine *e;
    assert_int_equal(bayan_engine_new(NULL, &e), BAYAN_OK);
    const char *in = "\xe2\x80\x8f"
                     "وزير بغـ\xe2\x80\x8d"
                     "ـداد في رو#x200d;ما "
                     "والعِرَاقِ ﻻ ٢٠٢٣&nbsp;م";
    text_doc doc;
    assert_int_equal(text_decode(&e->text, "m.txt", in, strlen(in), &doc), BAYAN_OK);
    text_analysis a;
    assert_int_equal(text_analyze(&doc, &a), BAYAN_OK);
    bayan_graph *g = bayan_graph_new();
    article_ids ids = {NULL, NULL};
    assert_int_equal(article_add(&e->extract, "m.txt", &doc, g, &ids), BAYAN_OK);
    for (size_t i = 0; i < a.token_count; i++)
        assert_int_equal(
            article_add_mention(&doc, &ids, g, a.tokens[i].begin,
                                a.tokens[i].end, "https://example.org/x"),
            BAYAN_OK);
    assert_int_equal(check_anchors(g), a.token_count);
    assert_int_equal(a.token_count, 8);
    article_ids_clear(&ids);
    bayan_graph_free(g);
    text_analysis_clear(&a);
    text_doc_clear(&doc);
    bayan_engine_free(e);
}

/* ---- the public API ------------------------------------------------------
 */

static void test_public_api(void **state)
{
    (void)state;
    bayan_text_free(NULL);
    bayan_text *t = NULL;
    const char *in = "\xef\xbb\xbf"
                     "قال الوزير: ﻻ.\r\nوصل إلى بغداد.";
    assert_int_equal(bayan_text_new(NULL, "a.txt", in, strlen(in), &t),
                     BAYAN_OK);
    size_t n;
    assert_string_equal(bayan_text_decoded(t, &n),
                        "قال الوزير: ﻻ.\nوصل إلى بغداد.");
    assert_int_equal(bayan_text_length(t), 29);
    assert_string_equal(bayan_text_encoding(t), "UTF-8");
    assert_string_equal(bayan_text_matching(t, &n),
                        "قال الوزير: لا.\nوصل الي بغداد.");
    assert_int_equal(bayan_text_token_count(t), 6);
    assert_int_equal(bayan_text_sentence_count(t), 2);
    bayan_span s = bayan_text_token(t, 3);
    assert_int_equal(s.begin, 15);
    assert_int_equal(s.end, 18);
    const char *form = bayan_text_token_form(t, 2, &n);
    assert_int_equal(n, strlen("لا"));
    assert_memory_equal(form, "لا", n);
    s = bayan_text_token(t, 2);
    assert_int_equal(s.end - s.begin, 1); /* the one ligature character */
    s = bayan_text_sentence(t, 1);
    assert_int_equal(s.begin, 15);
    assert_int_equal(s.end, 29);
    assert_null(bayan_text_title(t));
    assert_null(bayan_text_published(t));
    bayan_text_free(t);
    assert_int_equal(bayan_text_new(NULL, "b.txt", "\xff\xfe\xfd", 3, &t),
                     BAYAN_ERR_ENCODING);
    assert_null(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_graphs),
        cmocka_unit_test(test_mention_anchors),
        cmocka_unit_test(test_public_api),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
