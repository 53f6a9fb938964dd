/* bayan_read_files: whatever the number of threads, the graph (seen
 * through its N-Quads and GraphML), the diagnostics and the done calls
 * are those of reading the inputs one by one with bayan_read_file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bayan/bayan.h"
#include "core/membuf.h"

/* What a run says: its diagnostics, then its done calls, as text. */
static void keep_diagnostic(void *user, const bayan_diagnostic *d)
{
    membuf *log = user;
    char line[1024];
    int n = snprintf(line, sizeof line, "%d %d %s %s\n", (int)d->severity,
                     (int)d->status, d->file ? d->file : "-", d->message);
    assert_true(membuf_write(log, line, (size_t)n));
}

static void keep_done(void *user, size_t index, bayan_status st,
                      size_t bytes)
{
    membuf *log = user;
    char line[128];
    int n = snprintf(line, sizeof line, "done %zu %d %zu\n", index, (int)st,
                     bytes);
    assert_true(membuf_write(log, line, (size_t)n));
}

/* The inputs: each seed twice (a second read of an article), a missing
 * file and an empty one, in between. */
static size_t inputs(const char *dir, char ***out)
{
    const char *seeds = getenv("BAYAN_SEEDS_DIR");
    assert_non_null(seeds);
    const char *names[] = {"000_24ca618f4eb04f7a.txt", "001_ce926c689b07067c.txt"};
    char **p = calloc(8, sizeof *p);
    size_t n = 0;
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < 2; i++) {
            p[n] = malloc(strlen(seeds) + strlen(names[i]) + 2);
            sprintf(p[n++], "%s/%s", seeds, names[i]);
        }
    p[n] = malloc(strlen(dir) + 16);
    sprintf(p[n++], "%s/missing.txt", dir);
    p[n] = malloc(strlen(dir) + 16);
    sprintf(p[n], "%s/empty.txt", dir);
    FILE *f = fopen(p[n++], "w");
    assert_non_null(f);
    fclose(f);
    *out = p;
    return n;
}

/* Reads the inputs with jobs threads (0: one by one with bayan_read_file)
 * into a spooling graph; *log gets what was said, *nq and *gml the
 * exports. */
static void run(const char *const *paths, size_t n, int jobs, membuf *log,
                membuf *nq, membuf *gml)
{
    bayan_options o = {.on_diagnostic = keep_diagnostic, .user = log};
    bayan_engine *e;
    assert_int_equal(bayan_engine_new(&o, &e), BAYAN_OK);
    bayan_graph *g = bayan_graph_new();
    assert_int_equal(bayan_graph_spool(g), BAYAN_OK);
    if (jobs == 0) {
        for (size_t i = 0; i < n; i++) {
            bayan_status st = bayan_read_file(e, g, paths[i]);
            /* the size read: the file's, when it could be opened */
            FILE *f = fopen(paths[i], "rb");
            long size = 0;
            if (f && fseek(f, 0, SEEK_END) == 0)
                size = ftell(f);
            if (f)
                fclose(f);
            keep_done(log, i, st, (size_t)size);
        }
    } else {
        assert_int_equal(bayan_read_files(e, g, paths, n, (unsigned)jobs,
                                          keep_done, log),
                         BAYAN_OK);
    }
    assert_int_equal(bayan_export(e, g, BAYAN_FORMAT_NQUADS, membuf_write, nq),
                     BAYAN_OK);
    assert_int_equal(bayan_export(e, g, BAYAN_FORMAT_GRAPHML, membuf_write,
                                  gml),
                     BAYAN_OK);
    bayan_graph_free(g);
    bayan_engine_free(e);
}

static void test_same_as_one_by_one(void **state)
{
    (void)state;
    char dir[] = "/tmp/bayan-read-files-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char **paths;
    size_t n = inputs(dir, &paths);
    membuf log0 = {0}, nq0 = {0}, gml0 = {0};
    run((const char *const *)paths, n, 0, &log0, &nq0, &gml0);
    assert_true(nq0.length > 1000);
    assert_non_null(strstr(log0.data, "missing.txt"));
    for (int jobs = 1; jobs <= 4; jobs++) {
        membuf log = {0}, nq = {0}, gml = {0};
        run((const char *const *)paths, n, jobs, &log, &nq, &gml);
        assert_string_equal(log.data, log0.data);
        assert_string_equal(nq.data, nq0.data);
        assert_string_equal(gml.data, gml0.data);
        free(log.data);
        free(nq.data);
        free(gml.data);
    }
    free(log0.data);
    free(nq0.data);
    free(gml0.data);
    unlink(paths[n - 1]);
    rmdir(dir);
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

static bool always(void *user)
{
    (void)user;
    return true;
}

/* A cancelled run reads nothing more and says so. */
static void test_cancelled(void **state)
{
    (void)state;
    bayan_options o = {.cancelled = always};
    bayan_engine *e;
    assert_int_equal(bayan_engine_new(&o, &e), BAYAN_OK);
    bayan_graph *g = bayan_graph_new();
    const char *seeds = getenv("BAYAN_SEEDS_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/000_24ca618f4eb04f7a.txt", seeds);
    const char *paths[] = {path, path, path};
    membuf log = {0};
    assert_int_equal(bayan_read_files(e, g, paths, 3, 2, keep_done, &log),
                     BAYAN_ERR_CANCELLED);
    assert_null(log.data);
    assert_int_equal(bayan_graph_size(g), 0);
    bayan_graph_free(g);
    bayan_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_one_by_one),
        cmocka_unit_test(test_cancelled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
