/* bayan: the command-line interface. A thin layer over libbayan that turns
 * arguments into input paths and output files. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bayan/bayan.h"

enum { EXIT_OK = 0, EXIT_INPUT_FAILED = 1, EXIT_USAGE = 2 };

#define STRING_(x) #x
#define STRING(x) STRING_(x)

/* Inputs larger than this are refused unless --max-input-size says
 * otherwise: a scraped "page" of tens of megabytes is debris, and reading
 * one costs memory in proportion (about 30 bytes per input byte). */
enum { DEFAULT_MAX_INPUT_MB = 10 };

/* The signal that asked us to stop, or 0. The CLI's one global: a signal
 * handler can reach nothing else. The library polls it through
 * bayan_options.cancelled, and the read loop checks it between files. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    interrupted = sig;
}

static bool is_interrupted(void *user)
{
    (void)user;
    return interrupted != 0;
}

/* SIGINT, SIGTERM and SIGHUP stop the run at the next file or the next
 * write, the temporary files are removed and the previous outputs stay.
 * A signal already ignored (nohup, a background job) stays ignored.
 * SA_RESETHAND: a second signal kills at once (the default action), so an
 * impatient user can always stop us (a hidden .graph.*.XXXXXX file may
 * then remain). No SA_RESTART: a read of a terminal returns at once.
 * SIGXFSZ (a file size limit reached) is ignored, so that the write fails
 * with EFBIG and is cleaned up like a full disk, instead of killing us. */
static void install_signal_handlers(void)
{
    static const int SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof SIGNALS / sizeof *SIGNALS; i++)
        if (sigaction(SIGNALS[i], NULL, &old) == 0 &&
            old.sa_handler != SIG_IGN)
            sigaction(SIGNALS[i], &sa, NULL);
    signal(SIGXFSZ, SIG_IGN);
}

typedef struct cli {
    const char *output_dir;
    size_t max_input; /* bytes */
    bool formats[BAYAN_FORMAT_COUNT];
    int verbosity; /* 0 quiet, 1 normal, 2 verbose */
    unsigned jobs; /* threads reading articles; 0: one per processor */
    bool progress; /* a progress line on stderr (a terminal, not -q) */
    bool formats_given; /* -f named the formats: svg is written whatever
                           the graph's size */
    bayan_options options;
} cli;

static void usage(FILE *out)
{
    fputs("Usage: bayan [OPTIONS] [INPUT...]\n"
          "Read Arabic news articles about diplomatic meetings and export a\n"
          "knowledge graph of meetings, states, people, organizations and\n"
          "resolutions.\n\n"
          "An INPUT is a file, a directory (read recursively, in sorted\n"
          "order) or - for standard input. With no INPUT, seeds/ is read.\n\n"
          "Options:\n"
          "  -o, --output-dir DIR  write the outputs into DIR (default out/)\n"
          "  -f, --formats LIST    comma-separated, from turtle, ntriples,\n"
          "                        nquads, graphml, dot, svg\n"
          "                        (default turtle,graphml,dot,svg; svg only\n"
          "                        when the graph has at most "
          STRING(BAYAN_SVG_DEFAULT_MAX_NODES) " nodes)\n"
          "      --base IRI        base IRI of resources\n"
          "                        (default " BAYAN_DEFAULT_BASE ")\n"
          "      --encoding NAME   read inputs in this encoding\n"
          "      --lenient         replace invalid bytes with U+FFFD\n"
          "      --ontology DIR    read bayan.ttl and lexicon/ from DIR\n"
          "      --hunspell DIR    read the Arabic dictionary ar.aff, ar.dic\n"
          "                        from DIR (default /usr/share/hunspell)\n"
          "      --max-input-size MB  refuse inputs larger than MB\n"
          "                        megabytes (default 10)\n"
          "  -j, --jobs N          read articles on N threads (default: one\n"
          "                        per processor); the outputs are the same\n"
          "  -q, --quiet           print errors only\n"
          "  -v, --verbose         say what is read and written\n"
          "  -h, --help            show this help\n"
          "      --version         show the version\n\n"
          "Exit status: 0 success, 1 some inputs failed (each is named;\n"
          "the others are still exported; when none could be read the\n"
          "outputs are left as they were), 2 usage error or an output\n"
          "could not be written (the previous outputs are left intact).\n"
          "Outputs are replaced all at once, only when all are written.\n"
          "On SIGINT, SIGTERM or SIGHUP bayan stops, leaves the previous\n"
          "outputs as they were and dies of that signal (128+N in a shell).\n",
          out);
}

static void print_diagnostic(void *user, const bayan_diagnostic *d)
{
    const cli *c = user;
    static const char *const names[] = {"info", "warning", "error"};
    if (d->severity == BAYAN_INFO && c->verbosity < 2)
        return;
    if (d->severity == BAYAN_WARNING && c->verbosity < 1)
        return;
    if (c->progress)
        fputs("\r\033[K", stderr); /* over the progress line */
    fprintf(stderr, "bayan: ");
    if (d->file) {
        fprintf(stderr, "%s:", d->file);
        if (d->line > 0)
            fprintf(stderr, "%ld:%ld:", d->line, d->column);
        else if (d->offset >= 0)
            fprintf(stderr, " byte %lld:", d->offset);
        fputc(' ', stderr);
    }
    fprintf(stderr, "%s: %s\n", names[d->severity], d->message);
}

static bool parse_formats(cli *c, const char *list)
{
    memset(c->formats, 0, sizeof c->formats);
    char *copy = strdup(list);
    if (!copy)
        return false;
    bool ok = true;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        bayan_format f;
        if (!bayan_format_from_name(tok, &f)) {
            fprintf(stderr, "bayan: unknown format '%s'\n", tok);
            ok = false;
            break;
        }
        c->formats[f] = true;
    }
    free(copy);
    bool any = false;
    for (int i = 0; i < BAYAN_FORMAT_COUNT; i++)
        any = any || c->formats[i];
    if (ok && !any)
        fprintf(stderr, "bayan: --formats names no format\n");
    return ok && any;
}

/* ---- inputs ------------------------------------------------------------- */

/* A directory's identity, whatever path led to it. */
typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

typedef struct run {
    const cli *c;
    const bayan_engine *engine;
    bayan_graph *graph;
    int read, failed;
    bool written; /* the outputs were replaced */
    dir_id *dirs; /* directories read so far */
    size_t dir_count, dir_capacity;
    char **queue; /* files found, read together by read_queued */
    size_t queued, queue_capacity;
    unsigned long long queued_bytes; /* their sizes, for the progress */
    /* The progress line (on a terminal only): what is done, and when. */
    bool progress;
    size_t done_files;
    unsigned long long done_bytes;
    double started, shown;
} run;

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

/* ---- reading the files found, on several threads ------------------------ */

/* Files are read in batches by bayan_read_files, which keeps their order
 * in the graph and in the messages whatever the number of threads. */
static void queue_file(run *r, const char *path, unsigned long long size)
{
    if (r->queued == r->queue_capacity) {
        size_t cap = r->queue_capacity ? r->queue_capacity * 2 : 64;
        char **grown = realloc(r->queue, cap * sizeof *grown);
        if (!grown) {
            fprintf(stderr, "bayan: %s: error: out of memory\n", path);
            r->failed++;
            return;
        }
        r->queue = grown;
        r->queue_capacity = cap;
    }
    if (!(r->queue[r->queued] = strdup(path))) {
        fprintf(stderr, "bayan: %s: error: out of memory\n", path);
        r->failed++;
        return;
    }
    r->queued++;
    r->queued_bytes += size;
}

/* ---- the progress line -------------------------------------------------- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Articles, megabytes, rate and time left, on one line of the terminal
 * rewritten in place, at most four times a second. */
static void progress_show(run *r, size_t total)
{
    double t = now_seconds();
    if (!r->progress || (t - r->shown < 0.25 && r->done_files < total))
        return;
    r->shown = t;
    double mb = (double)r->done_bytes / 1e6;
    double rate = t > r->started ? mb / (t - r->started) : 0;
    double left = (double)(r->queued_bytes - r->done_bytes) / 1e6;
    long eta = rate > 0 ? (long)(left / rate + 0.5) : 0;
    fprintf(stderr, "\rbayan: %zu/%zu articles, %.1f MB, %.2f MB/s, "
                    "ETA %ld:%02ld \033[K", r->done_files, total, mb, rate,
            eta / 60, eta % 60);
}

static void progress_end(run *r)
{
    if (r->progress && r->shown > 0)
        fputs("\r\033[K", stderr);
}

static void count_read(void *user, size_t index, bayan_status st,
                       size_t bytes)
{
    run *r = user;
    (void)index;
    if (st == BAYAN_OK)
        r->read++;
    else
        r->failed++;
    r->done_files++;
    r->done_bytes += bytes;
    progress_show(r, r->queued);
}

static void read_queued(run *r)
{
    if (r->queued > 0 && !interrupted) {
        r->done_files = 0;
        r->done_bytes = 0;
        r->started = now_seconds();
        r->shown = 0;
        bayan_status st = bayan_read_files(
            r->engine, r->graph, (const char *const *)r->queue, r->queued,
            r->c->jobs, count_read, r);
        if (st != BAYAN_OK && st != BAYAN_ERR_CANCELLED) {
            fprintf(stderr, "bayan: cannot read: %s\n", bayan_strerror(st));
            r->failed += (int)r->queued;
        }
        progress_end(r);
    }
    for (size_t i = 0; i < r->queued; i++)
        free(r->queue[i]);
    r->queued = 0;
    r->queued_bytes = 0;
}

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
    while (buf && len <= limit && !interrupted && !ferror(stdin) &&
           (n = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown)
                free(buf);
            buf = grown;
        }
    }
    if (!buf || ferror(stdin) || len > limit || interrupted) {
        if (!buf)
            fprintf(stderr, "bayan: <stdin>: error: out of memory\n");
        else if (len > limit)
            fprintf(stderr, "bayan: <stdin>: error: larger than %zu MB "
                            "(not read; see --max-input-size)\n",
                    limit >> 20);
        else if (!interrupted)
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
        char *child = interrupted ? NULL : malloc(n);
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
    if (interrupted)
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
            !interrupted) {
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

/* ---- outputs ------------------------------------------------------------ */

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

/* Whether to write the SVG: always when asked for by name; by default
 * only for a graph Graphviz lays out in reasonable time. */
static bool svg_wanted(const cli *c, const bayan_engine *engine,
                       const bayan_graph *graph)
{
    size_t nodes, edges;
    if (!c->formats[BAYAN_FORMAT_SVG] || c->formats_given ||
        bayan_graph_drawing_size(engine, graph, &nodes, &edges) != BAYAN_OK ||
        nodes <= BAYAN_SVG_DEFAULT_MAX_NODES)
        return c->formats[BAYAN_FORMAT_SVG];
    if (c->verbosity >= 1)
        fprintf(stderr, "bayan: graph.svg not written: the graph has %zu "
                        "nodes, more than the %d the default draws (its "
                        "layout could take many minutes); ask for it with "
                        "-f turtle,graphml,dot,svg\n",
                nodes, BAYAN_SVG_DEFAULT_MAX_NODES);
    return false;
}

/* Writes every chosen format, all or nothing (bayan_export_files).
 * Returns the library's status. */
static bayan_status write_outputs(const cli *c, const bayan_engine *engine,
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
        const char *name = bayan_format_file((bayan_format)i);
        size_t n = strlen(c->output_dir) + strlen(name) + 2;
        paths[count] = malloc(n);
        if (!paths[count]) {
            st = BAYAN_ERR_NOMEM;
            break;
        }
        snprintf(paths[count], n, "%s/%s", c->output_dir, name);
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
    return st;
}

/* ---- main --------------------------------------------------------------- */

enum {
    OPT_BASE = 256,
    OPT_ENCODING,
    OPT_LENIENT,
    OPT_ONTOLOGY,
    OPT_HUNSPELL,
    OPT_MAX_INPUT,
    OPT_VERSION
};

/* -j, --jobs: a whole number of threads, 1 to 256. */
static bool parse_jobs(const char *arg, unsigned *jobs)
{
    char *end;
    errno = 0;
    unsigned long n = strtoul(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > 256 || *arg == '-') {
        fprintf(stderr, "bayan: --jobs '%s': expected a number of threads, "
                        "1 to 256\n", arg);
        return false;
    }
    *jobs = (unsigned)n;
    return true;
}

/* --max-input-size: a whole number of megabytes, 1 to 4095. */
static bool parse_megabytes(const char *arg, size_t *bytes)
{
    char *end;
    errno = 0;
    unsigned long mb = strtoul(arg, &end, 10);
    if (errno || end == arg || *end || mb < 1 || mb > 4095 || *arg == '-') {
        fprintf(stderr, "bayan: --max-input-size '%s': expected megabytes, "
                        "1 to 4095\n", arg);
        return false;
    }
    *bytes = (size_t)mb << 20;
    return true;
}

static int parse_arguments(cli *c, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output-dir", required_argument, NULL, 'o'},
        {"formats", required_argument, NULL, 'f'},
        {"base", required_argument, NULL, OPT_BASE},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"lenient", no_argument, NULL, OPT_LENIENT},
        {"ontology", required_argument, NULL, OPT_ONTOLOGY},
        {"hunspell", required_argument, NULL, OPT_HUNSPELL},
        {"max-input-size", required_argument, NULL, OPT_MAX_INPUT},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    int opt;
    while ((opt = getopt_long(argc, argv, "o:f:j:qvh", longopts, NULL)) != -1) {
        switch (opt) {
        case 'o': c->output_dir = optarg; break;
        case 'f':
            if (!parse_formats(c, optarg))
                return EXIT_USAGE;
            c->formats_given = true;
            break;
        case OPT_BASE: c->options.base_iri = optarg; break;
        case OPT_ENCODING: c->options.encoding = optarg; break;
        case OPT_LENIENT: c->options.lenient = true; break;
        case OPT_ONTOLOGY: c->options.ontology_dir = optarg; break;
        case OPT_HUNSPELL: c->options.hunspell_dir = optarg; break;
        case OPT_MAX_INPUT:
            if (!parse_megabytes(optarg, &c->max_input))
                return EXIT_USAGE;
            break;
        case 'j':
            if (!parse_jobs(optarg, &c->jobs))
                return EXIT_USAGE;
            break;
        case 'q': c->verbosity = 0; break;
        case 'v': c->verbosity = 2; break;
        case 'h': usage(stdout); exit(EXIT_OK);
        case OPT_VERSION: printf("bayan %s\n", BAYAN_VERSION); exit(EXIT_OK);
        default:
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (!*c->output_dir) {
        fprintf(stderr, "bayan: --output-dir is empty\n");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* The exit status once the inputs are read: outputs are written only when
 * at least one article was read, so that a run in which every input fails
 * (or none is found) leaves the last good outputs as they were. */
static int finish(const cli *c, run *r)
{
    if (interrupted)
        return EXIT_INPUT_FAILED; /* main re-raises the signal */
    if (r->read == 0) {
        fprintf(stderr, "bayan: no article could be read; the outputs in "
                        "%s/ are left as they were\n", c->output_dir);
        return EXIT_INPUT_FAILED;
    }
    bayan_status st = write_outputs(c, r->engine, r->graph);
    if (st == BAYAN_ERR_CANCELLED)
        return EXIT_INPUT_FAILED;
    if (st != BAYAN_OK) {
        fprintf(stderr, "bayan: no output written; the outputs in %s/ are "
                        "left as they were\n", c->output_dir);
        return EXIT_USAGE;
    }
    r->written = true;
    if (c->verbosity >= 1)
        fprintf(stderr, "bayan: %d article(s) read, %d failed, %zu quads "
                        "written to %s/\n",
                r->read, r->failed, bayan_graph_size(r->graph),
                c->output_dir);
    return r->failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

int main(int argc, char **argv)
{
    cli c = {.output_dir = "out", .verbosity = 1,
             .max_input = (size_t)DEFAULT_MAX_INPUT_MB << 20};
    c.formats[BAYAN_FORMAT_TURTLE] = c.formats[BAYAN_FORMAT_GRAPHML] = true;
    c.formats[BAYAN_FORMAT_DOT] = c.formats[BAYAN_FORMAT_SVG] = true;
    c.options.on_diagnostic = print_diagnostic;
    c.options.cancelled = is_interrupted;
    c.options.user = &c;
    int rc = parse_arguments(&c, argc, argv);
    if (rc != EXIT_OK)
        return rc;
    install_signal_handlers();

    bayan_engine *engine;
    bayan_status st = bayan_engine_new(&c.options, &engine);
    if (st != BAYAN_OK) {
        fprintf(stderr, "bayan: cannot start: %s\n", bayan_strerror(st));
        return EXIT_USAGE;
    }
    bayan_graph *graph = bayan_graph_new();
    if (!graph) {
        bayan_engine_free(engine);
        fprintf(stderr, "bayan: out of memory\n");
        return EXIT_USAGE;
    }
    /* Articles' texts and phrases wait in a temporary file, so memory
     * grows with the entities rather than with the corpus. */
    st = bayan_graph_spool(graph);
    if (st != BAYAN_OK) {
        fprintf(stderr, "bayan: cannot create a temporary file in %s: %s\n",
                getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR")
                                                      : "/tmp",
                st == BAYAN_ERR_IO ? strerror(errno) : bayan_strerror(st));
        bayan_graph_free(graph);
        bayan_engine_free(engine);
        return EXIT_USAGE;
    }
    c.progress = c.verbosity >= 1 && isatty(STDERR_FILENO);
    run r = {.c = &c, .engine = engine, .graph = graph,
             .progress = c.progress};
    if (optind >= argc) {
        struct stat sb;
        if (stat("seeds", &sb) != 0) {
            fprintf(stderr, "bayan: no INPUT given and no seeds/ here\n");
            usage(stderr);
            rc = EXIT_USAGE;
        } else {
            read_path(&r, "seeds", 0);
        }
    }
    for (int i = optind; i < argc; i++)
        read_path(&r, argv[i], 0);
    read_queued(&r);
    if (rc == EXIT_OK)
        rc = finish(&c, &r);
    free(r.dirs);
    free(r.queue);
    bayan_graph_free(graph);
    bayan_engine_free(engine);
    int sig = interrupted;
    if (sig) {
        fprintf(stderr, "bayan: interrupted by signal %d; %s\n", sig,
                r.written ? "the outputs were written before it came"
                          : "the outputs are left as they were");
        /* Die of the signal, as the shell and make expect. */
        signal(sig, SIG_DFL);
        raise(sig);
    }
    return rc;
}
