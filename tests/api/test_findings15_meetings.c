/* test_findings15_meetings.c: the outside analyst15's findings on what an article's meetings
 * become, against the real daemon. S2-4: talks of two provinces and a group of the other side that
 * the text tells as held with no word of when are stored undated with a note, not dropped
 * uncounted. S3-2: the Dutch present "vindt ... plaats" states a meeting to come. S4-1: "the
 * 11th meeting of the group" kept as an event is titled with the group the article names. */
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

#define TOKEN "findings15-token-0123456789abcdef"

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

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int setup(void **state)
{
    (void)state;
    return bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings15") != 0 ||
                   bct_daemon_start_token(&D, DB, TOKEN) != 0
               ? -1
               : 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* Posts text (language lang, published_on or none) and copies the new source's id into src
 * (200 bytes); returns the answer's "extracted" object (the caller frees the answer *all). */
static json_t *post_in(const char *lang, const char *text, const char *published_on, char *src,
                       json_t **all)
{
    json_t *o = json_pack("{s:s,s:s,s:s}", "text", text, "title", "Talks in brief", "lang", lang);
    if (published_on != NULL)
        json_object_set_new(o, "published_on", json_string(published_on));
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    *all = call("POST", "/v1/sources", body, 201);
    free(body);
    snprintf(src, 200, "%.190s", str(json_object_get(*all, "source"), "id"));
    return json_object_get(*all, "extracted");
}

static json_t *post(const char *text, const char *published_on, char *src, json_t **all)
{
    return post_in("en", text, published_on, src, all);
}

/* The stored meeting of source src numbered ord (src-m1 or src-m2, both stored), failing
 * when neither is. */
static json_t *meeting_numbered(const char *src, int ord)
{
    char target[300];
    for (int k = 1; k <= 2; k++) {
        snprintf(target, sizeof target, "/v1/meetings/%s-m%d?curation=all", src, k);
        json_t *j = call("GET", target, NULL, 200);
        if (json_integer_value(json_object_get(j, "ordinal")) == ord)
            return j;
        json_decref(j);
    }
    fail_msg("%s: no meeting %d", src, ord);
    return NULL;
}

/* 1 when the document's "inferred" list holds field */
static int inferred(json_t *doc, const char *field)
{
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(doc, "inferred"), i, v)
    {
        if (strcmp(json_string_value(v), field) == 0)
            return 1;
    }
    return 0;
}

/* S2-4: "Leaders of A, B and the two Chinese provinces held talks in Hekou." (no date word):
 * one talks event, undated, its note saying why; talks to come in the same words are not
 * kept. */
static void group_talks_without_a_time_are_stored_undated(void **state)
{
    (void)state;
    char src[200], target[300];
    json_t *all;
    json_t *x = post("Border talks in brief\n"
                     "Party chiefs of Lai Chau, Dien Bien and the two Chinese provinces held talks "
                     "in Mengla.",
                     "2026-12-03", src, &all);
    assert_int_equal(json_integer_value(json_object_get(x, "events")), 1);
    assert_int_equal(json_integer_value(json_object_get(x, "dates_without_year")), 0);
    json_decref(all);
    snprintf(target, sizeof target, "/v1/events/%s-e1?curation=all", src);
    json_t *j = call("GET", target, NULL, 200);
    json_t *date = json_object_get(j, "date");
    assert_true(date == NULL || json_is_null(date));
    assert_non_null(strstr(str(j, "note"), "held without saying when"));
    assert_non_null(strstr(str(j, "title"), "2 Chinese provinces"));
    assert_int_equal(json_array_size(json_object_get(j, "organisations")), 2);
    json_decref(j);
    /* negative: to come, no talks kept */
    x = post("Border talks ahead\n"
             "Party chiefs of Lai Chau, Dien Bien and the two Chinese provinces will hold talks in "
             "Mengla.",
             "2026-12-03", src, &all);
    assert_int_equal(json_integer_value(json_object_get(x, "events")), 0);
    json_decref(all);
}

/* S3-2: the Dutch present "vindt ... plaats" of a year after the publication date says the
 * meeting is to come: planned, its status not marked inferred; a sentence that gives only
 * the year, with no verb of holding, leaves the status to the date (marked inferred). */
static void dutch_present_of_holding_states_planned(void **state)
{
    (void)state;
    char src[200];
    json_t *all;
    post_in("nl",
            "Werkgroep blikt vooruit\n"
            "De 12e vergadering van de gezamenlijke werkgroep van Lai Chau, Lao Cai, Tuyen Quang, "
            "Dien Bien en Yunnan werd op 2 december 2026 in Kunming gehouden. De 13e vergadering "
            "vindt in 2027 plaats in Dien Bien.",
            "2026-12-03", src, &all);
    json_decref(all);
    json_t *j = meeting_numbered(src, 13);
    assert_string_equal(str(j, "status"), "planned");
    assert_false(inferred(j, "status"));
    json_decref(j);
    /* negative: the year alone decides, and that is marked */
    post_in("nl",
            "Werkgroep kijkt vooruit\n"
            "De 12e vergadering van de gezamenlijke werkgroep van Lai Chau, Lao Cai, Tuyen Quang, "
            "Dien Bien en Yunnan werd op 2 december 2026 in Kunming gehouden. Voor de 13e "
            "vergadering, in 2027 in Dien Bien, ligt een lijst van projecten klaar.",
            "2026-12-03", src, &all);
    json_decref(all);
    j = meeting_numbered(src, 13);
    assert_string_equal(str(j, "status"), "planned");
    assert_true(inferred(j, "status"));
    json_decref(j);
}

/* N1 (analyst 15): without a publication date, a one-line Dutch article ending in a
 * caption is all body, so its "vindt in 2027 plaats" is planned, stated, as without the
 * caption; the English "takes place in 2027" says nothing held: held, status marked
 * inferred; "took place" stays stated. */
static void present_of_taking_place_undated(void **state)
{
    (void)state;
    char src[200];
    json_t *all;
    post_in("nl",
            "De 12e vergadering van de gezamenlijke werkgroep van Lai Chau, Lao Cai, Tuyen Quang, "
            "Dien Bien en Yunnan vond op 5 november 2026 plaats in Mengzi. De 13e vergadering "
            "vindt in 2027 plaats in Lai Chau. (Foto: archief.)",
            NULL, src, &all);
    json_decref(all);
    json_t *j = meeting_numbered(src, 13);
    assert_string_equal(str(j, "status"), "planned");
    assert_false(inferred(j, "status"));
    json_decref(j);
    post_in("en",
            "The 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien "
            "Bien and Yunnan took place in Mengzi on 5 November 2026. The 13th meeting takes "
            "place in Lai Chau in 2027.",
            NULL, src, &all);
    json_decref(all);
    j = meeting_numbered(src, 13);
    assert_true(inferred(j, "status"));
    json_decref(j);
    j = meeting_numbered(src, 12);
    assert_string_equal(str(j, "status"), "held");
    assert_false(inferred(j, "status"));
    json_decref(j);
}

/* S4-1: "the 11th meeting of the group", whose date does not fit the known body's meeting
 * 11, is kept as an event titled with the body the article names, its note saying why it is
 * not linked; a number told of no body at all is still "of a body the article does not
 * name". */
static void a_meeting_of_the_group_is_titled_with_the_group(void **state)
{
    (void)state;
    static const char *const texts[][2] = {
        {"en", "Working group meets\n"
               "The 7th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, "
               "Dien Bien and Yunnan was held in Mengzi on October 9, 2026.\n"
               "Delegates looked back on the 11th meeting of the group, held in Lai Chau on "
               "April 20, 2019."},
        {"sv",
         "Arbetsgruppen möts\n"
         "Det sjunde mötet i den gemensamma arbetsgruppen för Lai Chau, Lao Cai, Tuyen Quang, "
         "Dien Bien och Yunnan hölls i Mengzi den 9 oktober 2026.\n"
         "Delegaterna påminde om gruppens elfte möte, som hölls i Lai Chau den 20 april "
         "2019."},
    };
    char src[200], target[300];
    json_t *all;
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        post_in(texts[k][0], texts[k][1], "2026-10-10", src, &all);
        json_decref(all);
        snprintf(target, sizeof target, "/v1/events/%s-e1?curation=all", src);
        json_t *j = call("GET", target, NULL, 200);
        const char *title = str(j, "title");
        assert_non_null(strstr(title, "Meeting 11 of the Joint Working Group"));
        assert_null(strstr(title, "does not name"));
        assert_non_null(strstr(str(j, "note"), "of the group it names, jwg-yunnan"));
        json_decref(j);
    }
    /* negative: no body named at all */
    post_in("en",
            "Border meeting\n"
            "The 7th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien "
            "Bien and Yunnan was held in Mengzi on October 9, 2026.\n"
            "Separately, a 4th meeting took place in Hekou on April 20, 2019.",
            "2026-10-10", src, &all);
    json_decref(all);
    snprintf(target, sizeof target, "/v1/events/%s-e1?curation=all", src);
    json_t *j = call("GET", target, NULL, 200);
    assert_non_null(strstr(str(j, "title"), "Meeting 4 of a body the article does not name"));
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(group_talks_without_a_time_are_stored_undated),
        cmocka_unit_test(dutch_present_of_holding_states_planned),
        cmocka_unit_test(present_of_taking_place_undated),
        cmocka_unit_test(a_meeting_of_the_group_is_titled_with_the_group),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
