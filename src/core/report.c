#include "core/report.h"

#include <stdarg.h>
#include <stdio.h>

void report(const reporter *r, bayan_severity severity, bayan_status status,
            const char *file, long long offset, const char *format, ...)
{
    if (!r || !r->fn)
        return;
    char message[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    bayan_diagnostic d = {severity, status, file, offset, 0, 0, message};
    r->fn(r->user, &d);
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
