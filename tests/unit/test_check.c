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

/* The first column of the first row of sql over s. */
static long one(bc_store *s, const char *sql)
{
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long v = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return v;
}

#define DELEGATIONS "'yunnan-four-provinces-delegations-500'"

/* The tables the province and year facets count from (0045) follow every write of a
 * figure, its curation, category, period and parties, whoever makes it; a row out of step
 * is a problem of the report. */
static void facet_tables_follow_every_write(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_buf out = BC_BUF_INIT;
    bc_err err;
    assert_int_equal(report(s, &out), 0);
    assert_non_null(strstr(out.data, "count tables: 0 figure province row(s), 0 figure year "
                                     "row(s), 0 meeting province row(s) out of step"));
    /* a review decision and a metric of another category */
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE figures SET curation = 'reviewed', metric = "
                                   "'vehicles', category = 'transport' WHERE id = " DELEGATIONS,
                                   &err),
                     0);
    assert_int_equal(one(s,
                         "SELECT count(*) FROM figure_province_facet WHERE figure_id = " DELEGATIONS
                         " AND curation = 'reviewed' AND category = 'transport'"),
                     5);
    /* a period over three calendar years, then none */
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE figures SET period_start = '2019-06-01', period_end "
                                   "= '2021-03-31' WHERE id = " DELEGATIONS,
                                   &err),
                     0);
    assert_int_equal(one(s, "SELECT count(*) FROM figure_year_facet WHERE figure_id = " DELEGATIONS
                            " AND year BETWEEN 2019 AND 2021 AND curation = 'reviewed'"),
                     3);
    assert_int_equal(
        one(s, "SELECT count(*) FROM figure_year_facet WHERE figure_id = " DELEGATIONS), 3);
    assert_int_equal(report(s, &out), 0);
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE figures SET period = NULL, period_start = NULL, "
                                   "period_end = NULL, year = NULL WHERE id = " DELEGATIONS,
                                   &err),
                     0);
    assert_int_equal(one(s, "SELECT year FROM figure_year_facet WHERE figure_id = " DELEGATIONS),
                     0);
    /* every party gone (the null bucket's row), then one back */
    assert_int_equal(
        bc_store_exec(s, "DELETE FROM figure_parties WHERE figure_id = " DELEGATIONS, &err), 0);
    assert_int_equal(one(s,
                         "SELECT count(*) FROM figure_province_facet WHERE figure_id = " DELEGATIONS
                         " AND province_id = ''"),
                     1);
    assert_int_equal(report(s, &out), 0);
    assert_int_equal(bc_store_exec(s,
                                   "INSERT INTO figure_parties (figure_id, province_id, seq) "
                                   "VALUES (" DELEGATIONS ", 'guangxi', 1)",
                                   &err),
                     0);
    assert_int_equal(
        one(s, "SELECT count(*) FROM figure_province_facet WHERE figure_id = " DELEGATIONS), 1);
    assert_int_equal(one(s,
                         "SELECT count(*) FROM figure_province_facet WHERE figure_id = " DELEGATIONS
                         " AND province_id = 'guangxi'"),
                     1);
    assert_int_equal(report(s, &out), 0);
    /* a figure added and one removed (its references first) */
    assert_int_equal(bc_store_exec(s,
                                   "INSERT INTO figures (id, metric, category, value, unit, "
                                   "period_start, period_end, description) VALUES ('fresh', "
                                   "'vehicles', 'transport', 3, 'vehicles', '2023-01-01', "
                                   "'2023-12-31', 'A figure added for the test')",
                                   &err),
                     0);
    assert_int_equal(one(s, "SELECT count(*) FROM figure_year_facet WHERE figure_id = 'fresh' AND "
                            "year = 2023"),
                     1);
    assert_int_equal(one(s, "SELECT count(*) FROM figure_province_facet WHERE figure_id = 'fresh' "
                            "AND province_id = ''"),
                     1);
    assert_int_equal(bc_store_exec(s, "DELETE FROM figures WHERE id = 'fresh'", &err), 0);
    assert_int_equal(one(s, "SELECT (SELECT count(*) FROM figure_year_facet WHERE figure_id = "
                            "'fresh') + (SELECT count(*) FROM figure_province_facet WHERE "
                            "figure_id = 'fresh')"),
                     0);
    assert_int_equal(report(s, &out), 0);
    /* a meeting's curation and provinces, whoever writes them (0046) */
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE meetings SET curation = 'reviewed' WHERE id = "
                                   "'jwg-yunnan-11'; DELETE FROM meeting_provinces WHERE "
                                   "meeting_id = 'jwg-yunnan-11' AND province_id = 'lao-cai'; "
                                   "INSERT INTO meeting_provinces (meeting_id, province_id) "
                                   "VALUES ('jwg-yunnan-11', 'guangxi')",
                                   &err),
                     0);
    assert_int_equal(one(s, "SELECT count(*) FROM meeting_province_facet WHERE meeting_id = "
                            "'jwg-yunnan-11' AND (province_id = 'lao-cai' OR curation <> "
                            "'reviewed')"),
                     0);
    assert_int_equal(one(s, "SELECT count(*) FROM meeting_province_facet WHERE meeting_id = "
                            "'jwg-yunnan-11' AND province_id = 'guangxi'"),
                     1);
    assert_int_equal(report(s, &out), 0);
    /* a row lost behind the triggers' back is reported */
    assert_int_equal(
        bc_store_exec(s, "DELETE FROM figure_year_facet WHERE figure_id = " DELEGATIONS, &err), 0);
    assert_int_equal(report(s, &out), 1);
    assert_non_null(strstr(out.data, "count tables: 0 figure province row(s), 1 figure year "
                                     "row(s), 0 meeting province row(s) out of step"));
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE meeting_province_facet SET curation = 'curated' "
                                   "WHERE meeting_id = 'jwg-yunnan-11'",
                                   &err),
                     0);
    assert_true(report(s, &out) > 1);
    assert_null(strstr(out.data, ", 0 meeting province row(s) out of step"));
    bc_buf_free(&out);
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_on_real_data),
        cmocka_unit_test(counts_agree_with_the_summary),
        cmocka_unit_test(finds_tampering),
        cmocka_unit_test(facet_tables_follow_every_write),
        cmocka_unit_test(reports_what_the_text_does_not_state),
    };
    return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
