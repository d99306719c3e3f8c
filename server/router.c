/* router.c: method + path to handler. */
#include "bordercoop/router.h"

#include "bordercoop/feed.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/resource.h"

#include <stdio.h>
#include <string.h>

typedef struct fixed_route {
    const char *path;
    bc_handler handler;
} fixed_route;

static const fixed_route FIXED[] = {
    {"/", bc_handle_root},
    {"/v1", bc_handle_index},
    {"/healthz", bc_handle_healthz},
    {"/readyz", bc_handle_readyz},
    {"/openapi.yaml", bc_handle_openapi},
    {"/v1/search", bc_handle_search},
    {"/v1/stats", bc_handle_stats},
    {"/metrics", bc_handle_metrics},
    {"/v1/changes", bc_handle_changes},
    {"/v1/changes.atom", bc_handle_changes_atom},
    {"/v1/series", bc_handle_series},
    {"/v1/export.ndjson", bc_handle_export},
    {"/v1/export/index.json", bc_handle_export_index},
};
#define NFIXED (sizeof FIXED / sizeof FIXED[0])

#define ALLOW "GET, HEAD, OPTIONS"

/* Routes that also accept a write. */
typedef struct write_route {
    const char *path;
    const char *method;
    bc_handler handler;
    const char *allow;
} write_route;

static const write_route WRITES[] = {
    {"/v1/sources", "POST", bc_handle_ingest, "GET, HEAD, POST, OPTIONS"},
};

/* Finds the route (by bc_router_route_of, the one place paths are matched); returns its
 * handler or NULL, and sets req->route_data / route_id for a collection. */
static bc_handler match(bc_request *req)
{
    int i = bc_router_route_of(req->path);
    if (i < 0) {
        /* the dashboard's files (not part of the API contract, nor a metrics route) */
        if (strncmp(req->path, "/assets/", 8) == 0 && req->path[8] != '\0')
            return bc_handle_asset;
        return NULL;
    }
    if ((size_t)i < NFIXED)
        return FIXED[i].handler;
    size_t k = (size_t)i - NFIXED; /* two routes per collection: list, then {id} */
    const bc_resource *r = bc_resources[k / 2];
    req->route_data = r;
    if (k % 2 == 0)
        return bc_resource_list;
    req->route_id = req->path + 5 + strlen(r->name);
    return bc_resource_get;
}

int bc_router_dispatch(bc_request *req, bc_response *res)
{
    bc_handler h = match(req);
    if (h == NULL) {
        size_t n = strlen(req->path);
        if (n > 1 && req->path[n - 1] == '/')
            return bc_problem(res, 404, "not_found", NULL,
                              "no resource at '%.200s'; drop the trailing '/'", req->path);
        return bc_problem(res, 404, "not_found", NULL,
                          "no resource at '%.200s'; see /v1 or /openapi.yaml", req->path);
    }
    const char *allow = ALLOW;
    for (size_t i = 0; i < sizeof WRITES / sizeof WRITES[0]; i++) {
        if (strcmp(req->path, WRITES[i].path) != 0)
            continue;
        if (strcmp(req->method, WRITES[i].method) == 0)
            return WRITES[i].handler(req, res);
        allow = WRITES[i].allow;
    }
    if (strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0) {
        /* lists also speak CSV and /openapi.yaml YAML; everything else is JSON */
        if (!(req->formats & BC_FMT_JSON) && h != bc_resource_list && h != bc_handle_openapi &&
            h != bc_handle_metrics && h != bc_handle_asset && h != bc_handle_changes_atom &&
            h != bc_handle_export && !(h == bc_handle_root && req->wants_html))
            return bc_problem(res, 406, "not_acceptable", NULL,
                              "'%.200s' is available as application/json only", req->path);
        return h(req, res);
    }
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

int bc_router_route_of(const char *path)
{
    for (size_t i = 0; i < NFIXED; i++)
        if (strcmp(path, FIXED[i].path) == 0)
            return (int)i;
    if (strncmp(path, "/v1/", 4) != 0)
        return -1;
    int i = (int)NFIXED;
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++, i += 2) {
        size_t n = strlen((*r)->name);
        if (strncmp(path + 4, (*r)->name, n) != 0)
            continue;
        if (path[4 + n] == '\0')
            return i;
        if (path[4 + n] == '/' && path[5 + n] != '\0' && strchr(path + 5 + n, '/') == NULL)
            return i + 1;
    }
    return -1;
}

int bc_router_route_name(int i, char *buf, size_t n)
{
    if (i < 0)
        return 0;
    if ((size_t)i < NFIXED) {
        snprintf(buf, n, "%s", FIXED[i].path);
        return 1;
    }
    int k = i - (int)NFIXED;
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++, k -= 2)
        if (k < 2) {
            snprintf(buf, n, k == 0 ? "/v1/%s" : "/v1/%s/{id}", (*r)->name);
            return 1;
        }
    return 0;
}

void bc_router_each(void (*fn)(const char *pattern, void *ctx), void *ctx)
{
    char pattern[128];
    for (int i = 0; bc_router_route_name(i, pattern, sizeof pattern); i++)
        fn(pattern, ctx);
}

int bc_reject_params(bc_request *req, bc_response *res)
{
    bc_qpair *pairs;
    size_t n;
    int st = bc_request_query(req, res, &pairs, &n);
    if (st != 0)
        return st;
    if (n > 0)
        return bc_problem(res, 400, "unknown_parameter", pairs[0].key,
                          "unknown parameter '%.60s'; %s %s takes no query parameters",
                          pairs[0].key, req->method, req->path);
    return 0;
}
