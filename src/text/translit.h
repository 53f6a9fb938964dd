/* ASCII slugs for IRIs from Arabic names, through ICU's transliterators
 * (translit.c; part of the text layer, the one module that uses ICU). */
#ifndef BAYAN_TRANSLIT_H
#define BAYAN_TRANSLIT_H

#include "bayan/bayan.h"

typedef struct text_slugger text_slugger;

/** A new slugger ("Arabic-Latin; Latin-ASCII"); free with
 *  text_slugger_free. Opening one compiles ICU's rules, so open one per
 *  batch of names, not per name. */
bayan_status text_slugger_new(text_slugger **out);
void text_slugger_free(text_slugger *s);

/** A new string: the len bytes of UTF-8 at utf8 transliterated to ASCII,
 *  lower case, every run of other characters made one hyphen, no hyphen at
 *  either end; "" when nothing is left. The caller frees *out. The result
 *  depends on the input alone. */
bayan_status text_slug(const text_slugger *s, const char *utf8, size_t len,
                       char **out);

#endif
