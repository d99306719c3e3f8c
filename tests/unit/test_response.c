/* test_response.c: responses and RFC 9457 problem details: the problem body must be
 * valid JSON (checked with jansson) whatever the detail contains; headers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/err.h"
#include "bordercoop/response.h"
#include "bordercoop/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bc_response res;

static int setup(void **state)
{
    (void)state;
    bc_response_init(&res);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    bc_response_free(&res);
    return 0;
}

/* Parses the body as a JSON object; fails the test if it is not one. */
static json_t *body_json(const bc_response *r)
{
    assert_false(bc_buf_failed(&r->body));
    assert_non_null(r->body.data);
    assert_int_equal(strlen(r->body.data), r->body.len);
    json_error_t jerr;
    json_t *j = json_loads(r->body.data, 0, &jerr);
    if (j == NULL)
        fail_msg("body is not JSON (%s): %s", jerr.text, r->body.data);
    if (!json_is_object(j)) {
        json_decref(j);
        fail_msg("body is not a JSON object: %s", r->body.data);
    }
    return j;
}

static const char *str_member(json_t *j, const char *key)
{
    json_t *v = json_object_get(j, key);
    if (!json_is_string(v))
        fail_msg("member '%s' is missing or not a string", key);
    return json_string_value(v);
}

static void init_and_free(void **state)
{
    (void)state;
    bc_response r;
    memset(&r, 0x5a, sizeof r);
    bc_response_init(&r);
    assert_int_equal(r.status, 200);
    assert_string_equal(r.content_type, "application/json");
    assert_int_equal(r.body.len, 0);
    assert_false(bc_buf_failed(&r.body));
    assert_int_equal(r.nheaders, 0);
    assert_string_equal(r.log_note, "");
    bc_buf_puts(&r.body, "{}");
    bc_response_free(&r);
    bc_response_free(NULL);
}

static void problem_fields(void **state)
{
    (void)state;
    int rc = bc_problem(&res, 404, "not_found", "id", "no %s with id '%s'", "meeting", "m-1");
    assert_int_equal(rc, 404);
    assert_int_equal(res.status, 404);
    assert_string_equal(res.content_type, "application/problem+json");
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "type"), "about:blank");
    assert_string_equal(str_member(j, "title"), "Not Found");
    json_t *status = json_object_get(j, "status");
    assert_true(json_is_integer(status));
    assert_int_equal(json_integer_value(status), 404);
    assert_string_equal(str_member(j, "detail"), "no meeting with id 'm-1'");
    assert_string_equal(str_member(j, "code"), "not_found");
    assert_string_equal(str_member(j, "parameter"), "id");
    assert_int_equal(json_object_size(j), 6);
    json_decref(j);
}

static void problem_without_parameter(void **state)
{
    (void)state;
    assert_int_equal(bc_problem(&res, 500, "internal_error", NULL, "out of memory"), 500);
    json_t *j = body_json(&res);
    assert_null(json_object_get(j, "parameter"));
    assert_int_equal(json_object_size(j), 5);
    assert_string_equal(str_member(j, "title"), "Internal Server Error");
    assert_int_equal(json_integer_value(json_object_get(j, "status")), 500);
    assert_string_equal(str_member(j, "detail"), "out of memory");
    assert_string_equal(str_member(j, "code"), "internal_error");
    json_decref(j);
    assert_null(strstr(res.body.data, "parameter"));
}

/* a server-side failure: the cause goes to the access log's note, never to the client */
static void problem_internal_hides_the_cause(void **state)
{
    (void)state;
    assert_int_equal(bc_problem_internal(&res, "disk I/O error in /srv/store.db",
                                         "the %s could not be read", "series"),
                     500);
    assert_string_equal(res.log_note, "disk I/O error in /srv/store.db");
    assert_string_equal(res.content_type, "application/problem+json");
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "code"), "internal_error");
    assert_string_equal(str_member(j, "detail"), "the series could not be read");
    json_decref(j);
    assert_null(strstr(res.body.data, "disk"));
    /* no cause: the note is left as it was */
    assert_int_equal(bc_problem_internal(&res, NULL, "out of memory"), 500);
    assert_string_equal(res.log_note, "disk I/O error in /srv/store.db");
}

static void problem_detail_with_quotes_and_controls(void **state)
{
    (void)state;
    /* quotes and backslashes round-trip; control characters are shown by their code
     * points, so a detail never breaks a line where the client shows it */
    const char *input = "say \"hi\" \\ back\nslash\ttab\x01\x1f end\x7f";
    bc_problem(&res, 400, "invalid_parameter", "q", "bad value '%s'", input);
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "detail"), "bad value 'say \"hi\" \\ back<U+000A>slash"
                                                 "<U+0009>tab<U+0001><U+001F> end<U+007F>'");
    json_decref(j);

    /* invisible formatting characters (analyst 8, finding 17): a right-to-left override,
     * an isolate, a zero-width space, U+2028, U+FEFF and a C1 control are never echoed
     * as themselves; other scripts are */
    bc_problem(&res, 404, "not_found", "\xe2\x80\xaep", "no meeting '%s'",
               "\xe2\x80\xae"
               "abc\xe2\x81\xa6\xe2\x80\x8b\xe2\x80\xa8\xef\xbb\xbf\xc2\x85"
               "V\xc3\xa2n \xe4\xba\x91");
    j = body_json(&res);
    assert_string_equal(str_member(j, "detail"),
                        "no meeting '<U+202E>abc<U+2066><U+200B><U+2028><U+FEFF><U+0085>"
                        "V\xc3\xa2n \xe4\xba\x91'");
    assert_string_equal(str_member(j, "parameter"), "<U+202E>p");
    assert_null(strstr(res.body.data, "\xe2\x80\xae"));
    json_decref(j);

    /* code and parameter are escaped too */
    bc_problem(&res, 400, "odd\"code", "pa\"ram\\", "x");
    j = body_json(&res);
    assert_string_equal(str_member(j, "code"), "odd\"code");
    assert_string_equal(str_member(j, "parameter"), "pa\"ram\\");
    json_decref(j);
}

/* A key pasted where a name belongs never comes back in a problem detail (nor as the
 * parameter): it is [redacted]; text that only starts like a key is left alone. */
static void problem_detail_hides_keys(void **state)
{
    (void)state;
    const char *key = "bck_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_xyzXYZ";
    bc_problem(&res, 404, "not_found", NULL, "no meeting with id or name '%s'", key);
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "detail"), "no meeting with id or name '[redacted]'");
    json_decref(j);
    bc_problem(&res, 400, "invalid_parameter", "province", "unknown province '%s' or '%s'; bck_x",
               key, key);
    j = body_json(&res);
    assert_string_equal(str_member(j, "detail"),
                        "unknown province '[redacted]' or '[redacted]'; bck_x");
    json_decref(j);
    bc_problem(&res, 400, "unknown_parameter", key, "unknown parameter");
    j = body_json(&res);
    assert_null(json_object_get(j, "parameter"));
    assert_null(strstr(res.body.data, "bck_AbCd"));
    json_decref(j);
}

/* More members come after the standard ones, inside the one object; none is the plain
 * problem. */
static void problem_with_members(void **state)
{
    (void)state;
    bc_problem_ext(&res, 404, "ambiguous_name", NULL, "\"candidates\":[{\"id\":\"a\"}],\"n\":1",
                   "'%s' names no single meeting", "x");
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "code"), "ambiguous_name");
    assert_string_equal(str_member(j, "detail"), "'x' names no single meeting");
    assert_int_equal(json_integer_value(json_object_get(j, "status")), 404);
    json_t *c = json_object_get(j, "candidates");
    assert_true(json_is_array(c));
    assert_string_equal(json_string_value(json_object_get(json_array_get(c, 0), "id")), "a");
    assert_int_equal(json_integer_value(json_object_get(j, "n")), 1);
    json_decref(j);
    /* the parameter stays, and NULL or "" adds nothing */
    for (int i = 0; i < 2; i++) {
        bc_problem_ext(&res, 403, "insufficient_role", "key", i ? "" : NULL, "no");
        j = body_json(&res);
        assert_string_equal(str_member(j, "parameter"), "key");
        assert_int_equal(json_object_size(j), 6);
        json_decref(j);
    }
    /* a key in the detail is still hidden */
    bc_problem_ext(&res, 403, "insufficient_role", NULL, "\"required_role\":\"review\"",
                   "the key bck_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_xyzXYZ is not enough");
    j = body_json(&res);
    assert_null(strstr(str_member(j, "detail"), "bck_AbCd"));
    assert_string_equal(str_member(j, "required_role"), "review");
    json_decref(j);
}

static void problem_detail_with_invalid_utf8(void **state)
{
    (void)state;
    const char *bad[] = {"\xFF\xFE", "L\xC3", "\xC0\x80", "\xED\xA0\x80", "ok \xE4\xBA q\"uote"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        bc_problem(&res, 404, "not_found", "id", "no meeting with id '%s' here", bad[i]);
        json_t *j = body_json(&res); /* jansson rejects invalid UTF-8 */
        const char *d = str_member(j, "detail");
        assert_true(bc_utf8_valid(d, strlen(d)));
        assert_memory_equal(d, "no meeting with id '", 20);
        assert_non_null(strstr(d, "' here"));
        json_decref(j);
    }
}

static void problem_detail_keeps_valid_utf8(void **state)
{
    (void)state;
    bc_problem(&res, 404, "not_found", NULL, "no province '%s'", "Lào Cai 云南 😀");
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "detail"), "no province 'Lào Cai 云南 😀'");
    json_decref(j);
}

static void problem_long_detail(void **state)
{
    (void)state;
    /* longer than the detail buffer, with a 3-byte character cut at the limit */
    char big[3000];
    size_t n = 0;
    while (n + 3 < sizeof big) {
        memcpy(big + n, "\xE4\xBA\x91", 3);
        n += 3;
    }
    big[n] = '\0';
    for (int shift = 0; shift < 3; shift++) {
        bc_problem(&res, 400, "invalid_parameter", "name", "%.*s%s", shift, "xx", big);
        json_t *j = body_json(&res);
        const char *d = str_member(j, "detail");
        assert_true(strlen(d) > 900);
        assert_true(strlen(d) < 1024);
        json_decref(j);
    }
    /* and a long plain detail full of characters that need escaping */
    memset(big, '"', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    bc_problem(&res, 400, "invalid_parameter", "name", "%s", big);
    json_t *j = body_json(&res);
    assert_true(strlen(str_member(j, "detail")) > 900);
    json_decref(j);
}

static void problem_replaces_body(void **state)
{
    (void)state;
    res.status = 200;
    bc_buf_puts(&res.body, "{\"data\":[1,2,3]");
    bc_problem(&res, 400, "first", NULL, "first");
    bc_problem(&res, 409, "conflict", "id", "second");
    assert_int_equal(res.status, 409);
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "title"), "Conflict");
    assert_string_equal(str_member(j, "code"), "conflict");
    assert_null(json_object_get(j, "data"));
    json_decref(j);
}

static void problem_titles(void **state)
{
    (void)state;
    static const struct {
        int status;
        const char *title;
    } v[] = {
        {400, "Bad Request"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {406, "Not Acceptable"},
        {409, "Conflict"},
        {413, "Content Too Large"},
        {414, "URI Too Long"},
        {415, "Unsupported Media Type"},
        {500, "Internal Server Error"},
        {503, "Service Unavailable"},
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        assert_string_equal(bc_status_title(v[i].status), v[i].title);
        bc_problem(&res, v[i].status, "c", NULL, "d");
        json_t *j = body_json(&res);
        assert_string_equal(str_member(j, "title"), v[i].title);
        assert_int_equal(json_integer_value(json_object_get(j, "status")), v[i].status);
        json_decref(j);
    }
    assert_string_equal(bc_status_title(200), "OK");
    /* an unlisted status still gets a title and valid JSON */
    const char *t = bc_status_title(418);
    assert_non_null(t);
    assert_true(strlen(t) > 0);
    bc_problem(&res, 418, "teapot", NULL, "short and stout");
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "title"), t);
    json_decref(j);
}

static void problem_under_allocation_failure(void **state)
{
    (void)state;
    bc_alloc_fail_after(0);
    int rc = bc_problem(&res, 404, "not_found", "id", "no meeting '%s'", "x");
    bc_alloc_fail_reset();
    assert_int_equal(rc, 404);
    assert_int_equal(res.status, 404);
    assert_true(bc_buf_failed(&res.body)); /* the caller can see the body is unusable */
    /* a later problem on the same response works */
    bc_problem(&res, 500, "internal_error", NULL, "out of memory");
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "code"), "internal_error");
    json_decref(j);
}

/* A body that has room (a response half built when memory ran out) still says what the
 * problem is: the detail is written as it is, bytes outside printable ASCII as '?', when
 * showing its invisible characters cannot allocate (an ingest's "was stored as" came out
 * as an empty detail, read as "nothing was written"). */
static void problem_detail_survives_allocation_failure(void **state)
{
    (void)state;
    for (int i = 0; i < 64; i++)
        bc_buf_puts(&res.body, "{\"some\":\"half-built answer that left room\"}");
    assert_false(bc_buf_failed(&res.body));
    bc_alloc_fail_after(0);
    bc_problem_internal(&res, NULL, "the article was stored as %s but could not be read back",
                        "art\xe2\x80\xae-1");
    bc_alloc_fail_reset();
    json_t *j = body_json(&res);
    assert_string_equal(str_member(j, "detail"), "the article was stored as art??"
                                                 "?-1 but could not be read back");
    json_decref(j);
    /* with memory, the invisible character is shown by its code point */
    bc_problem_internal(&res, NULL, "stored as %s", "art\xe2\x80\xae-1");
    j = body_json(&res);
    assert_string_equal(str_member(j, "detail"), "stored as art<U+202E>-1");
    json_decref(j);
}

static void headers_case_insensitive(void **state)
{
    (void)state;
    bc_response_header(&res, "Cache-Control", "max-age=%d", 60);
    bc_response_header(&res, "ETag", "\"%s\"", "abc123");
    bc_response_header(&res, "Link", "<%s>; rel=\"next\"", "/v1/meetings?after=x");
    assert_int_equal(res.nheaders, 3);
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "max-age=60");
    assert_string_equal(bc_response_header_get(&res, "cache-control"), "max-age=60");
    assert_string_equal(bc_response_header_get(&res, "CACHE-CONTROL"), "max-age=60");
    assert_string_equal(bc_response_header_get(&res, "etag"), "\"abc123\"");
    assert_string_equal(bc_response_header_get(&res, "link"),
                        "</v1/meetings?after=x>; rel=\"next\"");
    assert_null(bc_response_header_get(&res, "Location"));
    assert_null(bc_response_header_get(&res, "Cache"));
    assert_null(bc_response_header_get(&res, "Cache-Control2"));
    assert_null(bc_response_header_get(&res, ""));
    /* the first of two with the same name */
    bc_response_header(&res, "cache-control", "no-store");
    assert_string_equal(bc_response_header_get(&res, "Cache-Control"), "max-age=60");
}

/* a value is never cut, however long (a Link header with two long cursors) */
static void header_value_is_never_cut(void **state)
{
    (void)state;
    static char big[20000];
    memset(big, 'v', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(bc_response_header(&res, "X-Big", "<%s>; rel=\"next\"", big), 0);
    const char *v = bc_response_header_get(&res, "x-big");
    assert_non_null(v);
    assert_int_equal(strlen(v), strlen(big) + strlen("<>; rel=\"next\""));
    assert_non_null(strstr(v, "rel=\"next\""));
    /* a name that does not fit is refused, not cut */
    assert_int_equal(bc_response_header(&res, "X-A-Header-Name-Longer-Than-Forty-Bytes-Here", "1"),
                     BC_ETOOBIG);
    /* out of memory: nothing added, nothing cut */
    int before = res.nheaders;
    bc_alloc_fail_after(0);
    assert_int_equal(bc_response_header(&res, "X-Oom", "value"), BC_ENOMEM);
    bc_alloc_fail_reset();
    assert_int_equal(res.nheaders, before);
    assert_null(bc_response_header_get(&res, "X-Oom"));
}

static void header_limit(void **state)
{
    (void)state;
    char name[32];
    for (int i = 0; i < BC_RESPONSE_MAX_HEADERS; i++) {
        snprintf(name, sizeof name, "X-H%d", i);
        bc_response_header(&res, name, "%d", i);
    }
    assert_int_equal(res.nheaders, BC_RESPONSE_MAX_HEADERS);
    assert_int_equal(bc_response_header(&res, "X-Over", "ignored"), BC_ETOOBIG);
    bc_response_header(&res, "X-Over2", "ignored");
    assert_int_equal(res.nheaders, BC_RESPONSE_MAX_HEADERS);
    assert_null(bc_response_header_get(&res, "X-Over"));
    for (int i = 0; i < BC_RESPONSE_MAX_HEADERS; i++) {
        snprintf(name, sizeof name, "x-h%d", i);
        const char *v = bc_response_header_get(&res, name);
        assert_non_null(v);
        assert_int_equal(atoi(v), i);
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_and_free),
        T(problem_fields),
        T(problem_without_parameter),
        T(problem_internal_hides_the_cause),
        T(problem_detail_with_quotes_and_controls),
        T(problem_detail_hides_keys),
        T(problem_with_members),
        T(problem_detail_with_invalid_utf8),
        T(problem_detail_keeps_valid_utf8),
        T(problem_long_detail),
        T(problem_replaces_body),
        T(problem_titles),
        T(problem_under_allocation_failure),
        T(problem_detail_survives_allocation_failure),
        T(headers_case_insensitive),
        T(header_value_is_never_cut),
        T(header_limit),
    };
#undef T
    return cmocka_run_group_tests_name("response", tests, NULL, NULL);
}
