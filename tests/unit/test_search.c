/* test_search.c: /v1/search over the real data: diacritic- and case-insensitive,
 * alias-aware, typed and language-filtered hits, FTS syntax errors as 400. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

static json_t *search(const char *query, int status)
{
    bc_response res;
    int st = fx_request(S, "GET", "/v1/search", query, &res);
    if (st != status)
        fail_msg("search %s: %d, want %d: %.300s", query, st, status, res.body.data);
    json_t *j = fx_json_body(&res);
    bc_response_free(&res);
    return j;
}

/* 1 when a hit of that type and id is in the first n hits. */
static int hit(json_t *j, const char *type, const char *id, size_t n)
{
    size_t i;
    json_t *h;
    json_array_foreach(json_object_get(j, "data"), i, h)
    {
        if (i >= n)
            break;
        if (strcmp(json_string_value(json_object_get(h, "type")), type) == 0 &&
            strcmp(json_string_value(json_object_get(h, "id")), id) == 0)
            return 1;
    }
    return 0;
}

static void diacritics_and_case_do_not_matter(void **state)
{
    (void)state;
    const char *forms[] = {"q=L%C3%A0o%20Cai", "q=Lao%20Cai", "q=lao%20cai", "q=LAO%20CAI"};
    json_t *first = NULL;
    for (size_t i = 0; i < 4; i++) {
        json_t *j = search(forms[i], 200);
        assert_true(hit(j, "province", "lao-cai", 1));
        if (first == NULL)
            first = j;
        else {
            assert_true(json_equal(json_object_get(first, "data"), json_object_get(j, "data")));
            json_decref(j);
        }
    }
    json_decref(first);
    /* d-stroke folds to d: "Điện Biên" finds Dien Bien */
    json_t *j = search("q=%C4%90i%E1%BB%87n%20Bi%C3%AAn", 200);
    assert_true(hit(j, "province", "dien-bien", 1));
    json_decref(j);
}

static void aliases_are_followed(void **state)
{
    (void)state;
    json_t *j = search("q=Junnan&type=province", 200);
    assert_true(hit(j, "province", "yunnan", 1));
    json_decref(j);
    /* Vuong Ninh is Wang Ning; the Dutch article writes both */
    j = search("q=Vuong%20Ninh", 200);
    assert_true(hit(j, "person", "wang-ning", 1));
    json_decref(j);
    j = search("q=Bat%20Xat%20Ba%20Sai&type=border_gate_project", 200);
    assert_true(hit(j, "border_gate_project", "ban-vuoc-ba-sai-road-bridge", 1));
    json_decref(j);
}

static void article_words_find_articles_and_facts(void **state)
{
    (void)state;
    json_t *j = search("q=miljarder", 200);
    assert_true(hit(j, "source", "laichau-jwg-11-sv", 5));
    assert_true(hit(j, "figure", "yunnan-four-provinces-trade-since-jwg-10", 5));
    json_t *first = json_array_get(json_object_get(j, "data"), 0);
    assert_non_null(strstr(json_string_value(json_object_get(first, "snippet")), "<mark>"));
    assert_non_null(json_object_get(json_object_get(first, "links"), "self"));
    json_decref(j);
}

static void lang_and_type_filters(void **state)
{
    (void)state;
    json_t *j = search("q=Yunnan&type=source&lang=nl", 200);
    size_t i;
    json_t *h;
    assert_true(json_array_size(json_object_get(j, "data")) > 0);
    json_array_foreach(json_object_get(j, "data"), i, h)
    {
        assert_string_equal(json_string_value(json_object_get(h, "type")), "source");
        assert_string_equal(json_string_value(json_object_get(h, "id")),
                            "baotuyenquang-5th-conference-nl");
    }
    json_decref(j);
}

static void fts_syntax(void **state)
{
    (void)state;
    json_t *j = search("q=%22Lao%20Cai%22%20AND%20bridge", 200);
    assert_true(hit(j, "border_gate_project", "lao-cai-hekou-railway-bridge", 3));
    json_decref(j);
    j = search("q=brid*&type=border_gate_project", 200);
    assert_true(json_array_size(json_object_get(j, "data")) >= 3);
    json_decref(j);
    j = search("q=%22unclosed", 400);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "invalid_query");
    json_decref(j);
    j = search("q=AND%20OR", 400);
    json_decref(j);
    j = search("q=(((", 400);
    json_decref(j);
}

static void bad_parameters(void **state)
{
    (void)state;
    json_t *j = search("", 400);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "q");
    json_decref(j);
    j = search("q=x&type=country", 400);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "type");
    json_decref(j);
    j = search("q=x&lang=de", 400); /* fr, the seventh language read, is a filter */
    assert_non_null(strstr(json_string_value(json_object_get(j, "detail")),
                           "allowed: en, fr, nl, pl, sv, vi, zh"));
    json_decref(j);
    j = search("q=x&limit=0", 400);
    json_decref(j);
    j = search("q=x&sort=rank", 400);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "unknown_parameter");
    json_decref(j);
    j = search("q=%20%20", 400);
    json_decref(j);
}

static void project_names_and_side_names(void **state)
{
    (void)state;
    /* a project's own name in another language finds it */
    json_t *j = search("q=Kim%20Thuy%20Ha%20border%20gate&type=border_gate_project", 200);
    assert_true(hit(j, "border_gate_project", "ma-lu-thang-kim-thuy-ha-border-gate", 1));
    json_decref(j);
    /* the Chinese side names are searchable */
    j = search("q=%E6%B2%B3%E5%8F%A3", 200); /* 河口 (Hekou) */
    assert_true(hit(j, "border_gate_project", "lao-cai-hekou-railway-bridge", 3));
    json_decref(j);
}

static void pages(void **state)
{
    (void)state;
    json_t *a = search("q=Lai%20Chau&limit=2", 200);
    json_t *b = search("q=Lai%20Chau&limit=2&offset=2", 200);
    assert_int_equal(json_array_size(json_object_get(a, "data")), 2);
    const char *next = json_string_value(json_object_get(json_object_get(a, "links"), "next"));
    assert_string_equal(next, "/v1/search?q=Lai%20Chau&limit=2&offset=2");
    assert_false(json_equal(json_array_get(json_object_get(a, "data"), 0),
                            json_array_get(json_object_get(b, "data"), 0)));
    assert_string_equal(json_string_value(json_object_get(json_object_get(b, "links"), "prev")),
                        "/v1/search?q=Lai%20Chau&limit=2");
    json_decref(a);
    json_decref(b);
}

static int search_run(void *ctx)
{
    bc_response *res = ctx;
    return fx_request(S, "GET", "/v1/search", "q=Junnan%20bridge&limit=3", res) == 200 ? 0 : 1;
}

/* out of memory is a clean 500, and a search that succeeds finds what it always finds */
static void search_check(void *ctx, int rc, long n)
{
    bc_response *res = ctx;
    if (rc != 0 && res->status != 500)
        fail_msg("allocation failure at %ld: %d %.200s", n, res->status,
                 res->body.data ? res->body.data : "");
    if (rc == 0) {
        json_t *j = fx_json_body(res);
        assert_string_equal(json_string_value(json_object_get(json_object_get(j, "meta"), "match")),
                            "(\"Junnan\" OR \"Van Nam\" OR \"Vân Nam\" OR \"Yunnan\" OR "
                            "\"yunnan\" OR \"云南\" OR \"云南省\") AND \"bridge\"*");
        json_decref(j);
    }
    bc_response_free(res);
}

static void allocation_failures(void **state)
{
    (void)state;
    bc_response res;
    assert_true(fx_oom_sweep(1, 1, 100000, search_run, search_check, &res) > 0);
    assert_true(fx_oom_sweep(0, 5, 100000, search_run, search_check, &res) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(diacritics_and_case_do_not_matter),
        cmocka_unit_test(aliases_are_followed),
        cmocka_unit_test(article_words_find_articles_and_facts),
        cmocka_unit_test(lang_and_type_filters),
        cmocka_unit_test(fts_syntax),
        cmocka_unit_test(bad_parameters),
        cmocka_unit_test(project_names_and_side_names),
        cmocka_unit_test(pages),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests_name("search", tests, fx_group_setup, fx_group_teardown);
}
