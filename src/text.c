/* The text layer: decoding. A first version reading strict UTF-8. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void text_doc_clear(text_doc *doc)
{
    if (!doc)
        return;
    free(doc->text);
    free(doc->title);
    free(doc->published);
    memset(doc, 0, sizeof *doc);
}

bayan_status text_decode(const bayan_engine *e, const char *name,
                         const void *bytes, size_t len, text_doc *out)
{
    const unsigned char *p = bytes;
    size_t i = 0;
    memset(out, 0, sizeof *out);
    if (len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
        i = 3;
    char *text = malloc(len - i + 1);
    if (!text)
        return BAYAN_ERR_NOMEM;
    size_t w = 0, cps = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0 || cp == 0) {
            engine_report(e, BAYAN_ERROR, BAYAN_ERR_ENCODING, name,
                          (long long)i, "invalid UTF-8 at byte %zu", i);
            free(text);
            return BAYAN_ERR_ENCODING;
        }
        if (cp == '\r') {
            text[w++] = '\n';
            i += (i + 1 < len && p[i + 1] == '\n') ? 2 : 1;
        } else {
            memcpy(text + w, p + i, n);
            w += n;
            i += n;
        }
        cps++;
    }
    text[w] = '\0';
    out->text = text;
    out->length = w;
    out->cp_length = cps;
    out->encoding = "UTF-8";
    return BAYAN_OK;
}
