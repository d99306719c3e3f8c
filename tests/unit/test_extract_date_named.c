/* test_extract_date_named.c: English days written as a description (extract_date_named.c):
 * "the last day of 2023", "the first day of October", "New Year's Eve" date a meeting as
 * the day they name, a year completed as a written month and day's; descriptions of no
 * fixed day, or of a day whose year is not known, date nothing; nor do the days of a visit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The meetings of text read with reference date ref: exactly one when date is not NULL,
 * dated date ("" undated); none when it is NULL. */
static void expect(const char *ref, const char *text, const char *date)
{
    bc_extraction x = run("en", ref, text);
    if (date == NULL ? x.nmeetings != 0 : x.nmeetings != 1 || strcmp(x.meetings[0].date, date) != 0)
        fail_msg("%s (%s): %zu meetings, first dated '%s', expected '%s'", text,
                 ref ? ref : "no reference", x.nmeetings, x.nmeetings ? x.meetings[0].date : "-",
                 date ? date : "none");
    bc_extraction_free(&x);
}

static void the_last_or_first_day_of_a_year(void **state)
{
    (void)state;
    const char *t = "On the final day of 2022, leaders of Cao Bang and Baise sat down for talks "
                    "in Cao Bang city.";
    expect("2023-01-09", t, "2022-12-31");
    expect(NULL, t, "2022-12-31"); /* the year is written: no reference date needed */
    expect("2025-01-04",
           "Officials of Ha Giang and Wenshan held talks at the Thanh Thuy gate on the first "
           "day of 2025.",
           "2025-01-01");
}

static void the_last_or_first_day_of_a_month(void **state)
{
    (void)state;
    const char *t = "On the last day of September, officials of Lai Chau and Honghe held talks "
                    "in Ma Lu Thang.";
    expect("2025-10-06", t, "2025-09-30");
    expect(NULL, t, "--09-30"); /* month and day, no year invented */
    expect("2025-10-06",
           "On the last day of September 2023, officials of Lai Chau and Honghe held talks in "
           "Ma Lu Thang.",
           "2023-09-30");
    expect("2025-03-10",
           "Officials of Lai Chau and Honghe held talks in Ma Lu Thang on the opening day of "
           "March.",
           "2025-03-01");
    /* February's last day of a year not written: 28 or 29 is not known */
    expect(NULL,
           "On the last day of February, officials of Lai Chau and Honghe held talks in Ma "
           "Lu Thang.",
           NULL);
}

static void new_years_days(void **state)
{
    (void)state;
    expect("2024-01-08",
           "On New Year's Eve, officials of Quang Ninh and Guangxi exchanged greetings at "
           "talks in Dongxing.",
           "2023-12-31");
    expect("2024-01-08",
           "On New Year's Day 2024, officials of Quang Ninh and Guangxi held talks in "
           "Dongxing.",
           "2024-01-01");
}

/* No date: the first day of the lunar year moves; "the year" names no year; and a named
 * day of another event leaves the meeting's own day to it. */
static void descriptions_of_no_fixed_day(void **state)
{
    (void)state;
    expect("2024-02-20",
           "On the first day of the Lunar New Year, officials of Lang Son and Chongzuo held "
           "talks at the Huu Nghi gate.",
           NULL);
    expect("2024-02-20",
           "On the last day of the year, officials of Lang Son and Chongzuo held talks at the "
           "Huu Nghi gate.",
           NULL);
    expect("2024-03-15",
           "The bridge opened on the first day of 2024, and officials of Lang Son and Chongzuo "
           "held talks on March 3.",
           "2024-03-03");
}

/* The first or last day of a year that names an event ("this year's cooperation week",
 * "2023's trade fair", "the first day of 2024 Expo") is the event's, which the year does
 * not give: no date (it was January 1, a day the text never states); the year's own first
 * day stays one. */
static void the_first_day_of_a_years_event(void **state)
{
    (void)state;
    /* no date, but the talks are kept, undated, the words quoted (outsider 14, N1) */
    expect("2025-11-22",
           "Officials of Lai Chau and Honghe held talks in Mile on the opening day of this "
           "year's Red River cooperation week.",
           "");
    expect("2024-05-10",
           "Officials of Lang Son and Chongzuo held talks on the closing day of 2023's trade "
           "fair in Nanning.",
           NULL);
    expect("2024-05-10",
           "Officials of Lang Son and Chongzuo held talks on the first day of 2024 Expo in "
           "Nanning.",
           NULL);
    expect("2025-11-22",
           "Officials of Lai Chau and Honghe held talks in Mile on the first day of this year.",
           "2025-01-01");
}

/* A year or month counted from the reference date: "the last day of last year", "the first
 * day of next month" are days (a month alone was a wrong precision); without a reference
 * date, nothing. */
static void days_of_a_counted_year_or_month(void **state)
{
    (void)state;
    const char *t = "Officials of Lai Chau and Honghe held talks in Ma Lu Thang on the last day "
                    "of last year.";
    expect("2025-02-10", t, "2024-12-31");
    expect(NULL, t, NULL);
    t = "Officials of Lai Chau and Honghe will hold talks in Ma Lu Thang on the first day of "
        "next month.";
    expect("2025-02-10", t, "2025-03-01");
    expect("2025-12-10", t, "2026-01-01");
}

/* Three days or more a visit's words name ("within the delegation's working visit to Guangxi
 * from May 6-8") are the visit's: talks of it fall on one of them, not said which, so no
 * first day dates them (it was a wrong date); talks held over the days keep the first. */
static void days_of_a_visit_date_no_talks(void **state)
{
    (void)state;
    expect("2025-05-12",
           "The talks between Bat Xat and Jinping took place during the delegation's working "
           "visit to Yunnan from May 6-8.",
           NULL);
    expect("2025-05-12", "Officials of Bat Xat and Jinping held talks in Jinping from May 6 to 8.",
           "2025-05-06");
}

/* "next September" said in November is the next year's September; said in February, "next
 * March" may be this year's or the next: no date. */
static void next_month_of_a_year_to_come(void **state)
{
    (void)state;
    const char *t = "The 12th meeting of the joint working group of Lao Cai, Ha Giang, Lai Chau, "
                    "Dien Bien and Yunnan will take place in Kunming next September.";
    expect("2025-11-20", t, "2026-09");
    t = "The 12th meeting of the joint working group of Lao Cai, Ha Giang, Lai Chau, Dien Bien "
        "and Yunnan will take place in Kunming next March.";
    bc_extraction x = run("en", "2025-02-20", t);
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_last_or_first_day_of_a_year),
        cmocka_unit_test(the_last_or_first_day_of_a_month),
        cmocka_unit_test(new_years_days),
        cmocka_unit_test(descriptions_of_no_fixed_day),
        cmocka_unit_test(days_of_a_counted_year_or_month),
        cmocka_unit_test(the_first_day_of_a_years_event),
        cmocka_unit_test(days_of_a_visit_date_no_talks),
        cmocka_unit_test(next_month_of_a_year_to_come),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
