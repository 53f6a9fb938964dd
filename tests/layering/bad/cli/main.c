#include "bayan/bayan.h"
#include "text/text.h"
