/* test_findings8.c: the outside tester analyst8's API findings against the real daemon:
 * a reviewer's edit makes a figure's description again (8), the extracted meetings listed
 * as the review queue holds them (9), parameter errors that agree (12), a wrong method
 * with a body (13), an encoded slash in a path (14), invisible characters in an error's
 * detail (17). */
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

#define TOKEN "findings8-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

/* One request on a connection of its own; the answer's JSON (NULL when it is none), the
 * status checked against want. */
static json_t *call(const char *method, const char *target, const char *const *headers,
                    const char *body, int want, bct_response *keep)
{
    return bct_call_json(D.port, method, target, headers, body, want, keep);
}

static json_t *get(const char *target, int want)
{
    json_t *j = call("GET", target, AUTH, NULL, want, NULL);
    if (j == NULL)
        fail_msg("GET %s: not JSON", target);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    if (v == NULL)
        fail_msg("'%s' is not a string", key);
    return v;
}

static json_int_t meta_int(json_t *j, const char *key)
{
    return json_integer_value(json_object_get(json_object_get(j, "meta"), key));
}

/* POSTs an article (201); its answer. */
static json_t *post_article(const char *title, const char *text, const char *pub)
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", text, "lang", "en", "title", title,
                          "published_on", pub);
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", AUTH, body, 201, NULL);
    free(body);
    if (j == NULL)
        fail_msg("ingesting '%s': not JSON", title);
    return j;
}

/* The first fact of `kind` the ingest answer j lists. */
static const char *first_fact(json_t *j, const char *kind)
{
    json_t *facts = json_object_get(json_object_get(j, "source"), "facts");
    const char *id = json_string_value(json_array_get(json_object_get(facts, kind), 0));
    if (id == NULL)
        fail_msg("the article gave no %s", kind);
    return id;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings8") != 0)
        return -1;
    int rc = bct_daemon_start_token(&D, DB, TOKEN);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* 13: a body with a method the resource does not have gets the 405 with Allow it gets
 * without one; a body with GET, which the resource has but takes none with, is 400
 * body_not_allowed (413 before analyst 9's F8: nothing was too large) */
static void a_wrong_method_with_a_body_is_405(void **state)
{
    (void)state;
    const struct {
        const char *method, *target, *allow;
    } cases[] = {
        {"PUT", "/v1/sources", "GET, HEAD, POST, OPTIONS"},
        {"DELETE", "/v1/sources", "GET, HEAD, POST, OPTIONS"},
        {"POST", "/v1/meetings", "GET, HEAD, OPTIONS"},
        {"PATCH", "/v1/figures", "GET, HEAD, OPTIONS"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bct_response r;
        json_t *j = call(cases[i].method, cases[i].target, AUTH, "{}", 405, &r);
        assert_string_equal(bct_header_get(&r, "Allow"), cases[i].allow);
        assert_non_null(strstr(bct_header_get(&r, "Content-Type"), "application/problem+json"));
        assert_string_equal(str(j, "code"), "method_not_allowed");
        bct_response_free(&r);
        json_decref(j);
        /* the same answer as without a body */
        j = call(cases[i].method, cases[i].target, NULL, NULL, 405, NULL);
        json_decref(j);
    }
    json_t *j = call("GET", "/v1/meetings", AUTH, "{}", 400, NULL);
    assert_string_equal(str(j, "code"), "body_not_allowed");
    json_decref(j);
}

/* 14: an encoded slash is part of its segment, never a separator */
static void an_encoded_slash_separates_nothing(void **state)
{
    (void)state;
    json_decref(get("/v1/meetings/jwg-yunnan-11", 200));
    const char *targets[] = {"/v1/meetings%2Fjwg-yunnan-11", "/v1/meetings%2fjwg-yunnan-11",
                             "/v1%2Fmeetings", "/v1/meetings/jwg-yunnan-11%2F"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        bct_response r;
        json_t *j = call("GET", targets[i], NULL, NULL, 404, &r);
        assert_non_null(strstr(bct_header_get(&r, "Content-Type"), "application/problem+json"));
        assert_string_equal(str(j, "code"), "not_found");
        assert_non_null(strstr(str(j, "detail"), "%2F"));
        bct_response_free(&r);
        json_decref(j);
    }
    /* with a body too: the answer the path gets without one */
    json_t *j = call("POST", "/v1%2Fsources", AUTH, "{}", 404, NULL);
    json_decref(j);
}

/* 17: an error's detail shows invisible and control characters by their code points */
static void invisible_characters_are_shown_not_echoed(void **state)
{
    (void)state;
    const struct {
        const char *target, *shown;
    } cases[] = {
        {"/v1/meetings/%E2%80%AE", "'<U+202E>'"},
        {"/v1/meetings/a%E2%80%8Bb%E2%81%A6c%EF%BB%BFd", "'a<U+200B>b<U+2066>c<U+FEFF>d'"},
        {"/v1/provinces/x%0Ay%C2%85z", "'x<U+000A>y<U+0085>z'"},
        {"/v1/meetings?status=%E2%80%AEdeneppah", "'<U+202E>deneppah'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bct_response r;
        json_t *j = call("GET", cases[i].target, NULL, NULL, i == 3 ? 400 : 404, &r);
        const char *detail = str(j, "detail");
        if (strstr(detail, cases[i].shown) == NULL)
            fail_msg("%s: detail '%s' lacks %s", cases[i].target, detail, cases[i].shown);
        /* none of the characters is in the body as itself */
        assert_null(strstr(r.body, "\xe2\x80\xae"));
        assert_null(strstr(r.body, "\xe2\x80\x8b"));
        assert_null(strstr(r.body, "\xc2\x85"));
        bct_response_free(&r);
        json_decref(j);
    }
    /* the parameter member too; text in other scripts stays as sent */
    json_t *j = get("/v1/meetings?%E2%80%AEx=1", 400);
    assert_string_equal(str(j, "parameter"), "<U+202E>x");
    json_decref(j);
    j = get("/v1/meetings/V%C3%A2n%20Nam%20%E4%BA%91%E5%8D%97", 404);
    assert_non_null(strstr(str(j, "detail"), "'Vân Nam 云南'"));
    json_decref(j);
}

/* 12: a date window that ends before it starts is a 400 naming `to` */
static void a_window_that_ends_before_it_starts_is_400(void **state)
{
    (void)state;
    const char *targets[] = {
        "/v1/meetings?from=2027&to=2020",
        "/v1/figures?from=2027&to=2020",
        "/v1/trade-figures?from=2025-11&to=2025-10-31",
        "/v1/events?from=2026-01-02&to=2026-01-01",
        "/v1/series?metric=trade_turnover&from=2027&to=2020",
    };
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        json_t *j = get(targets[i], 400);
        assert_string_equal(str(j, "code"), "invalid_parameter");
        assert_string_equal(str(j, "parameter"), "to");
        assert_non_null(strstr(str(j, "detail"), "ends before 'from'"));
        json_decref(j);
    }
    /* one day, one month, one year are windows */
    json_decref(get("/v1/meetings?from=2025-10-30&to=2025-10-30", 200));
    json_decref(get("/v1/figures?from=2025-10&to=2025-10", 200));
    json_decref(get("/v1/series?metric=trade_turnover&from=2025&to=2025", 200));
}

/* 12: changed_since past the feed's end is what since past it is on /v1/changes */
static void changed_since_past_the_end_is_400_like_since(void **state)
{
    (void)state;
    json_t *j = get("/v1/changes?limit=1", 200);
    json_int_t latest = meta_int(j, "latest_seq");
    json_decref(j);
    assert_true(latest > 0);
    char target[200];
    snprintf(target, sizeof target, "/v1/figures?changed_since=%lld", (long long)latest);
    j = get(target, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
    json_decref(j);
    const char *lists[] = {"figures", "meetings", "sources", "border-gate-projects"};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        snprintf(target, sizeof target, "/v1/%s?changed_since=%lld", lists[i],
                 (long long)latest + 1);
        j = get(target, 400);
        assert_string_equal(str(j, "code"), "since_past_end");
        assert_string_equal(str(j, "parameter"), "changed_since");
        json_decref(j);
    }
    snprintf(target, sizeof target, "/v1/changes?since=%lld", (long long)latest + 1);
    j = get(target, 400);
    assert_string_equal(str(j, "code"), "since_past_end");
    json_decref(j);
}

/* 12: ?source= of the review queue names an article, as ?province= names a province */
static void review_source_must_be_an_article(void **state)
{
    (void)state;
    json_t *a = post_article("Wombatfour border trade note",
                             "Wombatfour border trade note\n\nImport-export turnover between Lao "
                             "Cai and Yunnan reached USD 1.4 billion in the first five months "
                             "of 2026.\n",
                             "2026-06-10");
    char id[200], target[300];
    snprintf(id, sizeof id, "%s", str(json_object_get(a, "source"), "id"));
    json_decref(a);
    json_t *j = get("/v1/review?source=nope", 400);
    assert_string_equal(str(j, "code"), "invalid_parameter");
    assert_string_equal(str(j, "parameter"), "source");
    json_decref(j);
    snprintf(target, sizeof target, "/v1/review?source=%s", id);
    j = get(target, 200);
    assert_true(meta_int(j, "total") >= 1);
    json_decref(j);
    /* its title names it as well */
    j = get("/v1/review?source=Wombatfour%20border%20trade%20note", 200);
    assert_true(meta_int(j, "total") >= 1);
    json_decref(j);
    /* a curated article is an article: nothing of it awaits review */
    j = get("/v1/review?source=nhandan-border-provinces-yunnan-pl", 200);
    assert_int_equal(meta_int(j, "total"), 0);
    json_decref(j);
}

/* 1 when the list j holds the id */
static int lists(json_t *j, const char *id)
{
    json_t *x;
    size_t i;
    json_array_foreach(json_object_get(j, "data"), i, x)
    {
        if (strcmp(json_string_value(json_object_get(x, "id")), id) == 0)
            return 1;
    }
    return 0;
}

/* 9: ?curation=extracted lists every meeting the review queue holds, one that is the
 * same as another extracted meeting too; `all` lists such a pair once */
static void extracted_meetings_listed_as_the_queue_holds_them(void **state)
{
    (void)state;
    json_t *a = post_article("Working group to meet for the 14th time",
                             "Working group to meet for the 14th time\n\nThe 14th meeting of "
                             "the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien "
                             "Bien (Vietnam) and Yunnan (China) will be held in Yunnan in "
                             "2027.\n",
                             "2026-11-02");
    char first[200], twin[200];
    snprintf(first, sizeof first, "%s", first_fact(a, "meetings"));
    json_decref(a);
    json_t *b = post_article("Yunnan named as the next host",
                             "Yunnan named as the next host\n\nThe 14th meeting of the Joint "
                             "Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien "
                             "(Vietnam) and Yunnan (China) will take place in Yunnan in 2027, "
                             "officials said.\n",
                             "2026-11-20");
    snprintf(twin, sizeof twin, "%s", first_fact(b, "meetings"));
    json_decref(b);
    char target[300];
    snprintf(target, sizeof target, "/v1/meetings/%s", twin);
    json_t *m = get(target, 200);
    assert_string_equal(str(json_object_get(m, "same_as"), "id"), first);
    json_decref(m);

    json_t *queue = get("/v1/review?kind=meetings&limit=500", 200);
    json_t *ex = get("/v1/meetings?curation=extracted&total=true&limit=500", 200);
    assert_int_equal(meta_int(ex, "total"), meta_int(queue, "total"));
    assert_true(lists(ex, first));
    assert_true(lists(ex, twin));
    json_decref(ex);
    json_decref(queue);
    json_t *all = get("/v1/meetings?curation=all&limit=500", 200);
    assert_true(lists(all, first));
    assert_false(lists(all, twin));
    json_decref(all);
}

/* 8: an edit of a figure's metric or period makes its description again, and its search
 * hit title with it; a description a reviewer wrote stays */
static void an_edit_describes_the_figure_again(void **state)
{
    (void)state;
    json_t *a = post_article("Quokkaseven trade report",
                             "Quokkaseven trade report\n\nImport-export turnover between Lao "
                             "Cai and Yunnan reached USD 2.35 billion in the first ten months "
                             "of 2026.\n",
                             "2026-11-20");
    char id[200], target[300];
    snprintf(id, sizeof id, "%s", first_fact(a, "figures"));
    json_decref(a);
    snprintf(target, sizeof target, "/v1/figures/%s", id);
    json_t *f = get(target, 200);
    assert_non_null(strstr(str(f, "description"), ", 2026-01/2026-10, read from \"Quokkaseven"));
    json_decref(f);

    char review[300];
    snprintf(review, sizeof review, "/v1/review/figures/%s", id);
    json_decref(call("POST", review, AUTH,
                     "{\"action\":\"edit\",\"fields\":{\"period\":\"2025-12/2026-09\","
                     "\"metric\":\"exports\"}}",
                     200, NULL));
    f = get(target, 200);
    assert_string_equal(str(f, "period"), "2025-12/2026-09");
    const char *d = str(f, "description");
    assert_non_null(strstr(d, ", 2025-12/2026-09, read from \"Quokkaseven trade report\""));
    assert_null(strstr(d, "2026-01/2026-10"));
    assert_null(strstr(d, "turnover"));
    char want[400];
    snprintf(want, sizeof want, "%s", d);
    json_decref(f);
    /* the search hit of the reviewed figure is titled by its description */
    json_t *s = get("/v1/search?q=Quokkaseven&type=figure", 200);
    json_t *hit = json_array_get(json_object_get(s, "data"), 0);
    assert_non_null(hit);
    assert_string_equal(str(hit, "id"), id);
    assert_string_equal(str(hit, "title"), want);
    json_decref(s);

    /* a period taken away: the description says none */
    json_decref(call("POST", review, AUTH, "{\"action\":\"edit\",\"fields\":{\"period\":null}}",
                     200, NULL));
    f = get(target, 200);
    assert_non_null(strstr(str(f, "description"), "exported, read from \"Quokkaseven"));
    json_decref(f);
    /* a reviewer's own words are kept through a later correction */
    json_decref(call("POST", review, AUTH,
                     "{\"action\":\"edit\",\"fields\":{\"description\":\"Lao Cai's exports to "
                     "Yunnan, as the reviewer reads them\"}}",
                     200, NULL));
    json_decref(call("POST", review, AUTH,
                     "{\"action\":\"edit\",\"fields\":{\"period\":\"2026-01/2026-10\"}}", 200,
                     NULL));
    f = get(target, 200);
    assert_string_equal(str(f, "description"), "Lao Cai's exports to Yunnan, as the reviewer "
                                               "reads them");
    json_decref(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_wrong_method_with_a_body_is_405),
        cmocka_unit_test(an_encoded_slash_separates_nothing),
        cmocka_unit_test(invisible_characters_are_shown_not_echoed),
        cmocka_unit_test(a_window_that_ends_before_it_starts_is_400),
        cmocka_unit_test(changed_since_past_the_end_is_400_like_since),
        cmocka_unit_test(review_source_must_be_an_article),
        cmocka_unit_test(extracted_meetings_listed_as_the_queue_holds_them),
        cmocka_unit_test(an_edit_describes_the_figure_again),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
