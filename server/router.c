/* router.c: the route table and dispatch (see router.h). */
#include "bordercoop/router.h"

#include "bordercoop/apidoc.h"
#include "bordercoop/dashboard.h"
#include "bordercoop/feed.h"
#include "bordercoop/health.h"
#include "bordercoop/ingest_api.h"
#include "bordercoop/keys.h"
#include "bordercoop/metrics.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/redate_api.h"
#include "bordercoop/resource.h"
#include "bordercoop/review_api.h"
#include "bordercoop/search.h"
#include "bordercoop/series.h"
#include "bordercoop/stats.h"

#include <stdio.h>
#include <string.h>

/* The two routes of each collection of BC_COLLECTIONS (resource.h): its list, which also
 * speaks CSV (and GeoJSON when it is a map, and takes POST when it adds articles), and
 * its items. */
#define LIST_FORMATS(flags)                                                                        \
    (BC_FMT_JSON | BC_FMT_CSV | (((flags)&BC_COLLECTION_GEO) ? BC_FMT_GEOJSON : 0))
#define IF_INGEST(flags, yes, no) (((flags)&BC_COLLECTION_INGEST) ? (yes) : (no))
#define IF_COUNTS(flags, yes, no) (((flags)&BC_COLLECTION_COUNTS) ? (yes) : (no))
/* an article is read (hashed, looked for, its facts extracted) on the keyed lane and
 * only stored on the writer (ingest_api.h) */
#define LIST_POST(flags)                                                                           \
    {                                                                                              \
        IF_INGEST(flags, bc_handle_ingest, NULL), IF_INGEST(flags, BC_EXEC_KEYED, BC_EXEC_WORKER), \
            IF_INGEST(flags, BC_ROLE_INGEST, 0),                                                   \
            .then = IF_INGEST(flags, bc_handle_ingest_store, NULL)                                 \
    }
/* the items of the collection that adds articles take PATCH: an article's date changed,
 * its facts read again (redate_api.h) */
#define ITEM_PATCH(flags)                                                                          \
    {                                                                                              \
        IF_INGEST(flags, bc_handle_source_patch, NULL), BC_EXEC_WRITER,                            \
            IF_INGEST(flags, BC_ROLE_INGEST, 0)                                                    \
    }
#define COLLECTION_ROUTES(name, res, flags)                                                        \
    {.pattern = "/v1/" name,                                                                       \
     .get = {bc_resource_list,                                                                     \
             .costly = IF_COUNTS(flags, bc_resource_list_counting, bc_resource_list_costly)},      \
     .post = LIST_POST(flags),                                                                     \
     .formats = LIST_FORMATS(flags),                                                               \
     .data = &(res)},                                                                              \
        {.pattern = "/v1/" name "/{id}",                                                           \
         .get = {bc_resource_get},                                                                 \
         .patch = ITEM_PATCH(flags),                                                               \
         .formats = BC_FMT_JSON,                                                                   \
         .data = &(res)},

const bc_route bc_routes[] = {
    {"/", .get = {bc_handle_root}, .formats = BC_FMT_JSON | BC_FMT_HTML},
    {"/v1", .get = {bc_handle_index}, .formats = BC_FMT_JSON},
    {"/healthz", .get = {bc_handle_healthz, BC_EXEC_INLINE}, .formats = BC_FMT_JSON},
    {"/readyz", .get = {bc_handle_readyz}, .formats = BC_FMT_JSON},
    /* store-free, but the first answer of each generation is gzipped into the cache
     * (hundreds of KiB): a worker's job, not the I/O thread's */
    {"/openapi.yaml", .get = {bc_handle_openapi}, .formats = BC_FMT_YAML},
    {"/metrics", .get = {bc_handle_metrics, BC_EXEC_INLINE}, .formats = BC_FMT_PROM},
    {"/v1/search", .get = {bc_handle_search, BC_EXEC_SEARCH}, .formats = BC_FMT_JSON | BC_FMT_CSV},
    {"/v1/stats", .get = {bc_handle_stats, BC_EXEC_SUMMARY, .costly = bc_stats_costly},
     .formats = BC_FMT_JSON},
    {"/v1/changes", .get = {bc_handle_changes}, .formats = BC_FMT_JSON},
    {"/v1/changes.atom", .get = {bc_handle_changes_atom}, .formats = BC_FMT_ATOM},
    {"/v1/series", .get = {bc_handle_series}, .formats = BC_FMT_JSON},
    {"/v1/export.ndjson", .get = {bc_handle_export, BC_EXEC_BULK}, .formats = BC_FMT_NDJSON},
    {"/v1/export/index.json", .get = {bc_handle_export_index, BC_EXEC_BULK},
     .formats = BC_FMT_JSON},
    BC_COLLECTIONS(COLLECTION_ROUTES)
    /* one figure's overlaps and conflicts, paged like the lists (figures.c) */
    {"/v1/figures/{id}/overlaps", .get = {bc_resource_list, .costly = bc_resource_list_costly},
     .formats = BC_FMT_JSON | BC_FMT_CSV, .data = &bc_res_figure_overlaps},
    {"/v1/figures/{id}/conflicts", .get = {bc_resource_list, .costly = bc_resource_list_costly},
     .formats = BC_FMT_JSON | BC_FMT_CSV, .data = &bc_res_figure_conflicts},
    /* the review step (review_api.h): a key with role review. Reads on the keyed lane,
     * never cached: a query-only connection sees every committed decision, and reads
     * never wait behind the writer; decisions on the writer */
    {"/v1/review", .get = {bc_handle_review_queue, BC_EXEC_KEYED, BC_ROLE_REVIEW},
     .formats = BC_FMT_JSON},
    {"/v1/review/log", .get = {bc_handle_review_log, BC_EXEC_KEYED, BC_ROLE_REVIEW},
     .formats = BC_FMT_JSON},
    {"/v1/review/{kind}/{id}", .get = {bc_handle_review_fact, BC_EXEC_KEYED, BC_ROLE_REVIEW},
     .post = {bc_handle_review_decide, BC_EXEC_WRITER, BC_ROLE_REVIEW}, .formats = BC_FMT_JSON},
    {"/assets/{file}", .get = {bc_handle_asset}, .formats = BC_FMT_FILE,
     .flags = BC_ROUTE_UNDOCUMENTED},
};
const size_t bc_routes_count = sizeof bc_routes / sizeof bc_routes[0];

_Static_assert(sizeof bc_routes / sizeof bc_routes[0] < BC_METRICS_MAX_ROUTES,
               "metrics keep one slot per route plus one for unmatched paths");

/* Matches path against pattern; on success returns 1 and the first "{...}" segment in
 * *cap (cap_len bytes; *cap NULL when the pattern has none). */
static int match(const char *pattern, const char *path, const char **cap, size_t *cap_len)
{
    const char *p = pattern, *s = path;
    *cap = NULL;
    *cap_len = 0;
    while (*p != '\0') {
        if (*p != '{') {
            if (*p++ != *s++)
                return 0;
            continue;
        }
        size_t n = strcspn(s, "/");
        if (n == 0)
            return 0;
        if (*cap == NULL) {
            *cap = s;
            *cap_len = n;
        }
        s += n;
        p = strchr(p, '}');
        if (p == NULL)
            return 0;
        p++;
    }
    return *s == '\0';
}

int bc_router_route_of(const char *path)
{
    const char *cap;
    size_t n;
    for (size_t i = 0; i < bc_routes_count; i++)
        if (match(bc_routes[i].pattern, path, &cap, &n))
            return (int)i;
    return -1;
}

const bc_route *bc_router_route(int i)
{
    return i >= 0 && (size_t)i < bc_routes_count ? &bc_routes[i] : NULL;
}

const bc_method *bc_router_method(const bc_route *r, const char *method)
{
    const bc_method *m = NULL;
    if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
        m = &r->get;
    else if (strcmp(method, "POST") == 0)
        m = &r->post;
    else if (strcmp(method, "PUT") == 0)
        m = &r->put;
    else if (strcmp(method, "PATCH") == 0)
        m = &r->patch;
    else if (strcmp(method, "DELETE") == 0)
        m = &r->del;
    return m != NULL && m->fn != NULL ? m : NULL;
}

void bc_router_allow(const bc_route *r, char *buf, size_t n)
{
    const struct {
        const bc_method *m;
        const char *names;
    } order[] = {
        {&r->get, "GET, HEAD"}, {&r->post, "POST"},  {&r->put, "PUT"},
        {&r->patch, "PATCH"},   {&r->del, "DELETE"},
    };
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (order[i].m->fn != NULL && len < n)
            len += (size_t)snprintf(buf + len, n - len, "%s, ", order[i].names);
    if (len < n)
        snprintf(buf + len, n - len, "OPTIONS");
}

/* Lists the media types of formats for a 406 detail. */
static void media_types(unsigned formats, bc_buf *out)
{
    for (unsigned bit = 1; bit <= BC_FMT_KNOWN; bit <<= 1)
        if (formats & bit)
            bc_buf_printf(out, "%s%s", out->len ? ", " : "", bc_format_media_type(bit));
}

/* Chooses the representation of route r for req: the preferred format when r offers it,
 * else the first (lowest) acceptable one r offers. 0 when there is none. */
static int choose_format(const bc_route *r, const bc_request *req)
{
    unsigned ok = r->formats & req->formats;
    if (ok == 0)
        return 0;
    if ((unsigned)req->format & ok)
        return req->format;
    return (int)(ok & -ok);
}

int bc_router_dispatch(int route, bc_request *req, bc_response *res)
{
    const char *cap = NULL;
    size_t cap_len = 0;
    int i = route;
    /* the path's segment for the route's {name}: a match against the one pattern */
    if (i >= 0 &&
        ((size_t)i >= bc_routes_count || !match(bc_routes[i].pattern, req->path, &cap, &cap_len)))
        i = -1;
    if (i < 0) {
        size_t n = strlen(req->path);
        if (n > 1 && req->path[n - 1] == '/')
            return bc_problem(res, 404, "not_found", NULL,
                              "no resource at '%.200s'; drop the trailing '/'", req->path);
        return bc_problem(res, 404, "not_found", NULL,
                          "no resource at '%.200s'; see /v1 or /openapi.yaml", req->path);
    }
    const bc_route *r = &bc_routes[i];
    req->route_data = r->data;
    req->route_id = NULL;
    if (cap != NULL) {
        /* a final segment is the rest of the path; an inner one is copied */
        req->route_id = cap[cap_len] == '\0' ? cap : bc_arena_strndup(req->arena, cap, cap_len);
        if (req->route_id == NULL)
            return bc_problem_internal(res, NULL, "out of memory");
    }
    const bc_method *m = bc_router_method(r, req->method);
    if (m == NULL) {
        char allow[64];
        bc_router_allow(r, allow, sizeof allow);
        bc_response_header(res, "Allow", "%s", allow);
        if (strcmp(req->method, "OPTIONS") == 0) {
            res->status = 204;
            res->content_type = NULL;
            return 204;
        }
        return bc_problem(res, 405, "method_not_allowed", NULL,
                          "method %.20s is not allowed on '%.200s'; allowed: %s", req->method,
                          req->path, allow);
    }
    if (m == &r->get && !(r->formats & BC_FMT_FILE)) {
        req->format = choose_format(r, req);
        if (req->format == 0) {
            bc_buf types = BC_BUF_INIT;
            media_types(r->formats, &types);
            int st = bc_problem(res, 406, "not_acceptable", NULL,
                                "'%.200s' is available as %s only; send an Accept header that "
                                "admits it",
                                req->path, types.data ? types.data : "");
            bc_buf_free(&types);
            return st;
        }
    }
    return m->fn(req, res);
}

int bc_router_then(int route, bc_request *req, bc_response *res)
{
    const bc_route *r = bc_router_route(route);
    const bc_method *m = r != NULL ? bc_router_method(r, req->method) : NULL;
    if (m == NULL || m->then == NULL)
        return bc_problem_internal(res, "no second step for this route", "the write was not done");
    return m->then(req, res);
}

int bc_method_writes(const bc_method *m)
{
    return m != NULL && (m->exec == BC_EXEC_WRITER || m->then != NULL);
}

int bc_router_route_name(int i, char *buf, size_t n)
{
    const bc_route *r = bc_router_route(i);
    if (r == NULL)
        return 0;
    snprintf(buf, n, "%s", r->pattern);
    return 1;
}

void bc_router_each(void (*fn)(const char *pattern, void *ctx), void *ctx)
{
    for (size_t i = 0; i < bc_routes_count; i++)
        if (!(bc_routes[i].flags & BC_ROUTE_UNDOCUMENTED))
            fn(bc_routes[i].pattern, ctx);
}
