/* The property-graph view shared by GraphML and DOT. */
#include "view.h"
