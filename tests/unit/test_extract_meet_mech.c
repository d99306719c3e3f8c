/* test_extract_meet_mech.c: a meeting's mechanism (extract_meet_mech.c) only when its
 * sentence names it: its kind and the provinces that single it out. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void the_mechanism_only_when_named(void **state)
{
    (void)state;
    /* its name, with the provinces that single it out */
    bc_extraction x = run("en", NULL,
                          "The 11th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
                          "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) took place on "
                          "30 October 2025.");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025-10-30");
    bc_extraction_free(&x);

    /* a joint working group of Lang Son and Chongzuo is not the store's Yunnan group */
    x = run("en", NULL,
            "The 14th meeting of the Joint Working Group of Lang Son and Chongzuo (China) was "
            "held on March 5, 2024.");
    const bc_xmeeting *m = meet(&x, "", 14);
    assert_string_equal(m->date, "2024-03-05");
    bc_extraction_free(&x);

    /* the kind without provinces: not named */
    x = run("en", NULL, "The 9th meeting of the joint working group was held on May 9, 2023.");
    assert_string_equal(meet(&x, "", 9)->date, "2023-05-09");
    bc_extraction_free(&x);

    /* a conference is the annual one only with "annual" or "party secretaries" */
    x = run("en", NULL, "The 3rd trade conference of Lao Cai and Yunnan was held on May 9, 2023.");
    assert_string_equal(meet(&x, "", 3)->mechanism, "");
    bc_extraction_free(&x);
    x = run("zh", NULL,
            "中国云南省与越南老街、河江、莱州、奠边省省委书记年度会晤机制第二次会议于2022年4月27日"
            "举行。");
    assert_string_equal(meet(&x, "conference-yunnan", 2)->date, "2022-04-27");
    bc_extraction_free(&x);
    x = run("fr", NULL,
            "La 7e réunion du groupe mixte de travail entre les provinces de Lai Chau, Ha "
            "Giang, Lao Cai, Dien Bien et le Yunnan (Chine) a eu lieu le 12 décembre 2018.");
    m = meet(&x, "jwg-yunnan", 7); /* Ha Giang, now part of Tuyen Quang, is a member */
    assert_string_equal(m->date, "2018-12-12");
    bc_extraction_free(&x);
    x = run("vi", NULL,
            "Chiều 20/2/2025, Hội nghị lần thứ 16 Ủy ban công tác liên hợp giữa các tỉnh Quảng "
            "Ninh, Lạng Sơn, Cao Bằng, Hà Giang và Khu tự trị Quảng Tây được tổ chức.");
    assert_string_equal(meet(&x, "jwc-guangxi", 16)->date, "2025-02-20");
    bc_extraction_free(&x);
    /* the next number after a named meeting, called the same, is of its mechanism */
    x = run("pl", NULL,
            "10. spotkanie Wspólnej Grupy Roboczej czterech prowincji Wietnamu i Junnanu odbyło "
            "się w czerwcu 2024 r., a kolejne, 11. spotkanie zorganizowano 30 października 2025 "
            "r.");
    assert_string_equal(meet(&x, "jwg-yunnan", 10)->date, "2024-06");
    assert_string_equal(meet(&x, "jwg-yunnan", 11)->date, "2025-10-30");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_mechanism_only_when_named),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
