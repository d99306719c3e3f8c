/* test_review.c: per-person keys and the review step on the real daemon. Each role
 * against each route; revocation by the CLI refused at the very next request, without a
 * restart (issue 16: two reviewers approve two facts, one key is revoked, its next
 * request is 401, the audit log names each reviewer); /v1/stats unchanged by an ingest
 * until one of its facts is approved, then changed, with the decision in the log (issue
 * 11); decisions surviving `bordercoop load`; failed authentications in /metrics; and
 * no key or key hash in any response, header or log line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "bordercoop/sha256.h"
#include "harness.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#define BOOT "bootstrap-token-for-the-review-test"

static bct_daemon D;
static char TMP[64], DB[128];

/* the keys made by the CLI, by name */
enum { ALICE, BOB, IAN, ADA, NKEYS };
static const char *const NAMES[NKEYS] = {"alice", "bob", "ian", "ada"};
static const char *const ROLES[NKEYS] = {"review", "review", "ingest", "admin"};
static char KEYS[NKEYS][64];

/* every response body and header seen, to look for secrets in at the end */
static char *SEEN;
static size_t SEEN_LEN;

static const char ARTICLE[] =
    "Lao Cai and Yunnan hold the 12th meeting of the Joint Working Group\n\n"
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "
    "reported that import-export turnover between the four Vietnamese provinces and Yunnan "
    "reached USD 8.1 billion in 2025. Nearly 600 delegations were exchanged in 2025.\n";

static void remember(const bct_response *r)
{
    size_t add = r->body_len + 2;
    for (size_t i = 0; i < r->nheaders; i++)
        add += strlen(r->headers[i].name) + strlen(r->headers[i].value) + 4;
    char *grown = realloc(SEEN, SEEN_LEN + add + 1);
    assert_non_null(grown);
    SEEN = grown;
    memcpy(SEEN + SEEN_LEN, r->body, r->body_len);
    SEEN_LEN += r->body_len;
    SEEN[SEEN_LEN++] = '\n';
    for (size_t i = 0; i < r->nheaders; i++)
        SEEN_LEN +=
            (size_t)sprintf(SEEN + SEEN_LEN, "%s: %s\n", r->headers[i].name, r->headers[i].value);
    SEEN[SEEN_LEN] = '\0';
}

/* The CLI with args against DB: its stdout (new, free()), or NULL when it failed. */
static char *cli(const char *args)
{
    return bct_cli_stdout(DB, args);
}

static int setup(void **state)
{
    (void)state;
    if (bct_tmpdir(TMP, sizeof TMP, "review") != 0)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    const char *data = getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    if (bc_loader_build(data, DB, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    unsetenv("BORDERCOOP_KEY");
    for (int i = 0; i < NKEYS; i++) {
        char args[128];
        snprintf(args, sizeof args, "keys add %s --role %s", NAMES[i], ROLES[i]);
        char *out = cli(args);
        if (out == NULL || strlen(out) != 48 || strncmp(out, "bck_", 4) != 0) {
            fprintf(stderr, "keys add %s: %s\n", NAMES[i], out ? out : "failed");
            free(out);
            return -1;
        }
        out[47] = '\0';
        snprintf(KEYS[i], sizeof KEYS[i], "%s", out);
        free(out);
    }
    const char *extra[] = {"--log-format", "json", NULL};
    setenv("BORDERCOOP_API_TOKEN", BOOT, 1);
    int rc = bct_daemon_start(&D, getenv("BC_DAEMON"), DB, extra, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    return rc;
}

/* The key's secret part and its SHA-256 must appear nowhere we looked. */
static void no_secret_in(const char *where, const char *text)
{
    for (int i = 0; i < NKEYS; i++) {
        char hash[65];
        bc_sha256_hex(KEYS[i], strlen(KEYS[i]), hash);
        if (text != NULL && strstr(text, KEYS[i] + 4) != NULL)
            fail_msg("%s has %s's key", where, NAMES[i]);
        if (text != NULL && strstr(text, hash) != NULL)
            fail_msg("%s has the hash of %s's key", where, NAMES[i]);
    }
    if (text != NULL && strstr(text, BOOT) != NULL)
        fail_msg("%s has the bootstrap token", where);
}

static int teardown(void **state)
{
    (void)state;
    /* no key, hash or token in any response or in the access log */
    char *log = bct_daemon_log(&D);
    int status = bct_daemon_stop(&D, 10000);
    no_secret_in("a response", SEEN);
    no_secret_in("the daemon's log", log);
    char *listed = cli("keys list --json");
    no_secret_in("keys list", listed);
    free(listed);
    free(log);
    free(SEEN);
    return bct_tmpdir_remove(TMP) != 0 || status != 0 ? -1 : 0;
}

/* One request with key (an index, -1 for none, -2 for the bootstrap token, -3 for a
 * stranger's token); the response is remembered and returned in *r. */
static void call(const char *method, const char *target, int key, const char *body, bct_response *r)
{
    const char *headers[3] = {NULL, NULL, NULL};
    char auth[200];
    int n = 0;
    if (key != -1) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s",
                 key >= 0    ? KEYS[key]
                 : key == -2 ? BOOT
                             : "bck_not0a0key0of0this0store0000000000000000000");
        headers[n++] = auth;
    }
    if (body != NULL)
        headers[n++] = "Content-Type: application/json";
    bct_conn *c = bct_connect(D.port, 10000);
    assert_non_null(c);
    assert_int_equal(bct_request(c, method, target, headers, body, body ? strlen(body) : 0, r), 0);
    bct_close(c);
    remember(r);
}

static json_t *json_of(const bct_response *r)
{
    json_t *j = json_loadb(r->body, r->body_len, 0, NULL);
    if (j == NULL)
        fail_msg("not JSON: %.300s", r->body);
    return j;
}

/* method target as key, expecting status; the body as JSON (json_decref it). */
static json_t *expect(const char *method, const char *target, int key, const char *body, int status)
{
    bct_response r;
    call(method, target, key, body, &r);
    if (r.status != status) {
        char *log = bct_daemon_log(&D);
        size_t n = log ? strlen(log) : 0;
        fprintf(stderr, "daemon log (end): %s\n", log ? log + (n > 1500 ? n - 1500 : 0) : "");
        free(log);
        fail_msg("%s %s as %d: %d, want %d: %.400s", method, target, key, r.status, status, r.body);
    }
    json_t *j = r.body_len ? json_of(&r) : json_object();
    bct_response_free(&r);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    if (s == NULL)
        fail_msg("no string '%s'", key);
    return s;
}

/* POSTs the article as key; returns the new source id (static). */
static const char *ingest(int key)
{
    static char id[200];
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", ARTICLE, "lang", "en", "title",
                          "Review test article", "published_on", "2026-03-19");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = expect("POST", "/v1/sources", key, body, 201);
    free(body);
    snprintf(id, sizeof id, "%s", str(json_object_get(j, "source"), "id"));
    json_decref(j);
    return id;
}

/* The id of the extracted figure with value v in the review queue (static). */
static const char *pending_figure(double v)
{
    static char id[200];
    json_t *q = expect("GET", "/v1/review?kind=figures&limit=500", ADA, NULL, 200);
    json_t *it;
    size_t i;
    id[0] = '\0';
    json_array_foreach(json_object_get(q, "data"), i, it)
    {
        json_t *fact = json_object_get(it, "fact");
        if (json_number_value(json_object_get(fact, "value")) == v)
            snprintf(id, sizeof id, "%s", str(it, "id"));
    }
    json_decref(q);
    if (id[0] == '\0')
        fail_msg("no pending figure of %.0f", v);
    return id;
}

static void decide(const char *kind, const char *id, int key, const char *body, int status)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/review/%s/%s", kind, id);
    json_decref(expect("POST", target, key, body, status));
}

/* The parts of /v1/stats a dashboard headline and its charts show. */
static char *headline(const char *query)
{
    char target[100];
    snprintf(target, sizeof target, "/v1/stats%s", query);
    json_t *j = expect("GET", target, -1, NULL, 200);
    json_t *h =
        json_pack("{s:O,s:O,s:O,s:O}", "counts", json_object_get(j, "counts"), "trade_turnover",
                  json_object_get(j, "trade_turnover"), "meetings", json_object_get(j, "meetings"),
                  "figures_by_category", json_object_get(j, "figures_by_category"));
    char *text = json_dumps(h, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(h);
    json_decref(j);
    return text;
}

static void each_role_gets_what_it_may(void **state)
{
    (void)state;
    json_t *j;
    /* no key: 401 with a plain challenge */
    bct_response r;
    call("GET", "/v1/review", -1, NULL, &r);
    assert_int_equal(r.status, 401);
    assert_string_equal(bct_header_get(&r, "WWW-Authenticate"), "Bearer realm=\"bordercoop\"");
    bct_response_free(&r);
    /* a stranger's token: 401 invalid_token */
    call("GET", "/v1/review/log", -3, NULL, &r);
    assert_int_equal(r.status, 401);
    assert_non_null(strstr(bct_header_get(&r, "WWW-Authenticate"), "error=\"invalid_token\""));
    bct_response_free(&r);
    /* ingest may add articles, not review: 403 naming the role */
    call("GET", "/v1/review", IAN, NULL, &r);
    assert_int_equal(r.status, 403);
    j = json_of(&r);
    assert_string_equal(str(j, "code"), "insufficient_role");
    assert_string_equal(str(j, "required_role"), "review");
    assert_non_null(strstr(str(j, "detail"), "'ian' has role 'ingest'"));
    assert_non_null(strstr(bct_header_get(&r, "WWW-Authenticate"), "scope=\"review\""));
    json_decref(j);
    bct_response_free(&r);
    json_decref(
        expect("POST", "/v1/review/figures/anything", IAN, "{\"action\":\"approve\"}", 403));
    /* review and admin keys and the bootstrap token read the queue and the log */
    int readers[] = {ALICE, BOB, ADA, -2};
    for (size_t i = 0; i < 4; i++) {
        json_decref(expect("GET", "/v1/review", readers[i], NULL, 200));
        json_decref(expect("GET", "/v1/review/log", readers[i], NULL, 200));
    }
    /* the queue is never cached */
    call("GET", "/v1/review", ALICE, NULL, &r);
    assert_string_equal(bct_header_get(&r, "Cache-Control"), "no-store");
    bct_response_free(&r);
    /* ingest keys (and higher) add articles, recorded under their owner */
    const char *source = ingest(IAN);
    j = expect("GET", "/v1/review?kind=meetings", BOB, NULL, 200);
    json_t *first = json_array_get(json_object_get(j, "data"), 0);
    assert_string_equal(str(json_object_get(first, "source"), "id"), source);
    assert_string_equal(str(json_object_get(first, "source"), "ingested_by"), "ian");
    json_decref(j);
    /* bad requests say what is wrong */
    json_decref(expect("GET", "/v1/review?colour=red", ALICE, NULL, 400));
    json_decref(expect("GET", "/v1/review?kind=protocols", ALICE, NULL, 400));
    json_decref(expect("GET", "/v1/review?limit=0", ALICE, NULL, 400));
    json_decref(expect("GET", "/v1/review/log?status=lost", ALICE, NULL, 400));
    json_decref(expect("POST", "/v1/review/protocols/x", ALICE, "{\"action\":\"approve\"}", 404));
    json_decref(expect("POST", "/v1/review/figure/x", ALICE, "{\"action\":\"approve\"}", 404));
    json_decref(expect("GET", "/v1/review/meeting/x", ALICE, NULL, 404));
    /* credentials of another scheme: a plain challenge; spaces around a key: tolerated */
    {
        const char *h[] = {"Authorization: Basic YWxpY2U6c2VjcmV0", NULL};
        assert_int_equal(bct_get_timeout(D.port, "/v1/review", h, 10000, &r), 0);
        remember(&r);
        assert_int_equal(r.status, 401);
        assert_string_equal(bct_header_get(&r, "WWW-Authenticate"), "Bearer realm=\"bordercoop\"");
        bct_response_free(&r);
        char auth[200];
        snprintf(auth, sizeof auth, "Authorization: Bearer  %s ", KEYS[BOB]);
        const char *h2[] = {auth, NULL};
        assert_int_equal(bct_get_timeout(D.port, "/v1/review", h2, 10000, &r), 0);
        remember(&r);
        assert_int_equal(r.status, 200);
        bct_response_free(&r);
    }
    json_decref(expect("POST", "/v1/review/figures/no-such-figure", ALICE,
                       "{\"action\":\"approve\"}", 404));
    const char *fig = pending_figure(600);
    char target[400];
    snprintf(target, sizeof target, "/v1/review/figures/%s", fig);
    j = expect("POST", target, ALICE, "{\"action\":\"approve\",\"reviewer\":\"mallory\"}", 400);
    assert_string_equal(str(j, "parameter"), "reviewer");
    json_decref(j);
    json_decref(expect("POST", target, ALICE, "{\"action\":\"publish\"}", 400));
    json_decref(expect("POST", target, ALICE, "not json", 400));
    j = expect("POST", target, ALICE, "{\"action\":\"edit\",\"fields\":{\"value\":\"many\"}}", 400);
    assert_string_equal(str(j, "parameter"), "fields.value");
    json_decref(j);
    call("POST", target, ALICE, NULL, &r);
    assert_int_equal(r.status, 415);
    bct_response_free(&r);
}

/* Issue 16, done when: two reviewers with their own keys approve two facts, one key is
 * revoked, its next request gets 401 at once, and the audit log names each reviewer. */
static void two_reviewers_one_revoked(void **state)
{
    (void)state;
    char t1[300], t2[300];
    snprintf(t1, sizeof t1, "%s", pending_figure(8.1e9));
    snprintf(t2, sizeof t2, "%s", pending_figure(600));
    decide("figures", t1, ALICE, "{\"action\":\"approve\"}", 200);
    decide("figures", t2, BOB,
           "{\"action\":\"edit\",\"fields\":{\"value\":598},\"note\":\"598 in the body\"}", 200);
    /* approving twice is a conflict naming who did it */
    char target[400];
    snprintf(target, sizeof target, "/v1/review/figures/%s", t1);
    json_t *j = expect("POST", target, BOB, "{\"action\":\"approve\"}", 409);
    assert_non_null(strstr(str(j, "detail"), "approve by alice"));
    json_decref(j);
    /* revoke alice from the command line while the daemon runs */
    char *out = cli("keys revoke alice");
    assert_non_null(out);
    free(out);
    bct_response r;
    call("GET", "/v1/review", ALICE, NULL, &r);
    assert_int_equal(r.status, 401);
    assert_string_equal(bct_header_get(&r, "WWW-Authenticate"),
                        "Bearer realm=\"bordercoop\", error=\"invalid_token\"");
    /* the same detail as an unknown key: which keys existed is not told */
    assert_null(strstr(r.body, "revoked"));
    bct_response_free(&r);
    json_decref(expect("POST", target, ALICE, "{\"action\":\"reject\"}", 401));
    json_decref(expect("GET", "/v1/review", BOB, NULL, 200)); /* bob is unaffected */
    /* the log names each reviewer for their own fact */
    char q[500];
    snprintf(q, sizeof q, "/v1/review/log?kind=figures&fact_id=%s", t1);
    j = expect("GET", q, BOB, NULL, 200);
    json_t *e = json_array_get(json_object_get(j, "data"), 0);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    assert_string_equal(str(e, "reviewer"), "alice");
    assert_string_equal(str(e, "action"), "approve");
    assert_string_equal(str(e, "to"), "reviewed");
    assert_string_equal(str(e, "status"), "applied");
    json_decref(j);
    snprintf(q, sizeof q, "/v1/review/log?fact_id=%s", t2);
    j = expect("GET", q, BOB, NULL, 200);
    e = json_array_get(json_object_get(j, "data"), 0);
    assert_string_equal(str(e, "reviewer"), "bob");
    assert_string_equal(str(e, "action"), "edit");
    assert_string_equal(str(e, "note"), "598 in the body");
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(json_object_get(e, "changes"), "value"), "to")),
                     598);
    json_decref(j);
    /* and the change feed names them too */
    j = expect("GET", "/v1/changes?limit=500", -1, NULL, 200);
    int alice = 0, bob = 0;
    size_t i;
    json_array_foreach(json_object_get(j, "data"), i, e)
    {
        const char *actor = json_string_value(json_object_get(e, "actor"));
        const char *id = json_string_value(json_object_get(e, "id"));
        alice += actor && id && strcmp(actor, "alice") == 0 && strcmp(id, t1) == 0;
        bob += actor && id && strcmp(actor, "bob") == 0 && strcmp(id, t2) == 0;
    }
    assert_int_equal(alice, 1);
    assert_int_equal(bob, 1);
    json_decref(j);
    /* key changes are in the authenticated audit log, with who made them, and not in
     * the public change feed */
    j = expect("GET", "/v1/review/log?kind=keys&limit=500", BOB, NULL, 200);
    int added = 0, revoked = 0;
    json_array_foreach(json_object_get(j, "data"), i, e)
    {
        assert_string_equal(str(e, "kind"), "key");
        assert_true(strncmp(str(e, "reviewer"), "cli:", 4) == 0);
        if (strcmp(str(e, "action"), "key_add") == 0) {
            added++;
            if (strcmp(str(e, "fact_id"), "ian") == 0)
                assert_string_equal(
                    json_string_value(json_object_get(
                        json_object_get(json_object_get(e, "changes"), "role"), "to")),
                    "ingest");
        } else {
            assert_string_equal(str(e, "action"), "key_revoke");
            assert_string_equal(str(e, "fact_id"), "alice");
            assert_string_equal(str(e, "to"), "revoked");
            revoked++;
        }
    }
    assert_int_equal(added, NKEYS);
    assert_int_equal(revoked, 1);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "total")),
                     NKEYS + 1);
    json_decref(j);
    json_decref(expect("GET", "/v1/review/log?kind=keys", IAN, NULL, 403));
    json_decref(expect("GET", "/v1/review/log?kind=keys", -1, NULL, 401));
    json_decref(expect("GET", "/v1/review?kind=keys", BOB, NULL, 400));
    j = expect("GET", "/v1/changes?limit=500", -1, NULL, 200);
    json_array_foreach(json_object_get(j, "data"), i, e)
    {
        const char *id = json_string_value(json_object_get(e, "id"));
        for (int k = 0; k < NKEYS; k++)
            assert_false(id != NULL && strcmp(id, NAMES[k]) == 0);
    }
    json_decref(j);
    /* a revoked name is never given a new key: the log names one holder */
    out = cli("keys add alice --role review");
    assert_null(out);
    /* keys list shows the revocation and who did it */
    out = cli("keys list --json");
    assert_non_null(out);
    j = json_loads(out, 0, NULL);
    free(out);
    json_array_foreach(j, i, e)
    {
        if (strcmp(str(e, "name"), "alice") == 0) {
            assert_false(json_is_true(json_object_get(e, "active")));
            assert_true(strncmp(str(e, "revoked_by"), "cli:", 4) == 0);
        }
        if (strcmp(str(e, "name"), "bob") == 0)
            assert_non_null(json_string_value(json_object_get(e, "last_used_at")));
    }
    json_decref(j);
}

/* Issue 11, done when: /v1/stats and the dashboard headline are unchanged by an ingest
 * until its facts are approved; approving one changes them; the audit log shows it. */
static void stats_move_only_with_approval(void **state)
{
    (void)state;
    char *before = headline("");
    const char *source;
    {
        /* a second article, so this test has its own pending facts */
        json_t *o = json_pack("{s:s,s:s,s:s}", "text",
                              "On 2 April 2026 Lao Cai and Yunnan reviewed border trade. Trade "
                              "between Lao Cai and Yunnan reached USD 2.4 billion in 2025, up "
                              "12% year on year.",
                              "lang", "en", "title", "Lao Cai and Yunnan review trade");
        char *body = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        json_t *j = expect("POST", "/v1/sources", BOB, body, 201);
        free(body);
        source = str(json_object_get(j, "source"), "id");
        char copy[200];
        snprintf(copy, sizeof copy, "%s", source);
        json_decref(j);
        source = copy;
        char *after_ingest = headline("");
        assert_string_equal(before, after_ingest); /* extracted facts do not count */
        free(after_ingest);
        /* but they are there for whoever asks */
        char *all = headline("?curation=all");
        assert_string_not_equal(before, all);
        free(all);
        const char *fig = pending_figure(2.4e9);
        char id[200];
        snprintf(id, sizeof id, "%s", fig);
        decide("figures", id, BOB, "{\"action\":\"approve\"}", 200);
        char *after_approval = headline("");
        assert_string_not_equal(before, after_approval);
        json_t *a = json_loads(after_approval, 0, NULL), *b = json_loads(before, 0, NULL);
        json_t *ca = json_object_get(a, "counts"), *cb = json_object_get(b, "counts");
        assert_int_equal(json_integer_value(json_object_get(ca, "figures")),
                         json_integer_value(json_object_get(cb, "figures")) + 1);
        assert_int_equal(json_integer_value(json_object_get(ca, "trade_figures")),
                         json_integer_value(json_object_get(cb, "trade_figures")) + 1);
        assert_non_null(strstr(after_approval, id));
        assert_null(strstr(before, id));
        json_decref(a);
        json_decref(b);
        free(after_approval);
        /* the audit log shows it */
        char q[300];
        snprintf(q, sizeof q, "/v1/review/log?fact_id=%s", id);
        json_t *j2 = expect("GET", q, ADA, NULL, 200);
        json_t *e = json_array_get(json_object_get(j2, "data"), 0);
        assert_string_equal(str(e, "reviewer"), "bob");
        assert_string_equal(str(e, "source_id"), copy);
        json_decref(j2);
    }
    free(before);
}

/* A rebuild keeps keys and decisions, while the daemon serves. */
static void a_rebuild_keeps_keys_and_decisions(void **state)
{
    (void)state;
    json_t *before = expect("GET", "/v1/review/log?limit=500", BOB, NULL, 200);
    char args[300];
    snprintf(args, sizeof args, "load --data %s", getenv("BC_DATA") ? getenv("BC_DATA") : "data");
    char *out = cli(args);
    assert_non_null(out);
    free(out);
    json_t *after = expect("GET", "/v1/review/log?limit=500", BOB, NULL, 200);
    assert_true(json_equal(json_object_get(before, "data"), json_object_get(after, "data")));
    json_decref(before);
    json_decref(after);
    json_decref(expect("GET", "/v1/review", ALICE, NULL, 401)); /* still revoked */
    json_decref(expect("GET", "/v1/review", ADA, NULL, 200));
}

/* Runs the CLI as the owner of key (-1: no key) with args; its exit status. */
static int cli_as(int key, const char *args)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s%s %s %s --db %s >/dev/null 2>&1",
             key >= 0 ? "BORDERCOOP_KEY=" : "", key >= 0 ? KEYS[key] : "", getenv("BC_CLI"), args,
             DB);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The same step from a shell: bordercoop review as the owner of BORDERCOOP_KEY, its
 * role checked as over HTTP, and the daemon serving the decision at once. */
static void the_command_line_reviews_as_the_key_owner(void **state)
{
    (void)state;
    json_t *o = json_pack("{s:s,s:s,s:s}", "text",
                          "On 5 May 2026 Lao Cai and Yunnan met again. Trade between Lao Cai and "
                          "Yunnan reached USD 3.3 billion in 2025.",
                          "lang", "en", "title", "Third test article");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_decref(expect("POST", "/v1/sources", IAN, body, 201));
    free(body);
    char id[200], args[400];
    snprintf(id, sizeof id, "%s", pending_figure(3.3e9));
    assert_int_equal(cli_as(-1, "review --help"), 0);
    assert_int_equal(cli_as(-1, "keys --help"), 0);
    assert_int_equal(cli_as(BOB, "review list"), 0);
    /* reading the queue or the log needs role review, as over HTTP */
    assert_int_equal(cli_as(IAN, "review list"), 1);
    assert_int_equal(cli_as(IAN, "review log"), 1);
    assert_int_equal(cli_as(ALICE, "review log"), 1); /* revoked */
    assert_int_equal(cli_as(ADA, "review log --kind keys"), 0);
    /* an unknown --source is an error naming it, as GET /v1/review?source= is a 400, not
     * an empty queue (outsider 8) */
    assert_int_equal(cli_as(-1, "review list --source no-such-article"), 2);
    assert_int_equal(cli_as(-1, "review list --json --source no-such-article"), 2);
    /* --json prints the API's document: data, meta (with the filtered total), links; the
     * article may be named by its title, as over HTTP */
    char *listed = cli("review list --json --kind figures --source 'Third test article'");
    assert_non_null(listed);
    json_t *doc = json_loads(listed, 0, NULL);
    free(listed);
    assert_non_null(doc);
    assert_true(json_array_size(json_object_get(doc, "data")) >= 1);
    json_t *first = json_array_get(json_object_get(doc, "data"), 0);
    const char *from = str(json_object_get(first, "source"), "id");
    assert_non_null(from);
    assert_non_null(strstr(from, "third-test-article"));
    assert_true(json_is_null(json_object_get(json_object_get(doc, "links"), "next")));
    json_decref(doc);
    listed = cli("review log --json --limit 1");
    assert_non_null(listed);
    doc = json_loads(listed, 0, NULL);
    free(listed);
    assert_int_equal(json_array_size(json_object_get(doc, "data")), 1);
    assert_true(json_integer_value(json_object_get(json_object_get(doc, "meta"), "total")) > 1);
    assert_non_null(json_string_value(json_object_get(json_object_get(doc, "links"), "next")));
    json_decref(doc);
    /* text from the store reaches the terminal with its control characters escaped (a
     * quote stored before control characters were refused, as a rebuild keeps it) */
    sqlite3 *h = NULL;
    assert_int_equal(sqlite3_open(DB, &h), SQLITE_OK);
    sqlite3_busy_timeout(h, 5000);
    char sql[400];
    snprintf(sql, sizeof sql,
             "UPDATE citations SET quote = quote || char(27) || '[2J' || char(7) "
             "WHERE figure_id = '%s'",
             id);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    listed = cli("review list --kind figures --limit 500");
    assert_non_null(listed);
    assert_non_null(strstr(listed, "\\x1b[2J\\x07"));
    assert_null(strchr(listed, 27));
    assert_null(strchr(listed, 7));
    free(listed);
    snprintf(args, sizeof args, "review approve figures %s", id);
    assert_int_equal(cli_as(IAN, args), 1);   /* an ingest key may not review */
    assert_int_equal(cli_as(ALICE, args), 1); /* revoked */
    snprintf(args, sizeof args, "review edit figures %s value=3300000001 --note 'a test'", id);
    assert_int_equal(cli_as(BOB, args), 0);
    snprintf(args, sizeof args, "review approve figures %s", id);
    assert_int_equal(cli_as(BOB, args), 1); /* already reviewed */
    char q[400];
    snprintf(q, sizeof q, "/v1/review/log?fact_id=%s", id);
    json_t *j = expect("GET", q, ADA, NULL, 200);
    json_t *e = json_array_get(json_object_get(j, "data"), 0);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    assert_string_equal(str(e, "reviewer"), "bob");
    assert_string_equal(str(e, "via"), "cli");
    assert_string_equal(str(e, "action"), "edit");
    json_decref(j);
}

/* A JSON body {"action":"edit","fields":FIELDS} for decide(). */
static void edit(const char *kind, const char *id, const char *fields, int status,
                 const char *parameter)
{
    char target[400], body[600];
    snprintf(target, sizeof target, "/v1/review/%s/%s", kind, id);
    snprintf(body, sizeof body, "{\"action\":\"edit\",\"fields\":%s}", fields);
    json_t *j = expect("POST", target, BOB, body, status);
    if (parameter != NULL)
        assert_string_equal(str(j, "parameter"), parameter);
    json_decref(j);
}

/* The extracted fact of kind (a collection) from source in the queue: its id (static). */
static const char *pending_of(const char *kind, const char *source)
{
    static char id[200];
    char q[400];
    snprintf(q, sizeof q, "/v1/review?kind=%s&source=%s", kind, source);
    json_t *j = expect("GET", q, BOB, NULL, 200);
    json_t *first = json_array_get(json_object_get(j, "data"), 0);
    if (first == NULL)
        fail_msg("nothing pending of %s from %s", kind, source);
    snprintf(id, sizeof id, "%s", str(first, "id"));
    json_decref(j);
    return id;
}

/* Text with control characters is refused wherever a person sends it; corrections are
 * checked against sane bounds and the store's vocabularies (metric ids with '_', a host
 * among the mechanism's members); a corrected field is no longer marked inferred, and a
 * reviewed meeting's title loses "(extracted)". */
static void corrections_are_checked_and_verified(void **state)
{
    (void)state;
    static const char TEXT[] =
        "Yunnan and four provinces hold the 13th working group meeting\n\n"
        "On July 9, the 13th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen "
        "Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Lao Cai. Trade between the "
        "four provinces and Yunnan reached USD 7.7 billion in 2025.\n";
    /* control characters in an article's fields and text: 400 naming the field */
    static const struct {
        const char *field, *value;
    } dirty[] = {
        {"title", "Border trade \x1b[31mred\x1b[0m"},
        {"author", "A. Writer\x07"},
        {"publisher", "Paper\nInjected: header"},
        {"text", "On July 9 trade between the two provinces reached USD 1 billion.\x1b]0;x\x07"},
    };
    for (size_t i = 0; i < sizeof dirty / sizeof dirty[0]; i++) {
        json_t *o = json_pack("{s:s,s:s}", "text", TEXT, "lang", "en");
        json_object_set_new(o, dirty[i].field, json_string(dirty[i].value));
        char *body = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        json_t *j = expect("POST", "/v1/sources", IAN, body, 400);
        free(body);
        assert_string_equal(str(j, "parameter"), dirty[i].field);
        json_decref(j);
    }
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", TEXT, "lang", "en", "title",
                          "Working group meets", "published_on", "2026-07-10");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = expect("POST", "/v1/sources", IAN, body, 201);
    free(body);
    char source[200], fig[200], meeting[200], target[400];
    snprintf(source, sizeof source, "%s", str(json_object_get(j, "source"), "id"));
    json_decref(j);
    snprintf(fig, sizeof fig, "%s", pending_of("figures", source));
    snprintf(meeting, sizeof meeting, "%s", pending_of("meetings", source));
    /* the queue of one article: its own total, pages that end */
    snprintf(target, sizeof target, "/v1/review?source=%s&limit=1", source);
    j = expect("GET", target, BOB, NULL, 200);
    json_t *meta = json_object_get(j, "meta");
    assert_int_equal(json_integer_value(json_object_get(meta, "total")), 2); /* figure, meeting */
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(meta, "pending"), "figures")), 1);
    assert_non_null(strstr(json_string_value(json_object_get(json_object_get(j, "links"), "next")),
                           "offset=1"));
    json_decref(j);
    snprintf(target, sizeof target, "/v1/review?source=%s&limit=1&offset=1", source);
    j = expect("GET", target, BOB, NULL, 200);
    assert_true(json_is_null(json_object_get(json_object_get(j, "links"), "next")));
    json_decref(j);
    /* an article the store does not have is a 400 naming it, as an unknown province is
     * on the lists (outsider 8, finding 12), not an empty queue */
    j = expect("GET", "/v1/review?source=no-such-article", BOB, NULL, 400);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "source");
    json_decref(j);
    j = expect("GET", "/v1/review?offset=100000", BOB, NULL, 200);
    assert_true(json_is_null(json_object_get(json_object_get(j, "links"), "next")));
    json_decref(j);
    /* a note or a corrected text with control characters */
    snprintf(target, sizeof target, "/v1/review/figures/%s", fig);
    j = expect("POST", target, BOB, "{\"action\":\"approve\",\"note\":\"ok\\u001b[2J\"}", 400);
    assert_string_equal(str(j, "parameter"), "note");
    json_decref(j);
    edit("figures", fig, "{\"description\":\"Trade\\u0007\"}", 400, "fields.description");
    edit("meetings", meeting, "{\"place\":\"Lao\\nCai\"}", 400, "fields.place");
    edit("meetings", meeting, "{\"title\":\"Meeting\\u009b31m\"}", 400, "fields.title");
    /* values out of any sane range */
    edit("figures", fig, "{\"value\":0}", 400, "fields.value");
    edit("figures", fig, "{\"value\":-5}", 400, "fields.value");
    edit("figures", fig, "{\"value\":1e308}", 400, "fields.value");
    edit("figures", fig, "{\"change\":{\"pct\":-250}}", 400, "fields.change.pct");
    edit("figures", fig, "{\"change\":{\"pct\":1e300}}", 400, "fields.change.pct");
    edit("figures", fig, "{\"period\":\"2199\"}", 400, "fields.period");
    edit("figures", fig, "{\"period\":\"2025/2024\"}", 400, "fields.period");
    edit("meetings", meeting, "{\"date\":\"2150-07-09\"}", 400, "fields.date");
    edit("meetings", meeting, "{\"host\":\"lang-son\"}", 400, "fields.host");
    /* metric ids are spelt with '_', and must exist */
    edit("figures", fig, "{\"metric\":\"no_such_metric\"}", 400, "fields.metric");
    snprintf(target, sizeof target, "/v1/figures/%s", fig);
    j = expect("GET", target, -1, NULL, 200);
    char read_from[400]; /* the description's tail after the metric's words */
    const char *was = str(j, "description");
    assert_non_null(strstr(was, "Import-export turnover"));
    snprintf(read_from, sizeof read_from, "%s", strstr(was, ", read from"));
    json_decref(j);
    edit("figures", fig, "{\"metric\":\"exports\",\"change\":{\"pct\":-12.5}}", 200, NULL);
    /* nothing of the refused edits was written; the corrected metric's words replace the
     * old ones in the description (analyst 3: a turnover corrected from a target kept
     * describing itself as a goal), the rest of it kept */
    j = expect("GET", target, -1, NULL, 200);
    assert_string_equal(str(j, "metric"), "exports");
    assert_int_equal(strncmp(str(j, "description"), "Value of goods exported", 23), 0);
    assert_null(strstr(str(j, "description"), "Import-export turnover"));
    assert_non_null(strstr(str(j, "description"), read_from));
    assert_true(json_number_value(json_object_get(j, "value")) == 7.7e9);
    json_decref(j);
    /* the year of the date was inferred from published_on; a reviewer corrects it */
    snprintf(target, sizeof target, "/v1/meetings/%s", meeting);
    j = expect("GET", target, -1, NULL, 200);
    char *marked = json_dumps(json_object_get(j, "inferred"), JSON_COMPACT);
    assert_non_null(strstr(marked, "date.year"));
    free(marked);
    assert_non_null(strstr(str(j, "title"), " (extracted)"));
    json_decref(j);
    edit("meetings", meeting, "{\"date\":\"2025-07-09\"}", 200, NULL);
    j = expect("GET", target, -1, NULL, 200);
    char *inferred = json_dumps(json_object_get(j, "inferred"), JSON_COMPACT);
    assert_string_equal(inferred, "[]");
    free(inferred);
    assert_string_equal(str(j, "date"), "2025-07-09");
    assert_null(strstr(str(j, "title"), "(extracted)"));
    assert_string_equal(str(j, "curation"), "reviewed");
    json_decref(j);
}

/* A decision as key with If-Match: if_match (NULL: none); the answer in *r. */
static void decide_if(const char *id, int key, const char *body, const char *if_match,
                      bct_response *r)
{
    char target[400], auth[200], cond[200];
    snprintf(target, sizeof target, "/v1/review/figures/%s", id);
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", KEYS[key]);
    snprintf(cond, sizeof cond, "If-Match: %s", if_match ? if_match : "");
    const char *headers[] = {auth, "Content-Type: application/json", if_match ? cond : NULL, NULL};
    bct_conn *c = bct_connect(D.port, 10000);
    assert_non_null(c);
    assert_int_equal(bct_request(c, "POST", target, headers, body, strlen(body), r), 0);
    bct_close(c);
    remember(r);
}

/* The ETag a decision or a read of the fact answered with (static), checked against the
 * "version" of its body. */
static const char *etag_of(const bct_response *r)
{
    static char tag[64];
    const char *e = bct_header_get(r, "ETag");
    assert_non_null(e);
    snprintf(tag, sizeof tag, "%s", e);
    json_t *j = json_of(r);
    char quoted[64];
    const char *v = str(j, "version");
    snprintf(quoted, sizeof quoted, "\"%s\"", v ? v : "");
    assert_string_equal(quoted, tag);
    json_decref(j);
    return tag;
}

/* Two reviewers on one extracted figure (analyst 12, F11): a decision sent with the
 * version it was made on (If-Match, from the fact's ETag or the queue's "version") lands
 * only on that version; the second of two decisions on one version, an approval and a
 * rejection or two edits, gets 412 naming the version now and changes nothing. Without
 * If-Match a decision is taken as before. */
static void decisions_are_conditioned_on_the_version_read(void **state)
{
    (void)state;
    json_t *o =
        json_pack("{s:s,s:s,s:s,s:s}", "text",
                  "Border trade between Lang Son and Guangxi came to USD 3.7 billion "
                  "in 2025, the provincial customs office said.",
                  "lang", "en", "title", "Lang Son customs on trade", "published_on", "2026-02-02");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_decref(expect("POST", "/v1/sources", IAN, body, 201));
    free(body);
    char id[200], read[64], now[64];
    snprintf(id, sizeof id, "%s", pending_figure(3.7e9));
    /* what both reviewers read: the fact's ETag, the same as its version in the queue */
    char target[300];
    snprintf(target, sizeof target, "/v1/review/figures/%s", id);
    bct_response r;
    call("GET", target, ADA, NULL, &r);
    assert_int_equal(r.status, 200);
    snprintf(read, sizeof read, "%s", etag_of(&r));
    bct_response_free(&r);
    json_t *q = expect("GET", "/v1/review?kind=figures&limit=500", BOB, NULL, 200);
    json_t *it;
    size_t i;
    int listed = 0;
    json_array_foreach(json_object_get(q, "data"), i, it) if (strcmp(str(it, "id"), id) == 0)
    {
        char quoted[64];
        const char *v = str(it, "version");
        snprintf(quoted, sizeof quoted, "\"%s\"", v ? v : "");
        assert_string_equal(quoted, read);
        listed = 1;
    }
    json_decref(q);
    assert_true(listed);
    /* ada approves what she read; bob's rejection of the same reading comes second */
    decide_if(id, ADA, "{\"action\":\"approve\"}", read, &r);
    assert_int_equal(r.status, 200);
    snprintf(now, sizeof now, "%s", etag_of(&r));
    assert_string_not_equal(now, read);
    bct_response_free(&r);
    decide_if(id, BOB, "{\"action\":\"reject\"}", read, &r);
    assert_int_equal(r.status, 412);
    assert_non_null(strstr(bct_header_get(&r, "Content-Type"), "application/problem+json"));
    assert_string_equal(bct_header_get(&r, "ETag"), now);
    json_t *p = json_of(&r);
    assert_string_equal(str(p, "code"), "precondition_failed");
    assert_non_null(strstr(str(p, "detail"), "approve by ada"));
    assert_non_null(strstr(str(p, "detail"), "changed since that version was read"));
    json_decref(p);
    bct_response_free(&r);
    json_t *f = expect("GET", target, ADA, NULL, 200);
    assert_string_equal(str(json_object_get(f, "fact"), "curation"), "reviewed");
    assert_int_equal(json_array_size(json_object_get(f, "decisions")), 1);
    json_decref(f);
    /* a weak tag, or no entity tag at all, never matches */
    char weak[80];
    snprintf(weak, sizeof weak, "W/%s", now);
    decide_if(id, BOB, "{\"action\":\"reject\"}", weak, &r);
    assert_int_equal(r.status, 412);
    bct_response_free(&r);
    decide_if(id, BOB, "{\"action\":\"reject\"}", "nope", &r);
    assert_int_equal(r.status, 412);
    /* a tag of no version's form is said to be none, not a change since it was read */
    p = json_of(&r);
    assert_non_null(strstr(str(p, "detail"), "names no version"));
    assert_null(strstr(str(p, "detail"), "changed since"));
    json_decref(p);
    bct_response_free(&r);
    decide_if(id, BOB, "{\"action\":\"reject\"}", "\"nope\"", &r);
    assert_int_equal(r.status, 412);
    p = json_of(&r);
    assert_non_null(strstr(str(p, "detail"), "names no version"));
    json_decref(p);
    bct_response_free(&r);
    /* the version in upper case: still refused (strong tags compare byte for byte), and
     * said to be the version in other case, not a tag of no version nor a change */
    char upper[80];
    snprintf(upper, sizeof upper, "%s", now);
    for (char *u = upper; *u; u++)
        if (*u >= 'a' && *u <= 'f')
            *u = (char)(*u - 'a' + 'A');
    decide_if(id, BOB, "{\"action\":\"reject\"}", upper, &r);
    assert_int_equal(r.status, 412);
    p = json_of(&r);
    assert_non_null(strstr(str(p, "detail"), "in other case"));
    assert_null(strstr(str(p, "detail"), "names no version"));
    assert_null(strstr(str(p, "detail"), "changed since"));
    json_decref(p);
    bct_response_free(&r);
    /* two edits on one version: the first lands, the second is refused, not written over */
    char listed_now[140];
    snprintf(listed_now, sizeof listed_now, "\"0000\", %s", now);
    decide_if(id, ADA, "{\"action\":\"edit\",\"fields\":{\"value\":3800000000}}", listed_now, &r);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    decide_if(id, BOB, "{\"action\":\"edit\",\"fields\":{\"value\":3900000000}}", now, &r);
    assert_int_equal(r.status, 412);
    bct_response_free(&r);
    f = expect("GET", target, ADA, NULL, 200);
    assert_true(json_number_value(json_object_get(json_object_get(f, "fact"), "value")) == 3.8e9);
    json_decref(f);
    /* "*" matches any version, and no If-Match is no condition */
    decide_if(id, BOB, "{\"action\":\"reject\"}", "*", &r);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    decide_if(id, BOB, "{\"action\":\"approve\"}", NULL, &r);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
}

static void failures_are_counted_without_the_key(void **state)
{
    (void)state;
    bct_response r;
    call("GET", "/metrics", -1, NULL, &r);
    assert_int_equal(r.status, 200);
    static const char *const reasons[] = {"missing", "invalid", "revoked", "forbidden"};
    for (size_t i = 0; i < 4; i++) {
        char want[100];
        snprintf(want, sizeof want, "bordercoop_auth_failures_total{reason=\"%s\"} ", reasons[i]);
        const char *at = strstr(r.body, want);
        if (at == NULL)
            fail_msg("no %s in /metrics", want);
        assert_true(atoi(at + strlen(want)) > 0);
    }
    bct_response_free(&r);
    /* the log names the owner of a refused key, never the key (the access log is
     * buffered and written at least once a second: a bounded wait) */
    char *log = NULL;
    for (int i = 0; i < 150; i++) {
        free(log);
        log = bct_daemon_log(&D);
        if (log != NULL && strstr(log, "auth revoked: key of 'alice'") != NULL &&
            strstr(log, "auth forbidden: key of 'ian'") != NULL)
            break;
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
    assert_non_null(log);
    assert_non_null(strstr(log, "auth revoked: key of 'alice'"));
    assert_non_null(strstr(log, "auth forbidden: key of 'ian'"));
    free(log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_role_gets_what_it_may),
        cmocka_unit_test(two_reviewers_one_revoked),
        cmocka_unit_test(stats_move_only_with_approval),
        cmocka_unit_test(a_rebuild_keeps_keys_and_decisions),
        cmocka_unit_test(the_command_line_reviews_as_the_key_owner),
        cmocka_unit_test(corrections_are_checked_and_verified),
        cmocka_unit_test(decisions_are_conditioned_on_the_version_read),
        cmocka_unit_test(failures_are_counted_without_the_key),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
