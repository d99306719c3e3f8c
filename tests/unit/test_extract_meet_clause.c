/* test_extract_meet_clause.c: whose a date is, told by its clause (extract_meet_clause.c):
 * talks named by a verb that says they took place take a month gone by; a day in a
 * relative clause of another noun is not the talks'; a year said to be gone by dates talks;
 * the two sides named by other words ("the two parties") make talks between them; a
 * sentence that refers back ("The agreement came as ...") takes the one day of the one
 * before; a later clause with its own day holds other talks; "The conference ... took
 * place on ..." in the next sentence dates the numbered one named before. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The one meeting of an English text, published on pub, must have date want (NULL: no
 * meeting at all). */
static void one_meeting(const char *pub, const char *text, const char *want)
{
    bc_extraction x = run("en", pub, text);
    if (want == NULL)
        assert_int_equal(x.nmeetings, 0);
    else {
        assert_int_equal(x.nmeetings, 1);
        assert_string_equal(x.meetings[0].date, want);
        assert_string_equal(x.meetings[0].status, "held");
    }
    bc_extraction_free(&x);
}

static void past_verbs_of_meeting_take_a_month(void **state)
{
    (void)state;
    one_meeting("2025-11-02",
                "Title\n\nWhen the chairman of Ha Giang received a delegation from Wenshan in "
                "early September, the guests asked for a faster road link.",
                "2025-09");
    one_meeting("2025-11-02",
                "Title\n\nOfficials of Cao Bang and Baise first sat down together in March 2022 "
                "to discuss a shared tourism zone.",
                "2022-03");
    /* no reference date: a month without its year is no date */
    one_meeting(NULL,
                "Title\n\nWhen the chairman of Ha Giang received a delegation from Wenshan in "
                "early September, the guests asked for a faster road link.",
                NULL);
    /* a noun of talks, its sentence saying neither, still takes days only */
    one_meeting("2025-11-02",
                "Title\n\nTalks between Lang Son and Chongzuo on fruit are expected in "
                "September.",
                NULL);
}

/* The Dutch meetings of text, published on pub: the count, and the date and status of the
 * one whose quote begins with start must be want (NULL: none begins so). */
static void nl_meeting(const char *pub, const char *text, const char *start, const char *want)
{
    bc_extraction x = run("nl", pub, text);
    const bc_xmeeting *m = NULL;
    for (size_t i = 0; i < x.nmeetings && m == NULL; i++)
        if (x.meetings[i].cite.nquotes > 0 &&
            strncmp(text + x.meetings[i].cite.q[0].start, start, strlen(start)) == 0)
            m = &x.meetings[i];
    if (want == NULL && m != NULL)
        fail_msg("a meeting %s from \"%s\"", m->date, start);
    if (want != NULL && (m == NULL || strcmp(m->date, want) != 0 || strcmp(m->status, "held") != 0))
        fail_msg("\"%s\": %s %s, want %s held", start, m ? m->date : "none", m ? m->status : "",
                 want);
    bc_extraction_free(&x);
}

static void dutch_past_verbs_of_meeting_take_a_month(void **state)
{
    (void)state;
    /* "overlegden", "vergaderden": talks that took place, a month with its year dates them;
     * "ze" after talks of both sides reported are those sides */
    nl_meeting("2025-03-14",
               "Kop\n\nOp 17 januari 2024 ontmoetten delegaties van beide steden elkaar in "
               "Dongxing. In december 2022 overlegden ze nog via een videoverbinding.",
               "In december 2022", "2022-12");
    nl_meeting("2025-03-14",
               "Kop\n\nLao Cai en Hekou vergaderden in maart 2024 in Hekou over de nieuwe brug.",
               "Lao Cai en Hekou", "2024-03");
    /* "dateert van": the talks took place then */
    nl_meeting(
        "2021-05-02",
        "Kop\n\nHet laatste fysieke overleg tussen de besturen van Lao Cai en Honghe dateert "
        "van januari 2020.",
        "Het laatste", "2020-01");
    /* a noun of talks, no verb saying they took place: days only */
    nl_meeting("2025-03-14",
               "Kop\n\nHet overleg tussen Lao Cai en Hekou over de brug begon in maart 2024.",
               "Het overleg", NULL);
}

static void a_day_of_another_nouns_relative_clause(void **state)
{
    (void)state;
    /* the day is the crossing's; the talks are dated by the year gone by */
    one_meeting("2025-11-02",
                "Title\n\nDuring talks between Lao Cai and Honghe officials earlier this year, "
                "the two sides agreed to resume trade at the Ban Vuoc crossing, which reopened "
                "on May 14 for a trial.",
                "2025");
    one_meeting(NULL,
                "Title\n\nDuring talks between Lao Cai and Honghe officials earlier this year, "
                "the two sides agreed to resume trade at the Ban Vuoc crossing, which reopened "
                "on May 14 for a trial.",
                NULL);
    /* a relative clause that says the talks took place is theirs */
    one_meeting("2025-11-02",
                "Title\n\nThe plan came out of talks between Lao Cai and Honghe, which were held "
                "on May 14 in Hekou.",
                "2025-05-14");
}

static void years_gone_by_date_talks(void **state)
{
    (void)state;
    one_meeting("2025-11-02",
                "Title\n\nAt talks in Lang Son last year, Lang Son and Chongzuo agreed on a "
                "second freight lane.",
                "2024");
    /* a year to come dates no talks that took place; nor does a year alone far away */
    one_meeting("2025-11-02",
                "Title\n\nAt talks in Lang Son, Lang Son and Chongzuo agreed to open a second "
                "freight lane later this year.",
                NULL);
    /* the year of an amount between is the amount's */
    one_meeting("2025-11-02",
                "Title\n\nTalks between Lang Son and Chongzuo reviewed fruit trade worth 2 "
                "billion USD last year.",
                NULL);
}

static void the_two_parties_are_both_sides(void **state)
{
    (void)state;
    one_meeting("2025-11-02",
                "Title\n\nDuring talks in Beijing on Oct. 3, 2024, the leaders of the two "
                "parties agreed to upgrade the border gates.",
                "2024-10-03");
    /* no side named at all: no meeting between the two */
    one_meeting("2025-11-02",
                "Title\n\nDuring talks in Beijing on Oct. 3, 2024, the leaders agreed to "
                "upgrade the border gates.",
                NULL);
}

static void a_sentence_that_refers_back_takes_the_day_before(void **state)
{
    (void)state;
    const char *agreed = "Title\n\nHA GIANG — Ha Giang and Wenshan on Monday agreed to open a "
                         "second lane at the Thanh Thuy gate.\n\nThe agreement came as the "
                         "chairman of Ha Giang received a delegation from Wenshan.";
    one_meeting("2025-03-12", agreed, "2025-03-10");
    one_meeting(NULL, agreed, NULL); /* a weekday counts from the reference date */
    one_meeting("2025-03-12",
                "Title\n\nThe Mong Cai bridge reopened on March 9 after repairs.\n\nThe "
                "opening ceremony was attended by officials from Quang Ninh and Guangxi.",
                "2025-03-09");
    /* a sentence that does not refer back takes nothing; nor does one after two days */
    one_meeting("2025-03-12",
                "Title\n\nHA GIANG — Ha Giang and Wenshan on Monday agreed to open a second "
                "lane at the Thanh Thuy gate.\n\nLater the chairman of Ha Giang received a "
                "delegation from Wenshan.",
                NULL);
    one_meeting("2025-03-12",
                "Title\n\nThe lane opened on March 3 and closed on March 9.\n\nThe agreement "
                "came as the chairman of Ha Giang received a delegation from Wenshan.",
                NULL);
}

static void a_later_clause_with_its_own_day_is_other_talks(void **state)
{
    (void)state;
    const char *two = "Title\n\nOn May 5, the Lao Cai chairman received a delegation from "
                      "Yunnan, and on Tuesday, May 7, the guests held talks with officials of "
                      "Lao Cai in Sa Pa.";
    bc_extraction x = run("en", "2025-05-10", two);
    assert_int_equal(x.nmeetings, 2);
    int fifth = 0, seventh = 0;
    for (size_t k = 0; k < x.nmeetings; k++) {
        fifth += strcmp(x.meetings[k].date, "2025-05-05") == 0;
        seventh += strcmp(x.meetings[k].date, "2025-05-07") == 0;
    }
    assert_int_equal(fifth, 1);
    assert_int_equal(seventh, 1);
    bc_extraction_free(&x);
    /* no day of its own between: one meeting, the talks told first */
    x = run("en", "2025-05-10",
            "Title\n\nOn May 5, the Lao Cai chairman received a delegation from Yunnan, and "
            "the guests then held talks with officials of Lao Cai in Sa Pa.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-05-05");
    bc_extraction_free(&x);
}

static void the_next_sentence_says_when_it_was_held(void **state)
{
    (void)state;
    const char *t = "Title\n\nThe talks came on the sidelines of the 16th conference of the "
                    "joint working committee of Quang Ninh, Lang Son, Cao Bang, Ha Giang and "
                    "Guangxi. The conference took place in Nanning on April 8, with officials of "
                    "both sides.";
    bc_extraction x = run("en", "2025-04-10", t);
    const bc_xmeeting *m = meet(&x, "jwc-guangxi", 16);
    assert_string_equal(m->date, "2025-04-08");
    bc_extraction_free(&x);
    /* another noun opens the next sentence; or it does not say anything was held */
    x = run("en", "2025-04-10",
            "Title\n\nThe talks came on the sidelines of the 16th conference of the joint "
            "working committee of Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi. The "
            "fair took place in Nanning on April 8.");
    assert_string_equal(meet(&x, "jwc-guangxi", 16)->date, "");
    bc_extraction_free(&x);
    x = run("en", "2025-04-10",
            "Title\n\nThe talks came on the sidelines of the 16th conference of the joint "
            "working committee of Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi. The "
            "conference is expected to approve a new plan on April 18.");
    assert_string_equal(meet(&x, "jwc-guangxi", 16)->date, "");
    bc_extraction_free(&x);
}

/* A day opening a later clause that names another meeting is that meeting's, however
 * near the first it stands; its place too (outsider 9). */
static void a_later_clause_with_another_meeting_keeps_its_day(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "标题\n\n双方表示合作顺利。双方回顾，2024年12月28日在南宁举行了联合工作委员会第十六次会议，"
        "今年3月18日双方还在谅山举行了春季会晤。",
        "Title\n\nBoth sides said trade grew. They recalled that the 16th meeting of the joint "
        "working committee was held in Nanning on December 28, 2024, and on March 18 the two "
        "sides held the Spring Meeting in Lang Son.",
    };
    static const char *const langs[] = {"zh", "en"};
    for (size_t i = 0; i < 2; i++) {
        bc_extraction x = run(langs[i], "2025-10-09", texts[i]);
        int seen16 = 0, seen_spring = 0;
        for (size_t k = 0; k < x.nmeetings; k++) {
            const bc_xmeeting *m = &x.meetings[k];
            if (m->ordinal == 16) {
                assert_string_equal(m->date, "2024-12-28");
                assert_string_not_equal(m->place, "lang-son");
                seen16 = 1;
            } else if (strcmp(m->date, "2025-03-18") == 0) {
                seen_spring = 1;
            }
        }
        if (!seen16)
            fail_msg("%s: no 16th meeting", langs[i]);
        (void)seen_spring; /* the spring meeting's own reading is another test's */
        bc_extraction_free(&x);
    }
    /* a day in a later clause with no meeting of its own may still be the meeting's */
    bc_extraction x = run("zh", "2025-10-09",
                          "标题\n\n双方表示合作顺利。联合工作委员会第十六次会议在南宁举行，"
                          "时间为今年3月18日。");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-03-18");
    bc_extraction_free(&x);
}

/* A held meeting's day that would fall after the publication date is given no year (the
 * README's rule), whatever the language puts the past tense after the day (outsider 9). */
static void a_held_day_after_publication_has_no_year(void **state)
{
    (void)state;
    static const struct {
        const char *pub, *text, *date, *status;
    } cases[] = {
        {"2025-10-05",
         "Lào Cai hội đàm\n\nTin từ Lào Cai. Chiều 7/10, tại thành phố Lào Cai, lãnh đạo tỉnh "
         "Lào Cai đã hội đàm với đoàn đại biểu tỉnh Vân Nam.",
         "--10-07", "held"},
        /* before the publication date: the year is the reference's, marked */
        {"2025-10-05",
         "Lào Cai hội đàm\n\nTin từ Lào Cai. Chiều 3/10, tại thành phố Lào Cai, lãnh đạo tỉnh "
         "Lào Cai đã hội đàm với đoàn đại biểu tỉnh Vân Nam.",
         "2025-10-03", "held"},
        /* to come: after the publication date, this year's */
        {"2025-10-05",
         "Lào Cai hội đàm\n\nTin từ Lào Cai. Chiều 7/10, tại thành phố Lào Cai, lãnh đạo tỉnh "
         "Lào Cai sẽ hội đàm với đoàn đại biểu tỉnh Vân Nam.",
         "2025-10-07", "planned"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run("vi", cases[i].pub, cases[i].text);
        assert_int_equal(x.nmeetings, 1);
        assert_string_equal(x.meetings[0].date, cases[i].date);
        assert_string_equal(x.meetings[0].status, cases[i].status);
        assert_int_equal(x.meetings[0].date_inferred != 0, cases[i].date[0] != '-');
        bc_extraction_free(&x);
    }
}

/* A year of a meeting to come in its own words: an English participle after a comma (", due
 * to take place later this year", ", scheduled for 2027") or nothing but its body, words of
 * being and planning, a word of holding and where before it ("is scheduled to be held in
 * Guangxi in early 2026"); a year in another noun's words dates nothing. */
static void a_year_in_the_meetings_own_words(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"Title\n\nBoth sides will brief the annual conference of the Party secretaries of Lao "
         "Cai, "
         "Lai Chau, Dien Bien, Tuyen Quang and Yunnan, due to take place later this year.",
         "2026"},
        {"Title\n\nThe 18th conference of the Joint Working Committee of Quang Ninh, Lang Son, Cao "
         "Bang, Ha Giang and Guangxi is expected to be held in Cao Bang in late 2027.",
         "2027"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run("en", "2026-01-16", cases[i].text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, cases[i].want) != 0)
            fail_msg("%s: %zu meetings, first dated '%s'", cases[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    /* a year in another noun's words after the meeting's own ("that is expected to open ...
     * in late 2027") */
    bc_extraction x = run("en", "2026-01-16",
                          "Title\n\nThe 18th conference of the Joint Working Committee of Quang "
                          "Ninh and Guangxi, held in Ha Long, will review a railway that is "
                          "expected to open in Cao Bang in late 2027.");
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_not_equal(x.meetings[k].date, "2027");
    bc_extraction_free(&x);
}

/* "Dialogue" numbered or dated is a meeting ("the eighth dialogue between the customs
 * departments", "The ninth dialogue is planned for Nanning in March 2024"); dialogue as a
 * practice is none. */
static void a_numbered_dialogue_is_a_meeting(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2023-11-21",
                          "Title\n\nAt the eighth dialogue between the customs of Lang Son and "
                          "Nanning, held in Lang Son on November 18 last year, both sides agreed "
                          "on a hotline. The ninth dialogue is planned for Nanning in March 2024.");
    assert_string_equal(meet(&x, "", 8)->date, "2022-11-18");
    assert_string_equal(meet(&x, "", 9)->date, "2024-03");
    bc_extraction_free(&x);
    x = run("en", "2023-11-21",
            "Title\n\nLang Son and Chongzuo will keep up dialogue and exchanges between their "
            "border guards.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
}

/* English "May" written as a month after "in" is the month ("agreed to meet again in
 * Chongzuo in May"); "may" is not. */
static void may_written_as_a_month(void **state)
{
    (void)state;
    bc_extraction x =
        run("en", "2023-04-05", "Title\n\nThe two sides agreed to meet again in Chongzuo in May.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2023-05");
    bc_extraction_free(&x);
    x = run("en", "2023-04-05",
            "Title\n\nThe two sides agreed that talks in may be useful, and met again.");
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_not_equal(x.meetings[k].date, "2023-05");
    bc_extraction_free(&x);
}

/* A verb of meeting in the passive of a relative clause after a meeting ("the 2023 Spring
 * Meeting ..., which was hosted via video link from Ha Giang on Feb. 22") is that meeting,
 * which takes the day (the year of its name completing it); it held no talks of its own
 * that took the day instead. A delegation received in the passive is still a meeting. */
static void a_meeting_hosted_in_its_relative_clause(void **state)
{
    (void)state;
    const char *t = "Title\n\nThe talks came a month after the 2024 Spring Meeting of the Party "
                    "secretaries of Guangxi, Quang Ninh, Lang Son, Cao Bang and Ha Giang, which "
                    "was jointly hosted from Nanning on Feb. 26.";
    bc_extraction x = run("en", "2024-03-28", t);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-02-26");
    assert_string_equal(x.meetings[0].mechanism, "spring-meeting-guangxi");
    bc_extraction_free(&x);
    x = run("en", NULL, t);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-02-26");
    bc_extraction_free(&x);
    one_meeting("2024-03-28",
                "Title\n\nThe Lang Son delegation was received by the Party chief of Guangxi in "
                "Nanning on March 26.",
                "2024-03-26");
}

/* "The two sides met by video link" after a lead that says what they agreed on a day (and
 * names no meeting) tells of that day's talks; "The two sides agreed that the 9th meeting
 * ... will take place" tells of another meeting, which the lead's day does not date. */
static void the_two_sides_met_on_the_leads_day(void **state)
{
    (void)state;
    one_meeting("2024-05-08",
                "Title\n\nLeaders of Lao Cai and Hekou county in Yunnan agreed on Monday to ease "
                "fruit clearance.\n\nThe two sides met online, with the two chairmen leading "
                "their delegations.",
                "2024-05-06");
    bc_extraction x = run("en", "2024-05-08",
                          "Title\n\nLeaders of Lao Cai and Hekou county in Yunnan agreed on Monday "
                          "to ease fruit clearance.\n\nThe two sides agreed that the 9th meeting "
                          "of their working group will take place in Lao Cai.");
    for (size_t i = 0; i < x.nmeetings; i++)
        if (x.meetings[i].ordinal == 9)
            assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
}

/* "agreed to meet in person (face to face) in Lao Cai in March 2022" is a meeting to come,
 * as "meet again" is; and talks told in a relative clause of who met ("The leaders ..., who
 * last met in Hekou in January 2020, held online talks on Tuesday") leave the main clause's
 * talks a meeting of their own, dated by their own day. */
static void meeting_in_person_and_talks_after_a_relative_clause(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2021-12-15",
                          "Title\n\nLeaders of Bat Xat and Jinping agreed to meet in person in "
                          "Bat Xat in April 2022 if the pandemic allows.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2022-04");
    assert_string_equal(x.meetings[0].status, "planned");
    bc_extraction_free(&x);
    x = run("en", "2021-12-15",
            "Title\n\nThe chairmen of Bat Xat and Jinping, who last met in Jinping in "
            "November 2019, held online talks on Monday.");
    assert_int_equal(x.nmeetings, 2);
    int old = 0, now = 0;
    for (size_t i = 0; i < x.nmeetings; i++) {
        old += strcmp(x.meetings[i].date, "2019-11") == 0;
        now += strcmp(x.meetings[i].date, "2021-12-13") == 0;
    }
    assert_true(old == 1 && now == 1);
    bc_extraction_free(&x);
    /* without a reference date Monday is no day: the talks of the relative clause alone */
    x = run("en", NULL,
            "Title\n\nThe chairmen of Bat Xat and Jinping, who last met in Jinping in "
            "November 2019, held online talks on Monday.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_true(x.meetings[i].date[0] == '\0' || strcmp(x.meetings[i].date, "2019-11") == 0);
    bc_extraction_free(&x);
}

/* Talks that took place in a year written after where alone, or words of holding and where
 * ("last held talks in Jinping in 2022", "The last talks ... were held in Jinping in 2022")
 * are of that year; not talks to come (their own rule), nor a year one of several. */
static void talks_held_in_a_written_year(void **state)
{
    (void)state;
    one_meeting("2024-03-10",
                "Title\n\nOfficials of Bat Xat and Jinping last held talks in Jinping in 2022.",
                "2022");
    one_meeting("2024-03-10",
                "Title\n\nThe last talks between Bat Xat and Jinping were held in Jinping in 2022.",
                "2022");
    one_meeting("2024-03-10",
                "Title\n\nOfficials of Bat Xat and Jinping held talks in Jinping in 2022 and "
                "2023.",
                NULL);
}

/* A bilateral meeting on the sidelines of the one numbered meeting of its sentence, which
 * took place on a day, is a meeting of its own on that day ("On the sidelines of the fifth
 * annual conference ... on October 29, the Tuyen Quang Party chief had a bilateral meeting
 * with ...", "The talks followed up on the bilateral meeting between ..., held on the
 * sidelines of the fifth annual conference ... on October 29, 2025"): talks the sentence
 * names first, which followed it, take no day of it; nor does a meeting on the sidelines of
 * one to come in a month. */
static void a_bilateral_meeting_on_the_sidelines(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Title\n\nOn the sidelines of the fifth annual conference of the Party secretaries of "
        "Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan in Lai Chau on October 29, the "
        "Tuyen Quang Party chief had a bilateral meeting with the Yunnan Party secretary.",
        "Title\n\nThe talks followed up on the bilateral meeting between the Tuyen Quang Party "
        "chief and the Yunnan Party secretary, held on the sidelines of the fifth annual "
        "conference of the Party secretaries of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and "
        "Yunnan in Lai Chau on October 29, 2025.",
    };
    for (size_t k = 0; k < 2; k++) {
        bc_extraction x = run("en", "2025-11-05", texts[k]);
        assert_int_equal(x.nmeetings, 2);
        for (size_t i = 0; i < x.nmeetings; i++)
            assert_string_equal(x.meetings[i].date, "2025-10-29");
        bc_extraction_free(&x);
    }
    bc_extraction x =
        run("en", "2026-03-05",
            "Title\n\nOn the sidelines of the sixth annual conference of the Party "
            "secretaries of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan, due "
            "in Kunming in September, the Tuyen Quang Party chief will have a "
            "bilateral meeting with the Yunnan Party secretary.");
    for (size_t i = 0; i < x.nmeetings; i++)
        if (x.meetings[i].ordinal == 0)
            assert_true(strlen(x.meetings[i].date) != 10);
    bc_extraction_free(&x);
}

/* The sentence after a recalled numbered meeting that opens by pointing back at it ("该次会议
 * 于2025年10月30日在莱州省举行", "That meeting was held ...", "Cette réunion s'était tenue ...",
 * "Hội nghị này được tổ chức ...", "Die vergadering vond op ... plaats", "Spotkanie to odbyło
 * się ...", "Mötet hölls ...") gives that meeting its date and place, a province named with
 * its province word too, and says it took place: no talks of their own (outsider 10, F3; its
 * recheck, N4: the place of "在莱州省举行" lost, the Dutch verb whose particle closes the
 * clause not read, the Polish and Swedish ones invented "Talks of Lai Chau"). */
static void the_next_sentence_dates_the_meeting_it_points_back_at(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *place;
    } cases[] = {
        {"zh",
         "双方回顾了越南莱州、老街、宣光、奠边四省与中国云南省联合工作组第十一次会议的成果。该次"
         "会议于2025年10月30日在莱州省举行。",
         "lai-chau"},
        {"zh",
         "双方总结了越南莱州、老街、宣光、奠边四省与中国云南省联合工作组第十一次会议的经验。此次"
         "会议于2025年10月30日在老街省召开。",
         "lao-cai"},
        {"en",
         "The two sides reviewed the results of the 11th meeting of the Joint Working Group of "
         "Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan. That meeting was held in Lai "
         "Chau on 30 October 2025.",
         "lai-chau"},
        {"fr",
         "Les deux parties ont passé en revue les résultats de la 11e réunion du Groupe de "
         "travail conjoint entre les provinces de Lai Chau, Lao Cai, Tuyen Quang, Dien Bien et "
         "le Yunnan. Cette réunion s'était tenue à Lai Chau le 30 octobre 2025.",
         "lai-chau"},
        {"vi",
         "Hai bên đã điểm lại kết quả Hội nghị lần thứ 11 Nhóm công tác liên hợp giữa bốn tỉnh "
         "Lai Châu, Lào Cai, Tuyên Quang, Điện Biên (Việt Nam) và tỉnh Vân Nam (Trung Quốc). "
         "Hội nghị này được tổ chức ngày 30/10/2025 tại Lai Châu.",
         "lai-chau"},
        {"nl",
         "De delegaties blikten terug op de elfde vergadering van de Gezamenlijke Werkgroep van "
         "Lai Chau, Lao Cai, Tuyen Quang, Dien Bien en Yunnan. Die vergadering vond op 30 "
         "oktober 2025 plaats in Lai Chau.",
         "lai-chau"},
        {"nl",
         "De delegaties blikten terug op de elfde vergadering van de Gezamenlijke Werkgroep van "
         "Lai Chau, Lao Cai, Tuyen Quang, Dien Bien en Yunnan. Deze vergadering heeft op 30 "
         "oktober 2025 in Lao Cai plaatsgevonden.",
         "lao-cai"},
        {"pl",
         "Delegacje podsumowały wyniki 11. posiedzenia Wspólnej Grupy Roboczej prowincji Lai "
         "Chau, Lao Cai, Tuyen Quang, Dien Bien i Junnan. Posiedzenie to odbyło się 30 "
         "października 2025 r. w Lai Chau.",
         "lai-chau"},
        {"sv",
         "Delegationerna sammanfattade det elfte mötet i den gemensamma arbetsgruppen för Lai "
         "Chau, Lao Cai, Tuyen Quang, Dien Bien och Yunnan. Mötet hölls den 30 oktober 2025 i "
         "Lai Chau.",
         "lai-chau"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, NULL, cases[k].text);
        const bc_xmeeting *m = meet(&x, "jwg-yunnan", 11);
        if (strcmp(m->date, "2025-10-30") != 0 || strcmp(m->place, cases[k].place) != 0 ||
            strcmp(m->status, "held") != 0 || !(m->status_quotes & 2u) || x.nmeetings != 1)
            fail_msg("%s %zu: date %s, place %s, %s (quotes %u), %zu meetings", cases[k].lang, k,
                     m->date, m->place, m->status, m->status_quotes, x.nmeetings);
        bc_extraction_free(&x);
    }
    /* the Dutch present of such a verb with a time is to come; the sentence says it */
    bc_extraction x = run("nl", NULL,
                          "De delegaties bespraken de twaalfde vergadering van de Gezamenlijke "
                          "Werkgroep van Lai Chau, Lao Cai, Tuyen Quang, Dien Bien en Yunnan. Die "
                          "vergadering vindt in maart 2027 plaats in Kunming.");
    const bc_xmeeting *m = meet(&x, "jwg-yunnan", 12);
    if (strcmp(m->date, "2027-03") != 0 || strcmp(m->place, "yunnan") != 0 ||
        strcmp(m->status, "planned") != 0 || m->status_quotes != 2u || x.nmeetings != 1)
        fail_msg("nl 12: date %s, place %s, %s (quotes %u), %zu meetings", m->date, m->place,
                 m->status, m->status_quotes, x.nmeetings);
    bc_extraction_free(&x);
    /* not pointing back: another meeting ("Een andere vergadering"), another Swedish noun
     * ("Konferensen"), a Polish noun of no pointing word: the 11th takes neither day nor
     * place */
    static const struct {
        const char *lang, *text;
    } other[] = {
        {"nl", "De delegaties blikten terug op de elfde vergadering van de Gezamenlijke Werkgroep "
               "van Lai Chau, Lao Cai, Tuyen Quang, Dien Bien en Yunnan. Een andere vergadering "
               "vond op 30 oktober 2025 plaats in Lai Chau."},
        {"sv", "Delegationerna sammanfattade det elfte mötet i den gemensamma arbetsgruppen för "
               "Lai Chau, Lao Cai, Tuyen Quang, Dien Bien och Yunnan. Konferensen hölls den 30 "
               "oktober 2025 i Lai Chau."},
        {"zh", "双方回顾了越南莱州、老街、宣光、奠边四省与中国云南省联合工作组第十一次会议的成果。"
               "2025年10月30日，老街省与云南省在莱州省举行会谈。"},
    };
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++) {
        x = run(other[k].lang, NULL, other[k].text);
        m = meet(&x, "jwg-yunnan", 11);
        if (m->date[0] != '\0' || m->place[0] != '\0')
            fail_msg("%s other: date %s, place %s", other[k].lang, m->date, m->place);
        bc_extraction_free(&x);
    }
}

/* A meeting's status is the one of the verb whose subject or object it is (outsider 10
 * recheck, N1, N2): "That meeting will be held ...", first of the next paragraph, dates the
 * 17th named only as the time of other talks, says it is to come and gives its place, no
 * talks of its own; the 11th whose results are reviewed took place whatever the next clause
 * agrees for the 12th; a Dutch present with a time to come ("vindt ... volgend jaar ...
 * plaats") is to come. */
static void the_status_of_a_meeting_is_its_own_verbs(void **state)
{
    (void)state;
    bc_extraction x = run("en", NULL,
                          "Leaders held talks in Lang Son ahead of the 17th conference of the "
                          "Joint Working Committee between Quang Ninh, Lang Son, Cao Bang, Ha "
                          "Giang and Guangxi.\nThat meeting will be held in Nanning in March "
                          "2027.\n");
    const bc_xmeeting *m = meet(&x, "jwc-guangxi", 17);
    if (strcmp(m->status, "planned") != 0 || strcmp(m->date, "2027-03") != 0 ||
        strcmp(m->place, "guangxi") != 0 || x.nmeetings != 2 || m->status_quotes != 2u)
        fail_msg("en: %s %s %s, %zu meetings, status quotes %u", m->status, m->date, m->place,
                 x.nmeetings, m->status_quotes);
    bc_extraction_free(&x);
    /* "Hội nghị này", "That conference": a meeting of no body, folded into the 17th */
    static const struct {
        const char *lang, *mech, *text;
    } back[] = {
        {"vi", "jwc-guangxi",
         "Lãnh đạo hai bên đã hội đàm tại Lạng Sơn để chuẩn bị cho Hội nghị lần thứ 17 Ủy ban "
         "công tác liên hợp giữa bốn tỉnh Quảng Ninh, Lạng Sơn, Cao Bằng, Hà Giang và Khu tự trị "
         "Quảng Tây.\nHội nghị này sẽ được tổ chức tại Nam Ninh vào tháng 3/2027.\n"},
        {"en", "",
         "Leaders held talks in Lang Son ahead of the 17th conference of the Joint Working "
         "Committee.\nThat conference will be held in Nanning in March 2027.\n"},
    };
    /* "se tiendra", a future of holding; "为…做准备", prepared for: the 17th is to come */
    x = run("fr", NULL,
            "Les dirigeants ont tenu des entretiens à Lang Son en amont de la 17e conférence du "
            "Comité mixte de travail entre Quang Ninh, Lang Son, Cao Bang, Ha Giang et le "
            "Guangxi.\nCette réunion se tiendra à Nanning en mars 2027.\n");
    m = meet(&x, "jwc-guangxi", 17);
    if (strcmp(m->status, "planned") != 0 || strcmp(m->date, "2027-03") != 0 || x.nmeetings != 2)
        fail_msg("fr: %s %s, %zu meetings", m->status, m->date, x.nmeetings);
    bc_extraction_free(&x);
    x = run("zh", NULL,
            "双方领导人在谅山举行会谈，为广西与广宁、谅山、高平、河江四省联合工作委员会第十七次会议"
            "做准备。\n该次会议将于2027年3月在南宁举行。\n");
    m = meet(&x, "jwc-guangxi", 17);
    if (strcmp(m->status, "planned") != 0 || strcmp(m->date, "2027-03") != 0)
        fail_msg("zh: %s %s", m->status, m->date);
    bc_extraction_free(&x);
    for (size_t k = 0; k < sizeof back / sizeof back[0]; k++) {
        x = run(back[k].lang, NULL, back[k].text);
        m = meet(&x, back[k].mech, 17);
        if (strcmp(m->status, "planned") != 0 || strcmp(m->date, "2027-03") != 0 ||
            strcmp(m->place, "guangxi") != 0 || m->nprovinces == 1 ||
            x.nmeetings != (size_t)(k == 0 ? 2 : 1))
            fail_msg("%s: %s %s %s, %zu meetings", back[k].lang, m->status, m->date, m->place,
                     x.nmeetings);
        bc_extraction_free(&x);
    }
    x = run("zh", NULL,
            "双方回顾了越南莱州、老街、宣光、奠边四省与中国云南省联合工作组第十一次会议的成果，"
            "并商定第十二次会议明年在云南举行。");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->status, "held");
    assert_string_equal(meet(&x, "jwg-yunnan", 12)->status, "planned");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "De twaalfde vergadering van de gezamenlijke werkgroep van Yunnan, Lao Cai, Ha Giang, "
            "Lai Chau en Dien Bien vindt in de eerste helft van volgend jaar in Yunnan plaats.");
    assert_string_equal(meet(&x, "jwg-yunnan", 12)->status, "planned");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "De twaalfde vergadering van de gezamenlijke werkgroep van Yunnan, Lao Cai, Ha Giang, "
            "Lai Chau en Dien Bien vond vorig jaar in Yunnan plaats.");
    assert_string_equal(meet(&x, "jwg-yunnan", 12)->status, "held");
    bc_extraction_free(&x);
}

/* Talks held ahead of a meeting named as their time are talks of their own, held, in the
 * place their clause names, undated when nothing dates them (ahead_of: the number of that
 * meeting), never with the members of its body as their parties; the meeting, planned in
 * the sentence pointing back at it, takes neither their place nor their day (outsider 10
 * recheck, N1: the Lang Son talks were lost, or became the 17th conference's place). */
static void talks_ahead_of_a_meeting_are_their_own(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "Leaders held talks in Lang Son ahead of the 17th conference of the Joint Working "
               "Committee between Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi.\nThat "
               "meeting will be held in Nanning in March 2027.\n"},
        {"fr", "Les dirigeants ont tenu des entretiens à Lang Son en amont de la 17e conférence du "
               "Comité mixte de travail entre Quang Ninh, Lang Son, Cao Bang, Ha Giang et le "
               "Guangxi.\nCette réunion se tiendra à Nanning en mars 2027.\n"},
        {"vi",
         "Lãnh đạo hai bên đã hội đàm tại Lạng Sơn để chuẩn bị cho Hội nghị lần thứ 17 Ủy ban "
         "công tác liên hợp giữa bốn tỉnh Quảng Ninh, Lạng Sơn, Cao Bằng, Hà Giang và Khu tự "
         "trị Quảng Tây.\nHội nghị này sẽ được tổ chức tại Nam Ninh vào tháng 3/2027.\n"},
        {"zh", "双方领导人在谅山举行会谈，为广西与广宁、谅山、高平、河江四省联合工作委员会第十七次"
               "会议做准备。\n该次会议将于2027年3月在南宁举行。\n"},
        {"nl", "De leiders voerden in Lang Son overleg in aanloop naar de zeventiende conferentie "
               "van het Gezamenlijk Werkcomité van Quang Ninh, Lang Son, Cao Bang, Ha Giang en "
               "Guangxi.\nDie vergadering vindt in maart 2027 plaats in Nanning.\n"},
        {"pl", "Przywódcy przeprowadzili rozmowy w Lang Son w przededniu 17. konferencji Wspólnego "
               "Komitetu Roboczego prowincji Quang Ninh, Lang Son, Cao Bang, Ha Giang i Kuangsi."
               "\nKonferencja ta odbędzie się w Nanning w marcu 2027 r.\n"},
        {"sv", "Ledarna höll samtal i Lang Son inför den 17:e konferensen i den gemensamma "
               "arbetskommittén för Quang Ninh, Lang Son, Cao Bang, Ha Giang och Guangxi."
               "\nKonferensen hålls i Nanning i mars 2027.\n"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, NULL, cases[k].text);
        const bc_xmeeting *m = meet(&x, "jwc-guangxi", 17), *t = NULL;
        for (size_t i = 0; i < x.nmeetings; i++)
            if (x.meetings[i].kind == BC_XM_TALKS)
                t = &x.meetings[i];
        if (strcmp(m->status, "planned") != 0 || strcmp(m->date, "2027-03") != 0 ||
            strcmp(m->place, "guangxi") != 0 || x.nmeetings != 2 || t == NULL)
            fail_msg("%s: 17th %s %s %s, %zu meetings", cases[k].lang, m->status, m->date, m->place,
                     x.nmeetings);
        if (strcmp(t->status, "held") != 0 || t->date[0] != '\0' ||
            strcmp(t->place, "lang-son") != 0 || t->ahead_of != 17 || t->nprovinces != 0)
            fail_msg("%s: talks %s %s %s, ahead of %d, %d provinces", cases[k].lang, t->status,
                     t->date, t->place, t->ahead_of, t->nprovinces);
        bc_extraction_free(&x);
    }
    /* a day of the talks is theirs, not the meeting's they were held ahead of */
    bc_extraction x = run("en", "2026-03-20",
                          "Leaders held talks in Lang Son on 12 March 2026 ahead of the 17th "
                          "conference of the Joint Working Committee between Quang Ninh, Lang "
                          "Son, Cao Bang, Ha Giang and Guangxi.");
    const bc_xmeeting *m = meet(&x, "jwc-guangxi", 17), *t = NULL;
    for (size_t i = 0; i < x.nmeetings; i++)
        if (x.meetings[i].kind == BC_XM_TALKS)
            t = &x.meetings[i];
    if (m->date[0] != '\0' || m->place[0] != '\0' || t == NULL ||
        strcmp(t->date, "2026-03-12") != 0 || t->ahead_of != 0)
        fail_msg("dated: 17th %s %s, talks %s", m->date, m->place, t ? t->date : "none");
    bc_extraction_free(&x);
    /* talks to come ahead of it, undated, are no talks one can tell; nor are those of one
     * side alone, whose place is no party of the meeting (no "Meeting 17 of Lang Son") */
    static const char *const none[] = {
        "Leaders will hold talks in Lang Son ahead of the 17th conference of the Joint Working "
        "Committee between Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi.",
        "Leaders held talks in Lang Son ahead of the 17th conference of the Joint Working "
        "Committee.\nThat conference will be held in Nanning in March 2027.\n",
    };
    for (size_t k = 0; k < 2; k++) {
        x = run("en", NULL, none[k]);
        for (size_t i = 0; i < x.nmeetings; i++)
            if (x.meetings[i].kind == BC_XM_TALKS || (k == 1 && x.meetings[i].nprovinces != 0))
                fail_msg("none %zu: meeting %zu kind %d, %d provinces", k, i, x.meetings[i].kind,
                         x.meetings[i].nprovinces);
        bc_extraction_free(&x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(past_verbs_of_meeting_take_a_month),
        cmocka_unit_test(dutch_past_verbs_of_meeting_take_a_month),
        cmocka_unit_test(a_day_of_another_nouns_relative_clause),
        cmocka_unit_test(years_gone_by_date_talks),
        cmocka_unit_test(the_two_parties_are_both_sides),
        cmocka_unit_test(a_sentence_that_refers_back_takes_the_day_before),
        cmocka_unit_test(a_later_clause_with_its_own_day_is_other_talks),
        cmocka_unit_test(the_next_sentence_says_when_it_was_held),
        cmocka_unit_test(a_later_clause_with_another_meeting_keeps_its_day),
        cmocka_unit_test(a_held_day_after_publication_has_no_year),
        cmocka_unit_test(a_year_in_the_meetings_own_words),
        cmocka_unit_test(a_numbered_dialogue_is_a_meeting),
        cmocka_unit_test(may_written_as_a_month),
        cmocka_unit_test(a_meeting_hosted_in_its_relative_clause),
        cmocka_unit_test(the_two_sides_met_on_the_leads_day),
        cmocka_unit_test(meeting_in_person_and_talks_after_a_relative_clause),
        cmocka_unit_test(talks_held_in_a_written_year),
        cmocka_unit_test(a_bilateral_meeting_on_the_sidelines),
        cmocka_unit_test(the_next_sentence_dates_the_meeting_it_points_back_at),
        cmocka_unit_test(the_status_of_a_meeting_is_its_own_verbs),
        cmocka_unit_test(talks_ahead_of_a_meeting_are_their_own),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
