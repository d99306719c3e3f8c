/* test_search_index.c: writing the full-text index: every entity once after a load, one
 * entity re-indexed on its own, an article's paragraphs without page furniture, an
 * unknown source refused, and a store without the index an error, not a crash. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/search_index.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

static void every_entity_is_indexed_once(void **state)
{
    (void)state;
    long entities = fx_count(S, "SELECT (SELECT count(*) FROM meetings) + (SELECT count(*) "
                                "FROM figures) + (SELECT count(*) FROM projects) + (SELECT "
                                "count(*) FROM protocols) + (SELECT count(*) FROM people) + "
                                "(SELECT count(*) FROM provinces) + (SELECT count(*) FROM "
                                "mechanisms)");
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE kind <> 'source'"),
                     entities);
    assert_int_equal(fx_count(S, "SELECT count(DISTINCT kind || ref_id) FROM search_index "
                                 "WHERE kind <> 'source'"),
                     entities);
}

static void one_entity_again(void **state)
{
    (void)state;
    bc_err err;
    long before = fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'meeting' AND "
                              "ref_id = 'jwg-yunnan-11'");
    assert_int_equal(before, 1);
    assert_int_equal(bc_store_exec(S, "SAVEPOINT t", &err), 0);
    assert_int_equal(bc_search_index_entity(S, "meeting", "jwg-yunnan-11", &err), 0);
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'meeting' AND "
                                 "ref_id = 'jwg-yunnan-11'"),
                     2);
    /* an id that is not there adds nothing */
    assert_int_equal(bc_search_index_entity(S, "meeting", "no-such-meeting", &err), 0);
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE ref_id = "
                                 "'no-such-meeting'"),
                     0);
    assert_int_equal(bc_store_exec(S, "ROLLBACK TO t; RELEASE t", &err), 0);
}

static void paragraphs_of_an_article(void **state)
{
    (void)state;
    /* every paragraph of 40 bytes or more, no image lines, no lines with links */
    assert_true(fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'source'") > 20);
    assert_int_equal(
        fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'source' AND "
                    "(length(CAST(body AS BLOB)) < 40 OR body LIKE '![%' OR body LIKE '%://%')"),
        0);
    bc_err err;
    assert_int_equal(bc_search_index_source(S, "no-such-source", &err), BC_ENOTFOUND);
    assert_non_null(strstr(err.msg, "no-such-source"));
}

static void a_store_without_the_index_is_an_error(void **state)
{
    (void)state;
    bc_store *raw = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &raw, &err), 0);
    assert_int_equal(bc_search_index_entity(raw, NULL, NULL, &err), BC_ESTORE);
    assert_int_equal(bc_search_index_source(raw, "x", &err), BC_ESTORE);
    bc_store_close(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_entity_is_indexed_once),
        cmocka_unit_test(one_entity_again),
        cmocka_unit_test(paragraphs_of_an_article),
        cmocka_unit_test(a_store_without_the_index_is_an_error),
    };
    return cmocka_run_group_tests_name("search_index", tests, fx_group_setup, fx_group_teardown);
}
