/* test_series.c: GET /v1/series (series.c) through the router on a store built from
 * data/: points grouped by their set of provinces and never joined across different
 * period lengths, the pair written every way a client may write it, the filters echoed
 * in meta, every refusal with its parameter, a store that cannot be read, and
 * allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#define get fx_get /* fixture.h */

static json_t *first_series(json_t *j)
{
    return json_array_get(json_object_get(j, "series"), 0);
}

static void a_pair_of_different_lengths_is_not_comparable(void **state)
{
    (void)state;
    json_t *j = get("/v1/series", "metric=trade_turnover&pair=tuyen-quang%2Byunnan", 200);
    assert_string_equal(fx_str(j, "metric"), "trade_turnover");
    json_t *s = first_series(j);
    assert_int_equal(json_array_size(json_object_get(j, "series")), 1);
    assert_string_equal(fx_str(s, "key"), "tuyen-quang+yunnan");
    json_t *parties = json_object_get(s, "parties");
    assert_int_equal(json_array_size(parties), 2);
    assert_string_equal(json_string_value(json_array_get(parties, 0)), "tuyen-quang");
    assert_true(json_is_false(json_object_get(s, "comparable")));
    json_t *pts = json_object_get(s, "points");
    assert_int_equal(json_array_size(pts), 2);
    /* the first point joins nothing; the second not the first: 12 months against 9 */
    assert_true(json_is_false(json_object_get(json_array_get(pts, 0), "joins_previous")));
    assert_true(json_is_false(json_object_get(json_array_get(pts, 1), "joins_previous")));
    json_t *len = json_object_get(json_array_get(pts, 1), "length");
    assert_int_equal(json_integer_value(json_object_get(len, "months")), 9);
    assert_non_null(strstr(json_string_value(json_array_get(json_object_get(s, "reasons"), 0)),
                           "covers 12 months"));
    /* meta counts what was written and names the filters as applied */
    json_t *meta = json_object_get(j, "meta");
    assert_int_equal(json_integer_value(json_object_get(meta, "series")), 1);
    assert_int_equal(json_integer_value(json_object_get(meta, "points")), 2);
    json_t *filters = json_object_get(meta, "filters");
    assert_string_equal(fx_str(filters, "pair"), "tuyen-quang+yunnan");
    assert_string_equal(fx_str(filters, "curation"), "trusted");
    assert_null(json_object_get(filters, "province"));
    assert_string_equal(fx_str(json_object_get(j, "links"), "self"),
                        "/v1/series?metric=trade_turnover&pair=tuyen-quang%2Byunnan");
    json_decref(j);
}

/* A '+' that arrived as a space, a comma, other names and the other order: one pair. A
 * name with a space of its own ("Lao Cai") is kept whole. */
static void the_pair_written_every_way(void **state)
{
    (void)state;
    static const char *const same[] = {
        "metric=trade_turnover&pair=tuyen-quang+yunnan",
        "metric=trade_turnover&pair=Junnan,Tuy%C3%AAn%20Quang",
        "metric=trade_turnover&pair=yunnan%2Btuyen-quang",
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        json_t *j = get("/v1/series", same[i], 200);
        assert_string_equal(fx_str(json_object_get(json_object_get(j, "meta"), "filters"), "pair"),
                            "tuyen-quang+yunnan");
        json_decref(j);
    }
    json_t *j = get("/v1/series", "metric=trade_turnover&pair=Lao%20Cai,yunnan", 200);
    assert_string_equal(fx_str(json_object_get(json_object_get(j, "meta"), "filters"), "pair"),
                        "lao-cai+yunnan");
    json_decref(j);
}

/* province= keeps every series a province takes part in, apart; from/to cut points. */
static void province_and_period_filters(void **state)
{
    (void)state;
    json_t *j = get("/v1/series", "metric=trade_turnover&province=Tuy%C3%AAn%20Quang", 200);
    assert_int_equal(json_array_size(json_object_get(j, "series")), 2);
    assert_string_equal(fx_str(json_object_get(json_object_get(j, "meta"), "filters"), "province"),
                        "tuyen-quang");
    json_decref(j);
    j = get("/v1/series", "metric=trade_turnover&pair=tuyen-quang%2Byunnan&from=2025&to=2025-12",
            200);
    json_t *s = first_series(j);
    assert_int_equal(json_array_size(json_object_get(s, "points")), 1);
    assert_true(json_is_true(json_object_get(s, "comparable")));
    json_t *filters = json_object_get(json_object_get(j, "meta"), "filters");
    assert_string_equal(fx_str(filters, "from"), "2025");
    assert_string_equal(fx_str(filters, "to"), "2025-12");
    json_decref(j);
    /* a range with nothing in it: no series, still a 200 */
    j = get("/v1/series", "metric=trade_turnover&from=2199", 200);
    assert_int_equal(json_array_size(json_object_get(j, "series")), 0);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "points")), 0);
    json_decref(j);
}

static void refusals_name_their_parameter(void **state)
{
    (void)state;
    fx_bad("/v1/series", NULL, "metric", "metric is required; allowed: ");
    fx_bad("/v1/series", "metric=gdp", "metric", "unknown metric 'gdp'; allowed: ");
    fx_bad("/v1/series", "metric=trade_turnover&curation=maybe", "curation",
           "unknown curation 'maybe'");
    fx_bad("/v1/series", "metric=trade_turnover&from=2025-13", "from", "from: ");
    fx_bad("/v1/series", "metric=trade_turnover&to=x", "to", "to: ");
    fx_bad("/v1/series", "metric=trade_turnover&province=atlantis", "province",
           "unknown province 'atlantis'");
    fx_bad("/v1/series", "metric=trade_turnover&pair=yunnan", "pair", "two or more provinces");
    fx_bad("/v1/series", "metric=trade_turnover&pair=yunnan%2Batlantis", "pair",
           "unknown province 'atlantis' in pair");
    fx_bad("/v1/series",
           "metric=trade_turnover&pair=yunnan,lao-cai,lai-chau,dien-bien,ha-giang,tuyen-quang,"
           "guangxi,cao-bang,lang-son",
           "pair", "names too many provinces");
    fx_bad("/v1/series", "metric=trade_turnover&colour=red", "colour", "unknown parameter");
    fx_bad("/v1/series", "metric=trade_turnover&metric=trade_turnover", "metric", "more than once");
    fx_bad("/v1/series", "metric=", "metric", "must not be empty");
    /* JSON only */
    bc_response res;
    assert_int_equal(
        fx_call(NULL, fx_group_store(), "/v1/series", "metric=trade_turnover", BC_FMT_CSV, &res),
        406);
    bc_response_free(&res);
}

/* A store without the figures' tables: a 500 that says what could not be done. */
static void an_unreadable_store_is_a_500(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    bc_response res;
    assert_int_equal(fx_request(s, "GET", "/v1/series", "metric=trade_turnover", &res), 500);
    fx_expect_500(&res);
    assert_non_null(strstr(res.body.data, "the metrics could not be read"));
    bc_response_free(&res);
    bc_store_close(s);
}

static void allocation_failures(void **state)
{
    (void)state;
    assert_true(
        fx_get_sweep("/v1/series",
                     "metric=trade_turnover&province=yunnan&pair=Lao%20Cai,yunnan&from=2020", 0,
                     3) > 0);
    assert_true(
        fx_get_sweep("/v1/series",
                     "metric=trade_turnover&province=yunnan&pair=Lao%20Cai,yunnan&from=2020", 1,
                     7) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_pair_of_different_lengths_is_not_comparable),
        cmocka_unit_test(the_pair_written_every_way),
        cmocka_unit_test(province_and_period_filters),
        cmocka_unit_test(refusals_name_their_parameter),
        cmocka_unit_test(an_unreadable_store_is_a_500),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests_name("series", tests, fx_group_setup, fx_group_teardown);
}
