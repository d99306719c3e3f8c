/* test_health.c: liveness (no store needed, never cached) and readiness against the
 * data/ store, and its 503s when the store cannot serve. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/health.h"
#include "bordercoop/version.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

static int get(bc_handler h, const char *path, const char *query, bc_response *res)
{
    return fx_call(h, S, path, query, BC_FMT_JSON | BC_FMT_CSV, res);
}

static char *meta(const char *key)
{
    return fx_meta(S, key);
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
    assert_int_equal(fx_call(bc_handle_healthz, NULL, "/healthz", NULL, BC_FMT_JSON, &res), 200);
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
    assert_int_equal(fx_call(bc_handle_readyz, empty, "/readyz", NULL, BC_FMT_JSON, &res), 503);
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
    assert_int_equal(fx_call(bc_handle_readyz, raw, "/readyz", NULL, BC_FMT_JSON, &res), 503);
    assert_non_null(strstr(res.log_note, "store_meta"));
    assert_null(strstr(res.body.data, "store_meta"));
    bc_response_free(&res);
    bc_store_close(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(healthz),
        cmocka_unit_test(readyz_reports_the_store),
        cmocka_unit_test(readyz_is_503_when_the_store_cannot_serve),
    };
    return cmocka_run_group_tests_name("health", tests, fx_group_setup, fx_group_teardown);
}
