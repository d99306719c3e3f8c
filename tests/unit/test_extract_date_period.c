/* test_extract_date_period.c: periods of months (extract_date_period.c) in every
 * language: "the first nine months", "前三季度", "1-9月", "od stycznia do wrzesnia",
 * halves and quarters; the reference year marked inferred. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void periods_in_every_language(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"pl", "Plan na lata 2023–2026 przyjęto.", "2023/2026", 0},
        {"pl", "Wpływy wyniosły od stycznia do września 310 mld VND.", "2025-01/2025-09", 1},
        {"sv", "Under årets första nio månader ökade det.", "2025-01/2025-09", 1},
        {"sv", "Från januari till och med september ökade det.", "2025-01/2025-09", 1},
        {"nl", "In de eerste negen maanden van 2025 groeide het.", "2025-01/2025-09", 0},
        {"en", "It grew in the first nine months of 2025.", "2025-01/2025-09", 0},
        {"en", "It grew in the first half of 2024.", "2024-01/2024-06", 0},
        {"en", "It grew in the first quarter of this year.", "2025-01/2025-03", 1},
        {"en", "It grew from January 1 - 29.", "2025-01-01/2025-01-29", 1},
        {"vi", "Trong 9 tháng đầu năm 2025 tăng.", "2025-01/2025-09", 0},
        {"vi", "Trong 6 tháng đầu năm nay tăng.", "2025-01/2025-06", 1},
        /* a dash before "9/2025", one date token: the run of months, not September alone
         * (outsider 8) */
        {"vi", "Trong tháng 1-9/2025, xuất khẩu tăng.", "2025-01/2025-09", 0},
        {"vi", "Trong tháng 3 - 8/2024, xuất khẩu tăng.", "2024-03/2024-08", 0},
        {"zh", "2024年前三季度增长。", "2024-01/2024-09", 0},
        {"zh", "今年1-9月增长。", "2025-01/2025-09", 1},
        {"zh", "上半年增长。", "2025-01/2025-06", 1},
        /* a range of months after its year is the range, not the year's first month */
        {"zh", "2023年2月至7月增长。", "2023-02/2023-07", 0},
        {"zh", "2023年2月增长。", "2023-02", 0},
        /* "between" two months is the run of them; "and" alone joins only neighbours */
        {"en", "It grew between February and July.", "2025-02/2025-07", 1},
        {"nl", "Het groeide tussen februari en juli 2023.", "2023-02/2023-07", 0},
        {"en", "It grew in February and July.", "2025-02", 1},
        {"nl", "In de eerste drie kwartalen groeide het.", "2025-01/2025-09", 1},
        {"nl", "In de eerste jaarhelft groeide het.", "2025-01/2025-06", 1},
        {"fr", "Au cours des neuf premiers mois de 2024, elles ont crû.", "2024-01/2024-09", 0},
        {"fr", "Au premier semestre 2024, elles ont crû.", "2024-01/2024-06", 0},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-10-31");
}

/* One quarter named by its number ("the fourth quarter of 2027", "au troisième trimestre
 * 2027", "3e trimestre"): its three months, only with its year, since without one it may
 * be last year's as well as this year's. */
static void one_quarter_by_its_number(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"en", "They will meet in the fourth quarter of 2027.", "2027-10/2027-12", 0},
        {"fr", "Elles se réuniront au troisième trimestre 2027.", "2027-07/2027-09", 0},
        {"fr", "Elles se réuniront au 3e trimestre 2026.", "2026-07/2026-09", 0},
        {"en", "They will meet in the second quarter of next year.", "2026-04/2026-06", 1},
        {"vi", "Hai bên sẽ gặp nhau vào quý IV/2027.", "2027-10/2027-12", 0},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-10-31");
    /* without its year: no period */
    bc_extraction x = run("en", "2025-10-31", "They will meet in the third quarter.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strstr(x.dates[i].iso, "-07/"));
    bc_extraction_free(&x);
    /* "the first quarter" is still the quarter from January, with or without a year */
    x = run("en", "2025-10-31", "It grew in the first quarter.");
    assert_non_null(date_of(&x, "2025-01/2025-03"));
    bc_extraction_free(&x);
}

/* A later half or quarter named by its ordinal: with its year; without one, said to be
 * coming, this year's while it has not ended, none after it nor when past. Two months next
 * to each other joined by "and" are a period; two apart are not. */
static void later_parts_of_a_year(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"sv", "Under fjärde kvartalet 2026 ska de ses.", "2026-10/2026-12", 0},
        {"en", "It grew in the third quarter of 2024.", "2024-07/2024-09", 0},
        {"sv", "Nästa samtal hålls under andra halvåret.", "2025-07/2025-12", 1},
        {"sv", "Handeln ökade under januari och februari 2025.", "2025-01/2025-02", 0},
        {"en", "Trade grew in May and June 2024.", "2024-05/2024-06", 0},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-03-31");
    bc_extraction x = run("en", "2025-03-31", "Trade grew in the second half.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strstr(x.dates[i].iso, "-07/"));
    bc_extraction_free(&x);
    x = run("en", "2025-03-31", "Trade grew in May and July 2024.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_string_not_equal(x.dates[i].iso, "2024-05/2024-07");
    bc_extraction_free(&x);
    /* to come, after the part has ended: this year's or the next, unknown */
    x = run("sv", "2025-11-20", "Nästa samtal hålls under andra kvartalet.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strstr(x.dates[i].iso, "-04/"));
    bc_extraction_free(&x);
}

/* A running total up to the end of a month ("until the end of July", "tot eind juli",
 * "đến hết tháng 7/2025", "截至7月底"): from January of that month's year; the year written
 * or the reference year (inferred); none without either. "In the eight months", with its
 * article, is the reference year's first eight. */
static void running_totals_to_a_months_end(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"en", "Sales rose until the end of July.", "2025-01/2025-07", 1},
        {"en", "Sales rose to the end of July 2024.", "2024-01/2024-07", 0},
        {"nl", "De verkoop steeg tot eind juli.", "2025-01/2025-07", 1},
        {"fr", "Les ventes ont progressé jusqu'à fin juillet.", "2025-01/2025-07", 1},
        {"pl", "Do końca lipca sprzedaż wzrosła.", "2025-01/2025-07", 1},
        {"sv", "Försäljningen ökade till slutet av juli.", "2025-01/2025-07", 1},
        {"vi", "Từ đầu năm đến hết tháng 7/2024, doanh số tăng.", "2024-01/2024-07", 0},
        {"zh", "截至7月底，销售额增长。", "2025-01/2025-07", 1},
        {"en", "Sales rose in the eight months.", "2025-01/2025-08", 1},
        {"nl", "In de acht maanden steeg de verkoop.", "2025-01/2025-08", 1},
        {"nl", "Tot en met augustus 2024 steeg de verkoop.", "2024-01/2024-08", 0},
        {"sv", "Till och med augusti 2024 ökade försäljningen.", "2024-01/2024-08", 0},
        {"en", "Through August 2024, sales rose.", "2024-01/2024-08", 0},
        {"en", "As of the end of August 2024, sales rose.", "2024-01/2024-08", 0},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-09-15");
    /* the end of January is January alone */
    bc_extraction x = run("en", "2025-09-15", "Sales rose until the end of January.");
    assert_non_null(date_of(&x, "2025-01"));
    bc_extraction_free(&x);
    /* no year anywhere: no period; nor is "eight months" without its article one */
    x = run("nl", NULL, "De verkoop steeg tot eind juli.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strstr(x.dates[i].iso, "/"));
    bc_extraction_free(&x);
    /* "through" a month with no year written is no running total; nor a day */
    x = run("en", "2025-09-15", "Sales rose through August. Talks ran from 3 through 5 June.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strstr(x.dates[i].iso, "-01/"));
    bc_extraction_free(&x);
    x = run("en", "2025-09-15", "The works took eight months.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strstr(x.dates[i].iso, "-01/"));
    bc_extraction_free(&x);
}

/* A count or an amount "since the beginning of the year" runs from January 1 of the
 * reference year to the reference date, inferred; without a reference date, or with a
 * year or an end written after the words, that reading is not made; another clause's
 * amount does not take it. */
static void since_the_beginning_of_the_year(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double value;
    } cases[] = {
        {"fr",
         "Le poste-frontière a accueilli plus de 40 000 visiteurs depuis le début de l'année.",
         40000},
        {"en", "Exports through the gate have reached 75 million USD so far this year.", 75e6},
        {"vi", "Từ đầu năm đến nay, kim ngạch qua cửa khẩu đạt 90 triệu USD.", 90e6},
        {"zh", "今年以来，该口岸进出口额达12亿元。", 12e8},
        {"pl", "Od początku roku obroty wyniosły 30 mln USD.", 30e6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2026-04-08", cases[i].text);
        const bc_xfigure *f = fig(&x, cases[i].value);
        if (strcmp(f->period, "2026-01-01/2026-04-08") != 0 || !f->period_inferred)
            fail_msg("%s: period '%s' inferred %d", cases[i].text, f->period, f->period_inferred);
        bc_extraction_free(&x);
        x = run(cases[i].lang, NULL, cases[i].text);
        assert_string_equal(fig(&x, cases[i].value)->period, "");
        bc_extraction_free(&x);
    }
    /* an end written after the words is the date finder's (a day after "今年以来截至": from
     * the year's first day to it); another clause is not the amount's */
    bc_extraction x = run("zh", "2026-05-20", "今年以来截至5月15日，该贸易区交易额已超过97亿元。");
    assert_string_equal(fig(&x, 97e8)->period, "2026-01-01/2026-05-15"); /* to that day */
    bc_extraction_free(&x);
    x = run("en", "2026-04-08",
            "Trade reached 2 billion USD in 2025, and visitors have kept coming since the "
            "beginning of the year.");
    assert_string_equal(fig(&x, 2e9)->period, "2025");
    bc_extraction_free(&x);
}

/* A span of months across a year end (outsider 8, H1): "from December 2024 to February
 * 2025", "từ tháng 12/2024 đến tháng 2/2025", "od grudnia 2024 do lutego 2025",
 * "2024年12月至2025年2月" is one period from the first month to the last, never the one
 * month of either end. With one year written the other follows from the months (the end
 * year comes after the start's); with none, the reference date gives the last period of
 * those months that has ended (inferred); with neither, no period. An amount stated with
 * it has it as its period. */
static void spans_across_a_year_end(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"en", "Exports rose from December 2024 to February 2025.", "2024-12/2025-02", 0},
        {"en", "Exports rose between December 2024 and February 2025.", "2024-12/2025-02", 0},
        {"en", "Exports rose in December 2024–February 2025.", "2024-12/2025-02", 0},
        {"en", "Exports rose from December to February 2025.", "2024-12/2025-02", 0},
        {"en", "Exports rose from December 2024 to February.", "2024-12/2025-02", 0},
        {"en", "Exports rose from October 2024 to March 2026.", "2024-10/2026-03", 0},
        {"en", "Exports rose from January 2024 to March 2024.", "2024-01/2024-03", 0},
        {"en", "Exports rose from December to February.", "2024-12/2025-02", 1},
        {"vi", "Từ tháng 12/2024 đến tháng 2/2025, xuất khẩu tăng.", "2024-12/2025-02", 0},
        {"vi", "Từ tháng 12 năm 2024 đến tháng 2 năm 2025, xuất khẩu tăng.", "2024-12/2025-02", 0},
        {"vi", "Từ tháng 12 đến tháng 2/2025, xuất khẩu tăng.", "2024-12/2025-02", 0},
        {"vi", "Trong tháng 12/2024 - tháng 2/2025, xuất khẩu tăng.", "2024-12/2025-02", 0},
        {"pl", "Od grudnia 2024 do lutego 2025 eksport wzrósł.", "2024-12/2025-02", 0},
        {"pl", "Od grudnia 2024 r. do lutego 2025 r. eksport wzrósł.", "2024-12/2025-02", 0},
        {"pl", "Od grudnia do lutego 2025 eksport wzrósł.", "2024-12/2025-02", 0},
        {"zh", "2024年12月至2025年2月，出口增长。", "2024-12/2025-02", 0},
        {"zh", "2024年12月到2025年2月，出口增长。", "2024-12/2025-02", 0},
        {"zh", "从2024年12月至2025年2月，出口增长。", "2024-12/2025-02", 0},
        {"zh", "2024年12月—2025年2月，出口增长。", "2024-12/2025-02", 0},
        {"zh", "2024年12月至次年2月，出口增长。", "2024-12/2025-02", 0},
        {"zh", "去年12月至今年2月，出口增长。", "2024-12/2025-02", 1},
        {"fr", "De décembre 2024 à février 2025, les exportations ont crû.", "2024-12/2025-02", 0},
        {"fr", "Entre décembre 2024 et février 2025, les exportations ont crû.", "2024-12/2025-02",
         0},
        {"fr", "De décembre à février 2025, les exportations ont crû.", "2024-12/2025-02", 0},
        {"sv", "Från december 2024 till februari 2025 ökade exporten.", "2024-12/2025-02", 0},
        {"sv", "Från december 2024 till och med februari 2025 ökade exporten.", "2024-12/2025-02",
         0},
        {"nl", "Van december 2024 tot februari 2025 steeg de export.", "2024-12/2025-02", 0},
        {"nl", "Van december 2024 tot en met februari 2025 steeg de export.", "2024-12/2025-02", 0},
        {"nl", "Van december tot februari 2025 steeg de export.", "2024-12/2025-02", 0},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-03-10");
    /* the reference date before the months' end: the span a year before (inferred); no
     * reference date and no year: no period; the same month at both ends: none */
    bc_extraction x = run("en", "2025-01-20", "Exports rose from December to February.");
    assert_non_null(date_of(&x, "2023-12/2024-02"));
    bc_extraction_free(&x);
    x = run("en", NULL, "Exports rose from December to February.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strchr(x.dates[i].iso, '/'));
    bc_extraction_free(&x);
    x = run("en", "2025-03-10", "Exports rose from March to March 2025.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strchr(x.dates[i].iso, '/'));
    bc_extraction_free(&x);
    /* the amount's period, in every language, with and without a reference date */
    static const struct {
        const char *lang, *text;
        double value;
    } money[] = {
        {"en",
         "Vietnam exported goods worth 1.2 billion USD to China from December 2024 to "
         "February 2025.",
         1.2e9},
        {"vi",
         "Từ tháng 12/2024 đến tháng 2/2025, kim ngạch xuất khẩu sang Trung Quốc đạt 1,2 "
         "tỷ USD.",
         1.2e9},
        {"pl", "Od grudnia 2024 do lutego 2025 eksport do Chin wyniósł 1,2 mld USD.", 1.2e9},
        {"zh", "2024年12月至2025年2月，对越南出口额达12亿美元。", 1.2e9},
        {"fr",
         "De décembre 2024 à février 2025, les exportations vers la Chine ont atteint 1,2 "
         "milliard USD.",
         1.2e9},
        {"sv",
         "Från december 2024 till februari 2025 uppgick exporten till Kina till 1,2 "
         "miljarder USD.",
         1.2e9},
        {"nl",
         "Van december 2024 tot februari 2025 bedroeg de export naar China 1,2 miljard "
         "USD.",
         1.2e9},
    };
    for (size_t i = 0; i < sizeof money / sizeof money[0]; i++)
        for (int withref = 0; withref < 2; withref++) {
            x = run(money[i].lang, withref ? "2025-03-10" : NULL, money[i].text);
            const bc_xfigure *f = fig(&x, money[i].value);
            if (strcmp(f->period, "2024-12/2025-02") != 0 || f->period_inferred)
                fail_msg("%s: period '%s' inferred %d", money[i].text, f->period,
                         f->period_inferred);
            bc_extraction_free(&x);
        }
}

/* Months "of that year" ("van dat jaar", "of the same year") are of the year written last,
 * in the sentence or the one before; with none written, no period (never the reference
 * year). */
static void months_of_that_year(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"nl",
         "Voor heel Vietnam was 2024 een topjaar. In de eerste elf maanden van dat jaar steeg de "
         "export.",
         "2024-01/2024-11", 0},
        {"en", "2024 was a record year. In the first eleven months of that year, exports rose.",
         "2024-01/2024-11", 0},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-11-29");
    bc_extraction x =
        run("en", "2025-11-29", "In the first eleven months of that year, exports rose.");
    for (size_t i = 0; i < x.ndates; i++)
        assert_null(strstr(x.dates[i].iso, "-01/"));
    bc_extraction_free(&x);
}

/* The words opening a sentence frame its later clauses of counts too, when no other time is
 * told between (outsider 12, F12): "今年以来，…日均超过1500辆次，出入境人员超过320万人次" gives
 * both the period to the reference date, inferred; a year told before the later count is
 * its period instead, and a later clause of a goal for the whole year takes none. */
static void since_the_beginning_of_the_year_frames_its_sentence(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"zh", "今年以来，经该口岸出入境的货运车辆日均超过1500辆次，出入境人员超过320万人次。"},
        {"en", "Since the beginning of the year, more than 1,500 trucks a day have crossed the "
               "gate, and more than 3.2 million people have passed through it."},
        {"nl", "Sinds het begin van het jaar passeerden dagelijks meer dan 1.500 vrachtwagens de "
               "grensovergang, en staken meer dan 3,2 miljoen mensen de grens over."},
        {"pl", "Od początku roku przez przejście przejeżdżało dziennie ponad 1500 ciężarówek, a "
               "ponad 3,2 mln osób przekroczyło granicę."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2026-11-27", cases[i].text);
        const bc_xfigure *f = fig(&x, 3.2e6);
        if (strcmp(f->period, "2026-01-01/2026-11-27") != 0 || !f->period_inferred)
            fail_msg("%s: period '%s' inferred %d", cases[i].text, f->period, f->period_inferred);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("zh", "2026-11-27",
                          "今年以来，经该口岸出入境的货运车辆日均超过1500辆次，2025年出入境人员为"
                          "290万人次。");
    assert_string_equal(fig(&x, 2.9e6)->period, "2025");
    bc_extraction_free(&x);
    /* nor a later clause of a goal for the whole year */
    x = run("en", "2026-11-27",
            "Since the beginning of the year, trade has reached 1.8 billion USD, and the province "
            "aims for 2.5 billion USD for the whole year.");
    assert_string_equal(fig(&x, 2.5e9)->period, "");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(periods_in_every_language),
        cmocka_unit_test(running_totals_to_a_months_end),
        cmocka_unit_test(months_of_that_year),
        cmocka_unit_test(since_the_beginning_of_the_year),
        cmocka_unit_test(since_the_beginning_of_the_year_frames_its_sentence),
        cmocka_unit_test(one_quarter_by_its_number),
        cmocka_unit_test(later_parts_of_a_year),
        cmocka_unit_test(spans_across_a_year_end),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
