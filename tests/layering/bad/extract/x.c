#include "extract/x.h"
#include "engine/engine.h"
#include "graph/graph_impl.h"
