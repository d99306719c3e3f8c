/* changes.c: the change feed (see changes.h): entries appended by explicit steps and by
 * comparing every document with the baseline the feed last reported. */
#include "bordercoop/changes.h"
#include "bordercoop/figure_links.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/places.h"
#include "bordercoop/sha256.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const bc_doc_kind bc_doc_kinds[] = {
    {"source", "/v1/sources", "SELECT id FROM sources ORDER BY id",
     "SELECT doc FROM v_source_doc WHERE id = ?1"},
    {"province", "/v1/provinces", "SELECT id FROM provinces ORDER BY id", BC_PROVINCE_DOC_SQL},
    {"person", "/v1/people", "SELECT id FROM people ORDER BY id", BC_PERSON_DOC_SQL},
    {"mechanism", "/v1/mechanisms", "SELECT id FROM mechanisms ORDER BY id",
     "SELECT doc FROM v_mechanism_doc WHERE id = ?1"},
    {"meeting", "/v1/meetings", "SELECT id FROM meetings ORDER BY id",
     "SELECT doc FROM v_meeting_doc WHERE id = ?1"},
    {"protocol", "/v1/protocols", "SELECT id FROM protocols ORDER BY id",
     "SELECT doc FROM v_protocol_doc WHERE id = ?1"},
    {"figure", "/v1/figures", "SELECT id FROM figures ORDER BY id",
     "SELECT doc FROM v_figure_doc WHERE id = ?1"},
    {"border_gate_project", "/v1/border-gate-projects", "SELECT id FROM projects ORDER BY id",
     BC_PROJECT_DOC_SQL},
    {"event", "/v1/events", "SELECT id FROM coop_events ORDER BY id",
     "SELECT doc FROM v_coop_event_doc WHERE id = ?1"},
    {NULL, NULL, NULL, NULL},
};

const bc_doc_kind *bc_doc_kind_find(const char *type)
{
    for (const bc_doc_kind *k = bc_doc_kinds; type != NULL && k->type != NULL; k++)
        if (strcmp(k->type, type) == 0)
            return k;
    return NULL;
}

const char *bc_change_op_name(bc_change_op op)
{
    switch (op) {
    case BC_CHANGE_ADDED:
        return "added";
    case BC_CHANGE_CHANGED:
        return "changed";
    case BC_CHANGE_REMOVED:
        return "removed";
    }
    return "changed";
}

static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The current document of kind/id into *doc (new, bc_free); NULL when it does not
 * exist. */
static int current_doc(bc_store *s, const bc_doc_kind *k, const char *id, char **doc, bc_err *err)
{
    *doc = NULL;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, k->doc_sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        *doc = bc_strndup((const char *)sqlite3_column_text(st, 0),
                          (size_t)sqlite3_column_bytes(st, 0));
        if (*doc == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory rendering %s %s", k->type, id);
    } else if (step != SQLITE_ROW && step != SQLITE_DONE) {
        rc = bc_store_error(s, err, "rendering a document for the change feed");
    }
    sqlite3_reset(st);
    return rc;
}

/* Moves the baseline of kind/id to doc (NULL: drops it); sha is doc's SHA-256 in hex when
 * the caller has it, NULL to compute it here. */
static int set_baseline(bc_store *s, const char *kind, const char *id, const char *doc,
                        const char *sha, bc_err *err)
{
    sqlite3_stmt *st;
    int rc;
    if (doc == NULL) {
        rc = bc_store_stmt(s, "DELETE FROM change_baseline WHERE kind = ?1 AND id = ?2", &st, err);
        if (rc == BC_OK) {
            sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
        }
    } else {
        rc = bc_store_stmt(s,
                           "INSERT OR REPLACE INTO change_baseline (kind, id, sha256, doc) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           &st, err);
        if (rc == BC_OK) {
            char hex[65];
            if (sha == NULL)
                bc_sha256_hex(doc, strlen(doc), hex);
            sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 3, sha != NULL ? sha : hex, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 4, doc, -1, SQLITE_TRANSIENT);
        }
    }
    if (rc == BC_OK) {
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = bc_store_error(s, err, "moving the change feed's baseline");
        sqlite3_reset(st);
    }
    return rc;
}

/* The `curation` member of a document (JSON text; NULL = no document) as a new string
 * (bc_free) in *out, NULL when there is none or it is not a string. Read by SQLite's JSON
 * functions, which scan the text without building a tree of objects: with jansson this
 * was an eighth of a whole `bordercoop load`. */
static int doc_curation(bc_store *s, const char *doc, char **out, bc_err *err)
{
    *out = NULL;
    if (doc == NULL)
        return BC_OK;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT CASE json_type(?1, '$.curation') WHEN 'text' THEN "
                           "json_extract(?1, '$.curation') END",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT) {
        if ((*out = bc_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory reading a document's curation");
    } else if (step != SQLITE_ROW) {
        rc = bc_store_error(s, err, "reading a document's curation");
    }
    sqlite3_reset(st);
    return rc;
}

/* The curation of the baseline document of kind/id (what the feed last reported) into
 * *out (new, bc_free; NULL when unknown or without one). */
static int baseline_curation(bc_store *s, const char *kind, const char *id, char **out, bc_err *err)
{
    *out = NULL;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT json_extract(doc, '$.curation') FROM change_baseline WHERE "
                           "kind = ?1 AND id = ?2",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT) {
        if ((*out = bc_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory reading the baseline");
    } else if (step != SQLITE_ROW && step != SQLITE_DONE) {
        rc = bc_store_error(s, err, "reading the change feed's baseline");
    }
    sqlite3_reset(st);
    return rc;
}

/* Inserts one row; fields_json is a JSON array text or NULL; cur_before and cur_after
 * are the entity's curation before and after the change (NULL: no document then, or a
 * kind without curation). */
static int insert_entry(bc_store *s, const char *at, const char *kind, const char *id,
                        bc_change_op op, const char *fields_json, const char *actor,
                        const char *origin, const char *note, const char *cur_before,
                        const char *cur_after, long long *seq, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "INSERT INTO changes (at, content_version, kind, id, op, fields, actor, "
                           "origin, note, curation_before, curation_after) VALUES (?1, "
                           "coalesce((SELECT value FROM store_meta WHERE key = "
                           "'content_version'), ''), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    const char *v[] = {at,          kind,     id,     bc_change_op_name(op),
                       fields_json, actor,    origin, note,
                       cur_before,  cur_after};
    for (int i = 0; i < 10; i++)
        sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(s, err, "appending to the change feed");
    else if (seq != NULL)
        *seq = (long long)sqlite3_last_insert_rowid(bc_store_db(s));
    sqlite3_reset(st);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int origin_ok(const char *o)
{
    return o != NULL &&
           (strcmp(o, "load") == 0 || strcmp(o, "ingest") == 0 || strcmp(o, "review") == 0);
}

int bc_changes_append(bc_store *s, const bc_change *c, long long *seq, bc_err *err)
{
    const bc_doc_kind *k = bc_doc_kind_find(c->kind);
    if (k == NULL)
        return bc_err_set(err, BC_EINVAL, "unknown kind '%.40s' for the change feed",
                          c->kind ? c->kind : "");
    if (c->id == NULL || c->id[0] == '\0' || c->actor == NULL || c->actor[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a change needs an id and an actor");
    if (!origin_ok(c->origin))
        return bc_err_set(err, BC_EINVAL, "unknown origin '%.40s'; allowed: load, ingest, review",
                          c->origin ? c->origin : "");
    char at[32];
    if (c->at == NULL)
        now_iso(at);
    else
        snprintf(at, sizeof at, "%s", c->at);
    char *fields = NULL;
    int rc = BC_OK;
    if (c->op == BC_CHANGE_CHANGED && c->fields != NULL) {
        json_t *a = json_array();
        for (size_t i = 0; a != NULL && c->fields[i] != NULL; i++)
            json_array_append_new(a, json_string(c->fields[i]));
        fields = a != NULL ? json_dumps(a, JSON_COMPACT) : NULL;
        json_decref(a);
        if (fields == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory appending to the change feed");
    }
    char *doc = NULL, *before = NULL, *after = NULL;
    if (rc == BC_OK && c->op != BC_CHANGE_REMOVED)
        rc = current_doc(s, k, c->id, &doc, err);
    if (rc == BC_OK)
        rc = baseline_curation(s, k->type, c->id, &before, err);
    if (rc == BC_OK)
        rc = doc_curation(s, doc, &after, err);
    if (rc == BC_OK)
        rc = insert_entry(s, at, k->type, c->id, c->op, fields, c->actor, c->origin, c->note,
                          before, after, seq, err);
    free(fields);
    if (rc == BC_OK)
        rc = set_baseline(s, k->type, c->id, doc, NULL, err);
    bc_free(before);
    bc_free(after);
    bc_free(doc);
    return rc;
}

/* The top-level fields in which old and cur differ, as a JSON array text (new, free()). */
static char *diff_fields(const char *old, const char *cur)
{
    json_t *a = json_loads(old, 0, NULL), *b = json_loads(cur, 0, NULL);
    json_t *out = json_array();
    const char *key;
    json_t *v;
    if (a != NULL && b != NULL && out != NULL) {
        json_object_foreach(b, key, v)
        {
            if (!json_equal(v, json_object_get(a, key)))
                json_array_append_new(out, json_string(key));
        }
        json_object_foreach(a, key, v)
        {
            if (json_object_get(b, key) == NULL)
                json_array_append_new(out, json_string(key));
        }
    }
    char *text = out != NULL ? json_dumps(out, JSON_COMPACT) : NULL;
    json_decref(a);
    json_decref(b);
    json_decref(out);
    return text;
}

/* Appends `removed` for document k / id (with the curation the baseline last saw) and
 * drops it from the baseline; counts it in *appended. */
static int append_removal(bc_store *s, const bc_doc_kind *k, const char *id, const char *origin,
                          const char *actor, const char *at, int *appended, bc_err *err)
{
    char *before = NULL;
    int rc = baseline_curation(s, k->type, id, &before, err);
    if (rc == BC_OK)
        rc = insert_entry(s, at, k->type, id, BC_CHANGE_REMOVED, NULL, actor, origin, NULL, before,
                          NULL, NULL, err);
    bc_free(before);
    if (rc == BC_OK)
        rc = set_baseline(s, k->type, id, NULL, NULL, err);
    if (rc == BC_OK)
        (*appended)++;
    return rc;
}

/* Compares the current document of kind k / id with the baseline and appends `added` or
 * `changed` (with its fields) when they differ, moving the baseline; a document that is
 * gone is appended as `removed` when gone_counts is set and the baseline knows it. */
static int record_one(bc_store *s, const bc_doc_kind *k, const char *id, const char *origin,
                      const char *actor, const char *at, int gone_counts, int *appended,
                      bc_err *err)
{
    char *doc = NULL, *old = NULL;
    char sha[65];
    int rc = current_doc(s, k, id, &doc, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_stmt *b;
    int same = 0, known = 0;
    if (doc != NULL)
        bc_sha256_hex(doc, strlen(doc), sha);
    rc = bc_store_stmt(s, "SELECT sha256, doc FROM change_baseline WHERE kind = ?1 AND id = ?2", &b,
                       err);
    if (rc == BC_OK) {
        sqlite3_bind_text(b, 1, k->type, -1, SQLITE_STATIC);
        sqlite3_bind_text(b, 2, id, -1, SQLITE_TRANSIENT);
        int bs = sqlite3_step(b);
        if (bs == SQLITE_ROW) {
            known = 1;
            same = doc != NULL && strcmp((const char *)sqlite3_column_text(b, 0), sha) == 0;
            if (!same && doc != NULL &&
                (old = bc_strdup((const char *)sqlite3_column_text(b, 1))) == NULL)
                rc = bc_err_set(err, BC_ENOMEM, "out of memory comparing %s %s", k->type, id);
        } else if (bs != SQLITE_DONE) {
            rc = bc_store_error(s, err, "reading the change feed's baseline");
        }
        sqlite3_reset(b);
    }
    if (rc == BC_OK && doc == NULL) {
        /* gone: a removal when the feed had reported it */
        if (known && gone_counts)
            rc = append_removal(s, k, id, origin, actor, at, appended, err);
    } else if (rc == BC_OK && !same && known && strcmp(old, doc) == 0) {
        /* the same document under a stale hash (a migration rewrote the baseline's text,
         * 0048): no change, the hash is set again */
        rc = set_baseline(s, k->type, id, doc, sha, err);
    } else if (rc == BC_OK && !same) {
        char *fields = known ? diff_fields(old, doc) : NULL, *before = NULL, *after = NULL;
        if (known && fields == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory comparing %s %s", k->type, id);
        if (rc == BC_OK)
            rc = doc_curation(s, old, &before, err);
        if (rc == BC_OK)
            rc = doc_curation(s, doc, &after, err);
        if (rc == BC_OK)
            rc = insert_entry(s, at, k->type, id, known ? BC_CHANGE_CHANGED : BC_CHANGE_ADDED,
                              fields, actor, origin, NULL, before, after, NULL, err);
        bc_free(before);
        bc_free(after);
        if (rc == BC_OK)
            rc = set_baseline(s, k->type, id, doc, sha, err);
        if (rc == BC_OK)
            (*appended)++;
        free(fields);
    }
    bc_free(old);
    bc_free(doc);
    return rc;
}

static int record_kind(bc_store *s, const bc_doc_kind *k, const char *origin, const char *actor,
                       const char *at, int *appended, bc_err *err)
{
    /* ids first: rendering documents and moving the baseline reuse cached statements */
    sqlite3_stmt *st;
    int rc = bc_store_prepare(s, k->ids_sql, &st, err);
    while (bc_store_row(s, st, &rc, err, "listing documents for the change feed")) {
        rc = record_one(s, k, (const char *)sqlite3_column_text(st, 0), origin, actor, at, 0,
                        appended, err);
    }
    sqlite3_finalize(st);
    if (rc != BC_OK)
        return rc;

    /* removals: baseline entries whose entity is gone, collected before deleting */
    char sql[256];
    const char *table = strstr(k->ids_sql, "FROM ") + 5;
    int tlen = (int)strcspn(table, " ");
    snprintf(sql, sizeof sql,
             "SELECT id FROM change_baseline WHERE kind = ?1 AND id NOT IN (SELECT id FROM %.*s) "
             "ORDER BY id",
             tlen, table);
    rc = bc_store_prepare(s, sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, k->type, -1, SQLITE_STATIC);
    bc_buf gone = BC_BUF_INIT; /* ids separated by NUL */
    size_t ngone = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        bc_buf_append(&gone, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0) + 1);
        ngone++;
    }
    if (step != SQLITE_DONE)
        rc = bc_store_error(s, err, "finding removed documents for the change feed");
    else if (bc_buf_failed(&gone))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory finding removed documents");
    sqlite3_finalize(st);
    const char *id = gone.data;
    for (size_t i = 0; rc == BC_OK && i < ngone; i++, id += strlen(id) + 1)
        rc = append_removal(s, k, id, origin, actor, at, appended, err);
    bc_buf_free(&gone);
    return rc;
}

int bc_changes_record(bc_store *s, const char *origin, const char *actor, const char *at,
                      int *appended, bc_err *err)
{
    if (!origin_ok(origin))
        return bc_err_set(err, BC_EINVAL, "unknown origin '%.40s'; allowed: load, ingest, review",
                          origin ? origin : "");
    if (actor == NULL || actor[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a change needs an actor");
    char when[32];
    if (at == NULL)
        now_iso(when);
    else
        snprintf(when, sizeof when, "%s", at);
    int n = 0, rc = BC_OK;
    for (const bc_doc_kind *k = bc_doc_kinds; rc == BC_OK && k->type != NULL; k++)
        rc = record_kind(s, k, origin, actor, when, &n, err);
    if (appended != NULL)
        *appended = n;
    return rc;
}

/* What an article (source ?1) can have changed, as (kind, id) rows: the source, every
 * document citing it (what the step stored or quoted it for: `seed`), and one level of the
 * documents that show part of a seed (a province's counts, a mechanism's meetings, a
 * meeting's figures, ...: `shown`). One level is enough because the documents show only a
 * seed's own columns, never another document's derived fields. A step that renames a
 * mechanism, person or province (whose names every meeting and reference shows) is not an
 * ingest: it records the whole store with bc_changes_record. */
#define TOUCHED_CTE                                                                                \
    "WITH seed(kind, id) AS ( "                                                                    \
    "    SELECT 'source', ?1 "                                                                     \
    "    UNION SELECT 'meeting', coalesce(meeting_id, decision_meeting_id, "                       \
    "participant_meeting_id) "                                                                     \
    "        FROM citations WHERE source_id = ?1 "                                                 \
    "    UNION SELECT 'person', person_id FROM citations WHERE source_id = ?1 "                    \
    "    UNION SELECT 'figure', figure_id FROM citations WHERE source_id = ?1 "                    \
    "    UNION SELECT 'border_gate_project', coalesce(c.project_id, e.project_id) "                \
    "        FROM citations c LEFT JOIN project_events e ON e.id = c.event_id WHERE c.source_id "  \
    "= "                                                                                           \
    "?1 "                                                                                          \
    "    UNION SELECT 'protocol', coalesce(protocol_id, area_protocol_id) FROM citations WHERE "   \
    "source_id = ?1 "                                                                              \
    "    UNION SELECT 'event', coop_event_id FROM citations WHERE source_id = ?1 "                 \
    "    UNION SELECT 'mechanism', mechanism_id FROM citations WHERE source_id = ?1 "              \
    "    UNION SELECT 'province', province_id FROM citations WHERE source_id = ?1), "              \
    "shown(kind, id) AS ( "                                                                        \
    "    SELECT kind, id FROM seed "                                                               \
    "    UNION SELECT 'province', x.province_id FROM seed s JOIN figure_parties x ON x.figure_id " \
    "= "                                                                                           \
    "s.id WHERE s.kind = 'figure' "                                                                \
    "    UNION SELECT 'meeting', x.meeting_id FROM seed s JOIN figure_meetings x ON x.figure_id "  \
    "= "                                                                                           \
    "s.id WHERE s.kind = 'figure' "                                                                \
    "    UNION SELECT 'figure', x.figure_id FROM seed s JOIN figure_conflicts x ON x.other_id = "  \
    "s.id WHERE s.kind = 'figure' AND " BC_FIGURE_LINK_SHOWN(                                      \
        "figure_conflicts", "x") " "                                                               \
                                 "    UNION SELECT 'figure', x.figure_id FROM seed s JOIN "        \
                                 "figure_overlaps x ON x.other_id = "                              \
                                 "s.id WHERE s.kind = 'figure' AND " BC_FIGURE_LINK_SHOWN(         \
                                     "figure_overlaps",                                            \
                                     "x") " "                                                      \
                                          "    UNION SELECT 'mechanism', m.mechanism_id FROM "     \
                                          "seed s JOIN meetings m ON m.id = s.id "                 \
                                          "WHERE "                                                 \
                                          "s.kind = 'meeting' "                                    \
                                          "    UNION SELECT 'province', x.province_id FROM seed "  \
                                          "s JOIN meeting_provinces x ON "                         \
                                          "x.meeting_id = s.id WHERE s.kind = 'meeting' "          \
                                          "    UNION SELECT 'person', x.person_id FROM seed s "    \
                                          "JOIN meeting_participants x ON "                        \
                                          "x.meeting_id = s.id WHERE s.kind = 'meeting' "          \
                                          "    UNION SELECT 'figure', x.figure_id FROM seed s "    \
                                          "JOIN figure_meetings x ON x.meeting_id = "              \
                                          "s.id WHERE s.kind = 'meeting' "                         \
                                          "    UNION SELECT 'protocol', x.id FROM seed s JOIN "    \
                                          "protocols x ON x.meeting_id = s.id WHERE "              \
                                          "s.kind = 'meeting' "                                    \
                                          "    UNION SELECT 'border_gate_project', x.project_id "  \
                                          "FROM seed s JOIN project_events x ON "                  \
                                          "x.meeting_id = s.id WHERE s.kind = 'meeting' "          \
                                          "    UNION SELECT 'event', x.event_id FROM seed s JOIN " \
                                          "coop_event_meetings x ON x.meeting_id "                 \
                                          "= "                                                     \
                                          "s.id WHERE s.kind = 'meeting' "                         \
                                          "    UNION SELECT 'meeting', x.id FROM seed s JOIN "     \
                                          "meetings x ON x.same_as = s.id WHERE "                  \
                                          "s.kind "                                                \
                                          "= 'meeting' "                                           \
                                          "    UNION SELECT 'meeting', o.id FROM seed s JOIN "     \
                                          "meetings m ON m.id = s.id JOIN meetings o "             \
                                          "ON o.mechanism_id = m.mechanism_id AND o.ordinal IN "   \
                                          "(m.ordinal - 1, m.ordinal + 1) WHERE "                  \
                                          "s.kind = 'meeting' "                                    \
                                          "    UNION SELECT 'province', p.id FROM seed s JOIN "    \
                                          "projects x ON x.id = s.id JOIN provinces "              \
                                          "p "                                                     \
                                          "ON p.id IN (x.vn_province_id, x.cn_province_id) WHERE " \
                                          "s.kind = 'border_gate_project' "                        \
                                          "    UNION SELECT 'border_gate_project', x.part_of "     \
                                          "FROM seed s JOIN projects x ON x.id = "                 \
                                          "s.id "                                                  \
                                          "WHERE s.kind = 'border_gate_project' "                  \
                                          "    UNION SELECT 'border_gate_project', x.id FROM "     \
                                          "seed s JOIN projects x ON x.part_of = "                 \
                                          "s.id "                                                  \
                                          "WHERE s.kind = 'border_gate_project' "                  \
                                          "    UNION SELECT 'meeting', x.meeting_id FROM seed s "  \
                                          "JOIN project_events x ON x.project_id "                 \
                                          "= "                                                     \
                                          "s.id WHERE s.kind = 'border_gate_project' "             \
                                          "    UNION SELECT 'meeting', x.meeting_id FROM seed s "  \
                                          "JOIN protocols x ON x.id = s.id WHERE "                 \
                                          "s.kind = 'protocol' "                                   \
                                          "    UNION SELECT 'province', x.province_id FROM seed "  \
                                          "s JOIN protocol_parties x ON "                          \
                                          "x.protocol_id = s.id WHERE s.kind = 'protocol' "        \
                                          "    UNION SELECT 'meeting', x.meeting_id FROM seed s "  \
                                          "JOIN coop_event_meetings x ON "                         \
                                          "x.event_id "                                            \
                                          "= s.id WHERE s.kind = 'event' "                         \
                                          "    UNION SELECT 'province', x.province_id FROM seed "  \
                                          "s JOIN coop_event_organisations x ON "                  \
                                          "x.event_id = s.id WHERE s.kind = 'event' "              \
                                          "    UNION SELECT 'meeting', x.meeting_id FROM seed s "  \
                                          "JOIN meeting_participants x ON "                        \
                                          "x.person_id = s.id WHERE s.kind = 'person' "            \
                                          "    UNION SELECT 'province', x.province_id FROM seed "  \
                                          "s JOIN people x ON x.id = s.id WHERE "                  \
                                          "s.kind = 'person') "
static const char TOUCHED_SQL[] = TOUCHED_CTE
    /* ?2: more (kind, id) pairs to compare, a JSON array of [kind, id] (NULL: none) */
    "SELECT kind, id FROM shown WHERE id IS NOT NULL UNION SELECT value ->> 0, value ->> 1 "
    "FROM json_each(coalesce(?2, '[]')) WHERE value ->> 1 IS NOT NULL ";
static const char TOUCHED_JSON_SQL[] = TOUCHED_CTE
    "SELECT json_group_array(json_array(kind, id)) FROM (SELECT kind, id FROM shown WHERE id "
    "IS NOT NULL ORDER BY kind, id) ";

int bc_changes_touched(bc_store *s, const char *source_id, char **out, bc_err *err)
{
    *out = NULL;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, TOUCHED_JSON_SQL, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *out = bc_strdup((const char *)sqlite3_column_text(st, 0));
        if (*out == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory finding what an article touches");
    } else {
        rc = bc_store_error(s, err, "finding what an article touches");
    }
    sqlite3_reset(st);
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
    if (!origin_ok(origin))
        return bc_err_set(err, BC_EINVAL, "unknown origin '%.40s'; allowed: load, ingest, review",
                          origin ? origin : "");
    if (actor == NULL || actor[0] == '\0' || source_id == NULL || source_id[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a change needs a source and an actor");
    char when[32];
    if (at == NULL)
        now_iso(when);
    else
        snprintf(when, sizeof when, "%s", at);
    /* the rows first, as "kind\0id\0" pairs: comparing reuses cached statements */
    sqlite3_stmt *st;
    bc_buf rows = BC_BUF_INIT;
    size_t nrows = 0;
    int rc = bc_store_stmt(s, TOUCHED_SQL, &st, err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
        if (before != NULL)
            sqlite3_bind_text(st, 2, before, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(st, 2);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            bc_buf_append(&rows, sqlite3_column_text(st, 0),
                          (size_t)sqlite3_column_bytes(st, 0) + 1);
            bc_buf_append(&rows, sqlite3_column_text(st, 1),
                          (size_t)sqlite3_column_bytes(st, 1) + 1);
            nrows++;
        }
        if (step != SQLITE_DONE)
            rc = bc_store_error(s, err, "finding what an article changed");
        else if (bc_buf_failed(&rows))
            rc = bc_err_set(err, BC_ENOMEM, "out of memory finding what an article changed");
        sqlite3_reset(st);
    }
    int n = 0;
    /* kinds in feed order; ids in the order the query gave (sorted below per kind) */
    for (const bc_doc_kind *k = bc_doc_kinds; rc == BC_OK && k->type != NULL; k++) {
        const char *p = rows.data;
        const char **ids = NULL;
        size_t nids = 0;
        for (size_t i = 0; i < nrows; i++) {
            const char *kind = p, *id = p + strlen(p) + 1;
            p = id + strlen(id) + 1;
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
            rc = record_one(s, k, ids[i], origin, actor, when, 1, &n, err);
        if (compared != NULL && rc == BC_OK)
            *compared += (int)nids;
        bc_free(ids);
    }
    bc_buf_free(&rows);
    if (appended != NULL)
        *appended = n;
    return rc;
}

int bc_changes_record_ids(bc_store *s, const char *kind, const char *ids_json, const char *origin,
                          const char *actor, const char *at, int *appended, bc_err *err)
{
    const bc_doc_kind *k = bc_doc_kind_find(kind);
    if (k == NULL)
        return bc_err_set(err, BC_EINVAL, "unknown kind '%.40s'", kind ? kind : "");
    if (!origin_ok(origin))
        return bc_err_set(err, BC_EINVAL, "unknown origin '%.40s'; allowed: load, ingest, review",
                          origin ? origin : "");
    if (actor == NULL || actor[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a change needs an actor");
    char when[32];
    if (at == NULL)
        now_iso(when);
    else
        snprintf(when, sizeof when, "%s", at);
    /* the ids first: comparing reuses cached statements */
    sqlite3_stmt *st;
    bc_buf ids = BC_BUF_INIT;
    size_t nids = 0;
    int rc = bc_store_stmt(s,
                           "SELECT DISTINCT value FROM json_each(coalesce(?1, '[]')) WHERE "
                           "type = 'text' ORDER BY 1",
                           &st, err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, ids_json, -1, SQLITE_TRANSIENT);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            bc_buf_append(&ids, sqlite3_column_text(st, 0),
                          (size_t)sqlite3_column_bytes(st, 0) + 1);
            nids++;
        }
        if (step != SQLITE_DONE)
            rc = bc_store_error(s, err, "reading the ids to record");
        else if (bc_buf_failed(&ids))
            rc = bc_err_set(err, BC_ENOMEM, "out of memory recording changes");
        sqlite3_reset(st);
    }
    int n = 0;
    const char *id = ids.data;
    for (size_t i = 0; rc == BC_OK && i < nids; i++, id += strlen(id) + 1)
        rc = record_one(s, k, id, origin, actor, when, 1, &n, err);
    bc_buf_free(&ids);
    if (appended != NULL)
        *appended = n;
    return rc;
}

int bc_changes_record_migration(bc_store *s, int from, int to, int *appended, bc_err *err)
{
    int n = 0, fed = 0;
    long long last = 0;
    char *old = NULL;
    sqlite3_stmt *st = NULL;
    if (appended != NULL)
        *appended = 0;
    int rc = bc_store_begin(s, err);
    if (rc != BC_OK)
        return rc;
    rc = bc_store_stmt(s, "SELECT EXISTS (SELECT 1 FROM change_baseline)", &st, err);
    if (rc == BC_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            fed = sqlite3_column_int(st, 0);
        else
            rc = bc_store_error(s, err, "reading the change feed's baseline");
        sqlite3_reset(st);
    }
    if (rc == BC_OK && fed)
        rc = bc_changes_latest(s, &last, err);
    if (rc == BC_OK && fed)
        rc = bc_store_meta_get(s, "content_version", &old, err);
    /* the new content version: the previous one and the schema it was migrated to, as
     * ingest and review move it with what they did */
    if (rc == BC_OK && fed) {
        char step[64], hex[65];
        bc_buf b = BC_BUF_INIT;
        snprintf(step, sizeof step, "|migrate|%d|%d", from, to);
        bc_buf_puts(&b, old != NULL ? old : "");
        bc_buf_puts(&b, step);
        if (bc_buf_failed(&b))
            rc = bc_err_set(err, BC_ENOMEM, "out of memory moving the content version");
        else
            bc_sha256_hex(b.data, b.len, hex);
        bc_buf_free(&b);
        if (rc == BC_OK)
            rc = bc_store_meta_set(s, "content_version", hex, err);
    }
    if (rc == BC_OK && fed)
        rc = bc_changes_record(s, "load", "migration", NULL, &n, err);
    if (rc == BC_OK && n > 0) {
        char note[128];
        snprintf(note, sizeof note,
                 "bordercoop migrate: schema %d to %d changed what this document shows", from, to);
        rc = bc_store_run(s, "UPDATE changes SET note = ?1 WHERE seq > ?2",
                          BC_BINDS(bc_text(note), bc_int(last)), err);
    }
    bc_free(old);
    if (rc == BC_OK && n > 0)
        rc = bc_store_commit(s, err);
    else
        bc_store_rollback(s);
    if (rc == BC_OK && appended != NULL)
        *appended = n;
    return rc;
}

/* Runs count_sql, a count of the previous store's schema objects among two names, and
 * sets *both to whether it found both. */
static int prev_has_both(bc_store *s, const char *count_sql, int *both, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_prepare(s, count_sql, &st, err);
    if (rc == BC_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            *both = sqlite3_column_int(st, 0) == 2;
        else
            rc = bc_store_error(s, err, "reading the previous store's schema");
        sqlite3_finalize(st);
    }
    return rc;
}

int bc_changes_carry(bc_store *s, const char *prev_path, bc_err *err)
{
    sqlite3 *db = bc_store_db(s);
    sqlite3_stmt *st = NULL;
    int rc = bc_store_prepare(s, "ATTACH DATABASE ?1 AS prev", &st, err);
    if (rc != BC_OK)
        return rc;
    rc = bc_store_bind(st, BC_BINDS(bc_text(prev_path)), err);
    if (rc == BC_OK && sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(s, err, "opening the previous store for its change feed");
    sqlite3_finalize(st);
    if (rc != BC_OK)
        return rc;
    int has = 0;
    rc = prev_has_both(s,
                       "SELECT count(*) FROM prev.sqlite_schema WHERE type = 'table' AND name "
                       "IN ('changes', 'change_baseline')",
                       &has, err);
    /* a feed from before 0021 has no curations: its entries carry null */
    int curations = 0;
    if (rc == BC_OK && has)
        rc = prev_has_both(s,
                           "SELECT count(*) FROM pragma_table_info('changes', 'prev') WHERE "
                           "name IN ('curation_before', 'curation_after')",
                           &curations, err);
    int begun = 0;
    if (rc == BC_OK && has) {
        rc = bc_store_begin(s, err);
        begun = rc == BC_OK;
    }
    if (rc == BC_OK && has)
        rc = bc_store_exec(s,
                           curations
                               ? "INSERT INTO main.changes SELECT * FROM prev.changes ORDER BY "
                                 "seq;"
                                 "INSERT INTO main.change_baseline SELECT * FROM "
                                 "prev.change_baseline;"
                               : "INSERT INTO main.changes (seq, at, content_version, kind, id, "
                                 "op, fields, actor, origin, note) SELECT seq, at, "
                                 "content_version, kind, id, op, fields, actor, origin, note "
                                 "FROM prev.changes ORDER BY seq;"
                                 "INSERT INTO main.change_baseline SELECT * FROM "
                                 "prev.change_baseline;",
                           err);
    /* a previous store from before 0048: its figures' baselines as that migration leaves
     * them, so the rebuild reports no change for counts the documents no longer carry */
    if (rc == BC_OK && has)
        rc = bc_store_exec(s,
                           "UPDATE main.change_baseline SET doc = json_remove(doc, "
                           "'$.overlaps_total', '$.conflicts_total'), sha256 = '' WHERE kind = "
                           "'figure' AND (json_type(doc, '$.overlaps_total') IS NOT NULL OR "
                           "json_type(doc, '$.conflicts_total') IS NOT NULL)",
                           err);
    if (rc == BC_OK && begun)
        rc = bc_store_commit(s, err);
    if (rc != BC_OK && begun)
        bc_store_rollback(s);
    sqlite3_exec(db, "DETACH DATABASE prev", NULL, NULL, NULL);
    return rc;
}

int bc_changes_latest(bc_store *s, long long *seq, bc_err *err)
{
    *seq = 0;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, "SELECT coalesce(max(seq), 0) FROM changes", &st, err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *seq = sqlite3_column_int64(st, 0);
    else
        rc = bc_store_error(s, err, "reading the change feed");
    sqlite3_reset(st);
    return rc;
}
