/* test_review_edit.c: an edit's corrected fields (review_edit.c): every field type
 * validated as the loader validates data/, with the field named and nothing written on
 * failure; what an edit changes and how the log records it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/review.h"

#include "fixture.h"
#include "review_fixture.h"

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
               "allowed: about, exact, expected, nearly, over, range_high, range_low, under");
    /* a change's qualifier is of the same vocabulary, listed whole */
    edit_fails(f->s, F, d, "{\"change\":{\"pct\":5,\"qualifier\":\"roughly\"}}",
               "fields.change.qualifier",
               "allowed: about, exact, expected, nearly, over, range_high, range_low, under");
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

/* An amount of money is in any currency (a Chinese article's yuan, a Vietnamese one's
 * dong): its other fields can be corrected, and its unit set to another currency, but
 * never to a unit that is no money. */
static void money_is_edited_in_any_currency(void **state)
{
    fixture *f = *state;
    bc_review_result r;
    bc_err err;
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_EDIT,
                            "{\"unit\":\"CNY\"}", "alice", &r, &err),
                     0);
    if (decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_EDIT,
               "{\"value\":8200000000,\"note\":\"8.2 in the body\"}", "alice", &r, &err) != 0)
        fail_msg("%s", err.msg);
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figures WHERE id = '%s' AND unit = 'CNY' AND value = 8200000000",
             f->turnover);
    assert_int_equal(count(f->s, sql), 1);
    edit_fails(f->s, BC_REVIEW_FIGURE, f->turnover, "{\"unit\":\"people\"}", "fields.unit",
               "does not match metric 'trade_turnover'");
    edit_fails(f->s, BC_REVIEW_FIGURE, f->delegations, "{\"unit\":\"VND\"}", "fields.unit",
               "does not match metric");
    /* an amount of money is at least a cent (outside attack 2, finding 8: 1e-07 USD was
     * stored), whichever field makes it so */
    edit_fails(f->s, BC_REVIEW_FIGURE, f->turnover, "{\"value\":1e-07}", "fields.value",
               "not an amount of money");
    edit_fails(f->s, BC_REVIEW_FIGURE, f->turnover, "{\"value\":0.009,\"unit\":\"USD\"}",
               "fields.value", "at least 0.01");
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_EDIT, "{\"value\":0.01}",
                            "alice", &r, &err),
                     0);
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
    /* its note says what the reviewer set since it was read (the figure's note, edited
     * itself, was not added to) */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM meetings WHERE id = '%s' AND note LIKE '%%A reviewer set "
             "ordinal, date after this was read%%'",
             f->meeting);
    assert_int_equal(count(f->s, sql), 1);
}

/* The remaining validators: dates and periods within the years, ids that are ids, and
 * optional fields cleared with null while required ones are not. */
static void each_field_type_refuses_what_it_must(void **state)
{
    fixture *f = *state;
    const char *d = f->delegations, *m = f->meeting, *g = f->gate;
    bc_review_kind F = BC_REVIEW_FIGURE, M = BC_REVIEW_MEETING, P = BC_REVIEW_PROJECT;
    edit_fails(f->s, M, m, "{\"date\":\"1899-12-31\"}", "fields.date", "year 1899 is outside");
    edit_fails(f->s, M, m, "{\"date\":2026}", "fields.date", "must be a string");
    edit_fails(f->s, F, d, "{\"period\":\"2099/2101\"}", "fields.period",
               "reaches outside the years 1900..2100");
    edit_fails(f->s, M, m, "{\"mechanism\":\"Not An Id\"}", "fields.mechanism", "is not an id");
    edit_fails(f->s, F, d, "{\"parties\":\"lao-cai\"}", "fields.parties", "array");
    edit_fails(f->s, F, d, "{\"parties\":[\"lao-cai\",7]}", "fields.parties[1]", "string");
    edit_fails(f->s, F, d, "{\"change\":[5]}", "fields.change", "must be an object");
    edit_fails(f->s, F, d, "{\"change\":{\"pct\":5,\"basis\":\"\"}}", "fields.change.basis",
               "empty");
    edit_fails(f->s, M, m, "{\"status\":null}", "fields.status", "required");
    edit_fails(f->s, P, g, "{\"name\":\"two\\nlines\"}", "fields.name", "one line");
    /* bidirectional overrides and zero-width characters reorder or hide text in a CSV or
     * HTML view (outside attack 2, finding 8): refused like control characters */
    edit_fails(f->s, F, d, "{\"description\":\"a\\u202eb\\u200bc\"}", "fields.description",
               "invisible formatting character");
    edit_fails(f->s, P, g, "{\"name\":\"Muong Khuong\\u2066 gate\"}", "fields.name",
               "at offset 12");
    edit_fails(f->s, M, m, "{\"place\":\"\\ufeffLao Cai\"}", "fields.place", "U+FEFF");
    /* the line and paragraph separators are named (outsider 8, L1) */
    edit_fails(f->s, M, m, "{\"place\":\"Lao\\u2028Cai\"}", "fields.place",
               "U+2028, a line separator");
    edit_fails(f->s, F, d, "{\"description\":\"a\\u2029b\"}", "fields.description",
               "U+2029, a paragraph separator");
    /* a project event's description is required: null is a 400 naming it, not a store
     * error (outside attack 2, finding 8) */
    static const char crossing[] = "Quang Ninh border trade\n\nOn March 17, more than 900 "
                                   "trucks a day crossed the Mong Cai - Dongxing border gate "
                                   "pair, officials said.\n";
    bc_ingest_input in = {.text = crossing,
                          .len = sizeof crossing - 1,
                          .lang = "en",
                          .published_on = "2026-03-19",
                          .actor = "ingest-ian"};
    bc_ingest_result ir;
    bc_err ierr;
    assert_int_equal(bc_ingest(f->s, &in, &ir, &ierr), 0);
    char pe[200];
    first_id(f->s, "SELECT id FROM project_events WHERE curation = 'extracted'", pe, sizeof pe);
    edit_fails(f->s, BC_REVIEW_PROJECT_EVENT, pe, "{\"description\":null}", "fields.description",
               "is required");
    /* a note may run over lines, and null clears it */
    bc_review_result r;
    bc_err err;
    assert_int_equal(
        decide(f->s, F, d, BC_REVIEW_EDIT, "{\"note\":\"first\\nsecond\"}", "alice", &r, &err), 0);
    assert_int_equal(decide(f->s, F, d, BC_REVIEW_EDIT, "{\"note\":null}", "alice", &r, &err), 0);
    char sql[300];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM figures WHERE id = '%s' AND note IS NULL", d);
    assert_int_equal(count(f->s, sql), 1);
}

/* An event's parties are corrected like a figure's (outsider 9, F3: talks recalled next
 * to a mechanism took its five provinces, and the edit was refused, "a event has no field
 * 'parties'"): they replace its organisations that are provinces, its title made from
 * them names the new ones, and approving it drops the "(extracted)" mark (F10). */
static void an_events_parties_are_corrected(void **state)
{
    fixture *f = *state;
    static const char talks[] = "Lao Cai talks\n\nOn March 17, 2026, leaders of Lao Cai, Lai "
                                "Chau and Yunnan held talks in Lao Cai on border trade.\n";
    bc_ingest_input in = {.text = talks,
                          .len = sizeof talks - 1,
                          .lang = "en",
                          .published_on = "2026-03-19",
                          .actor = "ingest-ian"};
    bc_ingest_result ir;
    bc_err err;
    assert_int_equal(bc_ingest(f->s, &in, &ir, &err), 0);
    char ev[200], sql[400];
    first_id(f->s, "SELECT id FROM coop_events WHERE curation = 'extracted'", ev, sizeof ev);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM coop_events WHERE id = '%s' AND title = 'Talks of Lao Cai, "
             "Lai Chau and Yunnan (extracted)'",
             ev);
    assert_int_equal(count(f->s, sql), 1);
    bc_review_kind E = BC_REVIEW_EVENT;
    edit_fails(f->s, E, ev, "{\"colour\":1}", "fields.colour", "an event has no field 'colour'");
    edit_fails(f->s, E, ev, "{}", "fields",
               "an event has: kind, title, status, date, place, parties");
    edit_fails(f->s, E, ev, "{\"parties\":[]}", "fields.parties", "1 to 12");
    edit_fails(f->s, E, ev, "{\"parties\":null}", "fields.parties", "required");
    edit_fails(f->s, E, ev, "{\"parties\":[\"lao-cai\",\"atlantis\"]}", "fields.parties[1]",
               "no province");
    edit_fails(f->s, E, ev, "{\"parties\":[\"yunnan\",\"yunnan\"]}", "fields.parties[1]", "twice");
    edit_fails(f->s, E, ev, "{\"parties\":[\"lao-cai\",\"lai-chau\",\"yunnan\"]}", "fields",
               "nothing to correct");
    bc_review_result r;
    if (decide(f->s, E, ev, BC_REVIEW_EDIT, "{\"parties\":[\"lao-cai\",\"yunnan\"]}", "alice", &r,
               &err) != 0)
        fail_msg("%s", err.msg);
    snprintf(sql, sizeof sql,
             "SELECT group_concat(province_id || ':' || seq, ',') FROM (SELECT * FROM "
             "coop_event_organisations WHERE event_id = '%s' ORDER BY seq)",
             ev);
    char got[200];
    first_id(f->s, sql, got, sizeof got);
    assert_string_equal(got, "lao-cai:1,yunnan:2");
    /* reviewed: the title names the corrected parties and lost its mark */
    snprintf(sql, sizeof sql, "SELECT title FROM coop_events WHERE id = '%s'", ev);
    first_id(f->s, sql, got, sizeof got);
    assert_string_equal(got, "Talks of Lao Cai and Yunnan");
    bc_buf entry = BC_BUF_INIT;
    assert_int_equal(bc_review_log_entry(f->s, r.seq, &entry, &err), 0);
    assert_non_null(
        strstr(entry.data, "\"parties\":{\"from\":[\"lao-cai\",\"lai-chau\",\"yunnan\"]"));
    bc_buf_free(&entry);
    /* a title the reviewer wrote is left as written */
    assert_int_equal(decide(f->s, E, ev, BC_REVIEW_EDIT,
                            "{\"title\":\"Lao Cai - Yunnan talks\",\"parties\":[\"yunnan\"]}",
                            "alice", &r, &err),
                     0);
    first_id(f->s, sql, got, sizeof got);
    assert_string_equal(got, "Lao Cai - Yunnan talks");
}

/* A meeting's title made from its number and body names the corrected ones; one a
 * reviewer wrote is left (analyst 13 #14: "Meeting 13 of ..." of a meeting edited to 14). */
static void a_meetings_title_follows_its_number(void **state)
{
    fixture *f = *state;
    bc_review_kind M = BC_REVIEW_MEETING;
    char sql[400], got[400];
    snprintf(sql, sizeof sql, "SELECT title FROM meetings WHERE id = '%s'", f->meeting);
    first_id(f->s, sql, got, sizeof got);
    assert_string_equal(got, "Meeting 12 of the Joint Working Group of Lao Cai, Lai Chau, Tuyen "
                             "Quang, Dien Bien and Yunnan (extracted)");
    bc_review_result r;
    bc_err err;
    /* a date corrected: the title has no date, it stays */
    if (decide(f->s, M, f->meeting, BC_REVIEW_EDIT, "{\"date\":\"2026-03-19\"}", "alice", &r,
               &err) != 0)
        fail_msg("%s", err.msg);
    first_id(f->s, sql, got, sizeof got);
    assert_string_equal(got, "Meeting 12 of the Joint Working Group of Lao Cai, Lai Chau, Tuyen "
                             "Quang, Dien Bien and Yunnan");
    if (decide(f->s, M, f->meeting, BC_REVIEW_EDIT, "{\"ordinal\":14}", "alice", &r, &err) != 0)
        fail_msg("%s", err.msg);
    first_id(f->s, sql, got, sizeof got);
    assert_string_equal(got, "Meeting 14 of the Joint Working Group of Lao Cai, Lai Chau, Tuyen "
                             "Quang, Dien Bien and Yunnan");
    /* another body: its name and its members */
    if (decide(f->s, M, f->meeting, BC_REVIEW_EDIT,
               "{\"mechanism\":\"jwc-guangxi\",\"host\":\"lang-son\",\"ordinal\":16}", "alice", &r,
               &err) != 0)
        fail_msg("%s", err.msg);
    first_id(f->s, sql, got, sizeof got);
    assert_string_equal(got, "Meeting 16 of the Joint Working Committee of Cao Bang, Ha Giang, "
                             "Lang Son, Quang Ninh and Guangxi Zhuang Autonomous Region");
    /* a title the reviewer wrote, in the same edit or before, is left as written */
    if (decide(f->s, M, f->meeting, BC_REVIEW_EDIT,
               "{\"title\":\"The committee's sixteenth session\",\"ordinal\":15}", "alice", &r,
               &err) != 0)
        fail_msg("%s", err.msg);
    if (decide(f->s, M, f->meeting, BC_REVIEW_EDIT, "{\"ordinal\":16}", "alice", &r, &err) != 0)
        fail_msg("%s", err.msg);
    first_id(f->s, sql, got, sizeof got);
    assert_string_equal(got, "The committee's sixteenth session");
}

/* What each kind lets an edit correct, as the messages list it. */
static void editable_fields_per_kind(void **state)
{
    (void)state;
    assert_non_null(strstr(bc_review_editable(BC_REVIEW_FIGURE), "value"));
    assert_non_null(strstr(bc_review_editable(BC_REVIEW_MEETING), "ordinal"));
    assert_non_null(strstr(bc_review_editable(BC_REVIEW_PROJECT), "vn_side"));
    assert_non_null(strstr(bc_review_editable(BC_REVIEW_EVENT), "parties"));
    assert_string_equal(bc_review_editable((bc_review_kind)99), "");
}

/* A meeting's host is a member of its mechanism, or the province a member became part of
 * (review_meeting.c; outsider 13, F13: Tuyen Quang, which took in Ha Giang, a member of
 * the Guangxi committee, was refused as its host); a province of no member is not. */
static void a_province_a_member_became_part_of_may_host(void **state)
{
    fixture *f = *state;
    bc_review_result r;
    bc_err err;
    assert_int_equal(decide(f->s, BC_REVIEW_MEETING, f->meeting, BC_REVIEW_EDIT,
                            "{\"mechanism\":\"jwc-guangxi\",\"host\":\"lao-cai\"}", "alice", &r,
                            &err),
                     BC_EINVAL);
    assert_string_equal(r.field, "fields.host");
    assert_int_equal(decide(f->s, BC_REVIEW_MEETING, f->meeting, BC_REVIEW_EDIT,
                            "{\"mechanism\":\"jwc-guangxi\",\"host\":\"tuyen-quang\"}", "alice", &r,
                            &err),
                     0);
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM meetings WHERE id = '%s' AND host_province_id = "
             "'tuyen-quang' AND mechanism_id = 'jwc-guangxi'",
             f->meeting);
    assert_int_equal(count(f->s, sql), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(editable_fields_per_kind),
        cmocka_unit_test_setup_teardown(edits_are_validated_like_data, setup, teardown),
        cmocka_unit_test_setup_teardown(each_field_type_refuses_what_it_must, setup, teardown),
        cmocka_unit_test_setup_teardown(an_edit_records_what_changed, setup, teardown),
        cmocka_unit_test_setup_teardown(money_is_edited_in_any_currency, setup, teardown),
        cmocka_unit_test_setup_teardown(an_events_parties_are_corrected, setup, teardown),
        cmocka_unit_test_setup_teardown(a_meetings_title_follows_its_number, setup, teardown),
        cmocka_unit_test_setup_teardown(a_province_a_member_became_part_of_may_host, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("review_edit", tests, NULL, NULL);
}
