/* test_extract_date_calendar.c: the calendar arithmetic of the date finders
 * (extract_date_calendar.c): the days of a month in leap and common years, days between
 * two days with and without their years, a day moved across months, years and the end of
 * February (refused without a year), and the weekday nearest a day, before and after it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "../../server/extract_int.h"

static void days_of_a_month(void **state)
{
    (void)state;
    assert_int_equal(bcx_days_in(2024, 2), 29);
    assert_int_equal(bcx_days_in(2023, 2), 28);
    assert_int_equal(bcx_days_in(1900, 2), 28); /* a century not divisible by 400 */
    assert_int_equal(bcx_days_in(2000, 2), 29);
    assert_int_equal(bcx_days_in(0, 2), 28); /* no year: not a leap day */
    assert_int_equal(bcx_days_in(2025, 12), 31);
    assert_int_equal(bcx_days_in(2025, 13), 0);
    assert_int_equal(bcx_days_in(2025, 0), 0);
}

static void days_between_and_moved(void **state)
{
    (void)state;
    int diff = 0;
    assert_true(bcx_days_between("2024-12-30", "2025-01-02", &diff));
    assert_int_equal(diff, 3);
    assert_true(bcx_days_between("2025-01-02", "2024-12-30", &diff));
    assert_int_equal(diff, -3);
    assert_true(bcx_days_between("--01-02", "--12-30", &diff)); /* the nearer way round */
    assert_int_equal(diff, -3);
    assert_false(bcx_days_between("2024", "2024-03-01", &diff));
    assert_false(bcx_days_between("--13", "2024-03-01", &diff));
    char out[24];
    assert_true(bcx_shift_day("2024-12-31", 1, out));
    assert_string_equal(out, "2025-01-01");
    assert_true(bcx_shift_day("2023-03-01", -1, out));
    assert_string_equal(out, "2023-02-28");
    assert_true(bcx_shift_day("--06-30", 2, out));
    assert_string_equal(out, "--07-02");
    assert_false(bcx_shift_day("--02-27", 2, out)); /* 29 February or 1 March: unknown */
    assert_false(bcx_shift_day("2024-06", 1, out));
}

static void weekday_nearest_a_day(void **state)
{
    (void)state;
    dres r;
    memset(&r, 0, sizeof r);
    /* 2025-03-12 was a Wednesday */
    bcx_weekday_from(2025, 3, 12, 1, 0, 0, &r); /* the Monday before */
    assert_string_equal(r.iso, "2025-03-10");
    assert_int_equal(r.prec, 3);
    assert_int_equal(r.weekday, 1);
    bcx_weekday_from(2025, 3, 12, 3, 0, 0, &r); /* the same day, on or before */
    assert_string_equal(r.iso, "2025-03-12");
    bcx_weekday_from(2025, 3, 12, 3, 1, 0, &r); /* to come: the next week's */
    assert_string_equal(r.iso, "2025-03-19");
    bcx_weekday_from(2025, 3, 12, 3, 2, 0, &r); /* on or after */
    assert_string_equal(r.iso, "2025-03-12");
    bcx_weekday_from(2025, 3, 12, 4, 0, -1, &r); /* Thursday of the week before */
    assert_string_equal(r.iso, "2025-03-06");
    bcx_weekday_from(2025, 1, 1, 7, 0, 0, &r); /* across the year: the Sunday before */
    assert_string_equal(r.iso, "2024-12-29");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_of_a_month),
        cmocka_unit_test(days_between_and_moved),
        cmocka_unit_test(weekday_nearest_a_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
