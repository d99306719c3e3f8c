/* test_check.c: the integrity report finds tampered quotes, unsourced facts and
 * dangling references, and is clean on the real data. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/check.h"

#include "fixture.h"

static int report(bc_store *s, bc_buf *out)
{
    int problems = -1;
    bc_err err;
    bc_buf_reset(out);
    assert_int_equal(bc_check_report(s, out, &problems, &err), 0);
    return problems;
}

static void clean_on_real_data(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    assert_int_equal(report(s, &out), 0);
    assert_non_null(strstr(out.data, " 0 unverifiable"));
    assert_non_null(strstr(out.data, "yunnan-four-provinces-delegations-548"));
    assert_non_null(strstr(out.data, "dangling references: 0"));
    assert_non_null(strstr(out.data, "laichau-jwg-11-sv"));
    bc_buf_free(&out);
    bc_store_close(s);
}

static void finds_tampering(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    bc_err err;
    /* a quote whose offsets no longer point at its words */
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE citations SET quote_start = quote_start + 1, "
                                   "quote_end = quote_end + 1 WHERE id = 1",
                                   &err),
                     0);
    assert_int_equal(report(s, &out), 1);
    assert_non_null(strstr(out.data, "1 unverifiable"));
    /* a fact with no source */
    assert_int_equal(bc_store_exec(s,
                                   "INSERT INTO meetings (id, mechanism_id, title, status) "
                                   "VALUES ('ghost', 'jwg-yunnan', 'Ghost', 'held')",
                                   &err),
                     0);
    /* ... which is also a status no quote supports */
    assert_int_equal(report(s, &out), 3);
    assert_non_null(strstr(out.data, "1 without a source"));
    assert_non_null(strstr(out.data, "meeting ghost: 'held'   <- no quote supports this status"));
    /* a dangling reference (foreign keys off to plant it) */
    assert_int_equal(bc_store_exec(s,
                                   "PRAGMA foreign_keys = OFF; UPDATE people SET province_id "
                                   "= 'atlantis' WHERE id = 'liu-yong'; PRAGMA foreign_keys = ON",
                                   &err),
                     0);
    /* (its quote names no such province either: a claim without a basis) */
    assert_int_equal(report(s, &out), 5);
    assert_non_null(strstr(out.data, "dangling reference: people"));
    assert_non_null(strstr(out.data, "person liu-yong: province   <- a quote that states it "
                                     "does not name 'atlantis'"));
    bc_buf_free(&out);
    bc_store_close(s);
}

/* every inferred field, every outside-knowledge statement and every status is reported;
 * an unmarked one is a problem */
static void reports_what_the_text_does_not_state(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    bc_err err;
    assert_int_equal(report(s, &out), 0);
    assert_non_null(
        strstr(out.data, "meeting conference-yunnan-5: [\"date.year\",\"host\"] (Inferred"));
    assert_non_null(strstr(out.data, ", 0 without a reason"));
    assert_non_null(strstr(out.data, "project lao-cai-hekou-railway-bridge: 'unknown' (unknown)"));
    assert_non_null(strstr(out.data, ", 0 without support"));
    assert_non_null(strstr(out.data,
                           "protocol vietnam-china-land-border-legal-documents: The three "
                           "legal documents"));
    assert_non_null(strstr(out.data, "; 0 unmarked name(s)"));
    /* a status whose supporting quote is gone */
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE citations SET supports = '[]' WHERE protocol_id = "
                                   "'quang-ninh-guangxi-tourism-agreement'",
                                   &err),
                     0);
    /* ... and with it the quote that states its kind and its parties */
    assert_int_equal(report(s, &out), 3);
    assert_non_null(strstr(out.data, "protocol quang-ninh-guangxi-tourism-agreement: 'signed'   <- "
                                     "no quote supports this status"));
    assert_non_null(strstr(out.data, "protocol quang-ninh-guangxi-tourism-agreement: kind   <- no "
                                     "quote states it and it is not inferred"));
    /* an inferred field without its reason */
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE figures SET note = NULL WHERE id = "
                                   "'yunnan-four-provinces-delegations-500'",
                                   &err),
                     0);
    assert_int_equal(report(s, &out), 4);
    assert_non_null(strstr(out.data, "figure yunnan-four-provinces-delegations-500: "
                                     "[\"period\",\"parties\"]   <- no note gives the reason"));
    /* a name in another script that no background statement covers */
    assert_int_equal(
        bc_store_exec(s, "UPDATE provinces SET background = '[]' WHERE id = 'yunnan'", &err), 0);
    assert_int_equal(report(s, &out), 6);
    assert_non_null(strstr(out.data, "province yunnan: 'name_vi' is not in any article"));
    bc_buf_free(&out);
    bc_store_close(s);
}

/* Finding 10: the report and /v1/stats count every kind of fact, alike; the citations
 * of the report's table add up to every citation. */
static void counts_agree_with_the_summary(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    assert_int_equal(report(s, &out), 0);
    long fields = -1, facts = -1;
    const char *line = strstr(out.data, " field(s) on ");
    assert_non_null(line);
    while (line > out.data && line[-1] != '\n')
        line--;
    assert_int_equal(sscanf(line, " %ld field(s) on %ld fact(s)", &fields, &facts), 2);
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(s,
                                   "SELECT json_extract(doc, '$.counts.inferred_fields'), "
                                   "json_extract(doc, '$.counts.inferred_facts'), "
                                   "json_extract(doc, '$.counts.citations'), "
                                   "(SELECT count(*) FROM citations) FROM v_stats "
                                   "WHERE curation = 'trusted'",
                                   &st, &err),
                     0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int64(st, 0), fields);
    assert_int_equal(sqlite3_column_int64(st, 1), facts);
    long citations = (long)sqlite3_column_int64(st, 3);
    assert_int_equal(sqlite3_column_int64(st, 2), citations);
    sqlite3_reset(st);
    /* project events, mechanisms, events and the parts of facts are counted too */
    assert_non_null(strstr(out.data, "project event lao-cai-hekou-railway-bridge-e1: "));
    assert_non_null(strstr(out.data, "mechanism spring-meeting-guangxi: "));
    assert_non_null(strstr(out.data, "event lai-chau-hong-ha-border-inspection-2024: "));
    assert_non_null(strstr(out.data, "decision jwg-yunnan-11#10: [\"speaker\"]"));
    char all[64];
    snprintf(all, sizeof all, "%9ld\n", citations);
    assert_non_null(strstr(strstr(out.data, "\n  all "), all));
    /* a citation of a fact the table would not list is a problem */
    assert_int_equal(bc_store_exec(s,
                                   "PRAGMA ignore_check_constraints = ON; UPDATE citations SET "
                                   "mechanism_id = NULL WHERE id = (SELECT min(id) FROM "
                                   "citations WHERE mechanism_id IS NOT NULL); "
                                   "PRAGMA ignore_check_constraints = OFF",
                                   &err),
                     0);
    assert_true(report(s, &out) >= 1);
    assert_non_null(strstr(out.data, "   <- 1 citation(s) support no fact listed here"));
    bc_buf_free(&out);
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_on_real_data),
        cmocka_unit_test(counts_agree_with_the_summary),
        cmocka_unit_test(finds_tampering),
        cmocka_unit_test(reports_what_the_text_does_not_state),
    };
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
