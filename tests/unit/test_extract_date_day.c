/* test_extract_date_day.c: days and months (extract_date_day.c) in words and digits in
 * every language ("30 pazdziernika", "Sang 30/10", "6月12日下午", "le 1er janvier 2025",
 * "from January 1 - 29"); a year from the reference date marked inferred. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#include "extract_fixture.h"

static void days_and_months_in_every_language(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"pl", "Spotkanie 30 października.", "2025-10-30", 1},
        {"pl", "Podpisano 30/10/2025.", "2025-10-30", 0},
        {"pl", "Po spotkaniu (czerwiec 2024 r.) prace trwały.", "2024-06", 0},
        {"sv", "Det hölls den 30 oktober.", "2025-10-30", 1},
        {"sv", "Det hölls i oktober 2025.", "2025-10", 0},
        {"nl", "Het gebeurde op 30 oktober 2025.", "2025-10-30", 0},
        {"en", "It happened on October 30, 2025.", "2025-10-30", 0},
        {"en", "It happened on Nov. 30.", "2025-11-30", 1},
        {"vi", "Ngày 30/10/2025 đã diễn ra.", "2025-10-30", 0},
        {"vi", "Tháng 10 năm 2025 đã diễn ra.", "2025-10", 0},
        {"vi", "Hội nghị tổ chức vào tháng 6/2024.", "2024-06", 0},
        {"vi", "Sáng 30/10 đã diễn ra.", "2025-10-30", 1},
        {"zh", "2024年6月12日举行。", "2024-06-12", 0},
        {"zh", "6月12日下午举行。", "2025-06-12", 1},
        {"fr", "Elle a eu lieu le 12 décembre 2018.", "2018-12-12", 0},
        {"fr", "Elle a eu lieu le 1er janvier 2025.", "2025-01-01", 0},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-10-31");
}

/* A relative year before a day the reference date alone leaves open ("去年10月30日" read
 * in March): the day in that year, inferred. */
static void relative_years_give_far_days_their_year(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"zh", "去年10月30日举行。", "2025-10-30", 1},
        {"zh", "去年9月2日开通。", "2025-09-02", 1},
        {"zh", "今年3月2日举行。", "2026-03-02", 1},
        /* a Dutch month right before a relative year needs no preposition */
        {"nl", "Maart vorig jaar kwamen ze bijeen.", "2025-03", 1},
        {"nl", "Ze zaten november vorig jaar om tafel.", "2025-11", 1},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2026-03-12");
    /* "Op de 10e vergadering": an ordinal, no day of the month */
    bc_extraction y = run("nl", "2026-03-12", "Op de 10e vergadering werd de brug besproken.");
    assert_false(has_date(&y, "2026-03-10"));
    bc_extraction_free(&y);
    /* a month alone without one is no date */
    bc_extraction x = run("nl", "2026-03-12", "Maart was een drukke maand.");
    assert_false(has_date(&x, "2026-03"));
    assert_false(has_date(&x, "2025-03"));
    bc_extraction_free(&x);
}

/* A Vietnamese day or span of days without its year followed by a relative year ("hai ngay
 * 25-26/9 nam ngoai", "ngay 5 thang 3 nam ngoai", "Sang 30/10 nam nay") takes that year,
 * inferred from the reference date. */
static void vietnamese_days_of_a_relative_year(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"vi", "Hội nghị diễn ra trong hai ngày 25-26/9 năm ngoái.", "2024-09-25/2024-09-26", 1},
        {"vi", "Hội nghị diễn ra ngày 5 tháng 3 năm ngoái.", "2024-03-05", 1},
        {"vi", "Hội nghị diễn ra ngày 12/6 năm ngoái.", "2024-06-12", 1},
        {"vi", "Sáng 30/10 năm nay, hội nghị đã diễn ra.", "2025-10-30", 1},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-04-10");
    /* without a reference date the day keeps its month and day */
    static const xdate_case bare[] = {
        {"vi", "Hội nghị diễn ra ngày 12/6 năm ngoái.", "--06-12", 0},
    };
    expect_dates(bare, 1, NULL);
}

/* A Chinese day without its month opening a clause ("12日上午，") is of the month of a day
 * told just before ("5月10日，...抵达。12日上午，...会谈": 10 May, then 12 May), in the
 * reference month too, and then of that day's year, not the reference date's (but not
 * past the reference day unless coming); an earlier day than that one says no month; with
 * no such day, the reference date's month, the month counted from it too. */
static void a_day_alone_takes_the_month_told_before_it(void **state)
{
    (void)state;
    static const struct {
        const char *ref, *text, *exp;
    } cases[] = {
        {"2024-06-13", "5月10日，老街省代表团抵达河口。12日上午，双方举行会谈。", "2024-05-12"},
        {NULL, "5月10日，老街省代表团抵达河口。12日上午，双方举行会谈。", "--05-12"},
        {"2024-06-02", "5月28日，老街省代表团抵达河口。1日上午，双方举行会谈。", NULL},
        {"2024-06-13", "12日上午，河口县与越南老街省举行工作会谈。", "2024-06-12"},
        /* the day told in the reference month, or in that month of another year */
        {"2025-07-25", "7月10日，老街省代表团抵达河口。11日上午，双方举行会谈。", "2025-07-11"},
        {"2025-07-25", "2023年7月18日，老街省代表团抵达河口。20日上午，双方举行会谈。",
         "2023-07-20"},
        {"2025-07-25", "7月10日，老街省代表团抵达河口。28日上午，双方举行会谈。", NULL},
        /* a month of another year told in the sentence before, the last date named */
        {"2025-07-25", "2022年4月，老街省代表团访问河口。9日，双方举行会谈。", "2022-04-09"},
        {NULL, "2022年4月，老街省代表团访问河口。9日，双方举行会谈。", "2022-04-09"},
        {"2025-07-25", "2023年2月，老街省代表团访问河口。30日，双方举行会谈。", NULL},
        /* a month of the reference year (a figure's) leaves the day to the reference month */
        {"2025-10-31", "9月，河口口岸进出口额达12亿元。30日，双方举行会谈。", "2025-10-30"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run("zh", cases[i].ref, cases[i].text);
        const char *exp = cases[i].exp;
        if (exp == NULL ? x.nmeetings != 0
                        : x.nmeetings != 1 || strcmp(x.meetings[0].date, exp) != 0)
            fail_msg("%s (%s): %zu meetings, first dated '%s'", cases[i].text,
                     cases[i].ref ? cases[i].ref : "no reference", x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    bc_extraction x = run("zh", "2024-06-13", "12日上午，河口县与越南老街省举行工作会谈。");
    assert_int_equal(x.meetings[0].date_inferred, BC_X_INFERRED_DATE);
    bc_extraction_free(&x);
}

/* "between March 3 and April 20", "from March 3 to April 20, 2026": a run of days across
 * months, in the year written after it or the reference year (inferred); none without
 * either; two days joined by "and" with no "between" stay two days. */
static void runs_of_days_across_months(void **state)
{
    (void)state;
    static const struct {
        const char *ref, *text, *iso;
        int inferred;
    } cases[] = {
        {"2026-05-02", "Between March 3 and April 20, exports reached 30 million USD.",
         "2026-03-03/2026-04-20", 1},
        {NULL, "From March 3 to April 20, 2026, exports reached 30 million USD.",
         "2026-03-03/2026-04-20", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run("en", cases[i].ref, cases[i].text);
        const bc_xdate *d = date_of(&x, cases[i].iso);
        if (d == NULL || (d->inferred != 0) != cases[i].inferred)
            fail_msg("%s: no %s", cases[i].text, cases[i].iso);
        assert_string_equal(fig(&x, 30e6)->period, cases[i].iso);
        bc_extraction_free(&x);
    }
    bc_extraction x =
        run("en", NULL, "Between March 3 and April 20, exports reached 30 million USD.");
    assert_string_equal(fig(&x, 30e6)->period, "");
    bc_extraction_free(&x);
    x = run("en", "2026-05-02", "Talks were held on March 3 and April 20 in Lao Cai.");
    assert_non_null(date_of(&x, "2026-03-03"));
    assert_non_null(date_of(&x, "2026-04-20"));
    bc_extraction_free(&x);
}

/* A Chinese day inside its clause, where or that the meeting was held after it ("两市24日
 * 在凭祥举行会谈", "双方于22日在...举行"), or after "当地时间", is read as one that opens its
 * clause: of the reference month within ten days before the reference day; a day in a
 * clause that goes on otherwise ("截至24日，...") is not, nor a count of days after a word
 * that is not who met ("连续21日在口岸滞留"). */
static void a_day_inside_its_clause(void **state)
{
    (void)state;
    static const struct {
        const char *ref, *text, *exp;
    } cases[] = {
        {"2025-07-25", "凭祥市与同登县24日在凭祥举行边贸会谈。", "2025-07-24"},
        {"2025-07-25", "两地代表团于22日在河口举行工作会谈。", "2025-07-22"},
        {"2025-07-25", "当地时间23日，凭祥市与同登县举行边贸会谈。", "2025-07-23"},
        {NULL, "凭祥市与同登县24日在凭祥举行边贸会谈。", NULL},
        {"2025-07-25", "凭祥市与同登县3日在凭祥举行边贸会谈。", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run("zh", cases[i].ref, cases[i].text);
        const char *exp = cases[i].exp;
        if (exp == NULL ? x.nmeetings != 0
                        : x.nmeetings != 1 || strcmp(x.meetings[0].date, exp) != 0)
            fail_msg("%s (%s): %zu meetings, first dated '%s'", cases[i].text,
                     cases[i].ref ? cases[i].ref : "no reference", x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    /* a count of days is no day: "连续21日在口岸滞留" */
    bc_extraction x =
        run("zh", "2025-07-25", "货车连续21日在口岸滞留，凭祥市与同登县为此举行会谈。");
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_not_equal(x.meetings[k].date, "2025-07-21");
    bc_extraction_free(&x);
    x = run("zh", "2025-07-25", "截至24日，凭祥口岸进出口额增长12%。");
    assert_false(has_date(&x, "2025-07-24"));
    bc_extraction_free(&x);
}

/* A Chinese day right after the meeting's own noun ("座谈会18日上午在...举行"): a day of the
 * reference month, and "当天" after it that day; a later day than the reference day, a
 * count of days or no reference date gives none. */
static void a_day_right_after_the_meeting_noun(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2025-06-20",
                          "标题\n\n老街省与红河州边贸座谈会18日上午在河口县举行。当天下午，"
                          "老街省代表团与红河州举行工作会谈。");
    assert_true(has_date(&x, "2025-06-18"));
    assert_int_equal(x.nmeetings, 2);
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_equal(x.meetings[k].date, "2025-06-18");
    bc_extraction_free(&x);
    /* after the reference day: of which month is not said */
    x = run("zh", "2025-06-20", "标题\n\n老街省与红河州边贸座谈会23日上午在河口县举行。");
    assert_false(has_date(&x, "2025-06-23"));
    assert_false(has_date(&x, "2025-05-23"));
    bc_extraction_free(&x);
    /* no reference date: no day */
    x = run("zh", NULL, "标题\n\n老街省与红河州边贸座谈会18日上午在河口县举行。");
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_true(x.meetings[k].date[0] == '\0' || strlen(x.meetings[k].date) < 6);
    bc_extraction_free(&x);
}

/* A Chinese day alone after a month of another year told just before is of that month,
 * but not when that month is a figure's period ("2025年9月，…进出口额达12亿元。28日，…"):
 * the amount's month says no time the story is at, so the day is of no known month
 * (outsider 12, F1's class: no year or month the text does not give); English "On the
 * 28th" after such a month alike. */
static void a_figures_month_gives_no_day_its_month(void **state)
{
    (void)state;
    static const char *const figure = "标题\n\n2025年9月，河口口岸进出口额达12亿元。28日，天保—清水"
                                      "口岸正式恢复客运通关。";
    static const char *const visit = "标题\n\n2025年9月，云南省代表团访问老街省。28日，天保—清水"
                                     "口岸正式恢复客运通关。";
    for (int pub = 0; pub < 2; pub++) {
        bc_extraction x = run("zh", pub ? "2026-11-27" : NULL, figure);
        assert_false(has_date(&x, "2025-09-28"));
        assert_int_equal(x.ngates, 1);
        assert_string_equal(x.gates[0].date, "");
        bc_extraction_free(&x);
    }
    bc_extraction x = run("zh", NULL, visit); /* negative: a month of what took place */
    assert_true(has_date(&x, "2025-09-28"));
    bc_extraction_free(&x);
    /* English "the 28th" likewise (bcx_month_before) */
    x = run("en", NULL,
            "Title\n\nIn September 2025, trade through the Hekou gate reached 1.2 billion USD. On "
            "the 28th, the Thanh Thuy - Thien Bao border gate reopened to passengers.");
    assert_false(has_date(&x, "2025-09-28"));
    bc_extraction_free(&x);
    x = run("en", NULL,
            "Title\n\nIn September 2025, a delegation of Yunnan visited Lao Cai. On the 28th, the "
            "Thanh Thuy - Thien Bao border gate reopened to passengers.");
    assert_true(has_date(&x, "2025-09-28"));
    bc_extraction_free(&x);
}

/* Each of the meetings of text (zh, read with ref), as "date status" joined by "; ". */
static void dates_of(const char *ref, const char *text, char *out, size_t n)
{
    bc_extraction x = run("zh", ref, text);
    out[0] = '\0';
    for (size_t k = 0; k < x.nmeetings; k++) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "%s%s %s", k ? "; " : "", x.meetings[k].date,
                 x.meetings[k].status);
    }
    bc_extraction_free(&x);
}

/* A day in a clause of holding that modifies a meeting's noun ("落实2月22日以视频方式举行的
 * ...会晤所达成的共识") is that meeting's, held, whatever the main clause proposes: the
 * reference date's year, or the year of the meeting's name. Not so when the clause itself
 * says it is to come ("将在...举行的"), nor for a proposal to hold one ("于5月22日...举行"). */
static void a_day_in_a_clause_of_holding_before_the_noun(void **state)
{
    (void)state;
    static const struct {
        const char *ref, *text, *exp;
    } cases[] = {
        {"2023-04-05",
         "胡进绍建议双方认真落实2月22日以视频方式举行的四省与广西2023年党委书记新春会晤所达成的"
         "共识。",
         "2023-02-22 held"},
        {NULL,
         "胡进绍建议双方认真落实2月22日以视频方式举行的四省与广西2023年党委书记新春会晤所达成的"
         "共识。",
         "2023-02-22 held"},
        {"2023-04-05",
         "胡进绍建议双方认真落实2月22日在河江举行的联合工作委员会第十四次会议所达成的共识。",
         "2023-02-22 held"},
        /* to come: a proposal to hold one, a clause of holding that says it is coming */
        {"2023-04-05", "胡进绍建议双方于5月22日在河口举行联合工作委员会第十五次会议。",
         "2023-05-22 planned"},
        {"2023-04-05",
         "胡进绍建议双方做好5月22日将在河口举行的联合工作委员会第十五次会议的各项准备。",
         "2023-05-22 planned"},
    };
    char got[256];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        dates_of(cases[i].ref, cases[i].text, got, sizeof got);
        if (strcmp(got, cases[i].exp) != 0)
            fail_msg("%s (%s): got '%s', want '%s'", cases[i].text,
                     cases[i].ref ? cases[i].ref : "no reference", got, cases[i].exp);
    }
}

/* 1 when some meeting of x is dated to a single day. */
static int a_meeting_on_a_day(const bc_extraction *x)
{
    for (size_t k = 0; k < x->nmeetings; k++) {
        size_t len = strlen(x->meetings[k].date);
        if (len == 10 || (len == 7 && x->meetings[k].date[0] == '-'))
            return 1;
    }
    return 0;
}

/* A span of days with the weekday of each end written in it ("van woensdag 19 tot vrijdag
 * 21 februari", "du vendredi 28 février au dimanche 2 mars") is read as the same span
 * without them, in every language, within a month or across two: a period of days, and a
 * programme over several days gives its meeting no day (outsider 14 via the lead: the
 * Voorjaarsontmoeting was dated 2025-02-21, the span's last day). Negative: one day with
 * its weekday is still that day. */
static void spans_with_their_weekdays(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"nl", "Het programma loopt van woensdag 19 tot vrijdag 21 februari in Nanning.",
         "2025-02-19/2025-02-21", 1},
        {"en", "The programme runs in Nanning from Wednesday 19 to Friday 21 February.",
         "2025-02-19/2025-02-21", 1},
        {"fr", "Le programme se déroule à Nanning du mercredi 19 au vendredi 21 février.",
         "2025-02-19/2025-02-21", 1},
        {"zh", "活动于2月19日（星期三）至21日在南宁举行。", "2025-02-19/2025-02-21", 1},
        {"vi", "Chương trình diễn ra tại Nam Ninh từ thứ Tư 19 đến thứ Sáu 21/2.",
         "2025-02-19/2025-02-21", 1},
        {"pl", "Program trwa w Nanningu od środy 19 do piątku 21 lutego.", "2025-02-19/2025-02-21",
         1},
        {"sv", "Programmet pågår i Nanning från onsdag 19 till fredag 21 februari.",
         "2025-02-19/2025-02-21", 1},
        {"en", "The programme runs in Nanning on Wednesday 19 – Friday 21 February.",
         "2025-02-19/2025-02-21", 1},
        {"fr", "Le programme se déroule à Nanning mercredi 19 – vendredi 21 février.",
         "2025-02-19/2025-02-21", 1},
        /* across two months, with and without the weekdays */
        {"fr", "Le programme se déroule du vendredi 28 février au dimanche 2 mars.",
         "2025-02-28/2025-03-02", 1},
        {"nl", "Het programma loopt van 28 februari tot en met 2 maart.", "2025-02-28/2025-03-02",
         1},
        {"pl", "Program trwa od 28 lutego do 2 marca.", "2025-02-28/2025-03-02", 1},
        {"sv", "Programmet pågår från fredag 28 februari till söndag 2 mars.",
         "2025-02-28/2025-03-02", 1},
        {"en", "The programme runs from Friday 28 February to Sunday 2 March.",
         "2025-02-28/2025-03-02", 1},
        /* negative: one day and its weekday */
        {"fr", "La réunion s'est tenue le vendredi 21 février.", "2025-02-21", 1},
        {"nl", "Het overleg vond plaats op vrijdag 21 februari.", "2025-02-21", 1},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-03-05");
    static const struct {
        const char *lang, *text;
    } meetings[] = {
        {"nl", "De Voorjaarsontmoeting 2025 van Lang Son en Guangxi vormt het hoogtepunt van een "
               "driedaags programma dat van woensdag 19 tot vrijdag 21 februari in Nanning loopt."},
        {"en", "The 2025 Spring Meeting of Lang Son and Guangxi crowns a three-day programme "
               "that runs in Nanning from Wednesday 19 to Friday 21 February."},
        {"fr", "La Rencontre de printemps 2025 de Lang Son et du Guangxi couronne un programme de "
               "trois jours qui se déroule à Nanning du mercredi 19 au vendredi 21 février."},
        {"zh",
         "2025年谅山省与广西新春会晤是从2月19日（星期三）至21日在南宁举行的为期三天活动的重头戏。"},
        {"pl", "Spotkanie wiosenne 2025 Lang Son i Guangxi jest zwieńczeniem trzydniowego "
               "programu, który trwa w Nanningu od środy 19 do piątku 21 lutego."},
        {"sv", "Vårmötet 2025 mellan Lang Son och Guangxi är höjdpunkten i ett tredagarsprogram "
               "som pågår i Nanning från onsdag 19 till fredag 21 februari."},
    };
    for (size_t i = 0; i < sizeof meetings / sizeof meetings[0]; i++)
        for (int p = 0; p < 2; p++) {
            bc_extraction x = run(meetings[i].lang, p ? "2025-02-22" : NULL, meetings[i].text);
            if (x.nmeetings == 0)
                fail_msg("%s: no meeting", meetings[i].text);
            if (a_meeting_on_a_day(&x))
                fail_msg("%s: a meeting dated a day of its span", meetings[i].text);
            bc_extraction_free(&x);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_and_months_in_every_language),
        cmocka_unit_test(relative_years_give_far_days_their_year),
        cmocka_unit_test(vietnamese_days_of_a_relative_year),
        cmocka_unit_test(a_day_alone_takes_the_month_told_before_it),
        cmocka_unit_test(runs_of_days_across_months),
        cmocka_unit_test(a_day_inside_its_clause),
        cmocka_unit_test(a_day_right_after_the_meeting_noun),
        cmocka_unit_test(a_figures_month_gives_no_day_its_month),
        cmocka_unit_test(a_day_in_a_clause_of_holding_before_the_noun),
        cmocka_unit_test(spans_with_their_weekdays),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
