/* http_admit.c: the first call of a request, with its whole head and none of its body:
 * the framing rules (strict.h, plus the bytes libmicrohttpd drops silently), then
 * whether a body may be read at all. A refusal is answered at once with the connection
 * closed, so neither the body nor anything pipelined behind is read. */
#include "http_int.h"

#include "bordercoop/auth.h"
#include "bordercoop/query.h"
#include "bordercoop/router.h"
#include "bordercoop/strict.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

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
    size_t fields;
    req_head *head;
} head_check;

/* Keeps a field the answer reads (the first of its name) in head. */
static void keep_field(req_head *head, const char *key, size_t n, const char *value)
{
    const char **slot = NULL;
    switch (n) {
    case 8:
        slot = strncasecmp(key, "If-Match", 8) == 0 ? &head->if_match : NULL;
        break;
    case 6:
        slot = strncasecmp(key, "Accept", 6) == 0 ? &head->accept : NULL;
        break;
    case 12:
        slot = strncasecmp(key, "Content-Type", 12) == 0 ? &head->content_type : NULL;
        break;
    case 13:
        slot = strncasecmp(key, "If-None-Match", 13) == 0   ? &head->if_none_match
               : strncasecmp(key, "Authorization", 13) == 0 ? &head->authorization
                                                            : NULL;
        break;
    case 15:
        slot = strncasecmp(key, "Accept-Encoding", 15) == 0 ? &head->accept_encoding : NULL;
        break;
    case 17:
        slot = strncasecmp(key, "If-Modified-Since", 17) == 0 ? &head->if_modified_since : NULL;
        break;
    default:
        break;
    }
    if (slot != NULL && *slot == NULL)
        *slot = value;
}

static enum MHD_Result check_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                   size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    head_check *hc = cls;
    hc->fields++;
    bc_strict_field(&hc->strict, key, key_size, value != NULL ? value : "",
                    value != NULL ? value_size : 0);
    if (value != NULL) {
        walk_field(&hc->walk, key, key_size, value, value_size);
        keep_field(hc->head, key, key_size, value);
    } else {
        hc->walk.bad = 1;
    }
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
    enum MHD_Result ret = bc_http_send(con, c, res);
    bc_response_free(res);
    return ret;
}

/* refuse() for a head that costs head bytes of the connection's memory: one that leaves
 * less than BC_ANSWER_ROOM of it is answered past libmicrohttpd, which would find no room
 * for the answer's headers and close without a word. */
static enum MHD_Result refuse_sized(struct MHD_Connection *con, req_ctx *c, bc_response *res,
                                    size_t head)
{
    size_t memory = (size_t)c->h->cfg->max_header_bytes + BC_HEAD_HEADROOM;
    if (head + BC_ANSWER_ROOM <= memory)
        return refuse(con, c, res);
    snprintf(res->log_note, sizeof res->log_note, "refused: %s (answered past libmicrohttpd)",
             res->status == 414 ? "target too long" : "head too large");
    bc_http_refuse_raw(con, c, res); /* then the library closes the connection */
    bc_response_free(res);
    return MHD_NO;
}

/* The role a write's key needs (a bc_role) when the request names a route whose method
 * writes (and so takes a body), else 0. */
static int takes_body(req_ctx *c)
{
    const char *uri = c->uri;
    const char *q = strchr(uri, '?');
    char *path = NULL;
    bc_err err;
    if (bc_path_decode(uri, q ? (size_t)(q - uri) : strlen(uri), &c->arena, &path, &err) != BC_OK)
        return 0; /* the last call answers the malformed path */
    const bc_route *r = bc_router_route(bc_router_route_of(path));
    const bc_method *m = r != NULL ? bc_router_method(r, c->method) : NULL;
    if (!bc_method_writes(m))
        return 0;
    return m->role > 0 ? m->role : BC_ROLE_INGEST;
}

/* A request with a body on a path no write takes: when the path itself is wrong (it does
 * not decode, or names no resource) or the resource has no such method (PUT or POST on
 * /v1/meetings), res gets the answer the request would get without a body (400
 * malformed_path, 404 naming the path, 405 with Allow) and 1 is returned; else 0 (a
 * method the resource serves without a body, GET with one: 413). */
static int path_problem(req_ctx *c, bc_response *res)
{
    const char *uri = c->uri;
    if (uri == NULL || c->uri_too_long || uri[0] != '/')
        return 0;
    const char *q = strchr(uri, '?');
    char *path = NULL;
    bc_err err;
    if (bc_path_decode(uri, q ? (size_t)(q - uri) : strlen(uri), &c->arena, &path, &err) != BC_OK) {
        if (err.code == BC_ENOMEM)
            return 0;
        bc_problem(res, 400, "malformed_path", NULL, "path: %s", err.msg);
        return 1;
    }
    int route = bc_router_route_of(path);
    if (route >= 0 && (bc_router_method(bc_router_route(route), c->method) != NULL ||
                       strcmp(c->method, "OPTIONS") == 0))
        return 0;
    /* the table alone answers: 404 naming the path (with a hint for a trailing '/'), or
     * 405 with Allow for a method the resource does not have */
    bc_request req = {0};
    req.method = c->method;
    req.path = path;
    req.query = q ? q + 1 : "";
    req.arena = &c->arena;
    bc_router_dispatch(route, &req, res);
    return 1;
}

/* The first call, with the whole head: the framing rules, then whether a body may be
 * read at all. MHD_YES lets the request continue (its body, if any, is read next). */
enum MHD_Result bc_http_admit(struct MHD_Connection *con, req_ctx *c, const char *method,
                              const char *version)
{
    bc_http *h = c->h;
    bc_response res;
    bc_response_init(&res);
    head_check hc;
    bc_strict_init(&hc.strict);
    hc.fields = 0;
    hc.head = &c->head;
    int walking = walk_start(&hc.walk, con, c, method, version);
    MHD_get_connection_values_n(con, MHD_HEADER_KIND, check_field, &hc);
    /* the head's cost in libmicrohttpd's connection memory: its bytes and a record per
     * field. Over --max-header-bytes it is refused here, while the memory above that
     * limit (BC_HEAD_HEADROOM) still holds the answer's headers: past the limit
     * libmicrohttpd itself would find no room for any answer and close in silence */
    const union MHD_ConnectionInfo *hs =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
    size_t head = (hs != NULL ? hs->header_size : 0) + hc.fields * BC_HEAD_FIELD_COST;
    if (c->uri_too_long) {
        bc_problem(&res, 414, "uri_too_long", NULL, "the request target is longer than %d bytes",
                   h->cfg->max_uri);
        return refuse_sized(con, c, &res, head);
    }
    if (head > (size_t)h->cfg->max_header_bytes) {
        bc_problem(&res, 431, "header_too_large", NULL,
                   "the request line and headers take more than %d bytes (%zu fields); send "
                   "fewer or shorter headers",
                   h->cfg->max_header_bytes, hc.fields);
        return refuse_sized(con, c, &res, head);
    }
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
    /* GET, HEAD and OPTIONS take no body (even on a route that runs on the writer): no
     * need to find their route here */
    int write = strcmp(c->method, "GET") != 0 && strcmp(c->method, "HEAD") != 0 &&
                        strcmp(c->method, "OPTIONS") != 0 && c->uri != NULL && !c->uri_too_long
                    ? takes_body(c)
                    : 0;
    if (body && !write) {
        if (!path_problem(c, &res))
            bc_problem(&res, 400, "body_not_allowed", NULL,
                       "%s %.200s takes no request body: send it without one (no "
                       "Content-Length above 0, no Transfer-Encoding)",
                       c->method, c->uri);
        return refuse(con, c, &res);
    }
    c->content_length = st.content_length;
    c->chunked = st.chunked;
    c->write_role = write;
    if (write) {
        /* a write: its key is checked (against the store's keys, on a worker) before any
         * byte of its body is read; bc_http_admit_write goes on from there */
        return bc_http_start_gate(con, c);
    }
    c->phase = PHASE_ADMITTED;
    c->active = 1;
    atomic_fetch_add(&h->active, 1);
    bc_reaper_head_done(c->track, 0, 0); /* being answered: no clock needed */
    return MHD_YES;
}

enum MHD_Result bc_http_admit_write(struct MHD_Connection *con, req_ctx *c, bc_response *verdict)
{
    bc_http *h = c->h;
    if (verdict->status != 200) {
        bc_response_header(verdict, "Connection", "close");
        return bc_http_send(con, c, verdict);
    }
    bc_response res;
    bc_response_init(&res);
    if (c->chunked) {
        bc_problem(&res, 411, "length_required", NULL,
                   "send the body with a Content-Length (chunked bodies are not taken)");
        return refuse(con, c, &res);
    }
    if (c->content_length > (uint64_t)h->cfg->max_body) {
        bc_problem(&res, 413, "body_too_large", NULL, "the request body is larger than %d bytes",
                   h->cfg->max_body);
        return refuse(con, c, &res);
    }

    long want = (long)c->content_length;
    if (want > 0) {
        long held = atomic_fetch_add(&h->body_reserved, want);
        long by_key = atomic_fetch_add(&h->key_body[c->key_slot], want);
        c->reserved = want;
        long key_share = (long)h->cfg->max_body_memory / 4;
        if (key_share < 2 * (long)h->cfg->max_body)
            key_share = 2 * (long)h->cfg->max_body; /* a write and its retry */
        if (by_key + want > key_share) {
            bc_problem(&res, 503, "busy", NULL,
                       "this key is already sending as many request bodies as it may; try "
                       "again when one is done");
            bc_response_header(&res, "Retry-After", "1");
            snprintf(res.log_note, sizeof res.log_note,
                     "the key's share of body memory (--max-body-memory / 4) is in use");
            /* the write is refused whole: its reservation goes back when it completes */
            return refuse(con, c, &res);
        }
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
    int share = bc_http_share_take(h, c->key_id);
    if (share <= 0) {
        if (share == 0)
            bc_problem(&res, 429, "too_many_writes", NULL,
                       "this key already has %d writes in progress, as many as one key may have "
                       "at once; send the next when one is answered",
                       BC_WRITES_PER_KEY);
        else
            bc_problem(&res, 503, "overloaded", NULL,
                       "too many keys are writing at once; try again shortly");
        bc_response_header(&res, "Retry-After", "1");
        snprintf(res.log_note, sizeof res.log_note, "%s",
                 share == 0 ? "the key's writes in progress are at BC_WRITES_PER_KEY"
                            : "no slot for another key's writes");
        return refuse(con, c, &res);
    }
    c->share = 1; /* given back when the request completes */
    c->phase = PHASE_ADMITTED;
    c->active = 1;
    atomic_fetch_add(&h->active, 1);
    bc_reaper_head_done(c->track, c->content_length, bc_reaper_now_ms());
    return MHD_YES;
}

int bc_http_share_take(bc_http *h, long long key)
{
    pthread_mutex_lock(&h->share_lock);
    int mine = -1, free_slot = -1;
    for (int i = 0; i < BC_KEY_SLOTS && mine < 0; i++) {
        if (h->writes[i].n > 0 && h->writes[i].key == key)
            mine = i;
        else if (h->writes[i].n == 0 && free_slot < 0)
            free_slot = i;
    }
    int taken = -1;
    if (mine >= 0) {
        taken = h->writes[mine].n < BC_WRITES_PER_KEY;
        h->writes[mine].n += taken;
    } else if (free_slot >= 0) {
        h->writes[free_slot].key = key;
        h->writes[free_slot].n = 1;
        taken = 1;
    }
    pthread_mutex_unlock(&h->share_lock);
    return taken;
}

void bc_http_share_put(bc_http *h, long long key)
{
    pthread_mutex_lock(&h->share_lock);
    for (int i = 0; i < BC_KEY_SLOTS; i++)
        if (h->writes[i].n > 0 && h->writes[i].key == key) {
            h->writes[i].n--;
            break;
        }
    pthread_mutex_unlock(&h->share_lock);
}
