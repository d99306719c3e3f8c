/* test_extract_meet_dayname.c: a Dutch meeting named by its day after "van" and the
 * sentence that dates the last meeting named by pointing back at it
 * (extract_meet_dayname.c): "De ontmoeting van maandag" keeps its Monday, the working session
 * the same sentence names does not take it; "Die vond op 31 december ... plaats" dates that
 * session; a sentence of the present, or of no holding, dates nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static const char *const told =
    "Kop\n\nDe ontmoeting van maandag volgde kort op een werksessie tussen de stad Lao Cai en "
    "het Chinese district Hekou.";

/* The dates of the meetings of text, read with reference date ref, joined by spaces in
 * their order, into buf. */
static const char *dates(const char *ref, const char *text, char *buf, size_t len)
{
    bc_extraction x = run("nl", ref, text);
    buf[0] = '\0';
    for (size_t i = 0; i < x.nmeetings; i++) {
        strncat(buf, i ? " " : "", len - strlen(buf) - 1);
        strncat(buf, x.meetings[i].date, len - strlen(buf) - 1);
    }
    bc_extraction_free(&x);
    return buf;
}

static void the_day_after_van_is_its_nouns(void **state)
{
    (void)state;
    char buf[128];
    /* Monday is the meeting's; the working session, undated, is no meeting one can tell */
    assert_string_equal(dates("2024-01-30", told, buf, sizeof buf), "2024-01-29");
}

static void die_vond_plaats_dates_the_last_meeting_named(void **state)
{
    (void)state;
    char text[512], buf[128];
    snprintf(text, sizeof text, "%s Die vond op 31 december vorig jaar in Lao Cai plaats.", told);
    assert_string_equal(dates("2024-01-30", text, buf, sizeof buf), "2024-01-29 2023-12-31");
    /* no reference date: the day and month, no year invented */
    snprintf(text, sizeof text, "%s Die vond op 31 december in Lao Cai plaats.", told);
    assert_string_equal(dates(NULL, text, buf, sizeof buf), "--12-31");
}

static void no_day_from_what_says_no_holding(void **state)
{
    (void)state;
    char text[512], buf[128];
    /* the present: to come, not the session that took place */
    snprintf(text, sizeof text, "%s Die vindt op 31 maart in Lao Cai plaats.", told);
    assert_string_equal(dates("2024-01-30", text, buf, sizeof buf), "2024-01-29");
    /* no verb of holding: what was approved then is no meeting */
    assert_string_equal(dates("2024-01-30",
                              "Kop\n\nLao Cai en Hekou hielden een werksessie over de brug. Die "
                              "werd op 31 december vorig jaar door Hanoi goedgekeurd.",
                              buf, sizeof buf),
                        "");
    /* a new paragraph points back at nothing */
    snprintf(text, sizeof text, "%s\n\nDie vond op 31 december vorig jaar in Lao Cai plaats.",
             told);
    assert_string_equal(dates("2024-01-30", text, buf, sizeof buf), "2024-01-29");
}

/* "De Voorjaarsbijeenkomst 2021 ... . Die bijeenkomst werd op 9 april in Cao Bang gehouden":
 * the named meeting takes the day, of its name's year, with or without a reference date;
 * "Op diezelfde dag" after it carries that year too */
static void that_meeting_gives_the_named_year_its_day(void **state)
{
    (void)state;
    char buf[128];
    static const char *const text =
        "Kop\n\nDe provincies werkten het plan uit tijdens de Voorjaarsbijeenkomst 2021 van de "
        "partijleiders van Quang Ninh, Lang Son, Cao Bang en Ha Giang met Guangxi. Die "
        "bijeenkomst werd op 9 april in Cao Bang gehouden.";
    assert_string_equal(dates("2021-04-14", text, buf, sizeof buf), "2021-04-09");
    assert_string_equal(dates(NULL, text, buf, sizeof buf), "2021-04-09");
    char more[768];
    snprintf(more, sizeof more,
             "%s Op diezelfde dag vergaderde daar ook het gezamenlijk werkcomité van de vijf "
             "provincies, voor de achtste keer.",
             text);
    bc_extraction x = run("nl", NULL, more);
    int jwc = 0;
    for (size_t i = 0; i < x.nmeetings; i++)
        if (x.meetings[i].ordinal == 8) {
            jwc = 1;
            assert_string_equal(x.meetings[i].date, "2021-04-09");
        }
    assert_true(jwc);
    bc_extraction_free(&x);
}

static void that_meeting_after_another_date_keeps_the_name_year(void **state)
{
    (void)state;
    char buf[128];
    /* the sentence before tells another date too: whose the day is, is not said */
    assert_null(strstr(
        dates(NULL,
              "Kop\n\nIn maart 2020 bespraken ze het plan al op de Voorjaarsbijeenkomst 2021 "
              "van de partijleiders van Quang Ninh, Lang Son, Cao Bang en Ha Giang met Guangxi. "
              "Die bijeenkomst werd op 9 april in Cao Bang gehouden.",
              buf, sizeof buf),
        "2021-04-09"));
    /* a new paragraph points back at nothing */
    assert_string_equal(dates(NULL,
                              "Kop\n\nDe provincies werkten het plan uit tijdens de "
                              "Voorjaarsbijeenkomst 2021 van de partijleiders van Quang Ninh, "
                              "Lang Son, Cao Bang en Ha Giang met Guangxi.\n\nDie bijeenkomst "
                              "werd op 9 april in Cao Bang gehouden.",
                              buf, sizeof buf),
                        "2021 --04-09");
}

/* "... is de vierde conferentie .... Die staat gepland voor april 2024": that conference's
 * month, to come; not when the sentence names a meeting of its own, nor across a paragraph */
static void die_staat_gepland_dates_the_meeting_to_come(void **state)
{
    (void)state;
    static const char *const lead =
        "Kop\n\nDe volgende gelegenheid om het plan te bespreken is de vierde conferentie van de "
        "partijsecretarissen van Lai Chau, Lao Cai, Ha Giang, Dien Bien en Yunnan.";
    char text[768];
    snprintf(text, sizeof text, "%s Die staat gepland voor april 2024, in Lao Cai.", lead);
    bc_extraction x = run("nl", "2023-11-02", text);
    const bc_xmeeting *m = meet(&x, "conference-yunnan", 4);
    assert_string_equal(m->date, "2024-04");
    assert_string_equal(m->status, "planned");
    bc_extraction_free(&x);
    snprintf(text, sizeof text, "%s\n\nDie staat gepland voor april 2024, in Lao Cai.", lead);
    x = run("nl", "2023-11-02", text);
    assert_string_equal(meet(&x, "conference-yunnan", 4)->date, "");
    bc_extraction_free(&x);
    snprintf(text, sizeof text, "%s Die staat gepland voor april 2024, na een werksessie in Hekou.",
             lead);
    x = run("nl", "2023-11-02", text);
    assert_string_equal(meet(&x, "conference-yunnan", 4)->date, "");
    bc_extraction_free(&x);
}

/* "... hebben in Beihai de 12e vergadering van hun werkcomité gehouden. ... Het overleg begon
 * op 5 maart 's middags": the talks that began are that meeting told again, one meeting of
 * that day; not a meeting to come, nor talks of a sentence naming another meeting. */
static void het_overleg_begon_is_the_meeting_told_before(void **state)
{
    (void)state;
    static const char *const lead =
        "Kop\n\nBestuurders van Lao Cai en de Chinese provincie Yunnan hebben in Kunming de 12e "
        "vergadering van hun gezamenlijke werkgroep gehouden. Het ging vooral over de brug.";
    char text[768];
    snprintf(text, sizeof text, "%s\n\nHet overleg begon op 5 maart 's middags.", lead);
    bc_extraction x = run("nl", "2021-03-07", text);
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].ordinal, 12);
    assert_string_equal(x.meetings[0].date, "2021-03-05");
    assert_int_equal(x.meetings[0].cite.nquotes, 2);
    bc_extraction_free(&x);
    x = run("nl", NULL, text);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "--03-05");
    bc_extraction_free(&x);
    /* to come: the talks that began are not it */
    x = run("nl", "2021-03-07",
            "Kop\n\nBestuurders van Lao Cai en de Chinese provincie Yunnan zullen in Kunming de "
            "12e vergadering van hun gezamenlijke werkgroep houden. Het ging vooral over de "
            "brug.\n\nHet overleg begon op 5 maart 's middags.");
    for (size_t i = 0; i < x.nmeetings; i++)
        if (x.meetings[i].ordinal == 12)
            assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
}

/* "Het overleg vond plaats in de marge van de 12e vergadering ...": the talks the report told
 * first are a meeting of their own beside it, though of its day; without such a sentence
 * they are that meeting. */
static void het_overleg_in_de_marge_is_its_own(void **state)
{
    (void)state;
    static const char *const fmt =
        "Kop\n\nBestuurders van Lao Cai en Yunnan spraken dat afgelopen vrijdag af tijdens "
        "overleg in de stad Lao Cai. Het ging vooral over de brug.\n\n%s de 12e vergadering van "
        "de gezamenlijke werkgroep van Lai Chau, Lao Cai, Ha Giang, Dien Bien en Yunnan. Die "
        "vergadering werd op 22 maart in Lao Cai gehouden.";
    char text[768];
    snprintf(text, sizeof text, fmt, "Het overleg vond plaats in de marge van");
    bc_extraction x = run("nl", "2024-03-25", text);
    assert_int_equal(x.nmeetings, 2);
    assert_string_equal(meet(&x, "", 0)->date, "2024-03-22");
    assert_string_equal(meet(&x, "jwg-yunnan", 12)->date, "2024-03-22");
    bc_extraction_free(&x);
    snprintf(text, sizeof text, fmt, "Het overleg was een aanloop naar");
    x = run("nl", "2024-03-25", text);
    assert_int_equal(x.nmeetings, 1);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_day_after_van_is_its_nouns),
        cmocka_unit_test(die_vond_plaats_dates_the_last_meeting_named),
        cmocka_unit_test(no_day_from_what_says_no_holding),
        cmocka_unit_test(that_meeting_gives_the_named_year_its_day),
        cmocka_unit_test(that_meeting_after_another_date_keeps_the_name_year),
        cmocka_unit_test(die_staat_gepland_dates_the_meeting_to_come),
        cmocka_unit_test(het_overleg_begon_is_the_meeting_told_before),
        cmocka_unit_test(het_overleg_in_de_marge_is_its_own),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
