/* test_router.c: routing of paths and methods, and the fixed handlers (health,
 * readiness, index, OpenAPI). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/router.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

static int status_of(const char *method, const char *path)
{
    bc_response res;
    int st = fx_request(S, method, path, NULL, &res);
    bc_response_free(&res);
    return st;
}

static void routes(void **state)
{
    (void)state;
    assert_int_equal(status_of("GET", "/v1/meetings"), 200);
    assert_int_equal(status_of("HEAD", "/v1/meetings"), 200);
    assert_int_equal(status_of("GET", "/v1/meetings/conference-yunnan-5"), 200);
    assert_int_equal(status_of("GET", "/v1/trade-figures"), 200);
    assert_int_equal(status_of("GET", "/v1/figures"), 200);
    assert_int_equal(status_of("GET", "/v1/border-gate-projects"), 200);
    assert_int_equal(status_of("GET", "/v1/protocols"), 200);
    assert_int_equal(status_of("GET", "/v1/provinces"), 200);
    assert_int_equal(status_of("GET", "/v1/people"), 200);
    assert_int_equal(status_of("GET", "/v1/sources"), 200);
    assert_int_equal(status_of("GET", "/v1/mechanisms"), 200);
    assert_int_equal(status_of("GET", "/v1"), 200);
    assert_int_equal(status_of("GET", "/"), 200);
}

static void unknown_paths_are_404(void **state)
{
    (void)state;
    assert_int_equal(status_of("GET", "/v2/meetings"), 404);
    assert_int_equal(status_of("GET", "/v1/meetingsx"), 404);
    assert_int_equal(status_of("GET", "/v1/meetings/a/b"), 404);
    assert_int_equal(status_of("GET", "/v1/"), 404);
    bc_response res;
    assert_int_equal(fx_request(S, "GET", "/v1/meetings/", NULL, &res), 404);
    assert_non_null(strstr(res.body.data, "drop the trailing"));
    bc_response_free(&res);
}

static void other_methods_get_405_with_allow(void **state)
{
    (void)state;
    const char *methods[] = {"POST", "PUT", "DELETE", "PATCH", "TRACE"};
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        bc_response res;
        assert_int_equal(fx_request(S, methods[i], "/v1/meetings", NULL, &res), 405);
        assert_string_equal(bc_response_header_get(&res, "Allow"), "GET, HEAD, OPTIONS");
        json_t *j = fx_json_body(&res);
        assert_string_equal(json_string_value(json_object_get(j, "code")), "method_not_allowed");
        json_decref(j);
        bc_response_free(&res);
    }
    /* an unknown path is 404 whatever the method */
    assert_int_equal(status_of("DELETE", "/nope"), 404);
}

static void options_is_preflight(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(fx_request(S, "OPTIONS", "/v1/provinces", NULL, &res), 204);
    assert_int_equal(res.body.len, 0);
    assert_non_null(bc_response_header_get(&res, "Allow"));
    bc_response_free(&res);
}

static void health_and_readiness(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(fx_request(S, "GET", "/healthz", NULL, &res), 200);
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-store");
    json_t *j = fx_json_body(&res);
    assert_string_equal(json_string_value(json_object_get(j, "status")), "ok");
    json_decref(j);
    bc_response_free(&res);
    assert_int_equal(fx_request(S, "GET", "/readyz", NULL, &res), 200);
    j = fx_json_body(&res);
    assert_string_equal(json_string_value(json_object_get(j, "status")), "ready");
    assert_int_equal(json_string_length(json_object_get(j, "content_version")), 64);
    json_decref(j);
    bc_response_free(&res);
}

static void readiness_fails_on_an_empty_store(void **state)
{
    (void)state;
    bc_store *empty = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &empty, &err), 0);
    bc_response res;
    assert_int_equal(fx_request(empty, "GET", "/readyz", NULL, &res), 503);
    assert_string_equal(res.content_type, "application/problem+json");
    bc_response_free(&res);
    bc_store_close(empty);
}

static void openapi_is_served(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(fx_request(S, "GET", "/openapi.yaml", NULL, &res), 200);
    assert_string_equal(res.content_type, "application/yaml");
    assert_non_null(strstr(res.body.data, "openapi: 3.1"));
    bc_response_free(&res);
}

static void index_links_every_collection(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(fx_request(S, "GET", "/v1", NULL, &res), 200);
    json_t *j = fx_json_body(&res);
    json_t *links = json_object_get(j, "links");
    assert_string_equal(json_string_value(json_object_get(links, "meetings")), "/v1/meetings");
    assert_string_equal(json_string_value(json_object_get(links, "border-gate-projects")),
                        "/v1/border-gate-projects");
    json_decref(j);
    bc_response_free(&res);
}

static void count_pattern(const char *pattern, void *ctx)
{
    (void)pattern;
    (*(int *)ctx)++;
}

static void route_enumeration(void **state)
{
    (void)state;
    int n = 0;
    bc_router_each(count_pattern, &n);
    assert_int_equal(n, 13 + 2 * 9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(routes),
        cmocka_unit_test(unknown_paths_are_404),
        cmocka_unit_test(other_methods_get_405_with_allow),
        cmocka_unit_test(options_is_preflight),
        cmocka_unit_test(health_and_readiness),
        cmocka_unit_test(readiness_fails_on_an_empty_store),
        cmocka_unit_test(openapi_is_served),
        cmocka_unit_test(index_links_every_collection),
        cmocka_unit_test(route_enumeration),
    };
    return cmocka_run_group_tests_name("router", tests, fx_group_setup, fx_group_teardown);
}
