/* Fuzz target: decoding and cleanup. Any bytes go through text_decode
 * (strict, then lenient), text_match_form and text_segment; the decoded
 * text, the matching form's map back to it and every token and sentence
 * must keep the invariants text.h states. */
#include "fuzz.h"

/* Proclitic readings of every token stay inside the token. */
static void check_splits(const text_analysis *a)
{
    for (size_t i = 0; i < a->token_count; i++) {
        const text_span *t = &a->tokens[i];
        const char *tok = a->match + t->match_begin;
        size_t len = t->match_end - t->match_begin;
        text_split splits[8];
        size_t n = text_clitic_splits(tok, len, splits, 8);
        for (size_t k = 0; k < n && k < 8; k++) {
            FUZZ_CHECK(splits[k].prefix_len <= len);
            char stem[256];
            size_t s = text_split_stem(tok, &splits[k], stem, sizeof stem);
            FUZZ_CHECK(s < sizeof stem);
            FUZZ_CHECK(s == 0 || stem[s] == '\0');
        }
    }
}

/* Every token's span maps back to the characters it was folded from. */
static void check_token_spans(const text_doc *doc, const text_analysis *a)
{
    for (size_t i = 0; i < a->token_count; i++) {
        size_t b, e;
        text_match_span(a, a->tokens[i].match_begin, a->tokens[i].match_end,
                        &b, &e);
        FUZZ_CHECK(b < e && e <= doc->cp_length);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    text_doc doc;
    /* Strict: decodes, or refuses and leaves nothing behind. */
    bayan_status st = text_decode(&fuzz_engine(false)->text, "input", data, size,
                                  &doc);
    if (st == BAYAN_OK)
        fuzz_check_doc(&doc);
    else
        FUZZ_CHECK(doc.text == NULL);
    text_doc_clear(&doc);

    /* Lenient: never refuses; bad bytes become U+FFFD. */
    st = text_decode(&fuzz_engine(true)->text, "input", data, size, &doc);
    FUZZ_CHECK(st == BAYAN_OK);
    fuzz_check_doc(&doc);
    text_analysis a;
    FUZZ_CHECK(text_match_form(&doc, &a) == BAYAN_OK);
    FUZZ_CHECK(text_segment(&a) == BAYAN_OK);
    fuzz_check_analysis(&doc, &a);
    check_token_spans(&doc, &a);
    check_splits(&a);
    text_analysis_clear(&a);
    text_doc_clear(&doc);
    return 0;
}
