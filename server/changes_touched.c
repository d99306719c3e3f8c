/* changes_touched.c: the documents one step can have changed (an ingested or re-dated
 * article, a review decision on one fact), compared with the change feed's baseline so
 * that each of them gets its entry in the step's own transaction (see changes.h). */
#include "changes_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/figure_links.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One level of the documents that show part of a seed (a province's counts, a mechanism's
 * meetings, a meeting's figures, another meeting that is the same as it, ...), as rows of
 * `shown`. One level is enough because the documents show only a seed's own columns, never
 * another document's derived fields. A step that renames a mechanism, person or province
 * (whose names every meeting and reference shows) records the whole store with
 * bc_changes_record. */
#define SHOWN_CTE                                                                                  \
    "shown(kind, id) AS ( "                                                                        \
    "    SELECT kind, id FROM seed "                                                               \
    "    UNION SELECT 'province', x.province_id FROM seed s JOIN figure_parties x "                \
    "        ON x.figure_id = s.id WHERE s.kind = 'figure' "                                       \
    "    UNION SELECT 'meeting', x.meeting_id FROM seed s JOIN figure_meetings x "                 \
    "        ON x.figure_id = s.id WHERE s.kind = 'figure' "                                       \
    "    UNION SELECT 'figure', x.figure_id FROM seed s JOIN figure_conflicts x "                  \
    "        ON x.other_id = s.id WHERE s.kind = 'figure' AND " BC_FIGURE_LINK_SHOWN(              \
        "figure_conflicts",                                                                        \
        "x") " "                                                                                   \
             "    UNION SELECT 'figure', x.figure_id FROM seed s JOIN figure_overlaps x "          \
             "        ON x.other_id = s.id WHERE s.kind = 'figure' AND " BC_FIGURE_LINK_SHOWN(     \
                 "figure_overlaps",                                                                \
                 "x") " "                                                                          \
                      "    UNION SELECT 'mechanism', m.mechanism_id FROM seed s JOIN meetings m "  \
                      "ON m.id = s.id "                                                            \
                      "        WHERE s.kind = 'meeting' "                                          \
                      "    UNION SELECT 'province', x.province_id FROM seed s JOIN "               \
                      "meeting_provinces x "                                                       \
                      "        ON x.meeting_id = s.id WHERE s.kind = 'meeting' "                   \
                      "    UNION SELECT 'person', x.person_id FROM seed s JOIN "                   \
                      "meeting_participants x "                                                    \
                      "        ON x.meeting_id = s.id WHERE s.kind = 'meeting' "                   \
                      "    UNION SELECT 'figure', x.figure_id FROM seed s JOIN figure_meetings x " \
                      "        ON x.meeting_id = s.id WHERE s.kind = 'meeting' "                   \
                      "    UNION SELECT 'protocol', x.id FROM seed s JOIN protocols x ON "         \
                      "x.meeting_id = s.id "                                                       \
                      "        WHERE s.kind = 'meeting' "                                          \
                      "    UNION SELECT 'border_gate_project', x.project_id FROM seed s JOIN "     \
                      "project_events x "                                                          \
                      "        ON x.meeting_id = s.id WHERE s.kind = 'meeting' "                   \
                      "    UNION SELECT 'event', x.event_id FROM seed s JOIN coop_event_meetings " \
                      "x "                                                                         \
                      "        ON x.meeting_id = s.id WHERE s.kind = 'meeting' "                   \
                      "    UNION SELECT 'meeting', x.id FROM seed s JOIN meetings x ON x.same_as " \
                      "= s.id "                                                                    \
                      "        WHERE s.kind = 'meeting' "                                          \
                      "    UNION SELECT 'meeting', x.same_as FROM seed s JOIN meetings x ON x.id " \
                      "= s.id "                                                                    \
                      "        WHERE s.kind = 'meeting' "                                          \
                      "    UNION SELECT 'meeting', o.id FROM seed s JOIN meetings m ON m.id = "    \
                      "s.id "                                                                      \
                      "        JOIN meetings o ON o.mechanism_id = m.mechanism_id "                \
                      "        AND o.ordinal IN (m.ordinal - 1, m.ordinal + 1) WHERE s.kind = "    \
                      "'meeting' "                                                                 \
                      "    UNION SELECT 'province', p.id FROM seed s JOIN projects x ON x.id = "   \
                      "s.id "                                                                      \
                      "        JOIN provinces p ON p.id IN (x.vn_province_id, x.cn_province_id) "  \
                      "        WHERE s.kind = 'border_gate_project' "                              \
                      "    UNION SELECT 'border_gate_project', x.part_of FROM seed s JOIN "        \
                      "projects x "                                                                \
                      "        ON x.id = s.id WHERE s.kind = 'border_gate_project' "               \
                      "    UNION SELECT 'border_gate_project', x.id FROM seed s JOIN projects x "  \
                      "        ON x.part_of = s.id WHERE s.kind = 'border_gate_project' "          \
                      "    UNION SELECT 'meeting', x.meeting_id FROM seed s JOIN project_events "  \
                      "x "                                                                         \
                      "        ON x.project_id = s.id WHERE s.kind = 'border_gate_project' "       \
                      "    UNION SELECT 'meeting', x.meeting_id FROM seed s JOIN protocols x ON "  \
                      "x.id = s.id "                                                               \
                      "        WHERE s.kind = 'protocol' "                                         \
                      "    UNION SELECT 'province', x.province_id FROM seed s JOIN "               \
                      "protocol_parties x "                                                        \
                      "        ON x.protocol_id = s.id WHERE s.kind = 'protocol' "                 \
                      "    UNION SELECT 'meeting', x.meeting_id FROM seed s JOIN "                 \
                      "coop_event_meetings x "                                                     \
                      "        ON x.event_id = s.id WHERE s.kind = 'event' "                       \
                      "    UNION SELECT 'province', x.province_id FROM seed s JOIN "               \
                      "coop_event_organisations x "                                                \
                      "        ON x.event_id = s.id WHERE s.kind = 'event' "                       \
                      "    UNION SELECT 'meeting', x.meeting_id FROM seed s JOIN "                 \
                      "meeting_participants x "                                                    \
                      "        ON x.person_id = s.id WHERE s.kind = 'person' "                     \
                      "    UNION SELECT 'province', x.province_id FROM seed s JOIN people x ON "   \
                      "x.id = s.id "                                                               \
                      "        WHERE s.kind = 'person') "

/* What an article (source ?1) can have changed: the source, every document citing it
 * (what the step stored or quoted it for: `seed`), and what shows part of one. */
#define SOURCE_CTE                                                                                 \
    "WITH seed(kind, id) AS ( "                                                                    \
    "    SELECT 'source', ?1 "                                                                     \
    "    UNION SELECT 'meeting', coalesce(meeting_id, decision_meeting_id, "                       \
    "        participant_meeting_id) FROM citations WHERE source_id = ?1 "                         \
    "    UNION SELECT 'person', person_id FROM citations WHERE source_id = ?1 "                    \
    "    UNION SELECT 'figure', figure_id FROM citations WHERE source_id = ?1 "                    \
    "    UNION SELECT 'border_gate_project', coalesce(c.project_id, e.project_id) "                \
    "        FROM citations c LEFT JOIN project_events e ON e.id = c.event_id "                    \
    "        WHERE c.source_id = ?1 "                                                              \
    "    UNION SELECT 'protocol', coalesce(protocol_id, area_protocol_id) FROM citations "         \
    "        WHERE source_id = ?1 "                                                                \
    "    UNION SELECT 'event', coop_event_id FROM citations WHERE source_id = ?1 "                 \
    "    UNION SELECT 'mechanism', mechanism_id FROM citations WHERE source_id = ?1 "              \
    "    UNION SELECT 'province', province_id FROM citations WHERE source_id = ?1), " SHOWN_CTE

/* What a step on some documents (?1, a JSON array of [kind, id]: a reviewed fact's
 * document) can have changed: those documents, the articles that cite them (whose
 * documents list their facts and citations), and what shows part of one. Each citation
 * is found by its own index: the cost follows the documents, not the store. */
#define DOCS_CTE                                                                                   \
    "WITH given(kind, id) AS (SELECT value ->> 0, value ->> 1 FROM json_each(?1) "                 \
    "    WHERE value ->> 1 IS NOT NULL), "                                                         \
    "seed(kind, id) AS ( "                                                                         \
    "    SELECT kind, id FROM given "                                                              \
    "    UNION SELECT 'source', c.source_id FROM given g JOIN citations c "                        \
    "        ON c.meeting_id = g.id WHERE g.kind = 'meeting' "                                     \
    "    UNION SELECT 'source', c.source_id FROM given g JOIN citations c "                        \
    "        ON c.figure_id = g.id WHERE g.kind = 'figure' "                                       \
    "    UNION SELECT 'source', c.source_id FROM given g JOIN citations c "                        \
    "        ON c.project_id = g.id WHERE g.kind = 'border_gate_project' "                         \
    "    UNION SELECT 'source', c.source_id FROM given g JOIN project_events e "                   \
    "        ON e.project_id = g.id JOIN citations c ON c.event_id = e.id "                        \
    "        WHERE g.kind = 'border_gate_project' "                                                \
    "    UNION SELECT 'source', c.source_id FROM given g JOIN citations c "                        \
    "        ON c.coop_event_id = g.id WHERE g.kind = 'event'), " SHOWN_CTE

/* ?2: more (kind, id) pairs to compare, a JSON array of [kind, id] (NULL: none) */
#define ROWS_SELECT                                                                                \
    "SELECT kind, id FROM shown WHERE id IS NOT NULL UNION SELECT value ->> 0, value ->> 1 "       \
    "FROM json_each(coalesce(?2, '[]')) WHERE value ->> 1 IS NOT NULL "
#define JSON_SELECT                                                                                \
    "SELECT json_group_array(json_array(kind, id)) FROM (SELECT kind, id FROM shown WHERE id "     \
    "IS NOT NULL ORDER BY kind, id) "

static const char SOURCE_ROWS_SQL[] = SOURCE_CTE ROWS_SELECT;
static const char SOURCE_JSON_SQL[] = SOURCE_CTE JSON_SELECT;
static const char DOCS_ROWS_SQL[] = DOCS_CTE ROWS_SELECT;
static const char DOCS_JSON_SQL[] = DOCS_CTE JSON_SELECT;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The rows of json_sql for its parameter p as a new JSON array text in *out. */
static int touched(bc_store *s, const char *json_sql, const char *p, char **out, bc_err *err)
{
    *out = NULL;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, json_sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, p, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *out = bc_strdup((const char *)sqlite3_column_text(st, 0));
        if (*out == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory finding what a step touches");
    } else {
        rc = bc_store_error(s, err, "finding what a step touches");
    }
    sqlite3_reset(st);
    return rc;
}

int bc_changes_touched(bc_store *s, const char *source_id, char **out, bc_err *err)
{
    return touched(s, SOURCE_JSON_SQL, source_id, out, err);
}

int bc_changes_touched_docs(bc_store *s, const char *docs, char **out, bc_err *err)
{
    return touched(s, DOCS_JSON_SQL, docs != NULL ? docs : "[]", out, err);
}

/* Compares the documents rows_sql gives for p (and those of before) with the baseline, in
 * bc_doc_kinds order, ids in order. */
static int record_rows(bc_store *s, const char *rows_sql, const char *p, const char *before,
                       const char *origin, const char *actor, const char *at, int *appended,
                       int *compared, bc_err *err)
{
    if (!changes_origin_ok(origin))
        return bc_err_set(err, BC_EINVAL, "unknown origin '%.40s'; allowed: load, ingest, review",
                          origin ? origin : "");
    if (actor == NULL || actor[0] == '\0' || p == NULL || p[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a change needs what it is about and an actor");
    char when[32];
    if (at == NULL)
        changes_now_iso(when);
    else
        snprintf(when, sizeof when, "%s", at);
    /* the rows first, as "kind\0id\0" pairs: comparing reuses cached statements */
    sqlite3_stmt *st;
    bc_buf rows = BC_BUF_INIT;
    size_t nrows = 0;
    int rc = bc_store_stmt(s, rows_sql, &st, err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(p), bc_text(before)), err);
    if (rc == BC_OK)
        rc = bc_store_collect_text(s, st, 2, &rows, &nrows, "finding what a step changed", err);
    int n = 0;
    /* kinds in feed order; ids in the order the query gave (sorted below per kind) */
    for (const bc_doc_kind *k = bc_doc_kinds; rc == BC_OK && k->type != NULL; k++) {
        const char *q = rows.data;
        const char **ids = NULL;
        size_t nids = 0;
        for (size_t i = 0; i < nrows; i++) {
            const char *kind = q, *id = q + strlen(q) + 1;
            q = id + strlen(id) + 1;
            if (strcmp(kind, k->type) != 0)
                continue;
            const char **grown = bc_realloc(ids, (nids + 1) * sizeof *ids);
            if (grown == NULL) {
                rc = bc_err_set(err, BC_ENOMEM, "out of memory recording changes");
                break;
            }
            ids = grown;
            ids[nids++] = id;
        }
        if (rc == BC_OK && nids > 1)
            qsort(ids, nids, sizeof *ids, cmp_str);
        for (size_t i = 0; rc == BC_OK && i < nids; i++)
            rc = changes_record_one(s, k, ids[i], origin, actor, when, 1, &n, err);
        if (compared != NULL && rc == BC_OK)
            *compared += (int)nids;
        bc_free(ids);
    }
    bc_buf_free(&rows);
    if (appended != NULL)
        *appended = n;
    return rc;
}

int bc_changes_record_source(bc_store *s, const char *source_id, const char *origin,
                             const char *actor, const char *at, int *appended, int *compared,
                             bc_err *err)
{
    return bc_changes_record_source_after(s, source_id, NULL, origin, actor, at, appended, compared,
                                          err);
}

int bc_changes_record_source_after(bc_store *s, const char *source_id, const char *before,
                                   const char *origin, const char *actor, const char *at,
                                   int *appended, int *compared, bc_err *err)
{
    return record_rows(s, SOURCE_ROWS_SQL, source_id, before, origin, actor, at, appended, compared,
                       err);
}

int bc_changes_record_docs_after(bc_store *s, const char *docs, const char *before,
                                 const char *origin, const char *actor, const char *at,
                                 int *appended, int *compared, bc_err *err)
{
    return record_rows(s, DOCS_ROWS_SQL, docs != NULL ? docs : "[]", before, origin, actor, at,
                       appended, compared, err);
}
