/* test_extract_gate_zh.c: Chinese crossings (extract_gate_zh.c): pairs with and without
 * country prefixes, lists of pairs before one crossing word, the head of the phrase as
 * the kind, two gates facing each other. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void chinese_pairs(void **state)
{
    (void)state;
    bc_extraction x = run("zh", NULL,
                          "双方同意推进中国河口—越南老街口岸建设。广西与广宁省共同宣布横模—峒中双边"
                          "口岸正式开放。河口—老街、天保—清水等口岸进口的越南榴莲深受欢迎。");
    const bc_xgate *g = gate(&x, "老街", "河口");
    assert_string_equal(g->kind, "gate_pair");
    gate(&x, "横模", "峒中");
    gate(&x, "清水", "天保");
    bc_extraction_free(&x);
    x = run("zh", NULL, "尽快推动越南马鹿塘口岸—中国金水河口岸多功能跨境公路大桥建设。");
    assert_string_equal(gate(&x, "马鹿塘", "金水河")->kind, "road_bridge");
    bc_extraction_free(&x);
    x = run("zh", NULL, "天保口岸位于文山州麻栗坡县，与越南河江省清水口岸相对。");
    gate(&x, "清水", "天保");
    bc_extraction_free(&x);
}

static void what_is_not_a_pair_and_pairs_in_brackets(void **state)
{
    (void)state;
    /* the parties of a mechanism or a fair; a particle inside a name; a count of pairs; a
     * gauge or a direction after a name */
    bc_extraction x =
        run("zh", NULL,
            "会议期间，凭祥—谅山口岸合作工作组举行了第3次会议。两市将共同举办中国崇左"
            "—越南谅山边境商品交易会。海关管理和口岸部门在友谊关口岸举行对接会。"
            "双方同意加快龙邦—茶岭、平孟—朔江两对口岸建设。昆明—河口—老街米轨铁路"
            "运量增长，河口—老街米轨铁路货运班列加密。浦寨—新清方向的智慧通道正在施工。");
    assert_int_equal(x.ngates, 4);
    gate(&x, "茶岭", "龙邦");
    gate(&x, "朔江", "平孟");
    gate(&x, "老街", "河口");
    gate(&x, "新清", "浦寨");
    bc_extraction_free(&x);
    /* a pair in brackets after the bridge it names; another name in brackets */
    x = run("zh", NULL,
            "北仑河二桥（东兴—芒街）通关时间延长。双方就中国十里村（热水塘）—越南王麻寨边民"
            "通道恢复开通交换意见。");
    gate(&x, "芒街", "东兴");
    gate(&x, "王麻寨", "热水塘");
    bc_extraction_free(&x);
}

/* A known name whose first character is a particle elsewhere (同登: 同 is "with") is read
 * whole after the dash; a headline's two halves a dash joins are no pair; a name facing
 * another holds no punctuation ("...口岸举行会谈，就智慧口岸...对接" names one gate). */
static void known_right_name_headline_and_clauses(void **state)
{
    (void)state;
    bc_extraction x = run("zh", NULL, "两市将提升凭祥—同登铁路口岸的货物通关能力。");
    gate(&x, "同登", "凭祥");
    bc_extraction_free(&x);
    x = run("zh", NULL, "口岸更忙碌 合作更紧密——去年滇越边境贸易回顾\n\n河口口岸进出口增长。");
    assert_int_equal(x.ngates, 0);
    bc_extraction_free(&x);
    x = run("zh", NULL, "双方在友谊口岸举行会谈，就智慧口岸数据交换等问题逐项对接。");
    assert_int_equal(x.ngates, 0);
    bc_extraction_free(&x);
}

/* A line from a known place to a known place of the other side, a crossing word after
 * it, is a pair ("X至Y跨境铁路"); a route within one side is none. */
static void routes_from_one_side_to_the_other(void **state)
{
    (void)state;
    bc_extraction x = run("zh", NULL,
                          "两省同意推动河口至老街跨境铁路和东兴至芒街公路的改造。昆明至河口高速"
                          "公路车流增加。");
    assert_int_equal(x.ngates, 2);
    gate(&x, "老街", "河口");
    assert_string_equal(gate(&x, "芒街", "东兴")->kind, "road");
    bc_extraction_free(&x);
}

/* A known place with a known place of the other side in brackets after it names one site
 * by both sides' names ("中越德天（板约）瀑布"); a place's other name of the same side, in
 * brackets, is none. */
static void both_sides_of_one_site_in_brackets(void **state)
{
    (void)state;
    bc_extraction x =
        run("zh", NULL, "两地将共同开发中越德天（板约）瀑布景区。代表团在凭祥（友谊关）参观。");
    assert_int_equal(x.ngates, 1);
    gate(&x, "板约", "德天");
    bc_extraction_free(&x);
}

/* "会晤期间" (during the meeting) dates by the meeting's day, not by the last day named
 * (a tourist line's opening in the sentence before); 马鹿塘 is Ma Lu Thang. */
static void during_the_meeting_is_its_day(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2026-12-02",
                          "标题\n\n12月1日，双方在昆明举行第六次会晤。河口—老街跨境旅游专线已于"
                          "9月1日开通。会晤期间，双方就推进金水河—马鹿塘口岸升格进行了交流。");
    const bc_xgate *g = gate(&x, "马鹿塘", "金水河");
    assert_string_equal(g->date, "2026-12-01");
    assert_string_equal(g->project, "ma-lu-thang-kim-thuy-ha-border-gate");
    bc_extraction_free(&x);
    /* no meeting day named before: no day */
    x = run("zh", "2026-12-02",
            "标题\n\n河口—老街跨境旅游专线已于9月1日开通。会晤期间，双方就推进金水河—马鹿塘口岸"
            "升格进行了交流。");
    assert_string_equal(gate(&x, "马鹿塘", "金水河")->date, "");
    bc_extraction_free(&x);
}

/* A country in brackets after each name gives its side ("天保（中国）—清水（越南）口岸");
 * a river the bridge spans is not part of the name ("巴越红河公路大桥"); the Chinese names
 * of a known project's Vietnamese side (巴越, 巴刹, 北风生) link the pair to it. */
static void country_in_brackets_and_river_after_a_name(void **state)
{
    (void)state;
    bc_extraction x = run("zh", NULL,
                          "两地商定共同推动天保（中国）—清水（越南）口岸扩大开放。省长表示，"
                          "要加快推进坝洒—巴越红河公路大桥建设。");
    assert_int_equal(x.ngates, 2);
    assert_string_equal(gate(&x, "清水", "天保")->project, "thanh-thuy-thien-bao-border-gates");
    const bc_xgate *g = gate(&x, "巴越", "坝洒");
    assert_string_equal(g->kind, "road_bridge");
    assert_string_equal(g->project, "ban-vuoc-ba-sai-road-bridge");
    bc_extraction_free(&x);
    /* the other order; the border river after the Red River; a clearance point */
    x = run("zh", NULL,
            "清水（越南）—天保（中国）口岸的货车增多。坝洒—巴刹红河界河公路大桥已经动工。"
            "海关将推动北风生—里火通道货物通关便利化。");
    assert_string_equal(gate(&x, "清水", "天保")->project, "thanh-thuy-thien-bao-border-gates");
    assert_string_equal(gate(&x, "巴刹", "坝洒")->project, "ban-vuoc-ba-sai-road-bridge");
    assert_string_equal(gate(&x, "北风生", "里火")->project,
                        "bac-phong-sinh-ly-hoa-clearance-point");
    bc_extraction_free(&x);
    /* a name ending in 河 is a name (金水河), and a river alone after the dash is none */
    x = run("zh", NULL, "马鹿塘—金水河口岸通关顺畅。");
    assert_string_equal(gate(&x, "马鹿塘", "金水河")->project,
                        "ma-lu-thang-kim-thuy-ha-border-gate");
    bc_extraction_free(&x);
}

/* A station names its place ("越南老街站—中国河口站": 老街 and 河口); an expressway between
 * two places of one side is no pair ("谅山—同登高速公路"), one across the border is; two
 * names the gazetteer does not know are in the order the article names the sides of its
 * known crossings in (Vietnam's first after "茶岭—龙邦口岸"), else China's first; a sea line
 * ("防城港—下龙旅游航线") is no pair; facing gates each take their nearest country word, and
 * two gates joined by 与/和 are a pair when both sides are known. */
static void stations_expressways_and_the_article_order(void **state)
{
    (void)state;
    bc_extraction x = run("zh", NULL, "两地将开行越南老街站—中国河口站铁路口岸货运班列。");
    assert_int_equal(x.ngates, 1);
    gate(&x, "老街", "河口");
    bc_extraction_free(&x);
    x = run("zh", NULL, "越方介绍，谅山—同登高速公路明年建成，河口—老街高速公路车流增加。");
    assert_int_equal(x.ngates, 1);
    gate(&x, "老街", "河口");
    bc_extraction_free(&x);
    x = run("zh", NULL, "两省宣布茶岭—龙邦口岸升格。仪式上，双方同时开通那甲—那乙通道。");
    gate(&x, "那甲", "那乙");
    bc_extraction_free(&x);
    x = run("zh", NULL, "两省宣布龙邦—茶岭口岸升格。仪式上，双方同时开通那甲—那乙通道。");
    gate(&x, "那乙", "那甲");
    bc_extraction_free(&x);
    x = run("zh", NULL, "仪式上，双方同时开通那甲—那乙通道。");
    gate(&x, "那乙", "那甲");
    bc_extraction_free(&x);
    /* two gates facing each other, each with its country word: the nearest one is its */
    x = run("zh", NULL, "越南老街国际口岸与中国河口口岸隔河相望。");
    assert_int_equal(x.ngates, 1);
    gate(&x, "老街", "河口");
    bc_extraction_free(&x);
    x = run("zh", NULL, "中国天保口岸与越南河江省清水口岸相对。");
    gate(&x, "清水", "天保");
    bc_extraction_free(&x);
    /* two gates joined by "and" with no verb of facing: a pair when each side is known by
     * its own country word or name; not two gates of one side, nor a gate and a name the
     * gazetteer does not know */
    x = run("zh", NULL, "中国天保口岸和越南清水口岸通关时间延长。");
    assert_int_equal(x.ngates, 1);
    gate(&x, "清水", "天保");
    bc_extraction_free(&x);
    x = run("zh", NULL, "河口口岸与友谊关口岸货运量增长。天保口岸与那甲口岸客流增加。");
    for (size_t i = 0; i < x.ngates; i++)
        assert_false(x.gates[i].pair);
    /* 天保口岸 alone is the known Thanh Thuy - Thien Bao gates (extract_gate_named.c) */
    assert_int_equal(x.ngates, 1);
    assert_string_equal(x.gates[0].project, "thanh-thuy-thien-bao-border-gates");
    bc_extraction_free(&x);
    /* a sea line is no crossing pair (pair 0), its place without the word for tourism */
    x = run("zh", NULL, "防城港—下龙旅游航线下月恢复运营。");
    assert_int_equal(gate(&x, "下龙", "防城港")->pair, 0);
    bc_extraction_free(&x);
}

/* A side written by a Chinese name of a place the gazetteer knows also carries the name
 * that place is recorded under (analyst8 finding 16: "越南友谊口岸—中国友谊关口岸" became a
 * crossing "友谊 - 友谊关"), or the spelling the store's projects give that place (天保 is the
 * curated "Thien Bao", not the reference list's "Tianbao"); a name it does not know ("那弄",
 * "那西"), or one written as recorded ("Mong Cai"), carries none. */
static void sides_by_their_recorded_names(void **state)
{
    (void)state;
    bc_extraction x = run("zh", NULL, "越南友谊口岸—中国友谊关口岸货运量增长。");
    const bc_xgate *g = gate(&x, "友谊", "友谊关");
    assert_string_equal(g->vn_name, "Huu Nghi");
    assert_string_equal(g->cn_name, "Youyiguan");
    bc_extraction_free(&x);
    x = run("zh", NULL, "越南老街口岸—中国河口口岸、天保—清水口岸通关时间延长。");
    g = gate(&x, "老街", "河口");
    assert_string_equal(g->vn_name, "Lao Cai");
    assert_string_equal(g->cn_name, "Hekou");
    g = gate(&x, "清水", "天保");
    assert_string_equal(g->vn_name, "Thanh Thuy");
    assert_string_equal(g->cn_name, "Thien Bao"); /* as the store's projects spell it */
    bc_extraction_free(&x);
    x = run("zh", NULL, "越南那弄—中国那西通道开通。");
    g = gate(&x, "那弄", "那西");
    assert_string_equal(g->vn_name, "");
    assert_string_equal(g->cn_name, "");
    bc_extraction_free(&x);
    x = run("en", NULL, "Trucks crossed the Mong Cai (Vietnam) – Dongxing (China) border gate.");
    for (size_t k = 0; k < x.ngates; k++) {
        assert_string_equal(x.gates[k].vn_name, "");
        assert_string_equal(x.gates[k].cn_name, "");
    }
    bc_extraction_free(&x);
    /* Vietnamese spelled with its marks is the recorded name too */
    x = run("vi", NULL, "Lượng hàng qua cặp cửa khẩu Hữu Nghị - Hữu Nghị Quan tăng.");
    g = gate(&x, "Hữu Nghị", "Hữu Nghị Quan");
    assert_string_equal(g->vn_name, "");
    assert_string_equal(g->cn_name, "Youyiguan");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chinese_pairs),
        cmocka_unit_test(what_is_not_a_pair_and_pairs_in_brackets),
        cmocka_unit_test(known_right_name_headline_and_clauses),
        cmocka_unit_test(routes_from_one_side_to_the_other),
        cmocka_unit_test(both_sides_of_one_site_in_brackets),
        cmocka_unit_test(during_the_meeting_is_its_day),
        cmocka_unit_test(country_in_brackets_and_river_after_a_name),
        cmocka_unit_test(stations_expressways_and_the_article_order),
        cmocka_unit_test(sides_by_their_recorded_names),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
