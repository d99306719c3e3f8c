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

#include <jansson.h>
#include <time.h>

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
    const char *if_match;      /* the If-Match header, or NULL */
    const bc_config *cfg;
    bc_arena *arena;
    /* when the request's budget runs out (CLOCK_MONOTONIC), NULL for none (borrowed) */
    const struct timespec *deadline;
    /* a write in two steps (router.h, bc_method.then): what the first step prepared for
     * the second, owned by the request; stage_free(stage) releases it when the request is
     * done with it, run or not (set both or neither) */
    void *stage;
    void (*stage_free)(void *stage);
} bc_request;

/* Parses req->query into *pairs / *n (in the request arena): 0, or the problem's status
 * (400 malformed_query naming what is wrong, 500 when out of memory) with *n = 0. */
int bc_request_query(bc_request *req, bc_response *res, bc_qpair **pairs, size_t *n);

/* For handlers that take no query parameters: 0 when req->query has none, else a 400
 * problem (malformed_query, or unknown_parameter naming the first one) and its status;
 * 500 when the query cannot be parsed for lack of memory. */
int bc_reject_params(bc_request *req, bc_response *res);

/* What a handler's JSON body may hold, for bc_request_json_object. */
typedef struct bc_json_body {
    const char *const *fields; /* the members allowed, NULL-terminated */
    const char *fields_note;   /* said after the list of allowed members, or NULL */
} bc_json_body;

/* 1 when req's Content-Type is application/json (or, with merge_patch, also
 * application/merge-patch+json, RFC 7396), with or without parameters; a charset
 * parameter must say UTF-8 (the body is read as UTF-8: "charset=iso-8859-1" is 0). Media
 * type names ignore case; whitespace may precede the parameters (RFC 9110 5.6.6). */
int bc_request_is_json(const bc_request *req, int merge_patch);

/* Parses req's body into *body, a JSON object holding only spec->fields (duplicate
 * members refused). 0, or the problem's status (400 malformed_json, 400 invalid_field
 * naming the first unknown member, 500 out of memory). The caller json_decref()s *body,
 * on failure too (it may be NULL). */
int bc_request_json_object(bc_request *req, bc_response *res, const bc_json_body *spec,
                           json_t **body);

/* obj[key] as an optional string: *out borrows it from obj, NULL when absent or null.
 * 0, or 400 invalid_field when it is not a string (or holds a NUL). */
int bc_request_opt_string(json_t *obj, const char *key, const char **out, bc_response *res);

/* The live store's writer for a write request, held until bc_live_writer_release.
 * 0 with *w, or 503 store_unavailable (no writable store, or another writer holds it
 * past the wait) with *w = NULL. */
int bc_request_writer(bc_request *req, bc_response *res, bc_store **w);

/* Records the use of the key key_id (bc_keys_touch: at most once a minute) by a request
 * that does not hold the writer: only when the writer is free at once, so a read never
 * waits behind a write (its key's next use is recorded instead). key_id <= 0 (the
 * bootstrap token) and a request without a live store record nothing. */
void bc_request_touch_key(bc_request *req, long long key_id);

#endif
