/* ASCII slugs for IRIs from Arabic names, through ICU's transliterators
 * (translit.c; part of the text layer, the one module that uses ICU), and
 * readable romanizations of names (romanize.c, rules of its own). */
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

/* ---- romanization of names (romanize.c) ------------------------------- */

/** A readable romanization of an Arabic name (the convention is written at
 *  the top of romanize.c: al- for the article, long vowels a/u/i, initial
 *  أ a and إ i, ة a, capitalized words): "جيم ماتيس" -> "Jim Matis". *out
 *  is new; what is not Arabic is copied as it is. */
bayan_status text_romanize(const char *utf8, size_t len, char **out);

/** The IRI slug of a romanized name: ASCII letters and digits lower-cased,
 *  apostrophes dropped, every other run one hyphen ("Al-Sa'di" ->
 *  "al-sadi"); "" when nothing is left. *out is new. */
bayan_status text_romanized_slug(const char *label, char **out);

#endif
