/* Hijri dates in the Umm al-Qura calendar, the one Saudi Arabia and most
 * Gulf news use, as ICU computes it from its tables (the tabular
 * arithmetic calendar is often a day off). */
#include "text/text.h"

#include <unicode/ucal.h>

bool text_hijri_to_gregorian(int y, int m, int d, int *gy, int *gm, int *gd)
{
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > 30)
        return false;
    UErrorCode err = U_ZERO_ERROR;
    UCalendar *hijri =
        ucal_open(NULL, 0, "en@calendar=islamic-umalqura", UCAL_DEFAULT, &err);
    UCalendar *greg = ucal_open(u"UTC", -1, "en@calendar=gregorian",
                                UCAL_GREGORIAN, &err);
    if (U_SUCCESS(err)) {
        ucal_setTimeZone(hijri, u"UTC", -1, &err);
        ucal_clear(hijri);
        ucal_setDate(hijri, y, m - 1, d, &err);
        /* Noon: a day's instant far from either midnight. */
        ucal_set(hijri, UCAL_HOUR_OF_DAY, 12);
        UDate at = ucal_getMillis(hijri, &err);
        ucal_setMillis(greg, at, &err);
        *gy = ucal_get(greg, UCAL_YEAR, &err);
        *gm = ucal_get(greg, UCAL_MONTH, &err) + 1;
        *gd = ucal_get(greg, UCAL_DATE, &err);
        /* A 30th in a month of 29 days rolls over: not a date. */
        int back = ucal_get(hijri, UCAL_DATE, &err);
        if (U_SUCCESS(err) && back != d)
            err = U_ILLEGAL_ARGUMENT_ERROR;
    }
    if (hijri)
        ucal_close(hijri);
    if (greg)
        ucal_close(greg);
    return U_SUCCESS(err);
}
