/* test_extract_meet_signed.c: talks a document was signed at, told right after the signing
 * (extract_meet_signed.c), take the day of the signing, or of the agreement made at them,
 * past a sentence of no date; not when the sentence naming them
 * does not say the document was signed there, nor when the sentence before signs nothing or
 * tells two days. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The dates of the meetings of text (language lang, reference date ref), in order. */
static const char *dates(const char *lang, const char *ref, const char *text, char *buf, size_t len)
{
    bc_extraction x = run(lang, ref, text);
    buf[0] = '\0';
    for (size_t i = 0; i < x.nmeetings; i++) {
        strncat(buf, i ? " " : "", len - strlen(buf) - 1);
        strncat(buf, x.meetings[i].date, len - strlen(buf) - 1);
    }
    bc_extraction_free(&x);
    return buf;
}

static void talks_the_document_was_signed_at(void **state)
{
    (void)state;
    char buf[128];
    assert_string_equal(
        dates("nl", "2025-03-14",
              "Kop\n\nAfgelopen dinsdag ondertekenden Mong Cai en het Chinese Dongxing een "
              "memorandum over een slimme grensovergang.\n\nHet akkoord werd gesloten tijdens "
              "gesprekken in Mong Cai tussen Ho Quang Huy en Li Jian, de burgemeester van "
              "Dongxing.",
              buf, sizeof buf),
        "2025-03-11");
    assert_string_equal(
        dates("en", "2025-03-12",
              "Title\n\nMong Cai city and Dongxing yesterday signed a memorandum on a smart "
              "border gate.\n\nThe document was signed by Ho Quang Huy and Dongxing Mayor Li Jian "
              "at talks in Mong Cai, during which the two sides also agreed to study a bridge.",
              buf, sizeof buf),
        "2025-03-11");
}

static void talks_an_agreement_was_made_at(void **state)
{
    (void)state;
    char buf[128];
    /* agreed, a sentence of money between */
    const char *t = "Kop\n\nHa Giang en de Chinese prefectuur Wenshan hebben dinsdagochtend 2 "
                    "augustus afgesproken een doorgang voor vracht te openen. Ha Giang trekt voor "
                    "de aanleg 85 miljard dong uit.\n\nDe afspraak werd gemaakt tijdens "
                    "besprekingen in de provinciehoofdstad, waar een delegatie uit Wenshan op "
                    "bezoek was.";
    assert_string_equal(dates("nl", "2016-08-04", t, buf, sizeof buf), "2016-08-02");
    assert_string_equal(dates("nl", NULL, t, buf, sizeof buf), "--08-02");
    /* a sentence between with a date of its own: the day is not surely the talks' */
    assert_string_equal(
        dates("nl", "2016-08-04",
              "Kop\n\nHa Giang en de Chinese prefectuur Wenshan hebben dinsdag 2 augustus "
              "afgesproken een doorgang te openen. De werken starten in oktober.\n\nDe afspraak "
              "werd gemaakt tijdens besprekingen in de provinciehoofdstad, waar een delegatie "
              "uit Wenshan op bezoek was.",
              buf, sizeof buf),
        "");
}

static void no_day_without_the_signing_told(void **state)
{
    (void)state;
    char buf[128];
    /* the document is not said to have been signed at the talks */
    assert_string_equal(
        dates("nl", "2025-03-14",
              "Kop\n\nAfgelopen dinsdag ondertekenden Mong Cai en het Chinese Dongxing een "
              "memorandum.\n\nHet akkoord bouwt voort op gesprekken in Mong Cai tussen Ho Quang "
              "Huy en Li Jian, de burgemeester van Dongxing.",
              buf, sizeof buf),
        "");
    /* the sentence before signs nothing */
    assert_string_equal(
        dates("nl", "2025-03-14",
              "Kop\n\nAfgelopen dinsdag opende Mong Cai een nieuwe rijstrook.\n\nHet akkoord werd "
              "gesloten tijdens gesprekken in Mong Cai tussen Ho Quang Huy en Li Jian, de "
              "burgemeester van Dongxing.",
              buf, sizeof buf),
        "");
    /* two days before: which one is not told */
    assert_string_equal(
        dates("nl", "2025-03-14",
              "Kop\n\nMong Cai en het Chinese Dongxing ondertekenden op 3 maart een memorandum dat "
              "op 10 maart van kracht werd.\n\nHet akkoord werd gesloten tijdens gesprekken in "
              "Mong Cai tussen Ho Quang Huy en Li Jian, de burgemeester van Dongxing.",
              buf, sizeof buf),
        "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(talks_the_document_was_signed_at),
        cmocka_unit_test(talks_an_agreement_was_made_at),
        cmocka_unit_test(no_day_without_the_signing_told),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
