/* test_extract_fig_ref.c: what an amount of money is and what its sentence refers to
 * (extract_fig_ref.c, through bc_extract): rates and changes are no amounts, a measure or
 * a period comes from an earlier sentence only when the sentence goes on about that
 * figure, says "in the same period" or "for the whole year", in every language. The
 * sentences are ours. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

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
    /* what the rice was worth: its own measure (other), not the revenue before it */
    assert_fig(fig(&x, 3e6), "other", "USD", "exact", "");
    assert_false(fig(&x, 3e6)->metric_inferred);
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

    /* "in the period": the period told just before (none without the year it needs) */
    const char *period = "Title\n\nTrade through the gates of Cao Bang reached USD 300 million "
                         "in the first three months of the year. Tax revenue collected in the "
                         "province in the period stood at 400 billion VND.";
    x = run("en", "2025-04-10", period);
    assert_fig(fig(&x, 400e9), "budget_revenue", "VND", "exact", "2025-01/2025-03");
    bc_extraction_free(&x);
    x = run("en", NULL, period);
    assert_fig(fig(&x, 400e9), "budget_revenue", "VND", "exact", "");
    bc_extraction_free(&x);
}

/* "made up", "makes up": a share or a part, no growth ("Imports made up 60 million USD":
 * a level; "made up 60 percent of it": no change of the amount before). */
static void a_part_made_up_is_no_growth(void **state)
{
    (void)state;
    bc_extraction x = run("en", NULL,
                          "Title\n\nTrade through Lao Cai reached 100 million USD in 2026. "
                          "Imports made up 60 million USD and exports 40 million USD.");
    assert_false(fig(&x, 60e6)->change_amount);
    assert_string_equal(fig(&x, 60e6)->metric, "imports");
    bc_extraction_free(&x);
    x = run("en", NULL,
            "Title\n\nTrade through Lao Cai reached 100 million USD in 2026, and exports made up "
            "60 percent of it.");
    assert_false(fig(&x, 100e6)->has_change);
    bc_extraction_free(&x);
}

/* Each amount takes the period written next to it (analyst 8, finding 2): the base of a
 * comparison "a year earlier", "last year's", "上年同期" is of the year before the period of
 * the amount it is compared with (marked, period_context 2), never that amount's period
 * itself; "in 2024 and 2025" is the span of both years; a date the amount before took is
 * not the next amount's when a date of its own follows it. */
static void each_amount_takes_its_own_period(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        const char *period;
    } bases[] = {
        {"en",
         "Exports from Lang Son to Guangxi fell to USD 300 million in 2025 from USD 350 million a "
         "year earlier.",
         350e6, "2024"},
        {"en",
         "Exports from Lang Son to Guangxi fell to USD 300 million in 2025 from last year's USD "
         "350 "
         "million.",
         350e6, "2024"},
        {"en",
         "Exports fell to USD 300 million in the first nine months of 2025 from USD 350 million a "
         "year ago.",
         350e6, "2024-01/2024-09"},
        {"en", "Exports fell to USD 300 million in 2025 from USD 350 million the previous year.",
         350e6, "2024"},
        {"fr",
         "Les exportations sont tombées à 300 millions de dollars en 2025, contre 350 millions de "
         "dollars un an plus tôt.",
         350e6, "2024"},
        {"nl",
         "De export daalde in 2025 tot 300 miljoen dollar, tegen 350 miljoen dollar een jaar "
         "eerder.",
         350e6, "2024"},
        {"sv",
         "Exporten sjönk 2025 till 300 miljoner dollar från 350 miljoner dollar ett år "
         "tidigare.",
         350e6, "2024"},
        {"pl", "Eksport spadł w 2025 r. do 300 mln USD z 350 mln USD rok wcześniej.", 350e6,
         "2024"},
        {"vi", "Xuất khẩu năm 2025 đạt 300 triệu USD, giảm so với 350 triệu USD cùng kỳ năm trước.",
         350e6, "2024"},
        {"zh", "2025年广西对越出口额为30亿元，上年同期为35亿元。", 35e8, "2024"},
    };
    for (size_t k = 0; k < sizeof bases / sizeof bases[0]; k++) {
        bc_extraction x = run(bases[k].lang, "2026-11-20", bases[k].text);
        const bc_xfigure *f = fig(&x, bases[k].value);
        if (strcmp(f->period, bases[k].period) != 0 || f->period_context != 2)
            fail_msg("%s: '%s' period '%s' (context %d)", bases[k].lang, bases[k].text, f->period,
                     f->period_context);
        bc_extraction_free(&x);
    }
    /* the amount compared with keeps its own; a rate "from a year earlier" changes nothing */
    bc_extraction x = run("en", "2026-11-20",
                          "Title\n\nExports from Lang Son to Guangxi reached USD 300 million in "
                          "2025, up 5% "
                          "from a year earlier. Imports were USD 100 million.");
    assert_fig(fig(&x, 300e6), "exports", "USD", "exact", "2025");
    assert_int_equal(fig(&x, 300e6)->period_context, 0);
    assert_fig(fig(&x, 100e6), "imports", "USD", "exact", "2025");
    bc_extraction_free(&x);
    x = run("vi", "2026-11-20",
            "Xuất khẩu năm 2025 đạt 300 triệu USD, tăng 10% so với cùng kỳ năm trước.");
    assert_fig(fig(&x, 300e6), "exports", "USD", "exact", "2025");
    bc_extraction_free(&x);
    /* a base with no period to count from has none, never the other amount's */
    x = run("en", NULL, "Exports fell to USD 300 million from USD 350 million a year earlier.");
    assert_string_equal(fig(&x, 350e6)->period, "");
    bc_extraction_free(&x);
    /* a base is no period a later sentence takes */
    x = run("en", "2026-11-20",
            "Title\n\nTrade reached USD 900 million in 2025, against USD 800 million a year "
            "earlier. "
            "Exports were USD 500 million.");
    assert_fig(fig(&x, 800e6), "trade_turnover", "USD", "exact", "2024");
    assert_fig(fig(&x, 500e6), "exports", "USD", "exact", "2025");
    bc_extraction_free(&x);

    /* a span of years joined by "and"; years that leave one out are no one period */
    x = run("en", "2026-11-20",
            "In 2024 and 2025, trade between Lao Cai and Yunnan totalled USD 5.6 billion.");
    assert_fig(fig(&x, 5.6e9), "trade_turnover", "USD", "exact", "2024/2025");
    bc_extraction_free(&x);
    x = run("zh", "2026-11-20", "2024年和2025年，广西与越南贸易额为56亿元。");
    assert_string_equal(fig(&x, 56e8)->period, "2024/2025");
    bc_extraction_free(&x);
    x = run("en", "2026-11-20",
            "In 2023 and 2025, trade between Lao Cai and Yunnan totalled USD 5.6 billion.");
    assert_string_equal(fig(&x, 5.6e9)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2026-11-20",
            "Trade reached USD 5 billion and USD 5.6 billion in 2024 and 2025 respectively.");
    assert_string_not_equal(fig(&x, 5.6e9)->period, "2024/2025");
    bc_extraction_free(&x);

    /* the period written next to each of two amounts ("Q1 2026", "T1 2026") */
    x = run("en", "2026-03-10",
            "Trade between Lao Cai and Yunnan reached USD 700 million in the fourth quarter of "
            "2025 and USD 650 million in Q1 2026.");
    assert_fig(fig(&x, 700e6), "trade_turnover", "USD", "exact", "2025-10/2025-12");
    assert_fig(fig(&x, 650e6), "trade_turnover", "USD", "exact", "2026-01/2026-03");
    bc_extraction_free(&x);
    x = run("fr", "2026-03-10",
            "Les échanges ont atteint 700 millions de dollars au quatrième trimestre 2025 et 650 "
            "millions de dollars au T1 2026.");
    assert_string_equal(fig(&x, 650e6)->period, "2026-01/2026-03");
    bc_extraction_free(&x);
    /* with no date of its own after it, the second amount keeps the one before */
    x = run("en", "2026-03-10",
            "In the fourth quarter of 2025, exports reached USD 700 million and imports USD 650 "
            "million.");
    assert_string_equal(fig(&x, 650e6)->period, "2025-10/2025-12");
    bc_extraction_free(&x);
}

/* The period carries over to the next sentence that goes on about the figure ("in the same
 * period", "Trong do", "其中", exports after a turnover) in an article of one line too, which
 * has no headline (analyst 8, finding 3); marked as carried. */
static void periods_carry_in_an_article_of_one_line(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        const char *period;
    } cases[] = {
        {"en",
         "Import-export turnover between Lao Cai and Yunnan reached USD 2.35 billion in the first "
         "ten months of 2026. Lao Cai's exports to Yunnan were USD 1.1 billion in the same "
         "period.",
         1.1e9, "2026-01/2026-10"},
        {"vi",
         "Trong 10 tháng đầu năm 2026, kim ngạch xuất nhập khẩu qua cửa khẩu Ma Lù Thàng đạt 412 "
         "triệu USD. Trong đó, xuất khẩu đạt 150 triệu USD, nhập khẩu đạt 262 triệu USD.",
         150e6, "2026-01/2026-10"},
        {"zh",
         "2026年1至9月，广西与越南四省进出口贸易额达到1280亿元人民币。其中，出口额为760亿元。",
         760e8, "2026-01/2026-09"},
        {"fr",
         "Au cours des neuf premiers mois de 2026, les échanges entre Quang Ninh et le Guangxi ont "
         "atteint 3,8 milliards de dollars. Les exportations se sont élevées à 1,6 milliard de "
         "dollars.",
         1.6e9, "2026-01/2026-09"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2026-11-20", cases[k].text);
        const bc_xfigure *f = fig(&x, cases[k].value);
        if (strcmp(f->period, cases[k].period) != 0 || f->period_context != 1 || f->heading)
            fail_msg("%s: period '%s' (context %d, heading %d)", cases[k].lang, f->period,
                     f->period_context, f->heading);
        bc_extraction_free(&x);
    }
    /* a sentence that does not go on about it takes nothing */
    bc_extraction x = run("en", "2026-11-20",
                          "Import-export turnover between Lao Cai and Yunnan reached USD 2.35 "
                          "billion in the first ten months of 2026. A new bridge cost USD 40 "
                          "million.");
    assert_string_equal(fig(&x, 40e6)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2026-11-20",
            "Import-export turnover between Lao Cai and Yunnan reached USD 2.35 billion in the "
            "first ten months of 2026. The two sides aim for USD 3 billion in turnover.");
    assert_true(fig(&x, 3e9)->target);
    assert_string_equal(fig(&x, 3e9)->period, "");
    bc_extraction_free(&x);
}

/* A goal for the whole year ("for the whole year", "full-year goal") takes the year told
 * last, over months of a clause before it and a half year named in its sentence; a part
 * ("of which") with no date of its own takes its whole's period, the whole found past the
 * amount restated in brackets ("(about 1.14 billion USD) ... over the same six months"); a
 * year compared with ("het dubbele van 2022", "double that of 2022") is no period; "Cung
 * trong 5 thang" is the five months told before. An
 * amount that is no goal keeps what its own clause says. */
static void goals_parts_and_years_compared(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *ref, *text;
        double value;
        const char *period;
    } cases[] = {
        {"en", NULL,
         "Trade reached 580 million USD in January-April 2024. In January-April, goods worth 300 "
         "million USD crossed Ta Lung, and Cao Bang hoped to push the figure to 1 billion USD for "
         "the whole year.",
         1e9, "2024"},
        {"en", NULL,
         "Trade exceeded 2.1 billion USD in the first six months of 2025. The half-year result "
         "puts the gate under halfway to its full-year goal of 4.5 billion USD.",
         4.5e9, "2025"},
        {"en", "2025-07-10",
         "Trade exceeded 2.1 billion USD in the first six months of 2025. The province collected "
         "29.6 trillion VND (about 1.14 billion USD) for the State budget over the same six "
         "months, of which import-export activities contributed 8.7 trillion VND.",
         29.6e12, "2025-01/2025-06"},
        {"en", "2025-07-10",
         "Trade exceeded 2.1 billion USD in the first six months of 2025. The province collected "
         "29.6 trillion VND (about 1.14 billion USD) for the State budget over the same six "
         "months, of which import-export activities contributed 8.7 trillion VND.",
         8.7e12, "2025-01/2025-06"},
        {"nl", NULL,
         "Lao Cai mikt dit jaar op een handel van 5 miljard dollar, het dubbele van 2022.", 5e9,
         ""},
        {"en", NULL, "Lao Cai targets trade of 5 billion USD this year, double that of 2022.", 5e9,
         ""},
        /* "Cung trong 5 thang": the five months told before; none told, none */
        {"vi", NULL,
         "5 tháng đầu năm 2024, kim ngạch xuất nhập khẩu đạt 1,05 tỷ USD. Cũng trong 5 tháng, "
         "thu ngân sách nhà nước đạt hơn 1.100 tỷ đồng.",
         1.1e12, "2024-01/2024-05"},
        {"vi", NULL, "Cũng trong 5 tháng, thu ngân sách nhà nước đạt hơn 1.100 tỷ đồng.", 1.1e12,
         ""},
        /* no goal: "dat jaar" is no whole year of its own */
        {"nl", NULL,
         "In de eerste elf maanden van dat jaar leverde de export 3,1 miljard dollar op.", 3.1e9,
         ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, cases[k].ref, cases[k].text);
        const bc_xfigure *f = fig(&x, cases[k].value);
        if (strcmp(f->period, cases[k].period) != 0)
            fail_msg("%s: %.0f period '%s', want '%s'", cases[k].text, cases[k].value, f->period,
                     cases[k].period);
        bc_extraction_free(&x);
    }
}

/* An amount told halfway through a year ("Halverwege 2025", "halfway through 2025", "by
 * mid-2025") is of its first half; trade told at the end of a month ("Eind augustus 2025",
 * "by the end of August 2025") runs from January; a year alone, January's end and a sum
 * invested at a month's end keep what is written. */
static void halfway_and_month_ends(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        const char *period;
    } cases[] = {
        {"nl", "Halverwege 2025 stond de handel op ruim 41,7 miljard dollar.", 41.7e9,
         "2025-01/2025-06"},
        {"en", "Halfway through 2025, trade stood at 41.7 billion USD.", 41.7e9, "2025-01/2025-06"},
        {"en", "By mid-2025, trade stood at 41.7 billion USD.", 41.7e9, "2025-01/2025-06"},
        {"en", "By the end of August 2025, trade had risen to 59 billion USD.", 59e9,
         "2025-01/2025-08"},
        {"nl", "Eind augustus 2025 was de handel opgelopen tot bijna 59 miljard dollar.", 59e9,
         "2025-01/2025-08"},
        /* not fired */
        {"nl", "In 2025 stond de handel op 41,7 miljard dollar.", 41.7e9, "2025"},
        {"nl", "Eind januari 2025 stond de handel op 3 miljard dollar.", 3e9, "2025-01"},
        {"nl", "Eind augustus 2025 investeerde de provincie 5 miljard dong in een weg.", 5e9,
         "2025-08"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-11-29", cases[k].text);
        const bc_xfigure *f = fig(&x, cases[k].value);
        if (strcmp(f->period, cases[k].period) != 0)
            fail_msg("%s: period '%s', want '%s'", cases[k].text, f->period, cases[k].period);
        bc_extraction_free(&x);
    }
}

/* The year a planned investment is to be made by, in its clause ("prevoit d'investir ...
 * d'ici 2025", "planuje zainwestowac ... do 2027 r.", "wil tegen 2027 ... investeren") is
 * its period; a year a thing is to be finished or opened by is the project's ("qui doit
 * etre achevee d'ici 2025", "due to be completed by the end of 2026"), and an investment
 * made, not planned, takes no deadline's year. */
static void the_year_a_plan_is_to_be_made_by(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *period;
    } cases[] = {
        {"fr", "La province prévoit d'investir 900 milliards de dôngs dans la route d'ici 2027.",
         "2027"},
        {"pl", "Prowincja planuje zainwestować 900 mld VND w drogę do granicy do 2027 r.", "2027"},
        {"nl", "De provincie wil tegen 2027 900 miljard dong investeren in de weg.", "2027"},
        /* not fired */
        {"fr",
         "La province prévoit d'investir 900 milliards de dôngs dans la route, qui doit "
         "être achevée d'ici 2027.",
         ""},
        {"pl",
         "Prowincja planuje zainwestować 900 mld VND w drogę, która ma zostać ukończona do "
         "2027 r.",
         ""},
        {"en",
         "The city has earmarked 900 billion VND for a road due to be completed by the end "
         "of 2027.",
         ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2024-06-20", cases[k].text);
        const bc_xfigure *f = fig(&x, 900e9);
        if (strcmp(f->period, cases[k].period) != 0 || strcmp(f->metric, "investment") != 0 ||
            !f->target)
            fail_msg("'%s': %s period '%s' target %d", cases[k].text, f->metric, f->period,
                     f->target);
        bc_extraction_free(&x);
    }
}

/* A restatement in the next sentence ("The figure equals about 5 billion yuan") and a
 * sentence pointing back ("Dat was 9,5 procent meer") carry the change of the amount the
 * sentence before ended with; an amount that names a measure of its own is no restatement. */
static void changes_told_in_the_next_sentence(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2025-08-01",
                          "Title\n\nTrade reached 700 million USD in the first half, up 20 "
                          "percent. The figure equals about 5 billion yuan.");
    const bc_xfigure *f = fig(&x, 5e9);
    assert_true(f->has_change);
    assert_true(f->change_pct == 20);
    assert_string_equal(f->metric, "trade_turnover");
    bc_extraction_free(&x);
    x = run("nl", "2025-08-01",
            "Titel\n\nDe handel bedroeg vorig jaar 20 miljard yuan, omgerekend 2,6 miljard euro. "
            "Dat was 9,5 procent meer dan een jaar eerder.");
    assert_true(fig(&x, 20e9)->has_change && fig(&x, 20e9)->change_pct == 9.5);
    assert_true(fig(&x, 2.6e9)->has_change && fig(&x, 2.6e9)->change_pct == 9.5);
    bc_extraction_free(&x);
    /* not fired */
    x = run("en", "2025-08-01",
            "Title\n\nTrade reached 700 million USD, up 20 percent. Exports equal to 300 million "
            "yuan were fruit.");
    assert_false(fig(&x, 300e6)->has_change);
    assert_string_equal(fig(&x, 300e6)->metric, "exports");
    bc_extraction_free(&x);
}

/* A year right after a rate and "over", "on" or "from" ("an increase of 18.6 percent over
 * 2017") or after "times that of" is the base of the comparison, not the amount's period; a
 * year after the amount otherwise is. */
static void a_year_after_a_rate_is_its_base(void **state)
{
    (void)state;
    static const struct {
        const char *text, *period;
    } cases[] = {
        {"Trade through the gate reached 530 million USD, an increase of 18.6 percent over 2017.",
         ""},
        {"Trade through the gate reached 530 million USD, up 12% on 2022.", ""},
        {"Trade through the gate reached 530 million USD, up 12 percent from 2022.", ""},
        {"Trade reached 530 million USD in 2018, an increase of 18.6 percent over 2017.", "2018"},
        /* not fired */
        {"Trade through the gate reached 530 million USD over 2017.", "2017"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run("en", NULL, cases[k].text);
        const bc_xfigure *f = fig(&x, 530e6);
        if (strcmp(f->period, cases[k].period) != 0)
            fail_msg("'%s': period '%s'", cases[k].text, f->period);
        bc_extraction_free(&x);
    }
    /* "1.5 times that of last year": last year is the base */
    bc_extraction x = run("en", "2025-03-10",
                          "Title\n\nTrade reached 530 million USD, 1.5 times that of last year.");
    assert_string_equal(fig(&x, 530e6)->period, "");
    bc_extraction_free(&x);
}

/* Growth and decline in the -ing form ("with exports rising 20 percent to 90 million USD",
 * "imports falling 3 percent to") give the level after "to" its change; such a word with no
 * rate gives none. */
static void rates_of_ing_verbs(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2025-08-01",
                          "Title\n\nTrade reached 150 million USD, with exports rising 20 percent "
                          "to 90 million USD and imports falling 3 percent to 60 million USD.");
    assert_true(fig(&x, 90e6)->has_change && fig(&x, 90e6)->change_pct == 20);
    assert_true(fig(&x, 60e6)->has_change && fig(&x, 60e6)->change_pct == -3);
    assert_false(fig(&x, 150e6)->has_change);
    bc_extraction_free(&x);
    x = run("en", "2025-08-01", "Title\n\nThe rising cost of the road reached 90 million USD.");
    assert_false(fig(&x, 90e6)->has_change);
    bc_extraction_free(&x);
}

/* A rate whose level after "tot"/"to" is a count ("het aantal reizigers met 300 procent
 * toenam tot meer dan 60.000") is no amount's change; "liep met 20 procent terug tot" is a
 * decline; a level "to just over 54 million USD" is the amount's. */
static void a_rate_of_a_count_and_dutch_terug(void **state)
{
    (void)state;
    bc_extraction x =
        run("nl", "2024-06-01",
            "Titel\n\nIn de eerste vier maanden liep de handel met 20 procent terug tot 50 "
            "miljoen dollar, terwijl het aantal reizigers met 300 procent toenam tot meer dan "
            "60.000.");
    const bc_xfigure *f = fig(&x, 50e6);
    assert_true(f->has_change);
    assert_true(f->change_pct == -20);
    bc_extraction_free(&x);
    x = run("en", "2024-06-01",
            "Title\n\nIn the first four months turnover fell 24.5 percent to just over 54.4 "
            "million USD.");
    assert_true(fig(&x, 54.4e6)->has_change && fig(&x, 54.4e6)->change_pct == -24.5);
    bc_extraction_free(&x);
    /* not fired: only the count grew */
    x = run("nl", "2024-06-01",
            "Titel\n\nDe handel bedroeg 50 miljoen dollar, terwijl het aantal reizigers met 300 "
            "procent toenam tot meer dan 60.000.");
    assert_false(fig(&x, 50e6)->has_change);
    bc_extraction_free(&x);
}

/* A span of days into the next month, a weekday before either day ("Van zaterdag 31
 * augustus tot en met dinsdag 3 september", "Du samedi 31 aout au mardi 3 septembre") is the
 * amount's period, not its last day; two days joined by "and" are no span. */
static void a_span_of_days_across_months(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *period;
    } cases[] = {
        {"nl",
         "Van zaterdag 31 augustus tot en met dinsdag 3 september werd voor 46 miljoen dollar "
         "aan goederen ingeklaard.",
         "2024-08-31/2024-09-03"},
        {"nl", "Van 31 augustus tot en met 3 september werd voor 46 miljoen dollar ingeklaard.",
         "2024-08-31/2024-09-03"},
        {"fr",
         "Du samedi 31 août au mardi 3 septembre, 46 millions de dollars de marchandises ont été "
         "dédouanées.",
         "2024-08-31/2024-09-03"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2024-09-05", cases[k].text);
        const bc_xfigure *f = fig(&x, 46e6);
        if (f == NULL || strcmp(f->period, cases[k].period) != 0)
            fail_msg("'%s': period '%s'", cases[k].text, f ? f->period : "-");
        bc_extraction_free(&x);
    }
    /* not fired */
    bc_extraction x = run("nl", "2024-09-05",
                          "Op 31 augustus en op 3 september werd voor 46 miljoen dollar "
                          "ingeklaard.");
    const bc_xfigure *g = fig(&x, 46e6);
    assert_true(g != NULL && strchr(g->period, '/') == NULL);
    bc_extraction_free(&x);
}

/* A price of goods by a unit ("5,000 USD a tonne", "The price of a tonne of durian is 5,000
 * USD", "De prijs van een ton durian bedraagt 5.000 dollar", "le prix de la tonne") is a
 * rate, not an amount; a price with no unit ("The contract price was 5 million USD") and
 * goods counted in tonnes worth an amount are amounts. */
static void prices_by_a_unit(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        int rate;
    } cases[] = {
        {"en", "Durian sold at 5,000 USD a tonne, and exports reached 300 million USD.", 5000, 1},
        {"en", "Durian sold at 5,000 USD a tonne, and exports reached 300 million USD.", 300e6, 0},
        {"en", "The price of a tonne of durian is 5,000 USD.", 5000, 1},
        {"nl", "De prijs van een ton durian bedraagt 5.000 dollar.", 5000, 1},
        {"fr", "Le prix de la tonne de durian atteint 5 000 dollars.", 5000, 1},
        {"sv", "Priset per ton durian är 5 000 dollar.", 5000, 1},
        /* not fired */
        {"en", "The contract price was 5 million USD.", 5e6, 0},
        {"en", "Exports of rice reached 40,000 tonnes worth 20 million USD.", 20e6, 0},
        {"en", "Despite lower prices exports reached 300 million USD in 2,000 containers.", 300e6,
         0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-03-10", cases[k].text);
        const bc_xfigure *f = fig(&x, cases[k].value);
        if (f == NULL || f->rate != cases[k].rate)
            fail_msg("'%s': %.0f rate %d", cases[k].text, cases[k].value, f ? f->rate : -1);
        bc_extraction_free(&x);
    }
}

/* A sentence that points back ("ponad polowe tej kwoty", "Det motsvarar en okning med 12,5
 * procent") continues the amount before it: its period (half of an amount is no half year),
 * its change. */
static void pointing_back_in_polish_and_swedish(void **state)
{
    (void)state;
    bc_extraction x = run("pl", "2024-05-20",
                          "Tytuł\n\nW pierwszym kwartale 2024 r. obroty wyniosły 1,2 mld USD. "
                          "Eksport stanowił ponad połowę tej kwoty, a import osiągnął 540 mln "
                          "USD.");
    assert_string_equal(fig(&x, 540e6)->period, "2024-01/2024-03");
    bc_extraction_free(&x);
    x = run("sv", "2024-10-20",
            "Rubrik\n\nHandeln uppgick till 4,36 miljarder USD under årets första nio månader. "
            "Det motsvarar en ökning med 12,5 procent.");
    assert_true(fig(&x, 4.36e9)->has_change && fig(&x, 4.36e9)->change_pct == 12.5);
    bc_extraction_free(&x);
    /* not fired: the first half of a year is a time of the amount's own */
    x = run("pl", NULL,
            "Tytuł\n\nW pierwszym kwartale 2024 r. obroty wyniosły 1,2 mld USD. W pierwszej "
            "połowie roku import osiągnął 540 mln USD.");
    assert_string_equal(fig(&x, 540e6)->period, "");
    bc_extraction_free(&x);
}

/* A month the sentence names, read without published_on (so without a year), is the
 * amount's own time: the nine-month period of the turnover before it is not carried to
 * the exports and imports of that month (analyst 14, F5); with published_on they are of
 * that month; a sentence naming no time still takes the turnover's period. */
static void a_month_without_a_year_is_a_time_of_its_own(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "From January to September 2025, trade of Cao Bang with Guangxi was worth $2.5bn. "
               "In August, exports reached $41.2m, while imports stood at $17.9m."},
        {"en", "From January to September 2025, trade of Cao Bang with Guangxi was worth $2.5bn. "
               "Exports came to $41.2m in August and imports to $17.9m."},
        {"vi", "Từ tháng 1 đến tháng 9/2025, kim ngạch thương mại của Cao Bằng với Quảng Tây "
               "đạt 2,5 tỷ USD. Trong tháng 8, xuất khẩu đạt 41,2 triệu USD, nhập khẩu đạt 17,9 "
               "triệu USD."},
        {"zh",
         "2025年1至9月，崇左与高平进出口总额达25亿美元。8月份，出口4120万美元，进口1790万美元。"},
        {"fr", "De janvier à septembre 2025, les échanges de Cao Bang avec le Guangxi ont atteint "
               "2,5 milliards de dollars. En août, les exportations ont atteint 41,2 millions de "
               "dollars et les importations 17,9 millions de dollars."},
        {"pl", "Od stycznia do września 2025 r. obroty handlowe Cao Bang z Kuangsi wyniosły 2,5 "
               "mld USD. W sierpniu eksport wyniósł 41,2 mln USD, a import 17,9 mln USD."},
        {"sv", "Från januari till september 2025 uppgick handeln mellan Cao Bang och Guangxi till "
               "2,5 miljarder USD. I augusti uppgick exporten till 41,2 miljoner USD och importen "
               "till 17,9 miljoner USD."},
        {"nl", "Van januari tot en met september 2025 bedroeg de handel van Cao Bang met Guangxi "
               "2,5 miljard dollar. In augustus bedroeg de export 41,2 miljoen dollar en de import "
               "17,9 miljoen dollar."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, NULL, cases[k].text);
        const bc_xfigure *t = fig(&x, 2.5e9), *e = fig(&x, 41.2e6), *i = fig(&x, 17.9e6);
        assert_non_null(t);
        assert_non_null(e);
        assert_non_null(i);
        if (strcmp(t->period, "2025-01/2025-09") != 0)
            fail_msg("%s %zu: the turnover's period is '%s'", cases[k].lang, k, t->period);
        if (e->period[0] || i->period[0])
            fail_msg("%s %zu: the month's amounts take '%s' and '%s'", cases[k].lang, k, e->period,
                     i->period);
        bc_extraction_free(&x);
        x = run(cases[k].lang, "2025-10-12", cases[k].text);
        e = fig(&x, 41.2e6), i = fig(&x, 17.9e6);
        assert_non_null(e);
        assert_non_null(i);
        if (strcmp(e->period, "2025-08") != 0 || strcmp(i->period, "2025-08") != 0)
            fail_msg("%s %zu: with published_on '%s' and '%s'", cases[k].lang, k, e->period,
                     i->period);
        bc_extraction_free(&x);
    }
    /* no month named: the parts of the turnover are of its period; "may" is no month */
    bc_extraction x = run("en", NULL,
                          "From January to September 2025, trade of Cao Bang with Guangxi was "
                          "worth $2.5bn. Of this, exports were $1.1bn, and imports may have been "
                          "close to $1.4bn.");
    assert_string_equal(fig(&x, 1.1e9)->period, "2025-01/2025-09");
    assert_string_equal(fig(&x, 1.4e9)->period, "2025-01/2025-09");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rates_are_not_amounts),
        cmocka_unit_test(changes_are_not_levels),
        cmocka_unit_test(measures_are_not_borrowed),
        cmocka_unit_test(periods_are_carried_only_by_continuations),
        cmocka_unit_test(a_part_made_up_is_no_growth),
        cmocka_unit_test(each_amount_takes_its_own_period),
        cmocka_unit_test(periods_carry_in_an_article_of_one_line),
        cmocka_unit_test(goals_parts_and_years_compared),
        cmocka_unit_test(halfway_and_month_ends),
        cmocka_unit_test(the_year_a_plan_is_to_be_made_by),
        cmocka_unit_test(changes_told_in_the_next_sentence),
        cmocka_unit_test(a_year_after_a_rate_is_its_base),
        cmocka_unit_test(rates_of_ing_verbs),
        cmocka_unit_test(a_rate_of_a_count_and_dutch_terug),
        cmocka_unit_test(a_span_of_days_across_months),
        cmocka_unit_test(prices_by_a_unit),
        cmocka_unit_test(pointing_back_in_polish_and_swedish),
        cmocka_unit_test(a_month_without_a_year_is_a_time_of_its_own),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
