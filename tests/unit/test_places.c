/* test_places.c: the reference data of places loads with every point in range and
 * referenced, every crossing side is either located or listed as unlocated, and each
 * kind of bad entry is refused with "file: path: what is wrong". */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/places.h"

#include "fixture.h"

static int load(const char *dir, bc_err *err)
{
    bc_store *s = NULL;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, err), 0);
    int rc = bc_loader_fill(s, dir, NULL, err);
    bc_store_close(s);
    return rc;
}

static void expect_failure(const char *dir, const char *want)
{
    bc_err err;
    int rc = load(dir, &err);
    if (rc != BC_EINVAL || strstr(err.msg, want) == NULL)
        fail_msg("expected '%s', got code %d: %s", want, rc, err.msg);
}

static long long count(bc_store *s, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void every_province_has_a_seat_with_a_reference(void **state)
{
    (void)state;
    bc_store *s = fx_group_store();
    assert_int_equal(count(s, "SELECT count(*) FROM provinces"),
                     count(s, "SELECT count(*) FROM places WHERE entity = 'province' AND "
                              "side = 'seat' AND reference LIKE 'geonames:%'"));
}

/* Every point of a crossing lies in the border region (the Vietnamese provinces from
 * Dien Bien to Quang Ninh and the Chinese prefectures facing them), and the two sides
 * of a crossing are near each other. */
static void crossings_lie_on_the_border(void **state)
{
    (void)state;
    bc_store *s = fx_group_store();
    assert_int_equal(count(s, "SELECT count(*) FROM places p JOIN projects j ON j.id = "
                              "p.entity_id WHERE p.entity = 'project' AND j.kind NOT IN "
                              "('transport_route', 'sea_route') AND NOT (p.lat BETWEEN 20.5 AND "
                              "23.5 AND p.lon BETWEEN 102.1 AND 108.5)"),
                     0);
    /* both sides of a crossing within 60 km (0.55 degrees) of each other */
    assert_int_equal(count(s, "SELECT count(*) FROM places v JOIN places c ON c.entity = "
                              "'project' AND c.entity_id = v.entity_id AND c.side = 'cn' JOIN "
                              "projects j ON j.id = v.entity_id WHERE v.entity = 'project' AND "
                              "v.side = 'vn' AND j.kind NOT IN ('transport_route', 'sea_route') "
                              "AND (abs(v.lat - c.lat) > 0.55 OR abs(v.lon - c.lon) > 0.55)"),
                     0);
}

/* Each side of every gate pair, bridge, clearance point and opening is located or is
 * listed under "unlocated" with a reason: none is silently missing. */
static void every_crossing_side_is_accounted_for(void **state)
{
    (void)state;
    bc_store *s = fx_group_store();
    char path[512];
    snprintf(path, sizeof path, "%s/%s", fx_data_dir(), BC_PLACES_FILE);
    json_t *root = json_load_file(path, 0, NULL);
    assert_non_null(root);
    json_t *un = json_object_get(root, "unlocated");
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s),
                                        "SELECT id, (SELECT count(*) FROM places WHERE entity = "
                                        "'project' AND entity_id = id AND side = 'vn'), (SELECT "
                                        "count(*) FROM places WHERE entity = 'project' AND "
                                        "entity_id = id AND side = 'cn') FROM projects WHERE kind "
                                        "IN ('gate_pair', 'road_bridge', 'railway_bridge', "
                                        "'clearance_point', 'traditional_opening')",
                                        -1, &st, NULL),
                     SQLITE_OK);
    int crossings = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        crossings++;
        const char *id = (const char *)sqlite3_column_text(st, 0);
        for (int side = 0; side < 2; side++) {
            if (sqlite3_column_int(st, 1 + side))
                continue;
            int listed = 0;
            size_t i;
            json_t *u;
            json_array_foreach(un, i, u)
            {
                listed |=
                    strcmp(json_string_value(json_object_get(u, "id")), id) == 0 &&
                    strcmp(json_string_value(json_object_get(u, "side")), side ? "cn" : "vn") == 0;
            }
            if (!listed)
                fail_msg("%s: the %s side has no location and is not listed as unlocated", id,
                         side ? "cn" : "vn");
        }
    }
    sqlite3_finalize(st);
    json_decref(root);
    assert_true(crossings >= 10);
}

static void documents_carry_locations(void **state)
{
    (void)state;
    bc_store *s = fx_group_store();
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s), BC_PROJECT_DOC_SQL, -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, "lao-cai-hekou-railway-bridge", -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    json_t *doc = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
    sqlite3_finalize(st);
    assert_non_null(doc);
    json_t *cn = json_object_get(doc, "cn_location");
    assert_string_equal(json_string_value(json_object_get(cn, "reference")), "geonames:1808588");
    assert_string_equal(json_string_value(json_object_get(cn, "basis")), "reference_data");
    assert_string_equal(json_string_value(json_object_get(cn, "reference_url")),
                        "https://www.geonames.org/1808588");
    assert_true(json_is_null(json_object_get(doc, "wikidata")));
    json_decref(doc);

    /* a boundary marker names the page that publishes its coordinates */
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s), BC_PROJECT_DOC_SQL, -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, "thanh-thuy-thien-bao-border-gates", -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    doc = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
    sqlite3_finalize(st);
    json_t *vn = json_object_get(doc, "vn_location");
    assert_string_equal(json_string_value(json_object_get(vn, "reference")), "vn-cn-marker:261(2)");
    assert_string_equal(json_string_value(json_object_get(vn, "precision")), "site");
    assert_non_null(strstr(json_string_value(json_object_get(vn, "reference_url")), "https://"));
    json_decref(doc);

    /* an unlocated side is null, not absent */
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s), BC_PROJECT_DOC_SQL, -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, "hoanh-mo-dong-trung-border-gate", -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    doc = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
    sqlite3_finalize(st);
    assert_true(json_is_null(json_object_get(doc, "vn_location")));
    json_decref(doc);
}

static void references_are_checked(void **state)
{
    (void)state;
    assert_true(bc_places_reference_ok("geonames:1576303"));
    assert_true(bc_places_reference_ok("wikidata:Q1858"));
    assert_true(bc_places_reference_ok("osm:node/123"));
    assert_false(bc_places_reference_ok("geonames:"));
    assert_false(bc_places_reference_ok("geonames:01"));
    assert_false(bc_places_reference_ok("geonames:12a"));
    assert_false(bc_places_reference_ok("wikidata:1858"));
    assert_false(bc_places_reference_ok("osm:way/1"));
    /* a boundary marker of the 2009 demarcation protocol, alone or one of a pair/triple */
    assert_true(bc_places_reference_ok("vn-cn-marker:261(2)"));
    assert_true(bc_places_reference_ok("vn-cn-marker:1116"));
    assert_false(bc_places_reference_ok("vn-cn-marker:"));
    assert_false(bc_places_reference_ok("vn-cn-marker:0261"));
    assert_false(bc_places_reference_ok("vn-cn-marker:261(4)"));
    assert_false(bc_places_reference_ok("vn-cn-marker:261(2)x"));
    assert_false(bc_places_reference_ok("vn-cn-marker:261(12)"));
    assert_false(bc_places_reference_ok(""));
    assert_false(bc_places_reference_ok(NULL));
}

typedef struct bad_case {
    const char *path;
    const char *json; /* NULL deletes */
    const char *want;
} bad_case;

static void bad_entries_are_refused(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"provinces[0].id", "\"atlantis\"", "provinces[0]: unknown province 'atlantis'"},
        {"provinces[0].location.lat", "91", "'lat' 91 is out of range"},
        {"provinces[0].location.lon", "\"103\"", "'lon' must be a number"},
        {"provinces[0].location.precision", "\"exact\"", "not an allowed precision"},
        {"provinces[0].location.reference", "\"google:123\"", "is not geonames:N"},
        {"provinces[0].location.colour", "\"red\"", "unknown field 'colour'"},
        {"provinces[0].wikidata", "\"L123\"", "is not a Wikidata item id"},
        {"provinces[0].wikidata_source", NULL, "missing required field 'wikidata_source'"},
        {"projects[4].vn_location.reference_url", NULL, "missing required field 'reference_url'"},
        {"projects[4].vn_location.reference_url", "\"ftp://x\"", "is not an http(s) URL"},
        {"no_wikidata[0].kind", "\"mechanism\"", "must be province, person or project"},
        {"no_wikidata[0].id", "\"nobody\"", "unknown person 'nobody'"},
        {"no_wikidata[0].id", "\"xi-jinping\"", "has a wikidata id and is listed as without one"},
        {"no_wikidata[0].reason", NULL, "missing required field 'reason'"},
        {"projects[0].vn_location", NULL, NULL}, /* fine: one side may be missing */
        {"projects[1]", "{\"id\": \"ban-vuoc-ba-sai-road-bridge\"}",
         "neither a location nor a wikidata id"},
        {"projects[1].id", "\"lao-cai-hekou-railway-bridge\"", "listed twice"},
        {"unlocated[0].id", "\"mong-cai-dongxing-border-gate\"",
         "has a location and is listed as unlocated"},
        {"unlocated[0].side", "\"north\"", "must be vn or cn"},
        {"colour", "\"red\"", "$: unknown field 'colour'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char dir[256];
        fx_scratch_data(dir);
        json_error_t je;
        json_t *v = cases[i].json ? json_loads(cases[i].json, JSON_DECODE_ANY, &je) : NULL;
        fx_json_edit(dir, BC_PLACES_FILE, cases[i].path, v);
        if (cases[i].want == NULL) {
            bc_err err;
            int rc = load(dir, &err);
            if (rc != 0)
                fail_msg("case %zu: %s", i, err.msg);
        } else {
            expect_failure(dir, cases[i].want);
        }
        fx_remove_scratch(dir);
    }
}

static void wikidata_ids_are_served(void **state)
{
    (void)state;
    char dir[256];
    fx_scratch_data(dir);
    fx_json_edit(dir, BC_PLACES_FILE, "people",
                 json_loads("[{\"id\": \"wang-ning\", \"wikidata\": \"Q1\", "
                            "\"wikidata_source\": \"a test\"}]",
                            0, NULL));
    fx_json_edit(dir, BC_PLACES_FILE, "no_wikidata", json_array());
    bc_store *s = fx_store_from(dir);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s), BC_PERSON_DOC_SQL, -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, "wang-ning", -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    json_t *doc = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL);
    sqlite3_finalize(st);
    assert_string_equal(json_string_value(json_object_get(doc, "wikidata")), "Q1");
    json_decref(doc);
    bc_store_close(s);
    fx_remove_scratch(dir);
}

static void missing_file_loads_nothing(void **state)
{
    (void)state;
    char dir[256], file[512];
    fx_scratch_data(dir);
    snprintf(file, sizeof file, "%s/%s", dir, BC_PLACES_FILE);
    assert_int_equal(unlink(file), 0);
    bc_store *s = fx_store_from(dir);
    assert_int_equal(count(s, "SELECT count(*) FROM places"), 0);
    bc_store_close(s);
    /* and invalid JSON is refused with its position */
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("{\"provinces\": [", f);
    fclose(f);
    expect_failure(dir, "invalid JSON");
    fx_remove_scratch(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_province_has_a_seat_with_a_reference),
        cmocka_unit_test(crossings_lie_on_the_border),
        cmocka_unit_test(every_crossing_side_is_accounted_for),
        cmocka_unit_test(documents_carry_locations),
        cmocka_unit_test(references_are_checked),
        cmocka_unit_test(bad_entries_are_refused),
        cmocka_unit_test(wikidata_ids_are_served),
        cmocka_unit_test(missing_file_loads_nothing),
    };
    return cmocka_run_group_tests(tests, fx_group_setup, fx_group_teardown);
}
