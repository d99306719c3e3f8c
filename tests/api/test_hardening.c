/* test_hardening.c: the smaller findings of the second attack pass against the real
 * daemon on loopback: signals that used to kill it (USR1, USR2, ALRM) leave it serving
 * with its access log complete; an empty or malformed Host and a second Content-Type
 * are refused with a problem and the connection closed; slow bodies sent with one key
 * cannot take the body memory other writers need; heads near the size limit always
 * get a 431 or 414 problem, never an empty reply, and so do targets of many parameters
 * and heads of many fields; a write in flight does not hold the
 * shutdown past --shutdown-grace. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "hardening-test-token-0123456789"

static char TMP[64];
static char DB[160];

static int setup(void **state)
{
    (void)state;
    if (bct_tmpdir(TMP, sizeof TMP, "hardening") != 0)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    return bc_loader_build(getenv("BC_DATA") ? getenv("BC_DATA") : "data", DB, NULL, &err);
}

static int teardown(void **state)
{
    (void)state;
    return bct_tmpdir_remove(TMP);
}

static void start(bct_daemon *d, const char *const *extra)
{
    setenv("BORDERCOOP_API_TOKEN", TOKEN, 1);
    int rc = bct_daemon_start(d, getenv("BC_DAEMON"), DB, extra, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    if (rc != 0)
        fail_msg("the daemon did not start");
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap + 1);
    assert_non_null(s);
    size_t k;
    while ((k = fread(s + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            cap *= 2;
            s = realloc(s, cap + 1);
            assert_non_null(s);
        }
    }
    fclose(f);
    s[n] = '\0';
    return s;
}

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

static size_t occurrences(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p != NULL; p = strstr(p + 1, what))
        n++;
    return n;
}

/* USR1 and USR2 reopen the access log like HUP (logrotate's habit), ALRM is ignored:
 * none of them stops the daemon, and no buffered log line is lost. */
static void stray_signals_keep_serving(void **state)
{
    (void)state;
    char logfile[200];
    snprintf(logfile, sizeof logfile, "%s/access.log", TMP);
    bct_daemon d;
    start(&d, (const char *[]){"--log-file", logfile, NULL});
    static const int sigs[] = {SIGUSR1, SIGUSR2, SIGALRM};
    static const char *const said[] = {"SIGUSR1 received", "SIGUSR2 received",
                                       "received and ignored"};
    for (size_t i = 0; i < 3; i++) {
        for (int k = 0; k < 5; k++) {
            bct_response r;
            assert_int_equal(bct_get(d.port, "/healthz?marker=sig", NULL, &r), 0);
            bct_response_free(&r);
        }
        assert_int_equal(kill(d.pid, sigs[i]), 0);
        assert_true(log_has(&d, said[i], 3000));
        bct_response r;
        assert_int_equal(bct_get(d.port, "/healthz", NULL, &r), 0);
        assert_int_equal(r.status, 200);
        bct_response_free(&r);
    }
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
    char *log = read_all(logfile);
    assert_non_null(log);
    assert_int_equal(occurrences(log, "marker=sig"), 15);
    free(log);
}

/* Sends raw on a new connection; returns the one response (status in *status, -1 for
 * none) and whether the server then closed the connection. */
static void raw_once(int port, const char *data, int *status, const char **code_out, char *code,
                     size_t code_n)
{
    bct_conn *c = bct_connect(port, 5000);
    assert_non_null(c);
    assert_int_equal(bct_send_raw(c, data, strlen(data)), 0);
    bct_response r;
    memset(&r, 0, sizeof r);
    *status = bct_read_response(c, 0, &r) == 0 ? r.status : -1;
    code[0] = '\0';
    if (*status > 0) {
        const char *ct = bct_header_get(&r, "Content-Type");
        assert_non_null(ct);
        assert_non_null(strstr(ct, "application/problem+json"));
        json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
        assert_non_null(j);
        snprintf(code, code_n, "%s", json_string_value(json_object_get(j, "code")));
        json_decref(j);
        /* nothing but one response: the connection is closed after it */
        assert_int_equal(bct_wait_closed(c, 3000), 1);
    }
    *code_out = code;
    bct_response_free(&r);
    bct_close(c);
}

static void bad_hosts_and_headers_are_refused(void **state)
{
    (void)state;
    bct_daemon d;
    start(&d, (const char *[]){"--log-format", "off", NULL});
    static const char *const hosts[] = {"", "a b", "user@evil:99999", "a:99999"};
    for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
        char req[256];
        snprintf(req, sizeof req, "GET /healthz HTTP/1.1\r\nHost: %s\r\n\r\n", hosts[i]);
        int status;
        const char *code;
        char buf[64];
        raw_once(d.port, req, &status, &code, buf, sizeof buf);
        if (status != 400)
            fail_msg("Host '%s': status %d, want 400", hosts[i], status);
        assert_string_equal(code, "invalid_host");
    }
    /* two Content-Types on a write: refused before anything reads the body */
    static const char dup[] = "POST /v1/sources HTTP/1.1\r\nHost: x\r\n"
                              "Authorization: Bearer " TOKEN "\r\n"
                              "Content-Type: application/json\r\nContent-Type: text/plain\r\n"
                              "Content-Length: 2\r\n\r\n{}";
    int status;
    const char *code;
    char buf[64];
    raw_once(d.port, dup, &status, &code, buf, sizeof buf);
    assert_int_equal(status, 400);
    assert_string_equal(code, "conflicting_header");
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
}

/* A new key from `bordercoop keys add NAME --role ROLE` into key (size n). */
static void add_key(const char *name, const char *role, char *key, size_t n)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "%s keys add %s --role %s --db '%s'", getenv("BC_CLI"), name, role,
             DB);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    key[0] = '\0';
    assert_non_null(fgets(key, (int)n, p));
    assert_int_equal(pclose(p), 0);
    key[strcspn(key, "\r\n")] = '\0';
    assert_true(strncmp(key, "bck_", 4) == 0);
}

#define SLOW_BODIES 4

/* Slow bodies sent with one key hold at most a quarter of the body memory: with all of
 * it otherwise promised to them, another writer still gets through. */
static void slow_bodies_of_one_key_leave_room_for_others(void **state)
{
    (void)state;
    char key[128];
    add_key("trickler", "ingest", key, sizeof key);
    bct_daemon d;
    /* room for four 256 KiB bodies in all, two per key */
    start(&d, (const char *[]){"--log-format", "off", "--max-body", "262144", "--max-body-memory",
                               "1048576", NULL});
    char head[512];
    snprintf(head, sizeof head,
             "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
             "Content-Type: application/json\r\nContent-Length: 262144\r\n\r\n{\"text\":\"",
             key);
    bct_conn *slow[SLOW_BODIES];
    for (int i = 0; i < SLOW_BODIES; i++) {
        slow[i] = bct_connect(d.port, 5000);
        assert_non_null(slow[i]);
        assert_int_equal(bct_send_raw(slow[i], head, strlen(head)), 0);
    }
    /* two of them are taken (a key's share is at least two bodies); the others are refused */
    int refused = 0;
    for (int i = 0; i < SLOW_BODIES; i++)
        if (bct_wait_closed(slow[i], 3000) != 0) {
            bct_response r;
            memset(&r, 0, sizeof r);
            if (bct_read_response(slow[i], 0, &r) == 0 && r.status == 503 &&
                strstr(r.body, "key") != NULL)
                refused++;
            bct_response_free(&r);
        }
    assert_int_equal(refused, SLOW_BODIES - 2);
    /* another writer (the bootstrap token) gets through */
    static const char body[] = "{\"lang\":\"en\",\"title\":\"Honest\",\"text\":\"Trade between "
                               "Lao Cai and Yunnan reached USD 5 million in 2025.\"}";
    const char *hs[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json", NULL};
    bct_conn *c = bct_connect(d.port, 10000);
    assert_non_null(c);
    bct_response r;
    assert_int_equal(bct_request(c, "POST", "/v1/sources", hs, body, strlen(body), &r), 0);
    assert_int_equal(r.status, 201);
    bct_response_free(&r);
    bct_close(c);
    for (int i = 0; i < SLOW_BODIES; i++)
        bct_close(slow[i]);
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
}

/* One request with an X-Pad header of pad bytes, or (target_pad) a query of that many
 * bytes: the answer must be a status (never an empty reply or a hang), want or 200,
 * and a problem document that closes the connection when it is not 200. */
static void big_head(int port, size_t pad, int on_target, int want)
{
    size_t n = pad + 512;
    char *req = malloc(n);
    char *fill = malloc(pad + 1);
    assert_non_null(req);
    assert_non_null(fill);
    memset(fill, 'a', pad);
    fill[pad] = '\0';
    if (on_target)
        snprintf(req, n, "GET /v1/meetings?limit=1&x=%s HTTP/1.1\r\nHost: x\r\n\r\n", fill);
    else
        snprintf(req, n, "GET /v1/meetings?limit=1 HTTP/1.1\r\nHost: x\r\nX-Pad: %s\r\n\r\n", fill);
    bct_conn *c = bct_connect(port, 5000);
    assert_non_null(c);
    assert_int_equal(bct_send_raw(c, req, strlen(req)), 0);
    bct_response r;
    memset(&r, 0, sizeof r);
    if (bct_read_response(c, 0, &r) != 0)
        fail_msg("%s of %zu bytes: no answer", on_target ? "target" : "header", pad);
    if (r.status != 200 && r.status != want)
        fail_msg("%s of %zu bytes: status %d, want 200 or %d", on_target ? "target" : "header", pad,
                 r.status, want);
    if (r.status != 200) {
        assert_non_null(strstr(bct_header_get(&r, "Content-Type"), "application/problem+json"));
        assert_int_equal(bct_wait_closed(c, 3000), 1);
    }
    bct_response_free(&r);
    bct_close(c);
    free(fill);
    free(req);
}

/* Heads near --max-header-bytes (8192) always get an answer: 200 while the head fits,
 * else 431 (header) or 414 (target) as a problem, never an empty reply. */
static void heads_near_the_limit_are_answered(void **state)
{
    (void)state;
    bct_daemon d;
    start(&d, (const char *[]){"--log-format", "off", NULL});
    static const size_t pads[] = {6000, 7000, 7100, 7200, 7600, 7900, 8000, 8100, 8200, 9000};
    for (size_t i = 0; i < sizeof pads / sizeof pads[0]; i++)
        big_head(d.port, pads[i], 0, 431);
    static const size_t targets[] = {4100, 7600, 7800, 8040, 8100, 8140, 8200, 9000};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
        big_head(d.port, targets[i], 1, 414);
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
}

/* Sends head (a whole request head) on a connection of its own and reads one answer within
 * 2 s: its status, or 0 when none came (an empty reply or a hang). A refusal must be a
 * problem document. */
static int answer_to(int port, const char *head)
{
    bct_conn *c = bct_connect(port, 2000);
    assert_non_null(c);
    assert_int_equal(bct_send_raw(c, head, strlen(head)), 0);
    bct_response r;
    memset(&r, 0, sizeof r);
    int status = bct_read_response(c, 0, &r) == 0 ? r.status : 0;
    const char *type = bct_header_get(&r, "Content-Type");
    if (status >= 400 && (type == NULL || strstr(type, "application/problem+json") == NULL))
        fail_msg("status %d without a problem document (%.60s)", status, head);
    bct_response_free(&r);
    bct_close(c);
    return status;
}

/* A target within --max-uri holding many query parameters (200 in 1.3 KB; an empty one
 * between each two '&' of 4000) and heads of many short fields are answered at once, a
 * problem when refused, and no such request is shed as a slow client (analyst 12, F6:
 * 200 parameters used up libmicrohttpd's connection memory, which answered nothing until
 * --header-timeout). */
static void many_parameters_or_fields_are_answered(void **state)
{
    (void)state;
    bct_daemon d;
    start(&d, (const char *[]){"--log-format", "off", "--header-timeout", "5", NULL});
    char *req = malloc(16384);
    assert_non_null(req);
    size_t n = (size_t)sprintf(req, "GET /v1/meetings?limit=1");
    for (int i = 0; i < 200; i++)
        n += (size_t)sprintf(req + n, "&p%d=v", i);
    sprintf(req + n, " HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_int_equal(answer_to(d.port, req), 400); /* too many parameters, said at once */
    n = (size_t)sprintf(req, "GET /v1/meetings?fields=id");
    memset(req + n, '&', 4000);
    sprintf(req + n + 4000, " HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_int_equal(answer_to(d.port, req), 200); /* empty parameters are no parameters */
    n = (size_t)sprintf(req, "GET /v1/meetings?limit=1");
    for (int i = 0; n < 5000; i++)
        n += (size_t)sprintf(req + n, "&q%d=1", i);
    sprintf(req + n, " HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_int_equal(answer_to(d.port, req), 414); /* over --max-uri */
    /* a few fields are answered, more are refused (64 bytes counted per field), and the
     * heads whose records fill libmicrohttpd's memory are refused past it, never in silence */
    for (int fields = 10; fields <= 154; fields += 4) {
        n = (size_t)sprintf(req, "GET /v1/meetings?limit=1 HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < fields; i++)
            n += (size_t)sprintf(req + n, "h%d:1\r\n", i);
        sprintf(req + n, "\r\n");
        int status = answer_to(d.port, req);
        if (status != 200 && status != 431)
            fail_msg("a head of %d fields: status %d", fields, status);
        if (fields <= 30)
            assert_int_equal(status, 200);
    }
    bct_response m;
    memset(&m, 0, sizeof m);
    assert_int_equal(bct_get(d.port, "/metrics", NULL, &m), 0);
    assert_non_null(strstr(m.body, "bordercoop_connections_shed_total{reason=\"slow_head\"} 0\n"));
    bct_response_free(&m);
    free(req);
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
}

/* Heads that do not fit in a connection's memory at all, which libmicrohttpd refuses while
 * reading them (one header line of 20 KB or 200 KB, 160 short fields, a Cookie of 900 pairs),
 * get a 431 problem document, not the library's HTML page without a Content-Type
 * (analyst 12, F7). One client at a time: the daemon then knows which head it was. */
static void heads_past_the_connection_memory_get_a_problem(void **state)
{
    (void)state;
    bct_daemon d;
    start(&d, (const char *[]){"--log-format", "off", NULL});
    char *req = malloc(1100000);
    assert_non_null(req);
    static const size_t lines[] = {20000, 200000};
    for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
        size_t n = (size_t)sprintf(req, "GET /v1/meetings HTTP/1.1\r\nHost: x\r\nX-Big: ");
        memset(req + n, 'a', lines[k]);
        sprintf(req + n + lines[k], "\r\n\r\n");
        assert_int_equal(answer_to(d.port, req), 431);
    }
    size_t n = (size_t)sprintf(req, "GET /v1/meetings HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 160; i++)
        n += (size_t)sprintf(req + n, "X-h%d: v\r\n", i);
    sprintf(req + n, "\r\n");
    assert_int_equal(answer_to(d.port, req), 431);
    n = (size_t)sprintf(req, "GET /v1/meetings HTTP/1.1\r\nHost: x\r\nCookie: c0=1");
    for (int i = 1; i < 900; i++)
        n += (size_t)sprintf(req + n, "; c%d=1", i);
    sprintf(req + n, "\r\n\r\n");
    assert_int_equal(answer_to(d.port, req), 431);
    /* and the daemon goes on serving */
    bct_response r;
    memset(&r, 0, sizeof r);
    assert_int_equal(bct_get(d.port, "/v1/meetings?limit=1&fields=id", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    free(req);
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
}

/* SIGTERM with a write waiting for the store lock (held here, as `bordercoop load`
 * would): the write is cut when --shutdown-grace is over and answered 503, and the
 * daemon exits then, not at the write's own 10 s budget. */
static void shutdown_grace_bounds_a_write_in_flight(void **state)
{
    (void)state;
    char lock[200];
    snprintf(lock, sizeof lock, "%s.lock", DB);
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    assert_true(fd >= 0);
    bct_daemon d;
    start(&d, (const char *[]){"--log-format", "off", "--shutdown-grace", "1", NULL});
    assert_int_equal(flock(fd, LOCK_EX), 0);
    static const char body[] = "{\"lang\":\"en\",\"title\":\"Late\",\"text\":\"Trade between "
                               "Lao Cai and Yunnan reached USD 7 million in 2025.\"}";
    char req[1024];
    snprintf(req, sizeof req,
             "POST /v1/sources HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " TOKEN "\r\n"
             "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
             sizeof body - 1, body);
    bct_conn *p = bct_connect(d.port, 15000);
    assert_non_null(p);
    assert_int_equal(bct_send_raw(p, req, strlen(req)), 0);
    /* the write is waiting for the lock (nothing comes back) */
    assert_int_equal(bct_wait_closed(p, 500), 0);
    /* stopped within 6 s though the write's budget is 10 s: exit status 0, no SIGKILL */
    assert_int_equal(bct_daemon_stop(&d, 6000), 0);
    bct_response r;
    memset(&r, 0, sizeof r);
    if (bct_read_response(p, 0, &r) == 0)
        assert_int_equal(r.status, 503);
    bct_response_free(&r);
    bct_close(p);
    flock(fd, LOCK_UN);
    close(fd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stray_signals_keep_serving),
        cmocka_unit_test(bad_hosts_and_headers_are_refused),
        cmocka_unit_test(slow_bodies_of_one_key_leave_room_for_others),
        cmocka_unit_test(heads_near_the_limit_are_answered),
        cmocka_unit_test(many_parameters_or_fields_are_answered),
        cmocka_unit_test(heads_past_the_connection_memory_get_a_problem),
        cmocka_unit_test(shutdown_grace_bounds_a_write_in_flight),
    };
    return cmocka_run_group_tests_name("hardening", tests, setup, teardown);
}
