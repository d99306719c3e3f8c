/* test_extract_meet_held.c: whether a sentence says its talks took place
 * (extract_meet_held.c): the Dutch passive of the past of receiving ("werd hij ... ontvangen
 * door") makes a reception of the side told before, dated by its weekday; "goed ontvangen
 * door" (well received) is no reception; "kwamen ... samen" past the names of a list says a
 * meeting its sentence names took place. Also a partner of office after "sprak ... met"
 * ("de Vietnamese minister"). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static const char *const visit =
    "Kop\n\nChen Gang, partijsecretaris van Guangxi, bezocht Vietnam. Woensdag sprak hij in "
    "Hanoi met Nguyen Hong Dien, de Vietnamese minister van Industrie en Handel, die hem vroeg "
    "de Chinese markt open te stellen.";

/* The dates of the meetings of Dutch text read on 2025-02-22, in order, into buf. */
static const char *dates(const char *text, char *buf, size_t len)
{
    bc_extraction x = run("nl", "2025-02-22", text);
    buf[0] = '\0';
    for (size_t i = 0; i < x.nmeetings; i++) {
        strncat(buf, i ? " " : "", len - strlen(buf) - 1);
        strncat(buf, x.meetings[i].date, len - strlen(buf) - 1);
        if (strcmp(x.meetings[i].status, "held") != 0)
            fail_msg("meeting %zu %s", i, x.meetings[i].status);
    }
    bc_extraction_free(&x);
    return buf;
}

static void talks_with_a_minister(void **state)
{
    (void)state;
    char buf[128];
    assert_string_equal(dates(visit, buf, sizeof buf), "2025-02-19");
    /* no partner of the other side or of office: what he said to whom is no meeting */
    assert_string_equal(dates("Kop\n\nWoensdag sprak hij in Hanoi met Nguyen Hong Dien, die hem "
                              "vroeg de markt open te stellen.",
                              buf, sizeof buf),
                        "");
}

static void received_by_in_the_passive(void **state)
{
    (void)state;
    char text[1024], buf[128];
    snprintf(text, sizeof text,
             "%s Donderdagnamiddag werd hij in Ha Long ontvangen door Nguyen Xuan Thang.", visit);
    assert_string_equal(dates(text, buf, sizeof buf), "2025-02-19 2025-02-20");
    /* well received: a proposal, no reception */
    snprintf(text, sizeof text, "%s Donderdag werd het voorstel goed ontvangen door de gouverneur.",
             visit);
    assert_string_equal(dates(text, buf, sizeof buf), "2025-02-19");
    /* no talks of the sides before: a reception of one side named is none */
    assert_string_equal(
        dates("Kop\n\nDonderdag werd hij in Ha Long ontvangen door Nguyen Xuan Thang.", buf,
              sizeof buf),
        "");
}

static void coming_together_past_a_list_of_names(void **state)
{
    (void)state;
    char buf[128];
    /* "kwamen ... samen" with the names of a list between: the spring meeting took place */
    assert_string_equal(dates("Kop\n\nIn februari kwamen de partijsecretarissen van Quang Ninh, "
                              "Lang Son en Ha Giang in Ha Long samen met hun collega uit Guangxi "
                              "op de jaarlijkse voorjaarsontmoeting.",
                              buf, sizeof buf),
                        "2025-02");
    /* no particle of meeting: plans for it, no meeting */
    assert_string_equal(dates("Kop\n\nIn februari kwamen de partijsecretarissen van Quang Ninh, "
                              "Lang Son en Ha Giang met plannen voor de voorjaarsontmoeting.",
                              buf, sizeof buf),
                        "");
    /* a comma of an aside, not of a list, ends the clause */
    assert_string_equal(dates("Kop\n\nIn februari kwamen de partijsecretarissen van Quang Ninh, "
                              "Lang Son en Ha Giang, die de voorjaarsontmoeting voorbereiden, "
                              "samen.",
                              buf, sizeof buf),
                        "");
}

static void on_the_agenda_in_the_present(void **state)
{
    (void)state;
    /* scheduled: a meeting to come, dated by its month */
    bc_extraction x =
        run("nl", "2024-09-02",
            "Kop\n\nBeide kanten kijken nu naar de conferentie van het gemeenschappelijk "
            "werkcomité van Guangxi en de vier Vietnamese provincies, die voor "
            "december in Quang Ninh op de agenda staat.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].mechanism, "jwc-guangxi");
    assert_string_equal(x.meetings[0].date, "2024-12");
    assert_string_equal(x.meetings[0].status, "planned");
    bc_extraction_free(&x);
    /* the past: what was on the agenda of a meeting, no meeting to come */
    x = run("nl", "2024-09-02",
            "Kop\n\nOp de conferentie van het gemeenschappelijk werkcomité van Guangxi en de vier "
            "Vietnamese provincies stond de brug op de agenda.");
    for (size_t i = 0; i < x.nmeetings; i++)
        if (strcmp(x.meetings[i].status, "planned") == 0)
            fail_msg("meeting %zu planned", i);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(talks_with_a_minister),
        cmocka_unit_test(received_by_in_the_passive),
        cmocka_unit_test(coming_together_past_a_list_of_names),
        cmocka_unit_test(on_the_agenda_in_the_present),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
