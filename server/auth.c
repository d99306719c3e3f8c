/* auth.c: bearer keys and the bootstrap token to an identity with a role, and the
 * 401/403 answers when that fails (see auth.h). */
#include "bordercoop/auth.h"

#include "bordercoop/sha256.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static atomic_ullong failures[BC_AUTH_NSTATUS];

static const char *const NAMES[BC_AUTH_NSTATUS] = {
    "ok",      "missing",   "other_scheme", "malformed", "invalid",
    "revoked", "forbidden", "disabled",     "error",
};

const char *bc_auth_status_name(bc_auth_status st)
{
    return (unsigned)st < BC_AUTH_NSTATUS ? NAMES[st] : "error";
}

unsigned long long bc_auth_failures(bc_auth_status st)
{
    return (unsigned)st < BC_AUTH_NSTATUS ? atomic_load(&failures[st]) : 0;
}

void bc_auth_metrics(bc_buf *out)
{
    bc_buf_puts(out,
                "# HELP bordercoop_auth_failures_total Requests refused for their credentials, "
                "by reason (never the key).\n# TYPE bordercoop_auth_failures_total counter\n");
    for (int st = BC_AUTH_MISSING; st < BC_AUTH_NSTATUS; st++)
        bc_buf_printf(out, "bordercoop_auth_failures_total{reason=\"%s\"} %llu\n", NAMES[st],
                      atomic_load(&failures[st]));
}

/* The longest token looked at: keys are 47 bytes, bootstrap tokens at most 255. */
#define TOKEN_MAX 512

/* 1 when the n bytes at a and b hash alike; time independent of their contents and of
 * where they differ (both sides are hashed first). */
static int same_secret(const char *a, size_t na, const char *b, size_t nb)
{
    unsigned char da[32], db[32];
    bc_sha256 h;
    bc_sha256_init(&h);
    bc_sha256_update(&h, a, na);
    bc_sha256_final(&h, da);
    bc_sha256_init(&h);
    bc_sha256_update(&h, b, nb);
    bc_sha256_final(&h, db);
    unsigned char diff = 0;
    for (int i = 0; i < 32; i++)
        diff |= (unsigned char)(da[i] ^ db[i]);
    return diff == 0;
}

/* BC_AUTH_DISABLED when no bootstrap token is configured and no key is active, else
 * `otherwise` (BC_AUTH_ERROR when the keys cannot be counted). */
static bc_auth_status unless_disabled(bc_store *s, int have_bootstrap, bc_auth_status otherwise,
                                      bc_err *err)
{
    if (have_bootstrap)
        return otherwise;
    int active = 0;
    if (bc_keys_active(s, &active, err) != BC_OK)
        return BC_AUTH_ERROR;
    return active == 0 ? BC_AUTH_DISABLED : otherwise;
}

bc_auth_status bc_auth_check(bc_store *s, const char *bootstrap, const char *authorization,
                             bc_role need, bc_identity *who, bc_err *err)
{
    memset(who, 0, sizeof *who);
    int have_bootstrap = bootstrap != NULL && bootstrap[0] != '\0';
    if (authorization == NULL)
        return unless_disabled(s, have_bootstrap, BC_AUTH_MISSING, err);
    /* the scheme name is case-insensitive (RFC 9110 11.1), then 1*SP and the token;
     * whitespace around the token is tolerated (OWS a proxy may add or keep) */
    const char *p = authorization + strspn(authorization, " \t");
    if (strncasecmp(p, "Bearer", 6) != 0 || (p[6] != ' ' && p[6] != '\t' && p[6] != '\0'))
        return unless_disabled(s, have_bootstrap, BC_AUTH_OTHER_SCHEME, err);
    const char *token = p + 6 + strspn(p + 6, " \t");
    size_t n = 0;
    for (; token[n] != '\0' && n <= TOKEN_MAX; n++)
        if ((unsigned char)token[n] <= 0x20 || (unsigned char)token[n] >= 0x7f)
            break;
    if (token[n + strspn(token + n, " \t")] != '\0' || n == 0 || n > TOKEN_MAX)
        return unless_disabled(s, have_bootstrap, BC_AUTH_MALFORMED, err);
    /* a bootstrap token that is (or was) a key's value acts as that key, so a revoked
     * key is never revived as the bootstrap admin; the bootstrap token alone needs no
     * key table (a store whose keys cannot be read still has its admin) */
    bc_key_info k;
    int found = 0;
    int is_bootstrap = have_bootstrap && same_secret(token, n, bootstrap, strlen(bootstrap));
    bc_err lookup;
    if (bc_keys_find(s, token, n, &k, &found, &lookup) != BC_OK) {
        if (!is_bootstrap) {
            if (err != NULL)
                *err = lookup;
            return BC_AUTH_ERROR;
        }
        found = 0;
    }
    if (!found && is_bootstrap) {
        snprintf(who->name, sizeof who->name, "%s", BC_KEY_BOOTSTRAP_NAME);
        who->role = BC_ROLE_ADMIN;
    } else {
        if (!found)
            return unless_disabled(s, have_bootstrap, BC_AUTH_INVALID, err);
        /* a key of this store, even revoked, is told apart from a stranger's token */
        who->key_id = k.id;
        snprintf(who->name, sizeof who->name, "%s", k.name);
        who->role = k.role;
        if (k.revoked)
            return BC_AUTH_REVOKED;
    }
    return who->role >= need ? BC_AUTH_OK : BC_AUTH_FORBIDDEN;
}

int bc_auth_refuse(bc_response *res, bc_auth_status st, const bc_identity *who, bc_role need,
                   const char *doing, const bc_err *err)
{
    if ((unsigned)st < BC_AUTH_NSTATUS && st != BC_AUTH_OK)
        atomic_fetch_add_explicit(&failures[st], 1, memory_order_relaxed);
    const char *name = who != NULL && who->name[0] ? who->name : NULL;
    if (name != NULL)
        snprintf(res->log_note, sizeof res->log_note, "auth %s: key of '%s'",
                 bc_auth_status_name(st), name);
    else
        snprintf(res->log_note, sizeof res->log_note, "auth %s", bc_auth_status_name(st));
    doing = doing ? doing : "for this request";
    int status;
    switch (st) {
    case BC_AUTH_OK:
        return 0;
    case BC_AUTH_DISABLED:
        return bc_problem(res, 403, "writes_disabled", NULL,
                          "this server is read-only: no API key exists and "
                          "BORDERCOOP_API_TOKEN is not set (bordercoop keys add NAME --role R "
                          "makes one)");
    case BC_AUTH_MISSING:
    case BC_AUTH_OTHER_SCHEME:
        /* no bearer credentials at all: the challenge carries no error code (RFC 6750
         * 3.1) */
        status = bc_problem(res, 401, "unauthorized", NULL,
                            "send 'Authorization: Bearer <key>' %s (a key with role '%s' or "
                            "higher)",
                            doing, bc_role_name(need));
        bc_response_header(res, "WWW-Authenticate", "Bearer realm=\"bordercoop\"");
        return status;
    case BC_AUTH_MALFORMED:
    case BC_AUTH_INVALID:
    case BC_AUTH_REVOKED:
        /* unknown and revoked keys get the same answer: which keys existed is not the
         * client's to learn (the log and /metrics keep the difference) */
        status = bc_problem(res, 401, "unauthorized", NULL, "%s",
                            st == BC_AUTH_MALFORMED ? "the Authorization header is not "
                                                      "'Bearer <key>'"
                                                    : "the bearer token is not valid");
        bc_response_header(res, "WWW-Authenticate",
                           "Bearer realm=\"bordercoop\", error=\"invalid_token\"");
        return status;
    case BC_AUTH_FORBIDDEN: {
        /* one more member: the role that is missing, for programs */
        char required[64];
        snprintf(required, sizeof required, "\"required_role\":\"%s\"", bc_role_name(need));
        status = bc_problem_ext(res, 403, "insufficient_role", NULL, required,
                                "this needs role '%s' %s; the key of '%s' has role '%s'",
                                bc_role_name(need), doing, name ? name : "?",
                                bc_role_name(who ? who->role : BC_ROLE_NONE));
        bc_response_header(res, "WWW-Authenticate",
                           "Bearer realm=\"bordercoop\", error=\"insufficient_scope\", "
                           "scope=\"%s\"",
                           bc_role_name(need));
        return status;
    }
    default:
        snprintf(res->log_note, sizeof res->log_note, "auth error: %.200s",
                 err != NULL ? err->msg : "?");
        return bc_problem(res, 503, "store_unavailable", NULL,
                          "the API keys cannot be read just now; try again");
    }
}
