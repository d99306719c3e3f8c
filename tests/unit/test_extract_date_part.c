/* test_extract_date_part.c: a Chinese part of a year written without its year ("年中",
 * "年底", "年初") takes the reference date's year when the words say it is this year's
 * (to come and not over, or done and begun) and no other year is written before it in its
 * paragraph; none without a reference date. A short weekday ("周二") is a day counted from
 * the reference date, unless it is a habit or a range of weekdays. "会议期间" after another
 * meeting told without its day is no day (extract_date_part.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The date of the meeting whose quote starts with the words at, in text read with
 * reference date ref: exp, or none when exp is "" (no such meeting, or one undated). */
static void expect_at(const char *ref, const char *text, const char *at, const char *exp)
{
    bc_extraction x = run("zh", ref, text);
    size_t off = (size_t)(strstr(text, at) - text);
    const bc_xmeeting *m = NULL;
    for (size_t i = 0; i < x.nmeetings && m == NULL; i++)
        for (int q = 0; q < x.meetings[i].cite.nquotes && m == NULL; q++)
            if (x.meetings[i].cite.q[q].start == off)
                m = &x.meetings[i];
    if (m == NULL && exp[0] == '\0')
        ; /* no meeting there: no date either */
    else if (m == NULL)
        fail_msg("%s (%s): no meeting at '%s' among %zu", text, ref ? ref : "no reference", at,
                 x.nmeetings);
    else if (strcmp(m->date, exp) != 0)
        fail_msg("%s (%s): the meeting at '%s' dated '%s', expected '%s'", text,
                 ref ? ref : "no reference", at, m->date, exp);
    bc_extraction_free(&x);
}

/* A part of this year to come, before it is over: the reference date's year, inferred. */
static void a_part_to_come_is_this_years(void **state)
{
    (void)state;
    static const char *const mid = "双方商定，第九次联席会议将于年中在河口举行。";
    expect_at("2024-03-20", mid, "双方", "2024");
    expect_at(NULL, mid, "双方", "");
    static const char *const end = "会议商定，第六次会议拟于年底在老街召开。";
    expect_at("2025-08-02", end, "会议", "2025");
    bc_extraction x = run("zh", "2025-08-02", end);
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].date_inferred, BC_X_INFERRED_YEAR);
    bc_extraction_free(&x);
    /* in the clause of holding that modifies a meeting being prepared: its own */
    expect_at("2024-02-11", "两地同意认真做好年中在南宁召开的第五次联席会议的筹备工作。", "两地",
              "2024");
}

/* A part already over for a meeting to come, or not yet begun for one done, may be of
 * another year: no date. Nor with another year written before it in its paragraph, nor
 * after a year or a count ("三年内", "每年年初"). */
static void a_part_of_another_year_gives_none(void **state)
{
    (void)state;
    expect_at("2024-10-20", "双方商定，第九次联席会议将于年中在河口举行。", "双方", "");
    expect_at("2024-02-03", "年底，双方在芒街举行了第五次联席会议。", "年底", "");
    expect_at("2024-06-03", "2022年3月，两地签署备忘录。年中，双方在芒街举行了第五次联席会议。",
              "年中", "");
    expect_at("2024-12-03", "年底，双方在芒街举行了第五次联席会议。", "年底", "2024");
    bc_extraction x =
        run("zh", "2024-03-01", "两地力争三年内建成第二座大桥，每年年初召开联席会议。");
    for (size_t k = 0; k < x.ndates; k++)
        assert_string_not_equal(x.dates[k].iso, "2024");
    bc_extraction_free(&x);
    /* a deadline ("年底前"), and a year written with it, are read where they stand */
    expect_at("2024-03-20", "双方商定，第九次联席会议将于2025年年中在河口举行。", "双方", "2025");
}

/* "周二": the last Tuesday on or before the reference date; said to be coming, the next. */
static void a_short_weekday_is_a_day(void **state)
{
    (void)state;
    static const char *const held = "周二上午，普洱市与越南奠边省在龙富口岸举行工作会谈。";
    expect_at("2026-03-12", held, "周二", "2026-03-10");
    expect_at(NULL, held, "周二", "");
    expect_at("2026-03-12", "双方定于周六在河口举行第三次会谈。", "双方", "2026-03-14");
}

/* A weekday of a habit or of opening hours, or one of next week, is no day of a meeting. */
static void a_weekday_of_a_habit_gives_none(void **state)
{
    (void)state;
    static const char *const habit[] = {
        "两地海关每周二在友谊关举行会谈。",
        "口岸周一至周五开放，双方边检部门周二、周四举行会谈。",
        "双方将于下周三在老街举行会谈。",
    };
    for (size_t k = 0; k < sizeof habit / sizeof habit[0]; k++) {
        bc_extraction x = run("zh", "2026-03-12", habit[k]);
        for (size_t i = 0; i < x.nmeetings; i++)
            if (x.meetings[i].date[0])
                fail_msg("%s: a meeting dated '%s'", habit[k], x.meetings[i].date);
        bc_extraction_free(&x);
    }
}

/* "会议期间" after a sentence telling another meeting, undated ("近日，…第八次联席会议…举办"):
 * not the day of the meeting before that one; after "会议指出" said of the meeting dated just
 * before, that meeting's day. */
static void during_a_meeting_whose_day_is_not_told(void **state)
{
    (void)state;
    static const char *const text = "11月5日，双方在老街举行第二次联席会议。"
                                    "近日，河口县与老街市第八次联席会议在河口举办。"
                                    "会议期间，云南省副省长会见了老街省人民委员会主席一行。";
    expect_at("2024-11-14", text, "会议期间", "");
    static const char *const same = "11月5日，双方在老街举行第二次联席会议。"
                                    "会议指出，双方合作成果丰硕。"
                                    "会议期间，云南省副省长会见了老街省人民委员会主席一行。";
    expect_at("2024-11-14", same, "会议期间", "2024-11-05");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_part_to_come_is_this_years),
        cmocka_unit_test(a_part_of_another_year_gives_none),
        cmocka_unit_test(a_short_weekday_is_a_day),
        cmocka_unit_test(a_weekday_of_a_habit_gives_none),
        cmocka_unit_test(during_a_meeting_whose_day_is_not_told),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
