/* test_extract_fig_country.c: a whole country as the other side of a trade flow
 * (extract_fig_country.c): named as a noun right after a word joining it to the flow, in
 * all seven languages; never a country named for another reason (whose a province is, an
 * occasion, a group of its provinces), never when a province of that country is a party. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

typedef struct country_case {
    const char *lang, *text;
    double value;
    const char *party, *country; /* the one party left, and the country ("" none) */
} country_case;

static void check_cases(const country_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bc_extraction x = run(cases[i].lang, "2025-03-01", cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (strcmp(f->country, cases[i].country) != 0)
            fail_msg("%s '%s': country '%s', want '%s'", cases[i].lang, cases[i].text, f->country,
                     cases[i].country);
        if (cases[i].country[0] != '\0' &&
            (f->nparties != 1 || strcmp(f->parties[0], cases[i].party) != 0))
            fail_msg("%s '%s': %d parties, first '%s', want only '%s'", cases[i].lang,
                     cases[i].text, f->nparties, f->nparties ? f->parties[0] : "-", cases[i].party);
        bc_extraction_free(&x);
    }
}

static void a_country_joined_to_the_flow_is_its_other_side(void **state)
{
    (void)state;
    static const country_case cases[] = {
        {"en", "Last year Guangxi's trade with Vietnam came to 250 billion yuan.", 250e9, "guangxi",
         "VN"},
        {"en", "In 2024 Cao Bang's exports to China were worth USD 300 million.", 300e6, "cao-bang",
         "CN"},
        {"en", "Two-way trade between China and Ha Giang stood at USD 90 million in 2024.", 90e6,
         "ha-giang", "CN"},
        {"vi", "Năm 2024, kim ngạch xuất khẩu của Lào Cai sang Trung Quốc đạt 1,3 tỷ USD.", 1.3e9,
         "lao-cai", "CN"},
        {"vi", "Năm 2024, thương mại giữa Cao Bằng và Trung Quốc đạt 800 triệu USD.", 800e6,
         "cao-bang", "CN"},
        {"zh", "2024年，广西对越南出口达到1500亿元。", 1500e8, "guangxi", "VN"},
        {"zh", "2024年，云南同越南的贸易额为30亿美元。", 30e8, "yunnan", "VN"},
        {"fr",
         "En 2024, les échanges entre le Yunnan et le Vietnam ont atteint 3 milliards de "
         "dollars.",
         3e9, "yunnan", "VN"},
        {"pl", "W 2024 roku obroty handlowe Lao Cai z Chinami wyniosły 2 mld USD.", 2e9, "lao-cai",
         "CN"},
        {"sv", "Handeln mellan Lang Son och Kina uppgick 2024 till 4 miljarder USD.", 4e9,
         "lang-son", "CN"},
        {"nl", "In 2024 bedroeg de handel tussen Cao Bang en China 700 miljoen dollar.", 700e6,
         "cao-bang", "CN"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

static void a_country_named_for_another_reason_is_none(void **state)
{
    (void)state;
    static const country_case cases[] = {
        /* whose a province is: both sides are provinces */
        {"en", "Vietnam's Lao Cai province exported goods worth USD 800 million to Yunnan in 2024.",
         800e6, "", ""},
        {"en", "Trade between Yunnan and Vietnam's Lao Cai province reached USD 2 billion in 2024.",
         2e9, "", ""},
        {"zh", "2024年，云南与越南老街省的贸易额达到20亿美元。", 20e8, "", ""},
        {"fr",
         "En 2024, le commerce entre le Guangxi et la province vietnamienne de Lang Son a "
         "atteint 5 milliards de dollars.",
         5e9, "", ""},
        /* an occasion, not the other side of the flow */
        {"en", "After talks with China, Lao Cai's exports reached USD 500 million in 2024.", 500e6,
         "", ""},
        {"nl",
         "Volgens ambtenaren uit China bedroeg de uitvoer van Lao Cai in 2024 500 miljoen "
         "dollar.",
         500e6, "", ""},
        /* a group of the country's provinces, not the whole country: parties unknown */
        {"en", "Yunnan's trade with the Vietnamese border provinces reached USD 3 billion in 2024.",
         3e9, "", ""},
        /* the province's own country: no other side */
        {"en", "In 2024 Lao Cai's exports to Vietnam's south came to USD 20 million.", 20e6, "",
         ""},
        /* not a trade flow */
        {"en", "Lao Cai's investment in projects with China reached USD 70 million in 2024.", 70e6,
         "", ""},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
}

/* "..., while its imports from China came to ...": the province of the earlier clause's
 * pair is that amount's, not this one's (it was the pair's before: lao-cai and yunnan). */
static void a_later_clause_to_the_country_is_not_the_pairs(void **state)
{
    (void)state;
    static const country_case cases[] = {
        {"en",
         "Lao Cai's exports to Yunnan were worth USD 600 million in 2024, while its imports "
         "from China came to USD 400 million.",
         400e6, "lao-cai", "CN"},
        {"pl",
         "Eksport z Ha Giang do Junnanu wyniósł 300 mln dolarów, a import z Chin 250 mln "
         "dolarów.",
         250e6, "ha-giang", "CN"},
    };
    check_cases(cases, sizeof cases / sizeof cases[0]);
    bc_extraction x = run("en", "2025-03-01", cases[0].text);
    const bc_xfigure *pair = fig(&x, 600e6);
    assert_int_equal(pair->nparties, 2);
    assert_string_equal(pair->country, "");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_country_joined_to_the_flow_is_its_other_side),
        cmocka_unit_test(a_country_named_for_another_reason_is_none),
        cmocka_unit_test(a_later_clause_to_the_country_is_not_the_pairs),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
