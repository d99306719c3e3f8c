/* soak.c: issue 12's "done when", run for a while against a running bordercoopd on
 * loopback: normal clients (their own addresses, 127.0.0.30-33) make ordinary requests
 * (cached lists and details, revalidations, health checks, uncached lists) while, all at
 * the same time, attackers run a public search over a 1 MiB article with a new `limit`
 * each time (never cached), post 1 MiB articles (and, in between, 480 KiB ones, the
 * largest the default --max-article-bytes takes), hold 1,000 connections from 10
 * addresses (127.0.0.10-19) that trickle a request head one byte every 2 s, and keep
 * 150 connections sending unwanted 1 MB bodies. Reports the normal clients' latency
 * percentiles and failures, what the attackers saw, and the daemon's RSS growth.
 *
 *   soak PORT PID TOKEN SECONDS        (tests/soak/soak.sh runs it: make soak)
 *
 * Exits 0 when the normal clients' p99 is under 250 ms with no failed request and the
 * RSS grew by less than 48 MiB, else 1. Bounded in time; loopback only. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TRICKLERS     1000
#define BODIES        150
#define NORMALS       4
#define TRICKLE_EVERY 2000 /* ms between two bytes of one trickler */

static int port, daemon_pid, seconds;
static const char *token;
static atomic_int stop;

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* A connection from 127.0.0.<from>, blocking or not; -1 when it cannot be made. */
static int connect_from(int from, int nonblocking)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_in src = {.sin_family = AF_INET};
    src.sin_addr.s_addr = htonl(0x7f000000u | (unsigned)from);
    struct sockaddr_in dst = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    dst.sin_addr.s_addr = htonl(0x7f000001u);
    if (bind(fd, (struct sockaddr *)&src, sizeof src) != 0 ||
        (connect(fd, (struct sockaddr *)&dst, sizeof dst) != 0 && errno != EINPROGRESS)) {
        close(fd);
        return -1;
    }
    return fd;
}

/* 1 when the server closed fd (end of stream or an error), reading what it sent. */
static int server_closed(int fd)
{
    char buf[4096];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n == 0)
            return 1;
        if (n < 0)
            return errno != EAGAIN && errno != EWOULDBLOCK;
    }
}

/* ---- one HTTP exchange on a blocking connection --------------------------------------- */

typedef struct conn {
    int fd, from;
    char buf[1 << 16];
    size_t len;
} conn;

static int exchange_once(conn *c, const char *req, size_t n, char *etag, int *reused, int *got);

/* Sends req (n bytes) and reads one response; the status, or -1 (the connection is then
 * closed and reopened next time). etag (64 bytes, may be NULL) receives the ETag. Like
 * any HTTP client, it tries once more on a new connection when a kept-alive one was
 * closed by the server before any byte of the answer (RFC 9112 9.3.1): idle keep-alive
 * connections are what a server closes first when connections run short. */
static int exchange(conn *c, const char *req, size_t n, char *etag)
{
    int reused = 0, got = 0;
    int st = exchange_once(c, req, n, etag, &reused, &got);
    if (st < 0 && reused && !got)
        st = exchange_once(c, req, n, etag, &reused, &got);
    return st;
}

static int exchange_once(conn *c, const char *req, size_t n, char *etag, int *reused, int *got)
{
    *reused = c->fd >= 0;
    *got = 0;
    if (c->fd < 0) {
        c->fd = connect_from(c->from, 0);
        if (c->fd < 0)
            return -1;
        struct timeval tv = {10, 0};
        setsockopt(c->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        setsockopt(c->fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        c->len = 0;
    }
    for (size_t off = 0; off < n;) {
        ssize_t w = send(c->fd, req + off, n - off, MSG_NOSIGNAL);
        if (w <= 0)
            goto fail;
        off += (size_t)w;
    }
    c->len = 0;
    char *head_end = NULL;
    while ((head_end = memmem(c->buf, c->len, "\r\n\r\n", 4)) == NULL) {
        if (c->len == sizeof c->buf)
            goto fail;
        ssize_t r = recv(c->fd, c->buf + c->len, sizeof c->buf - c->len, 0);
        if (r <= 0)
            goto fail;
        c->len += (size_t)r;
        *got = 1;
    }
    size_t head = (size_t)(head_end - c->buf) + 4;
    c->buf[head - 1] = '\0';
    int status = strncmp(c->buf, "HTTP/1.1 ", 9) == 0 ? atoi(c->buf + 9) : -1;
    const char *cl = strcasestr(c->buf, "\r\nContent-Length: ");
    size_t body = cl && status != 304 ? (size_t)strtoul(cl + 18, NULL, 10) : 0;
    if (etag != NULL) {
        const char *e = strcasestr(c->buf, "\r\nETag: ");
        etag[0] = '\0';
        if (e != NULL)
            sscanf(e + 8, "%63[^\r]", etag);
    }
    int closing = strcasestr(c->buf, "\r\nConnection: close") != NULL;
    size_t have = c->len - head;
    while (have < body) {
        char sink[65536];
        ssize_t r = recv(c->fd, sink, sizeof sink, 0);
        if (r <= 0)
            goto fail;
        have += (size_t)r;
    }
    if (closing) {
        close(c->fd);
        c->fd = -1;
    }
    return status;
fail:
    close(c->fd);
    c->fd = -1;
    return -1;
}

/* ---- normal clients ---------------------------------------------------------------- */

#define MAX_SAMPLES 400000
static int64_t samples[MAX_SAMPLES]; /* microseconds */
static atomic_int nsamples;
static atomic_int normal_failed, normal_503;

static void record(int64_t us)
{
    int i = atomic_fetch_add(&nsamples, 1);
    if (i < MAX_SAMPLES)
        samples[i] = us;
}

static void *normal_client(void *arg)
{
    int k = (int)(intptr_t)arg;
    conn *c = calloc(1, sizeof *c);
    c->fd = -1;
    c->from = 30 + k;
    char etag[64] = "", req[512];
    for (unsigned i = (unsigned)k; !atomic_load(&stop); i++) {
        int n;
        switch (i % 10) {
        case 0:
        case 1:
        case 2:
        case 3:
            n = snprintf(req, sizeof req, "GET /v1/figures?limit=10 HTTP/1.1\r\nHost: x\r\n\r\n");
            break;
        case 4:
        case 5:
            n = snprintf(req, sizeof req,
                         "GET /v1/border-gate-projects/lao-cai-hekou-railway-bridge HTTP/1.1\r\n"
                         "Host: x\r\n\r\n");
            break;
        case 6:
        case 7:
            n = snprintf(
                req, sizeof req,
                "GET /v1/figures?limit=10 HTTP/1.1\r\nHost: x\r\nIf-None-Match: %s\r\n\r\n",
                etag[0] ? etag : "\"x\"");
            break;
        case 8:
            n = snprintf(req, sizeof req, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            break;
        default: /* an uncached list: a limit not asked for in a while */
            n = snprintf(req, sizeof req, "GET /v1/meetings?limit=%u HTTP/1.1\r\nHost: x\r\n\r\n",
                         1 + (i / 10) % 50);
        }
        int64_t t0 = now_us();
        int status = exchange(c, req, (size_t)n, i % 10 < 4 ? etag : NULL);
        record(now_us() - t0);
        if (status == 503)
            atomic_fetch_add(&normal_503, 1);
        else if (status != 200 && status != 304)
            atomic_fetch_add(&normal_failed, 1);
        sleep_ms(5); /* a client, not a load generator */
    }
    if (c->fd >= 0)
        close(c->fd);
    free(c);
    return NULL;
}

/* ---- attackers -------------------------------------------------------------------- */

static atomic_int searches, search_ok, search_503, ingests, ingest_ok, ingest_503, ingest_413;
static atomic_int trickle_opened, trickle_shed, bodies_sent, bodies_refused;

static void *searcher(void *arg)
{
    (void)arg;
    conn *c = calloc(1, sizeof *c);
    c->fd = -1;
    c->from = 20;
    char req[256];
    for (unsigned i = 0; !atomic_load(&stop); i++) {
        int n =
            snprintf(req, sizeof req,
                     "GET /v1/search?q=charlie&limit=%u HTTP/1.1\r\nHost: x\r\n\r\n", 1 + i % 100);
        int st = exchange(c, req, (size_t)n, NULL);
        atomic_fetch_add(&searches, 1);
        if (st == 200)
            atomic_fetch_add(&search_ok, 1);
        else if (st == 503)
            atomic_fetch_add(&search_503, 1);
    }
    if (c->fd >= 0)
        close(c->fd);
    free(c);
    return NULL;
}

/* An article of about `bytes` (a different one for each n): sentences with figures and
 * the word the searcher looks for, as JSON; new, free with free(). */
static char *article(unsigned n, size_t bytes, size_t *len)
{
    size_t cap = bytes + 4096;
    char *s = malloc(cap);
    size_t k =
        (size_t)snprintf(s, cap, "{\"lang\":\"en\",\"title\":\"Soak article %u\",\"text\":\"", n);
    for (unsigned i = 0; k < bytes - 200; i++)
        k += (size_t)snprintf(s + k, cap - k,
                              "Charlie report %u.%u: trade through the Lao Cai border gate reached "
                              "USD %u million in 2025, and %u tourists crossed. ",
                              n, i, 100 + i % 900, 1000 + i);
    k += (size_t)snprintf(s + k, cap - k, "\"}");
    *len = k;
    return s;
}

static void *ingester(void *arg)
{
    (void)arg;
    conn *c = calloc(1, sizeof *c);
    c->fd = -1;
    c->from = 21;
    for (unsigned n = 1; !atomic_load(&stop); n++) {
        /* 1 MiB articles (over the default --max-article-bytes and --max-body: refused
         * from the request head) and, in between, the largest the server takes */
        size_t len;
        char *body = article(n, n % 2 ? (1u << 20) : 480u << 10, &len);
        char head[512];
        int h = snprintf(head, sizeof head,
                         "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
                         "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                         token, len);
        char *req = malloc((size_t)h + len);
        memcpy(req, head, (size_t)h);
        memcpy(req + h, body, len);
        int st = exchange(c, req, (size_t)h + len, NULL);
        free(req);
        free(body);
        atomic_fetch_add(&ingests, 1);
        if (st == 201 || st == 200)
            atomic_fetch_add(&ingest_ok, 1);
        else if (st == 503)
            atomic_fetch_add(&ingest_503, 1);
        else if (st == 413)
            atomic_fetch_add(&ingest_413, 1);
        for (int i = 0; i < 50 && !atomic_load(&stop); i++) /* one every ~5 s */
            sleep_ms(100);
    }
    if (c->fd >= 0)
        close(c->fd);
    free(c);
    return NULL;
}

/* 1,000 connections from 10 addresses, each sending its head one byte every 2 s; one
 * that is shed is opened again (at most 200 a second). */
static void *trickler(void *arg)
{
    (void)arg;
    static const char head[] = "GET /v1/meetings HTTP/1.1\r\nHost: x\r\nX-Slow: "
                               "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    int fds[TRICKLERS];
    size_t sent[TRICKLERS];
    int64_t due[TRICKLERS];
    for (int i = 0; i < TRICKLERS; i++)
        fds[i] = -1, sent[i] = 0, due[i] = 0;
    int64_t budget_at = now_ms();
    int budget = 200;
    while (!atomic_load(&stop)) {
        int64_t t = now_ms();
        if (t - budget_at >= 1000) {
            budget_at = t;
            budget = 200;
        }
        for (int i = 0; i < TRICKLERS; i++) {
            if (fds[i] >= 0 && server_closed(fds[i])) {
                close(fds[i]);
                fds[i] = -1;
                atomic_fetch_add(&trickle_shed, 1);
            }
            if (fds[i] < 0 && budget > 0) {
                budget--;
                fds[i] = connect_from(10 + i % 10, 1);
                sent[i] = 0;
                due[i] = t + i % TRICKLE_EVERY; /* spread over the period */
                if (fds[i] >= 0)
                    atomic_fetch_add(&trickle_opened, 1);
            }
            if (fds[i] >= 0 && t >= due[i]) {
                if (send(fds[i], head + sent[i] % (sizeof head - 1), 1,
                         MSG_NOSIGNAL | MSG_DONTWAIT) == 1)
                    sent[i]++;
                due[i] = t + TRICKLE_EVERY;
            }
        }
        sleep_ms(20);
    }
    for (int i = 0; i < TRICKLERS; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    return NULL;
}

/* 150 connections announcing 1 MB bodies on a route that takes none and sending them as
 * fast as they can; opened again once refused. */
static void *bodies(void *arg)
{
    (void)arg;
    static char chunk[65536];
    memset(chunk, 'x', sizeof chunk);
    static const char head[] =
        "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n";
    int fds[BODIES];
    size_t sent[BODIES];
    for (int i = 0; i < BODIES; i++)
        fds[i] = -1, sent[i] = 0;
    while (!atomic_load(&stop)) {
        for (int i = 0; i < BODIES; i++) {
            if (fds[i] >= 0 && server_closed(fds[i])) {
                close(fds[i]);
                fds[i] = -1;
                atomic_fetch_add(&bodies_refused, 1);
            }
            if (fds[i] < 0) {
                fds[i] = connect_from(40 + i % 10, 1);
                sent[i] = 0;
                if (fds[i] < 0)
                    continue;
                if (send(fds[i], head, sizeof head - 1, MSG_NOSIGNAL | MSG_DONTWAIT) < 0 &&
                    errno != EAGAIN)
                    continue;
            }
            if (sent[i] < 1000000) {
                size_t want = 1000000 - sent[i] < sizeof chunk ? 1000000 - sent[i] : sizeof chunk;
                ssize_t w = send(fds[i], chunk, want, MSG_NOSIGNAL | MSG_DONTWAIT);
                if (w > 0) {
                    sent[i] += (size_t)w;
                    atomic_fetch_add(&bodies_sent, (int)(w / 1024));
                }
            }
        }
        sleep_ms(10);
    }
    for (int i = 0; i < BODIES; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    return NULL;
}

/* ---- the daemon's memory ------------------------------------------------------------- */

static long status_kb(const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", daemon_pid);
    FILE *f = fopen(path, "r");
    long v = -1;
    size_t n = strlen(field);
    while (f != NULL && fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            v = atol(line + n + 1);
    if (f != NULL)
        fclose(f);
    return v;
}

static int cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: soak PORT PID TOKEN SECONDS\n");
        return 2;
    }
    port = atoi(argv[1]);
    daemon_pid = atoi(argv[2]);
    token = argv[3];
    seconds = atoi(argv[4]);
    long rss0 = status_kb("VmRSS");
    printf("soak: %d s against bordercoopd (pid %d, port %d); RSS at start %ld KiB\n", seconds,
           daemon_pid, port, rss0);
    fflush(stdout);
    pthread_t t[NORMALS + 5];
    int nt = 0;
    pthread_create(&t[nt++], NULL, trickler, NULL);
    pthread_create(&t[nt++], NULL, bodies, NULL);
    pthread_create(&t[nt++], NULL, searcher, NULL);
    pthread_create(&t[nt++], NULL, ingester, NULL);
    sleep_ms(3000); /* the attack in full swing before the normal clients start */
    for (int k = 0; k < NORMALS; k++)
        pthread_create(&t[nt++], NULL, normal_client, (void *)(intptr_t)k);
    long rss_max = status_kb("VmRSS");
    for (int s = 0; s < seconds; s++) {
        sleep_ms(1000);
        long r = status_kb("VmRSS");
        if (r > rss_max)
            rss_max = r;
    }
    atomic_store(&stop, 1);
    for (int i = 0; i < nt; i++)
        pthread_join(t[i], NULL);
    long hwm = status_kb("VmHWM");
    int n = atomic_load(&nsamples);
    if (n > MAX_SAMPLES)
        n = MAX_SAMPLES;
    qsort(samples, (size_t)n, sizeof samples[0], cmp64);
    double p50 = n ? samples[n / 2] / 1000.0 : 0, p90 = n ? samples[n * 9 / 10] / 1000.0 : 0;
    double p99 = n ? samples[n * 99 / 100] / 1000.0 : 0, max = n ? samples[n - 1] / 1000.0 : 0;
    printf("normal clients (4, from 127.0.0.30-33): %d requests, latency p50 %.2f ms, p90 %.2f ms, "
           "p99 %.2f ms, max %.2f ms; %d failed, %d answered 503\n",
           n, p50, p90, p99, max, atomic_load(&normal_failed), atomic_load(&normal_503));
    printf("attack: %d uncached searches over a 1 MiB article (%d answered, %d 503); %d ingests "
           "of 1 MiB and 480 KiB (%d stored, %d 503, %d refused 413); %d trickling connections "
           "opened, %d shed; ~%d MiB of unwanted bodies sent, %d connections refused\n",
           atomic_load(&searches), atomic_load(&search_ok), atomic_load(&search_503),
           atomic_load(&ingests), atomic_load(&ingest_ok), atomic_load(&ingest_503),
           atomic_load(&ingest_413), atomic_load(&trickle_opened), atomic_load(&trickle_shed),
           atomic_load(&bodies_sent) / 1024, atomic_load(&bodies_refused));
    long growth = (hwm > rss_max ? hwm : rss_max) - rss0;
    printf("daemon RSS: %ld KiB at start, peak %ld KiB: growth %.1f MiB (anonymous now %ld KiB, "
           "file-backed %ld KiB)\n",
           rss0, hwm > rss_max ? hwm : rss_max, growth / 1024.0, status_kb("RssAnon"),
           status_kb("RssFile"));
    int ok = n > 0 && p99 < 250.0 && atomic_load(&normal_failed) == 0 && growth < 48 * 1024;
    printf("done when (issue 12): normal clients' p99 < 250 ms: %s (%.2f ms); no failed normal "
           "request: %s; RSS growth < 48 MiB: %s (%.1f MiB)\n",
           p99 < 250.0 ? "met" : "NOT MET", p99,
           atomic_load(&normal_failed) == 0 ? "met" : "NOT MET",
           growth < 48 * 1024 ? "met" : "NOT MET", growth / 1024.0);
    return ok ? 0 : 1;
}
