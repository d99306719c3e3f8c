/* harness.h: support library for the API tests. Starts bordercoopd on an ephemeral loopback
 * port, stops it, and speaks HTTP/1.1 to it over plain sockets (libc/POSIX only).
 *
 * Conventions: functions returning int give 0 (or a documented non-negative value) on
 * success and -1 on failure; pointer-returning functions give NULL on failure. On failure a
 * one-line diagnostic starting "bct: " goes to stderr (see bct_set_diagnostics); nothing
 * else is ever printed and nothing calls exit(). Not thread-safe: use one bct_conn or
 * bct_daemon from one thread at a time. */
#ifndef BORDERCOOP_TESTS_API_HARNESS_H
#define BORDERCOOP_TESTS_API_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

/* Included after <cmocka.h> (every API test does), cmocka's string assertions become
 * NULL-safe: a value missing from a response (a header, a JSON field of an error body)
 * fails the test with its line instead of crashing the whole binary in strcmp. */
#ifdef assert_string_equal
#include <stdio.h>
static inline void bct_string_check(const char *a, const char *b, int want_equal, const char *file,
                                    int line)
{
    if (a == NULL || b == NULL) {
        if ((a == b) != want_equal) {
            fprintf(stderr, "bct: %s:%d: %s vs %s\n", file, line, a ? a : "NULL", b ? b : "NULL");
            _fail(file, line);
        }
        return;
    }
    if (want_equal)
        _assert_string_equal(a, b, file, line);
    else
        _assert_string_not_equal(a, b, file, line);
}
#undef assert_string_equal
#undef assert_string_not_equal
#define assert_string_equal(a, b)     bct_string_check((a), (b), 1, __FILE__, __LINE__)
#define assert_string_not_equal(a, b) bct_string_check((a), (b), 0, __FILE__, __LINE__)
#endif

/* Used wherever a timeout_ms argument is <= 0, and by bct_get. */
#define BCT_DEFAULT_TIMEOUT_MS 5000
/* Largest response (status line, headers, body and chunk framing) a read accepts. */
#define BCT_MAX_RESPONSE (64u * 1024u * 1024u)

/* Turns the stderr diagnostics on (default) or off, e.g. around a call expected to fail. */
void bct_set_diagnostics(int on);

/* ---- the daemon ----------------------------------------------------------------------- */

typedef struct bct_daemon {
    pid_t pid;            /* running child, 0 when not running */
    int port;             /* bound TCP port on 127.0.0.1, from the ready file */
    char dir[256];        /* private temp directory (under $TMPDIR or /tmp) holding: */
    char ready_file[256]; /*   dir/ready, passed as --ready-file */
    char log_file[256];   /*   dir/daemon.log, the child's stdout and stderr */
} bct_daemon;

/* Runs `binary --db db --listen 127.0.0.1:0 --ready-file <dir/ready> extra_args...`
 * (--db is left out when db is NULL; extra_args is NULL-terminated and may be NULL; binary
 * is searched in PATH when it has no '/'). The child gets stdin from /dev/null, stdout and
 * stderr appended to d->log_file, default signal dispositions, no inherited fds beyond
 * 0-2, and on Linux is SIGKILLed if the calling thread dies. Waits up to timeout_ms for the
 * ready file ("<port>\n") and fills *d. Returns 0, or -1 when the child cannot be started,
 * exits early or times out: then it is killed and reaped, its log is echoed to stderr, the
 * temp files are removed and *d is zeroed. The caller must later call bct_daemon_stop. */
int bct_daemon_start(bct_daemon *d, const char *binary, const char *db,
                     const char *const *extra_args, int timeout_ms);

/* Sends SIGTERM and waits up to timeout_ms for the child to exit, then SIGKILLs it. Returns
 * its exit status (0..255), or -1 when it was killed by a signal (including the SIGKILL),
 * was not running or could not be reaped. On any result but 0 the log is echoed to stderr
 * (so sanitizer reports from the daemon are not lost). Always removes the temp directory
 * and zeroes *d; safe to call again or after a failed start. */
int bct_daemon_stop(bct_daemon *d, int timeout_ms);

/* The daemon's stdout+stderr so far, as a malloc'd NUL-terminated string the caller frees;
 * NULL when there is no log file or it cannot be read. */
char *bct_daemon_log(const bct_daemon *d);

/* ---- responses ------------------------------------------------------------------------ */

typedef struct bct_header {
    char *name;  /* as received, surrounding whitespace trimmed */
    char *value; /* surrounding whitespace trimmed */
} bct_header;

typedef struct bct_response {
    int status;          /* e.g. 200 */
    int http_minor;      /* 1 for HTTP/1.1, 0 for HTTP/1.0 */
    char *reason;        /* reason phrase, may be "" */
    bct_header *headers; /* in order received; trailers of chunked bodies are dropped */
    size_t nheaders;
    char *body;      /* never NULL after success ("" when there is no body); NUL-terminated */
    size_t body_len; /* bytes in body, which may itself contain NULs */
    int keep_alive;  /* 1 unless "Connection: close", HTTP/1.0 without "Connection:
                        keep-alive", or a body delimited by the server closing */
} bct_response;

/* Frees the members of r (not r itself) and zeroes it. NULL-safe; safe on a zeroed struct
 * and on any response a bct_ function has filled, whether it succeeded or failed. */
void bct_response_free(bct_response *r);

/* Value of the first header whose name matches case-insensitively, or NULL. The pointer
 * belongs to r and lives until bct_response_free. */
const char *bct_header_get(const bct_response *r, const char *name);

/* ---- connections ---------------------------------------------------------------------- */

/* One TCP connection to 127.0.0.1:port, reusable for keep-alive and pipelining: bytes read
 * past the end of one response stay buffered for the next. */
typedef struct bct_conn bct_conn;

/* Connects within timeout_ms, which is also the limit for each later bct_send_raw and each
 * whole response read (and for each half of bct_request). Returns a connection the caller
 * releases with bct_close, or NULL. */
bct_conn *bct_connect(int port, int timeout_ms);

/* The same from source address 127.0.0.<from> (1..254; 1 is bct_connect's): a client
 * of its own as far as the daemon can tell. */
bct_conn *bct_connect_from(int port, int from, int timeout_ms);

/* Closes the socket and frees c. NULL-safe. */
void bct_close(bct_conn *c);

/* Sends exactly len bytes of data (for malformed-request tests). Returns 0 or -1. */
int bct_send_raw(bct_conn *c, const char *data, size_t len);

/* Sends "METHOD target HTTP/1.1\r\n", "Host: 127.0.0.1:<port>\r\n" (unless extra_headers
 * has a Host line), each extra header (full "Name: value" lines without CRLF; NULL-terminated
 * array, may be NULL), "Content-Length: <body_len>\r\n" when body is not NULL (unless
 * extra_headers has Content-Length or Transfer-Encoding; pass "" for an empty body), the
 * blank line and the body; then reads one response into *out as bct_read_response does
 * (is_head when method is "HEAD"). Returns 0 or -1; *out must be freed either way.
 *
 * Recording: when the environment variable BCT_RECORD names a file, every response read
 * here (so also through bct_get) is appended to it as one JSON line
 *   {"method": "...", "target": "...", "status": N, "content_type": "..." or null,
 *    "body": "..." or null}
 * with the body as a string ("" for HEAD, 204 and 304; null when it is not valid UTF-8,
 * e.g. gzip). tests/contract/validate.mjs checks such a file against openapi.yaml.
 * Responses read with bct_read_response alone are not recorded (their request is
 * unknown). */
int bct_request(bct_conn *c, const char *method, const char *target,
                const char *const *extra_headers, const char *body, size_t body_len,
                bct_response *out);

/* Reads the next response into *out (overwritten without freeing: free a previous one
 * first). Interim 1xx responses other than 101 are skipped. The body is delimited by
 * Content-Length, chunked Transfer-Encoding, or the server closing; there is none when
 * is_head or for 1xx, 204 and 304. Returns 0, or -1 on a malformed or over-large
 * (BCT_MAX_RESPONSE) response, timeout, or the connection closing before the response is
 * complete; after -1 the connection can only be closed. *out must be freed either way. */
int bct_read_response(bct_conn *c, int is_head, bct_response *out);

/* Waits up to timeout_ms for the server to close the connection. Returns 1 when it did
 * (end of stream or reset), 0 when it is still open at the timeout, -1 when unread data is
 * or becomes available (kept for bct_read_response) or on error. */
int bct_wait_closed(bct_conn *c, int timeout_ms);

/* Convenience: bct_connect(port, BCT_DEFAULT_TIMEOUT_MS), bct_request of GET without a
 * body, bct_close. Returns 0 or -1; *out must be freed either way. */
int bct_get(int port, const char *target, const char *const *extra_headers, bct_response *out);

/* bct_get with its own limit: timeout_ms for the connection and for each half of the
 * exchange (<= 0: BCT_DEFAULT_TIMEOUT_MS), for answers that may take longer, e.g. a
 * whole-store export under valgrind. */
int bct_get_timeout(int port, const char *target, const char *const *extra_headers, int timeout_ms,
                    bct_response *out);

/* A test's scratch directory: makes a new /tmp/bc-TAG-XXXXXX into dir (n bytes) and
 * returns 0, or -1; bct_tmpdir_remove deletes it with everything below it (0 or -1). */
int bct_tmpdir(char *dir, size_t n, const char *tag);
int bct_tmpdir_remove(const char *dir);

/* Runs the CLI ($BC_CLI) with args and --db db, its stderr discarded: its stdout (up to
 * 64 KiB, new, free()), or NULL when it could not run or exited non-zero. */
char *bct_cli_stdout(const char *db, const char *args);

/* The fixture most API tests share. bct_store_new makes a scratch directory tagged tag
 * (into dir, dir_n bytes) and builds a store from $BC_DATA (default "data") at
 * dir/store.db (into db, db_n bytes): 0, or -1 (said on stderr). */
int bct_store_new(char *dir, size_t dir_n, char *db, size_t db_n, const char *tag);

/* Adds an API key for name with role to db through the CLI; its secret (47 characters)
 * into key (n >= 48): 0, or -1. */
int bct_key_add(const char *db, const char *name, const char *role, char *key, size_t n);

/* Starts $BC_DAEMON on db with token as its bootstrap token (BORDERCOOP_API_TOKEN is set
 * for the start only; BORDERCOOP_KEY is unset), as bct_daemon_start with no extra
 * arguments and a 10 s wait. */
int bct_daemon_start_token(bct_daemon *d, const char *db, const char *token);

/* Stops d (10 s) and removes dir: 0 when both went well, else -1. */
int bct_daemon_teardown(bct_daemon *d, const char *dir);

/* For cmocka tests (after <cmocka.h>): one request on a connection of its own to port;
 * the test fails unless it is answered with status want. Its body parsed as JSON (NULL
 * when it is not JSON); the response into *keep when keep is not NULL (the caller frees
 * it), else freed. */
#ifdef assert_string_equal
#include <jansson.h>
#include <string.h>
static inline json_t *bct_call_json(int port, const char *method, const char *target,
                                    const char *const *headers, const char *body, int want,
                                    bct_response *keep)
{
    bct_conn *c = bct_connect(port, 10000);
    if (c == NULL)
        fail_msg("%s %s: no connection", method, target);
    bct_response r;
    int rc = bct_request(c, method, target, headers, body, body != NULL ? strlen(body) : 0, &r);
    bct_close(c);
    if (rc != 0)
        fail_msg("%s %s: no response", method, target);
    if (r.status != want)
        fail_msg("%s %s: status %d, want %d: %.400s", method, target, r.status, want, r.body);
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    if (keep != NULL)
        *keep = r;
    else
        bct_response_free(&r);
    return j;
}
#endif

#endif
