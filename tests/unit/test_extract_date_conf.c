/* test_extract_date_conf.c: the confidence of a meeting's date (extract_date_conf.c): a
 * date attached in a way the blind dev pools found wrong is withheld and the meeting kept
 * undated; each doubt has a sentence it must withhold and one it must keep. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The one meeting of an English text published on pub: kept, with date want ("" when
 * withheld) and date_doubts doubts. */
static void one_meeting(const char *pub, const char *text, const char *want, unsigned doubts)
{
    bc_extraction x = run("en", pub, text);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, want);
    assert_int_equal(x.meetings[0].date_doubts, doubts);
    if (doubts != 0)
        assert_true(x.meetings[0].date_confidence < BC_X_MIN_CONFIDENCE);
    else
        assert_true(x.meetings[0].date_confidence == 1.0);
    assert_true(x.meetings[0].confidence >= BC_X_MIN_CONFIDENCE); /* the meeting is stored */
    bc_extraction_free(&x);
}

static void a_year_of_a_name_beside_a_day(void **state)
{
    (void)state;
    /* the year names which Spring Meeting; the day its sentence writes is not attached */
    one_meeting("2025-11-29",
                "Title\n\nOn November 27, Thieu asked both sides to implement the agreements "
                "reached at the Spring Meeting 2025 between the Party secretaries of Quang Ninh, "
                "Lang Son and Guangxi.",
                "", BC_XD_YEAR_BESIDE_DAY);
    /* kept: the same name, and no month or day in its sentence */
    one_meeting("2025-11-29",
                "Title\n\nThieu asked both sides to implement the agreements reached at the "
                "Spring Meeting 2025 between the Party secretaries of Quang Ninh, Lang Son and "
                "Guangxi.",
                "2025", 0);
    /* kept: a year said as the talks' time is no name, whatever day another noun has */
    one_meeting("2025-11-02",
                "Title\n\nDuring talks between Lao Cai and Honghe officials earlier this year, "
                "the two sides agreed to resume trade at the Ban Vuoc crossing, which reopened "
                "on May 14 for a trial.",
                "2025", 0);
    /* kept: a year said as its time, not as its name ("in 2023"), beside another day */
    bc_extraction y = run("en", "2024-06-20",
                          "Title\n\nFollowing the Spring Meeting in 2023, on February 24, 2023, "
                          "the 14th conference of the joint working committee of Guangxi and "
                          "the four provinces was held in Nanning.");
    int kept = 0;
    for (size_t k = 0; k < y.nmeetings; k++)
        kept += strcmp(y.meetings[k].date, "2023") == 0 && y.meetings[k].date_doubts == 0;
    assert_int_equal(kept, 1);
    bc_extraction_free(&y);
    /* the meeting withheld its date, not its mechanism */
    bc_extraction x = run("en", "2025-11-29",
                          "Title\n\nOn November 27, Thieu asked both sides to implement the "
                          "agreements reached at the Spring Meeting 2025 between the Party "
                          "secretaries of Quang Ninh, Lang Son and Guangxi.");
    assert_string_equal(x.meetings[0].mechanism, "spring-meeting-guangxi");
    bc_extraction_free(&x);
}

static void a_meeting_to_come_dated_from_an_earlier_clause(void **state)
{
    (void)state;
    /* the day is the bridge's opening, told in a clause before the talks to come */
    one_meeting("2025-04-01",
                "Title\n\nAfter the bridge opens on May 12, leaders of Lao Cai and Honghe will "
                "hold talks in Hekou.",
                "", BC_XD_EARLIER_CLAUSE);
    one_meeting("2025-04-01",
                "Title\n\nLao Cai will open the new bridge on May 12, and leaders of Lao Cai and "
                "Honghe will hold talks in Hekou.",
                "", BC_XD_EARLIER_CLAUSE);
    /* kept: a day that opens the sentence frames what follows */
    one_meeting("2025-04-01",
                "Title\n\nOn May 12, leaders of Lao Cai and Honghe will hold talks in Hekou.",
                "2025-05-12", 0);
    /* kept: a day counted from the report's is the story's own week */
    one_meeting("2024-01-30",
                "Title\n\nA Lao Cai delegation is due to cross into Hekou today, where it will be "
                "received by Honghe leaders.",
                "2024-01-30", 0);
    /* kept: the day stands in the clause of the meeting told before it */
    bc_extraction z = run("en", "2025-08-25",
                          "Title\n\nThe fifth annual conference of Party secretaries of Lai Chau, "
                          "Lao Cai, Tuyen Quang, Dien Bien and Yunnan will be held in Lai Chau in "
                          "October, along with the 11th meeting of the Joint Working Group.");
    for (size_t k = 0; k < z.nmeetings; k++) {
        assert_string_equal(z.meetings[k].date, "2025-10");
        assert_int_equal(z.meetings[k].date_doubts, 0);
    }
    assert_int_equal(z.nmeetings, 2);
    bc_extraction_free(&z);
    /* kept: the day after the talks to come, in their clause */
    one_meeting("2025-04-01",
                "Title\n\nLeaders of Lao Cai and Honghe will hold talks in Hekou on June 12.",
                "2025-06-12", 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_year_of_a_name_beside_a_day),
        cmocka_unit_test(a_meeting_to_come_dated_from_an_earlier_clause),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
