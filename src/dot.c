/* DOT through cgraph, SVG through gvc. */
#include "export.h"

bayan_status export_dot(const bayan_engine *e, const bayan_graph *g,
                        bayan_format format, bayan_write_fn write, void *user)
{
    (void)e;
    (void)g;
    (void)format;
    (void)write;
    (void)user;
    return BAYAN_ERR_INTERNAL; /* to come */
}
