#include <unicode/ustring.h>
#include "graph.h"
