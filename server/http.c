/* http.c: libmicrohttpd glue: the daemon and the life of a request.
 *
 * A request context is created in the URI-log callback (with the raw URI). The access
 * handler's first call sees the whole head and refuses at once what must not be read
 * (http_admit.c); its last call answers. Where it answers depends on the cost: the I/O
 * thread itself sends cached representations, 304s and the routes that touch nothing
 * (health, metrics, 404, 405, preflight); everything that needs the store is handed to
 * the pool of its lane (http_lanes.c: the workers, the writer, ...) with the connection
 * suspended, and sent when the worker resumes it. A write in two steps (router.h) is
 * read on the keyed lane and handed on to the writer. Answering in the first call would make 0.9.75
 * close the connection, so only refusals do. The completion callback writes the access-log line and
 * releases the context. */
#include "http_int.h"

#include "bordercoop/accesslog.h"
#include "bordercoop/alloc.h"
#include "bordercoop/auth.h"
#include "bordercoop/metrics.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/router.h"
#include "bordercoop/strict.h"

#include <arpa/inet.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* request targets are copied up to this many bytes; --max-uri (at most this) decides */
#define URI_COPY_MAX 65536

/* finished request contexts kept for reuse (with their arena's first chunk), so the
 * cached path allocates nothing of its own; beyond this many they are freed */
#define CTX_POOL_MAX 256

/* A request handed to a worker: everything the handler needs, and its answer. */
struct job_state {
    bc_job job; /* first: the pool's view of it */
    req_ctx *c;
    int exec;
    bc_request req;
    bc_response res;
    const char *key; /* the cache key, NULL when the answer is not cacheable */
    int gzip;
    bc_cached *entry; /* the representation the worker cached, or NULL */
};

/* A zeroed context: the I/O thread's spare when there is one I/O thread (no lock), else
 * from the pool when one is free (its arena chunk kept), else new. */
static req_ctx *ctx_get(bc_http *h)
{
    req_ctx *c = NULL;
    if (h->share_responses && h->spare != NULL) {
        c = h->spare;
        h->spare = NULL;
    } else {
        pthread_mutex_lock(&h->pool_lock);
        c = h->pool;
        if (c != NULL) {
            h->pool = c->next_free;
            h->pooled--;
        }
        pthread_mutex_unlock(&h->pool_lock);
    }
    if (c == NULL)
        return bc_calloc(1, sizeof *c);
    bc_arena kept = c->arena;
    memset(c, 0, sizeof *c);
    c->arena = kept;
    return c;
}

/* Returns a finished context to the spare slot or the pool (or frees it when the pool is
 * full). Called on the I/O thread only (libmicrohttpd's completion callback). */
static void ctx_put(bc_http *h, req_ctx *c)
{
    bc_buf_free(&c->body);
    bc_arena_reset(&c->arena);
    if (h->share_responses && h->spare == NULL) {
        h->spare = c;
        return;
    }
    pthread_mutex_lock(&h->pool_lock);
    int keep = h->pooled < CTX_POOL_MAX;
    if (keep) {
        c->next_free = h->pool;
        h->pool = c;
        h->pooled++;
    }
    pthread_mutex_unlock(&h->pool_lock);
    if (!keep) {
        bc_arena_free(&c->arena);
        bc_free(c);
    }
}

static void ctx_pool_free(bc_http *h)
{
    if (h->spare != NULL) {
        h->spare->next_free = h->pool;
        h->pool = h->spare;
        h->spare = NULL;
    }
    while (h->pool != NULL) {
        req_ctx *next = h->pool->next_free;
        bc_arena_free(&h->pool->arena);
        bc_free(h->pool);
        h->pool = next;
    }
    h->pooled = 0;
}

/* A target in absolute form ("http://host/v1/meetings?x=1", RFC 9112 3.2.2, which a
 * server must accept) is its path and query from here on: the route, the admission's
 * checks and the access log see "/v1/meetings?x=1" ("/" when it names no path). The
 * authority is not used (nothing here depends on the host). */
static void absolute_form(req_ctx *c)
{
    char *u = c->uri;
    size_t scheme = strncasecmp(u, "http://", 7) == 0    ? 7
                    : strncasecmp(u, "https://", 8) == 0 ? 8
                                                         : 0;
    if (scheme == 0)
        return;
    size_t host = strcspn(u + scheme, "/?#");
    if (host == 0)
        return; /* no authority: not a URI, the 400 of a target that is no path */
    char *rest = u + scheme + host;
    if (*rest == '/') {
        c->uri = rest;
        return;
    }
    size_t n = strlen(rest);
    char *path = bc_arena_alloc(&c->arena, n + 2);
    if (path == NULL)
        return;
    path[0] = '/';
    memcpy(path + 1, rest, n + 1);
    c->uri = path;
}

/* libmicrohttpd 0.9.75 parses the query right after this callback into a record per
 * parameter (an empty one between two '&' too), BC_HEAD_FIELD_COST bytes each of the
 * connection's memory, which is sized for the head's bytes and its header fields: a target
 * well within --max-uri (200 parameters in 1.3 KB, 4000 in "?&&&...") used it up, the
 * library logged "Not enough memory in pool to allocate header record" and the request got
 * no answer at all until --header-timeout took it for a slow client (analyst 12, F6). The
 * query is read from the context's copy (c->uri, bc_params_parse) and never from the
 * library's arguments, so the library's copy is emptied here: its parse then finds "" after
 * the '?' and records nothing, and every target within --max-uri reaches the handler. The
 * target lies writable in the library's read buffer (it writes over it itself, '\0' for the
 * '?' and the unescaped parameters); other versions keep their own parse. */
static void query_kept_from_library(const char *uri)
{
#if MHD_VERSION == 0x00097500
    char *q = strchr(uri, '?');
    if (q != NULL && q[1] != '\0')
        q[1] = '\0';
#else
    (void)uri;
#endif
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *con)
{
    bc_http *h = cls;
    req_ctx *c = ctx_get(h);
    if (c == NULL) {
        query_kept_from_library(uri);
        bc_http_head_unlisted(); /* a head no list holds: refused_head can no longer tell */
        return NULL;
    }
    c->h = h;
    c->con = con;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    c->track = ci != NULL ? ci->socket_context : NULL;
    clock_gettime(CLOCK_MONOTONIC, &c->start);
    bc_reaper_head_begun(c->track,
                         (uint64_t)c->start.tv_sec * 1000 + (uint64_t)c->start.tv_nsec / 1000000);
    size_t raw_len = strlen(uri), n = raw_len;
    if (n > (size_t)h->cfg->max_uri) {
        c->uri_too_long = 1;
        n = (size_t)h->cfg->max_uri < URI_COPY_MAX ? (size_t)h->cfg->max_uri : URI_COPY_MAX;
    }
    c->uri = bc_arena_strndup(&c->arena, uri, n);
    if (c->uri != NULL && !c->uri_too_long)
        absolute_form(c);
    c->target_bad = !bc_strict_target_ok(uri, n);
    c->raw_uri = uri;
    c->raw_uri_len = raw_len;
    query_kept_from_library(uri);
    bc_http_head_reading(c);
    unsigned long seq = atomic_fetch_add(&h->next_id, 1);
    /* "%08lx%08lx" by hand: this runs for every request */
    static const char hex[] = "0123456789abcdef";
    unsigned long long both =
        ((unsigned long long)(h->id_prefix & 0xffffffffUL) << 32) | (seq & 0xffffffffUL);
    for (int i = 15; i >= 0; i--, both >>= 4)
        c->id[i] = hex[both & 15];
    c->id[16] = '\0';
    atomic_fetch_add(&h->in_flight, 1);
    bc_metrics_in_flight(1);
    c->outcome = BC_OUTCOME_REJECTED;
    c->route = -1;
    return c;
}

/* One line for the request, which took ms milliseconds, into the buffered log. */
static void access_log(const req_ctx *c, struct MHD_Connection *con, double ms,
                       const struct timespec *end)
{
    bc_http *h = c->h;
    if (h->log == NULL)
        return;
    bc_access a = {.method = c->method,
                   .target = c->uri,
                   .status = c->status,
                   .bytes = c->bytes,
                   .ms = ms,
                   .id = c->id,
                   .note = c->note};
    /* the wall clock from the monotonic end of the request, with the offset between
     * the two read once a second per thread (one clock read less per request) */
    static _Thread_local time_t offset_at = -1;
    static _Thread_local struct timespec offset;
    if (end->tv_sec != offset_at) {
        struct timespec wall, mono;
        clock_gettime(CLOCK_REALTIME, &wall);
        clock_gettime(CLOCK_MONOTONIC, &mono);
        offset.tv_sec = wall.tv_sec - mono.tv_sec;
        offset.tv_nsec = wall.tv_nsec - mono.tv_nsec;
        offset_at = end->tv_sec;
    }
    a.when.tv_sec = end->tv_sec + offset.tv_sec;
    a.when.tv_nsec = end->tv_nsec + offset.tv_nsec;
    if (a.when.tv_nsec < 0) {
        a.when.tv_nsec += 1000000000L;
        a.when.tv_sec--;
    } else if (a.when.tv_nsec >= 1000000000L) {
        a.when.tv_nsec -= 1000000000L;
        a.when.tv_sec++;
    }
    const union MHD_ConnectionInfo *ci =
        con ? MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS) : NULL;
    a.peer = ci != NULL ? ci->client_addr : NULL;
    int format = h->cfg->log_format == BC_LOG_JSON ? BC_ACCESS_JSON : BC_ACCESS_PLAIN;
    char line[1024];
    size_t n = bc_access_format(line, sizeof line, format, &a, h->cfg->api_token);
    if (n <= sizeof line) {
        bc_log_write(h->log, line, n);
        return;
    }
    char *big = bc_malloc(n); /* a long target: rare */
    if (big != NULL && bc_access_format(big, n, format, &a, h->cfg->api_token) == n)
        bc_log_write(h->log, big, n);
    bc_free(big);
}

static void on_completed(void *cls, struct MHD_Connection *con, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    req_ctx *c = *req_cls;
    if (c == NULL)
        return;
    bc_http_head_read(c);
    if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK && c->note[0] == '\0')
        snprintf(c->note, sizeof c->note, "%s",
                 c->status == 0 ? "refused by libmicrohttpd (oversized or malformed request, "
                                  "or the client went away)"
                                : "connection closed before the response was sent");
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    const char *why = bc_reaper_why(c->track);
    if (why != NULL)
        snprintf(c->note, sizeof c->note, "%s", why);
    bc_reaper_request_done(c->track, (uint64_t)end.tv_sec * 1000 + (uint64_t)end.tv_nsec / 1000000);
    double seconds =
        (double)(end.tv_sec - c->start.tv_sec) + (double)(end.tv_nsec - c->start.tv_nsec) / 1e9;
    access_log(c, con, seconds * 1e3, &end);
    bc_metrics_request(c->route, c->method[0] ? c->method : "other", c->status, seconds,
                       c->outcome);
    bc_metrics_in_flight(-1);
    atomic_fetch_sub(&c->h->in_flight, 1);
    if (c->active)
        atomic_fetch_sub(&c->h->active, 1);
    if (c->reserved > 0) {
        atomic_fetch_sub(&c->h->body_reserved, c->reserved);
        atomic_fetch_sub(&c->h->key_body[c->key_slot], c->reserved);
    }
    if (c->share)
        bc_http_share_put(c->h, c->key_id);
    bc_cached_release(c->entry);
    if (c->job != NULL) {
        /* answered by a worker but never sent (the client went away, or shutdown) */
        bc_response_free(&c->job->res);
        bc_cached_release(c->job->entry);
    }
    ctx_put(c->h, c);
    *req_cls = NULL;
}

/* Decodes the request target into req (path and raw query); a problem on failure. */
static int parse_target(req_ctx *c, bc_request *req, bc_response *res)
{
    if (c->uri_too_long) {
        /* like every refusal of a head: nothing behind it on the connection is read */
        bc_response_header(res, "Connection", "close");
        return bc_problem(res, 414, "uri_too_long", NULL,
                          "the request target is longer than %d bytes", c->h->cfg->max_uri);
    }
    const char *uri = c->uri;
    if (uri == NULL || uri[0] != '/')
        return bc_problem(res, 400, "malformed_target", NULL,
                          "the request target must be a path starting with '/'");
    const char *q = strchr(uri, '?');
    size_t plen = q ? (size_t)(q - uri) : strlen(uri);
    char *path;
    bc_err err;
    if (bc_path_decode(uri, plen, &c->arena, &path, &err) != BC_OK)
        return err.code == BC_ENOMEM
                   ? bc_problem_internal(res, NULL, "out of memory")
                   : bc_problem(res, 400, "malformed_path", NULL, "path: %s", err.msg);
    req->path = path;
    req->query = q ? q + 1 : "";
    return 0;
}

int bc_http_exec_of(const char *method, int route)
{
    const bc_method *m = route >= 0 ? bc_router_method(bc_router_route(route), method) : NULL;
    /* 404, 405 and preflights: answered from the table alone */
    return m != NULL ? (int)m->exec : BC_EXEC_INLINE;
}

/* Replaces j's answer with a 503 that asks to come back (the request changed nothing). */
static void unavailable(job_state *j, const char *code, const char *detail, const char *note)
{
    bc_response_free(&j->res);
    bc_response_init(&j->res);
    bc_problem(&j->res, 503, code, NULL, "%s", detail);
    bc_response_header(&j->res, "Retry-After", "1");
    snprintf(j->res.log_note, sizeof j->res.log_note, "%s", note);
}

/* Releases what the first step of a write in two steps left for the second. */
static void stage_done(job_state *j)
{
    if (j->req.stage != NULL && j->req.stage_free != NULL)
        j->req.stage_free(j->req.stage);
    j->req.stage = NULL;
    j->req.stage_free = NULL;
}

/* The first step of a write in two steps is done (on the keyed lane): its second goes
 * to the writer with what is left of the same budget. 1 when queued there (the writer
 * answers and resumes the connection), 0 when answered here. */
static int hand_to_writer(job_state *j)
{
    bc_http *h = j->c->h;
    if (bc_deadline_left_ms(&j->job.deadline) == 0) {
        unavailable(j, "budget_exceeded",
                    "the request needed more than its time budget; nothing was changed, try "
                    "again shortly",
                    "its budget ran out before the writer could take it");
        return 0;
    }
    j->exec = BC_EXEC_WRITER;
    /* from here the writer owns the job: nothing of it is touched after a queueing */
    if (bc_workers_submit(bc_http_pool_of(h, BC_EXEC_WRITER), &j->job) == BC_OK)
        return 1;
    unavailable(j, "overloaded", "the server is busy; try again shortly",
                bc_http_queue_full(BC_EXEC_WRITER));
    return 0;
}

/* On a worker: the handler, then caching (and compressing) what can be cached, then
 * the connection goes back to the I/O thread, which sends the answer. */
static void job_run(bc_job *job, bc_store *store)
{
    job_state *j = (job_state *)job;
    bc_http *h = j->c->h;
    j->req.store = store;
    if (j->exec == BC_EXEC_WRITER) {
        /* the lock wait gets what is left of the write's budget */
        int left = bc_deadline_left_ms(&job->deadline);
        bc_store_lock_timeout_ms = left > 0 ? left : 1;
    }
    /* a read that another job built while this one was queued (after a write, readers of
     * one whole-store answer queue up for it): sent as built, not built again */
    if (j->key != NULL && (j->entry = bc_cache_get(h->cache, j->key)) != NULL) {
        j->c->outcome = BC_OUTCOME_CACHED;
        MHD_resume_connection(j->c->con);
        return;
    }
    int second = j->exec == BC_EXEC_WRITER && j->req.stage != NULL;
    int st = second ? bc_router_then(j->c->route, &j->req, &j->res)
                    : bc_router_dispatch(j->c->route, &j->req, &j->res);
    if (st == 0 && j->req.stage != NULL && !second) {
        if (hand_to_writer(j))
            return;
    }
    stage_done(j);
    if (j->res.generation_changed) {
        /* a write: look at the store now rather than at the watcher's next tick */
        int changed = 0;
        bc_err ignored;
        if (bc_live_refresh(h->live, &changed, &ignored) == BC_OK && changed)
            bc_http_generation_changed(h);
    } else if (job->deadline_hit) {
        char note[96];
        snprintf(note, sizeof note, "over its budget of %d ms", bc_http_budget_of(h, j->exec));
        unavailable(j, "budget_exceeded",
                    "the request needed more than its time budget; nothing was changed, try "
                    "again shortly",
                    note);
    }
    if (j->exec == BC_EXEC_WRITER || j->exec == BC_EXEC_KEYED)
        malloc_trim(0); /* a write is rare and can be big (a 1 MiB article): give it back */
    if (j->key != NULL && j->res.status == 200 && j->res.cacheable) {
        j->entry = bc_cache_put_tagged(h->cache, j->key, &j->res, j->gzip, j->c->route);
        if (j->entry != NULL)
            bc_response_free(&j->res);
    }
    /* the last touch: from here the I/O thread owns the request again */
    MHD_resume_connection(j->c->con);
}

/* A job that could not run: its budget ran out in the queue, or the daemon is stopping. */
static void job_expire(bc_job *job, int stopping)
{
    job_state *j = (job_state *)job;
    stage_done(j);
    if (stopping)
        unavailable(j, "overloaded", "the server is shutting down; try again shortly",
                    "refused: shutting down");
    else
        unavailable(j, "overloaded",
                    "the server is busy: the request waited longer than its budget; try "
                    "again shortly",
                    "waited in the queue past its budget");
    MHD_resume_connection(j->c->con);
}

static void gate_run(bc_job *job, bc_store *store);

/* Hands req to the workers (or the writer) and suspends the connection; the answer is
 * sent by finish_job when a worker resumes it. */
static enum MHD_Result start_job(struct MHD_Connection *con, req_ctx *c, int exec,
                                 const bc_request *req, const char *key, int gzip)
{
    bc_http *h = c->h;
    job_state *j = bc_arena_alloc(&c->arena, sizeof *j);
    if (j == NULL)
        return MHD_NO;
    memset(j, 0, sizeof *j);
    j->c = c;
    j->exec = exec;
    j->req = *req;
    j->req.live = h->live;
    j->req.deadline = &j->job.deadline;
    j->key = key;
    j->gzip = gzip;
    bc_response_init(&j->res);
    j->job.run = exec == EXEC_GATE ? gate_run : job_run;
    j->job.expire = job_expire;
    j->job.deadline = bc_deadline_after(bc_http_budget_of(h, exec));
    j->job.flow = bc_http_flow_of(con);
    c->job = j;
    c->outcome = BC_OUTCOME_BUILT;
    /* suspend first: a worker may resume the connection before submit returns */
    MHD_suspend_connection(con);
    if (bc_workers_submit(bc_http_pool_of(h, exec), &j->job) != BC_OK) {
        unavailable(j, "overloaded", "the server is busy; try again shortly",
                    bc_http_queue_full(exec));
        MHD_resume_connection(con);
    }
    return MHD_YES;
}

/* On a worker: the key of a write against the store's keys (auth.h); the verdict stays
 * in j->res (200 when allowed). */
static void gate_run(bc_job *job, bc_store *store)
{
    job_state *j = (job_state *)job;
    bc_http *h = j->c->h;
    bc_identity who;
    bc_err err;
    bc_role need = (bc_role)j->c->write_role;
    bc_auth_status st =
        bc_auth_check(store, h->cfg->api_token, j->req.authorization, need, &who, &err);
    if (st == BC_AUTH_OK) {
        j->c->key_slot = (int)((unsigned long long)who.key_id % BC_KEY_SLOTS);
        j->c->key_id = who.key_id;
    }
    if (st != BC_AUTH_OK)
        bc_auth_refuse(&j->res, st, &who, need,
                       need >= BC_ROLE_REVIEW               ? "to review facts"
                       : strcmp(j->c->method, "PATCH") == 0 ? "to change articles"
                                                            : "to add articles",
                       &err);
    else if (job->deadline_hit)
        unavailable(j, "budget_exceeded", "the key could not be checked in time; try again",
                    "the key check ran over its budget");
    MHD_resume_connection(j->c->con);
}

enum MHD_Result bc_http_start_gate(struct MHD_Connection *con, req_ctx *c)
{
    bc_request req = {0};
    req.method = c->method;
    req.cfg = c->h->cfg;
    req.arena = &c->arena;
    req.authorization = c->head.authorization;
    c->phase = PHASE_GATING;
    bc_reaper_answering(c->track); /* the key check is ours, not the client's, to finish */
    return start_job(con, c, EXEC_GATE, &req, NULL, 0);
}

/* After a worker resumed the connection: sends what it built. */
static enum MHD_Result finish_job(struct MHD_Connection *con, req_ctx *c, const char *inm,
                                  const char *ims)
{
    job_state *j = c->job;
    if (j->entry != NULL) {
        bc_cached *e = j->entry;
        j->entry = NULL;
        return bc_http_send_cached(con, c, e, j->gzip,
                                   bc_http_not_modified(c, e, j->gzip, inm, ims));
    }
    enum MHD_Result ret = bc_http_send(con, c, &j->res);
    bc_response_free(&j->res);
    return ret;
}

/* The cache key: store generation, negotiated representation, request target, as
 * "<generation>|<formats><format><wants_html>|<target>" (in the arena; NULL when out of
 * memory). Built by hand: it is made for every cached request. */
static char *cache_key(req_ctx *c, const bc_request *req)
{
    size_t g = strlen(c->view.generation), u = strlen(c->uri);
    char mid[40];
    size_t m = 0;
    char digits[12];
    size_t d = 0;
    unsigned v = req->formats;
    do {
        digits[d++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    mid[m++] = '|';
    while (d > 0)
        mid[m++] = digits[--d];
    int f = req->format;
    if (f < 0) {
        mid[m++] = '-';
        f = -f;
    }
    d = 0;
    do {
        digits[d++] = (char)('0' + f % 10);
        f /= 10;
    } while (f > 0);
    while (d > 0)
        mid[m++] = digits[--d];
    mid[m++] = req->wants_html ? '1' : '0';
    mid[m++] = '|';
    char *key = bc_arena_alloc(&c->arena, g + m + u + 1);
    if (key != NULL) {
        memcpy(key, c->view.generation, g);
        memcpy(key + g, mid, m);
        memcpy(key + g + m, c->uri, u + 1);
    }
    return key;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **req_cls)
{
    (void)url;
    bc_http *h = cls;
    req_ctx *c = *req_cls;
    if (c == NULL || c->uri == NULL)
        return MHD_NO; /* the context could not be allocated: drop the connection */
    if (!c->seen) {
        /* first call: the head only. Answering now would cost keep-alive (see STYLE.md),
         * so only refusals answer here */
        c->seen = 1;
        bc_http_head_read(c);
        size_t n = strnlen(method, sizeof c->method - 1);
        memcpy(c->method, method, n);
        c->method[n] = '\0';
        return bc_http_admit(con, c, method, version);
    }
    if (c->phase == PHASE_GATING) {
        /* called again before the body: a worker has checked the write's key */
        job_state *j = c->job;
        c->job = NULL;
        enum MHD_Result ret = bc_http_admit_write(con, c, &j->res);
        bc_response_free(&j->res);
        return ret;
    }
    if (*upload_data_size > 0) {
        /* admit let only a write with a Content-Length within --max-body through, and
         * reserved room for it: the body cannot outgrow c->reserved */
        c->body_bytes += *upload_data_size;
        bc_reaper_body(c->track, *upload_data_size);
        if (c->body_bytes <= (size_t)c->reserved)
            bc_buf_append(&c->body, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    bc_reaper_answering(c->track);
    const char *inm = c->head.if_none_match;
    const char *ims = c->head.if_modified_since;
    if (c->job != NULL)
        return finish_job(con, c, inm, ims); /* a worker is done with it */
    bc_response res;
    bc_response_init(&res);
    bc_request req = {0};
    req.method = c->method;
    req.cfg = h->cfg;
    req.arena = &c->arena;
    const char *accept = c->head.accept;
    req.format = bc_negotiate_format(accept, &req.formats);
    req.wants_html = bc_accepts_html(accept);
    int gzip = bc_accepts_gzip(c->head.accept_encoding);
    int readonly = strcmp(c->method, "GET") == 0 || strcmp(c->method, "HEAD") == 0;
    /* the cache first, by the raw target: a hit needs neither decoding nor routing (the
     * entry knows its route), and only a target that decoded and routed was ever cached */
    bc_live_view_get(h->live, &c->view);
    char *key = NULL;
    if (readonly && !c->uri_too_long && c->body_bytes == 0) {
        key = cache_key(c, &req);
        bc_cached *e = key != NULL ? bc_cache_get(h->cache, key) : NULL;
        if (e != NULL) {
            c->route = e->tag;
            c->outcome = BC_OUTCOME_CACHED;
            return bc_http_send_cached(con, c, e, gzip, bc_http_not_modified(c, e, gzip, inm, ims));
        }
        /* not cached (evicted, or caching off): even when the tag matches, the
         * representation is built, for a 304 carries the length of the body it stands for
         * (RFC 9110 8.6) and libmicrohttpd 0.9.75 always sends a Content-Length */
    }
    int status = parse_target(c, &req, &res);
    if (status == 0)
        c->route = bc_router_route_of(req.path);
    if (status == 0 && c->body_bytes > (size_t)c->reserved)
        status = bc_problem(&res, 413, "body_too_large", NULL,
                            "the request body is larger than %d bytes", h->cfg->max_body);
    /* an answer that depends on who asks (the route needs a key) is never cached, and
     * no If-None-Match is answered for it before the handler has checked the key */
    const bc_route *route = bc_router_route(c->route);
    const bc_method *handler = route != NULL ? bc_router_method(route, c->method) : NULL;
    if (status != 0 || (handler != NULL && handler->role != 0))
        key = NULL;
    if (status == 0) {
        req.body = c->body.data;
        req.body_len = c->body.len;
        req.authorization = c->head.authorization;
        req.content_type = c->head.content_type;
        req.if_match = c->head.if_match;
        int exec = bc_http_exec_of(c->method, c->route);
        if ((exec == BC_EXEC_WORKER || exec == BC_EXEC_SUMMARY) && handler != NULL &&
            handler->costly != NULL && handler->costly(req.query, &c->arena))
            exec = exec == BC_EXEC_WORKER ? BC_EXEC_COSTLY : BC_EXEC_BULK;
        if (exec != BC_EXEC_INLINE)
            return start_job(con, c, exec, &req, key, gzip);
        c->outcome = BC_OUTCOME_BUILT;
        req.live = h->live;
        bc_router_dispatch(c->route, &req, &res);
    }
    enum MHD_Result ret = bc_http_send(con, c, &res);
    bc_response_free(&res);
    return ret;
}

/* Connections open and close: the reaper tracks them (reaper.h). */
static void on_connection(void *cls, struct MHD_Connection *con, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
    bc_http *h = cls;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(con, MHD_CONNECTION_INFO_CONNECTION_FD);
        *socket_context = ci != NULL ? bc_reaper_opened(h->reaper, ci->connect_fd) : NULL;
    } else {
        bc_reaper_closed(h->reaper, *socket_context);
        *socket_context = NULL;
    }
}

/* libmicrohttpd's own messages, at most MHD_LOG_PER_SECOND a second: under attack it
 * reports every refused connection, and stderr must not become the bottleneck. */
#define MHD_LOG_PER_SECOND 10

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    /* answered in place of the library (http_refuse.c) */
    if (!bc_http_refuse_length(fmt))
        bc_http_refuse_oversized(fmt, ap);
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    static time_t second;
    static int printed;
    static unsigned long suppressed;
    time_t now = time(NULL);
    pthread_mutex_lock(&lock);
    unsigned long dropped = 0;
    if (now != second) {
        dropped = suppressed;
        suppressed = 0;
        second = now;
        printed = 0;
    }
    int print = printed < MHD_LOG_PER_SECOND;
    if (print)
        printed++;
    else
        suppressed++;
    pthread_mutex_unlock(&lock);
    if (dropped > 0)
        fprintf(stderr, "bordercoopd: libmicrohttpd: (%lu more messages suppressed)\n", dropped);
    if (!print)
        return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n > 0 && msg[n - 1] == '\n')
        msg[--n] = '\0';
    fprintf(stderr, "bordercoopd: libmicrohttpd: %s\n", msg);
}

void bc_http_generation_changed(void *h)
{
    bc_cache_clear(((bc_http *)h)->cache);
}

/* Frees what bc_http_start built (NULL members are skipped). */
static void teardown(bc_http *h)
{
    bc_http_lanes_stop(h);
    bc_metrics_attach(NULL, NULL);
    bc_metrics_attach_reaper(NULL);
    bc_metrics_attach_log(NULL);
    bc_reaper_stop(h->reaper); /* after libmicrohttpd: its callbacks use the reaper */
    bc_log_close(h->log);      /* last: every line written, none lost */
    bc_cache_free(h->cache);
    ctx_pool_free(h);
    pthread_mutex_destroy(&h->pool_lock);
    pthread_mutex_destroy(&h->share_lock);
    bc_free(h);
}

int bc_http_start(const bc_config *cfg, bc_live *live, bc_http **out, bc_err *err)
{
    *out = NULL;
    bc_http *h = bc_calloc(1, sizeof *h);
    if (h == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    h->cfg = cfg;
    h->live = live;
    h->share_responses = cfg->threads <= 1;
    bc_cache_set_prebuilt_free(bc_http_release_prebuilt);
    h->cors = cfg->cors_origin[0] != '\0';
    h->vary_origin = h->cors && strcmp(cfg->cors_origin, "*") != 0;
    snprintf(h->max_age_cc, sizeof h->max_age_cc, "public, max-age=%d", cfg->max_age);
    pthread_mutex_init(&h->pool_lock, NULL);
    pthread_mutex_init(&h->share_lock, NULL);
    h->cache = bc_cache_new((size_t)cfg->cache_bytes);
    if (h->cache == NULL) {
        teardown(h);
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    }
    /* every thread of every lane takes a reader: bc_live_open was asked for
     * bc_http_readers(cfg->workers) */
    bc_live_writer_hook(live, bc_workers_guard);
    bc_workers_cut(0);
    int rc = bc_http_lanes_start(h, err);
    if (rc != BC_OK) {
        teardown(h);
        return rc;
    }
    bc_reaper_config reaping = {
        .max_connections = cfg->max_connections,
        .header_timeout_ms = cfg->header_timeout * 1000,
        .body_timeout_ms = cfg->body_timeout * 1000,
        .min_body_rate = cfg->min_body_rate,
        .tick_ms = 200,
    };
    if (bc_reaper_start(&reaping, &h->reaper, err) != BC_OK) {
        teardown(h);
        return err->code;
    }
    if (cfg->log_format != BC_LOG_OFF && bc_log_open(cfg->log_file, &h->log, err) != BC_OK) {
        teardown(h);
        return err->code;
    }
    bc_metrics_attach(h->cache, live);
    bc_metrics_attach_reaper(h->reaper);
    bc_metrics_attach_log(h->log);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    h->id_prefix = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16);
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                         MHD_ALLOW_SUSPEND_RESUME;
    if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES)
        flags |= MHD_USE_EPOLL;
    else
        flags |= MHD_USE_POLL;
    if (cfg->addr.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    struct MHD_OptionItem opts[] = {
        {MHD_OPTION_SOCK_ADDR, 0, (void *)&cfg->addr},
        {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)on_uri, h},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, h},
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)on_connection, h},
        {MHD_OPTION_CONNECTION_LIMIT, cfg->max_connections, NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->max_connections_per_ip, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, cfg->connection_timeout, NULL},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)cfg->max_header_bytes + BC_HEAD_HEADROOM,
         NULL},
        /* the Host and request-line rules are checked in http_admit.c (strict.h), so
         * that they are answered with problem+json; libmicrohttpd's own would be HTML */
        {MHD_OPTION_STRICT_FOR_CLIENT, 0, NULL},
        {MHD_OPTION_THREAD_POOL_SIZE, cfg->threads, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    for (size_t i = 0; cfg->threads <= 1 && opts[i].option != MHD_OPTION_END; i++)
        if (opts[i].option == MHD_OPTION_THREAD_POOL_SIZE)
            opts[i].option = MHD_OPTION_END; /* one internal thread: no pool */
    /* the logger must be the first option, or early messages go to MHD's own */
    h->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, h, MHD_OPTION_EXTERNAL_LOGGER,
                            mhd_log, NULL, MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
    if (h->d == NULL) {
        teardown(h);
        return bc_err_set(err, BC_EIO, "cannot listen on %s (address in use or not permitted?)",
                          cfg->listen);
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
    h->port = info ? info->port : 0;
    *out = h;
    return BC_OK;
}

void bc_http_reopen_log(bc_http *h)
{
    if (h->log != NULL && bc_log_reopen(h->log))
        fprintf(stderr, "bordercoopd: SIGHUP: reopening the access log %s\n", h->cfg->log_file);
    else
        fprintf(stderr, "bordercoopd: SIGHUP: the access log is not a file, nothing to reopen\n");
}

int bc_http_port(const bc_http *h)
{
    return h->port;
}

void bc_http_stop(bc_http *h, int grace_ms)
{
    if (h == NULL)
        return;
    MHD_socket listener = MHD_quiesce_daemon(h->d);
    if (listener != MHD_INVALID_SOCKET)
        close(listener);
    bc_reaper_drain(h->reaper); /* idle connections and unfinished heads go now */
    /* requests whose head has not arrived are not waited for: a slow client cannot
     * hold the shutdown */
    for (int waited = 0; waited < grace_ms && atomic_load(&h->active) > 0; waited += 10) {
        struct timespec ts = {0, 10 * 1000000L};
        nanosleep(&ts, NULL);
    }
    /* the grace is over: work still running (a write's transaction or its wait for the
     * store lock) is cut now, rolled back and answered 503, rather than at its own
     * budget (a write's 10 s), so the daemon exits within --shutdown-grace */
    bc_workers_cut(1);
    /* every suspended connection must be resumed before libmicrohttpd stops: queued jobs
     * are answered 503, running ones stop at once */
    bc_http_lanes_stop(h);
    /* let the I/O thread send what the workers answered last (bounded) */
    for (int waited = 0; waited < 1000 && atomic_load(&h->active) > 0; waited += 10) {
        struct timespec ts = {0, 10 * 1000000L};
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(h->d);
    teardown(h);
}
