#include "extract/x.h"
#include "engine/engine.h"
