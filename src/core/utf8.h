/* Small UTF-8 helpers shared by the graph model and the exporters. */
#ifndef BAYAN_UTF8_H
#define BAYAN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Decodes one code point at s (len bytes available). Returns the number of
 *  bytes used (1 to 4), or 0 for an invalid, overlong, surrogate or
 *  truncated sequence; *cp receives the code point when valid. */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/** Encodes cp into out (4 bytes room); returns the number of bytes. */
size_t utf8_encode(uint32_t cp, char *out);

/** A new NUL-terminated copy of len bytes in which every invalid sequence
 *  and every NUL byte is replaced by U+FFFD. *changed (if not NULL) tells
 *  whether anything was replaced. NULL when out of memory. */
char *utf8_repair(const char *s, size_t len, bool *changed);

/** True when utf8_repair would change nothing: len bytes of valid UTF-8
 *  without a NUL. */
bool utf8_is_valid(const char *s, size_t len);

/** Byte offset of code point cp in a valid UTF-8 string of len bytes
 *  (len when the string is shorter). */
size_t utf8_offset(const char *s, size_t len, size_t cp);

/** Number of code points in a valid UTF-8 string of len bytes. */
size_t utf8_length(const char *s, size_t len);

#endif
