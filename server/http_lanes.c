/* http_lanes.c: the lanes a request runs on once it needs the store: one table that
 * says, for each bc_exec, which pool runs it, how many threads and queued jobs that pool
 * has, the budget of its jobs and what the access log says when its queue is full; and
 * the flow (the client's address) a job is queued under, so that every lane's queue is
 * fair between clients (workers.h). */
#include "http_int.h"

#include "bordercoop/metrics.h"

#include <arpa/inet.h>
#include <string.h>

/* jobs waiting for a thread, per thread of a lane with --workers threads; beyond,
 * requests are refused at once (the budget would expire them anyway) */
#define QUEUE_PER_WORKER 64
/* the keyed lane's, per thread: its jobs have the write budget, and an article's reading
 * takes up to a second */
#define KEYED_PER_THREAD 16

/* the budget a lane's jobs get (bc_config) */
enum { BUDGET_REQUEST = 0, BUDGET_WRITE, BUDGET_BULK, BUDGET_COSTLY };

typedef struct lane {
    const char *name; /* its pool's (metrics), NULL: no pool of its own */
    int runs_on;      /* the exec whose pool runs its jobs (its own, or the workers') */
    int threads;      /* 0: --workers */
    int queue;        /* jobs queued at most: in all (threads 1), else per thread */
    int budget;       /* BUDGET_* */
    const char *full; /* the access log's note when its queue is full */
} lane;

/* In start order; stopped in the reverse order, so that the keyed lane stops before the
 * writer, which takes its jobs' second steps. */
static const lane LANES[EXEC_COUNT] = {
    [BC_EXEC_WORKER] = {"workers", BC_EXEC_WORKER, 0, QUEUE_PER_WORKER, BUDGET_REQUEST,
                        "refused: the workers' queue is full"},
    [BC_EXEC_INLINE] = {NULL, BC_EXEC_INLINE, 0, 0, BUDGET_REQUEST, NULL},
    [BC_EXEC_WRITER] = {"writer", BC_EXEC_WRITER, 1, 16, BUDGET_WRITE,
                        "refused: the writer's queue is full"},
    [BC_EXEC_BULK] = {"bulk", BC_EXEC_BULK, 1, 16, BUDGET_BULK, "refused: the bulk queue is full"},
    [BC_EXEC_SEARCH] = {"search", BC_EXEC_SEARCH, 0, QUEUE_PER_WORKER, BUDGET_REQUEST,
                        "refused: the search queue is full"},
    /* facets and totals grow with the store (a 200,000-figure store's year facet takes
     * 200 ms): a budget of their own, on a lane of their own, so they finish without
     * holding the workers cheap reads need (analyst 11, F12) */
    [BC_EXEC_COSTLY] = {"costly", BC_EXEC_COSTLY, 0, QUEUE_PER_WORKER, BUDGET_COSTLY,
                        "refused: the costly reads' queue is full"},
    [BC_EXEC_KEYED] = {"keyed", BC_EXEC_KEYED, 0, KEYED_PER_THREAD, BUDGET_WRITE,
                       "refused: the keyed lane's queue is full"},
    [BC_EXEC_SUMMARY] = {"summary", BC_EXEC_SUMMARY, 1, 16, BUDGET_BULK,
                         "refused: the summary queue is full"},
    /* a write's key check: on the workers, with a read's budget */
    [EXEC_GATE] = {NULL, BC_EXEC_WORKER, 0, 0, BUDGET_REQUEST,
                   "refused: the workers' queue is full"},
};

_Static_assert(EXEC_GATE <= BC_METRICS_POOLS, "every lane's pool is reported in /metrics");

static int threads_of(const lane *l, int workers)
{
    return l->threads > 0 ? l->threads : workers;
}

size_t bc_http_readers(int workers)
{
    size_t n = 0;
    for (int i = 0; i < EXEC_COUNT; i++)
        if (LANES[i].name != NULL)
            n += (size_t)threads_of(&LANES[i], workers);
    return n;
}

int bc_http_lanes_start(bc_http *h, bc_err *err)
{
    int rc = BC_OK;
    for (int i = 0; i < EXEC_GATE && rc == BC_OK; i++) {
        const lane *l = &LANES[i];
        if (l->name == NULL)
            continue;
        int threads = threads_of(l, h->cfg->workers);
        size_t queue = (size_t)l->queue * (l->threads > 0 ? 1 : (size_t)threads);
        rc = bc_workers_start(l->name, threads, queue, bc_live_pool(h->live), &h->lanes[i], err);
    }
    if (rc == BC_OK)
        bc_metrics_attach_pools(h->lanes, EXEC_GATE);
    return rc;
}

void bc_http_lanes_stop(bc_http *h)
{
    bc_metrics_attach_pools(NULL, 0);
    for (int i = EXEC_GATE - 1; i >= 0; i--) {
        bc_workers_stop(h->lanes[i]);
        h->lanes[i] = NULL;
    }
}

bc_workers *bc_http_pool_of(const bc_http *h, int exec)
{
    return exec >= 0 && exec < EXEC_COUNT ? h->lanes[LANES[exec].runs_on] : NULL;
}

int bc_http_budget_of(const bc_http *h, int exec)
{
    int budget = exec >= 0 && exec < EXEC_COUNT ? LANES[exec].budget : BUDGET_REQUEST;
    return budget == BUDGET_WRITE    ? h->cfg->write_budget_ms
           : budget == BUDGET_BULK   ? h->cfg->bulk_budget_ms
           : budget == BUDGET_COSTLY ? h->cfg->costly_budget_ms
                                     : h->cfg->request_budget_ms;
}

const char *bc_http_queue_full(int exec)
{
    const char *note = exec >= 0 && exec < EXEC_COUNT ? LANES[exec].full : NULL;
    return note != NULL ? note : "refused: the queue is full";
}

unsigned long long bc_http_flow_of(struct MHD_Connection *con)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = ci != NULL ? ci->client_addr : NULL;
    unsigned long long key = 0;
    if (sa != NULL && sa->sa_family == AF_INET) {
        key = (1ULL << 32) | ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr);
    } else if (sa != NULL && sa->sa_family == AF_INET6) {
        const unsigned char *b = ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
        static const unsigned char v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        int mapped = memcmp(b, v4mapped, sizeof v4mapped) == 0;
        for (int i = mapped ? 12 : 0; i < (mapped ? 16 : 8); i++)
            key = key << 8 | b[i];
        key |= mapped ? 1ULL << 32 : 2ULL << 62;
    }
    return key;
}
