#include "graph/iri.h"

#include <stdlib.h>
#include <string.h>

char *iri_mint(const char *base, const char *path)
{
    size_t a = strlen(base);
    size_t b = strlen(path);
    char *iri = malloc(a + b + 1);
    if (iri) {
        memcpy(iri, base, a);
        memcpy(iri + a, path, b + 1);
    }
    return iri;
}
