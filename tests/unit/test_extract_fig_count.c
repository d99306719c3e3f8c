/* test_extract_fig_count.c: counts with what they count (extract_fig_count.c): tonnes,
 * vehicles, tourists, delegations sent and received, their qualifiers and their periods
 * (their own clause's, not a comparison's or another count's). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void polish_counts_and_qualifiers(void **state)
{
    (void)state;
    bc_extraction x = run("pl", "2025-10",
                          "Obie strony wymieniły blisko 500 delegacji roboczych, skutecznie "
                          "koordynowały zarządzanie granicami.");
    assert_fig(fig(&x, 500), "delegations_exchanged", "delegations", "nearly", "");
    assert_false(fig(&x, 500)->money);
    bc_extraction_free(&x);

    /* thousands with a space, a no-break space, or a dot */
    const char *forms[] = {"ponad 18 000 osób",
                           "ponad 18\xC2\xA0"
                           "000 osób",
                           "ponad 18.000 osób"};
    for (size_t i = 0; i < 3; i++) {
        char t[200];
        snprintf(t, sizeof t, "Obie strony promują współpracę – w dystrykcie Van Son pracuje %s.",
                 forms[i]);
        x = run("pl", "2025-10", t);
        assert_int_equal(x.nfigures, 1);
        assert_fig(fig(&x, 18000), "workers", "people", "over", "");
        bc_extraction_free(&x);
    }

    x = run("pl", "2025-10",
            "liczba chińskich turystów odwiedzających Tuyen Quang w 2024 roku przekroczy 33 000, "
            "a w ciągu pierwszych 10 miesięcy 2025 roku sięgnie prawie 4600.");
    assert_int_equal(x.nfigures, 2);
    const bc_xfigure *f = fig(&x, 33000);
    assert_fig(f, "tourists", "people", "over", "2024");
    assert_true(has_party(f, "tuyen-quang"));
    assert_fig(fig(&x, 4600), "tourists", "people", "nearly", "2025-01/2025-10");
    bc_extraction_free(&x);

    x = run("pl", NULL,
            "Postępy poczyniły również działania finansowe i bankowe – 3 banki komercyjne "
            "prowincji połączyły płatności. Tuyen Quang osiągnął wybitne wyniki w 9 obszarach "
            "współpracy. Władze koordynowały wydanie paszportów ponad 1400 obywatelom Wietnamu.");
    assert_fig(fig(&x, 3), "banks_connected", "banks", "exact", "");
    assert_fig(fig(&x, 9), "cooperation_areas", "areas", "exact", "");
    assert_fig(fig(&x, 1400), "passports_issued", "people", "over", "");
    assert_int_equal(x.nfigures, 3);
    bc_extraction_free(&x);

    /* numbers that count nothing known are not figures: legal documents, provinces */
    x = run("pl", NULL, "Strony wdrażają 3 dokumenty prawne między 5 prowincjami.");
    assert_int_equal(x.nfigures, 0);
    bc_extraction_free(&x);
}

static void swedish_counts_and_directions(void **state)
{
    (void)state;
    bc_extraction x =
        run("sv", NULL,
            "Den totala import- och exportomsättningen mellan de fyra gränsprovinserna Vietnam "
            "och Yunnan-provinsen uppgick till 7,2 miljarder USD. Den totala import- och "
            "exportomsättningen genom gränskontrollerna i Quang Ninh-provinsen uppgick till "
            "4,42 miljarder USD.");
    assert_fig(fig(&x, 7.2e9), "trade_turnover", "USD", "exact", "");
    assert_true(has_party(fig(&x, 7.2e9), "yunnan"));
    assert_true(has_party(fig(&x, 4.42e9), "quang-ninh"));
    bc_extraction_free(&x);

    x = run("sv", "2025-02-19",
            "År 2024 organiserade Quang Ninh 46 arbetsdelegationer till Guangxi och tog emot "
            "och arbetade med 41 Guangxi-delegationer. Över 750 ton varor exporterades till "
            "Kina. År 2024 nådde antalet kinesiska turister som vistades i Quang Ninh 551 000. "
            "Antalet kinesiska turister som kom in i Vietnam genom den internationella "
            "gränsporten Mong Cai nådde 370 500.");
    const bc_xfigure *f = fig(&x, 46);
    assert_fig(f, "delegations_sent", "delegations", "exact", "2024");
    assert_true(has_party(f, "quang-ninh") && has_party(f, "guangxi"));
    assert_fig(fig(&x, 41), "delegations_received", "delegations", "exact", "2024");
    assert_fig(fig(&x, 750), "goods_exported", "tonnes", "over", "");
    assert_fig(fig(&x, 551000), "tourists", "people", "exact", "2024");
    assert_fig(fig(&x, 370500), "tourist_arrivals", "people", "exact", "");
    assert_int_equal(x.nfigures, 5);
    bc_extraction_free(&x);

    /* an expected area is a goal, stated exactly */
    x = run("sv", NULL,
            "De två sidorna har undertecknat ett samarbetsavtal om sockerrörsodling, med en "
            "förväntad areal på 425 hektar (Lai Chau 195 hektar, Tuyen Quang 230 hektar). Lai "
            "Chau-provinsen har skickat 22 tjänstemän för att delta i utbildningskurser.");
    assert_fig(fig(&x, 425), "crop_area", "hectares", "exact", "");
    assert_true(fig(&x, 425)->target);
    assert_fig(fig(&x, 22), "officials_trained", "people", "exact", "");
    bc_extraction_free(&x);
}

/* A count's period is its own: not the month of another count nearer to it, not the
 * year a comparison names (FINDINGS-analyst4.md, P4). */
static void a_count_takes_its_own_period(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2026-12-04",
                          "Headline\n\nSome 12,000 tonnes of durian were exported through the pair "
                          "in November alone, "
                          "while the gate received more than 240,000 visitors since the start "
                          "of the year.");
    assert_string_equal(fig(&x, 12000)->period, "2026-11");
    assert_string_equal(fig(&x, 240000)->period, "");
    bc_extraction_free(&x);
    x = run("fr", "2026-11-28",
            "Titre\n\nLe nombre de touristes a atteint 42 000, soit près du double de l'an "
            "dernier.");
    assert_string_equal(fig(&x, 42000)->period, "");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(polish_counts_and_qualifiers),
        cmocka_unit_test(swedish_counts_and_directions),
        cmocka_unit_test(a_count_takes_its_own_period),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
