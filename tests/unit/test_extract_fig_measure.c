/* test_extract_fig_measure.c: what an amount of money measures (extract_fig_measure.c):
 * a thing's worth, spending or collection said away from the amount, an amount after
 * "and" with another verb about building. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* One sentence, the amount in it, what it measures and whether it is a goal. */
typedef struct measure_case {
    const char *lang, *text;
    double value;
    const char *metric;
    int target;
} measure_case;

static void expect_measures(const measure_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bc_extraction x = run(cases[i].lang, "2025-06-10", cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (strcmp(f->metric, cases[i].metric) != 0 || f->target != cases[i].target)
            fail_msg("%s: metric '%s' target %d", cases[i].text, f->metric, f->target);
        bc_extraction_free(&x);
    }
}

/* What a thing is worth: the goods or the flow named before it (across one comma, the
 * thing's description), a project's cost when building or upgrading is named with it,
 * else other (equipment handed over, a cargo); never what the worth of goods is. */
static void what_a_thing_is_worth(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"en", "The county handed over farm machinery worth 3 million USD.", 3e6, "other", 0},
        {"en", "Goods cleared at the gate were worth 45 million USD.", 45e6, "trade_turnover", 0},
        {"en", "Exports of fresh fruit worth 20 million USD left the yard.", 20e6, "exports", 0},
        {"en", "Traders shipped 80 million USD worth of goods.", 80e6, "trade_turnover", 0},
        {"fr", "La ville a offert des ordinateurs d'une valeur de 200.000 yuans à l'école.", 2e5,
         "other", 0},
        {"nl", "De stad schonk apparatuur ter waarde van 1 miljoen dollar.", 1e6, "other", 0},
        {"pl", "Ruszyła modernizacja wartej 40 mln juanów drogi dojazdowej.", 40e6, "investment",
         0},
        {"pl", "Gmina otrzymała sprzęt wart 2 mln juanów.", 2e6, "other", 0},
        {"sv", "Kommunen skänkte utrustning till ett värde av 2 miljoner USD.", 2e6, "other", 0},
        {"vi", "Tỉnh đã trao tặng trang thiết bị y tế trị giá 1 tỷ đồng.", 1e9, "other", 0},
        {"vi", "Lô hàng xuất khẩu gồm 30 tấn vải, trị giá 50.000 USD.", 5e4, "exports", 0},
        {"zh", "该市向对方捐赠了价值300万元的医疗设备。", 3e6, "other", 0},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
}

/* Spending, cost and collection said away from the amount: a Dutch verb last in the
 * clause ("... voor de weg uitgetrokken", "... aan rechten en belastingen"), a verb of
 * cost ("kostte", "devrait coûter") before it, raising funds ("mobiliser") for a road, an
 * estimate of what building costs ("dont la section nord est estimée à"); a goal set in a
 * relative clause after the amount; a future tense only in the amount's own clause. */
static void spending_said_away_from_the_amount(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"nl", "De bouw van het nieuwe douanegebouw kostte 90 miljard dong.", 90e9, "investment",
         0},
        {"nl", "De provincie heeft 40 miljoen yuan voor de nieuwe weg uitgetrokken.", 40e6,
         "investment", 1},
        {"nl", "De haven inde vorig jaar 300 miljard dong aan rechten en belastingen.", 300e9,
         "budget_revenue", 0},
        {"fr", "La province prévoyait de mobiliser 900 milliards de dôngs pour le nouveau pont.",
         900e9, "investment", 1},
        {"fr",
         "Ils accélèrent la modernisation du poste, dont la première tranche devrait coûter 60 "
         "milliards de dôngs.",
         60e9, "investment", 1},
        {"fr",
         "Ils accélèrent la rénovation de la route, dont la section nord est estimée à 75 "
         "milliards de dôngs.",
         75e9, "investment", 1},
        {"fr", "Les importations de machines ont coûté 20 millions de dollars.", 20e6, "imports",
         0},
        {"nl",
         "De handel bedroeg 900 miljard dong, minder dan de 1.000 miljard dong die het bestuur "
         "als doel had gesteld.",
         1e12, "trade_turnover", 1},
        {"en",
         "Trade reached 2 billion USD, short of the 2.5 billion USD that the province had set "
         "as its target.",
         2.5e9, "trade_turnover", 1},
        {"en", "Trade reached 2 billion USD, up from the 1.8 billion USD that it reached before.",
         1.8e9, "trade_turnover", 0},
        {"pl", "Władze spodziewają się, że obroty przekroczą 2 mld USD.", 2e9, "trade_turnover", 1},
        {"zh", "双方将加快口岸建设，项目总投资约3亿元。", 3e8, "investment", 0},
        {"zh", "双方将投资3亿元建设口岸。", 3e8, "investment", 1},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
}

/* "And" with another verb about building: the amount after it is what that costs, and a
 * date across it is the project's, not the investment's period ("earmarked ... for a
 * bridge and plans to open it by 2026", "va se khoi cong trong nam 2027", "并将于2026年开
 * 工"); a date in the investment's own clause stays its period. */
static void a_project_after_and(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
    } cases[] = {
        {"fr",
         "Les deux villes visent 4 milliards de dollars d'échanges en 2026 et accélèrent "
         "l'aménagement du parc logistique (1.500 milliards de dôngs).",
         1.5e12},
        {"en",
         "The district has earmarked 90 billion VND for a bridge and plans to open it by the end "
         "of 2026.",
         90e9},
        {"vi",
         "Giai đoạn 2 của dự án nâng cấp cửa khẩu dự kiến cần thêm 200 tỷ đồng và sẽ khởi công "
         "trong năm 2027.",
         200e9},
        {"zh", "该项目总投资5亿元，并将于2026年开工。", 5e8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2025-02-01", cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (strcmp(f->metric, "investment") != 0 || f->period[0] != '\0')
            fail_msg("%s: metric '%s' period '%s'", cases[i].text, f->metric, f->period);
        bc_extraction_free(&x);
    }
    bc_extraction x =
        run("fr", "2025-02-01",
            "Les deux villes visent 4 milliards de dollars d'échanges en 2026 et "
            "accélèrent l'aménagement du parc logistique (1.500 milliards de dôngs).");
    assert_fig(fig(&x, 4e9), "trade_turnover", "USD", "exact", "2026");
    bc_extraction_free(&x);
    x = run("en", "2025-02-01", "The city invested 90 billion VND in the bridge in 2024.");
    assert_fig(fig(&x, 90e9), "investment", "VND", "exact", "2024");
    bc_extraction_free(&x);
}

/* An amount that names no measure after a turnover broken down into exports and imports
 * is a share of the turnover, not of the flow named last, with or without a reference. */
static void a_share_after_both_flows(void **state)
{
    (void)state;
    const char *t = "Title\n\nTrade between the four provinces and Yunnan reached 3.2 billion "
                    "USD in the first half of the year. Of this, exports reached 1.7 billion USD "
                    "and imports 1.5 billion USD. Ha Giang alone accounted for $600 million in "
                    "the six months.";
    const char *refs[] = {NULL, "2025-07-10"};
    for (size_t k = 0; k < 2; k++) {
        bc_extraction x = run("en", refs[k], t);
        assert_string_equal(fig(&x, 1.5e9)->metric, "imports");
        assert_string_equal(fig(&x, 6e8)->metric, "trade_turnover");
        assert_true(fig(&x, 6e8)->metric_inferred);
        bc_extraction_free(&x);
    }
}

/* Dutch amounts whose measure or goal is said by words the verb-last order puts after
 * them, or by nouns of their own: an infinitive with "te" that spends it (a plan, whatever
 * follows the verb), a goal set after it ("ten doel gesteld"), capital registered, the
 * treasury's income from trade (revenue, not the trade), counting or staking on an amount;
 * "mrd" for a billion. A goal word past "en" is another clause's. */
static void dutch_words_after_the_amount(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"nl", "Het district wil 30 miljoen yuan te investeren in een nieuwe opslagloods.", 30e6,
         "investment", 1},
        {"nl", "De stad zegt 12 miljoen yuan te zullen uittrekken voor een parkeerterrein.", 12e6,
         "investment", 1},
        {"nl", "Het bedrijf heeft 12 miljoen yuan in een parkeerterrein geïnvesteerd.", 12e6,
         "investment", 0},
        {"nl", "Voor 2026 heeft de stad zich een omzet van 3 miljard dollar ten doel gesteld.", 3e9,
         "trade_turnover", 1},
        {"nl", "De omzet bedroeg 3 miljard dollar en het doel ligt nog hoger.", 3e9,
         "trade_turnover", 0},
        {"nl", "Het park telt tien projecten met 400 miljard dong aan geregistreerd kapitaal.",
         400e9, "investment", 0},
        {"nl", "De inkomsten voor de schatkist uit de in- en uitvoer bedroegen 900 miljard dong.",
         900e9, "budget_revenue", 0},
        {"nl", "Volgend jaar rekenen wij op meer dan 2 miljard dollar aan grenshandel.", 2e9,
         "trade_turnover", 1},
        {"nl", "De stad zette voor het hele jaar in op een handel van 4 miljard dollar.", 4e9,
         "trade_turnover", 1},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
    bc_extraction x = run("nl", NULL, "Kunming en Hanoi halen handel van $3,4 mrd");
    assert_string_equal(fig(&x, 3.4e9)->unit, "USD");
    bc_extraction_free(&x);
    x = run("nl", NULL, "De handel bereikte 2 miljard dollar, een plus van 4,5 procent.");
    const bc_xfigure *f = fig(&x, 2e9);
    assert_true(f->has_change);
    assert_true(f->change_pct > 4.49 && f->change_pct < 4.51);
    bc_extraction_free(&x);
}

/* Where the words for a flow stand around the amount: one word between a link and its cue
 * ("in declared trade", "aan Vietnamese goederen") but never a relative ("of which"), the
 * flow of goods a Dutch verb names (before the amount, or after the goods: "voerde ... in",
 * "uitgevoerd"), two flows joined by "and" (turnover), the cue after the amount before
 * (that amount's, not the next's), a noun of something built before "van", "de", "pa" or
 * (English) right after the amount (its cost; a credit line is none), money a sentence about
 * tourists names no measure for (other). */
static void flows_and_nouns_around_the_amount(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"en", "The city is aiming for 6 billion USD in cleared trade.", 6e9, "trade_turnover", 1},
        {"en", "Trade hit 5 billion USD of which exports made up most.", 5e9, "trade_turnover", 0},
        {"en", "Goods imported and exported through the gate reached 4 billion USD.", 4e9,
         "trade_turnover", 0},
        {"en", "Imports slowed and exports reached 3 billion USD.", 3e9, "exports", 0},
        {"en", "The town hosted 90,000 visitors and earned 12 million USD from them.", 12e6,
         "other", 0},
        {"en", "The gate saw 2 million visitors and trade of 5 billion USD.", 5e9, "trade_turnover",
         0},
        {"nl", "Hanoi voerde vorig jaar voor 700 miljoen dollar aan Chinese machines in.", 700e6,
         "imports", 0},
        {"nl", "Hanoi voerde vorig jaar voor 700 miljoen dollar aan Chinese goederen in.", 700e6,
         "imports", 0},
        {"nl", "Via de haven werd voor 2 miljard dollar aan verse goederen uitgevoerd.", 2e9,
         "exports", 0},
        {"nl", "Via de grens ging voor 3 miljard dollar aan goederen.", 3e9, "trade_turnover", 0},
        {"nl", "Cao Bang exporteerde vorig jaar voor 80 miljoen dollar aan goederen.", 80e6,
         "exports", 0},
        {"nl",
         "Cao Bang exporteerde voor 80 miljoen dollar aan goederen, Ha Giang voor 30 miljoen "
         "dollar.",
         30e6, "exports", 0},
        {"nl",
         "De handel bedroeg 4 miljard dollar; 1 miljard dollar daarvan was Vietnamese export.", 1e9,
         "exports", 0},
        {"nl", "De nieuwe brug kost 50 miljard dong.", 50e9, "investment", 0},
        {"nl", "Guangxi opende een spoorlijn van ruim 9 miljard yuan.", 9e9, "investment", 0},
        {"nl", "Het project trok handel van 3 miljard dollar aan.", 3e9, "trade_turnover", 0},
        {"fr", "Guangxi a lancé un chantier de 900 millions de yuans.", 900e6, "investment", 0},
        {"sv", "Provinsen startade ett projekt på 200 miljoner dollar.", 200e6, "investment", 0},
        {"en", "The province approved a 90 million USD upgrade of the gate.", 90e6, "investment",
         0},
        {"en", "Guangxi opened the 2 billion yuan expressway last year.", 2e9, "investment", 0},
        {"en", "The bank signed a 90 million USD credit line.", 90e6, "", 0},
        /* French adjectives follow the noun: "de fruits frais" are no fees */
        {"fr", "Lao Cai a exporté 40 millions de dollars de fruits frais.", 40e6, "exports", 0},
        {"en", "The town earned 30 billion VND from tourism in May.", 30e9, "other", 0},
        {"nl",
         "Er werd voor 3 miljard dollar aan goederen ingevoerd en voor 2 miljard dollar "
         "uitgevoerd.",
         2e9, "exports", 0},
        {"nl", "De stad ontving 50.000 toeristen, die er 20 miljoen dollar uitgaven.", 20e6,
         "other", 0},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
    bc_extraction x = run("en", NULL, "Lao Cai ends a near-$2.5b trade year");
    assert_true(fig(&x, 2.5e9) != NULL);
    bc_extraction_free(&x);
}

/* Goals and plans said around the amount: a proposal or a call to raise a figure ("proposed
 * lifting", "op te voeren tot"), a planned investment ("geplande investering"), a noun of
 * a goal right after the amount ("the 7 billion USD target", "目标"), an estimate of what
 * the sentence says is funded after it; a figure reached is none of these. */
static void goals_and_plans_around_the_amount(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"en", "The minister proposed lifting two-way trade to 7 billion USD soon.", 7e9,
         "trade_turnover", 1},
        {"en", "Trade is growing toward the 7 billion USD target.", 7e9, "trade_turnover", 1},
        {"en", "Two-way trade reached 7 billion USD, the minister said.", 7e9, "trade_turnover", 0},
        {"en", "The new bridge has been estimated at 40 million USD, to be funded by the province.",
         40e6, "investment", 1},
        {"en", "Exports were estimated at 40 million USD last month.", 40e6, "exports", 0},
        {"nl", "De minister riep op de handel op te trekken tot 6 miljard dollar.", 6e9,
         "trade_turnover", 1},
        {"nl", "Er is een geplande investering van 300 miljoen yuan in de haven.", 300e6,
         "investment", 1},
        {"zh", "双方推动贸易额向80亿美元目标迈进。", 8e9, "trade_turnover", 1},
        {"zh", "双方贸易额达80亿美元。", 8e9, "trade_turnover", 0},
        /* an intention to raise a figure, a forecast with a modal */
        {"en", "The two sides hope to lift trade to 9 billion USD by 2030.", 9e9, "trade_turnover",
         1},
        {"en", "Trade could reach 9 billion USD next year, officials said.", 9e9, "trade_turnover",
         1},
        {"en", "Trade rose 5 percent to reach 9 billion USD last year.", 9e9, "trade_turnover", 0},
        {"nl", "Beide kanten willen de handel opvoeren tot 9 miljard dollar.", 9e9,
         "trade_turnover", 1},
        {"nl", "De handel moet volgend jaar 9 miljard dollar bereiken.", 9e9, "trade_turnover", 1},
        {"nl", "De handel liep vorig jaar op tot 9 miljard dollar.", 9e9, "trade_turnover", 0},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
}

/* Dutch verbs split around the amount ("voerde ... uit naar", "trekt ... uit voor", "stak
 * ... in"), bought and sold, what building "vergde", and loans and aid (other); a verb
 * whose particle stands elsewhere ("voerde gesprekken ... in de regio") is no flow. Money
 * set aside ("trekt ... uit voor") is a plan, as "uitgetrokken" is. */
static void dutch_split_verbs_and_other_money(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"nl", "Laos voerde voor 90 miljoen dollar aan rubber uit naar Yunnan.", 90e6, "exports",
         0},
        {"nl", "Guangxi trekt 400 miljoen yuan uit voor de nieuwe terminal.", 400e6, "investment",
         1},
        {"nl", "Yunnan stak 2 miljard yuan in het grenspark.", 2e9, "investment", 0},
        {"nl", "Yunnan kocht voor 60 miljoen dollar aan Vietnamese cassave.", 60e6, "imports", 0},
        {"nl", "De aanleg van de weg vergde 500 miljard dong.", 500e9, "investment", 0},
        {"nl", "China verstrekte een lening van 80 miljoen dollar.", 80e6, "other", 0},
        {"nl", "De rijstexport bracht 70 miljoen dollar op.", 70e6, "exports", 0},
        {"nl", "De fruitimport kostte China 70 miljoen dollar.", 70e6, "imports", 0},
        {"nl", "Nanning stuurde noodhulp ter waarde van 1 miljoen yuan.", 1e6, "other", 0},
        {"nl", "De delegatie voerde gesprekken over 3 miljard dollar aan handel in de regio.", 3e9,
         "trade_turnover", 0},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
}

/* Words for flows and spending around the amount: duties and taxes ("税款"), shipments,
 * commerce, money poured or pumped into a thing, a price tag; what tourists spend is other,
 * not an investment. */
static void english_words_for_flows_and_spending(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"en", "Customs took VND 800 billion in duties.", 800e9, "budget_revenue", 0},
        {"en", "Shipments through the gate totalled 6 billion USD.", 6e9, "trade_turnover", 0},
        {"en", "Two-way commerce hit 6 billion USD.", 6e9, "trade_turnover", 0},
        {"en", "Guangxi poured 3 billion yuan into the new port.", 3e9, "investment", 0},
        {"en", "The bridge carries a price tag of 9 trillion VND.", 9e12, "investment", 0},
        {"en", "Chinese tourists spent 400 billion VND in Mong Cai.", 400e9, "other", 0},
        {"en", "The province spent 400 billion VND on roads for tourists.", 400e9, "investment", 0},
        {"zh", "海关共征收税款12亿元。", 12e8, "budget_revenue", 0},
        /* the worth of a structure named with it is what it cost */
        {"en", "The logistics centre, worth 2 billion yuan, opened in May.", 2e9, "investment", 0},
        {"en", "The county handed over trucks, worth 2 million yuan, in May.", 2e6, "other", 0},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
}

/* A list said "respectively" gives each amount the measure named in its place ("exports and
 * imports ... 3 billion and 2 billion USD respectively", "分别"), the first amount of "3
 * miljard en 2 miljard dollar" in the currency of the second; without "respectively" the
 * pair is turnover, and Dutch "en" or Polish "i" is no link to the next measure. */
static void measures_of_a_list(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"en", "Exports and imports stood at 4 billion and 1 billion USD respectively.", 4e9,
         "exports", 0},
        {"en", "Exports and imports stood at 4 billion and 1 billion USD respectively.", 1e9,
         "imports", 0},
        {"nl", "De uitvoer en invoer bedroegen respectievelijk 4 miljard en 1 miljard dollar.", 4e9,
         "exports", 0},
        {"zh", "出口和进口分别为40亿美元和10亿美元。", 1e9, "imports", 0},
        {"en", "Imports and exports reached 4 billion USD.", 4e9, "trade_turnover", 0},
        {"nl", "De uitvoer bedroeg 4 miljard dollar en de invoer 1 miljard dollar.", 4e9, "exports",
         0},
        {"pl", "Eksport wyniósł 4 mld USD i import 1 mld USD.", 4e9, "exports", 0},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
    bc_extraction x = run("en", NULL, "Trade was 4 billion and 1 billion USD in two years.");
    assert_string_equal(fig(&x, 4e9)->unit, "USD");
    bc_extraction_free(&x);
    x = run("en", NULL, "The two cities have 4 million people and 1 billion USD in trade.");
    assert_false(has_fig(&x, 4e6));
    bc_extraction_free(&x);
}

/* A goal said as an ambition or a doubling ("spraken de ambitie uit om de handel te
 * verdubbelen, tot", "the ambition of", "doubler", "podwoic", "fordubbla") and an
 * investment put by estimates ("Preliminary estimates put the investment at") are goals;
 * an ambitious project's cost is none. */
static void ambitions_and_estimates(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"nl",
         "De twee steden spraken de ambitie uit om de handel te verdubbelen, tot 4 miljard "
         "dollar.",
         4e9, "trade_turnover", 1},
        {"en", "The two provinces share the ambition of 4 billion USD in trade by 2030.", 4e9,
         "trade_turnover", 1},
        {"fr", "Les deux villes veulent doubler les échanges, à 4 milliards de dollars.", 4e9,
         "trade_turnover", 1},
        {"pl", "Prowincje chcą podwoić obroty handlowe do 4 mld USD.", 4e9, "trade_turnover", 1},
        {"sv", "Provinserna vill fördubbla handeln till 4 miljarder dollar.", 4e9, "trade_turnover",
         1},
        {"en", "Early estimates put the investment for the bridge at 900 million yuan.", 900e6,
         "investment", 1},
        /* not fired: the cost of an ambitious project, trade estimates gave */
        {"en", "The ambitious bridge project cost 900 million yuan.", 900e6, "investment", 0},
        {"en", "Estimates show trade reached 4 billion USD last year.", 4e9, "trade_turnover", 0},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
}

/* An amount restated in another currency after the words of what it measures ("8.000
 * miljard dong aan heffingen op in- en uitvoer, omgerekend circa 320 miljoen euro") is the
 * same amount: its measure, not the nearest cue's; a clause of its own is not. */
static void a_restatement_after_the_amounts_cue(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"nl",
         "De douane inde 900 miljard dong aan heffingen op in- en uitvoer, omgerekend circa 35 "
         "miljoen euro.",
         35e6, "budget_revenue", 0},
        {"en",
         "Customs collected 900 billion VND in duties on imports and exports, equivalent to "
         "about 35 million USD.",
         35e6, "budget_revenue", 0},
        /* not fired: a clause of its own, no restating word */
        {"nl",
         "De douane inde 900 miljard dong aan heffingen op in- en uitvoer, en de export "
         "bereikte 35 miljoen euro.",
         35e6, "exports", 0},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
}

/* "is going to invest" and a headline's "eye" are plans; "costing" is what a thing cost,
 * its opening date no period of the amount; goods "going to China" are no plan. */
static void english_going_to_and_costing(void **state)
{
    (void)state;
    static const measure_case cases[] = {
        {"en", "Yunnan is going to invest 3 billion yuan in a new railway.", 3e9, "investment", 1},
        {"en", "The railway, costing 3 billion yuan, opened in May.", 3e9, "investment", 0},
        {"en", "Exports going to China reached 3 billion USD.", 3e9, "exports", 0},
        /* a headline's "eye": a goal */
        {"en", "Lao Cai, Hekou eye US$1bln in trade", 1e9, "trade_turnover", 1},
    };
    expect_measures(cases, sizeof cases / sizeof cases[0]);
    bc_extraction x =
        run("en", "2025-06-10", "The railway, costing 3 billion yuan, opened in May.");
    assert_string_equal(fig(&x, 3e9)->period, "");
    bc_extraction_free(&x);
}

/* S1-3 of analyst15: a flow's second amount in its own sentence ("a 1,2 M$ pour X et a 1,4
 * milliard de dollars au total") is more of that flow, in every language, never the
 * turnover the sentence before told, and the amount before a total is a part of it (not
 * the flow, never stored); a goal after a turnover and its parts stays the whole's. */
static void a_flows_coordinated_amounts(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double total;
    } cases[] = {
        {"en",
         "Trade between Cao Bang and Guangxi reached 4.5 billion USD in 2025. Exports from Cao "
         "Bang to Guangxi reached 2.2 million USD for dried fruit and 1.6 billion USD in total, "
         "while imports came to 2.9 billion USD.",
         1.6e9},
        {"fr",
         "Les échanges entre Cao Bang et le Guangxi ont atteint 4,5 Md$ en 2025. Les "
         "exportations de Cao Bang vers le Guangxi se sont élevées à 2,2 M$ pour les fruits "
         "secs et à 1,6 milliard de dollars au total, tandis que les importations ont atteint "
         "2,9 milliards de dollars.",
         1.6e9},
        {"nl",
         "De handel tussen Cao Bang en Guangxi bedroeg 4,5 miljard dollar in 2025. De export van "
         "Cao Bang naar Guangxi bedroeg 2,2 miljoen dollar voor gedroogd fruit en 1,6 miljard "
         "dollar in totaal, terwijl de import 2,9 miljard dollar bedroeg.",
         1.6e9},
        {"sv",
         "Handeln mellan Cao Bang och Guangxi uppgick till 4,5 miljarder dollar 2025. Exporten "
         "från Cao Bang till Guangxi uppgick till 2,2 miljoner dollar för torkad frukt och 1,6 "
         "miljarder dollar totalt, medan importen uppgick till 2,9 miljarder dollar.",
         1.6e9},
        {"pl",
         "Obroty między Cao Bang a Kuangsi wyniosły 4,5 mld USD w 2025 r. Eksport z Cao Bang do "
         "Kuangsi wyniósł 2,2 mln USD dla suszonych owoców i łącznie 1,6 mld USD, podczas gdy "
         "import wyniósł 2,9 mld USD.",
         1.6e9},
        {"vi",
         "Kim ngạch thương mại giữa Cao Bằng và Quảng Tây đạt 4,5 tỷ USD năm 2025. Xuất khẩu "
         "của Cao Bằng sang Quảng Tây đạt 2,2 triệu USD đối với trái cây sấy và tổng cộng 1,6 "
         "tỷ USD, trong khi nhập khẩu đạt 2,9 tỷ USD.",
         1.6e9},
        {"zh",
         "2025年，高平与广西贸易额达45亿美元。高平对广西出口干果220万美元，总计16亿美元，进口29亿美"
         "元。",
         1.6e9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].total);
        if (f == NULL || strcmp(f->metric, "exports") != 0)
            fail_msg("%s: the total is '%s', want exports", cases[i].text,
                     f != NULL ? f->metric : "(none)");
        assert_string_equal(fig(&x, 4.5e9)->metric, "trade_turnover");
        assert_string_equal(fig(&x, 2.9e9)->metric, "imports");
        if (!fig(&x, 2.2e6)->part || f->part || fig(&x, 2.9e9)->part || fig(&x, 4.5e9)->part)
            fail_msg("%s: the part before the total is not the only part", cases[i].text);
        bc_extraction_free(&x);
    }
    /* no total after it, or a total of another flow: no part */
    static const struct {
        const char *lang, *text;
        double value;
    } whole[] = {
        {"en",
         "Exports from Cao Bang to Guangxi reached 1.6 billion USD in 2025 and 1.4 billion "
         "USD in 2024.",
         1.6e9},
        {"en",
         "Exports from Cao Bang to Guangxi reached 1.6 billion USD in 2025, while imports "
         "came to 2.9 billion USD in total.",
         1.6e9},
        {"fr",
         "Les exportations ont atteint 1,6 milliard de dollars en 2025, et les importations "
         "2,9 milliards de dollars au total.",
         1.6e9},
        {"zh", "2025年，高平对广西出口16亿美元，进口总计29亿美元。", 1.6e9},
    };
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        bc_extraction x = run(whole[i].lang, NULL, whole[i].text);
        const bc_xfigure *f = fig(&x, whole[i].value);
        if (f == NULL || f->part || strcmp(f->metric, "exports") != 0)
            fail_msg("%s: the flow is no part", whole[i].text);
        bc_extraction_free(&x);
    }
    /* a goal after a turnover and its parts is still the whole's */
    bc_extraction x = run("en", NULL,
                          "Trade between Cao Bang and Guangxi reached 4.5 billion USD in 2025. "
                          "Exports accounted for 1.6 billion USD of that amount and imports for "
                          "2.9 billion USD. Our goal is 6 billion USD.");
    assert_string_equal(fig(&x, 6e9)->metric, "trade_turnover");
    bc_extraction_free(&x);
}

/* S1-3 of analyst15, other phrasings: an amount a part word introduces ("of which",
 * "including", "dont", "trong đó", "w tym", "其中") after a flow, naming only the goods it
 * is of, is a part of that flow (never stored as a turnover of its own), and a total
 * followed by "including" keeps its measure; a flow of its own, a part of the same measure
 * and a cost of something else are no such part. */
static void a_part_a_word_introduces(void **state)
{
    (void)state;
    static const char *const parts[][2] = {
        {"en", "In 2025, exports from Cao Bang to Guangxi came to 2.6 billion USD, of which farm "
               "goods made up 3.1 million USD, while imports reached 1.9 billion USD."},
        {"en", "In 2025, exports from Cao Bang to Guangxi came to 2.6 billion USD in total, "
               "including 3.1 million USD of farm goods."},
        {"fr", "En 2025, les exportations de Cao Bang vers le Guangxi ont atteint 2,6 milliards "
               "de dollars au total, dont 3,1 M$ de marchandises agricoles."},
        {"fr", "En 2025, les exportations de Cao Bang vers le Guangxi ont atteint 2,6 milliards "
               "de dollars, dont des marchandises agricoles pour 3,1 M$."},
        {"vi", "Năm 2025, xuất khẩu từ Cao Bằng sang Quảng Tây đạt 2,6 tỷ USD, trong đó hàng hóa "
               "nông sản đạt 3,1 triệu USD."},
        {"pl", "W 2025 roku eksport z Cao Bang do Kuangsi wyniósł 2,6 mld USD, w tym towary rolne "
               "3,1 mln USD."},
        {"zh", "2025年，高平对广西出口26亿美元，其中农产品货物310万美元。"},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        bc_extraction x = run(parts[i][0], NULL, parts[i][1]);
        const bc_xfigure *whole = fig(&x, 2.6e9), *part = fig(&x, 3.1e6);
        if (whole == NULL || whole->part || strcmp(whole->metric, "exports") != 0)
            fail_msg("%s: the total is not the exports", parts[i][1]);
        if (part == NULL || !part->part)
            fail_msg("%s: the goods' amount is not a part", parts[i][1]);
        bc_extraction_free(&x);
    }
    /* flows of their own, a part of the same measure (stored, as the gold stores them), a
     * cost of another thing: none is a part */
    static const struct {
        const char *lang, *text;
        double value;
    } whole[] = {
        {"en",
         "In 2025, trade between Cao Bang and Guangxi came to 4.5 billion USD, of which exports "
         "reached 2.6 billion USD and imports 1.9 billion USD.",
         2.6e9},
        {"vi",
         "Năm 2025, kim ngạch thương mại giữa Cao Bằng và Quảng Tây đạt 4,5 tỷ USD, trong đó xuất "
         "khẩu đạt 2,6 tỷ USD.",
         2.6e9},
        {"en",
         "In 2025, trade between Cao Bang and Guangxi came to 4.5 billion USD, of which goods "
         "declared at Tra Linh accounted for 3.1 million USD.",
         3.1e6},
        {"fr",
         "Les échanges entre Cao Bang et le Guangxi visent 4,5 milliards de dollars en 2025, avec "
         "une zone de coopération dont la première phase doit coûter 3,1 M$.",
         3.1e6},
    };
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++) {
        bc_extraction x = run(whole[i].lang, NULL, whole[i].text);
        const bc_xfigure *f = fig(&x, whole[i].value);
        if (f == NULL || f->part)
            fail_msg("%s: no part here", whole[i].text);
        bc_extraction_free(&x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(what_a_thing_is_worth),
        cmocka_unit_test(spending_said_away_from_the_amount),
        cmocka_unit_test(a_project_after_and),
        cmocka_unit_test(a_share_after_both_flows),
        cmocka_unit_test(dutch_words_after_the_amount),
        cmocka_unit_test(flows_and_nouns_around_the_amount),
        cmocka_unit_test(goals_and_plans_around_the_amount),
        cmocka_unit_test(dutch_split_verbs_and_other_money),
        cmocka_unit_test(english_words_for_flows_and_spending),
        cmocka_unit_test(measures_of_a_list),
        cmocka_unit_test(ambitions_and_estimates),
        cmocka_unit_test(a_restatement_after_the_amounts_cue),
        cmocka_unit_test(english_going_to_and_costing),
        cmocka_unit_test(a_flows_coordinated_amounts),
        cmocka_unit_test(a_part_a_word_introduces),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
