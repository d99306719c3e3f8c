/* test_extract_meet_mech.c: a meeting's mechanism (extract_meet_mech.c) only when its
 * sentence names it: its kind and the provinces that single it out; a body of some of
 * them, or with a city among its parties, is another body. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void the_mechanism_only_when_named(void **state)
{
    (void)state;
    /* its name, with the provinces that single it out */
    bc_extraction x = run("en", NULL,
                          "The 11th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
                          "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) took place on "
                          "30 October 2025.");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025-10-30");
    bc_extraction_free(&x);

    /* a joint working group of Lang Son and Chongzuo is not the store's Yunnan group */
    x = run("en", NULL,
            "The 14th meeting of the Joint Working Group of Lang Son and Chongzuo (China) was "
            "held on March 5, 2024.");
    const bc_xmeeting *m = meet(&x, "", 14);
    assert_string_equal(m->date, "2024-03-05");
    bc_extraction_free(&x);

    /* the kind without provinces: not named */
    x = run("en", NULL, "The 9th meeting of the joint working group was held on May 9, 2023.");
    assert_string_equal(meet(&x, "", 9)->date, "2023-05-09");
    bc_extraction_free(&x);

    /* a conference is the annual one only with "annual" or "party secretaries" */
    x = run("en", NULL, "The 3rd trade conference of Lao Cai and Yunnan was held on May 9, 2023.");
    assert_string_equal(meet(&x, "", 3)->mechanism, "");
    bc_extraction_free(&x);
    x = run("zh", NULL,
            "中国云南省与越南老街、河江、莱州、奠边省省委书记年度会晤机制第二次会议于2022年4月27日"
            "举行。");
    assert_string_equal(meet(&x, "conference-yunnan", 2)->date, "2022-04-27");
    bc_extraction_free(&x);
    /* the spring meeting's other French name; its year completes its day */
    x = run("fr", NULL,
            "Les accords conclus lors de la Rencontre au début du printemps 2024 entre les "
            "secrétaires du Parti de Quang Ninh, Lang Son, Cao Bang, Ha Giang et du Guangxi, "
            "tenue le 28 février, ont été appliqués.");
    assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2024-02-28");
    bc_extraction_free(&x);
    /* the yearly conference in one Dutch word */
    x = run("nl", NULL,
            "In november 2026 ontvangt Dien Bien de zesde jaarconferentie van de "
            "partijsecretarissen van Lai Chau, Lao Cai, Tuyen Quang, Dien Bien en Yunnan.");
    assert_string_equal(meet(&x, "conference-yunnan", 6)->date, "2026-11");
    bc_extraction_free(&x);
    /* the Dutch spring meeting's other name ("lente" for "voorjaar"), year and all */
    x = run("nl", NULL,
            "Op vrijdag 20 februari organiseerde Lang Son de lentebijeenkomst 2026 van de "
            "partijsecretarissen van Quang Ninh, Lang Son, Cao Bang en Ha Giang met Guangxi.");
    assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2026-02-20");
    bc_extraction_free(&x);
    x = run("fr", NULL,
            "La 7e réunion du groupe mixte de travail entre les provinces de Lai Chau, Ha "
            "Giang, Lao Cai, Dien Bien et le Yunnan (Chine) a eu lieu le 12 décembre 2018.");
    m = meet(&x, "jwg-yunnan", 7); /* Ha Giang, now part of Tuyen Quang, is a member */
    assert_string_equal(m->date, "2018-12-12");
    bc_extraction_free(&x);
    x = run("vi", NULL,
            "Chiều 20/2/2025, Hội nghị lần thứ 16 Ủy ban công tác liên hợp giữa các tỉnh Quảng "
            "Ninh, Lạng Sơn, Cao Bằng, Hà Giang và Khu tự trị Quảng Tây được tổ chức.");
    assert_string_equal(meet(&x, "jwc-guangxi", 16)->date, "2025-02-20");
    bc_extraction_free(&x);
    /* Tuyen Quang, into which a member (Ha Giang) was merged, names that member */
    x = run("en", "2026-12-04",
            "Title\n\nThe 16th conference of the Joint Working Committee of Quang Ninh, Lang "
            "Son, Cao Bang, Tuyen Quang (Vietnam) and Guangxi (China) took place on December "
            "3.");
    assert_string_equal(meet(&x, "jwc-guangxi", 16)->date, "2026-12-03");
    bc_extraction_free(&x);
    /* the next number after a named meeting, called the same, is of its mechanism */
    x = run("pl", NULL,
            "10. spotkanie Wspólnej Grupy Roboczej czterech prowincji Wietnamu i Junnanu odbyło "
            "się w czerwcu 2024 r., a kolejne, 11. spotkanie zorganizowano 30 października 2025 "
            "r.");
    assert_string_equal(meet(&x, "jwg-yunnan", 10)->date, "2024-06");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025-10-30");
    bc_extraction_free(&x);
}

/* The article names the mechanism once; its other meetings are called by a short name
 * ("of the group", "komitetu", "kommittens"), by a number next to its one ("the ninth
 * meeting"), or by its kind in a paragraph that names no province (the lead does). */
static void the_mechanism_from_the_article(void **state)
{
    (void)state;
    /* a short name after the noun, ending the phrase */
    bc_extraction x = run("en", "2024-12-13",
                          "Title\n\nThe 10th meeting of the Joint Working Group of Lai Chau, Lao "
                          "Cai, Tuyen Quang, Dien Bien and Yunnan was held in June.\n\nLai Chau "
                          "will host the 11th meeting of the group next year.");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025");
    bc_extraction_free(&x);
    x = run("pl", NULL,
            "Tytul\n\nXVI posiedzenie Wspólnego Komitetu Roboczego prowincji Quang Ninh, Lang Son, "
            "Cao Bang, Ha Giang i Kuangsi odbyło się w lutym 2025 r. w Ha Long.\n\nXVII "
            "posiedzenie komitetu ma się odbyć w Nanningu.");
    assert_string_equal(meet(&x, "jwc-guangxi", 17)->status, "planned");
    /* more words of another name after the short one: another group */
    bc_extraction_free(&x);
    x = run("pl", NULL,
            "Tytul\n\n10. posiedzenie Wspólnej Grupy Roboczej prowincji Lai Chau, Lao Cai i "
            "Junnanu odbyło się w czerwcu 2024 r.\n\nTrzecie posiedzenie grupy ekspertów "
            "odbyło się w maju 2024 r.");
    assert_string_equal(meet(&x, "", 3)->date, "2024-05");
    bc_extraction_free(&x);
    /* the possessive before the ordinal */
    x = run("sv", "2024-03-19",
            "Rubrik\n\nDet fjortonde mötet i den gemensamma arbetskommittén för Quang Ninh, Lang "
            "Son, Cao Bang, Ha Giang och Guangxi hölls den 22 februari 2023.\n\nDe tog även upp "
            "beslut från kommitténs 15:e möte i februari i år.");
    assert_string_equal(meet(&x, "jwc-guangxi", 15)->date, "2024-02");
    bc_extraction_free(&x);
    /* a number next to the named one, called by the same noun, anywhere in the article */
    x = run("en", NULL,
            "Title\n\nThe tenth meeting of the Joint Working Group of Ha Giang, Lao Cai, Lai "
            "Chau, Dien Bien and Yunnan took place on June 12, 2024.\n\nSince the ninth "
            "meeting, held in Ha Giang in March 2023, trade has grown.\n\nThe 3rd meeting of "
            "the border guards was held in May 2023. The 11th meeting of the border guards was "
            "held in May 2024.");
    assert_string_equal(meet(&x, "jwg-yunnan", 9)->date, "2023-03");
    assert_string_equal(meet(&x, "", 3)->date, "2023-05");  /* too far from the tenth */
    assert_string_equal(meet(&x, "", 11)->date, "2024-05"); /* another body's */
    bc_extraction_free(&x);
    /* nor when another mechanism's numbered meetings share the noun */
    x = run("en", NULL,
            "Title\n\nThe 15th conference of the Joint Working Committee of Quang Ninh, Lang "
            "Son, Cao Bang, Ha Giang and Guangxi took place on February 28, 2024. The 5th annual "
            "conference of the Party secretaries of Lai Chau, Lao Cai, Dien Bien and Yunnan "
            "took place in October 2025.\n\nThe 14th conference was held in Ha Giang in 2023.");
    assert_string_equal(meet(&x, "", 14)->date, "2023");
    bc_extraction_free(&x);
    /* the kind in a paragraph naming no province: the provinces of the lead */
    x = run("nl", NULL,
            "Titel\n\nDe leiders van Quang Ninh, Lang Son, Cao Bang, Ha Giang en Guangxi hielden "
            "op 27 februari 2024 hun voorjaarsontmoeting in Nanning.\n\nDezelfde dag kwam het "
            "Gezamenlijk Werkcomité bijeen voor zijn vijftiende conferentie.");
    assert_string_equal(meet(&x, "jwc-guangxi", 15)->date, "2024-02-27");
    assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2024-02-27");
    bc_extraction_free(&x);
    /* a meeting coordinated after the noun lends it no kind */
    x = run("en", NULL,
            "Title\n\nQuang Ninh will host both the 16th conference and the 2026 Spring Meeting "
            "of Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi.");
    assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2026");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_false(x.meetings[i].ordinal == 16 &&
                     strcmp(x.meetings[i].mechanism, "spring-meeting-guangxi") == 0);
    bc_extraction_free(&x);
}

/* x's meeting numbered ord, failing the test when there is none or when a meeting of that
 * number has a mechanism. */
static const bc_xmeeting *no_mech(const bc_extraction *x, int ord)
{
    const bc_xmeeting *found = NULL;
    for (size_t i = 0; i < x->nmeetings; i++)
        if (x->meetings[i].ordinal == ord) {
            if (x->meetings[i].mechanism[0] != '\0')
                fail_msg("meeting %d: mechanism %s", ord, x->meetings[i].mechanism);
            found = &x->meetings[i];
        }
    if (found == NULL)
        fail_msg("no meeting %d among %zu", ord, x->nmeetings);
    return found;
}

/* A body with a city or prefecture among its parties, or the parties' own body when they
 * are not all the members, is not the provinces' mechanism of that kind, in any sentence
 * of the article that does not name all of its members. */
static void a_body_of_some_members_is_another_body(void **state)
{
    (void)state;
    /* a prefecture and a province: the Yunnan group has the same kind and both provinces */
    bc_extraction x = run("zh", "2026-11-28",
                          "标题\n\n11月27日上午，中国云南省文山壮族苗族自治州与越南河江省边境"
                          "合作联合工作组第十次会议在文山市举行。\n\n双方商定，联合工作组第十一"
                          "次会议于明年在越南河江省举行。");
    assert_string_equal(no_mech(&x, 10)->date, "2026-11-27");
    no_mech(&x, 11); /* the same body again: one body, one treatment */
    bc_extraction_free(&x);
    /* the prefecture written with its long name, not a known one */
    x = run(
        "zh", NULL,
        "中国云南省红河哈尼族彝族自治州与越南老街省联合工作组第十四次会议于2025年3月18日召开。");
    no_mech(&x, 14);
    bc_extraction_free(&x);
    /* Vietnamese: "và châu Hồng Hà, tỉnh Vân Nam" */
    x = run("vi", NULL,
            "Ngày 20/11/2026, Hội nghị lần thứ 9 Nhóm công tác liên hợp giữa tỉnh Lào Cai (Việt "
            "Nam) và châu Hồng Hà, tỉnh Vân Nam (Trung Quốc) đã được tổ chức.");
    assert_string_equal(no_mech(&x, 9)->date, "2026-11-20");
    bc_extraction_free(&x);
    /* their own committee: Lang Son and Guangxi are two of its five members */
    x = run("en", "2026-11-28",
            "Lang Son province and China's Guangxi Zhuang Autonomous Region held the 12th meeting "
            "of their Joint Working Committee in Lang Son city on November 27.");
    assert_string_equal(no_mech(&x, 12)->place, "lang-son");
    bc_extraction_free(&x);
    /* a city in the place's words ("in Kunming", "在昆明") is where, not who */
    x = run("zh", NULL,
            "2024年6月12日，中国云南省与越南老街、河江、莱州、奠边四省联合工作组第十次会议在"
            "昆明举行。");
    assert_string_equal(meet(&x, "jwg-yunnan", 10)->date, "2024-06-12");
    bc_extraction_free(&x);
    /* a province named like its capital ("between Lao Cai, ...") is the province */
    x = run("en", NULL,
            "Hekou is ready to work with Lao Cai on the 12th meeting of the Joint Working Group "
            "between Lao Cai, Ha Giang, Lai Chau, Dien Bien and Yunnan, held on May 5, 2026.");
    assert_true(meet(&x, "jwg-yunnan", 12)->members_named);
    bc_extraction_free(&x);
    /* their body with all of its members named is the mechanism */
    x = run("en", NULL,
            "Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi held the 16th conference of "
            "their Joint Working Committee on February 20, 2025.");
    assert_true(meet(&x, "jwc-guangxi", 16)->members_named);
    bc_extraction_free(&x);
    /* an article about a prefecture's group that also names the five-party group in full
     * keeps that one */
    x = run("zh", NULL,
            "标题\n\n文山州与河江省联合工作组第五次会议于2026年3月2日举行。\n\n双方回顾了中国云南"
            "省与越南老街、河江、莱州、奠边四省联合工作组第十次会议的成果。");
    no_mech(&x, 5);
    assert_false(meet(&x, "jwg-yunnan", 10)->members_named == 0);
    bc_extraction_free(&x);
}

/* "联工委" is the joint working committee's short name; in Chinese a body is named before
 * its meeting, so a mechanism after the meeting's comma is another topic; a meeting named
 * as the time of talks ("before the opening of the Spring Meeting") lends them neither its
 * name nor its identity. */
static void short_names_topics_and_meetings_named_as_a_time(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2025-02-27",
                          "2月26日，联工委第十六次会议在下龙市举行，广宁、谅山、高平、河江四省与"
                          "广西代表出席。");
    assert_string_equal(meet(&x, "jwc-guangxi", 16)->date, "2025-02-26");
    bc_extraction_free(&x);
    x = run("zh", "2025-02-27",
            "日前，广西与谅山省外事部门在凭祥举行第2次工作会晤，商讨本次新春会晤的筹备工作。");
    assert_string_equal(meet(&x, "", 2)->mechanism, "");
    bc_extraction_free(&x);
    static const struct {
        const char *lang, *text;
    } timed[] = {
        {"en", "The Spring Meeting 2025 of Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi "
               "was held in Ha Long on February 20. On the morning of February 20, before the "
               "opening of the Spring Meeting, the Quang Ninh party secretary held talks with the "
               "Guangxi party secretary."},
        {"pl", "Spotkanie Wiosenne 2025 prowincji Quang Ninh, Lang Son, Cao Bang, Ha Giang i "
               "Kuangsi odbyło się 20 lutego w Ha Long. Rano 20 lutego, przed otwarciem "
               "Wiosennego Spotkania, sekretarz Quang Ninh przeprowadził rozmowy z sekretarzem "
               "Kuangsi."},
        {"fr", "La Rencontre de printemps 2025 entre Quang Ninh, Lang Son, Cao Bang, Ha Giang et "
               "le Guangxi s'est tenue le 20 février à Ha Long. Le 20 février au matin, avant "
               "l'ouverture de la Rencontre de printemps, le secrétaire de Quang Ninh a eu des "
               "entretiens avec le secrétaire du Guangxi."},
    };
    for (size_t i = 0; i < sizeof timed / sizeof timed[0]; i++) {
        x = run(timed[i].lang, "2025-02-27", timed[i].text);
        if (x.nmeetings != 2)
            fail_msg("%s: %zu meetings", timed[i].text, x.nmeetings);
        assert_string_equal(meet(&x, "", 0)->date, "2025-02-20");
        assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2025-02-20");
        bc_extraction_free(&x);
    }
    /* Dutch "voor" is "for": the meeting it names is the one held */
    x = run("nl", "2025-01-23",
            "De leiders van Lao Cai en Honghe zijn op dinsdag 21 januari bijeengekomen voor "
            "hun jaarlijkse ontmoeting.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-01-21");
    bc_extraction_free(&x);
}

/* Chinese numbered meetings that name no body, in an article whose numbered meeting one or
 * two numbers away is of a mechanism ("第十次会议" of the joint working group, then "去年
 * 11月...召开的第九次会议", "第十一次会议将于明年..."), are that mechanism's; not when their
 * own words name their parties ("河口县与老街市第九次会议", "两市边防部门第九次会议"). A
 * numbered meeting right after a named one's words ("省委书记年度会晤机制第五次会议") is that
 * one, and "会晤机制" right before a number is the secretaries' mechanism. */
static void chinese_series_and_names_before_the_number(void **state)
{
    (void)state;
    const char *lead =
        "云南省与越南老街、河江、莱州、奠边省联合工作组第十次会议6月12日在昆明举行。";
    char text[1024];
    snprintf(text, sizeof text, "%s%s", lead,
             "双方回顾了去年11月在老街召开的第九次会议以来的合作。会议商定，第十一次会议将于明"
             "年在越南莱州省举行。");
    bc_extraction x = run("zh", "2024-06-14", text);
    assert_int_equal(x.nmeetings, 3);
    assert_string_equal(meet(&x, "jwg-yunnan", 9)->date, "2023-11");
    assert_true(meet(&x, "jwg-yunnan", 9)->mechanism_inferred);
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025");
    bc_extraction_free(&x);
    static const char *const own[] = {"会议期间，河口县与老街市第九次会议同时召开。",
                                      "此前，两市边防部门第九次会议已于5月举行。"};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        snprintf(text, sizeof text, "%s%s", lead, own[i]);
        x = run("zh", "2024-06-14", text);
        assert_int_equal(x.nmeetings, 2);
        assert_string_equal(meet(&x, "", 9)->mechanism, "");
        bc_extraction_free(&x);
    }
    x = run("zh", "2025-10-31",
            "10月30日，越南莱州、老街、宣光、奠边四省与中国云南省省委书记年度会晤机制第五次会议"
            "在莱州举行。会晤机制第四次会议于2024年6月在昆明举行。会议商定，会晤机制第六次会议将"
            "于2026年在中国云南省举行。");
    assert_int_equal(x.nmeetings, 3);
    assert_string_equal(meet(&x, "conference-yunnan", 5)->date, "2025-10-30");
    assert_string_equal(meet(&x, "conference-yunnan", 4)->date, "2024-06");
    assert_string_equal(meet(&x, "conference-yunnan", 6)->status, "planned");
    bc_extraction_free(&x);
}

/* The working group of a crossing ("arbetsgruppen for gransovergangen", "the working group
 * for the border gate") is no mechanism of the provinces, even in an article that names
 * the provinces' own. */
static void a_crossings_working_group_is_another_body(void **state)
{
    (void)state;
    bc_extraction x = run("sv", NULL,
                          "Rubrik\n\nDe fyra provinserna och Yunnan höll det elfte mötet i sin "
                          "gemensamma arbetsgrupp i Lai Chau den 30 oktober 2025.\n\nDen 2 "
                          "november höll den gemensamma arbetsgruppen för gränsövergången sitt "
                          "tredje möte i Hekou med tjänstemän från båda sidor.");
    meet(&x, "jwg-yunnan", 11);
    meet(&x, "", 3);
    bc_extraction_free(&x);
    x = run("en", NULL,
            "Title\n\nOn November 2, 2025, the joint working group for the border gate held its "
            "third meeting in Hekou with officials of both sides.");
    meet(&x, "", 3);
    bc_extraction_free(&x);
}

/* The spring meeting recalled after talks in one Vietnamese province is the one the
 * heading's parties hold; the sides of crossings named after a meeting are no parties of
 * its body (no city makes it another's). */
static void a_spring_meeting_recalled_and_crossings_after_it(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Cao Bang, Guangxi step up trade at smart gate\n\nCao Bang officials held talks with "
        "a Guangxi delegation in Cao Bang city. The two sides went over what was achieved "
        "since the 2026 Spring Meeting and agreed to speed up clearance at the Tra Linh – "
        "Longbang and Ta Lung – Shuikou gate pairs.",
        "Cao Bang, Guangxi step up trade at smart gate\n\nCao Bang officials held talks with "
        "a Chinese delegation in Cao Bang city. The two sides went over what was achieved "
        "since the 2026 Spring Meeting.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        bc_extraction x = run("en", NULL, texts[i]);
        assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2026");
        bc_extraction_free(&x);
    }
    /* a heading that names no Chinese member completes nothing */
    bc_extraction y = run("en", NULL,
                          "Cao Bang steps up trade at smart gate\n\nCao Bang officials held talks "
                          "with a Chinese delegation in Cao Bang city. The two sides went over "
                          "what was achieved since the 2026 Spring Meeting.");
    for (size_t i = 0; i < y.nmeetings; i++)
        assert_string_equal(y.meetings[i].mechanism, "");
    bc_extraction_free(&y);
    /* a sentence of a province of another body: none */
    bc_extraction x = run("en", NULL,
                          "Lao Cai, Yunnan review trade\n\nLao Cai officials held talks with "
                          "a Chinese delegation in Lao Cai city. The two sides went over what "
                          "was achieved since the 2026 Spring Meeting.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].mechanism, "");
    bc_extraction_free(&x);
}

/* A meeting numbered as the relative of a body named before it ("de gezamenlijke werkgroep
 * van ..., waarvan de elfde bijeenkomst", "dont la 11e reunion", "whose 11th meeting") is
 * that body's; and a body's numbered meeting to come is not another body's meeting of that
 * number that took place on another date in the same article. Not a number after an
 * article alone ("De elfde bijeenkomst ..."). */
static void a_meeting_whose_number_is_a_bodys(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2025-03-14",
                          "Lao Cai en Honghe: 11e vergadering over de grenshandel\n\nOp 12 maart "
                          "hielden Lao Cai en Honghe hun 11e vergadering in Lao Cai. Het overleg "
                          "valt onder de gezamenlijke werkgroep van Lao Cai, Lai Chau, Ha Giang, "
                          "Dien Bien en Yunnan, waarvan de elfde bijeenkomst later dit jaar in "
                          "Lai Chau wordt gehouden.");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025");
    assert_string_equal(meet(&x, "", 11)->date, "2025-03-12");
    bc_extraction_free(&x);
    x = run("en", "2025-03-14",
            "Title\n\nThe provinces set up the joint working group of Lao Cai, Lai Chau, Ha "
            "Giang, Dien Bien and Yunnan, whose 11th meeting will be held in Lai Chau in 2025.");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025");
    bc_extraction_free(&x);
    /* the number alone names no body */
    x = run("nl", "2025-03-14",
            "Titel\n\nDe werkgroep van Lao Cai, Lai Chau, Ha Giang, Dien Bien en Yunnan "
            "bestaat sinds 2019. De elfde bijeenkomst van Lao Cai en Honghe vond op 12 maart "
            "plaats.");
    assert_string_equal(meet(&x, "", 11)->date, "2025-03-12");
    bc_extraction_free(&x);
}

/* An edition or a round numbered close to a mechanism's numbered meeting of the article is
 * of that series, "of the talks" after it or not ("De vierde editie van het overleg", after
 * the fifth conference); not of a series whose numbers lie far from it (the group's 11th). */
static void an_edition_is_of_the_series_numbered_close_to_it(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2025-10-31",
                          "Titel\n\nDe 5e jaarlijkse conferentie van de partijsecretarissen van "
                          "Lao Cai, Lai Chau, Ha Giang, Dien Bien en Yunnan vond op 30 oktober "
                          "plaats. Dezelfde dag kwam de werkgroep van de vijf provincies voor de "
                          "11e keer bijeen.\n\nDe vierde editie van het overleg vond in juni 2024 "
                          "plaats in Kunming.");
    assert_string_equal(meet(&x, "conference-yunnan", 4)->date, "2024-06");
    bc_extraction_free(&x);
    x = run("nl", "2025-10-31",
            "Titel\n\nDe werkgroep van Lao Cai, Lai Chau, Ha Giang, Dien Bien en Yunnan kwam "
            "op 30 oktober voor de 11e keer bijeen.\n\nDe vierde editie van het overleg vond in "
            "juni 2024 plaats in Kunming.");
    assert_string_equal(meet(&x, "", 4)->date, "2024-06");
    bc_extraction_free(&x);
}

/* Dutch names of the mechanisms' meetings by other words: a session ("zijn 17e zitting"), a
 * summit of the party secretaries ("het zesde topoverleg", "de zesde topontmoeting"), the
 * spring summit or consultation ("de voorjaarstop", "het voorjaarsoverleg", "de lentetop").
 * Not a summit without words that make it the yearly conference. */
static void dutch_sessions_summits_and_spring_words(void **state)
{
    (void)state;
    static const struct {
        const char *text, *mech;
        int ord;
    } cases[] = {
        {"Op 3 april hield het Gezamenlijk Werkcomite van Quang Ninh, Lang Son, Cao Bang, Ha "
         "Giang en Guangxi zijn 17e zitting in Nanning.",
         "jwc-guangxi", 17},
        {"Op 3 april vond het zesde topoverleg van de partijsecretarissen van Lao Cai, Ha Giang, "
         "Lai Chau, Dien Bien en Yunnan plaats.",
         "conference-yunnan", 6},
        {"Op 3 april vond de zesde topontmoeting van de partijsecretarissen van Lao Cai, Ha "
         "Giang, Lai Chau, Dien Bien en Yunnan plaats.",
         "conference-yunnan", 6},
        {"Op 18 februari vond in Nanning de voorjaarstop van Quang Ninh, Lang Son, Cao Bang, Ha "
         "Giang en Guangxi plaats.",
         "spring-meeting-guangxi", 0},
        {"Op 18 februari vond in Nanning het voorjaarsoverleg van Quang Ninh, Lang Son, Cao "
         "Bang, Ha Giang en Guangxi plaats.",
         "spring-meeting-guangxi", 0},
        {"Op 3 april vond het zesde topoverleg van Lao Cai en Hekou plaats.", "", 6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "Titel\n\n%s", cases[i].text);
        bc_extraction x = run("nl", "2025-04-10", text);
        (void)meet(&x, cases[i].mech, cases[i].ord);
        bc_extraction_free(&x);
    }
}

/* "their joint working committee" after Guangxi and a count of the four provinces written
 * another way ("the four Vietnamese border provinces", "the four northern border
 * provinces", "the four Vietnamese localities") is the body of all its members. */
static void four_provinces_written_other_ways(void **state)
{
    (void)state;
    static const char *const counts[] = {"four Vietnamese border provinces",
                                         "four northern border provinces",
                                         "four Vietnamese localities"};
    for (size_t k = 0; k < 3; k++) {
        char text[400];
        snprintf(text, sizeof text,
                 "Title\n\nDelegates recalled that Guangxi and the %s had agreed at the 13th "
                 "conference of their joint working committee to reopen more gates.",
                 counts[k]);
        bc_extraction x = run("en", "2023-09-19", text);
        assert_string_equal(meet(&x, "jwc-guangxi", 13)->mechanism, "jwc-guangxi");
        bc_extraction_free(&x);
    }
}

/* A province named only as where a body's meeting is held is no would-be member of it
 * (analyst 11 X3, seen with "w Lạng Sơn"): the body whose members the sentence lists
 * stays that mechanism, in Polish and English; named as a member too, or with no members
 * listed, nothing changes. */
static void a_place_is_no_member_of_the_body(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *mech, *place;
    } cases[] = {
        {"pl",
         "13. spotkanie Wspólnej Grupy Roboczej Lai Chau, Lao Cai, Tuyen Quang, Dien Bien i "
         "Junnanu odbędzie się w grudniu w Lạng Sơn.",
         "jwg-yunnan", "lang-son"},
        {"en",
         "The 13th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien "
         "Bien and Yunnan will be held in Cao Bang in December.",
         "jwg-yunnan", "cao-bang"},
        {"en",
         "The 13th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien "
         "Bien and Yunnan will be held in Lao Cai in December.",
         "jwg-yunnan", "lao-cai"},
        {"en", "The 13th meeting of the Joint Working Group will be held in Cao Bang in December.",
         "", "cao-bang"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2026-03-16", cases[i].text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].mechanism, cases[i].mech) != 0 ||
            strcmp(x.meetings[0].place, cases[i].place) != 0)
            fail_msg("'%s': mechanism '%s' place '%s'", cases[i].text,
                     x.nmeetings ? x.meetings[0].mechanism : "-",
                     x.nmeetings ? x.meetings[0].place : "-");
        bc_extraction_free(&x);
    }
}

/* A numbered yearly conference, its own words saying so, is the conference's even after a
 * body its sentence names before it ("Die werkgroep bereidt de besluiten voor van de vierde
 * jaarlijkse conferentie van de partijsecretarissen"). */
static void the_yearly_conference_by_its_own_words(void **state)
{
    (void)state;
    bc_extraction x =
        run("nl", "2025-06-01",
            "Kop\n\nDe gezamenlijke werkgroep van Lao Cai, Ha Giang, Lai Chau, Dien Bien "
            "en Yunnan kwam in mei bijeen. Die werkgroep bereidt de besluiten voor van "
            "de vierde jaarlijkse conferentie van de partijsecretarissen van de vier "
            "provincies en Yunnan, die in juli plaatsvindt.");
    assert_string_equal(meet(&x, "conference-yunnan", 4)->date, "2025-07");
    bc_extraction_free(&x);
    /* Chinese "年度工作会晤" of the party secretaries of the four provinces and Yunnan;
     * negative: a yearly working meeting of two prefectures, or of two offices, is none */
    x = run("zh", "2024-06-01",
            "标题\n\n2023年3月下旬，越南河江、老街、莱州、奠边四省与中国云南省委书记第三次年度"
            "工作会晤在河江举行。");
    assert_string_equal(meet(&x, "conference-yunnan", 3)->date, "2023-03");
    bc_extraction_free(&x);
    x = run("zh", "2025-06-20", "标题\n\n3月5日，文山州与河江省在麻栗坡举行第五次年度工作会晤。");
    (void)meet(&x, "", 5);
    bc_extraction_free(&x);
    x = run(
        "zh", "2025-06-20",
        "标题\n\n日前，广西壮族自治区外事办公室与越南谅山省外务厅在凭祥市举行第3次年度工作会晤。");
    (void)meet(&x, "", 3);
    bc_extraction_free(&x);
}

/* The border guards' numbered meetings take no number of the provinces' series the article
 * names later ("the eleventh meeting of their joint working group"). */
static void the_guards_meetings_are_theirs(void **state)
{
    (void)state;
    bc_extraction x =
        run("en", "2025-11-20",
            "Title\n\nAt their 12th regular meeting, held in Pu'er in October 2024, "
            "Dien Bien's border guard command and the Pu'er border management "
            "detachment agreed to push for the gate's opening. The 13th meeting is to "
            "be hosted in Dien Bien Phu.\n\nYunnan and four Vietnamese provinces held "
            "the eleventh meeting of their joint working group in Lai Chau in late "
            "October.");
    assert_string_equal(meet(&x, "", 12)->date, "2024-10");
    (void)meet(&x, "", 13);
    (void)meet(&x, "jwg-yunnan", 11);
    bc_extraction_free(&x);
}

/* A Dutch numbered meeting whose sentence opens with "Die" alone is of the body the sentence
 * before names ("... via de gezamenlijke werkgroep van ... en Yunnan. Die kwam ... voor de
 * tiende keer"); not across a paragraph. */
static void die_is_the_body_named_before(void **state)
{
    (void)state;
    const char *body = "Kop\n\nDe samenwerking loopt via de gezamenlijke werkgroep van de "
                       "Vietnamese grensprovincies en Yunnan.";
    char text[512];
    snprintf(text, sizeof text,
             "%s Die kwam voor het laatst bijeen in juni 2024 in Kunming, voor de tiende keer.",
             body);
    bc_extraction x = run("nl", "2025-06-18", text);
    assert_string_equal(meet(&x, "jwg-yunnan", 10)->date, "2024-06");
    bc_extraction_free(&x);
    snprintf(text, sizeof text,
             "%s\n\nDie kwam voor het laatst bijeen in juni 2024 in Kunming, voor de tiende keer.",
             body);
    x = run("nl", "2025-06-18", text);
    assert_string_equal(meet(&x, "", 10)->date, "2024-06");
    bc_extraction_free(&x);
}

/* "vergaderde het gezamenlijk werkcomité ..., voor de negende keer": the verb of meeting
 * itself is the noun the times set off after the comma number; not the times of something
 * else the clause says ("..., voor de tweede keer gastheer"). */
static void vergaderde_for_the_nth_time(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2018-05-02",
                          "Kop\n\nOp 27 april vergaderde het gezamenlijk werkcomité van Quang "
                          "Ninh, Lang Son, Cao Bang, Ha Giang en Guangxi in Nanning, voor de "
                          "negende keer.");
    assert_string_equal(meet(&x, "jwc-guangxi", 9)->date, "2018-04-27");
    bc_extraction_free(&x);
    x = run("nl", "2018-05-02",
            "Kop\n\nOp 27 april vergaderde het gezamenlijk werkcomité van Quang Ninh, Lang Son, "
            "Cao Bang, Ha Giang en Guangxi in Nanning, voor de tweede keer als gastheer.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_int_equal(x.meetings[i].ordinal, 0);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_mechanism_only_when_named),
        cmocka_unit_test(the_mechanism_from_the_article),
        cmocka_unit_test(a_body_of_some_members_is_another_body),
        cmocka_unit_test(short_names_topics_and_meetings_named_as_a_time),
        cmocka_unit_test(chinese_series_and_names_before_the_number),
        cmocka_unit_test(a_crossings_working_group_is_another_body),
        cmocka_unit_test(a_spring_meeting_recalled_and_crossings_after_it),
        cmocka_unit_test(a_meeting_whose_number_is_a_bodys),
        cmocka_unit_test(an_edition_is_of_the_series_numbered_close_to_it),
        cmocka_unit_test(dutch_sessions_summits_and_spring_words),
        cmocka_unit_test(four_provinces_written_other_ways),
        cmocka_unit_test(a_place_is_no_member_of_the_body),
        cmocka_unit_test(the_yearly_conference_by_its_own_words),
        cmocka_unit_test(the_guards_meetings_are_theirs),
        cmocka_unit_test(die_is_the_body_named_before),
        cmocka_unit_test(vergaderde_for_the_nth_time),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
