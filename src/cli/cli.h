/* bayan's command line, in four parts: cli.c (main, signals, messages),
 * options.c (the arguments), inputs.c (files, directories, standard
 * input), outputs.c (the output directory or standard output). */
#ifndef BAYAN_CLI_H
#define BAYAN_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "bayan/bayan.h"

enum { EXIT_OK = 0, EXIT_INPUT_FAILED = 1, EXIT_USAGE = 2 };

/* Inputs larger than this are refused unless --max-input-size says
 * otherwise: a scraped "page" of tens of megabytes is debris, and reading
 * one costs memory in proportion (about 30 bytes per input byte). */
enum { DEFAULT_MAX_INPUT_MB = 10 };

/* What the arguments asked for. */
typedef struct cli {
    const char *output_dir; /* "-": standard output */
    size_t max_input;       /* bytes */
    bool formats[BAYAN_FORMAT_COUNT];
    bool formats_given;     /* -f was used (else the defaults) */
    bool clean;             /* remove outputs of formats not asked for */
    int verbosity;          /* 0 quiet, 1 normal, 2 verbose */
    unsigned jobs;          /* threads reading articles; 0: one per core */
    bool progress;          /* a progress line on stderr (a terminal) */
    char **inputs;          /* borrowed from argv */
    int input_count;
    bayan_options options;
} cli;

/* ---- options.c ---------------------------------------------------------- */

/* Fills c from the arguments (c holds the defaults). EXIT_OK to go on;
 * else the status to exit with (--help and -V exit 0 here). */
int cli_parse(cli *c, int argc, char **argv);

/* The full help text. */
void cli_usage(FILE *out);

/* A usage error: one line, then where to read more. Returns EXIT_USAGE. */
int cli_usage_error(const char *format, ...)
    __attribute__((format(printf, 1, 2)));

/* Whether the outputs go to standard output (-o - or --stdout). */
bool cli_to_stdout(const cli *c);

/* ---- cli.c -------------------------------------------------------------- */

/* Whether a signal asked us to stop. */
bool cli_interrupted(void);

/* ---- inputs.c ----------------------------------------------------------- */

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
    bool written;  /* the outputs were replaced */
    dir_id *dirs;  /* directories read so far */
    size_t dir_count, dir_capacity;
    char **queue;  /* files found, read together by read_queued */
    size_t queued, queue_capacity;
    unsigned long long queued_bytes; /* their sizes, for the progress */
    /* The progress line (on a terminal only): what is done, and when. */
    size_t done_files;
    unsigned long long done_bytes;
    double started, shown;
} run;

/* Reads a file, a directory (recursively) or "-" (standard input) named
 * on the command line; counts what was read and what failed in r. */
void read_input(run *r, const char *path);

/* ---- jobs.c ------------------------------------------------------------- */

/* Adds a file found to the queue read_queued reads. */
void queue_file(run *r, const char *path, unsigned long long size);

/* Reads the files queued with c->jobs threads (bayan_read_files, which
 * keeps their order in the graph and in the messages), showing progress
 * on a terminal; empties the queue. */
void read_queued(run *r);

/* ---- outputs.c ---------------------------------------------------------- */

/* Writes every chosen format into the output directory, all or nothing,
 * or the one chosen format to standard output. Returns the library's
 * status (messages already printed). */
bayan_status write_outputs(const cli *c, const bayan_engine *engine,
                           const bayan_graph *graph);

#endif
