/* A growable byte buffer: where the HTML reader collects text and where
 * tests and the engine collect an export in memory. */
#ifndef BAYAN_CORE_MEMBUF_H
#define BAYAN_CORE_MEMBUF_H

#include "bayan/bayan.h"

typedef struct membuf {
    char *data; /**< NUL-terminated after every write; free() it */
    size_t length;
    size_t capacity;
} membuf;

/** Appends bytes to a membuf (user); a bayan_write_fn. False when out of
 *  memory. */
bool membuf_write(void *user, const void *bytes, size_t len);

#endif
