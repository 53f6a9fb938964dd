/* Diagnostics: how every layer tells the user about a file and a place in
 * it. A reporter is handed down from the engine, so that no stage needs
 * the engine itself to speak; a NULL reporter keeps quiet. */
#ifndef BAYAN_CORE_REPORT_H
#define BAYAN_CORE_REPORT_H

#include "bayan/bayan.h"

typedef struct reporter {
    bayan_diagnostic_fn fn; /**< may be NULL: nothing is said */
    void *user;             /**< passed to fn */
} reporter;

/** Formats a message (printf-style) and passes it to r's callback. file
 *  may be NULL; offset is a byte offset in file, or -1. */
void report(const reporter *r, bayan_severity severity, bayan_status status,
            const char *file, long long offset, const char *format, ...)
    __attribute__((format(printf, 6, 7)));

/** The same about a line (1-based) and column (1-based, 0 unknown) of a
 *  data file the user gave, such as a metadata table. */
void report_at(const reporter *r, bayan_severity severity, bayan_status status,
               const char *file, long line, long column, const char *format,
               ...) __attribute__((format(printf, 7, 8)));

/** Diagnostics kept to be said later, by another thread (report_keep.c).
 *  Zero-initialize; kept_clear frees them. */
typedef struct kept_reports {
    struct kept_report *items;
    size_t count, capacity;
} kept_reports;

/** A reporter that keeps a copy of each diagnostic in k. */
reporter kept_reporter(kept_reports *k);
/** Says k's diagnostics to to, in the order they came. */
void kept_replay(const kept_reports *k, const reporter *to);
void kept_clear(kept_reports *k);

/** How the characters of an input are laid out in its bytes, so that a
 *  byte offset can be told as a line and a column. */
typedef enum source_coding {
    SOURCE_UTF8,    /**< a character per UTF-8 sequence (a bad byte is one) */
    SOURCE_BYTE,    /**< a character per byte (windows-1256, ISO-8859-6) */
    SOURCE_UTF16LE, /**< a character per UTF-16 unit, surrogate pairs one */
    SOURCE_UTF16BE,
} source_coding;

/** A place in an input: 1-based line and column, in characters. */
typedef struct source_place {
    long line;
    long column;
} source_place;

/** Where byte offset falls in bytes[0..len): lines end at LF, CRLF or a
 *  lone CR (as the decoder reads them), columns count characters from the
 *  line's start, and a byte-order mark at the start is no character. */
source_place source_place_of(const void *bytes, size_t len, size_t offset,
                             source_coding coding);

/** report() for a byte offset whose line and column are known too. */
void report_place(const reporter *r, bayan_severity severity,
                  bayan_status status, const char *file, long long offset,
                  source_place place, const char *format, ...)
    __attribute__((format(printf, 7, 8)));

#endif
