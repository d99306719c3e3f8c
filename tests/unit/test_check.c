/* test_check.c: the integrity report finds tampered quotes, unsourced facts and
 * dangling references, and is clean on the real data. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/check.h"

#include "fixture.h"

static int report(bc_store *s, bc_buf *out)
{
    int problems = -1;
    bc_err err;
    bc_buf_reset(out);
    assert_int_equal(bc_check_report(s, out, &problems, &err), 0);
    return problems;
}

static void clean_on_real_data(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    assert_int_equal(report(s, &out), 0);
    assert_non_null(strstr(out.data, " 0 unverifiable"));
    assert_non_null(strstr(out.data, "yunnan-four-provinces-delegations-548"));
    assert_non_null(strstr(out.data, "dangling references: 0"));
    assert_non_null(strstr(out.data, "laichau-jwg-11-sv"));
    bc_buf_free(&out);
    bc_store_close(s);
}

static void finds_tampering(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    bc_err err;
    /* a quote whose offsets no longer point at its words */
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE citations SET quote_start = quote_start + 1, "
                                   "quote_end = quote_end + 1 WHERE id = 1",
                                   &err),
                     0);
    assert_int_equal(report(s, &out), 1);
    assert_non_null(strstr(out.data, "1 unverifiable"));
    /* a fact with no source */
    assert_int_equal(bc_store_exec(s,
                                   "INSERT INTO meetings (id, mechanism_id, title, status) "
                                   "VALUES ('ghost', 'jwg-yunnan', 'Ghost', 'held')",
                                   &err),
                     0);
    assert_int_equal(report(s, &out), 2);
    assert_non_null(strstr(out.data, "1 without a source"));
    /* a dangling reference (foreign keys off to plant it) */
    assert_int_equal(bc_store_exec(s,
                                   "PRAGMA foreign_keys = OFF; UPDATE people SET province_id "
                                   "= 'atlantis' WHERE id = 'liu-yong'; PRAGMA foreign_keys = ON",
                                   &err),
                     0);
    assert_int_equal(report(s, &out), 3);
    assert_non_null(strstr(out.data, "dangling reference: people"));
    bc_buf_free(&out);
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_on_real_data),
        cmocka_unit_test(finds_tampering),
    };
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
