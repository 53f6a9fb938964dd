/* Fuzz target: the whole pipeline, bytes to every exporter. The bytes are
 * read with bayan_read_memory (strict, which may refuse and must then leave
 * the graph empty; lenient, which keeps them) and the graph exported in
 * every format to memory: each export must succeed with non-empty UTF-8. */
#include "fuzz.h"

#include "sink.h"

static void check_output(const membuf *out)
{
    FUZZ_CHECK(out->length > 0);
    FUZZ_CHECK(strlen(out->data) == out->length);
    for (size_t i = 0; i < out->length;) {
        uint32_t cp;
        size_t n = utf8_decode((const unsigned char *)out->data + i,
                               out->length - i, &cp);
        FUZZ_CHECK(n > 0);
        i += n;
    }
}

static void export_all(const bayan_engine *e, const bayan_graph *g)
{
    for (int f = 0; f < BAYAN_FORMAT_COUNT; f++) {
        membuf out = {NULL, 0, 0};
        bayan_status st = bayan_export(e, g, (bayan_format)f, membuf_write,
                                       &out);
        if (st != BAYAN_OK)
            fprintf(stderr, "export to %s: %s\n",
                    bayan_format_name((bayan_format)f), bayan_strerror(st));
        FUZZ_CHECK(st == BAYAN_OK);
        check_output(&out);
        free(out.data);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bayan_graph *g = bayan_graph_new();
    FUZZ_CHECK(g != NULL);
    if (bayan_read_memory(fuzz_engine(false), g, "input", data, size) !=
        BAYAN_OK)
        FUZZ_CHECK(bayan_graph_size(g) == 0);
    bayan_graph_free(g);

    g = bayan_graph_new();
    FUZZ_CHECK(g != NULL);
    const bayan_engine *e = fuzz_engine(true);
    if (bayan_read_memory(e, g, "input", data, size) == BAYAN_OK)
        export_all(e, g);
    bayan_graph_free(g);
    return 0;
}
