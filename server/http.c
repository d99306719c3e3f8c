/* http.c: libmicrohttpd glue. A request context is created in the URI-log callback
 * (with the raw URI). The access handler's first call sees the whole head: it refuses
 * what must not be read (broken framing, a body nobody takes, a write without its
 * token or over the body limits) at once, closing the connection; otherwise it answers
 * on its last call (queuing on the first makes 0.9.75 close the connection). The
 * completion callback writes the access-log line and releases the context. */
#include "bordercoop/http.h"

#include "bordercoop/alloc.h"
#include "bordercoop/arena.h"
#include "bordercoop/auth.h"
#include "bordercoop/buf.h"
#include "bordercoop/cache.h"
#include "bordercoop/conditional.h"
#include "bordercoop/metrics.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"
#include "bordercoop/router.h"
#include "bordercoop/strict.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <microhttpd.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* request targets are copied up to this many bytes; --max-uri (at most this) decides */
#define URI_COPY_MAX 65536

/* finished request contexts kept for reuse (with their arena's first chunk), so the
 * cached path allocates nothing of its own; beyond this many they are freed */
#define CTX_POOL_MAX 256

typedef struct req_ctx req_ctx;

struct bc_http {
    struct MHD_Daemon *d;
    const bc_config *cfg;
    bc_live *live;
    bc_cache *cache;
    atomic_int in_flight;      /* request line seen, not completed */
    atomic_int active;         /* head complete, not completed: what SIGTERM waits for */
    atomic_long body_reserved; /* bytes of request bodies promised, all connections */
    atomic_ulong next_id;
    unsigned long id_prefix;
    int port;
    /* from the configuration, once: */
    int cors;            /* send CORS headers (--cors-origin not empty) */
    int vary_origin;     /* a specific origin: responses vary by Origin */
    char max_age_cc[40]; /* "public, max-age=N" of data representations */
    pthread_mutex_t pool_lock;
    req_ctx *pool; /* free contexts, linked through next_free */
    int pooled;
};

struct req_ctx {
    bc_http *h;
    bc_arena arena;
    char *uri; /* raw request target (truncated to MAX_URI + 1 bytes), in the arena */
    int uri_too_long;
    int target_bad;      /* the target holds bytes a request line cannot carry */
    const char *raw_uri; /* where libmicrohttpd read the target, for head_layout_ok() */
    size_t raw_uri_len;
    int active;    /* counted in bc_http.active */
    long reserved; /* bytes of bc_http.body_reserved held for this request's body */
    char method[16];
    struct timespec start;
    char id[20];
    int seen;
    size_t body_bytes;
    bc_buf body; /* the request body, kept up to max_body bytes */
    int status;
    size_t bytes;
    int outcome;        /* a bc_outcome */
    int route;          /* bc_router_route_of the decoded path, -1 when none */
    bc_live_view view;  /* the store generation this request is answered from */
    bc_cached *entry;   /* the cached response being sent, released on completion */
    req_ctx *next_free; /* in the pool */
    char note[256];
};

/* A zeroed context: from the pool when one is free (its arena chunk kept), else new. */
static req_ctx *ctx_get(bc_http *h)
{
    pthread_mutex_lock(&h->pool_lock);
    req_ctx *c = h->pool;
    if (c != NULL) {
        h->pool = c->next_free;
        h->pooled--;
    }
    pthread_mutex_unlock(&h->pool_lock);
    if (c == NULL)
        return bc_calloc(1, sizeof *c);
    bc_arena kept = c->arena;
    memset(c, 0, sizeof *c);
    c->arena = kept;
    return c;
}

/* Returns a finished context to the pool (or frees it when the pool is full). */
static void ctx_put(bc_http *h, req_ctx *c)
{
    bc_buf_free(&c->body);
    bc_arena_reset(&c->arena);
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
    while (h->pool != NULL) {
        req_ctx *next = h->pool->next_free;
        bc_arena_free(&h->pool->arena);
        bc_free(h->pool);
        h->pool = next;
    }
    h->pooled = 0;
}

static void now_iso(char *out, size_t n)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t k = strftime(out, n, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + k, n - k, ".%03ldZ", ts.tv_nsec / 1000000);
}

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *con)
{
    (void)con;
    bc_http *h = cls;
    req_ctx *c = ctx_get(h);
    if (c == NULL)
        return NULL;
    c->h = h;
    clock_gettime(CLOCK_MONOTONIC, &c->start);
    size_t n = strlen(uri);
    if (n > (size_t)h->cfg->max_uri) {
        c->uri_too_long = 1;
        n = (size_t)h->cfg->max_uri < URI_COPY_MAX ? (size_t)h->cfg->max_uri : URI_COPY_MAX;
    }
    c->uri = bc_arena_strndup(&c->arena, uri, n);
    c->target_bad = !bc_strict_target_ok(uri, n);
    c->raw_uri = uri;
    c->raw_uri_len = strlen(uri);
    unsigned long seq = atomic_fetch_add(&h->next_id, 1);
    snprintf(c->id, sizeof c->id, "%08lx%08lx", h->id_prefix & 0xffffffffUL, seq & 0xffffffffUL);
    atomic_fetch_add(&h->in_flight, 1);
    bc_metrics_in_flight(1);
    c->outcome = BC_OUTCOME_REJECTED;
    c->route = -1;
    return c;
}

/* Writes s into the log buffer with control and non-ASCII bytes percent-escaped. */
static void log_safe(bc_buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p != NULL && *p; p++) {
        if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
            bc_buf_printf(b, "%%%02X", *p);
        else
            bc_buf_putc(b, (char)*p);
    }
}

/* One line for the request, which took ms milliseconds. */
static void access_log(const req_ctx *c, struct MHD_Connection *con, double ms)
{
    if (c->h->cfg->log_format == BC_LOG_OFF)
        return;
    char when[40], addr[64] = "-";
    now_iso(when, sizeof when);
    const union MHD_ConnectionInfo *ci =
        con ? MHD_get_connection_info(con, MHD_CONNECTION_INFO_CLIENT_ADDRESS) : NULL;
    if (ci != NULL && ci->client_addr != NULL) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, addr, sizeof addr);
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, addr, sizeof addr);
    }
    bc_buf line = BC_BUF_INIT;
    if (c->h->cfg->log_format == BC_LOG_JSON) {
        bc_buf_printf(&line, "{\"time\":\"%s\",\"remote\":\"%s\",\"method\":\"", when, addr);
        log_safe(&line, c->method[0] ? c->method : "-");
        bc_buf_puts(&line, "\",\"target\":\"");
        log_safe(&line, c->uri);
        bc_buf_printf(&line,
                      "\",\"status\":%d,\"bytes\":%zu,\"duration_ms\":%.3f,"
                      "\"request_id\":\"%s\"",
                      c->status, c->bytes, ms, c->id);
        if (c->note[0]) {
            bc_buf_puts(&line, ",\"note\":\"");
            log_safe(&line, c->note);
            bc_buf_putc(&line, '"');
        }
        bc_buf_puts(&line, "}\n");
    } else {
        bc_buf_printf(&line, "%s %s \"", when, addr);
        log_safe(&line, c->method[0] ? c->method : "-");
        bc_buf_putc(&line, ' ');
        log_safe(&line, c->uri);
        bc_buf_printf(&line, "\" %d %zu %.3fms id=%s", c->status, c->bytes, ms, c->id);
        if (c->note[0]) {
            bc_buf_puts(&line, " note=\"");
            log_safe(&line, c->note);
            bc_buf_putc(&line, '"');
        }
        bc_buf_putc(&line, '\n');
    }
    if (!bc_buf_failed(&line))
        fwrite(line.data, 1, line.len, stderr);
    bc_buf_free(&line);
}

static void on_completed(void *cls, struct MHD_Connection *con, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    req_ctx *c = *req_cls;
    if (c == NULL)
        return;
    if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK && c->note[0] == '\0')
        snprintf(c->note, sizeof c->note, "%s",
                 c->status == 0 ? "refused by libmicrohttpd (oversized or malformed request, "
                                  "or the client went away)"
                                : "connection closed before the response was sent");
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds =
        (double)(end.tv_sec - c->start.tv_sec) + (double)(end.tv_nsec - c->start.tv_nsec) / 1e9;
    access_log(c, con, seconds * 1e3);
    bc_metrics_request(c->route, c->method[0] ? c->method : "other", c->status, seconds,
                       c->outcome);
    bc_metrics_in_flight(-1);
    atomic_fetch_sub(&c->h->in_flight, 1);
    if (c->active)
        atomic_fetch_sub(&c->h->active, 1);
    if (c->reserved > 0)
        atomic_fetch_sub(&c->h->body_reserved, c->reserved);
    bc_cached_release(c->entry);
    ctx_put(c->h, c);
    *req_cls = NULL;
}

/* Headers every response carries; `cached` marks a representation of store data (with
 * validators and Vary), `status` is what will be sent. */
static void common_headers(const req_ctx *c, struct MHD_Response *r, const void *from, int cached,
                           int status)
{
    const bc_http *h = c->h;
    MHD_add_response_header(r, "X-Request-Id", c->id);
    if (h->cors) {
        MHD_add_response_header(r, "Access-Control-Allow-Origin", h->cfg->cors_origin);
        MHD_add_response_header(r, "Access-Control-Expose-Headers",
                                "ETag, Link, Last-Modified, Location, X-Request-Id, "
                                "X-Total-Count, Content-Length");
    }
    if (cached) {
        MHD_add_response_header(r, "Vary",
                                h->vary_origin ? "Accept, Accept-Encoding, Origin"
                                               : "Accept, Accept-Encoding");
        time_t lm;
        if (bc_last_modified(c->view.modified_at, c->view.confirmed_at, &lm)) {
            char date[40];
            bc_http_date_format(lm, date, sizeof date);
            MHD_add_response_header(r, "Last-Modified", date);
        }
    } else if (h->vary_origin) {
        MHD_add_response_header(r, "Vary", "Origin");
    }
    /* from: the bc_response (cached == 0) or bc_cached (cached == 1) being sent, or NULL */
    int own_cache_control = from == NULL ? 0
                            : cached     ? ((const bc_cached *)from)->own_cache_control
                                         : bc_response_header_get(from, "Cache-Control") != NULL;
    if (!own_cache_control) {
        if ((status == 200 || status == 304) && cached) {
            MHD_add_response_header(r, "Cache-Control", h->max_age_cc);
        } else {
            MHD_add_response_header(r, "Cache-Control", "no-store");
        }
    }
    if (strcmp(c->method, "OPTIONS") == 0 && h->cors) {
        MHD_add_response_header(r, "Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
        MHD_add_response_header(r, "Access-Control-Allow-Headers",
                                "Accept, Accept-Encoding, If-None-Match, If-Modified-Since, "
                                "Authorization, Content-Type");
        MHD_add_response_header(r, "Access-Control-Max-Age", "86400");
    }
}

static enum MHD_Result send_response(struct MHD_Connection *con, req_ctx *c, bc_response *res)
{
    size_t len = 0;
    char *data = bc_buf_steal(&res->body, &len);
    if (data == NULL) {
        /* the body could not be built: answer with a fixed problem */
        static const char oom[] = "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\","
                                  "\"status\":500,\"detail\":\"out of memory\",\"code\":"
                                  "\"internal_error\"}";
        res->status = 500;
        res->content_type = "application/problem+json";
        data = bc_strdup(oom);
        len = data ? strlen(data) : 0;
        if (data == NULL)
            return MHD_NO;
    }
    struct MHD_Response *r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    if (r == NULL) {
        bc_free(data);
        return MHD_NO;
    }
    if (res->content_type != NULL) {
        char ct[96];
        int json = strstr(res->content_type, "json") != NULL ||
                   strstr(res->content_type, "csv") != NULL ||
                   strstr(res->content_type, "yaml") != NULL;
        snprintf(ct, sizeof ct, "%s%s", res->content_type, json ? "; charset=utf-8" : "");
        MHD_add_response_header(r, "Content-Type", ct);
    }
    for (int i = 0; i < res->nheaders; i++)
        MHD_add_response_header(r, res->headers[i].name, res->headers[i].value);
    common_headers(c, r, res, 0, res->status);
    c->status = res->status;
    c->bytes = len;
    if (res->log_note[0])
        snprintf(c->note, sizeof c->note, "%.255s", res->log_note);
    enum MHD_Result ret = MHD_queue_response(con, (unsigned int)res->status, r);
    MHD_destroy_response(r);
    return ret;
}

/* Sends a cached representation, or 304 when not_modified. The body is not copied: the
 * entry stays referenced by the request context until the response has been sent. */
static enum MHD_Result send_cached(struct MHD_Connection *con, req_ctx *c, bc_cached *e, int gzip,
                                   int not_modified)
{
    int use_gz = gzip && e->gz != NULL;
    const char *etag = use_gz ? e->etag_gz : e->etag;
    size_t len = not_modified ? 0 : use_gz ? e->gz_len : e->len;
    struct MHD_Response *r = MHD_create_response_from_buffer(len,
                                                             not_modified ? (void *)""
                                                             : use_gz     ? e->gz
                                                                          : e->body,
                                                             MHD_RESPMEM_PERSISTENT);
    if (r == NULL) {
        bc_cached_release(e);
        return MHD_NO;
    }
    c->entry = e;
    if (!not_modified) {
        char ct[96];
        int text = strstr(e->content_type, "json") || strstr(e->content_type, "yaml") ||
                   strstr(e->content_type, "csv") || strncmp(e->content_type, "text/", 5) == 0;
        snprintf(ct, sizeof ct, "%s%s", e->content_type, text ? "; charset=utf-8" : "");
        MHD_add_response_header(r, "Content-Type", ct);
        if (use_gz)
            MHD_add_response_header(r, "Content-Encoding", "gzip");
    }
    MHD_add_response_header(r, "ETag", etag);
    for (int i = 0; i < e->nheaders; i++)
        MHD_add_response_header(r, e->headers[i].name, e->headers[i].value);
    int status = not_modified ? 304 : 200;
    common_headers(c, r, e, 1, status);
    c->status = status;
    c->bytes = len;
    enum MHD_Result ret = MHD_queue_response(con, (unsigned int)status, r);
    MHD_destroy_response(r);
    return ret;
}

/* Answers If-None-Match from the key alone: the ETags a key's 200 will carry are known
 * before the handler runs, so a matching tag needs no store access. "*" needs an
 * existing representation, which only the cache or the handler can tell. On a match the
 * tag to send back is copied into out. */
static int etag_not_modified(const char *key, const char *inm, int gzip, char out[48])
{
    if (inm == NULL || strchr(inm, '*') != NULL)
        return 0;
    char etag[48], etag_gz[48];
    bc_etag_pair(key, etag, etag_gz);
    if (gzip && bc_etag_matches(inm, etag_gz)) {
        memcpy(out, etag_gz, 48);
        return 1;
    }
    if (bc_etag_matches(inm, etag) || bc_etag_matches(inm, etag_gz)) {
        memcpy(out, etag, 48);
        return 1;
    }
    return 0;
}

/* For a representation e of store data: If-None-Match when given, else
 * If-Modified-Since against the store's last change (RFC 9110 13.2.2; see
 * conditional.h for how a date never hides a change). */
static int not_modified(const req_ctx *c, const bc_cached *e, int gzip, const char *inm,
                        const char *ims)
{
    if (inm != NULL)
        return bc_etag_matches(inm, gzip && e->gz ? e->etag_gz : e->etag);
    return ims != NULL &&
           bc_not_modified_since(ims, c->view.modified_at, c->view.confirmed_at, time(NULL));
}

/* Decodes the request target into req (path and raw query); a problem on failure. */
static int parse_target(req_ctx *c, bc_request *req, bc_response *res)
{
    if (c->uri_too_long)
        return bc_problem(res, 414, "uri_too_long", NULL,
                          "the request target is longer than %d bytes", c->h->cfg->max_uri);
    const char *uri = c->uri;
    if (uri == NULL || uri[0] != '/')
        return bc_problem(res, 400, "malformed_target", NULL,
                          "the request target must be a path starting with '/'");
    const char *q = strchr(uri, '?');
    size_t plen = q ? (size_t)(q - uri) : strlen(uri);
    char *path;
    bc_err err;
    if (bc_url_decode(uri, plen, 0, &c->arena, &path, &err) != BC_OK)
        return err.code == BC_ENOMEM
                   ? bc_problem(res, 500, "internal_error", NULL, "out of memory")
                   : bc_problem(res, 400, "malformed_path", NULL, "path: %s", err.msg);
    req->path = path;
    req->query = q ? q + 1 : "";
    return 0;
}

/* Walks the head as libmicrohttpd 0.9.75 left it in its read buffer, to find the bytes
 * it dropped without a word: a NUL inside a request line or a header (everything after
 * it is cut off), or a folded header line (obs-fold, glued to the previous value).
 * That version parses in place: method, target, version and each name and value lie in
 * order in one buffer, separated only by the NULs it wrote over ' ', ':', CR and LF
 * (and the optional whitespace after a colon). Any other byte between them, or a field
 * outside the head, is something the parse hid. */
typedef struct head_walk {
    uintptr_t lo, hi; /* the head: [method, method + header size) */
    uintptr_t end;    /* the end of the last field seen */
    int bad;
} head_walk;

/* 1 when [from, to) holds between min and max bytes, all NUL or (ows) space/tab. */
static int only_separators(uintptr_t from, uintptr_t to, size_t min, size_t max, int ows)
{
    if (to < from || to - from < min || to - from > max)
        return 0;
    for (const char *p = (const char *)from; p < (const char *)to; p++)
        if (*p != '\0' && !(ows && (*p == ' ' || *p == '\t')))
            return 0;
    return 1;
}

static void walk_field(head_walk *w, const char *key, size_t key_size, const char *value,
                       size_t value_size)
{
    uintptr_t k = (uintptr_t)key, v = (uintptr_t)value;
    if (w->bad || k < w->lo || v < k || v + value_size > w->hi ||
        !only_separators(w->end, k, 1, 2, 0) ||             /* the line break before */
        !only_separators(k + key_size, v, 1, w->hi - k, 1)) /* ':' and optional spaces */
        w->bad = 1;
    w->end = v + value_size;
}

typedef struct head_check {
    bc_strict strict;
    head_walk walk;
} head_check;

static enum MHD_Result check_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                   size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    head_check *hc = cls;
    bc_strict_field(&hc->strict, key, key_size, value != NULL ? value : "",
                    value != NULL ? value_size : 0);
    if (value != NULL)
        walk_field(&hc->walk, key, key_size, value, value_size);
    else
        hc->walk.bad = 1;
    return MHD_YES;
}

/* Starts the walk over the request line; 0 when the layout is not the one expected (a
 * libmicrohttpd other than 0.9.75: then only bc_strict's checks apply). */
static int walk_start(head_walk *w, struct MHD_Connection *con, const req_ctx *c,
                      const char *method, const char *version)
{
#if MHD_VERSION == 0x00097500
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
    if (ci == NULL || c->raw_uri == NULL)
        return 0;
    w->lo = (uintptr_t)method;
    w->hi = w->lo + ci->header_size;
    uintptr_t m_end = w->lo + strlen(method), u = (uintptr_t)c->raw_uri;
    uintptr_t u_end = u + c->raw_uri_len, ver = (uintptr_t)version;
    w->bad = !(u > m_end && ver > u_end && ver < w->hi) || !only_separators(m_end, u, 1, 1, 0) ||
             !only_separators(u_end, ver, 1, 1, 0);
    w->end = ver + strlen(version);
    return 1;
#else
    (void)w, (void)con, (void)c, (void)method, (void)version;
    return 0;
#endif
}

/* Answers a request at once, from its first call, and closes the connection after: the
 * body (if any) is never read and nothing behind the request is parsed. */
static enum MHD_Result refuse(struct MHD_Connection *con, req_ctx *c, bc_response *res)
{
    bc_response_header(res, "Connection", "close");
    enum MHD_Result ret = send_response(con, c, res);
    bc_response_free(res);
    return ret;
}

/* 1 when method and the raw target name a route that takes a request body. */
static int takes_body(const char *method, const char *uri)
{
    static const char path[] = "/v1/sources";
    size_t n = sizeof path - 1;
    return strcmp(method, "POST") == 0 && strncmp(uri, path, n) == 0 &&
           (uri[n] == '\0' || uri[n] == '?');
}

/* The first call, with the whole head: the framing rules, then whether a body may be
 * read at all. MHD_YES lets the request continue (its body, if any, is read next). */
static enum MHD_Result admit(struct MHD_Connection *con, req_ctx *c, const char *method,
                             const char *version)
{
    bc_http *h = c->h;
    bc_response res;
    bc_response_init(&res);
    head_check hc;
    bc_strict_init(&hc.strict);
    int walking = walk_start(&hc.walk, con, c, method, version);
    MHD_get_connection_values_n(con, MHD_HEADER_KIND, check_field, &hc);
    /* after the last field: its line break and the empty line */
    if (walking && !only_separators(hc.walk.end, hc.walk.hi, 2, 4, 0))
        hc.walk.bad = 1;
    bc_strict st = hc.strict;
    int http11 = strcmp(version, "HTTP/1.0") != 0;
    if (bc_strict_finish(&st, http11) != 0) {
        bc_problem(&res, st.status, st.code, NULL, "%s", st.detail);
        snprintf(res.log_note, sizeof res.log_note, "refused: %s", st.detail);
        return refuse(con, c, &res);
    }
    if (walking && hc.walk.bad) {
        bc_problem(&res, 400, "malformed_header", NULL,
                   "the request head holds a NUL byte or a folded header line");
        return refuse(con, c, &res);
    }
    if (!bc_strict_is_token(c->method, strlen(c->method)) || c->target_bad) {
        bc_problem(&res, 400, "malformed_request", NULL,
                   "the request line must be a method token and a target of visible ASCII "
                   "(percent-encode anything else)");
        return refuse(con, c, &res);
    }
    int body = st.chunked || st.content_length > 0;
    if (body && !takes_body(c->method, c->uri)) {
        bc_problem(&res, 413, "body_not_allowed", NULL, "%s %.200s takes no request body",
                   c->method, c->uri);
        return refuse(con, c, &res);
    }
    if (takes_body(c->method, c->uri)) {
        /* a write: the key before any byte of the body, then its size */
        const char *auth = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Authorization");
        bc_store_pool *pool = bc_live_pool(h->live);
        bc_store *s = bc_store_pool_acquire(pool);
        bc_identity who;
        bc_err aerr;
        bc_auth_status ast =
            bc_auth_check(s, h->cfg->api_token, auth, BC_ROLE_INGEST, &who, &aerr);
        bc_store_pool_release(pool, s);
        if (ast != BC_AUTH_OK) {
            bc_auth_refuse(&res, ast, &who, BC_ROLE_INGEST, "to add articles", &aerr);
            return refuse(con, c, &res);
        }
        if (st.chunked) {
            bc_problem(&res, 411, "length_required", NULL,
                       "send the body with a Content-Length (chunked bodies are not taken)");
            return refuse(con, c, &res);
        }
        if (st.content_length > (uint64_t)h->cfg->max_body) {
            bc_problem(&res, 413, "body_too_large", NULL,
                       "the request body is larger than %d bytes", h->cfg->max_body);
            return refuse(con, c, &res);
        }
        long want = (long)st.content_length;
        if (want > 0) {
            long held = atomic_fetch_add(&h->body_reserved, want);
            c->reserved = want;
            if (held + want > (long)h->cfg->max_body_memory ||
                bc_buf_reserve(&c->body, (size_t)want + 1) != BC_OK) {
                bc_problem(&res, 503, "busy", NULL,
                           "too many request bodies are being received; try again shortly");
                bc_response_header(&res, "Retry-After", "1");
                snprintf(res.log_note, sizeof res.log_note,
                         "body memory budget (--max-body-memory) exhausted");
                return refuse(con, c, &res);
            }
        }
    }
    c->active = 1;
    atomic_fetch_add(&h->active, 1);
    return MHD_YES;
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
        snprintf(c->method, sizeof c->method, "%s", method);
        return admit(con, c, method, version);
    }
    if (*upload_data_size > 0) {
        /* admit() let only a write with a Content-Length within --max-body through, and
         * reserved room for it: the body cannot outgrow c->reserved */
        c->body_bytes += *upload_data_size;
        if (c->body_bytes <= (size_t)c->reserved)
            bc_buf_append(&c->body, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    bc_response res;
    bc_response_init(&res);
    bc_request req = {0};
    req.method = c->method;
    req.cfg = h->cfg;
    req.arena = &c->arena;
    const char *accept = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Accept");
    req.format = bc_negotiate_format(accept, &req.formats);
    req.wants_html = bc_accepts_html(accept);
    int gzip =
        bc_accepts_gzip(MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Accept-Encoding"));
    const char *inm = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "If-None-Match");
    const char *ims = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "If-Modified-Since");
    int readonly = strcmp(c->method, "GET") == 0 || strcmp(c->method, "HEAD") == 0;
    int status = parse_target(c, &req, &res);
    if (status == 0)
        c->route = bc_router_route_of(req.path);
    if (status == 0 && c->body_bytes > (size_t)c->reserved)
        status = bc_problem(&res, 413, "body_too_large", NULL,
                            "the request body is larger than %d bytes", h->cfg->max_body);
    /* the cache key: store generation, negotiated representation, request target */
    bc_live_view_get(h->live, &c->view);
    char *key = NULL;
    if (status == 0 && readonly) {
        size_t n = strlen(c->view.generation) + strlen(c->uri) + 16;
        key = bc_arena_alloc(&c->arena, n);
        if (key != NULL)
            snprintf(key, n, "%s|%u%d%d|%s", c->view.generation, req.formats, req.format,
                     req.wants_html, c->uri);
    }
    if (key != NULL) {
        bc_cached *e = bc_cache_get(h->cache, key);
        if (e != NULL) {
            c->outcome = BC_OUTCOME_CACHED;
            return send_cached(con, c, e, gzip, not_modified(c, e, gzip, inm, ims));
        }
        char etag[48];
        if (etag_not_modified(key, inm, gzip, etag)) {
            /* not cached (evicted, or caching off) but the tag matches: no store access */
            c->outcome = BC_OUTCOME_NOT_MODIFIED;
            struct MHD_Response *r =
                MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
            if (r == NULL)
                return MHD_NO;
            MHD_add_response_header(r, "ETag", etag);
            common_headers(c, r, NULL, 1, 304);
            c->status = 304;
            enum MHD_Result ret = MHD_queue_response(con, 304, r);
            MHD_destroy_response(r);
            return ret;
        }
    }
    if (status == 0) {
        c->outcome = BC_OUTCOME_BUILT;
        bc_store_pool *pool = bc_live_pool(h->live);
        req.store = bc_store_pool_acquire(pool);
        req.live = h->live;
        req.body = c->body.data;
        req.body_len = c->body.len;
        req.authorization = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Authorization");
        req.content_type = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Content-Type");
        bc_router_dispatch(&req, &res);
        bc_store_pool_release(pool, req.store);
        if (res.generation_changed) {
            /* a write in this request: look at the store now rather than at the next tick */
            int changed = 0;
            bc_err ignored;
            if (bc_live_refresh(h->live, &changed, &ignored) == BC_OK && changed)
                bc_http_generation_changed(h);
        }
    }
    if (key != NULL && res.status == 200 && res.cacheable) {
        bc_cached *e = bc_cache_put(h->cache, key, &res, gzip);
        if (e != NULL) {
            bc_response_free(&res);
            return send_cached(con, c, e, gzip, not_modified(c, e, gzip, inm, ims));
        }
    }
    enum MHD_Result ret = send_response(con, c, &res);
    bc_response_free(&res);
    return ret;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
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

int bc_http_start(const bc_config *cfg, bc_live *live, bc_http **out, bc_err *err)
{
    *out = NULL;
    bc_http *h = bc_calloc(1, sizeof *h);
    if (h == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    h->cfg = cfg;
    h->live = live;
    h->cors = cfg->cors_origin[0] != '\0';
    h->vary_origin = h->cors && strcmp(cfg->cors_origin, "*") != 0;
    snprintf(h->max_age_cc, sizeof h->max_age_cc, "public, max-age=%d", cfg->max_age);
    pthread_mutex_init(&h->pool_lock, NULL);
    h->cache = bc_cache_new((size_t)cfg->cache_bytes);
    if (h->cache == NULL) {
        pthread_mutex_destroy(&h->pool_lock);
        bc_free(h);
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    }
    bc_metrics_attach(h->cache, live);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    h->id_prefix = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16);
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
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
        {MHD_OPTION_CONNECTION_LIMIT, cfg->max_connections, NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->max_connections_per_ip, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, cfg->connection_timeout, NULL},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg->max_header_bytes, NULL},
        /* the Host and request-line rules are checked in admit() (strict.h), so that
         * they are answered with problem+json; libmicrohttpd's own check would send HTML */
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
        bc_cache_free(h->cache);
        pthread_mutex_destroy(&h->pool_lock);
        bc_free(h);
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
    (void)h;
    fprintf(stderr, "bordercoopd: SIGHUP: the access log goes to stderr, nothing to reopen\n");
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
    /* requests whose head has not arrived are not waited for: a slow client cannot
     * hold the shutdown */
    for (int waited = 0; waited < grace_ms && atomic_load(&h->active) > 0; waited += 10) {
        struct timespec ts = {0, 10 * 1000000L};
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(h->d);
    bc_metrics_attach(NULL, NULL);
    bc_cache_free(h->cache);
    ctx_pool_free(h);
    pthread_mutex_destroy(&h->pool_lock);
    bc_free(h);
}
