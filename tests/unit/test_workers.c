/* test_workers.c: the worker pool: every job runs once, on a pool thread with its own
 * store connection; a full queue refuses at once; a job whose deadline passes in the
 * queue is expired at its deadline even while every thread is busy; SQLite work that
 * runs past the deadline is interrupted (a query that would never end); stopping
 * expires what is queued and lets running jobs finish. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "bordercoop/workers.h"

#include "fixture.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

static char dir[64];
static char db[128];
static bc_store_pool *readers;

static int build(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/bc-workers-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/store.db", dir);
    bc_err err;
    if (bc_loader_build(fx_data_dir(), db, NULL, &err) != 0)
        fail_msg("build: %s", err.msg);
    assert_int_equal(bc_store_pool_open(db, 4, &readers, &err), 0);
    return 0;
}

static int cleanup(void **state)
{
    (void)state;
    bc_store_pool_close(readers);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

/* A test job: records what happened to it (written by pool threads: atomics only). */
typedef struct tjob {
    bc_job job;
    int sleep_ms;    /* how long run takes */
    const char *sql; /* run this on the thread's connection, or NULL */
    atomic_int ran;  /* run calls */
    atomic_int expired, stopping;
    atomic_int sql_rc;
    atomic_int hit;  /* deadline_hit seen at the end of run */
    bc_store *store; /* the connection it ran with */
    pthread_t thread;
    atomic_int *together; /* when set: counts itself in and waits (bounded) for 3 */
} tjob;

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void run(bc_job *job, bc_store *store)
{
    tjob *t = (tjob *)job;
    t->store = store;
    t->thread = pthread_self();
    if (t->together != NULL) {
        atomic_fetch_add(t->together, 1);
        for (int i = 0; i < 2000 && atomic_load(t->together) < 3; i++)
            sleep_ms(5);
    }
    if (t->sleep_ms > 0)
        sleep_ms(t->sleep_ms);
    if (t->sql != NULL) {
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(bc_store_db(store), t->sql, -1, &st, NULL);
        while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
            rc = SQLITE_OK;
        sqlite3_finalize(st);
        atomic_store(&t->sql_rc, rc);
    }
    atomic_store(&t->hit, job->deadline_hit);
    atomic_fetch_add(&t->ran, 1);
}

static void expire(bc_job *job, int stopping)
{
    tjob *t = (tjob *)job;
    atomic_store(&t->stopping, stopping);
    atomic_fetch_add(&t->expired, 1);
}

static void init(tjob *t, int budget_ms, int sleep_for)
{
    memset(t, 0, sizeof *t);
    t->job.run = run;
    t->job.expire = expire;
    t->job.deadline = bc_deadline_after(budget_ms);
    t->sleep_ms = sleep_for;
}

/* Waits (bounded) until every job of ts has run or expired. */
static void wait_all(tjob *ts, int n)
{
    for (int tries = 0; tries < 1000; tries++) {
        int done = 0;
        for (int i = 0; i < n; i++)
            done += atomic_load(&ts[i].ran) + atomic_load(&ts[i].expired);
        if (done == n)
            return;
        sleep_ms(5);
    }
    fail_msg("jobs did not finish");
}

static void every_job_runs_once_with_a_connection(void **state)
{
    (void)state;
    bc_workers *w = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 3, 64, readers, &w, &err), 0);
    tjob ts[40];
    for (int i = 0; i < 40; i++) {
        init(&ts[i], 10000, i % 4);
        ts[i].sql = "SELECT count(*) FROM meetings";
        assert_int_equal(bc_workers_submit(w, &ts[i].job), BC_OK);
    }
    wait_all(ts, 40);
    bc_workers_stats st;
    bc_workers_get_stats(w, &st);
    assert_int_equal(st.threads, 3);
    assert_int_equal(st.done, 40);
    assert_int_equal(st.rejected + st.expired + st.interrupted, 0);
    bc_store *seen[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 40; i++) {
        assert_int_equal(atomic_load(&ts[i].ran), 1);
        assert_int_equal(atomic_load(&ts[i].expired), 0);
        assert_int_equal(atomic_load(&ts[i].sql_rc), SQLITE_DONE);
        assert_false(pthread_equal(ts[i].thread, pthread_self()));
        int k = 0;
        while (k < 3 && seen[k] != NULL && seen[k] != ts[i].store)
            k++;
        assert_true(k < 3); /* at most three connections: one per thread */
        seen[k] = ts[i].store;
    }
    bc_workers_stop(w);
    /* the connections went back to the pool */
    bc_store *s[4];
    for (int i = 0; i < 4; i++)
        s[i] = bc_store_pool_acquire(readers);
    for (int i = 0; i < 4; i++)
        bc_store_pool_release(readers, s[i]);
}

static void a_full_queue_refuses_at_once(void **state)
{
    (void)state;
    bc_workers *w = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 2, readers, &w, &err), 0);
    tjob ts[5];
    init(&ts[0], 10000, 300); /* keeps the one thread busy */
    assert_int_equal(bc_workers_submit(w, &ts[0].job), BC_OK);
    for (int i = 0; i < 100 && atomic_load(&ts[0].ran) == 0; i++) {
        bc_workers_stats st;
        bc_workers_get_stats(w, &st);
        if (st.busy == 1)
            break;
        sleep_ms(2);
    }
    init(&ts[1], 10000, 0);
    init(&ts[2], 10000, 0);
    init(&ts[3], 10000, 0);
    assert_int_equal(bc_workers_submit(w, &ts[1].job), BC_OK);
    assert_int_equal(bc_workers_submit(w, &ts[2].job), BC_OK);
    assert_int_equal(bc_workers_submit(w, &ts[3].job), BC_EBUSY); /* queue of 2 is full */
    wait_all(ts, 3);
    assert_int_equal(atomic_load(&ts[3].ran) + atomic_load(&ts[3].expired), 0);
    bc_workers_stats st;
    bc_workers_get_stats(w, &st);
    assert_int_equal(st.rejected, 1);
    assert_int_equal(st.done, 3);
    bc_workers_stop(w);
}

/* With the only thread busy for long, queued jobs are answered at their deadline, not
 * when the thread frees up. */
static void queued_jobs_expire_at_their_deadline(void **state)
{
    (void)state;
    bc_workers *w = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 16, readers, &w, &err), 0);
    tjob busy, late[3];
    init(&busy, 10000, 1500);
    assert_int_equal(bc_workers_submit(w, &busy.job), BC_OK);
    for (int i = 0; i < 3; i++) {
        init(&late[i], 50 + 20 * i, 0);
        assert_int_equal(bc_workers_submit(w, &late[i].job), BC_OK);
    }
    wait_all(late, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(atomic_load(&late[i].expired), 1);
        assert_int_equal(atomic_load(&late[i].stopping), 0);
        assert_int_equal(atomic_load(&late[i].ran), 0);
    }
    /* the long job is still running: they did not wait for it */
    assert_int_equal(atomic_load(&busy.ran), 0);
    wait_all(&busy, 1);
    bc_workers_stats st;
    bc_workers_get_stats(w, &st);
    assert_int_equal(st.expired, 3);
    bc_workers_stop(w);
}

/* SQLite work past the deadline is cut: a query that would never end returns
 * SQLITE_INTERRUPT with deadline_hit set, and the next job on the thread runs freely. */
static void sqlite_work_stops_at_the_deadline(void **state)
{
    (void)state;
    bc_workers *w = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 16, readers, &w, &err), 0);
    tjob forever, next;
    init(&forever, 100, 0);
    forever.sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                  "SELECT count(*) FROM n";
    init(&next, 10000, 0);
    next.sql = "SELECT count(*) FROM figures";
    assert_int_equal(bc_workers_submit(w, &forever.job), BC_OK);
    assert_int_equal(bc_workers_submit(w, &next.job), BC_OK);
    wait_all(&forever, 1);
    wait_all(&next, 1);
    assert_int_equal(atomic_load(&forever.ran), 1);
    assert_int_equal(atomic_load(&forever.sql_rc), SQLITE_INTERRUPT);
    assert_int_equal(atomic_load(&forever.hit), 1);
    assert_int_equal(atomic_load(&next.sql_rc), SQLITE_DONE);
    assert_int_equal(atomic_load(&next.hit), 0);
    bc_workers_stats st;
    bc_workers_get_stats(w, &st);
    assert_int_equal(st.interrupted, 1);
    bc_workers_stop(w);
}

/* Pools that share the readers take a connection per job and give it back: work that
 * comes one job at a time, to any pool, runs on the one connection released last (only
 * it reads the schema and fills a page cache), and the deadline guard follows the job
 * onto it; jobs at the same time still get a connection each. */
static void jobs_share_the_connection_released_last(void **state)
{
    (void)state;
    bc_workers *a = NULL, *b = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("a", 2, 16, readers, &a, &err), 0);
    assert_int_equal(bc_workers_start("b", 1, 16, readers, &b, &err), 0);
    tjob ts[6];
    for (int i = 0; i < 6; i++) {
        init(&ts[i], 10000, 0);
        ts[i].sql = "SELECT count(*) FROM meetings";
        assert_int_equal(bc_workers_submit(i % 2 ? b : a, &ts[i].job), BC_OK);
        wait_all(&ts[i], 1);
        assert_int_equal(atomic_load(&ts[i].sql_rc), SQLITE_DONE);
        assert_ptr_equal(ts[i].store, ts[0].store);
    }
    /* an endless query on the shared connection is still cut at its job's deadline */
    tjob forever;
    init(&forever, 100, 0);
    forever.sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                  "SELECT count(*) FROM n";
    assert_int_equal(bc_workers_submit(b, &forever.job), BC_OK);
    wait_all(&forever, 1);
    assert_int_equal(atomic_load(&forever.sql_rc), SQLITE_INTERRUPT);
    assert_ptr_equal(forever.store, ts[0].store);
    /* three at once (each holds its connection until all three run): three connections */
    tjob slow[3];
    atomic_int together = 0;
    for (int i = 0; i < 3; i++) {
        init(&slow[i], 20000, 0);
        slow[i].together = &together;
        assert_int_equal(bc_workers_submit(i < 2 ? a : b, &slow[i].job), BC_OK);
    }
    wait_all(slow, 3);
    assert_int_equal(atomic_load(&together), 3);
    assert_ptr_not_equal(slow[0].store, slow[1].store);
    assert_ptr_not_equal(slow[0].store, slow[2].store);
    assert_ptr_not_equal(slow[1].store, slow[2].store);
    bc_workers_stop(a);
    bc_workers_stop(b);
}

/* Another connection guarded with bc_workers_guard is cut at the running job's deadline
 * too (the daemon does this to the store's writer). */
typedef struct guarded {
    tjob t;
    sqlite3 *other;
} guarded;

static void run_on_other(bc_job *job, bc_store *store)
{
    (void)store;
    guarded *g = (guarded *)job;
    int rc = sqlite3_exec(g->other,
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                          "SELECT count(*) FROM n",
                          NULL, NULL, NULL);
    atomic_store(&g->t.sql_rc, rc);
    atomic_fetch_add(&g->t.ran, 1);
}

static void a_guarded_connection_stops_too(void **state)
{
    (void)state;
    bc_workers *w = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 16, readers, &w, &err), 0);
    guarded g;
    init(&g.t, 100, 0);
    g.t.job.run = run_on_other;
    assert_int_equal(sqlite3_open(":memory:", &g.other), SQLITE_OK);
    bc_workers_guard(g.other);
    assert_int_equal(bc_workers_submit(w, &g.t.job), BC_OK);
    wait_all(&g.t, 1);
    assert_int_equal(atomic_load(&g.t.sql_rc), SQLITE_INTERRUPT);
    /* outside a job the guard does nothing */
    assert_int_equal(sqlite3_exec(g.other, "SELECT 1", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(g.other);
    bc_workers_stop(w);
}

static void stopping_expires_the_queue(void **state)
{
    (void)state;
    bc_workers *w = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 16, readers, &w, &err), 0);
    tjob busy, queued[4];
    init(&busy, 10000, 200);
    assert_int_equal(bc_workers_submit(w, &busy.job), BC_OK);
    for (int i = 0; i < 4; i++) {
        init(&queued[i], 10000, 0);
        assert_int_equal(bc_workers_submit(w, &queued[i].job), BC_OK);
    }
    bc_workers_stop(w); /* returns after the running job finished */
    assert_int_equal(atomic_load(&busy.ran) + atomic_load(&busy.expired), 1);
    int expired = 0;
    for (int i = 0; i < 4; i++) {
        assert_int_equal(atomic_load(&queued[i].ran) + atomic_load(&queued[i].expired), 1);
        if (atomic_load(&queued[i].expired)) {
            expired++;
            assert_int_equal(atomic_load(&queued[i].stopping), 1);
        }
    }
    assert_true(expired >= 3); /* at most one was picked up before the stop */
    bc_workers_stop(NULL);     /* a no-op */
}

static void deadlines(void **state)
{
    (void)state;
    struct timespec d = bc_deadline_after(500);
    int left = bc_deadline_left_ms(&d);
    assert_true(left > 300 && left <= 500);
    d = bc_deadline_after(0);
    assert_int_equal(bc_deadline_left_ms(&d), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_job_runs_once_with_a_connection, build, cleanup),
        cmocka_unit_test_setup_teardown(a_full_queue_refuses_at_once, build, cleanup),
        cmocka_unit_test_setup_teardown(queued_jobs_expire_at_their_deadline, build, cleanup),
        cmocka_unit_test_setup_teardown(sqlite_work_stops_at_the_deadline, build, cleanup),
        cmocka_unit_test_setup_teardown(jobs_share_the_connection_released_last, build, cleanup),
        cmocka_unit_test_setup_teardown(a_guarded_connection_stops_too, build, cleanup),
        cmocka_unit_test_setup_teardown(stopping_expires_the_queue, build, cleanup),
        cmocka_unit_test(deadlines),
    };
    return cmocka_run_group_tests_name("workers", tests, NULL, NULL);
}
