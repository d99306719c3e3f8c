/* test_facts.c: the real bordercoopd says what the articles say and no more: inferred
 * fields are marked per field and kept out of filters with ?exact=true. */
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

static bct_daemon D;
static char TMP[64];
static char DB[128];

static int setup(void **state)
{
    (void)state;
    const char *daemon = getenv("BC_DAEMON");
    const char *data = getenv("BC_DATA");
    if (daemon == NULL) {
        fprintf(stderr, "BC_DAEMON must name the bordercoopd binary\n");
        return -1;
    }
    snprintf(TMP, sizeof TMP, "/tmp/bc-facts-XXXXXX");
    if (mkdtemp(TMP) == NULL)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    if (bc_loader_build(data && *data ? data : "data", DB, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    return bct_daemon_start(&D, daemon, DB, NULL, 10000);
}

static int teardown(void **state)
{
    (void)state;
    int status = bct_daemon_stop(&D, 10000);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", TMP);
    if (system(cmd) != 0 || status != 0)
        return -1;
    return 0;
}

/* GET target, expect status, return the JSON body (decref it). */
static json_t *get(const char *target, int status)
{
    bct_response r;
    if (bct_get(D.port, target, NULL, &r) != 0)
        fail_msg("GET %s: no response", target);
    if (r.status != status)
        fail_msg("GET %s: status %d, want %d: %.300s", target, r.status, status, r.body);
    json_error_t je;
    json_t *j = json_loadb(r.body, r.body_len, 0, &je);
    bct_response_free(&r);
    if (j == NULL)
        fail_msg("GET %s: not JSON: %s", target, je.text);
    return j;
}

/* The ids of a list response, comma-joined into buf. */
static const char *ids(const char *target)
{
    static char buf[2048];
    json_t *j = get(target, 200);
    buf[0] = '\0';
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(j, "data"), i, it)
    {
        if (i > 0)
            strncat(buf, ",", sizeof buf - strlen(buf) - 1);
        strncat(buf, json_string_value(json_object_get(it, "id")), sizeof buf - strlen(buf) - 1);
    }
    json_decref(j);
    return buf;
}

/* 1 when the JSON array arr holds the string s. */
static int holds(json_t *arr, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i,
                       v) if (json_is_string(v) && strcmp(json_string_value(v), s) == 0) return 1;
    return 0;
}

/* Every fact document, nested ones included, has an inferred array; a non-empty one comes
 * with a note. */
static void check_inferred(json_t *doc, const char *where)
{
    json_t *inf = json_object_get(doc, "inferred");
    if (!json_is_array(inf))
        fail_msg("%s: no inferred array", where);
    if (json_array_size(inf) > 0 && !json_is_string(json_object_get(doc, "note")))
        fail_msg("%s: inferred without a note", where);
}

static void every_fact_has_an_inferred_list(void **state)
{
    (void)state;
    static const char *const lists[] = {"/v1/meetings",  "/v1/figures", "/v1/border-gate-projects",
                                        "/v1/protocols", "/v1/people",  "/v1/mechanisms"};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        char target[96];
        snprintf(target, sizeof target, "%s?limit=500", lists[l]);
        json_t *j = get(target, 200);
        size_t i, k;
        json_t *doc, *sub;
        json_array_foreach(json_object_get(j, "data"), i, doc)
        {
            check_inferred(doc, lists[l]);
            json_array_foreach(json_object_get(doc, "participants"), k, sub)
                check_inferred(sub, "participant");
            json_array_foreach(json_object_get(doc, "decisions"), k, sub)
                check_inferred(sub, "decision");
            json_array_foreach(json_object_get(doc, "events"), k, sub) check_inferred(sub, "event");
            json_array_foreach(json_object_get(doc, "areas"), k, sub) check_inferred(sub, "area");
        }
        json_decref(j);
    }
}

static void a_year_read_from_the_publication_date_is_marked(void **state)
{
    (void)state;
    json_t *m = get("/v1/meetings/conference-yunnan-5", 200);
    assert_true(holds(json_object_get(m, "inferred"), "date.year"));
    assert_non_null(strstr(json_string_value(json_object_get(m, "note")), "publication date"));
    json_decref(m);
    /* the year filter finds it, unless asked for stated values only */
    assert_non_null(strstr(ids("/v1/meetings?year=2025"), "conference-yunnan-5"));
    assert_null(strstr(ids("/v1/meetings?year=2025&exact=true"), "conference-yunnan-5"));
    assert_non_null(strstr(ids("/v1/meetings?year=2025&exact=false"), "conference-yunnan-5"));
    /* a filter on a stated field is not affected */
    assert_non_null(strstr(ids("/v1/meetings?status=held&exact=true"), "conference-yunnan-5"));
    /* the membership of Ha Giang in 2024 is inferred: a province filter on stated values
     * leaves the 4th conference out */
    assert_non_null(strstr(ids("/v1/meetings?province=ha-giang"), "conference-yunnan-4"));
    assert_null(strstr(ids("/v1/meetings?province=ha-giang&exact=1"), "conference-yunnan-4"));
}

static void exact_is_kept_in_meta_and_links(void **state)
{
    (void)state;
    json_t *j = get("/v1/meetings?year=2025&exact=true&limit=1", 200);
    json_t *f = json_object_get(json_object_get(j, "meta"), "filters");
    assert_true(json_is_true(json_object_get(f, "exact")));
    const char *self = json_string_value(json_object_get(json_object_get(j, "links"), "self"));
    assert_non_null(strstr(self, "exact=true"));
    json_decref(j);
    j = get("/v1/figures?exact=perhaps", 400);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "exact");
    json_decref(j);
    /* resources without inferred facts do not take it */
    j = get("/v1/sources?exact=true", 400);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "unknown_parameter");
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_fact_has_an_inferred_list),
        cmocka_unit_test(a_year_read_from_the_publication_date_is_marked),
        cmocka_unit_test(exact_is_kept_in_meta_and_links),
    };
    return cmocka_run_group_tests_name("facts", tests, setup, teardown);
}
