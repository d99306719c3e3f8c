/* test_extract_meet_elided.c: an ordinal whose meeting noun its sentence left out after
 * naming it with another number (extract_meet_elided.c): "reviewed the fifth conference
 * ... and agreed to hold the seventh in Lao Cai in 2027" is the seventh conference of the
 * same body, to come, in every language that leaves the noun out; a count ("the second
 * held in Hekou"), a first of a time or a noun after the ordinal is no meeting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The meeting numbered ord in x, NULL when none. */
static const bc_xmeeting *numbered(const bc_extraction *x, int ord)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        if (x->meetings[i].ordinal == ord)
            return &x->meetings[i];
    return NULL;
}

static void the_seventh_after_the_fifth_conference(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "Title\n\nOn November 25, the sixth annual conference of Lao Cai, Lai Chau, Dien "
               "Bien, Tuyen Quang and Yunnan was held in Kunming. The sides reviewed the fifth "
               "conference, held in Lai Chau on October 30, 2025, and agreed to hold the seventh "
               "in Lao Cai in 2027."},
        {"fr", "Titre\n\nLe 25 novembre, la sixième conférence annuelle de Lao Cai, Lai Chau, "
               "Dien Bien, Tuyen Quang et du Yunnan s'est tenue à Kunming. Les parties ont passé "
               "en revue la cinquième conférence, tenue à Lai Chau le 30 octobre 2025, et ont "
               "convenu d'organiser la septième à Lao Cai en 2027."},
        {"nl", "Titel\n\nOp 25 november werd in Kunming de zesde jaarlijkse conferentie van Lao "
               "Cai, Lai Chau, Dien Bien, Tuyen Quang en Yunnan gehouden. De partijen blikten "
               "terug op de vijfde conferentie, die op 30 oktober 2025 in Lai Chau werd "
               "gehouden, en spraken af de zevende in 2027 in Lao Cai te houden."},
        {"sv", "Titel\n\nDen 25 november hölls den sjätte årliga konferensen för Lao Cai, Lai "
               "Chau, Dien Bien, Tuyen Quang och Yunnan i Kunming. Parterna gick igenom den "
               "femte konferensen, som hölls i Lai Chau den 30 oktober 2025, och kom överens om "
               "att hålla den sjunde i Lao Cai 2027."},
        {"pl", "Tytuł\n\n25 listopada w Kunmingu odbyła się szósta doroczna konferencja Lao Cai, "
               "Lai Chau, Dien Bien, Tuyen Quang i Junnan. Strony podsumowały piątą konferencję, "
               "która odbyła się w Lai Chau 30 października 2025 r., i uzgodniły, że siódma "
               "odbędzie się w Lao Cai w 2027 r."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        for (int pub = 0; pub < 2; pub++) {
            bc_extraction x = run(cases[k].lang, pub ? "2026-11-27" : NULL, cases[k].text);
            const bc_xmeeting *m = numbered(&x, 7), *five = numbered(&x, 5);
            if (m == NULL)
                fail_msg("%s: no seventh meeting among %zu", cases[k].lang, x.nmeetings);
            assert_non_null(five);
            if (strcmp(m->status, "planned") != 0 || strcmp(m->date, "2027") != 0 ||
                strcmp(m->mechanism, five->mechanism) != 0 || m->mechanism[0] == '\0')
                fail_msg("%s: the seventh is %s, %s, of '%s'", cases[k].lang, m->status, m->date,
                         m->mechanism);
            bc_extraction_free(&x);
        }
}

static void counts_and_nouns_are_no_meeting(void **state)
{
    (void)state;
    static const char *const texts[] = {
        /* a count of meetings held there */
        "Title\n\nThe 10th meeting of the Joint Working Group was held in Hekou on June 12, "
        "2025, and was the second held in Hekou.",
        /* a noun of its own after the ordinal */
        "Title\n\nThe 10th meeting of the Joint Working Group was held in Hekou on June 12, "
        "2025, and agreed to hold the second phase of talks in Lao Cai.",
        /* a first of a time */
        "Title\n\nThe 10th meeting of the Joint Working Group, held in Hekou on June 12, 2025, "
        "was the first in three years.",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        bc_extraction x = run("en", "2025-06-20", texts[k]);
        for (size_t i = 0; i < x.nmeetings; i++)
            if (x.meetings[i].ordinal != 10)
                fail_msg("%s: a meeting numbered %d", texts[k], x.meetings[i].ordinal);
        bc_extraction_free(&x);
    }
}

/* The date ("" undated, NULL no such meeting) of the meeting numbered ord of text. */
static const char *dated_back(const char *lang, const char *ref, const char *text, int ord,
                              char *buf, size_t len)
{
    bc_extraction x = run(lang, ref, text);
    const char *r = NULL;
    for (size_t i = 0; i < x.nmeetings && r == NULL; i++)
        if (x.meetings[i].ordinal == ord) {
            snprintf(buf, len, "%s", x.meetings[i].date);
            r = buf;
        }
    bc_extraction_free(&x);
    return r;
}

static void an_ordinal_without_its_noun(void **state)
{
    (void)state;
    char buf[32];
    const char *r =
        dated_back("nl", "2025-10-31",
                   "Kop\n\nDe tiende vergadering vond op 12 juni 2024 plaats in Kunming; de "
                   "negende was in maart 2023 in de stad Ha Giang.",
                   9, buf, sizeof buf);
    assert_non_null(r);
    assert_string_equal(r, "2023-03");
    r = dated_back(
        "en", "2025-10-31",
        "Title\n\nThe tenth meeting was held in Kunming on June 12, 2024, and the ninth took "
        "place in Ha Giang in March 2023.",
        9, buf, sizeof buf);
    assert_non_null(r);
    assert_string_equal(r, "2023-03");
    /* opening the next sentence: of the series the sentence before numbered */
    r = dated_back(
        "nl", "2024-01-30",
        "Kop\n\nDe derde editie van de jaarlijkse conferentie van de partijsecretarissen "
        "vond eind maart 2023 plaats. De vierde staat dit jaar op het programma, in Yunnan.",
        4, buf, sizeof buf);
    assert_non_null(r);
    assert_string_equal(r, "2024");
}

static void no_meeting_of_a_far_number_or_no_verb(void **state)
{
    (void)state;
    char buf[32];
    assert_null(
        dated_back("nl", "2024-01-30",
                   "Kop\n\nDe 11e vergadering besprak twee projecten. Het eerste is een brug.", 1,
                   buf, sizeof buf));
    assert_null(dated_back("nl", "2024-01-30",
                           "Kop\n\nDe tiende vergadering vond in juni plaats. De negende provincie "
                           "sloot zich in maart aan.",
                           9, buf, sizeof buf));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_seventh_after_the_fifth_conference),
        cmocka_unit_test(counts_and_nouns_are_no_meeting),
        cmocka_unit_test(an_ordinal_without_its_noun),
        cmocka_unit_test(no_meeting_of_a_far_number_or_no_verb),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
