/* test_dashboard.c: / and /assets/{file}. Without a bundle (this test binary, like the
 * CLI, links none) a browser gets a page saying the dashboard was not built; with one
 * installed, the page and its assets, content-named ones immutable, and a 404 for a
 * file that is not there or a path that tries to climb out. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/apidoc.h"
#include "bordercoop/dashboard.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

static const char PAGE[] = "<!doctype html><title>dashboard</title>";
static const char SCRIPT[] = "console.log(1)";
static const char STYLE[] = "body{}";
static const bc_embedded BUNDLE[] = {
    {"index.html", PAGE, sizeof PAGE - 1},
    {"assets/index-BxYz12ab.js", SCRIPT, sizeof SCRIPT - 1},
    {"assets/site.css", STYLE, sizeof STYLE - 1},
};

/* GET path?query through the router, as a browser (html 1) or an API client (html 0). */
static int get(const char *path, const char *query, int html, bc_response *res)
{
    const char *accept = html ? "text/html,application/xhtml+xml,*/*;q=0.8" : NULL;
    unsigned formats;
    int preferred = bc_negotiate_format(accept, &formats);
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(S, "GET", path, query, formats, bc_accepts_html(accept), &arena);
    req.format = preferred;
    return fx_run(NULL, &req, res);
}

static int uninstall(void **state)
{
    (void)state;
    bc_dashboard_install(NULL, 0);
    return 0;
}

static void api_clients_get_the_index(void **state)
{
    (void)state;
    bc_dashboard_install(BUNDLE, sizeof BUNDLE / sizeof BUNDLE[0]);
    bc_response root, index;
    assert_int_equal(get("/", NULL, 0, &root), 200);
    assert_int_equal(fx_call(bc_handle_index, S, "/v1", NULL, BC_FMT_JSON, &index), 200);
    assert_string_equal(root.content_type, "application/json");
    assert_int_equal(root.body.len, index.body.len);
    assert_memory_equal(root.body.data, index.body.data, index.body.len);
    bc_response_free(&root);
    bc_response_free(&index);
}

static void without_a_bundle_the_page_says_so(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(get("/", NULL, 1, &res), 200);
    assert_string_equal(res.content_type, "text/html");
    assert_non_null(strstr(res.body.data, "dashboard was not built"));
    assert_non_null(strstr(res.body.data, "make deps"));
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-cache");
    bc_response_free(&res);
    assert_int_equal(get("/assets/index-BxYz12ab.js", NULL, 0, &res), 404);
    bc_response_free(&res);
    /* the API is unaffected */
    assert_int_equal(get("/v1/meetings", "limit=1", 1, &res), 200);
    bc_response_free(&res);
}

static void the_page_and_its_assets(void **state)
{
    (void)state;
    bc_dashboard_install(BUNDLE, sizeof BUNDLE / sizeof BUNDLE[0]);
    bc_response res;
    assert_int_equal(get("/", NULL, 1, &res), 200);
    assert_string_equal(res.content_type, "text/html");
    assert_int_equal(res.body.len, sizeof PAGE - 1);
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-cache");
    assert_int_equal(res.cacheable, 1);
    bc_response_free(&res);
    /* a content-named asset never changes meaning: cached for good */
    assert_int_equal(get("/assets/index-BxYz12ab.js", NULL, 0, &res), 200);
    assert_string_equal(res.content_type, "text/javascript");
    assert_memory_equal(res.body.data, SCRIPT, sizeof SCRIPT - 1);
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"),
                        "public, max-age=31536000, immutable");
    bc_response_free(&res);
    /* whatever the Accept header says: a file is its own type */
    assert_int_equal(get("/assets/site.css", NULL, 1, &res), 200);
    assert_string_equal(res.content_type, "text/css");
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "no-cache");
    bc_response_free(&res);
    assert_int_equal(get("/assets/missing.js", NULL, 0, &res), 404);
    bc_response_free(&res);
    assert_int_equal(get("/assets/..", NULL, 0, &res), 404);
    bc_response_free(&res);
    assert_int_equal(get("/assets/site.css", "v=2", 0, &res), 400);
    fx_expect_400(&res, "unknown_parameter", "v");
    bc_response_free(&res);
    /* the page refuses parameters too */
    assert_int_equal(get("/", "x=1", 1, &res), 400);
    bc_response_free(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(api_clients_get_the_index, uninstall),
        cmocka_unit_test_teardown(without_a_bundle_the_page_says_so, uninstall),
        cmocka_unit_test_teardown(the_page_and_its_assets, uninstall),
    };
    return cmocka_run_group_tests_name("dashboard", tests, fx_group_setup, fx_group_teardown);
}
