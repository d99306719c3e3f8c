/* test_extract_fig_words.c: amounts of money whose number is written in words before a
 * scale (extract_fig_words.c, through bc_extract), in every language that writes them so:
 * halves ("tweeënhalf", "anderhalf", "two and a half", "deux milliards et demi", "półtora",
 * "två och en halv"), numbers of one or two words ("achttien", "twenty-five",
 * "tjugofem"), their qualifiers; and what is no such amount: a number inside another
 * ("a hundred and twenty"), a compound adjective ("two billion-dollar projects"), a count,
 * a scale of no currency. The sentences are ours. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void numbers_in_words_are_amounts(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        const char *unit, *qualifier;
    } cases[] = {
        {"nl", "De grenshandel kwam vorig jaar uit op ruim drieënhalf miljard dollar.", 3.5e9,
         "USD", "over"},
        {"nl", "Via de brug ging dit voorjaar voor bijna anderhalf miljard dollar aan fruit.",
         1.5e9, "USD", "nearly"},
        {"nl", "De provincie stak er de voorbije jaren zo'n zeventien miljard yuan in.", 17e9,
         "CNY", "about"},
        {"nl", "Het doel is een omzet van vijfentwintig miljard dollar.", 25e9, "USD", "exact"},
        {"nl", "De douane inde twee en een half miljard dong aan heffingen.", 2.5e9, "VND",
         "exact"},
        {"nl", "Hanoi trekt een half miljard dollar uit voor de snelweg.", 0.5e9, "USD", "exact"},
        {"nl", "De overslag bedroeg honderd miljoen euro.", 100e6, "EUR", "exact"},
        {"en", "Two-way trade reached two and a half billion dollars last year.", 2.5e9, "USD",
         "exact"},
        {"en", "The province earned nearly one and a half billion dollars from exports.", 1.5e9,
         "USD", "nearly"},
        {"en", "Trade through the pass reached about twenty-five million dollars.", 25e6, "USD",
         "about"},
        {"en", "The city set aside half a billion yuan for the new road.", 0.5e9, "CNY", "exact"},
        {"en", "Imports came to more than a billion dollars in the spring.", 1e9, "USD", "over"},
        {"fr", "Les échanges ont atteint deux milliards et demi de dollars l'an dernier.", 2.5e9,
         "USD", "exact"},
        {"fr", "La province a consacré près de trois milliards de yuans aux routes.", 3e9, "CNY",
         "nearly"},
        {"pl", "Obroty wyniosły w ubiegłym roku półtora miliarda dolarów.", 1.5e9, "USD", "exact"},
        {"pl", "Prowincja przeznaczy dwa i pół miliarda juanów na drogi.", 2.5e9, "CNY", "exact"},
        {"pl", "Handel osiągnął prawie pięć miliardów dolarów.", 5e9, "USD", "nearly"},
        {"sv", "Handeln uppgick till två och en halv miljard dollar förra året.", 2.5e9, "USD",
         "exact"},
        {"sv", "Provinsen satsade omkring tjugofem miljoner dollar på vägen.", 25e6, "USD",
         "about"},
        {"sv", "Exporten nådde halvannan miljard dollar.", 1.5e9, "USD", "exact"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-12-01", cases[k].text);
        size_t money = 0;
        for (size_t i = 0; i < x.nfigures; i++)
            money += x.figures[i].money;
        if (money != 1 || !has_fig(&x, cases[k].value))
            fail_msg("'%s': %zu amounts, none of %.0f", cases[k].text, money, cases[k].value);
        const bc_xfigure *f = fig(&x, cases[k].value);
        if (strcmp(f->unit, cases[k].unit) != 0 || strcmp(f->qualifier, cases[k].qualifier) != 0)
            fail_msg("'%s': %s, %s", cases[k].text, f->unit, f->qualifier);
        bc_extraction_free(&x);
    }
}

/* A number inside another, a number before a compound adjective, one before a scale that
 * is no money, and a count give no amount in words. */
static void other_words_give_no_amount(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "The two sides signed two billion-dollar deals on the new road."},
        {"en", "Some two million visitors crossed the border last year."},
        {"en", "The fund holds a hundred and twenty million dollars."},
        {"fr", "Le port a traité quatre-vingts millions de dollars de marchandises."},
        {"fr", "Un million de visiteurs sont attendus cette année."},
        {"nl", "Vijf miljoen bezoekers passeerden de grens."},
        {"nl", "Tussen vijf en zes miljard dollar is nodig voor de spoorlijn."},
        {"pl", "Przez przejście przeszło dwa miliony osób."},
        {"sv", "Fem miljoner resenärer passerade gränsen."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-12-01", cases[k].text);
        for (size_t i = 0; i < x.nfigures; i++)
            if (x.figures[i].money)
                fail_msg("'%s': money %.0f %s", cases[k].text, x.figures[i].value,
                         x.figures[i].unit);
        bc_extraction_free(&x);
    }
}

/* An amount in words keeps its place among the sentence's others: its measure, its period
 * and a restatement in digits after it; a part of it in words takes its currency. */
static void words_measure_like_digits(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2021-05-20",
                          "Titel\n\nDe handel tussen Lao Cai en Yunnan bedroeg in 2020 ruim "
                          "tweeënhalf miljard dollar, omgerekend zo'n 2,1 miljard euro.");
    const bc_xfigure *f = fig(&x, 2.5e9);
    assert_string_equal(f->metric, "trade_turnover");
    assert_string_equal(f->period, "2020");
    assert_string_equal(f->qualifier, "over");
    assert_string_equal(fig(&x, 2.1e9)->unit, "EUR");
    bc_extraction_free(&x);
    /* a part in words after "waarvan", "of which" is in the whole's currency; a count in
     * words after an amount is none */
    x = run("nl", "2021-05-20",
            "Titel\n\nDe handel bedroeg 5 miljard dollar, waarvan twee miljard export.");
    assert_string_equal(fig(&x, 2e9)->unit, "USD");
    assert_string_equal(fig(&x, 2e9)->metric, "exports");
    bc_extraction_free(&x);
    x = run("en", "2021-05-20",
            "Title\n\nTrade reached 5 billion dollars, of which two billion in exports.");
    assert_string_equal(fig(&x, 2e9)->unit, "USD");
    bc_extraction_free(&x);
    x = run("nl", "2021-05-20",
            "Titel\n\nDe handel bedroeg 5 miljard dollar, en er kwamen een miljoen bezoekers.");
    for (size_t i = 0; i < x.nfigures; i++)
        assert_false(x.figures[i].money && x.figures[i].value == 1e6);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_in_words_are_amounts),
        cmocka_unit_test(other_words_give_no_amount),
        cmocka_unit_test(words_measure_like_digits),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
