/* test_extract_meet_opened.c: a Dutch opening in the perfect with the two sides as subject
 * (extract_meet_opened.c) is a ceremony of the two on the day it names, a meeting apart from
 * their talks of that day; not when one side opened it, nor without a day (a count of what was
 * opened over time). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The meetings of Dutch text read on 2025-11-28: one dated want, or none (want NULL). */
static void expect(const char *text, const char *want)
{
    bc_extraction x = run("nl", "2025-11-28", text);
    if (want == NULL ? x.nmeetings != 0 : x.nmeetings != 1 || strcmp(x.meetings[0].date, want) != 0)
        fail_msg("%s: %zu meetings, first '%s', want '%s'", text, x.nmeetings,
                 x.nmeetings ? x.meetings[0].date : "-", want ? want : "none");
    bc_extraction_free(&x);
}

static void the_two_sides_have_opened(void **state)
{
    (void)state;
    expect("Kop\n\nDe Vietnamese grensprovincie Lang Son en de Chinese autonome regio Guangxi "
           "hebben donderdagavond een verbrede vrachtroute aan de grensovergang Huu "
           "Nghi-Youyiguan in gebruik genomen.",
           "2025-11-27");
    expect("Kop\n\nLang Son en Guangxi hebben op 20 november een nieuwe rijstrook geopend.",
           "2025-11-20");
}

static void the_ceremony_beside_the_talks_of_its_day(void **state)
{
    (void)state;
    /* the opening and the talks of that day are two meetings, not one told twice */
    bc_extraction x =
        run("nl", "2025-11-28",
            "Kop\n\nLang Son en Guangxi hebben donderdag samen een nieuwe rijstrook "
            "in gebruik genomen.\n\nDonderdag overdag hadden beide delegaties in Lang "
            "Son al uitgebreid overlegd.");
    assert_int_equal(x.nmeetings, 2);
    assert_string_equal(x.meetings[0].date, "2025-11-27");
    assert_string_equal(x.meetings[1].date, "2025-11-27");
    bc_extraction_free(&x);
    /* talks told twice on one day stay one */
    x = run("nl", "2025-11-28",
            "Kop\n\nLang Son en Guangxi hielden donderdag overleg in Lang Son.\n\nDonderdag "
            "overdag hadden beide delegaties in Lang Son al uitgebreid overlegd.");
    assert_int_equal(x.nmeetings, 1);
    bc_extraction_free(&x);
}

static void not_of_the_two_on_one_day(void **state)
{
    (void)state;
    /* one side the subject, the other only where */
    expect("Kop\n\nLang Son heeft donderdag een verbrede vrachtroute naar Guangxi in gebruik "
           "genomen.",
           NULL);
    /* no day: what has been opened over the years */
    expect("Kop\n\nLang Son en Guangxi hebben de voorbije jaren tien grensposten geopend.", NULL);
    /* the subject broken by an aside */
    expect("Kop\n\nLang Son, dat grenst aan Guangxi, en Cao Bang hebben donderdag een weg "
           "geopend.",
           NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_two_sides_have_opened),
        cmocka_unit_test(the_ceremony_beside_the_talks_of_its_day),
        cmocka_unit_test(not_of_the_two_on_one_day),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
