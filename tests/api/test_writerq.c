/* test_writerq.c: the writer shared out per key (second attack pass, findings 3 and 5)
 * against the real daemon. With the store lock held elsewhere (as bordercoop load holds
 * it), writes wait on the writer: one key keeping many writes in flight gets 429 for all
 * but two, while another key's re-post of a stored article, a reviewer's reads and a
 * reviewer's decision still get through; an article that gives more facts than
 * --max-article-facts is refused with 422 before it ever waits for the writer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/keys.h"
#include "bordercoop/loader.h"
#include "bordercoop/store.h"
#include "harness.h"

#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "writerq-token-0123456789abcdef"
#define FLOOD 26

static char TMP[64];

static int setup(void **state)
{
    (void)state;
    return bct_tmpdir(TMP, sizeof TMP, "writerq");
}

static int teardown(void **state)
{
    (void)state;
    bct_tmpdir_remove(TMP);
    return 0;
}

/* A store built from data/ with keys for the given names and roles. */
static void build(const char *db, const char *const *names, const bc_role *roles, size_t n,
                  char keys[][BC_KEY_LEN + 1])
{
    bc_err err;
    unlink(db);
    const char *data = getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    if (bc_loader_build(data, db, NULL, &err) != 0)
        fail_msg("building the store: %s", err.msg);
    bc_store *s = NULL;
    assert_int_equal(bc_store_open(db, BC_STORE_WRITER, &s, &err), 0);
    for (size_t i = 0; i < n; i++)
        if (bc_keys_add(s, names[i], roles[i], "test", keys[i], &err) != 0)
            fail_msg("keys add %s: %s", names[i], err.msg);
    bc_store_close(s);
}

static void start(bct_daemon *d, const char *db, const char *const *extra)
{
    setenv("BORDERCOOP_API_TOKEN", TOKEN, 1);
    int rc = bct_daemon_start(d, getenv("BC_DAEMON"), db, extra, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    if (rc != 0)
        fail_msg("the daemon did not start");
}

/* Sends a request with key as bearer token and a JSON body (NULL: none), without reading
 * the answer. */
static bct_conn *send_with(int port, const char *method, const char *target, const char *key,
                           const char *body)
{
    bct_conn *c = bct_connect(port, 60000);
    assert_non_null(c);
    char head[4096];
    size_t len = body ? strlen(body) : 0;
    int n = snprintf(head, sizeof head,
                     "%s %s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
                     "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                     method, target, key, len);
    assert_int_equal(bct_send_raw(c, head, (size_t)n), 0);
    if (len > 0)
        assert_int_equal(bct_send_raw(c, body, len), 0);
    return c;
}

/* A request with key answered: its status, its body into r (freed by the caller). */
static int ask(int port, const char *method, const char *target, const char *key, const char *body,
               bct_response *r)
{
    char auth[160];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", key);
    const char *h[] = {auth, "Content-Type: application/json", NULL};
    bct_conn *c = bct_connect(port, 60000);
    assert_non_null(c);
    int rc = bct_request(c, method, target, h, body, body ? strlen(body) : 0, r);
    bct_close(c);
    assert_int_equal(rc, 0);
    return r->status;
}

/* An article body numbered n: a figure of its own, under any cap. */
static char *article(int n)
{
    char text[400];
    snprintf(text, sizeof text,
             "On March 5, 2026 officials of Lao Cai and Yunnan met in Hekou. Trade between Lao "
             "Cai and Yunnan reached USD %d.%d million in 2025, they said (note %d).",
             100 + n, n % 10, n);
    json_t *o = json_pack("{s:s,s:s,s:s}", "lang", "en", "title", "Writer queue", "text", text);
    char *b = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return b;
}

/* 1 when something arrived on c (or it closed) within ms. */
static int answered(bct_conn *c, int ms)
{
    bct_set_diagnostics(0);
    int r = bct_wait_closed(c, ms);
    bct_set_diagnostics(1);
    return r != 0;
}

static int take_lock(const char *db)
{
    char lock[200];
    snprintf(lock, sizeof lock, "%s.lock", db);
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    return fd;
}

/* Finding 3: one ingest key keeping many writes in flight fills only its own share. */
static void one_key_cannot_take_the_writer(void **state)
{
    (void)state;
    char db[128];
    snprintf(db, sizeof db, "%s/share.db", TMP);
    static const char *const names[] = {"flood", "other", "rev"};
    static const bc_role roles[] = {BC_ROLE_INGEST, BC_ROLE_INGEST, BC_ROLE_REVIEW};
    char keys[3][BC_KEY_LEN + 1];
    build(db, names, roles, 3, keys);
    bct_daemon d;
    start(&d, db,
          (const char *[]){"--write-budget-ms", "120000", "--request-budget-ms", "10000",
                           "--log-format", "off", NULL});
    /* a stored article and one of its machine-read figures */
    char *a = article(0);
    bct_response r;
    assert_int_equal(ask(d.port, "POST", "/v1/sources", keys[1], a, &r), 201);
    bct_response_free(&r);
    assert_int_equal(bct_get(d.port, "/v1/figures?curation=extracted&fields=id&limit=1", NULL, &r),
                     0);
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    bct_response_free(&r);
    char fact[200];
    snprintf(
        fact, sizeof fact, "/v1/review/figures/%s",
        json_string_value(json_object_get(json_array_get(json_object_get(j, "data"), 0), "id")));
    json_decref(j);

    /* the store lock held elsewhere: every write waits on the writer */
    int fd = take_lock(db);
    bct_conn *flood[FLOOD];
    for (int i = 0; i < FLOOD; i++) {
        char *b = article(i + 1);
        flood[i] = send_with(d.port, "POST", "/v1/sources", keys[0], b);
        free(b);
    }
    /* all but two refused at once, the other two waiting for the writer */
    int refused = 0, waiting = 0, done[FLOOD] = {0};
    for (int round = 0; round < 600 && refused < FLOOD - 2; round++)
        for (int i = 0; i < FLOOD; i++) {
            if (done[i] || !answered(flood[i], 10))
                continue;
            done[i] = 1;
            assert_int_equal(bct_read_response(flood[i], 0, &r), 0);
            if (r.status != 429)
                fail_msg("flood write %d: %d %.300s", i, r.status, r.body);
            assert_non_null(strstr(r.body, "\"too_many_writes\""));
            assert_non_null(bct_header_get(&r, "Retry-After"));
            bct_response_free(&r);
            refused++;
        }
    assert_int_equal(refused, FLOOD - 2);
    for (int i = 0; i < FLOOD; i++)
        waiting += !done[i] && !answered(flood[i], 1);
    assert_int_equal(waiting, 2);

    /* another key's re-post of a stored article: answered without the writer */
    assert_int_equal(ask(d.port, "POST", "/v1/sources", keys[1], a, &r), 200);
    assert_non_null(strstr(r.body, "\"created\":false"));
    bct_response_free(&r);
    /* a reviewer's reads: off the writer */
    assert_int_equal(ask(d.port, "GET", "/v1/review?limit=3", keys[2], NULL, &r), 200);
    bct_response_free(&r);
    assert_int_equal(ask(d.port, "GET", "/v1/review/log?limit=3", keys[2], NULL, &r), 200);
    bct_response_free(&r);
    assert_int_equal(ask(d.port, "GET", fact, keys[2], NULL, &r), 200);
    bct_response_free(&r);
    /* a reviewer's decision and another key's new article: queued, not refused */
    bct_conn *decision = send_with(d.port, "POST", fact, keys[2], "{\"action\":\"approve\"}");
    char *b = article(99);
    bct_conn *other = send_with(d.port, "POST", "/v1/sources", keys[1], b);
    free(b);
    assert_false(answered(decision, 300));
    assert_false(answered(other, 1));

    /* the lock comes free: everything admitted goes through */
    flock(fd, LOCK_UN);
    close(fd);
    assert_int_equal(bct_read_response(decision, 0, &r), 0);
    if (r.status != 200)
        fail_msg("decision: %d %.300s", r.status, r.body);
    bct_response_free(&r);
    assert_int_equal(bct_read_response(other, 0, &r), 0);
    assert_int_equal(r.status, 201);
    bct_response_free(&r);
    for (int i = 0; i < FLOOD; i++) {
        if (!done[i]) {
            assert_int_equal(bct_read_response(flood[i], 0, &r), 0);
            assert_int_equal(r.status, 201);
            bct_response_free(&r);
        }
        bct_close(flood[i]);
    }
    bct_close(decision);
    bct_close(other);
    /* the shares are free again: the flooding key writes as before */
    char *again = article(200);
    assert_int_equal(ask(d.port, "POST", "/v1/sources", keys[0], again, &r), 201);
    bct_response_free(&r);
    free(again);
    free(a);
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
}

/* Finding 5: an article giving more facts than --max-article-facts is refused (422,
 * naming the limit) before the writer, which stays free for others. */
static void a_fact_dense_article_is_refused_before_the_writer(void **state)
{
    (void)state;
    char db[128];
    snprintf(db, sizeof db, "%s/cap.db", TMP);
    static const char *const names[] = {"dense"};
    static const bc_role roles[] = {BC_ROLE_INGEST};
    char keys[1][BC_KEY_LEN + 1];
    build(db, names, roles, 1, keys);
    bct_daemon d;
    start(&d, db,
          (const char *[]){"--max-article-facts", "5", "--write-budget-ms", "120000",
                           "--log-format", "off", NULL});
    char text[4096] = "";
    for (int i = 0; i < 12; i++) {
        char s[200];
        snprintf(s, sizeof s,
                 "Trade through the Lao Cai - Hekou border gate reached USD %d.%d million in "
                 "the first %d months of 2025. ",
                 10 + i, i, 1 + i % 11);
        strcat(text, s);
    }
    json_t *o = json_pack("{s:s,s:s,s:s}", "lang", "en", "title", "Dense", "text", text);
    char *dense = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    /* with the writer waiting for the store lock, the refusal still comes at once */
    int fd = take_lock(db);
    bct_response r;
    assert_int_equal(ask(d.port, "POST", "/v1/sources", keys[0], dense, &r), 422);
    {
        json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
        assert_non_null(j);
        assert_string_equal(json_string_value(json_object_get(j, "code")), "too_many_facts");
        assert_string_equal(json_string_value(json_object_get(j, "parameter")), "text");
        assert_int_equal(json_integer_value(json_object_get(j, "max_facts")), 5);
        assert_true(json_integer_value(json_object_get(j, "facts_read")) > 5);
        assert_non_null(
            strstr(json_string_value(json_object_get(j, "detail")), "--max-article-facts"));
        json_decref(j);
    }
    bct_response_free(&r);
    flock(fd, LOCK_UN);
    close(fd);
    /* nothing was stored; an article under the limit is */
    assert_int_equal(bct_get(d.port, "/v1/sources?limit=100", NULL, &r), 0);
    assert_null(strstr(r.body, "\"Dense\""));
    bct_response_free(&r);
    char *small = article(1);
    assert_int_equal(ask(d.port, "POST", "/v1/sources", keys[0], small, &r), 201);
    bct_response_free(&r);
    free(small);
    free(dense);
    assert_int_equal(bct_daemon_stop(&d, 15000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_key_cannot_take_the_writer),
        cmocka_unit_test(a_fact_dense_article_is_refused_before_the_writer),
    };
    return cmocka_run_group_tests_name("writerq", tests, setup, teardown);
}
