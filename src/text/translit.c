/* ASCII slugs from Arabic names: ICU transliterates, then everything that
 * is not a letter or digit becomes one hyphen. */
#include "text/translit.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

struct text_slugger {
    UTransliterator *trans;
};

bayan_status text_slugger_new(text_slugger **out)
{
    *out = NULL;
    text_slugger *s = calloc(1, sizeof *s);
    if (!s)
        return BAYAN_ERR_NOMEM;
    static const UChar id[] = u"Arabic-Latin; Latin-ASCII";
    UErrorCode err = U_ZERO_ERROR;
    s->trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err)) {
        free(s);
        return BAYAN_ERR_INTERNAL;
    }
    *out = s;
    return BAYAN_OK;
}

void text_slugger_free(text_slugger *s)
{
    if (!s)
        return;
    utrans_close(s->trans);
    free(s);
}

/* Lower-cases ASCII letters and digits of u into out, other runs becoming
 * one hyphen; out holds at least n + 1 bytes. */
static void squeeze(const UChar *u, int32_t n, char *out)
{
    size_t k = 0;
    bool hyphen = false;
    for (int32_t i = 0; i < n; i++) {
        UChar c = u[i];
        if (c >= 'A' && c <= 'Z')
            c = (UChar)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (hyphen && k > 0)
                out[k++] = '-';
            hyphen = false;
            out[k++] = (char)c;
        } else {
            hyphen = true;
        }
    }
    out[k] = '\0';
}

bayan_status text_slug(const text_slugger *s, const char *utf8, size_t len,
                       char **out)
{
    *out = NULL;
    if (len > INT32_MAX / 8)
        return BAYAN_ERR_ARGUMENT;
    /* Transliteration may lengthen the text: a few UTF-16 units per
     * Arabic letter at most; grow once if ICU asks for more. */
    int32_t cap = (int32_t)len * 4 + 16;
    UChar *u = malloc((size_t)cap * sizeof *u);
    if (!u)
        return BAYAN_ERR_NOMEM;
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8(u, cap, &n, utf8, (int32_t)len, &err);
    int32_t limit = n;
    if (U_SUCCESS(err))
        utrans_transUChars(s->trans, u, &n, cap, 0, &limit, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || U_FAILURE(err)) {
        free(u);
        return err == U_BUFFER_OVERFLOW_ERROR ? BAYAN_ERR_ARGUMENT
                                              : BAYAN_ERR_INTERNAL;
    }
    char *slug = malloc((size_t)n + 1);
    if (slug)
        squeeze(u, n, slug);
    free(u);
    if (!slug)
        return BAYAN_ERR_NOMEM;
    *out = slug;
    return BAYAN_OK;
}
