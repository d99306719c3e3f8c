/* test_extract_date_anchor.c: Chinese days and months counted from the date just told
 * (extract_date_anchor.c): "同年6月12日", "次年3月", "同月14日", "当月20日", "次月3日" take
 * the year or month of that date, never the reference date's; without a plain date to
 * count from they give none. "本月14日", "上月28日": a day of the reference date's month
 * or the one before. And a day alone ("29日，") a few days before the day told
 * just before, "the same day" included, is of that day's month. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The date of the meeting whose quote starts with the words at, in text read with
 * reference date ref: exp, or none when exp is "" (no such meeting either). */
static void expect_at(const char *ref, const char *text, const char *at, const char *exp)
{
    bc_extraction x = run("zh", ref, text);
    size_t off = (size_t)(strstr(text, at) - text);
    const bc_xmeeting *m = NULL;
    for (size_t i = 0; i < x.nmeetings && m == NULL; i++)
        if (x.meetings[i].cite.q[0].start == off)
            m = &x.meetings[i];
    if (m == NULL && exp[0] == '\0')
        ; /* talks without a day are no meeting at all */
    else if (m == NULL)
        fail_msg("%s (%s): no meeting at '%s' among %zu", text, ref ? ref : "no reference", at,
                 x.nmeetings);
    else if (strcmp(m->date, exp) != 0)
        fail_msg("%s (%s): the meeting at '%s' dated '%s', expected '%s'", text,
                 ref ? ref : "no reference", at, m->date, exp);
    bc_extraction_free(&x);
}

/* "同年", "次年" before a month and perhaps its day: the year of the date last named (or
 * the one after), written by the text; not the reference date's. */
static void a_year_word_takes_the_year_told(void **state)
{
    (void)state;
    static const char *const text = "2022年4月9日，凭祥市与同登县在凭祥举行边贸会谈。"
                                    "同年8月17日，两地又在同登举行第二次会谈。";
    expect_at("2025-09-01", text, "同年", "2022-08-17");
    expect_at(NULL, text, "同年", "2022-08-17");
    static const char *const next = "2021年11月，广西与广宁省在东兴举行工作会谈。"
                                    "次年3月5日，双方在芒街举行会谈。";
    expect_at("2025-09-01", next, "次年", "2022-03-05");
    xdate_case month[] = {
        {"zh", "2020年10月，两地签署协议。当年12月，双方举行会谈。", "2020-12", 0},
        {"zh", "2020年10月，两地签署协议。该年12月3日，双方举行会谈。", "2020-12-03", 0},
    };
    expect_dates(month, sizeof month / sizeof month[0], "2025-09-01");
    /* "同年，" opening a clause: the year alone; "同年同期" (the same period) is no date */
    static const char *const alone = "2019年3月，中越双方在河口举行第一次会议。"
                                     "同年，第二次会议在老街举行。";
    expect_at("2025-09-01", alone, "同年", "2019");
    bc_extraction x = run("zh", "2025-09-01", "2019年3月，两地签署协议。同年同期进出口额增长。");
    assert_int_equal(x.ndates, 1); /* 2019-03 */
    bc_extraction_free(&x);
    /* a year counted from the reference date gives one counted too */
    xdate_case rel[] = {
        {"zh", "去年2月，两地签署协议。同年6月12日，双方举行会谈。", "2024-06-12", 1},
    };
    expect_dates(rel, 1, "2025-09-01");
}

/* "同月14日", "当月20日", "该月3日", "次月2日": the month of the day or month last named;
 * a span of days is its first day's. */
static void a_month_word_takes_the_month_told(void **state)
{
    (void)state;
    static const char *const text = "2021年7月26日，两省共同举行口岸开通仪式。"
                                    "同月9日，河口县与老街市在河口举行会谈，商定仪式安排。";
    expect_at("2025-09-01", text, "同月", "2021-07-09");
    expect_at(NULL, text, "同月", "2021-07-09");
    static const char *const that = "2023年5月，双方签署备忘录。当月20日，两地在东兴举行会谈。";
    expect_at("2025-09-01", that, "当月", "2023-05-20");
    static const char *const nextm = "2023年12月28日，两国举行口岸升格仪式。"
                                     "次月4日，百色市与高平省在龙邦举行会谈。";
    expect_at("2025-09-01", nextm, "次月", "2024-01-04");
    /* a day whose month is the reference date's too: the year stays inferred */
    xdate_case inferred[] = {
        {"zh", "6月10日，两地签署协议。同月18日，双方举行会谈。", "2025-06-18", 1},
        {"zh", "2019年3月6日，两地签署协议。同月11日至12日，双方举行会谈。",
         "2019-03-11/2019-03-12", 0},
    };
    expect_dates(inferred, sizeof inferred / sizeof inferred[0], "2025-09-01");
    /* without a reference date a day of a month without its year keeps month and day */
    xdate_case bare[] = {
        {"zh", "6月10日，两地签署协议。同月18日，双方举行会谈。", "--06-18", 0},
    };
    expect_dates(bare, 1, NULL);
}

/* The words with no plain date to count from give no date, and their day never takes the
 * reference date's year: after a span of months, a comparison, nothing, or a date four
 * sentences back. */
static void no_date_to_count_from_gives_none(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "今年1至5月，口岸进出口额增长12%。同月14日，双方在凭祥举行会谈。",
        "同年6月12日，双方在凭祥举行会谈。",
        "2022年3月，两地签署协议。此后双方多次磋商。边贸持续增长。旅游也在恢复。"
        "同年6月12日，双方在凭祥举行会谈。",
        "比2023年增长15%。同年6月12日，双方在凭祥举行会谈。",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run("zh", "2025-09-01", cases[i]);
        for (size_t k = 0; k < x.nmeetings; k++)
            if (x.meetings[k].date[0] != '\0')
                fail_msg("%s: a meeting dated '%s'", cases[i], x.meetings[k].date);
        for (size_t k = 0; k < x.ndates; k++)
            if (strstr(x.dates[k].iso, "-06-12") != NULL || strstr(x.dates[k].iso, "-14") != NULL)
                fail_msg("%s: a date '%s'", cases[i], x.dates[k].iso);
        bc_extraction_free(&x);
    }
}

/* A day alone ("29日，") within a week before the day told just before (written, or
 * carried by "同日") is of that day's month; one more than a week before says none. */
static void a_day_alone_a_few_days_before_the_day_told(void **state)
{
    (void)state;
    static const char *const text = "2024年11月20日上午，中国云南省与越南老街省联合工作组第八次"
                                    "会议在昆明举行。同日，双方签署合作备忘录。"
                                    "18日，云南省领导与老街省代表团举行会谈。";
    expect_at(NULL, text, "18日", "2024-11-18");
    expect_at("2025-03-01", text, "18日", "2024-11-18");
    static const char *const far = "2024年11月20日上午，中国云南省与越南老街省联合工作组第八次"
                                   "会议在昆明举行。同日，双方签署合作备忘录。"
                                   "3日，云南省领导与老街省代表团举行会谈。";
    expect_at(NULL, far, "3日", "");
}

/* "本月14日", "上月28日", "下个月3日": a day of the month counted from the reference date,
 * all of it inferred; without a reference date, none. */
static void a_day_of_this_or_last_month(void **state)
{
    (void)state;
    xdate_case cases[] = {
        {"zh", "本月14日，双方在东兴举行会谈。", "2025-09-14", BC_X_INFERRED_DATE},
        {"zh", "上月28日，双方在东兴举行会谈。", "2025-08-28", BC_X_INFERRED_DATE},
        {"zh", "上个月3日，双方在东兴举行会谈。", "2025-08-03", BC_X_INFERRED_DATE},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-09-20");
    xdate_case january[] = {
        {"zh", "上月30日，双方在东兴举行会谈。", "2024-12-30", BC_X_INFERRED_DATE},
    };
    expect_dates(january, 1, "2025-01-08");
    expect_at("2025-09-20", "本月14日，双方在东兴举行会谈。", "本月", "2025-09-14");
    expect_at(NULL, "本月14日，双方在东兴举行会谈。", "本月", "");
    /* the 31st of a month of 30 days is none */
    bc_extraction x = run("zh", "2025-10-05", "上月31日，双方在东兴举行会谈。");
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_equal(x.meetings[k].date, "");
    bc_extraction_free(&x);
}

/* A Chinese day of a month after that month written with its year, in its sentence or
 * after a semicolon, takes that year, with or without a reference date; a day of another
 * month, or one in the next paragraph, does not. */
static void a_day_of_the_month_just_written_with_its_year(void **state)
{
    (void)state;
    static const char *const refs[] = {NULL, "2024-01-20"};
    for (size_t r = 0; r < 2; r++) {
        bc_extraction x = run("zh", refs[r],
                              "标题\n\n2022年9月，河口县与老街省在河口举行第五次会谈；"
                              "此前，两地工作组第三次会议已于9月8日召开。");
        assert_true(has_date(&x, "2022-09-08"));
        bc_extraction_free(&x);
        x = run("zh", refs[r], "标题\n\n2022年9月，双方在9月8日召开工作组会议。");
        assert_true(has_date(&x, "2022-09-08"));
        bc_extraction_free(&x);
    }
    bc_extraction x = run("zh", NULL,
                          "标题\n\n2022年9月，河口县与老街省在河口举行第五次会谈；"
                          "此前，两地工作组第三次会议已于8月8日召开。");
    assert_false(has_date(&x, "2022-08-08"));
    bc_extraction_free(&x);
    x = run("zh", NULL,
            "标题\n\n2022年9月，河口县与老街省在河口举行第五次会谈。\n\n"
            "两地工作组第三次会议于9月8日召开。");
    assert_false(has_date(&x, "2022-09-08"));
    bc_extraction_free(&x);
}

/* "会晤期间" right after the clause that holds the meeting in its own sentence is the
 * day or month that sentence gives it; with no meeting held before it, nothing. */
static void during_the_meeting_held_in_its_sentence(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2024-05-10",
                          "标题\n\n2022年9月，老街省与云南省第二次年度会晤在昆明举行，"
                          "会晤期间还召开了联合工作组第七次会议。");
    assert_int_equal(x.nmeetings, 2);
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_equal(x.meetings[k].date, "2022-09");
    bc_extraction_free(&x);
    x = run("zh", "2024-05-10",
            "标题\n\n2022年9月8日，老街省与云南省第二次年度会晤在昆明召开，"
            "会晤期间还召开了联合工作组第七次会议。");
    assert_int_equal(x.nmeetings, 2);
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_equal(x.meetings[k].date, "2022-09-08");
    bc_extraction_free(&x);
    /* no meeting held before it: no date */
    x = run("zh", "2024-05-10",
            "标题\n\n老街省与云南省贸易额增长12%。会晤期间，双方召开了联合工作组第七次会议。");
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_equal(x.meetings[k].date, "");
    bc_extraction_free(&x);
}

/* A paragraph that a year opens gives its days that year, but not when the year is a
 * figure's ("2025年，双方贸易额为211亿元": 元 after a scale, not right after the number) nor
 * past a sentence that says another year in words ("今年以来"), even when no reference
 * date makes those words a date: the day keeps its month and day (outsider 12, F1). */
static void a_year_opening_a_figure_frames_no_day(void **state)
{
    (void)state;
    static const char *const figure = "口岸合作\n\n2025年，双方贸易额为211亿元。"
                                      "天保—清水口岸已于9月28日恢复客运通关。";
    static const char *const this_year = "口岸合作\n\n2025年，双方举行多次会谈。"
                                         "今年以来，口岸车辆明显增加。"
                                         "天保—清水口岸已于9月28日恢复客运通关。";
    static const char *const opens = "口岸合作\n\n2025年，双方举行多次会谈。"
                                     "天保—清水口岸于9月28日恢复客运通关。";
    const char *undated[] = {figure, this_year};
    for (size_t k = 0; k < 2; k++) {
        bc_extraction x = run("zh", NULL, undated[k]);
        if (!has_date(&x, "--09-28") || has_date(&x, "2025-09-28"))
            fail_msg("%s: 9月28日 took a year", undated[k]);
        assert_int_equal(x.ngates, 1);
        assert_string_equal(x.gates[0].date, "--09-28");
        bc_extraction_free(&x);
    }
    /* with a publication date "今年" is that year's */
    bc_extraction x = run("zh", "2026-11-27", this_year);
    assert_true(has_date(&x, "2026-09-28"));
    bc_extraction_free(&x);
    /* a year that opens a paragraph of events still frames its days */
    x = run("zh", NULL, opens);
    assert_true(has_date(&x, "2025-09-28"));
    bc_extraction_free(&x);
}

/* "同日", "当天", "次日", "同月" count from the time the story last told: not from a day told
 * before it when a month opens a later sentence of the paragraph ("2024年3月，…。同日下午，
 * …"), nor across a month the text does not date ("去年12月，…" without a reference date);
 * a month recalled in passing ("会议回顾了去年6月…") leaves the day told as it is. */
static void the_same_day_of_a_month_told_last(void **state)
{
    (void)state;
    static const char *const a =
        "标题\n\n2023年12月14日，高平省与百色市在茶岭口岸举行第二次会谈。\n\n2024年3月，"
        "红河州与老街省在河口举行第八次联席会议。同日下午，两地领导还举行了会谈。";
    expect_at("2024-06-20", a, "同日下午", "");
    static const char *const b =
        "标题\n\n3月12日，红河州与老街省在河口举行第九次联席会议。\n\n4月，文山州代表团赴河江"
        "省访问。其间，双方举行第六次会谈。次日，两地边防部门举行会晤。";
    expect_at("2025-06-20", b, "其间", "");
    expect_at("2025-06-20", b, "次日", "");
    static const char *const d = "标题\n\n2024年5月10日，百色市与高平省举行第三次会谈。\n\n"
                                 "去年12月，两市签署合作备忘录。同月，双方举行第二次会谈。";
    expect_at(NULL, d, "同月", "");
    /* negative: a month recalled in passing; a month opening a sentence with a day after it */
    static const char *const e =
        "标题\n\n3月12日，红河州与老街省在河口举行第九次联席会议。会议回顾了去年6月在昆明举行"
        "的第八次联席会议以来的合作成果。当天下午，双方举行会谈。";
    expect_at("2025-06-20", e, "当天下午", "2025-03-12");
    expect_at(NULL, e, "当天下午", "--03-12");
    static const char *const f =
        "标题\n\n2024年3月，红河州与老街省举行第八次联席会议。3月20日，两地边防部门举行第五次"
        "会晤。同日下午，两地领导还举行了会谈。";
    expect_at("2024-06-20", f, "同日下午", "2024-03-20");
}

/* A month written with its year that opens a sentence gives its year to the days of that
 * month the paragraph then tells without a year, not the reference date's; another month
 * (the story may have moved on) keeps its own reading. */
static void a_month_with_its_year_opens_the_story(void **state)
{
    (void)state;
    static const char *const a =
        "标题\n\n2023年3月下旬，文山州代表团访问河江省。3月28日，双方在河江市"
        "举行第五次会谈。";
    expect_at("2025-06-20", a, "3月28日", "2023-03-28");
    expect_at(NULL, a, "3月28日", "2023-03-28");
    static const char *const b =
        "标题\n\n回顾过去，2020年1月，两地曾在老街举行第三次会谈。当时双方决定，"
        "每年举行一次会谈。1月20日，第四次会谈在河口举行。";
    expect_at("2025-06-20", b, "1月20日", "2020-01-20");
    /* negative: another month than the one opening the story */
    static const char *const d =
        "标题\n\n2023年12月，茶岭口岸升格为国际口岸。3月5日，双方在茶岭举行"
        "第六次会谈。";
    bc_extraction x = run("zh", "2025-06-20", d);
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2023-03-05");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(during_the_meeting_held_in_its_sentence),
        cmocka_unit_test(a_year_opening_a_figure_frames_no_day),
        cmocka_unit_test(a_day_of_the_month_just_written_with_its_year),
        cmocka_unit_test(a_year_word_takes_the_year_told),
        cmocka_unit_test(a_month_word_takes_the_month_told),
        cmocka_unit_test(no_date_to_count_from_gives_none),
        cmocka_unit_test(a_day_alone_a_few_days_before_the_day_told),
        cmocka_unit_test(a_day_of_this_or_last_month),
        cmocka_unit_test(the_same_day_of_a_month_told_last),
        cmocka_unit_test(a_month_with_its_year_opens_the_story),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
