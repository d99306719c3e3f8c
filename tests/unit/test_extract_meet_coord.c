/* test_extract_meet_coord.c: meetings a sentence tells together (extract_meet_coord.c)
 * share the date and the place it gives them all; a meeting with a place or a verb of its
 * own between them, or a name in apposition, shares nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* Two meetings of two bodies, each named with all its members, held by one verb in one
 * town (outsider 13, F16): the town is the place of both, in every language; before the
 * fix it went to the one nearer to it. */
static void one_place_for_meetings_told_together(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "On 14 May 2026 the 11th meeting of the Joint Working Group of Lai Chau, Lao "
               "Cai, Tuyen Quang, Dien Bien and Yunnan and the 5th Annual Conference of the "
               "Party Secretaries of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan took "
               "place in Mengzi."},
        {"fr", "Le 14 mai 2026, la 11e réunion du Groupe de travail conjoint de Lai Chau, Lao "
               "Cai, Tuyen Quang, Dien Bien et du Yunnan et la 5e conférence annuelle des "
               "secrétaires du Parti de Lai Chau, Lao Cai, Tuyen Quang, Dien Bien et du Yunnan "
               "se sont tenues à Mengzi."},
        {"pl", "14 maja 2026 r. w Mengzi odbyły się 11. spotkanie Wspólnej Grupy Roboczej Lai "
               "Chau, Lao Cai, Tuyen Quang, Dien Bien i Junnanu oraz V doroczna konferencja "
               "sekretarzy partyjnych Lai Chau, Lao Cai, Tuyen Quang, Dien Bien i Junnanu."},
        {"sv", "Den 14 maj 2026 hölls i Mengzi både det elfte mötet i den gemensamma "
               "arbetsgruppen för Lai Chau, Lao Cai, Tuyen Quang, Dien Bien och Yunnan och den "
               "femte årliga konferensen för partisekreterarna i Lai Chau, Lao Cai, Tuyen "
               "Quang, Dien Bien och Yunnan."},
        {"nl", "Op 14 mei 2026 werden in Mengzi de 11e vergadering van de Gezamenlijke "
               "Werkgroep van Lai Chau, Lao Cai, Tuyen Quang, Dien Bien en Yunnan en de vijfde "
               "jaarlijkse conferentie van de partijsecretarissen van Lai Chau, Lao Cai, Tuyen "
               "Quang, Dien Bien en Yunnan gehouden."},
        {"vi", "Ngày 14/5/2026, Phiên họp lần thứ 11 Nhóm công tác liên hợp giữa 4 tỉnh Lai "
               "Châu, Lào Cai, Tuyên Quang, Điện Biên và tỉnh Vân Nam và Hội nghị thường niên "
               "lần thứ 5 Bí thư Tỉnh ủy các tỉnh Lai Châu, Lào Cai, Tuyên Quang, Điện Biên và "
               "Vân Nam đã được tổ chức tại thành phố Mông Tự."},
        {"zh", "2026年5月14日，云南省与越南莱州、老街、宣光、奠边四省联合工作组第十一次会议和云南省"
               "与越南四省省委书记年度会晤机制第五次会议在蒙自举行。"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2026-05-20", cases[i].text);
        const bc_xmeeting *wg = meet(&x, "jwg-yunnan", 11), *cf = meet(&x, "conference-yunnan", 5);
        if (strcmp(wg->place, "yunnan") != 0 || strcmp(cf->place, "yunnan") != 0)
            fail_msg("%s: places '%s' and '%s'", cases[i].lang, wg->place, cf->place);
        /* the date too, the Chinese second one included */
        if (strcmp(wg->date, "2026-05-14") != 0 || strcmp(cf->date, "2026-05-14") != 0)
            fail_msg("%s: dates '%s' and '%s'", cases[i].lang, wg->date, cf->date);
        bc_extraction_free(&x);
    }
}

/* Each its own: a place of its own between them, a verb of the first one's between them,
 * or a second noun naming the same meeting in apposition (no conjunction). */
static void nothing_shared_when_not_told_together(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2026-05-20",
                          "The 11th meeting of the Joint Working Group in Lai Chau and the 5th "
                          "Annual Conference in Mengzi both took place in May 2026.");
    assert_string_equal(meet(&x, "", 11)->place, "lai-chau");
    assert_string_equal(meet(&x, "", 5)->place, "yunnan");
    bc_extraction_free(&x);
    x = run("en", "2026-05-20",
            "The 11th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, "
            "Dien Bien and Yunnan reviewed trade with Yunnan and the 5th Annual Conference was "
            "held in Mengzi.");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->place, "");
    assert_string_equal(meet(&x, "conference-yunnan", 5)->place, "yunnan");
    bc_extraction_free(&x);
    x = run("zh", "2026-05-20", "联合工作组第十一次会议审议了贸易，年度会晤第五次会议在蒙自举行。");
    assert_string_equal(meet(&x, "", 11)->place, "");
    assert_string_equal(meet(&x, "", 5)->place, "yunnan");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_place_for_meetings_told_together),
        cmocka_unit_test(nothing_shared_when_not_told_together),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
