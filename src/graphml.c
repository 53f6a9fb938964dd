/* GraphML through libxml2's xmlTextWriter. */
#include "export.h"

bayan_status export_graphml(const bayan_engine *e, const bayan_graph *g,
                            bayan_write_fn write, void *user)
{
    (void)e;
    (void)g;
    (void)write;
    (void)user;
    return BAYAN_ERR_INTERNAL; /* to come */
}
