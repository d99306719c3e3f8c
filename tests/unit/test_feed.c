/* test_feed.c: the change feed and the export over HTTP (feed.c) through the router, on
 * a store built from data/ whose load was recorded in the feed: pages that follow their
 * cursor, the kind filter, every refusal with its parameter (a cursor past the end
 * included), the Atom form, the NDJSON export and its index, and allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/changes.h"
#include "bordercoop/feed.h"

#include "fixture.h"

#define get fx_get /* fixture.h */

static long entries; /* in the group store's feed */

static int setup(void **state)
{
    fx_group_setup(state);
    bc_store *s = fx_group_store();
    bc_err err;
    int n = 0;
    assert_int_equal(bc_store_begin(s, &err), 0);
    assert_int_equal(bc_changes_record(s, "load", "test", "2026-01-02T03:04:05Z", &n, &err), 0);
    assert_int_equal(bc_store_commit(s, &err), 0);
    entries = n;
    assert_true(entries > 10);
    return 0;
}

static long long meta_int(json_t *j, const char *key)
{
    return json_integer_value(json_object_get(json_object_get(j, "meta"), key));
}

/* Pages of `limit` entries in seq order; each next link starts where the page ended. */
static void pages_follow_their_cursor(void **state)
{
    (void)state;
    json_t *j = get("/v1/changes", "limit=3", 200);
    json_t *data = json_object_get(j, "data");
    assert_int_equal(json_array_size(data), 3);
    long long prev = 0;
    for (size_t i = 0; i < 3; i++) {
        json_t *e = json_array_get(data, i);
        long long seq = json_integer_value(json_object_get(e, "seq"));
        assert_true(seq > prev);
        prev = seq;
        assert_string_equal(fx_str(e, "op"), "added");
        assert_string_equal(fx_str(e, "origin"), "load");
        assert_string_equal(fx_str(e, "at"), "2026-01-02T03:04:05Z");
        assert_non_null(fx_str(json_object_get(e, "links"), "self"));
    }
    assert_int_equal(meta_int(j, "next_since"), prev);
    assert_int_equal(meta_int(j, "latest_seq"), entries);
    assert_true(json_is_true(json_object_get(json_object_get(j, "meta"), "more")));
    char next[64];
    snprintf(next, sizeof next, "/v1/changes?since=%lld&limit=3", prev);
    assert_string_equal(fx_str(json_object_get(j, "links"), "next"), next);
    json_decref(j);
    /* the next page starts after it; the last one says there is no more */
    char q[64];
    snprintf(q, sizeof q, "since=%lld&limit=3", prev);
    j = get("/v1/changes", q, 200);
    assert_int_equal(
        json_integer_value(json_object_get(json_array_get(json_object_get(j, "data"), 0), "seq")),
        prev + 1);
    json_decref(j);
    snprintf(q, sizeof q, "since=%ld", entries);
    j = get("/v1/changes", q, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
    assert_true(json_is_false(json_object_get(json_object_get(j, "meta"), "more")));
    json_decref(j);
}

static void the_kind_filter(void **state)
{
    (void)state;
    json_t *j = get("/v1/changes", "kind=meeting&limit=1000", 200);
    size_t i;
    json_t *e;
    json_t *data = json_object_get(j, "data");
    assert_true(json_array_size(data) > 0);
    assert_true((long)json_array_size(data) < entries);
    json_array_foreach(data, i, e)
    {
        assert_string_equal(fx_str(e, "kind"), "meeting");
        assert_memory_equal(fx_str(json_object_get(e, "links"), "self"), "/v1/meetings/", 13);
    }
    assert_string_equal(fx_str(json_object_get(json_object_get(j, "meta"), "filters"), "kind"),
                        "meeting");
    assert_non_null(strstr(fx_str(json_object_get(j, "links"), "self"), "&kind=meeting"));
    json_decref(j);
}

static void refusals_name_their_parameter(void **state)
{
    (void)state;
    fx_bad("/v1/changes", "since=-1", "since", "since must be a sequence number");
    fx_bad("/v1/changes", "since=%2B1", "since", "since must be a sequence number");
    fx_bad("/v1/changes", "since=x", "since", "got 'x'");
    fx_bad("/v1/changes", "since=", "since", "must not be empty");
    fx_bad("/v1/changes", "limit=0", "limit", "from 1 to 1000");
    fx_bad("/v1/changes", "limit=1001", "limit", "from 1 to 1000");
    fx_bad("/v1/changes", "kind=planet", "kind", "unknown kind 'planet'; allowed: ");
    fx_bad("/v1/changes", "curation=maybe", "curation", "unknown curation 'maybe'");
    fx_bad("/v1/changes", "colour=red", "colour", "allowed: since, limit, kind, curation");
    fx_bad("/v1/changes", "limit=2&limit=2", "limit", "more than once");
    /* a cursor from another store's feed */
    char q[64];
    snprintf(q, sizeof q, "since=%ld", entries + 5);
    json_t *j = get("/v1/changes", q, 400);
    assert_string_equal(fx_str(j, "code"), "since_past_end");
    assert_string_equal(fx_str(j, "parameter"), "since");
    json_decref(j);
    j = get("/v1/changes.atom", q, 400);
    assert_string_equal(fx_str(j, "code"), "since_past_end");
    json_decref(j);
}

static void the_atom_feed(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(
        fx_call(NULL, fx_group_store(), "/v1/changes.atom", "limit=2", BC_FMT_ATOM, &res), 200);
    assert_non_null(strstr(res.content_type, "application/atom+xml"));
    const char *b = res.body.data;
    assert_non_null(strstr(b, "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
    /* newest first without a cursor: two entries */
    const char *first = strstr(b, "<entry>");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "<entry>"));
    assert_null(strstr(strstr(first + 1, "<entry>") + 1, "<entry>"));
    assert_non_null(strstr(b, "limit=2"));
    bc_response_free(&res);
    /* JSON is not what this route speaks */
    assert_int_equal(fx_call(NULL, fx_group_store(), "/v1/changes.atom", NULL, BC_FMT_JSON, &res),
                     406);
    bc_response_free(&res);
}

static void the_export_and_its_index(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(
        fx_call(NULL, fx_group_store(), "/v1/export.ndjson", NULL, BC_FMT_NDJSON, &res), 200);
    assert_string_equal(res.content_type, "application/x-ndjson");
    long lines = 0;
    for (size_t i = 0; i < res.body.len; i++)
        lines += res.body.data[i] == '\n';
    assert_true(lines > 10);
    char version[80];
    snprintf(version, sizeof version, "%s", bc_response_header_get(&res, "X-Content-Version"));
    assert_non_null(bc_response_header_get(&res, "X-Export-SHA256"));
    bc_response_free(&res);
    json_t *j = get("/v1/export/index.json", NULL, 200);
    assert_string_equal(fx_str(j, "content_version"), version);
    json_decref(j);
    /* neither takes parameters */
    json_decref(get("/v1/export/index.json", "since=1", 400));
    assert_int_equal(
        fx_call(NULL, fx_group_store(), "/v1/export.ndjson", "x=1", BC_FMT_NDJSON, &res), 400);
    bc_response_free(&res);
}

/* A store without a feed: a 500 naming nothing of the cause. */
static void a_store_without_a_feed_is_a_500(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    bc_response res;
    assert_int_equal(fx_request(s, "GET", "/v1/changes", NULL, &res), 500);
    fx_expect_500(&res);
    assert_null(strstr(res.body.data, "no such table"));
    bc_response_free(&res);
    bc_store_close(s);
}

static void allocation_failures(void **state)
{
    (void)state;
    assert_true(fx_get_sweep("/v1/changes", "limit=5&kind=figure", 0, 1) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pages_follow_their_cursor),
        cmocka_unit_test(the_kind_filter),
        cmocka_unit_test(refusals_name_their_parameter),
        cmocka_unit_test(the_atom_feed),
        cmocka_unit_test(the_export_and_its_index),
        cmocka_unit_test(a_store_without_a_feed_is_a_500),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests_name("feed", tests, setup, fx_group_teardown);
}
