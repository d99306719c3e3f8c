/* test_country.c: the two countries as a whole (country.c): their codes, and a country
 * named by a noun of one of the seven languages, never by an adjective or a genitive. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/country.h"

#include <string.h>

static int named(const char *text, const char *code)
{
    return bc_country_named(text, strlen(text), code);
}

static void codes(void **state)
{
    (void)state;
    assert_true(bc_country_valid("VN"));
    assert_true(bc_country_valid("CN"));
    assert_false(bc_country_valid("vn"));
    assert_false(bc_country_valid("LA"));
    assert_false(bc_country_valid(NULL));
    assert_string_equal(bc_country_name("CN"), "China");
    assert_null(bc_country_name("FR"));
}

static void nouns_name_it(void **state)
{
    (void)state;
    static const char *const vn[] = {"trade with Vietnam",     "thương mại với Việt Nam",
                                     "云南与越南的贸易额",     "avec le Vietnam",
                                     "handel z Wietnamem",     "handeln med Vietnam",
                                     "de handel met Vietnam.", NULL};
    static const char *const cn[] = {"exports to China", "xuất khẩu sang Trung Quốc",
                                     "对中国出口",       "vers la Chine",
                                     "import z Chin",    "till Kina",
                                     "naar China",       NULL};
    for (int i = 0; vn[i]; i++)
        if (!named(vn[i], "VN") || named(vn[i], "CN"))
            fail_msg("'%s'", vn[i]);
    for (int i = 0; cn[i]; i++)
        if (!named(cn[i], "CN") || named(cn[i], "VN"))
            fail_msg("'%s'", cn[i]);
}

static void adjectives_and_genitives_do_not(void **state)
{
    (void)state;
    static const char *const none[] = {"the Vietnamese provinces",
                                       "prowincjami wietnamskimi",
                                       "Chinese tourists",
                                       "les provinces chinoises",
                                       "Vietnams gränsprovinser",
                                       "Kinas handel",
                                       "Machine parts",
                                       NULL};
    for (int i = 0; none[i]; i++)
        if (named(none[i], "VN") || named(none[i], "CN"))
            fail_msg("'%s'", none[i]);
    assert_false(named("Vietnam", "FR"));
    assert_false(bc_country_named("\xff\xfe", 2, "VN")); /* not UTF-8 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codes),
        cmocka_unit_test(nouns_name_it),
        cmocka_unit_test(adjectives_and_genitives_do_not),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
