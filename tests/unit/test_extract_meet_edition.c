/* test_extract_meet_edition.c: the kind of a Dutch edition named after it
 * (extract_meet_edition.c): "De derde editie van die conferentie" numbers the yearly
 * conference the sentence before named, not the working group named after it there; a
 * conference without words that make it the yearly one numbers no mechanism. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The mechanism ("" none) of the meeting numbered 3 of Dutch text. */
static void third_of(const char *text, const char *want)
{
    bc_extraction x = run("nl", "2024-01-30", text);
    const bc_xmeeting *m = NULL;
    for (size_t i = 0; i < x.nmeetings && m == NULL; i++)
        if (x.meetings[i].ordinal == 3)
            m = &x.meetings[i];
    if (m == NULL || strcmp(m->mechanism, want) != 0)
        fail_msg("%s: mechanism '%s', want '%s'", text, m ? m->mechanism : "(none)", want);
    bc_extraction_free(&x);
}

static void the_noun_after_van_names_the_series(void **state)
{
    (void)state;
    const char *both = "Kop\n\nLao Cai, Ha Giang, Lai Chau en Dien Bien hebben met Yunnan een "
                       "jaarlijkse conferentie van partijsecretarissen, aangevuld met een "
                       "gemeenschappelijke werkgroep. ";
    char text[512];
    snprintf(text, sizeof text,
             "%sDe derde editie van die conferentie vond eind maart 2023 plaats.", both);
    third_of(text, "conference-yunnan");
    snprintf(text, sizeof text, "%sDe derde editie van die werkgroep vond eind maart 2023 plaats.",
             both);
    third_of(text, "jwg-yunnan");
    /* an edition named by nothing after it: the body named last before it, as before */
    snprintf(text, sizeof text, "%sDe derde editie vond eind maart 2023 plaats.", both);
    third_of(text, "jwg-yunnan");
}

static void a_conference_not_the_yearly_one(void **state)
{
    (void)state;
    /* no words of the yearly conference: not the working group named before either */
    third_of("Kop\n\nLao Cai en Yunnan hebben een gemeenschappelijke werkgroep. De derde editie "
             "van de conferentie vond eind maart 2023 plaats.",
             "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_noun_after_van_names_the_series),
        cmocka_unit_test(a_conference_not_the_yearly_one),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
