/* test_accesslog.c: access-log lines: the plain and JSON forms field by field, control
 * and non-ASCII bytes escaped, credentials never written (secret-named parameters, API
 * keys, the bootstrap token raw or percent-encoded), and a line longer than the buffer
 * reported by its size. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/accesslog.h"

#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <string.h>

#define SECRET "bootstrap-Token+0123456789/="

static struct sockaddr_in peer4(void)
{
    struct sockaddr_in a = {.sin_family = AF_INET};
    inet_pton(AF_INET, "127.0.0.42", &a.sin_addr);
    return a;
}

static bc_access sample(const char *target, const struct sockaddr *peer)
{
    bc_access a = {.when = {1795000000, 123456789}, /* 2026-11-18T... */
                   .peer = peer,
                   .method = "GET",
                   .target = target,
                   .status = 200,
                   .bytes = 1186,
                   .ms = 20.6144,
                   .id = "5cf80dba00000002",
                   .note = NULL};
    return a;
}

static const char *fmt(int format, const bc_access *a)
{
    static char line[4096];
    size_t n = bc_access_format(line, sizeof line - 1, format, a, SECRET);
    assert_true(n < sizeof line);
    line[n] = '\0';
    assert_int_equal(line[n - 1], '\n');
    return line;
}

static void plain_and_json(void **state)
{
    (void)state;
    struct sockaddr_in p = peer4();
    bc_access a = sample("/v1/meetings?limit=1", (struct sockaddr *)&p);
    assert_string_equal(fmt(BC_ACCESS_PLAIN, &a), "2026-11-18T11:06:40.123Z 127.0.0.42 \"GET "
                                                  "/v1/meetings?limit=1\" 200 1186 20.614ms "
                                                  "id=5cf80dba00000002\n");
    a.note = "shed: slow";
    a.status = 0;
    a.peer = NULL;
    json_t *j = json_loads(fmt(BC_ACCESS_JSON, &a), 0, NULL);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "time")), "2026-11-18T11:06:40.123Z");
    assert_string_equal(json_string_value(json_object_get(j, "remote")), "-");
    assert_string_equal(json_string_value(json_object_get(j, "target")), "/v1/meetings?limit=1");
    assert_int_equal(json_integer_value(json_object_get(j, "status")), 0);
    assert_int_equal(json_integer_value(json_object_get(j, "bytes")), 1186);
    assert_true(json_real_value(json_object_get(j, "duration_ms")) == 20.614);
    assert_string_equal(json_string_value(json_object_get(j, "note")), "shed: slow");
    json_decref(j);
    struct sockaddr_in6 p6 = {.sin6_family = AF_INET6};
    inet_pton(AF_INET6, "::1", &p6.sin6_addr);
    a.peer = (struct sockaddr *)&p6;
    assert_non_null(strstr(fmt(BC_ACCESS_PLAIN, &a), " ::1 \"GET "));
}

static void bytes_are_escaped(void **state)
{
    (void)state;
    bc_access a = sample("/v1/x\"y\\z\x01\xc3\xa9", NULL);
    const char *line = fmt(BC_ACCESS_JSON, &a);
    assert_non_null(strstr(line, "\"target\":\"/v1/x%22y%5Cz%01%C3%A9\""));
    json_t *j = json_loads(line, 0, NULL); /* still one valid JSON object */
    assert_non_null(j);
    json_decref(j);
}

static void credentials_are_never_written(void **state)
{
    (void)state;
    static const struct {
        const char *target, *want;
    } cases[] = {
        {"/v1/meetings?token=abc123&limit=1", "/v1/meetings?token=[redacted]&limit=1"},
        {"/v1/meetings?access_token=abc&api_key=def&Client_Secret=ghi&x=1",
         "/v1/meetings?access_token=[redacted]&api_key=[redacted]&Client_Secret=[redacted]&x=1"},
        {"/v1/meetings?password=hunter2", "/v1/meetings?password=[redacted]"},
        {"/v1/meetings?key=k&sig=s", "/v1/meetings?key=[redacted]&sig=[redacted]"},
        {"/v1/meetings?api%5Fkey=k&Access%5ftoken=t&x=1",
         "/v1/meetings?api%5Fkey=[redacted]&Access%5ftoken=[redacted]&x=1"},
        /* an API key wherever it is */
        {"/v1/meetings?q=bck_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
         "/v1/meetings?q=[redacted]"},
        {"/bck_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG/x", "/[redacted]/x"},
        /* keys percent-encoded, wholly or in part, in either case of hex */
        {"/v1/search?q=%62%63%6B%5F%30%31%32%33%34%35%36%37%38%39abcdefghijklmn&z=1",
         "/v1/search?q=[redacted]&z=1"},
        {"/v1/search?q=bck%5F0123456789abcdefghijklmnop", "/v1/search?q=[redacted]"},
        {"/v1/search?q=bck_0%31%32%33%34%35%36%37%38%39abcdef%2d%5fghij",
         "/v1/search?q=[redacted]"},
        {"/v1/meetings/%62%63%6b%5f0123456789abcdefghijkl/x", "/v1/meetings/[redacted]/x"},
        {"/v1/search?q=%62ck_short%20x", "/v1/search?q=%62ck_short%20x"},
        /* in the middle of a run of plain bytes (the formatter copies such runs whole) */
        {"/v1/search?q=xyzbck_0123456789abcdefghijklmnop&z=1", "/v1/search?q=xyz[redacted]&z=1"},
        {"/v1/meetings?q=abc" SECRET "def", "/v1/meetings?q=abc[redacted]def"},
        /* the bootstrap token, raw or encoded */
        {"/v1/meetings?q=" SECRET, "/v1/meetings?q=[redacted]"},
        {"/v1/meetings?q=bootstrap-Token%2B0123456789%2F%3D&z=1", "/v1/meetings?q=[redacted]&z=1"},
        {"/v1/meetings?q=bootstrap-Token%2b0123456789%2f%3d", "/v1/meetings?q=[redacted]"},
        /* what only looks like them stays */
        {"/v1/meetings?keyword=x&q=bck_short", "/v1/meetings?keyword=x&q=bck_short"},
        {"/v1/meetings?q=bootstrap-Token", "/v1/meetings?q=bootstrap-Token"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_access a = sample(cases[i].target, NULL);
        for (int f = 0; f < 2; f++) {
            const char *line = fmt(f, &a);
            char want[512];
            snprintf(want, sizeof want, f ? "\"target\":\"%s\"" : "\"GET %s\"", cases[i].want);
            if (strstr(line, want) == NULL)
                fail_msg("case %zu: %s does not hold %s", i, line, want);
        }
    }
    /* no secret configured: only names and keys are hidden */
    bc_access a = sample("/x?q=" SECRET "&token=t", NULL);
    char line[512];
    size_t n = bc_access_format(line, sizeof line, BC_ACCESS_PLAIN, &a, NULL);
    line[n] = '\0';
    assert_non_null(strstr(line, "/x?q=bootstrap-Token+0123456789/=&token=[redacted]"));
}

static void a_long_line_tells_its_size(void **state)
{
    (void)state;
    char target[3000];
    memset(target, 'a', sizeof target - 1);
    target[0] = '/';
    target[sizeof target - 1] = '\0';
    bc_access a = sample(target, NULL);
    char small[64];
    size_t need = bc_access_format(small, sizeof small, BC_ACCESS_PLAIN, &a, NULL);
    assert_true(need > 3000);
    char *big = malloc(need);
    assert_int_equal(bc_access_format(big, need, BC_ACCESS_PLAIN, &a, NULL), need);
    assert_int_equal(big[need - 1], '\n');
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_and_json),
        cmocka_unit_test(bytes_are_escaped),
        cmocka_unit_test(credentials_are_never_written),
        cmocka_unit_test(a_long_line_tells_its_size),
    };
    return cmocka_run_group_tests_name("accesslog", tests, NULL, NULL);
}
