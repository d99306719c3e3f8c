/* test_rebuild.c: the history of a store replayed into a rebuild in the order it happened
 * (rebuild.c): an article is read against the facts as they were when it came (a meeting
 * corrected before it), a re-dated article is first read with the date it came with and
 * re-dated where the log says, each article keeps its place (sources.log_seq), a store
 * whose articles have no recorded place is ordered by time (an entry of the same second
 * counts as after the article), and the whole store compares equal with the one it
 * replaces. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "bordercoop/rebuild.h"
#include "bordercoop/redate.h"
#include "bordercoop/review.h"

#include "fixture.h"
#include "review_fixture.h"

/* The report's two articles: the same meeting, another trade amount. */
static void add(bc_store *s, const char *title, const char *amount, const char *published_on,
                char id[128])
{
    char text[400];
    snprintf(text, sizeof text,
             "On 5 March the 15th meeting of the Joint Working Group of Lao Cai and Yunnan was "
             "held in Lao Cai. Trade between Lao Cai and Yunnan reached USD %s million in the "
             "first nine months of 2025.\n",
             amount);
    bc_ingest_input in = {0};
    in.text = text;
    in.len = strlen(text);
    in.lang = "en";
    in.title = title;
    in.published_on = published_on;
    in.actor = "ingest-ian";
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    snprintf(id, 128, "%s", r.source_id);
}

/* Every machine-read fact with its document, the log with its outcomes, the articles
 * with their dates and places: what a rebuild must give back. */
static const char *const SAME[] = {
    "SELECT group_concat(doc, ',') FROM (SELECT doc FROM v_meeting_doc WHERE id IN (SELECT id "
    "FROM meetings WHERE curation <> 'curated') ORDER BY id)",
    "SELECT group_concat(id || ':' || curation || ':' || value, ',') FROM (SELECT * FROM figures "
    "WHERE curation <> 'curated' ORDER BY id)",
    "SELECT group_concat(id || ':' || curation || ':' || coalesce(date, '-'), ',') FROM (SELECT "
    "* FROM coop_events ORDER BY id)",
    "SELECT group_concat(doc, ',') FROM (SELECT doc FROM v_review_log_doc ORDER BY seq)",
    "SELECT group_concat(id || ':' || coalesce(published_on, '-') || ':' || log_seq, ',') FROM "
    "(SELECT * FROM sources WHERE origin = 'ingested' ORDER BY id)",
};

static void expect_same(bc_store *a, bc_store *b)
{
    bc_err err;
    for (size_t i = 0; i < sizeof SAME / sizeof SAME[0]; i++) {
        sqlite3_stmt *x, *y;
        assert_int_equal(bc_store_stmt(a, SAME[i], &x, &err), 0);
        assert_int_equal(bc_store_stmt(b, SAME[i], &y, &err), 0);
        assert_int_equal(sqlite3_step(x), SQLITE_ROW);
        assert_int_equal(sqlite3_step(y), SQLITE_ROW);
        const char *u = (const char *)sqlite3_column_text(x, 0),
                   *v = (const char *)sqlite3_column_text(y, 0);
        if ((u == NULL) != (v == NULL) || (u != NULL && strcmp(u, v) != 0))
            fail_msg("%s\n  was:     %.600s\n  rebuilt: %.600s", SAME[i], u ? u : "NULL",
                     v ? v : "NULL");
        sqlite3_reset(x);
        sqlite3_reset(y);
    }
}

/* Rebuilds from into a store fresh from data/ (keys first, as the loader does). */
static bc_store *rebuild(bc_store *from, bc_review_replay *rp)
{
    bc_store *to = fx_store_from(fx_data_dir());
    bc_err err;
    if (bc_rebuild_carry(from, to, rp, &err) != 0)
        fail_msg("carrying over: %s", err.msg);
    return to;
}

/* A's meeting corrected to 2025, then B: its sentence is talks (an event), approved. */
static bc_store *corrected_then_read(char a[128], char b[128])
{
    bc_store *s = fx_store_from(fx_data_dir());
    add(s, "Article A", "11.5", "2026-03-09", a);
    char id[200];
    bc_review_result r;
    bc_err err;
    snprintf(id, sizeof id, "%s-m1", a);
    assert_int_equal(decide(s, BC_REVIEW_MEETING, id, BC_REVIEW_EDIT, "{\"date\":\"2025-03-05\"}",
                            "rita", &r, &err),
                     0);
    add(s, "Article B", "12.5", "2026-03-09", b);
    snprintf(id, sizeof id, "%s-e1", b);
    assert_int_equal(decide(s, BC_REVIEW_EVENT, id, BC_REVIEW_APPROVE, NULL, "rita", &r, &err), 0);
    return s;
}

static void an_article_is_read_after_the_decisions_before_it(void **state)
{
    (void)state;
    char a[128], b[128];
    bc_store *from = corrected_then_read(a, b);
    assert_int_equal(count(from, "SELECT log_seq FROM sources WHERE id LIKE 'article-a%'"), 0);
    assert_int_equal(count(from, "SELECT log_seq FROM sources WHERE id LIKE 'article-b%'"), 1);
    bc_review_replay rp;
    bc_store *to = rebuild(from, &rp);
    assert_int_equal(rp.decisions, 2);
    assert_int_equal(rp.applied, 2);
    assert_int_equal(rp.orphaned, 0);
    expect_same(from, to);
    assert_int_equal(count(to, "SELECT count(*) FROM coop_events WHERE curation = 'reviewed'"), 1);
    /* and again: a rebuilt store rebuilds to itself */
    bc_store *again = rebuild(to, &rp);
    expect_same(to, again);
    bc_store_close(again);
    bc_store_close(to);
    bc_store_close(from);
}

/* A store from before articles recorded their place: ordered by the times, and an entry
 * of the article's own second counts as after it. */
static void articles_without_a_place_are_ordered_by_time(void **state)
{
    (void)state;
    char a[128], b[128];
    bc_store *from = corrected_then_read(a, b);
    bc_err err;
    assert_int_equal(bc_store_exec(from,
                                   "UPDATE sources SET log_seq = NULL, ingested_at = CASE WHEN id "
                                   "LIKE 'article-a%' THEN '2026-01-01T00:00:00Z' ELSE "
                                   "'2026-01-01T00:00:02Z' END WHERE origin = 'ingested'; "
                                   "DROP TRIGGER IF EXISTS review_log_no_update; UPDATE "
                                   "review_log SET at = CASE seq WHEN 1 THEN "
                                   "'2026-01-01T00:00:01Z' ELSE '2026-01-01T00:00:03Z' END",
                                   &err),
                     0);
    bc_review_replay rp;
    bc_store *to = rebuild(from, &rp);
    assert_int_equal(rp.orphaned, 0);
    assert_int_equal(count(to, "SELECT count(*) FROM coop_events WHERE curation = 'reviewed'"), 1);
    /* the place is recorded in the rebuilt store */
    assert_int_equal(count(to, "SELECT log_seq FROM sources WHERE id LIKE 'article-b%'"), 1);
    bc_store_close(to);
    /* the correction made in B's second: taken as after B, so B reads the uncorrected
     * meeting and its approval finds no talks (the best a store without places allows) */
    assert_int_equal(bc_store_exec(from,
                                   "UPDATE review_log SET at = '2026-01-01T00:00:02Z' WHERE "
                                   "seq = 1",
                                   &err),
                     0);
    to = rebuild(from, &rp);
    assert_int_equal(rp.orphaned, 1);
    assert_int_equal(count(to, "SELECT log_seq FROM sources WHERE id LIKE 'article-b%'"), 0);
    bc_store_close(to);
    bc_store_close(from);
}

/* A without a date, B with one (its meeting approved), then A re-dated: A is carried
 * with no date, B after it, and the re-dating is replayed where it happened, so A's
 * meeting links to B's as it did. */
static void a_redating_is_replayed_where_it_happened(void **state)
{
    (void)state;
    char a[128], b[128], id[200];
    bc_store *from = fx_store_from(fx_data_dir());
    add(from, "Article A", "11.5", NULL, a);
    add(from, "Article B", "12.5", "2026-03-09", b);
    bc_review_result r;
    bc_err err;
    snprintf(id, sizeof id, "%s-m1", b);
    assert_int_equal(decide(from, BC_REVIEW_MEETING, id, BC_REVIEW_APPROVE, NULL, "rita", &r, &err),
                     0);
    bc_redate_input in = {a, "2026-03-09", "the print edition", "ian", "api"};
    bc_redate_result out;
    assert_int_equal(bc_redate(from, &in, &out, &err), 0);
    bc_redate_result_free(&out);
    char sql[400];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM meetings WHERE id = '%s-m1' AND same_as = '%s'",
             a, id);
    assert_int_equal(count(from, sql), 1);
    bc_review_replay rp;
    bc_store *to = rebuild(from, &rp);
    assert_int_equal(rp.orphaned, 0);
    expect_same(from, to);
    assert_int_equal(count(to, sql), 1);
    assert_int_equal(count(to, "SELECT count(*) FROM v_review_log_doc WHERE kind = 'source' AND "
                               "status = 'applied'"),
                     1);
    bc_store_close(to);
    bc_store_close(from);
}

/* As an extractor that no longer reads the meeting of article A would: its stored text
 * loses the sentence, so re-reading it (a re-dating) gives no meeting. */
static char lost_meeting_of[128];

static void drop_the_meeting(bc_store *to, const char *source_id)
{
    if (strcmp(source_id, lost_meeting_of) != 0)
        return;
    bc_err err;
    assert_int_equal(bc_store_run(to,
                                  "UPDATE sources SET body = substr(body, instr(body, "
                                  "'Trade')) WHERE id = ?1",
                                  BC_BINDS(bc_text(source_id)), &err),
                     0);
}

/* A re-dating the extractor can no longer replay (a fact of another article links to a
 * fact the re-read does not give): the rebuild fails naming it, and the load then keeps
 * the old store. */
static void a_redating_that_cannot_be_replayed_fails_the_rebuild(void **state)
{
    (void)state;
    char a[128], b[128];
    bc_store *from = fx_store_from(fx_data_dir());
    add(from, "Article A", "11.5", "2026-03-09", a);
    add(from, "Article B", "12.5", "2026-03-09", b);
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM meetings WHERE id = '%s-m1' AND same_as = "
             "'%s-m1'",
             b, a);
    assert_int_equal(count(from, sql), 1);
    bc_redate_input in = {a, "2026-03-10", NULL, "ian", "api"};
    bc_redate_result out;
    bc_err err;
    assert_int_equal(bc_redate(from, &in, &out, &err), 0);
    bc_redate_result_free(&out);
    snprintf(lost_meeting_of, sizeof lost_meeting_of, "%s", a);
    bc_rebuild_after_article = drop_the_meeting;
    bc_store *to = fx_store_from(fx_data_dir());
    bc_review_replay rp;
    int rc = bc_rebuild_carry(from, to, &rp, &err);
    bc_rebuild_after_article = NULL;
    assert_int_equal(rc, BC_ECONFLICT);
    assert_non_null(strstr(err.msg, "as the audit log's entry 1 did"));
    assert_non_null(strstr(err.msg, a));
    bc_store_close(to);
    bc_store_close(from);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_article_is_read_after_the_decisions_before_it),
        cmocka_unit_test(articles_without_a_place_are_ordered_by_time),
        cmocka_unit_test(a_redating_is_replayed_where_it_happened),
        cmocka_unit_test(a_redating_that_cannot_be_replayed_fails_the_rebuild),
    };
    return cmocka_run_group_tests_name("rebuild", tests, NULL, NULL);
}
