/* test_csv.c: the one CSV cell writer: plain cells, RFC 4180 quoting, and formula
 * neutralisation inside the quotes (a quoted cell still starts with ' once unquoted). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/buf.h"
#include "bordercoop/csv.h"

#include <string.h>

static void assert_cell(const char *in, int is_number, const char *want)
{
    bc_buf b = BC_BUF_INIT;
    bc_csv_cell(&b, in, in != NULL ? strlen(in) : 0, is_number);
    assert_false(bc_buf_failed(&b));
    assert_string_equal(b.data != NULL ? b.data : "", want);
    bc_buf_free(&b);
}

static void plain_and_quoted(void **state)
{
    (void)state;
    assert_cell("Lai Chau", 0, "Lai Chau");
    assert_cell(NULL, 0, "");
    assert_cell("", 0, "");
    assert_cell("a,b", 0, "\"a,b\"");
    assert_cell("say \"hi\"", 0, "\"say \"\"hi\"\"\"");
    assert_cell("two\nlines", 0, "\"two\nlines\"");
}

static void formulas_neutralised_inside_the_quotes(void **state)
{
    (void)state;
    assert_cell("=1+1", 0, "'=1+1");
    assert_cell("+1", 0, "'+1");
    assert_cell("@SUM(A1)", 0, "'@SUM(A1)");
    assert_cell("\tx", 0, "'\tx");
    /* the ' is part of the field: inside the quotes, never before them */
    assert_cell("=HYPERLINK(\"http://x\",\"y\")", 0, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    assert_cell("-a,b", 0, "\"'-a,b\"");
    assert_cell("\rx", 0, "\"'\rx\"");
    /* numbers stay numbers */
    assert_cell("-5", 1, "-5");
    assert_cell("-0.25", 1, "-0.25");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_and_quoted),
        cmocka_unit_test(formulas_neutralised_inside_the_quotes),
    };
    return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
