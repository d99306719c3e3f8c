/* test_extract_date_period.c: periods of months (extract_date_period.c) in every
 * language: "the first nine months", "前三季度", "1-9月", "od stycznia do wrzesnia",
 * halves and quarters; the reference year marked inferred. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void periods_in_every_language(void **state)
{
    (void)state;
    static const xdate_case cases[] = {
        {"pl", "Plan na lata 2023–2026 przyjęto.", "2023/2026", 0},
        {"pl", "Wpływy wyniosły od stycznia do września 310 mld VND.", "2025-01/2025-09", 1},
        {"sv", "Under årets första nio månader ökade det.", "2025-01/2025-09", 1},
        {"sv", "Från januari till och med september ökade det.", "2025-01/2025-09", 1},
        {"nl", "In de eerste negen maanden van 2025 groeide het.", "2025-01/2025-09", 0},
        {"en", "It grew in the first nine months of 2025.", "2025-01/2025-09", 0},
        {"en", "It grew in the first half of 2024.", "2024-01/2024-06", 0},
        {"en", "It grew in the first quarter of this year.", "2025-01/2025-03", 1},
        {"en", "It grew from January 1 - 29.", "2025-01-01/2025-01-29", 1},
        {"vi", "Trong 9 tháng đầu năm 2025 tăng.", "2025-01/2025-09", 0},
        {"vi", "Trong 6 tháng đầu năm nay tăng.", "2025-01/2025-06", 1},
        {"zh", "2024年前三季度增长。", "2024-01/2024-09", 0},
        {"zh", "今年1-9月增长。", "2025-01/2025-09", 1},
        {"zh", "上半年增长。", "2025-01/2025-06", 1},
        {"fr", "Au cours des neuf premiers mois de 2024, elles ont crû.", "2024-01/2024-09", 0},
        {"fr", "Au premier semestre 2024, elles ont crû.", "2024-01/2024-06", 0},
    };
    expect_dates(cases, sizeof cases / sizeof cases[0], "2025-10-31");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(periods_in_every_language),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
