/* Resolutions: numbered resolutions and their issuers (not yet written). */
#include "extract.h"

bayan_status extract_resolutions(extraction *x)
{
    (void)x;
    return BAYAN_OK;
}
