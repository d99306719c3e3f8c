/* test_fuzz_regressions.c: inputs found by the libFuzzer targets of tests/fuzz, kept as
 * cases so a fixed crash stays fixed. Each case names the target and what it found. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "bordercoop/arena.h"
#include "bordercoop/config.h"
#include "bordercoop/query.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"
#include "bordercoop/router.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

/* POSTs body to path?query as an authenticated JSON write, the way fuzz_router does (a
 * configured token, the matching bearer token, no live store); returns the status and
 * checks the answer is a problem+json document carrying that status. */
static int post_as_writer(const char *path, const char *query, const char *body)
{
    bc_config cfg;
    bc_err err;
    assert_int_equal(bc_config_parse(&cfg, 0, NULL, NULL, &err), 0);
    snprintf(cfg.api_token, sizeof cfg.api_token, "%s", "fuzz-token");
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = {0};
    req.method = "POST";
    req.path = path;
    req.query = query;
    req.store = S;
    req.live = NULL;
    req.cfg = &cfg;
    req.formats = BC_FMT_JSON | BC_FMT_CSV;
    req.format = BC_FMT_JSON;
    req.arena = &arena;
    req.body = body;
    req.body_len = strlen(body);
    req.authorization = "Bearer fuzz-token";
    req.content_type = "application/json";
    bc_response res;
    bc_response_init(&res);
    int status = bc_router_dispatch(bc_router_route_of(req.path), &req, &res);
    assert_int_equal(res.status, status);
    assert_string_equal(res.content_type, "application/problem+json");
    json_t *j = fx_json_body(&res);
    assert_int_equal(json_integer_value(json_object_get(j, "status")), status);
    json_decref(j);
    bc_response_free(&res);
    bc_arena_free(&arena);
    return status;
}

/* fuzz_router, crash-98445496e6fa3cd915fe42a8aad70d7b68d6c835 (found on 1fb65d3, fixed in
 * e27e155): POST /v1/sources with a query whose first pair parses and a later one does
 * not. bc_query_parse fails with *n = 1 and *pairs = NULL, and the handler read
 * pairs[0].key for the problem's parameter: a NULL dereference (UBSan: "applying zero
 * offset to null pointer" at ingest_api.c:66), a SIGSEGV of the daemon for any
 * authenticated writer. Minimised input: "POST\n/v1/sources\na=1&%ZZ\n". */
static void post_with_malformed_query_after_a_pair(void **state)
{
    (void)state;
    static const char *const queries[] = {
        "a=1&%ZZ",   /* bad escape in the second pair */
        "a=1&b=%FF", /* invalid UTF-8 in the second pair */
        "a&b=%00",   /* encoded NUL */
        "x=1&=2",    /* a pair without a name */
        "Cai andtober 2025 tn 1577.\", \"lang\"andtober& 2025 tn 1577: \"en\", \"Atitle\xff\xff",
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
        assert_int_equal(post_as_writer("/v1/sources", queries[i], "{}"), 400);
}

/* The same for the other users of bc_query_parse: a malformed query after a valid pair
 * is a 400 everywhere (these never crashed; they pin the contract the fix relies on). */
static void malformed_query_after_a_pair_is_400(void **state)
{
    (void)state;
    static const char *const paths[] = {"/healthz", "/v1/meetings", "/v1/meetings/jwg-yunnan-11",
                                        "/v1/search"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        bc_response res;
        int st = fx_request(S, "GET", paths[i], "limit=1&%ZZ", &res);
        assert_int_equal(st, 400);
        json_t *j = fx_json_body(&res);
        json_decref(j);
        bc_response_free(&res);
    }
}

/* bc_query_parse: on failure *pairs is NULL whatever *n says, so callers must not index
 * pairs after an error. */
static void query_parse_failure_leaves_no_pairs(void **state)
{
    (void)state;
    bc_arena a = BC_ARENA_INIT;
    bc_qpair *pairs = (bc_qpair *)&a;
    size_t n = 0;
    bc_err err;
    assert_int_equal(bc_query_parse("a=1&%ZZ", &a, &pairs, &n, &err), BC_EINVAL);
    assert_null(pairs);
    bc_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(post_with_malformed_query_after_a_pair),
        cmocka_unit_test(malformed_query_after_a_pair_is_400),
        cmocka_unit_test(query_parse_failure_leaves_no_pairs),
    };
    return cmocka_run_group_tests(tests, fx_group_setup, fx_group_teardown);
}
