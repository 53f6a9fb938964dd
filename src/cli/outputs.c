/* bayan's outputs: every chosen format into the output directory, all or
 * nothing (bayan_export_files), or one format streamed to standard
 * output. Files of formats not asked for this time are never left to mix
 * silently with the new ones: they are named, or removed on --clean. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static bool make_directory(const char *dir)
{
    char *copy = strdup(dir);
    if (!copy)
        return false;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            free(copy);
            return false;
        }
        *p = '/';
    }
    bool ok = mkdir(copy, 0777) == 0 || errno == EEXIST;
    free(copy);
    return ok;
}

/* DIR/NAME as a new string, or NULL when out of memory. */
static char *output_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (path)
        snprintf(path, n, "%s/%s", dir, name);
    return path;
}

/* The outputs of formats not asked for, left by an earlier run: removed
 * on --clean, else named in one notice, so that a reader of the directory
 * is told which files belong to this run. */
static void handle_other_outputs(const cli *c)
{
    char names[256] = "";
    size_t used = 0;
    for (int i = 0; i < BAYAN_FORMAT_COUNT; i++) {
        if (c->formats[i])
            continue;
        const char *name = bayan_format_file((bayan_format)i);
        char *path = output_path(c->output_dir, name);
        struct stat st;
        if (path && lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (c->clean && unlink(path) != 0)
                fprintf(stderr, "bayan: %s: warning: cannot remove: %s\n",
                        path, strerror(errno));
            else if (c->clean && c->verbosity >= 2)
                fprintf(stderr, "bayan: removed %s\n", path);
            else if (!c->clean && used < sizeof names)
                used += (size_t)snprintf(names + used, sizeof names - used,
                                         "%s%s", used ? ", " : "", name);
        }
        free(path);
    }
    if (used && c->verbosity >= 1)
        fprintf(stderr, "bayan: %s/: note: %s %s from an earlier run (a "
                        "format not asked for this time), left as %s; "
                        "--clean removes %s\n",
                c->output_dir, names, strchr(names, ',') ? "are" : "is",
                strchr(names, ',') ? "they were" : "it was",
                strchr(names, ',') ? "them" : "it");
}

/* Whether to write the SVG: always when asked for by name; by default
 * only for a drawing Graphviz lays out in reasonable time. */
static bool svg_wanted(const cli *c, const bayan_engine *engine,
                       const bayan_graph *graph)
{
    size_t nodes, edges;
    if (!c->formats[BAYAN_FORMAT_SVG] || c->formats_given ||
        bayan_graph_drawing_size(engine, graph, &nodes, &edges) != BAYAN_OK ||
        nodes <= BAYAN_SVG_DEFAULT_MAX_NODES)
        return c->formats[BAYAN_FORMAT_SVG];
    if (c->verbosity >= 1)
        fprintf(stderr, "bayan: graph.svg not written: the drawing has %zu "
                        "nodes, more than the %d the default draws (its "
                        "layout could take many minutes); ask for it with "
                        "-f turtle,graphml,dot,svg\n",
                nodes, BAYAN_SVG_DEFAULT_MAX_NODES);
    return false;
}

/* The graph.svg of an earlier run, when this run skipped the SVG it asked
 * for (by default): it drew another graph, and this run would have
 * replaced it; left, it would pass for the drawing of the new outputs. */
static void remove_skipped_svg(const cli *c)
{
    char *path = output_path(c->output_dir,
                             bayan_format_file(BAYAN_FORMAT_SVG));
    struct stat st;
    if (path && lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        if (unlink(path) != 0)
            fprintf(stderr, "bayan: %s: warning: cannot remove the drawing "
                            "of an earlier run: %s\n",
                    path, strerror(errno));
        else if (c->verbosity >= 1)
            fprintf(stderr, "bayan: removed %s, the drawing of an earlier "
                            "run\n",
                    path);
    }
    free(path);
}

static bayan_status write_directory(const cli *c, const bayan_engine *engine,
                                    const bayan_graph *graph)
{
    bool svg = svg_wanted(c, engine, graph);
    if (!make_directory(c->output_dir)) {
        fprintf(stderr, "bayan: %s: error: cannot create directory: %s\n",
                c->output_dir, strerror(errno));
        return BAYAN_ERR_IO;
    }
    bayan_format formats[BAYAN_FORMAT_COUNT];
    char *paths[BAYAN_FORMAT_COUNT];
    size_t count = 0;
    bayan_status st = BAYAN_OK;
    for (int i = 0; i < BAYAN_FORMAT_COUNT && st == BAYAN_OK; i++) {
        if (!c->formats[i] || (i == BAYAN_FORMAT_SVG && !svg))
            continue;
        paths[count] = output_path(c->output_dir,
                                   bayan_format_file((bayan_format)i));
        if (!paths[count]) {
            st = BAYAN_ERR_NOMEM;
            break;
        }
        formats[count++] = (bayan_format)i;
    }
    if (st == BAYAN_OK)
        st = bayan_export_files(engine, graph, formats,
                                (const char *const *)paths, count);
    for (size_t i = 0; i < count; i++) {
        if (st == BAYAN_OK && c->verbosity >= 2)
            fprintf(stderr, "bayan: wrote %s\n", paths[i]);
        free(paths[i]);
    }
    if (st == BAYAN_OK && c->formats[BAYAN_FORMAT_SVG] && !svg)
        remove_skipped_svg(c);
    if (st == BAYAN_OK)
        handle_other_outputs(c);
    return st;
}

static bool write_to_stdout(void *user, const void *bytes, size_t len)
{
    (void)user;
    return fwrite(bytes, 1, len, stdout) == len;
}

/* The one chosen format, as it is exported (no temporary file: a reader
 * of a pipe sees a failed run by the exit status). */
static bayan_status write_stream(const cli *c, const bayan_engine *engine,
                                 const bayan_graph *graph)
{
    int format = 0;
    while (format < BAYAN_FORMAT_COUNT && !c->formats[format])
        format++;
    bayan_status st = bayan_export(engine, graph, (bayan_format)format,
                                   write_to_stdout, NULL);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (st == BAYAN_OK)
            fprintf(stderr, "bayan: <stdout>: error: write failed: %s\n",
                    strerror(errno));
        st = BAYAN_ERR_IO;
    }
    return st;
}

bayan_status write_outputs(const cli *c, const bayan_engine *engine,
                           const bayan_graph *graph)
{
    return cli_to_stdout(c) ? write_stream(c, engine, graph)
                            : write_directory(c, engine, graph);
}
