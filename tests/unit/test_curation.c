/* test_curation.c: the curation= filter: its names (the C list and the store's
 * curation_sets agree), the parameter of /v1/stats and /v1/series and its errors, and
 * summaries that count only what a person vouched for until asked otherwise: an
 * ingested article changes nothing in /v1/stats until one of its facts is approved,
 * a rejected fact never counts, and every set says which it is. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/curation.h"
#include "bordercoop/ingest.h"
#include "bordercoop/review.h"

#include "fixture.h"

#define count fx_count /* fixture.h */

static const char EN[] =
    "On 2 April 2026 Lao Cai and Yunnan reviewed border trade. Trade between Lao Cai and "
    "Yunnan reached USD 2.4 billion in 2025, up 12% year on year. On March 18, 2026, the 13th "
    "meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien (Vietnam) "
    "and Yunnan (China) was held in Kunming.";

static void names(void **state)
{
    (void)state;
    assert_string_equal(bc_curation_set("TRUSTED"), "trusted");
    assert_string_equal(bc_curation_set("all"), "all");
    assert_string_equal(bc_curation_set("Rejected"), "rejected");
    assert_null(bc_curation_set("approved"));
    assert_null(bc_curation_set(""));
    assert_null(bc_curation_set(NULL));
    /* every name the C side knows is a set of the store, and the other way round */
    bc_store *s = fx_store_from(fx_data_dir());
    assert_int_equal(count(s, "SELECT count(DISTINCT name) FROM curation_sets"), 6);
    assert_int_equal(count(s, "SELECT count(*) FROM curation_sets WHERE name NOT IN ('trusted', "
                              "'all', 'curated', 'reviewed', 'extracted', 'rejected')"),
                     0);
    assert_int_equal(count(s, "SELECT count(*) FROM curation_sets WHERE name = 'all' AND "
                              "curation = 'rejected'"),
                     0);
    assert_int_equal(count(s, "SELECT count(*) FROM vocab WHERE field = 'curation'"), 4);
    bc_store_close(s);
}

static json_t *stats(bc_store *s, const char *query)
{
    bc_response res;
    int status = fx_request(s, "GET", "/v1/stats", query, &res);
    if (status != 200)
        fail_msg("/v1/stats?%s: %d %s", query ? query : "", status, res.body.data);
    json_t *j = fx_json_body(&res);
    bc_response_free(&res);
    return j;
}

/* The parts a dashboard shows, as text, to compare. */
static char *headline(json_t *j)
{
    json_t *h =
        json_pack("{s:O,s:O,s:O,s:O}", "counts", json_object_get(j, "counts"), "trade_turnover",
                  json_object_get(j, "trade_turnover"), "meetings", json_object_get(j, "meetings"),
                  "figures_by_category", json_object_get(j, "figures_by_category"));
    char *text = json_dumps(h, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(h);
    return text;
}

static long counted(json_t *j, const char *what)
{
    return (long)json_integer_value(json_object_get(json_object_get(j, "counts"), what));
}

static void stats_count_what_a_person_vouched_for(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    json_t *before = stats(s, NULL);
    assert_string_equal(fx_str(before, "curation"), "trusted");
    char *h0 = headline(before);
    /* on curated data alone, trusted, all and curated agree */
    json_t *all0 = stats(s, "curation=all"), *cur0 = stats(s, "curation=curated");
    char *ha = headline(all0), *hc = headline(cur0);
    assert_string_equal(h0, ha);
    assert_string_equal(h0, hc);
    free(ha);
    free(hc);
    json_t *ex0 = stats(s, "curation=extracted");
    assert_int_equal(counted(ex0, "figures"), 0);
    assert_int_equal(counted(ex0, "protocols"), 0); /* protocols are curated */
    assert_int_equal(counted(ex0, "sources"), 0);
    assert_true(json_is_null(json_object_get(json_object_get(ex0, "meetings"), "latest_held")));

    bc_ingest_input in = {0};
    in.text = EN;
    in.len = strlen(EN);
    in.lang = "en";
    in.title = "Trade review";
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_true(r.figures >= 1);
    /* the ingest changes nothing a person vouched for */
    json_t *after = stats(s, NULL);
    char *h1 = headline(after);
    assert_string_equal(h0, h1);
    json_t *all1 = stats(s, "curation=ALL");
    assert_string_equal(fx_str(all1, "curation"), "all");
    assert_int_equal(counted(all1, "figures"), counted(before, "figures") + r.figures);
    assert_int_equal(counted(all1, "sources"), counted(before, "sources") + 1);
    json_t *ex1 = stats(s, "curation=extracted");
    assert_int_equal(counted(ex1, "figures"), r.figures);
    assert_int_equal(counted(ex1, "sources"), 1);
    assert_int_equal(counted(ex1, "citations"), r.citations);

    /* approving the turnover figure counts it, and its article */
    char id[200];
    sqlite3_stmt *st;
    assert_int_equal(bc_store_stmt(s,
                                   "SELECT id FROM figures WHERE curation = 'extracted' AND "
                                   "metric = 'trade_turnover'",
                                   &st, &err),
                     0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(id, sizeof id, "%s", sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    bc_review_request rq = {BC_REVIEW_FIGURE, id, BC_REVIEW_APPROVE, NULL, NULL, "alice", "api"};
    bc_review_result rr;
    assert_int_equal(bc_review_decide(s, &rq, &rr, &err), 0);
    json_t *approved = stats(s, NULL);
    char *h2 = headline(approved);
    assert_string_not_equal(h0, h2);
    assert_non_null(strstr(h2, id));
    assert_int_equal(counted(approved, "figures"), counted(before, "figures") + 1);
    assert_int_equal(counted(approved, "trade_figures"), counted(before, "trade_figures") + 1);
    assert_int_equal(counted(approved, "sources"), counted(before, "sources") + 1);
    assert_int_equal(counted(approved, "citations"), counted(before, "citations") + 1);
    json_t *rev = stats(s, "curation=reviewed");
    assert_int_equal(counted(rev, "figures"), 1);
    /* rejected: gone from every set but its own */
    rq.action = BC_REVIEW_REJECT;
    assert_int_equal(bc_review_decide(s, &rq, &rr, &err), 0);
    json_t *rejected = stats(s, NULL), *all2 = stats(s, "curation=all"),
           *rej = stats(s, "curation=rejected");
    char *h3 = headline(rejected);
    assert_string_equal(h0, h3);
    char *all_text = json_dumps(all2, 0);
    assert_null(strstr(all_text, id));
    free(all_text);
    assert_int_equal(counted(rej, "figures"), 1);
    free(h0);
    free(h1);
    free(h2);
    free(h3);
    json_t *all[] = {before, all0, cur0, ex0, after, all1, ex1, approved, rev, rejected, all2, rej};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        json_decref(all[i]);
    bc_store_close(s);
}

static void bad_curation_is_a_400(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    static const struct {
        const char *query, *parameter, *code, *want;
    } bad[] = {
        {"curation=approved", "curation", "invalid_parameter", BC_CURATION_ALLOWED},
        {"curation=", "curation", "invalid_parameter", "empty"},
        {"curation=all&curation=all", "curation", "duplicate_parameter", "more than once"},
        {"colour=red", "colour", "unknown_parameter", "allowed: curation"},
        {"%zz", NULL, "malformed_query", ""},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        bc_response res;
        assert_int_equal(fx_request(s, "GET", "/v1/stats", bad[i].query, &res), 400);
        json_t *j = fx_json_body(&res);
        assert_string_equal(fx_str(j, "code"), bad[i].code);
        if (bad[i].parameter != NULL)
            assert_string_equal(fx_str(j, "parameter"), bad[i].parameter);
        if (strstr(fx_str(j, "detail"), bad[i].want) == NULL)
            fail_msg("%s: '%s' lacks '%s'", bad[i].query, fx_str(j, "detail"), bad[i].want);
        json_decref(j);
        bc_response_free(&res);
    }
    /* /v1/series takes the same names, trusted by default */
    bc_response res;
    assert_int_equal(
        fx_request(s, "GET", "/v1/series", "metric=trade_turnover&curation=maybe", &res), 400);
    assert_non_null(strstr(res.body.data, BC_CURATION_ALLOWED));
    bc_response_free(&res);
    assert_int_equal(fx_request(s, "GET", "/v1/series", "metric=trade_turnover", &res), 200);
    assert_non_null(strstr(res.body.data, "\"curation\":\"trusted\""));
    bc_response_free(&res);
    bc_store_close(s);
}

static json_t *list(bc_store *s, const char *path, const char *query)
{
    bc_response res;
    int status = fx_request(s, "GET", path, query, &res);
    if (status != 200)
        fail_msg("%s?%s: %d %s", path, query ? query : "", status, res.body.data);
    json_t *j = fx_json_body(&res);
    bc_response_free(&res);
    return j;
}

static size_t items(json_t *j)
{
    return json_array_size(json_object_get(j, "data"));
}

static void lists_show_what_a_person_vouched_for(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_ingest_input in = {0};
    in.text = EN;
    in.len = strlen(EN);
    in.lang = "en";
    in.title = "Trade review";
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    static const char *const paths[] = {"/v1/figures", "/v1/meetings", "/v1/sources",
                                        "/v1/trade-figures"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        json_t *dflt = list(s, paths[i], "limit=500"),
               *all = list(s, paths[i], "limit=500&curation=all");
        json_t *meta = json_object_get(dflt, "meta");
        /* the default is said in meta, not written into the links or the filters */
        assert_string_equal(fx_str(meta, "curation"), "trusted");
        assert_int_equal(json_object_size(json_object_get(meta, "filters")), 0);
        assert_null(strstr(fx_str(json_object_get(dflt, "links"), "self"), "curation"));
        assert_string_equal(fx_str(json_object_get(all, "meta"), "curation"), "all");
        assert_non_null(strstr(fx_str(json_object_get(all, "links"), "self"), "curation=all"));
        if (items(all) <= items(dflt))
            fail_msg("%s: curation=all shows %zu, the default %zu", paths[i], items(all),
                     items(dflt));
        size_t k;
        json_t *it;
        json_array_foreach(json_object_get(dflt, "data"), k, it)
        {
            const char *c = json_string_value(json_object_get(it, "curation"));
            assert_true(c == NULL || strcmp(c, "curated") == 0 || strcmp(c, "reviewed") == 0);
        }
        json_decref(dflt);
        json_decref(all);
    }
    /* collections without a curation of their own are all curated */
    json_t *p0 = list(s, "/v1/protocols", NULL),
           *p1 = list(s, "/v1/protocols", "curation=extracted");
    assert_true(items(p0) > 0);
    assert_int_equal(items(p1), 0);
    json_decref(p0);
    json_decref(p1);
    /* a fact is found by its id whatever its curation */
    char path[256];
    snprintf(path, sizeof path, "/v1/sources/%s", r.source_id);
    bc_response res;
    assert_int_equal(fx_request(s, "GET", path, NULL, &res), 200);
    bc_response_free(&res);
    assert_int_equal(fx_request(s, "GET", "/v1/figures", "curation=maybe", &res), 400);
    assert_non_null(strstr(res.body.data, "trusted, all, curated, reviewed, extracted, rejected"));
    bc_response_free(&res);
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names),
        cmocka_unit_test(stats_count_what_a_person_vouched_for),
        cmocka_unit_test(bad_curation_is_a_400),
        cmocka_unit_test(lists_show_what_a_person_vouched_for),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
