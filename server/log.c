/* log.c: the buffered access-log sink (see log.h). Two buffers: writers fill the active
 * one; when FLUSH_AT bytes are in it (or a second has passed) it becomes the pending
 * one, which the writer thread writes while the other fills. */
#include "bordercoop/log.h"

#include "bordercoop/alloc.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A buffer is handed to the writer once FLUSH_AT bytes are in it (nginx's buffer=64k
 * writes about as much at a time); BUF_SIZE is the room left to the I/O thread while the
 * writer thread waits for the CPU or the disk: at 60,000 requests a second (6 MB/s of
 * lines) it is about 80 ms. Only the pages a burst reaches are ever touched. */
#define BUF_SIZE (512 * 1024)
#define FLUSH_AT (32 * 1024)

typedef struct logbuf {
    char *data;
    size_t len;
} logbuf;

struct bc_log {
    char path[1024]; /* "" for stderr */
    int fd;
    pthread_mutex_t lock;
    pthread_cond_t work; /* for the writer: a buffer is pending, a reopen, or stop */
    pthread_cond_t idle; /* for bc_log_flush: the writer wrote what was pending */
    logbuf bufs[2];
    logbuf *active;  /* being filled */
    logbuf *pending; /* handed to the writer (being written), NULL when none */
    int reopen, stopping;
    unsigned long long lines, dropped, write_errors, flushes, asked, done;
    pthread_t thread;
    int started;
};

/* Hands the active buffer to the writer (caller holds the lock; none is pending). */
static void hand_over(bc_log *l)
{
    l->pending = l->active;
    l->active = l->active == &l->bufs[0] ? &l->bufs[1] : &l->bufs[0];
    pthread_cond_signal(&l->work);
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int open_file(const char *path)
{
    return open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
}

static void *writer_main(void *arg)
{
    bc_log *l = arg;
    pthread_mutex_lock(&l->lock);
    for (;;) {
        if (l->reopen) {
            l->reopen = 0;
            pthread_mutex_unlock(&l->lock);
            int fd = open_file(l->path);
            pthread_mutex_lock(&l->lock);
            if (fd >= 0) {
                close(l->fd);
                l->fd = fd;
            } else {
                l->write_errors++; /* keep writing to the old file */
            }
        }
        /* a flush asked for, or the end: what is in the active buffer goes now */
        if (l->pending == NULL && (l->stopping || l->asked != l->done) && l->active->len > 0)
            hand_over(l);
        if (l->pending != NULL) {
            logbuf *b = l->pending;
            int fd = l->fd;
            pthread_mutex_unlock(&l->lock);
            int rc = write_all(fd, b->data, b->len);
            pthread_mutex_lock(&l->lock);
            if (rc != 0)
                l->write_errors++;
            l->flushes++;
            b->len = 0;
            l->pending = NULL;
            continue;
        }
        if (l->done != l->asked) {
            l->done = l->asked;
            pthread_cond_broadcast(&l->idle);
        }
        if (l->stopping)
            break;
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_sec += 1;
        if (pthread_cond_timedwait(&l->work, &l->lock, &until) == ETIMEDOUT && l->pending == NULL &&
            l->active->len > 0)
            hand_over(l); /* at least once a second */
    }
    pthread_mutex_unlock(&l->lock);
    return NULL;
}

int bc_log_open(const char *path, bc_log **out, bc_err *err)
{
    *out = NULL;
    bc_log *l = bc_calloc(1, sizeof *l);
    if (l == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    snprintf(l->path, sizeof l->path, "%s", path != NULL ? path : "");
    l->bufs[0].data = bc_malloc(BUF_SIZE);
    l->bufs[1].data = bc_malloc(BUF_SIZE);
    int rc =
        l->bufs[0].data && l->bufs[1].data ? BC_OK : bc_err_set(err, BC_ENOMEM, "out of memory");
    l->fd = 2;
    if (rc == BC_OK && l->path[0] != '\0') {
        l->fd = open_file(l->path);
        if (l->fd < 0)
            rc = bc_err_set(err, BC_EIO, "cannot open the log file %s: %s", l->path,
                            strerror(errno));
    }
    if (rc != BC_OK) {
        bc_free(l->bufs[0].data);
        bc_free(l->bufs[1].data);
        bc_free(l);
        return rc;
    }
    l->active = &l->bufs[0];
    pthread_mutex_init(&l->lock, NULL);
    pthread_condattr_t monotonic;
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    pthread_cond_init(&l->work, &monotonic);
    pthread_condattr_destroy(&monotonic);
    pthread_cond_init(&l->idle, NULL);
    if (pthread_create(&l->thread, NULL, writer_main, l) != 0) {
        l->started = 0;
        bc_log_close(l);
        return bc_err_set(err, BC_EIO, "cannot start the log writer");
    }
    l->started = 1;
    *out = l;
    return BC_OK;
}

void bc_log_write(bc_log *l, const char *line, size_t n)
{
    pthread_mutex_lock(&l->lock);
    if (l->active->len + n > BUF_SIZE) {
        if (l->pending != NULL || n > BUF_SIZE) {
            /* the writer is behind (or the line is absurd): drop rather than wait */
            l->dropped++;
            pthread_mutex_unlock(&l->lock);
            return;
        }
        hand_over(l);
    }
    memcpy(l->active->data + l->active->len, line, n);
    l->active->len += n;
    l->lines++;
    if (l->active->len >= FLUSH_AT && l->pending == NULL)
        hand_over(l);
    pthread_mutex_unlock(&l->lock);
}

int bc_log_reopen(bc_log *l)
{
    if (l->path[0] == '\0')
        return 0;
    pthread_mutex_lock(&l->lock);
    l->reopen = 1;
    pthread_cond_signal(&l->work);
    pthread_mutex_unlock(&l->lock);
    return 1;
}

void bc_log_flush(bc_log *l)
{
    pthread_mutex_lock(&l->lock);
    unsigned long long ticket = ++l->asked;
    pthread_cond_signal(&l->work);
    while (l->done < ticket)
        pthread_cond_wait(&l->idle, &l->lock);
    pthread_mutex_unlock(&l->lock);
}

void bc_log_close(bc_log *l)
{
    if (l == NULL)
        return;
    if (l->started) {
        pthread_mutex_lock(&l->lock);
        l->stopping = 1;
        pthread_cond_signal(&l->work);
        pthread_mutex_unlock(&l->lock);
        pthread_join(l->thread, NULL);
    }
    if (l->fd > 2)
        close(l->fd);
    pthread_mutex_destroy(&l->lock);
    pthread_cond_destroy(&l->work);
    pthread_cond_destroy(&l->idle);
    bc_free(l->bufs[0].data);
    bc_free(l->bufs[1].data);
    bc_free(l);
}

void bc_log_get_stats(bc_log *l, bc_log_stats *out)
{
    pthread_mutex_lock(&l->lock);
    out->lines = l->lines;
    out->dropped = l->dropped;
    out->write_errors = l->write_errors;
    out->flushes = l->flushes;
    pthread_mutex_unlock(&l->lock);
}
