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

#endif
