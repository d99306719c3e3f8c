/* test_extract_meet_emit.c: a meeting as emitted (extract_meet_emit.c): place, status
 * (held or planned) and the people named. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void place_status_and_people(void **state)
{
    (void)state;
    bc_extraction x = run("pl", "2025-10-30",
                          "Gospodarzem VI dorocznej konferencji będzie prowincja Junnan w 2026 r.");
    const bc_xmeeting *m = meet(&x, "conference-yunnan", 6);
    assert_string_equal(m->status, "planned");
    assert_string_equal(m->date, "2026");
    assert_string_equal(m->place, "yunnan");
    bc_extraction_free(&x);
    x = run("en", "2025-10-30",
            "On October 30, 2025 the 11th meeting of the Joint Working Group of Lai Chau and "
            "Yunnan was held in Lai Chau, chaired by Giang A Tinh.");
    m = meet(&x, "jwg-yunnan", 11);
    assert_string_equal(m->place, "lai-chau");
    assert_string_equal(m->status, "held");
    assert_int_equal(m->npeople, 1);
    assert_string_equal(m->people[0], "giang-a-tinh");
    assert_true(m->nprovinces >= 2);
    bc_extraction_free(&x);
    /* said to be held: held, whatever the date */
    x = run("fr", "2018-12-01",
            "La 7e réunion a eu lieu le 12 décembre dans la ville de Lai Chau.");
    assert_string_equal(meet(&x, "", 7)->status, "held");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(place_status_and_people),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
