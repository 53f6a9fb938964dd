/* The public API: format names and the engine's life cycle.
 * Reading is in read.c, exporting in write.c. */
/* dladdr: where the library was loaded from, to find its data. */
#define _GNU_SOURCE
#include "engine/engine.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "config.h"
#include "lexicon/cues.h"
#include "lexicon/person_cues.h"

/* ---- formats ------------------------------------------------------------ */

typedef struct format_row {
    const char *name;
    const char *file;
    const char *aliases; /* comma-separated, as rapper, serdi, dot say */
} format_row;

static const format_row FORMATS[BAYAN_FORMAT_COUNT] = {
    [BAYAN_FORMAT_TURTLE] = {"turtle", "graph.ttl", "ttl"},
    [BAYAN_FORMAT_NTRIPLES] = {"ntriples", "graph.nt", "nt,n-triples"},
    [BAYAN_FORMAT_NQUADS] = {"nquads", "graph.nq", "nq,n-quads"},
    [BAYAN_FORMAT_GRAPHML] = {"graphml", "graph.graphml", ""},
    [BAYAN_FORMAT_DOT] = {"dot", "graph.dot", "gv"},
    [BAYAN_FORMAT_SVG] = {"svg", "graph.svg", ""},
};

const char *bayan_format_name(bayan_format format)
{
    return (unsigned)format < BAYAN_FORMAT_COUNT ? FORMATS[format].name : NULL;
}

const char *bayan_format_file(bayan_format format)
{
    return (unsigned)format < BAYAN_FORMAT_COUNT ? FORMATS[format].file : NULL;
}

const char *bayan_format_aliases(bayan_format format)
{
    return (unsigned)format < BAYAN_FORMAT_COUNT ? FORMATS[format].aliases
                                                 : NULL;
}

/* Whether name (any case) is one of the comma-separated words of list. */
static bool in_list(const char *name, const char *list)
{
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        size_t w = strcspn(p, ",");
        if (w == n && n > 0 && strncasecmp(p, name, n) == 0)
            return true;
        p += w + (p[w] == ',');
    }
    return false;
}

bool bayan_format_from_name(const char *name, bayan_format *out)
{
    for (int i = 0; name && i < BAYAN_FORMAT_COUNT; i++) {
        if (strcasecmp(name, FORMATS[i].name) == 0 ||
            in_list(name, FORMATS[i].aliases)) {
            *out = (bayan_format)i;
            return true;
        }
    }
    return false;
}

/* ---- the base IRI ------------------------------------------------------ */

const char *bayan_engine_base(const bayan_engine *e)
{
    return e->base;
}

/* ---- engine life cycle -------------------------------------------------- */

static bool is_directory(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The file libbayan was loaded from (or the program it is linked into),
 * or NULL when the system cannot say. */
static const char *library_path(void)
{
    Dl_info info;
    if (dladdr((void *)bayan_engine_new, &info) == 0 || !info.dli_fname)
        return NULL;
    return info.dli_fname;
}

/* Whether path lies inside the build tree this library was built in. */
static bool in_build_tree(const char *path)
{
    size_t n = strlen(BAYAN_BUILD_ROOT);
    return path && strncmp(path, BAYAN_BUILD_ROOT, n) == 0 &&
           (path[n] == '/' || path[n] == '\0');
}

/* The data beside an installed library, wherever the tree was copied
 * (meson install --destdir, a relocated prefix): <libdir>/../share/bayan.
 * NULL when it is not there. */
static char *data_beside(const char *lib)
{
    const char *slash = lib ? strrchr(lib, '/') : NULL;
    if (!slash || !*BAYAN_LIBDIR_TO_DATADIR)
        return NULL;
    size_t n = (size_t)(slash - lib) + strlen(BAYAN_LIBDIR_TO_DATADIR) + 16;
    char *dir = malloc(n);
    if (dir)
        snprintf(dir, n, "%.*s/%s/bayan", (int)(slash - lib), lib,
                 BAYAN_LIBDIR_TO_DATADIR);
    if (dir && !is_directory(dir)) {
        free(dir);
        dir = NULL;
    }
    return dir;
}

/* Where the ontology lives, as a new string: the option, the environment;
 * then, for a library run from its build tree, the source tree it was
 * built from; for an installed one, the data installed beside it, then
 * the configured install place (and the source tree only as a last
 * resort), so that an installed bayan never reads a source tree that
 * happens to still be there. */
static char *find_ontology_dir(const bayan_options *o)
{
    if (o && o->ontology_dir)
        return strdup(o->ontology_dir);
    const char *env = getenv("BAYAN_ONTOLOGY_DIR");
    if (env && *env)
        return strdup(env);
    const char *lib = library_path();
    if (in_build_tree(lib) && is_directory(BAYAN_SOURCE_ONTOLOGY_DIR))
        return strdup(BAYAN_SOURCE_ONTOLOGY_DIR);
    char *beside = data_beside(lib);
    if (beside)
        return beside;
    if (is_directory(BAYAN_INSTALLED_ONTOLOGY_DIR) ||
        !is_directory(BAYAN_SOURCE_ONTOLOGY_DIR))
        return strdup(BAYAN_INSTALLED_ONTOLOGY_DIR);
    return strdup(BAYAN_SOURCE_ONTOLOGY_DIR);
}

/* Where the Arabic Hunspell dictionary lives: the option, the
 * environment, then Debian's place for hunspell-ar. */
static const char *find_hunspell_dir(const bayan_options *o)
{
    if (o && o->hunspell_dir)
        return o->hunspell_dir;
    const char *env = getenv("BAYAN_HUNSPELL_DIR");
    if (env && *env)
        return env;
    return "/usr/share/hunspell";
}

/* The base must be an absolute IRI ending in / or # so that paths append. */
static bool base_is_valid(const char *base)
{
    size_t n = strlen(base);
    return n > 0 && strchr(base, ':') && (base[n - 1] == '/' ||
                                          base[n - 1] == '#') &&
           strcspn(base, " \t\r\n<>\"{}|^`\\") == n;
}

static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* The persons, resolutions and publisher stages' word lists, folded once
 * from the lexicon. */
static bayan_status load_stage_words(bayan_engine *e)
{
    e->person_words = calloc(1, sizeof *e->person_words);
    if (!e->person_words)
        return BAYAN_ERR_NOMEM;
    bayan_status st = person_cues_load(e->lexicon, e->person_words);
    if (st == BAYAN_OK)
        st = resolution_rules_load(e->lexicon, &e->resolution_words);
    if (st == BAYAN_OK)
        st = credit_cues_load(e->lexicon, &e->credit_words);
    if (st == BAYAN_OK) {
        char *model = join_path(e->ontology_dir, "models/names.tagger");
        st = model ? names_tagger_load(&e->reporter, model, e->lexicon,
                                       e->person_words, &e->names)
                   : BAYAN_ERR_NOMEM;
        free(model);
    }
    return st;
}

/* Arabic morphology for the meeting cues: hunspell-ar with the entries
 * of the cues' stem forms only (the whole dictionary costs about as much
 * to load as reading a hundred articles). Without the dictionary the
 * engine works on, and says so once, to the verbose. */
static bayan_status load_morph(bayan_engine *e, const reporter *r,
                               const char *dir)
{
    size_t n = cue_set_stem_words(e->cues, NULL, 0);
    const char **words = n ? malloc(n * sizeof *words) : NULL;
    if (n && !words)
        return BAYAN_ERR_NOMEM;
    cue_set_stem_words(e->cues, words, n);
    char *aff = join_path(dir, "ar.aff"), *dic = join_path(dir, "ar.dic");
    bayan_status st = aff && dic ? morph_open_entries(aff, dic, words, n,
                                                      &e->morph)
                                 : BAYAN_ERR_NOMEM;
    if (st == BAYAN_ERR_IO) {
        report(r, BAYAN_INFO, BAYAN_OK, dic, -1,
               "no Arabic hunspell dictionary (ar.aff, ar.dic) here: "
               "meeting cues match their listed forms only");
        st = BAYAN_OK;
    }
    free(aff);
    free(dic);
    free(words);
    if (st == BAYAN_OK)
        st = cue_set_use_morph(e->cues, e->morph);
    return st;
}

/* The meeting cues: read on this thread, as the lexicon is, since
 * parsing Turtle (raptor) makes libxml2 keep state for the thread, which
 * it never frees for any but this one. */
static bayan_status load_cue_set(bayan_engine *e, const reporter *r)
{
    char *cues = join_path(e->ontology_dir, "patterns/meetings.ttl");
    bayan_status st = cues ? cue_set_load(r, e->base, cues, &e->cues)
                           : BAYAN_ERR_NOMEM;
    free(cues);
    return st;
}

/* The hunspell entries of the cues' stems need nothing of the lexicon:
 * they are read on a thread of their own while the lexicon is (a part of
 * the start-up, which -j cannot share out otherwise). The thread writes
 * only e->morph and the cues' use of it, and keeps its diagnostics. */
typedef struct morph_loader {
    bayan_engine *e;
    const char *hunspell_dir;
    kept_reports said;
    bayan_status status;
} morph_loader;

static void *run_morph_loader(void *arg)
{
    morph_loader *m = arg;
    reporter keep = kept_reporter(&m->said);
    m->status = load_morph(m->e, &keep, m->hunspell_dir);
    return NULL;
}

/* A beside_runner on POSIX threads, for the layers below that split
 * their work (the lexicon's forms). */
typedef struct beside_task {
    pthread_t thread;
    void (*task)(void *);
    void *arg;
} beside_task;

static void *run_beside_task(void *arg)
{
    beside_task *t = arg;
    t->task(t->arg);
    return NULL;
}

static bool start_beside(void *user, void (*task)(void *), void *arg,
                         void **handle)
{
    (void)user;
    beside_task *t = malloc(sizeof *t);
    if (!t)
        return false;
    *t = (beside_task){.task = task, .arg = arg};
    if (pthread_create(&t->thread, NULL, run_beside_task, t) != 0) {
        free(t);
        return false;
    }
    *handle = t;
    return true;
}

static void wait_beside(void *user, void *handle)
{
    (void)user;
    beside_task *t = handle;
    pthread_join(t->thread, NULL);
    free(t);
}

static const beside_runner THREADS = {NULL, start_beside, wait_beside};

/* The cues, then the lexicon with the cues' morphology beside it (on
 * this thread when no other can be started). The cues' and the
 * morphology's diagnostics are said after the lexicon's, where a run on
 * one thread said them. */
static bayan_status load_lexicon_and_cues(bayan_engine *e,
                                          const char *hunspell_dir,
                                          bool one_thread)
{
    kept_reports cue_said = {NULL, 0, 0};
    reporter keep = kept_reporter(&cue_said);
    bayan_status cues = load_cue_set(e, &keep);
    morph_loader m = {e, hunspell_dir, {NULL, 0, 0}, BAYAN_OK};
    pthread_t thread;
    bool beside = cues == BAYAN_OK && !one_thread &&
                  pthread_create(&thread, NULL, run_morph_loader, &m) == 0;
    char *lexdir = join_path(e->ontology_dir, "lexicon");
    bayan_status st = lexdir ? lexicon_load_with(&e->reporter, e->base,
                                                 lexdir,
                                                 one_thread ? NULL : &THREADS,
                                                 &e->lexicon)
                             : BAYAN_ERR_NOMEM;
    free(lexdir);
    if (beside)
        pthread_join(thread, NULL);
    else if (st == BAYAN_OK && cues == BAYAN_OK)
        run_morph_loader(&m);
    if (st == BAYAN_OK) {
        kept_replay(&cue_said, &e->reporter);
        kept_replay(&m.said, &e->reporter);
        st = cues != BAYAN_OK ? cues : m.status;
    }
    kept_clear(&cue_said);
    kept_clear(&m.said);
    return st;
}

/* Reads what ontology/ holds: the vocabulary, the lexicon, the meeting
 * cues (with the morphology of hunspell_dir), and the word lists the
 * stages fold from the lexicon. */
static bayan_status load_data(bayan_engine *e, const char *hunspell_dir,
                              bool one_thread)
{
    bayan_status st = ontology_load(&e->reporter, e->ontology_dir,
                                    &e->ontology);
    if (st == BAYAN_OK)
        st = load_lexicon_and_cues(e, hunspell_dir, one_thread);
    if (st == BAYAN_OK)
        st = load_stage_words(e);
    return st;
}

/* Fills the views each layer is handed: the layers never see the engine. */
static void hand_out(bayan_engine *e)
{
    e->text.encoding = e->encoding;
    e->text.reporter = &e->reporter;
    e->extract = (extract_env){
        .base = e->base,
        .reporter = &e->reporter,
        .lexicon = e->lexicon,
        .person_words = e->person_words,
        .resolution_words = e->resolution_words,
        .credit_words = e->credit_words,
        .cues = e->cues,
        .names = e->names,
    };
    e->export = (export_env){.base = e->base,
                             .reporter = &e->reporter,
                             .dot = e->dot,
                             .meetings_view = e->view == BAYAN_VIEW_MEETINGS,
                             .cancelled = e->cancelled,
                             .cancel_user = e->user};
}

bayan_status bayan_engine_new(const bayan_options *options,
                              bayan_engine **out)
{
    *out = NULL;
    bayan_engine *e = calloc(1, sizeof *e);
    if (!e)
        return BAYAN_ERR_NOMEM;
    if (options) {
        e->text.lenient = options->lenient;
        e->reporter.fn = options->on_diagnostic;
        e->reporter.user = options->user;
        e->user = options->user;
        e->cancelled = options->cancelled;
        e->view = options->view;
    }
    const char *base = options && options->base_iri ? options->base_iri
                                                    : BAYAN_DEFAULT_BASE;
    if (!base_is_valid(base)) {
        report(&e->reporter, BAYAN_ERROR, BAYAN_ERR_ARGUMENT, NULL, -1,
               "base IRI '%s' must be absolute and end in '/' or '#'", base);
        bayan_engine_free(e);
        return BAYAN_ERR_ARGUMENT;
    }
    e->base = strdup(base);
    if (options && options->encoding &&
        !text_encoding_known(options->encoding)) {
        report(&e->reporter, BAYAN_ERROR, BAYAN_ERR_ARGUMENT, NULL, -1,
               "unknown encoding '%s' (e.g. UTF-8, UTF-16, windows-1256, "
               "ISO-8859-6)", options->encoding);
        bayan_engine_free(e);
        return BAYAN_ERR_ARGUMENT;
    }
    e->ontology_dir = find_ontology_dir(options);
    if (options && options->encoding)
        e->encoding = strdup(options->encoding);
    if (!e->base || !e->ontology_dir ||
        (options && options->encoding && !e->encoding)) {
        bayan_engine_free(e);
        return BAYAN_ERR_NOMEM;
    }
    /* libxml2 initializes itself on first use, which is not safe from
     * two of bayan_read_files' threads at once: do it here. */
    html_init();
    report(&e->reporter, BAYAN_INFO, BAYAN_OK, NULL, -1,
           "ontology and lexicon read from %s", e->ontology_dir);
    bayan_status st = load_data(e, find_hunspell_dir(options),
                                options && options->threads == 1);
    if (st == BAYAN_OK && options && options->metadata_file)
        st = sidecar_load(&e->reporter, options->metadata_file, &e->metadata);
    if (st == BAYAN_OK && !(e->dot = dot_state_new()))
        st = BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK)
        hand_out(e);
    if (st != BAYAN_OK) {
        bayan_engine_free(e);
        return st;
    }
    *out = e;
    return BAYAN_OK;
}

void bayan_engine_free(bayan_engine *e)
{
    if (!e)
        return;
    free(e->base);
    free(e->ontology_dir);
    free(e->encoding);
    ontology_free(e->ontology);
    lexicon_free(e->lexicon);
    cue_set_free(e->cues);
    morph_free(e->morph); /* after the cues, which borrow it */
    if (e->person_words)
        person_cues_clear(e->person_words);
    free(e->person_words);
    resolution_rules_free(e->resolution_words);
    credit_cues_free(e->credit_words);
    names_tagger_free(e->names);
    dot_state_free(e->dot);
    sidecar_free(e->metadata);
    free(e);
}

