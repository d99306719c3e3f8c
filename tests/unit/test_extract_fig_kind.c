/* test_extract_fig_kind.c: classes of phrasing that overrule the cue nearest an amount
 * (extract_fig_kind.c): a verb of investing that governs it, money put into something, a
 * flow it came from, goods sent to China, the worth of contraband, a part of a revenue or
 * an investment, a goal after both flows, a goal of another clause; each with a case that
 * must not fire. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* One text, one amount in it and the metric it must have. */
typedef struct kind_case {
    const char *lang, *text;
    double value;
    const char *metric;
} kind_case;

static void expect_kinds(const kind_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bc_extraction x = run(cases[i].lang, "2024-10-15", cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (strcmp(f->metric, cases[i].metric) != 0)
            fail_msg("%s: %.0f metric '%s', want '%s'", cases[i].text, cases[i].value, f->metric,
                     cases[i].metric);
        bc_extraction_free(&x);
    }
}

/* A verb of investing right before the amount (a qualifier between) governs it, whatever
 * a word after it names ("in a goods storage yard"); money "put", "sunk", "ploughed" into
 * something, or Dutch "gestoken in" after a restatement set off by commas, is invested;
 * not money paid into the budget, nor goods put through a gate. */
static void investing_governs_the_amount(void **state)
{
    (void)state;
    static const kind_case cases[] = {
        {"en", "The district intends to invest roughly 300 billion VND in a goods storage yard.",
         300e9, "investment"},
        {"en",
         "The district intends to invest roughly 300 billion VND (12 million USD) in a goods "
         "storage yard.",
         12e6, "investment"},
        {"zh", "该县计划投资3亿元建设货场。", 3e8, "investment"},
        {"vi", "Tỉnh sẽ đầu tư 200 tỷ đồng vào bãi kiểm hóa hàng hóa.", 200e9, "investment"},
        {"en", "The city has sunk 40 million yuan into a new customs road.", 40e6, "investment"},
        {"en", "Over two years the prefecture ploughed 90 million yuan into its trade zone.", 90e6,
         "investment"},
        {"nl",
         "In de zone is 300 miljard dong, ruim 12 miljoen dollar, gestoken in wegen en kades.",
         300e9, "investment"},
        {"nl",
         "In de zone is 300 miljard dong, ruim 12 miljoen dollar, gestoken in wegen en kades.",
         12e6, "investment"},
        /* not fired */
        {"en", "Investors watched as exports reached 2 billion USD.", 2e9, "exports"},
        {"en", "Traders put 2 billion USD of goods through the gate.", 2e9, "trade_turnover"},
    };
    expect_kinds(cases, sizeof cases / sizeof cases[0]);
    bc_extraction x = run("en", NULL, "Firms put 30 billion VND into the state budget.");
    assert_string_not_equal(fig(&x, 30e9)->metric, "investment");
    bc_extraction_free(&x);
}

/* A flow the amount came from ("uit export", "came from imports", "tu xuat khau") is that
 * flow, over a turnover named before it ("Van de handel ..."); both flows ("from
 * import-export activities") are none of them. Goods sent "naar China", "to China" are
 * exports; trade named in the sentence stays trade. */
static void flows_named_after_the_amount(void **state)
{
    (void)state;
    static const kind_case cases[] = {
        {"nl", "Van de handel kwam 80 miljoen dollar uit export.", 80e6, "exports"},
        {"en", "Of the total, 40 million USD came from imports.", 40e6, "imports"},
        {"nl",
         "Via de grenspost ging voor 15 miljoen dollar aan lychees, mango's en longans naar "
         "China.",
         15e6, "exports"},
        {"en", "Some 8 million USD of fruit went to China through the gate.", 8e6, "exports"},
        /* not fired */
        {"en", "Trade with China reached 3 billion USD, with fruit going to China.", 3e9,
         "trade_turnover"},
    };
    expect_kinds(cases, sizeof cases / sizeof cases[0]);
    static const char *const both[] = {
        "The province collected 300 billion VND from import-export activities.",
        "The gate earned 300 billion VND from exports and imports.",
    };
    for (size_t i = 0; i < sizeof both / sizeof both[0]; i++) {
        bc_extraction x = run("en", NULL, both[i]);
        const char *m = fig(&x, 300e9)->metric;
        if (strcmp(m, "exports") == 0 || strcmp(m, "imports") == 0)
            fail_msg("%s: metric '%s'", both[i], m);
        bc_extraction_free(&x);
    }
}

/* The worth of smuggled or seized goods is other, not trade ("goods worth" after
 * "smuggling cases", "worth of smuggled cigarettes", "smokkelwaar", "hang lau", "走私");
 * a flow named after the word of smuggling is that flow. */
static void the_worth_of_contraband(void **state)
{
    (void)state;
    static const kind_case cases[] = {
        {"en", "Border guards seized goods worth 3 billion VND.", 3e9, "other"},
        {"en", "Customs found 120 smuggling cases involving goods worth 7 billion VND.", 7e9,
         "other"},
        {"en", "Police found 2 million USD worth of smuggled cigarettes.", 2e6, "other"},
        {"nl", "De douane onderschepte smokkelwaar ter waarde van 4 miljoen dollar.", 4e6, "other"},
        {"vi", "Lực lượng chức năng bắt giữ hàng lậu trị giá 50 tỷ đồng.", 50e9, "other"},
        {"zh", "海关查获走私货物价值5000万元。", 5e7, "other"},
        /* not fired */
        {"en", "Anti-smuggling work went on while exports reached 3 billion USD.", 3e9, "exports"},
        {"en", "Goods worth 45 million USD were cleared at the gate.", 45e6, "trade_turnover"},
    };
    expect_kinds(cases, sizeof cases / sizeof cases[0]);
}

/* The value of deals or contracts signed ("traders signed contracts worth", "签约...金额") is
 * a commitment of other money, a goal, never trade that took place, in every language
 * (analyst 14, F6); not when a flow is named after the signing, nor a planned investment;
 * goods exported are exports, not a turnover. */
static void deals_signed_are_no_trade(void **state)
{
    (void)state;
    static const kind_case cases[] = {
        {"en", "At the fair, Cao Bang exporters signed deals worth $48m with Guangxi buyers.", 48e6,
         "other"},
        {"zh", "会上举行了边境贸易洽谈会，签约项目9个，金额约6.2亿元。", 6.2e8, "other"},
        {"zh", "越南企业与广西客商签订进出口贸易合同金额达2亿元。", 2e8, "other"},
        {"vi", "Tại hội chợ, các doanh nghiệp xuất khẩu đã ký kết hợp đồng trị giá 48 triệu USD.",
         48e6, "other"},
        {"fr",
         "Pendant la foire, les exportateurs ont signé des contrats d'une valeur de 48 "
         "millions de dollars.",
         48e6, "other"},
        {"pl", "Podczas targów handlowych eksporterzy podpisali umowy o wartości 48 mln USD.", 48e6,
         "other"},
        {"sv", "Under handelsmässan tecknade exportörerna avtal värda 48 miljoner USD.", 48e6,
         "other"},
        {"nl", "Op de handelsbeurs sloten exporteurs contracten ter waarde van 48 miljoen dollar.",
         48e6, "other"},
        /* not fired */
        {"en", "After the two sides signed the memorandum, exports reached $300m.", 300e6,
         "exports"},
        {"en", "Since the deal was signed, two-way trade has reached $1.2bn.", 1.2e9,
         "trade_turnover"},
        {"nl", "Er werden 19 projecten ondertekend, goed voor een investering van 2 miljard yuan.",
         2e9, "investment"},
        {"en", "Cao Bang exported goods worth $40m to Guangxi.", 40e6, "exports"},
        {"en", "Goods worth $40m were cleared at the gate.", 40e6, "trade_turnover"},
    };
    expect_kinds(cases, sizeof cases / sizeof cases[0]);
    for (size_t i = 0; i < 8; i++) {
        bc_extraction x = run(cases[i].lang, "2024-10-15", cases[i].text);
        if (!fig(&x, cases[i].value)->target)
            fail_msg("%s: a deal's value is no commitment", cases[i].text);
        bc_extraction_free(&x);
    }
}

/* A part ("of which", "trong do", "其中", "waarvan") of a revenue or an investment that
 * names the trade it comes from is that revenue or investment; a part of a turnover
 * keeps its flow. A goal with no measure of its own after both flows told is their sum's;
 * after one flow, that flow's. */
static void parts_and_goals_take_their_whole(void **state)
{
    (void)state;
    static const kind_case cases[] = {
        {"en",
         "The province collected 10 trillion VND in budget revenue, of which import-export "
         "activities contributed 4 trillion VND.",
         4e12, "budget_revenue"},
        {"vi",
         "Tổng thu ngân sách đạt 5.000 tỷ đồng, trong đó lĩnh vực xuất nhập khẩu đóng góp 3.000 "
         "tỷ đồng.",
         3e12, "budget_revenue"},
        {"zh", "全市财政收入50亿元，其中进出口环节贡献20亿元。", 2e9, "budget_revenue"},
        {"nl",
         "De provincie investeerde 900 miljard dong, waarvan 300 miljard dong in de exportzone.",
         300e9, "investment"},
        {"nl",
         "De uitvoer steeg tot 100 miljoen dollar. De invoer kromp tot 40 miljoen dollar. Daarmee "
         "staat de teller op 45 procent van het jaardoel van 310 miljoen dollar.",
         310e6, "trade_turnover"},
        {"en",
         "Exports rose to 100 million USD. Imports fell to 40 million USD. That is 45 percent of "
         "the annual goal of 310 million USD.",
         310e6, "trade_turnover"},
        /* not fired */
        {"en", "Trade reached 5 billion USD, of which exports were 3 billion USD.", 3e9, "exports"},
        {"nl",
         "De uitvoer steeg tot 100 miljoen dollar. Daarmee is 40 procent van het jaardoel van 250 "
         "miljoen dollar gehaald.",
         250e6, "exports"},
    };
    expect_kinds(cases, sizeof cases / sizeof cases[0]);
}

/* Money put into something in every language: a verb of putting and the preposition of
 * "into" after the amount ("a injecté ... dans", "wpompowała ... w", "pumpade in ... i",
 * "pompte ... in", "bo ra ... xay dung"), and what a project cost or what was spent on it
 * in Chinese ("耗资", "斥资"); not an amount followed by a time ("in het eerste kwartaal",
 * "w pierwszym kwartale", "i september"). */
static void putting_money_in_every_language(void **state)
{
    (void)state;
    static const kind_case cases[] = {
        {"fr", "La province a injecté 300 millions de yuans dans la zone logistique.", 3e8,
         "investment"},
        {"pl", "Prowincja wpompowała 300 mln juanów w strefę logistyczną.", 3e8, "investment"},
        {"sv", "Provinsen pumpade in 300 miljoner yuan i logistikzonen.", 3e8, "investment"},
        {"nl", "De provincie pompte 300 miljoen yuan in de logistieke zone.", 3e8, "investment"},
        {"vi", "Tỉnh bỏ ra 300 tỷ đồng xây dựng bãi hàng.", 3e11, "investment"},
        {"zh", "该市斥资3亿元建设物流园。", 3e8, "investment"},
        {"zh", "该项目耗资3亿元。", 3e8, "investment"},
        /* not fired */
        {"nl", "De provincie pompte de handel op tot 300 miljoen dollar in het eerste kwartaal.",
         3e8, "trade_turnover"},
        {"pl", "Eksport wyniósł 300 mln USD w pierwszym kwartale.", 3e8, "exports"},
        {"sv", "Exporten uppgick till 300 miljoner USD i september.", 3e8, "exports"},
    };
    expect_kinds(cases, sizeof cases / sizeof cases[0]);
}

/* A goal said in a clause before the amount's own, which opens with a word of time or
 * contrast ("hoping to keep fruit moving, as trade reached", "terwijl", "khi"), is no
 * goal of the amount; a goal in its own clause, or one the amount's clause goes on with
 * ("hopes, as demand grows, to lift trade to"), stays. */
static void goals_of_another_clause(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
        int target;
    } cases[] = {
        {"en",
         "The sides agreed to extend clearance hours, hoping to keep fruit moving, as trade "
         "reached 640 million USD in the first quarter.",
         640e6, 0},
        {"nl",
         "De provincie wil de handel verder opvoeren, terwijl die vorig jaar 3 miljard dollar "
         "bereikte.",
         3e9, 0},
        {"vi", "Tỉnh phấn đấu tăng kim ngạch, khi năm ngoái đạt 3 tỷ USD.", 3e9, 0},
        /* not fired */
        {"en", "The province hopes, as demand grows, to lift trade to 5 billion USD.", 5e9, 1},
        {"en", "The province aims to reach 5 billion USD, as it did last year.", 5e9, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2024-10-15", cases[i].text);
        if (fig(&x, cases[i].value)->target != cases[i].target)
            fail_msg("%s: target %d", cases[i].text, fig(&x, cases[i].value)->target);
        bc_extraction_free(&x);
    }
}

/* Dutch verbs of spending after the amount, past a restatement: an infinitive with "te"
 * ("te steken in", "uit te trekken"), a verb with its preposition ("investeren in"), a
 * verb ending the clause after what the money went into ("in kades gestoken"), a verb split
 * around it ("trekt ... uit voor", "maakt ... vrij voor", "gaf ... uit aan"), a particle
 * before a purpose of building ("stelt ... beschikbaar voor de renovatie"); the infinitive
 * and setting aside are plans. Not money put into the state's coffers, a verb of another
 * clause, money made available for relief. */
static void dutch_verbs_of_spending_after_it(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double value;
        const char *metric;
        int target;
    } cases[] = {
        {"Hekou maakte bekend 90 miljoen yuan te steken in een nieuwe vrachtterminal.", 90e6,
         "investment", 1},
        {"Lang Son besloot 120 miljard dong, circa 4,6 miljoen euro, uit te trekken voor een "
         "parkeerterrein.",
         120e9, "investment", 1},
        {"Lang Son besloot 120 miljard dong, circa 4,6 miljoen euro, uit te trekken voor een "
         "parkeerterrein.",
         4.6e6, "investment", 1},
        {"Quang Ninh wil de komende twee jaar 700 miljard dong, ruim 27 miljoen dollar, "
         "investeren in een nieuwe kade.",
         700e9, "investment", 1},
        {"Guangxi heeft sinds 2020 ongeveer 6 miljard yuan, omgerekend 780 miljoen euro, in "
         "havens en snelwegen langs de grens gestoken.",
         6e9, "investment", 0},
        {"Guangxi heeft sinds 2020 ongeveer 6 miljard yuan, omgerekend 780 miljoen euro, in "
         "havens en snelwegen langs de grens gestoken.",
         780e6, "investment", 0},
        {"Daarnaast trekt Cao Bang volgens de gouverneur 95 miljard dong (ruim 3,6 miljoen "
         "dollar) uit voor een nieuwe toegangsweg.",
         95e9, "investment", 1},
        {"Mong Cai stak vorig jaar 300 miljard dong, ongeveer 12 miljoen dollar, in kades.", 12e6,
         "investment", 0},
        /* "gaat ... investeren": what it is going to spend */
        {"Yunnan gaat 3 miljard yuan investeren in een spoorlijn.", 3e9, "investment", 1},
        {"Yunnan gaat 3 miljard yuan in een spoorlijn steken.", 3e9, "investment", 1},
        {"Yunnan heeft 3 miljard yuan geïnvesteerd in een spoorlijn.", 3e9, "investment", 0},
        /* the particle of another verb of spending: "maakt ... vrij", "gaf ... uit aan",
         * "stelt ... beschikbaar voor de renovatie"; reserving, what building "gemoeid" is */
        {"Hekou maakt 70 miljoen yuan vrij voor een nieuwe brug.", 70e6, "investment", 0},
        {"Guangxi gaf 2 miljard yuan uit aan wegen naar de grens.", 2e9, "investment", 0},
        {"Hanoi stelt 70 miljoen yuan beschikbaar voor de renovatie van de grenspost.", 70e6,
         "investment", 0},
        {"Cao Bang reserveert 250 miljard dong voor de weg.", 250e9, "investment", 0},
        {"Met de bouw van de terminal is 45 miljoen euro gemoeid.", 45e6, "investment", 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run("nl", "2024-10-15", cases[k].text);
        const bc_xfigure *f = fig(&x, cases[k].value);
        if (strcmp(f->metric, cases[k].metric) != 0 || f->target != cases[k].target)
            fail_msg("%s: %.0f metric '%s' target %d", cases[k].text, cases[k].value, f->metric,
                     f->target);
        bc_extraction_free(&x);
    }
    /* not fired: into the coffers, a verb of another clause */
    bc_extraction x = run("nl", "2024-10-15",
                          "De douane inde 500 miljard dong aan heffingen, die in de staatskas "
                          "werden gestoken.");
    assert_string_equal(fig(&x, 500e9)->metric, "budget_revenue");
    bc_extraction_free(&x);
    x = run("nl", "2024-10-15",
            "De export bereikte 3 miljard dollar, zodat de provincie meer kan investeren in "
            "wegen.");
    assert_string_equal(fig(&x, 3e9)->metric, "exports");
    bc_extraction_free(&x);
    x = run("nl", "2024-10-15", "De provincie ontving 40 miljoen dollar in de staatskas gestoken.");
    assert_string_not_equal(fig(&x, 40e6)->metric, "investment");
    bc_extraction_free(&x);
    /* money made available for relief is no investment */
    x = run("nl", "2024-10-15", "China stelt 4 miljoen yuan beschikbaar voor noodhulp.");
    assert_string_not_equal(fig(&x, 4e6)->metric, "investment");
    bc_extraction_free(&x);
}

/* English verbs of spending after the amount, auxiliaries between ("Some 200 billion VND
 * has gone into roads", "has been invested in"), when no measure is named before it; not
 * goods that went to China, nor trade that "went into decline". */
static void english_verbs_of_spending_after_it(void **state)
{
    (void)state;
    static const kind_case cases[] = {
        {"en", "Some 200 billion VND has gone into roads and parking yards at the gate.", 200e9,
         "investment"},
        {"en", "About 40 million USD (990 billion VND) has been invested in the zone.", 40e6,
         "investment"},
        /* not fired */
        {"en", "Goods worth 40 million USD went to China.", 40e6, "trade_turnover"},
        {"en", "Trade of 40 million USD went into decline.", 40e6, "trade_turnover"},
    };
    expect_kinds(cases, sizeof cases / sizeof cases[0]);
}

/* Outsider 14's recheck, N5: signed contracts named with their kind of trade right after
 * the noun ("hop dong thuong mai", "contrats d'exportation") or in one compound
 * ("handelscontracten", "handelsavtal") are deals, a commitment (money_other, a goal), not
 * trade that took place; a flow named after the signing and its comma, or after "and", is
 * that flow. "doanh nghiep hai tinh Lao Cai va Van Nam": a count of provinces of both
 * sides, as many as it names, is of those named: both are parties, no partial group. */
static void contracts_of_a_kind_of_trade_are_deals(void **state)
{
    (void)state;
    static const kind_case cases[] = {
        {"vi",
         "Doanh nghiệp Lào Cai và Vân Nam đã ký kết 12 hợp đồng thương mại với tổng trị giá 40 "
         "triệu USD.",
         40e6, "other"},
        {"vi", "Hai bên đã ký kết hợp đồng xuất khẩu trị giá 20 triệu USD.", 20e6, "other"},
        {"fr",
         "Les entreprises ont signé des contrats d'exportation d'une valeur de 30 millions de "
         "dollars.",
         30e6, "other"},
        {"nl", "De bedrijven sloten handelscontracten ter waarde van 30 miljoen dollar.", 30e6,
         "other"},
        {"sv", "Företagen tecknade handelsavtal värda 30 miljoner dollar.", 30e6, "other"},
        /* a flow after the signing */
        {"vi", "Hai bên đã ký kết hợp đồng, xuất khẩu đạt 20 triệu USD.", 20e6, "exports"},
        {"en", "Firms signed contracts and exports reached $120m.", 120e6, "exports"},
        {"nl", "De handel bereikte 30 miljoen dollar.", 30e6, "trade_turnover"},
    };
    expect_kinds(cases, sizeof cases / sizeof cases[0]);
    bc_extraction x = run("vi", NULL,
                          "Tại hội chợ, doanh nghiệp hai tỉnh Lào Cai và Vân Nam đã ký kết 15 hợp "
                          "đồng thương mại với tổng trị giá 50 triệu USD.");
    const bc_xfigure *f = fig(&x, 50e6);
    assert_string_equal(f->metric, "other");
    assert_true(f->target);
    assert_int_equal(f->nparties, 2);
    assert_int_equal(f->parties_partial, 0);
    bc_extraction_free(&x);
    /* negative: two provinces of one side named beside a count of the other's */
    x = run("zh", NULL, "云南省与越南四省贸易额达20亿美元。");
    f = fig(&x, 2e9);
    assert_int_equal(f->nparties, 0);
    assert_int_not_equal(f->parties_partial, 0);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(investing_governs_the_amount),
        cmocka_unit_test(putting_money_in_every_language),
        cmocka_unit_test(flows_named_after_the_amount),
        cmocka_unit_test(the_worth_of_contraband),
        cmocka_unit_test(deals_signed_are_no_trade),
        cmocka_unit_test(parts_and_goals_take_their_whole),
        cmocka_unit_test(goals_of_another_clause),
        cmocka_unit_test(dutch_verbs_of_spending_after_it),
        cmocka_unit_test(english_verbs_of_spending_after_it),
        cmocka_unit_test(contracts_of_a_kind_of_trade_are_deals),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
