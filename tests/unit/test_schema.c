/* test_schema.c: a store created from the build-time schema image holds exactly what the
 * migrations make: the same schema objects with the same SQL, the same rows in every
 * table (rowids included), the same version and file settings; and the image is never
 * copied over a store that has a schema. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/schema.h"
#include "bordercoop/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void tmp_db(char path[64])
{
    snprintf(path, 64, "/tmp/bc-schema-test-%d-XXXXXX", (int)getpid());
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
}

/* Appends every row sql gives, one line each (columns joined by '|'), to out. */
static void dump_rows(bc_store *s, const char *sql, bc_buf *out)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            bc_buf_printf(out, "%s%s", i ? "|" : "", v != NULL ? v : "<null>");
        }
        bc_buf_putc(out, '\n');
    }
    assert_int_equal(step, SQLITE_DONE);
    sqlite3_finalize(st);
}

/* The whole content of s as text: its settings, its schema (ordered by type and name),
 * then every row of every table, shadow tables and sqlite_sequence included (the
 * virtual tables' rows are their shadow tables'), each value quoted with its type. */
static char *dump_store(bc_store *s)
{
    bc_buf out = BC_BUF_INIT;
    dump_rows(s,
              "SELECT 'user_version', user_version FROM pragma_user_version UNION ALL "
              "SELECT 'page_size', page_size FROM pragma_page_size UNION ALL "
              "SELECT 'encoding', encoding FROM pragma_encoding UNION ALL "
              "SELECT 'auto_vacuum', auto_vacuum FROM pragma_auto_vacuum UNION ALL "
              "SELECT 'application_id', application_id FROM pragma_application_id",
              &out);
    dump_rows(s, "SELECT type, name, tbl_name, quote(sql) FROM sqlite_schema ORDER BY type, name",
              &out);
    sqlite3_stmt *tables = NULL;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s),
                                        "SELECT name, wr FROM pragma_table_list WHERE schema = "
                                        "'main' AND type IN ('table', 'shadow') ORDER BY name",
                                        -1, &tables, NULL),
                     SQLITE_OK);
    int n = 0;
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        int without_rowid = sqlite3_column_int(tables, 1);
        /* quote(c1) || '|' || quote(c2) ... over every column, rowid first when there is
         * one; the rows ordered by that text, so their storage order does not matter */
        bc_buf sql = BC_BUF_INIT;
        bc_buf_printf(&sql, "SELECT '%s: ' || %s", name, without_rowid ? "''" : "quote(_rowid_)");
        sqlite3_stmt *cols = NULL;
        assert_int_equal(sqlite3_prepare_v2(bc_store_db(s),
                                            "SELECT name FROM pragma_table_xinfo(?1) ORDER BY cid",
                                            -1, &cols, NULL),
                         SQLITE_OK);
        sqlite3_bind_text(cols, 1, name, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(cols) == SQLITE_ROW)
            bc_buf_printf(&sql, " || '|' || quote(\"%s\")", sqlite3_column_text(cols, 0));
        sqlite3_finalize(cols);
        bc_buf_printf(&sql, " FROM \"%s\" ORDER BY 1", name);
        assert_false(bc_buf_failed(&sql));
        dump_rows(s, sql.data, &out);
        bc_buf_free(&sql);
        n++;
    }
    sqlite3_finalize(tables);
    assert_true(n > 20); /* the dump saw the real schema */
    assert_false(bc_buf_failed(&out));
    return bc_buf_steal(&out, NULL);
}

static void image_is_this_binarys_schema_version(void **state)
{
    (void)state;
    assert_int_equal(bc_schema_image_version, bc_store_latest_version());
    assert_true(bc_schema_image_len > 0 && bc_schema_image_len % 4096 == 0);
    assert_true(bc_schema_image_zlen > 0 && bc_schema_image_zlen < bc_schema_image_len);
}

/* the proof that the image is the migrations' result: two files, one migrated step by
 * step, one created from the image, dumped and compared */
static void created_store_equals_migrated_store(void **state)
{
    (void)state;
    char migrated_path[64], created_path[64];
    tmp_db(migrated_path);
    tmp_db(created_path);
    bc_store *migrated = NULL, *created = NULL;
    bc_err err;
    int applied = -1;
    assert_int_equal(bc_store_open(migrated_path, BC_STORE_CREATE, &migrated, &err), 0);
    assert_int_equal(bc_store_migrate(migrated, NULL, &err), 0);
    assert_int_equal(bc_store_open(created_path, BC_STORE_CREATE, &created, &err), 0);
    assert_int_equal(bc_schema_create(created, &err), 0);

    char *a = dump_store(migrated), *b = dump_store(created);
    assert_non_null(strstr(b, "user_version|"));
    assert_non_null(strstr(b, "table|vocab|vocab|"));
    assert_non_null(strstr(b, "trigger|review_log_no_update|"));
    assert_string_equal(a, b);
    bc_free(a);
    bc_free(b);

    /* the copy is a sound database at the current version: nothing left to migrate,
     * foreign keys and constraints hold, and the connection sees the new schema */
    char ok[32];
    int found = 0;
    assert_int_equal(bc_store_lookup(created, "PRAGMA integrity_check", BC_NO_BINDS, ok, sizeof ok,
                                     &found, &err),
                     0);
    assert_string_equal(ok, "ok");
    assert_int_equal(
        bc_store_lookup(created, "PRAGMA foreign_key_check", BC_NO_BINDS, NULL, 0, &found, &err),
        0);
    assert_int_equal(found, 0);
    assert_int_equal(bc_store_migrate(created, &applied, &err), 0);
    assert_int_equal(applied, 0);
    assert_int_equal(bc_store_exec(created,
                                   "INSERT INTO people (id, name, country, province_id) "
                                   "VALUES ('x', 'X', 'VN', 'nowhere')",
                                   &err),
                     BC_ESTORE);
    assert_non_null(strstr(err.msg, "FOREIGN KEY"));
    bc_store_close(migrated);
    bc_store_close(created);
    unlink(migrated_path);
    unlink(created_path);
}

/* an in-memory store (the CLI's check and eval build one) gets the same */
static void in_memory_store_is_created_too(void **state)
{
    (void)state;
    bc_store *migrated = NULL, *created = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &migrated, &err), 0);
    assert_int_equal(bc_store_migrate(migrated, NULL, &err), 0);
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &created, &err), 0);
    assert_int_equal(bc_schema_create(created, &err), 0);
    char *a = dump_store(migrated), *b = dump_store(created);
    assert_string_equal(a, b);
    bc_free(a);
    bc_free(b);
    bc_store_close(migrated);
    bc_store_close(created);
}

static void store_with_a_schema_is_refused(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    char v[16];
    int found = 0;
    /* an object of its own: left as it was */
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_exec(s, "CREATE TABLE mine (x); INSERT INTO mine VALUES (7)", &err),
                     0);
    assert_int_equal(bc_schema_create(s, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "has a schema already"));
    assert_int_equal(bc_store_lookup(s, "SELECT count(*) FROM sqlite_schema", BC_NO_BINDS, v,
                                     sizeof v, &found, &err),
                     0);
    assert_string_equal(v, "1");
    bc_store_close(s);
    /* a version without objects, and a migrated store */
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_exec(s, "PRAGMA user_version = 3", &err), 0);
    assert_int_equal(bc_schema_create(s, &err), BC_EINVAL);
    bc_store_close(s);
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    assert_int_equal(bc_schema_create(s, &err), BC_EINVAL);
    bc_store_close(s);
}

/* every allocation failing in turn: an error each time (never a half-made schema
 * reported as made), and the store takes the schema once memory is back */
static void allocation_failures_are_reported(void **state)
{
    (void)state;
    int failures = 0;
    for (long n = 0;; n++) {
        bc_store *s = NULL;
        bc_err err;
        assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
        bc_alloc_fail_after(n);
        int rc = bc_schema_create(s, &err);
        bc_alloc_fail_reset();
        int version = -1;
        if (rc == BC_OK) {
            assert_int_equal(bc_store_version(s, &version, &err), 0);
            assert_int_equal(version, bc_store_latest_version());
            bc_store_close(s);
            break;
        }
        assert_true(rc == BC_ENOMEM || rc == BC_ESTORE);
        failures++;
        /* nothing was half copied: the schema is made now, or refused as already there
         * only when the failed copy had in fact completed */
        rc = bc_schema_create(s, &err);
        if (rc == BC_EINVAL) {
            assert_int_equal(bc_store_version(s, &version, &err), 0);
            assert_int_equal(version, bc_store_latest_version());
        } else {
            assert_int_equal(rc, 0);
        }
        bc_store_close(s);
    }
    assert_true(failures > 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(image_is_this_binarys_schema_version),
        cmocka_unit_test(created_store_equals_migrated_store),
        cmocka_unit_test(in_memory_store_is_created_too),
        cmocka_unit_test(store_with_a_schema_is_refused),
        cmocka_unit_test(allocation_failures_are_reported),
    };
    return cmocka_run_group_tests_name("schema", tests, NULL, NULL);
}
