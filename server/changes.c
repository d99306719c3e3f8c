/* changes.c: the change feed (see changes.h): entries appended by explicit steps and by
 * comparing every document with the baseline the feed last reported. */
#include "bordercoop/changes.h"
#include "changes_int.h"
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
     "SELECT doc FROM v_meeting_doc WHERE id = ?1",
     "SELECT hidden FROM v_meeting_hidden_sets WHERE id = ?1"},
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

void changes_now_iso(char out[32])
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

/* The sets that leave kind/id out of their lists now (k->hidden_sql) into *out (new,
 * bc_free; NULL: none, or a kind without such a rule). */
static int current_hidden(bc_store *s, const bc_doc_kind *k, const char *id, char **out,
                          bc_err *err)
{
    *out = NULL;
    if (k->hidden_sql == NULL)
        return BC_OK;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, k->hidden_sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT) {
        if ((*out = bc_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory reading where %s %s is listed", k->type,
                            id);
    } else if (step != SQLITE_ROW && step != SQLITE_DONE) {
        rc = bc_store_error(s, err, "reading where a document is listed");
    }
    sqlite3_reset(st);
    return rc;
}

static int same_text(const char *a, const char *b)
{
    return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Moves the baseline of kind/id to doc (NULL: drops it) and the sets that leave it out
 * to hidden (NULL: none); sha is doc's SHA-256 in hex when the caller has it, NULL to
 * compute it here. */
static int set_baseline(bc_store *s, const char *kind, const char *id, const char *doc,
                        const char *sha, const char *hidden, bc_err *err)
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
                           "INSERT OR REPLACE INTO change_baseline (kind, id, sha256, doc, "
                           "hidden) VALUES (?1, ?2, ?3, ?4, ?5)",
                           &st, err);
        if (rc == BC_OK) {
            char hex[65];
            if (sha == NULL)
                bc_sha256_hex(doc, strlen(doc), hex);
            sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 3, sha != NULL ? sha : hex, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 4, doc, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 5, hidden, -1, SQLITE_TRANSIENT);
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
 * *cur and the sets that left it out then into *hidden (each new, bc_free; NULL when
 * unknown or without one). */
static int baseline_state(bc_store *s, const char *kind, const char *id, char **cur, char **hidden,
                          bc_err *err)
{
    *cur = *hidden = NULL;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT json_extract(doc, '$.curation'), hidden FROM change_baseline "
                           "WHERE kind = ?1 AND id = ?2",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    for (int c = 0; c < 2 && step == SQLITE_ROW; c++) {
        char **out = c == 0 ? cur : hidden;
        if (sqlite3_column_type(st, c) == SQLITE_TEXT &&
            (*out = bc_strdup((const char *)sqlite3_column_text(st, c))) == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory reading the baseline");
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading the change feed's baseline");
    sqlite3_reset(st);
    return rc;
}

/* One entry's values beside kind and id. */
typedef struct entry {
    const char *at;
    bc_change_op op;
    const char *fields_json; /* a JSON array text or NULL */
    const char *actor, *origin, *note;
    /* the entity's curation before and after the change (NULL: no document then, or a
     * kind without curation), and the sets that left it out of their lists (NULL: none) */
    const char *cur_before, *cur_after, *hid_before, *hid_after;
} entry;

/* Inserts one row. */
static int insert_entry(bc_store *s, const char *kind, const char *id, const entry *e,
                        long long *seq, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "INSERT INTO changes (at, content_version, kind, id, op, fields, actor, "
                           "origin, note, curation_before, curation_after, hidden_before, "
                           "hidden_after) VALUES (?1, coalesce((SELECT value FROM store_meta "
                           "WHERE key = 'content_version'), ''), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                           "?10, ?11, ?12)",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    const char *v[] = {e->at,
                       kind,
                       id,
                       bc_change_op_name(e->op),
                       e->fields_json,
                       e->actor,
                       e->origin,
                       e->note,
                       e->cur_before,
                       e->cur_after,
                       e->hid_before,
                       e->hid_after};
    for (int i = 0; i < 12; i++)
        sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(s, err, "appending to the change feed");
    else if (seq != NULL)
        *seq = (long long)sqlite3_last_insert_rowid(bc_store_db(s));
    sqlite3_reset(st);
    return rc;
}

int changes_origin_ok(const char *o)
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
    if (!changes_origin_ok(c->origin))
        return bc_err_set(err, BC_EINVAL, "unknown origin '%.40s'; allowed: load, ingest, review",
                          c->origin ? c->origin : "");
    char at[32];
    if (c->at == NULL)
        changes_now_iso(at);
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
    char *doc = NULL, *before = NULL, *after = NULL, *hid_before = NULL, *hid_after = NULL;
    if (rc == BC_OK && c->op != BC_CHANGE_REMOVED)
        rc = current_doc(s, k, c->id, &doc, err);
    if (rc == BC_OK && doc != NULL)
        rc = current_hidden(s, k, c->id, &hid_after, err);
    if (rc == BC_OK)
        rc = baseline_state(s, k->type, c->id, &before, &hid_before, err);
    if (rc == BC_OK)
        rc = doc_curation(s, doc, &after, err);
    entry e = {at,      c->op,  fields, c->actor,   c->origin,
               c->note, before, after,  hid_before, hid_after};
    if (rc == BC_OK)
        rc = insert_entry(s, k->type, c->id, &e, seq, err);
    free(fields);
    if (rc == BC_OK)
        rc = set_baseline(s, k->type, c->id, doc, NULL, hid_after, err);
    bc_free(before);
    bc_free(after);
    bc_free(hid_before);
    bc_free(hid_after);
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
    char *before = NULL, *hid_before = NULL;
    int rc = baseline_state(s, k->type, id, &before, &hid_before, err);
    entry e = {at, BC_CHANGE_REMOVED, NULL, actor, origin, NULL, before, NULL, hid_before, NULL};
    if (rc == BC_OK)
        rc = insert_entry(s, k->type, id, &e, NULL, err);
    bc_free(before);
    bc_free(hid_before);
    if (rc == BC_OK)
        rc = set_baseline(s, k->type, id, NULL, NULL, NULL, err);
    if (rc == BC_OK)
        (*appended)++;
    return rc;
}

/* See changes_int.h. A document whose text is unchanged but which a set's list took in or
 * left out (k->hidden_sql) gets a `changed` entry with no fields. */
int changes_record_one(bc_store *s, const bc_doc_kind *k, const char *id, const char *origin,
                       const char *actor, const char *at, int gone_counts, int *appended,
                       bc_err *err)
{
    char *doc = NULL, *old = NULL, *hid_old = NULL, *hid_now = NULL;
    char sha[65];
    int rc = current_doc(s, k, id, &doc, err);
    if (rc == BC_OK && doc != NULL)
        rc = current_hidden(s, k, id, &hid_now, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_stmt *b;
    int same = 0, known = 0;
    if (doc != NULL)
        bc_sha256_hex(doc, strlen(doc), sha);
    rc = bc_store_stmt(
        s, "SELECT sha256, doc, hidden FROM change_baseline WHERE kind = ?1 AND id = ?2", &b, err);
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
            if (rc == BC_OK && sqlite3_column_type(b, 2) == SQLITE_TEXT &&
                (hid_old = bc_strdup((const char *)sqlite3_column_text(b, 2))) == NULL)
                rc = bc_err_set(err, BC_ENOMEM, "out of memory comparing %s %s", k->type, id);
        } else if (bs != SQLITE_DONE) {
            rc = bc_store_error(s, err, "reading the change feed's baseline");
        }
        sqlite3_reset(b);
    }
    /* the same document under a stale hash (a migration rewrote the baseline's text,
     * 0048) is no change: the hash is set again */
    int same_doc = same || (known && doc != NULL && old != NULL && strcmp(old, doc) == 0);
    int same_lists = same_text(hid_old, hid_now);
    if (rc == BC_OK && doc == NULL) {
        /* gone: a removal when the feed had reported it */
        if (known && gone_counts)
            rc = append_removal(s, k, id, origin, actor, at, appended, err);
    } else if (rc == BC_OK && same_doc && same_lists) {
        if (!same)
            rc = set_baseline(s, k->type, id, doc, sha, hid_now, err);
    } else if (rc == BC_OK) {
        char *fields = !known ? NULL : same_doc ? bc_strdup("[]") : diff_fields(old, doc);
        char *before = NULL, *after = NULL;
        if (known && fields == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory comparing %s %s", k->type, id);
        if (rc == BC_OK)
            rc = doc_curation(s, same_doc ? doc : old, &before, err);
        if (rc == BC_OK)
            rc = doc_curation(s, doc, &after, err);
        entry e = {at,      known ? BC_CHANGE_CHANGED : BC_CHANGE_ADDED,
                   fields,  actor,
                   origin,  NULL,
                   before,  after,
                   hid_old, hid_now};
        if (rc == BC_OK)
            rc = insert_entry(s, k->type, id, &e, NULL, err);
        bc_free(before);
        bc_free(after);
        if (rc == BC_OK)
            rc = set_baseline(s, k->type, id, doc, sha, hid_now, err);
        if (rc == BC_OK)
            (*appended)++;
        if (same_doc)
            bc_free(fields);
        else
            free(fields);
    }
    bc_free(old);
    bc_free(doc);
    bc_free(hid_old);
    bc_free(hid_now);
    return rc;
}

static int record_kind(bc_store *s, const bc_doc_kind *k, const char *origin, const char *actor,
                       const char *at, int *appended, bc_err *err)
{
    /* ids first: rendering documents and moving the baseline reuse cached statements */
    sqlite3_stmt *st;
    int rc = bc_store_prepare(s, k->ids_sql, &st, err);
    while (bc_store_row(s, st, &rc, err, "listing documents for the change feed")) {
        rc = changes_record_one(s, k, (const char *)sqlite3_column_text(st, 0), origin, actor, at,
                                0, appended, err);
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
    if (!changes_origin_ok(origin))
        return bc_err_set(err, BC_EINVAL, "unknown origin '%.40s'; allowed: load, ingest, review",
                          origin ? origin : "");
    if (actor == NULL || actor[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a change needs an actor");
    char when[32];
    if (at == NULL)
        changes_now_iso(when);
    else
        snprintf(when, sizeof when, "%s", at);
    int n = 0, rc = BC_OK;
    for (const bc_doc_kind *k = bc_doc_kinds; rc == BC_OK && k->type != NULL; k++)
        rc = record_kind(s, k, origin, actor, when, &n, err);
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
    if (!changes_origin_ok(origin))
        return bc_err_set(err, BC_EINVAL, "unknown origin '%.40s'; allowed: load, ingest, review",
                          origin ? origin : "");
    if (actor == NULL || actor[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a change needs an actor");
    char when[32];
    if (at == NULL)
        changes_now_iso(when);
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
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(ids_json)), err);
    if (rc == BC_OK)
        rc = bc_store_collect_text(s, st, 1, &ids, &nids, "reading the ids to record", err);
    int n = 0;
    const char *id = ids.data;
    for (size_t i = 0; rc == BC_OK && i < nids; i++, id += strlen(id) + 1)
        rc = changes_record_one(s, k, id, origin, actor, when, 1, &n, err);
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

/* Copies table from the attached previous store into this one, the columns both have,
 * rows in the order order gives ("" or " ORDER BY ..."). */
static int carry_table(bc_store *s, const char *table, const char *order, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    char *cols = NULL;
    int rc = bc_store_prepare(s,
                              "SELECT group_concat(p.name, ', ') FROM pragma_table_info(?1, "
                              "'prev') p WHERE p.name IN (SELECT name FROM pragma_table_info(?1, "
                              "'main'))",
                              &st, err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(table)), err);
    if (rc == BC_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
        cols = bc_strdup((const char *)sqlite3_column_text(st, 0));
    else if (rc == BC_OK)
        rc = bc_store_error(s, err, "reading the previous store's change feed");
    sqlite3_finalize(st);
    if (rc == BC_OK && cols == NULL)
        rc = bc_err_set(err, BC_ENOMEM, "out of memory carrying the change feed");
    bc_buf sql = BC_BUF_INIT;
    if (rc == BC_OK) {
        bc_buf_printf(&sql, "INSERT INTO main.%s (%s) SELECT %s FROM prev.%s%s", table, cols, cols,
                      table, order);
        rc = bc_buf_failed(&sql) ? bc_err_set(err, BC_ENOMEM, "out of memory carrying the feed")
                                 : bc_store_exec(s, sql.data, err);
    }
    bc_buf_free(&sql);
    bc_free(cols);
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
    /* a store from before 0052 has no list membership in its baseline: it is read from
     * this build, as that migration sets it (no entry for what its feed never told) */
    int hidden = 0;
    if (rc == BC_OK && has)
        rc = prev_has_both(s,
                           "SELECT count(*) + 1 FROM pragma_table_info('change_baseline', "
                           "'prev') WHERE name = 'hidden'",
                           &hidden, err);
    int begun = 0;
    if (rc == BC_OK && has) {
        rc = bc_store_begin(s, err);
        begun = rc == BC_OK;
    }
    /* the columns both stores have: a feed from before 0021 has no curations, one from
     * before 0052 no lists; its entries carry null */
    if (rc == BC_OK && has)
        rc = carry_table(s, "changes", " ORDER BY seq", err);
    if (rc == BC_OK && has)
        rc = carry_table(s, "change_baseline", "", err);
    if (rc == BC_OK && has && !hidden)
        rc = bc_store_exec(s,
                           "UPDATE main.change_baseline SET hidden = (SELECT hidden FROM "
                           "main.v_meeting_hidden_sets v WHERE v.id = change_baseline.id) WHERE "
                           "kind = 'meeting'",
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
