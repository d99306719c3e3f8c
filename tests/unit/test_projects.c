/* test_projects.c: /v1/border-gate-projects on the data/ store: a project's two sides in
 * every script, its events and latest event, parts and part_of, the province filter on
 * either side of the border (and combined with other filters in any order), kind and
 * status vocabularies, sorts, and names as ids. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S    (fx_group_store())
#define PATH "/v1/border-gate-projects"

/* shorthands for this collection (fixture.h) */
#define get fx_get
#define str fx_str
static const char *ids(const char *query)
{
    return fx_ids("/v1/border-gate-projects", query);
}

static void bad(const char *query, const char *parameter, const char *want)
{
    fx_bad("/v1/border-gate-projects", query, parameter, want);
}

static void both_sides_in_every_script(void **state)
{
    (void)state;
    json_t *p = get(PATH "/ma-lu-thang-kim-thuy-ha-border-gate", NULL, 200);
    assert_string_equal(str(p, "type"), "border_gate_project");
    assert_string_equal(str(p, "name"), "Ma Lu Thang - Kim Thuy Ha border gate");
    assert_string_equal(str(p, "kind"), "gate_pair");
    assert_string_equal(str(p, "status"), "operational");
    assert_string_equal(str(p, "vn_side"), "Ma Lu Thang");
    assert_string_equal(str(p, "cn_side"), "Kim Thuy Ha");
    assert_string_equal(str(p, "vn_side_vi"), "Ma Lù Thàng");
    assert_string_equal(str(p, "cn_side_zh"), "金水河");
    json_t *prov = json_object_get(p, "provinces");
    assert_string_equal(str(json_object_get(prov, "vn"), "id"), "lai-chau");
    assert_string_equal(str(json_object_get(prov, "cn"), "id"), "yunnan");
    assert_string_equal(str(json_object_get(prov, "cn"), "country"), "CN");
    /* the side the article does not name, and the status it does not give, are marked */
    json_t *inf = json_object_get(p, "inferred");
    assert_int_equal(json_array_size(inf), 4);
    assert_string_equal(json_string_value(json_array_get(inf, 0)), "vn_side");
    assert_string_equal(json_string_value(json_array_get(inf, 2)), "status");
    assert_string_equal(json_string_value(json_array_get(inf, 3)), "cn_province");
    /* the names in other scripts are background, not article text */
    json_t *bg = json_object_get(p, "background");
    assert_int_equal(json_array_size(bg), 2);
    assert_non_null(strstr(str(json_array_get(bg, 0), "text"), "standard names"));
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(json_array_get(bg, 0), "fields"), 0)),
        "vn_side_vi");
    assert_non_null(strstr(str(json_array_get(bg, 1), "text"), "Jinshuihe"));
    json_decref(p);
    /* a railway inside Vietnam has no Chinese side */
    p = get(PATH "/lao-cai-hanoi-hai-phong-railway", NULL, 200);
    assert_true(json_is_null(json_object_get(p, "cn_side")));
    assert_true(json_is_null(json_object_get(p, "cn_side_zh")));
    assert_true(json_is_null(json_object_get(json_object_get(p, "provinces"), "cn")));
    assert_string_equal(str(p, "vn_side_vi"), "Lào Cai - Hà Nội - Hải Phòng");
    json_decref(p);
}

static void events_and_latest_event(void **state)
{
    (void)state;
    json_t *p = get(PATH "/ban-vuoc-ba-sai-road-bridge", NULL, 200);
    assert_string_equal(str(p, "status"), "under_construction");
    json_t *ev = json_object_get(p, "events");
    assert_int_equal(json_array_size(ev), 2);
    json_t *e1 = json_array_get(ev, 0), *e2 = json_array_get(ev, 1);
    assert_string_equal(str(e1, "id"), "ban-vuoc-ba-sai-road-bridge-e1");
    assert_string_equal(str(e1, "kind"), "ground_broken");
    assert_true(json_is_null(json_object_get(e1, "date"))); /* the article gives no date */
    assert_true(json_is_null(json_object_get(e1, "meeting")));
    assert_string_equal(str(e2, "kind"), "promoted");
    assert_string_equal(str(e2, "date"), "2025-10-30");
    assert_string_equal(str(e2, "date_precision"), "day");
    assert_string_equal(str(json_object_get(e2, "meeting"), "id"), "jwg-yunnan-11");
    /* the quote is the clause that states the event, not the project's name alone */
    assert_non_null(strstr(str(json_array_get(json_object_get(e2, "sources"), 0), "quote"),
                           "wspieranie postępów w projektach połączeń transgranicznych"));
    /* the latest event is the last dated one, in full */
    assert_true(json_equal(json_object_get(p, "latest_event"), e2));
    json_decref(p);
    p = get(PATH "/mong-cai-dongxing-border-gate", "fields=events,latest_event", 200);
    json_t *latest = json_object_get(p, "latest_event");
    assert_string_equal(str(latest, "kind"), "in_use");
    assert_string_equal(str(latest, "date"), "2024");
    assert_string_equal(str(latest, "date_precision"), "year");
    assert_int_equal(json_array_size(json_object_get(latest, "sources")), 2);
    json_decref(p);
}

static void parts_and_part_of(void **state)
{
    (void)state;
    json_t *p = get(PATH "/hoanh-mo-dong-trung-border-gate", "fields=parts,part_of", 200);
    assert_true(json_is_null(json_object_get(p, "part_of")));
    json_t *parts = json_object_get(p, "parts");
    assert_int_equal(json_array_size(parts), 1);
    assert_string_equal(str(json_array_get(parts, 0), "id"),
                        "bac-phong-sinh-ly-hoa-clearance-point");
    json_decref(p);
    /* and the other way round */
    p = get(PATH "/bac-phong-sinh-ly-hoa-clearance-point", "fields=parts,part_of", 200);
    assert_string_equal(str(json_object_get(p, "part_of"), "id"),
                        "hoanh-mo-dong-trung-border-gate");
    assert_string_equal(str(json_object_get(json_object_get(p, "part_of"), "links"), "self"),
                        PATH "/hoanh-mo-dong-trung-border-gate");
    assert_int_equal(json_array_size(json_object_get(p, "parts")), 0);
    json_decref(p);
    /* no article says the Bac Luan II clearance point belongs to the Mong Cai gate */
    p = get(PATH "/bac-luan-ii-bridge-clearance-point", "fields=part_of", 200);
    assert_true(json_is_null(json_object_get(p, "part_of")));
    json_decref(p);
}

static void province_on_either_side(void **state)
{
    (void)state;
    /* Guangxi is only ever the Chinese side, Quang Ninh only the Vietnamese one: same set */
    const char *guangxi =
        "bac-luan-ii-bridge-clearance-point,bac-phong-sinh-ly-hoa-clearance-point,"
        "beihai-ha-long-sea-route,hoanh-mo-dong-trung-border-gate,"
        "mong-cai-dongxing-border-gate";
    assert_string_equal(ids("province=guangxi"), guangxi);
    assert_string_equal(ids("province=Qu%E1%BA%A3ng%20Ninh"), guangxi);
    assert_string_equal(ids("province=tuyen-quang"),
                        "kunming-tuyen-quang-transport-route,thanh-thuy-thien-bao-border-gates,"
                        "thanh-thuy-thien-bao-road,van-son-tuyen-quang-transport-route");
    /* no project names Ha Giang: a valid province with no rows is an empty list */
    assert_string_equal(ids("province=ha-giang"), "");
    /* the either-side condition stays inside its filter, whatever the order */
    assert_string_equal(ids("status=unknown&province=yunnan"),
                        "lao-cai-hekou-railway-bridge,thanh-thuy-thien-bao-road");
    assert_string_equal(ids("province=yunnan&status=unknown"),
                        "lao-cai-hekou-railway-bridge,thanh-thuy-thien-bao-road");
    assert_string_equal(ids("status=planned&province=yunnan"),
                        "ma-lu-thang-kim-thuy-ha-road-bridge");
    assert_string_equal(ids("kind=clearance_point&province=yunnan"), "");
    bad("province=bangkok", "province", "unknown province");
}

static void kind_and_status_vocabularies(void **state)
{
    (void)state;
    assert_string_equal(ids("kind=gate_pair"),
                        "hoanh-mo-dong-trung-border-gate,ma-lu-thang-kim-thuy-ha-border-gate,"
                        "mong-cai-dongxing-border-gate,thanh-thuy-thien-bao-border-gates");
    assert_string_equal(ids("kind=TRANSPORT_ROUTE&status=operational"),
                        "kunming-tuyen-quang-transport-route,van-son-tuyen-quang-transport-route");
    assert_string_equal(ids("status=proposed"), "thanh-thuy-thien-bao-border-gates");
    assert_string_equal(ids("status=reported"), ""); /* in the vocabulary, unused */
    bad("kind=bridge", "kind", "clearance_point, gate_pair, railway, railway_bridge, road");
    bad("status=open", "status", "operational, planned, proposed");
    bad("year=2024", "year", "allowed: province, kind, status, meeting, curation");
}

static void sorts(void **state)
{
    (void)state;
    json_t *j = get(PATH, "limit=500", 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 15);
    assert_string_equal(str(json_object_get(j, "meta"), "sort"), "id");
    json_decref(j);
    assert_string_equal(ids("sort=kind,-name&limit=4"),
                        "bac-phong-sinh-ly-hoa-clearance-point,bac-luan-ii-bridge-clearance-point,"
                        "thanh-thuy-thien-bao-border-gates,mong-cai-dongxing-border-gate");
    assert_string_equal(ids("sort=name&limit=3"),
                        "bac-luan-ii-bridge-clearance-point,bac-phong-sinh-ly-hoa-clearance-point,"
                        "ban-vuoc-ba-sai-road-bridge");
    assert_string_equal(ids("sort=-status,id&limit=2"),
                        "lao-cai-hekou-railway-bridge,thanh-thuy-thien-bao-road");
    bad("sort=date", "sort", "allowed: name, kind, status, id");
}

static void names_as_ids(void **state)
{
    (void)state;
    json_t *p = get(PATH "/Kim Thuy Ha border gate", "fields=kind", 200);
    assert_string_equal(str(p, "id"), "ma-lu-thang-kim-thuy-ha-border-gate");
    json_decref(p);
    p = get(PATH "/most kolejowy Lao Cai-Hekou", "fields=kind", 200);
    assert_string_equal(str(p, "id"), "lao-cai-hekou-railway-bridge");
    json_decref(p);
    p = get(PATH "/Wenshan - Tuyen Quang", "fields=kind", 200);
    assert_string_equal(str(p, "id"), "van-son-tuyen-quang-transport-route");
    json_decref(p);
    p = get(PATH "/lao-cai", NULL, 404); /* a province is not a project */
    assert_non_null(strstr(str(p, "detail"), "border gate project"));
    json_decref(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(both_sides_in_every_script),
        cmocka_unit_test(events_and_latest_event),
        cmocka_unit_test(parts_and_part_of),
        cmocka_unit_test(province_on_either_side),
        cmocka_unit_test(kind_and_status_vocabularies),
        cmocka_unit_test(sorts),
        cmocka_unit_test(names_as_ids),
    };
    return cmocka_run_group_tests_name("projects", tests, fx_group_setup, fx_group_teardown);
}
