/* test_review.c: the review step on an ingested article's facts: the queue in reading
 * order with quotes, approve / reject / edit and the states each allows, every edit
 * validated as data/ is (with nothing written on failure), the append-only log with
 * who and what changed, the search index and content version following decisions; and
 * a rebuild replaying decisions onto the facts they were made on, orphaning the rest. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/ingest.h"
#include "bordercoop/review.h"

#include "fixture.h"

#define count fx_count /* fixture.h */

static const char EN[] =
    "Lao Cai and Yunnan hold the 12th meeting of the Joint Working Group\n\n"
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "
    "reported that import-export turnover between the four Vietnamese provinces and Yunnan "
    "reached USD 8.1 billion in 2025. Nearly 600 delegations were exchanged in 2025.\n"
    "The provinces agreed to study a new crossing at Muong Khuong (Vietnam) - Qiaotou (China).\n";

typedef struct fixture {
    bc_store *s;
    char source[128];
    char turnover[160]; /* the 8.1 billion figure */
    char delegations[160];
    char meeting[160];
    char gate[160];
} fixture;

static void first_id(bc_store *s, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, n, "%s", sqlite3_column_text(st, 0));
    sqlite3_reset(st);
}

static void ingest_into(bc_store *s, char source[128])
{
    bc_ingest_input in = {0};
    in.text = EN;
    in.len = strlen(EN);
    in.lang = "en";
    in.title = "Test article";
    in.published_on = "2026-03-19";
    in.actor = "ingest-ian";
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    snprintf(source, 128, "%s", r.source_id);
}

static void find_facts(fixture *f)
{
    first_id(f->s, "SELECT id FROM figures WHERE curation <> 'curated' AND value = 8100000000",
             f->turnover, sizeof f->turnover);
    first_id(f->s, "SELECT id FROM figures WHERE curation <> 'curated' AND value = 600",
             f->delegations, sizeof f->delegations);
    first_id(f->s, "SELECT id FROM meetings WHERE curation <> 'curated' AND ordinal = 12",
             f->meeting, sizeof f->meeting);
    first_id(f->s, "SELECT id FROM projects WHERE curation <> 'curated'", f->gate, sizeof f->gate);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->s = fx_store_from(fx_data_dir());
    ingest_into(f->s, f->source);
    find_facts(f);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bc_store_close(f->s);
    free(f);
    return 0;
}

static int decide(bc_store *s, bc_review_kind k, const char *id, bc_review_action a,
                  const char *fields_json, const char *who, bc_review_result *r, bc_err *err)
{
    json_t *fields = fields_json ? json_loads(fields_json, JSON_ALLOW_NUL, NULL) : NULL;
    if (fields_json != NULL && fields == NULL)
        fail_msg("bad test JSON %s", fields_json);
    bc_review_request rq = {k, id, a, fields, NULL, who, "api"};
    int rc = bc_review_decide(s, &rq, r, err);
    json_decref(fields);
    return rc;
}

static char *version(bc_store *s)
{
    char *v = NULL;
    bc_err err;
    assert_int_equal(bc_store_meta_get(s, "content_version", &v, &err), 0);
    return v;
}

static void kinds_and_actions_parse(void **state)
{
    (void)state;
    bc_review_kind k;
    bc_err err;
    assert_int_equal(bc_review_kind_parse("figures", &k, &err), 0);
    assert_int_equal(k, BC_REVIEW_FIGURE);
    assert_int_equal(bc_review_kind_parse("border-gate-projects", &k, &err), 0);
    assert_int_equal(k, BC_REVIEW_PROJECT);
    assert_int_equal(bc_review_kind_parse("meeting", &k, &err), 0);
    assert_int_equal(k, BC_REVIEW_MEETING);
    assert_int_equal(bc_review_kind_parse("protocols", &k, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "figures, meetings, border-gate-projects"));
    assert_int_equal(bc_review_kind_parse(NULL, &k, &err), BC_EINVAL);
    assert_string_equal(bc_review_kind_collection(BC_REVIEW_PROJECT), "border-gate-projects");
    assert_string_equal(bc_review_kind_name(BC_REVIEW_PROJECT), "project");
    bc_review_action a;
    assert_int_equal(bc_review_action_parse("edit", &a, &err), 0);
    assert_int_equal(a, BC_REVIEW_EDIT);
    assert_int_equal(bc_review_action_parse("Approve", &a, &err), BC_EINVAL);
    assert_string_equal(bc_review_action_name(BC_REVIEW_REJECT), "reject");
    assert_non_null(strstr(bc_review_editable(BC_REVIEW_FIGURE), "value"));
}

static void the_queue_is_in_reading_order_with_quotes(void **state)
{
    fixture *f = *state;
    bc_review_query q = {-1, NULL, 50, 0};
    bc_buf items = BC_BUF_INIT;
    size_t n = 0;
    long long pending[BC_REVIEW_NKINDS];
    bc_err err;
    assert_int_equal(bc_review_pending(f->s, &q, &items, &n, pending, &err), 0);
    json_t *arr = json_loads(items.data, 0, NULL);
    assert_non_null(arr);
    assert_int_equal(json_array_size(arr), n);
    assert_int_equal(pending[BC_REVIEW_FIGURE] + pending[BC_REVIEW_MEETING] +
                         pending[BC_REVIEW_PROJECT],
                     (long long)n);
    assert_true(pending[BC_REVIEW_FIGURE] >= 2 && pending[BC_REVIEW_PROJECT] == 1);
    long last_start = -1;
    for (size_t i = 0; i < n; i++) {
        json_t *it = json_array_get(arr, i), *fact = json_object_get(it, "fact");
        json_t *src = json_object_get(it, "source");
        assert_string_equal(fx_str(src, "id"), f->source);
        assert_string_equal(fx_str(src, "ingested_by"), "ingest-ian");
        assert_string_equal(fx_str(fact, "curation"), "extracted");
        assert_string_equal(fx_str(fact, "id"), fx_str(it, "id"));
        json_t *quotes = json_object_get(fact, "sources");
        assert_true(json_array_size(quotes) >= 1);
        long start =
            (long)json_integer_value(json_object_get(json_array_get(quotes, 0), "quote_start"));
        assert_true(start >= last_start); /* reading order */
        last_start = start;
        assert_non_null(strstr(EN, fx_str(json_array_get(quotes, 0), "quote")));
        const char *review = fx_str(json_object_get(it, "links"), "review");
        assert_true(strncmp(review, "/v1/review/", 11) == 0);
    }
    json_decref(arr);
    /* one kind, one page */
    bc_buf_reset(&items);
    bc_review_query figs = {BC_REVIEW_FIGURE, f->source, 1, 1};
    assert_int_equal(bc_review_pending(f->s, &figs, &items, &n, pending, &err), 0);
    assert_int_equal(n, 1);
    assert_non_null(strstr(items.data, "\"kind\":\"figure\""));
    bc_buf_reset(&items);
    bc_review_query none = {-1, "no-such-source", 50, 0};
    assert_int_equal(bc_review_pending(f->s, &none, &items, &n, pending, &err), 0);
    assert_int_equal(n, 0);
    assert_string_equal(items.data, "[]");
    /* the counts follow the source filter: nothing waits from an unknown article */
    for (int k = 0; k < BC_REVIEW_NKINDS; k++)
        assert_int_equal(pending[k], 0);
    bc_buf_free(&items);
}

/* Articles ingested in the same second are reviewed in the order they arrived, not by
 * the alphabet of their ids. */
static void the_queue_follows_arrival_order(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    static const char *const titles[] = {"Zebra crossing report", "Alpha gate report"};
    static const char *const texts[] = {
        "Trade between Lao Cai and Yunnan reached USD 4.4 billion in 2025, the two sides said.",
        "Trade between Lang Son and Guangxi reached USD 9.9 billion in 2025, the two sides said."};
    char ids[2][128];
    for (int i = 0; i < 2; i++) {
        bc_ingest_input in = {.text = texts[i], .len = strlen(texts[i]), .lang = "en"};
        in.title = titles[i];
        in.ingested_at = "2026-03-02T09:10:00Z"; /* the same second */
        bc_ingest_result r;
        bc_err err;
        assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
        snprintf(ids[i], sizeof ids[i], "%s", r.source_id);
    }
    assert_true(strcmp(ids[0], ids[1]) > 0); /* the alphabet would put the second first */
    bc_review_query q = {BC_REVIEW_FIGURE, NULL, 50, 0};
    bc_buf items = BC_BUF_INIT;
    size_t n = 0;
    long long pending[BC_REVIEW_NKINDS];
    bc_err err;
    assert_int_equal(bc_review_pending(s, &q, &items, &n, pending, &err), 0);
    json_t *arr = json_loads(items.data, 0, NULL);
    assert_int_equal(n, 2);
    assert_string_equal(fx_str(json_object_get(json_array_get(arr, 0), "source"), "id"), ids[0]);
    assert_string_equal(fx_str(json_object_get(json_array_get(arr, 1), "source"), "id"), ids[1]);
    json_decref(arr);
    /* one article's counts */
    bc_buf_reset(&items);
    bc_review_query one = {-1, ids[1], 50, 0};
    assert_int_equal(bc_review_pending(s, &one, &items, &n, pending, &err), 0);
    assert_int_equal(pending[BC_REVIEW_FIGURE], 1);
    assert_int_equal(pending[BC_REVIEW_MEETING] + pending[BC_REVIEW_PROJECT], 0);
    bc_buf_free(&items);
    bc_store_close(s);
}

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
    assert_int_equal(count(f->s, "SELECT count(*) FROM changes WHERE origin = 'review'"),
                     3 + related);
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

/* Expects the edit of fact (kind k) with fields to fail on field, naming want. */
static void edit_fails(bc_store *s, bc_review_kind k, const char *id, const char *fields,
                       const char *field, const char *want)
{
    bc_review_result r;
    bc_err err;
    long before = count(s, "SELECT count(*) FROM review_log");
    int rc = decide(s, k, id, BC_REVIEW_EDIT, fields, "alice", &r, &err);
    if (rc != BC_EINVAL)
        fail_msg("%s: expected BC_EINVAL, got %d (%s)", fields, rc, err.msg);
    if (strcmp(r.field, field) != 0)
        fail_msg("%s: field '%s', expected '%s' (%s)", fields, r.field, field, err.msg);
    if (strstr(err.msg, want) == NULL)
        fail_msg("%s: '%s' lacks '%s'", fields, err.msg, want);
    assert_int_equal(count(s, "SELECT count(*) FROM review_log"), before);
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

static void edits_are_validated_like_data(void **state)
{
    fixture *f = *state;
    const char *d = f->delegations, *m = f->meeting, *g = f->gate;
    bc_review_kind F = BC_REVIEW_FIGURE, M = BC_REVIEW_MEETING, P = BC_REVIEW_PROJECT;
    edit_fails(f->s, F, d, "{}", "fields", "metric, value, unit");
    edit_fails(f->s, F, d, "[1]", "fields", "an object");
    edit_fails(f->s, F, d, "{\"colour\":\"red\"}", "fields.colour", "no field 'colour'");
    edit_fails(f->s, F, d, "{\"value\":\"598\"}", "fields.value", "greater than 0");
    edit_fails(f->s, F, d, "{\"value\":-1}", "fields.value", "greater than 0");
    edit_fails(f->s, F, d, "{\"value\":2e15}", "fields.value", "below 1e15");
    edit_fails(f->s, F, d, "{\"change\":{\"pct\":-100.5}}", "fields.change.pct", "-100 to 10000");
    edit_fails(f->s, F, d, "{\"period\":\"2101\"}", "fields.period", "1900..2100");
    edit_fails(f->s, F, d, "{\"description\":\"a\\u001bb\"}", "fields.description",
               "control character");
    edit_fails(f->s, F, d, "{\"value\":null}", "fields.value", "required");
    edit_fails(f->s, F, d, "{\"qualifier\":\"roughly\"}", "fields.qualifier",
               "allowed: about, exact, expected, nearly, over, under");
    /* a change's qualifier is of the same vocabulary, listed whole */
    edit_fails(f->s, F, d, "{\"change\":{\"pct\":5,\"qualifier\":\"roughly\"}}",
               "fields.change.qualifier", "allowed: about, exact, expected, nearly, over, under");
    edit_fails(f->s, F, d, "{\"metric\":\"no-such-metric\"}", "fields.metric", "no metric");
    edit_fails(f->s, F, d, "{\"metric\":\"Bad Id\"}", "fields.metric", "no metric");
    edit_fails(f->s, F, d, "{\"unit\":\"USD\"}", "fields.unit", "does not match metric");
    edit_fails(f->s, F, d, "{\"period\":\"2025-13\"}", "fields.period", "");
    edit_fails(f->s, F, d, "{\"period\":\"2025-09/2025-01\"}", "fields.period", "");
    edit_fails(f->s, F, d, "{\"parties\":[]}", "fields.parties", "1 to 12");
    edit_fails(f->s, F, d, "{\"parties\":[\"lao-cai\",\"atlantis\"]}", "fields.parties[1]",
               "no province");
    edit_fails(f->s, F, d, "{\"parties\":[\"lao-cai\",\"lao-cai\"]}", "fields.parties[1]", "twice");
    edit_fails(f->s, F, d, "{\"change\":{\"pct\":\"a lot\"}}", "fields.change.pct", "number");
    edit_fails(f->s, F, d, "{\"change\":{\"pct\":5,\"why\":1}}", "fields.change", "unknown");
    edit_fails(f->s, F, d, "{\"description\":\"\"}", "fields.description", "empty");
    edit_fails(f->s, F, d, "{\"note\":\"a\\u0000b\"}", "fields.note", "NUL");
    edit_fails(f->s, F, d, "{\"meeting\":\"jwg-yunnan-99\"}", "fields.meeting", "no meeting");
    edit_fails(f->s, M, m, "{\"date\":\"2026-02-30\"}", "fields.date", "not a day");
    edit_fails(f->s, M, m, "{\"ordinal\":0}", "fields.ordinal", "1 to 1000000");
    edit_fails(f->s, M, m, "{\"ordinal\":1.5}", "fields.ordinal", "whole number");
    edit_fails(f->s, M, m, "{\"status\":\"cancelled\"}", "fields.status", "held, planned");
    edit_fails(f->s, M, m, "{\"mechanism\":\"jwg-mars\"}", "fields.mechanism", "no mechanism");
    edit_fails(f->s, M, m, "{\"host\":\"kunming\"}", "fields.host", "no province");
    edit_fails(f->s, P, g, "{\"vn_province\":\"yunnan\"}", "fields.vn_province",
               "no Vietnamese province");
    edit_fails(f->s, P, g, "{\"vn_side\":null,\"cn_side\":null}", "fields.vn_side",
               "'vn_side' or 'cn_side'");
    edit_fails(f->s, P, g, "{\"kind\":\"tunnel\"}", "fields.kind", "allowed:");
    /* values equal to the stored ones change nothing: approve instead */
    edit_fails(f->s, F, d, "{\"value\":600}", "fields", "nothing to correct");
    /* nothing was written by any of these */
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figures WHERE id = '%s' AND value = 600 AND "
             "curation = 'extracted'",
             d);
    assert_int_equal(count(f->s, sql), 1);
}

static void an_edit_records_what_changed(void **state)
{
    fixture *f = *state;
    bc_review_result r;
    bc_err err;
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, f->delegations, BC_REVIEW_EDIT,
                            "{\"value\":598,\"qualifier\":\"exact\",\"period\":\"2025\","
                            "\"parties\":[\"lao-cai\",\"yunnan\"],\"change\":{\"pct\":12.5},"
                            "\"note\":\"598 in the body\"}",
                            "alice", &r, &err),
                     0);
    assert_string_equal(r.to, "reviewed");
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figures WHERE id = '%s' AND value = 598 AND qualifier = "
             "'exact' AND change_pct = 12.5 AND change_qualifier = 'exact' AND curation = "
             "'reviewed' AND note = '598 in the body'",
             f->delegations);
    assert_int_equal(count(f->s, sql), 1);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figure_parties WHERE figure_id = '%s' AND "
             "((province_id = 'lao-cai' AND seq = 1) OR (province_id = 'yunnan' AND seq = 2))",
             f->delegations);
    assert_int_equal(count(f->s, sql), 2);
    bc_buf entry = BC_BUF_INIT;
    assert_int_equal(bc_review_log_entry(f->s, r.seq, &entry, &err), 0);
    json_t *e = json_loads(entry.data, 0, NULL);
    assert_string_equal(fx_str(e, "reviewer"), "alice");
    assert_string_equal(fx_str(e, "action"), "edit");
    assert_string_equal(fx_str(e, "status"), "applied");
    assert_string_equal(fx_str(e, "source_id"), f->source);
    json_t *ch = json_object_get(e, "changes");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(ch, "value"), "from")),
                     600);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(ch, "value"), "to")), 598);
    assert_string_equal(fx_str(json_object_get(ch, "qualifier"), "from"), "nearly");
    assert_null(json_object_get(ch, "period")); /* unchanged: not recorded */
    assert_non_null(json_object_get(ch, "parties"));
    assert_non_null(json_object_get(ch, "change"));
    json_decref(e);
    bc_buf_free(&entry);
    assert_int_equal(bc_review_log_entry(f->s, 9999, &entry, &err), BC_ENOTFOUND);
    bc_buf_free(&entry);
    /* a meeting: a new ordinal links it to the curated meeting of that number */
    assert_int_equal(decide(f->s, BC_REVIEW_MEETING, f->meeting, BC_REVIEW_EDIT,
                            "{\"ordinal\":11,\"date\":\"2026-03\"}", "bob", &r, &err),
                     0);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM meetings WHERE id = '%s' AND same_as = 'jwg-yunnan-11' AND "
             "date = '2026-03' AND date_precision = 'month' AND date_end = '2026-03-31'",
             f->meeting);
    assert_int_equal(count(f->s, sql), 1);
}

static void the_log_is_append_only_and_filtered(void **state)
{
    fixture *f = *state;
    bc_err err;
    assert_int_equal(bc_store_exec(f->s, "DELETE FROM review_log", &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "append-only"));
    assert_int_equal(bc_store_exec(f->s, "UPDATE review_log SET reviewer = 'mallory'", &err),
                     BC_ESTORE);
    bc_review_log_query all = {-1, NULL, NULL, NULL, 500, 0};
    bc_buf items = BC_BUF_INIT;
    size_t n;
    long long total;
    assert_int_equal(bc_review_log(f->s, &all, &items, &n, &total, &err), 0);
    assert_int_equal(total, count(f->s, "SELECT count(*) FROM review_log"));
    json_t *arr = json_loads(items.data, 0, NULL);
    long long prev = 1LL << 60;
    for (size_t i = 0; i < json_array_size(arr); i++) {
        long long seq = json_integer_value(json_object_get(json_array_get(arr, i), "seq"));
        assert_true(seq < prev); /* newest first */
        prev = seq;
    }
    json_decref(arr);
    bc_buf_reset(&items);
    bc_review_log_query bob = {BC_REVIEW_MEETING, NULL, "bob", "applied", 10, 0};
    assert_int_equal(bc_review_log(f->s, &bob, &items, &n, &total, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 1);
    assert_non_null(strstr(items.data, "\"reviewer\":\"bob\""));
    bc_buf_reset(&items);
    bc_review_log_query orphans = {-1, NULL, NULL, "orphaned", 10, 0};
    assert_int_equal(bc_review_log(f->s, &orphans, &items, &n, &total, &err), 0);
    assert_int_equal(total, 0);
    bc_buf_free(&items);
}

/* ---- rebuilds ------------------------------------------------------------------------- */

/* A store with the article ingested and three decisions made. */
static fixture *decided(void)
{
    fixture *f = calloc(1, sizeof *f);
    f->s = fx_store_from(fx_data_dir());
    ingest_into(f->s, f->source);
    find_facts(f);
    bc_review_result r;
    bc_err err;
    assert_int_equal(
        decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_APPROVE, NULL, "alice", &r, &err), 0);
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, f->delegations, BC_REVIEW_EDIT,
                            "{\"value\":598}", "bob", &r, &err),
                     0);
    assert_int_equal(
        decide(f->s, BC_REVIEW_PROJECT, f->gate, BC_REVIEW_REJECT, NULL, "alice", &r, &err), 0);
    assert_int_equal(
        decide(f->s, BC_REVIEW_PROJECT, f->gate, BC_REVIEW_APPROVE, NULL, "bob", &r, &err), 0);
    return f;
}

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kinds_and_actions_parse),
        cmocka_unit_test_setup_teardown(the_queue_is_in_reading_order_with_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(approve_reject_and_their_states, setup, teardown),
        cmocka_unit_test_setup_teardown(rejected_facts_leave_the_search_index, setup, teardown),
        cmocka_unit_test_setup_teardown(edits_are_validated_like_data, setup, teardown),
        cmocka_unit_test_setup_teardown(allocation_failures_leave_no_half_decision, setup,
                                        teardown),
        cmocka_unit_test(the_queue_follows_arrival_order),
    };
    const struct CMUnitTest sequence[] = {
        cmocka_unit_test(an_edit_records_what_changed),
        cmocka_unit_test(the_log_is_append_only_and_filtered),
    };
    const struct CMUnitTest rebuilds[] = {
        cmocka_unit_test(a_rebuild_keeps_every_decision),
        cmocka_unit_test(a_decision_whose_fact_changed_is_orphaned_never_moved),
        cmocka_unit_test(a_renumbered_fact_keeps_its_decision),
        cmocka_unit_test(a_store_from_before_reviews_has_nothing_to_carry),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    failed += cmocka_run_group_tests(sequence, setup, teardown);
    failed += cmocka_run_group_tests(rebuilds, NULL, NULL);
    return failed;
}
