/* fuzz_router.c: libFuzzer target for bc_router_dispatch: one request against a store
 * built once in memory from data/. Input: newline-separated fields
 *   METHOD \n RAW-PATH \n RAW-QUERY [\n ACCEPT [\n BODY...]]
 * The path is percent-decoded as the HTTP layer does (http.c parse_target); inputs the
 * HTTP layer refuses before routing (bad path, over max_uri or max_body) are skipped.
 * Checks: only documented statuses (never 500), and every JSON body parses. */
#include "bordercoop/arena.h"
#include "bordercoop/config.h"
#include "bordercoop/err.h"
#include "bordercoop/loader.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"
#include "bordercoop/router.h"
#include "bordercoop/store.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_router"
#include "fuzz_common.h"

#define TOKEN "fuzz-token"

static bc_store *store;
static bc_config cfg;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    store = fuzz_store(fuzz_data_dir());
    bc_err err;
    if (bc_config_parse(&cfg, 0, NULL, NULL, &err) != BC_OK)
        die("config", err.msg);
    /* a token, so POST gets past 403 into the body checks (then 503: no live store) */
    snprintf(cfg.api_token, sizeof cfg.api_token, "%s", TOKEN);
    return 0;
}

/* The next field of [*p, end) up to '\n' as a new NUL-terminated string (cut at a NUL
 * byte, as a C header string would be); *p moves past the '\n'. */
static char *field(const char **p, const char *end)
{
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    size_t n = (size_t)((nl ? nl : end) - *p);
    char *s = malloc(n + 1);
    if (s == NULL)
        abort();
    memcpy(s, *p, n);
    s[n] = '\0';
    *p = nl ? nl + 1 : end;
    return s;
}

static int allowed_status(int st)
{
    static const int ok[] = {200, 204, 304, 400, 401, 403, 404, 405, 406, 413, 414, 415, 503};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (ok[i] == st)
            return 1;
    return 0;
}

static void fail(const char *method, const char *path, const char *query, int st,
                 const bc_response *res, const char *why)
{
    fprintf(stderr,
            "fuzz_router: %s\n  request: %s '%s' ? '%s'\n  status %d (%s), note '%s'\n"
            "  body (%zu bytes): %.600s\n",
            why, method, path, query, st, res->content_type ? res->content_type : "-",
            res->log_note, res->body.len, res->body.data ? res->body.data : "");
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    char *mfield = field(&p, end);
    char *raw_path = field(&p, end);
    char *query = field(&p, end);
    char *accept = field(&p, end);
    const char *body = p;
    size_t body_len = (size_t)(end - p);

    static const char *const methods[] = {"GET", "HEAD", "OPTIONS", "POST"};
    const char *method = NULL;
    for (size_t i = 0; i < 4 && method == NULL; i++)
        if (strcmp(mfield, methods[i]) == 0)
            method = methods[i];
    if (method == NULL)
        method = methods[(unsigned char)mfield[0] % 4];

    bc_arena arena = BC_ARENA_INIT;
    bc_response res;
    bc_response_init(&res);
    char *path = NULL;
    bc_err err;
    size_t target = strlen(raw_path) + 1 + strlen(query);
    int routed = raw_path[0] == '/' && target <= (size_t)cfg.max_uri &&
                 body_len <= (size_t)cfg.max_body &&
                 bc_path_decode(raw_path, strlen(raw_path), &arena, &path, &err) == BC_OK;
    if (routed) {
        bc_request req = {0};
        req.method = method;
        req.path = path;
        req.query = query;
        req.store = store;
        req.live = NULL;
        req.cfg = &cfg;
        req.arena = &arena;
        if (accept[0] != '\0') {
            req.format = bc_negotiate_format(accept, &req.formats);
        } else {
            req.formats = BC_FMT_JSON | BC_FMT_CSV;
            req.format = BC_FMT_JSON;
        }
        if (strcmp(method, "POST") == 0) {
            req.body = body;
            req.body_len = body_len;
            req.authorization = "Bearer " TOKEN;
            req.content_type = "application/json";
        }
        int st = bc_router_dispatch(bc_router_route_of(req.path), &req, &res);
        if (!allowed_status(st))
            fail(method, path, query, st, &res, "unexpected status");
        if (st != res.status)
            fail(method, path, query, st, &res, "returned status differs from res->status");
        if (bc_buf_failed(&res.body))
            fail(method, path, query, st, &res, "response body failed (out of memory?)");
        const char *ct = res.content_type;
        if (st >= 400 && (ct == NULL || strcmp(ct, "application/problem+json") != 0))
            fail(method, path, query, st, &res, "an error without a problem body");
        if (ct != NULL && strstr(ct, "json") != NULL) {
            json_error_t je;
            json_t *j = json_loadb(res.body.data ? res.body.data : "", res.body.len, 0, &je);
            if (j == NULL)
                fail(method, path, query, st, &res, je.text);
            if (st >= 400) {
                json_t *s = json_object_get(j, "status");
                if (!json_is_integer(s) || json_integer_value(s) != st)
                    fail(method, path, query, st, &res, "problem status differs from the status");
            }
            json_decref(j);
        }
    }
    bc_response_free(&res);
    bc_arena_free(&arena);
    free(mfield);
    free(raw_path);
    free(query);
    free(accept);
    return 0;
}
