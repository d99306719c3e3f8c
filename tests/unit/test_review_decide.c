/* test_review_decide.c: one review decision (review_decide.c): approve and reject and
 * the states each allows, the search index and content version following them, what
 * cannot be decided (unknown, curated, fields without an edit), a store that cannot
 * record it, and allocation failures that leave no half decision. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/review.h"

#include "fixture.h"
#include "review_fixture.h"

static void approve_reject_and_their_states(void **state)
{
    fixture *f = *state;
    bc_review_result r;
    bc_err err;
    char *v0 = version(f->s);
    assert_int_equal(
        decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_APPROVE, NULL, "alice", &r, &err), 0);
    assert_string_equal(r.from, "extracted");
    assert_string_equal(r.to, "reviewed");
    assert_true(r.seq > 0);
    char *v1 = version(f->s);
    assert_string_not_equal(v0, v1);
    assert_string_equal(r.content_version, v1);
    /* the change feed says what changed and who did it */
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM changes WHERE kind = 'figure' AND id = '%s' AND op = "
             "'changed' AND actor = 'alice' AND origin = 'review' AND fields = '[\"curation\"]' "
             "AND content_version = '%s'",
             f->turnover, v1);
    assert_int_equal(count(f->s, sql), 1);
    /* twice: a conflict that says who did it */
    assert_int_equal(
        decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_APPROVE, NULL, "bob", &r, &err),
        BC_ECONFLICT);
    assert_non_null(strstr(err.msg, "already reviewed"));
    assert_non_null(strstr(err.msg, "approve by alice"));
    char *v2 = version(f->s);
    assert_string_equal(v1, v2); /* nothing written */
    /* reviewed -> rejected -> reviewed again */
    assert_int_equal(
        decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_REJECT, NULL, "bob", &r, &err), 0);
    assert_string_equal(r.from, "reviewed");
    assert_string_equal(r.to, "rejected");
    assert_int_equal(
        decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_REJECT, NULL, "bob", &r, &err),
        BC_ECONFLICT);
    assert_int_equal(
        decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_APPROVE, NULL, "carol", &r, &err), 0);
    assert_string_equal(r.from, "rejected");
    /* curated facts and unknown ids */
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, "yunnan-four-provinces-trade-2024",
                            BC_REVIEW_APPROVE, NULL, "alice", &r, &err),
                     BC_ECONFLICT);
    assert_non_null(strstr(err.msg, "curated"));
    assert_int_equal(decide(f->s, BC_REVIEW_MEETING, "no-such-meeting", BC_REVIEW_REJECT, NULL,
                            "alice", &r, &err),
                     BC_ENOTFOUND);
    /* a fact of another kind under that id is not found either */
    assert_int_equal(
        decide(f->s, BC_REVIEW_MEETING, f->turnover, BC_REVIEW_REJECT, NULL, "alice", &r, &err),
        BC_ENOTFOUND);
    /* fields only with edit; a reviewer is required; a note is bounded */
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, f->delegations, BC_REVIEW_APPROVE,
                            "{\"value\":1}", "alice", &r, &err),
                     BC_EINVAL);
    assert_string_equal(r.field, "fields");
    assert_int_equal(
        decide(f->s, BC_REVIEW_FIGURE, f->delegations, BC_REVIEW_APPROVE, NULL, "", &r, &err),
        BC_EINVAL);
    char note[2100];
    memset(note, 'n', sizeof note - 1);
    note[sizeof note - 1] = '\0';
    bc_review_request rq = {BC_REVIEW_FIGURE, f->delegations, BC_REVIEW_APPROVE, NULL, note,
                            "alice",          "api"};
    assert_int_equal(bc_review_decide(f->s, &rq, &r, &err), BC_EINVAL);
    assert_string_equal(r.field, "note");
    assert_int_equal(count(f->s, "SELECT count(*) FROM review_log"), 3);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM changes WHERE origin = 'review' AND id = '%s'",
             f->turnover);
    assert_int_equal(count(f->s, sql), 3);
    /* and the curated figures whose overlaps list it as it came and went, one entry each
     * per decision (approved: listed; rejected: not; approved again; this store has no
     * baseline from a load, so the first says "added") */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM changes c JOIN figures g ON g.id = c.id WHERE c.origin = "
             "'review' AND c.id <> '%s' AND c.kind = 'figure' AND g.curation = 'curated' AND "
             "(c.op = 'added' OR c.fields = '[\"overlaps\"]')",
             f->turnover);
    int related = count(f->s, sql);
    assert_true(related > 0 && related % 3 == 0);
    /* and its article, whose facts list it while it is not rejected: the rejection took it
     * out, the approval after it put it back, each by the reviewer who decided (analyst 14
     * #7); the first approval left the article as it was */
    snprintf(sql, sizeof sql,
             "SELECT count(*) * (group_concat(actor, ',') = 'bob,carol') FROM (SELECT actor FROM "
             "changes WHERE origin = 'review' AND kind = 'source' AND id = (SELECT source_id "
             "FROM citations WHERE figure_id = '%s') ORDER BY seq)",
             f->turnover);
    assert_int_equal(count(f->s, sql), 2);
    /* nothing else but documents of other kinds that show it (provinces' counts) */
    int beside = count(f->s, "SELECT count(*) FROM changes WHERE origin = 'review' AND kind NOT "
                             "IN ('figure', 'source')");
    assert_int_equal(count(f->s, "SELECT count(*) FROM changes WHERE origin = 'review'"),
                     3 + related + 2 + beside);
    bc_free(v0);
    bc_free(v1);
    bc_free(v2);
}

static void rejected_facts_leave_the_search_index(void **state)
{
    fixture *f = *state;
    char sql[300];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM search_index WHERE ref_id = '%s'", f->gate);
    assert_int_equal(count(f->s, sql), 1);
    /* awaiting review: found only when machine-read facts are asked for */
    bc_response res;
    assert_int_equal(fx_request(f->s, "GET", "/v1/search", "q=Qiaotou", &res), 200);
    assert_null(strstr(res.body.data, f->gate));
    bc_response_free(&res);
    assert_int_equal(fx_request(f->s, "GET", "/v1/search", "q=Qiaotou&curation=all", &res), 200);
    assert_non_null(strstr(res.body.data, f->gate));
    bc_response_free(&res);
    bc_review_result r;
    bc_err err;
    assert_int_equal(
        decide(f->s, BC_REVIEW_PROJECT, f->gate, BC_REVIEW_REJECT, NULL, "alice", &r, &err), 0);
    assert_int_equal(count(f->s, sql), 0);
    assert_int_equal(fx_request(f->s, "GET", "/v1/search", "q=Qiaotou&curation=all", &res), 200);
    assert_null(strstr(res.body.data, f->gate));
    bc_response_free(&res);
    /* approved: found by default */
    assert_int_equal(
        decide(f->s, BC_REVIEW_PROJECT, f->gate, BC_REVIEW_APPROVE, NULL, "alice", &r, &err), 0);
    assert_int_equal(count(f->s, sql), 1);
    assert_int_equal(fx_request(f->s, "GET", "/v1/search", "q=Qiaotou", &res), 200);
    assert_non_null(strstr(res.body.data, f->gate));
    assert_non_null(strstr(res.body.data, "\"curation\":\"trusted\""));
    bc_response_free(&res);
    assert_int_equal(fx_request(f->s, "GET", "/v1/search", "q=Qiaotou&curation=maybe", &res), 400);
    bc_response_free(&res);
}

/* An allocation failure at any point of a decision (an edit, the one with the most
 * work) leaves nothing of it behind, and the writer's next decision runs (a ROLLBACK
 * that itself lacked memory once left BEGIN IMMEDIATE open, and every later decision
 * failed to begin); the first run without a failure is logged with what it changed. */
static void allocation_failures_leave_no_half_decision(void **state)
{
    fixture *f = *state;
    char value_sql[300], log_sql[300];
    snprintf(value_sql, sizeof value_sql, "SELECT value FROM figures WHERE id = '%s'",
             f->delegations);
    snprintf(log_sql, sizeof log_sql, "SELECT count(*) FROM review_log WHERE fact_id = '%s'",
             f->delegations);
    long value = count(f->s, value_sql), changes = count(f->s, "SELECT count(*) FROM changes");
    json_t *fields = json_pack("{s:i}", "value", 601);
    bc_review_request rq = {BC_REVIEW_FIGURE, f->delegations, BC_REVIEW_EDIT, fields, NULL,
                            "alice",          "api"};
    bc_review_result r;
    bc_err err;
    char curated[160];
    first_id(f->s, "SELECT id FROM figures WHERE curation = 'curated'", curated, sizeof curated);
    long failed = 0;
    for (long n = 0;; n++) {
        assert_true(n < 100000);
        bc_alloc_fail_after(n);
        int rc = bc_review_decide(f->s, &rq, &r, &err);
        long made = bc_alloc_count();
        bc_alloc_fail_reset();
        /* the next decision begins: refused for what it asks, not for an open transaction */
        bc_err next;
        int nrc =
            decide(f->s, BC_REVIEW_FIGURE, curated, BC_REVIEW_APPROVE, NULL, "bob", &r, &next);
        if (nrc != BC_ECONFLICT)
            fail_msg("after a failure at allocation %ld (%s): %s", n, err.msg, next.msg);
        if (rc == 0) {
            assert_true(made <= n);
            break;
        }
        failed++;
        assert_int_equal(count(f->s, value_sql), value);
        assert_int_equal(count(f->s, log_sql), 0);
        assert_int_equal(count(f->s, "SELECT count(*) FROM changes"), changes);
    }
    json_decref(fields);
    assert_true(failed > 0);
    assert_int_equal(count(f->s, value_sql), 601);
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM review_log WHERE fact_id = '%s' AND action = 'edit' AND "
             "json_extract(changes, '$.value.to') = 601",
             f->delegations);
    assert_int_equal(count(f->s, sql), 1);
}

/* Deciding on what is not there, or not the reviewer's to decide: nothing is written. */
static void what_cannot_be_decided(void **state)
{
    fixture *f = *state;
    bc_review_result r;
    bc_err err;
    long log = count(f->s, "SELECT count(*) FROM review_log");
    char *v0 = version(f->s);
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, "no-such-figure", BC_REVIEW_APPROVE, NULL,
                            "alice", &r, &err),
                     BC_ENOTFOUND);
    /* a fact of another kind is not found under this one */
    assert_int_equal(
        decide(f->s, BC_REVIEW_MEETING, f->turnover, BC_REVIEW_APPROVE, NULL, "alice", &r, &err),
        BC_ENOTFOUND);
    /* curated facts are a person's already */
    char curated[160];
    first_id(f->s, "SELECT id FROM meetings WHERE curation = 'curated'", curated, sizeof curated);
    assert_int_equal(
        decide(f->s, BC_REVIEW_MEETING, curated, BC_REVIEW_REJECT, NULL, "alice", &r, &err),
        BC_ECONFLICT);
    assert_non_null(strstr(err.msg, "curated"));
    /* fields belong to an edit only */
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_APPROVE, "{\"value\":1}",
                            "alice", &r, &err),
                     BC_EINVAL);
    assert_non_null(strstr(err.msg, "only an edit corrects fields"));
    assert_int_equal(count(f->s, "SELECT count(*) FROM review_log"), log);
    char *v1 = version(f->s);
    assert_string_equal(v0, v1);
    bc_free(v0);
    bc_free(v1);
}

/* A store without the review tables (from before the review step): a store error, and
 * the content version is not moved. */
static void a_store_without_the_review_log(void **state)
{
    fixture *f = *state;
    bc_err err;
    assert_int_equal(bc_store_exec(f->s,
                                   "DROP TRIGGER IF EXISTS review_log_no_delete; "
                                   "DROP TRIGGER IF EXISTS review_log_no_update; "
                                   "ALTER TABLE review_log RENAME TO review_log_gone",
                                   &err),
                     0);
    char *v0 = version(f->s);
    bc_review_result r;
    int rc =
        decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_APPROVE, NULL, "alice", &r, &err);
    assert_true(rc == BC_ESTORE || rc == BC_ENOTFOUND);
    char *v1 = version(f->s);
    assert_string_equal(v0, v1);
    bc_free(v0);
    bc_free(v1);
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figures WHERE id = '%s' AND curation = 'extracted'",
             f->turnover);
    assert_int_equal(count(f->s, sql), 1);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(approve_reject_and_their_states),
        T(rejected_facts_leave_the_search_index),
        T(what_cannot_be_decided),
        T(a_store_without_the_review_log),
        T(allocation_failures_leave_no_half_decision),
    };
#undef T
    return cmocka_run_group_tests_name("review_decide", tests, NULL, NULL);
}
