/* Prints the Arabic and English CLDR display names (via ICU) of the ISO
 * 3166-1 alpha-2 codes given as arguments, one "CODE\tar\ten" line each. */
#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

/* Writes the display name of region code in display locale disp as UTF-8. */
static int display_name(const char *code, const char *disp, char *out,
                        int cap)
{
    char locale[16];
    UChar name[256];
    UErrorCode err = U_ZERO_ERROR;
    snprintf(locale, sizeof locale, "und_%s", code);
    int32_t n = uloc_getDisplayCountry(locale, disp, name, 256, &err);
    if (U_FAILURE(err) || err == U_USING_DEFAULT_WARNING || n <= 0)
        return -1;
    err = U_ZERO_ERROR;
    u_strToUTF8(out, cap, NULL, name, n, &err);
    return U_FAILURE(err) ? -1 : 0;
}

int main(int argc, char **argv)
{
    char ar[512], en[512];
    for (int i = 1; i < argc; i++) {
        if (display_name(argv[i], "ar", ar, sizeof ar) != 0 ||
            display_name(argv[i], "en", en, sizeof en) != 0) {
            fprintf(stderr, "gen_states: no CLDR name for %s\n", argv[i]);
            return 1;
        }
        printf("%s\t%s\t%s\n", argv[i], ar, en);
    }
    return 0;
}
