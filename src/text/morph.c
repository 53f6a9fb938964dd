/* Arabic morphology from libhunspell (see morph.h). */
#include "text/morph.h"

#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct morph {
    Hunhandle *h;
    /* hunspell keeps look-up state in its handle (its affix manager's
     * current affix): articles read by several threads take turns. The
     * morphology is a small part of a run, so one lock costs little. */
    pthread_mutex_t lock;
};

/* Locking changes no state a reader sees: a const morph may lock. */
static void hun_lock(const morph *m)
{
    pthread_mutex_lock((pthread_mutex_t *)&m->lock);
}

static void hun_unlock(const morph *m)
{
    pthread_mutex_unlock((pthread_mutex_t *)&m->lock);
}

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
    if (!m->h || pthread_mutex_init(&m->lock, NULL) != 0) {
        if (m->h)
            Hunspell_destroy(m->h);
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

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* True when word[0..len) is one of the nkeep words of keep, sorted with
 * compare_words. */
static bool kept(const char *word, size_t len, const char *const *keep,
                 size_t nkeep)
{
    size_t lo = 0, hi = nkeep;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(keep[mid], word, len);
        if (c == 0 && keep[mid][len] != '\0')
            c = 1; /* longer than word: after it */
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
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
    const char **sorted = nkeep ? malloc(nkeep * sizeof *sorted) : NULL;
    FILE *to = fdopen(fd, "w");
    FILE *from = to ? fopen(dic, "rb") : NULL;
    bayan_status st = !from                  ? BAYAN_ERR_IO
                      : nkeep && !sorted     ? BAYAN_ERR_NOMEM
                                             : BAYAN_OK;
    if (st == BAYAN_OK) {
        if (nkeep) {
            memcpy(sorted, keep, nkeep * sizeof *sorted);
            qsort(sorted, nkeep, sizeof *sorted, compare_words);
        }
        st = copy_entries(from, to, sorted, nkeep);
    }
    free(sorted);
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
    pthread_mutex_destroy(&m->lock);
    free(m);
}

/* Copies utf8 to buf (MORPH_MAX_WORD + 1 bytes) without the Arabic marks
 * (harakat and tanween U+064B-U+065F, superscript alef U+0670, tatweel
 * U+0640). hunspell-ar's IGNORE line drops most of them itself but not
 * fathatan (U+064B), which its affixes spell only where the accusative
 * puts it (اجتماعاً, اجتماعًا); anywhere else it would make the word
 * unknown. False when there is nothing to look up. */
static bool clean_word(const morph *m, const char *utf8, char *buf)
{
    if (!m || !utf8 || !*utf8 || strlen(utf8) > MORPH_MAX_WORD)
        return false;
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)utf8; *p;) {
        /* U+0640-U+067F are D9 80-D9 BF in UTF-8 */
        if (p[0] == 0xd9 && (p[1] & 0xc0) == 0x80) {
            unsigned cp = 0x640u + (p[1] & 0x3fu);
            if (cp == 0x640 || (cp >= 0x64b && cp <= 0x65f) || cp == 0x670) {
                p += 2;
                continue;
            }
        }
        buf[n++] = (char)*p++;
    }
    buf[n] = '\0';
    return n > 0;
}

bool morph_is_word(const morph *m, const char *utf8)
{
    char w[MORPH_MAX_WORD + 1];
    if (!clean_word(m, utf8, w))
        return false;
    hun_lock(m);
    bool known = Hunspell_spell(m->h, w) != 0;
    hun_unlock(m);
    return known;
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
    char w[MORPH_MAX_WORD + 1];
    if (!clean_word(m, utf8, w))
        return BAYAN_OK;
    char **l = NULL;
    hun_lock(m);
    int k = Hunspell_stem(m->h, &l, w);
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
    hun_unlock(m);
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
    char w[MORPH_MAX_WORD + 1];
    if (!clean_word(m, utf8, w))
        return BAYAN_OK;
    char **l = NULL;
    hun_lock(m);
    int k = Hunspell_analyze(m->h, &l, w);
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
    hun_unlock(m);
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
