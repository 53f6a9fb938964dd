/* Every output file goes through atomic_file so that a failed or
 * interrupted export never leaves a half-written file behind. */
#include "export/atomic_file.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct atomic_file {
    char *path;
    char *temp_path;
    FILE *stream;
    bool failed;
};

/* The process id in a temporary name ".NAME.<pid>.XXXXXX" of name, or 0
 * when entry is not one. */
static long temp_owner(const char *entry, const char *name)
{
    size_t n = strlen(name);
    if (entry[0] != '.' || strncmp(entry + 1, name, n) != 0 ||
        entry[1 + n] != '.')
        return 0;
    char *end;
    errno = 0;
    long pid = strtol(entry + 2 + n, &end, 10);
    if (errno || pid <= 0 || end == entry + 2 + n || *end != '.' ||
        strlen(end + 1) != 6)
        return 0;
    return pid;
}

/* Removes the temporary files of name that a process killed before it
 * could clean up (SIGKILL, a crash, a second SIGINT) left in dir: those
 * whose process is gone. Only a process on this machine can be asked, so
 * a directory shared by several machines may keep some. */
static void sweep_stale(const char *dir, const char *name)
{
    DIR *d = opendir(*dir ? dir : ".");
    if (!d)
        return;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        long pid = temp_owner(ent->d_name, name);
        if (pid == 0 || pid == (long)getpid() ||
            kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        size_t n = strlen(dir) + strlen(ent->d_name) + 2;
        char *stale = malloc(n);
        if (stale) {
            snprintf(stale, n, "%s%s", dir, ent->d_name);
            unlink(stale);
            free(stale);
        }
    }
    closedir(d);
}

bayan_status atomic_open(const char *path, atomic_file **out)
{
    *out = NULL;
    atomic_file *f = calloc(1, sizeof *f);
    if (!f)
        return BAYAN_ERR_NOMEM;
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dir_len;
    size_t n = strlen(path) + 40;
    f->path = strdup(path);
    f->temp_path = malloc(n);
    if (!f->path || !f->temp_path) {
        atomic_abort(f);
        return BAYAN_ERR_NOMEM;
    }
    /* The directory part, for the sweep ("" for the current one). */
    snprintf(f->temp_path, n, "%.*s", (int)dir_len, path);
    sweep_stale(f->temp_path, base);
    /* Our process id in the name tells a later run whether we are gone. */
    snprintf(f->temp_path, n, "%.*s.%s.%ld.XXXXXX", (int)dir_len, path, base,
             (long)getpid());
    int fd = mkstemp(f->temp_path);
    if (fd < 0) {
        free(f->temp_path);
        f->temp_path = NULL;
        atomic_abort(f);
        return BAYAN_ERR_IO;
    }
    f->stream = fdopen(fd, "wb");
    if (!f->stream) {
        close(fd);
        atomic_abort(f);
        return BAYAN_ERR_IO;
    }
    *out = f;
    return BAYAN_OK;
}

bool atomic_write(void *user, const void *bytes, size_t len)
{
    atomic_file *f = user;
    if (f->failed)
        return false;
    if (len && fwrite(bytes, 1, len, f->stream) != len)
        f->failed = true;
    return !f->failed;
}

bayan_status atomic_finish(atomic_file *f)
{
    if (!f->stream)
        return f->failed ? BAYAN_ERR_IO : BAYAN_OK;
    /* mkstemp creates 0600; outputs are meant to be shared (no umask
     * dance: it is process-wide state). */
    bool ok = !f->failed && fflush(f->stream) == 0 &&
              fchmod(fileno(f->stream), 0644) == 0 &&
              fsync(fileno(f->stream)) == 0;
    ok = (fclose(f->stream) == 0) && ok;
    f->stream = NULL;
    f->failed = !ok;
    return ok ? BAYAN_OK : BAYAN_ERR_IO;
}

bayan_status atomic_commit(atomic_file *f)
{
    bool ok = atomic_finish(f) == BAYAN_OK &&
              rename(f->temp_path, f->path) == 0;
    if (ok) {
        free(f->temp_path);
        f->temp_path = NULL;
    }
    atomic_abort(f);
    return ok ? BAYAN_OK : BAYAN_ERR_IO;
}

void atomic_abort(atomic_file *f)
{
    if (!f)
        return;
    if (f->stream)
        fclose(f->stream);
    if (f->temp_path)
        unlink(f->temp_path);
    free(f->temp_path);
    free(f->path);
    free(f);
}
