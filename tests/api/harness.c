/* harness.c: daemon control and a minimal HTTP/1.1 client for the API tests; see harness.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "harness.h"

#include "bordercoop/loader.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#define LOG_TAIL_MAX 8192 /* bytes of daemon log echoed on failure */

/* ---- diagnostics, time, small buffers -------------------------------------------------- */

static int diagnostics_on = 1;

void bct_set_diagnostics(int on)
{
    diagnostics_on = on;
}

static void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void diag(const char *fmt, ...)
{
    if (!diagnostics_on)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("bct: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t deadline_after(int timeout_ms)
{
    return now_ms() + (timeout_ms > 0 ? timeout_ms : BCT_DEFAULT_TIMEOUT_MS);
}

/* Milliseconds left until deadline, 0 when it has passed. */
static int remaining_ms(int64_t deadline)
{
    int64_t left = deadline - now_ms();
    if (left <= 0)
        return 0;
    return left > INT_MAX ? INT_MAX : (int)left;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* Growable byte buffer, always NUL-terminated once allocated; `failed` is sticky. */
typedef struct sbuf {
    char *data;
    size_t len, cap;
    int failed;
} sbuf;

static void sbuf_append(sbuf *b, const void *p, size_t n)
{
    if (b->failed)
        return;
    if (n >= SIZE_MAX / 2 - b->len) {
        b->failed = 1;
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (d == NULL) {
            b->failed = 1;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    if (n > 0)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void sbuf_puts(sbuf *b, const char *s)
{
    sbuf_append(b, s, strlen(s));
}

/* Copy of n bytes plus a NUL, or NULL. */
static char *memdup0(const char *p, size_t n)
{
    char *s = malloc(n + 1);
    if (s == NULL)
        return NULL;
    if (n > 0)
        memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

/* Whole file as a malloc'd NUL-terminated string, or NULL. */
static char *slurp(const char *path, size_t *len_out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    sbuf b = {0};
    char chunk[8192];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            b.failed = 1;
            break;
        }
        if (n == 0)
            break;
        sbuf_append(&b, chunk, (size_t)n);
    }
    close(fd);
    sbuf_append(&b, "", 0); /* allocate even when empty */
    if (b.failed) {
        free(b.data);
        return NULL;
    }
    if (len_out != NULL)
        *len_out = b.len;
    return b.data;
}

/* ---- the daemon ----------------------------------------------------------------------- */

static void echo_log(const char *log_file)
{
    if (!diagnostics_on || log_file[0] == '\0')
        return;
    size_t len = 0;
    char *s = slurp(log_file, &len);
    if (s == NULL)
        return;
    size_t from = len > LOG_TAIL_MAX ? len - LOG_TAIL_MAX : 0;
    fprintf(stderr, "bct: ---- daemon log %s%s ----\n", log_file, from ? " (tail)" : "");
    fwrite(s + from, 1, len - from, stderr);
    if (len > 0 && s[len - 1] != '\n')
        fputc('\n', stderr);
    fputs("bct: ---- end of daemon log ----\n", stderr);
    free(s);
}

static void describe_status(int status, char *out, size_t n)
{
    if (WIFEXITED(status))
        snprintf(out, n, "exit status %d", WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        snprintf(out, n, "killed by signal %d (%s)", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        snprintf(out, n, "wait status 0x%x", (unsigned)status);
}

/* Removes every file in dir, then dir (the daemon may leave a temp file of its own). */
static void remove_dir(const char *dir)
{
    if (dir[0] == '\0')
        return;
    DIR *dp = opendir(dir);
    if (dp != NULL) {
        struct dirent *e;
        while ((e = readdir(dp)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char path[PATH_MAX];
            int n = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            if (n > 0 && (size_t)n < sizeof path)
                unlink(path);
        }
        closedir(dp);
    }
    if (rmdir(dir) != 0 && errno != ENOENT)
        diag("cannot remove %s: %s", dir, strerror(errno));
}

/* Reaps pid, waiting up to timeout_ms (0 = just check). 1 = reaped, 0 = still running,
 * -1 = error. */
static int reap(pid_t pid, int *status, int timeout_ms)
{
    int64_t deadline = now_ms() + timeout_ms;
    for (;;) {
        pid_t w = waitpid(pid, status, WNOHANG);
        if (w == pid)
            return 1;
        if (w < 0 && errno != EINTR) {
            diag("waitpid(%ld): %s", (long)pid, strerror(errno));
            return -1;
        }
        if (w == 0 && remaining_ms(deadline) == 0)
            return 0;
        if (w == 0)
            sleep_ms(2);
    }
}

static void kill_and_reap(pid_t pid)
{
    int status;
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
}

/* 1 and *port set when path holds "<1..65535>\n", else 0 (absent or not complete). */
static int read_ready_file(const char *path, int *port)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buf[16];
    size_t n = 0;
    while (n < sizeof buf) {
        ssize_t r = read(fd, buf + n, sizeof buf - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    size_t i = 0;
    long v = 0;
    while (i < n && i < 6 && isdigit((unsigned char)buf[i]))
        v = v * 10 + (buf[i++] - '0');
    if (i == 0 || i > 5 || i + 1 != n || buf[i] != '\n' || v < 1 || v > 65535)
        return 0;
    *port = (int)v;
    return 1;
}

/* In the forked child: only async-signal-safe calls until exec. */
static void exec_child(const char *const *argv, int log_fd, pid_t parent, int max_fd)
    __attribute__((noreturn));
static void exec_child(const char *const *argv, int log_fd, pid_t parent, int max_fd)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(127);
#else
    (void)parent;
#endif
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGCHLD, SIG_DFL);
    if (log_fd < 3 && (log_fd = fcntl(log_fd, F_DUPFD, 3)) < 0)
        _exit(127);
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(log_fd, 1) < 0 || dup2(log_fd, 2) < 0)
        _exit(127);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    (void)max_fd;
    closefrom(3);
#else
    for (int fd = 3; fd < max_fd; fd++)
        close(fd);
#endif
    execvp(argv[0], (char *const *)argv);
    int err = errno;
    char num[16];
    size_t i = sizeof num;
    num[--i] = '\n';
    do {
        num[--i] = (char)('0' + err % 10);
        err /= 10;
    } while (err > 0 && i > 1);
    static const char msg[] = "bct: cannot execute ", mid[] = ": errno ";
    (void)!write(2, msg, sizeof msg - 1);
    (void)!write(2, argv[0], strlen(argv[0]));
    (void)!write(2, mid, sizeof mid - 1);
    (void)!write(2, num + i, sizeof num - i);
    _exit(127);
}

int bct_daemon_start(bct_daemon *d, const char *binary, const char *db,
                     const char *const *extra_args, int timeout_ms)
{
    if (d == NULL)
        return -1;
    memset(d, 0, sizeof *d);
    if (binary == NULL || binary[0] == '\0') {
        diag("bct_daemon_start: no binary given");
        return -1;
    }
    if (timeout_ms <= 0)
        timeout_ms = BCT_DEFAULT_TIMEOUT_MS;

    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    int n = snprintf(d->dir, sizeof d->dir, "%s/bct-XXXXXX", tmp);
    if (n < 0 || (size_t)n + sizeof "/daemon.log" > sizeof d->log_file) {
        diag("bct_daemon_start: TMPDIR path too long");
        memset(d, 0, sizeof *d);
        return -1;
    }
    if (mkdtemp(d->dir) == NULL) {
        diag("bct_daemon_start: mkdtemp %s: %s", d->dir, strerror(errno));
        memset(d, 0, sizeof *d);
        return -1;
    }
    /* cannot truncate: checked above */
    if (snprintf(d->ready_file, sizeof d->ready_file, "%s/ready", d->dir) < 0 ||
        snprintf(d->log_file, sizeof d->log_file, "%s/daemon.log", d->dir) < 0)
        d->log_file[0] = '\0';

    size_t nextra = 0;
    while (extra_args != NULL && extra_args[nextra] != NULL)
        nextra++;
    const char **argv = calloc(nextra + 8, sizeof *argv);
    int log_fd = open(d->log_file, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (argv == NULL || log_fd < 0) {
        diag("bct_daemon_start: %s", argv == NULL ? "out of memory" : strerror(errno));
        free(argv);
        if (log_fd >= 0)
            close(log_fd);
        remove_dir(d->dir);
        memset(d, 0, sizeof *d);
        return -1;
    }
    size_t k = 0;
    argv[k++] = binary;
    if (db != NULL) {
        argv[k++] = "--db";
        argv[k++] = db;
    }
    argv[k++] = "--listen";
    argv[k++] = "127.0.0.1:0";
    argv[k++] = "--ready-file";
    argv[k++] = d->ready_file;
    for (size_t i = 0; i < nextra; i++)
        argv[k++] = extra_args[i];
    argv[k] = NULL;

    long open_max = sysconf(_SC_OPEN_MAX);
    int max_fd = open_max < 0 || open_max > 65536 ? 65536 : (int)open_max;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0)
        exec_child(argv, log_fd, parent, max_fd);
    int fork_errno = errno;
    close(log_fd);
    free(argv);
    if (pid < 0) {
        diag("bct_daemon_start: fork: %s", strerror(fork_errno));
        remove_dir(d->dir);
        memset(d, 0, sizeof *d);
        return -1;
    }

    int64_t deadline = now_ms() + timeout_ms;
    const char *why = NULL;
    char what[128];
    for (;;) {
        int status, port;
        int r = reap(pid, &status, 0);
        if (r == 1) {
            describe_status(status, what, sizeof what);
            diag("bct_daemon_start: %s exited before it was ready (%s)", binary, what);
            break;
        }
        if (r < 0) {
            why = "cannot wait for it";
            break;
        }
        if (read_ready_file(d->ready_file, &port)) {
            d->pid = pid;
            d->port = port;
            return 0;
        }
        if (remaining_ms(deadline) == 0) {
            why = "timed out waiting for the ready file";
            break;
        }
        sleep_ms(5);
    }
    if (why != NULL) {
        size_t len = 0;
        char *content = slurp(d->ready_file, &len);
        if (content != NULL)
            diag("bct_daemon_start: %s: %s after %d ms; ready file holds %zu bytes \"%.32s\"",
                 binary, why, timeout_ms, len, content);
        else
            diag("bct_daemon_start: %s: %s after %d ms", binary, why, timeout_ms);
        free(content);
        kill_and_reap(pid);
    }
    echo_log(d->log_file);
    remove_dir(d->dir);
    memset(d, 0, sizeof *d);
    return -1;
}

int bct_daemon_stop(bct_daemon *d, int timeout_ms)
{
    if (d == NULL)
        return -1;
    if (timeout_ms <= 0)
        timeout_ms = BCT_DEFAULT_TIMEOUT_MS;
    int result = -1;
    if (d->pid > 0) {
        int status = 0;
        if (kill(d->pid, SIGTERM) != 0 && errno != ESRCH)
            diag("bct_daemon_stop: kill(%ld): %s", (long)d->pid, strerror(errno));
        int r = reap(d->pid, &status, timeout_ms);
        if (r == 0) {
            diag("bct_daemon_stop: no exit within %d ms of SIGTERM; sending SIGKILL", timeout_ms);
            kill_and_reap(d->pid);
        } else if (r == 1) {
            char what[128];
            if (WIFEXITED(status))
                result = WEXITSTATUS(status);
            if (result != 0) {
                describe_status(status, what, sizeof what);
                diag("bct_daemon_stop: daemon ended with %s", what);
            }
        }
        if (result != 0)
            echo_log(d->log_file);
    } else {
        diag("bct_daemon_stop: daemon not running");
    }
    remove_dir(d->dir);
    memset(d, 0, sizeof *d);
    return result;
}

char *bct_daemon_log(const bct_daemon *d)
{
    if (d == NULL || d->log_file[0] == '\0')
        return NULL;
    return slurp(d->log_file, NULL);
}

/* ---- responses ------------------------------------------------------------------------ */

void bct_response_free(bct_response *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->nheaders; i++) {
        free(r->headers[i].name);
        free(r->headers[i].value);
    }
    free(r->headers);
    free(r->reason);
    free(r->body);
    memset(r, 0, sizeof *r);
}

const char *bct_header_get(const bct_response *r, const char *name)
{
    if (r == NULL || name == NULL)
        return NULL;
    for (size_t i = 0; i < r->nheaders; i++)
        if (strcasecmp(r->headers[i].name, name) == 0)
            return r->headers[i].value;
    return NULL;
}

static int is_ows(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Trims spaces and tabs around [*p, *p + *n). */
static void trim(const char **p, size_t *n)
{
    while (*n > 0 && is_ows(**p)) {
        (*p)++;
        (*n)--;
    }
    while (*n > 0 && is_ows((*p)[*n - 1]))
        (*n)--;
}

/* 1 when any `name` header has `token` among its comma-separated elements. */
static int has_token(const bct_response *r, const char *name, const char *token)
{
    size_t tlen = strlen(token);
    for (size_t i = 0; i < r->nheaders; i++) {
        if (strcasecmp(r->headers[i].name, name) != 0)
            continue;
        const char *v = r->headers[i].value;
        while (*v != '\0') {
            size_t n = strcspn(v, ",");
            const char *e = v;
            size_t elen = n;
            trim(&e, &elen);
            if (elen == tlen && strncasecmp(e, token, tlen) == 0)
                return 1;
            v += n;
            if (*v == ',')
                v++;
        }
    }
    return 0;
}

/* Content-Length from every such header (a list of equal values is allowed).
 * 1 and *len set, 0 when absent, -1 when malformed or conflicting. */
static int content_length(const bct_response *r, size_t *len)
{
    int found = 0;
    for (size_t i = 0; i < r->nheaders; i++) {
        if (strcasecmp(r->headers[i].name, "Content-Length") != 0)
            continue;
        const char *v = r->headers[i].value;
        do {
            size_t n = strcspn(v, ",");
            const char *e = v;
            size_t elen = n;
            trim(&e, &elen);
            if (elen == 0)
                return -1;
            size_t val = 0;
            for (size_t j = 0; j < elen; j++) {
                if (!isdigit((unsigned char)e[j]) || val > (SIZE_MAX - 9) / 10)
                    return -1;
                val = val * 10 + (size_t)(e[j] - '0');
            }
            if (found && val != *len)
                return -1;
            *len = val;
            found = 1;
            v += n;
        } while (*v++ == ',');
    }
    return found;
}

/* Body framing from Transfer-Encoding: 0 none, 1 chunked, 2 other coding (until close). */
static int transfer_coding(const bct_response *r)
{
    const char *last = NULL;
    for (size_t i = 0; i < r->nheaders; i++)
        if (strcasecmp(r->headers[i].name, "Transfer-Encoding") == 0)
            last = r->headers[i].value;
    if (last == NULL)
        return 0;
    const char *comma = strrchr(last, ',');
    const char *e = comma ? comma + 1 : last;
    size_t elen = strlen(e);
    trim(&e, &elen);
    return elen == 7 && strncasecmp(e, "chunked", 7) == 0 ? 1 : 2;
}

/* ---- connections ---------------------------------------------------------------------- */

struct bct_conn {
    int fd;
    int port;
    int timeout_ms;
    int eof;    /* the server ended its side */
    int broken; /* a read failed mid-response: stream position unknown */
    char *buf;  /* received bytes not yet consumed are buf[start, len) */
    size_t start, len, cap;
};

/* Waits for events on fd: 1 ready (or error condition to be read), 0 deadline, -1 error. */
static int wait_fd(int fd, short events, int64_t deadline)
{
    for (;;) {
        int left = remaining_ms(deadline);
        if (left == 0)
            return 0;
        struct pollfd p = {fd, events, 0};
        int r = poll(&p, 1, left);
        if (r > 0)
            return 1;
        if (r < 0 && errno != EINTR)
            return -1;
    }
}

bct_conn *bct_connect(int port, int timeout_ms)
{
    return bct_connect_from(port, 1, timeout_ms);
}

bct_conn *bct_connect_from(int port, int from, int timeout_ms)
{
    if (port < 1 || port > 65535 || from < 1 || from > 254) {
        diag("bct_connect: bad port %d", port);
        return NULL;
    }
    if (timeout_ms <= 0)
        timeout_ms = BCT_DEFAULT_TIMEOUT_MS;
    int64_t deadline = deadline_after(timeout_ms);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        diag("bct_connect: socket: %s", strerror(errno));
        return NULL;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in src = {.sin_family = AF_INET};
    src.sin_addr.s_addr = htonl(0x7f000000u | (unsigned)from);
    if (from != 1 && bind(fd, (struct sockaddr *)&src, sizeof src) != 0) {
        diag("bct_connect: binding 127.0.0.%d: %s", from, strerror(errno));
        close(fd);
        return NULL;
    }
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        if (errno != EINPROGRESS && errno != EINTR) {
            diag("bct_connect: 127.0.0.1:%d: %s", port, strerror(errno));
            close(fd);
            return NULL;
        }
        int w = wait_fd(fd, POLLOUT, deadline);
        int err = 0;
        socklen_t elen = sizeof err;
        if (w == 1 && getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) != 0)
            err = errno;
        if (w != 1 || err != 0) {
            diag("bct_connect: 127.0.0.1:%d: %s", port,
                 w == 0 ? "timed out" : strerror(w < 0 ? errno : err));
            close(fd);
            return NULL;
        }
    }
    bct_conn *c = calloc(1, sizeof *c);
    if (c == NULL) {
        diag("bct_connect: out of memory");
        close(fd);
        return NULL;
    }
    c->fd = fd;
    c->port = port;
    c->timeout_ms = timeout_ms;
    return c;
}

void bct_close(bct_conn *c)
{
    if (c == NULL)
        return;
    close(c->fd);
    free(c->buf);
    free(c);
}

/* Sends all of data within the connection timeout. 0, -1 (diagnosed), or -2 when who is NULL
 * and the server closed or reset the connection (not diagnosed: it may have answered early). */
static int send_all(bct_conn *c, const char *data, size_t len, const char *who)
{
    int64_t deadline = deadline_after(c->timeout_ms);
    size_t off = 0;
    while (off < len) {
        ssize_t n = send(c->fd, data + off, len - off, MSG_NOSIGNAL);
        if (n > 0) {
            off += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            int w = wait_fd(c->fd, POLLOUT, deadline);
            if (w == 1)
                continue;
            diag("%s: %s after sending %zu of %zu bytes", who ? who : "bct_request",
                 w == 0 ? "timed out" : strerror(errno), off, len);
            return -1;
        }
        if (who == NULL && n < 0 && (errno == EPIPE || errno == ECONNRESET))
            return -2;
        diag("%s: send: %s (after %zu of %zu bytes)", who ? who : "bct_request",
             n < 0 ? strerror(errno) : "no progress", off, len);
        return -1;
    }
    return 0;
}

int bct_send_raw(bct_conn *c, const char *data, size_t len)
{
    if (c == NULL || (data == NULL && len > 0)) {
        diag("bct_send_raw: bad arguments");
        return -1;
    }
    return send_all(c, data, len, "bct_send_raw");
}

enum { FILL_DATA = 1, FILL_EOF = 0, FILL_ERROR = -1, FILL_TIMEOUT = -2, FILL_RESET = -3 };

/* Reads more bytes into c->buf without letting the unconsumed part exceed
 * BCT_MAX_RESPONSE. May move the data (offsets from c->start stay valid). Returns a FILL_
 * code; only FILL_ERROR has already printed a diagnostic. */
static int fill(bct_conn *c, int64_t deadline)
{
    if (c->eof)
        return FILL_EOF;
    size_t avail = c->len - c->start;
    if (avail >= BCT_MAX_RESPONSE) {
        diag("response larger than %u bytes", BCT_MAX_RESPONSE);
        return FILL_ERROR;
    }
    if (c->cap - c->len < 4096) {
        if (c->start > 0) {
            memmove(c->buf, c->buf + c->start, avail);
            c->start = 0;
            c->len = avail;
        }
        if (c->cap - c->len < 4096 && c->cap < BCT_MAX_RESPONSE) {
            size_t cap = c->cap < 16384 ? 16384 : c->cap * 2;
            if (cap > BCT_MAX_RESPONSE)
                cap = BCT_MAX_RESPONSE;
            char *b = realloc(c->buf, cap);
            if (b == NULL) {
                diag("out of memory for a %zu-byte buffer", cap);
                return FILL_ERROR;
            }
            c->buf = b;
            c->cap = cap;
        }
    }
    size_t room = c->cap - c->len;
    if (room > BCT_MAX_RESPONSE - avail)
        room = BCT_MAX_RESPONSE - avail;
    for (;;) {
        ssize_t n = recv(c->fd, c->buf + c->len, room, 0);
        if (n > 0) {
            c->len += (size_t)n;
            return FILL_DATA;
        }
        if (n == 0) {
            c->eof = 1;
            return FILL_EOF;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            int w = wait_fd(c->fd, POLLIN, deadline);
            if (w == 1)
                continue;
            if (w == 0)
                return FILL_TIMEOUT;
            diag("poll: %s", strerror(errno));
            return FILL_ERROR;
        }
        if (errno == ECONNRESET) {
            c->eof = 1;
            return FILL_RESET;
        }
        diag("recv: %s", strerror(errno));
        return FILL_ERROR;
    }
}

/* Parser state for one response: positions are offsets from c->start. */
typedef struct reader {
    bct_conn *c;
    int64_t deadline;
} reader;

static char *at(const reader *rd, size_t pos)
{
    return rd->c->buf + rd->c->start + pos;
}

static size_t avail(const reader *rd)
{
    return rd->c->len - rd->c->start;
}

/* Makes at least `upto` bytes available. 0 or -1 (diagnosed). */
static int need(reader *rd, size_t upto)
{
    while (avail(rd) < upto) {
        if (upto > BCT_MAX_RESPONSE) {
            diag("response larger than %u bytes", BCT_MAX_RESPONSE);
            return -1;
        }
        int r = fill(rd->c, rd->deadline);
        if (r == FILL_DATA)
            continue;
        if (r == FILL_TIMEOUT)
            diag("timed out reading a response (%zu bytes received)", avail(rd));
        else if (r == FILL_EOF || r == FILL_RESET)
            diag("connection %s by the server %s (%zu bytes received)",
                 r == FILL_EOF ? "closed" : "reset",
                 avail(rd) ? "in the middle of a response" : "before a response", avail(rd));
        return -1;
    }
    return 0;
}

/* Finds the next line at pos: *len excludes the LF and an optional CR before it; *next is
 * the position after the LF. 0 or -1 (diagnosed). */
static int next_line(reader *rd, size_t pos, size_t *len, size_t *next)
{
    size_t scanned = pos;
    for (;;) {
        if (scanned < avail(rd)) {
            const char *p = memchr(at(rd, scanned), '\n', avail(rd) - scanned);
            if (p != NULL) {
                size_t eol = (size_t)(p - at(rd, 0));
                *next = eol + 1;
                if (eol > pos && *at(rd, eol - 1) == '\r')
                    eol--;
                *len = eol - pos;
                if (memchr(at(rd, pos), '\0', *len) != NULL) {
                    diag("NUL byte in a response line");
                    return -1;
                }
                return 0;
            }
            scanned = avail(rd);
        }
        if (need(rd, avail(rd) + 1) != 0)
            return -1;
    }
}

static int add_header(bct_response *r, const char *name, size_t nlen, const char *value,
                      size_t vlen)
{
    /* capacity is 8, then doubles: grow at 0, 8, 16, 32... */
    size_t n0 = r->nheaders;
    if (n0 == 0 || (n0 >= 8 && (n0 & (n0 - 1)) == 0)) {
        size_t cap = n0 == 0 ? 8 : n0 * 2;
        bct_header *h = realloc(r->headers, cap * sizeof *h);
        if (h == NULL)
            return -1;
        r->headers = h;
    }
    char *n = memdup0(name, nlen);
    char *v = memdup0(value, vlen);
    if (n == NULL || v == NULL) {
        free(n);
        free(v);
        return -1;
    }
    r->headers[r->nheaders].name = n;
    r->headers[r->nheaders].value = v;
    r->nheaders++;
    return 0;
}

/* Reads a status line and header block at *pos into out. 0 or -1 (diagnosed). */
static int read_head(reader *rd, size_t *pos, bct_response *out)
{
    size_t len, next;
    if (next_line(rd, *pos, &len, &next) != 0)
        return -1;
    const char *s = at(rd, *pos);
    if (len < 12 || memcmp(s, "HTTP/1.", 7) != 0 || !isdigit((unsigned char)s[7]) || s[8] != ' ' ||
        !isdigit((unsigned char)s[9]) || !isdigit((unsigned char)s[10]) ||
        !isdigit((unsigned char)s[11]) || (len > 12 && s[12] != ' ')) {
        diag("malformed status line \"%.*s\"", (int)(len > 80 ? 80 : len), s);
        return -1;
    }
    out->http_minor = s[7] - '0';
    out->status = (s[9] - '0') * 100 + (s[10] - '0') * 10 + (s[11] - '0');
    const char *reason = len > 12 ? s + 13 : s + len;
    size_t rlen = len > 12 ? len - 13 : 0;
    trim(&reason, &rlen);
    out->reason = memdup0(reason, rlen);
    if (out->reason == NULL) {
        diag("out of memory");
        return -1;
    }
    *pos = next;
    for (;;) {
        if (next_line(rd, *pos, &len, &next) != 0)
            return -1;
        s = at(rd, *pos);
        *pos = next;
        if (len == 0)
            return 0;
        const char *colon = memchr(s, ':', len);
        if (is_ows(s[0]) || colon == NULL || colon == s) {
            diag("malformed header line \"%.*s\"", (int)(len > 80 ? 80 : len), s);
            return -1;
        }
        const char *name = s, *value = colon + 1;
        size_t nlen = (size_t)(colon - s), vlen = len - nlen - 1;
        trim(&name, &nlen);
        trim(&value, &vlen);
        if (add_header(out, name, nlen, value, vlen) != 0) {
            diag("out of memory");
            return -1;
        }
    }
}

/* Decodes a chunked body at *pos into b, skipping extensions and trailers. */
static int read_chunked(reader *rd, size_t *pos, sbuf *b)
{
    for (;;) {
        size_t len, next;
        if (next_line(rd, *pos, &len, &next) != 0)
            return -1;
        const char *s = at(rd, *pos);
        size_t i = 0, size = 0;
        while (i < len && isxdigit((unsigned char)s[i])) {
            if (size > BCT_MAX_RESPONSE) {
                diag("chunk larger than %u bytes", BCT_MAX_RESPONSE);
                return -1;
            }
            int ch = tolower((unsigned char)s[i++]);
            size = size * 16 + (size_t)(isdigit(ch) ? ch - '0' : ch - 'a' + 10);
        }
        while (i < len && is_ows(s[i]))
            i++;
        if (i == 0 || (i < len && s[i] != ';')) {
            diag("malformed chunk size line \"%.*s\"", (int)(len > 80 ? 80 : len), s);
            return -1;
        }
        *pos = next;
        if (size == 0)
            break;
        if (need(rd, *pos + size + 1) != 0)
            return -1;
        size_t end = *pos + size;
        if (*at(rd, end) == '\r' && need(rd, end + 2) != 0)
            return -1;
        size_t crlf = *at(rd, end) == '\r' ? 2 : 1;
        if (*at(rd, end + crlf - 1) != '\n') {
            diag("chunk of %zu bytes not followed by CRLF", size);
            return -1;
        }
        sbuf_append(b, at(rd, *pos), size);
        if (b->failed) {
            diag("out of memory");
            return -1;
        }
        *pos = end + crlf;
    }
    for (;;) { /* trailer section up to the blank line */
        size_t len, next;
        if (next_line(rd, *pos, &len, &next) != 0)
            return -1;
        *pos = next;
        if (len == 0)
            return 0;
    }
}

/* Everything up to the end of the stream from pos. */
static int read_until_close(reader *rd)
{
    for (;;) {
        int r = fill(rd->c, rd->deadline);
        if (r == FILL_DATA)
            continue;
        if (r == FILL_EOF)
            return 0;
        if (r == FILL_TIMEOUT)
            diag("timed out waiting for the server to close a close-delimited body");
        else if (r == FILL_RESET)
            diag("connection reset during a close-delimited body");
        return -1;
    }
}

static int read_response(bct_conn *c, int is_head, bct_response *out)
{
    reader rd = {c, deadline_after(c->timeout_ms)};
    size_t pos = 0;
    for (;;) {
        if (read_head(&rd, &pos, out) != 0)
            return -1;
        if (out->status >= 200 || out->status == 101)
            break;
        c->start += pos; /* skip the interim response */
        pos = 0;
        bct_response_free(out);
    }
    out->keep_alive = out->http_minor >= 1 ? !has_token(out, "Connection", "close")
                                           : has_token(out, "Connection", "keep-alive");
    sbuf body = {0};
    int no_body = is_head || out->status < 200 || out->status == 204 || out->status == 304;
    int coding = no_body ? 0 : transfer_coding(out);
    size_t clen = 0;
    int has_len = no_body || coding ? 0 : content_length(out, &clen);
    if (has_len < 0) {
        diag("malformed or conflicting Content-Length headers");
        return -1;
    }
    if (no_body) {
        /* nothing */
    } else if (coding == 1) {
        if (read_chunked(&rd, &pos, &body) != 0) {
            free(body.data);
            return -1;
        }
    } else if (has_len) {
        if (clen > BCT_MAX_RESPONSE - pos) {
            diag("Content-Length %zu exceeds the %u-byte response limit", clen, BCT_MAX_RESPONSE);
            return -1;
        }
        if (need(&rd, pos + clen) != 0)
            return -1;
        sbuf_append(&body, at(&rd, pos), clen);
        pos += clen;
    } else {
        if (read_until_close(&rd) != 0)
            return -1;
        sbuf_append(&body, at(&rd, pos), avail(&rd) - pos);
        pos = avail(&rd);
        out->keep_alive = 0;
    }
    sbuf_append(&body, "", 0);
    if (body.failed) {
        free(body.data);
        diag("out of memory");
        return -1;
    }
    out->body = body.data;
    out->body_len = body.len;
    c->start += pos;
    if (c->start == c->len)
        c->start = c->len = 0;
    return 0;
}

int bct_read_response(bct_conn *c, int is_head, bct_response *out)
{
    if (out == NULL)
        return -1;
    memset(out, 0, sizeof *out);
    if (c == NULL) {
        diag("bct_read_response: no connection");
        return -1;
    }
    if (c->broken) {
        diag("bct_read_response: connection unusable after an earlier failed read");
        return -1;
    }
    if (read_response(c, is_head, out) != 0) {
        c->broken = 1;
        bct_response_free(out);
        return -1;
    }
    return 0;
}

/* ---- response recording (BCT_RECORD) ------------------------------------------------ */

/* Length of the valid UTF-8 sequence at p (at most n bytes), or 0 when it is not one
 * (overlong forms, surrogates and code points above U+10FFFF are invalid). */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80)
        return 1;
    size_t len;
    unsigned cp;
    if (p[0] >= 0xc2 && p[0] <= 0xdf) {
        len = 2;
        cp = p[0] & 0x1fu;
    } else if (p[0] >= 0xe0 && p[0] <= 0xef) {
        len = 3;
        cp = p[0] & 0x0fu;
    } else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
        len = 4;
        cp = p[0] & 0x07u;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

static int utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_seq(p + i, n - i);
        if (k == 0)
            return 0;
        i += k;
    }
    return 1;
}

/* Appends s[0, n) as a JSON string; bytes that are not UTF-8 become U+FFFD. */
static void json_string(sbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    sbuf_append(b, "\"", 1);
    for (size_t i = 0; i < n;) {
        unsigned char ch = p[i];
        if (ch == '"' || ch == '\\') {
            char esc[2] = {'\\', (char)ch};
            sbuf_append(b, esc, 2);
            i++;
        } else if (ch < 0x20 || ch == 0x7f) {
            char esc[6] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15]};
            sbuf_append(b, esc, 6);
            i++;
        } else {
            size_t k = utf8_seq(p + i, n - i);
            if (k == 0) {
                sbuf_puts(b, "\\ufffd");
                k = 1;
            } else {
                sbuf_append(b, p + i, k);
            }
            i += k;
        }
    }
    sbuf_append(b, "\"", 1);
}

static void json_string_or_null(sbuf *b, const char *s)
{
    if (s == NULL)
        sbuf_puts(b, "null");
    else
        json_string(b, s, strlen(s));
}

/* When BCT_RECORD names a file, appends one JSON line describing the request and its
 * response: {"method","target","status","content_type","body"}; body is null when it is
 * not valid UTF-8 (a gzip body, say). The line is written with one write(2) on an
 * O_APPEND descriptor, so records are never interleaved. */
static void record_response(const char *method, const char *target, const bct_response *r)
{
    const char *path = getenv("BCT_RECORD");
    if (path == NULL || path[0] == '\0')
        return;
    sbuf line = {0};
    char num[16];
    sbuf_puts(&line, "{\"method\":");
    json_string_or_null(&line, method);
    sbuf_puts(&line, ",\"target\":");
    json_string_or_null(&line, target);
    snprintf(num, sizeof num, "%d", r->status);
    sbuf_puts(&line, ",\"status\":");
    sbuf_puts(&line, num);
    sbuf_puts(&line, ",\"content_type\":");
    json_string_or_null(&line, bct_header_get(r, "Content-Type"));
    sbuf_puts(&line, ",\"body\":");
    const char *body = r->body != NULL ? r->body : "";
    if (utf8_valid(body, r->body_len))
        json_string(&line, body, r->body_len);
    else
        sbuf_puts(&line, "null");
    sbuf_puts(&line, "}\n");
    if (line.failed) {
        diag("BCT_RECORD: out of memory recording %s %.200s", method, target);
        free(line.data);
        return;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) {
        diag("BCT_RECORD: cannot open %s: %s", path, strerror(errno));
        free(line.data);
        return;
    }
    size_t off = 0;
    while (off < line.len) {
        ssize_t n = write(fd, line.data + off, line.len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            diag("BCT_RECORD: cannot write %s: %s", path, n < 0 ? strerror(errno) : "no progress");
            break;
        }
        off += (size_t)n;
    }
    close(fd);
    free(line.data);
}

int bct_request(bct_conn *c, const char *method, const char *target,
                const char *const *extra_headers, const char *body, size_t body_len,
                bct_response *out)
{
    if (out == NULL)
        return -1;
    memset(out, 0, sizeof *out);
    if (c == NULL || method == NULL || target == NULL || (body == NULL && body_len > 0)) {
        diag("bct_request: bad arguments");
        return -1;
    }
    sbuf req = {0};
    int has_host = 0, has_framing = 0;
    for (size_t i = 0; extra_headers != NULL && extra_headers[i] != NULL; i++) {
        const char *h = extra_headers[i];
        if (strncasecmp(h, "Host:", 5) == 0)
            has_host = 1;
        if (strncasecmp(h, "Content-Length:", 15) == 0 ||
            strncasecmp(h, "Transfer-Encoding:", 18) == 0)
            has_framing = 1;
    }
    char line[64];
    sbuf_puts(&req, method);
    sbuf_puts(&req, " ");
    sbuf_puts(&req, target);
    sbuf_puts(&req, " HTTP/1.1\r\n");
    if (!has_host) {
        snprintf(line, sizeof line, "Host: 127.0.0.1:%d\r\n", c->port);
        sbuf_puts(&req, line);
    }
    for (size_t i = 0; extra_headers != NULL && extra_headers[i] != NULL; i++) {
        sbuf_puts(&req, extra_headers[i]);
        sbuf_puts(&req, "\r\n");
    }
    if (body != NULL && !has_framing) {
        snprintf(line, sizeof line, "Content-Length: %zu\r\n", body_len);
        sbuf_puts(&req, line);
    }
    sbuf_puts(&req, "\r\n");
    if (body != NULL)
        sbuf_append(&req, body, body_len);
    if (req.failed) {
        free(req.data);
        diag("bct_request: out of memory");
        return -1;
    }
    int r = send_all(c, req.data, req.len, NULL);
    free(req.data);
    if (r == -1)
        return -1;
    /* after -2 the server may have answered before closing (e.g. 413): read that */
    int send_failed = r == -2;
    r = bct_read_response(c, strcmp(method, "HEAD") == 0, out);
    if (r != 0 && send_failed)
        diag("bct_request: the server closed the connection while the request was sent");
    if (r == 0)
        record_response(method, target, out);
    return r;
}

int bct_wait_closed(bct_conn *c, int timeout_ms)
{
    if (c == NULL)
        return -1;
    if (c->len > c->start) {
        diag("bct_wait_closed: %zu unread bytes from the server", c->len - c->start);
        return -1;
    }
    int64_t deadline = deadline_after(timeout_ms);
    int r = fill(c, deadline);
    switch (r) {
    case FILL_EOF:
    case FILL_RESET:
        return 1;
    case FILL_TIMEOUT:
        return 0;
    case FILL_DATA:
        diag("bct_wait_closed: the server sent %zu more bytes", c->len - c->start);
        return -1;
    default:
        return -1;
    }
}

int bct_get(int port, const char *target, const char *const *extra_headers, bct_response *out)
{
    return bct_get_timeout(port, target, extra_headers, BCT_DEFAULT_TIMEOUT_MS, out);
}

int bct_get_timeout(int port, const char *target, const char *const *extra_headers, int timeout_ms,
                    bct_response *out)
{
    if (out == NULL)
        return -1;
    memset(out, 0, sizeof *out);
    bct_conn *c = bct_connect(port, timeout_ms);
    if (c == NULL)
        return -1;
    int r = bct_request(c, "GET", target, extra_headers, NULL, 0, out);
    bct_close(c);
    return r;
}

int bct_tmpdir(char *dir, size_t n, const char *tag)
{
    int len = snprintf(dir, n, "/tmp/bc-%s-XXXXXX", tag);
    return len > 0 && (size_t)len < n && mkdtemp(dir) != NULL ? 0 : -1;
}

int bct_tmpdir_remove(const char *dir)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

char *bct_cli_stdout(const char *db, const char *args)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s --db %s 2>/dev/null", getenv("BC_CLI"), args, db);
    FILE *p = popen(cmd, "r");
    if (p == NULL)
        return NULL;
    char *out = calloc(1, 65536);
    size_t n = fread(out, 1, 65535, p);
    out[n] = '\0';
    if (pclose(p) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

int bct_store_new(char *dir, size_t dir_n, char *db, size_t db_n, const char *tag)
{
    if (bct_tmpdir(dir, dir_n, tag) != 0)
        return -1;
    int n = snprintf(db, db_n, "%s/store.db", dir);
    const char *data = getenv("BC_DATA") && *getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    bc_err err;
    if (n < 0 || (size_t)n >= db_n || bc_loader_build(data, db, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n",
                n < 0 || (size_t)n >= db_n ? "path too long" : err.msg);
        bct_tmpdir_remove(dir);
        return -1;
    }
    return 0;
}

int bct_key_add(const char *db, const char *name, const char *role, char *key, size_t n)
{
    char args[256];
    snprintf(args, sizeof args, "keys add %s --role %s", name, role);
    char *out = bct_cli_stdout(db, args);
    if (out == NULL || strlen(out) != 48 || n < 48) {
        free(out);
        return -1;
    }
    out[47] = '\0';
    snprintf(key, n, "%s", out);
    free(out);
    return 0;
}

int bct_daemon_start_token(bct_daemon *d, const char *db, const char *token)
{
    unsetenv("BORDERCOOP_KEY");
    setenv("BORDERCOOP_API_TOKEN", token, 1);
    int rc = bct_daemon_start(d, getenv("BC_DAEMON"), db, NULL, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    return rc;
}

int bct_daemon_teardown(bct_daemon *d, const char *dir)
{
    int status = bct_daemon_stop(d, 10000);
    return bct_tmpdir_remove(dir) != 0 || status != 0 ? -1 : 0;
}
