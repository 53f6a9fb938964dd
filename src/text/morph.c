/* Arabic morphology from libhunspell (see morph.h). */
#include "text/morph.h"

#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct morph {
    Hunhandle *h;
};

static bool readable(const char *path)
{
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (f)
        fclose(f);
    return f != NULL;
}

bayan_status morph_open(const char *aff, const char *dic, morph **out)
{
    *out = NULL;
    /* Hunspell_create reports a missing file on stderr and goes on with an
     * empty dictionary: look first. */
    if (!readable(aff) || !readable(dic))
        return BAYAN_ERR_IO;
    morph *m = calloc(1, sizeof *m);
    if (!m)
        return BAYAN_ERR_NOMEM;
    m->h = Hunspell_create(aff, dic);
    if (!m->h) {
        free(m);
        return BAYAN_ERR_NOMEM;
    }
    *out = m;
    return BAYAN_OK;
}

/* The word of a dictionary line: up to its flags (/), its morphological
 * fields (tab or space) or its end. */
static size_t entry_word_len(const char *line, size_t len)
{
    size_t k = 0;
    while (k < len && line[k] != '/' && line[k] != '\t' && line[k] != ' ' &&
           line[k] != '\r')
        k++;
    return k;
}

static bool kept(const char *word, size_t len, const char *const *keep,
                 size_t nkeep)
{
    for (size_t i = 0; i < nkeep; i++)
        if (strlen(keep[i]) == len && memcmp(keep[i], word, len) == 0)
            return true;
    return false;
}

/* Copies the first line of dic (the entry count, a hint) and the entries
 * spelt as a word of keep into the open file out. */
static bayan_status copy_entries(FILE *in, FILE *out,
                                 const char *const *keep, size_t nkeep)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    bool first = true;
    bayan_status st = BAYAN_OK;
    while ((len = getline(&line, &cap, in)) > 0) {
        if (first) { /* the count: any size hint does */
            first = false;
            if (fputs("64\n", out) == EOF)
                st = BAYAN_ERR_IO;
            continue;
        }
        size_t k = entry_word_len(line, (size_t)len);
        if (k && kept(line, k, keep, nkeep) &&
            fwrite(line, 1, (size_t)len, out) != (size_t)len)
            st = BAYAN_ERR_IO;
        if (st != BAYAN_OK)
            break;
    }
    if (st == BAYAN_OK && ferror(in))
        st = BAYAN_ERR_IO;
    if (st == BAYAN_OK && first && fputs("0\n", out) == EOF)
        st = BAYAN_ERR_IO;
    free(line);
    return st;
}

bayan_status morph_open_entries(const char *aff, const char *dic,
                                const char *const *keep, size_t nkeep,
                                morph **out)
{
    *out = NULL;
    if (!readable(aff) || !readable(dic))
        return BAYAN_ERR_IO;
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t n = strlen(dir) + sizeof "/bayan-dic-XXXXXX";
    char *path = malloc(n);
    if (!path)
        return BAYAN_ERR_NOMEM;
    snprintf(path, n, "%s/bayan-dic-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return BAYAN_ERR_IO;
    }
    FILE *to = fdopen(fd, "w");
    FILE *from = to ? fopen(dic, "rb") : NULL;
    bayan_status st = from ? copy_entries(from, to, keep, nkeep)
                           : BAYAN_ERR_IO;
    if (from)
        fclose(from);
    if (to) {
        if (fclose(to) != 0 && st == BAYAN_OK)
            st = BAYAN_ERR_IO;
    } else {
        close(fd);
    }
    if (st == BAYAN_OK)
        st = morph_open(aff, path, out);
    unlink(path);
    free(path);
    return st;
}

void morph_free(morph *m)
{
    if (!m)
        return;
    Hunspell_destroy(m->h);
    free(m);
}

static bool usable(const morph *m, const char *utf8)
{
    if (!m || !utf8 || !*utf8)
        return false;
    return strlen(utf8) <= MORPH_MAX_WORD;
}

bool morph_is_word(const morph *m, const char *utf8)
{
    return usable(m, utf8) && Hunspell_spell(m->h, utf8) != 0;
}

void morph_list_free(char **list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        free(list[i]);
    free(list);
}

bayan_status morph_stems(const morph *m, const char *utf8, char ***out,
                         size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!usable(m, utf8))
        return BAYAN_OK;
    char **l = NULL;
    int k = Hunspell_stem(m->h, &l, utf8);
    bayan_status st = BAYAN_OK;
    char **list = k > 0 ? calloc((size_t)k, sizeof *list) : NULL;
    if (k > 0 && !list)
        st = BAYAN_ERR_NOMEM;
    size_t count = 0;
    for (int i = 0; st == BAYAN_OK && i < k; i++) {
        bool seen = false;
        for (size_t j = 0; j < count && !seen; j++)
            seen = strcmp(list[j], l[i]) == 0;
        if (seen)
            continue;
        if (!(list[count] = strdup(l[i])))
            st = BAYAN_ERR_NOMEM;
        else
            count++;
    }
    if (k > 0)
        Hunspell_free_list(m->h, &l, k);
    if (st != BAYAN_OK) {
        morph_list_free(list, count);
        return st;
    }
    if (count == 0) {
        free(list);
        list = NULL;
    }
    *out = list;
    *n = count;
    return BAYAN_OK;
}

void morph_analyses_free(morph_analysis *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        free(list[i].stem);
    free(list);
}

/* The value of the field "name:" of a Hunspell description (fields are
 * separated by spaces or tabs), with its length; NULL when absent. */
static const char *field(const char *desc, const char *name, size_t *len)
{
    size_t nl = strlen(name);
    for (const char *p = desc; *p;) {
        while (*p == ' ' || *p == '\t')
            p++;
        size_t k = strcspn(p, " \t");
        if (k > nl && memcmp(p, name, nl) == 0) {
            *len = k - nl;
            return p + nl;
        }
        p += k;
    }
    return NULL;
}

/* True when the description has the field with exactly this text. */
static bool has_field(const char *desc, const char *text)
{
    size_t n = strlen(text);
    for (const char *p = desc; *p;) {
        while (*p == ' ' || *p == '\t')
            p++;
        size_t k = strcspn(p, " \t");
        if (k == n && memcmp(p, text, n) == 0)
            return true;
        p += k;
    }
    return false;
}

bayan_status morph_analyze(const morph *m, const char *utf8,
                           morph_analysis **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!usable(m, utf8))
        return BAYAN_OK;
    char **l = NULL;
    int k = Hunspell_analyze(m->h, &l, utf8);
    bayan_status st = BAYAN_OK;
    morph_analysis *list = k > 0 ? calloc((size_t)k, sizeof *list) : NULL;
    if (k > 0 && !list)
        st = BAYAN_ERR_NOMEM;
    size_t count = 0;
    for (int i = 0; st == BAYAN_OK && i < k; i++) {
        size_t len;
        const char *stem = field(l[i], "st:", &len);
        if (!stem || len == 0)
            continue;
        bool imperfect = has_field(l[i], "is:prst");
        bool seen = false;
        for (size_t j = 0; j < count && !seen; j++)
            seen = list[j].imperfect == imperfect &&
                   strlen(list[j].stem) == len &&
                   memcmp(list[j].stem, stem, len) == 0;
        if (seen)
            continue;
        if (!(list[count].stem = strndup(stem, len)))
            st = BAYAN_ERR_NOMEM;
        else
            list[count++].imperfect = imperfect;
    }
    if (k > 0)
        Hunspell_free_list(m->h, &l, k);
    if (st != BAYAN_OK) {
        morph_analyses_free(list, count);
        return st;
    }
    if (count == 0) {
        free(list);
        list = NULL;
    }
    *out = list;
    *n = count;
    return BAYAN_OK;
}
