/* router.h: the route table. Every path the daemon serves is one constant entry: its
 * pattern, a handler per allowed method with the execution class the HTTP layer runs it
 * in, the representations it offers, and the data handed to its handlers. Allow, 405,
 * 406 and the metrics route labels are all derived from the table. HEAD is answered by
 * the GET handler (the HTTP layer drops the body); OPTIONS (CORS preflight) by the
 * router itself. */
#ifndef BORDERCOOP_ROUTER_H
#define BORDERCOOP_ROUTER_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

#include <stddef.h>

/* A handler fills res (a representation or a problem) and returns its status. */
typedef int (*bc_handler)(bc_request *req, bc_response *res);

/* Where the HTTP layer runs a handler. */
typedef enum bc_exec {
    BC_EXEC_WORKER = 0, /* the default: may read the store, off the I/O thread */
    BC_EXEC_INLINE,     /* cheap and store-free (e.g. /healthz): on the I/O thread */
    BC_EXEC_WRITER,     /* writes the store: serialised with other writes */
    BC_EXEC_BULK,       /* reads the whole store (export, stats): one thread of its own
                         * with its own budget, so it neither takes the workers nor dies
                         * at the per-request budget; its answer is cached */
    BC_EXEC_SEARCH,     /* full-text search: a lane of workers of its own, so that a flood
                         * of costly searches cannot take the workers other reads need */
    BC_EXEC_COSTLY,     /* never in the table: a worker read whose method's `costly` test
                         * says its query is costly (a large page, a total, facets) runs on
                         * a lane of its own, so that a flood of them cannot take the
                         * workers cheap reads need */
    BC_EXEC_KEYED,      /* what a key asks that needs no writer: review reads, and the
                         * first step of a write in two steps (bc_method.then); a lane of
                         * its own with the write budget, so that it neither waits behind
                         * the writer nor takes the workers anonymous reads need */
    BC_EXEC_SUMMARY,    /* /v1/stats of the sets a person vouched for: reads the whole
                         * store like BC_EXEC_BULK, on one thread of its own with the bulk
                         * budget, so that the summary a dashboard polls never waits behind
                         * an export, or a summary of machine-read facts (whose cost grows
                         * with every ingest: the method's `costly` sends it to the bulk
                         * thread), being built (analyst 13, finding 20) */
} bc_exec;

/* Whether a read's raw query string (after '?', "" when none) asks for costly work. The
 * query has not been validated: a test that cannot parse it says no (the handler will
 * refuse it). arena holds scratch memory. */
typedef int (*bc_costly_fn)(const char *query, bc_arena *arena);

/* One allowed method of a route; fn NULL = the method is not allowed. */
typedef struct bc_method {
    bc_handler fn;
    bc_exec exec;
    /* the role (a bc_role of keys.h) a caller's key needs, 0 for none: a write's key is
     * checked against it before its body is read, and such answers are never cached;
     * the handler authenticates the caller again for who they are */
    int role;
    /* NULL for none: requests it finds costly run as BC_EXEC_COSTLY (a BC_EXEC_WORKER
     * method) or BC_EXEC_BULK (a BC_EXEC_SUMMARY one) */
    bc_costly_fn costly;
    /* a write in two steps: fn runs first on exec's lane (BC_EXEC_KEYED) with a
     * query-only connection and either answers or returns 0 after leaving in req->stage
     * what it prepared; then `then` runs on the writer with it. NULL: one step */
    bc_handler then;
} bc_method;

/* 1 when m writes the store (on the writer, in one step or two): its key is checked
 * before its body is read, and one key may have only so many of them in progress. */
int bc_method_writes(const bc_method *m);

/* Route flags. */
enum {
    BC_ROUTE_UNDOCUMENTED = 1, /* not part of the API contract (openapi.yaml): the
                                * dashboard's files */
};

/* One entry of the table. The pattern is a path whose segments are literal or "{name}",
 * which matches one non-empty segment; the first such segment becomes req->route_id. */
typedef struct bc_route {
    const char *pattern; /* "/v1/meetings/{id}" */
    bc_method get;       /* GET and HEAD */
    bc_method post, put, patch, del;
    unsigned formats; /* BC_FMT_* (negotiate.h) the GET representation can take */
    const void *data; /* handed to the handlers as req->route_data (e.g. a bc_resource) */
    unsigned flags;   /* BC_ROUTE_* */
} bc_route;

/* The table, in matching order (the first matching pattern wins), and its size. */
extern const bc_route bc_routes[];
extern const size_t bc_routes_count;

/* The index in bc_routes of the route serving path (decoded, no query), or -1 when
 * none: the one place paths are matched. The index doubles as the metrics label. */
int bc_router_route_of(const char *path);

/* The entry at index i, or NULL when i is out of range. */
const bc_route *bc_router_route(int i);

/* The method entry of route r for method ("HEAD" is GET's); NULL when r does not allow
 * it (OPTIONS, answered by the router, included). */
const bc_method *bc_router_method(const bc_route *r, const char *method);

/* Routes req to route (the bc_router_route_of index of req->path, -1 for none): sets
 * req->route_data, req->route_id and req->format (the representation chosen among the
 * route's formats) and calls the method's handler. Answers 404 for unknown paths (and a
 * route whose pattern does not match the path), 405 (with Allow) for methods the route does not
 * allow, 204 (with Allow) for OPTIONS, and 406 when Accept admits none of the route's formats.
 * Returns the response status. */
int bc_router_dispatch(int route, bc_request *req, bc_response *res);

/* The second step of a write in two steps (bc_method.then) of req's route and method, on
 * the writer, with what the first left in req->stage (route_id and route_data as the
 * first step's dispatch set them). Returns the response status. */
int bc_router_then(int route, bc_request *req, bc_response *res);

/* Writes the pattern of route i into buf (its metrics label); 0 when there is none. */
int bc_router_route_name(int i, char *buf, size_t n);

/* Calls fn for every documented route pattern ("/v1/meetings/{id}"), for the contract
 * test against openapi.yaml. */
void bc_router_each(void (*fn)(const char *pattern, void *ctx), void *ctx);

/* Writes the Allow header value of route r ("GET, HEAD, POST, OPTIONS") into buf. */
void bc_router_allow(const bc_route *r, char *buf, size_t n);

#endif
