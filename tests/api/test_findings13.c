/* test_findings13.c: the outside analyst13's findings F4, F7 and F13 against the real
 * daemon. F7: a figure whose sentence names one side and counts the other without naming
 * it ("Yunnan and the four Vietnamese provinces") has unknown parties, so it overlaps
 * nothing, while one naming all its parties still does; so does one naming the other side
 * only by its country ("the Vietnamese border provinces", the recheck's variation). F13: one body,
 * one set of members in an article (Tuyen Quang for Ha Giang in every meeting of the committee),
 * and a reviewer may make the province Ha Giang became part of the host. F4: a meeting whose Dutch
 * present verb has a quarter to come is planned, dated by the year. */
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

#define TOKEN "findings13-token-0123456789abcdef"

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

/* Posts an article; its source id into id[200]. */
static void post(const char *lang, const char *title, const char *published, const char *text,
                 char id[200])
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", text, "title", title, "lang", lang,
                          "published_on", published);
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    snprintf(id, 200, "%s", json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_decref(j);
}

static json_t *get(const char *kind, const char *id)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/%s/%s?curation=all", kind, id);
    return call("GET", target, NULL, 200);
}

/* Whether array a holds the string s, or an object whose "id" is s. */
static int holds(json_t *a, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        const char *t =
            json_is_string(v) ? json_string_value(v) : json_string_value(json_object_get(v, "id"));
        if (t != NULL && strcmp(t, s) == 0)
            return 1;
    }
    return 0;
}

static int setup(void **state)
{
    (void)state;
    return bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings13") != 0 ||
                   bct_daemon_start_token(&D, DB, TOKEN) != 0
               ? -1
               : 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

static void a_group_counted_without_its_names_overlaps_nothing(void **state)
{
    (void)state;
    char pair[200], group[200], all[200], id[300];
    post("en", "Tuyen Quang trade", "2026-10-20",
         "Tuyen Quang trade\nTrade between Tuyen Quang and Yunnan reached USD 640 million in the "
         "first eight months of 2026.",
         pair);
    post("zh", "云南贸易", "2026-10-21",
         "云南贸易\n今年前8个月，云南省与越南四省进出口贸易额达21.3亿美元。", group);
    post("en", "Five provinces trade", "2026-10-22",
         "Five provinces trade\nTrade between Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan "
         "reached USD 2.2 billion in the first eight months of 2026.",
         all);
    /* the group's figure: no parties, a note naming the group, no overlaps either way */
    snprintf(id, sizeof id, "%s-f1", group);
    json_t *g = get("figures", id);
    assert_int_equal(json_array_size(json_object_get(g, "parties")), 0);
    assert_non_null(strstr(json_string_value(json_object_get(g, "note")), "group of 4 provinces"));
    assert_int_equal(json_array_size(json_object_get(g, "overlaps")), 0);
    json_decref(g);
    snprintf(id, sizeof id, "%s-f1", pair);
    json_t *p = get("figures", id);
    char other[300];
    snprintf(other, sizeof other, "%s-f1", group);
    assert_false(holds(json_object_get(p, "overlaps"), other));
    /* the five named provinces' figure includes the pair's */
    snprintf(other, sizeof other, "%s-f1", all);
    assert_true(holds(json_object_get(p, "overlaps"), other));
    json_decref(p);
}

/* The recheck's variation of F7: the other side named only as its country's provinces,
 * neither named nor counted ("the Vietnamese border provinces"), was taken for Yunnan alone
 * and read as part of every Lao Cai - Yunnan figure. */
static void a_group_named_by_its_country_overlaps_nothing(void **state)
{
    (void)state;
    char pair[200], group[200], id[300], other[300];
    post("en", "Lao Cai trade", "2026-11-20",
         "Lao Cai trade\nTrade between Lao Cai and Yunnan reached USD 910 million in the first "
         "ten months of 2026.",
         pair);
    post("fr", "Le Yunnan et ses voisins", "2026-11-21",
         "Le Yunnan et ses voisins\nLes échanges entre le Yunnan et les provinces frontalières "
         "vietnamiennes ont atteint 2,9 milliards de dollars au cours des neuf premiers mois de "
         "2026.",
         group);
    snprintf(id, sizeof id, "%s-f1", group);
    json_t *g = get("figures", id);
    assert_int_equal(json_array_size(json_object_get(g, "parties")), 0);
    assert_non_null(strstr(json_string_value(json_object_get(g, "note")), "only by their country"));
    assert_int_equal(json_array_size(json_object_get(g, "overlaps")), 0);
    json_decref(g);
    snprintf(id, sizeof id, "%s-f1", pair);
    snprintf(other, sizeof other, "%s-f1", group);
    json_t *p = get("figures", id);
    assert_false(holds(json_object_get(p, "overlaps"), other));
    json_decref(p);
}

/* Recheck, new problem 1: two talks of one day that share Yunnan, one in Hekou and one in
 * Kunming, were one event of three parties placed in Hekou; they are two events, each its
 * pair and its town. */
static void same_day_talks_of_two_pairs_are_two_events(void **state)
{
    (void)state;
    char src[200], id[300];
    post("en", "Two talks", "2026-06-05",
         "Two talks\nOn June 3, leaders of Ha Giang and Yunnan held talks in Hekou on a new "
         "market.\nOn June 3, leaders of Dien Bien and Yunnan held talks in Kunming on farm "
         "exports.",
         src);
    static const char *const want[][3] = {{"Hekou", "ha-giang", "dien-bien"},
                                          {"Kunming", "dien-bien", "ha-giang"}};
    for (int k = 0; k < 2; k++) {
        snprintf(id, sizeof id, "%s-e%d", src, k + 1);
        json_t *e = get("events", id);
        const char *place = json_string_value(json_object_get(e, "place"));
        if (place == NULL || strstr(place, want[k][0]) == NULL)
            fail_msg("%s placed in '%s'", id, place ? place : "(null)");
        assert_true(holds(json_object_get(e, "parties"), want[k][1]));
        assert_true(holds(json_object_get(e, "parties"), "yunnan"));
        assert_false(holds(json_object_get(e, "parties"), want[k][2]));
        json_decref(e);
    }
}

static void one_member_set_and_the_merged_host(void **state)
{
    (void)state;
    char src[200], id[300];
    post("en", "Committee conference", "2026-11-06",
         "Committee conference\nOn November 4, 2026 the 18th conference of the Joint Working "
         "Committee of Cao Bang, Lang Son, Quang Ninh, Tuyen Quang and Guangxi was held in "
         "Nanning.\nThe delegates reviewed the 17th conference of the committee, held in Lang "
         "Son on March 20, 2026.",
         src);
    snprintf(id, sizeof id, "%s-m2", src);
    json_t *m = get("meetings", id);
    assert_int_equal(json_integer_value(json_object_get(m, "ordinal")), 17);
    assert_true(holds(json_object_get(m, "provinces"), "tuyen-quang"));
    assert_false(holds(json_object_get(m, "provinces"), "ha-giang"));
    json_decref(m);
    /* the province Ha Giang became part of may host; a province of no member may not */
    char target[400];
    snprintf(target, sizeof target, "/v1/review/meetings/%.300s", id);
    json_decref(
        call("POST", target, "{\"action\":\"edit\",\"fields\":{\"host\":\"yunnan\"}}", 400));
    json_decref(
        call("POST", target, "{\"action\":\"edit\",\"fields\":{\"host\":\"tuyen-quang\"}}", 200));
    m = get("meetings", id);
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(m, "host_province"), "id")),
        "tuyen-quang");
    json_decref(m);
}

static void a_dutch_present_with_a_quarter_to_come_is_planned(void **state)
{
    (void)state;
    char src[200], id[300];
    post("nl", "Comité", "2026-11-06",
         "Comité\nDe 20e conferentie van het Gezamenlijk Werkcomité van Cao Bang, Lang Son, "
         "Quang Ninh, Tuyen Quang en Guangxi vindt in het derde kwartaal van 2027 plaats in "
         "Lang Son.",
         src);
    snprintf(id, sizeof id, "%s-m1", src);
    json_t *m = get("meetings", id);
    assert_string_equal(json_string_value(json_object_get(m, "status")), "planned");
    assert_string_equal(json_string_value(json_object_get(m, "date")), "2027");
    assert_non_null(strstr(json_string_value(json_object_get(m, "note")), "2027-07/2027-09"));
    json_decref(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_group_counted_without_its_names_overlaps_nothing),
        cmocka_unit_test(a_group_named_by_its_country_overlaps_nothing),
        cmocka_unit_test(same_day_talks_of_two_pairs_are_two_events),
        cmocka_unit_test(one_member_set_and_the_merged_host),
        cmocka_unit_test(a_dutch_present_with_a_quarter_to_come_is_planned),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
