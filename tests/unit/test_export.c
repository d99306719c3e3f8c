/* test_export.c: the bulk export is one line per document in a stable order, the same
 * bytes on every run, with a summary (counts, size, SHA-256) that matches the body,
 * and a failing sink stops it with BC_EIO. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/buf.h"
#include "bordercoop/changes.h"
#include "bordercoop/export.h"
#include "bordercoop/sha256.h"

#include "fixture.h"

static int to_buf(void *ctx, const char *data, size_t n)
{
    bc_buf_append((bc_buf *)ctx, data, n);
    return 0;
}

static int fail_third(void *ctx, const char *data, size_t n)
{
    (void)data;
    (void)n;
    return ++*(int *)ctx >= 3;
}

static void lines_are_documents_in_order(void **state)
{
    (void)state;
    bc_store *s = fx_group_store();
    bc_buf a = BC_BUF_INIT, b = BC_BUF_INIT;
    bc_export_summary sa, sb;
    bc_err err;
    assert_int_equal(bc_export_write(s, to_buf, &a, &sa, &err), 0);
    assert_int_equal(bc_export_write(s, to_buf, &b, &sb, &err), 0);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    assert_int_equal(sa.bytes, a.len);
    char hex[65];
    bc_sha256_hex(a.data, a.len, hex);
    assert_string_equal(hex, sa.sha256);

    long long sum = 0;
    for (int i = 0; bc_doc_kinds[i].type != NULL; i++)
        sum += sa.counts[i];
    assert_int_equal(sum, sa.total);

    /* every line: {"type", "id", "item"} with item.id == id; kinds in bc_doc_kinds
     * order and ids ascending within a kind */
    int kind = 0;
    char prev_id[256] = "";
    long long lines = 0;
    for (char *line = a.data; line < a.data + a.len;) {
        char *nl = memchr(line, '\n', (size_t)(a.data + a.len - line));
        assert_non_null(nl);
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)(nl - line), 0, &je);
        if (o == NULL)
            fail_msg("line %lld: %s", lines + 1, je.text);
        assert_int_equal(json_object_size(o), 3);
        const char *type = json_string_value(json_object_get(o, "type"));
        const char *id = json_string_value(json_object_get(o, "id"));
        json_t *item = json_object_get(o, "item");
        assert_string_equal(json_string_value(json_object_get(item, "id")), id);
        if (strcmp(type, "source") != 0)
            assert_non_null(json_object_get(item, "sources"));
        while (strcmp(bc_doc_kinds[kind].type, type) != 0) {
            kind++;
            prev_id[0] = '\0';
            assert_non_null(bc_doc_kinds[kind].type);
        }
        assert_true(strcmp(prev_id, id) < 0);
        snprintf(prev_id, sizeof prev_id, "%s", id);
        json_decref(o);
        lines++;
        line = nl + 1;
    }
    assert_int_equal(lines, sa.total);
    assert_true(sa.content_version[0] != '\0' && sa.built_at[0] != '\0');
    assert_int_equal(sa.schema_version, bc_store_latest_version());
    bc_buf_free(&a);
    bc_buf_free(&b);
}

static void summary_without_a_sink(void **state)
{
    (void)state;
    bc_export_summary with, without;
    bc_buf a = BC_BUF_INIT;
    bc_err err;
    assert_int_equal(bc_export_write(fx_group_store(), to_buf, &a, &with, &err), 0);
    assert_int_equal(bc_export_write(fx_group_store(), NULL, NULL, &without, &err), 0);
    assert_string_equal(with.sha256, without.sha256);
    assert_int_equal(with.bytes, without.bytes);
    bc_buf_free(&a);
}

static void a_failing_sink_stops_the_export(void **state)
{
    (void)state;
    int calls = 0;
    bc_export_summary sum;
    bc_err err;
    assert_int_equal(bc_export_write(fx_group_store(), fail_third, &calls, &sum, &err), BC_EIO);
    assert_int_equal(calls, 3);
    /* the store is usable afterwards: no transaction was left open */
    assert_int_equal(sqlite3_get_autocommit(bc_store_db(fx_group_store())), 1);
}

static void index_describes_the_export(void **state)
{
    (void)state;
    bc_export_summary sum;
    bc_err err;
    assert_int_equal(bc_export_write(fx_group_store(), NULL, NULL, &sum, &err), 0);
    bc_buf b = BC_BUF_INIT;
    bc_export_index_json(&sum, &b);
    json_t *o = json_loads(b.data, 0, NULL);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "sha256")), sum.sha256);
    assert_int_equal(json_integer_value(json_object_get(o, "bytes")), (json_int_t)sum.bytes);
    assert_int_equal(json_integer_value(json_object_get(o, "total")), sum.total);
    json_t *counts = json_object_get(o, "counts");
    assert_int_equal(json_integer_value(json_object_get(counts, "border_gate_project")),
                     sum.counts[7]);
    assert_true(json_is_null(json_object_get(o, "modified_at")));
    assert_string_equal(json_string_value(json_object_get(o, "url")), "/v1/export.ndjson");
    json_decref(o);
    bc_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_are_documents_in_order),
        cmocka_unit_test(summary_without_a_sink),
        cmocka_unit_test(a_failing_sink_stops_the_export),
        cmocka_unit_test(index_describes_the_export),
    };
    return cmocka_run_group_tests(tests, fx_group_setup, fx_group_teardown);
}
