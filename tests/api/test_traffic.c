/* test_traffic.c: border traffic and changes read from an article (analyst 10, F8), against
 * the real daemon: a count of trucks, of tonnes of goods and a daily rate are figures of
 * their own metrics (category transport or trade) with their units, qualifiers and periods
 * ("yesterday" dated from published_on); a range of counts is its two ends; the level before
 * a change ("rose from 4 to 4.5 billion USD") is a figure with the later one's scale and
 * currency and no period of the later one's, never in conflict with it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOKEN "traffic-token-0123456789abcdef01234"

static bct_daemon D;
static char TMP[64], DB[128];

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

static json_t *call(const char *method, const char *target, const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, AUTH, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    if (v == NULL)
        fail_msg("'%s' is not a string", key);
    return v;
}

/* The figure of ids whose value is v (its document), failing otherwise. */
static json_t *figure_of(json_t *ids, double v)
{
    for (size_t k = 0; k < json_array_size(ids); k++) {
        char target[300];
        snprintf(target, sizeof target, "/v1/figures/%s",
                 json_string_value(json_array_get(ids, k)));
        json_t *f = call("GET", target, NULL, 200);
        if (json_number_value(json_object_get(f, "value")) == v)
            return f;
        json_decref(f);
    }
    fail_msg("no figure of %.0f", v);
    return NULL;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "traffic") != 0)
        return -1;
    return bct_daemon_start_token(&D, DB, TOKEN);
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

static void border_traffic_and_a_level_before(void **state)
{
    (void)state;
    json_t *o =
        json_pack("{s:s,s:s,s:s,s:s}", "lang", "en", "title", "Lang Son border traffic review",
                  "published_on", "2026-11-20", "text",
                  "Lang Son border traffic review\n"
                  "Yesterday the Huu Nghi gate in Lang Son handled more than 1,350 trucks.\n"
                  "Some 1,100 to 1,300 trucks a day cross the Tan Thanh gate of Lang Son.\n"
                  "More than 2.4 million tonnes of goods crossed the border at Lang Son in 2025.\n"
                  "Trade between Lang Son and Guangxi rose from 4 to 4.5 billion USD in 2025.\n");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    json_t *ids =
        json_object_get(json_object_get(json_object_get(j, "source"), "facts"), "figures");

    json_t *day = figure_of(ids, 1350);
    assert_string_equal(str(day, "metric"), "vehicles");
    assert_string_equal(str(day, "category"), "transport");
    assert_string_equal(str(day, "unit"), "vehicles");
    assert_string_equal(str(day, "qualifier"), "over");
    assert_string_equal(str(day, "period"), "2026-11-19");
    assert_non_null(strstr(str(day, "note"), "Its day is counted from the publication date"));

    json_t *lo = figure_of(ids, 1100), *hi = figure_of(ids, 1300);
    assert_string_equal(str(lo, "metric"), "vehicles_per_day");
    assert_string_equal(str(hi, "metric"), "vehicles_per_day");
    assert_string_equal(str(lo, "qualifier"), "range_low");
    assert_string_equal(str(hi, "qualifier"), "range_high");
    assert_non_null(strstr(str(lo, "note"), "range its sentence states (about 1100 to 1300 "
                                            "vehicles)"));
    /* a daily rate is never compared with a total */
    assert_int_equal(json_array_size(json_object_get(day, "conflicts_with")), 0);

    json_t *goods = figure_of(ids, 2.4e6);
    assert_string_equal(str(goods, "metric"), "goods_carried");
    assert_string_equal(str(goods, "unit"), "tonnes");
    assert_string_equal(str(goods, "qualifier"), "over");
    assert_string_equal(str(goods, "period"), "2025");

    json_t *before = figure_of(ids, 4e9), *after = figure_of(ids, 4.5e9);
    assert_string_equal(str(before, "metric"), "trade_turnover");
    assert_string_equal(str(before, "unit"), "USD");
    assert_true(json_is_null(json_object_get(before, "period")));
    assert_string_equal(str(after, "period"), "2025");
    assert_non_null(strstr(str(before, "note"), "The level before a change its sentence states "
                                                "(from 4000000000 to 4500000000 USD)"));
    assert_non_null(strstr(str(before, "note"), "No period is written with it"));
    assert_non_null(strstr(str(after, "note"), "The level after a change"));
    assert_int_equal(json_array_size(json_object_get(before, "conflicts_with")), 0);
    assert_int_equal(json_array_size(json_object_get(after, "conflicts_with")), 0);

    /* the new category lists the three counts of vehicles, awaiting review */
    json_t *list = call("GET", "/v1/figures?category=transport&curation=extracted", NULL, 200);
    assert_int_equal(json_array_size(json_object_get(list, "data")), 3);
    json_decref(list);

    json_decref(day);
    json_decref(lo);
    json_decref(hi);
    json_decref(goods);
    json_decref(before);
    json_decref(after);
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(border_traffic_and_a_level_before),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
