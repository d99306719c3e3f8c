/* test_extract_date_year.c: the year a day takes from its sentence (extract_date_year.c):
 * a relative year opening its clause, a year written in a meeting's name; never without
 * a reference date or a written year, nor the name's year for a month or day counted from
 * a reference date that was not given. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* A day without its year in a clause a relative year opens ("Vorig jaar kwamen ... op 29
 * januari samen", "Last year, ... on January 29") is of that year, whatever the reference
 * date's nearest; without a reference date it stays a month and day. */
static void a_relative_year_dates_the_days_of_its_clause(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "Last year, the two delegations met on January 29 in Hekou."},
        {"fr", "L'an dernier, les deux délégations se sont réunies le 29 janvier à Hekou."},
        {"nl", "Vorig jaar kwamen beide delegaties op 29 januari in Hekou samen."},
        {"pl", "W ubiegłym roku obie delegacje spotkały się 29 stycznia w Hekou."},
        {"sv", "Förra året träffades de två delegationerna den 29 januari i Hekou."},
        {"vi", "Năm ngoái, hai đoàn đã hội đàm ngày 29/1 tại Hà Khẩu."},
        {"zh", "去年1月29日，老街省与云南省代表团在河口举行会谈。"},
    };
    /* the 29th of January after a report of the 10th: the year before, as after June */
    static const char *const refs[] = {"2025-01-10", "2025-06-10"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int r = 0; r < 2; r++) {
            bc_extraction x = run(cases[i].lang, refs[r], cases[i].text);
            if (x.nmeetings != 1 || strcmp(x.meetings[0].date, "2024-01-29") != 0 ||
                !x.meetings[0].date_inferred)
                fail_msg("%s (%s): %zu meetings, first dated %s", cases[i].text, refs[r],
                         x.nmeetings, x.nmeetings ? x.meetings[0].date : "-");
            bc_extraction_free(&x);
        }
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        assert_int_equal(x.nmeetings, 1);
        assert_string_equal(x.meetings[0].date, "--01-29");
        bc_extraction_free(&x);
    }
    /* a relative year of another clause dates nothing of this one */
    bc_extraction x =
        run("en", "2025-06-10",
            "Trade fell last year, while the two delegations, both from the border, met on "
            "January 29 in Hekou.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-01-29");
    bc_extraction_free(&x);
}

/* A day without its year takes the year written in the meeting's name of its sentence:
 * the text's year, with or without a reference date. */
static void a_meeting_name_gives_its_year(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"vi", "Sáng 20/2, Gặp gỡ đầu Xuân năm 2025 giữa các tỉnh diễn ra tại Hạ Long."},
        {"en", "On February 20, the 2025 Spring Meeting of the provinces took place in Ha Long."},
        {"zh", "2月20日上午，2025年新春会晤在下龙举行。"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int r = 0; r < 2; r++) {
            bc_extraction x = run(cases[i].lang, r ? "2026-03-01" : NULL, cases[i].text);
            if (x.nmeetings != 1 || strcmp(x.meetings[0].date, "2025-02-20") != 0 ||
                x.meetings[0].date_inferred)
                fail_msg("%s (%s): %zu meetings, first dated %s", cases[i].text,
                         r ? "2026-03-01" : "no reference", x.nmeetings,
                         x.nmeetings ? x.meetings[0].date : "-");
            bc_extraction_free(&x);
        }
    }
}

/* A meeting named with its year whose sentence counts its month or day from the report
 * ("本月上旬", "上月", "昨天", "earlier this month", "yesterday"): with a reference date, that
 * month, marked as the reference's; without one, no date (not the name's year, which is
 * coarser than what the text says, nor when a relative year's month is left without a
 * year: "去年2月"); the name's year alone dates it when the sentence says no more. */
static void a_month_counted_from_the_report_is_not_the_names_year(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *ref, *text, *exp;
    } cases[] = {
        {"zh", "2025-02-28", "此前，2025年广西与越南边境四省党委书记新春会晤本月上旬在南宁举行。",
         "2025-02"},
        {"zh", NULL, "此前，2025年广西与越南边境四省党委书记新春会晤本月上旬在南宁举行。", ""},
        {"zh", NULL, "此前，2025年广西与越南边境四省党委书记新春会晤上月在南宁举行。", ""},
        {"zh", NULL, "2025年广西与越南边境四省党委书记新春会晤昨天在南宁举行。", ""},
        {"zh", NULL, "2025年广西与越南边境四省党委书记新春会晤在南宁举行。", "2025"},
        /* a month after a relative year, no reference date: no year completes it */
        {"zh", NULL, "去年2月，2025年广西与越南边境四省党委书记新春会晤在南宁举行。", ""},
        {"en", "2025-02-28",
         "The 2025 Spring Meeting of the party secretaries of Guangxi and the four Vietnamese "
         "provinces was held earlier this month in Nanning.",
         "2025-02"},
        {"en", NULL,
         "The 2025 Spring Meeting of the party secretaries of Guangxi and the four Vietnamese "
         "provinces was held earlier this month in Nanning.",
         ""},
        {"en", NULL,
         "The 2025 Spring Meeting of the party secretaries of Guangxi and the four Vietnamese "
         "provinces was held yesterday in Nanning.",
         ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, cases[i].ref, cases[i].text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, cases[i].exp) != 0 ||
            strcmp(x.meetings[0].mechanism, "spring-meeting-guangxi") != 0)
            fail_msg("%s (%s): %zu meetings, first dated '%s'", cases[i].text,
                     cases[i].ref ? cases[i].ref : "no reference", x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        /* the month is the reference's, not the text's */
        if (cases[i].ref != NULL && x.meetings[0].date_inferred != BC_X_INFERRED_DATE)
            fail_msg("%s: inferred %d", cases[i].text, x.meetings[0].date_inferred);
        bc_extraction_free(&x);
    }
}

/* The date of the meeting of x with ordinal ord (0: the first without one), "-" when none. */
static const char *date_of_meeting(const bc_extraction *x, int ord)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        if (x->meetings[i].ordinal == ord)
            return x->meetings[i].date;
    return "-";
}

/* A year that closes the clause of one meeting is not the year in the name of the meeting
 * that follows it past a comma and "and at" ("... Yunnan in 2023, and at the Spring
 * Meeting ... on February 22, 2024"): the spring meeting keeps its own day; and a year that
 * follows a numbered meeting after nothing but its body's name and the body's places is that
 * meeting's ("the 11th meeting of the Joint Working Group of Lao Cai, Ha Giang and Yunnan in
 * 2023"), with or without a reference date, in every language with that shape. */
static void a_year_after_the_body_dates_its_meeting_not_the_next(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *named;
    } cases[] = {
        {"en",
         "Both sides went over what was agreed at the 11th meeting of the Joint Working Group of "
         "Lao Cai, Ha Giang and Yunnan in 2023, and at the Spring Meeting of Party Secretaries "
         "held in Ha Giang on February 22, 2024.",
         "2024-02-22"},
        {"fr",
         "Les deux côtés ont examiné ce qui avait été convenu à la 11e réunion du Groupe de "
         "travail conjoint de Lao Cai, Ha Giang et du Yunnan en 2023, et à la Rencontre de "
         "printemps des secrétaires du Parti tenue à Ha Giang le 22 février 2024.",
         "2024-02-22"},
        {"vi",
         "Hai bên đã điểm lại những gì thống nhất tại Phiên họp lần thứ 11 Nhóm công tác liên "
         "hợp giữa các tỉnh Lào Cai, Hà Giang và Vân Nam năm 2023.",
         NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int r = 0; r < 2; r++) {
            bc_extraction x = run(cases[i].lang, r ? "2025-03-11" : NULL, cases[i].text);
            if (strcmp(date_of_meeting(&x, 11), "2023") != 0 ||
                (cases[i].named && strcmp(date_of_meeting(&x, 0), cases[i].named) != 0))
                fail_msg("%s (%s): the 11th dated '%s', the other '%s'", cases[i].text,
                         r ? "2025-03-11" : "no reference", date_of_meeting(&x, 11),
                         date_of_meeting(&x, 0));
            bc_extraction_free(&x);
        }
    /* the year before the name, in one phrase, is still the name's */
    bc_extraction x =
        run("en", NULL,
            "The 2023 Spring Meeting of Party Secretaries was held in Ha Giang, the delegates "
            "recalled.");
    assert_string_equal(date_of_meeting(&x, 0), "2023");
    bc_extraction_free(&x);
    x = run("en", NULL,
            "Delegates praised the 2023 edition of the Spring Meeting of Party Secretaries in Ha "
            "Giang and its results.");
    assert_string_equal(date_of_meeting(&x, 0), "2023");
    bc_extraction_free(&x);
}
/* A day without its year a few days after a day of the same month its sentence writes with
 * its year is of that year; a day of another month, or before it, keeps no year. */
static void a_day_takes_the_year_of_a_day_just_before_it(void **state)
{
    (void)state;
    bc_extraction x = run("en", NULL,
                          "Talks were held on May 5, 2026, and the fair opens on May 8, the "
                          "day after the forum of May 7 and before the summit of June 2.");
    assert_non_null(date_of(&x, "2026-05-08"));
    assert_non_null(date_of(&x, "2026-05-07"));
    assert_non_null(date_of(&x, "--06-02"));
    assert_null(date_of(&x, "2026-06-02"));
    bc_extraction_free(&x);
    x = run("en", NULL, "The forum of May 3 came before talks held on May 5, 2026.");
    assert_non_null(date_of(&x, "--05-03"));
    bc_extraction_free(&x);
}

/* Talks named by their year ("The 2021 talks between ..., held on May 4", "At the 2021
 * talks in Hekou on May 4") are of that year: the day takes it, not the reference date's
 * (2023-05-04 was a wrong date); without a reference date too. A year that names no talks
 * ("talks in 2021 ... and on May 4 ...") is no name. */
static void talks_named_by_their_year(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Title\n\nThe 2021 talks between Bat Xat and Jinping in Hekou, held on May 4, set up a "
        "hotline.",
        "Title\n\nAt the 2021 talks in Hekou on May 4, officials of Bat Xat and Jinping set up "
        "a hotline.",
    };
    for (size_t k = 0; k < 2; k++) {
        for (int ref = 0; ref < 2; ref++) {
            bc_extraction x = run("en", ref ? "2023-06-01" : NULL, texts[k]);
            assert_int_equal(x.nmeetings, 1);
            assert_string_equal(x.meetings[0].date, "2021-05-04");
            bc_extraction_free(&x);
        }
    }
    bc_extraction x = run("en", "2023-06-01",
                          "Title\n\nOfficials of Bat Xat and Jinping held talks in Hekou on May 4 "
                          "to review the hotline set up in 2021.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2023-05-04");
    bc_extraction_free(&x);
    /* a meeting's year after "since" is a point counted from: it names no year of the
     * sentence's days (2021-05-04 was a wrong date) */
    static const char *const since =
        "Title\n\nThe talks, the first since the 2021 meeting in Hekou, were held in Jinping on "
        "May 4 between officials of Bat Xat and Jinping.";
    x = run("en", "2023-06-01", since);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2023-05-04");
    bc_extraction_free(&x);
    x = run("en", NULL, since);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "--05-04");
    bc_extraction_free(&x);
}

/* A Chinese year opening the name of a meeting, its members between ("2021年中国广西与越南边境
 * 四省党委书记新春会晤也提出…"): the meeting's, though its sentence says nothing of holding it;
 * not a year before a comma, nor one things are counted from. */
static void a_year_opening_a_chinese_name(void **state)
{
    (void)state;
    bc_extraction x =
        run("zh", NULL, "2022年中国广西与越南边境四省党委书记新春会晤也强调，要保障口岸畅通。");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2022");
    assert_string_equal(x.meetings[0].mechanism, "spring-meeting-guangxi");
    bc_extraction_free(&x);
    /* its members listed with "、": still its name; the day before it takes its year */
    x = run("zh", NULL,
            "将共同落实2023年中国广西与越南广宁、谅山、高平、河江四省党委书记新春会晤达成的共识。");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2023");
    bc_extraction_free(&x);
    x = run(
        "zh", NULL,
        "2月21日，2025年中国广西与越南广宁、谅山、高平、河江四省党委书记新春会晤在下龙市举行。");
    assert_string_equal(x.meetings[0].date, "2025-02-21");
    bc_extraction_free(&x);
    static const char *const not_its[] = {
        "2022年，两地贸易额增长，新春会晤也强调要保障口岸畅通。",
        "2022年以来中国广西与越南边境四省党委书记新春会晤多次强调保障口岸畅通。",
        "2022年，广宁、谅山两省贸易额增长，新春会晤也强调要保障口岸畅通。",
    };
    for (size_t k = 0; k < sizeof not_its / sizeof not_its[0]; k++) {
        x = run("zh", NULL, not_its[k]);
        for (size_t i = 0; i < x.nmeetings; i++)
            if (strcmp(x.meetings[i].date, "2022") == 0)
                fail_msg("%s: a meeting dated 2022", not_its[k]);
        bc_extraction_free(&x);
    }
}

/* A Dutch month told again right after a sentence of its paragraph whose last date is of
 * that month with its year ("Op 9 maart kwamen ... bijeen voor de Voorjaarsbijeenkomst 2022.
 * De negende zitting ... volgde in maart eveneens in Lang Son") is of that year, without a
 * reference date and over one; not with a relative year of its own, another month, nor
 * across a paragraph. */
static void a_month_told_again_keeps_its_year(void **state)
{
    (void)state;
    static const char *const first =
        "Kop\n\nOp 9 maart kwamen de partijleiders van Quang Ninh, Lang Son, Cao Bang en Ha "
        "Giang in Lang Son bijeen met Guangxi voor de Voorjaarsbijeenkomst 2022.";
    char text[768];
    snprintf(text, sizeof text,
             "%s De negende zitting van het gezamenlijk werkcomité volgde in maart eveneens in "
             "Lang Son.",
             first);
    const char *const refs[] = {NULL, "2023-01-20"};
    for (int r = 0; r < 2; r++) {
        bc_extraction x = run("nl", refs[r], text);
        assert_string_equal(meet(&x, "", 9)->date, "2022-03");
        bc_extraction_free(&x);
    }
    static const char *const not_it[] = {
        " Vorig jaar volgde de negende zitting van het gezamenlijk werkcomité in maart in Lang "
        "Son.",
        " De negende zitting van het gezamenlijk werkcomité volgde in april in Lang Son.",
        " De volgende zitting van het gezamenlijk werkcomité staat in maart in Lang Son "
        "gepland.",
        "\n\nDe negende zitting van het gezamenlijk werkcomité volgde in maart in Lang Son.",
    };
    for (size_t i = 0; i < sizeof not_it / sizeof not_it[0]; i++) {
        snprintf(text, sizeof text, "%s%s", first, not_it[i]);
        bc_extraction x = run("nl", NULL, text);
        for (size_t k = 0; k < x.nmeetings; k++)
            if (strcmp(x.meetings[k].date, "2022-03") == 0 ||
                strcmp(x.meetings[k].date, "2022-04") == 0)
                fail_msg("%s: dated %s", not_it[i], x.meetings[k].date);
        bc_extraction_free(&x);
    }
}

/* A year of a meeting's name in a sentence whose weekday goes unread without a reference
 * date gives way to that day (it may be the meeting's), but not when the sentence tells the
 * meeting's preparation ("begonnen donderdag al met de voorbereiding van de lentebijeenkomst
 * van 2026"): that day is the preparation's. */
static void a_named_year_beside_the_day_of_its_preparation(void **state)
{
    (void)state;
    bc_extraction x = run("nl", NULL,
                          "Kop\n\nLang Son en Guangxi begonnen donderdag al met de voorbereiding "
                          "van de lentebijeenkomst van 2026.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2026");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Kop\n\nDe partijleiders van Lang Son en Guangxi openden donderdag de "
            "lentebijeenkomst van 2026.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2026");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_relative_year_dates_the_days_of_its_clause),
        cmocka_unit_test(a_month_told_again_keeps_its_year),
        cmocka_unit_test(a_named_year_beside_the_day_of_its_preparation),
        cmocka_unit_test(a_meeting_name_gives_its_year),
        cmocka_unit_test(a_month_counted_from_the_report_is_not_the_names_year),
        cmocka_unit_test(a_year_after_the_body_dates_its_meeting_not_the_next),
        cmocka_unit_test(a_day_takes_the_year_of_a_day_just_before_it),
        cmocka_unit_test(talks_named_by_their_year),
        cmocka_unit_test(a_year_opening_a_chinese_name),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
