/* test_ingest_cost.c: the writer's cost of an article as a fixed cost plus a cost per
 * fact (analyst 13, finding 2): a flood of one-fact articles teaches the fixed cost and
 * leaves an ordinary article of another key admitted, ingests of several sizes teach the
 * cost per fact (a big article that truly would not fit is still refused), an outlier
 * counts only so much, and what was learnt fades when nothing is stored. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/ingest_cost.h"

#define MS  1000000LL
#define SEC 1000000000LL

static void a_new_model_admits_everything(void **state)
{
    (void)state;
    bc_ingest_cost *m = bc_ingest_cost_new();
    assert_non_null(m);
    assert_int_equal(bc_ingest_cost_predict(m, 90, 5 * SEC), 0);
    bc_ingest_cost_learn(m, 0, 400 * MS, 5 * SEC); /* no facts: nothing to learn */
    assert_int_equal(bc_ingest_cost_predict(m, 90, 5 * SEC), 0);
    bc_ingest_cost_free(m);
    bc_ingest_cost_free(NULL);
}

/* The finding's numbers: one-fact articles at 450 ms each (the fixed cost of an ingest on
 * a store with hundreds of siblings), then a 40-fact article against a 10 s budget. */
static void a_flood_of_tiny_articles_teaches_the_fixed_cost(void **state)
{
    (void)state;
    bc_ingest_cost *m = bc_ingest_cost_new();
    long long t = 10 * SEC;
    for (int i = 0; i < 150; i++, t += 150 * MS)
        bc_ingest_cost_learn(m, 1, 450 * MS, t);
    long long fixed, per_fact;
    bc_ingest_cost_parts(m, t, &fixed, &per_fact);
    assert_in_range(fixed, 440 * MS, 460 * MS);
    assert_int_equal(per_fact, 0); /* one size only: nothing says what a fact costs */
    long long forty = bc_ingest_cost_predict(m, 40, t), ninety = bc_ingest_cost_predict(m, 90, t);
    assert_true(forty < 1 * SEC);
    assert_true(ninety < 1 * SEC);
    /* the old estimate charged the 450 ms to the one fact: 40 facts, 18 s */
    assert_true(40 * 450 * MS > 10 * SEC);
    bc_ingest_cost_free(m);
}

/* Sizes that differ tell the slope; a flood afterwards keeps it, and it predicts an
 * article that truly would not fit (the negative case: such an article is refused). */
static void sizes_that_differ_teach_the_cost_per_fact(void **state)
{
    (void)state;
    bc_ingest_cost *m = bc_ingest_cost_new();
    long long t = 1 * SEC;
    /* 20 ms an article and 200 ms a fact: a slow store */
    static const int sizes[] = {1, 5, 20, 2, 10, 30, 3};
    for (int r = 0; r < 4; r++)
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++, t += SEC)
            bc_ingest_cost_learn(m, sizes[i], 20 * MS + sizes[i] * 200 * MS, t);
    long long fixed, per_fact;
    bc_ingest_cost_parts(m, t, &fixed, &per_fact);
    assert_in_range(fixed, 15 * MS, 25 * MS);
    assert_in_range(per_fact, 195 * MS, 205 * MS);
    long long ninety = bc_ingest_cost_predict(m, 90, t);
    assert_true(ninety > 10 * SEC); /* 18 s: refused against a 10 s budget */
    /* one-fact articles at what the line says they cost keep the slope */
    for (int i = 0; i < 40; i++, t += 100 * MS)
        bc_ingest_cost_learn(m, 1, 220 * MS, t);
    bc_ingest_cost_parts(m, t, &fixed, &per_fact);
    assert_in_range(per_fact, 190 * MS, 210 * MS);
    assert_true(bc_ingest_cost_predict(m, 90, t) > 10 * SEC);
    bc_ingest_cost_free(m);
}

/* A stall of the machine during one ingest counts as at most four predictions. */
static void an_outlier_counts_only_so_much(void **state)
{
    (void)state;
    bc_ingest_cost *m = bc_ingest_cost_new();
    long long t = 1 * SEC;
    for (int i = 0; i < 10; i++, t += SEC)
        bc_ingest_cost_learn(m, 1 + i % 5, 10 * MS + (1 + i % 5) * 5 * MS, t);
    long long before = bc_ingest_cost_predict(m, 40, t);
    bc_ingest_cost_learn(m, 2, 60 * SEC, t); /* a minute for two facts */
    long long after = bc_ingest_cost_predict(m, 40, t);
    assert_true(after < 10 * SEC);
    assert_true(after < before + 10 * SEC);
    bc_ingest_cost_free(m);
}

/* Nothing stored for long: what was learnt fades and the model knows nothing again. */
static void what_was_learnt_fades(void **state)
{
    (void)state;
    bc_ingest_cost *m = bc_ingest_cost_new();
    long long t = 1 * SEC;
    for (int i = 0; i < 20; i++, t += SEC)
        bc_ingest_cost_learn(m, 1 + i % 10, 500 * MS * (1 + i % 10), t);
    assert_true(bc_ingest_cost_predict(m, 40, t) > 10 * SEC);
    assert_true(bc_ingest_cost_predict(m, 40, t + 60 * SEC) > 10 * SEC); /* still known */
    assert_int_equal(bc_ingest_cost_predict(m, 40, t + 600 * SEC), 0);
    /* and a new ingest is learnt from scratch */
    bc_ingest_cost_learn(m, 10, 100 * MS, t + 601 * SEC);
    assert_true(bc_ingest_cost_predict(m, 40, t + 601 * SEC) < 1 * SEC);
    bc_ingest_cost_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_new_model_admits_everything),
        cmocka_unit_test(a_flood_of_tiny_articles_teaches_the_fixed_cost),
        cmocka_unit_test(sizes_that_differ_teach_the_cost_per_fact),
        cmocka_unit_test(an_outlier_counts_only_so_much),
        cmocka_unit_test(what_was_learnt_fades),
    };
    return cmocka_run_group_tests_name("ingest_cost", tests, NULL, NULL);
}
