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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_group_is_linked_again_in_one_walk),
    };
    return cmocka_run_group_tests_name("meeting_links", tests, NULL, NULL);
}
