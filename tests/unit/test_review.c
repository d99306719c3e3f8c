/* test_review.c: the review step's kinds and queue (review.c): the queue in reading order
 * with quotes and in arrival order, and the append-only audit log with its filters. One
 * decision: test_review_decide.c; an edit's fields: test_review_edit.c; rebuilds:
 * test_review_replay.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/review.h"

#include "fixture.h"
#include "review_fixture.h"

static void kinds_and_actions_parse(void **state)
{
    (void)state;
    bc_review_kind k;
    bc_err err;
    assert_int_equal(bc_review_kind_parse("figures", &k, &err), 0);
    assert_int_equal(k, BC_REVIEW_FIGURE);
    assert_int_equal(bc_review_kind_parse("border-gate-projects", &k, &err), 0);
    assert_int_equal(k, BC_REVIEW_PROJECT);
    assert_int_equal(bc_review_kind_parse("meeting", &k, &err), 0);
    assert_int_equal(k, BC_REVIEW_MEETING);
    assert_int_equal(bc_review_kind_parse("protocols", &k, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "figures, meetings, border-gate-projects"));
    assert_int_equal(bc_review_kind_parse(NULL, &k, &err), BC_EINVAL);
    assert_string_equal(bc_review_kind_collection(BC_REVIEW_PROJECT), "border-gate-projects");
    assert_string_equal(bc_review_kind_name(BC_REVIEW_PROJECT), "project");
    bc_review_action a;
    assert_int_equal(bc_review_action_parse("edit", &a, &err), 0);
    assert_int_equal(a, BC_REVIEW_EDIT);
    assert_int_equal(bc_review_action_parse("Approve", &a, &err), BC_EINVAL);
    assert_string_equal(bc_review_action_name(BC_REVIEW_REJECT), "reject");
    assert_non_null(strstr(bc_review_editable(BC_REVIEW_FIGURE), "value"));
}

static void the_queue_is_in_reading_order_with_quotes(void **state)
{
    fixture *f = *state;
    bc_review_query q = {-1, NULL, 50, 0};
    bc_buf items = BC_BUF_INIT;
    size_t n = 0;
    long long pending[BC_REVIEW_NKINDS];
    bc_err err;
    assert_int_equal(bc_review_pending(f->s, &q, &items, &n, pending, &err), 0);
    json_t *arr = json_loads(items.data, 0, NULL);
    assert_non_null(arr);
    assert_int_equal(json_array_size(arr), n);
    assert_int_equal(pending[BC_REVIEW_FIGURE] + pending[BC_REVIEW_MEETING] +
                         pending[BC_REVIEW_PROJECT],
                     (long long)n);
    assert_true(pending[BC_REVIEW_FIGURE] >= 2 && pending[BC_REVIEW_PROJECT] == 1);
    long last_start = -1;
    for (size_t i = 0; i < n; i++) {
        json_t *it = json_array_get(arr, i), *fact = json_object_get(it, "fact");
        json_t *src = json_object_get(it, "source");
        assert_string_equal(fx_str(src, "id"), f->source);
        assert_string_equal(fx_str(src, "ingested_by"), "ingest-ian");
        assert_string_equal(fx_str(fact, "curation"), "extracted");
        assert_string_equal(fx_str(fact, "id"), fx_str(it, "id"));
        json_t *quotes = json_object_get(fact, "sources");
        assert_true(json_array_size(quotes) >= 1);
        long start =
            (long)json_integer_value(json_object_get(json_array_get(quotes, 0), "quote_start"));
        assert_true(start >= last_start); /* reading order */
        last_start = start;
        assert_non_null(strstr(REVIEW_EN, fx_str(json_array_get(quotes, 0), "quote")));
        const char *review = fx_str(json_object_get(it, "links"), "review");
        assert_true(strncmp(review, "/v1/review/", 11) == 0);
    }
    json_decref(arr);
    /* one kind, one page */
    bc_buf_reset(&items);
    bc_review_query figs = {BC_REVIEW_FIGURE, f->source, 1, 1};
    assert_int_equal(bc_review_pending(f->s, &figs, &items, &n, pending, &err), 0);
    assert_int_equal(n, 1);
    assert_non_null(strstr(items.data, "\"kind\":\"figure\""));
    bc_buf_reset(&items);
    bc_review_query none = {-1, "no-such-source", 50, 0};
    assert_int_equal(bc_review_pending(f->s, &none, &items, &n, pending, &err), 0);
    assert_int_equal(n, 0);
    assert_string_equal(items.data, "[]");
    /* the counts follow the source filter: nothing waits from an unknown article */
    for (int k = 0; k < BC_REVIEW_NKINDS; k++)
        assert_int_equal(pending[k], 0);
    bc_buf_free(&items);
}

/* Articles ingested in the same second are reviewed in the order they arrived, not by
 * the alphabet of their ids. */
static void the_queue_follows_arrival_order(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    static const char *const titles[] = {"Zebra crossing report", "Alpha gate report"};
    static const char *const texts[] = {
        "Trade between Lao Cai and Yunnan reached USD 4.4 billion in 2025, the two sides said.",
        "Trade between Lang Son and Guangxi reached USD 9.9 billion in 2025, the two sides said."};
    char ids[2][128];
    for (int i = 0; i < 2; i++) {
        bc_ingest_input in = {.text = texts[i], .len = strlen(texts[i]), .lang = "en"};
        in.title = titles[i];
        in.ingested_at = "2026-03-02T09:10:00Z"; /* the same second */
        bc_ingest_result r;
        bc_err err;
        assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
        snprintf(ids[i], sizeof ids[i], "%s", r.source_id);
    }
    assert_true(strcmp(ids[0], ids[1]) > 0); /* the alphabet would put the second first */
    bc_review_query q = {BC_REVIEW_FIGURE, NULL, 50, 0};
    bc_buf items = BC_BUF_INIT;
    size_t n = 0;
    long long pending[BC_REVIEW_NKINDS];
    bc_err err;
    assert_int_equal(bc_review_pending(s, &q, &items, &n, pending, &err), 0);
    json_t *arr = json_loads(items.data, 0, NULL);
    assert_int_equal(n, 2);
    assert_string_equal(fx_str(json_object_get(json_array_get(arr, 0), "source"), "id"), ids[0]);
    assert_string_equal(fx_str(json_object_get(json_array_get(arr, 1), "source"), "id"), ids[1]);
    json_decref(arr);
    /* one article's counts */
    bc_buf_reset(&items);
    bc_review_query one = {-1, ids[1], 50, 0};
    assert_int_equal(bc_review_pending(s, &one, &items, &n, pending, &err), 0);
    assert_int_equal(pending[BC_REVIEW_FIGURE], 1);
    assert_int_equal(pending[BC_REVIEW_MEETING] + pending[BC_REVIEW_PROJECT], 0);
    bc_buf_free(&items);
    bc_store_close(s);
}

static void the_log_is_append_only_and_filtered(void **state)
{
    fixture *f = *state;
    bc_err err;
    bc_review_result r;
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, f->delegations, BC_REVIEW_EDIT,
                            "{\"value\":598}", "alice", &r, &err),
                     0);
    assert_int_equal(decide(f->s, BC_REVIEW_MEETING, f->meeting, BC_REVIEW_EDIT, "{\"ordinal\":11}",
                            "bob", &r, &err),
                     0);
    assert_int_equal(bc_store_exec(f->s, "DELETE FROM review_log", &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "append-only"));
    assert_int_equal(bc_store_exec(f->s, "UPDATE review_log SET reviewer = 'mallory'", &err),
                     BC_ESTORE);
    bc_review_log_query all = {-1, NULL, NULL, NULL, 500, 0};
    bc_buf items = BC_BUF_INIT;
    size_t n;
    long long total;
    assert_int_equal(bc_review_log(f->s, &all, &items, &n, &total, &err), 0);
    assert_int_equal(total, count(f->s, "SELECT count(*) FROM review_log"));
    json_t *arr = json_loads(items.data, 0, NULL);
    long long prev = 1LL << 60;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        long long seq = json_integer_value(json_object_get(json_array_get(arr, i), "seq"));
        assert_true(seq < prev); /* newest first */
        prev = seq;
    }
    json_decref(arr);
    bc_buf_reset(&items);
    bc_review_log_query bob = {BC_REVIEW_MEETING, NULL, "bob", "applied", 10, 0};
    assert_int_equal(bc_review_log(f->s, &bob, &items, &n, &total, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 1);
    assert_non_null(strstr(items.data, "\"reviewer\":\"bob\""));
    bc_buf_reset(&items);
    bc_review_log_query orphans = {-1, NULL, NULL, "orphaned", 10, 0};
    assert_int_equal(bc_review_log(f->s, &orphans, &items, &n, &total, &err), 0);
    assert_int_equal(total, 0);
    bc_buf_free(&items);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds_and_actions_parse),
        cmocka_unit_test_setup_teardown(the_queue_is_in_reading_order_with_quotes, setup, teardown),
        cmocka_unit_test(the_queue_follows_arrival_order),
        cmocka_unit_test_setup_teardown(the_log_is_append_only_and_filtered, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
