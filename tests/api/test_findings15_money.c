/* test_findings15_money.c: the outside analyst15's finding S1-1 against the real daemon: an
 * amount in another country's dollar ("HK$", "2 M$ CA", "2 million Canadian dollars") is
 * never stored as US dollars; the answer of an ingest and of a re-dating names it by its
 * words in not_stored.other_currency and counts it in without_measure. S1-3: "Les
 * exportations ... à 1,2 M$ pour X et à 1,4 milliard de dollars au total" stores the total
 * as exports (no turnover, so no false conflict) and leaves the part out, counted. */
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

#define TOKEN "findings15-token-0123456789abcdef"

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

static int setup(void **state)
{
    (void)state;
    return bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings15") != 0 ||
                   bct_daemon_start_token(&D, DB, TOKEN) != 0
               ? -1
               : 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* The amounts an answer's extracted.not_stored names under key: each one's words, as the
 * text writes them at its bytes [start, end); without_measure counts them with the rest. */
static void expect_named(json_t *answer, const char *key, const char *text, const char *const *want,
                         size_t n)
{
    json_t *ns = json_object_get(json_object_get(answer, "extracted"), "not_stored");
    json_t *u = json_object_get(ns, key);
    assert_true(json_is_array(u));
    assert_int_equal(json_array_size(u), n);
    assert_true(json_integer_value(json_object_get(ns, "without_measure")) >= (json_int_t)n);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(u, i);
        assert_string_equal(json_string_value(json_object_get(e, "words")), want[i]);
        json_int_t s = json_integer_value(json_object_get(e, "start"));
        json_int_t end = json_integer_value(json_object_get(e, "end"));
        assert_int_equal(end - s, strlen(want[i]));
        assert_memory_equal(text + s, want[i], strlen(want[i]));
    }
}

/* The value and unit of the article source's nth figure, as "5000000 USD", into out. */
static void figure_unit(const char *source, int nth, char *out, size_t size)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/figures/%.300s-f%d?curation=all", source, nth);
    json_t *j = call("GET", target, NULL, 200);
    snprintf(out, size, "%.0f %s", json_number_value(json_object_get(j, "value")),
             json_string_value(json_object_get(j, "unit")));
    json_decref(j);
}

/* The metric and value of the article source's nth figure, as "exports 1400000000", into
 * out. */
static void figure_metric(const char *source, int nth, char *out, size_t size)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/figures/%.300s-f%d?curation=all", source, nth);
    json_t *j = call("GET", target, NULL, 200);
    snprintf(out, size, "%s %.0f", json_string_value(json_object_get(j, "metric")),
             json_number_value(json_object_get(j, "value")));
    json_decref(j);
}

/* S1-3: the total of a flow is that flow, and its part before it is left out, counted. */
static void a_flows_total_and_its_part(void **state)
{
    (void)state;
    static const char text[] =
        "Les échanges en bref\n"
        "Les échanges entre Cao Bang et le Guangxi ont atteint 4,5 Md$ en 2025. Les "
        "exportations de Cao Bang vers le Guangxi se sont élevées à 2,2 M$ pour les fruits secs "
        "et à 1,6 milliard de dollars au total, tandis que les importations ont atteint 2,9 "
        "milliards de dollars.";
    json_t *o =
        json_pack("{s:s,s:s,s:s}", "text", text, "title", "Les échanges en bref", "lang", "fr");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    json_t *ex = json_object_get(j, "extracted");
    assert_int_equal(json_integer_value(json_object_get(ex, "figures")), 3);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(ex, "not_stored"), "without_measure")),
        1);
    char src[200], got[100];
    snprintf(src, sizeof src, "%.190s",
             json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_decref(j);
    figure_metric(src, 1, got, sizeof got);
    assert_string_equal(got, "trade_turnover 4500000000");
    figure_metric(src, 2, got, sizeof got);
    assert_string_equal(got, "exports 1600000000");
    figure_metric(src, 3, got, sizeof got);
    assert_string_equal(got, "imports 2900000000");
}

/* S1-1: "HK$3 million", "2 M$ CA", "2 million Canadian dollars" are refused and named, in
 * the answer of the ingest and of a re-dating; the plain "$" and "US$" beside them are US
 * dollars and stored. */
static void another_dollar_is_named_never_stored(void **state)
{
    (void)state;
    static const char text[] =
        "Border trade in brief\n"
        "Exports from Cao Bang to Guangxi came to 2 million Canadian dollars in 2025. Imports "
        "from Guangxi to Cao Bang reached HK$3 million in 2025.\n"
        "Trade between Cao Bang and Guangxi reached 4 M$ CA in 2024, US$5 million in 2023 and "
        "$6 million in 2022.";
    static const char *const want[] = {"2 million Canadian dollars", "HK$3 million", "4 M$ CA"};
    json_t *o =
        json_pack("{s:s,s:s,s:s}", "text", text, "title", "Border trade in brief", "lang", "en");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    expect_named(j, "other_currency", text, want, 3);
    expect_named(j, "unread_scales", text, NULL, 0);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(j, "extracted"), "figures")), 2);
    char src[200], target[300], unit[100];
    snprintf(src, sizeof src, "%.190s",
             json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_decref(j);
    figure_unit(src, 1, unit, sizeof unit);
    assert_string_equal(unit, "5000000 USD");
    figure_unit(src, 2, unit, sizeof unit);
    assert_string_equal(unit, "6000000 USD");
    snprintf(target, sizeof target, "/v1/sources/%s", src);
    j = call("PATCH", target, "{\"published_on\":\"2026-03-02\"}", 200);
    expect_named(j, "other_currency", text, want, 3);
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(another_dollar_is_named_never_stored),
        cmocka_unit_test(a_flows_total_and_its_part),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
