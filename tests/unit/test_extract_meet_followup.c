/* test_extract_meet_followup.c: English meetings told as following up
 * (extract_meet_followup.c): "followed up in April 2023" is talks of that month, "followed up
 * with a working session ... in June last year" talks that took place then; "followed up on"
 * what talks built on is no meeting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The meetings of English text read on ref: one dated want, held, or none (want NULL). */
static void expect(const char *ref, const char *text, const char *want)
{
    bc_extraction x = run("en", ref, text);
    if (want == NULL ? x.nmeetings != 0
                     : x.nmeetings != 1 || strcmp(x.meetings[0].date, want) != 0 ||
                           strcmp(x.meetings[0].status, "held") != 0)
        fail_msg("%s: %zu meetings, first '%s', want '%s'", text, x.nmeetings,
                 x.nmeetings ? x.meetings[0].date : "-", want ? want : "none");
    bc_extraction_free(&x);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(following_up_is_meeting),
        cmocka_unit_test(following_up_on_something_is_none),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
