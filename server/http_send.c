/* http_send.c: responses to libmicrohttpd: the headers every response carries, bodies
 * handed over without copying where they can be, and the validators (ETag, and
 * Last-Modified as conditional.h says). */
#include "http_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/conditional.h"
#include "bordercoop/negotiate.h"

#include <stdio.h>
#include <string.h>

/* lm as an HTTP-date, formatted once per value and thread (every cached answer of a
 * generation carries the same one). */
static const char *http_date(time_t lm)
{
    static _Thread_local time_t last = -1;
    static _Thread_local char date[40];
    if (lm != last) {
        bc_http_date_format(lm, date, sizeof date);
        last = lm;
    }
    return date;
}

/* The Date header's value for now: formatted once a second per thread (libmicrohttpd
 * would format it for every response; giving it one makes it skip its own). */
static const char *date_now(void)
{
    static _Thread_local time_t last = -1;
    static _Thread_local char date[40];
    time_t now = time(NULL);
    if (now != last) {
        bc_http_date_format(now, date, sizeof date);
        last = now;
    }
    return date;
}

/* content_type with "; charset=utf-8" when it is text, remembered per thread for the
 * last static type string seen (cached answers repeat the same few). */
static const char *content_type_header(const char *type)
{
    static _Thread_local const char *last;
    static _Thread_local char value[96];
    if (type != last) {
        int text = strstr(type, "json") || strstr(type, "yaml") || strstr(type, "csv") ||
                   strncmp(type, "text/", 5) == 0;
        snprintf(value, sizeof value, "%s%s", type, text ? "; charset=utf-8" : "");
        last = type;
    }
    return value;
}

/* Headers every response carries (but X-Request-Id, which the callers add); `cached` marks a
 * representation of store data (with validators and Vary), `status` is what will be sent. */
static void common_headers(const req_ctx *c, struct MHD_Response *r, const void *from, int cached,
                           int status)
{
    const bc_http *h = c->h;
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
        if (bc_last_modified(c->view.modified_at, c->view.confirmed_at, &lm))
            MHD_add_response_header(r, "Last-Modified", http_date(lm));
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
    if (strcmp(c->method, "OPTIONS") == 0 && h->cors && status < 300) {
        /* the methods of the route asked about (its Allow), not those of every route; a
         * preflight that failed (an unknown route's 404) grants nothing */
        const char *allow = from != NULL && !cached ? bc_response_header_get(from, "Allow") : NULL;
        MHD_add_response_header(r, "Access-Control-Allow-Methods",
                                allow != NULL ? allow : "GET, HEAD, OPTIONS");
        MHD_add_response_header(r, "Access-Control-Allow-Headers",
                                "Accept, Accept-Encoding, If-None-Match, If-Modified-Since, "
                                "Authorization, Content-Type");
        MHD_add_response_header(r, "Access-Control-Max-Age", "86400");
    }
}

enum MHD_Result bc_http_send(struct MHD_Connection *con, req_ctx *c, bc_response *res)
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
    MHD_add_response_header(r, "X-Request-Id", c->id);
    MHD_add_response_header(r, "Date", date_now());
    common_headers(c, r, res, 0, res->status);
    c->status = res->status;
    c->bytes = len;
    if (res->log_note[0])
        snprintf(c->note, sizeof c->note, "%.255s", res->log_note);
    enum MHD_Result ret = MHD_queue_response(con, (unsigned int)res->status, r);
    MHD_destroy_response(r);
    return ret;
}

/* The body is not copied: the entry stays referenced by the request context until the
 * response has been sent. */
/* A new response for cached representation e (a 304 when not_modified), every header
 * set but X-Request-Id, which is the caller's; NULL when out of memory. */
static struct MHD_Response *cached_response(const req_ctx *c, bc_cached *e, int use_gz,
                                            int not_modified)
{
    /* a 304 is given the representation itself: libmicrohttpd sends no body for a 304
     * but always a Content-Length, which must then be the representation's */
    size_t len = use_gz ? e->gz_len : e->len;
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, use_gz ? e->gz : e->body, MHD_RESPMEM_PERSISTENT);
    if (r == NULL)
        return NULL;
    if (!not_modified) {
        MHD_add_response_header(r, "Content-Type", content_type_header(e->content_type));
        if (use_gz)
            MHD_add_response_header(r, "Content-Encoding", "gzip");
    }
    MHD_add_response_header(r, "ETag", use_gz ? e->etag_gz : e->etag);
    for (int i = 0; i < e->nheaders; i++)
        MHD_add_response_header(r, e->headers[i].name, e->headers[i].value);
    common_headers(c, r, e, 1, not_modified ? 304 : 200);
    return r;
}

/* A cache entry's ready answer: the response, and where in it the two values that change
 * from request to request are (libmicrohttpd's own copies of them, each always the same
 * length), so that a request overwrites them without looking them up. */
typedef struct prebuilt {
    struct MHD_Response *r;
    char *id, *date;
    size_t id_len, date_len;
} prebuilt;

void bc_http_release_prebuilt(void *p)
{
    prebuilt *pb = p;
    MHD_destroy_response(pb->r);
    bc_free(pb);
}

/* The ready answer for slot of e, made on first use; NULL when it cannot be made. */
static prebuilt *prebuilt_get(const req_ctx *c, bc_cached *e, int slot, int use_gz,
                              int not_modified)
{
    if (e->prebuilt[slot] != NULL)
        return e->prebuilt[slot];
    prebuilt *pb = bc_malloc(sizeof *pb);
    struct MHD_Response *r = pb != NULL ? cached_response(c, e, use_gz, not_modified) : NULL;
    if (r != NULL && MHD_add_response_header(r, "X-Request-Id", c->id) == MHD_YES &&
        MHD_add_response_header(r, "Date", date_now()) == MHD_YES) {
        pb->r = r;
        pb->id = (char *)MHD_get_response_header(r, "X-Request-Id");
        pb->date = (char *)MHD_get_response_header(r, "Date");
        pb->id_len = pb->id != NULL ? strlen(pb->id) : 0;
        pb->date_len = pb->date != NULL ? strlen(pb->date) : 0;
        if (pb->id != NULL && pb->date != NULL)
            return e->prebuilt[slot] = pb;
    }
    if (r != NULL)
        MHD_destroy_response(r);
    bc_free(pb);
    return NULL;
}

enum MHD_Result bc_http_send_cached(struct MHD_Connection *con, req_ctx *c, bc_cached *e, int gzip,
                                    int not_modified)
{
    int use_gz = gzip && e->gz != NULL;
    int status = not_modified ? 304 : 200;
    c->entry = e; /* referenced until the response has been sent */
    c->status = status;
    c->bytes = not_modified ? 0 : use_gz ? e->gz_len : e->len;
    time_t lm;
    if (c->h->share_responses && bc_last_modified(c->view.modified_at, c->view.confirmed_at, &lm)) {
        /* The entry keeps one ready response per variant: every header is the same for
         * every request but X-Request-Id and Date, whose values are overwritten in place
         * (same length) just before queuing. Safe with one I/O thread: libmicrohttpd copies the
         * headers into the connection's buffer before it handles another connection. It
         * saves the response object and a dozen header copies per request. */
        prebuilt *pb = prebuilt_get(c, e, (not_modified ? 2 : 0) + use_gz, use_gz, not_modified);
        const char *now = date_now();
        size_t id_len = strlen(c->id);
        if (pb != NULL && pb->id_len == id_len && pb->date_len == strlen(now)) {
            memcpy(pb->id, c->id, id_len);
            memcpy(pb->date, now, pb->date_len);
            return MHD_queue_response(con, (unsigned int)status, pb->r);
        }
    }
    struct MHD_Response *r = cached_response(c, e, use_gz, not_modified);
    if (r == NULL)
        return MHD_NO;
    MHD_add_response_header(r, "X-Request-Id", c->id);
    MHD_add_response_header(r, "Date", date_now());
    enum MHD_Result ret = MHD_queue_response(con, (unsigned int)status, r);
    MHD_destroy_response(r);
    return ret;
}

/* For a representation e of store data: If-None-Match when given, else
 * If-Modified-Since against the store's last change (RFC 9110 13.2.2; see
 * conditional.h for how a date never hides a change). */
int bc_http_not_modified(const req_ctx *c, const bc_cached *e, int gzip, const char *inm,
                         const char *ims)
{
    if (inm != NULL)
        return bc_etag_matches(inm, gzip && e->gz ? e->etag_gz : e->etag);
    return ims != NULL &&
           bc_not_modified_since(ims, c->view.modified_at, c->view.confirmed_at, time(NULL));
}
