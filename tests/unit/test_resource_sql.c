/* test_resource_sql.c: the list engine's SQL (resource_sql.c): a page read with one row
 * more than its limit, its first and last sort keys, the total and facets counted over
 * every filter, SQL composed only from the descriptors' constant fragments, a fragment
 * whose placeholders do not count refused, a store error reported, and allocation
 * failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/resource.h"

#include "../../server/resource_int.h"
#include "fixture.h"

/* A list request for r with query, validated into *q (its memory in *arena); returns
 * the bc_list_prepare status. */
static int prepare(const bc_resource *r, const char *query, list_query *q, bc_arena *arena,
                   bc_request *req)
{
    *req = fx_req(fx_group_store(), "GET", "/v1/x", query, BC_FMT_JSON, 0, arena);
    req->route_data = r;
    bc_response res;
    bc_response_init(&res);
    memset(q, 0, sizeof *q);
    int st = bc_list_prepare(req, r, q, &res);
    bc_response_free(&res);
    return st;
}

/* Reads the page q asks for; the caller frees it with page_free. */
static int read_page(bc_request *req, const bc_resource *r, list_query *q, list_page *page,
                     bc_err *err)
{
    memset(page, 0, sizeof *page);
    page->ids = json_array();
    page->total = -1;
    return bc_list_read_page(req, r, q, page, err);
}

static void page_free(list_page *page, list_query *q)
{
    json_decref(page->ids);
    json_decref(page->head);
    json_decref(page->tail);
    json_decref(page->facets);
    json_decref(q->cursor);
}

static void a_page_and_its_keys(void **state)
{
    (void)state;
    bc_arena arena = BC_ARENA_INIT;
    bc_request req;
    list_query q;
    list_page page;
    bc_err err;
    assert_int_equal(prepare(&bc_res_meetings, "limit=2&sort=-date", &q, &arena, &req), 0);
    assert_int_equal(read_page(&req, &bc_res_meetings, &q, &page, &err), 0);
    assert_int_equal(json_array_size(page.ids), 2);
    assert_int_equal(page.more, 1);
    assert_int_equal(page.total, -1); /* not asked for */
    assert_null(page.facets);
    /* the keys of the first and last row: the sort field, then the id */
    assert_true(json_is_array(page.head) && json_is_array(page.tail));
    assert_string_equal(
        json_string_value(json_array_get(page.head, json_array_size(page.head) - 1)),
        json_string_value(json_array_get(page.ids, 0)));
    assert_string_equal(
        json_string_value(json_array_get(page.tail, json_array_size(page.tail) - 1)),
        json_string_value(json_array_get(page.ids, 1)));
    page_free(&page, &q);
    /* the whole list in one page: no more */
    assert_int_equal(prepare(&bc_res_meetings, "limit=500&total=true", &q, &arena, &req), 0);
    assert_int_equal(read_page(&req, &bc_res_meetings, &q, &page, &err), 0);
    assert_int_equal(page.more, 0);
    assert_int_equal(page.total, (long)json_array_size(page.ids));
    assert_int_equal(page.total,
                     fx_count(fx_group_store(), "SELECT count(*) FROM meetings WHERE curation IN "
                                                "('curated', 'reviewed')"));
    page_free(&page, &q);
    bc_arena_free(&arena);
}

/* Facets count over every filter, before paging: a single-valued field's buckets add
 * up to the total. */
static void facets_add_up_to_the_total(void **state)
{
    (void)state;
    bc_arena arena = BC_ARENA_INIT;
    bc_request req;
    list_query q;
    list_page page;
    bc_err err;
    assert_int_equal(
        prepare(&bc_res_meetings, "facets=status&limit=1&province=yunnan", &q, &arena, &req), 0);
    assert_int_equal(read_page(&req, &bc_res_meetings, &q, &page, &err), 0);
    json_t *buckets = json_object_get(page.facets, "status");
    assert_true(json_array_size(buckets) > 0);
    long sum = 0;
    size_t i;
    json_t *b;
    json_array_foreach(buckets, i, b) sum += (long)json_integer_value(json_object_get(b, "count"));
    assert_int_equal(sum, page.total);
    assert_true(page.total > 1); /* counted before the page of one */
    page_free(&page, &q);
    bc_arena_free(&arena);
}

/* The SQL is made of the descriptor's fragments only: values are bound, never written. */
static void sql_holds_no_request_text(void **state)
{
    (void)state;
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(fx_group_store(), "GET", "/v1/meetings",
                            "status=unknown&province=yunnan&sort=-date", BC_FMT_JSON, 0, &arena);
    req.route_data = &bc_res_meetings;
    bc_buf sql = BC_BUF_INIT;
    bc_response res;
    bc_response_init(&res);
    assert_int_equal(bc_resource_page_sql(&req, &sql, &res), 0);
    assert_null(strstr(sql.data, "yunnan"));
    /* (the descriptor's own fragments may write constants: an approved account that a
     * meeting was 'held' outranks a 'planned' one, migration 0049; the request asks for 'unknown')
     */
    assert_null(strstr(sql.data, "'unknown'"));
    assert_non_null(strstr(sql.data, "ORDER BY"));
    assert_non_null(strstr(sql.data, "LIMIT"));
    bc_buf_free(&sql);
    /* a facet the resource does not have is the client's mistake */
    assert_int_equal(bc_resource_facet_sql(&req, "colour", &sql, &res), 400);
    bc_buf_free(&sql);
    bc_response_free(&res);
    bc_arena_free(&arena);
}

static int list_with_filter(const char *where, bc_response *res)
{
    const bc_param_spec filters[] = {{"odd", BC_PARAM_TEXT, where}, {NULL}};
    bc_resource r = bc_res_meetings;
    r.filters = filters;
    r.facets = NULL;
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(fx_group_store(), "GET", "/v1/meetings", "odd=jwg-yunnan-11&total=true",
                            BC_FMT_JSON, 0, &arena);
    req.route_data = &r;
    return fx_run(bc_resource_list, &req, res);
}

/* A fragment whose '?' are not its placeholders (one inside a literal, a numbered one)
 * would shift every later value: the engine refuses it (a 500 naming the filter in the
 * log) instead of filtering on the wrong value. */
static void a_miscounted_fragment_is_an_error(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(list_with_filter("m.id = ?", &res), 200);
    json_t *j = fx_json_body(&res);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    json_decref(j);
    bc_response_free(&res);
    static const char *const bad[] = {
        "m.id <> '?' AND m.id = ?",  /* counted 2, one placeholder */
        "m.id = ?1 OR m.place = ?1", /* counted 2, one placeholder */
        "m.id = ?1 OR m.place = ?",  /* counted 2, two placeholders: numbered */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(list_with_filter(bad[i], &res), 500);
        fx_expect_500(&res);
        if (strstr(res.log_note, "odd") == NULL)
            fail_msg("%s: the log note does not name the filter: %s", bad[i], res.log_note);
        bc_response_free(&res);
    }
}

/* A descriptor over a table the store does not have: a store error naming SQLite's
 * message, and the page is left empty. */
static void a_store_error_is_reported(void **state)
{
    (void)state;
    bc_resource r = bc_res_meetings;
    r.from = "no_such_table m";
    r.facets = NULL;
    bc_arena arena = BC_ARENA_INIT;
    bc_request req;
    list_query q;
    list_page page;
    bc_err err;
    assert_int_equal(prepare(&r, "limit=3", &q, &arena, &req), 0);
    int rc = read_page(&req, &r, &q, &page, &err);
    assert_int_equal(rc, BC_ESTORE);
    assert_non_null(strstr(err.msg, "no_such_table"));
    assert_int_equal(json_array_size(page.ids), 0);
    page_free(&page, &q);
    bc_arena_free(&arena);
}

typedef struct sweep {
    bc_arena arena;
    bc_request req;
    list_query q;
    list_page page;
    bc_err err;
} sweep;

static int page_run(void *ctx)
{
    sweep *w = ctx;
    return read_page(&w->req, &bc_res_figures, &w->q, &w->page, &w->err);
}

static void page_check(void *ctx, int rc, long n)
{
    (void)n;
    sweep *w = ctx;
    if (rc != 0 && rc != BC_ENOMEM && rc != BC_ESTORE)
        fail_msg("allocation failure at %ld: %d (%s)", n, rc, w->err.msg);
    if (rc == 0)
        assert_int_equal(json_array_size(w->page.ids), 5);
    json_decref(w->page.ids);
    json_decref(w->page.head);
    json_decref(w->page.tail);
    json_decref(w->page.facets);
}

static void allocation_failures(void **state)
{
    (void)state;
    sweep w;
    w.arena = (bc_arena)BC_ARENA_INIT;
    assert_int_equal(prepare(&bc_res_figures, "limit=5&total=true&facets=category&province=yunnan",
                             &w.q, &w.arena, &w.req),
                     0);
    assert_true(fx_oom_sweep(0, 1, 3000, page_run, page_check, &w) > 0);
    json_decref(w.q.cursor);
    bc_arena_free(&w.arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_page_and_its_keys),
        cmocka_unit_test(facets_add_up_to_the_total),
        cmocka_unit_test(sql_holds_no_request_text),
        cmocka_unit_test(a_miscounted_fragment_is_an_error),
        cmocka_unit_test(a_store_error_is_reported),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests_name("resource_sql", tests, fx_group_setup, fx_group_teardown);
}
