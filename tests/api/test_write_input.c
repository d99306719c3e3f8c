/* test_write_input.c: the low findings of outside attack 2 (finding 8) on the write paths,
 * against the real daemon: a bad path on a write route is a 400 or 404 naming the path,
 * not 413 "takes no request body"; a declared charset other than UTF-8 is a 415; the
 * review log's unknown kind lists every kind (keys and sources too); a url with a space
 * and a title with a bidirectional override are 400s naming the field; an escaped NUL is
 * refused without naming the parser's flag; a project event's description set to null
 * is a 400 naming it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOOT "bootstrap-token-for-the-write-input-test"

static bct_daemon D;
static char TMP[64], DB[128], KEY[64];

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "write-input") != 0)
        return -1;
    unsetenv("BORDERCOOP_KEY");
    if (bct_key_add(DB, "rita", "review", KEY, sizeof KEY) != 0)
        return -1;
    return bct_daemon_start_token(&D, DB, BOOT);
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* method target with the review key and body (content type ct, NULL: application/json);
 * expects status and, when not NULL, a problem whose code is code and whose detail holds
 * want. The body as JSON (json_decref it). */
static json_t *expect(const char *method, const char *target, const char *body, const char *ct,
                      int status, const char *code, const char *want)
{
    char auth[200], type[200];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", KEY);
    snprintf(type, sizeof type, "Content-Type: %s", ct ? ct : "application/json");
    const char *headers[3] = {auth, body ? type : NULL, NULL};
    bct_conn *c = bct_connect(D.port, 20000);
    assert_non_null(c);
    bct_response r;
    assert_int_equal(bct_request(c, method, target, headers, body, body ? strlen(body) : 0, &r), 0);
    bct_close(c);
    if (r.status != status)
        fail_msg("%s %s: %d, want %d: %.600s", method, target, r.status, status, r.body);
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON: %.300s", method, target, r.body);
    const char *detail = json_string_value(json_object_get(j, "detail"));
    if (code != NULL && strcmp(json_string_value(json_object_get(j, "code")), code) != 0)
        fail_msg("%s %s: code %s, want %s", method, target,
                 json_string_value(json_object_get(j, "code")), code);
    if (want != NULL && (detail == NULL || strstr(detail, want) == NULL))
        fail_msg("%s %s: detail '%s' lacks '%s'", method, target, detail ? detail : "(none)", want);
    bct_response_free(&r);
    return j;
}

static void bad_paths_on_write_routes_name_the_path(void **state)
{
    (void)state;
    const char *d = "{\"action\":\"approve\"}";
    json_decref(
        expect("POST", "/v1/review/figures/%00abc", d, NULL, 400, "malformed_path", "encoded NUL"));
    json_decref(expect("POST", "/v1/review/figures/%FF", d, NULL, 400, "malformed_path", "UTF-8"));
    /* an encoded slash is part of the id, never a separator (analyst 8, finding 14) */
    json_decref(expect("POST", "/v1/review/figures/..%2F..%2Fetc", d, NULL, 404, "not_found",
                       "..%2F..%2Fetc"));
    json_decref(expect("PATCH", "/v1/sources/some-article/", "{\"published_on\":null}", NULL, 404,
                       "not_found", "drop the trailing '/'"));
    json_decref(
        expect("POST", "/v1/no-such-thing", d, NULL, 404, "not_found", "/v1/no-such-thing"));
}

static void only_utf8_bodies_are_read(void **state)
{
    (void)state;
    const char *body = "{\"text\":\"Lao Cai and Yunnan held talks on border trade in Hekou.\","
                       "\"lang\":\"en\"}";
    json_decref(expect("POST", "/v1/sources", body, "application/json; charset=iso-8859-1", 415,
                       "unsupported_media_type", "charset utf-8"));
    json_decref(expect("POST", "/v1/review/figures/x", "{\"action\":\"approve\"}",
                       "application/json; charset=latin1", 415, "unsupported_media_type", NULL));
    /* UTF-8, however written, is read */
    json_t *made =
        expect("POST", "/v1/sources", body, "application/json; charset=\"UTF-8\"", 201, NULL, NULL);
    char target[300];
    snprintf(target, sizeof target, "/v1/sources/%s",
             json_string_value(json_object_get(json_object_get(made, "source"), "id")));
    json_decref(made);
    json_decref(expect("PATCH", target, "{\"published_on\":null}",
                       "application/merge-patch+json; charset=windows-1252", 415,
                       "unsupported_media_type", "charset utf-8"));
    /* an escaped NUL: said plainly */
    json_t *j = expect("POST", "/v1/sources", "{\"text\":\"a\\u0000b\"}", NULL, 400,
                       "malformed_json", "\\u0000 is not allowed in text");
    char *text = json_dumps(j, 0);
    assert_null(strstr(text, "JSON_ALLOW_NUL"));
    free(text);
    json_decref(j);
}

static void ingest_metadata_is_plain_text(void **state)
{
    (void)state;
    json_decref(expect("POST", "/v1/sources",
                       "{\"text\":\"Lao Cai and Yunnan discussed the border gate at Kim Thanh.\","
                       "\"lang\":\"en\",\"url\":\"http://a b\"}",
                       NULL, 400, "invalid_field", "url holds a space"));
    json_t *j = expect("POST", "/v1/sources",
                       "{\"text\":\"Lao Cai and Yunnan discussed the border gate at Kim Thanh.\","
                       "\"lang\":\"en\",\"title\":\"gate \\u202edrowssap\"}",
                       NULL, 400, "invalid_field", "invisible formatting character");
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "title");
    json_decref(j);
    /* a line separator is a line break inside the one-line title, and the refusal says
     * so (outsider 8, L1) */
    j = expect("POST", "/v1/sources",
               "{\"text\":\"Lao Cai and Yunnan discussed the border gate at Kim Thanh.\","
               "\"lang\":\"en\",\"title\":\"gate\\u2028talks\"}",
               NULL, 400, "invalid_field", "U+2028, a line separator");
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "title");
    json_decref(j);
    /* lang null is lang left out: the language is detected and the answer says so */
    j = expect("POST", "/v1/sources",
               "{\"text\":\"Trade between Lao Cai and Yunnan reached 5.1 billion USD in 2024, "
               "and the two provinces agreed to open the Kim Thanh border gate to more trucks "
               "and to speed up customs clearance for farm produce.\",\"lang\":null}",
               NULL, 201, NULL, NULL);
    json_t *lang = json_object_get(j, "lang");
    assert_string_equal(json_string_value(json_object_get(lang, "code")), "en");
    assert_true(json_is_true(json_object_get(lang, "detected")));
    json_decref(j);
}

static void the_review_log_lists_every_kind(void **state)
{
    (void)state;
    json_t *j = expect("GET", "/v1/review/log?kind=nope", NULL, NULL, 400, "invalid_parameter",
                       "figures, meetings, border-gate-projects, events, project-events, keys, "
                       "sources");
    json_decref(j);
    /* the queue takes no keys or sources: not listed there */
    j = expect("GET", "/v1/review?kind=nope", NULL, NULL, 400, "invalid_parameter", NULL);
    assert_null(strstr(json_string_value(json_object_get(j, "detail")), "keys"));
    json_decref(j);
}

static void a_required_description_is_named(void **state)
{
    (void)state;
    json_t *j =
        expect("POST", "/v1/sources",
               "{\"text\":\"Quang Ninh border trade\\n\\nOn March 17, more than 900 trucks a "
               "day crossed the Mong Cai - Dongxing border gate pair, officials said.\\n\","
               "\"lang\":\"en\",\"published_on\":\"2026-03-19\"}",
               NULL, 201, NULL, NULL);
    json_decref(j);
    j = expect("GET", "/v1/review?kind=project-events&limit=1", NULL, NULL, 200, NULL, NULL);
    json_t *item = json_array_get(json_object_get(j, "data"), 0);
    assert_non_null(item);
    char target[400];
    snprintf(target, sizeof target, "/v1/review/project-events/%s",
             json_string_value(json_object_get(item, "id")));
    json_decref(j);
    j = expect("POST", target, "{\"action\":\"edit\",\"fields\":{\"description\":null}}", NULL, 400,
               "invalid_field", "is required");
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "fields.description");
    json_decref(j);
    j = expect("POST", target, "{\"action\":\"edit\",\"fields\":{\"description\":\"a\\u202eb\"}}",
               NULL, 400, "invalid_field", "invisible");
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_paths_on_write_routes_name_the_path),
        cmocka_unit_test(only_utf8_bodies_are_read),
        cmocka_unit_test(ingest_metadata_is_plain_text),
        cmocka_unit_test(the_review_log_lists_every_kind),
        cmocka_unit_test(a_required_description_is_named),
    };
    return cmocka_run_group_tests_name("write_input", tests, setup, teardown);
}
