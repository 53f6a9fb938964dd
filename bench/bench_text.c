/* Measures the text layer alone (decode, matching form, segmentation) over
 * a directory of inputs: throughput per phase, tokens and sentences. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/membuf.h"
#include "text/text.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool slurp(const char *path, membuf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    b->length = 0;
    char chunk[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ok = membuf_write(b, chunk, n);
    fclose(f);
    return ok;
}

typedef struct totals {
    size_t files, failed, bytes, tokens, sentences;
    double decode, match, segment;
} totals;

static void bench_one(const char *path, membuf *buf, totals *t)
{
    if (!slurp(path, buf)) {
        t->failed++;
        return;
    }
    text_doc doc;
    text_analysis a;
    double t0 = now();
    bayan_status st = text_decode(NULL, path, buf->data, buf->length, &doc);
    double t1 = now();
    if (st == BAYAN_OK)
        st = text_match_form(&doc, &a);
    double t2 = now();
    if (st == BAYAN_OK)
        st = text_segment(&a);
    double t3 = now();
    t->files++;
    t->bytes += buf->length;
    t->decode += t1 - t0;
    t->match += t2 - t1;
    t->segment += t3 - t2;
    if (st != BAYAN_OK) {
        t->failed++;
    } else {
        t->tokens += a.token_count;
        t->sentences += a.sentence_count;
        text_analysis_clear(&a);
    }
    text_doc_clear(&doc);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    DIR *d = opendir(argv[1]);
    if (!d) {
        perror(argv[1]);
        return 2;
    }
    totals t = {0};
    membuf buf = {NULL, 0, 0};
    const struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], ent->d_name);
        bench_one(path, &buf, &t);
    }
    closedir(d);
    free(buf.data);
    double mb = (double)t.bytes / 1e6;
    double all = t.decode + t.match + t.segment;
    printf("files %zu (failed %zu), input %.1f MB\n", t.files, t.failed, mb);
    printf("tokens %zu, sentences %zu\n", t.tokens, t.sentences);
    printf("decode   %7.2f s  %7.1f MB/s\n", t.decode, mb / t.decode);
    printf("match    %7.2f s  %7.1f MB/s\n", t.match, mb / t.match);
    printf("segment  %7.2f s  %7.1f MB/s\n", t.segment, mb / t.segment);
    printf("total    %7.2f s  %7.1f MB/s\n", all, mb / all);
    return t.failed ? 1 : 0;
}
