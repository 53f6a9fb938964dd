/* Dumps the world cities of Debian's libgeonames as TSV, one city a line:
 *
 *   geonames_id  name_en  iso  population  name_ar
 *
 * geonames_id, name_en, iso (ISO 3166-1 alpha-2 of the country) and the
 * population are the library's own record (a GVariant "(sssssssudd)": id,
 * name, admin1 code, admin1 name, country code, country name, time zone,
 * population, latitude, longitude). name_ar is the Arabic name: the
 * libgeonames-common package ships the translations as the gettext domain
 * "geonames", whose message ids are the GeoNames ids (msgid "100425" ->
 * msgstr "ينبع"), so the name is dgettext("geonames", id) in an Arabic
 * locale. "-" when the catalogue has no Arabic name (the catalogue then
 * returns the id itself). Bidi and zero-width marks are dropped.
 *
 * Built and run by tools/geonames/run; not part of the bayan build. */

#include <geonames.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copies s without U+200B..U+200F, U+202A..U+202E, U+2066..U+2069, U+FEFF
 * and U+061C, with runs of white space made one space and ends trimmed. */
static char *clean(const char *s)
{
    size_t n = strlen(s);
    char *o = malloc(n + 1), *w = o;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        gunichar c = g_utf8_get_char((const char *)p);
        const unsigned char *next =
            (const unsigned char *)g_utf8_next_char((const char *)p);
        int drop = (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
                   (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || c == 0x061c;
        if (g_unichar_isspace(c) || c == '\t') {
            if (w > o && w[-1] != ' ')
                *w++ = ' ';
        } else if (!drop) {
            memcpy(w, p, (size_t)(next - p));
            w += next - p;
        }
        p = next;
    }
    while (w > o && w[-1] == ' ')
        w--;
    *w = '\0';
    return o;
}

static int has_arabic(const char *s)
{
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c >= 0x0621 && c <= 0x064a)
            return 1;
    }
    return 0;
}

int main(void)
{
    /* LANGUAGE picks the catalogue; gettext ignores it in the C locale, so
     * an UTF-8 locale other than C is set too (C.UTF-8 is always there). */
    setenv("LANGUAGE", "ar", 1);
    if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "ar_SA.UTF-8")) {
        fprintf(stderr, "dump_cities: no UTF-8 locale\n");
        return 1;
    }
    int n = geonames_get_n_cities();
    for (int i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city(i);
        const char *id, *en, *iso;
        guint32 pop;
        g_variant_get(c, "(&s&s&s&s&s&s&sudd)", &id, &en, NULL, NULL, &iso,
                      NULL, NULL, &pop, NULL, NULL);
        const char *tr = dgettext("geonames", id);
        char *ar = clean(tr == id || strcmp(tr, id) == 0 ? "" : tr);
        if (!has_arabic(ar))
            ar[0] = '\0';
        char *en_clean = clean(en);
        printf("%s\t%s\t%s\t%u\t%s\n", id, en_clean, iso, (unsigned)pop,
               *ar ? ar : "-");
        free(en_clean);
        free(ar);
        geonames_city_free(c);
    }
    return 0;
}
