/* test_figure_links.c: a figure's overlaps and computed conflicts, recomputed on a store
 * built from data/: extracted figures name each other and the trusted ones, trusted
 * figures name trusted ones only, a rejected figure is in no list, curated conflicts are
 * never touched, and the figures whose lists changed are reported. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/figure_links.h"
#include "fixture.h"

static bc_store *S;

static int setup(void **state)
{
    (void)state;
    S = fx_store_from(fx_data_dir());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    bc_store_close(S);
    return 0;
}

/* A figure of the test metric and period; province NULL: its parties are not stated. */
static void add(const char *id, double value, const char *curation, const char *province)
{
    bc_err err;
    assert_int_equal(bc_store_run(S,
                                  "INSERT INTO figures (id, metric, category, value, unit, "
                                  "period, period_start, period_end, year, description, "
                                  "curation) VALUES (?1, 'trade_turnover', 'trade', ?2, 'USD', "
                                  "'2024-01/2024-11', '2024-01-01', '2024-11-30', 2024, 't', ?3)",
                                  BC_BINDS(bc_text(id), bc_real(value), bc_text(curation)), &err),
                     BC_OK);
    if (province == NULL)
        return;
    assert_int_equal(bc_store_run(S,
                                  "INSERT INTO figure_parties (figure_id, province_id, seq) "
                                  "VALUES (?1, ?2, 1)",
                                  BC_BINDS(bc_text(id), bc_text(province)), &err),
                     BC_OK);
}

static int rows(const char *sql, const char *a, const char *b)
{
    char n[16] = "";
    int found;
    bc_err err;
    assert_int_equal(
        bc_store_lookup(S, sql, BC_BINDS(bc_text(a), bc_text(b)), n, sizeof n, &found, &err),
        BC_OK);
    return atoi(n);
}

#define OVERLAP(a, b)                                                                              \
    rows("SELECT count(*) FROM figure_overlaps WHERE figure_id = ?1 AND other_id = ?2 AND "        \
         "relation = 'same'",                                                                      \
         a, b)
#define CONFLICT(a, b)                                                                             \
    rows("SELECT count(*) FROM figure_conflicts WHERE figure_id = ?1 AND other_id = ?2", a, b)

static void set(const char *id, const char *curation)
{
    bc_err err;
    assert_int_equal(bc_store_run(S, "UPDATE figures SET curation = ?2 WHERE id = ?1",
                                  BC_BINDS(bc_text(id), bc_text(curation)), &err),
                     BC_OK);
}

static void refresh(const char *id, const char *want_changed)
{
    bc_err err;
    char *changed = NULL;
    assert_int_equal(bc_figure_links_refresh(S, id, &changed, &err), BC_OK);
    assert_non_null(changed);
    if (want_changed != NULL)
        assert_string_equal(changed, want_changed);
    bc_free(changed);
}

static void links_follow_curations(void **state)
{
    (void)state;
    add("x-a", 4.4e9, "extracted", "lang-son");
    refresh("x-a", "[]");
    add("x-b", 4.4e9, "extracted", "lang-son");
    refresh("x-b", "[\"x-a\"]");
    add("x-c", 4.6e9, "extracted", "lang-son");
    refresh("x-c", "[\"x-a\",\"x-b\"]");
    assert_int_equal(OVERLAP("x-a", "x-b"), 1);
    assert_int_equal(OVERLAP("x-b", "x-a"), 1);
    assert_int_equal(CONFLICT("x-a", "x-c"), 1);
    assert_int_equal(CONFLICT("x-c", "x-b"), 1);
    assert_int_equal(CONFLICT("x-a", "x-b"), 0); /* the same value: no conflict */
    /* the computed conflicts, notes included, are the view's (0026), read from the stored
     * overlaps */
    assert_int_equal(rows("SELECT count(*) FROM (SELECT figure_id, other_id, note FROM "
                          "v_figure_conflict_candidates EXCEPT SELECT figure_id, other_id, note "
                          "FROM figure_conflicts) WHERE ?1 IN (figure_id, other_id) OR ?2 IN "
                          "(figure_id, other_id)",
                          "x-a", "x-c"),
                     0);
    assert_int_equal(rows("SELECT count(*) FROM (SELECT figure_id, other_id, note FROM "
                          "figure_conflicts EXCEPT SELECT figure_id, other_id, note FROM "
                          "v_figure_conflict_candidates) WHERE ?1 IN (figure_id, other_id) OR "
                          "?2 IN (figure_id, other_id)",
                          "x-a", "x-c"),
                     0);
    /* reviewed: it lists trusted figures only, and the extracted ones still list it */
    set("x-a", "reviewed");
    refresh("x-a", "[\"x-b\",\"x-c\"]");
    assert_int_equal(OVERLAP("x-a", "x-b"), 0);
    assert_int_equal(OVERLAP("x-b", "x-a"), 1);
    assert_int_equal(CONFLICT("x-a", "x-c"), 0);
    assert_int_equal(CONFLICT("x-c", "x-a"), 1);
    set("x-b", "reviewed");
    refresh("x-b", NULL);
    assert_int_equal(OVERLAP("x-a", "x-b"), 1);
    assert_int_equal(OVERLAP("x-b", "x-a"), 1);
    /* rejected: in no list, either way */
    /* (the reviewed figures did not list it: no other document changes) */
    set("x-c", "rejected");
    refresh("x-c", "[]");
    assert_int_equal(rows("SELECT count(*) FROM figure_conflicts WHERE ?1 IN (figure_id, "
                          "other_id) OR ?2 IN (figure_id, other_id)",
                          "x-c", "x-c"),
                     0);
    assert_int_equal(rows("SELECT count(*) FROM figure_overlaps WHERE ?1 IN (figure_id, "
                          "other_id) OR ?2 IN (figure_id, other_id)",
                          "x-c", "x-c"),
                     0);
}

/* A machine-read figure whose parties are not stated is part of nothing, reviewed or
 * not (its parties are unknown, not none): no overlap, no conflict, either way. */
static void unstated_parties_link_nothing(void **state)
{
    (void)state;
    add("x-e", 4.4e9, "extracted", NULL);
    refresh("x-e", "[]");
    set("x-e", "reviewed");
    refresh("x-e", "[]");
    assert_int_equal(rows("SELECT count(*) FROM figure_overlaps WHERE ?1 IN (figure_id, "
                          "other_id) OR ?2 IN (figure_id, other_id)",
                          "x-e", "x-e"),
                     0);
    assert_int_equal(rows("SELECT count(*) FROM figure_conflicts WHERE ?1 IN (figure_id, "
                          "other_id) OR ?2 IN (figure_id, other_id)",
                          "x-e", "x-e"),
                     0);
}

/* data/'s own conflicts stay when a curated figure is refreshed; curated figures never
 * list an extracted one */
static void curated_rows_stay(void **state)
{
    (void)state;
    int before = rows("SELECT count(*) FROM figure_conflicts WHERE ?1 = ?2", "", "");
    assert_true(before > 0);
    char id[128] = "";
    int found;
    bc_err err;
    assert_int_equal(bc_store_lookup(S, "SELECT figure_id FROM figure_conflicts LIMIT 1", NULL, 0,
                                     id, sizeof id, &found, &err),
                     BC_OK);
    refresh(id, NULL);
    assert_int_equal(rows("SELECT count(*) FROM figure_conflicts WHERE ?1 = ?2", "", ""), before);
    add("x-d", 293e6, "extracted", "tuyen-quang");
    refresh("x-d", "[]");
    assert_int_equal(rows("SELECT count(*) FROM figure_overlaps o JOIN figures f ON f.id = "
                          "o.figure_id WHERE o.other_id = ?1 AND f.curation = ?2",
                          "x-d", "curated"),
                     0);
}

/* A figure with a qualifier (an end of a range: migration 0040). */
static void add_q(const char *id, double value, const char *qualifier)
{
    bc_err err;
    add(id, value, "extracted", "cao-bang");
    assert_int_equal(bc_store_run(S, "UPDATE figures SET qualifier = ?2 WHERE id = ?1",
                                  BC_BINDS(bc_text(id), bc_text(qualifier)), &err),
                     BC_OK);
    refresh(id, NULL);
}

/* The two ends of a range never conflict, nor with a copy of the range; an end conflicts
 * with the same end of another range, and with a figure that is no end of one only when
 * that figure lies outside the range (analyst 9, F2); the view agrees with the rows. */
static void range_ends_conflict_only_outside(void **state)
{
    (void)state;
    add_q("r-lo", 2.0e9, "range_low");
    add_q("r-hi", 2.5e9, "range_high");
    add_q("c-lo", 2.0e9, "range_low"); /* a copy of the range */
    add_q("c-hi", 2.5e9, "range_high");
    add_q("p-in", 2.2e9, "exact");
    add_q("p-out", 3.0e9, "exact");
    add_q("p-below", 1.5e9, "over");
    add_q("o-lo", 2.1e9, "range_low"); /* another range */
    static const char *const quiet[][2] = {
        {"r-lo", "r-hi"},    {"r-lo", "c-hi"}, {"r-hi", "c-lo"}, {"r-lo", "c-lo"},
        {"r-hi", "c-hi"},    {"p-in", "r-lo"}, {"p-in", "r-hi"}, {"p-out", "r-lo"},
        {"p-below", "r-hi"}, {"o-lo", "r-hi"}, {"o-lo", "p-in"}, {"o-lo", "p-out"},
    };
    for (size_t k = 0; k < sizeof quiet / sizeof quiet[0]; k++)
        if (CONFLICT(quiet[k][0], quiet[k][1]) || CONFLICT(quiet[k][1], quiet[k][0]))
            fail_msg("%s and %s conflict", quiet[k][0], quiet[k][1]);
    static const char *const loud[][2] = {
        {"p-out", "r-hi"}, {"p-out", "c-hi"}, {"p-below", "r-lo"}, {"p-below", "c-lo"},
        {"o-lo", "r-lo"},  {"o-lo", "c-lo"},  {"p-in", "p-out"},
    };
    for (size_t k = 0; k < sizeof loud / sizeof loud[0]; k++)
        if (!CONFLICT(loud[k][0], loud[k][1]) || !CONFLICT(loud[k][1], loud[k][0]))
            fail_msg("%s and %s do not conflict", loud[k][0], loud[k][1]);
    assert_int_equal(rows("SELECT count(*) FROM figure_conflicts WHERE figure_id = ?1 AND "
                          "other_id = ?2 AND note LIKE '%2500000000 USD as the upper end of a "
                          "range; found by comparing%' AND note NOT LIKE '%(extracted)%'",
                          "p-out", "r-hi"),
                     1);
    static const char *const ids[] = {"r-lo", "r-hi",  "c-lo",    "c-hi",
                                      "p-in", "p-out", "p-below", "o-lo"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        assert_int_equal(rows("SELECT count(*) FROM (SELECT figure_id, other_id, note FROM "
                              "v_figure_conflict_candidates EXCEPT SELECT figure_id, other_id, "
                              "note FROM figure_conflicts) WHERE ?1 IN (figure_id, other_id) AND "
                              "?2 = ?2",
                              ids[k], ""),
                         0);
        assert_int_equal(rows("SELECT count(*) FROM (SELECT figure_id, other_id, note FROM "
                              "figure_conflicts EXCEPT SELECT figure_id, other_id, note FROM "
                              "v_figure_conflict_candidates) WHERE ?1 IN (figure_id, other_id) "
                              "AND ?2 = ?2",
                              ids[k], ""),
                         0);
    }
}

static void store_errors_are_reported(void **state)
{
    (void)state;
    bc_err err;
    char *changed = NULL;
    bc_alloc_fail_after(0);
    int rc = bc_figure_links_refresh(S, "x-a", &changed, &err);
    bc_alloc_fail_reset();
    assert_true(rc == BC_ENOMEM || rc == BC_ESTORE);
    assert_null(changed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(links_follow_curations),
        cmocka_unit_test(curated_rows_stay),
        cmocka_unit_test(unstated_parties_link_nothing),
        cmocka_unit_test(range_ends_conflict_only_outside),
        cmocka_unit_test(store_errors_are_reported),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
