/* test_workers.c: the worker pool: every job runs once, on a pool thread with its own
 * store connection; a full queue refuses at once; a job whose deadline passes in the
 * queue is expired at its deadline even while every thread is busy; SQLite work that
 * runs past the deadline is interrupted (a query that would never end); stopping
 * expires what is queued and lets running jobs finish. The queue is fair between flows:
 * one flow's backlog delays another flow's job by the job running, not by the backlog;
 * one flow alone is first in, first out. */
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

/* A job queued with less of its budget left than the jobs queued before it (a job handed
 * on from another pool) is expired at its own deadline too, not at theirs. */
static void a_job_with_less_budget_expires_first(void **state)
{
    (void)state;
    bc_workers *w = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 16, readers, &w, &err), 0);
    tjob busy, queued[2], handed;
    init(&busy, 20000, 3000);
    assert_int_equal(bc_workers_submit(w, &busy.job), BC_OK);
    for (int i = 0; i < 2; i++) {
        init(&queued[i], 20000, 0);
        assert_int_equal(bc_workers_submit(w, &queued[i].job), BC_OK);
    }
    init(&handed, 50, 0);
    assert_int_equal(bc_workers_submit(w, &handed.job), BC_OK);
    wait_all(&handed, 1);
    assert_int_equal(atomic_load(&handed.expired), 1);
    assert_int_equal(atomic_load(&handed.ran), 0);
    /* the long job is still running, the others wait their turn */
    assert_int_equal(atomic_load(&busy.ran), 0);
    for (int i = 0; i < 2; i++)
        assert_int_equal(atomic_load(&queued[i].expired), 0);
    wait_all(queued, 2);
    for (int i = 0; i < 2; i++)
        assert_int_equal(atomic_load(&queued[i].ran), 1);
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

/* ---- fairness between flows (workers.h) ---- */

/* What the jobs of one test record: the order they ran (or expired) in. */
typedef struct flog {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int gate_open;   /* the blocking job may return */
    int gate_inside; /* the blocking job is running */
    char order[64];  /* each job's name, in the order run ('x' appended when expired) */
    int ended;
} flog;

typedef struct fjob {
    bc_job job; /* first */
    flog *log;
    char name;
    int blocks; /* waits for gate_open */
} fjob;

static void frecord(flog *l, char c)
{
    pthread_mutex_lock(&l->lock);
    size_t n = strlen(l->order);
    if (n + 1 < sizeof l->order)
        l->order[n] = c;
    l->ended++;
    pthread_cond_broadcast(&l->changed);
    pthread_mutex_unlock(&l->lock);
}

static void fjob_run(bc_job *job, bc_store *store)
{
    (void)store;
    fjob *t = (fjob *)job;
    flog *l = t->log;
    if (t->blocks) {
        pthread_mutex_lock(&l->lock);
        l->gate_inside = 1;
        pthread_cond_broadcast(&l->changed);
        while (!l->gate_open)
            pthread_cond_wait(&l->changed, &l->lock);
        pthread_mutex_unlock(&l->lock);
    }
    frecord(l, t->name);
}

static void fjob_expire(bc_job *job, int stopping)
{
    (void)stopping;
    fjob *t = (fjob *)job;
    frecord(t->log, 'x');
}

static void fjob_init(fjob *t, flog *l, char name, unsigned long long flow, int budget_ms)
{
    memset(t, 0, sizeof *t);
    t->log = l;
    t->name = name;
    t->job.run = fjob_run;
    t->job.expire = fjob_expire;
    t->job.flow = flow;
    t->job.deadline = bc_deadline_after(budget_ms);
}

static void flog_init(flog *l)
{
    memset(l, 0, sizeof *l);
    pthread_mutex_init(&l->lock, NULL);
    pthread_cond_init(&l->changed, NULL);
}

static void flog_destroy(flog *l)
{
    pthread_mutex_destroy(&l->lock);
    pthread_cond_destroy(&l->changed);
}

static void fwait_for(flog *l, int *flag_or_null, int ended)
{
    pthread_mutex_lock(&l->lock);
    while (flag_or_null != NULL ? !*flag_or_null : l->ended < ended)
        pthread_cond_wait(&l->changed, &l->lock);
    pthread_mutex_unlock(&l->lock);
}

static void fopen_gate(flog *l)
{
    pthread_mutex_lock(&l->lock);
    l->gate_open = 1;
    pthread_cond_broadcast(&l->changed);
    pthread_mutex_unlock(&l->lock);
}

/* One thread, held by a job of flow 1 ('a'); flow 1 queues b..e, then flow 2 queues 'Z':
 * Z runs next, before flow 1's backlog, which then runs in its own order. */
static void a_backlog_delays_another_flow_by_one_job(void **state)
{
    (void)state;
    flog l;
    flog_init(&l);
    bc_workers *w;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 16, readers, &w, &err), 0);
    fjob jobs[6];
    fjob_init(&jobs[0], &l, 'a', 1, 60000);
    jobs[0].blocks = 1;
    assert_int_equal(bc_workers_submit(w, &jobs[0].job), 0);
    fwait_for(&l, &l.gate_inside, 0);
    for (int i = 1; i < 5; i++) {
        fjob_init(&jobs[i], &l, (char)('a' + i), 1, 60000);
        assert_int_equal(bc_workers_submit(w, &jobs[i].job), 0);
    }
    fjob_init(&jobs[5], &l, 'Z', 2, 60000);
    assert_int_equal(bc_workers_submit(w, &jobs[5].job), 0);
    fopen_gate(&l);
    fwait_for(&l, NULL, 6);
    assert_string_equal(l.order, "aZbcde");
    bc_workers_stop(w);
    flog_destroy(&l);
}

/* Every job of one flow (clients behind one proxy): first in, first out. */
static void one_flow_is_first_in_first_out(void **state)
{
    (void)state;
    flog l;
    flog_init(&l);
    bc_workers *w;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 16, readers, &w, &err), 0);
    fjob jobs[5];
    fjob_init(&jobs[0], &l, 'a', 0, 60000);
    jobs[0].blocks = 1;
    assert_int_equal(bc_workers_submit(w, &jobs[0].job), 0);
    fwait_for(&l, &l.gate_inside, 0);
    for (int i = 1; i < 5; i++) {
        fjob_init(&jobs[i], &l, (char)('a' + i), 0, 60000);
        assert_int_equal(bc_workers_submit(w, &jobs[i].job), 0);
    }
    fopen_gate(&l);
    fwait_for(&l, NULL, 5);
    assert_string_equal(l.order, "abcde");
    bc_workers_stop(w);
    flog_destroy(&l);
}

/* Runs, on one thread, a job named gate_name of flow gate_flow that holds the thread
 * while b, c, d of flow 1 and B, C, D of flow 2 are queued behind it, then lets all run;
 * l->order is the order they ran in. */
static void run_behind(flog *l, char gate_name, int gate_flow)
{
    bc_workers *w;
    bc_err err;
    assert_int_equal(bc_workers_start("test", 1, 16, readers, &w, &err), 0);
    fjob jobs[7];
    fjob_init(&jobs[0], l, gate_name, gate_flow, 60000);
    jobs[0].blocks = 1;
    assert_int_equal(bc_workers_submit(w, &jobs[0].job), 0);
    fwait_for(l, &l->gate_inside, 0);
    const char names[] = "bcdBCD";
    for (int i = 1; i < 7; i++) {
        fjob_init(&jobs[i], l, names[i - 1], i <= 3 ? 1 : 2, 60000);
        assert_int_equal(bc_workers_submit(w, &jobs[i].job), 0);
    }
    fopen_gate(l);
    fwait_for(l, NULL, 7);
    /* each flow's own jobs first in, first out */
    assert_true(strchr(l->order, 'b') < strchr(l->order, 'c'));
    assert_true(strchr(l->order, 'c') < strchr(l->order, 'd'));
    assert_true(strchr(l->order, 'B') < strchr(l->order, 'C'));
    assert_true(strchr(l->order, 'C') < strchr(l->order, 'D'));
    bc_workers_stop(w);
}

/* A flow that had the thread comes after one that had not: with flows 1 and 2 both
 * queued behind a job of flow 1, flow 2 goes first. (How far flow 1 is behind is a's
 * whole run, which the machine's load stretches, so what follows B is not asserted
 * here; flows_alternate checks the turns with no such run before them.) */
static void flows_take_turns(void **state)
{
    (void)state;
    flog l;
    flog_init(&l);
    run_behind(&l, 'a', 1);
    assert_int_equal(strncmp(l.order, "aB", 2), 0);
    flog_destroy(&l);
}

/* Two flows that start level alternate: the first job of each comes before the second
 * of either, whatever the jobs' run times (taking a job charges its flow at least
 * PICK_CHARGE_US, and the other flow has been charged nothing). The thread is held by a
 * job of a third flow meanwhile, whose time is charged to that flow alone. */
static void flows_alternate(void **state)
{
    (void)state;
    flog l;
    flog_init(&l);
    run_behind(&l, 'z', 3);
    /* level flows: the oldest job first (b), then the flow not yet charged (B) */
    assert_int_equal(strncmp(l.order, "zbB", 3), 0);
    flog_destroy(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_job_runs_once_with_a_connection, build, cleanup),
        cmocka_unit_test_setup_teardown(a_full_queue_refuses_at_once, build, cleanup),
        cmocka_unit_test_setup_teardown(queued_jobs_expire_at_their_deadline, build, cleanup),
        cmocka_unit_test_setup_teardown(a_job_with_less_budget_expires_first, build, cleanup),
        cmocka_unit_test_setup_teardown(sqlite_work_stops_at_the_deadline, build, cleanup),
        cmocka_unit_test_setup_teardown(jobs_share_the_connection_released_last, build, cleanup),
        cmocka_unit_test_setup_teardown(a_guarded_connection_stops_too, build, cleanup),
        cmocka_unit_test_setup_teardown(stopping_expires_the_queue, build, cleanup),
        cmocka_unit_test(deadlines),
        cmocka_unit_test_setup_teardown(a_backlog_delays_another_flow_by_one_job, build, cleanup),
        cmocka_unit_test_setup_teardown(one_flow_is_first_in_first_out, build, cleanup),
        cmocka_unit_test_setup_teardown(flows_take_turns, build, cleanup),
        cmocka_unit_test_setup_teardown(flows_alternate, build, cleanup),
    };
    return cmocka_run_group_tests_name("workers", tests, NULL, NULL);
}
