/* test_extract_fig.c: amounts of money (extract_fig.c): scale words in both decimal
 * conventions and Chinese scales, the four currencies, what each amount measures (a
 * turnover, then its imports and exports), goals, restatements in another currency,
 * qualifiers, periods and growth (counts: test_extract_fig_count.c). */
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
    /* (between Yunnan and "prowincjami wietnamskimi", a group named only by its country, the
     * parties are unknown: a_side_named_only_as_a_group) */
    const char *t = "Obroty importowo-eksportowe między prowincją Lao Cai a Junnanem w "
                    "2024 roku osiągnęły 7,2 mld USD; wiele działań promujących handel.";
    bc_extraction x = run("pl", "2025-10", t);
    assert_int_equal(x.nfigures, 1);
    const bc_xfigure *f = fig(&x, 7.2e9);
    assert_true(f->money);
    assert_fig(f, "trade_turnover", "USD", "exact", "2024");
    assert_true(has_party(f, "yunnan")); /* "Junnanem": the inflected one-word alias */
    assert_true(has_party(f, "lao-cai"));
    assert_quote(t, f->cite.q[0].start, f->cite.q[0].end,
                 "Obroty importowo-eksportowe między prowincją Lao Cai a Junnanem w "
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

/* Scale abbreviations as trade journals glue them to the number ("VND6.8trn", "$38.6m"),
 * in every spaced language that writes them; a number glued to letters that are no scale
 * is no amount (its value is not known), never the bare number. */
static void compact_scale_suffixes(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *unit;
        double value;
    } cases[] = {
        {"en", "The zone has drawn registered capital of over VND6.8trn so far.", "VND", 6.8e12},
        {"en", "The zone has drawn registered capital of VND2.5tn so far.", "VND", 2.5e12},
        {"en", "The zone has drawn registered capital of 3.1 trln dong so far.", "VND", 3.1e12},
        {"en", "Trade through the gate reached $38.6m in ten months.", "USD", 38.6e6},
        {"en", "Exports through the gate reached US$1.2bn last year.", "USD", 1.2e9},
        {"en", "Revenue collected at the gate amounted to VND48bn.", "VND", 48e9},
        {"en", "The Chinese side has invested ¥3.5bn in the road.", "CNY", 3.5e9},
        {"en", "Cross-border e-commerce sales reached $850k in 2023.", "USD", 850e3},
        {"fr", "Les investissements ont atteint 1,2 Mrd USD en 2024.", "USD", 1.2e9},
        {"nl", "De export bereikte vorig jaar US$1,4bn.", "USD", 1.4e9},
        {"sv", "Investeringarna uppgick till 6,8md dollar.", "USD", 6.8e9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (!has_fig(&x, cases[i].value))
            fail_msg("%s: no %g %s (%zu figures)", cases[i].text, cases[i].value, cases[i].unit,
                     x.nfigures);
        assert_string_equal(fig(&x, cases[i].value)->unit, cases[i].unit);
        bc_extraction_free(&x);
    }
    /* an unknown suffix glued to the number: no amount; with a scale word it is one */
    bc_extraction x = run("en", NULL, "The zone has drawn registered capital of VND12.5qx so far.");
    assert_false(has_fig(&x, 12.5));
    assert_int_equal(x.nfigures, 0);
    bc_extraction_free(&x);
    x = run("en", NULL, "The zone has drawn registered capital of VND12.5 billion so far.");
    assert_true(has_fig(&x, 12.5e9));
    bc_extraction_free(&x);
    /* a count in thousands: "38.6k trucks" is 38,600, not 38.6; a "k" that does not follow
     * a number scales nothing */
    x = run("en", "2026-01-10", "In 2025, 38.6k trucks crossed the Kim Thanh border gate.");
    assert_true(has_fig(&x, 38600));
    assert_false(has_fig(&x, 38.6));
    bc_extraction_free(&x);
    x = run("en", "2026-01-10", "In 2025, 850 trucks used lane K at the Kim Thanh border gate.");
    assert_true(has_fig(&x, 850));
    assert_false(has_fig(&x, 850e3));
    bc_extraction_free(&x);
}

/* Spaced scale abbreviations ("$3.5 bil", "USD 1,2 tr"): the common ones are read; a word
 * after the amount that only looks like an abbreviated scale ("thsd" in English,
 * "blns", "mjd") leaves the amount's value unknown: no amount, counted with those not
 * stored, never the bare number. A plain word after a bare amount keeps it. */
static void spaced_scale_abbreviations(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
    } read[] = {
        {"en", "Trade across the Kim Thanh gate came to $3.5 bil in 2025.", 3.5e9},
        {"en", "Trade across the Kim Thanh gate came to $1.2 mil in 2024.", 1.2e6},
        {"en", "Trade across the Kim Thanh gate came to VND4.1 tril in 2023.", 4.1e12},
        {"en", "Trade across the Kim Thanh gate came to VND4.1tril. in 2023.", 4.1e12},
        {"vi", "Năm 2024, xuất khẩu qua cửa khẩu Kim Thành đạt USD 1,2 tr.", 1.2e6},
        {"pl", "W 2025 roku eksport przez przejście osiągnął USD 3,5 mlrd.", 3.5e9},
        {"nl", "In 2024 bedroeg de export via de grensovergang EUR 1,2 mio.", 1.2e6},
        /* the Polish scale in English: another language's, read in every one */
        {"en", "Trade across the gate reached $9 mlrd in 2019.", 9e9},
    };
    for (size_t i = 0; i < sizeof read / sizeof read[0]; i++) {
        bc_extraction x = run(read[i].lang, NULL, read[i].text);
        if (!has_fig(&x, read[i].value))
            fail_msg("%s: no %g (%zu figures)", read[i].text, read[i].value, x.nfigures);
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text;
        double bare;
    } unread[] = {
        {"en", "Exports through the gate came to $7.4 blns in 2024.", 7.4},
        {"en", "Imports through the gate reached VND 2.3 thsd in 2023.", 2.3},
        {"en", "Trade across the gate reached $12 bill. in 2022.", 12},
        {"sv", "År 2024 uppgick exporten via gränsen till USD 1,2 mjd.", 1.2},
        {"nl", "In 2025 bedroeg de handel via de grens USD 3,5 mjd.", 3.5},
        {"pl", "W 2024 roku eksport przez przejście osiągnął USD 1,2 bil.", 1.2},
    };
    for (size_t i = 0; i < sizeof unread / sizeof unread[0]; i++) {
        bc_extraction x = run(unread[i].lang, NULL, unread[i].text);
        if (has_fig(&x, unread[i].bare) || x.unmeasured_counts != 1)
            fail_msg("%s: the bare number stored or not counted (%zu figures, %zu counted)",
                     unread[i].text, x.nfigures, x.unmeasured_counts);
        bc_extraction_free(&x);
    }
    /* a plain word after a bare amount: the amount is kept */
    bc_extraction x = run("en", NULL, "Exports through the gate hit $5 in 2021, a record.");
    assert_true(has_fig(&x, 5));
    assert_int_equal(x.unmeasured_counts, 0);
    bc_extraction_free(&x);
    x = run("nl", NULL, "In 2023 bedroeg de import USD 7 bij de grens.");
    assert_true(has_fig(&x, 7));
    bc_extraction_free(&x);
}

/* Any short word after an amount that neither its language nor the function words of the
 * languages read know ("$1.2 ZQ", pinyin "yi", "bi") may be a scale: the amount is refused and
 * counted, never stored as the bare number. Scale words of the other languages are read
 * where no language gives them another value ("VND 5,4 ngan ty" in English, "3,5 miljard"
 * in Vietnamese, "亿" in English, the "MM" of US finance). */
static void unknown_word_after_amount(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
    } read[] = {
        {"en", "Turnover at the Thanh Thuy gate climbed to $2.7 MM in 2024.", 2.7e6},
        {"en", "Turnover at the Thanh Thuy gate climbed to $6.3mm in 2023.", 6.3e6},
        {"en", "Cargo through the Thanh Thuy gate was worth VND 8,2 ngàn tỷ in 2022.", 8.2e12},
        {"en", "Cargo through the Thanh Thuy gate was worth VND 4,6 tỷ in 2021.", 4.6e9},
        {"en", "Cargo through the Thanh Thuy gate was worth CNY 7.5亿 in 2020.", 7.5e8},
        {"fr", "Les échanges au poste de Thanh Thuy ont atteint 2,7 MM USD en 2024.", 2.7e6},
        {"vi", "Năm 2024, kim ngạch qua cửa khẩu Thanh Thủy đạt 3,9 miljard USD.", 3.9e9},
        {"sv", "År 2024 nådde handeln vid Thanh Thuy 6,1 tỷ USD.", 6.1e9},
    };
    for (size_t i = 0; i < sizeof read / sizeof read[0]; i++) {
        bc_extraction x = run(read[i].lang, NULL, read[i].text);
        if (!has_fig(&x, read[i].value))
            fail_msg("%s: no %g (%zu figures)", read[i].text, read[i].value, x.nfigures);
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text;
        double bare;
    } unread[] = {
        {"en", "Turnover at the Thanh Thuy gate climbed to $6.8 bi in 2025.", 6.8},
        {"en", "Turnover at the Thanh Thuy gate climbed to CNY 2.4 yi in 2023.", 2.4},
        {"en", "Turnover at the Thanh Thuy gate climbed to $8.1 zq in 2022.", 8.1},
        {"fr", "Les échanges au poste de Thanh Thuy ont atteint USD 2,4 yi en 2023.", 2.4},
        {"pl", "W 2024 roku handel przez przejście osiągnął USD 5,2 qz.", 5.2},
        /* the currency after the unknown word */
        {"sv", "År 2024 nådde handeln vid Thanh Thuy 1,9 yi USD.", 1.9},
        {"fr", "Les échanges au poste de Thanh Thuy ont atteint 4,4 xq USD en 2023.", 4.4},
    };
    for (size_t i = 0; i < sizeof unread / sizeof unread[0]; i++) {
        bc_extraction x = run(unread[i].lang, NULL, unread[i].text);
        if (has_fig(&x, unread[i].bare) || x.unmeasured_counts != 1)
            fail_msg("%s: the bare number stored or not counted (%zu figures, %zu counted)",
                     unread[i].text, x.nfigures, x.unmeasured_counts);
        bc_extraction_free(&x);
    }
    /* a function word after a bare amount keeps it */
    static const struct {
        const char *lang, *text;
        double value;
    } kept[] = {
        {"en", "Duties at the Thanh Thuy gate were $4 per tonne in 2024.", 4},
        {"en", "Exports via the Thanh Thuy gate hit $9 each year from 2020.", 9},
        {"fr", "Le droit au poste de Thanh Thuy était de USD 4 par tonne en 2024.", 4},
    };
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
        bc_extraction x = run(kept[i].lang, NULL, kept[i].text);
        if (!has_fig(&x, kept[i].value) || x.unmeasured_counts != 0)
            fail_msg("%s: lost (%zu figures, %zu counted)", kept[i].text, x.nfigures,
                     x.unmeasured_counts);
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

/* A goal word must be a whole word or one of its inflections, never the start or the
 * middle of another word: "commit" is not in "committee", Swedish "mal" (goal) not in
 * "Malmo", Dutch "doel" not in "doeltreffend" (effective). */
static void a_goal_word_inside_another_word_is_no_goal(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *metric;
        double value;
    } achieved[] = {
        {"en",
         "Deputy Chairwoman of the provincial People's Committee Hoang Thi Lan said trade "
         "through the border gates reached 4.1 billion USD in the first eight months of 2025.",
         "trade_turnover", 4.1e9},
        {"en", "A committee member said exports reached 950 million USD in 2024.", "exports",
         950e6},
        {"sv", "En delegation från Malmö fick höra att gränshandeln nådde 1,3 miljarder USD 2024.",
         "trade_turnover", 1.3e9},
        {"nl",
         "Dankzij doeltreffende controles bereikte de grenshandel 1,8 miljard dollar in 2024.",
         "trade_turnover", 1.8e9},
    };
    for (size_t i = 0; i < sizeof achieved / sizeof achieved[0]; i++) {
        bc_extraction x = run(achieved[i].lang, NULL, achieved[i].text);
        const bc_xfigure *f = fig(&x, achieved[i].value);
        if (f->target || strcmp(f->metric, achieved[i].metric) != 0)
            fail_msg("%s: %s%s, want %s achieved", achieved[i].text, f->metric,
                     f->target ? " (a goal)" : "", achieved[i].metric);
        bc_extraction_free(&x);
    }
    /* and the exports and imports after such a turnover (in the body, after a headline)
     * take its period */
    bc_extraction y =
        run("en", "2025-09-20",
            "Border trade keeps growing\n\n"
            "Deputy Chairwoman of the provincial People's Committee Hoang Thi Lan "
            "said trade reached 4.1 billion USD in the first eight months of 2025. "
            "Exports amounted to 1.7 billion USD, while imports came to 2.4 billion USD.");
    assert_string_equal(fig(&y, 1.7e9)->period, "2025-01/2025-08");
    assert_string_equal(fig(&y, 2.4e9)->period, "2025-01/2025-08");
    assert_false(fig(&y, 2.4e9)->target);
    bc_extraction_free(&y);
    /* the goal words themselves, inflected, still are */
    static const struct {
        const char *lang, *text;
        double value;
    } goals[] = {
        {"en", "The two provinces committed to raising trade to 6 billion USD by 2027.", 6e9},
        {"en", "Hekou made a commitment of 25 million USD to the new logistics centre.", 25e6},
        {"sv", "Målet är att handeln ska nå 3 miljarder USD 2026.", 3e9},
        {"nl", "Het streefdoel is een grenshandel van 2 miljard dollar in 2026.", 2e9},
        {"nl", "De doelstelling voor de grenshandel is 2,5 miljard dollar in 2027.", 2.5e9},
    };
    for (size_t i = 0; i < sizeof goals / sizeof goals[0]; i++) {
        bc_extraction x = run(goals[i].lang, NULL, goals[i].text);
        if (!fig(&x, goals[i].value)->target)
            fail_msg("%s: not a goal", goals[i].text);
        bc_extraction_free(&x);
    }
}

/* A province named only as part of a person's title or office is no party of a figure
 * ("talks with Yunnan Vice Governor ...", "Pho Chu tich UBND tinh Ha Giang"); one named
 * on its own, or a body that acts ("the Lao Cai People's Committee said"), is. */
static void a_province_in_a_title_is_no_party(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *not_party, *party;
        double value;
    } cases[] = {
        {"en",
         "At the talks with Yunnan Vice Governor Li Ming, the director said trade through "
         "the province's gates reached 2.2 billion USD in 2024.",
         "yunnan", NULL, 2.2e9},
        {"en",
         "Chairman of the Lao Cai People's Committee Trinh Xuan Truong said trade with "
         "Yunnan reached 3 billion USD in 2024.",
         "lao-cai", "yunnan", 3e9},
        {"en", "Guangxi's Party Secretary said trade with Lang Son reached 9 billion USD in 2024.",
         "guangxi", "lang-son", 9e9},
        {"vi",
         "Phó Chủ tịch UBND tỉnh Hà Giang Nguyễn Văn Sơn cho biết, kim ngạch qua cửa khẩu "
         "đạt 500 triệu USD trong năm 2024.",
         "ha-giang", NULL, 5e8},
        {"zh", "广西壮族自治区副主席王明表示，2024年经口岸进出口贸易额达300亿元。", "guangxi", NULL,
         3e10},
        {"zh", "河江省人民委员会副主席黄明说，2024年双边贸易额达4500万美元。", "ha-giang", NULL,
         45e6},
        {"fr",
         "Selon le vice-président du Comité populaire provincial de Lang Son, Nguyen Van Binh, "
         "les échanges ont atteint 2 milliards de dollars en 2024.",
         "lang-son", NULL, 2e9},
        {"en",
         "The Lao Cai People's Committee said trade with Yunnan reached 3 billion USD in 2024.",
         NULL, "lao-cai", 3e9},
        {"en", "Trade between Lang Son and Guangxi reached 6 billion USD in 2024.", NULL, "guangxi",
         6e9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (cases[i].not_party != NULL && has_party(f, cases[i].not_party))
            fail_msg("%s: %s is a party", cases[i].text, cases[i].not_party);
        if (cases[i].party != NULL && !has_party(f, cases[i].party))
            fail_msg("%s: %s is not a party", cases[i].text, cases[i].party);
        bc_extraction_free(&x);
    }
}

/* A figure's parties are those of the clause that states it: not a province asked to do
 * something in a later clause, not the subject of another amount's clause, not a province
 * named after the one it became part of. */
static void parties_of_the_amounts_own_clause(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *not_party, *party;
        double value;
    } cases[] = {
        {"en",
         "The vice governor said Yunnan had spent 900 million yuan on the new lanes, and urged "
         "Lao Cai to open its side before June.",
         "lao-cai", "yunnan", 9e8},
        {"en",
         "Guangxi put 2 billion yuan into the port roads last year, while Cao Bang spent 300 "
         "billion VND on its warehouses.",
         "guangxi", "cao-bang", 3e11},
        {"fr",
         "Le Guangxi a consacré 700 millions de yuans aux routes, et a invité Lang Son à "
         "prolonger les horaires du poste-frontière.",
         "lang-son", "guangxi", 7e8},
        {"en",
         "For Tuyen Quang, which took in the former Ha Giang province, trade with Yunnan "
         "exceeded 410 million USD last year.",
         "ha-giang", "tuyen-quang", 4.1e8},
        /* the province before the amount in an earlier clause, no other amount: still its */
        {"en",
         "According to the Lang Son Department of Industry and Trade, exports rose to 1.1 "
         "billion USD.",
         NULL, "lang-son", 1.1e9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (cases[i].not_party != NULL && has_party(f, cases[i].not_party))
            fail_msg("%s: %s is a party", cases[i].text, cases[i].not_party);
        if (cases[i].party != NULL && !has_party(f, cases[i].party))
            fail_msg("%s: %s is not a party", cases[i].text, cases[i].party);
        bc_extraction_free(&x);
    }
}

/* The other flow of a pair, in its own clause naming one province of it, is the pair's
 * too: exports and imports of one sentence have the same parties in every language
 * (analyst 14, F12); not when the clause names a province of another pair. */
static void both_flows_of_a_pair(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "Last year Cao Bang's exports to Guangxi were worth $410m, while imports from "
               "Guangxi came to $530m."},
        {"zh", "去年，广西对高平出口41亿元，自高平进口53亿元。"},
        {"vi", "Năm ngoái, xuất khẩu của Cao Bằng sang Quảng Tây đạt 410 triệu USD, trong khi "
               "nhập khẩu từ Quảng Tây đạt 530 triệu USD."},
        {"fr", "L'an dernier, les exportations de Cao Bang vers le Guangxi ont atteint 410 "
               "millions de dollars, tandis que les importations en provenance du Guangxi ont "
               "atteint 530 millions de dollars."},
        {"pl", "W ubiegłym roku eksport Cao Bang do Kuangsi wyniósł 410 mln USD, natomiast "
               "import z Kuangsi wyniósł 530 mln USD."},
        {"sv", "Förra året uppgick Cao Bangs export till Guangxi till 410 miljoner USD, medan "
               "importen från Guangxi uppgick till 530 miljoner USD."},
        {"nl", "Vorig jaar bedroeg de export van Cao Bang naar Guangxi 410 miljoen dollar, terwijl "
               "de import uit Guangxi 530 miljoen dollar bedroeg."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2025-03-02", cases[i].text);
        double ex = strcmp(cases[i].lang, "zh") == 0 ? 4.1e9 : 4.1e8,
               im = strcmp(cases[i].lang, "zh") == 0 ? 5.3e9 : 5.3e8;
        const bc_xfigure *e = fig(&x, ex), *m = fig(&x, im);
        assert_non_null(e);
        assert_non_null(m);
        if (m->nparties != 2 || !has_party(m, "cao-bang") || !has_party(m, "guangxi") ||
            e->nparties != 2)
            fail_msg("%s: exports %d parties, imports %d", cases[i].lang, e->nparties, m->nparties);
        bc_extraction_free(&x);
    }
    /* another pair's province in the clause: not completed from the pair before */
    bc_extraction x = run("en", "2025-03-02",
                          "Last year Cao Bang's exports to Guangxi were worth $410m, while its "
                          "imports from Yunnan came to $530m.");
    assert_false(has_party(fig(&x, 5.3e8), "guangxi"));
    assert_false(has_party(fig(&x, 5.3e8), "cao-bang"));
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
    assert_string_equal(usd->qualifier, "about"); /* "约合": about that much */
    assert_true(cny->has_change && usd->has_change && usd->change_pct == cny->change_pct);
    bc_extraction_free(&x);

    /* restated after the growth rate, with a qualifier: still the same amount */
    static const struct {
        const char *lang, *text;
        double value, restated;
    } later[] = {
        {"zh", "今年前三季度，河口口岸进出口额达52.4亿元人民币，同比增长8.1%，约合7.3亿美元。",
         5.24e9, 7.3e8},
        {"en",
         "Trade through Mong Cai reached 1.6 billion USD in 2024, up 11 percent, equivalent to "
         "about 40.5 trillion VND.",
         1.6e9, 40.5e12},
        {"fr",
         "Les échanges ont atteint 9,2 milliards de yuans en 2024, en hausse de 6 %, soit "
         "environ 1,3 milliard de dollars.",
         9.2e9, 1.3e9},
        {"vi",
         "Kim ngạch qua cửa khẩu đạt 1,1 tỷ USD trong năm 2024, tăng 7%, tương đương khoảng "
         "27,9 nghìn tỷ đồng.",
         1.1e9, 27.9e12},
    };
    for (size_t i = 0; i < sizeof later / sizeof later[0]; i++) {
        x = run(later[i].lang, NULL, later[i].text);
        if (fig(&x, later[i].value)->conversion || !fig(&x, later[i].restated)->conversion)
            fail_msg("%s: the restatement is not one", later[i].text);
        assert_string_equal(fig(&x, later[i].restated)->metric, "trade_turnover");
        bc_extraction_free(&x);
    }
    /* "约合" says about that much; "折合" converts exactly */
    x = run("zh", NULL, "标题\n\n2024年，口岸进出口额达72亿元人民币（约合10亿美元）。");
    assert_string_equal(fig(&x, 1e9)->qualifier, "about");
    assert_true(fig(&x, 1e9)->conversion);
    bc_extraction_free(&x);
    x = run("zh", NULL, "标题\n\n2024年，口岸进出口额达72亿元人民币，折合10亿美元。");
    assert_string_equal(fig(&x, 1e9)->qualifier, "exact");
    bc_extraction_free(&x);
    /* the currency written before the number stands between ("约合人民币70亿元"); negative:
     * "折合人民币" converts exactly */
    x = run("zh", NULL, "标题\n\n2024年，口岸进出口额达10亿美元，约合人民币70亿元。");
    assert_string_equal(fig(&x, 7e9)->qualifier, "about");
    bc_extraction_free(&x);
    x = run("zh", NULL, "标题\n\n2024年，口岸进出口额达10亿美元，折合人民币70亿元。");
    assert_string_equal(fig(&x, 7e9)->qualifier, "exact");
    bc_extraction_free(&x);
    /* a second amount in another currency that is no restatement stays a figure */
    x = run("en", NULL,
            "Exports reached 1.6 billion USD in 2024, up 11 percent, while imports reached "
            "30 trillion VND.");
    assert_false(fig(&x, 30e12)->conversion);
    bc_extraction_free(&x);

    x = run("pl", NULL, "Wpływy do budżetu wyniosły w 2024 r. 7 200 mld VND (ok. 283 mln USD).");
    usd = fig(&x, 283e6);
    assert_true(usd->conversion);
    assert_string_equal(usd->qualifier, "about");
    assert_string_equal(usd->metric, "budget_revenue");
    bc_extraction_free(&x);
}

/* The period of an amount is a date of its own clause: not the next amount's year, not
 * the day a project opened or is due next to its cost (nor a meeting's day then), not
 * the year spending started; a span of years before a plan is its period. */
static void a_period_is_the_amounts_own(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2024-03-01",
                          "Trade with Guangxi stood at 2.1 billion USD, and the province targets "
                          "2.5 billion USD in 2025.");
    assert_string_equal(fig(&x, 2.1e9)->period, "");
    assert_string_equal(fig(&x, 2.5e9)->period, "2025");
    bc_extraction_free(&x);
    /* a restatement in brackets is the same amount: the year after it is the amount's */
    x = run("en", NULL, "Exports hit 70 billion yuan (about 9.8 billion USD) in 2023.");
    assert_string_equal(fig(&x, 70e9)->period, "2023");
    bc_extraction_free(&x);

    static const struct {
        const char *lang, *text;
        double value;
    } project[] = {
        {"zh", "该口岸联检楼于2019年建成，总投资3.1亿元。", 3.1e8},
        {"zh", "项目总投资约1.6亿元，预计明年9月底前完工。", 1.6e8},
        {"en", "The county has spent 75 million USD on the access road since 2022.", 75e6},
        {"en",
         "Hekou will invest 600 million yuan in a cold store, due to open by the end of 2027.",
         6e8},
        {"sv", "Bron, med en total investering på omkring 90 miljoner USD, ska vara klar 2026.",
         9e7},
        {"pl", "Koszt magazynu szacuje się na 40 mln USD, a otwarcie zaplanowano na 2027 r.", 4e7},
    };
    for (size_t i = 0; i < sizeof project / sizeof project[0]; i++) {
        x = run(project[i].lang, "2025-05-10", project[i].text);
        if (fig(&x, project[i].value)->period[0] != '\0')
            fail_msg("%s: period %s", project[i].text, fig(&x, project[i].value)->period);
        bc_extraction_free(&x);
    }
    x = run("fr", "2025-05-10",
            "Pour la période 2026-2030, la province prévoit d'investir 900 milliards de dôngs "
            "dans ses postes-frontières.");
    assert_string_equal(fig(&x, 900e9)->period, "2026/2030");
    bc_extraction_free(&x);
    x = run("vi", "2025-05-10", "Tỉnh bố trí 250 tỷ đồng trong năm 2026 để mở rộng bãi kiểm hóa.");
    assert_string_equal(fig(&x, 250e9)->period, "2026");
    bc_extraction_free(&x);
    /* so many months of a year written with them; exports two sentences after the
     * turnover when the one between names no amount; a comparison's year is no period */
    x = run("pl", "2024-12-20",
            "Handel Lang Son\n\nW ciągu dziesięciu miesięcy 2024 r. obroty wyniosły 540 mln "
            "USD. Oznacza to "
            "wzrost o 8 proc. Eksport osiągnął 200 mln USD.");
    assert_string_equal(fig(&x, 540e6)->period, "2024-01/2024-10");
    assert_string_equal(fig(&x, 200e6)->period, "2024-01/2024-10");
    bc_extraction_free(&x);
    x = run("nl", "2024-07-15",
            "Handel Lao Cai\n\nDe handel bereikte in de eerste zes maanden 1,2 miljard "
            "dollar. De import kwam "
            "uit op 400 miljoen dollar, 12 procent meer dan in dezelfde periode vorig jaar.");
    assert_string_equal(fig(&x, 4e8)->period, "2024-01/2024-06");
    bc_extraction_free(&x);
    /* the talks of the sentence are not dated by the project's opening */
    x = run("zh", "2024-09-10",
            "会谈中，东兴方面提出，将投资约2.6亿元建设互市贸易区，计划于明年5月投入使用。");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2025-05");
    bc_extraction_free(&x);
}

/* Money set aside, promised or estimated for what is to be built is a plan, in every
 * language's way of saying so (the Dutch verb comes last); customs duties ("z cel") are
 * no goal. */
static void plans_and_pledges_are_targets(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        int target;
    } cases[] = {
        {"en", "Pingxiang has earmarked 90 million yuan for a cold store at the gate.", 9e7, 1},
        {"en", "Hekou said it would spend 40 million yuan on new scanners.", 4e7, 1},
        {"fr", "La ville envisage d'investir 70 millions de yuans dans un entrepôt.", 7e7, 1},
        {"fr", "Le Yunnan consacrerait 2 milliards de yuans aux routes frontalières.", 2e9, 1},
        {"pl", "Chongzuo zainwestuje 300 mln juanów w nowy terminal.", 3e8, 1},
        {"pl", "Prowincja chce do 2030 r. zwiększyć obroty handlowe do 3 mld USD.", 3e9, 1},
        {"pl", "Wpływy do budżetu z ceł wyniosły 500 mld VND.", 5e11, 0},
        {"nl", "Voor het terminal wordt een investering van 700 miljard dong voorzien.", 7e11, 1},
        {"nl", "Guangxi maakte bekend dat het 500 miljoen yuan uittrekt voor een terminal.", 5e8,
         1},
        {"sv", "Terminalen beräknas kosta 60 miljoner USD.", 6e7, 1},
        {"sv", "Bron kostade 45 miljoner USD.", 4.5e7, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[320];
        snprintf(text, sizeof text, "Headline\n\n%s", cases[i].text);
        bc_extraction x = run(cases[i].lang, "2025-05-10", text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (f->target != cases[i].target)
            fail_msg("%s: target %d", cases[i].text, f->target);
        bc_extraction_free(&x);
    }
}

/* What an outside analyst's articles showed (FINDINGS-analyst4.md, P1, P9): a goal after
 * a turnover and its parts is the whole's; "nous visons" is a goal; money committed or
 * set aside is an investment; a restatement does not take the period from its amount. */
static void goals_commitments_and_restatements(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2026-12-04",
                          "Headline\n\nTrade reached 4.1 billion USD in the first ten months "
                          "of 2026. Exports accounted for 1.5 billion USD of that amount and "
                          "imports for 2.6 billion USD.\n\n\"Our goal for the whole year is 5 "
                          "billion USD,\" he said.");
    assert_string_equal(fig(&x, 5e9)->metric, "trade_turnover");
    assert_true(fig(&x, 5e9)->target);
    bc_extraction_free(&x);
    x = run("fr", "2026-11-28",
            "Titre\n\n« Nous visons 2 milliards de dollars d'échanges pour l'année 2026 », a-t-il "
            "dit. La province a engagé 900 milliards de dôngs dans le pont.");
    assert_true(fig(&x, 2e9)->target);
    assert_string_equal(fig(&x, 900e9)->metric, "investment");
    bc_extraction_free(&x);
    x = run("vi", "2026-11-25", "Tiêu đề\n\nTỉnh đã dành 900 tỷ đồng cho dự án đường cao tốc.");
    assert_string_equal(fig(&x, 900e9)->metric, "investment");
    bc_extraction_free(&x);
    x = run("en", "2026-12-04",
            "Headline\n\nTrade totalled 120 billion yuan, or about 16.8 billion USD, in the "
            "January–October period.");
    assert_string_equal(fig(&x, 120e9)->period, "2026-01/2026-10");
    assert_string_equal(fig(&x, 16.8e9)->period, "2026-01/2026-10");
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

/* What Dutch amounts measure: a measure named in the sentence before with no amount
 * ("De handel ... is bescheiden. Vorig jaar ging het om ..."), and the next sentence
 * going on about it; parts after "waarvan" are not what a goal after them goes on about;
 * an amount restated in brackets keeps the word after the brackets; import duties are
 * revenue; "investeren", "kosten", "uittrekt" are investment. */
static void dutch_measures_carried_and_named(void **state)
{
    (void)state;
    bc_extraction x = run("nl", NULL,
                          "Titel\n\nDe grenshandel tussen Cao Bang en Baise blijft klein. In "
                          "2024 ging het om bijna 8,2 miljoen dollar. Dit jaar staat de teller "
                          "op 3,1 miljoen dollar.");
    assert_string_equal(fig(&x, 8.2e6)->metric, "trade_turnover");
    assert_true(fig(&x, 8.2e6)->metric_inferred);
    assert_string_equal(fig(&x, 3.1e6)->metric, "trade_turnover");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nDe handel van Ha Giang met China bedroeg vorig jaar 2,2 miljard dollar, "
            "waarvan 0,9 miljard dollar export en 1,3 miljard dollar import. Voor dit jaar mikt "
            "de provincie op 2,6 miljard dollar.");
    assert_string_equal(fig(&x, 1.3e9)->metric, "imports");
    assert_string_equal(fig(&x, 2.6e9)->metric, "trade_turnover");
    assert_true(fig(&x, 2.6e9)->target);
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nEen bedrijf uit Wenshan wil 30 miljoen yuan (circa 4,1 miljoen dollar) "
            "investeren in een rijstmolen. De douane van Cao Bang inde 210 miljard dong aan "
            "invoerrechten. Baise trekt er 90 miljoen yuan voor uit; de kosten van de weg "
            "worden geraamd op 400 miljard dong.");
    assert_string_equal(fig(&x, 3e7)->metric, "investment");
    assert_true(fig(&x, 3e7)->target);
    assert_string_equal(fig(&x, 4.1e6)->metric, "investment");
    assert_string_equal(fig(&x, 2.1e11)->metric, "budget_revenue");
    assert_string_equal(fig(&x, 4e11)->metric, "investment");
    bc_extraction_free(&x);
}

/* What Polish, Swedish and Vietnamese amounts measure: invested and capital ("zainwestuje",
 * "o lacznym kapitale"), what visitors spent ("wydali"), a project's cost ("kostade",
 * "beraknas kosta", "byggdes for"), trade ("thuong mai ... dat"); a freight road
 * ("drogi towarowej") is no trade in goods. */
static void costs_capital_spending_and_trade(void **state)
{
    (void)state;
    bc_extraction x =
        run("pl", "2025-03-20",
            "Tytuł\n\nMiasto Pingxiang zainwestuje w tym roku ok. 1,5 mld juanów w "
            "parking dla ciężarówek. Firmy z Junnanu prowadzą w prowincji 12 projektów "
            "o łącznym kapitale 300 mln USD. Goście z Chin wydali tam około 900 mld "
            "VND. Koszt budowy drogi towarowej przy przejściu szacuje się na 80 mld "
            "dongów.");
    assert_string_equal(fig(&x, 1.5e9)->metric, "investment");
    assert_string_equal(fig(&x, 300e6)->metric, "investment");
    assert_string_equal(fig(&x, 900e9)->metric, "other");
    assert_string_equal(fig(&x, 80e9)->metric, "investment");
    bc_extraction_free(&x);
    x = run("pl", "2025-03-20",
            "Tytuł\n\nProwincja wyłożyła 310 mln USD na drogi. Urząd celny pobrał 2 100 mld VND. "
            "Pożyczka w wysokości 55 mln USD została udzielona. Wartość handlu przygranicznego "
            "wyniosła 3,4 mld USD.");
    assert_string_equal(fig(&x, 310e6)->metric, "investment");
    assert_string_equal(fig(&x, 2100e9)->metric, "budget_revenue");
    assert_string_equal(fig(&x, 55e6)->metric, "other");
    assert_string_equal(fig(&x, 3.4e9)->metric, "trade_turnover");
    bc_extraction_free(&x);
    x = run("sv", "2025-03-20",
            "Rubrik\n\nDen nya terminalen kostade 600 miljoner yuan. Hamnen beräknas kosta 40 "
            "miljoner euro. Bron byggdes för omkring 150 miljoner yuan.");
    assert_string_equal(fig(&x, 600e6)->metric, "investment");
    assert_string_equal(fig(&x, 40e6)->metric, "investment");
    assert_string_equal(fig(&x, 150e6)->metric, "investment");
    bc_extraction_free(&x);
    x = run("vi", "2025-03-20",
            "Tiêu đề\n\nNăm 2024, thương mại giữa tỉnh và Quảng Tây đạt khoảng 3,1 tỷ USD.");
    assert_string_equal(fig(&x, 3.1e9)->metric, "trade_turnover");
    bc_extraction_free(&x);
    x = run("vi", "2025-03-20",
            "Tiêu đề\n\nGiai đoạn 2 của bến xe dự kiến cần thêm khoảng 250 tỷ đồng.");
    assert_string_equal(fig(&x, 250e9)->metric, "investment");
    bc_extraction_free(&x);
    x = run("vi", "2025-03-20",
            "Tiêu đề\n\nTỉnh sẽ rót 510 tỷ đồng vào hạ tầng. Hải quan thu 2.100 tỷ đồng. Khoản vay "
            "55 triệu USD được ký. Vốn FDI của Trung Quốc đạt 520 triệu USD.");
    assert_string_equal(fig(&x, 510e9)->metric, "investment");
    assert_true(fig(&x, 510e9)->target);
    assert_string_equal(fig(&x, 2100e9)->metric, "budget_revenue");
    assert_string_equal(fig(&x, 55e6)->metric, "other");
    assert_string_equal(fig(&x, 520e6)->metric, "investment");
    bc_extraction_free(&x);
    /* "cung thoi gian": the period stated before; "raknar ... med": a goal */
    x = run("vi", "2025-11-20",
            "Tiêu đề\n\nTrong 10 tháng năm 2025, kim ngạch đạt 4,1 tỷ USD. Thu ngân sách cùng "
            "thời gian đạt 5.300 tỷ đồng.");
    assert_string_equal(fig(&x, 5300e9)->period, "2025-01/2025-10");
    bc_extraction_free(&x);
    /* what it cost is a flow's value after the flow ("Importen av maskiner kostade"), else an
     * investment; staked, collected, spent, the exchange of goods */
    x = run(
        "sv", "2025-03-20",
        "Rubrik\n\nImporten av maskiner kostade 210 miljoner dollar. Staden satsar 520 miljoner "
        "yuan på en terminal. Tullverket tog in 2 300 miljarder dong. Turisterna spenderade 55 "
        "miljoner dollar. Varuutbytet nådde 4,4 miljarder dollar.");
    assert_string_equal(fig(&x, 210e6)->metric, "imports");
    assert_string_equal(fig(&x, 520e6)->metric, "investment");
    assert_string_equal(fig(&x, 2300e9)->metric, "budget_revenue");
    assert_string_equal(fig(&x, 55e6)->metric, "other");
    assert_string_equal(fig(&x, 4.4e9)->metric, "trade_turnover");
    bc_extraction_free(&x);
    x = run("sv", "2025-03-20",
            "Rubrik\n\nI år räknar staden med en handel på 2 miljarder dollar.");
    assert_true(fig(&x, 2e9)->target);
    bc_extraction_free(&x);
}

/* "en halv miljard dollar" is 0.5 billion, "un milliard de dollars" one; an amount without a
 * currency between an amount of money and "and" is in its currency ("varav export for 0,9 miljarder
 * och import for 1,3 miljarder dollar"); a half before no scale is no amount. */
static void halves_and_shared_currencies(void **state)
{
    (void)state;
    bc_extraction x = run("sv", "2025-03-20",
                          "Rubrik\n\nI år räknar staden med en omsättning på omkring en halv "
                          "miljard dollar. Handeln uppgick till 2,2 miljarder dollar, varav export "
                          "för 0,9 miljarder och import för 1,3 miljarder dollar. En halv dag "
                          "senare kom 40 lastbilar.");
    const bc_xfigure *f = fig(&x, 0.5e9);
    assert_string_equal(f->unit, "USD");
    assert_string_equal(f->qualifier, "about");
    assert_string_equal(fig(&x, 0.9e9)->unit, "USD");
    assert_string_equal(fig(&x, 0.9e9)->metric, "exports");
    assert_string_equal(fig(&x, 1.3e9)->metric, "imports");
    for (size_t i = 0; i < x.nfigures; i++)
        assert_true(x.figures[i].value != 0.5);
    bc_extraction_free(&x);
    x = run("pl", "2025-03-20", "Tytuł\n\nInwestycja pochłonie pół miliarda juanów.");
    assert_string_equal(fig(&x, 0.5e9)->unit, "CNY");
    bc_extraction_free(&x);
    /* one written as a word before a scale: "un milliard de dollars", "một tỷ USD"; one
     * before a scale of no currency is no amount of money */
    x = run("fr", "2025-03-20",
            "Titre\n\nLa ville vise un milliard de dollars d'échanges cette année. Un million "
            "de visiteurs sont attendus.");
    assert_string_equal(fig(&x, 1e9)->unit, "USD");
    assert_false(has_fig(&x, 1e6) && strcmp(fig(&x, 1e6)->unit, "USD") == 0);
    bc_extraction_free(&x);
    x = run("vi", "2025-03-20", "Tiêu đề\n\nTỉnh phấn đấu đạt kim ngạch một tỷ USD.");
    assert_string_equal(fig(&x, 1e9)->unit, "USD");
    bc_extraction_free(&x);
}

/* After an exchange rate ("Przy kursie 3 480 VND za juana"), the amount its sentence goes
 * on to give is an amount, not a second rate; "za okres" (for the period) makes no price;
 * a commitment to invest is a plan. */
static void a_rate_then_an_amount(void **state)
{
    (void)state;
    bc_extraction x =
        run("pl", "2025-03-20",
            "Tytuł\n\nMiasto zobowiązało się zainwestować 50 mln juanów w parking. Przy "
            "kursie 3 500 VND za juana odpowiada to około 175 mld VND. Lao Cai zgłosiło "
            "obroty w wysokości 600 mln USD za okres styczeń–wrzesień 2024 r.");
    assert_true(fig(&x, 50e6)->target);
    assert_true(fig(&x, 3500)->rate);
    assert_false(fig(&x, 175e9)->rate);
    assert_false(fig(&x, 600e6)->rate);
    assert_string_equal(fig(&x, 600e6)->metric, "trade_turnover");
    bc_extraction_free(&x);
}

/* An amount written in two scales ("2 ty 300 trieu USD", "3 mld 200 mln USD") is one amount,
 * never its smaller part alone; two amounts in two clauses stay two. */
static void amounts_in_two_scales(void **state)
{
    (void)state;
    bc_extraction x =
        run("vi", "2025-03-20", "Tiêu đề\n\nKim ngạch xuất nhập khẩu đạt gần 2 tỷ 300 triệu USD.");
    assert_string_equal(fig(&x, 2.3e9)->qualifier, "nearly");
    assert_false(has_fig(&x, 300e6));
    bc_extraction_free(&x);
    x = run("pl", "2025-03-20", "Tytuł\n\nObroty wyniosły 3 mld 200 mln USD.");
    assert_string_equal(fig(&x, 3.2e9)->unit, "USD");
    assert_false(has_fig(&x, 200e6));
    bc_extraction_free(&x);
    x = run("vi", "2025-03-20", "Tiêu đề\n\nNăm 2024 đạt 2 tỷ USD; 300 triệu USD là nhập khẩu.");
    assert_true(has_fig(&x, 2e9));
    assert_true(has_fig(&x, 300e6));
    bc_extraction_free(&x);
}

/* The period of an amount: a date opening a later clause with an amount of its own is
 * that amount's, the one before in the amount's own clause is its; a time the amount's
 * own words name ("今年前5个月", "the first two months of the year") that cannot be read
 * without a reference date leaves it without one, never an earlier sentence's year. */
static void a_period_of_its_own(void **state)
{
    (void)state;
    bc_extraction x =
        run("zh", "2025-06-10", "2024年口岸进出口总额约为12.5亿美元，今年力争达到15亿美元。");
    assert_string_equal(fig(&x, 12.5e8)->period, "2024");
    assert_string_equal(fig(&x, 15e8)->period, "2025");
    bc_extraction_free(&x);
    x = run("zh", NULL,
            "2024年口岸进出口总额约为12.5亿美元，今年力争达到15亿美元。今年前5个月达6.1亿美元。");
    assert_string_equal(fig(&x, 12.5e8)->period, "2024");
    assert_string_equal(fig(&x, 15e8)->period, "");
    assert_string_equal(fig(&x, 6.1e8)->period, "");
    bc_extraction_free(&x);
    x = run("en", NULL,
            "Trade reached 900 million USD in 2024. In the first two months of the year, it "
            "reached 140 million USD.");
    assert_string_equal(fig(&x, 900e6)->period, "2024");
    assert_string_equal(fig(&x, 140e6)->period, "");
    bc_extraction_free(&x);
    x = run("fr", NULL,
            "Les échanges ont atteint 900 millions de dollars en 2024. Au cours des deux "
            "premiers mois de l'année, ils se sont établis à 140 millions de dollars.");
    assert_string_equal(fig(&x, 140e6)->period, "");
    bc_extraction_free(&x);
    /* with the reference date, the months are read */
    x = run("en", "2025-03-20",
            "Trade reached 900 million USD in 2024. In the first two months of the year, it "
            "reached 140 million USD.");
    assert_string_equal(fig(&x, 140e6)->period, "2025-01/2025-02");
    bc_extraction_free(&x);
    /* the parts of an amount whose time could not be read have none either */
    x = run("zh", NULL,
            "2024年口岸进出口总额达30亿元。今年一季度，口岸进出口总值8亿元，其中出口5亿元，进口3亿"
            "元。");
    assert_string_equal(fig(&x, 30e8)->period, "2024");
    assert_string_equal(fig(&x, 5e8)->period, "");
    assert_string_equal(fig(&x, 3e8)->period, "");
    bc_extraction_free(&x);
    /* "samtidigt": the period of the amount stated before */
    x = run("sv", NULL,
            "Rubrik\n\nHandeln uppgick till 300 miljoner dollar under 2023. Tullintäkterna uppgick "
            "samtidigt till 90 miljarder dong.");
    assert_string_equal(fig(&x, 90e9)->period, "2023");
    bc_extraction_free(&x);
    x = run("nl", "2024-09-05", "De grenshandel bereikte tot eind augustus 2,5 miljard dollar.");
    assert_string_equal(fig(&x, 2.5e9)->period, "2024-01/2024-08");
    bc_extraction_free(&x);
}

/* The budget revenue of the trade told in the sentence before takes its period ("... nam
 * 2023 ... dat 5 ty USD. Thu ngan sach ... dat 7.000 ty dong.", "Budget revenue from that
 * trade reached ..."); a Vietnamese word that only folds to "thang" ("Ma Lu Thàng", a
 * gate) is no month: the amount next to it keeps the period of the same period before. */
static void revenue_after_trade_and_names_that_fold_to_month(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        const char *period;
    } cases[] = {
        {"vi",
         "Tiêu đề\n\nNăm 2023, kim ngạch xuất nhập khẩu qua các cửa khẩu của tỉnh đạt 5 tỷ USD. "
         "Thu ngân sách nhà nước từ hoạt động xuất nhập khẩu đạt 7.000 tỷ đồng.",
         7e12, "2023"},
        {"en",
         "Title\n\nIn 2024, trade through the border gates of the province reached 4 billion "
         "USD. Budget revenue from import and export activities reached 7,050 billion VND.",
         7.05e12, "2024"},
        {"vi",
         "Tiêu đề\n\nNăm 2024, kim ngạch xuất nhập khẩu qua các cửa khẩu tỉnh Lào Cai đạt 2 tỷ "
         "USD. Kim ngạch qua cửa khẩu Ma Lù Thàng trong cùng kỳ đạt 96,3 triệu USD.",
         96.3e6, "2024"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, NULL, cases[k].text);
        assert_string_equal(fig(&x, cases[k].value)->period, cases[k].period);
        bc_extraction_free(&x);
    }
    /* "Ma Lu Thàng 6 thang": a gate and six months, not June */
    bc_extraction x = run("vi", "2024-07-10",
                          "Tiêu đề\n\nKim ngạch qua cửa khẩu Ma Lù Thàng 6 tháng đạt 58,6 triệu "
                          "USD.");
    assert_string_not_equal(fig(&x, 58.6e6)->period, "2024-06");
    bc_extraction_free(&x);
}

/* A change said in the next sentence that points back ("Dat is 29,2 procent meer dan een
 * jaar eerder"), for the amount and its restatement ("omgerekend"); a restatement in
 * another currency in a sentence of its own ("Omgerekend gaat het om", "Uitgedrukt in
 * Chinese munt ging het om") takes the measure, period and change of the amount the
 * sentence before ended with; a quoted change in a closed quotation is not the next
 * amount's. */
static void dutch_changes_and_restatements_after_the_amount(void **state)
{
    (void)state;
    bc_extraction x = run("nl", NULL,
                          "Titel\n\nDe handel bereikte in 2022 ruim 80 miljard yuan, omgerekend "
                          "ongeveer 11 miljard dollar. Dat is 12,5 procent meer dan een jaar "
                          "eerder.");
    assert_true(fig(&x, 80e9)->has_change && fig(&x, 11e9)->has_change);
    assert_true(fig(&x, 80e9)->change_pct > 12.49 && fig(&x, 80e9)->change_pct < 12.51);
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nDe export bereikte in 2023 1,2 miljard dollar, een plus van 7 procent. "
            "Uitgedrukt in Chinese munt ging het om circa 8,6 miljard yuan.");
    const bc_xfigure *f = fig(&x, 8.6e9);
    assert_string_equal(f->metric, "exports");
    assert_string_equal(f->period, "2023");
    assert_true(f->has_change && f->change_pct > 6.99 && f->change_pct < 7.01);
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\n\"Het aantal bussen groeit met 30 procent.\" In 2020 bedroeg de handel "
            "400 miljoen dollar.");
    assert_false(fig(&x, 400e6)->has_change);
    bc_extraction_free(&x);
}

/* Periods carried in Dutch: "dat jaar" is the year last stated with an amount (only when
 * that year is known); the parts of a turnover three sentences on, past a sentence of its
 * change and one of a goal (the year's goal: that year), share its period; revenue two sentences
 * on, past a sentence with no amount, is collected over the same period. */
static void dutch_periods_carried(void **state)
{
    (void)state;
    const char *t = "Titel\n\nVorig jaar bereikte de handel 9 miljard dollar. Elke dag rijden er "
                    "800 vrachtwagens. De inkomsten voor de schatkist kwamen dat jaar uit op 700 "
                    "miljard dong.";
    bc_extraction x = run("nl", "2025-03-01", t);
    assert_string_equal(fig(&x, 700e9)->period, "2024");
    bc_extraction_free(&x);
    x = run("nl", NULL, t);
    assert_string_equal(fig(&x, 700e9)->period, "");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nIn de eerste vijf maanden van 2023 bereikte de handel 2 miljard dollar. Dat "
            "is 10 procent meer dan een jaar eerder.\n\nDaarmee is 40 procent van het jaardoel "
            "van 5 miljard dollar gehaald. De export wordt geraamd op 1,2 miljard dollar.");
    assert_string_equal(fig(&x, 1.2e9)->period, "2023-01/2023-05");
    assert_string_equal(fig(&x, 5e9)->period, "2023"); /* the year's goal ("jaardoel") */
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nIn de eerste zeven maanden van 2023 bereikte de handel 2 miljard dollar. "
            "De douane verwerkte 40.000 aangiften. Aan heffingen werd 900 miljard dong geïnd.");
    assert_string_equal(fig(&x, 900e9)->period, "2023-01/2023-07");
    bc_extraction_free(&x);
}
/* English periods (round 10): the year a growth rate is measured against ("up 12 percent
 * over the same period of 2025") is no period of the amount; without a reference date
 * "this year" gives none, nor does "next year" after a goal; a part of the total before
 * ("alone") has its period. */
static void english_amounts_of_round_ten(void **state)
{
    (void)state;
    bc_extraction x = run("en", NULL,
                          "Title\n\nIn the first half of this year, exports through Ta Lung "
                          "reached 75 million USD, up 12 percent over the same period of 2025.");
    assert_string_equal(fig(&x, 75e6)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2026-07-10",
            "Title\n\nIn the first half of this year, exports through Ta Lung reached 75 million "
            "USD, up 12 percent over the same period of 2025.");
    assert_string_equal(fig(&x, 75e6)->period, "2026-01/2026-06");
    bc_extraction_free(&x);
    /* "next year" after a goal, not read without a reference date: not the months before */
    const char *t = "Title\n\nExports through Ta Lung reached 75 million USD in the first half "
                    "of 2026, and the province hopes to raise them to 150 million USD next year.";
    x = run("en", NULL, t);
    assert_string_equal(fig(&x, 75e6)->period, "2026-01/2026-06");
    assert_string_equal(fig(&x, 150e6)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2026-07-10", t);
    assert_string_equal(fig(&x, 150e6)->period, "2027");
    bc_extraction_free(&x);
    /* "from the same period last year": the base, not the period of what follows */
    x = run("en", "2026-02-06",
            "Title\n\nExports in January totalled 60 million USD, up 30% from the same period "
            "last year, while imports amounted to 40 million USD, an increase of 40%.");
    assert_string_equal(fig(&x, 40e6)->period, "2026-01");
    bc_extraction_free(&x);
    /* the measure two words after the amount ("for the state budget"), the period the
     * words of the same period carry */
    x = run("en", NULL,
            "Title\n\nTrade through Mong Cai reached 4 billion USD in the first ten months of "
            "2026. Customs collected 2,100 billion VND for the state budget during the period.");
    assert_string_equal(fig(&x, 2.1e12)->metric, "budget_revenue");
    assert_string_equal(fig(&x, 2.1e12)->period, "2026-01/2026-10");
    bc_extraction_free(&x);
    /* the first phase of a project, estimated at: a planned investment */
    x = run("en", NULL,
            "Title\n\nThe first phase of the new cargo yard at Lao Cai, estimated at 300 billion "
            "VND, would double its capacity.");
    assert_string_equal(fig(&x, 300e9)->metric, "investment");
    assert_true(fig(&x, 300e9)->target);
    bc_extraction_free(&x);
    /* "topped": over; a rate "to" a level is the level's change */
    x = run("en", NULL,
            "Title\n\nTrade through Lao Cai topped 2 billion USD in 2026. Farm exports reached "
            "900 million USD, up 10 percent, with durian exports jumping 45 percent to USD 300 "
            "million.");
    assert_string_equal(fig(&x, 2e9)->qualifier, "over");
    assert_true(fig(&x, 300e6)->has_change);
    assert_true(fig(&x, 300e6)->change_pct > 44.9 && fig(&x, 300e6)->change_pct < 45.1);
    assert_true(fig(&x, 900e6)->change_pct > 9.9 && fig(&x, 900e6)->change_pct < 10.1);
    bc_extraction_free(&x);
    /* registered to invest: a commitment */
    x = run("en", NULL,
            "Title\n\nA Yunnan company has registered to invest 500 billion VND in a tea "
            "processing plant in Lai Chau.");
    assert_true(fig(&x, 500e9)->target);
    bc_extraction_free(&x);
    /* a part of the total the sentence before gave ("alone"): its period */
    x = run("en", NULL,
            "Title\n\nTrade between Lao Cai and Yunnan reached 2 billion USD in 2025. Lao Cai's "
            "trade with Honghe alone stood at 1.2 billion USD.");
    assert_string_equal(fig(&x, 1.2e9)->period, "2025");
    bc_extraction_free(&x);
}

/* Dutch verbs of growth and decline in any tense and place: before the rate ("steeg met"),
 * after it ("met 39 procent dalen", "met 34,5 procent toenam", "nam met 12 procent toe"),
 * the level after "tot" taking the rate even after an earlier amount; "met" an amount after
 * such a verb is the change, not a level; none without a verb. */
static void dutch_verbs_of_growth(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double value, pct;
        int has;
    } cases[] = {
        {"De uitvoer steeg vorig jaar met 8 procent tot 2 miljard dollar.", 2e9, 8, 1},
        {"De handel daalde met 6 procent tot 4 miljard dollar.", 4e9, -6, 1},
        {"Hekou zag de handel met 15 procent dalen tot 900 miljoen dollar.", 900e6, -15, 1},
        {"De invoer nam met 7 procent toe tot 500 miljoen dollar.", 500e6, 7, 1},
        {"De uitvoer bedroeg 1 miljard dollar, een plus van 3 procent, terwijl de invoer met "
         "11 procent toenam tot 600 miljoen dollar.",
         600e6, 11, 1},
        {"De handel is tot 5 miljard dollar gestegen.", 5e9, 0, 0},
        {"Met 9 procent van de handel ging het om 5 miljard dollar.", 5e9, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run("nl", "2025-06-10", cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (f->has_change != cases[i].has ||
            (cases[i].has && fabs(f->change_pct - cases[i].pct) > 1e-9))
            fail_msg("%s: change %d %.2f", cases[i].text, f->has_change, f->change_pct);
        bc_extraction_free(&x);
    }
    bc_extraction x =
        run("nl", NULL, "De handel steeg met 300 miljoen dollar tot 3 miljard dollar.");
    assert_true(fig(&x, 300e6)->change_amount);
    assert_false(fig(&x, 3e9)->change_amount);
    bc_extraction_free(&x);
}

/* A goal's time: a year's goal ("het jaardoel", "the annual target") is the year last
 * stated with an amount; a single month in a clause before a goal is when the goal was set,
 * no period of it, while an amount reached keeps such a month. */
static void a_goals_year_and_the_month_it_was_set(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2023-07-20",
                          "Titel\n\nIn het eerste halfjaar van 2023 bedroeg de handel 3 miljard "
                          "dollar. "
                          "Daarmee is 40 procent van het jaardoel van 7 miljard dollar gehaald.");
    assert_string_equal(fig(&x, 7e9)->period, "2023");
    bc_extraction_free(&x);
    x = run("en", "2025-10-01",
            "When the ministers met in mid-August, they proposed raising trade to 5 billion USD.");
    assert_true(fig(&x, 5e9)->target);
    assert_string_equal(fig(&x, 5e9)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2025-10-01", "In August, exports through the gate reached 5 million USD.");
    assert_string_equal(fig(&x, 5e6)->period, "2025-08");
    bc_extraction_free(&x);
}

/* Hedges and bounds in other words: a verb of exceeding before a time and then the amount
 * ("a depasse l'an dernier", "przekroczyla w 2024 r."), "avoisinait", "rzedu"; a verb of
 * exceeding before anything else than a time says nothing of the amount. */
static void qualifiers_past_a_time_and_in_other_words(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        const char *qual;
    } cases[] = {
        {"fr", "Le commerce a dépassé l'an dernier 12 milliards de dollars.", 12e9, "over"},
        {"fr", "Le commerce avoisinait 3 milliards de dollars en 2023.", 3e9, "about"},
        {"pl", "Wymiana przekroczyła w 2023 r. 40 mld USD.", 40e9, "over"},
        {"pl", "Prowincja zanotowała obroty rzędu 2 mld USD.", 2e9, "about"},
        {"pl", "Wymiana przekroczyła oczekiwania i wyniosła 40 mld USD.", 40e9, "exact"},
        /* the bound is of another amount when a relative clause names this one */
        {"nl", "De douane inde 4 biljoen dong, minder dan de 5 biljoen dong die het doel was.",
         5e12, "exact"},
        {"nl", "De douane inde minder dan 5 biljoen dong.", 5e12, "under"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2024-03-01", cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (strcmp(f->qualifier, cases[i].qual) != 0)
            fail_msg("%s: qualifier %s", cases[i].text, f->qualifier);
        bc_extraction_free(&x);
    }
}

/* English growth in more words: verbs ("climbed", "slipped", "having grown"), the noun
 * after the rate ("a 12 percent increase", "a 3% drop"); a sign written on the rate in
 * brackets ("(+12 procent)"); an amount right after such a verb is the change, not a
 * level; a rate after another number or a word of another measure is not the amount's. */
static void growth_in_more_words(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value, pct;
    } cases[] = {
        {"en", "Exports climbed 9% to 3 billion USD.", 3e9, 9},
        {"en", "Imports slipped 4 percent to 2 billion USD.", 2e9, -4},
        {"en", "Trade hit 6 billion USD, a 15 percent increase on the year.", 6e9, 15},
        {"en", "Trade hit 6 billion USD, a 2% drop on the year.", 6e9, -2},
        {"en", "Trade hit 6 billion USD, having grown 8 percent.", 6e9, 8},
        {"nl", "De handel bereikte 6 miljard dollar (+15 procent).", 6e9, 15},
        {"nl", "De handel bereikte 6 miljard dollar (-2 procent).", 6e9, -2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2025-06-10", cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (!f->has_change || fabs(f->change_pct - cases[i].pct) > 1e-9)
            fail_msg("%s: change %d %.2f", cases[i].text, f->has_change, f->change_pct);
        bc_extraction_free(&x);
    }
    /* a rate after another number or another measure is not the amount's */
    bc_extraction x = run("en", NULL,
                          "Trade hit 5 billion USD, and 30,000 trucks crossed, up 20 "
                          "percent.");
    assert_false(fig(&x, 5e9)->has_change);
    bc_extraction_free(&x);
    x = run("zh", NULL, "今年将投资约12亿元建设通道，力争进出口额增长10%以上。");
    assert_false(fig(&x, 12e8)->has_change);
    bc_extraction_free(&x);
    x = run("en", NULL,
            "Trade hit 5 billion USD in the first 10 months of this year, up 9 percent.");
    assert_true(fig(&x, 5e9)->has_change && fabs(fig(&x, 5e9)->change_pct - 9) < 1e-9);
    bc_extraction_free(&x);
    x = run("en", NULL, "Exports climbed 500 million USD to 3 billion USD.");
    assert_true(fig(&x, 500e6)->change_amount);
    assert_false(fig(&x, 3e9)->change_amount);
    bc_extraction_free(&x);
}

/* Months told again without their year ("of the eight-month total", "in die negen
 * maanden", "in het halfjaar"): the months from January told last with their year; none when the
 * months told before are others and no reference date gives a year. */
static void months_told_again(void **state)
{
    (void)state;
    bc_extraction x = run("en", NULL,
                          "Title\n\nIn the first seven months of 2023, trade reached 9 billion "
                          "USD.\n\nOf the seven-month total, farm goods were worth 2 billion USD.");
    assert_string_equal(fig(&x, 2e9)->period, "2023-01/2023-07");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nIn de eerste vijf maanden van 2023 bereikte de handel 9 miljard dollar.\n\n"
            "Via Lao Cai ging in die vijf maanden 2 miljard dollar aan handel.");
    assert_string_equal(fig(&x, 2e9)->period, "2023-01/2023-05");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nIn de eerste vijf maanden van 2023 bereikte de handel 9 miljard dollar.\n\n"
            "Via Lao Cai ging in die zes maanden 2 miljard dollar aan handel.");
    assert_string_equal(fig(&x, 2e9)->period, "");
    bc_extraction_free(&x);
    /* a year right before "when" is the year of the months its clause tells */
    x = run("en", "2025-06-01",
            "Trade turned around from early 2023, when in the first five months it fell 9 "
            "percent to 40 million USD.");
    assert_string_equal(fig(&x, 40e6)->period, "2023-01/2023-05");
    bc_extraction_free(&x);
    x = run("en", "2025-06-01",
            "Title\n\nTrade fell in 2023. In the first five months it reached 40 million USD.");
    assert_string_equal(fig(&x, 40e6)->period, "2025-01/2025-05");
    bc_extraction_free(&x);
    /* when a project's work began is not the period of its cost */
    x = run("zh", "2025-06-01", "总投资约5亿元的物流园项目已于去年底开工。");
    assert_string_equal(fig(&x, 5e8)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2025-06-01", "The 40 million USD project started in March 2024.");
    assert_string_equal(fig(&x, 40e6)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2025-06-01", "The bridge, worth 40 million USD, opened in March 2024.");
    assert_string_equal(fig(&x, 40e6)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2025-06-01", "Guangxi invested 40 million USD in the park in 2024.");
    assert_string_equal(fig(&x, 40e6)->period, "2024");
    bc_extraction_free(&x);
    /* a date in a clause of what came before ("...后，", "After ...,") is that event's */
    x = run("zh", "2025-06-01", "去年9月台风过境后，该市向对方捐赠了价值30万元的物资。");
    assert_string_equal(fig(&x, 3e5)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2025-06-01",
            "After the floods in September 2024, the city gave 2 million USD in aid.");
    assert_string_equal(fig(&x, 2e6)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2025-06-01", "In September 2024, the city gave 2 million USD in aid.");
    assert_string_equal(fig(&x, 2e6)->period, "2024-09");
    bc_extraction_free(&x);
    /* "het halfjaar" after the first six months of this year: that half */
    x = run("nl", "2023-07-15",
            "Titel\n\nIn de eerste zes maanden van dit jaar bereikte de handel 9 miljard "
            "dollar.\n\nDe export van fruit bracht in het halfjaar 2 miljard dollar op.");
    assert_string_equal(fig(&x, 2e9)->period, "2023-01/2023-06");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nDe handel bereikte 9 miljard dollar.\n\nDe export van fruit bracht in het "
            "halfjaar 2 miljard dollar op.");
    assert_string_equal(fig(&x, 2e9)->period, "");
    bc_extraction_free(&x);
}

/* A currency named with its country's adjective ("200 billion Vietnamese dong", "dongs
 * vietnamiens", "Chinese yuan") is that currency; wire headlines write "bln" and "mln"
 * ("US$1 bln"); an adjective before no currency makes no amount. */
static void currency_adjectives_and_wire_scales(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        const char *unit;
    } cases[] = {
        {"en", "Lang Son has spent 150 billion Vietnamese dong on a new customs yard.", 150e9,
         "VND"},
        {"en", "Hekou set aside 40 million Chinese yuan for the cargo terminal.", 40e6, "CNY"},
        {"en", "Hekou, Lao Cai target US$2 bln in border trade", 2e9, "USD"},
        {"en", "Mong Cai port handles $350 mln of seafood exports", 350e6, "USD"},
        {"fr", "La province a consacré 90 milliards de dongs vietnamiens au parking.", 90e9, "VND"},
        {"nl", "De provincie stak 90 miljard Vietnamese dong in een parkeerterrein.", 90e9, "VND"},
        {"pl", "Prowincja przeznaczyła 90 mld dongów wietnamskich na parking.", 90e9, "VND"},
        {"sv", "Provinsen lade 90 miljarder vietnamesiska dong på en parkering.", 90e9, "VND"},
        {"sv", "Hekou satsade 40 miljoner kinesiska yuan på terminalen.", 40e6, "CNY"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-12-01", cases[k].text);
        if (!has_fig(&x, cases[k].value) ||
            strcmp(fig(&x, cases[k].value)->unit, cases[k].unit) != 0)
            fail_msg("'%s': no %.0f %s", cases[k].text, cases[k].value, cases[k].unit);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("en", "2025-12-01", "Some 2 million Chinese visitors came in 2025.");
    for (size_t i = 0; i < x.nfigures; i++)
        assert_false(x.figures[i].money);
    bc_extraction_free(&x);
}

/* "The same N months" before the amount in nl, fr, pl and sv ("inde in dezelfde negen
 * maanden") is the period stated before, its months no time of the amount's own; a goal
 * said "over the same period" takes it too. A goal without those words takes none, and
 * months of the amount's own clause that cannot be read leave it none. */
static void the_same_months_before_the_amount(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *ref, *text;
        double value;
        const char *period;
    } cases[] = {
        {"nl", "2024-11-20",
         "Titel\n\nIn de eerste negen maanden van 2024 bedroeg de handel 3 miljard dollar. De "
         "douane inde in dezelfde negen maanden 400 miljard dong aan heffingen.",
         400e9, "2024-01/2024-09"},
        {"pl", "2024-11-20",
         "Tytuł\n\nW pierwszych dziewięciu miesiącach 2024 r. obroty wyniosły 3 mld USD. W tych "
         "samych dziewięciu miesiącach urząd celny pobrał 400 mld VND dochodów budżetowych.",
         400e9, "2024-01/2024-09"},
        {"fr", "2025-06-20",
         "Titre\n\nSur la période 2021-2025, les échanges ont atteint 2 milliards de dollars. "
         "Les recettes douanières sur la même période devraient dépasser 90 milliards de "
         "dôngs.",
         90e9, "2021/2025"},
        {"sv", "2024-11-20",
         "Rubrik\n\nUnder årets första nio månader uppgick handeln till 3 miljarder dollar. "
         "Under samma nio månader uppgick tullintäkterna till 400 miljarder dong.",
         400e9, "2024-01/2024-09"},
        /* not fired */
        {"fr", "2025-06-20",
         "Titre\n\nSur la période 2021-2025, les échanges ont atteint 2 milliards de dollars. "
         "La province vise 3 milliards de dollars.",
         3e9, ""},
        {"nl", NULL,
         "Titel\n\nIn de eerste negen maanden van 2024 bedroeg de handel 3 miljard dollar. In "
         "de eerste twee maanden van dit jaar inde de douane 40 miljard dong.",
         40e9, ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, cases[k].ref, cases[k].text);
        const bc_xfigure *f = fig(&x, cases[k].value);
        if (strcmp(f->period, cases[k].period) != 0)
            fail_msg("'%s': %.0f period '%s', not '%s'", cases[k].text, cases[k].value, f->period,
                     cases[k].period);
        bc_extraction_free(&x);
    }
}

/* Dutch hedges before an amount: "een kleine" (just under), "rond de", "pakweg", "ruwweg",
 * "zowat", "om en nabij" (about); "een kleine" before a noun hedges nothing. */
static void dutch_hedges(void **state)
{
    (void)state;
    static const struct {
        const char *text, *qualifier;
    } cases[] = {
        {"De handel bedroeg een kleine 4 miljard dollar.", "nearly"},
        {"De handel bedroeg rond de 4 miljard dollar.", "about"},
        {"De handel bedroeg pakweg 4 miljard dollar.", "about"},
        {"De handel bedroeg ruwweg 4 miljard dollar.", "about"},
        {"De handel bedroeg zowat 4 miljard dollar.", "about"},
        {"De handel bedroeg om en nabij 4 miljard dollar.", "about"},
        {"Er kwam een kleine delegatie, en de handel bedroeg 4 miljard dollar.", "exact"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run("nl", "2025-03-10", cases[k].text);
        const bc_xfigure *f = fig(&x, 4e9);
        if (f == NULL || strcmp(f->qualifier, cases[k].qualifier) != 0)
            fail_msg("'%s': %s", cases[k].text, f ? f->qualifier : "-");
        bc_extraction_free(&x);
    }
}

/* Polish "w ciagu dziesieciu miesiecy" is the first ten months of the report's year (none
 * without a reference date), "dziewieciu miesiecy tego roku" of this year. */
static void polish_months_of_the_year(void **state)
{
    (void)state;
    static const struct {
        const char *ref, *text, *period;
    } cases[] = {
        {"2025-11-20", "Urząd celny pobrał w ciągu dziesięciu miesięcy 6,8 bln VND dochodów.",
         "2025-01/2025-10"},
        {NULL, "Urząd celny pobrał w ciągu dziesięciu miesięcy 6,8 bln VND dochodów.", ""},
        {"2025-10-20", "Obroty wyniosły w ciągu dziewięciu miesięcy tego roku 186,5 mln USD.",
         "2025-01/2025-09"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run("pl", cases[k].ref, cases[k].text);
        const bc_xfigure *f = x.nfigures > 0 ? &x.figures[0] : NULL;
        if (f == NULL || strcmp(f->period, cases[k].period) != 0)
            fail_msg("'%s': period '%s'", cases[k].text, f ? f->period : "-");
        bc_extraction_free(&x);
    }
}

/* A province named only in whom a figure comes from ("Selon le Département ... de Lao Cai")
 * is no party when the statement names its own (outsider 10, F6): here Yunnan and four
 * provinces it does not name, so its parties are unknown (outsider 13, F7), Lao Cai still
 * none of them; it is when the statement names none ("the province's border gates"). */
static void the_source_of_a_figure_is_no_party_of_it(void **state)
{
    (void)state;
    bc_extraction x = run("fr", NULL,
                          "Selon le Département de l'industrie et du commerce de Lao Cai, les "
                          "échanges commerciaux entre les quatre provinces vietnamiennes et le "
                          "Yunnan ont atteint 2,1 milliards de dollars au premier semestre 2026.");
    const bc_xfigure *f = fig(&x, 2.1e9);
    assert_int_equal(f->nparties, 0);
    assert_int_equal(f->parties_partial, 4);
    bc_extraction_free(&x);
    x = run("en", NULL,
            "According to the Lang Son Department of Industry and Trade, import-export turnover "
            "through the province's border gates reached USD 4.35 billion in the first ten "
            "months of 2026.");
    f = fig(&x, 4.35e9);
    assert_int_equal(f->nparties, 1);
    assert_string_equal(f->parties[0], "lang-son");
    bc_extraction_free(&x);
}

/* A province named only as the side that speaks ("广西方面表示", "the Guangxi side said",
 * "phía Quảng Tây cho biết") is no party of the figure it tells; named so without saying
 * anything, or as whose trucks they are, it is (analyst 11, F15). */
static void a_side_that_speaks_is_no_party(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } said[] = {
        {"zh", "云南方面表示，目前该口岸每天通行货车约350辆次。"},
        {"en", "The Yunnan side said about 350 trucks now cross the gate every day."},
        {"vi", "Phía Vân Nam cho biết, mỗi ngày có khoảng 350 xe tải thông quan qua cửa khẩu."},
        {"fr",
         "La partie du Yunnan a indiqué que 350 camions franchissent la frontière chaque jour."},
        {"pl",
         "Strona Junnanu poinformowała, że dziennie granicę przekracza około 350 ciężarówek."},
        {"sv", "Yunnan-sidan uppgav att omkring 350 lastbilar passerar gränsen varje dag."},
        {"nl",
         "De kant van Yunnan meldde dat dagelijks ongeveer 350 vrachtwagens de grens passeren."},
    };
    for (size_t k = 0; k < sizeof said / sizeof said[0]; k++) {
        bc_extraction x = run(said[k].lang, "2025-09-15", said[k].text);
        if (!has_fig(&x, 350))
            fail_msg("'%s': no count", said[k].text);
        const bc_xfigure *f = fig(&x, 350);
        if (f != NULL && f->nparties != 0)
            fail_msg("'%s': party %s", said[k].text, f->parties[0]);
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text;
    } party[] = {
        {"zh", "云南方面，目前每天通行货车约350辆次。"},
        {"en", "About 350 trucks from the Yunnan side cross the border every day."},
        {"en", "Yunnan said about 350 trucks from Yunnan cross the border every day."},
    };
    for (size_t k = 0; k < sizeof party / sizeof party[0]; k++) {
        bc_extraction x = run(party[k].lang, "2025-09-15", party[k].text);
        if (!has_fig(&x, 350) || !has_party(fig(&x, 350), "yunnan"))
            fail_msg("'%s': Yunnan is no party", party[k].text);
        bc_extraction_free(&x);
    }
}

/* A province named only as whose officials speak, or as the whole of whom a figure comes
 * from ("Yunnan officials said", "Selon le Guangxi, ...", "Enligt Yunnan passerar ..."),
 * is no party of it; named again as a side of the trade, or pointed back at ("the
 * province's gates"), it is (analyst 11, F15). */
static void officials_of_a_province_are_no_party(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } said[] = {
        {"en", "Yunnan officials said some 410 trucks cross the border each day."},
        {"en", "According to Guangxi, some 410 trucks pass the border every day."},
        {"fr", "Selon le Yunnan, quelque 410 camions passent la frontière chaque jour."},
        {"fr", "Les autorités du Guangxi ont indiqué que 410 camions passent la frontière "
               "chaque jour."},
        {"pl", "Guangxijscy urzędnicy poinformowali, że każdego dnia granicę przekracza około "
               "410 ciężarówek."},
        {"vi", "Quan chức Quảng Tây cho biết mỗi ngày có khoảng 410 xe tải qua cửa khẩu."},
        {"zh", "据广西方面，目前每天通行货车约410辆次。"},
        {"zh", "云南官员表示，目前每天通行货车约410辆次。"},
        {"sv", "Enligt Guangxi passerar omkring 410 lastbilar gränsen varje dag."},
        {"nl", "Ambtenaren van Guangxi meldden dat dagelijks ongeveer 410 vrachtwagens de grens "
               "passeren."},
        /* "according to officials of X": the verb next, no comma (sv, nl, pl), or a comma */
        {"sv", "Enligt tjänstemän i Guangxi kör omkring 410 lastbilar över gränsen varje dag."},
        {"nl", "Volgens ambtenaren van Guangxi rijden elke dag ongeveer 410 vrachtwagens over de "
               "grens."},
        {"pl", "Według urzędników z Guangxi każdego dnia granicę przekracza około 410 "
               "ciężarówek."},
        {"fr", "Selon des responsables du Guangxi, quelque 410 camions passent la frontière "
               "chaque jour."},
        {"en", "According to officials in Guangxi, some 410 trucks pass the border every day."},
        {"vi", "Theo các quan chức Quảng Tây, mỗi ngày có khoảng 410 xe tải qua cửa khẩu."},
    };
    for (size_t k = 0; k < sizeof said / sizeof said[0]; k++) {
        bc_extraction x = run(said[k].lang, "2025-09-15", said[k].text);
        const bc_xfigure *f = has_fig(&x, 410) ? fig(&x, 410) : NULL;
        if (f == NULL)
            fail_msg("'%s': no count", said[k].text);
        else if (f->nparties != 0)
            fail_msg("'%s': party %s", said[k].text, f->parties[0]);
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text, *party;
    } party[] = {
        {"en", "Yunnan officials said trade between Yunnan and Lao Cai reached USD 410 million.",
         "yunnan"},
        {"fr",
         "Selon le Guangxi, les échanges entre le Guangxi et Cao Bang ont atteint 410 "
         "millions de dollars.",
         "guangxi"},
        {"en",
         "According to Lang Son, turnover through the province's gates reached USD 410 "
         "million.",
         "lang-son"},
        {"sv",
         "Enligt tjänstemän i Guangxi nådde handeln genom provinsens gränsövergångar 410 "
         "miljoner dollar.",
         "guangxi"},
    };
    for (size_t k = 0; k < sizeof party / sizeof party[0]; k++) {
        bc_extraction x = run(party[k].lang, "2025-09-15", party[k].text);
        if (!has_fig(&x, 4.1e8) || !has_party(fig(&x, 4.1e8), party[k].party))
            fail_msg("'%s': %s is no party", party[k].text, party[k].party);
        bc_extraction_free(&x);
    }
}

/* A figure said by one province's official and then given as "the province"'s (analyst 11,
 * N5: "Lang Son's vice chairman said the province wants to raise trade with Guangxi to ..."):
 * that province is a party beside the partner the sentence names, marked as pointed at, in
 * every language; not when no word points back at it, nor when the sentence names another
 * province of its country as the party, nor when "the province" is part of a name. */
static void the_province_a_speaker_is_of_and_points_back_at(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *own, *partner;
    } cases[] = {
        {"en",
         "Lang Son's vice chairman said the province wants to raise trade with Guangxi to "
         "USD 4.2 billion by 2028.",
         "lang-son", "guangxi"},
        {"en",
         "The vice chairman of Cao Bang said the province aims to lift its trade with "
         "Guangxi to USD 4.2 billion by 2028.",
         "cao-bang", "guangxi"},
        {"en",
         "Guangxi's vice chairman said the region hopes to bring trade with Lang Son to USD "
         "4.2 billion by 2028.",
         "guangxi", "lang-son"},
        {"nl",
         "De vicevoorzitter van het Volkscomité van Quang Ninh zei dat de provincie de "
         "handel met Guangxi in 2028 wil verhogen tot 4,2 miljard dollar.",
         "quang-ninh", "guangxi"},
        {"sv",
         "Vice ordföranden i Cao Bang sade att provinsen vill öka handeln med Guangxi till "
         "4,2 miljarder dollar 2028.",
         "cao-bang", "guangxi"},
        {"sv",
         "Lao Cais vice ordförande sade att provinsen vill öka handeln med Yunnan till 4,2 "
         "miljarder USD år 2028.",
         "lao-cai", "yunnan"},
        {"fr",
         "Le vice-président de Lang Son a déclaré que la province souhaite porter ses "
         "échanges avec le Guangxi à 4,2 milliards USD d'ici 2028.",
         "lang-son", "guangxi"},
        {"pl",
         "Wiceprzewodniczący Lao Cai powiedział, że prowincja chce zwiększyć handel z "
         "Junnanem do 4,2 mld USD do 2028 r.",
         "lao-cai", "yunnan"},
        {"vi",
         "Phó Chủ tịch UBND tỉnh Lạng Sơn cho biết tỉnh phấn đấu nâng kim ngạch thương mại "
         "với Quảng Tây lên 4,2 tỷ USD vào năm 2028.",
         "lang-son", "guangxi"},
        {"zh", "谅山省副主席表示，该省力争到2028年与广西的贸易额达到42亿美元。", "lang-son",
         "guangxi"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2026-10-09", cases[k].text);
        const bc_xfigure *f = has_fig(&x, 4.2e9) ? fig(&x, 4.2e9) : NULL;
        int own = -1;
        for (int q = 0; f != NULL && q < f->nparties; q++)
            if (strcmp(f->parties[q], cases[k].own) == 0)
                own = q;
        if (f == NULL || f->nparties != 2 || !has_party(f, cases[k].partner) || own < 0 ||
            f->parties_pointed != 1u << own)
            fail_msg("'%s': parties %d (%s pointed at: %d)", cases[k].text, f ? f->nparties : -1,
                     cases[k].own, own);
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text, *party, *not_party; /* party named as such */
    } named[] = {
        /* no word points back at the speaker's province */
        {"en", "Lang Son's vice chairman said trade with Guangxi reached USD 4.2 billion in 2025.",
         "guangxi", "lang-son"},
        /* "the province" of a name, and the party the sentence names */
        {"en",
         "Lang Son's vice chairman said the province of Lao Cai traded USD 4.2 billion "
         "with Yunnan in 2025.",
         "lao-cai", "lang-son"},
        {"vi",
         "Phó Chủ tịch UBND tỉnh Lạng Sơn cho biết tỉnh Cao Bằng đạt kim ngạch 4,2 tỷ USD "
         "với Quảng Tây năm 2025.",
         "cao-bang", "lang-son"},
        /* named as the subject: stated, not pointed at */
        {"en", "Cao Bang province wants to raise trade with Guangxi to USD 4.2 billion by 2028.",
         "cao-bang", NULL},
    };
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        bc_extraction x = run(named[k].lang, "2026-10-09", named[k].text);
        const bc_xfigure *f = has_fig(&x, 4.2e9) ? fig(&x, 4.2e9) : NULL;
        if (f == NULL || !has_party(f, named[k].party) || f->parties_pointed != 0 ||
            (named[k].not_party != NULL && has_party(f, named[k].not_party)))
            fail_msg("'%s': not %s alone, as named", named[k].text, named[k].party);
        bc_extraction_free(&x);
    }
}

/* A province named only in a crossing's name is no party of a figure, as one named only in
 * an office: one side of a pair of gates ("poste-frontière Lao Cai–Hekou", "cặp cửa khẩu
 * Lào Cai – Hà Khẩu", "河口—老街口岸"), or one gate named after its town ("老街口岸", "cửa
 * khẩu quốc tế Lào Cai"). It stays one when the sentence names it otherwise, with its word
 * for a province ("老街省", "tỉnh Lào Cai"), as the owner of gates in the plural, or beside
 * another province ("Lang Son-Guangxi"). */
static void a_crossing_named_after_a_province_is_no_party(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *party; /* party: NULL when it has none */
        double value;
    } cases[] = {
        {"fr",
         "Les douanes chinoises ont compté 12,4 milliards de yuans de marchandises au "
         "poste-frontière Lao Cai–Hekou en 2025.",
         NULL, 12.4e9},
        {"vi", "Hàng hóa qua cặp cửa khẩu Lào Cai – Hà Khẩu đạt 900 triệu USD trong quý I/2025.",
         NULL, 9e8},
        {"zh", "2025年经河口—老街口岸的货物贸易额达98亿元。", NULL, 9.8e9},
        {"zh", "2025年经老街口岸出口水果达7亿元。", NULL, 7e8},
        {"vi", "Hàng hóa qua cửa khẩu quốc tế Lào Cai đạt 640 triệu USD trong năm 2025.", NULL,
         6.4e8},
        {"en", "Goods worth 1.7 billion USD crossed at the Lao Cai–Hekou gate pair in 2025.", NULL,
         1.7e9},
        {"en", "The Lao Cai International Border Gate handled 800 million USD of fruit in 2025.",
         NULL, 8e8},
        {"nl", "Via de grensovergang Lao Cai – Hekou ging in 2025 voor 1,9 miljard dollar over.",
         NULL, 1.9e9},
        {"pl",
         "Przez przejście graniczne Lao Cai – Hekou przeszły w 2025 r. towary za 1,6 mld USD.",
         NULL, 1.6e9},
        {"sv", "Varor för 1,4 miljarder dollar passerade gränsövergången Lao Cai–Hekou under 2025.",
         NULL, 1.4e9},
        {"en", "Trade through the Lang Son–Pingxiang gate pair came to 2.6 billion USD in 2025.",
         NULL, 2.6e9},
        /* named otherwise: still a party */
        {"fr",
         "Au poste-frontière Lao Cai–Hekou, les échanges entre Lao Cai et le Yunnan ont atteint "
         "3,3 milliards de dollars en 2025.",
         "lao-cai", 3.3e9},
        {"zh", "2025年云南与老街省经河口口岸的贸易额达120亿元。", "lao-cai", 1.2e10},
        {"vi", "Hàng hóa qua các cửa khẩu tỉnh Lào Cai đạt 2,8 tỷ USD trong năm 2025.", "lao-cai",
         2.8e9},
        {"en", "Trade through Lao Cai's border gates rose to 2.9 billion USD in 2025.", "lao-cai",
         2.9e9},
        {"en", "Lang Son-Guangxi trade came to 5.1 billion USD in 2025.", "lang-son", 5.1e9},
        {"sv", "Handeln via Cao Bangs gränsportar nådde 610 miljoner USD under 2025.", "cao-bang",
         6.1e8},
        {"zh", "其中，广西边民互市贸易进出口520亿元。", "guangxi", 5.2e10},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (f == NULL)
            fail_msg("%s: no figure", cases[i].text);
        if (cases[i].party == NULL && f->nparties != 0)
            fail_msg("%s: %s is a party", cases[i].text, f->parties[0]);
        if (cases[i].party != NULL && !has_party(f, cases[i].party))
            fail_msg("%s: %s is not a party", cases[i].text, cases[i].party);
        bc_extraction_free(&x);
    }
}

/* One side named, the other counted without its names ("Yunnan and the four Vietnamese
 * provinces"): the named side is only part of the parties, so none is given, the group's
 * count kept (outsider 13, F7: the named side was taken for all of them); named in full,
 * or a number that counts no provinces ("Năm 2025, tỉnh Lạng Sơn"), the parties stand. */
static void a_side_counted_without_its_names(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } partial[] = {
        {"en", "Trade between Yunnan and the four Vietnamese provinces reached USD 2.4 billion in "
               "2025."},
        {"fr", "Les échanges entre les quatre provinces vietnamiennes et le Guangxi ont atteint "
               "24 milliards de dollars en 2025."},
        {"nl", "De handel tussen de vier Vietnamese provincies en Guangxi bedroeg in 2025 24 "
               "miljard dollar."},
        {"sv", "Handeln mellan Yunnan och de fyra vietnamesiska provinserna uppgick 2025 till 2,4 "
               "miljarder dollar."},
        {"pl", "Obroty handlowe między Junnanem a czterema wietnamskimi prowincjami wyniosły w "
               "2025 r. 2,4 mld USD."},
        {"vi", "Năm 2025, kim ngạch xuất nhập khẩu giữa tỉnh Vân Nam và 4 tỉnh của Việt Nam đạt "
               "2,4 tỷ USD."},
        {"zh", "2025年，云南省与越南四省进出口贸易额达24亿美元。"},
    };
    for (size_t i = 0; i < sizeof partial / sizeof partial[0]; i++) {
        bc_extraction x = run(partial[i].lang, "2026-01-10", partial[i].text);
        if (x.nfigures != 1 || x.figures[0].nparties != 0 || x.figures[0].parties_partial != 4)
            fail_msg("%s: %zu figures, %d parties, group %d", partial[i].text, x.nfigures,
                     x.nfigures ? x.figures[0].nparties : -1,
                     x.nfigures ? x.figures[0].parties_partial : -1);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("en", "2026-01-10",
                          "Trade between the four provinces of Lai Chau, Lao Cai, Tuyen Quang "
                          "and Dien Bien and Yunnan reached USD 2.4 billion in 2025.");
    assert_int_equal(fig(&x, 2.4e9)->nparties, 5);
    assert_int_equal(fig(&x, 2.4e9)->parties_partial, 0);
    bc_extraction_free(&x);
    x = run("vi", "2026-01-10",
            "Năm 2025, tỉnh Lạng Sơn phấn đấu đạt kim ngạch xuất nhập khẩu "
            "với Quảng Tây 5,5 tỷ USD.");
    assert_int_equal(fig(&x, 5.5e9)->nparties, 2);
    bc_extraction_free(&x);
}

/* One side named, the other only as a group of its country's provinces, neither named nor
 * counted ("Yunnan and the Vietnamese border provinces", "越南边境各省"): the named side is
 * only part of the parties, none is given (outsider 13, F7, recheck: Yunnan was taken for
 * all of them); a group whose provinces the clause names, a singular province word, or a
 * province whose name holds a number ("Vân Nam": no five provinces) keep the parties. */
static void a_side_named_only_as_a_group(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } partial[] = {
        {"en", "Trade between Guangxi and Vietnam's border provinces rose to USD 3.1 billion in "
               "the first half of 2026."},
        {"en", "Cao Bang's exports to Chinese localities came to USD 410 million in 2025."},
        {"fr", "Le commerce entre le Guangxi et les provinces frontalières vietnamiennes a "
               "atteint 3,1 milliards de dollars au premier semestre 2026."},
        {"fr", "Les échanges du Yunnan avec les provinces du Vietnam ont atteint 3,1 milliards "
               "de dollars en 2025."},
        {"vi", "Kim ngạch thương mại giữa Quảng Tây và các tỉnh biên giới Việt Nam đạt 3,1 tỷ "
               "USD trong 6 tháng đầu năm 2026."},
        {"zh", "2026年上半年，广西与越南边境各省贸易额达31亿美元。"},
        {"zh", "云南与越南边境省份的贸易额去年达到31亿美元。"},
        {"nl", "De handel tussen Guangxi en de Vietnamese grensprovincies bedroeg in de eerste "
               "helft van 2026 3,1 miljard dollar."},
        {"pl", "Obroty między Guangxi a wietnamskimi prowincjami przygranicznymi wyniosły w "
               "pierwszym półroczu 2026 r. 3,1 mld USD."},
        {"pl", "Wymiana handlowa Junnanu z prowincjami Wietnamu wyniosła w 2025 r. 3,1 mld USD."},
        {"sv", "Handeln mellan Guangxi och de vietnamesiska gränsprovinserna uppgick under första "
               "halvåret 2026 till 3,1 miljarder dollar."},
        {"sv", "Handeln mellan Yunnan och Vietnams gränsprovinser uppgick 2025 till 3,1 miljarder "
               "dollar."},
    };
    for (size_t i = 0; i < sizeof partial / sizeof partial[0]; i++) {
        bc_extraction x = run(partial[i].lang, "2026-08-02", partial[i].text);
        if (x.nfigures != 1 || x.figures[0].nparties != 0 || x.figures[0].parties_partial != -1)
            fail_msg("%s: %zu figures, %d parties, group %d", partial[i].text, x.nfigures,
                     x.nfigures ? x.figures[0].nparties : -1,
                     x.nfigures ? x.figures[0].parties_partial : -9);
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text;
        int nparties;
    } named[] = {
        {"en",
         "Trade between Guangxi and the Vietnamese provinces of Cao Bang and Lang Son "
         "reached USD 3.1 billion in 2025.",
         3},
        {"en", "Trade between Lang Son and Guangxi provinces reached USD 3.1 billion in 2025.", 2},
        {"fr",
         "Les échanges entre le Guangxi et les provinces vietnamiennes de Cao Bang et Lang "
         "Son ont atteint 3,1 milliards de dollars en 2025.",
         3},
        {"vi", "Kim ngạch thương mại giữa Vân Nam và tỉnh Hà Giang đạt 3,1 tỷ USD năm 2025.", 2},
        {"vi", "Kim ngạch giữa các tỉnh Lào Cai, Hà Giang và Vân Nam đạt 3,1 tỷ USD năm 2025.", 3},
        {"zh", "2025年，云南省与越南河江省贸易额达31亿美元。", 2},
        {"nl",
         "De handel tussen Yunnan en de Vietnamese grensprovincie Ha Giang bedroeg in 2025 "
         "3,1 miljard dollar.",
         2},
        {"pl",
         "Władze wietnamskiej prowincji Ha Giang podały, że obroty z Junnanem wyniosły w "
         "2025 r. 3,1 mld USD.",
         2},
        {"sv",
         "Handeln mellan Yunnan och den vietnamesiska gränsprovinsen Ha Giang uppgick 2025 "
         "till 3,1 miljarder dollar.",
         2},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        bc_extraction x = run(named[i].lang, "2026-08-02", named[i].text);
        if (x.nfigures != 1 || x.figures[0].nparties != named[i].nparties ||
            x.figures[0].parties_partial != 0)
            fail_msg("%s: %zu figures, %d parties, group %d", named[i].text, x.nfigures,
                     x.nfigures ? x.figures[0].nparties : -1,
                     x.nfigures ? x.figures[0].parties_partial : -9);
        bc_extraction_free(&x);
    }
    /* the group is the earlier amount's; the share a clause of its own names is Ha Giang's */
    bc_extraction x = run("nl", "2026-08-02",
                          "De vier grensprovincies handelden in 2025 voor 2,4 miljard dollar met "
                          "Yunnan, waarvan 230 miljoen dollar voor rekening van Ha Giang kwam.");
    assert_int_equal(fig(&x, 2.4e9)->nparties, 0);
    assert_int_equal(fig(&x, 2.4e9)->parties_partial, 4);
    assert_int_equal(fig(&x, 230e6)->nparties, 2);
    bc_extraction_free(&x);
    /* a headline naming one province restates a body amount of a group: still unknown */
    x = run("sv", "2026-08-02",
            "Mötet hölls i Ha Giang – handeln nådde 3,1 miljarder USD\n\nHandeln mellan de "
            "vietnamesiska gränsprovinserna och Yunnan uppgick 2025 till 3,1 miljarder USD.");
    assert_int_equal(x.nfigures, 1);
    assert_int_equal(fig(&x, 3.1e9)->nparties, 0);
    assert_int_equal(fig(&x, 3.1e9)->parties_partial, -1);
    bc_extraction_free(&x);
}

/* One side named as one of a group of its country's other provinces ("Lao Cai and other
 * Vietnamese provinces and Yunnan"): the named province is only part of that side, so the
 * parties are unknown as for a group named by its country (outsider 13, closing note: Lao
 * Cai - Yunnan was given, and such a figure conflicted with Lao Cai's own); other provinces
 * the sentence compares with, or named without a country, keep the parties. */
static void a_province_among_its_countrys_others(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } partial[] = {
        {"en", "Trade between Lao Cai and other Vietnamese provinces and Yunnan reached USD 3.1 "
               "billion in 2025."},
        {"vi", "Kim ngạch thương mại giữa Lào Cai và các tỉnh khác của Việt Nam với Vân Nam đạt "
               "3,1 tỷ USD năm 2025."},
        {"zh", "老街省及越南其他省份与云南的贸易额2025年达到31亿美元。"},
        {"fr", "Les échanges entre Lao Cai et les autres provinces vietnamiennes et le Yunnan ont "
               "atteint 3,1 milliards USD en 2025."},
        {"pl", "Obroty handlowe między Lao Cai i innymi wietnamskimi prowincjami a Junnanem "
               "osiągnęły 3,1 mld USD w 2025 r."},
        {"sv", "Handeln mellan Lao Cai och andra vietnamesiska provinser och Yunnan uppgick till "
               "3,1 miljarder USD under 2025."},
        {"nl", "De handel tussen Lao Cai en andere Vietnamese provincies en Yunnan bedroeg 3,1 "
               "miljard dollar in 2025."},
    };
    for (size_t i = 0; i < sizeof partial / sizeof partial[0]; i++) {
        bc_extraction x = run(partial[i].lang, "2026-08-02", partial[i].text);
        if (x.nfigures != 1 || x.figures[0].nparties != 0 || x.figures[0].parties_partial != -1)
            fail_msg("%s: %zu figures, %d parties, group %d", partial[i].text, x.nfigures,
                     x.nfigures ? x.figures[0].nparties : -1,
                     x.nfigures ? x.figures[0].parties_partial : -9);
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text;
    } pair[] = {
        {"en", "Trade between Lao Cai and Yunnan, ahead of other Vietnamese provinces' trade, "
               "reached USD 2.1 billion in 2025."},
        {"en", "Lao Cai leads other provinces in trade with Yunnan, which reached USD 2.2 billion "
               "in 2025."},
        {"vi", "Kim ngạch thương mại giữa Lào Cai và Vân Nam đạt 3,1 tỷ USD năm 2025, cao hơn các "
               "tỉnh khác."},
    };
    for (size_t i = 0; i < sizeof pair / sizeof pair[0]; i++) {
        bc_extraction x = run(pair[i].lang, "2026-08-02", pair[i].text);
        if (x.nfigures != 1 || x.figures[0].nparties != 2 || x.figures[0].parties_partial != 0)
            fail_msg("%s: %zu figures, %d parties, group %d", pair[i].text, x.nfigures,
                     x.nfigures ? x.figures[0].nparties : -1,
                     x.nfigures ? x.figures[0].parties_partial : -9);
        bc_extraction_free(&x);
    }
}

/* One side named, the other counted by its country without a name ("Ha Giang, Lao Cai and
 * the two Chinese provinces"): the count is of the other country, so naming as many of the
 * first does not make a pair; the parties are unknown, in every language. A count of both
 * countries' provinces it names ("老街、云南两省") is of those named. */
static void a_side_counted_by_its_country(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } partial[] = {
        {"en", "In 2025, trade between Ha Giang, Lao Cai and the two Chinese provinces reached "
               "USD 1.9 billion."},
        {"vi", "Năm 2025, kim ngạch thương mại giữa Hà Giang, Lào Cai và hai tỉnh của Trung Quốc "
               "đạt 1,9 tỷ USD."},
        {"zh", "2025年，越南河江省、老街省与中国两省的贸易额达19亿美元。"},
        {"fr", "En 2025, les échanges entre Ha Giang, Lao Cai et les deux provinces chinoises ont "
               "atteint 1,9 milliard de dollars."},
        {"pl", "W 2025 r. obroty handlowe między Ha Giang, Lao Cai i dwiema chińskimi prowincjami "
               "wyniosły 1,9 mld USD."},
        {"sv", "År 2025 uppgick handeln mellan Ha Giang, Lao Cai och de två kinesiska provinserna "
               "till 1,9 miljarder USD."},
        {"nl", "In 2025 bedroeg de handel tussen Ha Giang, Lao Cai en de twee Chinese provincies "
               "1,9 miljard dollar."},
        {"en", "In 2025, trade between Yunnan and the four Vietnamese provinces reached USD 1.9 "
               "billion."},
    };
    for (size_t i = 0; i < sizeof partial / sizeof partial[0]; i++) {
        bc_extraction x = run(partial[i].lang, NULL, partial[i].text);
        if (x.nfigures != 1 || x.figures[0].nparties != 0 || x.figures[0].parties_partial <= 0)
            fail_msg("%s: %zu figures, %d parties, group %d", partial[i].text, x.nfigures,
                     x.nfigures ? x.figures[0].nparties : -1,
                     x.nfigures ? x.figures[0].parties_partial : -9);
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text;
        int nparties;
    } named[] = {
        {"zh", "2025年，老街、云南两省的贸易额达19亿美元。", 2},
        {"en",
         "In 2025, trade between the two provinces, Lao Cai and Yunnan, reached USD 1.9 "
         "billion.",
         2},
        {"en", "In 2025, trade between Ha Giang, Lao Cai and Yunnan reached USD 1.9 billion.", 3},
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        bc_extraction x = run(named[i].lang, NULL, named[i].text);
        if (x.nfigures != 1 || x.figures[0].nparties != named[i].nparties ||
            x.figures[0].parties_partial != 0)
            fail_msg("%s: %zu figures, %d parties, group %d", named[i].text, x.nfigures,
                     x.nfigures ? x.figures[0].nparties : -1,
                     x.nfigures ? x.figures[0].parties_partial : -9);
        bc_extraction_free(&x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_side_counted_by_its_country),
        cmocka_unit_test(polish_money_with_scale_words),
        cmocka_unit_test(every_currency_and_scale),
        cmocka_unit_test(spaced_scale_abbreviations),
        cmocka_unit_test(unknown_word_after_amount),
        cmocka_unit_test(compact_scale_suffixes),
        cmocka_unit_test(every_amount_of_a_sentence_has_its_measure),
        cmocka_unit_test(goals_are_not_outcomes),
        cmocka_unit_test(a_goal_word_inside_another_word_is_no_goal),
        cmocka_unit_test(a_province_in_a_title_is_no_party),
        cmocka_unit_test(parties_of_the_amounts_own_clause),
        cmocka_unit_test(both_flows_of_a_pair),
        cmocka_unit_test(goods_and_their_flow),
        cmocka_unit_test(a_headline_goal_is_the_body_goal),
        cmocka_unit_test(abbreviated_scales),
        cmocka_unit_test(restatements_in_another_currency),
        cmocka_unit_test(a_period_is_the_amounts_own),
        cmocka_unit_test(plans_and_pledges_are_targets),
        cmocka_unit_test(goals_commitments_and_restatements),
        cmocka_unit_test(qualifiers_and_changes),
        cmocka_unit_test(decimal_conventions),
        cmocka_unit_test(areas_and_border_trade),
        cmocka_unit_test(dutch_measures_carried_and_named),
        cmocka_unit_test(costs_capital_spending_and_trade),
        cmocka_unit_test(halves_and_shared_currencies),
        cmocka_unit_test(a_rate_then_an_amount),
        cmocka_unit_test(amounts_in_two_scales),
        cmocka_unit_test(a_period_of_its_own),
        cmocka_unit_test(revenue_after_trade_and_names_that_fold_to_month),
        cmocka_unit_test(dutch_changes_and_restatements_after_the_amount),
        cmocka_unit_test(dutch_periods_carried),
        cmocka_unit_test(english_amounts_of_round_ten),
        cmocka_unit_test(dutch_verbs_of_growth),
        cmocka_unit_test(a_goals_year_and_the_month_it_was_set),
        cmocka_unit_test(qualifiers_past_a_time_and_in_other_words),
        cmocka_unit_test(growth_in_more_words),
        cmocka_unit_test(months_told_again),
        cmocka_unit_test(currency_adjectives_and_wire_scales),
        cmocka_unit_test(the_same_months_before_the_amount),
        cmocka_unit_test(dutch_hedges),
        cmocka_unit_test(polish_months_of_the_year),
        cmocka_unit_test(the_source_of_a_figure_is_no_party_of_it),
        cmocka_unit_test(a_crossing_named_after_a_province_is_no_party),
        cmocka_unit_test(a_side_that_speaks_is_no_party),
        cmocka_unit_test(officials_of_a_province_are_no_party),
        cmocka_unit_test(the_province_a_speaker_is_of_and_points_back_at),
        cmocka_unit_test(a_side_counted_without_its_names),
        cmocka_unit_test(a_side_named_only_as_a_group),
        cmocka_unit_test(a_province_among_its_countrys_others),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
