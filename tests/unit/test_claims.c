/* test_claims.c: every stated field has a quote that states it (naming the provinces and
 * the year it states) or is marked inferred; each defect the fact-checker found in the
 * data is one that this report finds when it is put back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/claims.h"

#include "fixture.h"

/* The report of s; returns its number of claims without a basis. */
static long claims(bc_store *s, bc_buf *out)
{
    bc_claims_tally t = {-1, -1, -1};
    bc_err err;
    bc_buf_reset(out);
    assert_int_equal(bc_claims_report(s, out, &t, &err), 0);
    assert_true(t.quoted >= 0 && t.inferred >= 0);
    return t.problems;
}

static void exec(bc_store *s, const char *sql)
{
    bc_err err;
    if (bc_store_exec(s, sql, &err) != 0)
        fail_msg("%s: %s", sql, err.msg);
}

static void has(const bc_buf *out, const char *line)
{
    if (strstr(out->data, line) == NULL)
        fail_msg("the report has no line\n  %s\n%s", line, out->data);
}

static void clean_on_real_data(void **state)
{
    (void)state;
    bc_buf out = BC_BUF_INIT;
    assert_int_equal(claims(fx_group_store(), &out), 0);
    has(&out, ", 0 without a quote that states them");
    bc_buf_free(&out);
}

/* Finding 1: the 11th meeting's date and place rested on a sentence that states neither. */
static void a_date_and_place_need_the_sentence_that_states_them(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    exec(s, "DELETE FROM citations WHERE meeting_id = 'jwg-yunnan-11' AND quote LIKE 'Rano%'");
    exec(s, "UPDATE citations SET supports = '[\"status\",\"place\"]' WHERE meeting_id = "
            "'jwg-yunnan-11' AND quote LIKE 'W ramach%'");
    /* the month, the day, the provinces, and a place its quote does not name */
    assert_int_equal(claims(s, &out), 4);
    has(&out, "meeting jwg-yunnan-11: date.month   <- no quote states it and it is not inferred");
    has(&out, "meeting jwg-yunnan-11: date.day   <- no quote states it and it is not inferred");
    has(&out, "meeting jwg-yunnan-11: place   <- a quote that states it does not name 'lai-chau'");
    has(&out, "meeting jwg-yunnan-11: provinces   <- no quote states it and it is not inferred");
    bc_buf_free(&out);
    bc_store_close(s);
}

/* Findings 2 and 3: a planned meeting's place and provinces that no article states. */
static void a_planned_meetings_place_and_provinces(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    exec(s, "UPDATE meetings SET inferred = '[]' WHERE id = 'conference-yunnan-6'");
    exec(s, "UPDATE meetings SET inferred = '[\"host\"]' WHERE id = 'jwg-yunnan-12'");
    assert_int_equal(claims(s, &out), 3);
    has(&out, "meeting conference-yunnan-6: place   <- no quote states it");
    has(&out, "meeting conference-yunnan-6: provinces   <- no quote states it");
    has(&out, "meeting jwg-yunnan-12: provinces   <- no quote states it");
    bc_buf_free(&out);
    bc_store_close(s);
}

/* Finding 4: parties no quote names; and a quote marked as naming them that does not. */
static void parties_are_named_or_inferred(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    exec(s, "UPDATE figures SET inferred = '[]' WHERE id = 'tuyen-quang-yunnan-trade-2024'");
    exec(s, "UPDATE figures SET inferred = '[\"period\"]' WHERE id = "
            "'yunnan-four-provinces-delegations-500'");
    exec(s, "UPDATE citations SET supports = '[\"value\",\"parties\"]' WHERE figure_id = "
            "'yunnan-four-provinces-delegations-500'");
    assert_int_equal(claims(s, &out), 2);
    has(&out, "figure tuyen-quang-yunnan-trade-2024: parties   <- no quote states it");
    /* the sentence names Yunnan and "the border provinces of Vietnam", none of the four */
    has(&out, "figure yunnan-four-provinces-delegations-500: parties   <- a quote that states "
              "it does not name 'dien-bien'");
    bc_buf_free(&out);
    bc_store_close(s);
}

/* Finding 5: a protocol's parties are its organisations' provinces, stated or inferred. */
static void protocol_parties_follow_the_organisations(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    exec(
        s,
        "UPDATE protocols SET inferred = '[]' WHERE id = 'yunnan-sugarcane-cooperation-agreement'");
    assert_int_equal(claims(s, &out), 1);
    has(&out, "protocol yunnan-sugarcane-cooperation-agreement: parties   <- no quote states it");
    bc_buf_free(&out);
    bc_store_close(s);
}

/* Finding 8: the kind of a document the articles call minutes and a memorandum. */
static void a_documents_kind(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    exec(s,
         "UPDATE protocols SET inferred = '[\"signed_on\"]' WHERE id = 'jwg-yunnan-11-protocol'");
    exec(s, "UPDATE citations SET supports = '[\"status\",\"meeting\",\"organisations\"]' "
            "WHERE protocol_id = 'jwg-yunnan-11-protocol' AND source_id = 'laichau-jwg-11-sv'");
    assert_int_equal(claims(s, &out), 1);
    has(&out, "protocol jwg-yunnan-11-protocol: kind   <- no quote states it");
    bc_buf_free(&out);
    bc_store_close(s);
}

/* Finding 9: provinces of gates, who made a proposal, the basis of a change. */
static void smaller_inferences(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    exec(s, "UPDATE projects SET inferred = '[\"cn_side\",\"cn_province\"]' WHERE id = "
            "'mong-cai-dongxing-border-gate'");
    exec(s, "UPDATE meeting_decisions SET inferred = '[]' WHERE speaker_id = 'hoang-gia-long'");
    exec(s, "UPDATE figures SET inferred = '[\"parties\"]' WHERE id = "
            "'tuyen-quang-yunnan-trade-2025-9m'");
    exec(s, "UPDATE projects SET inferred = '[]' WHERE id = 'ma-lu-thang-kim-thuy-ha-road-bridge'");
    assert_int_equal(claims(s, &out), 6);
    has(&out, "project mong-cai-dongxing-border-gate: vn_province   <- no quote states it");
    has(&out, "decision jwg-yunnan-11#10: speaker   <- no quote states it");
    has(&out, "decision jwg-yunnan-11#11: speaker   <- no quote states it");
    has(&out, "figure tuyen-quang-yunnan-trade-2025-9m: change.basis   <- no quote states it");
    has(&out, "project ma-lu-thang-kim-thuy-ha-road-bridge: vn_province   <- no quote states it");
    has(&out, "project ma-lu-thang-kim-thuy-ha-road-bridge: cn_province   <- no quote states it");
    bc_buf_free(&out);
    bc_store_close(s);
}

/* A quote that states a year must contain it; one that states a date's day stands for
 * itself, and an inferred parent path ("date") covers its parts. */
static void years_and_paths(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    exec(s, "UPDATE figures SET period = '2023', period_start = '2023-01-01', "
            "period_end = '2023-12-31', year = 2023 WHERE id = 'tuyen-quang-yunnan-trade-2024'");
    exec(s, "UPDATE project_events SET inferred = '[\"date.year\"]' WHERE id = "
            "'lao-cai-hekou-railway-bridge-e1'");
    assert_int_equal(claims(s, &out), 4);
    has(&out, "figure tuyen-quang-yunnan-trade-2024: period.start   <- no quote that states it "
              "has the year 2023");
    has(&out, "figure tuyen-quang-yunnan-trade-2024: period.end   <- no quote that states it "
              "has the year 2023");
    has(&out, "project event lao-cai-hekou-railway-bridge-e1: date.month   <- no quote states it");
    has(&out, "project event lao-cai-hekou-railway-bridge-e1: date.day   <- no quote states it");
    bc_buf_free(&out);
    bc_store_close(s);
}

/* Names count in any language and inflection, at the start of a word only. */
static void names_in_any_language(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    /* "Yunnanprovinsens" (sv) names Yunnan; "Lai Chaus" names Lai Chau */
    assert_int_equal(claims(s, &out), 0);
    /* a province the quote does not name */
    exec(s, "UPDATE people SET province_id = 'yunnan' WHERE id = 'ho-van-vinh'");
    assert_int_equal(claims(s, &out), 1);
    has(&out, "person ho-van-vinh: province   <- a quote that states it does not name 'yunnan'");
    bc_buf_free(&out);
    bc_store_close(s);
}

static void out_of_memory_is_an_error(void **state)
{
    (void)state;
    bc_buf out = BC_BUF_INIT;
    bc_err err;
    bc_claims_tally t;
    int failures = 0;
    for (long n = 0; n < 400; n += 7) {
        bc_buf_reset(&out);
        bc_alloc_fail_after(n);
        int rc = bc_claims_report(fx_group_store(), &out, &t, &err);
        bc_alloc_fail_reset();
        if (rc != 0) {
            assert_int_equal(rc, BC_ENOMEM);
            failures++;
        }
    }
    assert_true(failures > 0);
    bc_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_on_real_data),
        cmocka_unit_test(a_date_and_place_need_the_sentence_that_states_them),
        cmocka_unit_test(a_planned_meetings_place_and_provinces),
        cmocka_unit_test(parties_are_named_or_inferred),
        cmocka_unit_test(protocol_parties_follow_the_organisations),
        cmocka_unit_test(a_documents_kind),
        cmocka_unit_test(smaller_inferences),
        cmocka_unit_test(years_and_paths),
        cmocka_unit_test(names_in_any_language),
        cmocka_unit_test(out_of_memory_is_an_error),
    };
    return cmocka_run_group_tests(tests, fx_group_setup, fx_group_teardown);
}
