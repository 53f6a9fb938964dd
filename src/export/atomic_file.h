/* An output file replaced atomically: written under a temporary name
 * beside its final path, synced, then renamed. */
#ifndef BAYAN_EXPORT_ATOMIC_FILE_H
#define BAYAN_EXPORT_ATOMIC_FILE_H

#include "bayan/bayan.h"

/** A file being written under a temporary name beside its final path. */
typedef struct atomic_file atomic_file;

/** Creates "DIR/.NAME.PID.XXXXXX" next to path, after removing those of
 *  processes that are gone (a killed run's). */
bayan_status atomic_open(const char *path, atomic_file **out);
/** A bayan_write_fn over an atomic_file (user). */
bool atomic_write(void *user, const void *bytes, size_t len);
/** Flushes, syncs and closes the temporary file without renaming it (then
 *  atomic_commit renames it, atomic_abort removes it). On failure the
 *  caller still owns f. */
bayan_status atomic_finish(atomic_file *f);
/** Flushes, syncs (unless atomic_finish did) and renames the temporary file over path; frees f. On
 *  failure the temporary file is removed and path is untouched. */
bayan_status atomic_commit(atomic_file *f);
/** Removes the temporary file and frees f (NULL is a no-op). */
void atomic_abort(atomic_file *f);

#endif
