/* An export run in a child process (see export.h): Graphviz's layout can
 * take minutes on a large graph and never returns to us in between, so it
 * runs where it can be stopped. The parent copies the child's output to
 * the sink and polls the cancel callback ten times a second while it
 * waits; when asked to stop it kills the child at once. */
#include "export/export.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* A bayan_write_fn over a pipe's write end (user: the descriptor). */
static bool fd_write(void *user, const void *bytes, size_t len)
{
    int fd = *(int *)user;
    const char *p = bytes;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* The child's last word: fn's status, one byte. */
static void send_status(int fd, unsigned char st)
{
    while (write(fd, &st, 1) < 0 && errno == EINTR)
        ;
}

static bool cancelled(const export_env *e)
{
    return e && e->cancelled && e->cancelled(e->cancel_user);
}

/* Copies the child's output to the sink until it ends or we are asked to
 * stop; BAYAN_ERR_CANCELLED or BAYAN_ERR_IO ends it early. */
static bayan_status copy_output(const export_env *e, int fd,
                                bayan_write_fn write, void *user)
{
    char buf[65536];
    for (;;) {
        if (cancelled(e))
            return BAYAN_ERR_CANCELLED;
        struct pollfd p = {fd, POLLIN, 0};
        int ready = poll(&p, 1, 100);
        if (ready < 0 && errno != EINTR)
            return BAYAN_ERR_INTERNAL;
        if (ready <= 0)
            continue;
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return BAYAN_ERR_INTERNAL;
        if (n == 0)
            return BAYAN_OK;
        if (!write(user, buf, (size_t)n))
            return BAYAN_ERR_IO;
    }
}

/* The child's status: what fn returned, the one byte it sent on the
 * status pipe (not its exit code, which a tool watching the process, such
 * as valgrind, may replace). Reaps the child. */
static bayan_status child_status(const export_env *e, pid_t pid, int fd)
{
    unsigned char byte;
    ssize_t n;
    while ((n = read(fd, &byte, 1)) < 0 && errno == EINTR)
        ;
    int ws = 0;
    while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
        ;
    if (n == 1)
        return (bayan_status)byte;
    report(export_reporter(e), BAYAN_ERROR, BAYAN_ERR_INTERNAL, NULL, -1,
           "the drawing's process ended without a word (%s %d)",
           WIFSIGNALED(ws) ? "signal" : "exit status",
           WIFSIGNALED(ws) ? WTERMSIG(ws) : WEXITSTATUS(ws));
    return BAYAN_ERR_INTERNAL;
}

bayan_status export_apart(const export_env *e, export_apart_fn fn, void *arg,
                          bayan_write_fn write, void *user)
{
    int fds[2], status[2];
    if (pipe(fds) != 0)
        return fn(arg, write, user); /* no room for a child: run here */
    if (pipe(status) != 0) {
        close(fds[0]);
        close(fds[1]);
        return fn(arg, write, user);
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        close(status[0]);
        close(status[1]);
        return fn(arg, write, user);
    }
    if (pid == 0) {
        close(fds[0]);
        close(status[0]);
        /* SIGPIPE if the parent is gone: nothing left to do. */
        unsigned char st = (unsigned char)fn(arg, fd_write, &fds[1]);
        close(fds[1]);
        send_status(status[1], st);
        _exit(0); /* no atexit handlers or stdio buffers of the parent's */
    }
    close(fds[1]);
    close(status[1]);
    bayan_status st = copy_output(e, fds[0], write, user);
    close(fds[0]);
    if (st != BAYAN_OK)
        kill(pid, SIGKILL);
    bayan_status child = child_status(e, pid, status[0]);
    close(status[0]);
    return st != BAYAN_OK ? st : child;
}
