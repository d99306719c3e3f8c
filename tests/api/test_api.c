/* test_api.c: the real bordercoopd on a free loopback port, spoken to over HTTP: real
 * responses checked field by field, every quote checked against its article, every
 * kind of bad request, keep-alive, HEAD, the OpenAPI contract and a clean shutdown. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "bordercoop/router.h"
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bct_daemon D;
static char TMP[64];
static char DB[128];

static const char *data_dir(void)
{
    const char *d = getenv("BC_DATA");
    return d && *d ? d : "data";
}

static int setup(void **state)
{
    (void)state;
    const char *daemon = getenv("BC_DAEMON");
    if (daemon == NULL) {
        fprintf(stderr, "BC_DAEMON must name the bordercoopd binary\n");
        return -1;
    }
    if (bct_tmpdir(TMP, sizeof TMP, "api") != 0)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    if (bc_loader_build(data_dir(), DB, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    const char *extra[] = {"--threads", "2", NULL};
    return bct_daemon_start(&D, daemon, DB, extra, 10000);
}

static int teardown(void **state)
{
    (void)state;
    int status = bct_daemon_stop(&D, 10000);
    if (bct_tmpdir_remove(TMP) != 0)
        return -1;
    if (status != 0) {
        fprintf(stderr, "bordercoopd exited with %d after SIGTERM\n", status);
        return -1;
    }
    return 0;
}

/* GET target; expects status; returns the JSON body (decref) and keeps the response in
 * *out when out is not NULL (free it). */
static json_t *get_json(const char *target, int status, bct_response *out)
{
    bct_response r;
    if (bct_get(D.port, target, NULL, &r) != 0)
        fail_msg("GET %s: no response", target);
    if (r.status != status)
        fail_msg("GET %s: status %d, want %d: %.300s", target, r.status, status, r.body);
    json_error_t je;
    json_t *j = json_loadb(r.body, r.body_len, 0, &je);
    if (j == NULL)
        fail_msg("GET %s: body is not JSON: %s", target, je.text);
    const char *ct = bct_header_get(&r, "Content-Type");
    assert_non_null(ct);
    if (status >= 400)
        assert_string_equal(ct, "application/problem+json; charset=utf-8");
    else
        assert_string_equal(ct, "application/json; charset=utf-8");
    if (out != NULL)
        *out = r;
    else
        bct_response_free(&r);
    return j;
}

static const char *str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        fail_msg("'%s' is not a string", key);
    return json_string_value(v);
}

static void health_and_readiness(void **state)
{
    (void)state;
    bct_response r;
    json_t *j = get_json("/healthz", 200, &r);
    assert_string_equal(str(j, "status"), "ok");
    assert_string_equal(bct_header_get(&r, "Cache-Control"), "no-store");
    json_decref(j);
    bct_response_free(&r);
    j = get_json("/readyz", 200, NULL);
    assert_string_equal(str(j, "status"), "ready");
    json_decref(j);
}

static void list_headers_and_envelope(void **state)
{
    (void)state;
    bct_response r;
    json_t *j = get_json("/v1/meetings", 200, &r);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 8);
    assert_non_null(json_object_get(j, "meta"));
    assert_non_null(json_object_get(j, "links"));
    assert_string_equal(bct_header_get(&r, "Cache-Control"), "public, max-age=60");
    assert_string_equal(bct_header_get(&r, "Access-Control-Allow-Origin"), "*");
    assert_int_equal(strlen(bct_header_get(&r, "X-Request-Id")), 16);
    json_decref(j);
    bct_response_free(&r);
}

static void meeting_fields(void **state)
{
    (void)state;
    json_t *m = get_json("/v1/meetings/conference-yunnan-5", 200, NULL);
    assert_string_equal(str(m, "date"), "2025-10-30");
    assert_string_equal(str(m, "date_precision"), "day");
    assert_string_equal(str(m, "place"), "Lai Chau province (Vietnam)");
    assert_string_equal(str(json_object_get(m, "host_province"), "id"), "lai-chau");
    assert_string_equal(str(m, "status"), "held");
    assert_string_equal(str(json_object_get(m, "next_meeting"), "id"), "conference-yunnan-6");
    json_t *first = json_array_get(json_object_get(m, "participants"), 0);
    assert_string_equal(str(json_object_get(first, "person"), "name"), "Wang Ning");
    assert_string_equal(str(first, "side"), "CN");
    json_decref(m);
    m = get_json("/v1/meetings/conference-yunnan-4", 200, NULL);
    assert_string_equal(str(m, "date"), "2024");
    assert_string_equal(str(m, "place"), "Kunming, Yunnan (China)");
    json_decref(m);
    m = get_json("/v1/meetings/jwg-yunnan-12", 200, NULL);
    assert_string_equal(str(m, "status"), "planned");
    assert_string_equal(str(json_object_get(m, "host_province"), "id"), "yunnan");
    json_decref(m);
}

static void figure_fields(void **state)
{
    (void)state;
    /* "Lào Cai" percent-encoded in UTF-8 finds the four-province figure */
    json_t *j = get_json("/v1/trade-figures?province=L%C3%A0o%20Cai&year=2024", 200, NULL);
    json_t *f = json_array_get(json_object_get(j, "data"), 0);
    assert_string_equal(str(f, "id"), "yunnan-four-provinces-trade-2024");
    assert_true(json_is_integer(json_object_get(f, "value")));
    assert_int_equal(json_integer_value(json_object_get(f, "value")), 7200000000LL);
    assert_string_equal(str(f, "unit"), "USD");
    assert_string_equal(str(f, "qualifier"), "exact");
    json_decref(j);
    f = get_json("/v1/figures/tuyen-quang-yunnan-trade-2024", 200, NULL);
    assert_int_equal(json_integer_value(json_object_get(f, "value")), 293000000);
    assert_string_equal(str(f, "qualifier"), "over");
    json_decref(f);
    f = get_json("/v1/figures/sugarcane-area-total", 200, NULL);
    assert_int_equal(json_integer_value(json_object_get(f, "value")), 425);
    assert_string_equal(str(f, "unit"), "hectares");
    assert_string_equal(str(f, "qualifier"), "expected");
    json_decref(f);
}

static void project_and_protocol_fields(void **state)
{
    (void)state;
    json_t *p = get_json("/v1/border-gate-projects/si-choang-den-suoi-thang-traditional-opening",
                         200, NULL);
    assert_string_equal(str(p, "vn_side"), "Si Choang");
    assert_string_equal(str(p, "cn_side"), "Den Suoi Thang");
    assert_string_equal(str(p, "status"), "operational");
    json_t *ev = json_object_get(p, "latest_event");
    assert_string_equal(str(ev, "kind"), "restored");
    assert_string_equal(str(ev, "date"), "2025");
    json_decref(p);
    p = get_json("/v1/protocols/jwg-yunnan-11-protocol", 200, NULL);
    json_t *parties = json_object_get(p, "parties");
    assert_int_equal(json_array_size(parties), 5);
    assert_string_equal(json_string_value(json_array_get(parties, 4)), "yunnan");
    assert_string_equal(
        str(json_object_get(json_array_get(json_object_get(p, "organisations"), 4), "province"),
            "id"),
        "yunnan");
    assert_string_equal(str(p, "signed_on"), "2025-10-30");
    json_decref(p);
}

/* Reads data/<file> into a new string. */
static char *read_article(const char *file)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", data_dir(), file);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* Checks every "sources" array anywhere inside v against the article texts. */
static int check_sources(json_t *v, json_t *texts)
{
    int checked = 0;
    if (json_is_object(v)) {
        const char *key;
        json_t *child;
        json_object_foreach(v, key, child)
        {
            if (strcmp(key, "sources") == 0 && json_is_array(child)) {
                size_t i;
                json_t *src;
                json_array_foreach(child, i, src)
                {
                    const char *text =
                        json_string_value(json_object_get(texts, str(src, "source_id")));
                    assert_non_null(text);
                    const char *quote = str(src, "quote");
                    const char *at = strstr(text, quote);
                    if (at == NULL)
                        fail_msg("quote not verbatim in %s: %s", str(src, "source_id"), quote);
                    /* the byte offsets point at the quote */
                    assert_int_equal(json_integer_value(json_object_get(src, "quote_start")),
                                     at - text);
                    checked++;
                }
            } else {
                checked += check_sources(child, texts);
            }
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *child;
        json_array_foreach(v, i, child) checked += check_sources(child, texts);
    }
    return checked;
}

static void every_fact_has_a_verbatim_source(void **state)
{
    (void)state;
    json_t *texts = json_object();
    json_t *sources = get_json("/v1/sources", 200, NULL);
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(sources, "data"), i, s)
    {
        char *body = read_article(str(s, "file"));
        json_object_set_new(texts, str(s, "id"), json_string(body));
        free(body);
    }
    json_decref(sources);
    assert_int_equal(json_object_size(texts), 5);
    const char *lists[] = {
        "/v1/meetings?limit=500",  "/v1/figures?limit=500", "/v1/border-gate-projects?limit=500",
        "/v1/protocols?limit=500", "/v1/people?limit=500",  "/v1/provinces?limit=500"};
    int total = 0;
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        json_t *j = get_json(lists[k], 200, NULL);
        json_t *item;
        json_array_foreach(json_object_get(j, "data"), i, item)
        {
            if (json_array_size(json_object_get(item, "sources")) == 0)
                fail_msg("%s: %s has no source", lists[k], str(item, "id"));
        }
        total += check_sources(json_object_get(j, "data"), texts);
        json_decref(j);
    }
    if (total < 200)
        fail_msg("only %d quotes checked", total);
    json_decref(texts);
}

/* Expects status and problem code for target. */
static void problem(const char *target, int status, const char *code)
{
    json_t *j = get_json(target, status, NULL);
    assert_string_equal(str(j, "code"), code);
    assert_int_equal(json_integer_value(json_object_get(j, "status")), status);
    assert_non_null(json_object_get(j, "title"));
    assert_non_null(json_object_get(j, "detail"));
    json_decref(j);
}

static void bad_requests(void **state)
{
    (void)state;
    problem("/v1/meetings?colour=red", 400, "unknown_parameter");
    problem("/v1/meetings?year=twenty", 400, "invalid_parameter");
    problem("/v1/figures?category=weather", 400, "invalid_parameter");
    problem("/v1/meetings?year=2024&year=2025", 400, "duplicate_parameter");
    problem("/v1/meetings?province=%E0%80", 400, "malformed_query");
    problem("/v1/meetings/%FF", 400, "malformed_path");
    problem("/v1/meetings/%00", 400, "malformed_path");
    problem("/v1/meetings/nope", 404, "not_found");
    problem("/v1/nothing", 404, "not_found");
    problem("/v1/meetings?province=yunnan%27%20OR%201%3D1", 400, "invalid_parameter");
    /* a key pasted into a URL does not come back in the problem */
    static const char *const keyed[] = {
        "/v1/meetings/bck_AbCdEfGhIjKlMnOpQrStUvWx0123",
        "/v1/meetings?province=bck_AbCdEfGhIjKlMnOpQrStUvWx0123",
        "/v1/meetings?bck_AbCdEfGhIjKlMnOpQrStUvWx0123=1",
    };
    for (size_t i = 0; i < sizeof keyed / sizeof keyed[0]; i++) {
        bct_response r;
        assert_int_equal(bct_get(D.port, keyed[i], NULL, &r), 0);
        assert_true(r.status == 404 || r.status == 400);
        if (strstr(r.body, "bck_AbCd") != NULL)
            fail_msg("GET %s echoes the key: %s", keyed[i], r.body);
        assert_non_null(strstr(r.body, "[redacted]"));
        bct_response_free(&r);
    }
}

static void method_not_allowed(void **state)
{
    (void)state;
    bct_conn *c = bct_connect(D.port, 5000);
    assert_non_null(c);
    bct_response r;
    assert_int_equal(bct_request(c, "DELETE", "/v1/meetings/jwg-yunnan-11", NULL, NULL, 0, &r), 0);
    assert_int_equal(r.status, 405);
    assert_string_equal(bct_header_get(&r, "Allow"), "GET, HEAD, OPTIONS");
    bct_response_free(&r);
    bct_close(c);
}

static void oversized_requests(void **state)
{
    (void)state;
    /* a 5000-byte target: 414 */
    char target[5100] = "/v1/meetings?province=";
    size_t n = strlen(target);
    memset(target + n, 'a', 5000);
    target[n + 5000] = '\0';
    bct_response r;
    assert_int_equal(bct_get(D.port, target, NULL, &r), 0);
    assert_int_equal(r.status, 414);
    bct_response_free(&r);
    /* a 2 MiB body on a GET, which takes none: 400 body_not_allowed from the head alone,
     * whatever its size (413 before analyst 9's F8) */
    size_t big = 2u << 20;
    char *body = malloc(big);
    memset(body, 'x', big);
    bct_conn *c = bct_connect(D.port, 10000);
    assert_non_null(c);
    bct_set_diagnostics(0);
    int rc = bct_request(c, "GET", "/v1/meetings", NULL, body, big, &r);
    bct_set_diagnostics(1);
    if (rc == 0) {
        assert_int_equal(r.status, 400);
        assert_non_null(strstr(r.body, "body_not_allowed"));
        bct_response_free(&r);
    }
    bct_close(c);
    free(body);
    /* the daemon still serves */
    json_t *j = get_json("/healthz", 200, NULL);
    json_decref(j);
}

static void head_matches_get(void **state)
{
    (void)state;
    bct_conn *c = bct_connect(D.port, 5000);
    assert_non_null(c);
    bct_response g, h;
    assert_int_equal(bct_request(c, "GET", "/v1/provinces", NULL, NULL, 0, &g), 0);
    assert_int_equal(bct_request(c, "HEAD", "/v1/provinces", NULL, NULL, 0, &h), 0);
    assert_int_equal(h.status, 200);
    assert_int_equal(h.body_len, 0);
    assert_string_equal(bct_header_get(&h, "Content-Length"), bct_header_get(&g, "Content-Length"));
    assert_int_equal((size_t)atol(bct_header_get(&g, "Content-Length")), g.body_len);
    bct_response_free(&g);
    bct_response_free(&h);
    bct_close(c);
}

static void keep_alive(void **state)
{
    (void)state;
    bct_conn *c = bct_connect(D.port, 5000);
    assert_non_null(c);
    for (int i = 0; i < 5; i++) {
        bct_response r;
        assert_int_equal(
            bct_request(c, "GET", i % 2 ? "/v1/meetings" : "/v1/nope", NULL, NULL, 0, &r), 0);
        assert_int_equal(r.status, i % 2 ? 200 : 404);
        assert_true(r.keep_alive);
        assert_null(bct_header_get(&r, "Connection"));
        bct_response_free(&r);
    }
    bct_close(c);
}

static void garbage_does_not_hurt(void **state)
{
    (void)state;
    const char *garbage[] = {
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "GET /v1/meetings HTTP/9.9\r\nHost: x\r\n\r\n",
        "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
        "GET /v1/meetings HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    };
    bct_set_diagnostics(0);
    for (size_t i = 0; i < sizeof garbage / sizeof garbage[0]; i++) {
        bct_conn *c = bct_connect(D.port, 3000);
        assert_non_null(c);
        bct_send_raw(c, garbage[i], strlen(garbage[i]));
        bct_response r;
        if (bct_read_response(c, 0, &r) == 0) {
            if (r.status < 400 || r.status > 505)
                fail_msg("garbage %zu answered %d", i, r.status);
        }
        bct_response_free(&r);
        bct_close(c);
    }
    bct_set_diagnostics(1);
    json_t *j = get_json("/v1/provinces/junnan", 200, NULL);
    json_decref(j);
}

/* The request lines libmicrohttpd 0.9.75 refuses in its own parse of the request line,
 * before any callback of ours (README, "Limits and abuse"): no version (HTTP/0.9) is a 400,
 * a major version other than 1 (HTTP/9.9, the HTTP/2 preface "PRI * HTTP/2.0") a 505, each
 * its short HTML page, not a problem document, with the connection closed. HTTP/1.2-1.9
 * are served as 1.1. If a new libmicrohttpd answers otherwise, the README must follow. */
static void versions_the_library_refuses(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        int status;
    } cases[] = {
        {"GET /v1/meetings\r\n\r\n", 400},
        {"GET /v1/meetings HTTP/9.9\r\nHost: x\r\n\r\n", 505},
        {"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505},
        {"GET /v1/meetings HTTP/1.9\r\nHost: x\r\n\r\n", 200},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bct_conn *c = bct_connect(D.port, 3000);
        assert_non_null(c);
        bct_send_raw(c, cases[i].line, strlen(cases[i].line));
        bct_response r;
        assert_int_equal(bct_read_response(c, 0, &r), 0);
        if (r.status != cases[i].status)
            fail_msg("%s answered %d", cases[i].line, r.status);
        const char *type = bct_header_get(&r, "Content-Type");
        if (cases[i].status != 200) {
            assert_false(r.keep_alive);
            assert_true(type == NULL || strstr(type, "problem+json") == NULL);
        } else {
            assert_non_null(type);
            assert_non_null(strstr(type, "application/json"));
        }
        bct_response_free(&r);
        bct_close(c);
    }
}

/* GET with extra headers on a fresh connection. */
static void get_with(const char *target, const char *const *headers, bct_response *r)
{
    if (bct_get(D.port, target, headers, r) != 0)
        fail_msg("GET %s: no response", target);
}

static void conditional_requests(void **state)
{
    (void)state;
    bct_response a, b, c;
    get_with("/v1/meetings?status=held", NULL, &a);
    assert_int_equal(a.status, 200);
    assert_non_null(bct_header_get(&a, "ETag"));
    assert_true(bct_header_get(&a, "ETag")[0] == '"');
    assert_string_equal(bct_header_get(&a, "Vary"), "Accept, Accept-Encoding");
    /* Last-Modified comes once the second of the store's last change has ended and the
     * daemon confirmed nothing changed since (conditional.h): wait for it, bounded */
    for (int i = 0; i < 100 && bct_header_get(&a, "Last-Modified") == NULL; i++) {
        bct_response_free(&a);
        struct timespec ts = {0, 30 * 1000000L};
        nanosleep(&ts, NULL);
        get_with("/v1/meetings?status=held", NULL, &a);
    }
    const char *etag = bct_header_get(&a, "ETag");
    const char *lm = bct_header_get(&a, "Last-Modified");
    assert_non_null(lm);
    /* the same request gives the same tag */
    get_with("/v1/meetings?status=held", NULL, &b);
    assert_string_equal(bct_header_get(&b, "ETag"), etag);
    char inm[128], ims[128];
    snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
    const char *h1[] = {inm, NULL};
    get_with("/v1/meetings?status=held", h1, &c);
    assert_int_equal(c.status, 304);
    assert_int_equal(c.body_len, 0);
    assert_string_equal(bct_header_get(&c, "ETag"), etag);
    bct_response_free(&c);
    /* a weak form of the same tag and a list with others match too (RFC 9110) */
    snprintf(inm, sizeof inm, "If-None-Match: \"nope\", W/%s", etag);
    get_with("/v1/meetings?status=held", h1, &c);
    assert_int_equal(c.status, 304);
    bct_response_free(&c);
    /* another request has another tag */
    get_with("/v1/meetings?status=planned", h1, &c);
    assert_int_equal(c.status, 200);
    bct_response_free(&c);
    /* If-Modified-Since at the build time: 304; on health: never */
    snprintf(ims, sizeof ims, "If-Modified-Since: %s", lm);
    const char *h2[] = {ims, NULL};
    get_with("/v1/meetings?status=held", h2, &c);
    assert_int_equal(c.status, 304);
    bct_response_free(&c);
    get_with("/healthz", h2, &c);
    assert_int_equal(c.status, 200);
    assert_string_equal(bct_header_get(&c, "Cache-Control"), "no-store");
    bct_response_free(&c);
    get_with("/v1/meetings/nope", h2, &c);
    assert_int_equal(c.status, 404);
    assert_null(bct_header_get(&c, "ETag"));
    bct_response_free(&c);
    bct_response_free(&a);
    bct_response_free(&b);
}

/* The cache changes cost, never bytes: a daemon with the cache off and one with a budget
 * so small it evicts on every insert answer exactly what the default daemon answers,
 * headers that matter included, for plain, gzip and CSV representations, first and
 * repeated requests alike. */
static void cache_never_changes_an_answer(void **state)
{
    (void)state;
    const char *targets[] = {
        "/v1/figures",
        "/v1/figures?province=yunnan&sort=-value&limit=3",
        "/v1/meetings?status=held",
        "/v1/border-gate-projects?limit=2",
        "/v1/protocols",
        "/v1/search?q=Lao%20Cai",
        "/v1/stats",
        "/v1/meetings/nope",
        "/v1/figures?limit=x",
    };
    const char *plain[] = {NULL};
    const char *gz[] = {"Accept-Encoding: gzip", NULL};
    const char *csv[] = {"Accept: text/csv", NULL};
    const char *const *variants[] = {plain, gz, csv};
    const char *compare[] = {"Content-Type",  "Content-Encoding", "ETag", "Link",
                             "X-Total-Count", "Cache-Control",    "Vary"};
    const char *off_args[] = {"--threads", "2", "--cache-bytes", "0", NULL};
    const char *tiny_args[] = {"--threads", "2", "--cache-bytes", "20000", NULL};
    bct_daemon off, tiny;
    assert_int_equal(bct_daemon_start(&off, getenv("BC_DAEMON"), DB, off_args, 10000), 0);
    assert_int_equal(bct_daemon_start(&tiny, getenv("BC_DAEMON"), DB, tiny_args, 10000), 0);
    const int ports[] = {off.port, tiny.port};
    for (int round = 0; round < 2; round++)
        for (size_t t = 0; t < sizeof targets / sizeof *targets; t++)
            for (size_t v = 0; v < sizeof variants / sizeof *variants; v++) {
                bct_response want;
                get_with(targets[t], variants[v], &want);
                for (size_t p = 0; p < 2; p++) {
                    bct_response got;
                    if (bct_get(ports[p], targets[t], variants[v], &got) != 0)
                        fail_msg("GET %s: no response", targets[t]);
                    if (got.status != want.status || got.body_len != want.body_len ||
                        memcmp(got.body, want.body, want.body_len) != 0)
                        fail_msg("%s (variant %zu, daemon %zu): %d/%zu bytes vs %d/%zu", targets[t],
                                 v, p, got.status, got.body_len, want.status, want.body_len);
                    for (size_t h = 0; h < sizeof compare / sizeof *compare; h++) {
                        const char *a = bct_header_get(&want, compare[h]);
                        const char *b = bct_header_get(&got, compare[h]);
                        if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
                            fail_msg("%s (variant %zu, daemon %zu): %s '%s' vs '%s'", targets[t], v,
                                     p, compare[h], b ? b : "(none)", a ? a : "(none)");
                    }
                    bct_response_free(&got);
                }
                bct_response_free(&want);
            }
    /* the tiny cache really was evicting, and the one that is off kept nothing */
    bct_response m;
    assert_int_equal(bct_get(tiny.port, "/metrics", NULL, &m), 0);
    assert_null(strstr(m.body, "bordercoop_cache_evictions_total 0\n"));
    bct_response_free(&m);
    assert_int_equal(bct_get(off.port, "/metrics", NULL, &m), 0);
    assert_non_null(strstr(m.body, "bordercoop_cache_entries 0\n"));
    bct_response_free(&m);
    assert_int_equal(bct_daemon_stop(&off, 10000), 0);
    assert_int_equal(bct_daemon_stop(&tiny, 10000), 0);
}

static void gzip_when_asked(void **state)
{
    (void)state;
    const char *h[] = {"Accept-Encoding: gzip, deflate", NULL};
    bct_response z, plain;
    get_with("/v1/figures", h, &z);
    get_with("/v1/figures", NULL, &plain);
    assert_int_equal(z.status, 200);
    assert_string_equal(bct_header_get(&z, "Content-Encoding"), "gzip");
    assert_true(z.body_len < plain.body_len / 2);
    assert_true((unsigned char)z.body[0] == 0x1f && (unsigned char)z.body[1] == 0x8b);
    assert_null(bct_header_get(&plain, "Content-Encoding"));
    /* the gzip representation has its own tag */
    assert_string_not_equal(bct_header_get(&z, "ETag"), bct_header_get(&plain, "ETag"));
    bct_response_free(&z);
    bct_response_free(&plain);
    /* q=0 refuses it; tiny bodies are not worth compressing */
    const char *no[] = {"Accept-Encoding: gzip;q=0", NULL};
    get_with("/v1/figures", no, &z);
    assert_null(bct_header_get(&z, "Content-Encoding"));
    bct_response_free(&z);
    get_with("/v1/meetings/jwg-yunnan-11?fields=date", h, &z);
    assert_null(bct_header_get(&z, "Content-Encoding"));
    bct_response_free(&z);
}

static void cors(void **state)
{
    (void)state;
    bct_conn *c = bct_connect(D.port, 5000);
    assert_non_null(c);
    const char *h[] = {"Origin: https://dashboard.example", "Access-Control-Request-Method: GET",
                       "Access-Control-Request-Headers: If-None-Match", NULL};
    bct_response r;
    assert_int_equal(bct_request(c, "OPTIONS", "/v1/trade-figures", h, NULL, 0, &r), 0);
    assert_int_equal(r.status, 204);
    assert_string_equal(bct_header_get(&r, "Access-Control-Allow-Origin"), "*");
    assert_non_null(strstr(bct_header_get(&r, "Access-Control-Allow-Headers"), "If-None-Match"));
    assert_non_null(strstr(bct_header_get(&r, "Access-Control-Allow-Methods"), "GET"));
    bct_response_free(&r);
    assert_int_equal(bct_request(c, "GET", "/v1/trade-figures", h, NULL, 0, &r), 0);
    const char *exposed = bct_header_get(&r, "Access-Control-Expose-Headers");
    assert_non_null(strstr(exposed, "ETag"));
    assert_non_null(strstr(exposed, "Link"));
    bct_response_free(&r);
    bct_close(c);
}

static void negotiation_and_csv(void **state)
{
    (void)state;
    const char *csv[] = {"Accept: text/csv", NULL};
    bct_response r;
    get_with("/v1/trade-figures?fields=value,unit", csv, &r);
    assert_int_equal(r.status, 200);
    assert_string_equal(bct_header_get(&r, "Content-Type"), "text/csv; charset=utf-8");
    assert_true(strncmp(r.body, "id,value,unit\r\n", 15) == 0);
    assert_non_null(strstr(r.body, "yunnan-four-provinces-trade-2024,7200000000,USD\r\n"));
    bct_response_free(&r);
    const char *xml[] = {"Accept: application/xml", NULL};
    get_with("/v1/trade-figures", xml, &r);
    assert_int_equal(r.status, 406);
    assert_string_equal(bct_header_get(&r, "Content-Type"),
                        "application/problem+json; charset=utf-8");
    bct_response_free(&r);
    get_with("/v1/meetings/jwg-yunnan-11", csv, &r);
    assert_int_equal(r.status, 406);
    bct_response_free(&r);
    const char *browser[] = {
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", NULL};
    get_with("/v1/trade-figures", browser, &r);
    assert_int_equal(r.status, 200);
    assert_string_equal(bct_header_get(&r, "Content-Type"), "application/json; charset=utf-8");
    bct_response_free(&r);
}

static void link_header_and_cursor_walk(void **state)
{
    (void)state;
    char target[1024] = "/v1/figures?limit=5&sort=-value";
    int pages = 0, items = 0;
    for (;;) {
        bct_response r;
        json_t *j = get_json(target, 200, &r);
        items += (int)json_array_size(json_object_get(j, "data"));
        const char *link = bct_header_get(&r, "Link");
        json_t *next = json_object_get(json_object_get(j, "links"), "next");
        pages++;
        if (json_is_null(next)) {
            assert_true(link == NULL || strstr(link, "rel=\"next\"") == NULL);
            json_decref(j);
            bct_response_free(&r);
            break;
        }
        /* the Link header carries the same next URL */
        char expect[1100];
        snprintf(expect, sizeof expect, "<%s>; rel=\"next\"", json_string_value(next));
        assert_non_null(link);
        assert_non_null(strstr(link, expect));
        snprintf(target, sizeof target, "%s", json_string_value(next));
        json_decref(j);
        bct_response_free(&r);
    }
    assert_int_equal(pages, 5);
    assert_int_equal(items, 23);
}

static void search_and_stats(void **state)
{
    (void)state;
    json_t *j = get_json("/v1/search?q=Junnan&type=province", 200, NULL);
    json_t *hit = json_array_get(json_object_get(j, "data"), 0);
    assert_string_equal(str(hit, "id"), "yunnan");
    assert_non_null(strstr(str(hit, "snippet"), "<mark>"));
    json_decref(j);
    /* outsider 8, M2: any text is a query that parses; a time, a URL or an unclosed
     * quote is searched for, never an SQLite message */
    static const char *const safe[] = {"/v1/search?q=10:30", "/v1/search?q=https://example.com/a",
                                       "/v1/search?q=%22Lao%20Cai", "/v1/search?q=title:Lao",
                                       "/v1/search?q=NEAR(Lao%20Cai)&format=csv"};
    for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++) {
        bct_response r;
        assert_int_equal(bct_get(D.port, safe[i], NULL, &r), 0);
        if (r.status != 200 || strstr(r.body, "no such column") != NULL)
            fail_msg("%s: %d %.300s", safe[i], r.status, r.body);
        bct_response_free(&r);
    }
    /* no words and too long: one answer each, whatever the text or length */
    static char long_q[3][4200];
    static const size_t lens[] = {300, 1100, 4000};
    const char *none[] = {"/v1/search?q=",    "/v1/search?q=...", "/v1/search?q=!!!",
                          "/v1/search?q=%20", long_q[0],          long_q[1],
                          long_q[2]};
    for (size_t i = 0; i < 3; i++) {
        memcpy(long_q[i], "/v1/search?q=", 13);
        memset(long_q[i] + 13, 'a', lens[i]);
        long_q[i][13 + lens[i]] = '\0';
    }
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        j = get_json(none[i], 400, NULL);
        assert_string_equal(str(j, "code"), "invalid_parameter");
        assert_string_equal(str(j, "parameter"), "q");
        assert_string_equal(str(j, "detail"),
                            i < 4 ? "parameter 'q' must not be empty: give at least one word "
                                    "(letters or digits) to search for"
                                  : "parameter 'q' is longer than 256 bytes");
        json_decref(j);
    }
    j = get_json("/v1/stats", 200, NULL);
    json_t *counts = json_object_get(j, "counts");
    assert_int_equal(json_integer_value(json_object_get(counts, "meetings")), 8);
    json_t *pairs = json_object_get(json_object_get(j, "trade_turnover"), "by_pair");
    assert_true(json_array_size(pairs) >= 3);
    assert_string_equal(str(json_object_get(json_object_get(j, "meetings"), "next_planned"), "id"),
                        "conference-yunnan-6");
    json_decref(j);
    j = get_json("/v1/stats?x=1", 400, NULL);
    json_decref(j);
}

static void metrics_pass_promtool(void **state)
{
    (void)state;
    /* some traffic first, so counters and histograms have samples */
    bct_response r;
    get_with("/v1/meetings", NULL, &r);
    bct_response_free(&r);
    get_with("/v1/nothing", NULL, &r);
    bct_response_free(&r);
    json_t *j = get_json("/v1/provinces", 200, NULL);
    json_decref(j);
    assert_int_equal(bct_get(D.port, "/metrics", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_string_equal(bct_header_get(&r, "Content-Type"), "text/plain; version=0.0.4");
    assert_non_null(strstr(r.body, "bordercoop_http_requests_total{route=\"/v1/meetings\",method="
                                   "\"GET\",status=\"200\"}"));
    assert_non_null(strstr(r.body, "bordercoop_http_request_duration_seconds_bucket"));
    assert_non_null(strstr(r.body, "bordercoop_build_info{version="));
    assert_non_null(strstr(r.body, "bordercoop_responses_total{outcome=\"cached\"}"));
    FILE *p = popen("promtool check metrics >/dev/null 2>&1", "w");
    assert_non_null(p);
    fwrite(r.body, 1, r.body_len, p);
    int status = pclose(p);
    if (status != 0)
        fail_msg("promtool check metrics failed (%d): is the prometheus package installed?",
                 status);
    bct_response_free(&r);
}

static void openapi_lists_every_route(void **state);

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(health_and_readiness),
        cmocka_unit_test(list_headers_and_envelope),
        cmocka_unit_test(meeting_fields),
        cmocka_unit_test(figure_fields),
        cmocka_unit_test(project_and_protocol_fields),
        cmocka_unit_test(every_fact_has_a_verbatim_source),
        cmocka_unit_test(bad_requests),
        cmocka_unit_test(method_not_allowed),
        cmocka_unit_test(oversized_requests),
        cmocka_unit_test(head_matches_get),
        cmocka_unit_test(keep_alive),
        cmocka_unit_test(garbage_does_not_hurt),
        cmocka_unit_test(versions_the_library_refuses),
        cmocka_unit_test(conditional_requests),
        cmocka_unit_test(cache_never_changes_an_answer),
        cmocka_unit_test(gzip_when_asked),
        cmocka_unit_test(cors),
        cmocka_unit_test(negotiation_and_csv),
        cmocka_unit_test(link_header_and_cursor_walk),
        cmocka_unit_test(search_and_stats),
        cmocka_unit_test(metrics_pass_promtool),
        cmocka_unit_test(openapi_lists_every_route),
    };
    return cmocka_run_group_tests_name("api", tests, setup, teardown);
}

/* ---- contract: openapi.yaml and the router list the same paths --------------------- */

typedef struct paths {
    char items[64][96];
    int n;
} paths;

static void collect_route(const char *pattern, void *ctx)
{
    paths *p = ctx;
    if (p->n < 64)
        snprintf(p->items[p->n++], 96, "%s", pattern);
}

static int has(const paths *p, const char *s)
{
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->items[i], s) == 0)
            return 1;
    return 0;
}

static void openapi_lists_every_route(void **state)
{
    (void)state;
    bct_response r;
    assert_int_equal(bct_get(D.port, "/openapi.yaml", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    /* the path keys of the `paths:` section: lines "  /something:" */
    paths doc = {.n = 0}, served = {.n = 0};
    int in_paths = 0;
    for (char *line = strtok(r.body, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        if (line[0] != ' ' && line[0] != '#')
            in_paths = strncmp(line, "paths:", 6) == 0;
        else if (in_paths && strncmp(line, "  /", 3) == 0) {
            char *colon = strrchr(line, ':');
            if (colon != NULL && doc.n < 64) {
                *colon = '\0';
                snprintf(doc.items[doc.n++], 96, "%s", line + 2);
            }
        }
    }
    bct_response_free(&r);
    bc_router_each(collect_route, &served);
    for (int i = 0; i < served.n; i++)
        if (!has(&doc, served.items[i]))
            fail_msg("route %s is served but missing from openapi.yaml", served.items[i]);
    for (int i = 0; i < doc.n; i++)
        if (!has(&served, doc.items[i]))
            fail_msg("openapi.yaml documents %s, which the router does not serve", doc.items[i]);
}
