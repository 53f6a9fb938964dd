/* Unit tests of the cache of parsed Turtle files: a second load reads the
 * cache and gives the same graph; an edited source, a corrupt or cut
 * cache, another base are parsed again; a file that does not parse is not
 * cached. Each test has a cache directory of its own (XDG_CACHE_HOME). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/membuf.h"
#include "graph/turtle.h"
#include "graph/turtle_cache.h"

typedef struct fixture {
    char dir[64];     /* a temporary directory */
    char source[96];  /* dir/data.ttl */
    char *cache;      /* the cache file of source */
} fixture;

#define BASE "http://example.org/"

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

static const char TTL[] =
    "@prefix ex: <http://example.org/> .\n"
    "ex:a ex:p ex:b ; ex:label \"alpha\"@en , \"3\"^^<http://www.w3.org/"
    "2001/XMLSchema#integer> .\n"
    "<c> ex:p \"plain\" .\n";

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    strcpy(f->dir, "/tmp/bayan-cache-test-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->source, sizeof f->source, "%s/data.ttl", f->dir);
    write_file(f->source, TTL);
    char xdg[80];
    snprintf(xdg, sizeof xdg, "%s/cache", f->dir);
    assert_int_equal(setenv("XDG_CACHE_HOME", xdg, 1), 0);
    f->cache = turtle_cache_path(f->source, BASE);
    assert_non_null(f->cache);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f->cache);
    free(f);
    return 0;
}

/* The graph of the source as lines "s p o" (kind letter, value, datatype,
 * language), sorted (new string), loaded against base. */
static char *load(const fixture *f, const char *base, bayan_status want)
{
    bayan_graph *g = bayan_graph_new();
    assert_non_null(g);
    assert_int_equal(turtle_load(NULL, f->source, base, g), want);
    quad *q;
    size_t n;
    assert_int_equal(graph_sorted_quads(g, &q, &n), BAYAN_OK);
    membuf out = {NULL, 0, 0};
    for (size_t i = 0; i < n; i++) {
        term_id ids[3] = {q[i].s, q[i].p, q[i].o};
        for (int k = 0; k < 3; k++) {
            const term *t = graph_term(g, ids[k]);
            char line[512];
            snprintf(line, sizeof line, "%c<%s>^^%s@%s%s",
                     t->kind == TERM_IRI ? 'I' : 'L', t->value,
                     t->datatype ? t->datatype : "", t->lang ? t->lang : "",
                     k == 2 ? "\n" : " ");
            assert_true(membuf_write(&out, line, strlen(line)));
        }
    }
    free(q);
    bayan_graph_free(g);
    return out.data ? out.data : strdup("");
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void test_second_load_same_graph(void **state)
{
    fixture *f = *state;
    char *first = load(f, BASE, BAYAN_OK);
    assert_true(exists(f->cache));
    assert_non_null(strstr(first, "I<http://example.org/c>"));
    assert_non_null(strstr(first, "L<alpha>^^@en"));
    char *second = load(f, BASE, BAYAN_OK);
    assert_string_equal(first, second);
    free(first);
    free(second);
}

/* A whole cache made from the source's bytes is what a load reads: one
 * written here with another triple is what comes back. */
static void test_valid_cache_is_used(void **state)
{
    fixture *f = *state;
    FILE *src = fopen(f->source, "rb");
    assert_non_null(src);
    char buf[4096];
    size_t len = fread(buf, 1, sizeof buf, src);
    fclose(src);
    membuf b = {NULL, 0, 0};
    assert_true(turtle_cache_begin(
        &b, turtle_cache_hash(TURTLE_CACHE_HASH_START, buf, len), len, BASE));
    assert_true(turtle_cache_triple(&b, BASE "x", BASE "p", true, "cached",
                                    NULL, "ar"));
    turtle_cache_store(f->cache, &b);
    free(b.data);
    assert_true(exists(f->cache));
    char *got = load(f, BASE, BAYAN_OK);
    assert_string_equal(got, "I<http://example.org/x>^^@ I<http://example.org/"
                             "p>^^@ L<cached>^^@ar\n");
    free(got);
}

/* A cache whose recorded triples differ from the source is only trusted
 * while the source has the bytes it was made from. */
static void test_edited_source_parsed_again(void **state)
{
    fixture *f = *state;
    free(load(f, BASE, BAYAN_OK));
    write_file(f->source, "<http://example.org/z> <http://example.org/p> "
                          "\"edited\" .\n");
    char *after = load(f, BASE, BAYAN_OK);
    assert_non_null(strstr(after, "edited"));
    assert_null(strstr(after, "alpha"));
    free(after);
}

/* Every byte of the cache is checked: a flipped one or a cut file means
 * parsing the source, with the same result. */
static void test_corrupt_cache_falls_back(void **state)
{
    fixture *f = *state;
    char *good = load(f, BASE, BAYAN_OK);
    FILE *c = fopen(f->cache, "r+b");
    assert_non_null(c);
    /* a byte of the last record (its object "plain"), before the
     * checksum's 8 */
    assert_int_equal(fseek(c, -8 - 16 - 4, SEEK_END), 0);
    int byte = fgetc(c);
    assert_int_equal(fseek(c, -8 - 16 - 4, SEEK_END), 0);
    fputc(byte ^ 0x20, c);
    assert_int_equal(fclose(c), 0);
    char *flipped = load(f, BASE, BAYAN_OK);
    assert_string_equal(good, flipped);
    assert_int_equal(truncate(f->cache, 40), 0);
    char *cut = load(f, BASE, BAYAN_OK);
    assert_string_equal(good, cut);
    free(good);
    free(flipped);
    free(cut);
}

/* Relative IRIs resolve against the base: another base, another cache. */
static void test_other_base(void **state)
{
    fixture *f = *state;
    free(load(f, BASE, BAYAN_OK));
    char *other = load(f, "http://example.net/", BAYAN_OK);
    assert_non_null(strstr(other, "<http://example.net/c>"));
    free(other);
}

static void test_syntax_error_not_cached(void **state)
{
    fixture *f = *state;
    write_file(f->source, "this is not turtle .\n");
    free(load(f, BASE, BAYAN_ERR_SYNTAX));
    assert_false(exists(f->cache));
    free(load(f, BASE, BAYAN_ERR_SYNTAX));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_second_load_same_graph, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_valid_cache_is_used, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_edited_source_parsed_again, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_cache_falls_back, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_other_base, setup, teardown),
        cmocka_unit_test_setup_teardown(test_syntax_error_not_cached, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
