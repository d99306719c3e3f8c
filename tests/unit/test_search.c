/* test_search.c: /v1/search over the real data: diacritic- and case-insensitive,
 * alias-aware, typed and language-filtered hits; any text a person types is a safe query
 * (phrases, prefixes and AND/OR/NOT honoured, the rest words), never an SQLite error. */
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

/* Quoted phrases, a trailing '*' and AND, OR, NOT between words are honoured; everything
 * else a person types is words (outsider 8, M2): an unclosed quote closes at the end, an
 * operator with nothing on one side and a parenthesis with no partner are left out. */
static void fts_syntax(void **state)
{
    (void)state;
    json_t *j = search("q=%22Lao%20Cai%22%20AND%20bridge", 200);
    assert_true(hit(j, "border_gate_project", "lao-cai-hekou-railway-bridge", 3));
    json_decref(j);
    j = search("q=brid*&type=border_gate_project", 200);
    assert_true(json_array_size(json_object_get(j, "data")) >= 3);
    json_decref(j);
    j = search("q=%22Lao%20Cai", 200); /* unclosed: the phrase to the end */
    assert_true(hit(j, "province", "lao-cai", 3));
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "meta"), "match")),
                        "\"Lao Cai\"");
    json_decref(j);
    j = search("q=(Lao%20OR%20Hekou)%20AND%20bridge&type=border_gate_project", 200);
    assert_true(hit(j, "border_gate_project", "lao-cai-hekou-railway-bridge", 3));
    json_decref(j);
    j = search("q=OR%20bridge%20AND&type=border_gate_project", 200);
    assert_true(hit(j, "border_gate_project", "lao-cai-hekou-railway-bridge", 3));
    json_decref(j);
    j = search("q=AND%20OR", 400);
    json_decref(j);
    j = search("q=(((", 400);
    json_decref(j);
}

/* The problem of a query that names a parameter q and says detail. */
static void expect_q_problem(const char *query, const char *detail)
{
    json_t *j = search(query, 400);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "invalid_parameter");
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "q");
    if (strcmp(json_string_value(json_object_get(j, "detail")), detail) != 0)
        fail_msg("%s: detail '%s', want '%s'", query,
                 json_string_value(json_object_get(j, "detail")), detail);
    json_decref(j);
}

/* Whatever a person types is a safe query (outsider 8, M2): a time, a URL, FTS5's column
 * filter, caret, plus, braces and NEAR are words and separators, never an SQLite error
 * ("no such column") shown to the client. Punctuation alone is no words, the same 400 as
 * an empty or blank q; a q over 256 bytes is one 400 however long it is. */
static void any_text_is_a_safe_query(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "q=10:30",
        "q=https://example.com/a",
        "q=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1",
        "q=lao:cai",
        "q=title:Lao",
        "q=%5ELao",
        "q=Lao%20%2B%20Cai",
        "q=%7Btitle%7D%20Lao",
        "q=NEAR(Lao%20Cai)",
        "q=Lao%20NOT",
        "q=NOT%20Lao",
        "q=Lao)%20(Cai",
        "q=Lao*Cai",
        "q=*Lao",
        "q=Lao%22%22Cai",
        "q=a.b-c_d",
        "q=%E4%BC%9A%E8%B0%88%EF%BC%9A%E5%8F%8C%E6%96%B9", /* 会谈：双方 */
        "q=C%2B%2B%20%26%20C%23",
        "q=%F0%9F%98%80%20Lao", /* an emoji and a word */
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        bc_response res;
        int st = fx_request(S, "GET", "/v1/search", texts[i], &res);
        if (st != 200)
            fail_msg("%s: %d %.300s", texts[i], st, res.body.data);
        bc_response_free(&res);
    }
    json_t *j = search("q=Lao-Cai", 200);
    assert_true(hit(j, "province", "lao-cai", 1));
    json_decref(j);
    j = search("q=Lao:Cai", 200);
    assert_true(hit(j, "province", "lao-cai", 1));
    json_decref(j);
    /* no words: the same answer as an empty q */
    static const char *const none[] = {"q=",          "q=%20%20", "q=...",         "q=!!!",
                                       "q=%22%22",    "q=*",      "q=()",          "q=:/-",
                                       "q=%E3%80%82", "q=AND",    "q=%F0%9F%98%80"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        expect_q_problem(none[i], "parameter 'q' must not be empty: give at least one word "
                                  "(letters or digits) to search for");
    /* too long: one answer whatever the length */
    char q[8192];
    size_t lens[] = {257, 300, 1025, 2000, 4000};
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        memcpy(q, "q=", 2);
        memset(q + 2, 'a', lens[i]);
        q[2 + lens[i]] = '\0';
        expect_q_problem(q, "parameter 'q' is longer than 256 bytes");
    }
    /* percent-escapes count as the bytes they stand for: 86 characters of 3 bytes */
    q[0] = '\0';
    strcat(q, "q=");
    for (int i = 0; i < 86; i++)
        strcat(q, "%E4%BC%9A");
    expect_q_problem(q, "parameter 'q' is longer than 256 bytes");
    memset(q + 2, 'a', 256);
    q[258] = '\0';
    json_decref(search(q, 200));
}

/* Fullwidth Latin letters and digits are the ASCII ones (outsider 8, M2): "ＹＵＮＮＡＮ"
 * finds Yunnan, "Ｌａｏ　Ｃａｉ" (an ideographic space between) Lao Cai. */
static void fullwidth_letters_are_ascii(void **state)
{
    (void)state;
    json_t *j = search("q=%EF%BC%B9%EF%BC%B5%EF%BC%AE%EF%BC%AE%EF%BC%A1%EF%BC%AE", 200);
    assert_true(hit(j, "province", "yunnan", 1));
    json_decref(j);
    j = search("q=%EF%BC%AC%EF%BD%81%EF%BD%8F%E3%80%80%EF%BC%A3%EF%BD%81%EF%BD%89", 200);
    assert_true(hit(j, "province", "lao-cai", 1));
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

static const char *match_of(json_t *j)
{
    return json_string_value(json_object_get(json_object_get(j, "meta"), "match"));
}

/* Analyst 9, F6: the names the gazetteer knows for a place and those the store knows for
 * an entity are followed, a name of several words as a phrase: "Hà Khẩu" is Hekou and
 * 河口 (it was "Hà" AND "khẩu"*, and missed the railway bridge), 芒街 is Mong Cai (no hit
 * before), 谅山 is Lang Son (谅山省 is its alias), Kuangsi (a Polish exonym the store's
 * aliases lack) is Guangxi. */
static void names_of_places_and_entities(void **state)
{
    (void)state;
    json_t *j = search("q=H%C3%A0%20Kh%E1%BA%A9u&type=border_gate_project", 200);
    assert_true(hit(j, "border_gate_project", "lao-cai-hekou-railway-bridge", 3));
    assert_string_equal(match_of(j), "(\"Hekou\"* OR \"河口\" OR \"Hà Khẩu\")");
    json_decref(j);
    j = search("q=%E8%8A%92%E8%A1%97", 200); /* 芒街 */
    assert_true(hit(j, "border_gate_project", "mong-cai-dongxing-border-gate", 5));
    json_decref(j);
    j = search("q=%E8%B0%85%E5%B1%B1", 200); /* 谅山 */
    assert_true(hit(j, "province", "lang-son", 1));
    assert_non_null(strstr(match_of(j), "\"Lang Son\""));
    assert_non_null(strstr(match_of(j), "\"谅山\"")); /* the words as typed, always */
    json_decref(j);
    j = search("q=Kuangsi&type=province", 200);
    assert_true(hit(j, "province", "guangxi", 1));
    json_decref(j);
    /* inside a longer phrase, and inside a Chinese word */
    j = search("q=c%E1%BA%A7u%20H%C3%A0%20Kh%E1%BA%A9u", 200);
    assert_non_null(strstr(match_of(j), "\"河口\""));
    json_decref(j);
    j = search("q=%E8%8A%92%E8%A1%97%E5%8F%A3%E5%B2%B8", 200); /* 芒街口岸 */
    assert_non_null(strstr(match_of(j), "\"Mong Cai\""));
    json_decref(j);
}

/* However many names a query brings in, at most 48 (16 a group): its cost is bounded. */
static void names_brought_in_are_capped(void **state)
{
    (void)state;
    json_t *j = search("q=Yunnan%20Guangxi%20Lao%20Cai%20Lang%20Son%20Quang%20Ninh%20Cao%20Bang%20"
                       "Ha%20Giang%20Lai%20Chau%20Dien%20Bien%20Tuyen%20Quang%20Hekou%20Mong%20Cai",
                       200);
    size_t quotes = 0;
    for (const char *m = match_of(j); *m; m++)
        quotes += *m == '"';
    if (quotes / 2 > 48 + 14)
        fail_msg("%zu names: %s", quotes / 2, match_of(j));
    assert_true(quotes / 2 >= 40);
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
                            "(\"Junnan\"* OR \"Van Nam\" OR \"Vân Nam\" OR \"Yunnan\"* OR "
                            "\"yunnan\"* OR \"云南\" OR \"云南省\") AND \"bridge\"*");
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
        cmocka_unit_test(any_text_is_a_safe_query),
        cmocka_unit_test(fullwidth_letters_are_ascii),
        cmocka_unit_test(bad_parameters),
        cmocka_unit_test(project_names_and_side_names),
        cmocka_unit_test(names_of_places_and_entities),
        cmocka_unit_test(names_brought_in_are_capped),
        cmocka_unit_test(pages),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests_name("search", tests, fx_group_setup, fx_group_teardown);
}
