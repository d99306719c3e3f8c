/* test_inferred.c: the vocabulary of inferred field paths per kind of fact, and the
 * JSON it stores. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/inferred.h"

#include <string.h>

static void every_kind_has_fields(void **state)
{
    (void)state;
    for (int k = 0; k < BC_FACT_KIND_COUNT; k++) {
        const char *const *f = bc_inferred_fields((bc_fact_kind)k);
        assert_non_null(f[0]);
        assert_string_not_equal(bc_fact_kind_name((bc_fact_kind)k), "fact");
        for (; *f != NULL; f++)
            assert_true(bc_inferred_known((bc_fact_kind)k, *f));
    }
    assert_string_equal(bc_fact_kind_name(BC_FACT_KIND_COUNT), "fact");
    assert_null(bc_inferred_fields(BC_FACT_KIND_COUNT)[0]);
}

static void paths_belong_to_their_kind(void **state)
{
    (void)state;
    assert_true(bc_inferred_known(BC_FACT_MEETING, "date.year"));
    assert_true(bc_inferred_known(BC_FACT_FIGURE, "period.start"));
    assert_true(bc_inferred_known(BC_FACT_PROJECT, "status"));
    assert_true(bc_inferred_known(BC_FACT_PROTOCOL, "signed_on"));
    assert_false(bc_inferred_known(BC_FACT_FIGURE, "date.year"));
    assert_false(bc_inferred_known(BC_FACT_MEETING, "period"));
    assert_false(bc_inferred_known(BC_FACT_MEETING, "date."));
    assert_false(bc_inferred_known(BC_FACT_MEETING, ""));
    assert_false(bc_inferred_known(BC_FACT_MEETING, NULL));
}

static void json_from_paths(void **state)
{
    (void)state;
    bc_buf out = BC_BUF_INIT;
    bc_err err;
    const char *ok[] = {"date.year", "provinces"};
    assert_int_equal(bc_inferred_json(BC_FACT_MEETING, ok, 2, &out, &err), 0);
    assert_string_equal(out.data, "[\"date.year\",\"provinces\"]");
    bc_buf_reset(&out);
    assert_int_equal(bc_inferred_json(BC_FACT_MEETING, NULL, 0, &out, &err), 0);
    assert_string_equal(out.data, "[]");
    bc_buf_reset(&out);
    const char *twice[] = {"status", "status"};
    assert_int_equal(bc_inferred_json(BC_FACT_PROJECT, twice, 2, &out, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "'status' is listed twice"));
    const char *bad[] = {"colour"};
    assert_int_equal(bc_inferred_json(BC_FACT_PROJECT, bad, 1, &out, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "'colour' is not a field of a border gate project"));
    assert_non_null(strstr(err.msg, "vn_side"));
    assert_int_equal(bc_inferred_json(BC_FACT_REPORTED_EVENT, bad, 1, &out, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "'colour' is not a field of an event"));
    bc_buf_free(&out);
}

static void json_from_a_fact_file(void **state)
{
    (void)state;
    bc_buf out = BC_BUF_INIT;
    bc_err err;
    assert_int_equal(bc_inferred_from_json(BC_FACT_FIGURE, NULL, &out, &err), 0);
    assert_string_equal(out.data, "[]");
    bc_buf_reset(&out);
    json_t *null = json_null();
    assert_int_equal(bc_inferred_from_json(BC_FACT_FIGURE, null, &out, &err), 0);
    assert_string_equal(out.data, "[]");
    bc_buf_reset(&out);
    json_t *v = json_pack("[ss]", "period", "parties");
    assert_int_equal(bc_inferred_from_json(BC_FACT_FIGURE, v, &out, &err), 0);
    assert_string_equal(out.data, "[\"period\",\"parties\"]");
    json_decref(v);
    v = json_pack("{s:s}", "period", "x");
    assert_int_equal(bc_inferred_from_json(BC_FACT_FIGURE, v, &out, &err), BC_EINVAL);
    assert_string_equal(err.msg, "inferred: must be an array of field paths");
    json_decref(v);
    v = json_pack("[sb]", "period", 1);
    assert_int_equal(bc_inferred_from_json(BC_FACT_FIGURE, v, &out, &err), BC_EINVAL);
    assert_string_equal(err.msg, "inferred[1]: must be a string (a field path)");
    json_decref(v);
    v = json_array();
    for (int i = 0; i < 40; i++)
        json_array_append_new(v, json_string("value"));
    assert_int_equal(bc_inferred_from_json(BC_FACT_FIGURE, v, &out, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "more than"));
    json_decref(v);
    bc_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_has_fields),
        cmocka_unit_test(paths_belong_to_their_kind),
        cmocka_unit_test(json_from_paths),
        cmocka_unit_test(json_from_a_fact_file),
    };
    return cmocka_run_group_tests_name("inferred", tests, NULL, NULL);
}
