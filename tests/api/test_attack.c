/* test_attack.c: the attack pass of issue 12, item by item, against the real daemon on
 * loopback, small and bounded: a slow search and a slow ingest that stall nobody else
 * (the I/O thread answers health checks and cached requests while the workers and the
 * writer are busy; requests that cannot get a worker in time get 503 at their
 * deadline), keep-alive across the workers, bodies nobody takes refused before they
 * are read (and the token and the size of a write checked before its body), a deleted
 * or replaced store refusing writes and readiness, a write that waits for the store
 * lock off the I/O thread and gives up with 503, If-Modified-Since never hiding a
 * change, request-smuggling primitives refused with nothing behind them answered,
 * SIGHUP leaving the daemon serving, SIGTERM draining with slow clients attached, and
 * a write token of spaces refused at start. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "attack-test-token-0123456789"

static char TMP[64];
static int store_seq;

static int setup(void **state)
{
    (void)state;
    return bct_tmpdir(TMP, sizeof TMP, "attack");
}

static int teardown(void **state)
{
    (void)state;
    return bct_tmpdir_remove(TMP);
}

/* A fresh store (path into db, size 160) and a daemon on it with writes enabled when
 * token is not NULL; extra arguments after the usual ones. */
static void start(bct_daemon *d, char *db, const char *token, const char *const *extra)
{
    snprintf(db, 160, "%s/store%d.db", TMP, store_seq++);
    bc_err err;
    const char *data = getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    if (bc_loader_build(data, db, NULL, &err) != 0)
        fail_msg("building the store: %s", err.msg);
    if (token != NULL)
        setenv("BORDERCOOP_API_TOKEN", token, 1);
    int rc = bct_daemon_start(d, getenv("BC_DAEMON"), db, extra, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    if (rc != 0)
        fail_msg("the daemon did not start");
}

static void stop(bct_daemon *d)
{
    assert_int_equal(bct_daemon_stop(d, 15000), 0);
}

/* Sends raw bytes on a new connection and reads one response into r; -1 when none. */
static int raw(int port, const char *data, size_t len, bct_response *r)
{
    memset(r, 0, sizeof *r);
    bct_conn *c = bct_connect(port, 5000);
    if (c == NULL)
        return -1;
    int rc = bct_send_raw(c, data, len);
    if (rc == 0)
        rc = bct_read_response(c, 0, r);
    bct_close(c);
    return rc;
}

static void expect_problem(const bct_response *r, int status, const char *code)
{
    if (r->status != status)
        fail_msg("status %d, want %d: %.300s", r->status, status, r->body);
    assert_string_equal(bct_header_get(r, "Content-Type"),
                        "application/problem+json; charset=utf-8");
    json_t *j = json_loadb(r->body, r->body_len, 0, NULL);
    if (j == NULL)
        fail_msg("not JSON: %.200s", r->body);
    if (code != NULL)
        assert_string_equal(json_string_value(json_object_get(j, "code")), code);
    json_decref(j);
}

/* A value of the daemon's /metrics (the first sample whose line starts with name). */
static double metric(int port, const char *name)
{
    bct_response r;
    if (bct_get(port, "/metrics", NULL, &r) != 0 || r.status != 200)
        fail_msg("GET /metrics failed");
    double v = -1;
    size_t n = strlen(name);
    for (const char *p = r.body; p != NULL && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, name, n) == 0 && (p[n] == ' ' || p[n] == '{')) {
            const char *sp = strchr(p, ' ');
            v = sp ? atof(sp + 1) : -1;
            break;
        }
    bct_response_free(&r);
    return v;
}

/* Waits up to ms for the daemon's log to contain text; 1 when it did. */
static int log_has(const bct_daemon *d, const char *text, int ms)
{
    for (int waited = 0;; waited += 20) {
        char *log = bct_daemon_log(d);
        int found = log != NULL && strstr(log, text) != NULL;
        free(log);
        if (found || waited >= ms)
            return found;
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
}

static char *read_file(const char *path);

/* ---- items 1, 2 and 6: slow work stalls nobody ------------------------------------ */

/* A POST of body (JSON) sent on a new connection, its answer not read yet. */
static bct_conn *send_post(int port, const char *body, size_t len)
{
    bct_conn *c = bct_connect(port, 60000);
    assert_non_null(c);
    char head[512];
    int n = snprintf(head, sizeof head,
                     "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " TOKEN
                     "\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                     len);
    assert_int_equal(bct_send_raw(c, head, (size_t)n), 0);
    assert_int_equal(bct_send_raw(c, body, len), 0);
    return c;
}

/* A GET sent on a new connection, its answer not read yet. */
static bct_conn *send_get(int port, const char *target)
{
    bct_conn *c = bct_connect(port, 60000);
    assert_non_null(c);
    char req[512];
    int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", target);
    assert_int_equal(bct_send_raw(c, req, (size_t)n), 0);
    return c;
}

/* 1 when the answer on c has not started to arrive (c still pending). */
static int pending(bct_conn *c)
{
    bct_set_diagnostics(0);
    int r = bct_wait_closed(c, 1);
    bct_set_diagnostics(1);
    return r == 0;
}

static int status_of(int port, const char *target)
{
    bct_response r;
    assert_int_equal(bct_get(port, target, NULL, &r), 0);
    int status = r.status;
    bct_response_free(&r);
    return status;
}

/* An article whose one paragraph repeats one word 16,000 times: snippets over it were
 * quadratic (3.2 s in the attack pass); the JSON body is new, free with free(). */
static char *wordy_article(const char *title, size_t *len)
{
    size_t n = 16000 * 8 + 256;
    char *text = malloc(n);
    assert_non_null(text);
    size_t k = (size_t)snprintf(text, n, "Charlie report.");
    for (int i = 0; i < 16000; i++)
        k += (size_t)snprintf(text + k, n - k, " charlie");
    json_t *o = json_pack("{s:s,s:s,s:s}", "text", text, "lang", "en", "title", title);
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    free(text);
    *len = strlen(s);
    return s;
}

/* Item 1: a search that is slow (or over its budget) runs on a worker; health checks
 * and cached answers go on, and a request that cannot get the one worker in time gets
 * 503 at its deadline rather than waiting. */
static void a_slow_search_stalls_nobody(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, TOKEN,
          (const char *[]){"--workers", "1", "--request-budget-ms", "400", "--log-format", "off",
                           NULL});
    size_t len;
    char *body = wordy_article("Charlie report", &len);
    bct_conn *p = send_post(d.port, body, len);
    bct_response r;
    assert_int_equal(bct_read_response(p, 0, &r), 0);
    assert_int_equal(r.status, 201);
    bct_response_free(&r);
    bct_close(p);
    free(body);
    assert_int_equal(status_of(d.port, "/v1/meetings?limit=1"), 200); /* cached from now */
    int concurrent = 0;
    for (int round = 0; round < 3; round++) {
        char target[64];
        snprintf(target, sizeof target, "/v1/search?q=charlie&limit=%d", 5 + round);
        bct_conn *search = send_get(d.port, target); /* limit varies: never cached */
        bct_conn *queued = NULL;
        for (int i = 0; i < 5; i++) {
            assert_int_equal(status_of(d.port, "/healthz"), 200);
            assert_int_equal(status_of(d.port, "/v1/meetings?limit=1"), 200);
            if (i == 0)
                queued = send_get(d.port, "/v1/meetings?limit=2&sort=-date");
        }
        if (pending(search))
            concurrent++;
        /* the request behind the search: its answer or 503 at its deadline (waited out in
         * the queue, or, under memcheck on a loaded machine, run past it) */
        assert_int_equal(bct_read_response(queued, 0, &r), 0);
        if (r.status == 503) {
            expect_problem(&r, 503, NULL);
            assert_true(strstr(r.body, "\"overloaded\"") != NULL ||
                        strstr(r.body, "\"budget_exceeded\"") != NULL);
            assert_non_null(bct_header_get(&r, "Retry-After"));
        } else {
            assert_int_equal(r.status, 200);
        }
        bct_response_free(&r);
        bct_close(queued);
        assert_int_equal(bct_read_response(search, 0, &r), 0);
        if (r.status == 503) {
            expect_problem(&r, 503, "budget_exceeded");
            assert_non_null(bct_header_get(&r, "Retry-After"));
        } else {
            assert_int_equal(r.status, 200);
        }
        bct_response_free(&r);
        bct_close(search);
    }
    /* the budget counters say what happened */
    assert_true(metric(d.port, "bordercoop_pool_jobs_total") >= 0);
    print_message("searches still running while others were served: %d of 3\n", concurrent);
    stop(&d);
}

/* A sentence of 8,000 numbers (4.9 s of extraction in the attack pass) as a JSON body. */
static char *numbers_article(size_t *len)
{
    size_t n = 8000 * 12 + 256;
    char *text = malloc(n);
    assert_non_null(text);
    size_t k = (size_t)snprintf(text, n, "The delegations counted");
    for (int i = 0; i < 8000; i++)
        k += (size_t)snprintf(text + k, n - k, " %d,", 1000 + i);
    snprintf(text + k - 1, n - k + 1, " people in 2025.");
    json_t *o = json_pack("{s:s,s:s,s:s}", "text", text, "lang", "en", "title", "Numbers");
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    free(text);
    *len = strlen(s);
    return s;
}

/* Item 2: an ingest runs on the writer; reads, cached or not, go on meanwhile. */
static void an_ingest_stalls_nobody(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, TOKEN,
          (const char *[]){"--write-budget-ms", "60000", "--log-format", "off", NULL});
    size_t len;
    char *body = numbers_article(&len);
    bct_conn *p = send_post(d.port, body, len);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(status_of(d.port, "/healthz"), 200);
        char target[64];
        snprintf(target, sizeof target, "/v1/figures?limit=%d", 1 + i); /* uncached */
        assert_int_equal(status_of(d.port, target), 200);
    }
    print_message("the ingest was %s while reads were answered\n",
                  pending(p) ? "still running" : "already done");
    bct_response r;
    assert_int_equal(bct_read_response(p, 0, &r), 0);
    assert_true(r.status == 201 || r.status == 503);
    bct_response_free(&r);
    bct_close(p);
    free(body);
    stop(&d);
}

/* Item 6: while another process (bordercoop load) holds the store lock, a write waits
 * for it on the writer thread, not the I/O thread: reads go on, and the write gets 503
 * store_busy with Retry-After once its budget is spent, or goes through when the lock
 * comes free in time. */
static void a_locked_store_stalls_nobody(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    /* the write that gets the lock must fit in what is left of its budget: under memcheck
     * on a loaded machine an ingest takes more than a second */
    const char *budget = getenv("VALGRIND_DAEMON") != NULL ? "8000" : "1500";
    start(&d, db, TOKEN,
          (const char *[]){"--write-budget-ms", budget, "--log-format", "off", NULL});
    char lock[200];
    snprintf(lock, sizeof lock, "%s.lock", db);
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    static const char article[] =
        "{\"lang\":\"en\",\"title\":\"Written while locked\",\"text\":\"On March 5, 2026 "
        "the 15th meeting of the Joint Working Group was held in Lao Cai.\"}";
    bct_conn *p = send_post(d.port, article, sizeof article - 1);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(status_of(d.port, "/healthz"), 200);
        char target[64];
        snprintf(target, sizeof target, "/v1/protocols?limit=%d", 1 + i);
        assert_int_equal(status_of(d.port, target), 200);
    }
    assert_true(pending(p)); /* the write is still waiting for the lock */
    /* more writes than one key may have in progress: refused at once (429), or at their
     * deadline (503), never queued forever */
    bct_conn *more[24];
    for (int i = 0; i < 24; i++)
        more[i] = send_post(d.port, article, sizeof article - 1);
    int refused = 0, busy = 0;
    bct_response r;
    for (int i = 0; i < 24; i++) {
        assert_int_equal(bct_read_response(more[i], 0, &r), 0);
        assert_true(r.status == 503 || r.status == 429);
        assert_non_null(bct_header_get(&r, "Retry-After"));
        refused += strstr(r.body, "too_many_writes") != NULL;
        busy += strstr(r.body, "store_busy") != NULL;
        bct_response_free(&r);
        bct_close(more[i]);
    }
    assert_true(refused > 0);
    /* the first write is read on the keyed lane before the writer, so the key's second
     * write in progress may reach the writer first: then that one waits for the lock
     * (store_busy at its deadline) and the first expires in the writer's queue
     * (overloaded); either way one of them reports the locked store */
    assert_int_equal(bct_read_response(p, 0, &r), 0);
    expect_problem(&r, 503, NULL);
    assert_true(strstr(r.body, "store_busy") != NULL || strstr(r.body, "overloaded") != NULL);
    busy += strstr(r.body, "store_busy") != NULL;
    assert_true(busy >= 1);
    assert_non_null(bct_header_get(&r, "Retry-After"));
    bct_response_free(&r);
    bct_close(p);
    /* the lock comes free while a write waits for it: the write goes through */
    p = send_post(d.port, article, sizeof article - 1);
    struct timespec ts = {0, 300 * 1000000L};
    nanosleep(&ts, NULL);
    assert_true(pending(p));
    flock(fd, LOCK_UN);
    close(fd);
    assert_int_equal(bct_read_response(p, 0, &r), 0);
    assert_int_equal(r.status, 201);
    bct_response_free(&r);
    bct_close(p);
    stop(&d);
}

/* Requests answered by the workers keep their connection: suspending it for a worker
 * and resuming it must not cost keep-alive (STYLE.md's two-phase pitfall). */
static void keep_alive_across_the_workers(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, NULL, (const char *[]){"--cache-bytes", "0", "--log-format", "off", NULL});
    bct_conn *c = bct_connect(d.port, 5000);
    assert_non_null(c);
    static const char *const targets[] = {
        "/v1/meetings?limit=1", "/healthz",   "/v1/search?q=lao", "/readyz", "/v1/stats",
        "/v1/provinces/junnan", "/v1/nothing"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        bct_response r;
        assert_int_equal(bct_request(c, "GET", targets[i], NULL, NULL, 0, &r), 0);
        assert_true(r.status == 200 || r.status == 404);
        assert_true(r.keep_alive);
        bct_response_free(&r);
    }
    bct_close(c);
    stop(&d);
}

/* Cached answers reuse a ready response per representation (one I/O thread): every
 * one still carries its own request id, the one in the access log, and the same bytes
 * and headers otherwise, for 200 and 304, identity and gzip. */
static void cached_answers_keep_their_own_request_id(void **state)
{
    (void)state;
    char logfile[200];
    snprintf(logfile, sizeof logfile, "%s/ids.log", TMP);
    bct_daemon d;
    char db[160];
    start(&d, db, NULL, (const char *[]){"--log-file", logfile, NULL});
    bct_conn *c = bct_connect(d.port, 5000);
    assert_non_null(c);
    char ids[24][17];
    char etag[64] = "";
    for (int i = 0; i < 24; i++) {
        const char *gz = i % 2 ? "Accept-Encoding: gzip" : "Accept-Encoding: identity";
        char inm[96];
        snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
        const char *hs[] = {gz, i % 4 >= 2 && etag[0] ? inm : NULL, NULL};
        bct_response r;
        assert_int_equal(bct_request(c, "GET", "/v1/figures?limit=3", hs, NULL, 0, &r), 0);
        assert_true(r.status == 200 || r.status == 304);
        const char *id = bct_header_get(&r, "X-Request-Id");
        assert_non_null(id);
        assert_int_equal(strlen(id), 16);
        snprintf(ids[i], sizeof ids[i], "%.16s", id);
        for (int k = 0; k < i; k++)
            assert_string_not_equal(ids[k], id);
        assert_non_null(bct_header_get(&r, "ETag"));
        assert_non_null(bct_header_get(&r, "Cache-Control"));
        if (r.status == 200 && i % 2 == 0)
            snprintf(etag, sizeof etag, "%s", bct_header_get(&r, "ETag"));
        bct_response_free(&r);
    }
    bct_close(c);
    stop(&d);
    char *log = read_file(logfile);
    for (int i = 0; i < 24; i++) {
        char want[32];
        snprintf(want, sizeof want, "id=%.16s\n", ids[i]);
        assert_non_null(strstr(log, want));
    }
    free(log);
}

/* ---- item 3: clients that trickle are shed --------------------------------------- */

/* A TCP connection to port from source address 127.0.0.<from>; -1 when refused. */
static int connect_from(int port, int from)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in src = {.sin_family = AF_INET};
    src.sin_addr.s_addr = htonl(0x7f000000u | (unsigned)from);
    struct sockaddr_in dst = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    dst.sin_addr.s_addr = htonl(0x7f000001u);
    if (bind(fd, (struct sockaddr *)&src, sizeof src) != 0 ||
        connect(fd, (struct sockaddr *)&dst, sizeof dst) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* 1 when the server has closed fd (end of stream or reset). */
static int closed_by_server(int fd)
{
    struct pollfd p = {fd, POLLIN, 0};
    char buf[256];
    if (poll(&p, 1, 0) <= 0)
        return 0;
    ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

/* One GET from 127.0.0.<from> on a new connection; the status, or -1. */
static int get_from(int port, int from, const char *target)
{
    int fd = connect_from(port, from);
    if (fd < 0)
        return -1;
    char req[256];
    int n = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                     target);
    if (send(fd, req, (size_t)n, MSG_NOSIGNAL) != n) {
        close(fd);
        return -1;
    }
    char line[64] = "";
    size_t got = 0;
    while (got < 12) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 5000) <= 0)
            break;
        ssize_t r = recv(fd, line + got, sizeof line - 1 - got, 0);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    line[got] = '\0';
    return strncmp(line, "HTTP/1.1 ", 9) == 0 ? atoi(line + 9) : -1;
}

#define TRICKLERS 150

/* 150 connections from 10 addresses send a request head one byte at a time (more than
 * --max-connections 120 allows) while a client from an eleventh address makes normal
 * requests: every one of those is answered, and every trickler is shed, by the header
 * timeout or to make room, however steadily it trickles. The per-address cap is off. */
static void trickling_clients_are_shed(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, TOKEN,
          (const char *[]){"--max-connections", "120", "--header-timeout", "2", "--body-timeout",
                           "1", "--min-body-rate", "1000", "--connection-timeout", "60",
                           "--log-format", "off", NULL});
    int fds[TRICKLERS];
    for (int i = 0; i < TRICKLERS; i++) {
        fds[i] = connect_from(d.port, 10 + i % 10);
        static const char part[] = "GET /v1/meetings HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        if (fds[i] >= 0)
            send(fds[i], part, sizeof part - 1, MSG_NOSIGNAL);
    }
    /* a slow body beside them: an authorised write trickling 50 bytes a second */
    int body_fd = connect_from(d.port, 40);
    assert_true(body_fd >= 0);
    static const char head[] =
        "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " TOKEN
        "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
    assert_int_equal(send(body_fd, head, sizeof head - 1, MSG_NOSIGNAL), (ssize_t)sizeof head - 1);
    int served = 0, asked = 0;
    for (int round = 0; round < 16; round++) { /* 16 x 250 ms: twice the header timeout */
        for (int i = 0; i < TRICKLERS; i++)
            if (fds[i] >= 0 && !closed_by_server(fds[i]))
                send(fds[i], "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
        send(body_fd, "{\"text\":", 8, MSG_NOSIGNAL | MSG_DONTWAIT);
        for (int k = 0; k < 2; k++) {
            asked++;
            int st = get_from(d.port, 30, k ? "/healthz" : "/v1/meetings?limit=1");
            served += st == 200;
            if (st != 200)
                print_message("round %d: a normal request got %d\n", round, st);
        }
        struct timespec ts = {0, 250 * 1000000L};
        nanosleep(&ts, NULL);
    }
    assert_int_equal(served, asked);
    int open = 0;
    for (int i = 0; i < TRICKLERS; i++) {
        if (fds[i] >= 0 && !closed_by_server(fds[i]))
            open++;
        if (fds[i] >= 0)
            close(fds[i]);
    }
    if (open > 0)
        fail_msg("%d trickling connections are still open after twice the header timeout", open);
    assert_true(closed_by_server(body_fd));
    close(body_fd);
    assert_true(metric(d.port, "bordercoop_connections_shed_total{reason=\"slow_head\"}") +
                    metric(d.port, "bordercoop_connections_shed_total{reason=\"room\"}") >=
                TRICKLERS - 30);
    assert_true(metric(d.port, "bordercoop_connections_shed_total{reason=\"slow_body\"}") >= 1);
    stop(&d);
}

/* ---- the access log -------------------------------------------------------------- */

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}

/* Waits (bounded) for the file at path to hold text; returns its content (free it). */
static char *file_with(const char *path, const char *text)
{
    for (int i = 0; i < 300; i++) {
        char *s = read_file(path);
        if (s != NULL && strstr(s, text) != NULL)
            return s;
        free(s);
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
    fail_msg("%s never held %s", path, text);
    return NULL;
}

static size_t occurrences(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p != NULL; p = strstr(p + 1, what))
        n++;
    return n;
}

/* The access log is buffered yet complete: no credential in a query string is ever
 * written, SIGHUP reopens the file after a rotation (and the daemon keeps serving), and
 * SIGTERM writes every line of the requests before it. */
static void the_access_log_keeps_no_secret_and_loses_no_line(void **state)
{
    (void)state;
    char logfile[200], rotated[210];
    snprintf(logfile, sizeof logfile, "%s/access.log", TMP);
    snprintf(rotated, sizeof rotated, "%s.1", logfile);
    bct_daemon d;
    char db[160];
    start(&d, db, TOKEN, (const char *[]){"--log-file", logfile, NULL});
    static const char *const targets[] = {
        "/v1/meetings?token=QUERYSECRET0123&limit=1",
        "/v1/meetings?limit=1&access_token=QUERYSECRET4567",
        "/v1/search?q=" TOKEN,
        "/v1/search?q=attack-test-token%2D0123456789",
        "/v1/meetings?api_key=bck_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    };
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
        status_of(d.port, targets[i]);
    assert_int_equal(status_of(d.port, "/healthz?marker=one"), 400);
    char *log = file_with(logfile, "marker=one");
    assert_null(strstr(log, "QUERYSECRET"));
    assert_null(strstr(log, TOKEN));
    assert_null(strstr(log, "0123456789"));
    assert_null(strstr(log, "bck_AAAA"));
    assert_true(occurrences(log, "[redacted]") >= 5);
    free(log);
    /* rotation: the file is renamed, SIGHUP, and new lines go to a new file */
    assert_int_equal(rename(logfile, rotated), 0);
    assert_int_equal(kill(d.pid, SIGHUP), 0);
    assert_true(log_has(&d, "reopening the access log", 3000));
    assert_int_equal(status_of(d.port, "/healthz?marker=two"), 400);
    log = file_with(logfile, "marker=two");
    free(log);
    log = read_file(rotated);
    assert_null(strstr(log, "marker=two"));
    free(log);
    /* SIGTERM right after 50 requests: all 50 lines are there once it exits */
    bct_conn *c = bct_connect(d.port, 5000);
    assert_non_null(c);
    for (int i = 0; i < 50; i++) {
        bct_response r;
        assert_int_equal(
            bct_request(c, "GET", "/v1/meetings?limit=2&marker=three", NULL, NULL, 0, &r), 0);
        bct_response_free(&r);
    }
    bct_close(c);
    stop(&d);
    log = read_file(logfile);
    assert_int_equal(occurrences(log, "marker=three"), 50);
    free(log);
}

/* ---- item 4: bodies are refused before they are read ------------------------------- */

#define BODY_CONNECTIONS 150

static void unwanted_bodies_are_never_buffered(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, TOKEN, (const char *[]){"--log-format", "off", NULL});
    double rss0 = metric(d.port, "process_resident_memory_bytes");
    /* 150 connections announce 1 MB bodies on routes that take none and send a first
     * 64 KiB of it: each is answered 413 from its head alone and closed */
    static char chunk[65536];
    memset(chunk, 'x', sizeof chunk);
    bct_conn *conns[BODY_CONNECTIONS];
    for (int i = 0; i < BODY_CONNECTIONS; i++) {
        conns[i] = bct_connect(d.port, 5000);
        assert_non_null(conns[i]);
        const char *head = i % 3 == 0   ? "GET /healthz HTTP/1.1\r\nHost: x\r\n"
                           : i % 3 == 1 ? "GET /v1/meetings HTTP/1.1\r\nHost: x\r\n"
                                        : "DELETE /v1/meetings HTTP/1.1\r\nHost: x\r\n";
        char req[256];
        int n = snprintf(req, sizeof req, "%sContent-Length: 1000000\r\n\r\n", head);
        assert_int_equal(bct_send_raw(conns[i], req, (size_t)n), 0);
        bct_set_diagnostics(0);
        bct_send_raw(conns[i], chunk, sizeof chunk); /* the server may already have closed */
        bct_set_diagnostics(1);
    }
    for (int i = 0; i < BODY_CONNECTIONS; i++) {
        bct_response r;
        assert_int_equal(bct_read_response(conns[i], 0, &r), 0);
        /* DELETE is no method of /v1/meetings: the 405 it gets without a body */
        if (i % 3 == 2)
            expect_problem(&r, 405, "method_not_allowed");
        else
            expect_problem(&r, 400, "body_not_allowed");
        assert_false(r.keep_alive);
        bct_response_free(&r);
        bct_close(conns[i]);
    }
    double rss1 = metric(d.port, "process_resident_memory_bytes");
    if (rss1 - rss0 > 16.0 * 1024 * 1024)
        fail_msg("RSS grew by %.1f MiB for bodies that were refused", (rss1 - rss0) / 1048576);
    /* chunked bodies too */
    static const char chunked[] = "GET /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                                  "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    bct_response r;
    assert_int_equal(raw(d.port, chunked, sizeof chunked - 1, &r), 0);
    expect_problem(&r, 400, "body_not_allowed");
    bct_response_free(&r);
    stop(&d);
}

/* A write is judged on its head: the token, the size and the memory left for bodies,
 * all before a byte of the body is read (the client here never sends it). */
static void writes_are_judged_before_their_body(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, TOKEN,
          (const char *[]){"--max-body-memory", "2100000", "--log-format", "off", NULL});
    static const char *const heads[] = {
        /* no token, a wrong token, a chunked body, a body over --max-body */
        "POST /v1/sources HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 900000\r\n\r\n",
        "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong-token-0000000000\r\n"
        "Content-Type: application/json\r\nContent-Length: 900000\r\n\r\n",
        "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " TOKEN "\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " TOKEN "\r\n"
        "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n",
    };
    static const int want[] = {401, 401, 411, 413};
    static const char *const codes[] = {"unauthorized", "unauthorized", "length_required",
                                        "body_too_large"};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        bct_response r;
        assert_int_equal(raw(d.port, heads[i], strlen(heads[i]), &r), 0);
        expect_problem(&r, want[i], codes[i]);
        assert_false(r.keep_alive);
        if (want[i] == 401)
            assert_non_null(bct_header_get(&r, "WWW-Authenticate"));
        bct_response_free(&r);
    }
    /* two authorised 1 MB bodies fill --max-body-memory (2.1 MB): a third is 503 with
     * Retry-After at once, and room comes back when the first two go */
    static const char big[] =
        "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " TOKEN
        "\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n";
    bct_conn *held[2];
    for (int i = 0; i < 2; i++) {
        held[i] = bct_connect(d.port, 5000);
        assert_non_null(held[i]);
        assert_int_equal(bct_send_raw(held[i], big, sizeof big - 1), 0);
    }
    for (int i = 0; i < 2; i++) /* both admitted: nothing comes back yet */
        assert_int_equal(bct_wait_closed(held[i], 200), 0);
    bct_response r;
    assert_int_equal(raw(d.port, big, sizeof big - 1, &r), 0);
    expect_problem(&r, 503, "busy");
    assert_non_null(bct_header_get(&r, "Retry-After"));
    bct_response_free(&r);
    for (int i = 0; i < 2; i++)
        bct_close(held[i]);
    /* once the server has noticed, a small write goes through */
    static const char small[] =
        "{\"lang\":\"en\",\"title\":\"A short note\",\"text\":\"On March 1, "
        "2026 the 13th meeting of the Joint Working Group was held.\"}";
    int status = 0;
    for (int i = 0; i < 100 && status != 201; i++) {
        bct_conn *c = bct_connect(d.port, 5000);
        assert_non_null(c);
        const char *hs[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json", NULL};
        assert_int_equal(bct_request(c, "POST", "/v1/sources", hs, small, sizeof small - 1, &r), 0);
        status = r.status;
        bct_response_free(&r);
        bct_close(c);
        if (status == 503 || status == 429) {
            struct timespec ts = {0, 20 * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    assert_int_equal(status, 201);
    stop(&d);
}

/* ---- item 5: a deleted or replaced store ------------------------------------------ */

static void post_article(int port, const char *title, bct_response *r)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"lang\":\"en\",\"title\":\"%s\",\"text\":\"On March 3, 2026 the 14th meeting "
             "of the Joint Working Group of Lao Cai and Yunnan was held in Lao Cai (%s).\"}",
             title, title);
    const char *hs[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json", NULL};
    bct_conn *c = bct_connect(port, 10000);
    assert_non_null(c);
    assert_int_equal(bct_request(c, "POST", "/v1/sources", hs, body, strlen(body), r), 0);
    bct_close(c);
}

static void a_deleted_store_takes_no_writes(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, TOKEN, (const char *[]){"--log-format", "off", NULL});
    bct_response r;
    post_article(d.port, "Before the deletion", &r);
    assert_int_equal(r.status, 201);
    bct_response_free(&r);
    char path[200];
    static const char *const suffixes[] = {"-wal", "-shm"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s%s", db, suffixes[i]);
        unlink(path);
    }
    assert_int_equal(unlink(db), 0);
    /* a write is refused, never acknowledged into a file nobody will see again */
    post_article(d.port, "After the deletion", &r);
    expect_problem(&r, 503, "store_unavailable");
    bct_response_free(&r);
    assert_int_equal(bct_get(d.port, "/readyz", NULL, &r), 0);
    expect_problem(&r, 503, "not_ready");
    bct_response_free(&r);
    /* liveness and reads go on from the open file */
    assert_int_equal(bct_get(d.port, "/healthz", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    assert_int_equal(bct_get(d.port, "/v1/meetings?limit=1", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    assert_true(log_has(&d, "was deleted", 3000));
    stop(&d);

    /* replaced: another store renamed over the path */
    start(&d, db, TOKEN, (const char *[]){"--log-format", "off", NULL});
    char other[200];
    snprintf(other, sizeof other, "%s.other", db);
    bc_err err;
    assert_int_equal(
        bc_loader_build(getenv("BC_DATA") ? getenv("BC_DATA") : "data", other, NULL, &err), 0);
    assert_int_equal(rename(other, db), 0);
    post_article(d.port, "After the replacement", &r);
    expect_problem(&r, 503, "store_unavailable");
    bct_response_free(&r);
    assert_int_equal(bct_get(d.port, "/readyz", NULL, &r), 0);
    expect_problem(&r, 503, "not_ready");
    bct_response_free(&r);
    assert_true(log_has(&d, "was replaced", 3000));
    stop(&d);
}

/* ---- item 7: If-Modified-Since never hides a change -------------------------------- */

/* GET target with If-Modified-Since ims (NULL: none); returns the status, and the
 * Last-Modified into lm (size 64, "" when absent). */
static int get_since(int port, const char *target, const char *ims, char *lm)
{
    char h[128];
    snprintf(h, sizeof h, "If-Modified-Since: %s", ims ? ims : "");
    const char *hs[] = {h, NULL};
    bct_response r;
    assert_int_equal(bct_get(port, target, ims ? hs : NULL, &r), 0);
    int status = r.status;
    const char *v = bct_header_get(&r, "Last-Modified");
    if (lm != NULL)
        snprintf(lm, 64, "%s", v ? v : "");
    bct_response_free(&r);
    return status;
}

/* Polls target until it carries a Last-Modified (the change's second has ended and the
 * daemon confirmed nothing changed since); returns it in lm. */
static void wait_for_last_modified(int port, const char *target, char *lm)
{
    for (int i = 0; i < 200; i++) {
        assert_int_equal(get_since(port, target, NULL, lm), 200);
        if (lm[0] != '\0')
            return;
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
    fail_msg("%s never carried a Last-Modified", target);
}

static void if_modified_since_never_hides_a_change(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, TOKEN, (const char *[]){"--log-format", "off", NULL});
    const char *target = "/v1/sources?fields=title";
    char lm1[64], lm2[64], lm[64];
    bct_response r;
    post_article(d.port, "First of two", &r);
    assert_int_equal(r.status, 201);
    bct_response_free(&r);
    wait_for_last_modified(d.port, target, lm1);
    assert_int_equal(get_since(d.port, target, lm1, NULL), 304);
    /* a second ingest right away, within the second of lm1 or the next: the old date
     * must not be answered 304, and any date sent from now on is later */
    post_article(d.port, "Second of two", &r);
    assert_int_equal(r.status, 201);
    bct_response_free(&r);
    assert_int_equal(get_since(d.port, target, lm1, lm), 200);
    if (lm[0] != '\0')
        assert_string_not_equal(lm, lm1);
    /* two more ingests back to back, then the same rule */
    post_article(d.port, "Third of four", &r);
    bct_response_free(&r);
    wait_for_last_modified(d.port, target, lm2);
    post_article(d.port, "Fourth of four", &r);
    bct_response_free(&r);
    assert_int_equal(get_since(d.port, target, lm2, NULL), 200);
    wait_for_last_modified(d.port, target, lm);
    assert_int_equal(get_since(d.port, target, lm, NULL), 304);
    /* a date in the future is ignored (RFC 9110 13.1.3): the full answer */
    assert_int_equal(get_since(d.port, target, "Fri, 01 Jan 2100 00:00:00 GMT", NULL), 200);
    /* as is a date that is not one */
    assert_int_equal(get_since(d.port, target, "yesterday", NULL), 200);
    /* and If-None-Match wins over If-Modified-Since */
    char h1[128], h2[128];
    snprintf(h1, sizeof h1, "If-Modified-Since: %s", lm);
    snprintf(h2, sizeof h2, "If-None-Match: \"nope\"");
    const char *hs[] = {h1, h2, NULL};
    assert_int_equal(bct_get(d.port, target, hs, &r), 0);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    stop(&d);
}

/* ---- item 8: request-smuggling primitives ------------------------------------------ */

/* Sends a head (with a request for /v1/meetings pipelined behind it), expects a problem
 * with status and code, and no answer to what was behind: the connection closes. */
static void refused_and_closed(int port, const char *head, int status, const char *code)
{
    char data[1024];
    int n = snprintf(data, sizeof data, "%sGET /v1/meetings HTTP/1.1\r\nHost: x\r\n\r\n", head);
    bct_conn *c = bct_connect(port, 5000);
    assert_non_null(c);
    assert_int_equal(bct_send_raw(c, data, (size_t)n), 0);
    bct_response r;
    if (bct_read_response(c, 0, &r) != 0)
        fail_msg("no answer to %s", head);
    expect_problem(&r, status, code);
    assert_false(r.keep_alive);
    bct_response_free(&r);
    bct_set_diagnostics(0);
    int closed = bct_wait_closed(c, 3000);
    bct_set_diagnostics(1);
    if (closed != 1)
        fail_msg("after the refusal of %s the connection %s", head,
                 closed == 0 ? "stayed open" : "answered what was behind it");
    bct_close(c);
}

static void smuggling_primitives_are_refused(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, NULL, (const char *[]){"--log-format", "off", NULL});
    /* two Content-Lengths that disagree: the body would be read as a second request */
    refused_and_closed(d.port,
                       "POST /v1/sources HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                       "Content-Length: 45\r\n\r\n",
                       400, "conflicting_framing");
    refused_and_closed(d.port,
                       "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                       "Content-Length: 3\r\n\r\nabc",
                       400, "conflicting_framing");
    refused_and_closed(d.port,
                       "POST /v1/sources HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                       400, "conflicting_framing");
    refused_and_closed(d.port,
                       "POST /v1/sources HTTP/1.1\r\nHost: x\r\n"
                       "Transfer-Encoding: gzip\r\n\r\n",
                       501, "unsupported_transfer_coding");
    refused_and_closed(d.port, "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400,
                       "conflicting_host");
    refused_and_closed(d.port, "GET /healthz HTTP/1.1\r\nAccept: */*\r\n\r\n", 400, "missing_host");
    /* two credentials: which one counts would depend on who reads the request */
    refused_and_closed(d.port,
                       "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\r\n"
                       "Authorization: Bearer b\r\nContent-Length: 0\r\n\r\n",
                       400, "conflicting_authorization");
    refused_and_closed(d.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length : 5\r\n\r\n",
                       400, "malformed_header");
    refused_and_closed(d.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x01z\r\n\r\n", 400,
                       "malformed_header");
    refused_and_closed(d.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\x7fz\r\n\r\n", 400,
                       "malformed_header");
    refused_and_closed(d.port, "GET /a\x01z HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed_request");
    refused_and_closed(d.port, "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed_request");
    /* bytes libmicrohttpd would drop silently: after a NUL in a value, a name, the
     * target or the method; a folded line glued to the previous value */
    static const struct {
        const char *data;
        size_t len;
    } hidden[] = {
#define H(s) {s, sizeof s - 1}
        H("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\0 5\r\n\r\n"),
        H("GET /healthz HTTP/1.1\r\nHost: x\0y\r\nX-A: b\r\n\r\n"),
        H("GET /healthz HTTP/1.1\r\nHost: x\r\nX\0-A: b\r\n\r\n"),
        H("GET /healthz\0/../x HTTP/1.1\r\nHost: x\r\n\r\n"),
        H("GE\0T /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
        H("GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n"),
        H("GET  /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
#undef H
    };
    bct_response r;
    for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
        bct_set_diagnostics(0);
        int rc = raw(d.port, hidden[i].data, hidden[i].len, &r);
        bct_set_diagnostics(1);
        if (rc == 0 && r.status < 400)
            fail_msg("hidden bytes %zu answered %d", i, r.status);
        if (rc == 0 && strstr(r.body, "malformed") == NULL)
            fail_msg("hidden bytes %zu: %.200s", i, r.body);
        bct_response_free(&r);
    }
    /* what is allowed around those checks: optional spaces after the colon and at the
     * end of a value, empty values, bare LF line ends, many headers */
    static const char fine[] = "GET /healthz HTTP/1.1\nHost: x\nX-A:\t  b  \nX-B:\nX-C: c\r\n"
                               "Accept: */*\r\nX-D: \xc3\xa9\r\n\n";
    assert_int_equal(raw(d.port, fine, sizeof fine - 1, &r), 0);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    /* a clean request on the same daemon still keeps its connection */
    bct_conn *c = bct_connect(d.port, 5000);
    assert_non_null(c);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(bct_request(c, "GET", "/healthz", NULL, NULL, 0, &r), 0);
        assert_int_equal(r.status, 200);
        assert_true(r.keep_alive);
        bct_response_free(&r);
    }
    bct_close(c);
    stop(&d);
}

/* ---- item 9: signals ----------------------------------------------------------------- */

static void sighup_keeps_serving(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, NULL, (const char *[]){"--log-format", "off", NULL});
    for (int i = 0; i < 3; i++) {
        assert_int_equal(kill(d.pid, SIGHUP), 0);
        assert_true(log_has(&d, "SIGHUP", 3000));
        bct_response r;
        assert_int_equal(bct_get(d.port, "/healthz", NULL, &r), 0);
        assert_int_equal(r.status, 200);
        bct_response_free(&r);
    }
    stop(&d);
}

/* With slow clients attached, SIGTERM still ends the daemon long before --shutdown-grace:
 * a request whose head never arrives is not waited for. */
static void sigterm_drains_with_slow_clients(void **state)
{
    (void)state;
    bct_daemon d;
    char db[160];
    start(&d, db, NULL, (const char *[]){"--shutdown-grace", "60", "--log-format", "off", NULL});
    bct_conn *slow[40];
    for (int i = 0; i < 40; i++) {
        slow[i] = bct_connect(d.port, 5000);
        assert_non_null(slow[i]);
        const char *part = i % 2 ? "GET /v1/meetings HTTP/1.1\r\nHost: x\r\nX-Slow: a" : "GE";
        assert_int_equal(bct_send_raw(slow[i], part, strlen(part)), 0);
    }
    bct_response r;
    assert_int_equal(bct_get(d.port, "/healthz", NULL, &r), 0);
    bct_response_free(&r);
    pid_t pid = d.pid;
    assert_int_equal(kill(pid, SIGTERM), 0);
    int status = 0;
    pid_t w = 0;
    for (int i = 0; i < 500 && w == 0; i++) { /* up to 10 s of the 60 s grace */
        w = waitpid(pid, &status, WNOHANG);
        if (w == 0) {
            struct timespec ts = {0, 20 * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    for (int i = 0; i < 40; i++)
        bct_close(slow[i]);
    if (w != pid) {
        d.pid = pid; /* let stop kill it */
        stop(&d);
        fail_msg("the daemon waited for slow clients after SIGTERM");
    }
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    d.pid = 0; /* reaped: stop only removes the temporary files */
    bct_set_diagnostics(0);
    bct_daemon_stop(&d, 1000);
    bct_set_diagnostics(1);
}

/* ---- the write token ------------------------------------------------------------------ */

static void a_token_of_spaces_is_refused_at_start(void **state)
{
    (void)state;
    char db[160];
    snprintf(db, sizeof db, "%s/token.db", TMP);
    bc_err err;
    assert_int_equal(
        bc_loader_build(getenv("BC_DATA") ? getenv("BC_DATA") : "data", db, NULL, &err), 0);
    static const char *const bad[] = {"                ", "abcdefgh ijklmnopq"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        setenv("BORDERCOOP_API_TOKEN", bad[i], 1);
        bct_daemon d;
        bct_set_diagnostics(0);
        int rc = bct_daemon_start(&d, getenv("BC_DAEMON"), db, NULL, 5000);
        bct_set_diagnostics(1);
        unsetenv("BORDERCOOP_API_TOKEN");
        if (rc == 0) {
            bct_daemon_stop(&d, 5000);
            fail_msg("the daemon started with the token '%s'", bad[i]);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_slow_search_stalls_nobody),
        cmocka_unit_test(an_ingest_stalls_nobody),
        cmocka_unit_test(a_locked_store_stalls_nobody),
        cmocka_unit_test(keep_alive_across_the_workers),
        cmocka_unit_test(cached_answers_keep_their_own_request_id),
        cmocka_unit_test(trickling_clients_are_shed),
        cmocka_unit_test(unwanted_bodies_are_never_buffered),
        cmocka_unit_test(writes_are_judged_before_their_body),
        cmocka_unit_test(a_deleted_store_takes_no_writes),
        cmocka_unit_test(if_modified_since_never_hides_a_change),
        cmocka_unit_test(smuggling_primitives_are_refused),
        cmocka_unit_test(sighup_keeps_serving),
        cmocka_unit_test(the_access_log_keeps_no_secret_and_loses_no_line),
        cmocka_unit_test(sigterm_drains_with_slow_clients),
        cmocka_unit_test(a_token_of_spaces_is_refused_at_start),
    };
    return cmocka_run_group_tests_name("attack", tests, setup, teardown);
}
