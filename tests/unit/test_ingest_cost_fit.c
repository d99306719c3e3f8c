/* test_ingest_cost_fit.c: inside the cost model, fitting the line only computes it and
 * remember_slope alone moves the slope kept for when sizes stop spreading (fit used to
 * move it while it computed). The module's source is compiled into this test for its
 * file-local functions; test_ingest_cost.c tests what the header promises. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "../../server/ingest_cost.c"

#define MS  1000000LL
#define SEC 1000000000LL

/* A model taught by articles of 2 to 12 facts at 20 ms + 200 ms a fact, then one of 30
 * facts that cost far less a fact: the sums now tell another slope than the one kept. */
static bc_ingest_cost *taught(long long *t)
{
    bc_ingest_cost *m = bc_ingest_cost_new();
    assert_non_null(m);
    *t = SEC;
    for (int k = 2; k <= 12; k++, *t += SEC)
        bc_ingest_cost_learn(m, k, 20 * MS + k * 200 * MS, *t);
    bc_ingest_cost_learn(m, 30, 2 * SEC, *t);
    return m;
}

static void fitting_leaves_the_model_as_it_was(void **state)
{
    (void)state;
    long long t;
    bc_ingest_cost *m = taught(&t);
    bc_ingest_cost before;
    memcpy(&before, m, sizeof before);
    double f1, p1, f2, p2;
    fit(m, &f1, &p1);
    assert_memory_equal(m, &before, sizeof before);
    fit(m, &f2, &p2);
    assert_true(f1 == f2 && p1 == p2);
    assert_true(p1 > 0 && p1 != m->per_fact); /* another slope than the one kept */
    /* remembering is what moves it, to what fit computed */
    remember_slope(m);
    assert_true(m->per_fact == p1);
    fit(m, &f2, &p2);
    assert_true(f1 == f2 && p1 == p2);
    bc_ingest_cost_free(m);
}

/* Sizes that no longer spread tell no slope: remembering keeps the one kept, and fit
 * uses it, still changing nothing. */
static void without_spread_the_kept_slope_stays(void **state)
{
    (void)state;
    long long t;
    bc_ingest_cost *m = taught(&t);
    for (int i = 0; i < 60; i++, t += 100 * MS)
        bc_ingest_cost_learn(m, 1, 200 * MS, t);
    double kept = m->per_fact;
    assert_true(kept > 0);
    assert_true(slope(m) == kept); /* the sums alone tell nothing */
    remember_slope(m);
    assert_true(m->per_fact == kept);
    bc_ingest_cost before;
    memcpy(&before, m, sizeof before);
    double f, p;
    fit(m, &f, &p);
    assert_memory_equal(m, &before, sizeof before);
    assert_true(p == kept || f == 0); /* the kept slope, unless the line would start below 0 */
    bc_ingest_cost_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fitting_leaves_the_model_as_it_was),
        cmocka_unit_test(without_spread_the_kept_slope_stays),
    };
    return cmocka_run_group_tests_name("ingest_cost_fit", tests, NULL, NULL);
}
