/* The statuses' messages (the public bayan_strerror): at the bottom of the
 * house, since every layer names a status in its diagnostics. */
#include "bayan/bayan.h"

const char *bayan_strerror(bayan_status status)
{
    switch (status) {
    case BAYAN_OK: return "success";
    case BAYAN_ERR_NOMEM: return "out of memory";
    case BAYAN_ERR_IO: return "input/output error";
    case BAYAN_ERR_ENCODING: return "invalid text encoding";
    case BAYAN_ERR_SYNTAX: return "syntax error in a data file";
    case BAYAN_ERR_ONTOLOGY: return "term not declared in the ontology";
    case BAYAN_ERR_ARGUMENT: return "invalid argument";
    case BAYAN_ERR_EMPTY: return "no text to read";
    case BAYAN_ERR_INTERNAL: return "internal error";
    case BAYAN_ERR_CANCELLED: return "cancelled";
    }
    return "unknown status";
}
