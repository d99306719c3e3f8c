/* test_extract_meet_skip.c: dates of a meeting's sentence that are not its date
 * (extract_meet_skip.c): a point things are counted from, the day a document was signed,
 * a deadline, the day something was said. Each is left to no meeting; the meeting takes
 * the date that is its own. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

#include "fixture.h"

#include "extract_fixture.h"

static void dates_that_are_not_a_meetings(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *want;
    } cases[] = {
        /* a point things are counted from */
        {"en",
         "Title\n\nOn June 12, the 6th meeting of the working group, the first since 2019, was "
         "held in Kunming.",
         "2024-06-12"},
        /* a signature's day */
        {"en",
         "Title\n\nThe 6th meeting of the working group held in Kunming on June 12 reviewed the "
         "deal signed on March 3.",
         "2024-06-12"},
        /* a deadline */
        {"en",
         "Title\n\nThe 6th meeting of the working group was held in Kunming on June 12 and asked "
         "that the bridge be finished before September 30.",
         "2024-06-12"},
        /* the day it was said */
        {"en",
         "Title\n\nThe committee announced on June 13 that the 6th meeting of the working group "
         "had been held in Kunming on June 12.",
         "2024-06-12"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2024-06-20", cases[i].text);
        const bc_xmeeting *m = meet(&x, "", 6);
        if (strcmp(m->date, cases[i].want) != 0)
            fail_msg("%s: date %s, want %s", cases[i].text, m->date, cases[i].want);
        bc_extraction_free(&x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_that_are_not_a_meetings),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
