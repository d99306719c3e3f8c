/* test_extract_date_frame.c: the year an English sentence opens with as a clause of its own
 * ("Last year,", "In 2022,", "In December last year,") dates the days it writes without a
 * year (extract_date_frame.c), and a relative year set off right before a day dates that
 * day (extract_date_year.c); a frame broken by a word of saying dates nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void expect_one(const char *ref, const char *text, const char *date)
{
    bc_extraction x = run("en", ref, text);
    if (x.nmeetings != 1 || strcmp(x.meetings[0].date, date) != 0)
        fail_msg("%s (%s): %zu meetings, first dated '%s', expected '%s'", text,
                 ref ? ref : "no reference", x.nmeetings, x.nmeetings ? x.meetings[0].date : "-",
                 date);
    bc_extraction_free(&x);
}

/* A day far from the year that opens its sentence, past other commas, is of that year: a
 * relative one (the reference's, none without a reference date), or a written one (the
 * text's, with or without a reference date). */
static void the_opening_year_dates_the_days_of_its_sentence(void **state)
{
    (void)state;
    static const struct {
        const char *ref, *text, *exp;
    } cases[] = {
        {"2024-04-20",
         "Last year, the border provinces held the 15th conference of the joint working "
         "committee in Beihai, the coastal city of Guangxi, on February 28.",
         "2023-02-28"},
        {NULL,
         "Last year, the border provinces held the 15th conference of the joint working "
         "committee in Beihai, the coastal city of Guangxi, on February 28.",
         "--02-28"},
        {"2024-04-20", "In 2022, officials of Lao Cai and Hekou held talks at the gate on March 3.",
         "2022-03-03"},
        {NULL, "In 2022, officials of Lao Cai and Hekou held talks at the gate on March 3.",
         "2022-03-03"},
        {"2024-04-20",
         "In early 2021, after months of closure, the two cities held talks on the railway "
         "on January 15.",
         "2021-01-15"},
        /* a month frame dates the days of its month */
        {"2024-04-20", "In December last year, the two cities held talks in Hekou on December 12.",
         "2023-12-12"},
        {"2024-04-20", "In November, delegations of the two cities held talks on November 8.",
         "2023-11-08"},
        /* a span of days of a month: its first day */
        {"2024-04-20",
         "In 2023, the delegations of the two provinces held talks in Hekou from December 3 to 5.",
         "2023-12-03"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_one(cases[i].ref, cases[i].text, cases[i].exp);
}

/* "last year, on December 3": a relative year set off by a comma right before the day. */
static void a_relative_year_right_before_the_day_dates_it(void **state)
{
    (void)state;
    expect_one("2024-04-20",
               "The eleventh meeting of the group took place in Kunming last year, on "
               "December 3, and approved a bridge.",
               "2023-12-03");
    expect_one(NULL,
               "The eleventh meeting of the group took place in Kunming last year, on "
               "December 3, and approved a bridge.",
               "--12-03");
}

/* The meeting of last year, then the day set off by commas ("De Lenteontmoeting van vorig
 * jaar, op 22 februari, werd ..."): that year's day, in every language, and "die dag" later in
 * the sentence with it. Not a relative year a clause away from the day, nor one of another
 * noun with no comma before the day. */
static void the_meeting_of_last_year_on_a_day(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *exp;
    } cases[] = {
        {"nl",
         "De Lenteontmoeting van vorig jaar, op 22 februari, werd online gehouden vanuit Ha Giang.",
         "2023-02-22"},
        {"fr",
         "La Rencontre de printemps de l'an dernier, le 22 février, s'est tenue en ligne depuis "
         "Ha Giang.",
         "2023-02-22"},
        {"en", "The Spring Meeting of last year, on February 22, was held online from Ha Giang.",
         "2023-02-22"},
        /* no relative year set off right before the day: the reference year */
        {"nl",
         "Vorig jaar groeide de handel sterk, maar de Lenteontmoeting werd op 22 februari online "
         "gehouden.",
         "2024-02-22"},
        {"nl",
         "De handel van vorig jaar groeide sterk, en de Lenteontmoeting werd op 22 februari online "
         "gehouden.",
         "2024-02-22"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2024-03-02", cases[i].text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, cases[i].exp) != 0)
            fail_msg("%s: %zu meetings, first dated '%s', expected '%s'", cases[i].text,
                     x.nmeetings, x.nmeetings ? x.meetings[0].date : "-", cases[i].exp);
        bc_extraction_free(&x);
    }
    bc_extraction x =
        run("nl", "2024-03-02",
            "De Lenteontmoeting van vorig jaar, op 22 februari, werd online gehouden, "
            "en ook de veertiende zitting van het gemengd werkcomité vond die dag plaats.");
    assert_int_equal(x.nmeetings, 2);
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_equal(x.meetings[k].date, "2023-02-22");
    bc_extraction_free(&x);
}

/* What does not frame: a word of saying between the year and the day (the day is the
 * saying's, the reference year's), "this year", a day that opens the sentence, and a month
 * frame for a day of another month. */
static void no_frame_no_other_year(void **state)
{
    (void)state;
    expect_one("2024-04-20",
               "Last year, trade rose 12 percent, the chairman said at talks in Hekou on March 3.",
               "2024-03-03");
    expect_one("2024-04-20", "This year, the two cities held talks on the railway on March 3.",
               "2024-03-03");
    /* a clause with a verb is no time of its own */
    expect_one("2024-04-20",
               "Trade fell in 2022, while the two delegations, both from the border, met on "
               "March 3 in Hekou.",
               "2024-03-03");
    expect_one("2024-04-20",
               "On January 5, 2022, the two sides held talks in Hekou, a week after the fair of "
               "December 29.",
               "2022-01-05");
    bc_extraction x = run("en", "2024-04-20",
                          "In December 2022, the two cities held talks in Hekou on January 9.");
    for (size_t i = 0; i < x.nmeetings; i++)
        if (strcmp(x.meetings[i].date, "2022-01-09") == 0 ||
            strcmp(x.meetings[i].date, "2023-01-09") == 0)
            fail_msg("a month frame dated a day of another month: %s", x.meetings[i].date);
    bc_extraction_free(&x);
}

/* A year counted back framing a day: "a year ago" is the year before the reference date's
 * (a month and day without one); "a year earlier" is before a time told, not known, so the
 * day dates nothing (it took the reference date's year: wrong). "In early 2023," opens a
 * frame as "In 2023," does (the year was read as a count of the officials after it). */
static void years_counted_back_and_parts_of_a_year(void **state)
{
    (void)state;
    expect_one("2024-03-08",
               "Officials of Bat Xat and Jinping held talks in Jinping a year ago, on March 3.",
               "2023-03-03");
    expect_one(NULL,
               "Officials of Bat Xat and Jinping held talks in Jinping a year ago, on March 3.",
               "--03-03");
    bc_extraction x = run("en", "2024-03-08",
                          "A year earlier, on March 3, officials of Bat Xat and Jinping held talks "
                          "in Jinping.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
    expect_one("2024-03-08",
               "In early 2023, officials of Bat Xat and Jinping held talks in Jinping on March 3.",
               "2023-03-03");
    expect_one("2024-03-08",
               "In mid-2022, officials of Bat Xat and Jinping held talks in Jinping on June 3.",
               "2022-06-03");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_opening_year_dates_the_days_of_its_sentence),
        cmocka_unit_test(a_relative_year_right_before_the_day_dates_it),
        cmocka_unit_test(the_meeting_of_last_year_on_a_day),
        cmocka_unit_test(no_frame_no_other_year),
        cmocka_unit_test(years_counted_back_and_parts_of_a_year),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
