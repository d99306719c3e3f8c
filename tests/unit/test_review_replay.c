/* test_review_replay.c: decisions carried into a rebuilt store (review_replay.c): each
 * applied again to the fact it was made on, found by its fingerprint when renumbered,
 * orphaned with the reason when the fact changed or is gone; a store from before the
 * review step; allocation failures that leave nothing half carried. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/review.h"

#include "fixture.h"
#include "review_fixture.h"

static void a_rebuild_keeps_every_decision(void **state)
{
    (void)state;
    fixture *old = decided();
    bc_store *to = fx_store_from(fx_data_dir());
    bc_err err;
    assert_int_equal(bc_ingest_carry_over(old->s, to, &err), 0);
    bc_review_replay rp;
    assert_int_equal(bc_review_carry_over(old->s, to, &rp, &err), 0);
    assert_int_equal(rp.decisions, 4);
    assert_int_equal(rp.applied, 4);
    assert_int_equal(rp.orphaned, 0);
    static const char *const same[] = {
        "SELECT group_concat(id || ':' || curation || ':' || value, ',') FROM (SELECT * FROM "
        "figures WHERE curation <> 'curated' ORDER BY id)",
        "SELECT group_concat(id || ':' || curation, ',') FROM (SELECT * FROM projects WHERE "
        "curation <> 'curated' ORDER BY id)",
        "SELECT group_concat(seq || reviewer || action || fact_id || coalesce(changes, ''), ',') "
        "FROM review_log",
        "SELECT group_concat(doc, ',') FROM (SELECT doc FROM v_review_log_doc ORDER BY seq)",
        "SELECT count(*) FROM search_index",
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        sqlite3_stmt *a, *b;
        assert_int_equal(bc_store_stmt(old->s, same[i], &a, &err), 0);
        assert_int_equal(bc_store_stmt(to, same[i], &b, &err), 0);
        assert_int_equal(sqlite3_step(a), SQLITE_ROW);
        assert_int_equal(sqlite3_step(b), SQLITE_ROW);
        assert_string_equal(sqlite3_column_text(a, 0), sqlite3_column_text(b, 0));
        sqlite3_reset(a);
        sqlite3_reset(b);
    }
    /* decisions go on in the rebuilt store from where they were */
    bc_review_result r;
    assert_int_equal(
        decide(to, BC_REVIEW_FIGURE, old->turnover, BC_REVIEW_APPROVE, NULL, "carol", &r, &err),
        BC_ECONFLICT);
    assert_int_equal(
        decide(to, BC_REVIEW_FIGURE, old->turnover, BC_REVIEW_REJECT, NULL, "carol", &r, &err), 0);
    assert_int_equal(r.seq, 5);
    bc_store_close(to);
    bc_store_close(old->s);
    free(old);
}

static void a_decision_whose_fact_changed_is_orphaned_never_moved(void **state)
{
    (void)state;
    fixture *old = decided();
    bc_store *to = fx_store_from(fx_data_dir());
    bc_err err;
    assert_int_equal(bc_ingest_carry_over(old->s, to, &err), 0);
    /* as if a new extractor read the article differently: the turnover figure now has
     * another value, the gate pair is no longer found, and the delegations figure took
     * the turnover's id (renumbered) */
    char sql[1200];
    snprintf(sql, sizeof sql,
             "PRAGMA foreign_keys = OFF; "
             "UPDATE figures SET value = 8.2e9 WHERE id = '%s'; "
             "DELETE FROM citations WHERE project_id = '%s'; DELETE FROM aliases WHERE "
             "entity_id = '%s'; DELETE FROM projects WHERE id = '%s'; "
             "PRAGMA foreign_keys = ON;",
             old->turnover, old->gate, old->gate, old->gate);
    assert_int_equal(bc_store_exec(to, sql, &err), 0);
    bc_review_replay rp;
    assert_int_equal(bc_review_carry_over(old->s, to, &rp, &err), 0);
    assert_int_equal(rp.decisions, 4);
    assert_int_equal(rp.applied, 1); /* the edit of the delegations figure */
    assert_int_equal(rp.orphaned, 3);
    /* the changed figure is left for review, not approved on the strength of the old one */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figures WHERE id = '%s' AND curation = "
             "'extracted'",
             old->turnover);
    assert_int_equal(count(to, sql), 1);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figures WHERE id = '%s' AND value = 598 AND "
             "curation = 'reviewed'",
             old->delegations);
    assert_int_equal(count(to, sql), 1);
    bc_review_log_query orphans = {-1, NULL, NULL, "orphaned", 10, 0};
    bc_buf items = BC_BUF_INIT;
    size_t n;
    long long total;
    assert_int_equal(bc_review_log(to, &orphans, &items, &n, &total, &err), 0);
    assert_int_equal(total, 3);
    assert_non_null(strstr(items.data, "now reads differently"));
    assert_non_null(strstr(items.data, "no longer yields this project"));
    assert_non_null(strstr(items.data, "\"applied_to\":null"));
    bc_buf_free(&items);
    bc_store_close(to);
    bc_store_close(old->s);
    free(old);
}

static void a_renumbered_fact_keeps_its_decision(void **state)
{
    (void)state;
    fixture *old = decided();
    bc_store *to = fx_store_from(fx_data_dir());
    bc_err err;
    assert_int_equal(bc_ingest_carry_over(old->s, to, &err), 0);
    /* swap the two figures' ids, as a new extractor numbering them otherwise would */
    char sql[3000];
    snprintf(sql, sizeof sql,
             "PRAGMA foreign_keys = OFF; PRAGMA defer_foreign_keys = ON; "
             "UPDATE figures SET id = 'tmp' WHERE id = '%s'; "
             "UPDATE citations SET figure_id = 'tmp' WHERE figure_id = '%s'; "
             "UPDATE figure_parties SET figure_id = 'tmp' WHERE figure_id = '%s'; "
             "UPDATE figures SET id = '%s' WHERE id = '%s'; "
             "UPDATE citations SET figure_id = '%s' WHERE figure_id = '%s'; "
             "UPDATE figure_parties SET figure_id = '%s' WHERE figure_id = '%s'; "
             "UPDATE figures SET id = '%s' WHERE id = 'tmp'; "
             "UPDATE citations SET figure_id = '%s' WHERE figure_id = 'tmp'; "
             "UPDATE figure_parties SET figure_id = '%s' WHERE figure_id = 'tmp'; "
             "PRAGMA foreign_keys = ON;",
             old->turnover, old->turnover, old->turnover, old->turnover, old->delegations,
             old->turnover, old->delegations, old->turnover, old->delegations, old->delegations,
             old->delegations, old->delegations);
    assert_int_equal(bc_store_exec(to, sql, &err), 0);
    bc_review_replay rp;
    assert_int_equal(bc_review_carry_over(old->s, to, &rp, &err), 0);
    assert_int_equal(rp.orphaned, 0);
    /* the approval went to the 8.1 billion, now under the other id; the edit to the 600 */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figures WHERE (id = '%s' AND value = 8.1e9 AND curation = "
             "'reviewed') OR (id = '%s' AND value = 598 AND curation = 'reviewed')",
             old->delegations, old->turnover);
    assert_int_equal(count(to, sql), 2);
    bc_buf entry = BC_BUF_INIT;
    assert_int_equal(bc_review_log_entry(to, 1, &entry, &err), 0);
    char want[300];
    snprintf(want, sizeof want, "\"applied_to\":\"%s\"", old->delegations);
    assert_non_null(strstr(entry.data, want));
    bc_buf_free(&entry);
    bc_store_close(to);
    bc_store_close(old->s);
    free(old);
}

static void a_store_from_before_reviews_has_nothing_to_carry(void **state)
{
    (void)state;
    bc_store *bare = NULL, *to = fx_store_from(fx_data_dir());
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &bare, &err), 0);
    bc_review_replay rp = {9, 9, 9};
    assert_int_equal(bc_review_carry_over(bare, to, &rp, &err), 0);
    assert_int_equal(rp.decisions, 0);
    /* carrying into a store without the tables fails and says so */
    fixture *old = decided();
    assert_int_equal(bc_review_carry_over(old->s, bare, &rp, &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "carrying the review decisions over"));
    bc_store_close(old->s);
    free(old);
    bc_store_close(bare);
    bc_store_close(to);
}

/* Out of memory while carrying the decisions over: an error, and the rebuilt store has
 * none of them half-applied (so the same store serves the next run); the first run that
 * meets no failure carries all four. */
static void allocation_failures_carry_nothing_half(void **state)
{
    (void)state;
    fixture *old = decided();
    bc_store *to = fx_store_from(fx_data_dir());
    bc_err err;
    assert_int_equal(bc_ingest_carry_over(old->s, to, &err), 0);
    long failed = 0;
    for (long n = 0;; n += 7) {
        assert_true(n < 200000);
        bc_review_replay rp = {0, 0, 0};
        bc_alloc_fail_after(n);
        int rc = bc_review_carry_over(old->s, to, &rp, &err);
        long made = bc_alloc_count();
        bc_alloc_fail_reset();
        if (rc == 0) {
            assert_int_equal(rp.applied, 4);
            assert_int_equal(count(to, "SELECT count(*) FROM review_log"), 4);
            assert_true(made <= n);
            break;
        }
        failed++;
        if (rc != BC_ENOMEM && rc != BC_ESTORE)
            fail_msg("failure at allocation %ld: %d (%s)", n, rc, err.msg);
        /* a rollback that itself lacked memory is finished by the next begin (store.h) */
        assert_int_equal(bc_store_begin(to, &err), 0);
        bc_store_rollback(to);
        if (count(to, "SELECT count(*) FROM review_log") != 0)
            fail_msg("failure at allocation %ld (%s) left %ld log rows", n, err.msg,
                     count(to, "SELECT count(*) FROM review_log"));
        assert_int_equal(count(to, "SELECT count(*) FROM figures WHERE curation = 'reviewed'"), 0);
    }
    assert_true(failed > 0);
    bc_store_close(to);
    bc_store_close(old->s);
    free(old);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_rebuild_keeps_every_decision),
        cmocka_unit_test(a_decision_whose_fact_changed_is_orphaned_never_moved),
        cmocka_unit_test(a_renumbered_fact_keeps_its_decision),
        cmocka_unit_test(a_store_from_before_reviews_has_nothing_to_carry),
        cmocka_unit_test(allocation_failures_carry_nothing_half),
    };
    return cmocka_run_group_tests_name("review_replay", tests, NULL, NULL);
}
