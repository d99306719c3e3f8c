/* test_abuse.c: the daemon under hostile and broken clients, on loopback, bounded in
 * count and time: hundreds of idle and slow (slowloris) connections from one address
 * while another address keeps being served; thousands of malformed requests, each
 * answered with a 4xx or a closed connection; the daemon alive and serving after. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define IDLE_CONNECTIONS 300
#define MALFORMED        2000

static bct_daemon D;
static char TMP[64];

static int setup(void **state)
{
    (void)state;
    if (bct_tmpdir(TMP, sizeof TMP, "abuse") != 0)
        return -1;
    char db[128];
    snprintf(db, sizeof db, "%s/store.db", TMP);
    bc_err err;
    const char *data = getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    if (bc_loader_build(data, db, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    /* tight limits so the test stays small: 40 connections per address, 2 s timeout */
    const char *extra[] = {"--max-connections-per-ip",
                           "40",
                           "--max-connections",
                           "600",
                           "--connection-timeout",
                           "2",
                           "--log-format",
                           "off",
                           NULL};
    return bct_daemon_start(&D, getenv("BC_DAEMON"), db, extra, 10000);
}

static int teardown(void **state)
{
    (void)state;
    int status = bct_daemon_stop(&D, 10000);
    if (bct_tmpdir_remove(TMP) != 0 || status != 0) {
        fprintf(stderr, "bordercoopd exited with %d\n", status);
        return -1;
    }
    return 0;
}

/* A TCP connection to the daemon from source address 127.0.0.<from>. */
static int connect_from(int from)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in src = {.sin_family = AF_INET};
    src.sin_addr.s_addr = htonl(0x7f000000u | (unsigned)from);
    struct sockaddr_in dst = {.sin_family = AF_INET, .sin_port = htons((unsigned short)D.port)};
    dst.sin_addr.s_addr = htonl(0x7f000001u);
    if (bind(fd, (struct sockaddr *)&src, sizeof src) != 0 ||
        connect(fd, (struct sockaddr *)&dst, sizeof dst) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Sends a request and reads the first line of the answer into line (size n); returns
 * the status, 0 when the server closed the connection without one, -1 on timeout. */
static int exchange(int fd, const char *data, size_t len, char *line, size_t n, int timeout_ms)
{
    size_t off = 0;
    while (off < len) {
        ssize_t w = send(fd, data + off, len - off, MSG_NOSIGNAL);
        if (w <= 0)
            break; /* the server may close while we write: read what it said */
        off += (size_t)w;
    }
    size_t got = 0;
    line[0] = '\0';
    while (got + 1 < n) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0)
            return -1;
        ssize_t r = recv(fd, line + got, n - 1 - got, 0);
        if (r <= 0)
            break;
        got += (size_t)r;
        line[got] = '\0';
        if (strstr(line, "\r\n") != NULL)
            break;
    }
    if (strncmp(line, "HTTP/1.", 7) != 0)
        return 0;
    return atoi(line + 9);
}

/* One clean GET from address `from`; returns the status. */
static int good_request(int from, const char *target)
{
    int fd = connect_from(from);
    if (fd < 0)
        return -1;
    char req[256], line[256];
    int n = snprintf(req, sizeof req,
                     "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", target);
    int status = exchange(fd, req, (size_t)n, line, sizeof line, 5000);
    close(fd);
    return status;
}

static void idle_and_slow_clients_do_not_starve_others(void **state)
{
    (void)state;
    int fds[IDLE_CONNECTIONS];
    int open_ok = 0;
    /* half idle, half slowloris (a request line and headers that never end) */
    for (int i = 0; i < IDLE_CONNECTIONS; i++) {
        fds[i] = connect_from(2);
        if (fds[i] < 0)
            continue;
        open_ok++;
        if (i % 2 == 0) {
            const char *partial = "GET /v1/meetings HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
            send(fds[i], partial, strlen(partial), MSG_NOSIGNAL);
        }
    }
    assert_true(open_ok > 0);
    /* meanwhile another client address is served, every time */
    for (int i = 0; i < 40; i++) {
        int status = good_request(3, i % 2 ? "/v1/meetings?limit=1" : "/healthz");
        if (status != 200)
            fail_msg("request %d from another address got %d while %d connections were held", i,
                     status, open_ok);
    }
    /* trickle one byte on the slow ones for a while; the timeout must cut them */
    for (int round = 0; round < 6; round++) {
        for (int i = 0; i < IDLE_CONNECTIONS; i += 2)
            if (fds[i] >= 0)
                send(fds[i], "a", 1, MSG_NOSIGNAL);
        struct timespec ts = {0, 500 * 1000000L};
        nanosleep(&ts, NULL);
    }
    /* after the 2 s inactivity timeout, the idle ones are closed by the server */
    int closed = 0;
    for (int i = 1; i < IDLE_CONNECTIONS; i += 2) {
        if (fds[i] < 0)
            continue;
        struct pollfd p = {fds[i], POLLIN, 0};
        char c;
        if (poll(&p, 1, 100) > 0 && recv(fds[i], &c, 1, MSG_DONTWAIT) <= 0)
            closed++;
    }
    for (int i = 0; i < IDLE_CONNECTIONS; i++)
        if (fds[i] >= 0)
            close(fds[i]);
    if (closed < open_ok / 4)
        fail_msg("only %d of the idle connections were closed by the timeout", closed);
    /* the abusive address is free again once its connections are gone */
    struct timespec ts = {0, 200 * 1000000L};
    nanosleep(&ts, NULL);
    assert_int_equal(good_request(2, "/healthz"), 200);
}

/* A malformed request number i (deterministic variety). */
static size_t malformed(unsigned i, char *buf, size_t n, unsigned *seed)
{
    switch (i % 10) {
    case 0: /* random bytes, ended like a request so the server must judge them (without an
             * end it rightly waits, as for any slow client, until the timeout) */
    {
        size_t len = 1 + (size_t)(rand_r(seed) % 300);
        for (size_t k = 0; k < len && k + 4 < n; k++)
            buf[k] = (char)(rand_r(seed) & 0xff);
        memcpy(buf + len, "\r\n\r\n", 4);
        return len + 4;
    }
    case 1:
        return (size_t)snprintf(buf, n, "GET\r\n\r\n");
    case 2:
        return (size_t)snprintf(buf, n, "GET /v1/meetings HTTP/1.1\r\n\r\n"); /* no Host */
    case 3:
        return (size_t)snprintf(buf, n, "GET /v1/meet%%ZZings HTTP/1.1\r\nHost: x\r\n\r\n");
    case 4:
        return (size_t)snprintf(buf, n,
                                "GET /v1/meetings?province=%%C3%%28 HTTP/1.1\r\nHost: x\r\n\r\n");
    case 5:
        return (size_t)snprintf(buf, n, "GET /v1/people/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n");
    case 6: {
        size_t k = (size_t)snprintf(buf, n, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Huge: ");
        while (k + 8 < n && k < 40000)
            buf[k++] = 'h';
        return k + (size_t)snprintf(buf + k, n - k, "\r\n\r\n");
    }
    case 7:
        return (size_t)snprintf(buf, n, "GET /v1/meetings?%%00=1 HTTP/1.1\r\nHost: x\r\n\r\n");
    case 8:
        return (size_t)snprintf(
            buf, n, "POST /v1/meetings HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nabcde");
    default:
        return (size_t)snprintf(buf, n, "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
    }
}

static void malformed_requests_get_4xx_or_close(void **state)
{
    (void)state;
    static char buf[48000];
    char line[512];
    unsigned seed = 12345;
    int answered = 0, closed = 0;
    for (unsigned i = 0; i < MALFORMED; i++) {
        int fd = connect_from(4 + (int)(i % 50));
        assert_true(fd >= 0);
        size_t len = malformed(i, buf, sizeof buf, &seed);
        int status = exchange(fd, buf, len, line, sizeof line, 3000);
        close(fd);
        if (status == -1)
            fail_msg("request %u (kind %u) got no answer and no close within 3 s", i, i % 10);
        if (status == 0) {
            closed++;
            continue;
        }
        if (status < 400 || status > 499)
            fail_msg("malformed request %u (kind %u) was answered %d", i, i % 10, status);
        answered++;
    }
    assert_true(answered > MALFORMED / 2);
    /* alive and serving */
    assert_int_equal(good_request(3, "/v1/meetings/jwg-yunnan-11"), 200);
    (void)closed;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(idle_and_slow_clients_do_not_starve_others),
        cmocka_unit_test(malformed_requests_get_4xx_or_close),
    };
    return cmocka_run_group_tests_name("abuse", tests, setup, teardown);
}
