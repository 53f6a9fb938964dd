/* Term repair: what graph_iri and graph_literal do to a term on its way
 * in, so that every exporter can trust it (graph.h). */
#include "graph/graph_impl.h"

#include <stdlib.h>
#include <string.h>

/* RDF 1.1 forbids these in IRIREF; we also encode every non-ASCII byte so
 * that every output format carries the IRI unchanged. */
static bool iri_byte_needs_escape(unsigned char c)
{
    /* Compared one by one: strchr per byte was a fifth of a large export. */
    return c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' ||
           c == '{' || c == '}' || c == '|' || c == '^' || c == '`' ||
           c == '\\';
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/* Whether byte i of iri must be percent-encoded: forbidden bytes, a '%'
 * that does not start an escape, and any '#' after the first (an IRI has
 * one fragment; strict parsers such as Oxigraph reject a second). */
bool term_iri_needs_escape(const char *iri, size_t i, bool *seen_hash)
{
    unsigned char c = (unsigned char)iri[i];
    if (c == '%')
        return !(is_hex(iri[i + 1]) && is_hex(iri[i + 2]));
    if (c == '#') {
        bool again = *seen_hash;
        *seen_hash = true;
        return again;
    }
    return iri_byte_needs_escape(c);
}

bool term_iri_is_clean(const char *iri)
{
    bool seen_hash = false;
    for (size_t i = 0; iri[i]; i++) {
        unsigned char c = (unsigned char)iri[i];
        /* Letters, digits and most punctuation: the common case, decided
         * without the call. */
        if (c > 0x20 && c < 0x7f && c != '%' && c != '#' && c != '"' &&
            c != '<' && c != '>' && c != '{' && c != '}' && c != '|' &&
            c != '^' && c != '`' && c != '\\')
            continue;
        if (term_iri_needs_escape(iri, i, &seen_hash))
            return false;
    }
    return true;
}

char *term_repair_iri(const char *iri)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    bool seen_hash = false;
    for (size_t i = 0; iri[i]; i++)
        n += term_iri_needs_escape(iri, i, &seen_hash) ? 3 : 1;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    char *w = out;
    seen_hash = false;
    for (size_t i = 0; iri[i]; i++) {
        unsigned char c = (unsigned char)iri[i];
        if (term_iri_needs_escape(iri, i, &seen_hash)) {
            *w++ = '%';
            *w++ = hex[c >> 4];
            *w++ = hex[c & 15];
        } else {
            *w++ = (char)c;
        }
    }
    *w = '\0';
    return out;
}

/* An absolute IRI starts with a scheme: ALPHA *( ALPHA / DIGIT / + - . ) ":" */
bool term_iri_is_absolute(const char *iri)
{
    const char *p = iri;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return false;
    for (p++; *p && *p != ':'; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' ||
                  *p == '.';
        if (!ok)
            return false;
    }
    return *p == ':';
}

bool term_lang_is_canonical(const char *lang)
{
    for (const char *p = lang; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            return false;
    char *copy = term_repair_lang(lang);
    free(copy);
    return copy != NULL;
}

/* BCP 47 shape: 1-8 letters, then -subtags of 1-8 letters or digits. */
char *term_repair_lang(const char *lang)
{
    size_t n = strlen(lang);
    size_t run = 0;
    bool first = true;
    if (n == 0)
        return NULL;
    for (size_t i = 0; i <= n; i++) {
        char c = lang[i];
        if (c == '-' || c == '\0') {
            if (run == 0 || run > 8)
                return NULL;
            run = 0;
            first = false;
            continue;
        }
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool digit = c >= '0' && c <= '9';
        if (!(alpha || (digit && !first)))
            return NULL;
        run++;
    }
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        out[i] = (lang[i] >= 'A' && lang[i] <= 'Z') ? (char)(lang[i] + 32)
                                                     : lang[i];
    return out;
}

