/* test_extract_meet.c: meetings (extract_meet.c): ordinals in every language, the
 * mechanism only when the sentence names it, dates never invented (no year without a
 * written one or a reference date), dates stated for coordinated meetings, "the same
 * day", years in a meeting's name, talks between the two sides, place and status. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void ordinals_in_every_language(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        int ord;
    } cases[] = {
        /* each on 5 May 2025, or 12 December 2018 */
        {"en", "The 11th meeting of the working group took place on May 5, 2025.", 11},
        {"en", "The fifth conference took place on May 5, 2025.", 5},
        {"vi", "Ngày 5/5/2025, Phiên họp lần thứ 11 đã diễn ra.", 11},
        {"vi", "Ngày 5/5/2025, Hội nghị lần thứ V đã diễn ra.", 5},
        {"zh", "2025年5月5日，第十一次会议在昆明举行。", 11},
        {"zh", "2025年5月5日，第11次会议在昆明举行。", 11},
        {"zh", "2025年5月5日，第二十三届会议在昆明举行。", 23},
        {"fr", "La 7e réunion a eu lieu le 12 décembre 2018.", 7},
        {"fr", "La XIe réunion a eu lieu le 12 décembre 2018.", 11},
        {"pl", "11. spotkanie odbyło się 5 maja 2025 r.", 11},
        {"pl", "Piąta konferencja odbyła się 5 maja 2025 r.", 5},
        {"sv", "Det elfte mötet hölls den 5 maj 2025.", 11},
        {"sv", "Den 10:e sessionen hölls den 5 maj 2025.", 10},
        {"nl", "De 5e conferentie vond plaats op 5 mei 2025.", 5},
        {"nl", "De vijfde conferentie vond plaats op 5 mei 2025.", 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (x.nmeetings != 1 || x.meetings[0].ordinal != cases[i].ord)
            fail_msg("%s: %zu meetings, ordinal %d", cases[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].ordinal : -1);
        assert_true(strcmp(x.meetings[0].date, "2025-05-05") == 0 ||
                    strcmp(x.meetings[0].date, "2018-12-12") == 0);
        bc_extraction_free(&x);
    }
    /* a number that is no ordinal: "the 6th time", a fair's edition, a count */
    bc_extraction x = run("en", NULL, "The 11th edition of the fair opened. It was the 6th time.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
}

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
    /* the next number after a named meeting, called the same, is of its mechanism */
    x = run("pl", NULL,
            "10. spotkanie Wspólnej Grupy Roboczej czterech prowincji Wietnamu i Junnanu odbyło "
            "się w czerwcu 2024 r., a kolejne, 11. spotkanie zorganizowano 30 października 2025 "
            "r.");
    assert_string_equal(meet(&x, "jwg-yunnan", 10)->date, "2024-06");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025-10-30");
    bc_extraction_free(&x);
}

static void no_year_is_invented(void **state)
{
    (void)state;
    const char *t = "On June 12, the 10th meeting of the working group was held in Kunming.";
    /* without a publication date: the month and day, never this year */
    bc_extraction x = run("en", NULL, t);
    const bc_xmeeting *m = meet(&x, "", 10);
    assert_string_equal(m->date, "--06-12");
    assert_false(m->date_inferred);
    bc_extraction_free(&x);
    /* with one: its year, marked */
    x = run("en", "2024-06-13", t);
    m = meet(&x, "", 10);
    assert_string_equal(m->date, "2024-06-12");
    assert_true(m->date_inferred);
    assert_string_equal(m->status, "held");
    bc_extraction_free(&x);
    /* a report in January of a meeting on 28 December: the year before */
    x = run("en", "2025-01-05", "On December 28, the 9th meeting was held.");
    assert_string_equal(meet(&x, "", 9)->date, "2024-12-28");
    bc_extraction_free(&x);
    /* next February, said in December: the year after */
    x = run("fr", "2023-12-01",
            "La prochaine 15e conférence du comité mixte de travail se tiendra au Guangxi en "
            "février prochain.");
    assert_string_equal(meet(&x, "jwc-guangxi", 15)->date, "2024-02");
    assert_string_equal(meet(&x, "jwc-guangxi", 15)->status, "planned");
    bc_extraction_free(&x);
    /* Chinese and Vietnamese day and month */
    x = run("zh", NULL, "6月12日下午，第十次会议在昆明举行。");
    assert_string_equal(meet(&x, "", 10)->date, "--06-12");
    bc_extraction_free(&x);
    x = run("zh", "2024-06-13", "6月12日下午，第十次会议在昆明举行。");
    assert_string_equal(meet(&x, "", 10)->date, "2024-06-12");
    bc_extraction_free(&x);
    x = run("vi", NULL, "Sáng 30/10, Phiên họp lần thứ 11 đã diễn ra.");
    assert_string_equal(meet(&x, "", 11)->date, "--10-30");
    bc_extraction_free(&x);
    /* a month without a year and no reference: no date */
    x = run("pl", NULL, "Kolejne, 11. spotkanie grupy roboczej zaplanowano na marzec.");
    assert_string_equal(meet(&x, "", 11)->date, "");
    bc_extraction_free(&x);
}

static void dates_shared_and_carried(void **state)
{
    (void)state;
    /* coordinated meetings share the one date of their sentence */
    bc_extraction x = run("vi", NULL,
                          "Kể từ Hội nghị thường niên lần thứ 4 và Phiên họp lần thứ 10 Nhóm công "
                          "tác liên hợp tổ chức tại tỉnh Vân Nam vào tháng 6/2024, hợp tác phát "
                          "triển.");
    assert_string_equal(meet(&x, "conference-yunnan", 4)->date, "2024-06");
    assert_string_equal(meet(&x, "jwg-yunnan", 10)->date, "2024-06");
    bc_extraction_free(&x);
    /* "the same day" takes the day last named */
    x = run("pl", NULL,
            "30 października 2025 r. w Lai Chau odbyła się V doroczna konferencja sekretarzy "
            "partii prowincji Lai Chau, Lao Cai, Tuyen Quang, Dien Bien i Junnanu. W tym samym "
            "dniu zorganizowano również 11. spotkanie Wspólnej Grupy Roboczej.");
    assert_string_equal(meet(&x, "conference-yunnan", 5)->date, "2025-10-30");
    assert_string_equal(meet(&x, "", 11)->date, "2025-10-30");
    bc_extraction_free(&x);
    /* a year written in the meeting's name completes the day (the text's, not inferred) */
    x = run("vi", NULL,
            "Sáng 20/2, tại Hạ Long đã diễn ra Chương trình Gặp gỡ đầu Xuân năm 2025 giữa Bí "
            "thư Tỉnh ủy các tỉnh Quảng Ninh, Lạng Sơn và Bí thư Khu ủy Quảng Tây.");
    const bc_xmeeting *m = meet(&x, "spring-meeting-guangxi", 0);
    assert_string_equal(m->date, "2025-02-20");
    assert_false(m->date_inferred);
    bc_extraction_free(&x);
    x = run("zh", NULL,
            "2月21日上午，2025年中国广西与越南边境四省党委书记新春会晤在越南广宁省下龙市举行。");
    assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2025-02-21");
    bc_extraction_free(&x);
    /* one meeting stated in the headline and the body is one, with both quotes, at the
     * body's precise date */
    const char *t = "Voorjaarsbijeenkomst 2023 in Ha Giang\n\nOp 22 februari 2023 organiseerde "
                    "Ha Giang de Voorjaarsbijeenkomst 2023 met Guangxi.";
    x = run("nl", NULL, t);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2023-02-22");
    assert_int_equal(x.meetings[0].cite.nquotes, 2);
    bc_extraction_free(&x);
}

static void talks_between_the_two_sides(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2023-12-01",
                          "On Nov. 30, a delegation of the Guangxi regional government held "
                          "talks in Lang Son with provincial leaders.");
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].kind, BC_XM_TALKS);
    assert_string_equal(x.meetings[0].date, "2023-11-30");
    bc_extraction_free(&x);
    x = run("zh", NULL, "3月12日，崇左市与越南谅山省在谅山市举行工作会谈。");
    assert_string_equal(meet(&x, "", 0)->date, "--03-12");
    bc_extraction_free(&x);
    /* one side alone is no meeting between the two */
    x = run("en", NULL, "On May 5, 2025, Lao Cai officials held talks with local businesses.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* talks without a day are no meeting one can identify */
    x = run("en", NULL, "Lao Cai and Yunnan officials held talks on trade.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* talks on the day of a named meeting are that meeting */
    x = run("vi", NULL,
            "Ngày 20/2/2025 diễn ra Hội nghị lần thứ 16 Ủy ban công tác liên hợp giữa Quảng "
            "Ninh, Lạng Sơn và Quảng Tây. Ngày 20/2/2025, hai bên đã hội đàm.");
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].cite.nquotes, 2);
    bc_extraction_free(&x);
}

static void verbs_of_meeting(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *ref, *text, *date;
    } cases[] = {
        {"pl", "2024-06-14",
         "Delegacje prowincji Lao Cai i chińskiej prowincji Junnan spotkały się we wtorek (11 "
         "czerwca) w mieście Lao Cai.",
         "2024-06-11"},
        {"nl", "2024-06-15",
         "De dag ervoor, dinsdag 11 juni, hadden douanedeskundigen van beide kanten in "
         "Pingxiang gesproken over de proef.",
         "2024-06-11"},
        {"fr", "2025-02-20",
         "Début février, les douanes des deux côtés avaient eu une séance de travail à "
         "Dongxing.",
         "2025-02"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, cases[i].ref, cases[i].text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, cases[i].date) != 0)
            fail_msg("%s: %zu meetings, first dated %s", cases[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    /* a verb of meeting gives way to the meeting noun after it: the spring meeting */
    bc_extraction x = run("pl", "2024-03-01",
                          "Sekretarze partii prowincji Quang Ninh, Lang Son, Cao Bang i Ha Giang "
                          "oraz sekretarz komitetu partii regionu Guangxi spotkali się 28 lutego "
                          "w Beihai na dorocznym spotkaniu wiosennym.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].mechanism, "spring-meeting-guangxi");
    assert_string_equal(x.meetings[0].date, "2024-02-28");
    bc_extraction_free(&x);
}

static void days_without_their_month_and_owned_meetings(void **state)
{
    (void)state;
    /* a Chinese day alone opening the lead: of the publication's month, when recent */
    const char *zh = "12日上午，河口县与越南老街省举行工作会谈。";
    bc_extraction x = run("zh", "2024-06-13", zh);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-06-12");
    assert_true(x.meetings[0].date_inferred);
    bc_extraction_free(&x);
    /* "会谈当天下午": the day of those talks, not other talks; the next talks take no
     * "same day" */
    x = run("zh", "2024-06-13",
            "12日上午，河口县与越南老街省举行工作会谈。会谈当天下午，双方还就筹备下一次会谈交换了"
            "意见。");
    assert_int_equal(x.nmeetings, 1);
    bc_extraction_free(&x);
    x = run("zh", "2024-06-30", zh); /* eighteen days before: which month is not said */
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    x = run("zh", NULL, zh);
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* "sa 16e conference": the mechanism its sentence names before the possessive */
    x = run("fr", "2025-02-20",
            "Le comité mixte de travail entre Quảng Ninh, Lạng Sơn, Cao Bằng, Hà Giang et le "
            "Guangxi a tenu sa 16e conférence le 18 février à Hạ Long.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].mechanism, "jwc-guangxi");
    assert_int_equal(x.meetings[0].ordinal, 16);
    bc_extraction_free(&x);
    /* without the possessive, a mechanism in another clause is not the meeting's */
    x = run("fr", "2025-02-20",
            "Le comité mixte de travail entre Quảng Ninh et le Guangxi existe depuis 2008, et une "
            "16e conférence a eu lieu le 18 février.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].mechanism, "");
    bc_extraction_free(&x);
    /* "rencontre de printemps"; a working visit with the other side named */
    x = run("fr", "2025-02-20",
            "La rencontre de printemps 2025 entre les secrétaires des provinces frontalières et "
            "le Guangxi a eu lieu le 18 février.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].mechanism, "spring-meeting-guangxi");
    assert_string_equal(x.meetings[0].date, "2025-02-18");
    bc_extraction_free(&x);
    x = run("pl", "2024-06-14",
            "Delegacja Lao Cai złożyła 12 czerwca wizytę roboczą w prowincji Junnan (Chiny).");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-06-12");
    bc_extraction_free(&x);
}

static void place_status_and_people(void **state)
{
    (void)state;
    bc_extraction x = run("pl", "2025-10-30",
                          "Gospodarzem VI dorocznej konferencji będzie prowincja Junnan w 2026 r.");
    const bc_xmeeting *m = meet(&x, "conference-yunnan", 6);
    assert_string_equal(m->status, "planned");
    assert_string_equal(m->date, "2026");
    assert_string_equal(m->place, "yunnan");
    bc_extraction_free(&x);
    x = run("en", "2025-10-30",
            "On October 30, 2025 the 11th meeting of the Joint Working Group of Lai Chau and "
            "Yunnan was held in Lai Chau, chaired by Giang A Tinh.");
    m = meet(&x, "jwg-yunnan", 11);
    assert_string_equal(m->place, "lai-chau");
    assert_string_equal(m->status, "held");
    assert_int_equal(m->npeople, 1);
    assert_string_equal(m->people[0], "giang-a-tinh");
    assert_true(m->nprovinces >= 2);
    bc_extraction_free(&x);
    /* said to be held: held, whatever the date */
    x = run("fr", "2018-12-01",
            "La 7e réunion a eu lieu le 12 décembre dans la ville de Lai Chau.");
    assert_string_equal(meet(&x, "", 7)->status, "held");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ordinals_in_every_language),
        cmocka_unit_test(the_mechanism_only_when_named),
        cmocka_unit_test(no_year_is_invented),
        cmocka_unit_test(dates_shared_and_carried),
        cmocka_unit_test(talks_between_the_two_sides),
        cmocka_unit_test(place_status_and_people),
        cmocka_unit_test(verbs_of_meeting),
        cmocka_unit_test(days_without_their_month_and_owned_meetings),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
