/* metrics.h: process-wide counters for GET /metrics in the Prometheus text format:
 * requests by route, method and status, a latency histogram per route, requests in
 * flight, how responses were produced (built, from the cache, 304 from the key), the
 * response cache, the store generation and build information. Recording is lock-free
 * (atomics); rendering reads a consistent-enough snapshot. */
#ifndef BORDERCOOP_METRICS_H
#define BORDERCOOP_METRICS_H

#include "bordercoop/buf.h"
#include "bordercoop/cache.h"
#include "bordercoop/live.h"
#include "bordercoop/log.h"
#include "bordercoop/reaper.h"
#include "bordercoop/workers.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* Routes counted separately (router.h's table must be smaller: the last slot counts
 * paths no route matched). */
#define BC_METRICS_MAX_ROUTES 64

enum bc_outcome {
    BC_OUTCOME_BUILT = 0,        /* a handler ran */
    BC_OUTCOME_CACHED = 1,       /* sent from the response cache */
    BC_OUTCOME_NOT_MODIFIED = 2, /* 304 from the cache key alone (entry not cached) */
    BC_OUTCOME_REJECTED = 3,     /* refused before any handler (bad target, too large) */
};

/* Records one finished request. route is a bc_router_route_of() index (-1: none). */
void bc_metrics_request(int route, const char *method, int status, double seconds, int outcome);

/* Adds delta to the requests in flight. */
void bc_metrics_in_flight(int delta);

/* Lets the renderer read the cache statistics and the store generation (borrowed;
 * NULL detaches). */
void bc_metrics_attach(bc_cache *cache, bc_live *live);

/* Most pools bc_metrics_attach_pools keeps. */
#define BC_METRICS_POOLS 8

/* Lets the renderer read the queues and counters of the worker pools pools[0..n) (each
 * borrowed; NULL entries are skipped; at most BC_METRICS_POOLS are kept), reported in
 * that order by their names; n = 0 detaches them all. */
void bc_metrics_attach_pools(bc_workers *const *pools, int n);

/* Lets the renderer read the connection counts of the reaper (borrowed; NULL detaches). */
void bc_metrics_attach_reaper(bc_reaper *r);

/* Lets the renderer read the access log's counters (borrowed; NULL detaches). */
void bc_metrics_attach_log(bc_log *l);

/* Appends the exposition text to out. */
void bc_metrics_render(bc_buf *out);

/* GET /metrics: the exposition text (text/plain; version=0.0.4), never cached. */
int bc_handle_metrics(bc_request *req, bc_response *res);

#endif
