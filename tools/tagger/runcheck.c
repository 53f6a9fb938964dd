/* Checks that the engine tags a sentence as the evaluator and the trainer
 * do (the same folded forms, flags and features at run time as at
 * training time): the PERS spans of tagger_tag over the evaluator's tokens
 * against those of name_tags_find over the same sentence as text, one
 * sentence an article. Use a model trained without the history (--history
 * 0): one sentence has none. Sentences longer than 2,000 bytes are
 * skipped. SHOW=1 prints the sentences that differ.
 *
 * usage: runcheck ONTOLOGY_DIR ANERCORP FIRST_LINE LAST_LINE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "bayan/bayan.h"
#include "engine/engine.h"
#include "extract/name_tags.h"
#include "text/text.h"

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: %s ONTOLOGY_DIR ANERCORP FIRST LAST\n",
                argv[0]);
        return 2;
    }
    bayan_options o = {.ontology_dir = argv[1]};
    bayan_engine *e;
    if (bayan_engine_new(&o, &e) != BAYAN_OK || !e->names)
        return 1;
    char path[4096], err[256];
    snprintf(path, sizeof path, "%s/models/names.tagger", argv[1]);
    tagger_model *m;
    if (tagger_load(path, &m, err, sizeof err))
        return 1;
    tflags *fl = tflags_new(argv[1]);
    corpus c = {0};
    if (!fl || !corpus_read_anercorp(&c, fl, argv[2], strtoul(argv[3], 0, 10),
                                     strtoul(argv[4], 0, 10) + 1, 0))
        return 1;
    size_t same = 0, differ = 0, spans_eval = 0, spans_engine = 0;
    for (size_t j = 0; j < c.n; j++) {
        sentence *s = &c.s[j];
        size_t bytes = 0;
        for (size_t i = 0; i < s->n; i++)
            bytes += strlen(s->forms[i]) + 2;
        if (bytes > 2000)
            continue;
        int *pred = malloc(s->n * sizeof *pred);
        tagger_tag(m, s->toks, s->n, pred);
        char a[8192] = "", b[8192] = "", text[8192] = "";
        for (size_t i = 0; i < s->n; i++) {
            strcat(text, s->forms[i]);
            strcat(text, " ");
            if (tagger_tag_type(pred[i]) == 1) {
                if (tagger_tag_begins(pred[i]) && a[0])
                    strcat(a, "|");
                strcat(a, s->forms[i]);
                strcat(a, " ");
                if (tagger_tag_begins(pred[i]))
                    spans_eval++;
            }
        }
        text_doc doc;
        text_analysis an;
        name_tags nt;
        if (text_decode(&e->text, "t", text, strlen(text), &doc) ||
            text_analyze(&doc, &an) || name_tags_find(e->names, &an, &nt))
            return 1;
        for (size_t k = 0; k < nt.count; k++) {
            if (nt.spans[k].type != 1)
                continue;
            spans_engine++;
            if (b[0])
                strcat(b, "|");
            for (size_t t = nt.spans[k].t0; t < nt.spans[k].t1; t++) {
                strncat(b, an.match + an.tokens[t].match_begin,
                        an.tokens[t].match_end - an.tokens[t].match_begin);
                strcat(b, " ");
            }
        }
        if (strcmp(a, b) == 0)
            same++;
        else {
            differ++;
            if (getenv("SHOW"))
                printf("eval  : %s\nengine: %s\n\n", a, b);
        }
        name_tags_clear(&nt);
        text_analysis_clear(&an);
        text_doc_clear(&doc);
        free(pred);
    }
    printf("sentences %zu same %zu differ %zu; PERS spans eval %zu engine "
           "%zu\n", same + differ, same, differ, spans_eval, spans_engine);
    corpus_free(&c);
    tflags_free(fl);
    tagger_free(m);
    bayan_engine_free(e);
    return 0;
}
