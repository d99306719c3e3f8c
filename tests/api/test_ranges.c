/* test_ranges.c: a range of money read from an article (analyst 9, F2), against the real
 * daemon: "between USD 2 billion and USD 2.5 billion" is two figures, range_low and
 * range_high, each with the range's change, measure, period and parties and a note naming
 * the range, never in each other's conflicts_with nor in a copy's; a figure outside the
 * range conflicts with the end it passes only; a reviewer may set the new qualifiers and
 * no unknown one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOKEN "ranges-token-0123456789abcdef0123"

static bct_daemon D;
static char TMP[64], DB[128];

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

/* One request on a connection of its own; the answer's JSON, the status checked. */
static json_t *call(const char *method, const char *target, const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, AUTH, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

/* POSTs an English article (201); the ids of its figures, a new array. */
static json_t *post_article(const char *title, const char *text)
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", text, "lang", "en", "title", title,
                          "published_on", "2025-10-08");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    json_t *ids =
        json_object_get(json_object_get(json_object_get(j, "source"), "facts"), "figures");
    json_incref(ids);
    json_decref(j);
    return ids;
}

static json_t *figure(const char *id)
{
    char target[300];
    snprintf(target, sizeof target, "/v1/figures/%s", id);
    return call("GET", target, NULL, 200);
}

/* The figure of ids whose value is v (its document), failing otherwise. */
static json_t *figure_of(json_t *ids, double v)
{
    for (size_t k = 0; k < json_array_size(ids); k++) {
        json_t *f = figure(json_string_value(json_array_get(ids, k)));
        if (json_number_value(json_object_get(f, "value")) == v)
            return f;
        json_decref(f);
    }
    fail_msg("no figure of %.0f", v);
    return NULL;
}

static const char *str(json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    if (v == NULL)
        fail_msg("'%s' is not a string", key);
    return v;
}

/* 1 when figure f lists other in its conflicts_with. */
static int conflicts(json_t *f, json_t *other)
{
    json_t *c = json_object_get(f, "conflicts_with");
    for (size_t k = 0; k < json_array_size(c); k++)
        if (strcmp(str(json_array_get(c, k), "id"), str(other, "id")) == 0)
            return 1;
    return 0;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "ranges") != 0)
        return -1;
    int rc = bct_daemon_start_token(&D, DB, TOKEN);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

#define RANGE                                                                                      \
    "Import-export turnover between Lai Chau and Yunnan reached between USD 2 billion and USD "    \
    "2.5 billion in the first nine months of 2025, up 12% year on year."

static void a_range_is_two_ends_that_never_conflict(void **state)
{
    (void)state;
    json_t *ids = post_article("Lai Chau and Yunnan leaders meet on border trade",
                               "Lai Chau and Yunnan leaders meet on border trade\n" RANGE
                               " Of this, exports reached USD 800 million.\n");
    json_t *lo = figure_of(ids, 2e9), *hi = figure_of(ids, 2.5e9);
    assert_string_equal(str(lo, "qualifier"), "range_low");
    assert_string_equal(str(hi, "qualifier"), "range_high");
    for (int e = 0; e < 2; e++) {
        json_t *f = e ? hi : lo;
        assert_string_equal(str(f, "metric"), "trade_turnover");
        assert_string_equal(str(f, "period"), "2025-01/2025-09");
        assert_int_equal(json_number_value(json_object_get(json_object_get(f, "change"), "value")),
                         12);
        assert_int_equal(json_array_size(json_object_get(f, "parties")), 2);
        assert_int_equal(json_array_size(json_object_get(f, "conflicts_with")), 0);
        assert_non_null(strstr(str(f, "note"), "range its sentence states (2000000000 to "
                                               "2500000000 USD)"));
        json_t *inf = json_object_get(f, "inferred");
        for (size_t k = 0; k < json_array_size(inf); k++)
            assert_string_not_equal(json_string_value(json_array_get(inf, k)), "metric");
        /* traceable: its quote is the sentence of the range */
        char *src = json_dumps(json_object_get(f, "sources"), JSON_COMPACT);
        assert_non_null(strstr(src, "reached between USD 2 billion and USD 2.5 billion"));
        free(src);
    }
    /* a copy of the article (another headline and one more sentence) conflicts with neither */
    json_t *ids2 = post_article("Lai Chau, Yunnan review trade",
                                "Lai Chau, Yunnan review trade\n" RANGE
                                " Yunnan companies have invested USD 45 million.\n");
    json_t *lo2 = figure_of(ids2, 2e9), *hi2 = figure_of(ids2, 2.5e9);
    assert_int_equal(json_array_size(json_object_get(lo2, "conflicts_with")), 0);
    assert_int_equal(json_array_size(json_object_get(hi2, "conflicts_with")), 0);
    /* a figure outside the range conflicts with the end it passes, one inside with none */
    json_t *ids3 = post_article("Lai Chau trade tops USD 3 billion",
                                "Lai Chau trade tops USD 3 billion\nImport-export turnover between "
                                "Lai Chau and Yunnan reached USD 3 billion in the first nine "
                                "months of 2025.\n");
    json_t *out = figure_of(ids3, 3e9);
    assert_true(conflicts(out, hi) && conflicts(out, hi2));
    assert_false(conflicts(out, lo) || conflicts(out, lo2));
    json_t *ids4 = post_article("Lai Chau trade at USD 2.2 billion",
                                "Lai Chau trade at USD 2.2 billion\nImport-export turnover between "
                                "Lai Chau and Yunnan reached USD 2.2 billion in the first nine "
                                "months of 2025.\n");
    json_t *in = figure_of(ids4, 2.2e9);
    assert_false(conflicts(in, lo) || conflicts(in, lo2) || conflicts(in, hi2));
    assert_true(conflicts(in, out));

    /* a reviewer sets the new qualifiers, and no unknown one */
    char review[300];
    snprintf(review, sizeof review, "/v1/review/figures/%s", str(in, "id"));
    json_decref(call("POST", review,
                     "{\"action\":\"edit\",\"fields\":{\"qualifier\":\"range_middle\"}}", 400));
    json_decref(call("POST", review,
                     "{\"action\":\"edit\",\"fields\":{\"qualifier\":\"range_low\"}}", 200));
    json_t *f = figure(str(in, "id"));
    assert_string_equal(str(f, "qualifier"), "range_low");
    json_decref(f);
    json_decref(in);
    json_decref(out);
    json_decref(lo);
    json_decref(hi);
    json_decref(lo2);
    json_decref(hi2);
    json_decref(ids);
    json_decref(ids2);
    json_decref(ids3);
    json_decref(ids4);
}

/* a hedged range restated in another currency: each end's note names the whole range with
 * its hedge, and the same end of the restated range (never the other end's value) */
static void a_restated_range_is_noted_end_by_end(void **state)
{
    (void)state;
    json_t *ids = post_article("Quang Ninh and Guangxi trade",
                               "Quang Ninh and Guangxi trade\nTrade between Quang Ninh and Guangxi "
                               "reached about 4 to 4.5 billion USD (about 100 to 112 trillion "
                               "VND) in 2025.\n");
    assert_int_equal(json_array_size(ids), 2); /* a restatement is no figure of its own */
    json_t *lo = figure_of(ids, 4e9), *hi = figure_of(ids, 4.5e9);
    const char *nl = str(lo, "note"), *nh = str(hi, "note");
    assert_non_null(strstr(nl, "The lower end of a range its sentence states (about 4000000000 "
                               "to 4500000000 USD)"));
    assert_non_null(strstr(nh, "The upper end of a range its sentence states (about 4000000000 "
                               "to 4500000000 USD)"));
    assert_non_null(strstr(nl, "another currency as 100000000000000 VND"));
    assert_non_null(strstr(nh, "another currency as 112000000000000 VND"));
    assert_null(strstr(nh, "100000000000000 VND"));
    json_decref(lo);
    json_decref(hi);
    json_decref(ids);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_range_is_two_ends_that_never_conflict),
        cmocka_unit_test(a_restated_range_is_noted_end_by_end),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
