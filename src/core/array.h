/* Growing arrays: the one helper every list of the house shares. */
#ifndef BAYAN_CORE_ARRAY_H
#define BAYAN_CORE_ARRAY_H

#include <stdbool.h>
#include <stddef.h>

/** Makes room for one more item of size bytes in *items, which holds
 *  count items in room for *cap (doubling, from 8). False when out of
 *  memory; *items is then unchanged. */
bool array_grow(void **items, size_t count, size_t *cap, size_t size);

#endif
