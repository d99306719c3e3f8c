/* test_conditional.c: HTTP-dates in their three forms (and what is not one), the
 * Last-Modified that waits for the change's second to end, and If-Modified-Since that
 * never hides a change: two changes within one second, dates from before a change,
 * dates in the future, garbage. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/conditional.h"

#include <string.h>
#include <time.h>

#define T0 784111777 /* Sun, 06 Nov 1994 08:49:37 GMT */

static void three_date_forms(void **state)
{
    (void)state;
    time_t t;
    assert_true(bc_http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT", &t));
    assert_int_equal(t, T0);
    assert_true(bc_http_date_parse("Sunday, 06-Nov-94 08:49:37 GMT", &t));
    assert_int_equal(t, T0);
    assert_true(bc_http_date_parse("Sun Nov  6 08:49:37 1994", &t));
    assert_int_equal(t, T0);
    assert_true(bc_http_date_parse("Thu, 29 Feb 2024 23:59:59 GMT", &t));
    char out[40];
    bc_http_date_format(T0, out, sizeof out);
    assert_string_equal(out, "Sun, 06 Nov 1994 08:49:37 GMT");
    bc_http_date_format(t, out, sizeof out);
    assert_string_equal(out, "Thu, 29 Feb 2024 23:59:59 GMT");
}

static void not_dates(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "yesterday",
        "Sun, 06 Nov 1994 08:49:37",        /* no zone */
        "Sun, 06 Nov 1994 08:49:37 UTC",    /* not GMT */
        "Sun, 06 Nov 1994 08:49:37 GMT ",   /* trailing space */
        " Sun, 06 Nov 1994 08:49:37 GMT",   /* leading space */
        "Sun, 6 Nov 1994 08:49:37 GMT",     /* one-digit day */
        "Sun, 31 Nov 1994 08:49:37 GMT",    /* no such day */
        "Sun, 29 Feb 2023 08:49:37 GMT",    /* not a leap year */
        "Sun, 06 Nov 1994 24:00:00 GMT",    /* no such hour */
        "Sun, 06 Nov 1994 08:60:00 GMT",    /* no such minute */
        "Sun, 06 Foo 1994 08:49:37 GMT",    /* no such month */
        "Xyz, 06 Nov 1994 08:49:37 GMT",    /* no such day name */
        "Sun, 06 Nov 1994 08:49:37 GMT, x", /* two values */
        "Sun, 06 Nov 1969 08:49:37 GMT",    /* before the epoch */
        "2024-02-29T23:59:59Z",             /* ISO 8601 */
        "Sun Nov 6 08:49:37 1994",          /* asctime needs the padded day */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        time_t t = 0;
        if (bc_http_date_parse(bad[i], &t))
            fail_msg("'%s' parsed as %lld", bad[i], (long long)t);
    }
    time_t t;
    assert_false(bc_http_date_parse(NULL, &t));
}

static void last_modified_waits_for_the_second_to_end(void **state)
{
    (void)state;
    time_t lm = 0;
    /* changed during second T0, confirmed within that second: no date yet */
    assert_false(bc_last_modified(T0, T0, &lm));
    assert_false(bc_last_modified(T0, T0 - 5, &lm));
    /* confirmed after it ended: the end of the second */
    assert_true(bc_last_modified(T0, T0 + 1, &lm));
    assert_int_equal(lm, T0 + 1);
    assert_true(bc_last_modified(T0, T0 + 3600, &lm));
    assert_int_equal(lm, T0 + 1);
}

static void if_modified_since(void **state)
{
    (void)state;
    char lm[40], before[40], later[40], future[40];
    bc_http_date_format(T0 + 1, lm, sizeof lm);
    bc_http_date_format(T0, before, sizeof before);
    bc_http_date_format(T0 + 60, later, sizeof later);
    bc_http_date_format(T0 + 7200, future, sizeof future);
    time_t now = T0 + 3600;
    /* the date this server sent, or later (but not in the future): 304 */
    assert_true(bc_not_modified_since(lm, T0, T0 + 2, now));
    assert_true(bc_not_modified_since(later, T0, T0 + 2, now));
    /* a date within or before the change's second may predate a change: 200 */
    assert_false(bc_not_modified_since(before, T0, T0 + 2, now));
    /* the store changed again during the second it was first sent for (two ingests
     * in one second): the old date is T0 + 1, the new change T0 + 1 too, so the new
     * content's date is T0 + 2 and the old one no longer matches */
    assert_false(bc_not_modified_since(lm, T0 + 1, T0 + 5, now));
    /* a date in the future is ignored (RFC 9110 13.1.3): 200 */
    assert_false(bc_not_modified_since(future, T0, T0 + 2, now));
    /* not confirmed since the change's second ended: no 304 whatever the date */
    assert_false(bc_not_modified_since(later, T0, T0, now));
    /* not a date, or none: 200 */
    assert_false(bc_not_modified_since("yesterday", T0, T0 + 2, now));
    assert_false(bc_not_modified_since(NULL, T0, T0 + 2, now));
    /* the other two forms are dates too */
    assert_true(bc_not_modified_since("Sunday, 06-Nov-94 08:49:38 GMT", T0, T0 + 2, now));
    assert_true(bc_not_modified_since("Sun Nov  6 08:49:38 1994", T0, T0 + 2, now));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(three_date_forms),
        cmocka_unit_test(not_dates),
        cmocka_unit_test(last_modified_waits_for_the_second_to_end),
        cmocka_unit_test(if_modified_since),
    };
    return cmocka_run_group_tests_name("conditional", tests, NULL, NULL);
}
