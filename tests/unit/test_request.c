/* test_request.c: what handlers do with a request first. bc_request_query: pairs for a
 * good query, a 400 problem naming what is wrong for a bad one, a 500 (never a 400
 * blaming the client) when memory runs out. The JSON body of a write: an object of known
 * members or a 400 naming the fault; its content types; its writer, or a 503. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/arena.h"
#include "bordercoop/request.h"

#include <string.h>

static bc_arena arena = BC_ARENA_INIT;
static bc_response res;

static int cleanup(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    bc_response_free(&res);
    bc_arena_free(&arena);
    return 0;
}

static int parse(const char *query, bc_qpair **pairs, size_t *n)
{
    bc_request req = {0};
    req.method = "GET";
    req.path = "/v1/figures";
    req.query = query;
    req.arena = &arena;
    bc_response_free(&res);
    bc_response_init(&res);
    return bc_request_query(&req, &res, pairs, n);
}

static void good_query_gives_decoded_pairs(void **state)
{
    (void)state;
    bc_qpair *pairs;
    size_t n;
    assert_int_equal(parse("province=L%C3%A0o%20Cai&limit=2", &pairs, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(pairs[0].key, "province");
    assert_string_equal(pairs[0].value, "Lào Cai");
    assert_string_equal(pairs[1].key, "limit");
    assert_string_equal(pairs[1].value, "2");
    assert_int_equal(parse("", &pairs, &n), 0);
    assert_int_equal(n, 0);
}

static void malformed_query_is_a_400_with_no_pairs(void **state)
{
    (void)state;
    const char *bad[] = {"a=1&%ZZ", "q=%", "x=%C3%28", "%00=1"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        bc_qpair *pairs = (bc_qpair *)&pairs; /* garbage the call must overwrite */
        size_t n = 99;
        if (parse(bad[i], &pairs, &n) != 400)
            fail_msg("'%s' was not a 400", bad[i]);
        assert_null(pairs);
        assert_int_equal(n, 0);
        assert_int_equal(res.status, 400);
        assert_string_equal(res.content_type, "application/problem+json");
        assert_non_null(strstr(res.body.data, "\"code\":\"malformed_query\""));
    }
}

static void out_of_memory_is_a_500(void **state)
{
    (void)state;
    bc_qpair *pairs;
    size_t n;
    bc_alloc_fail_after(0);
    int st = parse("province=yunnan", &pairs, &n);
    bc_alloc_fail_reset();
    assert_int_equal(st, 500);
    assert_int_equal(res.status, 500);
    assert_int_equal(n, 0);
    /* the problem body itself may not have fitted in no memory: the status is what counts */
    if (res.body.data != NULL)
        assert_non_null(strstr(res.body.data, "internal_error"));
}

/* bc_request_json_object on body b: the status, with res filled */
static int body(const char *b, json_t **out)
{
    static const char *const keys[] = {"text", "note", NULL};
    static const bc_json_body spec = {keys, "metadata is kept"};
    bc_request req = {0};
    req.method = "POST";
    req.path = "/v1/x";
    req.query = "";
    req.body = b;
    req.body_len = b ? strlen(b) : 0;
    req.arena = &arena;
    bc_response_free(&res);
    bc_response_init(&res);
    return bc_request_json_object(&req, &res, &spec, out);
}

static void json_body_is_an_object_of_known_members(void **state)
{
    (void)state;
    json_t *j;
    assert_int_equal(body("{\"text\":\"a\",\"note\":null}", &j), 0);
    assert_true(json_is_object(j));
    const char *text, *note = "x";
    assert_int_equal(bc_request_opt_string(j, "text", &text, &res), 0);
    assert_string_equal(text, "a");
    assert_int_equal(bc_request_opt_string(j, "note", &note, &res), 0);
    assert_null(note);
    assert_int_equal(bc_request_opt_string(j, "absent", &note, &res), 0);
    assert_null(note);
    json_decref(j);
    /* a member of another type names itself */
    assert_int_equal(body("{\"text\":3}", &j), 0);
    assert_int_equal(bc_request_opt_string(j, "text", &text, &res), 400);
    assert_null(text);
    assert_non_null(strstr(res.body.data, "'text' must be a string"));
    json_decref(j);
}

static void bad_json_body_is_a_400_naming_the_fault(void **state)
{
    (void)state;
    static const struct {
        const char *body, *says;
    } bad[] = {
        {NULL, "not valid JSON"},
        {"{\"text\":", "not valid JSON"},
        {"[1]", "must be a JSON object"},
        {"{\"text\":\"a\",\"text\":\"b\"}", "not valid JSON"}, /* duplicates */
        {"{\"text\":\"a\",\"lang\":\"en\"}",
         "unknown field 'lang'; allowed: text, note (metadata is kept)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        json_t *j = NULL;
        if (body(bad[i].body, &j) != 400)
            fail_msg("body %zu was not a 400", i);
        json_decref(j);
        assert_string_equal(res.content_type, "application/problem+json");
        if (strstr(res.body.data, bad[i].says) == NULL)
            fail_msg("body %zu: %s does not say %s", i, res.body.data, bad[i].says);
    }
}

static void content_types_and_the_writer(void **state)
{
    (void)state;
    bc_request req = {0};
    static const struct {
        const char *ct;
        int json, patch;
    } cases[] = {
        {"application/json", 1, 1},
        {"Application/JSON; charset=utf-8", 1, 1},
        {"application/json ;charset=utf-8", 1, 1},
        {"application/json; charset=\"UTF-8\"", 1, 1},
        {"application/json; charset=utf8; profile=x", 1, 1},
        {"application/json; profile=x", 1, 1},
        /* the body is read as UTF-8: another declared charset is a 415 */
        {"application/json; charset=iso-8859-1", 0, 0},
        {"application/json;charset=\"latin1\"", 0, 0},
        {"application/json; profile=x; CHARSET=utf-16", 0, 0},
        {"application/json; charset=", 0, 0},
        {"application/merge-patch+json; charset=windows-1252", 0, 0},
        {"application/merge-patch+json", 0, 1},
        {"application/jsonx", 0, 0},
        {"text/plain", 0, 0},
        {NULL, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        req.content_type = cases[i].ct;
        assert_int_equal(bc_request_is_json(&req, 0), cases[i].json);
        assert_int_equal(bc_request_is_json(&req, 1), cases[i].patch);
    }
    /* no live store: a 503 that says so, never a writer */
    bc_store *w = (bc_store *)&w;
    bc_response_free(&res);
    bc_response_init(&res);
    assert_int_equal(bc_request_writer(&req, &res, &w), 503);
    assert_null(w);
    assert_non_null(strstr(res.body.data, "no writable store"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(good_query_gives_decoded_pairs, cleanup),
        cmocka_unit_test_teardown(malformed_query_is_a_400_with_no_pairs, cleanup),
        cmocka_unit_test_teardown(out_of_memory_is_a_500, cleanup),
        cmocka_unit_test_teardown(json_body_is_an_object_of_known_members, cleanup),
        cmocka_unit_test_teardown(bad_json_body_is_a_400_naming_the_fault, cleanup),
        cmocka_unit_test_teardown(content_types_and_the_writer, cleanup),
    };
    return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
