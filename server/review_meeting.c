/* review_meeting.c: what follows from a reviewer's correction of a meeting: its provinces
 * from a corrected mechanism, its host checked against that mechanism's members (a province
 * a member was merged into counts as that member), its same_as from its mechanism and
 * number (see review_meeting_relink in review_int.h). */
#include "review_int.h"

#include <stdio.h>

/* Runs sql with ?1 = id. */
static int run_id(bc_store *s, const char *id, const char *sql, bc_err *err)
{
    return bc_store_run(s, sql, BC_BINDS(bc_text(id)), err);
}

/* BC_EINVAL naming fields.host when meeting id's host is no member of its mechanism, one
 * with members on record: neither a member, nor a province a member became part of ("Tuyen
 * Quang" for Ha Giang), nor one that became part of a member. */
static int host_is_member(bc_store *s, const char *id, char field[80], bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT m.host_province_id, m.mechanism_id FROM meetings m "
                           "WHERE m.id = ?1 AND m.host_province_id IS NOT NULL AND EXISTS "
                           "(SELECT 1 FROM mechanism_members WHERE mechanism_id = "
                           "m.mechanism_id) AND NOT EXISTS (SELECT 1 FROM mechanism_members mm "
                           "JOIN provinces p ON p.id = mm.province_id JOIN provinces h ON h.id = "
                           "m.host_province_id WHERE mm.mechanism_id = m.mechanism_id AND (p.id "
                           "= h.id OR p.merged_into = h.id OR h.merged_into = p.id))",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(field, 80, "fields.host");
        rc = bc_err_set(
            err, BC_EINVAL, "fields.host: province '%s' is not a member of mechanism '%s'",
            (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_reset(st);
    return rc;
}

int review_meeting_relink(bc_store *s, const char *id, json_t *changes, char field[80], bc_err *err)
{
    int rc = BC_OK, mechanism = json_object_get(changes, "mechanism") != NULL;
    if (mechanism) {
        rc = run_id(s, id, "DELETE FROM meeting_provinces WHERE meeting_id = ?1", err);
        if (rc == BC_OK)
            rc = run_id(s, id,
                        "INSERT INTO meeting_provinces (meeting_id, province_id) "
                        "SELECT m.id, mm.province_id FROM meetings m JOIN "
                        "mechanism_members mm ON mm.mechanism_id = m.mechanism_id "
                        "WHERE m.id = ?1",
                        err);
    }
    if (rc == BC_OK && (mechanism || json_object_get(changes, "host") != NULL))
        rc = host_is_member(s, id, field, err);
    if (rc == BC_OK && (mechanism || json_object_get(changes, "ordinal") != NULL))
        rc = run_id(s, id,
                    "UPDATE meetings SET same_as = (SELECT o.id FROM meetings o, "
                    "meetings m WHERE m.id = ?1 AND o.mechanism_id = m.mechanism_id "
                    "AND o.ordinal = m.ordinal AND o.curation = 'curated' AND o.id <> "
                    "m.id) WHERE id = ?1",
                    err);
    return rc;
}
