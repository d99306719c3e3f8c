/* test_date.c: ISO 8601 dates of reduced precision, their normalised day ranges, and
 * periods "A/B". */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/date.h"
#include "bordercoop/err.h"

#include <string.h>

static void assert_date(const char *s, int precision, const char *start, const char *end, int year)
{
    bc_date d;
    bc_err err;
    bc_err_clear(&err);
    if (bc_date_parse(s, &d, &err) != BC_OK)
        fail_msg("'%s' rejected: %s", s, err.msg);
    assert_string_equal(d.text, s);
    assert_int_equal(d.precision, precision);
    assert_string_equal(d.start, start);
    assert_string_equal(d.end, end);
    assert_int_equal(d.year, year);
}

static void assert_bad_date(const char *s)
{
    bc_date d;
    bc_err err;
    bc_err_clear(&err);
    int rc = bc_date_parse(s, &d, &err);
    if (rc != BC_EINVAL)
        fail_msg("'%s' gave %d, want BC_EINVAL", s, rc);
    assert_int_equal(err.code, BC_EINVAL);
    assert_true(strlen(err.msg) > 0);
    /* the error is also reported with no bc_err */
    assert_int_equal(bc_date_parse(s, &d, NULL), BC_EINVAL);
}

static void assert_period(const char *s, const char *start, const char *end, int end_year)
{
    bc_period p;
    bc_err err;
    bc_err_clear(&err);
    if (bc_period_parse(s, &p, &err) != BC_OK)
        fail_msg("'%s' rejected: %s", s, err.msg);
    assert_string_equal(p.text, s);
    assert_string_equal(p.start, start);
    assert_string_equal(p.end, end);
    assert_int_equal(p.end_year, end_year);
}

static void assert_bad_period(const char *s)
{
    bc_period p;
    bc_err err;
    bc_err_clear(&err);
    int rc = bc_period_parse(s, &p, &err);
    if (rc != BC_EINVAL)
        fail_msg("period '%s' gave %d, want BC_EINVAL", s, rc);
    assert_int_equal(err.code, BC_EINVAL);
    assert_true(strlen(err.msg) > 0);
}

static void year_precision(void **state)
{
    (void)state;
    assert_date("2025", BC_PREC_YEAR, "2025-01-01", "2025-12-31", 2025);
    assert_date("1900", BC_PREC_YEAR, "1900-01-01", "1900-12-31", 1900);
    assert_date("2199", BC_PREC_YEAR, "2199-01-01", "2199-12-31", 2199);
}

static void month_precision(void **state)
{
    (void)state;
    assert_date("2025-10", BC_PREC_MONTH, "2025-10-01", "2025-10-31", 2025);
    assert_date("2025-01", BC_PREC_MONTH, "2025-01-01", "2025-01-31", 2025);
    assert_date("2025-04", BC_PREC_MONTH, "2025-04-01", "2025-04-30", 2025);
    assert_date("2025-12", BC_PREC_MONTH, "2025-12-01", "2025-12-31", 2025);
    /* February's last day follows the leap-year rules */
    assert_date("2025-02", BC_PREC_MONTH, "2025-02-01", "2025-02-28", 2025);
    assert_date("2024-02", BC_PREC_MONTH, "2024-02-01", "2024-02-29", 2024);
    assert_date("1900-02", BC_PREC_MONTH, "1900-02-01", "1900-02-28", 1900);
    assert_date("2000-02", BC_PREC_MONTH, "2000-02-01", "2000-02-29", 2000);
    assert_date("2100-02", BC_PREC_MONTH, "2100-02-01", "2100-02-28", 2100);
}

static void day_precision(void **state)
{
    (void)state;
    assert_date("2025-10-30", BC_PREC_DAY, "2025-10-30", "2025-10-30", 2025);
    assert_date("2025-01-01", BC_PREC_DAY, "2025-01-01", "2025-01-01", 2025);
    assert_date("2025-12-31", BC_PREC_DAY, "2025-12-31", "2025-12-31", 2025);
    assert_date("2025-04-30", BC_PREC_DAY, "2025-04-30", "2025-04-30", 2025);
    assert_date("1900-01-01", BC_PREC_DAY, "1900-01-01", "1900-01-01", 1900);
    assert_date("2199-12-31", BC_PREC_DAY, "2199-12-31", "2199-12-31", 2199);
}

static void leap_days(void **state)
{
    (void)state;
    assert_date("2024-02-29", BC_PREC_DAY, "2024-02-29", "2024-02-29", 2024);
    assert_date("2000-02-29", BC_PREC_DAY, "2000-02-29", "2000-02-29", 2000);
    assert_bad_date("2025-02-29");
    assert_bad_date("1900-02-29"); /* divisible by 100, not by 400 */
    assert_bad_date("2100-02-29");
    assert_bad_date("2024-02-30");
}

static void impossible_days_and_months(void **state)
{
    (void)state;
    assert_bad_date("2025-13");
    assert_bad_date("2025-00");
    assert_bad_date("2025-13-01");
    assert_bad_date("2025-00-10");
    assert_bad_date("2025-01-00");
    assert_bad_date("2025-01-32");
    assert_bad_date("2025-04-31");
    assert_bad_date("2025-06-31");
    assert_bad_date("2025-09-31");
    assert_bad_date("2025-11-31");
    assert_bad_date("2025-99-99");
}

static void bad_formats(void **state)
{
    (void)state;
    assert_bad_date("");
    assert_bad_date("2025-1-01");
    assert_bad_date("2025-01-1");
    assert_bad_date("2025-1");
    assert_bad_date("20251030");
    assert_bad_date("202510");
    assert_bad_date("25");
    assert_bad_date("02025");
    assert_bad_date("2025-");
    assert_bad_date("2025-10-");
    assert_bad_date("2025/10/30");
    assert_bad_date("2025.10.30");
    assert_bad_date("2025-10_30");
    assert_bad_date("2025x10");
    assert_bad_date("2025-10-30T00:00");
    assert_bad_date("2025-10-300");
    assert_bad_date(" 2025");
    assert_bad_date("2025 ");
    assert_bad_date("abcd");
    assert_bad_date("20a5");
    assert_bad_date("2025-1a");
    assert_bad_date("2025-10-3x");
    assert_bad_date("+025");
    assert_bad_date("-025");
    assert_bad_date("2025-+1");
    assert_bad_date("2025--1");
}

static void year_bounds(void **state)
{
    (void)state;
    assert_bad_date("1899");
    assert_bad_date("1899-12");
    assert_bad_date("1899-12-31");
    assert_bad_date("2200");
    assert_bad_date("2200-01-01");
    assert_bad_date("0000");
    assert_bad_date("9999");
}

static void error_messages_say_what(void **state)
{
    (void)state;
    bc_date d;
    bc_err err;
    assert_int_equal(bc_date_parse("1899", &d, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "1899"));
    assert_int_equal(bc_date_parse("2025-13", &d, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "13"));
    assert_int_equal(bc_date_parse("2025-02-29", &d, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "2025-02-29"));
    assert_int_equal(bc_date_parse("2025-1-01", &d, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "2025-1-01"));
}

static void precision_names(void **state)
{
    (void)state;
    assert_string_equal(bc_precision_name(BC_PREC_YEAR), "year");
    assert_string_equal(bc_precision_name(BC_PREC_MONTH), "month");
    assert_string_equal(bc_precision_name(BC_PREC_DAY), "day");
}

static void periods(void **state)
{
    (void)state;
    assert_period("2025-01/2025-09", "2025-01-01", "2025-09-30", 2025);
    assert_period("2024", "2024-01-01", "2024-12-31", 2024);
    assert_period("2024-02", "2024-02-01", "2024-02-29", 2024);
    assert_period("2025-10-30", "2025-10-30", "2025-10-30", 2025);
    assert_period("2023/2025", "2023-01-01", "2025-12-31", 2025);
    assert_period("2024-11-15/2025-02", "2024-11-15", "2025-02-28", 2025);
    assert_period("2024-12/2025-01-05", "2024-12-01", "2025-01-05", 2025);
    assert_period("2025-01-01/2025-12-31", "2025-01-01", "2025-12-31", 2025);
    /* a one-day or one-month interval */
    assert_period("2025-03-15/2025-03-15", "2025-03-15", "2025-03-15", 2025);
    assert_period("2025-03/2025-03", "2025-03-01", "2025-03-31", 2025);
    /* starts inside the end date's range: not after it */
    assert_period("2025-03-15/2025-03", "2025-03-15", "2025-03-31", 2025);
}

static void reversed_periods_rejected(void **state)
{
    (void)state;
    assert_bad_period("2025-09/2025-01");
    assert_bad_period("2026/2025");
    assert_bad_period("2025-03-16/2025-03-15");
    assert_bad_period("2025-04/2025-03-31");
    assert_bad_period("2025-01-01/2024");
}

static void malformed_periods_rejected(void **state)
{
    (void)state;
    assert_bad_period("");
    assert_bad_period("/");
    assert_bad_period("2025/");
    assert_bad_period("/2025");
    assert_bad_period("2025//2026");
    assert_bad_period("2025/2026/2027");
    assert_bad_period("2025-13/2026");
    assert_bad_period("2025/2026-02-30");
    assert_bad_period("2025-01 /2025-02");
    assert_bad_period("1899/2025");
    assert_bad_period("2025/2200");
    assert_bad_period("2025-01-2025-09");
}

static void too_long_periods_rejected(void **state)
{
    (void)state;
    /* 23 bytes: the longest that fits text[24] */
    assert_bad_period("2025-01-01/2025-12-31xx");
    assert_bad_period("2025-01-01/2025-12-31-extra-long-tail");
    char long_s[4096];
    memset(long_s, '2', sizeof long_s - 1);
    long_s[sizeof long_s - 1] = '\0';
    assert_bad_period(long_s);
    long_s[10] = '/';
    assert_bad_period(long_s);
    assert_bad_date(long_s);

    /* a rejected period leaves the message naming the problem */
    bc_period p;
    bc_err err;
    assert_int_equal(bc_period_parse("2025-09/2025-01", &p, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "2025-09/2025-01"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(year_precision),
        cmocka_unit_test(month_precision),
        cmocka_unit_test(day_precision),
        cmocka_unit_test(leap_days),
        cmocka_unit_test(impossible_days_and_months),
        cmocka_unit_test(bad_formats),
        cmocka_unit_test(year_bounds),
        cmocka_unit_test(error_messages_say_what),
        cmocka_unit_test(precision_names),
        cmocka_unit_test(periods),
        cmocka_unit_test(reversed_periods_rejected),
        cmocka_unit_test(malformed_periods_rejected),
        cmocka_unit_test(too_long_periods_rejected),
    };
    return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
