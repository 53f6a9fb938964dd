#include "core/report.h"

#include <stdarg.h>
#include <stdio.h>

static void deliver(const reporter *r, bayan_severity severity,
                    bayan_status status, const char *file, long long offset,
                    source_place place, const char *format, va_list ap)
{
    char message[1024];
    vsnprintf(message, sizeof message, format, ap);
    bayan_diagnostic d = {severity, status,      file,   offset,
                          place.line, place.column, message};
    r->fn(r->user, &d);
}

void report(const reporter *r, bayan_severity severity, bayan_status status,
            const char *file, long long offset, const char *format, ...)
{
    if (!r || !r->fn)
        return;
    va_list ap;
    va_start(ap, format);
    deliver(r, severity, status, file, offset, (source_place){0, 0}, format,
            ap);
    va_end(ap);
}

void report_place(const reporter *r, bayan_severity severity,
                  bayan_status status, const char *file, long long offset,
                  source_place place, const char *format, ...)
{
    if (!r || !r->fn)
        return;
    va_list ap;
    va_start(ap, format);
    deliver(r, severity, status, file, offset, place, format, ap);
    va_end(ap);
}

/* The code unit at p[i] (i < len - unit + 1) in the given coding. */
static unsigned unit_at(const unsigned char *p, size_t i, source_coding c)
{
    switch (c) {
    case SOURCE_UTF16LE: return p[i] | (unsigned)p[i + 1] << 8;
    case SOURCE_UTF16BE: return (unsigned)p[i] << 8 | p[i + 1];
    default: return p[i];
    }
}

/* Whether a unit continues the character before it rather than starting
 * one: a UTF-8 continuation byte, a low surrogate. */
static bool continues(unsigned u, source_coding c)
{
    if (c == SOURCE_UTF8)
        return (u & 0xC0) == 0x80;
    if (c == SOURCE_BYTE)
        return false;
    return u >= 0xDC00 && u <= 0xDFFF;
}

static size_t bom_size(const unsigned char *p, size_t len, source_coding c)
{
    if (c == SOURCE_UTF8 && len >= 3 && p[0] == 0xEF && p[1] == 0xBB &&
        p[2] == 0xBF)
        return 3;
    if (c != SOURCE_UTF8 && c != SOURCE_BYTE && len >= 2 &&
        unit_at(p, 0, c) == 0xFEFF)
        return 2;
    return 0;
}

source_place source_place_of(const void *bytes, size_t len, size_t offset,
                             source_coding coding)
{
    const unsigned char *p = bytes;
    size_t step = coding == SOURCE_UTF16LE || coding == SOURCE_UTF16BE ? 2 : 1;
    if (offset > len)
        offset = len;
    source_place at = {1, 1};
    size_t i = bom_size(p, len, coding);
    bool after_cr = false;
    for (; i + step <= offset; i += step) {
        unsigned u = unit_at(p, i, coding);
        if (u == '\n' && after_cr) { /* the LF of a CRLF: no new line */
            after_cr = false;
            continue;
        }
        after_cr = u == '\r';
        if (u == '\n' || u == '\r') {
            at.line++;
            at.column = 1;
        } else if (!continues(u, coding)) {
            at.column++;
        }
    }
    return at;
}

void report_at(const reporter *r, bayan_severity severity, bayan_status status,
               const char *file, long line, long column, const char *format,
               ...)
{
    if (!r || !r->fn)
        return;
    char message[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    bayan_diagnostic d = {severity, status, file, -1, line, column, message};
    r->fn(r->user, &d);
}
