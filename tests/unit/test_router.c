/* test_router.c: the route table and dispatch: paths to routes (404s, captures), methods
 * (405 and 204 with the Allow the table derives), representations (406 when Accept
 * admits none of a route's formats), the collection routes agreeing with the resource
 * descriptors, execution classes, and the fixed routes refusing query parameters. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/health.h"
#include "bordercoop/ingest_api.h"
#include "bordercoop/resource.h"
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
    /* the dashboard's assets are not in the contract */
    /* fixed, review, collections, a figure's overlaps and conflicts */
    assert_int_equal(n, 13 + 3 + 2 * 10 + 2);
    char name[128];
    assert_int_equal(
        bc_router_route_name(bc_router_route_of("/v1/meetings/jwg-yunnan-11"), name, sizeof name),
        1);
    assert_string_equal(name, "/v1/meetings/{id}");
    assert_int_equal(bc_router_route_name(-1, name, sizeof name), 0);
}

static void query_parameters_are_refused(void **state)
{
    (void)state;
    static const char *const fixed[] = {"/healthz",      "/readyz",  "/v1",
                                        "/openapi.yaml", "/metrics", "/"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        bc_response res;
        assert_int_equal(fx_call(NULL, S, fixed[i], "verbose=1", BC_FMT_KNOWN, &res), 400);
        fx_expect_400(&res, "unknown_parameter", "verbose");
        json_t *j = fx_json_body(&res);
        const char *detail = json_string_value(json_object_get(j, "detail"));
        assert_non_null(strstr(detail, "takes no query parameters"));
        assert_non_null(strstr(detail, fixed[i]));
        json_decref(j);
        bc_response_free(&res);
        /* the first parameter is the one named */
        assert_int_equal(fx_call(NULL, S, fixed[i], "a=1&b=2", BC_FMT_KNOWN, &res), 400);
        fx_expect_400(&res, "unknown_parameter", "a");
        bc_response_free(&res);
        /* a bare name counts too */
        assert_int_equal(fx_call(NULL, S, fixed[i], "pretty", BC_FMT_KNOWN, &res), 400);
        fx_expect_400(&res, "unknown_parameter", "pretty");
        bc_response_free(&res);
        assert_int_equal(fx_call(NULL, S, fixed[i], "x=%ZZ", BC_FMT_KNOWN, &res), 400);
        fx_expect_400(&res, "malformed_query", NULL);
        bc_response_free(&res);
    }
}

/* GET path with the acceptable formats; returns the status. */
static int with_formats(const char *path, unsigned formats)
{
    bc_response res;
    int st = fx_call(NULL, S, path, NULL, formats, &res);
    if (st == 406) {
        json_t *j = fx_json_body(&res);
        assert_string_equal(json_string_value(json_object_get(j, "code")), "not_acceptable");
        json_decref(j);
    }
    bc_response_free(&res);
    return st;
}

static void representations_come_from_the_table(void **state)
{
    (void)state;
    /* JSON documents are 406 when only CSV is acceptable ... */
    assert_int_equal(with_formats("/healthz", BC_FMT_CSV), 406);
    assert_int_equal(with_formats("/v1/stats", BC_FMT_CSV), 406);
    assert_int_equal(with_formats("/readyz", 0), 406);
    assert_int_equal(with_formats("/v1/meetings/jwg-yunnan-11", BC_FMT_CSV), 406);
    /* ... lists speak CSV too, and are 406 for neither */
    assert_int_equal(with_formats("/v1/meetings", BC_FMT_CSV), 200);
    assert_int_equal(with_formats("/v1/meetings", BC_FMT_HTML | BC_FMT_YAML), 406);
    /* the two located collections are also maps; every other route refuses GeoJSON */
    assert_int_equal(with_formats("/v1/border-gate-projects", BC_FMT_GEOJSON), 200);
    assert_int_equal(with_formats("/v1/provinces", BC_FMT_GEOJSON), 200);
    assert_int_equal(with_formats("/v1/meetings", BC_FMT_GEOJSON), 406);
    assert_int_equal(with_formats("/v1/provinces/lao-cai", BC_FMT_GEOJSON), 406);
    assert_int_equal(with_formats("/v1/stats", BC_FMT_GEOJSON), 406);
    /* the contract is YAML, the metrics Prometheus text */
    assert_int_equal(with_formats("/openapi.yaml", BC_FMT_YAML), 200);
    assert_int_equal(with_formats("/openapi.yaml", BC_FMT_JSON), 406);
    assert_int_equal(with_formats("/metrics", BC_FMT_PROM), 200);
    assert_int_equal(with_formats("/metrics", BC_FMT_JSON), 406);
    /* the detail names what the route offers */
    bc_response res;
    assert_int_equal(fx_call(NULL, S, "/v1/figures", NULL, BC_FMT_HTML, &res), 406);
    assert_non_null(strstr(res.body.data, "application/json, text/csv"));
    bc_response_free(&res);
    /* when the preferred format is not offered, the route's first acceptable one */
    assert_int_equal(fx_call(NULL, S, "/v1/figures", "limit=1", BC_FMT_HTML | BC_FMT_CSV, &res),
                     200);
    assert_string_equal(res.content_type, "text/csv");
    bc_response_free(&res);
}

static void collections_follow_the_descriptors(void **state)
{
    (void)state;
    size_t n = 0;
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++, n++) {
        char list[128], item[128];
        snprintf(list, sizeof list, "/v1/%s", (*r)->name);
        snprintf(item, sizeof item, "/v1/%s/some-id", (*r)->name);
        const bc_route *l = bc_router_route(bc_router_route_of(list));
        const bc_route *i = bc_router_route(bc_router_route_of(item));
        assert_non_null(l);
        assert_non_null(i);
        assert_ptr_equal(l->data, *r);
        assert_ptr_equal(i->data, *r);
        assert_ptr_equal(l->get.fn, bc_resource_list);
        assert_ptr_equal(i->get.fn, bc_resource_get);
        /* GeoJSON exactly where the descriptor says how items are drawn */
        assert_int_equal(l->formats,
                         BC_FMT_JSON | BC_FMT_CSV | ((*r)->geo != NULL ? BC_FMT_GEOJSON : 0));
        assert_int_equal(i->formats, BC_FMT_JSON);
    }
    /* and every route that lists a collection is one of them, or a collection of one
     * item of one of them at /v1/<parent>/{id}/<name> (a figure's overlaps) */
    size_t lists = 0, of_items = 0;
    for (size_t k = 0; k < bc_routes_count; k++) {
        const bc_resource *r = bc_routes[k].data;
        if (bc_routes[k].get.fn != bc_resource_list)
            continue;
        if (r->parent == NULL) {
            lists++;
            continue;
        }
        char pattern[128];
        snprintf(pattern, sizeof pattern, "/v1/%s/{id}/%s", r->parent->name, r->name);
        assert_string_equal(bc_routes[k].pattern, pattern);
        assert_non_null(r->parent_filter);
        assert_non_null(r->parent_sql);
        assert_int_equal(bc_routes[k].formats, BC_FMT_JSON | BC_FMT_CSV);
        of_items++;
    }
    assert_int_equal(lists, n);
    assert_int_equal(of_items, 2);
    /* the one list of collections agrees with the descriptors it names: the segment is
     * the descriptor's name, GEO exactly where it draws items, COUNTS where its documents
     * count other lists, POST only to add articles */
    size_t k = 0;
#define CHECK_COLLECTION(segment, res, flags)                                                      \
    assert_ptr_equal(bc_resources[k++], &(res));                                                   \
    assert_string_equal((res).name, segment);                                                      \
    assert_int_equal(((flags)&BC_COLLECTION_GEO) != 0, (res).geo != NULL);                         \
    assert_int_equal(((flags)&BC_COLLECTION_COUNTS) != 0, (res).counts != NULL);                   \
    assert_int_equal(                                                                              \
        ((flags)&BC_COLLECTION_INGEST) != 0,                                                       \
        bc_router_method(bc_router_route(bc_router_route_of("/v1/" segment)), "POST") != NULL);
    BC_COLLECTIONS(CHECK_COLLECTION)
#undef CHECK_COLLECTION
    assert_int_equal(k, n);
}

/* The router dispatches to the route it is given: a path the route does not match, or no
 * route, is a 404, not another route's answer. */
static void dispatch_takes_the_matched_route(void **state)
{
    (void)state;
    bc_response res;
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(S, "GET", "/v1/meetings", "limit=1", BC_FMT_JSON, 0, &arena);
    int meetings = bc_router_route_of("/v1/meetings"), health = bc_router_route_of("/healthz");
    assert_true(meetings >= 0 && health >= 0);
    bc_response_init(&res);
    assert_int_equal(bc_router_dispatch(health, &req, &res), 404);
    assert_non_null(strstr(res.body.data, "no resource at '/v1/meetings'"));
    bc_response_free(&res);
    bc_response_init(&res);
    assert_int_equal(bc_router_dispatch(-1, &req, &res), 404);
    bc_response_free(&res);
    bc_response_init(&res);
    assert_int_equal(bc_router_dispatch((int)bc_routes_count, &req, &res), 404);
    bc_response_free(&res);
    bc_response_init(&res);
    assert_int_equal(bc_router_dispatch(meetings, &req, &res), 200);
    bc_response_free(&res);
    bc_arena_free(&arena);
}

static void methods_and_execution_classes(void **state)
{
    (void)state;
    const bc_route *sources = bc_router_route(bc_router_route_of("/v1/sources"));
    char allow[64];
    bc_router_allow(sources, allow, sizeof allow);
    assert_string_equal(allow, "GET, HEAD, POST, OPTIONS");
    const bc_method *post = bc_router_method(sources, "POST");
    assert_non_null(post);
    assert_ptr_equal(post->fn, bc_handle_ingest);
    /* read on the keyed lane, stored on the writer */
    assert_int_equal(post->exec, BC_EXEC_KEYED);
    assert_ptr_equal(post->then, bc_handle_ingest_store);
    assert_true(bc_method_writes(post));
    assert_false(bc_method_writes(bc_router_method(sources, "GET")));
    /* review reads never wait behind the writer; decisions are writes */
    const bc_route *review = bc_router_route(bc_router_route_of("/v1/review/figures/x"));
    assert_int_equal(bc_router_method(review, "GET")->exec, BC_EXEC_KEYED);
    assert_false(bc_method_writes(bc_router_method(review, "GET")));
    assert_int_equal(bc_router_method(review, "POST")->exec, BC_EXEC_WRITER);
    assert_true(bc_method_writes(bc_router_method(review, "POST")));
    assert_int_equal(
        bc_router_method(bc_router_route(bc_router_route_of("/v1/review")), "GET")->exec,
        BC_EXEC_KEYED);
    assert_int_equal(bc_router_method(sources, "HEAD")->exec, BC_EXEC_WORKER);
    assert_null(bc_router_method(sources, "DELETE"));
    assert_null(bc_router_method(sources, "OPTIONS"));
    const bc_route *health = bc_router_route(bc_router_route_of("/healthz"));
    assert_ptr_equal(health->get.fn, bc_handle_healthz);
    assert_int_equal(health->get.exec, BC_EXEC_INLINE);
    bc_router_allow(health, allow, sizeof allow);
    assert_string_equal(allow, "GET, HEAD, OPTIONS");
    /* every route answers GET, and no pattern shadows a later one */
    for (size_t k = 0; k < bc_routes_count; k++) {
        assert_non_null(bc_routes[k].get.fn);
        assert_true(bc_routes[k].formats != 0);
        char path[160];
        size_t n = 0;
        for (const char *p = bc_routes[k].pattern; *p && n < sizeof path - 2; p++) {
            if (*p == '{') { /* every {name} segment becomes "x" */
                path[n++] = 'x';
                p = strchr(p, '}');
                continue;
            }
            path[n++] = *p;
        }
        path[n] = '\0';
        assert_int_equal(bc_router_route_of(path), (int)k);
    }
    assert_null(bc_router_route(-1));
    assert_null(bc_router_route((int)bc_routes_count));
}

static void post_to_sources_and_405_elsewhere(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(fx_request(S, "DELETE", "/v1/sources", NULL, &res), 405);
    assert_string_equal(bc_response_header_get(&res, "Allow"), "GET, HEAD, POST, OPTIONS");
    bc_response_free(&res);
    /* an article's date is changed by PATCH (redate_api.h), no other item takes it */
    assert_int_equal(fx_request(S, "POST", "/v1/sources/x", NULL, &res), 405);
    assert_string_equal(bc_response_header_get(&res, "Allow"), "GET, HEAD, PATCH, OPTIONS");
    bc_response_free(&res);
    assert_int_equal(fx_request(S, "PATCH", "/v1/meetings/x", NULL, &res), 405);
    assert_string_equal(bc_response_header_get(&res, "Allow"), "GET, HEAD, OPTIONS");
    bc_response_free(&res);
    /* a write without a configured token is refused by the handler, not the router */
    assert_int_equal(fx_request(S, "POST", "/v1/sources", NULL, &res), 403);
    bc_response_free(&res);
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
        cmocka_unit_test(query_parameters_are_refused),
        cmocka_unit_test(representations_come_from_the_table),
        cmocka_unit_test(collections_follow_the_descriptors),
        cmocka_unit_test(dispatch_takes_the_matched_route),
        cmocka_unit_test(methods_and_execution_classes),
        cmocka_unit_test(post_to_sources_and_405_elsewhere),
    };
    return cmocka_run_group_tests_name("router", tests, fx_group_setup, fx_group_teardown);
}
