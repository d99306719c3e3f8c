/* response.h: what a handler produces, independent of libmicrohttpd: a status, a
 * content type, a body and a few headers; plus RFC 9457 problem details. */
#ifndef BORDERCOOP_RESPONSE_H
#define BORDERCOOP_RESPONSE_H

#include "bordercoop/buf.h"

#define BC_RESPONSE_MAX_HEADERS 12

typedef struct bc_header {
    char name[40];
    char *value; /* owned by the response (or cache entry) that holds the header */
} bc_header;

typedef struct bc_response {
    int status;
    const char *content_type; /* static string */
    bc_buf body;              /* owned */
    bc_header headers[BC_RESPONSE_MAX_HEADERS];
    int nheaders;
    char log_note[256];     /* why a 5xx happened, for the access log only (never sent) */
    int cacheable;          /* a 200 that depends only on the store and the request: cache it */
    int generation_changed; /* the handler wrote to the store */
} bc_response;

void bc_response_init(bc_response *res);
/* Releases the body and the header values and forgets the headers; NULL-safe, and safe
 * to call again. */
void bc_response_free(bc_response *res);
/* Adds a header: a name (at most 39 bytes) and a printf-formatted value of any length,
 * never cut. Returns 0, BC_ETOOBIG when the response already has
 * BC_RESPONSE_MAX_HEADERS headers or the name is too long, or BC_ENOMEM; on failure the
 * header is not added. */
int bc_response_header(bc_response *res, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The value of a header set on res, or NULL. */
const char *bc_response_header_get(const bc_response *res, const char *name);

/* Replaces the response with application/problem+json: type about:blank, the status's
 * title, a detail (printf-formatted), an error `code` and the offending `parameter`
 * (NULL to omit). Returns status. */
int bc_problem(bc_response *res, int status, const char *code, const char *parameter,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* bc_problem with more members after the standard ones: members is NULL, or JSON text
 * the server wrote (never client input unescaped), without the enclosing braces
 * ("\"required_role\":\"review\""), borrowed and copied in as it is. Returns status. */
int bc_problem_ext(bc_response *res, int status, const char *code, const char *parameter,
                   const char *members, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* A 500 whose cause stays private: copies cause (NULL for none) into res->log_note for
 * the access log and replaces the response with a problem of code "internal_error" whose
 * detail (printf-formatted) says what could not be done, never why. Returns 500. The one
 * place the code of a server-side failure is spelled. */
int bc_problem_internal(bc_response *res, const char *cause, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The standard reason phrase of an HTTP status ("Not Found"). */
const char *bc_status_title(int status);

#endif
