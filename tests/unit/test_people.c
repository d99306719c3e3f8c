/* test_people.c: /v1/people on the data/ store: a person's roles, meetings and quoted
 * sources, people without a province, the meeting filter agreeing with the meeting's
 * participants, province (merged included) and country filters, sorts, and names in
 * any script or spelling as ids. */
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
    return fx_ids("/v1/people", query);
}

static void bad(const char *query, const char *parameter, const char *want)
{
    fx_bad("/v1/people", query, parameter, want);
}

static void person_detail(void **state)
{
    (void)state;
    json_t *p = get("/v1/people/wang-ning", NULL, 200);
    assert_string_equal(str(p, "type"), "person");
    assert_string_equal(str(p, "name"), "Wang Ning");
    assert_string_equal(str(p, "country"), "CN");
    assert_string_equal(str(json_object_get(p, "province"), "id"), "yunnan");
    json_t *aliases = json_object_get(p, "aliases");
    assert_int_equal(json_array_size(aliases), 3);
    assert_string_equal(str(json_array_get(aliases, 0), "alias"), "Vuong Ninh");
    assert_string_equal(str(json_array_get(aliases, 0), "lang"), "nl");
    assert_string_equal(str(json_array_get(aliases, 2), "alias"), "王宁");
    json_t *roles = json_object_get(p, "roles");
    assert_int_equal(json_array_size(roles), 2);
    /* a party role without a province, then the provincial one */
    assert_true(json_is_null(json_object_get(json_array_get(roles, 0), "province")));
    assert_string_equal(str(json_array_get(roles, 1), "organisation"),
                        "Yunnan Provincial Party Committee");
    json_t *meetings = json_object_get(p, "meetings");
    assert_int_equal(json_array_size(meetings), 1);
    assert_string_equal(str(json_array_get(meetings, 0), "id"), "conference-yunnan-5");
    assert_string_equal(str(json_array_get(meetings, 0), "date"), "2025-10-30");
    assert_string_equal(str(json_array_get(meetings, 0), "role"),
                        "Secretary of the Yunnan Provincial Party Committee");
    /* quoted under both spellings the Dutch article uses */
    json_t *src = json_object_get(p, "sources");
    assert_int_equal(json_array_size(src), 2);
    assert_non_null(strstr(str(json_array_get(src, 0), "quote"), "Wang Ning"));
    assert_non_null(strstr(str(json_array_get(src, 1), "quote"), "Vuong Ninh"));
    json_decref(p);
}

static void people_without_a_province_or_meetings(void **state)
{
    (void)state;
    json_t *p = get("/v1/people/xi-jinping", NULL, 200);
    assert_true(json_is_null(json_object_get(p, "province")));
    assert_string_equal(str(p, "country"), "CN");
    assert_int_equal(json_array_size(json_object_get(p, "meetings")), 0);
    assert_int_equal(json_array_size(json_object_get(p, "sources")), 1);
    json_decref(p);
    p = get("/v1/people/hoang-minh-son", "fields=province,meetings", 200);
    assert_true(json_is_null(json_object_get(p, "province")));
    assert_string_equal(str(json_array_get(json_object_get(p, "meetings"), 0), "role"),
                        "Consul General of Vietnam in Kunming");
    json_decref(p);
}

static void meeting_filter_matches_participants(void **state)
{
    (void)state;
    static const char *const meetings[] = {"jwg-yunnan-11", "conference-yunnan-5"};
    for (size_t k = 0; k < 2; k++) {
        char path[96], q[96];
        snprintf(path, sizeof path, "/v1/meetings/%s", meetings[k]);
        json_t *m = get(path, "fields=participants", 200);
        json_t *parts = json_object_get(m, "participants");
        assert_int_equal(json_array_size(parts), 6);
        snprintf(q, sizeof q, "meeting=%s&sort=id", meetings[k]);
        json_t *list = get("/v1/people", q, 200);
        json_t *data = json_object_get(list, "data");
        assert_int_equal(json_array_size(data), json_array_size(parts));
        size_t i;
        json_t *part;
        json_array_foreach(parts, i, part)
        {
            const char *id = str(json_object_get(part, "person"), "id");
            int found = 0;
            for (size_t n = 0; n < json_array_size(data); n++)
                found |= strcmp(str(json_array_get(data, n), "id"), id) == 0;
            if (!found)
                fail_msg("%s takes part in %s but is not listed", id, meetings[k]);
        }
        json_decref(list);
        json_decref(m);
    }
    assert_string_equal(ids("meeting=elfte%20m%C3%B6tet&country=CN"), "liu-yong");
    assert_string_equal(ids("meeting=jwg-yunnan-10"), "");
    bad("meeting=yunnan", "meeting", "unknown meeting");
}

static void province_and_country(void **state)
{
    (void)state;
    assert_string_equal(ids("province=Junnan"), "liu-yong,wang-ning");
    assert_string_equal(ids("province=lai-chau"), "giang-a-tinh,le-minh-ngan");
    assert_string_equal(ids("province=ha-giang"), "");
    assert_string_equal(ids("province=tuyen-quang"), "hau-a-lenh,hoang-gia-long");
    assert_string_equal(ids("country=cn"), "liu-yong,wang-ning,xi-jinping");
    assert_string_equal(ids("country=VN&province=quang-ninh"), "ho-van-vinh");
    json_t *j = get("/v1/people", "country=VN&total=true", 200);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "total")), 12);
    json_decref(j);
    bad("country=LA", "country", "allowed: CN, VN");
    bad("role=secretary", "role", "allowed: province, country, meeting");
}

static void sorts(void **state)
{
    (void)state;
    assert_string_equal(ids("limit=3"), "giang-a-tinh,hau-a-lenh,ho-van-vinh");
    assert_string_equal(ids("sort=-name&limit=3"), "xi-jinping,wang-ning,trinh-viet-hung");
    assert_string_equal(ids("sort=country,-id&limit=4"),
                        "xi-jinping,wang-ning,liu-yong,trinh-viet-hung");
    bad("sort=age", "sort", "allowed: name, country, id");
}

static void any_spelling_is_an_id(void **state)
{
    (void)state;
    static const char *const names[][2] = {
        {"Vương Ninh", "wang-ning"},    {"王宁", "wang-ning"},        {"习近平", "xi-jinping"},
        {"Tập Cận Bình", "xi-jinping"}, {"Hou A Lenh", "hau-a-lenh"}, {"Hầu A Lềnh", "hau-a-lenh"},
        {"to lam", "to-lam"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "/v1/people/%s", names[i][0]);
        json_t *p = get(path, "fields=name", 200);
        assert_string_equal(str(p, "id"), names[i][1]);
        json_decref(p);
    }
    json_t *p = get("/v1/people/Ho Chi Minh", NULL, 404);
    assert_string_equal(str(p, "code"), "not_found");
    json_decref(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(person_detail),
        cmocka_unit_test(people_without_a_province_or_meetings),
        cmocka_unit_test(meeting_filter_matches_participants),
        cmocka_unit_test(province_and_country),
        cmocka_unit_test(sorts),
        cmocka_unit_test(any_spelling_is_an_id),
    };
    return cmocka_run_group_tests_name("people", tests, fx_group_setup, fx_group_teardown);
}
