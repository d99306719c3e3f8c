/* test_mechanisms.c: /v1/mechanisms on the data/ store: a mechanism's members and its
 * meetings (agreeing with /v1/meetings?mechanism=), the province filter over members
 * (merged provinces included), the kind vocabulary, sorts, and aliases as ids. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

#define join_ids fx_join_ids
/* shorthands for this collection (fixture.h) */
#define get fx_get
#define str fx_str
static const char *ids(const char *query)
{
    return fx_ids("/v1/mechanisms", query);
}

static void bad(const char *query, const char *parameter, const char *want)
{
    fx_bad("/v1/mechanisms", query, parameter, want);
}

static void members_and_meetings(void **state)
{
    (void)state;
    json_t *m = get("/v1/mechanisms/conference-yunnan", NULL, 200);
    assert_string_equal(str(m, "type"), "mechanism");
    assert_string_equal(str(m, "kind"), "conference");
    assert_string_equal(str(m, "name"), "Annual Conference of the Provincial Party Secretaries of "
                                        "Lai Chau, Lao Cai, Tuyen Quang, Dien Bien (Vietnam) and "
                                        "Yunnan (China)");
    /* outside knowledge is labelled as background, in its own field */
    assert_null(strstr(str(m, "description"), "Ha Giang"));
    json_t *bg = json_object_get(m, "background");
    assert_non_null(strstr(str(json_array_get(bg, 0), "text"), "Ha Giang"));
    assert_non_null(strstr(str(json_array_get(bg, 1), "text"), "in turn"));
    assert_string_equal(join_ids(json_object_get(m, "members")),
                        "dien-bien,lai-chau,lao-cai,tuyen-quang,yunnan");
    json_t *meetings = json_object_get(m, "meetings");
    assert_string_equal(join_ids(meetings), "conference-yunnan-4,conference-yunnan-5,"
                                            "conference-yunnan-6");
    json_t *m6 = json_array_get(meetings, 2);
    assert_int_equal(json_integer_value(json_object_get(m6, "ordinal")), 6);
    assert_string_equal(str(m6, "status"), "planned");
    assert_string_equal(str(m6, "place"), "Yunnan (China)");
    assert_string_equal(str(json_object_get(m6, "links"), "self"),
                        "/v1/meetings/conference-yunnan-6");
    assert_true(json_array_size(json_object_get(m, "sources")) >= 2);
    json_decref(m);
}

static void meetings_agree_with_the_meeting_filter(void **state)
{
    (void)state;
    json_t *all = get("/v1/mechanisms", NULL, 200);
    size_t i;
    json_t *m;
    assert_int_equal(json_array_size(json_object_get(all, "data")), 4);
    json_array_foreach(json_object_get(all, "data"), i, m)
    {
        char q[128], own[2048];
        snprintf(own, sizeof own, "%s", join_ids(json_object_get(m, "meetings")));
        snprintf(q, sizeof q, "mechanism=%s&sort=date,ordinal", str(m, "id"));
        json_t *list = get("/v1/meetings", q, 200);
        const char *listed = join_ids(json_object_get(list, "data"));
        if (strcmp(own, listed) != 0)
            fail_msg("%s lists meetings '%s', /v1/meetings?%s gives '%s'", str(m, "id"), own, q,
                     listed);
        json_decref(list);
    }
    json_decref(all);
}

static void province_filter_over_members(void **state)
{
    (void)state;
    assert_string_equal(ids("province=lao-cai"), "conference-yunnan,jwg-yunnan");
    assert_string_equal(ids("province=Qu%E1%BA%A3ng%20T%C3%A2y"),
                        "jwc-guangxi,spring-meeting-guangxi");
    /* Ha Giang was a member on the Guangxi side; Tuyen Quang includes it now */
    assert_string_equal(ids("province=ha-giang"), "jwc-guangxi,spring-meeting-guangxi");
    assert_string_equal(ids("province=tuyen-quang"),
                        "conference-yunnan,jwc-guangxi,jwg-yunnan,spring-meeting-guangxi");
    assert_string_equal(ids("province=cao-bang&kind=committee"), "jwc-guangxi");
    bad("province=laos", "province", "unknown province");
}

static void kind_vocabulary(void **state)
{
    (void)state;
    assert_string_equal(ids("kind=working_group"), "jwg-yunnan");
    assert_string_equal(ids("kind=Spring_Meeting"), "spring-meeting-guangxi");
    bad("kind=forum", "kind", "allowed: committee, conference, spring_meeting, working_group");
    bad("status=held", "status", "allowed: province, kind");
}

static void sorts(void **state)
{
    (void)state;
    assert_string_equal(ids(NULL),
                        "conference-yunnan,jwc-guangxi,jwg-yunnan,spring-meeting-guangxi");
    assert_string_equal(ids("sort=-kind"), "jwg-yunnan,spring-meeting-guangxi,conference-yunnan,"
                                           "jwc-guangxi");
    assert_string_equal(ids("sort=name&limit=2"), "conference-yunnan,jwc-guangxi");
    json_t *j = get("/v1/mechanisms", "sort=-id&limit=1", 200);
    assert_string_equal(join_ids(json_object_get(j, "data")), "spring-meeting-guangxi");
    assert_false(json_is_null(json_object_get(json_object_get(j, "links"), "next")));
    json_decref(j);
    bad("sort=members", "sort", "allowed: name, kind, id");
}

static void aliases_as_ids(void **state)
{
    (void)state;
    static const char *const names[][2] = {
        {"jwg", "jwg-yunnan"},
        {"Joint Working Group", "jwg-yunnan"},
        {"JWC", "jwc-guangxi"},
        {"annual conference", "conference-yunnan"},
        {"Party Secretaries Conference", "conference-yunnan"},
        {"spring meeting", "spring-meeting-guangxi"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[128];
        snprintf(path, sizeof path, "/v1/mechanisms/%s", names[i][0]);
        json_t *m = get(path, "fields=kind", 200);
        assert_string_equal(str(m, "id"), names[i][1]);
        json_decref(m);
    }
    json_t *m = get("/v1/mechanisms/jwg-yunnan-11", NULL, 404); /* a meeting, not a mechanism */
    assert_string_equal(str(m, "code"), "not_found");
    json_decref(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(members_and_meetings),
        cmocka_unit_test(meetings_agree_with_the_meeting_filter),
        cmocka_unit_test(province_filter_over_members),
        cmocka_unit_test(kind_vocabulary),
        cmocka_unit_test(sorts),
        cmocka_unit_test(aliases_as_ids),
    };
    return cmocka_run_group_tests_name("mechanisms", tests, fx_group_setup, fx_group_teardown);
}
