/* workers.h: a small fixed pool of threads that run the requests the I/O thread must
 * not: anything that needs the store (an uncached query, search, a CSV export, a
 * write and its lock wait). A thread takes a store connection from the shared reader
 * pool for each job and returns it after. Every job has a deadline: a job still queued at its
 * deadline is expired unrun, and one running past it has its SQLite work interrupted
 * (sqlite3_progress_handler), which the job sees in deadline_hit. The queue is bounded, so overload
 * is refused at once instead of piling up. Writes use a pool of one thread: one writer, no
 * contention.
 *
 * The queue is fair between flows (a job's `flow`, the client's address): a free thread
 * takes the oldest job of the flow that has had the least worker time lately (start-time
 * fair queuing, charged with the time each job ran), so a client that keeps many costly
 * jobs queued delays another client's job by about one job, not by its whole backlog;
 * its own jobs wait, and expire at their deadline. Jobs of one flow run in order. With
 * one flow (every client behind one proxy) the queue is first in, first out. */
#ifndef BORDERCOOP_WORKERS_H
#define BORDERCOOP_WORKERS_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>
#include <time.h>

typedef struct bc_workers bc_workers;
typedef struct bc_job bc_job;

/* A unit of work, embedded in (and owned by) the caller's request state. */
struct bc_job {
    /* On a worker thread, with a store connection (borrowed for the call). */
    void (*run)(bc_job *job, bc_store *store);
    /* Instead of run when the job cannot run: its deadline passed while queued, or the
     * pool is stopping. On a worker thread or in bc_workers_stop's thread. */
    void (*expire)(bc_job *job, int stopping);
    struct timespec deadline; /* CLOCK_MONOTONIC; set by the submitter */
    unsigned long long flow;  /* who it is for (the client's address), set by the submitter;
                               * 0 for all jobs of unknown origin */
    int deadline_hit;         /* set during run when SQLite work was cut at the deadline */
    int flow_slot;            /* the pool's */
    bc_job *next;             /* the queue's */
};

typedef struct bc_workers_stats {
    const char *name;
    int threads;
    size_t queued, busy;
    unsigned long long done, rejected, expired, interrupted;
} bc_workers_stats;

/* Starts n threads named name ("workers", "writer"), each taking a connection from
 * readers for every job it runs (readers must hold at least one connection for every
 * thread of every pool that shares it, so that taking one never waits; the one
 * released last is taken first, so jobs that run one at a time share one warm
 * connection), with a queue of at most max_queue jobs. *out is new; stop it with
 * bc_workers_stop. readers is borrowed and must outlive the pool. */
int bc_workers_start(const char *name, int n, size_t max_queue, bc_store_pool *readers,
                     bc_workers **out, bc_err *err);

/* Queues job (taking no ownership: job must stay valid until run or expire returns).
 * Returns BC_OK, or BC_EBUSY when the queue is full or the pool is stopping; then
 * neither callback is called. Thread-safe. */
int bc_workers_submit(bc_workers *w, bc_job *job);

/* Expires every queued job (expire with stopping = 1), lets running jobs finish (their
 * connections go back to readers), joins the threads and frees w. NULL is a no-op. */
void bc_workers_stop(bc_workers *w);

void bc_workers_get_stats(bc_workers *w, bc_workers_stats *out);

/* Makes SQLite work on db, done from a worker thread, stop at the running job's
 * deadline (done for each job's reader; for connections a job opens or borrows besides
 * it, such as the store's writer, call it once per connection). Harmless on other
 * threads (no job: no limit). */
void bc_workers_guard(sqlite3 *db);

/* With on set (1), the running job's SQLite work on this thread is no longer cut at its
 * deadline, until bc_workers_exempt(0): for the bounded work that answers a write that
 * has committed (reading the stored document back), which must not turn a done write
 * into an error. Returns the setting before. Harmless on other threads. */
int bc_workers_exempt(int on);

/* With on set, every job's SQLite work (on guarded connections) and lock wait stops now
 * as if its deadline had passed, in every pool of the process: the shutdown grace is
 * over. bc_workers_cut(0) lifts it (a new server in the same process). */
void bc_workers_cut(int on);

/* The deadline ms milliseconds from now, for bc_job.deadline. */
struct timespec bc_deadline_after(int ms);

/* Milliseconds left until deadline (0 when it has passed). */
int bc_deadline_left_ms(const struct timespec *deadline);

#endif
