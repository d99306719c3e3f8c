/* test_extract_meet_pronoun.c: a meeting named with its year whose day the next sentence
 * tells by a subject pronoun or a meeting noun and a verb of taking place
 * (extract_meet_pronoun.c, merged in extract_meet_reconcile.c): one meeting of that day, the
 * year the name's, stated, citing both sentences; in en, fr, nl, sv and pl. And what must stay
 * as it was: an agreement's day, a verb of signing, a second meeting in either sentence, a
 * pronoun opening the next paragraph or that may be of another event, a meeting to come. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

#include <stdio.h>

/* The meetings of text read on ref (NULL: none) as "date:quotes" joined by spaces, a date
 * completed from ref marked "~", compared with want. */
static void expect(const char *lang, const char *ref, const char *text, const char *want)
{
    bc_extraction x = run(lang, ref, text);
    char buf[256] = "";
    for (size_t i = 0; i < x.nmeetings; i++) {
        const bc_xmeeting *m = &x.meetings[i];
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, "%s%s%s:%d", i ? " " : "", m->date,
                 m->date_inferred ? "~" : "", m->cite.nquotes);
    }
    bc_extraction_free(&x);
    if (strcmp(buf, want) != 0)
        fail_msg("%s (%s): got '%s', want '%s'", text, ref ? ref : "no date", buf, want);
}

/* with and without a publication date (one of a later year than the name's too) */
static void expect3(const char *lang, const char *text, const char *want)
{
    expect(lang, NULL, text, want);
    expect(lang, "2026-04-02", text, want);
    expect(lang, "2027-01-15", text, want);
}

static void en_it_took_place(void **state)
{
    (void)state;
    const char *text = "Border provinces look back on the spring\n\nThe 2026 Spring Meeting of "
                       "the four provinces and Guangxi was held in Nanning. It took place on 22 "
                       "March.";
    expect3("en", text, "2026-03-22:2");
    bc_extraction x = run("en", NULL, text);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].status, "held");
    assert_quote(text, x.meetings[0].cite.q[1].start, x.meetings[0].cite.q[1].end,
                 "It took place on 22 March.");
    bc_extraction_free(&x);
    /* a few words of where between the verb and the day */
    expect3("en",
            "Border provinces look back on the spring\n\nThe 2026 Spring Meeting of the four "
            "provinces and Guangxi was held with trade on the agenda. It was held in Nanning on "
            "22 March.",
            "2026-03-22:2");
    /* the meeting noun, where no talks of both sides were read */
    expect3("en",
            "Border provinces look back on the spring\n\nThe 2026 Spring Meeting of the four "
            "provinces and Guangxi was held in Nanning. The meeting took place on 22 March.",
            "2026-03-22:2");
}

static void fr_elle_s_est_tenue(void **state)
{
    (void)state;
    expect3("fr",
            "Les provinces frontalières font le bilan\n\nLa réunion du printemps 2026 s'est "
            "déroulée à Nanning. Elle s'est tenue le 22 mars.",
            "2026-03-22:2");
    expect3("fr",
            "Les provinces frontalières font le bilan\n\nLa réunion du printemps 2026 s'est "
            "déroulée à Nanning. Elle a eu lieu le 22 mars, en présence des gouverneurs.",
            "2026-03-22:2");
}

static void nl_zij_vond_plaats(void **state)
{
    (void)state;
    static const char *const next[] = {
        "Zij vond plaats op 22 maart.", "Ze vond plaats op 22 maart.",
        "Het vond plaats op 22 maart.", "Zij vond op 22 maart plaats.",
        "Ze werd op 22 maart in Nanning gehouden."};
    for (size_t k = 0; k < sizeof next / sizeof next[0]; k++) {
        char text[512];
        snprintf(text, sizeof text,
                 "Grensprovincies blikken terug\n\nDe Voorjaarsontmoeting 2026 van de vier "
                 "provincies en Guangxi werd gehouden in Nanning. %s",
                 next[k]);
        expect3("nl", text, "2026-03-22:2");
    }
}

static void sv_det_holls(void **state)
{
    (void)state;
    expect3("sv",
            "Gränsprovinserna blickar tillbaka\n\nVårmötet 2026 mellan de fyra provinserna och "
            "Guangxi ägde rum i Nanning. Det hölls den 22 mars.",
            "2026-03-22:2");
    expect3("sv",
            "Gränsprovinserna blickar tillbaka\n\nVårmötet 2026 mellan de fyra provinserna och "
            "Guangxi ägde rum i Nanning. Mötet hölls den 22 mars.",
            "2026-03-22:2");
}

static void pl_odbylo_sie_ono(void **state)
{
    (void)state;
    expect3("pl",
            "Prowincje przygraniczne podsumowują\n\nWiosenne spotkanie 2026 czterech prowincji i "
            "Kuangsi zorganizowano w Nanningu. Odbyło się ono 22 marca.",
            "2026-03-22:2");
    expect3("pl",
            "Prowincje przygraniczne podsumowują\n\nWiosenne spotkanie 2026 czterech prowincji i "
            "Kuangsi zorganizowano w Nanningu. Spotkanie odbyło się 22 marca.",
            "2026-03-22:2");
    /* no subject said: which event took place that day, the text leaves open */
    expect3("pl",
            "Prowincje przygraniczne podsumowują\n\nWiosenne spotkanie 2026 czterech prowincji i "
            "Kuangsi zorganizowano w Nanningu. Odbyło się 22 marca.",
            "2026:1");
}

/* the day of something else told next stays its own: the meeting keeps its year */
static void another_event_day_stays_apart(void **state)
{
    (void)state;
    static const char *const next[] = {
        "The agreement was signed on 22 March.", "It was signed on 22 March.",
        "The two sides signed it on 22 March.", "It took place on 22 March and on 25 March.",
        "\n\nIt took place on 22 March."};
    for (size_t k = 0; k < sizeof next / sizeof next[0]; k++) {
        char text[512];
        snprintf(text, sizeof text,
                 "Border provinces look back on the spring\n\nThe 2026 Spring Meeting of the "
                 "four provinces and Guangxi was held in Nanning. %s",
                 next[k]);
        expect3("en", text, "2026:1");
    }
    expect3("fr",
            "Les provinces frontalières font le bilan\n\nLa réunion du printemps 2026 s'est "
            "déroulée à Nanning. L'accord a été signé le 22 mars.",
            "2026:1");
    expect3("nl",
            "Grensprovincies blikken terug\n\nDe Voorjaarsontmoeting 2026 van de vier provincies "
            "en Guangxi werd gehouden in Nanning. Het akkoord werd op 22 maart ondertekend.",
            "2026:1");
    expect3("nl",
            "Grensprovincies blikken terug\n\nDe Voorjaarsontmoeting 2026 van de vier provincies "
            "en Guangxi werd gehouden in Nanning. Het werd op 22 maart ondertekend.",
            "2026:1");
    expect3("sv",
            "Gränsprovinserna blickar tillbaka\n\nVårmötet 2026 mellan de fyra provinserna och "
            "Guangxi ägde rum i Nanning. Avtalet undertecknades den 22 mars.",
            "2026:1");
}

/* another event named in the sentence before, or a clause of its own there: the pronoun may
 * be of that one; the meeting noun still says which */
static void a_pronoun_of_another_event_stays_apart(void **state)
{
    (void)state;
    static const char *const before[] = {
        "The 2026 Spring Meeting of the four provinces and Guangxi was held in Nanning alongside "
        "a trade fair.",
        "The 2026 Spring Meeting of the four provinces and Guangxi was held in Nanning, where the "
        "new customs office opened."};
    for (size_t k = 0; k < sizeof before / sizeof before[0]; k++) {
        char text[512];
        snprintf(text, sizeof text,
                 "Border provinces look back on the spring\n\n%s It took place on 22 March.",
                 before[k]);
        expect3("en", text, "2026:1");
    }
    expect3("nl",
            "Grensprovincies blikken terug\n\nDe Voorjaarsontmoeting 2026 van de vier provincies "
            "en Guangxi werd gehouden in Nanning naast een handelsbeurs. Zij vond plaats op 22 "
            "maart.",
            "2026:1");
    expect3("fr",
            "Les provinces frontalières font le bilan\n\nLa réunion du printemps 2026 s'est "
            "déroulée à Nanning en marge d'un salon. Elle s'est tenue le 22 mars.",
            "2026:1");
    /* the names of a list part no clause */
    expect3("en",
            "Border provinces look back on the spring\n\nThe 2026 Spring Meeting of Quang Ninh, "
            "Lang Son, Cao Bang, Ha Giang and Guangxi was held in Nanning. It took place on 22 "
            "March.",
            "2026-03-22:2");
}

/* two meetings in the sentence before: which one the pronoun is, is not said */
static void two_meetings_before_stay_apart(void **state)
{
    (void)state;
    const char *text = "Border provinces look back on the spring\n\nThe 2026 Spring Meeting and "
                       "the 15th conference of the joint working committee were held in Nanning. "
                       "It took place on 22 March.";
    bc_extraction x = run("en", NULL, text);
    for (size_t i = 0; i < x.nmeetings; i++)
        if (strlen(x.meetings[i].date) > 4)
            fail_msg("meeting %zu dated %s", i, x.meetings[i].date);
    bc_extraction_free(&x);
    /* a second meeting told in the next sentence keeps the day its own */
    expect("en", NULL,
           "Border provinces look back on the spring\n\nThe 2026 Spring Meeting of the four "
           "provinces and Guangxi was held in Nanning. The 15th conference of the joint working "
           "committee took place on 22 March.",
           "--03-22:1 2026:1");
}

/* a meeting to come is not dated by the past of the next sentence, nor its future read */
static void a_meeting_to_come_keeps_its_year(void **state)
{
    (void)state;
    expect("en", "2026-04-02",
           "Border provinces look ahead\n\nThe 2027 Spring Meeting of the four provinces and "
           "Guangxi will be held in Nanning. It will take place on 22 March.",
           "2027:1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(en_it_took_place),
        cmocka_unit_test(fr_elle_s_est_tenue),
        cmocka_unit_test(nl_zij_vond_plaats),
        cmocka_unit_test(sv_det_holls),
        cmocka_unit_test(pl_odbylo_sie_ono),
        cmocka_unit_test(another_event_day_stays_apart),
        cmocka_unit_test(a_pronoun_of_another_event_stays_apart),
        cmocka_unit_test(two_meetings_before_stay_apart),
        cmocka_unit_test(a_meeting_to_come_keeps_its_year),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
