/* test_findings.c: the outsider fact-checker's API findings (issue 14) against the real
 * daemon: one CSV cell writer for every CSV, the seven ingest languages as filters,
 * protocols with their curation, names in the articles' languages and ambiguous names,
 * readable search hits of machine-read facts. */
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

#define TOKEN "findings-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];

/* a French article (the seventh ingest language) whose title a spreadsheet would run */
static const char FR_TITLE[] = "=HYPERLINK(\"http://example.invalid\",\"Lao Cai\") zephyrine";
static const char FR_TEXT[] =
    "Le 12 mars 2026, la province de Lao Cai et le Yunnan ont tenu une réunion à Hekou sur "
    "la coopération frontalière zephyrine.\n\n"
    "Les deux parties ont examiné le commerce transfrontalier zephyrine et les postes "
    "frontaliers de la région, ainsi que le tourisme et les transports.\n\n"
    "Elles ont aussi parlé de formation zephyrine, de santé et de culture entre les "
    "localités des deux pays voisins.\n";

static int setup(void **state)
{
    (void)state;
    snprintf(TMP, sizeof TMP, "/tmp/bc-findings-XXXXXX");
    if (mkdtemp(TMP) == NULL)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    const char *data = getenv("BC_DATA") && *getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    if (bc_loader_build(data, DB, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    setenv("BORDERCOOP_API_TOKEN", TOKEN, 1);
    int rc = bct_daemon_start(&D, getenv("BC_DAEMON"), DB, NULL, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    if (rc != 0)
        return -1;
    /* the French article, ingested once for every test */
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", FR_TEXT, "lang", "fr", "title", FR_TITLE,
                          "published_on", "2026-03-13");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    const char *h[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json", NULL};
    bct_conn *c = bct_connect(D.port, 10000);
    bct_response r;
    rc = c != NULL ? bct_request(c, "POST", "/v1/sources", h, body, strlen(body), &r) : -1;
    free(body);
    if (c != NULL)
        bct_close(c);
    if (rc != 0 || r.status != 201) {
        fprintf(stderr, "ingesting the French article: %d %.300s\n", rc == 0 ? r.status : -1,
                rc == 0 ? r.body : "");
        return -1;
    }
    bct_response_free(&r);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    int a = bct_daemon_stop(&D, 10000);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", TMP);
    return system(cmd) != 0 || a != 0 ? -1 : 0;
}

static void fetch(const char *target, int status, bct_response *out)
{
    if (bct_get(D.port, target, NULL, out) != 0)
        fail_msg("GET %s: no response", target);
    if (out->status != status)
        fail_msg("GET %s: status %d, want %d: %.300s", target, out->status, status, out->body);
}

static json_t *get(const char *target, int status)
{
    bct_response r;
    fetch(target, status, &r);
    json_error_t je;
    json_t *j = json_loadb(r.body, r.body_len, 0, &je);
    bct_response_free(&r);
    if (j == NULL)
        fail_msg("GET %s: not JSON: %s", target, je.text);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        fail_msg("'%s' is not a string", key);
    return json_string_value(v);
}

static long total(json_t *j)
{
    return (long)json_integer_value(json_object_get(json_object_get(j, "meta"), "total"));
}

/* item 11: search CSV and list CSV write a formula-like cell the same way: the ' inside
 * the quotes, so the field, unquoted, starts with ' */
static void one_csv_cell_writer(void **state)
{
    (void)state;
    static const char want[] = "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"Lao Cai\"\") "
                               "zephyrine\"";
    const char *targets[] = {"/v1/search?q=zephyrine&type=source&curation=all&format=csv",
                             "/v1/sources?lang=fr&curation=all&format=csv&fields=id,title"};
    for (size_t i = 0; i < 2; i++) {
        bct_response r;
        fetch(targets[i], 200, &r);
        if (strstr(r.body, want) == NULL)
            fail_msg("%s: no neutralised title cell in: %.600s", targets[i], r.body);
        assert_null(strstr(r.body, "'\"="));
        bct_response_free(&r);
    }
}

/* item 13: every language the ingest reads is a filter of /v1/sources and /v1/search */
static void every_ingest_language_filters(void **state)
{
    (void)state;
    json_t *j = get("/v1/sources?lang=fr&curation=all&total=true", 200);
    assert_int_equal(total(j), 1);
    json_decref(j);
    const char *search[] = {"/v1/search?q=zephyrine&lang=fr&curation=all&total=true",
                            "/v1/search?q=zephyrine&lang=FR&curation=all&total=true"};
    for (size_t i = 0; i < 2; i++) {
        j = get(search[i], 200);
        assert_true(total(j) >= 1);
        assert_string_equal(str(json_object_get(json_object_get(j, "meta"), "filters"), "lang"),
                            "fr");
        json_decref(j);
    }
    j = get("/v1/search?q=zephyrine&lang=pl&curation=all&total=true", 200);
    assert_int_equal(total(j), 0);
    json_decref(j);
    j = get("/v1/search?q=Yunnan&lang=de", 400);
    assert_non_null(strstr(str(j, "detail"), "allowed: en, fr, nl, pl, sv, vi, zh"));
    json_decref(j);
    j = get("/v1/sources?lang=de", 400);
    assert_non_null(strstr(str(j, "detail"), "en, fr, nl, pl, sv, vi, zh"));
    json_decref(j);
}

/* item 12: protocols carry their curation, filter and facet on it like the other facts */
static void protocols_carry_curation(void **state)
{
    (void)state;
    json_t *j = get("/v1/protocols/conference-yunnan-5-protocol", 200);
    assert_string_equal(str(j, "curation"), "curated");
    json_decref(j);
    j = get("/v1/protocols?facets=curation&limit=1&fields=title", 200);
    json_t *facet =
        json_object_get(json_object_get(json_object_get(j, "meta"), "facets"), "curation");
    assert_int_equal(json_array_size(facet), 1);
    assert_string_equal(str(json_array_get(facet, 0), "value"), "curated");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(facet, 0), "count")),
                     total(j));
    json_decref(j);
    j = get("/v1/protocols?curation=extracted&total=true", 200);
    assert_int_equal(total(j), 0);
    json_decref(j);
    bct_response r;
    fetch("/v1/protocols?format=csv&fields=id,curation&limit=1", 200, &r);
    assert_non_null(strstr(r.body, "id,curation\r\n"));
    assert_non_null(strstr(r.body, ",curated\r\n"));
    bct_response_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_csv_cell_writer),
        cmocka_unit_test(every_ingest_language_filters),
        cmocka_unit_test(protocols_carry_curation),
    };
    return cmocka_run_group_tests_name("findings", tests, setup, teardown);
}
