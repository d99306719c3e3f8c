/* test_metrics.c: the Prometheus counters: requests by route, method and status (with
 * "other" and "unmatched" for what is not listed), cumulative histogram buckets with
 * +Inf, _sum and _count, requests in flight, outcomes, the cache and store sections once
 * attached, allocation failure while rendering, and the whole text checked against the
 * exposition format (HELP/TYPE before samples, label syntax and escaping, one line per
 * series). The counters are process-wide, so each test uses its own routes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/cache.h"
#include "bordercoop/live.h"
#include "bordercoop/loader.h"
#include "bordercoop/metrics.h"
#include "bordercoop/router.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"

static bc_buf out;

static int reset(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    bc_metrics_attach(NULL, NULL);
    bc_buf_free(&out);
    return 0;
}

static const char *render(void)
{
    bc_buf_free(&out);
    bc_metrics_render(&out);
    assert_false(bc_buf_failed(&out));
    assert_non_null(out.data);
    return out.data;
}

/* The value of the sample line `series` (name with labels exactly as rendered), or -1
 * when there is no such line. */
static double value_of(const char *text, const char *series)
{
    size_t n = strlen(series);
    for (const char *p = text; p != NULL && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, series, n) == 0 && p[n] == ' ')
            return strtod(p + n + 1, NULL);
    return -1;
}

static int route(const char *path)
{
    int r = bc_router_route_of(path);
    assert_true(r >= 0);
    return r;
}

/* ---- an exposition format checker (text format 0.0.4) ------------------------------ */

typedef struct family {
    char name[128];
    char type[16];
    int help, samples;
} family;

static int name_char(int c, int first)
{
    return isalpha(c) || c == '_' || c == ':' || (!first && isdigit(c));
}

/* Reads a metric or label name at *p; returns its length (0 when there is none). */
static size_t read_name(const char **p, char *buf, size_t n)
{
    size_t k = 0;
    while (name_char((unsigned char)(*p)[k], k == 0) && k + 1 < n) {
        buf[k] = (*p)[k];
        k++;
    }
    buf[k] = '\0';
    *p += k;
    return k;
}

/* Checks one sample line; fills its metric name, series text (name and labels) and
 * value. */
static double check_sample(const char *line, char *name, size_t nn, char *series, size_t ns)
{
    const char *p = line;
    if (read_name(&p, name, nn) == 0)
        fail_msg("no metric name: '%s'", line);
    if (*p == '{') {
        p++;
        char seen[8][64];
        int nseen = 0;
        while (*p != '}') {
            char label[64];
            if (read_name(&p, label, sizeof label) == 0)
                fail_msg("bad label name: '%s'", line);
            if (strncmp(label, "__", 2) == 0)
                fail_msg("reserved label name: '%s'", line);
            for (int i = 0; i < nseen; i++)
                if (strcmp(seen[i], label) == 0)
                    fail_msg("label %s twice: '%s'", label, line);
            if (nseen < 8)
                snprintf(seen[nseen++], sizeof seen[0], "%s", label);
            if (p[0] != '=' || p[1] != '"')
                fail_msg("label without =\"value\": '%s'", line);
            p += 2;
            /* a value: any UTF-8 but '"', '\\' and newline, which must be escaped */
            while (*p != '"') {
                if (*p == '\0' || *p == '\n')
                    fail_msg("unterminated label value: '%s'", line);
                if (*p == '\\') {
                    if (p[1] != '\\' && p[1] != '"' && p[1] != 'n')
                        fail_msg("bad escape in label value: '%s'", line);
                    p++;
                }
                p++;
            }
            p++;
            if (*p == ',')
                p++;
            else if (*p != '}')
                fail_msg("labels not separated by ',': '%s'", line);
        }
        p++;
    }
    snprintf(series, ns, "%.*s", (int)(p - line), line);
    if (*p != ' ')
        fail_msg("no space before the value: '%s'", line);
    p++;
    char *end;
    double v = strtod(p, &end);
    if (end == p || (*end != '\0' && *end != ' '))
        fail_msg("value is not a number: '%s'", line);
    if (isnan(v))
        fail_msg("NaN value: '%s'", line);
    if (*end == ' ') { /* an optional timestamp */
        long long ts = strtoll(end + 1, &end, 10);
        (void)ts;
        if (*end != '\0')
            fail_msg("junk after the value: '%s'", line);
    }
    return v;
}

/* Validates the whole text; returns the number of samples. */
static int check_exposition(const char *text)
{
    static family fam[128];
    static char series[1024][256];
    int nfam = 0, nseries = 0, samples = 0;
    memset(fam, 0, sizeof fam);
    assert_true(strlen(text) > 0);
    assert_int_equal(text[strlen(text) - 1], '\n'); /* the last line ends too */
    const char *p = text;
    while (*p) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        char line[1024];
        assert_true((size_t)(nl - p) < sizeof line);
        memcpy(line, p, (size_t)(nl - p));
        line[nl - p] = '\0';
        p = nl + 1;
        if (line[0] == '\0')
            fail_msg("empty line in the exposition");
        if (line[0] == '#') {
            char kind[8], name[128];
            const char *rest = NULL;
            if (sscanf(line, "# %7s %127s", kind, name) != 2)
                fail_msg("bad comment line: '%s'", line);
            rest = line + 2 + strlen(kind) + 1 + strlen(name);
            const char *q = name;
            char check[128];
            if (read_name(&q, check, sizeof check) == 0 || *q != '\0')
                fail_msg("bad metric name in '%s'", line);
            family *f = NULL;
            for (int i = 0; i < nfam; i++)
                if (strcmp(fam[i].name, name) == 0)
                    f = &fam[i];
            if (f == NULL) {
                assert_true(nfam < 128);
                f = &fam[nfam++];
                snprintf(f->name, sizeof f->name, "%s", name);
            }
            if (f->samples > 0)
                fail_msg("%s: comment after its samples", name);
            if (strcmp(kind, "HELP") == 0) {
                if (f->help++)
                    fail_msg("%s: HELP twice", name);
                if (*rest != ' ' || strlen(rest) < 2)
                    fail_msg("%s: empty HELP", name);
                for (const char *c = rest; *c; c++)
                    if (*c == '\\' && c[1] != '\\' && c[1] != 'n')
                        fail_msg("%s: bad escape in HELP", name);
            } else if (strcmp(kind, "TYPE") == 0) {
                if (f->type[0])
                    fail_msg("%s: TYPE twice", name);
                if (sscanf(rest, " %15s", f->type) != 1 ||
                    (strcmp(f->type, "counter") != 0 && strcmp(f->type, "gauge") != 0 &&
                     strcmp(f->type, "histogram") != 0 && strcmp(f->type, "summary") != 0 &&
                     strcmp(f->type, "untyped") != 0))
                    fail_msg("%s: bad TYPE '%s'", name, rest);
            } else {
                fail_msg("unknown comment '%s'", line);
            }
            continue;
        }
        char name[128], s[256];
        double v = check_sample(line, name, sizeof name, s, sizeof s);
        /* the family: the name itself, or a histogram's _bucket, _sum and _count */
        family *f = NULL;
        for (int i = 0; i < nfam && f == NULL; i++) {
            size_t fl = strlen(fam[i].name);
            if (strcmp(fam[i].name, name) == 0)
                f = &fam[i];
            else if (strcmp(fam[i].type, "histogram") == 0 && strncmp(name, fam[i].name, fl) == 0 &&
                     (strcmp(name + fl, "_bucket") == 0 || strcmp(name + fl, "_sum") == 0 ||
                      strcmp(name + fl, "_count") == 0))
                f = &fam[i];
        }
        if (f == NULL || f->type[0] == '\0' || !f->help) {
            fail_msg("sample before its HELP and TYPE: '%s'", line);
            return -1;
        }
        if (strcmp(f->type, "histogram") == 0 && strcmp(name, f->name) == 0)
            fail_msg("histogram sample without a suffix: '%s'", line);
        if (strcmp(f->type, "counter") == 0 && v < 0)
            fail_msg("negative counter: '%s'", line);
        f->samples++;
        for (int i = 0; i < nseries; i++)
            if (strcmp(series[i], s) == 0)
                fail_msg("series twice: '%s'", s);
        assert_true(nseries < 1024);
        snprintf(series[nseries++], sizeof series[0], "%s", s);
        samples++;
    }
    return samples;
}

/* ---- tests ------------------------------------------------------------------------- */

static void fresh_process_renders_a_valid_skeleton(void **state)
{
    (void)state;
    const char *t = render();
    check_exposition(t);
    assert_non_null(strstr(t, "# HELP bordercoop_http_requests_total "));
    assert_non_null(strstr(t, "# TYPE bordercoop_http_requests_total counter\n"));
    assert_non_null(strstr(t, "# TYPE bordercoop_http_request_duration_seconds histogram\n"));
    assert_non_null(strstr(t, "# TYPE bordercoop_http_requests_in_flight gauge\n"));
    assert_null(strstr(t, "bordercoop_http_requests_total{")); /* nothing counted yet */
    assert_null(strstr(t, "bordercoop_http_request_duration_seconds_bucket{"));
    assert_int_equal(value_of(t, "bordercoop_http_requests_in_flight"), 0);
    assert_int_equal(value_of(t, "bordercoop_responses_total{outcome=\"built\"}"), 0);
    assert_int_equal(value_of(t, "bordercoop_responses_total{outcome=\"rejected\"}"), 0);
    /* nothing attached: no cache or store section */
    assert_null(strstr(t, "bordercoop_cache_"));
    assert_null(strstr(t, "bordercoop_store_"));
    assert_non_null(strstr(t, "bordercoop_build_info{version=\""));
    assert_true(value_of(t, "process_resident_memory_bytes") > 0);
}

static void requests_by_route_method_and_status(void **state)
{
    (void)state;
    int meetings = route("/v1/meetings"), one = route("/v1/meetings/x");
    for (int i = 0; i < 3; i++)
        bc_metrics_request(meetings, "GET", 200, 0.001, BC_OUTCOME_BUILT);
    bc_metrics_request(meetings, "HEAD", 304, 0.001, BC_OUTCOME_NOT_MODIFIED);
    bc_metrics_request(one, "GET", 404, 0.001, BC_OUTCOME_BUILT);
    /* methods and statuses outside the lists, and requests no route served */
    bc_metrics_request(meetings, "PATCH", 405, 0.001, BC_OUTCOME_BUILT);
    bc_metrics_request(meetings, "GET", 418, 0.001, BC_OUTCOME_BUILT);
    bc_metrics_request(-1, "GET", 404, 0.001, BC_OUTCOME_REJECTED);
    bc_metrics_request(9999, "GET", 414, 0.001, BC_OUTCOME_REJECTED);
    const char *t = render();
    check_exposition(t);
    assert_int_equal(
        value_of(t, "bordercoop_http_requests_total{route=\"/v1/meetings\",method=\"GET\","
                    "status=\"200\"}"),
        3);
    assert_int_equal(
        value_of(t, "bordercoop_http_requests_total{route=\"/v1/meetings\",method=\"HEAD\","
                    "status=\"304\"}"),
        1);
    assert_int_equal(
        value_of(t, "bordercoop_http_requests_total{route=\"/v1/meetings/{id}\",method=\"GET\","
                    "status=\"404\"}"),
        1);
    assert_int_equal(
        value_of(t, "bordercoop_http_requests_total{route=\"/v1/meetings\",method=\"other\","
                    "status=\"405\"}"),
        1);
    assert_int_equal(
        value_of(t, "bordercoop_http_requests_total{route=\"/v1/meetings\",method=\"GET\","
                    "status=\"other\"}"),
        1);
    assert_int_equal(value_of(t,
                              "bordercoop_http_requests_total{route=\"unmatched\",method=\"GET\","
                              "status=\"404\"}"),
                     1);
    assert_int_equal(value_of(t,
                              "bordercoop_http_requests_total{route=\"unmatched\",method=\"GET\","
                              "status=\"414\"}"),
                     1);
    /* no series for what never happened */
    assert_int_equal(
        value_of(t, "bordercoop_http_requests_total{route=\"/v1/meetings\",method=\"POST\","
                    "status=\"200\"}"),
        -1);
}

static void histogram_buckets_are_cumulative(void **state)
{
    (void)state;
    int r = route("/v1/protocols");
    bc_metrics_request(r, "GET", 200, 0.00005, BC_OUTCOME_BUILT);
    bc_metrics_request(r, "GET", 200, 0.0001, BC_OUTCOME_BUILT); /* le is inclusive */
    bc_metrics_request(r, "GET", 200, 0.003, BC_OUTCOME_CACHED);
    bc_metrics_request(r, "GET", 200, 0.3, BC_OUTCOME_BUILT);
    bc_metrics_request(r, "GET", 200, 2.0, BC_OUTCOME_BUILT); /* only in +Inf */
    const char *t = render();
    check_exposition(t);
    static const struct {
        const char *le;
        int count;
    } want[] = {{"0.0001", 2}, {"0.00025", 2}, {"0.0005", 2}, {"0.001", 2}, {"0.0025", 2},
                {"0.005", 3},  {"0.01", 3},    {"0.025", 3},  {"0.05", 3},  {"0.1", 3},
                {"0.25", 3},   {"0.5", 4},     {"1", 4},      {"+Inf", 5}};
    char series[160];
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        snprintf(series, sizeof series,
                 "bordercoop_http_request_duration_seconds_bucket{route=\"/v1/protocols\","
                 "le=\"%s\"}",
                 want[i].le);
        if (value_of(t, series) != want[i].count)
            fail_msg("%s = %g, want %d", series, value_of(t, series), want[i].count);
    }
    assert_int_equal(
        value_of(t, "bordercoop_http_request_duration_seconds_count{route=\"/v1/protocols\"}"), 5);
    double sum =
        value_of(t, "bordercoop_http_request_duration_seconds_sum{route=\"/v1/protocols\"}");
    assert_true(fabs(sum - 2.30315) < 1e-6);
    /* the buckets are rendered in increasing le, +Inf last, before _sum and _count */
    const char *first = strstr(t, "_bucket{route=\"/v1/protocols\",le=\"0.0001\"}");
    const char *inf = strstr(t, "_bucket{route=\"/v1/protocols\",le=\"+Inf\"}");
    const char *count = strstr(t, "_count{route=\"/v1/protocols\"}");
    assert_true(first != NULL && inf != NULL && count != NULL && first < inf && inf < count);
}

static void in_flight_and_outcomes(void **state)
{
    (void)state;
    const char *t = render();
    double built = value_of(t, "bordercoop_responses_total{outcome=\"built\"}");
    double cached = value_of(t, "bordercoop_responses_total{outcome=\"cached\"}");
    bc_metrics_in_flight(1);
    bc_metrics_in_flight(1);
    bc_metrics_in_flight(1);
    bc_metrics_in_flight(-1);
    int r = route("/v1/people");
    bc_metrics_request(r, "GET", 200, 0.001, BC_OUTCOME_BUILT);
    bc_metrics_request(r, "GET", 200, 0.001, BC_OUTCOME_CACHED);
    bc_metrics_request(r, "GET", 200, 0.001, BC_OUTCOME_CACHED);
    bc_metrics_request(r, "GET", 200, 0.001, 7);  /* not an outcome: not counted as one */
    bc_metrics_request(r, "GET", 200, 0.001, -1); /* nor is this */
    t = render();
    check_exposition(t);
    assert_int_equal(value_of(t, "bordercoop_http_requests_in_flight"), 2);
    assert_int_equal(value_of(t, "bordercoop_responses_total{outcome=\"built\"}"), built + 1);
    assert_int_equal(value_of(t, "bordercoop_responses_total{outcome=\"cached\"}"), cached + 2);
    /* but they are requests */
    assert_int_equal(value_of(t,
                              "bordercoop_http_requests_total{route=\"/v1/people\",method=\"GET\","
                              "status=\"200\"}"),
                     5);
    bc_metrics_in_flight(-2);
    t = render();
    assert_int_equal(value_of(t, "bordercoop_http_requests_in_flight"), 0);
}

static void cache_and_store_sections_once_attached(void **state)
{
    (void)state;
    char dir[] = "/tmp/bc-metrics-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char db[128];
    snprintf(db, sizeof db, "%s/store.db", dir);
    bc_err err;
    bc_load_stats stats;
    const char *data = getenv("BC_DATA") && *getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    assert_int_equal(bc_loader_build(data, db, &stats, &err), 0);
    bc_live *live = NULL;
    assert_int_equal(bc_live_open(db, 1, &live, &err), 0);
    bc_cache *cache = bc_cache_new(4096);
    bc_cached_release(bc_cache_get(cache, "nothing")); /* a miss */
    bc_metrics_attach(cache, live);
    const char *t = render();
    check_exposition(t);
    assert_int_equal(value_of(t, "bordercoop_cache_lookups_total{result=\"miss\"}"), 1);
    assert_int_equal(value_of(t, "bordercoop_cache_lookups_total{result=\"hit\"}"), 0);
    assert_int_equal(value_of(t, "bordercoop_cache_budget_bytes"), 4096);
    assert_int_equal(value_of(t, "bordercoop_cache_entries"), 0);
    assert_int_equal(value_of(t, "bordercoop_store_generation"), 0);
    bc_live_view v;
    bc_live_view_get(live, &v);
    assert_int_equal(value_of(t, "bordercoop_store_modified_timestamp_seconds"),
                     (double)v.modified_at);
    char info[160];
    snprintf(info, sizeof info, "bordercoop_store_info{content_version=\"%.16s\",schema=\"%d\"}",
             stats.content_version, bc_store_latest_version());
    assert_int_equal(value_of(t, info), 1);
    assert_true(value_of(t, "process_start_time_seconds") > 1.7e9);
    /* detached again: the sections go */
    bc_metrics_attach(NULL, NULL);
    t = render();
    check_exposition(t);
    assert_null(strstr(t, "bordercoop_cache_"));
    assert_null(strstr(t, "bordercoop_store_"));
    bc_cache_free(cache);
    bc_live_close(live);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void rendering_under_allocation_failure(void **state)
{
    (void)state;
    bc_metrics_request(route("/v1/sources"), "GET", 200, 0.01, BC_OUTCOME_BUILT);
    size_t full = strlen(render());
    int failed = 0;
    for (long n = 0; n < 12; n++) {
        bc_buf b = BC_BUF_INIT;
        bc_alloc_fail_after(n);
        bc_metrics_render(&b);
        bc_alloc_fail_reset();
        if (bc_buf_failed(&b))
            failed++;
        else /* the text is complete or the failure is flagged: never silently cut */
            assert_int_equal(b.len, full);
        bc_buf_free(&b);
    }
    assert_true(failed > 0);
}

static void handler_serves_the_text(void **state)
{
    (void)state;
    bc_metrics_request(bc_router_route_of("/readyz"), "GET", 200, 0.0002, BC_OUTCOME_BUILT);
    bc_response res;
    assert_int_equal(fx_call(bc_handle_metrics, NULL, "/metrics", NULL, BC_FMT_PROM, &res), 200);
    assert_string_equal(res.content_type, "text/plain; version=0.0.4");
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-store");
    assert_int_equal(res.cacheable, 0);
    assert_non_null(strstr(res.body.data, "# TYPE bordercoop_http_requests_total counter\n"));
    assert_non_null(strstr(res.body.data, "bordercoop_http_requests_total{route=\"/readyz\","
                                          "method=\"GET\",status=\"200\"} 1\n"));
    bc_response_free(&res);
    /* out of memory while rendering: a 500, never a truncated 200 */
    int saw_500 = 0;
    for (long n = 0; n < 8; n++) {
        bc_alloc_fail_after(n);
        int st = fx_call(bc_handle_metrics, NULL, "/metrics", NULL, BC_FMT_PROM, &res);
        bc_alloc_fail_reset();
        if (st != 200 && st != 500)
            fail_msg("after %ld allocations: %d %.200s", n, st,
                     res.body.data ? res.body.data : "(no body)");
        saw_500 |= st == 500;
        if (st == 200)
            assert_non_null(strstr(res.body.data, "process_resident_memory_bytes"));
        bc_response_free(&res);
    }
    assert_true(saw_500);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(fresh_process_renders_a_valid_skeleton, reset),
        cmocka_unit_test_teardown(requests_by_route_method_and_status, reset),
        cmocka_unit_test_teardown(histogram_buckets_are_cumulative, reset),
        cmocka_unit_test_teardown(in_flight_and_outcomes, reset),
        cmocka_unit_test_teardown(cache_and_store_sections_once_attached, reset),
        cmocka_unit_test_teardown(rendering_under_allocation_failure, reset),
        cmocka_unit_test_teardown(handler_serves_the_text, reset),
    };
    return cmocka_run_group_tests_name("metrics", tests, NULL, NULL);
}
