/* test_extract_date.c: finding dates (extract_date.c): years written and relative to
 * the reference date, completed from the reference date only and marked so, never
 * without one; a dateline dates the report, not a meeting; not dates (amounts, counts). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The meeting of text (there is one), failing the test otherwise. */
static const bc_xmeeting *only_meeting(const bc_extraction *x, const char *text)
{
    if (x->nmeetings != 1)
        fail_msg("%s: %zu meetings", text, x->nmeetings);
    return &x->meetings[0];
}

static void a_dateline_dates_the_report_not_a_meeting(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *ref, *text, *date; /* the meeting's date */
    } cases[] = {
        /* the day after the place is when the report was filed */
        {"fr", "2024-06-14",
         "Titre\n\nHanoi, 14 juin 2024 (VNA) – La 10e reunion du groupe de travail conjoint "
         "s'est tenue le 12 juin dernier a Kunming.",
         "2024-06-12"},
        /* without a publication date, a dateline's year completes the days after it */
        {"en", NULL,
         "Title\n\nMONG CAI, Vietnam, Oct. 18, 2024 (Xinhua) -- Officials of Quang Ninh and "
         "Dongxing of China held talks in Mong Cai on Oct. 16.",
         "2024-10-16"},
        {"pl", NULL,
         "Tytul\n\nLAO CAI, 13 czerwca 2024 r. – Delegacje Lao Cai i chinskiej prowincji "
         "Junnan spotkaly sie we wtorek (11 czerwca) w Lao Cai.",
         "2024-06-11"},
        /* a Chinese paper's own dateline ("讯"), and "yesterday" of its day */
        {"zh", "2024-03-02",
         "标题\n\n本报河口3月1日讯 2月29日，老街省与红河州在河口举行工作会谈，双方交流了意见。",
         "2024-02-29"},
        {"zh", NULL,
         "标题\n\n新华社河口3月12日电 昨天，老街省与红河州在河口举行工作会谈，双方交流了意见。",
         "--03-11"},
        {"zh", "2025-01-02",
         "标题\n\n新华社河口12月31日电 昨天，老街省与红河州在河口举行工作会谈。", "2024-12-30"},
        /* a dateline that writes its day's weekday too dates the report, not the talks */
        {"nl", NULL,
         "Titel\n\nLAO CAI, donderdag 30 oktober 2025 – De delegaties van Lao Cai en Yunnan "
         "hielden zaterdag overleg in Hekou.",
         "2025-10-25"},
        {"en", NULL,
         "Title\n\nHANOI, Thursday, October 30, 2025 (VNA) - Officials of Lao Cai and Yunnan of "
         "China held talks on October 28.",
         "2025-10-28"},
        /* a dateline without a year dates nothing */
        {"en", NULL,
         "Title\n\nHANOI, June 13 (VNA) - Officials of Lao Cai and Yunnan of China held "
         "talks on June 11.",
         "--06-11"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, cases[i].ref, cases[i].text);
        const bc_xmeeting *m = only_meeting(&x, cases[i].text);
        if (strcmp(m->date, cases[i].date) != 0)
            fail_msg("%s: dated %s, not %s", cases[i].text, m->date, cases[i].date);
        bc_extraction_free(&x);
    }
}

/* Vietnamese days of the week (outsider 8): after a part of the day or "vao"/"hom", or
 * before their date in brackets; "thu hai" after a counted noun is "second", not Monday. */
static void vietnamese_days_of_the_week(void **state)
{
    (void)state;
    static const char head[] = "Hai tỉnh hội đàm\n\nHai tỉnh đẩy mạnh hợp tác biên giới. ";
    static const struct {
        const char *ref, *body, *date; /* the meeting's date, "" none */
        int ordinal;
    } cases[] = {
        /* 2025-10-09 is a Thursday */
        {"2025-10-09", "Chiều thứ Ba, đoàn Lào Cai và đoàn Vân Nam đã hội đàm.", "2025-10-07", 0},
        {"2025-10-09", "Vào thứ Hai, Lào Cai và Vân Nam đã tổ chức hội đàm.", "2025-10-06", 0},
        {"2025-10-09", "Sáng thứ Năm (2/10), Lào Cai và Vân Nam đã hội đàm.", "2025-10-02", 0},
        /* the bracketed date needs no reference for its day, only for its year */
        {NULL, "Sáng thứ Năm (2/10), Lào Cai và Vân Nam đã hội đàm.", "--10-02", 0},
        /* no reference, no dateline: a weekday names no day */
        {NULL, "Chiều thứ Ba, đoàn Lào Cai và đoàn Vân Nam đã hội đàm.", "", 0},
        /* an ordinal, not a day */
        {"2025-10-09", "Lào Cai và Vân Nam đã tổ chức hội nghị lần thứ hai của nhóm công tác.", "",
         2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "%s%s", head, cases[i].body);
        bc_extraction x = run("vi", cases[i].ref, text);
        const bc_xmeeting *m = only_meeting(&x, text);
        if (strcmp(m->date, cases[i].date) != 0)
            fail_msg("%s: dated '%s', not '%s'", cases[i].body, m->date, cases[i].date);
        if (m->ordinal != cases[i].ordinal)
            fail_msg("%s: ordinal %d, not %d", cases[i].body, m->ordinal, cases[i].ordinal);
        if (cases[i].ref != NULL && cases[i].date[0] != '\0' && m->date_inferred == 0)
            fail_msg("%s: the day from the publication date is not marked", cases[i].body);
        bc_extraction_free(&x);
    }
}

static void a_day_months_ahead_has_no_year_unless_said_to_come(void **state)
{
    (void)state;
    /* two to eight months after the publication date, not said to be coming: last year's
     * or this year's, the text does not say */
    bc_extraction x = run("pl", "2025-03-14", "Tytul\n\nRozmowy w Lang Son 15 maja.");
    assert_null(date_of(&x, "2025-05-15"));
    assert_null(date_of(&x, "2024-05-15"));
    bc_extraction_free(&x);
    x = run("en", "2024-06-14", "Title\n\nThe talks were about the trade in September.");
    assert_null(date_of(&x, "2024-09"));
    assert_null(date_of(&x, "2023-09"));
    bc_extraction_free(&x);
    /* said to be coming: this year */
    x = run("pl", "2025-03-14", "Tytul\n\nKolejne rozmowy zaplanowano na 15 maja.");
    assert_non_null(date_of(&x, "2025-05-15"));
    bc_extraction_free(&x);
    x = run("nl", "2024-06-15",
            "Titel\n\nDe volgende vergadering is gepland voor september in Lang Son.");
    assert_non_null(date_of(&x, "2024-09"));
    bc_extraction_free(&x);
    /* nine months or more ahead: the year before (a January report of a December day) */
    x = run("en", "2025-01-10", "Title\n\nThe talks took place on December 28.");
    assert_non_null(date_of(&x, "2024-12-28"));
    bc_extraction_free(&x);
    /* a past day just after the publication date: a slip, or last year's */
    x = run("en", "2026-12-04", "Title\n\nOfficials met on 5 December in Lao Cai.");
    assert_null(date_of(&x, "2026-12-05"));
    assert_null(date_of(&x, "2025-12-05"));
    bc_extraction_free(&x);
    /* the publication day itself is a day of it */
    x = run("en", "2026-12-04", "Title\n\nOfficials met on 4 December in Lao Cai.");
    assert_non_null(date_of(&x, "2026-12-04"));
    bc_extraction_free(&x);
}

static void years_in_every_language(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"pl", "Wzrost w 2024 roku.", "2024", 0},
        {"pl", "Wpływy wyniosły w ubiegłym roku 7 mld VND.", "2024", 1},
        {"sv", "Det ökade år 2024.", "2024", 0},
        {"en", "It grew in 2024.", "2024", 0},
        {"en", "In 2024 tourists came in large numbers.", "2024", 0},
        {"vi", "Năm 2024 tăng.", "2024", 0},
        {"zh", "2024年增长。", "2024", 0},
        {"zh", "去年增长。", "2024", 1},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-10-31");
}

static void without_a_reference_nothing_is_completed(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *iso; /* "" none */
    } cases[] = {
        {"pl", "Spotkanie 30 października.", "--10-30"},
        {"en", "It happened on October 30.", "--10-30"},
        {"vi", "Sáng 30/10 đã diễn ra.", "--10-30"},
        {"zh", "6月12日下午举行。", "--06-12"},
        {"fr", "Elle a eu lieu le 12 décembre.", "--12-12"},
        {"en", "It grew in the first nine months.", ""},
        {"zh", "今年1-9月增长。", ""},
        {"pl", "Wpływy wyniosły w ubiegłym roku 7 mld VND.", ""},
        {"en", "It opened in June.", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (cases[i].iso[0] && date_of(&x, cases[i].iso) == NULL)
            fail_msg("%s: no %s", cases[i].text, cases[i].iso);
        for (size_t k = 0; k < x.ndates; k++)
            if (x.dates[k].iso[0] != '-' && strchr(x.dates[k].iso, '2') == x.dates[k].iso)
                fail_msg("%s: a year was invented: %s", cases[i].text, x.dates[k].iso);
        bc_extraction_free(&x);
    }
}

static void not_dates(void **state)
{
    (void)state;
    /* amounts, ratios, "may" the verb, a year-like count */
    bc_extraction x = run("en", "2025-10-31",
                          "Trade may reach 2025 tonnes. Trade reached USD 2024 million. A ratio "
                          "of 1/3 was kept.");
    assert_null(date_of(&x, "2025"));
    assert_null(date_of(&x, "2024"));
    assert_int_equal(x.ndates, 0);
    bc_extraction_free(&x);
}

/* "yesterday" is the day before the report's (its dateline's, else the publication
 * date); "the previous day" the day before the day last named; "the same day" a day of
 * what took place when its sentence reports what took place. */
static void days_counted_from_another(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *ref, *text, *date; /* the talks' date */
    } cases[] = {
        {"en", "2024-03-01",
         "Title\n\nYesterday, a delegation of Chongzuo city was received by the chairman "
         "of Lang Son province.",
         "2024-02-29"},
        /* the dateline's day, with no publication date: month and day only */
        {"nl", NULL,
         "Titel\n\nLao Cai, 1 februari – Leiders van Lao Cai en de Chinese prefectuur "
         "Honghe hebben gistermiddag in Lao Cai overleg gevoerd.",
         "--01-31"},
        /* the dateline's day, its year from the publication date */
        {"sv", "2025-01-02",
         "Rubrik\n\nLang Son, 31 december – Ledare för Lang Son och Chongzuo i Kina höll i "
         "går samtal i Lang Son.",
         "2024-12-30"},
        {"pl", NULL,
         "Tytul\n\nW Lai Chau 30 października 2025 r. odbyło się XI posiedzenie grupy "
         "roboczej. Rozmowy sekretarzy partii prowincji Lai Chau i Junnanu odbyły się dzień "
         "wcześniej.",
         "2025-10-29"},
        /* a day of what is to come is not "the same day" of talks that took place */
        {"pl", NULL,
         "Tytul\n\nWładze Cao Bang przeprowadziły 14 grudnia rozmowy z władzami Baise. "
         "Uroczystość zaplanowano na 28 grudnia. Tego samego dnia delegacja z Baise spotkała "
         "się z dowództwem straży granicznej Cao Bang, by omówić ruch na przejściu.",
         "--12-14"},
        {"nl", "2024-02-28",
         "Titel\n\nDe delegaties van Quang Ninh en Guangxi hielden op 27 februari overleg. "
         "Voorafgaand daaraan ontving de partijsecretaris van Guangxi maandagavond de leiders "
         "van de Vietnamese delegaties voor een werkgesprek.",
         "2024-02-26"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, cases[i].ref, cases[i].text);
        int found = 0;
        for (size_t k = 0; k < x.nmeetings && !found; k++)
            found = strcmp(x.meetings[k].date, cases[i].date) == 0;
        if (!found)
            fail_msg("%s: no meeting on %s (%zu meetings, first %s)", cases[i].text, cases[i].date,
                     x.nmeetings, x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    /* no year and a move across the end of February: no day; a date written beside "the
     * day after" speaks for itself; no reference day: no "yesterday" */
    bc_extraction x = run("en", NULL,
                          "Title\n\nOn March 1, officials of Lang Son and Chongzuo of China "
                          "held talks. The previous day, officials of Cao Bang and Baise of "
                          "China held talks.");
    assert_null(date_of(&x, "--02-28"));
    assert_null(date_of(&x, "--02-29"));
    bc_extraction_free(&x);
    x = run("pl", "2025-02-24",
            "Tytul\n\n20 lutego 2025 r. odbyło się spotkanie wiosenne. Dzień później, 21 "
            "lutego, władze Lang Son i Chongzuo przeprowadziły rozmowy.");
    assert_non_null(date_of(&x, "2025-02-21"));
    assert_int_equal(x.ndates, 2);
    bc_extraction_free(&x);
    x = run("en", NULL, "Yesterday, officials of Lang Son and Chongzuo of China held talks.");
    assert_int_equal(x.ndates, 0);
    bc_extraction_free(&x);
}

/* A day named by its weekday, or "yesterday" with no dateline, is counted from the
 * publication date: all of it is inferred (BC_X_INFERRED_DATE), not only its year; from a
 * dateline's day, or a day written without its year, only the year is. */
static void a_day_counted_from_the_publication_is_inferred_whole(void **state)
{
    (void)state;
    /* 13 November 2026 is a Friday */
    bc_extraction x = run("en", "2026-11-13",
                          "Title\n\nOfficials of Ha Giang and Wenshan of China held talks in "
                          "Ha Giang city on Wednesday.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2026-11-11");
    assert_int_equal(x.meetings[0].date_inferred, BC_X_INFERRED_DATE);
    assert_int_equal(date_of(&x, "2026-11-11")->inferred, BC_X_INFERRED_DATE);
    bc_extraction_free(&x);
    x = run("fr", "2026-11-13",
            "Titre\n\nHier, la 4e réunion du groupe de travail de Cao Bang et de Baise s'est "
            "tenue.");
    assert_int_equal(date_of(&x, "2026-11-12")->inferred, BC_X_INFERRED_DATE);
    bc_extraction_free(&x);
    /* the dateline writes month and day */
    x = run("sv", "2026-01-03",
            "Rubrik\n\nCao Bang, 2 januari – Ledare för Cao Bang och Baise i Kina höll i går "
            "samtal i Cao Bang.");
    assert_int_equal(date_of(&x, "2026-01-01")->inferred, BC_X_INFERRED_YEAR);
    bc_extraction_free(&x);
    x = run("en", "2026-11-13",
            "Title\n\nOfficials of Ha Giang and Wenshan of China held talks on November 11.");
    assert_int_equal(date_of(&x, "2026-11-11")->inferred, BC_X_INFERRED_YEAR);
    bc_extraction_free(&x);
    /* a weekday of the week before (or after) the report's: "vorige week dinsdag" on a
     * Friday is not that week's Tuesday but the one before it */
    x = run("nl", "2026-11-13",
            "Titel\n\nBestuurders van Ha Giang en Wenshan (China) voerden vorige week dinsdag "
            "overleg in Ha Giang.");
    assert_string_equal(meet(&x, "", 0)->date, "2026-11-03");
    bc_extraction_free(&x);
    x = run("nl", "2026-11-13",
            "Titel\n\nBestuurders van Ha Giang en Wenshan (China) voerden woensdag vorige week "
            "overleg in Ha Giang. Ze komen volgende week maandag opnieuw bijeen.");
    assert_non_null(date_of(&x, "2026-11-04"));
    assert_non_null(date_of(&x, "2026-11-16"));
    bc_extraction_free(&x);
}

/* A weekday with a Dutch present of meeting ("komen zaterdag bijeen", "overleggen maandag",
 * "houdt vrijdag overleg") is the one coming, or the report's own day; with a verb of the
 * past in its sentence ("had", "voerden"), the last one gone by. */
static void a_dutch_present_of_meeting_tells_of_the_weekday_to_come(void **state)
{
    (void)state;
    static const struct {
        const char *text, *date;
    } cases[] = {
        /* 13 November 2026 is a Friday */
        {"De delegaties van Lao Cai en Yunnan komen zaterdag in Hekou bijeen.", "2026-11-14"},
        {"Lao Cai en Yunnan overleggen maandag in Hekou over de grenspost.", "2026-11-16"},
        {"Cao Bang houdt vrijdag overleg met Guangxi over de brug.", "2026-11-13"},
        {"Lao Cai en Yunnan hadden woensdag overleg in Hekou over de grenspost.", "2026-11-11"},
        {"Lao Cai en Yunnan voerden woensdag overleg in Hekou over de grenspost.", "2026-11-11"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "Titel\n\n%s", cases[i].text);
        bc_extraction x = run("nl", "2026-11-13", text);
        const bc_xmeeting *m = only_meeting(&x, text);
        if (strcmp(m->date, cases[i].date) != 0)
            fail_msg("%s: dated %s, not %s", cases[i].text, m->date, cases[i].date);
        bc_extraction_free(&x);
    }
}

/* Dutch talks are dated by a month only with a word that they took place: not a month of
 * something else in the clause of another noun; nor by the day of a month last named ("op
 * de 8e van die maand": not of the report's month). */
static void dutch_talks_and_a_day_of_another_month(void **state)
{
    (void)state;
    bc_extraction x;
    x = run("nl", "2026-11-13",
            "Titel\n\nLao Cai en Yunnan bespreken in het overleg de handel, die in oktober met 5 "
            "procent steeg.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2026-10");
    bc_extraction_free(&x);
    x = run("nl", "2026-11-13",
            "Titel\n\nDe grenspost ging in maart open. Op de 8e van die maand was er al een "
            "werkoverleg tussen Lang Son en Guangxi geweest.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2026-11-08");
    bc_extraction_free(&x);
}

/* A day or month without its year takes the year written after "in" that opens its
 * sentence or clause ("In 2023 hadden ... half december ...", "... op 12 december"), with a
 * publication date or without: not the reference date's nearest December; not a year that opens no
 * clause ("De handel van 2023 werd op 12 december besproken") nor one written after the day. */
static void a_year_opening_the_sentence_dates_its_days(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *date;
    } cases[] = {
        {"nl",
         "Titel\n\nIn 2023 hadden de vijf provincies half december de vijftiende zitting in "
         "Beihai gehouden.",
         "2023-12"},
        {"nl",
         "Titel\n\nIn 2023 hadden de vijf provincies de vijftiende zitting in Beihai gehouden, "
         "half december.",
         "2023-12"},
        {"nl",
         "Titel\n\nIn 2023 hadden Lao Cai en Yunnan op 12 december overleg gehouden in Hekou.",
         "2023-12-12"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int pub = 0; pub < 2; pub++) {
            bc_extraction x = run(cases[i].lang, pub ? "2025-11-20" : NULL, cases[i].text);
            const bc_xmeeting *m = only_meeting(&x, cases[i].text);
            if (strcmp(m->date, cases[i].date) != 0)
                fail_msg("%s: dated %s, not %s", cases[i].text, m->date, cases[i].date);
            bc_extraction_free(&x);
        }
    static const char *const other[] = {
        "Titel\n\nDe handel van 2023 werd op 12 december door Lao Cai en Yunnan in Hekou "
        "besproken.",
        "Titel\n\nLao Cai en Yunnan hielden op 12 december overleg in Hekou, net als in 2023.",
    };
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        bc_extraction x = run("nl", "2025-11-20", other[i]);
        for (size_t k = 0; k < x.nmeetings; k++)
            assert_string_not_equal(x.meetings[k].date, "2023-12-12");
        bc_extraction_free(&x);
    }
}

/* A day of the month without its month ("op de 12e") is of the month named last before it
 * in its sentence, or in the sentence before it in its paragraph ("Half juni ...; de
 * werkgroep kwam er op de 12e ... bijeen"), with a publication date or without; only
 * without one named is it of the report's month. */
static void a_bare_day_takes_the_month_named_before_it(void **state)
{
    (void)state;
    static const char *const text =
        "Titel\n\nHalf juni stond in Kunming de vierde conferentie op het programma; de werkgroep "
        "van Lao Cai en Yunnan kwam er op de 12e voor de tiende keer bijeen.";
    bc_extraction x = run("nl", "2024-10-16", text);
    assert_string_equal(meet(&x, "", 10)->date, "2024-06-12");
    bc_extraction_free(&x);
    x = run("nl", NULL, text);
    assert_string_equal(meet(&x, "", 10)->date, "--06-12");
    bc_extraction_free(&x);
    x = run("nl", "2024-10-16",
            "Titel\n\nDe grenspost ging in juni open.\n\nDe werkgroep van Lao Cai en Yunnan kwam "
            "op de 12e voor de tiende keer bijeen.");
    assert_string_equal(meet(&x, "", 10)->date, "2024-10-12");
    bc_extraction_free(&x);
}

/* A day without its year in a Dutch sentence that opens with a day counted from another
 * ("Tien dagen later, op 28 mei, ...") is of the year of the day last written with its
 * year, with a publication date or without; the year after past a year's end; not a day of
 * a sentence that opens otherwise. */
static void a_day_counted_from_another_takes_its_year(void **state)
{
    (void)state;
    static const char *const text =
        "Titel\n\nOp 18 mei 2021 hielden de partijsecretarissen hun eerste conferentie. Tien "
        "dagen later, op 28 mei, hielden Lao Cai en Yunnan overleg in Hekou.";
    for (int pub = 0; pub < 2; pub++) {
        bc_extraction x = run("nl", pub ? "2023-07-20" : NULL, text);
        assert_non_null(date_of(&x, "2021-05-28"));
        bc_extraction_free(&x);
    }
    bc_extraction x = run("nl", "2023-07-20",
                          "Titel\n\nOp 28 december 2021 hielden de partijsecretarissen hun eerste "
                          "conferentie. Een week later, op 4 januari, hielden Lao Cai en Yunnan "
                          "overleg in Hekou.");
    assert_non_null(date_of(&x, "2022-01-04"));
    bc_extraction_free(&x);
    x = run("nl", "2023-07-20",
            "Titel\n\nOp 18 mei 2021 hielden de partijsecretarissen hun eerste conferentie. Op 28 "
            "mei hielden Lao Cai en Yunnan overleg in Hekou.");
    assert_null(date_of(&x, "2021-05-28"));
    bc_extraction_free(&x);
}

/* Dutch talks of the dateline's sentence told in the perfect with no day of their own
 * ("HA GIANG, 15 oktober (ANP) - ... hebben in Meo Vac overleg gevoerd") are of the
 * dateline's day, with a publication date or without; not when the article dates a meeting
 * in the week up to it ("Het overleg vond maandag plaats"), nor talks said to come. */
static void dutch_lead_talks_in_the_perfect_take_the_datelines_day(void **state)
{
    (void)state;
    static const char *const text =
        "Titel\n\nHA GIANG, 15 oktober (ANP) - Ha Giang en de Chinese provincie Yunnan hebben in "
        "Meo Vac overleg gevoerd over de grenspost.";
    bc_extraction x = run("nl", "2024-10-16", text);
    assert_string_equal(only_meeting(&x, text)->date, "2024-10-15");
    bc_extraction_free(&x);
    x = run("nl", NULL, text);
    assert_string_equal(only_meeting(&x, text)->date, "--10-15");
    bc_extraction_free(&x);
    x = run(
        "nl", "2024-10-16",
        "Titel\n\nHA GIANG, 15 oktober (ANP) - Ha Giang en de Chinese provincie Yunnan hebben in "
        "Meo Vac overleg gevoerd over de grenspost. Het overleg tussen Ha Giang en Yunnan vond "
        "maandag plaats.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2024-10-15");
    bc_extraction_free(&x);
}

/* "The next day, ... . The same day, ...": the same day is the next day told right before
 * it; the word for next in it ("next", "Nastepnego") says nothing of what is to come, so
 * that day is one that took place. Dutch is left out: its present tells what is to come,
 * and "De volgende dag houden ..." is. */
static void the_same_day_as_the_next_day_told(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "On December 2, the 9th meeting of the joint working group was held in Hekou. The "
               "next day, the Yunnan delegation travelled on to Kunming. The same day, Lao Cai and "
               "Yunnan held talks on the border gate."},
        {"pl", "2 grudnia w Hekou odbyło się 9. posiedzenie wspólnej grupy roboczej. Następnego "
               "dnia delegacja z Junnanu udała się do Kunmingu. Tego samego dnia Lao Cai i Junnan "
               "przeprowadziły rozmowy o przejściu granicznym."},
        {"fr", "Le 2 décembre, la 9e réunion du Groupe de travail conjoint s'est tenue à Hekou. "
               "Le lendemain, la délégation du Yunnan est repartie pour Kunming. Le même jour, Lao "
               "Cai et le Yunnan ont tenu des entretiens sur le poste frontière."},
        {"sv", "Den 2 december hölls det nionde mötet i den gemensamma arbetsgruppen i Hekou. "
               "Dagen därpå reste delegationen från Yunnan vidare till Kunming. Samma dag höll Lao "
               "Cai och Yunnan samtal om gränsövergången."},
        {"vi", "Ngày 2/12, Phiên họp lần thứ 9 Nhóm công tác liên hợp diễn ra tại Hà Khẩu. Ngày "
               "hôm sau, đoàn đại biểu tỉnh Vân Nam tới Côn Minh. Cùng ngày, tỉnh Lào Cai và tỉnh "
               "Vân Nam đã tổ chức hội đàm về cửa khẩu."},
        {"zh", "12月2日，联合工作组第九次会议在河口举行。次日，云南省代表团前往昆明。同日，老街省与"
               "云南省举行会谈。"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2025-12-10", cases[i].text);
        int talks = 0, ninth = 0;
        for (size_t k = 0; k < x.nmeetings; k++) {
            const char *want = x.meetings[k].ordinal == 9 ? "2025-12-02" : "2025-12-03";
            talks += x.meetings[k].ordinal == 0;
            ninth += x.meetings[k].ordinal == 9;
            if (strcmp(x.meetings[k].date, want) != 0)
                fail_msg("%s: meeting %d on %s", cases[i].lang, x.meetings[k].ordinal,
                         x.meetings[k].date);
        }
        assert_int_equal(talks, 1);
        assert_int_equal(ninth, 1);
        bc_extraction_free(&x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_dateline_dates_the_report_not_a_meeting),
        cmocka_unit_test(a_dutch_present_of_meeting_tells_of_the_weekday_to_come),
        cmocka_unit_test(dutch_talks_and_a_day_of_another_month),
        cmocka_unit_test(a_year_opening_the_sentence_dates_its_days),
        cmocka_unit_test(a_bare_day_takes_the_month_named_before_it),
        cmocka_unit_test(a_day_counted_from_another_takes_its_year),
        cmocka_unit_test(dutch_lead_talks_in_the_perfect_take_the_datelines_day),
        cmocka_unit_test(a_day_months_ahead_has_no_year_unless_said_to_come),
        cmocka_unit_test(years_in_every_language),
        cmocka_unit_test(without_a_reference_nothing_is_completed),
        cmocka_unit_test(not_dates),
        cmocka_unit_test(vietnamese_days_of_the_week),
        cmocka_unit_test(days_counted_from_another),
        cmocka_unit_test(a_day_counted_from_the_publication_is_inferred_whole),
        cmocka_unit_test(the_same_day_as_the_next_day_told),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
