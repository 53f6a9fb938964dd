/* Persons: named people, recognised by the titles and roles around them
 * (not yet written). */
#include "extract.h"

bayan_status extract_persons(extraction *x)
{
    (void)x;
    return BAYAN_OK;
}
