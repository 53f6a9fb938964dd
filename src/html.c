/* HTML input through libxml2's HTML parser (to come with the text layer). */
#include "text.h"
