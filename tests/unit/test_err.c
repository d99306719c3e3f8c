/* test_err.c: the error contract every module uses: bc_err_set fills code and a
 * formatted message and returns the code (also without a bc_err), long messages are
 * truncated and stay terminated, bc_err_clear, and the stable code names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/err.h"

#include <string.h>

/* The idiom the modules use: return bc_err_set(...) from a failing step. */
static int failing_step(const char *file, int line, bc_err *err)
{
    return bc_err_set(err, BC_EINVAL, "%s: line %d: %s", file, line, "expected a date");
}

static void set_fills_code_and_message(void **state)
{
    (void)state;
    bc_err err;
    memset(&err, 0x5a, sizeof err);
    assert_int_equal(failing_step("facts/meetings.json", 12, &err), BC_EINVAL);
    assert_int_equal(err.code, BC_EINVAL);
    assert_string_equal(err.msg, "facts/meetings.json: line 12: expected a date");
    /* a second failure replaces the first */
    assert_int_equal(bc_err_set(&err, BC_ENOTFOUND, "no meeting '%s'", "jwg-yunnan-99"),
                     BC_ENOTFOUND);
    assert_int_equal(err.code, BC_ENOTFOUND);
    assert_string_equal(err.msg, "no meeting 'jwg-yunnan-99'");
    /* an empty message is allowed */
    assert_int_equal(bc_err_set(&err, BC_EIO, "%s", ""), BC_EIO);
    assert_string_equal(err.msg, "");
}

static void set_without_err_still_returns_the_code(void **state)
{
    (void)state;
    assert_int_equal(bc_err_set(NULL, BC_ESTORE, "disk %s", "full"), BC_ESTORE);
    assert_int_equal(failing_step("x", 1, NULL), BC_EINVAL);
    assert_int_equal(bc_err_set(NULL, BC_OK, "fine"), BC_OK);
}

static void long_messages_are_truncated_and_terminated(void **state)
{
    (void)state;
    char big[3 * BC_ERR_MSG_MAX];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    bc_err err;
    memset(&err, 0, sizeof err);
    assert_int_equal(bc_err_set(&err, BC_ETOOBIG, "%s", big), BC_ETOOBIG);
    assert_int_equal(err.code, BC_ETOOBIG);
    assert_int_equal(strlen(err.msg), BC_ERR_MSG_MAX - 1);
    assert_int_equal(err.msg[BC_ERR_MSG_MAX - 1], '\0');
    /* the start is kept, so the reader sees what failed */
    assert_int_equal(bc_err_set(&err, BC_EINVAL, "file.json: %s", big), BC_EINVAL);
    assert_memory_equal(err.msg, "file.json: xxx", 14);
    assert_int_equal(strlen(err.msg), BC_ERR_MSG_MAX - 1);
    /* exactly at the limit */
    big[BC_ERR_MSG_MAX - 1] = '\0';
    assert_int_equal(bc_err_set(&err, BC_EINVAL, "%s", big), BC_EINVAL);
    assert_string_equal(err.msg, big);
}

static void clear_resets_and_accepts_null(void **state)
{
    (void)state;
    bc_err err;
    bc_err_set(&err, BC_ECONFLICT, "duplicate id '%s'", "lao-cai");
    bc_err_clear(&err);
    assert_int_equal(err.code, BC_OK);
    assert_string_equal(err.msg, "");
    bc_err_clear(NULL); /* a no-op, not a crash */
}

static void code_names_are_stable_and_distinct(void **state)
{
    (void)state;
    static const struct {
        int code;
        const char *name;
    } want[] = {
        {BC_OK, "ok"},
        {BC_EINVAL, "invalid"},
        {BC_ENOTFOUND, "not_found"},
        {BC_ENOMEM, "out_of_memory"},
        {BC_EIO, "io"},
        {BC_ESTORE, "store"},
        {BC_EVERSION, "version"},
        {BC_ECONFLICT, "conflict"},
        {BC_ETOOBIG, "too_big"},
        {BC_EBUSY, "busy"},
    };
    size_t n = sizeof want / sizeof want[0];
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(bc_code_name(want[i].code), want[i].name);
        for (size_t k = 0; k < i; k++) {
            assert_int_not_equal(want[i].code, want[k].code);
            assert_string_not_equal(bc_code_name(want[i].code), bc_code_name(want[k].code));
        }
    }
    /* codes outside the enum */
    assert_string_equal(bc_code_name(-1), "unknown");
    assert_string_equal(bc_code_name(BC_EBUSY + 1), "unknown");
    assert_string_equal(bc_code_name(1 << 30), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_fills_code_and_message),
        cmocka_unit_test(set_without_err_still_returns_the_code),
        cmocka_unit_test(long_messages_are_truncated_and_terminated),
        cmocka_unit_test(clear_resets_and_accepts_null),
        cmocka_unit_test(code_names_are_stable_and_distinct),
    };
    return cmocka_run_group_tests_name("err", tests, NULL, NULL);
}
