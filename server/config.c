/* config.c: flags and environment variables of bordercoopd, table-driven so that every
 * flag has its variable and its line in --help. */
#include "bordercoop/config.h"

#include "bordercoop/ingest.h"

#include <arpa/inet.h>
#include <limits.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum opt_kind { OPT_STR, OPT_INT, OPT_LISTEN, OPT_LOGFMT, OPT_FLAG } opt_kind;

typedef struct opt {
    const char *flag;
    const char *env;
    opt_kind kind;
    size_t offset;
    size_t size; /* for strings */
    int min, max;
    const char *help;
} opt;

#define STR(f) offsetof(bc_config, f), sizeof(((bc_config *)0)->f)
#define NUM(f) offsetof(bc_config, f), 0

static const opt OPTS[] = {
    {"--db", "BORDERCOOP_DB", OPT_STR, STR(db), 0, 0, "store file (default var/bordercoop.db)"},
    {"--listen", "BORDERCOOP_LISTEN", OPT_LISTEN, STR(listen), 0, 0,
     "HOST:PORT or [IPV6]:PORT to listen on (default 127.0.0.1:8080)"},
    {"--threads", "BORDERCOOP_THREADS", OPT_INT, NUM(threads), 1, 64,
     "I/O threads: event loops that read requests and send cached answers (default 1)"},
    {"--workers", "BORDERCOOP_WORKERS", OPT_INT, NUM(workers), 1, 256,
     "threads that answer requests needing the store, each taking a connection per job "
     "(default 2)"},
    {"--request-budget-ms", "BORDERCOOP_REQUEST_BUDGET_MS", OPT_INT, NUM(request_budget_ms), 1,
     600000, "deadline of a request on the workers, queueing included; over it: 503 (default 250)"},
    {"--bulk-budget-ms", "BORDERCOOP_BULK_BUDGET_MS", OPT_INT, NUM(bulk_budget_ms), 1, 600000,
     "deadline of whole-store work (the export, its index, /v1/stats) on threads of their own, "
     "queueing included; over it: 503 (default 10000)"},
    {"--costly-budget-ms", "BORDERCOOP_COSTLY_BUDGET_MS", OPT_INT, NUM(costly_budget_ms), 1, 600000,
     "deadline of a costly list read (facets, a total, a large page) on its own lanes, "
     "queueing included; over it: 503 (default 1000)"},
    {"--write-budget-ms", "BORDERCOOP_WRITE_BUDGET_MS", OPT_INT, NUM(write_budget_ms), 1, 600000,
     "deadline of a write, waiting for the store lock included; over it: 503 (default 10000)"},
    {"--max-connections", "BORDERCOOP_MAX_CONNECTIONS", OPT_INT, NUM(max_connections), 1, 100000,
     "open connections in total; near it the oldest unfinished ones are shed (default 1000)"},
    {"--max-connections-per-ip", "BORDERCOOP_MAX_CONNECTIONS_PER_IP", OPT_INT,
     NUM(max_connections_per_ip), 0, 100000,
     "open connections per client address, 0 for no cap (default 0; see the README)"},
    {"--connection-timeout", "BORDERCOOP_CONNECTION_TIMEOUT", OPT_INT, NUM(connection_timeout), 1,
     3600, "seconds an idle keep-alive connection may stay open (default 15)"},
    {"--header-timeout", "BORDERCOOP_HEADER_TIMEOUT", OPT_INT, NUM(header_timeout), 1, 3600,
     "seconds a request line and headers may take to arrive, however they trickle "
     "(default 10)"},
    {"--body-timeout", "BORDERCOOP_BODY_TIMEOUT", OPT_INT, NUM(body_timeout), 1, 3600,
     "seconds a request body may take before --min-body-rate applies (default 10)"},
    {"--min-body-rate", "BORDERCOOP_MIN_BODY_RATE", OPT_INT, NUM(min_body_rate), 1, 1 << 30,
     "bytes per second a body must average beyond --body-timeout (default 4096)"},
    {"--shutdown-grace", "BORDERCOOP_SHUTDOWN_GRACE", OPT_INT, NUM(shutdown_grace), 0, 3600,
     "seconds SIGTERM waits for requests being answered (default 10)"},
    {"--max-body", "BORDERCOOP_MAX_BODY", OPT_INT, NUM(max_body), 0, 64 << 20,
     "largest request body in bytes (default 1048576)"},
    {"--max-body-memory", "BORDERCOOP_MAX_BODY_MEMORY", OPT_INT, NUM(max_body_memory), 0, 1 << 30,
     "bytes of request bodies held at once, all connections together; beyond: 503 "
     "(default 16777216)"},
    {"--max-article-bytes", "BORDERCOOP_MAX_ARTICLE_BYTES", OPT_INT, NUM(max_article_bytes), 1024,
     64 << 20, "largest article text POST /v1/sources accepts, in bytes (default 524288)"},
    {"--max-article-facts", "BORDERCOOP_MAX_ARTICLE_FACTS", OPT_INT, NUM(max_article_facts), 1,
     100000, "most facts one new article may give; more gets 422 (default 100)"},
    {"--max-header-bytes", "BORDERCOOP_MAX_HEADER_BYTES", OPT_INT, NUM(max_header_bytes), 4096,
     1 << 20, "memory for a request's line and headers; larger get 431 (default 8192)"},
    {"--max-uri", "BORDERCOOP_MAX_URI", OPT_INT, NUM(max_uri), 256, 65536,
     "longest request target in bytes; longer get 414 (default 4096)"},
    {"--max-age", "BORDERCOOP_MAX_AGE", OPT_INT, NUM(max_age), 0, 31536000,
     "Cache-Control max-age of data responses in seconds (default 60)"},
    {"--cache-bytes", "BORDERCOOP_CACHE_BYTES", OPT_INT, NUM(cache_bytes), 0, 1 << 30,
     "response cache budget in bytes, 0 to disable (default 8388608)"},
    {"--mmap-mib", "BORDERCOOP_MMAP_MIB", OPT_INT, NUM(mmap_mib), 0, 65536,
     "MiB of the store file readers memory-map (default 0: pread into a bounded page cache)"},
    {"--cors-origin", "BORDERCOOP_CORS_ORIGIN", OPT_STR, STR(cors_origin), 0, 0,
     "Access-Control-Allow-Origin value (default *)"},
    {"--log-format", "BORDERCOOP_LOG_FORMAT", OPT_LOGFMT, NUM(log_format), 0, 0,
     "access log format: plain, json or off (default plain)"},
    {"--log-file", "BORDERCOOP_LOG_FILE", OPT_STR, STR(log_file), 0, 0,
     "append the access log to this file, reopened on SIGHUP (default: stderr)"},
    {"--ready-file", "BORDERCOOP_READY_FILE", OPT_STR, STR(ready_file), 0, 0,
     "write the bound port to this file once listening (for tests and supervisors)"},
    {"--help", NULL, OPT_FLAG, NUM(show_help), 0, 0, "print this help"},
    {"--version", NULL, OPT_FLAG, NUM(show_version), 0, 0, "print the version"},
};
#define NOPTS (sizeof OPTS / sizeof OPTS[0])

int bc_config_parse_listen(const char *s, struct sockaddr_storage *addr, socklen_t *addrlen,
                           bc_err *err)
{
    char host[256];
    const char *port_s;
    if (s[0] == '[') {
        const char *close = strchr(s, ']');
        if (close == NULL || close[1] != ':' || (size_t)(close - s - 1) >= sizeof host)
            return bc_err_set(err, BC_EINVAL, "'%s' is not [IPV6]:PORT", s);
        memcpy(host, s + 1, (size_t)(close - s - 1));
        host[close - s - 1] = '\0';
        port_s = close + 2;
    } else {
        const char *colon = strrchr(s, ':');
        if (colon == NULL || (size_t)(colon - s) >= sizeof host)
            return bc_err_set(err, BC_EINVAL, "'%s' is not HOST:PORT", s);
        memcpy(host, s, (size_t)(colon - s));
        host[colon - s] = '\0';
        port_s = colon + 1;
    }
    if (s[0] == '[' ? strchr(host, '.') != NULL && strchr(host, ':') == NULL
                    : strchr(host, ':') != NULL)
        return bc_err_set(err, BC_EINVAL,
                          "'%s': write IPv6 addresses in brackets ([::1]:8080) and IPv4 without",
                          s);
    char *end;
    long port = strtol(port_s, &end, 10);
    if (*port_s < '0' || *port_s > '9' || *end != '\0' || port < 0 || port > 65535)
        return bc_err_set(err, BC_EINVAL, "port '%s' is not a number in 0..65535", port_s);
    if (strcmp(host, "localhost") == 0)
        snprintf(host, sizeof host, "127.0.0.1");
    memset(addr, 0, sizeof *addr);
    struct sockaddr_in *v4 = (struct sockaddr_in *)addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)addr;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((unsigned short)port);
        *addrlen = sizeof *v4;
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((unsigned short)port);
        *addrlen = sizeof *v6;
    } else {
        return bc_err_set(err, BC_EINVAL, "'%s' is not a numeric IPv4 or IPv6 address", host);
    }
    return BC_OK;
}

/* RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
static int bearer_token_ok(const char *t)
{
    size_t i = 0;
    while ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
           (t[i] >= '0' && t[i] <= '9') || (t[i] != '\0' && strchr("-._~+/", t[i]) != NULL))
        i++;
    if (i == 0)
        return 0;
    while (t[i] == '=')
        i++;
    return t[i] == '\0';
}

/* The number of different characters of t before its '=' padding: a rough guard
 * against tokens a person typed ("aaaaaaaaaaaaaaaaaaaaaa==", "abcabcabc..."). */
static int distinct_chars(const char *t)
{
    unsigned char seen[256] = {0};
    int n = 0;
    for (; *t != '\0' && *t != '='; t++)
        if (!seen[(unsigned char)*t]++)
            n++;
    return n;
}

static int set_opt(bc_config *cfg, const opt *o, const char *value, const char *origin, bc_err *err)
{
    char *field = (char *)cfg + o->offset;
    switch (o->kind) {
    case OPT_STR:
        if (strlen(value) >= o->size)
            return bc_err_set(err, BC_EINVAL, "%s: value too long", origin);
        memcpy(field, value, strlen(value) + 1);
        return BC_OK;
    case OPT_LISTEN: {
        bc_err inner;
        if (strlen(value) >= o->size)
            return bc_err_set(err, BC_EINVAL, "%s: value too long", origin);
        if (bc_config_parse_listen(value, &cfg->addr, &cfg->addrlen, &inner) != BC_OK)
            return bc_err_set(err, BC_EINVAL, "%s: %s", origin, inner.msg);
        memcpy(field, value, strlen(value) + 1);
        return BC_OK;
    }
    case OPT_INT: {
        char *end;
        long v = strtol(value, &end, 10);
        if (!((*value >= '0' && *value <= '9') || *value == '-') || *end != '\0' || v < o->min ||
            v > o->max)
            return bc_err_set(err, BC_EINVAL, "%s: '%s' is not a whole number in %d..%d", origin,
                              value, o->min, o->max);
        *(int *)field = (int)v;
        return BC_OK;
    }
    case OPT_LOGFMT:
        if (strcmp(value, "plain") == 0)
            *(int *)field = BC_LOG_PLAIN;
        else if (strcmp(value, "json") == 0)
            *(int *)field = BC_LOG_JSON;
        else if (strcmp(value, "off") == 0)
            *(int *)field = BC_LOG_OFF;
        else
            return bc_err_set(err, BC_EINVAL, "%s: '%s' is not one of plain, json, off", origin,
                              value);
        return BC_OK;
    case OPT_FLAG:
        *(int *)field = 1;
        return BC_OK;
    }
    return BC_OK;
}

int bc_config_parse(bc_config *cfg, int argc, char **argv, bc_getenv_fn getenv_fn, bc_err *err)
{
    memset(cfg, 0, sizeof *cfg);
    bc_err ignored;
    snprintf(cfg->db, sizeof cfg->db, "var/bordercoop.db");
    snprintf(cfg->listen, sizeof cfg->listen, "127.0.0.1:8080");
    bc_config_parse_listen(cfg->listen, &cfg->addr, &cfg->addrlen, &ignored);
    cfg->threads = 1;
    cfg->workers = 2;
    cfg->request_budget_ms = 250;
    cfg->write_budget_ms = 10000;
    cfg->bulk_budget_ms = 10000;
    cfg->costly_budget_ms = 1000;
    cfg->max_connections = 1000;
    cfg->max_connections_per_ip = 0;
    cfg->connection_timeout = 15;
    cfg->header_timeout = 10;
    cfg->body_timeout = 10;
    cfg->min_body_rate = 4096;
    cfg->shutdown_grace = 10;
    cfg->max_body = 1 << 20;
    cfg->max_body_memory = 16 << 20;
    cfg->max_article_bytes = 512 << 10;
    cfg->max_article_facts = BC_INGEST_MAX_FACTS;
    cfg->max_header_bytes = 8192;
    cfg->max_uri = 4096;
    cfg->max_age = 60;
    cfg->cache_bytes = 8 << 20;
    cfg->mmap_mib = 0; /* mapped pages count in RSS and grow with the store */
    snprintf(cfg->cors_origin, sizeof cfg->cors_origin, "*");
    cfg->log_format = BC_LOG_PLAIN;

    for (size_t i = 0; getenv_fn != NULL && i < NOPTS; i++) {
        const char *v = OPTS[i].env ? getenv_fn(OPTS[i].env) : NULL;
        if (v != NULL && *v != '\0') {
            int rc = set_opt(cfg, &OPTS[i], v, OPTS[i].env, err);
            if (rc != BC_OK)
                return rc;
        }
    }
    /* the write token is read from the environment only: a flag would show in ps */
    const char *token = getenv_fn != NULL ? getenv_fn("BORDERCOOP_API_TOKEN") : NULL;
    if (token != NULL && *token != '\0') {
        if (strlen(token) >= sizeof cfg->api_token || strlen(token) < BC_TOKEN_MIN)
            return bc_err_set(err, BC_EINVAL,
                              "BORDERCOOP_API_TOKEN must be %d to %zu characters (128 bits or "
                              "more: head -c 24 /dev/urandom | base64)",
                              BC_TOKEN_MIN, sizeof cfg->api_token - 1);
        if (!bearer_token_ok(token))
            return bc_err_set(err, BC_EINVAL,
                              "BORDERCOOP_API_TOKEN must be a bearer token: letters, digits and "
                              "-._~+/ (then optional '=' padding), no spaces or other characters");
        if (distinct_chars(token) < BC_TOKEN_MIN_DISTINCT)
            return bc_err_set(err, BC_EINVAL,
                              "BORDERCOOP_API_TOKEN is too easy to guess: it has fewer than %d "
                              "different characters; make a random one (head -c 24 /dev/urandom "
                              "| base64)",
                              BC_TOKEN_MIN_DISTINCT);
        snprintf(cfg->api_token, sizeof cfg->api_token, "%s", token);
    }
    for (int a = 1; a < argc; a++) {
        const char *arg = argv[a];
        const char *eq = strchr(arg, '=');
        size_t name_len = eq ? (size_t)(eq - arg) : strlen(arg);
        const opt *o = NULL;
        for (size_t i = 0; i < NOPTS && o == NULL; i++)
            if (strlen(OPTS[i].flag) == name_len && strncmp(OPTS[i].flag, arg, name_len) == 0)
                o = &OPTS[i];
        if (o == NULL)
            return bc_err_set(err, BC_EINVAL, "unknown option '%.*s' (see --help)", (int)name_len,
                              arg);
        const char *value = NULL;
        if (o->kind == OPT_FLAG) {
            if (eq != NULL)
                return bc_err_set(err, BC_EINVAL, "%s takes no value", o->flag);
            value = "1";
        } else if (eq != NULL) {
            value = eq + 1;
        } else if (a + 1 < argc) {
            value = argv[++a];
        } else {
            return bc_err_set(err, BC_EINVAL, "%s needs a value", o->flag);
        }
        int rc = set_opt(cfg, o, value, o->flag, err);
        if (rc != BC_OK)
            return rc;
    }
    return BC_OK;
}

const char *bc_config_usage(void)
{
    static char text[8192];
    if (text[0] != '\0')
        return text;
    size_t n = (size_t)snprintf(text, sizeof text,
                                "usage: bordercoopd [options]\n\n"
                                "Serves the bordercoop store as an HTTP/JSON API.\n\n"
                                "Writes (POST /v1/sources, review decisions) need an API key:\n"
                                "a personal key (bordercoop keys add NAME --role ROLE) or the\n"
                                "bootstrap admin token BORDERCOOP_API_TOKEN in the environment\n"
                                "(%d to %zu characters, at least %d different ones). With\n"
                                "neither, the API is read-only.\n\n"
                                "options (environment variable in brackets):\n",
                                BC_TOKEN_MIN, sizeof((bc_config *)0)->api_token - 1,
                                BC_TOKEN_MIN_DISTINCT);
    for (size_t i = 0; i < NOPTS && n < sizeof text; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s%s", OPTS[i].flag, OPTS[i].kind == OPT_FLAG ? "" : " VALUE");
        n += (size_t)snprintf(text + n, sizeof text - n, "  %-28s %s%s%s%s\n", name, OPTS[i].help,
                              OPTS[i].env ? " [" : "", OPTS[i].env ? OPTS[i].env : "",
                              OPTS[i].env ? "]" : "");
    }
    return text;
}
