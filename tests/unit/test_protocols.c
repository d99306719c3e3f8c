/* test_protocols.c: /v1/protocols on the data/ store: a signed protocol's detail
 * (parties, areas with their own sources, its meeting, aliases), a referenced one with
 * no date, the province filter over parties (merged provinces included), meeting by
 * name, year, kind/level/status vocabularies, and undated protocols sorting last. */
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
    return fx_ids("/v1/protocols", query);
}

static void bad(const char *query, const char *parameter, const char *want)
{
    fx_bad("/v1/protocols", query, parameter, want);
}

static void signed_protocol_detail(void **state)
{
    (void)state;
    json_t *p = get("/v1/protocols/conference-yunnan-5-protocol", NULL, 200);
    assert_string_equal(str(p, "type"), "protocol");
    assert_string_equal(str(p, "kind"), "minutes");
    assert_string_equal(str(p, "level"), "provincial");
    assert_string_equal(str(p, "status"), "signed");
    assert_string_equal(str(p, "signed_on"), "2025-10-30");
    assert_string_equal(str(p, "date_precision"), "day");
    assert_int_equal(json_integer_value(json_object_get(p, "year")), 2025);
    assert_string_equal(str(json_object_get(p, "meeting"), "id"), "conference-yunnan-5");
    /* parties are province ids, as everywhere; the signing bodies are organisations */
    json_t *parties = json_object_get(p, "parties");
    assert_int_equal(json_array_size(parties), 5);
    assert_string_equal(json_string_value(json_array_get(parties, 2)), "tuyen-quang");
    json_t *orgs = json_object_get(p, "organisations");
    assert_string_equal(str(json_array_get(orgs, 2), "name"),
                        "Tuyen Quang Provincial Party Committee");
    assert_string_equal(str(json_object_get(json_array_get(orgs, 2), "province"), "id"),
                        "tuyen-quang");
    /* signed at the conference, on no day an article gives: the date is the conference's,
     * marked as inferred */
    assert_string_equal(json_string_value(json_array_get(json_object_get(p, "inferred"), 0)),
                        "signed_on");
    /* six areas (the article announces seven), each quoted from its source */
    json_t *areas = json_object_get(p, "areas");
    assert_int_equal(json_array_size(areas), 6);
    json_t *a0 = json_array_get(areas, 0);
    assert_string_equal(str(a0, "area"), "Promote the leading role of exchanges between local "
                                         "party organisations");
    json_t *q = json_array_get(json_object_get(a0, "sources"), 0);
    assert_string_equal(str(q, "source_id"), "nhandan-border-provinces-yunnan-pl");
    assert_string_equal(str(q, "quote"), "promowanie wiodącej roli w wymianie między lokalnymi "
                                         "organizacjami partyjnymi");
    json_t *aliases = json_object_get(p, "aliases");
    assert_int_equal(json_array_size(aliases), 2);
    assert_non_null(strstr(str(p, "note"), "seven key areas"));
    assert_int_equal(json_array_size(json_object_get(p, "sources")), 4);
    json_decref(p);
}

static void referenced_protocol_without_date(void **state)
{
    (void)state;
    json_t *p = get("/v1/protocols/moit-yunnan-trade-mou", NULL, 200);
    assert_string_equal(str(p, "kind"), "mou");
    assert_string_equal(str(p, "level"), "ministerial");
    assert_string_equal(str(p, "status"), "referenced");
    assert_true(json_is_null(json_object_get(p, "signed_on")));
    assert_true(json_is_null(json_object_get(p, "date_precision")));
    assert_true(json_is_null(json_object_get(p, "year")));
    assert_true(json_is_null(json_object_get(p, "meeting")));
    /* a ministry is an organisation without a province: the parties are Yunnan alone */
    json_t *orgs = json_object_get(p, "organisations");
    assert_string_equal(str(json_array_get(orgs, 0), "name"),
                        "Ministry of Industry and Trade of Vietnam");
    assert_true(json_is_null(json_object_get(json_array_get(orgs, 0), "province")));
    assert_string_equal(str(json_object_get(json_array_get(orgs, 1), "province"), "id"), "yunnan");
    json_t *parties = json_object_get(p, "parties");
    assert_int_equal(json_array_size(parties), 1);
    assert_string_equal(json_string_value(json_array_get(parties, 0)), "yunnan");
    assert_string_equal(str(json_array_get(json_object_get(p, "areas"), 0), "area"),
                        "Strengthen economic and trade cooperation");
    json_decref(p);
}

static void province_filter_over_parties(void **state)
{
    (void)state;
    /* Ha Giang signed as itself in 2024 */
    assert_string_equal(ids("province=ha-giang"),
                        "conference-yunnan-4-protocol,spring-meeting-guangxi-2024-protocol");
    /* Tuyen Quang now includes Ha Giang: its own protocols and those */
    assert_string_equal(
        ids("province=tuyen-quang"),
        "conference-yunnan-5-protocol,jwg-yunnan-11-protocol,conference-yunnan-4-protocol,"
        "spring-meeting-guangxi-2024-protocol,tuyen-quang-yunnan-forest-agreement,"
        "yunnan-sugarcane-cooperation-agreement,yunnan-training-cooperation-protocols");
    /* the two sides of the training protocols are the five provinces, by inference:
     * parties and organisations agree, and exact=true leaves them out */
    assert_string_equal(ids("province=dien-bien&kind=protocol"),
                        "yunnan-training-cooperation-protocols");
    assert_string_equal(ids("province=dien-bien&kind=protocol&exact=true"), "");
    /* both Ha Giang memberships are inferred; stated parties only: */
    assert_string_equal(ids("province=ha-giang&exact=true"), "");
    assert_string_equal(ids("province=guangxi&kind=agreement"),
                        "quang-ninh-guangxi-tourism-agreement");
    bad("province=paris", "province", "unknown province");
}

static void meeting_and_year(void **state)
{
    (void)state;
    assert_string_equal(ids("meeting=V%20Konferencja"), "conference-yunnan-5-protocol");
    json_t *j = get("/v1/protocols", "meeting=V%20Konferencja", 200);
    assert_string_equal(str(json_object_get(j, "links"), "self"),
                        "/v1/protocols?meeting=conference-yunnan-5");
    json_decref(j);
    assert_string_equal(ids("meeting=jwg-yunnan-12"), "");
    assert_string_equal(ids("year=2025"), "conference-yunnan-5-protocol,jwg-yunnan-11-protocol");
    /* no article dates the minutes of the 4th conference or the spring-meeting protocol */
    assert_string_equal(ids("year=2024"), "");
    assert_string_equal(ids("meeting=conference-yunnan-4"), "conference-yunnan-4-protocol");
    assert_string_equal(ids("year=2025&exact=true"), "");
    bad("meeting=conference-yunnan-9", "meeting", "conference-yunnan-4");
    bad("year=twenty", "year", "whole number");
}

static void vocabularies(void **state)
{
    (void)state;
    assert_string_equal(
        ids("level=national&status=referenced"),
        "vietnam-china-joint-statement,vietnam-china-joint-statement-quang-ninh-reference,"
        "vietnam-china-land-border-legal-documents");
    assert_string_equal(ids("kind=MOU"), "moit-yunnan-trade-mou");
    assert_string_equal(ids("level=departmental"), "quang-ninh-guangxi-tourism-agreement");
    bad("kind=treaty", "kind",
        "action_plan, agreement, joint_statement, legal_documents, minutes, "
        "mou, protocol");
    bad("level=municipal", "level", "departmental, ministerial, national, provincial");
    bad("status=draft", "status", "referenced, signed");
}

static void undated_protocols_sort_last(void **state)
{
    (void)state;
    json_t *j = get("/v1/protocols", "limit=500", 200);
    json_t *d = json_object_get(j, "data");
    assert_int_equal(json_array_size(d), 13);
    assert_string_equal(str(json_object_get(j, "meta"), "sort"), "signed_on");
    /* dated first, by date then id; then every undated one by id */
    assert_string_equal(str(json_array_get(d, 0), "id"), "conference-yunnan-5-protocol");
    assert_string_equal(str(json_array_get(d, 1), "id"), "jwg-yunnan-11-protocol");
    assert_true(json_is_null(json_object_get(json_array_get(d, 2), "signed_on")));
    assert_string_equal(str(json_array_get(d, 12), "id"), "yunnan-training-cooperation-protocols");
    json_decref(j);
    /* descending: undated first */
    assert_string_equal(ids("sort=-signed_on,id&limit=2"),
                        "conference-yunnan-4-protocol,moit-yunnan-action-plan-2023-2026");
    /* the id tie-break runs the way the last key does (here descending) */
    assert_string_equal(ids("sort=level,-year&limit=3"),
                        "quang-ninh-guangxi-tourism-agreement,moit-yunnan-trade-mou,"
                        "moit-yunnan-action-plan-2023-2026");
    bad("sort=signed", "sort", "allowed: signed_on, year, kind, level, title, id");
}

static void names_as_ids(void **state)
{
    (void)state;
    json_t *p = get("/v1/protocols/protokollet från det elfte mötet", "fields=status", 200);
    assert_string_equal(str(p, "id"), "jwg-yunnan-11-protocol");
    json_decref(p);
    p = get("/v1/protocols/Protokół z V dorocznej konferencji", "fields=status", 200);
    assert_string_equal(str(p, "id"), "conference-yunnan-5-protocol");
    json_decref(p);
    p = get("/v1/protocols/conference-yunnan-6-protocol", NULL, 404);
    assert_string_equal(str(p, "code"), "not_found");
    json_decref(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signed_protocol_detail),
        cmocka_unit_test(referenced_protocol_without_date),
        cmocka_unit_test(province_filter_over_parties),
        cmocka_unit_test(meeting_and_year),
        cmocka_unit_test(vocabularies),
        cmocka_unit_test(undated_protocols_sort_last),
        cmocka_unit_test(names_as_ids),
    };
    return cmocka_run_group_tests_name("protocols", tests, fx_group_setup, fx_group_teardown);
}
