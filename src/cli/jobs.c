/* Reading the files found, on several threads (bayan_read_files), with a
 * progress line on a terminal. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"

void queue_file(run *r, const char *path, unsigned long long size)
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
    if (!r->c->progress || (t - r->shown < 0.25 && r->done_files < total))
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
    if (r->c->progress && r->shown > 0)
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

void read_queued(run *r)
{
    if (r->queued > 0 && !cli_interrupted()) {
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
