/* test_stats.c: /v1/stats agrees with the store's own counts, and a store without the
 * stats view is a 500 whose reason goes only to the log. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/ingest.h"
#include "bordercoop/review.h"
#include "bordercoop/stats.h"

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

static long count(const char *sql)
{
    return fx_count(S, sql);
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
    assert_int_equal(json_integer_value(json_object_get(c, "figures")), 23);
    assert_int_equal(json_integer_value(json_object_get(c, "trade_figures")), 6);
    assert_int_equal(json_integer_value(json_object_get(c, "events")), 4);
    /* only the documents whose signing an article reports */
    assert_int_equal(json_integer_value(json_object_get(c, "protocols_signed")),
                     count("SELECT count(*) FROM protocols WHERE status = 'signed'"));
    assert_int_equal(json_integer_value(json_object_get(c, "border_gate_projects")), 15);
    assert_int_equal(json_integer_value(json_object_get(c, "citations")),
                     count("SELECT count(*) FROM citations"));
    json_t *latest = json_object_get(json_object_get(j, "meetings"), "latest_held");
    assert_string_equal(json_string_value(json_object_get(latest, "id")), "conference-yunnan-5");
    assert_string_equal(json_string_value(json_object_get(latest, "date")), "2025-10-30");
    /* its year comes from the publication date: the brief says so, as the meeting does */
    assert_string_equal(json_string_value(json_array_get(json_object_get(latest, "inferred"), 0)),
                        "date.year");
    /* turnover by pair: parties as ids, overlaps and comparability in the JSON */
    json_t *pair =
        json_array_get(json_object_get(json_object_get(j, "trade_turnover"), "by_pair"), 0);
    assert_string_equal(json_string_value(json_array_get(json_object_get(pair, "parties"), 0)),
                        "lai-chau");
    assert_true(json_is_false(json_object_get(pair, "comparable")));
    json_t *point = json_array_get(json_object_get(pair, "points"), 0);
    assert_string_equal(json_string_value(json_object_get(point, "id")),
                        "yunnan-four-provinces-trade-2024");
    /* its first overlap is the one stored first (data/ order), not the first by id */
    json_t *ov = json_array_get(json_object_get(point, "overlaps"), 0);
    assert_string_equal(json_string_value(json_object_get(ov, "id")),
                        "yunnan-four-provinces-trade-since-jwg-10");
    assert_string_equal(json_string_value(json_object_get(ov, "relation")), "overlaps");
    ov = json_array_get(json_object_get(point, "overlaps"), 1);
    assert_string_equal(json_string_value(json_object_get(ov, "id")),
                        "tuyen-quang-yunnan-trade-2024");
    assert_string_equal(json_string_value(json_object_get(ov, "relation")), "includes");
    assert_string_equal(json_string_value(json_object_get(json_object_get(point, "links"), "self")),
                        "/v1/figures/yunnan-four-provinces-trade-2024");
    assert_int_equal(json_integer_value(json_object_get(point, "overlaps_total")),
                     (long)json_array_size(json_object_get(point, "overlaps")));
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
    assert_int_equal(fx_call(bc_handle_stats, raw, "/v1/stats", NULL, BC_FMT_JSON, &res), 500);
    assert_non_null(strstr(res.log_note, "v_stats"));
    j = fx_json_body(&res);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "internal_error");
    json_decref(j);
    bc_response_free(&res);
    bc_store_close(raw);
}

/* A year lists its USD turnovers first, then each other currency, each largest first:
 * raw numbers in two currencies are no ranking (nothing converts them). */
static void a_year_lists_its_currencies_apart(void **state)
{
    (void)state;
    bc_err err;
    int rc = bc_store_exec(
        S,
        "BEGIN;"
        "CREATE TEMP TABLE cny AS SELECT * FROM figures "
        " WHERE id = 'yunnan-four-provinces-trade-2024';"
        "UPDATE cny SET id = 'a-cny-turnover-2024', unit = 'CNY', value = 58.6e9, stored = NULL;"
        "INSERT INTO figures SELECT * FROM cny;",
        &err);
    if (rc != 0)
        fail_msg("adding a CNY turnover: %s", err.msg);
    bc_response res;
    assert_int_equal(get(bc_handle_stats, "/v1/stats", NULL, &res), 200);
    json_t *j = fx_json_body(&res);
    json_t *years = json_object_get(json_object_get(j, "trade_turnover"), "by_year");
    json_t *figs = NULL;
    for (size_t i = 0; i < json_array_size(years); i++)
        if (json_integer_value(json_object_get(json_array_get(years, i), "year")) == 2024)
            figs = json_object_get(json_array_get(years, i), "figures");
    assert_non_null(figs);
    size_t n = json_array_size(figs);
    assert_true(n >= 2);
    /* the CNY point, the largest number of the year, comes after every USD point */
    json_t *last = json_array_get(figs, n - 1);
    assert_string_equal(json_string_value(json_object_get(last, "id")), "a-cny-turnover-2024");
    double prev = -1;
    for (size_t i = 0; i + 1 < n; i++) {
        json_t *f = json_array_get(figs, i);
        assert_string_equal(json_string_value(json_object_get(f, "unit")), "USD");
        double v = json_number_value(json_object_get(f, "value"));
        assert_true(prev < 0 || v <= prev); /* largest first within the currency */
        prev = v;
    }
    json_decref(j);
    bc_response_free(&res);
    assert_int_equal(bc_store_exec(S, "ROLLBACK", &err), 0);
}

/* The summaries of sets with machine-read facts grow with every ingest and go to the bulk
 * thread; the trusted ones, and anything else, stay on the summary thread. */
static void machine_read_summaries_are_costly(void **state)
{
    (void)state;
    bc_arena a = BC_ARENA_INIT;
    assert_true(bc_stats_costly("curation=all", &a));
    assert_true(bc_stats_costly("curation=extracted", &a));
    assert_true(bc_stats_costly("x=1&curation=all", &a));
    assert_false(bc_stats_costly("", &a));
    assert_false(bc_stats_costly(NULL, &a));
    assert_false(bc_stats_costly("curation=trusted", &a));
    assert_false(bc_stats_costly("curation=reviewed", &a));
    assert_false(bc_stats_costly("curation=allx", &a));
    assert_false(bc_stats_costly("xcuration=all", &a));
    assert_false(bc_stats_costly("curation=", &a));
    /* decoded as the handler decodes it */
    assert_true(bc_stats_costly("curation=%61ll", &a));
    bc_arena_free(&a);
}

/* Ingests text (en) with its date into s and approves (or rejects) its first meeting;
 * that meeting's id into id (size 200). */
static void approved_account(bc_store *s, const char *text, const char *published_on,
                             bc_review_action action, char id[200])
{
    bc_ingest_input in = {.text = text,
                          .len = strlen(text),
                          .lang = "en",
                          .published_on = published_on,
                          .actor = "ian"};
    bc_ingest_result ir;
    bc_err err;
    if (bc_ingest(s, &in, &ir, &err) != 0)
        fail_msg("ingest: %s", err.msg);
    snprintf(id, 200, "%s-m1", ir.source_id);
    bc_review_request rq = {BC_REVIEW_MEETING, id, action, NULL, NULL, "alice", "api", NULL};
    bc_review_result rr;
    if (bc_review_decide(s, &rq, &rr, &err) != 0)
        fail_msg("deciding on %s: %s", id, err.msg);
}

/* The ids of a list of meetings of s (query), comma-separated, into out (size 2000). */
static void listed(bc_store *s, const char *query, char *out)
{
    bc_response res;
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(s, "GET", "/v1/meetings", query, BC_FMT_JSON, 0, &arena);
    assert_int_equal(fx_run(NULL, &req, &res), 200);
    json_t *j = fx_json_body(&res), *m;
    size_t i;
    out[0] = '\0';
    json_array_foreach(json_object_get(j, "data"), i, m)
    {
        strcat(out, ",");
        strcat(out, json_string_value(json_object_get(m, "id")));
    }
    json_decref(j);
    bc_response_free(&res);
}

/* A reviewer's approval that a meeting data/ plans was held is what a reader sees: the
 * stats count it held, it is the latest held meeting and no longer planned, and the list
 * shows the approved account instead of the plan, once however many accounts were
 * approved; the plan stays under curation=curated, and an account only extracted or
 * rejected changes nothing (analyst 13 #9). */
static void an_approved_held_meeting_outranks_the_plan(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    static const char LATER[] =
        "Officials meet in Kunming\nOn October 22, 2026, the 12th meeting of the Joint Working "
        "Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan was held in Kunming.\n";
    static const char AGAIN[] =
        "Working group wraps up\nThe 12th meeting of the Joint Working Group of Lai Chau, Lao "
        "Cai, Tuyen Quang, Dien Bien and Yunnan took place in Kunming on 22 October 2026.\n";
    char first[200], second[200], ids[2000];
    /* rejected: the plan stands */
    approved_account(s, AGAIN, "2026-10-24", BC_REVIEW_REJECT, second);
    bc_response res;
    assert_int_equal(fx_call(bc_handle_stats, s, "/v1/stats", NULL, BC_FMT_JSON, &res), 200);
    json_t *j = fx_json_body(&res);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(j, "counts"), "meetings_planned")), 2);
    json_decref(j);
    bc_response_free(&res);
    approved_account(s, LATER, "2026-10-23", BC_REVIEW_APPROVE, first);
    assert_int_equal(fx_call(bc_handle_stats, s, "/v1/stats", NULL, BC_FMT_JSON, &res), 200);
    j = fx_json_body(&res);
    json_t *c = json_object_get(j, "counts"), *m = json_object_get(j, "meetings");
    assert_int_equal(json_integer_value(json_object_get(c, "meetings")), 8);
    assert_int_equal(json_integer_value(json_object_get(c, "meetings_held")), 7);
    assert_int_equal(json_integer_value(json_object_get(c, "meetings_planned")), 1);
    assert_string_equal(json_string_value(json_object_get(json_object_get(m, "latest_held"), "id")),
                        first);
    assert_int_equal(json_array_size(json_object_get(m, "planned")), 1);
    json_decref(j);
    bc_response_free(&res);
    listed(s, "limit=50", ids);
    assert_non_null(strstr(ids, first));
    assert_null(strstr(ids, ",jwg-yunnan-12"));
    listed(s, "curation=curated&limit=50", ids);
    assert_non_null(strstr(ids, ",jwg-yunnan-12"));
    /* a second approved account of the same meeting: still counted once */
    bc_review_request rq = {
        BC_REVIEW_MEETING, second, BC_REVIEW_APPROVE, NULL, NULL, "alice", "api", NULL};
    bc_review_result rr;
    bc_err err;
    if (bc_review_decide(s, &rq, &rr, &err) != 0)
        fail_msg("approving %s: %s", second, err.msg);
    assert_int_equal(fx_call(bc_handle_stats, s, "/v1/stats", NULL, BC_FMT_JSON, &res), 200);
    j = fx_json_body(&res);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(j, "counts"), "meetings_held")), 7);
    json_decref(j);
    bc_response_free(&res);
    listed(s, "limit=50", ids);
    assert_true((strstr(ids, first) != NULL) != (strstr(ids, second) != NULL));
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stats_match_the_store),
        cmocka_unit_test(a_year_lists_its_currencies_apart),
        cmocka_unit_test(machine_read_summaries_are_costly),
        cmocka_unit_test(an_approved_held_meeting_outranks_the_plan),
    };
    return cmocka_run_group_tests_name("stats", tests, fx_group_setup, fx_group_teardown);
}
