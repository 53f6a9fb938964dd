/* bayan's inputs: files, directories read recursively in sorted order,
 * and standard input. Each failure is named and counted; the others are
 * still read. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli/cli.h"

/* Records a directory; false when it was read already. Reading each
 * directory once stops symlink loops, and symlinks that fan out (two links
 * to the same parent would otherwise double the work at every level). */
static bool first_visit(run *r, const struct stat *st)
{
    for (size_t i = 0; i < r->dir_count; i++)
        if (r->dirs[i].dev == st->st_dev && r->dirs[i].ino == st->st_ino)
            return false;
    if (r->dir_count == r->dir_capacity) {
        size_t cap = r->dir_capacity ? r->dir_capacity * 2 : 16;
        dir_id *grown = realloc(r->dirs, cap * sizeof *grown);
        if (!grown)
            return true; /* the depth limit still bounds the walk */
        r->dirs = grown;
        r->dir_capacity = cap;
    }
    r->dirs[r->dir_count++] = (dir_id){st->st_dev, st->st_ino};
    return true;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void read_path(run *r, const char *path, int depth);

/* In a directory, only files that look like articles are read (a named
 * file is always read): text and HTML by extension, or no extension. */
static bool looks_like_article(const char *name)
{
    static const char *const EXTENSIONS[] = {".txt", ".text", ".html",
                                             ".htm", ".xhtml"};
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash + 1 : name, '.');
    if (!dot)
        return true;
    for (size_t i = 0; i < sizeof EXTENSIONS / sizeof *EXTENSIONS; i++)
        if (strcasecmp(dot, EXTENSIONS[i]) == 0)
            return true;
    return false;
}

/* Reads standard input whole, up to the size limit. */
static void read_stdin(run *r)
{
    size_t cap = 65536, len = 0, limit = r->c->max_input;
    char *buf = malloc(cap);
    size_t n;
    /* A signal makes fread return short with the error flag set (no
     * SA_RESTART); looping on would block again. */
    while (buf && len <= limit && !cli_interrupted() && !ferror(stdin) &&
           (n = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown)
                free(buf);
            buf = grown;
        }
    }
    if (!buf || ferror(stdin) || len > limit || cli_interrupted()) {
        if (!buf)
            fprintf(stderr, "bayan: <stdin>: error: out of memory\n");
        else if (len > limit)
            fprintf(stderr, "bayan: <stdin>: error: larger than %zu MB "
                            "(not read; see --max-input-size)\n",
                    limit >> 20);
        else if (!cli_interrupted())
            fprintf(stderr, "bayan: <stdin>: error: read error: %s\n",
                    strerror(errno));
        r->failed++;
        free(buf);
        return;
    }
    if (bayan_read_memory(r->engine, r->graph, "<stdin>", buf, len) == BAYAN_OK)
        r->read++;
    else
        r->failed++;
    free(buf);
}

/* Reads a directory's entries in byte order of their names; hidden files
 * are skipped. Depth bounds symlink loops. */
static void read_directory(run *r, const char *path, int depth)
{
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "bayan: %s: error: cannot open directory: %s\n", path,
                strerror(errno));
        r->failed++;
        return;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 32;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown)
                break;
            names = grown;
        }
        names[count] = strdup(ent->d_name);
        if (names[count])
            count++;
    }
    closedir(d);
    if (names)
        qsort(names, count, sizeof *names, compare_names);
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(path) + strlen(names[i]) + 2;
        char *child = cli_interrupted() ? NULL : malloc(n);
        if (child) {
            snprintf(child, n, "%s%s%s", path,
                     path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
            read_path(r, child, depth + 1);
            free(child);
        }
        free(names[i]);
    }
    free(names);
}

static void read_path(run *r, const char *path, int depth)
{
    if (strcmp(path, "-") == 0 && depth == 0) {
        read_queued(r); /* the files named before it come first */
        read_stdin(r);
        return;
    }
    if (cli_interrupted())
        return;
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "bayan: %s: error: %s\n", path, strerror(errno));
        r->failed++;
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (depth > 32) {
            fprintf(stderr, "bayan: %s: error: directories nested too deep "
                            "(a symlink loop?)\n", path);
            r->failed++;
            return;
        }
        if (!first_visit(r, &st)) {
            if (r->c->verbosity >= 1)
                fprintf(stderr, "bayan: %s: warning: directory already read "
                                "(a symlink loop?); skipped\n", path);
            return;
        }
        size_t before = r->read + r->failed + r->queued;
        read_directory(r, path, depth);
        /* A directory named on the command line that yields nothing is
         * most likely the wrong one: say so, and count it as failed. */
        if (depth == 0 && r->read + r->failed + r->queued == before &&
            !cli_interrupted()) {
            fprintf(stderr, "bayan: %s: error: no article to read (files "
                            "named *.txt, *.text, *.html, *.htm, *.xhtml or "
                            "with no extension)\n", path);
            r->failed++;
        }
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        fprintf(stderr, "bayan: %s: error: not a regular file\n", path);
        r->failed++;
        return;
    }
    if (depth > 0 && !looks_like_article(path)) {
        if (r->c->verbosity >= 2)
            fprintf(stderr, "bayan: %s: skipped (not an article)\n", path);
        return;
    }
    if ((unsigned long long)st.st_size > r->c->max_input) {
        fprintf(stderr, "bayan: %s: error: %lld bytes, larger than %zu MB "
                        "(not read; see --max-input-size)\n",
                path, (long long)st.st_size, r->c->max_input >> 20);
        r->failed++;
        return;
    }
    if (r->c->verbosity >= 2)
        fprintf(stderr, "bayan: reading %s\n", path);
    queue_file(r, path, (unsigned long long)st.st_size);
}

void read_input(run *r, const char *path)
{
    read_path(r, path, 0);
}
