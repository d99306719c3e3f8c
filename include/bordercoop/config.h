/* config.h: the daemon's settings from flags, then environment variables, then
 * defaults. Every flag has an environment variable (BORDERCOOP_<FLAG>). */
#ifndef BORDERCOOP_CONFIG_H
#define BORDERCOOP_CONFIG_H

#include "bordercoop/err.h"

/* The bootstrap token's strength: base64 of 16 random bytes is 22 characters. */
#define BC_TOKEN_MIN          22
#define BC_TOKEN_MIN_DISTINCT 10

#include <sys/socket.h>

enum { BC_LOG_PLAIN = 0, BC_LOG_JSON = 1, BC_LOG_OFF = 2 };

typedef struct bc_config {
    char db[1024];
    char listen[300];             /* as given, e.g. "127.0.0.1:8080" */
    struct sockaddr_storage addr; /* parsed from listen */
    socklen_t addrlen;
    int threads;            /* I/O threads (libmicrohttpd's event loops) */
    int workers;            /* threads that run requests needing the store */
    char ready_file[1024];  /* written with the bound port once listening */
    int connection_timeout; /* seconds of inactivity before a connection is closed */
    int header_timeout;     /* seconds a request's whole head may take to arrive */
    int body_timeout;       /* seconds a body may take before min_body_rate applies */
    int min_body_rate;      /* bytes/s a body must average after body_timeout */
    int max_connections;
    int max_connections_per_ip; /* 0: no per-address cap */
    int request_budget_ms;      /* deadline of a request on the workers (queue + SQL) */
    int write_budget_ms;        /* deadline of a write (queue + lock wait + SQL) */
    int bulk_budget_ms;         /* deadline of whole-store work on the bulk thread */
    int costly_budget_ms;       /* deadline of a costly list read (facets, totals, large
                                 * pages) on the costly lane */
    int shutdown_grace;         /* seconds SIGTERM waits for requests being answered */
    int max_body;               /* bytes */
    int max_article_bytes;      /* bytes of an ingested article's text; more gets 413 */
    int max_article_facts;      /* facts one new article may give; more gets 422 */
    int max_body_memory;        /* bytes of request bodies held across all connections */
    int max_header_bytes;       /* request line + headers; more gets 431 (or 414) */
    int max_uri;                /* bytes of request target; more gets 414 */
    int max_age;                /* Cache-Control max-age of data responses, seconds */
    int cache_bytes;            /* response cache budget; 0 disables it */
    int mmap_mib;               /* MiB of the store readers memory-map; 0: plain reads */
    char cors_origin[256];
    int log_format;      /* BC_LOG_* */
    char log_file[1024]; /* access log file ("" = stderr); reopened on SIGHUP */
    char api_token[256]; /* BORDERCOOP_API_TOKEN; empty: writes are disabled. 22 to 255
                          * b64token characters (128 bits as base64), with at least 10
                          * different ones before any '=' padding */
    int show_help;
    int show_version;
} bc_config;

/* Looks up an environment variable; tests pass their own. */
typedef const char *(*bc_getenv_fn)(const char *name);

/* Fills cfg from defaults, then env (via getenv_fn, may be NULL for none), then argv
 * (argv[0] is skipped). "--flag value" and "--flag=value" are accepted. Returns 0 or
 * BC_EINVAL naming the offending flag or variable. --help and --version only set
 * show_help / show_version. BORDERCOOP_API_TOKEN must be a bearer token (RFC 6750
 * b64token: letters, digits and -._~+/ then optional '=' padding) of 16 to 255
 * characters: anything else (a token of spaces, say) is refused. */
int bc_config_parse(bc_config *cfg, int argc, char **argv, bc_getenv_fn getenv_fn, bc_err *err);

/* Parses "HOST:PORT" or "[IPV6]:PORT" (HOST a numeric address or "localhost") into
 * addr/addrlen. Port 0 asks the kernel for a free port. */
int bc_config_parse_listen(const char *s, struct sockaddr_storage *addr, socklen_t *addrlen,
                           bc_err *err);

/* The --help text (static). */
const char *bc_config_usage(void);

#endif
