#include "core/membuf.h"

#include <stdlib.h>
#include <string.h>

bool membuf_write(void *user, const void *bytes, size_t len)
{
    membuf *b = user;
    if (b->length + len + 1 > b->capacity) {
        size_t cap = b->capacity ? b->capacity : 4096;
        while (cap < b->length + len + 1)
            cap *= 2;
        char *data = realloc(b->data, cap);
        if (!data)
            return false;
        b->data = data;
        b->capacity = cap;
    }
    memcpy(b->data + b->length, bytes, len);
    b->length += len;
    b->data[b->length] = '\0';
    return true;
}
