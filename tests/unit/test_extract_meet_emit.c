/* test_extract_meet_emit.c: a meeting as emitted (extract_meet_emit.c): place, status
 * (held or planned, from the words nearest to it) and the people named. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void place_status_and_people(void **state)
{
    (void)state;
    bc_extraction x = run("pl", "2025-10-30",
                          "Gospodarzem VI dorocznej konferencji będzie prowincja Junnan w 2026 r.");
    const bc_xmeeting *m = meet(&x, "conference-yunnan", 6);
    assert_string_equal(m->status, "planned");
    assert_string_equal(m->date, "2026");
    assert_string_equal(m->place, "yunnan");
    bc_extraction_free(&x);
    x = run("en", "2025-10-30",
            "On October 30, 2025 the 11th meeting of the Joint Working Group of Lai Chau and "
            "Yunnan was held in Lai Chau, chaired by Giang A Tinh.");
    m = meet(&x, "jwg-yunnan", 11);
    assert_string_equal(m->place, "lai-chau");
    assert_string_equal(m->status, "held");
    assert_int_equal(m->npeople, 1);
    assert_string_equal(m->people[0], "giang-a-tinh");
    assert_true(m->nprovinces >= 2);
    bc_extraction_free(&x);
    /* said to be held: held, whatever the date */
    x = run("fr", "2018-12-01",
            "La 7e réunion a eu lieu le 12 décembre dans la ville de Lai Chau.");
    assert_string_equal(meet(&x, "", 7)->status, "held");
    bc_extraction_free(&x);
}

/* The meeting numbered ord, whatever its mechanism (NULL when none). */
static const bc_xmeeting *by_ordinal(const bc_extraction *x, int ord)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        if (x->meetings[i].ordinal == ord)
            return &x->meetings[i];
    return NULL;
}

static void a_meeting_to_come_is_planned(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        int ord;      /* the planned meeting's ordinal, 0 for talks */
        int held_ord; /* a held meeting of the same sentence, -1 none */
        const char *ref;
    } cases[] = {
        {"en",
         "Yunnan would host the 6th Annual Conference of the Provincial Party Secretaries of "
         "Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan in December.",
         6, -1, NULL},
        {"en",
         "On November 12, the 12th meeting was held in Kunming; the two sides agreed that the "
         "13th meeting would be held in Vietnam.",
         13, 12, "2026-11-14"},
        {"zh", "11月12日，第十二次会议在昆明举行，双方商定第十三次会议将于明年在越南举行。", 13, 12,
         "2026-11-14"},
        {"fr",
         "La 7e réunion s'est tenue le 6 octobre ; la 8e réunion se tiendra au Guangxi en 2027.", 8,
         7, "2026-10-08"},
        {"vi", "Hội nghị lần thứ 12 sẽ được tổ chức tại Quảng Tây vào năm 2027.", 12, -1,
         "2026-12-02"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, cases[i].ref, cases[i].text);
        const bc_xmeeting *m = by_ordinal(&x, cases[i].ord);
        if (m == NULL || strcmp(m->status, "planned") != 0)
            fail_msg("%s: not planned (%s)", cases[i].text, m ? m->status : "none");
        /* a meeting to come never takes the day of one that took place */
        if (m->date[0] && strstr(m->date, "11-12") != NULL)
            fail_msg("%s: planned meeting dated %s", cases[i].text, m->date);
        if (cases[i].held_ord >= 0)
            assert_string_equal(by_ordinal(&x, cases[i].held_ord)->status, "held");
        bc_extraction_free(&x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(place_status_and_people),
        cmocka_unit_test(a_meeting_to_come_is_planned),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
