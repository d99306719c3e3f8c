/* auth.h: who is asking. A write (and the review queue) needs "Authorization: Bearer
 * <key>" with a key of the store (keys.h) whose role is high enough, or the bootstrap
 * token BORDERCOOP_API_TOKEN, which acts as an admin key named "bootstrap". Keys are
 * looked up on every request, so a revocation holds from the next request on, without a
 * restart. Failures are answered 401 (no, unknown or revoked key; WWW-Authenticate says
 * which) or 403 (a valid key without the role, naming the role), counted in /metrics by
 * reason and logged with the key's owner when known; never with the key or its hash. */
#ifndef BORDERCOOP_AUTH_H
#define BORDERCOOP_AUTH_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/keys.h"
#include "bordercoop/response.h"
#include "bordercoop/store.h"

/* The caller, once authenticated: whose key and what it may do. */
typedef struct bc_identity {
    long long key_id; /* 0 for the bootstrap token */
    char name[BC_KEY_NAME_MAX + 1];
    bc_role role;
} bc_identity;

typedef enum bc_auth_status {
    BC_AUTH_OK = 0,
    BC_AUTH_MISSING,      /* no Authorization header */
    BC_AUTH_OTHER_SCHEME, /* credentials of another scheme (Basic, ...) */
    BC_AUTH_MALFORMED,    /* "Bearer" with an empty token or one not of visible ASCII */
    BC_AUTH_INVALID,      /* not a key of this store, nor the bootstrap token */
    BC_AUTH_REVOKED,      /* a revoked key: the identity names its owner */
    BC_AUTH_FORBIDDEN,    /* a valid key without the role needed: the identity is filled */
    BC_AUTH_DISABLED,     /* no bootstrap token and no active key: the API is read-only */
    BC_AUTH_ERROR,        /* the keys could not be read: err says why */
    BC_AUTH_NSTATUS
} bc_auth_status;

/* Checks the Authorization header value `authorization` (NULL when absent; "Bearer",
 * any case, then spaces or tabs and the token, whitespace around it tolerated) against
 * the keys of s and the bootstrap token (NULL or "" when none is configured; a token
 * that is the value of a key acts as that key, revoked or not), and that the caller
 * has at least role `need`. Fills *who on BC_AUTH_OK and, as far as known, on
 * REVOKED and FORBIDDEN; zeroes it otherwise. Comparisons of secrets take constant
 * time. Never writes to s. */
bc_auth_status bc_auth_check(bc_store *s, const char *bootstrap, const char *authorization,
                             bc_role need, bc_identity *who, bc_err *err);

/* Answers a failed check in res: 401 with WWW-Authenticate (a plain challenge when no
 * bearer credentials came; error="invalid_token" for a malformed, unknown or revoked
 * key, with one detail for unknown and revoked), 403 "insufficient_role" naming the role needed and
 * the key's, 403 "writes_disabled", or 503 for BC_AUTH_ERROR. `doing` completes the
 * detail ("to add articles"). Puts the reason and the owner's name (when known) in the
 * log note, counts the failure (bc_auth_failures), and returns the status. */
int bc_auth_refuse(bc_response *res, bc_auth_status st, const bc_identity *who, bc_role need,
                   const char *doing, const bc_err *err);

/* A short stable name of a status ("missing", "invalid", "revoked", ...): the metrics
 * label. */
const char *bc_auth_status_name(bc_auth_status st);

/* Failed authentications so far with status st (process-wide). For tests: /metrics
 * renders them with bc_auth_metrics. */
unsigned long long bc_auth_failures(bc_auth_status st);

/* Appends bordercoop_auth_failures_total{reason="..."} for every reason, in the
 * Prometheus text format, to out. */
void bc_auth_metrics(bc_buf *out);

#endif
