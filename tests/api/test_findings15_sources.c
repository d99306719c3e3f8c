/* test_findings15_sources.c: the outside analyst15's N2 against the real daemon. What an
 * article's document embeds under a set is what the facts of the set citing it link to: a
 * curated project an extracted event of an ingested article reaches is no fact of the
 * trusted or curated set, so it is listed only under all and extracted. An article is in a
 * set for its detail exactly when the list of articles under that set lists it. */
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

#define TOKEN          "findings15s-token-0123456789abcdef"
#define PROJECT        "thanh-thuy-thien-bao-border-gates"   /* curated, in data/ */
#define CURATED_SOURCE "baotuyenquang-tuyen-quang-yunnan-pl" /* cites PROJECT */

static bct_daemon D;
static char TMP[64], DB[128];
static char SRC[160]; /* the ingested article */

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

/* In words of our own: one talk and the curated gate pair, whose event it adds. */
static const char TEXT[] =
    "Ha Giang, October 15 - Officials of Ha Giang and Yunnan met in Wenshan on October 14, 2026. "
    "They reviewed the Thanh Thuy - Thien Bao international border gate pair, where more than 300 "
    "trucks clear each day.";

static const char *const SETS[] = {NULL, "trusted", "curated", "reviewed", "extracted", "all"};
#define NSETS (sizeof SETS / sizeof SETS[0])

static json_t *call(const char *method, const char *target, const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, AUTH, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

/* GET target answered with any status: its body as JSON, the status into *status. */
static json_t *get_any(const char *target, int *status)
{
    bct_conn *c = bct_connect(D.port, 10000);
    bct_response r;
    if (c == NULL || bct_request(c, "GET", target, AUTH, NULL, 0, &r) != 0)
        fail_msg("GET %s: no response", target);
    bct_close(c);
    *status = r.status;
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    bct_response_free(&r);
    return j;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings15s") != 0 ||
        bct_daemon_start_token(&D, DB, TOKEN) != 0)
        return -1;
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", TEXT, "title", "Gate pair talk", "lang",
                          "en", "published_on", "2026-10-15");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = bct_call_json(D.port, "POST", "/v1/sources", AUTH, body, 201, NULL);
    free(body);
    if (j == NULL)
        return -1;
    json_t *x = json_object_get(j, "extracted");
    int ok = json_integer_value(json_object_get(x, "project_events")) == 1 &&
             json_integer_value(json_object_get(x, "border_gate_projects")) == 0 &&
             json_integer_value(json_object_get(x, "events")) == 1;
    snprintf(SRC, sizeof SRC, "%s",
             json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_decref(j);
    return ok ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* The ids of list a, each followed by ',', into out. */
static void ids_of(json_t *a, char *out, size_t n)
{
    json_t *e;
    size_t i;
    out[0] = '\0';
    json_array_foreach(a, i, e)
    {
        strncat(out, json_string_value(e) != NULL ? json_string_value(e) : "?",
                n - strlen(out) - 2);
        strcat(out, ",");
    }
}

/* Article id under set (NULL: not asked): its detail's and its list row's projects, events
 * and citations, which must agree; the projects into out ("-" when neither shows it). */
static void projects_under(const char *id, const char *set, char *out, size_t n)
{
    char target[300], a[400], b[400];
    snprintf(target, sizeof target, "/v1/sources/%s%s%s", id, set ? "?curation=" : "",
             set ? set : "");
    int status = 0;
    json_t *d = get_any(target, &status);
    snprintf(target, sizeof target, "/v1/sources?limit=200%s%s", set ? "&curation=" : "",
             set ? set : "");
    json_t *l = call("GET", target, NULL, 200), *row = NULL, *e;
    size_t i;
    json_array_foreach(json_object_get(l, "data"), i, e)
    {
        if (strcmp(json_string_value(json_object_get(e, "id")), id) == 0)
            row = e;
    }
    strcpy(out, "-");
    if (set == NULL) { /* a bare detail serves any article; the default list, the trusted set */
        assert_int_equal(status, 200);
    } else {
        /* the detail is served exactly when the list under the set lists the article */
        assert_int_equal(status, row != NULL ? 200 : 404);
    }
    if (row != NULL || set == NULL) {
        json_t *facts = json_object_get(d, "facts");
        ids_of(json_object_get(facts, "border_gate_projects"), out, n);
        if (row != NULL) {
            json_t *rf = json_object_get(row, "facts");
            ids_of(json_object_get(rf, "border_gate_projects"), a, sizeof a);
            assert_string_equal(out, a);
            ids_of(json_object_get(facts, "events"), a, sizeof a);
            ids_of(json_object_get(rf, "events"), b, sizeof b);
            assert_string_equal(a, b);
            assert_int_equal(json_integer_value(json_object_get(d, "citations")),
                             json_integer_value(json_object_get(row, "citations")));
        }
    }
    json_decref(d);
    json_decref(l);
}

/* Extracted facts alone: the article is in all and extracted, with the curated project
 * its gate pair's event reaches; trusted, curated and reviewed do not hold it, and the
 * bare detail embeds nothing of it. */
static void an_extracted_event_does_not_list_a_curated_project_as_trusted(void **state)
{
    (void)state;
    const char *want[NSETS] = {"", "-", "-", "-", PROJECT ",", PROJECT ","};
    char got[400];
    for (size_t i = 0; i < NSETS; i++) {
        projects_under(SRC, SETS[i], got, sizeof got);
        assert_string_equal(got, want[i]);
    }
}

/* Once its talk is approved the article is in the trusted and reviewed sets, in the list
 * and as a detail alike, with the talk and still without the project its extracted event
 * reaches; all and extracted keep the project. */
static void a_reviewed_fact_puts_the_article_in_its_sets(void **state)
{
    (void)state;
    char target[300], got[400];
    snprintf(target, sizeof target, "/v1/review/events/%s-e1", SRC);
    json_decref(call("POST", target, "{\"action\":\"approve\"}", 200));
    const char *want[NSETS] = {"", "", "-", "", PROJECT ",", PROJECT ","};
    for (size_t i = 0; i < NSETS; i++) {
        projects_under(SRC, SETS[i], got, sizeof got);
        assert_string_equal(got, want[i]);
    }
    snprintf(target, sizeof target, "/v1/sources/%s?curation=trusted", SRC);
    json_t *j = call("GET", target, NULL, 200);
    ids_of(json_object_get(json_object_get(j, "facts"), "events"), got, sizeof got);
    json_decref(j);
    snprintf(target, sizeof target, "%s-e1,", SRC);
    assert_string_equal(got, target);
}

/* Negative: a curated article cited for the project keeps it wherever curated facts are,
 * and is in no set without them, list and detail alike. */
static void a_curated_article_keeps_its_curated_projects(void **state)
{
    (void)state;
    char got[4000];
    for (size_t i = 0; i < NSETS; i++) {
        projects_under(CURATED_SOURCE, SETS[i], got, sizeof got);
        int in = strcmp(got, "-") != 0;
        int curated = SETS[i] == NULL ||
                      (strcmp(SETS[i], "reviewed") != 0 && strcmp(SETS[i], "extracted") != 0);
        assert_int_equal(in, curated);
        if (curated)
            assert_non_null(strstr(got, PROJECT ","));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_extracted_event_does_not_list_a_curated_project_as_trusted),
        cmocka_unit_test(a_reviewed_fact_puts_the_article_in_its_sets),
        cmocka_unit_test(a_curated_article_keeps_its_curated_projects),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
