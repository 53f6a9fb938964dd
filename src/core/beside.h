/* Work run beside the caller. Threads are the engine's business (the
 * layering rule keeps pthread.h there): a lower layer that can split its
 * work is handed a beside_runner, and runs a task itself when it has none
 * or the runner cannot start one. */
#ifndef BAYAN_CORE_BESIDE_H
#define BAYAN_CORE_BESIDE_H

#include <stdbool.h>

typedef struct beside_runner {
    void *user; /**< passed to start and wait */
    /** Starts task(arg) beside the caller; *handle is for wait. False when
     *  it cannot (the caller then runs the task itself). */
    bool (*start)(void *user, void (*task)(void *), void *arg,
                  void **handle);
    /** Returns when the task started with handle is done. */
    void (*wait)(void *user, void *handle);
} beside_runner;

#endif
