/* Meetings and what happened at them; article metadata (not yet
 * written). */
#include "extract.h"

bayan_status extract_meetings(extraction *x)
{
    (void)x;
    return BAYAN_OK;
}
