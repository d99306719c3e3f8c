/* test_extract_meet_skip.c: dates of a meeting's sentence that are not its date
 * (extract_meet_skip.c): a point things are counted from, the day a document was signed,
 * a deadline, the day something was said. Each is left to no meeting; the meeting takes
 * the date that is its own. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

#include "fixture.h"

#include "extract_fixture.h"

static void dates_that_are_not_a_meetings(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *want;
    } cases[] = {
        /* a point things are counted from */
        {"en",
         "Title\n\nOn June 12, the 6th meeting of the working group, the first since 2019, was "
         "held in Kunming.",
         "2024-06-12"},
        /* a signature's day */
        {"en",
         "Title\n\nThe 6th meeting of the working group held in Kunming on June 12 reviewed the "
         "deal signed on March 3.",
         "2024-06-12"},
        /* a deadline */
        {"en",
         "Title\n\nThe 6th meeting of the working group was held in Kunming on June 12 and asked "
         "that the bridge be finished before September 30.",
         "2024-06-12"},
        /* the day it was said, also by who spoke */
        {"en",
         "Title\n\nSpeaking on Tuesday, the chairman said the 6th meeting of the working group "
         "would be held in Lai Chau.",
         ""},
        /* the day it was said */
        {"en",
         "Title\n\nThe committee announced on June 13 that the 6th meeting of the working group "
         "had been held in Kunming on June 12.",
         "2024-06-12"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2024-06-20", cases[i].text);
        const bc_xmeeting *m = meet(&x, "", 6);
        if (strcmp(m->date, cases[i].want) != 0)
            fail_msg("%s: date %s, want %s", cases[i].text, m->date, cases[i].want);
        bc_extraction_free(&x);
    }
}

/* 1 when some meeting of x is dated date. */
static int dated(const bc_extraction *x, const char *date)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        if (strcmp(x->meetings[i].date, date) == 0)
            return 1;
    return 0;
}

/* A day of another event in the meeting's sentence is not the meeting's. An English clause
 * of sequence ("after", "following", "ahead of", "followed") that holds a
 * day and not the meeting, a time apart before it ("a week after"): the day is of what came
 * before or after, which no meeting of the sentence names (a visit, an opening); the meeting
 * takes no date rather than that one (without a time apart it may have been the same day). A
 * meeting named inside the clause keeps the day, and so does a meeting with its own day
 * before the clause. The meeting in such a clause, with another one outside it, leaves the
 * day outside to that one. */
static void days_of_what_came_before_or_after(void **state)
{
    (void)state;
    static const char *const other[] = {
        "Title\n\nThe working session of Cao Bang and Baise came a week after the Cao Bang "
        "chairman toured the Tra Linh gate on May 2.",
        "Title\n\nAt the talks between Lang Son and Chongzuo, held two days after the opening of "
        "the fruit lane on May 6, the sides agreed to add more trucks.",
        "Title\n\nHa Giang and Wenshan held talks three days ahead of the reopening of the Thanh "
        "Thuy market "
        "on June 9.",
    };
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        bc_extraction x = run("en", "2024-06-20", other[i]);
        for (size_t k = 0; k < x.nmeetings; k++)
            if (x.meetings[k].date[0])
                fail_msg("%s: a meeting dated %s", other[i], x.meetings[k].date);
        bc_extraction_free(&x);
    }
    /* a fair's, an anniversary's, a day of a clause of when and the day a meeting is looked
     * back on are no meeting's */
    static const struct {
        const char *text, *not_date;
    } event[] = {
        {"Title\n\nThe 18th conference of the Joint Working Committee of Quang Ninh and Guangxi "
         "approved plans for the border fair to be held in Mong Cai in late 2027.",
         "2027"},
        {"Title\n\nThe 12th meeting of the working group will be held in Yunnan next year, when "
         "the new bridge is due to open in May.",
         "2025-05"},
        {"Title\n\nCao Bang and Baise held talks as both sides mark the anniversary of their "
         "twinning on January 18.",
         "2024-01-18"},
        /* the day a meeting is looked back on */
        {"Title\n\nOn Thursday, officials of the provinces recalled the 10th meeting of the "
         "working group, which was held in Kunming.",
         "2024-06-20"},
        {"Title\n\nOn June 12, the provinces reviewed the outcomes of the 10th meeting of the "
         "working group.",
         "2024-06-12"},
    };
    for (size_t i = 0; i < sizeof event / sizeof event[0]; i++) {
        bc_extraction x = run("en", "2024-06-20", event[i].text);
        assert_false(dated(&x, event[i].not_date));
        bc_extraction_free(&x);
    }
    /* a deadline ("by June 30") or a signature's day does not complete the year that dates
     * a meeting ("held ... in late 2023"), with or without a reference date */
    static const char *const year_only[] = {
        "Title\n\nThe 9th meeting of the working group, held in Lai Chau in late 2023, agreed to "
        "open the bridge by June 30.",
        "Title\n\nThe 9th meeting of the working group, held in Lai Chau in late 2023, reviewed "
        "the deal signed on March 3.",
    };
    for (size_t i = 0; i < sizeof year_only / sizeof year_only[0]; i++)
        for (int r = 0; r < 2; r++) {
            bc_extraction x = run("en", r ? "2024-06-20" : NULL, year_only[i]);
            assert_string_equal(meet(&x, "", 9)->date, "2023");
            bc_extraction_free(&x);
        }
    /* the meeting's own verb after the fair it is about */
    bc_extraction y = run("en", "2024-06-20",
                          "Title\n\nThe talks of Lao Cai and Hekou on the fruit fair were held on "
                          "May 6.");
    assert_true(dated(&y, "2024-05-06"));
    bc_extraction_free(&y);
    /* the day of the meeting the clause names, or its own before the clause */
    bc_extraction x = run("en", "2024-06-20",
                          "Title\n\nAfter the 15th conference in Beihai on February 28, the two "
                          "sides held a working session on March 12.");
    assert_string_equal(meet(&x, "", 15)->date, "2024-02-28");
    assert_true(dated(&x, "2024-03-12"));
    bc_extraction_free(&x);
    x = run("en", "2024-06-20",
            "Title\n\nLao Cai and Honghe held talks in Hekou on May 9, after the delegation toured "
            "the gate on May 8.");
    assert_true(dated(&x, "2024-05-09"));
    assert_false(dated(&x, "2024-05-08"));
    bc_extraction_free(&x);
    /* the spring meeting of a clause of following: its year, not the day of the conference
     * that followed it */
    x = run("en", "2024-06-20",
            "Title\n\nFollowing the Spring Meeting in 2023, on February 24, 2023, the 14th "
            "conference of the joint working committee of Guangxi and the four provinces was "
            "held in Nanning.");
    assert_string_equal(meet(&x, "jwc-guangxi", 14)->date, "2023-02-24");
    for (size_t k = 0; k < x.nmeetings; k++)
        if (x.meetings[k].ordinal != 14)
            assert_string_equal(x.meetings[k].date, "2023");
    bc_extraction_free(&x);
    /* a meeting in its clause with its own day, held right after it */
    x = run("en", "2024-06-20",
            "Title\n\nFollowing the 10th meeting, held in Kunming on May 6, the two sides set up "
            "a hotline.");
    assert_string_equal(meet(&x, "", 10)->date, "2024-05-06");
    bc_extraction_free(&x);
}

/* Chinese writes the word of signing after the date ("2022年8月签署的协议"): that month is
 * the document's, not the talks' of its sentence, as is a date of a relative clause of
 * something done then ("2023年6月建成的联检楼"), but not one of holding ("召开的...会议");
 * a date with a comma before the verb ("8日，双方签署协议") stays a date of the sentence. */
static void chinese_days_of_signing(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2025-03-09",
                          "8日上午，老街省与云南省举行会谈，回顾了2022年8月签署的边贸合作协议。");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-03-08");
    bc_extraction_free(&x);
    x = run("zh", "2025-03-09", "会谈回顾了2022年8月签署的边贸合作协议。");
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_not_equal(x.meetings[k].date, "2022-08");
    bc_extraction_free(&x);
    /* a date of what a relative clause says was done then: the gate's, not the talks' */
    x = run("zh", "2025-03-09", "两省代表在2023年6月建成的金水河口岸联检楼举行会谈。");
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_equal(x.meetings[k].date, "");
    bc_extraction_free(&x);
    x = run("zh", "2025-03-09", "在2023年6月召开的联合工作组第九次会议上，双方商定了路线图。");
    assert_string_equal(meet(&x, "", 9)->date, "2023-06");
    bc_extraction_free(&x);
    x = run("zh", "2025-03-09", "3月8日，老街省与云南省举行会谈，双方签署合作备忘录。");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-03-08");
    bc_extraction_free(&x);
}

/* "the agreement reached on January 8" is the agreement's day, not that of the talks to
 * come the sentence plans; "the consensus reached at the talks on January 8" is the talks' */
static void the_day_an_agreement_was_reached(void **state)
{
    (void)state;
    const char *t = "Talks in Mengzi\n\nUnder the agreement reached on January 8, the next round "
                    "of talks between Lai Chau and Honghe will take place in Lai Chau in December "
                    "2020.\n\nThe consensus reached at the talks on January 8 was welcomed by "
                    "both Lai Chau and Honghe.";
    bc_extraction x = run("en", NULL, t);
    int planned = 0, held = 0;
    for (size_t i = 0; i < x.nmeetings; i++) {
        planned += strcmp(x.meetings[i].date, "2020-12") == 0;
        held += strcmp(x.meetings[i].date, "--01-08") == 0;
    }
    assert_int_equal(planned, 1);
    assert_int_equal(held, 1);
    bc_extraction_free(&x);
}

/* The date of the one meeting of English text read with reference date pub. */
static void one_dated(const char *pub, const char *text, const char *want)
{
    bc_extraction x = run("en", pub, text);
    if (x.nmeetings != 1 || strcmp(x.meetings[0].date, want) != 0)
        fail_msg("%s (%s): %zu meetings, first dated '%s', expected '%s'", text,
                 pub ? pub : "no reference", x.nmeetings, x.nmeetings ? x.meetings[0].date : "-",
                 want);
    bc_extraction_free(&x);
}

/* The day an agreement was reached, like a signature's, is not the next talks' ("Under the
 * agreement reached on January 8": without a reference date nothing ruled it out as a day
 * of the talks to come); and a day in a relative clause of the parties, set off by commas
 * before the meeting ("..., which signed a pact on September 4, 2013, plan to hold a joint
 * ceremony"), is what the parties did then. */
static void agreements_reached_and_what_the_parties_did(void **state)
{
    (void)state;
    const char *t = "Title\n\nUnder the deal reached on May 4, the next talks between Lao Cai "
                    "and Honghe will be held in Hekou in October 2024.";
    one_dated(NULL, t, "2024-10");
    one_dated("2024-05-06", t, "2024-10");
    /* the talks that reached it keep their day */
    one_dated("2024-05-06",
              "Title\n\nOfficials of Lao Cai and Honghe held talks in Hekou on May 4 and "
              "reached a deal on fruit.",
              "2024-05-04");
    t = "Title\n\nBat Xat district and Jinping county, which signed a friendship pact on "
        "March 9, 2015, will hold a joint ceremony in Bat Xat in May.";
    one_dated(NULL, t, "");
    one_dated("2024-04-02", t, "2024-05");
    /* a relative clause that tells of a meeting, or a day after the clause, still dates */
    one_dated("2024-05-06",
              "Title\n\nBat Xat district and Jinping county, which set up their friendship "
              "mechanism in 2015, held talks in Bat Xat on May 4.",
              "2024-05-04");
}

/* A day that names another meeting noun by the possessive ("Monday's meeting followed the
 * 3rd conference ..., held online in March") is that meeting's: the conference takes its own
 * month (it took Monday, a wrong date hidden behind the talks'). The talks so named keep it. */
static void a_possessive_day_is_its_nouns(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2023-11-08",
                          "Title\n\nMonday's meeting followed the 3rd conference of the Party "
                          "secretaries of Lao Cai, Ha Giang, Lai Chau, Dien Bien and Yunnan, held "
                          "online in March, which urged faster customs clearance.");
    const bc_xmeeting *m = meet(&x, "conference-yunnan", 3);
    assert_string_equal(m->date, "2023-03");
    bc_extraction_free(&x);
    one_dated("2023-11-08",
              "Title\n\nMonday's talks between Lao Cai and Honghe in Hekou focused on fruit.",
              "2023-11-06");
}

/* A month right after another meeting's words ("at the 2024 Spring Meeting in February,
 * and that the 15th conference ... had asked for") is that meeting's, not the one of the
 * later clause (it gave the 15th conference February, a wrong date the Spring Meeting's gold
 * quote hid); a month that opens the sentence still dates the meeting it tells of. */
static void a_month_right_after_another_meeting(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2024-09-19",
                          "Title\n\nThey recalled that the leaders of Guangxi and the four "
                          "provinces had met at the 2024 Spring Meeting in February, and that the "
                          "15th conference of their joint working committee had asked for more "
                          "gates to open.");
    assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2024-02");
    for (size_t i = 0; i < x.nmeetings; i++)
        if (x.meetings[i].ordinal == 15)
            assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
    one_dated("2024-09-19",
              "Title\n\nIn February, the 15th conference of the joint working committee of "
              "Guangxi, Quang Ninh, Lang Son, Cao Bang and Ha Giang was held in Ha Long.",
              "2024-02");
}

/* The day a meeting closed, when its sentence writes the day it opened, is not its date
 * ("..., which opened in Kunming on Monday, ended on Tuesday" gave Tuesday; "ends today"
 * gave the report's day): its first day or none. Talks said only to have ended that day
 * keep it. Talks "prior to" or "ahead of" which something was done are an occasion, not a
 * meeting of that day ("Prior to the talks, on Monday, the delegation visited the gate"). */
static void closing_days_and_what_came_before(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Title\n\nThe three-day talks between Bat Xat and Jinping, which opened in Jinping on "
        "Monday, ended on Wednesday.",
        "Title\n\nThe three-day talks between Bat Xat and Jinping, which opened in Jinping on "
        "Monday, end today.",
        "Title\n\nPrior to the talks, on Monday, the Bat Xat delegation toured the Jinping "
        "border market.",
        "Title\n\nAhead of the talks, the Bat Xat delegation toured the Jinping border market "
        "on Monday.",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        bc_extraction x = run("en", "2024-03-06", texts[k]);
        for (size_t i = 0; i < x.nmeetings; i++)
            if (strcmp(x.meetings[i].date, "2024-03-04") != 0)
                assert_string_equal(x.meetings[i].date, "");
        bc_extraction_free(&x);
    }
    one_dated("2024-03-06",
              "Title\n\nThe talks between Bat Xat and Jinping ended in Jinping on Tuesday.",
              "2024-03-05");
}

/* A Chinese meeting noun with a word for before it ("会晤前一天", "会议召开前夕") is the time of
 * what its sentence reports: a reception that day is a meeting of its own, and stays one
 * beside a body's meeting of the same day; talks of that day are still that meeting. */
static void the_day_before_a_chinese_meeting(void **state)
{
    (void)state;
    static const char *const text =
        "标题\n\n新华社越南下龙3月6日电 广西与越南四省新春会晤6日在下龙举行。\n\n"
        "会晤前一天，即5日下午，越共中央政治局委员黎文成在下龙会见了广西代表团一行。"
        "同日下午，联合工作委员会第十七次会议在下龙召开。";
    bc_extraction x = run("zh", "2026-03-07", text);
    int reception = 0;
    for (size_t k = 0; k < x.nmeetings; k++) {
        const bc_xmeeting *m = &x.meetings[k];
        if (m->ordinal == 0 && m->mechanism[0] == '\0') {
            assert_string_equal(m->date, "2026-03-05");
            reception++;
        }
    }
    assert_int_equal(reception, 1);
    assert_string_equal(meet(&x, "jwc-guangxi", 17)->date, "2026-03-05");
    bc_extraction_free(&x);
    /* negative: talks of the body's day, no word of before, are that meeting */
    x = run("zh", "2026-03-07",
            "标题\n\n3月5日下午，广西与越南四省联合工作委员会第十七次会议在下龙召开。当天，"
            "广西与广宁双方领导举行了会谈。");
    assert_int_equal(x.nmeetings, 1);
    bc_extraction_free(&x);
    /* a reception of that day is a meeting of its own */
    x = run("zh", "2026-03-07",
            "标题\n\n3月5日下午，广西与越南四省联合工作委员会第十七次会议在下龙召开。当天，"
            "广宁省委书记会见了广西代表团。");
    assert_int_equal(x.nmeetings, 2);
    bc_extraction_free(&x);
}

/* "此次会谈", "本次会议": the meeting the report tells, said again, no meeting of its own (a
 * month its sentence names is not its date); talks named without such a word still are. */
static void this_meeting_said_again(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2024-10-17",
                          "标题\n\n10月15日，崇左市与越南谅山省在凭祥市举行工作会谈。"
                          "双方曾于上月商定，本月中旬举行此次会谈。");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-10-15");
    bc_extraction_free(&x);
    /* negative: the next talks, planned for a month, are a meeting of their own */
    x = run("zh", "2024-10-17",
            "标题\n\n10月15日，崇左市与越南谅山省在凭祥市举行工作会谈。"
            "双方商定，明年3月在谅山举行下一次会谈。");
    assert_int_equal(x.nmeetings, 2);
    bc_extraction_free(&x);
}

/* The date of the meeting of text (lang, read with pub) that is to come, failing when none. */
static void planned_dated(const char *lang, const char *pub, const char *text, const char *want)
{
    bc_extraction x = run(lang, pub, text);
    int found = 0;
    for (size_t k = 0; k < x.nmeetings; k++) {
        if (strcmp(x.meetings[k].status, "planned") != 0)
            continue;
        found = 1;
        if (strcmp(x.meetings[k].date, want) != 0)
            fail_msg("%s (%s): the planned meeting dated '%s', expected '%s'", text,
                     pub ? pub : "no reference", x.meetings[k].date, want);
    }
    if (!found)
        fail_msg("%s: no planned meeting", text);
    bc_extraction_free(&x);
}

/* A day a deadline, target date or expiry names ("the June 1 deadline", "la date butoir du
 * 1er juin", "de deadline van 1 juni", "deadline den 1 juni", "po upływie terminu 1
 * czerwca", "hạn chót ngày 1/6", "6月1日的截止日期"), or another event's day set beside it
 * after a preposition of time ("after the opening of the route (June 1)"), is never the
 * meeting's: without a reference date the talks to come in September were dated --06-01
 * (the brief's F-class 3); with one, September. Negative: a day that is the meeting's own
 * beside such words ("in Hekou (June 1)", "w terminie 20 maja") stays. */
static void deadlines_and_other_events_days(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "Title\n\nChongzuo has offered to host the next round of talks in September, by "
               "which point the June 1 deadline for the freight route will have come and gone."},
        {"en", "Title\n\nChongzuo has offered to host the next round of talks in September, "
               "well past the deadline of June 1 for the freight route."},
        {"fr", "Titre\n\nChongzuo a proposé d'accueillir le prochain cycle de pourparlers en "
               "septembre, après la date butoir du 1er juin fixée pour la route de fret."},
        {"nl", "Titel\n\nChongzuo heeft aangeboden de volgende overlegronde in september te "
               "organiseren, na de deadline van 1 juni voor de vrachtroute."},
        {"nl", "Titel\n\nChongzuo heeft aangeboden de volgende overlegronde in september te "
               "organiseren, ruim na de uiterste datum van 1 juni voor de vrachtroute."},
        {"sv", "Rubrik\n\nChongzuo har erbjudit sig att stå värd för nästa samtalsrunda i "
               "september, efter deadline den 1 juni för fraktleden."},
        {"pl", "Tytuł\n\nChongzuo zaproponowało, że będzie gospodarzem kolejnej rundy rozmów we "
               "wrześniu, po upływie terminu 1 czerwca wyznaczonego dla trasy towarowej."},
        {"vi", "Tiêu đề\n\nSùng Tả đề nghị đăng cai vòng hội đàm tiếp theo vào tháng 9, sau hạn "
               "chót ngày 1/6 đối với tuyến vận tải hàng hóa."},
        {"zh", "标题\n\n谅山省与崇左市在凭祥就货运通道举行会谈。崇左市提出9月承办下一轮会谈，届时"
               "货运通道6月1日的截止日期已过。"},
        /* an expiry told by its verb */
        {"en", "Title\n\nChongzuo has offered to host the next round of talks in September, "
               "after the permit for the freight route expires on June 1."},
        {"nl", "Titel\n\nChongzuo heeft aangeboden de volgende overlegronde in september te "
               "organiseren, als de vergunning voor de vrachtroute op 1 juni verloopt."},
        {"sv", "Rubrik\n\nChongzuo har erbjudit sig att stå värd för nästa samtalsrunda i "
               "september, när tillståndet för fraktleden löper ut den 1 juni."},
        {"vi", "Tiêu đề\n\nSùng Tả đề nghị đăng cai vòng hội đàm tiếp theo vào tháng 9, khi giấy "
               "phép tuyến vận tải hết hạn ngày 1/6."},
        {"en", "Title\n\nChongzuo has offered to host the next round of talks in September, "
               "after the opening of the freight route (June 1)."},
        {"en", "Title\n\nChongzuo has offered to host the next round of talks in September, "
               "after the opening of the freight route, June 1."},
        {"fr", "Titre\n\nChongzuo a proposé d'accueillir le prochain cycle de pourparlers en "
               "septembre, après l'ouverture de la route de fret, le 1er juin."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        planned_dated(cases[i].lang, NULL, cases[i].text, "");
        planned_dated(cases[i].lang, "2026-05-10", cases[i].text, "2026-09");
    }
    /* negative: the meeting's own day beside such words */
    planned_dated("en", NULL,
                  "Title\n\nChongzuo has offered to host the next round of talks in Hekou "
                  "(June 1).",
                  "--06-01");
    planned_dated("pl", NULL,
                  "Tytuł\n\nKolejna runda rozmów Lang Son i Chongzuo odbędzie się w terminie 1 "
                  "czerwca w Pingxiangu.",
                  "--06-01");
    planned_dated("en", NULL,
                  "Title\n\nThe next round of talks of Lang Son and Chongzuo will be held in "
                  "Pingxiang on June 1, before the deadline for the freight route.",
                  "--06-01");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dates_that_are_not_a_meetings),
        cmocka_unit_test(chinese_days_of_signing),
        cmocka_unit_test(days_of_what_came_before_or_after),
        cmocka_unit_test(the_day_an_agreement_was_reached),
        cmocka_unit_test(agreements_reached_and_what_the_parties_did),
        cmocka_unit_test(a_possessive_day_is_its_nouns),
        cmocka_unit_test(a_month_right_after_another_meeting),
        cmocka_unit_test(closing_days_and_what_came_before),
        cmocka_unit_test(the_day_before_a_chinese_meeting),
        cmocka_unit_test(this_meeting_said_again),
        cmocka_unit_test(deadlines_and_other_events_days),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
