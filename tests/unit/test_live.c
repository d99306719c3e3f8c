/* test_live.c: the running store: opening a built store reads its generation, the
 * query-only reader pool, refresh noticing a write through the writer and a rebuild by
 * another connection (and nothing when nothing changed), the watcher thread calling
 * back, and failures: a missing path, a store without a content version, a file that
 * is not a store, allocation failure while opening. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/ingest.h"
#include "bordercoop/live.h"

#include "fixture.h"

#include <stdatomic.h>
#include <time.h>

static char dir[64];
static char db[128];
static bc_load_stats stats;
static bc_live *live;

static const char ARTICLE[] =
    "Lao Cai and Yunnan hold the 12th meeting of the Joint Working Group\n\n"
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "
    "reported that import-export turnover between the four Vietnamese provinces and Yunnan "
    "reached USD 8.1 billion in 2025.\n";

/* A store built from data/ in a new temporary directory. */
static int build(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/bc-live-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/store.db", dir);
    bc_err err;
    if (bc_loader_build(fx_data_dir(), db, &stats, &err) != 0)
        fail_msg("build: %s", err.msg);
    live = NULL;
    return 0;
}

static int cleanup(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    bc_live_close(live);
    live = NULL;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

static void open_live(void)
{
    bc_err err;
    if (bc_live_open(db, 2, &live, &err) != 0)
        fail_msg("open: %s", err.msg);
}

#define count fx_count /* fixture.h */

static void open_reads_the_generation(void **state)
{
    (void)state;
    open_live();
    bc_live_view v;
    bc_live_view_get(live, &v);
    assert_string_equal(v.generation, stats.content_version);
    assert_int_equal(strlen(v.generation), 64);
    assert_int_equal(v.serial, 0);
    /* the modification time, also as an HTTP-date that says the same */
    time_t now = time(NULL);
    assert_true(v.modified_at > now - 3600 && v.modified_at <= now + 1);
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *end = strptime(v.last_modified, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    assert_non_null(end);
    assert_int_equal(*end, '\0');
    assert_int_equal(timegm(&tm), v.modified_at);
    assert_string_equal(bc_live_path(live), db);
    assert_int_equal(bc_live_immutable(live), 0);
}

static void readers_are_query_only_connections(void **state)
{
    (void)state;
    open_live();
    bc_store_pool *pool = bc_live_pool(live);
    assert_non_null(pool);
    bc_store *a = bc_store_pool_acquire(pool);
    bc_store *b = bc_store_pool_acquire(pool);
    assert_non_null(a);
    assert_non_null(b);
    assert_ptr_not_equal(a, b);
    assert_int_equal(count(a, "SELECT count(*) FROM meetings"), stats.meetings);
    assert_int_equal(count(b, "SELECT count(*) FROM sources"), stats.sources);
    /* a reader refuses writes */
    bc_err err;
    assert_int_not_equal(bc_store_exec(a, "DELETE FROM meetings", &err), 0);
    assert_int_equal(count(a, "SELECT count(*) FROM meetings"), stats.meetings);
    /* and serves requests */
    bc_response res;
    assert_int_equal(fx_request(b, "GET", "/v1/meetings/jwg-yunnan-11", NULL, &res), 200);
    bc_response_free(&res);
    bc_store_pool_release(pool, a);
    bc_store_pool_release(pool, b);
    /* released connections come back */
    bc_store *c = bc_store_pool_acquire(pool);
    assert_true(c == a || c == b);
    bc_store_pool_release(pool, c);
}

static void refresh_without_changes_keeps_the_view(void **state)
{
    (void)state;
    open_live();
    bc_live_view before, after;
    bc_live_view_get(live, &before);
    int changed = -1;
    bc_err err;
    assert_int_equal(bc_live_refresh(live, &changed, &err), 0);
    assert_int_equal(changed, 0);
    assert_int_equal(bc_live_refresh(live, NULL, &err), 0); /* changed may be NULL */
    bc_live_view_get(live, &after);
    /* the same generation; only confirmed_at, the second of the last check, may move on
     * (a refresh that starts in the next second confirms the view then) */
    assert_string_equal(before.generation, after.generation);
    assert_string_equal(before.last_modified, after.last_modified);
    assert_int_equal(before.modified_at, after.modified_at);
    assert_int_equal(before.serial, after.serial);
    assert_true(after.confirmed_at >= before.confirmed_at);
}

static void refresh_sees_a_write_through_the_writer(void **state)
{
    (void)state;
    open_live();
    bc_err err;
    bc_store *w = bc_live_writer_acquire(live, &err);
    assert_non_null(w);
    bc_ingest_input in = {0};
    in.text = ARTICLE;
    in.len = strlen(ARTICLE);
    in.lang = "en";
    in.title = "Live test article";
    bc_ingest_result r;
    int rc = bc_ingest(w, &in, &r, &err);
    bc_live_writer_release(live);
    if (rc != 0)
        fail_msg("ingest: %s", err.msg);
    assert_true(r.created);
    /* not seen until a refresh looks */
    bc_live_view v;
    bc_live_view_get(live, &v);
    assert_string_equal(v.generation, stats.content_version);
    int changed = 0;
    assert_int_equal(bc_live_refresh(live, &changed, &err), 0);
    assert_int_equal(changed, 1);
    bc_live_view_get(live, &v);
    assert_string_equal(v.generation, r.content_version);
    assert_string_not_equal(v.generation, stats.content_version);
    assert_int_equal(v.serial, 1);
    /* the readers see the article */
    bc_store *s = bc_store_pool_acquire(bc_live_pool(live));
    assert_int_equal(count(s, "SELECT count(*) FROM sources"), stats.sources + 1);
    bc_store_pool_release(bc_live_pool(live), s);
    /* looked once: the next refresh finds nothing new */
    assert_int_equal(bc_live_refresh(live, &changed, &err), 0);
    assert_int_equal(changed, 0);
    bc_live_view_get(live, &v);
    assert_int_equal(v.serial, 1);
    /* the writer is the same connection every time */
    bc_store *w2 = bc_live_writer_acquire(live, &err);
    assert_ptr_equal(w2, w);
    bc_live_writer_release(live);
}

static void refresh_sees_a_rebuild(void **state)
{
    (void)state;
    open_live();
    char data[256];
    fx_scratch_data(data);
    fx_json_edit(data, "facts/meetings.json", "meetings[0].title", json_string("Renamed meeting"));
    bc_err err;
    bc_load_stats again;
    if (bc_loader_build(data, db, &again, &err) != 0)
        fail_msg("rebuild: %s", err.msg);
    assert_string_not_equal(again.content_version, stats.content_version);
    int changed = 0;
    assert_int_equal(bc_live_refresh(live, &changed, &err), 0);
    assert_int_equal(changed, 1);
    bc_live_view v;
    bc_live_view_get(live, &v);
    assert_string_equal(v.generation, again.content_version);
    assert_int_equal(v.serial, 1);
    bc_store *s = bc_store_pool_acquire(bc_live_pool(live));
    assert_int_equal(count(s, "SELECT count(*) FROM meetings WHERE title = 'Renamed meeting'"), 1);
    bc_store_pool_release(bc_live_pool(live), s);
    fx_remove_scratch(data);
}

static atomic_int calls;

/* Runs on the watcher thread: no cmocka assertions here. */
static void on_change(void *ctx)
{
    atomic_fetch_add((atomic_int *)ctx, 1);
}

static void watcher_calls_back_after_a_change(void **state)
{
    (void)state;
    open_live();
    atomic_store(&calls, 0);
    bc_err err;
    assert_int_equal(bc_live_watch(live, 10, on_change, &calls, &err), 0);
    struct timespec pause = {0, 30 * 1000000L};
    nanosleep(&pause, NULL);
    assert_int_equal(atomic_load(&calls), 0); /* nothing changed yet */
    /* another connection writes: a rebuild with one meeting's summary changed */
    char data[256];
    fx_scratch_data(data);
    fx_json_edit(data, "facts/meetings.json", "meetings[1].summary", json_string("Changed."));
    assert_int_equal(bc_loader_build(data, db, NULL, &err), 0);
    for (int i = 0; i < 300 && atomic_load(&calls) == 0; i++)
        nanosleep(&pause, NULL);
    assert_int_equal(atomic_load(&calls), 1);
    bc_live_view v;
    bc_live_view_get(live, &v);
    assert_int_equal(v.serial, 1);
    fx_remove_scratch(data);
    /* bc_live_close (in cleanup) stops and joins the watcher */
}

/* After bc_live_unwatch the watcher is gone: a change is not reported (the daemon frees
 * the callback's server after it), the store is still served, and a second unwatch and
 * the close are harmless. */
static void unwatch_stops_the_callbacks(void **state)
{
    (void)state;
    open_live();
    atomic_store(&calls, 0);
    bc_err err;
    assert_int_equal(bc_live_watch(live, 10, on_change, &calls, &err), 0);
    bc_live_unwatch(live);
    char data[256];
    fx_scratch_data(data);
    fx_json_edit(data, "facts/meetings.json", "meetings[1].summary", json_string("Changed."));
    assert_int_equal(bc_loader_build(data, db, NULL, &err), 0);
    struct timespec pause = {0, 30 * 1000000L};
    for (int i = 0; i < 10; i++) /* ten of the watcher's intervals and more */
        nanosleep(&pause, NULL);
    assert_int_equal(atomic_load(&calls), 0);
    int changed = 0;
    assert_int_equal(bc_live_refresh(live, &changed, &err), 0);
    assert_int_equal(changed, 1);
    bc_live_unwatch(live);
    fx_remove_scratch(data);
}

static void open_failures(void **state)
{
    (void)state;
    bc_err err;
    bc_live *l = (bc_live *)&err; /* must be reset to NULL */
    char path[200];
    snprintf(path, sizeof path, "%s/missing.db", dir);
    assert_int_not_equal(bc_live_open(path, 1, &l, &err), 0);
    assert_null(l);
    assert_non_null(strstr(err.msg, "missing.db"));
    /* a migrated but never loaded store has no content version */
    snprintf(path, sizeof path, "%s/empty.db", dir);
    bc_store *s = NULL;
    assert_int_equal(bc_store_open(path, BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    bc_store_close(s);
    assert_int_equal(bc_live_open(path, 1, &l, &err), BC_EINVAL);
    assert_null(l);
    assert_non_null(strstr(err.msg, "content version"));
    /* a file that is not a store */
    snprintf(path, sizeof path, "%s/junk.db", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int i = 0; i < 512; i++)
        fputs("not a database ", f);
    fclose(f);
    assert_int_not_equal(bc_live_open(path, 1, &l, &err), 0);
    assert_null(l);
    bc_live_close(NULL); /* a no-op */
}

static char lost_why[2000];
static atomic_int lost_calls;

/* Runs on the watcher thread: no cmocka assertions here. */
static void on_lost(void *ctx, const char *why)
{
    (void)ctx;
    snprintf(lost_why, sizeof lost_why, "%s", why);
    atomic_fetch_add(&lost_calls, 1);
}

/* The store deleted under a running daemon: it is lost for good, writes are refused
 * (never acknowledged into an unlinked file), and the watcher says so once. */
static void a_deleted_store_is_lost(void **state)
{
    (void)state;
    open_live();
    char why[2000];
    assert_int_equal(bc_live_store_ok(live, why, sizeof why), 1);
    bc_err err;
    bc_store *w = bc_live_writer_acquire(live, &err);
    assert_non_null(w);
    bc_live_writer_release(live);
    atomic_store(&lost_calls, 0);
    bc_live_on_lost(live, on_lost, NULL);
    assert_int_equal(bc_live_watch(live, 10, on_change, &calls, &err), 0);
    char path[200];
    snprintf(path, sizeof path, "%s-wal", db);
    unlink(path);
    snprintf(path, sizeof path, "%s-shm", db);
    unlink(path);
    assert_int_equal(unlink(db), 0);
    assert_int_equal(bc_live_store_ok(live, why, sizeof why), 0);
    assert_non_null(strstr(why, "deleted"));
    assert_non_null(strstr(why, db));
    assert_null(bc_live_writer_acquire(live, &err));
    assert_int_equal(err.code, BC_ENOTFOUND);
    assert_non_null(strstr(err.msg, "deleted"));
    struct timespec pause = {0, 10 * 1000000L};
    for (int i = 0; i < 500 && atomic_load(&lost_calls) == 0; i++)
        nanosleep(&pause, NULL);
    assert_int_equal(atomic_load(&lost_calls), 1);
    assert_non_null(strstr(lost_why, "deleted"));
    nanosleep(&pause, NULL);
    nanosleep(&pause, NULL);
    assert_int_equal(atomic_load(&lost_calls), 1); /* once */
    /* a new store at the same path later does not bring it back: another file */
    assert_int_equal(bc_loader_build(fx_data_dir(), db, NULL, &err), 0);
    assert_int_equal(bc_live_store_ok(live, NULL, 0), 0);
    /* readers keep answering from the file they have open */
    bc_live_view v;
    bc_live_view_get(live, &v);
    assert_string_equal(v.generation, stats.content_version);
}

/* Another file renamed over the store's path: replaced, also lost. */
static void a_replaced_store_is_lost(void **state)
{
    (void)state;
    open_live();
    char other[200];
    snprintf(other, sizeof other, "%s/other.db", dir);
    bc_err err;
    assert_int_equal(bc_loader_build(fx_data_dir(), other, NULL, &err), 0);
    assert_int_equal(bc_live_store_ok(live, NULL, 0), 1);
    assert_int_equal(rename(other, db), 0);
    char why[2000];
    assert_int_equal(bc_live_store_ok(live, why, sizeof why), 0);
    assert_non_null(strstr(why, "replaced"));
    assert_null(bc_live_writer_acquire(live, &err));
    /* but the rebuild `bordercoop load` does in place keeps the file: not lost */
    bc_live_close(live);
    live = NULL;
    open_live();
    assert_int_equal(bc_loader_build(fx_data_dir(), db, NULL, &err), 0);
    assert_int_equal(bc_live_store_ok(live, NULL, 0), 1);
}

/* The generation's confirmation time moves with every look at the store, never back. */
static void refresh_confirms_the_generation(void **state)
{
    (void)state;
    time_t before = time(NULL);
    open_live();
    bc_live_view v;
    bc_live_view_get(live, &v);
    assert_true(v.confirmed_at >= before && v.confirmed_at <= time(NULL));
    assert_true(v.confirmed_at >= v.modified_at);
    struct timespec pause = {1, 100 * 1000000L};
    nanosleep(&pause, NULL);
    bc_err err;
    assert_int_equal(bc_live_refresh(live, NULL, &err), 0);
    bc_live_view w;
    bc_live_view_get(live, &w);
    assert_true(w.confirmed_at > v.confirmed_at);
    assert_string_equal(w.generation, v.generation);
}

static void allocation_failure_while_opening(void **state)
{
    (void)state;
    int failures = 0;
    /* an open makes a few thousand allocations (SQLite's included): every 23rd point,
     * until one succeeds */
    for (long n = 0; n < 1000000 && live == NULL; n += n < 64 ? 1 : 23) {
        bc_err err;
        bc_alloc_fail_after(n);
        int rc = bc_live_open(db, 2, &live, &err);
        bc_alloc_fail_reset();
        if (rc != 0) {
            failures++;
            assert_null(live);
        }
    }
    assert_true(failures > 0);
    assert_non_null(live); /* and it works once memory is there */
    bc_live_view v;
    bc_live_view_get(live, &v);
    assert_string_equal(v.generation, stats.content_version);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(open_reads_the_generation, build, cleanup),
        cmocka_unit_test_setup_teardown(readers_are_query_only_connections, build, cleanup),
        cmocka_unit_test_setup_teardown(refresh_without_changes_keeps_the_view, build, cleanup),
        cmocka_unit_test_setup_teardown(refresh_sees_a_write_through_the_writer, build, cleanup),
        cmocka_unit_test_setup_teardown(refresh_sees_a_rebuild, build, cleanup),
        cmocka_unit_test_setup_teardown(watcher_calls_back_after_a_change, build, cleanup),
        cmocka_unit_test_setup_teardown(unwatch_stops_the_callbacks, build, cleanup),
        cmocka_unit_test_setup_teardown(open_failures, build, cleanup),
        cmocka_unit_test_setup_teardown(allocation_failure_while_opening, build, cleanup),
        cmocka_unit_test_setup_teardown(a_deleted_store_is_lost, build, cleanup),
        cmocka_unit_test_setup_teardown(a_replaced_store_is_lost, build, cleanup),
        cmocka_unit_test_setup_teardown(refresh_confirms_the_generation, build, cleanup),
    };
    return cmocka_run_group_tests_name("live", tests, NULL, NULL);
}
