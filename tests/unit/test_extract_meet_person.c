/* test_extract_meet_person.c: a Chinese report names the Vietnamese side of talks or a
 * reception by a person alone ("王宁在昆明会见了阮文山一行") when an earlier sentence wrote that
 * name right after a Vietnamese title; a person titled as Chinese does not
 * (extract_meet_person.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The meetings of text read with reference date ref whose first quote starts with at. */
static int meetings_at(const char *ref, const char *text, const char *at, const char *date)
{
    bc_extraction x = run("zh", ref, text);
    size_t off = (size_t)(strstr(text, at) - text);
    int n = 0;
    for (size_t i = 0; i < x.nmeetings; i++)
        if (x.meetings[i].cite.q[0].start == off) {
            assert_string_equal(x.meetings[i].date, date);
            n++;
        }
    bc_extraction_free(&x);
    return n;
}

static void a_person_titled_vietnamese_names_that_side(void **state)
{
    (void)state;
    static const char *const text = "标题\n\n越南河江省委书记黎氏明率代表团于5月8日抵达文山。"
                                    "5月9日上午，孟俊在文山会见了黎氏明一行。";
    assert_int_equal(meetings_at("2024-05-10", text, "5月9日", "2024-05-09"), 1);
    assert_int_equal(meetings_at(NULL, text, "5月9日", "--05-09"), 1);
    /* a title of the people's committee, the name before a link word */
    static const char *const link = "标题\n\n老街省人民委员会主席武春和与红河州州长在河口出席仪式。"
                                    "6月2日，州长与武春和举行工作会谈。";
    assert_int_equal(meetings_at("2024-06-03", link, "6月2日", "2024-06-02"), 1);
}

static void a_person_titled_chinese_names_no_vietnamese_side(void **state)
{
    (void)state;
    static const char *const text = "标题\n\n广西壮族自治区党委书记陈兴率团于5月8日抵达南宁。"
                                    "5月9日上午，省长在南宁会见了陈兴一行。";
    assert_int_equal(meetings_at("2024-05-10", text, "5月9日", ""), 0);
    /* nor a name never titled */
    static const char *const untitled = "标题\n\n5月9日上午，孟俊在文山会见了黎氏明一行。";
    assert_int_equal(meetings_at("2024-05-10", untitled, "5月9日", ""), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_person_titled_vietnamese_names_that_side),
        cmocka_unit_test(a_person_titled_chinese_names_no_vietnamese_side),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
