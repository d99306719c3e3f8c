/* http_send.c: responses to libmicrohttpd: the headers every response carries, bodies
 * handed over without copying where they can be, and the validators (ETag, and
 * Last-Modified as conditional.h says). */
#include "http_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/conditional.h"
#include "bordercoop/negotiate.h"

#include <stdio.h>
#include <string.h>

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
        /* the methods of the route asked about (its Allow), not those of every route */
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
enum MHD_Result bc_http_send_cached(struct MHD_Connection *con, req_ctx *c, bc_cached *e, int gzip,
                                    int not_modified)
{
    int use_gz = gzip && e->gz != NULL;
    const char *etag = use_gz ? e->etag_gz : e->etag;
    /* a 304 is given the representation itself: libmicrohttpd sends no body for a 304
     * but always a Content-Length, which must then be the representation's */
    size_t len = use_gz ? e->gz_len : e->len;
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, use_gz ? e->gz : e->body, MHD_RESPMEM_PERSISTENT);
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
    c->bytes = not_modified ? 0 : len;
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
