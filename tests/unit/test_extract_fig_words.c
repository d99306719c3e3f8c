/* test_extract_fig_words.c: amounts of money whose number is written in words before a
 * scale (extract_fig_words.c, through bc_extract), in every language that writes them so:
 * halves ("tweeënhalf", "anderhalf", "two and a half", "deux milliards et demi", "półtora",
 * "två och en halv"), numbers of one or two words ("achttien", "twenty-five",
 * "tjugofem"), their qualifiers; and what is no such amount: a number inside another
 * ("a hundred and twenty"), a compound adjective ("two billion-dollar projects"), a count,
 * a scale of no currency; Chinese numbers in characters before 万 or 亿 ("千亿元", "三千五百亿
 * 越南盾") and a headline's round bound merged into the body amount it rounds
 * (extract_fig_head.c). The sentences are ours. */
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

/* Chinese: a number in characters before 万 or 亿, a unit alone counting one ("千亿元" is
 * 10^11), and 万亿, 亿 alone after a word of passing; a vague count, a unit of no currency
 * and 千万 as an adverb give none. */
static void chinese_numbers_in_characters(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double value;
        const char *unit, *qualifier;
    } cases[] = {
        {"今年前三季度东兴口岸进出口总额突破千亿元，同比增长8.1%。", 1e11, "CNY", "over"},
        {"龙邦口岸改造项目总投资近百亿元。", 1e10, "CNY", "nearly"},
        {"两地边境贸易额去年达十亿美元。", 1e9, "USD", "exact"},
        {"该市对越出口额达千万美元。", 1e7, "USD", "exact"},
        {"河口口岸今年进出口额有望超过一千五百亿元。", 1.5e11, "CNY", "over"},
        {"该项目计划投资三千五百亿越南盾。", 3.5e11, "VND", "exact"},
        {"老街省边境贸易额首次突破万亿越南盾。", 1e12, "VND", "over"},
        {"水口口岸货运通道建设投资逾亿元。", 1e8, "CNY", "over"},
        {"边民互市贸易额达两百万美元。", 2e6, "USD", "exact"},
        {"该口岸年进出口额约三千五亿元。", 3.5e11, "CNY", "about"},
        {"该项目投资一百零五亿越南盾。", 1.05e10, "VND", "exact"},
        {"边境贸易额达二十亿美元。", 2e9, "USD", "exact"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run("zh", "2025-12-01", cases[k].text);
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
    static const char *const none[] = {
        "东兴口岸年进出口额达数十亿美元。",   "凭祥着力打造千亿级口岸产业集群。",
        "双方千万不要忘记边民的利益。",       "去年经友谊关口岸出入境旅客达百万人次。",
        "河口口岸进出口额连续几十亿元增长。",
    };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        bc_extraction x = run("zh", "2025-12-01", none[k]);
        for (size_t i = 0; i < x.nfigures; i++)
            if (x.figures[i].money)
                fail_msg("'%s': money %.0f %s", none[k], x.figures[i].value, x.figures[i].unit);
        bc_extraction_free(&x);
    }
}

/* A headline's round bound and the body's amount it rounds are one fact, the body's; a
 * headline amount far from any body one, or one the body also writes as a goal, stays. */
static void a_headline_bound_is_the_body_amount(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2024-06-20",
                          "河口前5个月进出口超千亿元\n\n据河口海关统计，今年1至5月，河口口岸"
                          "进出口总额达1003.5亿元，同比增长12.1%。");
    size_t money = 0;
    for (size_t i = 0; i < x.nfigures; i++)
        money += x.figures[i].money;
    assert_int_equal(money, 1);
    const bc_xfigure *f = fig(&x, 1.0035e11);
    assert_string_equal(f->qualifier, "exact");
    assert_int_equal(f->cite.nquotes, 2);
    bc_extraction_free(&x);
    x = run("en", "2024-06-20",
            "Lao Cai trade over 2 billion USD\n\nTrade through Lao Cai reached 2.04 billion USD "
            "in the first five months, the customs office said.");
    assert_true(has_fig(&x, 2.04e9));
    assert_false(has_fig(&x, 2e9));
    bc_extraction_free(&x);
    /* negative: 8 % over the bound is another amount */
    x = run("zh", "2024-06-20",
            "河口前5个月进出口超千亿元\n\n据河口海关统计，今年1至5月，河口口岸"
            "进出口总额达1080亿元，同比增长12.1%。");
    assert_true(has_fig(&x, 1e11));
    assert_true(has_fig(&x, 1.08e11));
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_in_words_are_amounts),
        cmocka_unit_test(other_words_give_no_amount),
        cmocka_unit_test(words_measure_like_digits),
        cmocka_unit_test(chinese_numbers_in_characters),
        cmocka_unit_test(a_headline_bound_is_the_body_amount),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
