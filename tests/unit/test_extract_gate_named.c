/* test_extract_gate_named.c: known crossings named by a name of their own
 * (extract_gate_named.c): an alias the store records, also in a sentence that names a pair,
 * unless it writes a side of that pair. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* A known crossing named by its own name in a sentence that also names a pair gets its
 * project as well as the pair its own (outsider 10, F8: "cầu Bắc Luân II và cặp cửa khẩu
 * Hoành Mô – Động Trung" gave the Hoanh Mo pair only); a name that writes a side of the pair
 * found ("Hoanh Mo – Dongzhong", "Mong Cai international border gate" beside the Mong Cai –
 * Dongxing pair) is that pair, and "Bac Luan III" is another bridge. */
static void a_known_crossing_by_its_own_name_beside_a_pair(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"vi", "Hai bên đã nhất trí tháo gỡ vướng mắc tại cầu Bắc Luân II và cặp cửa khẩu Hoành Mô "
               "– Động Trung, nơi lượng hàng hóa thông quan tăng mạnh."},
        {"en", "The two sides agreed to clear bottlenecks at the Beilun River Bridge II and the "
               "Hoanh Mo–Dong Trung border gate pair."},
        {"en", "Officials inspected the Bac Luan II bridge and the Hoanh Mo–Dong Trung border gate "
               "pair on Friday."},
        {"zh", "双方同意解决北仑河二桥和峒中—横模口岸的通关问题。"},
        {"fr", "Les deux parties veulent fluidifier le passage au pont Bac Luan II et au couple de "
               "postes-frontières Hoanh Mo–Dong Trung."},
        {"nl", "Beide partijen willen de knelpunten bij de Bac Luan II-brug en het "
               "grensovergangspaar Hoanh Mo–Dong Trung wegnemen."},
        {"pl", "Strony uzgodniły usprawnienie odpraw na moście Bac Luan II oraz na parze przejść "
               "granicznych Hoanh Mo–Dong Trung."},
        {"sv", "Båda sidor vill korta väntetiderna vid Bac Luan II-bron och gränsövergångsparet "
               "Hoanh Mo–Dong Trung."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, NULL, cases[k].text);
        int bridge = 0, pair = 0;
        for (size_t i = 0; i < x.ngates; i++) {
            bridge += strcmp(x.gates[i].project, "bac-luan-ii-bridge-clearance-point") == 0;
            pair += strcmp(x.gates[i].project, "hoanh-mo-dong-trung-border-gate") == 0;
        }
        if (bridge != 1 || pair != 1)
            fail_msg("%s %zu: bridge %d, pair %d, %zu crossings", cases[k].lang, k, bridge, pair,
                     x.ngates);
        bc_extraction_free(&x);
    }
    static const char *const one[] = {
        "The Hoanh Mo – Dongzhong pair and the Mong Cai – Dongxing pair saw more trucks.",
        "In Dongxing, whose port pairs with Vietnam's Mong Cai international border gate, "
        "traders sell dried fruit.",
        "The two sides agreed to speed up the Bac Luan III bridge and the Mong Cai – Dongxing "
        "pair.",
    };
    for (size_t k = 0; k < 3; k++) {
        bc_extraction x = run("en", NULL, one[k]);
        for (size_t i = 0; i < x.ngates; i++)
            if (!x.gates[i].pair)
                fail_msg("%zu: a crossing named by a side or another bridge: %s", k,
                         x.gates[i].project);
        bc_extraction_free(&x);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_known_crossing_by_its_own_name_beside_a_pair),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
