/* test_store_swap.c: the store's files changed under a running daemon (issue 12, attack
 * findings 1 and 2). A store replaced by mv or deleted and rebuilt with `bordercoop load`
 * is never paired with the old store's -wal/-shm: after the daemon stops and starts
 * again the file at the path passes PRAGMA integrity_check and holds exactly the new
 * store's content. A deleted -wal makes writes 503 and /readyz 503, and the writes
 * acknowledged before it survive a SIGKILL. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "swap-test-token-0123456789"

static char TMP[64];

static int setup(void **state)
{
    (void)state;
    return bct_tmpdir(TMP, sizeof TMP, "swap");
}

static int teardown(void **state)
{
    (void)state;
    return bct_tmpdir_remove(TMP);
}

static const char *data_dir(void)
{
    return getenv("BC_DATA") ? getenv("BC_DATA") : "data";
}

static void build(const char *db)
{
    bc_err err;
    if (bc_loader_build(data_dir(), db, NULL, &err) != 0)
        fail_msg("building %s: %s", db, err.msg);
}

static void start(bct_daemon *d, const char *db)
{
    setenv("BORDERCOOP_API_TOKEN", TOKEN, 1);
    int rc = bct_daemon_start(d, getenv("BC_DAEMON"), db,
                              (const char *[]){"--log-format", "off", NULL}, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    if (rc != 0)
        fail_msg("the daemon did not start");
}

static int post_article(int port, const char *title)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"lang\":\"en\",\"title\":\"%s\",\"text\":\"On March 3, 2026 the 14th meeting "
             "of the Joint Working Group of Lao Cai and Yunnan was held in Lao Cai (%s). Trade "
             "between Lao Cai and Yunnan reached USD 5 million in 2025.\"}",
             title, title);
    const char *hs[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json", NULL};
    bct_conn *c = bct_connect(port, 10000);
    assert_non_null(c);
    bct_response r;
    assert_int_equal(bct_request(c, "POST", "/v1/sources", hs, body, strlen(body), &r), 0);
    bct_close(c);
    int status = r.status;
    if (status == 503) {
        json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
        assert_non_null(j);
        assert_string_equal(json_string_value(json_object_get(j, "code")), "store_unavailable");
        json_decref(j);
    }
    bct_response_free(&r);
    return status;
}

static int status_of(int port, const char *target)
{
    bct_response r;
    assert_int_equal(bct_get(port, target, NULL, &r), 0);
    int status = r.status;
    bct_response_free(&r);
    return status;
}

/* Waits (bounded) until /readyz says 503. */
static void wait_not_ready(int port)
{
    for (int i = 0; i < 250; i++) {
        if (status_of(port, "/readyz") == 503)
            return;
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
    fail_msg("/readyz never became 503");
}

/* Opens db as the next process would (read-write: it replays any -wal at its name) and
 * checks integrity; returns the number of rows of sql (a count query). */
static long long check_store(const char *db, const char *sql)
{
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *verdict = (const char *)sqlite3_column_text(st, 0);
    if (verdict == NULL || strcmp(verdict, "ok") != 0)
        fail_msg("integrity_check of %s: %s", db, verdict ? verdict : "(null)");
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

#define COUNT_INGESTED "SELECT count(*) FROM sources WHERE origin = 'ingested'"
#define COUNT_FIGURES  "SELECT count(*) FROM figures"

/* The served store's files replaced (mode 0: mv of another store over the path; 1: rm
 * of the store alone, then `bordercoop load` at the path); the daemon stopped and
 * started again; the store is whole and is the new one. */
static void swap_and_restart(int mode)
{
    char db[160], other[180];
    snprintf(db, sizeof db, "%s/swap%d.db", TMP, mode);
    snprintf(other, sizeof other, "%s/swap%d.new.db", TMP, mode);
    build(db);
    long long figures = check_store(db, COUNT_FIGURES);
    bct_daemon d;
    start(&d, db);
    for (int i = 0; i < 3; i++) {
        char title[32];
        snprintf(title, sizeof title, "Before the swap %d", i);
        assert_int_equal(post_article(d.port, title), 201);
    }
    if (mode == 0) {
        build(other);
        assert_int_equal(rename(other, db), 0);
    } else {
        assert_int_equal(unlink(db), 0); /* -wal and -shm stay, as an operator's rm leaves them */
        build(db);
    }
    wait_not_ready(d.port);
    assert_int_equal(post_article(d.port, "After the swap"), 503);
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
    /* the file at the path is the new store, whole, without the old store's writes */
    assert_int_equal(check_store(db, COUNT_INGESTED), 0);
    assert_int_equal(check_store(db, COUNT_FIGURES), figures);
    /* and a daemon started on it serves it and takes writes */
    start(&d, db);
    assert_int_equal(status_of(d.port, "/readyz"), 200);
    assert_int_equal(status_of(d.port, "/v1/figures?limit=3"), 200);
    assert_int_equal(post_article(d.port, "After the restart"), 201);
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
    assert_int_equal(check_store(db, COUNT_INGESTED), 1);
}

static void a_store_replaced_by_mv_stays_the_new_store(void **state)
{
    (void)state;
    swap_and_restart(0);
}

static void a_store_deleted_and_loaded_again_is_the_new_store(void **state)
{
    (void)state;
    swap_and_restart(1);
}

/* Only the -wal deleted: no write is acknowledged any more, the daemon is not ready and
 * says why, and the writes acknowledged before survive a crash. */
static void a_deleted_wal_takes_no_writes_and_loses_none(void **state)
{
    (void)state;
    char db[160], wal[180];
    snprintf(db, sizeof db, "%s/wal.db", TMP);
    snprintf(wal, sizeof wal, "%s-wal", db);
    build(db);
    bct_daemon d;
    start(&d, db);
    assert_int_equal(post_article(d.port, "Acknowledged first"), 201);
    assert_int_equal(unlink(wal), 0);
    wait_not_ready(d.port);
    assert_int_equal(post_article(d.port, "After the log went"), 503);
    assert_int_equal(status_of(d.port, "/healthz"), 200);
    int logged = 0;
    for (int i = 0; i < 250 && !logged; i++) {
        char *log = bct_daemon_log(&d);
        logged = log != NULL && strstr(log, "write-ahead log") != NULL;
        free(log);
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
    assert_true(logged);
    /* a crash: no shutdown, no checkpoint on close */
    assert_int_equal(kill(d.pid, SIGKILL), 0);
    bct_set_diagnostics(0);
    bct_daemon_stop(&d, 15000); /* reaps it (status -1: killed) and cleans up */
    bct_set_diagnostics(1);
    assert_int_equal(check_store(db, COUNT_INGESTED), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_store_replaced_by_mv_stays_the_new_store),
        cmocka_unit_test(a_store_deleted_and_loaded_again_is_the_new_store),
        cmocka_unit_test(a_deleted_wal_takes_no_writes_and_loses_none),
    };
    return cmocka_run_group_tests_name("store_swap", tests, setup, teardown);
}
