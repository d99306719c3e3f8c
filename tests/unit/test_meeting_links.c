/* test_meeting_links.c: a decision's meeting group linked again (meeting_links.c): every
 * member of a numbered group the same as its head, an unnumbered one the same as the one
 * known meeting its date fits, a rejected one and another mechanism's left alone; and the
 * group read in one walk, however many members it has (a row at a growing OFFSET per
 * member read it again from its start: quadratic in the group). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/meeting_links.h"

#include "fixture.h"

#define MEMBERS_READ "SELECT id FROM meetings WHERE mechanism_id = ?1"

/* Counts the statements started that read a group's members. */
static int trace_members(unsigned kind, void *arg, void *p, void *x)
{
    (void)p;
    if (kind == SQLITE_TRACE_STMT && x != NULL &&
        strncmp(x, MEMBERS_READ, strlen(MEMBERS_READ)) == 0)
        (*(int *)arg)++;
    return 0;
}

/* Adds n extracted meetings of jwg-yunnan named <prefix>-01.. with ordinal (0: none),
 * date and curation. */
static void add_meetings(bc_store *s, const char *prefix, int n, int ordinal, const char *date,
                         const char *curation)
{
    for (int i = 1; i <= n; i++) {
        char sql[400];
        snprintf(sql, sizeof sql,
                 "INSERT INTO meetings (id, mechanism_id, ordinal, title, date, date_start, "
                 "date_end, status, curation) VALUES ('%s-%02d', 'jwg-yunnan', %s, 'A meeting "
                 "read for the test', '%s', '%s', '%s', 'held', '%s')",
                 prefix, i, ordinal ? "11" : "NULL", date, date, date, curation);
        bc_err err;
        assert_int_equal(bc_store_exec(s, sql, &err), 0);
    }
}

static void a_group_is_linked_again_in_one_walk(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    add_meetings(s, "numbered", 40, 11, "2025-10-30", "extracted");
    add_meetings(s, "unnumbered", 12, 0, "2025-10-30", "extracted");
    add_meetings(s, "refused", 1, 0, "2025-10-30", "rejected");
    int reads = 0;
    sqlite3_trace_v2(bc_store_db(s), SQLITE_TRACE_STMT, trace_members, &reads);
    bc_err err;
    char *changed = NULL;
    /* a numbered group: every member is the same as the curated eleventh meeting */
    assert_int_equal(bc_meeting_links_refresh(s, "numbered-07", &changed, &err), 0);
    assert_int_equal(reads, 1);
    assert_int_equal(fx_count(s, "SELECT count(*) FROM meetings WHERE id LIKE 'numbered-%' AND "
                                 "same_as = 'jwg-yunnan-11'"),
                     40);
    assert_non_null(changed);
    assert_non_null(strstr(changed, "\"numbered-40\""));
    assert_null(strstr(changed, "\"numbered-07\"")); /* the one decided is not listed */
    bc_free(changed);
    /* the unnumbered members: the one known meeting their date fits; not the rejected one */
    reads = 0;
    if (bc_meeting_links_refresh(s, "unnumbered-03", NULL, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(reads, 1);
    assert_int_equal(fx_count(s, "SELECT count(*) FROM meetings WHERE id LIKE 'unnumbered-%' AND "
                                 "same_as = 'jwg-yunnan-11'"),
                     12);
    assert_int_equal(
        fx_count(s, "SELECT count(*) FROM meetings WHERE id = 'refused-01' AND same_as IS NULL"),
        1);
    /* another mechanism's meeting of the same day is no member */
    assert_int_equal(fx_count(s, "SELECT count(*) FROM meetings WHERE mechanism_id <> 'jwg-yunnan' "
                                 "AND same_as LIKE 'jwg-yunnan%'"),
                     0);
    sqlite3_trace_v2(bc_store_db(s), 0, NULL, NULL);
    bc_store_close(s);
}

/* Inserts meeting id of jwg-yunnan, number 12, held on date (a day) in host, curation. */
static void add_twelfth(bc_store *s, const char *id, const char *date, const char *host,
                        const char *curation)
{
    char sql[500];
    snprintf(sql, sizeof sql,
             "INSERT INTO meetings (id, mechanism_id, ordinal, title, date, date_start, date_end, "
             "status, curation, host_province_id) VALUES ('%s', 'jwg-yunnan', 12, 'An account "
             "of the twelfth meeting', '%s', '%s', '%s', 'held', '%s', '%s')",
             id, date, date, date, curation, host);
    bc_err err;
    assert_int_equal(bc_store_exec(s, sql, &err), 0);
}

/* The fields of the conflict of a with b, or "none". */
static void expect_conflict(bc_store *s, const char *a, const char *b, const char *want)
{
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM meeting_conflicts WHERE meeting_id = '%s' AND other_id = '%s'"
             " AND fields = '%s'",
             a, b, want);
    int n = fx_count(s, sql);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM meeting_conflicts WHERE meeting_id = '%s' AND other_id = '%s'",
             a, b);
    if (strcmp(want, "none") == 0 ? fx_count(s, sql) != 0 : n != 1)
        fail_msg("conflict of %s with %s: want %s", a, b, want);
}

/* Two approved accounts of one numbered meeting that give other days or hosts conflict
 * with each other, both ways, beside the known meeting they are the same as; an account
 * still extracted conflicts with each approved one it contradicts; accounts that agree, a
 * rejected one and two extracted ones are never compared (analyst 13 #10). */
static void reviewed_accounts_of_a_number_are_compared(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    add_twelfth(s, "kunming-account", "2026-10-22", "yunnan", "reviewed");
    add_twelfth(s, "hekou-account", "2026-11-24", "yunnan", "reviewed");
    add_twelfth(s, "laocai-account", "2026-10-22", "lao-cai", "reviewed");
    add_twelfth(s, "same-day-account", "2026-10-22", "yunnan", "reviewed");
    add_twelfth(s, "unread-account", "2026-11-24", "yunnan", "extracted");
    add_twelfth(s, "other-unread", "2026-10-22", "yunnan", "extracted");
    add_twelfth(s, "refused-account", "2025-01-01", "yunnan", "rejected");
    bc_err err;
    if (bc_meeting_links_refresh(s, "kunming-account", NULL, &err) != 0)
        fail_msg("%s", err.msg);
    /* every member is the same as the curated twelfth meeting, compared with it */
    expect_conflict(s, "kunming-account", "jwg-yunnan-12", "[\"status\"]");
    expect_conflict(s, "kunming-account", "hekou-account", "[\"date\"]");
    expect_conflict(s, "hekou-account", "kunming-account", "[\"date\"]");
    expect_conflict(s, "kunming-account", "laocai-account", "[\"host\"]");
    expect_conflict(s, "laocai-account", "hekou-account", "[\"date\",\"host\"]");
    expect_conflict(s, "unread-account", "kunming-account", "[\"date\"]");
    /* what agrees, what is not approved, what is rejected: no conflict */
    expect_conflict(s, "kunming-account", "same-day-account", "none");
    expect_conflict(s, "unread-account", "hekou-account", "none");
    expect_conflict(s, "kunming-account", "unread-account", "none");
    expect_conflict(s, "unread-account", "other-unread", "none");
    expect_conflict(s, "kunming-account", "refused-account", "none");
    expect_conflict(s, "refused-account", "kunming-account", "none");
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_group_is_linked_again_in_one_walk),
        cmocka_unit_test(reviewed_accounts_of_a_number_are_compared),
    };
    return cmocka_run_group_tests_name("meeting_links", tests, NULL, NULL);
}
