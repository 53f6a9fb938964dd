/* bayan's arguments: what each option means, and the messages of a usage
 * error (one line, then "Try 'bayan --help'", exit 2, as GNU tools do). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/cli.h"

#define STRING_(x) #x
#define STRING(x) STRING_(x)

void cli_usage(FILE *out)
{
    fputs("Usage: bayan [OPTIONS] [INPUT...]\n"
          "Read Arabic news articles about diplomatic meetings and export a\n"
          "knowledge graph of meetings, states, people, organizations and\n"
          "resolutions.\n\n"
          "An INPUT is a file, a directory (read recursively, in sorted\n"
          "order) or - for standard input. With no INPUT, standard input is\n"
          "read when it is not a terminal.\n\n"
          "Options:\n"
          "  -o, --output-dir DIR  write the outputs into DIR (default out/);\n"
          "                        - writes one format to standard output\n"
          "      --stdout          the same as -o -\n"
          "  -f, --formats LIST    comma-separated, any case, from turtle (ttl),\n"
          "                        ntriples (nt), nquads (nq), graphml,\n"
          "                        dot (gv), svg (default turtle,graphml,dot,svg;\n"
          "                        turtle for standard output; svg only\n"
          "                        when the drawing has at most "
          STRING(BAYAN_SVG_DEFAULT_MAX_NODES) " nodes)\n"
          "      --view VIEW       what DOT and SVG draw: meetings (default)\n"
          "                        or full (every entity, as GraphML)\n"
          "      --clean           remove outputs of formats not asked for\n"
          "                        from the output directory\n"
          "      --base IRI        base IRI of resources\n"
          "                        (default " BAYAN_DEFAULT_BASE ")\n"
          "      --encoding NAME   read inputs in this encoding\n"
          "      --lenient         replace invalid bytes with U+FFFD\n"
          "      --ontology DIR    read bayan.ttl and lexicon/ from DIR\n"
          "      --hunspell DIR    read the Arabic dictionary ar.aff, ar.dic\n"
          "                        from DIR (default /usr/share/hunspell)\n"
          "      --metadata FILE   publication date, URL and outlet of the\n"
          "                        inputs, from a TSV table (see README)\n"
          "      --max-input-size MB  refuse inputs larger than MB\n"
          "                        megabytes (default 10)\n"
          "  -j, --jobs N          read articles on N threads (default: one\n"
          "                        per processor); the outputs are the same\n"
          "  -q, --quiet           print errors only\n"
          "  -v, --verbose         say what is read and written\n"
          "  -h, --help            show this help\n"
          "  -V, --version         show the version\n\n"
          "Exit status: 0 success, 1 some inputs failed (each is named;\n"
          "the others are still exported; when none could be read the\n"
          "outputs are left as they were), 2 usage error or an output\n"
          "could not be written (the previous outputs are left intact).\n"
          "Outputs are replaced all at once, only when all are written.\n"
          "On SIGINT, SIGTERM or SIGHUP bayan stops, leaves the previous\n"
          "outputs as they were and dies of that signal (128+N in a shell).\n"
          "See bayan(1).\n",
          out);
}

int cli_usage_error(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    fputs("bayan: ", stderr);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fputs("\nTry 'bayan --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

bool cli_to_stdout(const cli *c)
{
    return strcmp(c->output_dir, "-") == 0;
}

/* "turtle (ttl), ntriples (nt, n-triples), ...": the names -f takes. */
static void list_formats(char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < BAYAN_FORMAT_COUNT && used < size; i++) {
        const char *aliases = bayan_format_aliases((bayan_format)i);
        int n = snprintf(out + used, size - used, "%s%s%s%s%s",
                         i ? ", " : "", bayan_format_name((bayan_format)i),
                         *aliases ? " (" : "", aliases, *aliases ? ")" : "");
        if (n < 0)
            return;
        used += (size_t)n;
    }
    for (char *p = out; *p; p++) /* "nt,n-triples" reads "nt, n-triples" */
        if (*p == ',' && p[1] != ' ') {
            memmove(p + 1, p, strlen(p) + 1);
            p[1] = ' ';
        }
}

static int parse_formats(cli *c, const char *list)
{
    memset(c->formats, 0, sizeof c->formats);
    c->formats_given = true;
    char *copy = strdup(list);
    if (!copy)
        return cli_usage_error("out of memory");
    int rc = EXIT_OK;
    bool any = false;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok && rc == EXIT_OK;
         tok = strtok_r(NULL, ",", &save)) {
        bayan_format f;
        if (bayan_format_from_name(tok, &f)) {
            c->formats[f] = any = true;
            continue;
        }
        char valid[256];
        list_formats(valid, sizeof valid - 32);
        rc = cli_usage_error("unknown format '%s' (valid: %s)", tok, valid);
    }
    free(copy);
    if (rc == EXIT_OK && !any)
        rc = cli_usage_error("--formats names no format");
    return rc;
}

static int parse_view(cli *c, const char *name)
{
    if (strcasecmp(name, "meetings") == 0)
        c->options.view = BAYAN_VIEW_MEETINGS;
    else if (strcasecmp(name, "full") == 0)
        c->options.view = BAYAN_VIEW_FULL;
    else
        return cli_usage_error("unknown view '%s' (valid: meetings, full)",
                               name);
    return EXIT_OK;
}

/* --max-input-size: a whole number of megabytes, 1 to 4095. */
static int parse_megabytes(cli *c, const char *arg)
{
    char *end;
    errno = 0;
    unsigned long mb = strtoul(arg, &end, 10);
    if (errno || end == arg || *end || mb < 1 || mb > 4095 || *arg == '-')
        return cli_usage_error("--max-input-size '%s': expected megabytes, "
                               "1 to 4095", arg);
    c->max_input = (size_t)mb << 20;
    return EXIT_OK;
}

/* -j, --jobs: a whole number of threads, 1 to 256. */
static int parse_jobs(cli *c, const char *arg)
{
    char *end;
    errno = 0;
    unsigned long n = strtoul(arg, &end, 10);
    if (errno || end == arg || *end || n < 1 || n > 256 || *arg == '-')
        return cli_usage_error("--jobs '%s': expected a number of threads, "
                               "1 to 256", arg);
    c->jobs = (unsigned)n;
    return EXIT_OK;
}

enum {
    OPT_BASE = 256,
    OPT_ENCODING,
    OPT_LENIENT,
    OPT_ONTOLOGY,
    OPT_HUNSPELL,
    OPT_METADATA,
    OPT_MAX_INPUT,
    OPT_STDOUT,
    OPT_VIEW,
    OPT_CLEAN,
};

static const struct option LONG_OPTIONS[] = {
    {"output-dir", required_argument, NULL, 'o'},
    {"stdout", no_argument, NULL, OPT_STDOUT},
    {"formats", required_argument, NULL, 'f'},
    {"view", required_argument, NULL, OPT_VIEW},
    {"clean", no_argument, NULL, OPT_CLEAN},
    {"base", required_argument, NULL, OPT_BASE},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"lenient", no_argument, NULL, OPT_LENIENT},
    {"ontology", required_argument, NULL, OPT_ONTOLOGY},
    {"hunspell", required_argument, NULL, OPT_HUNSPELL},
    {"metadata", required_argument, NULL, OPT_METADATA},
    {"max-input-size", required_argument, NULL, OPT_MAX_INPUT},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* The message for what getopt_long refused: argv[optind - 1] is the
 * argument it was looking at. */
static int refused(int opt, char **argv)
{
    const char *arg = argv[optind - 1];
    bool is_long = strncmp(arg, "--", 2) == 0;
    if (opt == ':') {
        if (!is_long && optopt && optopt < 256)
            return cli_usage_error("option '-%c' needs an argument", optopt);
        return cli_usage_error("option '%s' needs an argument", arg);
    }
    if (!is_long && optopt && optopt < 256)
        return cli_usage_error("unknown option '-%c'", optopt);
    return cli_usage_error("unknown option '%.*s'", (int)strcspn(arg, "="),
                           arg);
}

/* One option; EXIT_OK to go on. */
static int apply_option(cli *c, int opt, char **argv)
{
    switch (opt) {
    case 'o': c->output_dir = optarg; return EXIT_OK;
    case OPT_STDOUT: c->output_dir = "-"; return EXIT_OK;
    case 'f': return parse_formats(c, optarg);
    case OPT_VIEW: return parse_view(c, optarg);
    case OPT_CLEAN: c->clean = true; return EXIT_OK;
    case OPT_BASE: c->options.base_iri = optarg; return EXIT_OK;
    case OPT_ENCODING: c->options.encoding = optarg; return EXIT_OK;
    case OPT_LENIENT: c->options.lenient = true; return EXIT_OK;
    case OPT_ONTOLOGY: c->options.ontology_dir = optarg; return EXIT_OK;
    case OPT_HUNSPELL: c->options.hunspell_dir = optarg; return EXIT_OK;
    case OPT_METADATA: c->options.metadata_file = optarg; return EXIT_OK;
    case OPT_MAX_INPUT: return parse_megabytes(c, optarg);
    case 'j': return parse_jobs(c, optarg);
    case 'q': c->verbosity = 0; return EXIT_OK;
    case 'v': c->verbosity = 2; return EXIT_OK;
    case 'h': cli_usage(stdout); exit(EXIT_OK);
    case 'V': printf("bayan %s\n", BAYAN_VERSION); exit(EXIT_OK);
    default: return refused(opt, argv);
    }
}

/* Standard output takes one format: turtle when none was named. */
static int check_stdout_formats(cli *c)
{
    if (!c->formats_given) {
        memset(c->formats, 0, sizeof c->formats);
        c->formats[BAYAN_FORMAT_TURTLE] = true;
        return EXIT_OK;
    }
    int count = 0;
    for (int i = 0; i < BAYAN_FORMAT_COUNT; i++)
        count += c->formats[i];
    if (count > 1)
        return cli_usage_error("standard output takes one format, not %d "
                               "(choose one with -f, or write to a "
                               "directory with -o DIR)", count);
    return EXIT_OK;
}

int cli_parse(cli *c, int argc, char **argv)
{
    opterr = 0; /* our messages, without the program's full path */
    int opt, rc = EXIT_OK;
    while (rc == EXIT_OK &&
           (opt = getopt_long(argc, argv, ":o:f:j:qvhV", LONG_OPTIONS,
                              NULL)) != -1)
        rc = apply_option(c, opt, argv);
    if (rc != EXIT_OK)
        return rc;
    if (!*c->output_dir)
        return cli_usage_error("--output-dir is empty");
    if (cli_to_stdout(c) && (rc = check_stdout_formats(c)) != EXIT_OK)
        return rc;
    c->inputs = argv + optind;
    c->input_count = argc - optind;
    return EXIT_OK;
}
