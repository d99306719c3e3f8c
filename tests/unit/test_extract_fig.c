/* test_extract_fig.c: amounts of money and counts (extract_fig.c): scale words in both
 * decimal conventions and Chinese scales, the four currencies, what each amount measures
 * (a turnover, then its imports and exports), goals, restatements in another currency,
 * qualifiers and growth; counts with what they count. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void polish_money_with_scale_words(void **state)
{
    (void)state;
    const char *t = "Obroty importowo-eksportowe między prowincjami wietnamskimi a Junnanem w "
                    "2024 roku osiągnęły 7,2 mld USD; wiele działań promujących handel.";
    bc_extraction x = run("pl", "2025-10", t);
    assert_int_equal(x.nfigures, 1);
    const bc_xfigure *f = fig(&x, 7.2e9);
    assert_true(f->money);
    assert_fig(f, "trade_turnover", "USD", "exact", "2024");
    assert_true(has_party(f, "yunnan")); /* "Junnanem": the inflected one-word alias */
    assert_quote(t, f->cite.q[0].start, f->cite.q[0].end,
                 "Obroty importowo-eksportowe między prowincjami wietnamskimi a Junnanem w "
                 "2024 roku osiągnęły 7,2 mld USD");
    assert_memory_equal(t + f->start, "7,2", 3);
    assert_true(f->confidence >= BC_X_MIN_CONFIDENCE);
    bc_extraction_free(&x);

    t = "Gospodarka i handel nadal dynamicznie się rozwijają, a obroty importowo-eksportowe "
        "osiągnęły ponad 293 mln USD w 2024 r. i 797 mln USD w pierwszych 9 miesiącach 2025 "
        "r., co stanowi wzrost o prawie 88% w porównaniu z tym samym okresem.";
    x = run("pl", "2025-10", t);
    assert_int_equal(x.nfigures, 2);
    f = fig(&x, 293e6);
    assert_fig(f, "trade_turnover", "USD", "over", "2024");
    assert_false(f->has_change);
    f = fig(&x, 797e6);
    assert_fig(f, "trade_turnover", "USD", "exact", "2025-01/2025-09");
    assert_true(f->metric_inferred); /* the second amount names no measure of its own */
    assert_true(f->has_change && fabs(f->change_pct - 88) < 1e-9);
    assert_string_equal(f->change_qualifier, "nearly");
    bc_extraction_free(&x);

    /* "8 tys. mld VND": two scale words, the first abbreviated; an estimated cost is
     * a planned investment */
    x = run("pl", NULL, "Koszt szacuje się na blisko 8 tys. mld VND.");
    assert_fig(fig(&x, 8e12), "investment", "VND", "nearly", "");
    assert_true(fig(&x, 8e12)->target);
    bc_extraction_free(&x);
}

static void every_currency_and_scale(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *unit;
        double value;
    } cases[] = {
        {"en", "Trade reached USD 1.2 billion.", "USD", 1.2e9},
        {"en", "Trade reached $3.36 billion.", "USD", 3.36e9},
        {"en", "Trade reached 222.97 billion yuan.", "CNY", 222.97e9},
        {"en", "Revenue reached 1.4 trillion VND.", "VND", 1.4e12},
        {"en", "The EU granted EUR 5 million.", "EUR", 5e6},
        {"en", "The fund granted €5 million.", "EUR", 5e6},
        {"vi", "Kim ngạch đạt 1,7 tỷ USD.", "USD", 1.7e9},
        {"vi", "Thu ngân sách đạt 1.400 tỷ đồng.", "VND", 1.4e12},
        {"vi", "Giá trị đạt 1 nghìn tỷ đồng.", "VND", 1e12},
        {"vi", "Kim ngạch đạt 272,5 tỷ NDT.", "CNY", 272.5e9},
        {"vi", "Kim ngạch đạt 3,5 triệu đô la Mỹ.", "USD", 3.5e6},
        {"zh", "进出口总额达56亿元。", "CNY", 5.6e9},
        {"zh", "贸易额达4.55亿美元。", "USD", 4.55e8},
        {"zh", "投资11亿元人民币。", "CNY", 1.1e9},
        {"zh", "创汇210万美元，相当于470亿越盾。", "VND", 4.7e10},
        {"zh", "总额达1.5万亿越南盾。", "VND", 1.5e12},
        {"zh", "出口额3200万欧元。", "EUR", 3.2e7},
        {"fr", "Les échanges ont atteint 1,7 milliard de dollars.", "USD", 1.7e9},
        {"fr", "Les exportations ont représenté 49,5 millions d'USD.", "USD", 49.5e6},
        {"fr", "Le projet coûte 6 800 milliards de dongs.", "VND", 6.8e12},
        {"fr", "Le commerce a atteint 190 milliards de yuans.", "CNY", 190e9},
        {"pl", "Obroty wyniosły 339,44 mld juanów.", "CNY", 339.44e9},
        {"sv", "Omsättningen uppgick till 4,42 miljarder USD.", "USD", 4.42e9},
        {"sv", "Provinsen har investerat 1 200 miljarder dong.", "VND", 1.2e12},
        {"nl", "De handel bedroeg ruim 190 miljard yuan.", "CNY", 190e9},
        {"nl", "Er werd 1.350 miljard dong geïnd.", "VND", 1.35e12},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (!has_fig(&x, cases[i].value))
            fail_msg("%s: no %g %s (%zu figures)", cases[i].text, cases[i].value, cases[i].unit,
                     x.nfigures);
        const bc_xfigure *f = fig(&x, cases[i].value);
        assert_true(f->money);
        assert_string_equal(f->unit, cases[i].unit);
        bc_extraction_free(&x);
    }
}

static void every_amount_of_a_sentence_has_its_measure(void **state)
{
    (void)state;
    /* the turnover, then its imports and exports in the sentence after it */
    bc_extraction x = run("en", "2025-02-03",
                          "Lao Cai posted 49.5 million USD in turnover from January 1 - 29. "
                          "The figure comprises 25.7 million USD in imports and 23.8 million "
                          "USD in exports.");
    assert_int_equal(x.nfigures, 3);
    const bc_xfigure *f = fig(&x, 49.5e6);
    assert_fig(f, "trade_turnover", "USD", "exact", "2025-01-01/2025-01-29");
    assert_true(f->period_inferred); /* the year is the publication's */
    assert_string_equal(fig(&x, 25.7e6)->metric, "imports");
    assert_string_equal(fig(&x, 23.8e6)->metric, "exports");
    bc_extraction_free(&x);

    x = run("vi", NULL,
            "Kim ngạch xuất nhập khẩu đạt hơn 1,7 tỷ USD, trong đó xuất khẩu đạt 708 triệu USD, "
            "nhập khẩu đạt 460 triệu USD.");
    assert_fig(fig(&x, 1.7e9), "trade_turnover", "USD", "over", "");
    assert_string_equal(fig(&x, 708e6)->metric, "exports");
    assert_string_equal(fig(&x, 460e6)->metric, "imports");
    bc_extraction_free(&x);

    x = run("zh", NULL,
            "河口口岸进出口总额56亿元，同比增长12.5%，其中出口31.2亿元，进口24.8亿元。");
    f = fig(&x, 5.6e9);
    assert_string_equal(f->metric, "trade_turnover");
    assert_true(f->has_change && fabs(f->change_pct - 12.5) < 1e-9);
    assert_string_equal(fig(&x, 3.12e9)->metric, "exports");
    assert_string_equal(fig(&x, 2.48e9)->metric, "imports");
    bc_extraction_free(&x);

    /* a revenue word in the amount's clause wins over the trade it comes from */
    x = run("sv", NULL,
            "Statens intäkter från import- och exportverksamheten uppgick till 4 850 miljarder "
            "dong.");
    assert_string_equal(fig(&x, 4.85e12)->metric, "budget_revenue");
    bc_extraction_free(&x);

    /* no word for what it measures: no metric */
    x = run("en", NULL, "The project is worth USD 12 million.");
    assert_string_equal(fig(&x, 12e6)->metric, "");
    assert_false(fig(&x, 12e6)->metric_inferred);
    bc_extraction_free(&x);
}

static void goods_and_their_flow(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *metric;
        double value;
    } cases[] = {
        {"sv", "Provinsen exporterade varor för 1,1 miljarder USD.", "exports", 1.1e9},
        {"sv", "Provinsen importerade varor för 650 miljoner USD.", "imports", 650e6},
        {"sv", "Omsättningen av varor uppgick till 980 miljoner USD.", "trade_turnover", 980e6},
        {"sv", "Import- och exportvärdet var 3,1 miljarder USD.", "trade_turnover", 3.1e9},
        {"sv", "Gränshandeln omsatte över 2 miljarder yuan.", "trade_turnover", 2e9},
        {"sv", "Handeln var värd 3,4 miljarder US-dollar.", "trade_turnover", 3.4e9},
        {"pl", "Wartość eksportu i importu wyniosła 950 milionów dolarów.", "trade_turnover",
         950e6},
        {"pl", "Obroty handlowe wyniosły 1,2 mld dol.", "trade_turnover", 1.2e9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (strcmp(f->metric, cases[i].metric) != 0)
            fail_msg("%s: metric '%s', not %s", cases[i].text, f->metric, cases[i].metric);
        assert_string_equal(f->unit, strstr(cases[i].text, "yuan") ? "CNY" : "USD");
        bc_extraction_free(&x);
    }
}

static void abbreviated_scales(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *unit;
        double value;
    } cases[] = {
        {"pl", "Obroty wyniosły 250 mln. USD w 2024 r.", "USD", 250e6},
        {"pl", "Obroty wyniosły 1,2 mld. USD w 2024 r.", "USD", 1.2e9},
        {"pl", "Wpływy do budżetu wyniosły 1,8 bln VND w 2024 r.", "VND", 1.8e12},
        {"sv", "Exporten uppgick till 450 milj. dollar under 2024.", "USD", 450e6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        assert_int_equal(x.nfigures, 1);
        assert_string_equal(fig(&x, cases[i].value)->unit, cases[i].unit);
        bc_extraction_free(&x);
    }
    /* a scale abbreviation that ends a sentence stays its end */
    bc_extraction x = run("pl", NULL, "Import wyniósł 620 mln. Eksport wzrósł.");
    assert_int_equal(x.sentences, 2);
    bc_extraction_free(&x);
}

static void a_headline_goal_is_the_body_goal(void **state)
{
    (void)state;
    /* the headline's looser verb ("eye") and the body's goal are one fact, a goal */
    bc_extraction x = run("en", "2024-06-13",
                          "Cao Bang, Baise eye 1 billion USD in trade through Tra Linh\n\nThe "
                          "two sides aim to lift trade through Tra Linh to 1 billion USD by "
                          "2026.");
    assert_int_equal(x.nfigures, 1);
    assert_true(x.figures[0].target);
    assert_int_equal(x.figures[0].cite.nquotes, 2);
    bc_extraction_free(&x);
    /* in the body, an outcome and a goal of the same amount stay two facts */
    x = run("en", "2024-06-13",
            "Title\n\nTrade reached 1 billion USD in 2023. The two sides aim to lift trade "
            "to 1 billion USD in 2024.");
    assert_int_equal(x.nfigures, 2);
    bc_extraction_free(&x);
}

static void goals_are_not_outcomes(void **state)
{
    (void)state;
    bc_extraction x = run("en", NULL,
                          "Lao Cai province targets 5 billion USD in total foreign trade in "
                          "2023, after trade reached 3.2 billion USD in 2022.");
    assert_true(fig(&x, 5e9)->target);
    assert_string_equal(fig(&x, 5e9)->metric, "trade_turnover");
    assert_false(fig(&x, 3.2e9)->target);
    bc_extraction_free(&x);

    static const struct {
        const char *lang, *text;
        double value;
    } goals[] = {
        {"vi", "Tỉnh phấn đấu đạt 5 tỷ USD kim ngạch năm 2026.", 5e9},
        {"zh", "力争2025年边境贸易额突破100亿元人民币。", 1e10},
        {"fr", "Quảng Ninh s'est fixé pour objectif de dépasser les 4 milliards de dollars.", 4e9},
        {"pl", "Władze postawiły sobie za cel przekroczenie 600 mln USD w 2025 r.", 6e8},
        {"nl", "Daarmee is 35 procent van het jaardoel van 4,5 miljard dollar gehaald.", 4.5e9},
    };
    for (size_t i = 0; i < sizeof goals / sizeof goals[0]; i++) {
        x = run(goals[i].lang, NULL, goals[i].text);
        if (!fig(&x, goals[i].value)->target)
            fail_msg("%s: not a goal", goals[i].text);
        bc_extraction_free(&x);
    }
    /* "ceł" (customs duties) is no goal in Polish */
    x = run("pl", NULL, "Wpływy do budżetu z ceł wyniosły 310 mld VND.");
    assert_false(fig(&x, 310e9)->target);
    assert_string_equal(fig(&x, 310e9)->metric, "budget_revenue");
    bc_extraction_free(&x);
    /* an investment "estimated at" is a plan */
    x = run("pl", NULL, "Inwestycja, której koszt szacuje się na 1,2 tys. mld VND, ruszy w maju.");
    assert_true(fig(&x, 1.2e12)->target);
    bc_extraction_free(&x);
}

static void restatements_in_another_currency(void **state)
{
    (void)state;
    bc_extraction x = run("zh", NULL,
                          "2024年，经爱店口岸进出口总值达213.6亿元人民币（约合29.7亿美元），"
                          "同比增长9.6%。");
    const bc_xfigure *cny = fig(&x, 21.36e9), *usd = fig(&x, 2.97e9);
    assert_false(cny->conversion);
    assert_true(usd->conversion);
    assert_string_equal(usd->metric, "trade_turnover");
    assert_string_equal(usd->period, "2024");
    assert_string_equal(usd->qualifier, "exact");
    assert_true(cny->has_change && usd->has_change && usd->change_pct == cny->change_pct);
    bc_extraction_free(&x);

    x = run("pl", NULL, "Wpływy do budżetu wyniosły w 2024 r. 7 200 mld VND (ok. 283 mln USD).");
    usd = fig(&x, 283e6);
    assert_true(usd->conversion);
    assert_string_equal(usd->qualifier, "about");
    assert_string_equal(usd->metric, "budget_revenue");
    bc_extraction_free(&x);
}

static void qualifiers_and_changes(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *qualifier;
        double value;
    } cases[] = {
        {"en", "Trade exceeded USD 300,000.", "over", 3e5},
        {"en", "Trade reached nearly USD 186 million.", "nearly", 186e6},
        {"en", "Trade reached about USD 1.2 billion.", "about", 1.2e9},
        {"en", "Trade reached less than USD 1 million.", "under", 1e6},
        {"vi", "Kim ngạch đạt khoảng 300 triệu USD.", "about", 3e8},
        {"vi", "Kim ngạch đạt gần 300 triệu USD.", "nearly", 3e8},
        {"zh", "进出口总额达2万亿越盾以上。", "over", 2e12},
        {"zh", "贸易额近4.2亿美元。", "nearly", 4.2e8},
        {"zh", "贸易额约3亿美元。", "about", 3e8},
        {"fr", "Les échanges ont atteint environ 3,9 milliards de dollars.", "about", 3.9e9},
        {"fr", "Le capital atteint plus de 6 800 milliards de dongs.", "over", 6.8e12},
        {"pl", "Obroty wyniosły ponad 293 mln USD.", "over", 293e6},
        {"sv", "Omsättningen var omkring 14 330 miljarder dong.", "about", 14.33e12},
        {"nl", "De handel bedroeg ruim 190 miljard yuan.", "over", 190e9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (f == NULL || strcmp(f->qualifier, cases[i].qualifier) != 0)
            fail_msg("%s: qualifier %s, want %s", cases[i].text, f ? f->qualifier : "-",
                     cases[i].qualifier);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("en", NULL, "Exports fell 39.4% to USD 708 million.");
    assert_true(fig(&x, 708e6)->has_change);
    assert_true(fabs(fig(&x, 708e6)->change_pct + 39.4) < 1e-9);
    bc_extraction_free(&x);
    x = run("pl", NULL, "Obroty wyniosły 412 mln USD, o 21 proc. więcej niż przed rokiem.");
    assert_true(fabs(fig(&x, 412e6)->change_pct - 21) < 1e-9);
    bc_extraction_free(&x);
}

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

/* A rate or a price is no amount of money: it measures nothing (and is never stored). */
static void rates_are_not_amounts(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
    } rates[] = {
        {"en", "The exchange rate stood at 25,400 VND per USD on Monday.", 25400},
        {"en", "Durian was bought at the gate for 3 USD per kilogram.", 3},
        {"vi", "Tỷ giá trung tâm được niêm yết ở mức 24.300 đồng/USD.", 24300},
        {"vi", "Tỷ giá ở mức 3.450 đồng một nhân dân tệ.", 3450},
        {"zh", "当日人民币汇率中间价为1美元兑7.1元人民币。", 7.1},
        {"zh", "榴莲收购价每吨5000元。", 5000},
        {"fr", "Le taux de change était de 3 450 dôngs pour un yuan.", 3450},
        {"pl", "Kurs wynosił 24 800 VND za dolara.", 24800},
        {"sv", "Växelkursen låg på 2 400 VND per kronor.", 2400},
        {"nl", "De wisselkoers bedroeg 27 000 dong per euro.", 27000},
    };
    for (size_t k = 0; k < sizeof rates / sizeof rates[0]; k++) {
        bc_extraction x = run(rates[k].lang, "2024-04-10", rates[k].text);
        const bc_xfigure *f = fig(&x, rates[k].value);
        if (!f->rate || f->metric[0] != '\0')
            fail_msg("%s: '%s' read as %s", rates[k].lang, rates[k].text, f->metric);
        bc_extraction_free(&x);
    }
    /* an amount a year is an amount, a rate word in another clause changes nothing */
    bc_extraction x = run("en", NULL,
                          "Two-way trade of 5 billion USD per year is expected, while the exchange "
                          "rate stayed stable. Exports reached 2 billion USD.");
    assert_false(fig(&x, 5e9)->rate);
    assert_string_equal(fig(&x, 5e9)->metric, "trade_turnover");
    assert_false(fig(&x, 2e9)->rate);
    assert_string_equal(fig(&x, 2e9)->metric, "exports");
    bc_extraction_free(&x);
}

/* An amount by which a figure grew or fell is a change, not a level: it measures nothing
 * (a figure's change is in percent), so it is never stored as a second turnover. */
static void changes_are_not_levels(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double change, level;
    } cases[] = {
        {"en", "Turnover grew by 600 million USD to 3.4 billion USD.", 600e6, 3.4e9},
        {"en", "Turnover reached 3.4 billion USD, an increase of nearly 600 million USD.", 600e6,
         3.4e9},
        {"en", "Trade was 600 million USD higher than a year earlier, at 3.4 billion USD.", 600e6,
         3.4e9},
        {"en", "Turnover grew by 600 million USD (about 15 trillion VND) to 3.4 billion USD.",
         15e12, 3.4e9},
        {"vi", "Kim ngạch đạt 2,1 tỷ USD, tăng thêm 300 triệu USD so với cùng kỳ năm trước.", 300e6,
         2.1e9},
        {"vi", "Kim ngạch tăng 300 triệu USD, lên 2,1 tỷ USD.", 300e6, 2.1e9},
        {"zh", "进出口总额达560亿元，比上年增加了45亿元。", 45e8, 560e8},
        {"fr",
         "Les échanges ont atteint 900 millions de dollars, en hausse de 120 millions de "
         "dollars.",
         120e6, 900e6},
        {"pl", "Obroty wyniosły 4 mld USD i wzrosły o 1,2 mld USD.", 1.2e9, 4e9},
        {"sv", "Handeln uppgick till 4 miljarder USD och ökade med 300 miljoner USD.", 300e6, 4e9},
        {"nl", "De handel bedroeg 4 miljard dollar, een stijging met 200 miljoen dollar.", 200e6,
         4e9},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, NULL, cases[k].text);
        const bc_xfigure *c = fig(&x, cases[k].change), *l = fig(&x, cases[k].level);
        if (!c->change_amount || c->metric[0] != '\0')
            fail_msg("%s: the change in '%s' read as %s", cases[k].lang, cases[k].text, c->metric);
        if (l->change_amount || strcmp(l->metric, "trade_turnover") != 0)
            fail_msg("%s: the level in '%s' read as '%s'", cases[k].lang, cases[k].text, l->metric);
        bc_extraction_free(&x);
    }
    /* risen to: a level */
    static const struct {
        const char *lang, *text;
        double value;
    } levels[] = {
        {"en", "Exports rose to 1.1 billion USD.", 1.1e9},
        {"vi", "Xuất khẩu tăng lên 1,1 tỷ USD.", 1.1e9},
        {"zh", "出口增至11亿美元。", 1.1e9},
        {"fr", "Les exportations sont passées à 1,1 milliard de dollars, en hausse de 5 %.", 1.1e9},
        {"pl", "Eksport wzrósł do 1,1 mld USD.", 1.1e9},
    };
    for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++) {
        bc_extraction x = run(levels[k].lang, NULL, levels[k].text);
        const bc_xfigure *f = fig(&x, levels[k].value);
        if (f->change_amount || strcmp(f->metric, "exports") != 0)
            fail_msg("%s: '%s' read as '%s'", levels[k].lang, levels[k].text, f->metric);
        bc_extraction_free(&x);
    }
}

/* No measure from another sentence unless the sentence points back to it. */
static void measures_are_not_borrowed(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2024-04-10",
                          "Lao Cai gate collects more fees\n\n"
                          "Budget revenue at the gate reached 450 billion VND in the first quarter "
                          "of 2024. Some 2.5 million USD was paid for new scanners. About 4,000 "
                          "tonnes of rice were worth 3 million USD. Of this amount, 1 million USD "
                          "came from Ha Khau.");
    assert_fig(fig(&x, 450e9), "budget_revenue", "VND", "exact", "2024-01/2024-03");
    assert_fig(fig(&x, 2.5e6), "", "USD", "about", "");
    assert_fig(fig(&x, 3e6), "", "USD", "exact", "");
    bc_extraction_free(&x);

    /* "of which", "trong do", "其中", "dont": the sentence continues the one before */
    x = run("en", NULL,
            "Turnover up\n\nTurnover reached 4 billion USD in 2023. Of the total, 1.5 billion USD "
            "passed through Huu Nghi.");
    assert_fig(fig(&x, 1.5e9), "trade_turnover", "USD", "exact", "2023");
    assert_true(fig(&x, 1.5e9)->metric_inferred && fig(&x, 1.5e9)->period_context);
    bc_extraction_free(&x);
    x = run(
        "vi", NULL,
        "Kim ngạch tăng\n\nNăm 2023, kim ngạch xuất nhập khẩu đạt 4 tỷ USD. Trong đó, riêng cửa "
        "khẩu Hữu Nghị đạt 1,5 tỷ USD.");
    assert_fig(fig(&x, 1.5e9), "trade_turnover", "USD", "exact", "2023");
    assert_true(fig(&x, 1.5e9)->metric_inferred);
    bc_extraction_free(&x);
    x = run("zh", NULL, "标题\n\n2023年进出口总额达400亿元。其中，经友谊关口岸150亿元。");
    assert_fig(fig(&x, 150e8), "trade_turnover", "CNY", "exact", "2023");
    bc_extraction_free(&x);
    /* a sentence that goes on about the figure without naming it ("it", "Lao Cai accounted
     * for", "Rieng cua khau ... dat", a goal) continues it; one that opens with the amount
     * or names something else counted does not */
    x = run("en", NULL,
            "Trade up\n\nTrade reached 3 billion USD in 2023. Lao Cai accounted for 1.2 billion "
            "USD. In 2022, it stood at 2.8 billion USD. The province targets 3.5 billion USD in "
            "2024.\n\nAbout 2 million USD went to new scanners.");
    assert_fig(fig(&x, 2.8e9), "trade_turnover", "USD", "exact", "2022");
    assert_true(fig(&x, 2.8e9)->metric_inferred);
    assert_fig(fig(&x, 1.2e9), "trade_turnover", "USD", "exact", "2023");
    assert_true(fig(&x, 1.2e9)->period_context);
    assert_fig(fig(&x, 3.5e9), "trade_turnover", "USD", "exact", "2024");
    assert_fig(fig(&x, 2e6), "", "USD", "about", ""); /* a new paragraph */
    bc_extraction_free(&x);
    x = run("vi", NULL,
            "Kim ngạch tăng\n\nNăm 2023, kim ngạch xuất nhập khẩu đạt 4 tỷ USD. Cửa khẩu Hữu Nghị "
            "đã chi 1,5 triệu USD mua máy soi. Khoảng 3 triệu USD được dùng cho kho bãi.");
    assert_fig(fig(&x, 1.5e6), "investment", "USD", "exact", "");
    assert_fig(fig(&x, 3e6), "", "USD", "about", "");
    bc_extraction_free(&x);
}

/* A period comes from the sentence before only when the sentence continues its figure,
 * says "in the same period" or "for the whole year"; marked as carried (period_context). */
static void periods_are_carried_only_by_continuations(void **state)
{
    (void)state;
    bc_extraction x =
        run("en", "2025-12-06",
            "Border trade up\n\n"
            "Import-export turnover reached 5.1 billion USD in the first eleven months of 2025.\n\n"
            "Exports accounted for 1.9 billion USD of the total and imports for 3.2 billion USD. "
            "The province targets 5.5 billion USD in turnover for the whole year.\n\n"
            "Budget revenue from import-export activities reached 7.8 trillion VND in the same "
            "period, up 12% compared with the same period last year. A new power line cost 40 "
            "million USD.");
    const bc_xfigure *f = fig(&x, 1.9e9);
    assert_fig(f, "exports", "USD", "exact", "2025-01/2025-11");
    assert_true(f->period_context);
    assert_fig(fig(&x, 3.2e9), "imports", "USD", "exact", "2025-01/2025-11");
    f = fig(&x, 5.5e9);
    assert_fig(f, "trade_turnover", "USD", "exact", "2025");
    assert_true(f->target && f->period_context);
    assert_fig(fig(&x, 7.8e12), "budget_revenue", "VND", "exact", "2025-01/2025-11");
    assert_true(fig(&x, 7.8e12)->period_context);
    assert_fig(fig(&x, 40e6), "investment", "USD", "exact", ""); /* unrelated: no period */
    bc_extraction_free(&x);

    /* French as Vietnamese and Chinese: the breakdown after a turnover takes its period */
    x = run("fr", "2024-06-13",
            "Échanges en hausse\n\n"
            "Les échanges ont atteint 1,7 milliard de dollars au cours des cinq premiers mois de "
            "2024.\n\n"
            "Les exportations se sont élevées à 690 millions de dollars. Pour l'ensemble de "
            "l'année, la province vise des échanges de 4 milliards de dollars. Les recettes "
            "douanières ont atteint 1 850 milliards de dôngs.");
    assert_fig(fig(&x, 690e6), "exports", "USD", "exact", "2024-01/2024-05");
    assert_fig(fig(&x, 4e9), "trade_turnover", "USD", "exact", "2024");
    assert_fig(fig(&x, 1.85e12), "budget_revenue", "VND", "exact", "");
    bc_extraction_free(&x);

    /* "cung ky" after "so voi" is a comparison's basis; "trong cung ky" the period */
    x = run(
        "vi", NULL,
        "Kim ngạch tăng\n\nNăm 2023, kim ngạch xuất nhập khẩu đạt 4 tỷ USD, tăng 5% so với cùng "
        "kỳ năm trước. Thu ngân sách trong cùng kỳ đạt 1.210 tỷ đồng. Thu phí đạt 12 tỷ đồng, "
        "tăng 3% so với cùng kỳ.");
    assert_fig(fig(&x, 1.21e12), "budget_revenue", "VND", "exact", "2023");
    assert_string_equal(fig(&x, 12e9)->period, "");
    bc_extraction_free(&x);

    /* "全年": the year in context, inferred with it; unknown without a publication date */
    const char *zh =
        "标题\n\n今年1至10月，广西与越南货物贸易进出口总值达2156.3亿元人民币。双方提出，"
        "力争全年进出口总值突破2600亿元。";
    x = run("zh", "2024-11-29", zh);
    f = fig(&x, 2600e8);
    assert_fig(f, "trade_turnover", "CNY", "over", "2024");
    assert_true(f->target && f->period_inferred && f->period_context);
    bc_extraction_free(&x);
    x = run("zh", NULL, zh);
    assert_string_equal(fig(&x, 2600e8)->period, "");
    bc_extraction_free(&x);

    /* "last year" as a comparison's basis leaves the year in context known */
    x = run("en", NULL,
            "Trade up\n\nTurnover reached 2.3 billion USD in the first seven months of 2024. "
            "Turnover grew by 357 million USD compared with the same period last year. The "
            "province aims to raise the figure to 4.2 billion USD for the whole year. Some 4.8 "
            "million USD was spent on container scanners.");
    assert_fig(fig(&x, 4.2e9), "trade_turnover", "USD", "exact", "2024");
    assert_true(fig(&x, 357e6)->change_amount);
    assert_fig(fig(&x, 4.8e6), "investment", "USD", "about", ""); /* spending: no period */
    bc_extraction_free(&x);
}

/* Hectares are a crop area only when the sentence speaks of crops; "边贸" is trade. */
static void areas_and_border_trade(void **state)
{
    (void)state;
    bc_extraction x =
        run("en", NULL,
            "The 300 MW power line and the 50 ha logistics zone cost 120 million USD. "
            "Farmers planted 1,200 ha of sugar cane.");
    assert_false(has_fig(&x, 50));
    assert_fig(fig(&x, 1200), "crop_area", "hectares", "exact", "");
    bc_extraction_free(&x);
    x = run("vi", NULL, "Khu logistics rộng 50 ha đã hoàn thành.");
    assert_false(has_fig(&x, 50));
    bc_extraction_free(&x);
    x = run("zh", "2024-06-10", "老街与云南边贸前五个月达12.5亿美元\n\n正文。");
    assert_fig(fig(&x, 12.5e8), "trade_turnover", "USD", "exact", "2024-01/2024-05");
    bc_extraction_free(&x);
}

static void decimal_conventions(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double want;
    } cases[] = {
        {"en", "Trade reached 18,000 USD.", 18000},
        {"en", "Trade reached USD 4.42 billion.", 4.42e9},
        {"en", "Trade reached USD 1,234,567.", 1234567},
        {"pl", "Obroty osiągnęły 4,420 mld USD.", 4.42e9},
        {"pl", "Obroty osiągnęły 18.000 USD.", 18000},
        {"sv", "Omsättningen var 7,2 miljarder USD.", 7.2e9},
        {"nl", "De omzet bedroeg 7,2 miljard dollar.", 7.2e9},
        {"vi", "Kim ngạch đạt 7.2 triệu USD.", 7.2e6},
        {"vi", "Kim ngạch đạt 1.234 tỷ USD.", 1.234e12},
        {"fr", "Les échanges ont atteint 49 500 dollars.", 49500},
        {"zh", "贸易额达1,234万美元。", 1.234e7},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (!has_fig(&x, cases[i].want))
            fail_msg("%s: no %g", cases[i].text, cases[i].want);
        bc_extraction_free(&x);
    }
    /* a run of digits no report writes is no amount */
    bc_extraction x = run("en", NULL, "Trade reached 1234567890123456789 USD.");
    assert_int_equal(x.nfigures, 0);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(polish_money_with_scale_words),
        cmocka_unit_test(every_currency_and_scale),
        cmocka_unit_test(every_amount_of_a_sentence_has_its_measure),
        cmocka_unit_test(goals_are_not_outcomes),
        cmocka_unit_test(goods_and_their_flow),
        cmocka_unit_test(a_headline_goal_is_the_body_goal),
        cmocka_unit_test(abbreviated_scales),
        cmocka_unit_test(restatements_in_another_currency),
        cmocka_unit_test(qualifiers_and_changes),
        cmocka_unit_test(polish_counts_and_qualifiers),
        cmocka_unit_test(swedish_counts_and_directions),
        cmocka_unit_test(decimal_conventions),
        cmocka_unit_test(rates_are_not_amounts),
        cmocka_unit_test(changes_are_not_levels),
        cmocka_unit_test(measures_are_not_borrowed),
        cmocka_unit_test(periods_are_carried_only_by_continuations),
        cmocka_unit_test(areas_and_border_trade),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
