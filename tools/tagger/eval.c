/* Scores a tagger model on part of ANERcorp: precision, recall and F1 of
 * exact spans (CoNLL style) per type; the last line is PERS.
 *
 * usage: eval MODEL ANERCORP ONTOLOGY_DIR FIRST_LINE [LAST_LINE] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "common.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr,
                "usage: %s MODEL ANERCORP ONTOLOGY_DIR FIRST_LINE [LAST_LINE]\n",
                argv[0]);
        return 2;
    }
    double t0 = now();
    tagger_model *m;
    char err[512];
    if (tagger_load(argv[1], &m, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    double load = now() - t0;
    tflags *fl = tflags_new(argv[3]);
    if (!fl)
        return 1;
    corpus c = {0};
    size_t first = (size_t)strtoul(argv[4], NULL, 10);
    size_t last = argc > 5 ? (size_t)strtoul(argv[5], NULL, 10) + 1 : 0;
    if (!corpus_read_anercorp(&c, fl, argv[2], first, last, 0))
        return 1;
    /* a model trained with the document's history (TAGGER_F_HIST_*) tags
     * in two passes, as the engine does: the test split read as one
     * document */
    const char *h = tagger_header(m, "history");
    if (h && atoi(h)) {
        int **pass1 = malloc((c.n ? c.n : 1) * sizeof *pass1);
        for (size_t j = 0; pass1 && j < c.n; j++)
            if (!(pass1[j] = malloc(c.s[j].n * sizeof **pass1)) ||
                tagger_tag(m, c.s[j].toks, c.s[j].n, pass1[j]) != 0) {
                fprintf(stderr, "out of memory\n");
                return 1;
            }
        corpus_set_history(&c, 0, c.n, pass1);
        for (size_t j = 0; j < c.n; j++)
            free(pass1[j]);
        free(pass1);
    }
    span_counts sc = {0};
    /* TAGGER_DUMP=FILE: every token with its gold and predicted tag, a
     * blank line after each sentence (for error analysis) */
    const char *dump_path = getenv("TAGGER_DUMP");
    FILE *dump = dump_path ? fopen(dump_path, "w") : NULL;
    t0 = now();
    for (size_t j = 0; j < c.n; j++) {
        int *pred = malloc(c.s[j].n * sizeof *pred);
        if (!pred || tagger_tag(m, c.s[j].toks, c.s[j].n, pred) != 0) {
            fprintf(stderr, "out of memory\n");
            return 1;
        }
        span_count(&sc, c.s[j].gold, pred, c.s[j].n);
        for (size_t i = 0; dump && i < c.s[j].n; i++)
            fprintf(dump, "%s\t%s\t%s%s", c.s[j].forms[i],
                    tagger_tag_name(c.s[j].gold[i]), tagger_tag_name(pred[i]),
                    i + 1 == c.s[j].n ? "\n\n" : "\n");
        free(pred);
    }
    double tag = now() - t0;
    if (dump)
        fclose(dump);
    printf("model %s: %zu features, loaded in %.3f s\n", argv[1],
           tagger_feature_count(m), load);
    printf("%zu sentences, %zu tokens tagged in %.3f s\n", c.n, c.tokens, tag);
    printf("%-5s %9s %9s %9s %6s %6s\n", "type", "precision", "recall", "F1",
           "gold", "found");
    static const char *const names[] = {"ALL", "PERS", "LOC", "ORG", "MISC"};
    static const int order[] = {0, 2, 3, 4, 1};
    for (int k = 0; k < 5; k++) {
        int t = order[k];
        double p, r, f1 = span_f1(&sc, t, &p, &r);
        printf("%-5s %9.3f %9.3f %9.3f %6zu %6zu\n", names[t], p, r, f1,
               sc.gold[t], sc.tp[t] + sc.fp[t]);
    }
    double p, r, f1 = span_f1(&sc, 1, &p, &r);
    printf("PERS F1 %.3f\n", f1);
    corpus_free(&c);
    tflags_free(fl);
    tagger_free(m);
    return 0;
}
