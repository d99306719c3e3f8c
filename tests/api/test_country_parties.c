/* test_country_parties.c: a whole country as a figure's counterpart (0053) against the real
 * daemon. An article of our own gives Yunnan's trade with Vietnam as a whole and the trade
 * of one province pair inside it: the first is stored with `counterpart_country` "VN" and
 * served so in /v1/figures and /v1/trade-figures (JSON and CSV, filterable), it includes the
 * pair's figure (never the same quantity, so no computed conflict), and /v1/stats and
 * /v1/series keep it in a pair of its own, apart from every province pair. A curated figure
 * of data/ whose quote names the country carries it too. */
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

#define TOKEN "country-parties-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

static const char ARTICLE[] = "Yunnan and its neighbours trade more\n"
                              "KUNMING, Feb 3 - In 2025, Yunnan's trade with Vietnam climbed to "
                              "USD 3.4 billion, customs data showed.\n"
                              "In 2025, trade between Lao Cai and Yunnan reached USD 1.6 billion.\n"
                              "Vietnam's Lao Cai province also sent a delegation to Kunming.";

static json_t *call(const char *method, const char *target, const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, AUTH, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The first of list whose `key` is value, or NULL. */
static json_t *find(json_t *list, const char *key, const char *value)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e)
    {
        const char *v = str(e, key);
        if (v != NULL && strcmp(v, value) == 0)
            return e;
    }
    return NULL;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "country") != 0 ||
        bct_daemon_start_token(&D, DB, TOKEN) != 0)
        return -1;
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", ARTICLE, "title",
                          "Yunnan and its neighbours trade more", "lang", "en", "published_on",
                          "2026-02-03");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *r = bct_call_json(D.port, "POST", "/v1/sources", AUTH, body, 201, NULL);
    free(body);
    if (r == NULL)
        return -1;
    json_decref(r);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* The figure of the article with the value v (curation=all), its document. */
static json_t *figure_of(json_t *list, double v)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e)
    {
        const char *id = str(e, "id");
        if (id != NULL && strncmp(id, "yunnan-and-its", 14) == 0 &&
            json_number_value(json_object_get(e, "value")) == v)
            return e;
    }
    return NULL;
}

static void a_country_is_served_and_filtered(void **state)
{
    (void)state;
    json_t *all = call("GET", "/v1/figures?curation=all&limit=200", NULL, 200);
    json_t *data = json_object_get(all, "data");
    json_t *whole = figure_of(data, 3.4e9), *pair = figure_of(data, 1.6e9);
    assert_non_null(whole);
    assert_non_null(pair);
    assert_string_equal(str(whole, "counterpart_country"), "VN");
    assert_int_equal(json_array_size(json_object_get(whole, "parties")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(whole, "parties"), 0)),
                        "yunnan");
    /* a province pair has no country; "Vietnam's Lao Cai province" made none */
    assert_true(json_is_null(json_object_get(pair, "counterpart_country")));
    assert_int_equal(json_array_size(json_object_get(pair, "parties")), 2);
    /* the whole includes the pair: never the same quantity, so no conflict */
    json_t *ov = find(json_object_get(whole, "overlaps"), "id", str(pair, "id"));
    assert_non_null(ov);
    assert_string_equal(str(ov, "by_parties"), "includes");
    assert_int_equal(json_array_size(json_object_get(whole, "conflicts_with")), 0);
    char whole_id[200];
    snprintf(whole_id, sizeof whole_id, "%s", str(whole, "id"));
    json_decref(all);

    /* filtered: any case, trade figures too; the other country selects neither */
    json_t *vn = call("GET", "/v1/trade-figures?curation=all&counterpart_country=vn", NULL, 200);
    assert_non_null(find(json_object_get(vn, "data"), "id", whole_id));
    assert_int_equal(json_array_size(json_object_get(vn, "data")), 1);
    json_decref(vn);
    json_t *cn = call("GET", "/v1/figures?curation=all&counterpart_country=CN", NULL, 200);
    assert_null(find(json_object_get(cn, "data"), "id", whole_id));
    json_decref(cn);
    /* a facet of its own: one whole flow to each country, the rest none */
    json_t *fa =
        call("GET", "/v1/trade-figures?curation=all&facets=counterpart_country", NULL, 200);
    json_t *buckets = json_object_get(json_object_get(json_object_get(fa, "meta"), "facets"),
                                      "counterpart_country");
    assert_non_null(buckets);
    size_t i;
    json_t *b;
    int vn_n = -1, cn_n = -1;
    json_array_foreach(buckets, i, b)
    {
        const char *v = str(b, "value");
        int n = (int)json_integer_value(json_object_get(b, "count"));
        if (v != NULL && strcmp(v, "VN") == 0)
            vn_n = n;
        else if (v != NULL && strcmp(v, "CN") == 0)
            cn_n = n;
    }
    assert_int_equal(vn_n, 1);
    assert_int_equal(cn_n, 1); /* the curated exports to China */
    json_decref(fa);
    json_decref(call("GET", "/v1/figures?counterpart_country=FR", NULL, 400));

    /* CSV: a column of its own after parties */
    bct_response r;
    const char *csv[] = {"Accept: text/csv", NULL};
    char target[300];
    snprintf(target, sizeof target,
             "/v1/trade-figures?curation=all&counterpart_country=VN&fields=id,parties,"
             "counterpart_country");
    json_decref(bct_call_json(D.port, "GET", target, csv, NULL, 200, &r));
    assert_non_null(strstr(r.body, "id,parties,counterpart_country"));
    assert_non_null(strstr(r.body, ",yunnan,VN"));
    bct_response_free(&r);

    /* a curated figure whose quote names the country ("exporterades till Kina") */
    json_t *cur = call("GET", "/v1/figures/bac-luan-ii-goods-exported-tet", NULL, 200);
    assert_string_equal(str(cur, "counterpart_country"), "CN");
    json_decref(cur);
}

static void stats_and_series_keep_it_apart(void **state)
{
    (void)state;
    json_t *s = call("GET", "/v1/stats?curation=all", NULL, 200);
    json_t *pairs = json_object_get(json_object_get(s, "trade_turnover"), "by_pair");
    json_t *whole = find(pairs, "label", "Yunnan - Vietnam");
    json_t *pair = find(pairs, "label", "Lao Cai - Yunnan");
    assert_non_null(whole);
    assert_non_null(pair);
    assert_string_equal(str(whole, "counterpart_country"), "VN");
    assert_true(json_is_null(json_object_get(pair, "counterpart_country")));
    /* one point each: the flow to the whole country is no point of a province pair */
    assert_int_equal(json_array_size(json_object_get(whole, "points")), 1);
    assert_int_equal(json_array_size(json_object_get(pair, "points")), 1);
    json_decref(s);

    json_t *se =
        call("GET", "/v1/series?metric=trade_turnover&curation=all&province=yunnan", NULL, 200);
    json_t *w = find(json_object_get(se, "series"), "key", "yunnan+VN");
    assert_non_null(w);
    assert_string_equal(str(w, "counterpart_country"), "VN");
    assert_int_equal(json_array_size(json_object_get(w, "parties")), 1);
    assert_int_equal(json_array_size(json_object_get(w, "points")), 1);
    json_t *p = find(json_object_get(se, "series"), "key", "lao-cai+yunnan");
    assert_non_null(p);
    assert_true(json_is_null(json_object_get(p, "counterpart_country")));
    json_decref(se);
    /* a pair of a province and a country, by its code; a country alone is no pair */
    se = call("GET", "/v1/series?metric=trade_turnover&curation=all&pair=yunnan%2BVN", NULL, 200);
    assert_int_equal(json_array_size(json_object_get(se, "series")), 1);
    json_decref(se);
    json_decref(call("GET", "/v1/series?metric=trade_turnover&pair=VN", NULL, 400));
}

/* A reviewer corrects it like any field: a code of the vocabulary or null; another code
 * is a 400 naming the field. Runs last: it changes the figure. */
static void a_reviewer_can_correct_it(void **state)
{
    (void)state;
    json_t *vn = call("GET", "/v1/figures?curation=all&counterpart_country=VN", NULL, 200);
    json_t *whole = figure_of(json_object_get(vn, "data"), 3.4e9);
    assert_non_null(whole);
    char id[200], target[300];
    snprintf(id, sizeof id, "%s", str(whole, "id"));
    snprintf(target, sizeof target, "/v1/review/figures/%s", id);
    json_decref(vn);
    json_t *bad = call("POST", target,
                       "{\"action\":\"edit\",\"fields\":{\"counterpart_country\":\"FR\"}}", 400);
    assert_string_equal(str(bad, "parameter"), "fields.counterpart_country");
    json_decref(bad);
    json_decref(call("POST", target,
                     "{\"action\":\"edit\",\"fields\":{\"counterpart_country\":null},"
                     "\"note\":\"a test\"}",
                     200));
    snprintf(target, sizeof target, "/v1/figures/%s", id);
    json_t *f = call("GET", target, NULL, 200);
    assert_true(json_is_null(json_object_get(f, "counterpart_country")));
    assert_string_equal(str(f, "curation"), "reviewed");
    json_decref(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_country_is_served_and_filtered),
        cmocka_unit_test(stats_and_series_keep_it_apart),
        cmocka_unit_test(a_reviewer_can_correct_it),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
