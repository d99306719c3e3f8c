/* test_health.c: the fixed handlers of health.c called directly: liveness, readiness
 * (and its 503s), the /v1 index, the embedded OpenAPI document, /v1/stats against the
 * store's own counts, /metrics, and / for API clients; every one refuses query
 * parameters with 400, and the non-JSON ones stay reachable when JSON is not
 * acceptable. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/embed.h"
#include "bordercoop/metrics.h"
#include "bordercoop/resource.h"
#include "bordercoop/router.h"
#include "bordercoop/version.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

static bc_config cfg;

/* Calls handler h directly (h == NULL: through the router) on store s with the given
 * path, query and acceptable formats. */
static int call(bc_handler h, bc_store *s, const char *path, const char *query, unsigned formats,
                bc_response *res)
{
    bc_err err;
    if (cfg.threads == 0)
        assert_int_equal(bc_config_parse(&cfg, 0, NULL, NULL, &err), 0);
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = {0};
    req.method = "GET";
    req.path = path;
    req.query = query ? query : "";
    req.store = s;
    req.cfg = &cfg;
    req.formats = formats;
    req.format = formats & BC_FMT_JSON ? BC_FMT_JSON : formats;
    req.arena = &arena;
    bc_response_init(res);
    int status = h ? h(&req, res) : bc_router_dispatch(&req, res);
    bc_arena_free(&arena);
    assert_int_equal(res->status, status);
    return status;
}

static int get(bc_handler h, const char *path, const char *query, bc_response *res)
{
    return call(h, S, path, query, BC_FMT_JSON | BC_FMT_CSV, res);
}

static char *meta(const char *key)
{
    char *v = NULL;
    bc_err err;
    assert_int_equal(bc_store_meta_get(S, key, &v, &err), 0);
    assert_non_null(v);
    return v;
}

static long count(const char *sql)
{
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(S, sql, &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

/* Expects a 400 problem naming parameter (NULL: malformed, none named). */
static void expect_400(const bc_response *res, const char *code, const char *parameter)
{
    assert_int_equal(res->status, 400);
    assert_string_equal(res->content_type, "application/problem+json");
    json_t *j = fx_json_body(res);
    assert_string_equal(json_string_value(json_object_get(j, "code")), code);
    if (parameter != NULL)
        assert_string_equal(json_string_value(json_object_get(j, "parameter")), parameter);
    else
        assert_null(json_object_get(j, "parameter"));
    json_decref(j);
}

static void healthz(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(get(bc_handle_healthz, "/healthz", NULL, &res), 200);
    assert_string_equal(res.content_type, "application/json");
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-store");
    assert_int_equal(res.cacheable, 0); /* liveness is never answered from the cache */
    json_t *j = fx_json_body(&res);
    assert_int_equal(json_object_size(j), 2);
    assert_string_equal(json_string_value(json_object_get(j, "status")), "ok");
    assert_string_equal(json_string_value(json_object_get(j, "version")), BC_VERSION);
    json_decref(j);
    bc_response_free(&res);
    /* liveness needs no store at all */
    assert_int_equal(call(bc_handle_healthz, NULL, "/healthz", NULL, BC_FMT_JSON, &res), 200);
    bc_response_free(&res);
}

static void readyz_reports_the_store(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(get(bc_handle_readyz, "/readyz", NULL, &res), 200);
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-store");
    assert_int_equal(res.cacheable, 0);
    json_t *j = fx_json_body(&res);
    char *version = meta("content_version"), *built = meta("built_at");
    assert_string_equal(json_string_value(json_object_get(j, "status")), "ready");
    assert_string_equal(json_string_value(json_object_get(j, "content_version")), version);
    assert_string_equal(json_string_value(json_object_get(j, "built_at")), built);
    assert_int_equal(json_integer_value(json_object_get(j, "schema_version")),
                     bc_store_latest_version());
    bc_free(version);
    bc_free(built);
    json_decref(j);
    bc_response_free(&res);
}

static void readyz_is_503_when_the_store_cannot_serve(void **state)
{
    (void)state;
    bc_err err;
    bc_response res;
    /* migrated, never loaded: no content version */
    bc_store *empty = NULL;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &empty, &err), 0);
    assert_int_equal(bc_store_migrate(empty, NULL, &err), 0);
    assert_int_equal(call(bc_handle_readyz, empty, "/readyz", NULL, BC_FMT_JSON, &res), 503);
    assert_string_equal(res.content_type, "application/problem+json");
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-store");
    assert_string_equal(res.log_note, "store has no content version");
    json_t *j = fx_json_body(&res);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "not_ready");
    json_decref(j);
    bc_response_free(&res);
    bc_store_close(empty);
    /* no schema at all: the SQLite error goes to the log, not to the client */
    bc_store *raw = NULL;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &raw, &err), 0);
    assert_int_equal(call(bc_handle_readyz, raw, "/readyz", NULL, BC_FMT_JSON, &res), 503);
    assert_non_null(strstr(res.log_note, "store_meta"));
    assert_null(strstr(res.body.data, "store_meta"));
    bc_response_free(&res);
    bc_store_close(raw);
}

static void index_lists_every_collection(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(get(bc_handle_index, "/v1", NULL, &res), 200);
    assert_int_equal(res.cacheable, 1);
    json_t *j = fx_json_body(&res);
    assert_string_equal(json_string_value(json_object_get(j, "name")), "bordercoop");
    assert_string_equal(json_string_value(json_object_get(j, "version")), BC_VERSION);
    json_t *links = json_object_get(j, "links");
    size_t n = 0;
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++, n++) {
        char want[64];
        snprintf(want, sizeof want, "/v1/%s", (*r)->name);
        assert_string_equal(json_string_value(json_object_get(links, (*r)->name)), want);
    }
    assert_string_equal(json_string_value(json_object_get(links, "search")), "/v1/search");
    assert_string_equal(json_string_value(json_object_get(links, "stats")), "/v1/stats");
    assert_string_equal(json_string_value(json_object_get(links, "openapi")), "/openapi.yaml");
    assert_string_equal(json_string_value(json_object_get(links, "health")), "/healthz");
    assert_string_equal(json_string_value(json_object_get(links, "ready")), "/readyz");
    assert_int_equal(json_object_size(links), n + 5);
    json_decref(j);
    bc_response_free(&res);
    /* / for an API client (no text/html) is the same index */
    bc_response root;
    assert_int_equal(get(bc_handle_root, "/", NULL, &root), 200);
    assert_int_equal(get(bc_handle_index, "/v1", NULL, &res), 200);
    assert_int_equal(root.body.len, res.body.len);
    assert_memory_equal(root.body.data, res.body.data, res.body.len);
    bc_response_free(&root);
    bc_response_free(&res);
}

static void openapi_is_the_embedded_file(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(get(bc_handle_openapi, "/openapi.yaml", NULL, &res), 200);
    assert_string_equal(res.content_type, "application/yaml");
    assert_int_equal(res.cacheable, 1);
    assert_int_equal(bc_openapi_count, 1);
    assert_int_equal(res.body.len, bc_openapi[0].len);
    assert_memory_equal(res.body.data, bc_openapi[0].data, res.body.len);
    /* and that is openapi.yaml as checked in */
    FILE *f = fopen("openapi.yaml", "rb");
    if (f != NULL) {
        char *disk = bc_malloc(res.body.len + 1);
        assert_non_null(disk);
        size_t got = fread(disk, 1, res.body.len + 1, f);
        fclose(f);
        assert_int_equal(got, res.body.len);
        assert_memory_equal(disk, res.body.data, got);
        bc_free(disk);
    }
    assert_non_null(strstr(res.body.data, "/v1/stats"));
    bc_response_free(&res);
}

static void stats_match_the_store(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(get(bc_handle_stats, "/v1/stats", NULL, &res), 200);
    assert_string_equal(res.content_type, "application/json");
    assert_int_equal(res.cacheable, 1);
    json_t *j = fx_json_body(&res);
    json_t *c = json_object_get(j, "counts");
    assert_int_equal(json_integer_value(json_object_get(c, "meetings")),
                     count("SELECT count(*) FROM meetings"));
    assert_int_equal(json_integer_value(json_object_get(c, "meetings")), 8);
    assert_int_equal(json_integer_value(json_object_get(c, "meetings_held")), 6);
    assert_int_equal(json_integer_value(json_object_get(c, "meetings_planned")), 2);
    assert_int_equal(json_integer_value(json_object_get(c, "figures")), 22);
    assert_int_equal(json_integer_value(json_object_get(c, "trade_figures")), 5);
    assert_int_equal(json_integer_value(json_object_get(c, "border_gate_projects")), 15);
    assert_int_equal(json_integer_value(json_object_get(c, "citations")),
                     count("SELECT count(*) FROM citations"));
    json_t *latest = json_object_get(json_object_get(j, "meetings"), "latest_held");
    assert_string_equal(json_string_value(json_object_get(latest, "id")), "conference-yunnan-5");
    assert_string_equal(json_string_value(json_object_get(latest, "date")), "2025-10-30");
    json_t *bys = json_object_get(json_object_get(j, "border_gate_projects"), "by_status");
    assert_int_equal(json_integer_value(json_object_get(bys, "operational")), 9);
    char *version = meta("content_version");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(j, "store"), "content_version")),
        version);
    bc_free(version);
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "links"), "self")),
                        "/v1/stats");
    json_decref(j);
    bc_response_free(&res);
    /* a store without the stats view: 500, the reason only in the log */
    bc_store *raw = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &raw, &err), 0);
    assert_int_equal(call(bc_handle_stats, raw, "/v1/stats", NULL, BC_FMT_JSON, &res), 500);
    assert_non_null(strstr(res.log_note, "v_stats"));
    j = fx_json_body(&res);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "internal_error");
    json_decref(j);
    bc_response_free(&res);
    bc_store_close(raw);
}

static void metrics_in_text_format(void **state)
{
    (void)state;
    bc_metrics_request(bc_router_route_of("/healthz"), "GET", 200, 0.0002, BC_OUTCOME_BUILT);
    bc_response res;
    assert_int_equal(get(bc_handle_metrics, "/metrics", NULL, &res), 200);
    assert_string_equal(res.content_type, "text/plain; version=0.0.4");
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-store");
    assert_int_equal(res.cacheable, 0);
    assert_non_null(strstr(res.body.data, "# TYPE bordercoop_http_requests_total counter\n"));
    assert_non_null(strstr(res.body.data, "bordercoop_http_requests_total{route=\"/healthz\","
                                          "method=\"GET\",status=\"200\"} 1\n"));
    bc_response_free(&res);
    /* out of memory while rendering: a 500, never a truncated 200 */
    int saw_500 = 0;
    for (long n = 0; n < 8; n++) {
        bc_alloc_fail_after(n);
        int st = get(bc_handle_metrics, "/metrics", NULL, &res);
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

static void query_parameters_are_refused(void **state)
{
    (void)state;
    static const struct {
        bc_handler h;
        const char *path;
    } fixed[] = {
        {bc_handle_healthz, "/healthz"}, {bc_handle_readyz, "/readyz"},
        {bc_handle_index, "/v1"},        {bc_handle_openapi, "/openapi.yaml"},
        {bc_handle_stats, "/v1/stats"},  {bc_handle_metrics, "/metrics"},
        {bc_handle_root, "/"},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        bc_response res;
        assert_int_equal(get(fixed[i].h, fixed[i].path, "verbose=1", &res), 400);
        expect_400(&res, "unknown_parameter", "verbose");
        json_t *j = fx_json_body(&res);
        const char *detail = json_string_value(json_object_get(j, "detail"));
        assert_non_null(strstr(detail, "takes no query parameters"));
        assert_non_null(strstr(detail, fixed[i].path));
        json_decref(j);
        bc_response_free(&res);
        /* the first parameter is the one named */
        assert_int_equal(get(fixed[i].h, fixed[i].path, "a=1&b=2", &res), 400);
        expect_400(&res, "unknown_parameter", "a");
        bc_response_free(&res);
        /* a bare name counts too */
        assert_int_equal(get(fixed[i].h, fixed[i].path, "pretty", &res), 400);
        expect_400(&res, "unknown_parameter", "pretty");
        bc_response_free(&res);
        assert_int_equal(get(fixed[i].h, fixed[i].path, "x=%ZZ", &res), 400);
        expect_400(&res, "malformed_query", NULL);
        bc_response_free(&res);
    }
}

static void formats_when_json_is_not_acceptable(void **state)
{
    (void)state;
    bc_response res;
    /* Accept: text/csv only: the JSON documents are 406 ... */
    assert_int_equal(call(NULL, S, "/healthz", NULL, BC_FMT_CSV, &res), 406);
    bc_response_free(&res);
    assert_int_equal(call(NULL, S, "/v1/stats", NULL, BC_FMT_CSV, &res), 406);
    bc_response_free(&res);
    assert_int_equal(call(NULL, S, "/readyz", NULL, 0, &res), 406);
    bc_response_free(&res);
    /* ... but YAML and the Prometheus text are not JSON anyway */
    assert_int_equal(call(NULL, S, "/openapi.yaml", NULL, 0, &res), 200);
    assert_string_equal(res.content_type, "application/yaml");
    bc_response_free(&res);
    assert_int_equal(call(NULL, S, "/metrics", NULL, 0, &res), 200);
    assert_string_equal(res.content_type, "text/plain; version=0.0.4");
    bc_response_free(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(healthz),
        cmocka_unit_test(readyz_reports_the_store),
        cmocka_unit_test(readyz_is_503_when_the_store_cannot_serve),
        cmocka_unit_test(index_lists_every_collection),
        cmocka_unit_test(openapi_is_the_embedded_file),
        cmocka_unit_test(stats_match_the_store),
        cmocka_unit_test(metrics_in_text_format),
        cmocka_unit_test(query_parameters_are_refused),
        cmocka_unit_test(formats_when_json_is_not_acceptable),
    };
    return cmocka_run_group_tests_name("health", tests, fx_group_setup, fx_group_teardown);
}
