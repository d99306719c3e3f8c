/* test_search_snippet.c: a snippet whose window cuts a hit made whole from the whole
 * marked column (search_snippet.c): a Chinese word cut at the window's end or start, a
 * Latin phrase, windows that cut nothing, a snippet of another column, and allocation
 * failure. Marks are the bytes 1 (open) and 2 (close), as search.c asks for them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/search_snippet.h"

#include <string.h>

static void expect(const char *snip, const char *full, const char *want)
{
    bc_buf out = BC_BUF_INIT;
    bc_search_snippet_mend(snip, strlen(snip), full, full ? strlen(full) : 0, &out);
    assert_false(bc_buf_failed(&out));
    assert_string_equal(out.data != NULL ? out.data : "", want);
    bc_buf_free(&out);
}

/* analyst 9, F12: q=谅山 marked 谅 alone at the window's end */
static void cut_chinese_word_is_made_whole(void **state)
{
    (void)state;
    const char *full = "星期三下午，广西代表团在南宁与越南\1谅山\2省代表团举行会谈。";
    expect("星期三下午，广西代表团在南宁与越南\1谅\2…", full,
           "星期三下午，广西代表团在南宁与越南\1谅山\2…");
    /* cut at the start: the window begins inside the hit */
    expect("…\1山\2省代表团举行会谈。", full, "…\1谅山\2省代表团举行会谈。");
    expect("…在南宁与越南\1谅山\2省代表团…", full, "…在南宁与越南\1谅山\2省代表团…");
}

static void latin_phrase_and_uncut_windows(void **state)
{
    (void)state;
    const char *full = "The talks were held in \1Lao Cai\2 city on Monday.";
    expect("The talks were held in \1Lao\2…", full, "The talks were held in \1Lao Cai\2…");
    expect("…held in \1Lao Cai\2 city…", full, "…held in \1Lao Cai\2 city…");
    expect("The talks were held in \1Lao Cai\2 city on Monday.", full,
           "The talks were held in \1Lao Cai\2 city on Monday.");
    /* a text that writes "…" itself */
    expect("Wait… \1Lao\2", "Wait… \1Lao\2", "Wait… \1Lao\2");
}

/* a snippet that is no window of the column (another column, no column) stays as it is */
static void other_columns_leave_it(void **state)
{
    (void)state;
    expect("…\1Hekou\2 | Lào Cai…", "Cross-border \1bridge\2", "…\1Hekou\2 | Lào Cai…");
    expect("…\1Hekou\2…", NULL, "…\1Hekou\2…");
    expect("", "abc", "");
}

static void allocation_failures(void **state)
{
    (void)state;
    const char *full = "越南\1谅山\2省";
    for (long n = 0; n < 50; n++) {
        bc_buf out = BC_BUF_INIT;
        bc_alloc_fail_after(n);
        bc_search_snippet_mend("越南\1谅\2…", strlen("越南\1谅\2…"), full, strlen(full), &out);
        bc_alloc_fail_reset();
        if (!bc_buf_failed(&out)) {
            assert_string_equal(out.data, "越南\1谅山\2…");
            bc_buf_free(&out);
            return;
        }
        bc_buf_free(&out);
    }
    fail_msg("never succeeded");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cut_chinese_word_is_made_whole),
        cmocka_unit_test(latin_phrase_and_uncut_windows),
        cmocka_unit_test(other_columns_leave_it),
        cmocka_unit_test(allocation_failures),
    };
    return cmocka_run_group_tests_name("search_snippet", tests, NULL, NULL);
}
