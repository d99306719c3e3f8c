/* meeting_links.c: an extracted meeting's `same_as` and its conflicts with the meeting it
 * is, recorded at ingest and linked again after every review decision on a meeting of its
 * mechanism and number, from the curations alone (see meeting_links.h). */
#include "bordercoop/meeting_links.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"

#include <stdio.h>
#include <string.h>

/* Records where the extracted meeting id contradicts the known meeting other it is the
 * same as: its status (planned in an article published before the known meeting was held
 * is older news, not a contradiction; a status the article does not state, marked inferred
 * or unknown, contradicts nothing: "talks ahead of the 17th conference" say nothing of
 * whether it was held, analyst 11 F1 and N6), its date (the spans do not meet) or its host
 * (neither province is the other nor merged into it), with both sides in the note. */
int bc_meeting_conflict_record(bc_store *s, const char *id, const char *other,
                               const char *published_on, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(
        s,
        "SELECT n.status <> o.status AND 'unknown' NOT IN (n.status, o.status) AND NOT "
        "(n.status = 'planned' AND o.status = 'held' AND "
        "?3 IS NOT NULL AND o.date_start IS NOT NULL AND ?3 < o.date_start) AND NOT EXISTS "
        "(SELECT 1 FROM json_each(coalesce(n.inferred, '[]')) WHERE value = 'status'), "
        "n.date_start IS "
        "NOT NULL AND o.date_start IS NOT NULL "
        "AND (n.date_end < o.date_start OR n.date_start > o.date_end), n.host_province_id IS "
        "NOT NULL AND o.host_province_id IS NOT NULL AND n.host_province_id <> "
        "o.host_province_id AND NOT EXISTS (SELECT 1 FROM provinces a, provinces b WHERE a.id "
        "= n.host_province_id AND b.id = o.host_province_id AND (a.merged_into = b.id OR "
        "b.merged_into = a.id)), n.status, o.status, n.date, o.date, n.host_province_id, "
        "o.host_province_id, o.curation FROM meetings n, meetings o WHERE n.id = ?1 AND o.id = "
        "?2",
        &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, other, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, published_on, -1, SQLITE_TRANSIENT);
    bc_buf fields = BC_BUF_INIT, here = BC_BUF_INIT, there = BC_BUF_INIT;
    if (sqlite3_step(st) == SQLITE_ROW) {
        static const char *const NAMES[] = {"status", "date", "host"};
        static const char *const SAY[] = {"%s", "on %s", "hosted by %s"};
        for (int k = 0; k < 3; k++) {
            if (!sqlite3_column_int(st, k))
                continue;
            bc_buf_printf(&fields, "%s\"%s\"", fields.len ? "," : "[", NAMES[k]);
            bc_buf_puts(&here, here.len ? ", " : "");
            bc_buf_printf(&here, SAY[k], (const char *)sqlite3_column_text(st, 3 + 2 * k));
            bc_buf_puts(&there, there.len ? ", " : "");
            bc_buf_printf(&there, SAY[k], (const char *)sqlite3_column_text(st, 4 + 2 * k));
        }
        if (fields.len > 0) {
            bc_buf_puts(&fields, "]");
            bc_buf_printf(&there, " (%s)", (const char *)sqlite3_column_text(st, 9));
        }
    } else {
        rc = bc_store_error(s, err, "comparing a meeting with the one it is");
    }
    sqlite3_reset(st);
    if (rc == BC_OK && (bc_buf_failed(&fields) || bc_buf_failed(&here) || bc_buf_failed(&there)))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    char note[700];
    if (rc == BC_OK && fields.len > 0) {
        snprintf(note, sizeof note,
                 "This article gives it as %s; %s is %s. Neither is taken for the other: one "
                 "of them is out of date or wrong.",
                 here.data, other, there.data);
        rc = bc_store_run(
            s,
            "INSERT INTO meeting_conflicts (meeting_id, other_id, fields, note) "
            "VALUES (?1, ?2, ?3, ?4)",
            BC_BINDS(bc_text(id), bc_text(other), bc_text(fields.data), bc_text(note)), err);
    }
    bc_buf_free(&fields);
    bc_buf_free(&here);
    bc_buf_free(&there);
    return rc;
}

/* The reviewed meetings a meeting ?1 is compared with beside the one it is the same as
 * (?2): the other reviewed accounts of its number, each a statement a person approved,
 * whose date or host may differ from its own (analyst 13 #10: two reviewed accounts of
 * the 12th meeting, in Kunming on 22 October and in Hekou on 24 November, each the same
 * as the curated plan and never compared with each other). */
#define REVIEWED_SQL                                                                               \
    "SELECT o.id FROM meetings m JOIN meetings o ON o.mechanism_id = m.mechanism_id AND "          \
    "o.ordinal = m.ordinal WHERE m.id = ?1 AND o.id <> m.id AND o.id IS NOT ?2 AND o.curation = "  \
    "'reviewed' ORDER BY o.id"

int bc_meeting_conflicts_write(bc_store *s, const char *id, const char *same_as,
                               const char *published_on, bc_err *err)
{
    int rc = BC_OK;
    if (same_as != NULL && same_as[0] != '\0')
        rc = bc_meeting_conflict_record(s, id, same_as, published_on, err);
    sqlite3_stmt *st = NULL;
    if (rc == BC_OK)
        rc = bc_store_prepare(s, REVIEWED_SQL, &st, err);
    bc_buf others = BC_BUF_INIT;
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        if (same_as != NULL && same_as[0] != '\0')
            sqlite3_bind_text(st, 2, same_as, -1, SQLITE_TRANSIENT);
    }
    while (bc_store_row(s, st, &rc, err, "reading the reviewed meetings of a number")) {
        bc_buf_puts(&others, (const char *)sqlite3_column_text(st, 0));
        bc_buf_putc(&others, '\0');
    }
    sqlite3_finalize(st);
    if (rc == BC_OK && bc_buf_failed(&others))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    for (size_t at = 0; rc == BC_OK && at < others.len; at += strlen(others.data + at) + 1)
        rc = bc_meeting_conflict_record(s, id, others.data + at, published_on, err);
    bc_buf_free(&others);
    return rc;
}

/* A decision on a meeting may move the links of the meetings of its mechanism and number
 * (unnumbered: the unnumbered meetings of its mechanism), and of those of the meetings
 * that are the same as it (an edit of its number leaves them behind): each such group is
 * linked again. A group is named by its mechanism and its number, 0 for none. */
#define GROUPS_SQL                                                                                 \
    "SELECT DISTINCT mechanism_id, coalesce(ordinal, 0) FROM meetings WHERE id = ?1 OR same_as "   \
    "= ?1 ORDER BY 1, 2"
#define MAX_GROUPS 8

/* the meetings of group (?1, ?2) whose links follow the others: never a curated one (data/
 * says what it is), never a rejected one (hidden; approved again, it is linked anew) */
#define MEMBERS                                                                                    \
    "mechanism_id = ?1 AND coalesce(ordinal, 0) = ?2 AND curation IN ('extracted', 'reviewed')"

/* each member's link and conflicts as one JSON object, to tell which of them changed */
#define STATE_SQL                                                                                  \
    "SELECT json_group_object(m.id, coalesce(m.same_as, '') || '|' || coalesce((SELECT "           \
    "group_concat(c.other_id || c.fields, ';') FROM meeting_conflicts c WHERE c.meeting_id = "     \
    "m.id), '')) FROM meetings m WHERE " MEMBERS

/* the members of after (?2) whose entry differs from before's (?1), but ?3 */
#define CHANGED_SQL                                                                                \
    "SELECT a.key FROM json_each(?2) a WHERE a.key <> ?3 AND a.value IS NOT (SELECT b.value "      \
    "FROM json_each(?1) b WHERE b.key = a.key) ORDER BY a.key"

/* The meeting a numbered group's members are the same as, by ingest's rule
 * (ingest_meetings.c, same_as_of) read from the curations alone: a curated one, else a
 * reviewed one (the first by id of either), else the extracted one the others already
 * follow (one that is no twin of a meeting still shown), else the first extracted one.
 * Never a rejected one. */
#define HEAD_SQL                                                                                   \
    "SELECT id FROM meetings m WHERE mechanism_id = ?1 AND ordinal = ?2 AND curation <> "          \
    "'rejected' ORDER BY curation = 'curated' DESC, curation = 'reviewed' DESC, (curation = "      \
    "'extracted' AND NOT EXISTS (SELECT 1 FROM meetings t WHERE t.id = m.same_as AND t.curation "  \
    "<> 'rejected')) DESC, id LIMIT 1"

/* An unnumbered meeting ?1 is the one curated or reviewed meeting of its mechanism its date
 * fits (as at ingest), unless that one is the same as ?1 (two reviewed meetings of one day
 * never name each other). NULL when none or several. (The one is picked first and then
 * tested: SQLite refuses an aggregate of the outer query inside a subquery of HAVING, and
 * every decision on an unnumbered meeting failed on it.) */
#define UNNUMBERED_SQL                                                                             \
    "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM meetings t WHERE t.id = x.one AND t.same_as = "    \
    "x.mid) THEN x.one END FROM (SELECT m.id AS mid, (SELECT CASE WHEN count(*) = 1 THEN "         \
    "min(o.id) END FROM meetings o WHERE m.date IS NOT NULL AND o.mechanism_id = m.mechanism_id "  \
    "AND o.id <> m.id AND o.curation IN ('curated', 'reviewed') AND o.date IS NOT NULL AND "       \
    "substr(o.date, 1, min(length(o.date), length(m.date))) = substr(m.date, 1, "                  \
    "min(length(o.date), length(m.date)))) AS one FROM meetings m WHERE m.id = ?1) x"

/* Writes member id's conflicts again, with the meeting it is now the same as (none when it
 * is no twin) and the other reviewed meetings of its number, as ingest records them for
 * its article's publication date. */
static int conflicts_again(bc_store *s, const char *id, bc_err *err)
{
    char other[200] = "", published[16] = "";
    int found = 0;
    int rc = bc_store_run(s, "DELETE FROM meeting_conflicts WHERE meeting_id = ?1",
                          BC_BINDS(bc_text(id)), err);
    if (rc == BC_OK)
        rc = bc_store_lookup(s, "SELECT same_as FROM meetings WHERE id = ?1", BC_BINDS(bc_text(id)),
                             other, sizeof other, &found, err);
    if (rc == BC_OK)
        rc = bc_store_lookup(s,
                             "SELECT s.published_on FROM citations c JOIN sources s ON s.id = "
                             "c.source_id WHERE c.meeting_id = ?1 ORDER BY c.id LIMIT 1",
                             BC_BINDS(bc_text(id)), published, sizeof published, &found, err);
    if (rc == BC_OK)
        rc = bc_meeting_conflicts_write(s, id, other, published[0] ? published : NULL, err);
    return rc;
}

/* Appends the ids of group (mech, ordinal)'s members to ids, each NUL-terminated, in id
 * order: one walk of the group (the links written below move no meeting in or out of it). */
static int member_ids(bc_store *s, const char *mech, long long ordinal, bc_buf *ids, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, "SELECT id FROM meetings WHERE " MEMBERS " ORDER BY id", &st, err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(mech), bc_int(ordinal)), err);
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *id = sqlite3_column_text(st, 0);
        bc_buf_append(ids, id, (size_t)sqlite3_column_bytes(st, 0));
        bc_buf_putc(ids, '\0');
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading the meetings of a group");
    if (rc == BC_OK && bc_buf_failed(ids))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    if (st != NULL)
        sqlite3_reset(st);
    return rc;
}

/* Links group (mech, ordinal) again: every member the same as the group's head (numbered)
 * or as the one known meeting its date fits (unnumbered), its conflicts written again. */
static int relink_group(bc_store *s, const char *mech, long long ordinal, bc_err *err)
{
    char head[200] = "";
    int found = 0, rc = BC_OK;
    if (ordinal > 0) {
        rc = bc_store_lookup(s, HEAD_SQL, BC_BINDS(bc_text(mech), bc_int(ordinal)), head,
                             sizeof head, &found, err);
        if (rc == BC_OK)
            rc = bc_store_run(s,
                              "UPDATE meetings SET same_as = nullif(nullif(?3, ''), id) "
                              "WHERE " MEMBERS,
                              BC_BINDS(bc_text(mech), bc_int(ordinal), bc_text(head)), err);
    }
    /* the members one by one, in id order (an unnumbered one's link depends on those
     * before it: see UNNUMBERED_SQL), read in one walk: a row at a growing OFFSET each
     * read the group again from its start */
    bc_buf ids = BC_BUF_INIT;
    if (rc == BC_OK)
        rc = member_ids(s, mech, ordinal, &ids, err);
    for (size_t at = 0; rc == BC_OK && at < ids.len; at += strlen(ids.data + at) + 1) {
        const char *member = ids.data + at;
        if (ordinal == 0) {
            rc = bc_store_lookup(s, UNNUMBERED_SQL, BC_BINDS(bc_text(member)), head, sizeof head,
                                 &found, err);
            if (rc == BC_OK)
                rc = bc_store_run(s, "UPDATE meetings SET same_as = nullif(?2, '') WHERE id = ?1",
                                  BC_BINDS(bc_text(member), bc_text(head)), err);
        }
        if (rc == BC_OK)
            rc = conflicts_again(s, member, err);
    }
    bc_buf_free(&ids);
    return rc;
}

/* The state of group (mech, ordinal) (STATE_SQL) as a new text into *out (bc_free). */
static int group_state(bc_store *s, const char *mech, long long ordinal, char **out, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    int rc = bc_store_stmt(s, STATE_SQL, &st, err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(mech), bc_int(ordinal)), err);
    if (rc == BC_OK && sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        *out = bc_strdup(t != NULL ? t : "{}");
        if (*out == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    } else if (rc == BC_OK) {
        rc = bc_store_error(s, err, "reading the links of a meeting's group");
    }
    if (st != NULL)
        sqlite3_reset(st);
    return rc;
}

/* Appends to ids (a JSON array being written) the members whose entry differs between the
 * states before and after, but id. */
static int append_changed(bc_store *s, const char *before, const char *after, const char *id,
                          bc_buf *ids, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, CHANGED_SQL, &st, err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(before), bc_text(after), bc_text(id)), err);
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *m = (const char *)sqlite3_column_text(st, 0);
        if (ids->len > 1)
            bc_buf_putc(ids, ',');
        bc_buf_json_string(ids, m, strlen(m));
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "comparing the links of a meeting's group");
    if (st != NULL)
        sqlite3_reset(st);
    return rc;
}

int bc_meeting_links_refresh(bc_store *s, const char *id, char **changed, bc_err *err)
{
    if (changed != NULL)
        *changed = NULL;
    char mech[MAX_GROUPS][160];
    long long ordinal[MAX_GROUPS];
    int n = 0, step = SQLITE_DONE;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, GROUPS_SQL, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    while (n < MAX_GROUPS && (step = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(mech[n], sizeof mech[n], "%s", (const char *)sqlite3_column_text(st, 0));
        ordinal[n++] = sqlite3_column_int64(st, 1);
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading the meetings a decision links again");
    sqlite3_reset(st);
    bc_buf ids = BC_BUF_INIT;
    bc_buf_putc(&ids, '[');
    for (int g = 0; rc == BC_OK && g < n; g++) {
        char *before = NULL, *after = NULL;
        rc = group_state(s, mech[g], ordinal[g], &before, err);
        if (rc == BC_OK)
            rc = relink_group(s, mech[g], ordinal[g], err);
        if (rc == BC_OK)
            rc = group_state(s, mech[g], ordinal[g], &after, err);
        if (rc == BC_OK)
            rc = append_changed(s, before, after, id, &ids, err);
        bc_free(before);
        bc_free(after);
    }
    bc_buf_putc(&ids, ']');
    if (rc == BC_OK && bc_buf_failed(&ids))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    if (rc == BC_OK && changed != NULL && ids.len > 2) {
        *changed = bc_strdup(ids.data);
        if (*changed == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    }
    bc_buf_free(&ids);
    return rc;
}
