/* test_extract_gate_zh.c: Chinese crossings (extract_gate_zh.c): pairs with and without
 * country prefixes, lists of pairs before one crossing word, the head of the phrase as
 * the kind, two gates facing each other. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void chinese_pairs(void **state)
{
    (void)state;
    bc_extraction x = run("zh", NULL,
                          "双方同意推进中国河口—越南老街口岸建设。广西与广宁省共同宣布横模—峒中双边"
                          "口岸正式开放。河口—老街、天保—清水等口岸进口的越南榴莲深受欢迎。");
    const bc_xgate *g = gate(&x, "老街", "河口");
    assert_string_equal(g->kind, "gate_pair");
    gate(&x, "横模", "峒中");
    gate(&x, "清水", "天保");
    bc_extraction_free(&x);
    x = run("zh", NULL, "尽快推动越南马鹿塘口岸—中国金水河口岸多功能跨境公路大桥建设。");
    assert_string_equal(gate(&x, "马鹿塘", "金水河")->kind, "road_bridge");
    bc_extraction_free(&x);
    x = run("zh", NULL, "天保口岸位于文山州麻栗坡县，与越南河江省清水口岸相对。");
    gate(&x, "清水", "天保");
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chinese_pairs),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
