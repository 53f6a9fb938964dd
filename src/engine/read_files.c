/* The public API: reading many files on several threads.
 *
 * Worker threads take the inputs in order, read and extract each into a
 * graph of its own (engine_extract), with their own ICU break iterators
 * and a reporter that keeps the article's diagnostics. The calling thread
 * merges the articles strictly in input order, replaying each one's
 * diagnostics first: the graph is built by the same sequence of merges
 * as a run on one thread, so every output is byte for byte the same and
 * the messages come in the same order, whatever the number of threads
 * and whichever article is done first. The engine is only read. */
#include "engine/engine.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One input: filled by a worker, emptied by the merge. */
typedef struct slot {
    bool done;
    bayan_status status;
    size_t bytes;
    bayan_graph *part;
    graph_spooled *ready; /* part's quads for the spool, or NULL */
    article_ids ids;
    kept_reports diags; /* said when the article is merged */
} slot;

typedef struct pool {
    const bayan_engine *e;
    const char *const *paths;
    size_t count;
    slot *slots;
    bool spooling;
    size_t next;   /* the next input a worker takes */
    size_t merged; /* inputs merged so far */
    size_t window; /* at most this many inputs past the merged ones */
    bool stop;
    pthread_mutex_t lock;
    pthread_cond_t done;   /* an input is done: the merge may go on */
    pthread_cond_t merged_one; /* room in the window: workers may go on */
} pool;

typedef struct worker {
    pool *p;
    pthread_t thread;
    text_segmenter *segmenter;
} worker;

static void slot_clear(slot *s)
{
    kept_clear(&s->diags);
    article_ids_clear(&s->ids);
    graph_spooled_free(s->ready);
    bayan_graph_free(s->part);
    memset(s, 0, sizeof *s);
}

/* Reads and extracts input i into its slot (on a worker thread). */
static void read_one(const pool *p, worker *w, size_t i)
{
    slot *s = &p->slots[i];
    reporter keep = kept_reporter(&s->diags);
    article_env env = {p->e->text, p->e->extract, p->spooling};
    env.text.reporter = &keep;
    env.extract.reporter = &keep;
    env.extract.segmenter = w->segmenter;
    membuf buf;
    s->status = engine_slurp(&keep, p->paths[i], &buf);
    if (s->status != BAYAN_OK)
        return;
    s->bytes = buf.length;
    s->status = engine_extract(p->e, &env, p->paths[i], buf.data, buf.length,
                               &s->part, &s->ids);
    free(buf.data);
    /* Encoding the spooled quads here spares the merge's thread; out of
     * memory, the merge encodes them itself. */
    if (s->status == BAYAN_OK && p->spooling &&
        graph_spool_prepare(s->part, s->ids.article, &s->ready) != BAYAN_OK)
        s->ready = NULL;
}

static bool cancelled(const bayan_engine *e)
{
    return e->cancelled && e->cancelled(e->user);
}

/* Takes the next input, waiting while the window is full; false when
 * there is none left or the run stops. Called with the lock held. */
static bool take_input(pool *p, size_t *i)
{
    while (!p->stop && p->next < p->count &&
           p->next >= p->merged + p->window)
        pthread_cond_wait(&p->merged_one, &p->lock);
    if (p->stop || p->next >= p->count)
        return false;
    *i = p->next++;
    return true;
}

static void *work(void *arg)
{
    worker *w = arg;
    pool *p = w->p;
    size_t i;
    pthread_mutex_lock(&p->lock);
    while (take_input(p, &i)) {
        pthread_mutex_unlock(&p->lock);
        /* A cancelled run reads no more; the merge stops at this slot. */
        if (cancelled(p->e))
            p->slots[i].status = BAYAN_ERR_CANCELLED;
        else
            read_one(p, w, i);
        pthread_mutex_lock(&p->lock);
        p->slots[i].done = true;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Replays input i's diagnostics and merges it (on the calling thread). */
static bayan_status merge_one(pool *p, bayan_graph *graph, size_t i)
{
    slot *s = &p->slots[i];
    kept_replay(&s->diags, &p->e->reporter);
    if (s->status == BAYAN_OK)
        s->status = engine_merge(p->e, graph, s->part, s->ready,
                                 s->ids.article, p->paths[i]);
    return s->status;
}

/* Merges the inputs in order as they are done; stops early when the run
 * is cancelled. */
static bayan_status merge_all(pool *p, bayan_graph *graph,
                              bayan_read_done_fn done, void *user)
{
    bayan_status st = BAYAN_OK;
    pthread_mutex_lock(&p->lock);
    while (p->merged < p->count) {
        size_t i = p->merged;
        while (!p->slots[i].done)
            pthread_cond_wait(&p->done, &p->lock);
        pthread_mutex_unlock(&p->lock);
        bayan_status one = p->slots[i].status == BAYAN_ERR_CANCELLED ||
                                   cancelled(p->e)
                               ? BAYAN_ERR_CANCELLED
                               : merge_one(p, graph, i);
        if (one != BAYAN_ERR_CANCELLED && done)
            done(user, i, one, p->slots[i].bytes);
        slot_clear(&p->slots[i]);
        pthread_mutex_lock(&p->lock);
        if (one == BAYAN_ERR_CANCELLED) {
            st = BAYAN_ERR_CANCELLED;
            p->stop = true;
            pthread_cond_broadcast(&p->merged_one);
            break;
        }
        p->merged++;
        pthread_cond_broadcast(&p->merged_one);
    }
    pthread_mutex_unlock(&p->lock);
    return st;
}

static unsigned default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (unsigned)n : 1;
}

/* Starts up to jobs workers; *started says how many run. */
static bayan_status start_workers(pool *p, worker *ws, unsigned jobs,
                                  unsigned *started)
{
    bayan_status st = BAYAN_OK;
    *started = 0;
    for (unsigned k = 0; k < jobs && st == BAYAN_OK; k++) {
        ws[k].p = p;
        st = text_segmenter_new(&ws[k].segmenter);
        if (st == BAYAN_OK &&
            pthread_create(&ws[k].thread, NULL, work, &ws[k]) != 0) {
            text_segmenter_free(ws[k].segmenter);
            st = *started ? BAYAN_OK : BAYAN_ERR_INTERNAL; /* fewer do */
            break;
        }
        if (st == BAYAN_OK)
            ++*started;
    }
    return *started ? BAYAN_OK : st;
}

static void stop_workers(pool *p, worker *ws, unsigned started)
{
    pthread_mutex_lock(&p->lock);
    p->stop = true;
    pthread_cond_broadcast(&p->merged_one);
    pthread_mutex_unlock(&p->lock);
    for (unsigned k = 0; k < started; k++) {
        pthread_join(ws[k].thread, NULL);
        text_segmenter_free(ws[k].segmenter);
    }
}

bayan_status bayan_read_files(const bayan_engine *e, bayan_graph *graph,
                              const char *const *paths, size_t count,
                              unsigned jobs, bayan_read_done_fn done,
                              void *user)
{
    if (!e || !graph || (count && !paths))
        return BAYAN_ERR_ARGUMENT;
    if (count == 0)
        return BAYAN_OK;
    jobs = jobs ? jobs : default_jobs();
    if (jobs > count)
        jobs = (unsigned)count;
    /* Articles wait for the merge in order: two per worker keep every
     * worker busy behind a slow one, and bound the memory they hold (an
     * article's graph is a few MB while it waits). */
    pool p = {.e = e, .paths = paths, .count = count,
              .spooling = graph_spooling(graph), .window = 2 * (size_t)jobs};
    p.slots = calloc(count, sizeof *p.slots);
    worker *ws = calloc(jobs, sizeof *ws);
    if (!p.slots || !ws) {
        free(p.slots);
        free(ws);
        return BAYAN_ERR_NOMEM;
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.done, NULL);
    pthread_cond_init(&p.merged_one, NULL);
    unsigned started;
    bayan_status st = start_workers(&p, ws, jobs, &started);
    if (st == BAYAN_OK)
        st = merge_all(&p, graph, done, user);
    stop_workers(&p, ws, started);
    for (size_t i = 0; i < count; i++)
        slot_clear(&p.slots[i]);
    pthread_cond_destroy(&p.merged_one);
    pthread_cond_destroy(&p.done);
    pthread_mutex_destroy(&p.lock);
    free(p.slots);
    free(ws);
    return st;
}
