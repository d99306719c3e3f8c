/* test_extract_date_relmonth.c: a Dutch month right after a relative year
 * (extract_date_relmonth.c): "Vorig jaar december" is December of the year before the
 * reference date's, "volgend jaar maart" March of the year after; without a reference date,
 * or with a day after the month, it is no such month. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void a_month_after_a_relative_year(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"nl", "Kop\n\nVorig jaar december ontving Wenshan een delegatie uit Ha Giang.", "2015-12",
         1},
        {"nl", "Kop\n\nVolgend jaar maart komen Lao Cai en Hekou opnieuw bijeen.", "2017-03", 1},
        {"nl", "Kop\n\nDit jaar mei bracht een delegatie uit Wenshan een bezoek.", "2016-05", 1},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2016-08-03");
    /* the reception it dates, held */
    bc_extraction x = run("nl", "2016-08-03",
                          "Kop\n\nVorig jaar december ontving Wenshan een delegatie uit Ha Giang.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2015-12");
    assert_string_equal(x.meetings[0].status, "held");
    bc_extraction_free(&x);
}

static void no_month_without_what_it_needs(void **state)
{
    (void)state;
    /* no reference date: no year to give the month */
    bc_extraction x = run("nl", NULL, "Kop\n\nVorig jaar december ontving Wenshan een delegatie.");
    for (size_t i = 0; i < x.ndates; i++)
        if (x.dates[i].iso[0] != '-' && x.dates[i].iso[0] != '\0')
            fail_msg("dated %s without a reference date", x.dates[i].iso);
    bc_extraction_free(&x);
    /* a comma between: the year and the month are read apart */
    x = run("nl", "2016-08-03", "Kop\n\nVorig jaar, december was koud, groeide de handel.");
    assert_null(date_of(&x, "2015-12"));
    bc_extraction_free(&x);
    /* another language: no such reading */
    x = run("en", "2016-08-03", "Title\n\nLast year December was a busy month at the gate.");
    assert_null(date_of(&x, "2015-12"));
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_month_after_a_relative_year),
        cmocka_unit_test(no_month_without_what_it_needs),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
