/* test_bulk.c: whole-store answers (the export, its index, /v1/stats with machine-read
 * facts) on a grown store are built on the bulk thread with their own budget, not cut
 * by the per-request budget forever (attack finding 3): with a request budget far too
 * small for them they still answer 200, again after a write, and a cheap request keeps
 * its own budget. A flood of costly searches runs on the search lane and leaves the
 * workers to other uncached reads (attack finding 6); so does a flood of costly list
 * pages (large pages with totals, varied to miss the cache) on the costly lane, whatever
 * addresses it comes from (second attack pass, finding 2). /v1/stats runs on a summary
 * thread of its own, never behind an export being built, and readers of one whole-store
 * answer queued after a write get the one answer built, not one build each (analyst 13,
 * finding 20). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "bordercoop/synth.h"
#include "harness.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TOKEN "bulk-test-token-0123456789"

static char TMP[64];

static int setup(void **state)
{
    (void)state;
    return bct_tmpdir(TMP, sizeof TMP, "bulk");
}

static int teardown(void **state)
{
    (void)state;
    return bct_tmpdir_remove(TMP);
}

/* A whole-store answer may take seconds when the daemon runs under valgrind (make
 * test-valgrind): the client waits up to two minutes, far above bct_get's default. */
static int status_of(int port, const char *target)
{
    bct_response r;
    assert_int_equal(bct_get_timeout(port, target, NULL, 120000, &r), 0);
    int status = r.status;
    if (status != 200)
        print_message("%s: %d %.200s\n", target, status, r.body);
    bct_response_free(&r);
    return status;
}

static void whole_store_answers_outlive_the_request_budget(void **state)
{
    (void)state;
    char db[160];
    snprintf(db, sizeof db, "%s/grown.db", TMP);
    bc_synth_options o = {.data_dir = getenv("BC_DATA") ? getenv("BC_DATA") : "data",
                          .out = db,
                          .figures = 3000,
                          .meetings = 300,
                          .seed = 7};
    bc_err err;
    if (bc_synth(&o, &err) != 0)
        fail_msg("synth: %s", err.msg);
    setenv("BORDERCOOP_API_TOKEN", TOKEN, 1);
    bct_daemon d;
    /* a request budget of 1 ms: no whole-store answer fits in it */
    int rc = bct_daemon_start(&d, getenv("BC_DAEMON"), db,
                              (const char *[]){"--log-format", "off", "--request-budget-ms", "1",
                                               "--bulk-budget-ms", "60000", "--costly-budget-ms",
                                               "60000", NULL},
                              10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    assert_int_equal(rc, 0);
    static const char *const bulk[] = {"/v1/export.ndjson", "/v1/export/index.json",
                                       "/v1/stats?curation=all", "/v1/stats"};
    /* facets and totals run on the costly lane with its own budget, not the 1 ms one of
     * cheap reads (analyst 11, F12: facets of a big store cut at the request budget) */
    static const char *const costly[] = {"/v1/figures?facets=metric,year,province&limit=1",
                                         "/v1/meetings?facets=status,province&limit=1",
                                         "/v1/figures?curation=all&facets=curation&limit=1"};
    for (size_t i = 0; i < sizeof costly / sizeof costly[0]; i++)
        assert_int_equal(status_of(d.port, costly[i]), 200);
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof bulk / sizeof bulk[0]; i++) {
            assert_int_equal(status_of(d.port, bulk[i]), 200);
            assert_int_equal(status_of(d.port, bulk[i]), 200); /* and from the cache */
        }
        if (round == 0) {
            /* a write: a new generation, built again */
            static const char body[] =
                "{\"lang\":\"en\",\"title\":\"Bulk\",\"text\":\"Trade between Lao Cai and "
                "Yunnan reached USD 5 million in 2025.\"}";
            const char *hs[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                NULL};
            /* its key check runs under the tiny request budget: a busy machine may
             * refuse it (503) a few times */
            int status = 503;
            for (int attempt = 0; attempt < 50 && status == 503; attempt++) {
                bct_conn *c = bct_connect(d.port, 30000);
                assert_non_null(c);
                bct_response r;
                assert_int_equal(bct_request(c, "POST", "/v1/sources", hs, body, strlen(body), &r),
                                 0);
                status = r.status;
                bct_response_free(&r);
                bct_close(c);
            }
            assert_int_equal(status, 201);
        }
    }
    assert_int_equal(bct_daemon_stop(&d, 30000), 0);
}

/* The value of the /metrics sample whose line starts with sample ("name{labels}"). */
static double metric(int port, const char *sample)
{
    bct_response r;
    assert_int_equal(bct_get(port, "/metrics", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    char *line = strstr(r.body, sample);
    if (line == NULL)
        fail_msg("/metrics has no %s", sample);
    double v = atof(line + strlen(sample));
    bct_response_free(&r);
    return v;
}

/* metric() once it is at least want, asking again while it is lower (a pool counts a job
 * once its answer has gone out, a response once it is sent): the last value read. */
static double metric_reaching(int port, const char *sample, double want)
{
    double v = metric(port, sample);
    for (int i = 0; i < 500 && v < want; i++) {
        usleep(10000);
        v = metric(port, sample);
    }
    return v;
}

typedef struct reader {
    int port;
    const char *target;
    int status;
} reader;

static void *read_one(void *arg)
{
    reader *rd = arg;
    bct_response r;
    rd->status = bct_get_timeout(rd->port, rd->target, NULL, 120000, &r) == 0 ? r.status : -1;
    if (rd->status > 0)
        bct_response_free(&r);
    return NULL;
}

#define READERS 6

/* Six clients ask for the export at once: it is built once, the others get that answer
 * (before: each queued job built it again, and the summary waited behind them all on the
 * one bulk thread). /v1/stats of the trusted sets runs on its own summary pool; of the
 * sets with machine-read facts, and the export, on the bulk pool. */
static void whole_store_readers_share_one_build(void **state)
{
    (void)state;
    char db[160];
    snprintf(db, sizeof db, "%s/shared.db", TMP);
    bc_synth_options o = {.data_dir = getenv("BC_DATA") ? getenv("BC_DATA") : "data",
                          .out = db,
                          .figures = 3000,
                          .meetings = 300,
                          .seed = 11};
    bc_err err;
    if (bc_synth(&o, &err) != 0)
        fail_msg("synth: %s", err.msg);
    bct_daemon d;
    assert_int_equal(bct_daemon_start(&d, getenv("BC_DAEMON"), db,
                                      (const char *[]){"--log-format", "off", "--bulk-budget-ms",
                                                       "120000", NULL},
                                      10000),
                     0);
    double bulk0 = metric(d.port, "bordercoop_pool_jobs_total{pool=\"bulk\",outcome=\"run\"}");
    double sum0 = metric(d.port, "bordercoop_pool_jobs_total{pool=\"summary\",outcome=\"run\"}");
    assert_int_equal(status_of(d.port, "/v1/stats"), 200);
    assert_int_equal(status_of(d.port, "/v1/stats?curation=reviewed"), 200);
    /* a summary with machine-read facts grows with every ingest: the bulk thread's */
    assert_int_equal(status_of(d.port, "/v1/stats?curation=all"), 200);
    double sum1 = metric_reaching(
        d.port, "bordercoop_pool_jobs_total{pool=\"summary\",outcome=\"run\"}", sum0 + 2);
    double bulk1 = metric_reaching(
        d.port, "bordercoop_pool_jobs_total{pool=\"bulk\",outcome=\"run\"}", bulk0 + 1);
    if (sum1 != sum0 + 2 || bulk1 != bulk0 + 1)
        fail_msg("three summaries: summary pool %.0f -> %.0f (want +2), bulk pool %.0f -> %.0f "
                 "(want +1)",
                 sum0, sum1, bulk0, bulk1);
    /* the readers, all at once: one builds the export, the others are sent what it built */
    const char *cached = "bordercoop_responses_total{outcome=\"cached\"}";
    double cached0 = metric(d.port, cached);
    pthread_t t[READERS];
    reader rd[READERS];
    for (int i = 0; i < READERS; i++) {
        rd[i] = (reader){d.port, "/v1/export.ndjson", 0};
        assert_int_equal(pthread_create(&t[i], NULL, read_one, &rd[i]), 0);
    }
    for (int i = 0; i < READERS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(rd[i].status, 200);
    }
    double shared = metric_reaching(d.port, cached, cached0 + READERS - 1) - cached0;
    if (shared != READERS - 1)
        fail_msg("%d readers of the export at once: %.0f sent the answer another built, want %d",
                 READERS, shared, READERS - 1);
    if (metric(d.port, "bordercoop_pool_jobs_total{pool=\"summary\",outcome=\"run\"}") != sum1)
        fail_msg("the export ran on the summary pool");
    assert_int_equal(bct_daemon_stop(&d, 30000), 0);
}

/* An article whose one paragraph repeats one word 16,000 times (costly to search); the
 * JSON body is new, free with free(). */
static char *wordy_article(size_t *len)
{
    size_t n = 16000 * 8 + 256;
    char *text = malloc(n);
    assert_non_null(text);
    size_t k = (size_t)snprintf(text, n, "Charlie report.");
    for (int i = 0; i < 16000; i++)
        k += (size_t)snprintf(text + k, n - k, " charlie");
    json_t *o = json_pack("{s:s,s:s,s:s}", "text", text, "lang", "en", "title", "Charlie");
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    free(text);
    *len = strlen(s);
    return s;
}

#define FLOOD 16

static void a_search_flood_leaves_other_reads_their_workers(void **state)
{
    (void)state;
    char db[160];
    snprintf(db, sizeof db, "%s/flood.db", TMP);
    bc_err err;
    if (bc_loader_build(getenv("BC_DATA") ? getenv("BC_DATA") : "data", db, NULL, &err) != 0)
        fail_msg("building the store: %s", err.msg);
    setenv("BORDERCOOP_API_TOKEN", TOKEN, 1);
    bct_daemon d;
    /* the budget frees the search lane from the flood; the other reads must fit in it,
     * which under memcheck on a loaded machine an uncached list does not in 300 ms */
    const char *budget = getenv("VALGRIND_DAEMON") != NULL ? "8000" : "300";
    int rc = bct_daemon_start(&d, getenv("BC_DAEMON"), db,
                              (const char *[]){"--log-format", "off", "--workers", "1",
                                               "--request-budget-ms", budget, NULL},
                              10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    assert_int_equal(rc, 0);
    size_t len;
    char *body = wordy_article(&len);
    const char *hs[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json", NULL};
    bct_conn *c = bct_connect(d.port, 30000);
    assert_non_null(c);
    bct_response r;
    assert_int_equal(bct_request(c, "POST", "/v1/sources", hs, body, len, &r), 0);
    assert_int_equal(r.status, 201);
    bct_response_free(&r);
    bct_close(c);
    free(body);
    /* 16 costly searches from one client, all sent before any is answered */
    bct_conn *flood[FLOOD];
    for (int i = 0; i < FLOOD; i++) {
        char req[256];
        snprintf(req, sizeof req,
                 "GET /v1/search?q=charlie%%20OR%%20c*&limit=%d&paragraphs=true&total=true "
                 "HTTP/1.1\r\nHost: x\r\n\r\n",
                 40 + i);
        flood[i] = bct_connect(d.port, 30000);
        assert_non_null(flood[i]);
        assert_int_equal(bct_send_raw(flood[i], req, strlen(req)), 0);
    }
    /* uncached reads of other clients get the workers meanwhile */
    for (int i = 0; i < 5; i++) {
        char target[64];
        snprintf(target, sizeof target, "/v1/meetings?limit=%d&sort=-date", 2 + i);
        assert_int_equal(status_of(d.port, target), 200);
    }
    int answered = 0;
    for (int i = 0; i < FLOOD; i++) {
        memset(&r, 0, sizeof r);
        if (bct_read_response(flood[i], 0, &r) == 0 && (r.status == 200 || r.status == 503))
            answered++;
        bct_response_free(&r);
        bct_close(flood[i]);
    }
    assert_int_equal(answered, FLOOD);
    assert_int_equal(bct_daemon_stop(&d, 30000), 0);
}

/* The requests pool `pool` took, whatever became of them (run, refused or expired; the
 * over_budget ones were run), from /metrics. */
static long pool_jobs(int port, const char *pool)
{
    bct_response r;
    assert_int_equal(bct_get(port, "/metrics", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    char want[96];
    int n = snprintf(want, sizeof want, "bordercoop_pool_jobs_total{pool=\"%s\",outcome=\"", pool);
    long total = 0;
    for (const char *p = strstr(r.body, want); p != NULL; p = strstr(p + 1, want)) {
        const char *v = strchr(p + n, ' ');
        assert_non_null(v);
        if (strncmp(p + n, "over_budget", 11) != 0)
            total += strtol(v + 1, NULL, 10);
    }
    bct_response_free(&r);
    return total;
}

static void a_flood_of_costly_pages_leaves_cheap_lists_their_workers(void **state)
{
    (void)state;
    char db[160];
    snprintf(db, sizeof db, "%s/pages.db", TMP);
    bc_synth_options o = {.data_dir = getenv("BC_DATA") ? getenv("BC_DATA") : "data",
                          .out = db,
                          .figures = 20000,
                          .meetings = 1000,
                          .seed = 11};
    bc_err err;
    if (bc_synth(&o, &err) != 0)
        fail_msg("synth: %s", err.msg);
    bct_daemon d;
    /* one worker per lane; the flood's sixteen pages of 300+ figures with a total take
     * longer together than the budget, so a cheap list queued behind them would expire */
    const char *budget = getenv("VALGRIND_DAEMON") != NULL ? "8000" : "300";
    int rc = bct_daemon_start(&d, getenv("BC_DAEMON"), db,
                              (const char *[]){"--log-format", "off", "--workers", "1",
                                               "--request-budget-ms", budget, NULL},
                              10000);
    assert_int_equal(rc, 0);
    long workers_before = pool_jobs(d.port, "workers");
    /* from ten addresses, all sent before any is answered, each target its own (no
     * cache hit) */
    bct_conn *flood[FLOOD];
    for (int i = 0; i < FLOOD; i++) {
        char req[256];
        snprintf(req, sizeof req,
                 "GET /v1/trade-figures?limit=%d&sort=-value&total=true HTTP/1.1\r\nHost: "
                 "x\r\n\r\n",
                 300 + 11 * i);
        flood[i] = bct_connect_from(d.port, 60 + i % 10, 30000);
        assert_non_null(flood[i]);
        assert_int_equal(bct_send_raw(flood[i], req, strlen(req)), 0);
    }
    /* another address's uncached small lists and details get the workers meanwhile */
    for (int i = 0; i < 5; i++) {
        char target[96];
        snprintf(target, sizeof target,
                 i % 2 ? "/v1/protocols?limit=%d" : "/v1/meetings?limit=%d&sort=-date", 2 + i);
        bct_conn *c = bct_connect_from(d.port, 51, 30000);
        assert_non_null(c);
        bct_response r;
        assert_int_equal(bct_request(c, "GET", target, NULL, NULL, 0, &r), 0);
        if (r.status != 200)
            print_message("%s: %d %.200s\n", target, r.status, r.body);
        assert_int_equal(r.status, 200);
        bct_response_free(&r);
        bct_close(c);
    }
    int answered = 0;
    for (int i = 0; i < FLOOD; i++) {
        bct_response r;
        memset(&r, 0, sizeof r);
        int got = bct_read_response(flood[i], 0, &r);
        if (got == 0 && (r.status == 200 || r.status == 503))
            answered++;
        else
            print_message("flood %d: %d, status %d\n", i, got, r.status);
        bct_response_free(&r);
        bct_close(flood[i]);
    }
    assert_int_equal(answered, FLOOD);
    /* the flood went to the costly lane, every one of it; the lists to the workers (a
     * job is counted just after its answer is handed over: a bounded wait for the last) */
    long costly = pool_jobs(d.port, "costly");
    for (int tries = 0; tries < 100 && costly < FLOOD; tries++) {
        usleep(50 * 1000);
        costly = pool_jobs(d.port, "costly");
    }
    assert_int_equal(costly, FLOOD);
    assert_true(pool_jobs(d.port, "workers") - workers_before >= 5);
    assert_int_equal(bct_daemon_stop(&d, 30000), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_store_answers_outlive_the_request_budget),
        cmocka_unit_test(whole_store_readers_share_one_build),
        cmocka_unit_test(a_search_flood_leaves_other_reads_their_workers),
        cmocka_unit_test(a_flood_of_costly_pages_leaves_cheap_lists_their_workers),
    };
    return cmocka_run_group_tests_name("bulk", tests, setup, teardown);
}
