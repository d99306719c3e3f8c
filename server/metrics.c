/* metrics.c: Prometheus counters and histograms (see metrics.h). */
#include "bordercoop/metrics.h"

#include "bordercoop/auth.h"
#include "bordercoop/router.h"
#include "bordercoop/store.h"
#include "bordercoop/version.h"

#include <microhttpd.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_ROUTES BC_METRICS_MAX_ROUTES
static const char *const METHODS[] = {"GET", "HEAD", "POST", "OPTIONS", "other"};
#define NMETHODS 5
static const int STATUSES[] = {200, 201, 204, 304, 400, 401, 403, 404, 405, 406,
                               411, 413, 414, 415, 431, 500, 501, 503, 0 /* other */};
#define NSTATUSES (sizeof STATUSES / sizeof STATUSES[0])
static const double BUCKETS[] = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                 0.025,  0.05,    0.1,    0.25,  0.5,    1};
#define NBUCKETS (sizeof BUCKETS / sizeof BUCKETS[0])

static atomic_ullong requests[MAX_ROUTES][NMETHODS][NSTATUSES];
static atomic_ullong buckets[MAX_ROUTES][NBUCKETS + 1]; /* the last is +Inf */
static atomic_ullong duration_ns[MAX_ROUTES];
static atomic_ullong outcomes[4];
static atomic_int in_flight;
static _Atomic(bc_cache *) attached_cache;
static _Atomic(bc_live *) attached_live;
static _Atomic(bc_workers *) attached_pools[BC_METRICS_POOLS];
static _Atomic(bc_reaper *) attached_reaper;
static _Atomic(bc_log *) attached_log;
static time_t started = 0;

void bc_metrics_request(int route, const char *method, int status, double seconds, int outcome)
{
    if (route < 0 || route >= MAX_ROUTES)
        route = MAX_ROUTES - 1;
    size_t m = NMETHODS - 1, s = NSTATUSES - 1;
    for (size_t i = 0; i + 1 < NMETHODS; i++)
        if (strcmp(METHODS[i], method) == 0) {
            m = i;
            break;
        }
    for (size_t i = 0; i + 1 < NSTATUSES; i++)
        if (STATUSES[i] == status) {
            s = i;
            break;
        }
    atomic_fetch_add_explicit(&requests[route][m][s], 1, memory_order_relaxed);
    size_t b = 0;
    while (b < NBUCKETS && seconds > BUCKETS[b])
        b++;
    atomic_fetch_add_explicit(&buckets[route][b], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&duration_ns[route], (unsigned long long)(seconds * 1e9),
                              memory_order_relaxed);
    if (outcome >= 0 && outcome < 4)
        atomic_fetch_add_explicit(&outcomes[outcome], 1, memory_order_relaxed);
}

void bc_metrics_in_flight(int delta)
{
    atomic_fetch_add_explicit(&in_flight, delta, memory_order_relaxed);
}

void bc_metrics_attach(bc_cache *cache, bc_live *live)
{
    if (started == 0)
        started = time(NULL);
    atomic_store(&attached_cache, cache);
    atomic_store(&attached_live, live);
}

static void help(bc_buf *out, const char *name, const char *type, const char *text)
{
    bc_buf_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, text, name, type);
}

void bc_metrics_attach_pools(bc_workers *const *pools, int n)
{
    for (int i = 0; i < BC_METRICS_POOLS; i++)
        atomic_store(&attached_pools[i], i < n ? pools[i] : NULL);
}

void bc_metrics_attach_reaper(bc_reaper *r)
{
    atomic_store(&attached_reaper, r);
}

void bc_metrics_attach_log(bc_log *l)
{
    atomic_store(&attached_log, l);
}

static void access_log(bc_buf *out)
{
    bc_log *l = atomic_load(&attached_log);
    if (l == NULL)
        return;
    bc_log_stats st;
    bc_log_get_stats(l, &st);
    help(out, "bordercoop_log_lines_total", "counter", "Access-log lines buffered.");
    bc_buf_printf(out, "bordercoop_log_lines_total %llu\n", st.lines);
    help(out, "bordercoop_log_dropped_total", "counter",
         "Access-log lines dropped because the log writer fell behind (never waited for).");
    bc_buf_printf(out, "bordercoop_log_dropped_total %llu\n", st.dropped);
    help(out, "bordercoop_log_write_errors_total", "counter",
         "Failed writes (or reopens) of the access log.");
    bc_buf_printf(out, "bordercoop_log_write_errors_total %llu\n", st.write_errors);
}

static void connections(bc_buf *out)
{
    bc_reaper *r = atomic_load(&attached_reaper);
    if (r == NULL)
        return;
    bc_reaper_stats st;
    bc_reaper_get_stats(r, &st);
    help(out, "bordercoop_connections_open", "gauge", "Client connections open now.");
    bc_buf_printf(out, "bordercoop_connections_open %zu\n", st.open);
    help(out, "bordercoop_connections_shed_total", "counter",
         "Connections closed by the server because their request head was too slow, their "
         "body too slow, connections ran short, or the daemon was stopping.");
    bc_buf_printf(out, "bordercoop_connections_shed_total{reason=\"slow_head\"} %llu\n",
                  st.shed_head);
    bc_buf_printf(out, "bordercoop_connections_shed_total{reason=\"slow_body\"} %llu\n",
                  st.shed_body);
    bc_buf_printf(out, "bordercoop_connections_shed_total{reason=\"room\"} %llu\n", st.shed_room);
    bc_buf_printf(out, "bordercoop_connections_shed_total{reason=\"shutdown\"} %llu\n",
                  st.shed_drain);
}

static void pools(bc_buf *out)
{
    bc_workers_stats st[BC_METRICS_POOLS];
    int n = 0;
    for (int i = 0; i < BC_METRICS_POOLS; i++) {
        bc_workers *w = atomic_load(&attached_pools[i]);
        if (w != NULL)
            bc_workers_get_stats(w, &st[n++]);
    }
    if (n == 0)
        return;
    help(out, "bordercoop_pool_threads", "gauge",
         "Threads of each pool: workers (reads that need the store), writer, bulk "
         "(the export, its index, machine-read summaries), summary (/v1/stats), search, costly "
         "(large list pages, totals, facets) and keyed (review reads, articles read before the "
         "writer stores them).");
    for (int i = 0; i < n; i++)
        bc_buf_printf(out, "bordercoop_pool_threads{pool=\"%s\"} %d\n", st[i].name, st[i].threads);
    help(out, "bordercoop_pool_queued", "gauge", "Requests waiting for a thread of the pool.");
    for (int i = 0; i < n; i++)
        bc_buf_printf(out, "bordercoop_pool_queued{pool=\"%s\"} %zu\n", st[i].name, st[i].queued);
    help(out, "bordercoop_pool_busy", "gauge", "Threads of the pool running a request now.");
    for (int i = 0; i < n; i++)
        bc_buf_printf(out, "bordercoop_pool_busy{pool=\"%s\"} %zu\n", st[i].name, st[i].busy);
    help(out, "bordercoop_pool_jobs_total", "counter",
         "Requests handed to the pool, by what became of them: run, refused because the "
         "queue was full (503 overloaded), expired in the queue at their deadline (503), or "
         "run and cut at their deadline (503 budget_exceeded).");
    for (int i = 0; i < n; i++) {
        bc_buf_printf(out, "bordercoop_pool_jobs_total{pool=\"%s\",outcome=\"run\"} %llu\n",
                      st[i].name, st[i].done);
        bc_buf_printf(out, "bordercoop_pool_jobs_total{pool=\"%s\",outcome=\"refused\"} %llu\n",
                      st[i].name, st[i].rejected);
        bc_buf_printf(out, "bordercoop_pool_jobs_total{pool=\"%s\",outcome=\"expired\"} %llu\n",
                      st[i].name, st[i].expired);
        bc_buf_printf(out, "bordercoop_pool_jobs_total{pool=\"%s\",outcome=\"over_budget\"} %llu\n",
                      st[i].name, st[i].interrupted);
    }
}

static void route_label(int route, char *buf, size_t n)
{
    if (route == MAX_ROUTES - 1 || !bc_router_route_name(route, buf, n))
        snprintf(buf, n, "unmatched");
}

void bc_metrics_render(bc_buf *out)
{
    char route[128];
    help(out, "bordercoop_http_requests_total", "counter",
         "HTTP requests finished, by route pattern, method and status.");
    for (int r = 0; r < MAX_ROUTES; r++)
        for (size_t m = 0; m < NMETHODS; m++)
            for (size_t s = 0; s < NSTATUSES; s++) {
                unsigned long long v = atomic_load(&requests[r][m][s]);
                if (v == 0)
                    continue;
                route_label(r, route, sizeof route);
                char status[8];
                snprintf(status, sizeof status, "%d", STATUSES[s]);
                bc_buf_printf(out,
                              "bordercoop_http_requests_total{route=\"%s\",method=\"%s\","
                              "status=\"%s\"} %llu\n",
                              route, METHODS[m], STATUSES[s] ? status : "other", v);
            }
    help(out, "bordercoop_http_request_duration_seconds", "histogram",
         "Time from the request line to the response being queued, by route pattern.");
    for (int r = 0; r < MAX_ROUTES; r++) {
        unsigned long long count = 0;
        for (size_t b = 0; b <= NBUCKETS; b++)
            count += atomic_load(&buckets[r][b]);
        if (count == 0)
            continue;
        route_label(r, route, sizeof route);
        unsigned long long cumulative = 0;
        for (size_t b = 0; b < NBUCKETS; b++) {
            cumulative += atomic_load(&buckets[r][b]);
            bc_buf_printf(out,
                          "bordercoop_http_request_duration_seconds_bucket{route=\"%s\","
                          "le=\"%g\"} %llu\n",
                          route, BUCKETS[b], cumulative);
        }
        bc_buf_printf(out,
                      "bordercoop_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} "
                      "%llu\n",
                      route, count);
        bc_buf_printf(out, "bordercoop_http_request_duration_seconds_sum{route=\"%s\"} %.9f\n",
                      route, (double)atomic_load(&duration_ns[r]) / 1e9);
        bc_buf_printf(out, "bordercoop_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
                      route, count);
    }
    bc_auth_metrics(out);
    help(out, "bordercoop_http_requests_in_flight", "gauge", "Requests being processed now.");
    bc_buf_printf(out, "bordercoop_http_requests_in_flight %d\n", atomic_load(&in_flight));
    help(out, "bordercoop_responses_total", "counter",
         "Responses by how they were produced: built by a handler, sent from the response "
         "cache, answered 304 from the cache key alone, or rejected before routing.");
    static const char *const names[] = {"built", "cached", "not_modified", "rejected"};
    for (int i = 0; i < 4; i++)
        bc_buf_printf(out, "bordercoop_responses_total{outcome=\"%s\"} %llu\n", names[i],
                      atomic_load(&outcomes[i]));
    bc_cache *cache = atomic_load(&attached_cache);
    if (cache != NULL) {
        bc_cache_stats st;
        bc_cache_get_stats(cache, &st);
        help(out, "bordercoop_cache_lookups_total", "counter", "Response cache lookups.");
        bc_buf_printf(out, "bordercoop_cache_lookups_total{result=\"hit\"} %llu\n", st.hits);
        bc_buf_printf(out, "bordercoop_cache_lookups_total{result=\"miss\"} %llu\n", st.misses);
        help(out, "bordercoop_cache_evictions_total", "counter",
             "Entries evicted to stay within the byte budget.");
        bc_buf_printf(out, "bordercoop_cache_evictions_total %llu\n", st.evictions);
        help(out, "bordercoop_cache_bytes", "gauge", "Bytes held by the response cache.");
        bc_buf_printf(out, "bordercoop_cache_bytes %zu\n", st.bytes);
        help(out, "bordercoop_cache_budget_bytes", "gauge", "The response cache's byte budget.");
        bc_buf_printf(out, "bordercoop_cache_budget_bytes %zu\n", st.budget);
        help(out, "bordercoop_cache_entries", "gauge", "Responses held by the cache.");
        bc_buf_printf(out, "bordercoop_cache_entries %zu\n", st.entries);
    }
    bc_live *live = atomic_load(&attached_live);
    if (live != NULL) {
        bc_live_view v;
        bc_live_view_get(live, &v);
        help(out, "bordercoop_store_generation", "gauge",
             "Changes of the store seen since the daemon started.");
        bc_buf_printf(out, "bordercoop_store_generation %lu\n", v.serial);
        help(out, "bordercoop_store_modified_timestamp_seconds", "gauge",
             "When the store's content last changed (build or ingest).");
        bc_buf_printf(out, "bordercoop_store_modified_timestamp_seconds %lld\n",
                      (long long)v.modified_at);
        help(out, "bordercoop_store_info", "gauge", "The store being served.");
        bc_buf_printf(out, "bordercoop_store_info{content_version=\"%.16s\",schema=\"%d\"} 1\n",
                      v.generation, bc_store_latest_version());
    }
    pools(out);
    connections(out);
    access_log(out);
    help(out, "bordercoop_build_info", "gauge", "Versions of bordercoopd and its libraries.");
    bc_buf_printf(out,
                  "bordercoop_build_info{version=\"%s\",sqlite=\"%s\",libmicrohttpd=\"%s\"} 1\n",
                  BC_VERSION, sqlite3_libversion(), MHD_get_version());
    help(out, "process_start_time_seconds", "gauge", "When the process started.");
    bc_buf_printf(out, "process_start_time_seconds %lld\n", (long long)started);
    long pages = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f != NULL) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    help(out, "process_resident_memory_bytes", "gauge", "Resident memory of the process.");
    bc_buf_printf(out, "process_resident_memory_bytes %ld\n", rss * sysconf(_SC_PAGESIZE));
}

int bc_handle_metrics(bc_request *req, bc_response *res)
{
    int status = bc_reject_params(req, res);
    if (status != 0)
        return status;
    res->content_type = "text/plain; version=0.0.4";
    bc_metrics_render(&res->body);
    bc_response_header(res, "Cache-Control", "no-store");
    if (bc_buf_failed(&res->body))
        return bc_problem_internal(res, NULL, "out of memory");
    return res->status = 200;
}
