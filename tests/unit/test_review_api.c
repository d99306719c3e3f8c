/* test_review_api.c: the review routes through the router without a network: each
 * needs a review key (401 without, 403 naming the role for an ingest key), their query
 * parameters are checked, the queue and the log render with their paging links, a fact
 * shows its decisions, and a decision without a writable store is a 503 that writes
 * nothing; nothing is ever cacheable. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/ingest.h"
#include "bordercoop/keys.h"
#include "bordercoop/review.h"

#include "fixture.h"

#define count fx_count /* fixture.h */

static bc_store *S;
static char REVIEWER[BC_KEY_LEN + 8], INGESTER[BC_KEY_LEN + 8], FIGURE[200];

static const char EN[] =
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "
    "reported that import-export turnover between the four Vietnamese provinces and Yunnan "
    "reached USD 8.1 billion in 2025. Nearly 600 delegations were exchanged in 2025.";

static int setup(void **state)
{
    (void)state;
    S = fx_store_from(fx_data_dir());
    bc_ingest_input in = {0};
    in.text = EN;
    in.len = strlen(EN);
    in.lang = "en";
    in.title = "Review API test";
    in.actor = "ian";
    bc_ingest_result r;
    bc_err err;
    char key[BC_KEY_LEN + 1];
    if (bc_ingest(S, &in, &r, &err) != 0 ||
        bc_keys_add(S, "rita", BC_ROLE_REVIEW, "t", key, &err) != 0)
        return -1;
    snprintf(REVIEWER, sizeof REVIEWER, "Bearer %s", key);
    if (bc_keys_add(S, "ian", BC_ROLE_INGEST, "t", key, &err) != 0)
        return -1;
    snprintf(INGESTER, sizeof INGESTER, "Bearer %s", key);
    sqlite3_stmt *st;
    if (bc_store_stmt(S, "SELECT id FROM figures WHERE curation = 'extracted' AND value = 600", &st,
                      &err) != 0 ||
        sqlite3_step(st) != SQLITE_ROW)
        return -1;
    snprintf(FIGURE, sizeof FIGURE, "%s", sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    bc_store_close(S);
    return 0;
}

/* method path?query with the Authorization header auth (may be NULL) and a JSON body. */
static int call(const char *method, const char *path, const char *query, const char *auth,
                const char *body, bc_response *res)
{
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(S, method, path, query, BC_FMT_KNOWN, 0, &arena);
    req.authorization = auth;
    req.body = body;
    req.body_len = body ? strlen(body) : 0;
    req.content_type = body ? "application/json" : NULL;
    return fx_run(NULL, &req, res);
}

static void expect(const char *method, const char *path, const char *query, const char *auth,
                   const char *body, int status, const char *code, const char *parameter)
{
    bc_response res;
    int got = call(method, path, query, auth, body, &res);
    if (got != status)
        fail_msg("%s %s?%s: %d, want %d: %s", method, path, query ? query : "", got, status,
                 res.body.data);
    assert_false(res.cacheable);
    if (code != NULL) {
        json_t *j = fx_json_body(&res);
        assert_string_equal(fx_str(j, "code"), code);
        if (parameter != NULL)
            assert_string_equal(fx_str(j, "parameter"), parameter);
        json_decref(j);
    }
    bc_response_free(&res);
}

static void every_route_needs_a_review_key(void **state)
{
    (void)state;
    static const struct {
        const char *method, *path;
    } routes[] = {
        {"GET", "/v1/review"},
        {"GET", "/v1/review/log"},
        {"GET", "/v1/review/figures/x"},
        {"POST", "/v1/review/figures/x"},
    };
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        const char *body = routes[i].method[0] == 'P' ? "{\"action\":\"approve\"}" : NULL;
        expect(routes[i].method, routes[i].path, NULL, NULL, body, 401, "unauthorized", NULL);
        expect(routes[i].method, routes[i].path, NULL, "Bearer bck_unknown", body, 401,
               "unauthorized", NULL);
        expect(routes[i].method, routes[i].path, NULL, INGESTER, body, 403, "insufficient_role",
               NULL);
    }
}

static void parameters_are_checked(void **state)
{
    (void)state;
    expect("GET", "/v1/review", "colour=red", REVIEWER, NULL, 400, "unknown_parameter", "colour");
    expect("GET", "/v1/review", "kind=protocols", REVIEWER, NULL, 400, "invalid_parameter", "kind");
    expect("GET", "/v1/review", "limit=501", REVIEWER, NULL, 400, "invalid_parameter", "limit");
    expect("GET", "/v1/review", "limit=2&limit=3", REVIEWER, NULL, 400, "duplicate_parameter",
           "limit");
    expect("GET", "/v1/review", "source=", REVIEWER, NULL, 400, "invalid_parameter", "source");
    expect("GET", "/v1/review/log", "status=lost", REVIEWER, NULL, 400, "invalid_parameter",
           "status");
    expect("GET", "/v1/review/log", "offset=-1", REVIEWER, NULL, 400, "invalid_parameter",
           "offset");
    expect("GET", "/v1/review/figures/x", "verbose=1", REVIEWER, NULL, 400, "unknown_parameter",
           "verbose");
    expect("GET", "/v1/review/protocols/x", NULL, REVIEWER, NULL, 404, "not_found", NULL);
    expect("GET", "/v1/review/figures/no-such-figure", NULL, REVIEWER, NULL, 404, "not_found",
           NULL);
    char path[300];
    snprintf(path, sizeof path, "/v1/review/figures/%s", FIGURE);
    expect("POST", path, NULL, REVIEWER, "[1]", 400, "malformed_json", NULL);
    expect("POST", path, NULL, REVIEWER, "{\"action\":\"approve\",\"by\":\"x\"}", 400,
           "invalid_field", "by");
    expect("POST", path, NULL, REVIEWER, "{}", 400, "invalid_field", "action");
    expect("POST", path, NULL, REVIEWER, "{\"action\":\"edit\"}", 400, "invalid_field", "fields");
    expect("POST", path, NULL, REVIEWER, "{\"action\":\"approve\",\"note\":5}", 400,
           "invalid_field", "note");
    /* a well-formed decision without a writable store: 503, nothing written */
    long before = count(S, "SELECT count(*) FROM review_log");
    expect("POST", path, NULL, REVIEWER, "{\"action\":\"approve\"}", 503, "store_unavailable",
           NULL);
    assert_int_equal(count(S, "SELECT count(*) FROM review_log"), before);
}

static void the_queue_and_the_log_render(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(call("GET", "/v1/review", "kind=figures&limit=1", REVIEWER, NULL, &res), 200);
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-store");
    json_t *j = fx_json_body(&res);
    json_t *meta = json_object_get(j, "meta"), *links = json_object_get(j, "links");
    assert_string_equal(fx_str(meta, "reviewer"), "rita");
    assert_int_equal(json_integer_value(json_object_get(meta, "count")), 1);
    assert_true(json_integer_value(json_object_get(meta, "total")) >= 2);
    assert_string_equal(fx_str(links, "self"), "/v1/review?kind=figures&limit=1");
    assert_string_equal(fx_str(links, "next"), "/v1/review?kind=figures&limit=1&offset=1");
    assert_true(json_is_null(json_object_get(links, "prev")));
    json_t *item = json_array_get(json_object_get(j, "data"), 0);
    assert_string_equal(fx_str(item, "kind"), "figure");
    assert_string_equal(fx_str(json_object_get(item, "source"), "ingested_by"), "ian");
    json_decref(j);
    bc_response_free(&res);
    /* a decision made below the HTTP layer shows in the fact's history and the log */
    bc_review_request rq = {BC_REVIEW_FIGURE, FIGURE, BC_REVIEW_REJECT, NULL, "a target",
                            "rita",           "api"};
    bc_review_result r;
    bc_err err;
    assert_int_equal(bc_review_decide(S, &rq, &r, &err), 0);
    char path[300];
    snprintf(path, sizeof path, "/v1/review/figures/%s", FIGURE);
    assert_int_equal(call("GET", path, NULL, REVIEWER, NULL, &res), 200);
    j = fx_json_body(&res);
    assert_string_equal(fx_str(json_object_get(j, "fact"), "curation"), "rejected");
    json_t *d = json_array_get(json_object_get(j, "decisions"), 0);
    assert_string_equal(fx_str(d, "reviewer"), "rita");
    assert_string_equal(fx_str(d, "note"), "a target");
    json_decref(j);
    bc_response_free(&res);
    assert_int_equal(
        call("GET", "/v1/review/log", "reviewer=rita&status=applied", REVIEWER, NULL, &res), 200);
    j = fx_json_body(&res);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "total")), 1);
    assert_string_equal(fx_str(json_object_get(j, "links"), "self"),
                        "/v1/review/log?reviewer=rita&status=applied&limit=50");
    json_decref(j);
    bc_response_free(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_route_needs_a_review_key),
        cmocka_unit_test(parameters_are_checked),
        cmocka_unit_test(the_queue_and_the_log_render),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
