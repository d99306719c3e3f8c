/* test_rebuild.c: `bordercoop load` over a served store gives back what was served
 * (outside attack 2, finding 1). Live, an article is read against the facts as they are
 * when it comes: a meeting a reviewer has corrected, an article re-dated before it. A
 * rebuild that read every article first and replayed the log after read them against
 * other states, dropped reviewed facts and orphaned their decisions. Here, on the real
 * daemon and CLI: (1) article A's meeting is corrected to 2025, article B then reads the
 * same sentence as talks (an event), which is approved; (2) A comes without a date, B
 * with one and its meeting is approved, then A is re-dated and now links to B's meeting.
 * Each time the export before a load, after it and after a second load are the same
 * bytes, no decision is orphaned, and the daemon serves the reviewed facts as before. */
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

#define BOOT "bootstrap-token-for-the-rebuild-test"

static bct_daemon D;
static char TMP[64], DB[128], KEY[64];

static const char *data_dir(void)
{
    return getenv("BC_DATA") ? getenv("BC_DATA") : "data";
}

/* A fresh store with a review key and the daemon on it. */
static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "rebuild") != 0)
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

/* method target with the review key (body JSON when not NULL), expecting status; the
 * body as JSON (json_decref it). */
static json_t *expect(const char *method, const char *target, const char *body, int status)
{
    const char *headers[3] = {NULL, NULL, NULL};
    char auth[200];
    snprintf(auth, sizeof auth, "Authorization: Bearer %s", KEY);
    headers[0] = auth;
    if (body != NULL)
        headers[1] = "Content-Type: application/json";
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
    bct_response_free(&r);
    return j;
}

/* The report's article: one sentence of a meeting, one of trade (amount in millions). */
static void post_article(const char *title, const char *amount, const char *published_on,
                         char id[200])
{
    char text[400];
    snprintf(text, sizeof text,
             "On 5 March the 15th meeting of the Joint Working Group of Lao Cai and Yunnan was "
             "held in Lao Cai. Trade between Lao Cai and Yunnan reached USD %s million in the "
             "first nine months of 2025.\n",
             amount);
    json_t *o = json_pack("{s:s,s:s,s:s}", "text", text, "lang", "en", "title", title);
    if (published_on != NULL)
        json_object_set_new(o, "published_on", json_string(published_on));
    char *body = json_dumps(o, JSON_COMPACT);
    json_t *j = expect("POST", "/v1/sources", body, 201);
    snprintf(id, 200, "%s", json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_decref(j);
    free(body);
    json_decref(o);
}

/* The store's export (bordercoop export) as text (new, free()). */
static char *export_of(void)
{
    char path[200], args[300];
    snprintf(path, sizeof path, "%s/export.ndjson", TMP);
    snprintf(args, sizeof args, "export --out %s", path);
    char *out = bct_cli_stdout(DB, args);
    assert_non_null(out);
    free(out);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *text = calloc(1, 4 << 20);
    size_t n = fread(text, 1, (4 << 20) - 1, f);
    fclose(f);
    text[n] = '\0';
    return text;
}

/* bordercoop load over the served store: it says no decision was orphaned. */
static void load(void)
{
    char args[300];
    snprintf(args, sizeof args, "load --data %s", data_dir());
    char *out = bct_cli_stdout(DB, args);
    assert_non_null(out);
    if (strstr(out, "(0 orphaned)") == NULL)
        fail_msg("load: %s", out);
    free(out);
}

/* Two loads give back the export of before, byte for byte, and orphan nothing. */
static void loads_give_the_same_store(void)
{
    char *before = export_of();
    load();
    char *once = export_of();
    load();
    char *twice = export_of();
    if (strcmp(before, once) != 0) {
        size_t i = 0;
        while (before[i] == once[i])
            i++;
        fail_msg("the rebuild changed the export at byte %zu: %.300s", i,
                 once + (i > 100 ? i - 100 : 0));
    }
    assert_string_equal(once, twice);
    free(before);
    free(once);
    free(twice);
    json_t *j = expect("GET", "/v1/review/log?status=orphaned", NULL, 200);
    assert_int_equal(json_integer_value(json_object_get(j, "total")), 0);
    json_decref(j);
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s != NULL ? s : "(none)";
}

/* GET path (anonymous is fine for facts): its JSON. */
static json_t *fact(const char *kind, const char *id, const char *suffix)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/%s/%s-%s", kind, id, suffix);
    return expect("GET", target, NULL, 200);
}

/* 1. B is read against A's corrected meeting: talks, approved; a rebuild keeps them */
static void a_correction_read_before_an_article_survives_a_rebuild(void **state)
{
    (void)state;
    char a[200], b[200], target[400];
    post_article("Article A", "11.5", "2026-03-09", a);
    snprintf(target, sizeof target, "/v1/review/meetings/%s-m1", a);
    json_decref(expect("POST", target,
                       "{\"action\":\"edit\",\"fields\":{\"date\":\"2025-03-05\"},\"note\":"
                       "\"wrong year\"}",
                       200));
    post_article("Article B", "12.5", "2026-03-09", b);
    snprintf(target, sizeof target, "/v1/review/events/%s-e1", b);
    json_decref(expect("POST", target, "{\"action\":\"approve\"}", 200));
    loads_give_the_same_store();
    /* served after the rebuilds as before: the approved talks, A's corrected meeting */
    json_t *e = fact("events", b, "e1");
    assert_string_equal(str(e, "curation"), "reviewed");
    json_decref(e);
    json_t *m = fact("meetings", a, "m1");
    assert_string_equal(str(m, "date"), "2025-03-05");
    assert_string_equal(str(m, "curation"), "reviewed");
    json_decref(m);
}

/* 2. A re-dated after B came links to B's meeting; a rebuild keeps the link */
static void a_redating_after_another_article_survives_a_rebuild(void **state)
{
    (void)state;
    char a[200], b[200], target[400];
    post_article("Article A", "11.5", NULL, a);
    post_article("Article B", "12.5", "2026-03-09", b);
    snprintf(target, sizeof target, "/v1/review/meetings/%s-m1", b);
    json_decref(expect("POST", target, "{\"action\":\"approve\"}", 200));
    snprintf(target, sizeof target, "/v1/sources/%s", a);
    json_decref(expect("PATCH", target, "{\"published_on\":\"2026-03-09\"}", 200));
    char want[300];
    snprintf(want, sizeof want, "%s-m1", b);
    json_t *m = fact("meetings", a, "m1");
    assert_string_equal(str(json_object_get(m, "same_as"), "id"), want);
    json_decref(m);
    loads_give_the_same_store();
    m = fact("meetings", a, "m1");
    assert_string_equal(str(json_object_get(m, "same_as"), "id"), want);
    json_decref(m);
    m = fact("meetings", b, "m1");
    assert_string_equal(str(m, "curation"), "reviewed");
    json_decref(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_correction_read_before_an_article_survives_a_rebuild,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_redating_after_another_article_survives_a_rebuild, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("rebuild", tests, NULL, NULL);
}
