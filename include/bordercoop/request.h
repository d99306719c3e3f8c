/* request.h: what a handler sees of one HTTP request, and the parsing every handler
 * starts with. Everything is borrowed for the duration of the handler call; strings
 * live in the request's arena. */
#ifndef BORDERCOOP_REQUEST_H
#define BORDERCOOP_REQUEST_H

#include "bordercoop/arena.h"
#include "bordercoop/config.h"
#include "bordercoop/live.h"
#include "bordercoop/query.h"
#include "bordercoop/response.h"
#include "bordercoop/store.h"

typedef struct bc_request {
    const char *method;     /* "GET", "HEAD", ... */
    const char *path;       /* percent-decoded, valid UTF-8, no query */
    const char *query;      /* raw query string after '?', "" when none */
    const char *route_id;   /* the {id} segment of the matched route, or NULL */
    const void *route_data; /* the matched route's data (e.g. a bc_resource) */
    unsigned formats;       /* BC_FMT_* the Accept header allows (see negotiate.h) */
    int format;             /* the preferred one of them, 0 when none */
    int wants_html;         /* Accept asks for text/html (a browser): / is the dashboard */
    bc_store *store;        /* a query-only connection for this request */
    bc_live *live;          /* the running store (its writer for ingest), may be NULL */
    const char *body;       /* request body (NULL when none), body_len bytes */
    size_t body_len;
    const char *authorization; /* the Authorization header, or NULL */
    const char *content_type;  /* the Content-Type header, or NULL */
    const bc_config *cfg;
    bc_arena *arena;
} bc_request;

/* Parses req->query into *pairs / *n (in the request arena): 0, or the problem's status
 * (400 malformed_query naming what is wrong, 500 when out of memory) with *n = 0. */
int bc_request_query(bc_request *req, bc_response *res, bc_qpair **pairs, size_t *n);

/* For handlers that take no query parameters: 0 when req->query has none, else a 400
 * problem (malformed_query, or unknown_parameter naming the first one) and its status;
 * 500 when the query cannot be parsed for lack of memory. */
int bc_reject_params(bc_request *req, bc_response *res);

#endif
