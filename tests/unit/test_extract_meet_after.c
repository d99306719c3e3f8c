/* test_extract_meet_after.c: a meeting told as following right after one the sentence before
 * dated by its month takes that month (extract_meet_after.c); a day is not carried, nor is a
 * month across a paragraph. A meeting a clause of when after a date things are counted from
 * says was held then ("sinds 2016, toen de eerste editie werd gehouden") takes that date. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The date of the meeting numbered 16 of text ("" undated; fails when there is none). */
static void sixteenth(const char *lang, const char *text, const char *want)
{
    bc_extraction x = run(lang, "2025-11-28", text);
    const bc_xmeeting *m = NULL;
    for (size_t i = 0; i < x.nmeetings && m == NULL; i++)
        if (x.meetings[i].ordinal == 16)
            m = &x.meetings[i];
    if (m == NULL || strcmp(m->date, want) != 0)
        fail_msg("%s: 16th dated '%s', want '%s'", text, m ? m->date : "(none)", want);
    bc_extraction_free(&x);
}

static void right_after_a_meeting_of_a_month(void **state)
{
    (void)state;
    sixteenth("nl",
              "Kop\n\nIn februari kwamen de partijsecretarissen van Quang Ninh, Lang Son, Cao Bang "
              "en Ha Giang in Ha Long samen met hun collega uit Guangxi op de jaarlijkse "
              "voorjaarsontmoeting. Aansluitend hield het gezamenlijk werkcomité van de vijf "
              "provincies er zijn zestiende zitting.",
              "2025-02");
    sixteenth("en",
              "Title\n\nThe party secretaries of Quang Ninh, Lang Son, Cao Bang, Ha Giang and "
              "Guangxi held the Spring Meeting in Ha Long in February. Immediately afterwards, "
              "the Joint Working Committee held its 16th meeting there.",
              "2025-02");
}

static void no_day_carried_nor_across_a_paragraph(void **state)
{
    (void)state;
    /* right after a day: the same day or the next, not told */
    sixteenth("nl",
              "Kop\n\nOp 18 februari kwamen de partijsecretarissen van Quang Ninh, Lang Son, Cao "
              "Bang en Ha Giang in Ha Long samen met hun collega uit Guangxi op de jaarlijkse "
              "voorjaarsontmoeting. Aansluitend hield het gezamenlijk werkcomité van de vijf "
              "provincies er zijn zestiende zitting.",
              "");
    sixteenth("nl",
              "Kop\n\nIn februari kwamen de partijsecretarissen van Quang Ninh, Lang Son, Cao Bang "
              "en Ha Giang in Ha Long samen met hun collega uit Guangxi op de jaarlijkse "
              "voorjaarsontmoeting.\n\nAansluitend hield het gezamenlijk werkcomité van de vijf "
              "provincies er zijn zestiende zitting.",
              "");
}

/* The date ("" undated) of the first meeting numbered 1 of text; fails when there is none. */
static void first_of(const char *lang, const char *text, const char *want)
{
    bc_extraction x = run(lang, "2025-02-22", text);
    const bc_xmeeting *m = NULL;
    for (size_t i = 0; i < x.nmeetings && m == NULL; i++)
        if (x.meetings[i].ordinal == 1)
            m = &x.meetings[i];
    if (m == NULL || strcmp(m->date, want) != 0)
        fail_msg("%s: first dated '%s', want '%s'", text, m ? m->date : "(none)", want);
    bc_extraction_free(&x);
}

static void since_a_year_when_the_first_was_held(void **state)
{
    (void)state;
    first_of("nl",
             "Kop\n\nDe voorjaarsontmoeting bestaat sinds 2016, toen de eerste editie werd "
             "gehouden.",
             "2016");
    /* the meeting stands after the clause of when, not in it */
    first_of("nl",
             "Kop\n\nSinds 2016, toen de werkgroep werd opgericht, kwam de eerste editie in "
             "Nanning bijeen.",
             "");
}

/* The dates of the meetings of Dutch text read on 2023-06-10, in order, into buf. */
static const char *dates(const char *text, char *buf, size_t len)
{
    bc_extraction x = run("nl", "2023-06-10", text);
    buf[0] = '\0';
    for (size_t i = 0; i < x.nmeetings; i++) {
        strncat(buf, i ? " " : "", len - strlen(buf) - 1);
        strncat(buf, x.meetings[i].date, len - strlen(buf) - 1);
    }
    bc_extraction_free(&x);
    return buf;
}

static void there_after_when_and_where_it_happened(void **state)
{
    (void)state;
    char buf[128];
    assert_string_equal(dates("Kop\n\nDat gebeurde eind maart in Ha Giang. Daar kwam de "
                              "gezamenlijke werkgroep van de vijf provincies voor haar negende "
                              "vergadering bijeen.",
                              buf, sizeof buf),
                        "2023-03");
    /* the sentence before tells more than when and where: its date is not surely theirs */
    assert_string_equal(dates("Kop\n\nDe handel groeide eind maart in Ha Giang. Daar kwam de "
                              "gezamenlijke werkgroep van de vijf provincies voor haar negende "
                              "vergadering bijeen.",
                              buf, sizeof buf),
                        "");
}

static void then_to_come_after_a_year_to_come(void **state)
{
    (void)state;
    char buf[128];
    bc_extraction x =
        run("nl", "2022-12-10",
            "Kop\n\nDaar komt volgend jaar een eerste kans voor. De 14e vergadering van "
            "het werkcomité staat dan op het programma in Ha Giang.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2023");
    assert_string_equal(x.meetings[0].status, "planned");
    bc_extraction_free(&x);
    /* the next meeting of its kind after a sentence opening with next year */
    x = run("nl", "2025-02-22",
            "Kop\n\nVolgend jaar is Guangxi opnieuw aan de beurt. De vijf spraken af dat de "
            "volgende voorjaarsontmoeting in Nanning wordt georganiseerd.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2026");
    bc_extraction_free(&x);
    /* not the one that took place */
    assert_string_equal(dates("Kop\n\nVolgend jaar is Guangxi opnieuw aan de beurt. De vijf "
                              "blikten terug op de voorjaarsontmoeting in Nanning.",
                              buf, sizeof buf),
                        "");
    /* "dan" of a comparison: no pointer to the year before */
    assert_string_equal(dates("Kop\n\nDaar komt volgend jaar een eerste kans voor. De 14e "
                              "vergadering van het werkcomité trekt meer bezoekers dan de vorige.",
                              buf, sizeof buf),
                        "");
}

/* "Tegelijk met die bijeenkomst vergaderde het werkcomité ..., voor de negende keer": the
 * date of the meeting the sentence before names, its name's year; not across a paragraph,
 * nor from a sentence whose meetings are of two dates. */
static const char *ninth_date(const bc_extraction *x)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        if (x->meetings[i].ordinal == 9)
            return x->meetings[i].date;
    fail_msg("no ninth meeting among %zu", x->nmeetings);
    return NULL;
}

static void at_the_same_time_as_that_meeting(void **state)
{
    (void)state;
    static const char *const spring =
        "Kop\n\nDe afspraken komen van de Voorjaarsbijeenkomst 2018 van de partijsecretarissen "
        "van Quang Ninh, Lang Son, Cao Bang, Ha Giang en Guangxi.";
    static const char *const then =
        "Tegelijk met die bijeenkomst vergaderde het gezamenlijk werkcomité van dezelfde "
        "provincies, voor de negende keer.";
    char text[768];
    snprintf(text, sizeof text, "%s %s", spring, then);
    bc_extraction x = run("nl", NULL, text);
    assert_string_equal(ninth_date(&x), "2018");
    bc_extraction_free(&x);
    snprintf(text, sizeof text, "%s\n\n%s", spring, then);
    x = run("nl", NULL, text);
    assert_string_equal(ninth_date(&x), "");
    bc_extraction_free(&x);
    snprintf(text, sizeof text,
             "Kop\n\nDe afspraken komen van de Voorjaarsbijeenkomst 2018 en van de "
             "Voorjaarsbijeenkomst 2017 van de partijsecretarissen van Quang Ninh, Lang Son, Cao "
             "Bang, Ha Giang en Guangxi. %s",
             then);
    x = run("nl", NULL, text);
    assert_string_equal(ninth_date(&x), "");
    bc_extraction_free(&x);
}

/* "Op 30 maart was de partijleider van Lang Son al in Nanning. Daar sprak hij met ...": the
 * day of who was where, for the talks "Daar"; not when the sentence before tells more than
 * that (a meeting of its own), nor across a paragraph. */
static void there_after_who_was_where(void **state)
{
    (void)state;
    static const char *const was =
        "Kop\n\nOp 30 maart was de partijleider van Lang Son, Nguyen Quoc Doan, al in Lao Cai.";
    static const char *const talks =
        "Daar sprak hij met Liu Ning, de hoogste partijfunctionaris van Guangxi.";
    char text[512];
    snprintf(text, sizeof text, "%s %s", was, talks);
    expect_one_held("nl", "2023-04-05", text, "2023-03-30");
    expect_one_held("nl", NULL, text, "--03-30");
    snprintf(text, sizeof text, "%s\n\n%s", was, talks);
    bc_extraction x = run("nl", "2023-04-05", text);
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(right_after_a_meeting_of_a_month),
        cmocka_unit_test(no_day_carried_nor_across_a_paragraph),
        cmocka_unit_test(since_a_year_when_the_first_was_held),
        cmocka_unit_test(there_after_when_and_where_it_happened),
        cmocka_unit_test(then_to_come_after_a_year_to_come),
        cmocka_unit_test(at_the_same_time_as_that_meeting),
        cmocka_unit_test(there_after_who_was_where),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
