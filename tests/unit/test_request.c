/* test_request.c: bc_request_query, the first thing handlers do with a request: pairs
 * for a good query, a 400 problem naming what is wrong for a bad one, a 500 (never a
 * 400 blaming the client) when memory runs out. */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(good_query_gives_decoded_pairs, cleanup),
        cmocka_unit_test_teardown(malformed_query_is_a_400_with_no_pairs, cleanup),
        cmocka_unit_test_teardown(out_of_memory_is_a_500, cleanup),
    };
    return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
