/* test_provinces.c: /v1/provinces on the data/ store: names in three scripts and
 * aliases, the Ha Giang -> Tuyen Quang merger seen from both sides, counts that agree
 * with the other collections' province filters, country and level filters, the default
 * order (Vietnam first), and any name as an id. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

/* shorthands for this collection (fixture.h) */
#define get fx_get
#define str fx_str
static const char *ids(const char *query)
{
    return fx_ids("/v1/provinces", query);
}

static void bad(const char *query, const char *parameter, const char *want)
{
    fx_bad("/v1/provinces", query, parameter, want);
}

/* meta.total of GET path?query&total=true&limit=1 */
static long total(const char *path, const char *query)
{
    char q[256];
    snprintf(q, sizeof q, "%s&total=true&limit=1", query);
    json_t *j = get(path, q, 200);
    long n = (long)json_integer_value(json_object_get(json_object_get(j, "meta"), "total"));
    json_decref(j);
    return n;
}

static void names_in_three_scripts(void **state)
{
    (void)state;
    json_t *p = get("/v1/provinces/lao-cai", NULL, 200);
    assert_string_equal(str(p, "type"), "province");
    assert_string_equal(str(p, "name"), "Lao Cai");
    assert_string_equal(str(p, "name_vi"), "Lào Cai");
    assert_string_equal(str(p, "name_zh"), "老街省");
    assert_string_equal(str(p, "country"), "VN");
    assert_string_equal(str(p, "level"), "province");
    json_t *mech = json_object_get(p, "mechanisms");
    assert_int_equal(json_array_size(mech), 2);
    assert_string_equal(str(json_array_get(mech, 0), "id"), "conference-yunnan");
    assert_string_equal(str(json_array_get(mech, 1), "id"), "jwg-yunnan");
    json_decref(p);
    p = get("/v1/provinces/guangxi", NULL, 200);
    assert_string_equal(str(p, "name"), "Guangxi Zhuang Autonomous Region");
    assert_string_equal(str(p, "name_vi"), "Quảng Tây");
    assert_string_equal(str(p, "level"), "autonomous_region");
    json_t *aliases = json_object_get(p, "aliases");
    assert_int_equal(json_array_size(aliases), 5);
    assert_string_equal(str(json_array_get(aliases, 3), "alias"), "广西");
    assert_string_equal(str(json_array_get(aliases, 3), "lang"), "zh");
    json_decref(p);
}

static void merger_seen_from_both_sides(void **state)
{
    (void)state;
    json_t *p = get("/v1/provinces/ha-giang", "fields=merged_into,merged_from,counts", 200);
    assert_string_equal(str(json_object_get(p, "merged_into"), "id"), "tuyen-quang");
    assert_int_equal(json_array_size(json_object_get(p, "merged_from")), 0);
    json_decref(p);
    p = get("/v1/provinces/tuyen-quang", "fields=merged_into,merged_from,counts", 200);
    assert_true(json_is_null(json_object_get(p, "merged_into")));
    json_t *from = json_object_get(p, "merged_from");
    assert_int_equal(json_array_size(from), 1);
    assert_string_equal(str(json_array_get(from, 0), "id"), "ha-giang");
    /* its counts are those of the lists its links name, which add Ha Giang's meetings to
     * its own (analyst 15, S2-2) */
    long n = (long)json_integer_value(json_object_get(json_object_get(p, "counts"), "meetings"));
    assert_int_equal(n, 8);
    assert_int_equal(total("/v1/meetings", "province=tuyen-quang"), 8);
    assert_int_equal(total("/v1/meetings", "province=ha-giang"), 4);
    json_decref(p);
}

static void counts_agree_with_the_filters(void **state)
{
    (void)state;
    /* for every province, merged ones included, each count is what the collection's
     * province filter returns */
    json_t *all = get("/v1/provinces", "limit=500", 200);
    size_t i;
    json_t *p;
    int checked = 0;
    json_array_foreach(json_object_get(all, "data"), i, p)
    {
        char q[96];
        snprintf(q, sizeof q, "province=%s", str(p, "id"));
        json_t *c = json_object_get(p, "counts");
        static const char *const pairs[][2] = {
            {"meetings", "/v1/meetings"},
            {"figures", "/v1/figures"},
            {"border_gate_projects", "/v1/border-gate-projects"},
            {"protocols", "/v1/protocols"},
            {"people", "/v1/people"},
            {"events", "/v1/events"},
        };
        for (size_t k = 0; k < 6; k++) {
            long want = (long)json_integer_value(json_object_get(c, pairs[k][0]));
            long got = total(pairs[k][1], q);
            if (want != got)
                fail_msg("%s: counts.%s = %ld but %s?%s has %ld", str(p, "id"), pairs[k][0], want,
                         pairs[k][1], q, got);
        }
        checked++;
    }
    assert_int_equal(checked, 10);
    json_decref(all);
    json_t *y = get("/v1/provinces/yunnan", "fields=counts", 200);
    json_t *c = json_object_get(y, "counts");
    /* the Chinese tourists in Tuyen Quang are not Yunnan's figures */
    assert_int_equal(json_integer_value(json_object_get(c, "figures")), 15);
    assert_int_equal(json_integer_value(json_object_get(c, "events")), 2);
    assert_int_equal(json_integer_value(json_object_get(c, "border_gate_projects")), 9);
    json_decref(y);
}

static void country_and_level_filters(void **state)
{
    (void)state;
    assert_string_equal(ids("country=cn"), "guangxi,yunnan");
    json_t *j = get("/v1/provinces", "country=cn", 200);
    assert_string_equal(str(json_object_get(json_object_get(j, "meta"), "filters"), "country"),
                        "CN");
    json_decref(j);
    assert_string_equal(ids("level=autonomous_region"), "guangxi");
    assert_string_equal(ids("country=VN&level=autonomous_region"), "");
    bad("country=FR", "country", "allowed: CN, VN");
    bad("level=city", "level", "autonomous_region, province");
    bad("province=yunnan", "province", "allowed: country, level");
}

static void order_vietnam_first(void **state)
{
    (void)state;
    json_t *j = get("/v1/provinces", NULL, 200);
    assert_string_equal(str(json_object_get(j, "meta"), "sort"), "-country,id");
    json_decref(j);
    assert_string_equal(ids("limit=2"), "cao-bang,dien-bien");
    assert_string_equal(ids("sort=name&limit=3"), "cao-bang,dien-bien,guangxi");
    assert_string_equal(ids("sort=country,-name&limit=3"), "yunnan,guangxi,tuyen-quang");
    assert_string_equal(ids("sort=level,id&limit=1"), "guangxi");
    bad("sort=population", "sort", "allowed: country, name, level, id");
}

static void any_name_is_an_id(void **state)
{
    (void)state;
    static const char *const names[][2] = {
        {"莱州省", "lai-chau"},     {"Lai Châu", "lai-chau"}, {"LAI CHAU", "lai-chau"},
        {"广西", "guangxi"},        {"Quảng Tây", "guangxi"}, {"Điện Biên", "dien-bien"},
        {"dien bien", "dien-bien"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "/v1/provinces/%s", names[i][0]);
        json_t *p = get(path, "fields=name", 200);
        assert_string_equal(str(p, "id"), names[i][1]);
        json_decref(p);
    }
    json_t *p = get("/v1/provinces/hanoi", NULL, 404);
    assert_non_null(strstr(str(p, "detail"), "no province with id or name 'hanoi'"));
    json_decref(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_in_three_scripts),
        cmocka_unit_test(merger_seen_from_both_sides),
        cmocka_unit_test(counts_agree_with_the_filters),
        cmocka_unit_test(country_and_level_filters),
        cmocka_unit_test(order_vietnam_first),
        cmocka_unit_test(any_name_is_an_id),
    };
    return cmocka_run_group_tests_name("provinces", tests, fx_group_setup, fx_group_teardown);
}
