/* test_extract_meet_followup.c: English meetings told as following up
 * (extract_meet_followup.c): "followed up in April 2023" is talks of that month, "followed up
 * with a working session ... in June last year" talks that took place then; "followed up on"
 * what talks built on is no meeting; a meeting talks "followed" ("volgden op overleg") is
 * one of its own, held, and a railway working group no mechanism. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The meetings of text, read with reference date ref: one held, dated want, or none when
 * want is NULL (expect_one_held, extract_fixture.h). */
static void expect(const char *ref, const char *text, const char *want)
{
    expect_one_held("en", ref, text, want);
}

static void following_up_is_meeting(void **state)
{
    (void)state;
    expect("2024-05-20",
           "Title\n\nLeaders of Lang Son and Chongzuo followed up in April 2023, when they agreed "
           "to launch tourism cooperation.",
           "2023-04");
    expect("2025-03-20",
           "Title\n\nOfficials from Lao Cai and from Yunnan's commerce department followed up with "
           "a working session at Kim Thanh in June last year.",
           "2024-06");
}

static void following_up_on_something_is_none(void **state)
{
    (void)state;
    expect(
        "2024-05-20",
        "Title\n\nThe plans of Lang Son and Chongzuo followed up on the decisions of April 2023.",
        NULL);
    expect("2024-05-20", "Title\n\nLang Son and Chongzuo followed up with a letter in April 2023.",
           NULL);
}

/* The dates of the meetings of text (language lang, read on ref), in order, into buf. */
static const char *dates(const char *lang, const char *ref, const char *text, char *buf, size_t len)
{
    bc_extraction x = run(lang, ref, text);
    buf[0] = '\0';
    for (size_t i = 0; i < x.nmeetings; i++) {
        strncat(buf, i ? " " : "", len - strlen(buf) - 1);
        strncat(buf, x.meetings[i].date, len - strlen(buf) - 1);
        if (i > 0 && x.meetings[i].mechanism[0])
            fail_msg("meeting %zu of mechanism %s", i, x.meetings[i].mechanism);
    }
    bc_extraction_free(&x);
    return buf;
}

static void the_meeting_talks_followed(void **state)
{
    (void)state;
    char buf[128];
    /* the meeting followed is one of its own, held; a railway working group is no mechanism */
    assert_string_equal(dates("en", "2026-01-15",
                              "Title\n\nOfficials of Lao Cai and Yunnan held talks in Hekou on "
                              "Tuesday. The talks followed a meeting of the two provinces' railway "
                              "working group in Kunming in late September last year.",
                              buf, sizeof buf),
                        "2026-01-13 2025-09");
    assert_string_equal(dates("nl", "2025-06-18",
                              "Kop\n\nGistermiddag hadden Lai Chau en Honghe overleg in Mengzi. De "
                              "gesprekken in Mengzi volgden op overleg over grensbeheer dat de "
                              "diensten van beide kanten in maart in Lai Chau voerden.",
                              buf, sizeof buf),
                        "2025-06-17 2025-03");
    /* what they followed is no meeting: a signing */
    assert_string_equal(dates("en", "2026-01-15",
                              "Title\n\nOfficials of Lao Cai and Yunnan held talks in Hekou on "
                              "Tuesday. The talks followed the signing of a memorandum in Kunming "
                              "in late September last year.",
                              buf, sizeof buf),
                        "2026-01-13");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(following_up_is_meeting),
        cmocka_unit_test(following_up_on_something_is_none),
        cmocka_unit_test(the_meeting_talks_followed),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
