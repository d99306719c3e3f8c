/* test_findings15_gates.c: the outside analyst15's finding S2-5 against the real daemon: one
 * crossing named with different spellings of Ba Sai ("Basa", "坝洒") in an English and a
 * Chinese article is one reported gate pair, never two; a neutral "crossing" of the same
 * sides is the curated road bridge; a crossing of another place of the province is not. */
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

#define TOKEN "findings15-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

static json_t *call(const char *method, const char *target, const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, AUTH, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int setup(void **state)
{
    (void)state;
    return bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings15") != 0 ||
                   bct_daemon_start_token(&D, DB, TOKEN) != 0
               ? -1
               : 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* Posts text (lang) as a new article; its answer's counts of new crossings and of events of
 * known ones must be projects and events; its source id into src. */
static void post(const char *text, const char *lang, int projects, int events, char *src)
{
    json_t *o =
        json_pack("{s:s,s:s,s:s}", "text", text, "title", "Crossings of Bat Xat", "lang", lang);
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    json_t *x = json_object_get(j, "extracted");
    if (json_integer_value(json_object_get(x, "border_gate_projects")) != projects ||
        json_integer_value(json_object_get(x, "project_events")) != events)
        fail_msg("%s: %lld new crossings, %lld events; want %d, %d", text,
                 (long long)json_integer_value(json_object_get(x, "border_gate_projects")),
                 (long long)json_integer_value(json_object_get(x, "project_events")), projects,
                 events);
    snprintf(src, 200, "%.190s", str(json_object_get(j, "source"), "id"));
    json_decref(j);
}

/* The project the one project event of source belongs to, into pid. */
static void event_project(const char *source, char *pid)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/review?kind=project-events&source=%.300s", source);
    json_t *j = call("GET", target, NULL, 200);
    json_t *data = json_object_get(j, "data");
    if (json_array_size(data) != 1)
        fail_msg("%s: %zu project events, want 1", target, json_array_size(data));
    const char *id = str(json_array_get(data, 0), "id");
    const char *cut = id != NULL ? strstr(id, "-reported") : NULL;
    snprintf(pid, 200, "%.*s", cut ? (int)(cut - id) : 190, id ? id : "");
    json_decref(j);
}

/* The number of extracted projects of the store. */
static size_t extracted_projects(void)
{
    json_t *j = call("GET", "/v1/border-gate-projects?curation=extracted&limit=100", NULL, 200);
    size_t n = json_array_size(json_object_get(j, "data"));
    json_decref(j);
    return n;
}

static void two_spellings_in_two_languages_are_one_crossing(void **state)
{
    (void)state;
    char src[200], pid[200];
    /* a pair named as gates is no bridge: a reported gate pair, named as the store spells
     * Ba Sai */
    post("Crossings of Bat Xat\nOn 3 May 2025 the governors toured the Ban Vuoc–Basa border "
         "gate.",
         "en", 1, 0, src);
    json_t *j =
        call("GET", "/v1/border-gate-projects/ban-vuoc-ba-sai-reported?curation=all", NULL, 200);
    assert_string_equal(str(j, "kind"), "gate_pair");
    assert_string_equal(str(j, "cn_side"), "Ba Sai");
    json_decref(j);
    assert_int_equal(extracted_projects(), 1);
    /* the Chinese article names the same gates by 坝洒 and 板屋: that project, no second */
    post("坝洒口岸\n双方代表考察了坝洒—板屋口岸，并商定加快口岸升级。", "zh", 0, 1, src);
    event_project(src, pid);
    assert_string_equal(pid, "ban-vuoc-ba-sai");
    /* and by 坝洒 alone: the known gates of 坝洒, the side the store records facing 板屋 */
    post("坝洒口岸\n2025年6月8日，两省官员再次来到坝洒口岸。", "zh", 0, 1, src);
    event_project(src, pid);
    assert_string_equal(pid, "ban-vuoc-ba-sai");
    assert_int_equal(extracted_projects(), 1);
    /* a neutral "crossing" of the same sides is the curated road bridge, however spelt */
    post("Crossings of Bat Xat\nThe Ban Vuoc - Basa crossing was discussed on 9 June 2025.", "en",
         0, 1, src);
    event_project(src, pid);
    assert_string_equal(pid, "ban-vuoc-ba-sai-road-bridge");
    /* another crossing of Lao Cai province is not this one */
    post("Crossings of Bat Xat\nOn 10 June 2025 they toured the Muong Khuong - Qiaotou border "
         "gate.",
         "en", 1, 0, src);
    assert_int_equal(extracted_projects(), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_spellings_in_two_languages_are_one_crossing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
