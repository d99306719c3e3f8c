/* test_extract_meet_discussed.c: a Dutch verb of discussing after a day that opens the
 * sentence, both sides its subject (extract_meet_discussed.c), is talks of that day; the
 * same verb without the day first, or with one side's officials as its subject, tells what
 * was discussed and is no meeting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The meetings of text, read with reference date ref: one held, dated want, or none when
 * want is NULL (expect_one_held, extract_fixture.h). */
static void expect(const char *ref, const char *text, const char *want)
{
    expect_one_held("nl", ref, text, want);
}

static void a_day_first_and_both_sides_discussing(void **state)
{
    (void)state;
    expect("2024-12-20",
           "Kop\n\nOp 14 december 2023 bespraken de twee besturen bij de grenspost Tra Linh de "
           "voorbereidingen voor de opwaardering.",
           "2023-12-14");
    expect(NULL,
           "Kop\n\nOp 14 december 2023 bespraken de twee besturen bij de grenspost Tra Linh de "
           "voorbereidingen voor de opwaardering.",
           "2023-12-14");
    expect("2024-12-20", "Kop\n\nDinsdag bespraken Cao Bang en Baise de voorbereidingen.",
           "2024-12-17");
}

static void people_of_both_sides_gathered_on_a_day(void **state)
{
    (void)state;
    expect("2025-11-28",
           "Kop\n\nOp 17 juli maakten ambtenaren van beide kanten in Lang Son een tussentijdse "
           "balans op van wat toen was beslist.",
           "2025-07-17");
    /* no place they gathered in: what they did, no meeting */
    expect("2025-11-28",
           "Kop\n\nOp 17 juli publiceerden ambtenaren van beide kanten nieuwe cijfers.", NULL);
    /* no day first */
    expect("2025-11-28",
           "Kop\n\nAmbtenaren van beide kanten maakten in Lang Son een tussentijdse balans op.",
           NULL);
}

static void what_a_meeting_discussed_is_none(void **state)
{
    (void)state;
    /* no day first: what some meeting discussed */
    expect("2024-12-20", "Kop\n\nBeide partijen bespraken ook de voorbereiding van de proefzone.",
           NULL);
    expect("2024-12-20",
           "Kop\n\nBeide partijen bespraken op 14 december de voorbereiding van de proefzone.",
           NULL);
    /* one side's officials: no talks between the two */
    expect("2024-12-20", "Kop\n\nOp 14 december 2023 bespraken de ministers de begroting.", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_day_first_and_both_sides_discussing),
        cmocka_unit_test(people_of_both_sides_gathered_on_a_day),
        cmocka_unit_test(what_a_meeting_discussed_is_none),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
