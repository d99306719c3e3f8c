/* test_findings9.c: the outside analyst9's findings F6, F8 and F12 against the real
 * daemon: search follows the names the store and the gazetteer know for a place (F6),
 * its snippets never mark half of a Chinese name (F12), and what the HTTP layer refuses
 * is one well-formed answer: a Content-Length of -1 or past 2^64 (libmicrohttpd 0.9.75
 * wrote its headers twice), an absolute-form target served by its path, a GET with a
 * body 400 (F8). Raw HTTP on loopback. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TOKEN "findings9-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

/* the analyst's Chinese article (its first line the headline) */
static const char ZH[] = "广西与越南谅山省举行会谈\n"
                         "星期三下午，广西壮族自治区代表团在南宁与越南谅山省代表团举行会谈。双方介"
                         "绍，2025年1至9月，广西与"
                         "谅山省进出口贸易额达到380亿元人民币，同比增长11%"
                         "，约合53亿美元。其中，出口160亿元，进口220亿元。经"
                         "越南友谊口岸—中国友谊关口岸通关的货物价值达到210亿元。广西企业在同登—谅山"
                         "口岸经济区投资2.5亿美元。"
                         "双方回顾，2024年12月28日在南宁举行了越南广宁、谅山、高平、河江四省与中国"
                         "广西联合工作委员会第十六次会"
                         "议，今年3月18日双方还在谅山举行了春季会晤。双方商定，联合工作委员会第十七"
                         "次会议将于2026年在谅山举行。"
                         "双方同意加快推进峒中—横模口岸建设，力争2026年底前完工。2024年经友谊关出入"
                         "境旅客超过200万人次。";

static json_t *call(const char *method, const char *target, const char *const *headers,
                    const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, headers, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

/* The hit of that type and id among the hits of j, or NULL. */
static json_t *hit(json_t *j, const char *type, const char *id)
{
    size_t i;
    json_t *h;
    json_array_foreach(json_object_get(j, "data"), i, h)
    {
        if (strcmp(json_string_value(json_object_get(h, "type")), type) == 0 &&
            strcmp(json_string_value(json_object_get(h, "id")), id) == 0)
            return h;
    }
    return NULL;
}

static const char *source_id;

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings9") != 0)
        return -1;
    int rc = bct_daemon_start_token(&D, DB, TOKEN);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

static void ingest_zh(void)
{
    if (source_id != NULL)
        return;
    json_t *o = json_pack("{s:s,s:s}", "text", ZH, "title", "广西与越南谅山省举行会谈");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", AUTH, body, 201);
    free(body);
    source_id = strdup(json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_decref(j);
}

/* F6: "Huu Nghi" found only the reported crossing, not the article and figure that write
 * 友谊关; 芒街 found nothing, though Mong Cai has curated facts; "Hà Khẩu" was "Hà" AND
 * "khẩu"* (xuất khẩu, export) and missed the curated Lao Cai - Hekou railway bridge */
static void search_follows_the_names_of_a_place(void **state)
{
    (void)state;
    ingest_zh();
    json_t *j = call("GET", "/v1/search?q=Huu%20Nghi&curation=all&limit=50", NULL, NULL, 200);
    assert_non_null(hit(j, "source", source_id));
    json_decref(j);
    j = call("GET", "/v1/search?q=H%E1%BB%AFu%20Ngh%E1%BB%8B&curation=all&limit=50", NULL, NULL,
             200);
    assert_non_null(hit(j, "source", source_id));
    json_decref(j);
    j = call("GET", "/v1/search?q=%E8%8A%92%E8%A1%97", NULL, NULL, 200); /* 芒街 */
    assert_non_null(hit(j, "border_gate_project", "mong-cai-dongxing-border-gate"));
    json_decref(j);
    j = call("GET", "/v1/search?q=H%C3%A0%20Kh%E1%BA%A9u", NULL, NULL, 200);
    assert_non_null(hit(j, "border_gate_project", "lao-cai-hekou-railway-bridge"));
    const char *match = json_string_value(json_object_get(json_object_get(j, "meta"), "match"));
    assert_non_null(strstr(match, "\"Hà Khẩu\"")); /* a phrase, not two words */
    assert_non_null(strstr(match, "\"河口\""));
    json_decref(j);
}

/* F12: q=谅山 marked 谅 alone where the snippet's window ended inside the name */
static void snippets_never_cut_a_chinese_name(void **state)
{
    (void)state;
    ingest_zh();
    static const char *const queries[] = {"/v1/search?q=%E8%B0%85%E5%B1%B1&curation=all&limit=50",
                                          "/v1/search?q=%E8%B0%85%E5%B1%B1&curation=all&limit=50&"
                                          "paragraphs=true",
                                          "/v1/search?q=%E5%8F%8B%E8%B0%8A&curation=all&limit=50"};
    for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
        json_t *j = call("GET", queries[k], NULL, NULL, 200);
        json_t *h = hit(j, "source", source_id);
        assert_non_null(h);
        size_t i;
        json_array_foreach(json_object_get(j, "data"), i, h)
        {
            const char *snip = json_string_value(json_object_get(h, "snippet"));
            if (strstr(snip, "<mark>谅</mark>") != NULL || strstr(snip, "<mark>友</mark>") != NULL)
                fail_msg("%s: a name cut in '%s'", queries[k], snip);
        }
        json_decref(j);
    }
}

/* Sends data raw; the one response read into *r, and whether the connection then closed
 * with nothing more sent (1), as bct_wait_closed says. */
static int raw(const char *data, bct_response *r)
{
    memset(r, 0, sizeof *r);
    bct_conn *c = bct_connect(D.port, 5000);
    if (c == NULL)
        fail_msg("no connection");
    if (bct_send_raw(c, data, strlen(data)) != 0 || bct_read_response(c, 0, r) != 0)
        fail_msg("no response to %.60s", data);
    int closed = bct_wait_closed(c, 3000);
    bct_close(c);
    return closed;
}

static void expect_problem(const bct_response *r, int status, const char *code)
{
    if (r->status != status)
        fail_msg("status %d, want %d: %.300s", r->status, status, r->body);
    const char *type = bct_header_get(r, "Content-Type");
    if (type == NULL || strcmp(type, "application/problem+json; charset=utf-8") != 0)
        fail_msg("Content-Type '%s': %.300s", type ? type : "(none)", r->body);
    json_t *j = json_loadb(r->body, r->body_len, 0, NULL);
    if (j == NULL)
        fail_msg("not JSON: %.200s", r->body);
    assert_string_equal(json_string_value(json_object_get(j, "code")), code);
    assert_int_equal(json_integer_value(json_object_get(j, "status")), status);
    json_decref(j);
}

/* F8: a Content-Length libmicrohttpd refuses itself was answered with its status line and
 * headers twice, then its HTML: now one problem, then the connection closes */
static void a_content_length_it_cannot_read_is_one_problem(void **state)
{
    (void)state;
    static const char *const heads[] = {
        "POST /v1/sources HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "GET /v1/meetings HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n",
        "POST /v1/sources HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        bct_response r;
        int closed = raw(heads[i], &r);
        if (i < 2)
            expect_problem(&r, 400, "malformed_header");
        else
            expect_problem(&r, 413, "body_too_large");
        assert_false(r.keep_alive);
        assert_non_null(bct_header_get(&r, "X-Request-Id"));
        if (closed != 1)
            fail_msg("%.40s: more than one answer (%d)", heads[i], closed);
        bct_response_free(&r);
    }
    /* and the daemon serves on */
    json_decref(call("GET", "/v1/meetings?limit=1", NULL, NULL, 200));
}

/* Heads that arrive in pieces, interleaved on the one I/O thread: the refusal answers
 * the request whose Content-Length it is, never another whose head is still coming. */
static void a_refusal_answers_its_own_request(void **state)
{
    (void)state;
    bct_conn *a = bct_connect(D.port, 5000), *b = bct_connect(D.port, 5000);
    assert_non_null(a);
    assert_non_null(b);
    static const char a1[] = "POST /v1/sources HTTP/1.1\r\n";
    static const char b1[] = "GET /v1/meetings/jwg-yunnan-11 HTTP/1.1\r\nHost: x\r\n";
    static const char a2[] = "Host: x\r\nContent-Length: -1\r\n\r\n";
    static const char c1[] = "GET /v1/meetings/jwg-yunnan-12 HTTP/1.1\r\nHost: x\r\n";
    bct_conn *c = bct_connect(D.port, 5000);
    assert_non_null(c);
    assert_int_equal(bct_send_raw(a, a1, sizeof a1 - 1), 0);
    usleep(150000);
    assert_int_equal(bct_send_raw(b, b1, sizeof b1 - 1), 0);
    usleep(150000);
    assert_int_equal(bct_send_raw(a, a2, sizeof a2 - 1), 0);
    usleep(150000);
    assert_int_equal(bct_send_raw(c, c1, sizeof c1 - 1), 0); /* begun after the refusal */
    usleep(150000);
    bct_response r;
    assert_int_equal(bct_read_response(a, 0, &r), 0);
    expect_problem(&r, 400, "malformed_header");
    bct_response_free(&r);
    assert_int_equal(bct_wait_closed(a, 3000), 1);
    static const char end[] = "Connection: close\r\n\r\n";
    const char *ids[] = {"jwg-yunnan-11", "jwg-yunnan-12"};
    bct_conn *rest[] = {b, c};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(bct_send_raw(rest[k], end, sizeof end - 1), 0);
        assert_int_equal(bct_read_response(rest[k], 0, &r), 0);
        assert_int_equal(r.status, 200);
        json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
        assert_string_equal(json_string_value(json_object_get(j, "id")), ids[k]);
        json_decref(j);
        bct_response_free(&r);
    }
    bct_close(a);
    bct_close(b);
    bct_close(c);
}

/* F8: RFC 9112 3.2.2, a server must accept a target in absolute form */
static void an_absolute_target_is_served_by_its_path(void **state)
{
    (void)state;
    bct_response r;
    raw("GET http://example.org/v1/meetings/jwg-yunnan-11 HTTP/1.1\r\nHost: x\r\n"
        "Connection: close\r\n\r\n",
        &r);
    assert_int_equal(r.status, 200);
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    assert_string_equal(json_string_value(json_object_get(j, "id")), "jwg-yunnan-11");
    json_decref(j);
    bct_response_free(&r);
    raw("GET HTTP://example.org:8080/v1/meetings?limit=1&fields=id HTTP/1.1\r\nHost: x\r\n"
        "Connection: close\r\n\r\n",
        &r);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "\"limit\":1"));
    bct_response_free(&r);
    /* no path: the root */
    raw("GET http://example.org HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", &r);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    /* a scheme without a host is no URI: the 400 of a target that is no path */
    raw("GET http:///v1/meetings HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", &r);
    expect_problem(&r, 400, "malformed_target");
    bct_response_free(&r);
}

/* F8: a GET with a body was 413 Content Too Large; nothing is too large, it is a request
 * the resource does not take: 400 */
static void a_get_with_a_body_is_400(void **state)
{
    (void)state;
    bct_response r;
    int closed = raw("GET /v1/meetings HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", &r);
    expect_problem(&r, 400, "body_not_allowed");
    assert_non_null(strstr(r.body, "takes no request body"));
    assert_int_equal(closed, 1);
    bct_response_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(search_follows_the_names_of_a_place),
        cmocka_unit_test(snippets_never_cut_a_chinese_name),
        cmocka_unit_test(a_content_length_it_cannot_read_is_one_problem),
        cmocka_unit_test(a_refusal_answers_its_own_request),
        cmocka_unit_test(an_absolute_target_is_served_by_its_path),
        cmocka_unit_test(a_get_with_a_body_is_400),
    };
    int rc = cmocka_run_group_tests(tests, setup, teardown);
    free((void *)source_id);
    return rc;
}
