/* workers.c: the worker pool: a bounded queue of jobs shared fairly between flows
 * (workers.h), n threads that each take a store connection for a job, deadlines enforced
 * on SQLite through its progress handler. */
#include "bordercoop/workers.h"

#include "bordercoop/alloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/* SQLite virtual-machine steps between two looks at the clock (a clock read through
 * the vDSO costs ~20 ns; 1000 steps take a few microseconds). */
#define PROGRESS_STEPS 1000

/* Flows a pool remembers (with a job queued or running, or idle and remembered for
 * the worker time they had); when every slot has a job, new flows share a slot. */
#define FLOWS 256
/* What taking a job charges its flow at once (microseconds), before the time it runs is
 * known: a burst of one flow does not take every free thread while others wait. */
#define PICK_CHARGE_US 1000

typedef struct flow {
    unsigned long long key;
    unsigned long long vtime; /* its worker time, in the pool's virtual microseconds */
    unsigned inflight;        /* jobs queued or running */
    int used;
} flow;

typedef struct worker {
    bc_workers *pool;
    pthread_t thread;
    int started;
} worker;

struct bc_workers {
    char name[16];
    pthread_mutex_t lock;
    pthread_cond_t ready;      /* a job was queued, or stopping */
    pthread_cond_t head_moved; /* for the timer: a new first job, or stopping */
    pthread_t timer;           /* expires queued jobs at their deadline */
    int timer_started;
    bc_job *head, *tail;
    size_t queued, max_queue;
    int stopping;
    atomic_size_t busy;
    atomic_ullong done, rejected, expired, interrupted;
    bc_store_pool *readers;
    int n;
    worker *threads;
    /* fairness (under lock): the virtual time of the last job taken; a flow that comes
     * back after a pause starts there, with no credit for its pause */
    unsigned long long vclock;
    flow flows[FLOWS];
};

/* The job the calling worker thread is running, for the progress handler, and whether
 * its SQLite work was cut (kept apart from the job, which belongs to its owner again
 * as soon as run returns or even earlier: run hands it back as its last act). */
static _Thread_local bc_job *current;
static _Thread_local int current_hit;
static _Thread_local int current_exempt; /* bc_workers_exempt */

struct timespec bc_deadline_after(int ms)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

int bc_deadline_left_ms(const struct timespec *deadline)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ms = (long long)(deadline->tv_sec - now.tv_sec) * 1000 +
                   (deadline->tv_nsec - now.tv_nsec) / 1000000L;
    return ms <= 0 ? 0 : ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

static int passed(const struct timespec *deadline)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > deadline->tv_sec ||
           (now.tv_sec == deadline->tv_sec && now.tv_nsec >= deadline->tv_nsec);
}

static atomic_int cut_all; /* bc_workers_cut */

static int cut_requested(void)
{
    return atomic_load_explicit(&cut_all, memory_order_relaxed);
}

void bc_workers_cut(int on)
{
    atomic_store(&cut_all, on);
    bc_store_lock_give_up = on ? cut_requested : NULL;
}

/* SQLite's progress handler: non-zero interrupts the statement (SQLITE_INTERRUPT). */
static int on_progress(void *arg)
{
    (void)arg;
    bc_job *job = current;
    if (current_exempt)
        return 0;
    if (job == NULL || job->deadline_hit)
        return job != NULL;
    if (!passed(&job->deadline) && !cut_requested())
        return 0;
    job->deadline_hit = 1;
    current_hit = 1;
    return 1;
}

int bc_workers_exempt(int on)
{
    int was = current_exempt;
    current_exempt = on;
    return was;
}

void bc_workers_guard(sqlite3 *db)
{
    sqlite3_progress_handler(db, PROGRESS_STEPS, on_progress, NULL);
}

/* Removes job from the queue, where prev (NULL for the first) precedes it. */
static void unlink_job(bc_workers *w, bc_job *prev, bc_job *job)
{
    if (prev == NULL)
        w->head = job->next;
    else
        prev->next = job->next;
    if (w->tail == job)
        w->tail = prev;
    w->queued--;
    job->next = NULL;
    if (prev == NULL && w->head != NULL)
        pthread_cond_signal(&w->head_moved); /* the timer looks again */
}

/* The job a free thread runs: the oldest one of the flow with the least worker time (the
 * first such in the queue), charged PICK_CHARGE_US at once. */
static bc_job *take_fair(bc_workers *w)
{
    bc_job *best = NULL, *best_prev = NULL, *prev = NULL;
    for (bc_job *j = w->head; j != NULL; prev = j, j = j->next)
        if (best == NULL || w->flows[j->flow_slot].vtime < w->flows[best->flow_slot].vtime) {
            best = j;
            best_prev = prev;
        }
    if (best != NULL) {
        unlink_job(w, best_prev, best);
        flow *f = &w->flows[best->flow_slot];
        if (f->vtime > w->vclock)
            w->vclock = f->vtime;
        f->vtime += PICK_CHARGE_US;
    }
    return best;
}

/* The slot of flow key for a job being queued (under lock): its own, else a free or
 * idle one (the idle flow with the least worker time is forgotten first), else the
 * slot its key hashes to, shared. A flow that had no job starts at the virtual clock. */
static int flow_enter(bc_workers *w, unsigned long long key)
{
    int found = -1, spare = -1;
    unsigned long long spare_rank = 0;
    for (int i = 0; i < FLOWS && found < 0; i++) {
        const flow *f = &w->flows[i];
        unsigned long long rank = f->used ? f->vtime + 1 : 0; /* free slots first */
        if (f->used && f->key == key)
            found = i;
        else if (f->inflight == 0 && (spare < 0 || rank < spare_rank)) {
            spare = i;
            spare_rank = rank;
        }
    }
    if (found < 0 && spare >= 0) {
        found = spare;
        w->flows[found] = (flow){.key = key, .vtime = w->vclock, .used = 1};
    }
    if (found < 0)
        found = (int)(key % FLOWS);
    flow *f = &w->flows[found];
    if (f->inflight == 0 && f->vtime < w->vclock)
        f->vtime = w->vclock;
    f->inflight++;
    return found;
}

/* A job of slot's flow is done (run or expired) after running us microseconds. */
static void flow_leave(bc_workers *w, int slot, unsigned long long us)
{
    flow *f = &w->flows[slot];
    if (f->inflight > 0)
        f->inflight--;
    f->vtime += us;
}

static unsigned long long micros_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long us =
        (long long)(now.tv_sec - t0->tv_sec) * 1000000 + (now.tv_nsec - t0->tv_nsec) / 1000;
    return us > 0 ? (unsigned long long)us : 0;
}

static int earlier(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* The queued job that expires first (under lock), and the one before it in the queue.
 * Jobs come with one budget per pool, so that is the first, unless a job was handed on
 * from another pool with what was left of its budget. */
static bc_job *earliest(bc_workers *w, bc_job **before)
{
    bc_job *best = w->head, *prev = NULL;
    *before = NULL;
    for (bc_job *j = w->head; j != NULL; prev = j, j = j->next)
        if (earlier(&j->deadline, &best->deadline)) {
            best = j;
            *before = prev;
        }
    return best;
}

/* While every worker is busy, queued jobs would wait for one however late they are:
 * this thread answers each at its deadline instead. It watches the job that expires
 * first, and is woken when the first job changes or one that expires sooner comes. */
static void *timer_main(void *arg)
{
    bc_workers *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->stopping) {
        bc_job *before = NULL;
        bc_job *first = earliest(w, &before);
        if (first != NULL && passed(&first->deadline)) {
            unlink_job(w, before, first);
            flow_leave(w, first->flow_slot, 0);
            pthread_mutex_unlock(&w->lock);
            atomic_fetch_add(&w->expired, 1);
            first->expire(first, 0);
            pthread_mutex_lock(&w->lock);
        } else if (first != NULL) {
            pthread_cond_timedwait(&w->head_moved, &w->lock, &first->deadline);
        } else {
            pthread_cond_wait(&w->head_moved, &w->lock);
        }
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

static void *worker_main(void *arg)
{
    worker *self = arg;
    bc_workers *w = self->pool;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (w->head == NULL && !w->stopping)
            pthread_cond_wait(&w->ready, &w->lock);
        if (w->head == NULL)
            break; /* stopping and nothing left: bc_workers_stop expired the rest */
        bc_job *job = take_fair(w);
        int slot = job->flow_slot;
        atomic_fetch_add(&w->busy, 1);
        pthread_mutex_unlock(&w->lock);
        struct timespec began;
        clock_gettime(CLOCK_MONOTONIC, &began);
        if (passed(&job->deadline)) {
            atomic_fetch_add(&w->expired, 1);
            job->expire(job, 0);
        } else {
            /* a connection for this job only: the pool hands back the one released last,
             * so jobs that come one at a time all run on one connection and only as many
             * connections as jobs ever ran at once read the schema and fill a page cache
             * (the pool has one per thread of every pool: this never waits) */
            bc_store *store = bc_store_pool_acquire(w->readers);
            bc_workers_guard(bc_store_db(store));
            job->deadline_hit = 0;
            current = job;
            current_hit = 0;
            job->run(job, store);
            current = NULL;
            bc_store_pool_release(w->readers, store);
            if (current_hit)
                atomic_fetch_add(&w->interrupted, 1);
            atomic_fetch_add(&w->done, 1);
        }
        /* job may be gone now: run and expire hand it back to its owner */
        unsigned long long ran = micros_since(&began);
        pthread_mutex_lock(&w->lock);
        flow_leave(w, slot, ran);
        atomic_fetch_sub(&w->busy, 1);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

int bc_workers_start(const char *name, int n, size_t max_queue, bc_store_pool *readers,
                     bc_workers **out, bc_err *err)
{
    *out = NULL;
    bc_workers *w = bc_calloc(1, sizeof *w);
    worker *threads = w ? bc_calloc((size_t)n, sizeof *threads) : NULL;
    if (threads == NULL) {
        bc_free(w);
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    }
    snprintf(w->name, sizeof w->name, "%s", name);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->ready, NULL);
    pthread_condattr_t monotonic;
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC); /* deadlines are monotonic */
    pthread_cond_init(&w->head_moved, &monotonic);
    pthread_condattr_destroy(&monotonic);
    w->max_queue = max_queue;
    w->readers = readers;
    w->n = n;
    w->threads = threads;
    int rc = BC_OK;
    for (int i = 0; i < n && rc == BC_OK; i++) {
        threads[i].pool = w;
        if (pthread_create(&threads[i].thread, NULL, worker_main, &threads[i]) != 0) {
            rc = bc_err_set(err, BC_EIO, "cannot start the %s threads", name);
        } else {
            threads[i].started = 1;
        }
    }
    if (rc == BC_OK) {
        if (pthread_create(&w->timer, NULL, timer_main, w) != 0)
            rc = bc_err_set(err, BC_EIO, "cannot start the %s timer", name);
        else
            w->timer_started = 1;
    }
    if (rc != BC_OK) {
        bc_workers_stop(w);
        return rc;
    }
    *out = w;
    return BC_OK;
}

int bc_workers_submit(bc_workers *w, bc_job *job)
{
    pthread_mutex_lock(&w->lock);
    int rc = BC_OK;
    if (w->stopping || w->queued >= w->max_queue) {
        rc = BC_EBUSY;
        atomic_fetch_add(&w->rejected, 1);
    } else {
        job->next = NULL;
        job->flow_slot = flow_enter(w, job->flow);
        if (w->tail != NULL) {
            if (earlier(&job->deadline, &w->tail->deadline))
                pthread_cond_signal(&w->head_moved); /* it may expire before the watched one */
            w->tail->next = job;
        } else {
            w->head = job;
            pthread_cond_signal(&w->head_moved);
        }
        w->tail = job;
        w->queued++;
        pthread_cond_signal(&w->ready);
    }
    pthread_mutex_unlock(&w->lock);
    return rc;
}

void bc_workers_stop(bc_workers *w)
{
    if (w == NULL)
        return;
    pthread_mutex_lock(&w->lock);
    w->stopping = 1;
    bc_job *queued = w->head;
    w->head = w->tail = NULL;
    w->queued = 0;
    pthread_cond_broadcast(&w->ready);
    pthread_cond_broadcast(&w->head_moved);
    pthread_mutex_unlock(&w->lock);
    if (w->timer_started)
        pthread_join(w->timer, NULL);
    while (queued != NULL) {
        bc_job *next = queued->next;
        atomic_fetch_add(&w->expired, 1);
        queued->expire(queued, 1);
        queued = next;
    }
    for (int i = 0; i < w->n; i++) {
        if (w->threads[i].started)
            pthread_join(w->threads[i].thread, NULL);
    }
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->ready);
    pthread_cond_destroy(&w->head_moved);
    bc_free(w->threads);
    bc_free(w);
}

void bc_workers_get_stats(bc_workers *w, bc_workers_stats *out)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&w->lock);
    out->queued = w->queued;
    pthread_mutex_unlock(&w->lock);
    out->name = w->name;
    out->threads = w->n;
    out->busy = atomic_load(&w->busy);
    out->done = atomic_load(&w->done);
    out->rejected = atomic_load(&w->rejected);
    out->expired = atomic_load(&w->expired);
    out->interrupted = atomic_load(&w->interrupted);
}
