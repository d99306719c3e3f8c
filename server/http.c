/* http.c: libmicrohttpd glue. A request context is created in the URI-log callback
 * (with the raw URI), the access handler answers on its second call (queuing on the
 * first makes 0.9.75 close the connection), and the completion callback writes the
 * access-log line and releases the context and its arena. */
#include "bordercoop/http.h"

#include "bordercoop/alloc.h"
#include "bordercoop/arena.h"
#include "bordercoop/buf.h"
#include "bordercoop/query.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"
#include "bordercoop/router.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_URI 4096 /* longer request targets get 414 */

struct bc_http {
    struct MHD_Daemon *d;
    const bc_config *cfg;
    bc_store_pool *pool;
    atomic_int in_flight;
    atomic_ulong next_id;
    unsigned long id_prefix;
    int port;
};

typedef struct req_ctx {
    bc_http *h;
    bc_arena arena;
    char *uri; /* raw request target (truncated to MAX_URI + 1 bytes), in the arena */
    int uri_too_long;
    char method[16];
    struct timespec start;
    char id[20];
    int seen;
    size_t body_bytes;
    int status;
    size_t bytes;
    char note[256];
} req_ctx;

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
    req_ctx *c = bc_calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->h = h;
    clock_gettime(CLOCK_MONOTONIC, &c->start);
    size_t n = strlen(uri);
    if (n > MAX_URI) {
        c->uri_too_long = 1;
        n = MAX_URI;
    }
    c->uri = bc_arena_strndup(&c->arena, uri, n);
    unsigned long seq = atomic_fetch_add(&h->next_id, 1);
    snprintf(c->id, sizeof c->id, "%08lx%08lx", h->id_prefix & 0xffffffffUL, seq & 0xffffffffUL);
    atomic_fetch_add(&h->in_flight, 1);
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

static void access_log(const req_ctx *c, struct MHD_Connection *con)
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
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = (double)(end.tv_sec - c->start.tv_sec) * 1e3 +
                (double)(end.tv_nsec - c->start.tv_nsec) / 1e6;
    bc_buf line = BC_BUF_INIT;
    if (c->h->cfg->log_format == BC_LOG_JSON) {
        bc_buf_printf(&line, "{\"time\":\"%s\",\"remote\":\"%s\",\"method\":\"", when, addr);
        log_safe(&line, c->method[0] ? c->method : "-");
        bc_buf_puts(&line, "\",\"target\":\"");
        log_safe(&line, c->uri);
        bc_buf_printf(&line, "\",\"status\":%d,\"bytes\":%zu,\"duration_ms\":%.3f,"
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
        snprintf(c->note, sizeof c->note, "terminated early (%d)", (int)toe);
    if (c->status == 0 && toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
        c->status = 0;
    access_log(c, con);
    atomic_fetch_sub(&c->h->in_flight, 1);
    bc_arena_free(&c->arena);
    bc_free(c);
    *req_cls = NULL;
}

/* Headers every response carries. */
static void common_headers(const req_ctx *c, struct MHD_Response *r, const bc_response *res)
{
    const bc_config *cfg = c->h->cfg;
    MHD_add_response_header(r, "X-Request-Id", c->id);
    if (cfg->cors_origin[0] != '\0') {
        MHD_add_response_header(r, "Access-Control-Allow-Origin", cfg->cors_origin);
        MHD_add_response_header(r, "Access-Control-Expose-Headers",
                                "ETag, Link, Last-Modified, X-Request-Id, Content-Length");
        if (strcmp(cfg->cors_origin, "*") != 0)
            MHD_add_response_header(r, "Vary", "Origin");
    }
    if (bc_response_header_get(res, "Cache-Control") == NULL) {
        if (res->status == 200 && strcmp(c->method, "OPTIONS") != 0) {
            char cc[64];
            snprintf(cc, sizeof cc, "public, max-age=%d", cfg->max_age);
            MHD_add_response_header(r, "Cache-Control", cc);
        } else {
            MHD_add_response_header(r, "Cache-Control", "no-store");
        }
    }
    if (strcmp(c->method, "OPTIONS") == 0) {
        MHD_add_response_header(r, "Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
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
                   strstr(res->content_type, "yaml") != NULL;
        snprintf(ct, sizeof ct, "%s%s", res->content_type, json ? "; charset=utf-8" : "");
        MHD_add_response_header(r, "Content-Type", ct);
    }
    for (int i = 0; i < res->nheaders; i++)
        MHD_add_response_header(r, res->headers[i].name, res->headers[i].value);
    common_headers(c, r, res);
    c->status = res->status;
    c->bytes = len;
    if (res->log_note[0])
        snprintf(c->note, sizeof c->note, "%.255s", res->log_note);
    enum MHD_Result ret = MHD_queue_response(con, (unsigned int)res->status, r);
    MHD_destroy_response(r);
    return ret;
}

/* Decodes the request target into req (path and raw query); a problem on failure. */
static int parse_target(req_ctx *c, bc_request *req, bc_response *res)
{
    if (c->uri_too_long)
        return bc_problem(res, 414, "uri_too_long", NULL, "the request target is longer than %d bytes",
                          MAX_URI);
    const char *uri = c->uri;
    if (uri == NULL || uri[0] != '/')
        return bc_problem(res, 400, "malformed_target", NULL,
                          "the request target must be a path starting with '/'");
    const char *q = strchr(uri, '?');
    size_t plen = q ? (size_t)(q - uri) : strlen(uri);
    char *path;
    bc_err err;
    if (bc_url_decode(uri, plen, 0, &c->arena, &path, &err) != BC_OK)
        return err.code == BC_ENOMEM ? bc_problem(res, 500, "internal_error", NULL, "out of memory")
                                     : bc_problem(res, 400, "malformed_path", NULL, "path: %s",
                                                  err.msg);
    req->path = path;
    req->query = q ? q + 1 : "";
    return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **req_cls)
{
    (void)url;
    (void)version;
    (void)upload_data;
    bc_http *h = cls;
    req_ctx *c = *req_cls;
    if (c == NULL || c->uri == NULL)
        return MHD_NO; /* the context could not be allocated: drop the connection */
    if (!c->seen) {
        /* first call: headers only. Answering now would cost keep-alive (see STYLE.md) */
        c->seen = 1;
        snprintf(c->method, sizeof c->method, "%s", method);
        return MHD_YES;
    }
    if (*upload_data_size > 0) {
        /* the read API takes no bodies: count and discard, answer 413 when too large */
        c->body_bytes += *upload_data_size;
        *upload_data_size = 0;
        return MHD_YES;
    }
    bc_response res;
    bc_response_init(&res);
    bc_request req = {0};
    req.method = c->method;
    req.cfg = h->cfg;
    req.arena = &c->arena;
    int status = parse_target(c, &req, &res);
    if (status == 0 && c->body_bytes > (size_t)h->cfg->max_body)
        status = bc_problem(&res, 413, "body_too_large", NULL,
                            "the request body is larger than %d bytes", h->cfg->max_body);
    if (status == 0) {
        req.store = bc_store_pool_acquire(h->pool);
        bc_router_dispatch(&req, &res);
        bc_store_pool_release(h->pool, req.store);
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

int bc_http_start(const bc_config *cfg, bc_store_pool *pool, bc_http **out, bc_err *err)
{
    *out = NULL;
    bc_http *h = bc_calloc(1, sizeof *h);
    if (h == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    h->cfg = cfg;
    h->pool = pool;
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
        {MHD_OPTION_THREAD_POOL_SIZE, cfg->threads > 1 ? cfg->threads : 0, NULL},
        {MHD_OPTION_END, 0, NULL},
    };
    if (cfg->threads <= 1)
        opts[6].option = MHD_OPTION_END;
    /* the logger must be the first option, or early messages go to MHD's own */
    h->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, h, MHD_OPTION_EXTERNAL_LOGGER,
                            mhd_log, NULL, MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
    if (h->d == NULL) {
        bc_free(h);
        return bc_err_set(err, BC_EIO, "cannot listen on %s (address in use or not permitted?)",
                          cfg->listen);
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
    h->port = info ? info->port : 0;
    *out = h;
    return BC_OK;
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
    for (int waited = 0; waited < grace_ms && atomic_load(&h->in_flight) > 0; waited += 10) {
        struct timespec ts = {0, 10 * 1000000L};
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(h->d);
    bc_free(h);
}
