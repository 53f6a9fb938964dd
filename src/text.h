/* The text layer: bytes in, one decoded text out (text.c, ICU).
 *
 * The decoded text is what NIF offsets count into: the input decoded to
 * UTF-8, a byte-order mark dropped and line ends (CR, CRLF) made LF. */
#ifndef BAYAN_TEXT_H
#define BAYAN_TEXT_H

#include "engine.h"

typedef struct text_doc {
    char *text;        /**< decoded text, NUL-terminated UTF-8 */
    size_t length;     /**< bytes in text */
    size_t cp_length;  /**< code points in text */
    char *title;       /**< from HTML <title>, or NULL */
    char *published;   /**< ISO date from HTML metadata, or NULL */
    const char *encoding; /**< static name of the encoding read */
} text_doc;

/** Decodes one input. Errors are reported through the engine with the file
 *  name and byte offset. On success the caller owns *out (text_doc_clear). */
bayan_status text_decode(const bayan_engine *e, const char *name,
                         const void *bytes, size_t len, text_doc *out);

/** Frees what a text_doc owns and zeroes it. */
void text_doc_clear(text_doc *doc);

#endif
