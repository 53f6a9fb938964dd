/* Diagnostics kept to be said later: a thread that must not call the
 * user's callback (a worker, a loader beside the main thread) keeps them,
 * and the thread that owns the reporter says them, in their order, where
 * a run on one thread would have said them. */
#include "core/report.h"

#include <stdlib.h>
#include <string.h>

struct kept_report {
    bayan_diagnostic d;
    char *file;
    char *message;
};

/* Keeps a copy of d. Out of memory, the diagnostic is lost rather than
 * the work it is about. */
static void keep_one(void *user, const bayan_diagnostic *d)
{
    kept_reports *k = user;
    if (k->count == k->capacity) {
        size_t cap = k->capacity ? k->capacity * 2 : 4;
        struct kept_report *grown = realloc(k->items, cap * sizeof *grown);
        if (!grown)
            return;
        k->items = grown;
        k->capacity = cap;
    }
    struct kept_report *r = &k->items[k->count];
    r->d = *d;
    r->file = d->file ? strdup(d->file) : NULL;
    r->message = strdup(d->message ? d->message : "");
    if ((d->file && !r->file) || !r->message) {
        free(r->file);
        free(r->message);
        return;
    }
    r->d.file = r->file;
    r->d.message = r->message;
    k->count++;
}

reporter kept_reporter(kept_reports *k)
{
    return (reporter){keep_one, k};
}

void kept_replay(const kept_reports *k, const reporter *to)
{
    for (size_t i = 0; to && to->fn && i < k->count; i++)
        to->fn(to->user, &k->items[i].d);
}

void kept_clear(kept_reports *k)
{
    for (size_t i = 0; i < k->count; i++) {
        free(k->items[i].file);
        free(k->items[i].message);
    }
    free(k->items);
    memset(k, 0, sizeof *k);
}
