/* test_extract_date_context.c: the year a meeting's date takes from what its passage says
 * of the year (extract_date_context.c), when its own year was completed from the reference
 * date or left out: words for "that year", a relative year opening the sentence, a year of
 * the meeting's name said to be "then". Each has a sentence whose date it must correct or
 * withhold and one it must keep. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The number of meetings of x dated date with date_doubts doubts. */
static int dated(const bc_extraction *x, const char *date, unsigned doubts)
{
    int n = 0;
    for (size_t k = 0; k < x->nmeetings; k++)
        n += strcmp(x->meetings[k].date, date) == 0 && x->meetings[k].date_doubts == doubts;
    return n;
}

/* The meeting of x with mechanism mech, failing the test when there is none. */
static const bc_xmeeting *of_mech(const bc_extraction *x, const char *mech)
{
    for (size_t k = 0; k < x->nmeetings; k++)
        if (strcmp(x->meetings[k].mechanism, mech) == 0)
            return &x->meetings[k];
    fail_msg("no meeting of %s among %zu", mech, x->nmeetings);
    return NULL;
}

static void that_year_is_the_year_told_before(void **state)
{
    (void)state;
    /* November 9 after a January report is last year's by the calendar; the text says the
     * year of the talks before */
    const char *en = "Title\n\nLeaders of Lao Cai and Honghe held talks in Hekou on March 3, 2021 "
                     "on rail freight, and later that year, on November 9, the two provinces "
                     "held talks in Lao Cai on tourism.";
    bc_extraction x = run("en", "2024-01-10", en);
    assert_int_equal(dated(&x, "2021-11-09", 0), 1);
    assert_int_equal(dated(&x, "2023-11-09", 0), 0);
    bc_extraction_free(&x);
    /* "van dat jaar" after the day, no reference date: the year of the sentence before */
    bc_extraction y =
        run("nl", NULL,
            "Titel\n\nOp 5 maart 2022 voerden Lao Cai en Honghe overleg in Hekou over "
            "het spoorvervoer. Beide besturen voerden op 14 oktober van dat jaar "
            "opnieuw overleg, nu in Lao Cai.");
    assert_int_equal(dated(&y, "2022-10-14", 0), 1);
    assert_int_equal(dated(&y, "--10-14", 0), 0);
    bc_extraction_free(&y);
    /* so too with a reference date a few days before the day in its year (the day left
     * without a year, then refused as of another story's year): "van dat jaar" says 2022 */
    static const char *const ceremony =
        "Titel\n\nOp 14 december 2022 bespraken de besturen van Lao Cai en Yunnan bij de "
        "grenspost de opwaardering van de brug. Die status werd op 28 december van dat jaar "
        "tijdens een gezamenlijke ceremonie van Lao Cai en Yunnan officieel bekendgemaakt.";
    y = run("nl", "2023-12-16", ceremony);
    assert_int_equal(dated(&y, "2022-12-28", 0), 1);
    bc_extraction_free(&y);
    /* no year told before "that year": the reference date's year is a guess, withheld; the
     * talks are kept, undated */
    const char *none = "Title\n\nThe two sides began preparing a border market in spring, and "
                       "later that year, on December 21, Lao Cai and Honghe held talks in Lao "
                       "Cai on tourism.";
    bc_extraction z = run("en", "2024-02-10", none);
    assert_int_equal(z.nmeetings, 1);
    assert_string_equal(z.meetings[0].date, "");
    assert_int_equal(z.meetings[0].date_doubts, BC_XD_YEAR_CONTEXT);
    assert_true(z.meetings[0].date_confidence < BC_X_MIN_CONFIDENCE);
    bc_extraction_free(&z);
    /* kept: without a reference date the day stays without a year, as any other */
    bc_extraction w = run("en", NULL, none);
    assert_int_equal(dated(&w, "--12-21", 0), 1);
    bc_extraction_free(&w);
    /* kept: the year told before is the one the calendar gave */
    bc_extraction v = run("en", "2024-01-10",
                          "Title\n\nLeaders of Lao Cai and Honghe held talks in Hekou on March 3, "
                          "2023 on rail freight, and later that year, on November 9, the two "
                          "provinces held talks in Lao Cai on tourism.");
    assert_int_equal(dated(&v, "2023-11-09", 0), 1);
    bc_extraction_free(&v);
}

static void a_relative_year_opening_the_sentence(void **state)
{
    (void)state;
    /* "Vorig jaar" frames the sentence; its month in a later clause is of that year, not of
     * the report's */
    bc_extraction x = run("nl", "2025-06-01",
                          "Titel\n\nVorig jaar ontving Lao Cai een delegatie uit Honghe en voerden "
                          "beide kanten half maart overleg in Sa Pa over het toerisme.");
    assert_int_equal(dated(&x, "2024-03", 0), 1);
    assert_int_equal(dated(&x, "2025-03", 0), 0);
    bc_extraction_free(&x);
    /* kept: "this year" is the report's */
    bc_extraction y = run("nl", "2025-06-01",
                          "Titel\n\nDit jaar ontving Lao Cai een delegatie uit Honghe en voerden "
                          "beide kanten half maart overleg in Sa Pa over het toerisme.");
    assert_int_equal(dated(&y, "2025-03", 0), 1);
    bc_extraction_free(&y);
    /* kept: a relative year of something else, not opening the sentence */
    bc_extraction z = run("nl", "2025-06-01",
                          "Titel\n\nLao Cai en Honghe voerden half maart overleg in Sa Pa over het "
                          "toerisme, dat vorig jaar sterk groeide.");
    assert_int_equal(dated(&z, "2025-03", 0), 1);
    bc_extraction_free(&z);
}

static void a_year_of_a_name_said_to_be_then(void **state)
{
    (void)state;
    const char *text = "标题\n\n去年3月，越南老街省与中国云南省联合工作组举行第八次会议。当时，"
                       "2022年中国广西与越南边境四省党委书记新春会晤也在南宁举行。";
    /* "当时": at the month the sentence before told (去年3月 = 2022-03), which the name's year
     * agrees with */
    bc_extraction x = run("zh", "2023-05-10", text);
    assert_string_equal(of_mech(&x, "spring-meeting-guangxi")->date, "2022-03");
    bc_extraction_free(&x);
    /* without a reference date 去年3月 has no year; the name's is the only one: 2022-03 */
    bc_extraction y = run("zh", NULL, text);
    assert_string_equal(of_mech(&y, "spring-meeting-guangxi")->date, "2022-03");
    bc_extraction_free(&y);
    /* the month told before is of another year than the name's: no date is fixed, withheld,
     * the meeting kept */
    bc_extraction z = run("zh", "2023-05-10",
                          "标题\n\n2021年3月，越南老街省与中国云南省联合工作组举行第八次会议。"
                          "当时，2022年中国广西与越南边境四省党委书记新春会晤也在南宁举行。");
    const bc_xmeeting *m = of_mech(&z, "spring-meeting-guangxi");
    assert_string_equal(m->date, "");
    assert_int_equal(m->date_doubts, BC_XD_YEAR_CONTEXT);
    assert_string_equal(of_mech(&z, "jwg-yunnan")->date, "2021-03");
    bc_extraction_free(&z);
    /* kept: not said to be then, the name's year is its date */
    bc_extraction w = run("zh", "2023-05-10",
                          "标题\n\n越南老街省与中国云南省联合工作组举行第八次会议。2022年中国广西"
                          "与越南边境四省党委书记新春会晤也在南宁举行。");
    assert_string_equal(of_mech(&w, "spring-meeting-guangxi")->date, "2022");
    assert_int_equal(of_mech(&w, "spring-meeting-guangxi")->date_doubts, 0);
    bc_extraction_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(that_year_is_the_year_told_before),
        cmocka_unit_test(a_relative_year_opening_the_sentence),
        cmocka_unit_test(a_year_of_a_name_said_to_be_then),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
