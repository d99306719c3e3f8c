/* router.h: maps a method and a decoded path to a handler. Routes are the /v1
 * collections (list and {id}) plus a few fixed paths; every route answers GET and
 * HEAD, and OPTIONS for CORS preflight. */
#ifndef BORDERCOOP_ROUTER_H
#define BORDERCOOP_ROUTER_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

typedef int (*bc_handler)(bc_request *req, bc_response *res);

/* Routes req (method, path), sets req->route_id / route_data and calls the handler;
 * answers 404 for unknown paths and 405 (with Allow) for other methods. Returns the
 * response status. */
int bc_router_dispatch(bc_request *req, bc_response *res);

/* The index of the route pattern serving path, or -1 when none: the one place paths are
 * matched (dispatch and the metrics labels both use it). */
int bc_router_route_of(const char *path);
/* Writes the pattern of route index i into buf; 0 when there is no such route. */
int bc_router_route_name(int i, char *buf, size_t n);

/* Calls fn for every route pattern served ("/v1/meetings/{id}"), for the contract test
 * against openapi.yaml. */
void bc_router_each(void (*fn)(const char *pattern, void *ctx), void *ctx);

/* For routes that take no query parameters: 0 when req->query has none, else a 400
 * problem (malformed_query, or unknown_parameter naming the first one) and its status;
 * 500 when the query cannot be parsed for lack of memory. */
int bc_reject_params(bc_request *req, bc_response *res);

/* Fixed handlers (health.c). */
int bc_handle_healthz(bc_request *req, bc_response *res);
int bc_handle_readyz(bc_request *req, bc_response *res);
int bc_handle_openapi(bc_request *req, bc_response *res);
int bc_handle_index(bc_request *req, bc_response *res);
/* GET /: the dashboard for browsers (Accept: text/html), the JSON index otherwise. */
int bc_handle_root(bc_request *req, bc_response *res);
/* GET /assets/...: the dashboard's scripts, styles and images. */
int bc_handle_asset(bc_request *req, bc_response *res);
/* POST /v1/sources: ingest an article (sources.c). */
int bc_handle_ingest(bc_request *req, bc_response *res);
/* GET /metrics: Prometheus text format (health.c). */
int bc_handle_metrics(bc_request *req, bc_response *res);
/* GET /v1/stats: the dashboard summary (health.c). */
int bc_handle_stats(bc_request *req, bc_response *res);
/* GET /v1/search (search.c). */
int bc_handle_search(bc_request *req, bc_response *res);

#endif
