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
#include "bordercoop/rebuild.h"
#include "bordercoop/review.h"

#include "fixture.h"
#include "review_fixture.h"

static void a_rebuild_keeps_every_decision(void **state)
{
    (void)state;
    fixture *old = decided();
    bc_store *to = fx_store_from(fx_data_dir());
    bc_err err;
    bc_review_replay rp;
    assert_int_equal(bc_rebuild_carry(old->s, to, &rp, &err), 0);
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

/* What the hooks below do to each article carried over (as another extractor would read
 * it), and the fixture they do it for. */
static const fixture *reread;

static void read_otherwise(bc_store *to, const char *source_id)
{
    (void)source_id;
    /* the turnover figure now has another value and the gate pair is no longer found */
    char sql[1200];
    bc_err err;
    snprintf(sql, sizeof sql,
             "PRAGMA foreign_keys = OFF; "
             "UPDATE figures SET value = 8.2e9 WHERE id = '%s'; "
             "DELETE FROM citations WHERE project_id = '%s'; DELETE FROM aliases WHERE "
             "entity_id = '%s'; DELETE FROM projects WHERE id = '%s'; "
             "PRAGMA foreign_keys = ON;",
             reread->turnover, reread->gate, reread->gate, reread->gate);
    assert_int_equal(bc_store_exec(to, sql, &err), 0);
}

static void a_decision_whose_fact_changed_is_orphaned_never_moved(void **state)
{
    (void)state;
    fixture *old = decided();
    bc_store *to = fx_store_from(fx_data_dir());
    bc_err err;
    /* as if a new extractor read the article differently */
    reread = old;
    bc_rebuild_after_article = read_otherwise;
    char sql[1200];
    bc_review_replay rp;
    assert_int_equal(bc_rebuild_carry(old->s, to, &rp, &err), 0);
    bc_rebuild_after_article = NULL;
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

static void renumber(bc_store *to, const char *source_id)
{
    (void)source_id;
    bc_err err;
    const fixture *old = reread;
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
}

static void a_renumbered_fact_keeps_its_decision(void **state)
{
    (void)state;
    fixture *old = decided();
    bc_store *to = fx_store_from(fx_data_dir());
    bc_err err;
    reread = old;
    bc_rebuild_after_article = renumber;
    bc_review_replay rp;
    assert_int_equal(bc_rebuild_carry(old->s, to, &rp, &err), 0);
    bc_rebuild_after_article = NULL;
    char sql[600];
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
    assert_int_equal(bc_rebuild_carry(bare, to, &rp, &err), 0);
    assert_int_equal(rp.decisions, 0);
    /* carrying into a store without the tables fails and says so */
    fixture *old = decided();
    assert_int_equal(bc_rebuild_carry(old->s, bare, &rp, &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "carrying over ingested article"));
    bc_store_close(old->s);
    free(old);
    bc_store_close(bare);
    bc_store_close(to);
}

/* A copy of the store s (a rebuild's build before the carry-over), new. */
static bc_store *copy_of(bc_store *s)
{
    bc_store *c = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &c, &err), 0);
    sqlite3_backup *b = sqlite3_backup_init(bc_store_db(c), "main", bc_store_db(s), "main");
    assert_non_null(b);
    assert_int_equal(sqlite3_backup_step(b, -1), SQLITE_DONE);
    assert_int_equal(sqlite3_backup_finish(b), SQLITE_OK);
    return c;
}

/* Out of memory while carrying the articles and decisions over: an error naming what
 * failed (the loader then discards the build, loader.h), never a crash, a leak or a
 * decision applied to another fact; the first run that meets no failure carries all
 * four. */
static void allocation_failures_fail_cleanly(void **state)
{
    (void)state;
    fixture *old = decided();
    bc_store *built = fx_store_from(fx_data_dir());
    bc_err err;
    /* how many allocations a whole carry makes, to sweep it in about 60 runs */
    bc_store *to = copy_of(built);
    bc_review_replay rp = {0, 0, 0};
    bc_alloc_fail_after(1L << 40);
    assert_int_equal(bc_rebuild_carry(old->s, to, &rp, &err), 0);
    long total = bc_alloc_count();
    bc_alloc_fail_reset();
    bc_store_close(to);
    long step = total / 60 > 7 ? total / 60 : 7, failed = 0;
    for (long n = 0;; n += step) {
        assert_true(n <= total + step);
        to = copy_of(built);
        memset(&rp, 0, sizeof rp);
        bc_alloc_fail_after(n);
        int rc = bc_rebuild_carry(old->s, to, &rp, &err);
        long made = bc_alloc_count();
        bc_alloc_fail_reset();
        if (rc == 0) {
            assert_int_equal(rp.applied, 4);
            assert_int_equal(count(to, "SELECT count(*) FROM review_log"), 4);
            assert_true(made <= n);
            bc_store_close(to);
            break;
        }
        failed++;
        if (rc != BC_ENOMEM && rc != BC_ESTORE)
            fail_msg("failure at allocation %ld: %d (%s)", n, rc, err.msg);
        assert_true(err.msg[0] != '\0');
        /* whatever was applied went to the fact the decision was made on */
        if (count(to, "SELECT count(*) FROM review_outcomes o JOIN review_log l ON l.seq = "
                      "o.seq WHERE o.status = 'applied' AND o.fact_id <> l.fact_id") != 0)
            fail_msg("failure at allocation %ld (%s) moved a decision", n, err.msg);
        bc_store_close(to);
    }
    assert_true(failed > 0);
    bc_store_close(built);
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
        cmocka_unit_test(allocation_failures_fail_cleanly),
    };
    return cmocka_run_group_tests_name("review_replay", tests, NULL, NULL);
}
