/* test_store.c: opening, migrations and their version checks, the statement cache and
 * the connection pool. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/embed.h"
#include "bordercoop/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>

static void tmp_db(char path[64])
{
    snprintf(path, 64, "/tmp/bc-store-test-%d-XXXXXX", (int)getpid());
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
}

/* A new store at a fresh temp path (written into path), created and migrated. */
static bc_store *migrated_tmp_db(char path[64])
{
    tmp_db(path);
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(path, BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    return s;
}

static void migrations_are_numbered_in_order(void **state)
{
    (void)state;
    assert_true(bc_migrations_count >= 2);
    for (size_t i = 0; i < bc_migrations_count; i++) {
        assert_int_equal(atoi(bc_migrations[i].name), (int)i + 1);
        assert_non_null(strstr(bc_migrations[i].name, ".sql"));
    }
    assert_int_equal(bc_store_latest_version(), (int)bc_migrations_count);
}

static void migrate_creates_schema_once(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    int applied = -1, version = -1;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, &applied, &err), 0);
    assert_int_equal(applied, bc_store_latest_version());
    assert_int_equal(bc_store_version(s, &version, &err), 0);
    assert_int_equal(version, bc_store_latest_version());
    assert_int_equal(bc_store_migrate(s, &applied, &err), 0);
    assert_int_equal(applied, 0);
    /* foreign keys are enforced */
    assert_int_equal(bc_store_exec(s,
                                   "INSERT INTO people (id, name, country, province_id) "
                                   "VALUES ('x', 'X', 'VN', 'nowhere')",
                                   &err),
                     BC_ESTORE);
    assert_non_null(strstr(err.msg, "FOREIGN KEY"));
    bc_store_close(s);
}

static void newer_store_is_refused(void **state)
{
    (void)state;
    char path[64];
    bc_store *s = migrated_tmp_db(path);
    bc_err err;
    assert_int_equal(bc_store_exec(s, "PRAGMA user_version = 999", &err), 0);
    /* migrate refuses to touch it */
    assert_int_equal(bc_store_migrate(s, NULL, &err), BC_EVERSION);
    assert_non_null(strstr(err.msg, "newer than this binary"));
    bc_store_close(s);
    /* the daemon's read-only open refuses it too */
    assert_int_equal(bc_store_open(path, BC_STORE_READONLY, &s, &err), BC_EVERSION);
    assert_non_null(strstr(err.msg, "version 999, newer than this binary"));
    assert_null(s);
    unlink(path);
}

static void unmigrated_store_is_refused_read_only(void **state)
{
    (void)state;
    char path[64];
    tmp_db(path);
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(path, BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_exec(s, "CREATE TABLE t (x)", &err), 0);
    bc_store_close(s);
    assert_int_equal(bc_store_open(path, BC_STORE_READONLY, &s, &err), BC_EVERSION);
    assert_non_null(strstr(err.msg, "bordercoop load"));
    unlink(path);
}

static void missing_file_is_not_found(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open("/nonexistent/dir/x.db", BC_STORE_READONLY, &s, &err),
                     BC_ENOTFOUND);
    /* it says how to make one */
    assert_non_null(strstr(err.msg, "no store at /nonexistent/dir/x.db"));
    assert_non_null(strstr(err.msg, "bordercoop load --db /nonexistent/dir/x.db"));
}

static void statements_are_cached_by_text(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    sqlite3_stmt *a, *b, *c;
    char sql[32];
    strcpy(sql, "SELECT 1");
    assert_int_equal(bc_store_stmt(s, sql, &a, &err), 0);
    assert_int_equal(sqlite3_step(a), SQLITE_ROW); /* left un-reset on purpose */
    strcpy(sql, "SELECT 1");                       /* same text, other buffer */
    assert_int_equal(bc_store_stmt(s, sql, &b, &err), 0);
    assert_ptr_equal(a, b);
    assert_int_equal(sqlite3_step(b), SQLITE_ROW); /* handed back reset */
    assert_int_equal(bc_store_stmt(s, "SELECT 2", &c, &err), 0);
    assert_ptr_not_equal(a, c);
    sqlite3_reset(b);
    assert_int_equal(bc_store_stmt(s, "SELEC nonsense", &c, &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "preparing a statement"));
    bc_store_close(s);
}

/* bc_store_row: every row, then 0; a step that fails sets rc and names what was done; a
 * failure of the loop's body ends the loop without stepping again */
static void rows_are_walked_until_done_or_failed(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    sqlite3_stmt *st;
    assert_int_equal(bc_store_stmt(s, "SELECT value FROM json_each('[1,2,3]')", &st, &err), 0);
    int rc = BC_OK, rows = 0;
    while (bc_store_row(s, st, &rc, &err, "counting"))
        rows++;
    assert_int_equal(rc, BC_OK);
    assert_int_equal(rows, 3);
    sqlite3_reset(st);
    rows = 0;
    while (bc_store_row(s, st, &rc, &err, "counting"))
        if (++rows == 2)
            rc = BC_EINVAL; /* the body failed on the second row */
    assert_int_equal(rc, BC_EINVAL);
    assert_int_equal(rows, 2);
    sqlite3_reset(st);
    rc = BC_OK;
    assert_int_equal(bc_store_stmt(s, "SELECT json('{not json')", &st, &err), 0);
    assert_int_equal(bc_store_row(s, st, &rc, &err, "reading the broken"), 0);
    assert_int_equal(rc, BC_ESTORE);
    assert_non_null(strstr(err.msg, "reading the broken: "));
    sqlite3_reset(st);
    bc_store_close(s);
}

/* Rows are collected as NUL-ended texts (a NULL column as an empty one) after what the
 * buffer held; a step that fails names what was being done and leaves the statement reset
 * for its next use; a buffer that cannot grow is an out-of-memory error, not a short list. */
static void texts_are_collected_or_the_failure_named(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    sqlite3_stmt *st;
    const char *sql = "SELECT value ->> 0, value ->> 1 FROM json_each(?1)";
    assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    assert_int_equal(
        bc_store_bind(st, BC_BINDS(bc_text("[[\"meeting\",\"m1\"],[\"figure\",null]]")), &err), 0);
    bc_buf buf = BC_BUF_INIT;
    bc_buf_append(&buf, "x", 2);
    size_t n = 1;
    assert_int_equal(bc_store_collect_text(s, st, 2, &buf, &n, "reading pairs", &err), 0);
    assert_int_equal(n, 3);
    assert_int_equal(buf.len, 2 + 8 + 3 + 7 + 1);
    assert_memory_equal(buf.data, "x\0meeting\0m1\0figure\0\0", buf.len);
    /* the statement was reset: it runs again from its first row */
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    sqlite3_reset(st);
    bc_buf_free(&buf);

    /* a failed step: the store's message after what was being done, nothing counted */
    assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    assert_int_equal(bc_store_bind(st, BC_BINDS(bc_text("[\"a\", not json")), &err), 0);
    n = 0;
    assert_int_equal(bc_store_collect_text(s, st, 2, &buf, &n, "reading pairs", &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "reading pairs: "));
    assert_int_equal(n, 0);
    bc_buf_free(&buf);
    assert_int_equal(bc_store_bind(st, BC_BINDS(bc_text("[[\"a\",\"b\"]]")), &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW); /* reset: usable again */
    sqlite3_reset(st);

    /* every allocation failing in turn (the buffer's or SQLite's): each run either reads
     * both rows or is an out-of-memory error naming what it was doing, never a short list;
     * the buffer's own failure is among them */
    int buffer_failed = 0;
    for (long k = 0;; k++) {
        assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
        assert_int_equal(
            bc_store_bind(st, BC_BINDS(bc_text("[[\"a\",\"b\"],[\"c\",\"d\"]]")), &err), 0);
        n = 0;
        bc_alloc_fail_once(k);
        int rc = bc_store_collect_text(s, st, 2, &buf, &n, "reading pairs", &err);
        long made = bc_alloc_count();
        bc_alloc_fail_reset();
        if (rc == BC_OK) {
            assert_int_equal(n, 2);
            assert_memory_equal(buf.data, "a\0b\0c\0d\0", 8);
        } else {
            assert_int_equal(rc, BC_ENOMEM);
            assert_non_null(strstr(err.msg, "reading pairs"));
            buffer_failed += strcmp(err.msg, "out of memory reading pairs") == 0;
        }
        bc_buf_free(&buf);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW); /* reset either way */
        sqlite3_reset(st);
        if (made <= k)
            break;
    }
    assert_true(buffer_failed > 0);
    bc_store_close(s);
}

/* The cache grows past its first 256 slots instead of refusing a statement (a long-lived
 * daemon's writer once failed every write with "statement cache full"); a statement held
 * across the growth stays valid and is the one handed back for its text; a failed growth
 * is an out-of-memory error that leaves the cache usable. */
static void statement_cache_grows_and_keeps_its_statements(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    sqlite3_stmt *held, *st, *first[1000];
    assert_int_equal(bc_store_stmt(s, "SELECT value FROM json_each('[1,2]')", &held, &err), 0);
    assert_int_equal(sqlite3_step(held), SQLITE_ROW); /* mid-walk while the table grows */
    char sql[64];
    for (int i = 0; i < 1000; i++) {
        snprintf(sql, sizeof sql, "SELECT %d", i);
        assert_int_equal(bc_store_stmt(s, sql, &first[i], &err), 0);
    }
    assert_int_equal(sqlite3_step(held), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(held, 0), 2);
    sqlite3_reset(held);
    for (int i = 0; i < 1000; i += 97) {
        snprintf(sql, sizeof sql, "SELECT %d", i);
        assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
        assert_ptr_equal(st, first[i]);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(st, 0), i);
        sqlite3_reset(st);
    }
    /* 1 + 1535 statements fill the table to 3/4 of 2048: the next one must grow it, and
     * under a failing allocator that is an out-of-memory error that loses nothing */
    for (int i = 1000; i < 1535; i++) {
        snprintf(sql, sizeof sql, "SELECT %d", i);
        assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    }
    bc_alloc_fail_after(0);
    assert_int_equal(bc_store_stmt(s, "SELECT 1535", &st, &err), BC_ENOMEM);
    bc_alloc_fail_reset();
    assert_non_null(strstr(err.msg, "growing the statement cache"));
    assert_int_equal(bc_store_stmt(s, "SELECT 0", &st, &err), 0);
    assert_ptr_equal(st, first[0]);
    assert_int_equal(bc_store_stmt(s, "SELECT 1535", &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1535);
    sqlite3_reset(st);
    bc_store_close(s);
}

static void statement_cache_survives_allocation_failure(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    sqlite3_stmt *st;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    bc_alloc_fail_after(0);
    assert_int_equal(bc_store_stmt(s, "SELECT 42", &st, &err), BC_ENOMEM);
    bc_alloc_fail_reset();
    assert_int_equal(bc_store_stmt(s, "SELECT 42", &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 42);
    sqlite3_reset(st);
    bc_store_close(s);
}

static void meta_get(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    char *v = (char *)1;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    assert_int_equal(bc_store_meta_get(s, "content_version", &v, &err), 0);
    assert_null(v);
    assert_int_equal(bc_store_exec(s, "INSERT INTO store_meta VALUES ('k', 'v')", &err), 0);
    assert_int_equal(bc_store_meta_get(s, "k", &v, &err), 0);
    assert_string_equal(v, "v");
    bc_free(v);
    bc_store_close(s);
    bc_store_close(NULL);
}

static void meta_set_replaces_and_names_the_key_on_failure(void **state)
{
    (void)state;
    bc_store *s = NULL;
    bc_err err;
    char *v = NULL;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    /* before the migrations there is no store_meta: the failure names key and cause */
    assert_int_equal(bc_store_meta_set(s, "content_version", "abc", &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "setting store metadata 'content_version'"));
    assert_non_null(strstr(err.msg, "store_meta"));
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    assert_int_equal(bc_store_meta_set(s, "content_version", "abc", &err), 0);
    assert_int_equal(bc_store_meta_set(s, "content_version", "def", &err), 0);
    assert_int_equal(bc_store_meta_get(s, "content_version", &v, &err), 0);
    assert_string_equal(v, "def");
    bc_free(v);
    /* a value is required: NULL breaks the column's NOT NULL and changes nothing */
    assert_int_equal(bc_store_meta_set(s, "content_version", NULL, &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "NOT NULL"));
    /* inside a rolled-back transaction nothing stays */
    assert_int_equal(bc_store_begin(s, &err), 0);
    assert_int_equal(bc_store_meta_set(s, "content_version", "ghi", &err), 0);
    bc_store_rollback(s);
    assert_int_equal(bc_store_meta_get(s, "content_version", &v, &err), 0);
    assert_string_equal(v, "def");
    bc_free(v);
    bc_store_close(s);
}

static void meta_set_on_a_read_only_store_fails(void **state)
{
    (void)state;
    char path[64];
    bc_store *s = migrated_tmp_db(path);
    bc_err err;
    bc_store_close(s);
    assert_int_equal(bc_store_open(path, BC_STORE_READONLY, &s, &err), 0);
    assert_int_not_equal(bc_store_meta_set(s, "content_version", "x", &err), 0);
    assert_non_null(strstr(err.msg, "setting store metadata 'content_version'"));
    bc_store_close(s);
    unlink(path);
}

static void pool_hands_out_distinct_connections(void **state)
{
    (void)state;
    char path[64];
    bc_store *s = migrated_tmp_db(path);
    bc_err err;
    bc_store_close(s);
    bc_store_pool *p = NULL;
    assert_int_equal(bc_store_pool_open(path, 2, &p, &err), 0);
    bc_store *a = bc_store_pool_acquire(p), *b = bc_store_pool_acquire(p);
    assert_ptr_not_equal(a, b);
    bc_store_pool_release(p, a);
    bc_store *c = bc_store_pool_acquire(p);
    assert_ptr_equal(a, c);
    bc_store_pool_release(p, b);
    bc_store_pool_release(p, c);
    bc_store_pool_close(p);
    /* a pool on a missing store fails cleanly */
    assert_int_not_equal(bc_store_pool_open("/nonexistent/x.db", 2, &p, &err), 0);
    unlink(path);
}

static int schema_bytes(bc_store *s)
{
    int used = -1, high = 0;
    assert_int_equal(
        sqlite3_db_status(bc_store_db(s), SQLITE_DBSTATUS_SCHEMA_USED, &used, &high, 0), SQLITE_OK);
    return used;
}

/* A reader holds the parsed schema (600 KB, most of it the views) only once it is used:
 * opening one checks the version and the media but reads no schema, so a pool's spare
 * connections cost next to nothing; and the pool lends the connection released last,
 * so one-at-a-time work stays on one connection. */
static void readers_read_the_schema_when_first_used(void **state)
{
    (void)state;
    char path[64];
    bc_store *s = migrated_tmp_db(path);
    bc_err err;
    bc_store_close(s);
    bc_store_pool *p = NULL;
    assert_int_equal(bc_store_pool_open(path, 3, &p, &err), 0);
    bc_store *a = bc_store_pool_acquire(p);
    assert_int_equal(schema_bytes(a), 0);
    char n[16];
    int found = 0;
    assert_int_equal(
        bc_store_lookup(a, "SELECT count(*) FROM vocab", BC_NO_BINDS, n, sizeof n, &found, &err),
        0);
    assert_true(atoi(n) > 0);
    assert_true(schema_bytes(a) > 100000);
    bc_store_pool_release(p, a);
    for (int i = 0; i < 3; i++) {
        bc_store *again = bc_store_pool_acquire(p);
        assert_ptr_equal(again, a);
        bc_store_pool_release(p, again);
    }
    /* the others were never used: no schema */
    bc_store *x = bc_store_pool_acquire(p), *y = bc_store_pool_acquire(p),
             *z = bc_store_pool_acquire(p);
    assert_ptr_equal(x, a);
    assert_int_equal(schema_bytes(y), 0);
    assert_int_equal(schema_bytes(z), 0);
    bc_store_pool_release(p, x);
    bc_store_pool_release(p, y);
    bc_store_pool_release(p, z);
    bc_store_pool_close(p);
    /* a store of the wrong version is still refused at open, without the schema */
    assert_int_equal(bc_store_open(path, BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_exec(s, "PRAGMA user_version = 1", &err), 0);
    bc_store_close(s);
    assert_int_equal(bc_store_pool_open(path, 2, &p, &err), BC_EVERSION);
    unlink(path);
}

/* In a child with its own mount namespace, path's directory bind-mounted read-only:
 * 0 when a query-only open serves reads (immutably), 1 when it does not, 77 when this
 * machine does not allow the namespace or the mount (then the test is skipped). */
static int child_reads_on_readonly_mount(const char *dir, const char *file)
{
    if (unshare(CLONE_NEWNS) != 0)
        return 77;
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
        mount(dir, dir, NULL, MS_BIND, NULL) != 0 ||
        mount(NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
        return 77;
    char path[160];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (access(dir, W_OK) == 0 && open(path, O_RDWR) >= 0)
        return 77; /* the mount is not really read-only */
    bc_store *s = NULL;
    bc_err err;
    if (bc_store_open(path, BC_STORE_QUERY_ONLY, &s, &err) != 0) {
        fprintf(stderr, "open on read-only media: %s\n", err.msg);
        return 1;
    }
    char *v = NULL;
    int ok = bc_store_is_immutable(s) && bc_store_meta_get(s, "k", &v, &err) == 0 && v &&
             strcmp(v, "v") == 0;
    if (!ok)
        fprintf(stderr, "read on read-only media: %s\n", v ? v : err.msg);
    bc_free(v);
    bc_store_close(s);
    return ok ? 0 : 1;
}

/* A WAL store on read-only media (a container's --read-only root, a ro volume): SQLite
 * opens it without complaint but cannot read it (no -shm); the store must notice at
 * open and read it immutable. */
static void wal_store_on_readonly_media_is_read_immutable(void **state)
{
    (void)state;
    char dir[] = "/tmp/bc-store-ro-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/store.db", dir);
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(path, BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    assert_int_equal(bc_store_exec(s,
                                   "PRAGMA journal_mode = WAL; "
                                   "INSERT INTO store_meta VALUES ('k', 'v')",
                                   &err),
                     0);
    bc_store_close(s);
    /* no -wal or -shm left behind: exactly what an image or a copied artifact holds */
    char side[80];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(child_reads_on_readonly_mount(dir, "store.db"));
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77)
        skip(); /* no mount namespaces here (an unprivileged container) */
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* bc_store_has_table, bc_store_has_column and bc_store_copy_rows: rows copied as they are, the
 * callback once per row written, and a failed insert named and stopping the copy. */
static int copied;
static void count_row(sqlite3_stmt *row, void *ctx)
{
    (void)row;
    (void)ctx;
    copied++;
}

static void tables_are_found_and_rows_copied(void **state)
{
    (void)state;
    bc_store *a = NULL, *b = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &a, &err), 0);
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &b, &err), 0);
    assert_int_equal(bc_store_exec(a,
                                   "CREATE TABLE t (k INTEGER PRIMARY KEY, v); INSERT INTO t "
                                   "VALUES (1, 'x'), (2, NULL), (3, 2.5)",
                                   &err),
                     0);
    assert_int_equal(bc_store_exec(b, "CREATE TABLE t (k INTEGER PRIMARY KEY, v)", &err), 0);
    int present = -1;
    assert_int_equal(bc_store_has_table(a, "t", &present, &err), 0);
    assert_int_equal(present, 1);
    assert_int_equal(bc_store_has_table(a, "nope", &present, &err), 0);
    assert_int_equal(present, 0);
    /* a column: of the table, of no table, not of the table */
    assert_int_equal(bc_store_has_column(a, "t", "v", &present, &err), 0);
    assert_int_equal(present, 1);
    assert_int_equal(bc_store_has_column(a, "t", "w", &present, &err), 0);
    assert_int_equal(present, 0);
    present = -1;
    assert_int_equal(bc_store_has_column(a, "nope", "v", &present, &err), 0);
    assert_int_equal(present, 0);
    copied = 0;
    assert_int_equal(bc_store_copy_rows(a, "SELECT k, v FROM t ORDER BY k", b,
                                        "INSERT INTO t (k, v) VALUES (?1, ?2)", 2, "reading t",
                                        "writing t", count_row, NULL, &err),
                     0);
    assert_int_equal(copied, 3);
    char *v = NULL;
    sqlite3_stmt *st;
    assert_int_equal(bc_store_stmt(b, "SELECT group_concat(quote(v), ',') FROM t", &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    v = (char *)sqlite3_column_text(st, 0);
    assert_string_equal(v, "'x',NULL,2.5");
    sqlite3_reset(st);
    /* the same keys again: the first insert fails, named, and nothing more is counted */
    copied = 0;
    assert_int_not_equal(bc_store_copy_rows(a, "SELECT k, v FROM t ORDER BY k", b,
                                            "INSERT INTO t (k, v) VALUES (?1, ?2)", 2, "reading t",
                                            "writing t", count_row, NULL, &err),
                         0);
    assert_int_equal(copied, 0);
    assert_non_null(strstr(err.msg, "writing t"));
    bc_store_close(a);
    bc_store_close(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(migrations_are_numbered_in_order),
        cmocka_unit_test(migrate_creates_schema_once),
        cmocka_unit_test(newer_store_is_refused),
        cmocka_unit_test(unmigrated_store_is_refused_read_only),
        cmocka_unit_test(missing_file_is_not_found),
        cmocka_unit_test(statements_are_cached_by_text),
        cmocka_unit_test(statement_cache_survives_allocation_failure),
        cmocka_unit_test(statement_cache_grows_and_keeps_its_statements),
        cmocka_unit_test(rows_are_walked_until_done_or_failed),
        cmocka_unit_test(texts_are_collected_or_the_failure_named),
        cmocka_unit_test(meta_get),
        cmocka_unit_test(meta_set_replaces_and_names_the_key_on_failure),
        cmocka_unit_test(meta_set_on_a_read_only_store_fails),
        cmocka_unit_test(tables_are_found_and_rows_copied),
        cmocka_unit_test(pool_hands_out_distinct_connections),
        cmocka_unit_test(readers_read_the_schema_when_first_used),
        cmocka_unit_test(wal_store_on_readonly_media_is_read_immutable),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
