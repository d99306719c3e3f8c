/* test_extract_meet_ordinal.c: the number written before a meeting's noun
 * (extract_meet_ordinal.c), in each language's way of writing it: a suffix ("11th"), a
 * Roman numeral ("XV", "XIe"), a Polish dotted number ("11."), a Swedish colon ending
 * ("17:e"), Vietnamese "lan thu", Chinese "第…次" and "首届", and number words; a "first"
 * of a time ("今年首次") is no number of a series. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#include "extract_fixture.h"

typedef struct {
    const char *lang, *text;
    int ordinal; /* 0: no meeting of the text has a number */
} ord_case;

static void expect_ordinals(const ord_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        bc_extraction x = run(cases[k].lang, "2025-06-20", cases[k].text);
        int got = 0;
        for (size_t i = 0; i < x.nmeetings; i++)
            if (x.meetings[i].ordinal != 0)
                got = x.meetings[i].ordinal;
        if (got != cases[k].ordinal)
            fail_msg("case %zu (%s): ordinal %d, expected %d", k, cases[k].lang, got,
                     cases[k].ordinal);
        bc_extraction_free(&x);
    }
}

static void numbers_in_every_language(void **state)
{
    (void)state;
    const ord_case cases[] = {
        {"en",
         "Title\n\nThe 11th meeting of the Joint Working Group of Lai Chau, Lao Cai, Ha Giang, "
         "Dien Bien and Yunnan was held in Kunming on June 12, 2025.",
         11},
        {"en",
         "Title\n\nThe twelfth meeting of the Joint Working Group of Lai Chau, Lao Cai, Ha "
         "Giang, Dien Bien and Yunnan was held in Kunming on June 12, 2025.",
         12},
        {"pl",
         "Tytul\n\nXV spotkanie Wspolnej Grupy Roboczej prowincji Lai Chau, Lao Cai, Ha Giang, "
         "Dien Bien i Junnanu odbylo sie 12 czerwca 2025 r. w Kunmingu.",
         15},
        {"fr",
         "Titre\n\nLa XIe reunion du Groupe de travail mixte de Lai Chau, Lao Cai, Ha Giang, "
         "Dien Bien et du Yunnan s'est tenue le 12 juin 2025 a Kunming.",
         11},
        {"sv",
         "Rubrik\n\nDet 17:e mötet i den gemensamma arbetsgruppen för Lai Chau, Lao Cai, Ha "
         "Giang, Dien Bien och Yunnan hölls i Kunming den 12 juni 2025.",
         17},
        {"vi",
         "Tieu de\n\nNgay 12/6/2025, Hoi nghi lan thu 11 Nhom cong tac lien hop giua cac tinh "
         "Lai Chau, Lao Cai, Ha Giang, Dien Bien va Van Nam da dien ra tai Con Minh.",
         11},
        {"zh",
         "标题\n\n2025年6月12日，老街、莱州、河江、奠边四省与云南省联合工作组第十一次会议在昆明举行"
         "。",
         11},
    };
    expect_ordinals(cases, sizeof cases / sizeof cases[0]);
}

static void a_first_of_a_time_is_no_number(void **state)
{
    (void)state;
    const ord_case cases[] = {
        /* "the first this year": a time, not the first meeting of a series */
        {"zh", "标题\n\n2025年6月12日，老街省与红河州领导举行今年首次会晤。", 0},
        /* a round number of people before a noun is no ordinal */
        {"en", "Title\n\nOn June 12, 2025, 40 delegates of Lao Cai and Honghe held talks in Hekou.",
         0},
    };
    expect_ordinals(cases, sizeof cases / sizeof cases[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_in_every_language),
        cmocka_unit_test(a_first_of_a_time_is_no_number),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
