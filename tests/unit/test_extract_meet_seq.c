/* test_extract_meet_seq.c: whose a day is when a Chinese sentence tells several in turn
 * (extract_meet_seq.c), a span of days into the next month (extract_date_day.c), the
 * year a paragraph opens with (extract_date_anchor.c), a meeting only prepared and words
 * of scheduling. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

#include "fixture.h"

#include "extract_fixture.h"

static void an_arrival_then_the_talks(void **state)
{
    (void)state;
    /* the day that opens the sentence is the arrival's; the talks take the later one */
    bc_extraction x = run("zh", "2025-08-06",
                          "8月1日，河江省代表团抵达文山州开展访问，8月3日上午，"
                          "双方在文山市举行会谈。");
    assert_string_equal(meet(&x, "", 0)->date, "2025-08-03");
    bc_extraction_free(&x);
    x = run("zh", NULL, "老街市代表团7月8日抵达河口，7月9日下午，两市在河口县举行第四次会晤。");
    assert_string_equal(meet(&x, "", 4)->date, "--07-09");
    bc_extraction_free(&x);
    /* negative: one day opening the sentence is still the meeting's */
    x = run("zh", "2025-08-06", "8月1日，双方在文山市举行第六次会晤，并签署了会谈纪要。");
    assert_string_equal(meet(&x, "", 6)->date, "2025-08-01");
    bc_extraction_free(&x);
}

static void a_day_opening_a_later_clause(void **state)
{
    (void)state;
    /* "9月，" opens the next event's clause: not the numbered meeting's month */
    bc_extraction x =
        run("zh", "2025-12-03",
            "6月12日，双方在河口举行第七次联席会议，9月，双方又在老街签署了合作协议。");
    assert_string_equal(meet(&x, "", 7)->date, "2025-06-12");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-03",
            "双方在河口举行了第七次联席会议，10月20日上午，两地又共同出席了口岸开通仪式。");
    assert_string_equal(meet(&x, "", 7)->date, "");
    bc_extraction_free(&x);
    /* negative: a day right after the meeting, no comma closing it, is the meeting's */
    x = run("zh", "2025-12-03", "第七次联席会议，10月20日在河口举行。");
    assert_string_equal(meet(&x, "", 7)->date, "2025-10-20");
    bc_extraction_free(&x);
}

static void spans_into_the_next_month(void **state)
{
    (void)state;
    bc_extraction x =
        run("zh", "2025-12-03", "11月30日至12月1日，防城港市与广宁省第九次会晤在东兴市举行。");
    assert_string_equal(meet(&x, "", 9)->date, "2025-11-30");
    bc_extraction_free(&x);
    x = run("zh", NULL, "2024年12月31日至2025年1月1日，第三次会谈在河口举行。");
    assert_string_equal(meet(&x, "", 3)->date, "2024-12-31");
    bc_extraction_free(&x);
    x = run("zh", NULL, "5月31日至6月1日，第九次会晤在东兴市举行。");
    assert_string_equal(meet(&x, "", 9)->date, "--05-31");
    bc_extraction_free(&x);
    /* the second day after a relative year: never that day, its year from the first */
    x = run("zh", NULL, "去年12月30日至今年1月1日，第十次会晤在老街举行。");
    assert_string_equal(meet(&x, "", 10)->date, "--12-30");
    bc_extraction_free(&x);
    x = run("zh", "2026-01-05", "去年12月30日至今年1月1日，第十次会晤在老街举行。");
    assert_string_not_equal(meet(&x, "", 10)->date, "2025-01-01");
    bc_extraction_free(&x);
    /* five days of a numbered meeting: its first day (tests/eval/README.md: a span is
     * annotated with its first day); negative: five days of a visit date no meeting, and
     * never by their last day */
    x = run("zh", "2025-12-03", "2024年9月28日至10月2日，第十次会谈在河口举行。");
    assert_string_equal(meet(&x, "", 10)->date, "2024-09-28");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-03",
            "2024年9月28日至10月2日，老街省代表团访问河口，其间双方举行了第十次会谈。");
    assert_string_equal(meet(&x, "", 10)->date, "");
    bc_extraction_free(&x);
}

static void the_year_a_paragraph_opens_with(void **state)
{
    (void)state;
    const char *t = "2024年，红河州与越南老街省共举行会谈3次。其中，6月12日，"
                    "双方在河口举行第七次联席会议。";
    bc_extraction x = run("zh", "2025-12-03", t);
    assert_string_equal(meet(&x, "", 7)->date, "2024-06-12");
    assert_false(meet(&x, "", 7)->date_inferred);
    bc_extraction_free(&x);
    x = run("zh", NULL, t);
    assert_string_equal(meet(&x, "", 7)->date, "2024-06-12");
    bc_extraction_free(&x);
    /* last year: that year from the reference date, none without one */
    t = "去年，红河州与越南老街省往来频繁。6月12日，双方在河口举行第七次联席会议。";
    x = run("zh", "2025-12-03", t);
    assert_string_equal(meet(&x, "", 7)->date, "2024-06-12");
    assert_true(meet(&x, "", 7)->date_inferred);
    bc_extraction_free(&x);
    x = run("zh", NULL, t);
    assert_string_equal(meet(&x, "", 7)->date, "--06-12");
    bc_extraction_free(&x);
    /* negative: a new paragraph, or a sentence that writes this year, ends it */
    x = run("zh", "2025-12-03",
            "2024年，红河州与越南老街省共举行会谈3次。\n\n6月12日，双方在河口举行第七次联席会议。");
    assert_string_equal(meet(&x, "", 7)->date, "2025-06-12");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-03",
            "2024年，双方贸易额达20亿元。今年以来，6月12日，双方在河口举行第七次联席会议。");
    assert_string_equal(meet(&x, "", 7)->date, "2025-06-12");
    bc_extraction_free(&x);
    /* nor does a year's figure open one */
    x = run("zh", "2025-12-03",
            "2024年，双方贸易额达52亿美元，同比增长8%。12月2日，双方在芒街举行第九次会晤。");
    assert_string_equal(meet(&x, "", 9)->date, "2025-12-02");
    bc_extraction_free(&x);
}

static void a_meeting_prepared_and_one_scheduled(void **state)
{
    (void)state;
    /* the day is the preparatory meeting's: the twelfth is to come, dated by the next
     * sentence */
    bc_extraction x = run("zh", "2025-12-03",
                          "文山州与越南河江省第十二次会晤筹备会12月2日在麻栗坡召开。"
                          "第十二次会晤将于12月18日在河江举行。");
    assert_string_equal(meet(&x, "", 12)->date, "2025-12-18");
    assert_string_equal(meet(&x, "", 12)->status, "planned");
    bc_extraction_free(&x);
    x = run("zh", "2025-08-22", "8月21日，双方举行工作会谈，并就第五次会议的筹备工作交换意见。");
    assert_string_equal(meet(&x, "", 5)->date, "");
    assert_string_equal(meet(&x, "", 5)->status, "planned");
    bc_extraction_free(&x);
    /* scheduled for a day: "定于", "计划于", "同意于" */
    x = run("zh", "2025-12-03", "第七次联合工作组会议定于12月15日在河口举行。");
    assert_string_equal(meet(&x, "", 7)->date, "2025-12-15");
    assert_string_equal(meet(&x, "", 7)->status, "planned");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-03", "双方一致同意于12月15日在河口举行第六次联合工作组会议。");
    assert_string_equal(meet(&x, "", 6)->status, "planned");
    bc_extraction_free(&x);
    /* negative: a meeting held is neither prepared nor scheduled */
    x = run("zh", "2025-12-03", "12月2日，第十二次会晤在河口举行，双方同意加强合作。");
    assert_string_equal(meet(&x, "", 12)->date, "2025-12-02");
    assert_string_equal(meet(&x, "", 12)->status, "held");
    bc_extraction_free(&x);
}

static void days_of_a_signing_or_of_another_meeting(void **state)
{
    (void)state;
    /* the month a memorandum was signed, where between */
    bc_extraction x =
        run("zh", "2025-12-03", "双方回顾了10月在河口签署的合作备忘录及第四次联席会议的成果。");
    assert_string_equal(meet(&x, "", 4)->date, "");
    bc_extraction_free(&x);
    /* the next meeting's month, in a clause of its own */
    x = run("zh", "2025-12-03",
            "双方回顾了第三次联席会议以来的合作，并商定于明年3月举行下次会议。");
    assert_string_equal(meet(&x, "", 3)->date, "");
    bc_extraction_free(&x);
    /* negative: the meeting's own relative clause, and a clause that names no meeting */
    x = run("zh", "2025-12-03", "双方回顾了去年9月在崇左举行的第七次联席会议以来的合作进展。");
    assert_string_equal(meet(&x, "", 7)->date, "2024-09");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-03",
            "12月2日，双方考察了友谊关口岸货运通道，随后在凭祥举行第九次会晤。");
    assert_string_equal(meet(&x, "", 9)->date, "2025-12-02");
    bc_extraction_free(&x);
}

static void the_eve_of_a_meeting_and_the_day_news_came(void **state)
{
    (void)state;
    /* the day is the talks' on the eve of the eighth, not the eighth's */
    bc_extraction x =
        run("zh", "2025-12-03", "11月29日，在第八次会晤召开前夕，崇左市与谅山省举行了工作会谈。");
    assert_string_equal(meet(&x, "", 8)->date, "");
    bc_extraction_free(&x);
    x = run("zh", NULL, "第八次会晤召开前一天，即11月29日，崇左市与谅山省举行了工作会谈。");
    assert_string_equal(meet(&x, "", 8)->date, "");
    bc_extraction_free(&x);
    /* the day a reporter learned of it, without a reference date to read the month by */
    x = run("zh", NULL,
            "记者12月2日从崇左市外事办了解到，崇左市与越南谅山省第八次会晤于11月在谅山举行。");
    assert_string_equal(meet(&x, "", 8)->date, "");
    bc_extraction_free(&x);
    /* negative: during the meeting is its day; a day the sides met, not one learned */
    x = run("zh", NULL, "12月2日，第八次会晤在谅山举行，会晤期间双方签署了纪要。");
    assert_string_equal(meet(&x, "", 8)->date, "--12-02");
    bc_extraction_free(&x);
    x = run("zh", NULL, "双方12月2日从凭祥出发，在谅山举行第八次会晤。");
    assert_string_equal(meet(&x, "", 8)->date, "--12-02");
    bc_extraction_free(&x);
}

static void first_plans_same_times_and_long_datelines(void **state)
{
    (void)state;
    /* the month first planned is not the meeting's */
    bc_extraction x = run("zh", "2026-01-05", "原定于11月举行的第十次会晤改在12月2日举行。");
    assert_string_equal(meet(&x, "", 10)->date, "2025-12-02");
    assert_string_equal(meet(&x, "", 10)->status, "held");
    bc_extraction_free(&x);
    x = run("zh", "2026-01-05", "第九次会晤原定于10月举行，后推迟。");
    assert_string_equal(meet(&x, "", 9)->date, "");
    bc_extraction_free(&x);
    /* held at the same time as the one before it: its date */
    x = run("zh", NULL,
            "2023年3月下旬，第三次年度工作会晤在河江举行，联合工作组第九次会议同期召开。");
    assert_string_equal(meet(&x, "", 9)->date, "2023-03");
    bc_extraction_free(&x);
    /* the first this year is no number of a series */
    x = run("zh", "2024-03-20", "这是两地今年以来的首次高层会谈。");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* a dateline with a long place, and the day restated after 即 */
    x = run("zh", NULL,
            "新春会晤在下龙举行\n\n新华社越南下龙2月21日电 新春会晤21日上午在下龙市举行。"
            "会晤前一天，即20日下午，阮春胜在下龙会见了陈刚一行。同日下午，"
            "四省一区联合工作委员会第十六次会议在下龙召开。");
    assert_string_equal(meet(&x, "", 16)->date, "--02-20");
    bc_extraction_free(&x);
    /* negative: a plan not first made stays the meeting's, a first with no time counted */
    x = run("zh", "2025-12-03", "第十一次会晤定于12月15日在河口举行。");
    assert_string_equal(meet(&x, "", 11)->date, "2025-12-15");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-03", "12月2日，两市首次会晤在河口举行。");
    assert_string_equal(meet(&x, "", 1)->date, "2025-12-02");
    bc_extraction_free(&x);
}

static void a_year_the_meeting_speaks_of(void **state)
{
    (void)state;
    /* the year a meeting reviews, plans or names is not when it was held */
    bc_extraction x =
        run("zh", "2025-12-04", "第十一次会晤总结了2024年合作成果，部署了下一阶段工作。");
    assert_string_equal(meet(&x, "", 11)->date, "");
    bc_extraction_free(&x);
    x = run("zh", NULL, "第九次会晤期间，双方确定2026年为“中越人文交流年”。");
    assert_string_equal(meet(&x, "", 9)->date, "");
    bc_extraction_free(&x);
    x = run("zh", NULL, "第十次会晤审议通过了《2026年合作计划》。");
    assert_string_equal(meet(&x, "", 10)->date, "");
    bc_extraction_free(&x);
    x = run("zh", NULL, "双方在第十二次会晤上回顾了2023年以来的合作进展。");
    assert_string_equal(meet(&x, "", 12)->date, "");
    bc_extraction_free(&x);
    /* a year said to be something, before a meeting to come next year */
    x = run("zh", NULL, "2025年是中越建交75周年，双方将于明年3月举行第九次联席会议。");
    assert_string_equal(meet(&x, "", 9)->date, "");
    bc_extraction_free(&x);
    /* negative: the year it was held in, however written */
    x = run("zh", NULL, "第十三次联席会议于2024年在老街召开。");
    assert_string_equal(meet(&x, "", 13)->date, "2024");
    bc_extraction_free(&x);
    x = run("zh", NULL, "双方商定，第八次会晤2026年在越南举行。");
    assert_string_equal(meet(&x, "", 8)->date, "2026");
    bc_extraction_free(&x);
    x = run("zh", NULL, "第六次会晤将在2026年上半年举行。");
    assert_string_equal(meet(&x, "", 6)->date, "2026");
    bc_extraction_free(&x);
}

static void what_a_meeting_decided(void **state)
{
    (void)state;
    /* the day decided is not the meeting's, and the meeting that decided took place */
    bc_extraction x =
        run("zh", "2025-11-20", "第十一次会晤商定，自12月15日起延长友谊关口岸通关时间。");
    assert_string_equal(meet(&x, "", 11)->date, "");
    assert_string_equal(meet(&x, "", 11)->status, "held");
    bc_extraction_free(&x);
    x = run("zh", "2025-11-20", "第十二次会晤确定，双方将于12月20日在东兴共同举办边民大联欢活动。");
    assert_string_equal(meet(&x, "", 12)->date, "");
    bc_extraction_free(&x);
    x = run("zh", NULL, "在第十三次会晤上，双方同意友谊关口岸货运通道于12月1日正式开通。");
    assert_string_equal(meet(&x, "", 13)->date, "");
    bc_extraction_free(&x);
    /* negative: the day it was held, before what it decided; one agreed to come */
    x = run("zh", NULL, "第十四次会晤于11月18日举行，会晤商定于明年举行下一次会晤。");
    assert_string_equal(meet(&x, "", 14)->date, "--11-18");
    bc_extraction_free(&x);
    x = run("zh", "2025-11-20", "双方商定，第十五次会晤于12月10日在凭祥举行。");
    assert_string_equal(meet(&x, "", 15)->date, "2025-12-10");
    assert_string_equal(meet(&x, "", 15)->status, "planned");
    bc_extraction_free(&x);
}

static void a_meeting_held_lately(void **state)
{
    (void)state;
    /* 日前/近日: the sentence's other day is something else's */
    bc_extraction x =
        run("zh", "2025-12-03",
            "日前，双方在河口举行第六次联席会议，就11月28日发生的货车滞留事件交换意见。");
    assert_string_equal(meet(&x, "", 6)->date, "");
    bc_extraction_free(&x);
    x = run("zh", NULL, "两地近日在凭祥举行第三次会谈，就11月28日发生的货车滞留事件交换意见。");
    assert_string_equal(meet(&x, "", 3)->date, "");
    bc_extraction_free(&x);
    /* negative: a day written for it, and 近日 of something else after it */
    x = run("zh", "2025-12-03",
            "11月28日，双方在河口举行第七次联席会议，就近日发生的货车滞留事件交换意见。");
    assert_string_equal(meet(&x, "", 7)->date, "2025-11-28");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-03", "近日，记者了解到，11月28日，双方在河口举行了第八次联席会议。");
    assert_string_equal(meet(&x, "", 8)->date, "2025-11-28");
    bc_extraction_free(&x);
}

static void the_afternoon_of_the_day_just_told(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2025-12-03",
                          "12月2日上午，中越友谊关口岸货运通道改造工程开工。下午，"
                          "崇左市与谅山省在凭祥举行第九次会晤。");
    assert_string_equal(meet(&x, "", 9)->date, "2025-12-02");
    bc_extraction_free(&x);
    x = run("zh", NULL, "12月2日上午，双方考察口岸；下午，双方举行第十次会晤。");
    assert_string_equal(meet(&x, "", 10)->date, "--12-02");
    bc_extraction_free(&x);
    /* negative: the sentence before names another month, or is in another paragraph */
    x = run("zh", "2025-12-03",
            "12月2日上午，双方回顾了10月20日签署的协议。下午，双方举行第十一次会晤。");
    assert_string_equal(meet(&x, "", 11)->date, "");
    bc_extraction_free(&x);
    x = run("zh", NULL, "12月2日上午，口岸改造工程开工。\n\n下午，双方举行第十二次会晤。");
    assert_string_equal(meet(&x, "", 12)->date, "");
    bc_extraction_free(&x);
}

static void a_meeting_named_for_another_or_for_its_outcome(void **state)
{
    (void)state;
    /* the day of a meeting about the numbered one, or of acting on its outcome */
    bc_extraction x = run("zh", NULL,
                          "新华社南宁12月3日电 广西与越南四省联工委第十五次会议成果落实情况通报会"
                          "3日在南宁举行。");
    assert_string_equal(meet(&x, "jwc-guangxi", 15)->date, "");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-04", "12月2日，双方召开第七次联席会议纪要落实推进会。");
    assert_string_equal(meet(&x, "", 7)->date, "");
    bc_extraction_free(&x);
    x = run("zh", "2025-12-04", "12月2日，红河州与老街省举行会谈，部署落实第七次联席会议共识。");
    assert_string_equal(meet(&x, "", 7)->date, "");
    bc_extraction_free(&x);
    /* negative: its own relative clause, and a meeting held beside another */
    x = run("zh", "2025-12-04", "双方回顾了去年6月在昆明举行的第十次会议的共识落实情况。");
    assert_string_equal(meet(&x, "", 10)->date, "2024-06");
    bc_extraction_free(&x);
    /* two meetings, each with its own relative clause */
    x = run("zh", NULL,
            "各方回顾了2024年6月在昆明举行的第十次会议和2025年10月在莱州举行的第十一次会议"
            "以来的合作成果。");
    assert_string_equal(meet(&x, "", 10)->date, "2024-06");
    assert_string_equal(meet(&x, "", 11)->date, "2025-10");
    bc_extraction_free(&x);
    x = run("zh", NULL, "12月2日，第八次联席会议暨经贸洽谈会在河口举行。");
    assert_string_equal(meet(&x, "", 8)->date, "--12-02");
    bc_extraction_free(&x);
}

/* "今年的第二次会谈", "年内第三次": the nth in a while, no number of a series, no meeting of
 * its own; a numbered one after a year written or a comma still is. */
static void the_nth_within_this_year(void **state)
{
    (void)state;
    static const char *const nth[] = {"这是两市今年的第二次正式会谈。",
                                      "这已是双方年内第三次会谈。", "这是两地本月第二次会谈。"};
    for (size_t k = 0; k < sizeof nth / sizeof nth[0]; k++) {
        bc_extraction x = run("zh", "2025-11-19", nth[k]);
        for (size_t i = 0; i < x.nmeetings; i++)
            if (x.meetings[i].ordinal != 0)
                fail_msg("%s: a meeting numbered %d", nth[k], x.meetings[i].ordinal);
        bc_extraction_free(&x);
    }
    /* negative: a series' number after a year's day, or after 今年 and a verb of holding */
    bc_extraction x = run("zh", "2025-11-19", "今年6月，双方在东兴举行了第二次联席会议。");
    assert_string_equal(meet(&x, "", 2)->date, "2025-06");
    bc_extraction_free(&x);
    x = run("zh", "2025-11-19", "双方今年在东兴举行了第二次联席会议。");
    assert_int_equal(meet(&x, "", 2)->ordinal, 2);
    bc_extraction_free(&x);
}

/* A meeting being prepared takes the day of the clause of holding that modifies it, which is
 * its own ("做好6月在昆明举行的第四次会晤的筹备工作"); the talks its sentence plans in the same
 * year stay a meeting of their own. */
static void a_prepared_meeting_dated_in_its_own_clause(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2024-03-20",
                          "双方商定今年下半年在文山举行下一轮会谈，并做好今年6月在昆明举行的"
                          "第四次会晤的筹备工作。");
    assert_string_equal(meet(&x, "", 4)->date, "2024-06");
    assert_int_equal(x.nmeetings, 2);
    bc_extraction_free(&x);
    /* negative: a day of the preparation itself, or a month gone by, is not the meeting's */
    x = run("zh", "2024-03-20", "3月18日，双方召开第四次会晤筹备会。");
    assert_string_equal(meet(&x, "", 4)->date, "");
    bc_extraction_free(&x);
    x = run("zh", "2024-03-20", "双方做好1月在昆明举行的第四次会晤的筹备工作。");
    assert_string_equal(meet(&x, "", 4)->date, "");
    bc_extraction_free(&x);
}

/* A numbered meeting held over four days or more ("于3月5日至8日在河口举行") is dated by its
 * first day, as one of two or three days is; not a visit's days, nor a fair's the meeting
 * was held during, nor talks during a visit. */
static void a_meeting_over_several_days(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2024-08-14", "第十五次联席会议于3月5日至8日在河口举行。");
    assert_string_equal(meet(&x, "", 15)->date, "2024-03-05");
    bc_extraction_free(&x);
    x = run("zh", NULL, "3月5日至8日，双方在河口举行第十五次联席会议。");
    assert_string_equal(meet(&x, "", 15)->date, "--03-05");
    bc_extraction_free(&x);
    static const char *const within[] = {
        "3月18日至22日，边贸博览会期间，两地举行了第九次联席会议。",
        "6月3日至7日，文山州代表团对河江省进行工作访问，双方举行了第五次会谈。",
        "4月2日至6日，老街省委书记率团访问云南，其间双方举行了第六次联席会议。",
    };
    for (size_t k = 0; k < sizeof within / sizeof within[0]; k++) {
        x = run("zh", "2024-08-14", within[k]);
        for (size_t i = 0; i < x.nmeetings; i++)
            if (x.meetings[i].date[0])
                fail_msg("%s: a meeting dated '%s'", within[k], x.meetings[i].date);
        bc_extraction_free(&x);
    }
}

/* "上月在谅山举行的第五次会议上曾商定，本月中旬…": what was decided at it is to come, the meeting
 * itself took place, in its own clause's month; without a word of deciding after "上", the
 * meeting's words say. */
static void decided_at_a_meeting_recalled(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2024-10-17",
                          "据介绍，双方上月在谅山举行的联合工作组第五次会议上曾商定，本月中旬在"
                          "凭祥举行会谈。");
    assert_string_equal(meet(&x, "", 5)->date, "2024-09");
    assert_string_equal(meet(&x, "", 5)->status, "held");
    bc_extraction_free(&x);
    /* negative: a meeting to come, "会议上" and no deciding after it */
    x = run("zh", "2024-10-17", "双方将于明年3月在谅山举行第六次会议，会议上将签署合作协议。");
    assert_string_equal(meet(&x, "", 6)->status, "planned");
    bc_extraction_free(&x);
}

/* A day in a later clause that tells what the talks led to is that action's, not the
 * talks': whether the talks' own clause has a day (it dates them) or not (none). */
static void a_day_of_what_the_talks_led_to(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2025-09-20", "两市举行第三次会谈，推动水口口岸于9月8日恢复通关。");
    assert_string_equal(meet(&x, "", 3)->date, "");
    bc_extraction_free(&x);
    x = run("zh", "2025-09-20", "9月5日，两市举行第三次会谈，9月8日水口口岸恢复通关。");
    assert_string_equal(meet(&x, "", 3)->date, "2025-09-05");
    bc_extraction_free(&x);
    x = run("zh", NULL, "2月10日，双方举行第二次会谈，并于12日共同签署了合作备忘录。");
    assert_string_equal(meet(&x, "", 2)->date, "--02-10");
    bc_extraction_free(&x);
    /* negative: a later clause that tells the talks' own holding or time dates them */
    x = run("zh", "2025-09-20", "两市举行第三次会谈，会谈于9月8日在龙州举行。");
    assert_string_equal(meet(&x, "", 3)->date, "2025-09-08");
    bc_extraction_free(&x);
    x = run("zh", "2025-09-20", "9月5日，两市举行第三次会谈，9月8日，双方又在龙州举行第四次会谈。");
    assert_string_equal(meet(&x, "", 4)->date, "2025-09-08");
    bc_extraction_free(&x);
}

/* A meeting to come by the end of a month ("11月底前", "本月底前") is dated by that month, as
 * the annotations date "voor eind september om de tafel"; a deadline of something else, or
 * one of a day, dates no meeting. */
static void a_meeting_by_the_end_of_a_month(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2025-10-10", "双方商定于11月底前在河口举行第四次会谈。");
    assert_string_equal(meet(&x, "", 4)->date, "2025-11");
    assert_string_equal(meet(&x, "", 4)->status, "planned");
    bc_extraction_free(&x);
    x = run("zh", "2025-10-10", "两市商定本月底前再次举行第四次会谈。");
    assert_string_equal(meet(&x, "", 4)->date, "2025-10");
    bc_extraction_free(&x);
    /* without a reference date "本月" has no month */
    x = run("zh", NULL, "两市商定本月底前再次举行第四次会谈。");
    assert_string_equal(meet(&x, "", 4)->date, "");
    bc_extraction_free(&x);
    /* negative: the month-end of another action; a day's deadline */
    x = run("zh", "2025-10-10", "双方商定于11月底前完成口岸改造，第四次会谈将在明年举行。");
    assert_string_equal(meet(&x, "", 4)->date, "2026");
    bc_extraction_free(&x);
    x = run("zh", "2025-10-10", "双方商定于11月30日前举行第四次会谈。");
    assert_string_equal(meet(&x, "", 4)->date, "");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_arrival_then_the_talks),
        cmocka_unit_test(a_day_opening_a_later_clause),
        cmocka_unit_test(spans_into_the_next_month),
        cmocka_unit_test(the_year_a_paragraph_opens_with),
        cmocka_unit_test(a_meeting_prepared_and_one_scheduled),
        cmocka_unit_test(days_of_a_signing_or_of_another_meeting),
        cmocka_unit_test(the_eve_of_a_meeting_and_the_day_news_came),
        cmocka_unit_test(first_plans_same_times_and_long_datelines),
        cmocka_unit_test(a_year_the_meeting_speaks_of),
        cmocka_unit_test(what_a_meeting_decided),
        cmocka_unit_test(a_meeting_held_lately),
        cmocka_unit_test(the_afternoon_of_the_day_just_told),
        cmocka_unit_test(a_meeting_named_for_another_or_for_its_outcome),
        cmocka_unit_test(the_nth_within_this_year),
        cmocka_unit_test(a_prepared_meeting_dated_in_its_own_clause),
        cmocka_unit_test(a_meeting_over_several_days),
        cmocka_unit_test(decided_at_a_meeting_recalled),
        cmocka_unit_test(a_day_of_what_the_talks_led_to),
        cmocka_unit_test(a_meeting_by_the_end_of_a_month),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
