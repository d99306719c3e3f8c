/* test_apidoc.c: the /v1 index links every collection and fixed endpoint, / for an API
 * client is that index, and /openapi.yaml is the file as checked in. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/apidoc.h"
#include "bordercoop/dashboard.h"
#include "bordercoop/embed.h"
#include "bordercoop/resource.h"
#include "bordercoop/version.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

static int get(bc_handler h, const char *path, const char *query, bc_response *res)
{
    return fx_call(h, S, path, query, BC_FMT_JSON | BC_FMT_CSV, res);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(index_lists_every_collection),
        cmocka_unit_test(openapi_is_the_embedded_file),
    };
    return cmocka_run_group_tests_name("apidoc", tests, fx_group_setup, fx_group_teardown);
}
