/* meeting_links.c: an extracted meeting's `same_as` and its conflicts with the meeting it
 * is, recorded at ingest and linked again when that meeting is rejected (see
 * meeting_links.h). */
#include "bordercoop/meeting_links.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"

#include <stdio.h>
#include <string.h>

/* Records where the extracted meeting id contradicts the known meeting other it is the
 * same as: its status (planned in an article published before the known meeting was held
 * is older news, not a contradiction), its date (the spans do not meet) or its host
 * (neither province is the other nor merged into it), with both sides in the note. */
int bc_meeting_conflict_record(bc_store *s, const char *id, const char *other,
                               const char *published_on, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(
        s,
        "SELECT n.status <> o.status AND NOT (n.status = 'planned' AND o.status = 'held' AND "
        "?3 IS NOT NULL AND o.date_start IS NOT NULL AND ?3 < o.date_start), n.date_start IS "
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

/* The meeting m is the same as now, by ingest's rule (ingest_meetings.c, same_as_of) with
 * every rejected meeting left out: of its mechanism and number a curated, else a reviewed,
 * else the first extracted meeting that is no twin itself; unnumbered, the one curated or
 * reviewed meeting of its mechanism its date fits. NULL when none. */
#define RELINK_SQL                                                                                 \
    "SELECT coalesce((SELECT o.id FROM meetings o WHERE o.mechanism_id = m.mechanism_id AND "      \
    "o.ordinal = m.ordinal AND o.id <> m.id AND (o.curation IN ('curated', 'reviewed') OR "        \
    "(o.curation = 'extracted' AND o.same_as IS NULL)) ORDER BY o.curation = 'curated' DESC, "     \
    "o.curation = 'reviewed' DESC, o.id LIMIT 1), (SELECT min(o.id) FROM meetings o WHERE "        \
    "m.ordinal IS NULL AND m.date IS NOT NULL AND o.mechanism_id = m.mechanism_id AND o.id <> "    \
    "m.id AND o.curation IN ('curated', 'reviewed') AND o.date IS NOT NULL AND substr(o.date, 1, " \
    "min(length(o.date), length(m.date))) = substr(m.date, 1, min(length(o.date), "                \
    "length(m.date))) HAVING count(*) = 1)) FROM meetings m WHERE m.id = ?1"

int bc_meeting_links_refresh(bc_store *s, const char *id, char **changed, bc_err *err)
{
    if (changed != NULL)
        *changed = NULL;
    char curation[16] = "", twin[200] = "", other[200] = "", published[16] = "";
    int found = 0;
    int rc = bc_store_lookup(s, "SELECT curation FROM meetings WHERE id = ?1",
                             BC_BINDS(bc_text(id)), curation, sizeof curation, &found, err);
    if (rc != BC_OK || strcmp(curation, "rejected") != 0)
        return rc;
    bc_buf ids = BC_BUF_INIT;
    bc_buf_putc(&ids, '[');
    /* each meeting the same as id in turn: linked again, it is the same as id no more */
    for (;;) {
        rc = bc_store_lookup(s, "SELECT id FROM meetings WHERE same_as = ?1 ORDER BY id LIMIT 1",
                             BC_BINDS(bc_text(id)), twin, sizeof twin, &found, err);
        if (rc != BC_OK || !found)
            break;
        rc = bc_store_lookup(s, RELINK_SQL, BC_BINDS(bc_text(twin)), other, sizeof other, &found,
                             err);
        if (rc == BC_OK)
            rc = bc_store_run(s, "DELETE FROM meeting_conflicts WHERE meeting_id = ?1",
                              BC_BINDS(bc_text(twin)), err);
        if (rc == BC_OK)
            rc = bc_store_run(s, "UPDATE meetings SET same_as = nullif(?2, '') WHERE id = ?1",
                              BC_BINDS(bc_text(twin), bc_text(other)), err);
        if (rc == BC_OK && other[0] != '\0')
            rc = bc_store_lookup(s,
                                 "SELECT s.published_on FROM citations c JOIN sources s ON "
                                 "s.id = c.source_id WHERE c.meeting_id = ?1 ORDER BY c.id "
                                 "LIMIT 1",
                                 BC_BINDS(bc_text(twin)), published, sizeof published, &found, err);
        if (rc == BC_OK && other[0] != '\0')
            rc = bc_meeting_conflict_record(s, twin, other, published[0] ? published : NULL, err);
        if (rc != BC_OK)
            break;
        if (ids.len > 1)
            bc_buf_putc(&ids, ',');
        bc_buf_json_string(&ids, twin, strlen(twin));
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
