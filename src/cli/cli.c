/* bayan: the command-line interface. A thin layer over libbayan that turns
 * arguments into input paths and output files: main, signals and the
 * printing of diagnostics here; options.c, inputs.c and outputs.c. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

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

bool cli_interrupted(void)
{
    return interrupted != 0;
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

/* The INPUTs in order; with none, standard input (main has made sure it
 * is not a terminal). */
static void read_inputs(run *r)
{
    const cli *c = r->c;
    if (c->input_count == 0)
        read_input(r, "-");
    for (int i = 0; i < c->input_count; i++)
        read_input(r, c->inputs[i]);
    read_queued(r);
}

/* Where the outputs go, for messages. */
static const char *destination(const cli *c)
{
    return cli_to_stdout(c) ? "standard output" : c->output_dir;
}

/* The exit status once the inputs are read: outputs are written only when
 * at least one article was read, so that a run in which every input fails
 * (or none is found) leaves the last good outputs as they were. */
static int finish(const cli *c, run *r)
{
    if (interrupted)
        return EXIT_INPUT_FAILED; /* main re-raises the signal */
    if (r->read == 0) {
        if (cli_to_stdout(c))
            fprintf(stderr, "bayan: no article could be read; nothing "
                            "written\n");
        else
            fprintf(stderr, "bayan: no article could be read; the outputs "
                            "in %s/ are left as they were\n", c->output_dir);
        return EXIT_INPUT_FAILED;
    }
    bayan_status st = write_outputs(c, r->engine, r->graph);
    if (st == BAYAN_ERR_CANCELLED)
        return EXIT_INPUT_FAILED;
    if (st != BAYAN_OK) {
        if (!cli_to_stdout(c))
            fprintf(stderr, "bayan: no output written; the outputs in %s/ "
                            "are left as they were\n", c->output_dir);
        return EXIT_USAGE;
    }
    r->written = true;
    if (c->verbosity >= 2 || (c->verbosity >= 1 && !cli_to_stdout(c)))
        fprintf(stderr, "bayan: %d article(s) read, %d failed, %zu quads "
                        "written to %s%s\n",
                r->read, r->failed, bayan_graph_size(r->graph),
                destination(c), cli_to_stdout(c) ? "" : "/");
    return r->failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}

/* The engine and a spooled graph; EXIT_OK, or the status to exit with. */
static int start(cli *c, bayan_engine **engine, bayan_graph **graph)
{
    c->options.threads = c->jobs; /* -j 1: start-up on one thread too */
    bayan_status st = bayan_engine_new(&c->options, engine);
    if (st == BAYAN_ERR_ARGUMENT) /* a bad --base or --encoding */
        return cli_usage_error("cannot start: %s", bayan_strerror(st));
    if (st != BAYAN_OK) {
        fprintf(stderr, "bayan: cannot start: %s\n", bayan_strerror(st));
        return EXIT_USAGE;
    }
    *graph = bayan_graph_new();
    if (!*graph) {
        fprintf(stderr, "bayan: out of memory\n");
        return EXIT_USAGE;
    }
    /* Articles' texts and phrases wait in a temporary file, so memory
     * grows with the entities rather than with the corpus. */
    st = bayan_graph_spool(*graph);
    if (st != BAYAN_OK) {
        const char *tmp = getenv("TMPDIR");
        fprintf(stderr, "bayan: cannot create a temporary file in %s: %s\n",
                tmp && *tmp ? tmp : "/tmp",
                st == BAYAN_ERR_IO ? strerror(errno) : bayan_strerror(st));
        return EXIT_USAGE;
    }
    return EXIT_OK;
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
    int rc = cli_parse(&c, argc, argv);
    if (rc != EXIT_OK)
        return rc;
    /* No INPUT on a terminal: say what is needed rather than wait for
     * an article to be typed. */
    if (c.input_count == 0 && isatty(STDIN_FILENO))
        return cli_usage_error("no INPUT: name article files or "
                               "directories, or pipe an article into "
                               "standard input");
    install_signal_handlers();
    c.progress = c.verbosity >= 1 && isatty(STDERR_FILENO);

    bayan_engine *engine = NULL;
    bayan_graph *graph = NULL;
    run r = {.c = &c};
    rc = start(&c, &engine, &graph);
    if (rc == EXIT_OK) {
        r.engine = engine;
        r.graph = graph;
        read_inputs(&r);
    }
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
