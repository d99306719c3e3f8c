/* test_ingest_series.c: the body of a numbered meeting whose sentence does not name it
 * (ingest_series.c): an anaphor continues the mechanism of the meeting numbered just
 * before it, unless its sentence names another kind of body; a meeting numbered apart
 * from the others ("the 10th meeting of the group" after the 12th, "la 15e conférence du
 * comité" after the 16th) is of the one body of the kind it names that the article's
 * other numbered meetings are of, and of none when they number no body of that kind. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/ingest.h"

#include "fixture.h"

#define count fx_count /* fixture.h */

#define S fx_group_store() /* fixture.h: the store the group shares */

#define n_of(fmt, src) fx_count_of(S, fmt, src)

static void an_anaphor_continues_its_mechanism(void **state)
{
    (void)state;
    bc_ingest_result r =
        fx_ingest(S, "en",
                  "The 16th Joint Working Committee Conference of Quang Ninh, Lang "
                  "Son, Cao Bang, Ha Giang and Guangxi opened in Lang Son city on "
                  "December 5. The 17th conference of the committee will be held "
                  "in Guangxi in 2026, the two sides agreed.",
                  "2025-12-06");
    assert_int_equal(n_of("SELECT count(*) FROM meetings WHERE id LIKE '%s-m%%' AND mechanism_id "
                          "= 'jwc-guangxi' AND ordinal = 17 AND status = 'planned' AND inferred "
                          "LIKE '%%\"mechanism\"%%'",
                          r.source_id),
                     1);
    assert_int_equal(r.events, 0);
}

/* the sentence names a working group, the meeting before it is the committee's: no link */
static void another_kind_of_body_is_not_continued(void **state)
{
    (void)state;
    bc_ingest_result r =
        fx_ingest(S, "en",
                  "The 16th Joint Working Committee Conference of Quang Ninh, Lang "
                  "Son, Cao Bang, Ha Giang and Guangxi opened in Lang Son city on "
                  "December 5. The 17th meeting of the working group will be held "
                  "in Guangxi in 2026.",
                  "2025-12-07");
    assert_int_equal(
        n_of("SELECT count(*) FROM meetings WHERE id LIKE '%s-m%%' AND ordinal = 17", r.source_id),
        0);
    assert_int_equal(r.events, 1);
    /* its body is named: the event says whose it is by the provinces named */
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND title "
                          "LIKE 'Meeting 17 of %%' AND title NOT LIKE '%%does not name%%'",
                          r.source_id),
                     1);
}

/* numbered below the meeting the article reports, by the kind of body alone: the one
 * mechanism of that kind the article numbers, marked inferred, linked to the known one */
static void a_meeting_numbered_apart_is_of_the_one_body_of_its_kind(void **state)
{
    (void)state;
    bc_ingest_result r = fx_ingest(S, "en",
                                   "The 12th meeting of the Joint Working Group of Lao Cai, Ha "
                                   "Giang, Lai Chau, Dien Bien and Yunnan took place in Kunming on "
                                   "November 24. Officials recalled that the 10th meeting of the "
                                   "group had been held in Kunming on June 12, 2024.",
                                   "2026-11-27");
    assert_int_equal(n_of("SELECT count(*) FROM meetings WHERE id LIKE '%s-m%%' AND mechanism_id "
                          "= 'jwg-yunnan' AND ordinal = 10 AND date = '2024-06-12' AND inferred "
                          "LIKE '%%\"mechanism\"%%'",
                          r.source_id),
                     1);
    assert_int_equal(r.events, 0);
    bc_ingest_result f = fx_ingest(
        S, "fr",
        "La 16e conférence du Comité de travail conjoint entre Quang Ninh, Lang Son, Cao Bang, "
        "Ha Giang et le Guangxi s'est tenue le 9 octobre à Nanning. La 15e conférence du comité "
        "s'était tenue le 28 février 2024 à Beihai.",
        "2026-10-10");
    assert_int_equal(n_of("SELECT count(*) FROM meetings WHERE id LIKE '%s-m%%' AND mechanism_id "
                          "= 'jwc-guangxi' AND ordinal = 15 AND date = '2024-02-28'",
                          f.source_id),
                     1);
    assert_int_equal(f.events, 0);
}

/* the kind of body it names is not the kind of any body the article numbers: none */
static void a_kind_the_article_does_not_number_gives_none(void **state)
{
    (void)state;
    bc_ingest_result r = fx_ingest(S, "en",
                                   "The 12th meeting of the Joint Working Group of Lao Cai, Ha "
                                   "Giang, Lai Chau, Dien Bien and Yunnan is planned for 2026. The "
                                   "3rd meeting of the committee was held in Hanoi on May 4, 2018.",
                                   "2025-12-08");
    assert_int_equal(
        n_of("SELECT count(*) FROM meetings WHERE id LIKE '%s-m%%' AND ordinal = 3", r.source_id),
        0);
}

/* Meetings numbered next to the meeting of a body that is another than the known one of
 * its kind (the committee between Quang Ninh and Guangxi, while jwc-guangxi is past its
 * 15th), their sentences naming no body, are that body's (analyst14 finding 10): its
 * provinces, marked inferred, no note saying both that the body is unnamed and that it is
 * another body of jwc-guangxi's kind. A meeting of jwc-guangxi's own numbering after its
 * members' meeting stays jwc-guangxi's. */
static void the_meetings_next_to_another_body_are_its_own(void **state)
{
    (void)state;
    bc_ingest_result r = fx_ingest(
        S, "en",
        "On December 2, 2026, in Mong Cai, Quang Ninh and Guangxi signed three documents: "
        "the Minutes of the 4th meeting of the Joint Working Committee between Quang Ninh and "
        "Guangxi; a tourism memorandum; a bridge agreement. The 3rd meeting was held in "
        "Dongxing on March 3, 2025. The 5th meeting will take place in Guangxi in 2027.",
        "2026-12-03");
    assert_int_equal(r.meetings, 0);
    assert_int_equal(r.events, 3);
    assert_int_equal(n_of("SELECT count(*) FROM coop_events e WHERE e.id LIKE '%s-e%%' AND "
                          "title LIKE 'Meeting _ of Quang Ninh and Guangxi%%' AND (SELECT "
                          "count(*) FROM coop_event_organisations o WHERE o.event_id = e.id) = 2",
                          r.source_id),
                     3);
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND (title "
                          "LIKE '%%does not name%%' OR (note LIKE '%%does not name%%' AND note "
                          "LIKE '%%jwc-guangxi%%'))",
                          r.source_id),
                     0);
    /* the 4th is named only by its minutes signed that day: its day is marked inferred,
     * with why; a meeting its sentence says was held that day is not */
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND title "
                          "LIKE 'Meeting 4 %%' AND date = '2026-12-02' AND inferred LIKE "
                          "'%%\"date\"%%' AND note LIKE '%%minutes were signed%%'",
                          r.source_id),
                     1);
    r = fx_ingest(S, "en",
                  "The 4th meeting of the Joint Working Committee between Quang Ninh and Guangxi "
                  "was held in Mong Cai on December 4, 2026, and both sides signed its minutes.",
                  "2026-12-05");
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date = "
                          "'2026-12-04' AND (inferred LIKE '%%\"date\"%%' OR note LIKE "
                          "'%%minutes were signed%%')",
                          r.source_id),
                     0);
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date = "
                          "'2026-12-04'",
                          r.source_id),
                     1);
    /* the 9th undated (the day is the signing's): nothing says its body is another, and
     * the 8th's note gives its one reason, never "a kind of body" its sentence lacks */
    r = fx_ingest(S, "zh",
                  "2026年12月2日，广宁省与广西在下龙签署三份文件：广宁省与广西联合工作委员会第四次"
                  "会议纪要、旅游合作协议和桥梁协议。第三次会议于2025年3月3日在东兴举行。",
                  "2026-12-03");
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND title LIKE "
                          "'Meeting 3 %%' AND note LIKE '%%without naming the body that meets%%' "
                          "AND note NOT LIKE '%%kind of body%%' AND note NOT LIKE '%%comes before "
                          "it%%'",
                          r.source_id),
                     1);
    /* the 16th after the members' 15th is of jwc-guangxi */
    r = fx_ingest(S, "en",
                  "The 15th Joint Working Committee Conference of Quang Ninh, Lang Son, Cao "
                  "Bang, Ha Giang and Guangxi was held in Nanning on 3 December 2024. The 16th "
                  "conference will be held in Lang Son in 2025.",
                  "2024-12-04");
    assert_int_equal(n_of("SELECT count(*) FROM meetings WHERE id LIKE '%s-m%%' AND mechanism_id "
                          "= 'jwc-guangxi' AND ordinal = 16",
                          r.source_id),
                     1);
}

/* "the 11th meeting of the group" whose date the store's meeting 11 of that body does not
 * fit: an event titled with the group the article names, in Polish, Vietnamese and Dutch
 * too; a number no sentence gives a body stays "of a body the article does not name". */
static void a_meeting_of_the_group_kept_apart_is_titled_with_it(void **state)
{
    (void)state;
    static const char *const texts[][2] = {
        {"pl", "7. posiedzenie Wspólnej Grupy Roboczej Lai Chau, Lao Cai, Tuyen Quang, Dien Bien "
               "i Junnanu odbyło się w Mengzi 9 października 2026 r. Delegaci przypomnieli 11. "
               "posiedzenie grupy, które odbyło się w Lai Chau 20 kwietnia 2019 r."},
        {"vi", "Phiên họp lần thứ 7 Nhóm công tác liên hợp giữa các tỉnh Lai Châu, Lào Cai, Tuyên "
               "Quang, Điện Biên và tỉnh Vân Nam đã diễn ra tại Mông Tự ngày 9/10/2026. Các đại "
               "biểu nhắc lại Phiên họp lần thứ 11 của Nhóm tổ chức tại Lai Châu ngày 20/4/2019."},
        {"nl",
         "De 7e vergadering van de gezamenlijke werkgroep van Lai Chau, Lao Cai, Tuyen Quang, "
         "Dien Bien en Yunnan werd op 9 oktober 2026 in Mengzi gehouden. De deelnemers "
         "blikten terug op de 11e vergadering van de groep, op 20 april 2019 in Lai Chau."},
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        bc_ingest_result r = fx_ingest(S, texts[k][0], texts[k][1], "2026-10-10");
        assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND title "
                              "LIKE 'Meeting 11 of the Joint Working Group%%' AND note LIKE "
                              "'%%of the group it names, jwg-yunnan%%'",
                              r.source_id),
                         1);
    }
    /* negative: a number of no body at all */
    bc_ingest_result r =
        fx_ingest(S, "en",
                  "The 7th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, "
                  "Dien Bien and Yunnan was held in Mengzi on October 9, 2026. Separately, a 4th "
                  "meeting took place in Hekou on April 20, 2019.",
                  "2026-10-11");
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND title "
                          "LIKE 'Meeting 4 of a body the article does not name%%'",
                          r.source_id),
                     1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_anaphor_continues_its_mechanism),
        cmocka_unit_test(another_kind_of_body_is_not_continued),
        cmocka_unit_test(a_meeting_numbered_apart_is_of_the_one_body_of_its_kind),
        cmocka_unit_test(a_kind_the_article_does_not_number_gives_none),
        cmocka_unit_test(the_meetings_next_to_another_body_are_its_own),
        cmocka_unit_test(a_meeting_of_the_group_kept_apart_is_titled_with_it),
    };
    return cmocka_run_group_tests(tests, fx_group_setup, fx_group_teardown);
}
